"""Opening database files (pcrm_desktop/db/migrate.py): create, upgrade after a backup, refuse.

All on real files under tmp_path; nothing here uses an in-memory database.
"""
from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
import textwrap
from datetime import datetime
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError

from pcrm_desktop.config import resolve_database
from pcrm_desktop.db import migrate
from pcrm_desktop.db.migrate import current_revision, head_revision, open_database
from pcrm_desktop.db.tables import metadata
from pcrm_desktop.db.uow import SqlUnitOfWork
from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.errors import DatabaseError
from pcrm_desktop.domain.office import OfficeProfile
from pcrm_desktop.services.context import ServiceContext
from pcrm_desktop.services.office import complete_first_run

NOW = datetime(2026, 3, 2, 9, 30, 0)


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _open(path: Path, now: datetime | None = None):
    return open_database(resolve_database(str(path)), now=now)


def _siblings(path: Path) -> list[str]:
    return sorted(p.name for p in path.parent.iterdir())


def _create_at_head(path: Path) -> None:
    result = _open(path)
    result.engine.dispose()


def _refused(path: Path) -> DatabaseError:
    with pytest.raises(DatabaseError) as caught:
        result = _open(path)
        result.engine.dispose()  # only reached when the test is about to fail
    return caught.value


def _virtual_tables(engine) -> set[str]:
    with engine.connect() as conn:
        return {r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND sql LIKE 'CREATE VIRTUAL TABLE%'")}


def _is_virtual_or_shadow(name: str, virtual: set[str]) -> bool:
    return name in virtual or any(name.startswith(v + "_") for v in virtual)


def _not_in_metadata(engine, tables: set[str]) -> set[str]:
    virtual = _virtual_tables(engine)
    return {t for t in tables - set(metadata.tables) - {"alembic_version"}
            if not _is_virtual_or_shadow(t, virtual)}


@pytest.fixture
def opened(db_path):
    result = _open(db_path)
    yield result
    result.engine.dispose()


# --- a new database ----------------------------------------------------------------------------

@pytest.mark.parametrize("kind", ["missing", "zero-byte"])
def test_open_empty_creates_every_table_and_stamps_head(tmp_path, kind):
    path = tmp_path / "new" / "pcrm.db"  # the folder does not exist yet either
    if kind == "zero-byte":
        path.parent.mkdir()
        path.write_bytes(b"")
    result = _open(path)
    try:
        tables = set(inspect(result.engine).get_table_names())
        assert set(metadata.tables) <= tables
        assert "alembic_version" in tables
        # Anything else must be an SQLite virtual table (FTS) or one of its shadow tables.
        assert _not_in_metadata(result.engine, tables) == set()
        assert current_revision(result.engine) == head_revision()
        assert (result.from_revision, result.to_revision, result.backup) == (
            None, head_revision(), None)
    finally:
        result.engine.dispose()
    assert not (path.parent / "backups").exists()


def test_second_open_changes_nothing_and_makes_no_backup(db_path):
    _create_at_head(db_path)
    before = _sha256(db_path)
    result = _open(db_path)
    try:
        assert (result.from_revision, result.to_revision, result.backup) == (
            head_revision(), head_revision(), None)
    finally:
        result.engine.dispose()
    assert _sha256(db_path) == before
    assert not (db_path.parent / "backups").exists()


def test_head_revision_constant_matches_the_migrations():
    """`HEAD_REVISION` lets a start on a current database skip Alembic; it must be the real head."""
    assert head_revision() == migrate.HEAD_REVISION
    assert migrate.HEAD_REVISION in migrate.known_revisions()


# --- an upgrade is pending ---------------------------------------------------------------------

PROBE_MIGRATION = '''
"""Test-only migration that a future version of the program might ship.

Revision ID: next_probe
Revises: {down}
"""
import sqlalchemy as sa
from alembic import op

revision = "next_probe"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("probe", sa.Column("id", sa.Integer(), primary_key=True))
    op.execute("UPDATE office SET name = name || ' (v2)'")


def downgrade() -> None:
    op.drop_table("probe")
'''


@pytest.fixture
def newer_program(tmp_path, monkeypatch):
    """Make the program one migration newer than the database.

    How: copy the real migrations folder (env.py and every version) to tmp_path, add one extra
    revision `next_probe` on top of the current head, point `migrate.MIGRATIONS_DIR` at the
    copy and set `migrate.HEAD_REVISION` to the new head — exactly what a developer does when
    shipping a migration. A database created *before* this fixture runs is a real database at
    the current head, with real data; for the patched program it is "one migration behind".
    Nothing about the database file is faked.
    """
    def activate() -> None:
        folder = tmp_path / "migrations-v2"
        shutil.copytree(migrate.MIGRATIONS_DIR, folder,
                        ignore=shutil.ignore_patterns("__pycache__"))
        (folder / "versions" / "next_probe.py").write_text(
            textwrap.dedent(PROBE_MIGRATION).format(down=head_revision()), encoding="utf-8")
        monkeypatch.setattr(migrate, "MIGRATIONS_DIR", folder)
        monkeypatch.setattr(migrate, "HEAD_REVISION", "next_probe")
        assert head_revision() == "next_probe"
    return activate


def test_pending_upgrade_backs_up_first_then_upgrades(db_path, newer_program, monkeypatch):
    old_head = head_revision()
    # A real office, set up through the services, in a database at today's head.
    first = _open(db_path)
    ctx = ServiceContext(lambda: SqlUnitOfWork(first.engine), Actor.system("TEST-PC"))
    complete_first_run(ctx, OfficeProfile("청운효자동 행정복지센터"), ["민원행정팀"], "홍길동", "hong",
                       "Cheongun#2026")
    first.engine.dispose()

    newer_program()
    seen_at_upgrade: list[list[Path]] = []
    real_upgrade = migrate.upgrade

    def spying_upgrade(engine, target="head", now=None):
        seen_at_upgrade.append(sorted((db_path.parent / "backups").glob("*.db")))
        real_upgrade(engine, target, now)
    monkeypatch.setattr(migrate, "upgrade", spying_upgrade)

    result = _open(db_path, now=NOW)
    try:
        assert (result.from_revision, result.to_revision) == (old_head, "next_probe")
        expected = db_path.parent / "backups" / "pcrm-20260302-093000-before-next_probe.db"
        assert result.backup == expected
        assert seen_at_upgrade == [[expected]], "the backup existed before the upgrade ran"
        with result.engine.connect() as conn:
            assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one() \
                == "next_probe"
            assert conn.execute(text("SELECT name FROM office")).scalar_one() == \
                "청운효자동 행정복지센터 (v2)"
            assert "probe" in inspect(conn).get_table_names()
    finally:
        result.engine.dispose()

    # The backup is a complete, intact copy of the database as it was before the upgrade.
    backup = sqlite3.connect(expected)
    try:
        assert backup.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == (old_head,)
        assert backup.execute("SELECT name FROM office").fetchone() == ("청운효자동 행정복지센터",)
        assert backup.execute("SELECT login FROM staff").fetchall() == [("hong",)]
        assert backup.execute("SELECT COUNT(*) FROM audit_log").fetchone() == (2,)
        tables = {r[0] for r in backup.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "probe" not in tables
    finally:
        backup.close()

    # Opened again, the upgraded database needs nothing more.
    again = _open(db_path)
    again.engine.dispose()
    assert again.backup is None and again.from_revision == "next_probe"
    assert len(list((db_path.parent / "backups").iterdir())) == 1


# --- files that must be refused and left alone -------------------------------------------------

def test_unknown_revision_is_refused_as_too_new_and_left_unchanged(db_path):
    _create_at_head(db_path)
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    before = _sha256(db_path)
    error = _refused(db_path)
    assert (error.code, error.params) == ("db_too_new", {"revision": "9999"})
    assert _sha256(db_path) == before
    assert not (db_path.parent / "backups").exists()


def test_too_new_rollback_journal_database_is_left_unchanged(db_path):
    """A newer version's database that is not in WAL mode (copied with `sqlite3 .backup`,
    `VACUUM INTO`, another tool…) must be refused without being touched, too."""
    _create_at_head(db_path)
    conn = sqlite3.connect(db_path)
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    before = _sha256(db_path)
    error = _refused(db_path)
    assert error.code == "db_too_new"
    assert _sha256(db_path) == before, "refusing a too-new database must not write to it"


@pytest.mark.parametrize("content", [
    random.Random(7).randbytes(8192),
    "이름,주소\n홍길동,서울특별시 종로구\n".encode(),
    b"SQLite format 2\x00" + bytes(100),
], ids=["random-bytes", "csv", "almost-sqlite-header"])
def test_not_a_database_is_refused_and_left_byte_identical(db_path, content):
    db_path.write_bytes(content)
    error = _refused(db_path)
    assert (error.code, error.params) == ("db_not_database", {"path": str(db_path)})
    assert db_path.read_bytes() == content
    assert _siblings(db_path) == [db_path.name]  # no -wal, -shm or backups folder


def test_foreign_sqlite_database_is_refused(db_path):
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO customers (name) VALUES ('홍길동')")
    conn.commit()
    conn.close()
    before = _sha256(db_path)
    error = _refused(db_path)
    assert error.code == "db_not_pcrm"
    assert _sha256(db_path) == before
    assert _siblings(db_path) == [db_path.name]


def test_unwritable_folder_is_refused(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the folder should be")
    error = _refused(blocker / "pcrm.db")
    assert error.code == "db_unwritable"
    assert blocker.read_text() == "a file where the folder should be"


# --- the engine and the schema -----------------------------------------------------------------

def test_engine_connections_have_the_pragmas(opened):
    for _ in range(2):  # a fresh and a pooled connection
        with opened.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def test_foreign_keys_are_enforced(opened):
    with SqlUnitOfWork(opened.engine) as uow, pytest.raises(IntegrityError):
        uow.connection.exec_driver_sql(
            "INSERT INTO staff (name, login, role, department_id, active, created_at) "
            "VALUES ('김철수', 'kim', 'clerk', 999, 1, '2026-03-02 09:00:00')")


def test_migrated_schema_matches_the_table_definitions(opened):
    virtual = _virtual_tables(opened.engine)

    def include_name(name, type_, parent_names):
        # FTS virtual tables are created with raw SQL in migrations and have no Core Table.
        return not (type_ == "table" and _is_virtual_or_shadow(name, virtual))

    with opened.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"compare_type": True,
                                                         "include_name": include_name})
        differences = compare_metadata(context, metadata)
    assert differences == []


def test_migrated_server_defaults_match_the_table_definitions(opened):
    """Alembic's own default comparison is unreliable on SQLite ('' vs "''"), so compare here."""
    reflected = inspect(opened.engine)
    checked = 0
    for table in metadata.sorted_tables:
        columns = {c["name"]: c for c in reflected.get_columns(table.name)}
        for column in table.columns:
            expected = column.server_default.arg if column.server_default is not None else None
            actual = columns[column.name]["default"]
            if expected is None:
                assert actual is None, f"{table.name}.{column.name}"
            else:
                assert actual is not None and actual.strip("'\"") == str(expected), \
                    f"{table.name}.{column.name}: {actual!r} != {expected!r}"
                checked += 1
    assert checked >= 10


def test_upgrade_to_0010_chains_the_existing_access_log(db_path):
    """A file at 0009 with entries (a reveal among them, its reason in the detail): after the
    upgrade every entry is chained in id order, the reason has its own column, the staff have
    no password yet, and the log is append-only from then on."""
    from alembic import command

    from pcrm_desktop.db.audit_chain import verify
    from pcrm_desktop.db.engine import make_engine
    config = migrate.alembic_config()
    engine = make_engine(f"sqlite:///{db_path}")
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0009")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO staff (id, name, login, role, active, created_at) "
                             "VALUES (1, '홍길동', 'hong', 'admin', 1, '2026-01-05 09:00:00.000000')")
        for n, (action, target, detail) in enumerate([
                ("office.setup", "office", "센터"), ("citizen.view", "citizen:4", ""),
                ("citizen.reveal", "citizen:4", "phones: 민원 회신 전화"),
                ("citizen.export", "주민.xlsx", "10명, 가림; 사유: -"),
                ("citizen.export", "주민2.xlsx", "3명, 전체 값; 사유: 구청 제출")], start=1):
            conn.exec_driver_sql(
                "INSERT INTO audit_log (id, at, staff_id, actor, workstation, action, target, "
                "detail) VALUES (?, ?, 1, 'hong', 'PC-01', ?, ?, ?)",
                (n, f"2026-01-05 09:0{n}:00.000000", action, target, detail))
    engine.dispose()

    result = _open(db_path)  # the app's own path: backup, then 0010
    try:
        assert result.from_revision == "0009" and result.to_revision == head_revision()
        with result.engine.connect() as conn:
            report = verify(conn)
            # the five entries, then the RRN re-scan of 0012 (one entry, with its count)
            assert report.ok and (report.checked, report.first_id, report.last_id) == (6, 1, 6)
            assert conn.exec_driver_sql(
                "SELECT subject_id, detail, reason FROM audit_log WHERE id <= 5 ORDER BY id"
            ).fetchall() == [
                (None, "센터", ""), (4, "", ""), (4, "phones", "민원 회신 전화"),
                (None, "10명, 가림", ""), (None, "3명, 전체 값", "구청 제출")]
            assert conn.exec_driver_sql(
                "SELECT action, detail FROM audit_log WHERE id = 6").fetchall() == [
                ("privacy.rrn_rescan", "주민등록번호 형태 0건: 모든 입력 칸을 새 규칙으로 다시 검사함")]
            assert conn.exec_driver_sql(
                "SELECT password_hash, must_change_password, failed_logins FROM staff"
            ).fetchall() == [(None, 1, 0)]
            with pytest.raises(IntegrityError):
                conn.exec_driver_sql("DELETE FROM audit_log WHERE id = 2")
    finally:
        result.engine.dispose()
