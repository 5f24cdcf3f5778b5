"""Issue 18: the two rules made explicit.

1. A period in days received after office hours: the law's text (민원 처리에 관한 법률 제19조②,
   "일 단위로 계산하고 첫날을 산입") makes the day of receipt day 1 whatever the hour; an office
   may choose the next working day instead. 18:00 itself is after hours.
2. On time is judged to the minute: finished at 15:53:36 with a due time of 15:53:00 is on time.

Office hours are the default 09:00–12:00, 13:00–18:00. 설날 2027: Sat 6 – Mon 8 Feb, with the
substitute holiday on Tue 9 Feb.
"""
from __future__ import annotations

from datetime import date, datetime

import pytest

from pcrm_desktop.domain.deadlines import (
    AfterHours,
    DaysOff,
    Period,
    compute_due,
    finished_on_time,
    past_due,
)

SEOLLAL_2027 = DaysOff({date(2027, 2, 6): "설날 전날", date(2027, 2, 7): "설날",
                        date(2027, 2, 8): "설날 다음날", date(2027, 2, 9): "대체공휴일(설날)"})
PLAIN = DaysOff({})


def test_inquiry_received_friday_evening_before_seollal():
    # 질의 (7 days) received Fri 2027-02-05 19:00.
    received = datetime(2027, 2, 5, 19, 0)
    # the law's text: Fri 5 (1); 6–9 off; Wed 10 (2), Thu 11 (3), Fri 12 (4), Mon 15 (5),
    # Tue 16 (6), Wed 17 (7) → Wed 17 Feb 18:00. This is the default.
    literal = compute_due(received, Period.of_days(7), SEOLLAL_2027)
    assert literal.due == datetime(2027, 2, 17, 18, 0)
    assert "2027-02-05(금): 1일째" in literal.explanation()
    assert any("법 제19조②대로 접수일을 1일째로" in line for line in literal.explanation())
    # the office's choice: Wed 10 is day 1 → Thu 18 Feb 18:00
    next_day = compute_due(received, Period.of_days(7), SEOLLAL_2027,
                           after_hours=AfterHours.NEXT_DAY)
    assert next_day.due == datetime(2027, 2, 18, 18, 0)
    assert "2027-02-10(수): 1일째" in next_day.explanation()
    assert any("기관 설정에 따라 다음 근무일을 1일째로" in line for line in next_day.explanation())


@pytest.mark.parametrize("rule, at, due, after_hours_step", [
    # Tue 2026-12-01, 6 days, no holidays
    (AfterHours.SAME_DAY, "17:59", datetime(2026, 12, 8, 18, 0), False),
    (AfterHours.SAME_DAY, "18:00", datetime(2026, 12, 8, 18, 0), True),   # still day 1, said so
    (AfterHours.NEXT_DAY, "17:59", datetime(2026, 12, 8, 18, 0), False),
    (AfterHours.NEXT_DAY, "18:00", datetime(2026, 12, 9, 18, 0), True),   # 18:00 is after hours
])
def test_receipt_at_exactly_closing_time(rule, at, due, after_hours_step):
    d = compute_due(datetime.fromisoformat(f"2026-12-01 {at}"), Period.of_days(6), PLAIN,
                    after_hours=rule)
    assert d.due == due
    assert any(line.startswith("근무시간(18:00) 뒤 접수") for line in d.explanation()) \
        is after_hours_step


def test_the_setting_leaves_hours_and_days_off_alone():
    # a period in hours still starts at the next working moment, whatever the setting
    for rule in AfterHours:
        d = compute_due(datetime(2026, 12, 1, 18, 0), Period.of_hours(1), PLAIN, after_hours=rule)
        assert d.due == datetime(2026, 12, 2, 10, 0)
    # a receipt on a day off counts in days from the next working day under both settings
    for rule in AfterHours:
        d = compute_due(datetime(2027, 2, 6, 20, 0), Period.of_days(6), SEOLLAL_2027,
                        after_hours=rule)
        assert d.due == datetime(2027, 2, 17, 18, 0)


def test_period_steps_name_their_article():
    days = compute_due(datetime(2026, 12, 1, 10, 0), Period.of_days(6), PLAIN).explanation()
    hours = compute_due(datetime(2026, 12, 1, 10, 0), Period.of_days(2), PLAIN).explanation()
    assert "(법 제19조②)" in days[1] and "법 제19조①" in hours[1]


def test_on_time_is_judged_to_the_minute():
    due = datetime(2026, 11, 27, 15, 53)
    assert finished_on_time(datetime(2026, 11, 27, 15, 53, 36), due)
    assert finished_on_time(datetime(2026, 11, 27, 15, 53, 59, 999999), due)
    assert not finished_on_time(datetime(2026, 11, 27, 15, 54), due)
    assert not past_due(due, datetime(2026, 11, 27, 15, 53, 36))
    assert past_due(due, datetime(2026, 11, 27, 15, 54))
