"""The document every stage reads: the exact text and its same-length view."""

from __future__ import annotations

from typing import Any

import attrs

from quoteattr.normalise import normalise

__all__ = ["Document"]


@attrs.frozen
class Document:
    """A text and its normalised view, of the same length.

    Rules match against ``view``; every offset they produce indexes ``text``.
    ``cache`` keeps results that several rules ask for (a document is
    processed once and thrown away, so the cache lives and dies with it).

    >>> doc = Document("He said\\u00a0no")
    >>> doc.view, len(doc.view) == len(doc.text)
    ('He said no', True)
    """

    text: str
    view: str = attrs.field(init=False)
    cache: dict[tuple[object, ...], Any] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "view", normalise(self.text))

    @property
    def lower(self) -> str:
        """Return the view in lower case, computed once.

        A rare character lower-cases to two ("İ"); then the view itself is
        returned, so offsets stay the same.
        """
        found: str | None = self.cache.get(("lower",))
        if found is None:
            found = self.view.lower()
            if len(found) != len(self.view):
                found = self.view
            self.cache[("lower",)] = found
        return found
