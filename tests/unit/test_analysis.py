"""The statistics of the customer-group analysis and of IPA (domain.analysis) on examples worked
by hand: Pearson's r from sums, the quadrants, the gaps against everyone else (flagged and not
flagged), working days on the log scale, the mean's t interval, the rate per 1,000."""
from __future__ import annotations

import math

import pytest

from pcrm_desktop.domain.analysis import (
    FIX_FIRST,
    KEEP_UP,
    LOW_PRIORITY,
    OVERKILL,
    PairSums,
    complement,
    days_gap,
    days_moments,
    mean_estimate,
    mean_gap,
    pearson,
    per_thousand,
    place,
    rate_gap,
)
from pcrm_desktop.domain.survey_stats import Moments

X = (1, 2, 3, 4, 5)
Y = (2, 1, 4, 3, 5)


def _sums(xs, ys, times: int = 1) -> PairSums:
    xs, ys = xs * times, ys * times
    return PairSums(len(xs), sum(xs), sum(ys), sum(x * x for x in xs), sum(y * y for y in ys),
                    sum(x * y for x, y in zip(xs, ys)))


def test_pearson_worked_example():
    # n = 5, Σx = Σy = 15, Σx² = Σy² = 55, Σxy = 2 + 2 + 12 + 12 + 25 = 53
    # nΣxy − ΣxΣy = 265 − 225 = 40; nΣx² − (Σx)² = nΣy² − (Σy)² = 275 − 225 = 50
    # r = 40 / √(50 · 50) = 0.8
    s = _sums(X, Y)
    assert (s.n, s.sx, s.sy, s.sxx, s.syy, s.sxy) == (5, 15, 15, 55, 55, 53)
    assert pearson(s, at_least=3) == pytest.approx(0.8)


def test_pearson_needs_30_pairs_by_default_and_does_not_depend_on_repeats():
    assert pearson(_sums(X, Y)) is None                       # 5 pairs: not shown
    assert pearson(_sums(X, Y, 6)) == pytest.approx(0.8)      # the same 5 pairs × 6 = 30
    assert pearson(_sums(X, tuple(reversed(X)), 6)) == pytest.approx(-1.0)


def test_pearson_without_spread_is_none():
    # everyone answered OVERALL 4: nΣy² − (Σy)² = 30·480 − 120² = 0
    assert pearson(_sums(X, (4,) * 5, 6)) is None


def test_quadrants_worked_example():
    # performance: 70, 80, 60, 90, 65 → mean 365 / 5 = 73
    # importance: 0.60, 0.70, 0.30, 0.20, 0.65 → mean 2.45 / 5 = 0.49
    # A 70 < 73, 0.60 ≥ 0.49: fix first;  B 80 ≥ 73, 0.70 ≥ 0.49: keep up
    # C 60 < 73, 0.30 < 0.49: low priority;  D 90 ≥ 73, 0.20 < 0.49: overkill
    # E 65 < 73, 0.65 ≥ 0.49: fix first — before A, being more important
    points = {"A": (70, 0.60), "B": (80, 0.70), "C": (60, 0.30), "D": (90, 0.20), "E": (65, 0.65)}
    placed = place(points)
    assert placed.mean_performance == pytest.approx(73)
    assert placed.mean_importance == pytest.approx(0.49)
    assert placed.quadrants == {"A": FIX_FIRST, "B": KEEP_UP, "C": LOW_PRIORITY, "D": OVERKILL,
                                "E": FIX_FIRST}
    assert placed.fix_first == ["E", "A"]


def test_quadrants_on_the_lines_and_without_items():
    # means 75 and 0.5; P sits on both lines: important (≥), not below average (≥) → keep up
    placed = place({"P": (75, 0.5), "Q": (70, 0.7), "R": (80, 0.3)})
    assert placed.quadrants["P"] == KEEP_UP
    assert placed.quadrants["Q"] == FIX_FIRST and placed.quadrants["R"] == OVERKILL
    empty = place({})
    assert (empty.mean_performance, empty.quadrants, empty.fix_first) == (None, {}, [])


