"""Drafts survive a crash (issue 18, "what a clerk missed"): what is typed into a new 민원, a
case's step note or its reply is on disk a few seconds later, masked; the next sign-in of the
same staff member on the same database offers it back (이어 쓰기 fills the form again, 버리기
deletes it); saving or discarding the form deletes it. Screenshots in /tmp/pcrm-shots."""
from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from pcrm_desktop.domain.complaints import Action
from pcrm_desktop.domain.drafts import INTAKE, NOTE, REPLY
from pcrm_desktop.domain.office import Role
from pcrm_desktop.domain.text import find_rrns
from pcrm_desktop.services import complaints as S
from pcrm_desktop.services import drafts as draft_service
from pcrm_desktop.services.office import add_staff
from pcrm_desktop.ui import drafts as ui_drafts
from pcrm_desktop.ui.draft_offer import DraftOfferDialog
from tests.dbutil import rows
from tests.ui.helpers import save_screenshot, sign_in, type_text
from tests.ui.test_conflicts import new_case, open_case

SHOTS = Path("/tmp/pcrm-shots")
RRN = "900101-1234567"
HANGUL = re.compile("[\uac00-\ud7a3]")


@pytest.fixture(autouse=True)
def profile(tmp_path, monkeypatch, qapp) -> Path:
    """A profile folder of this test's own, and the Korean font (the screenshots are read)."""
    from pcrm_desktop.ui.appearance import install_korean_font
    folder = tmp_path / "profile"
    monkeypatch.setenv("PCRM_PROFILE_DIR", str(folder))
    before = qapp.font()
    install_korean_font(qapp)
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield folder
    qapp.setFont(before)






@pytest.fixture
def apps(qtbot, backend, admin_ctx, no_message_boxes):
    """Start the program on the test's database (again: after a "crash") and sign in."""
    from pcrm_desktop.app import Application
    from tests.ui.conftest import _args
    started = []

    def start(login: str = "hong"):
        app = Application(_args(), QApplication.instance())
        app.open_window(backend)
        qtbot.addWidget(app.login)
        started.append(app)
        window = sign_in(qtbot, app, login)
        qtbot.addWidget(window)
        idle(qtbot, app.runner)
        return app, window
    yield start
    for app in started:
        if app.window is not None and app.window.idle_lock is not None:
            app.window.idle_lock.stop()
        app.runner.wait(5000)


def idle(qtbot, runner) -> None:
    qtbot.waitUntil(lambda: not runner.busy(), timeout=10000)
    QApplication.processEvents()


def store_of(ctx) -> draft_service.DraftStore:
    return draft_service.open_store(ctx)


def files(ctx) -> list[str]:
    folder = store_of(ctx).folder
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def offer_of(window) -> DraftOfferDialog | None:
    found = window.findChild(DraftOfferDialog)
    return found if found is not None and found.isVisible() else None


def crash(form) -> None:
    """The program stops: the form is gone without being saved, cancelled or closed."""
    form.autosave.timer.stop()
    shiboken6.delete(form)


def fill_intake(dialog, content: str) -> None:
    category = next(i for i in range(dialog.category.count()) if dialog.category.itemData(i))
    dialog.category.setCurrentIndex(category)
    type_text(dialog.title, "골목길 불법주정차 단속 요청")
    dialog.content.setFocus()
    dialog.content.setPlainText(content)
    dialog.dong.setText("청운효자동")
    dialog.unnamed.click()  # no applicant, chosen


# --- intake ---------------------------------------------------------------------------------

def test_typed_intake_is_on_disk_a_few_seconds_later_with_the_rrn_masked(
        qtbot, admin_ctx, runner, no_message_boxes):
    from pcrm_desktop.ui.complaint_intake import IntakeDialog
    dialog = IntakeDialog(admin_ctx, runner, S.categories(admin_ctx))
    qtbot.addWidget(dialog)
    dialog.show()
    idle(qtbot, runner)
    qtbot.wait(ui_drafts.INTERVAL_MS + 300)
    assert files(admin_ctx) == []  # nothing typed: no draft
    fill_intake(dialog, f"민원인 주민번호 {RRN} 로 확인함. 차량이 매일 밤 골목을 막습니다.")
    qtbot.waitUntil(lambda: files(admin_ctx) != [], timeout=ui_drafts.INTERVAL_MS + 2000)
    [name] = files(admin_ctx)
    assert name.startswith("intake-") and name.endswith(".json")
    text = (store_of(admin_ctx).folder / name).read_text(encoding="utf-8")
    assert RRN not in text and "1234567" not in text and find_rrns(text) == []
    assert "900101-1******" in text and "골목길 불법주정차 단속 요청" in text
    written = (store_of(admin_ctx).folder / name).stat().st_mtime_ns
    qtbot.wait(ui_drafts.INTERVAL_MS + 300)  # nothing changed: not written again
    assert (store_of(admin_ctx).folder / name).stat().st_mtime_ns == written
    for edit in (dialog.title, dialog.content, dialog.dong):  # all taken out again
        edit.clear()
    dialog.category.setCurrentIndex(0)
    assert not dialog.is_dirty()
    dialog.autosave.flush()
    assert files(admin_ctx) == []  # the draft goes too


