"""민원 workflow rules (domain.complaints): every allowed and refused transition, the single
extension, transfer, repeats."""
from __future__ import annotations

from datetime import datetime

import pytest

from pcrm_desktop.domain.complaints import (
    OPEN,
    TRANSITIONS,
    Action,
    Channel,
    Intake,
    PastCase,
    Status,
    allowed_actions,
    check_extension,
    clean_intake,
    d_day_text,
    next_status,
    receipt_number,
    repeat_advice,
)
from pcrm_desktop.domain.errors import ConflictError, ValidationError

# The whole table, written out by hand: (action, from) → to; anything not here is refused.
ALLOWED = {
    **{(Action.ASSIGN, s): Status.ASSIGNED for s in OPEN},
    (Action.START, Status.RECEIVED): Status.IN_PROGRESS,
    (Action.START, Status.ASSIGNED): Status.IN_PROGRESS,
    (Action.HOLD, Status.ASSIGNED): Status.ON_HOLD,
    (Action.HOLD, Status.IN_PROGRESS): Status.ON_HOLD,
    (Action.RESUME, Status.ON_HOLD): Status.IN_PROGRESS,
    **{(Action.EXTEND, s): s for s in OPEN},        # the status stays
    **{(Action.NOTICE, s): s for s in OPEN},
    **{(Action.TRANSFER, s): Status.TRANSFERRED for s in OPEN},
    **{(Action.COMPLETE, s): Status.DONE for s in OPEN},
    (Action.REOPEN, Status.DONE): Status.IN_PROGRESS,
    (Action.CLOSE, Status.DONE): Status.CLOSED,
    (Action.CLOSE, Status.TRANSFERRED): Status.CLOSED,
}


@pytest.mark.parametrize("action", list(Action))
@pytest.mark.parametrize("status", list(Status))
def test_every_transition(action, status):
    if (action, status) in ALLOWED:
        assert next_status(status, action, "사유") is ALLOWED[(action, status)]
    else:
        with pytest.raises(ConflictError) as caught:
            next_status(status, action, "사유")
        assert caught.value.code == "transition_refused"


def test_the_table_and_the_menu_agree():
    assert {(a, s) for a, (sources, _) in TRANSITIONS.items() for s in sources} == set(ALLOWED)
    assert allowed_actions(Status.CLOSED) == []  # 종결: nothing more
    assert allowed_actions(Status.DONE) == [Action.REOPEN, Action.CLOSE]
    assert Action.EXTEND in allowed_actions(Status.IN_PROGRESS)
    assert Action.EXTEND not in allowed_actions(Status.IN_PROGRESS, extended=True)


@pytest.mark.parametrize("action", [Action.HOLD, Action.EXTEND, Action.TRANSFER, Action.NOTICE])
def test_some_steps_need_a_reason(action):
    with pytest.raises(ValidationError) as caught:
        next_status(Status.ASSIGNED, action, "  ")
    assert caught.value.code == "note_required"


DUE = datetime(2026, 12, 10, 18, 0)


def test_extension_once_within_the_period_to_a_later_date():
    at = datetime(2026, 12, 8, 10, 0)
    check_extension(Status.IN_PROGRESS, False, DUE, at, datetime(2026, 12, 24, 18, 0), "현장 확인 필요")
    with pytest.raises(ConflictError) as caught:     # a second extension
        check_extension(Status.IN_PROGRESS, True, DUE, at, datetime(2026, 12, 24, 18, 0), "또")
    assert caught.value.code == "extension_once"
    with pytest.raises(ConflictError) as caught:     # asked after the period ran out
        check_extension(Status.IN_PROGRESS, False, DUE, datetime(2026, 12, 11, 9, 0),
                        datetime(2026, 12, 24, 18, 0), "늦음")
    assert caught.value.code == "extension_late"
    with pytest.raises(ValidationError) as caught:   # not later than the current due date
        check_extension(Status.IN_PROGRESS, False, DUE, at, DUE, "같은 날")
    assert caught.value.code == "extension_not_later"
    with pytest.raises(ValidationError):              # no reason
        check_extension(Status.IN_PROGRESS, False, DUE, at, datetime(2026, 12, 24, 18, 0), "")
    with pytest.raises(ConflictError):                # a closed case
        check_extension(Status.DONE, False, DUE, at, datetime(2026, 12, 24, 18, 0), "사유")


def test_transfer_stops_the_clock():
    # 이송 leaves the open statuses: the case drops out of every deadline queue
    assert next_status(Status.IN_PROGRESS, Action.TRANSFER, "국토교통부") not in OPEN


def past(n: int, answered: bool) -> PastCase:
    return PastCase(n, f"2026-{n:06d}", datetime(2026, 1, n), "같은 내용", Status.CLOSED, answered)


def test_repeats_suggest_closure_only_after_three_filings_and_two_notices():
    assert not repeat_advice([]).any
    one = repeat_advice([past(1, True)])
    assert (one.filings, one.notices, one.suggest_close) == (2, 1, False)
    # third filing, but only one notice so far
    assert not repeat_advice([past(1, True), past(2, False)]).suggest_close
    third = repeat_advice([past(1, True), past(2, True)])
    assert (third.filings, third.notices, third.suggest_close) == (3, 2, True)


def test_intake_rules():
    now = datetime(2026, 11, 27, 14, 5)
    base = Intake(now, Channel.VISIT, "inquiry", " 불법주정차 신고 ", "주민번호 900101-1234567 기재")
    cleaned, masked = clean_intake(base, now)
    assert cleaned.title == "불법주정차 신고" and "900101-1******" in cleaned.content and masked == 1
    with pytest.raises(ValidationError) as caught:
        clean_intake(Intake(now, Channel.VISIT, "inquiry", "  "), now)
    assert caught.value.code == "required"
    with pytest.raises(ValidationError) as caught:
        clean_intake(Intake(now, Channel.EPEOPLE, "inquiry", "제목"), now)
    assert caught.value.code == "epeople_no_required"
    with pytest.raises(ValidationError) as caught:
        clean_intake(Intake(datetime(2026, 11, 28, 9, 0), Channel.VISIT, "inquiry", "제목"), now)
    assert caught.value.code == "received_in_future"


def test_receipt_numbers_and_d_days():
    assert receipt_number(2026, 4512) == "2026-004512"
    assert [d_day_text(d) for d in (3, 0, -2)] == ["D-3", "D-day", "D+2"]
