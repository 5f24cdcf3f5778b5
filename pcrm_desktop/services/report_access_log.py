"""The monthly access-log review as PDF (`pcrm report access-log`, the 접속기록 검토 page):
the month's summary and anomalies, every print, export and reveal with its reason, and a check
of the whole hash chain with its head hash. Making it is logged ("report.access_log")."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pcrm_desktop.domain.access_review import (
    BURST,
    FAILED_LOGINS,
    SUMMARY_ENTRIES_PER_FINDING,
    chain_text,
)
from pcrm_desktop.domain.audit import ChainReport
from pcrm_desktop.domain.office import OfficeHours
from pcrm_desktop.domain.privacy import AUDIT_ROLES, require_role
from pcrm_desktop.domain.progress import Progress, Step
from pcrm_desktop.services import access_log
from pcrm_desktop.services.context import ServiceContext

STEPS = 5


@dataclass(frozen=True)
class AccessLogPdf:
    path: Path
    pages: int
    month: date
    entries: int          # in the month
    findings: int
    watched: int          # prints, exports and reveals
    chain: ChainReport


def build_access_log(ctx: ServiceContext, month: date, out: Path,
                     progress: Progress | None = None) -> AccessLogPdf:
    """Admins and managers. The chain is checked from its start (the anchor beside the database
    moves forward when it is sound); that check is part of this report's log entry."""
    require_role(ctx.actor, AUDIT_ROLES, "report.access_log")
    from pcrm_desktop.reports.access_log_pdf import AccessLogDoc, render
    from pcrm_desktop.services.audit_trail import verify_chain

    def step(done: int, what: str, **numbers: int) -> None:
        if progress is not None:
            progress(done, STEPS, what, **numbers)
    first, last = access_log.month_bounds(month)
    step(0, Step.ACCESS_ACCOUNTS)
    summary = access_log.month_summary(ctx, first)
    step(1, Step.ACCESS_FINDINGS)
    found = access_log.anomalies(ctx, first, last)
    shown: set[int] = set()
    for f in found.findings:
        shown.update(f.entry_ids[:SUMMARY_ENTRIES_PER_FINDING] if f.code in (BURST, FAILED_LOGINS)
                     else f.entry_ids)
    rows = {r.id: r for r in access_log.entries_by_id(ctx, shown)}
    step(2, Step.ACCESS_WATCHED)
    watched = access_log.watched_entries(ctx, first)
    chain_events = access_log.chain_events(ctx, first)
    step(3, Step.ACCESS_CHAIN)
    checked_at = ctx.clock()
    chain = verify_chain(ctx, lambda n: step(3, Step.ACCESS_CHAIN_CHECKED, n=n), record=False)
    with ctx.reading() as uow:
        office = uow.office.get()
        staff = {s.login: s.name for s in uow.staff.list()}
    step(4, Step.ACCESS_PDF)
    me = ctx.actor.login
    doc = AccessLogDoc(
        office.name if office else "", first, last, ctx.clock(),
        f"{staff[me]}({me})" if me in staff else me, office.hours if office else OfficeHours(),
        summary, staff, found.findings, rows, watched, chain, checked_at, chain_events)
    out = Path(out)
    pages = render(doc, out)
    with ctx.uow_factory() as uow:
        head = f"{chain.last_id}:{chain.last_hash[:16]}" if chain.last_id is not None else "-"
        ctx.audit(uow, "report.access_log", out.name,
                  f"{first:%Y-%m}: {summary.total}건, 이상 징후 {len(found.findings)}건, "
                  f"무결성 {chain_text(chain)}, 머리 {head}, {pages}쪽")
        uow.commit()
    step(5, Step.DONE)
    return AccessLogPdf(out, pages, first, summary.total, len(found.findings), len(watched), chain)
