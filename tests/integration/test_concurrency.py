"""Two at once on one database file (issue 9, part 4; part 2's storage errors).

- Two clerks, each with their own engine on the same file (as two windows or two PCs would
  be), edit one resident and one 민원: the second save is refused with the stored version, the
  second clerk merges, and neither change is lost; both are in the access log.
- Another process holds SQLite's write lock (`BEGIN IMMEDIATE`, as a long `pcrm import` does):
  a write waits, says so within a fraction of a second, and either gets the lock or is refused
  after the 5 s busy timeout with `database_busy`, having written nothing.
- A full disk, a read-only or vanished database, a locked file: a clear `DatabaseError`,
  nothing written, and the same call succeeds once the condition is gone. Files written to a
  missing or read-only folder: a clear message, no partial file left.
"""
from __future__ import annotations

import errno
import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from datetime import timedelta
from itertools import pairwise
from pathlib import Path

import pytest
from sqlalchemy import event

from pcrm_desktop import waiting
from pcrm_desktop.bootstrap import open_backend
from pcrm_desktop.domain.citizens import Address, Citizen
from pcrm_desktop.domain.complaints import Action, Channel, Intake, Result
from pcrm_desktop.domain.errors import DatabaseError, DomainError, EditConflict
from pcrm_desktop.domain.messages import korean_message
from pcrm_desktop.domain.office import Role
from pcrm_desktop.services import citizens as C
from pcrm_desktop.services import complaints as S
from pcrm_desktop.services.office import actor_for, add_staff
from tests.dbutil import rows

# The two clerks' version checks run on both backends; what follows them is SQLite's own.
FILE_ONLY = pytest.mark.sqlite_only(
    "SQLite's write lock, busy timeout and the file's conditions (disk full, read-only, gone); "
    "a server's lock timeout: test_server_locks.py, many writers: test_server_concurrency.py, "
    "a server that is not there: test_db_url.py")

ROAD = "서울특별시 종로구 자하문로 92"


@pytest.fixture
def clerks(admin_ctx, db_target):
    """Clerk A on the first engine, clerk B on a second engine opened on the same database (a
    second PC: its own pool and connections)."""
    add_staff(admin_ctx, "김민원", "kim", Role.CLERK)
    add_staff(admin_ctx, "이주무", "lee", Role.CLERK)
    engine, second = second_engine(admin_ctx, db_target)
    yield (admin_ctx.as_actor(actor_for(admin_ctx, "kim", strict=True)),
           second.as_actor(actor_for(second, "lee", strict=True)))
    engine.dispose()


def second_engine(ctx, db: Path | str):
    """Another engine on the same database, as a second window or PC has (its own pool and
    connections). Never a plain open() of the file here: closing it would drop every POSIX lock
    this process's SQLite connections hold (sqlite.org/howtocorrupt.html 2.2.1)."""
    from pcrm_desktop.db.engine import make_engine
    from pcrm_desktop.db.uow import SqlUnitOfWork
    engine = make_engine(str(db) if "://" in str(db) else f"sqlite:///{db}")
    return engine, replace(ctx, uow_factory=lambda write=True: SqlUnitOfWork(engine, write))


def resident(ctx) -> int:
    return C.register_citizen(ctx, Citizen(
        None, "박영희", 1961, phones=("010-2222-3333",), email="park@example.kr",
        address=Address(ROAD, "101동 202호", "", "청운동"), memo="거동 불편")).citizen_id


def audit(db: Path, action: str, target: str) -> list[tuple]:
    return rows(db, "SELECT actor, detail FROM audit_log WHERE action = ? AND target = ?"
                    " ORDER BY id", action, target)


def snapshot(db: Path) -> list:
    return [rows(db, "SELECT * FROM citizens"), rows(db, "SELECT count(*) FROM audit_log"),
            rows(db, "SELECT * FROM complaints")]


# --- two clerks, one resident -----------------------------------------------------------------

