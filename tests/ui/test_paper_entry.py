"""Paper forms keyed by keyboard alone: keys go to whichever field has the focus, Enter
advances, a wrong number is refused in place, the last Enter saves and starts the next form;
double entry finds a difference, asks for it again and reports it."""
from __future__ import annotations

import csv
from dataclasses import replace
from datetime import datetime

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from pcrm_desktop.domain.surveys import TEMPLATES
from pcrm_desktop.services import surveys
from pcrm_desktop.ui.appearance import install_korean_font
from pcrm_desktop.ui.paper_entry import PaperEntryDialog, next_form_no
from pcrm_desktop.ui.tasks import TaskRunner
from tests.dbutil import rows
from tests.ui.helpers import save_screenshot

NOW = datetime(2026, 11, 27, 15, 0)


@pytest.fixture
def dialog(qtbot, qapp, admin_ctx):
    install_korean_font(qapp)
    ctx = replace(admin_ctx, clock=lambda: NOW)
    surveys.create_survey(ctx, "PAPER", "MINWON", linked=False)
    runner = TaskRunner()
    window = PaperEntryDialog(ctx, runner, "PAPER", TEMPLATES["MINWON"])
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window
    runner.wait(5000)


def keys(qtbot, text: str, enter: bool = True) -> None:
    """Type into whatever has the keyboard focus, then Enter: no mouse anywhere. Hangul goes
    one QKeyEvent a character (qtbot.keyClicks aborts on it offscreen)."""
    for char in text:
        target = QApplication.focusWidget()
        if char.isascii():
            qtbot.keyClick(target, char)
        else:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(target, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))
    if enter:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)


def focused(dialog) -> str:
    widget = QApplication.focusWidget()
    return widget.objectName() if widget is not None else ""


def test_key_a_form_by_keyboard_alone(qtbot, dialog, db_path, screenshot_dir):
    qtbot.waitUntil(lambda: focused(dialog) == "paper_ACCESS")
    keys(qtbot, "4")
    assert focused(dialog) == "paper_KIND"
    keys(qtbot, "6")  # out of range: refused where it was typed
    assert focused(dialog) == "paper_KIND"
    assert "KIND" in dialog.fields[1].note.text()
    qtbot.keyClick(QApplication.focusWidget(), "a", Qt.KeyboardModifier.ControlModifier)
    keys(qtbot, "5")
    keys(qtbot, "9")  # EXPERT: 해당없음
    keys(qtbot, "3")
    keys(qtbot, "")   # RESULT left empty (not answered)
    assert focused(dialog) == "paper_OVERALL"
    keys(qtbot, "")   # OVERALL is required: it will not pass empty
    assert focused(dialog) == "paper_OVERALL" and dialog.fields[5].note.text()
    keys(qtbot, "4")
    keys(qtbot, "8")
    keys(qtbot, "안내가 친절함", enter=False)
    save_screenshot(dialog, screenshot_dir, "survey-paper-entry")
    keys(qtbot, "")  # the last Enter saves …
    keys(qtbot, "")  # … and a second quick one, while it is being stored, does nothing
    qtbot.waitUntil(lambda: dialog.saved == 1, timeout=5000)
    dialog.runner.wait(5000)
    assert rows(db_path, "SELECT count(*) FROM survey_responses") == [(1,)]
    stored = rows(db_path, "SELECT a.item, a.value_num, a.value_text, a.na FROM survey_answers a"
                           " ORDER BY a.item")
    assert stored == [("ACCESS", 4.0, None, 0), ("COMMENT", None, "안내가 친절함", 0),
                      ("EXPERT", None, None, 1), ("KIND", 5.0, None, 0), ("OVERALL", 4.0, None, 0),
                      ("RECOMMEND", 8.0, None, 0), ("SPEED", 3.0, None, 0)]
    assert rows(db_path, "SELECT mode, submitted_at FROM survey_responses") == [
        ("paper", "2026-11-27 12:00:00.000000")]
    # the next form starts empty, at the first field
    assert all(not f.edit.text() for f in dialog.fields) and focused(dialog) == "paper_ACCESS"


def test_double_entry_finds_the_difference_and_reports_it(qtbot, dialog, db_path, tmp_path):
    dialog.form_no.setText("A-0009")
    dialog.double.setChecked(True)
    dialog._focus(0)
    first = ["4", "5", "3", "3", "4", "4", "7", ""]
    second = ["4", "5", "3", "2", "4", "4", "7", ""]  # SPEED keyed differently
    for value in first:
        keys(qtbot, value)
    assert dialog.pass_label.text() == "2차 입력" and focused(dialog) == "paper_ACCESS"
    assert rows(db_path, "SELECT count(*) FROM survey_responses") == [(0,)]
    for value in second:
        keys(qtbot, value)
    assert dialog.mismatch_table.rowCount() == 1
    assert [dialog.mismatch_table.item(0, c).text() for c in range(4)] == ["A-0009", "4 신속", "3", "2"]
    assert focused(dialog) == "paper_SPEED"  # only the differing field is open
    assert not dialog.fields[0].edit.isEnabled()
    keys(qtbot, "3")  # the paper says 3
    qtbot.waitUntil(lambda: dialog.saved == 1, timeout=5000)
    assert rows(db_path, "SELECT a.value_num FROM survey_answers a WHERE a.item = 'SPEED'") == [(3.0,)]
    assert rows(db_path, "SELECT form_no FROM survey_responses") == [("A-0009",)]
    assert dialog.form_no.text() == "A-0010"
    report = dialog.write_report(tmp_path / "m.csv")
    with report.open(encoding="utf-8-sig") as handle:
        assert list(csv.reader(handle)) == [["양식 번호", "문항", "1차", "2차", "확정", "문항 코드"],
                                            ["A-0009", "4 신속", "3", "2", "3", "SPEED"]]
    # the same form twice alike: saved without a question
    for value in first + first:
        keys(qtbot, value)
    qtbot.waitUntil(lambda: dialog.saved == 2, timeout=5000)
    assert dialog.mismatch_table.rowCount() == 1


