"""The `pcrm` command line (pcrm_desktop/cli/): in-process with capsys, and once as a process."""
from __future__ import annotations

import hashlib
import json
import os
import random
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from pcrm_desktop.cli import main
from pcrm_desktop.db.migrate import head_revision

REPO = Path(__file__).resolve().parents[2]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv: str) -> tuple[int, dict, str]:
    code, out, err = run(capsys, *argv, "--json")
    return code, json.loads(out), err


def query(path: Path, sql: str) -> list[tuple]:
    """The file's rows (or the server database's, when the test runs there: tests/dbutil)."""
    from tests.dbutil import rows
    return rows(path, sql)


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def staff_of(path: Path) -> list[tuple[str, str, str]]:
    return query(path, "SELECT name, login, role FROM staff ORDER BY id")


# --- init --------------------------------------------------------------------------------------

def test_init_json_on_a_new_file(capsys, tmp_path):
    db = tmp_path / "new" / "pcrm.db"
    code, summary, _ = run_json(capsys, "init", "--db", str(db))
    assert code == 0
    assert summary["ok"] is True
    assert summary["revision"] == head_revision()
    assert summary["from_revision"] is None and summary["backup"] is None
    assert summary["database"] == str(db.resolve())
    assert query(db, "SELECT version_num FROM alembic_version") == [(head_revision(),)]

    code, summary, _ = run_json(capsys, "init", "--db", str(db))  # again: nothing to do
    assert (code, summary["from_revision"], summary["backup"]) == (0, head_revision(), None)


def test_init_text_output_is_korean(capsys, db_path):
    code, out, _ = run(capsys, "init", "--db", str(db_path))
    assert code == 0
    assert "데이터베이스 준비 완료" in out and head_revision() in out


def test_init_as_a_process(tmp_path):
    db = tmp_path / "proc.db"
    done = subprocess.run([sys.executable, "-m", "pcrm_desktop.cli", "init", "--db", str(db),
                           "--json"], cwd=REPO, capture_output=True, timeout=60, env=os.environ.copy())
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    summary = json.loads(done.stdout.decode("utf-8"))
    assert summary["revision"] == head_revision()
    assert db.is_file()


