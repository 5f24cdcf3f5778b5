"""Fake of the holiday calendar, the 민원 types' periods and the categories (db/calendar_repo.py)."""
from __future__ import annotations

from datetime import date, datetime
from typing import Any

from tests.fakes.state import FakeIntegrityError, State

CATEGORY_COLUMNS = frozenset({"parent_id", "name", "period_days", "position", "active",
                              "period_unit"})


class FakeCalendarRepository:
    def __init__(self, state: State) -> None:
        self.s = state

    def days_off(self, first: date, last: date) -> dict[date, str]:
        return {day: row["name"] for day, row in sorted(self.s.holidays.items())
                if row["active"] and first <= day <= last}

    def entries(self, year: int) -> list[dict[str, Any]]:
        return [dict(row) for day, row in sorted(self.s.holidays.items()) if day.year == year]

    def get(self, day: date) -> dict[str, Any] | None:
        row = self.s.holidays.get(day)
        return dict(row) if row else None

    def seeded_years(self) -> set[int]:
        return set(self.s.holiday_years)

    def seed_year(self, year: int, days: dict[date, str], now: datetime, version: str) -> int:
        added = 0
        for day, name in sorted(days.items()):
            if day not in self.s.holidays:  # ON CONFLICT DO NOTHING: staff edits stay
                self.s.holidays[day] = {"day": day, "name": name, "source": "package",
                                        "active": True, "changed_at": now}
                added += 1
        if year in self.s.holiday_years:
            raise FakeIntegrityError(f"UNIQUE constraint failed: holiday_years.year ({year})")
        self.s.holiday_years[year] = {"seeded_at": now, "package_version": version}
        return added

    def put(self, day: date, name: str, now: datetime) -> None:
        self.s.holidays[day] = {"day": day, "name": name, "source": "staff", "active": True,
                                "changed_at": now}

    def deactivate(self, day: date, now: datetime) -> bool:
        row = self.s.holidays.get(day)
        if row is None or not row["active"]:
            return False
        row.update(active=False, changed_at=now)
        return True

    # --- 민원 types ----------------------------------------------------------------------------
    def types(self) -> list[dict[str, Any]]:
        return [dict(t) for t in sorted(self.s.complaint_types, key=lambda t: t["position"])]

    def set_period(self, code: str, days: int | None, unit: str = "days") -> bool:
        for row in self.s.complaint_types:
            if row["code"] == code:
                row.update(period_days=days, period_unit=unit)
                return True
        return False

    # --- 민원 categories ------------------------------------------------------------------------
    def add_category(self, name: str, parent_id: int | None) -> int:
        siblings = [c for c in self.s.categories.values() if c["parent_id"] == parent_id]
        # UNIQUE (parent_id, name): SQLite counts NULLs as distinct, so only children are checked
        if parent_id is not None and any(c["name"] == name for c in siblings):
            raise FakeIntegrityError(f"UNIQUE constraint failed: complaint_categories ({name})")
        if parent_id is not None and parent_id not in self.s.categories:
            raise FakeIntegrityError("FOREIGN KEY constraint failed: complaint_categories.parent_id")
        category_id = self.s.new_id("complaint_categories")
        self.s.categories[category_id] = {
            "id": category_id, "parent_id": parent_id, "name": name, "period_days": None,
            "position": max((c["position"] for c in siblings), default=-1) + 1, "active": True,
            "period_unit": "days"}
        return category_id

    def category(self, category_id: int) -> dict[str, Any] | None:
        row = self.s.categories.get(category_id)
        return dict(row) if row else None

    def category_named(self, name: str, parent_id: int | None) -> dict[str, Any] | None:
        return next((dict(c) for c in sorted(self.s.categories.values(), key=lambda c: c["id"])
                     if c["name"] == name and c["parent_id"] == parent_id), None)

    def update_category(self, category_id: int, **values: Any) -> None:
        unknown = set(values) - CATEGORY_COLUMNS
        if unknown:
            raise FakeIntegrityError(f"no such column: {sorted(unknown)}")
        if category_id in self.s.categories:
            self.s.categories[category_id].update(values)
