"""The main window's menus — 파일 (화면 잠금, 비밀번호 변경, 종료), 보기 (언어, 글자 크기),
도움말 (사용자 안내서, 정보) — and its keyboard shortcuts (F5, Ctrl+K, Ctrl+N, Ctrl+Shift+N,
Ctrl+1…). Each calls the window's own method or signal; the texts keep the window's
translation context (MainWindow). `window` is ui/main_window.MainWindow (not imported
here: the window imports this module)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QShortcut
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QMenuBar

from pcrm_desktop.ui.help_window import HelpKey
from pcrm_desktop.ui.settings import FONT_SCALES


def add_shortcuts(window: QMainWindow) -> None:
    QShortcut(QKeySequence(Qt.Key.Key_F5), window, activated=window.refresh_current)
    QShortcut(QKeySequence("Ctrl+K"), window, activated=window.focus_search)
    QShortcut(QKeySequence("Ctrl+N"), window, activated=window.new_complaint)
    QShortcut(QKeySequence("Ctrl+Shift+N"), window, activated=window.new_citizen)
    for number in range(len(window.entries)):
        QShortcut(QKeySequence(f"Ctrl+{number + 1}"), window,
                  activated=lambda n=number: window.go_to_numbered(n))


def _choices(window: QMainWindow, menu: QMenu, choices, chosen, emit) -> QActionGroup:
    """Checkable actions, one checked, each emitting its value (a language, a text size)."""
    group = QActionGroup(window)
    for value, name in choices:
        action = QAction(name, window, checkable=True, checked=value == chosen)
        action.triggered.connect(lambda _=False, v=value: emit(v))
        group.addAction(action)
        menu.addAction(action)
    return group


def _menu(into: QMenuBar | QMenu) -> QMenu:
    """A menu made here rather than by Qt (`addMenu("")`), so its wrapper is PySide's own and
    learns of the menu's end (see ui/accessibility.py on wrappers of objects Qt made)."""
    menu = QMenu(into)  # as Qt's addMenu(title) makes it
    into.addMenu(menu)
    return menu


class MainMenus:
    def __init__(self, window: QMainWindow) -> None:
        bar = window.menuBar()
        self.file_menu = _menu(bar)
        # the guide promises Ctrl+Q everywhere; Qt's StandardKey.Quit has no key on Windows
        self.quit_action = QAction(window, shortcut=QKeySequence("Ctrl+Q"), triggered=window.close)
        self.file_menu.addAction(self.quit_action)
        self.view_menu = _menu(bar)
        self.language_menu = _menu(self.view_menu)
        self.language_actions = _choices(window, self.language_menu, (("ko", "한국어"), ("en", "English")),
                                         window.language, window.language_requested.emit)
        self.scale_menu = _menu(self.view_menu)
        self.scale_actions = _choices(window, self.scale_menu, [(p, f"{p}%") for p in FONT_SCALES],
                                      window.font_scale, window.font_scale_requested.emit)
        self.lock_action = QAction(window, shortcut=QKeySequence("Ctrl+L"), triggered=window.lock_now)
        self.password_action = QAction(window, triggered=lambda: window.change_password())
        self.file_menu.insertAction(self.quit_action, self.lock_action)
        self.file_menu.insertAction(self.quit_action, self.password_action)
        self.file_menu.insertSeparator(self.quit_action)
        self.help_menu = _menu(bar)
        self.help_action = QAction(window, shortcut=QKeySequence(Qt.Key.Key_F1),
                                   triggered=window.show_help)
        # a dialog modal to this window (entering a 민원, a survey on paper) keeps shortcuts
        # from it: F1 pressed there arrives as a key press, caught here
        self.f1_filter = HelpKey(window)
        QApplication.instance().installEventFilter(self.f1_filter)
        self.about_action = QAction(window, triggered=window.show_about)
        self.help_menu.addAction(self.help_action)
        self.help_menu.addSeparator()
        self.help_menu.addAction(self.about_action)

    def retranslate_ui(self) -> None:
        self.file_menu.setTitle(QCoreApplication.translate("MainWindow", "파일(&F)"))
        self.quit_action.setText(QCoreApplication.translate("MainWindow", "종료(&X)"))
        self.lock_action.setText(QCoreApplication.translate("MainWindow", "화면 잠금(&L)"))
        self.password_action.setText(QCoreApplication.translate("MainWindow", "비밀번호 변경(&P)…"))
        self.view_menu.setTitle(QCoreApplication.translate("MainWindow", "보기(&V)"))
        self.language_menu.setTitle(QCoreApplication.translate("MainWindow", "언어 / Language"))
        self.scale_menu.setTitle(QCoreApplication.translate("MainWindow", "글자 크기"))
        self.help_menu.setTitle(QCoreApplication.translate("MainWindow", "도움말(&H)"))
        self.help_action.setText(QCoreApplication.translate("MainWindow", "사용자 안내서(&U)"))
        self.about_action.setText(QCoreApplication.translate("MainWindow", "PCRM Desktop 정보"))

    def stop(self) -> None:
        """The window closes: F1 no longer reaches it."""
        QApplication.instance().removeEventFilter(self.f1_filter)
