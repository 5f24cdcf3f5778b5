"""One 민원: header (status, D-day, applicant), details, history, earlier cases of the same matter,
and the actions allowed now (the domain decides which), each asking only for what it needs."""
from __future__ import annotations


from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.domain.complaints import (
    NOTICE_TEMPLATES,
    Action,
    NoticeMethod,
    Result,
    Status,
    allowed_actions,
    notice_text,
)
from pcrm_desktop.domain.deadlines import moment_text
from pcrm_desktop.domain.errors import DomainError, EditConflict
from pcrm_desktop.services import complaints as complaint_service
from pcrm_desktop.services import office as office_service
from pcrm_desktop.ui import dialogs, printing
from pcrm_desktop.ui.combo import refill
from pcrm_desktop.ui.complaint_labels import (
    action_button_name,
    action_name,
    action_title,
    channel_name,
    d_day_label,
    moment,
    notice_method_name,
    result_name,
    status_name,
)
from pcrm_desktop.ui.i18n import Retranslatable, error_text
from pcrm_desktop.ui.table_model import RowsModel


class CaseDialog(Retranslatable, QDialog):
    changed = Signal(object)

    def __init__(self, ctx, runner, complaint_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("caseDialog")
        self.ctx, self.runner, self.complaint_id = ctx, runner, complaint_id
        self.case: dict | None = None
        # a step's note kept when the clerk dropped the step after the case moved on: it fills
        # the same step's form the next time, until that step is done
        self.drafts: dict[Action, str] = {}
        self.header = QLabel()
        self.header.setObjectName("caseHeader")
        self.header.setStyleSheet("font-size: 120%; font-weight: bold;")
        # the applicant beside the case number; a case saved without one can be given one
        self.applicant_label = QLabel()
        self.applicant_label.setObjectName("caseApplicant")
        self.applicant_label.setStyleSheet("font-size: 120%; font-weight: bold;")
        self.attach_applicant_button = QPushButton()
        self.attach_applicant_button.setObjectName("attachApplicant")
        self.attach_applicant_button.clicked.connect(self.attach_applicant)
        self.attach_applicant_button.hide()  # shown once the case is read and has no applicant
        self.details = QLabel()
        self.details.setObjectName("caseDetails")
        self.details.setWordWrap(True)
        self.repeats = QLabel()
        self.repeats.setWordWrap(True)
        self.link_button = QPushButton()
        self.link_button.setObjectName("linkEarlier")
        self.link_button.clicked.connect(self.link_earlier)
        self.files = QListWidget()
        self.files.setObjectName("caseFiles")
        self.files.setMaximumHeight(80)
        self.attach_button, self.open_file_button = QPushButton(), QPushButton()
        self.attach_button.setObjectName("attachFile")
        self.open_file_button.setObjectName("openFile")
        self.attach_button.clicked.connect(self.attach_file)
        self.open_file_button.clicked.connect(self.open_file)
        self.temp_folders: list[str] = []  # copies opened for viewing: removed when closed
        self.history = RowsModel([
            (lambda: self.tr("일시"), lambda e: moment(e["at"])),
            (lambda: self.tr("처리"), lambda e: action_name(e["kind"])),
            (lambda: self.tr("상태"), lambda e: status_name(e["to_status"] or "")),
            (lambda: self.tr("담당"), lambda e: e["actor"]),
            (lambda: self.tr("내용"), lambda e: e["note"])])
        self.history_view = QTableView()
        self.history_view.setObjectName("caseHistory")
        self.history_view.setModel(self.history)
        self.history_view.verticalHeader().hide()
        self.history_view.horizontalHeader().setStretchLastSection(True)
        # two rows, so the window fits a 1366×768 screen in every language: the steps allowed
        # now, then the documents and 닫기
        self.actions_row, self.documents_row = QHBoxLayout(), QHBoxLayout()
        self.action_buttons: dict[Action, QPushButton] = {}
        for action in Action:
            button = QPushButton()
            button.setObjectName(f"action_{action.value}")
            button.clicked.connect(lambda _=False, a=action: self.start_action(a))
            self.action_buttons[action] = button
            self.actions_row.addWidget(button)
        self.actions_row.addStretch(1)
        self.why_button = QPushButton()
        self.why_button.setObjectName("caseDueWhy")
        self.why_button.clicked.connect(self.explain_due)
        self.receipt_button, self.answer_button = QPushButton(), QPushButton()
        self.receipt_button.setObjectName("receiptPdf")
        self.answer_button.setObjectName("answerPdf")
        self.receipt_button.clicked.connect(lambda: self.save_pdf("receipt"))
        self.answer_button.clicked.connect(lambda: self.save_pdf("answer"))
        self.print_receipt_button, self.print_answer_button = QPushButton(), QPushButton()
        self.print_receipt_button.setObjectName("receiptPrint")
        self.print_answer_button.setObjectName("answerPrint")
        self.print_receipt_button.clicked.connect(lambda: self.print_document("receipt"))
        self.print_answer_button.clicked.connect(lambda: self.print_document("answer"))
        self.close_button = QPushButton()
        self.close_button.setObjectName("caseClose")
        self.close_button.clicked.connect(self.accept)
        for button in (self.why_button, self.receipt_button, self.print_receipt_button,
                       self.answer_button, self.print_answer_button):
            self.documents_row.addWidget(button)
        self.documents_row.addStretch(1)
        self.documents_row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        header_row = QHBoxLayout()
        header_row.addWidget(self.header, 1)
        header_row.addWidget(self.applicant_label)
        header_row.addWidget(self.attach_applicant_button)
        layout.addLayout(header_row)
        layout.addWidget(self.details)
        repeats_row = QHBoxLayout()
        repeats_row.addWidget(self.repeats, 1)
        repeats_row.addWidget(self.link_button)
        layout.addLayout(repeats_row)
        layout.addWidget(self.history_view, 1)
        files_row = QHBoxLayout()
        files_row.addWidget(self.files, 1)
        files_buttons = QVBoxLayout()
        files_buttons.addWidget(self.attach_button)
        files_buttons.addWidget(self.open_file_button)
        files_row.addLayout(files_buttons)
        layout.addLayout(files_row)
        layout.addLayout(self.actions_row)
        layout.addLayout(self.documents_row)
        self.retranslate_ui()
        self.resize(980, 620)
        self.load()

    def retranslate_ui(self) -> None:
        self.files.setAccessibleName(self.tr("첨부 파일"))
        self.history_view.setAccessibleName(self.tr("처리 이력"))
        self.setWindowTitle(self.tr("민원 처리"))
        for action, button in self.action_buttons.items():
            button.setText(action_button_name(action))
        self.close_button.setText(self.tr("닫기"))
        self.receipt_button.setText(self.tr("접수증 PDF…"))
        self.why_button.setText(self.tr("기한 계산 근거…"))
        self.link_button.setText(self.tr("이전 민원과 연결"))
        self.attach_applicant_button.setText(self.tr("민원인 연결…"))
        self.attach_applicant_button.setToolTip(self.tr(
            "민원인 없이 저장한 민원에 주민을 찾아 연결합니다 (처리 이력과 접속기록에 남음)."))
        self.link_button.setToolTip(self.tr("같은 민원인·분류의 이전 민원을 같은 사안으로 연결합니다 (반복 민원 관리)."))
        self.attach_button.setText(self.tr("파일 첨부…"))
        self.open_file_button.setText(self.tr("열기"))
        self.answer_button.setText(self.tr("회신문 PDF…"))
        self.print_receipt_button.setText(self.tr("접수증 인쇄…"))
        self.print_answer_button.setText(self.tr("회신문 인쇄…"))
        self.history.retranslate()
        self._show()

    def load(self) -> None:
        ctx, complaint_id = self.ctx, self.complaint_id
        self.runner.run(lambda control: complaint_service.case(ctx, complaint_id), self._loaded,
                        lambda error: dialogs.explain(self, self.tr("민원 처리"), error))

    def _loaded(self, case: dict) -> None:
        self.case = case
        self.files.clear()
        for item in case.get("attachments", []):
            size = f"{item.size:,} B" if item.size < 1024 else f"{item.size / 1024:,.0f} KB"
            row = QListWidgetItem(f"{item.name} ({size}, {item.actor})")
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            self.files.addItem(row)
        self.history.set_rows(case["events"])
        self.history_view.resizeColumnsToContents()
        self.history_view.horizontalHeader().setStretchLastSection(True)
        self._show()

    def _show(self) -> None:
        case = self.case
        if case is None:
            return
        status = Status(case["status"])
        due = case["due_at"]
        open_ = bool(case["open"])
        self.header.setText(self.tr("{no} · {status} · 처리기한 {due} {dday}").format(
            no=case["receipt_no"], status=status_name(status.value), due=moment(due),
            dday=d_day_label(due, self.ctx.clock().date(), open_)))
        unnamed = case["citizen_id"] is None
        self.applicant_label.setText(self.tr("민원인 없음") if unnamed else self.tr(
            "민원인 {who}").format(who=case["applicant"]))
        self.attach_applicant_button.setVisible(unnamed)
        category = " > ".join(x for x in (case["parent_category"], case["category"]) if x)
        lines = [
            self.tr("제목: {title}").format(title=case["title"]),
            self.tr("접수: {at} · {channel}{epeople} · {type} · {category}").format(
                at=moment(case["received_at"]), channel=channel_name(case["channel"]),
                epeople=f" ({case['epeople_no']})" if case["epeople_no"] else "",
                type=case["type_name"], category=category or "-"),
            self.tr("민원인: {who} · 위치: {where}").format(
                who=case["applicant"] or self.tr("없음"),
                where=" ".join(x for x in (case["dong_name"], case["road"]) if x) or "-"),
            self.tr("담당: {dept} {person}").format(dept=case["department"] or "-",
                                                  person=case["assignee"] or self.tr("(미배정)")),
            self.tr("내용: {content}").format(content=case["content"] or "-"),
        ]
        if case["result"]:
            lines.append(self.tr("결과: {result} — {answer}").format(
                result=result_name(case["result"]), answer=case["answer"] or "-"))
        if case["transferred_to"]:
            lines.append(self.tr("이송: {agency}").format(agency=case["transferred_to"]))
        self.details.setText("\n".join(lines))
        advice = case["repeats"]
        linked = {c["id"] for c in case["links"]}
        self.link_button.setVisible(advice.any and not {c.id for c in advice.earlier} <= linked)
        if case["links"]:
            lines.append(self.tr("연결된 민원: {cases}").format(
                cases=", ".join(c["receipt_no"] for c in case["links"])))
            self.details.setText("\n".join(lines))
        self.repeats.setVisible(advice.any)
        if advice.any:
            text = self.tr("같은 민원인·분류의 이전 민원 {n}건, 회신 {m}회.").format(
                n=len(advice.earlier), m=advice.notices)
            if advice.suggest_close:
                text += " " + self.tr("반복 민원으로 종결을 검토하십시오 (자동 종결하지 않음).")
            self.repeats.setText(text)
        self.answer_button.setEnabled(bool(case["result"]))
        self.print_answer_button.setEnabled(bool(case["result"]))
        allowed = set(allowed_actions(status, bool(case["extended"])))
        for action, button in self.action_buttons.items():
            button.setVisible(action in allowed)

    def save_pdf(self, kind: str) -> None:
        """접수증 or 회신문 as PDF (with the applicant's full name: the access log records it)."""
        from pcrm_desktop.services import complaint_documents as documents
        if self.case is None:
            return
        title = self.tr("접수증") if kind == "receipt" else self.tr("회신문")
        path = dialogs.ask_save_path(self, title, f"{title}_{self.case['receipt_no']}.pdf",
                                     self.tr("PDF (*.pdf)"))
        if not path:
            return
        make = documents.receipt_pdf if kind == "receipt" else documents.answer_pdf
        ctx, complaint_id = self.ctx, self.complaint_id
        self.runner.run(lambda control: make(ctx, complaint_id, path),
                        lambda saved: dialogs.show_info(self, title, self.tr(
                            "저장했습니다: {path}").format(path=saved)),
                        lambda error: dialogs.explain(self, title, error),
                        label=self.tr("PDF를 만드는 중…"), parent=self)

    def print_document(self, kind: str) -> None:
        """접수증 or 회신문 on paper: the same document as the PDF, made by the same service (so
        the access log records it), printed on the printer the clerk chooses."""
        if self.case is not None:
            print_document(self, self.ctx, self.runner, self.complaint_id,
                           self.case["receipt_no"], kind)

    def done(self, result: int) -> None:
        """Closing removes the copies opened for viewing (personal data; a viewer that still
        holds one open keeps it until the next start clears the temp folder)."""
        import shutil
        for folder in self.temp_folders:
            shutil.rmtree(folder, ignore_errors=True)
        self.temp_folders.clear()
        super().done(result)

    def explain_due(self) -> None:
        if self.case is not None:
            dialogs.show_info(self, self.tr("처리기한 계산 근거"), "\n".join(self.case["due_steps"]))

    def link_earlier(self) -> None:
        """The clerk says the earlier cases of the same matter are one 사안 with this one."""
        if self.case is None:
            return
        ctx, me = self.ctx, self.complaint_id
        earlier = [c.id for c in self.case["repeats"].earlier]

        def link():
            for other in earlier:
                complaint_service.link_cases(ctx, me, other)
            return frozenset({"complaints"})
        self.runner.run(lambda control: link(), self._acted,
                        lambda error: dialogs.explain(self, self.tr("민원 연결"), error))

    def attach_file(self) -> None:
        from pcrm_desktop.services import attachments
        path = dialogs.ask_open_path(self, self.tr("파일 첨부"), self.tr("모든 파일 (*)"))
        if not path:
            return
        ctx, complaint_id = self.ctx, self.complaint_id
        self.runner.run(lambda control: attachments.attach(ctx, complaint_id, path), self._acted,
                        lambda error: dialogs.explain(self, self.tr("파일 첨부"), error))

    def open_file(self) -> None:
        """A copy in a temporary folder, opened with the system's viewer (recorded)."""
        import tempfile

        from PySide6.QtCore import QUrl
        from PySide6.QtGui import QDesktopServices

        from pcrm_desktop.services import attachments
        item = self.files.currentItem()
        if item is None:
            return
        ctx, attachment_id = self.ctx, item.data(Qt.ItemDataRole.UserRole)
        folder = tempfile.mkdtemp(prefix="pcrm-attachment-")
        self.temp_folders.append(folder)
        self.runner.run(lambda control: attachments.open_copy(ctx, attachment_id, folder),
                        lambda path: self._opened(path, QDesktopServices, QUrl),
                        lambda error: dialogs.explain(self, self.tr("열기"), error))

    def _opened(self, path, desktop, url) -> None:
        self.opened_path = path
        desktop.openUrl(url.fromLocalFile(str(path)))

    # --- actions --------------------------------------------------------------------------
    def start_action(self, action: Action) -> "ActionDialog | None":
        if self.case is None:
            return None
        self.action_dialog = ActionDialog(self.ctx, self.runner, action, self.case, self)
        if self.drafts.get(action):
            self.action_dialog.note.setPlainText(self.drafts[action])
        self.action_dialog.done_action.connect(self._acted)
        self.action_dialog.done_action.connect(lambda _: self.drafts.pop(action, None))
        self.action_dialog.moved.connect(self.load)  # show the case as it is now
        self.action_dialog.dropped.connect(lambda note: self._keep_draft(action, note))
        from pcrm_desktop.ui.drafts import autosave_step
        self.action_dialog.autosave = autosave_step(self.action_dialog)  # and its disk draft
        self.action_dialog.open()
        return self.action_dialog

    def _keep_draft(self, action: Action, note: str) -> None:
        if note.strip():
            self.drafts[action] = note

    def attach_applicant(self):
        """민원인 연결, for a case saved without an applicant; the window reloads after it."""
        from pcrm_desktop.ui.attach_applicant_dialog import AttachApplicantDialog
        if self.case is None or self.case["citizen_id"] is not None:
            return None
        self.applicant_dialog = AttachApplicantDialog(self.ctx, self.runner, self.case, self)
        self.applicant_dialog.attached.connect(self._acted)
        self.applicant_dialog.moved.connect(self.load)
        self.applicant_dialog.open()
        return self.applicant_dialog

    def _acted(self, changes) -> None:
        self.changed.emit(changes)
        self.load()


def print_document(parent: QWidget, ctx, runner, complaint_id: int, receipt_no: str,
                   kind: str) -> bool:
    """Print a case's 접수증 ("receipt") or 회신문 ("answer"); False when the clerk cancelled."""
    from pcrm_desktop.services import complaint_documents as documents
    title = QCoreApplication.translate("CaseDialog", "접수증" if kind == "receipt" else "회신문")
    make = documents.receipt_pdf if kind == "receipt" else documents.answer_pdf
    name = f"{'접수증' if kind == 'receipt' else '회신문'}_{receipt_no}_인쇄.pdf"
    return printing.print_made(parent, runner,
                               lambda folder: make(ctx, complaint_id, folder / name), title)


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
        self.note, self.answer = QPlainTextEdit(), QPlainTextEdit()
        self.note.setObjectName("actionNote")
        self.answer.setObjectName("actionAnswer")
        for edit in (self.note, self.answer):
            edit.setTabChangesFocus(True)
            edit.setFixedHeight(80)
        self.assignee, self.result = QComboBox(), QComboBox()
        self.assignee.setObjectName("actionAssignee")
        self.result.setObjectName("actionResult")
        self.agency = QLineEdit()
        self.agency.setObjectName("actionAgency")
        self.new_due = QDateTimeEdit()
        self.new_due.setObjectName("actionNewDue")
        self.new_due.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.new_due.setCalendarPopup(True)
        self.new_due.setDateTime(case["due_at"])
        self.method = QComboBox()
        self.method.setObjectName("noticeMethod")
        self.notice = QPlainTextEdit()
        self.notice.setObjectName("noticeText")
        self.notice.setTabChangesFocus(True)
        self.notice.setFixedHeight(90)
        self.office = None
        self._notice_typed = False
        self.labels = {k: QLabel() for k in ("assignee", "agency", "new_due", "result", "answer",
                                             "note", "method", "notice")}
        form = QFormLayout()
        fields = {"assignee": self.assignee, "agency": self.agency, "new_due": self.new_due,
                  "result": self.result, "answer": self.answer, "note": self.note,
                  "method": self.method, "notice": self.notice}
        for key in self._fields():
            form.addRow(self.labels[key], fields[key])
        self.error = QLabel()
        self.error.setObjectName("actionError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.status = QLabel()  # a wait for another program's write lock, while it lasts
        self.status.setObjectName("actionStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #5a3b00;")
        self.status.hide()
        self.conflict_dialog = None
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        self.staff = []
        self.retranslate_ui()
        runner.run(lambda control: office_service.overview(ctx), self._set_staff, lambda e: None)
        if action is Action.EXTEND and "period_unit" in case:
            self._suggest_due()
        if action in NOTICE_TEMPLATES:
            self.note.textChanged.connect(self._fill_notice)
            self.new_due.dateTimeChanged.connect(lambda _: self._fill_notice())
            self.notice.textChanged.connect(self._notice_changed)

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

