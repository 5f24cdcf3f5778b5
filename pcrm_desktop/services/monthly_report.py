"""월간 민원·고객만족 보고서: the month's figures, each beside last month and the same month
a year before, with an arrow only for a significant change; the 민원 tables; the surveys'
indices with n and margins; the customer groups (the equity view); a 12-month trend. Every
figure is counted in SQL (db.report_queries) and the statistics are the domain's.

The figures are plain data (MonthlyReport): the PDF (reports.monthly_pdf), the workbook and
`pcrm report monthly --json` all print the same object."""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pcrm_desktop.domain.complaints import CHANNEL_NAMES, Channel
from pcrm_desktop.domain.deadlines import DaysOff, WorkdayCounter
from pcrm_desktop.domain.privacy import require_role
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
from pcrm_desktop.services import calendar
from pcrm_desktop.services.context import ServiceContext
from pcrm_desktop.services.ports import ReportReadPort, Rows

if TYPE_CHECKING:
    from pcrm_desktop.services.analysis import GroupFigure
    from pcrm_desktop.services.surveys import Group, Trend

REPORT_ROLES = frozenset({"admin", "manager", "clerk"})
HOLIDAY_YEARS_BACK = 3  # older receipts are counted on weekends only (their holidays unseeded)


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
                   progress: Callable[[int, int, str], None] | None = None) -> MonthlyReport:
    """Every figure of the month holding `month`."""
    require_role(ctx.actor, REPORT_ROLES, "report.monthly")
    first, last = month_span(month)
    end = _midnight(last + timedelta(days=1))
    now = ctx.clock()
    moment = min(now, end)
    step = progress or (lambda done, total, text: None)
    previous, last_year = _shift(first, -1), _shift(first, -12)
    trend_first = _shift(first, -11)
    days_off = calendar.days_off(ctx, date(first.year - HOLIDAY_YEARS_BACK, 1, 1), last)
    # The repeats and the customer groups are read on other connections meanwhile
    # (WAL readers do not wait for each other; sqlite3 lets go of the GIL while it works): on
    # a month of 80,000 cases that takes a second off the build.
    with ThreadPoolExecutor(max_workers=1) as pool:
        side = pool.submit(_side_reads, ctx, first, end, moment)
        with ctx.reading() as uow:
            office = uow.office.get()
            reads = uow.reports
            step(1, 6, "요약")
            groups_finished = reads.finished_groups(_midnight(first), end)
            pairs = {m: reads.finished_days(_midnight(m),
                                            _midnight(month_span(m)[1] + timedelta(days=1)))
                     for m in (previous, last_year)}
            pairs[first] = [(r[2], r[3], r[4]) for r in groups_finished]  # the same days, read
            received_days = [date.fromisoformat(r[0]) for rows in pairs.values() for r in rows]
            # a case imported as finished before it was received may have its receipt later
            counter = WorkdayCounter(days_off, min(received_days + [last_year]),
                                     max(received_days + [last]))
            actions = tuple(uow.actions.active_between(first, end))
            answered = reads.surveys_answered(first.isoformat(),
                                              (last + timedelta(days=1)).isoformat())
            # the headline's satisfaction is one survey's (the month's most answered): mixing
            # kiosk and phone questionnaires would make the arrow follow the mix
            main = answered[0] if answered else None
            k = _overall_points(ctx, main)
            overall_months: dict[str, Sequence[Any]] = {}
            if main is not None:
                overall_months = {row[0]: row for row in reads.overall_by_month(
                    trend_first.isoformat(), (last + timedelta(days=1)).isoformat(), main)}
                overall_months.update({row[0]: row for row in reads.overall_by_month(
                    last_year.isoformat(), _shift(last_year, 1).isoformat(), main)})
            core = {m: _month_core(reads, counter, m, pairs[m], overall_months, days_off) for m in
                    (first, previous, last_year)}
            step(2, 6, "민원")
            by_channel, by_type, by_category, by_department = _received_tables(reads, first, end)
            by_category = _finish_rows(by_category, groups_finished, 0, counter)
            by_department = _finish_rows(by_department, groups_finished, 1, counter)
            step(3, 6, "추이")
            trend = _trend(reads, trend_first, first, overall_months, k)
            overdue_rows, overdue_total = reads.overdue_list(moment), reads.overdue_at(moment)
        step(4, 6, "고객집단")
        repeats, places, group_rows = side.result()
    everyone, groups = group_rows[0], group_rows[1:]
    step(5, 6, "만족도")
    sections = _survey_sections(ctx, answered, first)
    history = [(p.received, p.finished, _working_days(days_off, p.month)) for p in trend[:-1]]
    spread = {"received": dispersion([h[0] for h in history], [h[2] for h in history]),
              "finished": dispersion([h[1] for h in history], [h[2] for h in history])}
    title = next((s.title for s in sections if s.code == main), main or "")
    report = MonthlyReport(
        office.name if office else "", first, last, now, moment,
        _headlines(core[first], core[previous], core[last_year], overdue_total, spread, k),
        by_channel, by_type, by_category, by_department, repeats, places,
        [{"receipt_no": r[0], "title": r[1], "applicant": mask_name(r[2]) if r[2] else "",
          "department": r[3], "due_at": _at(r[4]), "received_at": _at(r[5]),
          "days_over": max(0, (moment.date() - _at(r[4]).date()).days)} for r in overdue_rows],
        overdue_total, sections, everyone, groups, trend, title, actions)
    step(6, 6, "완료")
    return report


