"""고객집단 분석 and importance–performance (issue 7): the equity view of the PCRM cycle.

For everyone, each customer group, each 접수 경로 and each 동 over a period: residents, 민원
received and per 1,000 residents, the on-time rate, the working days to finish and the
satisfaction of linked responses, each with n and its 95 % range, and each group's gap
against everyone else, flagged only when significant. Every figure is counted in SQL
(db.analysis_queries) and the statistics are the domain's (domain.analysis, survey_stats).

Definitions:
- received: cases received in the period; finished: cases finished (done_at) in it;
- on time: finished within the due minute (domain/deadlines.finished_on_time; 15:53:36 is in
  15:53), % of the finished, Wilson interval;
- days: working days from the day of receipt to the day finished on the holiday calendar
  (domain.deadlines.WorkdayCounter: the same day = 0, a receipt on a day off counts from the
  next working day), mean with its t interval;
- satisfaction: 100-point OVERALL, (mean − 1) × 25, of the linked responses of every survey
  submitted in the period, t interval;
- a gap: the part against everyone else (the totals minus the part), two-proportion z test
  or Welch's t test at 5 % (working days tested on log(1 + days): their long tail), only
  when both sides have 30+ (else None).
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from pcrm_desktop.domain.analysis import (
    NOT_PLACED,
    PairSums,
    days_gap,
    days_moments,
    holm,
    mean_estimate,
    mean_gap,
    pearson,
    per_thousand,
    place,
    rate_gap,
)
from pcrm_desktop.domain.complaints import CHANNEL_NAMES, Channel
from pcrm_desktop.domain.deadlines import DaysOff, WorkdayCounter
from pcrm_desktop.domain.errors import NotFoundError, ValidationError
from pcrm_desktop.domain.privacy import require_role
from pcrm_desktop.domain.survey_stats import (
    Change,
    Estimate,
    Moments,
    item_score,
    proportion,
)
from pcrm_desktop.services import calendar
from pcrm_desktop.services.context import ServiceContext
from pcrm_desktop.services.ports import AnalysisReadPort, UnitOfWork

if TYPE_CHECKING:
    from pcrm_desktop.domain.surveys import Item
    from pcrm_desktop.services.ports import Scope

ANALYSIS_ROLES = frozenset({"admin", "manager", "clerk"})
BREAKDOWNS = ("group", "channel", "dong")
METRICS = ("received", "per_thousand", "on_time", "days", "satisfaction")
IPA_MIN_RESPONSES = 100      # the issue: draw the chart only from 100 responses in the period
OVERALL_POINTS = 5           # OVERALL is a 5-point item: 100-point score = (mean − 1) × 25
HOLIDAY_YEARS_BACK = 3       # as the monthly report: older receipts counted on weekends only
_PARTS = {"received": {"received", "residents"}, "per_thousand": {"received", "residents"},
          "on_time": {"finished"}, "days": {"finished"}, "satisfaction": {"overall"}}
_EVERYTHING = {"received", "finished", "overall", "residents"}
# a row's key as SQL gives it: a group's id (int), a channel's code or a 동 (str), "" for everyone
Key = Any


@dataclass(frozen=True)
class GroupFigure:
    key: str                          # "all", "group:<id>", "channel:<code>", "dong:<동>"
    label: str
    residents: int | None             # None for channels
    received: int
    per_thousand: float | None        # received per 1,000 residents
    finished: int
    on_time: Estimate                 # % finished by the due time
    days: Estimate                    # mean working days receipt → finish
    satisfaction: Estimate            # 100-point OVERALL of linked responses
    on_time_gap: Change | None        # against everyone else, percentage points
    days_gap: Change | None           # working days
    satisfaction_gap: Change | None   # 100 points


@dataclass(frozen=True)
class IpaItem:
    code: str
    label: str
    performance: Estimate             # the item's 100-point score
    importance: float | None          # Pearson r with OVERALL over responses answering both
    n: int                            # responses answering both
    quadrant: str                     # fix_first | keep_up | low_priority | overkill | ""


@dataclass(frozen=True)
class Ipa:
    survey: str
    first: date
    last: date
    responses: int
    enough: bool                      # 100+ responses: only then is it drawn
    items: list[IpaItem]
    mean_performance: float | None    # the quadrant lines
    mean_importance: float | None
    fix_first: list[str]              # item codes, most important first


@dataclass
class _Sums:
    """What SQL gave for one key, before the working days are counted."""
    received: int = 0
    # (day received, day finished, cases, on time)
    pairs: list[tuple[Any, ...]] = field(default_factory=list)
    overall: Moments = field(default_factory=lambda: Moments(0))
    residents: int | None = None


@dataclass(frozen=True)
class _Counts:
    received: int
    finished: int
    on_time: int
    days: Moments
    log_days: Moments         # of log(1 + days): what the days gap is tested on
    overall: Moments
    residents: int | None


def _span(first: date, last: date) -> tuple[datetime, datetime]:
    if last < first:
        raise ValidationError("period_order", field="period")
    return (datetime.combine(first, datetime.min.time()),
            datetime.combine(last + timedelta(days=1), datetime.min.time()))


def _read(reads: AnalysisReadPort, scope: Scope, start: datetime, end: datetime,
          parts: set[str]) -> dict[Key, _Sums]:
    sums: dict[Key, _Sums] = {}

    def at(key: Key) -> _Sums:
        return sums.setdefault(key, _Sums())
    if "received" in parts:
        for key, n in reads.received(scope, start, end):
            at(key).received += int(n)
    if "finished" in parts:
        for key, *pair in reads.finished(scope, start, end):
            at(key).pairs.append(tuple(pair))
    if "overall" in parts:
        for key, n, total, total_sq in reads.overall(scope, start, end):
            at(key).overall = Moments(int(n), float(total), float(total_sq))
    if "residents" in parts:
        for key, n in reads.residents(scope):
            at(key).residents = int(n)
    return sums


def _side_reads(ctx: ServiceContext, jobs: list[tuple[str, set[str]]], start: datetime,
                end: datetime) -> list[dict[Key, _Sums]]:
    """Reads of other breakdowns on a connection of their own (see group_table)."""
    with ctx.reading() as uow:
        reads = uow.analysis
        return [_read(reads, reads.scope(by, ctx.clock().date()), start, end, parts)
                for by, parts in jobs]


def _merge(into: dict[Key, _Sums], more: dict[Key, _Sums]) -> dict[Key, _Sums]:
    """Add the sums of other parts read for the same keys."""
    for key, s in more.items():
        mine = into.setdefault(key, _Sums())
        mine.received += s.received
        mine.pairs += s.pairs
        mine.overall = Moments(mine.overall.n + s.overall.n, mine.overall.total + s.overall.total,
                               mine.overall.total_sq + s.overall.total_sq)
        mine.residents = s.residents if s.residents is not None else mine.residents
    return into


def _counter(days_off: DaysOff, first: date, last: date, sums: list[_Sums]) -> WorkdayCounter:
    """One working-day counter over every day the finished cases need."""
    days = [date.fromisoformat(d) for s in sums for pair in s.pairs for d in pair[:2]]
    return WorkdayCounter(days_off, min(days + [first]), max(days + [last]))


def _days_off_from(first: date) -> date:
    return date(first.year - HOLIDAY_YEARS_BACK, 1, 1)


def _settle(s: _Sums, counter: WorkdayCounter | None, residents: bool) -> _Counts:
    day = date.fromisoformat
    # without a counter no finished cases were read (a figure that needs none)
    spans: Iterator[tuple[int, int]] = ((counter.between(day(received), day(done)), cases)
                                        for received, done, cases, _ in s.pairs) \
        if counter else iter(())
    days, log_days = days_moments(spans)
    on_time = sum(int(punctual or 0) for *_, punctual in s.pairs)
    return _Counts(s.received, days.n, on_time, days, log_days, s.overall,
                   (s.residents or 0) if residents else None)


def _estimate(metric: str, c: _Counts) -> Estimate | None:
    if metric == "received":
        return Estimate(float(c.received), None, None, c.received)
    if metric == "per_thousand":
        value = per_thousand(c.received, c.residents)  # None without residents
        return None if value is None or c.residents is None else \
            Estimate(value, None, None, c.residents)
    if metric == "on_time":
        return proportion(c.on_time, c.finished)
    if metric == "days":
        return mean_estimate(c.days)
    return item_score(c.overall, OVERALL_POINTS)


def _figure(key: str, label: str, c: _Counts, everyone: _Counts | None) -> GroupFigure:
    """One row; the gaps against everyone else (None for the row of everyone)."""
    e = everyone
    return GroupFigure(
        key, label, c.residents, c.received, per_thousand(c.received, c.residents), c.finished,
        # as _estimate("on_time"), ("days") and ("satisfaction"), which are never None
        proportion(c.on_time, c.finished), mean_estimate(c.days),
        item_score(c.overall, OVERALL_POINTS),
        rate_gap(c.on_time, c.finished, e.on_time, e.finished) if e else None,
        days_gap(c.days, e.days, c.log_days, e.log_days) if e else None,
        mean_gap(c.overall, e.overall, 100 / (OVERALL_POINTS - 1)) if e else None)


def group_table(ctx: ServiceContext, first: date, last: date, by: str = "group",
                residents: bool = True) -> list[GroupFigure]:
    """Everyone first, then each active customer group (by="group"), 접수 경로 ("channel") or
    동 ("dong"). Groups overlap (a resident may be in several); channels and 동 split the cases."""
    require_role(ctx.actor, ANALYSIS_ROLES, "analysis.groups")
    if by not in BREAKDOWNS:
        raise ValidationError("breakdown_unknown", field="breakdown", value=by)
    names, sums, everyone = _read_table(ctx, by, *_span(first, last), residents)
    days_off = calendar.days_off(ctx, _days_off_from(first), last)
    return _table(by, names, sums, everyone, _counter(days_off, first, last, [everyone]))


def group_table_in(uow: UnitOfWork, today: date, first: date, last: date, by: str = "group",
                   residents: bool = True) -> list[GroupFigure]:
    """group_table read in the caller's open unit of work, one read after the other (the
    monthly report: every figure from one snapshot). `today` places residents in age groups."""
    if by not in BREAKDOWNS:
        raise ValidationError("breakdown_unknown", field="breakdown", value=by)
    start, end = _span(first, last)
    mine, side = _jobs(by, residents)
    reads = uow.analysis
    names = {g["id"]: g["name"] for g in reads.groups()} if by == "group" else {}
    sums = _read(reads, reads.scope(by, today), start, end, mine)
    everyone = _gather(by, sums, [_read(reads, reads.scope(key, today), start, end, parts)
                                  for key, parts in side])
    days_off = calendar.days_off_in(uow, _days_off_from(first), last)
    return _table(by, names, sums, everyone, _counter(days_off, first, last, [everyone]))


def _table(by: str, names: dict[int, str], sums: dict[Key, _Sums], everyone: _Sums,
           counter: WorkdayCounter) -> list[GroupFigure]:
    total = _settle(everyone, counter, True)
    rows = [_figure("all", "전체", total, None)]
    for key, label in _rows(by, names, sums):
        rows.append(_figure(f"{by}:{key}", label, _settle(sums.get(key, _Sums()), counter,
                                                          by != "channel"), total))
    # one column's gaps are many tests at once: Holm keeps the family's error at 5 %
    from dataclasses import replace
    others = rows[1:]
    on_time = holm([r.on_time_gap for r in others])
    days = holm([r.days_gap for r in others])
    satisfaction = holm([r.satisfaction_gap for r in others])
    rows[1:] = [replace(r, on_time_gap=a, days_gap=b, satisfaction_gap=c)
                for r, a, b, c in zip(others, on_time, days, satisfaction)]
    return rows


def _jobs(by: str, residents: bool) -> tuple[set[str], list[tuple[str, set[str]]]]:
    """The parts read for the breakdown itself, and the (breakdown, parts) read beside it:
    channels and 동 split every case, so everyone's cases are the sum of theirs; groups
    overlap and leave people out, so everyone's cases are read apart."""
    if by == "group":
        mine, side = set(_EVERYTHING), [("all", set(_EVERYTHING))]
    else:
        mine, side = {"finished", "overall", "residents"}, [("all", {"overall", "residents"}),
                                                            (by, {"received"})]
    if not residents:  # the monthly report shows no per-1,000 figure: spare the counting
        mine.discard("residents")
        for _, parts in side:
            parts.discard("residents")
    return mine, side


