"""The main window: navigation, and the pages (created when first visited); its menus and
shortcuts are in main_menus.py, its status bar in main_status.py.

It stays thin: pages do their own work and announce what they changed; the window passes the
change on to the other pages.
"""
from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop import APP_NAME
from pcrm_desktop.domain.accounts import IDLE_LOCK_MINUTES
from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.privacy import AUDIT_ROLES
from pcrm_desktop.services import office as office_service
from pcrm_desktop.services.context import Changes, ServiceContext
from pcrm_desktop.ui.appearance import icon
from pcrm_desktop.ui.fitting import PageStack, scrolling
from pcrm_desktop.ui.help_window import HelpWindow
from pcrm_desktop.ui.i18n import Retranslatable
from pcrm_desktop.ui.labels import role_name
from pcrm_desktop.ui.main_menus import MainMenus, add_shortcuts
from pcrm_desktop.ui.main_status import MainStatusBar
from pcrm_desktop.ui.pages.base import Page
from pcrm_desktop.ui.pages.dashboard import DashboardPage
from pcrm_desktop.ui.pages.settings_page import SettingsPage
from pcrm_desktop.ui.tasks import TaskRunner
from pcrm_desktop.ui.wizard import FirstRunWizard

log = logging.getLogger(__name__)
RECEIPT_QUERY = re.compile(r"\d{4}-\d{1,6}")


@dataclass(frozen=True)
class NavEntry:
    key: str
    icon: str
    title: Callable[[], str]
    make: Callable[[], Page]
    roles: frozenset[str] | None = None  # the roles that see it (None: everyone)