def test_check_refusal_as_a_process(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(random.Random(3).randbytes(4096))
    before = sha256(junk)
    done = subprocess.run([sys.executable, "-m", "pcrm_desktop.cli", "check", "--db", str(junk)],
                          cwd=REPO, capture_output=True, timeout=60, env=os.environ.copy())
    assert done.returncode == 1
    assert "데이터베이스가 아닙니다" in done.stderr.decode("utf-8")
    assert "Traceback" not in done.stderr.decode("utf-8")
    assert sha256(junk) == before


# --- check -------------------------------------------------------------------------------------

def test_check_healthy(capsys, db_path):
    assert run(capsys, "init", "--db", str(db_path))[0] == 0
    before = sha256(db_path)
    code, summary, _ = run_json(capsys, "check", "--db", str(db_path))
    assert code == 0
    assert summary["ok"] is True and summary["integrity"] == "ok"
    assert summary["revision"] == summary["head"] == head_revision()
    assert summary["size_bytes"] == db_path.stat().st_size
    assert sha256(db_path) == before  # check is read-only
    code, out, _ = run(capsys, "check", "--db", str(db_path))
    assert code == 0 and "결과: 정상" in out


def test_check_random_bytes(capsys, tmp_path):
    junk = tmp_path / "junk.db"
    content = random.Random(11).randbytes(16384)
    junk.write_bytes(content)
    code, out, err = run(capsys, "check", "--db", str(junk))
    assert code == 1
    assert "데이터베이스가 아닙니다" in err
    assert str(junk) in err
    assert out == ""
    assert junk.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["junk.db"]


def test_check_random_bytes_json(capsys, tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"\x00" * 100 + "홍길동".encode())
    code, summary, err = run_json(capsys, "check", "--db", str(junk))
    assert code == 1
    assert summary["ok"] is False and summary["error"] == "db_not_database"
    assert "데이터베이스가 아닙니다" in summary["message"] and "데이터베이스가 아닙니다" in err


def test_check_missing_file(capsys, tmp_path):
    missing = tmp_path / "nowhere" / "pcrm.db"
    code, summary, err = run_json(capsys, "check", "--db", str(missing))
    assert code == 1
    assert summary["error"] == "db_missing"
    assert "데이터베이스 파일이 없습니다" in err
    assert not missing.exists() and not missing.parent.exists()  # check creates nothing


def test_check_foreign_sqlite_file(capsys, tmp_path):
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = sha256(other)
    code, summary, _ = run_json(capsys, "check", "--db", str(other))
    assert (code, summary["error"]) == (1, "db_not_pcrm")
    assert sha256(other) == before


def test_check_empty_file_is_not_healthy(capsys, tmp_path):
    empty = tmp_path / "empty.db"
    empty.write_bytes(b"")
    code, summary, _ = run_json(capsys, "check", "--db", str(empty))
    assert code == 1
    assert summary["ok"] is False and summary["revision"] is None
    assert empty.read_bytes() == b""


def test_check_too_new(capsys, db_path):
    run(capsys, "init", "--db", str(db_path))
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = sha256(db_path)
    code, summary, err = run_json(capsys, "check", "--db", str(db_path))
    assert (code, summary["error"]) == (1, "db_too_new")
    assert "9999" in err
    assert sha256(db_path) == before


def test_check_damaged_database(capsys, tmp_path):
    db = tmp_path / "damaged.db"
    assert run(capsys, "demo", "--db", str(db), "--citizens", "0")[0] == 0
    content = bytearray(db.read_bytes())
    assert len(content) > 3 * 4096
    for page in range(1, len(content) // 4096):  # scribble over every page but the header page
        content[page * 4096:page * 4096 + 64] = b"\xab" * 64
    db.write_bytes(bytes(content))
    code, summary, err = run_json(capsys, "check", "--db", str(db))
    assert (code, summary["ok"], summary["error"]) == (1, False, "db_damaged")
    assert "손상" in err
    assert db.read_bytes() == bytes(content)


def test_check_on_a_folder_is_a_clear_refusal(capsys, tmp_path):
    """`--db` naming a folder by mistake must give a message and exit 1, not a traceback."""
    folder = tmp_path / "data"
    folder.mkdir()
    code, summary, err = run_json(capsys, "check", "--db", str(folder))
    assert code == 1 and summary["ok"] is False
    assert str(folder) in err


# --- demo --------------------------------------------------------------------------------------

def test_demo_same_seed_same_people_other_seed_other_people(capsys, tmp_path):
    a, b, c = tmp_path / "a.db", tmp_path / "b.db", tmp_path / "c.db"
    for path, seed in ((a, "7"), (b, "7"), (c, "8")):
        code, summary, _ = run_json(capsys, "demo", "--db", str(path), "--seed", seed,
                                    "--citizens", "30")
        assert code == 0 and summary["ok"] is True and summary["seed"] == int(seed)
    staff_a, staff_b, staff_c = staff_of(a), staff_of(b), staff_of(c)
    assert len(staff_a) == summary["counts"]["staff"] >= 10
    assert staff_a == staff_b
    assert [name for name, _, _ in staff_a] != [name for name, _, _ in staff_c]
    assert [login for _, login, _ in staff_a] == [login for _, login, _ in staff_c]
    assert len({login for _, login, _ in staff_a}) == len(staff_a)
    assert query(a, "SELECT name FROM departments ORDER BY id") == \
        query(c, "SELECT name FROM departments ORDER BY id")
    roles = {role for _, _, role in staff_a}
    assert roles == {"admin", "manager", "clerk", "kiosk"}
    tables = {r[0] for r in query(a, "SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "citizens" in tables:  # once residents are filled, they must be reproducible too
        citizens = "SELECT name, birth_year FROM citizens ORDER BY id"
        assert query(a, citizens) == query(b, citizens)


def test_demo_reports_unavailable_parts_as_skipped(capsys, db_path):
    """Each part asked for is either filled (counted, and really in the tables) or reported
    skipped, never faked. Citizens, 민원 and survey answers exist in this version."""
    asked = {"citizens": "20", "complaints": "10", "responses": "5"}
    argv = [arg for part, n in asked.items() for arg in (f"--{part}", n)]
    code, summary, _ = run_json(capsys, "demo", "--db", str(db_path), *argv)
    assert code == 0
    assert set(summary["skipped"]) == set()
    assert summary["counts"]["responses"] == 5
    assert len(query(db_path, "SELECT id FROM survey_responses")) == 5
    assert not set(summary["skipped"]) & set(summary["counts"])
    assert summary["counts"]["citizens"] == 20
    assert len(query(db_path, "SELECT id FROM citizens")) == 20
    assert summary["counts"]["complaints"] == 10
    assert len(query(db_path, "SELECT id FROM complaints")) == 10
    # every case has its receipt event, numbers run per year without gaps, counters agree
    assert query(db_path, "SELECT count(DISTINCT complaint_id) FROM complaint_events"
                          " WHERE kind = 'received'") == [(10,)]
    numbers = query(db_path, "SELECT substr(receipt_no, 1, 4), count(*), max(receipt_no)"
                             " FROM complaints GROUP BY 1")
    counters = dict(query(db_path, "SELECT year, last FROM receipt_counters"))
    for year, n, highest in numbers:
        assert highest == f"{year}-{n:06d}" and counters[int(year)] == n
    assert summary["counts"]["departments"] == len(query(db_path, "SELECT id FROM departments"))
    assert summary["counts"]["staff"] == len(staff_of(db_path))


def test_demo_default_makes_1000_citizens(capsys, db_path):
    code, summary, _ = run_json(capsys, "demo", "--db", str(db_path))
    assert code == 0
    assert summary["counts"]["citizens"] == 1000
    assert len(query(db_path, "SELECT id FROM citizens")) == 1000
    assert "citizens" not in summary["skipped"]


def test_demo_refuses_a_set_up_database(capsys, admin_ctx, db_path, db_target):
    staff_before = staff_of(db_path)
    audit_before = query(db_path, "SELECT COUNT(*) FROM audit_log")
    code, summary, err = run_json(capsys, "demo", "--db", db_target)
    assert code == 1
    assert summary == {"ok": False, "error": "demo_not_empty", "message": summary["message"]}
    assert "빈 데이터베이스" in err
    assert staff_of(db_path) == staff_before
    assert query(db_path, "SELECT COUNT(*) FROM audit_log") == audit_before


def test_demo_twice_on_the_same_file_is_refused(capsys, db_path):
    assert run(capsys, "demo", "--db", str(db_path))[0] == 0
    before = staff_of(db_path)
    code, summary, _ = run_json(capsys, "demo", "--db", str(db_path), "--seed", "99")
    assert (code, summary["error"]) == (1, "demo_not_empty")
    assert staff_of(db_path) == before


def test_demo_writes_an_audit_entry(capsys, db_path):
    code, _, _ = run_json(capsys, "demo", "--db", str(db_path), "--seed", "7", "--citizens", "0")
    assert code == 0
    rows = query(db_path, "SELECT actor, workstation, action, target, detail FROM audit_log"
                          " ORDER BY id")
    # the file was new: created first, its holiday years seeded at start-up, then the demo
    assert [r[2] for r in rows] == ["db.create"] + ["holiday.seed"] * 3 + ["demo.fill"]
    actor, workstation, action, target, detail = rows[-1]
    assert (actor, action, target, detail) == ("system", "demo.fill", "office", "seed=7")
    assert workstation


def test_init_records_an_audit_entry(capsys, db_path):
    """Every write by `pcrm init` leaves an audit row: creating (or upgrading) the schema is a
    write done on this workstation, and the brief asks for it to be in the audit log."""
    code, _, _ = run_json(capsys, "init", "--db", str(db_path))
    assert code == 0
    rows = query(db_path, "SELECT actor, workstation, action FROM audit_log")
    assert len(rows) >= 1, "pcrm init created the schema but wrote no audit entry"
    assert rows[0][0] == "system" and rows[0][1]


def test_usage_error_exits_2(capsys, db_path):
    with pytest.raises(SystemExit) as caught:
        main(["demo", "--db", str(db_path), "--citizens", "-5"])
    assert caught.value.code == 2
    assert not db_path.exists()


def test_a_character_the_console_cannot_show_is_replaced_not_fatal(monkeypatch):
    """Redirected on Korean Windows, stdout is cp949: "✓" is not in it."""
    import io

    from pcrm_desktop import cli
    raw = io.BytesIO()
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="cp949"))
    monkeypatch.setitem(cli.COMMANDS, "check", lambda args: (0, {}, "✓ 정상"))
    assert cli.main(["check"]) == 0
    sys.stdout.flush()
    assert raw.getvalue().decode("cp949") == "? 정상\n"


def test_a_write_waiting_for_another_programs_lock_says_so(capsys, tmp_path):
    """The window (or another pcrm) holds the write lock for a moment: the command waits,
    says why on stderr, then does its work."""
    import threading
    import time
    db = tmp_path / "busy.db"
    assert main(["init", "--db", str(db)]) == 0
    capsys.readouterr()
    holder = sqlite3.connect(db, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(1.5, holder.commit)
    release.start()
    started = time.monotonic()
    try:
        code = main(["demo", "--db", str(db), "--citizens", "5", "--complaints", "0",
                     "--responses", "0"])
    finally:
        release.join()
        holder.close()
    _, err = capsys.readouterr()
    assert code == 0 and time.monotonic() - started >= 1.4
    assert "다른 사용자(또는 프로그램)가 저장 중입니다. 기다리는 중… (1초)" in err
    assert query(db, "SELECT count(*) FROM citizens") == [(5,)]
