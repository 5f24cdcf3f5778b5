"""The statutory clock of a 민원 (DOMAIN.md §3): pure Python, no Qt, no database.

Rules, as the guide summarises 민원 처리에 관한 법률 시행령:
- a period of 5 days or less is counted in working hours, 1 day = 8 working hours, from the
  moment of receipt within office hours (09:00–18:00 with a lunch hour by default; a setting);
- a period of 6 days or more is counted in days, the day of receipt being day 1, and ends with
  the office day (법 제19조②: "일 단위로 계산하고 첫날을 산입", with no exception for the hour of
  receipt: a receipt after office hours still makes its day day 1 unless the office chose
  `AfterHours.NEXT_DAY`, the older practice of counting from the next working day);
- Saturdays, Sundays, public holidays and temporary holidays are not counted;
- 즉시 (immediately) means within 3 working hours.
- A period in hours counts from the next working moment when received outside office hours
  (before opening, at lunch, after closing, on a day off); a receipt on a day off counts in
  days from the next working day (that day is not counted at all). 18:00 itself is after hours.
- a period set in weeks, months or years is counted by the calendar from the day of receipt
  (법 제19조③ with 민법 제159조–제161조): the exact rule is in `calendar_periods`.

On time is judged at minute resolution (`finished_on_time`): a case finished at 15:53:36 and due
at 15:53:00 was finished in its due minute, as the 민원처리부 prints it.

Every due date comes with the steps of its computation, so a clerk can explain it.
"""
from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from pcrm_desktop.domain.calendar_periods import CALENDAR_STEP_TEXTS, count_calendar, day_text
from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.domain.messages import QT_TRANSLATE_NOOP
from pcrm_desktop.domain.office import OfficeHours

HOURS_PER_DAY = 8        # one day of a short period, in working hours
IMMEDIATE_HOURS = 3      # 즉시
LONGEST_SHORT_PERIOD = 5  # days; longer periods are counted in days
MAX_DAYS = 365


class AfterHours(str, enum.Enum):
    """A period in days received after office hours on a working day: which day is day 1."""
    SAME_DAY = "same_day"  # the law's text (법 제19조②): the day of receipt, whatever the hour
    NEXT_DAY = "next_day"  # an office's choice: the next working day


def finished_on_time(done: datetime, due: datetime) -> bool:
    """Finished by the due time, compared to the minute (as printed: 15:53:36 is in 15:53)."""
    return done.replace(second=0, microsecond=0) <= due.replace(second=0, microsecond=0)


def past_due(due: datetime, now: datetime) -> bool:
    """Overdue at `now`: the due minute is over (a case due 15:53 is not late at 15:53:36)."""
    return due.replace(second=0, microsecond=0) < now.replace(second=0, microsecond=0)


class Unit(str, enum.Enum):
    HOURS = "hours"
    DAYS = "days"
    WEEKS = "weeks"    # by the calendar (법 제19조③)
    MONTHS = "months"
    YEARS = "years"


# The units a type's or category's period is set in ("days" follows 제19조①② by its length),
# and how many of each at most: a year, as for a period in days.
SETTING_UNITS = (Unit.DAYS, Unit.WEEKS, Unit.MONTHS, Unit.YEARS)
CALENDAR_UNITS = frozenset({Unit.WEEKS, Unit.MONTHS, Unit.YEARS})
MAX_AMOUNT = {Unit.DAYS: MAX_DAYS, Unit.WEEKS: 52, Unit.MONTHS: 12, Unit.YEARS: 1}