def test_after_a_crash_the_next_sign_in_offers_the_intake_and_saving_it_deletes_the_draft(
        qtbot, apps, admin_ctx, db_path):
    app, window = apps()
    assert offer_of(window) is None  # nothing left over yet
    window.open_page("complaints")
    idle(qtbot, app.runner)  # its categories read
    dialog = window.new_complaint()
    idle(qtbot, app.runner)
    fill_intake(dialog, f"주민등록번호 {RRN}. 밤마다 골목을 막는 차량 단속 요청")
    dialog.epeople.setText("")
    dialog.autosave.flush()
    assert len(files(admin_ctx)) == 1
    crash(dialog)
    assert len(files(admin_ctx)) == 1  # the program went away: the draft stays

    app2, window2 = apps()
    offer = offer_of(window2)
    assert offer is not None and offer.table.rowCount() == 1
    cells = [offer.table.item(0, c).text() for c in range(4)]
    assert cells[0] == "새 민원 접수" and cells[3].startswith("골목길 불법주정차")
    save_screenshot(offer, SHOTS, "draft-offer")
    offer.resume_button.click()
    idle(qtbot, app2.runner)
    resumed = window2.pages["complaints"].dialog
    assert resumed.isVisible() and not offer_of(window2)
    assert resumed.title.text() == "골목길 불법주정차 단속 요청"
    assert resumed.content.toPlainText() == "주민등록번호 900101-1******. 밤마다 골목을 막는 차량 단속 요청"
    assert resumed.category.currentData() is not None and resumed.dong.text() == "청운효자동"
    assert resumed.applicant_decided and resumed.citizen_id is None and resumed.is_dirty()
    save_screenshot(resumed, SHOTS, "draft-intake-resumed")
    resumed.save()
    qtbot.waitUntil(lambda: rows(db_path, "SELECT count(*) FROM complaints")[0][0] == 1,
                    timeout=5000)
    idle(qtbot, app2.runner)
    assert files(admin_ctx) == []
    assert offer_of(window2) is None  # nothing left to offer
    assert rows(db_path, "SELECT content FROM complaints")[0][0].startswith("주민등록번호 900101-1******")
    # drafts are the clerk's own typing: nothing about them in the access log
    assert rows(db_path, "SELECT count(*) FROM audit_log WHERE action LIKE '%draft%'")[0][0] == 0


@pytest.mark.parametrize("how", ["escape", "cancel_button"])
def test_discarding_the_intake_deletes_its_draft_and_keeping_it_keeps_it(
        qtbot, admin_ctx, runner, asked, no_message_boxes, how):
    from pcrm_desktop.ui.complaint_intake import IntakeDialog
    dialog = IntakeDialog(admin_ctx, runner, S.categories(admin_ctx))
    qtbot.addWidget(dialog)
    dialog.show()
    idle(qtbot, runner)
    fill_intake(dialog, "내용")
    dialog.autosave.flush()
    assert len(files(admin_ctx)) == 1

    def close():
        if how == "escape":
            QApplication.sendEvent(dialog, QKeyEvent(QKeyEvent.Type.KeyPress, Qt.Key.Key_Escape,
                                                     Qt.KeyboardModifier.NoModifier))
        else:
            dialog.buttons.rejected.emit()
    asked.answer = None  # "keep typing"
    close()
    assert dialog.isVisible() and len(files(admin_ctx)) == 1 and len(asked) == 1
    asked.answer = "discard"  # 버리고 닫기
    close()
    assert not dialog.isVisible()
    assert files(admin_ctx) == []
    dialog.autosave.flush()  # a tick after the end brings nothing back
    assert files(admin_ctx) == []


# --- a case's note and reply ----------------------------------------------------------------

