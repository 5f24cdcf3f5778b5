"""Bootstrap of the GUI: arguments, Qt application, font, language, database, main window.

Heavy libraries (reportlab, openpyxl) are imported only where first needed, never here.
"""
from __future__ import annotations

import argparse
import logging
import sys
import time

from pcrm_desktop import APP_NAME, ORG_NAME, __version__

log = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    """The windowed Windows program has no console (sys.stdout is None): `--help` and a wrong
    option are shown in a message box instead of vanishing."""

    def _print_message(self, message: str, file=None) -> None:
        if message and sys.stdout is None:
            from PySide6.QtWidgets import QApplication, QMessageBox
            _qt_app = QApplication.instance() or QApplication(sys.argv[:1])
            QMessageBox.information(None, APP_NAME, message)
        else:
            super()._print_message(message, file)


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = _Parser(prog="pcrm-desktop", description=f"{APP_NAME} {__version__}")
    parser.add_argument("--db", metavar="PATH", help="데이터베이스 파일 또는 sqlite:///경로 (기본: 사용자 데이터 폴더)")
    parser.add_argument("--lang", choices=("ko", "en"), help="화면 언어 (기본: 지난번 설정, 처음엔 한국어)")
    parser.add_argument("--user", metavar="LOGIN", help="로그인 화면에 미리 넣을 로그인 ID;"
                        " 키오스크 역할로 로그인하면 만족도 조사 키오스크 화면")
    parser.add_argument("--self-test", action="store_true",
                        help="자가진단만 하고 끝내기 (임시 데이터베이스; 사무실 자료는 열지 않음)")
    parser.add_argument("--guide", action="store_true",
                        help="사용자 안내서만 열기 (로그인 없이; 시작 메뉴의 '사용자 안내서')")
    parser.add_argument("--windowed", action="store_true", help="키오스크를 전체 화면 대신 1280×800 창으로")
    # For benchmarks and smoke checks: print the milliseconds to a shown window, then quit.
    parser.add_argument("--exit-after-show", action="store_true", help=argparse.SUPPRESS)
    args, _qt_args = parser.parse_known_args(argv)
    return args


