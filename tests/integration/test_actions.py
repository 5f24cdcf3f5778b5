"""개선과제: made on a figure of the group table (its value kept as the baseline), moved through
its steps, evaluated by the same figure over a later period, against values worked by hand;
refusals; every step audited; the monthly report lists it."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from pcrm_desktop.domain.actions import ActionStatus, Draft
from pcrm_desktop.domain.citizens import Citizen
from pcrm_desktop.domain.complaints import Action, Channel, Intake, Result
from pcrm_desktop.domain.errors import ConflictError, ValidationError
from pcrm_desktop.domain.privacy import PermissionDenied
from pcrm_desktop.services import actions, citizens, complaints, groups
from pcrm_desktop.services.demo import DemoRequest, fill_demo
from tests.dbutil import rows


@pytest.fixture
def ctx(backend):
    from pcrm_desktop.services import office
    fill_demo(backend.ctx, DemoRequest(citizens=300, complaints=2500, responses=0, seed=21))
    return backend.ctx.as_actor(office.actor_for(backend.ctx, None))


def _version(db_target, action_id: int) -> int:
    return rows(db_target, "SELECT version FROM improvement_actions WHERE id = ?", action_id)[0][0]


@pytest.fixture
def office(tmp_path):
    """An office set up on a database of its own (no demo data): (admin context, its file)."""
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.domain.office import OfficeProfile
    from pcrm_desktop.services.office import complete_first_run
    from tests.conftest import ADMIN_PASSWORD
    backend = open_backend(str(tmp_path / "actions.db"))
    admin = complete_first_run(backend.ctx, OfficeProfile("청운효자동 행정복지센터"), ["민원행정팀"],
                               "홍길동", "hong", ADMIN_PASSWORD)
    yield backend.ctx.as_actor(admin), tmp_path / "actions.db"
    backend.close()


def _at(ctx, moment: datetime):
    return replace(ctx, clock=lambda: moment)


def _cases(ctx, citizen_id: int, received: datetime, finished: list[datetime]) -> None:
    """One 질의민원 (7 days) per finish time, received at `received` and completed then."""
    for done in finished:
        case = complaints.receive(_at(ctx, received), Intake(
            received, Channel.VISIT, "inquiry", "점자 안내판 요청", citizen_id=citizen_id)).complaint_id
        complaints.act(_at(ctx, done), case, Action.COMPLETE, 1, result=Result.ACCEPTED,
                       answer="처리했습니다.")


def test_an_action_from_baseline_to_evaluation(office):
    """On-time rate of the 장애인 group's 민원, March (baseline) against May, worked by hand:
    every case is a 질의민원 (7 working days). Received Tue 3/3 09:00 it is due Wed 3/11 18:00
    (3/3, 3/4, 3/5, 3/6, 3/9, 3/10, 3/11); received Mon 5/11 09:00, due Tue 5/19 18:00 (5/11–15,
    5/18, 5/19). Finished the next day: on time; finished 3/30 or 5/29: late.
      March: 6 of the members' 30 cases on time → 20.0 %, n 30
      May:  27 of 30 on time → 90.0 %, n 30
    (a non-member's 5 cases each month, all on time in March and all late in May, count in
    neither). Two-proportion z test, pooled: p = 33/60 = 0.55,
    se = √(0.55 × 0.45 × (1/30 + 1/30)) = 0.12845, z = (0.9 − 0.2) / 0.12845 = 5.4495 > 1.96,
    both n ≥ 30: significant, +70.0 points: 개선."""
    admin_ctx, db_target = office
    group = next(g.id for g in groups.list_groups(admin_ctx) if g.code == "DISABLED")
    member = citizens.register_citizen(admin_ctx, Citizen(None, "점자민", 1980),
                                       group_ids=(group,)).citizen_id
    other = citizens.register_citizen(admin_ctx, Citizen(None, "다른이", 1980)).citizen_id
    march, may = datetime(2026, 3, 3, 9, 0), datetime(2026, 5, 11, 9, 0)
    march_in_time, march_late = datetime(2026, 3, 4, 10, 0), datetime(2026, 3, 30, 10, 0)
    may_in_time, may_late = datetime(2026, 5, 12, 10, 0), datetime(2026, 5, 29, 10, 0)
    _cases(admin_ctx, member, march, [march_in_time] * 6 + [march_late] * 24)
    _cases(admin_ctx, other, march, [march_in_time] * 5)
    _cases(admin_ctx, member, may, [may_in_time] * 27 + [may_late] * 3)
    _cases(admin_ctx, other, may, [may_late] * 5)
    april = _at(admin_ctx, datetime(2026, 4, 1, 9, 0))
    june = _at(admin_ctx, datetime(2026, 6, 1, 9, 0))
    baseline, after = (date(2026, 3, 1), date(2026, 3, 31)), (date(2026, 5, 1), date(2026, 5, 31))
    action_id = actions.create(april, Draft("처리 지연 줄이기", "전담 배정, 주간 점검", f"group:{group}",
                                            "on_time", "장애인 · 기한 내 처리율", *baseline, None,
                                            date(2026, 5, 31)))
    row = actions.actions(april)[0]
    assert (row["status"], row["baseline_n"]) == ("planned", 30)
    assert row["baseline_value"] == pytest.approx(20.0)
    with pytest.raises(ConflictError):  # not done yet
        actions.evaluate(june, action_id, _version(db_target, action_id), *after)
    actions.move(april, action_id, _version(db_target, action_id), ActionStatus.IN_PROGRESS)
    with pytest.raises(ConflictError):  # a stale version: edited elsewhere
        actions.move(april, action_id, 1, ActionStatus.DONE)
    actions.move(june, action_id, _version(db_target, action_id), ActionStatus.DONE)
    with pytest.raises(ValidationError):  # overlaps the baseline
        actions.evaluate(june, action_id, _version(db_target, action_id), baseline[1], after[1])
    result = actions.evaluate(june, action_id, _version(db_target, action_id), *after)
    assert (result.before.value, result.before.n) == (pytest.approx(20.0), 30)
    assert (result.after.value, result.after.n) == (pytest.approx(90.0), 30)
    assert result.change.difference == pytest.approx(70.0)
    assert result.change.statistic == pytest.approx(5.4495, abs=1e-3) and result.change.significant
    assert result.verdict == "개선"
    stored = rows(db_target, "SELECT status, after_value, after_n, evaluation FROM improvement_actions")[0]
    assert stored[:3] == ("evaluated", pytest.approx(90.0), 30)
    assert stored[3].startswith("개선")
    assert [a for (a,) in rows(db_target, "SELECT action FROM audit_log WHERE action LIKE 'action.%' ORDER BY id")] == [
        "action.add", "action.move", "action.move", "action.evaluate"]
    with pytest.raises(ConflictError):  # evaluated: no further steps
        actions.move(june, action_id, _version(db_target, action_id), ActionStatus.IN_PROGRESS)
    # the month's report lists it
    from pcrm_desktop.services.monthly_report import monthly_report
    report = monthly_report(june, date(2026, 6, 1))
    assert [a["title"] for a in report.actions] == ["처리 지연 줄이기"]


def test_refusals(ctx):
    from pcrm_desktop.domain.audit import Actor
    today = ctx.clock().date()
    draft = Draft("x", "", "all", "on_time", "전체 · 기한 내 처리율", today - timedelta(days=60), today)
    clerk = ctx.as_actor(Actor(None, "clerk1", "clerk", ""))
    with pytest.raises(PermissionDenied):
        actions.create(clerk, draft)
    assert actions.actions(clerk) == []  # a clerk may read the list
    with pytest.raises(ValidationError):
        actions.create(ctx, Draft("", "", "all", "on_time", "", today - timedelta(days=60), today))
    with pytest.raises(ValidationError):
        actions.create(ctx, Draft("x", "", "all", "on_time", "", today, today, None, date(2020, 1, 1)))
