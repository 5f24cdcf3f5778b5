"""An office on the fakes (tests/fakes/): one member of each role, the calendar years the
tests meet seeded with hand-picked days off, the clock at Monday 2026-03-02 09:30.

Every service test here runs in milliseconds: no file, no SQLite, no `holidays` package."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import pytest

from pcrm_desktop.domain.audit import Actor, AuditEntry
from pcrm_desktop.domain.office import OfficeProfile
from pcrm_desktop.services import office as office_service
from pcrm_desktop.services.context import ServiceContext
from tests.fakes import FIXED_NOW, WORKSTATION, FakeDatabase, make_context

# The only days off besides weekends in 2026–2028 for these tests (not the real calendar, so
# every due date below can be counted by hand from this list).
HOLIDAY = date(2026, 3, 5)  # a Thursday
HOLIDAYS = {HOLIDAY: "시험 휴일"}
PASSWORD = "Cheongun#2026"


@dataclass
class Office:
    db: FakeDatabase
    admin: ServiceContext
    manager: ServiceContext
    clerk: ServiceContext
    kiosk: ServiceContext
    department: int  # 민원행정팀

    def at(self, ctx: ServiceContext, moment: datetime) -> ServiceContext:
        """The same person, with the clock at `moment`."""
        from dataclasses import replace
        return replace(ctx, clock=lambda: moment)

    def entries(self, action: str) -> list[AuditEntry]:
        return [e for e in self.db.audit if e.action == action]

    def staff_id(self, login: str) -> int:
        return next(m.id for m in self.db.staff if m.login == login)


@pytest.fixture
def office() -> Office:
    ctx, db = make_context(now=FIXED_NOW)
    admin = ctx.as_actor(office_service.complete_first_run(
        ctx, OfficeProfile("청운효자동 행정복지센터"), ["민원행정팀", "복지팀"], "홍길동", "hong",
        PASSWORD))
    department = db.departments[0].id
    for name, login, role in (("김팀장", "manager1", "manager"), ("이주무", "clerk1", "clerk"),
                              ("민원실 키오스크", "kiosk1", "kiosk")):
        office_service.add_staff(admin, name, login, role, department)
    by_login = {m.login: m for m in db.staff}

    def as_(login: str) -> ServiceContext:
        member = by_login[login]
        return ctx.as_actor(Actor(member.id, login, member.role.value, WORKSTATION))
    db.seed_years(2026, 2027, 2028, holidays=HOLIDAYS)
    return Office(db, as_("hong"), as_("manager1"), as_("clerk1"), as_("kiosk1"), department)
