"""The user guide inside the program (F1): contents and search on the left, a section on the right.

The guide is docs/USER_GUIDE.md in Korean and docs/USER_GUIDE.en.md in English, the one of the
screen's language (the Korean one if the other is missing), read again when the language is
switched. It is split here at its headings: a chapter (`##`) shows with its `###` sections, so
choosing "4. 민원" reads the whole chapter and choosing "해피콜" just that part. F1 opens it at the
chapter about the page on screen, found by the words the chapter's title starts with in that
language, not by its number, so renumbering the guide does not break the links. The two guides
have the same chapters in the same order (tests/ui/test_help_about.py), so a switch of language
keeps the chapter being read. One window, not modal: a clerk reads and works side by side.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QImage,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFragment,
)
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QSplitter,
    QTextBrowser,
    QTextEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop import APP_NAME
from pcrm_desktop.resources_path import docs_dir
from pcrm_desktop.ui.i18n import Retranslatable

GUIDE_FILE = "USER_GUIDE.md"  # Korean, the source language: the fallback
GUIDE_FILES = {"ko": GUIDE_FILE, "en": "USER_GUIDE.en.md"}
HEADING = re.compile(r"^(#{1,3})\s+(.+?)\s*$")
NUMBER = re.compile(r"^\d+[a-z]?\.\s*")
# Per guide language: the main window's pages and the words their chapter's title starts with
# (after its number).
TOPICS = {
    "ko": {"dashboard": "화면 구성", "citizens": "주민", "complaints": "민원",
           "surveys": "만족도 조사", "analysis": "분석", "reports": "보고서", "settings": "설정",
           "access_log": "접속기록"},
    "en": {"dashboard": "Screen layout", "citizens": "Residents", "complaints": "Complaints",
           "surveys": "Surveys", "analysis": "Analysis", "reports": "Reports",
           "settings": "Settings", "access_log": "Access log review"},
}
HIGHLIGHT = QColor("#ffe58a")
LINE_HEIGHT = 135  # per cent
MATCH_MARGIN = 40  # pixels above the first match shown


@dataclass(frozen=True)
class Section:
    level: int    # 1: the guide's title and introduction, 2: a chapter, 3: a part of one
    title: str    # as shown in the contents (no markdown)
    text: str     # its markdown, heading included
    search: str   # its text folded for matching

    @property
    def bare_title(self) -> str:
        """The title without its number ("4. 민원" → "민원")."""
        return NUMBER.sub("", self.title)


def parse_guide(markdown: str) -> list[Section]:
    """The guide's sections in order. A chapter runs to the next chapter; the title and a `###`
    part run to the next heading. Lines in ``` blocks are never headings."""
    lines = markdown.splitlines()
    headings = _headings(lines)
    sections = []
    for n, (start, level, title) in enumerate(headings):
        end = next((s for s, lvl, _ in headings[n + 1:] if lvl <= level or level != 2), len(lines))
        text = "\n".join(lines[start:end]).strip()
        sections.append(Section(level, title.replace("`", ""), text, fold(text)))
    return sections


def _headings(lines: list[str]) -> list[tuple[int, int, str]]:
    found, in_code = [], False
    for number, line in enumerate(lines):
        if line.lstrip().startswith("```"):
            in_code = not in_code
        elif not in_code and (match := HEADING.match(line)):
            found.append((number, len(match.group(1)), match.group(2)))
    return found


def fold(text: str) -> str:
    """For matching: composed Hangul (a pasted word may be decomposed), no case, one space."""
    return " ".join(unicodedata.normalize("NFC", text).casefold().split())


def ui_language() -> str:
    """The screen's language: LanguageManager sets the default locale with its translators."""
    return "en" if QLocale().language() == QLocale.Language.English else "ko"


def topic_section(sections: list[Section], page: str | None, language: str = "ko") -> int:
    """The index of the chapter about `page` in a guide in `language`; the introduction when
    there is none."""
    words = TOPICS.get(language, TOPICS["ko"]).get(page or "")
    if words:
        for index, section in enumerate(sections):
            if section.level == 2 and section.bare_title.startswith(words):
                return index
    return 0


