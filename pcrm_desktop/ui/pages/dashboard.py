"""대시보드: what the office has so far. Figures of later issues (민원, satisfaction) join here."""
from __future__ import annotations

from collections import Counter

from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
)

from pcrm_desktop.domain.office import Role
from pcrm_desktop.services import office as office_service
from pcrm_desktop.ui.labels import action_name, actor_name, role_name
from pcrm_desktop.ui.pages.base import Page, heading
from pcrm_desktop.ui.table_model import RowsModel


class Card(QFrame):
    def __init__(self, object_name: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.setStyleSheet(f"#{object_name} {{ background: #ffffff; border: 1px solid #c9d2de;"
                           " border-radius: 6px; }")
        self.title = QLabel()
        self.title.setStyleSheet("color: #4a5a6e; font-weight: bold;")
        self.value = QLabel("…")
        self.value.setObjectName(object_name + "Value")
        self.value.setStyleSheet("font-size: 140%; font-weight: bold; color: #1d2b3a;")
        self.value.setWordWrap(True)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #4a5a6e;")
        layout = QVBoxLayout(self)
        for widget in (self.title, self.value, self.detail):
            layout.addWidget(widget)
        layout.addStretch(1)


class DashboardPage(Page):
    depends_on = frozenset({"office", "departments", "staff"})

    def __init__(self, ctx, runner, database_label: str) -> None:
        super().__init__()
        self.ctx, self.runner, self.database_label = ctx, runner, database_label
        self.heading = heading()
        self.office_card = Card("officeCard")
        self.staff_card = Card("staffCard")
        self.database_card = Card("databaseCard")
        self.pending = QLabel()
        self.pending.setWordWrap(True)
        self.pending.setStyleSheet("color: #4a5a6e; padding: 6px 0;")
        self.activity_title = QLabel()
        self.activity_title.setStyleSheet("font-weight: bold;")
        self.activity = RowsModel([
            (lambda: self.tr("일시"), lambda r: r.at), (lambda: self.tr("사용자"), lambda r: actor_name(r.actor)),
            (lambda: self.tr("작업"), lambda r: action_name(r.action)), (lambda: self.tr("대상"), lambda r: r.target),
            (lambda: self.tr("내용"), lambda r: r.detail)])
        self.table = QTableView()
        self.table.setObjectName("activityTable")
        self.table.setModel(self.activity)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        cards = QGridLayout()
        for column, card in enumerate((self.office_card, self.staff_card, self.database_card)):
            cards.addWidget(card, 0, column)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(cards)
        layout.addWidget(self.pending)
        layout.addWidget(self.activity_title)
        layout.addWidget(self.table, 1)
        self._data = None
        self.retranslate_ui()
        self.reload()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("대시보드"))
        self.office_card.title.setText(self.tr("기관"))
        self.staff_card.title.setText(self.tr("직원"))
        self.database_card.title.setText(self.tr("데이터베이스"))
        self.pending.setText(self.tr("오늘의 민원 접수·처리, 기한 임박, 만족도 추이는 민원과 만족도 조사 기능이 "
                                     "추가되면 이 화면에 표시됩니다."))
        self.activity_title.setText(self.tr("최근 활동 (감사 기록)"))
        self.activity.retranslate()
        if self._data is not None:
            self._show(self._data)

    def reload(self) -> None:
        ctx = self.ctx
        self.runner.run(lambda control: (office_service.overview(ctx),
                                         office_service.recent_activity(ctx, 30)), self._show)

    def _show(self, data) -> None:
        self._data = data
        overview, activity = data
        profile = overview.profile
        self.office_card.value.setText(profile.name if profile else "—")
        hours = profile.hours if profile else None
        self.office_card.detail.setText(
            self.tr("업무 시간 {start}–{end} · 부서 {n}개").format(
                start=hours.start.strftime("%H:%M"), end=hours.end.strftime("%H:%M"),
                n=len(overview.departments)) if hours else "")
        active = [m for m in overview.staff if m.active]
        self.staff_card.value.setText(self.tr("{n}명").format(n=len(active)))
        roles = Counter(m.role for m in active)
        self.staff_card.detail.setText(" · ".join(f"{role_name(r)} {roles[r]}" for r in Role if roles[r]))
        folder, _, file_name = self.database_label.replace("\\", "/").rpartition("/")
        self.database_card.value.setText(file_name or self.database_label)
        self.database_card.detail.setText(self.tr("로컬 SQLite 파일 · 폴더: {folder}").format(folder=folder))
        self.database_card.setToolTip(self.database_label)
        self.activity.set_rows(activity)
