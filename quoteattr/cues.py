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
from quoteattr.patterns import patterns_for
from quoteattr.segment import Paragraph

__all__ = ["find_cues", "is_participle"]

# Words before "said" that make it an adjective or a passive, not a cue.
_NOT_BEFORE = regex.compile(
    r"""
    (?:\b(?i:the|a|an|this|that|these|those|such|any|each|every|is|are|was|were|be|been|being|having|his|her|its|their|our|my|your)
      |\b\p{Ll}{2,20}ing                  # "indicating said violation"
    )[ ]{1,3}\Z
    """,
    regex.VERBOSE,
)
_SAID_THAT = regex.compile(r"\A[ ]{0,3}(?:that|this)\b", regex.IGNORECASE)


def is_participle(cue: Cue) -> bool:
    """Tell whether a cue is an -ing form ("saying", "adding").

    >>> is_participle(Cue(span=Span(start=0, end=6, text="saying"), lemma="say"))
    True
    """
    return cue.text.endswith("ing")


def _inside(spans: Sequence[tuple[int, int]], starts: Sequence[int], offset: int) -> bool:
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]


def find_cues(
    doc: Document,
    lex: Lexicons,
    quoted: Sequence[tuple[int, int]],
    paragraphs: Sequence[Paragraph],
    *,
    cognition: bool = False,
) -> tuple[Cue, ...]:
    """Find reporting cues outside the ``quoted`` spans (sorted, not overlapping).

    Capitalised forms count only in short lines (headlines) or at the start of
    a sentence. Cognition verbs ("believe", "found") count when ``cognition``.
    """
    pats = patterns_for(lex)
    forms = lex.verb_forms(cognition=cognition)
    starts = [s for s, _ in quoted]
    short = [(p.start, p.end) for p in paragraphs if p.is_short]
    short_starts = [s for s, _ in short]
    view = doc.view
    cues: list[Cue] = []
    for m in pats.cue.finditer(view):
        start, end = m.span()
        if (start and view[start - 1] in "'’-") or _inside(quoted, starts, start):
            continue
        word = m.group()
        folded = " ".join(word.lower().split())
        if folded == "according to":
            lemma = "according to"
        else:
            found = forms.get(folded)
            if found is None:
                continue  # a cognition verb while cognition is off
            lemma = found
        if word[0].isupper() and not _inside(short, short_starts, start):
            before = view[max(0, start - 3) : start].rstrip(" ")
            if before and before[-1] not in '.!?"”\n:':
                continue  # "The Washington Post", "Ms. Say"
        if _NOT_BEFORE.search(view, max(0, start - 40), start) and not (
            word.lower() == "said" and _SAID_THAT.match(view, end)
        ):
            continue  # "the said firm", "refuting claims", "in the posts": not a verb
            if view[max(0, start - 5) : start].lower().endswith("that ") and view[end : end + 1] == ",":
                continue  # "That said, ..."
        cues.append(Cue(span=Span.of(doc.text, start, end), lemma=lemma))
    return tuple(cues)
