"""The resident profile: a header card and one timeline of everything about the person.

Names and phones are masked; "표시" reveals them after asking the reason (an audited action),
"가리기" masks them again. "+ 상담 기록" (Ctrl+I) adds an interaction: type the summary, Enter saves.
The status line speaks of the resident shown: it goes when another is chosen, and an error goes
once the field it names is edited.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.domain.errors import DomainError
from pcrm_desktop.services import citizens as citizen_service
from pcrm_desktop.ui import complaint_labels, dialogs
from pcrm_desktop.ui.column_fit import FittedTable, content, fit_columns, stretch, text
from pcrm_desktop.ui.combo import refill
from pcrm_desktop.ui.i18n import Retranslatable, error_text
from pcrm_desktop.ui.labels import (
    accessibility_name,
    channel_name,
    interaction_kind_name,
)
from pcrm_desktop.ui.table_model import RowsModel

CHIP = ("background: #e8eef7; color: #1d3a5f; border: 1px solid #b7c7dd; border-radius: 9px;"
        " padding: 1px 8px; margin-right: 4px;")


# the kind a consultation by each channel usually is (the clerk may still choose another)
KIND_OF_CHANNEL = {"phone": "call", "visit": "visit", "sms": "other", "email": "other"}


class RevealReasonDialog(Retranslatable, QDialog):
    """Why a masked name and phone are shown: a preset reason in one click, or free text (a
    preset may be followed by details, e.g. "법령 근거: 긴급복지지원법 제7조")."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("revealReasonDialog")
        self.prompt = QLabel()
        self.prompt.setWordWrap(True)
        self.presets = [QPushButton() for _ in range(3)]
        self.reason = QLineEdit()
        self.reason.setObjectName("revealReason")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(lambda text: self.ok_button().setEnabled(bool(text.strip())))
        row = QHBoxLayout()
        for button in self.presets:
            button.setAutoDefault(False)
            button.clicked.connect(lambda _=False, b=button: self.choose(b.text()))
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.prompt)
        layout.addLayout(row)
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("가") * 30)
        self.retranslate_ui()
        self.ok_button().setEnabled(False)

    def retranslate_ui(self) -> None:
        self.reason.setAccessibleName(self.tr("열람 사유"))
        self.setWindowTitle(self.tr("가린 정보 표시"))
        self.prompt.setText(self.tr("열람 사유를 고르거나 입력하십시오 (접속기록에 남습니다):"))
        for button, caption in zip(self.presets, (self.tr("본인 확인"), self.tr("민원 처리"),
                                                  self.tr("법령 근거"))):
            button.setText(caption)
        self.reason.setPlaceholderText(self.tr("사유 (예: 본인 확인 후 연락처 안내)"))

    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def choose(self, preset: str) -> None:
        """The preset becomes the reason; the cursor waits after it for any details."""
        self.reason.setText(preset)
        self.reason.setFocus()
        self.reason.end(False)

    @classmethod
    def ask(cls, parent: QWidget | None) -> str | None:
        """The reason given, or None when cancelled (tests replace this)."""
        dialog = cls(parent)
        try:
            return dialog.reason.text().strip() if dialog.exec() == QDialog.DialogCode.Accepted \
                else None
        finally:
            dialog.deleteLater()


