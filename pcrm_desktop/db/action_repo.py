"""개선과제 rows."""
from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Connection, insert, select, update

from pcrm_desktop.db import tables as t


class ActionRepository:
    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def add(self, values: dict) -> int:
        return self.c.execute(insert(t.improvement_actions).values(**values)).inserted_primary_key[0]

    def get(self, action_id: int) -> dict | None:
        row = self.c.execute(select(t.improvement_actions).where(
            t.improvement_actions.c.id == action_id)).mappings().first()
        return dict(row) if row else None

    def list(self, statuses: tuple[str, ...] | None = None) -> list[dict]:
        a, s = t.improvement_actions, t.staff
        query = (select(a, s.c.name.label("owner")).select_from(a.outerjoin(s, s.c.id == a.c.owner_id))
                 .order_by(a.c.status.in_(("evaluated", "dropped")), a.c.due_on.is_(None), a.c.due_on,
                           a.c.id))
        if statuses is not None:
            query = query.where(a.c.status.in_(statuses))
        return [dict(r) for r in self.c.execute(query).mappings()]

    def update(self, action_id: int, version: int, values: dict) -> bool:
        a = t.improvement_actions
        done = self.c.execute(update(a).where(a.c.id == action_id, a.c.version == version)
                              .values(version=version + 1, **values))
        return done.rowcount == 1

    def count_open(self) -> int:
        a = t.improvement_actions
        from sqlalchemy import func
        return self.c.execute(select(func.count()).select_from(a).where(
            a.c.status.in_(("planned", "in_progress", "done")))).scalar_one()

    def active_between(self, first: date, end: datetime) -> list[dict]:
        """The actions open at some time in [first, end): for the monthly report."""
        a, s = t.improvement_actions, t.staff
        query = (select(a, s.c.name.label("owner")).select_from(a.outerjoin(s, s.c.id == a.c.owner_id))
                 .where(a.c.created_at < end)
                 .where((a.c.status.in_(("planned", "in_progress", "done")))
                        | (a.c.updated_at >= datetime.combine(first, datetime.min.time())))
                 .order_by(a.c.id))
        return [dict(r) for r in self.c.execute(query).mappings()]
