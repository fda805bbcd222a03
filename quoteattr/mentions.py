"""Stage 5: speaker mentions: names, pronouns and descriptions.

A mention is found where a rule expects a speaker: before a cue ("Lee
said"), after an inverted cue ("said Lee"), or before a headline colon
("Acme: 'We will fight'"). The subject before a cue may carry titles
("Rep."), a party tag ("(D-Md.)"), an appositive (", the spokesman,"), a
participle phrase ("speaking to reporters") and adverbs ("reportedly"); the
mention is the name or description itself, the rest becomes descriptors.

>>> from quoteattr.lexicons import DEFAULT
>>> from quoteattr.document import Document
>>> doc = Document("Jane Roe, the spokeswoman, said so.")
>>> m = find_subject(doc, DEFAULT, 0, 27)
>>> (m.span.text, m.kind.value, m.descriptors)
('Jane Roe', 'name', ('the spokeswoman',))
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import attrs
import regex

from quoteattr.document import Document
from quoteattr.lexicons import Lexicons
from quoteattr.models import MentionKind, Span
from quoteattr.patterns import DAYS, FUNCTION_WORDS, LY_NOUNS, MONTHS, Patterns, patterns_for

__all__ = [
    "MentionMatch",
    "classify_mention",
    "ends_with_title",
    "find_headline_speaker",
    "find_mention_after",
    "find_sentence_subject",
    "find_subject",
    "head_noun",
    "name_tokens",
]

PRONOUNS = frozenset({"he", "she", "it", "they", "i", "we"})
_PRONOUNS_AND_RELATIVES = PRONOUNS | {"who", "which"}
# Words that open a noun phrase (coref reads them too: "those critics who say").
DETERMINERS = frozenset(
    "the a an another one two three some several many most its his her their other all both those these".split()
)
_PARTICLES = frozenset("de da del della der den di du van von bin ibn al el la le dos das y".split())
_NAME_JOINERS = _PARTICLES | {"of", "for", "and"}
_INDEFINITE = frozenset("a an another one two three some several many most".split())
_WORD = regex.compile(r"[\p{L}\d][\p{L}\p{M}\d'’.\-]*")
_NON_SPACE = regex.compile(r"\S+")
_PREPOSITION = regex.compile(r"[ ]+(?:for|of|at|with|from|in|to|close[ ]to|familiar[ ]with)[ ]")


@attrs.frozen
class MentionMatch:
    """A mention found by a rule, before it is resolved to a speaker.

    ``span`` is the mention proper ("Jane Roe", "the spokeswoman", "he");
    ``descriptors`` are titles, roles and appositives attached to it;
    ``indefinite`` marks "a spokesman" (a new, maybe unnamed, speaker).
    """

    span: Span
    kind: MentionKind
    descriptors: tuple[str, ...] = ()
    indefinite: bool = False
    head: str = ""
    phrase_start: int = attrs.field(default=-1, eq=False)  # where the phrase starts, titles included

    @property
    def start(self) -> int:
        """Return where the phrase naming the speaker starts, titles and roles included."""
        return self.span.start if self.phrase_start < 0 else self.phrase_start


def name_tokens(name: str) -> tuple[str, ...]:
    """Split a name into its words, without a possessive.

    >>> name_tokens("Jane  O'Neil-Roe's")
    ('Jane', "O'Neil-Roe")
    """
    words = _WORD.findall(name)
    if words and (words[-1].endswith("'s") or words[-1].endswith("’s")):
        words[-1] = words[-1][:-2]
    return tuple(w for w in words if w)


@functools.lru_cache(maxsize=4096)
def head_noun(phrase: str) -> str:
    """Return the head noun of a description: its last word before a preposition (cached: speakers recur).

    >>> head_noun("A spokesperson for the foreign ministry"), head_noun("a company spokeswoman")
    ('spokesperson', 'spokeswoman')
    """
    core = _PREPOSITION.split(phrase, maxsplit=1)[0]
    words = core.split()
    return words[-1].lower().strip(".,") if words else ""


@functools.lru_cache(maxsize=4096)
def classify_mention(text: str, lex: Lexicons) -> tuple[MentionKind, bool]:
    """Tell what kind of mention *text* is, and whether it is indefinite (cached: speakers recur).

    >>> from quoteattr.lexicons import DEFAULT
    >>> classify_mention("the Daily Post", DEFAULT), classify_mention("a company spokeswoman", DEFAULT)
    ((<MentionKind.ORGANISATION: 'organisation'>, False), (<MentionKind.NOMINAL: 'nominal'>, True))
    """
    words = text.split()
    first = words[0].lower() if words else ""
    if len(words) == 1 and first in _PRONOUNS_AND_RELATIVES:
        return MentionKind.PRONOUN, False
    rest = words[1:] if first in DETERMINERS else words
    if first in ("the", "his", "her", "their", "its") and len(rest) >= 2 and rest[-1][:1].isupper():
        # "the union leader Ann Lee", "his campaign manager Jeff Weaver": words before a name.
        cut = [
            i for i, w in enumerate(rest[:-1]) if (w.islower() and w not in _NAME_JOINERS) or w.endswith(("'s", "’s"))
        ]
        if cut and all(w[:1].isupper() or w in _NAME_JOINERS for w in rest[cut[-1] + 1 :]):
            return MentionKind.NAME, False
    core = [w for w in rest if w not in _NAME_JOINERS]
    if len(words) == 1 and first in lex.role_nouns and first.endswith("s"):
        return MentionKind.NOMINAL, True  # "Officials said" opening a sentence: a bare plural
    if core and all(w[:1].isupper() or not w[:1].isalpha() for w in core):
        # A proper name, perhaps after "the": "the Daily Post", "China".
        if any(w in lex.organisation_words for w in core) or " ".join(core) in lex.places:
            return MentionKind.ORGANISATION, False
        if first in DETERMINERS and first != "the":
            return MentionKind.NOMINAL, first in _INDEFINITE
        return (MentionKind.ORGANISATION if first == "the" else MentionKind.NAME), False
    last = core[-1].lower() if core else ""
    if first in DETERMINERS or (last and (last in lex.role_nouns or last in lex.organisation_nouns)):
        head = head_noun(text)
        if head in lex.organisation_nouns and first == "the" and head not in lex.role_nouns:
            return MentionKind.NOMINAL, False
        return MentionKind.NOMINAL, first in _INDEFINITE or first not in DETERMINERS
    if words and words[0][:1].islower() and words[-1][:1].islower():
        return MentionKind.NOMINAL, True  # "people familiar with the plans": a description, no name
    return MentionKind.NAME, False


def ends_with_title(text: str, lex: Lexicons) -> bool:
    """Tell whether *text* ends with a title or a role noun ("Finance Minister", "pollster").

    >>> from quoteattr.lexicons import DEFAULT
    >>> ends_with_title("Finance Minister", DEFAULT), ends_with_title("Ann Lee", DEFAULT)
    (True, False)
    """
    words = text.split()
    if not words:
        return False
    last = words[-1]
    return (
        last in lex.titles or last.lower() in lex.role_nouns or (len(words) > 1 and f"{words[-2]} {last}" in lex.titles)
    )


def _split_titles(doc: Document, lex: Lexicons, start: int, end: int) -> tuple[int, tuple[str, ...]]:
    """Move titles and roles written before a name out of the mention.

    "Chinese President Xi Jinping" gives the start of "Xi Jinping" and the
    descriptor "Chinese President".
    """
    words = list(_NON_SPACE.finditer(doc.view, start, end))
    cut = None
    for k in range(len(words) - 1):
        word = words[k].group()
        if word in _NAME_JOINERS:
            continue
        pair = f"{words[k - 1].group()} {word}" if k else word
        if (
            word in lex.titles
            or pair in lex.titles
            or word.lower() in lex.role_nouns
            or word.endswith(("'s", "’s"))
            or word.islower()
        ):
            cut = k
    if cut is None:
        # A leading function word is no part of a name: "But Lee".
        if len(words) > 1 and words[0].group().lower() in FUNCTION_WORDS:
            return words[1].start(), ()
        return start, ()
    if cut + 3 < len(words) and words[cut + 1].group() in ("of", "for") and words[cut + 3].group() not in _NAME_JOINERS:
        cut += 2  # "Secretary of State John Kerry": the title's own "of" phrase
    name_start = words[cut + 1].start()
    return name_start, (doc.text[start : words[cut].end()].strip(),)


def _make(doc: Document, lex: Lexicons, m: regex.Match[str]) -> MentionMatch:
    start, end = m.span("mention")
    text = doc.view[start:end]
    kind, indefinite = classify_mention(text, lex)
    descriptors: list[str] = []
    head = ""
    if kind in (MentionKind.NAME, MentionKind.ORGANISATION) and (
        not text.lower().startswith("the ") or kind is MentionKind.NAME
    ):
        start, titles = _split_titles(doc, lex, start, end)
        descriptors.extend(titles)
        if ends_with_title(doc.view[start:end], lex):
            # Only a title: "Finance Minister Warns Banks" names a role, not a person.
            kind, head = MentionKind.NOMINAL, head_noun(doc.view[start:end])
    for key in ("paren", "appos"):
        value = m.group(key) if key in m.re.groupindex else None
        if value:
            descriptors.extend(part.strip(" ()") for part in value.strip(" ,").split(",") if part.strip(" ()"))
    if kind is MentionKind.NOMINAL and descriptors and "appos" in m.re.groupindex and m.group("appos"):
        named = _appositive_name(doc, lex, m)
        if named is not None:
            # "The campaign's chairman, John Podesta, said": the speaker is named by the appositive.
            descriptors = [doc.text[slice(*m.span("mention"))].strip(), *descriptors[1:]]
            (start, end), kind, head = named, MentionKind.NAME, ""
    if kind is MentionKind.NOMINAL and not head:
        head = head_noun(doc.view[start:end])
    return MentionMatch(
        phrase_start=m.start("mention"),
        span=Span.of(doc.text, start, end),
        kind=kind,
        descriptors=tuple(descriptors),
        indefinite=indefinite,
        head=head,
    )


def _appositive_name(doc: Document, lex: Lexicons, m: regex.Match[str]) -> tuple[int, int] | None:
    """Return the span of a personal name that opens a description's appositive ("..., John Podesta,"), if any."""
    a_start, a_end = m.span("appos")
    view = doc.view
    start = a_start
    while start < a_end and view[start] in " ,":
        start += 1
    comma = view.find(",", start, a_end)
    end = comma if comma != -1 else a_end
    while end > start and view[end - 1] == " ":
        end -= 1
    words = view[start:end].split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return None
    if classify_mention(view[start:end], lex)[0] is not MentionKind.NAME or ends_with_title(view[start:end], lex):
        return None
    return start, end


