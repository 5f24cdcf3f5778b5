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
    (date(2026, 10, 3), date(2026, 10, 6), 0),    # received on a holiday: deemed received Tue 10/6
    (date(2026, 10, 3), date(2026, 10, 7), 1),
    (date(2026, 10, 4), date(2026, 10, 4), 0),    # handled on the Sunday it came in
    (date(2026, 10, 8), date(2026, 10, 7), 0),    # "finished" before received (an imported oddity)
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


def test_count_changes_over_working_days_and_dispersion():
    from pcrm_desktop.domain.survey_stats import dispersion
    # January 2,100 in 21 working days, February 1,700 in 17 (설날): the same 100 a day
    same_rate = count_change(2100, 1700, 21, 17)
    assert same_rate.difference == -400 and same_rate.statistic == pytest.approx(0.0) and not same_rate.significant
    # 1,000 → 1,200 over equal months: z = 200/√2200 = 4.26 … unless months usually swing like
    # that: with φ = 25 (sd of a month ≈ 5 √N) z = 4.26/5 = 0.85
    assert count_change(1000, 1200).significant
    assert not count_change(1000, 1200, dispersion=25).significant
    # φ from months of 100, 140, 60, 100 over equal exposures: χ² = (0 + 16 + 16 + 0) = 32, /3
    assert dispersion([100, 140, 60, 100], [1, 1, 1, 1]) == pytest.approx(32 / 3)
    assert dispersion([100, 101, 99], [1, 1, 1]) == 1.0  # calmer than Poisson: never below 1
