"""The 민원 queues as the screens ask for them: which queue, narrowed how (`QueueFilter`), and the
row each list line shows (`QueueRow`). Plain values: the read side (db/complaint_queries.py) turns
a filter into SQL, the services pass filters and rows between the screens and it."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

QUEUES = ("mine", "team", "unassigned", "due_today", "d3", "overdue", "open", "all")


@dataclass(frozen=True)
class QueueFilter:
    queue: str = "open"
    staff_id: int | None = None        # whose cases "mine" are
    department_id: int | None = None   # the team of "team"; a filter elsewhere
    type_code: str = ""
    category_id: int | None = None     # a top-level category includes its children
    status: str = ""
    text: str = ""                     # 접수번호 prefix (2026-0045…) or words of the title
    received_from: date | None = None
    received_to: date | None = None    # inclusive
    done_on: date | None = None        # finished that day (the dashboard's "처리")


@dataclass(frozen=True)
class QueueRow:
    id: int
    receipt_no: str
    received_at: datetime
    type_code: str
    category: str
    title: str
    applicant: str        # full name: the service masks it
    assignee: str
    status: str
    due_at: datetime
    priority: str
    position: tuple[object, ...] = field(default=(), compare=False)  # keyset position for the next page
