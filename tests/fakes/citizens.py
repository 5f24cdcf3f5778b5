"""Fakes of the residents' writes (db/citizen_repo.py) and the customer groups (db/group_repo.py)."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime
from typing import Any

from pcrm_desktop.db.citizen_repo import name_key
from pcrm_desktop.domain.citizens import Citizen
from pcrm_desktop.domain.duplicates import MatchFacts
from pcrm_desktop.domain.groups import AgeRule, CustomerGroup, GroupKind, SearchRule
from pcrm_desktop.domain.phone import digits_of
from tests.fakes.state import FakeIntegrityError, State


class FakeCitizenRepository:
    def __init__(self, state: State) -> None:
        self.s = state

    # --- writes ---------------------------------------------------------------------------
    def add(self, citizen: Citizen, now: datetime) -> int:
        citizen_id = self.s.new_id("citizens")
        self.s.citizens[citizen_id] = replace(citizen, id=citizen_id, version=1)
        return citizen_id

    def update(self, citizen: Citizen, now: datetime) -> bool:
        stored_one = self.s.citizens.get(citizen.id) if citizen.id is not None else None
        if stored_one is None or stored_one.version != citizen.version:
            return False
        self.s.citizens[citizen.id] = replace(citizen, version=citizen.version + 1)
        return True

    def delete(self, citizen_id: int) -> None:
        s = self.s
        if any(r["citizen_id"] == citizen_id for r in s.complaints.values()) or \
                any(link["citizen_id"] == citizen_id for link in s.survey_links):
            raise FakeIntegrityError("FOREIGN KEY constraint failed: citizens.id")
        s.citizens.pop(citizen_id, None)  # phones, groups, consents, interactions cascade
        for key in [k for k in s.citizen_groups if k[0] == citizen_id]:
            del s.citizen_groups[key]
        for table in (s.interactions, s.consents):
            for row_id in [i for i, row in table.items() if row["citizen_id"] == citizen_id]:
                del table[row_id]

    def bulk_add(self, citizens: list[Citizen], now: datetime) -> list[int]:
        return [self.add(c, now) for c in citizens]

    def bulk_link_groups(self, rows: list[tuple[int, int, date]]) -> None:
        for citizen_id, group_id, since in rows:
            if (citizen_id, group_id) in self.s.citizen_groups:
                raise FakeIntegrityError("UNIQUE constraint failed: citizen_groups")
            self.s.citizen_groups[citizen_id, group_id] = since

    def bulk_add_interactions(self, rows: list[tuple[Any, ...]]) -> None:
        for citizen_id, at, channel, kind, summary, staff_id in rows:
            self.add_interaction(citizen_id, at, channel, kind, summary, staff_id)

    # --- reads ----------------------------------------------------------------------------
    def get(self, citizen_id: int) -> Citizen | None:
        return self.s.citizens.get(citizen_id)

    def exists(self, citizen_id: int) -> bool:
        return citizen_id in self.s.citizens

    def candidates(self, facts: MatchFacts, exclude_id: int | None = None) -> list[Citizen]:
        """A shared phone number, or the same name and birth year (as the real query)."""
        digits = {digits_of(p) for p in facts.phones if p}
        return [c for i, c in sorted(self.s.citizens.items()) if i != exclude_id and (
            (name_key(c.name) == name_key(facts.name) and c.birth_year == facts.birth_year)
            or digits & {digits_of(p) for p in c.phones})]

    # --- groups, interactions, consents ---------------------------------------------------
    def group_ids(self, citizen_id: int) -> list[int]:
        return sorted(g for c, g in self.s.citizen_groups if c == citizen_id)

    def set_groups(self, citizen_id: int, group_ids: list[int], since: date) -> None:
        current, wanted = set(self.group_ids(citizen_id)), set(group_ids)
        for group_id in current - wanted:
            del self.s.citizen_groups[citizen_id, group_id]
        for group_id in sorted(wanted - current):
            if group_id not in self.s.customer_groups:
                raise FakeIntegrityError("FOREIGN KEY constraint failed: citizen_groups.group_id")
            self.s.citizen_groups[citizen_id, group_id] = since

    def add_interaction(self, citizen_id: int, at: datetime, channel: str, kind: str,
                        summary: str, staff_id: int | None) -> int:
        if citizen_id not in self.s.citizens:
            raise FakeIntegrityError("FOREIGN KEY constraint failed: interactions.citizen_id")
        row_id = self.s.new_id("interactions")
        self.s.interactions[row_id] = {"id": row_id, "citizen_id": citizen_id, "at": at,
                                       "channel": channel, "kind": kind, "summary": summary,
                                       "staff_id": staff_id}
        return row_id

    def add_consent(self, citizen_id: int, purpose: str, items: str, given_on: date,
                    retention_until: date, method: str) -> int:
        if citizen_id not in self.s.citizens:
            raise FakeIntegrityError("FOREIGN KEY constraint failed: consents.citizen_id")
        row_id = self.s.new_id("consents")
        self.s.consents[row_id] = {"id": row_id, "citizen_id": citizen_id, "purpose": purpose,
                                   "items": items, "given_on": given_on,
                                   "retention_until": retention_until, "method": method,
                                   "withdrawn_on": None}
        return row_id

    def move_history(self, from_id: int, to_id: int, since: date) -> dict[str, int]:
        s = self.s
        moved = {}
        for name, rows in (("interactions", s.interactions.values()),
                           ("consents", s.consents.values()),
                           ("complaints", s.complaints.values()), ("survey_links", s.survey_links)):
            hits = [row for row in rows if row["citizen_id"] == from_id]
            for row in hits:
                row["citizen_id"] = to_id
            moved[name] = len(hits)
        from_groups, to_groups = set(self.group_ids(from_id)), set(self.group_ids(to_id))
        moved["citizen_groups"] = len(from_groups - to_groups)
        self.set_groups(to_id, sorted(from_groups | to_groups), since)
        return moved


# The customer groups every database starts with (migration 0002's SEED_GROUPS; a test keeps
# the two equal): code, name, kind, min_age, max_age.
SEED_GROUPS = (
    ("SENIOR", "어르신(65+)", "derived", 65, None),
    ("YOUTH", "청년(19–34)", "derived", 19, 34),
    ("DISABLED", "장애인", "assigned", None, None),
    ("MULTICULTURAL", "다문화가족", "assigned", None, None),
    ("BASIC_LIVING", "기초생활수급자", "assigned", None, None),
    ("SINGLE_PARENT", "한부모가족", "assigned", None, None),
    ("FOREIGN", "외국인 주민", "assigned", None, None),
    ("SMALL_BUSINESS", "소상공인", "assigned", None, None),
)


def seed_groups(state: State) -> None:
    for code, name, kind, low, high in SEED_GROUPS:
        group_id = state.new_id("customer_groups")
        state.customer_groups[group_id] = {"id": group_id, "code": code, "name": name,
                                           "kind": kind, "min_age": low, "max_age": high,
                                           "rule": "", "builtin": 1, "active": 1}


def _group(row: dict[str, Any]) -> CustomerGroup:
    kind = GroupKind(row["kind"])
    age = AgeRule(row["min_age"], row["max_age"]) if kind is GroupKind.DERIVED else None
    rule = SearchRule.from_dict(json.loads(row["rule"])) \
        if kind is GroupKind.SMART and row["rule"] else None
    return CustomerGroup(row["id"], row["code"], row["name"], kind, age, rule,
                         bool(row["builtin"]), bool(row["active"]))


class FakeGroupRepository:
    def __init__(self, state: State) -> None:
        self.s = state

    def rows(self) -> list[dict[str, Any]]:
        return [dict(row) for _, row in sorted(self.s.customer_groups.items())]

    def by_code(self, code: str) -> CustomerGroup | None:
        return next((g for g in self.list() if g.code == code), None)

    def add_smart(self, code: str, name: str, rule: SearchRule) -> int:
        if any(g["code"] == code for g in self.s.customer_groups.values()):
            raise FakeIntegrityError(f"UNIQUE constraint failed: customer_groups.code ({code})")
        group_id = self.s.new_id("customer_groups")
        self.s.customer_groups[group_id] = {
            "id": group_id, "code": code, "name": name, "kind": GroupKind.SMART.value,
            "min_age": None, "max_age": None,
            "rule": json.dumps(rule.as_dict(), ensure_ascii=False), "builtin": 0, "active": 1}
        return group_id

    def set_active(self, group_id: int, active: bool) -> bool:
        row = self.s.customer_groups.get(group_id)
        if row is None:
            return False
        row["active"] = int(active)
        return True

    def names_for(self, citizen_id: int, birth_year: int | None, today: date) -> list[str]:
        assigned = set(g for c, g in self.s.citizen_groups if c == citizen_id)
        names = []
        for g in self.list():
            if g.kind is GroupKind.ASSIGNED and g.id in assigned:
                names.append(g.name)
            elif g.kind is GroupKind.DERIVED and birth_year is not None and g.age_rule:
                age = today.year - birth_year
                low, high = g.age_rule.min_age, g.age_rule.max_age
                if (low is None or age >= low) and (high is None or age <= high):
                    names.append(g.name)
        return names

    def list(self) -> list[CustomerGroup]:
        return [_group(row) for row in self.rows()]

