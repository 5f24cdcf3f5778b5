"""보존기간과 파기: the periods (admins set them), what a run would destroy now (admins and
managers look), the run itself (admins), and the destruction ledger (파기 대장).

A run is one transaction: every kind's destruction, one ledger row per kind that lost records,
and one access-log entry with the counts (no personal data) commit together or not at all.
Only then are the attachment files nobody needs any more overwritten and removed, and the
database file compacted (WAL checkpoint, VACUUM), so nothing destroyed stays readable in free
pages or in the -wal file. Backups age out by their own rotation (docs/ARCHITECTURE.md).
"""
from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pcrm_desktop.domain.privacy import (
    ADMIN_ROLES,
    AUDIT_ROLES,
    STAFF_ROLES,
    require_role,
)
from pcrm_desktop.domain.progress import Progress, Step, retention_step
from pcrm_desktop.domain.retention import (
    KINDS,
    RULES,
    RUN_ORDER,
    Candidates,
    Kind,
    Policy,
    check_months,
    cutoff,
    kind_of,
    stored_months,
)
from pcrm_desktop.services.context import Changes, ServiceContext
from pcrm_desktop.services.ports import UnitOfWork

CHANGED: Changes = frozenset({"retention"})
RUN_CHANGED: Changes = frozenset({"retention", "citizens", "complaints", "surveys", "timeline",
                                  "happy_calls", "groups"})


@dataclass(frozen=True)
class LedgerEntry:
    id: int
    at: datetime
    actor: str
    staff_name: str
    workstation: str
    kind: Kind
    months: int
    cutoff: date
    count: int
    method: str
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class RunResult:
    at: datetime
    done: list[Candidates]          # per kind, in display order, what was destroyed
    ledger_ids: list[int]
    files_removed: int
    files_failed: list[str]         # attachment files that could not be overwritten or removed
    compact: dict[str, Any]         # the checkpoint and VACUUM outcome
    seconds: float

    @property
    def total(self) -> int:
        return sum(c.count for c in self.done)


def _policies(uow: UnitOfWork) -> dict[Kind, Policy]:
    stored = uow.retention.stored_periods()
    return {kind: Policy(kind, stored_months(kind, stored.get(kind.value)), RULES[kind])
            for kind in KINDS}


def policies(ctx: ServiceContext) -> list[Policy]:
    """Every kind's period (the stored one, else the default), in display order."""
    require_role(ctx.actor, STAFF_ROLES, "retention.view")
    with ctx.reading() as uow:
        return list(_policies(uow).values())


def set_policies(ctx: ServiceContext, wanted: dict[Kind | str, int | str]) -> Changes:
    """Change periods (admins only): all are checked before any is saved, and they are saved
    together, each change recorded with its old and new value. Unchanged ones write nothing."""
    require_role(ctx.actor, ADMIN_ROLES, "retention.policy")
    checked = {}
    for kind, months in wanted.items():
        kind = kind if isinstance(kind, Kind) else kind_of(kind)
        checked[kind] = check_months(kind, months)
    with ctx.uow_factory() as uow:
        current = _policies(uow)
        changed = {kind: months for kind, months in checked.items()
                   if months != current[kind].months}
        for kind, months in changed.items():
            uow.retention.store_period(kind, months)
            ctx.audit(uow, "retention.policy", kind.value,
                      f"{current[kind].months} → {months}개월")
        if not changed:
            return frozenset()
        uow.commit()
    return CHANGED


def set_policy(ctx: ServiceContext, kind: Kind | str, months: int | str) -> Changes:
    """Change one kind's period (admins only; recorded with the old and new value)."""
    return set_policies(ctx, {kind: months})


def _cuts(now: datetime, current: dict[Kind, Policy]) -> dict[Kind, date]:
    return {kind: cutoff(now, policy.months) for kind, policy in current.items()}


def preview(ctx: ServiceContext) -> list[Candidates]:
    """What a run now would destroy, per kind (counts only), in display order."""
    require_role(ctx.actor, AUDIT_ROLES, "retention.preview")
    now = ctx.clock()
    with ctx.reading() as uow:
        current = _policies(uow)
        cuts = _cuts(now, current)
        uow.retention.select(cuts, now.date())
        counted = uow.retention.counts(cuts)
        uow.retention.release()
    return [Candidates(kind, current[kind].months, cuts[kind], *counted[kind]) for kind in KINDS]


def _say(progress: Progress | None, done: int, total: int, step: str) -> None:
    if progress is not None:
        progress(done, total, step)


