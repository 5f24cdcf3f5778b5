"""The survey kiosk: a full-screen touch form at the counter (SCREENS.md "Kiosk").

One question a screen with large targets, Korean with an English switch, a thank-you screen
that resets by itself, and an idle countdown that discards a half-answered form. Only a staff
PIN leaves it; it runs under the kiosk role only. Every respondent gets a fresh form: nothing
of the previous one is kept once the start screen shows.

The kiosk's own words are in KIOSK_TEXTS (both languages), not in the app's translator: the
resident switches the language here, independently of the staff's setting.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QSpacerItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.domain.errors import DomainError
from pcrm_desktop.domain.privacy import require_role
from pcrm_desktop.domain.surveys import (
    KIOSK_COUNTDOWN_SECONDS,
    KIOSK_IDLE_SECONDS,
    KIOSK_THANKS_SECONDS,
    NA,
    SCALE_SIZE,
    Item,
    ItemType,
    Questionnaire,
    check_answer,
    next_shown,
    pin_wait_seconds,
    visible,
)
from pcrm_desktop.ui.kiosk_keyboard import KioskKeyboard

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

BIG = "font-size: 26px;"
TITLE_BAR = 40  # what a window frame takes in height, before the window manager says


class _Idle(QObject):
    """Any touch, click or key anywhere in the application counts as activity."""
    def __init__(self, on_activity, parent: QObject) -> None:
        super().__init__(parent)  # destroyed with the kiosk, and so out of the filter list
        self.on_activity = on_activity

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin,
                            QEvent.Type.KeyPress):
            self.on_activity()
        return False


def _button(text: str, name: str, height: int = 110, width: int = 0) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    button.setMinimumHeight(height)
    if width:
        button.setMinimumWidth(width)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return button


class KioskWindow(QWidget):
    left = Signal()            # the staff PIN was right: the kiosk may close
    submitted = Signal(object)  # a response was stored (services.surveys.Submitted)

    def __init__(self, ctx, runner, survey: str, questionnaire: Questionnaire,
                 idle_seconds: int = KIOSK_IDLE_SECONDS,
                 countdown_seconds: int = KIOSK_COUNTDOWN_SECONDS,
                 thanks_seconds: int = KIOSK_THANKS_SECONDS) -> None:
        require_role(ctx.actor, frozenset({"kiosk"}), "kiosk.run")
        super().__init__()
        self.setObjectName("kioskWindow")
        self.ctx, self.runner, self.survey, self.q = ctx, runner, survey, questionnaire
        self.language = "ko"
        self.countdown_seconds = countdown_seconds
        self.answers: dict[str, object] = {}
        self.index: int | None = None      # the item on screen
        self.history: list[int] = []       # the items answered before it, for 이전
        self.started_at = 0.0
        self.soft_warned: set[str] = set()
        self.unlocked = False
        self._fitted = False  # to the screen, when first shown as a window
        self.pin = ""
        self.pin_failures, self.pin_locked_until = 0, 0.0
        self.text_input = None  # the text field of the item on screen, if it has one
        self.choice_buttons: dict[object, QPushButton] = {}
        self.idle = QTimer(self, singleShot=True, interval=idle_seconds * 1000,
                           timeout=self._idle_timeout)
        self.tick = QTimer(self, interval=1000, timeout=self._tick)
        self.remaining = 0
        self.thanks_timer = QTimer(self, singleShot=True, interval=thanks_seconds * 1000,
                                   timeout=self.reset)
        self._watcher = _Idle(self._activity, self)
        QApplication.instance().installEventFilter(self._watcher)
        self.setStyleSheet(
            "#kioskWindow { background: #f4f7fb; }"
            "QPushButton { font-size: 24px; border-radius: 14px; border: 2px solid #9db4d0;"
            " background: white; padding: 8px; }"
            "QPushButton:pressed, QPushButton:checked { background: #1f5fa8; color: white; }"
            "QPushButton#kioskStart, QPushButton#kioskNext { background: #1f5fa8; color: white; }"
            "QPushButton:disabled { color: #aaa; border-color: #ddd; }"
            # findable by staff, quiet for residents: a small outlined button, bottom left
            "QPushButton#kioskStaff { font-size: 16px; border: 1px solid #c3cdd8; border-radius: 10px;"
            " background: white; color: #5a6b7d; padding: 6px 22px; min-height: 36px; }")
        self._build()
        self.reset()

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        self.stack = QStackedWidget()
        self.stack.addWidget(self._start_page())
        self.stack.addWidget(self._question_page())
        self.stack.addWidget(self._thanks_page())
        self.stack.addWidget(self._pin_page())
        self.ko_button = _button("한국어", "kioskKorean", 56, 140)
        self.en_button = _button("English", "kioskEnglish", 56, 140)
        for button, language in ((self.ko_button, "ko"), (self.en_button, "en")):
            button.setCheckable(True)
            button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
            button.clicked.connect(lambda _=False, lang=language: self.set_language(lang))
        self.staff_button = QPushButton()
        self.staff_button.setObjectName("kioskStaff")
        self.staff_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.staff_button.clicked.connect(self.ask_pin)
        bottom = QHBoxLayout()
        bottom.addWidget(self.staff_button)
        bottom.addStretch(1)
        bottom.addWidget(self.ko_button)
        bottom.addWidget(self.en_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 24)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)
        self.overlay = self._overlay()

    def _start_page(self) -> QWidget:
        page = QWidget()
        self.start_title = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.start_title.setObjectName("kioskTitle")
        self.start_title.setStyleSheet("font-size: 40px; font-weight: bold;")
        self.start_intro = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.start_intro.setStyleSheet(BIG)
        self.start_button = _button("", "kioskStart", 130)
        self.start_button.setMaximumWidth(480)
        self.start_button.setStyleSheet("font-size: 34px;")
        self.start_button.clicked.connect(self.begin)
        layout = QVBoxLayout(page)
        layout.addStretch(2)
        layout.addWidget(self.start_title)
        layout.addSpacing(24)
        layout.addWidget(self.start_intro)
        layout.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.start_button, 2)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    def _question_page(self) -> QWidget:
        page = QWidget()
        self.progress = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.progress.setObjectName("kioskProgress")
        self.progress.setStyleSheet("font-size: 22px; color: #1f5fa8; letter-spacing: 4px;")
        self.question = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.question.setObjectName("kioskQuestion")
        self.question.setStyleSheet("font-size: 36px; font-weight: bold;")
        self.answer_holder = QVBoxLayout()  # a new answer area for every item
        self.answer_area = QWidget()
        self.answer_layout = QVBoxLayout(self.answer_area)
        self.answer_holder.addWidget(self.answer_area)
        self.hint = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.hint.setObjectName("kioskHint")
        self.hint.setStyleSheet("font-size: 22px; color: #b03a2e;")
        self.back_button = _button("", "kioskBack", 80, 200)
        self.back_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.back_button.clicked.connect(self.back)
        self.next_button = _button("", "kioskNext", 80, 260)
        self.next_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.next_button.clicked.connect(self.forward)
        nav = QHBoxLayout()
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)
        layout = QVBoxLayout(page)
        layout.addWidget(self.progress)
        layout.addStretch(1)
        layout.addWidget(self.question)
        self.question_gap = QSpacerItem(0, 36)  # narrower above the on-screen keyboard
        layout.addItem(self.question_gap)
        layout.addLayout(self.answer_holder)
        layout.addWidget(self.hint)
        layout.addStretch(1)
        layout.addLayout(nav)
        return page

    def _thanks_page(self) -> QWidget:
        page = QWidget()
        self.thanks = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.thanks.setObjectName("kioskThanks")
        self.thanks.setStyleSheet("font-size: 44px; font-weight: bold; color: #1f5fa8;")
        layout = QVBoxLayout(page)
        layout.addWidget(self.thanks)
        return page

    def _pin_page(self) -> QWidget:
        page = QWidget()
        self.pin_label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.pin_label.setStyleSheet(BIG)
        self.pin_shown = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.pin_shown.setObjectName("kioskPinShown")
        self.pin_shown.setStyleSheet("font-size: 40px; letter-spacing: 12px;")
        self.pin_message = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.pin_message.setObjectName("kioskPinMessage")
        self.pin_message.setStyleSheet("font-size: 22px; color: #b03a2e;")
        pad = QGridLayout()
        for n in range(10):
            button = _button(str(n), f"kioskPin{n}", 80, 150)
            button.clicked.connect(lambda _=False, d=str(n): self._pin_digit(d))
            row, col = (3, 1) if n == 0 else ((n - 1) // 3, (n - 1) % 3)
            pad.addWidget(button, row, col)
        self.pin_cancel = _button("", "kioskPinCancel", 80, 150)
        self.pin_cancel.clicked.connect(self._pin_cancel)
        self.pin_ok = _button("", "kioskPinOk", 80, 150)
        self.pin_ok.clicked.connect(self._pin_submit)
        pad.addWidget(self.pin_cancel, 3, 0)
        pad.addWidget(self.pin_ok, 3, 2)
        holder = QHBoxLayout()
        holder.addStretch(1)
        holder.addLayout(pad, 2)
        holder.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(self.pin_label)
        layout.addWidget(self.pin_shown)
        layout.addWidget(self.pin_message)
        layout.addLayout(holder)
        layout.addStretch(1)
        return page

    def _overlay(self) -> QFrame:
        """A dimmed screen with a card in the middle: the countdown and 계속하기."""
        overlay = QFrame(self)
        overlay.setObjectName("kioskOverlay")
        overlay.setStyleSheet("#kioskOverlay { background: rgba(20, 40, 70, 225); }"
                              "#kioskCard { background: white; border-radius: 24px; }")
        card = QFrame()
        card.setObjectName("kioskCard")
        card.setFixedSize(760, 380)
        self.countdown = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.countdown.setObjectName("kioskCountdown")
        self.countdown.setStyleSheet("font-size: 38px; font-weight: bold; color: #1f3a5f;")
        self.countdown_sub = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.countdown_sub.setStyleSheet(BIG + " color: #444;")
        self.continue_button = _button("", "kioskContinue", 110, 360)
        self.continue_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.continue_button.setStyleSheet("background: #1f5fa8; color: white; font-size: 30px;")
        self.continue_button.clicked.connect(self._keep_going)
        inside = QVBoxLayout(card)
        inside.setContentsMargins(40, 40, 40, 40)
        inside.addWidget(self.countdown)
        inside.addWidget(self.countdown_sub)
        inside.addSpacing(20)
        inside.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout = QVBoxLayout(overlay)
        layout.addStretch(1)
        layout.addWidget(card, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        overlay.hide()
        return overlay

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self._fitted and not self.isFullScreen():
            self._fitted = True
            self._fit_screen()
        super().showEvent(event)

    def _fit_screen(self) -> None:
        """A windowed kiosk (`--windowed`, 1280×800 for trying it out) on a smaller screen,
        such as a 1366×768 laptop: maximized within the screen's free area, so the language
        and 직원 buttons at the bottom are never cut off."""
        screen = self.screen()
        if screen is None:
            return
        room = screen.availableGeometry()
        frame = self.frameGeometry().size() - self.size()
        if self.width() + frame.width() > room.width() or \
                self.height() + max(frame.height(), TITLE_BAR) > room.height():
            self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        self.overlay.setGeometry(self.rect())
        super().resizeEvent(event)

    # --- words ----------------------------------------------------------------------------
    def t(self, key: str, **values) -> str:
        text = KIOSK_TEXTS[key][1 if self.language == "en" else 0]
        return text.format(**values) if values else text

    def set_language(self, language: str) -> None:
        self._take_typed()  # the screen is rebuilt in the other language: keep what was typed
        self.language = language
        self._texts()
        if self.stack.currentIndex() == 1 and self.index is not None:
            self._show_item()

    def _texts(self) -> None:
        title, intro, thanks = self.q.shown(self.language)
        self.start_title.setText(title)
        self.start_intro.setText(intro or self.t("touch"))
        self.start_button.setText(self.t("start"))
        self.thanks.setText(thanks)
        self.back_button.setText(self.t("previous"))
        self.continue_button.setText(self.t("continue"))
        self.countdown_sub.setText(self.t("countdown_sub"))
        self.staff_button.setText(self.t("staff"))
        self.pin_label.setText(self.t("pin"))
        self.pin_ok.setText(self.t("ok"))
        self.pin_cancel.setText(self.t("cancel"))
        self.ko_button.setChecked(self.language == "ko")
        self.en_button.setChecked(self.language == "en")
        if self.overlay.isVisible():
            self.countdown.setText(self.t("countdown", n=self.remaining))

    # --- the form -------------------------------------------------------------------------
    def reset(self) -> None:
        """A fresh form for the next respondent: the previous answers are dropped."""
        self.answers, self.history, self.index = {}, [], None
        self.soft_warned = set()
        self.thanks_timer.stop()
        self.tick.stop()
        self.idle.stop()
        self.overlay.hide()
        self.language = "ko"
        self._texts()
        self.stack.setCurrentIndex(0)

    def begin(self) -> None:
        self.started_at = time.monotonic()
        self.index = next_shown(self.q, self.answers, -1)
        self.stack.setCurrentIndex(1)
        self.idle.start()
        self._show_item()

    @property
    def item(self) -> Item:
        return self.q.items[self.index]

    def _show_item(self) -> None:
        item = self.item
        shown = [i for i, it in enumerate(self.q.items) if visible(it, self.answers, self.q)
                 or i == self.index]
        position = shown.index(self.index)
        self.progress.setText("● " * (position + 1) + "○ " * (len(shown) - position - 1))
        self.question.setText(item.shown_text(self.language))
        self.hint.clear()
        self._clear_answers()
        self._answer_widgets(item)
        self.back_button.setVisible(bool(self.history))
        self._update_next()

    def _clear_answers(self) -> None:
        """Drop the previous item's buttons at once (not only later), so nothing of them
        can be found or pressed while the new ones show."""
        old = self.answer_area
        self.answer_holder.removeWidget(old)
        old.hide()
        old.setParent(None)
        old.deleteLater()
        self.answer_area = QWidget()
        self.answer_layout = QVBoxLayout(self.answer_area)
        self.answer_layout.setContentsMargins(0, 0, 0, 0)
        self.answer_holder.addWidget(self.answer_area)
        self.text_input = None
        self.question_gap.changeSize(0, 36)
        self.choice_buttons: dict[object, QPushButton] = {}

    def _answer_widgets(self, item: Item) -> None:
        t, current = item.type, self.answers.get(item.code)
        if t in (ItemType.SCALE5, ItemType.SCALE7):
            labels = item.shown_options(self.language)
            k = SCALE_SIZE[t]
            row = QHBoxLayout()
            for value in range(1, k + 1):
                label = labels[value - 1] if len(labels) == k else ""
                self._choice(row, f"{value}\n{label}".strip(), value, current, 150)
            self.answer_layout.addLayout(row)
            if item.allow_na:
                na_row = QHBoxLayout()
                na_row.addStretch(1)
                self._choice(na_row, self.t("na"), NA, current, 80, name="kioskNA").setMinimumWidth(320)
                na_row.addStretch(1)
                self.answer_layout.addLayout(na_row)
        elif t is ItemType.RECOMMEND:
            row = QHBoxLayout()
            for value in range(11):
                self._choice(row, str(value), value, current, 110)
            self.answer_layout.addLayout(row)
            ends = QHBoxLayout()
            ends.addWidget(QLabel(self.t("low"), styleSheet=BIG))
            ends.addStretch(1)
            ends.addWidget(QLabel(self.t("high"), styleSheet=BIG))
            self.answer_layout.addLayout(ends)
        elif t is ItemType.YES_NO:
            row = QHBoxLayout()
            self._choice(row, self.t("yes"), True, current, 130)
            self._choice(row, self.t("no"), False, current, 130)
            self.answer_layout.addLayout(row)
        elif t in (ItemType.SINGLE, ItemType.MULTI):
            grid = QGridLayout()
            shown = item.shown_options(self.language)
            for n, (value, label) in enumerate(zip(item.options, shown)):
                button = self._choice(None, label, value, current, 90, multi=t is ItemType.MULTI)
                grid.addWidget(button, n // 2, n % 2)
            self.answer_layout.addLayout(grid)
            if item.other_text and t is ItemType.SINGLE:
                self.text_input = QLineEdit(placeholderText=self.t("other"))
                self.text_input.setObjectName("kioskText")
                self.text_input.setStyleSheet(BIG)
                self.text_input.setMinimumHeight(70)
                if isinstance(current, str) and current.startswith("기타:"):
                    self.text_input.setText(current[3:].strip())
                self.text_input.textChanged.connect(self._update_next)
                self.answer_layout.addWidget(self.text_input)
        elif t is ItemType.MATRIX:
            for row_name in item.options:
                row = QHBoxLayout()
                row.addWidget(QLabel(row_name, styleSheet=BIG), 2)
                for value in range(1, 6):
                    key = f"{item.code}.{row_name}"
                    self._choice(row, str(value), (key, value), (key, self.answers.get(key)), 70)
                self.answer_layout.addLayout(row)
        else:  # short and long text, number, date: typed on the on-screen keyboard
            edit = QPlainTextEdit() if t is ItemType.LONG_TEXT else QLineEdit()
            edit.setObjectName("kioskText")
            edit.setAccessibleName(item.shown_text(self.language))  # what the field answers
            edit.setStyleSheet(BIG + "border: 2px solid #9db4d0; border-radius: 14px;"
                               " padding: 4px 10px; background: white;")
            edit.setMinimumHeight(84 if t is ItemType.LONG_TEXT else 70)
            self.question_gap.changeSize(0, 12)  # room for the keys on a 768-high screen
            if current is not None:
                (edit.setPlainText if t is ItemType.LONG_TEXT else edit.setText)(str(current))
            edit.textChanged.connect(self._update_next)
            self.text_input = edit
            self.answer_layout.addWidget(edit)
            self.answer_layout.addWidget(KioskKeyboard(
                edit, self.language, digits=t in (ItemType.NUMBER, ItemType.DATE)))

    def _choice(self, row, text: str, value, current, height: int, name: str = "",
                multi: bool = False) -> QPushButton:
        button = _button(text, name or f"kioskChoice_{value}", height)
        button.setCheckable(True)
        chosen = (value in current) if multi and isinstance(current, list) else current == value \
            and type(current) is type(value)
        button.setChecked(bool(chosen))
        button.clicked.connect(lambda _=False, v=value: self.choose(v, multi))
        self.choice_buttons[value] = button
        if row is not None:
            row.addWidget(button)
        return button

    def choose(self, value, multi: bool = False) -> None:
        """A tap on a choice: a single answer advances by itself (a matrix once every row is
        answered); several choices wait for 다음."""
        item = self.item
        if item.type is ItemType.MATRIX:
            key, number = value
            self.answers[key] = number
            for (k, v), button in self.choice_buttons.items():
                if k == key:
                    button.setChecked(v == number)
            if all(f"{item.code}.{r}" in self.answers for r in item.options):
                self.forward()
            return
        if multi:
            chosen = list(self.answers.get(item.code) or [])
            chosen.remove(value) if value in chosen else chosen.append(value)
            if chosen:
                self.answers[item.code] = [o for o in item.options if o in chosen]
            else:
                self.answers.pop(item.code, None)
            self.choice_buttons[value].setChecked(value in chosen)
            self._update_next()
            return
        self.answers[item.code] = value
        if self.text_input is not None:  # a choice with a 기타 field: the choice is enough
            self.text_input.clear()
        self.forward()

    def _typed(self) -> object:
        edit = self.text_input
        if edit is None:
            return None
        text = (edit.toPlainText() if isinstance(edit, QPlainTextEdit) else edit.text()).strip()
        return text or None

    def _answered(self) -> bool:
        item = self.item
        if item.type is ItemType.MATRIX:
            return all(f"{item.code}.{r}" in self.answers for r in item.options)
        return item.code in self.answers or self._typed() is not None

    def _update_next(self) -> None:
        if self.index is None:
            return
        last = next_shown(self.q, {**self.answers, **self._pending()}, self.index) is None
        # A required item offers no 건너뛰기: its 다음, tapped unanswered, says why it waits.
        skipping = not self._answered() and not self.item.required
        self.next_button.setText(self.t("finish") if last else
                                 self.t("skip") if skipping else self.t("next"))

    def _pending(self) -> dict:
        """The typed answer of the item on screen (text fields and the 기타 field)."""
        typed, item = self._typed(), self.item
        if typed is None:
            return {}
        if item.type is ItemType.SINGLE:
            return {item.code: f"기타: {typed}"}
        return {item.code: typed}

    def _take_typed(self) -> None:
        """What is in the text field now is the answer: typed text replaces the old one, and
        text the resident deleted is deleted from the answers too (a name once typed and
        then removed must not be stored)."""
        if self.text_input is None or self.index is None:
            return
        item, pending = self.item, self._pending()
        if pending:
            self.answers.update(pending)
        elif item.type is ItemType.SINGLE:
            current = self.answers.get(item.code)
            if isinstance(current, str) and current.startswith("기타:"):
                del self.answers[item.code]
        else:
            self.answers.pop(item.code, None)

    def forward(self) -> None:
        item = self.item
        self._take_typed()
        if item.code in self.answers and item.type is not ItemType.MATRIX:
            try:  # a typed number, date or long text is checked here, not at the end
                self.answers[item.code] = check_answer(item, self.answers[item.code])
            except DomainError:
                self.hint.setText(self.t("invalid"))
                return
        if not self._answered():
            if item.required:
                self.hint.setText(self.t("required"))
                return
            if item.soft_required and item.code not in self.soft_warned:
                self.soft_warned.add(item.code)
                self.hint.setText(self.t("soft"))
                return
        following = next_shown(self.q, self.answers, self.index)
        for hidden in self.q.items[self.index + 1:following]:  # answers a change hid
            self.answers.pop(hidden.code, None)
        if following is None:
            self.finish()
            return
        self.history.append(self.index)
        self.index = following
        self._show_item()

    def back(self) -> None:
        if self.history:
            self._take_typed()
            self.index = self.history.pop()
            self._show_item()

    def finish(self) -> None:
        from pcrm_desktop.services import surveys
        ctx, code, answers = self.ctx, self.survey, dict(self.answers)
        seconds = max(1, round(time.monotonic() - self.started_at))
        self.idle.stop()
        self.thanks.setText(self.t("sending"))
        self.stack.setCurrentIndex(2)
        self.runner.run(lambda control: surveys.submit(ctx, code, "kiosk", answers, seconds),
                        self._stored, self._not_stored)

    def _stored(self, done) -> None:
        self.answers = {}
        self.thanks.setText(self.q.shown(self.language)[2])
        self.thanks_timer.start()
        self.submitted.emit(done)

    def _not_stored(self, error) -> None:
        self.answers = {}
        detail = ""
        if isinstance(error, DomainError):
            from pcrm_desktop.ui.i18n import error_text
            detail = "\n" + error_text(error)
        self.thanks.setText(self.t("failed") + detail)
        self.thanks_timer.start()

    # --- idle -----------------------------------------------------------------------------
    def _activity(self) -> None:
        if self.stack.currentIndex() in (1, 3) and not self.overlay.isVisible():
            self.idle.start()  # restart the wait (a question, or staff typing the PIN)

    def _idle_timeout(self) -> None:
        if self.stack.currentIndex() not in (1, 3):
            return
        self.remaining = self.countdown_seconds
        self.countdown.setText(self.t("countdown", n=self.remaining))
        self.overlay.setGeometry(self.rect())
        self.overlay.show()
        self.overlay.raise_()
        self.tick.start()

    def _tick(self) -> None:
        self.remaining -= 1
        if self.remaining <= 0:
            self.reset()  # the half-answered form is discarded
            return
        self.countdown.setText(self.t("countdown", n=self.remaining))

    def _keep_going(self) -> None:
        self.tick.stop()
        self.overlay.hide()
        self.idle.start()

    # --- leaving --------------------------------------------------------------------------
    def ask_pin(self) -> None:
        self.thanks_timer.stop()  # the thank-you screen must not reset the PIN pad
        self.pin = ""
        self.pin_shown.setText("")
        self.pin_message.clear()
        self.stack.setCurrentIndex(3)
        self.idle.start()  # an abandoned PIN screen returns to the start too

    def _pin_digit(self, digit: str) -> None:
        if len(self.pin) < 8:
            self.pin += digit
        self.pin_shown.setText("●" * len(self.pin))

    def _pin_cancel(self) -> None:
        self.reset()

    def _pin_submit(self) -> None:
        from pcrm_desktop.services import surveys
        wait = self.pin_locked_until - time.monotonic()
        if wait > 0:  # too many wrong tries: the pad waits, longer each time
            self.pin = ""
            self.pin_shown.setText("")
            self.pin_message.setText(self.t("pin_wait", n=int(wait) + 1))
            return
        ctx, pin = self.ctx, self.pin
        self.pin = ""
        self.pin_shown.setText("")
        self.runner.run(lambda control: surveys.leave_kiosk(ctx, pin), self._pin_checked,
                        lambda error: self.pin_message.setText(self.t("pin_wrong")))

    def _pin_checked(self, ok: bool) -> None:
        if not ok:
            self.pin_failures += 1
            wait = pin_wait_seconds(self.pin_failures)
            self.pin_locked_until = time.monotonic() + wait
            self.pin_message.setText(self.t("pin_wait", n=wait) if wait else self.t("pin_wrong"))
            return
        self.pin_failures = 0
        self.unlocked = True
        self.left.emit()
        self.close()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape:
            return  # Esc does not leave the kiosk
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self.unlocked:
            event.ignore()  # only the staff PIN closes the kiosk
            return
        QApplication.instance().removeEventFilter(self._watcher)
        super().closeEvent(event)
