"""Stage 1: build a same-length view of the text that the rules can match.

The caller's string is never rewritten: every offset the library returns
indexes it. The view has the same length, with look-alike characters folded
so that one pattern covers them: non-breaking and other spaces become " ",
control characters become " " (or "\\n" for line and paragraph separators),
"\\r\\n" becomes " \\n" and a lone "\\r" becomes "\\n", and the curly
apostrophe becomes "'". Quotation marks keep their shape (their direction
matters when pairing them); only the apostrophe is folded.

>>> normalise("Don\\u2019t\\u00a0go\\r\\nnow")
"Don't go \\nnow"
"""

from __future__ import annotations

import re

__all__ = ["normalise"]


def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0x20):
        table[code] = " "
    for code in (0x0A, 0x0B, 0x0C, 0x1C, 0x1D, 0x1E, 0x85, 0x2028, 0x2029):
        table[code] = "\n"
    table[0x09] = " "
    table[0x7F] = " "
    for code in range(0x80, 0xA0):
        table.setdefault(code, " ")
    # Spaces of every width, and the zero-width ones, count as one space each.
    for code in (0xA0, 0x1680, 0x202F, 0x205F, 0x3000, 0xFEFF, 0x200B, 0x200C, 0x200D, 0x2060):
        table[code] = " "
    for code in range(0x2000, 0x200B):
        table[code] = " "
    table[0x2019] = "'"  # right single quotation mark, mostly an apostrophe
    table[0x02BC] = "'"  # modifier letter apostrophe
    table[0x2032] = "'"  # prime, typed for an apostrophe
    return table


_TABLE = _table()
# Only characters that the table changes are visited: most of a text is left
# alone, which is much faster than translating every character.
_CHANGED = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TABLE) if chr(c) != _TABLE[c]) + "]")


# The table's entries for ASCII characters: an ASCII text is translated whole,
# which is faster still.
_ASCII_TABLE = {code: ch for code, ch in _TABLE.items() if code < 0x80}


def _fold(m: re.Match[str]) -> str:
    return _TABLE[ord(m.group())]


def normalise(text: str) -> str:
    """Return the view of *text*: same length, folded spaces, controls and apostrophes."""
    view = text.translate(_ASCII_TABLE) if text.isascii() else _CHANGED.sub(_fold, text)
    if "\r" in text:
        # The table maps "\r" to " "; a lone "\r" is a line break of its own.
        view = "".join(
            "\n" if ch == "\r" and not text.startswith("\n", i + 1) else v
            for i, (ch, v) in enumerate(zip(text, view, strict=True))
        )
    return view
