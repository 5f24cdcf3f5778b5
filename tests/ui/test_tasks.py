"""The background task runner: results by signal, errors delivered, delayed progress, cancel."""
from __future__ import annotations

import threading
import time

from PySide6.QtWidgets import QProgressDialog, QPushButton, QWidget

from pcrm_desktop.ui.tasks import SHOW_AFTER_MS, TaskCancelled, TaskRunner


def test_result_arrives_on_the_gui_thread(qtbot):
    runner = TaskRunner()
    seen = {}

    def work(control):
        seen["worker"] = threading.get_ident()
        return 6 * 7

    results = []
    runner.run(work, results.append)
    qtbot.waitUntil(lambda: results == [42], timeout=3000)
    assert seen["worker"] != threading.get_ident()


def test_error_is_delivered_not_swallowed(qtbot):
    runner = TaskRunner()
    errors = []
    runner.run(lambda control: 1 / 0, lambda _: None, errors.append)
    qtbot.waitUntil(lambda: len(errors) == 1, timeout=3000)
    assert isinstance(errors[0], ZeroDivisionError)


def test_tasks_run_one_at_a_time_in_order(qtbot):
    runner = TaskRunner()
    order = []
    for n in range(5):
        runner.run(lambda control, n=n: (time.sleep(0.01), order.append(n)), lambda _: None)
    qtbot.waitUntil(lambda: len(order) == 5, timeout=3000)
    assert order == [0, 1, 2, 3, 4]


def test_progress_dialog_only_for_slow_work_and_it_cancels(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    runner = TaskRunner()

    quick = []
    runner.run(lambda control: "fast", quick.append, label="빠른 작업", parent=parent)
    qtbot.waitUntil(lambda: quick == ["fast"], timeout=3000)
    qtbot.wait(SHOW_AFTER_MS + 100)
    assert not any(d.isVisible() for d in parent.findChildren(QProgressDialog))

    def slow(control):
        for step in range(1000):
            control.progress(step, 1000, "처리 중")
            control.check()
            time.sleep(0.01)
        return "finished"

    outcome = []
    runner.run(slow, outcome.append, outcome.append, label="느린 작업", parent=parent)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in parent.findChildren(QProgressDialog)),
                    timeout=3000)
    dialog = next(d for d in parent.findChildren(QProgressDialog) if d.isVisible())
    assert dialog.maximum() == 1000
    cancel_button = dialog.findChild(QPushButton)
    assert cancel_button.text() == "취소"
    cancel_button.click()
    qtbot.waitUntil(lambda: len(outcome) == 1, timeout=3000)
    assert isinstance(outcome[0], TaskCancelled)
    assert not runner.busy()


def test_many_tasks_leave_reference_counts_alone(qtbot):
    """PySide6 6.12.0 dropped a reference to True on every Signal.emit: after a few thousand
    background tasks (a clerk's day) the process died with "deallocating True". Every task
    emits a signal, so this runs 500 of them and checks True and None keep their counts, and
    that the finished tasks are freed."""
    import gc
    import sys
    import weakref

    from PySide6.QtWidgets import QApplication

    from pcrm_desktop.ui.tasks import TaskRunner
    runner = TaskRunner()
    results: list = []
    gc.collect()  # earlier tests' garbage would otherwise be freed in the middle and blur this
    true_before, none_before = sys.getrefcount(True), sys.getrefcount(None)
    tasks = [weakref.ref(runner.run(lambda control, n=n: (True if n % 2 else None), results.append))
             for n in range(500)]
    qtbot.waitUntil(lambda: len(results) == 500, timeout=20000)
    QApplication.processEvents()
    true_after, none_after = sys.getrefcount(True), sys.getrefcount(None)
    assert runner.wait(5000)  # lets go of the last finished task too
    gc.collect()
    # finished tasks are freed with all they captured (they used to stay for good)
    assert sum(1 for t in tasks if t() is not None) == 0
    held_true = sum(1 for r in results if r is True)
    held_none = sum(1 for r in results if r is None)
    # The results list holds one reference per result. The bug took one away per signal
    # (here about 1,000 signals); caches elsewhere may add a few, which is harmless.
    assert true_after >= true_before + held_true - 20
    assert none_after >= none_before + held_none - 20
