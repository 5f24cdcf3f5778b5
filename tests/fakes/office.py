"""Fakes of the office, its departments and staff, and the access log (db/repositories.py)."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from pcrm_desktop.domain.accounts import Credentials
from pcrm_desktop.domain.audit import AuditEntry, subject_of
from pcrm_desktop.domain.office import Department, OfficeProfile, Role, Staff
from tests.fakes.state import FakeIntegrityError, State


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
        """As the real one: an entry without a subject takes it from a "citizen:N" target."""
        if entry.subject_id is None:
            entry = replace(entry, subject_id=subject_of(entry.target))
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

    def guard_problems(self) -> list[str]:
        return []   # the fakes have no triggers to lose
