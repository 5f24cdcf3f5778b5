"""The kiosk's screens as a resident sees them: its words in both languages, its look, and the
start, question, thank-you and PIN screens and the idle countdown's overlay.

The screens only show what the kiosk window (ui/kiosk.py) tells them and hand taps on by
signal; which screen shows, and what an answer does, is the window's.

The kiosk's own words are in KIOSK_TEXTS (both languages), not in the app's translator: the
resident switches the language here, independently of the staff's setting.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QVBoxLayout,
    QWidget,
)

KIOSK_TEXTS: dict[str, tuple[str, str]] = {
    "start": ("시작하기", "Start"),
    "touch": ("화면을 눌러 시작하십시오", "Touch to begin"),
    "previous": ("이전", "Back"),
    "next": ("다음", "Next"),
    "skip": ("건너뛰기", "Skip"),
    "finish": ("제출하기", "Submit"),
    "na": ("해당 없음", "Not applicable"),
    "yes": ("예", "Yes"),
    "no": ("아니오", "No"),
    "soft": ("답해 주시면 큰 도움이 됩니다. 그래도 넘어가려면 한 번 더 누르십시오.",
             "Your answer helps us a lot. Press again to skip anyway."),
    "required": ("이 문항은 꼭 답해 주셔야 다음으로 넘어갈 수 있습니다.",
                 "This question needs an answer before you can go on."),
    "countdown": ("{n}초 후 처음 화면으로 돌아갑니다", "Returning to the start in {n} seconds"),
    "countdown_sub": ("적으신 답은 저장되지 않습니다.", "Your answers so far will not be kept."),
    "continue": ("계속하기", "Continue"),
    "sending": ("보내는 중…", "Sending…"),
    "failed": ("저장하지 못했습니다. 직원에게 알려 주십시오.", "Could not save. Please tell a staff member."),
    "staff": ("직원", "Staff"),
    "pin": ("직원 PIN을 누르십시오", "Staff PIN"),
    "pin_wrong": ("PIN이 맞지 않습니다.", "Wrong PIN."),
    "ok": ("확인", "OK"),
    "invalid": ("답을 다시 확인해 주십시오.", "Please check your answer."),
    "pin_wait": ("PIN이 여러 번 틀렸습니다. {n}초 뒤에 다시 하십시오.",
                 "Too many wrong PINs. Try again in {n} seconds."),
    "cancel": ("취소", "Cancel"),
    "low": ("전혀 아니다", "Not at all"),
    "high": ("매우 그렇다", "Certainly"),
    "other": ("기타 (적어 주십시오)", "Other (please write)"),
}

Words = Callable[[str], str]  # a KIOSK_TEXTS key → its text in the language on screen


def kiosk_text(key: str, language: str, **values) -> str:
    text = KIOSK_TEXTS[key][1 if language == "en" else 0]
    return text.format(**values) if values else text


BIG = "font-size: 26px;"
KIOSK_STYLE = (
    "#kioskWindow { background: #f4f7fb; }"
    "QPushButton { font-size: 24px; border-radius: 14px; border: 2px solid #9db4d0;"
    " background: white; padding: 8px; }"
    "QPushButton:pressed, QPushButton:checked { background: #1f5fa8; color: white; }"
    "QPushButton#kioskStart, QPushButton#kioskNext { background: #1f5fa8; color: white; }"
    "QPushButton:disabled { color: #aaa; border-color: #ddd; }"
    # findable by staff, quiet for residents: a small outlined button, bottom left
    "QPushButton#kioskStaff { font-size: 16px; border: 1px solid #c3cdd8; border-radius: 10px;"
    " background: white; color: #5a6b7d; padding: 6px 22px; min-height: 36px; }")


def big_button(text: str, name: str, height: int = 110, width: int = 0) -> QPushButton:
    """A large touch target that never takes the keyboard focus."""
    button = QPushButton(text)
    button.setObjectName(name)
    button.setMinimumHeight(height)
    if width:
        button.setMinimumWidth(width)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return button


def _fixed(button: QPushButton) -> QPushButton:
    button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
    return button


def _label(style: str, name: str = "", wrap: bool = True) -> QLabel:
    label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=wrap)
    if name:
        label.setObjectName(name)
    label.setStyleSheet(style)
    return label


def _centred(layout: QVBoxLayout | QHBoxLayout, middle: QWidget | QGridLayout, stretch: int) -> None:
    """`middle` between two equal stretches, taking `stretch` parts of the row's width."""
    row = QHBoxLayout()
    row.addStretch(1)
    if isinstance(middle, QWidget):
        row.addWidget(middle, stretch)
    else:
        row.addLayout(middle, stretch)
    row.addStretch(1)
    layout.addLayout(row)


class StartScreen(QWidget):
    """The survey's title and introduction, and 시작하기."""

    def __init__(self) -> None:
        super().__init__()
        self.title = _label("font-size: 40px; font-weight: bold;", "kioskTitle")
        self.intro = _label(BIG)
        self.button = big_button("", "kioskStart", 130)
        self.button.setMaximumWidth(480)
        self.button.setStyleSheet("font-size: 34px;")
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addSpacing(24)
        layout.addWidget(self.intro)
        layout.addStretch(1)
        _centred(layout, self.button, 2)
        layout.addStretch(2)

    def set_texts(self, words: Words, title: str, intro: str) -> None:
        self.title.setText(title)
        self.intro.setText(intro or words("touch"))
        self.button.setText(words("start"))


