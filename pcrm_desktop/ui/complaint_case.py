"""One 민원: header (status, D-day, applicant), details, history, earlier cases of the same matter,
and the actions allowed now (the domain decides which), each asking only for what it needs."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.domain.complaints import Action, Status, allowed_actions
from pcrm_desktop.services import complaints as complaint_service
from pcrm_desktop.ui import dialogs
from pcrm_desktop.ui.case_documents import print_document, save_pdf
from pcrm_desktop.ui.complaint_action import ActionDialog
from pcrm_desktop.ui.complaint_labels import (
    action_button_name,
    action_name,
    channel_name,
    d_day_label,
    moment,
    result_name,
    status_name,
)
from pcrm_desktop.ui.i18n import Retranslatable
from pcrm_desktop.ui.table_model import RowsModel


def _button(name: str, slot) -> QPushButton:
    button = QPushButton()
    button.setObjectName(name)
    button.clicked.connect(slot)
    return button


def _bold_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet("font-size: 120%; font-weight: bold;")
    return label


def _row(*widgets) -> QHBoxLayout:
    """A row of widgets; a (widget, stretch) pair takes the room left."""
    row = QHBoxLayout()
    for widget in widgets:
        row.addWidget(*(widget if isinstance(widget, tuple) else (widget,)))
    return row


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
        self.temp_folders: list[str] = []  # copies opened for viewing: removed when closed
        self._build_header()
        self._build_files()
        self._build_history()
        self._build_buttons()
        self._lay_out()
        self.retranslate_ui()
        self.resize(980, 620)
        self.load()

    # --- construction ---------------------------------------------------------------------
    def _build_header(self) -> None:
        """Number, status and due date; the applicant beside them (a case saved without one
        can be given one); the details; the earlier cases of the same matter."""
        self.header = _bold_label("caseHeader")
        self.applicant_label = _bold_label("caseApplicant")
        self.attach_applicant_button = _button("attachApplicant", self.attach_applicant)
        self.attach_applicant_button.hide()  # shown once the case is read and has no applicant
        self.details = QLabel()
        self.details.setObjectName("caseDetails")
        self.details.setWordWrap(True)
        self.repeats = QLabel()
        self.repeats.setWordWrap(True)
        self.link_button = _button("linkEarlier", self.link_earlier)

    def _build_files(self) -> None:
        self.files = QListWidget()
        self.files.setObjectName("caseFiles")
        self.files.setMaximumHeight(80)
        self.attach_button = _button("attachFile", self.attach_file)
        self.open_file_button = _button("openFile", self.open_file)

    def _build_history(self) -> None:
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

    def _build_buttons(self) -> None:
        """Two rows, so the window fits a 1366×768 screen in every language: the steps allowed
        now, then the documents and 닫기."""
        self.action_buttons: dict[Action, QPushButton] = {
            action: _button(f"action_{action.value}", lambda _=False, a=action: self.start_action(a))
            for action in Action}
        self.why_button = _button("caseDueWhy", self.explain_due)
        self.receipt_button = _button("receiptPdf", lambda: self.save_pdf("receipt"))
        self.answer_button = _button("answerPdf", lambda: self.save_pdf("answer"))
        self.print_receipt_button = _button("receiptPrint", lambda: self.print_document("receipt"))
        self.print_answer_button = _button("answerPrint", lambda: self.print_document("answer"))
        self.close_button = _button("caseClose", self.accept)
        self.actions_row, self.documents_row = QHBoxLayout(), QHBoxLayout()
        for button in self.action_buttons.values():
            self.actions_row.addWidget(button)
        self.actions_row.addStretch(1)
        for button in (self.why_button, self.receipt_button, self.print_receipt_button,
                       self.answer_button, self.print_answer_button):
            self.documents_row.addWidget(button)
        self.documents_row.addStretch(1)
        self.documents_row.addWidget(self.close_button)

    def _lay_out(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(_row((self.header, 1), self.applicant_label, self.attach_applicant_button))
        layout.addWidget(self.details)
        layout.addLayout(_row((self.repeats, 1), self.link_button))
        layout.addWidget(self.history_view, 1)
        files_row = _row((self.files, 1))
        files_buttons = QVBoxLayout()
        files_buttons.addWidget(self.attach_button)
        files_buttons.addWidget(self.open_file_button)
        files_row.addLayout(files_buttons)
        layout.addLayout(files_row)
        layout.addLayout(self.actions_row)
        layout.addLayout(self.documents_row)

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
        self.link_button.setToolTip(self.tr(
            "같은 민원인·분류의 이전 민원을 같은 사안으로 연결합니다 (반복 민원 관리)."))
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
        if self.case is not None:
            save_pdf(self, self.ctx, self.runner, self.complaint_id, self.case["receipt_no"], kind)

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
    def start_action(self, action: Action) -> ActionDialog | None:
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
