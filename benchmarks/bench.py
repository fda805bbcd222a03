"""Measure extraction speed in MB/s, single process.

    python benchmarks/bench.py [--mb 20] [--corpus seeds|eval] [--profile]

The seeds (or, with --corpus eval, the texts of ../shared/eval/polnear-dev.jsonl
when present) are repeated until the input reaches --mb megabytes of UTF-8;
each document is extracted separately, as a corpus run would. The figure is
input bytes divided by wall time of the best of ``--repeat`` passes (other
load on a shared machine only ever slows a pass down), after one warm-up
pass; ``cpu_speed``
divides by the process's CPU time instead, which other load on the machine
disturbs less.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import pstats
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import quoteattr  # noqa: E402


def load_texts(corpus: str) -> list[str]:
    """Return the documents to repeat."""
    if corpus == "eval":
        path = ROOT.parent / "shared" / "eval" / "polnear-dev.jsonl"
        if not path.is_file():
            raise SystemExit(f"{path} is absent: use --corpus seeds")
        with path.open(encoding="utf-8") as fh:
            return [json.loads(line)["text"] for line in fh if line.strip()]
    texts = []
    for p in sorted((ROOT / "seeds").glob("*.txt")):
        with p.open(encoding="utf-8", newline="") as fh:
            texts.append(fh.read())
    return texts


def main() -> int:
    """Run the benchmark and print one line of figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=20.0)
    parser.add_argument("--corpus", choices=("seeds", "eval"), default="seeds")
    parser.add_argument("--profile", action="store_true", help="print the top functions by cumulative time")
    parser.add_argument("--sort", default="cumulative", help="with --profile: a pstats sort key (cumulative, tottime)")
    parser.add_argument("--repeat", type=int, default=3, help="timed passes; the best is reported (as timeit does)")
    args = parser.parse_args()
    base = load_texts(args.corpus)
    size = sum(len(t.encode("utf-8")) for t in base)
    copies = max(1, int(args.mb * 1_000_000 / size) + 1)
    docs = base * copies
    total = size * copies
    extractor = quoteattr.Extractor()
    for text in base:
        extractor.extract(text)  # warm up: compile patterns, fill caches
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
    best_wall = best_cpu = float("inf")
    found = 0
    for _ in range(1 if args.profile else max(1, args.repeat)):
        start = time.perf_counter()
        cpu_start = time.process_time()
        found = 0
        for text in docs:
            found += len(extractor.extract(text))
        best_wall = min(best_wall, time.perf_counter() - start)
        best_cpu = min(best_cpu, time.process_time() - cpu_start)
    elapsed, cpu = best_wall, best_cpu
    if args.profile:
        prof.disable()
        pstats.Stats(prof).sort_stats(args.sort).print_stats(25)
    print(
        f"corpus={args.corpus} docs={len(docs)} input={total / 1e6:.1f} MB time={elapsed:.2f} s "
        f"speed={total / 1e6 / elapsed:.2f} MB/s cpu_speed={total / 1e6 / cpu:.2f} MB/s attributions={found}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
