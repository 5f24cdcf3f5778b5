"""What every page of the main window has: a title, retranslate_ui, refresh on changes."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget

from pcrm_desktop.services.context import Changes
from pcrm_desktop.ui.i18n import Retranslatable


class Page(Retranslatable, QWidget):
    #: the kinds of change (see services.context.Changes) after which this page reloads
    depends_on: frozenset[str] = frozenset()

    def retranslate_ui(self) -> None:
        """Set every visible text; called again when the language changes."""

    def reload(self) -> None:
        """Fetch fresh data (in the background)."""

    def on_changes(self, changes: Changes) -> None:
        if changes & self.depends_on:
            self.reload()


def heading(object_name: str = "pageHeading") -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setStyleSheet("font-size: 150%; font-weight: bold; margin-bottom: 6px;")
    return label
