"""Hypothesis strategies: news-like text whose attributions are known by construction.

Install with ``pip install 'quoteattr[strategies]'``. This is the only module
of quoteattr that imports Hypothesis, so the core keeps its two dependencies.

Two families of strategies live here:

- text strategies (:func:`direct_quotes`, :func:`articles`) draw a speaker, a
  cue, a quote style and a placement, write the sentence, and return it with
  the :class:`Expected` attributions the library must find in it;
- model strategies (:func:`spans`, :func:`attributions`, :func:`extractions`)
  draw valid data-model objects for round-trip tests. :func:`register` (run
  when this module is imported) makes ``st.from_type(Attribution)`` and its
  siblings use them.

A property test of the default rules looks like this (see
``docs/testing-rules.md`` for more; examples live there, not in doctests,
because Hypothesis examples differ from run to run)::

    from hypothesis import given
    import quoteattr
    from quoteattr.strategies import Expected, direct_quotes, expected_of

    @given(direct_quotes())
    def test_direct_quotes(case: tuple[str, tuple[Expected, ...]]) -> None:
        text, expected = case
        assert sorted(expected) == sorted(expected_of(quoteattr.extract(text)))
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from typing import Literal

import attrs
from hypothesis import strategies as st

from quoteattr.models import (
    Attribution,
    Cue,
    Extraction,
    Mention,
    MentionKind,
    Quote,
    QuoteKind,
    QuoteRole,
    Span,
    Speaker,
    SpeakerKind,
)

__all__ = [
    "ANONYMOUS",
    "CUE_VERBS",
    "QUOTE_STYLES",
    "TITLES",
    "Article",
    "Aside",
    "Continued",
    "Expected",
    "Gender",
    "Paragraph",
    "Placement",
    "QuoteStyle",
    "Said",
    "SpeakerName",
    "anonymous_speakers",
    "article_plans",
    "articles",
    "asides",
    "attributions",
    "awkward_texts",
    "cue_verbs",
    "direct_quotes",
    "expected_of",
    "extractions",
    "organisations",
    "person_names",
    "placements",
    "quote_contents",
    "quote_styles",
    "register",
    "said_paragraphs",
    "spans",
    "speaker_names",
]

Gender = Literal["female", "male"]

# -- word pools ----------------------------------------------------------------
# Kept small and disjoint: no given name is a family name, no name is a word of
# the quote or distractor pools, so a test can rename a person with a
# whole-word replacement and nothing else changes.
_GIVEN: dict[Gender, tuple[str, ...]] = {
    "female": ("Ann", "Maria", "Aisha", "Mei", "Priya", "Olga", "Fatima", "Ingrid", "Yuki", "Chiara", "Amara", "Lucía"),
    "male": ("Omar", "Kenji", "Rahul", "Lars", "Diego", "Tomasz", "Kwame", "Luca", "Hamid", "Sean", "Pavel", "Jonas"),
}
_FAMILY = (
    "Lee", "Haddad", "Okafor", "Nakamura", "Sharma", "Lindqvist", "Novak", "Moreau", "Castillo",
    "Kowalski", "Mensah", "Rossi", "Petrov", "Brennan", "O'Brien", "Müller", "García", "Al-Masri", "Nguyen",
)  # fmt: skip
TITLES: tuple[str, ...] = ("Sen.", "Dr.", "Prime Minister")
"""Titles :func:`person_names` may put before a name; the speaker's name never includes them."""

_ORG_BASES = ("Norland", "Eastmere", "Halvard", "Brightwater", "Kestrel", "Vextra", "Quillon", "Orrin", "Acme")
_MINISTRIES = ("Transport", "Health", "Finance", "Energy", "Defence")

ANONYMOUS: tuple[tuple[str, Gender | None], ...] = (
    ("a company spokeswoman", "female"),
    ("a company spokesman", "male"),
    ("an agency official", None),
    ("a senior official", None),
    ("a ministry spokesperson", None),
    ("an industry analyst", None),
)
"""Descriptions of unnamed speakers, with the gender they give away (if any)."""