def find_subject(doc: Document, lex: Lexicons, region_start: int, cue_start: int) -> MentionMatch | None:
    """Find the speaker written just before a cue, between ``region_start`` and the cue.

    The subject must start the region or follow a clause boundary (a comma, a
    conjunction, a closing quotation mark); the leftmost such reading wins, so
    "Jane Roe, the spokeswoman," is read as a name with an appositive.
    """
    pats = patterns_for(lex)
    region_start = max(region_start, cue_start - SUBJECT_REACH)
    view = doc.view
    # "Donald Trump - who previously said ... - said": an aside between dashes.
    tail = view[max(region_start, cue_start - 12) : cue_start]
    dash = (
        _CLOSING_DASH.search(view, max(region_start, cue_start - 12), cue_start)
        if "-" in tail or "—" in tail or "–" in tail
        else None
    )
    if dash is not None:
        opening = max(view.rfind(f" {mark} ", region_start, dash.start()) for mark in ("-", "--", "—", "–"))
        if opening > region_start:
            return find_subject(doc, lex, region_start, opening + 1)
    # "analysts and activists, who pointed out", "a website ..., which posts": a relative
    # pronoun just before the cue is its subject, whatever the phrase it stands for.
    near = max(region_start, cue_start - 40)
    rel = _RELATIVE_BEFORE_CUE.search(view, near, cue_start) if view.find("wh", near, cue_start) != -1 else None
    if rel is not None:
        return MentionMatch(span=Span.of(doc.text, *rel.span("pronoun")), kind=MentionKind.PRONOUN)
    # "Reince Priebus, the GOP chairman, this past week announced": a time adjunct before the cue.
    space = view.rfind(" ", max(region_start, cue_start - 14), cue_start - 1)
    when = (
        _TIME_BEFORE_CUE.search(view, max(region_start, cue_start - 30), cue_start)
        if space != -1 and view[space + 1 : cue_start].strip().lower() in _TIME_WORDS
        else None
    )
    if when is not None and when.start() > region_start:
        cue_start = when.start()
    last_comma = view.rfind(",", region_start, cue_start)
    for start in _subject_starts(pats, view, region_start, cue_start):
        if cue_start - start > _PLAIN_REACH and last_comma < start:
            continue  # too long for a subject without an appositive: skip the costly match
        m = _subject_at(doc, pats, start, cue_start)
        if m is not None and start == region_start and _opening_phrase(view, m):
            continue  # "Similarly, Ann Lee, an analyst, said": an opening adverb, not a name with an appositive
        if m is not None:
            partic = m.group("partic")
            if (
                partic is not None
                and m.group("mention").lower() in PRONOUNS
                and partic.split()[0].endswith(("ed", "ing"))
                and not _COORDINATED_BEFORE_CUE.search(view, m.end("mention"), cue_start)
            ):
                # "they shifted topics to how Republicans are reacting": a finite verb, not a
                # participle tail ("he laughed and said" coordinates two verbs of "he")
                continue
            if partic is not None and partic.strip() == "who":
                # "Ann Lee, an analyst, who said": the mention tied to the cue is "who".
                who = m.start("partic") + len(partic) - 3
                return MentionMatch(span=Span.of(doc.text, who, who + 3), kind=MentionKind.PRONOUN)
            return _make(doc, lex, m)
    # "at the town hall this week she said": a pronoun just before the cue, after an adjunct.
    p = _PRONOUN_BEFORE_CUE.search(view, max(region_start, cue_start - 40), cue_start)
    if p is not None and p.start("pronoun") >= region_start:
        return MentionMatch(span=Span.of(doc.text, *p.span("pronoun")), kind=MentionKind.PRONOUN)
    return None


