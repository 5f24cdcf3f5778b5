"""Importing 민원 history from CSV/XLSX (Korean office files, or foreign ones such as the NYC 311
sample): US and Korean date formats, statuses mapped, agencies as departments and complaint types
as categories (created when new), rows kept as they are. A row closed before it was received is
imported and flagged, never dropped or "fixed". All valid rows in one transaction, or none."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pcrm_desktop.domain.complaints import (
    FUTURE_SLACK,
    OPEN,
    TEXT_MAX,
    Channel,
    Result,
    Status,
    receipt_number,
)
from pcrm_desktop.domain.deadlines import (
    DEFAULT_HOURS,
    DaysOff,
    Period,
    compute_due,
    period_code,
    period_for,
)
from pcrm_desktop.domain.errors import DomainError, ValidationError
from pcrm_desktop.domain.messages import korean_message
from pcrm_desktop.domain.privacy import PERSONAL_DATA_ROLES, require_role
from pcrm_desktop.domain.progress import Step
from pcrm_desktop.domain.text import mask_rrns, nfc, well_formed
from pcrm_desktop.domain.timestamps import sql_datetime
from pcrm_desktop.services.context import ServiceContext
from pcrm_desktop.services.import_common import (
    FlaggedDuplicate,
    Progress,
    Rejected,
    column_index,
    guess_mapping_for,
)
from pcrm_desktop.services.import_fields import COMPLAINT_FIELDS, Fields
from pcrm_desktop.services.memory import paused_gc
from pcrm_desktop.services.ports import UnitOfWork
from pcrm_desktop.services.tabular import Table, read_table

FIELDS: Fields = COMPLAINT_FIELDS
REQUIRED = ("received_at",)
STATUSES = {
    "closed": Status.CLOSED, "종결": Status.CLOSED, "완료": Status.DONE, "처리완료": Status.DONE,
    "done": Status.DONE, "resolved": Status.DONE,
    "open": Status.RECEIVED, "접수": Status.RECEIVED, "new": Status.RECEIVED,
    "assigned": Status.ASSIGNED, "배정": Status.ASSIGNED,
    "in progress": Status.IN_PROGRESS, "처리중": Status.IN_PROGRESS, "started": Status.IN_PROGRESS,
    "email sent": Status.IN_PROGRESS,
    "pending": Status.ON_HOLD, "보류": Status.ON_HOLD,
    "이송": Status.TRANSFERRED, "transferred": Status.TRANSFERRED,
}
CHANNELS = {
    "방문": Channel.VISIT, "visit": Channel.VISIT, "walk-in": Channel.VISIT,
    "전화": Channel.PHONE, "phone": Channel.PHONE,
    "우편": Channel.MAIL, "mail": Channel.MAIL, "팩스": Channel.FAX, "fax": Channel.FAX,
    "국민신문고": Channel.EPEOPLE, "인터넷": Channel.EPEOPLE,
    "이메일": Channel.EMAIL, "email": Channel.EMAIL, "e-mail": Channel.EMAIL,
    "online": Channel.OTHER, "mobile": Channel.OTHER, "unknown": Channel.OTHER,
    "other": Channel.OTHER, "기타": Channel.OTHER,
}
TYPES = {"질의": "inquiry", "질의민원": "inquiry", "건의": "suggestion", "건의민원": "suggestion",
         "고충": "grievance", "고충민원": "grievance", "기타": "other", "기타민원": "other",
         "법정": "legal", "법정민원": "legal", "inquiry": "inquiry", "suggestion": "suggestion",
         "grievance": "grievance", "other": "other", "legal": "legal"}
DEFAULT_TYPE = "inquiry"
IMPORTED_PARENT = "가져온 분류"
FLAG_CLOSED_BEFORE = "closed_before_received"
FLAG_NO_CLOSED_DATE = "closed_without_date"
FLAG_OPEN_WITH_CLOSED_DATE = "open_with_closed_date"
_US = re.compile(r"(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?)?")
_KR = re.compile(r"(\d{4})[-./년]\s*(\d{1,2})[-./월]\s*(\d{1,2})일?"
                 r"(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?)?")


def parse_moment(text: str) -> datetime | None:
    """'06/26/2018 10:58:54 AM' (US: month first), '2018-06-26 10:58', '2018.6.26',
    '2018년 6월 26일 14:05'; blank → None; anything else → ValidationError."""
    text = nfc(text)
    if not text:
        return None
    try:
        us = _US.fullmatch(text)
        if us:
            month, day, year, hour, minute, second, half = us.groups()
            hour = int(hour or 0)
            if half:
                if not 1 <= hour <= 12:
                    raise ValueError(text)
                hour = hour % 12 + (12 if half.lower() == "pm" else 0)
            return datetime(int(year), int(month), int(day), hour, int(minute or 0), int(second or 0))
        kr = _KR.fullmatch(text)
        if kr:
            year, month, day, hour, minute, second = kr.groups()
            return datetime(int(year), int(month), int(day), int(hour or 0), int(minute or 0),
                            int(second or 0))
    except ValueError:
        pass
    raise ValidationError("date_format", field="date", value=text)


@dataclass
class ComplaintPlan:
    table: Table
    mapping: dict[str, str]
    valid: list[tuple[int, dict[str, Any]]] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    duplicates: list[FlaggedDuplicate] = field(default_factory=list)  # flagged rows (kept)
    new_departments: set[str] = field(default_factory=set)
    new_categories: set[str] = field(default_factory=set)
    rrn_masked: int = 0

    def flag_text(self, d: FlaggedDuplicate) -> tuple[str, str]:
        return "표시하고 가져옴", d.other


@dataclass(frozen=True)
class ComplaintImportResult:
    imported: int
    rejected: int
    flagged: int
    new_departments: int
    new_categories: int
    encoding: str

    @property
    def duplicates(self) -> int:  # the common import summary's name for flagged rows
        return self.flagged


def guess_mapping(headers: list[str]) -> dict[str, str]:
    return guess_mapping_for(FIELDS, headers)


def _cell(row: list[str], index: dict[str, int], name: str) -> str:
    i = index.get(name)
    return nfc(row[i]) if i is not None and i < len(row) else ""


EARLIEST = datetime(1990, 1, 1)


def _clean_row(row: list[str], index: dict[str, int], now: datetime
               ) -> tuple[dict[str, Any], list[str], int]:
    """The values of one row, the remarks to flag it with, and RRNs masked; or DomainError."""
    cells = [mask_rrns(cell) for cell in row]  # any column may hold one
    row, masked = [cell for cell, _ in cells], sum(n for _, n in cells)
    received = parse_moment(_cell(row, index, "received_at"))
    if received is None:
        raise ValidationError("required", field="received_at")
    if not EARLIEST <= received <= now + FUTURE_SLACK:  # a typo such as 2099 or 0201
        raise ValidationError("received_out_of_range", field="received_at",
                              value=_cell(row, index, "received_at"))
    closed = parse_moment(_cell(row, index, "closed_at"))
    status_text = _cell(row, index, "status").lower()
    if status_text:
        if status_text not in STATUSES:
            raise ValidationError("status_unknown", field="status", value=status_text)
        status = STATUSES[status_text]
    else:
        status = Status.CLOSED if closed else Status.RECEIVED
    channel_text = _cell(row, index, "channel").lower()
    if channel_text and channel_text not in CHANNELS:
        raise ValidationError("channel_unknown", field="channel", value=channel_text)
    type_text = _cell(row, index, "type").lower()
    if type_text and type_text not in TYPES:
        raise ValidationError("type_unknown", field="complaint_type", value=type_text,
                              known="질의, 건의, 고충, 기타, 법정")
    category = _cell(row, index, "category")
    title = _cell(row, index, "title") or category
    if not title:
        raise ValidationError("required", field="complaint_title")
    content, answer = _cell(row, index, "content"), _cell(row, index, "answer")
    if len(content) > TEXT_MAX:  # as at the counter (clean_intake); an answer as in act()
        raise ValidationError("too_long", field="complaint_content", max=TEXT_MAX)
    if len(answer) > TEXT_MAX:
        raise ValidationError("too_long", field="answer", max=TEXT_MAX)
    flags = []
    if closed is not None and closed < received:
        flags.append(FLAG_CLOSED_BEFORE)
    if status not in OPEN and status is not Status.TRANSFERRED and closed is None:
        flags.append(FLAG_NO_CLOSED_DATE)
    if status in OPEN and closed is not None:
        flags.append(FLAG_OPEN_WITH_CLOSED_DATE)
    values = dict(received=received, closed=closed,  # as the file has it, even when odd
                  status=status, channel=CHANNELS.get(channel_text, Channel.OTHER),
                  type=TYPES.get(type_text, DEFAULT_TYPE), category=category[:50],
                  title=title[:200], content=content, answer=answer,
                  department=_cell(row, index, "department")[:50],
                  road=_cell(row, index, "road")[:200], dong=_cell(row, index, "dong_name")[:30],
                  source_no=_cell(row, index, "source_no")[:40], flags=",".join(flags))
    return values, flags, masked


FLAG_TEXTS = {FLAG_CLOSED_BEFORE: "처리일시가 접수일시보다 앞섬 (원본 그대로 가져옴)",
              FLAG_NO_CLOSED_DATE: "완료 상태이지만 처리일시가 없음",
              FLAG_OPEN_WITH_CLOSED_DATE: "진행 중 상태인데 처리일시가 있음 (원본 그대로 가져옴)"}


def plan_import(ctx: ServiceContext, table: Table, mapping: dict[str, str],
                progress: Progress | None = None, cancelled: Callable[[], bool] = lambda: False
                ) -> ComplaintPlan:
    """Check every row; writes nothing."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "complaint.import")
    index = column_index(table, mapping, REQUIRED)
    plan = ComplaintPlan(table, mapping)
    now = ctx.clock()
    with ctx.reading() as uow, paused_gc():
        departments = {d.name for d in uow.departments.list()}
        categories = {c["name"] for c in uow.complaint_read.categories()}
    for n, (number, row) in enumerate(zip(table.numbers, table.rows)):
        if len(row) > len(table.headers):
            plan.rejected.append(Rejected(number, "열 개수가 머리글보다 많습니다", "columns_extra", tuple(row)))
            continue
        try:
            values, flags, masked = _clean_row(row, index, now)
        except DomainError as error:
            plan.rejected.append(Rejected(number, korean_message(error), error.code, tuple(row)))
            continue
        plan.rrn_masked += masked
        plan.valid.append((number, values))
        for flag in flags:
            plan.duplicates.append(FlaggedDuplicate(number, FLAG_TEXTS[flag], 0.0))
        if values["department"] and values["department"] not in departments:
            plan.new_departments.add(values["department"])
        if values["category"] and values["category"] not in categories:
            plan.new_categories.add(values["category"])
        if progress and n % 2000 == 0:
            progress(n, len(table.rows), Step.IMPORT_CHECK)
        if cancelled():
            raise ValidationError("import_cancelled", field="file")
    if progress:
        progress(len(table.rows), len(table.rows), Step.IMPORT_CHECK)
    return plan


