"""Looking into a database file without changing it: whether a copy is intact and ours, its
schema, its newest access-log entry, its access log's chain, which database it is a copy of,
and how many changes the live file holds since a backup ended."""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from pcrm_desktop.db.backup import files
from pcrm_desktop.db.backup.files import storage_error
from pcrm_desktop.db.health import SQLITE_HEADER, inspect_file, read_only_connection
from pcrm_desktop.domain.audit import ChainReport
from pcrm_desktop.domain.errors import DatabaseError


@dataclass(frozen=True)
class BackupCheck:
    path: Path
    size_bytes: int
    revision: str | None
    integrity: str                      # "ok" or SQLite's first complaints
    audit_last_id: int | None           # the newest access-log entry in the copy
    chain: ChainReport | None = None    # None: not checked, or a schema before the chain
    audit_last_hash: str | None = None  # that entry's chain hash (hex), when the schema has one
    database_id: str | None = None      # which database this is a copy of (migration 0011)

    @property
    def ok(self) -> bool:
        return self.integrity == "ok" and (self.chain is None or self.chain.ok)


def verify_file(path: Path, chain: bool = False, integrity: str = "full") -> BackupCheck:
    """Integrity check (`integrity`: "full" = integrity_check, "quick" = quick_check), that it
    is ours, its schema, its newest access-log entry and, with `chain`, the access log's hash
    chain from its start. Read-only: the file stays as it is. Raises DatabaseError for what is
    no database of ours."""
    health = inspect_file(path, integrity=integrity)
    if health.revision is None:   # an empty SQLite file: nothing of ours in it
        raise DatabaseError("db_not_pcrm", path=str(path))
    last, last_hash = audit_head(path, strict=True)
    report = chain_report(path) if chain and health.integrity == "ok" else None
    return BackupCheck(path, health.size_bytes, health.revision, health.integrity, last, report,
                       last_hash, identity(path)[0])


def audit_head(path: Path, strict: bool = False) -> tuple[int | None, str | None]:
    """The newest access-log entry of a database file: its id and chain hash (hex). Read-only.
    (None, None) for an empty log, or, unless `strict`, for a file that cannot be read."""
    try:
        conn = read_only_connection(path)
        try:
            if not _has_table(conn, "audit_log"):
                return None, None
            columns = {row[1] for row in conn.execute("PRAGMA table_info(audit_log)")}
            row = conn.execute("SELECT id, " + ("hash" if "hash" in columns else "NULL") +
                               " FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if strict:
            raise DatabaseError("db_damaged", detail=str(exc)) from exc
        return None, None
    if row is None:
        return None, None
    return row[0], bytes(row[1]).hex() if row[1] is not None else None


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                        (name,)).fetchone() is not None


def chain_report(path: Path) -> ChainReport | None:
    """The access log's chain in a database file, checked from its start (no anchor: a copy is
    checked on its own). None for a schema older than the chain (before migration 0010)."""
    from sqlalchemy import create_engine
    from sqlalchemy.pool import NullPool

    from pcrm_desktop.db import audit_chain
    engine = create_engine("sqlite://", creator=lambda: read_only_connection(path),
                           poolclass=NullPool)
    try:
        with engine.connect() as connection:
            columns = {row[1] for row in connection.exec_driver_sql("PRAGMA table_info(audit_log)")}
            if "hash" not in columns:
                return None
            return audit_chain.verify(connection)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError("db_damaged", detail=str(exc)) from exc
    finally:
        engine.dispose()


def is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def identity(path: Path) -> tuple[str | None, list[tuple[int, str]]]:
    """A database file's own id and its access log's key stretches (read-only; (None, []) for
    a schema before migration 0011 or a file that cannot be read)."""
    try:
        conn = read_only_connection(path)
        try:
            if not _has_table(conn, "database_identity"):
                return None, []
            row = conn.execute("SELECT database_id FROM database_identity WHERE id = 1").fetchone()
            stretches = [(r[0], r[1]) for r in conn.execute(
                "SELECT from_id, key_id FROM audit_chain_keys ORDER BY from_id")]
        finally:
            conn.close()
    except sqlite3.Error:
        return None, []
    return (row[0] if row else None), stretches


def changes_since(db_path: Path, last_id: int | None, last_hash: str | None,
                  quiet: tuple[str, ...]) -> int:
    """How many access-log entries after `last_id` are not `quiet` actions (every change writes
    an entry, so this counts the changes since a backup that ended there), plus one when the
    log no longer holds entry `last_id` with `last_hash` (a restore put an older log back: the
    data differ from the backup's although the ids may not show it). Read-only; a range over
    the primary key."""
    marks = ",".join("?" * len(quiet))
    conn = read_only_connection(db_path)
    try:
        conn.execute(f"PRAGMA busy_timeout={int(files.BUSY_TIMEOUT_S * 1000)}")
        count = conn.execute(f"SELECT count(*) FROM audit_log WHERE id > ? AND action NOT IN "
                             f"({marks})", (last_id or 0, *quiet)).fetchone()[0]
        if last_id is not None and last_hash:
            row = conn.execute("SELECT hash FROM audit_log WHERE id = ?", (last_id,)).fetchone()
            if row is None or row[0] is None or bytes(row[0]).hex() != last_hash:
                count += 1
        return count
    except sqlite3.Error as exc:
        raise storage_error(exc, db_path, db_path) from exc
    finally:
        conn.close()
