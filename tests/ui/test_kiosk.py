"""The survey kiosk at 1280×800, driven by clicks as a resident's touches: answered to the
end, left idle mid-way (nothing stored), switched to English, and left with the staff PIN."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.privacy import PermissionDenied
from pcrm_desktop.domain.surveys import TEMPLATES
from pcrm_desktop.services import surveys
from pcrm_desktop.ui.appearance import install_korean_font
from pcrm_desktop.ui.kiosk import KioskWindow
from pcrm_desktop.ui.tasks import TaskRunner
from tests.dbutil import rows
from tests.ui.helpers import save_screenshot, sign_in, type_text


@pytest.fixture
def kiosk_ctx(admin_ctx):
    surveys.create_survey(admin_ctx, "DESK", "COUNTER", linked=False)
    surveys.set_kiosk(admin_ctx, "DESK", "4821")
    return admin_ctx.as_actor(Actor(None, "kiosk1", "kiosk", "민원실 키오스크"))


@pytest.fixture
def kiosk(qtbot, qapp, kiosk_ctx):
    install_korean_font(qapp)  # as the application does before any window
    runner = TaskRunner()
    window = KioskWindow(kiosk_ctx, runner, "DESK", TEMPLATES["COUNTER"], idle_seconds=60,
                         countdown_seconds=3, thanks_seconds=60)
    qtbot.addWidget(window)
    window.show()
    window.resize(1280, 800)  # after show: shown first, it would fit the 800×800 offscreen screen
    qtbot.waitExposed(window)
    yield window
    runner.wait(5000)
    window.unlocked = True


def shoot(qtbot, window, folder, name: str) -> None:
    """A screenshot once the screen's new buttons have been laid out and shown."""
    qtbot.waitUntil(lambda: all(b.isVisible() for b in window.choice_buttons.values()), timeout=2000)
    qtbot.wait(50)
    save_screenshot(window, folder, name)


def tap(qtbot, window, name: str) -> None:
    button = window.findChild(QPushButton, name)
    assert button is not None, name
    qtbot.waitUntil(button.isVisible, timeout=2000)  # a new item's buttons show on the next pass
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_answer_by_touch_to_the_end(qtbot, kiosk, db_path, screenshot_dir):
    save_screenshot(kiosk, screenshot_dir, "kiosk-1-start")
    tap(qtbot, kiosk, "kioskStart")
    assert kiosk.question_screen.question.text() == TEMPLATES["COUNTER"].item("ACCESS").text
    shoot(qtbot, kiosk, screenshot_dir, "kiosk-2-question")
    tap(qtbot, kiosk, "kioskChoice_4")        # ACCESS
    tap(qtbot, kiosk, "kioskChoice_5")        # KIND
    tap(qtbot, kiosk, "kioskBack")            # changed my mind on KIND
    assert kiosk.question_screen.question.text() == TEMPLATES["COUNTER"].item("KIND").text
    assert kiosk.findChild(QPushButton, "kioskChoice_5").isChecked()
    tap(qtbot, kiosk, "kioskChoice_3")        # KIND, again
    tap(qtbot, kiosk, "kioskNA")              # EXPERT: 해당 없음
    for code in ("SPEED", "RESULT", "FACILITY"):
        assert kiosk.item.code == code
        tap(qtbot, kiosk, "kioskChoice_4")
    assert kiosk.item.code == "OVERALL"
    assert kiosk.question_screen.next_button.text() == "다음"  # required: no 건너뛰기
    tap(qtbot, kiosk, "kioskChoice_4")
    assert kiosk.item.code == "RECOMMEND"
    shoot(qtbot, kiosk, screenshot_dir, "kiosk-3-recommend")
    tap(qtbot, kiosk, "kioskNext")            # soft-required: asked once …
    assert kiosk.item.code == "RECOMMEND" and kiosk.question_screen.hint.text()
    tap(qtbot, kiosk, "kioskChoice_9")
    assert kiosk.item.code == "COMMENT"
    assert kiosk.question_screen.next_button.text() == "제출하기"
    tap(qtbot, kiosk, "kioskNext")            # no comment: submit
    qtbot.waitUntil(lambda: kiosk.thanks_screen.label.text() == TEMPLATES["COUNTER"].thanks, timeout=5000)
    save_screenshot(kiosk, screenshot_dir, "kiosk-4-thanks")
    stored = dict(rows(db_path, "SELECT a.item, coalesce(a.value_num, CASE a.na WHEN 1 THEN 'NA' END)"
                                " FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id"
                                " WHERE r.mode = 'kiosk'"))
    assert stored == {"ACCESS": 4.0, "KIND": 3.0, "EXPERT": "NA", "SPEED": 4.0, "RESULT": 4.0,
                      "FACILITY": 4.0, "OVERALL": 4.0, "RECOMMEND": 9.0}
    assert rows(db_path, "SELECT count(*) FROM survey_links") == [(0,)]  # anonymous
    kiosk.thanks_timer.timeout.emit()  # the thank-you screen resets by itself
    assert kiosk.stack.currentIndex() == 0 and kiosk.answers == {}
    tap(qtbot, kiosk, "kioskStart")  # a fresh form: nothing chosen
    assert not any(b.isChecked() for b in kiosk.choice_buttons.values())


