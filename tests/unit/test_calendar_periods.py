"""Periods set in weeks, months or years (issue 18): 민원 처리에 관한 법률 제19조③ with 민법
제159조–제161조. The first day (the day of receipt) counts, every day counts (Saturdays and
holidays inside too), the period ends the day before the corresponding day (the month's last
day when there is none), and an end on a Saturday, Sunday or holiday moves to the next day.

2027: 1 Jan is a Friday; 설날 Sat 6 – Mon 8 Feb with the substitute on Tue 9 Feb; 삼일절 is
Mon 1 Mar. Office hours are the default 09:00–18:00.
"""
from __future__ import annotations

from datetime import date, datetime

import pytest

from pcrm_desktop.domain.calendar_periods import period_end
from pcrm_desktop.domain.deadlines import (
    STEP_TEXTS,
    AfterHours,
    DaysOff,
    Period,
    Unit,
    check_period_setting,
    compute_due,
    period_for,
    period_label,
    setting_text,
)
from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.domain.messages import MESSAGES

OFF_2027 = DaysOff({date(2027, 2, 6): "설날 전날", date(2027, 2, 7): "설날",
                    date(2027, 2, 8): "설날 다음날", date(2027, 2, 9): "대체공휴일(설날)",
                    date(2027, 3, 1): "삼일절"})
PLAIN = DaysOff({})
MONTH, WEEK, YEAR = (Period.of_calendar(Unit.MONTHS, 1), Period.of_calendar(Unit.WEEKS, 1),
                     Period.of_calendar(Unit.YEARS, 1))


def due(received: str, period: Period, off: DaysOff = OFF_2027, **kw) -> datetime:
    return compute_due(datetime.fromisoformat(received), period, off, **kw).due


def steps(received: str, period: Period, off: DaysOff = OFF_2027, **kw) -> list[str]:
    return compute_due(datetime.fromisoformat(received), period, off, **kw).explanation()


# --- 민법 제160조: the last day -----------------------------------------------------------------

@pytest.mark.parametrize("first, weeks, months, last, corresponding", [
    (date(2027, 1, 15), 0, 1, date(2027, 2, 14), date(2027, 2, 15)),   # the day before the 15th
    (date(2027, 3, 1), 0, 1, date(2027, 3, 31), date(2027, 4, 1)),
    (date(2027, 3, 31), 0, 1, date(2027, 4, 30), None),    # no 31 April: the month's last day
    (date(2027, 1, 31), 0, 1, date(2027, 2, 28), None),
    (date(2028, 1, 30), 0, 1, date(2028, 2, 29), None),    # leap year: 29 Feb is the last
    (date(2028, 1, 29), 0, 1, date(2028, 2, 28), date(2028, 2, 29)),
    (date(2027, 11, 30), 0, 3, date(2028, 2, 29), None),   # across the year
    (date(2028, 2, 29), 0, 12, date(2029, 2, 28), None),   # 1 year from 29 Feb
    (date(2027, 2, 28), 0, 12, date(2028, 2, 27), date(2028, 2, 28)),
    (date(2027, 1, 13), 1, 0, date(2027, 1, 19), date(2027, 1, 20)),   # Wed → the next Tue
    (date(2027, 12, 29), 2, 0, date(2028, 1, 11), date(2028, 1, 12)),
])
def test_the_period_ends_the_day_before_the_corresponding_day(first, weeks, months, last,
                                                               corresponding):
    end = period_end(first, weeks=weeks, months=months)
    assert (end.last, end.corresponding) == (last, corresponding)


# --- the due date, with 민법 제161조 ------------------------------------------------------------

def test_one_month_from_the_fifteenth():
    # 15 Jan → 14 Feb is a Sunday: the period ends on Mon 15 Feb (제161조), at closing time
    assert due("2027-01-15 10:00", MONTH, PLAIN) == datetime(2027, 2, 15, 18, 0)
    # 2 Mar → 1 Apr (Thu), nothing to move
    assert due("2027-03-02 10:00", MONTH, PLAIN) == datetime(2027, 4, 1, 18, 0)


def test_an_end_on_saturday_moves_to_monday():
    # Thu 14 Jan → Sat 13 Feb; Sun 14 Feb → Mon 15 Feb
    assert due("2027-01-14 10:00", MONTH, PLAIN) == datetime(2027, 2, 15, 18, 0)
    lines = steps("2027-01-14 10:00", MONTH, PLAIN)
    assert "2027-02-13(토): 토요일, 기간의 말일이 토요일·공휴일이면 다음 날에 끝납니다 (민법 제161조)" in lines
    assert any(line.startswith("2027-02-14(일): 일요일") for line in lines)


