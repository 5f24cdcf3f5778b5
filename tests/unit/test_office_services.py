"""Office services (pcrm_desktop/services/office.py) against the in-memory fakes of tests/fakes/."""
from __future__ import annotations

import inspect
import unicodedata

import pytest

from pcrm_desktop.db import repositories as real
from pcrm_desktop.db.uow import SqlUnitOfWork
from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from pcrm_desktop.domain.office import OfficeProfile, Role
from pcrm_desktop.services import office as svc
from tests import fakes
from tests.fakes import (
    FIXED_NOW,
    WORKSTATION,
    FakeDatabase,
    FakeUnitOfWork,
    make_context,
)

PROFILE = OfficeProfile("청운효자동 행정복지센터", code="1111051", phone="02-2148-5092")
DEPARTMENTS = ["민원행정팀", "맞춤형복지팀"]
PASSWORD = "Cheongun#2026"


def _set_up(ctx) -> Actor:
    return svc.complete_first_run(ctx, PROFILE, DEPARTMENTS, "홍길동", "hong", PASSWORD)


@pytest.fixture
def fresh():
    return make_context()


@pytest.fixture
def office():
    """A set-up office; returns (admin ctx, db, admin actor)."""
    ctx, db = make_context()
    admin = _set_up(ctx)
    return ctx.as_actor(admin), db, admin


def _snapshot(db: FakeDatabase):
    s = db.committed
    return (s.office, list(s.departments), list(s.staff), list(s.audit))


# --- the fakes themselves ----------------------------------------------------------------------

@pytest.mark.parametrize("fake_cls, real_cls", [
    (fakes.FakeOfficeRepository, real.OfficeRepository),
    (fakes.FakeDepartmentRepository, real.DepartmentRepository),
    (fakes.FakeStaffRepository, real.StaffRepository),
    (fakes.FakeAuditRepository, real.AuditRepository),
])
def test_fake_repositories_match_the_real_ones(fake_cls, real_cls):
    def public(cls):
        return {name: list(inspect.signature(member).parameters)
                for name, member in vars(cls).items()
                if callable(member) and not name.startswith("_")}
    assert public(fake_cls) == public(real_cls)


def test_fake_unit_of_work_has_the_sql_unit_of_work_interface():
    for name in ("commit", "rollback", "__enter__", "__exit__"):
        assert callable(getattr(SqlUnitOfWork, name)) and callable(getattr(FakeUnitOfWork, name))
    with FakeUnitOfWork(FakeDatabase()) as uow:
        for attribute in ("office", "departments", "staff", "audit"):
            assert hasattr(uow, attribute)


def test_fake_unit_of_work_discards_uncommitted_work():
    db = FakeDatabase()
    with FakeUnitOfWork(db) as uow:
        uow.departments.add("민원행정팀")
        assert [d.name for d in uow.departments.list()] == ["민원행정팀"]
        assert db.departments == []  # not visible outside before commit
    assert db.departments == [] and db.rollbacks == 1 and db.commits == 0
    with FakeUnitOfWork(db) as uow:
        uow.departments.add("복지팀")
        uow.commit()
    assert [d.name for d in db.departments] == ["복지팀"]


# --- complete_first_run ------------------------------------------------------------------------

def test_first_run_creates_office_departments_admin_and_two_audit_entries(fresh):
    ctx, db = fresh
    actor = _set_up(ctx)

    assert db.office == PROFILE.validated()
    assert [d.name for d in db.departments] == DEPARTMENTS
    [admin] = db.staff
    assert (admin.name, admin.login, admin.role, admin.active) == ("홍길동", "hong", Role.ADMIN, True)
    assert admin.department_id == db.departments[0].id
    assert actor == Actor(admin.id, "hong", "admin", WORKSTATION)

    assert [e.action for e in db.audit] == ["office.setup", "staff.add"]
    for entry in db.audit:
        assert (entry.actor, entry.workstation, entry.at) == ("system", WORKSTATION, FIXED_NOW)
    assert db.audit[1].target == f"staff:{admin.id}"
    assert db.audit_staff_ids == [None, None]  # the system actor has no staff row
    assert db.commits == 1


