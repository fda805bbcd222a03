"""Tests of quoteattr.evaluate: loading, scoring, and the ``eval`` command.

The fixture below is invented text written for these tests. The reference
scorer and the PolNeAR dev gold are read from ``../shared/eval`` next to the
repository when present; those tests skip otherwise.
"""

from __future__ import annotations

import io
import json
import runpy
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from quoteattr.evaluate import (
    ErrorCase,
    ErrorType,
    EvaluationError,
    format_errors,
    format_report,
    load_jsonl,
    load_seed_gold,
    main,
    match_quotes,
    match_ratio,
    name_tokens,
    names_agree,
    predict_documents,
    score,
    strip_span,
)

Doc = dict[str, Any]
Needle = str | tuple[str, int]
"""A substring to find, or ``(substring, occurrence)`` counting from 1."""

SHARED_EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
SCORE_PY = SHARED_EVAL / "score.py"
POLNEAR_DEV = SHARED_EVAL / "polnear-dev.jsonl"


# ------------------------------------------------------------------ fixture


def at(text: str, needle: Needle) -> tuple[int, int]:
    """Return the span of a needle's n-th occurrence in text."""
    word, occurrence = (needle, 1) if isinstance(needle, str) else needle
    start = -1
    for _ in range(occurrence):
        start = text.index(word, start + 1)
    return start, start + len(word)


def quote(
    text: str,
    content: Needle,
    *,
    kind: str = "direct",
    speaker: str | None = None,
    mention: Needle | None = None,
    cue: Needle | None = None,
    **extra: Any,
) -> Doc:
    """Build one interchange quote, finding its offsets by substring."""
    start, end = at(text, content)
    speaker_start, speaker_end = at(text, mention) if mention else (None, None)
    cue_start, cue_end = at(text, cue) if cue else (None, None)
    record: Doc = {
        "start": start,
        "end": end,
        "kind": kind,
        "speaker": speaker,
        "speaker_start": speaker_start,
        "speaker_end": speaker_end,
        "cue": text[cue_start:cue_end] if cue else None,
        "cue_start": cue_start,
        "cue_end": cue_end,
    }
    record.update(extra)
    return record


ALPHA = (
    'Mayor Ana Ruiz opened the bridge on Monday. "It will carry ten thousand'
    ' cyclists a day," Ruiz said. She told reporters that the tolls would end'
    ' in May. Critics called it a "vanity project" and a "folly."'
)
BETA = (
    'The council approved the budget late on Tuesday. "We had no other choice,"'
    ' a council spokesperson said, adding that reserves were "nearly gone" after'
    " the flood. According to Ben Okafor, the treasurer, the audit will finish"
    ' in June. "Nobody asked us," said residents of Elm Street.'
)
GAMMA = (
    '"Stay off the ice." The warning was posted at every gate. It was said that the lake would be drained in spring.'
)
DELTA = '"We will appeal," the coach said. The players said they were tired of travelling.'

SPOKESPERSON = "a council spokesperson"


