"""The window keeps its size and the app its language and last user across starts."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from pcrm_desktop.app import Application
from tests.ui.conftest import _args
from tests.ui.helpers import sign_in
from tests.ui.test_smoke import _finish_wizard


def test_window_state_language_and_user_are_remembered(qtbot, backend, no_message_boxes):
    first = Application(_args(lang=None), QApplication.instance())
    first.open_window(backend)
    qtbot.addWidget(first.window)
    _finish_wizard(qtbot, first.window.wizard)
    qtbot.waitUntil(lambda: first.window.office_name != "", timeout=5000)
    first.window.resize(1111, 677)
    first.set_language("en")
    first.save_state()
    first.runner.wait(5000)
    first.window.close()

    second = Application(_args(lang=None), QApplication.instance())
    second.open_window(backend)
    # The login asks for the last user's password: the ID is already filled in.
    assert second.login.login.text() == "hong"
    sign_in(qtbot, second)
    qtbot.addWidget(second.window)
    try:
        # The offscreen screen is small, so Qt may widen the window to its minimum width on
        # restore; the height shows that the saved geometry was applied.
        assert second.window.height() == 677 and second.window.width() >= 1024
        assert second.languages.language == "en"
        assert second.window.ctx.actor.login == "hong"
    finally:
        second.set_language("ko")
        second.runner.wait(5000)
