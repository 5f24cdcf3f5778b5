"""The kiosk's on-screen keyboard for typed answers (issue 18): a touch-only kiosk has no keys.

Three layouts share one grid of big keys: 두벌식 Hangul composed into syllables as typed
(domain.hangul), QWERTY for the English kiosk, and digits with signs. The kiosk's language
picks the first layout (digits for a number or date question); 한글, ABC and 123 switch it.
Keys never take focus, so the text field keeps its cursor and a physical keyboard still
types into it. The syllable being composed is part of the field's text (so 다음 always takes
what is shown) and is marked in a text box; any edit not made here (a physical key, a
tap that moves the cursor) finishes it.

Like the kiosk, the keyboard has its own words in both languages (KEYBOARD_TEXTS): the
resident's language is chosen on the kiosk, independently of the staff's setting.
"""
from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTextEdit,
    QWidget,
)

from pcrm_desktop.domain.hangul import JAMO_NAMES, HangulComposer

KEYBOARD_TEXTS: dict[str, tuple[str, str]] = {
    "keyboard": ("화면 키보드", "On-screen keyboard"),
    "space": ("띄어쓰기", "Space"),
    "backspace": ("← 지우기", "← Delete"),
    "backspace_name": ("지우기", "Delete"),
    "shift_ko": ("⇧ 쌍자음", "⇧ Shift"),
    "shift_ko_name": ("쌍자음과 ㅒ, ㅖ", "Shift: double consonants, ㅒ and ㅖ"),
    "shift_en": ("⇧ 대문자", "⇧ Shift"),
    "shift_en_name": ("대문자", "Shift: capital letters"),
    "ko_name": ("한글 자판", "Korean keys"),
    "en_name": ("영문 자판", "English keys"),
    "num_name": ("숫자와 기호", "Numbers and signs"),
    "jamo": ("{name}", "Korean letter {name}"),
}
MODE_LABELS = {"ko": "한글", "en": "ABC", "num": "123"}  # each written in what it switches to

# Per layout: the three rows of letters, unshifted and shifted (10, 9 and 7 keys each).
LAYOUTS: dict[str, tuple[tuple[str, str, str], ...]] = {
    "ko": (("ㅂㅈㄷㄱㅅㅛㅕㅑㅐㅔ", "ㅁㄴㅇㄹㅎㅗㅓㅏㅣ", "ㅋㅌㅊㅍㅠㅜㅡ"),
           ("ㅃㅉㄸㄲㅆㅛㅕㅑㅒㅖ", "ㅁㄴㅇㄹㅎㅗㅓㅏㅣ", "ㅋㅌㅊㅍㅠㅜㅡ")),
    "en": (("qwertyuiop", "asdfghjkl", "zxcvbnm"), ("QWERTYUIOP", "ASDFGHJKL", "ZXCVBNM")),
    "num": (("1234567890", "-/:()~!,'", "@#%&*+="),),
}
SIGN_NAMES: dict[str, tuple[str, str]] = {
    "-": ("붙임표", "hyphen"), "/": ("빗금", "slash"), ":": ("쌍점", "colon"),
    "(": ("여는 괄호", "opening parenthesis"), ")": ("닫는 괄호", "closing parenthesis"),
    "~": ("물결표", "tilde"), "!": ("느낌표", "exclamation mark"), ",": ("쉼표", "comma"),
    "'": ("작은따옴표", "apostrophe"), "@": ("골뱅이", "at sign"), "#": ("샵", "number sign"),
    "%": ("퍼센트", "percent"), "&": ("앰퍼샌드", "ampersand"), "*": ("별표", "asterisk"),
    "+": ("더하기", "plus"), "=": ("등호", "equals"), ".": ("마침표", "full stop"),
    "?": ("물음표", "question mark"),
}
KEY_HEIGHT = 54
HALF_COLUMNS = 20  # a letter key is two half columns wide, so the middle row can sit offset
MAX_WIDTH = 1280   # on a wide screen the keys stay within reach of one person

STYLE = (
    "#kioskKeyboardPanel { background: #dde5ef; border-radius: 18px; }"
    "QPushButton { font-size: 34px; color: #1f2d3d; background: white; padding: 0;"
    " border: 1px solid #b7c5d7; border-bottom: 3px solid #9aabc2; border-radius: 10px; }"
    "QPushButton[special=\"true\"] { font-size: 20px; background: #c8d4e3; }"
    "QPushButton[jamo=\"true\"] { font-size: 42px; }"  # compatibility jamo are drawn small
    "QPushButton#kioskKeySpace { font-size: 20px; color: #5a6b80; }"
    "QPushButton:pressed, QPushButton:checked { background: #1f5fa8; color: white;"
    " border-color: #17497f; }"
    "QPushButton:disabled { color: #b5c0cc; background: #d6dee8; }"
)