@dataclass(frozen=True)
class Period:
    unit: Unit
    amount: int
    immediate: bool = False

    @classmethod
    def of_days(cls, days: int) -> Period:
        """N days as the law counts them: 5 or fewer in working hours, 6 or more in days."""
        if not 1 <= days <= MAX_DAYS:
            raise ValidationError("period_range", field="period", max=MAX_DAYS)
        if days <= LONGEST_SHORT_PERIOD:
            return cls(Unit.HOURS, days * HOURS_PER_DAY)
        return cls(Unit.DAYS, days)

    @classmethod
    def of_hours(cls, hours: int) -> Period:
        if not 1 <= hours <= LONGEST_SHORT_PERIOD * HOURS_PER_DAY:
            raise ValidationError("period_hours_range", field="period",
                                  max=LONGEST_SHORT_PERIOD * HOURS_PER_DAY)
        return cls(Unit.HOURS, hours)

    @classmethod
    def of_calendar(cls, unit: Unit, amount: int) -> Period:
        """N weeks, months or years, counted by the calendar (법 제19조③)."""
        unit = Unit(unit)
        if unit not in CALENDAR_UNITS or not 1 <= amount <= MAX_AMOUNT[unit]:
            raise ValidationError("period_calendar_range", field="period")
        return cls(unit, amount)

    @classmethod
    def now(cls) -> Period:
        """즉시: within 3 working hours."""
        return cls(Unit.HOURS, IMMEDIATE_HOURS, immediate=True)


def period_code(period: Period) -> str:
    """How a period is stored: hours, days, or now (즉시, 3 working hours)."""
    return "now" if period.immediate else period.unit.value


def stored_period(code: str, amount: int) -> Period:
    """A stored period back (period_code and its amount)."""
    return Period.now() if code == "now" else Period(Unit(code), amount)


class ComplaintType(str, enum.Enum):
    LEGAL = "legal"           # 법정민원: the period set for that service
    INQUIRY = "inquiry"       # 질의민원
    SUGGESTION = "suggestion"  # 건의민원
    OTHER = "other"           # 기타민원
    GRIEVANCE = "grievance"   # 고충민원


TYPE_NAMES: dict[ComplaintType, str] = {
    ComplaintType.LEGAL: QT_TRANSLATE_NOOP("deadline", "법정민원"),
    ComplaintType.INQUIRY: QT_TRANSLATE_NOOP("deadline", "질의민원"),
    ComplaintType.SUGGESTION: QT_TRANSLATE_NOOP("deadline", "건의민원"),
    ComplaintType.OTHER: QT_TRANSLATE_NOOP("deadline", "기타민원"),
    ComplaintType.GRIEVANCE: QT_TRANSLATE_NOOP("deadline", "고충민원"),
}
# Default periods in days (DOMAIN.md §3, "verify, keep editable"); None: set per service;
# 0: 즉시. The database keeps the editable copy (complaint_types).
DEFAULT_PERIOD_DAYS: dict[ComplaintType, int | None] = {
    ComplaintType.LEGAL: None,
    ComplaintType.INQUIRY: 7,
    ComplaintType.SUGGESTION: 14,
    ComplaintType.OTHER: 0,
    ComplaintType.GRIEVANCE: 7,
}


def setting_unit(unit: Unit | str | None) -> Unit:
    """The unit of a stored or typed period setting (None, as before units: days)."""
    try:
        unit = Unit(unit or Unit.DAYS)
    except ValueError:
        raise ValidationError("period_unit_unknown", field="period", unit=str(unit)) from None
    if unit not in SETTING_UNITS:
        raise ValidationError("period_unit_unknown", field="period", unit=unit.value)
    return unit


def check_period_setting(amount: int | None, unit: Unit | str = Unit.DAYS) -> Unit:
    """A type's or category's period as set: None (per service, or the type's), 0 (즉시) or
    1–365 days, 1–52 weeks, 1–12 months, 1 year. Returns the unit."""
    unit = setting_unit(unit)
    if amount is None:
        return unit
    if unit is Unit.DAYS and not 0 <= amount <= MAX_DAYS:
        raise ValidationError("period_range", field="period", max=MAX_DAYS)
    if unit is not Unit.DAYS:
        Period.of_calendar(unit, amount)
    return unit


def period_for(days: int | None, type_name: str = "", unit: Unit | str = Unit.DAYS) -> Period:
    """The period of a type or category whose setting is `days` of `unit` (0 days = 즉시)."""
    if days is None:
        raise ValidationError("period_not_set", field="period", type=type_name)
    unit = setting_unit(unit)
    if unit in CALENDAR_UNITS:
        return Period.of_calendar(unit, days)
    return Period.now() if days == 0 else Period.of_days(days)


