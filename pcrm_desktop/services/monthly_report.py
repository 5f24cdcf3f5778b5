"""월간 민원·고객만족 보고서: the month's figures, each beside last month and the same month
a year before, with an arrow only for a significant change; the 민원 tables; the surveys'
indices with n and margins; the customer groups (the equity view); a 12-month trend. Every
figure is counted in SQL (db.report_queries) and the statistics are the domain's.

The figures are plain data (MonthlyReport): the PDF (reports.monthly_pdf), the workbook and
`pcrm report monthly --json` all print the same object."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pcrm_desktop.domain.complaints import CHANNEL_NAMES, Channel
from pcrm_desktop.domain.deadlines import DaysOff, WorkdayCounter
from pcrm_desktop.domain.privacy import require_role
from pcrm_desktop.domain.progress import Progress, Step
from pcrm_desktop.domain.survey_stats import (
    Change,
    Estimate,
    Moments,
    count_change,
    dispersion,
    item_score,
    moments_change,
    proportion_change,
)
from pcrm_desktop.domain.text import mask_name
from pcrm_desktop.services import analysis, calendar, surveys
from pcrm_desktop.services.context import ServiceContext
from pcrm_desktop.services.ports import ReportReadPort, UnitOfWork

if TYPE_CHECKING:
    from pcrm_desktop.services.analysis import GroupFigure
    from pcrm_desktop.services.ports import DayPair, FinishedGroup, MonthOverall, OverdueCase
    from pcrm_desktop.services.surveys import Group, Trend

REPORT_ROLES = frozenset({"admin", "manager", "clerk"})
HOLIDAY_YEARS_BACK = 3  # older receipts are counted on weekends only (their holidays not read)


def month_span(month: date) -> tuple[date, date]:
    """The first and last day of the month holding `month`."""
    first = month.replace(day=1)
    return first, (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)


def _midnight(day: date) -> datetime:
    return datetime.combine(day, datetime.min.time())


def _shift(month: date, months: int) -> date:
    index = month.year * 12 + month.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Headline:
    """One summary figure with last month and the same month last year. An arrow may be
    drawn only where `vs_*.significant`."""
    key: str
    name: str
    unit: str
    value: float | None
    previous: float | None
    last_year: float | None
    vs_previous: Change | None = None
    vs_last_year: Change | None = None
    estimate: Estimate | None = None  # satisfaction: n, range, suppression (this month)
    previous_estimate: Estimate | None = None   # … and the months it is compared with
    last_year_estimate: Estimate | None = None


@dataclass(frozen=True)
class Row:
    """A line of a 민원 table: received in the month, finished in it, on time, working days."""
    label: str
    received: int = 0
    finished: int = 0
    on_time: int = 0
    days_total: int = 0

    @property
    def on_time_rate(self) -> float | None:
        return None if self.finished == 0 else self.on_time / self.finished * 100

    @property
    def mean_days(self) -> float | None:
        return None if self.finished == 0 else self.days_total / self.finished


@dataclass(frozen=True)
class TrendPoint:
    month: date
    received: int
    finished: int
    on_time: int
    satisfaction: Estimate

    @property
    def on_time_rate(self) -> float | None:
        return None if self.finished == 0 else self.on_time / self.finished * 100


@dataclass(frozen=True)
class SurveySection:
    code: str
    title: str
    trend: Trend
    by_mode: list[Group]


@dataclass
class MonthlyReport:
    office: str
    first: date
    last: date
    made: datetime
    overdue_moment: datetime            # the month's end, or now for the current month
    headlines: list[Headline]
    by_channel: list[Row]
    by_type: list[Row]
    by_category: list[Row]
    by_department: list[Row]
    repeats: int
    repeat_places: list[tuple[str, str, int]]
    overdue: list[dict[str, Any]]
    overdue_total: int
    surveys: list[SurveySection]
    everyone: GroupFigure | None        # the customer groups' table: everyone
    groups: list[GroupFigure]           # … and each customer group (its gaps Holm-corrected)
    trend: list[TrendPoint]
    satisfaction_survey: str = ""       # whose OVERALL the headline and the trend show
    actions: tuple[dict[str, Any], ...] = ()  # 개선과제 open in the month or closed in it

    @property
    def empty(self) -> bool:
        return all(not h.value for h in self.headlines[:3]) and not self.surveys

    def headline(self, key: str) -> Headline:
        return next(h for h in self.headlines if h.key == key)


@dataclass(frozen=True)
class _Month:
    received: int
    finished: int
    on_time: int
    days: Moments          # working days of the finished cases
    overall: Moments       # OVERALL of the headline's survey
    working_days: int      # the month's (the exposure of its counts)


def _moments(n: int, total: float, total_sq: float) -> Moments:
    return Moments(int(n or 0), float(total or 0), float(total_sq or 0))


def monthly_report(ctx: ServiceContext, month: date,
                   progress: Progress | None = None) -> MonthlyReport:
    """Every figure of the month holding `month`, read in one read transaction: one snapshot
    of the database (WAL), so that no figure counts a case another misses, whatever is saved
    meanwhile."""
    require_role(ctx.actor, REPORT_ROLES, "report.monthly")
    step = progress or _silent
    with ctx.reading() as uow:
        report = _read(uow, ctx.clock(), month, step)
    step(6, 6, Step.DONE)
    return report


def _silent(done: int, total: int, step: str, /, **numbers: int) -> None:
    return None


def _read(uow: UnitOfWork, now: datetime, month: date, step: Progress) -> MonthlyReport:
    first, last = month_span(month)
    end = _midnight(last + timedelta(days=1))
    moment = min(now, end)
    previous, last_year = _shift(first, -1), _shift(first, -12)
    trend_first = _shift(first, -11)
    days_off = calendar.days_off_in(uow, date(first.year - HOLIDAY_YEARS_BACK, 1, 1), last)
    office = uow.office.get()
    reads = uow.reports
    step(1, 6, Step.REPORT_SUMMARY)
    groups_finished = reads.finished_groups(_midnight(first), end)
    pairs: dict[date, Sequence[DayPair | FinishedGroup]] = {
        m: reads.finished_days(_midnight(m), _midnight(month_span(m)[1] + timedelta(days=1)))
        for m in (previous, last_year)}
    pairs[first] = groups_finished  # the same days (and cases), read already
    received_days = [date.fromisoformat(day) for day in
                     {p.received_day for days in pairs.values() for p in days}]
    # a case imported as finished before it was received may have its receipt later
    days = _WorkingDays(WorkdayCounter(days_off, min(received_days + [last_year]),
                                       max(received_days + [last])))
    actions = tuple(uow.actions.active_between(first, end))
    answered = reads.surveys_answered(first.isoformat(), (last + timedelta(days=1)).isoformat())
    # the headline's satisfaction is one survey's (the month's most answered): mixing kiosk
    # and phone questionnaires would make the arrow follow the mix
    main = answered[0] if answered else None
    k = _overall_points(uow, main)
    overall_months: dict[str, MonthOverall] = {}
    if main is not None:
        for since, until in ((trend_first, _shift(first, 1)), (last_year, _shift(last_year, 1))):
            overall_months.update((row.month, row) for row in reads.overall_by_month(
                since.isoformat(), until.isoformat(), main))
    step(2, 6, Step.REPORT_COMPLAINTS)
    by_channel, by_type, by_category, by_department = _received_tables(reads, first, end)
    by_category = _finish_rows(by_category, groups_finished, "category", days)
    by_department = _finish_rows(by_department, groups_finished, "department", days)
    step(3, 6, Step.REPORT_TREND)
    counts = _month_counts(reads, [last_year] + _months(trend_first, first))
    trend = [TrendPoint(m, *counts[m], item_score(_overall(overall_months.get(f"{m:%Y-%m}")), k))
             for m in _months(trend_first, first)]
    core = {m: _month_core(counts[m], days, pairs[m], overall_months.get(f"{m:%Y-%m}"),
                           _working_days(days_off, m)) for m in (first, previous, last_year)}
    overdue_rows, overdue_total = reads.overdue_list(moment), reads.overdue_at(moment)
    step(4, 6, Step.REPORT_GROUPS)
    repeats = reads.repeats(_midnight(first), end)
    places = [(p.road, p.category, p.cases) for p in reads.repeat_places(_midnight(first), end)]
    # the customer groups: the analysis page's table (age groups by birth year included)
    everyone, *groups = analysis.group_table_in(uow, now.date(), first, last, "group",
                                                residents=False)
    step(5, 6, Step.REPORT_SATISFACTION)
    sections = _survey_sections(uow, answered, first)
    history = trend[:-1]  # the months before: how much the counts swing per working day
    working = [_working_days(days_off, p.month) for p in history]
    spread = {"received": dispersion([p.received for p in history], working),
              "finished": dispersion([p.finished for p in history], working)}
    title = next((s.title for s in sections if s.code == main), main or "")
    return MonthlyReport(
        office.name if office else "", first, last, now, moment,
        _headlines(core[first], core[previous], core[last_year], overdue_total, spread, k),
        by_channel, by_type, by_category, by_department, repeats, places,
        [_overdue(row, moment) for row in overdue_rows], overdue_total, sections, everyone,
        groups, trend, title, actions)


def _overdue(row: OverdueCase, moment: datetime) -> dict[str, Any]:
    due = _at(row.due_at)
    return {"receipt_no": row.receipt_no, "title": row.title,
            "applicant": mask_name(row.applicant) if row.applicant else "",
            "department": row.department, "due_at": due, "received_at": _at(row.received_at),
            "days_over": max(0, (moment.date() - due.date()).days)}


def _at(value: object) -> datetime:
    from pcrm_desktop.domain.timestamps import as_datetime
    at = as_datetime(value)
    assert at is not None  # due_at, received_at: NOT NULL
    return at


def _working_days(days_off: DaysOff, month: date) -> int:
    first, last = month_span(month)
    return sum(days_off.is_working_day(first + timedelta(days=n)) for n in range((last - first).days + 1))


def _overall_points(uow: UnitOfWork, code: str | None) -> int:
    """The scale of the headline survey's OVERALL (5 points unless it was made with 7)."""
    if code is None:
        return 5
    from pcrm_desktop.domain.surveys import SCALE_SIZE
    _, questionnaire = surveys.questionnaire_in(uow, code)
    item = next((i for i in questionnaire.items if i.code == "OVERALL"), None)
    return SCALE_SIZE.get(item.type, 5) if item is not None else 5


