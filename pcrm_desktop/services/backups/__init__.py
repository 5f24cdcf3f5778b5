"""백업과 복구: a backup now (managers; automatic ones as anyone on staff), the list, restoring
one (admins), a copy for a USB stick (encrypted, or plain; managers, with a reason), the
rotation, and — before anyone signs in — the check of the database at start and the recovery
of a damaged one from its latest good backup.

Every action is in the access log: `backup.create`, `backup.prune`, `backup.delete`,
`backup.restore`, `backup.copy`, `backup.export`, `db.recover`. The copies themselves are made
in db/backup/ (SQLite's online backup API; see docs/ARCHITECTURE.md, "백업과 복구").

The screens and commands use this package as one service (`backups.restore(...)`); its modules:
- `manual`: what a person does — a backup now, the list, delete, copies leaving the PC.
- `schedule`: the automatic backups at start, exit and daily (`due`), and the rotation (`prune`).
- `restoring`: a restore, after the backup's full check (`checked_backup`).
- `recovery`: before the sign-in — the start-up check, the clean exit's record, and the
  recovery of a damaged database.
- `shared`: what they share (progress, `BackupInfo`, how a copy is described in the log).
"""
from pcrm_desktop.services.backups.manual import (
    ExportResult,
    backup_now,
    delete_backup,
    export_copy,
    export_encrypted,
    list_backups,
)
from pcrm_desktop.services.backups.recovery import (
    CLEAN_EXIT,
    START_DAMAGED,
    START_LOCKED,
    START_NEW,
    START_NOT_OURS,
    START_OK,
    START_REMOTE,
    START_UNWRITABLE,
    GoodBackup,
    Recovered,
    StartCheck,
    check_at_start,
    latest_good_backup,
    mark_clean_exit,
    recover,
)
from pcrm_desktop.services.backups.restoring import (
    RESTORED,
    RestoreResult,
    checked_backup,
    restore,
)
from pcrm_desktop.services.backups.schedule import (
    AutomaticResult,
    automatic_backup,
    due,
    prune,
)
from pcrm_desktop.services.backups.shared import CHANGED, BackupInfo, Progress, is_encrypted

__all__ = [
    "CHANGED", "CLEAN_EXIT", "RESTORED", "START_DAMAGED", "START_LOCKED", "START_NEW",
    "START_NOT_OURS", "START_OK", "START_REMOTE", "START_UNWRITABLE", "AutomaticResult",
    "BackupInfo", "ExportResult", "GoodBackup", "Progress", "Recovered", "RestoreResult",
    "StartCheck", "automatic_backup", "backup_now", "check_at_start", "checked_backup",
    "delete_backup", "due", "export_copy", "export_encrypted", "is_encrypted",
    "latest_good_backup", "list_backups", "mark_clean_exit", "prune", "recover", "restore",
]
