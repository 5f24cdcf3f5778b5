"""Background work: `runner.run(fn, on_done)` runs fn off the GUI thread (Anki's and Picard's way).

- Database work goes through one serialized lane (a pool of one thread): SQLite has one writer,
  and the order of the user's actions is kept.
- A progress dialog appears only if the task is still running after SHOW_AFTER_MS, and can cancel.
- `fn` receives a TaskControl: `control.progress(done, total, text)` and `control.cancelled()`.
- Results and errors come back by signal on the GUI thread; no worker touches a widget.
- A write that waits for another program's lock (a second window, `pcrm import`) says so at
  once (`on_wait`, the progress dialog's label, or a small notice; `TaskRunner.waiting` for a
  status bar): the database layer reports the wait through `pcrm_desktop.waiting`.
"""
from __future__ import annotations

import contextlib
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

from pcrm_desktop import waiting
from pcrm_desktop.domain.errors import DomainError

log = logging.getLogger(__name__)
SHOW_AFTER_MS = 600


class TaskCancelled(Exception):
    """Raised inside a task (by TaskControl.check) when the user pressed 취소."""


class TaskControl:
    def __init__(self, signals: _Signals) -> None:
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
    waiting = Signal(object)  # seconds waited for the write lock so far; None: wait over


def wait_text(seconds: float) -> str:
    """What the screen says while a write waits for another program's lock."""
    return QCoreApplication.translate(
        "TaskRunner", "다른 사용자(또는 명령)가 저장 중입니다. 기다리는 중… ({seconds}초)").format(
        seconds=max(1, round(seconds)))


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
            with waiting.reporting_to(self._waited):
                result = self.fn(self.control)
        except BaseException as error:  # noqa: BLE001 - every failure must reach the GUI
            if not isinstance(error, (TaskCancelled, DomainError)):  # a refusal is no failure
                log.exception("background task failed")
            self.signals.failed.emit(error)
        else:
            self.signals.done.emit(result)

    def _waited(self, seconds: float | None) -> None:
        """On the worker thread, between two tries at the lock: tell the GUI, and stop
        waiting if the user cancelled."""
        self.signals.waiting.emit(seconds)
        if seconds is not None:
            self.control.check()


class TaskRunner(QObject):
    # the wait text while a task waits for another program's write lock; "" when it got it
    waiting = Signal(str)

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
            label: str | None = None, parent: QWidget | None = None,
            on_wait: Callable[[str], None] | None = None) -> Task:
        """Run fn(control) in the lane; with `label`, show a cancellable progress dialog.
        While the task waits for another program's write lock, `on_wait(text)` gets the wait
        text (and "" once it got the lock); without it, the progress dialog (or, for a task
        without one, a small notice) shows the wait at once."""
        task = Task(fn)
        dialog = _ProgressDialog(task, label, parent) if label else None
        notice: list[_ProgressDialog] = []  # made at the first wait of a task without a dialog
        task.signals.waiting.connect(
            lambda seconds: self._waiting(task, dialog, notice, parent, on_wait, seconds))
        task.signals.done.connect(
            lambda result: self._finish(task, dialog, on_done, result, notice))
        task.signals.failed.connect(
            lambda error: self._finish(task, dialog, on_error, error, notice))
        self._running.add(task)
        self.pool.start(task.run)
        return task

    def _waiting(self, task: Task, dialog, notice: list, parent, on_wait, seconds) -> None:
        text = "" if seconds is None else wait_text(seconds)
        self.waiting.emit(text)
        try:
            if on_wait is not None:
                owner = getattr(on_wait, "__self__", None)
                if not (isinstance(owner, QObject) and not shiboken6.isValid(owner)):
                    on_wait(text)
            elif dialog is not None:
                dialog.show_wait(text)
            elif text:
                if not notice:
                    from PySide6.QtWidgets import QApplication
                    owner = parent if parent is not None and shiboken6.isValid(parent) \
                        else QApplication.activeWindow()
                    notice.append(_ProgressDialog(task, text, owner, show_after_ms=None))
                notice[0].show_wait(text)
            elif notice:
                notice[0].dialog.hide()
        except RuntimeError:  # the widget that asked was closed meanwhile
            pass

    def _finish(self, task: Task, dialog, callback, value, notice: list | None = None) -> None:
        self._running.discard(task)
        self._finished[:] = [task]
        for shown in ([dialog] if dialog is not None else []) + (notice or []):
            with contextlib.suppress(RuntimeError):  # its parent window was closed meanwhile
                shown.finish()
        if notice:
            notice.clear()
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
        for signal in (task.signals.done, task.signals.failed, task.signals.waiting):
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

    def __init__(self, task: Task, label: str, parent: QWidget | None,
                 show_after_ms: int | None = SHOW_AFTER_MS) -> None:
        cancel = QCoreApplication.translate("TaskRunner", "취소")
        self.label = label
        self.dialog = QProgressDialog(label, cancel, 0, 0, parent)
        self.dialog.setObjectName("taskProgress")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(2**30)  # never by itself: our timer decides
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(task.control.cancel)
        self.dialog.hide()
        self.finished = False
        self.waiting = False
        if show_after_ms is not None:
            QTimer.singleShot(show_after_ms, self._show)
        else:  # a notice of a wait only: its task's caller does not expect a cancel
            self.dialog.setCancelButton(None)
        task.signals.progress.connect(self._progress)

    def _show(self) -> None:
        if not self.finished:
            self.dialog.show()

    def _progress(self, done: int, total: int, text: str) -> None:
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(min(done, total) if total else 0)
        if text:
            self.label = text
            if not self.waiting:
                self.dialog.setLabelText(text)

    def show_wait(self, text: str) -> None:
        """The wait for another program's lock, shown at once; "" puts the task's label back."""
        if self.finished:
            return
        self.waiting = bool(text)
        self.dialog.setLabelText(text or self.label)
        if text:
            self.dialog.show()

    def finish(self) -> None:
        self.finished = True
        self.dialog.hide()
        self.dialog.deleteLater()
