"""Repositories over one connection: rows in, domain dataclasses out."""
from __future__ import annotations

from datetime import datetime, time

from sqlalchemy import Connection, func, insert, select, text, update

from pcrm_desktop.db import dialect
from pcrm_desktop.db import tables as t
from pcrm_desktop.domain.accounts import Credentials
from pcrm_desktop.domain.audit import (
    GENESIS,
    TIME_FORMAT,
    AuditEntry,
    chain_hash,
    detail_digest,
    subject_of,
)
from pcrm_desktop.domain.office import (
    Department,
    OfficeHours,
    OfficeProfile,
    Role,
    Staff,
)


def _hhmm(value: time) -> str:
    return value.strftime("%H:%M")


def _time(value: str) -> time:
    hour, minute = value.split(":")
    return time(int(hour), int(minute))


def office_setting(c: Connection, key: str, default: str = "") -> str:
    """An office-wide setting that travels with the database (table office_settings)."""
    value = c.execute(select(t.office_settings.c.value)
                      .where(t.office_settings.c.key == key)).scalar()
    return default if value is None else value


def set_office_setting(c: Connection, key: str, value: str) -> None:
    s = t.office_settings
    if c.execute(update(s).where(s.c.key == key).values(value=value)).rowcount == 0:
        c.execute(insert(s).values(key=key, value=value))


class OfficeRepository:
    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def setting(self, key: str, default: str = "") -> str:
        return office_setting(self.c, key, default)

    def set_setting(self, key: str, value: str) -> None:
        set_office_setting(self.c, key, value)

    def get(self) -> OfficeProfile | None:
        row = self.c.execute(select(t.office).where(t.office.c.id == 1)).mappings().first()
        if row is None:
            return None
        hours = OfficeHours(_time(row["hours_start"]), _time(row["lunch_start"]),
                            _time(row["lunch_end"]), _time(row["hours_end"]))
        return OfficeProfile(row["name"], row["code"], row["address"], row["phone"], hours)

    def save(self, profile: OfficeProfile, now: datetime) -> None:
        values = dict(
            name=profile.name, code=profile.code, address=profile.address, phone=profile.phone,
            hours_start=_hhmm(profile.hours.start), lunch_start=_hhmm(profile.hours.lunch_start),
            lunch_end=_hhmm(profile.hours.lunch_end), hours_end=_hhmm(profile.hours.end),
        )
        done = self.c.execute(update(t.office).where(t.office.c.id == 1).values(**values))
        if done.rowcount == 0:
            self.c.execute(insert(t.office).values(id=1, created_at=now, **values))


class DepartmentRepository:
    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def list(self) -> list[Department]:
        rows = self.c.execute(select(t.departments).order_by(t.departments.c.id))
        return [Department(r.id, r.name, r.active) for r in rows]

    def add(self, name: str) -> int:
        return self.c.execute(insert(t.departments).values(name=name)).inserted_primary_key[0]

    def get_by_name(self, name: str) -> Department | None:
        r = self.c.execute(select(t.departments).where(t.departments.c.name == name)).first()
        return Department(r.id, r.name, r.active) if r else None


class StaffRepository:
    def __init__(self, connection: Connection) -> None:
        self.c = connection

    @staticmethod
    def _staff(r) -> Staff:
        return Staff(r.id, r.name, r.login, Role(r.role), r.department_id, r.active)

    def list(self) -> list[Staff]:
        return [self._staff(r) for r in self.c.execute(select(t.staff).order_by(t.staff.c.id))]

    def get_by_login(self, login: str) -> Staff | None:
        r = self.c.execute(select(t.staff).where(t.staff.c.login == login)).first()
        return self._staff(r) if r else None

    def add(self, member: Staff, now: datetime) -> int:
        result = self.c.execute(insert(t.staff).values(
            name=member.name, login=member.login, role=member.role.value,
            department_id=member.department_id, active=member.active, created_at=now))
        return result.inserted_primary_key[0]

    def set_active(self, staff_id: int, active: bool) -> None:
        self.c.execute(update(t.staff).where(t.staff.c.id == staff_id).values(active=active))

    # --- accounts ---------------------------------------------------------------------------
    def credentials(self, login: str) -> Credentials | None:
        r = self.c.execute(select(t.staff).where(t.staff.c.login == login)).first()
        if r is None:
            return None
        return Credentials(r.id, r.name, r.login, r.role, bool(r.active), r.password_hash,
                           bool(r.must_change_password), r.failed_logins, r.locked_at,
                           r.last_login_at)

    def all_credentials(self) -> list[Credentials]:
        rows = self.c.execute(select(t.staff).order_by(t.staff.c.id))
        return [Credentials(r.id, r.name, r.login, r.role, bool(r.active), r.password_hash,
                            bool(r.must_change_password), r.failed_logins, r.locked_at,
                            r.last_login_at) for r in rows]

    def set_password(self, staff_id: int, password_hash: str, must_change: bool,
                     now: datetime) -> None:
        self.c.execute(update(t.staff).where(t.staff.c.id == staff_id).values(
            password_hash=password_hash, must_change_password=must_change,
            password_changed_at=now, failed_logins=0, locked_at=None))

    def record_failure(self, staff_id: int, failures: int, locked_at: datetime | None) -> None:
        self.c.execute(update(t.staff).where(t.staff.c.id == staff_id).values(
            failed_logins=failures, locked_at=locked_at))

    def record_success(self, staff_id: int, now: datetime) -> None:
        self.c.execute(update(t.staff).where(t.staff.c.id == staff_id).values(
            failed_logins=0, locked_at=None, last_login_at=now))

    def unlocked_admins(self, other_than: int) -> int:
        query = select(func.count()).select_from(t.staff).where(
            t.staff.c.role == Role.ADMIN.value, t.staff.c.active.is_(True),
            t.staff.c.locked_at.is_(None), t.staff.c.id != other_than)
        return self.c.execute(query).scalar_one()

    def admins_with_password(self) -> int:
        query = select(func.count()).select_from(t.staff).where(
            t.staff.c.role == Role.ADMIN.value, t.staff.c.active.is_(True),
            t.staff.c.password_hash.is_not(None))
        return self.c.execute(query).scalar_one()

    def count_active_admins(self) -> int:
        query = select(func.count()).select_from(t.staff).where(
            t.staff.c.role == Role.ADMIN.value, t.staff.c.active.is_(True))
        return self.c.execute(query).scalar_one()


