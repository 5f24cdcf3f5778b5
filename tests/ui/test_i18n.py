"""Korean by default, English at run time; translations complete; data folder as Qt's."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication

from pcrm_desktop.config import default_data_dir
from pcrm_desktop.ui.i18n import TRANSLATIONS_DIR
from tests.ui.helpers import save_screenshot
from tests.ui.test_smoke import _finish_wizard

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def test_every_text_has_an_english_translation_with_the_same_placeholders():
    tree = ET.parse(TRANSLATIONS_DIR / "pcrm_en.ts")
    messages = list(tree.getroot().iter("message"))
    assert len(messages) > 100
    for message in messages:
        source = message.find("source").text
        translation = message.find("translation")
        assert translation.get("type") is None and (translation.text or "").strip(), source
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation.text)), source


def test_default_data_dir_is_qt_app_data_location(qapp):
    qt_path = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    assert str(default_data_dir()) == qt_path


def test_language_switches_at_run_time(qtbot, application, screenshot_dir, no_message_boxes):
    window = application.window
    _finish_wizard(qtbot, window.wizard)
    qtbot.waitUntil(lambda: window.office_name != "", timeout=5000)
    settings = window.open_page("settings")
    assert window.nav.item(0).text() == "대시보드"

    settings.language_box.setCurrentIndex(settings.language_box.findData("en"))
    assert application.languages.language == "en"
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "Dashboard", timeout=3000)
    assert settings.heading.text() == "Settings"
    assert window.menus.file_menu.title() == "&File"
    window.resize(1366, 768)
    for key in ("dashboard", "settings"):
        window.open_page(key)
        qtbot.waitUntil(lambda: not window.runner.busy(), timeout=5000)
        QApplication.processEvents()
        save_screenshot(window, screenshot_dir, f"main-{key}-english-1366x768")
    assert window.pages["dashboard"].heading.text() == "Dashboard"

    window.language_requested.emit("ko")
    qtbot.waitUntil(lambda: window.nav.item(0).text() == "대시보드", timeout=3000)
    assert window.pages["dashboard"].heading.text() == "대시보드"


def test_every_text_in_the_code_is_in_the_translation_source(tmp_path):
    """lupdate over the package now finds no text that the committed .ts lacks."""
    import subprocess

    from pcrm_desktop.ui.i18n_build import PACKAGE_DIR, _tool
    fresh = tmp_path / "pcrm_en.ts"
    sources = sorted(str(p) for p in PACKAGE_DIR.rglob("*.py"))
    subprocess.run([_tool("lupdate"), *sources, "-locations", "none", "-source-language", "ko",
                    "-target-language", "en", "-ts", str(fresh)], check=True,
                   stdout=subprocess.DEVNULL)
    in_code = {m.find("source").text for m in ET.parse(fresh).getroot().iter("message")}
    committed = {m.find("source").text
                 for m in ET.parse(TRANSLATIONS_DIR / "pcrm_en.ts").getroot().iter("message")}
    assert in_code - committed == set()