_COORDINATED_BEFORE_CUE = regex.compile(r"[ ](?:and|but|or|then)(?:[ ]{1,3}\p{Ll}{2,20}ly)?[ ]{0,3}\Z")


def _subject_starts(pats: Patterns, view: str, region_start: int, cue_start: int) -> Iterator[int]:
    """Yield where a subject before a cue may start: the region's start, then each clause boundary, in order.

    Only the region is scanned for boundaries (a match may start just before
    it), and only as far as the caller reads: the first subject found ends the scan.
    """
    yield region_start
    for b in pats.boundary.finditer(view, max(0, region_start - 4), cue_start):
        if region_start < b.end() < cue_start:
            yield b.end()


_PRONOUN_BEFORE_CUE = regex.compile(
    r"""(?<=[ ])(?P<pronoun>(?i:he|she|they|we)|I)(?:['’](?:s|re|m|d|ve|ll))?(?:[ ]{1,3}(?:also|again|then|now|later|has|have|had|would|will|\p{Ll}{2,20}ly)){0,2}[ ]{1,3}\Z"""
)


_RELATIVE_BEFORE_CUE = regex.compile(
    r"""(?<![\p{L}'’-])(?P<pronoun>who|which)(?:[ ]{1,3}(?:also|again|then|now|later|first|once|has|have|had|\p{Ll}{2,20}ly)){0,2}[ ]{1,3}\Z"""
)


