"""민원처리부 (the complaint register) of a period to XLSX or CSV: every case with its receipt
number, date, applicant (masked), summary, department, due date, completion date and result."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from pcrm_desktop.db.citizen_repo import as_datetime
from pcrm_desktop.domain.complaints import (
    CHANNEL_NAMES,
    RESULT_NAMES,
    STATUS_NAMES,
    Channel,
    Result,
    Status,
)
from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.services import complaints
from pcrm_desktop.services.context import ServiceContext
from pcrm_desktop.services.spreadsheet import check_format, write_table

HEADERS = ["접수번호", "접수일시", "접수경로", "민원인", "민원종류", "제목(요지)", "처리부서",
           "처리기한", "처리일시", "처리결과", "상태"]


@dataclass(frozen=True)
class RegisterExport:
    path: Path
    rows: int


def _text(value) -> str:
    at = as_datetime(value)
    return at.strftime("%Y-%m-%d %H:%M") if at else ""


def export_register(ctx: ServiceContext, first: date, last: date, out: Path) -> RegisterExport:
    if last < first:
        raise ValidationError("period_order", field="period")
    out = Path(out)
    check_format(out)
    rows = [[r["receipt_no"], _text(r["received_at"]), CHANNEL_NAMES[Channel(r["channel"])],
             r["applicant"], r["type_name"], r["title"], r["department"], _text(r["due_at"]),
             _text(r["done_at"]), RESULT_NAMES[Result(r["result"])] if r["result"] else "",
             STATUS_NAMES[Status(r["status"])]]
            for r in complaints.register(ctx, first, last)]
    write_table(out, "민원처리부", HEADERS, rows)
    with ctx.uow_factory() as uow:
        ctx.audit(uow, "complaint.export", out.name, f"{first}~{last}: {len(rows)}건 (민원인 가림)")
        uow.commit()
    return RegisterExport(out, len(rows))
