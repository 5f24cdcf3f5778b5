"""Screenshots for docs/USER_GUIDE.md, taken from the real app on a fresh demo database.

    .venv/bin/python tools/guide_screenshots.py [--out docs/images] [--keep]

What it does, from scratch every time:
1. makes a demo database in a temporary folder (the same data as
   `pcrm demo --citizens 1000 --complaints 3000 --responses 1500 --seed 1`; the dates follow
   today's date);
2. starts the real application in this process, offscreen (QT_QPA_PLATFORM=offscreen), with
   private settings in the temporary folder: nothing touches the user's own data or settings;
3. signs in as the demo clerk (clerk01) for the counter work, as the admin for settings and
   the kiosk setup, and as the kiosk account for the kiosk; drives each screen to the state the
   guide describes, waits for the background loads (TaskRunner) to finish, and grabs it;
4. saves every picture as an optimised PNG (palette-quantised when it stays legible), main
   windows at 1366×768 (the common office screen), the kiosk at 1280×800.

Hangul is typed with QLineEdit.setText + textEdited.emit (key clicks abort on Hangul offscreen),
as the UI tests do. No modal box is ever run: what the app would have said is recorded, and the
boxes the guide shows (the deadline's explanation, the receipt number, the restore question) are
built from the same text and grabbed. The names and sizes are printed; any step that does not
reach its state stops the run with an error (exit status 1).
"""
from __future__ import annotations

import argparse
import io
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["COMPUTERNAME"] = "MINWON-PC01"  # the PC name the access log shows, the same every run

MAIN_SIZE = (1366, 768)
KIOSK_SIZE = (1280, 800)
SEED = 1
DEMO = {"citizens": 1000, "complaints": 3000, "responses": 1500, "seed": SEED}
CLERK = "clerk01"
KIOSK_PIN = "4821"
# A picture is saved with a 256-colour palette only if at most MAX_MOVED of its pixels change
# by VISIBLE_STEP or more (grey levels, 0–255): anti-aliased Hangul stays crisp. Flat widget
# screenshots pass easily; the report thumbnails and the kiosk's soft shadows are the test.
MAX_COLOURS = 256
VISIBLE_STEP = 24
MAX_MOVED = 0.002
WORK_FOLDER = "pcrm-guide"
SEARCH_TEXT = "김동"  # two syllables, as a clerk types them; several demo residents match
# The resident registered at the counter: an obviously made-up example.
NEW_RESIDENT = {"name": "김철수", "birth_year": "1958", "phone": "010-1234-5678",
                "road": "서울특별시 종로구 자하문로 000", "dong": "청운동"}


def parse_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(REPO / "docs" / "images"), help="where the PNGs go")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder (database)")
    return parser.parse_args(argv)


# --- waiting for the app --------------------------------------------------------------------

def pump(ms: int = 30) -> None:
    from PySide6.QtTest import QTest
    QTest.qWait(ms)


def wait_until(condition, timeout: float = 30.0, what: str = "") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out waiting for {what or condition}")
        pump(20)


def settle(*runners, rounds: int = 3) -> None:
    """Until every runner has been idle a few times in a row: loads chain (a list, then its
    counts, then the selected row's details)."""
    quiet = 0
    deadline = time.monotonic() + 120
    while quiet < rounds:
        if time.monotonic() > deadline:
            raise TimeoutError("the app stayed busy")
        pump(40)
        quiet = quiet + 1 if not any(r.busy() for r in runners if r is not None) else 0


# --- pictures -------------------------------------------------------------------------------

class Shots:
    def __init__(self, out: Path) -> None:
        self.out = out
        self.made: list[tuple[str, int, str]] = []
        out.mkdir(parents=True, exist_ok=True)

    def save(self, name: str, pixmap_or_widget) -> None:
        from PySide6.QtCore import QBuffer, QIODevice
        from PySide6.QtWidgets import QWidget
        pixmap = pixmap_or_widget.grab() if isinstance(pixmap_or_widget, QWidget) else pixmap_or_widget
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        if not pixmap.save(buffer, "PNG"):
            raise RuntimeError(f"could not grab {name}")
        path = self.out / f"{name}.png"
        mode = optimise(bytes(buffer.data()), path)
        self.made.append((path.name, path.stat().st_size, mode))
        print(f"  {path.name:34} {path.stat().st_size / 1024:7.1f} KB  {mode}", flush=True)


