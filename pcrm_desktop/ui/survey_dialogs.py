"""Dialogs of the survey page: a new survey from a template, the item editor (an answered
version is never changed: saving makes the next version), and the kiosk's survey and PIN."""
from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.domain.errors import DomainError
from pcrm_desktop.domain.messages import QT_TRANSLATE_NOOP
from pcrm_desktop.domain.surveys import (
    SCALE5_LABELS,
    TEMPLATE_NAMES,
    Item,
    ItemType,
    Questionnaire,
    check_pin,
)
from pcrm_desktop.services import surveys
from pcrm_desktop.ui import dialogs
from pcrm_desktop.ui.column_fit import content, fit_columns, stretch
from pcrm_desktop.ui.column_fit import text as free_text
from pcrm_desktop.ui.combo import refill
from pcrm_desktop.ui.i18n import Retranslatable, error_text
from pcrm_desktop.ui.labels import survey_choices

TYPE_NAMES = {
    ItemType.SINGLE: QT_TRANSLATE_NOOP("surveys", "하나 고르기"),
    ItemType.MULTI: QT_TRANSLATE_NOOP("surveys", "여러 개 고르기"),
    ItemType.SCALE5: QT_TRANSLATE_NOOP("surveys", "5점 척도"),
    ItemType.SCALE7: QT_TRANSLATE_NOOP("surveys", "7점 척도"),
    ItemType.MATRIX: QT_TRANSLATE_NOOP("surveys", "척도 묶음(행렬)"),
    ItemType.RECOMMEND: QT_TRANSLATE_NOOP("surveys", "0–10 추천"),
    ItemType.SHORT_TEXT: QT_TRANSLATE_NOOP("surveys", "짧은 글"),
    ItemType.LONG_TEXT: QT_TRANSLATE_NOOP("surveys", "긴 글"),
    ItemType.NUMBER: QT_TRANSLATE_NOOP("surveys", "숫자"),
    ItemType.DATE: QT_TRANSLATE_NOOP("surveys", "날짜"),
    ItemType.YES_NO: QT_TRANSLATE_NOOP("surveys", "예/아니오")}


def _surveys_text(text: str) -> str:
    from PySide6.QtCore import QCoreApplication
    return QCoreApplication.translate("surveys", text)


class _Form(Retranslatable, QDialog):
    changed = Signal(object)

    def __init__(self, ctx, runner, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setStyleSheet("color: #b03a2e;")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def _run(self, work) -> None:
        self.buttons.setEnabled(False)
        self.runner.run(work, self._done, self._refused)

    def _done(self, changes) -> None:
        self.buttons.setEnabled(True)
        self.changed.emit(changes if isinstance(changes, frozenset) else frozenset({"surveys"}))
        self.accept()

    def _refused(self, error) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, DomainError):
            self.error.setText(error_text(error))
        else:
            dialogs.explain(self, self.windowTitle(), error)

    def save(self) -> None:
        raise NotImplementedError