CUE_VERBS: tuple[str, ...] = (
    "said", "told reporters", "added", "explained", "insisted", "warned", "noted", "stressed", "argued",
    "told journalists", "cautioned", "acknowledged",
)  # fmt: skip
"""Cue phrases; the cue the library reports is the first word ("told" of "told reporters")."""

_QUOTE_WORDS = (
    "we", "will", "not", "accept", "this", "plan", "the", "market", "is", "strong", "prices", "could", "rise",
    "again", "next", "year", "our", "team", "worked", "hard", "for", "months", "there", "was", "no", "other",
    "choice", "people", "deserve", "better", "answers", "from", "government", "it", "a", "fair", "deal",
    "everyone", "nobody", "expected", "such", "growth", "they", "said", "would", "work", "costs", "keep",
    "climbing", "and", "workers", "are", "worried", "about", "jobs", "I", "think", "sales", "fell", "sharply",
    "Parliament", "Treasury", "he", "she", "told", "warned", "good", "news", "very", "soon",
)  # fmt: skip


# -- small records -------------------------------------------------------------
def _speaker_order(name: str | None) -> tuple[bool, str]:
    return (name is not None, name or "")


def _cue_order(cue: str | None) -> tuple[bool, str]:
    return (cue is not None, cue or "")


def _kind_order(kind: QuoteKind) -> str:
    return kind.value


@attrs.frozen(order=True)
class Expected:
    """One attribution a text must yield: the quote, the speaker's name, the cue and the kind.

    Offsets are left out on purpose: they follow from the text, and leaving
    them out lets one record describe a text and its restyled variants.
    Records sort, so ``sorted(expected) == sorted(expected_of(result))``
    compares two sets of attributions.
    """

    quote_text: str
    speaker: str | None = attrs.field(order=_speaker_order)
    cue: str | None = attrs.field(order=_cue_order)
    kind: QuoteKind = attrs.field(default=QuoteKind.DIRECT, order=_kind_order)


def expected_of(extraction: Extraction) -> tuple[Expected, ...]:
    """Reduce an extraction to :class:`Expected` records, to compare with the constructed ones."""
    return tuple(
        Expected(
            a.quote.text,
            None if a.speaker is None else a.speaker.name,
            None if a.cue is None else a.cue.text,
            a.quote.kind,
        )
        for a in extraction
    )


@attrs.frozen(kw_only=True)
class SpeakerName:
    """A speaker as an article first writes it, and the name the library must report.

    ``written`` is the first mention ("Sen. Ann Lee", "Acme Corp", "a company
    spokeswoman"); ``name`` the :attr:`Speaker.name <quoteattr.models.Speaker.name>`
    it must give ("Ann Lee", "Acme", "a company spokeswoman"). ``surname``
    is the back-reference ("Lee") and ``gender`` the pronoun's, for people.
    """

    written: str
    name: str
    kind: SpeakerKind
    surname: str | None = None
    gender: Gender | None = None
    anonymous: bool = False

    @property
    def pronoun(self) -> str | None:
        """Return "she" or "he", or None when the text gives no gender."""
        if self.gender is None:
            return None
        return "she" if self.gender == "female" else "he"


@attrs.frozen
class QuoteStyle:
    """A pair of quotation marks: straight or curly, double or single, or guillemets."""

    name: str
    open: str
    close: str

    def wrap(self, content: str) -> str:
        """Put *content* between the marks."""
        return f"{self.open}{content}{self.close}"


QUOTE_STYLES: tuple[QuoteStyle, ...] = (
    QuoteStyle("straight double", '"', '"'),
    QuoteStyle("curly double", "“", "”"),
    QuoteStyle("curly single", "‘", "’"),
    QuoteStyle("straight single", "'", "'"),
    QuoteStyle("guillemets", "«", "»"),
)
"""Every style :func:`quote_styles` draws from."""


