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
