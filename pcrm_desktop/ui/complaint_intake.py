"""새 민원 접수: a keyboard-first form (Enter moves on, Ctrl+Enter saves, Esc cancels), the
applicant found by the resident search or left unnamed, the due date shown live with how it was
computed, and earlier cases of the same matter."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.domain.complaints import Channel, Intake, Priority
from pcrm_desktop.domain.errors import DomainError
from pcrm_desktop.services import complaints as complaint_service
from pcrm_desktop.services import office as office_service
from pcrm_desktop.ui import dialogs
from pcrm_desktop.ui.case_documents import print_receipt, received_box
from pcrm_desktop.ui.combo import refill
from pcrm_desktop.ui.complaint_labels import channel_name, d_day_label, explanation, moment, type_name
from pcrm_desktop.ui.i18n import Retranslatable, error_text
from pcrm_desktop.ui.intake_applicant import WARNING_STYLE, ApplicantSide

TYPES = ("inquiry", "suggestion", "grievance", "other", "legal")
FAR_DAYS = 3  # a 접수일시 further than this from now is more likely a slip than a late entry


class ReceivedAtEdit(QDateTimeEdit):
    """One tab stop: Tab leaves the field instead of walking year → month → day → hour → minute
    (the arrow keys still move between the parts)."""

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002, N802 - Qt's names
        return QWidget.focusNextPrevChild(self, next)


def _is_enter(event) -> bool:
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
        and not event.modifiers() & Qt.KeyboardModifier.ControlModifier


class IntakeDialog(dialogs.AsksBeforeDiscard, ApplicantSide, Retranslatable, QDialog):
    received = Signal(int)  # the new case's id

    def __init__(self, ctx, runner, categories: list[dict], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("intakeDialog")
        self.ctx, self.runner, self.categories = ctx, runner, categories
        self.citizen_id: int | None = None
        self.applicant_decided = False  # a case with no applicant is a choice, never an accident
        self.deadline = None
        self.overview = None
        self._build()
        self._connect()
        self.retranslate_ui()
        self.resize(1060, 640)
        runner.run(lambda control: office_service.overview(ctx), self._set_overview, lambda e: None)
        if not categories:  # opened (Ctrl+N) before the 민원 page had its categories: read them
            runner.run(lambda control: complaint_service.categories(ctx), self._set_categories,
                       lambda e: None)
        self._refresh_due()
        self._pristine = self._snapshot()
        from pcrm_desktop.ui.drafts import autosave_intake
        self.autosave = autosave_intake(self)  # on disk every few seconds: a crash loses little

    # --- building -------------------------------------------------------------------------
    def _build(self) -> None:
        self._build_fields()
        form = self._build_form()
        right = self._build_applicant()
        self._lay_out(form, right)

    def _build_fields(self) -> None:
        """The form's fields, in the order a clerk fills them."""
        self.received_at = ReceivedAtEdit()
        self.received_at.setObjectName("receivedAtEdit")
        self.received_at.setDateTime(self.ctx.clock().replace(second=0, microsecond=0))
        self.received_at.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.received_at.setCalendarPopup(True)
        self.channel, self.type, self.category = QComboBox(), QComboBox(), QComboBox()
        self.department, self.assignee, self.priority = QComboBox(), QComboBox(), QComboBox()
        self.epeople, self.title, self.dong, self.road = (QLineEdit() for _ in range(4))
        self.content = QPlainTextEdit()
        self.content.setTabChangesFocus(True)
        # three lines at least, more when the window has room (150 % text on a 768-high screen)
        self.content.setMinimumHeight(self.content.fontMetrics().lineSpacing() * 3 + 12)
        for widget, name in ((self.title, "titleEdit"), (self.content, "contentEdit"),
                             (self.type, "typeCombo"), (self.category, "categoryCombo"),
                             (self.channel, "channelCombo"), (self.epeople, "epeopleEdit")):
            widget.setObjectName(name)
        self.receipt = QLabel()
        self.received_warning = QLabel()
        self.received_warning.setObjectName("receivedAtWarning")
        self.received_warning.setWordWrap(True)
        self.received_warning.setStyleSheet(WARNING_STYLE)
        self.received_warning.hide()
        self.due = QLabel()
        self.due.setObjectName("dueLabel")
        self.why = QPushButton()
        self.why.setObjectName("dueWhy")
        self.files: list[str] = []
        self.files_label = QLabel()
        self.files_label.setObjectName("intakeFiles")
        self.files_label.setWordWrap(True)
        self.add_file = QPushButton()
        self.add_file.setObjectName("intakeAddFile")

    def _build_form(self) -> QFormLayout:
        """The fields under their labels; the 접수일시 with its warning, the due date with its
        reasons, the files with their button on one line each."""
        received_row = QHBoxLayout()
        received_row.addWidget(self.received_at)
        received_row.addWidget(self.received_warning, 1)
        files_row = QHBoxLayout()
        files_row.addWidget(self.files_label, 1)
        files_row.addWidget(self.add_file)
        due_row = QHBoxLayout()
        due_row.addWidget(self.due, 1)
        due_row.addWidget(self.why)
        self.labels = {k: QLabel() for k in ("receipt", "received_at", "channel", "epeople", "type",
                                             "category", "title", "content", "dong", "road",
                                             "department", "assignee", "priority", "due", "files")}
        form = QFormLayout()
        for key, field in (("receipt", self.receipt), ("received_at", received_row),
                           ("channel", self.channel), ("epeople", self.epeople),
                           ("type", self.type), ("category", self.category),
                           ("title", self.title), ("content", self.content), ("dong", self.dong),
                           ("road", self.road), ("department", self.department),
                           ("assignee", self.assignee), ("priority", self.priority)):
            form.addRow(self.labels[key], field)
        form.addRow(self.labels["due"], due_row)
        form.addRow(self.labels["files"], files_row)
        return form

    def _lay_out(self, form: QFormLayout, right: QVBoxLayout) -> None:
        """The form on the left, the applicant on the right, the refusal and buttons below."""
        self.error = QLabel()
        self.error.setObjectName("intakeError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 3)
        body.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(body, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        for widget in (self.applicant_search, self.applicant_list):
            widget.installEventFilter(self)
        self._order_tabs()

    def _order_tabs(self) -> None:
        """Tab follows the eye: down the form, then the applicant, then the buttons."""
        chain = (self.received_at, self.channel, self.epeople, self.type, self.category,
                 self.title, self.content, self.dong, self.road, self.department, self.assignee,
                 self.priority, self.why, self.add_file, self.applicant_search,
                 self.applicant_list, self.unnamed, self.new_citizen,
                 self.buttons.button(QDialogButtonBox.StandardButton.Save),
                 self.buttons.button(QDialogButtonBox.StandardButton.Cancel))
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

    def _connect(self) -> None:
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.cancel)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.save)
        QShortcut(QKeySequence("Ctrl+Enter"), self, activated=self.save)
        self.due_timer = QTimer(self, singleShot=True, interval=150)
        self.due_timer.timeout.connect(self._refresh_due)
        for combo in (self.type, self.category):
            combo.currentIndexChanged.connect(lambda _: self._changed_matter())
        self.received_at.dateTimeChanged.connect(lambda _: self.due_timer.start())
        self.received_at.dateTimeChanged.connect(lambda _: self._check_received_at())
        self.channel.currentIndexChanged.connect(lambda _: self._channel_changed())
        self.department.currentIndexChanged.connect(lambda _: self._fill_assignees())
        self.search_timer = QTimer(self, singleShot=True, interval=150)
        self.search_timer.timeout.connect(self._search_applicant)
        self.applicant_search.searchTextChanged.connect(lambda _: self.search_timer.start())
        self.applicant_search.commit_on_click(self.applicant_list)  # a click while composing chooses
        self.applicant_list.itemActivated.connect(self._choose_applicant)
        self.applicant_list.itemClicked.connect(self._choose_applicant)
        self.unnamed.clicked.connect(self._choose_unnamed)
        self.new_citizen.clicked.connect(self._register_applicant)
        self.why.clicked.connect(self._explain_due)
        self.add_file.clicked.connect(self._add_file)
        # a refusal stays only while it is true: typing into the form, or choosing an applicant
        self.title.textEdited.connect(lambda _: self.error.clear())
        self.content.textChanged.connect(self.error.clear)
        self.applicant_list.itemActivated.connect(lambda _: self.error.clear())
        self.unnamed.clicked.connect(self.error.clear)

    # --- keyboard -------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Enter that no field used moves on, like the paper form (never the default button:
        Ctrl+Enter saves); Esc cancels, asking first when something was typed."""
        if _is_enter(event):
            self._next_field()
        elif event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.cancel()
        else:
            super().keyPressEvent(event)

    def _next_field(self) -> None:
        """The next field, over the buttons between the form and the applicant search."""
        for _ in range(len(self.findChildren(QPushButton)) + 1):
            self.focusNextChild()
            if not isinstance(self.focusWidget(), QPushButton):
                return

    def eventFilter(self, watched, event) -> bool:
        """Enter or Down in the applicant search goes into the list; Enter there chooses the
        highlighted resident; Up from the first row goes back to the search."""
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        if watched is self.applicant_search and (_is_enter(event) or event.key() == Qt.Key.Key_Down):
            self._into_applicant_list()
            return True
        if watched is self.applicant_list:
            if _is_enter(event):
                item = self.applicant_list.currentItem()
                if item is None:
                    self._next_field()
                else:
                    self._choose_applicant(item)
                return True
            if event.key() == Qt.Key.Key_Up and self.applicant_list.currentRow() <= 0:
                self.applicant_search.setFocus()
                return True
        return super().eventFilter(watched, event)

    # --- closing without saving -----------------------------------------------------------
    def _snapshot(self) -> tuple:
        combos = (self.channel, self.type, self.category, self.department, self.assignee,
                  self.priority)
        return (self.received_at.dateTime(), self.epeople.text(), self.title.text(),
                self.content.toPlainText(), self.dong.text(), self.road.text(),
                self.applicant_search.text(), self.citizen_id, tuple(self.files),
                tuple(c.currentData() for c in combos))

    def retranslate_ui(self) -> None:
        self.applicant_list.setAccessibleName(self.tr("찾은 주민"))
        self.setWindowTitle(self.tr("새 민원 접수"))
        texts = {"receipt": self.tr("접수번호"), "received_at": self.tr("접수일시"),
                 "channel": self.tr("접수경로"), "epeople": self.tr("신청번호"),
                 "type": self.tr("민원종류"), "category": self.tr("분류"), "title": self.tr("제목"),
                 "content": self.tr("내용"), "dong": self.tr("위치(동)"), "road": self.tr("상세주소"),
                 "department": self.tr("담당 부서"), "assignee": self.tr("담당자"),
                 "priority": self.tr("중요도"), "due": self.tr("처리기한"), "files": self.tr("첨부")}
        for key, label in self.labels.items():
            label.setText(texts[key])
        self.receipt.setText(self.tr("저장할 때 자동으로 붙습니다"))
        self.epeople.setPlaceholderText(self.tr("국민신문고 신청번호 (예: 1AA-2611-0012345)"))
        self.title.setPlaceholderText(self.tr("한 줄 요약 (예: 골목길 불법주정차 단속 요청)"))
        self.why.setText(self.tr("계산 근거…"))
        self.add_file.setText(self.tr("파일 첨부…"))
        self._show_files()
        self.applicant_title.setText(self.tr("민원인"))
        self.applicant_search.setPlaceholderText(self.tr("이름(두 글자도)·전화 뒷자리로 찾기"))
        self.unnamed.setText(self.tr("민원인 없이 (익명·미상)"))
        self.new_citizen.setText(self.tr("새 주민 등록…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("저장 (Ctrl+Enter)"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("취소 (Esc)"))
        refill(self.channel, [(c.value, channel_name(c.value)) for c in Channel])
        refill(self.type, [(code, type_name(code)) for code in TYPES])
        refill(self.category, self._category_items())
        refill(self.priority, [(Priority.NORMAL.value, self.tr("보통")),
                               (Priority.HIGH.value, self.tr("높음")),
                               (Priority.URGENT.value, self.tr("긴급")),
                               (Priority.LOW.value, self.tr("낮음"))])
        self._fill_departments()
        self._set_applicant(self.citizen_id, self.applicant.property("name") or "")
        self._channel_changed()
        self._check_received_at()
        self._show_due()

    # --- helpers --------------------------------------------------------------------------
    def _category_items(self) -> list[tuple[object, str]]:
        return [(None, self.tr("(분류 없음)"))] + [
            (c["id"], f"{c['parent']} > {c['name']}" if c["parent_id"] else c["name"])
            for c in self.categories]

    def _set_categories(self, categories: list[dict]) -> None:
        self.categories = categories
        self.category.blockSignals(True)  # the choice stays (refill keeps it): no new due date
        refill(self.category, self._category_items())
        self.category.blockSignals(False)

    def _set_overview(self, overview) -> None:
        self.overview = overview
        self._fill_departments()

    def _fill_departments(self) -> None:
        departments = self.overview.departments if self.overview else []
        refill(self.department, [(None, self.tr("(나중에 배정)"))]
               + [(d.id, d.name) for d in departments if d.active])
        self._fill_assignees()

    def _fill_assignees(self) -> None:
        staff = self.overview.staff if self.overview else []
        department = self.department.currentData()
        refill(self.assignee, [(None, self.tr("(미배정)"))] + [
            (s.id, s.name) for s in staff if s.active and s.role.value in ("clerk", "manager", "admin")
            and (department is None or s.department_id == department)])

    def _channel_changed(self) -> None:
        self.epeople.setEnabled(self.channel.currentData() == Channel.EPEOPLE.value)

    def _changed_matter(self) -> None:
        self.due_timer.start()
        self._check_repeats()

    def intake(self) -> Intake:
        return Intake(self.received_at.dateTime().toPython(), Channel(self.channel.currentData()),
                      self.type.currentData(), self.title.text(), self.content.toPlainText(),
                      self.category.currentData(), self.citizen_id, self.epeople.text(),
                      self.road.text(), self.dong.text(), self.department.currentData(),
                      self.assignee.currentData(), Priority(self.priority.currentData()))

    # --- due date -------------------------------------------------------------------------
    def _refresh_due(self) -> None:
        ctx = self.ctx
        at = self.received_at.dateTime().toPython().replace(second=0, microsecond=0)
        kind, category = self.type.currentData(), self.category.currentData()
        if not kind:
            return
        self.runner.run(lambda control: complaint_service.preview_due(ctx, at, kind, category),
                        self._set_due, self._due_failed)

    def _set_due(self, deadline) -> None:
        self.deadline = deadline
        self._show_due()

    def _due_failed(self, error) -> None:
        self.deadline = None
        self.due.setText(error_text(error) if isinstance(error, DomainError) else "-")

    def _show_due(self) -> None:
        if self.deadline is None:
            return
        self.due.setText(f"{moment(self.deadline.due)} · "
                         f"{d_day_label(self.deadline.due, self.ctx.clock().date())}")

    def _received_far(self) -> str:
        """What is odd about the 접수일시, or "" when it is within FAR_DAYS of now."""
        gap = self.received_at.dateTime().toPython() - self.ctx.clock().replace(tzinfo=None)
        days = gap.total_seconds() / 86400
        if days > FAR_DAYS:
            return self.tr("접수일시가 지금보다 {n}일 뒤입니다. 맞는지 확인하십시오.").format(n=round(days))
        if days < -FAR_DAYS:
            return self.tr("접수일시가 {n}일 전입니다. 맞는지 확인하십시오.").format(n=round(-days))
        return ""

    def _check_received_at(self) -> None:
        text = self._received_far()
        self.received_warning.setText("⚠ " + text if text else "")
        self.received_warning.setVisible(bool(text))

    def _explain_due(self) -> None:
        if self.deadline is not None:
            dialogs.show_info(self, self.tr("처리기한 계산 근거"), "\n".join(explanation(self.deadline)))

    def _add_file(self) -> None:
        path = dialogs.ask_open_path(self, self.tr("파일 첨부"), self.tr("모든 파일 (*)"))
        if path and path not in self.files:
            self.files.append(path)
            self._show_files()

    def _show_files(self) -> None:
        from pathlib import Path
        self.files_label.setText(", ".join(Path(p).name for p in self.files) or self.tr("없음"))

    # --- saving ---------------------------------------------------------------------------
    def save(self) -> None:
        """접수 with its files, in one service call in the lane: a file that cannot be attached
        (missing, too large, unreadable) saves nothing, and what was typed stays to fix."""
        from pathlib import Path
        self.error.clear()
        if not self._ready_to_save():
            return
        ctx, intake, files = self.ctx, self.intake(), [Path(p) for p in self.files]
        self.runner.run(lambda control: complaint_service.receive(ctx, intake, files),
                        self._saved, self._failed)

    def _ready_to_save(self) -> bool:
        """No applicant only when the clerk chose so; an odd 접수일시 only when confirmed."""
        if self.citizen_id is None and not self.applicant_decided:
            self.error.setText(self.tr("민원인을 고르지 않았습니다. 목록에서 고르거나(Enter), 밝히지 않는 "
                                       "민원이면 [민원인 없이 (익명·미상)]을 누르십시오."))
            (self.applicant_list if self.applicant_list.count() else self.applicant_search).setFocus()
            return False
        far = self._received_far()
        if far and dialogs.ask_choice(self, self.windowTitle(), far, [
                ("save", self.tr("이 일시로 저장"))]) != "save":
            self.received_at.setFocus()
            return False
        return True

    def _saved(self, result) -> None:
        self.result_info = result
        self.received.emit(result.complaint_id)
        self.accept()
        warning = self.tr("\n주민등록번호로 보이는 숫자 {n}건을 가렸습니다.").format(n=result.rrn_masked) \
            if result.rrn_masked else ""
        parent, ctx, runner = self.parentWidget(), self.ctx, self.runner  # the intake is closed
        self.received_box = received_box(parent, self.tr("민원 접수"), self.tr(
            "접수번호 {no}로 접수했습니다. 처리기한 {due}.").format(
            no=result.receipt_no, due=moment(result.deadline.due)) + warning,
            self.tr("접수증 인쇄…"), lambda: print_receipt(parent, ctx, runner, result))

    def _failed(self, error) -> None:
        if isinstance(error, DomainError):
            self.error.setText(error_text(error))  # what was typed stays; fix and save again
        else:
            dialogs.explain(self, self.tr("민원 접수"), error)