def test_first_run_stores_nfc(fresh):
    ctx, db = fresh
    svc.complete_first_run(ctx, OfficeProfile(unicodedata.normalize("NFD", "청운효자동")),
                           [unicodedata.normalize("NFD", "복지팀")],
                           unicodedata.normalize("NFD", "홍길동"), "Hong", PASSWORD)
    assert db.office.name == "청운효자동"
    assert db.departments[0].name == "복지팀"
    assert (db.staff[0].name, db.staff[0].login) == ("홍길동", "hong")


def test_second_first_run_is_refused_and_changes_nothing(office):
    ctx, db, _ = office
    before = _snapshot(db)
    with pytest.raises(ConflictError) as caught:
        svc.complete_first_run(ctx, OfficeProfile("다른 센터"), ["총무팀"], "김철수", "kim", PASSWORD)
    assert caught.value.code == "already_set_up"
    assert _snapshot(db) == before


@pytest.mark.parametrize("profile, departments, admin_name, admin_login, code", [
    (OfficeProfile(""), DEPARTMENTS, "홍길동", "hong", "required"),
    (OfficeProfile("센터", code="12"), DEPARTMENTS, "홍길동", "hong", "office_code_format"),
    (PROFILE, [" ", ""], "홍길동", "hong", "departments_empty"),
    (PROFILE, ["복지팀", "복지팀"], "홍길동", "hong", "department_duplicate"),
    (PROFILE, DEPARTMENTS, "", "hong", "required"),
    (PROFILE, DEPARTMENTS, "홍길동", "홍길동", "login_format"),
])
def test_first_run_with_invalid_input_writes_nothing(fresh, profile, departments, admin_name,
                                                     admin_login, code):
    ctx, db = fresh
    with pytest.raises(ValidationError) as caught:
        svc.complete_first_run(ctx, profile, departments, admin_name, admin_login, PASSWORD)
    assert caught.value.code == code
    assert db.office is None and db.departments == [] and db.staff == [] and db.audit == []
    assert db.commits == 0
    assert not svc.is_set_up(ctx)


def test_first_run_is_one_transaction(fresh, monkeypatch):
    """If the audit write fails, the office, departments and admin are not committed either."""
    ctx, db = fresh

    def broken_add(self, entry, staff_id):
        raise OSError("disk full")
    monkeypatch.setattr(fakes.FakeAuditRepository, "add", broken_add)
    with pytest.raises(OSError):
        _set_up(ctx)
    assert db.office is None and db.departments == [] and db.staff == []
    assert db.commits == 0 and db.rollbacks == 1


# --- add_staff / add_department / update_office ------------------------------------------------

def test_add_staff(office):
    ctx, db, _ = office
    changes = svc.add_staff(ctx, "김철수", "Kim.CS", "clerk", db.departments[1].id)
    assert changes == frozenset({"staff"})
    member = db.staff[-1]
    assert (member.name, member.login, member.role, member.department_id) == (
        "김철수", "kim.cs", Role.CLERK, db.departments[1].id)


@pytest.mark.parametrize("login", ["hong", "HONG", " Hong "])
def test_add_staff_refuses_a_taken_login(office, login):
    ctx, db, _ = office
    before = _snapshot(db)
    with pytest.raises(ConflictError) as caught:
        svc.add_staff(ctx, "홍길순", login, "clerk")
    error = caught.value
    assert (error.code, error.field, error.params) == ("login_taken", "login", {"login": "hong"})
    assert _snapshot(db) == before


def test_add_staff_invalid_writes_nothing(office):
    ctx, db, _ = office
    before = _snapshot(db)
    with pytest.raises(ValidationError) as caught:
        svc.add_staff(ctx, "김철수", "kim", "superuser")
    assert caught.value.code == "role_unknown"
    assert _snapshot(db) == before


