"""Score quote attributions against gold data: the ``quoteattr eval`` command.

Gold and predictions use the JSON Lines interchange format described in
``docs/evaluation.md``: one document a line, with character offsets into the
document's exact text. The scoring rules are those of the shared reference
scorer (``../shared/eval/score.py``) and give the same figures, rounded the
same way, so results from either can be compared:

- detection: a prediction matches a gold quote when their spans overlap by at
  least half the longer span (a gold quote's ``alt_spans`` count too), one to
  one, greedily by overlap ratio;
- optional gold quotes neither reward nor punish;
- speaker: normalised names agree (token subset either way) or the speaker
  mention spans overlap;
- end to end: a detection match whose speaker is correct.

This module depends on nothing else in quoteattr except, lazily, on
``quoteattr.extract`` when ``eval`` runs without ``--pred``.
"""

from __future__ import annotations

import argparse
import enum
import importlib
import json
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO, TypeGuard

import attrs

__all__ = [
    "KINDS",
    "ByKind",
    "Counts",
    "ErrorCase",
    "ErrorType",
    "EvaluationError",
    "ExtractRecord",
    "Report",
    "Scores",
    "format_errors",
    "format_report",
    "load_gold",
    "load_jsonl",
    "load_seed_gold",
    "main",
    "predict_documents",
    "score",
]

Document = dict[str, Any]
"""One interchange-format document, as parsed from JSON."""

Quote = dict[str, Any]
"""One quote object of a document's ``quotes`` list."""

ExtractRecord = Callable[[str, str], Document]
"""``extract_record(doc_id, text)`` returns one interchange-format document."""

KINDS: tuple[str, ...] = ("direct", "indirect", "mixed")
"""Quote kinds, in the order the scores report them."""

MIN_MATCH_RATIO = 0.5
"""Least overlap, as a share of the longer span, for a detection match."""

ERROR_TEXT_CHARS = 80
"""Characters of quote text kept in an :class:`ErrorCase`."""

# Words ignored when comparing speaker names: determiners, titles, roles.
# Kept identical to score.py's DROP. "u.s." can never match, because the
# tokeniser below drops a token's final period; score.py behaves the same way.
DROP_WORDS = frozenset(
    {
        "the", "a", "an", "mr", "mrs", "ms", "miss", "dr", "prof", "president",
        "rep", "sen", "senator", "representative", "gov", "governor",
        "secretary", "minister", "chancellor", "spokesman", "spokeswoman",
        "spokesperson", "sir", "lord", "lady", "gen", "general", "former", "us",
        "u.s.",
    }
)  # fmt: skip

# Stdlib ``re`` on purpose, not ``regex``: its \w is the one score.py uses.
POSSESSIVE = re.compile(r"'s\b")
NAME_TOKEN = re.compile(r"[\w@]+(?:\.\w+)*")

SPAN_KEYS = (
    ("start", "end"),
    ("speaker_start", "speaker_end"),
    ("cue_start", "cue_end"),
)


class EvaluationError(ValueError):
    """Raise when gold or prediction data cannot be read or has the wrong shape."""


class ErrorType(enum.StrEnum):
    """Say what went wrong in one :class:`ErrorCase`."""

    MISSED = "missed"
    SPURIOUS = "spurious"
    SPEAKER = "speaker"


@attrs.frozen(kw_only=True)
class ErrorCase:
    """One scoring error, for reading alongside the figures.

    ``text`` is the first 80 characters of the gold quote (missed, speaker) or
    of the predicted span (spurious), sliced from the gold document's text.
    """

    type: ErrorType
    doc_id: str
    text: str
    gold_speaker: str | None
    predicted_speaker: str | None


@attrs.frozen(kw_only=True)
class Scores:
    """Precision, recall and F1, each rounded to 4 decimals."""

    precision: float
    recall: float
    f1: float

    def to_dict(self) -> dict[str, float]:
        """Return the ``{"p", "r", "f"}`` dict score.py prints."""
        return {"p": self.precision, "r": self.recall, "f": self.f1}


@attrs.frozen(kw_only=True)
class ByKind:
    """One figure per quote kind; ``None`` when the gold has no quote of that kind."""

    direct: float | None = None
    indirect: float | None = None
    mixed: float | None = None

    def to_dict(self) -> dict[str, float]:
        """Return the kinds that have a figure, in :data:`KINDS` order."""
        values = {"direct": self.direct, "indirect": self.indirect, "mixed": self.mixed}
        return {kind: value for kind, value in values.items() if value is not None}