def _at(value: object) -> datetime:
    from pcrm_desktop.domain.timestamps import as_datetime
    at = as_datetime(value)
    assert at is not None  # due_at, received_at: NOT NULL
    return at


def _working_days(days_off: DaysOff, month: date) -> int:
    first, last = month_span(month)
    return sum(days_off.is_working_day(first + timedelta(days=n)) for n in range((last - first).days + 1))


def _overall_points(ctx: ServiceContext, code: str | None) -> int:
    """The scale of the headline survey's OVERALL (5 points unless it was made with 7)."""
    if code is None:
        return 5
    from pcrm_desktop.domain.surveys import SCALE_SIZE
    from pcrm_desktop.services import surveys
    _, questionnaire = surveys.questionnaire(ctx, code)
    item = next((i for i in questionnaire.items if i.code == "OVERALL"), None)
    return SCALE_SIZE.get(item.type, 5) if item is not None else 5


def _month_core(reads: ReportReadPort, counter: WorkdayCounter, month: date,
                pairs: Sequence[tuple[str, str, int]], overall_months: Mapping[str, Sequence[Any]],
                days_off: DaysOff) -> _Month:
    first, last = month_span(month)
    finished, on_time = reads.finished(_midnight(first), _midnight(last + timedelta(days=1)))
    n = total = total_sq = 0
    for received_day, finished_day, cases in pairs:
        days = counter.between(date.fromisoformat(received_day), date.fromisoformat(finished_day))
        n += cases
        total += days * cases
        total_sq += days * days * cases
    row = overall_months.get(first.strftime("%Y-%m"))
    overall = _moments(*(row[1:4] if row else (0, 0, 0)))
    return _Month(reads.received(_midnight(first), _midnight(last + timedelta(days=1))),
                  finished, on_time, _moments(n, total, total_sq), overall,
                  _working_days(days_off, month))


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
    for channel, type_name, category, department, cases in reads.received_groups(_midnight(first), end):
        try:
            channel = CHANNEL_NAMES[Channel(channel)]
        except ValueError:
            pass
        for table, label in zip(counts, (channel, type_name, category, department)):
            table[label] = table.get(label, 0) + cases
    return [sorted((Row(label, n) for label, n in table.items()), key=lambda r: (-r.received, r.label))
            for table in counts]


def _finish_rows(rows: list[Row], finished: Rows, column: int, counter: WorkdayCounter) -> list[Row]:
    """Add the finished cases (on time, working days) to a table keyed by category or department."""
    sums: dict[str, list[int]] = {r.label: [r.received, 0, 0, 0] for r in rows}
    between, day = counter.between, date.fromisoformat
    for row in finished:
        cases = int(row[4])
        entry = sums.setdefault(row[column], [0, 0, 0, 0])
        entry[1] += cases
        entry[2] += int(row[5] or 0)
        entry[3] += between(day(row[2]), day(row[3])) * cases
    return sorted((Row(label, *values) for label, values in sums.items()),
                  key=lambda r: (-r.received, -r.finished, r.label))


def _side_reads(ctx: ServiceContext, first: date, end: datetime, moment: datetime
                ) -> tuple[int, list[tuple[Any, ...]], list[GroupFigure]]:
    """The repeated 민원 and the customer groups (the analysis page's table, age groups by
    birth year included), read on other connections while the rest is read."""
    from pcrm_desktop.services import analysis
    start = _midnight(first)
    with ctx.reading() as uow:
        repeats = uow.reports.repeats(start, end)
        places = [tuple(r) for r in uow.reports.repeat_places(start, end)]
    return repeats, places, analysis.group_table(ctx, first, end.date() - timedelta(days=1), "group",
                                                 residents=False)


def _trend(reads: ReportReadPort, trend_first: date, first: date,
           overall_months: Mapping[str, Sequence[Any]], k: int) -> list[TrendPoint]:
    points: list[TrendPoint] = []
    month = trend_first
    while month <= first:
        start, stop = _midnight(month), _midnight(month_span(month)[1] + timedelta(days=1))
        finished, on_time = reads.finished(start, stop)
        row = overall_months.get(month.strftime("%Y-%m"))
        points.append(TrendPoint(month, reads.received(start, stop), finished, on_time,
                                 item_score(_moments(*(row[1:4] if row else (0, 0, 0))), k)))
        month = _shift(month, 1)
    return points


def _survey_sections(ctx: ServiceContext, codes: list[str], first: date) -> list[SurveySection]:
    from pcrm_desktop.services import surveys
    sections = []
    listed = {r["code"]: r for r in surveys.surveys(ctx)}
    for code in codes[:4]:  # the most answered surveys; a fifth would be noise in a report
        trend = surveys.month_trend(ctx, code, first)
        by_mode = surveys.breakdown(ctx, code, trend.current.first, trend.current.last, "mode")
        sections.append(SurveySection(code, listed[code]["title"], trend, by_mode))
    return sections


@dataclass(frozen=True)
class Built:
    pdf: Path
    xlsx: Path | None
    pages: int
    report: MonthlyReport


def build_monthly(ctx: ServiceContext, month: date, out: Path, xlsx: Path | None = None,
                  progress: Callable[[int, int, str], None] | None = None) -> Built:
    """The PDF (and the same tables as XLSX), audited."""
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
