"""The access log is complete: opening a 민원, every change, print and export of it, happy calls,
linked survey answers and callbacks name whose data it was (subject_id); exports of personal
data need a reason, kept in the entry's reason column; a missing reason exports and logs nothing.
"""
from __future__ import annotations

from datetime import timedelta

import pytest

from pcrm_desktop.domain.citizens import Citizen
from pcrm_desktop.domain.complaints import Action, Channel, Intake, NoticeMethod, Result
from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.domain.happy_call import Outcome, SamplingRule
from pcrm_desktop.services import (
    attachments,
    citizen_export,
    citizens,
    complaint_documents,
    complaint_export,
    complaints,
    happy_calls,
    survey_export,
    surveys,
)
from tests.audit_db import rows


@pytest.fixture
def office(admin_ctx, db_target):
    """A resident with a 민원 (and one 민원 without anyone named)."""
    now = admin_ctx.clock().replace(second=0, microsecond=0)
    person = citizens.register_citizen(admin_ctx, Citizen(
        None, "홍길동", 1970, phones=("010-1234-5678",))).citizen_id
    case = complaints.receive(admin_ctx, Intake(now, Channel.VISIT, "inquiry", "도로 파손", "내용",
                                                None, person)).complaint_id
    unnamed = complaints.receive(admin_ctx, Intake(now, Channel.PHONE, "inquiry", "익명 제보",
                                                   "")).complaint_id
    return admin_ctx, person, case, unnamed, now


def _version(db_target, complaint_id: int) -> int:
    return rows(db_target, "SELECT version FROM complaints WHERE id = ?", complaint_id)[0][0]


def _entries(db_target, action: str) -> list[tuple]:
    return rows(db_target, "SELECT target, subject_id, reason, actor, workstation FROM audit_log"
                         " WHERE action = ? ORDER BY id", action)


def _count(db_target) -> int:
    return rows(db_target, "SELECT count(*) FROM audit_log")[0][0]