@attrs.frozen(kw_only=True)
class Counts:
    """Raw counts behind a :class:`Report`.

    ``tp``/``fp``/``fn`` are detection counts over required gold quotes;
    ``optional_matched`` counts predictions matched to optional gold quotes
    (neither true nor false positives). The ``*_by_kind`` maps hold the kinds
    seen in required gold quotes.
    """

    documents: int
    missing_predictions: int
    ignored_predictions: int
    tp: int
    fp: int
    fn: int
    optional_matched: int
    exact: int
    speaker_ok: int
    cue_ok: int
    e2e_tp: int
    gold_by_kind: Mapping[str, int] = attrs.field(factory=dict, hash=False)
    tp_by_kind: Mapping[str, int] = attrs.field(factory=dict, hash=False)
    e2e_by_kind: Mapping[str, int] = attrs.field(factory=dict, hash=False)


@attrs.frozen(kw_only=True)
class Report:
    """Figures of one evaluation, equal to those of the reference score.py."""

    gold_required: int
    predicted: int
    detection: Scores
    exact_span_of_matched: float
    speaker_acc_on_matched: float
    cue_acc_on_matched: float
    end_to_end: Scores
    recall_by_kind: ByKind
    e2e_recall_by_kind: ByKind
    counts: Counts
    errors: tuple[ErrorCase, ...] = ()

    def to_dict(self) -> dict[str, object]:
        """Return exactly the result dict of score.py (same keys, order and values)."""
        return {
            "gold_required": self.gold_required,
            "predicted": self.predicted,
            "detection": self.detection.to_dict(),
            "exact_span_of_matched": self.exact_span_of_matched,
            "speaker_acc_on_matched": self.speaker_acc_on_matched,
            "cue_acc_on_matched": self.cue_acc_on_matched,
            "end_to_end": self.end_to_end.to_dict(),
            "recall_by_kind": self.recall_by_kind.to_dict(),
            "e2e_recall_by_kind": self.e2e_recall_by_kind.to_dict(),
        }


# ---------------------------------------------------------------- validation


def is_int(value: object) -> TypeGuard[int]:
    """Return whether a JSON value is an integer (``true`` is not).

    >>> is_int(3), is_int(3.0), is_int(True)
    (True, False, False)
    """
    return isinstance(value, int) and not isinstance(value, bool)


def problem_in_quote(quote: object, text: str | None, *, gold: bool) -> str | None:
    """Describe what is wrong with one quote object, or return ``None``.

    ``text`` is the document text when known: spans must then lie inside it.
    Gold quotes also need a ``kind`` unless they are optional.

    >>> problem_in_quote({"start": 4, "end": 2}, None, gold=False)
    'quote start 4 is after end 2'
    """
    if not isinstance(quote, dict):
        return "quote is not a JSON object"
    for key in ("start", "end"):
        if key not in quote:
            return f"quote has no {key!r}"
    for start_key, end_key in SPAN_KEYS:
        problem = problem_in_span(quote, start_key, end_key, text)
        if problem:
            return problem
    for key in ("speaker", "cue"):
        if quote.get(key) is not None and not isinstance(quote[key], str):
            return f"quote {key!r} is neither a string nor null"
    if gold and not quote.get("optional") and "kind" not in quote:
        return "gold quote has no 'kind'"
    if gold and "kind" in quote and quote["kind"] not in KINDS:
        return f"quote kind {quote['kind']!r} is not one of {', '.join(KINDS)}"
    return problem_in_alternatives(quote)


def problem_in_span(quote: Quote, start_key: str, end_key: str, text: str | None) -> str | None:
    """Describe what is wrong with one of a quote's spans, or return ``None``."""
    start, end = quote.get(start_key), quote.get(end_key)
    if start is None and end is None:
        return None
    if not (is_int(start) and is_int(end)):
        return f"quote {start_key!r}/{end_key!r} are not both integers"
    if start < 0:
        return f"quote {start_key} {start} is negative"
    if start > end:
        return f"quote {start_key} {start} is after {end_key} {end}"
    if text is not None and end > len(text):
        return f"quote {end_key!r} {end} is beyond the text ({len(text)} characters)"
    return None


def is_offset_pair(value: object) -> bool:
    """Return whether a JSON value is a ``[start, end]`` pair of ordered integers.

    >>> is_offset_pair([3, 9]), is_offset_pair([9, 3]), is_offset_pair((3, 9))
    (True, False, False)
    """
    if not (isinstance(value, list) and len(value) == 2):
        return False
    start, end = value
    return is_int(start) and is_int(end) and 0 <= start <= end


def problem_in_alternatives(quote: Quote) -> str | None:
    """Describe what is wrong with the quote's alternatives, or return ``None``."""
    alt_spans = quote.get("alt_spans", [])
    if not (isinstance(alt_spans, list) and all(is_offset_pair(span) for span in alt_spans)):
        return "quote 'alt_spans' is not a list of [start, end] integer pairs"
    speaker_alts = quote.get("speaker_alts", [])
    if not (isinstance(speaker_alts, list) and all(isinstance(s, str) for s in speaker_alts)):
        return "quote 'speaker_alts' is not a list of strings"
    return None


