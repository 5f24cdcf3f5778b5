"""Labels linked to their fields, so a screen reader names each field and Alt+the label's
mnemonic reaches it (issue 18, accessibility).

A form's label stands where the layout puts it: in a QFormLayout's label column, in the grid
cell left of its field, or just before its field in a row or column of a box layout. Linking
them by hand (`label.setBuddy(field)`) on every form is what Qt Designer's buddy mode does; one
walk over the layouts does the same for every window when it is first shown, so no form is
forgotten. A label that is a sentence (word-wrapped, or long) explains rather than names and
is left alone; a field without a label carries its own accessible name, set where it is made.

The walk never asks a layout for its items (`itemAt`): PySide keeps every item wrapper it hands
out alive as long as its layout, is not told when Qt deletes the item (an item is no QObject),
and a new object Qt later made at the same address came back as that stale QSpacerItem or
QWidgetItem (an AttributeError, or a crash). It finds each widget's and nested layout's place
by number instead (`indexOf`, `getItemPosition`, `getWidgetPosition`), which makes no wrapper.
It walks only the layouts and widgets this program made: Qt's own (a wizard's frame and grid,
which it rebuilds when it likes) are neither forms of ours nor safe to hold on to.
"""
from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QBoxLayout,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLayout,
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
        if layout is not None and shiboken6.createdByPython(layout):  # ours, not Qt's own
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


Part = QWidget | QLayout  # what stands in a layout's place: a widget or a nested layout


def _parts(layout: QLayout) -> list[tuple[int, Part]]:
    """The widgets and nested layouts directly in `layout`, by their index in it (spacers left
    out), found without asking the layout for its items."""
    found: list[tuple[int, Part]] = []
    owner = layout.parentWidget()
    widgets = owner.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly) \
        if owner is not None else []
    for part in [*widgets, *layout.findChildren(QLayout, options=Qt.FindChildOption.FindDirectChildrenOnly)]:
        if not shiboken6.createdByPython(part):
            continue  # a part Qt made and may remake at any time (a wizard's frame, a viewport)
        index = layout.indexOf(part)
        if index >= 0:
            found.append((index, part))
    return sorted(found, key=lambda pair: pair[0])


def _pairs(layout: QLayout):
    parts = _parts(layout)
    if isinstance(layout, QFormLayout):
        rows: dict[int, dict[QFormLayout.ItemRole, Part]] = {}
        for _, part in parts:
            row, role = (layout.getLayoutPosition(part) if isinstance(part, QLayout)
                         else layout.getWidgetPosition(part))
            rows.setdefault(row, {})[role] = part
        for row in sorted(rows):
            yield from _pair(rows[row].get(QFormLayout.ItemRole.LabelRole),
                             rows[row].get(QFormLayout.ItemRole.FieldRole))
    elif isinstance(layout, QGridLayout):
        cells: dict[tuple[int, int], Part] = {}
        for index, part in parts:
            row, column, row_span, column_span = layout.getItemPosition(index)
            for r in range(row, row + max(1, row_span)):
                for c in range(column, column + max(1, column_span)):
                    cells[(r, c)] = part
        for (row, column), part in sorted(cells.items()):
            yield from _pair(part, cells.get((row, column + 1)))
    elif isinstance(layout, QBoxLayout):
        shown = [part for _, part in parts]
        for first, second in zip(shown, shown[1:]):
            yield from _pair(first, second)


def _pair(label: Part | None, field_part: Part | None):
    if not isinstance(label, QLabel) or field_part is None:
        return
    field = _first_field(field_part)
    if field is not None:
        yield label, field


def _first_field(part: Part) -> QWidget | None:
    if isinstance(part, QWidget):
        return part if isinstance(part, FIELDS) else None
    inner = _parts(part)
    return _first_field(inner[0][1]) if inner else None
