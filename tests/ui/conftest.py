from __future__ import annotations

import argparse

import pytest


@pytest.fixture(scope="session", autouse=True)
def _qt_settings_and_translations(tmp_path_factory):
    """Private QSettings and compiled translations for every UI test."""
    from PySide6.QtCore import QCoreApplication, QSettings

    from pcrm_desktop import APP_NAME, ORG_NAME
    from pcrm_desktop.ui.i18n_build import build
    build()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path_factory.mktemp("qsettings")))
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    yield
    # the app's collector (ui/collector.py) turned Python's automatic collection off; the
    # tests after these run no event loop for its timer
    import gc
    gc.enable()


@pytest.fixture
def no_message_boxes(monkeypatch):
    """Record message boxes instead of showing them (a modal box would hang the test)."""
    shown: list[tuple[str, str]] = []
    from pcrm_desktop.ui import dialogs
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: shown.append((title, text)))
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: shown.append((title, text)))
    return shown


def _args(**overrides) -> argparse.Namespace:
    values = dict(db=None, lang="ko", user=None, exit_after_show=False)
    values.update(overrides)
    return argparse.Namespace(**values)


@pytest.fixture
def application(qtbot, backend):
    from PySide6.QtWidgets import QApplication

    from pcrm_desktop.app import Application
    app = Application(_args(), QApplication.instance())
    app.open_window(backend)
    qtbot.addWidget(app.window)
    yield app
    app.runner.wait(5000)


@pytest.fixture(autouse=True)
def _fresh_settings():
    """Each test starts with no saved window state, language or last user."""
    from PySide6.QtCore import QSettings
    QSettings().clear()
    yield
    QSettings().clear()


# --- fixtures many UI tests share ------------------------------------------------------------

@pytest.fixture
def korean_font(qapp):
    """The Korean TTF as the application font, as the program installs it before any window
    (screenshots are looked at: Hangul, not boxes); the font before it comes back after."""
    from pcrm_desktop.ui.appearance import install_korean_font
    before = qapp.font()
    install_korean_font(qapp)
    yield
    qapp.setFont(before)


@pytest.fixture
def shots(qapp):
    """/tmp/pcrm-shots, with the Korean font installed: where the case tests save screenshots."""
    from pathlib import Path

    from pcrm_desktop.ui.appearance import install_korean_font
    install_korean_font(qapp)
    folder = Path("/tmp/pcrm-shots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
def runner():
    """A background runner of the test's own, its work finished before the test's end."""
    from pcrm_desktop.ui.tasks import TaskRunner
    made = TaskRunner()
    yield made
    made.wait(10000)


@pytest.fixture
def asked(monkeypatch):
    """The questions put through dialogs.ask_choice, answered with `asked.answer` (a modal box
    would hang the test)."""
    from pcrm_desktop.ui import dialogs

    class Asked(list):
        answer = None
    record = Asked()

    def ask_choice(parent, title, text, choices):
        record.append(text)
        return record.answer
    monkeypatch.setattr(dialogs, "ask_choice", ask_choice)
    return record


@pytest.fixture
def language():
    """Switch the language in a test; Korean again after it."""
    from pcrm_desktop.ui.i18n import LanguageManager
    manager = LanguageManager()
    yield manager
    manager.set_language("ko")
