"""The dashboard on demo data: today's figures equal the database's, this month's satisfaction
carries its n, and each figure opens the list behind it; a screenshot."""
from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from pcrm_desktop.services.demo import DemoRequest, fill_demo
from tests.dbutil import rows
from tests.ui.helpers import save_screenshot


@pytest.fixture
def window(qtbot, backend, no_message_boxes):
    from pcrm_desktop.app import Application
    from tests.ui.conftest import _args
    fill_demo(backend.ctx, DemoRequest(citizens=300, complaints=2000, responses=1500, seed=13))
    app = Application(_args(), QApplication.instance())
    app.open_window(backend)
    from tests.ui.helpers import sign_in_demo
    sign_in_demo(qtbot, app)
    qtbot.addWidget(app.window)
    app.window.resize(1366, 800)
    yield app.window
    app.runner.wait(10000)


def _idle(qtbot, window):
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=20000)
    QApplication.processEvents()


def _click(qtbot, card) -> None:
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))


def test_figures_and_click_through(qtbot, window, db_path, screenshot_dir):
    page = window.pages["dashboard"]
    _idle(qtbot, window)
    now = datetime.now()
    today, tomorrow = now.date().isoformat(), (now.date() + timedelta(days=1)).isoformat()
    stamp = now.isoformat(" ", "microseconds")
    received = rows(db_path, "SELECT count(*) FROM complaints WHERE received_at >= ? AND received_at < ?",
                    today, tomorrow)[0][0]
    overdue = rows(db_path, "SELECT count(*) FROM complaints WHERE open = 1 AND due_at < ?", stamp)[0][0]
    due_today = rows(db_path, "SELECT count(*) FROM complaints WHERE open = 1 AND due_at >= ? AND due_at < ?",
                     today, tomorrow)[0][0]
    assert page.cards["received"].value.text() == f"{received:,}"
    assert page.cards["overdue"].value.text() == f"{overdue:,}" and overdue > 0
    assert page.cards["due_today"].value.text() == f"{due_today:,}"
    month = now.date().replace(day=1).isoformat()
    answers = rows(db_path, "SELECT count(a.value_num) FROM survey_answers a JOIN survey_responses r"
                            " ON r.id = a.response_id JOIN survey_versions v ON v.id = r.version_id"
                            " JOIN surveys s ON s.id = v.survey_id WHERE a.item = 'OVERALL' AND s.code = ?"
                            " AND r.submitted_at >= ?", page._today.survey, month)[0][0]
    assert f"n {answers:,}" in page.cards["satisfaction"].detail.text()
    assert len(page.trend.points) == 12 and page.trend.points[-1].received == rows(
        db_path, "SELECT count(*) FROM complaints WHERE received_at >= ?", month)[0][0]
    save_screenshot(window, screenshot_dir, "dashboard")
    _click(qtbot, page.cards["overdue"])  # → the overdue queue
    complaints = window.pages["complaints"]
    assert window.stack.currentWidget() is complaints
    assert complaints.QUEUES[complaints.tabs.currentIndex()] == "overdue"
    window.open_page("dashboard")
    _click(qtbot, page.cards["received"])  # → every case received today
    _idle(qtbot, window)
    assert complaints.day_label.isVisible() and complaints.day_label.text() == f"접수일 {today}"
    qtbot.waitUntil(lambda: not complaints.model.is_loading(), timeout=10000)
    assert complaints.model.rowCount() == min(received, 100)
    complaints.clear_day_filter()
    assert not complaints.day_label.isVisible()
