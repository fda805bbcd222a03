"""Golden cases: real-world sentence shapes as data (tests/golden/*.json).

Each case lists every attributed quotation the text must give: kind, content,
speaker, mention and cue, as exact substrings (with an occurrence index when a
string occurs more than once). A case marked "fail" documents a known limit
and runs under strict xfail, so fixing it is noticed.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import quoteattr

GOLDEN = Path(__file__).parent / "golden"


def _cases() -> list[Any]:
    params = []
    for path in sorted(GOLDEN.glob("*.json")):
        for case in json.loads(path.read_text(encoding="utf-8")):
            marks = [pytest.mark.xfail(strict=True, reason=case["comment"])] if case["expect"] == "fail" else []
            params.append(pytest.param(case, id=case["id"], marks=marks))
    return params


def _find(text: str, needle: str | None, occurrence: int) -> int | None:
    if needle is None:
        return None
    pos = -1
    for _ in range(occurrence + 1):
        pos = text.find(needle, pos + 1)
        assert pos != -1, f"{needle!r} does not occur {occurrence + 1} times in the case text"
    return pos


def _expected(case: dict[str, Any]) -> list[tuple[Any, ...]]:
    text = case["text"]
    rows = []
    for e in case["expected"]:
        rows.append(
            (
                e["kind"],
                _find(text, e["content"], e.get("content_occurrence", 0)),
                e["content"],
                e["speaker"],
                _find(text, e["mention"], e.get("mention_occurrence", 0)),
                e["mention"],
                _find(text, e["cue"], e.get("cue_occurrence", 0)),
                e["cue"],
                tuple(e.get("parts", ())),
            )
        )
    return sorted(rows, key=repr)


def _actual(text: str) -> list[tuple[Any, ...]]:
    rows = []
    for a in quoteattr.extract(text):
        rows.append(
            (
                a.quote.kind.value,
                a.quote.start,
                a.quote.text,
                None if a.speaker is None else a.speaker.name,
                None if a.mention is None else a.mention.span.start,
                None if a.mention is None else a.mention.text,
                None if a.cue is None else a.cue.span.start,
                None if a.cue is None else a.cue.text,
                tuple(p.text for p in a.quote.parts),
            )
        )
    return sorted(rows, key=repr)


@pytest.mark.parametrize("case", _cases())
def test_golden(case: dict[str, Any]) -> None:
    assert _expected(case) == _actual(case["text"])


def test_golden_files_are_well_formed() -> None:
    ids = [p.id for p in _cases()]
    assert len(ids) == len(set(ids))
    assert len(ids) >= 100


@pytest.mark.parametrize("case", [pytest.param(p.values[0], id=p.id) for p in _cases()])
def test_golden_cue_and_mention_lie_outside_the_quote(case: dict[str, Any]) -> None:
    # A quote's content never holds its own cue or mention: "X, she said, Y" spans both
    # sides, and its parts (the sides) leave the attribution between them.
    for a in quoteattr.extract(case["text"]):
        pieces = a.quote.parts or (a.quote.span,)
        for part in (a.cue, a.mention):
            if part is not None:
                assert all(part.span.end <= p.start or part.span.start >= p.end for p in pieces), (part, a.quote)
