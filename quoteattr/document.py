"""The document every stage reads: the exact text and its same-length view."""

from __future__ import annotations

import attrs

from quoteattr.normalise import normalise

__all__ = ["Document"]


@attrs.frozen
class Document:
    """A text and its normalised view, of the same length.

    Rules match against ``view``; every offset they produce indexes ``text``.

    >>> doc = Document("He said\\u00a0no")
    >>> doc.view, len(doc.view) == len(doc.text)
    ('He said no', True)
    """

    text: str
    view: str = attrs.field(init=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "view", normalise(self.text))