def problem_in_document(document: object, *, gold: bool) -> str | None:
    """Describe what is wrong with one interchange document, or return ``None``.

    Gold documents need ``text`` and ``quotes``; predictions need only
    ``doc_id`` (a missing ``quotes`` means no quotes, as in score.py).

    >>> problem_in_document({"doc_id": "a", "quotes": []}, gold=True)
    "document has no 'text'"
    """
    if not isinstance(document, dict):
        return "line is not a JSON object"
    if not isinstance(document.get("doc_id"), str):
        return "document has no string 'doc_id'"
    text = document.get("text")
    if gold and not isinstance(text, str):
        return "document has no 'text'"
    if gold and "quotes" not in document:
        return "document has no 'quotes'"
    quotes = document.get("quotes", [])
    if not isinstance(quotes, list):
        return "document 'quotes' is not a list"
    for index, quote in enumerate(quotes):
        problem = problem_in_quote(quote, text if gold else None, gold=gold)
        if problem:
            return f"quotes[{index}]: {problem}"
    return None


# ------------------------------------------------------------------- loading


def read_json_lines(path: Path) -> Iterator[tuple[int, object]]:
    """Yield ``(line number, parsed value)`` for each non-blank line of a file.

    Raises:
        EvaluationError: the file cannot be read, or a line is not JSON.

    """
    try:
        with path.open(encoding="utf-8") as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    yield number, json.loads(line)
                except json.JSONDecodeError as exc:
                    message = f"{path}:{number}: invalid JSON: {exc.msg} (column {exc.colno})"
                    raise EvaluationError(message) from exc
    except OSError as exc:
        raise EvaluationError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise EvaluationError(f"{path}: not UTF-8 text: {exc.reason}") from exc


def load_jsonl(path: str | Path, *, gold: bool = False) -> list[Document]:
    """Read interchange-format documents from a JSON Lines file.

    Blank lines are skipped. ``gold=True`` also requires each document's
    ``text`` and ``quotes``, and each quote's ``kind``.

    Raises:
        EvaluationError: with file and line number, on bad JSON, a missing or
            mistyped key, or a ``doc_id`` used twice.

    """
    path = Path(path)
    documents: list[Document] = []
    first_line: dict[str, int] = {}
    for number, document in read_json_lines(path):
        problem = problem_in_document(document, gold=gold)
        if problem:
            raise EvaluationError(f"{path}:{number}: {problem}")
        assert isinstance(document, dict)  # checked by problem_in_document
        doc_id = document["doc_id"]
        if doc_id in first_line:
            message = f"doc_id {doc_id!r} already used on line {first_line[doc_id]}"
            raise EvaluationError(f"{path}:{number}: {message}")
        first_line[doc_id] = number
        documents.append(document)
    return documents


def load_seed_quotes(path: Path, text: str) -> list[Quote]:
    """Read one seed's ``<id>.expected.jsonl``: one gold quote object a line.

    A quote's optional ``text`` must equal the slice its offsets give.
    """
    quotes: list[Quote] = []
    for number, quote in read_json_lines(path):
        problem = problem_in_quote(quote, text, gold=True)
        if problem:
            raise EvaluationError(f"{path}:{number}: {problem}")
        assert isinstance(quote, dict)  # checked by problem_in_quote
        quoted = quote.get("text")
        if quoted is not None and quoted != text[quote["start"] : quote["end"]]:
            sliced = text[quote["start"] : quote["end"]]
            message = f"quote text {quoted!r} differs from text[start:end] {sliced!r}"
            raise EvaluationError(f"{path}:{number}: {message}")
        quotes.append(quote)
    return quotes


def load_seed_gold(directory: str | Path) -> list[Document]:
    """Build gold documents from a seeds directory.

    Each ``<id>.expected.jsonl`` (one quote a line) pairs with ``<id>.txt``,
    read as UTF-8 with newlines kept as they are, since offsets index into the
    exact text. The document's ``doc_id`` is ``<id>`` and its ``source`` is
    ``"seeds"``. A ``.txt`` without an expected file is not annotated yet and
    is left out.

    Raises:
        EvaluationError: no expected file, an expected file without its text,
            or an invalid quote.

    """
    directory = Path(directory)
    suffix = ".expected.jsonl"
    expected_paths = sorted(directory.glob(f"*{suffix}"))
    if not expected_paths:
        raise EvaluationError(f"{directory}: no *{suffix} files")
    documents: list[Document] = []
    for expected_path in expected_paths:
        doc_id = expected_path.name.removesuffix(suffix)
        text_path = directory / f"{doc_id}.txt"
        try:
            with text_path.open(encoding="utf-8", newline="") as handle:
                text = handle.read()
        except OSError as exc:
            raise EvaluationError(f"{text_path}: cannot read: {exc.strerror or exc}") from exc
        except UnicodeDecodeError as exc:
            raise EvaluationError(f"{text_path}: not UTF-8 text: {exc.reason}") from exc
        quotes = load_seed_quotes(expected_path, text)
        documents.append({"doc_id": doc_id, "source": "seeds", "text": text, "quotes": quotes})
    return documents


