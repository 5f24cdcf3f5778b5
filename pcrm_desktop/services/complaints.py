"""민원 use cases: intake with its due date, the workflow, queues, a case with its history."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pcrm_desktop.domain.complaint_queues import QueueFilter, QueueRow
from pcrm_desktop.domain.complaints import (
    NOTICE_METHOD_NAMES,
    RESULT_NAMES,
    TEXT_MAX,
    Action,
    Intake,
    NoticeMethod,
    RepeatAdvice,
    Result,
    Status,
    check_extension,
    clean_intake,
    next_status,
    receipt_number,
    repeat_advice,
)
from pcrm_desktop.domain.deadlines import Deadline, Period, period_for
from pcrm_desktop.domain.errors import (
    ConflictError,
    EditConflict,
    NotFoundError,
    ValidationError,
)
from pcrm_desktop.domain.privacy import PERSONAL_DATA_ROLES, STAFF_ROLES, require_role
from pcrm_desktop.domain.text import NOTE_MAX, check_length, mask_name, mask_rrns, nfc
from pcrm_desktop.services import calendar
from pcrm_desktop.services.context import Changes, ServiceContext
from pcrm_desktop.services.ports import UnitOfWork

if TYPE_CHECKING:
    from pcrm_desktop.services.ports import CaseRow

CHANGED = frozenset({"complaints"})


@dataclass(frozen=True)
class Received:
    complaint_id: int
    receipt_no: str
    deadline: Deadline
    rrn_masked: int
    repeats: RepeatAdvice


def _period(uow: UnitOfWork, type_code: str, category_id: int | None) -> Period:
    """A category's own period (or its parent's) wins over the type's."""
    cats = {c["id"]: c for c in uow.complaint_read.categories()}
    category = cats.get(category_id)
    for candidate in (category, cats.get(category["parent_id"]) if category else None):
        if candidate and candidate["period_days"] is not None:
            return period_for(candidate["period_days"], candidate["name"],
                              candidate["period_unit"])
    kind = next((t for t in uow.calendar.types() if t["code"] == type_code), None)
    if kind is None:
        raise ValidationError("type_unknown", field="complaint_type", value=type_code, known="")
    return period_for(kind["period_days"], kind["name"], kind["period_unit"])


def preview_due(ctx: ServiceContext, received_at: datetime, type_code: str,
                category_id: int | None) -> Deadline:
    """The due date the intake form shows while the clerk types (nothing is written)."""
    require_role(ctx.actor, STAFF_ROLES, "complaint.preview")
    with ctx.reading() as uow:
        return calendar.deadline_in(uow, received_at, _period(uow, type_code, category_id))


def earlier_cases(ctx: ServiceContext, citizen_id: int | None, category_id: int | None,
                  road: str = "", exclude_id: int | None = None) -> RepeatAdvice:
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "complaint.view")
    with ctx.reading() as uow:
        return repeat_advice(uow.complaint_read.earlier(citizen_id, category_id, nfc(road),
                                                        exclude_id))


