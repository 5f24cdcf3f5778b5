"""대시보드, the first page: today's 민원 (received, finished, due today, overdue, my queue),
this month's satisfaction against last month's with n and whether the change is real, the
open improvement actions, and a 12-month trend. Every figure opens the list behind it.

The page shows at once with empty cards; today's counts come first (cheap, on indexes), the
trend after, both from the task lane: the window never waits for them."""
from __future__ import annotations

from collections import Counter

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.domain.office import Role
from pcrm_desktop.services import office as office_service
from pcrm_desktop.ui.labels import action_name, actor_name, audit_detail, role_name, target_name
from pcrm_desktop.ui.pages.base import Page, heading
from pcrm_desktop.ui.table_model import RowsModel


class Card(QFrame):
    clicked = Signal()

    def __init__(self, object_name: str, clickable: bool = False) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.clickable = clickable
        hover = (f"#{object_name}:hover {{ border-color: #1f5fa8; }}"
                 f" #{object_name}:focus {{ border: 2px solid #1f5fa8; }}") if clickable else ""
        self.setStyleSheet(f"#{object_name} {{ background: #ffffff; border: 1px solid #c9d2de;"
                           f" border-radius: 6px; }} {hover}")
        if clickable:  # a figure that opens its list: by mouse, and by Tab then Enter or Space
            self.setCursor(Qt.CursorShape.PointingHandCursor)
            self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
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

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.clickable and event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if self.clickable and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.clicked.emit()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: N802 - Qt's name
        # what a screen reader says on arriving: the figure's name, then its value
        self.setAccessibleName(self.title.text())
        self.setAccessibleDescription(f"{self.value.text()} {self.detail.text()}".strip())
        super().focusInEvent(event)


