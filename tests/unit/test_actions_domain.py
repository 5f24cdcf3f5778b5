"""개선과제 rules: the steps an action may take, what a draft must hold, when an evaluation may
run, and whether a figure's change after the action is real."""
from __future__ import annotations

from datetime import date

import pytest

from pcrm_desktop.domain.actions import (
    ActionStatus,
    Draft,
    check_evaluation,
    clean_draft,
    compare,
    next_status,
    verdict,
)
from pcrm_desktop.domain.errors import ConflictError, ValidationError
from pcrm_desktop.domain.survey_stats import Estimate, Moments, item_score, proportion

S = ActionStatus
DRAFT = Draft("  기초생활수급자 민원 처리 지연 개선 ", "복지 담당 전담 배정", "group:4", "on_time",
              "기초생활수급자 · 기한 내 처리율", date(2026, 9, 1), date(2026, 9, 30), None,
              date(2026, 12, 31))


def test_steps():
    assert next_status(S.PLANNED, S.IN_PROGRESS) is S.IN_PROGRESS
    assert next_status(S.IN_PROGRESS, S.DONE) is S.DONE
    assert next_status(S.DONE, S.IN_PROGRESS) is S.IN_PROGRESS  # not done after all
    for current, wanted in ((S.PLANNED, S.DONE), (S.EVALUATED, S.IN_PROGRESS), (S.DROPPED, S.PLANNED),
                            (S.DONE, S.EVALUATED)):  # evaluated only through an evaluation
        with pytest.raises(ConflictError):
            next_status(current, wanted)


def test_drafts():
    clean = clean_draft(DRAFT, date(2026, 11, 27))
    assert clean.title == "기초생활수급자 민원 처리 지연 개선"
    for bad in (Draft("", "", "group:4", "on_time", "", date(2026, 9, 1), date(2026, 9, 30)),
                Draft("x", "", "group:4", "speed", "", date(2026, 9, 1), date(2026, 9, 30)),
                Draft("x", "", "", "on_time", "", date(2026, 9, 1), date(2026, 9, 30)),
                Draft("x", "", "all", "on_time", "", date(2026, 9, 30), date(2026, 9, 1)),
                Draft("x", "", "all", "on_time", "", date(2026, 9, 1), date(2026, 9, 30), None,
                      date(2026, 11, 1))):
        with pytest.raises(ValidationError):
            clean_draft(bad, date(2026, 11, 27))


def test_evaluation_needs_a_done_action_and_a_later_period():
    check_evaluation(S.DONE, date(2026, 9, 30), date(2026, 10, 1), date(2026, 11, 30))
    with pytest.raises(ConflictError):
        check_evaluation(S.IN_PROGRESS, date(2026, 9, 30), date(2026, 10, 1), date(2026, 11, 30))
    with pytest.raises(ValidationError):  # overlaps the baseline
        check_evaluation(S.DONE, date(2026, 9, 30), date(2026, 9, 15), date(2026, 11, 30))


def test_an_on_time_rate_from_60_to_80_percent_on_100_cases_each_is_an_improvement():
    # 60/100 → 80/100: pooled p = 0.7, se = √(0.7·0.3·(1/100 + 1/100)) = 0.0648, z = 0.2/0.0648 = 3.09
    before, after = proportion(60, 100), proportion(80, 100)
    change = compare("on_time", before, after)
    assert change.statistic == pytest.approx(3.086, abs=0.01) and change.significant
    assert verdict("on_time", change) == "개선"
    small = compare("on_time", proportion(60, 100), proportion(65, 100))  # z = 0.73
    assert not small.significant and verdict("on_time", small) == "변화 없음"


def test_days_going_down_is_an_improvement_and_satisfaction_from_the_ranges():
    # days 6.0 → 4.0, each n 50 with sd 2: se = 2/√50 = 0.283 each; t = -2/0.4 = -5
    before = Estimate(6.0, 6.0 - 2.0096 * 0.2828, 6.0 + 2.0096 * 0.2828, 50)
    after = Estimate(4.0, 4.0 - 2.0096 * 0.2828, 4.0 + 2.0096 * 0.2828, 50)
    change = compare("days", before, after)
    assert change.statistic == pytest.approx(-5.0, abs=0.05) and verdict("days", change) == "개선"
    worse = compare("satisfaction", item_score(Moments(40, 40 * 4.0, 40 * 16 + 39 * 0.5), 5),
                    item_score(Moments(40, 40 * 3.5, 40 * 12.25 + 39 * 0.5), 5))
    assert worse.significant and verdict("satisfaction", worse) == "악화"
    assert compare("satisfaction", Estimate(None, None, None, 0), after) is None
    assert verdict("satisfaction", None) == "판단 불가"
