"""가져오기: column mapping with preview, a validation report, then all-or-nothing import."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.services import citizen_import, complaint_import
from pcrm_desktop.services.import_common import Rejected, write_report
from pcrm_desktop.services.tabular import read_table
from pcrm_desktop.ui import dialogs
from pcrm_desktop.ui.labels import worded
from pcrm_desktop.ui.table_model import RowsModel

PREVIEW_ROWS = 8


class ImportDialog(QDialog):
    imported = Signal(object)

    IMPORTERS = {"citizens": citizen_import, "complaints": complaint_import}
    REQUIRED = {"citizens": ("name",), "complaints": complaint_import.REQUIRED}

    def __init__(self, ctx, runner, path: str, parent: QWidget | None = None,
                 kind: str = "citizens") -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.ctx, self.runner, self.path, self.kind = ctx, runner, Path(path), kind
        self.importer = self.IMPORTERS[kind]
        self.table = None
        self.plan = None
        self.combos: dict[str, QComboBox] = {}
        self._build_views()
        self._build_buttons()
        self._lay_out()
        self.skip_duplicates.setVisible(kind == "citizens")  # 민원 rows are flagged, never held back
        self.setWindowTitle((self.tr("주민 가져오기 — {name}") if kind == "citizens"
                             else self.tr("민원 이력 가져오기 — {name}")).format(name=self.path.name))
        self.resize(1100, 640)
        self.info.setText(self.tr("파일을 읽는 중…"))
        self.runner.run(lambda control: read_table(self.path), self._loaded,
                        lambda error: self._fail(error), label=self.tr("파일을 읽는 중…"), parent=self)

    # --- construction ---------------------------------------------------------------------
    def _build_views(self) -> None:
        """What the file is, the mapping (filled once it is read), the first rows, and the
        check's report with the rows it would leave out."""
        self.info = QLabel()
        self.info.setObjectName("importInfo")
        self.info.setWordWrap(True)
        self.mapping_form = QFormLayout()
        self.preview = RowsModel([])
        self.preview_view = QTableView()
        self.preview_view.setObjectName("importPreview")
        self.preview_view.setAccessibleName(self.tr("미리 보기"))
        self.preview_view.verticalHeader().hide()
        self.report = QLabel()
        self.report.setObjectName("importReport")
        self.report.setWordWrap(True)
        self.rejected = RowsModel([(lambda: self.tr("행"), lambda r: r.row),
                                   (lambda: self.tr("사유"), lambda r: r.reason)])
        self.rejected_view = QTableView()
        self.rejected_view.setObjectName("rejectedView")
        self.rejected_view.setAccessibleName(self.tr("가져오지 않을 행과 사유"))
        self.rejected_view.setModel(self.rejected)
        self.rejected_view.verticalHeader().hide()
        self.rejected_view.horizontalHeader().setStretchLastSection(True)

    def _build_buttons(self) -> None:
        self.skip_duplicates = QCheckBox(self.tr("중복 의심 행은 가져오지 않기"))
        self.check_button, self.import_button = QPushButton(self.tr("검사(&C)")), QPushButton(self.tr("가져오기(&I)"))
        self.save_report_button, self.close_button = QPushButton(self.tr("보고서 저장…")), QPushButton(self.tr("닫기"))
        self.check_button.setObjectName("checkImport")
        self.check_button.setEnabled(False)  # until the file has been read
        self.import_button.setObjectName("runImport")
        self.import_button.setEnabled(False)
        self.save_report_button.setEnabled(False)
        self.check_button.clicked.connect(self.check)
        self.import_button.clicked.connect(self.run_import)
        self.save_report_button.clicked.connect(self.save_report)
        self.close_button.clicked.connect(self.reject)

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.skip_duplicates)
        buttons.addStretch(1)
        for button in (self.check_button, self.save_report_button, self.import_button, self.close_button):
            buttons.addWidget(button)
        columns = QHBoxLayout()
        columns.addLayout(self.mapping_form, 2)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("미리 보기 (처음 {n}행)").format(n=PREVIEW_ROWS)))
        right.addWidget(self.preview_view, 1)
        right.addWidget(self.report)
        right.addWidget(self.rejected_view, 1)
        columns.addLayout(right, 5)
        layout = QVBoxLayout(self)
        layout.addWidget(self.info)
        layout.addLayout(columns, 1)
        layout.addLayout(buttons)

    # --- mapping --------------------------------------------------------------------------
    def _loaded(self, table) -> None:
        self.table = table
        encoding = {"utf-8": "UTF-8", "utf-8-sig": "UTF-8 (BOM)", "cp949": "CP949 (EUC-KR)",
                    "xlsx": "Excel"}[table.encoding]
        self.info.setText(self.tr("{name}: {rows}행, 열 {cols}개, 인코딩 {enc}. 각 항목에 맞는 열을 고르고 "
                                  "[검사]를 누르십시오. 유효한 행은 한 번에 모두 저장되거나 하나도 저장되지 않습니다.")
                          .format(name=self.path.name, rows=f"{len(table.rows):,}", cols=len(table.headers),
                                  enc=encoding))
        guessed = self.importer.guess_mapping(table.headers)
        for field, (label, _) in self.importer.FIELDS.items():
            combo = QComboBox()
            combo.setObjectName(f"map_{field}")
            combo.addItem(self.tr("— 사용 안 함 —"), None)
            for header in table.headers:
                combo.addItem(header, header)
            combo.setCurrentIndex(max(0, combo.findData(guessed.get(field))))
            combo.currentIndexChanged.connect(self._mapping_changed)
            self.combos[field] = combo
            shown = QCoreApplication.translate("import", label)
            self.mapping_form.addRow(shown + (" *" if field in self.REQUIRED[self.kind] else ""), combo)
        self.preview = RowsModel([(lambda h=h: h, lambda r, i=i: r[i] if i < len(r) else "")
                                  for i, h in enumerate(table.headers)])
        self.preview.set_rows(table.rows[:PREVIEW_ROWS])
        self.check_button.setEnabled(True)
        self.preview_view.setModel(self.preview)
        self.preview_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # the mapping's combos are made after the buttons: Tab goes through them first, as read
        chain = [*self.combos.values(), self.preview_view, self.rejected_view, self.skip_duplicates,
                 self.check_button, self.save_report_button, self.import_button, self.close_button]
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)

    def mapping(self) -> dict[str, str]:
        return {field: combo.currentData() for field, combo in self.combos.items() if combo.currentData()}

    def _mapping_changed(self) -> None:
        self.plan = None
        self.import_button.setEnabled(False)
        self.report.clear()
        self.rejected.set_rows([])

    # --- check and import -----------------------------------------------------------------
    def check(self) -> None:
        ctx, table, mapping = self.ctx, self.table, self.mapping()
        self.runner.run(lambda control: self.importer.plan_import(
            ctx, table, mapping, worded(control.progress), control.cancelled),
                        self._checked, self._fail, label=self.tr("검사하는 중…"), parent=self)

    def _checked(self, plan) -> None:
        if plan.mapping != self.mapping():
            return  # the clerk changed the mapping while it was being checked: check again
        self.plan = plan
        flagged = self._flag_word()
        self.report.setText(self.tr("유효 {valid}행 · 거부 {rejected}행 · {flagged} {dups}행{rrn}").format(
            flagged=flagged,
            valid=f"{len(plan.valid):,}", rejected=f"{len(plan.rejected):,}",
            dups=f"{len({d.row for d in plan.duplicates}):,}",
            rrn=self.tr(" · 주민등록번호 형태 {n}건은 가려서 저장됩니다").format(n=plan.rrn_masked)
            if plan.rrn_masked else ""))
        self.rejected.set_rows(plan.rejected + [Rejected(d.row, f"{flagged}: {d.other}", "flagged", ())
                                                for d in plan.duplicates])
        self.import_button.setEnabled(bool(plan.valid))
        self.save_report_button.setEnabled(bool(plan.rejected or plan.duplicates))

    def run_import(self) -> None:
        ctx, plan, skip = self.ctx, self.plan, self.skip_duplicates.isChecked()
        self.import_button.setEnabled(False)
        self.runner.run(lambda control: self.importer.commit_import(
            ctx, plan, skip, worded(control.progress), control.cancelled),
                        self._done, self._fail, label=self.tr("가져오는 중…"), parent=self)

    def _done(self, result) -> None:
        done = (self.tr("{n}명을 가져왔습니다. 거부 {rejected}행, {flagged} {dups}행.") if self.kind == "citizens"
                else self.tr("{n}건을 가져왔습니다. 거부 {rejected}행, {flagged} {dups}행."))
        self.report.setText(done.format(n=f"{result.imported:,}", rejected=f"{result.rejected:,}",
                                        flagged=self._flag_word(), dups=f"{result.duplicates:,}"))
        self.imported.emit(result)

    def save_report(self) -> None:
        out = dialogs.ask_save_path(self, self.tr("보고서 저장"), f"{self.path.stem}-검사결과.csv", "CSV (*.csv)")
        if out:
            write_report(self.plan, Path(out))

    def _flag_word(self) -> str:
        return self.tr("중복 의심") if self.kind == "citizens" else self.tr("표시")

    def _fail(self, error: BaseException) -> None:
        self.import_button.setEnabled(self.plan is not None)
        from pcrm_desktop.ui.tasks import TaskCancelled
        if not isinstance(error, TaskCancelled):
            dialogs.explain(self, self.windowTitle(), error)