_TIME_BEFORE_CUE = regex.compile(
    rf"""(?<=[,\p{{L}}])[ ]{{1,3}}(?:(?:this|last|next|that|earlier[ ]this|late[ ]last)(?:[ ]past)?[ ]{{1,3}}
      (?:week|month|year|weekend|morning|afternoon|evening|night|spring|summer|fall|autumn|winter|{DAYS})
      |on[ ]{{1,3}}{DAYS}|today|yesterday|tonight)[ ]{{1,3}}\Z""",
    regex.VERBOSE,
)


_CLOSING_DASH = regex.compile(r"[ ](?:-|--|—|–)[ ]{1,3}(?:\p{Ll}{2,20}ly[ ]{1,3})?\Z")


_PLAIN_REACH = 130
"""The longest subject without a comma: a titled name, or a description with a
participle phrase ("a former official speaking on condition of anonymity")."""


SUBJECT_REACH = 240
"""How far before a cue a subject may start (a name and a long appositive fit)."""


def _subject_at(doc: Document, pats: Patterns, start: int, end: int) -> regex.Match[str] | None:
    """Match the subject pattern on ``[start, end)``, once per document and span.

    Several rules ask about the same cue from different starting points; the
    boundaries they share are matched only once.
    """
    pattern = pats.subject
    cache = doc.cache
    key = ("subject", start, end)
    if key not in cache:
        cache[key] = pattern.match(doc.view, start, end) if _may_be_subject(doc.view, pats, start, end) else None
    found: regex.Match[str] | None = cache[key]
    return found