class MainWindow(Retranslatable, QMainWindow):
    language_requested = Signal(str)
    font_scale_requested = Signal(int)
    setup_finished = Signal(object)  # the admin Actor, or None when the wizard was cancelled

    def __init__(self, ctx: ServiceContext, database_label: str, runner: TaskRunner,
                 language: str = "ko", font_scale: int = 100) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.ctx, self.database_label, self.runner = ctx, database_label, runner
        self.language, self.font_scale = language, font_scale
        self.office_name = ""
        self.wizard: FirstRunWizard | None = None
        self.pages: dict[str, Page] = {}
        self.entries = self._nav_entries()
        self._build()
        add_shortcuts(self)
        self.menus = MainMenus(self)
        self.retranslate_ui()
        self.resize(1280, 720)
        self.setMinimumSize(QSize(1024, 600))

    # --- construction ---------------------------------------------------------------------
    def _nav_entries(self) -> list[NavEntry]:
        titles = {
            "dashboard": lambda: self.tr("대시보드"), "citizens": lambda: self.tr("주민(고객)"),
            "complaints": lambda: self.tr("민원"), "surveys": lambda: self.tr("만족도 조사"),
            "analysis": lambda: self.tr("분석·개선"),
            "reports": lambda: self.tr("보고서"), "settings": lambda: self.tr("설정"),
            "access_log": lambda: self.tr("접속기록 검토")}
        return [
            NavEntry("dashboard", "dashboard", titles["dashboard"], self._make_dashboard),
            NavEntry("citizens", "citizens", titles["citizens"], self._make_citizens),
            NavEntry("complaints", "complaints", titles["complaints"], self._make_complaints),
            NavEntry("surveys", "surveys", titles["surveys"], self._make_surveys),
            NavEntry("analysis", "analysis", titles["analysis"], self._make_analysis),
            NavEntry("reports", "reports", titles["reports"], self._make_reports),
            NavEntry("access_log", "access_log", titles["access_log"], self._make_access_log,
                     AUDIT_ROLES),
            NavEntry("settings", "settings", titles["settings"], self._make_settings),
        ]

    def _make_dashboard(self) -> Page:
        page = DashboardPage(self.ctx, self.runner, self.database_label)
        page.navigate.connect(self.go_to)
        return page

    def _make_analysis(self) -> Page:
        from pcrm_desktop.ui.pages.analysis_page import AnalysisPage
        page = AnalysisPage(self.ctx, self.runner)
        page.changed.connect(self.broadcast)
        return page

    def go_to(self, key: str, what: dict) -> Page:
        """A figure clicked on the dashboard: its page, showing the list behind it."""
        page = self.open_page(key)
        if key == "complaints" and "queue" in what:
            page.show_queue(what["queue"], what.get("received_on"), what.get("done_on"))
        elif key == "analysis" and "tab" in what:
            page.show_tab(what["tab"])
        return page

    def _make_citizens(self) -> Page:
        from pcrm_desktop.ui.pages.citizens_page import CitizensPage
        page = CitizensPage(self.ctx, self.runner)
        page.changed.connect(self.broadcast)
        return page

    def _make_complaints(self) -> Page:
        from pcrm_desktop.ui.pages.complaints_page import ComplaintsPage
        page = ComplaintsPage(self.ctx, self.runner)
        page.changed.connect(self.broadcast)
        return page

    def _make_surveys(self) -> Page:
        from pcrm_desktop.ui.pages.surveys_page import SurveysPage
        page = SurveysPage(self.ctx, self.runner)
        page.changed.connect(self.broadcast)
        return page

    def _make_reports(self) -> Page:
        from pcrm_desktop.ui.pages.reports_page import ReportsPage
        page = ReportsPage(self.ctx, self.runner)
        page.changed.connect(self.broadcast)
        return page

    def _make_access_log(self) -> Page:
        from pcrm_desktop.ui.pages.access_log_page import AccessLogPage
        page = AccessLogPage(self.ctx, self.runner)
        page.changed.connect(self.broadcast)
        return page

    def _allowed(self, entry: NavEntry) -> bool:
        return entry.roles is None or self.ctx.actor.role in entry.roles

    def _show_allowed(self) -> None:
        for row, entry in enumerate(self.entries):
            self.nav.item(row).setHidden(not self._allowed(entry))

    def _make_settings(self) -> Page:
        page = SettingsPage(self.ctx, self.runner, self.language, self.font_scale)
        page.language_chosen.connect(self.language_requested)
        page.font_scale_chosen.connect(self.font_scale_requested)
        page.changed.connect(self.broadcast)
        return page

    def _build(self) -> None:
        self.search = QLineEdit()
        self.search.setObjectName("globalSearch")
        self.search.returnPressed.connect(self.global_search)
        self.user_label = QLabel()
        self.user_label.setObjectName("userLabel")
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addSpacing(24)
        top.addWidget(self.user_label)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(22, 22))
        self.nav.setFixedWidth(190)  # widened to its longest entry in retranslate_ui
        self.nav.setStyleSheet("QListWidget::item { padding: 10px 6px; }")
        for entry in self.entries:
            item = QListWidgetItem(icon(entry.icon), "")
            item.setData(Qt.ItemDataRole.UserRole, entry.key)
            self.nav.addItem(item)
        self.stack = PageStack()  # scrolls down rather than pass the screen's bottom (150 % text)
        self.nav.currentRowChanged.connect(self._show_entry)
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(scrolling(self.stack, "pageArea"), 1)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self.setCentralWidget(central)
        # who is signed in shows at the top right (user_label): the status bar keeps its room for
        # the office, the day's figures, the last backup and the database
        self.status_bar = MainStatusBar(lambda: self.ctx, self.runner, self.database_label)
        self.status_bar.figures_loaded.connect(self.retranslate_ui)
        self.setStatusBar(self.status_bar)

    # --- texts ----------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.search.setAccessibleName(self.tr("통합검색"))
        self.nav.setAccessibleName(self.tr("메뉴"))
        self.setWindowTitle(f"{APP_NAME} — {self.office_name}" if self.office_name else APP_NAME)
        for row, entry in enumerate(self.entries):
            badge = self.status_bar.figures.get("mine_soon") if entry.key == "complaints" else None
            self.nav.item(row).setText(f"{entry.title()}   {badge}" if badge else entry.title())
            self.nav.item(row).setHidden(not self._allowed(entry))
            if entry.key == "complaints":
                self.nav.item(row).setToolTip(self.tr(
                    "내가 맡은 진행 중 민원 가운데 3일 안에 기한이 오는 것 (넘긴 것 포함)"))
        # as wide as its longest entry needs, in this language and text size
        metrics = self.nav.fontMetrics()
        longest = max(metrics.horizontalAdvance(self.nav.item(r).text()) for r in range(self.nav.count()))
        self.nav.setFixedWidth(max(190, longest + self.nav.iconSize().width() + 48))
        self.search.setPlaceholderText(self.tr("통합검색: 이름·전화 뒷자리·주소·접수번호 (Ctrl+K, Enter)"))
        self.menus.retranslate_ui()
        self._update_status()

    def _update_status(self) -> None:
        actor = self.ctx.actor
        who = "—" if actor.staff_id is None else f"{self._actor_name} ({role_name(actor.role)})"
        self.user_label.setText(who)
        self.status_bar.retranslate_ui(self.office_name)

    def load_figures(self) -> None:
        """The status bar's figures and the 민원 badge (after a change, and every 5 minutes)."""
        self.status_bar.load_figures()

    _actor_name = ""

    # --- navigation -----------------------------------------------------------------------
    def open_page(self, key: str) -> Page:
        row = next(i for i, entry in enumerate(self.entries) if entry.key == key)
        self.nav.setCurrentRow(row)
        return self.pages[key]

    def go_to_numbered(self, number: int) -> None:
        """Ctrl+1…: the number-th entry the menu shows (entries hidden from this role do not
        count, so a 주무관's Ctrl+7 is 설정, as on screen)."""
        shown = [row for row in range(self.nav.count()) if not self.nav.item(row).isHidden()]
        if number < len(shown):
            self.nav.setCurrentRow(shown[number])

    def _show_entry(self, row: int) -> None:
        if row < 0 or self.ctx.actor.staff_id is None or not self._allowed(self.entries[row]):
            return
        entry = self.entries[row]
        if entry.key not in self.pages:
            page = entry.make()
            self.pages[entry.key] = page
            self.stack.addWidget(page)
        self.stack.setCurrentWidget(self.pages[entry.key])

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def global_search(self) -> None:
        """Enter in the top search box: a 접수번호 (2026-000123) opens the 민원 list on it;
        anything else shows the residents that match."""
        if self.ctx.actor.staff_id is None:
            return
        text = self.search.text().strip()
        if RECEIPT_QUERY.fullmatch(text):
            self.open_page("complaints").set_query(text)
        else:
            self.open_page("citizens").set_query(text)

    def new_complaint(self):
        """Ctrl+N anywhere: the 민원 intake form."""
        if self.ctx.actor.staff_id is None:
            return None
        return self.open_page("complaints").new_complaint()

    def new_citizen(self):
        """Ctrl+Shift+N anywhere: the new-resident form, over the 주민 page."""
        if self.ctx.actor.staff_id is None:
            return None
        return self.open_page("citizens").new_citizen()

    def refresh_current(self) -> None:
        page = self.stack.currentWidget()
        if isinstance(page, Page):
            page.reload()

    def broadcast(self, changes: Changes) -> None:
        for page in self.pages.values():
            page.on_changes(changes)
        if "office" in changes or "staff" in changes:
            self.load_identity()
            self.load_idle_minutes()
        elif changes & {"complaints", "holidays", "backups"}:
            self.load_figures()

    # --- session --------------------------------------------------------------------------
    def begin_setup(self) -> FirstRunWizard:
        """Open the first-run wizard over the window (not blocking: tests drive it)."""
        self.wizard = FirstRunWizard(self.ctx, self)
        self.wizard.finished.connect(self._setup_done)
        self.wizard.open()
        return self.wizard

    def _setup_done(self, _result: int) -> None:
        actor = self.wizard.actor if self.wizard else None
        if actor is not None:
            self.start_session(actor)
        self.setup_finished.emit(actor)

    def start_session(self, actor: Actor) -> None:
        self.ctx = self.ctx.as_actor(actor)
        self._show_allowed()
        self.load_identity()
        self.nav.setCurrentRow(-1)
        self.nav.setCurrentRow(0)
        if self.idle_lock is None:
            from pcrm_desktop.ui.idle_lock import IdleLock
            self.idle_lock = IdleLock(self, lambda: self.ctx, self.runner,
                                      lambda: self._actor_name or self.ctx.actor.login,
                                      IDLE_LOCK_MINUTES)
            self.idle_lock.password_change_needed.connect(
                lambda current: self.change_password(current, forced=True))
        self.load_idle_minutes()
        from pcrm_desktop.ui.draft_offer import offer_drafts
        offer_drafts(self)  # what a crash left unsaved, offered back

    idle_lock = None

    def load_idle_minutes(self) -> None:
        from pcrm_desktop.services import accounts as account_service
        ctx = self.ctx
        self.runner.run(lambda control: account_service.idle_minutes(ctx), self._set_idle_minutes,
                        lambda error: None)

    def _set_idle_minutes(self, minutes: int) -> None:
        if self.idle_lock is not None:
            self.idle_lock.minutes = minutes

    def lock_now(self) -> None:
        """Ctrl+L: cover the screen at once, as the idle lock would (leaving the counter)."""
        if self.idle_lock is not None:
            self.idle_lock.lock(manual=True)

    def change_password(self, current: str | None = None, forced: bool = False) -> None:
        if self.ctx.actor.staff_id is None:
            return
        from pcrm_desktop.ui.account_dialogs import ChangePasswordDialog
        self.password_dialog = ChangePasswordDialog(self.ctx, self.runner, current=current,
                                                    forced=forced, parent=self)
        self.password_dialog.accepted.connect(lambda: self.statusBar().showMessage(
            self.tr("비밀번호를 바꿨습니다."), 5000))
        self.password_dialog.open()

    def load_identity(self) -> None:
        ctx = self.ctx
        self.runner.run(lambda control: office_service.overview(ctx), self._show_identity)
        self.load_figures()
        self.status_bar.timer.start()

    def _show_identity(self, overview) -> None:
        self.office_name = overview.profile.name if overview.profile else ""
        me = next((m for m in overview.staff if m.id == self.ctx.actor.staff_id), None)
        self._actor_name = me.name if me else self.ctx.actor.login
        self.retranslate_ui()

    help_window = None
    about_dialog = None

    def show_help(self) -> None:
        """F1 anywhere: the user guide at the chapter about the page on screen (one window,
        reused, so it keeps its place and size)."""
        if self.idle_lock is not None and self.idle_lock.locked:
            return
        if self.help_window is None:
            # a window of its own, not this one's child: a dialog open over this window (and
            # modal to it) must not block the guide
            self.help_window = HelpWindow()
        row = self.nav.currentRow()
        self.help_window.show_topic(self.entries[row].key if row >= 0 else None)

    def show_about(self) -> None:
        from pcrm_desktop.ui.about_dialog import AboutDialog
        self.about_dialog = AboutDialog(self.ctx.database, self.database_label, self.runner, self,
                                        server=self.ctx.server)
        self.about_dialog.open()

    def closeEvent(self, event) -> None:
        if self.idle_lock is not None and self.idle_lock.locked:
            event.ignore()  # closing must not go round the lock (it would also lose work)
            return
        if self.idle_lock is not None:
            self.idle_lock.stop()
        if self.help_window is not None:
            self.help_window.close()
        self.menus.stop()
        self.runner.wait(5000)
        if self.ctx.actor.staff_id is not None:
            from pcrm_desktop.services import accounts as account_service
            try:
                account_service.record_session(self.ctx, "logout")
            except Exception:  # noqa: BLE001 - leaving must not fail on a busy database
                log.warning("could not log the sign-out", exc_info=True)
        super().closeEvent(event)
