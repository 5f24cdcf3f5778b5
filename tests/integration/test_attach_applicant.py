"""민원인 연결 (services.complaints.attach_applicant) on a temporary database: a 민원 saved without
an applicant gets one, with an event in its history and an entry in the access log, in one
transaction; a case that already has an applicant, a role without the right, a stale version and
an unknown resident are refused with nothing written."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.citizens import Citizen
from pcrm_desktop.domain.complaints import Action, Channel, Intake
from pcrm_desktop.domain.errors import ConflictError, EditConflict, NotFoundError
from pcrm_desktop.domain.office import Role
from pcrm_desktop.domain.privacy import PermissionDenied
from pcrm_desktop.services import citizens as C
from pcrm_desktop.services import complaints as S
from pcrm_desktop.services.office import actor_for, add_staff
from tests.dbutil import rows

NOW = datetime(2026, 12, 1, 10, 0)  # Tuesday


@pytest.fixture
def ctx(admin_ctx):
    return replace(admin_ctx, clock=lambda: NOW)


@pytest.fixture
def resident(ctx) -> int:
    return C.register_citizen(ctx, Citizen(None, "박영희", 1961, phones=("010-2222-3333",))).citizen_id


def unnamed_case(ctx) -> int:
    """A 민원 saved with [민원인 없이]."""
    return S.receive(ctx, Intake(NOW, Channel.PHONE, "inquiry", "가로등 고장 제보", "내용",
                                 None, None)).complaint_id


def version(db_path, complaint_id: int) -> int:
    return rows(db_path, "SELECT version FROM complaints WHERE id = ?", complaint_id)[0][0]


def written(db_path, complaint_id: int) -> tuple:
    """What a refusal must leave as it was: the case row, its history, the access log."""
    return (rows(db_path, "SELECT citizen_id, version, updated_at FROM complaints WHERE id = ?",
                 complaint_id),
            rows(db_path, "SELECT count(*) FROM complaint_events WHERE complaint_id = ?",
                 complaint_id),
            rows(db_path, "SELECT count(*), max(id) FROM audit_log"))


def test_a_case_saved_without_an_applicant_gets_one_with_history_and_access_log(
        ctx, db_path, resident):
    case_id = unnamed_case(ctx)
    receipt_no = S.case(ctx, case_id)["receipt_no"]
    before = version(db_path, case_id)

    assert S.attach_applicant(ctx, case_id, resident, before) == frozenset({"complaints"})

    assert rows(db_path, "SELECT citizen_id, version FROM complaints WHERE id = ?", case_id) \
        == [(resident, before + 1)]
    # the case history: who did it (staff id and login), no status change, no personal data
    assert rows(db_path, "SELECT kind, staff_id, actor, from_status, to_status, note"
                         " FROM complaint_events WHERE complaint_id = ? ORDER BY id DESC LIMIT 1",
                case_id) == [("applicant", ctx.actor.staff_id, "hong", None, None, "")]
    # the access log: the act, on which 민원, whose data it now is
    assert rows(db_path, "SELECT action, actor, staff_id, target, detail, subject_id FROM audit_log"
                         " WHERE action = 'complaint.attach_applicant'") \
        == [("complaint.attach_applicant", "hong", ctx.actor.staff_id, receipt_no,
             f"citizen:{resident}", resident)]
    # the case now reads with the applicant, masked as everywhere, and their earlier 민원
    shown = S.case(ctx, case_id)
    assert shown["citizen_id"] == resident and shown["applicant"] == "박*희"
    assert shown["events"][-1]["kind"] == "applicant"


def test_an_applicant_already_there_is_never_replaced(ctx, db_path, resident):
    other = C.register_citizen(ctx, Citizen(None, "김철수", 1970)).citizen_id
    named = S.receive(ctx, Intake(NOW, Channel.VISIT, "inquiry", "민원", "내용", None,
                                  resident)).complaint_id
    before = written(db_path, named)
    with pytest.raises(ConflictError) as refused:
        S.attach_applicant(ctx, named, other, version(db_path, named))
    assert refused.value.code == "applicant_already_set" and refused.value.field == "citizen"
    assert not isinstance(refused.value, EditConflict)
    assert written(db_path, named) == before

    # the same when another clerk attached someone after this one read the case
    case_id = unnamed_case(ctx)
    seen = version(db_path, case_id)
    S.attach_applicant(ctx, case_id, resident, seen)
    after_first = written(db_path, case_id)
    with pytest.raises(ConflictError) as refused:
        S.attach_applicant(ctx, case_id, other, seen)
    assert refused.value.code == "applicant_already_set"
    assert written(db_path, case_id) == after_first
    assert rows(db_path, "SELECT citizen_id FROM complaints WHERE id = ?", case_id) == [(resident,)]


def test_the_kiosk_may_not_attach_and_nothing_is_written(ctx, db_path, resident):
    add_staff(ctx, "민원실 키오스크", "kiosk1", Role.KIOSK)
    kiosk = ctx.as_actor(actor_for(ctx, "kiosk1", strict=True))
    case_id = unnamed_case(ctx)
    before = written(db_path, case_id)
    with pytest.raises(PermissionDenied) as refused:
        S.attach_applicant(kiosk, case_id, resident, version(db_path, case_id))
    assert refused.value.params == {"action": "complaint.attach_applicant", "role": "kiosk"}
    assert written(db_path, case_id) == before
    # a hand-made context (a script) is refused the same way
    script = ctx.as_actor(Actor(None, "script", "kiosk", "CLI"))
    with pytest.raises(PermissionDenied):
        S.attach_applicant(script, case_id, resident, version(db_path, case_id))
    assert written(db_path, case_id) == before


def test_a_case_moved_on_meanwhile_is_refused_with_how_it_is_now(ctx, db_path, resident):
    case_id = unnamed_case(ctx)
    seen = version(db_path, case_id)
    S.act(ctx, case_id, Action.ASSIGN, seen, assignee_id=ctx.actor.staff_id)  # saved meanwhile
    before = written(db_path, case_id)
    with pytest.raises(EditConflict) as refused:
        S.attach_applicant(ctx, case_id, resident, seen)
    assert refused.value.current["version"] == seen + 1
    assert refused.value.current["status"] == "assigned"
    assert written(db_path, case_id) == before
    # against the case as it is now, it goes through
    S.attach_applicant(ctx, case_id, resident, refused.value.current["version"])
    assert rows(db_path, "SELECT citizen_id FROM complaints WHERE id = ?", case_id) == [(resident,)]


def test_an_unknown_resident_or_case_is_refused(ctx, db_path, resident):
    case_id = unnamed_case(ctx)
    before = written(db_path, case_id)
    with pytest.raises(NotFoundError) as refused:
        S.attach_applicant(ctx, case_id, resident + 999, version(db_path, case_id))
    assert refused.value.code == "citizen_not_found"
    with pytest.raises(NotFoundError) as refused:
        S.attach_applicant(ctx, case_id + 999, resident, 1)
    assert refused.value.code == "complaint_not_found"
    assert written(db_path, case_id) == before


def test_the_refusal_reads_in_korean():
    from pcrm_desktop.domain.messages import korean_message
    assert korean_message(ConflictError("applicant_already_set", field="citizen",
                                        no="2026-000007")) \
        == "민원 2026-000007에는 이미 민원인이 있습니다. 연결된 민원인은 바꿀 수 없습니다."
