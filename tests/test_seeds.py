"""The seed articles end to end: every expected attribution in seeds/, exactly.

Each seed has hand-checked expectations in ``seeds/<id>.expected.jsonl``
(format: docs/seeds.md). A required quotation must come out with the same
span, kind, speaker (or one of its ``speaker_alts``) and cue; an optional one
may be missing, but if it is found its span must match; nothing else may be
reported as speech.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import quoteattr
from quoteattr.models import Attribution

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
IDS = sorted(p.stem for p in SEEDS.glob("*.txt"))


def _load(seed: str) -> tuple[str, list[dict[str, Any]]]:
    text = (SEEDS / f"{seed}.txt").read_text(encoding="utf-8")
    with open(SEEDS / f"{seed}.txt", encoding="utf-8", newline="") as fh:
        text = fh.read()
    lines = (SEEDS / f"{seed}.expected.jsonl").read_text(encoding="utf-8").splitlines()
    return text, [json.loads(line) for line in lines if line.strip()]


def _row(a: Attribution) -> tuple[Any, ...]:
    return (
        a.quote.start,
        a.quote.end,
        a.quote.kind.value,
        None if a.speaker is None else a.speaker.name,
        None if a.cue is None else (a.cue.span.start, a.cue.span.end),
    )


def test_every_seed_has_expectations() -> None:
    assert len(IDS) == 5
    for seed in IDS:
        assert (SEEDS / f"{seed}.expected.jsonl").is_file()


@pytest.mark.parametrize("seed", IDS)
def test_seed(seed: str) -> None:
    text, expected = _load(seed)
    found = {(a.quote.start, a.quote.end): a for a in quoteattr.extract(text)}
    problems = []
    for e in expected:
        spans = [(e["start"], e["end"]), *(tuple(x) for x in e.get("alt_spans", []))]
        a = next((found.pop(span) for span in spans if span in found), None)
        if a is None:
            if not e.get("optional"):
                problems.append(f"missing {e['kind']} {e['text'][:60]!r} ({e['speaker']})")
            continue
        speakers = [e["speaker"], *e.get("speaker_alts", [])]
        cue = None if e["cue"] is None else (e["cue_start"], e["cue_end"])
        got = _row(a)
        if got[2] != e["kind"] or got[3] not in speakers or got[4] != cue:
            problems.append(f"wrong {e['text'][:60]!r}: expected {e['kind']}/{speakers}/{cue}, got {got[2:]}")
    for a in found.values():
        problems.append(f"unexpected {_row(a)} {a.quote.text[:60]!r}")
    assert not problems, "\n".join(problems)


def test_seed_names_are_not_in_the_rules() -> None:
    """No rule or lexicon may name the seeds' people or organisations."""
    package = Path(quoteattr.__file__).parent
    banned = ("Hong Lei", "Wang Yi", "Plummer", "Zhiqun", "Charles Ding", "Huawei", "Ruppersberger", "Facebook")
    for path in [*package.rglob("*.py"), *package.rglob("*.txt")]:
        content = path.read_text(encoding="utf-8")
        for name in banned:
            assert name not in content, f"{path.name} names {name!r}"
