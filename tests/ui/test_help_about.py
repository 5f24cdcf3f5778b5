"""The user guide in the program (F1) and the About dialog with its licences."""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from pcrm_desktop import __version__, licences
from pcrm_desktop.db.migrate import HEAD_REVISION
from pcrm_desktop.resources_path import docs_dir
from pcrm_desktop.ui.help_window import (
    GUIDE_FILE,
    GUIDE_FILES,
    NUMBER,
    TOPICS,
    HelpWindow,
    parse_guide,
    topic_section,
)
from tests.ui.helpers import save_screenshot, type_text
from tests.ui.test_smoke import _finish_wizard

REPO = Path(__file__).resolve().parents[2]
SMALL_GUIDE = """# 안내서

처음 글.

## 1. 화면 구성

왼쪽 메뉴.

## 2. 민원

민원 이야기.

### 해피콜

전화로 묻습니다 (2026).

```
## 코드 안의 줄은 제목이 아닙니다
```

### 가져오기

엑셀 파일.

## 3. 보고서

해피콜 결과도 나옵니다.
"""
SMALL_GUIDE_EN = """# Guide

First text.

## 1. Screen layout

Menu on the left.

## 2. Complaints

About complaints.

### Happy calls

We ask by phone (2026).

### Import

An Excel file.

## 3. Reports

Happy-call results show too.
"""
HANGUL = re.compile("[\uac00-\ud7a3\u3131-\u318e]")
# The chapter F1 opens on each page of the English screen.
ENGLISH_CHAPTERS = {
    "dashboard": "2. Screen layout", "citizens": "3. Residents (customers)",
    "complaints": "4. Complaints", "surveys": "5. Surveys (satisfaction surveys)",
    "analysis": "5a. Analysis and improvement", "reports": "6. Reports",
    "settings": "7. Settings",
    "access_log": "7b. Access log review (administrators and team leaders)",
}


def _signed_in_window(qtbot, application):
    window = application.window
    _finish_wizard(qtbot, window.wizard)
    qtbot.waitUntil(lambda: window.office_name != "", timeout=5000)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    return window


def _press_f1(qtbot, window) -> HelpWindow:
    qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_F1)
    qtbot.waitUntil(lambda: window.help_window is not None and window.help_window.isVisible(),
                    timeout=3000)
    return window.help_window


# --- the guide --------------------------------------------------------------------------------

def test_the_guide_splits_at_its_headings_but_not_inside_code():
    sections = parse_guide(SMALL_GUIDE)
    assert [(s.level, s.title) for s in sections] == [
        (1, "안내서"), (2, "1. 화면 구성"), (2, "2. 민원"), (3, "해피콜"), (3, "가져오기"),
        (2, "3. 보고서")]
    chapter, part = sections[2], sections[3]
    assert "### 해피콜" in chapter.text and "엑셀" in chapter.text, "a chapter holds its parts"
    assert "엑셀" not in part.text and "코드 안의 줄" in part.text
    assert "왼쪽 메뉴" not in sections[0].text, "the introduction stops at the first chapter"


def _guide(language: str) -> str:
    return (docs_dir() / GUIDE_FILES[language]).read_text(encoding="utf-8")


def test_every_page_has_its_chapter_in_the_real_guides():
    """The words of TOPICS still start a chapter title of docs/USER_GUIDE.md and of
    docs/USER_GUIDE.en.md (renumbering is fine; renaming a chapter must update TOPICS), and a
    page's chapter sits at the same place in both."""
    assert set(TOPICS) == set(GUIDE_FILES) and set(TOPICS["en"]) == set(TOPICS["ko"])
    found = {}
    for language, topics in TOPICS.items():
        sections = parse_guide(_guide(language))
        for page, words in topics.items():
            index = topic_section(sections, page, language)
            assert sections[index].level == 2, (language, page)
            assert sections[index].bare_title.startswith(words), (language, page)
            found.setdefault(page, set()).add(index)
    assert all(len(indexes) == 1 for indexes in found.values()), found


def _structure(markdown: str) -> dict[str, list]:
    """What the two guides share: each heading's level and chapter number in order, the
    pictures in order, and the commands of the ``` blocks (a line's `# comment` dropped)."""
    headings = []
    for section in parse_guide(markdown):
        number = NUMBER.match(section.title)
        headings.append((section.level, number.group().strip(" .") if number else None))
    blocks = re.findall(r"^```\w*\n(.*?)^```", markdown, re.M | re.S)
    commands = sorted({re.sub(r"\s+#\s.*$", "", line).strip()
                       for block in blocks for line in block.splitlines()
                       if line.startswith(("pcrm", "./dev.sh"))})
    return {"headings": headings, "pictures": re.findall(r"!\[[^\]]*\]\(([^)]+)\)", markdown),
            "commands": commands}