def test_on_time_gap_flagged():
    # group 30 of 60 on time; everyone 430 of 560 → everyone else 400 of 500 (80 %)
    # difference 50 % − 80 % = −30 points; pooled p = 430/560 = 0.767857
    # se = √(0.767857 · 0.232143 · (1/500 + 1/60)) = √(0.178253 · 0.0186667) = 0.057683
    # z = −0.30 / 0.057683 = −5.2008, |z| > 1.96 → significant
    gap = rate_gap(30, 60, 430, 560)
    assert gap.difference == pytest.approx(-30.0)
    assert gap.statistic == pytest.approx(-5.2008, abs=1e-3)
    assert gap.significant


def test_on_time_gap_not_flagged():
    # group 45 of 60 (75 %); everyone 445 of 560 → everyone else 400 of 500 (80 %)
    # pooled p = 445/560 = 0.794643; se = √(0.794643 · 0.205357 · 0.0186667) = 0.055192
    # z = −0.05 / 0.055192 = −0.9059 → not significant
    gap = rate_gap(45, 60, 445, 560)
    assert gap.difference == pytest.approx(-5.0)
    assert gap.statistic == pytest.approx(-0.9059, abs=1e-3)
    assert not gap.significant


def test_gaps_need_30_on_both_sides():
    assert rate_gap(10, 20, 410, 520) is None          # the group has 20
    assert rate_gap(500, 540, 520, 560) is None        # everyone else has 20
    assert mean_gap(Moments(20, 60, 200), Moments(420, 1260, 4200)) is None


def test_mean_gap_flagged_and_not():
    # group: n 40, mean 5, variance 4 → Σx = 200, Σx² = 39·4 + 40·25 = 1156
    # everyone else: n 400, mean 3, variance 4 → Σx = 1200, Σx² = 399·4 + 400·9 = 5196
    # everyone: (440, 1400, 6352); se² = 4/40 + 4/400 = 0.11, t = 2 / 0.33166 = 6.0302
    total = Moments(440, 1400, 6352)
    gap = mean_gap(Moments(40, 200, 1156), total)
    assert complement(total, Moments(40, 200, 1156)) == Moments(400, 1200, 5196)
    assert gap.difference == pytest.approx(2.0)
    assert gap.statistic == pytest.approx(6.0302, abs=1e-3)
    assert gap.significant
    # group mean 3.2, variance 4 → Σx = 128, Σx² = 156 + 40·10.24 = 565.6; everyone else as
    # above: t = 0.2 / 0.33166 = 0.6030 → not significant; on 100 points (× 25): +5.0
    quiet = mean_gap(Moments(40, 128, 565.6), Moments(440, 1328, 5761.6), 25)
    assert quiet.difference == pytest.approx(5.0)
    assert quiet.statistic == pytest.approx(0.6030, abs=1e-3)
    assert not quiet.significant


def test_days_moments():
    # two cases of 0 days, one of 3: Σd = 3, Σd² = 9; log(1 + d): 0, 0, ln 4 = 1.386294
    days, logged = days_moments([(0, 2), (3, 1)])
    assert days == Moments(3, 3, 9)
    assert logged.n == 3
    assert logged.total == pytest.approx(math.log(4))
    assert logged.total_sq == pytest.approx(math.log(4) ** 2)


