"""PySide's wrappers of objects Qt made, as the tests of the stale-wrapper fixes count them
(test_accessibility.py, test_layout_items.py)."""
from __future__ import annotations

import gc

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLayoutItem


def qt_made_items() -> list[QLayoutItem]:
    """Live wrappers of layout items Qt made (PySide still takes them for objects that exist)."""
    return [o for o in gc.get_objects()
            if isinstance(o, QLayoutItem) and not isinstance(o, QObject)
            and not shiboken6.createdByPython(o) and shiboken6.isValid(o)]
