"""Two clerks on one record through the real dialogs (offscreen): the second save shows both
versions field by field and saves what the clerk chose; cancelling keeps every typed value; a 민원
step on a case that moved on can be re-applied or dropped (its note kept); a write waiting for
another process's lock says so at once and keeps the form when it gives up; a full disk keeps
the form too. Screenshots: /tmp/pcrm-shots/conflict.png, case-moved.png, waiting.png."""
from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog

from pcrm_desktop.domain.citizens import Address, Citizen
from pcrm_desktop.domain.complaints import Action, Channel, Intake, Result
from pcrm_desktop.domain.office import Role
from pcrm_desktop.services import citizens as C
from pcrm_desktop.services import complaints as S
from pcrm_desktop.services.groups import list_groups
from pcrm_desktop.services.office import actor_for, add_staff
from pcrm_desktop.ui.citizen_dialog import CitizenDialog
from pcrm_desktop.ui.complaint_case import CaseDialog
from pcrm_desktop.ui.complaint_labels import result_name
from pcrm_desktop.ui.conflict_dialog import CaseMovedDialog, FieldConflictDialog
from pcrm_desktop.ui.tasks import TaskRunner
from tests.dbutil import rows
from tests.ui.helpers import save_screenshot, type_text

SHOTS = Path("/tmp/pcrm-shots")
WAIT_TEXT = "다른 사용자(또는 명령)가 저장 중입니다. 기다리는 중…"


@pytest.fixture
def shots(qapp) -> Path:
    """The screenshots' folder, with the Korean font the app installs (Hangul, not boxes)."""
    from pcrm_desktop.ui.appearance import install_korean_font
    install_korean_font(qapp)
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS


@pytest.fixture
def clerks(admin_ctx, db_path):
    """Clerk A (kim) and clerk B (lee), each with their own engine on the one file."""
    add_staff(admin_ctx, "김민원", "kim", Role.CLERK)
    add_staff(admin_ctx, "이주무", "lee", Role.CLERK)
    engine, second = second_engine(admin_ctx, db_path)
    yield (admin_ctx.as_actor(actor_for(admin_ctx, "kim", strict=True)),
           second.as_actor(actor_for(second, "lee", strict=True)))
    engine.dispose()


def second_engine(ctx, db_path: Path):
    """Another engine on the same file, as a second window or PC has (its own pool and
    connections). Never a plain open() of the file here: closing it would drop every POSIX lock
    this process's SQLite connections hold (sqlite.org/howtocorrupt.html 2.2.1)."""
    from pcrm_desktop.db.engine import make_engine
    from pcrm_desktop.db.uow import SqlUnitOfWork
    engine = make_engine(f"sqlite:///{db_path}")
    return engine, replace(ctx, uow_factory=lambda write=True: SqlUnitOfWork(engine, write))


@pytest.fixture
def runners():
    made = [TaskRunner(), TaskRunner()]
    yield made
    for runner in made:
        runner.wait(10000)


def resident(ctx) -> int:
    return C.register_citizen(ctx, Citizen(
        None, "박영희", 1961, phones=("010-2222-3333",), email="park@example.kr",
        address=Address("서울특별시 종로구 자하문로 92", "101동 202호", "", "청운동"),
        memo="거동 불편")).citizen_id


def edit_dialog(qtbot, ctx, runner, rid) -> CitizenDialog:
    record, groups = C.citizen_for_edit(ctx, rid)
    dialog = CitizenDialog(ctx, runner, list_groups(ctx), record, groups)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def accepted(dialog) -> bool:
    return QDialog.result(dialog) == QDialog.DialogCode.Accepted and not dialog.isVisible()


# --- residents ------------------------------------------------------------------------------

