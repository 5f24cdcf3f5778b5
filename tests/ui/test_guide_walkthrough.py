"""The user guide's "따라 하기: 창구에서 민원 접수" (docs/USER_GUIDE.md §4) done key by key, as a
clerk at the counter would (issue 18's acceptance): every key goes to the widget that has the
focus, Hangul is typed one key event per syllable, and each step's claim is checked where the
guide makes it. If the guide's walkthrough changes, this test changes with it."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from pcrm_desktop.domain.citizens import Citizen
from pcrm_desktop.services import citizens as citizen_service
from pcrm_desktop.ui.complaint_intake import IntakeDialog
from tests.dbutil import rows

GUIDE = Path(__file__).resolve().parents[2] / "docs" / "USER_GUIDE.md"
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, admin_ctx, backend, no_message_boxes):
    from pcrm_desktop.app import Application
    from pcrm_desktop.ui.appearance import install_korean_font
    from tests.ui.conftest import _args
    from tests.ui.helpers import sign_in
    install_korean_font(QApplication.instance())
    citizen_service.register_citizen(admin_ctx, Citizen(None, "김준호", 1968, phones=("010-2345-6789",)))
    citizen_service.register_citizen(admin_ctx, Citizen(None, "박영희", 1975, phones=("010-9876-5432",)))
    app = Application(_args(user="hong"), QApplication.instance())
    app.open_window(backend)
    main = sign_in(qtbot, app)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    yield main
    app.runner.wait(10000)


def focused():
    return QApplication.focusWidget()


def press(qtbot, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """One key, to whatever has the focus (as a keyboard would send it); a Ctrl held for it
    is let go after (offscreen Qt keeps the last event's modifiers as the keyboard's state)."""
    qtbot.keyClick(focused(), key, modifiers)
    if modifiers != Qt.KeyboardModifier.NoModifier and focused() is not None:
        qtbot.keyRelease(focused(), Qt.Key.Key_Control)


def type_keys(text: str) -> None:
    """Typing: one key event per character, with its text (Hangul as an input method commits
    it, syllable by syllable; qtbot.keyClicks cannot carry Hangul offscreen)."""
    for character in text:
        widget = focused()
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, character))


def idle(qtbot, runner) -> None:
    qtbot.waitUntil(lambda: not runner.busy(), timeout=10000)
    QApplication.processEvents()


def test_the_guides_counter_walkthrough_key_by_key(qtbot, window, db_path):
    guide = GUIDE.read_text(encoding="utf-8")
    section = guide[guide.index("### 따라 하기: 창구에서 민원 접수"):]
    section = section[:section.index("\n### ", 5)]
    # the steps this test follows are the guide's
    for words in ("`Ctrl+N`을 누릅니다", "**접수경로**는 방문", "**민원종류**와 **분류**를 고릅니다",
                  "**처리기한**과 D-day", "이름 두 글자", "`Ctrl+Enter`로 저장합니다",
                  "`Enter`로 다음 칸", "`Enter`나 `↓`로 목록에 들어가 `Enter`로"):
        assert words in section, words
    runner = window.runner

    # 1. Ctrl+N (from the dashboard: "어느 화면에서나"); 접수일시 now, 접수경로 방문
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    press(qtbot, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeWindow(), IntakeDialog), timeout=5000)
    intake = QApplication.activeWindow()
    idle(qtbot, runner)
    received = intake.received_at.dateTime().toPython()
    assert abs((received - datetime.now()).total_seconds()) < 120
    assert intake.channel.currentText() == "방문"
    assert focused() is intake.received_at

    # 2. 민원종류 and 분류, each chosen from the keyboard; the due date follows at once
    press(qtbot, Qt.Key.Key_Return)                    # 접수일시 → 접수경로
    assert focused() is intake.channel
    press(qtbot, Qt.Key.Key_Return)                    # → 민원종류 (신청번호 is for 국민신문고 only)
    assert focused() is intake.type
    due_before = intake.due.text()
    press(qtbot, Qt.Key.Key_Down)                      # 질의민원 → the next type
    qtbot.waitUntil(lambda: intake.due.text() != due_before, timeout=5000)
    assert "D-" in intake.due.text() or "D-day" in intake.due.text()
    press(qtbot, Qt.Key.Key_Return)                    # → 분류
    assert focused() is intake.category
    qtbot.waitUntil(lambda: intake.category.count() > 1, timeout=5000)  # the office's categories
    press(qtbot, Qt.Key.Key_Down)
    assert intake.category.currentData() is not None

    # 3. 제목 and 내용; 동 and 상세주소
    press(qtbot, Qt.Key.Key_Return)                    # → 제목
    assert focused() is intake.title
    type_keys("가로등 고장")
    press(qtbot, Qt.Key.Key_Return)                    # Enter moves on, it never saves
    assert focused() is intake.content and intake.isVisible()
    type_keys("청운동 골목 가로등이 꺼져 있습니다.")
    press(qtbot, Qt.Key.Key_Return)                    # 내용: Enter is a new line ...
    assert focused() is intake.content and "\n" in intake.content.toPlainText()
    press(qtbot, Qt.Key.Key_Tab)                       # ... and Tab the next field
    assert focused() is intake.dong
    type_keys("청운동")
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is intake.road
    type_keys("자하문로 1")
    # 담당 부서·담당자 left at "(나중에 배정)", 중요도 as it is: Enter past them to the applicant
    while focused() is not intake.applicant_search:
        before = focused()
        press(qtbot, Qt.Key.Key_Return)
        assert focused() is not before, f"Enter did not move on from {before.objectName()}"
    assert intake.department.currentData() is None

    # 4. 민원인: two syllables, Enter into the list, Enter chooses
    type_keys("김준")
    qtbot.waitUntil(lambda: intake.applicant_list.count() == 1, timeout=5000)
    press(qtbot, Qt.Key.Key_Return)
    assert focused() is intake.applicant_list
    press(qtbot, Qt.Key.Key_Return)
    assert intake.citizen_id is not None and "김*호" in intake.applicant.text()

    # 6. Ctrl+Enter saves; the receipt number and the due date are shown to tell the applicant
    assert rows(db_path, "SELECT count(*) FROM complaints") == [(0,)]
    press(qtbot, Qt.Key.Key_Return, CTRL)
    qtbot.waitUntil(lambda: intake.result() == intake.DialogCode.Accepted, timeout=10000)
    saved = rows(db_path, "SELECT receipt_no, title, content, citizen_id, channel, dong_name,"
                          " category_id FROM complaints")
    assert len(saved) == 1
    receipt_no, title, content, citizen_id, channel, dong, category = saved[0]
    assert (title, citizen_id, channel, dong) == ("가로등 고장", intake.citizen_id, "visit", "청운동")
    assert content == "청운동 골목 가로등이 꺼져 있습니다." and category is not None  # trimmed
    box = intake.received_box
    assert box is not None and box.isVisible()
    assert f"접수번호 {receipt_no}로 접수했습니다. 처리기한" in box.text()
    box.accept()
