"""Satisfaction indices and honest statistics (DOMAIN.md §5): pure functions, no Qt, no database,
no scipy (the t quantile comes from the Cornish-Fisher expansion, accurate to 1e-4 from 10
degrees of freedom; below that no figure is shown anyway).

Answers arrive as raw values: a number, NA ("해당없음", never in a denominator) or None
(skipped). Every figure carries its n, its 95 % interval, and whether it may be shown:
suppressed under n = 30, marked 참고 for 30–49.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import NormalDist
from typing import SupportsFloat, SupportsIndex

NA = "NA"          # 해당없음
SUPPRESS_BELOW = 30
REFERENCE_BELOW = 50
Z975 = NormalDist().inv_cdf(0.975)
# 종합 CS 지수 weights (KCSI-style, fixed and printed in the report appendix)
WEIGHT_OVERALL, WEIGHT_ELEMENTS, WEIGHT_RECOMMEND = 0.3, 0.5, 0.2


@dataclass(frozen=True)
class Tally:
    valid: tuple[float, ...]
    not_applicable: int
    skipped: int

    @property
    def n(self) -> int:
        return len(self.valid)


def tally(raw: Iterable[object]) -> Tally:
    """Split raw answers into valid numbers, 해당없음 and skipped."""
    valid: list[float] = []
    na, skipped = 0, 0
    for value in raw:
        if value is None or value == "":
            skipped += 1
        elif value == NA:
            na += 1
        elif isinstance(value, (int, float, str, SupportsFloat, SupportsIndex)):  # what float() takes
            valid.append(float(value))  # (int and float first: the protocols' checks are slow)
        else:
            raise TypeError(f"not an answer: {type(value).__name__}")
    return Tally(tuple(valid), na, skipped)


T975_SMALL_DF = {1: 12.7062, 2: 4.3027, 3: 3.1824, 4: 2.7764, 5: 2.5706, 6: 2.4469, 7: 2.3646,
                 8: 2.3060, 9: 2.2622}


def t_quantile(p: float, df: float) -> float:
    """Student's t quantile by the Cornish-Fisher expansion in 1/df (Abramowitz & Stegun
    26.7.5); below 10 degrees of freedom, where it runs low, the table's 97.5 % values."""
    if df <= 0:
        raise ValueError("df must be positive")
    if p == 0.975 and df < 10:
        return T975_SMALL_DF[max(1, math.floor(df))]
    z = NormalDist().inv_cdf(p)
    g1 = (z**3 + z) / 4
    g2 = (5 * z**5 + 16 * z**3 + 3 * z) / 96
    g3 = (3 * z**7 + 19 * z**5 + 17 * z**3 - 15 * z) / 384
    g4 = (79 * z**9 + 776 * z**7 + 1482 * z**5 - 1920 * z**3 - 945 * z) / 92160
    return z + g1 / df + g2 / df**2 + g3 / df**3 + g4 / df**4


def fpc(n: int, population: int | None) -> float:
    """Finite-population correction √((N−n)/(N−1)); 1 when the frame is unknown."""
    if population is None or population <= 1:
        return 1.0
    if n > population:
        from pcrm_desktop.domain.errors import ValidationError
        raise ValidationError("population_too_small", field="population", n=n, population=population)
    return math.sqrt((population - n) / (population - 1))


def visibility(n: int) -> str:
    """"suppressed" under 30, "reference" (참고) for 30–49, else "shown"."""
    if n < SUPPRESS_BELOW:
        return "suppressed"
    return "reference" if n < REFERENCE_BELOW else "shown"


@dataclass(frozen=True)
class Estimate:
    """A figure with its n and 95 % interval, on the scale it is reported in."""
    value: float | None
    low: float | None
    high: float | None
    n: int
    not_applicable: int = 0
    skipped: int = 0

    @property
    def visibility(self) -> str:
        return visibility(self.n)

    @property
    def shown(self) -> bool:
        return self.visibility != "suppressed" and self.value is not None


