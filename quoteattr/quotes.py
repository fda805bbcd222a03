"""Stage 3: pair quotation marks into quotations.

Marks are read left to right once, with a stack, so the cost is linear in
the text. Curly marks say which way they face; straight ones are judged by
what stands on each side ("flanking", as CommonMark does for emphasis).
A single mark between letters is an apostrophe ("don't", "country's"); one
after a letter with nothing open is a plural possessive ("the States' ").
Marks of either shape pair within their family, so ``“...\\"`` is one quote.

A quotation still open at the end of a paragraph goes on when the next
paragraph opens with a double mark (news style for a quote over several
paragraphs); otherwise it is closed at the paragraph end, and its evidence
says so. A quoted transcript is the exception: when paragraphs open with a
mark and a speaker's label in capitals ('"WALLACE: ...'), each paragraph
from the first such one on is a quotation of its own (a speaker's turn, or
the next paragraph of one), and a stage direction ('"(CROSSTALK.)') is none.

>>> from quoteattr.segment import find_paragraphs
>>> doc = Document('He said: \\u201cWe won\\u2019t go.\\u201d Then \\'it\\' ended.')
>>> [doc.text[q.content_start:q.content_end] for q in find_quotations(doc, find_paragraphs(doc.view))]
['We won’t go.', 'it']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

import attrs
import regex

from quoteattr.document import Document
from quoteattr.segment import Paragraph

__all__ = ["TRANSCRIPT_LABEL", "Quotation", "find_quotations"]

DOUBLE = "double"
SINGLE = "single"


@attrs.frozen
class Quotation:
    """A pair of quotation marks and what lies between them.

    ``open``/``close`` are the offsets of the marks, ``open_len``/``close_len``
    their lengths (two for ``''``); an unterminated quotation has
    ``close == content_end`` and ``close_len == 0``. ``depth`` is 0 for a
    quotation not inside another one. ``evidence`` names the quote-mark rules
    that shaped it.

    ``content_start`` (just after the opening mark), ``content_end`` (the
    closing mark, or the recovered end) and ``outer_end`` (just past the
    closing mark) are worked out from those once, when the quotation is made:
    the rules read them tens of thousands of times a document.
    """

    open: int
    open_len: int
    close: int
    close_len: int
    family: str
    depth: int
    evidence: tuple[str, ...]
    content_start: int = attrs.field(init=False, eq=False, repr=False)
    content_end: int = attrs.field(init=False, eq=False, repr=False)
    outer_end: int = attrs.field(init=False, eq=False, repr=False)

    @content_start.default
    def _content_start(self) -> int:
        return self.open + self.open_len

    @content_end.default
    def _content_end(self) -> int:
        return self.close

    @outer_end.default
    def _outer_end(self) -> int:
        return self.close + self.close_len


# Every character that may be a quotation mark; "''" and "``" are double marks
# in some newspapers' plain-text copy. The standard library's engine scans for
# the marks several times faster. A straight single mark between two ASCII
# letters or digits is an apostrophe ("don't") and is not even matched.
_MARK = re.compile(
    r"""
    [\"“”„‟«»‹›‘'‚‛`]
    (?:(?<=`)`                            # ``, a lone backtick is no mark
      |(?<=')(?:'                         # ''
        |(?<![A-Za-z0-9]')|(?![A-Za-z0-9])  # ' not inside an ASCII word
      )
      |(?<![`'])                          # any other mark
    )
    """,
    re.VERBOSE,
)
_OPENERS = frozenset("“„‟«‹‘‚‛`")
_CLOSERS = frozenset("”»›")
_FAMILY = {
    '"': DOUBLE, "“": DOUBLE, "”": DOUBLE, "„": DOUBLE, "‟": DOUBLE, "«": DOUBLE, "»": DOUBLE,
    "``": DOUBLE, "''": DOUBLE,
    "'": SINGLE, "‘": SINGLE, "‚": SINGLE, "‛": SINGLE, "‹": SINGLE, "›": SINGLE,
}  # fmt: skip
_BEFORE_OPEN = frozenset(" \n([{—–-/")
_AFTER_CLOSE = frozenset(" \n.,;:!?)]}—–-/…")
# Elisions that start with an apostrophe: 'em, 'til, 'cause, '90s.
_ELISION = regex.compile(r"(?:em|til|tis|twas|cause|n|bout|round)\b|\d\ds?\b", regex.IGNORECASE)

OPEN, CLOSE, EITHER, NEITHER = "open", "close", "either", "neither"


def _direction(view: str, text: str, i: int, length: int) -> str:
    """Judge which way a mark faces from what stands on each side."""
    before = view[i - 1] if i > 0 else " "
    after = view[i + length] if i + length < len(view) else " "
    left = not after.isspace() and (before in _BEFORE_OPEN or before in _FAMILY or before.isspace())
    right = not before.isspace() and (after in _AFTER_CLOSE or after in _FAMILY or after.isspace())
    mark = text[i : i + length]
    if mark in _OPENERS or mark == "``":
        # A curly opener facing right after a word and with an open quote pending
        # is a misused closer; the caller decides with the stack.
        return CLOSE if right and not left else OPEN
    if mark in _CLOSERS:
        return OPEN if left and not right else CLOSE
    if left and not right:
        return OPEN
    if right and not left:
        return CLOSE
    return EITHER if left else NEITHER


@attrs.define
class _Open:
    pos: int
    length: int
    family: str
    evidence: list[str]


def _marks(doc: Document, start: int, end: int) -> list[tuple[int, int, str, str]]:
    """List the marks in ``[start, end)``: (offset, length, family, direction)."""
    found = []
    view, text = doc.view, doc.text
    size = len(view)
    skip = -1
    for m in _MARK.finditer(view, start, end):
        i, j = m.span()
        if i == skip:
            continue
        mark = text[i:j]
        if mark == "''" and view.startswith("'", j) and i > 0 and not view[i - 1].isspace():
            # "''I would use the word 'old-school,''' said": a single mark closes, then a double one.
            found.append((i, 1, SINGLE, CLOSE))
            found.append((i + 1, 2, DOUBLE, CLOSE))
            skip = j
            continue
        if j - i == 2 and mark != m.group():
            j = i + 1  # two curly apostrophes folded in the view are two marks
            mark = text[i]
        length = j - i
        family = _FAMILY.get(mark, SINGLE if view[i] == "'" else DOUBLE)
        if (
            family == SINGLE
            and mark not in _OPENERS
            and 0 < i
            and j < size
            and view[i - 1].isalnum()
            and view[j].isalnum()
        ):
            continue  # apostrophe inside a word: don't, country's (the commonest case)
        direction = _direction(view, text, i, length)
        if family == SINGLE and mark not in _OPENERS and direction == OPEN and _ELISION.match(view, i + 1):
            continue  # 'em, '90s
        found.append((i, length, family, direction))
    return found


def _last_of(stack: Sequence[_Open], family: str) -> int | None:
    """Return the index of the innermost open quotation of *family* on the stack, or None."""
    for k in range(len(stack) - 1, -1, -1):
        if stack[k].family == family:
            return k
    return None


# A speaker's label in capitals opening a transcript turn: "WALLACE: ", "JAKE TAPPER: ".
TRANSCRIPT_LABEL = regex.compile(
    r"""(?P<name>\p{Lu}[\p{Lu}'’.-]{1,30}(?:[ ]\p{Lu}[\p{Lu}'’.-]{1,30}){0,2})[ ]{0,3}:[ ]{1,3}(?=\S)"""
)
_QUOTED_TURN = regex.compile(r"""(?:["“„]|``)[ ]?""" + TRANSCRIPT_LABEL.pattern)
_STAGE_DIRECTION = regex.compile(r"""[ ]?[(\[][^()\[\]\n]{1,60}[)\]][.]?["”]?[ ]*""")
TURN = "turn"  # the family of a transcript paragraph's opening mark, which no inner mark closes


def _turns(view: str, paragraphs: Sequence[Paragraph]) -> frozenset[int]:
    """Return the starts of the paragraphs of a quoted transcript: two turns or more ('"SMITH: ...')."""
    turns = [
        p.start
        for p in paragraphs
        if view.startswith(('"', "“", "„", "``"), p.start) and _QUOTED_TURN.match(view, p.start, p.end)
    ]
    return frozenset(turns) if len(turns) >= 2 else frozenset()


def find_quotations(doc: Document, paragraphs: Sequence[Paragraph]) -> tuple[Quotation, ...]:
    """Pair the quotation marks of each paragraph, carrying quotes over paragraphs.

    Returns the quotations sorted by opening offset, nested ones included.
    """
    result: list[Quotation] = []
    carried: _Open | None = None  # a double quote running on from the last paragraph
    every = _marks(doc, 0, len(doc.view))  # one scan; paragraphs take their share
    positions = [m[0] for m in every]
    turns = _turns(doc.view, paragraphs) if every else frozenset()
    in_transcript = False
    for number, para in enumerate(paragraphs):
        first = bisect.bisect_left(positions, para.start)
        last = bisect.bisect_left(positions, para.end, first)
        if first == last:
            carried = None  # no mark: nothing opens, and a carried quotation is not reopened
            in_transcript = False
            continue
        marks = every[first:last]
        stack: list[_Open] = []
        opens_para = marks[0][0] == para.start and marks[0][2] == DOUBLE and marks[0][3] != CLOSE
        in_transcript = para.start in turns or (in_transcript and opens_para)
        if in_transcript:
            carried = None
            if _STAGE_DIRECTION.fullmatch(doc.view, para.start + marks[0][1], para.end):
                continue  # '"(CROSSTALK.)': a stage direction, no one's words
            if _pair_turn(doc, para, marks, result):
                in_transcript = False  # a closing mark ends the quoted transcript
            continue
        if carried is not None:
            if marks and marks[0][0] == para.start and marks[0][2] == DOUBLE and marks[0][3] != CLOSE:
                carried.evidence.append("quote.paragraph_reopen")
                stack.append(carried)
                marks = marks[1:]
            carried = None
        _pair(doc.view, marks, stack, result)
        # Whatever is still open at the paragraph end.
        if not stack:
            continue
        bottom = next((o for o in stack if o.family == DOUBLE), None)
        if bottom is None:
            continue
        nxt = paragraphs[number + 1] if number + 1 < len(paragraphs) else None
        if (nxt is not None and doc.view.startswith(tuple('"“„«'), nxt.start)) or (
            nxt is not None and doc.text.startswith("``", nxt.start)
        ):
            # The quotation goes on in the next paragraph; its end is found there.
            carried = bottom
            continue
        if para.end > bottom.pos + bottom.length:
            result.append(
                Quotation(
                    bottom.pos,
                    bottom.length,
                    para.end,
                    0,
                    DOUBLE,
                    stack.index(bottom),
                    (*bottom.evidence, "quote.unterminated"),
                )
            )
    result.sort(key=lambda q: (q.open, -q.outer_end))
    return tuple(result)


def _pair(view: str, marks: Sequence[tuple[int, int, str, str]], stack: list[_Open], result: list[Quotation]) -> int:
    """Pair *marks* left to right on *stack*, adding closed quotations to *result*.

    Return the offset of the last double mark that closed nothing (-1 if none).
    """
    stray = -1
    for pos, length, family, facing in marks:
        direction = facing
        top_same = _last_of(stack, family)
        if direction in (EITHER, NEITHER):
            direction = CLOSE if top_same is not None else OPEN
            if direction == OPEN and family == SINGLE:
                continue  # a lone straight single between spaces: not a quote
        if direction == OPEN and family == DOUBLE and top_same is not None and top_same == len(stack) - 1:
            # A second double opener while one is open: a misused closer if it
            # follows a word, else the first one was never closed.
            before = view[pos - 1] if pos > 0 else " "
            if not before.isspace():
                direction = CLOSE
            else:
                stack.pop()
        if direction == OPEN:
            stack.append(_Open(pos, length, family, ["quote.pair"]))
            continue
        if top_same is None:
            if family == DOUBLE:
                stray = pos
            continue  # a closer with nothing open: apostrophe or stray mark
        opened = stack[top_same]
        del stack[top_same:]  # singles left open inside were apostrophes
        if pos > opened.pos + opened.length:
            result.append(Quotation(opened.pos, opened.length, pos, length, family, top_same, tuple(opened.evidence)))
    return stray


def _pair_turn(doc: Document, para: Paragraph, marks: list[tuple[int, int, str, str]], result: list[Quotation]) -> bool:
    """Make a paragraph of a quoted transcript one quotation, pairing the marks inside it as nested ones.

    It closes at a double mark that ends the paragraph and closes nothing
    inside it, else at the paragraph's end. Return whether it had such a mark.
    """
    opener = _Open(marks[0][0], marks[0][1], TURN, ["quote.pair", "quote.transcript"])
    stray = _pair(doc.view, marks[1:], [opener], result)
    close, close_len = para.end, 0
    ending = next((m for m in marks[1:] if m[0] == stray), None)
    if ending is not None and doc.view[ending[0] + ending[1] : para.end].strip() == "":
        close, close_len = ending[0], ending[1]
    if close > opener.pos + opener.length:
        result.append(Quotation(opener.pos, opener.length, close, close_len, DOUBLE, 0, tuple(opener.evidence)))
    return close_len > 0
