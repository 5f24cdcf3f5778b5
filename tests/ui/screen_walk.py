"""The walk of every page and dialog (tests/ui/screens.py) in one language and text size, in a
process of its own (a fresh QApplication, as a user's start would give): runs every check of
screen_checks.py on each window and tab, saves a screenshot of each, and writes the problems as
JSON. Run by test_every_screen.py; by hand:

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.screen_walk ko 150 demo.db out.json shots/
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QSettings  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QMainWindow  # noqa: E402

from tests.ui import screen_checks as checks  # noqa: E402
from tests.ui.screens import DIALOGS, PAGES, Env, close_later, copy_database, open_page, tab_states  # noqa: E402


class _Bot:
    """The little of qtbot the walk needs."""

    @staticmethod
    def waitUntil(condition, timeout: int = 10000) -> None:  # noqa: N802 - qtbot's name
        deadline = time.monotonic() + timeout / 1000
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("the screen did not settle")
            QTest.qWait(20)


def _private_settings(folder: Path) -> None:
    from pcrm_desktop import APP_NAME, ORG_NAME
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)


def _open_application(db_path: Path, language: str, scale: int):
    from pcrm_desktop.app import Application
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.services.demo import DEMO_PASSWORD
    from pcrm_desktop.ui.settings import FONT_SCALE, AppSettings
    from tests.ui.conftest import _args
    AppSettings().set(FONT_SCALE, scale)
    backend = open_backend(str(db_path))
    app = Application(_args(lang=language), QApplication.instance())
    app.open_window(backend)
    app.login.login.setText("admin")
    app.login.password.setText(DEMO_PASSWORD)
    app.login.submit()
    _Bot.waitUntil(lambda: app.window is not None, 10000)
    return app, backend


def walk(demo_file: Path, work: Path, language: str, scale: int, shots: Path) -> dict[str, list[str]]:
    db_path = copy_database(demo_file, work)
    app, backend = _open_application(db_path, language, scale)
    window = app.window
    env = Env(_Bot(), app, window, db_path, work)
    shots.mkdir(parents=True, exist_ok=True)
    found: dict[str, list[str]] = {name: [] for name in [*checks.CHECKS, "language"]}
    from tests.dbutil import rows
    # the office's own words, shown as typed in either language
    data = [r[0] for query in ("SELECT name FROM staff", "SELECT name FROM departments",
                               "SELECT name FROM complaint_categories", "SELECT name FROM customer_groups",
                               "SELECT title FROM surveys", "SELECT DISTINCT dong_name FROM citizens",
                               "SELECT name FROM office")
            for r in rows(db_path, query) if r[0]]
    language_check = ((lambda top: checks.english(top, (window.office_name, *data)))
                      if language == "en" else checks.korean)
    window.showNormal()
    window.resize(checks.MAX_CONTENT_WIDTH, checks.MAX_CONTENT_HEIGHT)
    for key in PAGES:
        _look(env, f"page-{key}", lambda e, k=key: open_page(e, k), found, language_check, shots)
    for name, open_ in DIALOGS.items():
        _look(env, name, open_, found, language_check, shots)
    env.idle()
    app.runner.wait(10000)
    return found


def _look(env: Env, name: str, open_, found, language_check, shots: Path) -> None:
    top = open_(env)
    if not top.isVisible():
        top.show()
    try:
        env.idle()
    except TimeoutError as error:
        raise TimeoutError(f"{name}: its background work did not end in time ({env.runner.busy()})") from error
    if not isinstance(top, QMainWindow):
        hint = top.sizeHint()
        top.resize(min(max(hint.width(), top.width()), checks.MAX_CONTENT_WIDTH),
                   min(max(hint.height(), top.height()), checks.MAX_CONTENT_HEIGHT))
    QApplication.processEvents()
    seen: set[tuple[str, str]] = set()
    for state in tab_states(top):
        env.idle()
        where = f"{name}{' › ' + state if state else ''}"
        for check_name, check in [*checks.CHECKS.items(), ("language", language_check)]:
            for problem in check(top):
                if (check_name, problem) not in seen:  # a page's own problem once, not per tab
                    seen.add((check_name, problem))
                    found[check_name].append(f"{where}: {problem}")
        label = f"{name}-{state}" if state else name
        top.grab().save(str(shots / f"{_file_name(label)}.png"))
    if top is not env.window:
        close_later(top)
        env.idle()


def _file_name(label: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in label)[:80]


def main(argv: list[str]) -> int:
    language, scale, demo_file, out, shots = argv[0], int(argv[1]), Path(argv[2]), Path(argv[3]), Path(argv[4])
    with tempfile.TemporaryDirectory(prefix="pcrm-walk-") as folder:
        work = Path(folder)
        _private_settings(work / "settings")
        os.environ["PCRM_PROFILE_DIR"] = str(work / "profile")
        qt_app = QApplication([sys.argv[0]])
        from pcrm_desktop.ui.i18n_build import build
        build()
        found = walk(demo_file, work, language, scale, shots)
        out.write_text(json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
        qt_app.processEvents()
    os._exit(0)  # the walk's windows are not torn down one by one: the process ends


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
