"""The intake and resident forms by keyboard alone, as the guide walks them (issue 18): Enter
moves on and never saves, the applicant is chosen from the list or left out on purpose, Esc asks
before throwing typed work away, and an odd 접수일시 is pointed out before it is saved."""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import QApplication

from pcrm_desktop.domain.citizens import Citizen
from pcrm_desktop.services import citizens as citizen_service
from tests.dbutil import rows
from tests.ui.helpers import save_screenshot, type_text

pytestmark = pytest.mark.usefixtures("korean_font")  # the screenshots are looked at

SHOTS = Path("/tmp/pcrm-shots")
CTRL = Qt.KeyboardModifier.ControlModifier








def _idle(qtbot, runner):
    qtbot.waitUntil(lambda: not runner.busy(), timeout=10000)
    QApplication.processEvents()


def _shown(qtbot, dialog):
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    return dialog


@pytest.fixture
def intake(qtbot, admin_ctx, runner, no_message_boxes):
    from pcrm_desktop.ui.complaint_intake import IntakeDialog
    dialog = _shown(qtbot, IntakeDialog(admin_ctx, runner, []))
    _idle(qtbot, runner)
    return dialog


def _count(db_path) -> int:
    return rows(db_path, "SELECT count(*) FROM complaints")[0][0]


