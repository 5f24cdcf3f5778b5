"""The one moment every part of `pcrm demo` counts back from, the clock `--now` sets, and the
types of what demo.py hands its fillers (the fillers and demo.py share them, so the fillers
need not import the demo that calls them)."""
from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, time
from typing import Protocol

from pcrm_desktop.domain.errors import ValidationError

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


NOW_FORMAT = "%Y-%m-%d %H:%M"  # `pcrm demo --now "2026-12-08 14:30"`
_NOW_SHAPE = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")


def parse_now(text: str) -> datetime:
    """`--now`: the moment the demo is made, to the minute, instead of the computer's clock.
    Only "YYYY-MM-DD HH:MM" with a real date and time (no seconds: the same text always names
    the same instant); anything else is refused before a file is opened."""
    value = text.strip()
    try:
        if _NOW_SHAPE.fullmatch(value):
            return datetime.strptime(value, NOW_FORMAT)
    except ValueError:
        pass
    raise ValidationError("demo_now_format", value=text)


def fixed_clock(at: datetime) -> Callable[[], datetime]:
    """The clock of a demo made with --now: every reading is that moment, so every time the demo
    writes (the database's creation, the holiday years' seeding, the office, the accounts, the
    access log's entries) is the same in every run, to the microsecond."""
    return lambda: at
