"""The survey kiosk: a full-screen touch form at the counter (SCREENS.md "Kiosk").

One question a screen with large targets, Korean with an English switch, a thank-you screen
that resets by itself, and an idle countdown that discards a half-answered form. Only a staff
PIN leaves it; it runs under the kiosk role only. Every respondent gets a fresh form: nothing
of the previous one is kept once the start screen shows.

This window is the kiosk's flow: which screen shows, next and back, the idle countdown,
submitting, the PIN. Its screens and words are in ui/kiosk_screens.py, the answer controls of
the item on screen in ui/kiosk_answers.py.
"""
from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
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
    Item,
    ItemType,
    Questionnaire,
    check_answer,
    next_shown,
    pin_wait_seconds,
    visible,
)
from pcrm_desktop.ui.kiosk_answers import AnswerArea
from pcrm_desktop.ui.kiosk_screens import (
    KIOSK_STYLE,
    CountdownOverlay,
    PinScreen,
    QuestionScreen,
    StartScreen,
    ThanksScreen,
    big_button,
    kiosk_text,
)

TITLE_BAR = 40  # what a window frame takes in height, before the window manager says
START, QUESTION, THANKS, PIN = range(4)  # the screens, in the stack's order


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
        self.pin_failures, self.pin_locked_until = 0, 0.0
        self.answer_area: AnswerArea | None = None  # the answers to the item on screen
        self.idle = QTimer(self, singleShot=True, interval=idle_seconds * 1000,
                           timeout=self._idle_timeout)
        self.tick = QTimer(self, interval=1000, timeout=self._tick)
        self.remaining = 0
        self.thanks_timer = QTimer(self, singleShot=True, interval=thanks_seconds * 1000,
                                   timeout=self.reset)
        self._watcher = _Idle(self._activity, self)
        QApplication.instance().installEventFilter(self._watcher)
        self.setStyleSheet(KIOSK_STYLE)
        self._build()
        self._connect()
        self.reset()

    # --- construction ---------------------------------------------------------------------
    def _build(self) -> None:
        self.start_screen, self.question_screen = StartScreen(), QuestionScreen()
        self.thanks_screen, self.pin_screen = ThanksScreen(), PinScreen()
        self.stack = QStackedWidget()
        for screen in (self.start_screen, self.question_screen, self.thanks_screen, self.pin_screen):
            self.stack.addWidget(screen)
        self.ko_button = self._language_button("한국어", "kioskKorean")
        self.en_button = self._language_button("English", "kioskEnglish")
        self.staff_button = QPushButton()
        self.staff_button.setObjectName("kioskStaff")
        self.staff_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        bottom = QHBoxLayout()
        bottom.addWidget(self.staff_button)
        bottom.addStretch(1)
        bottom.addWidget(self.ko_button)
        bottom.addWidget(self.en_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 32, 48, 24)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)
        self.overlay = CountdownOverlay(self)

    @staticmethod
    def _language_button(text: str, name: str) -> QPushButton:
        button = big_button(text, name, 56, 140)
        button.setCheckable(True)
        button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        return button

    def _connect(self) -> None:
        self.start_screen.button.clicked.connect(self.begin)
        self.question_screen.back_button.clicked.connect(self.back)
        self.question_screen.next_button.clicked.connect(self.forward)
        self.pin_screen.entered.connect(self._pin_entered)
        self.pin_screen.cancelled.connect(self.reset)
        self.overlay.continue_button.clicked.connect(self._keep_going)
        self.ko_button.clicked.connect(lambda: self.set_language("ko"))
        self.en_button.clicked.connect(lambda: self.set_language("en"))
        self.staff_button.clicked.connect(self.ask_pin)

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
        return kiosk_text(key, self.language, **values)

    def set_language(self, language: str) -> None:
        self._take_typed()  # the screen is rebuilt in the other language: keep what was typed
        self.language = language
        self._texts()
        if self.stack.currentIndex() == QUESTION and self.index is not None:
            self._show_item()

    def _texts(self) -> None:
        title, intro, thanks = self.q.shown(self.language)
        self.start_screen.set_texts(self.t, title, intro)
        self.thanks_screen.label.setText(thanks)
        for screen in (self.question_screen, self.overlay, self.pin_screen):
            screen.set_texts(self.t)
        self.staff_button.setText(self.t("staff"))
        self.ko_button.setChecked(self.language == "ko")
        self.en_button.setChecked(self.language == "en")
        if self.overlay.isVisible():
            self.overlay.countdown.setText(self.t("countdown", n=self.remaining))

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
        self.stack.setCurrentIndex(START)

    def begin(self) -> None:
        self.started_at = time.monotonic()
        self.index = next_shown(self.q, self.answers, -1)
        self.stack.setCurrentIndex(QUESTION)
        self.idle.start()
        self._show_item()

    @property
    def item(self) -> Item:
        return self.q.items[self.index]

    @property
    def text_input(self) -> QLineEdit | QPlainTextEdit | None:
        """The text field of the item on screen, if it has one."""
        return self.answer_area.text_input if self.answer_area is not None else None

    @property
    def choice_buttons(self) -> dict[object, QPushButton]:
        return self.answer_area.choice_buttons if self.answer_area is not None else {}

    def _show_item(self) -> None:
        item, screen = self.item, self.question_screen
        shown = [i for i, it in enumerate(self.q.items) if visible(it, self.answers, self.q)
                 or i == self.index]
        position = shown.index(self.index)
        screen.progress.setText("● " * (position + 1) + "○ " * (len(shown) - position - 1))
        screen.question.setText(item.shown_text(self.language))
        screen.hint.clear()
        self.answer_area = AnswerArea(item, self.language, self.answers)
        self.answer_area.chosen.connect(self.choose)
        self.answer_area.typed.connect(self._update_next)
        screen.show_answers(self.answer_area, self.answer_area.keyboard)
        screen.back_button.setVisible(bool(self.history))
        self._update_next()

    def choose(self, value, multi: bool = False) -> None:
        """A tap on a choice: a single answer advances by itself (a matrix once every row is
        answered); several choices wait for 다음."""
        item, area = self.item, self.answer_area
        if item.type is ItemType.MATRIX:
            key, number = value
            self.answers[key] = number
            area.mark_row(key, number)
            if area.answered(self.answers):
                self.forward()
            return
        if multi:
            area.toggle(value, self.answers)
            self._update_next()
            return
        self.answers[item.code] = value
        if area.text_input is not None:  # a choice with a 기타 field: the choice is enough
            area.text_input.clear()
        self.forward()

    def _update_next(self) -> None:
        if self.index is None:
            return
        area = self.answer_area
        last = next_shown(self.q, {**self.answers, **area.pending()}, self.index) is None
        # A required item offers no 건너뛰기: its 다음, tapped unanswered, says why it waits.
        skipping = not area.answered(self.answers) and not self.item.required
        self.question_screen.next_button.setText(self.t("finish") if last else
                                                 self.t("skip") if skipping else self.t("next"))

    def _take_typed(self) -> None:
        if self.answer_area is not None and self.index is not None:
            self.answer_area.take_typed(self.answers)

    def forward(self) -> None:
        item, hint = self.item, self.question_screen.hint
        self._take_typed()
        if item.code in self.answers and item.type is not ItemType.MATRIX:
            try:  # a typed number, date or long text is checked here, not at the end
                self.answers[item.code] = check_answer(item, self.answers[item.code])
            except DomainError:
                hint.setText(self.t("invalid"))
                return
        if not self.answer_area.answered(self.answers):
            if item.required:
                hint.setText(self.t("required"))
                return
            if item.soft_required and item.code not in self.soft_warned:
                self.soft_warned.add(item.code)
                hint.setText(self.t("soft"))
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
        self.thanks_screen.label.setText(self.t("sending"))
        self.stack.setCurrentIndex(THANKS)
        self.runner.run(lambda control: surveys.submit(ctx, code, "kiosk", answers, seconds),
                        self._stored, self._not_stored)

    def _stored(self, done) -> None:
        self.answers = {}
        self.thanks_screen.label.setText(self.q.shown(self.language)[2])
        self.thanks_timer.start()
        self.submitted.emit(done)

    def _not_stored(self, error) -> None:
        self.answers = {}
        detail = ""
        if isinstance(error, DomainError):
            from pcrm_desktop.ui.i18n import error_text
            detail = "\n" + error_text(error)
        self.thanks_screen.label.setText(self.t("failed") + detail)
        self.thanks_timer.start()

    # --- idle -----------------------------------------------------------------------------
    def _activity(self) -> None:
        if self.stack.currentIndex() in (QUESTION, PIN) and not self.overlay.isVisible():
            self.idle.start()  # restart the wait (a question, or staff typing the PIN)

    def _idle_timeout(self) -> None:
        if self.stack.currentIndex() not in (QUESTION, PIN):
            return
        self.remaining = self.countdown_seconds
        self.overlay.countdown.setText(self.t("countdown", n=self.remaining))
        self.overlay.setGeometry(self.rect())
        self.overlay.show()
        self.overlay.raise_()
        self.tick.start()

    def _tick(self) -> None:
        self.remaining -= 1
        if self.remaining <= 0:
            self.reset()  # the half-answered form is discarded
            return
        self.overlay.countdown.setText(self.t("countdown", n=self.remaining))

    def _keep_going(self) -> None:
        self.tick.stop()
        self.overlay.hide()
        self.idle.start()

    # --- leaving --------------------------------------------------------------------------
    def ask_pin(self) -> None:
        self.thanks_timer.stop()  # the thank-you screen must not reset the PIN pad
        self.pin_screen.clear()
        self.stack.setCurrentIndex(PIN)
        self.idle.start()  # an abandoned PIN screen returns to the start too

    def _pin_entered(self, pin: str) -> None:
        from pcrm_desktop.services import surveys
        wait = self.pin_locked_until - time.monotonic()
        if wait > 0:  # too many wrong tries: the pad waits, longer each time
            self.pin_screen.message.setText(self.t("pin_wait", n=int(wait) + 1))
            return
        ctx, message = self.ctx, self.pin_screen.message
        self.runner.run(lambda control: surveys.leave_kiosk(ctx, pin), self._pin_checked,
                        lambda error: message.setText(self.t("pin_wrong")))

    def _pin_checked(self, ok: bool) -> None:
        if not ok:
            self.pin_failures += 1
            wait = pin_wait_seconds(self.pin_failures)
            self.pin_locked_until = time.monotonic() + wait
            self.pin_screen.message.setText(self.t("pin_wait", n=wait) if wait else self.t("pin_wrong"))
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
