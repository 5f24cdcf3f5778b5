"""Issue 18: on time is judged to the minute everywhere. A case finished at 15:53:36 and due at
15:53:00 was finished in its due minute (the 민원처리부 prints both as 15:53): on time in the
monthly report, the analysis and the register; an open case due 15:53:00 is not yet overdue at
15:53:36 on the dashboard or in the report's overdue count."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from pcrm_desktop.db.analysis_queries import Scope
from pcrm_desktop.services import dashboard
from pcrm_desktop.services.complaint_export import register_rows
from tests.dbutil import execute

NOW = datetime(2026, 11, 27, 15, 53, 36)  # Fri
MONTH, NEXT_MONTH = datetime(2026, 11, 1), datetime(2026, 12, 1)


def _case(db_target, number: int, due: str, done: str | None) -> None:
    execute(db_target,
            "INSERT INTO complaints (receipt_no, received_at, channel, type_code, title, status,"
            " open, period_unit, period_amount, due_at, done_at, result, updated_at)"
            " VALUES (?, '2026-11-18 10:00:00.000000', 'visit', 'inquiry', '가로등 고장', ?, ?,"
            " 'days', 7, ?, ?, ?, '2026-11-18 10:00:00.000000')",
            f"2026-{number:06d}", "done" if done else "in_progress", not done,
            due, done, "accepted" if done else None)


@pytest.fixture
def ctx(admin_ctx, db_target):
    return replace(admin_ctx, clock=lambda: NOW)


@pytest.fixture
def finished_in_its_minute(ctx, db_target):
    _case(db_target, 1, "2026-11-27 15:53:00.000000", "2026-11-27 15:53:36.000000")
    return ctx


@pytest.fixture
def due_this_minute(ctx, db_target):
    _case(db_target, 2, "2026-11-27 15:53:00.000000", None)
    return ctx


def test_report(finished_in_its_minute):
    with finished_in_its_minute.reading() as uow:
        assert uow.reports.finished(MONTH, NEXT_MONTH) == (1, 1)
        assert [row[-1] for row in uow.reports.finished_groups(MONTH, NEXT_MONTH)] == [1]


def test_report_a_minute_later_is_late(ctx, db_target):
    _case(db_target, 1, "2026-11-27 15:53:00.000000", "2026-11-27 15:54:00.000000")
    with ctx.reading() as uow:
        assert uow.reports.finished(MONTH, NEXT_MONTH) == (1, 0)


def test_report_overdue_at_a_moment(due_this_minute):
    with due_this_minute.reading() as uow:
        assert uow.reports.overdue_at(NOW) == 0
        assert uow.reports.overdue_list(NOW) == []
        assert uow.reports.overdue_at(datetime(2026, 11, 27, 15, 54)) == 1


def test_analysis(finished_in_its_minute):
    with finished_in_its_minute.reading() as uow:
        (row,) = uow.analysis.finished(Scope("all"), MONTH, NEXT_MONTH)
    assert row[-2:] == (1, 1)


def test_dashboard(due_this_minute):
    assert dashboard.today(due_this_minute).overdue == 0
    later = replace(due_this_minute, clock=lambda: datetime(2026, 11, 27, 15, 54))
    assert dashboard.today(later).overdue == 1


def test_register(finished_in_its_minute, db_target):
    _case(db_target, 2, "2026-11-27 15:53:00.000000", None)
    rows = list(register_rows(finished_in_its_minute, date(2026, 11, 1), date(2026, 11, 30)))
    assert [r.values[8] for r in rows] == ["2026-11-27 15:53", ""]
    assert [r.late for r in rows] == [False, False]


def test_queue_and_badge(finished_in_its_minute, db_target):
    """The 기한 넘김 queue and the status bar's count: overdue once the due minute is over."""
    from pcrm_desktop.services import complaints
    _case(db_target, 2, "2026-11-27 15:53:00.000000", None)   # open, due 15:53
    at = replace(finished_in_its_minute, clock=lambda: datetime(2026, 11, 27, 15, 53, 40))
    assert complaints.today_figures(at)["overdue"] == 0
    later = replace(finished_in_its_minute, clock=lambda: datetime(2026, 11, 27, 15, 54))
    assert complaints.today_figures(later)["overdue"] == 1
