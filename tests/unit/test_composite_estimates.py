"""요소만족도 and 종합 CS 지수 as figures with n and a 95 % range (domain/survey_stats.py):
the weighted sum of its parts, n of its thinnest part, and a range that is never narrower than
the one the respondents' own composite scores give, whatever the items' correlation."""
from __future__ import annotations

import random

import pytest

from pcrm_desktop.domain.survey_stats import (
    WEIGHT_ELEMENTS,
    WEIGHT_OVERALL,
    WEIGHT_RECOMMEND,
    Estimate,
    Moments,
    cs_estimate,
    cs_index,
    element_estimate,
    element_score,
    item_score,
    mean_interval,
    weighted_estimate,
)


def test_a_weighted_sum_adds_values_and_half_widths_and_keeps_the_smallest_n():
    a = Estimate(80.0, 76.0, 84.0, 120)
    b = Estimate(60.0, 50.0, 70.0, 45)
    total = weighted_estimate([(0.25, a), (0.75, b)])
    assert total.value == pytest.approx(0.25 * 80 + 0.75 * 60)
    assert total.low == pytest.approx(65.0 - (0.25 * 4 + 0.75 * 10))
    assert total.high == pytest.approx(65.0 + (0.25 * 4 + 0.75 * 10))
    assert total.n == 45 and total.visibility == "reference"


def test_a_part_that_may_not_be_shown_leaves_no_figure():
    hidden = Estimate(90.0, 80.0, 99.0, 12)
    total = weighted_estimate([(0.5, Estimate(70.0, 65.0, 75.0, 200)), (0.5, hidden)])
    assert total.value is None and not total.shown and total.n == 12
    assert weighted_estimate([]).n == 0 and weighted_estimate([]).value is None


def test_element_estimate_is_element_score_with_a_range():
    items = {"ACCESS": item_score([5, 4] * 30), "KIND": item_score([4] * 40),
             "EXPERT": item_score([1] * 20)}  # n 20: suppressed, neither counted nor leaking
    figure = element_estimate(items)
    assert figure.value == pytest.approx(element_score(items)) == pytest.approx((87.5 + 75) / 2)
    assert figure.n == 40
    assert figure.low == pytest.approx((items["ACCESS"].low + items["KIND"].low) / 2)
    assert figure.high == pytest.approx((items["ACCESS"].high + items["KIND"].high) / 2)


def test_cs_estimate_is_cs_index_with_a_range():
    overall, recommend = item_score([5, 3] * 30), Estimate(80.0, 75.0, 85.0, 55)
    elements = element_estimate({"ACCESS": item_score([5, 4] * 30), "KIND": item_score([4] * 40)})
    figure = cs_estimate(overall, elements, recommend)
    assert figure.value == pytest.approx(cs_index(overall.value, elements.value, recommend.value))
    half = (WEIGHT_OVERALL * (overall.high - overall.value) + WEIGHT_ELEMENTS
            * (elements.high - elements.value) + WEIGHT_RECOMMEND * 5.0)
    assert figure.high - figure.value == pytest.approx(half)
    assert figure.n == 40
    assert not cs_estimate(overall, elements, Estimate(None, None, None, 0)).shown


@pytest.mark.parametrize("correlation", [1.0, 0.6, 0.0, -0.5])
def test_the_range_is_never_narrower_than_the_respondents_own_composite(correlation):
    """Three items answered by the same 200 people: the interval of their per-person mean is
    the honest one when everyone answers everything; the summary's (from the items' sums
    alone) must never be narrower, and equals it when the items move together."""
    rng = random.Random(18)
    rows = []
    for _ in range(200):
        mood = rng.gauss(0, 1)
        rows.append([min(5, max(1, round(3.5 + correlation * mood + (1 - abs(correlation))
                                          * rng.gauss(0, 1)))) for _ in range(3)])
    if correlation == 1.0:
        rows = [[row[0]] * 3 for row in rows]
    items = {code: item_score([row[i] for row in rows]) for i, code in
             enumerate(("ACCESS", "KIND", "SPEED"))}
    figure = element_estimate(items)
    per_person = [(sum(row) / 3 - 1) * 25 for row in rows]
    mean, low, high = mean_interval(Moments.of(per_person, k=101))
    assert figure.value == pytest.approx(mean)
    assert figure.high - figure.value >= (high - mean) - 1e-9
    if correlation == 1.0:
        assert figure.high - figure.value == pytest.approx(high - mean)
