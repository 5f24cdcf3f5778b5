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


# The 민원 categories every database starts with (migration 0005's SEED_CATEGORIES; likewise
# checked): (top level, [children]), ids given in this order as the migration gives them.
SEED_CATEGORIES = (
    ("도로·교통", ["도로 파손", "신호등·표지판", "보도·횡단보도", "대중교통"]),
    ("주차", ["불법주정차", "주차장", "거주자우선주차"]),
    ("환경·청소", ["쓰레기 무단투기", "생활폐기물 수거", "소음", "악취", "대기오염"]),
    ("건축·주택", ["불법건축물", "공동주택", "빈집", "공사장"]),
    ("복지", ["기초생활보장", "노인", "장애인", "아동·보육", "긴급지원"]),
    ("세무", ["지방세", "자동차세", "세외수입"]),
    ("제증명", ["주민등록", "인감", "가족관계", "민원서류 발급"]),
    ("민방위", ["민방위 교육", "비상대피시설"]),
    ("공원·녹지", ["공원 시설", "가로수", "놀이터"]),
    ("상하수도", ["누수", "하수구 막힘", "수도 요금"]),
    ("안전·재난", ["위험 시설", "제설", "침수"]),
    ("기타", []),
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


def _category(category_id: int, parent_id: int | None, name: str, position: int) -> dict[str, Any]:
    return {"id": category_id, "parent_id": parent_id, "name": name, "period_days": None,
            "position": position, "active": True, "period_unit": "days"}


def _categories() -> dict[int, dict[str, Any]]:
    rows, next_id = {}, 1
    for position, (name, children) in enumerate(SEED_CATEGORIES):
        parent, next_id = next_id, next_id + 1
        rows[parent] = _category(parent, None, name, position)
        for child_position, child in enumerate(children):
            rows[next_id] = _category(next_id, parent, child, child_position)
            next_id += 1
    return rows


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
    categories: dict[int, dict] = field(default_factory=_categories)
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
    next_id: dict[str, int] = field(default_factory=lambda: {
        "complaint_categories": sum(1 + len(children) for _, children in SEED_CATEGORIES) + 1})

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