def fixture_gold() -> list[Doc]:
    """Return the hand-made gold: four documents, all three kinds."""
    return [
        {
            "doc_id": "alpha",
            "source": "tests",
            "text": ALPHA,
            "quotes": [
                quote(ALPHA, "It will carry ten thousand cyclists a day,",
                      speaker="Ana Ruiz", mention=("Ruiz", 2), cue="said"),
                quote(ALPHA, "the tolls would end in May", kind="indirect",
                      speaker="Ana Ruiz", mention="She", cue="told"),
                # Scare quotes: debatable, so optional.
                quote(ALPHA, "vanity project", speaker="Critics", mention="Critics",
                      cue="called", optional=True),
                quote(ALPHA, "folly.", speaker="Critics", optional=True),
            ],
        },
        {
            "doc_id": "beta",
            "source": "tests",
            "text": BETA,
            "quotes": [
                quote(BETA, "We had no other choice,", speaker=SPOKESPERSON,
                      mention=SPOKESPERSON, cue="said"),
                quote(BETA, 'reserves were "nearly gone" after the flood', kind="mixed",
                      speaker=SPOKESPERSON, mention=SPOKESPERSON, cue="adding",
                      alt_spans=[list(at(BETA, "nearly gone"))]),
                quote(BETA, "the audit will finish in June", kind="indirect",
                      speaker="Ben Okafor", mention="Ben Okafor", cue="According to"),
                quote(BETA, "Nobody asked us,", speaker="residents of Elm Street",
                      mention="residents of Elm Street", cue=("said", 2)),
            ],
        },
        {
            "doc_id": "gamma",
            "source": "tests",
            "text": GAMMA,
            "quotes": [
                quote(GAMMA, "Stay off the ice."),
                quote(GAMMA, "the lake would be drained in spring", kind="indirect",
                      cue="was said"),
            ],
        },
        {
            "doc_id": "delta",
            "source": "tests",
            "text": DELTA,
            "quotes": [
                quote(DELTA, "We will appeal,", speaker="the coach",
                      mention="the coach", cue="said"),
                quote(DELTA, "they were tired of travelling", kind="indirect",
                      speaker="The players", mention="The players", cue=("said", 2)),
            ],
        },
    ]  # fmt: skip


def fixture_pred() -> list[Doc]:
    """Return predictions for the fixture; each quote's comment says what it tests."""
    return [
        {
            "doc_id": "alpha",
            "quotes": [
                # Exact span; speaker by name subset; cue by span.
                quote(ALPHA, "It will carry ten thousand cyclists a day,",
                      speaker="Ruiz", mention=("Ruiz", 2), cue="said"),
                # 19 of 26 characters: matched, not exact; speaker by mention
                # span; cue by casefolded string, without offsets.
                dict(quote(ALPHA, "the tolls would end", kind="indirect",
                           speaker="the mayor", mention="She"), cue="Told"),
                # Matches an optional gold: neither true nor false positive.
                quote(ALPHA, "vanity project", speaker="Critics"),
                # Spurious.
                quote(ALPHA, "opened the bridge on Monday", kind="indirect",
                      speaker="Ana Ruiz", mention="Ana Ruiz"),
            ],
        },
        {
            "doc_id": "beta",
            "quotes": [
                # Wrong speaker, mention elsewhere.
                quote(BETA, "We had no other choice,", speaker="Ben Okafor",
                      mention="Ben Okafor", cue="said"),
                # Only the quoted fragment: matched through alt_spans; no cue.
                quote(BETA, "nearly gone", speaker="council spokesperson"),
                # 14 of 29 characters: below half, so a miss and a spurious quote.
                quote(BETA, "finish in June", kind="indirect", speaker="Ben Okafor"),
                # Two predictions tie for one gold quote: the later one wins,
                # as in score.py, so the earlier (wrong speaker) is spurious.
                quote(BETA, "Nobody asked us,", speaker="Ben Okafor"),
                quote(BETA, "Nobody asked us,", speaker="Residents", cue=("said", 2)),
            ],
        },
        {
            "doc_id": "gamma",
            "quotes": [
                # Null speaker and cue on both sides; exact once "." is stripped.
                quote(GAMMA, "Stay off the ice"),
                # Gold speaker is null, so naming one is wrong; cue span overlaps.
                quote(GAMMA, "the lake would be drained in spring", kind="indirect",
                      speaker="the lake", mention="the lake", cue=("said", 1)),
            ],
        },
        # "delta" has no prediction: both its quotes are missed.
        # "omega" is not in the gold: ignored.
        {"doc_id": "omega", "quotes": [{"start": 0, "end": 5}]},
    ]  # fmt: skip


