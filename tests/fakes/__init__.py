"""In-memory stand-ins for the database layer, for fast service tests.

`FakeDatabase` holds the *committed* state (tests/fakes/state.py). Every `FakeUnitOfWork` works
on its own deep copy of that state; only `commit()` copies the working state back. Leaving the
`with` block without committing throws the copy away, exactly as `SqlUnitOfWork` rolls back.
So a test can check `db.committed` after a refused service call and prove that nothing was
written, and `db.commits` that a use case committed once.

Each fake repository implements the whole Protocol of its repository in
`pcrm_desktop.services.ports`, with the real parameters (`tests/unit/test_ports.py` checks
both sides), and enforces the tables' UNIQUE, FOREIGN KEY and CHECK constraints, so a service
that forgot its own check fails here too. The read models of lists and reports
(`NOT_FAKED`) are SQL through and through: services using them are tested on a real file.
"""
from __future__ import annotations

import copy
from datetime import date, datetime
from typing import Any

from pcrm_desktop.domain.audit import Actor, AuditEntry
from pcrm_desktop.domain.office import Department, OfficeProfile, Staff
from pcrm_desktop.services.context import ServiceContext
from tests.fakes.actions import FakeActionRepository
from tests.fakes.calendar import FakeCalendarRepository
from tests.fakes.citizens import FakeCitizenRepository, FakeGroupRepository, seed_groups
from tests.fakes.complaints import FakeComplaintRead, FakeComplaintRepository
from tests.fakes.happy_calls import FakeHappyCallRepository
from tests.fakes.office import (
    FakeAuditRepository,
    FakeDepartmentRepository,
    FakeOfficeRepository,
    FakeStaffRepository,
)
from tests.fakes.state import FakeIntegrityError, NoSqlOnFakes, State
from tests.fakes.surveys import FakeSurveyRepository

__all__ = [
    "FAKES", "FIXED_NOW", "NOT_FAKED", "WORKSTATION", "FakeActionRepository", "FakeAuditRepository",
    "FakeCalendarRepository", "FakeCitizenRepository", "FakeComplaintRead",
    "FakeComplaintRepository", "FakeDatabase", "FakeDepartmentRepository", "FakeGroupRepository",
    "FakeHappyCallRepository", "FakeIntegrityError", "FakeOfficeRepository",
    "FakeStaffRepository", "FakeSurveyRepository", "FakeUnitOfWork", "NoSqlOnFakes", "NotFaked",
    "State", "make_context",
]

FIXED_NOW = datetime(2026, 3, 2, 9, 30, 0)
WORKSTATION = "MINWON-PC-01"

# The unit of work's repositories and their fakes (names as in SqlUnitOfWork).
FAKES: dict[str, type] = {
    "office": FakeOfficeRepository, "departments": FakeDepartmentRepository,
    "staff": FakeStaffRepository, "audit": FakeAuditRepository,
    "citizens": FakeCitizenRepository, "groups": FakeGroupRepository,
    "calendar": FakeCalendarRepository, "complaints": FakeComplaintRepository,
    "complaint_read": FakeComplaintRead, "happy_calls": FakeHappyCallRepository,
    "surveys": FakeSurveyRepository, "actions": FakeActionRepository,
}
# Read models that are SQL through and through (search indexes, report groupings, window
# functions over the access log, destruction and VACUUM): not faked.
NOT_FAKED = {
    "citizen_read": "resident search over the two-character and FTS5 indexes",
    "reports": "the monthly report's counts grouped in SQL",
    "analysis": "figures by customer group grouped in SQL",
    "audit_read": "the access log's review (window functions)",
    "retention": "destruction, the audit chain's start and VACUUM",
    "attachment_contents": "attachments' bytes in a server database",
}


class NotFaked(AttributeError):
    """A service used a read model the fakes do not have: test it on a real file."""


def _not_faked(name: str) -> property:
    def refuse(self: FakeUnitOfWork) -> Any:
        raise NotFaked(f"uow.{name} is not faked ({NOT_FAKED[name]}): test this service on a "
                       "real file (tests/integration)")
    return property(refuse)