def test_next_on_an_unanswered_required_question_says_why(qtbot, kiosk, screenshot_dir):
    tap(qtbot, kiosk, "kioskStart")
    while kiosk.item.code != "OVERALL":  # the counter questionnaire's required question
        tap(qtbot, kiosk, "kioskChoice_4")
    assert kiosk.question_screen.next_button.text() == "다음" and kiosk.question_screen.hint.text() == ""
    tap(qtbot, kiosk, "kioskNext")
    assert kiosk.item.code == "OVERALL"
    assert kiosk.question_screen.hint.text() == "이 문항은 꼭 답해 주셔야 다음으로 넘어갈 수 있습니다."
    qtbot.waitUntil(kiosk.question_screen.hint.isVisible, timeout=2000)
    shoot(qtbot, kiosk, screenshot_dir, "kiosk-required")
    tap(qtbot, kiosk, "kioskEnglish")
    tap(qtbot, kiosk, "kioskNext")
    assert kiosk.question_screen.hint.text() == "This question needs an answer before you can go on."
    tap(qtbot, kiosk, "kioskChoice_4")
    assert kiosk.item.code == "RECOMMEND" and kiosk.question_screen.hint.text() == ""


def test_idle_countdown_discards_the_partial_form(qtbot, kiosk, db_path, screenshot_dir):
    tap(qtbot, kiosk, "kioskStart")
    tap(qtbot, kiosk, "kioskChoice_2")
    tap(qtbot, kiosk, "kioskChoice_2")
    assert kiosk.answers == {"ACCESS": 2, "KIND": 2}
    kiosk.idle.timeout.emit()  # 60 s without a touch
    assert kiosk.overlay.isVisible() and kiosk.overlay.countdown.text() == "3초 후 처음 화면으로 돌아갑니다"
    shoot(qtbot, kiosk, screenshot_dir, "kiosk-5-countdown")
    tap(qtbot, kiosk, "kioskContinue")  # 계속하기: the answers are still there
    assert not kiosk.overlay.isVisible() and kiosk.answers == {"ACCESS": 2, "KIND": 2}
    kiosk.idle.timeout.emit()
    qtbot.waitUntil(lambda: kiosk.stack.currentIndex() == 0, timeout=6000)  # real 1-s ticks
    assert kiosk.answers == {} and not kiosk.overlay.isVisible()
    assert rows(db_path, "SELECT count(*) FROM survey_responses") == [(0,)]


def test_touches_keep_the_form_alive(qtbot, kiosk):
    tap(qtbot, kiosk, "kioskStart")
    kiosk.idle.stop()
    tap(qtbot, kiosk, "kioskChoice_3")  # a touch restarts the wait
    assert kiosk.idle.isActive()


