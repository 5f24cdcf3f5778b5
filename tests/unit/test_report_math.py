"""The monthly report's own arithmetic: working days between receipt and finish on a holiday
calendar, and when a change in a monthly count is significant."""
from __future__ import annotations

from datetime import date

import pytest

from pcrm_desktop.domain.deadlines import DaysOff, WorkdayCounter
from pcrm_desktop.domain.survey_stats import count_change

# 2026 추석: 9/24–9/26 (Thu–Sat), 개천절 10/3 (Sat), its substitute 10/5 (Mon), 한글날 10/9 (Fri)
OFF = DaysOff({date(2026, 9, 24): "추석 연휴", date(2026, 9, 25): "추석", date(2026, 9, 26): "추석 연휴",
               date(2026, 10, 3): "개천절", date(2026, 10, 5): "대체공휴일", date(2026, 10, 9): "한글날"})


@pytest.mark.parametrize("received, finished, days", [
    (date(2026, 10, 6), date(2026, 10, 6), 0),    # same day
    (date(2026, 10, 6), date(2026, 10, 7), 1),
    (date(2026, 10, 2), date(2026, 10, 6), 1),    # Fri → Tue over Sat (개천절), Sun, Mon (대체)
    (date(2026, 10, 3), date(2026, 10, 6), 1),    # received on a holiday: counts from it as Friday
    (date(2026, 9, 23), date(2026, 9, 29), 2),    # over 추석: 9/28 Mon, 9/29 Tue
    (date(2026, 10, 8), date(2026, 10, 13), 2),   # 한글날 Fri, weekend: Mon 12, Tue 13
    (date(2026, 9, 21), date(2026, 10, 30), 25),  # weeks after 9/21: 2 (추석 Thu, Fri) + 5 + 3 + 5 + 5 + 5
])
def test_working_days(received, finished, days):
    counter = WorkdayCounter(OFF, date(2026, 9, 1), date(2026, 10, 31))
    assert counter.between(received, finished) == days


def test_outside_the_counted_days_is_refused_not_guessed():
    counter = WorkdayCounter(OFF, date(2026, 9, 1), date(2026, 10, 31))
    with pytest.raises(ValueError):
        counter.between(date(2026, 8, 31), date(2026, 9, 2))


def test_count_changes():
    # 400 → 480: z = 80 / √880 = 2.70, significant; 400 → 430: z = 30 / √830 = 1.04, not
    assert count_change(400, 480).significant and count_change(400, 480).statistic == pytest.approx(2.697, abs=0.001)
    assert not count_change(400, 430).significant
    assert count_change(20, 60).difference == 40 and not count_change(20, 60).significant  # a month under 30
    assert count_change(0, 0).difference == 0 and not count_change(0, 0).significant
