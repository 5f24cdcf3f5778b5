"""Checking the access log's hash chain (`pcrm audit verify`, the access-log page, the start)."""
from __future__ import annotations

from collections.abc import Callable

from pcrm_desktop.domain.audit import ChainReport
from pcrm_desktop.domain.privacy import AUDIT_ROLES, require_role
from pcrm_desktop.services.context import ServiceContext


def verify_chain(ctx: ServiceContext, progress: Callable[[int], None] | None = None,
                 record: bool = True) -> ChainReport:
    """Recompute every entry's hash from the chain's start and compare it with the anchor left
    by the last good check (beside the database file). A good result moves the anchor forward;
    with `record`, the check itself is logged (after it, so it does not check itself)."""
    require_role(ctx.actor, AUDIT_ROLES, "audit.verify")
    from pcrm_desktop.db.audit_chain import read_anchor, write_anchor
    from pcrm_desktop.domain.retention import RULES, Kind, cutoff
    anchor = read_anchor(ctx.database) if ctx.database else None
    # Entries younger than the legal minimum (2 years) may never have been pruned.
    kept_since = cutoff(ctx.clock(), RULES[Kind.AUDIT_LOG].minimum_months).isoformat()
    with ctx.reading() as uow:
        report = uow.audit.verify(anchor, progress, kept_since)
    if report.ok and ctx.database:
        write_anchor(ctx.database, report, ctx.clock().isoformat(timespec="seconds"))
    if record:
        with ctx.uow_factory() as uow:
            outcome = "정상" if report.ok else f"손상: {report.broken_id}번 ({report.problem})"
            ctx.audit(uow, "audit.verify", "audit_log", f"{report.checked:,}건 확인, {outcome}")
            uow.commit()
    return report