def test_english_switch(qtbot, kiosk, screenshot_dir):
    tap(qtbot, kiosk, "kioskEnglish")
    assert kiosk.start_screen.title.text() == "Counter satisfaction survey"
    tap(qtbot, kiosk, "kioskStart")
    assert kiosk.question_screen.question.text().startswith("Was it easy")
    assert kiosk.findChild(QPushButton, "kioskChoice_5").text() == "5\nVery satisfied"
    shoot(qtbot, kiosk, screenshot_dir, "kiosk-6-english")
    tap(qtbot, kiosk, "kioskKorean")
    assert kiosk.question_screen.question.text() == TEMPLATES["COUNTER"].item("ACCESS").text


def test_only_the_pin_leaves(qtbot, kiosk, db_path):
    kiosk.close()
    assert kiosk.isVisible()  # closing is refused
    tap(qtbot, kiosk, "kioskStaff")
    for digit in "1111":
        tap(qtbot, kiosk, f"kioskPin{digit}")
    tap(qtbot, kiosk, "kioskPinOk")
    qtbot.waitUntil(lambda: kiosk.pin_screen.message.text() == "PIN이 맞지 않습니다.", timeout=5000)
    assert kiosk.isVisible()
    with qtbot.waitSignal(kiosk.left, timeout=5000):
        for digit in "4821":
            tap(qtbot, kiosk, f"kioskPin{digit}")
        tap(qtbot, kiosk, "kioskPinOk")
    assert not kiosk.isVisible()
    assert rows(db_path, "SELECT action, actor FROM audit_log WHERE action LIKE 'kiosk.exit%'"
                         " ORDER BY id") == [("kiosk.exit_refused", "kiosk1"), ("kiosk.exit", "kiosk1")]


def test_the_kiosk_runs_under_the_kiosk_role_only(admin_ctx):
    with pytest.raises(PermissionDenied):
        KioskWindow(admin_ctx, None, "DESK", TEMPLATES["COUNTER"])


def test_a_kiosk_login_opens_the_kiosk_not_the_main_window(qtbot, qapp, backend, admin_ctx,
                                                          monkeypatch):
    from pcrm_desktop.app import Application
    from pcrm_desktop.services import office
    from tests.ui.conftest import _args
    office.add_staff(admin_ctx, "민원실 키오스크", "kiosk1", "kiosk",
                     temporary_password="Kiosk#Desk2026")
    # The kiosk account's temporary password was changed once by its admin, on the kiosk PC.
    from pcrm_desktop.services import accounts
    kiosk_actor = accounts.sign_in(admin_ctx, "kiosk1", "Kiosk#Desk2026").actor
    accounts.change_password(admin_ctx.as_actor(kiosk_actor), "Kiosk#Desk2026", "Kiosk#Desk2027",
                             "Kiosk#Desk2027")
    shown: list[str] = []
    monkeypatch.setattr("pcrm_desktop.ui.dialogs.show_error", lambda p, t, text: shown.append(text))
    monkeypatch.setattr(qapp, "quit", lambda: shown.append("quit"))
    app = Application(_args(user="kiosk1", windowed=True), qapp)
    app.open_window(backend)
    assert app.login.login.text() == "kiosk1"
    type_text(app.login.password, "Kiosk#Desk2027")
    app.login.submit()
    qtbot.waitUntil(lambda: "quit" in shown, timeout=10000)  # no survey or PIN chosen yet
    assert "키오스크" in shown[0] and app.kiosk is None
    surveys.create_survey(admin_ctx, "DESK", "COUNTER", linked=False)
    surveys.set_kiosk(admin_ctx, "DESK", "4821")
    app = Application(_args(user="kiosk1", windowed=True), qapp)
    app.open_window(backend)
    sign_in(qtbot, app, "kiosk1", "Kiosk#Desk2027")
    qtbot.addWidget(app.kiosk)
    assert app.window is None and app.kiosk.isVisible()
    assert app.kiosk.ctx.actor.role == "kiosk" and app.kiosk.survey == "DESK"
    app.kiosk.unlocked = True
    app.runner.wait(5000)