def test_days_gap_is_not_fooled_by_a_long_tail():
    # group: 20 cases of 2 days, 20 of 4 → mean 3, variance 40/39 = 1.02564
    # everyone else: 495 of 2, 495 of 4 and 10 stuck for 60 days → n 1000, Σ = 3570,
    # Σ² = 45900, mean 3.57, variance (45900 − 12744.9)/999 = 33.1883
    # in days: se² = 1.02564/40 + 33.1883/1000 = 0.058829, t = −0.57 / 0.242547 = −2.3501:
    # 'significantly faster' only because the group holds none of the stuck cases
    # in log(1 + d): group values ln 3 = 1.098612 and ln 5 = 1.609438, mean 1.354025,
    # variance 40 · 0.255413² / 39 = 0.066909; everyone else mean 1381.5934/1000 = 1.381593,
    # variance (2048.6262 − 1908.8007)/999 = 0.139965
    # se² = 0.066909/40 + 0.139965/1000 = 0.0018127, t = −0.027568 / 0.042576 = −0.6475
    part, part_log = days_moments([(2, 20), (4, 20)])
    rest, rest_log = days_moments([(2, 495), (4, 495), (60, 10)])
    total = Moments(1040, part.total + rest.total, part.total_sq + rest.total_sq)
    total_log = Moments(1040, part_log.total + rest_log.total, part_log.total_sq + rest_log.total_sq)
    plain = mean_gap(part, total)
    assert plain.statistic == pytest.approx(-2.3501, abs=1e-3) and plain.significant
    gap = days_gap(part, total, part_log, total_log)
    assert gap.difference == pytest.approx(-0.57)            # still told in working days
    assert gap.statistic == pytest.approx(-0.6475, abs=1e-3)
    assert not gap.significant


def test_days_gap_flags_a_slow_group():
    # group: 20 of 6 days, 20 of 10 (mean 8); everyone else 495 of 2, 495 of 4, 10 of 60
    # log: group ln 7 = 1.945910, ln 11 = 2.397895, mean 2.171903 against 1.381593: t ≈ 13
    part, part_log = days_moments([(6, 20), (10, 20)])
    rest, rest_log = days_moments([(2, 495), (4, 495), (60, 10)])
    total = Moments(1040, part.total + rest.total, part.total_sq + rest.total_sq)
    total_log = Moments(1040, part_log.total + rest_log.total, part_log.total_sq + rest_log.total_sq)
    gap = days_gap(part, total, part_log, total_log)
    assert gap.difference == pytest.approx(8 - 3.57)
    assert gap.significant and gap.statistic > 10
    assert days_gap(Moments(10, 30, 100), total, Moments(10, 10, 12), total_log) is None


def test_mean_estimate_t_interval():
    # days 1, 2, 3, 4: mean 2.5, variance (30 − 4 · 6.25)/3 = 5/3, se = √(5/12) = 0.645497
    # t(0.975, 3) = 3.1824 → half width 2.05423 → 0.44577 … 4.55423
    e = mean_estimate(Moments(4, 10, 30))
    assert (e.value, e.n) == (2.5, 4)
    assert e.low == pytest.approx(0.44577, abs=1e-4) and e.high == pytest.approx(4.55423, abs=1e-4)
    assert mean_estimate(Moments(0)).value is None


def test_per_thousand():
    assert per_thousand(58, 29) == pytest.approx(2000.0)
    assert per_thousand(3, 0) is None and per_thousand(3, None) is None


def test_holm_keeps_the_family_error_at_5_percent():
    from pcrm_desktop.domain.analysis import holm
    from pcrm_desktop.domain.survey_stats import Change
    # p ≈ 0.0001 (z 3.9), 0.02 (z 2.33), 0.04 (z 2.05) among 4 tests (the 4th: z 0.5):
    # Holm compares 0.0001 ≤ .05/4, then 0.02 > .05/3 = 0.0167: stops; only the first stays
    changes = [Change(5.0, True, 3.9), Change(2.0, True, 2.33), Change(1.5, True, 2.05),
               Change(0.3, False, 0.5)]
    adjusted = holm(changes)
    assert [c.significant for c in adjusted] == [True, False, False, False]
    assert [c.difference for c in adjusted] == [5.0, 2.0, 1.5, 0.3]  # the figures stay
    # a test refused for its size (significant=False with a large statistic) stays refused but
    # still counts in the family
    assert [c.significant for c in holm([Change(4.0, False, 4.0), Change(3.0, True, 3.0)])] == [False, True]
    assert holm([None, Change(1.0, True, 5.0)])[0] is None
