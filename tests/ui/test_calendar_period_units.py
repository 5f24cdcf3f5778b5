"""설정 > 민원 기한: a period set in weeks, months or years (issue 18, 법 제19조③) through the real
widgets: the unit combo beside each number (types and categories), named for screen readers,
saved with its unit, shown in the category tree, used by the next 민원; and in English."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from pcrm_desktop.services import complaints
from pcrm_desktop.ui.pages.calendar_settings import CalendarSettings
from pcrm_desktop.ui.tasks import TaskRunner
from tests.dbutil import rows
from tests.ui.helpers import save_screenshot

pytestmark = pytest.mark.usefixtures("korean_font")  # screenshots are looked at

SHOTS = Path("/work/helpers/shots/period_units")
HANGUL = re.compile("[가-힣]")




def _idle(qtbot, widget) -> None:
    qtbot.waitUntil(lambda: not widget.runner.busy(), timeout=10000)
    QApplication.processEvents()


def _widget(qtbot, ctx) -> CalendarSettings:
    widget = CalendarSettings(ctx, TaskRunner())
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.show()
    widget.reload()
    _idle(qtbot, widget)
    return widget


def _category_item(widget, parent_name: str, name: str):
    top = next(widget.tree.topLevelItem(i) for i in range(widget.tree.topLevelItemCount())
               if widget.tree.topLevelItem(i).text(0) == parent_name)
    return next(top.child(i) for i in range(top.childCount()) if top.child(i).text(0) == name)


def test_a_category_in_months_and_a_type_in_weeks(qtbot, admin_ctx, db_path, no_message_boxes):
    ctx = replace(admin_ctx, clock=lambda: datetime(2027, 1, 15, 10, 0))
    widget = _widget(qtbot, ctx)
    period = widget.category_period
    units = [period.unit.itemText(i) for i in range(period.unit.count())]
    assert units == ["일 단위", "주 단위", "개월 단위", "년 단위"]
    assert period.unit.accessibleName() == "분류 처리기간 단위"
    assert period.amount.accessibleName() == "분류 처리기간"

    widget.tree.setCurrentItem(_category_item(widget, "도로·교통", "도로 파손"))
    assert period.amount.text() == "종류 따름" and period.unit.currentData() == "days"
    period.amount.setValue(3)
    period.unit.setCurrentIndex(period.unit.findData("years"))
    assert period.amount.value() == 1 and period.amount.maximum() == 1  # at most a year
    period.unit.setCurrentIndex(period.unit.findData("months"))
    assert period.amount.maximum() == 12
    qtbot.mouseClick(widget.category_buttons["period"], Qt.MouseButton.LeftButton)
    _idle(qtbot, widget)
    assert widget.status.text() == "분류를 바꿨습니다."
    assert rows(db_path, "SELECT period_days, period_unit FROM complaint_categories"
                         " WHERE name = '도로 파손'") == [(1, "months")]
    item = _category_item(widget, "도로·교통", "도로 파손")
    assert item.text(1) == "1개월"
    widget.tree.setCurrentItem(item)  # chosen again: the edit shows what is stored
    assert (period.amount.value(), period.unit.currentText()) == (1, "개월 단위")
    category_id = item.data(0, Qt.ItemDataRole.UserRole)["id"]
    # the next 민원 of that category: Fri 15 Jan + 1 month → Sun 14 Feb → Mon 15 Feb
    assert complaints.preview_due(ctx, datetime(2027, 1, 15, 10, 0), "inquiry",
                                  category_id).due == datetime(2027, 2, 15, 18, 0)

    suggestion = widget.type_rows["suggestion"]
    assert suggestion.unit.accessibleName() == "건의민원 처리기간 단위"
    suggestion.unit.setCurrentIndex(suggestion.unit.findData("weeks"))
    assert suggestion.amount.value() == 14 and suggestion.amount.maximum() == 52
    suggestion.amount.setValue(2)
    other = widget.type_rows["other"]  # 즉시 (0 days) cannot be in weeks: 1 week when switched
    assert other.amount.value() == 0
    other.unit.setCurrentIndex(other.unit.findData("weeks"))
    assert other.amount.value() == 1
    other.unit.setCurrentIndex(other.unit.findData("days"))
    other.amount.setValue(0)
    qtbot.mouseClick(widget.save_types, Qt.MouseButton.LeftButton)
    _idle(qtbot, widget)
    assert "저장했습니다" in widget.status.text()
    assert rows(db_path, "SELECT code, period_days, period_unit FROM complaint_types"
                         " ORDER BY position") == [
        ("legal", None, "days"), ("inquiry", 7, "days"), ("suggestion", 2, "weeks"),
        ("grievance", 7, "days"), ("other", 0, "days")]
    assert rows(db_path, "SELECT detail FROM audit_log WHERE action = 'complaint_type.update'") == [
        ("14 → 2주",)]  # only the type that changed
    assert widget.type_rows["suggestion"].unit.currentText() == "주 단위"  # reloaded as stored
    SHOTS.mkdir(parents=True, exist_ok=True)
    save_screenshot(widget, SHOTS, "calendar-settings-units-ko")
    assert no_message_boxes == []


def test_tab_walks_the_type_rows_in_reading_order(qtbot, admin_ctx, no_message_boxes):
    widget = _widget(qtbot, admin_ctx)
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow, timeout=5000)
    widget.save_after_hours.setFocus()
    walked = []
    for _ in range(11):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        walked.append(QApplication.focusWidget())
    expected = [w for code in ("legal", "inquiry", "suggestion", "grievance", "other")
                for w in (widget.type_rows[code].amount, widget.type_rows[code].unit)]
    assert walked == expected + [widget.save_types]


def test_a_refused_setting_is_explained(qtbot, admin_ctx, db_path, no_message_boxes):
    widget = _widget(qtbot, admin_ctx)
    widget.type_rows["inquiry"].unit.setCurrentIndex(
        widget.type_rows["inquiry"].unit.findData("years"))
    widget.type_rows["inquiry"].amount.setMaximum(2)  # as if the spin box allowed it
    widget.type_rows["inquiry"].amount.setValue(2)
    widget.save_periods()
    _idle(qtbot, widget)
    assert rows(db_path, "SELECT period_days, period_unit FROM complaint_types"
                         " WHERE code = 'inquiry'") == [(7, "days")]
    assert len(no_message_boxes) == 1 and "1년까지" in str(no_message_boxes[0])


def test_the_units_in_english(qtbot, admin_ctx, db_path, no_message_boxes):
    from pcrm_desktop.services import categories
    from pcrm_desktop.ui.i18n import LanguageManager
    leak = next(c for c in complaints.categories(admin_ctx) if c["name"] == "누수")
    categories.set_category_period(admin_ctx, leak["id"], 2, "weeks")
    languages = LanguageManager()
    assert languages.set_language("en")
    try:
        widget = _widget(qtbot, admin_ctx)
        widget.retranslate_ui()
        period = widget.category_period
        texts = [period.unit.itemText(i) for i in range(period.unit.count())]
        assert texts == ["days", "weeks", "months", "years"]
        assert period.amount.text() == "as its type"  # nothing chosen yet: not 0 (immediately)
        assert not HANGUL.search(period.unit.accessibleName() + period.amount.specialValueText())
        assert not HANGUL.search(widget.types_box.title())
        suggestion = widget.type_rows["suggestion"]
        assert not HANGUL.search(suggestion.unit.accessibleName())
        assert _category_item(widget, "상하수도", "누수").text(1) == "2 week(s)"
        # the 계산 근거 of such a period, as the intake and the case window show it
        from pcrm_desktop.ui.complaint_labels import explanation
        deadline = complaints.preview_due(admin_ctx, datetime(2026, 12, 1, 10, 0), "inquiry",
                                          leak["id"])
        lines = explanation(deadline)
        assert lines[1].startswith("Period 2 week(s): counted by the calendar")
        assert lines[3] == ("The period ends on 2026-12-14(월), the day before 2026-12-15(화), the "
                            "day corresponding to its first day (Civil Act Art. 160(2))")
        SHOTS.mkdir(parents=True, exist_ok=True)
        save_screenshot(widget, SHOTS, "calendar-settings-units-en")
    finally:
        languages.set_language("ko")
    assert no_message_boxes == []
