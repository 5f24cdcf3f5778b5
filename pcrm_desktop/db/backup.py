"""Copies of the database: made with SQLite's online backup API (safe while the app and other
instances run), checked after writing, restored *into* the live file, encrypted for a USB stick.

- **Making a copy** (`copy_database`): a read-only connection opens a read transaction first, so
  the backup API copies one consistent snapshot in steps (progress between steps; writers
  elsewhere go on, WAL). Without the open read transaction, every commit elsewhere would make
  SQLite start the copy again. The copy is written to `<name>.part`, switched to a plain
  rollback journal (one self-contained file: no -wal beside it on a USB stick), checked with
  `PRAGMA integrity_check`, checked to be ours (`alembic_version`), flushed, and only then renamed
  to its name. A failed or cancelled copy leaves no file behind.
- **Restoring** (`restore_database`): the backup is copied *into* the live database through the
  backup API (`backup_connection.backup(live_connection)`), not by replacing the file. The pages
  are written in one write transaction of the live file: other connections and other instances
  keep their handles and see the restored content at their next transaction (SQLite bumps the
  schema cookie, so prepared statements are prepared again); a crash or a cancel midway rolls
  the transaction back and leaves the live file as it was. Replacing the file instead would
  leave every open instance writing into the old, unlinked file (POSIX) or fail outright
  (Windows), and would throw away the -wal file that belongs to it.
- **Encrypted copies** (`encrypt_file`, `decrypt_file`): scrypt turns the password into an
  AES-256 key; the file is a small header and the database in chunks, each sealed with AES-GCM.
  See FORMAT below.
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
import struct
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pcrm_desktop.db.health import SQLITE_HEADER, inspect_file, read_only_connection
from pcrm_desktop.domain.audit import ChainReport
from pcrm_desktop.domain.backups import (
    ENCRYPTED_SUFFIX,
    BackupName,
    next_free_name,
    parse_backup_name,
    space_needed,
)
from pcrm_desktop.domain.errors import DatabaseError

BACKUP_DIR = "backups"
MANIFEST = "manifest.json"
PAGES_PER_STEP = 2048          # 8 MiB of 4 KiB pages between two progress reports
BUSY_TIMEOUT_S = 5.0           # as db/engine.py: a writer elsewhere is waited for this long
RESTORE_ATTEMPTS = 3

# (done, total): pages copied or bytes encrypted. May raise to cancel (nothing is then kept).
Progress = Callable[[int, int], None]


def backup_dir_for(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIR


# --- errors: a clear code for what the disk or SQLite said -------------------------------------
_SQLITE_FULL, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 13, 5, 6, 8
_SQLITE_PERM, _SQLITE_CANTOPEN, _SQLITE_CORRUPT, _SQLITE_NOTADB = 3, 14, 11, 26


def storage_error(exc: BaseException, path: Path, source: Path | None = None) -> DatabaseError:
    """The DatabaseError (with a code for a Korean message) for an OSError or SQLite error met
    while writing `path` (a file; messages name its folder) or reading `source` (a lock is the
    source's)."""
    if isinstance(exc, DatabaseError):
        return exc
    folder = str(path.parent)
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        code = code & 0xFF if isinstance(code, int) else None
        text = str(exc)
        if code == _SQLITE_FULL or "disk is full" in text:
            return DatabaseError("backup_disk_full", path=folder)
        if code in (_SQLITE_BUSY, _SQLITE_LOCKED) or "locked" in text:
            return DatabaseError("db_locked", path=str(source or path))
        if code in (_SQLITE_READONLY, _SQLITE_PERM, _SQLITE_CANTOPEN) or "readonly" in text:
            return DatabaseError("backup_folder_unwritable", path=folder)
        if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB) or "malformed" in text:
            return DatabaseError("db_damaged", detail=text)
        return DatabaseError("backup_io", path=str(path), detail=text)
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EFBIG):
            return DatabaseError("backup_disk_full", path=folder)
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return DatabaseError("backup_folder_unwritable", path=folder)
        if exc.errno == errno.ENOENT:
            return DatabaseError("backup_folder_missing", path=folder)
        return DatabaseError("backup_io", path=str(path), detail=exc.strerror or str(exc))
    raise exc


