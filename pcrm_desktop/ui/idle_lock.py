"""The idle lock: after a set time without keyboard or mouse, every window of the app is covered
and only the signed-in person's password uncovers it.

Nothing is closed or reset: open dialogs stay open under their cover, with what was typed in
them, and the focus returns where it was. While locked, an application-wide event filter lets
keyboard and mouse input reach the lock panel only (shortcuts and menus included), and window
titles, which can name a resident, read "잠김".
"""
from __future__ import annotations

import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop import APP_NAME
from pcrm_desktop.domain.accounts import MAX_FAILED_LOGINS
from pcrm_desktop.domain.errors import DomainError
from pcrm_desktop.services import accounts as account_service
from pcrm_desktop.ui.i18n import Retranslatable, error_text

COVER_COLOR = QColor("#27323f")
CHECK_INTERVAL_MS = 5000

_INPUT = {QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.MouseButtonPress,
          QEvent.Type.MouseButtonRelease, QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel,
          QEvent.Type.MouseMove, QEvent.Type.TouchBegin, QEvent.Type.InputMethod}
# Refused while locked unless meant for the lock panel.
_BLOCKED = _INPUT | {QEvent.Type.ShortcutOverride, QEvent.Type.Shortcut,
                     QEvent.Type.ContextMenu, QEvent.Type.TouchUpdate, QEvent.Type.TouchEnd}