def optimise(png: bytes, path: Path) -> str:
    """A 256-colour palette PNG when it looks the same as the grab (checked pixel by pixel:
    anti-aliased Hangul must stay crisp), else an optimised RGB PNG. Returns what was chosen
    and how many pixels moved visibly."""
    from PIL import Image, ImageChops
    image = Image.open(io.BytesIO(png)).convert("RGB")
    quantised = image.quantize(colors=MAX_COLOURS, method=Image.Quantize.MEDIANCUT,
                               dither=Image.Dither.NONE)
    difference = ImageChops.difference(image, quantised.convert("RGB")).convert("L")
    histogram = difference.histogram()
    moved = sum(histogram[VISIBLE_STEP:]) / (image.width * image.height)
    if moved <= MAX_MOVED:
        quantised.save(path, "PNG", optimize=True)
        return f"palette (moved {moved:.3%})"
    image.save(path, "PNG", optimize=True)
    return f"rgb (palette would move {moved:.3%})"


def composite(window, *dialogs):
    """What the screen shows: the window with its dialogs drawn where they sit over it."""
    from PySide6.QtGui import QPainter
    screen = window.grab()
    painter = QPainter(screen)
    origin = window.mapToGlobal(window.rect().topLeft())
    for dialog in dialogs:
        at = dialog.mapToGlobal(dialog.rect().topLeft()) - origin
        painter.drawPixmap(at, dialog.grab())
    painter.end()
    return screen


def message_box(record, parent):
    """The box the app would have shown (QMessageBox.information/warning), made and grabbed."""
    from PySide6.QtWidgets import QMessageBox
    kind, title, text = record
    icon = QMessageBox.Icon.Information if kind == "info" else QMessageBox.Icon.Warning
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.show()
    pump(80)
    pixmap = box.grab()
    box.close()
    box.deleteLater()
    return pixmap


def last_message(shown: list, title_word: str):
    """The message the step just before should have produced (its title says what it is)."""
    if not shown or title_word not in shown[-1][1]:
        raise RuntimeError(f"expected a message about {title_word}, got {shown[-1:]}")
    return shown[-1]


def richest_citizen(backend, ids: list[int]) -> int:
    """Of the residents found, the one with the most history (민원 and 상담): the profile then
    shows a full timeline."""
    import sqlite3
    marks = ",".join(str(int(i)) for i in ids)
    connection = sqlite3.connect(f"file:{backend.location.path}?mode=ro", uri=True)
    try:
        row = connection.execute(
            "SELECT c.id, (SELECT count(*) FROM complaints k WHERE k.citizen_id = c.id)"
            " + (SELECT count(*) FROM interactions i WHERE i.citizen_id = c.id) AS n"
            f" FROM citizens c WHERE c.id IN ({marks}) ORDER BY n DESC, c.id LIMIT 1").fetchone()
    finally:
        connection.close()
    return row[0]


# --- the runs -------------------------------------------------------------------------------

def make_demo(folder: Path) -> Path:
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.services.demo import DemoRequest, fill_demo
    db = folder / "PCRM Desktop" / "pcrm.db"
    db.parent.mkdir(parents=True)
    backend = open_backend(str(db))
    try:
        result = fill_demo(backend.ctx, DemoRequest(**DEMO))
    finally:
        backend.close()
    print(f"demo database: {db} ({result.seconds:.1f} s, {result.counts})", flush=True)
    return db


def quiet_message_boxes(shown: list) -> None:
    """A modal box would stop the run; what it would have said is recorded instead."""
    from pcrm_desktop.ui import dialogs
    dialogs.show_error = lambda parent, title, text: shown.append(("error", title, text))
    dialogs.show_info = lambda parent, title, text: shown.append(("info", title, text))


