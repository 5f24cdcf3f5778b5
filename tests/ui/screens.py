"""Every page and dialog of the application, opened on a small demo database the way a user
reaches it: a catalogue for the checks of test_every_screen.py and for the screenshots of
tools/all_screens.py. Each entry opens its window over the signed-in admin's main window and
returns it shown; the caller waits for the background loads and closes it.

A new dialog belongs here: the walk is how the issue's "every page and dialog" is kept true.
"""
from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

DEMO = dict(citizens=120, complaints=400, responses=300, seed=7)


@dataclass
class Env:
    qtbot: object
    app: object          # pcrm_desktop.app.Application
    window: QWidget      # the main window
    db_path: Path
    work: Path

    @property
    def ctx(self):
        return self.window.ctx

    @property
    def runner(self):
        return self.window.runner

    def idle(self, timeout: int = 60000) -> None:
        self.qtbot.waitUntil(lambda: not self.runner.busy(), timeout=timeout)
        QApplication.processEvents()


def make_demo_database(folder: Path) -> Path:
    """A demo database file, made once and copied for each walk."""
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.services.demo import DemoRequest, fill_demo
    path = folder / "demo.db"
    backend = open_backend(str(path))
    try:
        fill_demo(backend.ctx, DemoRequest(**DEMO))
    finally:
        backend.close()
    return path


def copy_database(source: Path, folder: Path) -> Path:
    target = folder / "screens.db"
    shutil.copyfile(source, target)
    return target


# --- the catalogue ----------------------------------------------------------------------------

def open_page(env: Env, key: str) -> QWidget:
    return _page(key)(env)


def _page(key: str) -> Callable[[Env], QWidget]:
    def open_(env: Env) -> QWidget:
        env.window.open_page(key)
        if key == "citizens":
            page = env.window.pages[key]
            env.idle()
            if page.model.rowCount():
                page.table.selectRow(0)
        return env.window
    return open_


def _first_case(env: Env, status: str | None = None) -> int:
    from tests.dbutil import rows
    where = "WHERE citizen_id IS NOT NULL" + (f" AND status = '{status}'" if status else "")
    return rows(env.db_path, f"SELECT id FROM complaints {where} ORDER BY id LIMIT 1")[0][0]


def _citizen_ids(env: Env, count: int) -> list[int]:
    from tests.dbutil import rows
    return [row[0] for row in rows(env.db_path, f"SELECT id FROM citizens ORDER BY id LIMIT {count}")]


def _about(env):
    env.window.show_about()
    return env.window.about_dialog


def _help(env):
    env.window.show_help()
    return env.window.help_window


def _change_password(env):
    from pcrm_desktop.ui.account_dialogs import ChangePasswordDialog
    return ChangePasswordDialog(env.ctx, env.runner, parent=env.window)


def _reset_password(env):
    from pcrm_desktop.ui.account_dialogs import ResetPasswordDialog
    from tests.dbutil import rows
    name = rows(env.db_path, "SELECT name FROM staff WHERE login = 'clerk01'")[0][0]
    return ResetPasswordDialog(env.ctx, env.runner, "clerk01", name, env.window)


def _login(env):
    from pcrm_desktop.ui.account_dialogs import LoginDialog
    return LoginDialog(env.ctx, env.runner, "clerk01", env.window.office_name, str(env.db_path))


def _lock(env):
    from pcrm_desktop.ui.idle_lock import LockPanel
    from tests.dbutil import rows
    name = rows(env.db_path, "SELECT name FROM staff WHERE login = 'admin'")[0][0]
    return LockPanel(env.window, name)  # the person's name, as the main window passes it


def _new_citizen(env):
    from pcrm_desktop.services.groups import list_groups
    from pcrm_desktop.ui.citizen_dialog import CitizenDialog
    return CitizenDialog(env.ctx, env.runner, list_groups(env.ctx), parent=env.window)


def _edit_citizen(env):
    from pcrm_desktop.services.citizens import citizen_for_edit
    from pcrm_desktop.services.groups import list_groups
    from pcrm_desktop.ui.citizen_dialog import CitizenDialog
    citizen, _groups = citizen_for_edit(env.ctx, _citizen_ids(env, 1)[0])
    return CitizenDialog(env.ctx, env.runner, list_groups(env.ctx), citizen, parent=env.window)