def commit_import(ctx: ServiceContext, plan: ComplaintPlan, skip_duplicates: bool = False,
                  progress: Progress | None = None, cancelled: Callable[[], bool] = lambda: False
                  ) -> ComplaintImportResult:
    """Write every valid row (flagged ones too: they are kept as they are) in one transaction."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "complaint.import")
    from pcrm_desktop.services.calendar import after_hours_rule, seed_years
    rows = sorted(plan.valid, key=lambda item: item[1]["received"])
    now = ctx.clock()
    after_hours = after_hours_rule(ctx)   # the office's rule, as for a 민원 typed in
    years = sorted({v["received"].year for _, v in rows})
    with ctx.uow_factory() as uow, paused_gc():
        if years:
            seed_years(ctx, uow, range(years[0], years[-1] + 3))
        department_ids = _ensure_departments(uow, {v["department"] for _, v in rows})
        category_ids = _ensure_categories(uow, {v["category"] for _, v in rows})
        periods = {t_["code"]: t_ for t_ in uow.calendar.types()}
        office = uow.office.get()
        hours = office.hours if office else DEFAULT_HOURS  # as compute_due's own default
        first = rows[0][1]["received"].date() if rows else now.date()
        off = DaysOff(uow.calendar.days_off(first, date(now.year + 2, 12, 31)))
        counters = uow.complaints.receipt_counters(years)
        cases: list[tuple[object, ...]] = []
        events: list[tuple[object, ...]] = []
        next_id = uow.complaints.max_id() + 1
        file_name = well_formed(plan.table.path.name)  # undecodable bytes in it made text
        for n, (number, v) in enumerate(rows):
            kind = periods[v["type"]]
            period = (period_for(kind["period_days"], kind["name"], kind["period_unit"])
                      if kind["period_days"] is not None else Period.of_days(7))
            due = compute_due(v["received"], period, off, hours, explain=False,
                              after_hours=after_hours).due
            counters[v["received"].year] += 1
            receipt_no = receipt_number(v["received"].year, counters[v["received"].year])
            cases.append(_case_tuple(next_id, receipt_no, v, period, due, department_ids,
                                     category_ids, now))
            events.append((next_id, sql_datetime(now), ctx.actor.staff_id, ctx.actor.login,
                           "import", None, v["status"].value,
                           f"{file_name} {number}행" + (f", 원본 #{v['source_no']}"
                                                       if v["source_no"] else "")))
            next_id += 1
            if progress and n % 2000 == 0:
                progress(n, len(rows), Step.IMPORT_SAVE)
            if cancelled():
                raise ValidationError("import_cancelled", field="file")
        if progress:
            progress(len(rows), len(rows), Step.IMPORT_SAVE)
        uow.complaints.bulk_add_cases(CASE_COLUMNS, cases)
        uow.complaints.bulk_add_events(EVENT_COLUMNS, events)
        for year, last in counters.items():
            uow.complaints.set_receipt_counter(year, last)
        ctx.audit(uow, "complaint.import", plan.table.path.name,
                  f"{len(rows)}건 가져옴, 거부 {len(plan.rejected)}행, "
                  f"표시 {len({d.row for d in plan.duplicates})}행")
        uow.commit()
    return ComplaintImportResult(len(rows), len(plan.rejected), len({d.row for d in plan.duplicates}),
                                 len(plan.new_departments), len(plan.new_categories),
                                 plan.table.encoding)


CASE_COLUMNS = ("id", "receipt_no", "received_at", "channel", "source_no", "type_code",
                "category_id", "title", "content", "road", "dong_name", "department_id",
                "status", "open", "period_unit", "period_amount", "due_at", "done_at", "result",
                "answer", "flags", "updated_at")
EVENT_COLUMNS = ("complaint_id", "at", "staff_id", "actor", "kind", "from_status", "to_status",
                 "note")


def _case_tuple(case_id: int, receipt_no: str, v: dict[str, Any], period: Period, due: datetime,
                department_ids: dict[str, int], category_ids: dict[str, int], now: datetime
                ) -> tuple[object, ...]:
    status = v["status"]
    result = None
    if status in (Status.DONE, Status.CLOSED):
        result = Result.INFORMED.value if v["answer"] else Result.OTHER.value
    elif status is Status.TRANSFERRED:
        result = Result.TRANSFERRED.value
    return (case_id, receipt_no, sql_datetime(v["received"]), v["channel"].value, v["source_no"],
            v["type"], category_ids.get(v["category"]), v["title"], v["content"], v["road"],
            v["dong"], department_ids.get(v["department"]), status.value, status in OPEN,
            period_code(period), period.amount, sql_datetime(due),
            sql_datetime(v["closed"]) if v["closed"] else None, result, v["answer"], v["flags"],
            sql_datetime(now))


def _ensure_departments(uow: UnitOfWork, names: set[str]) -> dict[str, int]:
    known = {d.name: d.id for d in uow.departments.list() if d.id is not None}  # stored: all
    for name in sorted(n for n in names if n and n not in known):
        known[name] = uow.departments.add(name)
    return known


def _ensure_categories(uow: UnitOfWork, names: set[str]) -> dict[str, int]:
    """Names of categories in use map to them; others go under "가져온 분류", where one
    imported before (even taken out of use since) is used again rather than duplicated."""
    rows = uow.complaint_read.categories()
    known = {c["name"]: c["id"] for c in rows}
    new = sorted(n for n in names if n and n not in known)
    if new:
        parent = uow.calendar.category_named(IMPORTED_PARENT, None)
        parent_id = parent["id"] if parent else uow.calendar.add_category(IMPORTED_PARENT, None)
        if parent and not parent["active"]:
            uow.calendar.update_category(parent_id, active=True)
        for name in new:
            old = uow.calendar.category_named(name, parent_id)
            if old is None:
                known[name] = uow.calendar.add_category(name, parent_id)
            else:
                known[name] = old["id"]
                if not old["active"]:
                    uow.calendar.update_category(old["id"], active=True)
    return known


def import_complaints(ctx: ServiceContext, path: Path, mapping: dict[str, str] | None = None,
                      progress: Progress | None = None
                      ) -> tuple[ComplaintImportResult, ComplaintPlan]:
    table = read_table(path)
    plan = plan_import(ctx, table, mapping or guess_mapping(table.headers), progress)
    return commit_import(ctx, plan, False, progress), plan
