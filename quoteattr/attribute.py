"""Cue-placement rules: from quotations and cues to attribution frames.

A frame is an attribution before its speaker is resolved: the content span,
the kind, the cue, the mention and the names of the rules that built it.
Three stages of rules make frames (see :mod:`quoteattr.rules`):

- ``direct`` rules look around a quotation for its cue and speaker;
- ``reported`` rules look around a cue for a reported clause;
- ``quote`` rules deal with quotations nothing else claimed: fragments of a
  reported clause, continuation paragraphs, block quotes, titles and scare
  quotes.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs
import regex

from quoteattr.cues import NOUN_HOMOGRAPHS, is_participle, is_progressive
from quoteattr.document import Document
from quoteattr.lexicons import Lexicons
from quoteattr.mentions import (
    SUBJECT_REACH,
    MentionMatch,
    classify_mention,
    find_headline_speaker,
    find_loose_subject,
    find_mention_after,
    find_sentence_subject,
    find_subject,
    head_noun,
)
from quoteattr.models import Cue, MentionKind, QuoteKind, QuoteRole, Span
from quoteattr.patterns import COLLECTIVE_NOUNS, DAYS, MONTHS, patterns_for
from quoteattr.quotes import TRANSCRIPT_LABEL, Quotation
from quoteattr.segment import Paragraph, Sentence, is_abbreviation, sentence_at

if TYPE_CHECKING:
    from quoteattr.coref import Entity

__all__ = ["Context", "Frame", "Settings"]

# Verbs whose first object is the hearer: "told reporters that", "warned the board".
_HEARER_VERBS = frozenset(
    {"tell", "inform", "remind", "assure", "advise", "warn", "promise", "ask", "urge", "caution", "answer"}
)
# A reported clause does not start with these: "said to be", "said in March".
_NOT_CLAUSE_START = frozenset(
    """to for in on at by with about of from as so than into onto over under after before during
    when while because since until
    goodbye hello yes no nothing something anything much little more less thanks sorry""".split()
)
_DOC_NOUN_IN = regex.compile(
    r"\b(?:in|via|through)[ ]{1,3}(?:a|an|the|his|her|its|their)[ ]{1,3}(?:[\w-]+[ ]{1,3}){0,2}?(?P<noun>[\w-]+)\b"
)
_CLOSING_AND_SPACE = " \"'”’»"
_TERMINAL = regex.compile(r"""[ ]{0,3}[.!?…]{0,3}["'”’»)\]]{0,3}[ ]{0,3}\Z""")
_LEADING = regex.compile(r"""[ ,.:;—–-]{0,6}""")
_TITLE_BEFORE = regex.compile(
    r"""\b(?i:headline[ds]?|headlined|titled|entitled|named|nicknamed|dubbed|slogan|hashtag|book|film|movie|song|album|series|show|play|novel|poem|essay|column|op-ed|article|the[ ]+(?:word|term|phrase|label|name))[ ]{0,3}[,:]?[ ]{0,3}\Z"""
)
_WORDS = regex.compile(r"[\p{L}\d][\p{L}\d'’-]*")
_WORD_START = re.compile(r"[^\W_][\w'’-]*")  # the standard engine: counting is hot
_BREAK = regex.compile(r"([.!?])[ ]+\p{Lu}")
# What may stand between a cue and the quotation it introduces: "that", a
# colon or comma, or a short aside set off by commas ("on her page, in capitals,").
_INTRO_TAIL = regex.compile(r"""[ ]{0,3}(?:that[ ]{1,3}|(?:[ ,][^"“”:;.!?\n]{1,80})?[:,][ \n]{0,8}|[ ]{0,3})""")
_APPOSITIVE_INTRO = regex.compile(r"""[ ]{0,3},[^"“”\n]{1,150}[,:][ ]{0,3}""")
_COLON = regex.compile(r"[ ]{0,3}:[ ]{0,3}")
_COLON_THEN_QUOTE = regex.compile(r"""[ ]{0,3}:[ \n]{0,3}["“'‘]""")
_REPORTS_TAIL = regex.compile(r"[ ]{0,3},[ ]{1,3}(?:reports?|according)")
_COMMA_AND_SPACE = regex.compile(r"[ ]{0,3},[ ]{1,3}")
_THAT_AFTER_COMMA = regex.compile(
    r"[ ]{0,3}(?:,[ ]{0,3})?(?P<that>that\b|(?:whether|if|why|how|what|when|where|who)\b(?=[ ]))?"
)
_THAT = regex.compile(r"[ ]{0,3}(?P<that>that\b)?")
# An adjunct the cue's own patterns do not know, then "that" and a clause's subject.
_LATE_THAT = regex.compile(
    r"""[ ]{1,3}(?:during|for|in|on|at|after|before|to|with|last|this|earlier|over|about|while|when|through|via|again|of|from)
    [ ](?:[^,;:"“”.!?\n ]{1,25}[ ]){0,7}?(?P<that>that)[ ]{1,3}
    (?=(?:he|she|they|it|we|I|you|there|the|a|an|his|her|their|its|this|these|those|some|many|no|\p{Lu}|\d)\b|["“])""",
    regex.VERBOSE,
)
_SOURCE_TAIL = regex.compile(
    r"""[ ]{1,3}(?:by|of|from|in|at|on|for|with|released|conducted|published|out|who|which|that)\b[^,;:"“”\n]{1,80}?(?=[ ]{0,3}[.!?]?["'”’]{0,3}[ ]{0,3}\Z)"""
)
# A reported clause ends at a semicolon, and before a relative on a name ("...
# Bryan Pagliano, who worked on ..."); it runs on over a spaced dash ("that GOP
# moderates may be pliable — and that ..."), as annotated news most often has it.
_CLAUSE_STOP = regex.compile(r";|(?<=\p{Lu}[\p{L}.’'-]{1,30}),[ ](?:who|whom)\b|,?[ ](?:and|but)[ ](?:has|have|had)[ ](?:since[ ]|also[ ]|not[ ]|repeatedly[ ])?(?!been\b)\p{Ll}{2,20}(?:ed|en|wn|ne|lt|pt|nt|ld|ought|aught)\b")
# A subordinate clause opening a sentence: "Because exit polls indicated that ..., there is ...".
_SUBORDINATE_OPENING = regex.compile(
    r"""[ "“]{0,3}(?:Because|As|While|Although|Though|If|When|Whenever|Since|After|Before|Once|Until|Unless|Whereas)[ ]"""
)
# What may open a sentence before "According to X, ...": nothing, or a conjunction.
_LEAD_IN = regex.compile(r"""[ "“]{0,3}(?:(?i:but|and|yet|so|still|also|now|however)[ ,]{1,3})?""")
_AND_BEFORE = regex.compile(
    rf"""\b(?:and|but)[ ]{{1,3}}(?:(?:\p{{Ll}}{{2,20}}ly|has|have|had|also|then|later|on[ ]{{1,3}}{DAYS}|last[ ]{{1,3}}week|this[ ]{{1,3}}week)[ ]{{1,3}}){{0,2}}\Z"""
)
_SPACED_DASH = regex.compile(r"[ ](?:-|--|—|–)[ ]")
# "..., according to the polling average - despite winning the primary.": an aside after the source.
_DASH_END = regex.compile(r"""[ ](?:-|--|—|–)[ ][^;:"“”\n]{1,200}?(?=[ ]{0,3}[.!?]?["'”’]{0,3}[ ]{0,3}\Z)""")
_APPOSITIVE_END = regex.compile(r"""[ ]{0,3},[^;:"“”\n]{1,200}?(?=[ ]{0,3}[.!?]?["'”’]{0,3}[ ]{0,3}\Z)""")
# A prepositional or time phrase that opens a sentence and is all of it before a
# comma: "Over the long term", "Since last November", "About 10:03 p.m.".
_OPENING_ADJUNCT = regex.compile(
    r"""[ "“]{0,3}(?:(?i:but|and|yet|so)[ ]{1,3})?
    (?:Over|Since|In|At|About|Around|During|After|Before|By|For|On|Under|Until|Through|Throughout|Within
    |Despite|Among|Between|From|Across|Last|This|Early|Late|Earlier|Later|Today|Yesterday)
    (?:[ ]{1,3}[\p{L}\d.:'’$%-]{1,20}){0,5}[ ]{0,3}""",
    regex.VERBOSE,
)
# A trailing "at a briefing late on Tuesday", "in a statement released on
# Friday": where the words were said, not part of them.
_TRAILING_EVENT = regex.compile(
    r"""[ ]{1,3}(?:at|in|during)[ ]{1,3}(?:a|an|the|his|her|its|their)[ ]{1,3}(?:[\p{L}-]{1,20}[ ]{1,3}){0,2}?
    (?:statement|briefing|interview|news[ ]conference|press[ ]conference|conference|speech|letter|email|rally|hearing|meeting|post|tweet|video|call)
    (?:[ ]{1,3}[^,;:"“”\n]{1,50})?\Z
    """,
    regex.VERBOSE,
)
# The longest match of _TRAILING_EVENT: as it ends at the end of the span, a
# search need not start further back (the same match, without trying each
# position of a long clause).
_TRAILING_EVENT_LONGEST = 135
# ", following reports that ...", ", citing sources": an adjunct of the
# reporting clause, not part of what was said.
_PARTICIPIAL_ADJUNCT = regex.compile(
    r"""[ ]{0,3},[ ]{1,3}(?:following|citing|despite|amid|after|before|prompting|sparking|drawing)\b"""
)


@attrs.frozen
class Settings:
    """Numbers the rules use (see :class:`quoteattr.pipeline.Config`)."""

    scare_max_words: int = 4
    continuation: bool = True
    block_quotes: bool = True
    cognition: bool = False


@attrs.define(eq=False)
class Frame:
    """An attribution being built."""

    start: int
    end: int
    kind: QuoteKind
    rules: list[str]
    confidence: float
    quotation: Quotation | None = None
    fragments: list[Quotation] = attrs.field(factory=list)
    cue: Cue | None = None
    mention: MentionMatch | None = None
    antecedent: Frame | None = None
    role: QuoteRole = QuoteRole.SPEECH
    document_noun: str | None = None
    entity: Entity | None = None
    block_owner: str | None = None
    parts: tuple[tuple[int, int], ...] = ()  # the pieces of a clause its own attribution interrupts

    @property
    def anchor(self) -> int:
        """Return where the speaker is named (or the content starts), for text order."""
        if self.mention is not None:
            return self.mention.span.start
        return self.start


@attrs.define
class Context:
    """Everything the rules of one document read, and the frames built so far."""

    doc: Document
    lex: Lexicons
    settings: Settings
    paragraphs: Sequence[Paragraph]
    sentences: Sequence[Sentence]
    quotations: Sequence[Quotation]
    cues: Sequence[Cue]
    frames: list[Frame] = attrs.field(factory=list)
    used_cues: set[int] = attrs.field(factory=set)
    used_quotes: set[int] = attrs.field(factory=set)
    subjects: dict[tuple[int, int], MentionMatch | None] = attrs.field(factory=dict)
    sentence_starts: list[int] = attrs.field(init=False)
    cue_starts: list[int] = attrs.field(init=False)
    para_starts: list[int] = attrs.field(init=False)
    top: list[Quotation] = attrs.field(init=False)
    top_starts: list[int] = attrs.field(init=False)
    # The frames by anchor and by start, as (offset, order added): lookups stay logarithmic.
    _by_anchor: list[tuple[int, int]] = attrs.field(factory=list, init=False)
    _by_start: list[tuple[int, int]] = attrs.field(factory=list, init=False)
    _longest: int = attrs.field(default=0, init=False)

    def __attrs_post_init__(self) -> None:
        self.sentence_starts = [s.start for s in self.sentences]
        self.cue_starts = [c.span.start for c in self.cues]
        self.para_starts = [p.start for p in self.paragraphs]
        self.top = [q for q in self.quotations if q.depth == 0]
        self.top_starts = [q.open for q in self.top]

    # -- lookups ----------------------------------------------------------
    def subject(self, region_start: int, cue_start: int) -> MentionMatch | None:
        """Return the subject before a cue (see :func:`find_subject`), computed once."""
        key = (region_start, cue_start)
        if key not in self.subjects:
            found = find_subject(self.doc, self.lex, region_start, cue_start)
            if found is not None:
                # "Lee, who notes that Acme has vowed to ...": no subject of "vowed"
                # reaches over another cue.
                lo = bisect.bisect_right(self.cue_starts, found.span.end)
                hi = bisect.bisect_left(self.cue_starts, cue_start)
                if any(self.doc.view.startswith(" that ", c.span.end) for c in self.cues[lo:hi]):
                    found = None
            self.subjects[key] = found
        return self.subjects[key]

    def sentence(self, offset: int) -> Sentence | None:
        """Return the sentence holding *offset*."""
        return sentence_at(self.sentences, self.sentence_starts, offset)

    def paragraph_index(self, offset: int) -> int:
        """Return the number of the paragraph holding (or preceding) *offset*."""
        return max(0, bisect.bisect_right(self.para_starts, offset) - 1)

    def cues_between(self, start: int, end: int) -> list[Cue]:
        """Return the unused cues starting in ``[start, end)``."""
        lo = bisect.bisect_left(self.cue_starts, start)
        hi = bisect.bisect_left(self.cue_starts, end)
        return [c for c in self.cues[lo:hi] if c.span.start not in self.used_cues]

    def quotes_between(self, start: int, end: int) -> list[Quotation]:
        """Return the top-level quotations opening in ``[start, end)``."""
        lo = bisect.bisect_left(self.top_starts, start)
        hi = bisect.bisect_left(self.top_starts, end)
        return self.top[lo:hi]

    def frames_anchored(self, start: int, end: int) -> list[Frame]:
        """Return the frames whose speaker is named (or content starts) in ``[start, end)``, in the order added."""
        lo = bisect.bisect_left(self._by_anchor, (start, -1))
        hi = bisect.bisect_left(self._by_anchor, (end, -1))
        return [self.frames[k] for k in sorted(k for _, k in self._by_anchor[lo:hi])]

    def last_report(self, start: int, end: int) -> Frame | None:
        """Return the last frame added whose speaker is named in ``[start, end)``, or None.

        Only the last CLAUSE_REACH characters are read: a run-on "sentence" of
        thousands of reports is not scanned again for each one.
        """
        named = [f for f in self.frames_anchored(max(start, end - CLAUSE_REACH), end) if f.mention is not None]
        return named[-1] if named else None

    def frames_overlapping(self, start: int, end: int) -> list[Frame]:
        """Return the frames whose span overlaps ``[start, end)``."""
        lo = bisect.bisect_left(self._by_start, (start - self._longest, -1))
        hi = bisect.bisect_left(self._by_start, (end, -1))
        return [self.frames[k] for _, k in self._by_start[lo:hi] if self.frames[k].end > start]

    def add(self, frame: Frame) -> Frame:
        """Record a frame and mark its cue and quotation as used."""
        bisect.insort(self._by_anchor, (frame.anchor, len(self.frames)))
        bisect.insort(self._by_start, (frame.start, len(self.frames)))
        self._longest = max(self._longest, frame.end - frame.start)
        self.frames.append(frame)
        if frame.cue is not None:
            self.used_cues.add(frame.cue.span.start)
        if frame.quotation is not None:
            self.used_quotes.add(frame.quotation.open)
        for q in frame.fragments:
            self.used_quotes.add(q.open)
        return frame


