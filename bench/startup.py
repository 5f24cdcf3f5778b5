"""Cold start to the first shown window, offscreen: `python bench/startup.py [--runs 7]`.
`--bundle dist/PCRM-Desktop` times the built program (installer/build.py) instead of main.py,
and prints the bundle's size.

Each run is a new process (`main.py --exit-after-show`), so nothing is warm but the OS file
cache. Prints the median wall-clock time from spawning the process to the window being shown
(the login dialog on a set-up database, the first-run wizard's window on an empty one), the
time the process measured itself, and its peak memory. A second table times signing in: from
pressing 로그인 (a scrypt check in the task lane) to the main window shown with its dashboard.
"""
from __future__ import annotations

import argparse
import subprocess
import tempfile
import time
from pathlib import Path

from common import PYTHON, REPO, demo_database, env, median, print_table


def one_start(db: Path, program: list[str]) -> tuple[float, float, float, float]:
    """Wall ms to the login dialog or wizard, the process's own ms, peak RSS MB, and wall ms to
    the start notice (shown first when the database must be created or upgraded; else nan)."""
    started = time.perf_counter()
    process = subprocess.Popen([*program, "--db", str(db), "--exit-after-show"],
                               cwd=REPO, env=env(), stdout=subprocess.PIPE, text=True)
    shown_wall = inner = rss = notice = float("nan")
    for line in process.stdout:
        if line.startswith("notice_ms="):
            notice = (time.perf_counter() - started) * 1000
        elif line.startswith("shown_ms="):
            shown_wall = (time.perf_counter() - started) * 1000
            inner = float(line.split("=")[1])
        elif line.startswith("peak_rss_mb="):
            rss = float(line.split("=")[1])
    if process.wait() != 0:
        raise SystemExit(f"{program[-1]} failed on {db}")
    return shown_wall, inner, rss, notice


SIGN_IN = r"""
import sys, time
from PySide6.QtWidgets import QApplication
from pcrm_desktop.app import Application, parse_args
from pcrm_desktop.bootstrap import open_backend
from pcrm_desktop.services.demo import DEMO_PASSWORD
qt = QApplication(sys.argv[:1])
app = Application(parse_args(["--db", sys.argv[1]]), qt)
backend = open_backend(sys.argv[1])
app.open_window(backend)
app.login.login.setText("admin")
app.login.password.setText(DEMO_PASSWORD)
started = time.perf_counter()
app.login.submit()
while app.window is None or not app.window.isVisible():
    qt.processEvents()
shown = time.perf_counter()
page = app.window.pages["dashboard"]
while app.window.runner.busy():
    qt.processEvents()
    time.sleep(0.002)
done = time.perf_counter()
print(f"signed_in_ms={(shown - started) * 1000:.1f} dashboard_ms={(done - started) * 1000:.1f}")
app.runner.wait(5000)
backend.close()
"""


def one_sign_in(db: Path) -> tuple[float, float]:
    done = subprocess.run([PYTHON, "-c", SIGN_IN, str(db)], cwd=REPO, env=env(), check=True,
                          capture_output=True, text=True)
    line = next(x for x in done.stdout.splitlines() if x.startswith("signed_in_ms="))
    shown, loaded = (float(part.split("=")[1]) for part in line.split())
    return shown, loaded


def print_bundle_size(bundle: Path) -> None:
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    size = sum(p.stat().st_size for p in files)
    print(f"bundle {bundle}: {size / 2**20:.1f} MB in {len(files)} files")
    for tarball in sorted(bundle.parent.glob("pcrm-desktop-*.tar.gz")):
        print(f"tarball {tarball.name}: {tarball.stat().st_size / 2**20:.1f} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--demo-args", default="--citizens 1000 --seed 1",
                        help="arguments of `pcrm demo` for the populated database")
    parser.add_argument("--db", action="append", default=[], metavar="PATH",
                        help="also start on this existing database (e.g. the 1,000,000-민원 one"
                             " bench/complaints.py builds)")
    parser.add_argument("--bundle", type=Path, metavar="DIR",
                        help="the built one-folder program (dist/PCRM-Desktop) to time instead")
    args = parser.parse_args()
    program = [PYTHON, "main.py"]
    if args.bundle:
        program = [str(args.bundle.resolve() / "pcrm-desktop")]
        print_bundle_size(args.bundle)
    folder = Path(tempfile.mkdtemp(prefix="pcrm-bench-"))
    cases = {"empty (first-run wizard)": None,
             f"demo ({args.demo_args})": demo_database(folder, "demo", *args.demo_args.split())}
    cases.update({Path(db).name: Path(db) for db in args.db})
    rows = []
    for name, db in cases.items():
        one_start(db or folder / "warmup.db", program)  # let the OS cache the libraries once
        runs = [one_start(db or folder / f"empty-{i}.db", program) for i in range(args.runs)]
        notices = [r[3] for r in runs if r[3] == r[3]]
        rows.append([name, args.runs, f"{median(notices):.0f}" if notices else "-",
                     f"{median([r[0] for r in runs]):.0f}",
                     f"{median([r[1] for r in runs]):.0f}", f"{max(r[2] for r in runs):.0f}"])
    print_table(f"Cold start to the first shown window (offscreen, {Path(program[-1]).name})",
                ["database", "runs", "median wall ms to start notice",
                 "median wall ms to login/wizard", "median in-process ms", "peak RSS MB"], rows)
    if args.bundle:
        return  # signing in is timed in-process, from the source tree
    signed = []
    for name, db in cases.items():
        if db is None:
            continue
        runs = [one_sign_in(db) for _ in range(args.runs)]
        signed.append([name, args.runs, f"{median([r[0] for r in runs]):.0f}",
                       f"{median([r[1] for r in runs]):.0f}"])
    print_table("Sign-in: 로그인 pressed → main window shown / dashboard loaded",
                ["database", "runs", "median shown ms", "median dashboard ms"], signed)


if __name__ == "__main__":
    main()