def _gather(by: str, sums: dict[Key, _Sums], side: list[dict[Key, _Sums]]) -> _Sums:
    """Everyone's sums, once the side reads are in (their other parts added to `sums`)."""
    everyone_read, *more = side
    everyone = everyone_read.get("", _Sums())
    for extra in more:
        _merge(sums, extra)
    if by != "group":
        everyone.received = sum(s.received for s in sums.values())
        everyone.pairs = [pair for s in sums.values() for pair in s.pairs]
    return everyone


def _read_table(ctx: ServiceContext, by: str, start: datetime, end: datetime,
                residents: bool = True) -> tuple[dict[int, str], dict[Key, _Sums], _Sums]:
    """(group names, sums per key, everyone's sums). Everyone's figures and part of the
    breakdown are read on a second connection meanwhile (WAL readers do not wait for each
    other; sqlite3 lets go of the GIL while it works)."""
    mine, side = _jobs(by, residents)
    with ThreadPoolExecutor(max_workers=1) as pool:
        other = pool.submit(_side_reads, ctx, side, start, end)
        with ctx.reading() as uow:
            reads = uow.analysis
            names = {g["id"]: g["name"] for g in reads.groups()} if by == "group" else {}
            sums = _read(reads, reads.scope(by, ctx.clock().date()), start, end, mine)
        everyone = _gather(by, sums, other.result())
    return names, sums, everyone


