"""`pcrm demo --seed S --now T` (issue 20): the same seed and the same now make the same data,
row for row in every table, times to the microsecond, the access log's hashes included (one
signing key: the tests' profile). The one column that differs by nature is
`database_identity.database_id`: each file has its own (backups, drafts and the access log's
witnesses in the profile are kept by it; two files with one id would check each other's log).
The reports of the demo's last whole month are the same too. This is what the later check of
SQLite against PostgreSQL stands on. SQLite only: it reads the files themselves.

Each demo runs as its own `pcrm` process, as the comparison between engines will: what differs
between processes (string hashing, a random salt, the clock) shows up."""
from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pcrm_desktop.cli import main

REPO = Path(__file__).resolve().parents[2]
SEED, NOW = "4", "2026-11-20 14:30"
MADE_AT = "2026-11-20 14:30:00.000000"   # every time the demo itself writes
MONTH, FIRST, LAST = "2026-10", "2026-10-01", "2026-10-31"  # the last whole month before NOW
SIZES = ("--citizens", "200", "--complaints", "500", "--responses", "300")
OWN_PER_FILE = {("database_identity", "database_id")}  # differs by nature (the docstring)


def _demo(path: Path, now: str = NOW) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "pcrm_desktop.cli", "demo", "--db", str(path), "--seed", SEED,
         "--now", now, *SIZES, "--json"], cwd=REPO, capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def _rows(path: Path) -> dict[str, list[tuple]]:
    """Every table the file has (the search index's, SQLite's own sequence table too), each
    read in its primary key's order (all columns' where it has none); the columns each file
    has of its own are set aside as None."""
    conn = sqlite3.connect(path)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        found = {}
        for name in names:
            info = conn.execute(f'PRAGMA table_info("{name}")').fetchall()
            key = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]] or [r[1] for r in info]
            own = [i for i, r in enumerate(info) if (name, r[1]) in OWN_PER_FILE]
            order = ", ".join(f'"{c}"' for c in key)
            found[name] = [tuple(None if i in own else v for i, v in enumerate(row))
                           for row in conn.execute(f'SELECT * FROM "{name}" ORDER BY {order}')]
        return found
    finally:
        conn.close()


def _value(path: Path, sql: str) -> list[tuple]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def demos(tmp_path_factory) -> dict[str, Path]:
    """Two demos of one seed and one now, and one made a minute later, in fresh files."""
    folder = tmp_path_factory.mktemp("demo-now")
    paths = {"one": folder / "one.db", "two": folder / "two.db", "later": folder / "later.db"}
    for name, path in paths.items():
        now = "2026-11-20 14:31" if name == "later" else NOW
        summary = _demo(path, now)
        assert summary["counts"]["complaints"] == 500 and summary["now"] == now
    return paths


def test_the_same_seed_and_now_make_the_same_rows(demos):
    one, two = _rows(demos["one"]), _rows(demos["two"])
    assert sorted(one) == sorted(two)
    for table in one:
        assert one[table] == two[table], table
    for table in ("citizens", "citizen_fts_data", "complaints", "complaint_events", "holidays",
                  "survey_answers", "survey_item_days", "survey_response_days", "happy_calls",
                  "audit_log", "staff"):
        assert one[table], f"{table} is empty: the comparison would prove nothing"
    # what differs by nature does differ; and the times the demo wrote are --now's
    ids = [_value(p, "SELECT database_id FROM database_identity") for p in demos.values()]
    assert len({row[0][0] for row in ids}) == 3
    made = _value(demos["one"], "SELECT created_at FROM database_identity UNION SELECT created_at"
                                " FROM office UNION SELECT created_at FROM staff UNION SELECT at"
                                " FROM audit_log UNION SELECT seeded_at FROM holiday_years")
    assert made == [(MADE_AT,)]
    # its invented history ends at the start of --now's day
    latest = _value(demos["one"], "SELECT max(received_at), (SELECT max(submitted_at) FROM"
                                  " survey_responses) FROM complaints")[0]
    assert min(latest) >= "2026-11-19" and max(latest) < "2026-11-20"


def test_another_now_makes_other_data(demos):
    """A minute later: the same invented history (the same day), but made at another moment, so
    the rows that say when (and the access log's hashes over them) differ."""
    one, later = _rows(demos["one"]), _rows(demos["later"])
    differing = {table for table in one if one[table] != later[table]}
    assert {"office", "staff", "audit_log", "holiday_years", "database_identity"} <= differing
    assert one["complaints"] == later["complaints"]
    assert _value(demos["later"], "SELECT DISTINCT at FROM audit_log") == [("2026-11-20 14:31:00.000000",)]


def _outputs(capsys, path: Path, folder: Path) -> dict[str, object]:
    """The four outputs the engines are to agree on, for the demo's last whole month (the
    file is a copy: signing in and exporting write to the access log)."""
    folder.mkdir()
    db = str(shutil.copy(path, folder / "demo.db"))
    commands = {
        "survey": ("survey", "summary", "--survey", "COUNTER", "--from", FIRST, "--to", LAST),
        "monthly": ("report", "monthly", "--month", MONTH, "--out", str(folder / "monthly.pdf")),
        "groups": ("analysis", "groups", "--from", FIRST, "--to", LAST),
        "export": ("export", "complaints", "--from", FIRST, "--to", LAST, "--reason", "엔진 비교",
                   "--out", str(folder / "complaints.csv")),
    }
    found: dict[str, object] = {}
    for name, argv in commands.items():
        code = main([*argv, "--db", db, "--json"])
        out, err = capsys.readouterr()
        assert code == 0, err
        summary = json.loads(out)
        summary.pop("out", None)  # the file's own path
        found[name] = summary
    found["complaints.csv"] = (folder / "complaints.csv").read_bytes()
    return found


def test_the_same_demo_gives_the_same_reports(capsys, demos, tmp_path):
    one = _outputs(capsys, demos["one"], tmp_path / "one")
    two = _outputs(capsys, demos["two"], tmp_path / "two")
    for name in one:
        assert one[name] == two[name], name
    assert one["survey"]["responses"] > 30 and not one["monthly"]["empty"]
    assert one["complaints.csv"].count(b"\n") > 10


@pytest.mark.parametrize("bad", ["2026-02-30 10:00", "2026-11-20", "2026-11-20 14:30:15",
                                 "2026-11-20T14:30", "2026-11-20 24:00", "20261120 1430", ""])
def test_a_bad_now_is_refused_and_nothing_is_written(capsys, tmp_path, bad):
    path = tmp_path / "new" / "demo.db"
    code = main(["demo", "--db", str(path), "--now", bad, "--json"])
    out, err = capsys.readouterr()
    assert code == 1
    assert json.loads(out)["error"] == "demo_now_format"
    assert f"데모의 기준 시각(--now)을 알 수 없습니다: {bad}" in err and "YYYY-MM-DD HH:MM" in err
    assert not (tmp_path / "new").exists()
