"""해피콜 use cases: choose the week's calls by the rule, list them, record each attempt."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from pcrm_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from pcrm_desktop.domain.happy_call import (
    CallStatus,
    Outcome,
    SamplingRule,
    after_attempt,
    reason_for,
)
from pcrm_desktop.domain.phone import mask_phone
from pcrm_desktop.domain.privacy import PERSONAL_DATA_ROLES, require_role
from pcrm_desktop.domain.text import NOTE_MAX, check_length, mask_name, mask_rrns, nfc
from pcrm_desktop.services.context import Changes, ServiceContext

CHANGED = frozenset({"happy_calls"})


@dataclass(frozen=True)
class Sampled:
    considered: int
    chosen: dict[str, int]  # reason → how many


def sample_week(ctx: ServiceContext, week_start: date, rule: SamplingRule = SamplingRule()) -> Sampled:
    """Choose the calls for the 민원 finished in the week from `week_start` (seven days).
    Choosing the same week again adds only cases not chosen before."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "happy_call.sample")
    rule.check()
    first = datetime.combine(week_start, datetime.min.time())
    chosen: dict[str, int] = {}
    with ctx.uow_factory() as uow:
        cases = uow.happy_calls.closed_between(first, first + timedelta(days=7))
        for case in cases:
            reason = reason_for(case, rule)
            if reason is not None:
                uow.happy_calls.add(case.id, reason.value, ctx.clock())
                chosen[reason.value] = chosen.get(reason.value, 0) + 1
        ctx.audit(uow, "happy_call.sample", week_start.isoformat(),
                  f"{len(cases)}건 중 {sum(chosen.values())}건 (표본 {rule.share:.0%},"
                  f" {rule.long_days}일 초과, 불수용 {'전부' if rule.all_rejected else '제외'})")
        uow.commit()
    return Sampled(len(cases), chosen)


def queue(ctx: ServiceContext, status: str = CallStatus.PENDING.value) -> list[dict[str, Any]]:
    """The calls (names and phones masked: 번호 보기 in the profile is the audited way)."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "happy_call.view")
    with ctx.reading() as uow:
        rows = uow.happy_calls.queue(status)
    for row in rows:
        row["applicant"] = mask_name(row["applicant"] or "")
        row["phone"] = mask_phone(row["phone"]) if row["phone"] else ""
    return rows


def counts(ctx: ServiceContext) -> dict[str, int]:
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "happy_call.view")
    with ctx.reading() as uow:
        return uow.happy_calls.counts()


def record_attempt(ctx: ServiceContext, call_id: int, outcome: Outcome, note: str = "",
                   survey: str = "", answers: dict[str, object] | None = None,
                   seconds: int | None = None) -> Changes:
    """One call attempt: 응답 and 거절 end the call, 번호 오류 or a third 부재 gives it up.
    An answered call may carry the phone survey's answers: they are stored, linked to the 민원
    and its applicant, in the same transaction as the attempt (both land or neither)."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "happy_call.record")
    if answers is not None and outcome is not Outcome.ANSWERED:
        raise ValidationError("answers_need_answered", field="outcome")
    note = check_length(mask_rrns(nfc(note))[0], "note", NOTE_MAX)
    now = ctx.clock()
    changes = CHANGED
    with ctx.uow_factory() as uow:
        call = uow.happy_calls.get(call_id)
        if call is None:
            raise NotFoundError("call_not_found", field="call", id=call_id)
        status = after_attempt(CallStatus(call["status"]), call["attempts"], outcome)
        if not uow.happy_calls.record(call_id, now, ctx.actor.staff_id, ctx.actor.login,
                                      outcome.value, note, status.value,
                                      call["attempts"] + 1):
            raise ConflictError("edited_elsewhere", field="call")
        detail = outcome.value
        case = uow.complaints.get(call["complaint_id"])
        citizen_id = case.citizen_id if case else None  # whose 민원 was called about
        if answers is not None:
            from pcrm_desktop.services.surveys import PHONE_SURVEY, store_response
            done = store_response(uow, ctx, survey, "phone", answers, seconds,
                                  call["complaint_id"], citizen_id)
            uow.surveys.set_setting(PHONE_SURVEY, survey)  # the list asks it again next time
            detail += f", 설문 {survey} 응답 #{done.response_id}"
            if done.callback:
                detail += ", 관리자 회신 요청"
            changes = changes | {"surveys"}
        ctx.audit(uow, "happy_call.record", f"call:{call_id}", detail, subject=citizen_id)
        uow.commit()
    return changes