def setting_text(days: int | None, unit: Unit | str | None = Unit.DAYS) -> str:
    """A period setting as the access log words it: the number for days (as before units),
    with its unit for the others ("1개월")."""
    unit = Unit(unit or Unit.DAYS)
    return str(days) if days is None or unit is Unit.DAYS else f"{days}{CALENDAR_LABELS[unit]}"


@dataclass(frozen=True)
class DaysOff:
    """Public and temporary holidays by date (Saturdays and Sundays are always off)."""
    holidays: Mapping[date, str] = field(default_factory=dict)

    def reason(self, day: date) -> str | None:
        """Why `day` is not a working day (the holiday's name, 토요일, 일요일), None if it is one."""
        if day in self.holidays:
            return self.holidays[day]
        if day.weekday() == 5:
            return "토요일"
        if day.weekday() == 6:
            return "일요일"
        return None

    def is_working_day(self, day: date) -> bool:
        return self.reason(day) is None


class WorkdayCounter:
    """Working days from a 민원's day of receipt to the day it was finished, Saturdays, Sundays
    and holidays left out (the same calendar its due date was counted on): finished the same
    working day = 0, the next working day = 1. A receipt on a day off counts from the next
    working day, as the law deems it received then (Saturday in, Monday out = 0). A case
    "finished" before it was received (kept as imported) counts 0. Built once over the days a
    report needs."""

    def __init__(self, days_off: DaysOff, first: date, last: date) -> None:
        from datetime import timedelta
        self.first = first
        self.ordinal: list[int] = []   # working days in [first, day], for each day from `first`
        self.working: list[bool] = []
        count, day = 0, first
        while day <= last:
            working = days_off.is_working_day(day)
            count += working
            self.ordinal.append(count)
            self.working.append(working)
            day += timedelta(days=1)

    def between(self, received: date, finished: date) -> int:
        start = (received - self.first).days
        end = (finished - self.first).days
        if not (0 <= start < len(self.ordinal) and 0 <= end < len(self.ordinal)):
            raise ValueError("day outside the counter's range")
        # received on a day off: the count starts at the next working day, whose ordinal is one more
        begin = self.ordinal[start] + (0 if self.working[start] else 1)
        return max(0, self.ordinal[end] - begin)


@dataclass(frozen=True)
class Step:
    """One line of a due date's explanation: a message code and its values (see STEP_TEXTS)."""
    code: str
    values: tuple[tuple[str, str], ...] = ()

    def text(self, template: str | None = None) -> str:
        return (template or STEP_TEXTS[self.code]).format(**dict(self.values))


def _step(code: str, **values: object) -> Step:
    return Step(code, tuple((k, str(v)) for k, v in values.items()))


class _Steps(list[Step]):
    on = True

    def add(self, code: str, **values: object) -> None:
        self.append(_step(code, **values))


class _NoSteps(list[Step]):
    """Explanation turned off: nothing is formatted or kept."""
    on = False

    def add(self, code: str, **values: object) -> None:
        pass


STEP_TEXTS: dict[str, str] = {
    "received": QT_TRANSLATE_NOOP("deadline", "접수: {at}"),
    "period_hours": QT_TRANSLATE_NOOP(
        "deadline", "처리기간 {label}: 근무시간으로 셉니다 "
                    "(하루 {per_day}시간, {start}–{end}, 점심 {lunch} 제외; 법 제19조①)"),
    "period_days": QT_TRANSLATE_NOOP(
        "deadline", "처리기간 {days}일: 날짜로 셉니다. "
                    "접수일이 1일째이고 토·일요일과 공휴일은 세지 않습니다 (법 제19조②)"),
    "day_off": QT_TRANSLATE_NOOP("deadline", "{day}: {reason}, 세지 않음"),
    "after_hours": QT_TRANSLATE_NOOP(
        "deadline", "근무시간({end}) 뒤 접수: 다음 근무일을 접수일로 봅니다"),
    "after_hours_same_day": QT_TRANSLATE_NOOP(
        "deadline", "근무시간({end}) 뒤 접수: 법 제19조②대로 접수일을 1일째로 셉니다 (설정: 접수일부터)"),
    "after_hours_next_day": QT_TRANSLATE_NOOP(
        "deadline", "근무시간({end}) 뒤 접수: 기관 설정에 따라 다음 근무일을 1일째로 셉니다 (설정: 다음 근무일부터)"),
    "before_hours": QT_TRANSLATE_NOOP("deadline", "근무 시작({start}) 전 접수: {start}부터 셉니다"),
    "at_lunch": QT_TRANSLATE_NOOP("deadline", "점심시간 접수: {end}부터 셉니다"),
    "hours_counted": QT_TRANSLATE_NOOP(
        "deadline", "{day}: {spans} → {hours} (누계 {total} / {needed}시간)"),
    "day_counted": QT_TRANSLATE_NOOP("deadline", "{day}: {n}일째"),
    **CALENDAR_STEP_TEXTS,  # weeks, months, years
    "due": QT_TRANSLATE_NOOP("deadline", "처리기한: {due}"),
}


