"""설정 > 민원 기한 through the real widgets: the year's days off from the holidays package, a
temporary holiday added (an open 민원 moves), a day turned back into a working day, periods."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

from PySide6.QtWidgets import QApplication

from pcrm_desktop.domain.complaints import Channel, Intake
from pcrm_desktop.services import complaints
from tests.dbutil import rows
from tests.ui.helpers import save_screenshot, type_text


def _idle(qtbot, widget):
    qtbot.waitUntil(lambda: not widget.runner.busy(), timeout=10000)
    QApplication.processEvents()


def test_days_off_and_periods(qtbot, backend, admin_ctx, db_path, screenshot_dir,
                              no_message_boxes):
    from pcrm_desktop.app import Application
    from tests.ui.conftest import _args
    ctx = replace(admin_ctx, clock=lambda: datetime(2026, 12, 1, 10, 0))
    case = complaints.receive(ctx, Intake(datetime(2026, 12, 1, 10, 0), Channel.VISIT, "inquiry",
                                          "가로등 고장"))
    assert case.deadline.due == datetime(2026, 12, 9, 18, 0)
    application = Application(_args(), QApplication.instance())
    application.open_window(backend)
    from tests.ui.helpers import sign_in
    sign_in(qtbot, application)
    qtbot.addWidget(application.window)
    application.window.resize(1366, 768)
    page = application.window.open_page("settings")
    page.tabs.setCurrentIndex(3)
    settings = page.calendar
    settings.year.setCurrentIndex(settings.year.findData(2026))
    _idle(qtbot, settings)
    names = {r["name"] for r in settings.holidays.rows()}
    assert {"설날", "추석", "개천절 대체 휴일"} <= names

    settings.day.setDate(date(2026, 12, 3))
    type_text(settings.name, "임시공휴일")
    settings.add_holiday()
    _idle(qtbot, settings)
    assert "추가했습니다" in settings.status.text()
    assert rows(db_path, "SELECT due_at FROM complaints WHERE id = ?", case.complaint_id) == [
        ("2026-12-10 18:00:00.000000",)]  # the open case moved one working day

    row = next(i for i, r in enumerate(settings.holidays.rows()) if r["day"] == date(2026, 12, 3))
    settings.table.selectRow(row)
    settings.toggle_selected()
    _idle(qtbot, settings)
    assert not next(r for r in settings.holidays.rows() if r["day"] == date(2026, 12, 3))["active"]
    assert rows(db_path, "SELECT due_at FROM complaints WHERE id = ?", case.complaint_id) == [
        ("2026-12-09 18:00:00.000000",)]

    settings.type_rows["inquiry"].amount.setValue(10)
    settings.save_periods()
    _idle(qtbot, settings)
    assert rows(db_path, "SELECT period_days FROM complaint_types WHERE code = 'inquiry'") == [(10,)]
    assert rows(db_path, "SELECT count(*) FROM audit_log WHERE action IN"
                         " ('holiday.add', 'holiday.remove', 'complaint_type.update')") == [(3,)]

    # the category tree: a new category under 주차 with its own period
    parking = next(settings.tree.topLevelItem(i) for i in range(settings.tree.topLevelItemCount())
                   if settings.tree.topLevelItem(i).text(0) == "주차")
    settings.tree.setCurrentItem(parking)
    type_text(settings.category_name, "전동킥보드 방치")
    settings.category_action("child")
    _idle(qtbot, settings)
    parking = next(settings.tree.topLevelItem(i) for i in range(settings.tree.topLevelItemCount())
                   if settings.tree.topLevelItem(i).text(0) == "주차")
    child = next(parking.child(i) for i in range(parking.childCount())
                 if parking.child(i).text(0) == "전동킥보드 방치")
    settings.tree.setCurrentItem(child)
    settings.category_days.setValue(3)
    settings.category_action("period")
    _idle(qtbot, settings)
    assert rows(db_path, "SELECT period_days FROM complaint_categories WHERE name = '전동킥보드 방치'") == [(3,)]
    save_screenshot(page.window(), screenshot_dir, "settings-calendar")
    application.runner.wait(5000)
