"""해피콜: after a 민원 is closed, call a sample of applicants (DOMAIN.md §3: 5–20 %), every case
that took long and every 불수용, and record each attempt. The answers themselves are recorded
with the survey's phone mode once surveys exist."""
from __future__ import annotations

import enum
from dataclasses import dataclass

from pcrm_desktop.domain.errors import ConflictError, ValidationError
from pcrm_desktop.domain.messages import QT_TRANSLATE_NOOP
from pcrm_desktop.domain.office_names import plain_name

MAX_ATTEMPTS = 3  # 부재 three times: the call is given up
# What the phone questionnaire's opening line says in place of the office's name (the
# HAPPYCALL template, domain/surveys.py, and surveys made from it before this was filled in).
OFFICE_PLACEHOLDER = "○○행정복지센터"


class Reason(str, enum.Enum):
    SAMPLE = "sample"      # the week's random share
    LONG = "long"          # took longer than the rule's days
    REJECTED = "rejected"  # 불수용: always called


class Outcome(str, enum.Enum):
    ANSWERED = "answered"          # 응답
    NO_ANSWER = "no_answer"        # 부재
    REFUSED = "refused"            # 거절
    WRONG_NUMBER = "wrong_number"  # 번호 오류


class CallStatus(str, enum.Enum):
    PENDING = "pending"
    REACHED = "reached"
    REFUSED = "refused"
    GAVE_UP = "gave_up"


REASON_NAMES = {Reason.SAMPLE: QT_TRANSLATE_NOOP("happy_call", "표본"),
                Reason.LONG: QT_TRANSLATE_NOOP("happy_call", "처리 지연"),
                Reason.REJECTED: QT_TRANSLATE_NOOP("happy_call", "불수용")}
OUTCOME_NAMES = {Outcome.ANSWERED: QT_TRANSLATE_NOOP("happy_call", "응답"),
                 Outcome.NO_ANSWER: QT_TRANSLATE_NOOP("happy_call", "부재"),
                 Outcome.REFUSED: QT_TRANSLATE_NOOP("happy_call", "거절"),
                 Outcome.WRONG_NUMBER: QT_TRANSLATE_NOOP("happy_call", "번호 오류")}
STATUS_NAMES = {CallStatus.PENDING: QT_TRANSLATE_NOOP("happy_call", "통화 대기"),
                CallStatus.REACHED: QT_TRANSLATE_NOOP("happy_call", "통화 완료"),
                CallStatus.REFUSED: QT_TRANSLATE_NOOP("happy_call", "거절"),
                CallStatus.GAVE_UP: QT_TRANSLATE_NOOP("happy_call", "연결 포기")}


@dataclass(frozen=True)
class SamplingRule:
    share: float = 0.1       # of the cases closed in the week
    long_days: int = 7       # cases that took longer are all called
    all_rejected: bool = True

    def check(self) -> None:
        if not 0.0 <= self.share <= 1.0:
            raise ValidationError("share_range", field="share")
        if not 1 <= self.long_days <= 365:
            raise ValidationError("period_range", field="period", max=365)


@dataclass(frozen=True)
class ClosedCase:
    id: int
    days_taken: float
    rejected: bool


def draw(case_id: int) -> float:
    """A number in [0, 1) fixed for each case (Knuth's multiplicative hash): the same week
    sampled twice chooses the same cases, and no clerk picks whom to call."""
    return ((case_id * 2654435761) % 2**32) / 2**32


def reason_for(case: ClosedCase, rule: SamplingRule) -> Reason | None:
    if rule.all_rejected and case.rejected:
        return Reason.REJECTED
    if case.days_taken > rule.long_days:
        return Reason.LONG
    if draw(case.id) < rule.share:
        return Reason.SAMPLE
    return None


def after_attempt(status: CallStatus, attempts: int, outcome: Outcome) -> CallStatus:
    """The call's status after one more attempt with `outcome`."""
    if status is not CallStatus.PENDING:
        raise ConflictError("call_finished", field="call")
    if outcome is Outcome.ANSWERED:
        return CallStatus.REACHED
    if outcome is Outcome.REFUSED:
        return CallStatus.REFUSED
    if outcome is Outcome.WRONG_NUMBER or attempts + 1 >= MAX_ATTEMPTS:
        return CallStatus.GAVE_UP
    return CallStatus.PENDING


def call_script(intro: str, office_name: str) -> str:
    """The opening line as the clerk reads it on the phone: the office's own name (without a
    note such as "(데모)") where the questionnaire says ○○행정복지센터. Without a name, as written."""
    name = plain_name(office_name)
    return intro.replace(OFFICE_PLACEHOLDER, name) if name else intro
