"""Printouts of one 민원: 접수증 for the applicant and 회신문 (answer letter). They carry the
applicant's full name, so making one is recorded in the access log."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from pcrm_desktop.domain.complaints import CHANNEL_NAMES, RESULT_NAMES, Channel, Result
from pcrm_desktop.domain.errors import ConflictError, NotFoundError
from pcrm_desktop.domain.privacy import PERSONAL_DATA_ROLES, require_role
from pcrm_desktop.services import complaints
from pcrm_desktop.services.context import ServiceContext

if TYPE_CHECKING:
    from pcrm_desktop.reports.complaint_letters import LetterData


def _letter_data(ctx: ServiceContext, complaint_id: int) -> tuple[dict[str, Any], LetterData]:
    from pcrm_desktop.reports.complaint_letters import LetterData
    with ctx.reading() as uow:
        row = uow.complaint_read.detail(complaint_id)
        if row is None:
            raise NotFoundError("complaint_not_found", field="complaint", id=complaint_id)
        office = uow.office.get()
        steps = complaints.due_steps_in(uow, row)
    received, due = row["received_at"], row["due_at"]
    category = " > ".join(x for x in (row["parent_category"], row["category"]) if x)
    return row, LetterData(
        office=office.name if office else "", office_address=office.address if office else "",
        office_phone=office.phone if office else "", receipt_no=row["receipt_no"],
        received_at=received, channel=CHANNEL_NAMES[Channel(row["channel"])]
        + (f" ({row['epeople_no']})" if row["epeople_no"] else ""),
        applicant=row["applicant"], type_name=row["type_name"], category=category,
        title=row["title"], content=row["content"], department=row["department"],
        assignee=row["assignee"], due_at=due, due_steps=tuple(steps),
        result=RESULT_NAMES[Result(row["result"])] if row["result"] else "",
        answer=row["answer"], done_at=row["done_at"])


def receipt_pdf(ctx: ServiceContext, complaint_id: int, out: Path) -> Path:
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "complaint.print")
    from pcrm_desktop.reports.complaint_letters import receipt
    row, data = _letter_data(ctx, complaint_id)
    path = receipt(data, Path(out))
    _audit(ctx, row, "접수증", path)
    return path


def answer_pdf(ctx: ServiceContext, complaint_id: int, out: Path) -> Path:
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "complaint.print")
    from pcrm_desktop.reports.complaint_letters import answer_letter
    row, data = _letter_data(ctx, complaint_id)
    if not row["result"]:
        raise ConflictError("answer_not_ready", field="complaint", no=row["receipt_no"])
    path = answer_letter(data, Path(out))
    _audit(ctx, row, "회신문", path)
    return path


def _audit(ctx: ServiceContext, row: dict[str, Any], what: str, path: Path) -> None:
    with ctx.uow_factory() as uow:
        ctx.audit(uow, "complaint.print", row["receipt_no"], f"{what}: {path.name}",
                  subject=row["citizen_id"])
        uow.commit()
