"""The answers to the kiosk's item on screen: its controls for each kind of item (scale
buttons, 0–10, 예/아니오, choices with a 기타 field, a matrix, a typed field with the on-screen
keyboard), and what the resident's taps and typing make of the form's answers.

The answers themselves are the kiosk window's (ui/kiosk.py) until it submits them; an area is
made for one item and dropped when the next shows.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.domain.surveys import NA, SCALE_SIZE, Item, ItemType
from pcrm_desktop.ui.kiosk_keyboard import KioskKeyboard
from pcrm_desktop.ui.kiosk_screens import BIG, big_button, kiosk_text

OTHER = "기타:"  # a single choice's typed 기타 answer is stored as "기타: …"


class AnswerArea(QWidget):
    chosen = Signal(object, bool)  # a choice tapped: its value, and whether several may be chosen
    typed = Signal()               # the text in the field changed

    def __init__(self, item: Item, language: str, answers: dict[str, object]) -> None:
        super().__init__()
        self.item, self.language = item, language
        self.text_input: QLineEdit | QPlainTextEdit | None = None  # the item's text field, if any
        self.choice_buttons: dict[object, QPushButton] = {}
        self.keyboard = False  # whether the on-screen keyboard shows
        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        t, current = item.type, answers.get(item.code)
        if t in (ItemType.SCALE5, ItemType.SCALE7):
            self._scale(current)
        elif t is ItemType.RECOMMEND:
            self._recommend(current)
        elif t is ItemType.YES_NO:
            row = self._row()
            self._choice(row, self.t("yes"), True, current, 130)
            self._choice(row, self.t("no"), False, current, 130)
        elif t in (ItemType.SINGLE, ItemType.MULTI):
            self._options(current)
        elif t is ItemType.MATRIX:
            self._matrix(answers)
        else:  # short and long text, number, date: typed on the on-screen keyboard
            self._typed_field(current)

    def t(self, key: str) -> str:
        return kiosk_text(key, self.language)

    # --- the controls of each kind of item --------------------------------------------------
    def _row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.rows.addLayout(row)
        return row

    def _scale(self, current) -> None:
        labels = self.item.shown_options(self.language)
        k = SCALE_SIZE[self.item.type]
        row = self._row()
        for value in range(1, k + 1):
            label = labels[value - 1] if len(labels) == k else ""
            self._choice(row, f"{value}\n{label}".strip(), value, current, 150)
        if self.item.allow_na:
            na_row = self._row()
            na_row.addStretch(1)
            self._choice(na_row, self.t("na"), NA, current, 80, name="kioskNA").setMinimumWidth(320)
            na_row.addStretch(1)

    def _recommend(self, current) -> None:
        row = self._row()
        for value in range(11):
            self._choice(row, str(value), value, current, 110)
        ends = self._row()
        ends.addWidget(QLabel(self.t("low"), styleSheet=BIG))
        ends.addStretch(1)
        ends.addWidget(QLabel(self.t("high"), styleSheet=BIG))

    def _options(self, current) -> None:
        item, multi = self.item, self.item.type is ItemType.MULTI
        grid = QGridLayout()
        for n, (value, label) in enumerate(zip(item.options, item.shown_options(self.language))):
            grid.addWidget(self._choice(None, label, value, current, 90, multi=multi), n // 2, n % 2)
        self.rows.addLayout(grid)
        if item.other_text and not multi:
            edit = QLineEdit(placeholderText=self.t("other"))
            edit.setObjectName("kioskText")
            edit.setStyleSheet(BIG)
            edit.setMinimumHeight(70)
            if isinstance(current, str) and current.startswith(OTHER):
                edit.setText(current[3:].strip())
            edit.textChanged.connect(self.typed)
            self.text_input = edit
            self.rows.addWidget(edit)

    def _matrix(self, answers: dict[str, object]) -> None:
        for row_name in self.item.options:
            row = self._row()
            row.addWidget(QLabel(row_name, styleSheet=BIG), 2)
            key = f"{self.item.code}.{row_name}"
            for value in range(1, 6):
                self._choice(row, str(value), (key, value), (key, answers.get(key)), 70)

    def _typed_field(self, current) -> None:
        t, long_text = self.item.type, self.item.type is ItemType.LONG_TEXT
        edit = QPlainTextEdit() if long_text else QLineEdit()
        edit.setObjectName("kioskText")
        edit.setAccessibleName(self.item.shown_text(self.language))  # what the field answers
        edit.setStyleSheet(BIG + "border: 2px solid #9db4d0; border-radius: 14px;"
                           " padding: 4px 10px; background: white;")
        edit.setMinimumHeight(84 if long_text else 70)
        if current is not None:
            (edit.setPlainText if long_text else edit.setText)(str(current))
        edit.textChanged.connect(self.typed)
        self.text_input = edit
        self.keyboard = True
        self.rows.addWidget(edit)
        self.rows.addWidget(KioskKeyboard(edit, self.language,
                                          digits=t in (ItemType.NUMBER, ItemType.DATE)))

    def _choice(self, row, text: str, value, current, height: int, name: str = "",
                multi: bool = False) -> QPushButton:
        button = big_button(text, name or f"kioskChoice_{value}", height)
        button.setCheckable(True)
        chosen = (value in current) if multi and isinstance(current, list) else current == value \
            and type(current) is type(value)
        button.setChecked(bool(chosen))
        button.clicked.connect(lambda _=False, v=value: self.chosen.emit(v, multi))
        self.choice_buttons[value] = button
        if row is not None:
            row.addWidget(button)
        return button

    # --- what taps and typing make of the answers -------------------------------------------
    def mark_row(self, key: str, number: int) -> None:
        """A matrix row answered: only its tapped button stays checked."""
        for (k, v), button in self.choice_buttons.items():
            if k == key:
                button.setChecked(v == number)

    def toggle(self, value, answers: dict[str, object]) -> None:
        """One of several choices tapped: in or out, the answer kept in the options' order."""
        item = self.item
        chosen = list(answers.get(item.code) or [])
        chosen.remove(value) if value in chosen else chosen.append(value)
        if chosen:
            answers[item.code] = [o for o in item.options if o in chosen]
        else:
            answers.pop(item.code, None)
        self.choice_buttons[value].setChecked(value in chosen)

    def typed_text(self) -> str | None:
        edit = self.text_input
        if edit is None:
            return None
        text = (edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()).strip()
        return text or None

    def answered(self, answers: dict[str, object]) -> bool:
        item = self.item
        if item.type is ItemType.MATRIX:
            return all(f"{item.code}.{r}" in answers for r in item.options)
        return item.code in answers or self.typed_text() is not None

    def pending(self) -> dict[str, object]:
        """The typed answer (text fields and the 기타 field), not yet taken into the answers."""
        typed, item = self.typed_text(), self.item
        if typed is None:
            return {}
        if item.type is ItemType.SINGLE:
            return {item.code: f"{OTHER} {typed}"}
        return {item.code: typed}

    def take_typed(self, answers: dict[str, object]) -> None:
        """What is in the text field now is the answer: typed text replaces the old one, and
        text the resident deleted is deleted from the answers too (a name once typed and
        then removed must not be stored)."""
        if self.text_input is None:
            return
        item, pending = self.item, self.pending()
        if pending:
            answers.update(pending)
        elif item.type is ItemType.SINGLE:
            current = answers.get(item.code)
            if isinstance(current, str) and current.startswith(OTHER):
                del answers[item.code]
        else:
            answers.pop(item.code, None)