def quiet_qt_warnings() -> None:
    """The offscreen platform warns about window features it lacks; nothing else is hidden."""
    from PySide6.QtCore import qInstallMessageHandler
    noise = ("does not support propagateSizeHints", "does not support raise")

    def handler(mode, context, message) -> None:
        if not any(n in message for n in noise):
            print(message, file=sys.stderr)
    qInstallMessageHandler(handler)


def type_text(edit, text: str) -> None:
    edit.setFocus()
    edit.setText(text)
    edit.textEdited.emit(text)


def application(qt_app, user: str = "", windowed: bool = False):
    from pcrm_desktop.app import Application
    args = argparse.Namespace(db=None, lang="ko", user=user or None, windowed=windowed,
                              exit_after_show=False)
    return Application(args, qt_app)


def sign_in(app, login: str, password: str):
    dialog = app.login
    type_text(dialog.login, login)
    type_text(dialog.password, password)
    dialog.submit()
    wait_until(lambda: app.window is not None or app.kiosk is not None, 20, "sign-in")
    return app.window or app.kiosk


def main_window(qt_app, backend, login: str, password: str, look=None):
    """The app signed in as `login`, its main window at the office screen's size and loaded;
    `look(dialog)` sees the filled login dialog before it is submitted."""
    app = application(qt_app)
    app.open_window(backend)
    dialog = app.login
    type_text(dialog.login, login)
    type_text(dialog.password, password)
    if look is not None:
        look(dialog)
    dialog.submit()
    wait_until(lambda: app.window is not None, 20, "sign-in")
    app.window.resize(*MAIN_SIZE)
    settle(app.runner)
    return app


def run(out: Path, keep: bool) -> list[tuple[str, int, str]]:
    # A fixed folder, so the database path the screens show is the same every run.
    work = Path(tempfile.gettempdir()) / WORK_FOLDER
    if work.exists():
        shutil.rmtree(work)
    work.mkdir()
    # anything that asks the system for a per-user folder gets one inside the work folder
    for name in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "APPDATA", "LOCALAPPDATA"):
        os.environ[name] = str(work / "user" / name.lower())
    try:
        return _run(work, out)
    finally:
        if keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


def _run(work: Path, out: Path) -> list[tuple[str, int, str]]:
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from pcrm_desktop import APP_NAME, ORG_NAME
    # private settings: no saved window state, language or last user of the person running this
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(work / "settings"))
    QCoreApplication.setOrganizationName(ORG_NAME)
    QCoreApplication.setApplicationName(APP_NAME)
    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    quiet_qt_warnings()
    QSettings().clear()
    shown: list = []
    quiet_message_boxes(shown)
    shots = Shots(out)
    db = make_demo(work)
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.services.demo import ADMIN_LOGIN, DEMO_PASSWORD
    backend = open_backend(str(db))
    from pcrm_desktop.services import backups
    backups.automatic_backup(backend.ctx, "start")  # what the app makes when it starts
    try:
        counter_work(qt_app, backend, shots, DEMO_PASSWORD, shown)
        admin_work(qt_app, backend, shots, ADMIN_LOGIN, DEMO_PASSWORD, shown)
        kiosk_work(qt_app, backend, shots, DEMO_PASSWORD)
    finally:
        backend.close()
    recovery(work, db, shots, ADMIN_LOGIN, DEMO_PASSWORD)
    if shown:
        print("messages the app would have shown:")
        for kind, title, text in shown:
            print(f"  [{kind}] {title}: {text.splitlines()[0] if text else ''}")
    return shots.made


