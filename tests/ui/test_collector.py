"""Garbage collection on the GUI thread only (ui/collector.py): the app switches Python's
automatic collection off, so a reference cycle holding a widget is never freed on the task
lane's thread (the screen walk's signal 11), and its timer collects cycles on the GUI thread."""
from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtWidgets import QWidget

from pcrm_desktop.app import Application
from pcrm_desktop.ui.collector import GuiThreadCollector, collect_on_gui_thread
from tests.ui.conftest import _args


class Holder:
    """A reference cycle that keeps a widget alive until the cycle is collected."""

    def __init__(self) -> None:
        self.me = self
        self.widget = QWidget()


def test_the_app_turns_automatic_collection_off_and_has_one_collector(qapp):
    gc.enable()  # as a fresh process starts (or after an earlier test turned it on)
    Application(_args(), qapp)
    assert not gc.isenabled()
    gc.enable()
    Application(_args(), qapp)  # a second window of the same process: still one collector
    assert not gc.isenabled()
    assert len(qapp.findChildren(GuiThreadCollector)) == 1
    assert collect_on_gui_thread(qapp).timer.isActive()


def test_a_cycle_made_on_a_worker_thread_is_freed_on_the_gui_thread(qapp, qtbot):
    collector = collect_on_gui_thread(qapp)
    gc.collect()
    gc.disable()
    try:
        made: list[weakref.ref] = []
        kept: list[list[int]] = []

        def work() -> None:  # allocations well past the first threshold, off the GUI thread
            for _ in range(3):
                made.append(weakref.ref(Holder()))
            kept.extend([i] for i in range(5_000))

        worker = threading.Thread(target=work)
        worker.start()
        worker.join()
        assert all(ref() is not None for ref in made)  # nothing collected on that thread
        freed_by: list[str] = []
        for ref in made:
            weakref.finalize(ref(), lambda: freed_by.append(threading.current_thread().name))
        qtbot.waitUntil(lambda: all(ref() is None for ref in made), timeout=5000)
        assert freed_by and set(freed_by) == {threading.main_thread().name}
        assert collector.collect() == -1  # nothing left over a threshold right after
    finally:
        gc.disable()  # as the app keeps it for the UI tests after this one
