"""An honest page for a capability that has not landed yet: it says so, and shows no fake data."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout

from pcrm_desktop.ui.pages.base import Page, heading


class PlaceholderPage(Page):
    def __init__(self, title: Callable[[], str], description: Callable[[], str]) -> None:
        super().__init__()
        self._title, self._description = title, description
        self.heading = heading()
        self.notice = QLabel()
        self.notice.setObjectName("placeholderNotice")
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet(
            "background: #f3f5f8; border: 1px solid #c9d2de; border-radius: 6px; padding: 16px;")
        self.notice.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.notice)
        layout.addStretch(1)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(self._title())
        self.notice.setText(self.tr("이 기능은 아직 준비 중입니다.") + "\n\n" + self._description())