_NUMBER_COMMA = re.compile(r"\d[.\d]*,")


def _may_be_subject(view: str, pats: Patterns, start: int, end: int) -> bool:
    """Tell cheaply whether the subject pattern may match ``[start, end)``: False means it cannot.

    Outside brackets a subject holds no line break and no double quotation
    mark, and its only commas (but those of a number: "61,000") are the two to
    four of an appositive, after the last of which only a participle phrase
    and adverbs may follow. Most spans that are no subject fail on one of
    these, much faster than on the whole pattern.
    """
    if not pats.plain_mentions:
        return True
    span = view[start:end]  # at most SUBJECT_REACH characters: cheaper to test than the view
    if "(" in span:
        return "\n" not in span
    if "\n" in span or '"' in span or "“" in span or "”" in span:
        return False
    comma = span.rfind(",")
    if comma == -1 or _NUMBER_COMMA.search(span) is not None:
        return True
    return 2 <= span.count(",") <= 4 and pats.subject_tail.match(view, start + comma + 1, end) is not None


_OPENING_PARTICIPLE = regex.compile(r"\p{Lu}\p{Ll}{2,20}(?:ed|ing)")
# Sentence adverbs that open a sentence ("Schlafly", "Kelly" are names, so no rule on "-ly").
_OPENING_ADVERB = regex.compile(
    r"""(?:Immediately|Finally|Recently|Currently|Previously|Initially|Ultimately|Eventually|Separately
    |Additionally|Importantly|Notably|Clearly|Obviously|Unfortunately|Fortunately|Interestingly|Apparently
    |Reportedly|Similarly|Specifically|Publicly|Privately|Originally|Historically|Traditionally|Frankly
    |Typically|Usually|Generally|Increasingly|Certainly|Surely|Shortly|Subsequently|Simultaneously
    |Moreover|Furthermore|However|Meanwhile|Nevertheless|Nonetheless|Indeed|Instead|Likewise|Otherwise
    |Therefore|Thus|Hence|Besides|Consequently|Accordingly|Ironically|Still|Also|Again|Later|Earlier)""",
    regex.VERBOSE,
)


# A time phrase opening a sentence: "A month later, he ...", "That morning, ...", "Two years ago, ...".
_OPENING_TIME = regex.compile(
    r"""(?:(?:(?:a|an|the|that|this|one|two|three|four|five|six|several|few|couple|of|some|next|following|same|early|late|\d{1,4})[ ]{1,3}){1,4}
    (?:minutes?|hours?|days?|weeks?|months?|years?|decades?|morning|afternoon|evening|night|time)
    |(?:minutes|hours|days|weeks|months|years|decades)(?=[ ]{1,3}(?:later|earlier|ago)\b))
    (?:[ ]{1,3}(?:later|earlier|ago)(?:[ ]{0,3},)?|(?:[ ]{1,3}(?:after|before)(?:[ ]{1,3}[\p{L}'’-]{1,20}){1,4})?[ ]{0,3},)""",
    regex.IGNORECASE | regex.VERBOSE,
)


_TIME_PHRASE_LEADS = frozenset(
    "a an the that this one two three four five six several few couple of some next following same early late"
    " minutes hours days weeks months years decades".split()
)


