"""`pcrm demo` throughput: `python bench/demo_throughput.py [--runs 3] [--citizens N ...]`.

Fills a fresh database per run and prints the median seconds and rows per second for each part
that the schema has (parts not built yet are reported as skipped by `pcrm demo` itself).
"""
from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from common import median, pcrm, print_table


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--citizens", type=int, default=10000)
    parser.add_argument("--complaints", type=int, default=0)
    parser.add_argument("--responses", type=int, default=0)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="pcrm-bench-demo-"))
    results = []
    for run in range(args.runs):
        out = pcrm("demo", "--db", str(folder / f"run{run}.db"), "--json", "--seed", "1",
                   "--citizens", str(args.citizens), "--complaints", str(args.complaints),
                   "--responses", str(args.responses))
        results.append(json.loads(out.stdout))
    seconds = median([r["seconds"] for r in results])
    counts = results[0]["counts"]
    rows = [[part, f"{count:,}"] for part, count in counts.items()]
    print_table(f"pcrm demo, median of {args.runs} runs: {seconds:.2f} s in all "
                f"(skipped: {results[0]['skipped'] or '-'})", ["part", "rows"], rows)
    main_part = max(counts, key=counts.get)
    print(f"{main_part}: {counts[main_part] / seconds:,.0f} per second, with their phones, "
          "search index, group memberships and interactions")


if __name__ == "__main__":
    main()