def load_gold(path: str | Path) -> list[Document]:
    """Load gold from a JSON Lines file or from a seeds directory."""
    path = Path(path)
    if path.is_dir():
        return load_seed_gold(path)
    return load_jsonl(path, gold=True)


# ------------------------------------------------------------------- scoring


def name_tokens(name: str | None) -> frozenset[str]:
    """Return the comparable words of a speaker name.

    Casefolds, drops possessive 's, titles and determiners.

    >>> sorted(name_tokens("Mr. Ann Lee's"))
    ['ann', 'lee']
    >>> sorted(name_tokens("the U.S. State Department"))
    ['department', 'state', 'u.s']
    """
    if not name:
        return frozenset()
    name = POSSESSIVE.sub("", name.casefold().replace("\u2019", "'"))
    return frozenset(word for word in NAME_TOKEN.findall(name) if word not in DROP_WORDS)


def names_agree(predicted: str | None, golds: Iterable[str]) -> bool:
    """Return whether a predicted name's words are a subset or superset of a gold one's.

    >>> names_agree("Lee", ["Ann Lee"]), names_agree("Carl Ross", ["Ross"])
    (True, True)
    >>> names_agree("Ross", ["Ann Lee", "the spokesman"])
    False
    """
    predicted_words = name_tokens(predicted)
    if not predicted_words:
        return False
    for gold in golds:
        gold_words = name_tokens(gold)
        if gold_words and (predicted_words <= gold_words or gold_words <= predicted_words):
            return True
    return False