class NewSurveyDialog(_Form):
    def __init__(self, ctx, runner, parent: QWidget | None = None) -> None:
        super().__init__(ctx, runner, parent)
        self.setObjectName("newSurveyDialog")
        self.code = QLineEdit()
        self.code.setObjectName("newSurveyCode")
        self.title = QLineEdit()
        self.title.setObjectName("newSurveyTitle")
        self.template = QComboBox()
        self.template.setObjectName("newSurveyTemplate")
        self.linked = QCheckBox()
        self.linked.setObjectName("newSurveyLinked")
        self.form = QFormLayout(self)
        self.rows = [QLabel() for _ in range(4)]
        for label, widget in zip(self.rows, (self.code, self.title, self.template, self.linked)):
            self.form.addRow(label, widget)
        self.form.addRow(self.error)
        self.form.addRow(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("새 설문"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("새 설문 만들기"))
        for label, text in zip(self.rows, (self.tr("설문 코드"), self.tr("제목 (비우면 양식 제목)"),
                                           self.tr("양식"), self.tr("응답 연결"))):
            label.setText(text)
        self.code.setPlaceholderText(self.tr("예: MINWON_2027"))
        refill(self.template, [(k, _surveys_text(v)) for k, v in TEMPLATE_NAMES.items()],
               self.template.currentData() or "MINWON")
        self.linked.setText(self.tr("민원·주민과 연결 (해피콜용). 첫 응답 뒤에는 바꿀 수 없습니다."))

    def save(self) -> None:
        ctx, code, template = self.ctx, self.code.text(), self.template.currentData()
        linked, title = self.linked.isChecked(), self.title.text()
        self._run(lambda control: surveys.create_survey(ctx, code, template, linked, title))


class EditSurveyDialog(_Form):
    """The items as a table: code, type, question (Korean, English), choices, required, 해당없음.
    Codes stay: trends run on them. Rules not shown here (show-if, soft-required, 기타 text)
    are kept from the item of the same code."""
    COLUMNS = 7

    def __init__(self, ctx, runner, code: str, version: int, questionnaire: Questionnaire,
                 answered: bool, parent: QWidget | None = None) -> None:
        super().__init__(ctx, runner, parent)
        self.setObjectName("editSurveyDialog")
        self.survey, self.version, self.original, self.answered = code, version, questionnaire, answered
        self.title = QLineEdit(questionnaire.title)
        self.title.setObjectName("editSurveyTitle")
        self.warning = QLabel()
        self.warning.setObjectName("editSurveyWarning")
        self.warning.setWordWrap(True)
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setObjectName("editSurveyItems")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        # code, type and the check boxes whole; the texts shortened (a cell's editor shows it
        # whole), the question taking the rest: 해당없음 in view at 150 % text too
        fit_columns(self.table, [content(), content(), stretch(), free_text(), free_text(), content(), content()])
        self.table.itemChanged.connect(lambda cell: cell.setToolTip(cell.text()))
        for item in questionnaire.items:
            self._add_row(item)
        self.add_button, self.remove_button = QPushButton(), QPushButton()
        self.up_button, self.down_button = QPushButton(), QPushButton()
        self.add_button.setObjectName("editSurveyAdd")
        self.add_button.clicked.connect(lambda: self._add_row(None))
        self.remove_button.clicked.connect(self._remove)
        self.up_button.clicked.connect(lambda: self._move(-1))
        self.down_button.clicked.connect(lambda: self._move(1))
        tools = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            tools.addWidget(button)
        tools.addStretch(1)
        self.title_label = QLabel()
        head = QHBoxLayout()
        head.addWidget(self.title_label)
        head.addWidget(self.title, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(self.warning)
        layout.addWidget(self.table, 1)
        layout.addLayout(tools)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.resize(1240, 600)  # the questions' room on a 1366×768 screen

    def retranslate_ui(self) -> None:
        self.table.setAccessibleName(self.tr("문항 표"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("문항 저장"))
        self.setWindowTitle(self.tr("문항 편집 — {code} v{version}").format(
            code=self.original.title or self.survey, version=self.version))
        self.title_label.setText(self.tr("제목"))
        self.table.setHorizontalHeaderLabels([
            self.tr("코드"), self.tr("유형"), self.tr("문항"), self.tr("문항 (영어, 키오스크)"),
            self.tr("선택지·행 (; 로 구분)"), self.tr("필수"), self.tr("해당없음")])
        self.warning.setText(self.tr(
            "이 판에는 이미 응답이 있습니다. 저장하면 v{next}이 새로 생기고, 지금까지의 응답은 v{version}의"
            " 문항 그대로 남습니다.").format(next=self.version + 1, version=self.version)
            if self.answered else self.tr("아직 응답이 없어 이 판(v{version})을 고칩니다.").format(
                version=self.version))
        self.add_button.setText(self.tr("문항 추가"))
        self.remove_button.setText(self.tr("삭제"))
        self.up_button.setText(self.tr("위로"))
        self.down_button.setText(self.tr("아래로"))

    def _add_row(self, item: Item | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        kind = QComboBox()
        for t, name in TYPE_NAMES.items():
            kind.addItem(_surveys_text(name), t.value)
        kind.setCurrentIndex(kind.findData((item.type if item else ItemType.SCALE5).value))
        kind.setAccessibleName(self.tr("{n}번 문항의 유형").format(n=row + 1))
        self.table.setCellWidget(row, 1, kind)
        values = (item.code, item.text, item.text_en, "; ".join(item.options)) if item else \
            (f"Q{row + 1}", "", "", "")
        for col, text in zip((0, 2, 3, 4), values):
            cell = QTableWidgetItem(text)
            cell.setToolTip(text)  # a shortened question whole
            self.table.setItem(row, col, cell)
        for col, on in ((5, item.required if item else False), (6, item.allow_na if item else True)):
            check = QTableWidgetItem()
            check.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            check.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            self.table.setItem(row, col, check)

    def _remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def _move(self, step: int) -> None:
        row = self.table.currentRow()
        other = row + step
        if row < 0 or not 0 <= other < self.table.rowCount():
            return
        items = [self.item_at(r) for r in range(self.table.rowCount())]
        items[row], items[other] = items[other], items[row]
        self.table.setRowCount(0)
        for item in items:
            self._add_row(item)
        self.table.selectRow(other)

    def item_at(self, row: int) -> Item:
        def cell(col: int) -> str:
            got = self.table.item(row, col)
            return got.text().strip() if got else ""
        code = cell(0).upper()
        kind = ItemType(self.table.cellWidget(row, 1).currentData())
        options = tuple(o.strip() for o in cell(4).split(";") if o.strip())
        if kind in (ItemType.SCALE5, ItemType.SCALE7) and not options:
            options = SCALE5_LABELS if kind is ItemType.SCALE5 else ()
        required = self.table.item(row, 5).checkState() == Qt.CheckState.Checked
        allow_na = self.table.item(row, 6).checkState() == Qt.CheckState.Checked
        before = next((i for i in self.original.items if i.code == code), None)
        if before is not None and before.type is kind:  # keep the rules this table leaves out
            return replace(before, text=cell(2), text_en=cell(3), options=options,
                           options_en=before.options_en if options == before.options else (),
                           required=required, allow_na=allow_na)
        return Item(code, kind, cell(2), options, required=required, allow_na=allow_na,
                    text_en=cell(3))

    def questionnaire(self) -> Questionnaire:
        items = tuple(self.item_at(r) for r in range(self.table.rowCount()))
        return replace(self.original, title=self.title.text().strip() or self.original.title,
                       items=items)

    def save(self) -> None:
        ctx, code = self.ctx, self.survey
        try:
            new = self.questionnaire()
        except ValueError:
            self.error.setText(self.tr("문항 표를 읽을 수 없습니다."))
            return
        for item in new.items:
            if not item.text:
                self.error.setText(self.tr("문항 {code}의 질문을 입력하십시오.").format(code=item.code))
                return
        self._run(lambda control: surveys.edit_survey(ctx, code, new))


class KioskSetupDialog(_Form):
    """Which anonymous survey the kiosk shows, and the staff PIN that leaves it (admins)."""

    def __init__(self, ctx, runner, survey_rows: list[dict], parent: QWidget | None = None) -> None:
        super().__init__(ctx, runner, parent)
        self.setObjectName("kioskSetupDialog")
        self.rows_ = [r for r in survey_rows if not r["linked"]]
        self.survey = QComboBox()
        self.survey.setObjectName("kioskSurvey")
        self.pin, self.pin_again = QLineEdit(), QLineEdit()
        self.pin.setObjectName("kioskPin")
        self.pin_again.setObjectName("kioskPinAgain")
        for edit in (self.pin, self.pin_again):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setMaxLength(8)
        self.how = QLabel()
        self.how.setWordWrap(True)
        self.labels = [QLabel() for _ in range(3)]
        form = QFormLayout(self)
        for label, widget in zip(self.labels, (self.survey, self.pin, self.pin_again)):
            form.addRow(label, widget)
        form.addRow(self.how)
        form.addRow(self.error)
        form.addRow(self.buttons)
        self.setup = surveys.KioskSetup("", False)  # until the office's setting is read
        self.retranslate_ui()
        runner.run(lambda control: surveys.kiosk_setup(ctx), self._loaded, lambda error: None)

    def _loaded(self, setup) -> None:
        self.setup = setup
        self.retranslate_ui()
        if setup.survey and self.survey.findData(setup.survey) >= 0:
            self.survey.setCurrentIndex(self.survey.findData(setup.survey))  # the office's choice

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("키오스크 설정"))
        for label, text in zip(self.labels, (self.tr("키오스크 설문 (익명만)"), self.tr("직원 PIN (숫자 4–8자리)"),
                                             self.tr("PIN 다시"))):
            label.setText(text)
        refill(self.survey, survey_choices(self.rows_),
               self.survey.currentData() or self.setup.survey or None)
        self.pin.setPlaceholderText(self.tr("바꾸지 않으려면 비워 두십시오") if self.setup.pin_set else "")
        self.how.setText(self.tr(
            "키오스크 PC에서 프로그램을 열고 키오스크 역할의 계정으로 로그인하면 이 설문이 전체 화면으로"
            " 열립니다. 화면 왼쪽 아래 '직원'을 눌러 PIN을 넣어야 닫힙니다."))

    def save(self) -> None:
        code = self.survey.currentData()
        if not code:
            self.error.setText(self.tr("먼저 익명 설문을 만드십시오."))
            return
        pin = self.pin.text().strip()
        if pin != self.pin_again.text().strip():
            self.error.setText(self.tr("두 PIN이 다릅니다."))
            return
        if not pin and not self.setup.pin_set:
            self.error.setText(self.tr("처음에는 PIN을 정해야 합니다."))
            return
        if pin:
            try:
                check_pin(pin)
            except DomainError as error:
                self.error.setText(error_text(error))
                return
        ctx = self.ctx
        self._run(lambda control: surveys.set_kiosk(ctx, code, pin or None))