EXPECTED_FIXTURE = {
    "gold_required": 10,
    "predicted": 10,
    "detection": {"p": 0.7, "r": 0.7, "f": 0.7},
    "exact_span_of_matched": 0.7143,
    "speaker_acc_on_matched": 0.7143,
    "cue_acc_on_matched": 0.8571,
    "end_to_end": {"p": 0.5, "r": 0.5, "f": 0.5},
    "recall_by_kind": {"direct": 0.8, "indirect": 0.5, "mixed": 1.0},
    "e2e_recall_by_kind": {"direct": 0.6, "indirect": 0.25, "mixed": 1.0},
}

EXPECTED_ERRORS = [
    (ErrorType.SPURIOUS, "alpha", "opened the bridge on Monday", None, "Ana Ruiz"),
    (ErrorType.SPEAKER, "beta", "We had no other choice,", SPOKESPERSON, "Ben Okafor"),
    (ErrorType.MISSED, "beta", "the audit will finish in June", "Ben Okafor", None),
    (ErrorType.SPURIOUS, "beta", "finish in June", None, "Ben Okafor"),
    (ErrorType.SPURIOUS, "beta", "Nobody asked us,", None, "Ben Okafor"),
    (
        ErrorType.SPEAKER,
        "gamma",
        "the lake would be drained in spring",
        None,
        "the lake",
    ),
    (ErrorType.MISSED, "delta", "We will appeal,", "the coach", None),
    (ErrorType.MISSED, "delta", "they were tired of travelling", "The players", None),
]


def write_jsonl(path: Path, documents: list[Doc]) -> Path:
    """Write documents as JSON Lines and return the path."""
    path.write_text("".join(json.dumps(d) + "\n" for d in documents), encoding="utf-8")
    return path


def as_tuple(error: ErrorCase) -> tuple[Any, ...]:
    """Return an error's fields in score.py's tuple order."""
    return (
        error.type,
        error.doc_id,
        error.text,
        error.gold_speaker,
        error.predicted_speaker,
    )


def run_reference(gold: Path, pred: Path) -> dict[str, Any]:
    """Run score.py with --json and return its figures."""
    if not SCORE_PY.exists():
        pytest.skip(f"{SCORE_PY} not present")
    command = [sys.executable, str(SCORE_PY), str(gold), str(pred), "--json"]
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def reference_errors(gold: Path, pred: Path) -> list[tuple[Any, ...]]:
    """Return score.py's error tuples, by running its score() in-process."""
    namespace = runpy.run_path(str(SCORE_PY))
    _, errors = namespace["score"](str(gold), str(pred))
    return [tuple(error) for error in errors]


# ------------------------------------------------------------------ scoring


def test_fixture_offsets_slice_the_text() -> None:
    for document in fixture_gold():
        for gold in document["quotes"]:
            assert gold["start"] < gold["end"] <= len(document["text"])
            if gold["cue"] is not None:
                cue = document["text"][gold["cue_start"] : gold["cue_end"]]
                assert gold["cue"] == cue


def test_fixture_figures() -> None:
    report = score(fixture_gold(), fixture_pred())
    assert EXPECTED_FIXTURE == report.to_dict()


def test_fixture_counts() -> None:
    counts = score(fixture_gold(), fixture_pred()).counts
    assert (7, 3, 3) == (counts.tp, counts.fp, counts.fn)
    assert 1 == counts.optional_matched
    assert (5, 5, 6, 5) == (
        counts.exact,
        counts.speaker_ok,
        counts.cue_ok,
        counts.e2e_tp,
    )
    assert (4, 1, 1) == (
        counts.documents,
        counts.missing_predictions,
        counts.ignored_predictions,
    )
    assert {"direct": 5, "indirect": 4, "mixed": 1} == dict(counts.gold_by_kind)


def test_fixture_errors() -> None:
    report = score(fixture_gold(), fixture_pred())
    assert EXPECTED_ERRORS == [as_tuple(error) for error in report.errors]


def test_fixture_matches_reference_scorer(tmp_path: Path) -> None:
    gold = write_jsonl(tmp_path / "eval_gold.jsonl", fixture_gold())
    pred = write_jsonl(tmp_path / "eval_pred.jsonl", fixture_pred())
    report = score(load_jsonl(gold, gold=True), load_jsonl(pred))
    expected = run_reference(gold, pred)
    assert json.dumps(expected) == json.dumps(report.to_dict())
    ours = [(e.type.value, *as_tuple(e)[1:]) for e in report.errors]
    assert reference_errors(gold, pred) == ours