def _overall(row: MonthOverall | None) -> Moments:
    return _moments(row.n, row.total, row.total_sq) if row else _moments(0, 0, 0)


class _WorkingDays:
    """Working days between a day of receipt and a day finished (YYYY-MM-DD), counted once
    for each pair of days: a month's 80,000 cases fall on a few thousand pairs."""

    def __init__(self, counter: WorkdayCounter) -> None:
        self.counter = counter
        self.known: dict[tuple[str, str], int] = {}

    def __call__(self, received_day: str, finished_day: str) -> int:
        key = (received_day, finished_day)
        found = self.known.get(key)
        if found is None:
            found = self.known[key] = self.counter.between(date.fromisoformat(received_day),
                                                           date.fromisoformat(finished_day))
        return found


def _months(first: date, last: date) -> list[date]:
    """The first days of the months from `first` to `last`."""
    months: list[date] = []
    month = first
    while month <= last:
        months.append(month)
        month = _shift(month, 1)
    return months


def _month_counts(reads: ReportReadPort, months: list[date]) -> dict[date, tuple[int, int, int]]:
    """(received, finished, of them on time) of each month."""
    counts: dict[date, tuple[int, int, int]] = {}
    for month in months:
        start, stop = _midnight(month), _midnight(month_span(month)[1] + timedelta(days=1))
        counts[month] = (reads.received(start, stop), *reads.finished(start, stop))
    return counts


