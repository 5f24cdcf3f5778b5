"""민원 writes: the case row, its events, 접수번호 counters, links between repeats."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, and_, func, insert, select, text, update

from pcrm_desktop.db import dialect
from pcrm_desktop.db import tables as t
from pcrm_desktop.db.citizen_repo import sql_datetime
from pcrm_desktop.domain.complaints import OPEN, Intake, Status
from pcrm_desktop.domain.deadlines import Period, period_code, stored_period


@dataclass(frozen=True)
class CaseRow:
    """The stored state of a case that the workflow needs."""
    id: int
    receipt_no: str
    status: Status
    received_at: datetime
    due_at: datetime
    period: Period
    extended: bool
    citizen_id: int | None
    category_id: int | None
    type_code: str
    assignee_id: int | None
    department_id: int | None
    version: int


class ComplaintRepository:
    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def next_receipt_number(self, year: int) -> int:
        """The next 접수번호 of the year, taken inside the caller's write transaction."""
        self.c.execute(dialect.insert(self.c, t.receipt_counters).values(year=year, last=1)
                       .on_conflict_do_update(index_elements=["year"],
                                              set_=dict(last=t.receipt_counters.c.last + 1)))
        return self.c.execute(select(t.receipt_counters.c.last).where(
            t.receipt_counters.c.year == year)).scalar_one()

    def add(self, intake: Intake, receipt_no: str, status: Status, period: Period,
            due_at: datetime, now: datetime) -> int:
        return self.c.execute(insert(t.complaints).values(
            receipt_no=receipt_no, received_at=intake.received_at, channel=intake.channel.value,
            epeople_no=intake.epeople_no, citizen_id=intake.citizen_id, type_code=intake.type_code,
            category_id=intake.category_id, title=intake.title, content=intake.content,
            road=intake.road, dong_name=intake.dong_name, department_id=intake.department_id,
            assignee_id=intake.assignee_id, priority=intake.priority.value, status=status.value,
            open=status in OPEN, period_unit=period_code(period), period_amount=period.amount,
            due_at=due_at, updated_at=now)).inserted_primary_key[0]

    def get(self, complaint_id: int) -> CaseRow | None:
        r = self.c.execute(select(t.complaints).where(t.complaints.c.id == complaint_id)
                           ).mappings().first()
        if r is None:
            return None
        return CaseRow(r["id"], r["receipt_no"], Status(r["status"]), r["received_at"],
                       r["due_at"], stored_period(r["period_unit"], r["period_amount"]), bool(r["extended"]),
                       r["citizen_id"], r["category_id"], r["type_code"], r["assignee_id"], r["department_id"],
                       r["version"])

    def change(self, complaint_id: int, version: int, now: datetime, **values) -> bool:
        """Write if nobody changed the case since `version` was read."""
        if "status" in values:
            status = Status(values["status"])
            values["status"], values["open"] = status.value, status in OPEN
        done = self.c.execute(update(t.complaints).where(and_(
            t.complaints.c.id == complaint_id, t.complaints.c.version == version)).values(
            version=t.complaints.c.version + 1, updated_at=now, **values))
        return done.rowcount == 1

    def add_event(self, complaint_id: int, at: datetime, staff_id: int | None, actor: str,
                  kind: str, from_status: Status | None, to_status: Status | None,
                  note: str = "") -> None:
        self.c.execute(insert(t.complaint_events).values(
            complaint_id=complaint_id, at=at, staff_id=staff_id, actor=actor, kind=kind,
            from_status=from_status.value if from_status else None,
            to_status=to_status.value if to_status else None, note=note))

    def link(self, a: int, b: int, now: datetime) -> None:
        first, second = sorted((a, b))
        self.c.execute(dialect.insert(self.c, t.complaint_links).values(
            first_id=first, second_id=second, linked_at=now).on_conflict_do_nothing())

    def open_cases(self) -> list[tuple[int, datetime, Period, datetime]]:
        """(id, received_at, period, due_at) of every open case not extended: what a change
        of the holiday calendar moves. An extended case keeps the date the applicant was told."""
        c = t.complaints.c
        return [(r[0], r[1], stored_period(r[2], r[3]), r[4]) for r in self.c.execute(
            select(c.id, c.received_at, c.period_unit, c.period_amount, c.due_at)
            .where(and_(c.open, c.extended.is_(False))))]

    def set_due_dates(self, rows: list[tuple[int, datetime, datetime]], now: datetime,
                      staff_id: int | None, actor: str, why: str) -> None:
        """(id, old due, new due) rows: each case gets its new date, a new version (a form
        opened on the old one must reload) and an event in its history saying why."""
        if not rows:
            return
        stamp = sql_datetime(now)
        self.c.execute(text(
            "UPDATE complaints SET due_at = :due, version = version + 1, updated_at = :now"
            " WHERE id = :id"), [{"due": sql_datetime(new), "now": stamp, "id": i}
                                 for i, _, new in rows])
        self.c.execute(text(
            "INSERT INTO complaint_events (complaint_id, at, staff_id, actor, kind, note)"
            " VALUES (:id, :now, :staff, :actor, 'due_moved', :note)"),
            [{"id": i, "now": stamp, "staff": staff_id, "actor": actor,
              "note": f"{why}: 처리기한 {old:%Y-%m-%d %H:%M} → {new:%Y-%m-%d %H:%M}"}
             for i, old, new in rows])

    def move_citizen(self, from_id: int, to_id: int) -> int:
        """Merge: the removed record's 민원 go to the kept one."""
        return self.c.execute(update(t.complaints).where(t.complaints.c.citizen_id == from_id)
                              .values(citizen_id=to_id)).rowcount

    # --- attachments ------------------------------------------------------------------------
    def add_attachment(self, complaint_id: int, name: str, size: int, sha256: str,
                       at: datetime, actor: str) -> int:
        return self.c.execute(insert(t.complaint_attachments).values(
            complaint_id=complaint_id, name=name, size=size, sha256=sha256, added_at=at,
            actor=actor)).inserted_primary_key[0]

    def attachments(self, complaint_id: int) -> list[dict]:
        a = t.complaint_attachments
        return [dict(r) for r in self.c.execute(select(a).where(a.c.complaint_id == complaint_id)
                                                .order_by(a.c.id)).mappings()]

    def attachment(self, attachment_id: int) -> dict | None:
        a = t.complaint_attachments
        row = self.c.execute(select(a).where(a.c.id == attachment_id)).mappings().first()
        return dict(row) if row else None

    # --- bulk (demo, import) -------------------------------------------------------------------
    # Rows in their stored form (date-times as domain.timestamps.sql_datetime text), straight to
    # the driver: the import and the demo write thousands at full speed. `columns` names what
    # each tuple holds; case ids are numbered by the caller from max_id(), under the write lock.
    def bulk_add_cases(self, columns: tuple[str, ...], rows: list[tuple]) -> None:
        self._bulk_insert(t.complaints, columns, rows)

    def bulk_add_events(self, columns: tuple[str, ...], rows: list[tuple]) -> None:
        self._bulk_insert(t.complaint_events, columns, rows)

    def _bulk_insert(self, table, columns: tuple[str, ...], rows: list[tuple]) -> None:
        dialect.bulk_insert(self.c, table, columns, rows)

    def max_id(self) -> int:
        return self.c.execute(select(func.coalesce(func.max(t.complaints.c.id), 0))).scalar_one()

    def receipt_counters(self, years) -> dict[int, int]:
        """The last 접수번호 given in each of `years` (0 for a year without one yet)."""
        rc = t.receipt_counters
        have = dict(self.c.execute(select(rc.c.year, rc.c.last)).all())
        return {year: have.get(year, 0) for year in years}

    def set_receipt_counter(self, year: int, last: int) -> None:
        self.c.execute(dialect.insert(self.c, t.receipt_counters).values(year=year, last=last)
                       .on_conflict_do_update(index_elements=["year"], set_=dict(
                           last=dialect.greatest_expr(self.c, t.receipt_counters.c.last, last))))