def test_a_step_note_is_kept_masked_and_comes_back_in_the_same_step_after_a_crash(
        qtbot, admin_ctx, runner, no_message_boxes):
    case_id = new_case(admin_ctx, admin_ctx.actor.staff_id)
    case = open_case(qtbot, admin_ctx, runner, case_id)
    step = case.start_action(Action.HOLD)
    idle(qtbot, runner)
    step.note.setPlainText(f"민원인 서류 보완 요청 (주민번호 {RRN} 확인)")
    qtbot.waitUntil(lambda: files(admin_ctx) == [f"note-{case_id}_hold.json"],
                    timeout=ui_drafts.INTERVAL_MS + 2000)
    text = (store_of(admin_ctx).folder / f"note-{case_id}_hold.json").read_text(encoding="utf-8")
    assert RRN not in text and find_rrns(text) == [] and "900101-1******" in text
    crash(step)
    case.close()

    again = open_case(qtbot, admin_ctx, runner, case_id)
    other = again.start_action(Action.TRANSFER)  # another step: not this draft's
    idle(qtbot, runner)
    assert other.note.toPlainText() == ""
    other.reject()
    idle(qtbot, runner)
    assert files(admin_ctx) == [f"note-{case_id}_hold.json"]  # the TRANSFER form wrote nothing
    same = again.start_action(Action.HOLD)
    idle(qtbot, runner)
    assert same.note.toPlainText() == "민원인 서류 보완 요청 (주민번호 900101-1****** 확인)"
    same.reject()  # 취소: given up
    assert files(admin_ctx) == []


def test_a_reply_draft_is_offered_at_sign_in_and_opens_the_case_with_the_answer(
        qtbot, apps, admin_ctx, db_path):
    case_id = new_case(admin_ctx, admin_ctx.actor.staff_id)
    receipt_no = S.case(admin_ctx, case_id)["receipt_no"]
    app, window = apps()
    case = window.open_page("complaints").open_case(case_id)
    idle(qtbot, app.runner)
    step = case.start_action(Action.COMPLETE)
    idle(qtbot, app.runner)
    step.answer.setPlainText("현장 확인 후 단속하였습니다. 앞으로 야간 순찰을 늘리겠습니다.")
    step.autosave.flush()
    assert files(admin_ctx) == [f"reply-{case_id}_complete.json"]
    crash(step)

    views = rows(db_path, "SELECT count(*) FROM audit_log WHERE action = 'complaint.view'")[0][0]
    app2, window2 = apps()
    offer = offer_of(window2)
    assert offer is not None
    cells = [offer.table.item(0, c).text() for c in range(4)]
    assert cells[0].startswith("회신") and cells[1] == receipt_no
    assert cells[3].startswith("현장 확인 후 단속하였습니다")
    offer.resume_button.click()
    qtbot.waitUntil(lambda: window2.pages.get("complaints") is not None
                    and case_id in window2.pages["complaints"].case_windows, timeout=5000)
    reopened = window2.pages["complaints"].case_windows[case_id]
    qtbot.waitUntil(lambda: getattr(reopened, "action_dialog", None) is not None
                    and reopened.action_dialog.isVisible(), timeout=5000)
    idle(qtbot, app2.runner)
    resumed = reopened.action_dialog
    assert resumed.action is Action.COMPLETE
    assert resumed.answer.toPlainText() == "현장 확인 후 단속하였습니다. 앞으로 야간 순찰을 늘리겠습니다."
    save_screenshot(resumed, SHOTS, "draft-reply-resumed")
    # opening the case to go on is an opening like any other: in the access log as 민원 열람
    assert rows(db_path, "SELECT count(*) FROM audit_log WHERE action = 'complaint.view'")[0][0] \
        == views + 1
    resumed.submit()
    qtbot.waitUntil(lambda: not resumed.isVisible(), timeout=5000)
    idle(qtbot, app2.runner)
    assert S.case(admin_ctx, case_id)["status"] == "done"
    assert files(admin_ctx) == []


def test_a_step_dropped_because_the_case_moved_on_keeps_its_draft(
        qtbot, admin_ctx, runner, no_message_boxes):
    from pcrm_desktop.domain.complaints import Result
    case_id = new_case(admin_ctx, admin_ctx.actor.staff_id)
    case = open_case(qtbot, admin_ctx, runner, case_id)
    step = case.start_action(Action.HOLD)
    idle(qtbot, runner)
    step.note.setPlainText("현장 재확인 필요")
    S.act(admin_ctx, case_id, Action.COMPLETE, S.case(admin_ctx, case_id)["version"],
          result=Result.ACCEPTED, answer="처리하였습니다.")  # done in another window meanwhile
    step.submit()
    qtbot.waitUntil(lambda: step.conflict_dialog is not None
                    and step.conflict_dialog.isVisible(), timeout=5000)
    step.conflict_dialog.drop_button.click()
    qtbot.waitUntil(lambda: not step.isVisible(), timeout=5000)
    assert files(admin_ctx) == [f"note-{case_id}_hold.json"]  # dropped, not given up
    assert store_of(admin_ctx).get(NOTE, f"{case_id}_hold").fields["note"] == "현장 재확인 필요"


