"""Fake of the 해피콜 rows (db/happy_call_repo.py)."""
from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from pcrm_desktop.domain.happy_call import ClosedCase
from tests.fakes.state import FakeIntegrityError, State

DEMO_STATUS = {"answered": "reached", "refused": "refused", "no_answer": "pending"}


class FakeHappyCallRepository:
    def __init__(self, state: State) -> None:
        self.s = state

    def _has_phone(self, citizen_id: int | None) -> bool:
        citizen = self.s.citizens.get(citizen_id) if citizen_id is not None else None
        return bool(citizen and citizen.phones)

    def closed_between(self, first: datetime, end: datetime) -> list[ClosedCase]:
        called = {h["complaint_id"] for h in self.s.happy_calls.values()}
        return [ClosedCase(r["id"], max(0.0, (r["done_at"] - r["received_at"]).total_seconds() / 86400),
                           r["result"] == "rejected")
                for _, r in sorted(self.s.complaints.items())
                if r["done_at"] is not None and first <= r["done_at"] < end
                and r["status"] in ("done", "closed") and self._has_phone(r["citizen_id"])
                and r["id"] not in called]

    def closed_for_demo(self, since: datetime) -> list[tuple[int, int, datetime]]:
        rows = [r for r in self.s.complaints.values()
                if r["status"] == "closed" and r["citizen_id"] is not None
                and r["done_at"] is not None and r["done_at"] >= since
                and self._has_phone(r["citizen_id"])]
        return [(r["id"], r["citizen_id"], r["done_at"])
                for r in sorted(rows, key=lambda r: r["done_at"])]

    def add_demo_calls(self, calls: list[tuple[int, datetime, str]]) -> None:
        for complaint_id, at, outcome in calls:
            call_id = self._insert(complaint_id, "sample", at - timedelta(days=1))
            self.s.happy_calls[call_id].update(status=DEMO_STATUS[outcome], attempts=1,
                                               last_outcome=outcome, last_at=at)
            self.s.happy_call_attempts.append({"call_id": call_id, "at": at, "staff_id": None,
                                               "actor": "demo", "outcome": outcome, "note": ""})

    def _insert(self, complaint_id: int, reason: str, sampled_at: datetime) -> int:
        if complaint_id not in self.s.complaints:
            raise FakeIntegrityError("FOREIGN KEY constraint failed: happy_calls.complaint_id")
        if any(h["complaint_id"] == complaint_id for h in self.s.happy_calls.values()):
            raise FakeIntegrityError("UNIQUE constraint failed: happy_calls.complaint_id")
        call_id = self.s.new_id("happy_calls")
        self.s.happy_calls[call_id] = {"id": call_id, "complaint_id": complaint_id,
                                       "reason": reason, "sampled_at": sampled_at,
                                       "status": "pending", "attempts": 0, "last_outcome": None,
                                       "last_at": None}
        return call_id

    def add(self, complaint_id: int, reason: str, now: datetime) -> None:
        self._insert(complaint_id, reason, now)

    def get(self, call_id: int) -> dict[str, Any] | None:
        row = self.s.happy_calls.get(call_id)
        return dict(row) if row else None

    def record(self, call_id: int, at: datetime, staff_id: int | None, actor: str,
               outcome: str, note: str, status: str, attempts: int) -> bool:
        row = self.s.happy_calls.get(call_id)
        if row is None or row["attempts"] != attempts - 1:
            return False
        row.update(status=status, attempts=attempts, last_outcome=outcome, last_at=at)
        self.s.happy_call_attempts.append({"call_id": call_id, "at": at, "staff_id": staff_id,
                                           "actor": actor, "outcome": outcome, "note": note})
        return True

    def queue(self, status: str) -> list[dict[str, Any]]:
        s = self.s
        rows = sorted((h for h in s.happy_calls.values() if not status or h["status"] == status),
                      key=lambda h: (-h["sampled_at"].timestamp(), h["id"]))
        out = []
        for h in rows[:1000]:
            c = s.complaints[h["complaint_id"]]
            citizen = s.citizens.get(c["citizen_id"]) if c["citizen_id"] is not None else None
            out.append({"id": h["id"], "reason": h["reason"], "status": h["status"],
                        "attempts": h["attempts"], "last_outcome": h["last_outcome"],
                        "last_at": h["last_at"], "complaint_id": c["id"],
                        "receipt_no": c["receipt_no"], "title": c["title"], "result": c["result"],
                        "done_at": c["done_at"], "citizen_id": c["citizen_id"],
                        "applicant": citizen.name if citizen else None,
                        "phone": citizen.phones[0] if citizen and citizen.phones else None})
        return out

    def counts(self) -> dict[str, int]:
        found: dict[str, int] = {}
        for h in self.s.happy_calls.values():
            found[h["status"]] = found.get(h["status"], 0) + 1
        return found
