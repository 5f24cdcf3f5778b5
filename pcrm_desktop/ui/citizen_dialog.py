"""주민 등록·수정: keyboard-first form with a live duplicate warning and an RRN warning.

Enter moves to the next field, Ctrl+Enter saves, Esc cancels. Nothing typed is lost on an error:
not when another clerk saved the same resident meanwhile (both versions are compared field by
field, ui/conflict_dialog.py), nor when the database is busy, full or unreachable.
"""
from __future__ import annotations

import contextlib

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.domain.citizens import (
    ACCESSIBILITY,
    Address,
    Channel,
    Citizen,
    Gender,
    clean_citizen,
    parse_birth_year,
)
from pcrm_desktop.domain.errors import ConflictError, DomainError, EditConflict
from pcrm_desktop.domain.groups import CustomerGroup, GroupKind
from pcrm_desktop.domain.text import find_rrns
from pcrm_desktop.services import citizens as citizen_service
from pcrm_desktop.ui import dialogs
from pcrm_desktop.ui.combo import refill
from pcrm_desktop.ui.i18n import Retranslatable, error_text
from pcrm_desktop.ui.labels import accessibility_name, channel_name

WARNING_STYLE = ("background: #fff4e5; border: 1px solid #e0a030; border-radius: 4px;"
                 " padding: 6px; color: #5a3b00;")


