"""The user guide in the program (F1) and the About dialog with its licences."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from pcrm_desktop import __version__, licences
from pcrm_desktop.db.migrate import HEAD_REVISION
from pcrm_desktop.resources_path import docs_dir
from pcrm_desktop.ui.help_window import (
    GUIDE_FILE,
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

전화로 묻습니다.

```
## 코드 안의 줄은 제목이 아닙니다
```

### 가져오기

엑셀 파일.

## 3. 보고서

해피콜 결과도 나옵니다.
"""


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


def test_every_page_has_its_chapter_in_the_real_guide():
    """The words of TOPICS still start a chapter title of docs/USER_GUIDE.md (renumbering is
    fine; renaming a chapter must update TOPICS)."""
    sections = parse_guide((docs_dir() / GUIDE_FILE).read_text(encoding="utf-8"))
    for page, words in TOPICS.items():
        section = sections[topic_section(sections, page)]
        assert section.level == 2 and section.bare_title.startswith(words), page


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
    assert window.help_action.shortcut().toString() == "F1"
    assert no_message_boxes == []


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
    window.about_action.trigger()
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
