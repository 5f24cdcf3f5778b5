"""민원인 연결 in the case window: a 민원 saved with [민원인 없이] says "민원인 없음" in its header
and offers [민원인 연결…]; the dialog finds the resident as the intake does (masked), the clerk
chooses by keyboard or mouse, and the window then shows the applicant, the history the step and
the access log the entry. A case that got an applicant meanwhile is refused in words. English:
no Hangul in the dialog. Screenshots in /work/helpers/shots/attach_applicant."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QLineEdit

from pcrm_desktop.domain.citizens import Citizen
from pcrm_desktop.domain.complaints import Channel, Intake
from pcrm_desktop.services import citizens as C
from pcrm_desktop.services import complaints as S
from pcrm_desktop.ui.attach_applicant_dialog import AttachApplicantDialog
from pcrm_desktop.ui.complaint_case import CaseDialog
from tests.dbutil import rows
from tests.ui.helpers import save_screenshot, type_text

SHOTS = Path("/work/helpers/shots/attach_applicant")
HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")


@pytest.fixture
def shots(qapp) -> Path:
    from pcrm_desktop.ui.appearance import install_korean_font
    install_korean_font(qapp)
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS






@pytest.fixture
def residents(admin_ctx) -> dict[str, int]:
    made = {}
    for name, year, phone in (("박영희", 1961, "010-2222-3333"), ("박영수", 1975, "010-4444-5555")):
        made[name] = C.register_citizen(admin_ctx, Citizen(None, name, year, phones=(phone,)),
                                        allow_duplicate=True).citizen_id
    return made


def unnamed_case(ctx) -> int:
    """A 민원 saved with [민원인 없이 (익명·미상)]."""
    return S.receive(ctx, Intake(ctx.clock().replace(second=0, microsecond=0), Channel.PHONE,
                                 "inquiry", "가로등 고장 제보", "밤마다 꺼집니다", None,
                                 None)).complaint_id


def open_case(qtbot, ctx, runner, case_id) -> CaseDialog:
    case = CaseDialog(ctx, runner, case_id)
    qtbot.addWidget(case)
    case.show()
    qtbot.waitUntil(lambda: case.case is not None and not runner.busy(), timeout=5000)
    return case


def open_dialog(qtbot, case: CaseDialog) -> AttachApplicantDialog:
    assert case.attach_applicant_button.isVisible()
    qtbot.mouseClick(case.attach_applicant_button, Qt.MouseButton.LeftButton)
    dialog = case.applicant_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=3000)
    return dialog


def search(qtbot, dialog: AttachApplicantDialog, runner, text: str, count: int) -> None:
    type_text(dialog.search, text)
    qtbot.waitUntil(lambda: dialog.results.count() == count and not runner.busy(), timeout=5000)


def test_a_case_saved_without_applicant_gets_one_from_its_window(
        qtbot, admin_ctx, runner, residents, db_path, shots, no_message_boxes):
    case_id = unnamed_case(admin_ctx)
    receipt_no = S.case(admin_ctx, case_id)["receipt_no"]
    case = open_case(qtbot, admin_ctx, runner, case_id)
    assert case.applicant_label.text() == "민원인 없음"
    assert case.attach_applicant_button.text() == "민원인 연결…"
    save_screenshot(case, shots, "case-without-applicant-ko")

    dialog = open_dialog(qtbot, case)
    assert receipt_no in dialog.intro.text()
    assert not dialog.ok.isEnabled()                      # nothing chosen: nothing to attach
    search(qtbot, dialog, runner, "박영", 2)
    shown = [dialog.results.item(i).text() for i in range(2)]
    assert all("박*" in text for text in shown)           # masked, as in the intake
    assert not any("박영희" in text or "2222-3333" in text for text in shown)
    # the keyboard path of the intake: Enter into the list, Down, Enter chooses
    QTest.keyClick(dialog.search, Qt.Key.Key_Return)
    assert dialog.results.hasFocus() or QApplication.focusWidget() is dialog.results
    row = next(i for i in range(2) if "1961" in dialog.results.item(i).text())
    dialog.results.setCurrentRow(row)
    QTest.keyClick(dialog.results, Qt.Key.Key_Return)
    assert dialog.citizen_id == residents["박영희"]
    assert dialog.chosen.text() == "선택: 박*희" and dialog.ok.isEnabled()
    QApplication.processEvents()
    save_screenshot(dialog, shots, "attach-applicant-dialog-ko")

    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible() and not runner.busy()
                    and case.case["citizen_id"] == residents["박영희"], timeout=5000)
    # the window shows the applicant (masked), and no longer offers to attach one
    assert case.applicant_label.text() == "민원인 박*희"
    assert not case.attach_applicant_button.isVisible()
    assert "민원인: 박*희" in case.details.text()
    last = case.history.rowCount() - 1
    assert case.history.index(last, 1).data() == "민원인 연결"
    # stored, and in the access log: who, which 민원, whose data
    assert rows(db_path, "SELECT citizen_id FROM complaints WHERE id = ?", case_id) \
        == [(residents["박영희"],)]
    assert rows(db_path, "SELECT actor, target, subject_id FROM audit_log"
                         " WHERE action = 'complaint.attach_applicant'") \
        == [("hong", receipt_no, residents["박영희"])]
    QApplication.processEvents()
    save_screenshot(case, shots, "case-after-attaching-ko")


def test_a_mouse_click_chooses_and_an_applicant_attached_meanwhile_is_refused_in_words(
        qtbot, admin_ctx, runner, residents, db_path, no_message_boxes):
    case_id = unnamed_case(admin_ctx)
    case = open_case(qtbot, admin_ctx, runner, case_id)
    dialog = open_dialog(qtbot, case)
    search(qtbot, dialog, runner, "박영수", 1)
    item = dialog.results.item(0)
    qtbot.mouseClick(dialog.results.viewport(), Qt.MouseButton.LeftButton,
                     pos=dialog.results.visualItemRect(item).center())
    assert dialog.citizen_id == residents["박영수"]
    # another clerk attaches 박영희 before this one presses [연결하기]
    S.attach_applicant(admin_ctx, case_id, residents["박영희"], case.case["version"])
    dialog.ok.click()
    qtbot.waitUntil(lambda: not runner.busy() and bool(dialog.error.text())
                    and case.case["citizen_id"] is not None, timeout=5000)
    assert dialog.isVisible()
    assert "이미 민원인이 있습니다" in dialog.error.text() and not dialog.ok.isEnabled()
    assert case.applicant_label.text() == "민원인 박*희"  # the window read the case again
    assert rows(db_path, "SELECT citizen_id FROM complaints WHERE id = ?", case_id) \
        == [(residents["박영희"],)]
    assert rows(db_path, "SELECT count(*) FROM audit_log"
                         " WHERE action = 'complaint.attach_applicant'") == [(1,)]
    dialog.reject()


def test_a_case_with_an_applicant_offers_no_attaching(qtbot, admin_ctx, runner, residents,
                                                      no_message_boxes):
    case_id = S.receive(admin_ctx, Intake(admin_ctx.clock().replace(second=0, microsecond=0),
                                          Channel.VISIT, "inquiry", "민원", "내용", None,
                                          residents["박영수"])).complaint_id
    case = open_case(qtbot, admin_ctx, runner, case_id)
    assert case.applicant_label.text() == "민원인 박*수"
    assert not case.attach_applicant_button.isVisible()
    assert case.attach_applicant() is None


def _texts(widget) -> list[str]:
    found = [widget.windowTitle()]
    for child in widget.findChildren(QLabel):
        found.append(child.text())
    for child in widget.findChildren(QAbstractButton):
        found += [child.text(), child.toolTip()]
    for child in widget.findChildren(QLineEdit):
        found += [child.placeholderText(), child.accessibleName()]
    return [t for t in found if t]


def test_english_has_no_hangul_in_the_dialog_or_the_header(qtbot, admin_ctx, runner, language,
                                                           residents, shots, no_message_boxes):
    assert language.set_language("en")
    case = open_case(qtbot, admin_ctx, runner, unnamed_case(admin_ctx))
    assert case.applicant_label.text() == "No applicant"
    assert case.attach_applicant_button.text() == "Attach applicant…"
    assert not HANGUL.search(case.attach_applicant_button.toolTip())
    dialog = open_dialog(qtbot, case)
    QApplication.processEvents()
    leaks = [t for t in _texts(dialog) if HANGUL.search(t)]
    assert leaks == []
    assert dialog.ok.text() == "Attach" and dialog.windowTitle() == "Attach applicant"
    save_screenshot(dialog, shots, "attach-applicant-dialog-en")
    dialog.reject()