def receive(ctx: ServiceContext, intake: Intake, files: Sequence[Path] = ()) -> Received:
    """접수: a new case with its 접수번호 and due date, its first event, its files and their
    access-log entries, all in one transaction: a file that cannot be attached (missing, too
    large, unreadable) or any other failure leaves neither the case nor a file behind."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "complaint.add")
    now = ctx.clock()
    intake, masked = clean_intake(intake, now)
    from pcrm_desktop.services.attachments import Incoming
    with Incoming(ctx, files) as incoming, ctx.uow_factory() as uow:
        try:
            received = _receive_in(ctx, uow, intake, now, masked)
            incoming.record(ctx, uow, received.complaint_id, intake.citizen_id)
            uow.commit()
        except BaseException:
            incoming.discard_placed()  # while the write lock is still held
            raise
    return received


def _receive_in(ctx: ServiceContext, uow: UnitOfWork, intake: Intake, now: datetime,
                masked: int) -> Received:
    period = _period(uow, intake.type_code, intake.category_id)
    deadline = calendar.deadline_in(uow, intake.received_at, period)
    status = Status.ASSIGNED if intake.assignee_id else Status.RECEIVED
    if intake.citizen_id is not None and not uow.citizens.exists(intake.citizen_id):
        raise NotFoundError("citizen_not_found", field="citizen", id=intake.citizen_id)
    receipt_no = receipt_number(intake.received_at.year,
                                uow.complaints.next_receipt_number(intake.received_at.year))
    complaint_id = uow.complaints.add(intake, receipt_no, status, period, deadline.due, now)
    uow.complaints.add_event(complaint_id, now, ctx.actor.staff_id, ctx.actor.login,
                             "received", None, Status.RECEIVED, "")
    if status is Status.ASSIGNED:
        uow.complaints.add_event(complaint_id, now, ctx.actor.staff_id, ctx.actor.login,
                                 Action.ASSIGN.value, Status.RECEIVED, status, "")
    repeats = repeat_advice(uow.complaint_read.earlier(
        intake.citizen_id, intake.category_id, intake.road, complaint_id))
    ctx.audit(uow, "complaint.add", receipt_no,
              f"citizen:{intake.citizen_id}" if intake.citizen_id else "민원인 없음",
              subject=intake.citizen_id)
    return Received(complaint_id, receipt_no, deadline, masked, repeats)


def act(ctx: ServiceContext, complaint_id: int, action: Action, version: int, note: str = "",
        *, assignee_id: int | None = None, department_id: int | None = None,
        result: Result | None = None, answer: str = "", new_due: datetime | None = None,
        agency: str = "", notice: tuple[NoticeMethod, str] | None = None) -> Changes:
    """One step of the workflow (the domain decides whether it is allowed now), with its event.
    `notice`: how the applicant was told (중간통지, 연장 통지) and the text sent."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, f"complaint.{action.value}")
    now = ctx.clock()
    note, answer, agency = (mask_rrns(nfc(text))[0] for text in (note, answer, agency))
    check_length(note, "note", NOTE_MAX)
    check_length(answer, "answer", TEXT_MAX)
    check_length(agency, "agency", 100)  # the column's declared length
    told = ""
    if notice is not None:
        method, text = notice[0], mask_rrns(nfc(notice[1]))[0]
        if not text:
            raise ValidationError("required", field="notice_text")
        check_length(text, "notice_text", NOTE_MAX)
        told = f"[{NOTICE_METHOD_NAMES[method]} 통지] {text}"
    with ctx.uow_factory() as uow:
        case = uow.complaints.get(complaint_id)
        if case is None:
            raise NotFoundError("complaint_not_found", field="complaint", id=complaint_id)
        if case.version != version:  # moved on since the clerk read it: say how, write nothing
            raise EditConflict("edited_elsewhere", field="complaint",
                               current=_moved(uow, complaint_id))
        # the reason a step needs: the note, or for 이송 the agency, for 중간통지 the notice
        reason = note or (agency if action is Action.TRANSFER else "") \
            or (told if action is Action.NOTICE else "")
        to = next_status(case.status, action, reason)
        # an extension: at most as long again as the period (처리기간의 범위에서)
        max_due = calendar.extension_limit_in(uow, case.due_at, case.period) \
            if action is Action.EXTEND else None
        values = _values_for(case, action, now, note, assignee_id, department_id, result,
                             answer, new_due, agency, max_due)
        if to is not case.status:
            values["status"] = to
        if not uow.complaints.change(complaint_id, version, now, **values):
            raise EditConflict("edited_elsewhere", field="complaint",
                               current=_moved(uow, complaint_id))
        event_note = "\n".join(x for x in (_event_note(action, note, values), told) if x)
        uow.complaints.add_event(complaint_id, now, ctx.actor.staff_id, ctx.actor.login,
                                 action.value, case.status, to, event_note)
        ctx.audit(uow, f"complaint.{action.value}", case.receipt_no, note[:200],
                  subject=case.citizen_id)
        uow.commit()
    return CHANGED


# What a clerk whose step was refused is shown of the case as it is now (no personal data:
# the applicant, content and notes are not in it).
MOVED_FIELDS = ("version", "status", "open", "assignee_id", "assignee", "department_id",
                "department", "due_at", "extended", "result", "transferred_to", "updated_at")


def _moved(uow: UnitOfWork, complaint_id: int) -> dict[str, Any]:
    """The case's workflow state now, and its last steps (when, who, what; without notes)."""
    row = uow.complaint_read.detail(complaint_id)
    if row is None:  # read in the transaction that found it: there
        raise NotFoundError("complaint_not_found", field="complaint", id=complaint_id)
    moved = {key: row[key] for key in MOVED_FIELDS}
    moved["events"] = [{"at": e["at"], "actor": e["actor"], "staff_id": e["staff_id"],
                        "kind": e["kind"], "to_status": e["to_status"]}
                       for e in uow.complaint_read.events(complaint_id)[-5:]]
    return moved