def _reveal(env):
    from pcrm_desktop.ui.citizen_profile import RevealReasonDialog
    return RevealReasonDialog(env.window)


def _merge(env):
    from pcrm_desktop.ui.merge_dialog import MergeDialog
    first, second = _citizen_ids(env, 2)
    return MergeDialog(env.ctx, env.runner, first, second, env.window)


def _import(kind: str):
    def open_(env):
        from pcrm_desktop.ui.import_dialog import ImportDialog
        path = env.work / f"{kind}.csv"
        path.write_text("이름,출생연도,전화\n", encoding="utf-8")
        return ImportDialog(env.ctx, env.runner, str(path), env.window, kind=kind)
    return open_


def _intake(env):
    from pcrm_desktop.services.complaints import categories
    from pcrm_desktop.ui.complaint_intake import IntakeDialog
    return IntakeDialog(env.ctx, env.runner, categories(env.ctx), env.window)


def _case(env):
    from pcrm_desktop.ui.complaint_case import CaseDialog
    return CaseDialog(env.ctx, env.runner, _first_case(env), env.window)


def _action(action_name: str):
    def open_(env):
        from pcrm_desktop.domain.complaints import Action
        from pcrm_desktop.services.complaints import case
        from pcrm_desktop.ui.complaint_case import ActionDialog
        record = case(env.ctx, _first_case(env))
        return ActionDialog(env.ctx, env.runner, Action(action_name), record, env.window)
    return open_


def _case_moved(env):
    from pcrm_desktop.domain.complaints import Action
    from pcrm_desktop.services.complaints import case
    from pcrm_desktop.ui.conflict_dialog import CaseMovedDialog
    seen = case(env.ctx, _first_case(env))
    # as a clerk meets it: someone else moved the case on (here: assigned it) meanwhile
    current = {**seen, "status": "assigned" if seen["status"] != "assigned" else "in_progress",
               "version": seen["version"] + 1}
    return CaseMovedDialog(seen, current, Action.START, "처리를 시작합니다.", parent=env.window)


def _field_conflict(env):
    from PySide6.QtCore import QCoreApplication

    from pcrm_desktop.ui.conflict_dialog import FieldConflictDialog, FieldRow, citizen_label
    rows = [FieldRow("phones", citizen_label("phones"), "010-1234-5678", "010-8765-4321", True, True),
            FieldRow("road", citizen_label("road"), "자하문로 1", "자하문로 2", True, False)]
    return FieldConflictDialog(rows, QCoreApplication.translate("CitizenDialog", "이 주민 기록"), env.window)


def _happy_call(env):
    from pcrm_desktop.ui.happy_call_dialog import HappyCallDialog
    return HappyCallDialog(env.ctx, env.runner, env.window)


def _survey_code(env) -> str:
    from tests.dbutil import rows
    return rows(env.db_path, "SELECT code FROM surveys ORDER BY id LIMIT 1")[0][0]


def _new_survey(env):
    from pcrm_desktop.ui.survey_dialogs import NewSurveyDialog
    return NewSurveyDialog(env.ctx, env.runner, env.window)


def _edit_survey(env):
    from pcrm_desktop.services.surveys import questionnaire
    from pcrm_desktop.ui.survey_dialogs import EditSurveyDialog
    code = _survey_code(env)
    version, q = questionnaire(env.ctx, code)
    return EditSurveyDialog(env.ctx, env.runner, code, version, q, env.window)


def _paper_entry(env):
    from pcrm_desktop.services.surveys import questionnaire
    from pcrm_desktop.ui.paper_entry import PaperEntryDialog
    code = _survey_code(env)
    return PaperEntryDialog(env.ctx, env.runner, code, questionnaire(env.ctx, code)[1], env.window)


def _kiosk_setup(env):
    env.window.open_page("surveys")
    env.idle()
    page = env.window.pages["surveys"]
    from pcrm_desktop.ui.survey_dialogs import KioskSetupDialog
    return KioskSetupDialog(env.ctx, env.runner, list(page.survey_rows.values()), env.window)


def _analysis_action(env):
    from pcrm_desktop.services.office import overview
    from pcrm_desktop.ui.pages.analysis_page import ActionDialog
    staff = list(overview(env.ctx).staff)
    from datetime import date
    today = date.today()
    from pcrm_desktop.ui.labels import item_name
    return ActionDialog(env.ctx, env.runner, staff, "item:SPEED", "top2", item_name("SPEED"),
                        today.replace(day=1), today, env.window)