def test_a_draft_whose_step_is_no_longer_possible_opens_the_case_and_says_so(
        qtbot, apps, admin_ctx, no_message_boxes):
    from pcrm_desktop.domain.complaints import Result
    case_id = new_case(admin_ctx, admin_ctx.actor.staff_id)
    S.act(admin_ctx, case_id, Action.COMPLETE, S.case(admin_ctx, case_id)["version"],
          result=Result.ACCEPTED, answer="처리하였습니다.")
    store_of(admin_ctx).keep(NOTE, f"{case_id}_hold", {"action": "hold", "note": "보완 요청"},
                             datetime.now())
    _app, window = apps()
    offer_of(window).resume_button.click()
    qtbot.waitUntil(lambda: bool(no_message_boxes), timeout=5000)
    assert "할 수 없습니다" in no_message_boxes[0][1]
    reopened = window.pages["complaints"].case_windows[case_id]
    assert reopened.isVisible() and getattr(reopened, "action_dialog", None) is None
    assert files(admin_ctx) == [f"note-{case_id}_hold.json"]  # kept, to be discarded later


# --- the offer -------------------------------------------------------------------------------

def test_only_this_staff_members_drafts_on_this_database_are_offered(qtbot, apps, admin_ctx,
                                                                    profile):
    add_staff(admin_ctx, "김민원", "kim", Role.CLERK)
    mine = store_of(admin_ctx)
    now = datetime.now()
    other_db = draft_service.DraftStore(mine.folder.parent.parent / "another-database"
                                        / mine.folder.name)
    other_db.keep(INTAKE, "k1", {"title": "다른 데이터베이스의 초안"}, now)
    other_staff = draft_service.DraftStore(mine.folder.parent / str(admin_ctx.actor.staff_id + 1))
    other_staff.keep(NOTE, "1_hold", {"action": "hold", "note": "다른 직원의 메모"}, now)
    _app, window = apps()
    assert offer_of(window) is None
    mine.keep(INTAKE, "k2", {"title": "내 초안"}, now)
    _app2, window2 = apps()
    offer = offer_of(window2)
    assert offer is not None and offer.table.rowCount() == 1
    assert offer.table.item(0, 3).text() == "내 초안"


def test_the_offer_discards_after_asking_and_later_keeps(qtbot, apps, admin_ctx, asked):
    store = store_of(admin_ctx)
    store.keep(INTAKE, "k1", {"title": "첫째"}, datetime(2026, 3, 2, 9, 0))
    store.keep(REPLY, "7_complete", {"action": "complete", "receipt_no": "2026-000007",
                            "answer": "둘째"}, datetime(2026, 3, 3, 9, 0))
    _app, window = apps()
    offer = offer_of(window)
    assert [offer.table.item(r, 3).text() for r in range(2)] == ["둘째", "첫째"]  # newest first
    offer.table.selectRow(1)
    asked.answer = None
    offer.discard_button.click()
    assert len(asked) == 1 and offer.table.rowCount() == 2  # not without saying yes
    asked.answer = "discard"
    offer.discard_button.click()
    assert offer.table.rowCount() == 1 and sorted(files(admin_ctx)) == ["reply-7_complete.json"]
    offer.later_button.click()  # 나중에: left for the next sign-in
    assert not offer.isVisible() and files(admin_ctx) == ["reply-7_complete.json"]
    _app2, window2 = apps()
    assert offer_of(window2) is not None


def test_the_offer_in_english_has_no_korean_of_its_own(qtbot, admin_ctx):
    from pcrm_desktop.ui.i18n import LanguageManager
    store = store_of(admin_ctx)
    store.keep(INTAKE, "k1", {"title": "골목길"}, datetime(2026, 3, 2, 9, 0))
    store.keep(NOTE, "7_hold", {"action": "hold", "receipt_no": "2026-000007", "note": "보완"},
               datetime(2026, 3, 3, 9, 0))
    manager = LanguageManager()
    manager.set_language("en")
    try:
        offer = DraftOfferDialog(store, store.drafts())
        qtbot.addWidget(offer)
        offer.show()
        texts = [offer.windowTitle(), offer.intro.text(), offer.resume_button.text(),
                 offer.discard_button.text(), offer.later_button.text()]
        texts += [offer.table.horizontalHeaderItem(c).text() for c in range(4)]
        texts += [offer.table.item(r, c).text() for r in range(2) for c in range(3)]
        assert [t for t in texts if HANGUL.search(t)] == []
        assert offer.width() <= 1366 and offer.height() <= 768
        save_screenshot(offer, SHOTS, "draft-offer-en")
    finally:
        manager.set_language("ko")