def _opening_time(view: str, start: int, end: int) -> regex.Match[str] | None:
    """Match a time phrase opening at *start* ("A few days later,", "Two days later"), or None.

    The phrase opens with a determiner, a number or a plural time noun; that
    word is read first, and the pattern only after it.
    """
    words = view[start : min(end, start + 30)].split(None, 1)
    first = words[0].lower() if words else ""
    if not (first in _TIME_PHRASE_LEADS or first[:1].isdigit()):
        return None
    return _OPENING_TIME.match(view, start, min(end, start + 60))


def _opening_phrase(view: str, m: regex.Match[str]) -> bool:
    """Tell whether a would-be subject is an opening participle, adverb or time phrase ("A few days later,")."""
    mention = m.group("mention")
    if " " not in mention and mention.lower() not in _TIME_PHRASE_LEADS:
        # the participle and adverb patterns match one word
        return bool(_OPENING_PARTICIPLE.fullmatch(mention) or _OPENING_ADVERB.fullmatch(mention))
    words = mention.split(None, 2)
    if len(words) > 1 and words[1].lower() in _TIME_WORDS and _OPENING_PARTICIPLE.fullmatch(words[0]):
        return True  # "Speaking Sunday on ABC, Carson admitted": a participle and a day, not a name
    return _opening_time(view, m.start("mention"), len(view)) is not None


# What may stand before a sentence's subject: a dateline ("WASHINGTON — ",
# "Washington (AFP) – ") and a linking word ("Then", "But").
_SENTENCE_LEAD = regex.compile(
    rf"""(?:\p{{Lu}}[\p{{L}}.]{{1,20}}(?:[ ]\p{{Lu}}[\p{{L}}.]{{1,20}}){{0,2}}(?:,[ ]{{1,3}}\p{{Lu}}[\p{{L}}.]{{1,12}}(?=[ ]{{1,3}}[-—–(]))?(?:,[ ]{{1,3}}{MONTHS}[ ]{{1,3}}\d{{1,2}})?(?:[ ]\([\p{{L}}.]{{1,12}}\))?[ ]{{1,3}}(?:—|–|--?)[ ]{{1,3}})?
    (?:(?:But|And|Then|So|Yet|Still|Now|Also|Instead|Meanwhile|However|Later|Earlier)\b,?[ ]{{1,3}})?""",
    regex.VERBOSE,
)


def find_sentence_subject(doc: Document, lex: Lexicons, start: int, end: int) -> MentionMatch | None:
    """Find the subject that opens a sentence: "The agency also banned ..." gives "The agency"."""
    pats = patterns_for(lex)
    lead = _SENTENCE_LEAD.match(doc.view, start, end)
    if lead is not None:
        start = lead.end()
    m = pats.subject_start.match(doc.view, start, end)
    if m is not None and _opening_phrase(doc.view, m):
        m = None  # "Asked on Monday whether ..., Lee said", "Immediately after ...", "A month later, ...": an opening phrase
        when = _opening_time(doc.view, start, end)
        if when is not None and not when.group().endswith(","):
            m = pats.subject_start.match(doc.view, when.end(), end)  # "A few minutes later they said"
    if m is None:
        # After an opening phrase: "Hours later, Acme hit back ..."; "Speaking in Salem, New
        # Hampshire, Trump went after Bush": a subject with no appositive after a later comma wins.
        comma = doc.view.find(",", start, min(end, start + 120))
        first = None
        for _ in range(3):
            if comma == -1:
                break
            after = comma + 1
            while after < end and doc.view[after] in "\"”’'":
                after += 1  # 'on ABC’s “This Week,” Carson admitted': the comma closes a quotation
            m = pats.subject_start.match(doc.view, after, end)
            if m is not None and (not m.group("appos") or not m.group("appos").lstrip(" ,")[:1].isupper()):
                break  # not "New Hampshire, Trump went ...": a place, then the subject after its comma
            first = first or m
            m = None
            comma = doc.view.find(",", comma + 1, min(end, start + 160))
        m = m or first
    if m is not None and not m.group("appos"):
        # "Republican Presidential hopeful Sen. Ted Cruz was ...": a role noun, then the name it describes.
        role = _ROLE_THEN_NAME.match(doc.view, m.end("mention"), end)
        if role is not None and role.group("role").lower() in lex.role_nouns:
            m = pats.subject_start.match(doc.view, role.start("name"), end) or m
    return None if m is None else _make(doc, lex, m)


