"""The 민원 workflow (complaints.act, link_cases, attach_applicant) on the fakes: each step
writes the case, its event and its access-log entry in one commit; a refused step (role,
rule, stale version) writes nothing."""
from __future__ import annotations

from datetime import datetime

import pytest

from pcrm_desktop.domain.citizens import Citizen
from pcrm_desktop.domain.complaints import Action, Channel, Intake, NoticeMethod, Result
from pcrm_desktop.domain.errors import (
    ConflictError,
    EditConflict,
    NotFoundError,
    ValidationError,
)
from pcrm_desktop.domain.privacy import PermissionDenied
from pcrm_desktop.services import citizens, complaints
from tests.fakes import FIXED_NOW

DUE = datetime(2026, 3, 11, 18, 0)     # inquiry received Mon 3/2 09:30 (see test_deadlines)
LIMIT = datetime(2026, 3, 20, 18, 0)   # the period once more after DUE (likewise)


@pytest.fixture
def case(office) -> int:
    applicant = citizens.register_citizen(office.clerk, Citizen(None, "홍길동", 1970)).citizen_id
    return complaints.receive(office.clerk, Intake(FIXED_NOW, Channel.VISIT, "inquiry",
                                                   "가로등 고장", citizen_id=applicant)).complaint_id


def _row(office, complaint_id: int) -> dict:
    return office.db.committed.complaints[complaint_id]


def _version(office, complaint_id: int) -> int:
    return _row(office, complaint_id)["version"]


def _act(office, ctx, complaint_id: int, action: Action, note: str = "", **given):
    return complaints.act(ctx, complaint_id, action, _version(office, complaint_id), note, **given)


def _last_event(office) -> tuple:
    e = office.db.committed.events[-1]
    return e["kind"], e["from_status"], e["to_status"], e["note"]


def _unchanged(office):
    """What must stay as it was after a refused step."""
    s = office.db.committed
    return office.db.commits, {i: dict(r) for i, r in s.complaints.items()}, len(s.events), len(s.audit)


def test_assign_writes_case_event_and_entry_in_one_commit(office, case):
    commits, clerk = office.db.commits, office.staff_id("clerk1")
    assert _act(office, office.manager, case, Action.ASSIGN, "담당 지정",
                assignee_id=clerk) == frozenset({"complaints"})
    assert office.db.commits == commits + 1
    row = _row(office, case)
    assert (row["status"], row["assignee_id"], row["version"]) == ("assigned", clerk, 2)
    assert _last_event(office) == ("assign", "received", "assigned", "담당 지정")
    entry = office.db.audit[-1]
    assert (entry.action, entry.target, entry.detail, entry.subject_id, entry.actor) == \
        ("complaint.assign", "2026-000001", "담당 지정", row["citizen_id"], "manager1")


def test_assign_needs_someone_to_assign(office, case):
    before = _unchanged(office)
    with pytest.raises(ValidationError) as refused:
        _act(office, office.manager, case, Action.ASSIGN)
    assert refused.value.code == "assignee_required"
    assert _unchanged(office) == before


def test_complete_needs_a_result_and_an_answer(office, case):
    _act(office, office.clerk, case, Action.START)
    before = _unchanged(office)
    for given, field in ((dict(), "result"), (dict(result=Result.ACCEPTED), "answer")):
        with pytest.raises(ValidationError) as refused:
            _act(office, office.clerk, case, Action.COMPLETE, **given)
        assert (refused.value.code, refused.value.field) == ("required", field)
    assert _unchanged(office) == before
    _act(office, office.clerk, case, Action.COMPLETE, result=Result.ACCEPTED, answer="교체했습니다.")
    row = _row(office, case)
    assert (row["status"], row["open"], row["result"], row["answer"], row["done_at"]) == \
        ("done", False, "accepted", "교체했습니다.", FIXED_NOW)
    assert _last_event(office) == ("complete", "in_progress", "done", "[수용] 교체했습니다.")


def test_a_withdrawn_case_needs_no_answer(office, case):
    _act(office, office.clerk, case, Action.COMPLETE, result=Result.WITHDRAWN)
    assert (_row(office, case)["result"], _last_event(office)[3]) == ("withdrawn", "[취하]")


def test_transfer_names_the_agency(office, case):
    before = _unchanged(office)
    with pytest.raises(ValidationError) as refused:
        _act(office, office.clerk, case, Action.TRANSFER)  # no agency, no note: no reason
    assert refused.value.code == "note_required"
    assert _unchanged(office) == before
    _act(office, office.clerk, case, Action.TRANSFER, agency="종로구청 도로과")
    row = _row(office, case)
    assert (row["status"], row["open"], row["transferred_to"], row["result"], row["done_at"]) == \
        ("transferred", False, "종로구청 도로과", "transferred", FIXED_NOW)
    assert _last_event(office)[3] == "종로구청 도로과(으)로 이송"


