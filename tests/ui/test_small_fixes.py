"""Issue 18 §11, the smaller defects, in real windows: Ctrl+L is logged as a lock by hand (the
idle time running out as the automatic one); a manager's staff list has no empty account
columns; Ctrl+Shift+N opens the new-resident form from every page; no two controls of a wizard
page share an Alt key (Korean and English); the lock panel's wrong-password text speaks of the
password only; the happy-call script names the office.
Screenshots: /work/helpers/shots/small-fixes/."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from pcrm_desktop.services import accounts, office
from tests.conftest import ADMIN_PASSWORD
from tests.dbutil import rows
from tests.ui.a11y_checks import duplicate_mnemonics, mnemonic
from tests.ui.helpers import save_screenshot, sign_in, type_text

SHOTS = Path("/work/helpers/shots/small-fixes")
HANGUL = re.compile(r"[\uac00-\ud7a3\u3131-\u318e]")


def _idle(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=10000)
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not window.runner.busy(), timeout=10000)


@pytest.fixture
def app(qtbot, backend, admin_ctx, no_message_boxes):
    from pcrm_desktop.app import Application
    from tests.ui.conftest import _args
    application = Application(_args(), QApplication.instance())
    application.open_window(backend)
    qtbot.addWidget(application.login)
    yield application
    if application.window is not None and application.window.idle_lock is not None:
        if application.window.idle_lock.locked:
            application.window.idle_lock.unlock()
        application.window.idle_lock.stop()
    application.runner.wait(10000)


def _shown(qtbot, app, login: str = "hong", password: str | None = None):
    window = sign_in(qtbot, app, login, password)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.activateWindow()
    qtbot.waitExposed(window)
    _idle(qtbot, window)
    return window


def _unlock(qtbot, window, password: str = ADMIN_PASSWORD) -> None:
    lock = window.idle_lock
    type_text(lock.panel.password, password)
    lock.panel._submit()
    qtbot.waitUntil(lambda: not lock.locked, timeout=5000)
    _idle(qtbot, window)


# --- (a) Ctrl+L is a lock by hand ----------------------------------------------------------------

def test_ctrl_l_is_logged_and_shown_as_a_lock_by_hand_the_idle_one_as_automatic(qtbot, app,
                                                                                db_path):
    window = _shown(qtbot, app)
    window.menus.lock_action.trigger()                      # 파일 › 화면 잠금 (Ctrl+L)
    assert window.idle_lock.locked
    _unlock(qtbot, window)
    lock = window.idle_lock
    now = [5000.0]
    lock.clock = lambda: now[0]
    lock.last_input = now[0]
    now[0] += lock.minutes * 60
    lock.check()                                      # the idle time ran out
    assert lock.locked
    _unlock(qtbot, window)
    assert [a for (a,) in rows(db_path, "SELECT action FROM audit_log WHERE action LIKE "
                                        "'session.%' ORDER BY id")] == \
        ["session.lock_manual", "session.lock"]

    page = window.open_page("access_log")
    _idle(qtbot, page)
    model = page.model
    qtbot.waitUntil(lambda: not model.canFetchMore() and not model.is_loading(), timeout=10000)
    shown = {model.row(i).action: model.data(model.index(i, 3)) for i in range(model.rowCount())}
    assert shown["session.lock_manual"] == "화면 잠금"
    assert shown["session.lock"] == "자동 화면 잠금"


# --- (f) the lock panel asks a password only, and says only the password was wrong -------------

def test_the_lock_panel_says_the_password_was_wrong_not_the_login(qtbot, app):
    window = _shown(qtbot, app)
    window.lock_now()
    panel = window.idle_lock.panel
    type_text(panel.password, "Wrong#Pass2026")
    panel._submit()
    qtbot.waitUntil(lambda: panel.unlock.isEnabled(), timeout=5000)
    text = panel.message.text()
    assert text.startswith("비밀번호가 맞지 않습니다.") and "5번 잇달아 틀리면" in text
    assert "로그인 ID" not in text
    SHOTS.mkdir(parents=True, exist_ok=True)
    save_screenshot(panel, SHOTS, "lock-wrong-password")
    _unlock(qtbot, window)


def test_the_lock_panel_says_it_in_english_too(qtbot, app):
    window = _shown(qtbot, app)
    try:
        app.set_language("en")
        window.lock_now()
        panel = window.idle_lock.panel
        type_text(panel.password, "Wrong#Pass2026")
        panel._submit()
        qtbot.waitUntil(lambda: panel.unlock.isEnabled(), timeout=5000)
        assert panel.message.text() == ("Wrong password. The account locks after 5 wrong "
                                        "passwords in a row.")
        _unlock(qtbot, window)
    finally:
        app.set_language("ko")


# --- (b) a manager's staff list: no columns left empty --------------------------------------------

def test_a_manager_sees_no_empty_account_columns_the_admin_sees_them_filled(qtbot, app,
                                                                            admin_ctx):
    office.add_staff(admin_ctx, "김팀장", "kim.tm", "manager", temporary_password="Temp#Pass2025")
    signed = accounts.sign_in(admin_ctx, "kim.tm", "Temp#Pass2025")
    accounts.change_password(admin_ctx.as_actor(signed.actor), "Temp#Pass2025", "Mine#Pass2025",
                             "Mine#Pass2025")
    window = _shown(qtbot, app, "kim.tm", "Mine#Pass2025")
    page = window.open_page("settings")
    page.tabs.setCurrentIndex(1)
    _idle(qtbot, window)
    model, table = page.staff_model, page.staff_table
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    account, last = headers.index("계정"), headers.index("마지막 로그인")
    assert table.isColumnHidden(account) and table.isColumnHidden(last)
    for column in range(model.columnCount()):  # every column shown has something in it
        if not table.isColumnHidden(column):
            assert any(model.data(model.index(r, column)) for r in range(model.rowCount())), \
                headers[column]
    SHOTS.mkdir(parents=True, exist_ok=True)
    save_screenshot(window, SHOTS, "settings-staff-manager")


def test_the_admin_still_sees_account_state_and_last_sign_in(qtbot, app):
    window = _shown(qtbot, app)
    page = window.open_page("settings")
    page.tabs.setCurrentIndex(1)
    _idle(qtbot, window)
    model, table = page.staff_model, page.staff_table
    hong = next(r for r in range(model.rowCount()) if model.row(r).login == "hong")
    for column in (5, 6):
        assert not table.isColumnHidden(column)
        assert model.data(model.index(hong, column))    # 정상, and today's sign-in


# --- (c) Ctrl+Shift+N from every page -------------------------------------------------------------

def test_ctrl_shift_n_opens_the_new_resident_form_from_every_page(qtbot, app):
    window = _shown(qtbot, app)
    shown = [e.key for i, e in enumerate(window.entries) if not window.nav.item(i).isHidden()]
    for key in shown:
        window.open_page(key)
        _idle(qtbot, window)
        old = getattr(window.pages.get("citizens"), "dialog", None)
        window.activateWindow()  # the form closed last time gave the activation away
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
        focus = QApplication.focusWidget() or window
        qtbot.keyClick(focus, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier
                       | Qt.KeyboardModifier.ShiftModifier)
        _idle(qtbot, window)
        citizens = window.pages.get("citizens")
        dialog = getattr(citizens, "dialog", None)
        assert dialog is not None and dialog is not old and dialog.isVisible(), key
        assert dialog.objectName() == "citizenDialog", key
        assert window.stack.currentWidget() is citizens
        dialog.reject()                                   # nothing typed: closes at once
        qtbot.waitUntil(lambda dialog=dialog: not dialog.isVisible(), timeout=3000)


# --- (d) the wizard: each Alt key once per page -----------------------------------------------------

def _walk_wizard(qtbot, wizard, language: str) -> dict[str, list]:
    """Each page's duplicate mnemonics and its shown texts, going through the pages."""
    found = {}
    wizard.show()
    qtbot.waitExposed(wizard)

    def look(name: str) -> None:
        QApplication.processEvents()
        found[name] = duplicate_mnemonics(wizard)
        SHOTS.mkdir(parents=True, exist_ok=True)
        save_screenshot(wizard, SHOTS, f"wizard-{name}-{language}")
    look("office")
    type_text(wizard.office_page.name, "종로구 청운효자동 행정복지센터")
    wizard.next()
    assert wizard.currentPage() is wizard.hours_page
    look("hours")
    wizard.next()
    look("departments")
    wizard.next()
    assert wizard.currentPage() is wizard.admin_page
    assert wizard.button(QWizard.WizardButton.FinishButton).isVisibleTo(wizard)
    look("admin")
    return found