class Application:
    """Owns the pieces that live as long as the process: settings, language, runner, window."""

    login = None
    backend = None

    def __init__(self, args: argparse.Namespace, qt_app) -> None:
        from pcrm_desktop.ui.appearance import apply_font_scale, install_korean_font
        from pcrm_desktop.ui.collector import collect_on_gui_thread
        from pcrm_desktop.ui.i18n import LanguageManager
        from pcrm_desktop.ui.settings import FONT_SCALE, LANGUAGE, AppSettings
        self.args, self.qt_app = args, qt_app
        self.collector = collect_on_gui_thread(qt_app)  # never on the task lane's thread
        self.settings = AppSettings()
        self.font_family = install_korean_font(qt_app)
        self.font_scale = self.settings.get(FONT_SCALE)
        apply_font_scale(qt_app, self.font_scale)
        self.languages = LanguageManager()
        self.languages.set_language(args.lang or self.settings.get(LANGUAGE))
        self.window = None
        self.kiosk = None

    def open_window(self, backend) -> None:
        """A database that is set up asks who is there first (로그인); a new one opens the
        first-run wizard, whose admin is signed in when it ends."""
        from pcrm_desktop.services import office as office_service
        from pcrm_desktop.ui.tasks import TaskRunner
        self.backend = backend
        self.runner = TaskRunner()
        # the holiday years, first in the lane: a sign-in or the wizard's end waits for them;
        # a read before them takes an unseeded year from the package without writing
        from pcrm_desktop.bootstrap import seed_calendar_now
        ctx = backend.ctx
        self.runner.run(lambda control: seed_calendar_now(ctx), lambda _: None, lambda _: None)
        overview = office_service.overview(backend.ctx)
        if not overview.is_set_up:
            self._open_main(None)
            return
        from pcrm_desktop.ui.account_dialogs import LoginDialog
        from pcrm_desktop.ui.settings import LAST_USER
        self.login = LoginDialog(backend.ctx, self.runner,
                                 self.args.user or self.settings.get(LAST_USER) or "",
                                 overview.profile.name, backend.location.label)
        self.login.signed_in.connect(self._signed_in)
        self.login.rejected.connect(self._login_cancelled)
        self.login.show()

    def _login_cancelled(self) -> None:
        if self.window is None and self.kiosk is None:
            self.qt_app.quit()

    def _signed_in(self, sign_in) -> None:
        from pcrm_desktop.domain.errors import DomainError
        from pcrm_desktop.ui import dialogs
        from pcrm_desktop.ui.i18n import error_text
        actor = sign_in.actor
        if actor.role == "kiosk":  # the survey kiosk, full screen, instead of the main window
            try:
                self.open_kiosk(self.backend.ctx.as_actor(actor))
            except DomainError as error:
                dialogs.show_error(None, APP_NAME, error_text(error))
                self.qt_app.quit()
            return
        self._open_main(actor)

    def _open_main(self, actor) -> None:
        from pcrm_desktop.ui.main_window import MainWindow
        backend = self.backend
        self.window = MainWindow(backend.ctx, backend.location.label, self.runner,
                                 self.languages.language, self.font_scale)
        self.window.language_requested.connect(self.set_language)
        self.window.font_scale_requested.connect(self.set_font_scale)
        geometry, state = self.settings.window_state("main")
        if geometry is not None:
            self.window.restoreGeometry(geometry)
        if state is not None:
            self.window.restoreState(state)
        if geometry is None:
            # first start: the whole screen (a 1366×768 office PC has no room for 1280×720 and
            # a frame; a 1920×1080 one is used in full); afterwards the clerk's own geometry
            self.window.showMaximized()
        else:
            self.window.show()
        if actor is not None:
            self.window.start_session(actor)
        else:
            self.window.setup_finished.connect(self._setup_finished)
            self.window.begin_setup()

    def open_kiosk(self, ctx) -> None:
        """The kiosk's survey and PIN are chosen by an admin first; then the kiosk fills the
        screen, and only the staff PIN closes it (and the application)."""
        from pcrm_desktop.domain.errors import ConflictError
        from pcrm_desktop.services import surveys
        from pcrm_desktop.ui.kiosk import KioskWindow
        setup = surveys.kiosk_setup(ctx)
        if not setup.survey or not setup.pin_set:
            raise ConflictError("kiosk_not_set_up", field="kiosk")
        _, questionnaire = surveys.questionnaire(ctx, setup.survey)
        self.kiosk = KioskWindow(ctx, self.runner, setup.survey, questionnaire)
        self.kiosk.left.connect(self.qt_app.quit)
        if getattr(self.args, "windowed", False):
            self.kiosk.resize(1280, 800)
            self.kiosk.show()
        else:
            self.kiosk.showFullScreen()

    def _setup_finished(self, actor) -> None:
        if actor is None:
            self.window.close()

    def set_language(self, language: str) -> None:
        from pcrm_desktop.ui.settings import LANGUAGE
        if self.languages.set_language(language):
            self.settings.set(LANGUAGE, language)
            if self.window is not None:
                self.window.language = language

    def set_font_scale(self, percent: int) -> None:
        from pcrm_desktop.ui.appearance import apply_font_scale
        from pcrm_desktop.ui.settings import FONT_SCALE
        apply_font_scale(self.qt_app, percent)
        self.settings.set(FONT_SCALE, percent)
        self.font_scale = percent

    # --- automatic backups (services/backups/schedule: skipped when nothing changed since the last)
    def _backup_ctx(self, backend):
        return self.window.ctx if self.window is not None and \
            self.window.ctx.actor.staff_id is not None else backend.ctx

    def start_backups(self, backend) -> None:
        """On start and then hourly (a daily one is made when due), in a lane of their own:
        a large database takes about a minute and must not hold up the screen's work."""
        from PySide6.QtCore import QTimer

        from pcrm_desktop.ui.tasks import TaskRunner
        self.backup_lane = TaskRunner()

        def automatic(reason: str) -> None:
            from pcrm_desktop.services import backups
            ctx = self._backup_ctx(backend)
            self.backup_lane.run(lambda control: backups.automatic_backup(ctx, reason),
                                 self._backup_made,
                                 lambda error: log.warning("%s backup: %r", reason, error))
        automatic("start")
        self.backup_timer = QTimer(self.qt_app)
        self.backup_timer.timeout.connect(lambda: automatic("daily"))
        self.backup_timer.start(3_600_000)

    def _backup_made(self, result) -> None:
        if result.made is not None and self.window is not None:
            self.window.load_figures()  # the status bar's 마지막 백업

    def finish_backups(self, backend) -> None:
        lane = getattr(self, "backup_lane", None)
        if lane is None:
            return
        self.backup_timer.stop()
        lane.wait(-1)
        from PySide6.QtCore import QCoreApplication

        from pcrm_desktop.services import backups
        from pcrm_desktop.ui.recovery_dialog import run_and_wait
        ctx = self._backup_ctx(backend)
        try:
            run_and_wait(lambda progress: backups.automatic_backup(ctx, "exit", progress),
                         QCoreApplication.translate("app", "백업하는 중…"))
        except Exception as error:  # noqa: BLE001 - leaving must not fail on a backup
            log.warning("exit backup: %r", error)

    def save_state(self) -> None:
        from pcrm_desktop.ui.settings import LAST_USER
        if self.window is None:
            return
        self.settings.save_window_state("main", self.window.saveGeometry(), self.window.saveState())
        if self.window.ctx.actor.staff_id is not None:
            self.settings.set(LAST_USER, self.window.ctx.actor.login)