def _values_for(case: CaseRow, action: Action, now: datetime, note: str,
                assignee_id: int | None, department_id: int | None, result: Result | None,
                answer: str, new_due: datetime | None, agency: str,
                max_due: datetime | None = None) -> dict[str, Any]:
    if action is Action.ASSIGN:
        if assignee_id is None and department_id is None:
            raise ValidationError("assignee_required", field="assignee")
        return {"assignee_id": assignee_id, "department_id": department_id or case.department_id}
    if action is Action.EXTEND:
        if new_due is None:
            raise ValidationError("required", field="new_due")
        check_extension(case.status, case.extended, case.due_at, now, new_due, note, max_due)
        return {"due_at": new_due, "extended": True}
    if action is Action.TRANSFER:
        if not agency:
            raise ValidationError("required", field="agency")
        return {"transferred_to": agency, "result": Result.TRANSFERRED.value, "done_at": now}
    if action is Action.COMPLETE:
        if result is None:
            raise ValidationError("required", field="result")
        if not answer and result is not Result.WITHDRAWN:
            raise ValidationError("required", field="answer")
        return {"result": result.value, "answer": answer, "done_at": now}
    if action is Action.REOPEN:  # the earlier answer stays in the history, not on the case
        return {"result": None, "done_at": None, "answer": ""}
    return {}


def _event_note(action: Action, note: str, values: dict[str, Any]) -> str:
    if action is Action.EXTEND:
        return f"{values['due_at']:%Y-%m-%d %H:%M}까지 연장: {note}"
    if action is Action.TRANSFER:
        return f"{values['transferred_to']}(으)로 이송" + (f": {note}" if note else "")
    if action is Action.COMPLETE:  # stored text: the Korean name of the result
        return f"[{RESULT_NAMES[Result(values['result'])]}] {values['answer']}".rstrip()
    return note


def link_cases(ctx: ServiceContext, a: int, b: int) -> Changes:
    """Mark two cases as the same matter (repeats), as the clerk decides."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "complaint.link")
    if a == b:
        raise ValidationError("link_same", field="complaint")
    with ctx.uow_factory() as uow:
        subjects: list[int | None] = []
        for i in (a, b):
            found = uow.complaints.get(i)
            if found is None:
                raise NotFoundError("complaint_not_found", field="complaint", id=i)
            if found.citizen_id not in subjects:
                subjects.append(found.citizen_id)
        uow.complaints.link(a, b, ctx.clock())
        # one entry per applicant whose 민원 changed (one entry when both are the same person)
        named: list[int | None] = [s for s in subjects if s is not None]
        for subject in named or [None]:
            ctx.audit(uow, "complaint.link", f"{a}-{b}", subject=subject)
        uow.commit()
    return CHANGED


def attach_applicant(ctx: ServiceContext, complaint_id: int, citizen_id: int,
                     version: int) -> Changes:
    """민원인 연결: the resident a 민원 saved without an applicant turned out to be. Only a case
    with no applicant takes one; who filed a 민원 is never rewritten (`applicant_already_set`).
    The case history and the access log record it, in the same transaction."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "complaint.attach_applicant")
    now = ctx.clock()
    with ctx.uow_factory() as uow:
        case = uow.complaints.get(complaint_id)
        if case is None:
            raise NotFoundError("complaint_not_found", field="complaint", id=complaint_id)
        if case.citizen_id is not None:  # also when another clerk attached one meanwhile
            raise ConflictError("applicant_already_set", field="citizen", no=case.receipt_no)
        if not uow.citizens.exists(citizen_id):
            raise NotFoundError("citizen_not_found", field="citizen", id=citizen_id)
        if case.version != version or not uow.complaints.change(
                complaint_id, version, now, citizen_id=citizen_id):
            raise EditConflict("edited_elsewhere", field="complaint",
                               current=_moved(uow, complaint_id))
        uow.complaints.add_event(complaint_id, now, ctx.actor.staff_id, ctx.actor.login,
                                 "applicant", None, None, "")
        ctx.audit(uow, "complaint.attach_applicant", case.receipt_no, f"citizen:{citizen_id}",
                  subject=citizen_id)
        uow.commit()
    return CHANGED


