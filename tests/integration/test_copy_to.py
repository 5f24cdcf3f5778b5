"""`pcrm copy-to URL --db FILE`: an office's file moved into an empty server database (db/copying.py).

PostgreSQL by nature (a file in, a server database out): every test takes the session's
`pg_server` and new databases of its own; none is parametrized by backend. The file is a demo
(`pcrm demo … --seed 3 --now …`), made once for the module and copied before each test that
needs to sign in to it (a sign-in writes to the file)."""
from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select, text

from pcrm_desktop.cli import main
from pcrm_desktop.db.tables import metadata
from tests.conftest import ADMIN_PASSWORD

DEMO = ("--citizens", "300", "--complaints", "500", "--responses", "300", "--seed", "3",
        "--now", "2026-06-15 10:30")


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def run_json(capsys, *argv: str) -> tuple[int, dict, str]:
    code, out, err = run(capsys, *argv, "--json")
    return code, json.loads(out.strip().splitlines()[-1] if code else out), err


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("copy-to") / "office.db"
    assert main(["demo", "--db", str(path), *DEMO]) == 0
    return path


@pytest.fixture
def source(demo_file, tmp_path) -> Path:
    """The demo file, copied for this test (with nothing beside it: the demo closed cleanly)."""
    path = tmp_path / "pcrm.db"
    shutil.copyfile(demo_file, path)
    return path


@pytest.fixture
def empty_server(pg_server):
    url = pg_server.new_database(empty=True)
    yield url
    pg_server.drop(url)


def tables_of(url: str) -> list[str]:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [row[0] for row in conn.execute(text(
                "SELECT table_name FROM information_schema.tables"
                " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"))]
    finally:
        engine.dispose()


