"""Checking the access log's chain (services.audit_trail) on the fakes, where the log may be
empty: a real database file never is (creating it writes the first entry), so only here can the
check of an empty log be seen. Chains, witnesses and keys are tested on real files
(tests/integration/test_audit_chain.py, test_audit_witnesses.py)."""
from __future__ import annotations

from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.services.audit_trail import verify_chain
from tests.fakes import WORKSTATION, make_context

AUDITOR = Actor(7, "hong", "admin", WORKSTATION)


def test_checking_an_empty_log_reports_it_sound_and_records_the_check():
    """The report of an empty log has no last entry (None): the check's own entry, written
    after it, is not taken as the new head (that compared None + 1 and raised TypeError)."""
    ctx, db = make_context(actor=AUDITOR)
    report = verify_chain(ctx)
    assert (report.ok, report.checked, report.last_id) == (True, 0, None)
    assert db.actions_logged() == ["audit.verify"]
    assert db.audit[0].detail == "0건 확인, 정상"
    assert db.audit_staff_ids == [7]


def test_checking_an_empty_log_without_recording_it_writes_nothing():
    ctx, db = make_context(actor=AUDITOR)
    report = verify_chain(ctx, record=False)
    assert (report.ok, report.checked, report.last_id) == (True, 0, None)
    assert db.audit == []


def test_checking_a_log_with_entries_counts_them_and_logs_the_check_after():
    ctx, db = make_context(actor=AUDITOR)
    with ctx.uow_factory() as uow:
        ctx.audit(uow, "office.setup", "office")
        ctx.audit(uow, "staff.add", "staff:7")
        uow.commit()
    report = verify_chain(ctx)
    assert (report.ok, report.checked, report.last_id) == (True, 2, 2)
    assert db.actions_logged() == ["office.setup", "staff.add", "audit.verify"]
    assert db.audit[-1].detail == "2건 확인, 정상"