class TrendChart(QWidget):
    """Twelve months in small: bars for 민원 received, a line for satisfaction (only months
    with n ≥ 30 get a point)."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("dashboardTrend")
        self.points: list = []
        self.setMinimumHeight(150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set_points(self, points: list) -> None:
        self.points = points
        self.update()

    def paintEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if not self.points:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        left, right, top, bottom = 8, 8, 18, 22
        width = self.width() - left - right
        height = self.height() - top - bottom
        step = width / len(self.points)
        most = max(p.received for p in self.points) or 1
        for n, p in enumerate(self.points):
            x = left + n * step
            bar = height * p.received / most
            painter.fillRect(QRectF(x + step * 0.2, top + height - bar, step * 0.6, bar), QColor("#b7c6d9"))
            painter.setPen(QPen(QColor("#4a5a6e")))
            painter.drawText(QRectF(x, top + height + 2, step, 18), Qt.AlignmentFlag.AlignCenter,
                             f"{p.month:%m}")
            painter.drawText(QRectF(x, top + height - bar - 16, step, 14), Qt.AlignmentFlag.AlignCenter,
                             f"{p.received:,}" if step > 40 else "")
        line = [(left + n * step + step / 2, top + height * (1 - p.satisfaction.value / 100))
                for n, p in enumerate(self.points) if p.satisfaction.shown]
        painter.setPen(QPen(QColor("#1f5fa8"), 2))
        for (x1, y1), (x2, y2) in zip(line, line[1:]):
            painter.drawLine(int(x1), int(y1), int(x2), int(y2))
        for x, y in line:
            painter.drawEllipse(QRectF(x - 3, y - 3, 6, 6))
        painter.end()


class DashboardPage(Page):
    depends_on = frozenset({"office", "departments", "staff", "complaints", "surveys", "actions",
                            "holidays"})
    navigate = Signal(str, dict)   # page key, what to show there

    def __init__(self, ctx, runner, database_label: str) -> None:
        super().__init__()
        self.setObjectName("dashboardPage")
        self.ctx, self.runner, self.database_label = ctx, runner, database_label
        self.heading = heading()
        self.cards = {key: Card(f"{key}Card", clickable=True) for key in (
            "received", "done", "due_today", "overdue", "mine", "satisfaction", "actions")}
        self.cards["received"].clicked.connect(lambda: self._go("complaints", queue="all", received_on=True))
        self.cards["done"].clicked.connect(lambda: self._go("complaints", queue="all", done_on=True))
        self.cards["due_today"].clicked.connect(lambda: self._go("complaints", queue="due_today"))
        self.cards["overdue"].clicked.connect(lambda: self._go("complaints", queue="overdue"))
        self.cards["mine"].clicked.connect(lambda: self._go("complaints", queue="mine"))
        self.cards["satisfaction"].clicked.connect(lambda: self._go("surveys"))
        self.cards["actions"].clicked.connect(lambda: self._go("analysis", tab="actions"))
        self.office_card = Card("officeCard")
        self.staff_card = Card("staffCard")
        self.database_card = Card("databaseCard")
        self.trend = TrendChart()
        self.trend_title = QLabel()
        self.trend_title.setStyleSheet("font-weight: bold;")
        self.activity_title = QLabel()
        self.activity_title.setStyleSheet("font-weight: bold;")
        self.activity = RowsModel([
            (lambda: self.tr("일시"), lambda r: r.at), (lambda: self.tr("사용자"), lambda r: actor_name(r.actor)),
            (lambda: self.tr("작업"), lambda r: action_name(r.action)),
            (lambda: self.tr("대상"), lambda r: target_name(r.target)),
            (lambda: self.tr("내용"), lambda r: audit_detail(r.action, r.detail))])
        self.table = QTableView()
        self.table.setObjectName("activityTable")
        self.table.setModel(self.activity)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        today = QGridLayout()
        for column, key in enumerate(self.cards):
            today.addWidget(self.cards[key], 0, column)
        lower = QHBoxLayout()
        trend_box = QVBoxLayout()
        trend_box.addWidget(self.trend_title)
        trend_box.addWidget(self.trend)
        trend_box.addStretch(1)
        lower.addLayout(trend_box, 3)
        side = QVBoxLayout()
        for card in (self.office_card, self.staff_card, self.database_card):
            side.addWidget(card)
        lower.addLayout(side, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(today)
        layout.addLayout(lower)
        layout.addWidget(self.activity_title)
        layout.addWidget(self.table, 1)
        self._data = None
        self._today = None
        self._points = None
        self.retranslate_ui()
        self.reload()

    def _go(self, page: str, **what) -> None:
        if what.pop("received_on", False):
            what["received_on"] = self.ctx.clock().date()
        if what.pop("done_on", False):
            what["done_on"] = self.ctx.clock().date()
        self.navigate.emit(page, what)

    def retranslate_ui(self) -> None:
        self.table.setAccessibleName(self.tr("최근 활동"))
        self.heading.setText(self.tr("대시보드"))
        titles = {"received": self.tr("오늘 접수"), "done": self.tr("오늘 처리"),
                  "due_today": self.tr("오늘 기한"), "overdue": self.tr("기한 넘김"),
                  "mine": self.tr("내 민원"), "satisfaction": self.tr("이달 만족도"),
                  "actions": self.tr("진행 중 개선과제")}
        for key, card in self.cards.items():
            card.title.setText(titles[key])
            card.setToolTip(self.tr("눌러서 목록 보기"))
        self.office_card.title.setText(self.tr("기관"))
        self.staff_card.title.setText(self.tr("직원"))
        self.database_card.title.setText(self.tr("데이터베이스"))
        self.trend_title.setText(self.tr("12개월 추이: 민원 접수(막대)와 만족도(선, n 30 이상인 달만)"))
        self.activity_title.setText(self.tr("최근 활동 (감사 기록)"))
        self.activity.retranslate()
        if self._data is not None:
            self._show(self._data)
        if self._today is not None:
            self._show_today(self._today)

    def reload(self) -> None:
        """Today's figures first, then the trend and the office; each as it arrives."""
        from pcrm_desktop.services import dashboard
        ctx = self.ctx
        if ctx.actor.role != "kiosk":
            self.runner.run(lambda control: dashboard.today(ctx), self._show_today, lambda error: None)
            self.runner.run(lambda control: dashboard.trend(ctx), self._show_trend, lambda error: None)
        self.runner.run(lambda control: (office_service.overview(ctx),
                                         office_service.recent_activity(ctx, 30)), self._show)

    def _show_today(self, today) -> None:
        self._today = today
        c = self.cards
        c["received"].value.setText(f"{today.received:,}")
        c["done"].value.setText(f"{today.done:,}")
        c["due_today"].value.setText(f"{today.due_today:,}")
        c["overdue"].value.setText(f"{today.overdue:,}")
        colour = "#b03a2e" if today.overdue else "#1d2b3a"
        c["overdue"].value.setStyleSheet(f"font-size: 140%; font-weight: bold; color: {colour};")
        c["mine"].value.setText(f"{today.mine:,}")
        c["actions"].value.setText(f"{today.actions_open:,}")
        s = today.satisfaction
        if s.shown:
            reference = self.tr(" (참고)") if s.visibility == "reference" else ""
            c["satisfaction"].value.setText(f"{s.value:.1f}" + reference)
        else:
            c["satisfaction"].value.setText("—")
        change = today.change
        if change is None:
            versus = self.tr("지난달과 비교하기에 응답이 모자랍니다")
        elif change.significant:
            versus = self.tr("지난달보다 {arrow} {d:+.1f}점 (유의)").format(
                arrow="▲" if change.difference > 0 else "▼", d=change.difference)
        else:
            versus = self.tr("지난달과 차이 없음 ({d:+.1f}점, 유의하지 않음)").format(d=change.difference)
        c["satisfaction"].detail.setText(self.tr("n {n} · {survey} · {versus}").format(
            n=f"{s.n:,}", survey=today.survey_title or today.survey or "—", versus=versus))
        c["mine"].detail.setText(self.tr("나에게 배정된 진행 중 민원"))
        c["received"].detail.setText(self.tr("눌러서 오늘 접수 목록"))
        c["done"].detail.setText(self.tr("눌러서 오늘 처리 목록"))

    def _show_trend(self, points) -> None:
        self._points = points
        self.trend.set_points(points)

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
        if self.ctx.database is None:  # host:port/database
            self.database_card.detail.setText(
                self.tr("사무실 서버 (PostgreSQL) · {server}").format(server=folder))
        else:
            self.database_card.detail.setText(
                self.tr("로컬 SQLite 파일 · 폴더: {folder}").format(folder=folder))
        self.database_card.setToolTip(self.database_label)
        self.activity.set_rows(activity)