# -- helpers -----------------------------------------------------------------
def _participle(ctx: Context, cue: Cue) -> bool:
    """Tell whether a cue is a participle ("..., saying"), not a progressive ("is saying")."""
    return is_participle(cue) and not is_progressive(ctx.doc.view, cue)


def has_words(text: str, count: int) -> bool:
    """Tell whether *text* has at least *count* words ("so-called" and "It's" are one each), reading no further.

    >>> has_words("It's a so-called 'deal', he said.", 6), has_words("It's a deal", 4)
    (True, False)
    """
    return count <= 0 or _words(count).match(text) is not None


@functools.lru_cache(maxsize=64)
def _words(count: int) -> re.Pattern[str]:
    """Return a pattern matching the first *count* words of a text (words as ``_WORD_START`` reads them).

    One match call instead of a scan word by word: what may stand before a
    word is taken whole (``*+``), and so is each word.
    """
    return re.compile(rf"(?:[\W_]*+[^\W_][\w'’-]*+){{{count}}}")


# Nothing, a sentence end or a line break before a word: it opens its sentence
# (a match is at most 8 characters long).
_OPENS_SENTENCE_WORD = regex.compile(r"""(?:\A|[.!?]["'”’]?[ ]{1,3}|\n)[ ]{0,3}\Z""")
_QUANTITY = regex.compile(
    r"\d|\b(?:percent|half|third|thirds|quarter|majority|minority|most|all|none|some|both)\b"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine)[ -]{1,3}(?:in|out[ ]of)[ -]"  # one in five
)
# Plurals without -s: "People familiar with the talks say".
_PLURAL_WORDS = (
    COLLECTIVE_NOUNS
    | {"men", "women", "children", "folks"}
    | {"two", "three", "four", "five", "few", "many", "several", "both", "others", "some", "most"}
)  # "The two admit", "few express", "many mention"
# A subject that starts like this is one of a group: "one of the prosecutors says".
_ONE_OF = regex.compile(r"(?:one|each|none|neither|either)[ ]{1,3}of[ ]")

_POSTMODIFIER = regex.compile(r"[ ]{1,3}(?:of|in|from|for|at|with|on|about|among|across|who|that|by|to)[ ]")
_MODALS = frozenset("will would could can may might must should did do does to not never".split())


_AGREEMENT_REACH = 120
"""How far before a cue :func:`agrees` looks for a modal or "to" ("will report", "continued to question")."""


def agrees(ctx: Context, mention: MentionMatch, cue: Cue) -> bool:
    """Tell whether a subject and a present-tense cue agree in number.

    "a committee report advised" has the noun "report", not a verb: a
    singular subject does not take the bare form "report" (unless a modal
    stands between: "she will report"), nor a plural one the -s form.
    """
    word = cue.text.lower()
    bare = word == cue.lemma and cue.lemma not in ("read", "forecast") and " " not in word
    third_person = word.endswith("s") and word != cue.lemma and not word.endswith("ss")
    if not bare and not third_person:
        return True  # "said", "told", "saying": only a present form tells a number
    text = mention.span.text.lower()
    # Only the words next to the cue are read: a subject far before it (a coordinated verb
    # after a long clause) must not make each cue read the whole run of text.
    between = ctx.doc.view[max(mention.span.end, cue.span.start - _AGREEMENT_REACH) : cue.span.start].lower().split()
    if any(w in _MODALS for w in between) or (between and between[-1] == "to"):
        return True  # "she will report"; "continued to question": an infinitive agrees with any subject
    # The head is the last word before a modifier: "an average of polls shows", "Polls in Ohio show".
    core = _POSTMODIFIER.split(mention.span.text, 1)[0]
    written_last = core.rsplit(None, 1)[-1] if core.strip() else ""
    last = written_last.lower()
    if _QUANTITY.search(text) or text in ("who", "which"):
        return True  # "26 percent said", "half say", "the majority says"; "critics who say"
    plural = (
        not _ONE_OF.match(text)
        and (
            " and " in text
            or text in ("they", "we")
            or last in _PLURAL_WORDS
            or text.startswith("those ")
            or (text.startswith("the ") and last.endswith("s") and not last.endswith(("ss", "'s", "’s")))  # the Khans
            or (mention.kind is MentionKind.NOMINAL and mention.head.endswith("s") and not mention.head.endswith("ss"))
            or (written_last[:1].islower() and last.endswith("s") and not last.endswith(("ss", "'s", "’s")))
        )
    )
    if (
        not plural
        and " " not in core.strip()
        and last.endswith("s")
        and not last.endswith(("ss", "'s", "’s"))
        and _OPENS_SENTENCE_WORD.search(ctx.doc.view, max(0, mention.span.start - 8), mention.span.start) is not None
    ):
        return True  # "Organizers say", "Sanders says": one capitalised word in -s opening a sentence
    if bare:
        return plural or text in ("i", "we", "you")
    return not plural


def skip_after_cue(ctx: Context, cue: Cue, end: int) -> tuple[int, str | None]:
    """Skip the hearer and adjuncts after a cue: "told reporters on Monday".

    Returns the offset after them and the document noun of an adjunct like
    "in a statement", if any.
    """
    key = ("after_cue", cue.span.start, end)
    cached: tuple[int, str | None] | None = ctx.doc.cache.get(key)
    if cached is not None:
        return cached
    pats = patterns_for(ctx.lex)
    view = ctx.doc.view
    pos = cue.span.end
    noun = None
    if cue.lemma in _HEARER_VERBS:
        m = pats.object_.match(view, pos, end)
        if m is not None and not view.startswith(" that", pos):
            pos = m.end()
    for _ in range(3):
        m = pats.adjunct.match(view, pos, end)
        if m is None:
            break
        d = _DOC_NOUN_IN.search(m.group())
        if d is not None and d.group("noun").lower() in ctx.lex.document_nouns:
            noun = d.group("noun").lower()
        pos = m.end()
    ctx.doc.cache[key] = (pos, noun)
    return pos, noun