def _shot(widget, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    save_screenshot(widget, SHOTS, name)


# --- defect 2: the applicant -------------------------------------------------------------
def test_enter_in_the_applicant_search_goes_into_the_list_and_chooses(qtbot, intake, runner,
                                                                      admin_ctx, db_path):
    kim = citizen_service.register_citizen(admin_ctx, Citizen(
        None, "김준호", 1968, phones=("010-2345-6789",))).citizen_id
    type_text(intake.title, "가로등 고장")
    type_text(intake.applicant_search, "김준")
    qtbot.waitUntil(lambda: intake.applicant_list.count() > 0, timeout=5000)
    _idle(qtbot, runner)
    qtbot.keyClick(intake.applicant_search, Qt.Key.Key_Return)
    _idle(qtbot, runner)
    assert _count(db_path) == 0 and intake.isVisible()  # Enter did not save
    assert intake.focusWidget() is intake.applicant_list
    assert intake.applicant_list.currentRow() == 0
    qtbot.keyClick(intake.applicant_list, Qt.Key.Key_Return)
    assert intake.citizen_id == kim and "없음" not in intake.applicant.text()
    qtbot.keyClick(intake.applicant_list, Qt.Key.Key_Up)
    assert intake.focusWidget() is intake.applicant_search
    qtbot.keyClick(intake.applicant_search, Qt.Key.Key_Down)
    assert intake.focusWidget() is intake.applicant_list
    intake.save()
    qtbot.waitUntil(lambda: intake.result() == intake.DialogCode.Accepted, timeout=5000)
    assert rows(db_path, "SELECT citizen_id FROM complaints") == [(kim,)]


def test_no_applicant_only_by_the_button(qtbot, intake, runner, db_path):
    type_text(intake.title, "익명 제보")
    qtbot.keyClick(intake.title, Qt.Key.Key_Return, CTRL)
    intake.save()  # whether or not the shortcut reached it offscreen
    _idle(qtbot, runner)
    assert _count(db_path) == 0 and intake.isVisible()
    assert "민원인 없이" in intake.error.text()
    _shot(intake, "intake-no-applicant-refused")
    intake.unnamed.click()
    assert intake.applicant.text() == "선택: 민원인 없음"
    intake.save()
    qtbot.waitUntil(lambda: intake.result() == intake.DialogCode.Accepted, timeout=5000)
    assert rows(db_path, "SELECT citizen_id FROM complaints") == [(None,)]


# --- defect 4: Esc asks when something was typed ----------------------------------------
def test_esc_closes_an_untouched_intake_at_once(qtbot, intake, asked):
    qtbot.keyClick(intake.title, Qt.Key.Key_Escape)
    assert asked == [] and not intake.isVisible()


def test_esc_on_a_filled_intake_asks_first(qtbot, intake, asked):
    type_text(intake.title, "골목길 불법주정차")
    qtbot.keyClick(intake.title, Qt.Key.Key_Escape)
    assert len(asked) == 1 and intake.isVisible()  # the clerk kept it
    assert intake.title.text() == "골목길 불법주정차"
    intake.buttons.button(intake.buttons.StandardButton.Cancel).click()
    assert len(asked) == 2 and intake.isVisible()
    asked.answer = "discard"
    qtbot.keyClick(intake.title, Qt.Key.Key_Escape)
    assert not intake.isVisible()


def test_esc_on_a_filled_new_resident_asks_first(qtbot, admin_ctx, runner, asked):
    from pcrm_desktop.ui.citizen_dialog import CitizenDialog
    untouched = _shown(qtbot, CitizenDialog(admin_ctx, runner, []))
    qtbot.keyClick(untouched.name, Qt.Key.Key_Escape)
    assert asked == [] and not untouched.isVisible()
    dialog = _shown(qtbot, CitizenDialog(admin_ctx, runner, []))
    type_text(dialog.name, "박영희")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert len(asked) == 1 and dialog.isVisible() and dialog.name.text() == "박영희"
    asked.answer = "discard"
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


# --- defect 5: Enter moves on, Tab leaves 접수일시, an odd 접수일시 is pointed out -------------
def test_enter_moves_on_and_never_saves(qtbot, intake, runner, db_path):
    intake.type.setFocus()
    qtbot.keyClick(intake.type, Qt.Key.Key_Return)
    _idle(qtbot, runner)
    assert intake.focusWidget() is intake.category
    assert _count(db_path) == 0 and intake.isVisible()
    qtbot.keyClick(intake.category, Qt.Key.Key_Return)
    assert intake.focusWidget() is intake.title
    type_text(intake.title, "제목")
    qtbot.keyClick(intake.title, Qt.Key.Key_Return)
    assert intake.focusWidget() is intake.content
    qtbot.keyClick(intake.content, Qt.Key.Key_A)
    qtbot.keyClick(intake.content, Qt.Key.Key_Return)
    qtbot.keyClick(intake.content, Qt.Key.Key_B)
    assert intake.content.toPlainText() == "a\nb" and intake.focusWidget() is intake.content
    intake.priority.setFocus()
    qtbot.keyClick(intake.priority, Qt.Key.Key_Return)  # over the buttons to the applicant
    assert intake.focusWidget() is intake.applicant_search
    _idle(qtbot, runner)
    assert _count(db_path) == 0 and intake.isVisible()


def test_tab_leaves_the_received_at_field_in_one_step(qtbot, intake):
    intake.received_at.setFocus()
    qtbot.keyClick(intake.received_at, Qt.Key.Key_Tab)
    assert intake.focusWidget() is intake.channel
    qtbot.keyClick(intake.channel, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert intake.focusWidget() is intake.received_at


def test_a_received_at_far_from_now_is_pointed_out_and_confirmed(qtbot, intake, runner, asked,
                                                                 admin_ctx, db_path):
    assert intake.received_warning.isHidden()
    now = admin_ctx.clock().replace(second=0, microsecond=0, tzinfo=None)
    intake.received_at.setDateTime(QDateTime(now - timedelta(days=356)))
    assert not intake.received_warning.isHidden()
    assert "356일 전" in intake.received_warning.text()
    type_text(intake.title, "작년 날짜")
    intake.unnamed.click()
    _shot(intake, "intake-received-at-warning")
    intake.save()
    _idle(qtbot, runner)
    assert len(asked) == 1 and "356일" in asked[0]
    assert _count(db_path) == 0 and intake.isVisible()
    intake.received_at.setDateTime(QDateTime(now - timedelta(days=2)))
    assert intake.received_warning.isHidden()  # a late entry of the day before yesterday is fine
    intake.received_at.setDateTime(QDateTime(now + timedelta(days=5)))
    assert "5일 뒤" in intake.received_warning.text()  # (and the service refuses it on save)
    intake.received_at.setDateTime(QDateTime(now - timedelta(days=10)))
    asked.answer = "save"  # a letter of ten days ago, entered late on purpose
    intake.save()
    qtbot.waitUntil(lambda: intake.result() == intake.DialogCode.Accepted, timeout=5000)
    assert len(asked) == 2 and "10일 전" in asked[1]
    assert _count(db_path) == 1


def test_a_refusal_goes_once_it_is_no_longer_true(qtbot, intake, runner, db_path):
    """Issue 18 §9: '제목을 입력하십시오.' stayed after the title was typed."""
    intake.unnamed.click()
    intake.save()
    _idle(qtbot, runner)
    assert "제목" in intake.error.text() and _count(db_path) == 0
    type_text(intake.title, "가로등")
    assert intake.error.text() == ""
    type_text(intake.applicant_search, "")
    intake.title.clear()
    intake.applicant_list.clear()
    intake.save()
    _idle(qtbot, runner)
    assert intake.error.text() != ""
    intake.content.setPlainText("내용")   # typing into 내용 also clears it
    assert intake.error.text() == ""