def test_second_save_shows_both_versions_and_keeps_both_changes(qtbot, clerks, runners, db_path,
                                                                 shots, no_message_boxes):
    a, b = clerks
    rid = resident(a)
    first, second = edit_dialog(qtbot, a, runners[0], rid), edit_dialog(qtbot, b, runners[1], rid)

    type_text(first.phone1, "010-7777-8888")             # A: the phone and the e-mail
    type_text(first.email, "park@jongno.go.kr")
    first.save()
    qtbot.waitUntil(lambda: accepted(first), timeout=5000)

    type_text(second.phone1, "010-5555-6666")            # B, on the old version: phone and memo
    second.memo.setPlainText("휠체어 이용, 1층 상담실")
    second.save()
    qtbot.waitUntil(lambda: second.conflict_dialog is not None
                    and second.conflict_dialog.isVisible(), timeout=5000)
    conflict: FieldConflictDialog = second.conflict_dialog
    assert [r.key for r in conflict.rows] == ["phones", "email", "memo"]  # only what differs
    assert conflict.choices() == {"phones": None, "email": "theirs", "memo": "mine"}
    assert not conflict.save_button.isEnabled()        # both changed the phone: B must choose
    assert "전화" in conflict.pending.text()
    value = conflict.findChild(type(conflict.intro), "conflictValue_phones_mine")
    assert value.text() == "010-5555-6666"
    assert conflict.findChild(type(conflict.intro), "conflictValue_phones_theirs").text() == "010-7777-8888"
    assert conflict.findChild(type(conflict.intro), "conflictNote_phones").text() == "둘 다 고침 — 고르십시오"
    conflict.resize(860, 520)
    QApplication.processEvents()
    save_screenshot(conflict, shots, "conflict")

    qtbot.mouseClick(conflict.values["phones", "mine"], Qt.MouseButton.LeftButton)  # the value
    assert conflict.save_button.isEnabled() and conflict.pending.text() == ""
    conflict.save_button.click()
    qtbot.waitUntil(lambda: accepted(second), timeout=5000)
    final, _ = C.citizen_for_edit(a, rid)
    assert final.phones == ("010-5555-6666",)            # B's choice where both changed it
    assert final.email == "park@jongno.go.kr"            # A's change, kept
    assert final.memo == "휠체어 이용, 1층 상담실"          # B's change
    assert final.version == 3
    assert [r[0] for r in rows(db_path, "SELECT actor FROM audit_log WHERE action = 'citizen.update'"
                                        " AND target = ? ORDER BY id", f"citizen:{rid}")] == ["kim", "lee"]


def test_cancel_keeps_every_typed_value_and_the_next_save_compares_again(
        qtbot, clerks, runners, db_path, no_message_boxes):
    a, b = clerks
    rid = resident(a)
    form = edit_dialog(qtbot, b, runners[1], rid)
    C.update_citizen(a, replace(C.citizen_for_edit(a, rid)[0], email="a@x.kr"))
    type_text(form.name, "박영희")
    form.memo.setPlainText("B가 쓴 메모")
    type_text(form.detail, "101동 303호")
    form.save()
    qtbot.waitUntil(lambda: form.conflict_dialog is not None and form.conflict_dialog.isVisible(),
                    timeout=5000)
    form.conflict_dialog.cancel_button.click()
    assert form.isVisible() and form.result() != form.DialogCode.Accepted
    assert (form.memo.toPlainText(), form.detail.text(), form.email.text()) == (
        "B가 쓴 메모", "101동 303호", "park@example.kr")  # nothing the clerk typed was touched
    assert "저장하지 않았습니다" in form.error.text()
    assert C.citizen_for_edit(a, rid)[0].memo == "거동 불편"

    # A saves once more meanwhile; B's next save compares with the newest version
    C.update_citizen(a, replace(C.citizen_for_edit(a, rid)[0], birth_year=1962))
    form.conflict_dialog = None
    form.save()
    qtbot.waitUntil(lambda: form.conflict_dialog is not None and form.conflict_dialog.isVisible(),
                    timeout=5000)
    assert {r.key for r in form.conflict_dialog.rows} == {"birth_year", "email", "detail", "memo"}
    assert form.conflict_dialog.choices() == {"birth_year": "theirs", "email": "theirs",
                                              "detail": "mine", "memo": "mine"}
    form.conflict_dialog.save_button.click()
    qtbot.waitUntil(lambda: accepted(form), timeout=5000)
    final, _ = C.citizen_for_edit(a, rid)
    assert (final.email, final.birth_year, final.memo, final.address.detail) == (
        "a@x.kr", 1962, "B가 쓴 메모", "101동 303호")


# --- 민원 ---------------------------------------------------------------------------------------

def new_case(ctx, assignee_id: int) -> int:
    category = next(c["id"] for c in S.categories(ctx) if c["name"] == "불법주정차")
    received = ctx.clock() - timedelta(minutes=5)
    return S.receive(ctx, Intake(received, Channel.VISIT, "inquiry", "골목길 불법주정차", "내용",
                                 category, assignee_id=assignee_id)).complaint_id


