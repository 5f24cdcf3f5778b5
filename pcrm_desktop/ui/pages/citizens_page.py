"""주민(고객): search as you type, a lazily loaded list sorted in SQL, the profile beside it,
and the customer groups with their profiles."""
from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.domain.groups import GroupKind, SearchRule
from pcrm_desktop.domain.privacy import EXPORT_UNMASKED_ROLES
from pcrm_desktop.services import citizens as citizen_service
from pcrm_desktop.services import groups as group_service
from pcrm_desktop.ui import dialogs
from pcrm_desktop.ui.citizen_dialog import CitizenDialog
from pcrm_desktop.ui.citizen_profile import ProfilePanel
from pcrm_desktop.ui.column_fit import FittedTable, content, fit_columns, stretch, text
from pcrm_desktop.ui.combo import refill
from pcrm_desktop.ui.fitting import AdaptiveSplitter
from pcrm_desktop.ui.lazy_model import LazyRowsModel
from pcrm_desktop.ui.pages.base import Page, heading
from pcrm_desktop.ui.pages.groups_view import GroupsView
from pcrm_desktop.ui.search_field import SearchField

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
        self.search = SearchField()  # searches with the syllable being composed
        self.search.setObjectName("citizenSearch")
        self.search.setClearButtonEnabled(True)
        self.sort = QComboBox()
        self.sort.setObjectName("citizenSort")
        self.new_button, self.import_button = QPushButton(), QPushButton()
        self.export_button, self.merge_button = QPushButton(), QPushButton()
        self.group_filter, self.dong_filter = QComboBox(), QComboBox()
        self.group_filter.setObjectName("groupFilter")
        self.dong_filter.setObjectName("dongFilter")
        for combo, letters in ((self.group_filter, 12), (self.dong_filter, 10)):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(letters)
        self.age_from, self.age_to = QSpinBox(), QSpinBox()
        for box, name in ((self.age_from, "ageFrom"), (self.age_to, "ageTo")):
            box.setObjectName(name)
            box.setRange(-1, 120)
            box.setValue(-1)  # -1 shows as "-": no bound
        self.age_label, self.age_dash = QLabel(), QLabel("~")
        self.clear_filters_button, self.save_search_button = QPushButton(), QPushButton()
        self.save_search_button.setObjectName("saveSearch")
        self.dongs: list[tuple[str, int]] = []
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
        self.table = FittedTable()  # the profile goes below it when its columns need the room
        self.table.setObjectName("citizenTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        # a lazy list cannot measure what it has not loaded: widths from the values' shapes,
        # the name, year and phone whole, the 동 shortened when short of room, the address
        # taking the rest (column_fit.py; the whole text in a cell's tooltip)
        fit_columns(self.table, [content("남궁**수"), content("0000"), content("010-****-0000"),
                                 text("청운효자동"), stretch("서울특별시 종로구 자하문로 92")])
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
        # two rows, so that the list may be narrower than all the filters side by side
        filters, more_filters = QHBoxLayout(), QHBoxLayout()
        filters.addWidget(self.group_filter, 2)
        filters.addWidget(self.dong_filter, 1)
        for widget in (self.age_label, self.age_from, self.age_dash, self.age_to):
            more_filters.addWidget(widget)
        more_filters.addStretch(1)
        more_filters.addWidget(self.clear_filters_button)
        more_filters.addWidget(self.save_search_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addLayout(more_filters)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.count_label)
        self.splitter = splitter = AdaptiveSplitter()  # one above the other at 150 % text
        splitter.addWidget(left)
        splitter.addWidget(self.profile)
        # the profile is where the clerk works (timeline, consultations): it gets the larger share
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
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

    _split_shared = False  # the list/profile split is set once, when the page first has its size

    def showEvent(self, event) -> None:  # noqa: N802 - Qt's name
        super().showEvent(event)
        if not self._split_shared:
            self._split_shared = True
            QTimer.singleShot(0, self._share_split)

    def _share_split(self) -> None:
        """Two fifths for the list, three for the profile: at 1366×768 the timeline's 내용 and
        the consultation box stay readable (the splitter alone would follow the list's wide hint).
        The list never less than its columns need at their narrowest (its natural width)."""
        total = sum(self.splitter.sizes())
        if total > 0 and self.splitter.orientation() == Qt.Orientation.Horizontal:
            first = min(max(total * 2 // 5, self.splitter.widget(0).sizeHint().width()), total)
            self.splitter.setSizes([first, total - first])

    def _connect(self) -> None:
        self.search_timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.run_search)
        self.search.searchTextChanged.connect(lambda _: self.search_timer.start())
        self.search.commit_on_click(self.table)  # a click on a row while composing selects it
        self.search.returnPressed.connect(self.run_search)
        self.sort.currentIndexChanged.connect(lambda _: self.run_search())
        for combo in (self.group_filter, self.dong_filter):
            combo.currentIndexChanged.connect(lambda _: self.run_search())
        for box in (self.age_from, self.age_to):
            box.valueChanged.connect(lambda _: self.search_timer.start())
        self.clear_filters_button.clicked.connect(self.clear_filters)
        self.save_search_button.clicked.connect(self.save_search)
        self.groups_view.show_members.connect(self.show_group)
        self.groups_view.changed.connect(self._groups_changed)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.loading_changed.connect(lambda _: self._update_count())
        self.model.rowsInserted.connect(lambda *_: self._rows_arrived())
        self.new_button.clicked.connect(self.new_citizen)
        self.import_button.clicked.connect(self.import_file)
        self.export_button.clicked.connect(self.export_file)
        self.merge_button.clicked.connect(self.merge_selected)
        self.profile.changed.connect(self.changed)
        self.profile.edit_requested.connect(self.edit_citizen)
        # Ctrl+Shift+N is the main window's (it works from every page and opens this form)

    def retranslate_ui(self) -> None:
        self.search.setAccessibleName(self.tr("주민 찾기"))
        self.table.setAccessibleName(self.tr("주민 목록"))
        self.sort.setAccessibleName(self.tr("정렬"))
        self.group_filter.setAccessibleName(self.tr("고객집단"))
        self.dong_filter.setAccessibleName(self.tr("동"))
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
        self.age_label.setText(self.tr("나이"))
        for box in (self.age_from, self.age_to):
            box.setSpecialValueText(self.tr("-"))
            box.setToolTip(self.tr("올해 연도에서 출생연도를 뺀 나이. '-'는 제한 없음"))
        self.clear_filters_button.setText(self.tr("조건 지우기"))
        self.save_search_button.setText(self.tr("검색 저장…"))
        self.save_search_button.setToolTip(self.tr(
            "지금의 검색어와 조건을 '저장한 검색'(스마트 집단)으로 남깁니다. 고객집단 탭에서 인원과 구성을 봅니다."))
        self._fill_filters()
        self.model.retranslate()
        self._update_count()

    # --- list -----------------------------------------------------------------------------
    _reselect: int | None = None  # after a reload: the resident to choose again when listed

    def reload(self) -> None:
        """After a change (a consultation saved, an edit): the list again, with the resident
        who was chosen chosen again (its profile stays on screen)."""
        chosen = self.selected_ids()
        ctx = self.ctx
        self.runner.run(lambda control: group_service.list_groups(ctx), self._set_groups)
        self.runner.run(lambda control: citizen_service.dong_names(ctx), self._set_dongs,
                        lambda error: None)
        self.run_search()
        self._reselect = chosen[0] if len(chosen) == 1 else None  # the rows arrive later
        self.groups_view.reload()

    def _set_groups(self, groups: list) -> None:
        self.groups = groups
        self._fill_filters()

    def _set_dongs(self, dongs: list[tuple[str, int]]) -> None:
        self.dongs = dongs
        self._fill_filters()

    def _fill_filters(self) -> None:
        """Group and 동 choices; the chosen ones are kept (refill). A choice that is gone
        (a removed saved search) falls back to "all", and the list is searched again."""
        before = self.current_rule()
        with QSignalBlocker(self.group_filter), QSignalBlocker(self.dong_filter):
            plain = [g for g in self.groups if g.kind is not GroupKind.SMART]
            smart = [g for g in self.groups if g.kind is GroupKind.SMART]
            refill(self.group_filter, [("", self.tr("모든 고객집단"))]
                   + [(g.code, g.name) for g in plain]
                   + [(g.code, self.tr("저장한 검색: {name}").format(name=g.name)) for g in smart])
            refill(self.dong_filter, [("", self.tr("모든 동"))]
                   + [(name, self.tr("{dong} ({n}명)").format(dong=name, n=f"{n:,}"))
                      for name, n in self.dongs])
        if self.groups and self.current_rule() != before:
            self.run_search()

    def current_rule(self) -> SearchRule:
        """The filter row as a rule (without the search text)."""
        code = self.group_filter.currentData() or ""
        low, high = self.age_from.value(), self.age_to.value()
        return SearchRule(dong_name=self.dong_filter.currentData() or "",
                          group_codes=(code,) if code else (),
                          min_age=low if low >= 0 else None, max_age=high if high >= 0 else None)

    def clear_filters(self) -> None:
        with QSignalBlocker(self.group_filter), QSignalBlocker(self.dong_filter), \
                QSignalBlocker(self.age_from), QSignalBlocker(self.age_to):
            self.group_filter.setCurrentIndex(0)
            self.dong_filter.setCurrentIndex(0)
            self.age_from.setValue(-1)
            self.age_to.setValue(-1)
        self.run_search()

    def show_group(self, code: str) -> None:
        """The resident list filtered by one group alone (from the groups tab)."""
        self.tabs.setCurrentIndex(0)
        index = self.group_filter.findData(code)
        if index < 0:
            return
        with QSignalBlocker(self.search), QSignalBlocker(self.group_filter), \
                QSignalBlocker(self.dong_filter), QSignalBlocker(self.age_from), \
                QSignalBlocker(self.age_to):
            self.search.clear()
            self.group_filter.setCurrentIndex(index)
            self.dong_filter.setCurrentIndex(0)
            self.age_from.setValue(-1)
            self.age_to.setValue(-1)
        self.run_search()

    def save_search(self) -> None:
        rule = self.current_rule()
        rule = SearchRule(self.search.search_text().strip(), rule.dong_name, rule.group_codes,
                          rule.min_age, rule.max_age)
        title = self.tr("검색 저장")
        if rule.empty:
            dialogs.show_info(self, title, self.tr(
                "저장할 검색 조건이 없습니다. 검색어를 넣거나 동·고객집단·나이를 고른 뒤 저장하십시오."))
            return
        name = dialogs.ask_text(self, title, self.tr("이 검색의 이름 (예: 청운동 어르신)"))
        if not name:
            return
        ctx = self.ctx
        self.runner.run(lambda control: group_service.save_smart_group(ctx, name, rule),
                        self._groups_changed,
                        lambda error: dialogs.explain(self, title, error))

    def _groups_changed(self, changes=frozenset({"groups"})) -> None:
        self.changed.emit(changes)  # the window passes it back: on_changes → reload()

    def set_query(self, text: str) -> None:
        """Search from outside (the window's global search box)."""
        self.tabs.setCurrentIndex(0)
        self.search.setText(text)
        self.run_search()

    def run_search(self) -> None:
        self.search_timer.stop()
        ctx, query, sort = self.ctx, self.search.search_text(), self.sort.currentData() or "name"
        rule = self.current_rule()
        self._reselect = None
        self.profile.clear()
        self.model.set_source(lambda after, limit: citizen_service.search(ctx, query, after, limit,
                                                                          sort, rule))
        self.runner.run(lambda control: citizen_service.count(ctx), self._set_total, lambda error: None)

    def _set_total(self, total: int) -> None:
        self.total = total
        self._update_count()

    def _update_count(self) -> None:
        n = self.model.rowCount()
        more = self.model.canFetchMore() or self.model.is_loading()
        if n == 0 and not more:
            narrowed = bool(self.search.search_text().strip()) or not self.current_rule().empty
            self.count_label.setText(self.tr("찾는 주민이 없습니다. 다른 검색어를 넣거나 조건을 지워 보십시오.")
                                     if narrowed else
                                     self.tr("등록된 주민이 없습니다. [새 주민]이나 [가져오기…]로 시작하십시오."))
            return
        text = self.tr("{n}명 표시{more}").format(
            n=f"{n:,}", more=self.tr(" (아래로 내리면 더 불러옵니다)") if more else "")
        if self.total is not None:
            text = self.tr("전체 {total}명 중 ").format(total=f"{self.total:,}") + text
        self.count_label.setText(text)

    def _rows_arrived(self) -> None:
        self._update_count()
        keep, self._reselect = self._reselect, None
        if keep is not None:
            found = next((i for i, row in enumerate(self.model.rows()) if row.id == keep), None)
            if found is not None:
                self.table.selectRow(found)

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
        """Masked by default; a manager or admin may export full values. Either way the file
        holds personal data (addresses, memos), so a reason is asked and goes with the export
        to the access log."""
        from pcrm_desktop.services.citizen_export import export_citizens
        title = self.tr("주민 내보내기")
        unmasked = False
        if self.ctx.actor.role in EXPORT_UNMASKED_ROLES:
            choice = dialogs.ask_choice(self, title, self.tr(
                "이름·전화·전자우편을 가려서 내보낼까요? 어느 쪽이든 사유와 함께 접속기록에 남습니다."),
                [("masked", self.tr("가려서 내보내기")), ("full", self.tr("전체 값으로 내보내기…"))])
            if choice is None:
                return
            unmasked = choice == "full"
        reason = dialogs.ask_reason(self, title, self.tr(
            "전체 값을 내보내는 사유 (예: 복지 대상자 명단 제출)") if unmasked else self.tr(
            "내보내는 사유 (예: 복지 대상자 명단 제출)"))
        if reason is None:
            return
        path = dialogs.ask_save_path(self, title, "주민.xlsx", self.tr("엑셀 (*.xlsx);;CSV (*.csv)"))
        if not path:
            return
        ctx = self.ctx
        done = (self.tr("{n}명을 내보냈습니다(전체 값, 기록됨): {path}") if unmasked
                else self.tr("{n}명을 내보냈습니다(이름·전화 가림): {path}"))
        self.runner.run(lambda control: export_citizens(ctx, path, unmasked, reason),
                        lambda result: dialogs.show_info(self, title, done.format(
                            n=f"{result.rows:,}", path=result.path)),
                        lambda error: dialogs.explain(self, title, error),
                        label=self.tr("내보내는 중…"), parent=self)
