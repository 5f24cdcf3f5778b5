"""The 민원 clock on concrete dates. Each case says why the answer is what it is.

Office hours are the default 09:00–12:00 and 13:00–18:00 (8 working hours a day). The 2026
days off below are those of the official calendar (and of the `holidays` package, checked in
the last test): 설날 16–18 Feb (Mon–Wed), 삼일절 1 Mar (Sun) with its substitute on Mon 2 Mar,
추석 24–26 Sep (Thu–Sat), 개천절 3 Oct (Sat) with its substitute on Mon 5 Oct, 한글날 9 Oct (Fri).
"""
from __future__ import annotations

from datetime import date, datetime, time

import pytest

from pcrm_desktop.domain.deadlines import (
    DaysOff,
    Period,
    Unit,
    compute_due,
    period_for,
)
from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.domain.office import OfficeHours

OFF_2026 = DaysOff({
    date(2026, 1, 1): "신정",
    date(2026, 2, 16): "설날 전날", date(2026, 2, 17): "설날", date(2026, 2, 18): "설날 다음날",
    date(2026, 3, 1): "삼일절", date(2026, 3, 2): "삼일절 대체 휴일",
    date(2026, 9, 24): "추석 전날", date(2026, 9, 25): "추석", date(2026, 9, 26): "추석 다음날",
    date(2026, 10, 3): "개천절", date(2026, 10, 5): "개천절 대체 휴일",
    date(2026, 10, 9): "한글날",
})


def due(received: str, period: Period, off: DaysOff = OFF_2026, hours: OfficeHours | None = None):
    return compute_due(datetime.fromisoformat(received), period, off, hours or OfficeHours())


def test_periods_follow_the_law():
    # 5 days or less: working hours, 8 a day; 6 or more: days; 즉시: 3 working hours
    assert Period.of_days(1) == Period(Unit.HOURS, 8)
    assert Period.of_days(5) == Period(Unit.HOURS, 40)
    assert Period.of_days(6) == Period(Unit.DAYS, 6)
    assert Period.now() == Period(Unit.HOURS, 3, immediate=True)
    assert period_for(0) == Period.now() and period_for(14) == Period(Unit.DAYS, 14)
    for bad in (0, -1, 366):
        with pytest.raises(ValidationError):
            Period.of_days(bad)
    with pytest.raises(ValidationError):
        Period.of_hours(41)  # more than 5 days of hours: give days
    with pytest.raises(ValidationError) as caught:
        period_for(None, "법정민원")  # set per service
    assert caught.value.code == "period_not_set"


def test_short_period_across_a_weekend():
    # Fri 2026-11-27 15:00, 2 days = 16 hours: Fri 15–18 gives 3; Sat and Sun do not count;
    # Mon gives 8 (11 in all); Tue 09–12 gives 3 (14), 13–15 the last 2 → Tue 15:00.
    d = due("2026-11-27 15:00", Period.of_days(2))
    assert d.due == datetime(2026, 12, 1, 15, 0)
    text = "\n".join(d.explanation())
    assert "2026-11-28(토): 토요일, 세지 않음" in text and "2026-11-29(일): 일요일, 세지 않음" in text


def test_short_period_across_seollal():
    # Fri 2026-02-13 17:00, 4 hours: Fri 17–18 gives 1; Sat, Sun, then 설날 Mon–Wed are off;
    # Thu 19 Feb 09–12 gives the other 3 → Thu 12:00.
    d = due("2026-02-13 17:00", Period.of_hours(4))
    assert d.due == datetime(2026, 2, 19, 12, 0)
    assert "2026-02-17(화): 설날, 세지 않음" in d.explanation()


def test_short_period_across_chuseok():
    # Wed 2026-09-23 16:00, 3 days = 24 hours: Wed 16–18 gives 2; 추석 Thu–Sat and Sunday off;
    # Mon 28 and Tue 29 give 8 each (18); Wed 30 09–12 and 13–16 give the last 6 → Wed 16:00.
    assert due("2026-09-23 16:00", Period.of_days(3)).due == datetime(2026, 9, 30, 16, 0)


def test_across_a_substitute_holiday():
    # Fri 2026-02-27 10:00, 1 day = 8 hours: Fri 10–12 and 13–18 give 7; the weekend, then
    # Mon 2 Mar, the substitute for 삼일절 (Sun 1 Mar), are off; Tue 3 Mar 09–10 gives the last
    # hour → Tue 10:00.
    d = due("2026-02-27 10:00", Period.of_days(1))
    assert d.due == datetime(2026, 3, 3, 10, 0)
    assert "2026-03-02(월): 삼일절 대체 휴일, 세지 않음" in d.explanation()


