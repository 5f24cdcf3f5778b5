"""The statistics of the customer-group analysis and of the importance–performance chart
(issue 7): pure functions on the sums SQL reads (n, Σx, Σx², …), no Qt, no database. The
tests and intervals themselves are survey_stats'; what is added here is

- the complement of a group ("everyone else" = the totals minus the group's own sums, exact
  for the group against the rest even when a case counts in several groups) and the gap
  against it, flagged only when significant and only when both sides have 30+ (working days
  tested on log(1 + days), see days_gap);
- Pearson's r from (n, Σx, Σy, Σx², Σy², Σxy);
- the IPA quadrant rule: cut at the means of performance and importance over the items shown.
"""
from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from pcrm_desktop.domain.survey_stats import (
    SUPPRESS_BELOW,
    Change,
    Estimate,
    Moments,
    mean_interval,
    moments_change,
    proportion_change,
)

FIX_FIRST = "fix_first"        # important, performance below the mean: fix these first
KEEP_UP = "keep_up"            # important, performance at or above the mean
LOW_PRIORITY = "low_priority"  # less important, below the mean
OVERKILL = "overkill"          # less important, at or above the mean (possible overkill)
NOT_PLACED = ""                # no importance or no shown performance: not on the chart
QUADRANTS = (FIX_FIRST, KEEP_UP, LOW_PRIORITY, OVERKILL)


def complement(total: Moments, part: Moments) -> Moments:
    """The sums of everyone else: the totals minus the part's own (n, Σx, Σx²)."""
    return Moments(total.n - part.n, total.total - part.total, total.total_sq - part.total_sq)


def rate_gap(successes: int, n: int, total_successes: int, total_n: int) -> Change | None:
    """The part's share (e.g. finished on time) against everyone else's, in percentage points
    (part − others, the two-proportion z test at 5 %). None unless both sides have 30+: a
    hidden share must not be worked back from a gap."""
    others_n = total_n - n
    if min(n, others_n) < SUPPRESS_BELOW:
        return None
    return proportion_change(total_successes - successes, others_n, successes, n)


def mean_gap(part: Moments, total: Moments, scale: float = 1.0) -> Change | None:
    """The part's mean against everyone else's (part − others, Welch's t test at 5 %), times
    `scale` (25 turns a 5-point mean into 100 points). None unless both sides have 30+."""
    others = complement(total, part)
    if min(part.n, others.n) < SUPPRESS_BELOW:
        return None
    return moments_change(others, part, scale)


def days_moments(days_and_cases: Iterable[tuple[int, int]]) -> tuple[Moments, Moments]:
    """(n, Σd, Σd²) of working days d, and the same of log(1 + d), from (days, cases) pairs."""
    n = 0
    total = total_sq = log_total = log_sq = 0.0
    for days, cases in days_and_cases:
        logged = math.log1p(days)
        n += cases
        total += days * cases
        total_sq += days * days * cases
        log_total += logged * cases
        log_sq += logged * logged * cases
    return Moments(n, total, total_sq), Moments(n, log_total, log_sq)


def days_gap(part: Moments, total: Moments, part_log: Moments, total_log: Moments) -> Change | None:
    """The part's mean working days against everyone else's: the difference in days, tested on
    log(1 + days). Processing times have a long tail (a few cases stuck for months); on the
    days themselves Welch's test would call a part that happens to hold none of them
    'significantly faster' about one time in ten instead of one in twenty. Not significant
    when the two scales disagree on the direction. None unless both sides have 30+."""
    plain, logged = mean_gap(part, total), mean_gap(part_log, total_log)
    if plain is None or logged is None:
        return None
    agree = (plain.difference > 0) == (logged.difference > 0)
    return Change(plain.difference, logged.significant and agree, logged.statistic)


def mean_estimate(m: Moments) -> Estimate:
    """A mean (working days) with its t interval and n."""
    if m.n == 0:
        return Estimate(None, None, None, 0)
    mean, low, high = mean_interval(m)
    return Estimate(mean, low, high, m.n)


def per_thousand(count: int, residents: int | None) -> float | None:
    """`count` per 1,000 residents; None without residents."""
    return None if not residents else count / residents * 1000


@dataclass(frozen=True)
class PairSums:
    """Sums over the responses answering both items: x an item, y OVERALL."""
    n: int
    sx: float
    sy: float
    sxx: float
    syy: float
    sxy: float


def pearson(s: PairSums, at_least: int = SUPPRESS_BELOW) -> float | None:
    """Pearson's r = (nΣxy − ΣxΣy) / √((nΣx² − (Σx)²)(nΣy² − (Σy)²)); None under `at_least`
    pairs (30: the figure rule) or when either item has no spread (everyone gave the same)."""
    if s.n < max(at_least, 3):
        return None
    covariance = s.n * s.sxy - s.sx * s.sy
    spread_x = s.n * s.sxx - s.sx * s.sx
    spread_y = s.n * s.syy - s.sy * s.sy
    if spread_x <= 1e-9 * max(1.0, s.n * s.sxx) or spread_y <= 1e-9 * max(1.0, s.n * s.syy):
        return None
    return max(-1.0, min(1.0, covariance / math.sqrt(spread_x * spread_y)))


@dataclass(frozen=True)
class Placement:
    mean_performance: float | None
    mean_importance: float | None
    quadrants: dict[str, str]      # item code → one of QUADRANTS
    fix_first: list[str]           # the fix_first items, most important first


def place(points: dict[str, tuple[float, float]]) -> Placement:
    """The IPA quadrants of items given as code → (performance, importance): the lines are
    the means over these items; importance at or above its mean is 'important', performance
    below its mean is 'below average'."""
    if not points:
        return Placement(None, None, {}, [])
    mean_p = sum(p for p, _ in points.values()) / len(points)
    mean_i = sum(i for _, i in points.values()) / len(points)

    def quadrant(performance: float, importance: float) -> str:
        if importance >= mean_i:
            return FIX_FIRST if performance < mean_p else KEEP_UP
        return LOW_PRIORITY if performance < mean_p else OVERKILL
    quadrants = {code: quadrant(p, i) for code, (p, i) in points.items()}
    fix = sorted((c for c, q in quadrants.items() if q == FIX_FIRST),
                 key=lambda c: (-points[c][1], c))
    return Placement(mean_p, mean_i, quadrants, fix)


def holm(changes: list[Change | None], alpha: float = 0.05) -> list[Change | None]:
    """Holm's step-down correction over the rows of one column: a table of 18 동 makes 18
    tests, and at 5 % each, about one would be flagged by chance alone. Each change keeps its
    difference and statistic; `significant` is kept only where Holm still rejects (the p value
    from the statistic's normal approximation: at these sizes t is close to normal)."""
    from dataclasses import replace
    from statistics import NormalDist
    def p_value(c: Change) -> float:
        return 0.0 if not math.isfinite(c.statistic) else 2 * (1 - NormalDist().cdf(abs(c.statistic)))
    present = {i: c for i, c in enumerate(changes) if c is not None}
    tested = sorted((p_value(c), i) for i, c in present.items())
    keep: set[int] = set()
    for rank, (p, i) in enumerate(tested):
        if p > alpha / (len(tested) - rank):
            break
        if present[i].significant:  # a test refused for size stays refused
            keep.add(i)
    return [None if c is None else (c if i in keep or not c.significant else replace(c, significant=False))
            for i, c in enumerate(changes)]
