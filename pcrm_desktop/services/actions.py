"""개선과제 use cases: make an action on an analysis figure (its value kept), move it along,
evaluate it by the same figure over a later period, list them. Every step is audited."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from pcrm_desktop.domain.actions import (
    OPEN_STATUSES,
    ActionStatus,
    Draft,
    check_evaluation,
    clean_draft,
    compare,
    next_status,
    stored_before,
    verdict,
)
from pcrm_desktop.domain.errors import ConflictError, NotFoundError
from pcrm_desktop.domain.privacy import require_role
from pcrm_desktop.domain.survey_stats import Change, Estimate
from pcrm_desktop.domain.text import NOTE_MAX, check_length, mask_rrns, nfc
from pcrm_desktop.services.context import Changes, ServiceContext
from pcrm_desktop.services.ports import UnitOfWork

ACTION_ROLES = frozenset({"admin", "manager"})          # make, move, evaluate
READ_ROLES = frozenset({"admin", "manager", "clerk"})   # see them
CHANGED = frozenset({"actions"})


def _figure(ctx: ServiceContext, key: str, metric: str, first: date, last: date) -> Estimate | None:
    from pcrm_desktop.services import analysis
    return analysis.figure(ctx, key, metric, first, last)


def create(ctx: ServiceContext, draft: Draft) -> int:
    """The action, with its figure over the baseline period computed now and kept."""
    require_role(ctx.actor, ACTION_ROLES, "action.add")
    now = ctx.clock()
    draft = clean_draft(draft, now.date())
    measure, _ = mask_rrns(draft.measure)
    before = _figure(ctx, draft.figure_key, draft.metric, draft.baseline_first, draft.baseline_last)
    with ctx.uow_factory() as uow:
        if draft.owner_id is not None and draft.owner_id not in {m.id for m in uow.staff.list()}:
            raise NotFoundError("staff_not_found", field="owner", login=str(draft.owner_id))
        action_id = uow.actions.add(dict(
            title=draft.title, measure=measure, figure_key=draft.figure_key, metric=draft.metric,
            figure_label=draft.figure_label, baseline_first=draft.baseline_first,
            baseline_last=draft.baseline_last,
            baseline_value=before.value if before is not None else None,
            baseline_n=before.n if before is not None else 0,
            baseline_low=before.low if before is not None else None,
            baseline_high=before.high if before is not None else None,
            owner_id=draft.owner_id, due_on=draft.due_on, status=ActionStatus.PLANNED.value,
            created_at=now, created_by=ctx.actor.login, updated_at=now))
        ctx.audit(uow, "action.add", f"action:{action_id}", f"{draft.title} ({draft.figure_label})")
        uow.commit()
    return action_id


def actions(ctx: ServiceContext, open_only: bool = False) -> list[dict[str, Any]]:
    require_role(ctx.actor, READ_ROLES, "action.list")
    with ctx.reading() as uow:
        return uow.actions.list(tuple(s.value for s in OPEN_STATUSES) if open_only else None)


def open_count(ctx: ServiceContext) -> int:
    require_role(ctx.actor, READ_ROLES, "action.list")
    with ctx.reading() as uow:
        return uow.actions.count_open()


def move(ctx: ServiceContext, action_id: int, version: int, status: ActionStatus,
         note: str = "") -> Changes:
    """진행 시작, 조치 완료, 취소 (and back to 진행 중 from 조치 완료)."""
    require_role(ctx.actor, ACTION_ROLES, "action.move")
    now = ctx.clock()
    with ctx.uow_factory() as uow:
        row = _get(uow, action_id)
        wanted = next_status(ActionStatus(row["status"]), status)
        if not uow.actions.update(action_id, version, {"status": wanted.value, "updated_at": now}):
            raise ConflictError("edited_elsewhere", field="action")
        ctx.audit(uow, "action.move", f"action:{action_id}",
                  f"{row['status']} → {wanted.value}" + (f": {nfc(note)[:200]}" if note else ""))
        uow.commit()
    return CHANGED


@dataclass(frozen=True)
class Evaluation:
    before: Estimate | None
    after: Estimate | None
    change: Change | None
    verdict: str          # 개선 / 악화 / 변화 없음 / 판단 불가 (증가 / 감소 for counts)


def evaluate(ctx: ServiceContext, action_id: int, version: int, first: date, last: date,
             note: str = "") -> Evaluation:
    """The same figure over a later period beside the one kept at creation, and whether the
    change is real (significant); the action is then 평가 완료."""
    require_role(ctx.actor, ACTION_ROLES, "action.evaluate")
    with ctx.reading() as uow:
        row = _get(uow, action_id)
    check_evaluation(ActionStatus(row["status"]), row["baseline_last"], first, last)
    after = _figure(ctx, row["figure_key"], row["metric"], first, last)
    before = stored_before(row)
    change = compare(row["metric"], before, after) if before and after else None
    result = verdict(row["metric"], change)
    now = ctx.clock()
    text = check_length(mask_rrns(nfc(note))[0], "note", NOTE_MAX)
    with ctx.uow_factory() as uow:
        if not uow.actions.update(action_id, version, dict(
                status=ActionStatus.EVALUATED.value, updated_at=now, after_first=first,
                after_last=last, after_value=after.value if after else None,
                after_n=after.n if after else None, after_low=after.low if after else None,
                after_high=after.high if after else None,
                after_significant=bool(change and change.significant),
                evaluation=result + (f" — {text}" if text else ""))):
            raise ConflictError("edited_elsewhere", field="action")
        ctx.audit(uow, "action.evaluate", f"action:{action_id}",
                  f"{result}: {_number(before)} → {_number(after)} ({first}~{last})")
        uow.commit()
    return Evaluation(before, after, change, result)


def _number(e: Estimate | None) -> str:
    return "—" if e is None or e.value is None else f"{e.value:.1f} (n {e.n})"


def _get(uow: UnitOfWork, action_id: int) -> dict[str, Any]:
    row = uow.actions.get(action_id)
    if row is None:
        raise NotFoundError("action_not_found", field="action", id=action_id)
    return row