def ensure_folder(folder: Path) -> None:
    """Create the folder; say clearly when it cannot be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise storage_error(exc, folder / "x") from exc
    if not folder.is_dir():
        raise DatabaseError("backup_folder_missing", path=str(folder))


def check_space(folder: Path, needed: int) -> None:
    """Refuse before writing when the disk visibly lacks the room (a copy that fails halfway
    is removed anyway; this only says so sooner)."""
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return
    if free < needed:
        raise DatabaseError("disk_space_low", path=str(folder), free=_mb(free), need=_mb(needed))


def _mb(size: int) -> str:
    return f"{size / (1 << 20):,.0f} MB"


def _fsync_file(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove_partial(part: Path) -> None:
    for leftover in (part, part.with_name(part.name + "-journal")):
        try:
            leftover.unlink(missing_ok=True)
        except OSError:
            pass


# --- checking a copy ----------------------------------------------------------------------------
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


def is_encrypted(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(MAGIC)) == MAGIC
    except OSError:
        return False


def is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


# --- making a copy ------------------------------------------------------------------------------
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
    _remove_partial(part)
    try:
        _backup_pages(source, part, progress)
        _fsync_file(part)
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
        _fsync_dir(target.parent)
    except BaseException as exc:
        _remove_partial(part)
        if isinstance(exc, (OSError, sqlite3.Error)):
            raise storage_error(exc, part, source) from exc
        raise
    return BackupCheck(target, check.size_bytes, check.revision, check.integrity,
                       check.audit_last_id, None, check.audit_last_hash, check.database_id)


def _backup_pages(source: Path, part: Path, progress: Progress | None) -> None:
    src = read_only_connection(source)
    try:
        src.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
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




def _backup(src: sqlite3.Connection, dst: sqlite3.Connection, total: int,
            on_step: Callable[[int, int], None]) -> None:
    """src.backup(dst) in steps. `on_step(done, total)` after each step that copied pages.
    Python's backup() retries a busy or locked step for ever; here a lock held longer than
    BUSY_TIMEOUT_S (beyond each step's own busy timeout) ends it as `db_locked`."""
    busy_since: list[float] = []

    def report(status: int, remaining: int, pages: int) -> None:
        if status in (_SQLITE_BUSY, _SQLITE_LOCKED):
            if not busy_since:
                busy_since.append(time.monotonic())
            elif time.monotonic() - busy_since[0] > BUSY_TIMEOUT_S:
                raise sqlite3.OperationalError("database is locked")
            return
        busy_since.clear()
        on_step(pages - remaining, pages)
    src.backup(dst, pages=_step(total), progress=report, sleep=0.05)


def _run_backup(src: sqlite3.Connection, dst: sqlite3.Connection, total: int,
                progress: Progress | None) -> None:
    if progress is not None:
        progress(0, total)
    _backup(src, dst, total, progress or (lambda done, pages: None))


def backup_database(db_path: Path, reason: str, now: datetime,
                    progress: Progress | None = None) -> Path:
    """Copy `db_path` into the backups folder beside it and verify the copy (db/migrate.py's
    copy before an upgrade). Raises OSError when the copy cannot be made or fails its check."""
    try:   # no manifest record: the listing knows the file passed its check by its name
        return make_backup(db_path, reason, now, progress, manifest=False).path
    except DatabaseError as error:
        from pcrm_desktop.domain.messages import korean_message
        raise OSError(korean_message(error)) from error


def make_backup(db_path: Path, reason: str, now: datetime, progress: Progress | None = None,
                keep_damaged: bool = False, manifest: bool = True) -> BackupCheck:
    """A verified copy named `<stem>-<time>-<reason>.db` in the backups folder, recorded in the
    folder's manifest (what it holds, for the list and for "is a backup due")."""
    folder = backup_dir_for(db_path)
    ensure_folder(folder)
    name = next_free_name(db_path.stem, now, reason, _names(folder))
    started = time.perf_counter()
    check = copy_database(db_path, folder / name, progress, keep_damaged)
    if not manifest:
        return check
    record(folder, name, {"at": now.isoformat(timespec="seconds"), "reason": reason,
                          "size": check.size_bytes, "integrity": check.integrity,
                          "revision": check.revision, "audit_last_id": check.audit_last_id,
                          "audit_last_hash": check.audit_last_hash,
                          "database_id": check.database_id,
                          "seconds": round(time.perf_counter() - started, 3)})
    return check


def _names(folder: Path) -> list[str]:
    try:
        return [p.name for p in folder.iterdir()]
    except OSError:
        return []


# --- the backups folder and its manifest --------------------------------------------------------
@dataclass(frozen=True)
class StoredBackup:
    name: BackupName
    path: Path
    size_bytes: int
    info: dict          # the manifest's record ({} when the manifest does not know it)


def stored_backups(db_path: Path) -> list[StoredBackup]:
    """The backups of this database in its backups folder, newest first. Only files with a
    backup's name count: a copy being written is still `.part`, so every listed file passed its
    check when it was made."""
    folder = backup_dir_for(db_path)
    manifest = read_manifest(folder)
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        parsed = parse_backup_name(path.name, db_path.stem)
        if parsed is None or not path.is_file():
            continue
        try:
            size = path.stat().st_size
        except OSError:
            continue
        found.append(StoredBackup(parsed, path, size, manifest.get(path.name, {})))
    return sorted(found, key=lambda b: b.name, reverse=True)


def _read_json(folder: Path) -> dict:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def read_manifest(folder: Path) -> dict[str, dict]:
    backups = _read_json(folder).get("backups")
    return {k: v for k, v in backups.items() if isinstance(v, dict)} \
        if isinstance(backups, dict) else {}


def _write_manifest(folder: Path, backups: dict[str, dict], **state: object) -> None:
    data = _read_json(folder)
    data.update(state, version=1, backups=backups)
    path = folder / MANIFEST
    partial = path.with_name(path.name + ".part")
    partial.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True),
                       encoding="utf-8")
    os.replace(partial, path)


