"""The one moment every part of `pcrm demo` counts back from, and the types of what demo.py
hands its fillers (the fillers and demo.py share them, so the fillers need not import the demo
that calls them)."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time
from typing import Protocol

Progress = Callable[[int, int, str], None]  # (rows done, rows wanted, the part)
Cancelled = Callable[[], bool]


class Request(Protocol):
    """What a filler reads of the demo's request (demo.DemoRequest)."""
    @property
    def seed(self) -> int: ...
    @property
    def citizens(self) -> int: ...
    @property
    def complaints(self) -> int: ...
    @property
    def responses(self) -> int: ...


def history_end(now: datetime) -> datetime:
    """The moment the demo's invented history ends: the start of the day it is made. Residents'
    records, 민원, answers and calls are counted back from it, never from the clock's minute
    (which case is finished by now, which answer falls before now, would draw the rest
    differently), so the same seed makes the same data all day long. Another day moves the
    dates and the working days under them, so the data differs."""
    return datetime.combine(now.date(), time.min)