# pg_advisory_xact_lock's key for appends to the access log (any fixed number; "PCRMAUDT")
AUDIT_APPEND_LOCK = 0x5043524D41554454


class AuditRepository:
    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def add(self, entry: AuditEntry, staff_id: int | None) -> None:
        """Append an entry to the chain. On SQLite writers hold the write lock from BEGIN
        (db.engine); on a server, appends are serialized by a transaction-level advisory lock
        (held to this transaction's end, so the next writer reads this entry as the last). Either
        way the last entry read here is still the last when this one is inserted."""
        if dialect.of(self.c).server:
            self.c.execute(text("SELECT pg_advisory_xact_lock(:key)"), dict(key=AUDIT_APPEND_LOCK))
        last = self.c.execute(text(
            "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")).first()
        if last is None:
            base = self.c.execute(text(
                "SELECT first_id, prev_hash FROM audit_chain_base WHERE id = 1")).first()
            entry_id, prev = (base[0], bytes(base[1])) if base else (1, GENESIS)
        else:
            entry_id, prev = last[0] + 1, bytes(last[1])
        subject = entry.subject_id if entry.subject_id is not None else subject_of(entry.target)
        at_text = entry.at.strftime(TIME_FORMAT)
        digest = detail_digest(entry.detail)
        key = self.signing_key(entry_id, at_text)
        entry_hash = chain_hash(prev, entry_id, at_text, staff_id, entry.actor, entry.workstation,
                                entry.action, entry.target, subject, entry.reason, digest, key)
        # The time goes in as the very text that was hashed.
        self.c.execute(insert(t.audit_log).values(
            id=entry_id, at=entry.at, staff_id=staff_id, actor=entry.actor,
            workstation=entry.workstation, action=entry.action, target=entry.target,
            detail=entry.detail, subject_id=subject, reason=entry.reason, hash=entry_hash))

    def signing_key(self, entry_id: int, at_text: str) -> bytes:
        """This installation's secret. A PC whose key did not sign the newest entries (the
        database came from another PC, or is new) starts a stretch of its own from this entry,
        recorded in the same transaction; the stretches before stay verifiable only where their
        key is (db/audit_keys: export and import)."""
        from pcrm_desktop.db.audit_keys import installation_key
        key_id, key = installation_key()
        current = self.c.execute(text(
            "SELECT key_id FROM audit_chain_keys ORDER BY from_id DESC LIMIT 1")).scalar()
        if current != key_id:
            self.c.execute(text("INSERT INTO audit_chain_keys (from_id, key_id, started_at) "
                                "VALUES (:from_id, :key_id, :started_at)"),
                           dict(from_id=entry_id, key_id=key_id, started_at=at_text))
        return key

    def recent(self, limit: int = 50) -> list[AuditEntry]:
        query = select(t.audit_log).order_by(t.audit_log.c.id.desc()).limit(limit)
        return [AuditEntry(r.at, r.actor, r.workstation, r.action, r.target, r.detail,
                           r.subject_id, r.reason)
                for r in self.c.execute(query)]

    def count(self) -> int:
        return self.c.execute(select(func.count()).select_from(t.audit_log)).scalar_one()

    def verify(self, witnesses=(), progress=None, kept_since: str | None = None,
               accepted: frozenset[str] = frozenset()):
        from pcrm_desktop.db.audit_chain import verify
        return verify(self.c, witnesses, progress, kept_since, accepted)

    def head(self) -> tuple[int | None, str]:
        """The newest entry's id and hash (hex), as stored."""
        row = self.c.execute(text("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")).first()
        return (row[0], bytes(row[1]).hex()) if row else (None, "")

    def key_stretches(self) -> list[tuple[int, str]]:
        from pcrm_desktop.db.audit_chain import key_stretches
        return key_stretches(self.c)

    def database_id(self) -> str | None:
        return self.c.execute(text(
            "SELECT database_id FROM database_identity WHERE id = 1")).scalar()

    def latest(self, action: str) -> tuple[int, str, str] | None:
        """The newest entry of this kind: id, time text (audit_chain.at_text), detail."""
        from pcrm_desktop.db.audit_chain import at_text
        row = self.c.execute(text(
            "SELECT id, at, detail FROM audit_log WHERE action = :action ORDER BY id DESC LIMIT 1"),
            dict(action=action)).first()
        return (row[0], at_text(row[1]), row[2]) if row else None

    def guard_problems(self) -> list[str]:
        """The log's protection missing or changed in this database (db/audit_schema): its
        triggers, tables and, on a server, forbidden grants. Read-only."""
        from pcrm_desktop.db.audit_schema import guard_problems
        return guard_problems(self.c)

    def has(self, action: str) -> bool:
        return self.c.execute(text("SELECT 1 FROM audit_log WHERE action = :action LIMIT 1"),
                              dict(action=action)).first() is not None
