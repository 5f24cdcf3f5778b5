"""Survey modes on a temporary database: the phone survey through the happy-call list (answers
linked, a low OVERALL leaves a manager's callback, one transaction with the attempt), the
kiosk's setup and PIN, paper forms with their date and number, breakdowns, the phone response
rate, and the month-over-month test."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.complaints import Result
from pcrm_desktop.domain.errors import ConflictError, ValidationError
from pcrm_desktop.domain.happy_call import Outcome, SamplingRule
from pcrm_desktop.domain.privacy import PermissionDenied
from pcrm_desktop.services import happy_calls
from pcrm_desktop.services import surveys as S
from tests.dbutil import rows
from tests.integration.test_happy_calls import CLOCK, close


@pytest.fixture
def ctx(admin_ctx):
    CLOCK["now"] = datetime(2026, 11, 27, 10)  # the cases below move it as they go
    return replace(admin_ctx, clock=lambda: CLOCK["now"])


def _calls(ctx, db_target):
    cases = [close(ctx, db_target, datetime(2026, 11, 16, 9), datetime(2026, 11, 16, 15 + n),
                   Result.REJECTED, f"010-2222-000{n}") for n in range(3)]
    CLOCK["now"] = datetime(2026, 11, 23, 10)
    happy_calls.sample_week(ctx, date(2026, 11, 16), SamplingRule(share=0.0))
    calls = {r["complaint_id"]: r["id"] for r in happy_calls.queue(ctx)}
    return cases, [calls[c] for c in cases]


def test_phone_answers_are_linked_and_a_low_overall_asks_a_manager_to_call_back(ctx, db_target):
    S.create_survey(ctx, "CALL", "HAPPYCALL", linked=True)
    cases, calls = _calls(ctx, db_target)
    happy_calls.record_attempt(ctx, calls[0], Outcome.ANSWERED, survey="CALL",
                               answers={"OVERALL": 2, "SPEED": 1, "KIND": "NA"}, seconds=95)
    happy_calls.record_attempt(ctx, calls[1], Outcome.ANSWERED, survey="CALL",
                               answers={"OVERALL": 3, "SPEED": 4})
    happy_calls.record_attempt(ctx, calls[2], Outcome.NO_ANSWER)
    linked = rows(db_target, "SELECT l.complaint_id, l.citizen_id IS NOT NULL, r.mode, r.seconds"
                           " FROM survey_links l JOIN survey_responses r ON r.id = l.response_id"
                           " ORDER BY l.complaint_id")
    assert linked == [(cases[0], 1, "phone", 95), (cases[1], 1, "phone", None)]
    # only the 2 asks for a callback, with the case it is about
    open_callbacks = S.callbacks(ctx)
    assert [(c["complaint_id"], c["reason"], c["survey"]) for c in open_callbacks] == [
        (cases[0], "OVERALL 2점", "CALL")]
    assert "*" in open_callbacks[0]["applicant"]  # masked on the list
    with pytest.raises(ValidationError):
        S.close_callback(ctx, open_callbacks[0]["id"], "  ")
    S.close_callback(ctx, open_callbacks[0]["id"], "팀장 통화: 재안내함")
    assert S.callbacks(ctx) == []
    assert [c["note"] for c in S.callbacks(ctx, open_only=False)] == ["팀장 통화: 재안내함"]
    with pytest.raises(ConflictError):  # done once
        S.close_callback(ctx, open_callbacks[0]["id"], "again")
    # the phone sample: 3 calls attempted, 2 people reached (the contacted), 2 completes
    result = S.summary(ctx, "CALL", date(2026, 11, 1), date(2026, 11, 30))
    assert result.phone == (3, 2, 2)
    assert result.response_rate.value == pytest.approx(100.0) and result.response_rate.n == 2
    assert result.response_rate.visibility == "suppressed"  # n 2: no percentage shown
    # the calls belong to the linked survey they asked, not to an anonymous one
    S.create_survey(ctx, "DESK", "COUNTER", linked=False)
    S.submit(ctx, "DESK", "kiosk", {"OVERALL": 5})
    desk = S.summary(ctx, "DESK", date(2026, 11, 1), date(2026, 11, 30))
    assert desk.phone == (0, 0, 0) and desk.response_rate is None
    # a complete given outside the period does not count in it
    assert S.summary(ctx, "CALL", date(2026, 12, 1), date(2026, 12, 31)).phone == (0, 0, 0)
    details = [d for (d,) in rows(db_target, "SELECT detail FROM audit_log"
                                           " WHERE action = 'happy_call.record' ORDER BY id")]
    assert details[0].startswith("answered, 설문 CALL 응답 #") and details[0].endswith("관리자 회신 요청")


def test_a_bad_answer_rolls_the_attempt_back_too(ctx, db_target):
    S.create_survey(ctx, "CALL", "HAPPYCALL", linked=True)
    _, calls = _calls(ctx, db_target)
    with pytest.raises(ValidationError):
        happy_calls.record_attempt(ctx, calls[0], Outcome.ANSWERED, survey="CALL",
                                   answers={"OVERALL": 6})
    assert rows(db_target, "SELECT attempts, status FROM happy_calls WHERE id = ?", calls[0]) == [
        (0, "pending")]
    assert rows(db_target, "SELECT count(*) FROM survey_responses") == [(0,)]
    with pytest.raises(ValidationError):  # answers with 부재 make no sense
        happy_calls.record_attempt(ctx, calls[0], Outcome.NO_ANSWER, survey="CALL",
                                   answers={"OVERALL": 4})
    S.create_survey(ctx, "ANON", "HAPPYCALL", linked=False)
    with pytest.raises(ConflictError):  # an anonymous survey cannot take a linked answer
        happy_calls.record_attempt(ctx, calls[0], Outcome.ANSWERED, survey="ANON",
                                   answers={"OVERALL": 4})
    assert rows(db_target, "SELECT attempts FROM happy_calls WHERE id = ?", calls[0]) == [(0,)]


def test_an_anonymous_low_score_asks_no_callback(ctx):
    S.create_survey(ctx, "ANON", "MINWON", linked=False)
    assert S.submit(ctx, "ANON", "kiosk", {"OVERALL": 1}).callback is False
    assert S.callbacks(ctx) == []


def test_kiosk_setup_and_pin(ctx, db_target):
    S.create_survey(ctx, "DESK", "COUNTER", linked=False)
    S.create_survey(ctx, "CALL", "HAPPYCALL", linked=True)
    assert S.kiosk_setup(ctx) == S.KioskSetup("", False)
    with pytest.raises(ConflictError):
        S.set_kiosk(ctx, "CALL", "1234")  # the kiosk links nobody
    with pytest.raises(ValidationError):
        S.set_kiosk(ctx, "DESK", "12a4")
    S.set_kiosk(ctx, "desk", "482910")
    assert S.kiosk_setup(ctx) == S.KioskSetup("DESK", True)
    stored = rows(db_target, "SELECT value FROM office_settings WHERE key = 'kiosk.pin'")[0][0]
    assert "482910" not in stored
    kiosk = ctx.as_actor(Actor(None, "kiosk1", "kiosk", "민원실"))
    with pytest.raises(PermissionDenied):
        S.set_kiosk(kiosk, "DESK", "0000")
    assert S.leave_kiosk(kiosk, "000000") is False
    assert S.leave_kiosk(kiosk, "482910") is True
    assert rows(db_target, "SELECT action FROM audit_log WHERE action LIKE 'kiosk.%' ORDER BY id") == [
        ("kiosk.setup",), ("kiosk.exit_refused",), ("kiosk.exit",)]
    S.set_kiosk(ctx, "DESK")  # the survey changed, the PIN kept
    assert S.leave_kiosk(kiosk, "482910") is True


def test_paper_forms_keep_their_date_and_number(ctx, db_target):
    S.create_survey(ctx, "PAPER", "MINWON", linked=False)
    S.submit(ctx, "PAPER", "paper", {"OVERALL": 4}, submitted_at=datetime(2026, 10, 30),
             form_no="A-0012")
    assert rows(db_target, "SELECT submitted_at, form_no FROM survey_responses") == [
        ("2026-10-30 00:00:00.000000", "A-0012")]
    with pytest.raises(ValidationError):  # not in the future
        S.submit(ctx, "PAPER", "paper", {"OVERALL": 4}, submitted_at=datetime(2027, 1, 1))
    october = S.summary(ctx, "PAPER", date(2026, 10, 1), date(2026, 10, 31))
    assert october.responses == 1


def test_breakdown_by_mode_channel_and_department(ctx, db_target):
    S.create_survey(ctx, "CALL", "HAPPYCALL", linked=True)
    cases, calls = _calls(ctx, db_target)
    for call, score in zip(calls, (5, 4, 4)):
        happy_calls.record_attempt(ctx, call, Outcome.ANSWERED, survey="CALL",
                                   answers={"OVERALL": score})
    for score in (1, 3):
        S.submit(ctx, "CALL", "paper", {"OVERALL": score})
    by_mode = {g.label: g.score for g in S.breakdown(ctx, "CALL", date(2026, 11, 1),
                                                      date(2026, 11, 30), "mode")}
    assert {k: (v.n, v.value) for k, v in by_mode.items()} == {
        "phone": (3, pytest.approx((13 / 3 - 1) * 25)), "paper": (2, pytest.approx(25.0))}
    assert by_mode["phone"].visibility == "suppressed"
    by_channel = S.breakdown(ctx, "CALL", date(2026, 11, 1), date(2026, 11, 30), "channel")
    assert [(g.label, g.score.n) for g in by_channel] == [("visit", 3)]  # unlinked paper left out
    by_type = S.breakdown(ctx, "CALL", date(2026, 11, 1), date(2026, 11, 30), "type")
    assert [g.score.n for g in by_type] == [3]
    with pytest.raises(ValidationError):
        S.breakdown(ctx, "CALL", date(2026, 11, 1), date(2026, 11, 30), "shoe_size")


def test_month_trend_arrow_only_when_significant(ctx):
    S.create_survey(ctx, "M", "MINWON", linked=False)
    # October: 40 × 3 and 40 × 4 (mean 3.5); November: 40 × 4 and 40 × 5 (mean 4.5):
    # +25 points with n 80 each, clearly significant. KIND: 40 × 4 / 40 × 4 +1 × 5, no change.
    for month, low in ((10, 3), (11, 4)):
        for n in range(80):
            answers = {"OVERALL": low if n < 40 else low + 1}
            if n < 40:
                answers["KIND"] = 4 if n or month == 10 else 5
            S.submit(ctx, "M", "paper", answers, submitted_at=datetime(2026, month, 2 + n % 20))
    trend = S.month_trend(ctx, "M", date(2026, 11, 15))
    assert trend.current.responses == 80 and trend.previous.responses == 80
    overall = trend.changes["OVERALL"]
    assert overall.difference == pytest.approx(25.0) and overall.significant
    kind = trend.changes["KIND"]
    assert kind.difference == pytest.approx(25 / 40) and not kind.significant
    # December with 5 answers: its score is hidden, and so is any change against it
    CLOCK["now"] = datetime(2026, 12, 20, 10)
    for _ in range(5):
        S.submit(ctx, "M", "paper", {"OVERALL": 5}, submitted_at=datetime(2026, 12, 3))
    december = S.month_trend(ctx, "M", date(2026, 12, 1))
    assert not december.current.overall.shown and "OVERALL" not in december.changes


def test_merging_residents_moves_their_survey_links(ctx, db_target):
    from pcrm_desktop.domain.citizens import Citizen
    from pcrm_desktop.services import citizens
    S.create_survey(ctx, "CALL", "HAPPYCALL", linked=True)
    cases, calls = _calls(ctx, db_target)
    happy_calls.record_attempt(ctx, calls[0], Outcome.ANSWERED, survey="CALL", answers={"OVERALL": 4})
    applicant = rows(db_target, "SELECT citizen_id FROM survey_links")[0][0]
    other = citizens.register_citizen(ctx, Citizen(None, "김해피", 1960), allow_duplicate=True).citizen_id
    citizens.merge_citizens(ctx, other, applicant)
    assert rows(db_target, "SELECT citizen_id FROM survey_links") == [(other,)]


def test_an_item_keeps_its_type_across_versions(ctx):
    from dataclasses import replace as change

    from pcrm_desktop.domain.surveys import TEMPLATES, ItemType, Questionnaire
    S.create_survey(ctx, "M", "MINWON", linked=False)
    S.submit(ctx, "M", "kiosk", {"OVERALL": 4, "KIND": 5})
    q = TEMPLATES["MINWON"]
    seven = Questionnaire(q.title, tuple(change(i, type=ItemType.SCALE7) if i.code == "KIND" else i
                                         for i in q.items))
    with pytest.raises(ValidationError) as caught:
        S.edit_survey(ctx, "M", seven)
    assert caught.value.code == "item_type_changed" and caught.value.params["item_code"] == "KIND"
    without_kind = Questionnaire(q.title, tuple(i for i in q.items if i.code != "KIND"))
    assert S.edit_survey(ctx, "M", without_kind) == 2
    with pytest.raises(ValidationError):  # nor when it comes back later
        S.edit_survey(ctx, "M", seven)
