"""The window on an office server (issue 20: every screen works on both backends, and nothing
says "로컬 SQLite 파일" when it is a server): a demo office on the test cluster, every page of the
menu opened with no error, the status bar and the dashboard naming the server, and 설정 › 백업
making a checked server backup; screenshots."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from pcrm_desktop import cli
from tests.ui.helpers import save_screenshot


@pytest.fixture
def server_window(qtbot, pg_server, no_message_boxes, monkeypatch, tmp_path):
    from pcrm_desktop.app import Application
    from pcrm_desktop.bootstrap import open_backend
    from tests.ui.conftest import _args
    from tests.ui.helpers import sign_in_demo
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))   # the server backups' folder
    url = pg_server.new_database(empty=True)
    assert cli.main(["demo", "--db", url, "--citizens", "80", "--complaints", "120",
                     "--responses", "60", "--seed", "4"]) == 0
    backend = open_backend(url)
    app = Application(_args(), QApplication.instance())
    app.open_window(backend)
    sign_in_demo(qtbot, app)
    qtbot.addWidget(app.window)
    app.window.resize(1366, 800)
    yield app.window, no_message_boxes
    # closed, its tasks done and the window gone BEFORE its database is dropped: a page that
    # refreshed afterwards would say "서버에 연결할 수 없습니다" into the next test
    app.runner.wait(10000)
    app.window.close()
    app.window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)  # gone now, its timers too
    app.runner.wait(10000)
    QApplication.processEvents()
    backend.close()
    pg_server.drop(url)


def _idle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=30000)
    QApplication.processEvents()


def test_every_page_on_a_server_and_a_server_backup(qtbot, server_window, screenshot_dir):
    window, shown = server_window
    _idle(qtbot, window)
    assert window.status_bar.database.text().startswith("DB: 사무실 서버 (")
    dashboard = window.pages["dashboard"]
    assert "사무실 서버 (PostgreSQL)" in dashboard.database_card.detail.text()
    assert "SQLite" not in dashboard.database_card.detail.text()
    save_screenshot(window, screenshot_dir, "server-dashboard")
    for entry in window.entries:
        if window._allowed(entry):
            window.open_page(entry.key)
            _idle(qtbot, window)
    assert shown == [], shown                      # no page said it failed
    page = window.open_page("settings")
    _idle(qtbot, window)
    backups = _backup_settings(page)
    assert "서버 담당자가 정해 둔 일정으로" in backups.note.text()
    assert "pg_dump (이 PC의 PostgreSQL 클라이언트 도구)" in backups.folder.text()
    assert not backups.table.isVisible() and not backups.restore_file_button.isVisible()
    assert not backups.export_button.isEnabled() and not backups.restore_file_button.isEnabled()
    backups.backup_button.click()
    qtbot.waitUntil(lambda: "서버를 백업하고 검사했습니다" in backups.status.text(), timeout=60000)
    made = backups.status.text().split(": ", 1)[1].rsplit(" (", 1)[0]
    from pathlib import Path
    assert Path(made).is_file() and Path(made).stat().st_size > 10_000
    save_screenshot(window, screenshot_dir, "server-backups")
    window.show_about()                            # 정보: the server and the schema it holds
    about = window.about_dialog
    from pcrm_desktop.db.health import HEAD_REVISION
    qtbot.waitUntil(lambda: HEAD_REVISION in about._schema_text() and "읽지" not in about._schema_text(),
                    timeout=10000)
    assert about._facts()[1][1]() == "데이터베이스 서버"
    save_screenshot(about, screenshot_dir, "server-about")
    about.close()


def _backup_settings(page):
    from pcrm_desktop.ui.pages.backup_settings import BackupSettings
    found = page.findChildren(BackupSettings)
    assert found, "설정 has no backups section"
    section = found[0]
    from PySide6.QtWidgets import QTabWidget
    tabs = next(t for t in page.findChildren(QTabWidget) if t.indexOf(section) >= 0)
    tabs.setCurrentWidget(section)
    return section
