"""해피콜 rows: the week's closed cases to choose from, the calls, their attempts."""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, and_, insert, select, text, update

from pcrm_desktop.db import tables as t
from pcrm_desktop.db.citizen_repo import as_datetime, sql_datetime
from pcrm_desktop.domain.happy_call import ClosedCase


class HappyCallRepository:
    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def closed_between(self, first: datetime, end: datetime) -> list[ClosedCase]:
        """민원 finished in [first, end) whose applicant has a phone number and that have no
        call yet: the ones a sampling may choose from. The days each took are counted here from
        the two times, exactly (SQLite's julianday difference is off by up to 50 µs, which
        decided a case of exactly 7 days differently from a server's interval)."""
        rows = self.c.execute(text(
            "SELECT c.id, c.received_at, c.done_at, c.result"
            " FROM complaints c"
            " WHERE c.done_at >= :a AND c.done_at < :b AND c.status IN ('done', 'closed')"
            " AND c.citizen_id IS NOT NULL"
            " AND EXISTS (SELECT 1 FROM citizen_phones p WHERE p.citizen_id = c.citizen_id)"
            " AND NOT EXISTS (SELECT 1 FROM happy_calls h WHERE h.complaint_id = c.id)"
            " ORDER BY c.id"), {"a": sql_datetime(first), "b": sql_datetime(end)})
        return [ClosedCase(r[0], _days(as_datetime(r[1]), as_datetime(r[2])), r[3] == "rejected")
                for r in rows]

    def closed_for_demo(self, since: datetime) -> list[tuple[int, int, datetime]]:
        """(id, applicant, done_at) of the cases closed since `since` whose applicant has a
        phone (as the sampling requires), oldest first: the demo's happy calls are made on them."""
        rows = self.c.execute(text(
            "SELECT id, citizen_id, done_at FROM complaints c WHERE status = 'closed'"
            " AND citizen_id IS NOT NULL AND done_at >= :since"
            " AND EXISTS (SELECT 1 FROM citizen_phones p WHERE p.citizen_id = c.citizen_id)"
            " ORDER BY done_at, id"), {"since": sql_datetime(since)})  # id: ties in one order
        return [(r[0], r[1], as_datetime(r[2])) for r in rows]

    def add_demo_calls(self, calls: list[tuple[int, datetime, str]]) -> None:
        """(complaint, at, outcome) as calls made once: sampled the day before, one attempt."""
        from datetime import timedelta
        status = {"answered": "reached", "refused": "refused", "no_answer": "pending"}
        for complaint_id, at, outcome in calls:
            call_id = self.c.execute(insert(t.happy_calls).values(
                complaint_id=complaint_id, reason="sample", sampled_at=at - timedelta(days=1),
                status=status[outcome], attempts=1, last_outcome=outcome, last_at=at)
            ).inserted_primary_key[0]
            self.c.execute(insert(t.happy_call_attempts).values(
                call_id=call_id, at=at, staff_id=None, actor="demo", outcome=outcome))

    def add(self, complaint_id: int, reason: str, now: datetime) -> None:
        self.c.execute(insert(t.happy_calls).values(complaint_id=complaint_id, reason=reason,
                                                    sampled_at=now))

    def get(self, call_id: int) -> dict | None:
        row = self.c.execute(select(t.happy_calls).where(t.happy_calls.c.id == call_id)
                             ).mappings().first()
        return dict(row) if row else None

    def record(self, call_id: int, at: datetime, staff_id: int | None, actor: str, outcome: str,
               note: str, status: str, attempts: int) -> bool:
        done = self.c.execute(update(t.happy_calls).where(and_(
            t.happy_calls.c.id == call_id, t.happy_calls.c.attempts == attempts - 1)).values(
            status=status, attempts=attempts, last_outcome=outcome, last_at=at))
        if done.rowcount != 1:
            return False
        self.c.execute(insert(t.happy_call_attempts).values(
            call_id=call_id, at=at, staff_id=staff_id, actor=actor, outcome=outcome, note=note))
        return True

    def queue(self, status: str) -> list[dict]:
        """The calls of a status ('' for all) with their case, newest sampled first; times as
        datetimes on both backends."""
        return [{**r, "last_at": as_datetime(r["last_at"]), "done_at": as_datetime(r["done_at"])}
                for r in self.c.execute(text(
            "SELECT h.id, h.reason, h.status, h.attempts, h.last_outcome, h.last_at,"
            " c.id AS complaint_id, c.receipt_no, c.title, c.result, c.done_at, c.citizen_id,"
            " ci.name AS applicant,"
            " (SELECT number FROM citizen_phones p WHERE p.citizen_id = c.citizen_id"
            "  ORDER BY p.position LIMIT 1) AS phone"
            " FROM happy_calls h JOIN complaints c ON c.id = h.complaint_id"
            " LEFT JOIN citizens ci ON ci.id = c.citizen_id"
            " WHERE (:status = '' OR h.status = :status)"
            " ORDER BY h.sampled_at DESC, h.id LIMIT 1000"), {"status": status}).mappings()]

    def counts(self) -> dict[str, int]:
        return {status: int(n) for status, n in self.c.execute(text(
            "SELECT status, count(*) FROM happy_calls GROUP BY status")).all()}


def _days(received: datetime | None, done: datetime | None) -> float:
    """Days from receipt to finish (0 for a case finished before it was received)."""
    if received is None or done is None:
        return 0.0
    return max(0.0, (done - received).total_seconds() / 86400)