def test_extend_once_within_the_limit_with_a_reason(office, case):
    before = _unchanged(office)
    for note, new_due, code in (("", datetime(2026, 3, 18, 18, 0), "note_required"),
                                ("현장 확인", DUE, "extension_not_later"),
                                ("현장 확인", datetime(2026, 3, 23, 18, 0), "extension_too_long")):
        with pytest.raises(ValidationError) as refused:
            _act(office, office.clerk, case, Action.EXTEND, note, new_due=new_due)
        assert refused.value.code == code
    assert _unchanged(office) == before
    _act(office, office.clerk, case, Action.EXTEND, "현장 확인", new_due=LIMIT)  # the limit itself
    row = _row(office, case)
    assert (row["due_at"], row["extended"], row["status"]) == (LIMIT, True, "received")
    assert _last_event(office) == ("extend", "received", "received",
                                   "2026-03-20 18:00까지 연장: 현장 확인")
    with pytest.raises(ConflictError) as again:
        _act(office, office.clerk, case, Action.EXTEND, "또", new_due=datetime(2026, 3, 27, 18, 0))
    assert again.value.code == "extension_once"


def test_a_notice_keeps_how_and_what_the_applicant_was_told(office, case):
    with pytest.raises(ValidationError) as refused:
        _act(office, office.clerk, case, Action.NOTICE, notice=(NoticeMethod.SMS, " "))
    assert (refused.value.code, refused.value.field) == ("required", "notice_text")
    _act(office, office.clerk, case, Action.NOTICE, notice=(NoticeMethod.SMS, "처리 중입니다."))
    assert _last_event(office) == ("notice", "received", "received", "[문자 통지] 처리 중입니다.")


def test_reopen_moves_the_answer_to_the_history(office, case):
    _act(office, office.clerk, case, Action.COMPLETE, result=Result.INFORMED, answer="안내함")
    _act(office, office.clerk, case, Action.REOPEN, "추가 요청")
    row = _row(office, case)
    assert (row["status"], row["open"], row["result"], row["done_at"], row["answer"]) == \
        ("in_progress", True, None, None, "")
    assert [e["note"] for e in office.db.committed.events][-2:] == ["[정보제공] 안내함", "추가 요청"]


def test_a_step_not_allowed_now_is_refused(office, case):
    _act(office, office.clerk, case, Action.COMPLETE, result=Result.ACCEPTED, answer="완료")
    before = _unchanged(office)
    with pytest.raises(ConflictError) as refused:
        _act(office, office.clerk, case, Action.HOLD, "잠시 보류")
    assert refused.value.code == "transition_refused"
    assert refused.value.params == {"action": "hold", "status": "done"}
    assert _unchanged(office) == before


def test_a_stale_version_is_refused_with_the_case_as_it_is_now(office, case):
    read = _version(office, case)
    _act(office, office.manager, case, Action.ASSIGN, assignee_id=office.staff_id("clerk1"))
    before = _unchanged(office)
    with pytest.raises(EditConflict) as refused:
        complaints.act(office.clerk, case, Action.START, read)
    current = refused.value.current
    assert (current["version"], current["status"], current["assignee"]) == (2, "assigned", "이주무")
    assert [e["kind"] for e in current["events"]] == ["received", "assign"]
    assert all("note" not in e for e in current["events"])  # no notes: no personal data
    assert _unchanged(office) == before


def test_an_unknown_case_and_the_kiosk_are_refused(office, case):
    before = _unchanged(office)
    with pytest.raises(NotFoundError):
        complaints.act(office.clerk, 999, Action.START, 1)
    with pytest.raises(PermissionDenied) as refused:
        complaints.act(office.kiosk, case, Action.START, 1)
    assert refused.value.params == {"action": "complaint.start", "role": "kiosk"}
    assert _unchanged(office) == before


def test_linking_writes_one_entry_per_applicant(office, case):
    other = complaints.receive(office.clerk, Intake(FIXED_NOW, Channel.PHONE, "inquiry",
                                                    "가로등 또 고장")).complaint_id
    with pytest.raises(ValidationError) as refused:
        complaints.link_cases(office.clerk, case, case)
    assert refused.value.code == "link_same"
    with pytest.raises(NotFoundError):
        complaints.link_cases(office.clerk, case, 999)
    commits = office.db.commits
    complaints.link_cases(office.clerk, other, case)
    assert office.db.commits == commits + 1
    assert list(office.db.committed.links) == [(case, other)]
    # the first case's applicant, and none for the unnamed one: one entry
    assert [(e.target, e.subject_id) for e in office.entries("complaint.link")] == \
        [(f"{other}-{case}", _row(office, case)["citizen_id"])]


def test_an_applicant_is_attached_once(office, case):
    unnamed = complaints.receive(office.clerk, Intake(FIXED_NOW, Channel.PHONE, "inquiry",
                                                      "익명 제보")).complaint_id
    applicant = _row(office, case)["citizen_id"]
    complaints.attach_applicant(office.clerk, unnamed, applicant, _version(office, unnamed))
    assert _row(office, unnamed)["citizen_id"] == applicant
    assert _last_event(office) == ("applicant", None, None, "")
    assert office.entries("complaint.attach_applicant")[0].subject_id == applicant
    before = _unchanged(office)
    with pytest.raises(ConflictError) as refused:
        complaints.attach_applicant(office.clerk, unnamed, applicant, _version(office, unnamed))
    assert refused.value.code == "applicant_already_set"
    with pytest.raises(NotFoundError):
        complaints.attach_applicant(office.clerk, case + 100, applicant, 1)
    assert _unchanged(office) == before