def _to_comment(qtbot, kiosk) -> None:
    tap(qtbot, kiosk, "kioskStart")
    while kiosk.item.code != "COMMENT":
        tap(qtbot, kiosk, "kioskChoice_9" if kiosk.item.code == "RECOMMEND" else "kioskChoice_4")


def test_a_comment_deleted_before_submitting_is_not_stored(qtbot, kiosk, db_path):
    _to_comment(qtbot, kiosk)
    kiosk.text_input.setPlainText("홍길동 010-1234-5678")
    tap(qtbot, kiosk, "kioskEnglish")  # the language switch keeps what was typed
    assert kiosk.text_input.toPlainText() == "홍길동 010-1234-5678"
    tap(qtbot, kiosk, "kioskBack")
    assert kiosk.answers["COMMENT"] == "홍길동 010-1234-5678"
    tap(qtbot, kiosk, "kioskChoice_9")  # RECOMMEND again, back on the comment
    kiosk.text_input.setPlainText("")   # thought better of it
    tap(qtbot, kiosk, "kioskNext")
    qtbot.waitUntil(lambda: kiosk.stack.currentIndex() == 2 and not kiosk.runner.busy(), timeout=5000)
    assert rows(db_path, "SELECT count(*) FROM survey_responses") == [(1,)]
    assert rows(db_path, "SELECT count(*) FROM survey_answers WHERE item = 'COMMENT'") == [(0,)]


def test_wrong_pins_make_the_pad_wait(qtbot, kiosk, db_path, monkeypatch):
    tap(qtbot, kiosk, "kioskStaff")
    for _attempt in range(3):
        for digit in "0000":
            tap(qtbot, kiosk, f"kioskPin{digit}")
        tap(qtbot, kiosk, "kioskPinOk")
        qtbot.waitUntil(lambda: not kiosk.runner.busy(), timeout=5000)
    assert kiosk.pin_screen.message.text() == "PIN이 여러 번 틀렸습니다. 30초 뒤에 다시 하십시오."
    for digit in "4821":  # even the right PIN waits
        tap(qtbot, kiosk, f"kioskPin{digit}")
    tap(qtbot, kiosk, "kioskPinOk")
    assert kiosk.isVisible() and kiosk.pin_screen.message.text().startswith("PIN이 여러 번 틀렸습니다.")
    assert rows(db_path, "SELECT count(*) FROM audit_log WHERE action = 'kiosk.exit_refused'") == [(3,)]
    kiosk.pin_locked_until = 0.0  # the wait is over
    with qtbot.waitSignal(kiosk.left, timeout=5000):
        for digit in "4821":
            tap(qtbot, kiosk, f"kioskPin{digit}")
        tap(qtbot, kiosk, "kioskPinOk")


def test_a_bad_typed_answer_is_caught_on_its_screen(qtbot, qapp, kiosk_ctx, admin_ctx, db_path):
    from pcrm_desktop.domain.surveys import Item, ItemType, Questionnaire
    q = Questionnaire("방문", (Item("VISITS", ItemType.NUMBER, "올해 몇 번 오셨습니까?"),
                              TEMPLATES["COUNTER"].item("OVERALL")))
    surveys.edit_survey(admin_ctx, "DESK", q)
    runner = TaskRunner()
    window = KioskWindow(kiosk_ctx, runner, "DESK", q)
    qtbot.addWidget(window)
    window.show()
    tap(qtbot, window, "kioskStart")
    window.text_input.setText("세 번")
    tap(qtbot, window, "kioskNext")
    assert window.item.code == "VISITS" and window.question_screen.hint.text() == "답을 다시 확인해 주십시오."
    window.text_input.setText("3")
    tap(qtbot, window, "kioskNext")
    assert window.item.code == "OVERALL"
    tap(qtbot, window, "kioskChoice_5")
    qtbot.waitUntil(lambda: not runner.busy() and window.stack.currentIndex() == 2, timeout=5000)
    runner.wait(5000)
    assert rows(db_path, "SELECT item, value_num FROM survey_answers ORDER BY item") == [
        ("OVERALL", 5.0), ("VISITS", 3.0)]
    window.unlocked = True
