"""Restoring a backup (admins): checked first, the current data kept as a pre-restore backup,
the backup written into the live file in one transaction, an older schema upgraded, the access
log's anchor moved back to the restored head, and the restore logged."""
from __future__ import annotations

import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from pcrm_desktop.db.backup import checking, copying
from pcrm_desktop.db.backup import encrypted as encryption
from pcrm_desktop.db.backup import folder as backup_folder
from pcrm_desktop.db.backup.files import ensure_folder
from pcrm_desktop.db.backup.restoring import restore_database
from pcrm_desktop.domain import backups as rules
from pcrm_desktop.domain.errors import DatabaseError
from pcrm_desktop.domain.privacy import ADMIN_ROLES, require_role
from pcrm_desktop.domain.progress import Step
from pcrm_desktop.services.backups.shared import (
    Progress,
    database_file,
    describe,
    remove_staged,
    stage,
)
from pcrm_desktop.services.context import Changes, ServiceContext

# A restore replaces everything: every page reloads.
RESTORED: Changes = frozenset({"backups", "office", "departments", "staff", "citizens", "groups",
                               "complaints", "holidays", "surveys", "happy_calls", "actions",
                               "timeline", "retention"})


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


def resolve_file(db: Path, file: Path | str) -> Path:
    """A name in the backups folder, or a path — never the live database or its -wal/-shm
    (refused before the file is even opened: closing a descriptor of the live file would drop
    this process's SQLite locks on it)."""
    text = str(file)
    folder = backup_folder.backup_dir_for(db)
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


def as_backup_error(error: DatabaseError, name: str) -> DatabaseError:
    codes = {"db_not_pcrm": "backup_not_pcrm", "db_not_database": "backup_not_pcrm",
             "db_damaged": "backup_damaged", "db_missing": "backup_not_found"}
    if error.code not in codes:
        return error
    return DatabaseError(codes[error.code], name=name, detail=error.params.get("detail", ""))


