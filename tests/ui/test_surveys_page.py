"""만족도 조사 page through the real widgets: figures worked by hand (참고 mark, suppression,
a significant change with its arrow), a breakdown, callbacks closed by a manager, new survey,
item editing that makes a new version, kiosk setup; screenshots on the demo's three months."""
from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication

from pcrm_desktop.services import surveys
from pcrm_desktop.services.demo import DemoRequest, fill_demo
from tests.dbutil import rows
from tests.ui.helpers import save_screenshot, type_text


def _open(qtbot, backend, demo: bool = False, login: str = "admin"):
    from pcrm_desktop.app import Application
    from tests.ui.conftest import _args
    from tests.ui.helpers import sign_in, sign_in_demo
    app = Application(_args(), QApplication.instance())
    app.open_window(backend)
    sign_in_demo(qtbot, app, login) if demo else sign_in(qtbot, app)
    qtbot.addWidget(app.window)
    app.window.resize(1366, 768)
    page = app.window.open_page("surveys")
    _idle(qtbot, page)
    return app, page


def _idle(qtbot, page):
    qtbot.waitUntil(lambda: not page.runner.busy(), timeout=15000)
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not page.runner.busy(), timeout=15000)


def _cell(model, row: int, col: int) -> str:
    return model.data(model.index(row, col))


@pytest.fixture
def by_hand(backend, admin_ctx):
    """Last month: OVERALL 40 × 3. This month: OVERALL 20 × 5 and 20 × 3 (75 points, n 40:
    참고), KIND 10 × 4 (n 10: not shown). Dated from today's month (the page opens on it),
    always in the past: the 1st at 00:00, or a minute ago."""
    today = admin_ctx.clock().replace(second=0, microsecond=0)
    surveys.create_survey(admin_ctx, "HAND", "MINWON", linked=False)
    last_month = (today.replace(day=1) - timedelta(days=1)).replace(day=3, hour=10, minute=0)
    for _ in range(40):
        surveys.submit(admin_ctx, "HAND", "paper", {"OVERALL": 3}, submitted_at=last_month)
    first_day = today.replace(day=1, hour=0, minute=0)
    for n in range(40):
        answers = {"OVERALL": 5 if n < 20 else 3}
        if n < 10:
            answers["KIND"] = 4
        when = first_day if n % 3 else max(first_day, today - timedelta(minutes=1))
        surveys.submit(admin_ctx, "HAND", "kiosk" if n % 2 else "paper", answers, seconds=60,
                       submitted_at=when)
    return backend


def test_figures_worked_by_hand(qtbot, by_hand, no_message_boxes):
    app, page = _open(qtbot, by_hand)
    assert page.survey.currentData() == "HAND"
    overall = page.cards["overall"]
    assert overall.value.text() == "75.0 (참고)"
    assert "n 40" in overall.detail.text() and "▲ +25.0" in overall.detail.text()
    model = page.items_model
    labels = [_cell(model, r, 0) for r in range(model.rowCount())]
    kind = labels.index("친절")  # items by their names, not their codes (issue 18)
    assert _cell(model, kind, 1) == "— (n 10)" and _cell(model, kind, 2) == ""
    assert _cell(model, labels.index("전반적 만족"), 6) == "▲ +25.0"
    assert page.cards["responses"].value.text() == "40"
    page.by.setCurrentIndex(page.by.findData("mode"))
    _idle(qtbot, page)
    groups = {_cell(page.groups_model, r, 0): _cell(page.groups_model, r, 3)
              for r in range(page.groups_model.rowCount())}
    assert groups == {"서면": "20", "키오스크": "20"}
    app.runner.wait(5000)


