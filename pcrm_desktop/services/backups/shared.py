"""What the backup services share: the progress they report, what changed, a listed backup,
and how a copy is described in the access log."""
from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pcrm_desktop.db.backup import checking
from pcrm_desktop.db.backup import encrypted as encryption
from pcrm_desktop.db.backup import folder as backup_folder
from pcrm_desktop.domain.errors import DatabaseError
from pcrm_desktop.domain.progress import Progress as Progress
from pcrm_desktop.services.context import Changes

# Progress is (done, total, step): `step` a code of domain/progress.py (Step.BACKUP_…) that the
# screen and the command line word. It may raise to cancel; after a restore has committed,
# cancelling is no longer possible.

# whether a file is an encrypted backup (its first bytes), for the screens' restore dialog
is_encrypted = encryption.is_encrypted

CHANGED: Changes = frozenset({"backups"})


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


def database_file(database: Path | None) -> Path:
    """The context's database file (`ctx.database`); none (test fakes): no backups."""
    if database is None:
        raise DatabaseError("backup_no_database")
    return Path(database)


def stage(progress: Progress | None, step: str) -> Callable[[int, int], None] | None:
    """The (done, total) progress of one step of the db/backup modules, told as (done, total,
    step): `step` names the step (a code of domain/progress.py)."""
    if progress is None:
        return None
    return lambda done, total: progress(done, total, step)


def size_text(size: int) -> str:
    return f"{size / (1 << 20):,.1f} MB"


def backup_info(stored: backup_folder.StoredBackup) -> BackupInfo:
    info = stored.info
    return BackupInfo(stored.path.name, stored.path, stored.name.at, stored.name.reason,
                      stored.name.kind, stored.size_bytes, info.get("integrity", "ok") == "ok",
                      info.get("revision"), info.get("audit_last_id"), not stored.name.automatic)


def describe(check: checking.BackupCheck) -> str:
    head = f"#{check.audit_last_id}" if check.audit_last_id is not None else "없음"
    integrity = "정상" if check.integrity == "ok" else check.integrity
    return (f"{size_text(check.size_bytes)}, 무결성 {integrity}"
            f", 스키마 {check.revision}, 접속기록 {head}까지")


def remove_staged(path: Path) -> None:
    for leftover in (path, path.with_name(path.name + ".part"),
                     path.with_name(path.name + ".part-journal")):
        with contextlib.suppress(OSError):
            leftover.unlink(missing_ok=True)
