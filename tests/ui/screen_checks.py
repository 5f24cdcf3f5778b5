"""What every window and dialog must satisfy (issue 18, accessibility and language): each
check takes a shown top-level widget and returns problems as readable strings, empty when
all is well. Used by test_every_screen.py over the catalogue in screens.py.

- fits: the window's smallest size fits a 1366×768 office screen (less the taskbar and the
  title bar), no text-bearing control is drawn smaller than its text needs (clipped), and
  no table needs a sideways scroll to reach its last column (처리기한, D-day, 이상 징후: the
  last columns are often the ones read first);
- names: every control a keyboard or a screen reader reaches has an accessible name (Qt's
  own answer, which takes a label's buddy into account);
- buddies: every field has a label linked to it (QLabel.setBuddy), or, when no label stands
  beside it (a search box, a filter), a name of its own; a label standing right beside or
  above a field must be the one linked;
- keyboard: a widget of ours that takes mouse clicks takes keyboard focus and keys too;
- tab order: Tab walks the window in reading order, never back up and to the left;
- language: in English mode no Hangul in the application's own texts (titles, buttons,
  labels, headers, menus, placeholders, tooltips, fixed choices); in Korean mode no code
  (COUNTER, ACCESS, ...) where a name belongs, in any text or visible table cell.
Widgets that show data (a resident's name, a 민원's title) are marked with the dynamic
property `pcrm_data` = True and are left out of the English check: data stays as typed.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QScrollArea,
    QScrollBar,
    QTabBar,
    QTableView,
    QTabWidget,
    QTextEdit,
    QWidget,
)

SCREEN_WIDTH, SCREEN_HEIGHT = 1366, 768
TASKBAR, TITLE_BAR, BORDER = 40, 31, 8
MAX_CONTENT_WIDTH = SCREEN_WIDTH - 2 * BORDER
MAX_CONTENT_HEIGHT = SCREEN_HEIGHT - TASKBAR - TITLE_BAR - BORDER

HANGUL = re.compile(r"[\u1100-\u11ff\u3131-\u318e\uac00-\ud7a3]")
CODE = re.compile(r"(?<![\w./])(?:[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+|[A-Z]{4,})(?![\w/])")
ALLOWED_CODES = {"PCRM", "LGPL", "GPL", "XLSX", "HMAC", "SHA256", "UTF8", "HWPX", "CSV", "PDF", "USB", "NSIS", "LTS",
                 "WAL", "SQLITE", "TODO"}

FIELDS = (QLineEdit, QComboBox, QAbstractSpinBox, QTextEdit, QPlainTextEdit)

# Widgets whose texts are the office's own data, shown as typed in either language: people,
# departments, categories, groups and 동 names, surveys and their questions, a file's headers,
# a case's details and a clerk's note. Named by object name (a regular expression).
DATA_WIDGETS = re.compile(
    r"^(actionAssignee|actionOwner|categoryCombo|categoryFilter|dongFilter|groupFilter|logAccount|"
    r"map_\w+|importPreview|caseDetails|caseMovedNote|conflictValue_\w+|surveyCombo|ipaSurvey|"
    r"happySurvey|kioskSurvey|intakeDepartment|intakeAssignee|newStaffDepartment|citizenGroups|"
    r"profileName|profileGroups|profileFacts|profileContact|caseApplicant|paperQuestion_\w+|editSurveyItems|newSurveyCode|actionLabel|"
    r"(name|birth_year|email|address|preferred_channel|memo)\d)$")
# Languages (and the kiosk keyboard's Hangul key) named in their own script, on purpose.
ENDONYMS = ("Language / 언어", "한국어", "한글")


def is_data(widget: QWidget) -> bool:
    while widget is not None:
        if widget.property("pcrm_data") or DATA_WIDGETS.match(widget.objectName() or ""):
            return True
        widget = widget.parentWidget()
    return False


def visible_children(top: QWidget, kind=QWidget) -> list:
    return [w for w in top.findChildren(kind) if w.isVisibleTo(top) and not _inside_popup(w, top)]


def _inside_popup(widget: QWidget, top: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not top:
        if isinstance(parent, QMenu) or parent.isWindow():
            return True
        parent = parent.parentWidget()
    return False


def _part_of_another_control(widget: QWidget) -> bool:
    """The line edit inside a combo or a spin box, a table's headers, scroll bars, a tab bar's
    scroll arrows: reached through their owner."""
    parent = widget.parentWidget()
    if isinstance(widget, QLineEdit) and isinstance(parent, (QComboBox, QAbstractSpinBox)):
        return True
    if isinstance(widget, (QHeaderView, QScrollBar)):
        return True
    if isinstance(widget, QAbstractButton) and isinstance(parent, (QTabBar, QAbstractScrollArea)):
        return True
    if isinstance(widget, QAbstractButton) and type(widget).__name__ == "QAbstractButton":
        return True  # the corner button of a table view
    return widget.focusProxy() is not None


def describe(widget: QWidget) -> str:
    bits = [type(widget).__name__]
    if widget.objectName():
        bits.append(f"#{widget.objectName()}")
    text = _own_text(widget)
    if text:
        bits.append(repr(text[:40]))
    parent = widget.parentWidget()
    while parent is not None and not parent.objectName():
        parent = parent.parentWidget()
    if parent is not None:
        bits.append(f"in #{parent.objectName()}")
    return " ".join(bits)


def _own_text(widget: QWidget) -> str:
    if isinstance(widget, (QAbstractButton, QLabel)):
        return widget.text()
    if isinstance(widget, QLineEdit):
        return widget.placeholderText()
    if isinstance(widget, QGroupBox):
        return widget.title()
    return ""


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None:
        return ""
    return interface.text(QAccessible.Text.Name).replace("&", "").strip()


def interactive(top: QWidget) -> list[QWidget]:
    kinds = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QTextEdit, QPlainTextEdit,
             QAbstractItemView, QAbstractSlider)
    return [w for w in visible_children(top) if isinstance(w, kinds) and not _part_of_another_control(w)
            and w.focusPolicy() != Qt.FocusPolicy.NoFocus]


# --- fits ---------------------------------------------------------------------------------

def fits(top: QWidget) -> list[str]:
    problems = []
    need = top.minimumSizeHint().expandedTo(top.minimumSize())
    if need.width() > MAX_CONTENT_WIDTH or need.height() > MAX_CONTENT_HEIGHT:
        problems.append(f"needs {need.width()}×{need.height()} px, the screen gives "
                        f"{MAX_CONTENT_WIDTH}×{MAX_CONTENT_HEIGHT}")
    if top.width() > MAX_CONTENT_WIDTH or top.height() > MAX_CONTENT_HEIGHT:
        problems.append(f"is {top.width()}×{top.height()} px, the screen gives "
                        f"{MAX_CONTENT_WIDTH}×{MAX_CONTENT_HEIGHT}")
    for area in visible_children(top, QAbstractScrollArea):
        content = area.widget() if hasattr(area, "widget") and area.widgetResizable() else None
        if content is not None and content.minimumSizeHint().width() > area.viewport().width() + 1:
            problems.append(f"needs a sideways scroll bar: {describe(area)} shows "
                            f"{area.viewport().width()} px of {content.minimumSizeHint().width()}")
    for view in visible_children(top, QTableView):
        header = view.horizontalHeader()
        if view.property("pcrm_any_columns") or view.model() is None or not header.count():
            continue  # a file's own columns, as many as it has: scrolled sideways on purpose
        if header.length() > view.viewport().width() + 1:
            last = header.logicalIndex(max(header.visualIndex(i) for i in range(header.count())
                                           if not header.isSectionHidden(i)))
            title = view.model().headerData(last, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
            problems.append(f"needs a sideways scroll to its last column {title!r}: {describe(view)} shows "
                            f"{view.viewport().width()} px of {header.length()}")
    for view in visible_children(top, QListView):
        if view.horizontalScrollBar().isVisible():
            problems.append(f"cut short: {describe(view)} needs a sideways scroll bar for its entries")
    for edit in visible_children(top, QLineEdit):
        room = edit.fontMetrics().averageCharWidth() * 8
        if not _part_of_another_control(edit) and edit.width() < room:
            problems.append(f"too narrow to type in: {describe(edit)} is {edit.width()} px wide")
    for widget in visible_children(top):
        if isinstance(widget, QLabel) and (widget.wordWrap() or not widget.text()
                                           or widget.pixmap() is not None and not widget.pixmap().isNull()):
            continue
        if isinstance(widget, QLabel) and widget.textFormat() == Qt.TextFormat.RichText:
            continue
        if not isinstance(widget, (QLabel, QAbstractButton)) or isinstance(widget.parentWidget(), QTabBar):
            continue
        if isinstance(widget, QAbstractButton) and not widget.text():
            continue
        hint = widget.minimumSizeHint()
        if widget.width() < hint.width() - 1 or widget.height() < hint.height() - 1:
            problems.append(f"clipped: {describe(widget)} is {widget.width()}×{widget.height()},"
                            f" its text needs {hint.width()}×{hint.height()}")
    return problems


# --- names and buddies ----------------------------------------------------------------------

def names(top: QWidget) -> list[str]:
    return [f"no accessible name: {describe(w)}" for w in interactive(top) if not accessible_name(w)]


def buddies(top: QWidget) -> list[str]:
    labels = visible_children(top, QLabel)
    linked = {id(label.buddy()) for label in labels if label.buddy() is not None}
    problems = []
    for field in interactive(top):
        if not isinstance(field, FIELDS) or id(field) in linked:
            continue
        beside = _label_beside(field, labels, top)
        if beside is not None:
            problems.append(f"label {beside.text()!r} stands beside {describe(field)} but is not its buddy")
        elif not field.accessibleName():
            problems.append(f"no label and no name of its own: {describe(field)}")
    return problems


def _rect_in(widget: QWidget, top: QWidget) -> QRect:
    return QRect(widget.mapTo(top, QPoint(0, 0)), widget.size())


def _names_a_field(label: QLabel) -> bool:
    """A short label names a field; a sentence (word-wrapped or long) explains."""
    text = label.text().strip()
    return bool(text) and not label.wordWrap() and len(text) <= 40 and "<" not in text


def _label_beside(field: QWidget, labels: list[QLabel], top: QWidget) -> QLabel | None:
    box = _rect_in(field, top)
    area = _scroll_area(field)
    for label in labels:
        if _scroll_area(label) is not area:
            continue  # in another scrolled area (or outside it): where it shows says nothing
        if label.buddy() is not None or not _names_a_field(label) or is_data(label) \
                or label.objectName() == "pageHeading":
            continue
        rect = _rect_in(label, top)
        same_row = abs(rect.center().y() - box.center().y()) <= max(box.height(), rect.height()) // 2
        left = same_row and 0 <= box.left() - rect.right() <= 24
        above = 0 <= box.top() - rect.bottom() <= 8 and rect.left() <= box.left() + 8 \
            and rect.right() >= box.left()
        if left or above:
            return label
    return None


# --- keyboard -------------------------------------------------------------------------------

def _ours_overrides(widget: QWidget, method: str) -> bool:
    for cls in type(widget).__mro__:
        if method in cls.__dict__:
            return cls.__module__.startswith("pcrm_desktop")
    return False


def keyboard(top: QWidget) -> list[str]:
    problems = []
    for widget in visible_children(top):
        # a widget of ours that handles the mouse and shows the hand: it invites a click
        clicks = _ours_overrides(widget, "mousePressEvent") or _ours_overrides(widget, "mouseReleaseEvent")
        if not clicks or isinstance(widget, (QAbstractItemView, QAbstractScrollArea)) \
                or widget.cursor().shape() != Qt.CursorShape.PointingHandCursor:
            continue
        if not widget.isEnabled():
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            problems.append(f"takes clicks but not keyboard focus: {describe(widget)}")
        elif not _ours_overrides(widget, "keyPressEvent"):
            problems.append(f"takes clicks but no keys: {describe(widget)}")
    return problems


# --- tab order --------------------------------------------------------------------------------

def focus_chain(top: QWidget) -> list[QWidget]:
    chain, seen = [], set()
    widget = top.nextInFocusChain()
    while widget is not None and widget is not top and id(widget) not in seen:
        seen.add(id(widget))
        if (widget.isVisibleTo(top) and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and widget.focusProxy() is None and widget.window() is top
                and not _part_of_another_control(widget) and not _inside_popup(widget, top)):
            chain.append(widget)
        widget = widget.nextInFocusChain()
    return chain


def tab_order(top: QWidget) -> list[str]:
    """The focus chain is a ring: Tab from the last control goes back to the first. Read from
    the control a reader meets first (top, then left), no step may go back up and to the left."""
    chain = focus_chain(top)
    if chain:
        first = min(range(len(chain)), key=lambda i: (_rect_in(chain[i], top).top() // 8,
                                                      _rect_in(chain[i], top).left()))
        chain = chain[first:] + chain[:first]
    problems = []
    for before, after in zip(chain, chain[1:]):
        a, b = _rect_in(before, top), _rect_in(after, top)
        if _same_scroll_content(before, after):
            continue
        if b.bottom() < a.top() - 2 and b.left() < a.left() - 2:
            problems.append(f"Tab steps back up and left: {describe(before)} → {describe(after)}")
    return problems


def _same_scroll_content(first: QWidget, second: QWidget) -> bool:
    """True when Tab leaves a scrolled area for the rest of the window: where a control sits
    inside the area's content says nothing of where it shows."""
    return _scroll_area(first) is not _scroll_area(second)