def _rows(by: str, names: dict[int, str], sums: dict[Key, _Sums]) -> list[tuple[Key, str]]:
    """(key in SQL, label) of the rows, in their order: groups by id, channels in the order of
    the 접수 경로 list, 동 by name (cases without a 동 stay in everyone's figures only)."""
    if by == "group":
        return list(names.items())
    if by == "channel":
        known = [c.value for c in Channel]
        keys = known + sorted(k for k in sums if k not in known and k)
        return [(k, CHANNEL_NAMES[Channel(k)] if k in known else k) for k in keys]
    return [(k, k) for k in sorted(k for k in sums if k)]


def _parse_key(key: str) -> tuple[str, object]:
    by, _, value = key.partition(":")
    if key == "all":
        return "all", None
    if by in BREAKDOWNS and value:
        if by != "group":
            return by, value
        if value.isdigit():
            return by, int(value)
    raise ValidationError("figure_unknown", field="figure", value=key)


def figure(ctx: ServiceContext, key: str, metric: str, first: date, last: date) -> Estimate | None:
    """One figure of the group table (an improvement action's before and after): `key` as in
    GroupFigure.key, `metric` one of METRICS. Counted for that key alone; the same value as
    the table's. None when it does not exist (a removed group, residents of a channel)."""
    require_role(ctx.actor, ANALYSIS_ROLES, "analysis.figure")
    if metric not in METRICS:
        raise ValidationError("metric_unknown", field="metric", value=metric)
    by, only = _parse_key(key)
    start, end = _span(first, last)
    parts = _PARTS[metric]
    with ctx.reading() as uow:
        reads = uow.analysis
        if by == "group" and only not in {g["id"] for g in reads.groups()}:
            return None
        sums = _read(reads, reads.scope(by, ctx.clock().date(), only), start, end, parts)
        mine = sums.get("" if by == "all" else only, _Sums())
        counter = _counter(calendar.days_off_in(uow, _days_off_from(first), last), first, last,
                           [mine]) if "finished" in parts else None
    return _estimate(metric, _settle(mine, counter, by != "channel"))