class Placement(enum.Enum):
    """Where the cue stands relative to the quotation."""

    AFTER = "after"  # "Q," X said.
    INVERTED = "inverted"  # "Q," said X.
    BEFORE_COLON = "before_colon"  # X said: "Q."
    BEFORE_COMMA = "before_comma"  # X said, "Q."

    @property
    def is_after(self) -> bool:
        """Tell whether the quotation comes first (and so ends with a comma)."""
        return self in (Placement.AFTER, Placement.INVERTED)

    def write(self, content: str, mention: str, cue: str, style: QuoteStyle) -> tuple[str, str]:
        """Write one sentence; return it and the quote's content as the library must report it.

        *content* has no final punctuation: a quotation before its cue ends
        with "," inside the marks, one after it with ".".
        """
        if self.is_after:
            quoted = content + ","
            if self is Placement.AFTER:
                return f"{style.wrap(quoted)} {mention} {cue}.", quoted
            return f"{style.wrap(quoted)} {cue} {mention}.", quoted
        quoted = content + "."
        sep = ":" if self is Placement.BEFORE_COLON else ","
        return f"{_capitalise(mention)} {cue}{sep} {style.wrap(quoted)}", quoted


def _capitalise(words: str) -> str:
    return words[:1].upper() + words[1:]


@attrs.frozen(kw_only=True)
class Said:
    """A paragraph quoting one speaker with a cue: '"Q," Lee said.'.

    ``mention`` is how this paragraph names the speaker ("Sen. Ann Lee",
    "Lee", "she"); ``content`` the quoted words without final punctuation.
    """

    content: str
    speaker: SpeakerName
    mention: str
    cue: str
    placement: Placement

    @property
    def mention_written(self) -> str:
        """Return the mention as it stands in the text (capitalised at a sentence start)."""
        return self.mention if self.placement.is_after else _capitalise(self.mention)

    @property
    def reported_name(self) -> str:
        """Return the speaker name the library must report here.

        An unnamed speaker is named by the words of its mention, as written
        ("A company spokeswoman" at the start of a sentence): each such
        mention is a speaker of its own.
        """
        return self.mention_written if self.speaker.anonymous else self.speaker.name

    def render(self, style: QuoteStyle) -> tuple[str, Expected]:
        """Write the paragraph in *style*; return it with its expected attribution."""
        text, quoted = self.placement.write(self.content, self.mention, self.cue, style)
        return text, Expected(quoted, self.reported_name, self.cue.split()[0], QuoteKind.DIRECT)


@attrs.frozen(kw_only=True)
class Continued:
    """A paragraph that is only a quotation, continuing the previous paragraph's speaker."""

    content: str
    speaker: SpeakerName

    def render(self, style: QuoteStyle, speaker: str | None = None) -> tuple[str, Expected]:
        """Write the paragraph in *style*; return it with its expected attribution.

        *speaker* is the name reported for the paragraph it continues (by
        default this speaker's name).
        """
        quoted = self.content + "."
        name = self.speaker.name if speaker is None else speaker
        return style.wrap(quoted), Expected(quoted, name, None, QuoteKind.DIRECT)


@attrs.frozen(kw_only=True)
class Aside:
    """A paragraph with no speech: apostrophes, and maybe a scare quote with no cue.

    Rendered as ``before + open + term + close + after``, or just ``before``
    when ``term`` is None.
    """

    before: str
    term: str | None = None
    after: str = ""

    def render(self, style: QuoteStyle) -> str:
        """Write the paragraph, marking the term in *style*."""
        if self.term is None:
            return self.before
        return f"{self.before}{style.wrap(self.term)}{self.after}"


Paragraph = Said | Continued | Aside


