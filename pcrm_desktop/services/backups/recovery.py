"""Before anyone signs in: whether the database is usable (`check_at_start`, a quick check
skipped after a checked clean exit), and the recovery of a damaged one from its latest good
backup (`recover`, by an admin of that backup)."""
from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pcrm_desktop.db.backup import checking, copying, damaged
from pcrm_desktop.db.backup import encrypted as encryption
from pcrm_desktop.db.backup import folder as backup_folder
from pcrm_desktop.domain import backups as rules
from pcrm_desktop.domain.errors import DatabaseError
from pcrm_desktop.domain.progress import Step
from pcrm_desktop.services.backups.restoring import (
    checked_backup,
    rebase_anchor,
    resolve_file,
    restored_head,
)
from pcrm_desktop.services.backups.shared import Progress, describe, stage
from pcrm_desktop.services.context import ServiceContext

if TYPE_CHECKING:
    from pcrm_desktop.config import DatabaseLocation

START_OK, START_NEW, START_REMOTE = "ok", "new", "remote"
START_DAMAGED, START_LOCKED, START_NOT_OURS, START_UNWRITABLE = (
    "damaged", "locked", "not_ours", "unwritable")


CLEAN_EXIT = "clean_exit"


@dataclass(frozen=True)
class StartCheck:
    state: str
    path: Path | None
    error: DatabaseError | None      # what to tell (domain/messages.py)
    backups: int                     # backups of this database in its backups folder
    seconds: float
    quick_checked: bool = False      # False: the file is as it was at a checked clean exit

    @property
    def ok(self) -> bool:
        """The app may open the database (and write to it)."""
        return self.state in (START_OK, START_NEW, START_REMOTE)

    @property
    def recoverable(self) -> bool:
        return self.state == START_DAMAGED and self.backups > 0


def check_at_start(location: DatabaseLocation, thorough: bool = False) -> StartCheck:
    """Before the database is opened for writing: a quick check (`PRAGMA quick_check`, read-only).
    A damaged file is never written to: the app explains and offers `recover`. No access-log
    entry (nothing may be written to a damaged file, and nobody has signed in).

    The quick check reads every page (4 s warm, 13 s cold for 1.8 GB). It is skipped, unless
    `thorough`, when the file is exactly as `mark_clean_exit` left it: unchanged size and time,
    no -wal — the content the exit backup copied and checked in full."""
    started = time.perf_counter()
    path = location.path

    def result(state: str, error: DatabaseError | None = None, checked: bool = False) -> StartCheck:
        count = len(backup_folder.stored_backups(path)) if path is not None else 0
        return StartCheck(state, path, error, count, time.perf_counter() - started, checked)
    if path is None:
        return result(START_REMOTE)
    import os
    folder = path.parent
    if folder.exists() and not os.access(folder, os.W_OK):
        return result(START_UNWRITABLE, DatabaseError("db_unwritable", path=str(folder)))
    if not path.exists():
        return result(START_NEW)
    from pcrm_desktop.db.health import inspect_file
    clean = backup_folder.read_state(backup_folder.backup_dir_for(path), CLEAN_EXIT)
    now_state = backup_folder.file_state(path)
    quick = thorough or not clean or now_state is None or now_state["wal_size"] or any(
        clean.get(key) != now_state[key] for key in ("size", "mtime_ns"))
    try:
        health = inspect_file(path, integrity="quick" if quick else None)
    except DatabaseError as error:
        if error.code == "db_locked":
            return result(START_LOCKED, error, bool(quick))
        if error.code in ("db_damaged", "db_not_database"):
            return result(START_DAMAGED, DatabaseError(
                "db_damaged", detail=error.params.get("detail") or str(path)), bool(quick))
        return result(START_NOT_OURS, error, bool(quick))
    if health.integrity != "ok":
        return result(START_DAMAGED, DatabaseError("db_damaged", detail=health.integrity), True)
    return result(START_OK, checked=bool(quick))


def mark_clean_exit(location: DatabaseLocation) -> bool:
    """At exit, after the exit backup and after the database was closed: when the file holds
    what the newest backup holds (no change since, but signing out and the backups' own
    entries) and no -wal is left, remember its size and time, so that the next start may skip
    the quick check. Anything else (a crash, another PC still writing) leaves no record, and the
    next start checks. Returns whether it was recorded."""
    path = location.path
    if path is None or not path.exists():
        return False
    folder = backup_folder.backup_dir_for(path)
    backup_folder.write_state(folder, CLEAN_EXIT, None)
    stored = backup_folder.stored_backups(path)
    state = backup_folder.file_state(path)
    if not stored or state is None or state["wal_size"]:
        return False
    newest = stored[0]
    if newest.info.get("integrity", "?") != "ok" or "audit_last_id" not in newest.info:
        return False
    try:
        changes = checking.changes_since(path, newest.info.get("audit_last_id"),
                                      newest.info.get("audit_last_hash"), rules.QUIET_ACTIONS)
    except DatabaseError:
        return False
    if changes:
        return False
    backup_folder.write_state(folder, CLEAN_EXIT, dict(state, backup=newest.path.name))
    return True


