"""Paper forms keyed in by keyboard alone: one field an answer, numbers typed (9 = 해당없음),
Enter to check the answer and advance, Enter on the last field to save and start the next form.

With 이중 입력 each form is keyed twice; the two keyings are compared item by item. When they
differ, the differing fields are cleared and keyed a third time from the paper, and every
difference goes into the session's mismatch report (saved as CSV for the team leader).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.domain.errors import DomainError, ValidationError
from pcrm_desktop.domain.paper_forms import from_paper, mismatches, paper_hint
from pcrm_desktop.domain.surveys import (
    Item,
    ItemType,
    Questionnaire,
    visible,
)
from pcrm_desktop.ui import dialogs
from pcrm_desktop.ui.i18n import Retranslatable, error_text
from pcrm_desktop.ui.labels import item_name


@dataclass
class Field:
    key: str          # CODE, or CODE.ROW for a matrix row
    item: Item
    edit: QLineEdit
    note: QLabel


@dataclass(frozen=True)
class Mismatch:
    form_no: str
    item: str
    first: str
    second: str
    final: str = ""


def _shown(value) -> str:
    if value is None:
        return "(빈칸)"
    if isinstance(value, list):
        return ", ".join(value)
    if value is True or value is False:
        return "예" if value else "아니오"
    return str(value)


def next_form_no(form_no: str) -> str:
    """A-0012 → A-0013: the next form of a numbered pile; unnumbered stays empty."""
    match = re.search(r"(\d+)$", form_no)
    if not match:
        return ""
    digits = match.group(1)
    return form_no[:match.start()] + str(int(digits) + 1).zfill(len(digits))


class PaperEntryDialog(Retranslatable, QDialog):
    changed = Signal(object)

    def __init__(self, ctx, runner, survey: str, questionnaire: Questionnaire,
                 parent: QWidget | None = None, store=None) -> None:
        """`store(answers, seconds)` replaces the paper submit for one form keyed during a
        call (the happy-call list records the attempt with it); the dialog then closes."""
        super().__init__(parent)
        self.setObjectName("paperEntryDialog" if store is None else "phoneAnswerDialog")
        self.ctx, self.runner, self.survey, self.q = ctx, runner, survey, questionnaire
        self.store = store
        import time
        self.opened_at = time.monotonic()
        self.first_pass: dict[str, object] | None = None   # 이중 입력: the first keying
        self.rekey: list[str] = []                         # fields to key a third time
        self.pending_mismatches: list[tuple[str, object, object]] = []
        self.report: list[Mismatch] = []
        self.saved = 0
        self.saving = False  # a form on its way: Enter again must not store it twice
        self._build_top()
        grid = self._build_fields()
        self._build_bottom()
        self._lay_out(grid)
        self.double.toggled.connect(lambda _: self.clear_form())
        self.form_no.returnPressed.connect(lambda: self.form_date.setFocus())
        self.form_date.editingFinished.connect(self._date_done)
        if store is not None:  # one phone answer: no pile of forms, no second keying
            for widget in (self.form_no, self.form_date, self.double, *self.top_labels,
                           self.report_button):
                widget.hide()
        self.retranslate_ui()
        self.resize(1100, 720) if store is None else self.resize(900, 380)
        self.clear_form()

    # --- construction ---------------------------------------------------------------------
    def _build_top(self) -> None:
        """The form's number and date, 이중 입력, how to key, and which keying this is."""
        today = QDate(self.ctx.clock().date())
        self.form_no = QLineEdit()
        self.form_no.setObjectName("paperFormNo")
        self.form_no.setMaximumWidth(160)
        self.form_date = QDateEdit(today)
        self.form_date.setObjectName("paperDate")
        self.form_date.setDisplayFormat("yyyy-MM-dd")
        self.form_date.setMaximumDate(today)
        self.double = QCheckBox()
        self.double.setObjectName("paperDouble")
        self.howto = QLabel()
        self.howto.setObjectName("paperHowto")
        self.howto.setWordWrap(True)
        self.howto.setStyleSheet("color: #555;")
        self.pass_label = QLabel()
        self.pass_label.setObjectName("paperPass")
        self.pass_label.setStyleSheet("font-weight: bold; color: #1f5fa8;")
        self.top_labels = [QLabel(), QLabel()]

    def _build_fields(self) -> QGridLayout:
        grid = QGridLayout()
        self.fields: list[Field] = []
        self.printed: dict[str, str] = {}  # a field's question as a clerk finds it on the paper
        self.questions: list[tuple[QLabel, Item, str]] = []  # in the screen's language when it has it
        words = self.hint_words()
        for number, item in enumerate(self.q.items, start=1):
            rows = item.options if item.type is ItemType.MATRIX else ("",)
            for row_number, row in enumerate(rows, start=1):
                # the question's number as printed on the form (문 3-2 for a grid's 2nd row)
                self._add_field(grid, item, row, f"{number}" + (f"-{row_number}" if row else ""), words)
        grid.setRowStretch(len(self.fields), 1)  # rows stay at the top
        grid.setColumnStretch(1, 3)
        grid.setColumnStretch(2, 1)
        return grid

    def _add_field(self, grid: QGridLayout, item: Item, row: str, printed: str,
                   words: dict[str, str]) -> None:
        """One answer's line: its number, the question, the field, how to key it, and what is
        wrong with what was keyed."""
        key = f"{item.code}.{row}" if row else item.code
        edit = QLineEdit()
        edit.setObjectName(f"paper_{key}")
        edit.setMaxLength(item.max_length if item.type in (
            ItemType.SHORT_TEXT, ItemType.LONG_TEXT) else 40)
        edit.returnPressed.connect(lambda k=key: self.advance(k))
        note = QLabel()
        note.setStyleSheet("color: #b03a2e;")
        text = QLabel()
        self.questions.append((text, item, row))
        text.setWordWrap(True)
        text.setObjectName(f"paperQuestion_{key}")  # the survey's own words
        name = item_name(item.code, row or item.text)
        self.printed[key] = f"{printed} {name if len(name) <= 24 else name[:23] + '…'}"
        code = QLabel(printed + (" *" if item.required else ""))
        code.setObjectName(f"paperNumber_{key}")
        text.setBuddy(edit)  # the question names its field
        hint = QLabel(paper_hint(item, words))
        hint.setStyleSheet("color: #555;")
        line = len(self.fields)
        for column, widget in enumerate((code, text, edit, hint, note)):
            grid.addWidget(widget, line, column)
        self.fields.append(Field(key, item, edit, note))

    def _build_bottom(self) -> None:
        """What the form came to, the differences of a double keying, and the buttons."""
        self.info = QLabel()
        self.info.setObjectName("paperInfo")
        self.info.setWordWrap(True)
        self.mismatch_table = QTableWidget(0, 4)
        self.mismatch_table.setObjectName("paperMismatches")
        self.mismatch_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.mismatch_table.verticalHeader().hide()
        self.mismatch_table.horizontalHeader().setStretchLastSection(True)
        self.mismatch_table.setMaximumHeight(150)
        self.mismatch_table.hide()  # shown at the first difference
        self.report_button = QPushButton()
        self.report_button.setObjectName("paperReport")
        self.report_button.clicked.connect(self.save_report)
        self.save_button = QPushButton()  # what the last field's Enter does, for the mouse too
        self.save_button.setObjectName("paperSave")
        self.save_button.clicked.connect(self.save_form)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.save_form)
        QShortcut(QKeySequence("Ctrl+Enter"), self, activated=self.save_form)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        for button in (self.save_button, self.close_button, self.report_button):
            button.setAutoDefault(False)

    def _lay_out(self, grid: QGridLayout) -> None:
        top = QHBoxLayout()
        top.addWidget(self.top_labels[0])
        top.addWidget(self.form_no)
        top.addWidget(self.top_labels[1])
        top.addWidget(self.form_date)
        top.addWidget(self.double)
        top.addStretch(1)
        top.addWidget(self.pass_label)
        holder = QWidget()
        holder.setLayout(grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        bottom = QHBoxLayout()
        bottom.addWidget(self.info, 1)
        bottom.addWidget(self.report_button)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.howto)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.mismatch_table)
        layout.addLayout(bottom)

    def hint_words(self) -> dict[str, str]:
        return {"na": self.tr("해당없음"), "several": self.tr("여러 개"), "yes_no": self.tr("1=예 2=아니오"),
                "number": self.tr("숫자"), "text": self.tr("글")}

    def retranslate_ui(self) -> None:
        language = "en" if QLocale().language() == QLocale.Language.English else "ko"
        for label, item, row in self.questions:
            text = item.shown_text(language)
            label.setText(f"{text} — {row}" if row else text)
        title = self.q.title or self.survey  # the survey by its name, not its code
        self.setWindowTitle(self.tr("서면 설문 입력 — {survey}").format(survey=title)
                            if self.store is None else
                            self.tr("전화 설문 응답 — {survey}").format(survey=title))
        self.top_labels[0].setText(self.tr("양식 번호"))
        self.top_labels[1].setText(self.tr("작성일"))
        self.double.setText(self.tr("이중 입력 (같은 양식을 두 번 입력해 대조)"))
        self.form_no.setPlaceholderText(self.tr("예: A-0001"))
        self.mismatch_table.setHorizontalHeaderLabels(
            [self.tr("양식"), self.tr("문항"), self.tr("1차"), self.tr("2차")])
        self.report_button.setText(self.tr("불일치 보고서 저장…"))
        self.close_button.setText(self.tr("닫기"))
        self.save_button.setText(self.tr("이 양식 저장 (Ctrl+Enter)"))
        self.howto.setText(self.tr("종이에 적힌 번호를 치고 Enter. 빈칸에서 Enter는 무응답, "
                                   "마지막 칸의 Enter는 저장입니다. "
                                   "척도 문항의 9는 '해당없음'입니다.") if self.store is None else self.tr(
            "문항을 읽어 드리고 답의 번호를 치고 Enter. 마지막 칸의 Enter로 통화 결과 '응답'과 함께 저장합니다."
            " 전반적 만족이 2점 이하면 관리자 회신 요청이 만들어집니다.")
            + (f"\n“{self.q.intro}” — 1 매우 불만족 · 2 불만족 · 3 보통 · 4 만족 · 5 매우 만족"
               if self.q.intro else ""))
        self._show_pass()

    # --- moving through the form ------------------------------------------------------------
    def _date_done(self) -> None:
        if self.form_date.hasFocus():
            self._focus(self._first_open())

    def _first_open(self) -> int | None:
        return next((i for i, f in enumerate(self.fields) if f.edit.isEnabled()), None)

    def _focus(self, index: int | None) -> None:
        if index is not None:
            self.fields[index].edit.setFocus()
            self.fields[index].edit.selectAll()

    def _value(self, field: Field):
        return from_paper(field.item, field.edit.text())

    def answers(self) -> dict[str, object]:
        """The form's answers as typed so far (fields that do not read are left out)."""
        got: dict[str, object] = {}
        for field in self.fields:
            if not field.edit.isEnabled():
                continue
            try:
                value = self._value(field)
            except ValidationError:
                continue
            if value is not None:
                got[field.key] = value
        return got

    def _apply_show_if(self) -> None:
        """A field whose item is hidden by an earlier answer is emptied and skipped."""
        answers = self.answers()
        if self.rekey and self.first_pass is not None:  # the settled fields count too
            answers = {**{k: v for k, v in self.first_pass.items() if k not in self.rekey},
                       **answers}
        for field in self.fields:
            shown = visible(field.item, answers, self.q)
            if not shown and field.edit.text():
                field.edit.clear()
            field.edit.setEnabled(shown and (not self.rekey or field.key in self.rekey))

    def advance(self, key: str) -> None:
        """Enter in a field: check it, then go to the next open field, or save at the end."""
        if self.saving:
            return
        index = next(i for i, f in enumerate(self.fields) if f.key == key)
        field = self.fields[index]
        try:
            value = self._value(field)
        except DomainError as error:
            field.note.setText(error_text(error))
            field.edit.selectAll()
            return
        if value is None and field.item.required:
            field.note.setText(self.tr("꼭 답해야 하는 문항입니다. 종이에 답이 없으면 양식을 따로 두십시오."))
            return
        field.note.clear()
        self._apply_show_if()
        following = next((i for i in range(index + 1, len(self.fields))
                          if self.fields[i].edit.isEnabled()), None)
        if following is None:
            self.finish_form()
        else:
            self._focus(following)

    # --- a whole form -----------------------------------------------------------------------
    def save_form(self) -> None:
        """[이 양식 저장] or Ctrl+Enter: every open field checked as Enter checks it (the first
        one wrong or required and empty gets the focus and says why), then the form is saved."""
        if self.saving:
            return
        for index, field in enumerate(self.fields):
            if not field.edit.isEnabled():
                continue
            try:
                value = self._value(field)
            except DomainError as error:
                field.note.setText(error_text(error))
                self._focus(index)
                return
            if value is None and field.item.required:
                field.note.setText(self.tr("꼭 답해야 하는 문항입니다. 종이에 답이 없으면 양식을 따로 두십시오."))
                self._focus(index)
                return
            field.note.clear()
        self.finish_form()

    def finish_form(self) -> None:
        answers = self.answers()
        bad = next((f for f in self.fields if f.edit.isEnabled() and f.edit.text().strip()
                    and f.key not in answers), None)
        if bad is not None:  # a field typed but not readable (changed without Enter)
            self.advance(bad.key)
            return
        if self.double.isChecked():
            if self.first_pass is None:
                self.first_pass = answers
                self._clear_fields()
                self.info.setText(self.tr("1차 입력을 마쳤습니다. 같은 양식을 다시 입력하십시오."))
                self._show_pass()
                self._focus(self._first_open())
                return
            if not self.rekey:
                differ = mismatches(self.first_pass, answers)
                if differ:
                    self._mismatch(differ, answers)
                    return
            else:  # the third keying settles the differing fields
                answers = {**{k: v for k, v in self.first_pass.items() if k not in self.rekey},
                           **{k: v for k, v in answers.items() if k in self.rekey}}
        self._save(answers)

    def _mismatch(self, differ, second: dict) -> None:
        form = self.form_no.text().strip()
        self.pending_mismatches = differ
        self.rekey = [k for k, _, _ in differ]
        self.first_pass = {**second, **{k: v for k, v in self.first_pass.items()
                                        if k not in self.rekey}}
        self.mismatch_table.show()
        for key, first, then in differ:
            row = self.mismatch_table.rowCount()
            self.mismatch_table.insertRow(row)
            for col, text in enumerate((form, self.printed[key], _shown(first), _shown(then))):
                self.mismatch_table.setItem(row, col, QTableWidgetItem(text))
        for field in self.fields:
            if field.key in self.rekey:
                field.edit.clear()
                field.note.setText(self.tr("1차·2차가 다릅니다. 종이를 보고 다시 입력하십시오."))
        self._apply_show_if()
        self.info.setText(error_text(ValidationError("double_entry_mismatch", count=len(differ))))
        self._show_pass()
        self._focus(self._first_open())

    def _settle(self, answers: dict) -> None:
        form = self.form_no.text().strip()
        for key, first, second in self.pending_mismatches:
            self.report.append(Mismatch(form, key, _shown(first), _shown(second),
                                        _shown(answers.get(key))))

    def _save(self, answers: dict) -> None:
        from datetime import datetime, time

        from pcrm_desktop.services import surveys
        ctx, code = self.ctx, self.survey
        self.saving = True
        if self.store is not None:
            import time as clock
            seconds, store = round(clock.monotonic() - self.opened_at), self.store
            self.runner.run(lambda control: store(answers, seconds), self._stored, self._refused)
            return
        form_no = self.form_no.text().strip()
        when = datetime.combine(self.form_date.date().toPython(), time(12, 0))
        when = min(when, ctx.clock())
        self.runner.run(lambda control: surveys.submit(ctx, code, "paper", answers,
                                                       submitted_at=when, form_no=form_no),
                        lambda done: self._saved(done, form_no, answers), self._refused)

    def _saved(self, done, form_no: str, answers: dict) -> None:
        self.saving = False
        if self.pending_mismatches:  # reported once, with what was finally stored
            self._settle(answers)
        self.saved += 1
        self.info.setText(self.tr("저장했습니다: 양식 {form} (이번에 {n}장). 다음 양식을 입력하십시오.").format(
            form=form_no or "—", n=self.saved))
        self.form_no.setText(next_form_no(form_no))
        self.clear_form()
        self.changed.emit(frozenset({"surveys"}))

    def _stored(self, changes) -> None:
        self.saving = False
        self.changed.emit(changes)
        self.accept()

    def _refused(self, error) -> None:
        """The form stays as keyed; the field the refusal names is opened (in a third keying
        too: it joins the fields keyed again, so its new value is the one stored)."""
        self.saving = False
        if isinstance(error, DomainError):
            key = error.params.get("item_code")
            field = next((f for f in self.fields if f.key == key), None)
            if field is not None:
                if self.rekey and field.key not in self.rekey:
                    self.rekey.append(field.key)
                field.note.setText(error_text(error))
                field.edit.setEnabled(True)
                self._focus(self.fields.index(field))
        dialogs.explain(self, self.tr("서면 설문 입력"), error)

    def _clear_fields(self) -> None:
        for field in self.fields:
            field.edit.clear()
            field.note.clear()
        self._apply_show_if()

    def clear_form(self) -> None:
        self.first_pass, self.rekey, self.pending_mismatches = None, [], []
        self._clear_fields()
        self._show_pass()
        self._focus(self._first_open())

    def _show_pass(self) -> None:
        if not self.double.isChecked():
            self.pass_label.setText("")
        elif self.rekey:
            self.pass_label.setText(self.tr("3차: 다른 문항만"))
        else:
            self.pass_label.setText(self.tr("2차 입력") if self.first_pass is not None
                                    else self.tr("1차 입력"))

    # --- the report -----------------------------------------------------------------------
    def save_report(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("불일치 보고서 저장"),
                                              "paper-mismatches.csv", "CSV (*.csv)")
        if path:
            self.write_report(Path(path))

    def write_report(self, path: Path) -> Path:
        """The session's double-entry differences, for the team leader (UTF-8 with BOM)."""
        from pcrm_desktop.services.import_common import neutralise
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["양식 번호", "문항", "1차", "2차", "확정", "문항 코드"])
            for m in self.report:
                writer.writerow([neutralise(v) for v in (m.form_no, self.printed.get(m.item, m.item),
                                                          m.first, m.second, m.final, m.item)])
        self.info.setText(self.tr("불일치 {n}건을 저장했습니다: {path}").format(n=len(self.report),
                                                                       path=path))
        return path

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return  # Enter belongs to the fields, never to a default button
        super().keyPressEvent(event)