class FakeDatabase:
    """The committed state plus counters, so tests can see what the services did."""

    def __init__(self) -> None:
        self.committed = State()
        seed_groups(self.committed)  # as migration 0002 does
        self.commits = 0
        self.rollbacks = 0
        self.opened = 0
        self.opened_for_write = 0

    # --- arranging a test's data directly (what earlier use cases would have left) -----------
    def seed_years(self, *years: int, holidays: dict[date, str] | None = None,
                   at: datetime = FIXED_NOW) -> None:
        """Mark calendar years as seeded (at `at`), with these days off (the `holidays` package
        is not asked: a test names the holidays its dates meet)."""
        for year in years:
            self.committed.holiday_years[year] = {"seeded_at": at, "package_version": "test"}
        for day, name in (holidays or {}).items():
            self.committed.holidays[day] = {"day": day, "name": name, "source": "package",
                                            "active": True, "changed_at": at}

    # --- views of the committed state for assertions ------------------------------------------
    @property
    def office(self) -> OfficeProfile | None:
        return self.committed.office

    @property
    def departments(self) -> list[Department]:
        return list(self.committed.departments)

    @property
    def staff(self) -> list[Staff]:
        return list(self.committed.staff)

    @property
    def audit(self) -> list[AuditEntry]:
        return [entry for entry, _ in self.committed.audit]

    @property
    def audit_staff_ids(self) -> list[int | None]:
        return [staff_id for _, staff_id in self.committed.audit]

    def actions_logged(self) -> list[str]:
        return [entry.action for entry in self.audit]


class FakeUnitOfWork:
    """What SqlUnitOfWork is (services.ports.UnitOfWork), over a copy of the committed state."""

    # made in __enter__ (FAKES), over that unit's copy of the state
    office: FakeOfficeRepository
    departments: FakeDepartmentRepository
    staff: FakeStaffRepository
    audit: FakeAuditRepository
    citizens: FakeCitizenRepository
    groups: FakeGroupRepository
    calendar: FakeCalendarRepository
    complaints: FakeComplaintRepository
    complaint_read: FakeComplaintRead
    happy_calls: FakeHappyCallRepository
    surveys: FakeSurveyRepository
    actions: FakeActionRepository
    citizen_read = _not_faked("citizen_read")
    reports = _not_faked("reports")
    analysis = _not_faked("analysis")
    audit_read = _not_faked("audit_read")
    retention = _not_faked("retention")
    attachment_contents = _not_faked("attachment_contents")

    def __init__(self, db: FakeDatabase, write: bool = True) -> None:
        self.db = db
        self.write = write
        self.committed = False

    def __enter__(self) -> FakeUnitOfWork:
        self.db.opened += 1
        self.db.opened_for_write += self.write
        self.working = copy.deepcopy(self.db.committed)
        self.active = True
        for name, fake in FAKES.items():
            setattr(self, name, fake(self.working))
        return self

    def commit(self) -> None:
        if not self.active:
            raise RuntimeError("commit() on a unit of work that is not open")
        self.db.committed = copy.deepcopy(self.working)
        self.db.commits += 1
        self.committed = True
        self.active = False

    def rollback(self) -> None:
        if self.active:
            self.db.rollbacks += 1
        self.active = False

    def __exit__(self, *exc: object) -> None:
        self.rollback()


def make_context(db: FakeDatabase | None = None, actor: Actor | None = None,
                 now: datetime = FIXED_NOW,
                 workstation: str = WORKSTATION) -> tuple[ServiceContext, FakeDatabase]:
    """A ServiceContext over a fake database with a clock that always says `now`."""
    db = db or FakeDatabase()
    ctx = ServiceContext(uow_factory=lambda write=True: FakeUnitOfWork(db, write),
                         actor=actor or Actor.system(workstation),
                         clock=lambda: now)
    return ctx, db