@dataclass(frozen=True)
class Moments:
    """What every figure needs of an item's valid answers (SQL can sum these for a month)."""
    n: int
    total: float = 0.0
    total_sq: float = 0.0
    top_two: int = 0        # answers in the two best boxes (scale items)
    promoters: int = 0      # 9–10 (0–10 items)
    detractors: int = 0     # 0–6
    not_applicable: int = 0
    skipped: int = 0

    @classmethod
    def of(cls, raw: Iterable[object], k: int = 5) -> Moments:
        counts = tally(raw)
        v = counts.valid
        return cls(len(v), sum(v), sum(x * x for x in v), sum(1 for x in v if x >= k - 1),
                   sum(1 for x in v if x >= 9), sum(1 for x in v if x <= 6),
                   counts.not_applicable, counts.skipped)


def mean_interval(m: Moments, population: int | None = None) -> tuple[float, float, float]:
    """(mean, low, high): the t interval, with the finite-population correction if known."""
    mean = m.total / m.n
    if m.n < 2:
        return mean, mean, mean
    variance = max(0.0, (m.total_sq - m.total * m.total / m.n) / (m.n - 1))
    half = t_quantile(0.975, m.n - 1) * math.sqrt(variance / m.n) * fpc(m.n, population)
    return mean, mean - half, mean + half


def _empty(m: Moments) -> Estimate:
    return Estimate(None, None, None, 0, m.not_applicable, m.skipped)


def item_score(raw: Iterable[object] | Moments, k: int = 5, population: int | None = None) -> Estimate:
    """100-point score of a 1…k item: (mean − 1) / (k − 1) × 100 — never mean / k × 100."""
    if not isinstance(raw, Moments):
        counts = tally(raw)
        if any(not 1 <= v <= k for v in counts.valid):
            raise ValueError(f"answers outside 1…{k}")
        raw = Moments.of(counts.valid + (NA,) * counts.not_applicable + (None,) * counts.skipped, k)
    if raw.n == 0:
        return _empty(raw)
    mean, low, high = mean_interval(raw, population)
    scale = 100 / (k - 1)
    return Estimate((mean - 1) * scale, (low - 1) * scale, (high - 1) * scale, raw.n,
                    raw.not_applicable, raw.skipped)


def recommend_score(raw: Iterable[object] | Moments, population: int | None = None) -> Estimate:
    """100-point score of a 0–10 item: mean × 10."""
    if not isinstance(raw, Moments):
        counts = tally(raw)
        if any(not 0 <= v <= 10 for v in counts.valid):
            raise ValueError("answers outside 0…10")
        raw = Moments.of(counts.valid + (NA,) * counts.not_applicable + (None,) * counts.skipped)
    if raw.n == 0:
        return _empty(raw)
    mean, low, high = mean_interval(raw, population)
    return Estimate(mean * 10, low * 10, high * 10, raw.n, raw.not_applicable, raw.skipped)


def wilson(successes: int, n: int, population: int | None = None) -> tuple[float, float, float]:
    """(p, low, high): the Wilson score interval; with a known frame the finite-population
    correction scales the standard error (z × √((N−n)/(N−1)))."""
    if n == 0:
        raise ValueError("no answers")
    p = successes / n
    z = Z975 * fpc(n, population)
    denominator = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return p, max(0.0, centre - half), min(1.0, centre + half)


def top_two_box(raw: Iterable[object] | Moments, k: int = 5, population: int | None = None) -> Estimate:
    """Share (in %) of the two best answers among valid ones (4 and 5 on a 5-point scale)."""
    m = raw if isinstance(raw, Moments) else Moments.of(raw, k)
    if m.n == 0:
        return _empty(m)
    return proportion(m.top_two, m.n, population, m.not_applicable, m.skipped)


def proportion(successes: int, n: int, population: int | None = None, not_applicable: int = 0,
               skipped: int = 0) -> Estimate:
    """A share in % with its Wilson interval (top-two-box, a response rate)."""
    if n == 0:
        return Estimate(None, None, None, 0, not_applicable, skipped)
    p, low, high = wilson(successes, n, population)
    return Estimate(p * 100, low * 100, high * 100, n, not_applicable, skipped)


