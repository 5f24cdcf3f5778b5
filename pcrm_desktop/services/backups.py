"""백업과 복구: a backup now (managers; automatic ones as anyone on staff), the list, restoring
one (admins), a copy for a USB stick (encrypted, or plain; managers, with a reason), the
rotation, and — before anyone signs in — the check of the database at start and the recovery
of a damaged one from its latest good backup.

Every action is in the access log: `backup.create`, `backup.prune`, `backup.delete`,
`backup.restore`, `backup.copy`, `backup.export`, `db.recover`. The copies themselves are made
in db/backup.py (SQLite's online backup API; see docs/ARCHITECTURE.md, "백업과 복구").
"""
from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pcrm_desktop.db import backup as store
from pcrm_desktop.domain import backups as rules
from pcrm_desktop.domain.errors import DatabaseError, ValidationError
from pcrm_desktop.domain.privacy import (
    ADMIN_ROLES,
    AUDIT_ROLES,
    STAFF_ROLES,
    clean_reason,
    require_role,
)
from pcrm_desktop.services.context import Changes, ServiceContext

# (done, total, text): text is a Korean step name of domain/backups.py (translate in CONTEXT).
# It may raise to cancel; after a restore has committed, cancelling is no longer possible.
Progress = Callable[[int, int, str], None]

# whether a file is an encrypted backup (its first bytes), for the screens' restore dialog
is_encrypted = store.is_encrypted

CHANGED: Changes = frozenset({"backups"})
# A restore replaces everything: every page reloads.
RESTORED: Changes = frozenset({"backups", "office", "departments", "staff", "citizens", "groups",
                               "complaints", "holidays", "surveys", "happy_calls", "actions",
                               "timeline", "retention"})


@dataclass(frozen=True)
class BackupInfo:
    name: str
    path: Path
    at: datetime
    reason: str
    kind: str                 # domain.backups.KIND_*
    size_bytes: int
    verified: bool            # passed its integrity check when it was made (every listed one did)
    revision: str | None      # schema, when the manifest knows it
    audit_last_id: int | None
    kept: bool                # kept until an admin deletes it (not rotated)


@dataclass(frozen=True)
class RestoreResult:
    name: str                 # the file restored from
    pre_restore: str          # the copy of the data it replaced, in the backups folder
    revision: str             # the backup's schema
    migrated: bool            # upgraded to this version's schema after restoring
    head_id: int | None       # the restored access log's verified last entry (the new anchor)
    previous_anchor_id: int | None
    pages: int
    attempts: int
    seconds: float


@dataclass(frozen=True)
class ExportResult:
    path: Path
    size_bytes: int
    encrypted: bool
    seconds: float


@dataclass(frozen=True)
class AutomaticResult:
    due: rules.Due
    made: BackupInfo | None
    pruned: list[str]


def _database(ctx: ServiceContext) -> Path:
    if ctx.database is None:
        raise DatabaseError("backup_no_database")
    return Path(ctx.database)


def _phase(progress: Progress | None, text: str) -> Callable[[int, int], None] | None:
    if progress is None:
        return None
    return lambda done, total: progress(done, total, text)


def _size(size: int) -> str:
    return f"{size / (1 << 20):,.1f} MB"


def _info(stored: store.StoredBackup) -> BackupInfo:
    info = stored.info
    return BackupInfo(stored.path.name, stored.path, stored.name.at, stored.name.reason,
                      stored.name.kind, stored.size_bytes, info.get("integrity", "ok") == "ok",
                      info.get("revision"), info.get("audit_last_id"), not stored.name.automatic)


def _describe(check: store.BackupCheck) -> str:
    head = f"#{check.audit_last_id}" if check.audit_last_id is not None else "없음"
    return (f"{_size(check.size_bytes)}, 무결성 {'정상' if check.integrity == 'ok' else check.integrity}"
            f", 스키마 {check.revision}, 접속기록 {head}까지")