def _key(name: str, special: bool = False) -> QPushButton:
    key = QPushButton()
    key.setObjectName(name)
    key.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the text field keeps the cursor
    key.setMinimumSize(40, KEY_HEIGHT)
    key.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    key.setProperty("special", special)
    key.setAutoRepeat(name == "kioskKeyBackspace")  # held down, it keeps deleting
    return key


class KioskKeyboard(QWidget):
    def __init__(self, edit: QLineEdit | QPlainTextEdit, language: str = "ko",
                 digits: bool = False) -> None:
        super().__init__()
        self.setObjectName("kioskKeyboard")
        self.edit, self.language = edit, language
        self.mode = "num" if digits else ("en" if language == "en" else "ko")
        self.shifted = False
        self.composer = HangulComposer()
        self._start = self._shown = 0  # where the composing syllable sits in the field
        self._writing = False
        self.setStyleSheet(STYLE)
        self.setAccessibleName(self.t("keyboard"))
        panel = QFrame(objectName="kioskKeyboardPanel")
        panel.setMaximumWidth(MAX_WIDTH)
        panel.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.grid = QGridLayout(panel)
        self.grid.setContentsMargins(8, 8, 8, 8)
        self.grid.setSpacing(6)
        for column in range(HALF_COLUMNS):
            self.grid.setColumnStretch(column, 1)
        self.letters: list[list[QPushButton]] = []
        self._letter_rows()
        self._control_rows()
        outer = QHBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(panel)  # centred once it reaches its widest
        if isinstance(edit, QPlainTextEdit):  # an earlier answer shown again: type after it
            edit.moveCursor(QTextCursor.MoveOperation.End)
        edit.textChanged.connect(self._changed_elsewhere)
        edit.cursorPositionChanged.connect(self._changed_elsewhere)
        self._relabel()

    def t(self, key: str, **values) -> str:
        text = KEYBOARD_TEXTS[key][1 if self.language == "en" else 0]
        return text.format(**values) if values else text

    # --- construction ---------------------------------------------------------------------
    def _letter_rows(self) -> None:
        for row, count in enumerate((10, 9, 7)):
            first = (0, 1, 3)[row]  # the middle row offset by half a key, the last by Shift
            keys = []
            for i in range(count):
                key = _key(f"kioskKey{row}_{i}")
                key.clicked.connect(lambda _=False, r=row, n=i: self._letter(r, n))
                self.grid.addWidget(key, row, first + 2 * i, 1, 2)
                keys.append(key)
            self.letters.append(keys)

    def _control_rows(self) -> None:
        self.shift = _key("kioskKeyShift", special=True)
        self.shift.setCheckable(True)
        self.shift.clicked.connect(self._toggle_shift)
        self.backspace = _key("kioskKeyBackspace", special=True)
        self.backspace.clicked.connect(self.delete)
        self.grid.addWidget(self.shift, 2, 0, 1, 3)
        self.grid.addWidget(self.backspace, 2, 17, 1, 3)
        self.modes: dict[str, QPushButton] = {}
        for n, mode in enumerate(("ko", "en", "num")):
            key = _key(f"kioskKeyMode_{mode}", special=True)
            key.setCheckable(True)
            key.setText(MODE_LABELS[mode])
            key.setAccessibleName(self.t(f"{mode}_name"))
            key.clicked.connect(lambda _=False, m=mode: self.set_mode(m))
            self.grid.addWidget(key, 3, 2 * n, 1, 2)
            self.modes[mode] = key
        self.space = _key("kioskKeySpace")
        self.space.setText(self.t("space"))
        self.space.setAccessibleName(self.t("space"))
        self.space.clicked.connect(lambda: self.type(" "))
        self.grid.addWidget(self.space, 3, 6, 1, 10)
        for n, sign in enumerate(".?"):
            key = _key(f"kioskKey_{sign}")
            key.setText(sign)
            key.setAccessibleName(SIGN_NAMES[sign][self.language == "en"])
            key.clicked.connect(lambda _=False, s=sign: self.type(s))
            self.grid.addWidget(key, 3, 16 + 2 * n, 1, 2)
        self.backspace.setText(self.t("backspace"))
        self.backspace.setAccessibleName(self.t("backspace_name"))

    # --- the layout shown -----------------------------------------------------------------
    def set_mode(self, mode: str) -> None:
        self._finish()  # a syllable does not stay open across layouts
        self.mode, self.shifted = mode, False
        self._relabel()

    def _toggle_shift(self) -> None:
        self.shifted = not self.shifted
        self._relabel()

    def _rows(self) -> tuple[str, str, str]:
        layers = LAYOUTS[self.mode]
        return layers[1 if self.shifted and len(layers) > 1 else 0]

    def _relabel(self) -> None:
        jamo = self.mode == "ko"
        for keys, letters in zip(self.letters, self._rows()):
            for key, letter in zip(keys, letters):
                key.setText(letter.replace("&", "&&"))  # & alone would be a mnemonic
                key.setObjectName(f"kioskKey_{letter}")
                key.setAccessibleName(self._name(letter))
                if key.property("jamo") != jamo:
                    key.setProperty("jamo", jamo)
                    key.style().polish(key)  # the style sheet's [jamo] rule, again
        for mode, key in self.modes.items():
            key.setChecked(mode == self.mode)
        has_shift = len(LAYOUTS[self.mode]) > 1
        self.shift.setEnabled(has_shift)
        self.shift.setChecked(self.shifted)
        shift = "shift_en" if self.mode == "en" else "shift_ko"
        self.shift.setText(self.t(shift) if has_shift else "⇧")
        self.shift.setAccessibleName(self.t(f"{shift}_name"))

    def _name(self, letter: str) -> str:
        english = self.language == "en"
        if letter in JAMO_NAMES:
            return self.t("jamo", name=JAMO_NAMES[letter][english])
        if letter in SIGN_NAMES:
            return SIGN_NAMES[letter][english]
        return letter

    def key(self, letter: str) -> QPushButton:
        """The key showing `letter` now (for tests and for the accessibility walk)."""
        return self.findChild(QPushButton, f"kioskKey_{letter}")

    # --- typing ---------------------------------------------------------------------------
    def _letter(self, row: int, index: int) -> None:
        self.type(self._rows()[row][index])
        if self.shifted:  # Shift holds for one key, as on a phone
            self.shifted = False
            self._relabel()

    def type(self, key: str) -> None:
        """One key: a jamo joins the composing syllable; anything else finishes it."""
        if self._shown == 0:
            self._start, end = _selection(self.edit)
        else:
            end = self._start + self._shown
        done = self.composer.feed(key)
        composing = self.composer.composing
        self._write(self._start, end, done + composing)
        self._start += len(done)
        self._shown = len(composing)
        self._mark()

    def delete(self) -> None:
        """← 지우기: inside a composing syllable one jamo, otherwise one character."""
        if self._shown and self.composer.backspace():
            composing = self.composer.composing
            self._write(self._start, self._start + self._shown, composing)
            self._shown = len(composing)
        else:
            with self._quietly():
                _delete_before_cursor(self.edit)
        self._mark()

    def _finish(self) -> None:
        self.composer.commit()
        self._shown = 0
        self._mark()

    def _changed_elsewhere(self, *_args) -> None:
        if not self._writing and self._shown:
            self._finish()

    @contextmanager
    def _quietly(self):
        self._writing = True
        try:
            yield
        finally:
            self._writing = False

    def _write(self, start: int, end: int, text: str) -> None:
        with self._quietly():
            _replace(self.edit, start, end, text)

    def _mark(self) -> None:
        """Mark the composing syllable on a pale blue, as an input method does (a text box
        can; a one-line field cannot and shows it plainly, the cursor after it)."""
        if not isinstance(self.edit, QPlainTextEdit):
            return
        marks = []
        if self._shown:
            mark = QTextEdit.ExtraSelection()
            mark.cursor = self.edit.textCursor()
            mark.cursor.setPosition(self._start)
            mark.cursor.setPosition(self._start + self._shown, QTextCursor.MoveMode.KeepAnchor)
            mark.format = QTextCharFormat()
            mark.format.setBackground(QColor("#cfe0f5"))
            marks.append(mark)
        self.edit.setExtraSelections(marks)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.edit.setFocus()  # the cursor shows, and a physical keyboard types there too
        super().showEvent(event)


def _selection(edit) -> tuple[int, int]:
    if isinstance(edit, QLineEdit):
        if edit.hasSelectedText():
            start = edit.selectionStart()
            return start, start + len(edit.selectedText())
        return edit.cursorPosition(), edit.cursorPosition()
    cursor = edit.textCursor()
    return cursor.selectionStart(), cursor.selectionEnd()


def _replace(edit, start: int, end: int, text: str) -> None:
    if isinstance(edit, QLineEdit):
        edit.setSelection(start, end - start)
        edit.insert(text)
        return
    cursor = edit.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    cursor.insertText(text)
    edit.setTextCursor(cursor)


def _delete_before_cursor(edit) -> None:
    if isinstance(edit, QLineEdit):
        edit.backspace()
        return
    cursor = edit.textCursor()
    cursor.deletePreviousChar()
    edit.setTextCursor(cursor)