def test_an_end_in_seollal_moves_past_every_day_off():
    # Thu 7 Jan, 1 month → Sat 6 Feb (설날 전날); 7, 8, 9 Feb are off too → Wed 10 Feb
    assert due("2027-01-07 10:00", MONTH) == datetime(2027, 2, 10, 18, 0)
    lines = steps("2027-01-07 10:00", MONTH)
    assert [line.split(":")[0] for line in lines if "민법 제161조" in line] == [
        "2027-02-06(토)", "2027-02-07(일)", "2027-02-08(월)", "2027-02-09(화)"]
    assert lines[-1] == "처리기한: 2027-02-10(수) 18:00"


def test_the_thirty_first_ends_on_the_last_day_of_a_shorter_month():
    assert due("2027-03-31 10:00", MONTH) == datetime(2027, 4, 30, 18, 0)   # Fri 30 Apr
    # 31 Jan → 28 Feb (Sun) → 1 Mar 삼일절 (Mon) → Tue 2 Mar
    assert due("2027-01-31 10:00", MONTH) == datetime(2027, 3, 2, 18, 0)


def test_leap_day_plus_one_year():
    assert due("2028-02-29 10:00", YEAR, PLAIN) == datetime(2029, 2, 28, 18, 0)  # Wed
    assert due("2028-02-29 10:00", Period.of_calendar(Unit.MONTHS, 12), PLAIN) == \
        datetime(2029, 2, 28, 18, 0)


def test_weeks_count_every_day():
    # Wed 13 Jan, 2 weeks → Tue 26 Jan: the weekends inside count (14 days in days would not)
    assert due("2027-01-13 10:00", Period.of_calendar(Unit.WEEKS, 2), PLAIN) == \
        datetime(2027, 1, 26, 18, 0)
    assert due("2027-01-13 10:00", Period.of_days(14), PLAIN) == datetime(2027, 2, 1, 18, 0)
    # a week across 설날: the days off inside count, only the end moves (Wed 3 → Tue 9 → Wed 10)
    assert due("2027-02-03 10:00", WEEK) == datetime(2027, 2, 10, 18, 0)


def test_holidays_inside_the_period_count():
    # Mon 25 Jan, 1 month → Wed 24 Feb, 설날 inside or not (a period in days would move)
    assert due("2027-01-25 10:00", MONTH) == due("2027-01-25 10:00", MONTH, PLAIN) == \
        datetime(2027, 2, 24, 18, 0)


# --- the first day and the office's after-hours setting --------------------------------------

@pytest.mark.parametrize("at, rule, expected", [
    ("2027-01-15 17:59", AfterHours.SAME_DAY, datetime(2027, 2, 15, 18, 0)),
    ("2027-01-15 18:00", AfterHours.SAME_DAY, datetime(2027, 2, 15, 18, 0)),  # the day counts
    ("2027-01-15 17:59", AfterHours.NEXT_DAY, datetime(2027, 2, 15, 18, 0)),
    ("2027-01-15 18:00", AfterHours.NEXT_DAY, datetime(2027, 2, 17, 18, 0)),  # from Mon 18 Jan
    ("2027-01-16 11:00", AfterHours.SAME_DAY, datetime(2027, 2, 15, 18, 0)),  # Sat: 16 Jan
    ("2027-01-16 11:00", AfterHours.NEXT_DAY, datetime(2027, 2, 17, 18, 0)),  # from Mon 18 Jan
])
def test_the_first_day_is_the_day_of_receipt_unless_the_office_chose_otherwise(at, rule,
                                                                              expected):
    assert due(at, MONTH, PLAIN, after_hours=rule) == expected


def test_the_steps_say_which_first_day_and_why():
    literal = steps("2027-01-15 19:00", MONTH, PLAIN)
    assert "근무시간(18:00) 뒤 접수: 법 제19조③대로 접수일을 첫날로 셉니다 (설정: 접수일부터)" in literal
    assert "2027-01-15(금): 첫날(기산일)" in literal
    chosen = steps("2027-01-15 19:00", MONTH, PLAIN, after_hours=AfterHours.NEXT_DAY)
    assert "근무시간 밖 접수: 기관 설정에 따라 다음 근무일을 첫날로 셉니다 (설정: 다음 근무일부터)" in chosen
    assert "2027-01-16(토): 토요일, 첫날로 삼지 않음" in chosen
    assert "2027-01-18(월): 첫날(기산일)" in chosen
    saturday = steps("2027-01-16 11:00", MONTH, PLAIN)
    assert any(line.startswith("쉬는 날 접수: 달력으로 세므로 접수일을 첫날로") for line in saturday)


