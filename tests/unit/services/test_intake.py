"""접수 (complaints.receive) on the fakes: the 접수번호, the due date, the first events and the
access-log entry written in the one transaction that commits the case — or nothing at all."""
from __future__ import annotations

from datetime import datetime

import pytest

from pcrm_desktop.domain.citizens import Citizen
from pcrm_desktop.domain.complaints import Channel, Intake, Status
from pcrm_desktop.domain.errors import NotFoundError, ValidationError
from pcrm_desktop.domain.privacy import PermissionDenied
from pcrm_desktop.services import categories, citizens, complaints
from tests.fakes import FIXED_NOW


def _intake(**given) -> Intake:
    values = dict(received_at=FIXED_NOW, channel=Channel.VISIT, type_code="inquiry",
                  title="보도블록 파손", content="자하문로 92 앞 보도블록이 깨졌습니다.")
    return Intake(**{**values, **given})


def _citizen(office, name: str = "홍길동") -> int:
    return citizens.register_citizen(office.clerk, Citizen(None, name, 1970)).citizen_id


def _snapshot(office):
    state = office.db.committed
    return (office.db.commits, dict(state.complaints), list(state.events),
            dict(state.receipt_counters), len(state.audit))


def test_a_received_case_is_committed_once_with_its_event_and_audit_entry(office):
    applicant = _citizen(office)
    commits = office.db.commits
    got = complaints.receive(office.clerk, _intake(citizen_id=applicant))
    assert office.db.commits == commits + 1
    assert got.receipt_no == "2026-000001"
    # inquiry, 7 days from Mon 2026-03-02 (day 1) over Thu 3/5 (off) → Wed 3/11 18:00
    assert got.deadline.due == datetime(2026, 3, 11, 18, 0)
    row = office.db.committed.complaints[got.complaint_id]
    assert (row["status"], row["open"], row["due_at"], row["citizen_id"], row["period_unit"],
            row["period_amount"]) == ("received", True, datetime(2026, 3, 11, 18, 0), applicant,
                                      "days", 7)
    assert [(e["kind"], e["from_status"], e["to_status"], e["actor"])
            for e in office.db.committed.events] == [("received", None, "received", "clerk1")]
    [entry] = office.entries("complaint.add")
    assert (entry.target, entry.detail, entry.subject_id, entry.actor) == \
        ("2026-000001", f"citizen:{applicant}", applicant, "clerk1")
    assert office.db.audit_staff_ids[-1] == office.staff_id("clerk1")


def test_receipt_numbers_run_per_year(office):
    office.db.seed_years(2025)
    numbers = [complaints.receive(office.clerk, _intake(received_at=moment)).receipt_no
               for moment in (FIXED_NOW, FIXED_NOW, datetime(2025, 12, 30, 10, 0), FIXED_NOW)]
    assert numbers == ["2026-000001", "2026-000002", "2025-000001", "2026-000003"]
    assert office.db.committed.receipt_counters == {2025: 1, 2026: 3}


def test_a_case_given_an_assignee_is_assigned_at_once(office):
    clerk = office.staff_id("clerk1")
    got = complaints.receive(office.clerk, _intake(assignee_id=clerk, department_id=office.department))
    assert office.db.committed.complaints[got.complaint_id]["status"] == Status.ASSIGNED.value
    assert [(e["kind"], e["from_status"], e["to_status"]) for e in office.db.committed.events] == \
        [("received", None, "received"), ("assign", "received", "assigned")]


def test_an_unnamed_applicant_is_logged_as_such(office):
    complaints.receive(office.clerk, _intake())
    [entry] = office.entries("complaint.add")
    assert (entry.detail, entry.subject_id) == ("민원인 없음", None)


