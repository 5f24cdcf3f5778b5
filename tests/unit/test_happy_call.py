"""해피콜 rules: who is called, and what each attempt does to the call."""
from __future__ import annotations

import pytest

from pcrm_desktop.domain.errors import ConflictError, ValidationError
from pcrm_desktop.domain.happy_call import (
    MAX_ATTEMPTS,
    CallStatus,
    ClosedCase,
    Outcome,
    Reason,
    SamplingRule,
    after_attempt,
    draw,
    reason_for,
)


def test_every_rejection_and_every_long_case_is_called():
    rule = SamplingRule(share=0.0, long_days=7)
    assert reason_for(ClosedCase(1, 1.0, rejected=True), rule) is Reason.REJECTED
    assert reason_for(ClosedCase(2, 7.5, rejected=False), rule) is Reason.LONG
    assert reason_for(ClosedCase(3, 6.9, rejected=False), rule) is None  # share 0: no sample
    assert reason_for(ClosedCase(1, 1.0, True), SamplingRule(0.0, 7, all_rejected=False)) is None


def test_the_sample_share_is_kept_and_repeatable():
    rule = SamplingRule(share=0.1, long_days=365)
    chosen = [i for i in range(1, 20001) if reason_for(ClosedCase(i, 1.0, False), rule)]
    assert 0.09 < len(chosen) / 20000 < 0.11
    assert chosen == [i for i in range(1, 20001) if draw(i) < 0.1]  # the same cases each time
    assert reason_for(ClosedCase(5, 1.0, False), SamplingRule(share=1.0)) is Reason.SAMPLE
    with pytest.raises(ValidationError):
        SamplingRule(share=1.5).check()


def test_attempts():
    pending = CallStatus.PENDING
    assert after_attempt(pending, 0, Outcome.ANSWERED) is CallStatus.REACHED
    assert after_attempt(pending, 0, Outcome.REFUSED) is CallStatus.REFUSED
    assert after_attempt(pending, 0, Outcome.WRONG_NUMBER) is CallStatus.GAVE_UP
    assert after_attempt(pending, 0, Outcome.NO_ANSWER) is pending
    assert after_attempt(pending, MAX_ATTEMPTS - 1, Outcome.NO_ANSWER) is CallStatus.GAVE_UP
    with pytest.raises(ConflictError):
        after_attempt(CallStatus.REACHED, 1, Outcome.ANSWERED)