# --- backups in the backups folder --------------------------------------------------------------
def backup_now(ctx: ServiceContext, reason: str = rules.MANUAL,
               progress: Progress | None = None) -> BackupInfo:
    """A verified copy in the backups folder beside the database. `reason`: manual (admins and
    managers) or start / exit / daily (automatic: anyone on staff, or the system at start)."""
    automatic = rules.is_automatic(reason)
    if not automatic and reason != rules.MANUAL:
        raise ValidationError("backup_reason", field="reason", reason=reason)
    require_role(ctx.actor, STAFF_ROLES if automatic else AUDIT_ROLES, f"backup.{reason}")
    db = _database(ctx)
    check = store.make_backup(db, reason, ctx.clock(), _phase(progress, rules.STEP_COPY))
    try:
        with ctx.uow_factory() as uow:
            ctx.audit(uow, "backup.create", check.path.name,
                      f"{rules.reason_text(reason)}; {_describe(check)}")
            uow.commit()
    except BaseException:
        # no backup without its entry: the copy goes again (the database is unchanged)
        with contextlib.suppress(Exception):
            store.delete_backup_file(db, check.path.name)
        raise
    return next(_info(s) for s in store.stored_backups(db) if s.path.name == check.path.name)


def list_backups(ctx: ServiceContext) -> list[BackupInfo]:
    """The backups of this database in its backups folder, newest first."""
    require_role(ctx.actor, STAFF_ROLES, "backup.list")
    return [_info(s) for s in store.stored_backups(_database(ctx))]


def due(ctx: ServiceContext, now: datetime | None = None,
        reason: str = rules.START) -> rules.Due:
    """Whether an automatic backup (start, exit, daily) is due: not when nothing changed since
    the newest backup of any kind — every change writes an access-log entry, so the entries
    after the newest one the backup holds (signing in and out, and the backups' own entries,
    aside) are the changes; an access log that no longer holds that entry as it was (a restore
    happened) counts as changed."""
    require_role(ctx.actor, STAFF_ROLES, "backup.due")
    db = _database(ctx)
    now = now or ctx.clock()
    stored = store.stored_backups(db)
    if not stored:
        return rules.due_rule(reason, now, None, None)
    newest = stored[0]
    info = newest.info
    if "audit_last_id" in info:
        last_id, last_hash = info.get("audit_last_id"), info.get("audit_last_hash")
    else:
        last_id, last_hash = store.audit_head(newest.path)
    changes = store.changes_since(db, last_id, last_hash, rules.QUIET_ACTIONS)
    return rules.due_rule(reason, now, newest.name.at, changes)


def prune(ctx: ServiceContext) -> list[str]:
    """Delete the automatic backups the rotation lets go (7 daily, 4 weekly, 12 monthly);
    manual, pre-upgrade and pre-restore backups stay. The entry is written first, then the
    files go (one that cannot be removed now goes at the next run)."""
    require_role(ctx.actor, STAFF_ROLES, "backup.prune")
    db = _database(ctx)
    stored = {s.name: s for s in store.stored_backups(db)}
    victims = rules.to_prune(stored)
    if not victims:
        return []
    names = [stored[v].path.name for v in victims]
    total = sum(stored[v].size_bytes for v in victims)
    with ctx.uow_factory() as uow:
        ctx.audit(uow, "backup.prune", "backups",
                  f"보관 주기(매일 7·매주 4·매월 12)에 따라 {len(names)}개 삭제 ({_size(total)}): "
                  + ", ".join(names))
        uow.commit()
    removed = []
    for name in names:
        with contextlib.suppress(DatabaseError):
            store.delete_backup_file(db, name)
            removed.append(name)
    return removed


def automatic_backup(ctx: ServiceContext, reason: str,
                     progress: Progress | None = None) -> AutomaticResult:
    """The start, exit or daily backup when one is due (see `due`), then the rotation."""
    require_role(ctx.actor, STAFF_ROLES, f"backup.{reason}")
    if not rules.is_automatic(reason):
        raise ValidationError("backup_reason", field="reason", reason=reason)
    found = due(ctx, reason=reason)
    if not found.due:
        return AutomaticResult(found, None, [])
    made = backup_now(ctx, reason, progress)
    return AutomaticResult(found, made, prune(ctx))


def delete_backup(ctx: ServiceContext, name: str) -> Changes:
    """Delete one backup of the backups folder (admins): the way manual, pre-upgrade and
    pre-restore backups go. Logged first, then removed."""
    require_role(ctx.actor, ADMIN_ROLES, "backup.delete")
    db = _database(ctx)
    found = next((s for s in store.stored_backups(db) if s.path.name == name), None)
    if found is None:
        raise DatabaseError("backup_not_found", name=name)
    with ctx.uow_factory() as uow:
        ctx.audit(uow, "backup.delete", name,
                  f"{rules.reason_text(found.name.reason)}, {_size(found.size_bytes)}")
        uow.commit()
    store.delete_backup_file(db, name)
    return CHANGED


