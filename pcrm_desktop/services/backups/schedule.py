"""The automatic backups: at start, at exit and daily, each only when something changed since
the newest backup (`due`), then the rotation (`prune`: 7 daily, 4 weekly, 12 monthly). Anyone
on staff may run them, and the system at start."""
from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import datetime

from pcrm_desktop.db.backup import checking
from pcrm_desktop.db.backup import folder as backup_folder
from pcrm_desktop.domain import backups as rules
from pcrm_desktop.domain.errors import DatabaseError, ValidationError
from pcrm_desktop.domain.privacy import STAFF_ROLES, require_role
from pcrm_desktop.services.backups.manual import backup_now
from pcrm_desktop.services.backups.shared import BackupInfo, Progress, database_file, size_text
from pcrm_desktop.services.context import ServiceContext


@dataclass(frozen=True)
class AutomaticResult:
    due: rules.Due
    made: BackupInfo | None
    pruned: list[str]


def due(ctx: ServiceContext, now: datetime | None = None,
        reason: str = rules.START) -> rules.Due:
    """Whether an automatic backup (start, exit, daily) is due: not when nothing changed since
    the newest backup of any kind — every change writes an access-log entry, so the entries
    after the newest one the backup holds (signing in and out, and the backups' own entries,
    aside) are the changes; an access log that no longer holds that entry as it was (a restore
    happened) counts as changed."""
    require_role(ctx.actor, STAFF_ROLES, "backup.due")
    db = database_file(ctx.database)
    now = now or ctx.clock()
    stored = backup_folder.stored_backups(db)
    if not stored:
        return rules.due_rule(reason, now, None, None)
    newest = stored[0]
    info = newest.info
    if "audit_last_id" in info:
        last_id, last_hash = info.get("audit_last_id"), info.get("audit_last_hash")
    else:
        last_id, last_hash = checking.audit_head(newest.path)
    changes = checking.changes_since(db, last_id, last_hash, rules.QUIET_ACTIONS)
    return rules.due_rule(reason, now, newest.name.at, changes)


def prune(ctx: ServiceContext) -> list[str]:
    """Delete the automatic backups the rotation lets go (7 daily, 4 weekly, 12 monthly);
    manual, pre-upgrade and pre-restore backups stay. The entry is written first, then the
    files go (one that cannot be removed now goes at the next run)."""
    require_role(ctx.actor, STAFF_ROLES, "backup.prune")
    db = database_file(ctx.database)
    stored = {s.name: s for s in backup_folder.stored_backups(db)}
    victims = rules.to_prune(stored)
    if not victims:
        return []
    names = [stored[v].path.name for v in victims]
    total = sum(stored[v].size_bytes for v in victims)
    with ctx.uow_factory() as uow:
        ctx.audit(uow, "backup.prune", "backups",
                  f"보관 주기(매일 7·매주 4·매월 12)에 따라 {len(names)}개 삭제 ({size_text(total)}): "
                  + ", ".join(names))
        uow.commit()
    removed = []
    for name in names:
        with contextlib.suppress(DatabaseError):
            backup_folder.delete_backup_file(db, name)
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
