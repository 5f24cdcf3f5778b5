"""The dashboard on a 1,000,000-민원 database (issue 7: shown within 300 ms of opening, slow parts
filled in by background work).

Uses bench/report.py's database (1,000,000 민원 plus a month of 80,000 and 20,000 responses).
Times, in a new process each run: the main window with the dashboard shown, today's figures
arriving (the cards), and the 12-month trend arriving."""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import PYTHON, REPO, env, print_table  # noqa: E402

PROBE = r"""
import json, sys, time
started = time.perf_counter()
from PySide6.QtWidgets import QApplication
app = QApplication([])
from pcrm_desktop.bootstrap import open_backend
from pcrm_desktop.services import office
from pcrm_desktop.ui.appearance import install_korean_font
from pcrm_desktop.ui.main_window import MainWindow
from pcrm_desktop.ui.tasks import TaskRunner
install_korean_font(app)
backend = open_backend(sys.argv[1])
opened = time.perf_counter()
runner = TaskRunner()
window = MainWindow(backend.ctx, "bench", runner)
window.show()
window.start_session(office.actor_for(backend.ctx, None))
app.processEvents()
shown = time.perf_counter()
page = window.pages["dashboard"]
while page._today is None:
    app.processEvents()
    time.sleep(0.002)
today = time.perf_counter()
while page._points is None:
    app.processEvents()
    time.sleep(0.002)
trend = time.perf_counter()
runner.wait(10000)
print(json.dumps({"open_db_ms": (opened - started) * 1000, "shown_ms": (shown - opened) * 1000,
                  "today_ms": (today - opened) * 1000, "trend_ms": (trend - opened) * 1000}))
backend.close()
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    db = Path(tempfile.gettempdir()) / "pcrm-bench-cache" / "report-80000-20000.db"
    if not db.exists():
        sys.exit("run bench/report.py first: it builds the database")
    results = []
    for _ in range(args.runs):
        done = subprocess.run([PYTHON, "-c", PROBE, str(db)], cwd=REPO, env=env(), check=True,
                              capture_output=True, text=True)
        results.append(json.loads(done.stdout.strip().splitlines()[-1]))
    rows = []
    for key, name in (("shown_ms", "dashboard shown (from the database opened)"),
                      ("today_ms", "today's figures on the cards"), ("trend_ms", "12-month trend drawn")):
        values = [r[key] for r in results]
        rows.append([name, args.runs, f"{statistics.median(values):.0f}", f"{max(values):.0f}"])
    print_table("Dashboard on 1,080,000 민원", ["step", "runs", "median ms", "max ms"], rows)


if __name__ == "__main__":
    main()
