"""Labels linked to their fields, so a screen reader names each field and Alt+the label's
mnemonic reaches it (issue 18, accessibility).

A form's label stands where the layout puts it: in a QFormLayout's label column, in the grid
cell left of its field, or just before its field in a row or column of a box layout. Linking
them by hand (`label.setBuddy(field)`) on every form is what Qt Designer's buddy mode does; one
walk over the layouts does the same for every window when it is first shown, so no form is
forgotten. A label that is a sentence (word-wrapped, or long) explains rather than names and
is left alone; a field without a label carries its own accessible name, set where it is made.
"""
from __future__ import annotations

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
    for layout in [root.layout(), *root.findChildren(QLayout)]:
        if layout is not None:
            for label, field in _pairs(layout):
                if label.buddy() is None and _names(label):
                    label.setBuddy(field)
                    linked += 1
    root.setProperty(_DONE, True)
    return linked


def link_labels_once(root: QWidget) -> None:
    if not root.property(_DONE):
        link_labels(root)


def _names(label: QLabel) -> bool:
    text = label.text().strip()
    return bool(text) and not label.wordWrap() and len(text) <= LONGEST_NAME and "<" not in text


def _pairs(layout: QLayout):
    if isinstance(layout, QFormLayout):
        for row in range(layout.rowCount()):
            label = layout.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = layout.itemAt(row, QFormLayout.ItemRole.FieldRole)
            yield from _pair(label, field)
    elif isinstance(layout, QGridLayout):
        for row in range(layout.rowCount()):
            for column in range(layout.columnCount() - 1):
                yield from _pair(layout.itemAtPosition(row, column), layout.itemAtPosition(row, column + 1))
    elif isinstance(layout, QBoxLayout):
        items = [layout.itemAt(i) for i in range(layout.count())]
        items = [item for item in items if item.spacerItem() is None]
        for first, second in zip(items, items[1:]):
            yield from _pair(first, second)


def _pair(label_item: QLayoutItem | None, field_item: QLayoutItem | None):
    if label_item is None or field_item is None:
        return
    label = label_item.widget()
    if not isinstance(label, QLabel):
        return
    field = _first_field(field_item)
    if field is not None:
        yield label, field


def _first_field(item: QLayoutItem) -> QWidget | None:
    widget = item.widget()
    if widget is not None:
        return widget if isinstance(widget, FIELDS) else None
    layout = item.layout()
    if layout is not None and layout.count():
        return _first_field(layout.itemAt(0))
    return None