def counter_work(qt_app, backend, shots: Shots, password: str, shown: list) -> None:
    """A clerk's day at the counter, as the guide walks through it."""
    def look(login) -> None:
        login.adjustSize()
        pump(50)
        shots.save("login", login)
    app = main_window(qt_app, backend, CLERK, password, look)
    window, runner = app.window, app.runner

    # --- find a resident: two syllables of a name -------------------------------------------
    page = window.open_page("citizens")
    settle(runner)
    type_text(page.search, SEARCH_TEXT)
    page.run_search()
    settle(runner)
    rows = [page.model.row(i) for i in range(page.model.rowCount())]
    richest = richest_citizen(backend, [r.id for r in rows])
    page.table.selectRow(next(i for i, r in enumerate(rows) if r.id == richest))
    wait_until(lambda: page.profile.profile is not None, 20, "profile")
    settle(runner)
    shots.save("counter-search", window)

    # --- the profile: a consultation added in three keystrokes ------------------------------
    profile = page.profile
    profile.contact_channel.setCurrentIndex(profile.contact_channel.findData("visit"))
    profile.contact_kind.setCurrentIndex(profile.contact_kind.findData("visit"))
    type_text(profile.contact_summary, "주민등록등본 발급 안내, 다음 주 재방문 예정")
    before = profile.timeline.rowCount()
    profile.contact_summary.returnPressed.emit()
    wait_until(lambda: profile.timeline.rowCount() == before + 1, 20, "timeline")
    settle(runner)
    shots.save("resident-profile", profile)

    # --- a new resident ---------------------------------------------------------------------
    dialog = page.new_citizen()
    settle(runner)
    type_text(dialog.name, NEW_RESIDENT["name"])
    type_text(dialog.birth_year, NEW_RESIDENT["birth_year"])
    type_text(dialog.phone1, NEW_RESIDENT["phone"])
    type_text(dialog.road, NEW_RESIDENT["road"])
    type_text(dialog.dong, NEW_RESIDENT["dong"])
    dialog.check_duplicates()
    settle(runner)
    pump(100)
    shots.save("resident-new", dialog)
    if dialog.duplicate_warning.isVisible():
        dialog.confirm_new.setChecked(True)
    dialog.save()
    wait_until(lambda: dialog.result() == dialog.DialogCode.Accepted, 20, "resident saved")
    settle(runner)
    # the same person typed in again a moment later: the warning before a duplicate is made
    again = page.new_citizen()
    settle(runner)
    type_text(again.name, NEW_RESIDENT["name"])
    type_text(again.phone1, NEW_RESIDENT["phone"].replace("-", ""))
    again.check_duplicates()
    wait_until(again.duplicate_warning.isVisible, 20, "duplicate warning")
    settle(runner)
    pump(100)
    shots.save("resident-duplicate", again)
    again.reject()
    settle(runner)

    # --- a new 민원 at the counter -----------------------------------------------------------
    complaints_page = window.open_page("complaints")
    settle(runner)
    intake = window.new_complaint()
    settle(runner)
    intake.type.setCurrentIndex(intake.type.findData("inquiry"))
    category = next(c["id"] for c in complaints_page.categories if c["name"] == "불법주정차")
    intake.category.setCurrentIndex(intake.category.findData(category))
    type_text(intake.title, "골목길 불법주정차 단속 요청")
    intake.content.setPlainText("저녁마다 소방도로에 차량이 주차되어 있어 구급차가 들어오기 어렵습니다. "
                                "단속을 요청합니다.")
    type_text(intake.dong, "청운동")
    type_text(intake.applicant_search, NEW_RESIDENT["name"][:2])
    intake._search_applicant()
    settle(runner)
    match = next(i for i in range(intake.applicant_list.count())
                 if NEW_RESIDENT["phone"][-4:] in intake.applicant_list.item(i).text())
    intake._choose_applicant(intake.applicant_list.item(match))
    settle(runner)
    wait_until(lambda: intake.deadline is not None, 20, "deadline")
    settle(runner)
    pump(100)
    shots.save("complaint-intake", intake)
    intake._explain_due()
    shots.save("complaint-deadline", message_box(last_message(shown, "처리기한"), intake))
    intake.save()
    wait_until(lambda: intake.result() == intake.DialogCode.Accepted, 20, "complaint saved")
    case_id = intake.result_info.complaint_id
    settle(runner)
    shots.save("complaint-receipt-no", message_box(last_message(shown, "접수"), window))

    # --- the queue with its deadline clock ---------------------------------------------------
    complaints_page.show_queue("open")
    settle(runner)
    shots.save("complaint-queue", window)

    # --- processing the case: 배정 → 처리 시작 → 중간통지 → 처리완료 → 종결 ---------------------------
    case = complaints_page.open_case(case_id)
    settle(runner)
    case.resize(1000, 560)
    from pcrm_desktop.domain.complaints import Action, Result

    def act(action, **fill):
        step = case.start_action(action)
        settle(runner)
        for name, value in fill.items():
            widget = getattr(step, name)
            if hasattr(widget, "findData"):
                widget.setCurrentIndex(widget.findData(value))
            else:
                widget.setPlainText(value)
        return step

    def submit(step):
        before = case.history.rowCount()
        step.submit()
        wait_until(lambda: case.history.rowCount() == before + 1, 20, "step")
        settle(runner)

    submit(act(Action.ASSIGN, assignee=window.ctx.actor.staff_id))
    submit(act(Action.START))
    submit(act(Action.NOTICE))  # 중간통지: the text comes filled from the case
    pump(100)
    shots.save("complaint-case", case)
    step = act(Action.COMPLETE, result=Result.ACCEPTED.value,
               answer="어제 저녁 단속반이 현장을 단속하였고, 주차 금지 안내문을 붙였습니다. "
                      "계속되면 다시 알려 주십시오.")
    step.adjustSize()
    pump(100)
    shots.save("complaint-complete", step)
    submit(step)
    submit(act(Action.CLOSE))
    case.accept()
    settle(runner)

    # --- happy call ------------------------------------------------------------------------
    calls = complaints_page.open_happy_calls()
    settle(runner)
    calls.resize(1100, 640)
    calls.sample()
    settle(runner)
    if calls.model.rowCount():
        calls.table.selectRow(0)
    pump(100)
    shots.save("happy-call", calls)
    calls.reject()
    settle(runner)

    # --- the monthly report ------------------------------------------------------------------
    reports = window.open_page("reports")
    settle(runner)
    reports.kinds.setCurrentRow(0)
    reports.build()
    wait_until(lambda: reports.build_button.isEnabled() and not runner.busy(), 120, "report")
    settle(runner)
    shots.save("report-monthly", window)

    # --- the dashboard, after the morning's work -----------------------------------------------
    window.open_page("dashboard")
    window.refresh_current()
    settle(runner)
    shots.save("main-dashboard", window)

    # --- the idle lock ----------------------------------------------------------------------------
    window.open_page("citizens")
    settle(runner)
    window.lock_now()
    lock = window.idle_lock
    wait_until(lambda: lock.panel.isVisible(), 10, "lock")
    pump(100)
    shots.save("idle-lock", composite(window, lock.panel))
    type_text(lock.panel.password, password)
    lock.panel._submit()
    wait_until(lambda: not lock.locked, 20, "unlock")
    settle(runner)
    lock.stop()
    runner.wait(10000)
    window.close()