class HelpWindow(Retranslatable, QWidget):
    def __init__(self, parent: QWidget | None = None, folder: Path | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("helpWindow")
        self.folder = folder or docs_dir()
        self.pictures: dict[str, QImage] = {}
        self.language = ui_language()
        self.guide_language, self.guide_path, self.sections = self._load(self.language)
        self._build()
        self._fill_contents()
        self.retranslate_ui()
        self.resize(1100, 720)

    def _load(self, language: str) -> tuple[str, Path, list[Section]]:
        """(the guide's language, its file, its sections): the guide in `language`, else the
        Korean one; no sections in a broken install (the window says so instead of failing)."""
        wanted = self.folder / GUIDE_FILES.get(language, GUIDE_FILE)
        for code in dict.fromkeys((language, "ko")):
            path = self.folder / GUIDE_FILES.get(code, GUIDE_FILE)
            try:
                return code, path, parse_guide(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError):
                continue
        return language, wanted, []

    def _reload(self) -> None:
        """The guide of the new language, at the same section (the guides match chapter for
        chapter) and with the same search."""
        current = self.contents.currentItem()
        index = None if current is None else current.data(0, Qt.ItemDataRole.UserRole)
        self.language = ui_language()
        self.guide_language, self.guide_path, self.sections = self._load(self.language)
        self.contents.clear()
        self._fill_contents()
        self.search.setEnabled(bool(self.sections))
        self.view.clear()
        if index is not None and index < len(self.sections):
            self.select(index)
        if self.search.text().strip():
            self.filter(self.search.text())

    def _build(self) -> None:
        self.search = QLineEdit(objectName="helpSearch", clearButtonEnabled=True)
        self.search.textChanged.connect(self.filter)
        self.search.setEnabled(bool(self.sections))  # nothing to search in a broken install
        self.contents = QTreeWidget(objectName="helpContents", headerHidden=True)
        self.contents.currentItemChanged.connect(lambda item, _old: self._show_item(item))
        self.found = QLabel(objectName="helpFound", wordWrap=True)
        self.view = QTextBrowser(objectName="helpView", openExternalLinks=True)
        self.view.viewport().installEventFilter(self)
        self.view.document().setDocumentMargin(14)
        self.view.setSearchPaths([str(self.folder)])
        self.view.document().setBaseUrl(QUrl.fromLocalFile(f"{self.folder}/"))
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        for widget in (self.search, self.contents, self.found):
            column.addWidget(widget)
        column.setStretch(1, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.view)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([300, 800])
        QVBoxLayout(self).addWidget(splitter)

    def _fill_contents(self) -> None:
        chapter = None
        for index, section in enumerate(self.sections):
            under = chapter if section.level == 3 and chapter is not None else self.contents
            item = QTreeWidgetItem(under, [section.title])
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            item.setToolTip(0, section.title)  # a long one is cut short in a narrow column
            if section.level == 2:
                chapter = item
        self.contents.expandAll()

    def retranslate_ui(self) -> None:
        if ui_language() != self.language:
            self._reload()
        self.search.setAccessibleName(self.tr("안내서에서 찾기"))
        self.contents.setAccessibleName(self.tr("안내서 차례"))
        self.view.setAccessibleName(self.tr("안내서 본문"))
        self.setWindowTitle(self.tr("{app} 도움말 — 사용자 안내서").format(app=APP_NAME))
        self.search.setPlaceholderText(self.tr("안내서에서 찾기 (예: 해피콜, 백업)"))
        self._show_found()
        if not self.sections:
            self.view.setPlainText(self.tr(
                "사용자 안내서 파일을 찾지 못했습니다: {path}\n\n"
                "프로그램 설치가 손상되었을 수 있습니다. 프로그램을 다시 설치하거나 관리자에게 "
                "문의하십시오. 프로그램의 다른 기능은 그대로 쓸 수 있습니다.").format(
                path=self.guide_path))

    # --- showing ------------------------------------------------------------------------------
    def show_topic(self, page: str | None) -> None:
        """F1: the chapter about `page` (a main-window page key), the window raised."""
        if self.sections:
            self.search.clear()
            self.select(topic_section(self.sections, page, self.guide_language))
        self.show()
        self.raise_()
        self.activateWindow()

    def select(self, index: int) -> None:
        item = self._item(index)
        if item is not None:
            self.contents.setCurrentItem(item)
            self.contents.scrollToItem(item)

    def current_section(self) -> Section | None:
        item = self.contents.currentItem()
        return None if item is None else self.sections[item.data(0, Qt.ItemDataRole.UserRole)]

    def _show_item(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            return
        self.view.setMarkdown(self.sections[item.data(0, Qt.ItemDataRole.UserRole)].text)
        self._space_lines()
        self._fit_images()
        self._highlight(self.search.text().strip())

    def _space_lines(self) -> None:
        """Markdown takes no style sheet; looser lines read easier for a long explanation."""
        spacing = QTextBlockFormat()
        proportional = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        spacing.setLineHeight(LINE_HEIGHT, proportional)
        cursor = QTextCursor(self.view.document())
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeBlockFormat(spacing)

    def _item(self, index: int) -> QTreeWidgetItem | None:
        for item in self._items():
            if item.data(0, Qt.ItemDataRole.UserRole) == index:
                return item
        return None

    def _items(self) -> list[QTreeWidgetItem]:
        found = []
        for top in range(self.contents.topLevelItemCount()):
            item = self.contents.topLevelItem(top)
            found += [item] + [item.child(n) for n in range(item.childCount())]
        return found

    # --- searching ------------------------------------------------------------------------------
    def filter(self, text: str) -> None:
        """Keep in the contents only the sections holding `text` (a chapter stays while one of
        its parts does), and show the first of them with every match marked."""
        query = fold(text)
        for top in range(self.contents.topLevelItemCount()):
            chapter = self.contents.topLevelItem(top)
            children = [chapter.child(n) for n in range(chapter.childCount())]
            for child in children:
                child.setHidden(not self._matches(child, query))
            chapter.setHidden(not (self._matches(chapter, query)
                                   or any(not c.isHidden() for c in children)))
        self._show_found()
        current = self.contents.currentItem()
        if current is None or current.isHidden():
            first = next((item for item in self._items() if not item.isHidden()), None)
            self.contents.setCurrentItem(first)
        else:
            self._highlight(text.strip())

    def _matches(self, item: QTreeWidgetItem, query: str) -> bool:
        return query in self.sections[item.data(0, Qt.ItemDataRole.UserRole)].search

    def visible_titles(self) -> list[str]:
        return [item.text(0) for item in self._items() if not item.isHidden()]

    def _show_found(self) -> None:
        if not self.search.text().strip():
            self.found.setText("")
        elif shown := len(self.visible_titles()):
            self.found.setText(self.tr("찾은 항목 {n}개").format(n=shown))
        else:
            self.found.setText(self.tr("안내서에 그 말이 없습니다. 다른 낱말로 찾아 보십시오."))

    def _highlight(self, text: str) -> None:
        """Mark every occurrence in the section shown and bring the first one into view."""
        selections = []
        marked = QTextCharFormat()
        marked.setBackground(HIGHLIGHT)
        cursor = self.view.document().find(text) if text else QTextCursor()
        while not cursor.isNull():
            selection = QTextEdit.ExtraSelection()
            selection.cursor, selection.format = cursor, marked
            selections.append(selection)
            cursor = self.view.document().find(text, cursor)
        self.view.setExtraSelections(selections)
        if selections:  # the first match near the top, not at the bottom edge
            bar = self.view.verticalScrollBar()
            bar.setValue(bar.value() + self.view.cursorRect(selections[0].cursor).top()
                         - MATCH_MARGIN)

    # --- pictures -------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """The view's viewport changes width with the window, the splitter and its scroll bar."""
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_images()
        return super().eventFilter(watched, event)

    def _fit_images(self) -> None:
        """Shrink pictures wider than the view to its width (screenshots often are). Each is
        scaled smoothly here and given to the document at its shown size: the document's own
        scaling drops pixels and makes the text in a screenshot hard to read."""
        document = self.view.document()
        width = self.view.viewport().width() - 2 * document.documentMargin() - 4
        bar = self.view.verticalScrollBar()
        if not bar.isVisible():  # it may come with the pictures, and no resize event with it
            width -= bar.sizeHint().width()
        cursor = QTextCursor(document)
        for fragment in self._image_fragments(document):
            image = fragment.charFormat().toImageFormat()
            picture = self._picture(image.name())
            if picture.isNull() or width <= 0:
                continue
            shown = min(picture.width(), int(width))
            document.addResource(QTextDocument.ResourceType.ImageResource.value,
                                 document.baseUrl().resolved(QUrl(image.name())),
                                 self._scaled(picture, shown))  # looked up resolved
            image.setWidth(shown)
            image.setHeight(picture.height() * shown / picture.width())
            cursor.setPosition(fragment.position())  # one picture twice in a row: one fragment
            cursor.setPosition(fragment.position() + fragment.length(),
                               QTextCursor.MoveMode.KeepAnchor)
            cursor.setCharFormat(image)

    def _picture(self, name: str) -> QImage:
        """The picture as its file has it (kept once read: a resize scales it again)."""
        if name in self.pictures:
            return self.pictures[name]
        url = QUrl(name)
        picture = QImage(url.toLocalFile() if url.isLocalFile() else str(self.folder / name))
        if not picture.isNull():
            self.pictures[name] = picture
        return picture

    def _scaled(self, picture: QImage, width: int) -> QImage:
        ratio = self.devicePixelRatioF()  # sharp on a high-DPI screen too
        scaled = picture.scaledToWidth(round(width * ratio),
                                       Qt.TransformationMode.SmoothTransformation)
        scaled.setDevicePixelRatio(ratio)
        return scaled

    @staticmethod
    def _image_fragments(document: QTextDocument) -> list[QTextFragment]:
        found = []
        block = document.begin()
        while block.isValid():
            found += [part.fragment() for part in block
                      if part.fragment().charFormat().isImageFormat()]
            block = block.next()
        return found


class HelpKey(QObject):
    """An application event filter: F1 pressed in a dialog over the main window opens the guide
    there (`window.show_help`); the window's own F1 shortcut does not reach past a modal dialog."""

    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or event.key() != Qt.Key.Key_F1:
            return False
        modal = QApplication.activeModalWidget()
        # an application-modal box (a question, a file dialog) would block the guide's window:
        # there F1 does nothing rather than open a window that cannot be used
        if modal is None or modal.windowModality() == Qt.WindowModality.ApplicationModal:
            return False
        if isinstance(watched, QWidget) and watched.window() is not self.window.help_window:
            self.window.show_help()
            return True
        return False