def test_new_survey_edit_makes_a_version_and_kiosk_setup(qtbot, backend, admin_ctx,
                                                          no_message_boxes, db_path):
    app, page = _open(qtbot, backend)
    dialog = page.new_survey()
    type_text(dialog.code, "desk_2027")
    dialog.template.setCurrentIndex(dialog.template.findData("COUNTER"))
    dialog.save()
    _idle(qtbot, page)
    assert rows(db_path, "SELECT code, title, linked FROM surveys") == [
        ("DESK_2027", "창구 민원 만족도 조사", 0)]
    assert page.survey.currentData() == "DESK_2027"
    surveys.submit(admin_ctx, "DESK_2027", "kiosk", {"OVERALL": 4})
    page.reload()
    _idle(qtbot, page)
    editor = page.edit_survey()
    assert "v2" in editor.warning.text()
    editor.table.item(0, 2).setText("안내 표지판이나 직원 안내로 찾아오기 쉬웠습니까?")
    editor.save()
    _idle(qtbot, page)
    versions = rows(db_path, "SELECT version, frozen_at IS NOT NULL FROM survey_versions ORDER BY version")
    assert versions == [(1, 1), (2, 0)]
    _, q = surveys.questionnaire(admin_ctx, "DESK_2027")
    assert q.item("ACCESS").text == "안내 표지판이나 직원 안내로 찾아오기 쉬웠습니까?"
    assert q.item("ACCESS").text_en  # what the table does not show is kept
    setup = page.kiosk_setup()
    type_text(setup.pin, "4821")
    type_text(setup.pin_again, "4822")
    setup.save()
    assert setup.error.text() == "두 PIN이 다릅니다."
    type_text(setup.pin_again, "4821")
    setup.save()
    _idle(qtbot, page)
    assert surveys.kiosk_setup(admin_ctx) == surveys.KioskSetup("DESK_2027", True)
    app.runner.wait(5000)


def test_demo_results_and_callbacks(qtbot, backend, no_message_boxes, db_path, screenshot_dir,
                                     monkeypatch):
    fill_demo(backend.ctx, DemoRequest(citizens=200, complaints=1500, responses=3000, seed=5))
    app, page = _open(qtbot, backend, demo=True)
    page.survey.setCurrentIndex(page.survey.findData("COUNTER"))
    _idle(qtbot, page)
    assert page.results.trend.current.responses > 30
    assert page.cards["overall"].value.text()[0].isdigit()
    save_screenshot(page.window(), screenshot_dir, "survey-results")
    page.tabs.setCurrentIndex(1)
    page.by.setCurrentIndex(page.by.findData("mode"))
    _idle(qtbot, page)
    save_screenshot(page.window(), screenshot_dir, "survey-results-breakdown")
    page.tabs.setCurrentIndex(2)
    assert page.flagged_model.rowCount() > 0  # the demo has very fast kiosk answers
    save_screenshot(page.window(), screenshot_dir, "survey-results-quality")
    page.survey.setCurrentIndex(page.survey.findData("HAPPYCALL"))
    _idle(qtbot, page)
    open_callbacks = rows(db_path, "SELECT count(*) FROM survey_callbacks WHERE done_at IS NULL")[0][0]
    assert page.callbacks_model.rowCount() == open_callbacks > 0
    page.tabs.setCurrentIndex(3)
    assert page.tabs.tabText(3) == f"관리자 회신 ({open_callbacks})"
    save_screenshot(page.window(), screenshot_dir, "survey-callbacks")
    page.callbacks.selectRow(0)
    from pcrm_desktop.ui import dialogs
    monkeypatch.setattr(dialogs, "ask_text", lambda *a: "팀장이 전화해 다시 안내함")
    page.close_callback()
    _idle(qtbot, page)
    assert page.callbacks_model.rowCount() == open_callbacks - 1
    assert rows(db_path, "SELECT count(*) FROM audit_log WHERE action = 'survey.callback'") == [(1,)]
    app.runner.wait(5000)


def test_a_clerk_sees_the_figures_without_the_managers_callback_tab(qtbot, backend,
                                                                     no_message_boxes):
    """The callbacks tab is for managers only; leaving it out once deleted its button with it,
    and every later result failed on the deleted button: a clerk saw only dashes."""
    fill_demo(backend.ctx, DemoRequest(citizens=100, complaints=300, responses=1500, seed=7))
    app, page = _open(qtbot, backend, demo=True, login="clerk01")
    page.survey.setCurrentIndex(page.survey.findData("COUNTER"))
    _idle(qtbot, page)
    assert page.tabs.count() == 3
    assert page.results is not None and page.results.trend.current.responses > 30
    assert page.cards["overall"].value.text()[0].isdigit()
    assert page.items_model.rowCount() > 0
    app.runner.wait(5000)
