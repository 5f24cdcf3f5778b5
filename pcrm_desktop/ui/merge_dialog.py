"""병합: two records side by side; the clerk picks each field; history moves to the kept one."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.domain.errors import DomainError
from pcrm_desktop.services import citizens as citizen_service
from pcrm_desktop.ui import dialogs
from pcrm_desktop.ui.i18n import error_text
from pcrm_desktop.ui.labels import channel_name

FIELDS = ("name", "birth_year", "email", "address", "preferred_channel", "memo")


def _value(citizen, field: str) -> str:
    value = getattr(citizen, field)
    if field == "address":
        return value.one_line()
    if hasattr(value, "value"):
        value = value.value
    if field == "preferred_channel" and value:
        return channel_name(value)  # by its name, as the profile shows it (not sms, phone)
    return "" if value is None else str(value)


class MergeDialog(QDialog):
    merged = Signal(int)

    def __init__(self, ctx, runner, first_id: int, second_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.ctx, self.runner = ctx, runner
        self.ids = (first_id, second_id)
        self.records = None
        self.grid = QGridLayout()
        self.keep_group, self.field_groups = QButtonGroup(self), {}
        self.note, self.error = QLabel(), QLabel()
        self.note.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.merge)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(self.grid)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.setWindowTitle(self.tr("주민 기록 병합"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("병합"))  # says what it does
        self.note.setText(self.tr("남길 기록을 고르고, 항목마다 어느 쪽 값을 쓸지 고르십시오. 전화번호는 합쳐지고 "
                                  "상담·동의 이력은 남는 기록으로 옮겨집니다. "
                                  "병합은 접속기록에 전체 내용과 함께 남습니다."))
        self.buttons.setEnabled(False)
        ctx_ = ctx
        self.runner.run(lambda control: (citizen_service.citizen_for_edit(ctx_, first_id)[0],
                                         citizen_service.citizen_for_edit(ctx_, second_id)[0]),
                        self._show, lambda error: dialogs.explain(self, self.windowTitle(), error))
        self.resize(820, 420)

    def _labels(self) -> dict[str, str]:
        return {"name": self.tr("이름"), "birth_year": self.tr("출생연도"), "email": self.tr("전자우편"),
                "address": self.tr("주소"), "preferred_channel": self.tr("선호 연락"), "memo": self.tr("메모")}

    def _show(self, records) -> None:
        self.records = records
        self.grid.addWidget(QLabel(self.tr("남길 기록")), 0, 0)
        for column, citizen in enumerate(records, start=1):
            radio = QRadioButton(self.tr("기록 #{id} (전화 {phones})").format(
                id=citizen.id, phones=", ".join(citizen.phones) or "-"))
            radio.setObjectName(f"keep{column}")
            self.keep_group.addButton(radio, column - 1)
            self.grid.addWidget(radio, 0, column)
        self.keep_group.button(0).setChecked(True)
        for row, (field, label) in enumerate(self._labels().items(), start=1):
            self.grid.addWidget(QLabel(label), row, 0)
            group = QButtonGroup(self)
            for column, citizen in enumerate(records, start=1):
                radio = QRadioButton(_value(citizen, field) or "—")
                radio.setObjectName(f"{field}{column}")
                group.addButton(radio, column - 1)
                self.grid.addWidget(radio, row, column)
            group.button(0).setChecked(True)
            self.field_groups[field] = group
        # the choices were made after the buttons: Tab goes through them first, then OK, Cancel
        chain = [group.button(len(records) - 1), *self.buttons.buttons()]
        for before, after in zip(chain, chain[1:]):
            QWidget.setTabOrder(before, after)
        self.buttons.setEnabled(True)

    def choices(self) -> tuple[int, int, tuple[str, ...]]:
        keep = self.keep_group.checkedId()
        take = tuple(f for f, g in self.field_groups.items() if g.checkedId() != keep)
        return self.ids[keep], self.ids[1 - keep], take

    def merge(self) -> None:
        keep, drop, take = self.choices()
        ctx = self.ctx
        self.buttons.setEnabled(False)

        def failed(error: BaseException) -> None:
            self.buttons.setEnabled(True)
            if isinstance(error, DomainError):
                self.error.setText(error_text(error))
            else:
                dialogs.explain(self, self.windowTitle(), error)

        def done(_changes) -> None:
            self.merged.emit(keep)
            self.accept()
        self.runner.run(lambda control: citizen_service.merge_citizens(ctx, keep, drop, take), done, failed)