@pytest.mark.parametrize("language", ["ko", "en"])
def test_no_two_controls_of_a_wizard_page_share_an_alt_key(qtbot, qapp, ctx, language):
    from pcrm_desktop.ui.appearance import install_korean_font
    from pcrm_desktop.ui.i18n import LanguageManager
    from pcrm_desktop.ui.wizard import FirstRunWizard
    install_korean_font(qapp)
    languages = LanguageManager()
    try:
        assert languages.set_language(language)
        wizard = FirstRunWizard(ctx)
        qtbot.addWidget(wizard)
        found = _walk_wizard(qtbot, wizard, language)
        assert found == {"office": [], "hours": [], "departments": [], "admin": []}
        if language == "en":  # every label and button of the last page in English
            from PySide6.QtWidgets import QAbstractButton, QLabel
            texts = [w.text() for kind in (QLabel, QAbstractButton)
                     for w in wizard.findChildren(kind) if w.isVisibleTo(wizard)]
            assert texts and not [t for t in texts if HANGUL.search(t)]
        finish = wizard.button(QWizard.WizardButton.FinishButton).text()
        assert finish == ("완료(&F)" if language == "ko" else "&Finish")
        assert mnemonic(wizard.buttonText(QWizard.WizardButton.NextButton)) == "N"
        wizard.reject()
    finally:
        languages.set_language("ko")


