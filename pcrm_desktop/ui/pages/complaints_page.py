"""민원: queues with counts (내 민원, 팀, 미배정, 오늘 기한, D-3, 기한 넘김, 진행 중, 전체), a filter bar,
and a lazily loaded list sorted and filtered in SQL; D-days in colour; Ctrl+N opens intake."""
from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QModelIndex, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabBar,
    QTableView,
    QVBoxLayout,
)

from pcrm_desktop.domain.complaint_queues import QueueFilter
from pcrm_desktop.domain.complaints import OPEN, Status
from pcrm_desktop.domain.deadlines import ComplaintType
from pcrm_desktop.services import complaints as complaint_service
from pcrm_desktop.ui.column_fit import content, fit_columns, stretch, text
from pcrm_desktop.ui.combo import refill
from pcrm_desktop.ui.complaint_labels import (
    d_day_colour,
    d_day_label,
    day_label,
    moment,
    status_name,
    type_name,
)
from pcrm_desktop.ui.fitting import FlowRow
from pcrm_desktop.ui.lazy_model import LazyRowsModel
from pcrm_desktop.ui.pages.base import Page, heading
from pcrm_desktop.ui.search_field import SearchField

SEARCH_DELAY_MS = 200
D_DAY_COLUMN = 9


class QueueModel(LazyRowsModel):
    """The queue's rows, with the D-day column coloured (and bold when overdue or due)."""

    def __init__(self, runner, columns, clock) -> None:
        super().__init__(runner, columns)
        self.clock = clock

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if index.isValid() and index.column() == D_DAY_COLUMN and role in (
                Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.FontRole):
            row = self.row(index.row())
            if Status(row.status) not in OPEN:
                return None
            colour, bold = d_day_colour(row.due_at, self.clock())
            if role == Qt.ItemDataRole.ForegroundRole:
                return colour
            if bold:
                font = QFont()
                font.setBold(True)
                return font
            return None
        return super().data(index, role)


