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
    if size > 0:
        with path.open("rb") as handle:
            if handle.read(len(SQLITE_HEADER)) != SQLITE_HEADER:
                raise DatabaseError("db_not_database", path=str(path))
    try:
        conn = read_only_connection(path)
    except sqlite3.Error as exc:
        raise DatabaseError("db_damaged", detail=str(exc)) from exc
    try:
        return _inspect(conn, path, size, integrity)
    except sqlite3.DatabaseError as exc:
        raise DatabaseError("db_damaged", detail=str(exc)) from exc
    finally:
        conn.close()


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
