"""In-memory stand-ins for the database layer, for fast service tests.

`FakeDatabase` holds the *committed* state. Every `FakeUnitOfWork` works on its own deep copy of
that state; only `commit()` copies the working state back. Leaving the `with` block without
committing throws the copy away, exactly as `SqlUnitOfWork` rolls back. So a test can check
`db.committed` after a refused service call and prove that nothing was written.

The repositories mirror the public methods of `pcrm_desktop.db.repositories` (a test in
`tests/unit/test_office_services.py` keeps the two in step) and enforce the same UNIQUE
constraints as the tables, so a service that forgot its own check would fail here too.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field, replace
from datetime import datetime

from pcrm_desktop.domain.accounts import Credentials
from pcrm_desktop.domain.audit import Actor, AuditEntry
from pcrm_desktop.domain.office import Department, OfficeProfile, Role, Staff
from pcrm_desktop.services.context import ServiceContext

FIXED_NOW = datetime(2026, 3, 2, 9, 30, 0)
WORKSTATION = "MINWON-PC-01"


class FakeIntegrityError(Exception):
    """What the fake raises where SQLite would raise an IntegrityError (UNIQUE violated)."""


@dataclass
class State:
    office: OfficeProfile | None = None
    office_created_at: datetime | None = None
    departments: list[Department] = field(default_factory=list)
    staff: list[Staff] = field(default_factory=list)
    staff_created_at: dict[int, datetime] = field(default_factory=dict)
    audit: list[tuple[AuditEntry, int | None]] = field(default_factory=list)
    # staff id → password_hash, must_change, failed_logins, locked_at, last_login_at
    accounts: dict[int, dict] = field(default_factory=dict)
    settings: dict[str, str] = field(default_factory=dict)
    next_id: dict[str, int] = field(default_factory=lambda: {"departments": 1, "staff": 1})

    def new_id(self, table: str) -> int:
        value = self.next_id[table]
        self.next_id[table] = value + 1
        return value


class FakeDatabase:
    """The committed state plus counters, so tests can see what the services did."""

    def __init__(self) -> None:
        self.committed = State()
        self.commits = 0
        self.rollbacks = 0
        self.opened = 0

    # Convenience views of the committed state for assertions.
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


class FakeOfficeRepository:
    def __init__(self, state: State) -> None:
        self.s = state

    def get(self) -> OfficeProfile | None:
        return self.s.office

    def save(self, profile: OfficeProfile, now: datetime) -> None:
        if self.s.office is None:
            self.s.office_created_at = now
        self.s.office = profile

    def setting(self, key: str, default: str = "") -> str:
        return self.s.settings.get(key, default)

    def set_setting(self, key: str, value: str) -> None:
        self.s.settings[key] = value


class FakeDepartmentRepository:
    def __init__(self, state: State) -> None:
        self.s = state

    def list(self) -> list[Department]:
        return list(self.s.departments)

    def add(self, name: str) -> int:
        if any(d.name == name for d in self.s.departments):
            raise FakeIntegrityError(f"UNIQUE constraint failed: departments.name ({name})")
        department = Department(self.s.new_id("departments"), name, True)
        self.s.departments.append(department)
        return department.id

    def get_by_name(self, name: str) -> Department | None:
        return next((d for d in self.s.departments if d.name == name), None)


class FakeStaffRepository:
    def __init__(self, state: State) -> None:
        self.s = state

    def list(self) -> list[Staff]:
        return list(self.s.staff)

    def get_by_login(self, login: str) -> Staff | None:
        return next((m for m in self.s.staff if m.login == login), None)

    def add(self, member: Staff, now: datetime) -> int:
        if any(m.login == member.login for m in self.s.staff):
            raise FakeIntegrityError(f"UNIQUE constraint failed: staff.login ({member.login})")
        if member.department_id is not None and \
                all(d.id != member.department_id for d in self.s.departments):
            raise FakeIntegrityError("FOREIGN KEY constraint failed: staff.department_id")
        stored = replace(member, id=self.s.new_id("staff"))
        self.s.staff.append(stored)
        self.s.staff_created_at[stored.id] = now
        return stored.id

    def set_active(self, staff_id: int, active: bool) -> None:
        self.s.staff = [replace(m, active=active) if m.id == staff_id else m
                        for m in self.s.staff]

    def count_active_admins(self) -> int:
        return sum(1 for m in self.s.staff if m.role is Role.ADMIN and m.active)

    def _account(self, staff_id: int) -> dict:
        return self.s.accounts.setdefault(staff_id, {
            "password_hash": None, "must_change": True, "failed_logins": 0, "locked_at": None,
            "last_login_at": None})

    def credentials(self, login: str) -> Credentials | None:
        member = self.get_by_login(login)
        if member is None:
            return None
        a = self._account(member.id)
        return Credentials(member.id, member.name, member.login, member.role.value, member.active,
                           a["password_hash"], a["must_change"], a["failed_logins"],
                           a["locked_at"], a["last_login_at"])

    def all_credentials(self) -> list[Credentials]:
        return [self.credentials(m.login) for m in self.s.staff]

    def set_password(self, staff_id: int, password_hash: str, must_change: bool,
                     now: datetime) -> None:
        self._account(staff_id).update(password_hash=password_hash, must_change=must_change,
                                       failed_logins=0, locked_at=None)

    def record_failure(self, staff_id: int, failures: int, locked_at: datetime | None) -> None:
        self._account(staff_id).update(failed_logins=failures, locked_at=locked_at)

    def record_success(self, staff_id: int, now: datetime) -> None:
        self._account(staff_id).update(failed_logins=0, locked_at=None, last_login_at=now)

    def unlocked_admins(self, other_than: int) -> int:
        return sum(1 for m in self.s.staff if m.role is Role.ADMIN and m.active
                   and m.id != other_than and self._account(m.id)["locked_at"] is None)

    def admins_with_password(self) -> int:
        return sum(1 for m in self.s.staff if m.role is Role.ADMIN and m.active
                   and self._account(m.id)["password_hash"] is not None)


class FakeAuditRepository:
    def __init__(self, state: State) -> None:
        self.s = state

    def add(self, entry: AuditEntry, staff_id: int | None) -> None:
        self.s.audit.append((entry, staff_id))

    def recent(self, limit: int = 50) -> list[AuditEntry]:
        return [entry for entry, _ in reversed(self.s.audit)][:limit]

    def count(self) -> int:
        return len(self.s.audit)

    def verify(self, witnesses=(), progress=None, kept_since: str | None = None,
               accepted: frozenset[str] = frozenset()):
        """The fakes keep no chain (tests of the chain use a real file): report the count."""
        from pcrm_desktop.domain.audit import ChainReport
        n = len(self.s.audit)
        return ChainReport(True, n, 1 if n else None, n or None, "")

    def signing_key(self, entry_id: int, at_text: str) -> bytes:
        return bytes(32)   # the fakes keep no chain

    def head(self) -> tuple[int | None, str]:
        return (len(self.s.audit) or None), ""

    def key_stretches(self) -> list[tuple[int, str]]:
        return []

    def database_id(self) -> str | None:
        return None

    def latest(self, action: str) -> tuple[int, str, str] | None:
        found = [(n, str(e.at), e.detail) for n, (e, _) in enumerate(self.s.audit, start=1)
                 if e.action == action]
        return found[-1] if found else None

    def has(self, action: str) -> bool:
        return any(e.action == action for e, _ in self.s.audit)


class FakeUnitOfWork:
    """Same attributes as SqlUnitOfWork: office, departments, staff, audit, commit(), rollback()."""

    def __init__(self, db: FakeDatabase) -> None:
        self.db = db
        self.committed = False

    def __enter__(self) -> "FakeUnitOfWork":
        self.db.opened += 1
        self.working = copy.deepcopy(self.db.committed)
        self.active = True
        self.office = FakeOfficeRepository(self.working)
        self.departments = FakeDepartmentRepository(self.working)
        self.staff = FakeStaffRepository(self.working)
        self.audit = FakeAuditRepository(self.working)
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
    ctx = ServiceContext(uow_factory=lambda write=True: FakeUnitOfWork(db),
                         actor=actor or Actor.system(workstation),
                         clock=lambda: now)
    return ctx, db
