"""Python's cyclic garbage collection on the GUI thread only (Anki's GarbageCollector).

With automatic collection on, a collection can start on whichever thread happens to allocate:
the task lane's worker thread too. A reference cycle that holds a Qt object (a closed dialog
and the lambdas connected to its signals) is then freed there, and a widget destroyed off the
GUI thread crashes the process (seen as signal 11 in the screen walk, 5 walks in 8). So the
automatic collector is switched off and a timer on the GUI thread does its work: each second
it collects the generations whose counts passed the thresholds Python itself would use.
Reference counting still frees everything else at once, on any thread.
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.collect)
        self.timer.start()

    def collect(self) -> int:
        """The oldest generation whose count passed its threshold, with the younger ones;
        -1 when none had to be collected."""
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                gc.collect(generation)
                return generation
        return -1


def collect_on_gui_thread(app: QObject) -> GuiThreadCollector:
    """The application's one collector, made on first call (the GUI thread's QApplication);
    automatic collection is off after every call, whoever turned it on meanwhile."""
    found = app.findChild(GuiThreadCollector)
    if found is None:
        return GuiThreadCollector(app)
    gc.disable()
    return found