def main(argv: list[str] | None = None) -> int:
    started = time.perf_counter()
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        return self_test()
    from PySide6.QtWidgets import QApplication, QMessageBox

    from pcrm_desktop.domain.errors import DomainError
    from pcrm_desktop.logs import setup_logging
    from pcrm_desktop.ui.appearance import NO_FONT_MESSAGE, icon
    from pcrm_desktop.ui.i18n import error_text

    setup_logging()
    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    qt_app.setOrganizationName(ORG_NAME)
    qt_app.setApplicationName(APP_NAME)
    qt_app.setApplicationVersion(__version__)
    qt_app.setWindowIcon(icon("app"))
    app = Application(args, qt_app)
    if args.guide:  # the guide alone: no database, no sign-in
        from pcrm_desktop.ui.help_window import HelpWindow
        guide = HelpWindow()
        guide.show_topic(None)
        return qt_app.exec()
    from pcrm_desktop.config import resolve_database
    from pcrm_desktop.db.health import pending_work
    try:  # a URL this version cannot open is refused here, before anything is made
        location = resolve_database(args.db)
    except DomainError as error:
        log.error("cannot open database: %r", error)
        QMessageBox.critical(None, APP_NAME, error_text(error))
        return 1
    notice = _start_notice(pending_work(location.path), args, started)
    try:
        backend = _open_backend(args, location, notice is not None)
    finally:
        if notice is not None:
            notice.close()
            notice.deleteLater()
    if backend is None:
        return 1
    try:
        app.open_window(backend)
    except DomainError as error:
        QMessageBox.critical(None, APP_NAME, error_text(error))
        backend.close()
        return 1
    if app.font_family is None:
        QMessageBox.warning(app.window, APP_NAME, NO_FONT_MESSAGE)
    if not args.exit_after_show:
        app.start_backups(backend)
    if args.exit_after_show:
        qt_app.processEvents()
        print(f"shown_ms={(time.perf_counter() - started) * 1000:.1f}", flush=True)
        app.runner.wait(5000)
        print(f"peak_rss_mb={_peak_rss_mb():.1f}", flush=True)
        backend.close()
        return 0
    code = qt_app.exec()
    app.save_state()
    app.finish_backups(backend)
    backend.close()
    from pcrm_desktop.services import backups
    backups.mark_clean_exit(backend.location)
    return code


def _open_backend(args: argparse.Namespace, location, in_lane: bool):
    """The checked, migrated database; None when it cannot be used (the staff were told).
    A damaged database is never written to: the staff are offered the newest good backup
    (the damaged file is kept aside)."""
    from PySide6.QtWidgets import QMessageBox

    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.domain.errors import DomainError
    from pcrm_desktop.ui.i18n import error_text
    from pcrm_desktop.ui.recovery_dialog import offer_recovery, run_and_wait
    if not args.exit_after_show and not offer_recovery(location):
        return None
    try:
        if in_lane:  # the start notice says what is happening; the lane keeps it painted
            return run_and_wait(lambda progress: open_backend(args.db, seed_calendar=False), None)
        return open_backend(args.db, seed_calendar=False)
    except DomainError as error:
        log.error("cannot open database: %r", error)
        QMessageBox.critical(None, APP_NAME, error_text(error))
        return None


def _start_notice(work: str | None, args: argparse.Namespace, started: float):
    """When opening the database is more than the everyday start — the first start creates the
    file, a new version backs it up and migrates it, minutes on a large file — a small window
    says so at once (the work then runs in a task lane, so it stays painted). None otherwise."""
    if work is None:
        return None
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtWidgets import QLabel
    if work == "create":
        text = QCoreApplication.translate("Startup", "처음 실행합니다: 데이터베이스를 만드는 중입니다…")
    else:
        text = QCoreApplication.translate(
            "Startup", "새 버전입니다: 데이터베이스를 백업하고 옮기는 중입니다.\n"
                       "자료가 많으면 몇 분 걸릴 수 있습니다. 프로그램을 끄지 마십시오.")
    notice = QLabel(text)
    notice.setObjectName("startNotice")
    notice.setWindowTitle(APP_NAME)
    notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
    notice.setMargin(32)
    notice.adjustSize()
    area = notice.screen().availableGeometry()  # centred: there is no other window yet
    notice.move(area.center() - notice.rect().center())
    notice.show()
    QCoreApplication.processEvents()
    if args.exit_after_show:
        print(f"notice_ms={(time.perf_counter() - started) * 1000:.1f}", flush=True)
    return notice


def self_test() -> int:
    """The installed program checks itself (pcrm_desktop.selftest). The windowed Windows program
    has no console: there the report is shown in a message box."""
    from pcrm_desktop import selftest
    report = selftest.run()
    if sys.stdout is not None:
        print(report.text(), flush=True)
    else:
        from PySide6.QtWidgets import QApplication, QMessageBox
        # the screen check may have failed before it made the application object
        _qt_app = QApplication.instance() or QApplication(sys.argv[:1])
        box = QMessageBox.information if report.ok else QMessageBox.critical
        box(None, f"{APP_NAME} 자가진단", report.text())
    return 0 if report.ok else 1


def _peak_rss_mb() -> float:
    try:
        import resource
    except ImportError:  # Windows
        return float("nan")
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
