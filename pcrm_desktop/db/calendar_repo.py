"""The holiday calendar and the 민원 types' default periods."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Connection, and_, insert, select, update

from pcrm_desktop.db import dialect
from pcrm_desktop.db import tables as t


class CalendarRepository:
    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def days_off(self, first: date, last: date) -> dict[date, str]:
        h = t.holidays
        return dict(self.c.execute(select(h.c.day, h.c.name).where(
            and_(h.c.active, h.c.day >= first, h.c.day <= last))).all())

    def entries(self, year: int) -> list[dict]:
        """Every row of a year, removed ones too (active = 0)."""
        h = t.holidays
        return [dict(r) for r in self.c.execute(select(h).where(
            and_(h.c.day >= date(year, 1, 1), h.c.day <= date(year, 12, 31))).order_by(h.c.day)
        ).mappings()]

    def get(self, day: date) -> dict | None:
        row = self.c.execute(select(t.holidays).where(t.holidays.c.day == day)).mappings().first()
        return dict(row) if row else None

    def seeded_years(self) -> set[int]:
        return set(self.c.execute(select(t.holiday_years.c.year)).scalars())

    def seed_year(self, year: int, days: dict[date, str], now: datetime, version: str) -> int:
        """Add the package's holidays of a year; rows already there (staff edits, removals)
        stay as they are. Returns how many were added."""
        added = 0
        for day, name in sorted(days.items()):
            added += self.c.execute(dialect.insert(self.c, t.holidays).values(
                day=day, name=name, source="package", active=True, changed_at=now
            ).on_conflict_do_nothing()).rowcount
        self.c.execute(insert(t.holiday_years).values(year=year, seeded_at=now,
                                                      package_version=version))
        return added

    def put(self, day: date, name: str, now: datetime) -> None:
        """Add a day off (or bring a removed one back under this name)."""
        self.c.execute(dialect.insert(self.c, t.holidays).values(
            day=day, name=name, source="staff", active=True, changed_at=now
        ).on_conflict_do_update(index_elements=["day"],
                                set_=dict(name=name, source="staff", active=True, changed_at=now)))

    def deactivate(self, day: date, now: datetime) -> bool:
        return self.c.execute(update(t.holidays).where(
            and_(t.holidays.c.day == day, t.holidays.c.active)).values(
            active=False, changed_at=now)).rowcount == 1

    # --- 민원 types ----------------------------------------------------------------------------
    def types(self) -> list[dict]:
        ct = t.complaint_types
        return [dict(r) for r in self.c.execute(select(ct).order_by(ct.c.position)).mappings()]

    def set_period(self, code: str, days: int | None, unit: str = "days") -> bool:
        """The type's period: `days` is the number, in `unit` (days, weeks, months, years)."""
        ct = t.complaint_types
        return self.c.execute(update(ct).where(ct.c.code == code).values(
            period_days=days, period_unit=unit)).rowcount == 1

    # --- 민원 categories ------------------------------------------------------------------------
    def add_category(self, name: str, parent_id: int | None) -> int:
        from sqlalchemy import func
        c = t.complaint_categories
        position = self.c.execute(select(func.coalesce(func.max(c.c.position), -1) + 1).where(
            c.c.parent_id.is_(None) if parent_id is None else c.c.parent_id == parent_id)).scalar()
        return self.c.execute(insert(c).values(name=name, parent_id=parent_id, position=position)
                              ).inserted_primary_key[0]

    def category(self, category_id: int) -> dict | None:
        c = t.complaint_categories
        row = self.c.execute(select(c).where(c.c.id == category_id)).mappings().first()
        return dict(row) if row else None

    def category_named(self, name: str, parent_id: int | None) -> dict | None:
        c = t.complaint_categories
        row = self.c.execute(select(c).where(
            c.c.name == name, c.c.parent_id.is_(None) if parent_id is None else c.c.parent_id == parent_id)
        ).mappings().first()
        return dict(row) if row else None

    def update_category(self, category_id: int, **values) -> None:
        c = t.complaint_categories
        self.c.execute(update(c).where(c.c.id == category_id).values(**values))