def test_next_form_number():
    assert next_form_no("A-0009") == "A-0010"
    assert next_form_no("17") == "18"
    assert next_form_no("") == "" and next_form_no("민원실") == ""


def test_a_refused_third_keying_opens_the_named_field(qtbot, qapp, admin_ctx, db_path,
                                                      no_message_boxes):
    """A third keying that makes a required follow-up item appear: the refusal opens that
    item, and the form is stored once it is keyed; the report lists the difference once."""
    from pcrm_desktop.domain.surveys import Item, ItemType, Questionnaire, ShowIf
    ctx = replace(admin_ctx, clock=lambda: NOW)
    q = Questionnaire("방문", (
        Item("VISIT", ItemType.SINGLE, "방문 목적", ("민원서류", "상담", "기타")),
        Item("WAIT", ItemType.SHORT_TEXT, "기다린 시간", required=True,
             show_if=ShowIf("VISIT", ("민원서류",))),
        Item("OVERALL", ItemType.SCALE5, "전반적 만족", ("1", "2", "3", "4", "5"), required=True)))
    surveys.create_survey(ctx, "VISIT", "MINWON", linked=False)
    surveys.edit_survey(ctx, "VISIT", q)
    runner = TaskRunner()
    dialog = PaperEntryDialog(ctx, runner, "VISIT", q)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.form_no.setText("B-1")
    dialog.double.setChecked(True)
    dialog._focus(0)
    dialog.windowHandle().requestActivate()
    qtbot.waitUntil(lambda: focused(dialog) == "paper_VISIT")
    for value in ("2", "4", "3", "4"):  # 1st: 상담, 4; 2nd: 기타, 4
        keys(qtbot, value)
    assert focused(dialog) == "paper_VISIT" and dialog.rekey == ["VISIT"]
    keys(qtbot, "1")  # the paper says 민원서류: WAIT must now be answered
    qtbot.waitUntil(lambda: focused(dialog) == "paper_WAIT", timeout=5000)
    assert dialog.rekey == ["VISIT", "WAIT"] and dialog.saved == 0
    keys(qtbot, "10")
    qtbot.waitUntil(lambda: dialog.saved == 1, timeout=5000)
    stored = rows(db_path, "SELECT item, value_num, value_text FROM survey_answers ORDER BY item")
    assert stored == [("OVERALL", 4.0, None), ("VISIT", None, "민원서류"), ("WAIT", None, "10")]
    assert [(m.item, m.first, m.second, m.final) for m in dialog.report] == [
        ("VISIT", "상담", "기타", "민원서류")]
    runner.wait(5000)


def test_the_save_button_checks_every_field_then_saves(qtbot, dialog, db_path):
    """A form keyed with the mouse, or fields filled without their Enter: [이 양식 저장] (and
    Ctrl+Enter) checks every open field as Enter would, stops at the first that is wrong or
    required and empty, then saves (issue 18: the paper entry had no save button)."""
    qtbot.waitUntil(lambda: focused(dialog) == "paper_ACCESS")
    values = {"ACCESS": "4", "KIND": "6", "EXPERT": "9", "SPEED": "3"}
    for field in dialog.fields:
        field.edit.setText(values.get(field.key, ""))
    assert dialog.save_button.isVisible() and "저장" in dialog.save_button.text()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert focused(dialog) == "paper_KIND" and dialog.fields[1].note.text()  # 6 is out of range
    dialog.fields[1].edit.setText("5")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    overall = next(i for i, f in enumerate(dialog.fields) if f.key == "OVERALL")
    assert focused(dialog) == "paper_OVERALL" and dialog.fields[overall].note.text()  # required
    assert rows(db_path, "SELECT count(*) FROM survey_responses") == [(0,)]
    dialog.fields[overall].edit.setText("4")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyRelease(QApplication.focusWidget(), Qt.Key.Key_Control)  # Ctrl let go: not held for later tests
    qtbot.waitUntil(lambda: dialog.saved == 1, timeout=5000)
    dialog.runner.wait(5000)
    stored = rows(db_path, "SELECT a.item, a.value_num, a.na FROM survey_answers a ORDER BY a.item")
    assert stored == [("ACCESS", 4.0, 0), ("EXPERT", None, 1), ("KIND", 5.0, 0), ("OVERALL", 4.0, 0),
                      ("SPEED", 3.0, 0)]
