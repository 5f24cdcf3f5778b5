"""The one moment every part of `pcrm demo` counts back from (the fillers and demo.py share it,
so the fillers need not import the demo that calls them)."""
from __future__ import annotations

from datetime import datetime, time


def history_end(now: datetime) -> datetime:
    """The moment the demo's invented history ends: the start of the day it is made. Residents'
    records, 민원, answers and calls are counted back from it, never from the clock's minute
    (which case is finished by now, which answer falls before now, would draw the rest
    differently), so the same seed makes the same data all day long. Another day moves the
    dates and the working days under them, so the data differs."""
    return datetime.combine(now.date(), time.min)