# --- copies leaving the PC ----------------------------------------------------------------------
def export_encrypted(ctx: ServiceContext, out: Path, password: str, reason: str,
                     progress: Progress | None = None) -> ExportResult:
    """An encrypted copy of the whole database for a USB stick (admins and managers, with a
    reason: it is every resident's data). The password must meet the account password rules;
    the file opens only with it (`restore`, or `pcrm restore FILE`)."""
    require_role(ctx.actor, AUDIT_ROLES, "backup.export")
    reason = clean_reason(reason)
    from pcrm_desktop.domain.accounts import check_password
    check_password(password)
    db = _database(ctx)
    out = Path(out)
    started = time.perf_counter()
    now = ctx.clock()
    folder = store.backup_dir_for(db)
    snapshot = folder / f".export-{now:%Y%m%d-%H%M%S}-{id(out):x}.tmp"
    try:
        store.copy_database(db, snapshot, _phase(progress, rules.STEP_COPY))

        def log(size: int) -> None:   # the file gets its name only once this is committed
            with ctx.uow_factory() as uow:
                ctx.audit(uow, "backup.export", out.name,
                          f"{out} ({_size(size)}), AES-256-GCM, scrypt", reason=reason)
                uow.commit()
        size = store.encrypt_file(snapshot, out, password, _phase(progress, rules.STEP_ENCRYPT),
                                  before_rename=log)
    finally:
        _remove(snapshot)
    return ExportResult(out, size, True, time.perf_counter() - started)


def export_copy(ctx: ServiceContext, out: Path, reason: str,
                progress: Progress | None = None) -> ExportResult:
    """A plain (unencrypted) verified copy to a file of one's choosing (`pcrm backup --out`):
    admins and managers, with a reason."""
    require_role(ctx.actor, AUDIT_ROLES, "backup.copy")
    reason = clean_reason(reason)
    db = _database(ctx)
    out = Path(out)
    if out.resolve() == db.resolve():
        raise DatabaseError("backup_io", path=str(out), detail="the database itself")
    started = time.perf_counter()

    def log(check: store.BackupCheck) -> None:
        with ctx.uow_factory() as uow:
            ctx.audit(uow, "backup.copy", out.name, f"{out}; {_describe(check)}", reason=reason)
            uow.commit()
    check = store.copy_database(db, out, _phase(progress, rules.STEP_COPY), before_rename=log,
                                create_folder=False)
    return ExportResult(out, check.size_bytes, False, time.perf_counter() - started)


def _remove(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + ".part"),
                     path.with_name(path.name + ".part-journal")):
        with contextlib.suppress(OSError):
            leftover.unlink(missing_ok=True)


# --- restoring ------------------------------------------------------------------------------------
def _resolve(db: Path, file: Path | str) -> Path:
    """A name in the backups folder, or a path — never the live database or its -wal/-shm
    (refused before the file is even opened: closing a descriptor of the live file would drop
    this process's SQLite locks on it)."""
    text = str(file)
    folder = store.backup_dir_for(db)
    candidate = folder / text
    if Path(text).name == text and candidate.is_file():
        return candidate
    path = Path(text).expanduser()
    live = db.resolve()
    if path.resolve() in (live, live.with_name(live.name + "-wal"),
                          live.with_name(live.name + "-shm")):
        raise DatabaseError("restore_from_live", name=path.name)
    if not path.is_file():
        raise DatabaseError("backup_not_found", name=text)
    return path


def _as_backup_error(error: DatabaseError, name: str) -> DatabaseError:
    codes = {"db_not_pcrm": "backup_not_pcrm", "db_not_database": "backup_not_pcrm",
             "db_damaged": "backup_damaged", "db_missing": "backup_not_found"}
    if error.code not in codes:
        return error
    return DatabaseError(codes[error.code], name=name, detail=error.params.get("detail", ""))


def checked_backup(path: Path, name: str | None = None) -> store.BackupCheck:
    """A backup one may restore: SQLite, ours, intact (full integrity check), a schema this
    version knows (older ones are upgraded after restoring), and its access log's chain intact
    from its start. Raises DatabaseError (backup_*) otherwise. Read-only."""
    from pcrm_desktop.db.migrate import known_revisions
    name = name or path.name
    try:
        check = store.verify_file(path, chain=True)
    except DatabaseError as error:
        raise _as_backup_error(error, name) from error
    if check.integrity != "ok":
        raise DatabaseError("backup_damaged", name=name, detail=check.integrity)
    if check.revision not in known_revisions():
        raise DatabaseError("backup_too_new", name=name, revision=check.revision)
    if check.chain is not None and not check.chain.ok and check.chain.problem != "key":
        # ("key": signed on another PC whose key this one lacks; restorable, and the restored
        # log's check says so until the key is imported: `pcrm audit key import`)
        from pcrm_desktop.domain.access_review import CHAIN_PROBLEMS
        raise DatabaseError("backup_chain_broken", name=name, entry=check.chain.broken_id,
                            problem=CHAIN_PROBLEMS.get(check.chain.problem, check.chain.problem))
    return check


