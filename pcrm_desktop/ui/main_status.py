"""The main window's status bar: the office, the day's figures (received, done, overdue), the
last backup, and the database (who is signed in shows at the window's top right).

The figures are read in the background after a change and every 5 minutes; the window draws
the 민원 entry's badge from them too. The texts keep the window's translation context
(MainWindow)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QStatusBar

from pcrm_desktop.services.context import ServiceContext
from pcrm_desktop.ui.fitting import ElidingLabel
from pcrm_desktop.ui.tasks import TaskRunner

FIGURES_EVERY_MS = 5 * 60 * 1000


def _newest_backup(ctx: ServiceContext) -> datetime | None:
    from pcrm_desktop.domain.errors import DomainError
    from pcrm_desktop.services import backups
    try:
        found = backups.list_backups(ctx)
    except DomainError:  # a database given by URL has no backups folder
        return None
    return found[0].at if found else None


class MainStatusBar(QStatusBar):
    figures_loaded = Signal()  # the figures and the last backup were read again

    def __init__(self, ctx: Callable[[], ServiceContext], runner: TaskRunner,
                 database_label: str) -> None:
        super().__init__()
        self.ctx, self.runner, self.database_label = ctx, runner, database_label
        self.office, self.today, self.backup = ElidingLabel(), ElidingLabel(), ElidingLabel()
        self.database = ElidingLabel(Qt.TextElideMode.ElideMiddle)
        self.today.setObjectName("statusToday")
        self.backup.setObjectName("statusBackup")
        for label in (self.office, self.today, self.backup):
            self.addWidget(label)
        self.addPermanentWidget(self.database)
        self.last_backup: datetime | None = None
        self.figures: dict[str, int] = {}
        self.timer = QTimer(self, interval=FIGURES_EVERY_MS, timeout=self.load_figures)

    def load_figures(self) -> None:
        """The day's figures and the newest backup (after a change, and every 5 minutes)."""
        ctx = self.ctx()
        if ctx.actor.staff_id is None:
            return
        from pcrm_desktop.services import complaints as complaint_service
        self.runner.run(lambda control: (complaint_service.today_figures(ctx), _newest_backup(ctx)),
                        self._show_figures, lambda error: None)

    def _show_figures(self, result: tuple[dict[str, int], datetime | None]) -> None:
        self.figures, self.last_backup = result
        self.figures_loaded.emit()

    def retranslate_ui(self, office_name: str) -> None:
        self.office.setText(office_name or QCoreApplication.translate("MainWindow", "초기 설정 필요"))
        server = self.ctx().database is None
        self.database.setText(
            QCoreApplication.translate("MainWindow", "DB: 사무실 서버 ({server})").format(
                server=self.database_label) if server else
            QCoreApplication.translate("MainWindow", "DB: 로컬 ({path})").format(
                path=self.database_label))
        f = self.figures
        self.today.setText(QCoreApplication.translate(
            "MainWindow", "오늘 접수 {received} · 처리 {done} · 기한 넘김 {overdue}").format(
            received=f"{f['received']:,}", done=f"{f['done']:,}", overdue=f"{f['overdue']:,}") if f else "")
        self._show_last_backup()

    def _show_last_backup(self) -> None:
        """마지막 백업 HH:MM today, else its date; none yet in red (a backup is made at start and
        daily when something changed, so an old time with no change since is no alarm)."""
        if not self.figures:
            self.backup.setText("")
            return
        at = self.last_backup
        if self.ctx().database is None:  # a database given by URL: backed up by whoever runs it
            self.backup.setText("")
            return
        if at is None:
            self.backup.setText(QCoreApplication.translate("MainWindow", "백업 없음"))
            self.backup.setStyleSheet("color: #b00020;")
            return
        today = datetime.now().date()
        when = at.strftime("%H:%M" if at.date() == today else
                           "%m-%d %H:%M" if at.year == today.year else "%Y-%m-%d")
        self.backup.setText(QCoreApplication.translate("MainWindow", "마지막 백업 {when}").format(when=when))
        self.backup.setStyleSheet("")
