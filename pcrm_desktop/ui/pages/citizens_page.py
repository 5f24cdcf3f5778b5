"""주민(고객): search as you type, a lazily loaded list sorted in SQL, the profile beside it,
and the customer groups with their profiles."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.services import citizens as citizen_service
from pcrm_desktop.services import groups as group_service
from pcrm_desktop.ui import dialogs
from pcrm_desktop.ui.citizen_dialog import CitizenDialog
from pcrm_desktop.ui.citizen_profile import ProfilePanel
from pcrm_desktop.ui.lazy_model import LazyRowsModel
from pcrm_desktop.ui.pages.base import Page, heading
from pcrm_desktop.ui.pages.groups_view import GroupsView

SEARCH_DELAY_MS = 150


class CitizensPage(Page):
    depends_on = frozenset({"citizens", "groups"})
    changed = Signal(object)

    def __init__(self, ctx, runner) -> None:
        super().__init__()
        self.ctx, self.runner = ctx, runner
        self.groups: list = []
        self.total: int | None = None  # residents in the database, shown beside the list
        self.heading = heading()
        self.search = QLineEdit()
        self.search.setObjectName("citizenSearch")
        self.search.setClearButtonEnabled(True)
        self.sort = QComboBox()
        self.sort.setObjectName("citizenSort")
        self.new_button, self.import_button = QPushButton(), QPushButton()
        self.export_button, self.merge_button = QPushButton(), QPushButton()
        self.new_button.setObjectName("newCitizen")
        self.merge_button.setObjectName("mergeCitizens")
        self.merge_button.setEnabled(False)
        self.count_label = QLabel()
        self.model = LazyRowsModel(runner, [
            (lambda: self.tr("이름"), lambda r: r.name),
            (lambda: self.tr("출생연도"), lambda r: r.birth_year or ""),
            (lambda: self.tr("전화"), lambda r: r.phone),
            (lambda: self.tr("동"), lambda r: r.dong_name),
            (lambda: self.tr("주소"), lambda r: r.road)])
        self.table = QTableView()
        self.table.setObjectName("citizenTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        em = self.fontMetrics().horizontalAdvance("가")
        for column, width in enumerate((5, 5, 9, 6)):  # a lazy list cannot measure what it has not loaded
            header.resizeSection(column, int(width * em * 1.15))
        self.profile = ProfilePanel(ctx, runner)
        self.groups_view = GroupsView(ctx, runner)
        self._build_layout()
        self._connect()
        self.retranslate_ui()
        self.reload()

    def _build_layout(self) -> None:
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.sort)
        for button in (self.new_button, self.import_button, self.export_button, self.merge_button):
            bar.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.profile)
        splitter.setStretchFactor(0, 5)
        splitter.setStretchFactor(1, 4)
        people = QWidget()
        people_layout = QVBoxLayout(people)
        people_layout.addLayout(bar)
        people_layout.addWidget(splitter, 1)
        self.tabs = QTabWidget()
        self.tabs.addTab(people, "")
        self.tabs.addTab(self.groups_view, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)

    def _connect(self) -> None:
        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda _: self.search_timer.start())
        self.search.returnPressed.connect(self.run_search)
        self.sort.currentIndexChanged.connect(lambda _: self.run_search())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.loading_changed.connect(lambda _: self._update_count())
        self.model.rowsInserted.connect(lambda *_: self._select_first_if_none())
        self.new_button.clicked.connect(self.new_citizen)
        self.import_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(self.export_file)
        self.merge_button.clicked.connect(self.merge_selected)
        self.profile.changed.connect(self.changed)
        self.profile.edit_requested.connect(self.edit_citizen)
        QShortcut(QKeySequence("Ctrl+Shift+N"), self, activated=self.new_citizen)

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("주민(고객)"))
        self.tabs.setTabText(0, self.tr("주민 목록"))
        self.tabs.setTabText(1, self.tr("고객집단"))
        self.search.setPlaceholderText(self.tr("이름(두 글자도), 전화 뒷자리, 주소·동으로 검색"))
        current = self.sort.currentData()
        self.sort.blockSignals(True)
        self.sort.clear()
        self.sort.addItem(self.tr("이름순"), "name")
        self.sort.addItem(self.tr("최근 수정순"), "recent")
        self.sort.setCurrentIndex(max(0, self.sort.findData(current or "name")))
        self.sort.blockSignals(False)
        self.new_button.setText(self.tr("새 주민 (Ctrl+Shift+N)"))
        self.import_button.setText(self.tr("가져오기…"))
        self.export_button.setText(self.tr("내보내기…"))
        self.merge_button.setText(self.tr("병합…"))
        self.merge_button.setToolTip(self.tr("목록에서 두 사람을 골라(Ctrl+클릭) 한 기록으로 합칩니다."))
        self.model.retranslate()
        self._update_count()

    # --- list -----------------------------------------------------------------------------
    def reload(self) -> None:
        ctx = self.ctx
        self.runner.run(lambda control: group_service.list_groups(ctx),
                        lambda groups: setattr(self, "groups", groups))
        self.run_search()
        self.groups_view.reload()

    def set_query(self, text: str) -> None:
        """Search from outside (the window's global search box)."""
        self.tabs.setCurrentIndex(0)
        self.search.setText(text)
        self.run_search()

    def run_search(self) -> None:
        self.search_timer.stop()
        ctx, query, sort = self.ctx, self.search.text(), self.sort.currentData() or "name"
        self.profile.clear()
        self.model.set_source(lambda after, limit: citizen_service.search(ctx, query, after, limit, sort))
        self.runner.run(lambda control: citizen_service.count(ctx), self._set_total, lambda error: None)

    def _set_total(self, total: int) -> None:
        self.total = total
        self._update_count()

    def _update_count(self) -> None:
        n = self.model.rowCount()
        more = self.model.canFetchMore() or self.model.is_loading()
        if n == 0 and not more:
            self.count_label.setText(self.tr("찾는 주민이 없습니다. 다른 검색어를 넣어 보십시오.")
                                     if self.search.text().strip() else
                                     self.tr("등록된 주민이 없습니다. [새 주민]이나 [가져오기…]로 시작하십시오."))
            return
        text = self.tr("{n}명 표시{more}").format(
            n=f"{n:,}", more=self.tr(" (아래로 내리면 더 불러옵니다)") if more else "")
        if self.total is not None:
            text = self.tr("전체 {total}명 중 ").format(total=f"{self.total:,}") + text
        self.count_label.setText(text)

    def _select_first_if_none(self) -> None:
        self._update_count()

    def _selection_changed(self, *_args) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.merge_button.setEnabled(len(rows) == 2)
        if len(rows) == 1:
            self.profile.load(self.model.row(rows[0].row()).id)

    def selected_ids(self) -> list[int]:
        return [self.model.row(i.row()).id for i in self.table.selectionModel().selectedRows()]

    # --- actions --------------------------------------------------------------------------
    def new_citizen(self) -> CitizenDialog:
        dialog = CitizenDialog(self.ctx, self.runner, self.groups, parent=self)
        self._open_dialog(dialog)
        return dialog

    def edit_citizen(self, citizen_id: int) -> None:
        ctx = self.ctx

        def open_dialog(data) -> None:
            citizen, group_ids = data
            self._open_dialog(CitizenDialog(ctx, self.runner, self.groups, citizen, group_ids, self))
        self.runner.run(lambda control: citizen_service.citizen_for_edit(ctx, citizen_id),
                        open_dialog, lambda error: dialogs.explain(self, self.tr("주민 정보"), error))

    def _open_dialog(self, dialog: CitizenDialog) -> None:
        self.dialog = dialog
        dialog.saved.connect(self._saved)
        dialog.open_existing.connect(self.profile.load)
        dialog.open()

    def _saved(self, citizen_id: int) -> None:
        self.changed.emit(frozenset({"citizens"}))
        self.run_search()
        self.profile.load(citizen_id)

    def merge_selected(self) -> None:
        from pcrm_desktop.ui.merge_dialog import MergeDialog
        ids = self.selected_ids()
        if len(ids) != 2:
            return
        self.dialog = MergeDialog(self.ctx, self.runner, ids[0], ids[1], self)
        self.dialog.merged.connect(self._saved)
        self.dialog.open()

    def import_file(self) -> None:
        from pcrm_desktop.ui.import_dialog import ImportDialog
        path = dialogs.ask_open_path(self, self.tr("주민 가져오기"),
                                     self.tr("표 파일 (*.csv *.xlsx);;모든 파일 (*)"))
        if path:
            self.dialog = ImportDialog(self.ctx, self.runner, path, self)
            self.dialog.imported.connect(lambda: self._saved_many())
            self.dialog.open()
            return self.dialog

    def _saved_many(self) -> None:
        self.changed.emit(frozenset({"citizens"}))
        self.run_search()
        self.groups_view.reload()

    def export_file(self) -> None:
        from pcrm_desktop.services.citizen_export import export_citizens
        path = dialogs.ask_save_path(self, self.tr("주민 내보내기"), "주민.xlsx",
                                     self.tr("엑셀 (*.xlsx);;CSV (*.csv)"))
        if not path:
            return
        ctx = self.ctx
        self.runner.run(lambda control: export_citizens(ctx, path), lambda result: dialogs.show_info(
            self, self.tr("주민 내보내기"), self.tr("{n}명을 내보냈습니다(이름·전화 가림): {path}").format(
                n=f"{result.rows:,}", path=result.path)),
            lambda error: dialogs.explain(self, self.tr("주민 내보내기"), error),
            label=self.tr("내보내는 중…"), parent=self)