def _readable(db: Path, source: Path, password: str | None, now: datetime,
              progress: Progress | None) -> Path | None:
    """A staging copy in the backups folder for a file that is not one of ours there: an
    encrypted one (decrypted), or one elsewhere (a USB stick can be pulled out mid-restore;
    a file still in WAL mode is folded into one file). None: read the backup where it is."""
    folder = store.backup_dir_for(db)
    encrypted = store.is_encrypted(source)
    if not encrypted and source.parent.resolve() == folder.resolve():
        return None
    store.ensure_folder(folder)
    staging = folder / f".restore-{now:%Y%m%d-%H%M%S}.tmp"
    if encrypted:
        if not password:
            raise DatabaseError("backup_password_required", field="password")
        store.decrypt_file(source, staging, password, _phase(progress, rules.STEP_DECRYPT))
        return staging
    if not store.is_sqlite(source):
        raise DatabaseError("backup_not_pcrm", name=source.name)
    try:
        # quick check here: `checked_backup` checks the staged copy in full next
        store.copy_database(source, staging, _phase(progress, rules.STEP_COPY_IN),
                            integrity="quick")
    except DatabaseError as error:
        raise _as_backup_error(error, source.name) from error
    return staging


def restore(ctx: ServiceContext, file: Path | str, password: str | None = None,
            progress: Progress | None = None, other_database: bool = False) -> RestoreResult:
    """Replace the data with a backup's (admins only).

    1. The backup is checked (`checked_backup`); an encrypted one is opened with `password`.
    2. The current data is copied to a pre-restore backup (kept until an admin deletes it).
    3. The backup is written into the live database through SQLite's backup API, in one
       transaction: other open windows and PCs see the restored data at their next read.
    4. An older schema is upgraded; the access log's anchor moves back to the restored log's
       verified head; the restore is logged (with the file, the pre-restore copy and the
       anchor it replaced).

    A backup of another database (its id, kept since migration 0011, is not this one's) is
    refused unless `other_database`: the person asked to confirm that once more."""
    require_role(ctx.actor, ADMIN_ROLES, "backup.restore")
    db = _database(ctx)
    started = time.perf_counter()
    now = ctx.clock()
    source = _resolve(db, file)
    folder = store.backup_dir_for(db)
    staging = _readable(db, source, password, now, progress)
    try:
        if progress is not None:
            progress(0, 1, rules.STEP_VERIFY)
        check = checked_backup(staging or source, source.name)
        foreign = _other_database(ctx, check)
        if foreign and not other_database:
            raise DatabaseError("restore_other_database", name=source.name,
                                backup_id=check.database_id[:8], live_id=foreign[:8])
        pre_name = rules.next_free_name(db.stem, now, rules.PRE_RESTORE,
                                        [p.name for p in folder.iterdir()])

        def phases(phase: str, done: int, total: int) -> None:
            if progress is not None:
                progress(done, total, rules.STEP_SNAPSHOT if phase == "snapshot"
                         else rules.STEP_RESTORE)
        outcome = store.restore_database(staging or source, db, folder / pre_name, phases)
        # Committed: from here nothing may cancel (the progress is no longer told).
        kept = outcome.pre_restore
        store.record(folder, pre_name, {
            "at": now.isoformat(timespec="seconds"), "reason": rules.PRE_RESTORE,
            "size": kept.size_bytes if kept else 0,
            "integrity": kept.integrity if kept else "?",
            "revision": kept.revision if kept else None,
            "audit_last_id": kept.audit_last_id if kept else None,
            "audit_last_hash": kept.audit_last_hash if kept else None,
            "database_id": kept.database_id if kept else None})
        from pcrm_desktop.db.migrate import HEAD_REVISION
        migrated = check.revision != HEAD_REVISION
        if migrated:
            store.upgrade_file(db)
        head_id, head_hash = _head(check)
        if check.chain is None:  # a schema before the chain: the upgrade has just made it
            report = store.chain_report(db)
            head_id, head_hash = (report.last_id, report.last_hash) if report else (None, None)
        try:
            previous = store.rebase_anchor(db, head_id, head_hash,
                                           now.isoformat(timespec="seconds"),
                                           {"reason": "restore", "file": source.name})
            moved = ""
        except OSError as error:  # the restore stands; the next `audit verify` will say so
            previous, moved = None, f" (기준점 파일을 쓰지 못함: {error.strerror or error})"
        previous_id = previous.get("last_id") if previous else None
        with ctx.uow_factory() as uow:
            ctx.audit(uow, "backup.restore", source.name,
                      f"{source} ({_describe(check)}); 복원 전 백업 {pre_name}; 접속기록 기준점 "
                      f"#{previous_id if previous_id is not None else '-'} → "
                      f"#{head_id if head_id is not None else '-'}{moved}"
                      + (f"; 다른 데이터베이스의 백업 ({check.database_id}, 이전 {foreign})"
                         if foreign else ""))
            if migrated:
                ctx.audit(uow, "db.upgrade", "database",
                          f"{check.revision} → {HEAD_REVISION} (백업 복원 뒤)")
            uow.commit()
    finally:
        if staging is not None:
            _remove(staging)
    return RestoreResult(source.name, pre_name, check.revision or "", migrated, head_id,
                         previous_id, outcome.pages, outcome.attempts,
                         time.perf_counter() - started)


