"""The dashboard's figures: today's counts (cheap, on indexes: shown first), this month's
satisfaction against last month's with n and whether the change is real, the open
improvement actions; and a 12-month trend (read after, in the background)."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from pcrm_desktop.domain.privacy import require_role
from pcrm_desktop.domain.survey_stats import (
    SUPPRESS_BELOW,
    Change,
    Estimate,
    Moments,
    item_score,
    moments_change,
)
from pcrm_desktop.services.context import ServiceContext

if TYPE_CHECKING:
    from pcrm_desktop.services.ports import MonthOverall

DASHBOARD_ROLES = frozenset({"admin", "manager", "clerk"})


def _shift(month: date, months: int) -> date:
    index = month.year * 12 + month.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Today:
    received: int
    done: int
    due_today: int
    overdue: int
    mine: int              # the acting clerk's open cases
    survey: str                       # whose OVERALL the satisfaction is
    satisfaction: Estimate            # this month so far
    satisfaction_previous: Estimate   # last month
    change: Change | None             # only when both months may be shown
    actions_open: int
    survey_title: str = ""            # the survey by its name, as a clerk knows it


def _overall(row: MonthOverall | None) -> Moments:
    return Moments(int(row.n or 0), float(row.total or 0), float(row.total_sq or 0)) if row \
        else Moments(0)


def today(ctx: ServiceContext) -> Today:
    require_role(ctx.actor, DASHBOARD_ROLES, "dashboard")
    now = ctx.clock()
    month = now.date().replace(day=1)
    previous = _shift(month, -1)
    with ctx.reading() as uow:
        # overdue once the due minute is over, as the reports judge it (a case due 15:53 is
        # not overdue at 15:53:36): "due_at < now" with now cut to its minute
        figures = uow.complaint_read.today(ctx.actor.staff_id, now.replace(second=0, microsecond=0))
        due_today = uow.complaint_read.count("due_today", ctx.actor.staff_id, now)
        mine = uow.complaint_read.count("mine", ctx.actor.staff_id, now)
        # one survey's OVERALL (this month's most answered), as in the monthly report
        answered = uow.reports.surveys_answered(previous.isoformat(),
                                                (now.date() + timedelta(days=1)).isoformat())
        survey = answered[0] if answered else None
        months = {r.month: r for r in uow.reports.overall_by_month(
            previous.isoformat(), (now.date() + timedelta(days=1)).isoformat(), survey)} if survey else {}
        actions_open = uow.actions.count_open()
        found = uow.surveys.by_code(survey) if survey else None
    this, last = _overall(months.get(f"{month:%Y-%m}")), _overall(months.get(f"{previous:%Y-%m}"))
    change = moments_change(last, this, 25) if min(this.n, last.n) >= SUPPRESS_BELOW else None
    return Today(figures["received"], figures["done"], due_today, figures["overdue"], mine,
                 survey or "", item_score(this, 5),
                 item_score(last, 5), change, actions_open, found["title"] if found else "")


@dataclass(frozen=True)
class MonthPoint:
    month: date
    received: int
    satisfaction: Estimate


def trend(ctx: ServiceContext, months: int = 12) -> list[MonthPoint]:
    """Received 민원 and satisfaction for the last `months` months, this one included."""
    require_role(ctx.actor, DASHBOARD_ROLES, "dashboard")
    now = ctx.clock()
    last = now.date().replace(day=1)
    first = _shift(last, -(months - 1))
    points = []
    with ctx.reading() as uow:
        answered = uow.reports.surveys_answered(first.isoformat(),
                                                (now.date() + timedelta(days=1)).isoformat())
        overall = {r.month: r for r in uow.reports.overall_by_month(
            first.isoformat(), (now.date() + timedelta(days=1)).isoformat(), answered[0])} \
            if answered else {}
        month = first
        while month <= last:
            start = datetime.combine(month, datetime.min.time())
            stop = datetime.combine(_shift(month, 1), datetime.min.time())
            points.append(MonthPoint(month, uow.reports.received(start, stop),
                                     item_score(_overall(overall.get(f"{month:%Y-%m}")), 5)))
            month = _shift(month, 1)
    return points
