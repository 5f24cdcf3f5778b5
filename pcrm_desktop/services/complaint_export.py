"""민원처리부 (the complaint register) of a period: every case with its receipt number, date,
applicant (masked), summary, department, due date, completion date and result. One function
builds the rows (`register_rows`); the XLSX/CSV export here and the PDF (report_register)
print the same columns and values."""
from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, NamedTuple

from pcrm_desktop.domain.complaints import (
    CHANNEL_NAMES,
    OPEN,
    RESULT_NAMES,
    STATUS_NAMES,
    Channel,
    Result,
    Status,
)
from pcrm_desktop.domain.deadlines import finished_on_time, past_due
from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.domain.privacy import PERSONAL_DATA_ROLES, clean_reason, require_role
from pcrm_desktop.domain.text import mask_name
from pcrm_desktop.domain.timestamps import as_datetime
from pcrm_desktop.reports.spreadsheet import check_format, write_audited
from pcrm_desktop.services.context import ServiceContext

HEADERS = ["접수번호", "접수일시", "접수경로", "민원인", "민원종류", "제목(요지)", "처리부서",
           "처리기한", "처리일시", "처리결과", "상태"]


class RegisterRow(NamedTuple):
    values: tuple[str, ...]  # the HEADERS' cells, as printed
    late: bool               # finished after its due date, or still open past it


@dataclass(frozen=True)
class RegisterExport:
    path: Path
    rows: int


def _text(value: object) -> str:
    at = as_datetime(value)
    return at.strftime("%Y-%m-%d %H:%M") if at else ""


def _late(status: Status, due: datetime | None, done: datetime | None, now: datetime) -> bool:
    """Late like the 기한 경과 queue counts it: done after the due date, or open and past it (a
    transferred case's clock stopped here)."""
    if due is None:
        return False
    if done is not None:
        return not finished_on_time(done, due)   # to the minute, as the report counts
    return status in OPEN and past_due(due, now)


def _row(r: Mapping[str, Any], now: datetime) -> RegisterRow:
    status = Status(r["status"])
    due, done = as_datetime(r["due_at"]), as_datetime(r["done_at"])
    return RegisterRow(
        (r["receipt_no"], _text(r["received_at"]), CHANNEL_NAMES[Channel(r["channel"])],
         mask_name(r["applicant"]), r["type_name"], r["title"], r["department"], _text(due),
         _text(done), RESULT_NAMES[Result(r["result"])] if r["result"] else "",
         STATUS_NAMES[status]),
        _late(status, due, done, now))


def register_rows(ctx: ServiceContext, first: date, last: date) -> Iterator[RegisterRow]:
    """Every case received from `first` to `last` (inclusive) by 접수번호, applicants masked,
    streamed from the database cursor (a year may hold 80,000 cases): the caller keeps what
    it needs, once. The role and period are checked now, not at the first row."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "complaint.register")
    if last < first:
        raise ValidationError("period_order", field="period")
    return _stream(ctx, first, last, ctx.clock())


def _stream(ctx: ServiceContext, first: date, last: date, now: datetime) -> Iterator[RegisterRow]:
    with ctx.reading() as uow:
        for r in uow.complaint_read.register(first, last):
            yield _row(r, now)


def export_register(ctx: ServiceContext, first: date, last: date, out: Path,
                    reason: str = "") -> RegisterExport:
    """The register as XLSX/CSV. Names are masked, but titles, dates and results of people's
    민원 leave the office: the export needs a reason, kept in its access-log entry. The file
    appears under its name only once that entry is committed."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "complaint.export")
    reason = clean_reason(reason)
    out = Path(out)
    check_format(out)
    rows = [list(row.values) for row in register_rows(ctx, first, last)]
    def record() -> None:
        with ctx.uow_factory() as uow:
            ctx.audit(uow, "complaint.export", out.name,
                      f"{first}~{last}: {len(rows)}건 (민원인 가림)", reason=reason)
            uow.commit()
    write_audited(out, "민원처리부", HEADERS, rows, record)
    return RegisterExport(out, len(rows))