def test_received_after_office_hours():
    # Tue 2026-12-01 19:30, after 18:00: counting starts Wed 09:00; 3 hours → Wed 12:00.
    d = due("2026-12-01 19:30", Period.of_hours(3))
    assert d.due == datetime(2026, 12, 2, 12, 0)
    assert any("뒤 접수" in line for line in d.explanation())
    # before opening: from 09:00 the same day; 8 hours → 18:00 the same day
    assert due("2026-12-01 07:10", Period.of_days(1)).due == datetime(2026, 12, 1, 18, 0)
    # at lunch: from 13:00; 2 hours → 15:00
    assert due("2026-12-01 12:20", Period.of_hours(2)).due == datetime(2026, 12, 1, 15, 0)
    # exactly at 18:00 is after hours; exactly at 12:00 is lunch
    assert due("2026-12-01 18:00", Period.of_hours(1)).due == datetime(2026, 12, 2, 10, 0)
    assert due("2026-12-01 12:00", Period.of_hours(1)).due == datetime(2026, 12, 1, 14, 0)
    # a period in days received after hours: by default (the law's text, 법 제19조②) the day
    # of receipt is still day 1 (Fri 2026-11-27 20:00: Fri 27, Mon 30 Nov, Tue 1–Fri 4 Dec →
    # Fri 4 Dec 18:00); the office setting NEXT_DAY is in test_deadlines_rules.py
    assert due("2026-11-27 20:00", Period.of_days(6)).due == datetime(2026, 12, 4, 18, 0)


def test_received_on_a_holiday():
    # 추석 Fri 2026-09-25 11:00: the count starts at the next working moment, Mon 28 Sep 09:00;
    # 즉시 = 3 working hours → Mon 12:00.
    assert due("2026-09-25 11:00", Period.now()).due == datetime(2026, 9, 28, 12, 0)
    # in days: Mon 28 Sep is day 1; 7 days → 28, 29, 30 Sep, 1, 2 Oct (5); 3 Oct (Sat, 개천절),
    # Sun, Mon 5 Oct (substitute) off; Tue 6 (6), Wed 7 (7) → Wed 7 Oct 18:00
    assert due("2026-09-25 11:00", Period.of_days(7)).due == datetime(2026, 10, 7, 18, 0)


def test_fourteen_day_period():
    # Tue 2026-09-22 10:00, 14 days, the day of receipt being day 1: 22, 23 Sep (2); 추석 and
    # the weekend off; 28 Sep–2 Oct (7); 3–5 Oct off; 6–8 Oct (10); 9 Oct 한글날 and the weekend
    # off; 12, 13, 14, 15 Oct (14) → Thu 15 Oct at the end of office hours.
    d = due("2026-09-22 10:00", Period.of_days(14))
    assert d.due == datetime(2026, 10, 15, 18, 0)
    counted = [line for line in d.explanation() if line.endswith("일째")]
    assert counted[0] == "2026-09-22(화): 1일째" and counted[-1] == "2026-10-15(목): 14일째"
    assert len(counted) == 14


def test_immediately_means_three_working_hours():
    # Mon 2026-11-30 10:30: 10:30–12:00 gives 1.5 hours; 13:00–14:30 the other 1.5 → 14:30
    d = due("2026-11-30 10:30", Period.now())
    assert d.due == datetime(2026, 11, 30, 14, 30)
    assert "10:30–12:00, 13:00–14:30 → 3시간 (누계 3시간 / 3시간)" in d.explanation()[2]


def test_a_holiday_added_afterwards_moves_the_due_date():
    # Wed 2026-12-02 09:00, 3 days = 24 hours: Wed, Thu, Fri → Fri 4 Dec 18:00. A temporary
    # holiday declared for Thu 3 Dec moves it by one working day → Mon 7 Dec 18:00.
    before = due("2026-12-02 09:00", Period.of_days(3))
    assert before.due == datetime(2026, 12, 4, 18, 0)
    declared = DaysOff({**OFF_2026.holidays, date(2026, 12, 3): "임시공휴일"})
    after = due("2026-12-02 09:00", Period.of_days(3), declared)
    assert after.due == datetime(2026, 12, 7, 18, 0)
    assert "2026-12-03(목): 임시공휴일, 세지 않음" in after.explanation()


def test_other_office_hours():
    # An office open 08:00–17:00 with lunch 11:30–12:30 (still 8 hours): 1 day from Mon 16:00
    # → Mon 16–17 (1), Tue 08–11:30 (3.5; 4.5 in all), 12:30–16:00 (the last 3.5) → Tue 16:00.
    hours = OfficeHours(time(8, 0), time(11, 30), time(12, 30), time(17, 0))
    assert due("2026-11-30 16:00", Period.of_days(1), hours=hours).due == datetime(2026, 12, 1, 16, 0)


def test_the_package_knows_these_days_off():
    import holidays
    known = holidays.KR(years=2026)
    for day in OFF_2026.holidays:
        if day.weekday() < 5 or day in (date(2026, 3, 1), date(2026, 9, 26), date(2026, 10, 3)):
            assert day in known, day