class CitizenDialog(dialogs.AsksBeforeDiscard, Retranslatable, QDialog):
    saved = Signal(int)            # the resident's id
    open_existing = Signal(int)    # the clerk chose an existing record from the warning

    def __init__(self, ctx, runner, groups: list[CustomerGroup], citizen: Citizen | None = None,
                 group_ids: list[int] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("citizenDialog")
        self.ctx, self.runner, self.editing = ctx, runner, citizen
        self.base_groups = tuple(group_ids or ())  # as read: what a conflict is compared with
        self.assigned = [g for g in groups if g.kind is GroupKind.ASSIGNED]
        self.conflict_dialog = None
        self._build()
        if citizen is not None:
            self._fill(citizen, group_ids or [])
        self.retranslate_ui()
        self.resize(760, 640)
        self._pristine = self._snapshot()

    # --- building -------------------------------------------------------------------------
    def _build(self) -> None:
        form = self._build_fields()
        self._build_checks()
        self._build_warnings()
        self._build_messages()
        self._lay_out(form)
        self._connect()

    def _build_fields(self) -> QFormLayout:
        self.name, self.birth_year, self.phone1, self.phone2 = (QLineEdit() for _ in range(4))
        self.email, self.road, self.detail, self.dong = (QLineEdit() for _ in range(4))
        for widget, name in ((self.name, "nameEdit"), (self.birth_year, "birthYearEdit"),
                             (self.phone1, "phoneEdit"), (self.phone2, "phone2Edit")):
            widget.setObjectName(name)
        self.gender, self.channel, self.language = QComboBox(), QComboBox(), QComboBox()
        self.memo = QPlainTextEdit()
        self.memo.setObjectName("memoEdit")
        self.memo.setTabChangesFocus(True)
        self.memo.setFixedHeight(70)
        self.labels = {key: QLabel() for key in ("name", "birth_year", "gender", "phone1", "phone2",
                                                 "email", "road", "detail", "dong", "channel",
                                                 "language", "memo")}
        form = QFormLayout()
        for key, field in (("name", self.name), ("birth_year", self.birth_year),
                           ("gender", self.gender), ("phone1", self.phone1),
                           ("phone2", self.phone2), ("email", self.email), ("road", self.road),
                           ("detail", self.detail), ("dong", self.dong),
                           ("channel", self.channel), ("language", self.language),
                           ("memo", self.memo)):
            self.labels[key].setBuddy(field)
            form.addRow(self.labels[key], field)
        return form

    def _build_checks(self) -> None:
        """The customer groups a clerk assigns, and the accessibility needs."""
        self.group_box, self.access_box = QGroupBox(), QGroupBox()
        self.group_checks = {g.id: QCheckBox(g.name) for g in self.assigned}
        self.access_checks = {code: QCheckBox() for code in ACCESSIBILITY}
        for box, checks in ((self.group_box, self.group_checks), (self.access_box, self.access_checks)):
            grid = QGridLayout(box)
            for n, check in enumerate(checks.values()):
                grid.addWidget(check, n // 2, n % 2)

    def _build_warnings(self) -> None:
        """A possible duplicate (with 새 사람 확인), and a resident registration number typed
        where it must not be."""
        self.duplicate_warning = QLabel()
        self.duplicate_warning.setObjectName("duplicateWarning")
        self.duplicate_warning.setStyleSheet(WARNING_STYLE)
        self.duplicate_warning.setWordWrap(True)
        self.duplicate_warning.setTextFormat(Qt.TextFormat.RichText)
        self.duplicate_warning.linkActivated.connect(self._open_existing)
        self.duplicate_warning.hide()
        self.confirm_new = QCheckBox()
        self.confirm_new.setObjectName("confirmNewPerson")
        self.confirm_new.hide()
        self.rrn_warning = QLabel()
        self.rrn_warning.setObjectName("rrnWarning")
        self.rrn_warning.setStyleSheet(WARNING_STYLE)
        self.rrn_warning.setWordWrap(True)
        self.rrn_warning.hide()

    def _build_messages(self) -> None:
        self.error = QLabel()
        self.error.setObjectName("errorLabel")
        self.error.setStyleSheet("color: #b00020; font-weight: bold;")
        self.error.setWordWrap(True)
        self.status = QLabel()  # a wait for another program's write lock, while it lasts
        self.status.setObjectName("saveStatus")
        self.status.setStyleSheet("color: #5a3b00;")
        self.status.setWordWrap(True)
        self.status.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.cancel)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.save)
        QShortcut(QKeySequence("Ctrl+Enter"), self, activated=self.save)

    def _lay_out(self, form: QFormLayout) -> None:
        side = QVBoxLayout()
        side.addWidget(self.group_box)
        side.addWidget(self.access_box)
        side.addWidget(self.duplicate_warning)
        side.addWidget(self.confirm_new)
        side.addWidget(self.rrn_warning)
        side.addStretch(1)
        columns = QHBoxLayout()
        columns.addLayout(form, 3)
        columns.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(self.error)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def _connect(self) -> None:
        for field in (self.name, self.phone1, self.phone2, self.birth_year):
            field.editingFinished.connect(self.check_duplicates)
        for field in (self.road, self.detail):
            field.textChanged.connect(self._check_rrn)
        self.memo.textChanged.connect(self._check_rrn)
        for field in self.findChildren(QLineEdit):
            field.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        """Enter moves to the next field (Ctrl+Enter saves), as at the counter."""
        if (event.type() == QEvent.Type.KeyPress and isinstance(watched, QLineEdit)
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier):
            self.focusNextChild()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        """Enter that no field used moves on too (a list or a tick box; never the default
        button); Esc cancels, asking first when something was typed."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.focusNextChild()
        elif event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.cancel()
        else:
            super().keyPressEvent(event)

    def _snapshot(self) -> tuple:
        return (tuple(e.text() for e in self.findChildren(QLineEdit)), self.memo.toPlainText(),
                tuple(c.currentData() for c in (self.gender, self.channel, self.language)),
                tuple(c.isChecked() for c in self.findChildren(QCheckBox)))

    def _fill(self, c: Citizen, group_ids: list[int]) -> None:
        self.name.setText(c.name)
        self.birth_year.setText(str(c.birth_year or ""))
        self.phone1.setText(c.phones[0] if c.phones else "")
        self.phone2.setText(c.phones[1] if len(c.phones) > 1 else "")
        self.email.setText(c.email)
        self.road.setText(c.address.road)
        self.detail.setText(c.address.detail)
        self.dong.setText(c.address.dong_name)
        self.memo.setPlainText(c.memo)
        for group_id, check in self.group_checks.items():
            check.setChecked(group_id in group_ids)
        for code, check in self.access_checks.items():
            check.setChecked(code in c.accessibility)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("주민 정보 수정") if self.editing else self.tr("새 주민 등록"))
        texts = {"name": self.tr("이름(&N) *"), "birth_year": self.tr("출생연도(&Y)"),
                 "gender": self.tr("성별"), "phone1": self.tr("전화(&P)"), "phone2": self.tr("전화 2"),
                 "email": self.tr("전자우편"), "road": self.tr("도로명주소(&A)"),
                 "detail": self.tr("상세주소"), "dong": self.tr("법정동"),
                 "channel": self.tr("선호 연락 방법"), "language": self.tr("선호 언어"),
                 "memo": self.tr("메모")}
        for key, text in texts.items():
            self.labels[key].setText(text)
        self.birth_year.setPlaceholderText(self.tr("예: 1968 (생년월일은 필요할 때만)"))
        self.phone1.setPlaceholderText(self.tr("예: 010-1234-5678, 어떤 형식이든 됩니다"))
        self.dong.setPlaceholderText(self.tr("예: 청운동"))
        refill(self.gender, [(Gender.UNKNOWN.value, self.tr("선택 안 함")),
                                       (Gender.FEMALE.value, self.tr("여")), (Gender.MALE.value, self.tr("남"))],
                         self.editing.gender.value if self.editing else "")
        refill(self.channel, [("", self.tr("선택 안 함"))] + [(c.value, channel_name(c.value)) for c in Channel],
                         self.editing.preferred_channel.value
                         if self.editing and self.editing.preferred_channel else "")
        refill(self.language, [("ko", "한국어"), ("en", "English"), ("zh", "中文"),
                                         ("vi", "Tiếng Việt"), ("ja", "日本語"), ("th", "ภาษาไทย"),
                                         ("ru", "Русский"), ("uz", "Oʻzbekcha"), ("mn", "Монгол"),
                                         ("tl", "Filipino")],
                         self.editing.preferred_language if self.editing else "ko")
        self.group_box.setTitle(self.tr("고객집단 (지정)"))
        self.access_box.setTitle(self.tr("접근성 필요"))
        for code, check in self.access_checks.items():
            check.setText(accessibility_name(code))
        self.confirm_new.setText(self.tr("확인했습니다. 다른 사람이므로 새로 등록합니다."))
        self.rrn_warning.setText(self.tr("주민등록번호로 보이는 숫자가 있습니다. 주민등록번호는 수집하지 않으므로 "
                                         "저장할 때 뒷자리를 가립니다."))

    # --- reading the form -----------------------------------------------------------------
    def citizen(self) -> Citizen:
        """The record as the form shows it. Editing keeps what the form does not show: a full
        birth date (unless the year changed), the 법정동 code, a third phone or more."""
        channel = self.channel.currentData()
        old = self.editing or Citizen(None, "")
        birth_year = parse_birth_year(self.birth_year.text())
        birth_date = old.birth_date if old.birth_date and old.birth_date.year == birth_year else None
        dong_code = old.address.dong_code if self.dong.text().strip() == old.address.dong_name else ""
        return Citizen(
            id=old.id, name=self.name.text(), birth_year=birth_year, birth_date=birth_date,
            gender=Gender(self.gender.currentData() or ""),
            phones=tuple(p for p in (self.phone1.text(), self.phone2.text()) if p.strip())
            + old.phones[2:],
            email=self.email.text(),
            address=Address(self.road.text(), self.detail.text(), dong_code, self.dong.text()),
            preferred_channel=Channel(channel) if channel else None,
            preferred_language=self.language.currentData() or "ko",
            accessibility=tuple(c for c, check in self.access_checks.items() if check.isChecked()),
            memo=self.memo.toPlainText(), version=old.version)

    def group_ids(self) -> tuple[int, ...]:
        return tuple(g for g, check in self.group_checks.items() if check.isChecked())

    # --- checks ---------------------------------------------------------------------------
    def _check_rrn(self) -> None:
        text = " ".join((self.road.text(), self.detail.text(), self.memo.toPlainText()))
        self.rrn_warning.setVisible(bool(find_rrns(text)))

    def check_duplicates(self) -> None:
        if not self.name.text().strip():
            return
        try:
            citizen = self.citizen()
        except DomainError:
            return  # the form says what is wrong when the clerk saves
        ctx, exclude = self.ctx, self.editing.id if self.editing else None
        self.runner.run(lambda control: citizen_service.possible_duplicates(ctx, citizen, exclude),
                        self._show_duplicates, lambda error: None)

    def _show_duplicates(self, matches) -> None:
        if not matches:
            self.duplicate_warning.hide()
            self.confirm_new.hide()
            return
        lines = [f'<a href="{m.citizen_id}">{m.name} · {m.birth_year or "?"} · {m.phone or "-"}</a>'
                 f' ({self.tr("일치도")} {m.match.score:.0%})' for m in matches[:5]]
        self.duplicate_warning.setText(
            "<b>⚠ " + self.tr("이 주민과 같은 사람일 수 있습니다") + "</b><br>" + "<br>".join(lines)
            + "<br>" + self.tr("이름을 누르면 기존 기록을 엽니다."))
        self.duplicate_warning.show()
        if not self.editing:
            self.confirm_new.show()

    def _open_existing(self, link: str) -> None:
        self.open_existing.emit(int(link))
        self.reject()

    # --- saving ---------------------------------------------------------------------------
    def save(self) -> None:
        self.error.clear()
        try:
            citizen = self.citizen()
        except DomainError as error:
            self.error.setText(error_text(error))
            return
        ctx, groups = self.ctx, self.group_ids()
        if self.editing:
            work = lambda control: citizen_service.update_citizen(ctx, citizen, groups)  # noqa: E731
        else:
            allow = self.confirm_new.isVisible() and self.confirm_new.isChecked()
            work = lambda control: citizen_service.register_citizen(ctx, citizen, groups, allow)  # noqa: E731
        self.buttons.setEnabled(False)
        self.runner.run(work, self._saved, self._failed, on_wait=self._waiting)

    def _waiting(self, text: str) -> None:
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def _saved(self, result) -> None:
        self.buttons.setEnabled(True)
        self._waiting("")
        if result.rrn_masked:
            dialogs.show_info(self, self.windowTitle(), self.tr(
                "주민등록번호 형태의 숫자 {n}건을 가려서 저장했습니다.").format(n=result.rrn_masked))
        self.saved.emit(result.citizen_id)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self._waiting("")
        if isinstance(error, EditConflict) and self.editing is not None:
            self._resolve(error.current)
        elif isinstance(error, ConflictError) and error.code == "possible_duplicate":
            self._show_duplicates(error.params["matches"])
            self.error.setText(self.tr("같은 사람일 수 있는 기록이 있습니다. 기존 기록을 열거나, 다른 사람임을 "
                                       "확인한 뒤 다시 저장하십시오."))
        elif isinstance(error, DomainError):
            self.error.setText(error_text(error))
        else:
            dialogs.explain(self, self.windowTitle(), error)

    # --- another clerk saved the same resident meanwhile ----------------------------------
    def _resolve(self, stored) -> None:
        """Both versions, field by field; the clerk's choices go into the form, which then
        stands on the stored version and saves again (and may meet a newer one: again)."""
        from pcrm_desktop.ui.conflict_dialog import (
            FieldConflictDialog,
            citizen_rows,
            citizen_values,
        )
        try:
            mine = self.citizen()
        except DomainError as error:  # edited into something invalid while it was saving
            self.error.setText(error_text(error))
            return
        with contextlib.suppress(DomainError):
            mine = clean_citizen(mine, self.ctx.clock().date()).citizen  # 010… as stored
        names = {g.id: g.name for g in self.assigned}
        rows = citizen_rows(citizen_values(self.editing, self.base_groups),
                            citizen_values(mine, self.group_ids()),
                            citizen_values(stored.citizen, stored.group_ids), names)
        if not rows:  # the other clerk saved just what this form holds
            self._take_stored(stored, {})
            self.save()
            return
        self.error.setText(self.tr("다른 사용자가 먼저 저장했습니다. 두 값이 다른 항목을 골라 주십시오."))
        self.conflict_dialog = FieldConflictDialog(rows, self.tr("이 주민 기록"), self)
        dialog = self.conflict_dialog
        dialog.finished.connect(lambda code: self._resolved(dialog, stored, code))
        dialog.open()

    def _resolved(self, dialog, stored, code: int) -> None:
        if code != QDialog.DialogCode.Accepted:
            self.error.setText(self.tr(
                "저장하지 않았습니다. 입력한 내용은 그대로 있습니다. 다시 저장하면 다른 사용자가 저장한 "
                "값과 다시 비교합니다."))
            return
        theirs = {key for key, side in dialog.choices().items() if side == "theirs"}
        self._take_stored(stored, theirs)
        self.save()

    def _take_stored(self, stored, theirs: set[str]) -> None:
        """The form now stands on the stored version; the fields chosen from it take its
        values, every other field keeps what the clerk typed."""
        c = stored.citizen
        self.editing = c
        self.base_groups = tuple(stored.group_ids)
        texts = {"name": (self.name, c.name),
                 "birth_year": (self.birth_year, str(c.birth_year or "")),
                 "email": (self.email, c.email), "road": (self.road, c.address.road),
                 "detail": (self.detail, c.address.detail),
                 "dong": (self.dong, c.address.dong_name)}
        for key, (edit, value) in texts.items():
            if key in theirs:
                edit.setText(value)
        if "phones" in theirs:
            self.phone1.setText(c.phones[0] if c.phones else "")
            self.phone2.setText(c.phones[1] if len(c.phones) > 1 else "")
        channel = c.preferred_channel.value if c.preferred_channel else ""
        combos = {"gender": (self.gender, c.gender.value),
                  "preferred_channel": (self.channel, channel),
                  "preferred_language": (self.language, c.preferred_language)}
        for key, (combo, value) in combos.items():
            if key in theirs:
                combo.setCurrentIndex(max(0, combo.findData(value)))
        if "accessibility" in theirs:
            for code, check in self.access_checks.items():
                check.setChecked(code in c.accessibility)
        if "memo" in theirs:
            self.memo.setPlainText(c.memo)
        if "groups" in theirs:
            for group_id, check in self.group_checks.items():
                check.setChecked(group_id in stored.group_ids)