def checked_backup(path: Path, name: str | None = None) -> checking.BackupCheck:
    """A backup one may restore: SQLite, ours, intact (full integrity check), a schema this
    version knows (older ones are upgraded after restoring), and its access log's chain intact
    from its start. Raises DatabaseError (backup_*) otherwise. Read-only."""
    from pcrm_desktop.db.migrate import known_revisions
    name = name or path.name
    try:
        check = checking.verify_file(path, chain=True)
    except DatabaseError as error:
        raise as_backup_error(error, name) from error
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
    folder = backup_folder.backup_dir_for(db)
    encrypted = encryption.is_encrypted(source)
    if not encrypted and source.parent.resolve() == folder.resolve():
        return None
    ensure_folder(folder)
    staging = folder / f".restore-{now:%Y%m%d-%H%M%S}.tmp"
    if encrypted:
        if not password:
            raise DatabaseError("backup_password_required", field="password")
        encryption.decrypt_file(source, staging, password, stage(progress, Step.BACKUP_DECRYPT))
        return staging
    if not checking.is_sqlite(source):
        raise DatabaseError("backup_not_pcrm", name=source.name)
    try:
        # quick check here: `checked_backup` checks the staged copy in full next
        copying.copy_database(source, staging, stage(progress, Step.BACKUP_COPY_IN),
                              integrity="quick")
    except DatabaseError as error:
        raise as_backup_error(error, source.name) from error
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
    db = database_file(ctx.database)
    started = time.perf_counter()
    now = ctx.clock()
    source = resolve_file(db, file)
    folder = backup_folder.backup_dir_for(db)
    staging = _readable(db, source, password, now, progress)
    try:
        if progress is not None:
            progress(0, 1, Step.BACKUP_VERIFY)
        check = checked_backup(staging or source, source.name)
        foreign = _other_database(ctx, check)
        if foreign and not other_database:
            raise DatabaseError("restore_other_database", name=source.name,
                                backup_id=(check.database_id or "")[:8], live_id=foreign[:8])
        pre_name = rules.next_free_name(db.stem, now, rules.PRE_RESTORE,
                                        [p.name for p in folder.iterdir()])

        def phases(phase: str, done: int, total: int) -> None:
            if progress is not None:
                progress(done, total, Step.BACKUP_SNAPSHOT if phase == "snapshot"
                         else Step.BACKUP_RESTORE)
        outcome = restore_database(staging or source, db, folder / pre_name, phases)
        # Committed: from here nothing may cancel (the progress is no longer told).
        kept = outcome.pre_restore
        backup_folder.record(folder, pre_name, {
            "at": now.isoformat(timespec="seconds"), "reason": rules.PRE_RESTORE,
            "size": kept.size_bytes if kept else 0,
            "integrity": kept.integrity if kept else "?",
            "revision": kept.revision if kept else None,
            "audit_last_id": kept.audit_last_id if kept else None,
            "audit_last_hash": kept.audit_last_hash if kept else None,
            "database_id": kept.database_id if kept else None})
        from pcrm_desktop.db.migrate import HEAD_REVISION, upgrade_file
        migrated = check.revision != HEAD_REVISION
        if migrated:
            upgrade_file(db)
        head_id, head_hash = restored_head(check)
        if check.chain is None:  # a schema before the chain: the upgrade has just made it
            report = checking.chain_report(db)
            head_id, head_hash = (report.last_id, report.last_hash) if report else (None, None)
        try:
            previous = rebase_anchor(db, head_id, head_hash, now.isoformat(timespec="seconds"),
                                     {"reason": "restore", "file": source.name})
            moved = ""
        except OSError as error:  # the restore stands; the next `audit verify` will say so
            previous, moved = None, f" (기준점 파일을 쓰지 못함: {error.strerror or error})"
        previous_id = previous.get("last_id") if previous else None
        with ctx.uow_factory() as uow:
            ctx.audit(uow, "backup.restore", source.name,
                      f"{source} ({describe(check)}); 복원 전 백업 {pre_name}; 접속기록 기준점 "
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
            remove_staged(staging)
    return RestoreResult(source.name, pre_name, check.revision or "", migrated, head_id,
                         previous_id, outcome.pages, outcome.attempts,
                         time.perf_counter() - started)


def rebase_anchor(database: Path, head_id: int | None, head_hash: str | None, at: str,
                  note: dict[str, Any]) -> dict[str, Any] | None:
    """After a restore the access log ends where the backup's ended: the witnesses of its head
    (beside the database and in the profile, db/audit_witness) move back to the restored file's
    verified head, or are set aside when the restored log is empty. The replaced anchor is kept
    inside the new one ("replaced"), and returned, so the restore's own entry can name it."""
    from pcrm_desktop.db import audit_witness
    before = audit_witness.read_anchor(database)
    database_id, stretches = checking.identity(database)
    if head_id is None:
        audit_witness.remove_heads(database, database_id)
        return before
    audit_witness.write_head(database, database_id, head_id, head_hash or "", at, stretches,
                             replace=True, note=dict(note, replaced=before))
    return before


def _other_database(ctx: ServiceContext, check: checking.BackupCheck) -> str | None:
    """This database's id when the backup is of another one; None when it is this one's, or
    when either is too old to have an id (before migration 0011)."""
    with ctx.reading() as uow:
        live = uow.audit.database_id()
    return live if live and check.database_id and check.database_id != live else None


def restored_head(check: checking.BackupCheck) -> tuple[int | None, str | None]:
    """The restored log's head: as verified, or, for a log signed on a PC whose key this one
    lacks, as stored (its check says so until the key is imported)."""
    if check.chain is None:
        return None, None
    if check.chain.ok:
        return check.chain.last_id, check.chain.last_hash
    return check.audit_last_id, check.audit_last_hash
