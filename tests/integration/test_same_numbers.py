"""Issue 20's acceptance for the figures: the same `pcrm demo --seed S --now T` made in a SQLite
file and in the test's database (another file, or a PostgreSQL server) gives identical output
of `pcrm survey summary`, `pcrm report monthly --json`, `pcrm analysis groups --json` and `pcrm
export complaints` (the register as CSV). Silent wrong numbers are the worst outcome (a server
without the sum triggers said n=0), so nothing is compared loosely: the printed text and JSON,
byte for byte, after the one value that names the output file. The demo runs as its own `pcrm`
process each time, the reads through the command line's own entry point; both sign in as the
demo's admin (PCRM_USER and the password file, tests/conftest.py)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from pcrm_desktop.cli import main

REPO = Path(__file__).resolve().parents[2]
SEED, NOW = "4", "2026-11-20 14:30"
SIZES = ("--citizens", "200", "--complaints", "500", "--responses", "300")
MONTH = "2026-10"                        # the last whole month before NOW
FIRST, LAST = "2026-08-21", "2026-11-20"  # the demo's answers span the 90 days to NOW


def _demo(target: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pcrm_desktop.cli", "demo", "--db", target, "--seed", SEED,
         "--now", NOW, *SIZES, "--json"], cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["counts"]["complaints"] == 500


def _run(capsys, *args: str) -> str:
    code = main(list(args))
    out, err = capsys.readouterr()
    assert code == 0, (args, err)
    return out


def _outputs(capsys, target: str, folder: Path) -> dict[str, object]:
    """What each command prints (and the register it writes) for the database `target`; the
    files go to the same paths for every database, so even the paths printed agree."""
    found: dict[str, object] = {}
    for survey in ("COUNTER", "HAPPYCALL"):
        for form in ((), ("--json",)):
            found[f"summary {survey} {form}"] = _run(
                capsys, "survey", "summary", "--db", target, "--survey", survey,
                "--from", FIRST, "--to", LAST, *form)
    monthly = json.loads(_run(capsys, "report", "monthly", "--db", target, "--month", MONTH,
                              "--out", str(folder / "monthly.pdf"),
                              "--xlsx", str(folder / "monthly.xlsx"), "--json"))
    found["monthly"] = monthly
    for by in ("group", "channel", "dong"):
        found[f"analysis {by}"] = json.loads(_run(
            capsys, "analysis", "groups", "--db", target, "--from", "2026-01-01", "--to", LAST,
            "--by", by, "--json"))
    register = folder / "register.csv"
    found["export"] = json.loads(_run(
        capsys, "export", "complaints", "--db", target, "--from", "2025-11-21", "--to", LAST,
        "--out", str(register), "--reason", "엔진 비교", "--json"))
    found["register"] = register.read_bytes()
    return found


def test_the_same_demo_gives_the_same_figures_on_both_backends(db_target, tmp_path, capsys):
    reference = str(tmp_path / "reference.db")
    _demo(reference)
    _demo(db_target)
    folder = tmp_path / "out"
    folder.mkdir()
    expected = _outputs(capsys, reference, folder)
    got = _outputs(capsys, db_target, folder)
    assert list(got) == list(expected)
    for name in expected:
        assert got[name] == expected[name], name
    # and the figures are there at all: a summary of n=0 on both would agree too
    summary = json.loads(expected["summary COUNTER ('--json',)"])
    assert summary["responses"] > 50
    assert expected["monthly"]["headline"]["received"]["value"] > 10  # 500 cases over two years
    assert expected["analysis group"]["rows"][0]["received"] > 50
    assert expected["export"]["rows"] > 50 and expected["register"].count(b"\n") > 50