# --- at start: is the database usable; recovering a damaged one ---------------------------------
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


def check_at_start(location, thorough: bool = False) -> StartCheck:
    """Before the database is opened for writing: a quick check (`PRAGMA quick_check`, read-only).
    A damaged file is never written to: the app explains and offers `recover`. No access-log
    entry (nothing may be written to a damaged file, and nobody has signed in).

    The quick check reads every page (4 s warm, 13 s cold for 1.8 GB). It is skipped, unless
    `thorough`, when the file is exactly as `mark_clean_exit` left it: unchanged size and time,
    no -wal — the content the exit backup copied and checked in full."""
    started = time.perf_counter()
    path = location.path

    def result(state: str, error: DatabaseError | None = None, checked: bool = False) -> StartCheck:
        count = len(store.stored_backups(path)) if path is not None else 0
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
    clean = store.read_state(store.backup_dir_for(path), CLEAN_EXIT)
    now_state = store.file_state(path)
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


def mark_clean_exit(location) -> bool:
    """At exit, after the exit backup and after the database was closed: when the file holds
    what the newest backup holds (no change since, but signing out and the backups' own
    entries) and no -wal is left, remember its size and time, so that the next start may skip
    the quick check. Anything else (a crash, another PC still writing) leaves no record, and the
    next start checks. Returns whether it was recorded."""
    path = location.path
    if path is None or not path.exists():
        return False
    folder = store.backup_dir_for(path)
    store.write_state(folder, CLEAN_EXIT, None)
    stored = store.stored_backups(path)
    state = store.file_state(path)
    if not stored or state is None or state["wal_size"]:
        return False
    newest = stored[0]
    if newest.info.get("integrity", "?") != "ok" or "audit_last_id" not in newest.info:
        return False
    try:
        changes = store.changes_since(path, newest.info.get("audit_last_id"),
                                      newest.info.get("audit_last_hash"), rules.QUIET_ACTIONS)
    except DatabaseError:
        return False
    if changes:
        return False
    store.write_state(folder, CLEAN_EXIT, dict(state, backup=newest.path.name))
    return True


@dataclass(frozen=True)
class GoodBackup:
    path: Path
    at: datetime
    reason: str
    check: store.BackupCheck
    skipped: list[str]      # newer backups that failed their check now


def latest_good_backup(location, progress: Progress | None = None) -> GoodBackup | None:
    """The newest backup in the backups folder that passes `checked_backup` now (each checked
    in full, newest first; damaged or unreadable ones are skipped and named)."""
    path = location.path
    if path is None:
        return None
    skipped = []
    stored = store.stored_backups(path)
    for index, candidate in enumerate(stored):
        if progress is not None:
            progress(index, len(stored), rules.STEP_VERIFY)
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