class _Cover(QWidget):
    """An opaque sheet over one window, kept at the window's size."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("idleCover")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, COVER_COLOR)
        self.setPalette(palette)
        self.setGeometry(window.rect())
        window.installEventFilter(self)
        self.show()
        self.raise_()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.setGeometry(watched.rect())
            self.raise_()
        return False


class LockPanel(Retranslatable, QDialog):
    """The password prompt: its own application-modal window over the main window, so it takes
    input even when a modal dialog was open underneath. It cannot be closed, only unlocked."""

    unlock_requested = Signal(str)
    quit_requested = Signal()

    def __init__(self, parent: QWidget, who: str) -> None:
        super().__init__(parent, Qt.WindowType.Dialog | Qt.WindowType.CustomizeWindowHint
                         | Qt.WindowType.WindowTitleHint)
        self.setObjectName("lockPanel")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.who = who
        self.title = QLabel()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setObjectName("unlockPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.returnPressed.connect(self._submit)
        self.message = QLabel()
        self.message.setObjectName("unlockMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.unlock = QPushButton()
        self.unlock.setObjectName("unlockButton")
        self.unlock.setAutoDefault(False)
        self.unlock.clicked.connect(self._submit)
        self.quit = QPushButton()
        self.quit.setObjectName("lockQuitButton")
        self.quit.setAutoDefault(False)
        self.quit.clicked.connect(self.quit_requested)
        self.quit.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.quit)
        buttons.addWidget(self.unlock)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 24)
        for widget in (self.title, self.hint, self.password, self.message):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        self.setFixedWidth(440)
        self.retranslate_ui()

    def show_over(self, window: QWidget) -> None:
        self.adjustSize()
        centre = window.frameGeometry().center()
        self.move(centre.x() - self.width() // 2, centre.y() - self.height() // 2)
        self.show()
        self.raise_()
        self.activateWindow()
        self.password.setFocus()

    def reject(self) -> None:  # Esc does not close the lock
        pass

    def closeEvent(self, event) -> None:
        event.ignore()

    def retranslate_ui(self) -> None:
        self.password.setAccessibleName(self.tr("비밀번호"))
        self.title.setText(self.tr("화면이 잠겼습니다"))
        self.hint.setText(self.tr("자리를 비운 동안 개인정보를 가렸습니다. {who} 님의 비밀번호를 입력하면 "
                                  "하던 작업으로 돌아갑니다.").format(who=self.who))
        self.setWindowTitle(f"{APP_NAME} — " + self.tr("잠김"))
        self.unlock.setText(self.tr("잠금 해제"))
        self.quit.setText(self.tr("프로그램 종료"))

    def _submit(self) -> None:
        if self.password.text():
            self.unlock.setEnabled(False)
            self.message.setText(self.tr("확인 중…"))
            self.unlock_requested.emit(self.password.text())

    def refused(self, text: str, locked_out: bool) -> None:
        """A locked account keeps the password field: once an admin gives a temporary
        password, it unlocks the screen and the work is still there. 종료 is offered too."""
        self.password.clear()
        self.message.setText(text)
        self.unlock.setEnabled(True)
        self.quit.setVisible(locked_out or self.quit.isVisible())
        self.password.setFocus()


class IdleLock(QObject):
    """Owned by the main window. `minutes` may change (office setting); 0 switches it off."""

    locked_changed = Signal(bool)
    password_change_needed = Signal(str)  # the temporary password that just unlocked

    def __init__(self, main: QMainWindow, context: Callable[[], object], runner,
                 who: Callable[[], str], minutes: int, clock=time.monotonic) -> None:
        super().__init__(main)
        self.main, self.context, self.runner, self.who, self.clock = main, context, runner, who, clock
        self.minutes = minutes
        self.locked = False
        self.last_input = clock()
        self.covers: list[QWidget] = []
        self.titles: list[tuple[QWidget, str]] = []
        self.focus: QWidget | None = None
        self.panel: LockPanel | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_INTERVAL_MS)
        self.timer.timeout.connect(self.check)
        QApplication.instance().installEventFilter(self)
        self.timer.start()

    # --- watching -------------------------------------------------------------------------
    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if self.locked:
            if kind == QEvent.Type.Show and isinstance(watched, QDialog) and watched.isWindow() \
                    and watched is not self.panel and not self.panel.isAncestorOf(watched):
                self._cover(watched)  # a message that arrived while locked is covered too,
                # and the panel becomes the newest modal window again: otherwise Qt would
                # give the input to the message, which this filter refuses, and nobody
                # could unlock
                QTimer.singleShot(0, self._reassert_panel)
            return kind in _BLOCKED and not self._for_panel(watched)
        if kind in _INPUT:
            self.last_input = self.clock()
        return False

    def _for_panel(self, watched) -> bool:
        if self.panel is None or not isinstance(watched, QWidget):
            # Input reaches a window object first and its widget next; shortcuts and actions
            # are not widgets and are refused.
            return not isinstance(watched, QObject) or watched.isWindowType()
        return watched is self.panel or self.panel.isAncestorOf(watched)

    def check(self) -> None:
        if not self.locked and self.minutes > 0 \
                and self.clock() - self.last_input >= self.minutes * 60:
            self.lock()

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    # --- locking --------------------------------------------------------------------------
    def lock(self, manual: bool = False) -> None:
        """Cover every window. `manual`: the person locked it (Ctrl+L), logged as such; else
        the idle time ran out."""
        if self.locked:
            return
        self.locked = True
        app = QApplication.instance()
        focus = app.focusWidget()
        self.focus = focus
        popup = app.activePopupWidget()
        while popup is not None:  # an open menu or completer list would stay above the cover
            popup.close()
            popup = app.activePopupWidget()
        windows = [w for w in app.topLevelWidgets()
                   if w.isVisible() and isinstance(w, (QMainWindow, QDialog))]
        if self.main not in windows:
            windows.append(self.main)
        for window in windows:
            self._cover(window)
        self.panel = LockPanel(self.main, self.who())
        self.panel.unlock_requested.connect(self._try_unlock)
        self.panel.quit_requested.connect(self._quit)
        self.panel.show_over(self.main)
        ctx = self.context()
        action = "session.lock_manual" if manual else "session.lock"
        self.runner.run(lambda control: account_service.record_session(ctx, action),
                        lambda _: None, lambda error: None)
        self.locked_changed.emit(True)

    def _reassert_panel(self) -> None:
        if self.locked and self.panel is not None and shiboken6.isValid(self.panel):
            self.panel.hide()
            self.panel.show_over(self.main)

    def _cover(self, window: QWidget) -> None:
        self.titles.append((window, window.windowTitle()))
        window.setWindowTitle(f"{APP_NAME} — " + self.tr("잠김"))
        self.covers.append(_Cover(window))

    def _try_unlock(self, password: str) -> None:
        ctx = self.context()
        login = ctx.actor.login
        self.runner.run(
            lambda control: account_service.sign_in(ctx, login, password, purpose="unlock"),
            lambda sign_in: self._unlocked(sign_in, password), self._refused)

    def _unlocked(self, sign_in, password: str) -> None:
        self.unlock()
        if sign_in.must_change:  # unlocked with a temporary password from an admin
            self.password_change_needed.emit(password)

    def _refused(self, error: BaseException) -> None:
        if self.panel is None:
            return
        if isinstance(error, DomainError) and error.code == "login_failed":
            # the service's text speaks of a login ID too; the panel asks for the password only
            text = self.tr("비밀번호가 맞지 않습니다. 비밀번호를 {count}번 잇달아 틀리면 계정이 잠깁니다.").format(
                count=error.params.get("count", MAX_FAILED_LOGINS))
        else:
            text = error_text(error) if isinstance(error, DomainError) else str(error)
        locked_out = isinstance(error, DomainError) and error.code in (
            "account_locked", "account_locked_wait", "account_inactive")
        self.panel.refused(text, locked_out)

    def unlock(self) -> None:
        if self.panel is not None:
            self.panel.hide()
            self.panel.deleteLater()
        for cover in self.covers:
            if shiboken6.isValid(cover):
                cover.hide()
                cover.deleteLater()
        for window, title in self.titles:
            if shiboken6.isValid(window):
                window.setWindowTitle(title)
        self.covers, self.titles, self.panel = [], [], None
        self.locked = False
        self.last_input = self.clock()
        if self.focus is not None and shiboken6.isValid(self.focus):
            self.focus.setFocus(Qt.FocusReason.OtherFocusReason)
        self.locked_changed.emit(False)

    def _quit(self) -> None:
        QApplication.instance().quit()