def read_state(folder: Path, key: str) -> dict | None:
    value = _read_json(folder).get(key)
    return value if isinstance(value, dict) else None


def write_state(folder: Path, key: str, value: dict | None) -> None:
    """A small record kept in the manifest beside the backups' (the clean exit's file state)."""
    try:
        _write_manifest(folder, read_manifest(folder), **{key: value})
    except OSError:
        pass


def file_state(db_path: Path) -> dict | None:
    """What identifies the file as it is now: size and modification time, and whether a
    non-empty -wal goes with it."""
    try:
        stat = db_path.stat()
    except OSError:
        return None
    wal = db_path.with_name(db_path.name + "-wal")
    wal_size = wal.stat().st_size if wal.exists() else 0
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "wal_size": wal_size}


def record(folder: Path, name: str, info: dict) -> None:
    """Add a backup's record; records of files no longer there are dropped. The manifest is a
    convenience (the list and "due" read it instead of opening every copy): a failure to write
    it loses nothing."""
    try:
        backups = read_manifest(folder)
        present = set(_names(folder))
        backups = {k: v for k, v in backups.items() if k in present}
        backups[name] = info
        _write_manifest(folder, backups)
    except OSError:
        pass


def delete_backup_file(db_path: Path, name: str) -> int:
    """Remove one backup file (a name in the backups folder only); returns its size."""
    folder = backup_dir_for(db_path)
    if parse_backup_name(name, db_path.stem) is None or Path(name).name != name:
        raise DatabaseError("backup_not_found", name=name)
    path = folder / name
    try:
        size = path.stat().st_size
        path.unlink()
    except FileNotFoundError as exc:
        raise DatabaseError("backup_not_found", name=name) from exc
    except OSError as exc:
        raise storage_error(exc, path) from exc
    try:
        backups = read_manifest(folder)
        if backups.pop(name, None) is not None:
            _write_manifest(folder, backups)
    except OSError:
        pass
    return size


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
        conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
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


