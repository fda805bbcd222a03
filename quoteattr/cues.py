"""Stage 4: reporting cues ("said", "told", "according to") outside quotations.

A verb inside the quoted words is not a cue; nor is "said" as an adjective
("the said company", "indicating said violation"), "that said", or a
capitalised form in running text ("The Washington Post" is no cue; "China
Warns France" in a headline is).

>>> from quoteattr.lexicons import DEFAULT
>>> from quoteattr.document import Document
>>> doc = Document('"I said no," she told him. That said, the said firm rose.')
>>> [c.text for c in find_cues(doc, DEFAULT, [(1, 10)], ())]
['told']
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import regex

from quoteattr.document import Document
from quoteattr.lexicons import Lexicons
from quoteattr.models import Cue, Span
from quoteattr.patterns import COLLECTIVE_NOUNS, patterns_for
from quoteattr.segment import Paragraph, is_abbreviation

__all__ = ["NOUN_HOMOGRAPHS", "find_cues", "is_participle", "is_progressive", "is_title_case"]

# Words before a cue word that make it a noun or an adjective, not a verb:
# "the said firm", "his claims", "is said", "refuting claims".
_NOT_BEFORE = frozenset(
    """the a an this that these those such any each every is are was were be been being having
    his her its their our my your""".split()
)
# Cue forms that are also common nouns ("claims", "reports"): after a gerund
# or a loose subject they are read as nouns.
NOUN_HOMOGRAPHS = frozenset(
    """report reports claim claims note notes comment comments answer answers remark remarks promise promises
    reply replies request requests tweet tweets post posts warning warnings statement statements word words""".split()
)
# Prepositions before a cue form other than -ing make it a noun: "by state
# regulators", "in reply", "for comment" ("by saying" stays a verb; "to" is
# not here: "to state").
_PREPOSITIONS = frozenset("by of for in on at with from into about over under among against between".split())
_BE_FORMS = frozenset("is are was were been being am".split())
# Before "a leaked report": a singular noun phrase takes no bare verb form.
_SINGULAR_DETERMINERS = frozenset("a an the this that his her its their our my your".split())
# Words whose "'s" is "has" or "is", not a possessive: "she's said", "it's reported".
_CONTRACTED = frozenset("he she it that who what there here where which".split())
_PROGRESSIVE_ADVERBS = frozenset("also still now not already again even just really increasingly".split())
_SAID_THAT = regex.compile(r"\A[ ]{0,3}(?:that|this)\b", regex.IGNORECASE)


def _previous_word(lowered: str, start: int) -> str:
    """Return the word just before ``start`` (lower case), or "" after punctuation."""
    if start > 1 and lowered[start - 1] == " " and lowered[start - 2] != " ":
        # The common case, one space after a word of letters only, found without a loop.
        space = lowered.rfind(" ", max(0, start - 40), start - 1)
        if space >= 0:
            word = lowered[space + 1 : start - 1]
            if word.isalpha():
                return word
    return _previous_word_scan(lowered, start)


# Words before a bare cue form that are no singular head of its subject: plurals
# without "s" ("the police report that") and times ("officials this week report").
_NOT_SINGULAR_HEADS = (
    COLLECTIVE_NOUNS
    | {"men", "women", "children"}
    | frozenset("week month year day morning afternoon evening night weekend time".split())
)


def _after_singular_modifiers(lowered: str, start: int, previous: str) -> bool:
    """Tell whether one or two singular modifiers and a singular determiner stand before ``start``.

    A bare verb form takes no singular subject, so "the congressional report",
    "a new state report" are nouns; "the officials report", "the police report
    that", "officials this week report" are not read so.
    """
    word, at = previous, start
    for _ in range(2):
        if not word or word.endswith("s") or word in _NOT_SINGULAR_HEADS:
            return False
        at = lowered.rfind(word, max(0, at - 60), at)
        word = _previous_word(lowered, at)
        if word in _SINGULAR_DETERMINERS:
            return True
    return False


def _previous_word_scan(lowered: str, start: int) -> str:
    """Return the word just before ``start`` as :func:`_previous_word` does, reading back one character at a time."""
    i = start - 1
    while i >= 0 and lowered[i] == " ":
        i -= 1
    j = i
    while j >= 0 and (lowered[j].isalpha() or lowered[j] in "'’-"):
        j -= 1
    return lowered[j + 1 : i + 1]


def is_progressive(view: str, cue: Cue) -> bool:
    """Tell whether an -ing cue follows a form of "be" ("is saying"): a finite verb, not a participle.

    >>> is_progressive("Lee is saying no", Cue(span=Span(start=7, end=13, text="saying"), lemma="say"))
    True
    """
    if not is_participle(cue):
        return False
    before = view[max(0, cue.span.start - 40) : cue.span.start].lower()
    end = len(before)
    word = _previous_word(before, end)
    for _ in range(2):  # "are gently urging", "is also saying"
        if word not in _PROGRESSIVE_ADVERBS and not (len(word) > 4 and word.endswith("ly")):
            break
        end = before.rfind(word, 0, end)
        word = _previous_word(before, end)
    if word in _BE_FORMS:
        return True
    # "he's suggesting", "they're saying"
    return word.endswith(("'re", "’re", "'m", "’m")) or (word[-2:] in ("'s", "’s") and word[:-2] in _CONTRACTED)


def is_participle(cue: Cue) -> bool:
    """Tell whether a cue is an -ing form ("saying", "adding", "pointing out").

    >>> is_participle(Cue(span=Span(start=0, end=6, text="saying"), lemma="say"))
    True
    >>> is_participle(Cue(span=Span(start=0, end=12, text="pointing out"), lemma="point out"))
    True
    """
    text = cue.span.text  # not the ``text`` property: the rules ask this thousands of times a document
    if text.endswith("ing"):
        return True
    return " " in text and cue.lemma != "according to" and text.split(" ", 1)[0].endswith("ing")


def _inside(spans: Sequence[tuple[int, int]], starts: Sequence[int], offset: int) -> bool:
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


def is_title_case(view: str, start: int, end: int) -> bool:
    """Tell whether ``view[start:end]`` is a headline in title case: "Bellwether County Says Trump Should Win.".

    At most 200 characters, four words or more, and four in five of its words
    of four letters or more (three at least) capitalised.

    >>> is_title_case("Rubio Says He Is Staying In The Race.", 0, 37), is_title_case("He said it was over.", 0, 20)
    (True, False)
    """
    if end - start > 200:
        return False
    words = view[start:end].split()
    long = [w for w in words if len(w) >= 4]
    return len(words) >= 4 and len(long) >= 3 and 5 * sum(w[0].isupper() for w in long) >= 4 * len(long)


def _in_title_case(view: str, paragraphs: Sequence[Paragraph], starts: Sequence[int], offset: int) -> bool:
    """Tell whether ``offset`` lies in a paragraph written in title case (see :func:`is_title_case`)."""
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and offset < paragraphs[i].end and is_title_case(view, paragraphs[i].start, paragraphs[i].end)


def find_cues(
    doc: Document,
    lex: Lexicons,
    quoted: Sequence[tuple[int, int]],
    paragraphs: Sequence[Paragraph],
    *,
    cognition: bool = False,
) -> tuple[Cue, ...]:
    """Find reporting cues outside the ``quoted`` spans (sorted, not overlapping).

    Capitalised forms count only in short or title-case lines (headlines) or at
    the start of a sentence. Cognition verbs ("believe", "want") count when ``cognition``.
    """
    pats = patterns_for(lex)
    forms = lex.verb_forms(cognition=cognition)
    starts = [s for s, _ in quoted]
    short = [(p.start, p.end) for p in paragraphs if p.is_short]
    short_starts = [s for s, _ in short]
    para_starts = [p.start for p in paragraphs]
    view = doc.view
    text = doc.text
    lowered = doc.lower
    cues: list[Cue] = []
    for m in pats.cue.finditer(" " + lowered):
        start, end = m.start(), m.end() - 1
        if (start and view[start - 1] in "'’-") or _inside(quoted, starts, start):
            continue
        folded = lowered[start:end]
        if " " in folded:
            folded = " ".join(folded.split())
        if folded == "according to":
            lemma = "according to"
        else:
            found = forms.get(folded)
            if found is None:
                continue  # a cognition verb while cognition is off
            lemma = found
        if (
            view[start].isupper()
            and not _inside(short, short_starts, start)
            and not _in_title_case(view, paragraphs, para_starts, start)
        ):
            before = view[max(0, start - 3) : start].rstrip(" ")
            if before and before[-1] not in '.!?"”\n:':
                continue  # "The Washington Post"
            if before.endswith(".") and is_abbreviation(view, max(0, start - 3) + len(before) - 1, lex):
                continue  # "Ms. Says": a name after a title, not a new sentence
        previous = _previous_word(lowered, start)
        progressive = previous in _BE_FORMS and folded.endswith("ing")  # "is saying", "was telling"
        # "refuting claims", "indicating said violation": a noun or an adjective after a
        # gerund ("Thursday's meeting says", "Fleming adds" keep their verb).
        gerund = previous.endswith("ing") and len(previous) > 4 and (folded in NOUN_HOMOGRAPHS or folded == "said")
        if gerund and folded == "said" and view[lowered.rfind(previous, 0, start)].isupper():
            gerund = False  # "Ebeling said": a name
        if (previous in _NOT_BEFORE or gerund) and not (
            (folded == "said" and _SAID_THAT.match(view, end)) or progressive
        ):
            continue  # "the said firm", "refuting claims", "in the posts": not a verb
        if previous in _PREPOSITIONS and not folded.endswith("ing"):
            continue  # "data released by state regulators": a noun
        if folded == lemma and previous.endswith("ed") and len(previous) > 4:
            before = _previous_word(lowered, lowered.rfind(previous, 0, start))
            if before in _SINGULAR_DETERMINERS or before.endswith("ly"):
                continue  # "a newly uncovered email", "the leaked report": a noun ("those surveyed say" is a verb)
        if folded == lemma and folded in NOUN_HOMOGRAPHS and _after_singular_modifiers(lowered, start, previous):
            continue  # "the congressional report said": a noun after a determiner and its modifiers
        if previous.endswith(("'s", "’s")) and previous[:-2] not in _CONTRACTED:
            continue  # "the NSA's alleged spying", "Lee's claims": not a verb ("she's said" is)
        if folded == "said" and previous == "that" and view.startswith(",", end):
            continue  # "That said, ..."
        if lemma == "add" and view.startswith(" up", end) and not view[end + 3 : end + 4].isalpha():
            continue  # "those promises add up to $8.5 million": a sum, not speech
        cues.append(Cue(span=Span(start=start, end=end, text=text[start:end]), lemma=lemma))
    return tuple(cues)
