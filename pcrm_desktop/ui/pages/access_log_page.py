"""접속기록 검토 (admins and managers): the access log filtered by period, account, kind of act,
resident and flags, paged by key in the background; the period's unusual patterns beside it;
the hash chain's check; the monthly review as PDF. Opening the page is itself logged, once."""
from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QModelIndex, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.domain.access_review import (
    CONTEXT,
    FLAG_SHORT,
    FLAG_TEXTS,
    FLAGS,
    KINDS,
    action_text,
    chain_text,
    kind_text,
    rule_text,
)
from pcrm_desktop.domain.office import OfficeHours
from pcrm_desktop.services import access_log
from pcrm_desktop.ui import dialogs
from pcrm_desktop.ui.column_fit import FittedTable, content, fit_columns, stretch, text
from pcrm_desktop.ui.combo import refill
from pcrm_desktop.ui.complaint_labels import moment
from pcrm_desktop.ui.fitting import AdaptiveSplitter, SidePanel
from pcrm_desktop.ui.labels import target_name
from pcrm_desktop.ui.lazy_model import LazyRowsModel
from pcrm_desktop.ui.pages.base import Page, heading

SEARCH_DELAY_MS = 400
FLAG_COLUMN = 6
FLAGGED = QColor("#b03a2e")


def _tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class LogModel(LazyRowsModel):
    """The log's rows; a flagged entry's flags in red and bold, named in full in the tooltip."""

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role == Qt.ItemDataRole.ToolTipRole and index.column() == FLAG_COLUMN:
            return "\n".join(_tr(FLAG_TEXTS[f]) for f in self.row(index.row()).flags) or None
        if index.isValid() and role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole):
            if not self.row(index.row()).flags:
                return None
            if role == Qt.ItemDataRole.ForegroundRole:
                return FLAGGED if index.column() == FLAG_COLUMN else None
            font = QFont()
            font.setBold(index.column() == FLAG_COLUMN)
            return font
        return super().data(index, role)


