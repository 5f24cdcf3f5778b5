"""민원처리부 PDF of a period: the rows of the XLSX export (complaint_export.register_rows),
applicants masked, on landscape pages; every print is in the audit log."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pcrm_desktop.domain.privacy import STAFF_ROLES, require_role
from pcrm_desktop.services.complaint_export import HEADERS, register_rows
from pcrm_desktop.services.context import ServiceContext


@dataclass(frozen=True)
class RegisterPdf:
    path: Path
    pages: int
    rows: int
    late: int


def office_name(ctx: ServiceContext) -> str:
    require_role(ctx.actor, STAFF_ROLES, "report.view")  # the heading of every report
    with ctx.reading() as uow:
        profile = uow.office.get()
    return profile.name if profile is not None else ""


def build_register(ctx: ServiceContext, first: date, last: date, out: Path) -> RegisterPdf:
    """Admins, managers and clerks (the roles that see 민원 at all); the rows stream from the
    database into the PDF once."""
    from pcrm_desktop.reports.register_pdf import RegisterDoc, render
    rows = register_rows(ctx, first, last)  # checks the role and the period before any work
    doc = RegisterDoc(office_name(ctx), first, last, f"{ctx.clock():%Y-%m-%d %H:%M} 작성",
                      tuple(HEADERS))
    printed = render(doc, rows, Path(out))
    with ctx.uow_factory() as uow:
        ctx.audit(uow, "report.register", Path(out).name,
                  f"{first}~{last}: {printed.rows}건, {printed.pages}쪽 (민원인 가림)")
        uow.commit()
    return RegisterPdf(Path(out), printed.pages, printed.rows, printed.late)
