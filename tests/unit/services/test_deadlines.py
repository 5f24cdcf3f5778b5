"""The 민원 clock as a service (services/calendar.py, complaints.preview_due), on the fakes.

The only day off besides weekends is Thursday 2026-03-05 (conftest.HOLIDAYS), and every due
date below is counted by hand from it: a period of 6+ days counts the day of receipt as day 1
and ends at 18:00 of the last day; a shorter one counts 8 working hours a day (09:00–12:00,
13:00–18:00)."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from pcrm_desktop.domain.complaints import Action, Channel, Intake
from pcrm_desktop.domain.deadlines import AfterHours, Period, Unit
from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.domain.privacy import PermissionDenied
from pcrm_desktop.services import calendar, categories, complaints
from tests.fakes import FIXED_NOW

MONDAY = FIXED_NOW  # 2026-03-02 09:30


def _receive(ctx, received: datetime = MONDAY, type_code: str = "inquiry",
             category_id: int | None = None) -> complaints.Received:
    return complaints.receive(ctx, Intake(received, Channel.VISIT, type_code, "보도블록 파손",
                                          category_id=category_id))


def _due(office, complaint_id: int) -> datetime:
    return office.db.committed.complaints[complaint_id]["due_at"]


# --- due dates, counted by hand -----------------------------------------------------------------

def test_seven_days_skip_the_weekend_and_the_holiday(office):
    # day 1 Mon 3/2, 2 Tue 3/3, 3 Wed 3/4, Thu 3/5 off, 4 Fri 3/6, Sat, Sun, 5 Mon 3/9,
    # 6 Tue 3/10, 7 Wed 3/11 → 2026-03-11 18:00
    writes = office.db.opened_for_write
    deadline = calendar.deadline(office.clerk, MONDAY, Period.of_days(7))
    assert deadline.due == datetime(2026, 3, 11, 18, 0)
    assert "2026-03-05(목): 시험 휴일, 세지 않음" in deadline.explanation()
    assert office.db.opened_for_write == writes  # a read: no write transaction at all


def test_the_holiday_calendar_comes_from_the_repository(office):
    """Without the holiday the same count ends a working day earlier (Tue 3/10)."""
    office.db.committed.holidays.clear()
    assert calendar.deadline(office.clerk, MONDAY, Period.of_days(7)).due == \
        datetime(2026, 3, 10, 18, 0)


def test_immediate_is_three_working_hours_around_lunch(office):
    # 11:00–12:00 is 1 hour, lunch, 13:00–15:00 is 2 more → 15:00 the same day
    got = calendar.deadline(office.clerk, datetime(2026, 3, 2, 11, 0), Period.now())
    assert got.due == datetime(2026, 3, 2, 15, 0)


def test_three_days_are_24_working_hours_over_the_holiday(office):
    # Mon 09:30–12:00 2.5 h + 13:00–18:00 5 h = 7.5; Tue 8 → 15.5; Wed 8 → 23.5; Thu off;
    # Fri 09:00–09:30 the last 0.5 → 2026-03-06 09:30
    assert calendar.deadline(office.clerk, MONDAY, Period.of_days(3)).due == \
        datetime(2026, 3, 6, 9, 30)


def test_office_hours_come_from_the_office_profile(office):
    """An office open 08:00–17:00 (lunch 12–13): immediate from 08:30 is 08:30–11:30 → 11:30
    (with the default 09:00–18:00 the count would start at 09:00 and end at 12:00)."""
    from dataclasses import replace
    from datetime import time

    from pcrm_desktop.domain.office import OfficeHours
    state = office.db.committed
    state.office = replace(state.office, hours=OfficeHours(time(8), time(12), time(13), time(17)))
    assert calendar.deadline(office.clerk, datetime(2026, 3, 2, 8, 30), Period.now()).due == \
        datetime(2026, 3, 2, 11, 30)


def test_extension_limit_is_the_period_again_from_the_next_working_day(office):
    # due Wed 3/11 18:00 (closing: the count starts the next day): 1 Thu 3/12, 2 Fri 3/13,
    # 3 Mon 3/16, 4 Tue 3/17, 5 Wed 3/18, 6 Thu 3/19, 7 Fri 3/20 → 2026-03-20 18:00
    assert calendar.extension_limit(office.clerk, datetime(2026, 3, 11, 18, 0),
                                    Period.of_days(7)) == datetime(2026, 3, 20, 18, 0)


def _category(office, name: str) -> int:
    """One of the categories every database starts with (도로·교통 > 도로 파손 …)."""
    return next(c["id"] for c in complaints.categories(office.clerk) if c["name"] == name)


def test_preview_takes_the_category_period_over_the_type_and_writes_nothing(office):
    parent, child = _category(office, "도로·교통"), _category(office, "도로 파손")
    categories.set_category_period(office.manager, parent, 3)
    commits = office.db.commits
    # the child has no period of its own: its parent's 3 days (24 working hours, as above)
    assert complaints.preview_due(office.clerk, MONDAY, "inquiry", child).due == \
        datetime(2026, 3, 6, 9, 30)
    categories.set_category_period(office.manager, child, 14)
    # 14 days: 1 Mon 3/2 … 3 Wed 3/4, (Thu off), 4 Fri 3/6, 5–9 Mon 3/9–Fri 3/13,
    # 10–14 Mon 3/16–Fri 3/20 → 2026-03-20 18:00
    assert complaints.preview_due(office.clerk, MONDAY, "inquiry", child).due == \
        datetime(2026, 3, 20, 18, 0)
    assert complaints.preview_due(office.clerk, MONDAY, "inquiry", None).due == \
        datetime(2026, 3, 11, 18, 0)  # no category: the type's 7 days
    assert office.db.commits == commits + 1  # only set_category_period wrote


def test_a_type_without_a_period_is_refused_at_intake(office):
    with pytest.raises(ValidationError) as refused:
        _receive(office.clerk, type_code="legal")  # 법정민원: set per service, none here
    assert refused.value.code == "period_not_set"
    assert office.db.committed.complaints == {}


# --- changing the clock moves open cases, in one transaction with its audit entry ---------------

def test_a_new_holiday_moves_open_cases_and_is_audited_with_them(office):
    case = _receive(office.clerk).complaint_id
    assert _due(office, case) == datetime(2026, 3, 11, 18, 0)
    commits = office.db.commits
    calendar.add_holiday(office.manager, date(2026, 3, 10), "임시공휴일")
    # Tue 3/10 off too: 5 Mon 3/9, 6 Wed 3/11, 7 Thu 3/12 → 2026-03-12 18:00
    assert _due(office, case) == datetime(2026, 3, 12, 18, 0)
    assert office.db.commits == commits + 1
    moved = [e for e in office.db.committed.events if e["kind"] == "due_moved"]
    assert [e["note"] for e in moved] == [
        "2026-03-10 임시공휴일 추가: 처리기한 2026-03-11 18:00 → 2026-03-12 18:00"]
    [entry] = office.entries("holiday.add")
    assert (entry.target, entry.detail) == ("2026-03-10",
                                           "임시공휴일; 열린 민원 1건 처리기한 다시 계산")
    assert entry.actor == "manager1"


def test_an_extended_case_keeps_the_date_the_applicant_was_told(office):
    case = _receive(office.clerk)
    complaints.act(office.clerk, case.complaint_id, Action.EXTEND, 1, "현장 확인 필요",
                   new_due=datetime(2026, 3, 18, 18, 0))
    calendar.add_holiday(office.manager, date(2026, 3, 10), "임시공휴일")
    assert _due(office, case.complaint_id) == datetime(2026, 3, 18, 18, 0)
    assert office.entries("holiday.add")[0].detail == "임시공휴일"  # nothing moved


def test_removing_the_holiday_moves_the_case_back(office):
    case = _receive(office.clerk).complaint_id
    calendar.remove_holiday(office.manager, date(2026, 3, 5))
    # Thu 3/5 a working day again: 4 Thu 3/5, 5 Fri 3/6, 6 Mon 3/9, 7 Tue 3/10
    assert _due(office, case) == datetime(2026, 3, 10, 18, 0)
    assert not office.db.committed.holidays[date(2026, 3, 5)]["active"]  # kept as removed
    assert office.entries("holiday.remove")[0].detail == \
        "시험 휴일; 열린 민원 1건 처리기한 다시 계산"


def test_after_hours_rule_next_day_moves_a_case_received_after_closing(office):
    evening = _receive(office.at(office.clerk, datetime(2026, 3, 2, 19, 0)),
                       datetime(2026, 3, 2, 19, 0)).complaint_id
    morning = _receive(office.clerk).complaint_id
    # same day (the law's text): 19:00 on Monday still makes Monday day 1 → Wed 3/11
    assert _due(office, evening) == _due(office, morning) == datetime(2026, 3, 11, 18, 0)
    assert calendar.set_after_hours_rule(office.manager, AfterHours.NEXT_DAY) == \
        frozenset({"office", "complaints"})
    # next day: 1 Tue 3/3, 2 Wed 3/4, (Thu off), 3 Fri 3/6, 4–7 Mon 3/9–Thu 3/12
    assert _due(office, evening) == datetime(2026, 3, 12, 18, 0)
    assert _due(office, morning) == datetime(2026, 3, 11, 18, 0)  # received in hours: unmoved
    assert office.db.committed.settings[calendar.AFTER_HOURS_SETTING] == "next_day"
    assert office.entries("office.update")[-1].detail == \
        "same_day → next_day; 열린 민원 1건 처리기한 다시 계산"


def test_setting_the_same_after_hours_rule_writes_nothing(office):
    commits = office.db.commits
    assert calendar.set_after_hours_rule(office.manager, AfterHours.SAME_DAY) == frozenset()
    assert office.db.commits == commits


# --- who may, and what is refused ------------------------------------------------------------------

@pytest.mark.parametrize("call", [
    lambda ctx: calendar.add_holiday(ctx, date(2026, 3, 10), "임시공휴일"),
    lambda ctx: calendar.remove_holiday(ctx, date(2026, 3, 5)),
    lambda ctx: calendar.set_type_period(ctx, "inquiry", 10),
    lambda ctx: calendar.set_after_hours_rule(ctx, AfterHours.NEXT_DAY),
], ids=["add_holiday", "remove_holiday", "set_type_period", "set_after_hours_rule"])
def test_a_clerk_may_read_the_clock_but_not_change_it(office, call):
    before = (office.db.commits, len(office.db.audit))
    with pytest.raises(PermissionDenied) as refused:
        call(office.clerk)
    assert refused.value.params["role"] == "clerk"
    assert (office.db.commits, len(office.db.audit)) == before
    assert calendar.days_off(office.clerk, date(2026, 3, 1), date(2026, 3, 31)).holidays == \
        {date(2026, 3, 5): "시험 휴일"}


def test_the_kiosk_may_not_even_read_the_clock(office):
    with pytest.raises(PermissionDenied):
        calendar.deadline(office.kiosk, MONDAY, Period.of_days(7))


def test_a_holiday_twice_is_refused_and_writes_nothing(office):
    commits = office.db.commits
    with pytest.raises(ValidationError) as refused:
        calendar.add_holiday(office.manager, date(2026, 3, 5), "또 휴일")
    assert refused.value.code == "holiday_exists"
    assert office.db.commits == commits
    with pytest.raises(ValidationError) as refused:
        calendar.remove_holiday(office.manager, date(2026, 3, 6))  # a Friday, not a holiday
    assert refused.value.code == "holiday_missing"


def test_a_type_period_is_set_checked_and_audited(office):
    assert calendar.set_type_period(office.manager, "inquiry", 10) == frozenset({"complaint_types"})
    assert calendar.type_period(office.clerk, "질의") == Period(Unit.DAYS, 10)  # by its Korean name
    assert office.entries("complaint_type.update")[0].detail == "7 → 10"
    calendar.set_type_period(office.manager, "inquiry", 1, Unit.MONTHS)
    assert office.entries("complaint_type.update")[1].detail == "10 → 1개월"
    commits = office.db.commits
    for code, days, unit, error in (("inquiry", 366, Unit.DAYS, "period_range"),
                                    ("inquiry", 13, Unit.MONTHS, "period_calendar_range"),
                                    ("nothing", 7, Unit.DAYS, "type_unknown")):
        with pytest.raises(ValidationError) as refused:
            calendar.set_type_period(office.manager, code, days, unit)
        assert refused.value.code == error
    assert office.db.commits == commits


def test_an_unknown_type_name_lists_the_known_ones(office):
    with pytest.raises(ValidationError) as refused:
        calendar.type_period(office.clerk, "없는유형")
    assert refused.value.params["known"] == "법정민원, 질의민원, 건의민원, 고충민원, 기타민원"
