"""Keys the user guide promises, pressed on the real window offscreen: Ctrl+1… count the menu
entries shown (a 주무관 has no 접속기록 검토, so Ctrl+7 is 설정 and Ctrl+8 nothing), Ctrl+Q quits on
every platform; a 민원 search left in the box says so when the list comes up empty, and Esc takes
it away. Screenshot: /tmp/pcrm-shots/complaints-empty-search.png."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.services.demo import DemoRequest, fill_demo
from tests.ui.helpers import save_screenshot, sign_in_demo, type_text

SHOTS = Path("/tmp/pcrm-shots")


@pytest.fixture
def app(qtbot, backend, no_message_boxes):
    from pcrm_desktop.app import Application
    from tests.ui.conftest import _args
    fill_demo(backend.ctx, DemoRequest(citizens=30, complaints=40, seed=5))
    application = Application(_args(), QApplication.instance())
    application.open_window(backend)
    qtbot.addWidget(application.login)
    yield application
    if application.window is not None and application.window.idle_lock is not None:
        application.window.idle_lock.stop()
    application.runner.wait(10000)


def _idle(qtbot, window):
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=10000)
    QApplication.processEvents()


def _shown_window(qtbot, app, login):
    window = sign_in_demo(qtbot, app, login)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    _idle(qtbot, window)
    return window


def _press(qtbot, window, key, modifier=Qt.KeyboardModifier.ControlModifier):
    focus = QApplication.focusWidget() or window
    qtbot.keyClick(focus, key, modifier)
    _idle(qtbot, window)


def _current_key(window) -> str:
    return window.entries[window.nav.currentRow()].key


def test_a_clerks_numbers_count_what_the_menu_shows(qtbot, app):
    window = _shown_window(qtbot, app, "clerk01")
    hidden = next(i for i, e in enumerate(window.entries) if e.key == "access_log")
    assert window.nav.item(hidden).isHidden()
    shown = [e.key for i, e in enumerate(window.entries) if not window.nav.item(i).isHidden()]
    assert shown[-1] == "settings" and len(shown) == 7

    _press(qtbot, window, Qt.Key.Key_3)
    assert _current_key(window) == "complaints"
    _press(qtbot, window, Qt.Key.Key_7)               # the seventh entry on screen: 설정
    assert _current_key(window) == "settings"
    assert window.stack.currentWidget() is window.pages["settings"]
    _press(qtbot, window, Qt.Key.Key_2)
    _press(qtbot, window, Qt.Key.Key_8)               # no eighth entry: nothing happens
    assert _current_key(window) == "citizens"
    assert window.stack.currentWidget() is window.pages["citizens"]
    assert "access_log" not in window.pages


def test_an_admin_still_reaches_every_entry(qtbot, app):
    window = _shown_window(qtbot, app, "admin")
    _press(qtbot, window, Qt.Key.Key_7)
    assert _current_key(window) == "access_log"
    _press(qtbot, window, Qt.Key.Key_8)
    assert _current_key(window) == "settings"


def test_ctrl_q_quits_on_every_platform(qtbot, app):
    window = _shown_window(qtbot, app, "clerk01")
    assert window.menus.quit_action.shortcut() == QKeySequence("Ctrl+Q")
    assert window.menus.quit_action.shortcut().toString() == "Ctrl+Q"
    _press(qtbot, window, Qt.Key.Key_Q)
    qtbot.waitUntil(lambda: not window.isVisible(), timeout=10000)


def test_a_search_left_in_the_box_says_so_and_esc_clears_it(qtbot, app):
    window = _shown_window(qtbot, app, "clerk01")
    page = window.open_page("complaints")
    _idle(qtbot, window)
    page.tabs.setCurrentIndex(page.QUEUES.index("all"))
    _idle(qtbot, window)
    everything = page.model.rowCount()
    assert everything > 0

    type_text(page.search, "없는제목zz")
    page.run_query()
    _idle(qtbot, window)
    page.tabs.setCurrentIndex(page.QUEUES.index("open"))  # another tab: the search is still on
    _idle(qtbot, window)
    assert page.model.rowCount() == 0
    text = page.count_label.text()
    assert text == "검색어 '없는제목zz'에 맞는 민원이 없습니다. (검색어 지우기: Esc)"
    assert page.clear_button.isVisible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    save_screenshot(window, SHOTS, "complaints-empty-search")

    page.table.setFocus()
    _press(qtbot, window, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    assert page.search.text() == ""
    _idle(qtbot, window)  # the list reloads in the background without the search
    assert "검색어" not in page.count_label.text()
    # the search is gone from every tab: 전체 lists everything again (the 진행 중 tab may be
    # empty at some hours of the demo's day, so it is not the measure)
    page.tabs.setCurrentIndex(page.QUEUES.index("all"))
    _idle(qtbot, window)
    assert page.model.rowCount() == everything
    assert not page.clear_button.isVisible()


def test_a_filter_without_a_search_says_so_too(qtbot, app):
    window = _shown_window(qtbot, app, "clerk01")
    page = window.open_page("complaints")
    page.tabs.setCurrentIndex(page.QUEUES.index("open"))
    _idle(qtbot, window)
    page.status_filter.setCurrentIndex(page.status_filter.findData("closed"))  # none is open
    _idle(qtbot, window)
    assert page.model.rowCount() == 0
    assert page.count_label.text().startswith("고른 조건")
    page.search.setFocus()
    _press(qtbot, window, Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier)
    assert page.status_filter.currentIndex() == 0
    page.clear_button.click()                               # nothing left to clear: harmless
    _idle(qtbot, window)


def test_screen_errors_fit_the_particle(qtbot):
    from pcrm_desktop.ui.i18n import error_text
    assert error_text(ValidationError("required", field="phone")) == "전화번호를 입력하십시오."
    assert error_text(ValidationError("required", field="office_name")) == "기관 이름을 입력하십시오."
