"""보고서: choose a report and its month or period, build it in the background with progress,
look at its pages inside the app, then save, open or print it (SCREENS.md "Reports page").

A built report is kept in the data folder's `reports/` (or a temporary folder), so 열기 hands
the file to the system's PDF viewer and 저장 copies it where the user wants."""
from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.ui import dialogs
from pcrm_desktop.ui.combo import refill
from pcrm_desktop.ui.labels import survey_choices
from pcrm_desktop.ui.pages.base import Page, heading
from pcrm_desktop.ui.printing import ask_printer, paint_pages, print_images

KINDS = ("monthly", "register", "survey")
PREVIEW_WIDTH = 260  # px of a page thumbnail


@dataclass(frozen=True)
class Preview:
    path: Path
    pages: list[tuple[int, int, bytes]]  # (width, height, RGB bytes) of each page
    summary: str


def render_pages(path: Path, width: int = PREVIEW_WIDTH, limit: int = 40) -> list[tuple[int, int, bytes]]:
    """Page images of a PDF (first `limit` pages) as raw RGB, made off the GUI thread; the
    window turns them into pixmaps. PDFium, so what is shown is what the PDF holds."""
    import pypdfium2
    document = pypdfium2.PdfDocument(str(path))
    try:
        images = []
        for index in range(min(len(document), limit)):
            page = document[index]
            scale = width / page.get_width()
            image = page.render(scale=scale).to_pil().convert("RGB")
            images.append((image.width, image.height, image.tobytes()))
            page.close()
        return images
    finally:
        document.close()