def open_case(qtbot, ctx, runner, case_id) -> CaseDialog:
    case = CaseDialog(ctx, runner, case_id)
    qtbot.addWidget(case)
    case.show()
    qtbot.waitUntil(lambda: case.case is not None and not runner.busy(), timeout=5000)
    return case


def test_a_step_on_a_moved_case_is_reapplied_on_the_case_as_it_is(qtbot, clerks, runners, db_path,
                                                                   shots, no_message_boxes):
    a, b = clerks
    case_id = new_case(a, b.actor.staff_id)
    case = open_case(qtbot, b, runners[1], case_id)
    step = case.start_action(Action.HOLD)
    qtbot.waitUntil(lambda: not runners[1].busy(), timeout=5000)
    step.note.setPlainText("민원인에게 서류 보완 요청")
    S.act(a, case_id, Action.START, S.case(a, case_id)["version"])  # A starts it meanwhile
    step.submit()
    qtbot.waitUntil(lambda: step.conflict_dialog is not None and step.conflict_dialog.isVisible(),
                    timeout=5000)
    moved: CaseMovedDialog = step.conflict_dialog
    assert [c[0] for c in moved.changes()] == ["상태"]
    assert moved.changes()[0][1:] == ("배정", "처리중")
    assert "김민원  처리 시작 → 처리중" in moved.steps.text()  # who did what meanwhile
    assert "민원인에게 서류 보완 요청" in moved.kept.text()
    assert moved.reapply_button.isEnabled() and moved.refused.text() == ""
    save_screenshot(moved, shots, "case-moved")
    moved.reapply_button.click()
    qtbot.waitUntil(lambda: accepted(step), timeout=5000)
    history = rows(db_path, "SELECT kind, actor, note FROM complaint_events WHERE complaint_id = ?"
                            " ORDER BY id", case_id)
    assert [h[:2] for h in history[-2:]] == [("start", "kim"), ("hold", "lee")]
    assert history[-1][2] == "민원인에게 서류 보완 요청"
    assert rows(db_path, "SELECT status FROM complaints WHERE id = ?", case_id) == [("on_hold",)]


def test_a_step_no_longer_possible_is_dropped_and_its_note_kept(qtbot, clerks, runners, db_path,
                                                               no_message_boxes):
    a, b = clerks
    case_id = new_case(a, b.actor.staff_id)
    case = open_case(qtbot, b, runners[1], case_id)
    step = case.start_action(Action.HOLD)
    qtbot.waitUntil(lambda: not runners[1].busy(), timeout=5000)
    step.note.setPlainText("현장 재확인 필요")
    S.act(a, case_id, Action.COMPLETE, S.case(a, case_id)["version"], result=Result.ACCEPTED,
          answer="처리하였습니다.")
    step.submit()
    qtbot.waitUntil(lambda: step.conflict_dialog is not None and step.conflict_dialog.isVisible(),
                    timeout=5000)
    moved = step.conflict_dialog
    assert not moved.reapply_button.isEnabled()          # 보류 after 처리완료 is not possible
    assert "할 수 없습니다" in moved.refused.text()
    assert moved.changes() == [("상태", "배정", "처리완료"), ("처리 결과", "-", result_name("accepted"))]
    moved.drop_button.click()
    qtbot.waitUntil(lambda: not step.isVisible(), timeout=5000)
    assert case.drafts[Action.HOLD] == "현장 재확인 필요"     # the note is not lost
    qtbot.waitUntil(lambda: not runners[1].busy() and case.case["status"] == "done", timeout=5000)
    assert rows(db_path, "SELECT count(*) FROM complaint_events WHERE kind = 'hold'") == [(0,)]
    again = case.start_action(Action.HOLD)
    assert again.note.toPlainText() == "현장 재확인 필요"


# --- waiting for another process's lock; storage errors --------------------------------------

def hold_write_lock(db: Path, seconds: float) -> subprocess.Popen:
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


