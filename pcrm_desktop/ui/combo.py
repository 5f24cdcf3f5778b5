"""Filling a combo box again (new language, new data) without losing the user's choice."""
from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QComboBox


def refill(combo: QComboBox, items: Iterable[tuple[object, str]], default: object = None) -> None:
    """Replace the (value, text) items; keep the chosen value, else select `default`."""
    chosen = combo.currentData() if combo.count() else default
    combo.clear()
    for value, text in items:
        combo.addItem(text, value)
    combo.setCurrentIndex(max(0, combo.findData(chosen)))