def test_add_department_refuses_duplicate(office):
    ctx, db, _ = office
    before = _snapshot(db)
    with pytest.raises(ConflictError) as caught:
        svc.add_department(ctx, unicodedata.normalize("NFD", " 민원행정팀 "))
    assert (caught.value.code, caught.value.params) == ("department_duplicate",
                                                        {"name": "민원행정팀"})
    assert _snapshot(db) == before


def test_update_office_before_set_up_is_refused(fresh):
    ctx, db = fresh
    with pytest.raises(NotFoundError) as caught:
        svc.update_office(ctx, PROFILE)
    assert caught.value.code == "not_set_up"
    assert db.office is None and db.audit == [] and db.commits == 0


def test_update_office_changes_profile(office):
    ctx, db, _ = office
    assert svc.update_office(ctx, OfficeProfile("새 이름 센터", phone="02-000-0000")) == \
        frozenset({"office"})
    assert (db.office.name, db.office.phone) == ("새 이름 센터", "02-000-0000")


# --- set_staff_active --------------------------------------------------------------------------

def test_last_active_admin_cannot_be_deactivated(office):
    ctx, db, _ = office
    svc.add_staff(ctx, "김철수", "kim", "clerk")  # a clerk does not count as an admin
    before = _snapshot(db)
    with pytest.raises(ConflictError) as caught:
        svc.set_staff_active(ctx, "hong", False)
    assert caught.value.code == "last_admin"
    assert _snapshot(db) == before
    assert all(m.active for m in db.staff)


def test_inactive_admin_does_not_count(office):
    ctx, db, _ = office
    svc.add_staff(ctx, "이영희", "lee", "admin")
    svc.set_staff_active(ctx, "lee", False)
    with pytest.raises(ConflictError) as caught:
        svc.set_staff_active(ctx, "hong", False)
    assert caught.value.code == "last_admin"


def test_admin_can_be_deactivated_when_another_admin_is_active(office):
    ctx, db, _ = office
    svc.add_staff(ctx, "이영희", "lee", "admin")
    assert svc.set_staff_active(ctx, "hong", False) == frozenset({"staff"})
    assert {m.login: m.active for m in db.staff} == {"hong": False, "lee": True}
    with pytest.raises(ConflictError):  # now lee is the last one
        svc.set_staff_active(ctx, "lee", False)
    svc.set_staff_active(ctx, "hong", True)
    assert all(m.active for m in db.staff)


def test_clerk_can_always_be_deactivated(office):
    ctx, db, _ = office
    svc.add_staff(ctx, "김철수", "kim", "clerk")
    svc.set_staff_active(ctx, "kim", False)
    assert {m.login: m.active for m in db.staff} == {"hong": True, "kim": False}


def test_set_active_unknown_login(office):
    ctx, db, _ = office
    before = _snapshot(db)
    with pytest.raises(NotFoundError) as caught:
        svc.set_staff_active(ctx, "nobody", False)
    assert (caught.value.code, caught.value.params) == ("staff_not_found", {"login": "nobody"})
    assert _snapshot(db) == before


# --- the audit trail ---------------------------------------------------------------------------

def _no_setup(ctx):
    pass


def _second_admin(ctx):
    svc.add_staff(ctx, "이영희", "lee", "admin")


def _inactive_admin(ctx):
    _second_admin(ctx)
    svc.set_staff_active(ctx, "lee", False)


# name -> (preparation, the write under test, the audit action it must record)
WRITES = {
    "add_staff": (_no_setup, lambda ctx: svc.add_staff(ctx, "김철수", "kim", "clerk"),
                  "staff.add"),
    "add_department": (_no_setup, lambda ctx: svc.add_department(ctx, "주민자치팀"),
                       "department.add"),
    "update_office": (_no_setup, lambda ctx: svc.update_office(ctx, OfficeProfile("새 센터")),
                      "office.update"),
    "deactivate": (_second_admin, lambda ctx: svc.set_staff_active(ctx, "hong", False),
                   "staff.deactivate"),
    "activate": (_inactive_admin, lambda ctx: svc.set_staff_active(ctx, "lee", True),
                 "staff.activate"),
}