def run(ctx: ServiceContext, progress: Progress | None = None) -> RunResult:
    """Destroy everything past its period (admins only). `progress(done, total, step)` is told
    each step before the commit and may raise to cancel (nothing is then changed)."""
    require_role(ctx.actor, ADMIN_ROLES, "retention.run")
    started = time.perf_counter()
    now = ctx.clock()
    steps = len(RUN_ORDER) + 2
    with ctx.uow_factory() as uow:
        repo = uow.retention
        current = _policies(uow)
        cuts = _cuts(now, current)
        _say(progress, 0, steps, Step.RETENTION_SELECT)
        repo.select(cuts, now.date())
        done: dict[Kind, Candidates] = {}
        details: dict[Kind, dict[str, Any]] = {}
        for step, kind in enumerate(RUN_ORDER, start=1):
            _say(progress, step, steps, retention_step(kind))
            count, detail = repo.destroy(kind, cuts[kind], now)
            done[kind] = Candidates(kind, current[kind].months, cuts[kind], count,
                                    detail.get("related", {}))
            details[kind] = detail
        attest = details.get(Kind.AUDIT_LOG, {}).pop("attest", None)
        if attest:  # the chain's new start, attested inside the chain (db.audit_chain.verify)
            ctx.audit(uow, "audit.prune", "audit_log", attest)
        files = repo.unused_files()
        # on an office server the bytes are rows: deleted in this transaction, with the 민원
        in_database = ctx.files_dir is None and ctx.server is not None
        dropped = uow.attachment_contents.drop_unused(files) if in_database else 0
        ledger_ids = [
            repo.add_ledger(now, ctx.actor.staff_id, ctx.actor.login, ctx.actor.workstation,
                            kind, current[kind].months, cuts[kind], done[kind].count,
                            RULES[kind].method, details[kind])
            for kind in KINDS if done[kind].count]
        counts = ", ".join(f"{kind.value} {done[kind].count}" for kind in KINDS)
        ctx.audit(uow, "retention.run", "retention",
                  f"{counts}; 파기 대장 {len(ledger_ids)}건, 첨부 파일 {len(files)}개")
        repo.release()
        _say(progress, steps - 1, steps, Step.RETENTION_COMMIT)
        uow.commit()
        # From here the records are gone for good: nothing below may undo or cancel that.
        removed, failed = (dropped, []) if in_database else _shred(ctx.files_dir, files)
        with contextlib.suppress(Exception):  # a cancel now comes too late to undo anything
            _say(progress, steps, steps, Step.RETENTION_COMPACT)
        # nothing destroyed, nothing to scrub from free pages or the WAL (VACUUM rewrites the
        # whole file: about a minute at 1,000,000 민원)
        compact = repo.compact() if any(c.count for c in done.values()) else {
            "vacuumed": False, "wal_emptied": True, "skipped": True}
    return RunResult(now, [done[kind] for kind in KINDS], ledger_ids, removed, failed, compact,
                     time.perf_counter() - started)


def _shred(folder: Path | None, names: set[str]) -> tuple[int, list[str]]:
    """Overwrite each stored attachment file with zeros (flushed to the disk), then remove it.
    On SSDs and copy-on-write file systems an overwrite may land elsewhere; removing the file
    is what the application can do, the disk's own encryption does the rest."""
    if folder is None:
        return 0, []
    removed, failed = 0, []
    for name in sorted(names):
        path = Path(folder) / name
        try:
            if not path.is_file():
                continue
            size = path.stat().st_size
            with path.open("r+b") as handle:
                block = bytes(1 << 20)
                left = size
                while left > 0:
                    handle.write(block[:min(left, len(block))])
                    left -= len(block)
                handle.flush()
                os.fsync(handle.fileno())
            path.unlink()
            removed += 1
        except OSError:
            failed.append(name)
    return removed, failed


def ledger(ctx: ServiceContext, limit: int = 500) -> list[LedgerEntry]:
    """The destruction ledger, newest first."""
    require_role(ctx.actor, AUDIT_ROLES, "retention.ledger")
    with ctx.reading() as uow:
        rows = uow.retention.ledger(limit)
    return [LedgerEntry(r["id"], r["at"], r["actor"], r["staff_name"] or "", r["workstation"],
                        Kind(r["kind"]), r["months"], r["cutoff"], r["count"], r["method"],
                        json.loads(r["detail"]) if r["detail"] else {}) for r in rows]
