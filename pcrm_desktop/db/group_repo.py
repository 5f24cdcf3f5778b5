"""Customer groups: the list, memberships (assigned and derived), smart groups."""
from __future__ import annotations

import json
from datetime import date

from sqlalchemy import Connection, insert, select, update

from pcrm_desktop.db import citizen_queries as q
from pcrm_desktop.db import tables as t
from pcrm_desktop.domain.groups import AgeRule, CustomerGroup, GroupKind, SearchRule


def _group(row: dict) -> CustomerGroup:
    kind = GroupKind(row["kind"])
    age = AgeRule(row["min_age"], row["max_age"]) if kind is GroupKind.DERIVED else None
    rule = SearchRule.from_dict(json.loads(row["rule"])) if kind is GroupKind.SMART and row["rule"] else None
    return CustomerGroup(row["id"], row["code"], row["name"], kind, age, rule,
                         bool(row["builtin"]), bool(row["active"]))


class GroupRepository:
    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def list(self) -> list[CustomerGroup]:
        return [_group(r) for r in q.group_rows(self.c)]

    def rows(self) -> list[dict]:
        return q.group_rows(self.c)

    def by_code(self, code: str) -> CustomerGroup | None:
        return next((g for g in self.list() if g.code == code), None)

    def add_smart(self, code: str, name: str, rule: SearchRule) -> int:
        payload = json.dumps(rule.as_dict(), ensure_ascii=False)
        return self.c.execute(insert(t.customer_groups).values(
            code=code, name=name, kind=GroupKind.SMART.value, rule=payload)).inserted_primary_key[0]

    def set_active(self, group_id: int, active: bool) -> bool:
        return self.c.execute(update(t.customer_groups).where(t.customer_groups.c.id == group_id)
                              .values(active=active)).rowcount == 1

    def names_for(self, citizen_id: int, birth_year: int | None, today: date) -> list[str]:
        """Assigned groups plus the derived (age) groups the resident falls in."""
        assigned = set(self.c.execute(select(t.citizen_groups.c.group_id).where(
            t.citizen_groups.c.citizen_id == citizen_id)).scalars())
        names = []
        for g in self.list():
            if g.kind is GroupKind.ASSIGNED and g.id in assigned:
                names.append(g.name)
            elif g.kind is GroupKind.DERIVED and birth_year is not None:
                age = today.year - birth_year
                low, high = g.age_rule.min_age, g.age_rule.max_age
                if (low is None or age >= low) and (high is None or age <= high):
                    names.append(g.name)
        return names