class ReportsPage(Page):
    changed = Signal(object)
    depends_on = frozenset({"surveys"})

    def __init__(self, ctx, runner) -> None:
        super().__init__()
        self.setObjectName("reportsPage")
        self.ctx, self.runner = ctx, runner
        self.preview: Preview | None = None
        self.folder = self._folder()
        self.title = heading()
        self._build_kinds()
        self._build_form()
        self._build_actions()
        self._lay_out()
        self.kinds.currentRowChanged.connect(lambda _: self._show_fields())
        self.retranslate_ui()
        self.kinds.setCurrentRow(0)
        self.reload()

    # --- construction ---------------------------------------------------------------------
    def _build_kinds(self) -> None:
        self.kinds = QListWidget()
        self.kinds.setObjectName("reportKinds")
        self.kinds.setMaximumWidth(300)
        self.kinds.setMaximumHeight(110)
        for kind in KINDS:
            item = QListWidgetItem("")
            item.setData(Qt.ItemDataRole.UserRole, kind)
            self.kinds.addItem(item)

    def _build_form(self) -> None:
        """The month, the period or the survey the chosen kind asks for, and the XLSX copy."""
        today = QDate(self.ctx.clock().date())
        self.month = QDateEdit(today.addMonths(-1))
        self.month.setObjectName("reportMonth")
        self.month.setDisplayFormat("yyyy-MM")
        self.first = QDateEdit(QDate(today.year(), today.month(), 1))
        self.first.setObjectName("reportFrom")
        self.last = QDateEdit(today)
        self.last.setObjectName("reportTo")
        for edit in (self.first, self.last):
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setCalendarPopup(True)
        self.survey = QComboBox()
        self.survey.setObjectName("reportSurvey")
        self.xlsx = QCheckBox()
        self.xlsx.setObjectName("reportXlsx")
        self.form = QFormLayout()
        self.labels = {key: QLabel() for key in ("month", "from", "to", "survey")}
        self.form.addRow(self.labels["month"], self.month)
        self.form.addRow(self.labels["from"], self.first)
        self.form.addRow(self.labels["to"], self.last)
        self.form.addRow(self.labels["survey"], self.survey)
        self.form.addRow("", self.xlsx)

    def _build_actions(self) -> None:
        """만들기 with its progress and status; 저장, 열기 and 인쇄 once a report is made."""
        self.build_button = QPushButton()
        self.build_button.setObjectName("reportBuild")
        self.build_button.clicked.connect(self.build)
        self.progress = QProgressBar()
        self.progress.setObjectName("reportProgress")
        self.progress.setRange(0, 6)
        self.progress.hide()
        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        self.status.setWordWrap(True)
        self.save_button, self.open_button, self.print_button = QPushButton(), QPushButton(), QPushButton()
        for name, button, slot in (("reportSave", self.save_button, self.save_as),
                                   ("reportOpen", self.open_button, self.open_file),
                                   ("reportPrint", self.print_button, self.print_report)):
            button.setObjectName(name)
            button.clicked.connect(slot)
            button.setEnabled(False)

    def _build_preview(self) -> QScrollArea:
        """The made report's pages, side by side (a hint of what to do until then)."""
        self.pages_box = QWidget()
        self.pages_grid = QGridLayout(self.pages_box)
        self.pages_grid.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty_hint = QLabel()  # until a report is made: what to do, where the pages will show
        self.empty_hint.setObjectName("reportEmptyHint")
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color: #555; padding: 24px;")
        self.pages_grid.addWidget(self.empty_hint, 0, 0)
        scroll = QScrollArea()
        scroll.setObjectName("reportPreview")
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.pages_box)
        return scroll

    def _lay_out(self) -> None:
        left = QVBoxLayout()
        left.addWidget(self.kinds)
        left.addLayout(self.form)
        left.addWidget(self.build_button)
        left.addWidget(self.progress)
        left.addWidget(self.status)
        left.addStretch(1)
        actions = QHBoxLayout()
        for button in (self.save_button, self.open_button, self.print_button):
            actions.addWidget(button)
        actions.addStretch(1)
        scroll = self._build_preview()
        right = QVBoxLayout()
        right.addLayout(actions)
        right.addWidget(scroll, 1)
        body = QHBoxLayout()
        body.addLayout(left)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)

    def _folder(self) -> Path:
        base = self.ctx.files_dir.parent / "reports" if self.ctx.files_dir else None
        if base is None:
            base = Path(tempfile.mkdtemp(prefix="pcrm-reports-"))
        base.mkdir(parents=True, exist_ok=True)
        return base

    def retranslate_ui(self) -> None:
        self.kinds.setAccessibleName(self.tr("보고서 종류"))
        self.title.setText(self.tr("보고서"))
        names = {"monthly": self.tr("월간 민원·고객만족 보고서"), "register": self.tr("민원처리부 (PDF)"),
                 "survey": self.tr("만족도 조사 결과")}
        for row in range(self.kinds.count()):
            item = self.kinds.item(row)
            item.setText(names[item.data(Qt.ItemDataRole.UserRole)])
        # wide and tall enough for the kinds in this language and text size
        metrics = self.kinds.fontMetrics()
        self.kinds.setFixedWidth(max(300, max(metrics.horizontalAdvance(n) for n in names.values()) + 40))
        self.kinds.setMaximumHeight(max(110, self.kinds.sizeHintForRow(0) * len(names) + 12))
        self.labels["month"].setText(self.tr("보고 월"))
        self.labels["from"].setText(self.tr("시작"))
        self.labels["to"].setText(self.tr("끝"))
        self.labels["survey"].setText(self.tr("설문"))
        self.xlsx.setText(self.tr("같은 표를 엑셀로도 저장"))
        self.build_button.setText(self.tr("만들기"))
        self.save_button.setText(self.tr("저장…"))
        self.open_button.setText(self.tr("열기"))
        self.print_button.setText(self.tr("인쇄…"))
        self.empty_hint.setText(self.tr("왼쪽에서 보고서 종류와 기간을 고르고 [만들기]를 누르면 "
                                        "여기에 쪽마다 미리 보기가 나옵니다. 저장·열기·인쇄는 그다음에 됩니다."))

    def kind(self) -> str:
        item = self.kinds.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else "monthly"

    def _show_fields(self) -> None:
        kind = self.kind()
        for key, widget, shown in (("month", self.month, kind == "monthly"),
                                   ("from", self.first, kind != "monthly"),
                                   ("to", self.last, kind != "monthly"),
                                   ("survey", self.survey, kind == "survey")):
            widget.setVisible(shown)
            self.labels[key].setVisible(shown)
        self.xlsx.setVisible(kind == "monthly")

    def reload(self) -> None:
        from pcrm_desktop.services import surveys
        ctx = self.ctx
        self.runner.run(lambda control: surveys.surveys(ctx), self._surveys,
                        lambda error: self.status.setText(self.tr("설문 목록을 읽지 못했습니다.")))

    def _surveys(self, rows: list[dict]) -> None:
        refill(self.survey, survey_choices(rows),
               rows[0]["code"] if rows else None)

    # --- building ---------------------------------------------------------------------------
    def build(self) -> None:
        kind, ctx, folder = self.kind(), self.ctx, self.folder
        month = self.month.date().toPython().replace(day=1)
        first, last = self.first.date().toPython(), self.last.date().toPython()
        survey, xlsx = self.survey.currentData(), self.xlsx.isChecked()
        if kind == "survey" and not survey:
            dialogs.show_info(self, self.tr("보고서"), self.tr("먼저 설문을 만드십시오."))
            return

        def work(control) -> Preview:
            out, summary = _build(kind, ctx, folder, month, first, last, survey, xlsx, control)
            return Preview(out, render_pages(out), summary)
        self.build_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(self.tr("만드는 중…"))
        task = self.runner.run(work, self._built, self._failed)
        task.signals.progress.connect(self._progress)  # queued from the lane: none is missed

    def _progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.status.setText(self.tr("만드는 중: {step}").format(step=text))

    def _built(self, preview: Preview) -> None:
        self.preview = preview
        self.build_button.setEnabled(True)
        self.progress.hide()
        self.status.setText(preview.summary)
        for button in (self.save_button, self.open_button, self.print_button):
            button.setEnabled(True)
        self.empty_hint.hide()
        while self.pages_grid.count():
            child = self.pages_grid.takeAt(0)
            if child.widget() and child.widget() is not self.empty_hint:
                child.widget().deleteLater()
        for index, (width, height, data) in enumerate(preview.pages):
            image = QImage(data, width, height, width * 3, QImage.Format.Format_RGB888).copy()
            label = QLabel()
            label.setObjectName(f"reportPage{index + 1}")
            label.setPixmap(QPixmap.fromImage(image))
            label.setStyleSheet("border: 1px solid #999; background: white;")
            label.setToolTip(self.tr("{n}쪽").format(n=index + 1))
            self.pages_grid.addWidget(label, index // 3, index % 3)
        self.changed.emit(frozenset({"reports"}))

    def _failed(self, error) -> None:
        self.build_button.setEnabled(True)
        self.progress.hide()
        self.status.setText("")
        dialogs.explain(self, self.tr("보고서"), error)

    # --- after ------------------------------------------------------------------------------
    def save_as(self) -> Path | None:
        if self.preview is None:
            return None
        path = dialogs.ask_save_path(self, self.tr("보고서 저장"), self.preview.path.name, "PDF (*.pdf)")
        if not path:
            return None
        target = Path(path)
        try:
            shutil.copyfile(self.preview.path, target)
            xlsx = self.preview.path.with_suffix(".xlsx")
            if xlsx.exists():
                shutil.copyfile(xlsx, target.with_suffix(".xlsx"))
        except OSError as error:
            dialogs.show_error(self, self.tr("보고서 저장"), self.tr(
                "저장하지 못했습니다: {path}\n{reason}").format(path=target, reason=error.strerror or error))
            return None
        self.status.setText(self.tr("저장했습니다: {path}").format(path=target))
        return target

    def open_file(self) -> None:
        if self.preview is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.preview.path)))

    def print_report(self) -> None:
        """인쇄…: ask for a printer (`ask_printer`, which a test replaces), then `print_to` it.
        Takes no argument: the button's `clicked(bool)` must not arrive as the printer."""
        if self.preview is None:
            return
        printer = ask_printer(self)
        if printer is not None:
            self.print_to(printer)

    def print_to(self, printer) -> None:
        """Print every page: PDFium draws them in the background (150 dpi, one page at a time,
        kept as PNG), then they go to the printer in the page's own orientation."""
        if self.preview is None:
            return
        path = self.preview.path
        self.print_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.show()
        self.status.setText(self.tr("인쇄 준비 중…"))
        self.printer = printer
        task = self.runner.run(lambda control: print_images(path, control), self._print_pages,
                               self._print_failed)
        task.signals.progress.connect(self._print_progress)

    def _print_progress(self, done: int, total: int, text: str) -> None:
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.status.setText(self.tr("인쇄 준비 중: {step}").format(step=text))

    def _print_pages(self, pages: list[tuple[bool, bytes]]) -> None:
        printer, self.printer = self.printer, None
        self.print_button.setEnabled(True)
        self.progress.hide()
        if not paint_pages(printer, pages):
            self.status.setText("")
            dialogs.show_error(self, self.tr("인쇄"), self.tr("프린터를 열 수 없습니다."))
            return
        self.status.setText(self.tr("인쇄로 보냈습니다: {n}쪽").format(n=len(pages)))

    def _print_failed(self, error) -> None:
        self.printer = None
        self.print_button.setEnabled(True)
        self.progress.hide()
        self.status.setText("")
        dialogs.explain(self, self.tr("인쇄"), error)


