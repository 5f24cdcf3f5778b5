"""Making a copy of a live database: one consistent snapshot through SQLite's online backup
API, safe while the app and other instances write.

A read-only connection opens a read transaction first, so the backup API copies one snapshot
in steps (progress between steps; writers elsewhere go on, WAL). Without the open read
transaction, every commit elsewhere would make SQLite start the copy again. The copy is
written to `<name>.part`, switched to a plain rollback journal (one self-contained file: no
-wal beside it on a USB stick), checked with `PRAGMA integrity_check`, checked to be ours
(`alembic_version`), flushed, and only then renamed to its name. A failed or cancelled copy
leaves no file behind.
"""
from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from pcrm_desktop.db.backup import files
from pcrm_desktop.db.backup.checking import BackupCheck, verify_file
from pcrm_desktop.db.backup.files import (
    SQLITE_BUSY,
    SQLITE_LOCKED,
    Progress,
    check_space,
    ensure_folder,
    fsync_dir,
    fsync_file,
    remove_partial,
    storage_error,
)
from pcrm_desktop.db.health import read_only_connection
from pcrm_desktop.domain.backups import space_needed
from pcrm_desktop.domain.errors import DatabaseError

PAGES_PER_STEP = 2048          # 8 MiB of 4 KiB pages between two progress reports


def _step(pages: int) -> int:
    """Pages per backup step: at most PAGES_PER_STEP, and at least two steps for any file, so
    a restore's first progress report comes while its write transaction is still open."""
    return max(1, min(PAGES_PER_STEP, pages // 10 if pages >= 20 else pages // 2 or 1))


def _page_count(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA page_count").fetchone()[0]


def copy_database(source: Path, target: Path, progress: Progress | None = None,
                  keep_damaged: bool = False,
                  before_rename: Callable[[BackupCheck], None] | None = None,
                  create_folder: bool = True, integrity: str = "full") -> BackupCheck:
    """Copy `source` (a live database, or any SQLite file) into a new file `target`, verified.

    The copy is one snapshot, written to `<target>.part`, integrity-checked and only then
    renamed. With `keep_damaged`, a copy whose integrity check fails is kept all the same (the
    copy of a damaged file before a restore replaces it); otherwise it is removed and the error
    raised. `before_rename(check)` runs when the copy is complete and checked (an export writes
    its access-log entry there); if it raises, the copy is removed. Disk full, a read-only or
    missing folder, a locked source: DatabaseError with a code. Without `create_folder` (a copy
    to a place the user chose, a USB stick), a missing folder is said so, not made."""
    if create_folder:
        ensure_folder(target.parent)
    elif not target.parent.is_dir():
        raise DatabaseError("backup_folder_missing", path=str(target.parent))
    try:
        size = source.stat().st_size
    except FileNotFoundError as exc:
        raise DatabaseError("db_missing", path=str(source)) from exc
    except OSError as exc:
        raise storage_error(exc, source) from exc
    check_space(target.parent, space_needed(size))
    part = target.with_name(target.name + ".part")
    remove_partial(part)
    try:
        _backup_pages(source, part, progress)
        fsync_file(part)
        try:
            check = verify_file(part, integrity=integrity)
        except DatabaseError:
            if not keep_damaged:
                raise
            check = BackupCheck(part, part.stat().st_size, None, "damaged", None)
        if check.integrity != "ok" and not keep_damaged:
            raise DatabaseError("backup_damaged", name=source.name, detail=check.integrity)
        if before_rename is not None:
            before_rename(check)
        os.replace(part, target)
        fsync_dir(target.parent)
    except BaseException as exc:
        remove_partial(part)
        if isinstance(exc, (OSError, sqlite3.Error)):
            raise storage_error(exc, part, source) from exc
        raise
    return BackupCheck(target, check.size_bytes, check.revision, check.integrity,
                       check.audit_last_id, None, check.audit_last_hash, check.database_id)


def _backup_pages(source: Path, part: Path, progress: Progress | None) -> None:
    src = read_only_connection(source)
    try:
        src.execute(f"PRAGMA busy_timeout={int(files.BUSY_TIMEOUT_S * 1000)}")
        src.isolation_level = None
        # One read transaction for the whole copy: a consistent snapshot, copied in steps.
        src.execute("BEGIN")
        src.execute("SELECT count(*) FROM sqlite_master").fetchone()
        total = _page_count(src)
        dst = sqlite3.connect(part, isolation_level=None)
        try:
            _run_backup(src, dst, total, progress)
            # A self-contained file (no -wal beside it), made durable before it is renamed.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def backup_in_steps(src: sqlite3.Connection, dst: sqlite3.Connection, total: int,
            on_step: Callable[[int, int], None]) -> None:
    """src.backup(dst) in steps. `on_step(done, total)` after each step that copied pages.
    Python's backup() retries a busy or locked step for ever; here a lock held longer than
    BUSY_TIMEOUT_S (beyond each step's own busy timeout) ends it as `db_locked`."""
    busy_since: list[float] = []

    def report(status: int, remaining: int, pages: int) -> None:
        if status in (SQLITE_BUSY, SQLITE_LOCKED):
            if not busy_since:
                busy_since.append(time.monotonic())
            elif time.monotonic() - busy_since[0] > files.BUSY_TIMEOUT_S:
                raise sqlite3.OperationalError("database is locked")
            return
        busy_since.clear()
        on_step(pages - remaining, pages)
    src.backup(dst, pages=_step(total), progress=report, sleep=0.05)


def _run_backup(src: sqlite3.Connection, dst: sqlite3.Connection, total: int,
                progress: Progress | None) -> None:
    if progress is not None:
        progress(0, total)
    backup_in_steps(src, dst, total, progress or (lambda done, pages: None))