def admin_work(qt_app, backend, shots: Shots, login: str, password: str, shown: list) -> None:
    """The admin's screens: survey results, the kiosk's setup, 설정 > 백업 with a restore asked."""
    app = main_window(qt_app, backend, login, password)
    window, runner = app.window, app.runner

    # --- survey results -------------------------------------------------------------------------
    page = window.open_page("surveys")
    settle(runner)
    page.survey.setCurrentIndex(page.survey.findData("COUNTER"))
    settle(runner)
    wait_until(lambda: page.results is not None, 30, "survey results")
    shots.save("survey-results", window)

    # --- the kiosk's survey and staff PIN -----------------------------------------------------
    setup = page.kiosk_setup()
    settle(runner)
    setup.survey.setCurrentIndex(setup.survey.findData("COUNTER"))
    type_text(setup.pin, KIOSK_PIN)
    type_text(setup.pin_again, KIOSK_PIN)
    setup.adjustSize()
    pump(100)
    shots.save("kiosk-setup", setup)
    setup.save()
    wait_until(lambda: not setup.isVisible(), 20, "kiosk setup saved")
    settle(runner)

    # --- 설정 > 백업: back up now, then what a restore would do ----------------------------------
    settings = window.open_page("settings")
    settle(runner)
    settings.tabs.setCurrentWidget(settings.backups)
    settle(runner)
    settings.backups.backup_button.click()
    settle(runner)
    settings.backups.table.selectRow(0)
    pump(100)
    shots.save("settings-backup", window)
    from pcrm_desktop.ui import dialogs
    real_ask_choice = dialogs.ask_choice

    def look_then_cancel(parent, title, text, choices):
        from PySide6.QtWidgets import QMessageBox
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel,
                          parent)
        for _key, label in choices:
            box.addButton(label, QMessageBox.ButtonRole.AcceptRole)
        box.show()
        pump(100)
        shots.save("backup-restore-confirm", box)
        box.close()  # and answer 취소 (None): nothing is restored
    dialogs.ask_choice = look_then_cancel
    try:
        settings.backups.restore_button.click()
        settle(runner)
    finally:
        dialogs.ask_choice = real_ask_choice
    runner.wait(10000)
    window.idle_lock.stop()
    window.close()


