"""The real main window on a fresh database: first-run wizard, every page, screenshots."""
from __future__ import annotations

from PySide6.QtWidgets import QApplication, QLabel, QWizard

from tests.conftest import ADMIN_PASSWORD
from tests.ui.helpers import save_screenshot, type_text

SIZES = {"1366x768": (1366, 768), "1920x1080": (1920, 1080)}


def _finish_wizard(qtbot, wizard) -> None:
    type_text(wizard.office_page.name, "종로구 청운효자동 행정복지센터")
    type_text(wizard.office_page.code, "1111051")
    wizard.next()
    wizard.next()  # office hours: defaults 09:00–18:00
    wizard.departments_page.names.setPlainText("민원행정팀\n맞춤형복지팀")
    wizard.next()
    type_text(wizard.admin_page.name, "홍길동")
    type_text(wizard.admin_page.login, "hong")
    type_text(wizard.admin_page.password, ADMIN_PASSWORD)
    type_text(wizard.admin_page.confirm, ADMIN_PASSWORD)
    wizard.button(QWizard.WizardButton.FinishButton).click()


def test_first_run_wizard_then_every_page(qtbot, application, screenshot_dir, no_message_boxes):
    window = application.window
    wizard = window.wizard
    assert wizard is not None and wizard.isVisible(), "an empty database opens the wizard"
    window.resize(1366, 768)
    save_screenshot(wizard, screenshot_dir, "wizard-office")

    _finish_wizard(qtbot, wizard)

    qtbot.waitUntil(lambda: window.office_name == "종로구 청운효자동 행정복지센터", timeout=5000)
    assert window.ctx.actor.login == "hong"
    assert "홍길동" in window.user_label.text()
    assert "종로구 청운효자동" in window.windowTitle()

    dashboard = window.pages["dashboard"]
    qtbot.waitUntil(lambda: dashboard.office_card.value.text() == "종로구 청운효자동 행정복지센터")
    # db.create when the file was made and the three holiday years seeded at start-up, then
    # office.setup and staff.add from the wizard
    assert dashboard.activity.rowCount() == 6

    for size_name, (width, height) in SIZES.items():
        window.resize(width, height)
        for entry in window.entries:
            page = window.open_page(entry.key)
            qtbot.waitUntil(lambda: not window.runner.busy(), timeout=5000)
            QApplication.processEvents()
            assert window.stack.currentWidget() is page
            heading = page.findChild(QLabel, "pageHeading")
            assert heading is not None and heading.text() == entry.title()
            save_screenshot(window, screenshot_dir, f"main-{entry.key}-{size_name}")
    assert no_message_boxes == []


def test_wizard_refuses_bad_input_inline(qtbot, application):
    wizard = application.window.wizard
    wizard.next()  # office name left empty
    assert wizard.currentPage() is wizard.office_page
    assert "기관 이름" in wizard.office_page.error.text()
    type_text(wizard.office_page.name, "청운효자동")
    type_text(wizard.office_page.code, "12ab")
    wizard.next()
    assert wizard.currentPage() is wizard.office_page
    assert "7자리" in wizard.office_page.error.text()


def test_cancelling_the_wizard_creates_nothing(qtbot, application, ctx):
    from pcrm_desktop.services.office import is_set_up
    with qtbot.waitSignal(application.window.setup_finished) as blocker:
        application.window.wizard.reject()
    assert blocker.args == [None]
    assert not is_set_up(ctx)