class ComplaintsPage(Page):
    depends_on = frozenset({"complaints", "holidays", "citizens"})
    changed = Signal(object)
    QUEUES = ("mine", "team", "unassigned", "due_today", "d3", "overdue", "open", "all")

    def __init__(self, ctx, runner) -> None:
        super().__init__()
        self.ctx, self.runner = ctx, runner
        self.counts: dict[str, int] = {}
        self.case_windows: dict = {}  # complaint id → its open CaseDialog
        self.categories: list[dict] = []
        self.heading = heading()
        self.tabs = QTabBar()
        self.tabs.setObjectName("queueTabs")
        for _ in self.QUEUES:
            self.tabs.addTab("")
        self.tabs.setCurrentIndex(self.QUEUES.index("mine"))
        self.search = SearchField()  # searches with the syllable being composed
        self.search.setObjectName("complaintSearch")
        self.search.setClearButtonEnabled(True)
        self.type_filter, self.category_filter = QComboBox(), QComboBox()
        self.status_filter, self.sort = QComboBox(), QComboBox()
        for combo, name in ((self.type_filter, "typeFilter"), (self.category_filter, "categoryFilter"),
                            (self.status_filter, "statusFilter"), (self.sort, "complaintSort")):
            combo.setObjectName(name)
        self.new_button, self.import_button, self.register_button, self.happy_button = (
            QPushButton() for _ in range(4))
        self.happy_button.setObjectName("happyCalls")
        self.new_button.setObjectName("newComplaint")
        self.import_button.setObjectName("importComplaints")
        self.register_button.setObjectName("exportRegister")
        self.count_label = QLabel()
        self.count_label.setObjectName("complaintCount")
        self.clear_button = QPushButton()
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.hide()
        self.last_filter: QueueFilter | None = None
        self.model = QueueModel(runner, [
            (lambda: self.tr("접수번호"), lambda r: r.receipt_no),
            (lambda: self.tr("접수일시"), lambda r: moment(r.received_at)),
            (lambda: self.tr("종류"), lambda r: type_name(r.type_code)),
            (lambda: self.tr("분류"), lambda r: r.category),
            (lambda: self.tr("제목"), lambda r: r.title),
            (lambda: self.tr("민원인"), lambda r: r.applicant),
            (lambda: self.tr("담당"), lambda r: r.assignee),
            (lambda: self.tr("상태"), lambda r: status_name(r.status)),
            (lambda: self.tr("처리기한"), lambda r: moment(r.due_at)),
            (lambda: self.tr("D-day"), lambda r: d_day_label(r.due_at, ctx.clock().date(),
                                                             Status(r.status) in OPEN)),
        ], ctx.clock)
        self.table = QTableView()
        self.table.setObjectName("complaintTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self._size_columns()
        self._build_layout()
        self._connect()
        self.retranslate_ui()
        self.reload()

    def _size_columns(self) -> None:
        """Widths from the texts the columns hold (a lazy list cannot measure unloaded rows):
        the due date, status and D-day whole; 접수일시 without its time and the category
        shortened when room is short; the title taking the rest; 종류, then 접수일시, then 담당
        hidden when even that does not fit (column_fit.py): 처리기한 and D-day in view at 150 %
        text too."""
        widest = datetime(2026, 11, 25, 14, 5)  # a Wednesday: the widest weekday in English
        fit_columns(self.table, [
            content("2026-000000"),
            text(lambda: moment(widest), least=lambda: day_label(widest.date()),
                 short=lambda shown: shown.rsplit(" ", 1)[0], gives_way=2),
            content(lambda: [type_name(t.value) for t in ComplaintType], gives_way=1),
            text("쓰레기 무단투기"), stretch("주민센터 앞 보도블록 파손 신고"), content("남궁**수"),
            content("남궁길동", gives_way=3),
            content(lambda: [status_name(s.value) for s in Status]), content(lambda: moment(widest)),
            content("D+100")])

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.search, 2)
        for combo in (self.type_filter, self.category_filter, self.status_filter, self.sort):
            bar.addWidget(combo, 1)
        self.day_filter = None  # (received on, finished on) from the dashboard
        self.day_label = QLabel()
        self.day_label.setObjectName("dayFilter")
        self.day_label.setStyleSheet("background: #e4ecf7; border-radius: 8px; padding: 2px 8px;")
        self.day_clear = QPushButton("✕")
        self.day_clear.setObjectName("dayFilterClear")
        self.day_clear.setFixedWidth(28)
        self.day_clear.clicked.connect(self.clear_day_filter)
        self.day_label.hide()
        self.day_clear.hide()
        bar.insertWidget(1, self.day_label)
        bar.insertWidget(2, self.day_clear)
        # the actions beside the title, so the filters keep their room; on to a second line
        # when the title row is short of room (150 % text)
        title_row = QHBoxLayout()
        title_row.addWidget(self.heading)
        title_row.addStretch(1)
        title_row.addWidget(FlowRow([self.new_button, self.import_button, self.register_button,
                                     self.happy_button]))
        layout = QVBoxLayout(self)
        layout.addLayout(title_row)
        layout.addWidget(self.tabs)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label)
        footer.addWidget(self.clear_button)
        footer.addStretch(1)
        layout.addLayout(footer)

    def _connect(self) -> None:
        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.run_query)
        self.search.searchTextChanged.connect(lambda _: self.search_timer.start())
        self.search.commit_on_click(self.table)  # a click on a row while composing selects it
        self.search.returnPressed.connect(self.run_query)
        self.tabs.currentChanged.connect(lambda _: self.run_query())
        for combo in (self.type_filter, self.category_filter, self.status_filter, self.sort):
            combo.currentIndexChanged.connect(lambda _: self.run_query())
        self.model.loading_changed.connect(lambda _: self._update_count())
        self.table.doubleClicked.connect(lambda index: self.open_case(self.model.row(index.row()).id))
        self.table.activated.connect(lambda index: self.open_case(self.model.row(index.row()).id))
        self.new_button.clicked.connect(self.new_complaint)
        self.import_button.clicked.connect(self.import_file)
        self.register_button.clicked.connect(self.export_register)
        self.happy_button.clicked.connect(self.open_happy_calls)
        self.clear_button.clicked.connect(self.clear_filters)
        # Esc while on this page (not in a dialog over it) takes the search and filters away
        self.clear_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), self,
                                        context=Qt.ShortcutContext.WidgetWithChildrenShortcut,
                                        activated=self.clear_filters)

    def retranslate_ui(self) -> None:
        self.search.setAccessibleName(self.tr("민원 찾기"))
        self.table.setAccessibleName(self.tr("민원 목록"))
        self.type_filter.setAccessibleName(self.tr("민원 종류"))
        self.category_filter.setAccessibleName(self.tr("분류"))
        self.status_filter.setAccessibleName(self.tr("상태"))
        self.sort.setAccessibleName(self.tr("정렬"))
        self.heading.setText(self.tr("민원"))
        self.search.setPlaceholderText(self.tr("접수번호(2026-00…) 또는 제목으로 찾기"))
        self.new_button.setText(self.tr("새 민원 접수 (Ctrl+N)"))
        self.import_button.setText(self.tr("가져오기…"))
        self.import_button.setToolTip(self.tr("민원 이력을 CSV·엑셀에서 가져옵니다 (열 연결, 검사, 한 번에 저장)."))
        self.register_button.setText(self.tr("민원처리부…"))
        self.happy_button.setText(self.tr("해피콜…"))
        self.happy_button.setToolTip(self.tr("처리한 민원의 표본·지연·불수용 민원인에게 거는 만족 확인 전화"))
        self.register_button.setToolTip(self.tr("기간의 민원처리부를 엑셀·CSV로 내보냅니다 (민원인 가림)."))
        self.clear_button.setText(self.tr("검색어·조건 지우기"))
        self._fill_choices()
        self._update_tabs()
        self.model.retranslate()
        self._update_count()

    def _fill_choices(self) -> None:
        with QSignalBlocker(self.type_filter), QSignalBlocker(self.category_filter), \
                QSignalBlocker(self.status_filter), QSignalBlocker(self.sort):
            refill(self.type_filter, [("", self.tr("모든 종류"))] + [
                (code, type_name(code)) for code in ("inquiry", "suggestion", "grievance", "other", "legal")])
            refill(self.category_filter, [(None, self.tr("모든 분류"))] + [
                (c["id"], c["name"] if c["parent_id"] is None else f"  {c['parent']} > {c['name']}")
                for c in self.categories])
            refill(self.status_filter, [("", self.tr("모든 상태"))] + [
                (s.value, status_name(s.value)) for s in Status])
            refill(self.sort, [("due", self.tr("처리기한순")), ("received", self.tr("최근 접수순")),
                               ("receipt", self.tr("접수번호순"))])

    def _tab_names(self) -> dict[str, str]:
        return {"mine": self.tr("내 민원"), "team": self.tr("팀"), "unassigned": self.tr("미배정"),
                "due_today": self.tr("오늘 기한"), "d3": self.tr("D-3"), "overdue": self.tr("기한 넘김"),
                "open": self.tr("진행 중"), "all": self.tr("전체")}

    def _update_tabs(self) -> None:
        names = self._tab_names()
        for i, queue in enumerate(self.QUEUES):
            n = self.counts.get(queue)
            self.tabs.setTabText(i, names[queue] if n is None else f"{names[queue]} ({n:,})")

    # --- data -----------------------------------------------------------------------------
    def reload(self) -> None:
        ctx = self.ctx
        self.runner.run(lambda control: complaint_service.categories(ctx), self._set_categories,
                        lambda error: None)
        self.run_query()

    def _set_categories(self, categories: list[dict]) -> None:
        self.categories = categories
        self._fill_choices()

    def current_filter(self) -> QueueFilter:
        received, done = self.day_filter if self.day_filter else (None, None)
        return QueueFilter(self.QUEUES[self.tabs.currentIndex()], self.ctx.actor.staff_id,
                           None, self.type_filter.currentData() or "",
                           self.category_filter.currentData(),
                           self.status_filter.currentData() or "", self.search.search_text(),
                           received, received, done)

    def show_queue(self, queue: str, received_on=None, done_on=None) -> None:
        """From the dashboard: a queue, or every case received (or finished) on one day. The
        day shows above the list with a button that takes it away."""
        self.day_filter = (received_on, done_on) if received_on or done_on else None
        with QSignalBlocker(self.tabs), QSignalBlocker(self.search):
            self.tabs.setCurrentIndex(self.QUEUES.index(queue))
            self.search.clear()
        self._show_day_filter()
        self.run_query()

    def _show_day_filter(self) -> None:
        if not self.day_filter:
            self.day_label.hide()
            self.day_clear.hide()
            return
        received, done = self.day_filter
        self.day_label.setText(self.tr("접수일 {day}").format(day=received) if received
                               else self.tr("처리일 {day}").format(day=done))
        self.day_label.show()
        self.day_clear.show()

    def filtering(self) -> bool:
        """A search text, a 종류·분류·상태 choice or a day narrows the list."""
        return bool(self.search.search_text().strip() or self.type_filter.currentIndex() > 0
                    or self.category_filter.currentIndex() > 0
                    or self.status_filter.currentIndex() > 0 or self.day_filter)

    def clear_filters(self) -> None:
        """Esc or [검색어·조건 지우기]: the whole queue again (the sort order stays)."""
        if not self.filtering():
            return
        with QSignalBlocker(self.search), QSignalBlocker(self.type_filter), \
                QSignalBlocker(self.category_filter), QSignalBlocker(self.status_filter):
            self.search.clear()
            for combo in (self.type_filter, self.category_filter, self.status_filter):
                combo.setCurrentIndex(0)
        self.day_filter = None
        self._show_day_filter()
        self.run_query()

    def clear_day_filter(self) -> None:
        self.day_filter = None
        self._show_day_filter()
        self.run_query()

    def run_query(self) -> None:
        self.search_timer.stop()
        ctx, f, sort = self.ctx, self.current_filter(), self.sort.currentData() or "due"
        self.last_filter = f
        self.model.set_source(lambda after, limit: complaint_service.queue(ctx, f, after, limit, sort))
        self.runner.run(lambda control: complaint_service.queue_counts(ctx), self._set_counts,
                        lambda error: None)

    def _set_counts(self, counts: dict[str, int]) -> None:
        self.counts = counts
        self._update_tabs()

    def _update_count(self) -> None:
        n = self.model.rowCount()
        more = self.model.canFetchMore() or self.model.is_loading()
        self.clear_button.setVisible(n == 0 and not more and self.filtering())
        if n == 0 and not more:
            self.count_label.setText(self._empty_text())
            return
        self.count_label.setText(self.tr("{n}건 표시{more}").format(
            n=f"{n:,}", more=self.tr(" (아래로 내리면 더 불러옵니다)") if more else ""))

    def _empty_text(self) -> str:
        """Why the list is empty: a filter left on (from another tab, or earlier) says so."""
        f = self.last_filter
        text = f.text.strip() if f else ""
        narrowed = bool(f and (f.type_code or f.category_id is not None or f.status
                               or f.received_from or f.done_on))
        if text and narrowed:
            return self.tr("검색어 '{text}'에 맞으면서 고른 조건에도 맞는 민원이 없습니다. "
                           "(검색어·조건 지우기: Esc)").format(text=text)
        if text:
            return self.tr("검색어 '{text}'에 맞는 민원이 없습니다. (검색어 지우기: Esc)").format(
                text=text)
        if narrowed:
            return self.tr("고른 조건(종류·분류·상태·날짜)에 맞는 민원이 없습니다. (조건 지우기: Esc)")
        return self.tr("이 목록에 민원이 없습니다.")

    def set_query(self, text: str) -> None:
        """Search from outside (a 접수번호 typed in the window's search box): all cases."""
        with QSignalBlocker(self.tabs), QSignalBlocker(self.search):
            self.tabs.setCurrentIndex(self.QUEUES.index("all"))
            self.search.setText(text)
        self.run_query()

    # --- actions --------------------------------------------------------------------------
    def new_complaint(self):
        from pcrm_desktop.ui.complaint_intake import IntakeDialog
        self.dialog = IntakeDialog(self.ctx, self.runner, self.categories, parent=self)
        self.dialog.received.connect(self._received)
        self.dialog.open()
        return self.dialog

    def open_happy_calls(self):
        from pcrm_desktop.ui.happy_call_dialog import HappyCallDialog
        self.dialog = HappyCallDialog(self.ctx, self.runner, self)
        self.dialog.changed.connect(self.changed)
        self.dialog.open()
        return self.dialog

    def import_file(self):
        from pcrm_desktop.ui import dialogs
        from pcrm_desktop.ui.import_dialog import ImportDialog
        path = dialogs.ask_open_path(self, self.tr("민원 이력 가져오기"),
                                     self.tr("표 파일 (*.csv *.xlsx);;모든 파일 (*)"))
        if not path:
            return None
        self.dialog = ImportDialog(self.ctx, self.runner, path, self, kind="complaints")
        self.dialog.imported.connect(lambda _: self.changed.emit(frozenset({"complaints"})))
        self.dialog.open()
        return self.dialog

    def export_register(self) -> None:
        from pcrm_desktop.services.complaint_export import export_register
        from pcrm_desktop.ui import dialogs
        title = self.tr("민원처리부")
        today = self.ctx.clock().date()
        period = dialogs.ask_period(self, title, today.replace(day=1), today)
        if not period:
            return
        first, last = period
        # the 민원 of named people leave the office: the reason goes to the access log
        reason = dialogs.ask_reason(self, title, self.tr("민원처리부를 내보내는 사유 (예: 구청 제출)"))
        if reason is None:
            return
        path = dialogs.ask_save_path(self, title, f"민원처리부_{first}_{last}.xlsx",
                                     self.tr("엑셀 (*.xlsx);;CSV (*.csv)"))
        if not path:
            return
        ctx = self.ctx
        self.runner.run(lambda control: export_register(ctx, first, last, path, reason),
                        lambda done: dialogs.show_info(self, title, self.tr(
                            "{n}건을 내보냈습니다(민원인 가림): {path}").format(n=f"{done.rows:,}", path=done.path)),
                        lambda error: dialogs.explain(self, title, error),
                        label=self.tr("내보내는 중…"), parent=self)

    def _received(self, complaint_id: int) -> None:
        self.changed.emit(frozenset({"complaints"}))

    def open_case(self, complaint_id: int):
        """One window per case: opening it again (a double-click also activates the row)
        raises the window already open instead of reading and logging the case twice."""
        from pcrm_desktop.ui.complaint_case import CaseDialog
        window = self.case_windows.get(complaint_id)
        if window is not None and window.isVisible():
            window.raise_()
            window.activateWindow()
            self.dialog = window
            return window
        window = CaseDialog(self.ctx, self.runner, complaint_id, parent=self)
        window.changed.connect(self.changed)
        window.finished.connect(lambda _code: self._case_closed(complaint_id, window))
        self.case_windows[complaint_id] = window
        self.dialog = window
        window.open()
        return window

    def _case_closed(self, complaint_id: int, window) -> None:
        if self.case_windows.get(complaint_id) is window:
            del self.case_windows[complaint_id]
