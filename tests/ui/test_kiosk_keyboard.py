"""The kiosk's on-screen keyboard (issue 18): a touch-only kiosk types its comment by touch.

Keys are pressed with mouse clicks, as a resident's touches; the comment is checked in the
field and then in the database once the form is submitted."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QPushButton

from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.surveys import TEMPLATES, Item, ItemType, Questionnaire
from pcrm_desktop.services import surveys
from pcrm_desktop.ui.appearance import install_korean_font
from pcrm_desktop.ui.kiosk import KioskWindow
from pcrm_desktop.ui.kiosk_keyboard import KioskKeyboard
from pcrm_desktop.ui.tasks import TaskRunner
from tests.dbutil import rows
from tests.ui.helpers import save_screenshot

SHOTS = Path("/work/helpers/shots/kiosk-keyboard")
HANGUL = re.compile(r"[\u1100-\u11ff\u3130-\u318f\uac00-\ud7a3]")


@pytest.fixture
def kiosk_ctx(admin_ctx):
    surveys.create_survey(admin_ctx, "DESK", "COUNTER", linked=False)
    surveys.set_kiosk(admin_ctx, "DESK", "4821")
    return admin_ctx.as_actor(Actor(None, "kiosk1", "kiosk", "민원실 키오스크"))


def open_kiosk(qtbot, qapp, ctx, questionnaire=TEMPLATES["COUNTER"], size=(1280, 800)):
    install_korean_font(qapp)
    window = KioskWindow(ctx, TaskRunner(), "DESK", questionnaire, idle_seconds=600)
    qtbot.addWidget(window)
    window.show()
    window.resize(*size)  # after show, as in test_kiosk: not fitted to the offscreen screen
    qtbot.waitExposed(window)
    return window


@pytest.fixture
def kiosk(qtbot, qapp, kiosk_ctx):
    window = open_kiosk(qtbot, qapp, kiosk_ctx)
    yield window
    window.runner.wait(5000)
    window.unlocked = True


def tap(qtbot, widget, name: str) -> None:
    button = widget.findChild(QPushButton, name)
    assert button is not None, name
    qtbot.waitUntil(button.isVisible, timeout=2000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def to_comment(qtbot, kiosk) -> KioskKeyboard:
    tap(qtbot, kiosk, "kioskStart")
    while kiosk.item.code != "COMMENT":
        tap(qtbot, kiosk, "kioskChoice_9" if kiosk.item.code == "RECOMMEND" else "kioskChoice_4")
    keyboard = kiosk.findChild(KioskKeyboard)
    assert keyboard is not None and keyboard.edit is kiosk.text_input
    qtbot.waitUntil(keyboard.isVisible, timeout=2000)
    return keyboard


def press(qtbot, keyboard, keys: str) -> None:
    """Touch each key in turn; ␣ is 띄어쓰기, ⌫ is ← 지우기, ⇧ is Shift."""
    special = {" ": "kioskKeySpace", "⌫": "kioskKeyBackspace", "⇧": "kioskKeyShift"}
    for key in keys:
        tap(qtbot, keyboard, special.get(key, f"kioskKey_{key}"))


def shot(qtbot, kiosk, name: str) -> None:
    qtbot.wait(50)
    SHOTS.mkdir(parents=True, exist_ok=True)
    from tests.conftest import ARTIFACTS
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(save_screenshot(kiosk, folder, name), SHOTS / f"{name}.png")


def test_a_comment_typed_by_touch_is_stored(qtbot, kiosk, db_path):
    keyboard = to_comment(qtbot, kiosk)
    assert kiosk.question_screen.next_button.text() == "제출하기"
    press(qtbot, keyboard, "ㅎㅏㄴ")
    assert kiosk.text_input.toPlainText() == "한"          # the syllable shows while composed
    assert [s.cursor.selectedText() for s in kiosk.text_input.extraSelections()] == ["한"]
    press(qtbot, keyboard, "ㄱㅡㄹ ㅈㅗㅎㅇㅏㅇㅛ")
    assert kiosk.text_input.toPlainText() == "한글 좋아요"
    shot(qtbot, kiosk, "kiosk-keyboard-1280x800")
    tap(qtbot, kiosk, "kioskNext")  # the composing 요 is part of what is sent
    qtbot.waitUntil(lambda: kiosk.stack.currentIndex() == 2 and not kiosk.runner.busy(),
                    timeout=5000)
    assert rows(db_path, "SELECT value_text FROM survey_answers WHERE item = 'COMMENT'") \
        == [("한글 좋아요",)]


def test_shift_backspace_and_double_finals(qtbot, kiosk):
    keyboard = to_comment(qtbot, kiosk)
    field = kiosk.text_input
    press(qtbot, keyboard, "⇧")
    assert keyboard.key("ㄲ") is not None and keyboard.key("ㅒ") is not None
    press(qtbot, keyboard, "ㄲ")  # Shift holds for one key
    assert keyboard.key("ㄱ") is not None and not keyboard.shift.isChecked()
    press(qtbot, keyboard, "ㅗㅊ")
    assert field.toPlainText() == "꽃"
    press(qtbot, keyboard, "ㅇㅣ ㄷㅏㄹㄱ")
    assert field.toPlainText() == "꽃이 닭"
    press(qtbot, keyboard, "⌫")      # one jamo of the composing 닭
    assert field.toPlainText() == "꽃이 달"
    press(qtbot, keyboard, "ㄱㅏ")    # the final ㄱ moves on: 달가
    assert field.toPlainText() == "꽃이 달가"
    press(qtbot, keyboard, "⌫⌫⌫")   # 가 → ㄱ → (gone) → 달 deleted whole
    assert field.toPlainText() == "꽃이 "
    press(qtbot, keyboard, "ㅇㅓㅂㅅ")
    assert field.toPlainText() == "꽃이 없"
    assert kiosk.question_screen.next_button.text() == "제출하기"


def test_a_physical_keyboard_still_types_and_finishes_the_syllable(qtbot, kiosk):
    keyboard = to_comment(qtbot, kiosk)
    field = kiosk.text_input
    assert field.hasFocus()
    press(qtbot, keyboard, "ㅎㅏ")
    qtbot.keyClicks(field, "ok")  # a key on a real keyboard finishes the composing 하
    assert field.toPlainText() == "하ok" and not field.extraSelections()
    press(qtbot, keyboard, "ㄴ")   # a new syllable, not a 한 out of the earlier 하
    assert field.toPlainText() == "하okㄴ"
    commit = QInputMethodEvent()  # a real input method's syllable, committed
    commit.setCommitString("다")
    QApplication.sendEvent(field, commit)
    assert field.toPlainText() == "하okㄴ다"
    press(qtbot, keyboard, "ㄱ")
    assert field.toPlainText() == "하okㄴ다ㄱ"


def test_a_tap_in_the_field_moves_where_the_keys_type(qtbot, kiosk):
    keyboard = to_comment(qtbot, kiosk)
    field = kiosk.text_input
    press(qtbot, keyboard, "ㄱㅏ ㄴㅏ")
    cursor = field.textCursor()
    cursor.setPosition(1)
    field.setTextCursor(cursor)  # as a tap after 가
    press(qtbot, keyboard, "ㄴㅏ")  # a new syllable there; 가 was finished by the tap
    assert field.toPlainText() == "가나 나"
    press(qtbot, keyboard, "⌫⌫")
    assert field.toPlainText() == "가 나"
    press(qtbot, keyboard, "⌫")     # nothing composing: the character before the cursor
    assert field.toPlainText() == " 나" and field.textCursor().position() == 0


def test_english_kiosk_shows_qwerty_and_english_words(qtbot, kiosk, db_path):
    tap(qtbot, kiosk, "kioskEnglish")
    keyboard = to_comment(qtbot, kiosk)
    assert keyboard.mode == "en" and keyboard.key("q") is not None
    press(qtbot, keyboard, "⇧")
    press(qtbot, keyboard, "Good job")
    assert kiosk.text_input.toPlainText() == "Good job"
    for key in keyboard.findChildren(QPushButton):
        if key is keyboard.modes["ko"]:  # 한글 is written in what it switches to
            continue
        assert not HANGUL.search(key.text()), key.text()
        assert key.accessibleName() and not HANGUL.search(key.accessibleName()), key.objectName()
    shot(qtbot, kiosk, "kiosk-keyboard-english")
    tap(qtbot, keyboard, "kioskKeyMode_ko")  # a Korean resident on the English kiosk
    press(qtbot, keyboard, " ㄱㅜㅅ")
    assert kiosk.text_input.toPlainText() == "Good job 굿"
    assert keyboard.key("ㄱ").accessibleName() == "Korean letter giyeok"


def test_every_key_has_an_accessible_name(qtbot, kiosk):
    keyboard = to_comment(qtbot, kiosk)
    seen = set()
    for mode in ("en", "num", "ko"):
        tap(qtbot, keyboard, f"kioskKeyMode_{mode}")
        for _shift in ("off", "on"):
            keys = keyboard.findChildren(QPushButton)
            assert len(keys) == 26 + 8 and all(k.accessibleName() for k in keys), mode
            seen |= {k.text() for k in keys}
            if keyboard.shift.isEnabled():
                press(qtbot, keyboard, "⇧")
        if keyboard.shift.isChecked():
            press(qtbot, keyboard, "⇧")
    assert {"ㄲ", "ㅖ", "Q", "7", "@"} <= seen
    assert keyboard.key("ㄱ").accessibleName() == "기역"
    assert keyboard.backspace.accessibleName() == "지우기"
    assert keyboard.accessibleName() == "화면 키보드"
    assert kiosk.text_input.accessibleName() == "개선할 점이 있으면 적어 주십시오."


def test_a_one_line_answer_and_a_number(qtbot, qapp, kiosk_ctx, admin_ctx, db_path):
    q = Questionnaire("방문", (Item("TOWN", ItemType.SHORT_TEXT, "어느 동에서 오셨습니까?"),
                              Item("VISITS", ItemType.NUMBER, "올해 몇 번 오셨습니까?")))
    surveys.edit_survey(admin_ctx, "DESK", q)
    window = open_kiosk(qtbot, qapp, kiosk_ctx, q)
    tap(qtbot, window, "kioskStart")
    keyboard = window.findChild(KioskKeyboard)
    field = window.text_input
    assert keyboard.mode == "ko" and keyboard.edit is field
    press(qtbot, keyboard, "ㅊㅓㅇㅇㅜㄴㄷㅗㅇ")
    assert field.text() == "청운동"
    field.setCursorPosition(2)  # a tap after 청운
    press(qtbot, keyboard, " ㅎㅛㅈㅏ⌫")
    assert field.text() == "청운 효ㅈ동"
    press(qtbot, keyboard, "⌫⌫")
    assert field.text() == "청운 동" and field.cursorPosition() == 3
    tap(qtbot, window, "kioskNext")
    keyboard = window.findChild(KioskKeyboard)
    assert window.item.code == "VISITS" and keyboard.edit is window.text_input
    assert keyboard.mode == "num" and not keyboard.shift.isEnabled()
    press(qtbot, keyboard, "12")
    assert window.text_input.text() == "12"
    tap(qtbot, window, "kioskNext")
    qtbot.waitUntil(lambda: window.stack.currentIndex() == 2 and not window.runner.busy(),
                    timeout=5000)
    assert rows(db_path, "SELECT item, value_num, value_text FROM survey_answers ORDER BY item") \
        == [("TOWN", None, "청운 동"), ("VISITS", 12.0, None)]
    window.unlocked = True


def _inside(widget, window) -> bool:
    where = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
    return widget.isVisible() and window.rect().contains(where)


@pytest.mark.parametrize("size", [(1366, 768), (1280, 800)])
def test_the_keyboard_fits_the_kiosk_screen(qtbot, qapp, kiosk_ctx, size):
    window = open_kiosk(qtbot, qapp, kiosk_ctx, size=size)
    keyboard = to_comment(qtbot, window)
    qtbot.wait(50)
    assert (window.width(), window.height()) == size  # the window did not have to grow
    keys = keyboard.findChildren(QPushButton)
    assert len(keys) == 34 and all(_inside(k, window) for k in keys)
    screen = window.question_screen
    others = [window.text_input, screen.question, screen.next_button, screen.back_button,
              window.ko_button, window.en_button, window.staff_button]
    assert all(_inside(w, window) for w in others)
    panel = QRect(keyboard.mapTo(window, keyboard.rect().topLeft()), keyboard.size())
    for widget in others:
        where = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        assert not panel.intersects(where), widget.objectName()
    assert min(k.height() for k in keys) >= 54 and min(k.width() for k in keys) >= 90
    # Room to spare for a window's title bar and a taskbar on a 768-high screen (--windowed).
    assert window.minimumSizeHint().height() <= 700
    shot(qtbot, window, f"kiosk-keyboard-empty-{size[0]}x{size[1]}")
    window.unlocked = True
