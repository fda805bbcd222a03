"""The data model: spans, quotes, cues, mentions, speakers and attributions.

All classes are frozen, slotted attrs classes holding tuples and enums, so a
result can be hashed, compared and shared between threads. Every span satisfies
``text[span.start:span.end] == span.text`` for the exact input string.

``to_dict()`` gives plain JSON-ready data; ``from_dict()`` rebuilds the object:

>>> s = Span(start=0, end=2, text="Hi")
>>> Span.from_dict(s.to_dict()) == s
True
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator, Mapping
from typing import Any, TypeVar

import attrs

from quoteattr.errors import DataError

_T = TypeVar("_T")

__all__ = [
    "Attribution",
    "Cue",
    "Extraction",
    "Mention",
    "MentionKind",
    "Quote",
    "QuoteKind",
    "QuoteRole",
    "Span",
    "Speaker",
    "SpeakerKind",
]


class QuoteKind(enum.Enum):
    """How the words are reported."""

    DIRECT = "direct"  # inside quotation marks (or a block quote)
    INDIRECT = "indirect"  # a reported clause without marks
    MIXED = "mixed"  # a reported clause carrying quoted fragments


class QuoteRole(enum.Enum):
    """What a quoted span is used for."""

    SPEECH = "speech"  # words someone said or wrote
    SCARE = "scare"  # a term or scare quote: "back doors"
    TITLE = "title"  # the title of a work or a headline: under the headline "..."


class MentionKind(enum.Enum):
    """What kind of words name the speaker at a quote."""

    NAME = "name"  # "Ann Lee", "Lee"
    PRONOUN = "pronoun"  # "he", "they"
    NOMINAL = "nominal"  # "the spokesman", "a company spokeswoman"
    ORGANISATION = "organisation"  # "Acme Corp", "the ministry"


class SpeakerKind(enum.Enum):
    """What a speaker is."""

    PERSON = "person"
    ORGANISATION = "organisation"
    UNKNOWN = "unknown"


def _require(data: Mapping[str, Any], key: str, cls: str) -> Any:
    try:
        return data[key]
    except (KeyError, TypeError) as exc:
        raise DataError(f"{cls}.from_dict: missing key {key!r}") from exc


def _enum(kind: type[enum.Enum], value: Any, cls: str) -> Any:
    try:
        return kind(value)
    except ValueError as exc:
        raise DataError(f"{cls}.from_dict: {value!r} is not a {kind.__name__}") from exc


def _guard(cls: str, data: Any, build: Callable[[], _T]) -> _T:
    """Build an object from JSON data, turning any shape error into a :class:`DataError`."""
    if not isinstance(data, Mapping):
        raise DataError(f"{cls}.from_dict: expected a mapping, not {type(data).__name__}")
    try:
        return build()
    except DataError:
        raise
    except (TypeError, ValueError, AttributeError, KeyError) as exc:
        raise DataError(f"{cls}.from_dict: {exc}") from exc


def _check_span(inst: Span, _attr: attrs.Attribute[int], value: int) -> None:
    if not 0 <= inst.start <= inst.end:
        raise ValueError(f"invalid span [{inst.start}, {inst.end})")
    if inst.end - inst.start != len(inst.text):
        raise ValueError(f"span [{inst.start}, {inst.end}) does not fit its text {inst.text!r}")


@attrs.frozen(kw_only=True, order=True)
class Span:
    """A stretch of the input: ``text == input[start:end]``."""

    start: int
    end: int = attrs.field(validator=_check_span)
    text: str = attrs.field(order=False)

    @classmethod
    def of(cls, source: str, start: int, end: int) -> Span:
        """Cut the span ``[start, end)`` out of *source*.

        >>> Span.of("he said", 3, 7)
        Span(start=3, end=7, text='said')
        """
        return cls(start=start, end=end, text=source[start:end])

    def to_dict(self) -> dict[str, Any]:
        """Return ``{"start", "end", "text"}``."""
        return {"start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Span:
        """Rebuild a span from :meth:`to_dict` output."""
        return _guard(
            "Span",
            data,
            lambda: cls(
                start=int(_require(data, "start", "Span")),
                end=int(_require(data, "end", "Span")),
                text=str(_require(data, "text", "Span")),
            ),
        )


@attrs.frozen(kw_only=True)
class Quote:
    """The quoted or reported words.

    ``span`` is the content: inside the marks for a direct quote, the reported
    clause for indirect and mixed ones. ``marks`` are the quotation marks used
    (opening and closing, as written), ``fragments`` the quoted pieces of a
    mixed quote, each with its own span. ``parts`` are the pieces of a
    reported clause that its own attribution interrupts ("The plan, she said,
    is dead": ``span`` is the whole, the parts "The plan" and "is dead"); a
    clause written in one piece has none.
    """

    span: Span
    kind: QuoteKind
    marks: tuple[str, ...] = ()
    fragments: tuple[Span, ...] = ()
    role: QuoteRole = QuoteRole.SPEECH
    parts: tuple[Span, ...] = ()

    @property
    def text(self) -> str:
        """Return the quoted words."""
        return self.span.text

    @property
    def start(self) -> int:
        """Return the first offset of the content."""
        return self.span.start

    @property
    def end(self) -> int:
        """Return the offset just past the content."""
        return self.span.end

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready data."""
        return {
            "span": self.span.to_dict(),
            "kind": self.kind.value,
            "marks": list(self.marks),
            "fragments": [f.to_dict() for f in self.fragments],
            "role": self.role.value,
            "parts": [p.to_dict() for p in self.parts],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Quote:
        """Rebuild a quote from :meth:`to_dict` output."""
        return _guard(
            "Quote",
            data,
            lambda: cls(
                span=Span.from_dict(_require(data, "span", "Quote")),
                kind=_enum(QuoteKind, _require(data, "kind", "Quote"), "Quote"),
                marks=tuple(str(m) for m in data.get("marks", ())),
                fragments=tuple(Span.from_dict(f) for f in data.get("fragments", ())),
                role=_enum(QuoteRole, data.get("role", "speech"), "Quote"),
                parts=tuple(Span.from_dict(p) for p in data.get("parts", ())),
            ),
        )


@attrs.frozen(kw_only=True)
class Cue:
    """The reporting verb or phrase: "said", "told", "according to"."""

    span: Span
    lemma: str  # "told" -> "tell"; "according to" stays

    @property
    def text(self) -> str:
        """Return the cue as written."""
        return self.span.text

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready data."""
        return {"span": self.span.to_dict(), "lemma": self.lemma}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Cue:
        """Rebuild a cue from :meth:`to_dict` output."""
        return _guard(
            "Cue",
            data,
            lambda: cls(
                span=Span.from_dict(_require(data, "span", "Cue")),
                lemma=str(_require(data, "lemma", "Cue")),
            ),
        )


@attrs.frozen(kw_only=True)
class Mention:
    """Words in the text that refer to a speaker: "Lee", "he", "the firm"."""

    span: Span
    kind: MentionKind

    @property
    def text(self) -> str:
        """Return the mention as written."""
        return self.span.text

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready data."""
        return {"span": self.span.to_dict(), "kind": self.kind.value}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Mention:
        """Rebuild a mention from :meth:`to_dict` output."""
        return _guard(
            "Mention",
            data,
            lambda: cls(
                span=Span.from_dict(_require(data, "span", "Mention")),
                kind=_enum(MentionKind, _require(data, "kind", "Mention"), "Mention"),
            ),
        )


@attrs.frozen(kw_only=True)
class Speaker:
    """A person or organisation the document quotes.

    ``name`` is the most complete name the document gives, without titles
    ("Ann Lee", "Acme"), or the first description when no name is given
    ("a company spokeswoman"). ``descriptors`` are titles and roles the text
    attaches ("spokesman", "Rep."); ``affiliation`` the organisation it names
    for the speaker, if any.
    """

    name: str
    kind: SpeakerKind
    mentions: tuple[Mention, ...] = ()
    descriptors: tuple[str, ...] = ()
    affiliation: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready data."""
        return {
            "name": self.name,
            "kind": self.kind.value,
            "mentions": [m.to_dict() for m in self.mentions],
            "descriptors": list(self.descriptors),
            "affiliation": self.affiliation,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Speaker:
        """Rebuild a speaker from :meth:`to_dict` output."""
        affiliation = data.get("affiliation") if isinstance(data, Mapping) else None
        return _guard(
            "Speaker",
            data,
            lambda: cls(
                name=str(_require(data, "name", "Speaker")),
                kind=_enum(SpeakerKind, _require(data, "kind", "Speaker"), "Speaker"),
                mentions=tuple(Mention.from_dict(m) for m in data.get("mentions", ())),
                descriptors=tuple(str(d) for d in data.get("descriptors", ())),
                affiliation=None if affiliation is None else str(affiliation),
            ),
        )


def _check_confidence(_inst: Any, _attr: attrs.Attribute[float], value: float) -> None:
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"confidence {value} is not in [0, 1]")


@attrs.frozen(kw_only=True)
class Attribution:
    """Who said what: a quote, its cue, the mention tied to it and the speaker.

    ``rules`` names, in order, the registered rules that produced it (see
    ``quoteattr rules``), so a reader can see why the library thinks so.
    """

    quote: Quote
    speaker: Speaker | None
    mention: Mention | None
    cue: Cue | None
    confidence: float = attrs.field(validator=_check_confidence)
    rules: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready data (see docs/data-model.md)."""
        return {
            "quote": self.quote.to_dict(),
            "speaker": None if self.speaker is None else self.speaker.to_dict(),
            "mention": None if self.mention is None else self.mention.to_dict(),
            "cue": None if self.cue is None else self.cue.to_dict(),
            "confidence": self.confidence,
            "rules": list(self.rules),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Attribution:
        """Rebuild an attribution from :meth:`to_dict` output."""
        if not isinstance(data, Mapping):
            raise DataError(f"Attribution.from_dict: expected a mapping, not {type(data).__name__}")
        speaker = data.get("speaker")
        mention = data.get("mention")
        cue = data.get("cue")
        return _guard(
            "Attribution",
            data,
            lambda: cls(
                quote=Quote.from_dict(_require(data, "quote", "Attribution")),
                speaker=None if speaker is None else Speaker.from_dict(speaker),
                mention=None if mention is None else Mention.from_dict(mention),
                cue=None if cue is None else Cue.from_dict(cue),
                confidence=float(_require(data, "confidence", "Attribution")),
                rules=tuple(str(r) for r in data.get("rules", ())),
            ),
        )


@attrs.frozen(kw_only=True)
class Extraction:
    """Everything extracted from one document.

    Iterating over it gives the attributions in text order; ``speakers`` lists
    every speaker once; ``other_quotes`` holds quoted spans that are not speech
    (scare quotes, titles), kept so that callers can see what was set aside.
    """

    attributions: tuple[Attribution, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    other_quotes: tuple[Quote, ...] = ()

    def __iter__(self) -> Iterator[Attribution]:
        return iter(self.attributions)

    def __len__(self) -> int:
        return len(self.attributions)

    def __getitem__(self, index: int) -> Attribution:
        return self.attributions[index]

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready data."""
        return {
            "attributions": [a.to_dict() for a in self.attributions],
            "speakers": [s.to_dict() for s in self.speakers],
            "other_quotes": [q.to_dict() for q in self.other_quotes],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Extraction:
        """Rebuild an extraction from :meth:`to_dict` output."""
        return _guard(
            "Extraction",
            data,
            lambda: cls(
                attributions=tuple(Attribution.from_dict(a) for a in data.get("attributions", ())),
                speakers=tuple(Speaker.from_dict(s) for s in data.get("speakers", ())),
                other_quotes=tuple(Quote.from_dict(q) for q in data.get("other_quotes", ())),
            ),
        )