def recover(location, backup: Path | str, login: str, password: str,
            now: datetime | None = None, progress: Progress | None = None,
            checked: store.BackupCheck | None = None) -> Recovered:
    """Replace a damaged database by a backup, before anyone signs in.

    The person must be an admin *of the backup* (its staff table, read-only; the damaged file is
    not trusted, and nothing is written to it). The damaged file, with its -wal, is renamed to
    `<name>.damaged-<time>` beside it — never deleted; if the copy cannot be made, it is put
    back. The backup is copied in as the new database file, upgraded if older, the anchor moved
    to its verified head, and `db.recover` logged in it under the admin's name. `checked`: the
    full check `latest_good_backup` just made of this very file (a minute saved on 2 GB)."""
    from pcrm_desktop.config import workstation_name
    from pcrm_desktop.db.migrate import open_database
    from pcrm_desktop.db.uow import SqlUnitOfWork
    from pcrm_desktop.domain.accounts import secret_matches
    from pcrm_desktop.domain.audit import Actor
    started = time.perf_counter()
    now = now or datetime.now()
    path = location.path
    state = check_at_start(location)
    if state.state != START_DAMAGED:
        raise DatabaseError("restore_not_damaged")
    source = _resolve(path, backup)
    if store.is_encrypted(source):
        raise DatabaseError("backup_not_pcrm", name=source.name)  # decrypt it first (pcrm restore)
    check = checked if checked is not None and checked.path == source else checked_backup(source)
    # the admin of the backup that is to become the database
    login = (login or "").strip().lower()[:32]
    row = store.staff_login_row(source, login) if login else None
    stored_hash = row.get("password_hash") if row else None
    matched = secret_matches(password or "", stored_hash or _dummy())
    if not (row and stored_hash and matched and row["role"] == "admin" and row["active"]):
        raise DatabaseError("recovery_login_failed", field="password")
    if store.in_use_elsewhere(path):
        raise DatabaseError("db_in_use", path=str(path))
    aside = store.set_aside(path, now)
    try:
        # the source passed the full check just now; the copy gets the quick one
        store.copy_database(source, path, _phase(progress, rules.STEP_RESTORE), integrity="quick")
    except BaseException:
        with contextlib.suppress(OSError):   # nothing new in place: the damaged file goes back
            if not path.exists():
                aside.replace(path)
                for suffix in ("-wal", "-shm"):
                    moved = aside.with_name(aside.name + suffix)
                    if moved.exists():
                        moved.replace(path.with_name(path.name + suffix))
        raise
    migration = open_database(location, now)
    engine = migration.engine
    try:
        head_id, head_hash = _head(check)
        if check.chain is None:
            report = store.chain_report(path)
            head_id, head_hash = (report.last_id, report.last_hash) if report else (None, None)
        store.rebase_anchor(path, head_id, head_hash, now.isoformat(timespec="seconds"),
                            {"reason": "recovery", "file": source.name, "damaged": aside.name})
        ctx = ServiceContext(uow_factory=lambda write=True: SqlUnitOfWork(engine, write),
                             actor=Actor(row["id"], row["login"], "admin", workstation_name()),
                             database=path)
        with ctx.uow_factory() as uow:
            problem = state.error.params.get("detail", "") if state.error else ""
            ctx.audit(uow, "db.recover", source.name,
                      f"손상: {problem}; 손상된 파일을 {aside.name}(으)로 옮김; 복원한 백업: "
                      f"{_describe(check)}")
            if migration.from_revision != migration.to_revision:
                ctx.audit(uow, "db.upgrade", "database",
                          f"{migration.from_revision} → {migration.to_revision} (복구 뒤)")
            uow.commit()
    finally:
        engine.dispose()
    return Recovered(source.name, aside, migration.from_revision != migration.to_revision,
                     head_id, time.perf_counter() - started)


def _other_database(ctx: ServiceContext, check: store.BackupCheck) -> str | None:
    """This database's id when the backup is of another one; None when it is this one's, or
    when either is too old to have an id (before migration 0011)."""
    with ctx.reading() as uow:
        live = uow.audit.database_id()
    return live if live and check.database_id and check.database_id != live else None


def _head(check: store.BackupCheck) -> tuple[int | None, str | None]:
    """The restored log's head: as verified, or, for a log signed on a PC whose key this one
    lacks, as stored (its check says so until the key is imported)."""
    if check.chain is None:
        return None, None
    if check.chain.ok:
        return check.chain.last_id, check.chain.last_hash
    return check.audit_last_id, check.audit_last_hash


def _dummy() -> str:
    """A hash to check a password against when the login is unknown (the same time either way,
    the first time too: built, not hashed)."""
    from pcrm_desktop.domain.accounts import unusable_hash
    return unusable_hash()
