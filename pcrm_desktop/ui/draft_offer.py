"""After sign-in: the drafts this staff member left on this PC for this database (a crash, a
power cut, the program closed mid-entry), offered back: 이어 쓰기 opens the form again filled
in (a new 민원's intake; a case's window with the step's form), 버리기 deletes the draft, 나중에
leaves them for the next sign-in. When a form taken up again closes, the rest are offered."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.domain.complaints import Action, Status, allowed_actions
from pcrm_desktop.domain.drafts import INTAKE, REPLY, Draft, summary
from pcrm_desktop.services import drafts as draft_service
from pcrm_desktop.ui import dialogs
from pcrm_desktop.ui.complaint_labels import action_title, moment
from pcrm_desktop.ui.i18n import Retranslatable


class DraftOfferDialog(Retranslatable, QDialog):
    resume_requested = Signal(object)  # the Draft to take up again

    def __init__(self, store: draft_service.DraftStore, drafts: list[Draft],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftOffer")
        self.store, self.drafts = store, list(drafts)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("draftTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _: self.resume())
        self.table.setProperty("pcrm_data", True)  # what was typed stays as typed
        self.intro.setBuddy(self.table)
        self.buttons = QDialogButtonBox()
        self.resume_button = QPushButton()
        self.resume_button.setObjectName("draftResume")
        self.discard_button = QPushButton()
        self.discard_button.setObjectName("draftDiscard")
        self.later_button = QPushButton()
        self.later_button.setObjectName("draftLater")
        self.buttons.addButton(self.resume_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(self.discard_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.buttons.addButton(self.later_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.resume_button.clicked.connect(self.resume)
        self.discard_button.clicked.connect(self.discard)
        self.later_button.clicked.connect(self.reject)
        self.resume_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.resize(760, 320)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("저장하지 않은 입력"))
        self.intro.setText(self.tr(
            "지난번에 저장하지 못하고 끝난 입력이 있습니다 (PC가 꺼졌거나 프로그램이 닫혔습니다). "
            "이어 쓰거나 버리십시오. [나중에]를 누르면 다음 로그인 때 다시 묻습니다."))
        self.table.setHorizontalHeaderLabels(
            [self.tr("종류"), self.tr("접수번호"), self.tr("저장한 때"), self.tr("내용")])
        self.table.setAccessibleName(self.tr("저장하지 않은 입력 목록"))
        self.resume_button.setText(self.tr("이어 쓰기"))
        self.discard_button.setText(self.tr("버리기"))
        self.later_button.setText(self.tr("나중에"))
        self._fill()

    def _fill(self) -> None:
        chosen = max(self.table.currentRow(), 0)
        self.table.setRowCount(len(self.drafts))
        for row, draft in enumerate(self.drafts):
            cells = (kind_text(draft), "—" if draft.kind == INTAKE else
                     str(draft.fields.get("receipt_no") or "—"), moment(draft.saved_at),
                     summary(draft) or self.tr("(내용 없음)"))
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        if self.drafts:
            self.table.selectRow(min(chosen, len(self.drafts) - 1))
        self.table.setFocus()

    def chosen(self) -> Draft | None:
        row = self.table.currentRow()
        return self.drafts[row] if 0 <= row < len(self.drafts) else None

    def resume(self) -> None:
        draft = self.chosen()
        if draft is not None:
            self.accept()
            self.resume_requested.emit(draft)

    def discard(self) -> None:
        draft = self.chosen()
        if draft is None or dialogs.ask_choice(self, self.windowTitle(), self.tr(
                "이 입력을 버릴까요? 되살릴 수 없습니다."),
                [("discard", self.tr("버리기"))]) != "discard":
            return
        self.store.discard(draft.kind, draft.key)
        self.drafts.remove(draft)
        if not self.drafts:
            self.accept()
            return
        self._fill()


def kind_text(draft: Draft) -> str:
    if draft.kind == INTAKE:
        return QCoreApplication.translate("drafts", "새 민원 접수")
    try:
        step = action_title(Action(draft.fields.get("action")))
    except ValueError:
        step = ""
    kind = QCoreApplication.translate("drafts", "회신") if draft.kind == REPLY \
        else QCoreApplication.translate("drafts", "처리 내용")
    return f"{kind} ({step})" if step else kind


# --- offering and taking up ----------------------------------------------------------------

def offer_drafts(window) -> None:
    """Look for this staff member's drafts (in the lane) and offer them when there are any.
    `window` is the main window: its ctx, runner and pages."""
    ctx = window.ctx

    def pending():
        store = draft_service.open_store(ctx)
        return store, store.drafts()
    window.runner.run(lambda control: pending(), lambda found: _offer(window, *found),
                      lambda error: None)


def _offer(window, store: draft_service.DraftStore, drafts: list[Draft]) -> None:
    if not drafts or window.findChild(DraftOfferDialog) is not None:
        return
    dialog = DraftOfferDialog(store, drafts, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.resume_requested.connect(lambda draft: resume(window, draft))
    dialog.open()


def resume(window, draft: Draft) -> None:
    """Open the draft's form filled in; when it closes, offer what is left."""
    page = window.open_page("complaints")
    if draft.kind == INTAKE:
        from pcrm_desktop.ui.drafts import resume_intake
        form = page.new_complaint()
        resume_intake(form, draft)
        _offer_again_after(window, form)
        return
    if draft.case_id is None:
        return
    case = page.open_case(draft.case_id)  # read (and logged as 민원 열람) like any opening
    window.runner.run(lambda control: None, lambda _: _start_step(window, case, draft))


def _start_step(window, case, draft: Draft) -> None:
    if case.case is None:  # not found or not readable: the case window said why
        return
    try:
        action = Action(draft.fields.get("action"))
    except ValueError:
        return
    status = Status(case.case["status"])
    if action not in allowed_actions(status, bool(case.case["extended"])):
        dialogs.show_info(case, action_title(action), QCoreApplication.translate(
            "drafts", "이 민원은 그사이 상태가 바뀌어 지금은 「{step}」 단계를 할 수 없습니다. 입력해 둔 "
            "내용은 다음 로그인 때 다시 보이며, 그때 버릴 수 있습니다.").format(step=action_title(action)))
        return
    _offer_again_after(window, case.start_action(action))


def _offer_again_after(window, form) -> None:
    form.finished.connect(lambda _result: QTimer.singleShot(0, lambda: offer_drafts(window)))