def trim_span(view: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces and trailing sentence punctuation from a content span."""
    while start < end and view[start] in " \n,:;":
        start += 1
    while end > start and (
        view[end - 1] in " \n.,;:!?…—–-" or (view[end - 1] == ")" and "(" not in view[start : end - 1])
    ):
        end -= 1  # and a closing bracket opened before the span: "(As X reported, CLAUSE.)"
    return start, end


_COMMA_CONJUNCTION = regex.compile(r",[ ]{1,3}(?:and|but|while|whereas|yet)[ ]{1,3}")
_CONJUNCTION = regex.compile(r"[ ](?:but|while|whereas)[ ]{1,3}")


_LOOKAHEAD = 300
"""How much text after a cue the tests of what follows it read (they look at its start only)."""

CLAUSE_REACH = 1000
"""The longest reported clause, in characters: a run-on "sentence" of a list or a
table is cut there, so that no clause is read over the whole text."""


def clause_start(ctx: Context, sentence: Sentence, end: int) -> int:
    """Find where a clause ending at *end* (before its cue) starts: its sentence's start, at most CLAUSE_REACH back."""
    if end - sentence.start <= CLAUSE_REACH:
        return sentence.start
    space = ctx.doc.view.find(" ", end - CLAUSE_REACH, end)
    return space + 1 if space != -1 else end - CLAUSE_REACH


_GOVERNS_BARE = regex.compile(r"(?:\b(?:to|will|would|could|can|should|might|may|must)|['’](?:d|ll))[ ]")


def clause_end(ctx: Context, sentence: Sentence, start: int) -> int:
    """Find where a reported clause starting at *start* ends.

    It runs to the end of its sentence, but stops before a semicolon and
    before a later cue set off by a comma (", adding that", ", she said").
    """
    view = ctx.doc.view
    end = min(sentence.end, start + CLAUSE_REACH)
    # A stop is a semicolon or ", who": most clauses hold neither, and two finds tell it.
    stop = (
        _CLAUSE_STOP.search(view, start, end)
        if view.find(";", start, end) != -1 or view.find(", who", start, end) != -1 or view.find(" ha", start, end) != -1
        else None
    )
    if stop is not None:
        end = stop.start()
    adjunct = _PARTICIPIAL_ADJUNCT.search(view, start, end)
    if adjunct is not None and has_words(view[start : adjunct.start()], 3):
        end = adjunct.start()  # "Trump, despite his wealth, is ...": too short to stop there
    for cue in ctx.cues_between(start, end):
        before = view[max(start, cue.span.start - 60) : cue.span.start]
        if (
            before.endswith((" and ", " but "))
            and not view.startswith(" of ", cue.span.end)
            and not (cue.text.lower() == cue.lemma and _GOVERNS_BARE.search(view, start, cue.span.start))
        ):
            # "... and says ...": a second report begins (not "and text of the law", nor
            # "he'd sit Putin down and tell him": a bare verb under the clause's own modal or "to")
            return cue.span.start - 4
        if before.rstrip().rstrip("\"”’'").endswith(",") and (_participle(ctx, cue) or cue.lemma == "according to"):
            return before.rstrip().rfind(",") + max(start, cue.span.start - 60)
        if before.rstrip().endswith(","):
            after = find_mention_after(ctx.doc, ctx.lex, cue.span.end, end)
            if after is not None and _TERMINAL.match(view, after.span.end, sentence.end):
                return before.rstrip().rfind(",") + max(start, cue.span.start - 60)
        base = max(start, cue.span.start - 60)
        joined = list(_COMMA_CONJUNCTION.finditer(before)) or list(_CONJUNCTION.finditer(before))
        if joined and ctx.subject(base + joined[-1].end(), cue.span.start):
            return base + joined[-1].start()  # "..., and other leaders said ...": a second report
        comma = before.rfind(",")
        if comma != -1:
            subject = ctx.subject(base + comma + 1, cue.span.start)
            if subject is not None:
                tail = _TERMINAL.match(view, skip_after_cue(ctx, cue, end)[0], end)
                if tail is not None or (subject.kind is MentionKind.PRONOUN and subject.start > base + comma + 3):
                    # "..., she said." ends the clause; so does "..., at the town hall she said ...".
                    return base + comma
    return end


def fragments_in(ctx: Context, start: int, end: int) -> list[Quotation]:
    """Return the unused top-level quotations lying inside ``[start, end)``."""
    return [q for q in ctx.quotes_between(start, end) if q.outer_end <= end + 1 and q.open not in ctx.used_quotes]


def _cuts_a_quotation(ctx: Context, start: int, end: int) -> bool:
    """Tell whether ``[start, end)`` begins or ends inside a top-level quotation."""
    lo = bisect.bisect_left(ctx.top_starts, start - 2000)
    for q in ctx.top[lo:]:
        if q.open >= end:
            break
        if q.open < start < q.outer_end or q.open < end < q.outer_end:
            return True
    return False


def _crosses_frame(ctx: Context, start: int, end: int) -> bool:
    """Tell whether ``[start, end)`` crosses a frame built so far: two reports nest or stay apart."""
    return any(
        not ((f.start <= start and end <= f.end) or (start <= f.start and f.end <= end))
        for f in ctx.frames_overlapping(start, end)
    )


def overlaps_used_quote(ctx: Context, start: int, end: int) -> bool:
    """Tell whether ``[start, end)`` overlaps a quotation already attributed."""
    lo = bisect.bisect_left(ctx.top_starts, start - 2000)
    for q in ctx.top[lo:]:
        if q.open >= end:
            break
        if q.open in ctx.used_quotes and q.open < end and q.outer_end > start:
            return True
    return False


def reported_frame(
    ctx: Context,
    start: int,
    end: int,
    cue: Cue,
    mention: MentionMatch | None,
    rules: list[str],
    confidence: float,
    noun: str | None = None,
    min_words: int = 3,
) -> Frame | None:
    """Build an indirect or mixed frame for the clause ``[start, end)`` of at least *min_words* words, or None."""
    view = ctx.doc.view
    start, end = trim_span(view, start, end)
    trailing = _TRAILING_EVENT.search(view, max(start, end - _TRAILING_EVENT_LONGEST), end)
    if trailing is not None and trailing.start() > start:
        end = trailing.start()
    taken = [q for q in ctx.quotes_between(start, end) if q.open in ctx.used_quotes]
    if taken:
        # "... said there was no call, adding: "..."": the clause ends before the
        # quotation another rule took, at the comma or colon that introduces it.
        if taken[0].open <= start:
            return None
        cut = max(view.rfind(",", start, taken[0].open), view.rfind(":", start, taken[0].open))
        if cut <= start:
            return None  # no comma or colon introduces the quotation: no clause ends before it
        comma = view.rfind(",", start, cut)
        if comma > start and _has_cue(ctx, comma, taken[0].open):
            cut = comma  # ", adding: "..."": the introducing cue is no part of the clause
        start, end = trim_span(view, start, cut)
    # A clause that ends inside a fragment ('will be "the finest,"') ends with it.
    for q in ctx.quotes_between(max(0, end - 2000), end):
        if q.content_start <= end < q.outer_end:
            end = q.outer_end
    if (
        not has_words(view[start:end], min_words)
        or overlaps_used_quote(ctx, start, end)
        or _crosses_frame(ctx, start, end)
    ):
        return None
    frags = fragments_in(ctx, start, end)
    if frags and not _words_outside(view, start, end, frags):
        return None  # the clause is one quotation: a direct quote, not reported speech ('vowed to "..."' is mixed)
    if frags and frags[0].open == start - 1:
        start -= 1  # a clause that opens with a fragment starts at its mark
    if _cuts_a_quotation(ctx, start, end):
        return None  # a clause holds a quotation whole or not at all
    kind = QuoteKind.MIXED if frags else QuoteKind.INDIRECT
    return Frame(
        start=start,
        end=end,
        kind=kind,
        rules=rules,
        confidence=confidence,
        fragments=frags,
        cue=cue,
        mention=mention,
        document_noun=noun,
    )


def _words_outside(view: str, start: int, end: int, frags: list[Quotation]) -> bool:
    """Tell whether ``[start, end)`` holds a letter or digit outside its quotations ('he "maintains ..."')."""
    pos = start
    for q in frags:
        if any(ch.isalnum() for ch in view[pos : q.open]):
            return True
        pos = max(pos, q.outer_end)
    return any(ch.isalnum() for ch in view[pos:end])


def direct_frame(q: Quotation, rule: str, confidence: float, **parts: Any) -> Frame:
    """Build the frame of a direct quotation: its content, its mark evidence and *rule*."""
    return Frame(
        start=q.content_start,
        end=q.content_end,
        kind=QuoteKind.DIRECT,
        rules=[*q.evidence, rule],
        confidence=confidence,
        quotation=q,
        **parts,
    )


# -- direct rules: (ctx, quotation) -> Frame | None ----------------------------
def direct_after_quote(ctx: Context, q: Quotation) -> Frame | None:
    """Attribute '"...," X said.', '"...," said X.', '"...," X told Y.' and '"...," according to X.'."""
    view = ctx.doc.view
    para = ctx.paragraphs[ctx.paragraph_index(max(q.open, q.close - 1))]
    limit = min(para.end, q.outer_end + 250)
    content = view[q.content_start : q.content_end]
    if not has_words(content, 3) and not content.rstrip().endswith((",", ".", "!", "?")):
        return None
    if is_embedded(ctx, q):
        return None
    lead = _LEADING.match(view, q.outer_end, limit)
    region = lead.end() if lead else q.outer_end
    for cue in ctx.cues_between(region, limit):
        between = view[region : cue.span.start]
        if any(ch in between for ch in '"“”«»\n') or has_sentence_break(ctx, region, cue.span.start):
            return None
        if _OPEN_RELATIVE.search(between):
            continue  # '"...," Cruz, who has proposed a repeal, said': the cue of the relative clause
        if cue.span.start == region or between.strip() == "":
            if cue.lemma in ctx.lex.object_verbs and not content.rstrip().endswith((",", ".", "!", "?", "…")):
                return None  # '"Nothing in the evidence" shows the board ...': the quotation is a subject
            mention = find_mention_after(ctx.doc, ctx.lex, cue.span.end, limit)
            if mention is None:
                return None
            rule = "direct.according_to" if cue.lemma == "according to" else "direct.after_quote_inverted"
        else:
            if _participle(ctx, cue):
                return None  # '"Done." Lee held up a sign saying ...': no finite cue follows the quotation
            mention = ctx.subject(region, cue.span.start)
            if mention is None and cue.text.lower() not in NOUN_HOMOGRAPHS:
                mention = find_loose_subject(ctx.doc, ctx.lex, region, cue.span.start)
            if mention is None or (mention.start > region + 3 and not _anchored(view, region, mention)):
                return None
            if not agrees(ctx, mention, cue):
                return None
            rule = "direct.after_quote"
        after, noun = skip_after_cue(ctx, cue, limit)
        if _COLON_THEN_QUOTE.match(view, after, limit):
            return None  # '"A." Lee said: "B."': the cue introduces the next quotation
        if content.rstrip().endswith((".", "!", "?")) and rule == "direct.after_quote":
            if _introduced(ctx, q):
                return None  # 'Lee said, "We won." The aide declined to ...': its own cue came first
            # '"We won." Lee said the vote ...': a finished quotation, then a new report.
            tail = view[after:limit].lstrip(" ")
            first = _WORDS.match(tail)
            sentence = ctx.sentence(after)
            rest = view[after : min(sentence.end, after + _LOOKAHEAD)] if sentence is not None else tail
            if (
                first is not None
                and first.group().lower() not in _NOT_CLAUSE_START
                and not _ADVERB.fullmatch(first.group())  # "said pleasantly into the phone"
                and has_words(rest, 4)
            ):
                # a clause follows the cue; "said to a cheer" or "asked Republican
                # politicians." (a short object ending the sentence) does not count
                return None
        return direct_frame(
            q,
            rule,
            0.95,
            cue=cue,
            mention=mention,
            document_noun=noun,
        )
    return None


def _introduced(ctx: Context, q: Quotation) -> bool:
    """Tell whether a cue and a comma or colon just before a quotation introduce it ('Lee said Monday, "..."')."""
    view = ctx.doc.view
    before = view[max(0, q.open - 60) : q.open].rstrip()
    if not before.endswith((",", ":")):
        return False
    sentence = ctx.sentence(q.open)
    start = max(q.open - 60, sentence.start if sentence is not None else 0)
    return _has_cue(ctx, start, q.open)


_ADVERB = regex.compile(r"\p{Ll}[\p{Ll}-]{1,25}ly")
_OPEN_RELATIVE = regex.compile(r",[ ]{1,3}(?:who|which|whose)\b[^,;]*\Z")


def is_embedded(ctx: Context, q: Quotation) -> bool:
    """Tell whether a quotation sits inside a longer clause ('the plan was "dead," she said').

    Three or more words before it in its sentence, not ending in a colon, a
    comma, a dash or an opening bracket, make it a fragment of that clause
    rather than a quotation of its own.
    """
    sentence = ctx.sentence(q.open)
    if sentence is None or sentence.start >= q.open:
        return False
    before = ctx.doc.view[sentence.start : q.open].rstrip()
    return has_words(before, 3) and not before.endswith((":", ",", "—", "–", "-", "("))


def has_sentence_break(ctx: Context, start: int, end: int) -> bool:
    """Tell whether a sentence ends in ``[start, end)`` (an abbreviation's full stop does not count)."""
    view = ctx.doc.view
    for m in _BREAK.finditer(view, start, end):
        if m.group(1) != "." or not is_abbreviation(view, m.start(1), ctx.lex):
            return True
    return False


def _anchored(view: str, region: int, mention: MentionMatch) -> bool:
    """Tell whether only titles or a determiner stand between the region start and the mention."""
    gap = view[region : mention.start]
    return len(gap) <= 60 and "," not in gap


def direct_before_quote(ctx: Context, q: Quotation) -> Frame | None:
    """Attribute 'X said: "..."', 'X told Y, "..."' and 'According to X, "..."'."""
    view = ctx.doc.view
    sentence = ctx.sentence(q.open) or ctx.sentence(max(0, q.open - 1))
    number = ctx.paragraph_index(q.open)
    para = ctx.paragraphs[number]
    start = sentence.start if sentence is not None and sentence.start <= q.open else para.start
    if number > 0 and view[para.start : q.open].strip() == "" and view[ctx.paragraphs[number - 1].end - 1] == ":":
        # 'X said in a statement:' closing the paragraph before the quotation.
        before = ctx.sentence(ctx.paragraphs[number - 1].end - 1)
        start = before.start if before is not None else ctx.paragraphs[number - 1].start
    cues = ctx.cues_between(max(start, q.open - 250), q.open)
    if not cues:
        return _after_short_report(ctx, q, para.start)
    cue = cues[-1]
    inverted = cue.span.start <= start + 1 and cue.text[:1].isupper()  # 'Said Ann Lee, "..."'
    if cue.lemma == "according to" or inverted:
        mention = find_mention_after(ctx.doc, ctx.lex, cue.span.end, q.open)
        if mention is None:
            return None
        between = view[mention.span.end : q.open]
        if between.strip(" ,:") != "" and not _APPOSITIVE_INTRO.fullmatch(between):
            return None
        rule = "direct.according_to" if cue.lemma == "according to" else "direct.before_quote"
    else:
        pos, _ = skip_after_cue(ctx, cue, q.open)
        rest = view[pos : q.open]
        if not _INTRO_TAIL.fullmatch(rest):
            return None
        if rest.strip().startswith("that") or (
            rest.strip() == "" and (cue.lemma in ctx.lex.bare_clause_verbs or cue.lemma in ctx.lex.object_verbs)
        ):
            after_quote = ctx.sentence(q.outer_end - 1)
            tail_end = after_quote.end if after_quote is not None else q.outer_end
            tail = view[q.outer_end : tail_end]
            if _goes_on_after(view, q, tail):
                # 'said that "top secret" material passed', 'says "the wind is at our backs" despite
                # the loss': a fragment of a reported clause; 'offer "a prayer" for the nominee': of an object
                return None
        if _participle(ctx, cue) and view[start : cue.span.start].rstrip().endswith(","):
            # '"A," he said, adding, "B"': the speaker of the quotation before it speaks.
            earlier = ctx.last_report(start, cue.span.start)
            if earlier is not None:
                _, noun = skip_after_cue(ctx, cue, q.open)
                return direct_frame(q, "direct.before_quote", 0.85, cue=cue, antecedent=earlier, document_noun=noun)
            # "Even a top strategist said X, saying: '...'": the subject of the verb before it;
            # "Acme hit back on Monday, saying: '...'": the sentence's subject.
            lo, hi = bisect.bisect_left(ctx.cue_starts, start), bisect.bisect_left(ctx.cue_starts, cue.span.start)
            prior = [c for c in ctx.cues[lo:hi] if not _participle(ctx, c)]
            own = ctx.sentence(prior[0].span.start) if prior else None
            mention = verb_subject(ctx, own, prior[0])[0] if prior and own is not None else None
            if mention is None:
                mention = find_sentence_subject(ctx.doc, ctx.lex, start, cue.span.start)
        else:
            mention = ctx.subject(start, cue.span.start)
            if mention is None and _participle(ctx, cue) and sentence is not None:
                # 'with Trump reportedly yelling: "..."'; 'Trump tried to laugh it off by interjecting,
                # "..."' (the sentence's subject); 'she sent an email saying, "..."'
                mention = _with_subject(ctx, sentence, cue) or (
                    find_sentence_subject(ctx.doc, ctx.lex, start, cue.span.start)
                    if _PARTICIPLE_LEAD.search(view, max(start, cue.span.start - 30), cue.span.start)
                    else _document_participle(ctx, sentence, cue)
                )
            if mention is None and _AND_BEFORE.search(view, max(start, cue.span.start - 30), cue.span.start):
                # "X was joined on stage by Y and joked, '...'": the sentence's subject speaks.
                mention = find_sentence_subject(ctx.doc, ctx.lex, start, cue.span.start)
        if mention is None or not agrees(ctx, mention, cue):
            return None
        rule = "direct.before_quote"
    _, noun = skip_after_cue(ctx, cue, q.open)
    return direct_frame(
        q,
        rule,
        0.9,
        cue=cue,
        mention=mention,
        document_noun=noun,
    )


def _after_short_report(ctx: Context, q: Quotation, para_start: int) -> Frame | None:
    """Attribute 'Ann Lee agreed. "..."': a sentence of a subject and a cue alone, then the quotation."""
    view = ctx.doc.view
    if not _OPENS_SENTENCE.search(view, max(para_start, q.open - 6), q.open):
        return None
    previous = ctx.sentence(q.open - 3)
    if previous is None or previous.start < para_start:
        return None
    cues = ctx.cues_between(previous.start, q.open)
    if len(cues) != 1 or _participle(ctx, cues[0]):
        return None
    cue = cues[0]
    after, noun = skip_after_cue(ctx, cue, q.open)
    if not _SENTENCE_END.fullmatch(view, after, q.open):
        return None
    mention = ctx.subject(previous.start, cue.span.start)
    if mention is None or mention.start > previous.start + 3 or not agrees(ctx, mention, cue):
        return None
    return direct_frame(q, "direct.before_quote", 0.8, cue=cue, mention=mention, document_noun=noun)


_SENTENCE_END = regex.compile(r"""[ ]{0,3}[.!][ ]{1,3}""")


def direct_headline_speaker(ctx: Context, q: Quotation) -> Frame | None:
    """Attribute a headline 'Acme: "We will fight"': a name and a colon before the quotation."""
    para = ctx.paragraphs[ctx.paragraph_index(q.open)]
    if q.outer_end < para.end - 2:
        return None
    mention = find_headline_speaker(ctx.doc, ctx.lex, para.start, q.open)
    if mention is None:
        return None
    return direct_frame(
        q,
        "direct.headline_speaker",
        0.7,
        mention=mention,
    )


def direct_headline_quote_first(ctx: Context, q: Quotation) -> Frame | None:
    """Attribute a headline "'Words here': Minister Warns Banks": quotation, colon, speaker, cue."""
    view = ctx.doc.view
    para = ctx.paragraphs[ctx.paragraph_index(q.open)]
    if not para.is_short or q.open > para.start + 2:
        return None
    m = _COLON.match(view, q.outer_end, para.end)
    if m is None or m.end() == q.outer_end:
        return None
    region = m.end()
    for cue in ctx.cues_between(region, min(para.end, region + 80)):
        mention = ctx.subject(region, cue.span.start)
        if mention is not None and mention.start <= region + 3:
            return direct_frame(
                q,
                "direct.headline_quote_first",
                0.7,
                cue=cue,
                mention=mention,
            )
        break
    return None


_NAME_BEFORE_COLON = regex.compile(
    r"""(?<=[\p{Ll},][ ]{1,3}|[-–—][ ]{0,3})(?P<name>\p{Lu}[\p{Ll}'’-]{1,20}(?:[ ]\p{Lu}\.)?(?:[ ]{1,3}(?:and[ ]{1,3})?\p{Lu}[\p{Ll}'’-]{1,20}){1,3}):\Z"""
)


def _has_cue(ctx: Context, start: int, end: int) -> bool:
    """Tell whether any cue, used or not, starts in ``[start, end)``."""
    return bisect.bisect_left(ctx.cue_starts, start) < bisect.bisect_left(ctx.cue_starts, end)


def direct_colon_intro(ctx: Context, q: Quotation) -> Frame | None:
    """Attribute a quotation after a sentence ending in a colon to that sentence's subject."""
    view = ctx.doc.view
    number = ctx.paragraph_index(q.open)
    para = ctx.paragraphs[number]
    before = view[para.start : q.open].rstrip()
    if not before and number > 0:
        para = ctx.paragraphs[number - 1]
        before = view[para.start : para.end].rstrip()
    if not before.endswith(":"):
        return None
    content = view[q.content_start : q.content_end].rstrip()
    ends_there = not view[q.outer_end : ctx.paragraphs[number].end].strip(" .,;")
    if not has_words(content, 3) or not (ends_there or content.endswith((".", "!", "?", ","))):
        return None  # 'Review: "Winter Harbour" Is a Slow Burn' is a title
    colon = para.start + len(before) - 1
    sentence = ctx.sentence(colon)
    start = sentence.start if sentence is not None else para.start
    # A name just before the colon speaks: "... doesn't surprise pollster Ann Lee:";
    # after a cue it is the hearer ("Priebus later told Fox News:").
    named = _NAME_BEFORE_COLON.search(view, max(start, colon - 80), colon + 1)
    if named is not None and named.start() > start and not _has_cue(ctx, start, named.start()):
        span = Span.of(ctx.doc.text, named.start("name"), named.end("name"))
        mention: MentionMatch | None = MentionMatch(span=span, kind=MentionKind.NAME)
        return direct_frame(q, "direct.colon_intro", 0.6, mention=mention)
    mention = find_sentence_subject(ctx.doc, ctx.lex, start, colon)
    if mention is None:
        headline = ctx.subject(start, colon)  # "Pollster Ann Lee:" standing alone
        if headline is None or headline.span.start > start + 40:
            return None
        mention = headline
    return direct_frame(
        q,
        "direct.colon_intro",
        0.6,
        mention=mention,
    )


def _finite_sentence(ctx: Context, cue: Cue) -> Sentence | None:
    """Return the sentence of a finite cue ("said", "is telling"), or None for a participle ("saying")."""
    if _participle(ctx, cue):
        return None
    return ctx.sentence(cue.span.start)


# -- reported rules: (ctx, cue) -> Frame | None --------------------------------
def reported_sentence_final(ctx: Context, cue: Cue) -> Frame | None:
    """Attribute 'CLAUSE, X said (on Monday).', 'CLAUSE, said X.' and 'CLAUSE, according to X.'."""
    sentence = _finite_sentence(ctx, cue)
    if sentence is None:
        return None
    view = ctx.doc.view
    mention = None
    if cue.lemma != "according to" and "," in view[max(sentence.start, cue.span.start - 240) : cue.span.start]:
        # ", X said": the subject follows a comma that ends the clause; first a
        # cheap look at what follows the cue, then the costly subject match.
        after, noun = skip_after_cue(ctx, cue, sentence.end)
        if _ends_report(ctx, after, sentence.end):
            mention = ctx.subject(sentence.start, cue.span.start)
    if mention is not None and agrees(ctx, mention, cue):
        # The comma is at most 40 characters (and some spaces) before the subject: no need to look further.
        comma = view.rfind(",", max(sentence.start, mention.start - 80), mention.start)
        if comma == -1 or len(view[comma + 1 : mention.start].strip()) > 40:
            return None
        after, noun = skip_after_cue(ctx, cue, sentence.end)
        rule = "reported.sentence_final"
    else:
        # Inverted: ", said X." or ", according to X."; the comma may close a
        # quotation ('... was “very assertive,” said X.': a mixed quote).
        comma = view.rfind(",", max(sentence.start, cue.span.start - 40), cue.span.start)  # marks and spaces only
        if comma == -1 or view[comma + 1 : cue.span.start].strip(_CLOSING_AND_SPACE):
            return None
        if cue.lemma != "according to" and ctx.subject(sentence.start, cue.span.start) is not None:
            return None  # "Ann Lee, a lawyer, said ...": the comma closes an appositive
        mention = find_mention_after(ctx.doc, ctx.lex, cue.span.end, sentence.end)
        after = -1 if mention is None else _source_end(view, mention.span.end, sentence.end)
        if cue.lemma == "according to" and (mention is None or _TERMINAL.match(view, after, sentence.end) is None):
            # "according to the RealClearPolitics polling average": the whole phrase.
            phrase = _source_phrase(ctx, cue.span.end, sentence.end)
            if phrase is not None:
                mention, after = phrase, _source_end(view, phrase.span.end, sentence.end)
        if mention is None:
            return None
        close = view.find(",", mention.span.end, sentence.end)
        if (
            cue.lemma == "according to"
            and close != -1
            and _OPENING_ADJUNCT.fullmatch(view, sentence.start, comma)
            and has_words(view[close + 1 : sentence.end], 3)
        ):
            return None  # "Over the long term, according to X, the rise in ...": reported.parenthetical
        rule = "reported.according_to_final" if cue.lemma == "according to" else "reported.inverted_final"
        noun = None
    if not _ends_report(ctx, after, sentence.end):
        return None
    return reported_frame(ctx, clause_start(ctx, sentence, comma), comma, cue, mention, [rule], 0.85, noun)


def _ends_report(ctx: Context, after: int, end: int) -> bool:
    """Tell whether what follows a final attribution ends it: the sentence's end, ", reports X", or a participle report.

    "..., Spicer said, adding that ...": the participle starts the speaker's
    next report (reported.participle), not more of this one.
    """
    view = ctx.doc.view
    if _TERMINAL.match(view, after, end) or _REPORTS_TAIL.match(view, after, end):
        return True
    comma = _COMMA_AND_SPACE.match(view, after, end)
    if comma is None:
        return False
    k = bisect.bisect_left(ctx.cue_starts, comma.end())  # used or not: "adding, "..."" is a direct quote's cue
    return k < len(ctx.cues) and ctx.cue_starts[k] == comma.end() and _participle(ctx, ctx.cues[k])


def _source_end(view: str, end: int, sentence_end: int) -> int:
    """Return where the words about a source written after its cue end.

    "..., according to a count by the Associated Press.", "..., says Ann Lee in
    Almaty.", "..., said Ann Lee, a lawyer.", "..., according to the polls -
    despite ...": all of it is the source, where it spoke and asides.
    """
    tail = _SOURCE_TAIL.match(view, end, sentence_end)
    if tail is not None:
        end = tail.end()
    aside = _APPOSITIVE_END.match(view, end, sentence_end) or _DASH_END.match(view, end, sentence_end)
    return end if aside is None else aside.end()


_SOURCE_PHRASE = regex.compile(r"""[ ]{1,3}(?P<phrase>[^,;:"“”()\n]{2,160}?)[ ]{0,3}[.!?]?["'”’]{0,3}[ ]{0,3}\Z""")


def _source_phrase(ctx: Context, start: int, end: int) -> MentionMatch | None:
    """Read the rest of a sentence after "according to" as its source: "a tally by the Associated Press".

    Only a phrase of at most 16 words with no comma and no other cue counts
    (a past participle such as "released by" describes the source, and may be
    in it); an aside after a spaced dash is no part of it.
    """
    view = ctx.doc.view
    dash = _SPACED_DASH.search(view, start, min(end, start + 170))  # the phrase is at most 160 characters
    if dash is not None and _DASH_END.match(view, dash.start(), end) is not None:
        end = dash.start()  # "the polls - despite ...": the source ends at the dash
    m = _SOURCE_PHRASE.match(view, start, end)
    if m is None or has_words(m.group("phrase"), 17):
        return None
    if any(not c.span.text.endswith("ed") for c in ctx.cues_between(start, end)):
        return None  # another report; "a report released by", "documents reported by" describe the source
    return _phrase_mention(ctx, *m.span("phrase"))


def _phrase_mention(ctx: Context, phrase_start: int, phrase_end: int) -> MentionMatch | None:
    """Make a whole source phrase the mention: "early results of exit polls by Edison Research"."""
    phrase_start, phrase_end = trim_span(ctx.doc.view, phrase_start, phrase_end)
    text = ctx.doc.view[phrase_start:phrase_end]
    if not text:
        return None
    kind, indefinite = classify_mention(text, ctx.lex)
    if kind is MentionKind.PRONOUN:
        return None
    if kind is MentionKind.NAME and text[:1].islower():
        kind = MentionKind.NOMINAL  # a description, named by its own words
    return MentionMatch(
        span=Span.of(ctx.doc.text, phrase_start, phrase_end),
        kind=kind,
        indefinite=indefinite,
        head=head_noun(text) if kind is MentionKind.NOMINAL else "",
    )


def reported_according_to_first(ctx: Context, cue: Cue) -> Frame | None:
    """Attribute 'According to X, CLAUSE.'."""
    if cue.lemma != "according to":
        return None
    sentence = ctx.sentence(cue.span.start)
    if sentence is None or not _LEAD_IN.fullmatch(ctx.doc.view, sentence.start, cue.span.start):
        return None
    mention = find_mention_after(ctx.doc, ctx.lex, cue.span.end, sentence.end)
    view = ctx.doc.view
    comma = -1 if mention is None else view.find(",", mention.span.end, sentence.end)
    partial = (
        mention is not None
        and (mention.kind is MentionKind.NOMINAL or not mention.span.text[:1].isupper())
        and view[mention.span.end : comma].strip(" )")  # "early results of exit polls by ..."
    )
    if mention is None or comma == -1 or comma - mention.span.end > 80 or partial:
        # A long source: "According to early results of exit polls by Edison Research, ..."
        comma = view.find(",", cue.span.end, sentence.end)
        if comma == -1 or has_words(view[cue.span.end : comma], 21) or ctx.cues_between(cue.span.end, comma):
            return None
        mention = _phrase_mention(ctx, cue.span.end, comma)
        if mention is None:
            return None
    end = clause_end(ctx, sentence, comma + 1)
    return reported_frame(ctx, comma + 1, end, cue, mention, ["reported.according_to_first"], 0.85)


def verb_subject(ctx: Context, sentence: Sentence, cue: Cue) -> tuple[MentionMatch | None, str]:
    """Find the subject of a finite cue, and say how: "strict", "coordinated" or "loose".

    The subject written before the cue; else, for "X celebrated the win and
    said ...", the sentence's subject; else any short noun phrase before the
    cue (not before a cue that is also a noun: "The words follow reports
    that ..." has no speaker).
    """
    mention = ctx.subject(sentence.start, cue.span.start)
    if mention is not None:
        return mention, "strict"
    if _AND_BEFORE.search(ctx.doc.view, max(sentence.start, cue.span.start - 30), cue.span.start):
        mention = find_sentence_subject(ctx.doc, ctx.lex, sentence.start, cue.span.start)
        if mention is not None:
            return mention, "coordinated"
    if cue.text.lower() not in NOUN_HOMOGRAPHS:
        mention = find_loose_subject(ctx.doc, ctx.lex, sentence.start, cue.span.start)
        if mention is not None:
            return mention, "loose"
    return None, ""


def agreeing_subject(ctx: Context, sentence: Sentence, cue: Cue) -> tuple[MentionMatch | None, str]:
    """Find the subject of a finite cue that agrees with it in number (see :func:`verb_subject`).

    When the subject read first does not agree, the noun phrase before the
    cue is read whole: in "supporters of Democrat Hillary Clinton say" the
    name is no subject of "say", the supporters are.
    """
    mention, how = verb_subject(ctx, sentence, cue)
    if mention is None or agrees(ctx, mention, cue):
        return mention, how
    if cue.text.lower() not in NOUN_HOMOGRAPHS:
        loose = find_loose_subject(ctx.doc, ctx.lex, sentence.start, cue.span.start)
        if loose is not None and loose.span != mention.span and agrees(ctx, loose, cue):
            return loose, "loose"
    return None, ""


_PRONOUN_CLAUSE = regex.compile(
    r"[ ]{1,3}(?:he|she|they|we|I|it)[ ]{1,3}(?:had|has|have|was|were|is|are|would|will|could|should|may|might|must|did|does|can|\p{Ll}{2,20}ed)\b"
)


def _inner_clause_end(ctx: Context, sentence: Sentence, mention: MentionMatch, start: int, end: int) -> int:
    """End a reported clause at its first comma when the report sits in a clause inside the sentence.

    So it does in an opening subordinate clause ("Because exit polls
    indicated that Trump led, there is a sense ...") and after a
    non-restrictive relative ("Graham, who says allies should send troops,
    tweeted ...").
    """
    view = ctx.doc.view
    opening = _SUBORDINATE_OPENING.match(view, sentence.start) is not None and "," not in view[sentence.start : start]
    relative = mention.span.text.lower() in ("who", "which") and view[
        max(0, mention.span.start - 3) : mention.span.start
    ].rstrip().endswith(",")
    if opening or relative:
        comma = view.find(",", start, end)
        if comma != -1:
            return comma
    return end


def reported_after_cue(ctx: Context, cue: Cue) -> Frame | None:
    """Attribute 'X said (that) CLAUSE', 'X told Y (that) CLAUSE' and 'X added CLAUSE'."""
    sentence = None if cue.lemma == "according to" else _finite_sentence(ctx, cue)
    if sentence is None:
        return None
    view = ctx.doc.view
    # First the cheap look at what follows the cue, then the costly subject.
    pos, noun = skip_after_cue(ctx, cue, sentence.end)
    rest = view[pos : min(sentence.end, pos + _LOOKAHEAD)]  # only its start is read
    m = _THAT_AFTER_COMMA.match(rest)
    has_that = m is not None and m.group("that") is not None
    if not has_that and cue.text.lower() not in NOUN_HOMOGRAPHS:
        # "said during the debate that ...", "said for the first time that ...".
        late = _LATE_THAT.match(rest)
        if late is not None:
            m = late
            has_that = True
    lead = pos + len(rest) - len(rest.lstrip(" ,"))
    if rest.lstrip().startswith((":", '"', "“", "'", "‘")) and not has_that:
        if not _opens_clause_fragment(ctx, cue, sentence, rest, lead):
            return None  # a direct quotation follows: its own rules deal with it
        lead += 1
    first = _WORDS.match(view, lead)
    bare = cue.lemma in ctx.lex.bare_clause_verbs or (
        cue.lemma in ctx.lex.object_verbs and _PRONOUN_CLAUSE.match(rest) is not None
    )  # "announced it had pulled out": a clause, not an object
    if not has_that and (
        first is None
        or (first.group().lower() in _NOT_CLAUSE_START and not _NO_CLAUSE.match(view, first.start(), sentence.end))
        or not bare
        or rest.lstrip(" ").startswith(",")
    ):
        return None
    mention, how = agreeing_subject(ctx, sentence, cue)
    rule = {"coordinated": "reported.coordinated", "loose": "reported.loose_subject"}.get(how, "reported.after_cue")
    subjectless = not has_that and _AUX_START.match(view, pos, sentence.end) is not None
    if subjectless:
        mention = _relative_subject(ctx, sentence, cue) or mention
    if mention is None:
        return None
    if (
        not has_that
        and first is not None
        and mention.span.text in ("who", "which")
        and _finite_cue_at(ctx, first.start())
    ):
        return None  # "the groups who wrote to her say ...": the main verb follows the relative clause
    # "the vote, which she said was a mistake, was ...": the clause of a relative; "What he said was a lie": none.
    relative = (
        _RELATIVE_HEAD.search(view, max(sentence.start, mention.start - 30), mention.start) if subjectless else None
    )
    if (
        relative is not None
        and relative.group("word").lower() not in _RELATIVE_PRONOUNS
        and not (relative.group("word") == "what" and _HEADED_WHAT.search(view, sentence.start, relative.start()))
    ):
        return None  # "What he said was a lie": the subject of "was" ("adapt to what she said is ..." reports)
    start = pos + (m.start("that") if has_that and m is not None else 0)
    end = clause_end(ctx, sentence, start)
    if relative is not None and relative.group("comma"):
        resumed = _MAIN_CLAUSE_RESUMES.search(view, start, end)
        if resumed is not None:
            end = resumed.start()
    end = _inner_clause_end(ctx, sentence, mention, start, end)
    rules = [rule + "_that" if has_that and rule == "reported.after_cue" else rule]
    # "They said she could.": a pronoun and a verb are a clause of two words
    short = 2 if _PRONOUN_CLAUSE.match(" " + view[start : min(end, start + 40)].lstrip()) else 3
    frame = reported_frame(ctx, start, end, cue, mention, rules, 0.85 if has_that else 0.75, noun, min_words=short)
    if frame is not None and relative is not None and relative.end() <= mention.start:
        # "the vote, which she said was a mistake": the relative pronoun is the subject of
        # what was said, so the quote runs from it, in two parts around the speaker and cue.
        frame.parts = (relative.span("word"), (frame.start, frame.end))
        frame.start = relative.start("word")
    return frame


# A one-word answer or "the same" after a verb of saying: "75 percent said yes, but ...",
# "half said so in the earlier poll", "26 percent said the same." ("says no matter
# what ..." and "said so far" are no answers).
_ANSWER = regex.compile(
    r"""[ ]{1,3}(?P<answer>(?i:yes|no|so)|the[ ]same(?:[ ]thing)?)
    (?=[ ]{0,3}(?:[.,;:!?)]|\Z|[ ](?:and|but|while|whereas|in|on|at|after|before|when|because|if|though
    |publicly|privately|last|this|too|again|then|instead)\b))""",
    regex.VERBOSE,
)
_ANSWER_VERBS = frozenset("say answer reply respond".split())


def reported_answer(ctx: Context, cue: Cue) -> Frame | None:
    """Attribute 'X said yes.', 'X said so in the earlier poll.' and 'X said the same.': the answer is the report."""
    if cue.lemma not in _ANSWER_VERBS:
        return None
    sentence = _finite_sentence(ctx, cue)
    if sentence is None:
        return None
    m = _ANSWER.match(ctx.doc.view, cue.span.end, sentence.end)
    if m is None:
        return None
    mention, _ = agreeing_subject(ctx, sentence, cue)
    if mention is None:
        return None
    return reported_frame(ctx, *m.span("answer"), cue, mention, ["reported.answer"], 0.6, min_words=1)


_AUX_START = regex.compile(
    r"[ ]{0,3}(?:was|is|are|were|has|have|had|would|will|could|can|should|might|may|must|did|does|do)\b",
    regex.IGNORECASE,
)
_RELATIVE_PRONOUNS = frozenset("which who whom that".split())
# The word before the subject of a cue whose clause has no subject of its own: a
# relative pronoun ("which he said was") or a free relative ("what he said was").
_RELATIVE_HEAD = regex.compile(
    r"(?P<comma>,[ ]{1,3})?\b(?P<word>(?i:which|who|whom|that|what|whatever|everything|anything|nothing|all))[ ]{1,3}\Z"
)
# A word that takes a free relative as its object: "displaying what ...", "adapt to what ...".
_HEADED_WHAT = regex.compile(r"(?:\b(?:to|on|of|about|for|with|at|into|from|by)|\p{Ll}{2,20}(?:ing|ed|s))[ ]{1,3}\Z")
_RELATIVE_BEFORE_SUBJECT = regex.compile(r"\b(?:which|who|whom|that)[ ]{1,3}(?=[^,;:]{1,60}\Z)")
# ", was a major factor": the main clause goes on after a relative set off by commas.
_MAIN_CLAUSE_RESUMES = regex.compile(
    r",[ ]{1,3}(?:(?:has|have|had|is|was|are|were|will|would|also|then)[ ]{1,3})?(?:is|was|are|were|has|have|had|will|would|\p{Ll}{2,20}ed)\b"
)


def _relative_subject(ctx: Context, sentence: Sentence, cue: Cue) -> MentionMatch | None:
    """Return the subject of a cue inside a relative clause: "a bill that Sanders said would ..." gives Sanders."""
    view = ctx.doc.view
    inner = _RELATIVE_BEFORE_SUBJECT.search(view, max(sentence.start, cue.span.start - 80), cue.span.start)
    if inner is None:
        return None
    own = ctx.subject(inner.end(), cue.span.start)
    return own if own is not None and agrees(ctx, own, cue) else None


def _finite_cue_at(ctx: Context, pos: int) -> bool:
    """Tell whether a finite cue (not a noun like "claims" or a participle) starts at *pos*."""
    i = bisect.bisect_left(ctx.cue_starts, pos)
    if i == len(ctx.cues) or ctx.cue_starts[i] != pos:
        return False
    cue = ctx.cues[i]
    return cue.text.lower() not in NOUN_HOMOGRAPHS and not _participle(ctx, cue)


def _opens_clause_fragment(ctx: Context, cue: Cue, sentence: Sentence, rest: str, lead: int) -> bool:
    """Tell whether the quotation right after a cue opens a longer clause: 'says "the wind is at our backs" despite ...'.

    The quotation follows the cue with no comma or colon, and the sentence
    goes on after it.
    """
    if not rest.startswith(" ") or rest.lstrip(" ")[:1] not in "\"“'‘" or cue.lemma not in ctx.lex.bare_clause_verbs:
        return False
    i = bisect.bisect_left(ctx.top_starts, lead)
    if i == len(ctx.top) or ctx.top[i].open != lead:
        return False
    return _goes_on_after(ctx.doc.view, ctx.top[i], ctx.doc.view[ctx.top[i].outer_end : sentence.end])


def _goes_on_after(view: str, q: Quotation, tail: str) -> bool:
    """Tell whether the writer's clause goes on after a quotation: two words, and no comma before or after the mark."""
    return (
        has_words(tail, 2)
        and not tail.lstrip(" ").startswith((",", "("))
        and not view[q.content_start : q.content_end].rstrip().endswith(",")
    )


_AS_SOURCE = regex.compile(r"""[ "“(]{0,3}(?:(?i:but|and|so|yet)[ ,]{1,3})?(?i:as)[ ]{1,3}""")
_BY = regex.compile(r"[ ]{1,3}by(?=[ ])")


def reported_as_source(ctx: Context, cue: Cue) -> Frame | None:
    """Attribute 'As X reported, CLAUSE.' and 'As X put it, CLAUSE.' to X."""
    if cue.lemma == "according to" or cue.text.lower() in NOUN_HOMOGRAPHS:
        return None  # "As her campaign sent pitches highlighting his remarks, ...": no report
    sentence = _finite_sentence(ctx, cue)
    if sentence is None:
        return None
    view = ctx.doc.view
    if "as " not in ctx.doc.lower[sentence.start : sentence.start + 12]:
        return None  # the cheap test first: most sentences do not open with "As"
    lead = _AS_SOURCE.match(view, sentence.start, cue.span.start)
    if lead is None:
        return None
    by = _BY.match(view, cue.span.end, sentence.end) if cue.span.start == lead.end() else None
    mention: MentionMatch | None
    if by is not None:
        # "As reported by the Times, ...": the source follows "by".
        noun = None
        mention = find_mention_after(ctx.doc, ctx.lex, by.end(), sentence.end)
        if mention is None:
            return None
        pos = mention.span.end
    else:
        pos, noun = skip_after_cue(ctx, cue, sentence.end)
        mention = ctx.subject(lead.end(), cue.span.start) or find_loose_subject(
            ctx.doc, ctx.lex, lead.end(), cue.span.start
        )
        if mention is None or mention.start > lead.end() + 3:
            return None
    comma = _LEADING.match(view, pos, sentence.end)
    if comma is None or "," not in comma.group():
        return None
    end = clause_end(ctx, sentence, comma.end())
    return reported_frame(ctx, comma.end(), end, cue, mention, ["reported.as_source"], 0.8, noun)


# The predicate of a clause whose subject came before a parenthetical source.
_PREDICATE_START = regex.compile(
    r"""[ ]{0,3}(?:(?:also|still|now|already|not|never)[ ]{1,3})?
    (?:is|are|was|were|has|have|had|will|would|could|can|should|may|might|must|did|does|do|\p{Ll}{2,20}(?:ed|es|s))\b""",
    regex.VERBOSE,
)


def reported_parenthetical(ctx: Context, cue: Cue) -> Frame | None:
    """Attribute a clause with its cue set off by commas inside it: 'Over the years, she said, ...'."""
    sentence = _finite_sentence(ctx, cue)
    if sentence is None:
        return None
    view = ctx.doc.view
    # The subject (or "according to") follows the comma at once and is at most SUBJECT_REACH long.
    comma = view.rfind(",", max(sentence.start, cue.span.start - SUBJECT_REACH - 4), cue.span.start)
    if comma == -1 or not has_words(view[sentence.start : comma], 1):
        return None
    if cue.lemma == "according to":
        # "The plan, according to two officials, is dead."
        if view[comma + 1 : cue.span.start].strip():
            return None
        mention = find_mention_after(ctx.doc, ctx.lex, cue.span.end, sentence.end)
        if mention is None:
            return None
        close = view.find(",", mention.span.end, sentence.end)
        if close == -1 or close - mention.span.end > 80:
            return None
        end = clause_end(ctx, sentence, close + 1)
        if has_words(view[close + 1 : end], 3) and (
            not has_words(view[sentence.start : comma], 4)
            or _PREDICATE_START.match(view, close + 1, end)
            or _OPENING_ADJUNCT.fullmatch(view, sentence.start, comma)
        ):
            # "The plan, according to two officials, is dead and buried."
            return _interrupted_frame(ctx, sentence, comma, close + 1, end, cue, mention, None)
        # "Turnout rose, according to an analysis by Acme, a data firm, higher than ...": the clause before.
        return reported_frame(
            ctx, clause_start(ctx, sentence, comma), comma, cue, mention, ["reported.parenthetical"], 0.8
        )
    pos, noun = skip_after_cue(ctx, cue, sentence.end)
    if not view.startswith(",", pos) or not has_words(view[pos : min(sentence.end, pos + _LOOKAHEAD)], 2):
        return None
    mention = ctx.subject(comma + 1, cue.span.start)
    if mention is None or view[comma + 1 : mention.start].strip() or not agrees(ctx, mention, cue):
        return None
    if fragments_in(ctx, sentence.start, comma) and view[sentence.start] in "\"“'‘":
        return None  # '"A," she said, "B"': two direct quotations
    end = clause_end(ctx, sentence, pos + 1)
    return _interrupted_frame(ctx, sentence, comma, pos + 1, end, cue, mention, noun)


def _interrupted_frame(
    ctx: Context,
    sentence: Sentence,
    comma: int,
    resume: int,
    end: int,
    cue: Cue,
    mention: MentionMatch,
    noun: str | None,
) -> Frame | None:
    """Build the frame of a clause its attribution interrupts between ``comma`` and ``resume``.

    The quote spans both sides and its parts are the two sides ("Compaq, she
    predicted, would come to them": "Compaq" and "would come to them").
    """
    view = ctx.doc.view
    start = clause_start(ctx, sentence, comma)
    head, tail = trim_span(view, start, comma), trim_span(view, resume, end)
    if not has_words(f"{view[head[0] : head[1]]} {view[tail[0] : tail[1]]}", 3):
        return None
    frame = reported_frame(ctx, start, end, cue, mention, ["reported.parenthetical"], 0.8, noun)
    if frame is None or frame.start > head[0] or frame.end <= tail[0]:
        return None
    frame.parts = ((frame.start, head[1]), (tail[0], frame.end))
    return frame


# A "to" complement after a cue: "vowed to veto", "urged Congress to act",
# "promised Monday not to raise taxes".
_INFINITIVE = regex.compile(r"""[ ]{1,3}(?:not[ ]{1,3}|never[ ]{1,3})?to[ ]{1,3}["“'‘]?\p{Ll}[\p{L}-]{1,30}\b""")


def reported_infinitive(ctx: Context, cue: Cue) -> Frame | None:
    """Attribute 'X vowed to CLAUSE', 'X urged Y to CLAUSE' and '..., promising to CLAUSE'.

    The verbs are those of infinitive_verbs.txt; the content is the "to"
    complement, with the hearer before it ("Congress to act") when there is one.
    """
    if cue.lemma not in ctx.lex.infinitive_verbs:
        return None
    sentence = ctx.sentence(cue.span.start)
    if sentence is None:
        return None
    view = ctx.doc.view
    pats = patterns_for(ctx.lex)
    pos = cue.span.end
    m = _INFINITIVE.match(view, pos, sentence.end)
    start = pos
    if m is None:
        # A hearer or an adjunct first: "urged Congress to act", "promised Monday to act".
        after, _ = skip_after_cue(ctx, cue, sentence.end)
        if after == pos:
            obj = pats.object_.match(view, pos, sentence.end)
            after = obj.end() if obj is not None else pos
        m = _INFINITIVE.match(view, after, sentence.end)
        if m is None or after == pos:
            return None
        start = pos if cue.lemma in _HEARER_VERBS or cue.lemma in ("urge", "call on", "encourage") else after
    antecedent: Frame | None = None
    if _participle(ctx, cue):
        if not _PARTICIPLE_LEAD.search(view, max(sentence.start, cue.span.start - 30), cue.span.start):
            return None
        mention, antecedent = _participle_speaker(ctx, sentence, cue)
        if (
            antecedent is not None
            and antecedent.rules[-1].endswith("_that")
            and not view[antecedent.end : cue.span.start].strip(" ,")
        ):
            # "Reuters says that Xi spoke with Obama, urging the US to act": Xi urges, or Reuters; no guess.
            return None
    else:
        mention, _ = verb_subject(ctx, sentence, cue)
        if mention is not None and not agrees(ctx, mention, cue):
            return None
    if mention is None and antecedent is None:
        return None
    end = clause_end(ctx, sentence, m.end())
    comma = view.find(",", m.end(), end)
    if comma != -1:
        end = comma  # "declined to comment, and ...": the infinitive ends at the comma
    # "declined to comment": a "to" complement of two words is content too
    frame = reported_frame(ctx, start, end, cue, mention, ["reported.infinitive"], 0.7, min_words=2)
    if frame is not None:
        frame.antecedent = antecedent
    return frame


_QUESTION = regex.compile(r"""[ ,]{0,3}\b(?:if|whether|about|why|how|what|who|whom|when|where|which)\b""")
_PASSIVE_BEFORE = regex.compile(
    r"""(?:\A|[,;:—–-]|\b(?:when|if|after|before|while|once|was|were|been|being|is|are|be|get|got|gets))[ ]{0,3}(?:\p{Ll}{2,20}ly[ ]{1,3})?\Z"""
)


_ASKED_BY = regex.compile(
    r"""[ ]{1,3}by[ ]{1,3}(?P<name>\p{Lu}[\p{L}.'’-]{1,30}(?:[ ]{1,3}\p{Lu}[\p{L}.'’-]{1,30}){0,3})\b"""
)


def reported_question(ctx: Context, cue: Cue) -> Frame | None:
    """Attribute 'X asked (Y) whether CLAUSE' to X, and 'Asked whether CLAUSE, ...' to no one named.

    The question is the content. A passive "asked" ("Asked about the plan,
    Lee said ...", "when asked whether ...") reports a question whose asker
    the text does not give: the frame has no mention, unless "by X" names
    the asker ("Asked by Thrush whether ...").
    """
    if cue.lemma != "ask":
        return None
    sentence = ctx.sentence(cue.span.start)
    if sentence is None:
        return None
    view = ctx.doc.view
    _, noun = skip_after_cue(ctx, cue, sentence.end)
    # The question word comes after at most a hearer and an adjunct of a few words.
    m = _QUESTION.search(view, cue.span.end, min(sentence.end, cue.span.end + 60))
    if (
        m is None
        or has_words(view[cue.span.end : m.start()], 6)
        or any(ch in view[cue.span.end : m.start()] for ch in '.;:"“”')
    ):
        return None
    start = m.start() + len(m.group()) - len(m.group().lstrip(" ,"))
    participle = _participle(ctx, cue)
    passive = not participle and (
        not view[sentence.start : cue.span.start].strip(" \"“'‘")  # "Asked why ..., Lee said"
        or _PASSIVE_BEFORE.search(view, max(sentence.start, cue.span.start - 40), cue.span.start) is not None
    )
    mention = None
    if participle:
        # "..., asking whether ...": the sentence's subject asks.
        if not _PARTICIPLE_LEAD.search(view, max(sentence.start, cue.span.start - 30), cue.span.start):
            return None
        mention = find_sentence_subject(ctx.doc, ctx.lex, sentence.start, cue.span.start)
        if mention is None:
            return None
    elif not passive:
        mention, _ = verb_subject(ctx, sentence, cue)
        if mention is None:
            return None
    else:
        by = _ASKED_BY.match(view, cue.span.end, start)  # "Asked by Thrush whether ...": Thrush asks
        if by is not None:
            mention = MentionMatch(span=Span.of(ctx.doc.text, *by.span("name")), kind=MentionKind.NAME)
    end = clause_end(ctx, sentence, start)
    if passive:
        # "Asked whether he would run, Lee said no": the question ends at the comma before the answer.
        comma = view.find(",", start, end)
        if comma != -1:
            end = comma
    return reported_frame(ctx, start, end, cue, mention, ["reported.question"], 0.6, noun)


_NP_START = regex.compile(
    r"""[ ]{1,3}(?:(?i:a|an|the|his|her|their|its|our|my|your|this|these|those|new|plans?|no|some|any|all|more|further)\b|\p{Lu}|\d|\$|["“‘](?=\p{L})
    |(?:him|her|them|us|me|it|you)[ ]{1,3}(?:of|for|as)\b
    |(?!(?:to|that|this|it|him|her|them|us|me|you|on|in|at|for|with|by|from|of|about|as|up|out|off|down|back|over|into|again|also|not|and|or|but|if|when|what|how|why|whether|who|which|there|here|so|too|very|just|only|even|still|then|now)\b)\p{Ll}{3,20}(?<!ly)\b(?![ ]{1,3}to\b))""",
    regex.VERBOSE,
)


def reported_object(ctx: Context, cue: Cue) -> Frame | None:
    """Attribute 'X announced a new tariff', 'X proposed a carbon tax': what a speech act declared.

    Only the verbs of object_verbs.txt count, whose object is the content of
    what was said; the object runs to the clause end. A participle ("...,
    offering a plan") reports for the sentence's subject.
    """
    sentence = ctx.sentence(cue.span.start) if cue.lemma in ctx.lex.object_verbs else None
    if sentence is None:
        return None
    view = ctx.doc.view
    after, noun = skip_after_cue(ctx, cue, sentence.end)
    m = _NP_START.match(view, after, sentence.end)
    if m is None:
        return None
    antecedent: Frame | None = None
    opening_phrase = False
    opening: tuple[int, MentionMatch] | None = None
    if _participle(ctx, cue):
        # "..., offering a plan": the sentence's subject made the offer, or the
        # speaker of a report before it ('"...," Lee said, accusing Bo of ...').
        if _PARTICIPLE_LEAD.search(view, max(sentence.start, cue.span.start - 30), cue.span.start):
            mention, antecedent = _participle_speaker(ctx, sentence, cue)
        elif _OPENS_WITH.fullmatch(view, sentence.start, cue.span.start) is not None:
            # "Citing the attack, Will urged ...", "In describing Trump, Cuban said ...": the subject after it
            opening = _subject_after_opening(ctx, cue.span.end, sentence.end)
            mention = opening[1] if opening is not None else None
        else:
            mention = _document_participle(ctx, sentence, cue)  # "issued statements condemning ..."
            opening_phrase = _opens_with_lead(view, sentence)
    else:
        mention, _ = agreeing_subject(ctx, sentence, cue)
    if mention is None and antecedent is None:
        return None
    start = m.start() + len(m.group()) - len(m.group().lstrip(" "))  # the first word of the object
    end = clause_end(ctx, sentence, start) if opening is None else opening[0]
    if mention is not None:
        end = _inner_clause_end(ctx, sentence, mention, start, end)
    if opening_phrase and view.find(",", start, end) != -1:
        end = view.find(",", start, end)  # "Despite polls showing her behind, Clinton ...": the opening phrase ends
    lo, hi = bisect.bisect_left(ctx.cue_starts, start), bisect.bisect_left(ctx.cue_starts, end)
    for later in ctx.cues[lo:hi]:  # used or not
        comma = view.rfind(",", start, later.span.start)
        if comma != -1 and not view[comma + 1 : later.span.start].strip():
            end = comma  # "Lee, who proposed a repeal, said ...": the object ends before the main cue
            break
    if _claimed_by_final_report(ctx, sentence, end):
        return None  # "Acme slammed the report, Lee said.": the whole clause is Lee's report
    second = _SECOND_PREDICATE.search(view, start, end) or _OBJECT_TAIL.search(view, start, end)
    if second is not None:
        end = second.start()  # "expressed concerns but has said ...": the subject's next verb
    start, end = trim_span(view, start, end)
    time = _TRAILING_TIME.search(view, max(start, end - _TRAILING_TIME_LONGEST), end)
    if time is not None and time.start() > start:
        end = time.start()  # "defended the count on Thursday": when, not what
    frame = reported_frame(ctx, start, end, cue, mention, ["reported.object"], 0.5, noun)
    if frame is not None:
        frame.antecedent = antecedent
    return frame


# A second verb of the subject after an object: "... and has said", "... but suggested".
_SECOND_PREDICATE = regex.compile(
    r"""[ ,]{1,3}(?:and|but)[ ]{1,3}(?:(?:also|then|later|later[ ]on|still|even|never)[ ]{1,3})?(?:has|have|had|is|was|are|were|will|would|could|can|did|does|do|said|says|\p{Ll}{3,}ed(?![ ]{1,3}\p{Ll}{2,}s\b))\b"""
)


# What ends an object after a comma: an appositive ("the Trans-Pacific Partnership,
# the 12-country trade deal"), a relative or an adverbial clause (", even though ...").
_OBJECT_TAIL = regex.compile(
    r",[ ]{1,3}(?:the|a|an|which|even[ ]though|although|though|without|but|while|when|where|after|before|because)\b"
)


_TRAILING_TIME = regex.compile(
    rf"""[ ]{{1,3}}(?:on[ ]{{1,3}}{DAYS}|(?:last|this|earlier[ ]this|late[ ]last)[ ]{{1,3}}(?:week|month|year|{DAYS})|on[ ]{{1,3}}{MONTHS}[ ]{{1,3}}\d{{1,2}}|(?:today|yesterday))[ ]{{0,3}}\Z""",
    regex.VERBOSE,
)
# The longest match of _TRAILING_TIME (see _TRAILING_EVENT_LONGEST).
_TRAILING_TIME_LONGEST = 30


# What stands before a participle cue that reports for the sentence's subject:
# a comma, or "and", "before", "while", "by" ("..., and arguing that", "before insisting").
_PARTICIPLE_LEAD = regex.compile(
    r"""(?:,["”’']?|[ ](?:—|–|--?))[ ]{0,3}(?:(?:and|while|before|after|by|then|also|even|all[ ]while)[ ]{1,3})?(?:\p{Ll}{2,20}ly[ ]{1,3})?\Z
    |[ ](?:and|while|before|after|by)[ ]{1,3}(?:also[ ]{1,3}|then[ ]{1,3}|\p{Ll}{2,20}ly[ ]{1,3})?\Z""",
    regex.VERBOSE,
)


# A participle opening its sentence, perhaps after a linking word: "Noting that ...".
_OPENS_WITH = regex.compile(
    r"""[ "“]{0,3}(?:(?i:but|and|yet|so|still|also|then|even|in|by|while|when|after|before)[ ,]{1,3})?"""
)


# Nouns of documents and findings that a participle may follow: "a statement saying", "polls showing".
_FINDING_NOUNS = frozenset(
    {"poll", "survey", "study", "report", "data", "analysis", "video", "speech", "letter"}
    | {"sign", "banner", "placard", "poster", "shirt", "t-shirt"}  # carried by someone: "holding signs saying"
)
# What may stand before such a noun when the noun itself is the speaker: "with polls showing", "despite a poll finding".
_DOCUMENT_LEADS = frozenset("with despite amid after following before without given".split())
_NP_DETERMINERS = frozenset("a an the his her its their our this that these those another".split())
# Verbs by which a speaker puts out or holds a document or sign, with the particles of "put out" and
# "held up": "Lee issued a statement saying ..." and "Lee held up a sign saying ..." are Lee's.
_ISSUING_VERBS = frozenset(
    """issue issues issued issuing release releases released releasing send sends sent sending post posts
    posted posting put puts putting publish publishes published publishing write writes wrote written writing
    draft drafts drafted drafting tweet tweets tweeted tweeting file files filed filing circulate circulates
    circulated circulating unveil unveils unveiled unveiling deliver delivers delivered delivering give gives
    gave given giving air airs aired airing run runs ran running launch launches launched launching make
    makes made making out up hold holds held holding hoist hoisted hoisting carry carries carried carrying
    wear wears wore wearing wave waves waved waving""".split()
)


def _claimed_by_final_report(ctx: Context, sentence: Sentence, end: int) -> bool:
    """Tell whether a cue after *end* ends its sentence with a report of the whole of it ("..., Lee said.")."""
    return any(
        reported_sentence_final(ctx, later) is not None
        for later in ctx.cues_between(max(end, sentence.end - 250), sentence.end)
    )


def _opens_with_lead(view: str, sentence: Sentence) -> bool:
    """Tell whether a sentence opens with a preposition ("Despite ...", "With ..."): its first phrase ends at a comma."""
    first = _WORD_START.match(view, sentence.start)
    return first is not None and (first.group().lower() in _DOCUMENT_LEADS or first.group() == "In")


_NP_MODIFIERS = frozenset("new latest recent fresh several many numerous two three".split())


def _phrase_start(words: list[re.Match[str]]) -> int:
    """Return the index of the first word of the noun phrase that ends with the last of *words*.

    It reaches back over at most four words: capitalised words and a few
    modifiers ("the new Register/Bloomberg Politics survey"), up to and
    including a determiner.
    """
    k = len(words) - 1
    while k > 0 and len(words) - k < 5:
        word = words[k - 1].group().lower()
        if word in _NP_DETERMINERS:
            return k - 1
        if not ((words[k - 1].group()[:1].isupper() and word not in _DOCUMENT_LEADS) or word in _NP_MODIFIERS):
            break
        k -= 1
    return k


def _document_participle(ctx: Context, sentence: Sentence, cue: Cue) -> MentionMatch | None:
    """Find who speaks in "issued a statement saying ..." and "with polls showing ...", or None.

    The participle follows a document or finding noun with no comma. After
    a verb of issuing ("Lee issued a statement saying") the sentence's
    subject speaks; elsewhere ("despite polls showing", "Acme slammed a
    report stating") the document does.
    """
    view = ctx.doc.view
    words = list(_WORD_START.finditer(view, max(sentence.start, cue.span.start - 80), cue.span.start))
    if not words or view[words[-1].end() : cue.span.start] != " " or not words[-1].group().islower():
        return None  # not "Report Claiming" in a headline
    noun = words[-1].group().lower()
    singular = noun[:-1] if noun.endswith("s") else noun
    if singular not in ctx.lex.document_nouns and singular not in _FINDING_NOUNS:
        return None
    k = _phrase_start(words)
    np_start = words[k].start()
    if view[words[k - 1].end() : np_start].strip() if k > 0 else False:
        return None  # punctuation before the noun phrase: "an alleged 'bombshell' report accusing"
    before = words[k - 1].group().lower() if k > 0 else ""
    if before == "in" and words[k - 1].start() == sentence.start:
        # "In a statement praising the pick, the union called ...": the subject after the opening phrase.
        found = _subject_after_opening(ctx, cue.span.end, sentence.end)
        return found[1] if found is not None else None
    if before not in _ISSUING_VERBS and before != "in":
        # "despite polls showing", "slammed a report stating": the document speaks; after a verb
        # of issuing or "in" ("said in a statement saying ...") the sentence's subject does.
        span = Span.of(ctx.doc.text, np_start, words[-1].end())
        return MentionMatch(span=span, kind=MentionKind.NOMINAL, head=singular, indefinite=view[np_start] in "aA")
    verb = words[k - 1].start()
    return (
        ctx.subject(sentence.start, verb)
        or find_sentence_subject(ctx.doc, ctx.lex, sentence.start, verb)
        or find_loose_subject(ctx.doc, ctx.lex, sentence.start, verb)
    )


def _participle_speaker(ctx: Context, sentence: Sentence, cue: Cue) -> tuple[MentionMatch | None, Frame | None]:
    """Find who speaks in "..., saying ...": the speaker of a report before it in its sentence, else the sentence's subject.

    Returns (None, that report) or (the subject or None, None).
    """
    earlier = ctx.last_report(sentence.start, cue.span.start)
    if earlier is not None:
        return None, earlier
    subject = find_sentence_subject(ctx.doc, ctx.lex, sentence.start, cue.span.start)
    if subject is None:
        # "Mr. Sanders, after initially saying ..., took ...": the subject, then a phrase set off by commas.
        lead = _interrupting_lead(ctx.doc.view, sentence.start, cue)
        if lead is not None:
            found = ctx.subject(sentence.start, lead.start())
            if (
                found is not None
                and found.phrase_start <= sentence.start + 2
                and _interrupts(ctx.doc.view, found, lead)
            ):
                subject = found
    return subject, None


def _interrupting_lead(view: str, start: int, cue: Cue) -> regex.Match[str] | None:
    """Find the ", after (initially)" that opens a participle's phrase before *cue*, from *start* on."""
    return _INTERRUPTING_LEAD.search(view, max(start, cue.span.start - 40), cue.span.start)


def _interrupts(view: str, subject: MentionMatch, lead: regex.Match[str] | None) -> bool:
    """Tell whether a participle's phrase (opened by *lead*) stands between its subject and the verb: "Lee, after saying ..., took"."""
    return lead is not None and _APPOSITIVE_ONLY.fullmatch(view, subject.span.end, lead.start()) is not None


_APPOSITIVE_ONLY = regex.compile(r"(?:,[ ]{1,3}[^,;:()\n]{1,60})?")  # "Lee, a senator, after saying"


_INTERRUPTING_LEAD = regex.compile(
    r",[ ]{1,3}(?:after|before|while|when|by|despite)[ ]{1,3}(?:\p{Ll}{2,20}ly[ ]{1,3})?\Z"
)


def _with_subject(ctx: Context, sentence: Sentence, cue: Cue) -> MentionMatch | None:
    """Find X in "..., with X saying ...": the subject of an absolute phrase."""
    view = ctx.doc.view
    at = view.rfind(" with ", max(sentence.start, cue.span.start - 120), cue.span.start)
    if at == -1 or view.find(",", at, cue.span.start) != -1:
        return None  # not "In an interview with CNN, Trump continued ..., saying": a clause between
    mention = ctx.subject(at + 6, cue.span.start)
    if mention is None or mention.phrase_start > at + 7:  # "with Senator John McCain saying"
        return None
    return mention


def _subject_after_opening(ctx: Context, start: int, end: int) -> tuple[int, MentionMatch] | None:
    """For "Noting that CLAUSE, X said ...": the end of the clause and X, after its last possible comma."""
    view = ctx.doc.view
    comma = view.find(",", start, end)
    while comma != -1:
        mention = find_sentence_subject(ctx.doc, ctx.lex, comma + 1, end)
        if mention is not None and mention.start <= comma + 3:
            return comma, mention
        comma = view.find(",", comma + 1, end)
    return None


def reported_participle(ctx: Context, cue: Cue) -> Frame | None:
    """Attribute '..., saying (that) CLAUSE' and '..., adding that CLAUSE' to the sentence's subject."""
    if not _participle(ctx, cue):
        return None
    sentence = ctx.sentence(cue.span.start)
    if sentence is None:
        return None
    view = ctx.doc.view
    with_subject = _with_subject(ctx, sentence, cue)
    opening = with_subject is None and _OPENS_WITH.fullmatch(view, sentence.start, cue.span.start) is not None
    opening_phrase = document = False
    if (
        with_subject is None
        and not opening
        and not _PARTICIPLE_LEAD.search(view, max(sentence.start, cue.span.start - 30), cue.span.start)
    ):
        with_subject = _document_participle(ctx, sentence, cue)  # "issued a statement saying ..."
        if with_subject is None:
            return None
        document = True
        # "Despite polls showing her behind, Clinton ...": an opening phrase ends at its comma.
        opening_phrase = _opens_with_lead(view, sentence)
    pos, noun = skip_after_cue(ctx, cue, sentence.end)
    head = view[pos : min(sentence.end, pos + _LOOKAHEAD)]  # only its start is read
    m = _THAT.match(head)
    has_that = m is not None and m.group("that") is not None
    if not has_that:
        late = _LATE_THAT.match(head)  # "telling supporters at a rally that ..."
        if late is not None:
            m, has_that = late, True
    first = _WORDS.match(view, pos + 1)
    bare = cue.lemma in ctx.lex.bare_clause_verbs or (
        cue.lemma in ctx.lex.object_verbs and _PRONOUN_CLAUSE.match(head) is not None
    )  # "announcing on Wednesday he would meet ...": a clause, not an object
    if not has_that and (
        first is None
        or (first.group().lower() in _NOT_CLAUSE_START and not _NO_CLAUSE.match(view, first.start(), sentence.end))
        or not bare
    ):
        return None
    start = pos + (m.start("that") if has_that and m is not None else 0)
    end = clause_end(ctx, sentence, start)
    if opening_phrase and view.find(",", start, end) != -1:
        end = view.find(",", start, end)
    if document and _claimed_by_final_report(ctx, sentence, end):
        return None
    # The speaker: "with X saying ..." names it; "Noting that ..., X said" has it
    # after the clause; else the one of an earlier frame in this sentence, else
    # the sentence subject.
    frame_mention: MentionMatch | None = None
    antecedent: Frame | None = None
    if with_subject is not None:
        frame_mention = with_subject
    elif opening:
        found = _subject_after_opening(ctx, start, end)
        if found is None:
            return None
        end, frame_mention = found
    else:
        frame_mention, antecedent = _participle_speaker(ctx, sentence, cue)
        if frame_mention is None and antecedent is None:
            return None
        interrupts = frame_mention is not None and _interrupts(
            view, frame_mention, _interrupting_lead(view, frame_mention.span.end, cue)
        )
        if interrupts and view.find(",", start, end) != -1:
            end = view.find(",", start, end)  # "Lee, after saying CLAUSE, took ...": the phrase ends at its comma
    frame = reported_frame(ctx, start, end, cue, frame_mention, ["reported.participle"], 0.7, noun)
    if frame is not None:
        frame.antecedent = antecedent
    return frame


# -- quote rules: (ctx) -> Iterable[Frame] -------------------------------------
def _leftover(ctx: Context) -> Iterable[Quotation]:
    return [q for q in ctx.top if q.open not in ctx.used_quotes]


def quote_fragments(ctx: Context) -> Iterable[Frame]:
    """Make a quotation inside a reported clause one of its fragments (a mixed quote)."""
    for frame in ctx.frames:
        if frame.kind is QuoteKind.DIRECT:
            continue
        extra = fragments_in(ctx, frame.start, frame.end)
        if extra:
            frame.fragments.extend(extra)
            frame.fragments.sort(key=lambda q: q.open)
            frame.kind = QuoteKind.MIXED
            for q in extra:
                ctx.used_quotes.add(q.open)
    return ()


_CHARACTERISED_MIN_WORDS = 3


_DETERMINER_BEFORE = regex.compile(r"\b(?:the|a|an|his|her|its|their|our|this|these|those)[ ]{1,3}\Z")


# Before a characterising verb: a passive or "so" ("so called"), which name no speaker.
_NAMED_NOT_SAID = regex.compile(r"""\b(?:so|is|are|was|were|be|been|being)[ -]{1,3}(?:\p{Ll}{2,20}ly[ ]{1,3})?\Z""")
# A noun, then a past participle of naming right before the quotation: 'a group called "..."'.
_NAMING_PARTICIPLE = regex.compile(
    r"""(?<![\p{L}'’])(?!(?:he|she|they|it|we|i|who|which)\b)\p{Ll}[\p{L}-]{1,30}[ ]{1,3}\p{Ll}{2,20}ed\Z"""
)


def quote_characterised(ctx: Context) -> Iterable[Frame]:
    """Attribute a quotation inside a sentence to its subject when a characterising verb introduces it.

    "She called his executive actions 'a step forward'", "he dubbed his
    rival 'Little Marco'": the quoted words are the subject's. The verb
    (characterising_verbs.txt) stands between the subject and the quotation,
    at most 120 characters before it. The quote is mixed: the verb's object
    with the quoted words, to the end of the clause ("his executive actions
    'a step forward'"). Where no such clause can be read, a quotation of
    three words or more is a direct quote of its own; a shorter one is left
    to the other rules (as often a scare quote).
    """
    view = ctx.doc.view
    lower = ctx.doc.lower
    pats = patterns_for(ctx.lex)
    forms = ctx.lex.characterising_forms()
    found: list[Frame] = []
    for q in _leftover(ctx):
        sentence = ctx.sentence(q.open)
        if q.open in ctx.used_quotes or sentence is None or sentence.start >= q.open - 3:
            continue  # used: a fragment of the clause of a quotation before it
        relative = _relative_characterised(ctx, sentence, q)
        if relative is not None:
            ctx.used_quotes.add(q.open)
            found.append(relative)
            continue
        lo = max(sentence.start, q.open - 120)
        verbs = list(pats.characterising.finditer(lower, lo, q.open))
        if not verbs:
            continue
        verb = verbs[-1]
        if any(ch in view[verb.end() : q.open] for ch in '"“”.;:!?'):
            continue
        if _DETERMINER_BEFORE.search(lower, max(0, verb.start() - 8), verb.start()):
            continue  # "after the attacks", "his praise": a noun
        if _NAMED_NOT_SAID.search(lower, max(0, verb.start() - 30), verb.start()):
            continue  # "the so-called", "what is called", "has been dubbed": no one's words in particular
        if not view[verb.end() : q.open].strip() and _NAMING_PARTICIPLE.search(
            view, max(0, verb.start() - 30), verb.end()
        ):
            continue  # 'a culture called "The HP Way"', 'a group called "Friends of Abe"': a name
        cue = Cue(span=Span.of(ctx.doc.text, verb.start(), verb.end()), lemma=forms.get(verb.group(), verb.group()))
        antecedent: Frame | None = None
        if verb.group().endswith("ing") and _PARTICIPLE_LEAD.search(
            view, max(sentence.start, verb.start() - 30), verb.start()
        ):
            # "Trump went after Bush, calling him 'a loser'": the participle's speaker.
            mention, antecedent = _participle_speaker(ctx, sentence, cue)
        else:
            mention = (
                ctx.subject(sentence.start, verb.start())
                or find_sentence_subject(ctx.doc, ctx.lex, sentence.start, verb.start())
                or find_loose_subject(ctx.doc, ctx.lex, sentence.start, verb.start())
            )
        if mention is None and antecedent is None:
            continue
        frame = _characterised_clause(ctx, sentence, q, cue, mention)
        if frame is None and has_words(view[q.content_start : q.content_end], _CHARACTERISED_MIN_WORDS):
            frame = direct_frame(q, "quote.characterised", 0.5, cue=cue, mention=mention)
        if frame is not None:
            frame.antecedent = antecedent
            ctx.used_quotes.update(f.open for f in frame.fragments or [q])
            found.append(frame)
    return found


# "which he described as", "whom one insider called", "what Mr. Hedge called": a relative
# word, the subject, and a verb of describing right before a quotation.
_RELATIVE_CHARACTERISED = regex.compile(
    r"""\b(?P<rel>which|whom|what)[ ]{1,3}(?P<subject>[^,;:"“”'‘’!?()\n]{1,80}?)[ ]{1,3}
    (?P<verb>describe[sd]?|call(?:s|ed)?|dub(?:s|bed)|label(?:s|ed|led)|term(?:s|ed)|brand(?:s|ed))
    (?:[ ]{1,3}as)?(?:[ ]{1,3}(?P<article>a|an))?[ ]{0,3}\Z""",
    regex.VERBOSE,
)


def _relative_characterised(ctx: Context, sentence: Sentence, q: Quotation) -> Frame | None:
    """Read 'the marchers, whom he described as "peaceful,"' as a mixed quote from the relative word.

    The relative word stands for what the quoted words describe; the quote
    runs from it to the closing mark, in two parts around the speaker and verb.
    """
    if q.depth:
        return None  # a quotation inside another one is part of its words
    m = _RELATIVE_CHARACTERISED.search(ctx.doc.lower, max(sentence.start, q.open - 130), q.open)
    if m is None:
        return None
    mention = ctx.subject(m.start("subject"), m.start("verb"))
    if mention is None or mention.start != m.start("subject") or mention.span.text.lower() in _RELATIVE_PRONOUNS:
        return None
    lemma = ctx.lex.verb_forms(cognition=False).get(m.group("verb")) or ctx.lex.characterising_forms().get(
        m.group("verb"), m.group("verb")
    )
    cue = Cue(span=Span.of(ctx.doc.text, *m.span("verb")), lemma=lemma)
    frame = reported_frame(ctx, m.start("rel"), q.outer_end, cue, mention, ["quote.characterised"], 0.5, min_words=1)
    if frame is None or frame.start != m.start("rel") or frame.end < q.content_end:
        return None
    frame.parts = (m.span("rel"), (m.start("article") if m.group("article") else q.open, frame.end))
    return frame


def _characterised_clause(
    ctx: Context, sentence: Sentence, q: Quotation, cue: Cue, mention: MentionMatch | None
) -> Frame | None:
    """Read the mixed clause of 'called his actions "a step forward"': from the verb to the clause's end.

    The clause ends where the writer's sentence goes on to another cue ("...
    and urged Congress to act"), even one another rule has used.
    """
    view = ctx.doc.view
    end = clause_end(ctx, sentence, q.outer_end)
    lo, hi = bisect.bisect_left(ctx.cue_starts, q.outer_end), bisect.bisect_left(ctx.cue_starts, end)
    for other in ctx.cues[lo:hi]:
        joint = next((j for j in (" and ", " but ", ", ") if view.endswith(j, q.outer_end, other.span.start)), None)
        if joint is not None:
            end = other.span.start - len(joint)
            break
    return reported_frame(ctx, cue.span.end, end, cue, mention, ["quote.characterised"], 0.5, min_words=2)


def quote_headline_colon(ctx: Context) -> Iterable[Frame]:
    """Attribute a headline "Lynch: No outside influence on FBI probe." to the name before its colon.

    The line is one sentence of at most 200 characters, the name at most four
    words (capitalised, or a role or organisation word: "Clinton camp"), and no
    other rule reported anything in it. Labels of page furniture ("The Latest:",
    "BYLINE:", "Q:"; page_labels.txt) are no speakers; labels in capitals are
    transcript turns.
    """
    view = ctx.doc.view
    found = []
    for para in ctx.paragraphs:
        if para.end - para.start > _HEADLINE_MAX or ":" not in view[para.start : para.end]:
            continue
        m = _HEADLINE_COLON.match(view, para.start, para.end)
        if m is None or m.group("name").lower() in ctx.lex.page_labels or m.group("name").isupper():
            continue  # a label in capitals ("KLEIN:") opens a transcript's turn: quote.transcript
        name_words = m.group("name").split()
        if not all(
            w[:1].isupper()
            or w in _NAME_LINKS
            or w.lower() in ctx.lex.role_nouns
            or w.lower() in ctx.lex.organisation_nouns
            for w in name_words
        ):
            continue
        start, end = trim_span(view, m.start("content"), para.end)
        if not has_words(view[start:end], 4) or _BREAK.search(view, start, end) or ctx.frames_overlapping(start, end):
            continue
        if overlaps_used_quote(ctx, start, end) or _cuts_a_quotation(ctx, start, end):
            continue
        frags = fragments_in(ctx, start, end)
        if frags and not _words_outside(view, start, end, frags):
            continue  # 'Trump: "We will win."' is a direct quote (direct.headline_speaker)
        if frags and frags[0].open == start - 1:
            start -= 1
        mention = _phrase_mention(ctx, *m.span("name"))
        if mention is None:
            continue
        for q in frags:
            ctx.used_quotes.add(q.open)
        found.append(
            Frame(
                start=start,
                end=end,
                kind=QuoteKind.MIXED if frags else QuoteKind.INDIRECT,
                rules=["quote.headline_colon"],
                confidence=0.5,
                fragments=frags,
                mention=mention,
            )
        )
    return found


_HEADLINE_MAX = 200
_HEADLINE_COLON = regex.compile(
    r"""[ "“]{0,2}(?P<name>\p{Lu}[\p{L}\p{M}\d.'’&-]{0,30}(?:[ ]{1,3}[\p{L}\p{M}\d.'’&-]{1,30}){0,3}):[ ]{1,3}(?P<content>\S)"""
)
_NAME_LINKS = frozenset({"of", "and", "&"})


def quote_title(ctx: Context) -> Iterable[Frame]:
    """Set aside a quotation after "headline", "titled" or "the word": it names a work or a term."""
    view = ctx.doc.view
    found = []
    for q in _leftover(ctx):
        m = _TITLE_BEFORE.search(view, max(0, q.open - 40), q.open)
        if m is None:
            continue
        if _WORK_NOUN.match(m.group()) and view[q.content_start : q.content_start + 1].islower():
            continue  # 'called the show “the conservative news show of record”': a description, not a title
        found.append(_aside(ctx, q, QuoteRole.TITLE, "quote.title"))
    return found


_WORK_NOUN = regex.compile(r"(?i:book|film|movie|song|album|series|show|play|novel|poem|essay|column|op-ed|article)\b")


def _aside(ctx: Context, q: Quotation, role: QuoteRole, rule: str) -> Frame:
    ctx.used_quotes.add(q.open)
    return direct_frame(
        q,
        rule,
        0.2,
        role=role,
    )


# "said no meeting was planned": "no" opening a clause, not the answer "said no".
# Words of _NOT_CLAUSE_START that do open a clause: "said no meeting was planned",
# "said about half of the cost was ...", "said much of the talk was about ...".
_NO_CLAUSE = regex.compile(
    r"""(?i:no)[ ]{1,3}(?!to\b|one\b|comment\b)\p{Ll}[\p{L}-]{1,30}[ ]{1,3}(?:was|were|is|are|had|has|have|would|will|could|can|should)\b
    |(?i:about|nearly|almost|over|under|more[ ]than|less[ ]than|fewer[ ]than)[ ]{1,3}
      (?:\d|half\b|a[ ]{1,3}(?:third|quarter|fifth|dozen)\b|(?:one|two|three|four|five|six|seven|eight|nine|ten)[ ]{1,3}(?:in|out[ ]of)\b)
    |(?i:much|little|more|less|most)[ ]{1,3}of[ ]{1,3}(?:the|his|her|their|its|this|that|what|our)\b""",
    regex.VERBOSE,
)
_OPENS_SENTENCE = regex.compile(r"""[.!?]["'”’]{0,2}[ ]{1,3}\Z""")


def quote_continuation(ctx: Context) -> Iterable[Frame]:
    """Give a quotation with no cue to the last speaker, whose words it continues.

    In the same paragraph, it follows a direct quotation of that speaker; at
    the start of a paragraph, it follows a paragraph whose last attribution
    is that speaker's, with no other quotation or cue between.
    """
    if not ctx.settings.continuation:
        return ()
    view = ctx.doc.view
    found: list[Frame] = []
    ordered = sorted(ctx.frames, key=lambda f: f.start)
    starts = [f.start for f in ordered]
    for q in _leftover(ctx):
        content = view[q.content_start : q.content_end]
        if not has_words(content, 3) and not (
            content.rstrip().endswith((".", "!", "?")) and _OPENS_SENTENCE.search(view, max(0, q.open - 6), q.open)
        ):
            continue  # a short quotation is a continuation only as a sentence of its own: 'X said. "Never."'
        if not has_words(content, 5) and is_embedded(ctx, q):
            continue  # 'his membership in the bipartisan "Gang of Eight"': part of the writer's sentence
        para_no = ctx.paragraph_index(q.open)
        para = ctx.paragraphs[para_no]
        i = bisect.bisect_left(starts, q.open) - 1
        previous = ordered[i] if i >= 0 else None
        while previous is not None and previous.role is not QuoteRole.SPEECH and i > 0:
            i -= 1
            previous = ordered[i]
        if previous is None or previous.role is not QuoteRole.SPEECH:
            continue
        while previous.kind is not QuoteKind.DIRECT and i > 0:
            # '"A," Lee said, asked about the delay. "B."', '"A," Lee told Bo, after Bo
            # said that .... "B."': a report inside the attribution sentence of a
            # direct quotation; the words continue that quotation's speaker.
            earlier = ordered[i - 1]
            if earlier.role is not QuoteRole.SPEECH or earlier.kind is not QuoteKind.DIRECT:
                break
            own_sentence = ctx.sentence(earlier.cue.span.end if earlier.cue is not None else earlier.end)
            if own_sentence is None or not own_sentence.start <= previous.start < own_sentence.end:
                break
            i -= 1
            previous = earlier
        prev_para = ctx.paragraph_index(previous.start)
        tail_from = previous.end
        if previous.cue is not None:
            tail_from = max(tail_from, previous.cue.span.end)
        own = ctx.sentence(tail_from)
        gap_cues = ctx.cues_between(own.end if own is not None else tail_from, q.open)
        if prev_para == para_no and not gap_cues:
            rule = "quote.continuation_sentence"
        elif (
            prev_para == para_no - 1
            and view[para.start : q.open].strip() == ""
            and not gap_cues
            and ctx.paragraph_index(previous.end) == prev_para
            and previous.end >= ctx.paragraphs[prev_para].end - 3 - _tail(ctx, previous)
        ):
            rule = "quote.continuation_paragraph"
        else:
            continue
        frame = direct_frame(
            q,
            rule,
            0.75,
            antecedent=previous,
            cue=previous.cue if rule == "quote.continuation_sentence" else None,
        )
        ctx.used_quotes.add(q.open)
        found.append(frame)
        ordered.insert(i + 1, frame)
        starts.insert(i + 1, frame.start)
    return found


def _tail(ctx: Context, frame: Frame) -> int:
    """Return how much of its paragraph follows a frame's content (the cue and speaker)."""
    para = ctx.paragraphs[ctx.paragraph_index(frame.start)]
    after = ctx.doc.view[frame.end : para.end]
    start = frame.end + len(after) - len(after.lstrip(" .\"”'"))
    end = frame.end + len(after.rstrip(" .\"”'"))
    return len(after) if len(after) <= 160 and not has_sentence_break(ctx, start, end) else 0


def quote_block(ctx: Context) -> Iterable[Frame]:
    """Make a paragraph after one ending in a colon ("To wit:", "the report states:") a block quote.

    Its speaker is the subject of the introducing cue, or else the owner of
    the document the text last named ("the Acme report").
    """
    if not ctx.settings.block_quotes:
        return ()
    view = ctx.doc.view
    pats = patterns_for(ctx.lex)
    found: list[Frame] = []
    for number in range(len(ctx.paragraphs) - 1):
        intro = ctx.paragraphs[number]
        block = ctx.paragraphs[number + 1]
        if view[intro.end - 1 : intro.end] != ":" or block.is_short:
            continue
        if view[block.start] in "\"“'‘«" or ctx.quotes_between(block.start, block.end):
            continue
        frame = Frame(
            start=block.start,
            end=block.end,
            kind=QuoteKind.DIRECT,
            rules=["quote.block"],
            confidence=0.6,
        )
        cues = ctx.cues_between(intro.start, intro.end)
        if cues:
            frame.mention = ctx.subject(intro.start, cues[-1].span.start)
            frame.cue = cues[-1] if frame.mention is not None else None
        if frame.mention is None and (
            has_words(view[intro.start : intro.end], 4) or _is_label(view[intro.start : intro.end], ctx.lex)
        ):
            continue  # "CORRECTION:", "2 p.m.:", "Video Transcript:" label what follows; "To wit:" quotes it
        if view[block.start] in "•*-–—·" or not has_words(view[block.start : block.end], 8):
            continue
        if frame.mention is None:
            lo = ctx.paragraphs[max(0, number - 2)].start
            owners = [m for m in pats.document_ref.finditer(view, lo, intro.end) if m.group("owner")]
            if owners:
                frame.block_owner = owners[-1].group("owner")
        found.append(frame)
    return found


def _is_label(intro: str, lex: Lexicons) -> bool:
    """Tell whether a line ending in a colon is a label of page furniture (page_labels.txt) or a time, not a lead-in."""
    text = intro.rstrip(" :")
    return text.lower() in lex.page_labels or (text.isupper() and " " not in text) or _CLOCK.fullmatch(text) is not None


_CLOCK = regex.compile(r"\d{1,2}(?::\d{2})?[ ]?(?:a\.m\.|p\.m\.|am|pm)")


def quote_transcript(ctx: Context) -> Iterable[Frame]:
    """Make each turn of a transcript ("SMITH: We will...") a direct quote by the labelled speaker.

    Only labels written in capitals count ("KLEIN:"); "Note:" or "Related:"
    in ordinary case are page furniture, not speakers.
    """
    view = ctx.doc.view
    found: list[Frame] = []
    for para in ctx.paragraphs:
        m = _turn_label(ctx, para.start, para.end)
        if m is None or (para.is_short and not has_words(view[m.end() : para.end], 3)):
            continue
        if ctx.quotes_between(para.start, para.end):
            continue
        span = Span.of(ctx.doc.text, m.start("name"), m.end("name"))
        found.append(
            Frame(
                start=m.end(),
                end=para.end,
                kind=QuoteKind.DIRECT,
                rules=["quote.transcript"],
                confidence=0.6,
                mention=MentionMatch(span=span, kind=MentionKind.NAME),
            )
        )
    return found


def _turn_label(ctx: Context, start: int, end: int) -> regex.Match[str] | None:
    """Match a speaker's label in capitals opening a transcript turn at *start* ("KLEIN: "), or None.

    "UPDATE:", "BYLINE:" (page_labels.txt) and "Q:"/"A:" label page
    furniture or an anonymous interview, not a speaker's turn.
    """
    m = TRANSCRIPT_LABEL.match(ctx.doc.view, start, end)
    if m is None:
        return None
    name = m.group("name")
    if name.rstrip(".") in ("Q", "A") or len(name.replace(" ", "")) < 3 or name.lower() in ctx.lex.page_labels:
        return None
    return m


def direct_transcript(ctx: Context, q: Quotation) -> Frame | None:
    """Make a paragraph of a quoted transcript that opens with a label ('"WALLACE: ...') the labelled speaker's turn.

    The quotation stage makes each such paragraph a quotation of its own;
    a paragraph of the transcript without a label goes on with the last
    turn's speaker (quote.continuation). Under a label that names no one
    ('"VIDEO: ...', '"Q: ...'), the words are no known speaker's.
    """
    if "quote.transcript" not in q.evidence:
        return None
    start = q.content_start + (ctx.doc.view[q.content_start] == " ")
    label = TRANSCRIPT_LABEL.match(ctx.doc.view, start, q.content_end)
    if label is None:
        return None
    m = _turn_label(ctx, start, q.content_end)
    mention = None if m is None else MentionMatch(span=Span.of(ctx.doc.text, *m.span("name")), kind=MentionKind.NAME)
    frame = direct_frame(q, "direct.transcript", 0.7, mention=mention)
    frame.start = label.end()
    return frame


def quote_signature(ctx: Context) -> Iterable[Frame]:
    """Attribute a quotation paragraph signed on the next line: '"We will win."' then '- Ann Lee.'."""
    view = ctx.doc.view
    pats = patterns_for(ctx.lex)
    found: list[Frame] = []
    for q in _leftover(ctx):
        number = ctx.paragraph_index(q.open)
        para = ctx.paragraphs[number]
        if (
            number + 1 >= len(ctx.paragraphs)
            or view[para.start : q.open].strip()
            or view[q.outer_end : para.end].strip()
        ):
            continue
        sign = ctx.paragraphs[number + 1]
        m = pats.signature.match(view, sign.start, sign.end)
        if m is None:
            continue
        span = Span.of(ctx.doc.text, m.start("name"), m.end("name"))
        ctx.used_quotes.add(q.open)
        found.append(direct_frame(q, "quote.signature", 0.6, mention=MentionMatch(span=span, kind=MentionKind.NAME)))
    return found


def quote_scare(ctx: Context) -> Iterable[Frame]:
    """Set aside a short quotation inside a sentence with no cue of its own: a term or scare quote.

    At most ``scare_max_words`` words, with no closing punctuation inside the
    marks, or a full stop when the quotation ends a longer sentence of the
    writer's ('described the ground as "Swiss cheese."').
    """
    view = ctx.doc.view
    found = []
    for q in _leftover(ctx):
        content = view[q.content_start : q.content_end].strip()
        if not has_words(content, ctx.settings.scare_max_words + 1) and (
            not content.endswith((".", "!", "?")) or (content.endswith(".") and is_embedded(ctx, q))
        ):
            # 'the ground was "Swiss cheese."': a full stop inside the marks ends the writer's
            # sentence, not a quoted one; an exclamation or question is speech ("Lock her up!").
            found.append(_aside(ctx, q, QuoteRole.SCARE, "quote.scare"))
    return found


def quote_recent_speaker(ctx: Context) -> Iterable[Frame]:
    """Give a quotation no rule claimed to the speaker of the attribution just before it.

    A looser continuation: the speaker's quotation may be up to two paragraphs
    back, with narration between ('Trump spoke in bromides.' then the
    quotation), as long as no other cue stands between them. The
    quotation must open its sentence.
    """
    if not ctx.settings.continuation:
        return ()
    found: list[Frame] = []
    ordered = sorted((f for f in ctx.frames if f.role is QuoteRole.SPEECH), key=lambda f: f.start)
    starts = [f.start for f in ordered]
    for q in _leftover(ctx):
        if is_embedded(ctx, q):
            continue
        i = bisect.bisect_left(starts, q.open) - 1
        if i < 0:
            continue
        previous = ordered[i]
        if (previous.mention is None and previous.antecedent is None) or "quote.sentence_subject" in previous.rules:
            continue  # no speaker, or one only guessed from its sentence: nothing to carry on
        if ctx.paragraph_index(q.open) - ctx.paragraph_index(previous.end) > 2:
            continue
        tail_from = max(previous.end, previous.cue.span.end if previous.cue is not None else 0)
        if ctx.cues_between(tail_from, q.open) or ctx.quotes_between(tail_from, q.open):
            continue
        para = ctx.paragraphs[ctx.paragraph_index(q.open)]
        if ctx.cues_between(q.outer_end, min(para.end, q.outer_end + 80)):
            continue  # a cue right after it names its own speaker, even if no rule read it
        ctx.used_quotes.add(q.open)
        frame = direct_frame(q, "quote.recent_speaker", 0.4, antecedent=previous)
        found.append(frame)
        ordered.insert(i + 1, frame)
        starts.insert(i + 1, frame.start)
    return found


_VOICES_OF = regex.compile(
    r"\b(?i:chants?|cries|cry|shouts?|screams?|chorus|calls|boos|jeers|cheers|signs?)[ ]{1,3}(?:of|reading|saying|that[ ]{1,3}(?:read|said))?[ ]{0,3}[,:]?[ ]{0,3}\Z"
)


def quote_sentence_subject(ctx: Context) -> Iterable[Frame]:
    """Give a quotation no rule claimed, inside a sentence, to the subject that opens the sentence.

    'Paul Ryan worried that the safety net was becoming "a hammock ..."',
    'Washington thanked Obama for "taking these steps"': the sentence's
    subject, named before the quotation, is the likeliest speaker when no cue
    is read. Not for a quotation that opens its sentence or has a cue just after it.
    """
    view = ctx.doc.view
    found: list[Frame] = []
    for q in _leftover(ctx):
        sentence = ctx.sentence(q.open)
        if sentence is None or not has_words(view[sentence.start : q.open], 3):
            continue
        para = ctx.paragraphs[ctx.paragraph_index(q.open)]
        if para.start > sentence.start or ctx.cues_between(q.outer_end, min(para.end, q.outer_end + 80)):
            continue  # a cue right after it names its own speaker, even if no rule read it
        if _VOICES_OF.search(view, max(sentence.start, q.open - 30), q.open):
            continue  # 'roused the crowd to chants of "Lock her up!"': other voices than the subject's
        mention = find_sentence_subject(ctx.doc, ctx.lex, sentence.start, q.open)
        if mention is None or mention.span.end > q.open:
            continue
        if mention.kind is MentionKind.NOMINAL and not _speaking_noun(ctx.lex, mention.head):
            continue  # "The old adage, “...”", "His auto bailout fact-check": no speaker
        ctx.used_quotes.add(q.open)
        found.append(direct_frame(q, "quote.sentence_subject", 0.35, mention=mention))
    return found


def _speaking_noun(lex: Lexicons, head: str) -> bool:
    """Tell whether a description's head noun names a speaker: a person, a body or a document ("spokesman", "ministry", "ad")."""
    head = head.lower()
    return (
        head in lex.role_nouns
        or head in lex.organisation_nouns
        or head in lex.document_nouns
        or head in COLLECTIVE_NOUNS
    )


def quote_unattributed(ctx: Context) -> Iterable[Frame]:
    """Keep any other quotation as speech whose speaker the text does not give nearby."""
    found = []
    for q in _leftover(ctx):
        ctx.used_quotes.add(q.open)
        found.append(
            direct_frame(
                q,
                "quote.unattributed",
                0.3,
            )
        )
    return found