def ipa(ctx: ServiceContext, code: str, first: date, last: date) -> Ipa:
    """Importance–performance of a survey's scale items over a period: performance is the
    item's 100-point score, importance its Pearson r with OVERALL over the responses answering
    both (30+ pairs). Quadrants only with 100+ responses, cut at the means of the items placed."""
    from pcrm_desktop.domain.surveys import ItemType, Questionnaire
    from pcrm_desktop.services.report_survey import ITEM_NAMES
    from pcrm_desktop.services.surveys import _current
    require_role(ctx.actor, ANALYSIS_ROLES, "analysis.ipa")
    start, end = _span(first, last)
    with ctx.reading() as uow:
        survey = uow.surveys.by_code(code)
        if survey is None:
            raise NotFoundError("survey_not_found", field="survey", survey=code)
        q = Questionnaire.from_json(_current(uow, survey)["definition"])
        # (item, answers, Σx, Σx², 해당없음, …) and (mode, flags, responses), by name
        sums = {item: (n, total, total_sq, na) for item, n, total, total_sq, na, *_
                in uow.surveys.period_items(survey["id"], start, end)}
        responses = sum(int(n) for _mode, _flags, n
                        in uow.surveys.period_responses(survey["id"], start, end))
        pairs = {item: PairSums(int(n), *map(float, moments)) for item, n, *moments
                 in uow.analysis.item_pairs(survey["id"], start, end)}
    measured = _measure([i for i in q.items if i.type in (ItemType.SCALE5, ItemType.SCALE7)
                         and i.code != "OVERALL"], sums, pairs, responses)
    enough = responses >= IPA_MIN_RESPONSES
    placement = place({item.code: (score.value, r) for item, score, r, _ in measured
                       if enough and score.shown and score.value is not None  # shown: has one
                       and r is not None})
    items = [IpaItem(item.code, ITEM_NAMES.get(item.code, item.text), score, r, n,
                     placement.quadrants.get(item.code, NOT_PLACED))
             for item, score, r, n in measured]
    return Ipa(code, first, last, responses, enough, items, placement.mean_performance,
               placement.mean_importance, placement.fix_first)


def _measure(items: list[Item], sums: Mapping[str, Sequence[Any]], pairs: dict[str, PairSums],
             responses: int) -> list[tuple[Item, Estimate, float | None, int]]:
    """(item, 100-point score, r with OVERALL, pairs) of each scale item."""
    from pcrm_desktop.domain.surveys import SCALE_SIZE
    measured: list[tuple[Item, Estimate, float | None, int]] = []
    for item in items:
        answers, total, total_sq, not_applicable = sums.get(item.code) or (0, 0, 0, 0)
        n, na = int(answers or 0), int(not_applicable or 0)
        moments = Moments(n, float(total or 0), float(total_sq or 0), not_applicable=na,
                          skipped=max(0, responses - n - na))
        pair = pairs.get(item.code)
        measured.append((item, item_score(moments, SCALE_SIZE[item.type]),
                         pearson(pair) if pair else None, pair.n if pair else 0))
    return measured
