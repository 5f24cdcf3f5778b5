"""Read-only inspection of a database file: is it SQLite, is it ours, is it intact, which schema.

Opens the file read-only (SQLite URI mode=ro) and never writes to it, so a wrong or damaged file
is left byte-for-byte as it was.
"""
from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from pcrm_desktop.domain.errors import DatabaseError

# The newest migration. Kept here (sqlite3 only, no SQLAlchemy) so that a start on a current
# database needs no Alembic import (about a third of a second) and the start notice can be
# decided before the heavy imports; a test checks it equals the head of migrations/versions.
HEAD_REVISION = "0014"

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileHealth:
    path: Path
    revision: str | None   # Alembic revision, None for an empty (new) database
    integrity: str         # "ok" or SQLite's first complaint
    tables: int
    size_bytes: int
    guards: tuple[str, ...] = ()   # the access log's protection missing or altered (full check)


def read_only_connection(path: Path, immutable: bool = False) -> sqlite3.Connection:
    uri = f"file:{quote(path.resolve().as_posix())}?mode=ro"
    return sqlite3.connect(uri + ("&immutable=1" if immutable else ""), uri=True)


def folder_writable(folder: Path) -> bool:
    """May this process create files in `folder` (SQLite's -wal and -shm beside a database)?
    Asked of the system, so nothing is written to find out: a write-protected USB stick, a
    read-only mount and missing rights all say no. (On Windows only the read-only attribute
    counts; an ACL that forbids writing shows when SQLite tries, see `inspect_file`.)"""
    return os.access(folder, os.W_OK)


def inspect_file(path: Path, integrity: str | None = "full") -> FileHealth:
    """Raise DatabaseError when the file cannot be used; else say what it holds.

    integrity: "full" (integrity_check), "quick" (quick_check) or None (header and schema only,
    fast enough for every start-up on a large file)."""
    if not path.exists():
        raise DatabaseError("db_missing", path=str(path))
    if path.is_dir():
        raise DatabaseError("db_is_folder", path=str(path))
    if not path.is_file():  # a device, a pipe
        raise DatabaseError("db_not_database", path=str(path))
    size = path.stat().st_size
    try:
        return _open_and_inspect(path, size, integrity, immutable=False)
    except sqlite3.Error as exc:
        if not _only_the_folder_is_read_only(exc, path):
            raise _refusal(exc, path) from exc
    # A WAL database in a folder this process may not write to: SQLite cannot make the -shm
    # file it reads through, and refuses even a read-only open ("attempt to write a readonly
    # database"). With no -wal and no -journal beside it, every committed page is in the file
    # itself and nobody has it open for writing, so it is read as immutable (no -shm, no locks).
    try:
        return _open_and_inspect(path, size, integrity, immutable=True)
    except sqlite3.Error as exc:
        raise _refusal(exc, path) from exc


def _open_and_inspect(path: Path, size: int, integrity: str | None, immutable: bool) -> FileHealth:
    # No open() of our own to read the header: closing any descriptor of a database file drops
    # every POSIX lock this process's SQLite connections hold on it (an engine already open in
    # this process would be left unguarded, and another process could checkpoint and remove the
    # WAL under it: "disk I/O error"). SQLite reads the header and says SQLITE_NOTADB.
    conn = read_only_connection(path, immutable)
    try:
        return _inspect(conn, path, size, integrity)
    finally:
        conn.close()


def _primary_code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return code & 0xFF if isinstance(code, int) else None


def _cannot_write_beside(exc: sqlite3.Error) -> bool:
    """SQLITE_READONLY or SQLITE_CANTOPEN on a read-only open: SQLite needed to make or change
    a file beside the database (-shm, -wal), not that the database itself is wrong."""
    return _primary_code(exc) in (8, 14) or "readonly database" in str(exc)


def _only_the_folder_is_read_only(exc: sqlite3.Error, path: Path) -> bool:
    side = [path.with_name(path.name + suffix) for suffix in ("-wal", "-journal")]
    return _cannot_write_beside(exc) and not any(p.exists() for p in side)


def _refusal(exc: sqlite3.Error, path: Path) -> DatabaseError:
    """A file another program holds locked is not a damaged one (SQLITE_BUSY / SQLITE_LOCKED),
    nor one in a folder that may not be written to."""
    code = _primary_code(exc)
    if code in (5, 6) or "database is locked" in str(exc):
        return DatabaseError("db_locked", path=str(path))
    if code == 26 or "file is not a database" in str(exc):  # SQLITE_NOTADB: no SQLite header
        return DatabaseError("db_not_database", path=str(path))
    if _cannot_write_beside(exc) and not folder_writable(path.parent):
        return DatabaseError("db_folder_read_only", path=str(path.parent))
    return DatabaseError("db_damaged", detail=str(exc))


def _inspect(conn: sqlite3.Connection, path: Path, size: int, mode: str | None) -> FileHealth:
    integrity = "ok"
    if mode is not None:
        pragma = "integrity_check" if mode == "full" else "quick_check"
        problems = [row[0] for row in conn.execute(f"PRAGMA {pragma}(5)")]
        integrity = "ok" if problems == ["ok"] else "; ".join(problems)
    names = {row[0] for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
    revision = None
    if "alembic_version" in names:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        revision = row[0] if row else None
    elif names:
        raise DatabaseError("db_not_pcrm", path=str(path))
    guards: tuple[str, ...] = ()
    if mode == "full":
        from pcrm_desktop.db.audit_schema import guard_problems
        guards = tuple(guard_problems(conn))
    return FileHealth(path, revision, integrity, len(names), size, guards)


def pending_work(path: Path | None) -> str | None:
    """What opening the database will do before it is ready, for a notice on screen: "create"
    (a new file: about a second of migrations), "upgrade" (back up, then migrate: minutes on a
    large file), or None (the everyday start, or a file the opening will refuse anyway)."""
    if path is None:
        return None
    if not path.exists():
        return "create"
    try:
        revision = inspect_file(path, integrity=None).revision
    except DatabaseError:
        return None
    if revision is None:
        return "create"
    # revisions are zero-padded numbers: a newer program's file is refused, not migrated
    return "upgrade" if revision < HEAD_REVISION else None