def perturb(documents: list[Doc]) -> list[Doc]:
    """Derive predictions from gold by deterministic damage.

    Drops every 11th document and every 3rd quote, shifts starts by 40% (still
    matched) or 60% (missed), blanks or replaces speakers, renames cues,
    duplicates some quotes (ties) and adds spurious ones.
    """
    predictions: list[Doc] = []
    for doc_index, document in enumerate(documents):
        if doc_index % 11 == 10:
            continue
        quotes: list[Doc] = []
        for index, original in enumerate(document["quotes"]):
            if index % 3 == 2:
                continue
            pred = dict(original)
            length = pred["end"] - pred["start"]
            if index % 5 == 0:
                pred["start"] += length * 2 // 5
            elif index % 5 == 1:
                pred["start"] += length * 3 // 5
            if index % 4 == 3:
                pred["speaker"] = None
            if index % 7 == 0:
                pred.update(speaker="Nobody In Particular", speaker_start=None, speaker_end=None)
            if index % 6 == 4:
                pred.update(cue="claimed", cue_start=None, cue_end=None)
            quotes.append(pred)
            if index % 13 == 0:
                quotes.append(dict(pred, speaker="A Twin"))
        if doc_index % 2 == 0:
            quotes.append({"start": 0, "end": 20, "kind": "direct", "speaker": "Header"})
        predictions.append({"doc_id": document["doc_id"], "quotes": quotes})
    predictions.append({"doc_id": "not-in-gold", "quotes": [{"start": 0, "end": 3}]})
    return predictions


def test_polnear_dev_perturbed_matches_reference_scorer(tmp_path: Path) -> None:
    if not (SCORE_PY.exists() and POLNEAR_DEV.exists()):
        pytest.skip(f"{SHARED_EVAL} not present")
    gold_docs = load_jsonl(POLNEAR_DEV, gold=True)
    pred = write_jsonl(tmp_path / "pred.jsonl", perturb(gold_docs))
    report = score(gold_docs, load_jsonl(pred))
    assert 0 < report.detection.f1 < 1
    assert json.dumps(run_reference(POLNEAR_DEV, pred)) == json.dumps(report.to_dict())
    ours = [(e.type.value, *as_tuple(e)[1:]) for e in report.errors]
    assert reference_errors(POLNEAR_DEV, pred) == ours


def test_gold_against_itself_is_perfect() -> None:
    figures = score(fixture_gold(), fixture_gold()).to_dict()
    assert {"p": 1.0, "r": 1.0, "f": 1.0} == figures["end_to_end"]
    assert 1.0 == figures["cue_acc_on_matched"]


def test_no_documents_scores_zero() -> None:
    report = score([], [])
    assert {"p": 0.0, "r": 0.0, "f": 0.0} == report.to_dict()["detection"]
    assert {} == report.to_dict()["recall_by_kind"]


def test_name_tokens_drop_titles_and_possessives() -> None:
    assert frozenset({"hong", "lei"}) == name_tokens("Mr. Hong Lei\u2019s")
    assert frozenset() == name_tokens("the spokesman")
    assert frozenset() == name_tokens(None)


@pytest.mark.parametrize(
    ("predicted", "gold", "expected"),
    [
        ("Lei", "Hong Lei", True),
        ("Charles Ding", "Ding", True),
        ("President Obama", "Barack Obama", True),
        ("Ding", "Hong Lei", False),
        ("the spokesman", "a spokesman", False),  # nothing left to compare
        (None, "Hong Lei", False),
    ],
)
def test_names_agree(predicted: str | None, gold: str, expected: bool) -> None:
    assert expected == names_agree(predicted, [gold])


