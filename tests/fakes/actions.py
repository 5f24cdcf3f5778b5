"""Fake of the 개선과제 rows (db/action_repo.py)."""
from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from tests.fakes.state import State

OPEN_ACTIONS = ("planned", "in_progress", "done")


class FakeActionRepository:
    def __init__(self, state: State) -> None:
        self.s = state

    def add(self, values: dict[str, Any]) -> int:
        action_id = self.s.new_id("improvement_actions")
        self.s.actions[action_id] = {"measure": "", "baseline_value": None, "baseline_n": 0,
                                     "baseline_low": None, "baseline_high": None,
                                     "owner_id": None, "due_on": None, "status": "planned",
                                     "version": 1, "after_first": None, "after_last": None,
                                     "after_value": None, "after_n": None, "after_low": None,
                                     "after_high": None, "after_significant": None,
                                     "evaluation": "", **values, "id": action_id}
        return action_id

    def get(self, action_id: int) -> dict[str, Any] | None:
        row = self.s.actions.get(action_id)
        return dict(row) if row else None

    def update(self, action_id: int, version: int, values: dict[str, Any]) -> bool:
        row = self.s.actions.get(action_id)
        if row is None or row["version"] != version:
            return False
        row.update(values, version=version + 1)
        return True

    def count_open(self) -> int:
        return sum(a["status"] in OPEN_ACTIONS for a in self.s.actions.values())

    def active_between(self, first: date, end: datetime) -> list[dict[str, Any]]:
        since = datetime.combine(first, time.min)
        return [self._with_owner(a) for _, a in sorted(self.s.actions.items())
                if a["created_at"] < end
                and (a["status"] in OPEN_ACTIONS or a["updated_at"] >= since)]

    def _with_owner(self, row: dict[str, Any]) -> dict[str, Any]:
        return {**row, "owner": self.s.staff_name(row["owner_id"])}

    def list(self, statuses: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
        rows = [a for a in self.s.actions.values() if statuses is None or a["status"] in statuses]
        rows.sort(key=lambda a: (a["status"] in ("evaluated", "dropped"), a["due_on"] is None,
                                 a["due_on"] or date.min, a["id"]))
        return [self._with_owner(a) for a in rows]
