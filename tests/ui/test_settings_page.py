"""설정 page: office profile, staff and departments through the real widgets, all audited."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication

from pcrm_desktop.services.office import overview, recent_activity
from tests.ui.helpers import save_screenshot, type_text
from tests.ui.test_smoke import _finish_wizard


def _settings(qtbot, application):
    window = application.window
    _finish_wizard(qtbot, window.wizard)
    qtbot.waitUntil(lambda: window.office_name != "", timeout=5000)
    page = window.open_page("settings")
    qtbot.waitUntil(lambda: page.name.text() != "", timeout=5000)
    return window, page


def test_add_staff_and_department_then_refuse_a_taken_login(qtbot, application, ctx,
                                                            screenshot_dir, no_message_boxes):
    window, page = _settings(qtbot, application)
    page.tabs.setCurrentIndex(1)
    type_text(page.new_department_name, "주민자치팀")
    page.add_department_button.click()
    qtbot.waitUntil(lambda: "주민자치팀" in page.people_status.text(), timeout=5000)
    assert page.new_department_name.text() == ""

    type_text(page.new_name, "김민원")
    type_text(page.new_login, "kim.mw")
    page.new_role.setCurrentIndex(page.new_role.findData("clerk"))
    qtbot.waitUntil(lambda: page.new_department.findText("주민자치팀") >= 0, timeout=5000)
    page.new_department.setCurrentIndex(page.new_department.findText("주민자치팀"))
    page.add_staff_button.click()
    qtbot.waitUntil(lambda: page.staff_model.rowCount() == 2, timeout=5000)
    member = next(m for m in overview(ctx).staff if m.login == "kim.mw")
    assert member.name == "김민원" and member.role.value == "clerk"

    type_text(page.new_name, "김중복")
    type_text(page.new_login, "kim.mw")
    page.add_staff_button.click()
    qtbot.waitUntil(lambda: "이미 사용 중" in page.people_status.text(), timeout=5000)
    assert page.new_name.text() == "김중복", "what was typed stays after an error"
    assert len(overview(ctx).staff) == 2
    QApplication.processEvents()
    save_screenshot(window, screenshot_dir, "settings-people-error")
    actions = [row.action for row in recent_activity(ctx)]
    assert actions.count("staff.add") == 2 and "department.add" in actions
    assert no_message_boxes == []


def test_office_profile_edit_and_validation(qtbot, application, ctx, no_message_boxes):
    window, page = _settings(qtbot, application)
    type_text(page.name, "")
    page.save_office.click()
    qtbot.waitUntil(lambda: "기관 이름" in page.office_status.text(), timeout=5000)
    assert overview(ctx).profile.name == "종로구 청운효자동 행정복지센터"

    type_text(page.name, "청운효자동 주민센터")
    page.save_office.click()
    qtbot.waitUntil(lambda: "저장했습니다" in page.office_status.text(), timeout=5000)
    assert overview(ctx).profile.name == "청운효자동 주민센터"
    qtbot.waitUntil(lambda: window.office_name == "청운효자동 주민센터", timeout=5000)
    assert "청운효자동 주민센터" in window.windowTitle()


def test_font_scale_applies_and_is_remembered(qtbot, application):
    from pcrm_desktop.ui.settings import FONT_SCALE
    window, page = _settings(qtbot, application)
    before = QApplication.font().pointSizeF()
    page.tabs.setCurrentIndex(2)
    page.scale_box.setCurrentIndex(page.scale_box.findData(150))
    assert QApplication.font().pointSizeF() == before * 1.5
    assert application.settings.get(FONT_SCALE) == 150
    page.scale_box.setCurrentIndex(page.scale_box.findData(100))
    assert QApplication.font().pointSizeF() == before
