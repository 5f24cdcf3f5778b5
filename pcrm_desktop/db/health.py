"""Read-only inspection of a database file: is it SQLite, is it ours, is it intact, which schema.

Opens the file read-only (SQLite URI mode=ro) and never writes to it, so a wrong or damaged file
is left byte-for-byte as it was.
"""
from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from pcrm_desktop.domain.errors import DatabaseError

# The newest migration. Kept here (sqlite3 only, no SQLAlchemy) so that a start on a current
# database needs no Alembic import (about a third of a second) and the start notice can be
# decided before the heavy imports; a test checks it equals the head of migrations/versions.
HEAD_REVISION = "0010"

SQLITE_HEADER = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileHealth:
    path: Path
    revision: str | None   # Alembic revision, None for an empty (new) database
    integrity: str         # "ok" or SQLite's first complaint
    tables: int
    size_bytes: int


def read_only_connection(path: Path) -> sqlite3.Connection:
    uri = f"file:{quote(path.resolve().as_posix())}?mode=ro"
    return sqlite3.connect(uri, uri=True)


def inspect_file(path: Path, integrity: str | None = "full") -> FileHealth:
    """Raise DatabaseError when the file cannot be used; else say what it holds.

    integrity: "full" (integrity_check), "quick" (quick_check) or None (header and schema only,
    fast enough for every start-up on a large file)."""
    if not path.exists():
        raise DatabaseError("db_missing", path=str(path))
    if not path.is_file():
        raise DatabaseError("db_not_database", path=str(path))
    size = path.stat().st_size
    # No open() of our own to read the header: closing any descriptor of a database file drops
    # every POSIX lock this process's SQLite connections hold on it (an engine already open in
    # this process would be left unguarded, and another process could checkpoint and remove the
    # WAL under it: "disk I/O error"). SQLite reads the header and says SQLITE_NOTADB.
    try:
        conn = read_only_connection(path)
    except sqlite3.Error as exc:
        raise _refusal(exc, path) from exc
    try:
        return _inspect(conn, path, size, integrity)
    except sqlite3.DatabaseError as exc:
        raise _refusal(exc, path) from exc
    finally:
        conn.close()


def _refusal(exc: sqlite3.Error, path: Path) -> DatabaseError:
    """A file another program holds locked is not a damaged one (SQLITE_BUSY / SQLITE_LOCKED)."""
    code = getattr(exc, "sqlite_errorcode", None)
    code = code & 0xFF if isinstance(code, int) else None
    if code in (5, 6) or "database is locked" in str(exc):
        return DatabaseError("db_locked", path=str(path))
    if code == 26 or "file is not a database" in str(exc):  # SQLITE_NOTADB: no SQLite header
        return DatabaseError("db_not_database", path=str(path))
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
    return FileHealth(path, revision, integrity, len(names), size)


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