# --- restoring ------------------------------------------------------------------------------------
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
        conn = sqlite3.connect(live, timeout=BUSY_TIMEOUT_S, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout={int(BUSY_TIMEOUT_S * 1000)}")
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
                try:
                    say("restore", done, pages)
                except Exception:  # noqa: BLE001
                    pass
        say("restore", 0, total)
        try:
            _backup(src, dst, total, report)
        except sqlite3.Error as exc:
            raise storage_error(exc, live) from exc
        try:  # fold the restored pages into the file and empty the WAL (busy readers: later)
            dst.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except sqlite3.Error:
            pass
        return total
    finally:
        if dst is not None:
            dst.close()
        src.close()


def upgrade_file(db_path: Path) -> None:
    """Migrate a database file to this version's schema (after restoring an older backup)."""
    from pcrm_desktop.config import sqlite_url
    from pcrm_desktop.db.engine import make_engine
    from pcrm_desktop.db.migrate import upgrade
    engine = make_engine(sqlite_url(db_path))
    try:
        upgrade(engine)
    finally:
        engine.dispose()


def rebase_anchor(database: Path, head_id: int | None, head_hash: str | None, at: str,
                  note: dict) -> dict | None:
    """After a restore the access log ends where the backup's ended: the witnesses of its head
    (beside the database and in the profile, db/audit_witness) move back to the restored file's
    verified head, or are set aside when the restored log is empty. The replaced anchor is kept
    inside the new one ("replaced"), and returned, so the restore's own entry can name it."""
    from pcrm_desktop.db import audit_witness
    before = audit_witness.read_anchor(database)
    database_id, stretches = identity(database)
    if head_id is None:
        audit_witness.remove_heads(database, database_id)
        return before
    audit_witness.write_head(database, database_id, head_id, head_hash or "", at, stretches,
                             replace=True, note=dict(note, replaced=before))
    return before


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


# --- a damaged database: kept aside, replaced by a backup -------------------------------------
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
            try:
                os.replace(new, old)
            except OSError:
                pass
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EBUSY) or \
                getattr(exc, "winerror", None) == 32:
            raise DatabaseError("db_in_use", path=str(db_path)) from exc
        raise storage_error(exc, db_path) from exc
    _fsync_dir(db_path.parent)
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


# --- encrypted backups --------------------------------------------------------------------------
# FORMAT (version 1), all integers big-endian:
#   header  magic "PCRMBAK" 0x00 (8) | version (1) | KDF 1 = scrypt (1) | log2 n (1) | r (1) |
#           p (1) | chunk size (4) | salt (16) | nonce prefix (8)                 = 41 bytes
#   check   AES-GCM tag of nothing, nonce = prefix ‖ 0xFFFFFFFF, AAD = header    = 16 bytes
#           (a wrong password fails here, before anything is written)
#   chunks  AES-GCM(key, nonce = prefix ‖ index as 4 bytes, chunk, AAD = header ‖ index (8) ‖
#           final (1)) — every chunk holds `chunk size` bytes of the database but the last,
#           which is marked final (and may be shorter, even empty).
# The header is in every chunk's AAD (its KDF parameters and salt cannot be changed); the index
# in the nonce and AAD makes reordering fail; the final flag makes cutting off whole chunks at
# the end fail (the new last chunk was sealed as not final); anything appended after the final
# chunk fails. The key is scrypt(password NFC, salt) → 32 bytes (AES-256).
MAGIC = b"PCRMBAK\x00"
VERSION = 1
KDF_SCRYPT = 1
CHUNK_SIZE = 1 << 20
TAG = 16
_HEADER = struct.Struct(">8sBBBBBI16s8s")
_CHECK_COUNTER = 0xFFFFFFFF
LOG2_N, SCRYPT_R, SCRYPT_P = 17, 8, 1          # 128 MiB and about half a second per try
# what a header may ask for: at most 128 × 8 × 2**20 bytes = 1 GiB of scrypt memory
LIMITS = {"log2n": (10, 20), "r": (1, 8), "p": (1, 4), "chunk": (4096, 64 << 20)}