def contents(url: str, names=None) -> dict[str, list[tuple]]:
    """Every row of every table (or of `names`) in key order, as SQLAlchemy's types read it."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            found = {}
            for table in metadata.sorted_tables:
                if names is None or table.name in names:
                    query = select(table).order_by(*table.primary_key.columns)
                    found[table.name] = [tuple(row) for row in conn.execute(query)]
            return found
    finally:
        engine.dispose()


def file_url(path: Path) -> str:
    return f"sqlite:///{path}"


# --- the move ----------------------------------------------------------------------------------

def test_a_demo_file_arrives_whole_and_the_file_is_untouched(capsys, source, empty_server):
    before = sha256(source)
    code, summary, err = run_json(capsys, "copy-to", empty_server, "--db", str(source))
    assert code == 0, err
    assert sha256(source) == before                      # read only: not a byte changed
    assert summary["ok"] and summary["migrated"] is True  # the empty database was migrated
    tables = summary["tables"]
    assert all(t["source"] == t["target"] for t in tables.values())
    assert tables["citizens"]["target"] == 300 and tables["complaints"]["target"] == 500
    assert tables["survey_responses"]["target"] == 300 and tables["citizen_fts"]["target"] == 300
    assert "citizen_fts_data" not in tables and "complaint_fts" not in tables
    assert summary["rows"] == sum(t["target"] for t in tables.values())
    assert "complaints" in err                           # progress on stderr, like `pcrm demo`
    log = summary["access_log"]
    assert log["verified"] and log["checked"] == tables["audit_log"]["source"]
    assert log["copy_entry"] == log["last_id"] + 1
    # the server keeps an identity of its own; the file keeps its own
    assert summary["source_database_id"] != summary["target_database_id"]

    # every copied table holds the file's rows, value for value (the server's own identity,
    # chain start, the log's new entry and the recomputed sums aside: checked below)
    mine, theirs = contents(file_url(source)), contents(empty_server)
    for name in mine:
        if name in ("database_identity", "audit_log", "survey_item_days", "survey_response_days"):
            continue
        assert theirs[name] == mine[name], name
    assert theirs["audit_log"][:-1] == mine["audit_log"]
    moved = theirs["audit_log"][-1]
    assert moved[5] == "db.create" and "파일에서 복사" in moved[7] and str(source) in moved[7]


def test_the_survey_sums_are_the_files_recomputed_by_the_servers_triggers(capsys, source,
                                                                          empty_server):
    assert run(capsys, "copy-to", empty_server, "--db", str(source))[0] == 0
    names = ("survey_item_days", "survey_response_days")
    mine, theirs = contents(file_url(source), names), contents(empty_server, names)
    assert len(mine["survey_item_days"]) > 100 and len(mine["survey_response_days"]) > 50
    assert theirs == mine                                 # not doubled, not missing

    # the same summary from either database
    period = ("--from", "2020-01-01", "--to", "2030-12-31")
    for survey in ("COUNTER", "HAPPYCALL"):
        code, on_file, err = run_json(capsys, "survey", "summary", "--db", str(source),
                                      "--survey", survey, *period)
        assert code == 0, err
        code, on_server, err = run_json(capsys, "survey", "summary", "--db", empty_server,
                                        "--survey", survey, *period)
        assert code == 0, err
        assert on_server == on_file


def test_the_server_verifies_reports_and_numbers_on(capsys, source, empty_server, tmp_path):
    assert run(capsys, "copy-to", empty_server, "--db", str(source))[0] == 0
    code, verified, err = run_json(capsys, "audit", "verify", "--db", empty_server)
    assert code == 0 and verified["ok"], err

    outputs = []
    for db, name in ((str(source), "file"), (empty_server, "server")):
        code, report, err = run_json(capsys, "report", "monthly", "--db", db, "--month", "2026-05",
                                     "--out", str(tmp_path / f"{name}.pdf"))
        assert code == 0, err
        outputs.append({k: v for k, v in report.items() if k not in ("out", "xlsx")})
    assert outputs[0] == outputs[1] and outputs[0]["headline"]["received"]["value"] > 0

    # new rows get new ids: the sequences were moved past the copied ones
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.domain.citizens import Citizen
    from pcrm_desktop.domain.complaints import Channel, Intake
    from pcrm_desktop.services import accounts, citizens, complaints
    backend = open_backend(empty_server)
    try:
        ctx = backend.ctx
        admin = ctx.as_actor(accounts.sign_in(ctx, "admin", ADMIN_PASSWORD).actor)
        person = citizens.register_citizen(admin, Citizen(None, "서버새주민", 1971),
                                           allow_duplicate=True)
        case = complaints.receive(admin, Intake(ctx.clock(), Channel.VISIT, "inquiry",
                                                "서버에서 접수", "내용", None, person.citizen_id))
    finally:
        backend.close()
    with sqlite3.connect(source) as conn:
        (most_citizens,), = conn.execute("SELECT max(id) FROM citizens")
        (most_cases,), = conn.execute("SELECT max(id) FROM complaints")
        numbers = {n for (n,) in conn.execute("SELECT receipt_no FROM complaints")}
    assert person.citizen_id == most_citizens + 1 and case.complaint_id == most_cases + 1
    assert case.receipt_no not in numbers
    code, verified, err = run_json(capsys, "audit", "verify", "--db", empty_server)
    assert code == 0 and verified["ok"], err


# --- refusals ----------------------------------------------------------------------------------

def test_a_database_with_data_is_refused_and_left_as_it_was(capsys, source, pg_server):
    url = pg_server.new_database()  # opened once by the program: its creation logged
    try:
        before = contents(url)
        before_hash = sha256(source)
        code, out, err = run(capsys, "copy-to", url, "--db", str(source))
        assert code == 1 and "비어 있지 않은 데이터베이스" in err and "audit_log" in err
        assert contents(url) == before and sha256(source) == before_hash
    finally:
        pg_server.drop(url)


def test_a_file_of_another_schema_is_refused_unread(capsys, tmp_path, empty_server):
    from pcrm_desktop.db.engine import make_engine
    from pcrm_desktop.db.migrate import upgrade
    old = tmp_path / "old.db"
    engine = make_engine(file_url(old))
    upgrade(engine, "0012")
    engine.dispose()
    before = sha256(old)
    code, _, err = run(capsys, "copy-to", empty_server, "--db", str(old))
    assert code == 1 and "pcrm init --db" in err and "0012" in err
    assert sha256(old) == before and tables_of(empty_server) == []


def test_the_source_must_be_a_file_and_the_target_a_server(capsys, source, tmp_path):
    code, _, err = run(capsys, "copy-to", str(tmp_path / "other.db"), "--db", str(source))
    assert code == 1 and "PostgreSQL 서버" in err and not (tmp_path / "other.db").exists()
    code, _, err = run(capsys, "copy-to", "postgresql://nobody@/x?host=/nonexistent",
                       "--db", "postgresql://nobody@/y?host=/nonexistent")
    assert code == 1 and "파일이어야" in err


# --- a failure half-way ------------------------------------------------------------------------

def _unsendable(path: Path) -> None:
    """A 민원 title the file took and a server refuses (a NUL character): complaints come late in
    the copy, after most tables were written."""
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE complaints SET title = title || char(0) WHERE id = 400")
    conn.close()


def test_a_failure_half_way_leaves_an_empty_database_empty(capsys, source, empty_server):
    _unsendable(source)
    code, _, err = run(capsys, "copy-to", empty_server, "--db", str(source))
    assert code == 1 and "complaints" in err and "비어 있고" in err
    assert tables_of(empty_server) == []  # the migrations went back with the rows


def test_a_failure_half_way_leaves_a_migrated_database_as_migrated(capsys, tmp_path, source,
                                                                   empty_server):
    from pcrm_desktop.db.engine import make_engine
    from pcrm_desktop.db.migrate import upgrade
    engine = make_engine(empty_server)
    upgrade(engine, now=datetime(2026, 6, 1, 9, 0))
    engine.dispose()
    fresh = contents(empty_server)
    assert len(fresh["complaint_categories"]) > 0 and fresh["audit_log"] == []
    broken = tmp_path / "broken.db"
    shutil.copyfile(source, broken)
    _unsendable(broken)
    code, _, err = run(capsys, "copy-to", empty_server, "--db", str(broken))
    assert code == 1 and "complaints" in err
    assert contents(empty_server) == fresh  # seeds, chain start and identity as they were
    # and the same database still takes a good file (migrated by hand: accepted as new)
    code, summary, err = run_json(capsys, "copy-to", empty_server, "--db", str(source))
    assert code == 0 and summary["migrated"] is False, err
    assert summary["target_database_id"] == fresh["database_identity"][0][1]


def test_the_attached_files_move_into_the_server_and_open_there(tmp_path, empty_server, capsys):
    """The files beside the file (attachments/<sha256>) arrive in the server's
    attachment_contents, checked by their hash; a 민원's file opens from the server; a recorded
    file that is not beside the file is named, its record still moved."""
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.domain.complaints import Channel, Intake
    from pcrm_desktop.domain.office import OfficeProfile
    from pcrm_desktop.services import attachments, complaints
    from pcrm_desktop.services.office import complete_first_run
    path = tmp_path / "pcrm.db"
    backend = open_backend(str(path))
    ctx = backend.ctx
    ctx = ctx.as_actor(complete_first_run(ctx, OfficeProfile("청운효자동 행정복지센터"), ["민원팀"],
                                          "홍길동", "hong", ADMIN_PASSWORD))
    photo, letter = tmp_path / "현장.jpg", tmp_path / "진정서.pdf"
    photo.write_bytes(b"\xff\xd8" + b"p" * 30000)
    letter.write_bytes(b"%PDF" + b"l" * 700)
    case = complaints.receive(ctx, Intake(datetime(2026, 6, 1, 10, 0), Channel.VISIT, "inquiry",
                                          "가로등 고장", "내용", None, None), [photo, letter])
    backend.close()
    gone = path.parent / "attachments" / hashlib.sha256(letter.read_bytes()).hexdigest()
    gone.unlink()                                    # recorded, but no longer beside the file
    before = sha256(path)
    code, report, _ = run_json(capsys, "copy-to", empty_server, "--db", str(path))
    assert code == 0 and report["attachments"] == 1
    assert report["attachments_missing"] == [gone.name]
    assert sha256(path) == before
    server = open_backend(empty_server)
    try:
        on_server = server.ctx.as_actor(ctx.actor)
        listed = attachments.attachments(on_server, case.complaint_id)
        assert [a.name for a in listed] == ["현장.jpg", "진정서.pdf"]
        opened = attachments.open_copy(on_server, listed[0].id, tmp_path / "view")
        assert opened.read_bytes() == photo.read_bytes()
        with pytest.raises(Exception) as refused:
            attachments.open_copy(on_server, listed[1].id, tmp_path / "view")
        assert getattr(refused.value, "code", "") == "attachment_missing"
    finally:
        server.close()