@attrs.frozen(kw_only=True)
class Article:
    """A plan of paragraphs in one quote style; :meth:`render` writes it.

    Keeping the plan lets a test write the same article twice with one thing
    changed (the quote style, a placement) and compare the results.
    """

    paragraphs: tuple[Paragraph, ...]
    style: QuoteStyle
    separator: str = "\n\n"

    def render(self, style: QuoteStyle | None = None) -> tuple[str, tuple[Expected, ...]]:
        """Write the article (in *style*, if given); return the text and its expected attributions."""
        style = self.style if style is None else style
        parts: list[str] = []
        expected: list[Expected] = []
        name: str | None = None  # the speaker of the last attributed paragraph, as reported
        for para in self.paragraphs:
            if isinstance(para, Aside):
                parts.append(para.render(style))
                continue
            text, exp = para.render(style) if isinstance(para, Said) else para.render(style, name)
            parts.append(text)
            expected.append(exp)
            name = exp.speaker
        return self.separator.join(parts), tuple(expected)

    @property
    def text(self) -> str:
        """Return the article's text."""
        return self.render()[0]

    @property
    def expected(self) -> tuple[Expected, ...]:
        """Return the attributions the article must yield."""
        return self.render()[1]

    @property
    def people(self) -> tuple[SpeakerName, ...]:
        """Return the named people who speak, in order of first appearance."""
        seen: dict[str, SpeakerName] = {}
        for para in self.paragraphs:
            if isinstance(para, Said | Continued) and para.speaker.surname is not None:
                seen.setdefault(para.speaker.name, para.speaker)
        return tuple(seen.values())


# -- text strategies -----------------------------------------------------------
@st.composite
def person_names(
    draw: st.DrawFn, titles: st.SearchStrategy[str | None] | None = None, gender: Gender | None = None
) -> SpeakerName:
    """Draw a person: a given and a family name of varied origins, maybe with a title.

    The reported name drops the title ("Sen. Ann Lee" is "Ann Lee").
    *titles* draws the title (None for none); by default one of
    :data:`TITLES` or none.
    """
    sex: Gender = gender if gender is not None else draw(st.sampled_from(("female", "male")))
    given = draw(st.sampled_from(_GIVEN[sex]))
    family = draw(st.sampled_from(_FAMILY))
    title = draw(titles if titles is not None else st.one_of(st.none(), st.sampled_from(TITLES)))
    name = f"{given} {family}"
    written = name if title is None else f"{title} {name}"
    return SpeakerName(written=written, name=name, kind=SpeakerKind.PERSON, surname=family, gender=sex)


@st.composite
def organisations(draw: st.DrawFn) -> SpeakerName:
    """Draw an organisation: "Norland Bank", "the Ministry of Transport", "Acme Corp".

    The reported name drops a corporate suffix and a leading "the"
    ("Acme Corp" is "Acme"), as the gold conventions of docs/seeds.md do.
    """
    shape = draw(st.sampled_from(("bank", "ministry", "corp", "inc")))
    if shape == "ministry":
        field = draw(st.sampled_from(_MINISTRIES))
        return SpeakerName(
            written=f"the Ministry of {field}", name=f"Ministry of {field}", kind=SpeakerKind.ORGANISATION
        )
    base = draw(st.sampled_from(_ORG_BASES))
    if shape == "bank":
        return SpeakerName(written=f"{base} Bank", name=f"{base} Bank", kind=SpeakerKind.ORGANISATION)
    suffix = "Corp" if shape == "corp" else "Inc"
    return SpeakerName(written=f"{base} {suffix}", name=base, kind=SpeakerKind.ORGANISATION)


def anonymous_speakers() -> st.SearchStrategy[SpeakerName]:
    """Draw an unnamed speaker ("a company spokeswoman"); its name is its own description."""
    return st.sampled_from(ANONYMOUS).map(
        lambda pair: SpeakerName(written=pair[0], name=pair[0], kind=SpeakerKind.PERSON, gender=pair[1], anonymous=True)
    )


def speaker_names() -> st.SearchStrategy[SpeakerName]:
    """Draw any speaker: a person (half the time), an organisation or an unnamed one.

    People come first because only they have surnames and pronouns to refer back with.
    """
    return st.one_of(person_names(), person_names(), organisations(), anonymous_speakers())


def cue_verbs() -> st.SearchStrategy[str]:
    """Draw a cue phrase from :data:`CUE_VERBS` ("said", "told reporters", "warned")."""
    return st.sampled_from(CUE_VERBS)


def quote_styles() -> st.SearchStrategy[QuoteStyle]:
    """Draw a quote style from :data:`QUOTE_STYLES`."""
    return st.sampled_from(QUOTE_STYLES)