def test_the_english_guide_has_the_korean_guides_structure():
    """The English guide is a translation, chapter for chapter: a chapter, part, picture or
    command added to one guide and not the other fails here."""
    korean, english = _structure(_guide("ko")), _structure(_guide("en"))
    assert sum(level == 2 for level, _ in korean["headings"]) >= 20
    assert sum(level == 3 for level, _ in korean["headings"]) > 25
    assert len(korean["pictures"]) > 20 and korean["commands"]
    for part in ("headings", "pictures", "commands"):
        assert english[part] == korean[part], part
    for picture in korean["pictures"]:
        assert (docs_dir() / picture).is_file(), picture


def test_the_english_guides_headings_are_english():
    titles = [s.title for s in parse_guide(_guide("en"))]
    assert titles[0] == "PCRM Desktop User Guide" and "4. Complaints" in titles
    assert [t for t in titles if HANGUL.search(t)] == []


def test_f1_opens_the_guide_at_the_page_on_screen(qtbot, application, screenshot_dir,
                                                   no_message_boxes):
    window = _signed_in_window(qtbot, application)
    window.open_page("complaints")
    help_window = _press_f1(qtbot, window)
    assert help_window.current_section().bare_title == "민원"
    assert "민원" in help_window.view.toPlainText()
    help_window.resize(1366 * 3 // 4, 700)
    QApplication.processEvents()
    save_screenshot(help_window, screenshot_dir, "help-complaints")

    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    window.open_page("settings")
    assert _press_f1(qtbot, window) is help_window, "one window, reused"
    assert help_window.current_section().bare_title.startswith("설정")
    assert window.menus.help_action.shortcut().toString() == "F1"
    assert no_message_boxes == []


def test_in_english_f1_opens_the_english_guide_at_each_pages_chapter(
        qtbot, application, screenshot_dir, korean_font, no_message_boxes):
    window = _signed_in_window(qtbot, application)
    application.set_language("en")
    try:
        pages = [entry.key for entry in window.entries]
        assert sorted(pages) == sorted(ENGLISH_CHAPTERS), "an admin sees every page"
        for page in pages:
            window.activateWindow()
            qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
            window.open_page(page)
            help_window = _press_f1(qtbot, window)
            assert help_window.current_section().title == ENGLISH_CHAPTERS[page], page
        assert help_window.guide_path.name == "USER_GUIDE.en.md"
        titles = help_window.visible_titles()
        assert titles == [s.title for s in parse_guide(_guide("en"))]
        assert [t for t in titles if HANGUL.search(t)] == [], "no Korean in the contents"
        assert help_window.windowTitle() == "PCRM Desktop Help — User guide"
        # the guide is English now: the box no longer says it is in Korean
        assert help_window.search.placeholderText() == "Search the guide (e.g. happy call, backup)"
        window.open_page("complaints")
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
        assert _press_f1(qtbot, window).current_section().title == "4. Complaints"
        text = help_window.view.toPlainText()
        assert "Step by step: receiving a complaint at the counter" in text
        help_window.resize(1366 * 3 // 4, 700)
        QApplication.processEvents()
        save_screenshot(help_window, screenshot_dir, "help-en-complaints")
    finally:
        application.set_language("ko")
    assert no_message_boxes == []


def test_switching_the_language_reads_the_other_guide_at_the_same_chapter(
        qtbot, application, no_message_boxes):
    window = _signed_in_window(qtbot, application)
    window.open_page("complaints")
    help_window = _press_f1(qtbot, window)
    assert help_window.current_section().title == "4. 민원"
    try:
        application.set_language("en")
        qtbot.waitUntil(lambda: help_window.current_section().title == "4. Complaints",
                        timeout=3000)
        assert help_window.visible_titles()[0] == "PCRM Desktop User Guide"
        assert "Step by step" in help_window.view.toPlainText()
    finally:
        application.set_language("ko")
    qtbot.waitUntil(lambda: help_window.current_section().title == "4. 민원", timeout=3000)
    assert help_window.guide_path.name == GUIDE_FILE
    assert "따라 하기" in help_window.view.toPlainText()
    assert no_message_boxes == []


def test_a_switch_keeps_the_search(qtbot, tmp_path, language):
    (tmp_path / GUIDE_FILES["ko"]).write_text(SMALL_GUIDE, encoding="utf-8")
    (tmp_path / GUIDE_FILES["en"]).write_text(SMALL_GUIDE_EN, encoding="utf-8")
    help_window = HelpWindow(folder=tmp_path)
    qtbot.addWidget(help_window)
    help_window.show_topic("complaints")
    type_text(help_window.search, "2026")
    assert help_window.visible_titles() == ["2. 민원", "해피콜"]
    assert language.set_language("en")
    qtbot.waitUntil(lambda: help_window.guide_language == "en", timeout=3000)
    assert help_window.search.text() == "2026"
    assert help_window.visible_titles() == ["2. Complaints", "Happy calls"]
    assert help_window.current_section().title == "2. Complaints"
    assert len(help_window.view.extraSelections()) == 1, "the match is marked in English too"
    help_window.show_topic("reports")
    assert help_window.current_section().title == "3. Reports"


def test_in_english_without_the_english_guide_the_korean_one_shows(qtbot, tmp_path, language):
    (tmp_path / GUIDE_FILE).write_text(SMALL_GUIDE, encoding="utf-8")
    assert language.set_language("en")
    help_window = HelpWindow(folder=tmp_path)
    qtbot.addWidget(help_window)
    help_window.show_topic("complaints")
    assert help_window.guide_language == "ko" and help_window.guide_path.name == GUIDE_FILE
    assert help_window.current_section().title == "2. 민원", "found by the Korean words"
    assert help_window.windowTitle() == "PCRM Desktop Help — User guide"


def test_f1_from_a_dialog_over_the_window_opens_the_guide_above_it(qtbot, application,
                                                                     no_message_boxes):
    """Entering a 민원 is where a clerk wants help most: the intake dialog is modal to the main
    window, so the guide must be a window of its own that the dialog does not block."""
    window = _signed_in_window(qtbot, application)
    dialog = window.new_complaint()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is dialog, timeout=3000)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    help_window = _press_f1(qtbot, window)
    assert help_window.parent() is None
    assert help_window.current_section().bare_title == "민원"
    assert not help_window.testAttribute(Qt.WidgetAttribute.WA_Disabled)
    dialog.reject()


def test_f1_in_an_application_modal_box_opens_nothing_it_could_not_use(qtbot, application):
    from PySide6.QtWidgets import QMessageBox
    window = _signed_in_window(qtbot, application)
    box = QMessageBox(QMessageBox.Icon.Question, "질문", "계속할까요?", parent=window)
    box.setWindowModality(Qt.WindowModality.ApplicationModal)
    box.show()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is box, timeout=3000)
    qtbot.keyClick(box, Qt.Key.Key_F1)
    assert window.help_window is None
    box.close()


