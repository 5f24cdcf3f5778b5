"""One step on a 민원 (배정, 처리 시작, 보류, 연장, 이송, 통지, 처리 완료, 종결 …): a dialog asking only
what the step needs, opened from the case window (ui/complaint_case.py). If the case moved on
since it was read, nothing is written and the clerk sees what changed."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.domain.complaints import (
    NOTICE_TEMPLATES,
    Action,
    NoticeMethod,
    Result,
    notice_text,
)
from pcrm_desktop.domain.deadlines import moment_text
from pcrm_desktop.domain.errors import DomainError, EditConflict
from pcrm_desktop.services import complaints as complaint_service
from pcrm_desktop.services import office as office_service
from pcrm_desktop.ui import dialogs
from pcrm_desktop.ui.combo import refill
from pcrm_desktop.ui.complaint_labels import action_title, notice_method_name, result_name
from pcrm_desktop.ui.i18n import Retranslatable, error_text


def _text_box(name: str, height: int) -> QPlainTextEdit:
    """A few lines of text, left by Tab rather than typed into."""
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setTabChangesFocus(True)
    edit.setFixedHeight(height)
    return edit


def _message(name: str, colour: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {colour};")
    return label


class ActionDialog(Retranslatable, QDialog):
    """Asks only what the action needs: a reason, a person, a result and answer, a date.
    If the case moved on since it was read (another clerk's step), nothing is written and
    CaseMovedDialog shows what changed: re-apply on the case as it is now, drop, or go back."""
    done_action = Signal(object)
    moved = Signal()        # the case changed under this step: the case view reloads
    dropped = Signal(str)   # the clerk dropped the step; the note typed for it

    def __init__(self, ctx, runner, action: Action, case: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionDialog")
        self.ctx, self.runner, self.action, self.case = ctx, runner, action, case
        self.office = None
        self._notice_typed = False
        self.conflict_dialog = None
        self.staff = []
        self._build_fields()
        self._build()
        self.retranslate_ui()
        runner.run(lambda control: office_service.overview(ctx), self._set_staff, lambda e: None)
        if action is Action.EXTEND and "period_unit" in case:
            self._suggest_due()
        if action in NOTICE_TEMPLATES:
            self.note.textChanged.connect(self._fill_notice)
            self.new_due.dateTimeChanged.connect(lambda _: self._fill_notice())
            self.notice.textChanged.connect(self._notice_changed)

    def _build_fields(self) -> None:
        """Every field a step may ask for; `_fields` says which this one shows."""
        self.note, self.answer = _text_box("actionNote", 80), _text_box("actionAnswer", 80)
        self.assignee, self.result = QComboBox(), QComboBox()
        self.assignee.setObjectName("actionAssignee")
        self.result.setObjectName("actionResult")
        self.agency = QLineEdit()
        self.agency.setObjectName("actionAgency")
        self.new_due = QDateTimeEdit()
        self.new_due.setObjectName("actionNewDue")
        self.new_due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.new_due.setCalendarPopup(True)
        self.new_due.setDateTime(self.case["due_at"])
        self.method = QComboBox()
        self.method.setObjectName("noticeMethod")
        self.notice = _text_box("noticeText", 90)
        self.labels = {k: QLabel() for k in ("assignee", "agency", "new_due", "result", "answer",
                                             "note", "method", "notice")}

    def _build(self) -> None:
        form = QFormLayout()
        fields = {"assignee": self.assignee, "agency": self.agency, "new_due": self.new_due,
                  "result": self.result, "answer": self.answer, "note": self.note,
                  "method": self.method, "notice": self.notice}
        for key in self._fields():
            form.addRow(self.labels[key], fields[key])
        self.error = _message("actionError", "#b00020")
        self.status = _message("actionStatus", "#5a3b00")  # a wait for another program's write lock
        self.status.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def _fields(self) -> list[str]:
        return {Action.ASSIGN: ["assignee", "note"], Action.TRANSFER: ["agency", "note"],
                Action.EXTEND: ["new_due", "note", "method", "notice"],
                Action.NOTICE: ["method", "notice"], Action.COMPLETE: ["result", "answer"]
                }.get(self.action, ["note"])

    def _fill_notice(self) -> None:
        """The template with this case's values; left alone once the clerk edits the text."""
        if self._notice_typed or self.action not in NOTICE_TEMPLATES:
            return
        office = self.office
        text = notice_text(
            self.action, office=office.name if office else "", receipt_no=self.case["receipt_no"],
            # the notice goes to the applicant in Korean, whatever the screen's language
            title=self.case["title"], due=moment_text(self.case["due_at"]) if self.case["due_at"] else "-",
            new_due=moment_text(self.new_due.dateTime().toPython()),
            reason=self.note.toPlainText().strip() or "-", phone=office.phone if office else "-")
        self.notice.blockSignals(True)
        self.notice.setPlainText(text)
        self.notice.blockSignals(False)

    def _notice_changed(self) -> None:
        self._notice_typed = True

    def retranslate_ui(self) -> None:
        self.setWindowTitle(action_title(self.action))
        # the button says what it does (처리 시작, 종결, 연장 …), not a bare 확인
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(action_title(self.action))
        texts = {"method": self.tr("통지 방법"), "notice": self.tr("통지문"),
                 "assignee": self.tr("담당자"), "agency": self.tr("이송 기관"),
                 "new_due": self.tr("연장 기한"), "result": self.tr("처리 결과"),
                 "answer": self.tr("회신 내용"),
                 "note": self.tr("사유") if self.action in (Action.HOLD, Action.EXTEND, Action.REOPEN)
                 else self.tr("내용")}
        for key, label in self.labels.items():
            label.setText(texts[key])
        refill(self.result, [(r.value, result_name(r.value)) for r in Result
                             if r is not Result.TRANSFERRED])
        refill(self.method, [(m.value, notice_method_name(m.value)) for m in NoticeMethod])
        self._fill_staff()

    def _set_staff(self, overview) -> None:
        self.office = overview.profile
        self._fill_notice()
        self.departments = {d.id: d.name for d in overview.departments}
        # by team, then name (staff of no team last): the clerk finds a colleague by their team
        self.staff = sorted((s for s in overview.staff if s.active and s.role.value != "kiosk"),
                            key=lambda s: (s.department_id not in self.departments,
                                           self.departments.get(s.department_id, ""), s.name))
        self._fill_staff(default=self.ctx.actor.staff_id)  # most cases are taken by the clerk

    def _fill_staff(self, default: int | None = None) -> None:
        names = getattr(self, "departments", {})
        refill(self.assignee, [(s.id, f"{s.name} ({names.get(s.department_id, '-')})")
                               for s in self.staff], default)

    def _suggest_due(self) -> None:
        """An extension starts at the latest date it may set (the period once more after the
        current due date), which the clerk shortens when less is needed."""
        from pcrm_desktop.domain.deadlines import Period, Unit
        from pcrm_desktop.services import calendar
        ctx, due, case = self.ctx, self.case["due_at"], self.case
        period = Period.now() if case["period_unit"] == "now" else Period(
            Unit(case["period_unit"]), case["period_amount"])
        # the earlier of the two readings of "the period once more", so either check passes
        self.runner.run(lambda control: min(calendar.deadline(ctx, due, period).due,
                                            calendar.extension_limit(ctx, due, period)),
                        self._suggested, lambda error: None)

    def _suggested(self, latest) -> None:
        if latest > self.case["due_at"] and self.new_due.dateTime().toPython() == self.case["due_at"]:
            self.new_due.setDateTime(latest)

    def submit(self) -> None:
        ctx, case, action = self.ctx, self.case, self.action
        staff = next((s for s in self.staff if s.id == self.assignee.currentData()), None)
        kwargs = dict(
            assignee_id=staff.id if staff else None,
            department_id=staff.department_id if staff else None,
            result=Result(self.result.currentData()) if action is Action.COMPLETE else None,
            answer=self.answer.toPlainText(), agency=self.agency.text(),
            new_due=self.new_due.dateTime().toPython() if action is Action.EXTEND else None)
        note = self.note.toPlainText()
        if action in NOTICE_TEMPLATES:
            kwargs["notice"] = (NoticeMethod(self.method.currentData()), self.notice.toPlainText())
        self.error.clear()
        self.buttons.setEnabled(False)
        self.runner.run(lambda control: complaint_service.act(
            ctx, case["id"], action, case["version"], note, **kwargs), self._done, self._failed,
            on_wait=self._waiting)

    def _waiting(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _done(self, changes) -> None:
        self._waiting("")
        self.buttons.setEnabled(True)
        self.done_action.emit(changes)
        self.accept()

    def _failed(self, error) -> None:
        self._waiting("")
        self.buttons.setEnabled(True)
        if isinstance(error, EditConflict) and isinstance(error.current, dict):
            self._case_moved(error.current)
        elif isinstance(error, DomainError):
            self.error.setText(error_text(error))
        else:
            dialogs.explain(self, action_title(self.action), error)

    def _case_moved(self, current: dict) -> None:
        """Show what changed; from now on this form stands on the case as it is now."""
        from pcrm_desktop.ui.conflict_dialog import CaseMovedDialog
        seen = self.case
        self.case = {**seen, **{k: v for k, v in current.items() if k != "events"},
                     "events": current.get("events", seen.get("events", []))}
        self.moved.emit()
        self.conflict_dialog = CaseMovedDialog(seen, current, self.action,
                                               self.note.toPlainText(), self, me=self._me())
        dialog = self.conflict_dialog
        self.error.setText(self.tr("{who} 아직 저장하지 않았습니다.").format(who=dialog.who_text()))
        dialog.finished.connect(lambda _code: self._after_moved(dialog.choice))
        dialog.open()

    def _me(self) -> tuple[int | None, frozenset[str]]:
        """Who this clerk is in a case's history: the staff id, and the names it shows."""
        actor = self.ctx.actor
        names = {actor.login} | {s.name for s in self.staff if s.id == actor.staff_id}
        return actor.staff_id, frozenset(names)

    def _after_moved(self, choice: str | None) -> None:
        from pcrm_desktop.ui.conflict_dialog import CaseMovedDialog
        if choice == CaseMovedDialog.REAPPLY:
            self.submit()
        elif choice == CaseMovedDialog.DROP:
            self.dropped.emit(self.note.toPlainText())
            self.reject()
        else:
            self.error.setText(self.tr(
                "저장하지 않았습니다. 입력한 내용은 그대로 있습니다. 확인을 누르면 지금 상태의 민원에 적용합니다."))