class QuestionScreen(QWidget):
    """One question: the progress dots, the question, its answer area, a hint, 이전 and 다음."""

    def __init__(self) -> None:
        super().__init__()
        self.progress = _label("font-size: 22px; color: #1f5fa8; letter-spacing: 4px;",
                               "kioskProgress", wrap=False)
        self.question = _label("font-size: 36px; font-weight: bold;", "kioskQuestion")
        self.answer_holder = QVBoxLayout()  # a new answer area for every item
        self.answer_area = QWidget()
        QVBoxLayout(self.answer_area)
        self.hint = _label("font-size: 22px; color: #b03a2e;", "kioskHint")
        self.back_button = _fixed(big_button("", "kioskBack", 80, 200))
        self.next_button = _fixed(big_button("", "kioskNext", 80, 260))
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        layout.addWidget(self.question)
        self.question_gap = QSpacerItem(0, 36)  # narrower above the on-screen keyboard
        layout.addItem(self.question_gap)
        layout.addLayout(self.answer_holder)
        # the area goes in after its holder joined the screen: PySide wraps the items a layout
        # holds when it is added (its ownership bookkeeping), and a wrapper of the area's item
        # would stay, stale, once show_answers removes the area (Qt deletes the item unseen)
        self.answer_holder.addWidget(self.answer_area)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        layout.addLayout(nav)

    def show_answers(self, area: QWidget, keyboard: bool) -> None:
        """The new item's answer area in place of the previous one, which goes at once (not
        only later), so nothing of it can be found or pressed while the new one shows."""
        old = self.answer_area
        self.answer_holder.removeWidget(old)
        old.hide()
        old.setParent(None)
        old.deleteLater()
        self.question_gap.changeSize(0, 12 if keyboard else 36)  # room for the keys on a 768-high screen
        self.answer_area = area
        self.answer_holder.addWidget(area)

    def set_texts(self, words: Words) -> None:
        self.back_button.setText(words("previous"))


class ThanksScreen(QWidget):
    """The thank-you screen (also 보내는 중… while the answers are stored, or why they were not)."""

    def __init__(self) -> None:
        super().__init__()
        self.label = _label("font-size: 44px; font-weight: bold; color: #1f5fa8;", "kioskThanks")
        QVBoxLayout(self).addWidget(self.label)


class PinScreen(QWidget):
    """The staff PIN pad: the digits typed show as dots; 확인 hands them on."""
    entered = Signal(str)  # 확인 with the digits typed (the pad is cleared)
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.pin = ""
        self.label = _label(BIG, wrap=False)
        self.shown = _label("font-size: 40px; letter-spacing: 12px;", "kioskPinShown", wrap=False)
        self.message = _label("font-size: 22px; color: #b03a2e;", "kioskPinMessage", wrap=False)
        pad = QGridLayout()
        for n in range(10):
            button = big_button(str(n), f"kioskPin{n}", 80, 150)
            button.clicked.connect(lambda _=False, d=str(n): self._digit(d))
            row, col = (3, 1) if n == 0 else ((n - 1) // 3, (n - 1) % 3)
            pad.addWidget(button, row, col)
        self.cancel = big_button("", "kioskPinCancel", 80, 150)
        self.cancel.clicked.connect(self.cancelled)
        self.ok = big_button("", "kioskPinOk", 80, 150)
        self.ok.clicked.connect(self._submit)
        pad.addWidget(self.cancel, 3, 0)
        pad.addWidget(self.ok, 3, 2)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.shown)
        layout.addWidget(self.message)
        _centred(layout, pad, 2)
        layout.addStretch(1)

    def clear(self) -> None:
        """An empty pad, without the last message."""
        self.pin = ""
        self.shown.setText("")
        self.message.clear()

    def _digit(self, digit: str) -> None:
        if len(self.pin) < 8:
            self.pin += digit
        self.shown.setText("●" * len(self.pin))

    def _submit(self) -> None:
        pin, self.pin = self.pin, ""
        self.shown.setText("")
        self.entered.emit(pin)

    def set_texts(self, words: Words) -> None:
        self.label.setText(words("pin"))
        self.ok.setText(words("ok"))
        self.cancel.setText(words("cancel"))


class CountdownOverlay(QFrame):
    """A dimmed screen over the whole kiosk with a card in the middle: the countdown and 계속하기."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("kioskOverlay")
        self.setStyleSheet("#kioskOverlay { background: rgba(20, 40, 70, 225); }"
                           "#kioskCard { background: white; border-radius: 24px; }")
        card = QFrame()
        card.setObjectName("kioskCard")
        card.setFixedSize(760, 380)
        self.countdown = _label("font-size: 38px; font-weight: bold; color: #1f3a5f;", "kioskCountdown")
        self.sub = _label(BIG + " color: #444;", wrap=False)
        self.continue_button = _fixed(big_button("", "kioskContinue", 110, 360))
        self.continue_button.setStyleSheet("background: #1f5fa8; color: white; font-size: 30px;")
        inside = QVBoxLayout(card)
        inside.setContentsMargins(40, 40, 40, 40)
        inside.addWidget(self.countdown)
        inside.addWidget(self.sub)
        inside.addSpacing(20)
        inside.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.hide()

    def set_texts(self, words: Words) -> None:
        self.continue_button.setText(words("continue"))
        self.sub.setText(words("countdown_sub"))
