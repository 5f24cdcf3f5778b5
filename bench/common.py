"""Helpers shared by the benchmark scripts: build databases with `pcrm demo`, time, print tables."""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
# One access-log signing key for the benchmarks and the `pcrm` commands they run (each gets a
# private HOME): entries written in the script and by `pcrm` verify alike, also in the cached
# databases of a later run.
os.environ.setdefault("PCRM_PROFILE_DIR",
                      str(Path(tempfile.gettempdir()) / "pcrm-bench-cache" / "profile"))


def env() -> dict[str, str]:
    """Offscreen, a private home, and the demo admin's identity for `pcrm` commands (the demo
    databases' accounts all have the demo password; a scheduled run would do the same)."""
    values = dict(os.environ)
    values.setdefault("QT_QPA_PLATFORM", "offscreen")
    values["HOME"] = values.get("PCRM_BENCH_HOME") or tempfile.mkdtemp(prefix="pcrm-bench-home-")
    values.pop("PCRM_DATABASE_URL", None)
    if "PCRM_PASSWORD_FILE" not in values:
        from pcrm_desktop.services.demo import DEMO_PASSWORD
        secret = Path(values["HOME"]) / "pcrm-password.txt"
        secret.write_text(DEMO_PASSWORD + "\n", encoding="utf-8")
        secret.chmod(0o600)
        values["PCRM_PASSWORD_FILE"] = str(secret)
        values.setdefault("PCRM_USER", "admin")
    return values


def pcrm(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([PYTHON, "-m", "pcrm_desktop.cli", *args], cwd=REPO, env=env(),
                          check=True, capture_output=True, text=True)


def demo_database(folder: Path, name: str, *demo_args: str) -> Path:
    path = folder / f"{name}.db"
    if not path.exists():
        pcrm("demo", "--db", str(path), *demo_args)
    return path


def timed(fn, repeat: int) -> list[float]:
    results = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        results.append(time.perf_counter() - started)
    return results


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of them lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def ms(fn) -> float:
    """Milliseconds one call of `fn` takes."""
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def median(values: list[float]) -> float:
    return statistics.median(values)


def print_table(title: str, header: list[str], rows: list[list[object]]) -> None:
    print(f"\n{title}")
    widths = [max(len(str(x)) for x in column) for column in zip(header, *rows)]
    line = " | ".join(h.ljust(w) for h, w in zip(header, widths))
    print(line)
    print("-+-".join("-" * w for w in widths))
    for row in rows:
        print(" | ".join(str(x).ljust(w) for x, w in zip(row, widths)))