def test_two_clerks_edit_one_resident_and_neither_change_is_lost(clerks, db_path):
    a, b = clerks
    rid = resident(a)
    mine_a, _ = C.citizen_for_edit(a, rid)
    mine_b, _ = C.citizen_for_edit(b, rid)
    assert mine_a.version == mine_b.version == 1

    C.update_citizen(a, replace(mine_a, phones=("010-9999-0000",)))  # A: the phone
    before = snapshot(db_path)[0]
    with pytest.raises(EditConflict) as caught:                       # B: the memo, on v1
        C.update_citizen(b, replace(mine_b, memo="휠체어 이용, 1층 상담"))
    assert caught.value.code == "edited_elsewhere"
    assert rows(db_path, "SELECT * FROM citizens") == before  # B's refused save wrote nothing
    stored = caught.value.current
    assert stored.citizen.version == 2
    assert stored.citizen.phones == ("010-9999-0000",)  # A's value, there for B to see
    assert stored.citizen.memo == "거동 불편"

    # B keeps A's phone (only A changed it) and their own memo (only B changed it)
    C.update_citizen(b, replace(stored.citizen, memo="휠체어 이용, 1층 상담"))
    final, _ = C.citizen_for_edit(a, rid)
    assert final.phones == ("010-9999-0000",)        # A's change
    assert final.memo == "휠체어 이용, 1층 상담"        # B's change
    assert final.email == "park@example.kr" and final.version == 3
    target = f"citizen:{rid}"
    assert [who for who, _ in audit(db_path, "citizen.update", target)] == ["kim", "lee"]
    # reading the stored version for the comparison is a logged view of personal data
    assert ("lee", "저장 충돌: 다른 사용자가 저장한 값과 비교") in audit(
        db_path, "citizen.view_full", target)


def test_a_merge_that_meets_a_newer_save_conflicts_again(clerks, db_path):
    a, b = clerks
    rid = resident(a)
    mine_b, _ = C.citizen_for_edit(b, rid)
    C.update_citizen(a, replace(C.citizen_for_edit(a, rid)[0], email="park@seoul.go.kr"))
    with pytest.raises(EditConflict) as first:
        C.update_citizen(b, replace(mine_b, memo="B의 메모"))
    # while B looks at the comparison, A saves once more
    C.update_citizen(a, replace(C.citizen_for_edit(a, rid)[0], birth_year=1962))
    merged = replace(first.value.current.citizen, memo="B의 메모")
    with pytest.raises(EditConflict) as second:
        C.update_citizen(b, merged)
    newest = second.value.current.citizen
    assert (newest.version, newest.birth_year, newest.email) == (3, 1962, "park@seoul.go.kr")
    C.update_citizen(b, replace(newest, memo="B의 메모"))
    final, _ = C.citizen_for_edit(a, rid)
    assert (final.email, final.birth_year, final.memo, final.version) == (
        "park@seoul.go.kr", 1962, "B의 메모", 4)


def test_groups_changed_by_the_other_clerk_come_with_the_conflict(clerks, db_path):
    from pcrm_desktop.services.groups import list_groups
    a, b = clerks
    rid = resident(a)
    disabled = next(g.id for g in list_groups(a) if g.code == "DISABLED")
    mine_b, groups_b = C.citizen_for_edit(b, rid)
    C.update_citizen(a, C.citizen_for_edit(a, rid)[0], (disabled,))
    with pytest.raises(EditConflict) as caught:
        C.update_citizen(b, replace(mine_b, memo="메모"), tuple(groups_b))
    assert caught.value.current.group_ids == (disabled,)


# --- two clerks, one 민원 ------------------------------------------------------------------------

def new_case(ctx, title="가로등 고장 신고") -> int:
    category = next(c["id"] for c in S.categories(ctx) if c["name"] == "불법주정차")
    received = ctx.clock() - timedelta(minutes=5)
    return S.receive(ctx, Intake(received, Channel.VISIT, "inquiry", title, "내용",
                                 category)).complaint_id


def test_a_step_on_a_case_that_moved_on_is_refused_with_the_case_as_it_is(clerks, db_path):
    a, b = clerks
    case_id = new_case(a)
    seen_by_b = S.case(b, case_id)
    S.act(a, case_id, Action.ASSIGN, S.case(a, case_id)["version"], "담당 지정",
          assignee_id=a.actor.staff_id)
    before = snapshot(db_path)[2]
    with pytest.raises(EditConflict) as caught:
        S.act(b, case_id, Action.START, seen_by_b["version"], "현장 확인 시작")
    assert rows(db_path, "SELECT * FROM complaints") == before
    moved = caught.value.current
    assert (moved["status"], moved["assignee"], moved["version"]) == (
        "assigned", "김민원", seen_by_b["version"] + 1)
    assert [e["kind"] for e in moved["events"]][-1] == "assign"
    assert "applicant" not in moved and "content" not in moved  # no personal data in it
    # B re-applies the same step on the case as it is now: both steps are in the history
    S.act(b, case_id, Action.START, moved["version"], "현장 확인 시작")
    history = rows(db_path, "SELECT kind, actor, note FROM complaint_events WHERE complaint_id = ?"
                            " ORDER BY id", case_id)
    assert history[1:] == [("assign", "kim", "담당 지정"), ("start", "lee", "현장 확인 시작")]
    receipt = seen_by_b["receipt_no"]
    assert [r[0] for r in rows(db_path, "SELECT actor FROM audit_log WHERE target = ? AND action"
                                        " IN ('complaint.assign', 'complaint.start') ORDER BY id",
                               receipt)] == ["kim", "lee"]


