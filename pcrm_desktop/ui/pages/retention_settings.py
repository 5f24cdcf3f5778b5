"""설정 > 보존기간·파기: each kind of record's retention period (admins change them), a preview
of what is past its period (admins and managers), the destruction run after a confirmation
naming the counts (admins), and the destruction ledger (파기 대장). Every database call runs in
the task lane; the run shows a progress dialog and can be cancelled until it commits."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.domain.errors import DomainError
from pcrm_desktop.domain.privacy import ADMIN_ROLES, AUDIT_ROLES
from pcrm_desktop.domain.retention import CONTEXT, KINDS, MAXIMUM_MONTHS, RULES, Kind
from pcrm_desktop.services import retention
from pcrm_desktop.ui import dialogs
from pcrm_desktop.ui.fitting import DownwardScroll, SideBySide
from pcrm_desktop.ui.i18n import Retranslatable, error_text
from pcrm_desktop.ui.labels import worded
from pcrm_desktop.ui.table_model import RowsModel, figures_table


def _t(text: str) -> str:
    """A text of domain/retention.py (a label, a basis, a method) in the current language."""
    return QCoreApplication.translate(CONTEXT, text)


class RetentionSettings(Retranslatable, QWidget):
    changed = Signal(object)

    def __init__(self, ctx, runner) -> None:
        super().__init__()
        self.ctx, self.runner = ctx, runner
        self.may_change = ctx.actor.role in ADMIN_ROLES
        self.may_look = ctx.actor.role in AUDIT_ROLES
        self._preview: list = []
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #4a5a6e;")
        self.status = QLabel()
        self.status.setObjectName("retentionStatus")
        self.status.setWordWrap(True)
        scroll = self._build_periods()
        self._build_run()
        self._build_ledger()
        self._lay_out(scroll)
        self.retranslate_ui()

    # --- construction ---------------------------------------------------------------------
    def _build_periods(self) -> DownwardScroll:
        """The periods: one row per kind (name, what it runs from, months, default, basis)."""
        self.periods_box = QGroupBox()
        grid = QGridLayout()
        self.kind_labels: dict[Kind, QLabel] = {}
        self.from_labels: dict[Kind, QLabel] = {}
        self.default_labels: dict[Kind, QLabel] = {}
        self.basis_labels: dict[Kind, QLabel] = {}
        self.spins: dict[Kind, QSpinBox] = {}
        for row, kind in enumerate(KINDS):
            self._period_row(grid, row, kind)
        grid.setColumnStretch(2, 1)
        self.save_button = QPushButton()
        self.save_button.setObjectName("saveRetention")
        self.save_button.setEnabled(self.may_change)
        self.save_button.clicked.connect(self.save_periods)
        self.defaults_button = QPushButton()
        self.defaults_button.setObjectName("retentionDefaults")
        self.defaults_button.setEnabled(self.may_change)
        self.defaults_button.clicked.connect(self.use_defaults)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.defaults_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self.periods_box)
        box.addLayout(grid)
        box.addLayout(buttons)
        box.addStretch(1)
        return DownwardScroll(self.periods_box, "retentionPeriods")

    def _period_row(self, grid: QGridLayout, row: int, kind: Kind) -> None:
        rule = RULES[kind]
        name, start, default, basis = QLabel(), QLabel(), QLabel(), QLabel()
        name.setStyleSheet("font-weight: bold;")
        for label in (start, default, basis):
            label.setStyleSheet("color: #4a5a6e;")
        basis.setWordWrap(True)
        start.setWordWrap(True)  # English texts are longer: wrap rather than scroll sideways
        spin = QSpinBox()
        spin.setObjectName(f"retention_{kind.value}")
        spin.setRange(rule.minimum_months, MAXIMUM_MONTHS)
        spin.setValue(rule.default_months)
        spin.setEnabled(self.may_change)
        grid.addWidget(name, row * 2, 0)
        grid.addWidget(spin, row * 2, 1)
        grid.addWidget(default, row * 2, 2)
        grid.addWidget(start, row * 2 + 1, 0)
        grid.addWidget(basis, row * 2 + 1, 1, 1, 2)
        self.kind_labels[kind], self.from_labels[kind] = name, start
        self.default_labels[kind], self.basis_labels[kind] = default, basis
        self.spins[kind] = spin

    def _build_run(self) -> None:
        """The preview of what is past its period, and the run."""
        self.run_box = QGroupBox()
        self.preview_model = RowsModel([
            (lambda: self.tr("대상"), lambda c: _t(RULES[c.kind].label)),
            (lambda: self.tr("보존기간"), lambda c: self.tr("{months}개월").format(months=c.months)),
            (lambda: self.tr("이 날 이전"), lambda c: c.cutoff.isoformat()),
            (lambda: self.tr("건수"), lambda c: f"{c.count:,}"),
            (lambda: self.tr("함께 지우는 것"), lambda c: self._related_text(c.related))])
        self.preview_table = figures_table(self.preview_model, "retentionPreview")
        self.preview_button = QPushButton()
        self.preview_button.setObjectName("retentionPreviewButton")
        self.preview_button.setEnabled(self.may_look)
        self.preview_button.clicked.connect(self.load_preview)
        self.run_button = QPushButton()
        self.run_button.setObjectName("retentionRun")
        self.run_button.setEnabled(False)  # after a preview that found something (admins)
        self.run_button.clicked.connect(self.confirm_run)
        self.preview_total = QLabel()
        run_row = QHBoxLayout()
        run_row.addWidget(self.preview_button)
        run_row.addWidget(self.preview_total, 1)
        run_row.addWidget(self.run_button)
        run_layout = QVBoxLayout(self.run_box)
        run_layout.addLayout(run_row)
        run_layout.addWidget(self.preview_table, 1)
        # tall enough for every kind's row without scrolling
        header = self.preview_table.horizontalHeader().sizeHint().height()
        self.preview_table.setMinimumHeight(
            header + self.preview_table.verticalHeader().defaultSectionSize() * len(KINDS) + 6)

    def _build_ledger(self) -> None:
        """파기 대장: every destruction run, what it destroyed and who ran it."""
        self.ledger_box = QGroupBox()
        self.ledger_model = RowsModel([
            (lambda: self.tr("파기 일시"), lambda e: f"{e.at:%Y-%m-%d %H:%M}"),
            (lambda: self.tr("대상"), lambda e: _t(RULES[e.kind].label)),
            (lambda: self.tr("건수"), lambda e: f"{e.count:,}"),
            (lambda: self.tr("이 날 이전"), lambda e: e.cutoff.isoformat()),
            (lambda: self.tr("보존기간"), lambda e: self.tr("{months}개월").format(months=e.months)),
            (lambda: self.tr("처리자"), lambda e: f"{e.staff_name or e.actor} ({e.workstation})"),
            (lambda: self.tr("방법"), lambda e: _t(e.method))])
        self.ledger_table = figures_table(self.ledger_model, "retentionLedger")
        QVBoxLayout(self.ledger_box).addWidget(self.ledger_table)

    def _lay_out(self, periods: DownwardScroll) -> None:
        right_part = QWidget()
        right = QVBoxLayout(right_part)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self.run_box)
        right.addWidget(self.ledger_box, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(SideBySide(periods, right_part, (5, 6)), 1)
        layout.addWidget(self.status)

    # --- texts ----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.note.setText(self.tr(
            "보존기간이 지난 개인정보는 복구할 수 없게 파기하고 파기 대장에 남깁니다. 민원은 통계(분류·부서·"
            "경로·날짜)만 남기고 익명 처리하며, 주민 기록은 남은 민원이나 유효한 동의가 없을 때 지웁니다. "
            "기간은 관리자가 바꾸고, 미리보기와 파기 대장은 팀장도 봅니다. 백업 파일은 백업 보관 주기에 따라 "
            "지워집니다."))
        self.periods_box.setTitle(self.tr("보존기간"))
        for kind in KINDS:
            rule = RULES[kind]
            self.kind_labels[kind].setText(_t(rule.label))
            self.from_labels[kind].setText(_t(rule.counted_from))
            self.default_labels[kind].setText(self.tr("기본 {default}개월 · 최소 {minimum}개월").format(
                default=rule.default_months, minimum=rule.minimum_months))
            self.basis_labels[kind].setText(_t(rule.basis))
            self.spins[kind].setSuffix(self.tr("개월"))
            self.spins[kind].setToolTip(_t(rule.method))
        self.save_button.setText(self.tr("보존기간 저장"))
        self.defaults_button.setText(self.tr("기본값으로"))
        self.run_box.setTitle(self.tr("미리보기와 파기"))
        self.preview_button.setText(self.tr("미리보기"))
        self.run_button.setText(self.tr("파기 실행…"))
        self.ledger_box.setTitle(self.tr("파기 대장"))
        self._show_total()
        self.preview_model.retranslate()
        self.ledger_model.retranslate()

    def _related_text(self, related: dict) -> str:
        names = {"attachments": self.tr("첨부 파일"), "happy_calls": self.tr("해피콜"),
                 "survey_links": self.tr("설문 연결"), "interactions": self.tr("상담 이력")}
        return ", ".join(f"{names.get(key, key)} {value:,}" for key, value in related.items() if value)

    def _show_total(self) -> None:
        if not self._preview:
            self.preview_total.setText(self.tr("미리보기를 누르면 지금 파기할 건수를 셉니다.")
                                       if self.may_look else self.tr("관리자와 팀장만 볼 수 있습니다."))
            return
        total = sum(c.count for c in self._preview)
        self.preview_total.setText(self.tr("모두 {total}건").format(total=f"{total:,}"))

    # --- data -----------------------------------------------------------------------------
    def reload(self) -> None:
        ctx = self.ctx
        self.runner.run(lambda control: retention.policies(ctx), self._show_policies,
                        lambda error: self._failed(error))
        if self.may_look:
            self.runner.run(lambda control: retention.ledger(ctx), self._show_ledger,
                            lambda error: self._failed(error))

    def _show_policies(self, policies) -> None:
        for policy in policies:
            self.spins[policy.kind].setValue(policy.months)

    def _show_ledger(self, entries) -> None:
        self.ledger_model.set_rows(entries)

    def load_preview(self) -> None:
        ctx = self.ctx
        self.preview_button.setEnabled(False)
        self.status.setText(self.tr("파기할 건수를 세는 중…"))
        self.runner.run(lambda control: retention.preview(ctx), self._show_preview,
                        lambda error: self._failed(error))

    def _show_preview(self, found) -> None:
        self._preview = list(found)
        self.preview_model.set_rows(self._preview)
        self.preview_button.setEnabled(self.may_look)
        self.run_button.setEnabled(self.may_change and any(c.count for c in self._preview))
        self.status.setText("")
        self._show_total()

    # --- writes ---------------------------------------------------------------------------
    def use_defaults(self) -> None:
        for kind in KINDS:
            self.spins[kind].setValue(RULES[kind].default_months)

    def save_periods(self) -> None:
        ctx = self.ctx
        wanted = {kind: spin.value() for kind, spin in self.spins.items()}

        def done(changes) -> None:
            self._ok(self.tr("보존기간을 저장했습니다. 다음 파기부터 적용됩니다."))
            self._preview = []
            self.preview_model.set_rows([])
            self.run_button.setEnabled(False)
            self._show_total()
            if changes:
                self.changed.emit(changes)
        self.runner.run(lambda control: retention.set_policies(ctx, wanted), done,
                        lambda error: self._failed(error))

    def confirm_text(self) -> str:
        lines = [self.tr("다음 기록을 파기합니다. 파기한 기록은 되돌릴 수 없습니다.")]
        lines += [self.tr("· {kind}: {count}건 ({cutoff} 이전)").format(
            kind=_t(RULES[c.kind].label), count=f"{c.count:,}", cutoff=c.cutoff.isoformat())
            for c in self._preview if c.count]
        lines.append(self.tr("민원은 통계 항목만 남기고 익명 처리합니다. 파기 대장과 접속기록에 남습니다. "
                             "실행하시겠습니까?"))
        return "\n".join(lines)

    def confirm_run(self) -> None:
        if not self._preview:
            return
        answer = dialogs.ask_choice(self, self.tr("파기 실행"), self.confirm_text(),
                                    [("run", self.tr("파기 실행"))])
        if answer != "run":
            return
        ctx = self.ctx

        def work(control):
            def progress(done: int, total: int, text: str) -> None:
                control.check()  # a cancel before the commit leaves everything as it was
                control.progress(done, total, text)
            return retention.run(ctx, progress=worded(progress))

        self.run_button.setEnabled(False)
        self.runner.run(work, self._ran, lambda error: self._failed(error),
                        label=self.tr("파기하는 중…"), parent=self)

    def _ran(self, result) -> None:
        text = self.tr("파기했습니다: 모두 {total}건, 파기 대장 {rows}건.").format(
            total=f"{result.total:,}", rows=len(result.ledger_ids))
        if result.files_failed:
            text += " " + self.tr("첨부 파일 {count}개를 지우지 못했습니다(열려 있는지 확인).").format(
                count=len(result.files_failed))
        if not result.compact.get("wal_emptied"):
            text += " " + self.tr("데이터베이스 파일 정리를 마치지 못했습니다. 다른 PC의 프로그램을 닫고 "
                                  "다시 파기를 실행하십시오.")
        self._ok(text)
        self._preview = []
        self.preview_model.set_rows([])
        self._show_total()
        self.changed.emit(retention.RUN_CHANGED)
        self.reload()

    def _ok(self, text: str) -> None:
        self.status.setStyleSheet("color: #1b5e20;")
        self.status.setText(text)

    def _failed(self, error: BaseException) -> None:
        self.preview_button.setEnabled(self.may_look)
        self.run_button.setEnabled(self.may_change and any(c.count for c in self._preview))
        from pcrm_desktop.ui.tasks import TaskCancelled
        if isinstance(error, TaskCancelled):
            self.status.setStyleSheet("")
            self.status.setText(self.tr("파기를 취소했습니다. 아무것도 지우지 않았습니다."))
        elif isinstance(error, DomainError):
            self.status.setStyleSheet("color: #b00020; font-weight: bold;")
            self.status.setText(error_text(error))
        else:
            dialogs.explain(self, self.tr("보존기간·파기"), error)