def default_log2n() -> int:
    """scrypt's cost: 2**17, or lower when PCRM_SCRYPT_N says so (the test suite's switch for
    password hashes, domain/accounts.py). The header carries it, so any cost decrypts."""
    value = os.environ.get("PCRM_SCRYPT_N")
    if value and value.isdigit() and int(value) >= 2:
        return max(LIMITS["log2n"][0], int(value).bit_length() - 1)
    return LOG2_N


def _key(password: str, salt: bytes, log2n: int, r: int, p: int) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
    secret = unicodedata.normalize("NFC", password).encode("utf-8")
    return Scrypt(salt=salt, length=32, n=1 << log2n, r=r, p=p).derive(secret)


def _nonce(prefix: bytes, counter: int) -> bytes:
    return prefix + counter.to_bytes(4, "big")


def _aad(header: bytes, index: int, final: bool) -> bytes:
    return header + index.to_bytes(8, "big") + (b"\x01" if final else b"\x00")


def encrypt_file(plain: Path, out: Path, password: str, progress: Progress | None = None,
                 log2n: int | None = None, chunk_size: int = CHUNK_SIZE,
                 before_rename: Callable[[int], None] | None = None) -> int:
    """Encrypt `plain` into `out` (written as `<out>.part`, flushed, then renamed; `before_rename
    (size)` runs just before the rename, and a failure there removes the file). Constant
    memory: one chunk at a time. Returns the bytes written."""
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    log2n = default_log2n() if log2n is None else log2n
    salt, prefix = os.urandom(16), os.urandom(8)
    header = _HEADER.pack(MAGIC, VERSION, KDF_SCRYPT, log2n, SCRYPT_R, SCRYPT_P, chunk_size,
                          salt, prefix)
    aes = AESGCM(_key(password, salt, log2n, SCRYPT_R, SCRYPT_P))
    total = plain.stat().st_size
    if not out.parent.is_dir():  # a USB stick pulled out: say so, never make the folder here
        raise DatabaseError("backup_folder_missing", path=str(out.parent))
    check_space(out.parent, total + total // 64 + 4096)
    part = out.with_name(out.name + ".part")
    written = 0
    try:
        with plain.open("rb") as source, part.open("wb") as target:
            target.write(header)
            target.write(aes.encrypt(_nonce(prefix, _CHECK_COUNTER), b"", header))
            index, done = 0, 0
            chunk = source.read(chunk_size)
            while True:
                following = source.read(chunk_size) if len(chunk) == chunk_size else b""
                final = not following
                target.write(aes.encrypt(_nonce(prefix, index), chunk, _aad(header, index, final)))
                done += len(chunk)
                if progress is not None:
                    progress(done, total)
                if final:
                    break
                chunk, index = following, index + 1
                if index >= _CHECK_COUNTER:
                    raise DatabaseError("backup_io", path=str(out), detail="file too large")
            target.flush()
            os.fsync(target.fileno())
            written = target.tell()
        if before_rename is not None:
            before_rename(written)
        os.replace(part, out)
        _fsync_dir(out.parent)
    except BaseException as exc:
        try:
            part.unlink(missing_ok=True)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise storage_error(exc, out) from exc
        raise
    return written


@dataclass(frozen=True)
class EncryptedHeader:
    version: int
    log2n: int
    r: int
    p: int
    chunk_size: int
    salt: bytes
    prefix: bytes
    raw: bytes


def read_header(handle, name: str) -> EncryptedHeader:
    raw = handle.read(_HEADER.size)
    if len(raw) < len(MAGIC) or raw[:len(MAGIC)] != MAGIC:
        raise DatabaseError("backup_not_encrypted", name=name)
    if len(raw) < _HEADER.size:
        raise DatabaseError("backup_tampered", name=name, detail="header")
    magic, version, kdf, log2n, r, p, chunk, salt, prefix = _HEADER.unpack(raw)
    if version != VERSION or kdf != KDF_SCRYPT:
        raise DatabaseError("backup_format", name=name, version=version)
    for value, key in ((log2n, "log2n"), (r, "r"), (p, "p"), (chunk, "chunk")):
        low, high = LIMITS[key]
        if not low <= value <= high:  # a crafted header must not make us allocate gigabytes
            raise DatabaseError("backup_tampered", name=name, detail="header")
    return EncryptedHeader(version, log2n, r, p, chunk, salt, prefix, raw)


def decrypt_file(encrypted: Path, out: Path, password: str,
                 progress: Progress | None = None) -> int:
    """Decrypt into `out` (via `<out>.part`, renamed only when every chunk authenticated).
    A wrong password is found before any file is created; a changed, cut or reordered file
    removes what was written. Returns the plaintext size."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM
    name = encrypted.name
    try:
        handle = encrypted.open("rb")
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            raise DatabaseError("backup_not_found", name=str(encrypted)) from exc
        raise storage_error(exc, encrypted) from exc
    part = out.with_name(out.name + ".part")
    created = False
    try:
        with handle:
            header = read_header(handle, name)
            aes = AESGCM(_key(password, header.salt, header.log2n, header.r, header.p))
            check = handle.read(TAG)
            try:
                aes.decrypt(_nonce(header.prefix, _CHECK_COUNTER), check, header.raw)
            except InvalidTag:
                raise DatabaseError("backup_password_wrong", name=name) from None
            total = max(0, encrypted.stat().st_size - _HEADER.size - TAG)
            sealed = header.chunk_size + TAG
            ensure_folder(out.parent)
            check_space(out.parent, total)
            created = True
            size = 0
            with part.open("wb") as target:
                index, done = 0, 0
                chunk = handle.read(sealed)
                if len(chunk) < TAG:
                    raise DatabaseError("backup_tampered", name=name, detail="cut short")
                while True:
                    following = handle.read(sealed)
                    final = not following
                    if not final and len(chunk) != sealed:
                        raise DatabaseError("backup_tampered", name=name, detail=f"chunk {index}")
                    try:
                        plain = aes.decrypt(_nonce(header.prefix, index), chunk,
                                            _aad(header.raw, index, final))
                    except InvalidTag:
                        detail = "cut short" if final else f"chunk {index}"
                        raise DatabaseError("backup_tampered", name=name, detail=detail) from None
                    if not final and len(plain) != header.chunk_size:
                        raise DatabaseError("backup_tampered", name=name, detail=f"chunk {index}")
                    target.write(plain)
                    size += len(plain)
                    done += len(chunk)
                    if progress is not None:
                        progress(done, total)
                    if final:
                        break
                    chunk, index = following, index + 1
                target.flush()
                os.fsync(target.fileno())
        os.replace(part, out)
        _fsync_dir(out.parent)
    except BaseException as exc:
        if created:
            try:
                part.unlink(missing_ok=True)
            except OSError:
                pass
        if isinstance(exc, OSError):
            raise storage_error(exc, out) from exc
        raise
    return size


def suggested_encrypted_name(db_path: Path, now: datetime) -> str:
    return f"{db_path.stem}-{now:%Y%m%d-%H%M}{ENCRYPTED_SUFFIX}"
