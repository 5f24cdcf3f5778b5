"""민원인 연결: the resident a 민원 saved without an applicant turned out to be, found by the same
resident search as the intake's (names and phones masked) and attached once, with the case's
version, so a case that moved on meanwhile is read again before anything is written."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.domain.errors import DomainError, EditConflict
from pcrm_desktop.domain.text import mask_name
from pcrm_desktop.services import citizens as citizen_service
from pcrm_desktop.services import complaints as complaint_service
from pcrm_desktop.ui import dialogs
from pcrm_desktop.ui.i18n import Retranslatable, error_text
from pcrm_desktop.ui.resident_list import SEARCH_LIMIT, fill_residents
from pcrm_desktop.ui.search_field import SearchField


def _is_enter(event) -> bool:
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class AttachApplicantDialog(Retranslatable, QDialog):
    attached = Signal(object)  # what changed (the case window reloads)
    moved = Signal()           # the case changed under the dialog: the case window reloads

    def __init__(self, ctx, runner, case: dict, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachApplicantDialog")
        self.ctx, self.runner = ctx, runner
        self.complaint_id, self.receipt_no = case["id"], case["receipt_no"]
        self.version = case["version"]
        self.citizen_id: int | None = None
        self.chosen_name = ""
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.search = SearchField()  # searches with the syllable being composed
        self.search.setObjectName("attachApplicantSearch")
        self.results = QListWidget()
        self.results.setObjectName("attachApplicantList")
        self.chosen = QLabel()
        self.chosen.setObjectName("attachApplicantChosen")
        self.new_citizen = QPushButton()
        self.new_citizen.setObjectName("attachApplicantNew")
        self.error = QLabel()
        self.error.setObjectName("attachApplicantError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setObjectName("attachApplicantOk")
        self.ok.setEnabled(False)
        self.search_label = QLabel()
        self.search_label.setBuddy(self.search)
        chosen_row = QHBoxLayout()
        chosen_row.addWidget(self.chosen, 1)
        chosen_row.addWidget(self.new_citizen)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.search_label)
        layout.addWidget(self.search)
        layout.addWidget(self.results, 1)
        layout.addLayout(chosen_row)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.search_timer = QTimer(self, singleShot=True, interval=150)
        self.search_timer.timeout.connect(self._search)
        self.search.searchTextChanged.connect(lambda _: self.search_timer.start())
        self.search.commit_on_click(self.results)  # a click on a row while composing selects it
        self.results.itemClicked.connect(self._choose)
        self.results.itemActivated.connect(self._choose)
        self.new_citizen.clicked.connect(self._register)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        for widget in (self.search, self.results):
            widget.installEventFilter(self)
        self.retranslate_ui()
        self.resize(520, 460)
        self.search.setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("민원인 연결"))
        self.intro.setText(self.tr(
            "민원 {no}의 민원인을 찾아 고르십시오. 연결한 민원인은 처리 이력과 접속기록에 남고, "
            "나중에 바꿀 수 없습니다.").format(no=self.receipt_no))
        self.search_label.setText(self.tr("주민 찾기(&F)"))
        self.search.setPlaceholderText(self.tr("이름(두 글자도)·전화 뒷자리로 찾기"))
        self.search.setAccessibleName(self.tr("주민 찾기"))
        self.results.setAccessibleName(self.tr("찾은 주민"))
        self.new_citizen.setText(self.tr("새 주민 등록…"))
        self.ok.setText(self.tr("연결하기"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("취소"))
        self._show_chosen()

    # --- finding the resident -------------------------------------------------------------
    def _search(self) -> None:
        ctx, query = self.ctx, self.search.search_text().strip()
        if not query:
            self.results.clear()
            return
        self.runner.run(lambda control: citizen_service.search(ctx, query, None, SEARCH_LIMIT),
                        self._show_results, lambda error: None)

    def _show_results(self, items) -> None:
        fill_residents(self.results, items)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        """As in the intake: Enter or Down in the search goes into the list, Enter there
        chooses the highlighted resident (a second Enter connects), Up from the top goes back."""
        if event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        if watched is self.search and (_is_enter(event) or event.key() == Qt.Key.Key_Down):
            self.search.commit_preedit()
            if self.search_timer.isActive():  # typed faster than the search: look now
                self.search_timer.stop()
                self._search()
            if self.results.count() and self.results.currentRow() < 0:
                self.results.setCurrentRow(0)
            self.results.setFocus()
            return True
        if watched is self.results:
            item = self.results.currentItem()
            if _is_enter(event):
                if item is not None and item.data(Qt.ItemDataRole.UserRole)[0] != self.citizen_id:
                    self._choose(item)
                elif self.citizen_id is not None:
                    self.submit()
                return True
            if event.key() == Qt.Key.Key_Up and self.results.currentRow() <= 0:
                self.search.setFocus()
                return True
        return super().eventFilter(watched, event)

    def _choose(self, item: QListWidgetItem) -> None:
        self.citizen_id, self.chosen_name = item.data(Qt.ItemDataRole.UserRole)
        self.error.clear()
        self._show_chosen()

    def _register(self) -> None:
        """The resident is not on file yet: register them here, then they are the choice."""
        from pcrm_desktop.ui.citizen_dialog import CitizenDialog
        self.citizen_dialog = CitizenDialog(self.ctx, self.runner, [], parent=self)
        self.citizen_dialog.saved.connect(self._registered)
        self.citizen_dialog.open()

    def _registered(self, citizen_id: int) -> None:
        self.citizen_id, self.chosen_name = citizen_id, mask_name(self.citizen_dialog.name.text())
        self.error.clear()
        self._show_chosen()

    def _show_chosen(self) -> None:
        if self.citizen_id is None:
            self.chosen.setText(self.tr("아직 고르지 않았습니다."))
        else:
            self.chosen.setText(self.tr("선택: {name}").format(name=self.chosen_name))
        self.ok.setEnabled(self.citizen_id is not None)

    # --- attaching ------------------------------------------------------------------------
    def submit(self) -> None:
        if self.citizen_id is None:
            return
        ctx, case_id, citizen_id, version = self.ctx, self.complaint_id, self.citizen_id, self.version
        self.error.clear()
        self.buttons.setEnabled(False)
        self.runner.run(lambda control: complaint_service.attach_applicant(
            ctx, case_id, citizen_id, version), self._done, self._failed,
            on_wait=self._waiting)

    def _waiting(self, text: str) -> None:
        self.error.setStyleSheet("color: #5a3b00;" if text else "color: #b00020;")
        self.error.setText(text)

    def _done(self, changes) -> None:
        self.buttons.setEnabled(True)
        self.attached.emit(changes)
        self.accept()

    def _failed(self, error) -> None:
        self._waiting("")
        self.buttons.setEnabled(True)
        if isinstance(error, EditConflict) and isinstance(error.current, dict):
            # another step (배정, 보류 …) was saved meanwhile: the applicant is still free, so
            # the same choice is offered again on the case as it is now
            self.version = error.current["version"]
            self.moved.emit()
            self.error.setText(self.tr("그사이 이 민원에 다른 처리가 저장되었습니다. 민원 화면을 새로 "
                                       "읽었습니다. 연결하려면 [연결하기]를 다시 누르십시오."))
        elif isinstance(error, DomainError):
            self.error.setText(error_text(error))
            if error.code == "applicant_already_set":
                self.ok.setEnabled(False)
                self.moved.emit()
        else:
            dialogs.explain(self, self.windowTitle(), error)
