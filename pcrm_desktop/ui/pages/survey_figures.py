"""How the 만족도 조사 page shows a figure: an estimate with its n and 95 % range, a change from
last month with an arrow only when significant, and the headline cards. The words keep the
page's translation context (SurveysPage)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout

from pcrm_desktop.domain.survey_stats import Estimate, estimate_text, range_text


def figure(e: Estimate | None, digits: int = 1, unit: str = "") -> str:
    return estimate_text(e, digits, unit, QCoreApplication.translate("SurveysPage", "참고"))


def interval(e: Estimate | None) -> str:
    return range_text(e, " – ")


def change_text(change) -> str:
    """An arrow only for a significant change; a small change is shown plainly."""
    if change is None:
        return "—"
    if change.significant:
        return f"{'▲' if change.difference > 0 else '▼'} {change.difference:+.1f}"
    return QCoreApplication.translate("SurveysPage", "{d:+.1f} (유의하지 않음)").format(d=change.difference)


class Card(QFrame):
    """A headline figure: its name, value, and the n and range beneath."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("Card { background: white; border-radius: 8px; }")
        self.title, self.value, self.detail = QLabel(), QLabel(), QLabel()
        self.value.setStyleSheet("font-size: 190%; font-weight: bold; color: #1f3a5f;")
        self.detail.setStyleSheet("color: #555;")
        self.detail.setWordWrap(True)
        layout = QVBoxLayout(self)
        for label in (self.title, self.value, self.detail):
            layout.addWidget(label)

    def show_figure(self, title: str, value: str, detail: str) -> None:
        self.title.setText(title)
        self.value.setText(value)
        self.detail.setText(detail)