def test_a_waiting_save_says_so_at_once_and_then_saves(qtbot, clerks, runners, db_path, shots,
                                                       no_message_boxes):
    a, _ = clerks
    rid = resident(a)
    form = edit_dialog(qtbot, a, runners[0], rid)
    form.memo.setPlainText("잠긴 동안 쓴 메모")
    holder = hold_write_lock(db_path, 2.0)
    try:
        start = time.monotonic()
        form.save()
        qtbot.waitUntil(lambda: form.status.isVisible(), timeout=2000)
        shown_after = time.monotonic() - start
        assert form.status.text().startswith(WAIT_TEXT)
        assert shown_after < 0.8, shown_after              # "within about half a second"
        assert form.isVisible() and not form.buttons.isEnabled()  # no second click meanwhile
        save_screenshot(form, shots, "waiting")
        qtbot.waitUntil(lambda: accepted(form), timeout=8000)
    finally:
        holder.wait(10)
    assert not form.status.isVisible()
    assert C.citizen_for_edit(a, rid)[0].memo == "잠긴 동안 쓴 메모"


def test_a_save_that_waits_too_long_keeps_the_form(qtbot, clerks, runners, db_path,
                                                   no_message_boxes):
    a, _ = clerks
    rid = resident(a)
    form = edit_dialog(qtbot, a, runners[0], rid)
    type_text(form.detail, "101동 909호")
    form.memo.setPlainText("오래 기다린 메모")
    holder = hold_write_lock(db_path, 7.0)
    try:
        form.save()
        qtbot.waitUntil(lambda: form.error.text() != "", timeout=9000)
        assert "5초를 기다렸지만" in form.error.text()
        assert "아무것도 저장하지 않았습니다" in form.error.text()
        assert form.isVisible() and form.buttons.isEnabled() and not form.status.isVisible()
        assert (form.detail.text(), form.memo.toPlainText()) == ("101동 909호", "오래 기다린 메모")
    finally:
        holder.wait(15)
    form.save()                                           # the clerk tries again
    qtbot.waitUntil(lambda: accepted(form), timeout=5000)
    assert C.citizen_for_edit(a, rid)[0].memo == "오래 기다린 메모"


def test_a_full_disk_keeps_the_form_and_the_retry_saves(qtbot, backend, admin_ctx, runners,
                                                        db_path, no_message_boxes):
    from sqlalchemy import event
    rid = resident(admin_ctx)
    form = edit_dialog(qtbot, admin_ctx, runners[0], rid)
    form.memo.setPlainText("디스크가 찬 동안 쓴 메모")
    failing = {"on": True}

    def full(conn, cursor, statement, parameters, context, executemany):
        if failing["on"] and statement.lstrip().upper().startswith("UPDATE CITIZENS"):
            raise sqlite3.OperationalError("database or disk is full")

    engine = backend.migration.engine
    event.listen(engine, "before_cursor_execute", full)
    try:
        form.save()
        qtbot.waitUntil(lambda: form.error.text() != "", timeout=5000)
        assert form.error.text().startswith("디스크가 가득 차서 저장하지 못했습니다")
        assert form.isVisible() and form.memo.toPlainText() == "디스크가 찬 동안 쓴 메모"
        failing["on"] = False
        form.save()
        qtbot.waitUntil(lambda: accepted(form), timeout=5000)
    finally:
        event.remove(engine, "before_cursor_execute", full)
    assert C.citizen_for_edit(admin_ctx, rid)[0].memo == "디스크가 찬 동안 쓴 메모"


def test_a_task_without_a_form_shows_a_wait_notice(qtbot, clerks, db_path):
    """Any write in the lane (settings, intake …) makes its wait visible, and the runner
    reports it for a status bar."""
    from PySide6.QtWidgets import QProgressDialog
    a, _ = clerks
    rid = resident(a)
    record, _ = C.citizen_for_edit(a, rid)
    runner = TaskRunner()
    told: list[str] = []
    runner.waiting.connect(told.append)
    done: list[object] = []
    holder = hold_write_lock(db_path, 1.5)
    try:
        runner.run(lambda control: C.update_citizen(a, record), done.append, done.append)
        qtbot.waitUntil(lambda: any(t.startswith(WAIT_TEXT) for t in told), timeout=2000)
        notices = [w for w in QApplication.topLevelWidgets()
                   if isinstance(w, QProgressDialog) and w.isVisible()]
        assert notices and notices[0].labelText().startswith(WAIT_TEXT)
        qtbot.waitUntil(lambda: bool(done), timeout=8000)
    finally:
        holder.wait(10)
        runner.wait(5000)
    assert told[-1] == ""                                  # the wait is over
    assert not [w for w in QApplication.topLevelWidgets()
                if isinstance(w, QProgressDialog) and w.isVisible()]
    assert done[0].citizen_id == rid
