"""Helpers for driving real windows offscreen."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QLineEdit, QWidget


def type_text(edit: QLineEdit, text: str) -> None:
    """Put text in a field as typing would end (qtbot.keyClicks aborts on Hangul offscreen)."""
    edit.setFocus()
    edit.setText(text)
    edit.textEdited.emit(text)


def save_screenshot(widget: QWidget, folder: Path, name: str) -> Path:
    path = folder / f"{name}.png"
    assert widget.grab().save(str(path)), f"could not save {path}"
    return path


def sign_in(qtbot, app, login: str = "hong", password: str | None = None):
    """Fill the login dialog the app shows for a set-up database and wait for the window.
    Default: the set-up fixtures' first admin; demo databases sign in as "admin"."""
    from tests.conftest import ADMIN_PASSWORD
    dialog = app.login
    assert dialog is not None and dialog.isVisible(), "the app did not ask who is there"
    type_text(dialog.login, login)
    type_text(dialog.password, ADMIN_PASSWORD if password is None else password)
    dialog.submit()
    qtbot.waitUntil(lambda: app.window is not None or app.kiosk is not None, timeout=10000)
    return app.window or app.kiosk


def sign_in_demo(qtbot, app, login: str = "admin"):
    from pcrm_desktop.services.demo import DEMO_PASSWORD
    return sign_in(qtbot, app, login, DEMO_PASSWORD)