def test_a_missing_applicant_refuses_the_whole_intake(office):
    complaints.receive(office.clerk, _intake())  # 2026-000001 taken
    before = _snapshot(office)
    with pytest.raises(NotFoundError) as refused:
        complaints.receive(office.clerk, _intake(citizen_id=999))
    assert refused.value.code == "citizen_not_found"
    assert _snapshot(office) == before  # no case, no event, no entry, the counter not moved
    assert complaints.receive(office.clerk, _intake()).receipt_no == "2026-000002"


@pytest.mark.parametrize("given, code", [
    (dict(title="  "), "required"),
    (dict(title="가" * 201), "too_long"),
    (dict(channel=Channel.EPEOPLE), "epeople_no_required"),
    (dict(received_at=datetime(2026, 3, 3, 9, 30)), "received_in_future"),
], ids=["empty title", "long title", "epeople without number", "tomorrow"])
def test_invalid_intake_is_refused_before_anything_is_written(office, given, code):
    before, opened = _snapshot(office), office.db.opened
    with pytest.raises(ValidationError) as refused:
        complaints.receive(office.clerk, _intake(**given))
    assert refused.value.code == code
    assert _snapshot(office) == before
    assert office.db.opened == opened  # the form is checked before any transaction


def test_an_unknown_type_is_refused_in_the_one_transaction_and_rolled_back(office):
    before, writes = _snapshot(office), office.db.opened_for_write
    rollbacks = office.db.rollbacks
    with pytest.raises(ValidationError) as refused:
        complaints.receive(office.clerk, _intake(type_code="nothing"))
    assert refused.value.code == "type_unknown"
    assert office.db.opened_for_write == writes + 1  # the type is looked up in the use case's
    assert office.db.rollbacks == rollbacks + 1      # transaction, which then wrote nothing
    assert _snapshot(office) == before


def test_the_kiosk_may_not_receive_a_case(office):
    before, opened = _snapshot(office), office.db.opened
    with pytest.raises(PermissionDenied) as refused:
        complaints.receive(office.kiosk, _intake())
    assert refused.value.params == {"action": "complaint.add", "role": "kiosk"}
    assert _snapshot(office) == before and office.db.opened == opened  # not even a read


def test_a_resident_registration_number_typed_in_is_masked_and_counted(office):
    got = complaints.receive(office.clerk, _intake(content="신청인 800101-1234567 연락 바람"))
    assert got.rrn_masked == 1
    stored = office.db.committed.complaints[got.complaint_id]["content"]
    assert "1234567" not in stored and stored.startswith("신청인 ")


def _category(office, name: str) -> int:
    """One of the categories every database starts with (도로·교통 > 도로 파손 …)."""
    return next(c["id"] for c in complaints.categories(office.clerk) if c["name"] == name)


def test_the_category_period_decides_the_due_date(office):
    road = _category(office, "도로·교통")
    categories.set_category_period(office.manager, road, 3)
    got = complaints.receive(office.clerk, _intake(category_id=road))
    # 3 days = 24 working hours from Mon 09:30 over Thu 3/5 (off) → Fri 2026-03-06 09:30
    assert got.deadline.due == datetime(2026, 3, 6, 9, 30)
    row = office.db.committed.complaints[got.complaint_id]
    assert (row["period_unit"], row["period_amount"]) == ("hours", 24)


def test_earlier_cases_of_the_same_person_and_category_are_advised(office):
    road = _category(office, "도로 파손")
    applicant, other = _citizen(office), _citizen(office, "김철수")
    first = complaints.receive(office.clerk, _intake(citizen_id=applicant, category_id=road))
    complaints.receive(office.clerk, _intake(citizen_id=other, category_id=road))
    complaints.receive(office.clerk, _intake(citizen_id=applicant))  # no category: not a repeat
    again = complaints.receive(office.clerk, _intake(citizen_id=applicant, category_id=road))
    assert [c.receipt_no for c in again.repeats.earlier] == [first.receipt_no]
    assert (again.repeats.filings, again.repeats.notices) == (2, 0)
    assert first.repeats.filings == 1