def test_match_ratio_boundary_is_inclusive() -> None:
    gold = {"start": 0, "end": 10}
    assert 0.5 == match_ratio({"start": 5, "end": 10}, gold)
    assert [(0, 0)] == match_quotes([gold], [{"start": 5, "end": 10}])
    assert [] == match_quotes([gold], [{"start": 6, "end": 10}])


def test_match_ratio_uses_the_longer_span() -> None:
    gold = {"start": 10, "end": 14}
    assert 0.4 == match_ratio({"start": 10, "end": 20}, gold)


def test_strip_span_ignores_punctuation_at_the_ends() -> None:
    text = '"Go home," she said.'
    assert strip_span(text, 1, 8) == strip_span(text, 0, 10)


# ------------------------------------------------------------------ loading


def test_load_jsonl_skips_blank_lines(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    lines = [json.dumps(d) for d in fixture_gold()]
    path.write_text("\n\n".join(lines) + "\n\n", encoding="utf-8")
    assert ["alpha", "beta", "gamma", "delta"] == [d["doc_id"] for d in load_jsonl(path)]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", ":2: invalid JSON"),
        ("[1, 2]", ":2: line is not a JSON object"),
        ('{"quotes": []}', ":2: document has no string 'doc_id'"),
        ('{"doc_id": "b", "text": "abc"}', ":2: document has no 'quotes'"),
        ('{"doc_id": "b", "text": "abc", "quotes": [{"start": 0}]}', "has no 'end'"),
        (
            '{"doc_id": "b", "text": "abc", "quotes": [{"start": 0, "end": 9}]}',
            "beyond the text",
        ),
        (
            '{"doc_id": "b", "text": "abc", "quotes": [{"start": 0, "end": 2}]}',
            "gold quote has no 'kind'",
        ),
        ('{"doc_id": "a", "text": "", "quotes": []}', "'a' already used on line 1"),
    ],
)
def test_load_jsonl_reports_file_and_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text('{"doc_id": "a", "text": "", "quotes": []}\n' + line + "\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"gold\.jsonl") as caught:
        load_jsonl(path, gold=True)
    assert message in str(caught.value)


def test_load_jsonl_accepts_predictions_without_text_or_kind(tmp_path: Path) -> None:
    path = tmp_path / "pred.jsonl"
    path.write_text('{"doc_id": "a", "quotes": [{"start": 0, "end": 2}]}\n', encoding="utf-8")
    assert [{"doc_id": "a", "quotes": [{"start": 0, "end": 2}]}] == load_jsonl(path)


def test_load_jsonl_missing_file(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match="cannot read"):
        load_jsonl(tmp_path / "absent.jsonl")


def write_seed(directory: Path, doc_id: str, text: str, quotes: list[Doc]) -> None:
    """Write one seed: its text (bytes as given) and its expected quotes."""
    (directory / f"{doc_id}.txt").write_bytes(text.encode("utf-8"))
    write_jsonl(directory / f"{doc_id}.expected.jsonl", quotes)


def test_load_seed_gold_builds_documents(tmp_path: Path) -> None:
    text = 'Intro line.\r\n\r\n"Crosswalks save lives," said Ida Berg.\r\n'
    start, end = at(text, "Crosswalks save lives,")
    seed_quote = {
        "start": start,
        "end": end,
        "kind": "direct",
        "speaker": "Ida Berg",
        "text": "Crosswalks save lives,",
        "note": "CRLF kept: offsets count the \\r",
    }
    write_seed(tmp_path, "010_crlf", text, [seed_quote])
    write_seed(tmp_path, "011_empty", "Nothing quoted here.", [])
    (tmp_path / "012_unannotated.txt").write_text("Not annotated yet.", encoding="utf-8")
    documents = load_seed_gold(tmp_path)
    assert ["010_crlf", "011_empty"] == [d["doc_id"] for d in documents]
    assert {"seeds"} == {d["source"] for d in documents}
    assert text == documents[0]["text"]
    assert [seed_quote] == documents[0]["quotes"]
    assert [] == documents[1]["quotes"]


def test_load_seed_gold_checks_quote_text(tmp_path: Path) -> None:
    seed_quote = {
        "start": 0,
        "end": 4,
        "kind": "direct",
        "speaker": None,
        "text": "Nope",
    }
    write_seed(tmp_path, "020_bad", "Stop it, he said.", [seed_quote])
    with pytest.raises(EvaluationError, match=r"020_bad\.expected\.jsonl:1: quote text"):
        load_seed_gold(tmp_path)


def test_load_seed_gold_needs_the_text(tmp_path: Path) -> None:
    write_jsonl(tmp_path / "030_lonely.expected.jsonl", [])
    with pytest.raises(EvaluationError, match=r"030_lonely\.txt: cannot read"):
        load_seed_gold(tmp_path)


def test_load_seed_gold_needs_expected_files(tmp_path: Path) -> None:
    with pytest.raises(EvaluationError, match=r"no \*\.expected\.jsonl files"):
        load_seed_gold(tmp_path)


# --------------------------------------------------------------- prediction


class FakeTerminal(io.StringIO):
    """A text stream that claims to be a terminal."""

    def isatty(self) -> bool:
        """Claim to be a terminal."""
        return True


def echo_gold(doc_id: str, text: str) -> Doc:
    """Pretend to extract: return the fixture gold for the document."""
    gold = {document["doc_id"]: document for document in fixture_gold()}[doc_id]
    assert text == gold["text"]
    return {"doc_id": doc_id, "source": "fake", "quotes": gold["quotes"]}


def test_predict_documents_shows_progress_on_a_terminal() -> None:
    stream = FakeTerminal()
    predictions = predict_documents(fixture_gold(), echo_gold, stream=stream)
    assert ["alpha", "beta", "gamma", "delta"] == [p["doc_id"] for p in predictions]
    assert stream.getvalue().startswith("\r eval 1/4 docs  0.0 MB")
    assert stream.getvalue().endswith("\r eval 4/4 docs  0.0 MB\n")


def test_predict_documents_is_quiet_elsewhere() -> None:
    quiet, off = io.StringIO(), FakeTerminal()
    predict_documents(fixture_gold(), echo_gold, stream=quiet)
    predict_documents(fixture_gold(), echo_gold, progress=False, stream=off)
    assert "" == quiet.getvalue() + off.getvalue()


def test_predict_documents_rejects_a_wrong_record() -> None:
    with pytest.raises(EvaluationError, match="its doc_id is 'other'"):
        predict_documents(fixture_gold(), lambda _doc_id, _text: {"doc_id": "other"})


# --------------------------------------------------------------- formatting


def test_format_report_shows_the_figures() -> None:
    table = format_report(score(fixture_gold(), fixture_pred()))
    assert "gold quotes (required)  10" in table
    assert "detection                0.7000  0.7000  0.7000" in table
    assert "end to end               0.5000  0.5000  0.5000" in table
    assert "speaker acc on matched   0.7143" in table


def test_format_errors_limits_each_type() -> None:
    report = score(fixture_gold(), fixture_pred())
    lines = format_errors(report, 1).splitlines()
    assert [
        "spurious | alpha | opened the bridge on Monday | - | Ana Ruiz",
        f"speaker | beta | We had no other choice, | {SPOKESPERSON} | Ben Okafor",
        "missed | beta | the audit will finish in June | Ben Okafor | -",
    ] == lines


def test_format_errors_keeps_one_error_a_line() -> None:
    gold = [{"doc_id": "n", "text": "a\nb said", "quotes": [
        {"start": 0, "end": 3, "kind": "direct", "speaker": "B"},
    ]}]  # fmt: skip
    assert "missed | n | a\\nb | B | -" == format_errors(score(gold, []), 5)


# ------------------------------------------------------------------ command


@pytest.fixture
def fixture_files(tmp_path: Path) -> tuple[Path, Path]:
    """Write the fixture gold and predictions; return their paths."""
    gold = write_jsonl(tmp_path / "eval_gold.jsonl", fixture_gold())
    pred = write_jsonl(tmp_path / "eval_pred.jsonl", fixture_pred())
    return gold, pred


def test_main_json_with_pred(fixture_files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    gold, pred = fixture_files
    assert 0 == main([str(gold), "--pred", str(pred), "--json"])
    out, err = capsys.readouterr()
    assert EXPECTED_FIXTURE == json.loads(out)
    assert 1 == len(out.splitlines())
    assert "1 gold documents have no prediction" in err


def test_main_table_and_errors(fixture_files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    gold, pred = fixture_files
    assert 0 == main([str(gold), "--pred", str(pred), "--errors", "2"])
    out, _ = capsys.readouterr()
    table, listing = out.split("\n\n" + "spurious | alpha", 1)
    assert format_report(score(fixture_gold(), fixture_pred())) == table
    assert 6 == len(("spurious | alpha" + listing).splitlines())


def test_main_json_sends_errors_to_stderr(fixture_files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    gold, pred = fixture_files
    assert 0 == main([str(gold), "--pred", str(pred), "--json", "--errors", "1"])
    out, err = capsys.readouterr()
    assert EXPECTED_FIXTURE == json.loads(out)
    assert "missed | beta | the audit will finish in June | Ben Okafor | -" in err


def test_main_runs_the_extractor_without_pred(
    fixture_files: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    gold, _ = fixture_files
    assert 0 == main([str(gold), "--json"], extract_record=echo_gold)
    figures = json.loads(capsys.readouterr().out)
    assert {"p": 1.0, "r": 1.0, "f": 1.0} == figures["end_to_end"]


def test_main_scores_a_seeds_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = '"Slow down," said Ida Berg.'
    seed_quote = quote(text, "Slow down,", speaker="Ida Berg", mention="Ida Berg", cue="said")
    write_seed(tmp_path, "040_seed", text, [seed_quote])

    def half_right(doc_id: str, text: str) -> Doc:
        assert text.startswith('"Slow')
        return {
            "doc_id": doc_id,
            "quotes": [dict(seed_quote, speaker="Berg"), {"start": 0, "end": 1}],
        }

    assert 0 == main([str(tmp_path), "--json"], extract_record=half_right)
    figures = json.loads(capsys.readouterr().out)
    assert {"p": 0.5, "r": 1.0, "f": 0.6667} == figures["end_to_end"]


@pytest.mark.parametrize(
    "content",
    ['{"doc_id": "a", "text": "x", "quotes": [}\n', '{"doc_id": "a"}\n', "\udcff"],
    ids=["bad-json", "missing-keys", "not-utf8"],
)
def test_main_rejects_invalid_gold(tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_bytes(content.encode("utf-8", "surrogateescape"))
    assert 2 == main([str(gold), "--pred", str(gold)])
    out, err = capsys.readouterr()
    assert "" == out
    assert 1 == len(err.splitlines())
    assert err.startswith("quoteattr eval: ")
    assert "gold.jsonl" in err


def test_main_rejects_missing_files(
    fixture_files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold, _ = fixture_files
    assert 2 == main([str(tmp_path / "absent.jsonl"), "--pred", str(gold)])
    assert 2 == main([str(gold), "--pred", str(tmp_path / "absent.jsonl")])
    _, err = capsys.readouterr()
    assert 2 == len(err.splitlines())


def test_main_rejects_predictions_beyond_the_text(
    fixture_files: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold, _ = fixture_files
    pred = write_jsonl(tmp_path / "far.jsonl", [{"doc_id": "gamma", "quotes": [
        {"start": 0, "end": 10_000},
    ]}])  # fmt: skip
    assert 2 == main([str(gold), "--pred", str(pred)])
    assert "beyond the gold text" in capsys.readouterr().err


def test_main_rejects_bad_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    assert 2 == main([])
    assert 2 == main(["gold.jsonl", "--errors", "-1"])
    assert "usage: quoteattr eval" in capsys.readouterr().err