@dataclass(frozen=True)
class GoodBackup:
    path: Path
    at: datetime
    reason: str
    check: checking.BackupCheck
    skipped: list[str]      # newer backups that failed their check now


def latest_good_backup(location: DatabaseLocation, progress: Progress | None = None) -> GoodBackup | None:
    """The newest backup in the backups folder that passes `checked_backup` now (each checked
    in full, newest first; damaged or unreadable ones are skipped and named)."""
    path = location.path
    if path is None:
        return None
    skipped = []
    stored = backup_folder.stored_backups(path)
    for index, candidate in enumerate(stored):
        if progress is not None:
            progress(index, len(stored), Step.BACKUP_VERIFY)
        try:
            check = checked_backup(candidate.path)
        except DatabaseError:
            skipped.append(candidate.path.name)
            continue
        return GoodBackup(candidate.path, candidate.name.at, candidate.name.reason, check, skipped)
    return None


@dataclass(frozen=True)
class Recovered:
    backup: str
    damaged_copy: Path        # the damaged file, renamed beside it (never deleted)
    migrated: bool
    head_id: int | None
    seconds: float


def recover(location: DatabaseLocation, backup: Path | str, login: str, password: str,
            now: datetime | None = None, progress: Progress | None = None,
            checked: checking.BackupCheck | None = None) -> Recovered:
    """Replace a damaged database by a backup, before anyone signs in.

    The person must be an admin *of the backup* (its staff table, read-only; the damaged file is
    not trusted, and nothing is written to it). The damaged file, with its -wal, is renamed to
    `<name>.damaged-<time>` beside it — never deleted; if the copy cannot be made, it is put
    back. The backup is copied in as the new database file, upgraded if older, the anchor moved
    to its verified head, and `db.recover` logged in it under the admin's name. `checked`: the
    full check `latest_good_backup` just made of this very file (a minute saved on 2 GB)."""
    from pcrm_desktop.config import workstation_name
    from pcrm_desktop.db.opening import open_units
    from pcrm_desktop.domain.accounts import secret_matches
    from pcrm_desktop.domain.audit import Actor
    started = time.perf_counter()
    now = now or datetime.now()
    path = location.path
    state = check_at_start(location)
    if state.state != START_DAMAGED or path is None:  # a file's state (no file: START_REMOTE)
        raise DatabaseError("restore_not_damaged")
    source = resolve_file(path, backup)
    if encryption.is_encrypted(source):
        raise DatabaseError("backup_not_pcrm", name=source.name)  # decrypt it first (pcrm restore)
    check = checked if checked is not None and checked.path == source else checked_backup(source)
    # the admin of the backup that is to become the database
    login = (login or "").strip().lower()[:32]
    row = damaged.staff_login_row(source, login) if login else None
    stored_hash = row.get("password_hash") if row else None
    matched = secret_matches(password or "", stored_hash or _dummy())
    if not (row and stored_hash and matched and row["role"] == "admin" and row["active"]):
        raise DatabaseError("recovery_login_failed", field="password")
    if damaged.in_use_elsewhere(path):
        raise DatabaseError("db_in_use", path=str(path))
    aside = damaged.set_aside(path, now)
    try:
        # the source passed the full check just now; the copy gets the quick one
        copying.copy_database(source, path, stage(progress, Step.BACKUP_RESTORE),
                              integrity="quick")
    except BaseException:
        with contextlib.suppress(OSError):   # nothing new in place: the damaged file goes back
            if not path.exists():
                aside.replace(path)
                for suffix in ("-wal", "-shm"):
                    moved = aside.with_name(aside.name + suffix)
                    if moved.exists():
                        moved.replace(path.with_name(path.name + suffix))
        raise
    migration, units = open_units(location, now)
    try:
        head_id, head_hash = restored_head(check)
        if check.chain is None:
            report = checking.chain_report(path)
            head_id, head_hash = (report.last_id, report.last_hash) if report else (None, None)
        rebase_anchor(path, head_id, head_hash, now.isoformat(timespec="seconds"),
                      {"reason": "recovery", "file": source.name, "damaged": aside.name})
        ctx = ServiceContext(uow_factory=units,
                             actor=Actor(row["id"], row["login"], "admin", workstation_name()),
                             database=path)
        with ctx.uow_factory() as uow:
            problem = state.error.params.get("detail", "") if state.error else ""
            ctx.audit(uow, "db.recover", source.name,
                      f"손상: {problem}; 손상된 파일을 {aside.name}(으)로 옮김; 복원한 백업: "
                      f"{describe(check)}")
            if migration.from_revision != migration.to_revision:
                ctx.audit(uow, "db.upgrade", "database",
                          f"{migration.from_revision} → {migration.to_revision} (복구 뒤)")
            uow.commit()
    finally:
        migration.engine.dispose()
    return Recovered(source.name, aside, migration.from_revision != migration.to_revision,
                     head_id, time.perf_counter() - started)


def _dummy() -> str:
    """A hash to check a password against when the login is unknown (the same time either way,
    the first time too: built, not hashed)."""
    from pcrm_desktop.domain.accounts import unusable_hash
    return unusable_hash()