def nps(raw: Iterable[object] | Moments, population: int | None = None) -> Estimate:
    """Net promoter score %(9–10) − %(0–6), with the interval of a mean of +1/0/−1 scores."""
    m = raw if isinstance(raw, Moments) else Moments.of(raw)
    if m.n == 0:
        return _empty(m)
    promoters, detractors = m.promoters / m.n, m.detractors / m.n
    value = promoters - detractors
    variance = promoters + detractors - value * value
    half = Z975 * math.sqrt(variance / m.n) * fpc(m.n, population)
    return Estimate(value * 100, max(-100.0, (value - half) * 100), min(100.0, (value + half) * 100),
                    m.n, m.not_applicable, m.skipped)


def element_score(items: dict[str, Estimate]) -> float | None:
    """요소만족도: the equal-weight mean of the item scores that may be shown (n ≥ 30); a
    suppressed item neither counts nor leaks through the mean."""
    scores = [e.value for e in items.values() if e.shown and e.value is not None]
    return sum(scores) / len(scores) if scores else None


def cs_index(overall: float | None, elements: float | None, recommend: float | None) -> float | None:
    """종합 CS 지수 = 0.3·OVERALL + 0.5·요소 + 0.2·RECOMMEND (all on 100 points)."""
    if overall is None or elements is None or recommend is None:
        return None
    return WEIGHT_OVERALL * overall + WEIGHT_ELEMENTS * elements + WEIGHT_RECOMMEND * recommend


def weighted_estimate(parts: Sequence[tuple[float, Estimate]]) -> Estimate:
    """A weighted sum of shown figures (요소만족도, 종합 CS 지수) with its n and 95 % range.
    The parts are answered by the same people, so their errors are correlated in a way the
    daily sums do not keep; the range adds the parts' weighted half-widths, the widest any
    correlation can make it (Var(Σwᵢxᵢ) ≤ (Σwᵢσᵢ)²): conservative, never too narrow. n is the
    smallest n among the parts: the index is no firmer than its thinnest part. Without parts,
    or with a part that may not be shown, there is no figure."""
    if not parts or any(not e.shown for _, e in parts):
        return Estimate(None, None, None, min((e.n for _, e in parts), default=0))
    figures = [(w, *_with_range(e)) for w, e in parts]
    value = sum(w * v for w, v, _, _ in figures)
    below = sum(w * (v - low) for w, v, low, _ in figures)
    above = sum(w * (high - v) for w, v, _, high in figures)
    return Estimate(value, value - below, value + above, min(e.n for _, e in parts))


def _with_range(e: Estimate) -> tuple[float, float, float]:
    """A shown part's value and 95 % range; a figure without a range (a count) is no part."""
    if e.value is None or e.low is None or e.high is None:
        raise TypeError("a weighted figure's parts need their 95 % ranges")
    return e.value, e.low, e.high


def element_estimate(items: dict[str, Estimate]) -> Estimate:
    """요소만족도 as a figure: `element_score` with n and a (conservative) 95 % range."""
    shown = [e for e in items.values() if e.shown]
    return weighted_estimate([(1 / len(shown), e) for e in shown])


def cs_estimate(overall: Estimate, elements: Estimate, recommend: Estimate) -> Estimate:
    """종합 CS 지수 as a figure: `cs_index` with n and a (conservative) 95 % range."""
    return weighted_estimate([(WEIGHT_OVERALL, overall), (WEIGHT_ELEMENTS, elements),
                              (WEIGHT_RECOMMEND, recommend)])


def response_rate(completes: int, contacted: int) -> float | None:
    """Completes over contacted (phone samples), in %."""
    return None if contacted == 0 else completes / contacted * 100


@dataclass(frozen=True)
class Change:
    difference: float     # this month − last month, on the reported scale
    significant: bool     # only then may a report show an arrow
    statistic: float


def mean_change(before: Sequence[float], after: Sequence[float], scale: float = 1.0) -> Change:
    """Welch's two-sample t test at 5 %: is the change in the mean real? A month with fewer
    than 30 answers shows no figure, so it never gets an arrow either."""
    def moments(values: Sequence[float]) -> Moments:
        return Moments(len(values), float(sum(values)), float(sum(x * x for x in values)))
    return moments_change(moments(before), moments(after), scale)


