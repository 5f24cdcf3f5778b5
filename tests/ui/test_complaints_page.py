"""민원 page through the real widgets: queues with D-days, intake with the applicant search and
the live due date, then the case from 배정 to 종결 through the action dialogs; screenshots."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from pcrm_desktop.services.demo import DemoRequest, fill_demo
from tests.dbutil import rows
from tests.ui.helpers import save_screenshot, type_text


@pytest.fixture
def demo_backend(backend):
    fill_demo(backend.ctx, DemoRequest(citizens=300, complaints=600, seed=3))
    return backend


@pytest.fixture
def page(qtbot, demo_backend, no_message_boxes):
    from pcrm_desktop.app import Application
    from tests.ui.conftest import _args
    app = Application(_args(), QApplication.instance())
    app.open_window(demo_backend)
    from tests.ui.helpers import sign_in_demo
    sign_in_demo(qtbot, app)
    qtbot.addWidget(app.window)
    app.window.resize(1366, 768)
    page = app.window.open_page("complaints")
    _idle(qtbot, page)
    yield page
    app.runner.wait(5000)


def _idle(qtbot, page):
    qtbot.waitUntil(lambda: not page.runner.busy(), timeout=10000)
    QApplication.processEvents()


def _rows(page):
    return [page.model.row(i) for i in range(page.model.rowCount())]


def _overdue_at(db_path, moment) -> int:
    """Open cases whose due minute is over at `moment` (domain.deadlines.past_due), in SQL."""
    minute = moment.replace(second=0, microsecond=0).isoformat(" ", "microseconds")
    return rows(db_path, "SELECT count(*) FROM complaints WHERE open AND due_at < ?", minute)[0][0]


def test_queues_show_counts_and_d_days(qtbot, page, db_path, screenshot_dir):
    page.tabs.setCurrentIndex(page.QUEUES.index("open"))
    _idle(qtbot, page)
    open_count = rows(db_path, "SELECT count(*) FROM complaints WHERE open")[0][0]
    assert page.counts["open"] == open_count > 0
    assert page.tabs.tabText(page.QUEUES.index("open")).endswith(f"({open_count:,})")
    shown = _rows(page)
    assert [r.due_at for r in shown] == sorted(r.due_at for r in shown)  # 처리기한순, in SQL
    d_days = [page.model.data(page.model.index(i, 9)) for i in range(len(shown))]
    assert all(d.startswith("D") for d in d_days)
    # overdue: the due minute is over (after 18:00 a case due today at 18:00 is overdue while
    # its D-day still reads "D-day": the test must not depend on the time of day it runs at)
    from datetime import datetime

    from pcrm_desktop.domain.deadlines import past_due
    now = datetime.now()
    overdue = [i for i, r in enumerate(shown) if past_due(r.due_at, now)]
    assert overdue, "the demo has overdue cases"
    assert all(d_days[i].startswith(("D+", "D-day")) for i in overdue)
    from PySide6.QtCore import Qt
    assert page.model.data(page.model.index(overdue[0], 9), Qt.ItemDataRole.FontRole).bold()
    save_screenshot(page.window(), screenshot_dir, "complaints-queue")
    # the overdue tab: every open case whose due minute is over, counted in SQL at a moment
    # between the two reads around it (a due minute may end while the tab loads), and listed
    # a page (PAGE rows) at a time, the first page sorted by due date like the open tab's
    from pcrm_desktop.ui.lazy_model import PAGE
    before = _overdue_at(db_path, datetime.now())
    page.tabs.setCurrentIndex(page.QUEUES.index("overdue"))
    _idle(qtbot, page)
    after = _overdue_at(db_path, datetime.now())
    count, listed = page.counts["overdue"], _rows(page)
    assert before <= count <= after and count > 0
    assert len(listed) == min(count, PAGE)
    assert page.model.canFetchMore() is (count >= PAGE)  # a full page may have a next one
    assert all(past_due(r.due_at, datetime.now()) for r in listed)
    assert [r.id for r in listed[:len(overdue)]] == [shown[i].id for i in overdue]


def test_intake_to_closure_through_the_dialogs(qtbot, page, db_path, screenshot_dir,
                                               no_message_boxes, tmp_path, monkeypatch):
    from pcrm_desktop.ui import dialogs
    dialog = page.window().new_complaint()
    _idle(qtbot, page)
    dialog.type.setCurrentIndex(dialog.type.findData("inquiry"))
    parking = next(c["id"] for c in page.categories if c["name"] == "불법주정차")
    dialog.category.setCurrentIndex(dialog.category.findData(parking))
    type_text(dialog.title, "골목길 불법주정차 단속 요청")
    dialog.content.setPlainText("저녁마다 소방도로에 차량이 주차되어 있습니다.")
    type_text(dialog.dong, "청운동")
    type_text(dialog.applicant_search, "김")
    dialog._search_applicant()
    _idle(qtbot, page)
    assert dialog.applicant_list.count() > 0
    dialog._choose_applicant(dialog.applicant_list.item(0))
    _idle(qtbot, page)
    qtbot.waitUntil(lambda: dialog.deadline is not None, timeout=5000)
    assert "D-" in dialog.due.text()
    photo = tmp_path / "현장.jpg"
    photo.write_bytes(b"\xff\xd8" + b"1" * 300)
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: str(photo))
    dialog._add_file()
    assert dialog.files_label.text() == "현장.jpg"
    save_screenshot(dialog, screenshot_dir, "complaints-intake")
    dialog._explain_due()
    assert no_message_boxes[-1][1].splitlines()[-1].startswith("처리기한:")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=5000)
    receipt_no = dialog.result_info.receipt_no
    assert receipt_no in dialog.received_box.text()
    case_id = dialog.result_info.complaint_id

    case = page.open_case(case_id)
    _idle(qtbot, page)
    assert receipt_no in case.header.text()
    assert case.files.count() == 1 and "현장.jpg" in case.files.item(0).text()
    case.explain_due()
    assert no_message_boxes[-1][1].splitlines()[-1].startswith("처리기한:")
    from pcrm_desktop.domain.complaints import Action, Result
    shown = {a for a, b in case.action_buttons.items() if not b.isHidden()}
    assert shown == {Action.ASSIGN, Action.START, Action.EXTEND, Action.TRANSFER, Action.NOTICE,
                     Action.COMPLETE}  # only what a new case allows

    def act(action, **fill):
        assert not case.action_buttons[action].isHidden(), action
        before = case.history.rowCount()
        step = case.start_action(action)
        _idle(qtbot, page)
        for name, value in fill.items():
            widget = getattr(step, name)
            if name in ("assignee", "result"):
                widget.setCurrentIndex(widget.findData(value))
            else:
                widget.setPlainText(value)
        step.submit()
        qtbot.waitUntil(lambda: case.history.rowCount() == before + 1, timeout=5000)
        _idle(qtbot, page)

    me = page.ctx.actor.staff_id
    act(Action.ASSIGN, assignee=me)
    act(Action.START)
    step = case.start_action(Action.NOTICE)
    _idle(qtbot, page)
    text = step.notice.toPlainText()  # the template, filled from this case
    assert receipt_no in text and "골목길 불법주정차 단속 요청" in text and "{" not in text
    assert "02-0000-0000" in text  # the office's phone from the demo profile
    step.reject()
    act(Action.NOTICE)
    act(Action.COMPLETE, result=Result.ACCEPTED.value, answer="단속반이 현장 단속하였습니다.")
    save_screenshot(case, screenshot_dir, "complaints-case-history")
    act(Action.CLOSE)
    assert case.action_buttons[Action.REOPEN].isHidden()  # nothing after 종결
    assert rows(db_path, "SELECT status, result, assignee_id FROM complaints WHERE id = ?",
                case_id) == [("closed", "accepted", me)]
    kinds = [case.history.row(i)["kind"] for i in range(case.history.rowCount())]
    assert kinds == ["received", "assign", "start", "notice", "complete", "close"]
    assert case.history.row(3)["note"].startswith("[문자 통지] [청운효자동")


def test_a_refused_step_keeps_the_dialog_and_says_why(qtbot, page, screenshot_dir):
    from pcrm_desktop.domain.complaints import Action
    dialog = page.window().new_complaint()
    _idle(qtbot, page)
    dialog.unnamed.click()  # no applicant, on purpose
    dialog.save()  # no title
    _idle(qtbot, page)
    assert "제목" in dialog.error.text() and dialog.isVisible()
    type_text(dialog.title, "가로등 고장")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=5000)
    case = page.open_case(dialog.result_info.complaint_id)
    _idle(qtbot, page)
    step = case.start_action(Action.HOLD)
    step.submit()  # 보류 needs a reason
    _idle(qtbot, page)
    assert step.isVisible() and step.error.text()


def test_receipt_and_answer_pdfs_from_the_case(qtbot, page, db_path, tmp_path, monkeypatch,
                                               no_message_boxes, screenshot_dir):
    import subprocess

    from pypdf import PdfReader

    from pcrm_desktop.ui import dialogs
    case_id, receipt_no, applicant = rows(
        db_path, "SELECT c.id, c.receipt_no, ci.name FROM complaints c JOIN citizens ci"
                 " ON ci.id = c.citizen_id WHERE c.status = 'closed' ORDER BY c.id LIMIT 1")[0]
    case = page.open_case(case_id)
    _idle(qtbot, page)
    assert case.answer_button.isEnabled()
    for kind in ("receipt", "answer"):
        out = tmp_path / f"{kind}.pdf"
        monkeypatch.setattr(dialogs, "ask_save_path", lambda *a, out=out: str(out))
        case.save_pdf(kind)
        _idle(qtbot, page)
        qtbot.waitUntil(out.exists, timeout=10000)
        reader = PdfReader(out)
        text = "".join(p.extract_text() for p in reader.pages)
        assert receipt_no in text and applicant in text
        assert ("민원 접수증" if kind == "receipt" else "처리 결과 알림") in text
        fonts = {str(f.get("/BaseFont")) for p in reader.pages
                 for f in (p["/Resources"]["/Font"].values())}
        assert any("Nanum" in f or "Malgun" in f for f in fonts), fonts  # Korean font embedded
        png = screenshot_dir / f"complaints-{kind}-pdf"
        subprocess.run(["pdftoppm", "-png", "-r", "80", "-singlefile", str(out), str(png)], check=True)
    logged = rows(db_path, "SELECT target, detail FROM audit_log WHERE action = 'complaint.print'")
    assert [t for t, _ in logged] == [receipt_no, receipt_no]
    assert logged[0][1].startswith("접수증") and logged[1][1].startswith("회신문")


def test_import_the_nyc_sample_and_export_the_register(qtbot, page, db_path, tmp_path,
                                                       monkeypatch, no_message_boxes,
                                                       screenshot_dir):
    from datetime import date

    from openpyxl import load_workbook

    from pcrm_desktop.ui import dialogs
    from tests.conftest import SHARED_DATA
    before = rows(db_path, "SELECT count(*) FROM complaints")[0][0]
    monkeypatch.setattr(dialogs, "ask_open_path",
                        lambda *a: str(SHARED_DATA / "nyc311_service_requests_sample.csv"))
    dialog = page.import_file()
    qtbot.waitUntil(lambda: dialog.table is not None, timeout=10000)
    assert dialog.combos["received_at"].currentData() == "Created Date"  # guessed
    assert dialog.combos["department"].currentData() == "Agency"
    dialog.check()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=10000)
    assert "유효 1,000행 · 거부 0행" in dialog.report.text()
    save_screenshot(dialog, screenshot_dir, "complaints-import")
    dialog.run_import()
    qtbot.waitUntil(lambda: "1,000건을 가져왔습니다" in dialog.report.text(), timeout=20000)
    assert rows(db_path, "SELECT count(*) FROM complaints")[0][0] == before + 1000

    out = tmp_path / "register.xlsx"
    monkeypatch.setattr(dialogs, "ask_period", lambda *a: (date(2018, 6, 1), date(2018, 6, 30)))
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(out))
    monkeypatch.setattr(dialogs, "ask_text", lambda *a: "")  # no reason: nothing leaves
    errors = []
    monkeypatch.setattr(dialogs, "show_error", lambda parent, title, text: errors.append(text))
    page.export_register()
    assert errors and "사유" in errors[0] and not out.exists()
    monkeypatch.setattr(dialogs, "ask_text", lambda *a: "구청 민원 현황 제출")
    page.export_register()
    qtbot.waitUntil(out.exists, timeout=10000)
    sheet = list(load_workbook(out).active.iter_rows(values_only=True))
    june = rows(db_path, "SELECT count(*) FROM complaints WHERE received_at >= '2018-06-01'"
                         " AND received_at < '2018-07-01'")[0][0]
    assert len(sheet) - 1 == june > 0
    assert rows(db_path, "SELECT reason FROM audit_log WHERE action = 'complaint.export'") \
        == [("구청 민원 현황 제출",)]


def test_happy_calls_from_the_page(qtbot, page, db_path, screenshot_dir):
    from datetime import timedelta

    from pcrm_desktop.domain.happy_call import Outcome
    dialog = page.open_happy_calls()
    _idle(qtbot, page)
    today = page.ctx.clock().date()
    dialog.week.setDate(today - timedelta(days=today.weekday() + 7))
    dialog.share.setValue(100)  # everyone closed that week with a phone
    dialog.sample()
    _idle(qtbot, page)
    chosen = rows(db_path, "SELECT count(*) FROM happy_calls")[0][0]
    assert chosen > 0 and f"{chosen:,}건을 통화 대상으로" in dialog.info.text()
    assert dialog.model.rowCount() == chosen
    assert all("*" in dialog.model.row(i)["phone"] for i in range(chosen))
    save_screenshot(dialog, screenshot_dir, "complaints-happy-calls")
    dialog.table.selectRow(0)
    first = dialog.model.row(0)["id"]
    dialog.reveal_phone()  # the number to dial, recorded
    _idle(qtbot, page)
    tail = dialog.model.row(0)["phone"][-4:]
    assert tail in dialog.info.text() and "****" not in dialog.info.text()
    detail, reason = rows(db_path, "SELECT detail, reason FROM audit_log WHERE action = "
                                   "'citizen.reveal' ORDER BY id DESC LIMIT 1")[0]
    assert detail == "phones" and reason.startswith("해피콜")
    dialog.outcome_buttons[Outcome.ANSWERED].click()
    _idle(qtbot, page)
    assert rows(db_path, "SELECT status, attempts FROM happy_calls WHERE id = ?", first) == [("reached", 1)]
    assert dialog.model.rowCount() == chosen - 1  # the pending list no longer has it


def test_status_bar_and_badge(qtbot, page, db_path):
    window = page.window()
    qtbot.waitUntil(lambda: bool(window.status_bar.figures), timeout=10000)
    now = page.ctx.clock()
    today = now.date().isoformat()
    received = rows(db_path, "SELECT count(*) FROM complaints WHERE substr(received_at, 1, 10) = ?", today)[0][0]
    overdue = rows(db_path, "SELECT count(*) FROM complaints WHERE open AND due_at < ?",
                   now.isoformat(" ", "microseconds"))[0][0]
    figures = window.status_bar.figures
    assert figures["received"] == received and figures["overdue"] == overdue
    assert window.status_bar.today.text().startswith(f"오늘 접수 {received:,}")
    assert window.status_bar.backup.text() == "백업 없음"
    from pcrm_desktop.services import backups
    made = backups.backup_now(page.ctx, "start")  # what the app does at start, in its own lane
    window.broadcast(backups.CHANGED)
    qtbot.waitUntil(lambda: window.status_bar.backup.text().startswith("마지막 백업"), timeout=10000)
    assert window.status_bar.backup.text() == f"마지막 백업 {made.at:%H:%M}"
    # give this clerk an overdue case: the 민원 entry shows the badge
    from pcrm_desktop.domain.complaints import Action
    from pcrm_desktop.services import complaints
    case_id, version = rows(db_path, "SELECT id, version FROM complaints WHERE open AND due_at < ?"
                                     " LIMIT 1", now.isoformat(" ", "microseconds"))[0]
    complaints.act(page.ctx, case_id, Action.ASSIGN, version, assignee_id=page.ctx.actor.staff_id)
    window.broadcast(frozenset({"complaints"}))
    row = next(i for i, e in enumerate(window.entries) if e.key == "complaints")
    qtbot.waitUntil(lambda: window.nav.item(row).text().endswith("1"), timeout=10000)


def test_attach_a_file_and_link_earlier_cases(qtbot, page, db_path, tmp_path, monkeypatch):
    from pcrm_desktop.domain.complaints import Channel, Intake
    from pcrm_desktop.services import complaints
    from pcrm_desktop.ui import dialogs
    citizen, category = rows(db_path, "SELECT citizen_id, category_id FROM complaints"
                                      " WHERE citizen_id IS NOT NULL LIMIT 1")[0]
    now = page.ctx.clock().replace(second=0, microsecond=0)
    new = complaints.receive(page.ctx, Intake(now, Channel.PHONE, "inquiry", "같은 일 다시",
                                              "", category, citizen))
    assert new.repeats.any
    case = page.open_case(new.complaint_id)
    _idle(qtbot, page)
    assert not case.link_button.isHidden()
    case.link_earlier()
    _idle(qtbot, page)
    assert case.link_button.isHidden() and "연결된 민원" in case.details.text()
    photo = tmp_path / "사진.png"
    photo.write_bytes(b"\x89PNG" + b"0" * 100)
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: str(photo))
    case.attach_file()
    _idle(qtbot, page)
    assert case.files.count() == 1 and "사진.png" in case.files.item(0).text()
    case.files.setCurrentRow(0)
    from PySide6.QtGui import QDesktopServices
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: True)
    case.open_file()
    _idle(qtbot, page)
    assert case.opened_path.read_bytes() == photo.read_bytes()
    case.accept()  # closing removes the copy opened for viewing
    assert not case.opened_path.exists()


def test_intake_with_a_file_too_large_saves_nothing(qtbot, page, db_path, tmp_path, monkeypatch):
    from pcrm_desktop.services import attachments
    from pcrm_desktop.ui import dialogs
    monkeypatch.setattr(attachments, "MAX_BYTES", 100)
    before = rows(db_path, "SELECT count(*) FROM complaints")[0][0]
    dialog = page.window().new_complaint()
    _idle(qtbot, page)
    type_text(dialog.title, "큰 파일")
    dialog.unnamed.click()  # no applicant, on purpose: the file is what is refused
    big = tmp_path / "큰.pdf"
    big.write_bytes(b"0" * 500)
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: str(big))
    dialog._add_file()
    dialog.save()
    _idle(qtbot, page)
    assert "너무 큽니다" in dialog.error.text() and dialog.isVisible()
    assert rows(db_path, "SELECT count(*) FROM complaints")[0][0] == before  # nothing received


def test_phone_survey_keyed_during_a_happy_call(qtbot, page, db_path, screenshot_dir):
    from datetime import timedelta

    from pcrm_desktop.domain.happy_call import Outcome
    from pcrm_desktop.services import surveys
    from tests.ui.test_paper_entry import focused, keys
    surveys.create_survey(page.ctx, "CALL", "HAPPYCALL", linked=True)
    dialog = page.open_happy_calls()
    _idle(qtbot, page)
    assert dialog.survey.currentData() == "CALL"  # the only linked survey is the default
    today = page.ctx.clock().date()
    dialog.week.setDate(today - timedelta(days=today.weekday() + 7))
    dialog.share.setValue(100)
    dialog.sample()
    _idle(qtbot, page)
    dialog.table.selectRow(0)
    call = dialog.model.row(0)
    dialog.record(Outcome.ANSWERED)
    qtbot.waitUntil(lambda: getattr(dialog, "answer_dialog", None) is not None, timeout=5000)
    answer = dialog.answer_dialog
    qtbot.waitExposed(answer)
    assert answer.objectName() == "phoneAnswerDialog" and not answer.form_no.isVisible()
    qtbot.waitUntil(lambda: focused(answer) == "paper_OVERALL")
    keys(qtbot, "2")  # 불만족
    keys(qtbot, "1")
    save_screenshot(answer, screenshot_dir, "happy-call-answers")
    keys(qtbot, "9")  # KIND: 해당없음, and the last Enter stores all
    qtbot.waitUntil(lambda: not answer.isVisible(), timeout=5000)
    _idle(qtbot, page)
    assert rows(db_path, "SELECT status, attempts FROM happy_calls WHERE id = ?", call["id"]) == [
        ("reached", 1)]
    assert rows(db_path, "SELECT l.complaint_id, r.mode FROM survey_links l"
                         " JOIN survey_responses r ON r.id = l.response_id") == [(call["complaint_id"], "phone")]
    assert rows(db_path, "SELECT complaint_id, reason FROM survey_callbacks") == [
        (call["complaint_id"], "OVERALL 2점")]
    assert dialog.model.rowCount() == rows(db_path, "SELECT count(*) FROM happy_calls"
                                                    " WHERE status = 'pending'")[0][0]