def test_the_guide_alone_opens_without_a_database_or_sign_in(qtbot, qapp, tmp_path,
                                                             monkeypatch):
    """`pcrm-desktop --guide` (the Start menu's 사용자 안내서): the guide, no login, no file."""
    from pcrm_desktop import app
    monkeypatch.setenv("PCRM_DATABASE_URL", f"sqlite:///{tmp_path / 'office.db'}")
    monkeypatch.setattr(qapp, "exec", lambda: 0)  # the event loop is the test's
    assert app.main(["--guide"]) == 0
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, HelpWindow) and w.isVisible()]
    assert len(shown) == 1 and shown[0].current_section() is not None
    shown[0].close()
    assert not (tmp_path / "office.db").exists()


def test_search_keeps_the_sections_that_hold_the_words(qtbot, tmp_path, screenshot_dir):
    (tmp_path / GUIDE_FILE).write_text(SMALL_GUIDE, encoding="utf-8")
    help_window = HelpWindow(folder=tmp_path)
    qtbot.addWidget(help_window)
    help_window.show_topic(None)
    type_text(help_window.search, "해피콜")
    assert help_window.visible_titles() == ["2. 민원", "해피콜", "3. 보고서"]
    assert help_window.current_section().title == "2. 민원"
    assert len(help_window.view.extraSelections()) == 1, "the match in the section is marked"
    assert "3개" in help_window.found.text()

    type_text(help_window.search, "없는 낱말")
    assert help_window.visible_titles() == []
    assert "없습니다" in help_window.found.text()
    type_text(help_window.search, "")
    assert len(help_window.visible_titles()) == 6 and help_window.found.text() == ""


def test_search_in_the_real_guide(qtbot, screenshot_dir):
    help_window = HelpWindow()
    qtbot.addWidget(help_window)
    help_window.show_topic(None)
    type_text(help_window.search, "백업")
    titles = help_window.visible_titles()
    assert titles and all("백업" in s.text for s in help_window.sections if s.title in titles)
    assert any("백업" in title for title in titles)
    help_window.resize(1000, 680)
    QApplication.processEvents()
    save_screenshot(help_window, screenshot_dir, "help-search")


def test_a_missing_guide_says_so(qtbot, application, monkeypatch, tmp_path, no_message_boxes):
    monkeypatch.setattr("pcrm_desktop.ui.help_window.docs_dir", lambda: tmp_path / "없음")
    window = _signed_in_window(qtbot, application)
    help_window = _press_f1(qtbot, window)
    text = help_window.view.toPlainText()
    assert "사용자 안내서 파일을 찾지 못했습니다" in text and GUIDE_FILE in text
    assert help_window.visible_titles() == []
    type_text(help_window.search, "민원")  # nothing to search: still no failure
    assert no_message_boxes == []


