"""The ``quoteattr`` command: extract to JSON Lines, JSON or a table; errors as exit status 2."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from quoteattr.cli import main

TEXT = '"We will not back down," Ann Lee said.\n\nShe said the port would reopen in May.\n'
QUOTE_KEYS = {"start", "end", "kind", "speaker", "speaker_start", "speaker_end", "cue", "cue_start", "cue_end"}


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    with open(path, "w", encoding="utf-8", newline="") as fh:
        fh.write(text)
    return path


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as fh:
        return fh.read()


def _flat(quote: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(
        quote[k]
        for k in ("start", "end", "kind", "speaker", "speaker_start", "speaker_end", "cue", "cue_start", "cue_end")
    )


def _check_offsets(text: str, record: dict[str, Any]) -> None:
    """Every offset in a record slices the document text exactly."""
    for q in record["quotes"]:
        assert QUOTE_KEYS <= set(q)
        assert q["text"] == text[q["start"] : q["end"]]
        if q["cue"] is not None:
            assert q["cue"] == text[q["cue_start"] : q["cue_end"]]
        if q["speaker_start"] is not None:
            assert q["mention"] == text[q["speaker_start"] : q["speaker_end"]]


EXPECTED_QUOTES = [
    (1, 23, "direct", "Ann Lee", 25, 32, "said", 33, 37),
    (49, 77, "indirect", "Ann Lee", 40, 43, "said", 44, 48),
]


def test_jsonl_one_line_per_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = _write(tmp_path, "first.txt", TEXT)
    second = _write(tmp_path, "second.txt", 'Nothing quoted here.\n"Fine," said Bo Chan.')
    assert 0 == main([str(first), str(second)])
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert ("", 2) == (err, len(records))
    assert [("first", "quoteattr", TEXT), ("second", "quoteattr", _read(second))] == [
        (r["doc_id"], r["source"], r["text"]) for r in records
    ]
    assert [{"doc_id", "source", "text", "quotes", "speakers"}] * 2 == [set(r) for r in records]
    assert EXPECTED_QUOTES == [_flat(q) for q in records[0]["quotes"]]
    assert [(22, 27, "direct", "Bo Chan", 34, 41, "said", 29, 33)] == [_flat(q) for q in records[1]["quotes"]]
    assert [["Ann Lee"], ["Bo Chan"]] == [r["speakers"] for r in records]
    for path, record in zip((first, second), records, strict=True):
        _check_offsets(_read(path), record)


def test_json_is_one_list(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first = _write(tmp_path, "first.txt", TEXT)
    assert 0 == main(["--format", "json", str(first), str(first)])
    out, _ = capsys.readouterr()
    data = json.loads(out)
    assert [("first", EXPECTED_QUOTES)] * 2 == [(r["doc_id"], [_flat(q) for q in r["quotes"]]) for r in data]


def test_jsonl_without_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "first.txt", TEXT)
    assert 0 == main(["--no-text", str(path)])
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert ({"doc_id", "source", "quotes", "speakers"}, EXPECTED_QUOTES) == (
        set(record),
        [_flat(q) for q in record["quotes"]],
    )


def test_table_has_a_header_and_one_row_per_quote(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "first.txt", TEXT)
    assert 0 == main(["--format", "table", str(path)])
    out, err = capsys.readouterr()
    assert "" == err
    assert [
        "document              kind      speaker                       cue           conf  quote",
        "first                 direct    Ann Lee                       said          0.95  We will not back down,",
        "first                 indirect  Ann Lee                       said          0.64  the port would reopen in May",
    ] == out.splitlines()


def test_crlf_file_keeps_offsets_exact(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = TEXT.replace("\n", "\r\n")
    path = _write(tmp_path, "crlf.txt", text)
    assert 0 == main([str(path)])
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert (text, text) == (record["text"], _read(path))
    assert [
        (1, 23, "direct", "Ann Lee", 25, 32, "said", 33, 37),
        (51, 79, "indirect", "Ann Lee", 42, 45, "said", 46, 50),
    ] == [_flat(q) for q in record["quotes"]]
    _check_offsets(text, record)


def test_stdin_through_a_real_subprocess() -> None:
    text = "\u201cWe won,\u201d said Bo\u00a0Chan.\r\n"
    proc = subprocess.run(
        [sys.executable, "-m", "quoteattr", "-"],
        input=text.encode("utf-8"),
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert (0, b"") == (proc.returncode, proc.stderr)
    (record,) = [json.loads(line) for line in proc.stdout.decode("utf-8").splitlines()]
    assert ("stdin", text) == (record["doc_id"], record["text"])
    assert [(1, 8, "direct", "Bo Chan", 15, 22, "said", 10, 14)] == [_flat(q) for q in record["quotes"]]
    assert "Bo\u00a0Chan" == record["quotes"][0]["mention"]
    _check_offsets(text, record)


def test_stdin_in_process(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b'"We won," said Bo Chan.\r\n')))
    assert 0 == main(["-"])
    (record,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert ("stdin", [(1, 8, "direct", "Bo Chan", 15, 22, "said", 10, 14)]) == (
        record["doc_id"],
        [_flat(q) for q in record["quotes"]],
    )


def test_invalid_utf8_on_stdin_exits_2(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"caf\xe9 said no")))
    assert 2 == main(["-"])
    out, err = capsys.readouterr()
    assert ("", ["quoteattr: stdin: not UTF-8 text (invalid continuation byte at byte 3)"]) == (out, err.splitlines())


@pytest.mark.parametrize(
    "fmt",
    [
        pytest.param("jsonl", id="jsonl"),
        pytest.param("json", id="json"),
        pytest.param("table", id="table"),
    ],
)
def test_unreadable_path_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    missing = tmp_path / "missing.txt"
    assert 2 == main(["--format", fmt, str(missing)])
    out, err = capsys.readouterr()
    assert ("", [f"quoteattr: {missing}: No such file or directory"]) == (out, err.splitlines())


def test_directory_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert 2 == main([str(tmp_path)])
    out, err = capsys.readouterr()
    assert ("", [f"quoteattr: {tmp_path}: Is a directory"]) == (out, err.splitlines())


def test_invalid_utf8_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Ann Lee said the caf\u00e9 was shut.".encode("latin-1"))
    assert 2 == main([str(path)])
    out, err = capsys.readouterr()
    assert ("", [f"quoteattr: {path}: not UTF-8 text (invalid continuation byte at byte 20)"]) == (
        out,
        err.splitlines(),
    )


def test_max_chars_exits_2_with_a_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "first.txt", TEXT)
    assert 2 == main(["--max-chars", "10", str(path)])
    out, err = capsys.readouterr()
    assert (
        "",
        [
            f"quoteattr: document has {len(TEXT)} characters, more than the limit of 10 "
            "(raise Config.max_chars to allow it)"
        ],
    ) == (out, err.splitlines())


def test_max_chars_zero_is_a_config_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _write(tmp_path, "first.txt", TEXT)
    assert 2 == main(["--max-chars", "0", str(path)])
    out, err = capsys.readouterr()
    assert ("", ["quoteattr: max_chars must be positive, not 0"]) == (out, err.splitlines())


def test_rules_command_exits_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert 0 == main(["rules"])
    out, err = capsys.readouterr()
    assert ("", True) == (err, "direct.after_quote" in out.split())


def test_rules_command_through_a_real_subprocess() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "quoteattr", "rules"], capture_output=True, timeout=120, check=False, text=True
    )
    assert (0, "") == (proc.returncode, proc.stderr)
    assert "speaker.name" in proc.stdout.split()


def test_no_arguments_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main([])
    out, err = capsys.readouterr()
    assert (2, "", "usage: quoteattr") == (exc.value.code, out, err[:16])
