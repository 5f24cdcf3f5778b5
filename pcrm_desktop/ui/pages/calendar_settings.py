"""설정 > 민원 기한: the holiday calendar of a year (seeded from the holidays package, with the
office's temporary holidays), the default period of each 민원 type and category (a number and its
unit: 일, or 주·개월·년 counted by the calendar, 법 제19조③), and which day is day 1 of
a period in days received after office hours (the law's text, or the next working day). Changes move the due
dates of open 민원 and are recorded in the access log; only managers and admins make them."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.domain.deadlines import AfterHours
from pcrm_desktop.domain.messages import with_particles
from pcrm_desktop.services import calendar
from pcrm_desktop.ui import dialogs
from pcrm_desktop.ui.column_fit import FittedTable, content, fit_columns, stretch, text
from pcrm_desktop.ui.complaint_labels import day_label, type_name
from pcrm_desktop.ui.fitting import DownwardScroll, FlowRow, SideBySide
from pcrm_desktop.ui.i18n import Retranslatable
from pcrm_desktop.ui.period_edit import PeriodEdit
from pcrm_desktop.ui.table_model import RowsModel


class HolidayTable(FittedTable):
    """The days off, never narrower than their columns need at the least: the rules beside
    them go below (SideBySide) rather than squeeze the list into a sideways scroll."""

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        return QSize(max(hint.width(), self.sizeHint().width()), hint.height())


class CalendarSettings(Retranslatable, QWidget):
    changed = Signal(object)

    def __init__(self, ctx, runner) -> None:
        super().__init__()
        self.ctx, self.runner = ctx, runner
        self.may_change = ctx.actor.role in calendar.CALENDAR_ROLES
        self._build_holidays()
        self._build_rules()
        self._lay_out()
        for widget in (self.add_button, self.remove_button, self.save_types, self.name, self.day):
            widget.setEnabled(self.may_change)
        self.year.currentIndexChanged.connect(lambda _: self.reload())
        self.add_button.clicked.connect(self.add_holiday)
        self.remove_button.clicked.connect(self.toggle_selected)
        self.save_types.clicked.connect(self.save_periods)
        self.retranslate_ui()

    def _build_holidays(self) -> None:
        """The year's days off: the year, the list, and a day to add or switch."""
        ctx = self.ctx
        self.year = QComboBox()
        self.year.setObjectName("holidayYear")
        this_year = ctx.clock().year
        for year in range(this_year - 2, this_year + 3):
            self.year.addItem(str(year), year)
        self.year.setCurrentIndex(self.year.findData(this_year))
        self.holidays = RowsModel([
            (lambda: self.tr("날짜"), lambda r: day_label(r["day"])),
            (lambda: self.tr("이름"), lambda r: r["name"]),
            (lambda: self.tr("출처"), lambda r: self.tr("기본 공휴일 목록") if r["source"] == "package"
             else self.tr("직원 추가")),
            (lambda: self.tr("상태"), lambda r: self.tr("쉬는 날") if r["active"] else self.tr("근무일로 바꿈"))])
        self.table = HolidayTable()
        self.table.setObjectName("holidayTable")
        self.table.setModel(self.holidays)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        # the date and the state whole, the source shortened when short of room, the name
        # taking the rest (column_fit.py; the whole text in a cell's tooltip)
        fit_columns(self.table, [
            content(lambda: day_label(date(2026, 11, 25))),  # a Wednesday: the widest weekday in English
            stretch("개천절 대체 휴일"),
            text(lambda: [self.tr("기본 공휴일 목록"), self.tr("직원 추가")]),
            content(lambda: [self.tr("쉬는 날"), self.tr("근무일로 바꿈")])])
        self.day = QDateEdit(QDate.currentDate())
        self.day.setObjectName("holidayDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        self.name = QLineEdit()
        self.name.setObjectName("holidayName")
        self.add_button, self.remove_button = QPushButton(), QPushButton()
        self.add_button.setObjectName("addHoliday")
        self.remove_button.setObjectName("removeHoliday")

    def _build_rules(self) -> None:
        """The periods per type (one row per type, rebuilt on reload), the status and the note."""
        self.types_box = QGroupBox()
        self.type_rows: dict[str, PeriodEdit] = {}
        self.types_layout = QVBoxLayout()  # one row per type, rebuilt on reload
        self.save_types = QPushButton()
        self.save_types.setObjectName("saveTypePeriods")
        box_layout = QVBoxLayout(self.types_box)
        box_layout.addLayout(self.types_layout)
        box_layout.addWidget(self.save_types)
        self.status = QLabel()
        self.status.setObjectName("calendarStatus")
        self.status.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #4a5a6e;")

    def _lay_out(self) -> None:
        # the new day off (date and name) on one line, the buttons going on to the next when
        # the line is short of room (150 % text)
        add_row = QHBoxLayout()
        add_row.addWidget(self.day)
        add_row.addWidget(self.name, 1)
        self.name.setMinimumWidth(self.name.fontMetrics().averageCharWidth() * 12)
        add_row.addWidget(FlowRow([self.add_button, self.remove_button]), 1)
        top = QHBoxLayout()
        self.year_label = QLabel()
        top.addWidget(self.year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        left_part = QWidget()
        left = QVBoxLayout(left_part)
        left.setContentsMargins(0, 0, 0, 0)
        left.addLayout(top)
        left.addWidget(self.table, 1)
        left.addLayout(add_row)
        right_column = QWidget()
        right = QVBoxLayout(right_column)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(self._after_hours_box())
        right.addWidget(self.types_box)
        right.addWidget(self._category_box(), 1)
        # at large text the three boxes scroll down rather than squeeze each other, and go
        # below the days off when the two do not fit side by side
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(SideBySide(left_part, DownwardScroll(right_column, "calendarRules"), (3, 2)), 1)
        layout.addWidget(self.status)

    def _after_hours_box(self) -> QGroupBox:
        self.after_hours_box = QGroupBox()
        self.after_hours = QComboBox()
        self.after_hours.setObjectName("afterHoursRule")
        for rule in AfterHours:
            self.after_hours.addItem("", rule.value)  # a str enum would come back as str
        self.after_hours_note = QLabel()
        self.after_hours_note.setWordWrap(True)
        self.after_hours_note.setStyleSheet("color: #4a5a6e;")
        self.save_after_hours = QPushButton()
        self.save_after_hours.setObjectName("saveAfterHours")
        row = QHBoxLayout()
        row.addWidget(self.after_hours, 1)
        row.addWidget(self.save_after_hours)
        box = QVBoxLayout(self.after_hours_box)
        box.addLayout(row)
        box.addWidget(self.after_hours_note)
        for widget in (self.after_hours, self.save_after_hours):
            widget.setEnabled(self.may_change)
        self.save_after_hours.clicked.connect(self.save_after_hours_rule)
        return self.after_hours_box

    def _show_after_hours(self, rule: AfterHours) -> None:
        self.after_hours.setCurrentIndex(self.after_hours.findData(AfterHours(rule).value))

    def save_after_hours_rule(self) -> None:
        ctx, rule = self.ctx, AfterHours(self.after_hours.currentData())
        self._write(lambda: calendar.set_after_hours_rule(ctx, rule),
                    self.tr("근무시간 뒤 접수 규칙을 저장했습니다. 진행 중인 민원의 처리기한을 다시 계산했습니다."))

    def _category_box(self) -> QGroupBox:
        self.categories_box = QGroupBox()
        self.tree = QTreeWidget()
        self.tree.setObjectName("categoryTree")
        self.tree.setColumnCount(2)
        self.category_name = QLineEdit()
        self.category_name.setObjectName("categoryName")
        self.category_period = PeriodEdit(self.tr("분류"), self.tr("종류 따름"))
        self.category_days = self.category_period.amount
        self.category_days.setObjectName("categoryDays")
        self.category_period.unit.setObjectName("categoryPeriodUnit")
        self.category_buttons = {key: QPushButton() for key in ("top", "child", "rename", "period", "retire")}
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        row1.addWidget(self.category_name, 1)
        for key in ("top", "child", "rename"):
            row1.addWidget(self.category_buttons[key])
        row2.addWidget(self.category_period)
        for key in ("period", "retire"):
            row2.addWidget(self.category_buttons[key])
        row2.addStretch(1)
        box = QVBoxLayout(self.categories_box)
        box.addWidget(self.tree, 1)
        box.addLayout(row1)
        box.addLayout(row2)
        for key, button in self.category_buttons.items():
            button.setObjectName(f"category_{key}")
            button.setEnabled(self.may_change)
            button.clicked.connect(lambda _=False, k=key: self.category_action(k))
        self.tree.currentItemChanged.connect(lambda item, _: self._category_chosen(item))
        return self.categories_box

    def _category_chosen(self, item) -> None:
        if item is None:
            return
        row = item.data(0, Qt.ItemDataRole.UserRole)
        self.category_name.setText(row["name"])
        self.category_period.set_setting(row["period_days"], row["period_unit"])

    def _show_categories(self, rows: list[dict]) -> None:
        self.tree.clear()
        parents = {}
        for row in rows:
            text = self._period_text(row["period_days"], row["period_unit"])
            if row["parent_id"] is None:
                item = QTreeWidgetItem(self.tree, [row["name"], text])
                parents[row["id"]] = item
            else:
                item = QTreeWidgetItem(parents.get(row["parent_id"], self.tree), [row["name"], text])
            item.setData(0, Qt.ItemDataRole.UserRole, row)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)

    def _period_text(self, amount: int | None, unit: str) -> str:
        if amount is None:
            return ""
        if amount == 0:
            return self.tr("즉시")
        return {"weeks": self.tr("{n}주"), "months": self.tr("{n}개월"),
                "years": self.tr("{n}년")}.get(unit, self.tr("{days}일")).format(n=amount, days=amount)

    def category_action(self, key: str) -> None:
        from pcrm_desktop.services import categories
        ctx, name = self.ctx, self.category_name.text()
        item = self.tree.currentItem()
        row = item.data(0, Qt.ItemDataRole.UserRole) if item is not None else None
        if key != "top" and row is None:
            self.status.setText(self.tr("분류를 먼저 고르십시오."))
            return
        days, unit = self.category_period.setting()
        parent = row and (row["parent_id"] or row["id"])
        work = {"top": lambda: categories.add_category(ctx, name),
                "child": lambda: categories.add_category(ctx, name, parent),
                "rename": lambda: categories.rename_category(ctx, row["id"], name),
                "period": lambda: categories.set_category_period(ctx, row["id"], days, unit),
                "retire": lambda: categories.retire_category(ctx, row["id"])}[key]
        self._write(work, self.tr("분류를 바꿨습니다."))

    def retranslate_ui(self) -> None:
        self.year.setAccessibleName(self.tr("연도"))
        self.table.setAccessibleName(self.tr("쉬는 날 목록"))
        self.day.setAccessibleName(self.tr("쉬는 날 날짜"))
        self.name.setAccessibleName(self.tr("쉬는 날 이름"))
        self.after_hours.setAccessibleName(self.tr("업무시간 뒤 접수"))
        self.category_name.setAccessibleName(self.tr("새 분류 이름"))
        self.after_hours_box.setTitle(self.tr("근무시간 뒤 접수 (처리기간 6일 이상)"))
        for index, caption in enumerate((self.tr("접수일을 1일째로 셈 (법 제19조② 문언, 기본)"),
                                         self.tr("다음 근무일을 1일째로 셈 (기관 선택)"))):
            self.after_hours.setItemText(index, caption)
        self.save_after_hours.setText(self.tr("규칙 저장"))
        self.after_hours_note.setText(self.tr(
            "법 제19조②는 6일 이상을 “첫날을 산입”해 세며 접수 시각의 예외가 없습니다(18:00 뒤 접수도 "
            "접수일이 1일째). 바꾸면 진행 중인 민원의 처리기한을 다시 계산합니다."))
        self.categories_box.setTitle(self.tr("민원 분류 (처리기간을 따로 주면 종류보다 앞섬)"))
        self.tree.setHeaderLabels([self.tr("분류"), self.tr("처리기간")])
        self.category_name.setPlaceholderText(self.tr("분류 이름"))
        self.category_period.set_texts(self.tr("분류"), self.tr("종류 따름"))
        for code, edit in self.type_rows.items():
            edit.set_texts(type_name(code), self.tr("사무별로 정함"))
        for key, caption in (("top", self.tr("큰 분류 추가")), ("child", self.tr("하위 분류 추가")),
                             ("rename", self.tr("이름 바꾸기")), ("period", self.tr("처리기간 저장")),
                             ("retire", self.tr("사용 중지"))):
            self.category_buttons[key].setText(caption)
        self.note.setText(self.tr(
            "토·일요일과 아래의 쉬는 날은 처리기간에 세지 않습니다. 해마다 처음 쓸 때 기본 공휴일 목록(설날·추석·"
            "대체공휴일·선거일)로 채워지며, 임시공휴일을 더하거나 날을 근무일로 바꾸면 진행 중인 민원의 처리기한을 "
            "다시 계산합니다(연장한 민원은 알린 기한 그대로). 바꾸는 일은 팀장·관리자만 할 수 있고 기록됩니다."))
        self.year_label.setText(self.tr("연도"))
        self.name.setPlaceholderText(self.tr("이름 (예: 임시공휴일)"))
        self.add_button.setText(self.tr("쉬는 날 추가"))
        self.remove_button.setText(self.tr("근무일로 바꾸기 / 되돌리기"))
        self.types_box.setTitle(self.tr("민원 종류별 처리기간 (일·주·개월·년, 0일 = 즉시)"))
        self.save_types.setText(self.tr("처리기간 저장"))
        self.holidays.retranslate()

    def reload(self) -> None:
        ctx, year = self.ctx, self.year.currentData()
        self.runner.run(lambda control: calendar.year_entries(ctx, year), self._show_holidays,
                        lambda error: dialogs.explain(self, self.tr("쉬는 날"), error))
        self.runner.run(lambda control: calendar.complaint_types(ctx), self._show_types,
                        lambda error: None)
        self.runner.run(lambda control: calendar.after_hours_rule(ctx), self._show_after_hours,
                        lambda error: None)
        from pcrm_desktop.services import complaints
        self.runner.run(lambda control: complaints.categories(ctx), self._show_categories,
                        lambda error: None)

    def _show_holidays(self, entries: list[dict]) -> None:
        self.holidays.set_rows(entries)

    def _show_types(self, types: list[dict]) -> None:
        while self.types_layout.count():
            item = self.types_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
            elif item.layout():
                while item.layout().count():
                    inner = item.layout().takeAt(0)
                    if inner.widget():
                        inner.widget().deleteLater()
        self.type_rows = {}
        for row in types:
            line = QHBoxLayout()
            label = QLabel(type_name(row["code"]))
            period = PeriodEdit(type_name(row["code"]), self.tr("사무별로 정함"))
            period.amount.setObjectName(f"period_{row['code']}")
            period.unit.setObjectName(f"periodUnit_{row['code']}")
            period.set_setting(row["period_days"], row["period_unit"])
            period.setEnabled(self.may_change)
            label.setBuddy(period.amount)
            line.addWidget(label, 1)
            line.addWidget(period)
            self.types_layout.addLayout(line)
            self.type_rows[row["code"]] = period
        # rows made after the page: put them where they are read, between the rule and 저장
        previous = self.save_after_hours
        for widget in [w for edit in self.type_rows.values() for w in (edit.amount, edit.unit)]:
            QWidget.setTabOrder(previous, widget)
            previous = widget
        QWidget.setTabOrder(previous, self.save_types)

    def _selected(self) -> dict | None:
        index = self.table.selectionModel().currentIndex()
        return self.holidays.row(index.row()) if index.isValid() else None

    def add_holiday(self) -> None:
        ctx, day, name = self.ctx, self.day.date().toPython(), self.name.text()
        self._write(lambda: calendar.add_holiday(ctx, day, name),
                    with_particles(self.tr("{day}을(를) 쉬는 날로 추가했습니다.").format(day=day)))

    def toggle_selected(self) -> None:
        entry = self._selected()
        if entry is None:
            return
        ctx, day, name = self.ctx, entry["day"], entry["name"]
        if entry["active"]:
            self._write(lambda: calendar.remove_holiday(ctx, day),
                        with_particles(self.tr("{day}을(를) 근무일로 바꿨습니다.").format(day=day)))
        else:
            self._write(lambda: calendar.add_holiday(ctx, day, name),
                        with_particles(self.tr("{day}을(를) 다시 쉬는 날로 했습니다.").format(day=day)))

    def save_periods(self) -> None:
        ctx = self.ctx
        wanted = {code: edit.setting() for code, edit in self.type_rows.items()}

        def save():
            changes = frozenset()
            current = {t["code"]: (t["period_days"], t["period_unit"])
                       for t in calendar.complaint_types(ctx)}
            for code, (days, unit) in wanted.items():
                if current.get(code) != (days, unit.value):
                    changes |= calendar.set_type_period(ctx, code, days, unit)
            return changes
        self._write(save, self.tr("처리기간을 저장했습니다. 새로 접수하는 민원부터 적용됩니다."))

    def _write(self, fn, done_text: str) -> None:
        def done(changes) -> None:
            self.status.setText(done_text)
            self.name.clear()
            self.changed.emit(changes or frozenset({"holidays"}))
            self.reload()
        self.runner.run(lambda control: fn(), done,
                        lambda error: dialogs.explain(self, self.tr("민원 기한"), error))