def placements() -> st.SearchStrategy[Placement]:
    """Draw where the cue goes: after, inverted, before with a colon or with a comma."""
    return st.sampled_from(Placement)


@st.composite
def quote_contents(draw: st.DrawFn, min_words: int = 4, max_words: int = 20) -> str:
    """Draw quoted words without final punctuation: plain words, the first capitalised.

    No quotation marks or apostrophes, so the marks around them are the only ones.
    """
    words = draw(st.lists(st.sampled_from(_QUOTE_WORDS), min_size=min_words, max_size=max_words))
    return _capitalise(" ".join(words))


def _is_invertible(cue: str) -> bool:
    """Tell whether a cue reads well inverted: "said Lee", not "told reporters Lee"."""
    return " " not in cue


@st.composite
def said_paragraphs(
    draw: st.DrawFn,
    speaker: SpeakerName,
    mention: str | None = None,
    *,
    cues: st.SearchStrategy[str] | None = None,
    placements: st.SearchStrategy[Placement] | None = None,
    contents: st.SearchStrategy[str] | None = None,
) -> Said:
    """Draw a paragraph quoting *speaker*, named by *mention* (its first mention by default).

    A pronoun or a multi-word cue ("told reporters") is never inverted; when
    that leaves no placement, the cue goes after the mention.
    """
    mention = speaker.written if mention is None else mention
    cue = draw(cues if cues is not None else cue_verbs())
    placement = draw(placements if placements is not None else st.sampled_from(Placement))
    if placement is Placement.INVERTED and (not _is_invertible(cue) or mention in ("he", "she")):
        placement = Placement.AFTER
    content = draw(contents if contents is not None else quote_contents())
    return Said(content=content, speaker=speaker, mention=mention, cue=cue, placement=placement)


def _accept_all(_said: Said) -> bool:
    return True


@st.composite
def direct_quotes(
    draw: st.DrawFn,
    *,
    speakers: st.SearchStrategy[SpeakerName] | None = None,
    cues: st.SearchStrategy[str] | None = None,
    styles: st.SearchStrategy[QuoteStyle] | None = None,
    placements: st.SearchStrategy[Placement] | None = None,
    where: Callable[[Said], bool] = _accept_all,
) -> tuple[str, tuple[Expected, ...]]:
    """Draw one sentence quoting one speaker; return it with its one expected attribution.

    Every argument narrows a part of the sentence; *where* keeps only the
    sentences it accepts (to leave out a shape a rule does not handle yet).
    """
    speaker = draw(speakers if speakers is not None else speaker_names())
    said = draw(said_paragraphs(speaker, cues=cues, placements=placements).filter(where))
    style = draw(styles if styles is not None else quote_styles())
    return Article(paragraphs=(said,), style=style).render()


_APOSTROPHE_ASIDES = (
    "The company{a}s shares fell sharply in early trading.",
    "Traders don{a}t expect a quick rebound this quarter.",
    "The bank{a}s profits rose for a third year.",
    "Investors won{a}t wait much longer for a decision.",
    "The region{a}s ports were busy despite the storm.",
)
_SCARE_ASIDES = (
    ("Markets were calm as so-called ", "experts", " disagreed about rates."),
    ("The ", "reform", " plan stalled again in committee."),
    ("Critics doubt the so-called ", "stealth tax", " on families."),
    ("Shares of the so-called ", "meme stocks", " rose on the day."),
)


@st.composite
def asides(draw: st.DrawFn) -> Aside:
    """Draw a paragraph with no speech: an apostrophe ("the company’s", "don't") or a scare quote with no cue."""
    if draw(st.booleans()):
        apostrophe = draw(st.sampled_from(("'", "’")))
        return Aside(before=draw(st.sampled_from(_APOSTROPHE_ASIDES)).format(a=apostrophe))
    before, term, after = draw(st.sampled_from(_SCARE_ASIDES))
    return Aside(before=before, term=term, after=after)