def test_the_check_finds_a_shared_alt_key(qtbot):
    from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QPushButton, QVBoxLayout
    dialog = QDialog()
    qtbot.addWidget(dialog)
    label, field, button = QLabel("기관 이름(&N)"), QLineEdit(), QPushButton("다음(&N) >")
    label.setBuddy(field)
    hidden = QPushButton("&Hidden")
    unlinked = QLabel("설명(&H)")                          # no buddy: its & does nothing
    layout = QVBoxLayout(dialog)
    for widget in (label, field, button, hidden, unlinked):
        layout.addWidget(widget)
    hidden.hide()
    QPushButton("&&Literal", dialog)
    assert duplicate_mnemonics(dialog) == [("N", ["기관 이름(&N)", "다음(&N) >"])]
    assert mnemonic("&&Literal") is None and mnemonic("Save && &quit") == "Q"


# --- (e) the happy-call script names the office ------------------------------------------------------

def test_the_happy_call_script_names_the_office_not_a_placeholder(qtbot, backend,
                                                                  no_message_boxes):
    from datetime import timedelta

    from pcrm_desktop.app import Application
    from pcrm_desktop.domain.happy_call import Outcome
    from pcrm_desktop.services import surveys
    from pcrm_desktop.services.demo import DemoRequest, fill_demo
    from tests.ui.conftest import _args
    from tests.ui.helpers import sign_in_demo
    fill_demo(backend.ctx, DemoRequest(citizens=60, complaints=120, seed=3))
    app = Application(_args(), QApplication.instance())
    app.open_window(backend)
    window = sign_in_demo(qtbot, app)
    qtbot.addWidget(window)
    try:
        page = window.open_page("complaints")
        _idle(qtbot, window)
        name = office.overview(page.ctx).profile.name
        assert "(데모)" in name                            # the demo's office carries a note
        surveys.create_survey(page.ctx, "CALL", "HAPPYCALL", linked=True)
        dialog = page.open_happy_calls()
        _idle(qtbot, window)
        today = page.ctx.clock().date()
        dialog.share.setValue(100)
        for weeks_back in range(1, 9):  # a small demo may have closed nothing in a given week
            dialog.week.setDate(today - timedelta(days=today.weekday() + 7 * weeks_back))
            dialog.sample()
            _idle(qtbot, window)
            if dialog.model.rowCount() > 0:
                break
        assert dialog.model.rowCount() > 0
        dialog.table.selectRow(0)
        dialog.record(Outcome.ANSWERED)
        qtbot.waitUntil(lambda: getattr(dialog, "answer_dialog", None) is not None, timeout=5000)
        answer = dialog.answer_dialog
        qtbot.waitExposed(answer)
        script = answer.howto.text()
        assert "○○" not in script
        assert "“청운효자동 행정복지센터입니다. 민원 처리에 대해 세 가지만 여쭙겠습니다.”" in script
        SHOTS.mkdir(parents=True, exist_ok=True)
        save_screenshot(answer, SHOTS, "happy-call-script")
        answer.reject()
    finally:
        window.idle_lock.stop()
        app.runner.wait(10000)