class ProfilePanel(Retranslatable, QWidget):
    changed = Signal(object)      # Changes
    edit_requested = Signal(int)

    def __init__(self, ctx, runner) -> None:
        super().__init__()
        self.setObjectName("profilePanel")
        self.ctx, self.runner = ctx, runner
        self.profile = None
        self.revealed: tuple[str, str] | None = None   # name and phones after 표시
        self.revealed_for: int | None = None            # the resident they belong to
        self._status_for: int | None = None             # the resident the status line speaks of
        self._status_fields: tuple = ()                 # fields whose edit clears its error
        self._build_header()
        self._build_tabs()
        self._build_contact()
        self._lay_out()
        self.retranslate_ui()
        self.clear()

    def _build_header(self) -> None:
        """The name, the facts, groups and contact lines, and the 표시 / 가리기 / 수정 buttons."""
        self.name = QLabel()
        self.name.setObjectName("profileName")
        self.name.setStyleSheet("font-size: 160%; font-weight: bold;")
        self.facts, self.groups, self.contact = QLabel(), QLabel(), QLabel()
        self.groups.setObjectName("profileGroups")
        self.facts.setObjectName("profileFacts")
        self.contact.setObjectName("profileContact")
        for label in (self.facts, self.groups, self.contact):
            label.setWordWrap(True)
        self.reveal_button, self.edit_button = QPushButton(), QPushButton()
        self.reveal_button.setObjectName("revealButton")
        self.reveal_button.clicked.connect(self._reveal)
        self.mask_button = QPushButton()
        self.mask_button.setObjectName("maskButton")
        self.mask_button.clicked.connect(self.mask_again)
        self.mask_button.hide()
        self.edit_button.clicked.connect(lambda: self.edit_requested.emit(self.profile.citizen_id))

    def _build_tabs(self) -> None:
        """The timeline, consents and memo tabs."""
        self.timeline = RowsModel([
            (lambda: self.tr("일시"), lambda i: i.at.strftime("%Y-%m-%d %H:%M")),
            (lambda: self.tr("경로"), lambda i: complaint_labels.channel_name(i.channel)
             if i.source == "complaint" else channel_name(i.channel)),
            (lambda: self.tr("종류"), lambda i: self._kind_text(i.source, i.kind)),
            (lambda: self.tr("내용"), lambda i: i.summary),
            (lambda: self.tr("담당"), lambda i: i.staff)])
        self.timeline_view = FittedTable()  # the profile goes below the list when it needs the room
        self.timeline_view.setObjectName("timelineView")
        self.timeline_view.setModel(self.timeline)
        self.timeline_view.verticalHeader().hide()
        self._fit_timeline()
        self.consents = QLabel()
        self.consents.setWordWrap(True)
        self.memo = QLabel()
        self.memo.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.timeline_view, "")
        self.tabs.addTab(self._consent_tab(), "")
        self.tabs.addTab(self._padded(self.memo), "")

    def _build_contact(self) -> None:
        """A consultation recorded on the spot: channel, kind and a line of summary (Ctrl+I)."""
        self.contact_channel, self.contact_kind = QComboBox(), QComboBox()
        # choosing the channel (the clerk's choice only) picks its usual kind: 전화 → 전화 상담
        self.contact_channel.activated.connect(lambda _index: self.contact_kind.setCurrentIndex(
            self.contact_kind.findData(KIND_OF_CHANNEL[self.contact_channel.currentData()])))
        self.contact_summary = QLineEdit()
        self.contact_summary.setObjectName("contactSummary")
        self.contact_summary.returnPressed.connect(self._add_contact)
        self.contact_summary.textEdited.connect(lambda _: self._field_edited(self.contact_summary))
        self.contact_label, self.contact_status = QLabel(), QLabel()
        QShortcut(QKeySequence("Ctrl+I"), self, activated=self.contact_summary.setFocus)

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.reveal_button)
        buttons.addWidget(self.mask_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        contact = QHBoxLayout()
        contact.addWidget(self.contact_label)
        contact.addWidget(self.contact_channel)
        contact.addWidget(self.contact_kind)
        contact.addStretch(1)
        layout = QVBoxLayout(self)
        for widget in (self.name, self.facts, self.groups, self.contact):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addLayout(contact)
        layout.addWidget(self.contact_summary)  # a line of its own: the whole panel's width
        layout.addWidget(self.contact_status)
        layout.addWidget(self.tabs, 1)

    def _fit_timeline(self) -> None:
        """The time, the channel and the clerk whole, the kind shortened when short of room, the
        content taking the rest (column_fit.py; the whole text in a cell's tooltip): 내용 readable
        and 담당 in view at 150 % text too. A resident's timeline is loaded whole, so the
        channel, kind and clerk are as wide as this resident's rows need, not the widest there is."""
        fit_columns(self.timeline_view, [content("2026-11-25 14:05"), content(), text(),
                                         stretch("2026-000035 전봇대 아래 쓰레기 무단투기 — 처리 결과 안내"),
                                         content()])

    def _kind_text(self, source: str, kind: str) -> str:
        if source == "complaint":
            return self.tr("민원 {step}").format(step=complaint_labels.action_name(kind))
        return interaction_kind_name(kind)

    def _consent_tab(self) -> QWidget:
        self.consent_purpose, self.consent_items = QLineEdit(), QLineEdit()
        self.consent_purpose.setObjectName("consentPurpose")
        self.consent_items.setObjectName("consentItems")
        self.consent_months, self.consent_method = QComboBox(), QComboBox()
        self.consent_button = QPushButton()
        self.consent_button.setObjectName("addConsent")
        self.consent_button.clicked.connect(self._add_consent)
        for edit in (self.consent_purpose, self.consent_items):
            edit.textEdited.connect(lambda _, e=edit: self._field_edited(e))
        # what was agreed on one line, for how long and how below it: room to type either way
        what, how = QHBoxLayout(), QHBoxLayout()
        what.addWidget(self.consent_purpose, 1)
        what.addWidget(self.consent_items, 1)
        for widget in (self.consent_months, self.consent_method):
            how.addWidget(widget)
        how.addStretch(1)
        how.addWidget(self.consent_button)
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.addWidget(self.consents)
        inner.addStretch(1)
        inner.addLayout(what)
        inner.addLayout(how)
        return box

    def _add_consent(self) -> None:
        ctx, citizen_id = self.ctx, self.profile.citizen_id
        purpose, items = self.consent_purpose.text(), self.consent_items.text()
        months, method = self.consent_months.currentData(), self.consent_method.currentData()

        def done(changes) -> None:
            self.consent_purpose.clear()
            self.consent_items.clear()
            self._say(citizen_id, self.tr("동의 기록을 저장했습니다."))
            self.load(citizen_id)
        self.runner.run(lambda control: citizen_service.add_consent(ctx, citizen_id, purpose, items,
                                                                    months, method),
                        done, lambda error: self._status_error(
                            error, citizen_id, (self.consent_purpose, self.consent_items)))

    @staticmethod
    def _padded(label: QLabel) -> QWidget:
        box = QWidget()
        inner = QVBoxLayout(box)
        inner.addWidget(label)
        inner.addStretch(1)
        return box

    def retranslate_ui(self) -> None:
        self.consent_months.setAccessibleName(self.tr("동의 기간"))
        self.consent_method.setAccessibleName(self.tr("동의 방법"))
        self.timeline_view.setAccessibleName(self.tr("상담·민원 이력"))
        self.contact_summary.setAccessibleName(self.tr("상담 내용"))
        self.contact_channel.setAccessibleName(self.tr("상담 경로"))
        self.contact_kind.setAccessibleName(self.tr("상담 종류"))
        self.consent_purpose.setAccessibleName(self.tr("동의 목적"))
        self.consent_items.setAccessibleName(self.tr("동의 항목"))
        self.reveal_button.setText(self.tr("표시 (기록됨)"))
        self.reveal_button.setToolTip(self.tr("가린 이름·전화를 보여 줍니다. 사유와 함께 접속기록에 남습니다."))
        self.mask_button.setText(self.tr("가리기"))
        self.mask_button.setToolTip(self.tr("보여 준 이름·전화를 다시 가립니다."))
        self.edit_button.setText(self.tr("수정"))
        for index, caption in enumerate((self.tr("타임라인"), self.tr("동의·개인정보"), self.tr("메모"))):
            self.tabs.setTabText(index, caption)
        self.contact_label.setText(self.tr("+ 상담 기록 (Ctrl+I)"))
        self.contact_summary.setPlaceholderText(self.tr("상담 내용을 입력하고 Enter"))
        refill(self.contact_channel, [(c, channel_name(c)) for c in ("phone", "visit", "sms", "email")])
        refill(self.contact_kind, [(k, interaction_kind_name(k)) for k in citizen_service.INTERACTION_KINDS],
               default=KIND_OF_CHANNEL[self.contact_channel.currentData()])
        self.consent_purpose.setPlaceholderText(self.tr("목적 (예: 복지 서비스 안내)"))
        self.consent_items.setPlaceholderText(self.tr("항목 (예: 휴대전화, 주소)"))
        self.consent_button.setText(self.tr("동의 기록 추가"))
        refill(self.consent_months, [(12, self.tr("1년 보유")), (36, self.tr("3년 보유")),
                                     (60, self.tr("5년 보유"))])
        refill(self.consent_method, [("written", self.tr("서면")), ("verbal", self.tr("구두")),
                                     ("online", self.tr("온라인"))])
        self.timeline.retranslate()
        if self.profile is not None:
            self._show(self.profile)

    # --- data -----------------------------------------------------------------------------
    def load(self, citizen_id: int) -> None:
        ctx, request = self.ctx, self._next_request()
        self.runner.run(lambda control: citizen_service.open_profile(ctx, citizen_id),
                        lambda profile: request == self._request and self._show(profile),
                        lambda error: dialogs.explain(self, self.tr("주민 정보"), error))

    def _next_request(self) -> int:
        """Answers that arrive after the clerk moved on (another resident, a new search) are
        dropped: the panel never shows a person the list no longer points at."""
        self._request += 1
        return self._request

    _request = 0

    def clear(self) -> None:
        """No resident chosen (a new search): the status line waits, unseen, in case the same
        resident comes back (the list reloading after a save)."""
        self._next_request()
        self.profile = None
        self.setEnabled(False)
        for label in (self.facts, self.groups, self.contact, self.consents, self.memo):
            label.clear()
        self.contact_status.hide()
        self.name.setText(self.tr("목록에서 주민을 고르면 여기에 모든 기록이 나옵니다."))
        self.timeline.set_rows([])

    def _show(self, profile) -> None:
        if profile.citizen_id != self._status_for:  # another resident: what was said is not about them
            self._say(None, "")
        if self.revealed is not None and profile.citizen_id != self.revealed_for:
            self.revealed = None
        self.contact_status.show()
        self.profile = profile
        self.setEnabled(True)
        self._show_identity()
        age = self.ctx.clock().year - profile.birth_year if profile.birth_year else None
        facts = [self.tr("{year}년생 ({age}세)").format(year=profile.birth_year, age=age)
                 if profile.birth_year else self.tr("출생연도 미상")]
        if profile.address:
            facts.append(profile.address)
        self.facts.setText(" · ".join(facts))
        self.groups.setText(" ".join(f'<span style="{CHIP}">{g}</span>' for g in profile.group_names)
                            or self.tr("고객집단 없음"))
        self.timeline.set_rows(list(profile.timeline))
        methods = {"written": self.tr("서면"), "verbal": self.tr("구두"), "online": self.tr("온라인")}
        self.consents.setText("\n".join(
            f"{c['purpose']} — {c['items']} ({c['given_on']}~{c['retention_until']}, "
            f"{methods.get(c['method'], c['method'])})"
            for c in profile.consents) or self.tr("기록된 동의가 없습니다."))
        self.memo.setText(profile.memo or self.tr("메모가 없습니다."))

    def _show_identity(self) -> None:
        """Name and contact line, masked or (after 표시) in full; 선호 and 접근성 either way."""
        profile = self.profile
        name, phones = self.revealed or (profile.name, ", ".join(profile.phones))
        self.name.setText(name)
        self.reveal_button.setVisible(self.revealed is None)
        self.mask_button.setVisible(self.revealed is not None)
        contact = [phones or self.tr("전화 없음")]
        if profile.preferred_channel:
            contact.append(self.tr("선호: {channel}").format(channel=channel_name(profile.preferred_channel)))
        if profile.accessibility:
            contact.append(self.tr("접근성: {needs}").format(
                needs=", ".join(accessibility_name(a) for a in profile.accessibility)))
        self.contact.setText(" · ".join(contact))

    def mask_again(self) -> None:
        self.revealed = None
        if self.profile is not None:
            self._show_identity()

    def _reveal(self) -> None:
        reason = RevealReasonDialog.ask(self)
        if reason is None:
            return
        ctx, citizen_id, request = self.ctx, self.profile.citizen_id, self._request

        def work(control):
            return (citizen_service.reveal(ctx, citizen_id, "name", reason),
                    citizen_service.reveal(ctx, citizen_id, "phones", reason))

        def done(values) -> None:
            if request != self._request:
                return
            self.revealed, self.revealed_for = values, citizen_id
            self._show_identity()
        self.runner.run(work, done, lambda error: self._status_error(error, citizen_id))

    def _add_contact(self) -> None:
        ctx, citizen_id = self.ctx, self.profile.citizen_id
        channel, kind = self.contact_channel.currentData(), self.contact_kind.currentData()
        summary = self.contact_summary.text()

        def done(changes) -> None:
            self.contact_summary.clear()
            self._say(citizen_id, self.tr("상담 기록을 저장했습니다."))
            self.changed.emit(changes)
            self.load(citizen_id)
        self.runner.run(lambda control: citizen_service.add_interaction(ctx, citizen_id, channel, kind, summary),
                        done, lambda error: self._status_error(error, citizen_id,
                                                               (self.contact_summary,)))

    def _say(self, citizen_id: int | None, text: str, fields: tuple = ()) -> None:
        """The status line, about one resident; an error names the fields that clear it."""
        self._status_for, self._status_fields = citizen_id, fields
        self.contact_status.setText(text)

    def _field_edited(self, field: QWidget) -> None:
        if field in self._status_fields:
            self._say(self._status_for, "")

    def _status_error(self, error: BaseException, citizen_id: int | None = None,
                      fields: tuple = ()) -> None:
        if isinstance(error, DomainError):
            self._say(citizen_id, error_text(error), fields)
        else:
            dialogs.explain(self, self.tr("주민 정보"), error)