def kiosk_work(qt_app, backend, shots: Shots, password: str) -> None:
    """The kiosk account on the 1280×800 touch screen (windowed, as `--windowed` shows it)."""
    from PySide6.QtWidgets import QPushButton
    app = application(qt_app, user="kiosk", windowed=True)
    app.open_window(backend)
    kiosk = sign_in(app, "kiosk", password)
    kiosk.resize(*KIOSK_SIZE)
    settle(app.runner)
    pump(200)
    shots.save("kiosk-start", kiosk)
    kiosk.findChild(QPushButton, "kioskStart").click()
    wait_until(lambda: all(b.isVisible() for b in kiosk.choice_buttons.values()), 10, "question")
    pump(200)
    shots.save("kiosk-question", kiosk)
    kiosk.idle.timeout.emit()  # as if nobody touched it for 60 seconds
    wait_until(kiosk.overlay.isVisible, 10, "countdown")
    pump(100)
    shots.save("kiosk-countdown", kiosk)
    kiosk.findChild(QPushButton, "kioskContinue").click()
    app.runner.wait(10000)
    kiosk.unlocked = True  # as the staff PIN would
    kiosk.idle.stop()
    kiosk.close()


def recovery(work: Path, db: Path, shots: Shots, login: str, password: str) -> None:
    """What the app shows at start when its database file is damaged: a copy of the demo
    database with a backup of its own, then damaged the way a failing disk damages pages."""
    import sqlite3

    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.config import resolve_database
    from pcrm_desktop.services import accounts, backups
    from pcrm_desktop.ui.recovery_dialog import RecoveryDialog
    folder = work / "damaged" / "PCRM Desktop"
    folder.mkdir(parents=True)
    copy = folder / db.name
    source, target = sqlite3.connect(db), sqlite3.connect(copy)
    with target:
        source.backup(target)
    source.close()
    target.close()
    backend = open_backend(str(copy))
    try:
        admin = backend.ctx.as_actor(accounts.sign_in(backend.ctx, login, password).actor)
        backups.backup_now(admin)
    finally:
        backend.close()
    content = bytearray(copy.read_bytes())
    for page in range(1, len(content) // 4096):
        content[page * 4096 + 100:page * 4096 + 160] = b"\xab" * 60
    copy.write_bytes(bytes(content))
    location = resolve_database(str(copy))
    check = backups.check_at_start(location)
    if check.state != "damaged":
        raise RuntimeError(f"the damaged copy was not seen as damaged: {check.state}")
    dialog = RecoveryDialog(location, check)
    dialog.show()
    wait_until(lambda: dialog.good is not None, 60, "good backup")
    type_text(dialog.login, login)
    dialog.adjustSize()
    pump(100)
    shots.save("recovery-dialog", dialog)
    dialog.reject()


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    started = time.perf_counter()
    made = run(Path(args.out), args.keep)
    total = sum(size for _, size, _ in made)
    print(f"{len(made)} pictures, {total / 1024:.0f} KB in {Path(args.out)}; "
          f"{time.perf_counter() - started:.0f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
