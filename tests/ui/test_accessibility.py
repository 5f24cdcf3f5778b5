"""Labels linked to their fields from the layouts (ui/accessibility.py): a form row's label, the
grid cell left of a field, the label just before a field in a box; a sentence is left alone;
a window of ours links its labels when first shown, so a screen reader names each field."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.ui.accessibility import link_labels
from pcrm_desktop.ui.i18n import Retranslatable
from tests.ui.wrappers import qt_made_items


def _form() -> tuple[QWidget, dict]:
    root = QWidget()
    parts = {"name": QLineEdit(), "role": QComboBox(), "age": QSpinBox(), "note": QLineEdit(),
             "search": QLineEdit()}
    labels = {"name": QLabel("이름"), "role": QLabel("역할"), "age": QLabel("나이"),
              "note": QLabel("이 칸에는 민원인이 말한 것을 그대로 적지 말고 요약해서 적습니다. 개인정보는 빼십시오."),
              "search": QLabel("찾기")}
    form = QFormLayout()
    form.addRow(labels["name"], parts["name"])
    grid = QGridLayout()
    grid.addWidget(labels["role"], 0, 0)
    grid.addWidget(parts["role"], 0, 1)
    row = QHBoxLayout()
    row.addWidget(labels["age"])
    row.addWidget(parts["age"])
    column = QVBoxLayout()
    column.addWidget(labels["note"])
    column.addWidget(parts["note"])
    inner = QHBoxLayout()
    inner.addWidget(parts["search"])
    search_row = QHBoxLayout()
    search_row.addWidget(labels["search"])
    search_row.addLayout(inner)  # the field inside a nested layout
    layout = QVBoxLayout(root)
    for part in (form, grid, row, column, search_row):
        layout.addLayout(part)
    return root, {"parts": parts, "labels": labels}


def test_each_naming_label_gets_its_field_and_a_sentence_does_not(qapp):
    root, found = _form()
    labels, parts = found["labels"], found["parts"]
    linked = link_labels(root)
    for key in ("role", "age", "search"):
        assert labels[key].buddy() is parts[key], key
    assert labels["name"].buddy() is parts["name"]
    assert labels["note"].buddy() is None  # an explanation, not the field's name
    assert linked >= 3


def test_a_window_of_ours_links_its_labels_when_first_shown(qtbot):
    class Form(Retranslatable, QDialog):
        def __init__(self) -> None:
            super().__init__()
            self.label, self.field = QLabel("담당자"), QComboBox()
            row = QHBoxLayout(self)
            row.addWidget(self.label)
            row.addWidget(self.field)

    form = Form()
    qtbot.addWidget(form)
    assert form.label.buddy() is None
    form.show()
    qtbot.waitExposed(form)
    assert form.label.buddy() is form.field
    name = QAccessible.queryAccessibleInterface(form.field).text(QAccessible.Text.Name)
    assert name.replace("&", "") == "담당자"  # what a screen reader says on reaching the field


def test_a_page_scrolls_to_the_field_tab_reaches_without_a_stop_of_its_own(qtbot):
    """150 % text: the main window's pages scroll down (ui/fitting.py). The scrolled area is no
    Tab stop itself, and Tab to a field below the fold brings it into view."""
    from pcrm_desktop.ui.fitting import scrolling
    content = QWidget()
    column = QVBoxLayout(content)
    fields = [QLineEdit() for _ in range(30)]
    for field in fields:
        field.setMinimumHeight(40)
        column.addWidget(field)
    area = scrolling(content, "pageArea")
    window, before = QWidget(), QLineEdit()  # the main window's search box, say, then the page
    layout = QVBoxLayout(window)
    layout.addWidget(before)
    layout.addWidget(area)
    qtbot.addWidget(window)
    window.resize(300, 240)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=3000)
    before.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is before, timeout=3000)
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is fields[0]  # straight into the page, no stop on the area
    for _ in range(20):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is fields[20]  # no stop on the area between them
    assert area.verticalScrollBar().value() > 0
    shown = fields[20].mapTo(area.viewport(), fields[20].rect().topLeft())
    assert 0 <= shown.y() < area.viewport().height()



def test_the_walk_makes_no_wrapper_of_a_layout_item(qapp):
    """PySide keeps an item wrapper from itemAt() as long as its layout, and is not told when Qt
    deletes the item: the UI suite then got a dialog's new button back as a stale QSpacerItem
    ('QSpacerItem' object has no attribute 'setText') and crashed now and then. The walk finds
    places by number and makes no item wrapper at all (PySide's own addLayout makes some:
    counted before the walk)."""
    root, found = _form()
    root.layout().addStretch(1)
    before = len(qt_made_items())
    assert link_labels(root) == 4
    assert len(qt_made_items()) == before
    assert found["labels"]["role"].buddy() is found["parts"]["role"]
