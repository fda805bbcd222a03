"""Print the accuracy table of docs/accuracy.md: seeds and PolNeAR dev, per kind.

    python benchmarks/accuracy.py [--cognition]

It runs the same scoring as ``quoteattr eval`` on ``seeds/`` and, when it is
present, on ``../shared/eval/polnear-dev.jsonl`` (skipped otherwise), and
prints a Markdown table with the commit and date.
"""

from __future__ import annotations

import argparse
import datetime
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import quoteattr  # noqa: E402
from quoteattr import evaluate  # noqa: E402
from quoteattr.interchange import document_record  # noqa: E402

DEV = ROOT.parent / "shared" / "eval" / "polnear-dev.jsonl"


def measure(gold: list[dict[str, Any]], extractor: quoteattr.Extractor) -> dict[str, Any]:
    """Score the extractor on gold documents; return score.py's figures."""
    preds = [document_record(d["doc_id"], d["text"], extractor.extract(d["text"])) for d in gold]
    return evaluate.score(gold, preds).to_dict()


def row(name: str, r: dict[str, Any]) -> str:
    """Format one table row."""
    det, e2e = r["detection"], r["end_to_end"]
    rk, ek = r["recall_by_kind"], r["e2e_recall_by_kind"]
    kinds = " | ".join(f"{rk.get(k, 0):.2f} / {ek.get(k, 0):.2f}" for k in ("direct", "indirect", "mixed"))
    return (
        f"| {name} | {r['gold_required']} | {det['p']:.2f} / {det['r']:.2f} / {det['f']:.2f} | "
        f"{e2e['p']:.2f} / {e2e['r']:.2f} / {e2e['f']:.2f} | {r['speaker_acc_on_matched']:.2f} | "
        f"{r['cue_acc_on_matched']:.2f} | {r['exact_span_of_matched']:.2f} | {kinds} |"
    )


def main() -> int:
    """Print the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cognition", action="store_true")
    args = parser.parse_args()
    extractor = quoteattr.Extractor(quoteattr.Config(cognition=args.cognition))
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, cwd=ROOT, check=False
    ).stdout.strip()
    print(f"commit {commit or '?'}, {datetime.date.today().isoformat()}, cognition={args.cognition}\n")
    print(
        "| data | gold quotes | detection P / R / F1 | end-to-end P / R / F1 | speaker acc | cue acc | "
        "exact span | direct det / e2e recall | indirect det / e2e recall | mixed det / e2e recall |"
    )
    print("|---|---|---|---|---|---|---|---|---|---|")
    print(row("seeds/", measure(evaluate.load_seed_gold(ROOT / "seeds"), extractor)))
    if DEV.is_file():
        print(row("PolNeAR dev", measure(evaluate.load_jsonl(DEV, gold=True), extractor)))
    else:
        print(f"(PolNeAR dev skipped: {DEV} is absent)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
