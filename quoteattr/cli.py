"""The ``quoteattr`` command: extract, evaluate, list rules.

    quoteattr FILE... [--format jsonl|json|table]   extract (``-`` reads stdin)
    quoteattr eval GOLD [--pred PRED] [--errors N] [--json]
    quoteattr rules

Data goes to stdout, messages to stderr. Files are read as UTF-8 with
``newline=""`` so that offsets index the file's exact text, "\\r\\n" included.
An unreadable file stops the run with a one-line message and exit status 2.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from quoteattr import __version__, evaluate
from quoteattr.errors import QuoteattrError
from quoteattr.interchange import document_record
from quoteattr.models import Extraction
from quoteattr.pipeline import DEFAULT_MAX_CHARS, Config, Extractor
from quoteattr.rules import EVIDENCE

__all__ = ["main"]


class InputError(QuoteattrError):
    """An input file could not be read."""


def _read(path: str) -> tuple[str, str]:
    """Return ``(doc_id, text)`` of a file, or of stdin for ``-``."""
    if path == "-":
        stream = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8", newline="")
        try:
            return "stdin", stream.read()
        except UnicodeDecodeError as exc:
            raise InputError(f"stdin: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    try:
        with open(path, encoding="utf-8", newline="") as fh:
            return Path(path).stem, fh.read()
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise InputError(f"{path}: {exc.strerror or exc}") from exc


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def format_table(doc_id: str, extraction: Extraction) -> Iterator[str]:
    """Yield the rows people read: one quotation a row."""
    for a in extraction:
        speaker = a.speaker.name if a.speaker is not None else "?"
        cue = a.cue.text if a.cue is not None else "-"
        yield (
            f"{_shorten(doc_id, 20):20}  {a.quote.kind.value:8}  {_shorten(speaker, 28):28}  "
            f"{_shorten(cue, 12):12}  {a.confidence:4.2f}  {_shorten(a.quote.text, 70)}"
        )


def _extract_command(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="quoteattr",
        description="Find who said what in English news text. "
        "Other commands: `quoteattr eval --help`, `quoteattr rules`.",
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="text files to read; - for stdin")
    parser.add_argument("--format", choices=("jsonl", "json", "table"), default="jsonl")
    parser.add_argument("--no-text", action="store_true", help="leave the document text out of jsonl/json")
    parser.add_argument("--all", action="store_true", help="also report scare quotes and titles")
    parser.add_argument("--cognition", action="store_true", help="also count belief and intention verbs as cues")
    parser.add_argument("--max-chars", type=int, default=DEFAULT_MAX_CHARS, help="refuse longer documents")
    parser.add_argument("--version", action="version", version=f"quoteattr {__version__}")
    args = parser.parse_args(argv)
    try:
        extractor = Extractor(Config(max_chars=args.max_chars, keep_aside=args.all, cognition=args.cognition))
    except QuoteattrError as exc:
        print(f"quoteattr: {exc}", file=sys.stderr)
        return 2
    out: TextIO = sys.stdout
    collected: list[dict[str, Any]] = []
    header = args.format == "table"
    for path in args.files:
        try:
            doc_id, text = _read(path)
            extraction = extractor.extract(text)
        except QuoteattrError as exc:
            print(f"quoteattr: {exc}", file=sys.stderr)
            return 2
        if args.format == "table":
            if header:  # written once the first document has been read
                out.write(f"{'document':20}  {'kind':8}  {'speaker':28}  {'cue':12}  conf  quote\n")
                header = False
            for row in format_table(doc_id, extraction):
                out.write(row + "\n")
            continue
        record = document_record(doc_id, text, extraction, with_text=not args.no_text)
        if args.format == "jsonl":
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:
            collected.append(record)
    if args.format == "json":
        out.write(json.dumps(collected, ensure_ascii=False, indent=2) + "\n")
    return 0


def _rules_command(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(prog="quoteattr rules", description="List the extraction rules.")
    parser.parse_args(argv)
    for rule in Config().rules.all():
        print(f"{rule.name:36} {rule.priority:4}  {rule.description}")
    print("\nother names in Attribution.rules:")
    for name, description in EVIDENCE.items():
        print(f"{name:36}       {description}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] == "eval":
            return evaluate.main(args[1:])
        if args and args[0] == "rules":
            return _rules_command(args[1:])
        return _extract_command(args)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