def test_a_step_no_longer_allowed_is_a_conflict_not_a_refusal(clerks):
    a, b = clerks
    case_id = new_case(a)
    seen = S.case(b, case_id)["version"]
    S.act(a, case_id, Action.COMPLETE, seen, result=Result.ACCEPTED, answer="처리했습니다.")
    with pytest.raises(EditConflict) as caught:  # 배정 after 완료: the case moved on
        S.act(b, case_id, Action.ASSIGN, seen, assignee_id=b.actor.staff_id)
    assert (caught.value.current["status"], caught.value.current["result"]) == ("done", "accepted")


# --- another process holds the write lock --------------------------------------------------------

def hold_write_lock(db: Path, seconds: float) -> subprocess.Popen:
    """A second real process that takes SQLite's write lock and keeps it for `seconds`."""
    code = ("import sqlite3, sys, time\n"
            "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
            "c.execute('BEGIN IMMEDIATE')\n"
            "print('held', flush=True)\n"
            "time.sleep(float(sys.argv[2]))\n"
            "c.execute('COMMIT')\n")
    holder = subprocess.Popen([sys.executable, "-c", code, str(db), str(seconds)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


@FILE_ONLY
def test_a_write_waits_for_another_process_and_says_so(clerks, db_path):
    a, _ = clerks
    rid = resident(a)
    record, _ = C.citizen_for_edit(a, rid)
    reports: list[tuple[float, float | None]] = []
    holder = hold_write_lock(db_path, 1.0)
    start = time.monotonic()
    try:
        # reading is never blocked by a writer (WAL): the list still answers
        assert [r.id for r in C.search(a, "박영")] == [rid]
        with waiting.reporting_to(lambda s: reports.append((time.monotonic() - start, s))):
            C.update_citizen(a, replace(record, memo="기다린 뒤 저장"))
        took = time.monotonic() - start
    finally:
        holder.wait(10)
    assert 0.7 < took < 4.5
    assert C.citizen_for_edit(a, rid)[0].memo == "기다린 뒤 저장"
    waits = [(at, s) for at, s in reports if s is not None]
    assert waits and waits[0][0] < 0.5, reports  # the wait is told within half a second
    assert reports[-1][1] is None                 # …and its end
    assert all(s2 >= s1 for (_, s1), (_, s2) in pairwise(waits))  # growing, step by step


@FILE_ONLY
def test_a_write_that_waits_too_long_is_refused_and_writes_nothing(clerks, db_path):
    a, _ = clerks
    rid = resident(a)
    record, _ = C.citizen_for_edit(a, rid)
    before = snapshot(db_path)
    holder = hold_write_lock(db_path, 7.0)
    start = time.monotonic()
    try:
        with pytest.raises(DatabaseError) as caught:
            C.update_citizen(a, replace(record, memo="저장되면 안 됨"))
        took = time.monotonic() - start
    finally:
        holder.wait(15)
    assert caught.value.code == "database_busy"
    assert 4.8 < took < 6.5
    text = korean_message(caught.value)
    assert "5초" in text and "아무것도 저장하지 않았습니다" in text
    assert snapshot(db_path) == before   # no change, no access-log entry, nothing half-written
    C.update_citizen(a, replace(record, memo="다시 저장"))  # the lock is gone: the retry works
    assert C.citizen_for_edit(a, rid)[0].memo == "다시 저장"


# --- a full disk, a read-only or vanished database ------------------------------------------------

STORAGE = [("database or disk is full", "disk_full"),
           ("attempt to write a readonly database", "db_read_only"),
           ("database is locked", "database_busy"),
           ("unable to open database file", "db_unavailable"),
           ("disk I/O error", "db_io_error")]


@FILE_ONLY
@pytest.mark.parametrize(("message", "code"), STORAGE)
def test_storage_errors_become_clear_messages_and_a_retry_works(backend, admin_ctx, db_path,
                                                                message, code):
    rid = resident(admin_ctx)
    record, _ = C.citizen_for_edit(admin_ctx, rid)
    engine = backend.migration.engine
    failing = {"on": True}

    def fail_on_update(conn, cursor, statement, parameters, context, executemany):
        if failing["on"] and statement.lstrip().upper().startswith("UPDATE CITIZENS"):
            raise sqlite3.OperationalError(message)

    event.listen(engine, "before_cursor_execute", fail_on_update)
    try:
        before = snapshot(db_path)
        with pytest.raises(DatabaseError) as caught:
            C.update_citizen(admin_ctx, replace(record, memo="새 메모"))
        assert caught.value.code == code
        text = korean_message(caught.value)
        assert "아무것도 저장하지 않았습니다" in text and "{" not in text
        if code != "database_busy":
            assert str(db_path) in text
        assert snapshot(db_path) == before
        failing["on"] = False   # the disk was cleared, the drive plugged back in …
        C.update_citizen(admin_ctx, replace(record, memo="새 메모"))
    finally:
        event.remove(engine, "before_cursor_execute", fail_on_update)
    assert C.citizen_for_edit(admin_ctx, rid)[0].memo == "새 메모"


def _on_new_connections(engine, *pragmas: str):
    """Run pragmas on every connection opened from now on (the pool is emptied first)."""
    def connect(dbapi_connection, _record):
        for pragma in pragmas:
            dbapi_connection.execute(pragma)
    engine.dispose()
    event.listen(engine, "connect", connect)
    return connect


@FILE_ONLY
def test_a_really_full_database_refuses_whole_and_takes_the_retry(backend, admin_ctx, db_path):
    """SQLite's own SQLITE_FULL (a page limit at the file's size stands in for the disk)."""
    engine = backend.migration.engine
    pages = rows(db_path, "PRAGMA page_count")[0][0]
    listener = _on_new_connections(engine, f"PRAGMA max_page_count={pages}")
    big = Citizen(None, "최대한", 1980, address=Address(ROAD, "", "", "청운동"), memo="가" * 3900)
    try:
        before = snapshot(db_path)
        for n in range(40):  # until the pages left in the file are used up
            try:
                C.register_citizen(admin_ctx, replace(big, name=f"최대{n:02d}"), allow_duplicate=True)
            except DatabaseError as error:
                assert error.code == "disk_full"
                break
        else:
            pytest.fail("the page limit was never reached")
        # whole records only: the refused one left no row, no search entry, no audit entry
        assert rows(db_path, "SELECT count(*) FROM citizens")[0][0] == n
        assert rows(db_path, "SELECT count(*) FROM audit_log")[0][0] == before[1][0][0] + n
        assert rows(db_path, "PRAGMA integrity_check") == [("ok",)]
    finally:
        event.remove(engine, "connect", listener)
        engine.dispose()
    C.register_citizen(admin_ctx, replace(big, name="다시저장"), allow_duplicate=True)
    assert rows(db_path, "SELECT count(*) FROM citizens WHERE name = '다시저장'") == [(1,)]


@FILE_ONLY
def test_a_read_only_database_refuses_and_takes_the_retry(backend, admin_ctx, db_path):
    engine = backend.migration.engine
    rid = resident(admin_ctx)
    record, _ = C.citizen_for_edit(admin_ctx, rid)
    listener = _on_new_connections(engine, "PRAGMA query_only=ON")
    try:
        with pytest.raises(DatabaseError) as caught:
            C.update_citizen(admin_ctx, replace(record, memo="읽기 전용"))
        assert caught.value.code == "db_read_only"
    finally:
        event.remove(engine, "connect", listener)
        engine.dispose()
    C.update_citizen(admin_ctx, replace(record, memo="읽기 전용"))
    assert C.citizen_for_edit(admin_ctx, rid)[0].memo == "읽기 전용"


def test_a_vanished_folder_refuses_and_the_retry_works_once_it_is_back(tmp_path):
    from pcrm_desktop.domain.office import OfficeProfile
    from pcrm_desktop.services.office import complete_first_run
    from tests.conftest import ADMIN_PASSWORD
    folder = tmp_path / "share"
    folder.mkdir()
    opened = open_backend(str(folder / "pcrm.db"))
    try:
        actor = complete_first_run(opened.ctx, OfficeProfile("청운효자동 행정복지센터"), ["민원행정팀"],
                                   "홍길동", "hong", ADMIN_PASSWORD)
        ctx = opened.ctx.as_actor(actor)
        rid = resident(ctx)
        record, _ = C.citizen_for_edit(ctx, rid)
        opened.migration.engine.dispose()     # the connections this process had are closed…
        folder.rename(tmp_path / "share-unplugged")  # …and the network drive goes away
        with pytest.raises(DatabaseError) as caught:
            C.update_citizen(ctx, replace(record, memo="돌아온 뒤 저장"))
        assert caught.value.code == "db_unavailable"
        assert "pcrm.db" in korean_message(caught.value)
        (tmp_path / "share-unplugged").rename(folder)
        C.update_citizen(ctx, replace(record, memo="돌아온 뒤 저장"))
        assert C.citizen_for_edit(ctx, rid)[0].memo == "돌아온 뒤 저장"
    finally:
        opened.close()


# --- files written to a missing or read-only folder ---------------------------------------------

def test_an_export_to_a_missing_folder_says_which_folder(admin_ctx, tmp_path):
    from pcrm_desktop.services.citizen_export import export_citizens
    resident(admin_ctx)
    out = tmp_path / "없는 폴더" / "주민.xlsx"
    with pytest.raises(DomainError) as caught:
        export_citizens(admin_ctx, out, reason="주민 안내문 발송")
    assert caught.value.code == "folder_missing"
    assert korean_message(caught.value).startswith(f"저장할 폴더가 없습니다: {out.parent}")
    assert not out.parent.exists()


@pytest.mark.parametrize(("number", "code", "words"), [
    (errno.EACCES, "folder_read_only", "쓸 수 없습니다"),
    (errno.EROFS, "folder_read_only", "읽기 전용"),
    (errno.ENOSPC, "disk_full_file", "디스크가 가득"),
    (errno.EBUSY, "file_locked", "다른 프로그램"),
])
def test_an_export_that_cannot_be_written_leaves_nothing(admin_ctx, tmp_path, monkeypatch,
                                                        number, code, words):
    """As root in CI, chmod cannot make a folder read-only: the OS's answer is simulated."""
    from pcrm_desktop.reports import spreadsheet
    from pcrm_desktop.services.citizen_export import export_citizens
    resident(admin_ctx)
    real_replace = Path.replace

    def refuse(self, target):
        raise OSError(number, "simulated", str(target))

    monkeypatch.setattr(Path, "replace", refuse)
    folder = tmp_path / "내보내기"
    folder.mkdir()
    out = folder / "주민.csv"
    with pytest.raises(DomainError) as caught:
        export_citizens(admin_ctx, out, reason="주민 안내문 발송")
    assert caught.value.code == code and words in korean_message(caught.value)
    assert caught.value.params["path"] == str(out)  # the clerk's name, not the partial file's
    assert list(folder.iterdir()) == []             # no partial file left behind
    monkeypatch.setattr(Path, "replace", real_replace)
    spreadsheet.write_table(out, "주민", ["이름"], [["박*희"]])
    assert out.exists()


def test_a_pdf_to_a_missing_folder_says_so(admin_ctx, tmp_path):
    from pcrm_desktop.fonts import find_korean_font
    from pcrm_desktop.services.complaint_documents import receipt_pdf
    if find_korean_font() is None:
        pytest.skip("no Korean font on this machine")
    case_id = new_case(admin_ctx)
    with pytest.raises(DomainError) as caught:
        receipt_pdf(admin_ctx, case_id, tmp_path / "nowhere" / "접수증.pdf")
    assert caught.value.code == "folder_missing"


def test_a_file_error_no_message_explains_stays_unexpected(admin_ctx, tmp_path):
    """Only what a clerk can act on gets a message; anything else is logged with its traceback."""
    from pcrm_desktop.services.citizen_export import export_citizens
    resident(admin_ctx)
    with pytest.raises(OSError) as caught:
        export_citizens(admin_ctx, tmp_path / f"{'가' * 90}.xlsx", reason="주민 안내문 발송")
    assert caught.value.errno == errno.ENAMETOOLONG
    assert list(tmp_path.glob("*.partial*")) == []