def moment_text(at: datetime) -> str:
    return f"{day_text(at.date())} {at:%H:%M}"


def _hours_text(minutes: int) -> str:
    hours, rest = divmod(minutes, 60)
    return f"{hours}시간" + (f" {rest}분" if rest else "")


@dataclass(frozen=True)
class Deadline:
    received: datetime
    period: Period
    due: datetime
    steps: tuple[Step, ...]

    def explanation(self) -> list[str]:
        return [step.text() for step in self.steps]


CALENDAR_LABELS = {Unit.WEEKS: "주", Unit.MONTHS: "개월", Unit.YEARS: "년"}


def period_label(period: Period) -> str:
    if period.immediate:
        return f"즉시({IMMEDIATE_HOURS}시간)"
    if period.unit is Unit.DAYS:
        return f"{period.amount}일"
    if period.unit in CALENDAR_UNITS:
        return f"{period.amount}{CALENDAR_LABELS[period.unit]}"
    days, rest = divmod(period.amount, HOURS_PER_DAY)
    return f"{days}일({period.amount}시간)" if not rest else f"{period.amount}시간"


DEFAULT_HOURS = OfficeHours()


def compute_due(received: datetime, period: Period, days_off: DaysOff,
                hours: OfficeHours = DEFAULT_HOURS, explain: bool = True,
                after_hours: AfterHours = AfterHours.SAME_DAY) -> Deadline:
    """The due date-time of a 민원 received at `received`, with the steps that explain it
    (explain=False leaves them out: bulk work such as the demo or a calendar change).
    `after_hours` matters for a period in days received after closing on a working day, and
    for one in weeks, months or years received after closing or on a day off."""
    received = received.replace(second=0, microsecond=0, tzinfo=None)
    steps = _Steps() if explain else _NoSteps()
    if steps.on:
        steps.add("received", at=moment_text(received))
    if period.unit is Unit.HOURS:
        due = _count_hours(received, period, days_off, hours, steps)
    elif period.unit is Unit.DAYS:
        due = _count_days(received, period, days_off, hours, steps, after_hours)
    else:
        due = _count_calendar(received, period, days_off, hours, steps, after_hours)
    if steps.on:
        steps.add("due", due=moment_text(due))
    return Deadline(received, period, due, tuple(steps))


def _segments(day: date, hours: OfficeHours) -> list[tuple[datetime, datetime]]:
    """The working spans of a working day: morning and afternoon."""
    spans = [(datetime.combine(day, a), datetime.combine(day, b))
             for a, b in ((hours.start, hours.lunch_start), (hours.lunch_end, hours.end))]
    return [(a, b) for a, b in spans if b > a]


def _first_working_day(day: date, days_off: DaysOff, steps: _Steps | _NoSteps) -> date:
    while not days_off.is_working_day(day):
        if steps.on:
            steps.add("day_off", day=day_text(day), reason=days_off.reason(day))
        day += timedelta(days=1)
    return day


