"""Login, the forced password change, the idle lock and account management, in real windows."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from pcrm_desktop.services import accounts, office
from tests.conftest import ADMIN_PASSWORD
from tests.dbutil import rows
from tests.ui.helpers import save_screenshot, sign_in, type_text


@pytest.fixture
def app(qtbot, backend, admin_ctx, no_message_boxes):
    from pcrm_desktop.app import Application
    from tests.ui.conftest import _args
    application = Application(_args(), QApplication.instance())
    application.open_window(backend)
    qtbot.addWidget(application.login)
    yield application
    if application.window is not None and application.window.idle_lock is not None:
        application.window.idle_lock.unlock()
        application.window.idle_lock.stop()
    application.runner.wait(5000)


def _type(widget, text: str) -> None:
    """Keystrokes one by one, with their text (keyClicks aborts on Hangul offscreen)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def test_login_refuses_a_wrong_password_then_opens_the_window(qtbot, app, screenshot_dir, db_path):
    dialog = app.login
    assert app.window is None and dialog.isVisible()
    assert "청운효자동" in dialog.office_label.text()
    save_screenshot(dialog, screenshot_dir, "login")
    type_text(dialog.login, "hong")
    type_text(dialog.password, "Wrong#Pass2026")
    dialog.submit()
    qtbot.waitUntil(lambda: dialog.ok.isEnabled(), timeout=5000)
    assert "5번 잇달아 틀리면" in dialog.message.text() and dialog.password.text() == ""
    assert app.window is None
    save_screenshot(dialog, screenshot_dir, "login-refused")
    window = sign_in(qtbot, app)
    assert window.ctx.actor.login == "hong" and not dialog.isVisible()
    assert rows(db_path, "SELECT action FROM audit_log WHERE action LIKE 'login.%' ORDER BY id") \
        == [("login.fail",), ("login.ok",)]


def test_a_temporary_password_must_be_changed_before_the_window_opens(qtbot, app, admin_ctx,
                                                                     screenshot_dir):
    office.add_staff(admin_ctx, "김민원", "kim", "clerk", temporary_password="Temp#Pass2026")
    dialog = app.login
    type_text(dialog.login, "kim")
    type_text(dialog.password, "Temp#Pass2026")
    dialog.submit()
    qtbot.waitUntil(lambda: getattr(dialog, "change", None) is not None
                    and dialog.change.isVisible(), timeout=5000)
    change = dialog.change
    assert app.window is None and not change.current.isVisible()  # asked once, at the login
    save_screenshot(change, screenshot_dir, "password-change")
    type_text(change.new, "Desk#Counter2026")
    type_text(change.confirm, "Desk#Counter2025")
    change.submit()
    assert "다릅니다" in change.message.text() and app.window is None
    type_text(change.confirm, "Desk#Counter2026")
    change.submit()
    qtbot.waitUntil(lambda: app.window is not None, timeout=5000)
    assert app.window.ctx.actor.login == "kim"
    assert accounts.sign_in(admin_ctx, "kim", "Desk#Counter2026").must_change is False