@attrs.define
class _Story:
    """What an article has said so far, to decide which back-references are unambiguous."""

    introduced: dict[str, SpeakerName] = attrs.field(factory=dict)  # by reported name
    last_person: SpeakerName | None = None  # the last speaker of person kind, named or not
    last: Paragraph | None = None

    def pronoun_for(self, person: SpeakerName, *, by_gender: bool) -> bool:
        """Tell whether "he"/"she" unambiguously means *person* here.

        It does when *person* is the last person to speak; with *by_gender*,
        also when no other person so far could be of that gender (an unnamed
        "official" could be either).
        """
        if person.gender is None or person.name not in self.introduced:
            return False
        if self.last_person is not None and self.last_person.name == person.name and not person.anonymous:
            return True
        if not by_gender:
            return False
        others = [
            s for s in self.introduced.values()
            if s.kind is SpeakerKind.PERSON and s.name != person.name and s.gender in (None, person.gender)
        ]  # fmt: skip
        return not others

    def note(self, para: Paragraph) -> None:
        """Record a paragraph."""
        self.last = para
        if isinstance(para, Said | Continued):
            self.introduced.setdefault(para.speaker.name, para.speaker)
            if para.speaker.kind is SpeakerKind.PERSON:
                self.last_person = para.speaker


@st.composite
def article_plans(
    draw: st.DrawFn,
    *,
    min_paragraphs: int = 2,
    max_paragraphs: int = 8,
    speakers: st.SearchStrategy[SpeakerName] | None = None,
    cues: st.SearchStrategy[str] | None = None,
    styles: st.SearchStrategy[QuoteStyle] | None = None,
    placements: st.SearchStrategy[Placement] | None = None,
    gender_pronouns: bool = True,
    where: Callable[[Said], bool] = _accept_all,
) -> Article:
    """Draw an article plan: speakers named in full first, then by surname or pronoun.

    Paragraphs are attributed quotations, continuation paragraphs (only a
    quotation, right after a paragraph quoting the same speaker) and asides
    with apostrophes or scare quotes that must yield nothing. A pronoun is
    used only where it is unambiguous: its person spoke last among people,
    or (with *gender_pronouns*) is the only person of that gender so far.
    Speakers have distinct names and surnames, so a surname is never shared.
    """
    pool = speakers if speakers is not None else speaker_names()
    cast: list[SpeakerName] = draw(
        st.lists(pool, min_size=1, max_size=4, unique_by=(lambda s: s.name, lambda s: s.surname or s.name))
    )
    count = draw(st.integers(min_paragraphs, max_paragraphs))
    story = _Story()
    paragraphs: list[Paragraph] = []
    for _ in range(count):
        kinds = ["said", "said", "said", "aside"]
        if isinstance(story.last, Said | Continued):
            kinds.append("continued")
        kind = draw(st.sampled_from(kinds))
        para: Paragraph
        if kind == "aside":
            para = draw(asides())
        elif kind == "continued" and isinstance(story.last, Said | Continued):
            para = Continued(content=draw(quote_contents()), speaker=story.last.speaker)
        else:
            # News copy often quotes one speaker several times in a row.
            recent = [story.last.speaker] if isinstance(story.last, Said | Continued) else []
            speaker = draw(st.sampled_from([*recent, *cast]))
            para = draw(
                said_paragraphs(
                    speaker, _mention_for(draw, story, speaker, gender_pronouns), cues=cues, placements=placements
                ).filter(where)
            )
        paragraphs.append(para)
        story.note(para)
    style = draw(styles if styles is not None else quote_styles())
    separator = draw(st.sampled_from(("\n\n", "\n")))
    return Article(paragraphs=tuple(paragraphs), style=style, separator=separator)


def _mention_for(draw: st.DrawFn, story: _Story, speaker: SpeakerName, gender_pronouns: bool) -> str:
    """Choose how to name *speaker* now: in full the first time, then maybe by surname or pronoun."""
    if speaker.name not in story.introduced or speaker.surname is None:
        return speaker.written
    options = [speaker.surname]
    if speaker.pronoun is not None and story.pronoun_for(speaker, by_gender=gender_pronouns):
        options.append(speaker.pronoun)
    return draw(st.sampled_from(options))