def _start_of_count(received: datetime, days_off: DaysOff, hours: OfficeHours,
                    steps: _Steps | _NoSteps) -> datetime:
    """The first working moment at or after receipt (a count in hours)."""
    day = received.date()
    if days_off.is_working_day(day) and received.time() >= hours.end:
        if steps.on:
            steps.add("after_hours", end=f"{hours.end:%H:%M}")
        day += timedelta(days=1)
    elif days_off.is_working_day(day):
        if received.time() < hours.start:
            if steps.on:
                steps.add("before_hours", start=f"{hours.start:%H:%M}")
            return datetime.combine(day, hours.start)
        if hours.lunch_start <= received.time() < hours.lunch_end:
            if steps.on:
                steps.add("at_lunch", end=f"{hours.lunch_end:%H:%M}")
            return datetime.combine(day, hours.lunch_end)
        return received
    day = _first_working_day(day, days_off, steps)
    return datetime.combine(day, hours.start)


def _count_hours(received: datetime, period: Period, days_off: DaysOff, hours: OfficeHours,
                 steps: _Steps | _NoSteps) -> datetime:
    needed = period.amount * 60
    if steps.on:
        steps.add("period_hours", label=period_label(period), per_day=HOURS_PER_DAY,
                  start=f"{hours.start:%H:%M}", end=f"{hours.end:%H:%M}",
                  lunch=f"{hours.lunch_start:%H:%M}–{hours.lunch_end:%H:%M}")
    cursor = _start_of_count(received, days_off, hours, steps)
    counted = 0
    while True:
        spans, day_minutes, due = [], 0, None
        for start, end in _segments(cursor.date(), hours):
            if end <= cursor:
                continue
            begin = max(start, cursor)
            take = min(int((end - begin).total_seconds() // 60), needed - counted - day_minutes)
            day_minutes += take
            if steps.on:
                spans.append(f"{begin:%H:%M}–{begin + timedelta(minutes=take):%H:%M}")
            if counted + day_minutes == needed:
                due = begin + timedelta(minutes=take)
                break
        counted += day_minutes
        if steps.on:
            steps.add("hours_counted", day=day_text(cursor.date()), spans=", ".join(spans),
                  hours=_hours_text(day_minutes), total=_hours_text(counted),
                  needed=needed // 60)
        if due is not None:
            return due
        next_day = _first_working_day(cursor.date() + timedelta(days=1), days_off, steps)
        cursor = datetime.combine(next_day, hours.start)


def _first_counted_day(received: datetime, days_off: DaysOff, hours: OfficeHours,
                       steps: _Steps | _NoSteps, after_hours: AfterHours) -> date:
    """Day 1 of a count in days: the day of receipt (days off are skipped by the count); after
    closing (18:00 itself included) the setting decides, and the step says which it was."""
    day = received.date()
    if days_off.is_working_day(day) and received.time() >= hours.end:
        if steps.on:
            steps.add(f"after_hours_{after_hours.value}", end=f"{hours.end:%H:%M}")
        if after_hours is AfterHours.NEXT_DAY:
            day += timedelta(days=1)
    return day


def _count_days(received: datetime, period: Period, days_off: DaysOff, hours: OfficeHours,
                steps: _Steps | _NoSteps, after_hours: AfterHours) -> datetime:
    if steps.on:
        steps.add("period_days", days=period.amount)
    day = _first_counted_day(received, days_off, hours, steps, after_hours)
    n = 0
    while True:
        day = _first_working_day(day, days_off, steps)
        n += 1
        # every counted day for the usual periods; for long ones the first, the last and
        # each day before a break, so the skipped days still show
        if steps.on and (period.amount <= 31 or n in (1, period.amount)
                         or not days_off.is_working_day(day + timedelta(days=1))):
            steps.add("day_counted", day=day_text(day), n=n)
        if n == period.amount:
            return datetime.combine(day, hours.end)
        day += timedelta(days=1)


def _count_calendar(received: datetime, period: Period, days_off: DaysOff, hours: OfficeHours,
                    steps: _Steps | _NoSteps, after_hours: AfterHours) -> datetime:
    """Weeks, months or years by the calendar (calendar_periods: 법 제19조③, 민법 제159조–161조)."""
    if steps.on:
        steps.add(f"period_{period.unit.value}", n=period.amount)
    weeks = period.amount if period.unit is Unit.WEEKS else 0
    months = 0 if weeks else period.amount * (12 if period.unit is Unit.YEARS else 1)
    day = count_calendar(received, weeks, months, days_off, hours.end,
                         after_hours is AfterHours.NEXT_DAY, steps)
    return datetime.combine(day, hours.end)
