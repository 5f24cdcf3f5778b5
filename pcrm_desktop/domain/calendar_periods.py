"""Periods set in weeks, months or years, counted by the calendar: pure Python, no Qt.

민원 처리에 관한 법률 제19조③: "민원의 처리기간을 주·월·연으로 정한 경우에는 첫날을 산입하되,
「민법」 제159조부터 제161조까지의 규정을 준용한다." So, step by step:
1. The first day (기산일) is the day of receipt, whatever the hour and even when it is a day
   off (제19조③ "첫날을 산입"; the count is by the calendar, so there is no working day to wait
   for). An office that chose to count a receipt after closing from the next working day (the
   setting `deadline.after_hours` = next_day) has a receipt after closing (18:00 itself
   included) or on a day off start on the next working day.
2. Every day counts, Saturdays, Sundays and holidays inside the period included (민법 제160조①:
   "역에 의하여 계산").
3. The period ends on the day before the day of the last week, month or year that corresponds
   to the first day (제160조②): received 2027-01-15, 1 month → 02-14; received on a Wednesday,
   1 week → the next Tuesday; 2027-02-28, 1 year → 2028-02-27.
4. When the last month has no such day, it ends on that month's last day (제160조③): received
   03-31, 1 month → 04-30; 01-30, 1 month → 02-28 (02-29 in a leap year); 2028-02-29, 1 year
   → 2029-02-28.
5. An end on a Saturday, Sunday, public or temporary holiday moves to the next day that is
   none of these (제161조, "그 익일로 만료", applied again while the next day is also off).
6. 제159조 ends the period with its last day; as a period in days, the due moment is the close
   of office hours on that day.
A period is at most a year, as one in days is (365): 52 weeks, 12 months or 1 year.
"""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Protocol

from pcrm_desktop.domain.messages import QT_TRANSLATE_NOOP

WEEKDAYS = "월화수목금토일"

CALENDAR_STEP_TEXTS: dict[str, str] = {
    "period_weeks": QT_TRANSLATE_NOOP(
        "deadline", "처리기간 {n}주: 달력으로 셉니다. "
                    "접수일을 첫날로 산입하고 사이의 토·일요일과 공휴일도 셉니다 (법 제19조③, 민법 제160조①)"),
    "period_months": QT_TRANSLATE_NOOP(
        "deadline", "처리기간 {n}개월: 달력으로 셉니다. "
                    "접수일을 첫날로 산입하고 사이의 토·일요일과 공휴일도 셉니다 (법 제19조③, 민법 제160조①)"),
    "period_years": QT_TRANSLATE_NOOP(
        "deadline", "처리기간 {n}년: 달력으로 셉니다. "
                    "접수일을 첫날로 산입하고 사이의 토·일요일과 공휴일도 셉니다 (법 제19조③, 민법 제160조①)"),
    "calendar_after_hours": QT_TRANSLATE_NOOP(
        "deadline", "근무시간({end}) 뒤 접수: 법 제19조③대로 접수일을 첫날로 셉니다 (설정: 접수일부터)"),
    "calendar_day_off": QT_TRANSLATE_NOOP(
        "deadline", "쉬는 날 접수: 달력으로 세므로 접수일을 첫날로 셉니다 (법 제19조③, 설정: 접수일부터)"),
    "calendar_next_day": QT_TRANSLATE_NOOP(
        "deadline", "근무시간 밖 접수: 기관 설정에 따라 다음 근무일을 첫날로 셉니다 (설정: 다음 근무일부터)"),
    "not_first_day": QT_TRANSLATE_NOOP("deadline", "{day}: {reason}, 첫날로 삼지 않음"),
    "first_day": QT_TRANSLATE_NOOP("deadline", "{day}: 첫날(기산일)"),
    "calendar_end": QT_TRANSLATE_NOOP(
        "deadline", "기산일에 해당하는 날 {corresponding}의 전날 {end}에 기간이 끝납니다 (민법 제160조②)"),
    "calendar_month_end": QT_TRANSLATE_NOOP(
        "deadline", "{month}에는 기산일({first})에 해당하는 날이 없어 "
                    "그 달의 말일 {end}에 기간이 끝납니다 (민법 제160조③)"),
    "end_day_off": QT_TRANSLATE_NOOP(
        "deadline", "{day}: {reason}, 기간의 말일이 토요일·공휴일이면 다음 날에 끝납니다 (민법 제161조)"),
}


class DaysOffLike(Protocol):
    """The office's days off (deadlines.DaysOff)."""
    def is_working_day(self, day: date) -> bool: ...
    def reason(self, day: date) -> str | None: ...


class StepsLike(Protocol):
    """Where the count's explanation goes (deadlines' steps; `on` False: nothing is kept)."""
    @property
    def on(self) -> bool: ...
    def add(self, code: str, **values: object) -> None: ...


def day_text(day: date) -> str:
    return f"{day.isoformat()}({WEEKDAYS[day.weekday()]})"


@dataclass(frozen=True)
class CalendarEnd:
    last: date                 # the period's last day, before 제161조
    corresponding: date | None  # the day corresponding to the first; None: the month has none


def period_end(first: date, weeks: int = 0, months: int = 0) -> CalendarEnd:
    """The last day of `weeks` weeks or `months` months counted from `first`, the first day
    included (민법 제160조②③)."""
    if weeks:
        corresponding = first + timedelta(weeks=weeks)
        return CalendarEnd(corresponding - timedelta(days=1), corresponding)
    extra_years, month = divmod(first.month - 1 + months, 12)
    year, month = first.year + extra_years, month + 1
    last_of_month = calendar.monthrange(year, month)[1]
    if first.day > last_of_month:
        return CalendarEnd(date(year, month, last_of_month), None)
    corresponding = date(year, month, first.day)
    return CalendarEnd(corresponding - timedelta(days=1), corresponding)


def first_day(received: datetime, days_off: DaysOffLike, closing: time, next_day: bool,
              steps: StepsLike) -> date:
    """The first day (기산일): the day of receipt; outside office hours (after `closing`, or on
    a day off) the next working day if the office chose so (`next_day`)."""
    day = received.date()
    working = days_off.is_working_day(day)
    if working and received.time() < closing:
        return day
    if not next_day:
        if steps.on and working:
            steps.add("calendar_after_hours", end=f"{closing:%H:%M}")
        elif steps.on:
            steps.add("calendar_day_off")
        return day
    if steps.on:
        steps.add("calendar_next_day")
    day += timedelta(days=1)
    while not days_off.is_working_day(day):
        if steps.on:
            steps.add("not_first_day", day=day_text(day), reason=days_off.reason(day))
        day += timedelta(days=1)
    return day


def count_calendar(received: datetime, weeks: int, months: int, days_off: DaysOffLike,
                   closing: time, next_day: bool, steps: StepsLike) -> date:
    """The due day of a period of `weeks` weeks or `months` months received at `received`,
    with its steps (`steps.add(code, **values)`, `steps.on`)."""
    first = first_day(received, days_off, closing, next_day, steps)
    end = period_end(first, weeks, months)
    if steps.on:
        steps.add("first_day", day=day_text(first))
        if end.corresponding is None:
            steps.add("calendar_month_end", month=f"{end.last:%Y-%m}", first=day_text(first),
                      end=day_text(end.last))
        else:
            steps.add("calendar_end", corresponding=day_text(end.corresponding),
                      end=day_text(end.last))
    day = end.last
    while not days_off.is_working_day(day):
        if steps.on:
            steps.add("end_day_off", day=day_text(day), reason=days_off.reason(day))
        day += timedelta(days=1)
    return day