_ROLE_THEN_NAME = regex.compile(r"[ ]{1,3}(?P<role>\p{Ll}[\p{Ll}-]{2,20})[ ]{1,3}(?P<name>\p{Lu})")


def find_mention_after(doc: Document, lex: Lexicons, cue_end: int, limit: int) -> MentionMatch | None:
    """Find the speaker written just after an inverted cue, as in '"...," said Jane Roe'."""
    pats = patterns_for(lex)
    m = pats.mention_after.match(doc.view, cue_end, min(limit, cue_end + 200))
    if m is None:
        return None
    lead = doc.view[cue_end : m.start("mention") + m.group("mention").rfind(" ") + 1]
    if lead.strip() and not _CLAUSE_AFTER_CUE.isdisjoint(lead.split()):
        return None  # "told POLITICO she was leaning toward Cruz": a clause, not a titled name
    return _make(doc, lex, m)


# Words that make the words after a cue a clause: no title or description before a name
# holds them (lower case: "Will Doyle" is a name).
_CLAUSE_AFTER_CUE = frozenset(
    "he she they we it is was are were has have had will would can could should may might must do does did".split()
)


def find_headline_speaker(doc: Document, lex: Lexicons, start: int, mark: int) -> MentionMatch | None:
    """Find "Acme:" standing alone before a quotation in a headline."""
    pats = patterns_for(lex)
    m = pats.headline_speaker.match(doc.view, start, mark)
    if m is None:
        return None
    return _make(doc, lex, m)