def _build(kind: str, ctx, folder: Path, month: date, first: date, last: date, survey: str | None,
           xlsx: bool, control) -> tuple[Path, str]:
    """Make the chosen report in `folder`; its path and a line saying what it holds."""
    stamp = ctx.clock().strftime("%Y%m%d-%H%M%S")
    if kind == "monthly":
        from pcrm_desktop.services.monthly_report import build_monthly
        from pcrm_desktop.ui.labels import worded
        out = folder / f"월간보고서-{month:%Y-%m}-{stamp}.pdf"
        built = build_monthly(ctx, month, out, out.with_suffix(".xlsx") if xlsx else None,
                              progress=worded(control.progress))
        r = built.report
        return out, (f"{month:%Y년 %m월} 보고서 {built.pages}쪽: 접수 {r.headline('received').value:,.0f}건, "
                     f"처리 {r.headline('finished').value:,.0f}건" + (", 엑셀 함께" if xlsx else ""))
    if kind == "register":
        from pcrm_desktop.services.report_register import build_register
        out = folder / f"민원처리부-{first}-{last}-{stamp}.pdf"
        done = build_register(ctx, first, last, out)
        return out, f"민원처리부 {first} ~ {last}: {done.rows:,}건, {done.pages}쪽"
    from pcrm_desktop.services.report_survey import build_survey_report
    out = folder / f"만족도-{survey}-{first}-{last}-{stamp}.pdf"
    done = build_survey_report(ctx, survey, first, last, out)
    return out, f"만족도 조사 결과 {survey} {first} ~ {last}: 응답 {done.responses:,}건, {done.pages}쪽"