def overlap_length(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Return how many characters two spans share.

    >>> overlap_length(0, 10, 5, 20), overlap_length(0, 5, 5, 9)
    (5, 0)
    """
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def spans_overlap(a_start: int | None, a_end: int | None, b_start: int | None, b_end: int | None) -> bool:
    """Return whether two spans share a character; a missing offset means no.

    >>> spans_overlap(0, 3, 2, 4), spans_overlap(0, 3, None, None)
    (True, False)
    """
    if a_start is None or a_end is None or b_start is None or b_end is None:
        return False
    return overlap_length(a_start, a_end, b_start, b_end) > 0


def gold_spans(gold: Quote) -> list[tuple[int, int]]:
    """Return a gold quote's span followed by its ``alt_spans``."""
    return [(gold["start"], gold["end"])] + [(s, e) for s, e in gold.get("alt_spans", [])]


def match_ratio(predicted: Quote, gold: Quote) -> float:
    """Return a prediction's best overlap with a gold quote, over the longer span.

    Every gold span counts: the quote's own and its ``alt_spans``.

    >>> match_ratio({"start": 0, "end": 6}, {"start": 0, "end": 10})
    0.6
    >>> gold = {"start": 0, "end": 30, "alt_spans": [[20, 25]]}
    >>> match_ratio({"start": 20, "end": 24}, gold)
    0.8
    """
    best = 0.0
    for start, end in gold_spans(gold):
        longer = max(end - start, predicted["end"] - predicted["start"], 1)
        best = max(
            best,
            overlap_length(predicted["start"], predicted["end"], start, end) / longer,
        )
    return best


def is_speaker_correct(predicted: Quote, gold: Quote) -> bool:
    """Return whether a matched prediction names the gold speaker.

    A null gold speaker needs a null prediction. Otherwise the names must
    agree (``speaker_alts`` accepted too) or the mention spans overlap.

    >>> gold = {"speaker": "Ana Ruiz", "speaker_start": 5, "speaker_end": 7}
    >>> pred = {"speaker": "he", "speaker_start": 5, "speaker_end": 7}
    >>> is_speaker_correct(pred, gold)
    True
    """
    if gold.get("speaker") is None:
        return predicted.get("speaker") is None
    golds = [gold["speaker"], *gold.get("speaker_alts", [])]
    if names_agree(predicted.get("speaker"), golds):
        return True
    return spans_overlap(
        predicted.get("speaker_start"),
        predicted.get("speaker_end"),
        gold.get("speaker_start"),
        gold.get("speaker_end"),
    )


def is_cue_correct(predicted: Quote, gold: Quote) -> bool:
    """Return whether a matched prediction found the gold cue.

    A null gold cue needs a null prediction; otherwise the cue spans overlap
    or the cue strings are equal, casefolded and stripped.

    >>> is_cue_correct({"cue": "Said"}, {"cue": "said", "cue_start": 3, "cue_end": 7})
    True
    """
    if gold.get("cue") is None:
        return predicted.get("cue") is None
    if spans_overlap(
        predicted.get("cue_start"),
        predicted.get("cue_end"),
        gold.get("cue_start"),
        gold.get("cue_end"),
    ):
        return True
    return bool((predicted.get("cue") or "").casefold().strip() == gold["cue"].casefold().strip())


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Narrow a span until it starts and ends with a letter or digit.

    >>> strip_span('He said: "Go."', 9, 14)
    (10, 12)
    """
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def match_quotes(golds: Sequence[Quote], preds: Sequence[Quote]) -> list[tuple[int, int]]:
    """Pair gold and predicted quotes one to one, greedily by overlap ratio.

    Returns ``(gold index, prediction index)`` pairs in the order they were
    taken. Equal ratios go to the later gold, then the later prediction: that
    is score.py's order (it sorts ``(ratio, gold, pred)`` tuples in reverse),
    and it changes which prediction is matched when two tie.

    >>> quote = {"start": 0, "end": 10}
    >>> match_quotes([quote], [quote, quote])
    [(0, 1)]
    """
    candidates = []
    for gold_index, gold in enumerate(golds):
        for pred_index, pred in enumerate(preds):
            ratio = match_ratio(pred, gold)
            if ratio >= MIN_MATCH_RATIO:
                candidates.append((ratio, gold_index, pred_index))
    candidates.sort(reverse=True)
    used_golds: set[int] = set()
    used_preds: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, gold_index, pred_index in candidates:
        if gold_index in used_golds or pred_index in used_preds:
            continue
        used_golds.add(gold_index)
        used_preds.add(pred_index)
        pairs.append((gold_index, pred_index))
    return pairs


def score_document(gold: Document, prediction: Document | None) -> tuple[Counter[str], list[ErrorCase]]:
    """Count one document's matches and list its errors.

    Counter keys: ``tp``, ``fp``, ``fn``, ``optional_matched``, ``exact``,
    ``speaker_ok``, ``cue_ok``, ``e2e_tp``, and ``gold_<kind>``, ``tp_<kind>``,
    ``e2e_<kind>`` per kind. Errors come in score.py's order: wrong speakers
    (in matching order), then missed, then spurious quotes.
    """
    doc_id, text, golds = gold["doc_id"], gold["text"], gold["quotes"]
    preds: list[Quote] = prediction.get("quotes", []) if prediction else []
    for index, pred in enumerate(preds):
        if pred["end"] > len(text):
            message = f"prediction {doc_id!r} quotes[{index}] ends at {pred['end']}"
            raise EvaluationError(f"{message}, beyond the gold text ({len(text)} characters)")
    tally: Counter[str] = Counter()
    errors: list[ErrorCase] = []
    pairs = match_quotes(golds, preds)
    for gold_index, pred_index in pairs:
        gold_quote, pred = golds[gold_index], preds[pred_index]
        if gold_quote.get("optional"):
            tally["optional_matched"] += 1
            continue
        kind = gold_quote["kind"]
        speaker_ok = is_speaker_correct(pred, gold_quote)
        exact = strip_span(text, pred["start"], pred["end"]) == strip_span(text, gold_quote["start"], gold_quote["end"])
        tally.update(
            {
                "tp": 1,
                f"tp_{kind}": 1,
                "speaker_ok": int(speaker_ok),
                "e2e_tp": int(speaker_ok),
                f"e2e_{kind}": int(speaker_ok),
                "cue_ok": int(is_cue_correct(pred, gold_quote)),
                "exact": int(exact),
            }
        )
        if not speaker_ok:
            errors.append(make_error(ErrorType.SPEAKER, gold, gold_quote, gold=gold_quote, pred=pred))
    matched_golds = {gold_index for gold_index, _ in pairs}
    matched_preds = {pred_index for _, pred_index in pairs}
    for gold_index, gold_quote in enumerate(golds):
        if gold_quote.get("optional"):
            continue
        tally[f"gold_{gold_quote['kind']}"] += 1
        if gold_index not in matched_golds:
            tally["fn"] += 1
            errors.append(make_error(ErrorType.MISSED, gold, gold_quote, gold=gold_quote))
    for pred_index, pred in enumerate(preds):
        if pred_index not in matched_preds:
            tally["fp"] += 1
            errors.append(make_error(ErrorType.SPURIOUS, gold, pred, pred=pred))
    return tally, errors


def make_error(
    error_type: ErrorType,
    document: Document,
    quoted: Quote,
    *,
    gold: Quote | None = None,
    pred: Quote | None = None,
) -> ErrorCase:
    """Build an :class:`ErrorCase` quoting the ``quoted`` span of the gold text."""
    return ErrorCase(
        type=error_type,
        doc_id=document["doc_id"],
        text=document["text"][quoted["start"] : quoted["end"]][:ERROR_TEXT_CHARS],
        gold_speaker=gold.get("speaker") if gold else None,
        predicted_speaker=pred.get("speaker") if pred else None,
    )


def prf(tp: int, fp: int, fn: int) -> Scores:
    """Compute precision, recall and F1, rounded to 4 decimals as score.py does.

    >>> prf(3, 1, 2)
    Scores(precision=0.75, recall=0.6, f1=0.6667)
    """
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(precision=round(precision, 4), recall=round(recall, 4), f1=round(f1, 4))


def share(part: int, whole: int) -> float:
    """Return ``part / whole`` rounded to 4 decimals, or 0.0 when ``whole`` is 0."""
    return round(part / whole, 4) if whole else 0.0


def recall_by_kind(tally: Counter[str], prefix: str) -> ByKind:
    """Return ``<prefix><kind>`` over ``gold_<kind>`` for each kind the gold has."""
    values = {
        kind: round(tally[f"{prefix}{kind}"] / tally[f"gold_{kind}"], 4) for kind in KINDS if tally[f"gold_{kind}"]
    }
    return ByKind(**values)


def counts_by_kind(tally: Counter[str], prefix: str) -> dict[str, int]:
    """Return the ``<prefix><kind>`` counts of every kind in :data:`KINDS`."""
    return {kind: tally[f"{prefix}{kind}"] for kind in KINDS}


def score(gold_docs: Iterable[Document], pred_docs: Iterable[Document]) -> Report:
    """Score predicted documents against gold documents.

    Predictions are looked up by ``doc_id``; a gold document without one has
    every required quote missed, and predicted documents absent from the gold
    are ignored (both as in score.py; :class:`Counts` says how many).

    Raises:
        EvaluationError: a predicted span lies beyond its gold document's text.

    """
    predictions = {document["doc_id"]: document for document in pred_docs}
    tally: Counter[str] = Counter()
    errors: list[ErrorCase] = []
    gold_ids: set[str] = set()
    for gold in gold_docs:
        gold_ids.add(gold["doc_id"])
        tally["documents"] += 1
        tally["missing_predictions"] += gold["doc_id"] not in predictions
        doc_tally, doc_errors = score_document(gold, predictions.get(gold["doc_id"]))
        tally.update(doc_tally)
        errors.extend(doc_errors)
    return build_report(tally, errors, ignored=len(predictions.keys() - gold_ids))


def build_report(tally: Counter[str], errors: Sequence[ErrorCase], *, ignored: int) -> Report:
    """Turn summed counts into the figures of a :class:`Report`."""
    tp, fp, fn, e2e_tp = tally["tp"], tally["fp"], tally["fn"], tally["e2e_tp"]
    counts = Counts(
        documents=tally["documents"],
        missing_predictions=tally["missing_predictions"],
        ignored_predictions=ignored,
        tp=tp,
        fp=fp,
        fn=fn,
        optional_matched=tally["optional_matched"],
        exact=tally["exact"],
        speaker_ok=tally["speaker_ok"],
        cue_ok=tally["cue_ok"],
        e2e_tp=e2e_tp,
        gold_by_kind=counts_by_kind(tally, "gold_"),
        tp_by_kind=counts_by_kind(tally, "tp_"),
        e2e_by_kind=counts_by_kind(tally, "e2e_"),
    )
    return Report(
        gold_required=tp + fn,
        predicted=tp + fp,
        detection=prf(tp, fp, fn),
        exact_span_of_matched=share(tally["exact"], tp),
        speaker_acc_on_matched=share(tally["speaker_ok"], tp),
        cue_acc_on_matched=share(tally["cue_ok"], tp),
        # A matched quote with the wrong speaker is both a false positive and
        # a false negative end to end.
        end_to_end=prf(e2e_tp, tp + fp - e2e_tp, tp + fn - e2e_tp),
        recall_by_kind=recall_by_kind(tally, "tp_"),
        e2e_recall_by_kind=recall_by_kind(tally, "e2e_"),
        counts=counts,
        errors=tuple(errors),
    )


# ---------------------------------------------------------------- prediction


def format_progress(done: int, total: int, size: int) -> str:
    r"""Render the progress line: documents done and megabytes of text read.

    >>> format_progress(12, 84, 300_000)
    '\r eval 12/84 docs  0.3 MB'
    """
    return f"\r eval {done}/{total} docs {size / 1e6:4.1f} MB"


def predict_documents(
    gold_docs: Sequence[Document],
    extract_record: ExtractRecord,
    progress: bool = True,
    *,
    stream: TextIO | None = None,
) -> list[Document]:
    """Run ``extract_record(doc_id, text)`` over the gold documents' texts.

    The progress line goes to ``stream`` (stderr by default), and only when
    it is a terminal, so logs and pipes stay clean.

    Raises:
        EvaluationError: ``extract_record`` returned something that is not a
            prediction document for the ``doc_id`` it was given.

    """
    stream = sys.stderr if stream is None else stream
    show = progress and stream.isatty()
    predictions: list[Document] = []
    size = 0
    for done, gold in enumerate(gold_docs, start=1):
        doc_id, text = gold["doc_id"], gold["text"]
        record = extract_record(doc_id, text)
        problem = problem_in_document(record, gold=False)
        if problem is None and record["doc_id"] != doc_id:
            problem = f"its doc_id is {record['doc_id']!r}"
        if problem:
            raise EvaluationError(f"extract_record gave a bad document for {doc_id!r}: {problem}")
        predictions.append(record)
        size += len(text.encode("utf-8"))
        if show:
            stream.write(format_progress(done, len(gold_docs), size))
            stream.flush()
    if show and gold_docs:
        stream.write("\n")
        stream.flush()
    return predictions


def write_jsonl(path: str | Path, docs: Iterable[Document]) -> None:
    """Write documents as JSON Lines (UTF-8, one document a line).

    Raises:
        EvaluationError: the file cannot be written.

    """
    try:
        with open(path, "w", encoding="utf-8") as fh:
            for doc in docs:
                fh.write(json.dumps(doc, ensure_ascii=False) + "\n")
    except OSError as exc:
        raise EvaluationError(f"{path}: cannot write ({exc.strerror or exc})") from exc


def load_library_extractor(gold_docs: Sequence[Document], *, cognition: bool = False) -> ExtractRecord:
    """Return an ``extract_record`` built on ``quoteattr.extract``.

    Imported lazily so that scoring a ``--pred`` file never needs the core.
    Each record keeps its gold document's ``source``.

    Raises:
        EvaluationError: the extractor cannot be imported.

    """
    try:
        interchange = importlib.import_module("quoteattr.interchange")
        package = importlib.import_module("quoteattr")
        document_record = interchange.document_record
        extract = package.Extractor(package.Config(cognition=cognition)).extract
    except (ImportError, AttributeError) as exc:
        raise EvaluationError(f"cannot load the quoteattr extractor ({exc}); use --pred") from exc
    sources = {gold["doc_id"]: gold.get("source", "") for gold in gold_docs}

    def extract_record(doc_id: str, text: str) -> Document:
        """Extract one document's attributions as an interchange record."""
        record: Document = document_record(doc_id, text, extract(text), source=sources.get(doc_id, ""))
        return record

    return extract_record


# ---------------------------------------------------------------- formatting


def format_figure(value: float | None) -> str:
    """Render one figure with 4 decimals, or a dash when there is none."""
    return "     -" if value is None else f"{value:6.4f}"


def format_report(report: Report) -> str:
    """Render a report as a table for people.

    >>> print(format_report(score([], [])).splitlines()[0])
    documents  0   gold quotes (required)  0   predicted  0
    """
    counts = report.counts
    lines = [
        (
            f"documents  {counts.documents}"
            f"   gold quotes (required)  {report.gold_required}"
            f"   predicted  {report.predicted}"
        ),
        (
            f"matched  {counts.tp}   missed  {counts.fn}   spurious  {counts.fp}"
            f"   matched optional (not counted)  {counts.optional_matched}"
        ),
        "",
        f"{'':24} {'P':>6}  {'R':>6}  {'F1':>6}",
    ]
    for label, figures in (
        ("detection", report.detection),
        ("end to end", report.end_to_end),
    ):
        values = (figures.precision, figures.recall, figures.f1)
        lines.append(f"{label:24} " + "  ".join(format_figure(v) for v in values))
    lines.append("")
    for label, value in (
        ("exact span of matched", report.exact_span_of_matched),
        ("speaker acc on matched", report.speaker_acc_on_matched),
        ("cue acc on matched", report.cue_acc_on_matched),
    ):
        lines.append(f"{label:24} {format_figure(value)}")
    lines += ["", f"{'recall by kind':24} " + "  ".join(f"{kind:>8}" for kind in KINDS)]
    gold_counts = "  ".join(f"{counts.gold_by_kind.get(kind, 0):>8}" for kind in KINDS)
    lines.append(f"{'gold quotes':24} {gold_counts}")
    for label, by_kind in (
        ("detection", report.recall_by_kind),
        ("end to end", report.e2e_recall_by_kind),
    ):
        by_kind_values = (by_kind.direct, by_kind.indirect, by_kind.mixed)
        lines.append(f"{label:24} " + "  ".join(f"{format_figure(v):>8}" for v in by_kind_values))
    return "\n".join(lines)


def select_errors(errors: Iterable[ErrorCase], n: int) -> list[ErrorCase]:
    """Keep the first ``n`` errors of each type, in their original order."""
    shown: Counter[ErrorType] = Counter()
    selected = []
    for error in errors:
        if shown[error.type] < n:
            shown[error.type] += 1
            selected.append(error)
    return selected


def format_field(value: str | None) -> str:
    """Render one error field on a single line; a dash stands for null."""
    if value is None:
        return "-"
    return value.replace("\r", "\\r").replace("\n", "\\n")


def format_errors(report: Report, n: int) -> str:
    r"""List up to ``n`` errors of each type, one a line.

    Each line reads ``type | doc_id | text | gold speaker | predicted speaker``;
    line breaks in the text are written ``\n`` and a null speaker ``-``.
    """
    return "\n".join(
        " | ".join(
            format_field(value)
            for value in (
                error.type.value,
                error.doc_id,
                error.text,
                error.gold_speaker,
                error.predicted_speaker,
            )
        )
        for error in select_errors(report.errors, n)
    )


# ------------------------------------------------------------------- command


def non_negative(value: str) -> int:
    """Parse a count for ``--errors``."""
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"expected a count of 0 or more, got {value}")
    return number


