"""Restoring a backup *into* the live file, never by replacing it.

The backup is copied into the live database through the backup API
(`backup_connection.backup(live_connection)`). The pages are written in one write transaction
of the live file: other connections and other instances keep their handles and see the
restored content at their next transaction (SQLite bumps the schema cookie, so prepared
statements are prepared again); a crash or a cancel midway rolls the transaction back and
leaves the live file as it was. Replacing the file instead would leave every open instance
writing into the old, unlinked file (POSIX) or fail outright (Windows), and would throw away
the -wal file that belongs to it.
"""
from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from pcrm_desktop.db.backup import files
from pcrm_desktop.db.backup.checking import BackupCheck
from pcrm_desktop.db.backup.copying import backup_in_steps, copy_database
from pcrm_desktop.db.backup.files import check_space, storage_error
from pcrm_desktop.db.health import read_only_connection
from pcrm_desktop.domain.backups import space_needed
from pcrm_desktop.domain.errors import DatabaseError

RESTORE_ATTEMPTS = 3


class _ChangedMeanwhile(Exception):
    """Another connection committed between the copy of the current file and the restore."""


@dataclass(frozen=True)
class RestoreOutcome:
    pre_restore: BackupCheck | None
    pages: int
    attempts: int
    seconds: float


def restore_database(backup: Path, live: Path, pre_restore: Path | None,
                     progress: Callable[[str, int, int], None] | None = None,
                     attempts: int = RESTORE_ATTEMPTS) -> RestoreOutcome:
    """Copy the current file to `pre_restore` (kept even if damaged), then write `backup` into
    the live database through the backup API, in one write transaction of the live file.

    No commit made elsewhere in between is lost: a watcher connection reads PRAGMA data_version
    before the copy of the current file; once the restore holds the live file's write lock (its
    first step), the watcher is asked again. If anyone committed meanwhile, the restore is rolled
    back and both are done again (up to `attempts` times, then `restore_busy`).
    `progress(phase, done, total)`: phase "snapshot" or "restore"; raising cancels (before the
    restore's commit the live file is unchanged)."""
    started = time.perf_counter()
    say = progress or (lambda phase, done, total: None)
    try:   # room for the pre-restore copy and for the restored pages in the -wal
        needed = backup.stat().st_size + (space_needed(live.stat().st_size) if pre_restore else 0)
    except OSError as exc:
        raise storage_error(exc, live, live) from exc
    check_space(live.parent, needed)
    for attempt in range(1, attempts + 1):
        watcher = _connect_live(live)
        try:
            seen = watcher.execute("PRAGMA data_version").fetchone()[0]
            kept = None
            if pre_restore is not None:
                if pre_restore.exists():
                    pre_restore.unlink()   # the previous attempt's copy: out of date
                # quick_check only: the copy's pages are the live file's, and a full check of
                # 1.8 GB takes over a minute (the backup to restore gets the full one)
                kept = copy_database(live, pre_restore, lambda d, t: say("snapshot", d, t),
                                     keep_damaged=True, integrity="quick")
            try:
                pages = _restore_pages(backup, live, watcher, seen, say)
            except _ChangedMeanwhile:
                continue
            return RestoreOutcome(kept, pages, attempt, time.perf_counter() - started)
        finally:
            watcher.close()
    raise DatabaseError("restore_busy", path=str(live))


def _connect_live(live: Path) -> sqlite3.Connection:
    try:
        conn = sqlite3.connect(live, timeout=files.BUSY_TIMEOUT_S, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout={int(files.BUSY_TIMEOUT_S * 1000)}")
        return conn
    except sqlite3.Error as exc:
        raise storage_error(exc, live) from exc


def _restore_pages(backup: Path, live: Path, watcher: sqlite3.Connection, seen: int,
                   say: Callable[[str, int, int], None]) -> int:
    src = read_only_connection(backup)
    dst = None
    try:
        src.isolation_level = None
        src.execute("BEGIN")
        total = src.execute("PRAGMA page_count").fetchone()[0]
        dst = _connect_live(live)
        first = [True]

        def report(done: int, pages: int) -> None:
            if first[0]:
                # The live file's write lock is held from the first step until the end: nobody
                # can commit now. Did anyone since the current file was copied?
                first[0] = False
                if watcher.execute("PRAGMA data_version").fetchone()[0] != seen:
                    raise _ChangedMeanwhile()
            if done < pages:
                say("restore", done, pages)   # may cancel: the transaction is still open
            else:  # the last step has committed: a cancel now would only hide that it did
                with contextlib.suppress(Exception):
                    say("restore", done, pages)
        say("restore", 0, total)
        try:
            backup_in_steps(src, dst, total, report)
        except sqlite3.Error as exc:
            raise storage_error(exc, live) from exc
        # fold the restored pages into the file and empty the WAL (busy readers: later)
        with contextlib.suppress(sqlite3.Error):
            dst.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        return total
    finally:
        if dst is not None:
            dst.close()
        src.close()
