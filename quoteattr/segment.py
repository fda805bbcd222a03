"""Stage 2: paragraphs and sentences.

A paragraph is a line of the text with something on it: news text puts one
paragraph on a line, often with a blank line between. Sentences are found
inside paragraphs, never inside a quotation (``"A. B," she said`` is one
sentence), and not after an abbreviation or an initial ("Sen.", "J.").
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import attrs
import regex

from quoteattr.lexicons import Lexicons

__all__ = [
    "SENTENCE_OPENERS",
    "Paragraph",
    "Sentence",
    "find_paragraphs",
    "find_sentences",
    "is_abbreviation",
    "sentence_at",
]


@attrs.frozen
class Paragraph:
    """A non-blank line: ``[start, end)`` without its surrounding spaces.

    ``is_short`` marks a line without a sentence ending: a headline, a caption
    or page boilerplate.
    """

    start: int
    end: int
    is_short: bool


@attrs.frozen
class Sentence:
    """A sentence ``[start, end)`` inside paragraph number ``paragraph``."""

    start: int
    end: int
    paragraph: int


_ENDS_SENTENCE = frozenset(".!?:;\"'”’»)…")


def find_paragraphs(view: str) -> tuple[Paragraph, ...]:
    """Find the non-blank lines of the view.

    >>> [(p.start, p.end, p.is_short) for p in find_paragraphs("Title\\n\\n  He said so.  \\n")]
    [(0, 5, True), (9, 20, False)]
    """
    paragraphs = []
    offset = 0  # where the line starts
    for line in view.split("\n"):
        stripped = line.strip()
        if stripped:
            start = offset + (len(line) - len(line.lstrip()))
            is_short = stripped[-1] not in _ENDS_SENTENCE and len(stripped) < 160
            paragraphs.append(Paragraph(start, start + len(stripped), is_short))
        offset += len(line) + 1
    return tuple(paragraphs)


# A candidate sentence end: terminal punctuation, closing marks or brackets,
# then space and something that can start a sentence.
_BOUNDARY = regex.compile(
    r"""
    (?P<punct>[.!?]+)                 # the full stop, question or exclamation mark
    (?P<close>["'”’»)\]]{0,3})        # closing quotation marks or brackets after it
    (?=\s+["'“‘«(\[]{0,2}[\p{Lu}\d])  # space, then an opening mark or a capital
    """,
    regex.VERBOSE,
)
# The letters and full stops just before an offset, read backwards from it: one
# match attempt instead of one at each of the twenty positions before it.
_WORD_BEFORE = regex.compile(r"(?r)([\p{L}.]+)\Z")


# Words that open a sentence and follow no title or initial: after "U.S." or
# "Calif." they tell that the full stop also ends the sentence ("in the U.S. He said").
SENTENCE_OPENERS = frozenset(
    """He She They It We I The This That These Those But And In On At A An His Her Their Its Our
    When While After Before If As So Yet Still Now Then There What Some Many Most""".split()
)
_OPENER = regex.compile(rf"""\s+["“]?(?:{"|".join(sorted(SENTENCE_OPENERS))})\b""")


def is_abbreviation(view: str, start: int, lex: Lexicons) -> bool:
    """Tell whether the word ending at ``start`` (a full stop) is an abbreviation."""
    m = _WORD_BEFORE.search(view, max(0, start - 20), start)
    if m is None:
        return False
    word = m.group(1)
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. Smith"
    return word.rstrip(".") in lex.abbreviations or (
        "." in word and len(word.replace(".", "")) <= 3 and word.replace(".", "").isupper()
    )


def find_sentences(
    view: str,
    paragraphs: Sequence[Paragraph],
    protected: Sequence[tuple[int, int]],
    lex: Lexicons,
) -> tuple[Sentence, ...]:
    """Split each paragraph into sentences, never inside a ``protected`` span.

    ``protected`` holds sorted, non-overlapping ``(start, end)`` spans (the
    quotations); a full stop inside one ends a sentence only where the
    quotation closes with it.

    >>> from quoteattr.lexicons import DEFAULT
    >>> v = 'Sen. Ray spoke. "Go. Now," he said. Done.'
    >>> [v[s.start:s.end] for s in find_sentences(v, find_paragraphs(v), [(16, 25)], DEFAULT)]
    ['Sen. Ray spoke.', '"Go. Now," he said.', 'Done.']
    """
    starts = [s for s, _ in protected]
    sentences: list[Sentence] = []
    boundaries = _BOUNDARY.finditer
    for number, para in enumerate(paragraphs):
        begin, end = para.start, para.end
        for m in boundaries(view, begin, end):
            punct, after = m.span()  # the match starts with the punctuation
            i = bisect.bisect_right(starts, punct) - 1
            if i >= 0 and protected[i][0] <= punct < protected[i][1] and after < protected[i][1]:
                continue  # inside a quotation that goes on
            if (
                after - punct == 1
                and view[punct] == "."
                and is_abbreviation(view, punct, lex)
                and not _OPENER.match(view, after)
            ):
                continue  # a lone full stop after an abbreviation, before a name ("U.S. Senate"), not "U.S. He"
            sentences.append(Sentence(begin, after, number))
            begin = after
            while begin < end and view[begin].isspace():
                begin += 1
        if begin < end:
            sentences.append(Sentence(begin, end, number))
    return tuple(sentences)


def sentence_at(sentences: Sequence[Sentence], starts: Sequence[int], offset: int) -> Sentence | None:
    """Return the sentence holding ``offset``, given ``starts`` of all sentences."""
    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0:
        sentence = sentences[i]
        if sentence.start <= offset < sentence.end:
            return sentence
    return None