def _month_core(counts: tuple[int, int, int], days: _WorkingDays,
                pairs: Sequence[DayPair | FinishedGroup], overall: MonthOverall | None,
                working_days: int) -> _Month:
    n = total = total_sq = 0
    for pair in pairs:
        worked = days(pair.received_day, pair.finished_day)
        n += pair.cases
        total += worked * pair.cases
        total_sq += worked * worked * pair.cases
    received, finished, on_time = counts
    return _Month(received, finished, on_time, _moments(n, total, total_sq), _overall(overall),
                  working_days)


def _change(kind: str, before: _Month, after: _Month, spread: dict[str, float],
            k: int) -> Change | None:
    try:
        if kind in ("received", "finished"):  # per working day, widened by past months' swings
            return count_change(getattr(before, kind), getattr(after, kind), before.working_days,
                                after.working_days, spread[kind])
        if kind == "on_time":
            return proportion_change(before.on_time, before.finished, after.on_time, after.finished)
        if kind == "days":
            change = moments_change(before.days, after.days)
            return change if min(before.days.n, after.days.n) >= 30 else None
        if kind == "overall":
            if min(before.overall.n, after.overall.n) < 30:
                return None  # a hidden month's score must not be worked back from a change
            return moments_change(before.overall, after.overall, 100 / (k - 1))
    except ValueError:  # too few to compare
        return None
    return None