def articles(
    *,
    min_paragraphs: int = 2,
    max_paragraphs: int = 8,
    speakers: st.SearchStrategy[SpeakerName] | None = None,
    cues: st.SearchStrategy[str] | None = None,
    styles: st.SearchStrategy[QuoteStyle] | None = None,
    placements: st.SearchStrategy[Placement] | None = None,
    gender_pronouns: bool = True,
    where: Callable[[Said], bool] = _accept_all,
) -> st.SearchStrategy[tuple[str, tuple[Expected, ...]]]:
    """Draw an article of several paragraphs; return its text and expected attributions.

    See :func:`article_plans` for what goes in; use that one to change a
    plan and write it again.
    """
    return article_plans(
        min_paragraphs=min_paragraphs,
        max_paragraphs=max_paragraphs,
        speakers=speakers,
        cues=cues,
        styles=styles,
        placements=placements,
        gender_pronouns=gender_pronouns,
        where=where,
    ).map(lambda article: article.render())


_AWKWARD_PIECES = (
    '"', "'", "“", "”", "‘", "’", "«", "»", "''", "``", " ", "\u00a0", "\r\n", "\n", "\r", "\x00", "\t",
    "\u2028", "\u200b", ":", ",", ".", "—", " said ", "said", " told ", "according to ", "he ", "She ", "it ",
    "Ann Lee", "Lee", "Sen. ", "Acme Corp", "a spokesman", "don't", "so-called ", "that ",
    '"' * 300, "'" * 200, "A" * 300, "ABC DEF " * 40, " " * 200, "\n" * 50, "Z.", "the ", "We ",
)  # fmt: skip


def awkward_texts(max_pieces: int = 60) -> st.SearchStrategy[str]:
    """Draw hostile text: quote marks, apostrophes, odd spaces, NUL, CRLF, long runs of marks or capitals.

    Built from pieces the rules react to, whole quoted sentences among them,
    so it reaches deeper than random characters while staying far from tidy
    news copy.
    """
    piece = st.one_of(
        st.sampled_from(_AWKWARD_PIECES),
        st.text(max_size=4),
        direct_quotes().map(lambda case: case[0]),
        asides().map(lambda a: a.render(QUOTE_STYLES[0])),
    )
    return st.lists(piece, max_size=max_pieces).map("".join)


# -- model strategies ----------------------------------------------------------
@st.composite
def spans(draw: st.DrawFn, text: str) -> Span:
    """Draw a span of *text*: ``text[s.start:s.end] == s.text`` by construction."""
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return Span.of(text, start, end)


@st.composite
def _free_spans(draw: st.DrawFn) -> Span:
    """Draw a span of some unseen text: any start, and an end that fits the text."""
    text = draw(st.text(max_size=20))
    start = draw(st.integers(0, 10_000))
    return Span(start=start, end=start + len(text), text=text)


_SOURCES = st.text(max_size=80)


@st.composite
def _quotes(draw: st.DrawFn, text: str | None = None) -> Quote:
    """Draw a quote: direct ones have marks, mixed ones fragments inside their span, reported ones perhaps parts."""
    text = draw(_SOURCES) if text is None else text
    span = draw(spans(text))
    kind = draw(st.sampled_from(QuoteKind))
    marks: tuple[str, ...] = ()
    fragments: tuple[Span, ...] = ()
    if kind is QuoteKind.DIRECT:
        style = draw(quote_styles())
        marks = (style.open, style.close)
    elif kind is QuoteKind.MIXED:
        inner = span.text
        fragments = tuple(
            Span(start=span.start + f.start, end=span.start + f.end, text=f.text)
            for f in draw(st.lists(spans(inner), max_size=3))
        )
    parts: tuple[Span, ...] = ()
    if kind is not QuoteKind.DIRECT and len(span.text) >= 3 and draw(st.booleans()):
        # a clause its attribution interrupts: two sides around a gap
        cut = draw(st.integers(1, len(span.text) - 2))
        resume = draw(st.integers(cut + 1, len(span.text) - 1))
        parts = (
            Span(start=span.start, end=span.start + cut, text=span.text[:cut]),
            Span(start=span.start + resume, end=span.end, text=span.text[resume:]),
        )
    role = draw(st.sampled_from(QuoteRole)) if kind is QuoteKind.DIRECT else QuoteRole.SPEECH
    return Quote(span=span, kind=kind, marks=marks, fragments=fragments, role=role, parts=parts)