def _export_backup(env):
    from pcrm_desktop.ui.pages.backup_settings import ExportDialog
    return ExportDialog(env.window, str(env.work / "pcrm.pcrmbak"))


def _recovery(env):
    from pcrm_desktop.config import resolve_database
    from pcrm_desktop.services import backups
    from pcrm_desktop.ui.recovery_dialog import RecoveryDialog
    damaged = env.work / "damaged.db"
    content = bytearray(env.db_path.read_bytes())
    content[4096 + 100:4096 + 160] = b"\xab" * 60
    damaged.write_bytes(bytes(content))
    location = resolve_database(str(damaged))
    return RecoveryDialog(location, backups.check_at_start(location))


def _kiosk(where: str):
    """The survey kiosk as a resident sees it, in the screen's language: its start, its first
    question, and its comment question with the on-screen keyboard."""
    def open_(env):
        from PySide6.QtCore import QLocale

        from pcrm_desktop.domain.audit import Actor
        from pcrm_desktop.domain.surveys import ItemType
        from pcrm_desktop.services.surveys import questionnaire
        from pcrm_desktop.ui.kiosk import KioskWindow
        code = _survey_code(env)
        kiosk_ctx = env.ctx.as_actor(Actor(None, "kiosk", "kiosk", "민원실 키오스크"))
        window = KioskWindow(kiosk_ctx, env.runner, code, questionnaire(env.ctx, code)[1], idle_seconds=3600)
        window.set_language("en" if QLocale().language() == QLocale.Language.English else "ko")
        window.show()
        window.resize(1366, 768)
        if where != "start":
            window.begin()
        if where == "comment":
            window.index = next(i for i, item in enumerate(window.q.items) if item.type is ItemType.LONG_TEXT)
            window._show_item()
        window.unlocked = True  # hidden after the look, not left waiting for its PIN
        return window
    return open_


PAGES = ["dashboard", "citizens", "complaints", "surveys", "analysis", "reports", "access_log",
         "settings"]

DIALOGS: dict[str, Callable[[Env], QWidget]] = {
    "login": _login, "lock": _lock, "about": _about, "help": _help,
    "change-password": _change_password, "reset-password": _reset_password,
    "citizen-new": _new_citizen, "citizen-edit": _edit_citizen, "reveal-reason": _reveal,
    "merge": _merge, "import-citizens": _import("citizens"), "import-complaints": _import("complaints"),
    "intake": _intake, "case": _case,
    **{f"action-{name}": _action(name) for name in
       ("assign", "start", "hold", "extend", "transfer", "notice", "complete", "close")},
    "case-moved": _case_moved, "field-conflict": _field_conflict, "happy-call": _happy_call,
    "survey-new": _new_survey, "survey-edit": _edit_survey, "paper-entry": _paper_entry,
    "kiosk-setup": _kiosk_setup, "analysis-action": _analysis_action,
    "backup-export": _export_backup, "recovery": _recovery,
    "kiosk-start": _kiosk("start"), "kiosk-question": _kiosk("question"), "kiosk-comment": _kiosk("comment"),
}


def tab_states(top: QWidget) -> Iterator[str]:
    """Each tab of each tab widget on the window in turn (one level inside another too)."""
    yield ""
    for tabs in [t for t in top.findChildren(QTabWidget) if t.isVisibleTo(top)]:
        start = tabs.currentIndex()
        for index in range(tabs.count()):
            if index == start or not tabs.isTabEnabled(index) or not tabs.isTabVisible(index):
                continue
            tabs.setCurrentIndex(index)
            yield tabs.tabText(index).replace("&", "")
            for inner in [t for t in tabs.widget(index).findChildren(QTabWidget) if t.isVisibleTo(top)]:
                for sub in range(inner.count()):
                    if sub != inner.currentIndex() and inner.isTabEnabled(sub):
                        inner.setCurrentIndex(sub)
                        yield f"{tabs.tabText(index)}/{inner.tabText(sub)}".replace("&", "")
        tabs.setCurrentIndex(start)


def close_later(widget: QWidget) -> None:
    """Hidden, not deleted: the main window may still hold it (its About, its Help)."""
    widget.hide()
