"""The happy-call list is a dialog of its own: it closes by a [닫기] button as every other list
dialog does (a reviewer of the screens found no way out but ✕ or Esc), and by Esc."""
from __future__ import annotations

from PySide6.QtCore import Qt

from pcrm_desktop.ui.happy_call_dialog import HappyCallDialog


def _open(qtbot, admin_ctx, runner):
    dialog = HappyCallDialog(admin_ctx, runner)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_close_button_closes_the_list(qtbot, admin_ctx, runner, korean_font):
    dialog = _open(qtbot, admin_ctx, runner)
    assert dialog.close_button.text() == "닫기" and dialog.close_button.isVisible()
    assert not dialog.close_button.autoDefault()  # Enter in the note field never closes the list
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible())


def test_escape_closes_the_list_too(qtbot, admin_ctx, runner, korean_font):
    dialog = _open(qtbot, admin_ctx, runner)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