def test_the_steps_name_their_articles_in_order():
    lines = steps("2027-01-15 10:00", MONTH, PLAIN)
    assert lines == [
        "접수: 2027-01-15(금) 10:00",
        "처리기간 1개월: 달력으로 셉니다. 접수일을 첫날로 산입하고 사이의 토·일요일과 공휴일도 셉니다 "
        "(법 제19조③, 민법 제160조①)",
        "2027-01-15(금): 첫날(기산일)",
        "기산일에 해당하는 날 2027-02-15(월)의 전날 2027-02-14(일)에 기간이 끝납니다 (민법 제160조②)",
        "2027-02-14(일): 일요일, 기간의 말일이 토요일·공휴일이면 다음 날에 끝납니다 (민법 제161조)",
        "처리기한: 2027-02-15(월) 18:00"]
    month_end = steps("2027-03-31 10:00", MONTH)
    assert "2027-04에는 기산일(2027-03-31(수))에 해당하는 날이 없어 그 달의 말일 2027-04-30(금)에 기간이 " \
           "끝납니다 (민법 제160조③)" in month_end
    assert steps("2027-01-13 10:00", WEEK, PLAIN)[1].startswith("처리기간 1주: 달력으로")
    assert steps("2028-02-29 10:00", YEAR, PLAIN)[1].startswith("처리기간 1년: 달력으로")
    # explain=False: the same date, no steps
    quiet = compute_due(datetime(2027, 1, 15, 10), MONTH, PLAIN, explain=False)
    assert quiet.steps == () and quiet.due == datetime(2027, 2, 15, 18, 0)


def test_the_period_once_more_for_an_extension():
    # as services.calendar.extension_limit counts it: from the working day after the due date
    assert due("2027-02-15 18:00", MONTH, PLAIN, after_hours=AfterHours.NEXT_DAY) == \
        datetime(2027, 3, 15, 18, 0)


# --- settings and their ranges ------------------------------------------------------------------

def test_a_setting_in_weeks_months_or_years():
    assert period_for(1, "질의민원", "months") == Period(Unit.MONTHS, 1)
    assert period_for(2, "", Unit.WEEKS) == Period(Unit.WEEKS, 2)
    assert period_for(7, "", None) == period_for(7, "", "days") == Period.of_days(7)  # as before
    assert period_for(0, "", "days") == Period.now()
    assert [period_label(p) for p in (WEEK, MONTH, YEAR)] == ["1주", "1개월", "1년"]
    assert setting_text(7) == "7" and setting_text(None, "days") == "None"
    assert setting_text(3, "months") == "3개월"


@pytest.mark.parametrize("amount, unit, code", [
    (0, "weeks", "period_calendar_range"),     # 즉시 is 0 days only
    (53, "weeks", "period_calendar_range"),
    (13, "months", "period_calendar_range"),
    (2, "years", "period_calendar_range"),     # at most a year, as 365 days
    (366, "days", "period_range"),
    (-1, "days", "period_range"),
    (3, "hours", "period_unit_unknown"),       # hours follow from days (제19조①), never set
    (3, "fortnights", "period_unit_unknown"),
])
def test_out_of_range_settings_are_refused(amount, unit, code):
    with pytest.raises(ValidationError) as refused:
        check_period_setting(amount, unit)
    assert refused.value.code == code and code in MESSAGES


def test_settings_in_range_are_accepted():
    for amount, unit in ((None, "months"), (0, "days"), (365, "days"), (52, "weeks"),
                         (12, "months"), (1, "years")):
        assert check_period_setting(amount, unit) is Unit(unit)
    with pytest.raises(ValidationError):
        Period.of_calendar(Unit.DAYS, 7)  # days are counted by 제19조①②, not by the calendar


def test_every_step_has_its_text():
    for code in ("period_weeks", "period_months", "period_years", "calendar_after_hours",
                 "calendar_day_off", "calendar_next_day", "not_first_day", "first_day",
                 "calendar_end", "calendar_month_end", "end_day_off"):
        assert code in STEP_TEXTS


def test_every_first_day_of_two_years():
    """For every first day of 2027–2028 and every length: the end is the day before the same
    date n months (weeks) on, or the last day of that month when it has no such date; the due
    day is the first working day from there; a longer period never ends earlier."""
    import calendar as cal
    from datetime import timedelta
    day = date(2027, 1, 1)
    while day <= date(2028, 12, 31):
        previous = day
        for months in range(1, 13):
            end = period_end(day, months=months)
            year, month = divmod(day.month - 1 + months, 12)
            year, month = day.year + year, month + 1
            last = cal.monthrange(year, month)[1]
            if day.day <= last:
                assert end.corresponding == date(year, month, day.day)
                assert end.last == end.corresponding - timedelta(days=1)
            else:
                assert end.corresponding is None and end.last == date(year, month, last)
            assert end.last >= previous
            previous = end.last
        assert period_end(day, weeks=3).last == day + timedelta(days=20)
        due_day = due(f"{day} 10:00", MONTH).date()
        assert OFF_2027.is_working_day(due_day) and due_day >= period_end(day, months=1).last
        assert all(not OFF_2027.is_working_day(d) for d in
                   (period_end(day, months=1).last + timedelta(days=i)
                    for i in range((due_day - period_end(day, months=1).last).days)))
        day += timedelta(days=1)
