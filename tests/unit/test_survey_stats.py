"""Satisfaction indices and intervals against values worked by hand (DOMAIN.md §5)."""
from __future__ import annotations

import math

import pytest

from pcrm_desktop.domain.survey_stats import (
    NA,
    cs_index,
    element_score,
    fpc,
    item_score,
    mean_change,
    nps,
    proportion_change,
    recommend_score,
    response_rate,
    t_quantile,
    tally,
    top_two_box,
    visibility,
    wilson,
)


def test_tally_keeps_na_and_skipped_out_of_the_denominator():
    counts = tally([5, NA, 3, None, "", 4])
    assert counts.valid == (5.0, 3.0, 4.0)
    assert (counts.n, counts.not_applicable, counts.skipped) == (3, 1, 2)


def test_item_score_is_mean_minus_one_over_k_minus_one():
    # [5, 4, 4, 3, 5]: mean 4.2 → (4.2 − 1) × 25 = 80.0 (not 4.2 / 5 × 100 = 84)
    assert item_score([5, 4, 4, 3, 5]).value == pytest.approx(80.0)
    # 해당없음 does not count: [5, NA, 3] has mean 4 → 75
    est = item_score([5, NA, 3])
    assert est.value == pytest.approx(75.0) and est.n == 2 and est.not_applicable == 1
    # a 7-point item: mean 5.5 → (5.5 − 1) / 6 × 100 = 75
    assert item_score([5, 6], k=7).value == pytest.approx(75.0)
    assert item_score([NA, None]).value is None
    with pytest.raises(ValueError):
        item_score([6], k=5)  # out of range is an error, never coerced


def test_item_score_interval_by_hand():
    # 40 answers: 20 fives and 20 threes. Mean 4, sd = √(40/39) = 1.01274 (each deviation 1),
    # t(0.975, 39) = 2.02269, half-width 2.02269 × 1.01274 / √40 = 0.32388 on the 1–5 scale,
    # × 25 = 8.097 on the 100-point scale: 75 ± 8.097.
    est = item_score([5] * 20 + [3] * 20)
    assert est.value == pytest.approx(75.0)
    assert est.high - est.value == pytest.approx(8.097, abs=0.002)
    assert est.value - est.low == pytest.approx(8.097, abs=0.002)
    # the whole frame of 50 known (e.g. all 민원 closed that month): × √(10/49) = 0.45175
    fin = item_score([5] * 20 + [3] * 20, population=50)
    assert fin.high - fin.value == pytest.approx(8.097 * 0.45175, abs=0.002)


def test_t_quantile_against_the_table():
    for df, table in ((10, 2.22814), (29, 2.04523), (39, 2.02269), (49, 2.00958), (120, 1.97993)):
        assert t_quantile(0.975, df) == pytest.approx(table, abs=2e-4)
    assert t_quantile(0.975, 1e9) == pytest.approx(1.95996, abs=1e-5)


def test_fpc():
    assert fpc(30, None) == 1.0
    assert fpc(100, 400) == pytest.approx(math.sqrt(300 / 399))
    assert fpc(50, 50) == 0.0  # everyone answered: no sampling error


def test_wilson_by_hand():
    # 40 of 50: centre (0.8 + 1.9208/50) / (1 + 3.8415/50) = 0.77860,
    # half 1.96/1.07683 × √(0.0032 + 0.000384) = 0.10897 → (0.6696, 0.8876)
    p, low, high = wilson(40, 50)
    assert p == 0.8
    assert (low, high) == (pytest.approx(0.6696, abs=1e-4), pytest.approx(0.8876, abs=1e-4))
    # 0 of 30 still has an upper bound (the normal interval would say 0 ± 0)
    _, low, high = wilson(0, 30)
    assert low == 0.0 and high == pytest.approx(0.1135, abs=1e-4)


def test_top_two_box_and_nps():
    # 5-point: 4s and 5s are the top two boxes; NA out of the denominator
    est = top_two_box([5, 4, 3, 2, NA, 5, 1, 4])
    assert est.value == pytest.approx(4 / 7 * 100) and est.n == 7
    # NPS: promoters 9–10, detractors 0–6, passives 7–8
    # [10, 9, 9, 8, 7, 6, 3, 10, 0, 9]: 5 promoters, 3 detractors of 10 → 50 − 30 = 20
    answers = [10, 9, 9, 8, 7, 6, 3, 10, 0, 9]
    est = nps(answers)
    assert est.value == pytest.approx(20.0)
    # interval: scores +1/0/−1, variance 0.5 + 0.3 − 0.2² = 0.76, se √(0.76/10) = 0.27568,
    # half 1.95996 × 0.27568 = 0.54032 → 20 ± 54.03 points
    assert est.high - est.value == pytest.approx(54.03, abs=0.01)
    assert nps([10] * 28 + [0, 5]).high <= 100.0  # clamped to the scale
    # the 0–10 item on 100 points: mean 7.1 → 71
    assert recommend_score(answers).value == pytest.approx(71.0)


def test_element_and_cs_index():
    items = {"ACCESS": item_score([5, 4] * 15), "KIND": item_score([4] * 30),
             "SPEED": item_score([NA]), "EXPERT": item_score([1] * 29)}
    # ACCESS 87.5, KIND 75; SPEED has no answers and EXPERT only 29 (suppressed): both left
    # out, so a hidden figure cannot leak through the mean: (87.5 + 75) / 2 = 81.25
    elements = element_score(items)
    assert elements == pytest.approx(81.25)
    # 0.3 × 80 + 0.5 × 81.25 + 0.2 × 70 = 24 + 40.625 + 14 = 78.625
    assert cs_index(80.0, elements, 70.0) == pytest.approx(78.625)
    assert cs_index(None, elements, 70.0) is None


def test_suppression_and_reference_marks():
    assert visibility(29) == "suppressed"
    assert visibility(30) == visibility(49) == "reference"
    assert visibility(50) == "shown"
    assert not item_score([5] * 29).shown
    assert item_score([5] * 30).visibility == "reference"


def test_month_over_month_change_only_when_significant():
    # means 4.0 → 4.3, sd ≈ 1 in both months. With 100 answers each, Welch t ≈ 2.12 > 1.97:
    # significant. With 30 each, t ≈ 1.16: not.
    def month(mean, n):
        return [mean - 1] * (n // 2) + [mean + 1] * (n - n // 2)
    big = mean_change(month(4.0, 100), month(4.3, 100), scale=25)
    assert big.significant and big.difference == pytest.approx(7.5)
    small = mean_change(month(4.0, 30), month(4.3, 30), scale=25)
    assert not small.significant and small.difference == pytest.approx(7.5)
    # proportions: 60 % → 70 % top-two-box with 200 a month: z = 2.09 > 1.96 → significant;
    # with 50 a month: z = 1.05 → not
    assert proportion_change(120, 200, 140, 200).significant
    assert not proportion_change(30, 50, 35, 50).significant
    # a month under 30 answers shows no figure and so no arrow, whatever the test says
    assert not mean_change([1.0] * 10, [5.0] * 10).significant
    assert not proportion_change(0, 20, 20, 20).significant
    # small degrees of freedom use the table (the expansion runs low there)
    assert t_quantile(0.975, 1) == pytest.approx(12.7062) and t_quantile(0.975, 5) == pytest.approx(2.5706)


def test_response_rate():
    assert response_rate(45, 60) == pytest.approx(75.0)
    assert response_rate(0, 0) is None
