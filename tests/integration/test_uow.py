"""SqlUnitOfWork on a real SQLite file and on a server: rollback, commit, concurrent writers."""
from __future__ import annotations

import threading
import time
from datetime import datetime

import pytest

from pcrm_desktop.db.uow import SqlUnitOfWork
from pcrm_desktop.domain.office import Role, Staff

NOW = datetime(2026, 3, 2, 9, 30)


@pytest.fixture
def engine(backend):
    return backend.migration.engine


def _departments_seen_by_another_process(db_path) -> list[str]:
    """Read outside SQLAlchemy's pool, as another program would (sqlite3, or psycopg on the
    server: tests/dbutil)."""
    from tests.dbutil import rows
    return [r[0] for r in rows(db_path, "SELECT name FROM departments ORDER BY id")]


def test_leaving_without_commit_rolls_back(engine, db_path):
    with SqlUnitOfWork(engine) as uow:
        uow.departments.add("민원행정팀")
        assert [d.name for d in uow.departments.list()] == ["민원행정팀"]  # visible inside
    with SqlUnitOfWork(engine) as uow:
        assert uow.departments.list() == []
    assert _departments_seen_by_another_process(db_path) == []


def test_an_exception_rolls_back(engine, db_path):
    with pytest.raises(RuntimeError), SqlUnitOfWork(engine) as uow:
        uow.departments.add("민원행정팀")
        raise RuntimeError("boom")
    assert _departments_seen_by_another_process(db_path) == []


def test_explicit_rollback(engine, db_path):
    with SqlUnitOfWork(engine) as uow:
        uow.departments.add("민원행정팀")
        uow.rollback()
    assert _departments_seen_by_another_process(db_path) == []


def test_commit_persists(engine, db_path):
    with SqlUnitOfWork(engine) as uow:
        department = uow.departments.add("민원행정팀")
        uow.staff.add(Staff(None, "홍길동", "hong", Role.ADMIN, department), NOW)
        uow.commit()
    assert _departments_seen_by_another_process(db_path) == ["민원행정팀"]
    with SqlUnitOfWork(engine) as uow:
        member = uow.staff.get_by_login("hong")
        assert (member.name, member.role, member.department_id) == ("홍길동", Role.ADMIN, department)


def test_connection_is_returned_after_use(engine):
    for _ in range(20):  # more than the pool size: a leak would block or fail here
        with SqlUnitOfWork(engine) as uow:
            uow.departments.list()
    assert engine.pool.checkedout() == 0


SINGLE_WRITER = ("SQLite's one writer at a time (BEGIN IMMEDIATE waits for the lock): a server runs "
                 "writers side by side (row locks, READ COMMITTED); its many writers are tested in "
                 "test_server_concurrency.py and test_audit_chain.py")


@pytest.mark.sqlite_only(SINGLE_WRITER)
def test_two_threads_writing_both_succeed_in_turn(engine, db_path):
    """Both writers read first, then write: the pattern that fails with SQLITE_BUSY under a
    deferred BEGIN. With BEGIN IMMEDIATE the second writer waits at BEGIN (busy timeout) until
    the first commits, and both succeed."""
    events: list[str] = []
    lock = threading.Lock()
    first_holds_lock = threading.Event()
    errors: list[BaseException] = []

    def note(what: str) -> None:
        with lock:
            events.append(what)

    def first() -> None:
        try:
            with SqlUnitOfWork(engine) as uow:
                first_holds_lock.set()
                uow.departments.list()
                time.sleep(0.3)  # keep the transaction open while the second one starts
                uow.departments.add("첫째팀")
                note("first about to commit")
                uow.commit()
        except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
            errors.append(exc)
            first_holds_lock.set()

    def second() -> None:
        try:
            first_holds_lock.wait(5)
            with SqlUnitOfWork(engine) as uow:
                note("second began")
                uow.departments.list()
                uow.departments.add("둘째팀")
                uow.commit()
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(15)
    assert not any(t.is_alive() for t in threads)
    assert errors == []
    assert events == ["first about to commit", "second began"], \
        "the second writer must not begin before the first one commits"
    assert _departments_seen_by_another_process(db_path) == ["첫째팀", "둘째팀"]