@pytest.mark.parametrize("write", list(WRITES))
def test_every_write_adds_exactly_one_audit_entry_with_actor_and_workstation(write):
    ctx, db = make_context(workstation="BOKJI-PC-07")
    admin = _set_up(ctx)
    ctx = ctx.as_actor(admin)
    prepare, call, action = WRITES[write]
    prepare(ctx)
    before_audit, before_commits = len(db.audit), db.commits
    call(ctx)
    new = db.audit[before_audit:]
    assert [e.action for e in new] == [action]
    assert db.commits - before_commits == 1
    entry = new[0]
    assert (entry.actor, entry.workstation, entry.at) == ("hong", "BOKJI-PC-07", FIXED_NOW)
    assert db.audit_staff_ids[-1] == admin.staff_id


def test_refused_writes_add_no_audit_entry(office):
    ctx, db, _ = office
    count = len(db.audit)
    for call in (lambda: svc.add_staff(ctx, "홍", "hong", "clerk"),
                 lambda: svc.add_department(ctx, "민원행정팀"),
                 lambda: svc.set_staff_active(ctx, "hong", False),
                 lambda: svc.set_staff_active(ctx, "ghost", True),
                 lambda: svc.update_office(ctx, OfficeProfile(""))):
        with pytest.raises((ConflictError, NotFoundError, ValidationError)):
            call()
    assert len(db.audit) == count


def test_recent_activity_newest_first(office):
    ctx, _, _ = office
    svc.add_department(ctx, "주민자치팀")
    rows = svc.recent_activity(ctx, limit=2)
    assert [r.action for r in rows] == ["department.add", "staff.add"]
    assert rows[0].at == FIXED_NOW.strftime("%Y-%m-%d %H:%M")
    assert rows[0].actor == "hong"


# --- overview / actor_for ----------------------------------------------------------------------

def test_overview_before_and_after_set_up(fresh):
    ctx, _ = fresh
    empty = svc.overview(ctx)
    assert not empty.is_set_up and empty.departments == [] and empty.staff == []
    _set_up(ctx)
    full = svc.overview(ctx)
    assert full.is_set_up and len(full.departments) == 2 and [m.login for m in full.staff] == ["hong"]


def test_actor_for_named_login(office):
    ctx, db, _ = office
    svc.add_staff(ctx, "김철수", "kim", "clerk")
    kim = db.staff[-1]
    assert svc.actor_for(ctx, "kim") == Actor(kim.id, "kim", "clerk", WORKSTATION)


@pytest.mark.parametrize("login", [None, "", "nobody"])
def test_actor_for_falls_back_to_first_active_admin(office, login):
    ctx, db, admin = office
    svc.add_staff(ctx, "김철수", "kim", "clerk")
    svc.add_staff(ctx, "이영희", "lee", "admin")
    assert svc.actor_for(ctx, login) == admin


def test_actor_for_skips_inactive(office):
    ctx, db, _ = office
    svc.add_staff(ctx, "김철수", "kim", "clerk")
    svc.add_staff(ctx, "이영희", "lee", "admin")
    svc.set_staff_active(ctx, "kim", False)
    svc.set_staff_active(ctx, "hong", False)
    lee = next(m for m in db.staff if m.login == "lee")
    # the named login is inactive, the first admin is inactive: the next active admin
    assert svc.actor_for(ctx, "kim") == Actor(lee.id, "lee", "admin", WORKSTATION)


def test_actor_for_empty_database(fresh):
    ctx, _ = fresh
    for login in ("hong", None):
        with pytest.raises(NotFoundError):
            svc.actor_for(ctx, login)


def test_actor_for_strict_refuses_an_unknown_or_suspended_login(office):
    ctx = office[0] if isinstance(office, tuple) else office
    with pytest.raises(NotFoundError):
        svc.actor_for(ctx, "nobody", strict=True)