def _scroll_area(widget: QWidget):
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent


# --- language ---------------------------------------------------------------------------------

def own_texts(top: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every text of the application's own on the window."""
    texts: list[tuple[str, str]] = [("window title", top.windowTitle())]
    for widget in visible_children(top):
        if is_data(widget):
            continue
        where = describe(widget)
        if isinstance(widget, (QAbstractButton, QLabel)):
            texts.append((where, widget.text()))
        if isinstance(widget, QGroupBox):
            texts.append((where, widget.title()))
        if isinstance(widget, QLineEdit):
            texts.append((where, widget.placeholderText()))
        if isinstance(widget, QPlainTextEdit):
            texts.append((where, widget.placeholderText()))
        if isinstance(widget, QTextEdit):
            texts.append((where, widget.placeholderText()))
        if widget.toolTip():
            texts.append((where + " tooltip", widget.toolTip()))
        if isinstance(widget, QTabWidget):
            texts += [(where + " tab", widget.tabText(i)) for i in range(widget.count())]
        if isinstance(widget, QComboBox) and not widget.property("pcrm_data_items"):
            texts += [(where + " item", widget.itemText(i)) for i in range(widget.count())]
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            texts += [(where + " header", text) for text in _headers(widget)]
        if isinstance(widget, QListWidget):
            texts += [(where + " item", widget.item(i).text()) for i in range(widget.count())]
    if isinstance(top, QMainWindow):
        for menu in top.menuBar().findChildren(QMenu):
            texts.append(("menu", menu.title()))
            texts += [("menu item", action.text()) for action in menu.actions()]
    return [(where, text) for where, text in texts if text]


def _columns(model) -> int:
    try:
        return model.columnCount(QModelIndex())
    except TypeError:  # a list widget's private model
        return 1


def _rows(model) -> int:
    try:
        return model.rowCount(QModelIndex())
    except TypeError:
        return model.rowCount()


def _headers(view: QAbstractItemView) -> list[str]:
    model = view.model()
    texts = []
    for section in range(_columns(model)):
        value = model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole)
        if isinstance(value, str):
            texts.append(value)
    return texts