@st.composite
def _cues(draw: st.DrawFn, text: str | None = None) -> Cue:
    text = draw(_SOURCES) if text is None else text
    return Cue(span=draw(spans(text)), lemma=draw(st.sampled_from(("say", "tell", "add", "according to"))))


@st.composite
def _mentions(draw: st.DrawFn, text: str | None = None) -> Mention:
    text = draw(_SOURCES) if text is None else text
    return Mention(span=draw(spans(text)), kind=draw(st.sampled_from(MentionKind)))


@st.composite
def _speakers(draw: st.DrawFn, text: str | None = None, mention: Mention | None = None) -> Speaker:
    text = draw(_SOURCES) if text is None else text
    mentions = draw(st.lists(_mentions(text), max_size=3))
    if mention is not None and mention not in mentions:
        mentions.append(mention)
    return Speaker(
        name=draw(st.one_of(speaker_names().map(lambda s: s.name), st.text(max_size=20))),
        kind=draw(st.sampled_from(SpeakerKind)),
        mentions=tuple(sorted(mentions, key=lambda m: m.span.start)),
        descriptors=tuple(draw(st.lists(st.sampled_from(("spokesman", "Rep.", "the agency's head")), max_size=2))),
        affiliation=draw(st.one_of(st.none(), st.sampled_from(("Acme", "Ministry of Health")))),
    )


@st.composite
def attributions(draw: st.DrawFn, text: str | None = None) -> Attribution:
    """Draw a valid attribution whose spans all cut one source text (drawn, or *text*).

    Confidence lies in [0, 1]; a speaker lists the attribution's mention.
    """
    text = draw(_SOURCES) if text is None else text
    mention = draw(st.one_of(st.none(), _mentions(text)))
    speaker = draw(st.one_of(st.none(), _speakers(text, mention)))
    return Attribution(
        quote=draw(_quotes(text)),
        speaker=speaker,
        mention=mention,
        cue=draw(st.one_of(st.none(), _cues(text))),
        confidence=draw(st.floats(0.0, 1.0, allow_nan=False)),
        rules=tuple(draw(st.lists(st.sampled_from(("quote.pair", "direct.after_quote", "speaker.name")), max_size=3))),
    )


@st.composite
def extractions(draw: st.DrawFn, text: str | None = None) -> Extraction:
    """Draw a valid extraction of one source text: attributions, their speakers, set-aside quotes."""
    text = draw(_SOURCES) if text is None else text
    found = draw(st.lists(attributions(text), max_size=4))
    found.sort(key=lambda a: (a.quote.start, a.quote.end))
    speakers = tuple(dict.fromkeys(a.speaker for a in found if a.speaker is not None))
    aside = draw(st.lists(_quotes(text).filter(lambda q: q.role is not QuoteRole.SPEECH), max_size=2))
    return Extraction(attributions=tuple(found), speakers=speakers, other_quotes=tuple(aside))


def register() -> None:
    """Register the model strategies, so that ``st.from_type(Attribution)`` gives valid objects.

    Without this, Hypothesis would build spans field by field and break
    their ``end - start == len(text)`` invariant. Runs on import; calling it
    again is harmless.
    """
    st.register_type_strategy(Span, _free_spans())
    st.register_type_strategy(Quote, _quotes())
    st.register_type_strategy(Cue, _cues())
    st.register_type_strategy(Mention, _mentions())
    st.register_type_strategy(Speaker, _speakers())
    st.register_type_strategy(Attribution, attributions())
    st.register_type_strategy(Extraction, extractions())


register()
