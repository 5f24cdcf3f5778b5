"""`pcrm survey summary` over one month of about 20,000 responses.

`pcrm demo --responses 65000` spreads answers over three months (about 20,000 in the last 30
days). Prints the summary's time in the process and as a whole command (a new process), and
the number of responses it covered."""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import PYTHON, REPO, demo_database, env, print_table  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--responses", type=int, default=65_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.gettempdir()) / "pcrm-bench-cache"
    folder.mkdir(exist_ok=True)
    db = demo_database(folder, f"surveys-{args.responses}", "--citizens", "2000", "--complaints",
                       "20000", "--responses", str(args.responses), "--seed", "1")
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.services import office, surveys
    backend = open_backend(str(db))
    ctx = backend.ctx.as_actor(office.actor_for(backend.ctx, None))
    last = ctx.clock().date()
    first = last - timedelta(days=29)
    inside, result = [], None
    for _ in range(args.runs):
        started = time.perf_counter()
        result = surveys.summary(ctx, "COUNTER", first, last)
        inside.append((time.perf_counter() - started) * 1000)
    backend.close()
    command = []
    for _ in range(args.runs):
        started = time.perf_counter()
        subprocess.run([PYTHON, "-m", "pcrm_desktop.cli", "survey", "summary", "--db", str(db),
                        "--survey", "COUNTER", "--from", str(first), "--to", str(last), "--json"],
                       cwd=REPO, env=env(), check=True, capture_output=True)
        command.append((time.perf_counter() - started) * 1000)
    print_table(f"Survey summary, {first}~{last}: {result.responses:,} responses ({result.by_mode})",
                ["operation", "runs", "median ms", "max ms"],
                [["summary in the process", args.runs, f"{statistics.median(inside):.0f}", f"{max(inside):.0f}"],
                 ["pcrm survey summary (new process, --json)", args.runs,
                  f"{statistics.median(command):.0f}", f"{max(command):.0f}"]])


if __name__ == "__main__":
    main()