class AccessLogPage(Page):
    changed = Signal(object)

    def __init__(self, ctx, runner) -> None:
        super().__init__()
        self.setObjectName("accessLogPage")
        self.ctx, self.runner = ctx, runner
        self.known = None                 # the period's anomalies, once found
        self.accounts: list = []
        self.hours = OfficeHours()
        self.chain = None
        self._open = False                # shown now (a hide while away ends the opening)
        self._record_next = False         # the next first page logs the review
        self.title = heading()
        self._build_filters()
        self._build_log()
        self._build_findings()
        self._size_columns()
        self._build_layout()
        self._connect()
        self.retranslate_ui()

    # --- construction ---------------------------------------------------------------------
    def _build_filters(self) -> None:
        """The period, the account, the kind of act, the resident, flagged entries only."""
        today = self.ctx.clock().date()
        self.first = QDateEdit(QDate(today.replace(day=1)))
        self.first.setObjectName("logFrom")
        self.last = QDateEdit(QDate(today))
        self.last.setObjectName("logTo")
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.account = QComboBox()
        self.account.setObjectName("logAccount")
        self.kind = QComboBox()
        self.kind.setObjectName("logKind")
        self.subject = QLineEdit()
        self.subject.setObjectName("logSubject")
        self.subject.setClearButtonEnabled(True)
        self.flagged_only = QCheckBox()
        self.flagged_only.setObjectName("logFlaggedOnly")
        self.labels = {key: QLabel() for key in ("period", "to", "account", "kind", "month")}

    def _build_log(self) -> None:
        self.model = LogModel(self.runner, [
            (lambda: self.tr("일시"), lambda r: f"{moment(r.at)}:{r.at:%S}"),
            (lambda: self.tr("계정"), lambda r: r.actor),
            (lambda: self.tr("컴퓨터"), lambda r: r.workstation),
            (lambda: self.tr("행위"), lambda r: action_text(r.action, _tr)),
            (lambda: self.tr("대상"), lambda r: r.subject or target_name(r.target)),
            (lambda: self.tr("사유"), lambda r: r.reason),
            (lambda: self.tr("이상 징후"), lambda r: ", ".join(_tr(FLAG_SHORT[f]) for f in r.flags)),
        ])
        self.table = FittedTable()  # the findings go below it when its columns need the room
        self.table.setObjectName("logTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.count_label = QLabel()
        self.count_label.setObjectName("logCount")

    def _build_findings(self) -> None:
        """The period's findings and the rules behind them, the hash chain's check, the
        month's review as PDF, and the page's status line."""
        month = QDate(self.ctx.clock().date().replace(day=1)).addMonths(-1)
        self.findings_title = QLabel()
        self.findings_title.setObjectName("findingsTitle")
        self.findings_title.setStyleSheet("font-weight: bold;")
        self.findings_title.setWordWrap(True)
        self.findings = QListWidget()
        self.findings.setObjectName("logFindings")
        self.findings.setWordWrap(True)
        self.rules = QLabel()
        self.rules.setObjectName("logRules")
        self.rules.setWordWrap(True)
        self.rules.setStyleSheet("color: #555;")
        self.verify_button = QPushButton()
        self.verify_button.setObjectName("verifyChain")
        self.chain_label = QLabel()
        self.chain_label.setObjectName("chainResult")
        self.chain_label.setWordWrap(True)
        self.chain_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.month = QDateEdit(month)
        self.month.setObjectName("logMonth")
        self.month.setDisplayFormat("yyyy-MM")
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("accessLogPdf")
        self.status = QLabel()
        self.status.setObjectName("logStatus")
        self.status.setWordWrap(True)

    def _size_columns(self) -> None:
        """The time and the flags whole, the other texts shortened when room is short, the
        act taking the rest (column_fit.py): 이상 징후 in view at 150 % text too."""
        widest_day = datetime(2026, 11, 25, 14, 5, 9)  # a Wednesday: the widest weekday in English
        fit_columns(self.table, [
            content(lambda: f"{moment(widest_day)}:{widest_day:%S}"),  # as shown, in this language
            text("kim.cs.long"), text("DONG-PC01"), stretch("주민 정보 수정 화면 열람"), text("남궁**수 (#123456)"),
            text("민원 회신 전화"), content(lambda: [_tr(f) for f in FLAG_SHORT.values()])])

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        for widget in (self.labels["period"], self.first, self.labels["to"], self.last,
                       self.labels["account"], self.account, self.labels["kind"], self.kind):
            bar.addWidget(widget)
        bar.addStretch(1)
        tools = QHBoxLayout()  # the resident's box on this row, where it has room to type in
        tools.addWidget(self.subject, 2)
        tools.addWidget(self.flagged_only)
        tools.addSpacing(12)
        tools.addWidget(self.verify_button)
        tools.addWidget(self.chain_label, 1)
        tools.addWidget(self.labels["month"])
        tools.addWidget(self.month)
        tools.addWidget(self.pdf_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        right = SidePanel()  # beside the log while the log has its room, below it when not
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.findings_title)
        right_layout.addWidget(self.findings, 1)
        right_layout.addWidget(self.rules)
        splitter = AdaptiveSplitter()  # the findings below the log at 150 % text
        splitter.setObjectName("logSplitter")
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 300])
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        layout.addLayout(tools)
        layout.addWidget(self.status)
        layout.addWidget(splitter, 1)

    def _connect(self) -> None:
        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.run_query)
        self.subject.textEdited.connect(lambda _: self.search_timer.start())
        self.subject.returnPressed.connect(self.run_query)
        self.first.dateChanged.connect(lambda _: self.run_query())
        self.last.dateChanged.connect(lambda _: self.run_query())
        for combo in (self.account, self.kind):
            combo.currentIndexChanged.connect(lambda _: self.run_query())
        self.flagged_only.toggled.connect(lambda _: self.run_query())
        self.model.loading_changed.connect(lambda _: self._update_count())
        self.model.failed.connect(lambda error: dialogs.explain(self, self.tr("접속기록 검토"), error))
        self.findings.itemActivated.connect(self._show_finding)
        self.verify_button.clicked.connect(self.verify)
        self.pdf_button.clicked.connect(self.make_pdf)

    def retranslate_ui(self) -> None:
        self.subject.setAccessibleName(self.tr("주민 번호 또는 이름"))
        self.table.setAccessibleName(self.tr("접속기록"))
        self.findings.setAccessibleName(self.tr("점검 결과"))
        self.title.setText(self.tr("접속기록 검토"))
        self.labels["period"].setText(self.tr("기간"))
        self.labels["to"].setText("~")
        self.labels["account"].setText(self.tr("계정"))
        self.labels["kind"].setText(self.tr("종류"))
        self.labels["month"].setText(self.tr("점검표 달"))
        self.subject.setPlaceholderText(self.tr("주민 번호 또는 이름"))
        self.subject.setToolTip(self.tr("주민의 번호(예: 12)나 이름으로 그 주민의 정보에 접근한 기록만 봅니다."))
        self.flagged_only.setText(self.tr("이상 징후만"))
        self.verify_button.setText(self.tr("무결성 검사"))
        self.verify_button.setToolTip(self.tr(
            "처음 기록부터 해시 체인을 다시 계산해, 고치거나 지운 기록이 없는지 확인합니다."))
        self.pdf_button.setText(self.tr("월간 접속기록 PDF…"))
        self.pdf_button.setToolTip(self.tr(
            "그 달의 계정별 기록 수, 이상 징후, 출력·반출 목록, 무결성 검사 결과와 검토자 서명란"))
        self._fill_choices()
        self.model.retranslate()
        self._show_findings()
        self._show_chain()
        self._update_count()

    def _fill_choices(self) -> None:
        with QSignalBlocker(self.account), QSignalBlocker(self.kind):
            refill(self.account, [("", self.tr("모든 계정"))] + [
                (a.login, f"{a.name} ({a.login})" if a.name else a.login) for a in self.accounts])
            refill(self.kind, [("", self.tr("모든 종류"))] + [(k, kind_text(k, _tr)) for k in KINDS])

    # --- opening --------------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not event.spontaneous() and not self._open:
            self._open, self._record_next = True, True
            self.reload()

    def hideEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().hideEvent(event)
        if not event.spontaneous():
            self._open = False

    # --- data -----------------------------------------------------------------------------
    def current_filter(self) -> access_log.LogFilter:
        return access_log.LogFilter(self.first.date().toPython(), self.last.date().toPython(),
                                    self.account.currentData() or "", self.kind.currentData() or "",
                                    self.subject.text().strip(), self.flagged_only.isChecked())

    def reload(self) -> None:
        from pcrm_desktop.services import calendar
        ctx = self.ctx
        self.runner.run(lambda control: access_log.accounts(ctx), self._set_accounts,
                        lambda error: None)
        self.runner.run(lambda control: calendar.office_hours(ctx), self._set_hours,
                        lambda error: None)
        self.known, self._finding = None, None
        self.run_query()

    def _set_hours(self, hours: OfficeHours) -> None:
        self.hours = hours
        self._show_findings()

    def _set_accounts(self, accounts: list) -> None:
        self.accounts = accounts
        self._fill_choices()

    def run_query(self) -> None:
        """The list at once (each page finds its own rows' flags), then the period's anomalies
        for the panel beside it; kept while only the other filters change. "이상 징후만" needs
        them first."""
        self.search_timer.stop()
        f = self.current_filter()
        if f.last < f.first:
            self.model.set_rows([])
            self.count_label.setText(self.tr("기간의 끝이 시작보다 앞섭니다."))
            return
        period = (f.first, f.last)
        have = self.known is not None and (self.known.first, self.known.last) == period
        self._waiting = f.flagged_only and not have
        if not self._waiting:
            self._list(f, self.known if have else None)
        else:
            self.model.set_rows([])
            self.count_label.setText(self.tr("이상 징후를 찾는 중…"))
        if have or self._finding == period:
            return
        ctx, self._finding = self.ctx, period
        self.findings_title.setText(self.tr("이상 징후를 찾는 중…"))
        self.runner.run(lambda control: access_log.anomalies(ctx, *period),
                        lambda found: self._anomalies_found(period, found),
                        lambda error: self._anomalies_failed(period, error))

    _finding = None   # the period whose anomalies are being found
    _waiting = False  # the list waits for them (이상 징후만)

    def _anomalies_found(self, period, found) -> None:
        if self._finding == period:
            self._finding = None
        if period != (self.first.date().toPython(), self.last.date().toPython()):
            return  # the period changed meanwhile: its own answer follows
        self.known = found
        self._show_findings()
        if self._waiting:
            self._waiting = False
            self._list(self.current_filter(), found)

    def _anomalies_failed(self, period, error) -> None:
        if self._finding == period:
            self._finding = None
        self.findings_title.setText("")
        dialogs.explain(self, self.tr("접속기록 검토"), error)

    def _list(self, f: access_log.LogFilter, known) -> None:
        ctx = self.ctx
        record, self._record_next = self._record_next, False
        self.model.set_source(lambda after, limit: access_log.entries(
            ctx, f, after, limit, known=known, record=record and after is None))

    def _update_count(self) -> None:
        n = self.model.rowCount()
        more = self.model.canFetchMore() or self.model.is_loading()
        if n == 0 and not more:
            self.count_label.setText(self.tr("조건에 맞는 기록이 없습니다."))
            return
        self.count_label.setText(self.tr("{n}건 표시{more}").format(
            n=f"{n:,}", more=self.tr(" (아래로 내리면 더 불러옵니다)") if more else ""))

    # --- anomalies ------------------------------------------------------------------------
    def _show_findings(self) -> None:
        self.findings.clear()
        self.rules.setText("\n".join(f"· {_tr(FLAG_TEXTS[c])}: {rule_text(c, self.hours, _tr)}"
                                     for c in FLAGS))
        found = self.known
        if found is None:
            self.findings_title.setText(self.tr("기간의 이상 징후"))
            return
        counts = found.by_code()
        self.findings_title.setText(self.tr("기간의 이상 징후 {n}건").format(n=f"{len(found.findings):,}")
                                    + ("\n" + " · ".join(f"{_tr(FLAG_TEXTS[c])} {n:,}"
                                                         for c, n in counts.items() if n)
                                       if found.findings else ""))
        if not found.findings:
            item = QListWidgetItem(self.tr("점검 기준에 해당하는 기록이 없습니다."))
            item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.findings.addItem(item)
        for finding in found.findings:
            item = QListWidgetItem(f"[{_tr(FLAG_TEXTS[finding.code])}] {finding.text(_tr)}")
            item.setData(Qt.ItemDataRole.UserRole, finding)
            item.setForeground(FLAGGED)
            self.findings.addItem(item)

    def _show_finding(self, item: QListWidgetItem) -> None:
        """A finding chosen: its account's flagged entries of the period."""
        finding = item.data(Qt.ItemDataRole.UserRole)
        if finding is None:
            return
        with QSignalBlocker(self.account), QSignalBlocker(self.flagged_only), \
                QSignalBlocker(self.kind), QSignalBlocker(self.subject):
            index = self.account.findData(finding.actor)
            if index < 0:
                self.account.addItem(finding.actor, finding.actor)
                index = self.account.count() - 1
            self.account.setCurrentIndex(index)
            self.kind.setCurrentIndex(0)
            self.subject.clear()
            self.flagged_only.setChecked(True)
        self.run_query()

    # --- the chain ------------------------------------------------------------------------
    def verify(self) -> None:
        from pcrm_desktop.services.audit_trail import verify_chain
        ctx = self.ctx
        self.verify_button.setEnabled(False)
        self.chain = None
        self.chain_label.setStyleSheet("")
        self.chain_label.setText(self.tr("검사 중…"))
        task = self.runner.run(
            lambda control: verify_chain(ctx, lambda n: control.progress(n, 0, "")),
            self._verified, self._verify_failed)
        task.signals.progress.connect(lambda done, _total, _text: self.chain_label.setText(
            self.tr("검사 중… {n}건").format(n=f"{done:,}")))

    def _verified(self, report) -> None:
        self.verify_button.setEnabled(True)
        self.chain = report
        self._show_chain()

    def _verify_failed(self, error) -> None:
        self.verify_button.setEnabled(True)
        self.chain_label.setText("")
        dialogs.explain(self, self.tr("무결성 검사"), error)

    def _show_chain(self) -> None:
        report = self.chain
        if report is None:
            return
        self.chain_label.setText(chain_text(report, _tr))
        self.chain_label.setToolTip(self.tr("마지막 기록의 해시: {hash}").format(hash=report.last_hash))
        self.chain_label.setStyleSheet("color: #1e7b34; font-weight: bold;" if report.ok
                                       else "color: #b03a2e; font-weight: bold;")

    # --- the monthly PDF ------------------------------------------------------------------
    def make_pdf(self, path: str | None = None) -> None:
        from pcrm_desktop.services.report_access_log import build_access_log
        from pcrm_desktop.ui.labels import worded
        month: date = self.month.date().toPython().replace(day=1)
        title = self.tr("월간 접속기록 PDF")
        path = path or dialogs.ask_save_path(self, title, f"접속기록점검표-{month:%Y-%m}.pdf", "PDF (*.pdf)")
        if not path:
            return
        ctx = self.ctx
        self.pdf_button.setEnabled(False)
        self.status.setText(self.tr("만드는 중…"))
        task = self.runner.run(lambda control: build_access_log(ctx, month, Path(path),
                                                                worded(control.progress)),
                               self._pdf_built, self._pdf_failed)
        task.signals.progress.connect(lambda done, total, text: self.status.setText(
            self.tr("만드는 중: {step}").format(step=text)))

    def _pdf_built(self, done) -> None:
        self.pdf_button.setEnabled(True)
        self.chain = done.chain
        self._show_chain()
        self.status.setText(self.tr("저장했습니다: {path} ({pages}쪽, 이상 징후 {findings}건)").format(
            path=done.path, pages=done.pages, findings=f"{done.findings:,}"))
        self.changed.emit(frozenset({"reports"}))

    def _pdf_failed(self, error) -> None:
        self.pdf_button.setEnabled(True)
        self.status.setText("")
        dialogs.explain(self, self.tr("월간 접속기록 PDF"), error)