def visible_cells(view: QAbstractItemView, rows: int = 40) -> list[str]:
    model = view.model()
    if model is None:
        return []
    texts = []
    for row in range(min(rows, _rows(model))):
        for column in range(_columns(model)):
            value = model.index(row, column).data(Qt.ItemDataRole.DisplayRole)
            if isinstance(value, str):
                texts.append(value)
    return texts


def english(top: QWidget, data_texts: tuple[str, ...] = ()) -> list[str]:
    """`data_texts`: the office's and the signed-in user's names, which titles and greetings
    carry as typed."""
    problems = []
    for where, text in own_texts(top):
        shown = text
        for data in (*sorted(data_texts, key=len, reverse=True), *ENDONYMS):
            shown = shown.replace(data, "")
        if HANGUL.search(shown):
            problems.append(f"Hangul in English mode: {where}: {text[:60]!r}")
    return problems


def korean(top: QWidget) -> list[str]:
    texts = own_texts(top)
    for view in visible_children(top, QAbstractItemView):
        if not isinstance(view, QHeaderView) and not is_data(view):
            texts += [(describe(view) + " cell", text) for text in visible_cells(view)]
    for widget in [w for w in visible_children(top, QComboBox) if not is_data(w)]:
        texts += [(describe(widget) + " item", widget.itemText(i)) for i in range(widget.count())]
    problems = []
    for where, text in texts:
        codes = [code for code in CODE.findall(text) if code not in ALLOWED_CODES]
        if codes:
            problems.append(f"code shown in Korean mode: {where}: {', '.join(codes)} in {text[:60]!r}")
    return problems


CHECKS = {"fits": fits, "names": names, "buddies": buddies, "keyboard": keyboard,
          "tab_order": tab_order}


def dialogs_of(widget: QWidget) -> bool:
    return isinstance(widget, QDialog)
