"""Issue 18, what a clerk missed: 접수증 and 회신문 printed from the case window and from the
"접수했습니다" confirmation (to a PDF printer standing in for the print dialog's choice, with
the access-log entry the PDF save writes); the assign step starting at the clerk, staff by team
and name; the extension step starting at a date the rules accept. Screenshots in /tmp/pcrm-shots."""
from __future__ import annotations

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication, QWidget

from pcrm_desktop.domain.complaints import Action, Result
from pcrm_desktop.domain.office import Role
from pcrm_desktop.services import complaints as S
from pcrm_desktop.services.office import actor_for, add_staff, overview
from pcrm_desktop.ui import printing
from pcrm_desktop.ui.complaint_labels import moment
from tests.dbutil import rows
from tests.ui.helpers import save_screenshot
from tests.ui.test_conflicts import new_case, open_case


@pytest.fixture
def clerk(admin_ctx):
    """이주무 of 복지팀, signed in; colleagues in both teams, added out of order."""
    teams = {d.name: d.id for d in overview(admin_ctx).departments}
    add_staff(admin_ctx, "하민원", "hamin", Role.CLERK, teams["복지팀"])
    add_staff(admin_ctx, "이주무", "lee", Role.CLERK, teams["복지팀"])
    add_staff(admin_ctx, "최행정", "choi", Role.CLERK, teams["민원행정팀"])
    add_staff(admin_ctx, "강민원", "kang", Role.CLERK, teams["민원행정팀"])
    return admin_ctx.as_actor(actor_for(admin_ctx, "lee", strict=True))


@pytest.fixture
def printed(monkeypatch, tmp_path):
    """The print dialog replaced: each ask hands back a new PDF printer; the files made."""
    from PySide6.QtPrintSupport import QPrinter
    files = []

    def ask(parent):
        printer = QPrinter()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        files.append(tmp_path / f"printed-{len(files) + 1}.pdf")
        printer.setOutputFileName(str(files[-1]))
        printer.setResolution(100)
        return printer
    monkeypatch.setattr(printing, "ask_printer", ask)
    return files


def logged(db_path) -> list[tuple[str, str]]:
    return rows(db_path, "SELECT target, detail FROM audit_log WHERE action = 'complaint.print'"
                         " ORDER BY id")


def idle(qtbot, runner) -> None:
    qtbot.waitUntil(lambda: not runner.busy(), timeout=30000)
    QApplication.processEvents()


def test_receipt_and_answer_printed_from_the_case_and_logged(qtbot, clerk, runner, db_path,
                                                             printed, shots, no_message_boxes,
                                                             monkeypatch):
    case_id = new_case(clerk, clerk.actor.staff_id)
    receipt_no = S.case(clerk, case_id)["receipt_no"]
    case = open_case(qtbot, clerk, runner, case_id)
    case.resize(1366, 620)
    save_screenshot(case, shots, "case-print-buttons")
    assert case.print_receipt_button.text() == "접수증 인쇄…" and case.print_receipt_button.isEnabled()
    assert not case.print_answer_button.isEnabled()  # no answer yet

    case.print_receipt_button.click()
    idle(qtbot, runner)
    assert len(printed) == 1 and printed[0].exists(), no_message_boxes
    assert len(PdfReader(printed[0]).pages) >= 1
    assert logged(db_path) == [(receipt_no, f"접수증: 접수증_{receipt_no}_인쇄.pdf")]

    version = S.case(clerk, case_id)["version"]
    S.act(clerk, case_id, Action.COMPLETE, version, result=Result.ACCEPTED, answer="정비했습니다.")
    case.load()
    idle(qtbot, runner)
    assert case.print_answer_button.isEnabled()
    case.print_answer_button.click()
    idle(qtbot, runner)
    assert len(printed) == 2 and len(PdfReader(printed[1]).pages) >= 1
    assert [d.split(":")[0] for _, d in logged(db_path)] == ["접수증", "회신문"]
    assert no_message_boxes == []

    monkeypatch.setattr(printing, "ask_printer", lambda parent: None)  # cancelled
    case.print_receipt_button.click()
    idle(qtbot, runner)
    assert len(logged(db_path)) == 2


def test_the_received_confirmation_prints_the_receipt(qtbot, clerk, runner, db_path, printed,
                                                      shots, no_message_boxes):
    from pcrm_desktop.ui.complaint_intake import IntakeDialog
    window = QWidget()
    qtbot.addWidget(window)
    dialog = IntakeDialog(clerk, runner, S.categories(clerk), window)
    dialog.show()
    idle(qtbot, runner)
    dialog.unnamed.click()
    dialog.title.setText("가로등 고장")  # setText: keyClicks with Hangul aborts the process
    dialog.save()
    qtbot.waitUntil(lambda: getattr(dialog, "received_box", None) is not None, timeout=10000)
    box = dialog.received_box
    receipt_no = dialog.result_info.receipt_no
    assert box.isVisible() and receipt_no in box.text() and "접수했습니다" in box.text()
    assert box.print_button.text() == "접수증 인쇄…"
    save_screenshot(box, shots, "intake-received-print")
    box.print_button.click()
    idle(qtbot, runner)
    assert len(printed) == 1 and len(PdfReader(printed[0]).pages) >= 1
    assert logged(db_path) == [(receipt_no, f"접수증: 접수증_{receipt_no}_인쇄.pdf")]


def test_assign_starts_at_the_clerk_with_staff_by_team_and_name(qtbot, clerk, runner, shots):
    case = open_case(qtbot, clerk, runner, new_case(clerk, None))
    step = case.start_action(Action.ASSIGN)
    idle(qtbot, runner)
    names = [step.assignee.itemText(i) for i in range(step.assignee.count())]
    assert names == ["강민원 (민원행정팀)", "최행정 (민원행정팀)", "홍길동 (민원행정팀)",
                     "이주무 (복지팀)", "하민원 (복지팀)"]
    assert step.assignee.currentData() == clerk.actor.staff_id
    save_screenshot(step, shots, "case-assign-default")
    step.submit()
    idle(qtbot, runner)
    assert S.case(clerk, case.complaint_id)["assignee"] == "이주무"


def test_extension_starts_at_a_date_the_rules_accept(qtbot, clerk, runner, shots):
    case_id = new_case(clerk, clerk.actor.staff_id)
    due = S.case(clerk, case_id)["due_at"]
    case = open_case(qtbot, clerk, runner, case_id)
    step = case.start_action(Action.EXTEND)
    idle(qtbot, runner)
    suggested = step.new_due.dateTime().toPython()
    assert suggested > due
    assert moment(suggested) in step.notice.toPlainText()  # the 연장 통지 says the new date
    save_screenshot(step, shots, "case-extend-default")
    step.note.setPlainText("현장 확인에 시간이 더 필요합니다")
    step.submit()
    idle(qtbot, runner)
    assert step.error.text() == ""
    after = S.case(clerk, case_id)
    assert after["extended"] and after["due_at"] == suggested
