"""The applicant side of 새 민원 접수 (ui/complaint_intake.IntakeDialog): the resident search
(it searches with the syllable being composed), the list, the choice or [민원인 없이], a new
resident registered on the spot, and the earlier cases of the same applicant and matter.

A part of the intake dialog, not a widget of its own: its fields are the dialog's (tab order,
the keyboard filter, drafts and tests reach them there), and it needs the dialog's ctx, runner,
category and error fields."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout

from pcrm_desktop.services import citizens as citizen_service
from pcrm_desktop.services import complaints as complaint_service
from pcrm_desktop.ui.complaint_labels import moment
from pcrm_desktop.ui.resident_list import SEARCH_LIMIT, fill_residents
from pcrm_desktop.ui.search_field import SearchField

WARNING_STYLE = ("background: #fff4e5; border: 1px solid #e0a030; border-radius: 4px;"
                 " padding: 6px; color: #5a3b00;")


class ApplicantSide:
    """Mixed into IntakeDialog (a QDialog): self.tr, ctx, runner, category, citizen_id and
    applicant_decided are the dialog's."""

    def _build_applicant(self) -> QVBoxLayout:
        """The applicant, on the right of the form."""
        self.applicant_search = SearchField()  # searches with the syllable being composed
        self.applicant_search.setObjectName("applicantSearch")
        self.applicant_list = QListWidget()
        self.applicant_list.setObjectName("applicantList")
        self.applicant = QLabel()
        self.applicant.setObjectName("applicantLabel")
        self.applicant.setWordWrap(True)
        self.repeats = QLabel()
        self.repeats.setObjectName("repeatWarning")
        self.repeats.setWordWrap(True)
        self.repeats.setStyleSheet(WARNING_STYLE)
        self.repeats.hide()
        self.unnamed = QPushButton()
        self.new_citizen = QPushButton()
        self.applicant_title = QLabel()
        right = QVBoxLayout()
        right.addWidget(self.applicant_title)
        right.addWidget(self.applicant_search)
        right.addWidget(self.applicant_list, 1)
        right.addWidget(self.applicant)
        right.addWidget(self.repeats)
        right.addWidget(self.unnamed)
        right.addWidget(self.new_citizen)
        return right

    def _into_applicant_list(self) -> None:
        if self.search_timer.isActive():  # typed faster than the search: look now
            self.search_timer.stop()
            self._search_applicant()
        if self.applicant_list.count() and self.applicant_list.currentRow() < 0:
            self.applicant_list.setCurrentRow(0)
        self.applicant_list.setFocus()

    def _search_applicant(self) -> None:
        ctx, query = self.ctx, self.applicant_search.search_text().strip()
        if not query:
            self.applicant_list.clear()
            return
        self.runner.run(lambda control: citizen_service.search(ctx, query, None, SEARCH_LIMIT),
                        self._show_applicants, lambda error: None)

    def _show_applicants(self, items) -> None:
        fill_residents(self.applicant_list, items)

    def _choose_applicant(self, item: QListWidgetItem) -> None:
        citizen_id, name = item.data(Qt.ItemDataRole.UserRole)
        self.applicant_decided = True
        self._set_applicant(citizen_id, name)

    def _choose_unnamed(self) -> None:
        self.applicant_decided = True
        self._set_applicant(None, "")

    def _set_applicant(self, citizen_id: int | None, name: str) -> None:
        self.citizen_id = citizen_id
        self.applicant.setProperty("name", name)
        if citizen_id:
            self.applicant.setText(self.tr("선택: {name}").format(name=name))
        elif self.applicant_decided:
            self.applicant.setText(self.tr("선택: 민원인 없음"))
        else:
            self.applicant.setText(self.tr("아직 고르지 않았습니다: 목록에서 고르거나 [민원인 없이]를 누르십시오."))
        self._check_repeats()

    def _register_applicant(self) -> None:
        from pcrm_desktop.ui.citizen_dialog import CitizenDialog
        self.citizen_dialog = CitizenDialog(self.ctx, self.runner, [], parent=self)
        self.citizen_dialog.saved.connect(self._registered)
        self.citizen_dialog.open()

    def _registered(self, citizen_id: int) -> None:
        self.applicant_decided = True
        self._set_applicant(citizen_id, self.citizen_dialog.name.text())

    def _check_repeats(self) -> None:
        ctx, who, category = self.ctx, self.citizen_id, self.category.currentData()
        if who is None or category is None:
            self.repeats.hide()
            return
        self.runner.run(lambda control: complaint_service.earlier_cases(ctx, who, category),
                        self._show_repeats, lambda error: None)

    def _show_repeats(self, advice) -> None:
        if not advice.any:
            self.repeats.hide()
            return
        lines = [self.tr("같은 민원인·같은 분류의 이전 민원 {n}건 (이번이 {k}번째, 회신 {m}회):").format(
            n=len(advice.earlier), k=advice.filings, m=advice.notices)]
        lines += [f"· {c.receipt_no} {moment(c.received_at)} {c.title}" for c in advice.earlier[:5]]
        if advice.suggest_close:
            lines.append(self.tr("3회 이상 반복되고 2회 이상 회신한 민원입니다. 종결 처리를 검토하십시오"
                                 " (자동으로 종결하지 않습니다)."))
        self.repeats.setText("\n".join(lines))
        self.repeats.show()
