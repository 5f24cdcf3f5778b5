"""보고서 page through the real widgets: a monthly report built in the background with its
pages shown inside the app, saved, and printed (to a PDF printer); screenshots."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from pcrm_desktop.services.demo import DemoRequest, fill_demo
from tests.dbutil import rows
from tests.ui.helpers import save_screenshot


@pytest.fixture
def page(qtbot, backend, no_message_boxes):
    from pcrm_desktop.app import Application
    from tests.ui.conftest import _args
    fill_demo(backend.ctx, DemoRequest(citizens=200, complaints=1200, responses=1500, seed=9))
    app = Application(_args(), QApplication.instance())
    app.open_window(backend)
    from tests.ui.helpers import sign_in_demo
    sign_in_demo(qtbot, app)
    qtbot.addWidget(app.window)
    app.window.resize(1366, 768)
    page = app.window.open_page("reports")
    qtbot.waitUntil(lambda: not page.runner.busy(), timeout=10000)
    yield page
    app.runner.wait(10000)


def _built(qtbot, page):
    qtbot.waitUntil(lambda: page.build_button.isEnabled() and not page.runner.busy(), timeout=60000)
    QApplication.processEvents()


def test_monthly_report_built_previewed_saved_and_printed(qtbot, page, db_path, tmp_path,
                                                          screenshot_dir, monkeypatch):
    from pypdf import PdfReader
    page.kinds.setCurrentRow(0)
    assert page.month.isVisible() and not page.first.isVisible()
    # before any report, the empty preview says what to do
    assert page.empty_hint.isVisible() and "[만들기]" in page.empty_hint.text()
    page.xlsx.setChecked(True)
    page.build()
    assert not page.build_button.isEnabled()
    _built(qtbot, page)
    assert page.preview is not None, page.status.text()
    pages = len(PdfReader(page.preview.path).pages)
    thumbnails = [w for w in page.pages_box.findChildren(QLabel) if w.objectName().startswith("reportPage")]
    assert len(thumbnails) == pages >= 3
    assert not page.empty_hint.isVisible()
    assert not thumbnails[0].pixmap().isNull() and thumbnails[0].pixmap().width() == 260
    assert f"{pages}쪽" in page.status.text()
    assert page.preview.path.with_suffix(".xlsx").exists()
    save_screenshot(page.window(), screenshot_dir, "reports-monthly")
    from pcrm_desktop.ui import dialogs
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(tmp_path / "보고서.pdf"))
    saved = page.save_as()
    assert saved.read_bytes() == page.preview.path.read_bytes()
    assert (tmp_path / "보고서.xlsx").exists()
    from PySide6.QtPrintSupport import QPrinter
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(100)
    from pcrm_desktop.ui.pages import reports_page
    asked = []
    monkeypatch.setattr(reports_page, "ask_printer", lambda parent: asked.append(parent) or printer)
    assert page.print_button.isEnabled()
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)  # the real button: clicked(bool)
    assert asked == [page]
    assert not page.print_button.isEnabled() and page.status.text().startswith("인쇄 준비 중")
    qtbot.waitUntil(lambda: page.print_button.isEnabled() and not page.runner.busy(), timeout=60000)
    assert (tmp_path / "printed.pdf").exists(), page.status.text()
    assert len(PdfReader(tmp_path / "printed.pdf").pages) == pages
    assert page.status.text() == f"인쇄로 보냈습니다: {pages}쪽"
    assert not page.progress.isVisible()
    # cancelling the print dialog prints nothing and leaves the page as it was
    monkeypatch.setattr(reports_page, "ask_printer", lambda parent: None)
    qtbot.mouseClick(page.print_button, Qt.MouseButton.LeftButton)
    assert page.print_button.isEnabled() and not page.runner.busy()
    assert page.status.text() == f"인쇄로 보냈습니다: {pages}쪽"
    assert rows(db_path, "SELECT count(*) FROM audit_log WHERE action = 'report.monthly'") == [(1,)]


def test_register_and_survey_results_from_the_page(qtbot, page, db_path, screenshot_dir):
    from datetime import date

    from PySide6.QtCore import QDate
    today = page.ctx.clock().date()
    first = today.replace(day=1)
    page.kinds.setCurrentRow(1)  # 민원처리부
    assert page.first.isVisible() and not page.month.isVisible() and not page.survey.isVisible()
    page.first.setDate(QDate(first))
    page.last.setDate(QDate(today))
    page.build()
    _built(qtbot, page)
    received = rows(db_path, "SELECT count(*) FROM complaints WHERE received_at >= ? AND received_at < ?",
                    f"{first} 00:00:00", f"{date.fromordinal(today.toordinal() + 1)} 00:00:00")[0][0]
    assert f"민원처리부 {first} ~ {today}: {received:,}건" in page.status.text()
    assert page.preview.path.name.startswith("민원처리부-")
    save_screenshot(page.window(), screenshot_dir, "reports-register")
    from PySide6.QtGui import QPageLayout
    from PySide6.QtPrintSupport import QPrinter
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(page.folder / "printed-register.pdf"))
    printer.setResolution(72)
    page.print_to(printer)
    qtbot.waitUntil(lambda: page.print_button.isEnabled() and not page.runner.busy(), timeout=60000)
    assert printer.pageLayout().orientation() == QPageLayout.Orientation.Landscape  # as its pages
    page.kinds.setCurrentRow(2)  # 만족도 조사 결과
    assert page.survey.isVisible() and page.survey.count() >= 1
    page.survey.setCurrentIndex(page.survey.findData("COUNTER"))
    page.build()
    _built(qtbot, page)
    responses = rows(db_path, "SELECT count(*) FROM survey_responses r JOIN survey_versions v ON v.id = r.version_id"
                              " JOIN surveys s ON s.id = v.survey_id WHERE s.code = 'COUNTER'"
                              " AND r.submitted_at >= ?", f"{first} 00:00:00")[0][0]
    assert f"응답 {responses:,}건" in page.status.text()
    assert rows(db_path, "SELECT action FROM audit_log WHERE action LIKE 'report.%' ORDER BY id") == [
        ("report.register",), ("report.survey",)]