@pytest.mark.sqlite_only(SINGLE_WRITER)
def test_many_threads_writing_lose_nothing(engine, db_path):
    count = 8
    errors: list[BaseException] = []
    start = threading.Barrier(count)

    def writer(number: int) -> None:
        try:
            start.wait(5)
            with SqlUnitOfWork(engine) as uow:
                existing = len(uow.departments.list())
                uow.departments.add(f"팀{number:02d}-{existing}")
                uow.commit()
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert errors == []
    names = _departments_seen_by_another_process(db_path)
    assert len(names) == count
    # Each writer saw every earlier commit: the counts read inside the transactions are 0..7.
    assert sorted(int(name.rsplit("-", 1)[1]) for name in names) == list(range(count))


# --- the fakes of tests/fakes/ behave like the real unit of work -------------------------------

def _scenario(ctx):
    """A run of office services; returns what a screen would see afterwards."""
    from pcrm_desktop.domain.errors import ConflictError
    from pcrm_desktop.domain.office import OfficeProfile
    from pcrm_desktop.services import office as svc

    admin = svc.complete_first_run(ctx, OfficeProfile("청운효자동 행정복지센터", code="1111051"),
                                   ["민원행정팀", "복지팀"], "홍길동", "hong",
                                   "Cheongun#2026")
    ctx = ctx.as_actor(admin)
    svc.add_staff(ctx, "김철수", "kim", "clerk", 2)
    svc.add_staff(ctx, "이영희", "lee", "admin", 1)
    svc.add_department(ctx, "주민자치팀")
    svc.set_staff_active(ctx, "hong", False)
    refusals = []
    for call in (lambda: svc.set_staff_active(ctx, "lee", False),
                 lambda: svc.add_staff(ctx, "김철수", "KIM", "clerk"),
                 lambda: svc.add_department(ctx, "복지팀")):
        try:
            call()
        except ConflictError as error:
            refusals.append(error.code)
    view = svc.overview(ctx)
    # db.* and the calendar's seeding are written by bootstrap when the file is opened,
    # outside any service call
    activity = [(r.actor, r.workstation, r.action, r.target) for r in svc.recent_activity(ctx, 50)
                if not r.action.startswith("db.") and r.action != "holiday.seed"]
    return (view.profile, view.departments, view.staff, svc.actor_for(ctx, None), refusals,
            activity)


def test_fakes_and_sql_unit_of_work_give_the_same_results(engine):
    from pcrm_desktop.domain.audit import Actor
    from pcrm_desktop.services.context import ServiceContext
    from tests.fakes import WORKSTATION, make_context

    fake_ctx, _ = make_context()
    sql_ctx = ServiceContext(lambda: SqlUnitOfWork(engine), Actor.system(WORKSTATION),
                             clock=lambda: NOW)
    fake_result, sql_result = _scenario(fake_ctx), _scenario(sql_ctx)
    assert sql_result[4] == ["last_admin", "login_taken", "department_duplicate"]
    assert fake_result == sql_result


def test_a_failing_service_call_writes_nothing_to_the_file(ctx, db_path, monkeypatch):
    from pcrm_desktop.db.repositories import AuditRepository
    from pcrm_desktop.domain.office import OfficeProfile
    from pcrm_desktop.services.office import complete_first_run

    def broken(self, entry, staff_id):
        raise OSError("disk full")
    monkeypatch.setattr(AuditRepository, "add", broken)
    with pytest.raises(OSError):
        complete_first_run(ctx, OfficeProfile("센터"), ["민원행정팀"], "홍길동", "hong", "Cheongun#2026")
    from tests.dbutil import rows
    counts = [rows(db_path, f"SELECT COUNT(*) FROM {t}")[0][0]
              for t in ("office", "departments", "staff")]
    audit = rows(db_path, "SELECT action FROM audit_log ORDER BY id")
    assert counts == [0, 0, 0]
    # only what start-up wrote (the file created, its holiday years seeded), nothing of the call
    assert [a for (a,) in audit] == ["db.create"] + ["holiday.seed"] * 3
