"""개선과제 (improvement actions): the PCRM cycle's "act" and "evaluate" (DOMAIN.md §1). An action
is made on one figure of the analysis (a group's on-time rate, a channel's satisfaction …),
keeps that figure as it was, moves planned → in progress → done, and is evaluated by the same
figure over a later period: the change is called real only when it is significant."""
from __future__ import annotations

import enum
import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from pcrm_desktop.domain.errors import ConflictError, ValidationError
from pcrm_desktop.domain.messages import QT_TRANSLATE_NOOP
from pcrm_desktop.domain.survey_stats import Change, Estimate, proportion_change, t_quantile
from pcrm_desktop.domain.text import mask_rrns, nfc, one_line


class ActionStatus(str, enum.Enum):
    PLANNED = "planned"          # 계획
    IN_PROGRESS = "in_progress"  # 진행 중
    DONE = "done"                # 조치 완료 (평가 전)
    EVALUATED = "evaluated"      # 평가 완료
    DROPPED = "dropped"          # 취소


STATUS_NAMES = {
    ActionStatus.PLANNED: QT_TRANSLATE_NOOP("actions", "계획"),
    ActionStatus.IN_PROGRESS: QT_TRANSLATE_NOOP("actions", "진행 중"),
    ActionStatus.DONE: QT_TRANSLATE_NOOP("actions", "조치 완료"),
    ActionStatus.EVALUATED: QT_TRANSLATE_NOOP("actions", "평가 완료"),
    ActionStatus.DROPPED: QT_TRANSLATE_NOOP("actions", "취소"),
}
OPEN_STATUSES = frozenset({ActionStatus.PLANNED, ActionStatus.IN_PROGRESS, ActionStatus.DONE})
NEXT = {
    ActionStatus.PLANNED: frozenset({ActionStatus.IN_PROGRESS, ActionStatus.DROPPED}),
    ActionStatus.IN_PROGRESS: frozenset({ActionStatus.DONE, ActionStatus.DROPPED}),
    ActionStatus.DONE: frozenset({ActionStatus.IN_PROGRESS}),  # evaluated through evaluate()
    ActionStatus.EVALUATED: frozenset(),
    ActionStatus.DROPPED: frozenset(),
}
# What a metric measures and whether more is better (a shorter processing time is better).
METRICS = {
    "received": (QT_TRANSLATE_NOOP("actions", "접수 건수"), None),
    "per_thousand": (QT_TRANSLATE_NOOP("actions", "주민 1,000명당 민원"), None),
    "on_time": (QT_TRANSLATE_NOOP("actions", "기한 내 처리율"), True),
    "days": (QT_TRANSLATE_NOOP("actions", "평균 처리일수"), False),
    "satisfaction": (QT_TRANSLATE_NOOP("actions", "만족도"), True),
}


@dataclass(frozen=True)
class Draft:
    title: str
    measure: str
    figure_key: str
    metric: str
    figure_label: str
    baseline_first: date
    baseline_last: date
    owner_id: int | None = None
    due_on: date | None = None


def clean_draft(draft: Draft, today: date) -> Draft:
    title, measure = one_line(draft.title, "action_title")[0], mask_rrns(nfc(draft.measure))[0]
    if not title:
        raise ValidationError("required", field="action_title")
    if len(title) > 200:
        raise ValidationError("too_long", field="action_title", max=200)
    if len(measure) > 4000:
        raise ValidationError("too_long", field="action_measure", max=4000)
    if draft.metric not in METRICS:
        raise ValidationError("metric_unknown", field="metric", value=draft.metric)
    if not draft.figure_key or len(draft.figure_key) > 100:
        raise ValidationError("figure_unknown", field="figure", value=draft.figure_key[:100])
    if draft.baseline_last < draft.baseline_first:
        raise ValidationError("period_order", field="period")
    if draft.due_on is not None and draft.due_on < today:
        raise ValidationError("action_due_past", field="due_on", day=draft.due_on.isoformat())
    return Draft(title, measure, draft.figure_key, draft.metric,
                 mask_rrns(nfc(draft.figure_label))[0][:200],
                 draft.baseline_first, draft.baseline_last, draft.owner_id, draft.due_on)


def next_status(current: ActionStatus, wanted: ActionStatus) -> ActionStatus:
    if wanted not in NEXT[current]:
        raise ConflictError("action_step", field="status", current=current.value, wanted=wanted.value)
    return wanted


def check_evaluation(current: ActionStatus, baseline_last: date, first: date, last: date) -> None:
    """An action is evaluated once its measure is done, on a period after the baseline's."""
    if current is not ActionStatus.DONE:
        raise ConflictError("action_not_done", field="status", current=current.value)
    if last < first:
        raise ValidationError("period_order", field="period")
    if first <= baseline_last:
        raise ValidationError("action_period_overlap", field="period", day=baseline_last.isoformat())


def compare(metric: str, before: Estimate, after: Estimate) -> Change | None:
    """Is the figure after really different from before? A proportion (on-time rate) by the
    two-proportion test on the counts behind the percentages; a mean (days, satisfaction) by
    Welch's test with the standard errors read back from the 95 % ranges; counts by their
    Poisson test. None when either side has too little to compare (or was not shown)."""
    if before.value is None or after.value is None or not before.shown or not after.shown:
        return None
    if metric == "on_time":
        x1, x2 = round(before.value * before.n / 100), round(after.value * after.n / 100)
        return proportion_change(x1, before.n, x2, after.n)
    if metric in ("days", "satisfaction"):
        if before.low is None or before.high is None or after.low is None or after.high is None \
                or min(before.n, after.n) < 2:
            return None
        se1 = (before.high - before.low) / 2 / t_quantile(0.975, before.n - 1)
        se2 = (after.high - after.low) / 2 / t_quantile(0.975, after.n - 1)
        se = math.sqrt(se1 ** 2 + se2 ** 2)
        difference = after.value - before.value
        if se == 0:
            return Change(difference, difference != 0, math.inf if difference else 0.0)
        t = difference / se
        df = se ** 4 / (se1 ** 4 / (before.n - 1) + se2 ** 4 / (after.n - 1)) if se1 and se2 else \
            min(before.n, after.n) - 1
        return Change(difference, abs(t) > t_quantile(0.975, df), t)
    if metric == "received":
        from pcrm_desktop.domain.survey_stats import count_change
        return count_change(int(before.value), int(after.value))
    return None


def verdict(metric: str, change: Change | None) -> str:
    """개선 / 악화 / 변화 없음 (not significant) / 판단 불가, in the metric's own direction."""
    if change is None:
        return "판단 불가"
    if not change.significant:
        return "변화 없음"
    better = METRICS[metric][1]
    if better is None:
        return "증가" if change.difference > 0 else "감소"
    return "개선" if (change.difference > 0) == better else "악화"


# The figures an action keeps, read back from its stored row by one rule for every reader (the
# evaluation, the analysis page, the monthly report's PDF and XLSX): none until a value is kept.

def stored_before(row: Mapping[str, Any]) -> Estimate | None:
    if row["baseline_value"] is None:
        return None
    return Estimate(row["baseline_value"], row["baseline_low"], row["baseline_high"], row["baseline_n"])


def stored_after(row: Mapping[str, Any]) -> Estimate | None:
    if row["after_value"] is None:
        return None
    return Estimate(row["after_value"], row["after_low"], row["after_high"], row["after_n"] or 0)
