"""The in-memory "database" the fake repositories share: plain rows in dicts and lists.

One `State` is the committed database; every fake unit of work deep-copies it and works on the
copy (see tests/fakes/__init__.py). Rows keep the tables' column names, so a fake reads like
the SQL it stands for. Dates and times are kept as Python values; where the real repository
hands back the stored text (a raw SQL read), the fake does too (`stored`).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from pcrm_desktop.domain.audit import AuditEntry
from pcrm_desktop.domain.citizens import Citizen
from pcrm_desktop.domain.office import Department, OfficeProfile, Staff

# The 민원 types every database starts with (migration 0004's SEED_TYPES; a test keeps the
# two equal): code, name, default period in days (None: set per service; 0: 즉시).
SEED_TYPES = (
    ("legal", "법정민원", None),
    ("inquiry", "질의민원", 7),
    ("suggestion", "건의민원", 14),
    ("grievance", "고충민원", 7),
    ("other", "기타민원", 0),
)


class FakeIntegrityError(Exception):
    """What the fake raises where SQLite would raise an IntegrityError (a UNIQUE or FOREIGN
    KEY constraint violated)."""


class NoSqlOnFakes(AttributeError):
    """A service reached for the connection (`repository.c`) to run SQL itself: that service
    cannot run on the fakes (test it on a real file)."""


def stored(value: datetime | date | None) -> str | None:
    """A date or time as SQLite keeps it (what a raw SQL read returns)."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(" ", "microseconds")
    return value.isoformat()


def _types() -> list[dict[str, Any]]:
    return [{"code": code, "name": name, "period_days": days, "position": position,
             "period_unit": "days"} for position, (code, name, days) in enumerate(SEED_TYPES)]


@dataclass
class State:
    # the office, staff and the access log
    office: OfficeProfile | None = None
    office_created_at: datetime | None = None
    departments: list[Department] = field(default_factory=list)
    staff: list[Staff] = field(default_factory=list)
    staff_created_at: dict[int, datetime] = field(default_factory=dict)
    audit: list[tuple[AuditEntry, int | None]] = field(default_factory=list)
    # staff id → password_hash, must_change, failed_logins, locked_at, last_login_at
    accounts: dict[int, dict] = field(default_factory=dict)
    settings: dict[str, str] = field(default_factory=dict)   # office_settings
    # the 민원 clock
    # day → day, name, source, active, changed_at; year → seeded_at, package_version
    holidays: dict[date, dict] = field(default_factory=dict)
    holiday_years: dict[int, dict] = field(default_factory=dict)
    complaint_types: list[dict] = field(default_factory=_types)
    categories: dict[int, dict] = field(default_factory=dict)
    # 민원
    receipt_counters: dict[int, int] = field(default_factory=dict)
    complaints: dict[int, dict] = field(default_factory=dict)
    events: list[dict] = field(default_factory=list)
    links: dict[tuple[int, int], datetime] = field(default_factory=dict)
    attachments: dict[int, dict] = field(default_factory=dict)
    happy_calls: dict[int, dict] = field(default_factory=dict)
    happy_call_attempts: list[dict] = field(default_factory=list)
    # residents and customer groups
    citizens: dict[int, Citizen] = field(default_factory=dict)
    # (citizen, group) → since
    citizen_groups: dict[tuple[int, int], date] = field(default_factory=dict)
    interactions: dict[int, dict] = field(default_factory=dict)
    consents: dict[int, dict] = field(default_factory=dict)
    customer_groups: dict[int, dict] = field(default_factory=dict)
    # 만족도 조사
    surveys: dict[int, dict] = field(default_factory=dict)
    survey_versions: dict[int, dict] = field(default_factory=dict)
    responses: dict[int, dict] = field(default_factory=dict)
    answers: dict[tuple[int, str], dict] = field(default_factory=dict)  # (response, item) → row
    survey_links: list[dict] = field(default_factory=list)
    callbacks: dict[int, dict] = field(default_factory=dict)
    # 개선과제
    actions: dict[int, dict] = field(default_factory=dict)
    # the highest id each table has handed out (ids are never reused, as AUTOINCREMENT)
    next_id: dict[str, int] = field(default_factory=dict)

    def new_id(self, table: str) -> int:
        value = self.next_id.get(table, 1)
        self.next_id[table] = value + 1
        return value

    def took_id(self, table: str, value: int) -> None:
        """An id written explicitly (a bulk insert): the next one is above it."""
        self.next_id[table] = max(self.next_id.get(table, 1), value + 1)

    # --- small joins the reads share ------------------------------------------------------
    def staff_name(self, staff_id: int | None) -> str | None:
        return next((m.name for m in self.staff if m.id == staff_id), None)

    def department_name(self, department_id: int | None) -> str | None:
        return next((d.name for d in self.departments if d.id == department_id), None)

    def citizen_name(self, citizen_id: int | None) -> str | None:
        citizen = self.citizens.get(citizen_id) if citizen_id is not None else None
        return citizen.name if citizen else None

    def type_name(self, code: str) -> str | None:
        return next((t["name"] for t in self.complaint_types if t["code"] == code), None)
