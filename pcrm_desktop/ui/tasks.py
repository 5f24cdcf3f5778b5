"""Background work: `runner.run(fn, on_done)` runs fn off the GUI thread (Anki's and Picard's way).

- Database work goes through one serialized lane (a pool of one thread): SQLite has one writer,
  and the order of the user's actions is kept.
- A progress dialog appears only if the task is still running after SHOW_AFTER_MS, and can cancel.
- `fn` receives a TaskControl: `control.progress(done, total, text)` and `control.cancelled()`.
- Results and errors come back by signal on the GUI thread; no worker touches a widget.
"""
from __future__ import annotations

import logging
import threading
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from pcrm_desktop.domain.errors import DomainError

log = logging.getLogger(__name__)
SHOW_AFTER_MS = 600


class TaskCancelled(Exception):
    """Raised inside a task (by TaskControl.check) when the user pressed 취소."""


class TaskControl:
    def __init__(self, signals: "_Signals") -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def progress(self, done: int, total: int, text: str = "") -> None:
        self._signals.progress.emit(done, total, text)

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise TaskCancelled()

    def cancel(self) -> None:
        self._cancel.set()


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(int, int, str)


class Task:
    """One piece of work for the lane. A plain Python object (the pool gets its bound `run`),
    so it is freed like any other once finished; a QRunnable handed to QThreadPool stays owned
    by C++ and kept every finished task, and all it captured, in memory."""

    def __init__(self, fn: Callable[[TaskControl], object]) -> None:
        self.signals = _Signals()
        self.control = TaskControl(self.signals)
        self.fn = fn

    def run(self) -> None:
        try:
            result = self.fn(self.control)
        except BaseException as error:  # noqa: BLE001 - every failure must reach the GUI
            if not isinstance(error, (TaskCancelled, DomainError)):  # a refusal is no failure
                log.exception("background task failed")
            self.signals.failed.emit(error)
        else:
            self.signals.done.emit(result)


class TaskRunner(QObject):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._running: set[Task] = set()
        # The last finished task stays here until the next one finishes: the worker thread may
        # still hold it for a moment after its answer arrived, and the task's QObject must be
        # freed here on the GUI thread, never there. The lane has one thread, so by the time
        # the next task finishes the worker has long let go of this one.
        self._finished: list[Task] = []

    def run(self, fn: Callable[[TaskControl], object], on_done: Callable[[object], None],
            on_error: Callable[[BaseException], None] | None = None, *,
            label: str | None = None, parent: QWidget | None = None) -> Task:
        """Run fn(control) in the lane; with `label`, show a cancellable progress dialog."""
        task = Task(fn)
        dialog = _ProgressDialog(task, label, parent) if label else None
        task.signals.done.connect(lambda result: self._finish(task, dialog, on_done, result))
        task.signals.failed.connect(lambda error: self._finish(task, dialog, on_error, error))
        self._running.add(task)
        self.pool.start(task.run)
        return task

    def _finish(self, task: Task, dialog, callback, value) -> None:
        self._running.discard(task)
        self._finished[:] = [task]
        if dialog is not None:
            try:
                dialog.finish()
            except RuntimeError:  # its parent window was closed meanwhile
                pass
        self._release(task)
        if callback is not None:
            owner = getattr(callback, "__self__", None)
            if isinstance(owner, QObject) and not shiboken6.isValid(owner):
                return  # the window that asked is gone (closed while its answer was on the way)
            try:
                callback(value)
            except RuntimeError as error:
                if "already deleted" not in str(error):
                    raise
                log.debug("answer for a closed widget dropped: %s", error)
        elif isinstance(value, BaseException) and not isinstance(value, TaskCancelled):
            log.error("unhandled task error: %r", value)

    @staticmethod
    def _release(task: Task) -> None:
        """Break the cycle task → signals → connected lambdas → task: Python's collector cannot
        see through Qt's connections, so the task and all it captured (an import plan of
        100,000 rows, say) would stay in memory."""
        for signal in (task.signals.done, task.signals.failed):
            signal.disconnect()
        task.fn = None

    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = -1) -> bool:
        """Wait for queued work to end (used when closing the window)."""
        for task in list(self._running):
            task.control.cancel()
        done = self.pool.waitForDone(msecs)
        if done:
            self._finished.clear()
        return done


class _ProgressDialog:
    """Created hidden; shown only if the task outlives SHOW_AFTER_MS."""

    def __init__(self, task: Task, label: str, parent: QWidget | None) -> None:
        cancel = QCoreApplication.translate("TaskRunner", "취소")
        self.dialog = QProgressDialog(label, cancel, 0, 0, parent)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(2**30)  # never by itself: our timer decides
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(task.control.cancel)
        self.dialog.hide()
        self.finished = False
        QTimer.singleShot(SHOW_AFTER_MS, self._show)
        task.signals.progress.connect(self._progress)

    def _show(self) -> None:
        if not self.finished:
            self.dialog.show()

    def _progress(self, done: int, total: int, text: str) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)
        if text:
            self.dialog.setLabelText(text)

    def finish(self) -> None:
        self.finished = True
        self.dialog.hide()
        self.dialog.deleteLater()
