"""분석·개선 through the real widgets on demo data with a built-in gap: the slow group is
flagged, an improvement action is made from that row, moved to done and evaluated; the IPA
chart names the items to fix first; screenshots."""
from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QApplication

from pcrm_desktop.services.demo import DemoRequest, fill_demo
from tests.dbutil import rows
from tests.ui.helpers import save_screenshot, type_text


@pytest.fixture
def page(qtbot, backend, no_message_boxes):
    from pcrm_desktop.app import Application
    from tests.ui.conftest import _args
    fill_demo(backend.ctx, DemoRequest(citizens=800, complaints=4000, responses=2500, seed=11))
    app = Application(_args(), QApplication.instance())
    app.open_window(backend)
    from tests.ui.helpers import sign_in_demo
    sign_in_demo(qtbot, app)
    qtbot.addWidget(app.window)
    app.window.resize(1366, 800)
    page = app.window.open_page("analysis")
    _idle(qtbot, page)
    yield page
    app.runner.wait(10000)


def _idle(qtbot, page):
    qtbot.waitUntil(lambda: not page.runner.busy(), timeout=30000)
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not page.runner.busy(), timeout=30000)


def test_gap_to_action_to_evaluation(qtbot, page, db_path, screenshot_dir):
    # no task yet: the empty list says how one is made
    assert page.actions_model.rowCount() == 0 and "[이 수치로 개선과제 만들기…]" in page.action_info.text()
    today = page.ctx.clock().date()
    page.first.setDate(QDate(today - timedelta(days=365)))
    page.last.setDate(QDate(today - timedelta(days=120)))  # the baseline; the rest evaluates
    _idle(qtbot, page)
    model = page.groups_model
    labels = [model.row(r).label for r in range(model.rowCount())]
    assert labels[0] == "전체" and "기초생활수급자" in labels
    slow = labels.index("기초생활수급자")
    row = model.row(slow)
    assert (row.on_time_gap and row.on_time_gap.significant) or (row.days_gap and row.days_gap.significant)
    flagged = model.data(model.index(slow, 6)) + model.data(model.index(slow, 8))
    assert "불리" in flagged
    save_screenshot(page.window(), screenshot_dir, "analysis-groups")
    page.groups.selectRow(slow)
    page.metric_choice.setCurrentIndex(page.metric_choice.findData("on_time"))
    dialog = page.make_action()
    type_text(dialog.title, "기초생활수급자 민원 기한 지키기")
    dialog.measure.setPlainText("복지 담당 전담 배정, 매주 기한 점검")
    with qtbot.waitSignal(dialog.accepted, timeout=10000):
        dialog.save()
    _idle(qtbot, page)
    assert page.tabs.currentIndex() == 2 and page.actions_model.rowCount() == 1
    assert page.action_info.text() == ""  # the hint goes with the first task
    stored = rows(db_path, "SELECT figure_key, metric, baseline_value, baseline_n FROM improvement_actions")[0]
    assert stored[0] == row.key and stored[1] == "on_time"
    assert stored[2] == pytest.approx(row.on_time.value) and stored[3] == row.on_time.n
    page.actions.selectRow(0)
    page.move(__import__("pcrm_desktop.domain.actions", fromlist=["ActionStatus"]).ActionStatus.IN_PROGRESS)
    _idle(qtbot, page)
    page.actions.selectRow(0)
    page.move(__import__("pcrm_desktop.domain.actions", fromlist=["ActionStatus"]).ActionStatus.DONE)
    _idle(qtbot, page)
    page.actions.selectRow(0)
    assert page.actions_model.row(0)["status"] == "done"
    page.evaluate((today - timedelta(days=150), today))  # overlapping the baseline …
    _idle(qtbot, page)
    assert page.actions_model.row(0)["status"] == "done"  # … is refused
    page.actions.selectRow(0)
    page.evaluate((today - timedelta(days=119), today))   # the months after it
    _idle(qtbot, page)
    evaluated = page.actions_model.row(0)
    assert evaluated["status"] == "evaluated" and evaluated["after_n"] > 0
    assert page.action_info.text().startswith("기초생활수급자 민원 기한 지키기: ")
    assert evaluated["evaluation"].split(" ")[0] in page.action_info.text()
    save_screenshot(page.window(), screenshot_dir, "analysis-actions")


def test_ipa_names_the_items_to_fix_first(qtbot, page, screenshot_dir):
    page.tabs.setCurrentIndex(1)
    page.survey.setCurrentIndex(page.survey.findData("COUNTER"))
    today = page.ctx.clock().date()
    page.first.setDate(QDate(today - timedelta(days=120)))
    _idle(qtbot, page)
    ipa = page.ipa
    assert ipa.enough and ipa.responses >= 100
    assert all(-1 <= i.importance <= 1 for i in ipa.items if i.importance is not None)
    names = {i.code: i.label for i in ipa.items}
    assert all(names[c] in page.ipa_text.text() for c in ipa.fix_first)
    save_screenshot(page.window(), screenshot_dir, "analysis-ipa")