def test_wide_pictures_fit_the_view(qtbot, tmp_path):
    (tmp_path / "images").mkdir()
    for name, width in (("wide", 2400), ("small", 120)):
        image = QImage(width, 200, QImage.Format.Format_RGB32)
        image.fill(Qt.GlobalColor.darkCyan)
        assert image.save(str(tmp_path / "images" / f"{name}.png"))
    (tmp_path / GUIDE_FILE).write_text(
        "# 그림\n\n![넓은 그림](images/wide.png)\n\n![작은 그림](images/small.png)\n",
        encoding="utf-8")
    help_window = HelpWindow(folder=tmp_path)
    qtbot.addWidget(help_window)
    help_window.resize(900, 600)
    help_window.show_topic(None)
    QApplication.processEvents()
    images = [fragment.charFormat().toImageFormat()
              for fragment in help_window._image_fragments(help_window.view.document())]
    widths = {image.name(): image.width() for image in images}
    assert 0 < widths["images/wide.png"] <= help_window.view.viewport().width()
    assert widths["images/small.png"] == 120


# --- About ------------------------------------------------------------------------------------

def _row(dialog, name: str) -> int:
    return next(n for n, c in enumerate(dialog.licence_model.rows()) if c.name == name)


def test_about_shows_the_program_the_database_and_the_licences(qtbot, application, backend,
                                                               screenshot_dir, no_message_boxes):
    window = _signed_in_window(qtbot, application)
    window.menus.about_action.trigger()
    dialog = window.about_dialog
    value = {name: labels[1].text for name, labels in dialog.fact_labels.items()}
    qtbot.waitUntil(lambda: HEAD_REVISION in value["schema"](), timeout=5000)
    assert value["schema"]() == f"{HEAD_REVISION} (최신)"
    assert value["expected"]() == HEAD_REVISION
    assert value["version"]() == __version__ and __version__ in dialog.title.text()
    assert value["database"]() == str(backend.location.path)
    assert value["folder"]() == str(backend.location.path.parent)
    assert value["bundle"]() == "소스 코드에서 실행"
    assert all(value[name]() for name in ("python", "qt", "pyside", "log"))
    QApplication.processEvents()
    save_screenshot(dialog, screenshot_dir, "about-info")

    dialog.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: dialog.licence_model.rowCount() > 20, timeout=10000)
    assert "LGPL-3.0" in dialog.licence_text.toPlainText(), "the NOTICE shows first"
    rows = {c.name: c for c in dialog.licence_model.rows()}
    assert "LGPL" in rows["PySide6_Essentials"].licence and "LGPL" in rows["Qt"].licence
    assert rows["NanumGothic"].licence == "OFL-1.1"
    dialog.licence_table.selectRow(_row(dialog, "NanumGothic"))
    assert "SIL OPEN FONT LICENSE" in dialog.licence_text.toPlainText()
    dialog.licence_table.selectRow(_row(dialog, "PySide6_Essentials"))
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.licence_text.toPlainText()
    QApplication.processEvents()
    save_screenshot(dialog, screenshot_dir, "about-licences")

    dialog.copy_facts()
    assert HEAD_REVISION in QApplication.clipboard().text()
    dialog.reject()
    assert no_message_boxes == []


# --- licences ---------------------------------------------------------------------------------

def _locked_names() -> list[str]:
    lines = (REPO / "requirements.lock").read_text(encoding="utf-8").splitlines()
    return [line.split("==")[0].strip() for line in lines
            if line.strip() and not line.startswith("#")]


def test_the_licence_list_is_requirements_lock():
    assert sorted(licences.DISTRIBUTIONS) == sorted(_locked_names())


def test_every_component_has_a_version_and_a_licence_text():
    for component in licences.components():
        assert component.licence, component.name
        assert component.version or component.name == "NanumGothic", component.name
        assert licences.full_text(component).strip(), component.name


def test_write_notice_holds_the_notice_the_table_and_each_shared_text_once(tmp_path):
    target = tmp_path / "THIRD_PARTY_LICENSES.txt"
    licences.write_notice(target)
    text = target.read_text(encoding="utf-8")
    assert "LGPL-3.0" in text and "_internal" in text  # the NOTICE: replaceable Qt libraries
    assert text.count("GNU LESSER GENERAL PUBLIC LICENSE\n") == 1
    assert text.count("SIL OPEN FONT LICENSE") == 1
    for name in licences.DISTRIBUTIONS:
        shipped = name not in licences.NOT_SHIPPED
        assert (f"\n{name} " in text) == shipped, name
