"""Labels linked to their fields, so a screen reader names each field and Alt+the label's
mnemonic reaches it (issue 18, accessibility).

A form's label stands where the layout puts it: in a QFormLayout's label column, in the grid
cell left of its field, or just before its field in a row or column of a box layout. Linking
them by hand (`label.setBuddy(field)`) on every form is what Qt Designer's buddy mode does; one
walk over the layouts does the same for every window when it is first shown, so no form is
forgotten. A label that is a sentence (word-wrapped, or long) explains rather than names and
is left alone; a field without a label carries its own accessible name, set where it is made.

The walk reads the layouts' items (`itemAt`), and PySide keeps every item wrapper it hands out
alive as long as its layout. An item is no QObject: when Qt deletes it (its widget goes, the
layout is rebuilt) the wrapper is not told, stays in PySide's table of known objects, and a new
object Qt later makes at the same address (a dialog's button, a menu) came back as that stale
QSpacerItem or QWidgetItem (an AttributeError, or a crash). So the walk lets go of every item
wrapper it was given before it returns (`_Items`).
"""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

FIELDS = (QLineEdit, QComboBox, QAbstractSpinBox, QTextEdit, QPlainTextEdit)
LONGEST_NAME = 40  # characters; a longer label is an explanation, not a field's name
_DONE = "pcrm_labels_linked"


def link_labels(root: QWidget) -> int:
    """Give every naming label under `root` its field as buddy; returns how many were linked.
    Runs once per widget (again only when asked with a fresh widget tree)."""
    linked = 0
    items = _Items()
    try:
        for layout in [root.layout(), *root.findChildren(QLayout)]:
            if layout is not None:
                for label, field in _pairs(layout, items):
                    if label.buddy() is None and _names(label):
                        label.setBuddy(field)
                        linked += 1
    finally:
        items.release()
    root.setProperty(_DONE, True)
    return linked


class _Items:
    """The layout items Qt handed out during a walk, let go of at its end (see the module's
    note): their wrappers are dropped from PySide's table; Qt's items are untouched."""

    def __init__(self) -> None:
        self.given: list[QLayoutItem] = []

    def __call__(self, item: QLayoutItem | None) -> QLayoutItem | None:
        if item is not None and not isinstance(item, QObject) and not shiboken6.createdByPython(item):
            self.given.append(item)  # a layout (a QObject) or an item made in Python is tracked
        return item

    def release(self) -> None:
        for item in self.given:
            shiboken6.invalidate(item)
        self.given.clear()


def link_labels_once(root: QWidget) -> None:
    if not root.property(_DONE):
        link_labels(root)


def _names(label: QLabel) -> bool:
    text = label.text().strip()
    return bool(text) and not label.wordWrap() and len(text) <= LONGEST_NAME and "<" not in text


def _pairs(layout: QLayout, items: _Items):
    if isinstance(layout, QFormLayout):
        for row in range(layout.rowCount()):
            label = items(layout.itemAt(row, QFormLayout.ItemRole.LabelRole))
            field = items(layout.itemAt(row, QFormLayout.ItemRole.FieldRole))
            yield from _pair(label, field, items)
    elif isinstance(layout, QGridLayout):
        for row in range(layout.rowCount()):
            for column in range(layout.columnCount() - 1):
                yield from _pair(items(layout.itemAtPosition(row, column)),
                                 items(layout.itemAtPosition(row, column + 1)), items)
    elif isinstance(layout, QBoxLayout):
        every = [items(layout.itemAt(i)) for i in range(layout.count())]
        shown = [item for item in every if item is not None and item.spacerItem() is None]
        for first, second in zip(shown, shown[1:]):
            yield from _pair(first, second, items)


def _pair(label_item: QLayoutItem | None, field_item: QLayoutItem | None, items: _Items):
    if label_item is None or field_item is None:
        return
    label = label_item.widget()
    if not isinstance(label, QLabel):
        return
    field = _first_field(field_item, items)
    if field is not None:
        yield label, field


def _first_field(item: QLayoutItem, items: _Items) -> QWidget | None:
    widget = item.widget()
    if widget is not None:
        return widget if isinstance(widget, FIELDS) else None
    layout = item.layout()
    if layout is not None and layout.count():
        return _first_field(items(layout.itemAt(0)), items)
    return None