def queue(ctx: ServiceContext, f: QueueFilter, after: tuple[Any, ...] | None = None, limit: int = 100,
          sort: str = "due") -> list[QueueRow]:
    """A page of a queue, filtered and sorted in SQL, applicants masked. "mine" and "team"
    mean the acting staff member's cases and department unless the filter names others."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "complaint.view")
    f = replace(f, text=nfc(f.text))  # NFD typed on a Mac finds NFC titles; broken text is refused
    with ctx.reading() as uow:
        if f.queue == "mine" and f.staff_id is None:
            f = replace(f, staff_id=ctx.actor.staff_id)
        if f.queue == "team" and f.department_id is None:
            f = replace(f, department_id=_department_of(uow, ctx.actor.staff_id))
        rows: list[QueueRow] = uow.complaint_read.page(f, ctx.clock(), after, limit, sort)
    return [replace(r, applicant=mask_name(r.applicant)) for r in rows]


def queue_counts(ctx: ServiceContext) -> dict[str, int]:
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "complaint.view")
    with ctx.reading() as uow:
        return uow.complaint_read.counts(ctx.actor.staff_id,
                                         _department_of(uow, ctx.actor.staff_id), ctx.clock())


def today_figures(ctx: ServiceContext) -> dict[str, int]:
    """Received and finished today, overdue, and my open cases due within three days."""
    require_role(ctx.actor, STAFF_ROLES, "complaint.count")
    with ctx.reading() as uow:
        return uow.complaint_read.today(ctx.actor.staff_id, ctx.clock())


def _department_of(uow: UnitOfWork, staff_id: int | None) -> int | None:
    me = next((s for s in uow.staff.list() if s.id == staff_id), None)
    return me.department_id if me else None


def case(ctx: ServiceContext, complaint_id: int) -> dict[str, Any]:
    """A case for its view: the row (applicant masked), history, links, repeats, files and how
    its due date came about, read in one transaction. Opening it is in the access log
    (content, address and history are personal data), with the applicant as whose data it
    was, written right after the read."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "complaint.view")
    from pcrm_desktop.services.attachments import attachments_in
    with ctx.reading() as uow:
        row = uow.complaint_read.detail(complaint_id)
        if row is None:
            raise NotFoundError("complaint_not_found", field="complaint", id=complaint_id)
        row["applicant"] = mask_name(row["applicant"])
        row["events"] = uow.complaint_read.events(complaint_id)
        row["links"] = uow.complaint_read.links(complaint_id)
        row["repeats"] = repeat_advice(uow.complaint_read.earlier(
            row["citizen_id"], row["category_id"], row["road"], complaint_id,
            before=(row["received_at"], complaint_id)))
        row["attachments"] = attachments_in(uow, complaint_id)
        row["due_steps"] = due_steps_in(uow, row)
    with ctx.uow_factory() as uow:
        ctx.audit(uow, "complaint.view", row["receipt_no"], subject=row["citizen_id"])
        uow.commit()
    return row


def due_steps(ctx: ServiceContext, row: dict[str, Any]) -> list[str]:
    """How a stored case's due date came about (see `due_steps_in`)."""
    require_role(ctx.actor, STAFF_ROLES, "calendar.view")
    with ctx.reading() as uow:
        return due_steps_in(uow, row)


def due_steps_in(uow: UnitOfWork, row: dict[str, Any]) -> list[str]:
    """How a stored case's due date came about: the computation from its receipt and period
    with today's calendar, and a last line when the date differs (extended, or moved since)."""
    from pcrm_desktop.domain.deadlines import moment_text, stored_period
    received, due = row["received_at"], row["due_at"]
    computed = calendar.deadline_in(uow, received, stored_period(row["period_unit"],
                                                                 row["period_amount"]))
    steps = computed.explanation()
    if computed.due != due:
        steps.append(f"현재 처리기한: {moment_text(due)}" + (" (연장)" if row["extended"] else ""))
    return steps


def categories(ctx: ServiceContext) -> list[dict[str, Any]]:
    require_role(ctx.actor, STAFF_ROLES, "category.view")
    with ctx.reading() as uow:
        return uow.complaint_read.categories()


def register(ctx: ServiceContext, first: date, last: date) -> list[dict[str, Any]]:
    """민원처리부 rows, applicants masked."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "complaint.register")
    with ctx.reading() as uow:
        return [{**dict(r), "applicant": mask_name(r["applicant"])}
                for r in uow.complaint_read.register(first, last)]