def test_the_idle_lock_hides_everything_keeps_the_work_and_asks_again(qtbot, app, screenshot_dir,
                                                                      db_path):
    window = sign_in(qtbot, app)
    window.resize(1366, 768)
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=5000)
    page = window.open_page("citizens")
    dialog = page.new_citizen()
    qtbot.waitUntil(lambda: dialog.isVisible(), timeout=5000)
    type_text(dialog.name, "김철수")
    dialog.memo.setPlainText("다음 주 화요일 다시 방문")
    dialog.name.setFocus()
    title = dialog.windowTitle()

    lock = window.idle_lock
    assert lock.minutes == 10
    now = [1000.0]
    lock.clock = lambda: now[0]
    lock.last_input = now[0]
    now[0] += 9 * 60 + 59
    lock.check()
    assert not lock.locked  # not yet
    now[0] += 1
    lock.check()
    assert lock.locked and lock.panel.isVisible()

    # Every window is covered: nothing of the page or the dialog shows, nor their titles.
    for host in (window, dialog):
        cover = next(c for c in lock.covers if c.parent() is host)
        assert cover.isVisible() and cover.geometry() == host.rect()
        image = host.grab().toImage()
        for x in range(5, image.width(), max(1, image.width() // 9)):
            for y in range(5, image.height(), max(1, image.height() // 7)):
                assert image.pixelColor(x, y).name() == "#27323f", (host, x, y)
        assert "잠김" in host.windowTitle()
    # What the screen shows: the covered window with the lock panel over it.
    from PySide6.QtGui import QPainter
    screen = window.grab()
    painter = QPainter(screen)
    painter.drawPixmap(lock.panel.frameGeometry().topLeft() - window.frameGeometry().topLeft(),
                       lock.panel.grab())
    painter.end()
    assert screen.save(str(screenshot_dir / "idle-lock.png"))

    # Typing at the dialog under the cover reaches nothing; shortcuts do nothing.
    _type(dialog.name, "X")
    QApplication.sendEvent(window, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_K,
                                             Qt.KeyboardModifier.ControlModifier))
    assert dialog.name.text() == "김철수" and dialog.isVisible()

    # A wrong password is refused and counted; the right one gives the work back.
    type_text(lock.panel.password, "Wrong#Pass2026")
    lock.panel._submit()
    qtbot.waitUntil(lambda: lock.panel.unlock.isEnabled(), timeout=5000)
    assert lock.locked and "5번 잇달아 틀리면" in lock.panel.message.text()
    panel = lock.panel
    type_text(panel.password, ADMIN_PASSWORD)
    panel._submit()
    qtbot.waitUntil(lambda: not lock.locked, timeout=5000)
    assert dialog.isVisible() and dialog.name.text() == "김철수"
    assert dialog.memo.toPlainText() == "다음 주 화요일 다시 방문"
    assert dialog.windowTitle() == title and "잠김" not in window.windowTitle()
    from pcrm_desktop.ui.idle_lock import _Cover
    assert not [c for c in window.findChildren(_Cover) + dialog.findChildren(_Cover)
                if c.isVisible()]
    _type(dialog.name, "님")
    assert dialog.name.text() == "김철수님"  # typing works again
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=5000)
    actions = [a for (a,) in rows(db_path, "SELECT action FROM audit_log WHERE action LIKE "
                                           "'session.%' OR action LIKE 'unlock.%' ORDER BY id")]
    assert actions == ["session.lock", "unlock.fail", "unlock.ok"]
    dialog.reject()


def test_ctrl_l_locks_at_once_and_closing_is_refused_while_locked(qtbot, app):
    window = sign_in(qtbot, app)
    window.lock_now()
    assert window.idle_lock.locked
    window.close()
    assert window.isVisible()  # the lock is not a way round the password
    window.show_help()         # F1 neither: no window of the program opens over the lock
    assert window.help_window is None
    type_text(window.idle_lock.panel.password, ADMIN_PASSWORD)
    window.idle_lock.panel._submit()
    qtbot.waitUntil(lambda: not window.idle_lock.locked, timeout=5000)


def test_the_admin_manages_accounts_on_the_settings_page(qtbot, app, admin_ctx, screenshot_dir,
                                                         db_path):
    window = sign_in(qtbot, app)
    window.resize(1366, 768)
    page = window.open_page("settings")
    page.tabs.setCurrentIndex(1)
    type_text(page.new_name, "김민원")
    type_text(page.new_login, "kim")
    page._add_staff()
    qtbot.waitUntil(lambda: "임시 비밀번호:" in page.people_status.text(), timeout=5000)
    temporary = page.people_status.text().split("임시 비밀번호: ")[1].split(" ")[0]
    assert accounts.sign_in(admin_ctx, "kim", temporary).must_change
    for _ in range(5):
        with pytest.raises(accounts.SignInRefused):
            accounts.sign_in(admin_ctx, "kim", "Wrong#Pass2026")
    page.reload()
    qtbot.waitUntil(lambda: "잠김" in [page.staff_model.data(page.staff_model.index(r, 5))
                                      for r in range(page.staff_model.rowCount())], timeout=5000)
    save_screenshot(window, screenshot_dir, "settings-accounts")
    row = next(r for r in range(page.staff_model.rowCount()) if page.staff_model.row(r).login == "kim")
    page.staff_table.setCurrentIndex(page.staff_model.index(row, 0))
    page._reset_password()
    reset = page.reset_dialog
    new = reset.password.text()
    reset.submit()
    qtbot.waitUntil(lambda: "초기화했습니다" in page.people_status.text(), timeout=5000)
    assert accounts.sign_in(admin_ctx, "kim", new).must_change
    page.idle_minutes.setValue(3)
    page._save_idle_minutes()
    qtbot.waitUntil(lambda: "3분" in page.people_status.text(), timeout=5000)
    qtbot.waitUntil(lambda: window.idle_lock.minutes == 3, timeout=5000)


def test_a_message_arriving_while_locked_does_not_jam_the_lock(qtbot, app):
    """A task that finishes while the screen is locked may show a message box: it is covered,
    and the lock panel becomes the newest modal window again, so the password still reaches it
    (Qt gives input only to the newest modal window)."""
    from PySide6.QtWidgets import QMessageBox
    window = sign_in(qtbot, app)
    lock = window.idle_lock
    window.lock_now()
    box = QMessageBox(QMessageBox.Icon.Information, "완료", "가져오기를 마쳤습니다.",
                      QMessageBox.StandardButton.Ok, window)
    box.open()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is lock.panel, timeout=3000)
    assert "잠김" in box.windowTitle()
    _type(lock.panel.password, ADMIN_PASSWORD)
    assert lock.panel.password.text() == ADMIN_PASSWORD
    lock.panel._submit()
    qtbot.waitUntil(lambda: not lock.locked, timeout=5000)
    assert box.isVisible() and box.windowTitle() == "완료"  # the message is still there to read
    box.accept()


def test_a_locked_account_keeps_the_panel_usable_until_an_admin_resets_it(qtbot, app, admin_ctx,
                                                                         backend):
    office.add_staff(admin_ctx, "이관리", "lee", "admin", temporary_password="Temp#Pass2026")
    lee = backend.ctx.as_actor(accounts.sign_in(backend.ctx, "lee", "Temp#Pass2026").actor)
    window = sign_in(qtbot, app)
    lock = window.idle_lock
    window.lock_now()
    for _ in range(5):  # someone tries the panel five times: the account locks
        type_text(lock.panel.password, "Wrong#Pass2026")
        lock.panel._submit()
        qtbot.waitUntil(lambda: lock.panel.unlock.isEnabled(), timeout=5000)
    type_text(lock.panel.password, ADMIN_PASSWORD)
    lock.panel._submit()
    qtbot.waitUntil(lambda: lock.panel.quit.isVisible(), timeout=5000)
    assert "잠겼습니다" in lock.panel.message.text() and lock.panel.password.isEnabled()
    assert lock.locked
    # The other admin gives a temporary password: it unlocks the screen (the work is still
    # there) and a new password is asked for at once.
    accounts.reset_password(lee, "hong", "Fresh#Start2026")
    type_text(lock.panel.password, "Fresh#Start2026")
    lock.panel._submit()
    qtbot.waitUntil(lambda: not lock.locked, timeout=5000)
    qtbot.waitUntil(lambda: getattr(window, "password_dialog", None) is not None
                    and window.password_dialog.isVisible(), timeout=5000)
    assert window.password_dialog.forced and not window.password_dialog.current.isVisible()
    window.password_dialog.reject()
