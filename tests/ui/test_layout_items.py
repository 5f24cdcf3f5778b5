"""No wrapper of a layout item Qt deletes while its layout lives (issue 19, the UI suite's
crashes): PySide wraps the items a layout holds when that layout is added to another
(`addLayout`) and keeps the wrappers as long as the layout; it is not told when Qt deletes an
item (`removeWidget`, a widget deleted), and a new object Qt made at the same address came back
as the stale wrapper. The kiosk's question screen replaces its answer area for every item: the
area's item is never wrapped."""
from __future__ import annotations

from PySide6.QtWidgets import QWidget

from pcrm_desktop.ui.kiosk_screens import QuestionScreen
from tests.ui.wrappers import qt_made_items


def test_the_kiosk_answer_areas_leave_no_item_wrapper(qapp):
    screen = QuestionScreen()
    wrapped = [item.widget() for item in qt_made_items()]  # all alive: safe to ask
    assert screen.answer_area not in wrapped
    before = len(qt_made_items())
    for keyboard in (False, True, False):
        screen.show_answers(QWidget(), keyboard)
    assert len(qt_made_items()) == before
    assert screen.answer_holder.indexOf(screen.answer_area) == 0
    screen.deleteLater()