def moments_change(before: Moments, after: Moments, scale: float = 1.0) -> Change:
    """`mean_change` from the sums a summary reads in SQL (n, Σx, Σx²)."""
    n1, n2 = before.n, after.n
    if n1 < 2 or n2 < 2:
        raise ValueError("two answers per month at least")
    small = min(n1, n2) < SUPPRESS_BELOW
    m1, m2 = before.total / n1, after.total / n2
    v1 = max(before.total_sq - n1 * m1 * m1, 0.0) / (n1 - 1)
    v2 = max(after.total_sq - n2 * m2 * m2, 0.0) / (n2 - 1)
    se2 = v1 / n1 + v2 / n2
    if se2 <= 1e-12:
        return Change((m2 - m1) * scale, m1 != m2 and not small, math.inf if m1 != m2 else 0.0)
    t = (m2 - m1) / math.sqrt(se2)
    df = se2**2 / ((v1 / n1) ** 2 / (n1 - 1) + (v2 / n2) ** 2 / (n2 - 1))
    return Change((m2 - m1) * scale, abs(t) > t_quantile(0.975, df) and not small, t)


def proportion_change(x1: int, n1: int, x2: int, n2: int) -> Change:
    """Two-proportion z test (pooled) at 5 %, the difference in percentage points."""
    if n1 == 0 or n2 == 0:
        raise ValueError("answers in both months needed")
    p1, p2 = x1 / n1, x2 / n2
    pooled = (x1 + x2) / (n1 + n2)
    se = math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2))
    z = (p2 - p1) / se if se else 0.0
    return Change((p2 - p1) * 100, abs(z) > Z975 and min(n1, n2) >= SUPPRESS_BELOW, z)


def count_change(before: int, after: int, exposure_before: float = 1.0,
                 exposure_after: float = 1.0, dispersion: float = 1.0) -> Change:
    """Two monthly counts (민원 received, finished) as Poisson counts over their exposures (the
    months' working days: February with 설날 has fewer): conditioned on their sum, `after` is
    binomial with p = its share of the exposure when the daily rate did not change. Real
    monthly counts vary more than Poisson (campaigns, seasons), so the variance is widened by
    the dispersion seen over the past months (`dispersion`, at least 1). Normal approximation,
    5 %; fewer than 30 in a month: no arrow."""
    total = before + after
    if total == 0 or exposure_before <= 0 or exposure_after <= 0:
        return Change(float(after - before), False, 0.0)
    p = exposure_after / (exposure_before + exposure_after)
    z = (after - total * p) / math.sqrt(total * p * (1 - p) * max(1.0, dispersion))
    return Change(float(after - before), abs(z) > Z975 and min(before, after) >= SUPPRESS_BELOW, z)


def dispersion(counts: Sequence[int], exposures: Sequence[float]) -> float:
    """How much more monthly counts vary than Poisson counts would (quasi-Poisson φ: Pearson's
    χ² over its degrees of freedom, at least 1), from a run of past months."""
    pairs = [(c, e) for c, e in zip(counts, exposures) if e > 0]
    total, exposure = sum(c for c, _ in pairs), sum(e for _, e in pairs)
    if len(pairs) < 3 or total == 0:
        return 1.0
    rate = total / exposure
    chi2 = sum((c - rate * e) ** 2 / (rate * e) for c, e in pairs)
    return max(1.0, chi2 / (len(pairs) - 1))


def estimate_text(e: Estimate | None, digits: int = 1, unit: str = "", reference: str = "참고") -> str:
    """A figure as screens and reports may show it: "—" without answers, "— (n 12)" under
    n 30, "(참고)" beside n 30–49 — one rule for the PDF, the workbook and every screen."""
    if e is None or e.n == 0 or e.value is None:
        return "—"
    if not e.shown:
        return f"— (n {e.n:,})"
    text = f"{e.value:.{digits}f}{unit}"
    return text + f" ({reference})" if e.visibility == "reference" else text


def range_text(e: Estimate | None, dash: str = "–") -> str:
    """The 95 % range of a shown figure, empty otherwise."""
    if e is None or not e.shown or e.low is None:
        return ""
    return f"{e.low:.1f}{dash}{e.high:.1f}"