@pytest.fixture
def out(tmp_path):
    """A folder for exports (the database lives in tmp_path itself)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_opening_a_case_is_logged_with_whose_it_is(office, db_target):
    ctx, person, case, unnamed, _ = office
    receipt = complaints.case(ctx, case)["receipt_no"]
    [(target, subject, reason, actor, workstation)] = _entries(db_target, "complaint.view")
    assert (target, subject, reason) == (receipt, person, "")
    assert (actor, workstation) == (ctx.actor.login, ctx.actor.workstation)
    # no applicant named: still a view of a 민원 (its content may name people), no subject
    complaints.case(ctx, unnamed)
    assert [s for _, s, *_ in _entries(db_target, "complaint.view")] == [person, None]


def test_every_change_print_and_file_of_a_case_names_its_applicant(office, db_target, tmp_path):
    ctx, person, case, unnamed, now = office
    assert _entries(db_target, "complaint.add")[0][1] == person
    complaints.act(ctx, case, Action.NOTICE, _version(db_target, case), "진행 중",
                   notice=(NoticeMethod.PHONE, "조사 중입니다."))
    complaints.act(ctx, case, Action.COMPLETE, _version(db_target, case), result=Result.ACCEPTED,
                   answer="보수했습니다.")
    complaints.link_cases(ctx, case, unnamed)
    photo = tmp_path / "사진.txt"
    photo.write_text("사진", encoding="utf-8")
    attachments.attach(ctx, case, photo)
    attachments.open_copy(ctx, attachments.attachments(ctx, case)[0].id, tmp_path / "열람")
    complaint_documents.receipt_pdf(ctx, case, tmp_path / "접수증.pdf")
    complaint_documents.answer_pdf(ctx, case, tmp_path / "회신문.pdf")
    for action in ("complaint.notice", "complaint.complete", "complaint.link", "complaint.attach",
                   "complaint.attachment_open"):
        assert [s for _, s, *_ in _entries(db_target, action)] == [person], action
    assert [s for _, s, *_ in _entries(db_target, "complaint.print")] == [person, person]


def test_linking_two_applicants_cases_logs_both(office, db_target):
    ctx, person, case, _, now = office
    other = citizens.register_citizen(ctx, Citizen(None, "김철수", 1980)).citizen_id
    second = complaints.receive(ctx, Intake(now, Channel.VISIT, "inquiry", "같은 일", "", None,
                                            other)).complaint_id
    complaints.link_cases(ctx, case, second)
    assert sorted(s for _, s, *_ in _entries(db_target, "complaint.link")) == [person, other]


def test_happy_call_phone_answers_and_callback_name_the_applicant(office, db_target):
    ctx, person, case, _, now = office
    surveys.create_survey(ctx, "CALLS", "HAPPYCALL", linked=True)
    complaints.act(ctx, case, Action.COMPLETE, _version(db_target, case), result=Result.ACCEPTED,
                   answer="안내했습니다.")
    happy_calls.sample_week(ctx, now.date() - timedelta(days=now.weekday()),
                            SamplingRule(share=1.0))
    call = happy_calls.queue(ctx)[0]["id"]
    happy_calls.record_attempt(ctx, call, Outcome.NO_ANSWER)
    happy_calls.record_attempt(ctx, call, Outcome.ANSWERED, survey="CALLS", answers={"OVERALL": 1})
    assert [(t, s) for t, s, *_ in _entries(db_target, "happy_call.record")] == [
        (f"call:{call}", person)] * 2
    # an answer keyed in later from the phone form, linked to the 민원 only
    done = surveys.submit(ctx, "CALLS", "phone", {"OVERALL": 2}, complaint_id=case)
    assert _entries(db_target, "survey.answer")[-1][:2] == (f"response:{done.response_id}", person)
    # the anonymous kiosk answer is not logged one by one
    surveys.create_survey(ctx, "COUNTER", "COUNTER", linked=False)
    before = _count(db_target)
    surveys.submit(ctx, "COUNTER", "kiosk", {"OVERALL": 5})
    assert _count(db_target) == before
    callback = surveys.callbacks(ctx)[0]["id"]
    surveys.close_callback(ctx, callback, "다시 안내함")
    assert _entries(db_target, "survey.callback")[0][:2] == (f"callback:{callback}", person)


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_resident_export_without_a_reason_writes_nothing(office, db_target, out, reason):
    ctx = office[0]
    before = _count(db_target)
    for unmasked in (False, True):
        with pytest.raises(ValidationError) as caught:
            citizen_export.export_citizens(ctx, out / "주민.xlsx", unmasked, reason)
        assert (caught.value.code, caught.value.field) == ("reason_required", "reason")
    assert _count(db_target) == before and list(out.iterdir()) == []


def test_a_resident_export_keeps_its_reason(office, db_target, out):
    ctx = office[0]
    citizen_export.export_citizens(ctx, out / "주민.csv", reason=" 복지 대상자 안내 ")
    [(target, subject, reason, *_)] = _entries(db_target, "citizen.export")
    assert (target, subject, reason) == ("주민.csv", None, "복지 대상자 안내")


@pytest.mark.parametrize("reason", ["", "   "])
def test_a_register_export_without_a_reason_writes_nothing(office, db_target, out, reason):
    ctx, _, _, _, now = office
    before = _count(db_target)
    with pytest.raises(ValidationError) as caught:
        complaint_export.export_register(ctx, now.date(), now.date(), out / "민원처리부.xlsx",
                                         reason)
    assert caught.value.code == "reason_required"
    assert _count(db_target) == before and list(out.iterdir()) == []


def test_a_register_export_keeps_its_reason(office, db_target, out):
    ctx, _, _, _, now = office
    done = complaint_export.export_register(ctx, now.date(), now.date(),
                                            out / "민원처리부.xlsx", "구청 제출")
    assert done.rows == 2 and [p.name for p in out.iterdir()] == ["민원처리부.xlsx"]
    [(target, subject, reason, *_)] = _entries(db_target, "complaint.export")
    assert (target, subject, reason) == ("민원처리부.xlsx", None, "구청 제출")


def test_a_reason_with_a_resident_registration_number_is_masked(office, db_target, tmp_path):
    ctx = office[0]
    citizen_export.export_citizens(ctx, tmp_path / "주민.csv", reason="900101-1234567 건 확인")
    assert _entries(db_target, "citizen.export")[0][2] == "900101-1****** 건 확인"


def test_the_anonymous_survey_export_needs_no_reason(office, db_target, tmp_path):
    ctx, *_, now = office
    surveys.create_survey(ctx, "COUNTER", "COUNTER", linked=False)
    surveys.submit(ctx, "COUNTER", "kiosk", {"OVERALL": 4})
    survey_export.export_responses(ctx, "COUNTER", now.date(), now.date(), tmp_path / "a.csv")
    survey_export.export_responses(ctx, "COUNTER", now.date(), now.date(), tmp_path / "b.csv",
                                   reason="만족도 분석 의뢰")
    assert [(t, r) for t, _, r, *_ in _entries(db_target, "survey.export")] == [
        ("a.csv", ""), ("b.csv", "만족도 분석 의뢰")]


def test_a_reveal_keeps_its_reason_and_subject(office, db_target):
    ctx, person, *_ = office
    with pytest.raises(ValidationError):
        citizens.reveal(ctx, person, "phones", " ")
    assert citizens.reveal(ctx, person, "phones", "회신 전화") == "010-1234-5678"
    [(target, subject, reason, *_)] = _entries(db_target, "citizen.reveal")
    assert (target, subject, reason) == (f"citizen:{person}", person, "회신 전화")


def test_every_entry_about_a_resident_has_its_subject(office, db_target, tmp_path):
    """Whatever a resident's 민원 went through, no entry naming them lacks the subject."""
    ctx, person, case, _, _ = office
    complaints.case(ctx, case)
    citizens.open_profile(ctx, person)
    complaint_documents.receipt_pdf(ctx, case, tmp_path / "접수증.pdf")
    receipt = rows(db_target, "SELECT receipt_no FROM complaints WHERE id = ?", case)[0][0]
    missing = rows(db_target, "SELECT action FROM audit_log WHERE (target = ? OR target = ?)"
                            " AND subject_id IS NULL", receipt, f"citizen:{person}")
    assert missing == []