def build_parser(prog: str = "quoteattr eval") -> argparse.ArgumentParser:
    """Build the ``eval`` command's argument parser."""
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Score quote attributions against gold data.",
        epilog="See docs/evaluation.md for the format and the metrics.",
    )
    parser.add_argument("gold", metavar="GOLD", help="gold JSON Lines file, or a directory of seeds")
    parser.add_argument(
        "--pred",
        metavar="PRED",
        help="predictions as JSON Lines; without it, run quoteattr on the gold texts",
    )
    parser.add_argument(
        "--errors",
        metavar="N",
        type=non_negative,
        default=0,
        help="also list up to N errors of each type (missed, spurious, speaker)",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON line")
    parser.add_argument(
        "--cognition",
        action="store_true",
        help="when running quoteattr, also count belief and intention verbs as cues",
    )
    parser.add_argument(
        "--write-pred",
        metavar="FILE",
        help="when running quoteattr, also write its predictions to FILE (JSON Lines)",
    )
    return parser


def coverage_note(counts: Counts) -> str | None:
    """Say how many documents had no prediction or no gold, or return ``None``."""
    notes = []
    if counts.missing_predictions:
        notes.append(f"{counts.missing_predictions} gold documents have no prediction")
    if counts.ignored_predictions:
        notes.append(f"{counts.ignored_predictions} predicted documents are not in the gold")
    return "quoteattr eval: note: " + "; ".join(notes) if notes else None


def main(argv: list[str] | None = None, *, extract_record: ExtractRecord | None = None) -> int:
    """Run ``quoteattr eval GOLD [--pred PRED] [--errors N] [--json]``.

    Figures (and errors) go to stdout, messages to stderr. With ``--json``
    stdout holds just the JSON line, so the errors go to stderr instead.
    Returns 0 on success and 2 on unreadable or invalid input.
    """
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:  # argparse has printed usage or help already
        return exc.code if isinstance(exc.code, int) else 2
    try:
        gold_docs = load_gold(args.gold)
        if args.pred is not None:
            pred_docs = load_jsonl(args.pred)
        else:
            extractor = extract_record or load_library_extractor(gold_docs, cognition=args.cognition)
            pred_docs = predict_documents(gold_docs, extractor)
            if args.write_pred:
                write_jsonl(args.write_pred, pred_docs)
        report = score(gold_docs, pred_docs)
    except EvaluationError as exc:
        print(f"quoteattr eval: {exc}", file=sys.stderr)
        return 2
    note = coverage_note(report.counts)
    if note:
        print(note, file=sys.stderr)
    if args.json:
        print(json.dumps(report.to_dict()))
    else:
        print(format_report(report))
    if args.errors:
        listing = format_errors(report, args.errors)
        if listing:
            out = sys.stderr if args.json else sys.stdout
            if not args.json:
                print(file=out)
            print(listing, file=out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
