"""Telling whoever runs a piece of work that it is waiting for another program's write lock.

The database layer (`db/engine.py`) reports while a writer waits at `BEGIN IMMEDIATE` for the
lock another connection holds (a second window, `pcrm import` at the command line); the task
lane (`ui/tasks.py`) listens around each task and shows the wait on screen. A thread-local
hook, so neither layer imports the other, and no Qt or SQLAlchemy here.
"""
from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# seconds waited so far while waiting; None once the wait is over (lock taken or given up)
Listener = Callable[[float | None], None]

_local = threading.local()


@contextmanager
def reporting_to(listener: Listener) -> Iterator[None]:
    """Waits met on this thread inside the block are reported to `listener`. The listener may
    raise (a cancelled task): the wait then ends with that exception."""
    previous = getattr(_local, "listener", None)
    _local.listener = listener
    try:
        yield
    finally:
        _local.listener = previous


def report(waited: float | None) -> None:
    listener = getattr(_local, "listener", None)
    if listener is not None:
        listener(waited)
