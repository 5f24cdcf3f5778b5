"""The backups a person makes: a backup now in the backups folder (managers; the automatic
ones go through it too), the list, deleting one (admins), and copies leaving the PC — encrypted
for a USB stick, or plain (managers, with a reason)."""
from __future__ import annotations

import contextlib
import time
from dataclasses import dataclass
from pathlib import Path

from pcrm_desktop.db.backup import checking, copying
from pcrm_desktop.db.backup import encrypted as encryption
from pcrm_desktop.db.backup import folder as backup_folder
from pcrm_desktop.domain import backups as rules
from pcrm_desktop.domain.errors import DatabaseError, ValidationError
from pcrm_desktop.domain.privacy import (
    ADMIN_ROLES,
    AUDIT_ROLES,
    STAFF_ROLES,
    clean_reason,
    require_role,
)
from pcrm_desktop.domain.progress import Step
from pcrm_desktop.services.backups.shared import (
    CHANGED,
    BackupInfo,
    Progress,
    backup_info,
    database_file,
    describe,
    remove_staged,
    size_text,
    stage,
)
from pcrm_desktop.services.context import Changes, ServiceContext


@dataclass(frozen=True)
class ExportResult:
    path: Path
    size_bytes: int
    encrypted: bool
    seconds: float


# --- backups in the backups folder --------------------------------------------------------------
def backup_now(ctx: ServiceContext, reason: str = rules.MANUAL,
               progress: Progress | None = None) -> BackupInfo:
    """A verified copy in the backups folder beside the database. `reason`: manual (admins and
    managers) or start / exit / daily (automatic: anyone on staff, or the system at start)."""
    automatic = rules.is_automatic(reason)
    if not automatic and reason != rules.MANUAL:
        raise ValidationError("backup_reason", field="reason", reason=reason)
    require_role(ctx.actor, STAFF_ROLES if automatic else AUDIT_ROLES, f"backup.{reason}")
    db = database_file(ctx.database)
    check = backup_folder.make_backup(db, reason, ctx.clock(), stage(progress, Step.BACKUP_COPY))
    try:
        with ctx.uow_factory() as uow:
            ctx.audit(uow, "backup.create", check.path.name,
                      f"{rules.reason_text(reason)}; {describe(check)}")
            uow.commit()
    except BaseException:
        # no backup without its entry: the copy goes again (the database is unchanged)
        with contextlib.suppress(Exception):
            backup_folder.delete_backup_file(db, check.path.name)
        raise
    return next(backup_info(s) for s in backup_folder.stored_backups(db)
                if s.path.name == check.path.name)


def list_backups(ctx: ServiceContext) -> list[BackupInfo]:
    """The backups of this database in its backups folder, newest first."""
    require_role(ctx.actor, STAFF_ROLES, "backup.list")
    return [backup_info(s) for s in backup_folder.stored_backups(database_file(ctx.database))]


def delete_backup(ctx: ServiceContext, name: str) -> Changes:
    """Delete one backup of the backups folder (admins): the way manual, pre-upgrade and
    pre-restore backups go. Logged first, then removed."""
    require_role(ctx.actor, ADMIN_ROLES, "backup.delete")
    db = database_file(ctx.database)
    found = next((s for s in backup_folder.stored_backups(db) if s.path.name == name), None)
    if found is None:
        raise DatabaseError("backup_not_found", name=name)
    with ctx.uow_factory() as uow:
        ctx.audit(uow, "backup.delete", name,
                  f"{rules.reason_text(found.name.reason)}, {size_text(found.size_bytes)}")
        uow.commit()
    backup_folder.delete_backup_file(db, name)
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
    db = database_file(ctx.database)
    out = Path(out)
    started = time.perf_counter()
    now = ctx.clock()
    folder = backup_folder.backup_dir_for(db)
    snapshot = folder / f".export-{now:%Y%m%d-%H%M%S}-{id(out):x}.tmp"
    try:
        copying.copy_database(db, snapshot, stage(progress, Step.BACKUP_COPY))

        def log(size: int) -> None:   # the file gets its name only once this is committed
            with ctx.uow_factory() as uow:
                ctx.audit(uow, "backup.export", out.name,
                          f"{out} ({size_text(size)}), AES-256-GCM, scrypt", reason=reason)
                uow.commit()
        size = encryption.encrypt_file(snapshot, out, password, stage(progress, Step.BACKUP_ENCRYPT),
                                       before_rename=log)
    finally:
        remove_staged(snapshot)
    return ExportResult(out, size, True, time.perf_counter() - started)


def export_copy(ctx: ServiceContext, out: Path, reason: str,
                progress: Progress | None = None) -> ExportResult:
    """A plain (unencrypted) verified copy to a file of one's choosing (`pcrm backup --out`):
    admins and managers, with a reason."""
    require_role(ctx.actor, AUDIT_ROLES, "backup.copy")
    reason = clean_reason(reason)
    db = database_file(ctx.database)
    out = Path(out)
    if out.resolve() == db.resolve():
        raise DatabaseError("backup_io", path=str(out), detail="the database itself")
    started = time.perf_counter()

    def log(check: checking.BackupCheck) -> None:
        with ctx.uow_factory() as uow:
            ctx.audit(uow, "backup.copy", out.name, f"{out}; {describe(check)}", reason=reason)
            uow.commit()
    check = copying.copy_database(db, out, stage(progress, Step.BACKUP_COPY), before_rename=log,
                                  create_folder=False)
    return ExportResult(out, check.size_bytes, False, time.perf_counter() - started)