# -- the loose subject: any short noun phrase before a cue ----------------------
_LOOSE_TOKEN = regex.compile(r"\d{1,3}(?:,\d{3})+|[\p{L}\d][\p{L}\p{M}\d'’.&\-]*|\([^()\n]{1,40}\)|[,]")
# Words that open a sentence before its subject: "But critics say", "Even so,".
_LEAD_WORDS = frozenset(
    "but and yet so still even now also meanwhile instead indeed however then or nor plus later earlier"
    " because although though since while when whenever if unless once whereas after before as until".split()
)
# A noun phrase does not hold these: they make the words before a cue a clause
# ("the plan was dead and officials said"), a question or an adverbial.
_CLAUSE_WORDS = frozenset(
    """is are was were be been being am do does did has have had will would can could should may might must
    not never no if because when while although though since as than unless until whether that which
    what where why how whose whom there here this it its i we you me us him them my our your
    said says say told tells according""".split()
)
# Words a subject may not start with (prepositions, subordinators).
_NOT_SUBJECT_START = frozenset(
    """in on at for with by from after before during to of into over under about against between through
    if when while because although though since as than unless until whether that which what where why
    how there here this it so yet once instead despite amid""".split()
)
_TIME_WORDS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday week month year night morning afternoon
    evening weekend yesterday today tonight ago earlier later""".split()
)
_TIME_LEADS = frozenset(
    "on last this next late early earlier a two three several few days weeks months years less more than about nearly just only".split()
)
# "Polls in New Hampshire": the name after a preposition is no speaker.
_PREPOSITIONS = frozenset("in at on from of for with by to about among across".split())
LOOSE_MAX_WORDS = 12
"""The longest loose subject: "a redacted copy of the inspector general's memo seen by Reuters"."""


def find_loose_subject(doc: Document, lex: Lexicons, start: int, cue_start: int) -> MentionMatch | None:
    """Find a short noun phrase just before a cue when no stricter reading fits.

    Between ``start`` (a sentence start, a closing mark) and the cue there
    may be a lead word ("But", "Even"), a noun phrase of at most
    ``LOOSE_MAX_WORDS`` words with no verb-like word in it, an appositive
    set off by commas and adverbs ("also", "repeatedly"): "Even the
    organizer of a pro-Trump rally said", "About four out of 10 voters
    said", "Stefan Roe, chairman of the party, argued". After an opening
    phrase and a comma the phrase after the comma is read ("In 2010,
    critics said"). The mention is the whole noun phrase, a description
    unless it is all capitalised words.

    >>> from quoteattr.lexicons import DEFAULT
    >>> text = "Even the organizer of a pro-Trump rally said so."
    >>> find_loose_subject(Document(text), DEFAULT, 0, text.index(" said") + 1).span.text
    'the organizer of a pro-Trump rally'
    """
    if cue_start - start > SUBJECT_REACH:
        return None
    view = doc.view
    # After a colon or semicolon a new clause starts: "... polled members online: 1,409 teachers said".
    start = max(start, view.rfind(":", start, cue_start) + 1, view.rfind(";", start, cue_start) + 1)
    tokens = [(m.start(), m.end(), m.group()) for m in _LOOSE_TOKEN.finditer(view, start, cue_start)]
    if not tokens or any(ch in view[start:cue_start] for ch in '"“”\n!?'):
        return None
    # Trailing adverbs and auxiliaries of the cue: "has also said".
    while (
        tokens
        and tokens[-1][2] != ","
        and (
            tokens[-1][2].lower() in lex.adverbs
            or (tokens[-1][2].endswith("ly") and tokens[-1][2].lower() not in LY_NOUNS)
            or tokens[-1][2] in ("has", "have", "had")
        )
    ):
        tokens.pop()
    commas = [i for i, t in enumerate(tokens) if t[2] == ","]
    descriptors: tuple[str, ...]
    if commas and commas[-1] == len(tokens) - 1:
        # "NP, APPOSITIVE," before the cue: the noun phrase is before the first comma.
        if len(commas) < 2:
            return None
        head, descriptors = tokens[: commas[0]], (view[tokens[commas[0]][1] : tokens[-1][0]].strip(),)
    elif commas:
        head, descriptors = tokens[commas[-1] + 1 :], ()  # after an opening phrase
    else:
        head, descriptors = tokens, ()
    # A common noun may open the phrase after a lead word or, in the plural, after an
    # opening phrase: "But officials said", "By a wide margin, supporters of X say".
    common_start = (
        bool(commas)
        and commas[-1] != len(tokens) - 1
        and bool(head)
        and head[0][2].endswith("s")
        and head[0][2].isalpha()
    )
    while head and head[0][2].lower() in _LEAD_WORDS:
        head, common_start = head[1:], True
    when = _opening_time(view, head[0][0], cue_start) if head else None
    if when is not None and not when.group().endswith(","):
        head = [t for t in head if t[0] >= when.end()]  # "Two days later Acme said"
    # A time adjunct before the cue: "The White House on Monday", "Officials last week".
    while len(head) > 1 and head[-1][2].lower() in _TIME_WORDS:
        head = head[:-1]
        while len(head) > 1 and head[-1][2].lower() in _TIME_LEADS:
            head = head[:-1]
    if not head or len(head) > LOOSE_MAX_WORDS:
        return None
    words = [t[2] for t in head]
    first = words[0]
    if first.lower() in _NOT_SUBJECT_START or not (
        first[:1].isupper() or first[:1].isdigit() or first in DETERMINERS or (common_start and first.isalpha())
    ):
        return None
    if any(w.lower() in _CLAUSE_WORDS or (w.startswith("(") and w is not words[-1]) for w in words):
        return None
    kind, indefinite = classify_mention(" ".join(w for w in words if not w.startswith("(")), lex)
    paren = tuple(w.strip("()") for w in words if w.startswith("("))
    named = [t for t in head if not t[2].startswith("(")]
    span_end = named[-1][1] if named else head[-1][1]
    k = len(named)
    while k > 0 and named[k - 1][2][:1].isupper():
        k -= 1
    if len(named) - k >= 2 and any(t[2].islower() for t in named[:k]) and named[k - 1][2] not in _PREPOSITIONS:
        # "His campaign chairman Paul Manafort": the name, with the words before it as a descriptor.
        descriptors = (view[named[0][0] : named[k - 1][1]], *descriptors)
        span = Span.of(doc.text, named[k][0], named[-1][1])
        return MentionMatch(phrase_start=head[0][0], span=span, kind=MentionKind.NAME, descriptors=paren + descriptors)
    span = Span.of(doc.text, head[0][0], span_end)
    return MentionMatch(
        phrase_start=head[0][0],
        span=span,
        kind=kind,
        descriptors=paren + descriptors,
        indefinite=indefinite,
        head=head_noun(span.text) if kind is MentionKind.NOMINAL else "",
    )