def _headlines(now: _Month, previous: _Month, last_year: _Month, overdue: int,
               spread: dict[str, float], k: int) -> list[Headline]:
    def rate(m: _Month) -> float | None:
        return None if m.finished == 0 else m.on_time / m.finished * 100

    def days(m: _Month) -> float | None:
        return None if m.days.n == 0 else m.days.total / m.days.n

    def score(m: _Month) -> Estimate:
        return item_score(m.overall, k)

    def shown(e: Estimate) -> float | None:
        return e.value if e.shown else None

    def both(kind: str) -> tuple[Change | None, Change | None]:
        return _change(kind, previous, now, spread, k), _change(kind, last_year, now, spread, k)
    overall = score(now)
    return [
        Headline("received", "접수", "건", now.received, previous.received, last_year.received,
                 *both("received")),
        Headline("finished", "처리", "건", now.finished, previous.finished, last_year.finished,
                 *both("finished")),
        Headline("on_time", "기한 내 처리율", "%", rate(now), rate(previous), rate(last_year),
                 *both("on_time")),
        Headline("days", "평균 처리일수(근무일)", "일", days(now), days(previous), days(last_year),
                 *both("days")),
        Headline("overdue", "기한 넘김(기준 시각)", "건", overdue, None, None),
        Headline("satisfaction", "민원만족도", "점",
                 shown(overall), shown(score(previous)), shown(score(last_year)),
                 *both("overall"), overall, score(previous), score(last_year)),
    ]


def _received_tables(reads: ReportReadPort, first: date, end: datetime) -> list[list[Row]]:
    counts: list[dict[str, int]] = [{}, {}, {}, {}]
    for group in reads.received_groups(_midnight(first), end):
        try:
            channel = CHANNEL_NAMES[Channel(group.channel)]
        except ValueError:
            channel = group.channel
        for table, label in zip(counts, (channel, group.type_name, group.category,
                                         group.department)):
            table[label] = table.get(label, 0) + group.cases
    return [sorted((Row(label, n) for label, n in table.items()), key=lambda r: (-r.received, r.label))
            for table in counts]


def _finish_rows(rows: list[Row], finished: list[FinishedGroup], key: str,
                 days: _WorkingDays) -> list[Row]:
    """Add the finished cases (on time, working days) to a table keyed by category or
    department (`key`: the field of the finished groups that names the row)."""
    received = {r.label: r.received for r in rows}
    cases: dict[str, int] = dict.fromkeys(received, 0)
    on_time, days_total = dict(cases), dict(cases)
    for group in finished:
        label, n = getattr(group, key), int(group.cases)
        cases[label] = cases.get(label, 0) + n
        on_time[label] = on_time.get(label, 0) + int(group.on_time or 0)
        days_total[label] = days_total.get(label, 0) + \
            days(group.received_day, group.finished_day) * n
    return sorted((Row(label, received.get(label, 0), cases[label], on_time[label],
                       days_total[label]) for label in cases),
                  key=lambda r: (-r.received, -r.finished, r.label))


def _survey_sections(uow: UnitOfWork, codes: list[str], first: date) -> list[SurveySection]:
    sections: list[SurveySection] = []
    listed = {r["code"]: r for r in uow.surveys.overview()}
    for code in codes[:4]:  # the most answered surveys; a fifth would be noise in a report
        trend = surveys.month_trend_in(uow, code, first)
        by_mode = surveys.breakdown_in(uow, code, trend.current.first, trend.current.last, "mode")
        sections.append(SurveySection(code, listed[code]["title"], trend, by_mode))
    return sections


@dataclass(frozen=True)
class Built:
    pdf: Path
    xlsx: Path | None
    pages: int
    report: MonthlyReport


def build_monthly(ctx: ServiceContext, month: date, out: Path, xlsx: Path | None = None,
                  progress: Progress | None = None) -> Built:
    """The PDF (and the same tables as XLSX), audited: the figures read in one transaction,
    the access-log entry (which names the pages) written in another once the PDF exists."""
    from pcrm_desktop.reports.monthly_pdf import render
    report = monthly_report(ctx, month, progress)
    pages = render(report, Path(out))
    if xlsx is not None:
        from pcrm_desktop.reports.monthly_xlsx import write
        write(report, Path(xlsx))
    with ctx.uow_factory() as uow:
        ctx.audit(uow, "report.monthly", Path(out).name,
                  f"{report.first:%Y-%m}: {pages}쪽" + (f", {Path(xlsx).name}" if xlsx else ""))
        uow.commit()
    return Built(Path(out), Path(xlsx) if xlsx else None, pages, report)
