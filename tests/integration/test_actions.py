"""개선과제 on a demo database: made on a figure of the group table (its value kept as the
baseline, equal to the table's), moved through its steps, evaluated by the same figure over a
later period; refusals; every step audited; the monthly report lists it."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from pcrm_desktop.domain.actions import ActionStatus, Draft
from pcrm_desktop.domain.errors import ConflictError, ValidationError
from pcrm_desktop.domain.privacy import PermissionDenied
from pcrm_desktop.services import actions, analysis
from pcrm_desktop.services.demo import DemoRequest, fill_demo
from tests.dbutil import rows


@pytest.fixture
def ctx(backend):
    from pcrm_desktop.services import office
    fill_demo(backend.ctx, DemoRequest(citizens=300, complaints=2500, responses=0, seed=21))
    return backend.ctx.as_actor(office.actor_for(backend.ctx, None))


def _version(db_path, action_id: int) -> int:
    return rows(db_path, "SELECT version FROM improvement_actions WHERE id = ?", action_id)[0][0]


def test_an_action_from_baseline_to_evaluation(ctx, db_path):
    today = ctx.clock().date()
    base_first, base_last = today - timedelta(days=300), today - timedelta(days=120)
    table = {g.key: g for g in analysis.group_table(ctx, base_first, base_last)}
    group = next(g for g in table.values() if g.key.startswith("group:") and g.finished >= 30)
    action_id = actions.create(ctx, Draft("처리 지연 줄이기", "전담 배정, 주간 점검", group.key, "on_time",
                                          f"{group.label} · 기한 내 처리율", base_first, base_last, None,
                                          today + timedelta(days=30)))
    row = actions.actions(ctx)[0]
    assert row["status"] == "planned" and row["baseline_n"] == group.on_time.n
    assert row["baseline_value"] == pytest.approx(group.on_time.value)
    with pytest.raises(ConflictError):  # not done yet
        actions.evaluate(ctx, action_id, _version(db_path, action_id), base_last + timedelta(days=1), today)
    actions.move(ctx, action_id, _version(db_path, action_id), ActionStatus.IN_PROGRESS)
    with pytest.raises(ConflictError):  # a stale version: edited elsewhere
        actions.move(ctx, action_id, 1, ActionStatus.DONE)
    actions.move(ctx, action_id, _version(db_path, action_id), ActionStatus.DONE)
    with pytest.raises(ValidationError):  # overlaps the baseline
        actions.evaluate(ctx, action_id, _version(db_path, action_id), base_last, today)
    after_first = base_last + timedelta(days=1)
    result = actions.evaluate(ctx, action_id, _version(db_path, action_id), after_first, today)
    expected = analysis.figure(ctx, group.key, "on_time", after_first, today)
    assert result.after.value == pytest.approx(expected.value) and result.after.n == expected.n
    assert result.verdict in ("개선", "악화", "변화 없음", "판단 불가")
    assert (result.verdict in ("개선", "악화")) == bool(result.change and result.change.significant)
    stored = rows(db_path, "SELECT status, after_value, after_n, evaluation FROM improvement_actions")[0]
    assert stored[0] == "evaluated" and stored[1] == pytest.approx(expected.value) and stored[2] == expected.n
    assert stored[3].startswith(result.verdict)
    assert [a for (a,) in rows(db_path, "SELECT action FROM audit_log WHERE action LIKE 'action.%' ORDER BY id")] == [
        "action.add", "action.move", "action.move", "action.evaluate"]
    with pytest.raises(ConflictError):  # evaluated: no further steps
        actions.move(ctx, action_id, _version(db_path, action_id), ActionStatus.IN_PROGRESS)
    # the month's report lists it
    from pcrm_desktop.services.monthly_report import monthly_report
    report = monthly_report(ctx, today.replace(day=1))
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
