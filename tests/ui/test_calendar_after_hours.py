"""설정 > 민원 기한: the after-hours rule for periods in days (issue 18) through the real widgets.
The law's text is the default; choosing the next working day moves an open 민원 received after
hours and the 계산 근거 says which rule counted."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from PySide6.QtWidgets import QApplication

from pcrm_desktop.domain.complaints import Channel, Intake
from pcrm_desktop.domain.deadlines import AfterHours
from pcrm_desktop.services import complaints
from tests.dbutil import rows
from tests.ui.helpers import save_screenshot


def _idle(qtbot, widget):
    qtbot.waitUntil(lambda: not widget.runner.busy(), timeout=10000)
    QApplication.processEvents()


def test_after_hours_rule(qtbot, backend, admin_ctx, db_path, screenshot_dir, no_message_boxes):
    from pcrm_desktop.app import Application
    from tests.ui.conftest import _args
    from tests.ui.helpers import sign_in
    ctx = replace(admin_ctx, clock=lambda: datetime(2027, 2, 5, 19, 30))
    # 질의 (7 days) received Fri 2027-02-05 19:00, before 설날 (6–9 Feb off)
    case = complaints.receive(ctx, Intake(datetime(2027, 2, 5, 19, 0), Channel.VISIT, "inquiry",
                                          "가로등 고장"))
    assert case.deadline.due == datetime(2027, 2, 17, 18, 0)
    application = Application(_args(), QApplication.instance())
    application.open_window(backend)
    sign_in(qtbot, application)
    qtbot.addWidget(application.window)
    application.window.resize(1366, 768)
    page = application.window.open_page("settings")
    page.tabs.setCurrentIndex(3)
    settings = page.calendar
    _idle(qtbot, settings)
    assert settings.after_hours.currentData() == AfterHours.SAME_DAY.value
    assert "제19조②" in settings.after_hours.currentText()
    settings.after_hours.setCurrentIndex(settings.after_hours.findData(AfterHours.NEXT_DAY.value))
    settings.save_after_hours_rule()
    _idle(qtbot, settings)
    assert "저장했습니다" in settings.status.text()
    assert rows(db_path, "SELECT due_at FROM complaints WHERE id = ?", case.complaint_id) == [
        ("2027-02-18 18:00:00.000000",)]
    steps = complaints.preview_due(ctx, datetime(2027, 2, 5, 19, 0), "inquiry", None).explanation()
    assert any("기관 설정에 따라 다음 근무일" in line for line in steps)
    save_screenshot(page.window(), screenshot_dir, "settings-calendar-after-hours")
    application.runner.wait(5000)
