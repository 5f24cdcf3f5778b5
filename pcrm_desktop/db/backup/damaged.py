"""A damaged database file: whether another process still has it open, setting it aside
(renamed, never deleted) so a backup can take its place, and the backup's admin account the
recovery is checked against (the damaged file is not trusted)."""
from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
from datetime import datetime
from pathlib import Path

from pcrm_desktop.db.backup.files import fsync_dir, storage_error
from pcrm_desktop.db.health import read_only_connection
from pcrm_desktop.domain.errors import DatabaseError


def in_use_elsewhere(db_path: Path) -> bool:
    """Whether another process has this WAL database open (POSIX: every connection holds a
    shared lock on the -shm file's DMS byte). Only meaningful while this process has no
    connection to the file: closing our probe drops this process's own locks on it. On Windows
    the file cannot be renamed while open, which `set_aside` reports instead."""
    shm = db_path.with_name(db_path.name + "-shm")
    if os.name != "posix" or not shm.exists():
        return False
    import fcntl
    try:
        fd = os.open(shm, os.O_RDWR)
    except OSError:
        return False
    try:
        try:
            fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB, 1, 128)
        except OSError:
            return True
        fcntl.lockf(fd, fcntl.LOCK_UN, 1, 128)
        return False
    finally:
        os.close(fd)


def set_aside(db_path: Path, now: datetime) -> Path:
    """Rename a damaged database, with its -wal and -shm, to `<name>.damaged-<time>` (the -wal
    keeps its suffix, so SQLite still reads the two together). Nothing is deleted."""
    aside = db_path.with_name(f"{db_path.name}.damaged-{now:%Y%m%d-%H%M%S}")
    n = 1
    while aside.exists():
        aside = db_path.with_name(f"{db_path.name}.damaged-{now:%Y%m%d-%H%M%S}.{n}")
        n += 1
    moves = [(db_path, aside)] + [
        (db_path.with_name(db_path.name + suffix), aside.with_name(aside.name + suffix))
        for suffix in ("-wal", "-shm") if db_path.with_name(db_path.name + suffix).exists()]
    done = []
    try:
        for old, new in moves:
            os.replace(old, new)
            done.append((old, new))
    except OSError as exc:
        for old, new in reversed(done):  # put back what moved: all or nothing
            with contextlib.suppress(OSError):
                os.replace(new, old)
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EBUSY) or \
                getattr(exc, "winerror", None) == 32:
            raise DatabaseError("db_in_use", path=str(db_path)) from exc
        raise storage_error(exc, db_path) from exc
    fsync_dir(db_path.parent)
    return aside


def staff_login_row(db_path: Path, login: str) -> dict | None:
    """One staff account of a database file, read-only (the recovery's admin check against the
    backup it restores: the damaged file cannot be trusted and is never written)."""
    conn = read_only_connection(db_path)
    try:
        conn.row_factory = sqlite3.Row
        columns = {row[1] for row in conn.execute("PRAGMA table_info(staff)")}
        wanted = ["id", "login", "role", "active"] + (["password_hash"] if "password_hash"
                                                       in columns else [])
        row = conn.execute(f"SELECT {', '.join(wanted)} FROM staff WHERE login = ?",
                           (login,)).fetchone()
        return dict(row) if row else None
    except sqlite3.Error as exc:
        raise DatabaseError("db_damaged", detail=str(exc)) from exc
    finally:
        conn.close()
