"""The faster forms of the document scans find exactly what the plain forms find."""

from __future__ import annotations

import re

import pytest
import regex

from quoteattr import attribute, cues, quotes, segment
from quoteattr.lexicons import DEFAULT
from quoteattr.mentions import name_tokens
from quoteattr.patterns import NAME_WORD, PARTICLE, patterns_for, trie

SAMPLES = [
    "",
    "said",
    "Said Ann Lee. 'Don't,' she said-so. \"We won,\" he said, according  to  Mr. Lee.",
    "US President Joe Biden met Gen. Mark Milley and Jean-Luc de la Fontaine at the G20 in St. Louis.",
    "Acme's CEO O'Brien told  reporters: ``It's over.'' L'Oréal's Ann Lee-Roe  reportedly says no.",
    "The U.S. Dept. of State said Lt. Gen. Ray Ono, 3M and McDonald's Corp. agreed. 'Tis the '90s.",
    "unsaid essays restated; ‘quoted’ “double” «guillemets» ‹single› it’s x'y 1'2 é'à ``a`` `b`",
    "He says\nShe said\n\n  Go on to say, going on to say, point out, called for it.\u00a0Asked?",
    "Ms. Says spoke. ÉMILE ZOLA said. İstanbul Mayor Ekrem İmamoğlu asked Ana Dos Santos.",
]


def _plain_name_run() -> regex.Pattern[str]:
    """Return the name-run pattern written with plain NAME_WORDs."""
    return regex.compile(
        rf"""{NAME_WORD}(?:[ ]{{1,3}}(?:(?:{PARTICLE}|of|for)[ ]{{1,3}}){{0,2}}{NAME_WORD}){{1,5}}""",
        regex.VERBOSE | regex.VERSION0,
    )


@pytest.mark.parametrize("text", SAMPLES)
def test_name_run_matches_plain_name_words(text: str) -> None:
    fast = [m.span() for m in patterns_for(DEFAULT).name_run.finditer(text)]
    assert fast == [m.span() for m in _plain_name_run().finditer(text)]
    for run in patterns_for(DEFAULT).name_run.findall(text):
        assert tuple(run.split()) == name_tokens(run)


@pytest.mark.parametrize("text", SAMPLES)
def test_cue_scan_matches_word_boundary_scan(text: str) -> None:
    forms = DEFAULT.verb_forms(cognition=True)
    plain = re.compile(rf"\b(?:according[ ]{{1,3}}to|{trie(forms)})\b(?!['’-])")
    lowered = text.lower()
    fast = [(m.start(), m.end() - 1) for m in patterns_for(DEFAULT).cue.finditer(" " + lowered)]
    assert fast == [m.span() for m in plain.finditer(lowered)]


@pytest.mark.parametrize("text", SAMPLES)
def test_mark_scan_skips_only_ascii_apostrophes(text: str) -> None:
    plain = regex.compile(r"''|``|[\"“”„‟«»‹›‘'‚‛]")
    expected = [
        m.span()
        for m in plain.finditer(text)
        if not (
            m.group() == "'"
            and 0 < m.start() < len(text) - 1
            and re.fullmatch("[A-Za-z0-9]", text[m.start() - 1])
            and re.fullmatch("[A-Za-z0-9]", text[m.end()])
        )
    ]
    assert [m.span() for m in quotes._MARK.finditer(text)] == expected


@pytest.mark.parametrize("text", SAMPLES)
def test_word_before_read_backwards(text: str) -> None:
    plain = regex.compile(r"([\p{L}.]+)\Z")
    for start in range(len(text) + 1):
        lo = max(0, start - 20)
        fast, slow = segment._WORD_BEFORE.search(text, lo, start), plain.search(text, lo, start)
        assert (fast and fast.span(1)) == (slow and slow.span(1))


@pytest.mark.parametrize("text", [*SAMPLES, "a" * 50 + " said", "x  said", "'s said", "-ly said"])
def test_previous_word(text: str) -> None:
    lowered = text.lower()
    for start in range(len(lowered) + 1):
        assert cues._previous_word(lowered, start) == cues._previous_word_scan(lowered, start)


@pytest.mark.parametrize(
    ("pattern", "longest"),
    [
        (attribute._TRAILING_EVENT, attribute._TRAILING_EVENT_LONGEST),
        (attribute._TRAILING_TIME, attribute._TRAILING_TIME_LONGEST),
    ],
)
def test_trailing_search_window_holds_the_longest_match(pattern: regex.Pattern[str], longest: int) -> None:
    # The same pattern for the standard library's parser, a letter class as one letter.
    plain = pattern.pattern.replace(r"\p{L}", "a").replace(r"\Z", "")
    assert re._parser.parse(plain, re.VERBOSE).getwidth()[1] == longest  # type: ignore[attr-defined]
