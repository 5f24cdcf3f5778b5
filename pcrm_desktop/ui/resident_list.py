"""The residents a search found, as the list of the intake's applicant side and of the
attach-applicant dialog shows them: one line each (name · birth year · masked phone · 동), the
resident's id and name kept with the line, the first line current."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

SEARCH_LIMIT = 30  # a longer name or the phone's last digits narrow it, not scrolling


def fill_residents(widget: QListWidget, items) -> None:
    widget.clear()
    for item in items:
        text = " · ".join(str(x) for x in (item.name, item.birth_year, item.phone, item.dong_name) if x)
        row = QListWidgetItem(text)
        row.setData(Qt.ItemDataRole.UserRole, (item.id, item.name))
        widget.addItem(row)
    if items:
        widget.setCurrentRow(0)
