"""`pcrm demo`: realistic Korean synthetic data, the same for the same seed on the same day
(and, made with one `--now` (demo_clock.fixed_clock), the same rows in every table but the
file's own database id).

It fills whatever the schema has so far; parts asked for whose tables do not exist yet are
reported as skipped, never faked. It refuses a database that already has an office, so real data
is never mixed with invented data.
"""
from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from datetime import time as clock_time

from pcrm_desktop.domain.accounts import hash_secret
from pcrm_desktop.domain.errors import ConflictError
from pcrm_desktop.domain.office import OfficeHours, OfficeProfile, Role, Staff
from pcrm_desktop.domain.privacy import ADMIN_ROLES, require_role
from pcrm_desktop.services.context import ServiceContext
from pcrm_desktop.services.demo_clock import history_end
from pcrm_desktop.services.demo_names import NameMaker
from pcrm_desktop.services.ports import UnitOfWork

Progress = Callable[[int, int, str], None]
Cancelled = Callable[[], bool]

DEMO_OFFICE = OfficeProfile(
    name="청운효자동 행정복지센터 (데모)",
    code="3000001",
    address="서울특별시 종로구 자하문로 000 (데모 주소)",
    phone="02-0000-0000",
    hours=OfficeHours(clock_time(9, 0), clock_time(12, 0), clock_time(13, 0), clock_time(18, 0)),
)
DEMO_DEPARTMENTS = ("민원행정팀", "맞춤형복지팀", "복지행정팀", "주민자치팀", "행정지원팀")
ADMIN_LOGIN = "admin"


@dataclass(frozen=True)
class DemoRequest:
    citizens: int = 1000
    complaints: int = 0
    responses: int = 0
    seed: int = 1
    clerks: int = 12


@dataclass
class DemoResult:
    counts: dict[str, int] = field(default_factory=dict)
    skipped: dict[str, str] = field(default_factory=dict)
    seconds: float = 0.0


# Each part that the schema has: a filler taking (ctx, uow, request, rng, progress, cancelled)
# and returning how many rows it wrote, inside the one transaction of the whole demo. Later
# issues add theirs in _fillers().
def _fillers() -> dict[str, Callable[..., int]]:
    from pcrm_desktop.services.demo_citizens import fill_citizens
    from pcrm_desktop.services.demo_complaints import fill_complaints
    from pcrm_desktop.services.demo_surveys import fill_responses
    return {"citizens": fill_citizens, "complaints": fill_complaints, "responses": fill_responses}


def demo_now(ctx: ServiceContext) -> datetime:
    """The moment the demo's invented history ends (demo_clock.history_end): today's start."""
    return history_end(ctx.clock())


def demo_salt(seed: int, purpose: str) -> bytes:
    """The salt of a demo secret's hash, made from the seed: the password and PIN are published
    (README), so a random salt would protect nothing and only make two demos of one seed differ."""
    return hashlib.sha256(f"pcrm-demo:{seed}:{purpose}".encode()).digest()[:16]


DEMO_PASSWORD = "Demo#2026!"  # every demo account's; shown by `pcrm demo` and in the README
DEMO_KIOSK_PIN = "2026"  # the staff PIN that leaves the demo's kiosk; shown the same way


def fill_demo(ctx: ServiceContext, request: DemoRequest, progress: Progress | None = None,
              cancelled: Cancelled | None = None) -> DemoResult:
    require_role(ctx.actor, ADMIN_ROLES, "demo.fill")  # `pcrm demo` acts as the system (admin)
    started = time.perf_counter()
    rng = random.Random(request.seed)
    result = DemoResult()
    fillers = _fillers()
    with ctx.uow_factory() as uow:  # all or nothing: an interrupted demo leaves an empty file
        result.counts.update(_fill_office(ctx, uow, request, rng))
        for part in ("citizens", "complaints", "responses"):
            wanted = getattr(request, part)
            if not wanted:
                continue
            if part not in fillers:
                result.skipped[part] = "not available in this version"
                continue
            result.counts[part] = fillers[part](ctx, uow, request, rng, progress,
                                                cancelled or (lambda: False))
        _set_up_kiosk(ctx, uow, request.seed)
        uow.commit()
    result.seconds = time.perf_counter() - started
    return result


def _fill_office(ctx: ServiceContext, uow: UnitOfWork, request: DemoRequest,
                 rng: random.Random) -> dict[str, int]:
    names = NameMaker(rng)
    if uow.office.get() is not None:
        raise ConflictError("demo_not_empty")
    now = ctx.clock()
    uow.office.save(DEMO_OFFICE, now)
    department_ids = [uow.departments.add(name) for name in DEMO_DEPARTMENTS]
    members = [Staff(None, names.full(), ADMIN_LOGIN, Role.ADMIN, department_ids[0])]
    members.append(Staff(None, names.full(), "manager1", Role.MANAGER, department_ids[0]))
    members.append(Staff(None, names.full(), "manager2", Role.MANAGER, department_ids[1]))
    for number in range(1, request.clerks + 1):
        department = department_ids[(number - 1) % len(department_ids)]
        members.append(Staff(None, names.full(), f"clerk{number:02d}", Role.CLERK, department))
    members.append(Staff(None, "민원실 키오스크", "kiosk", Role.KIOSK, department_ids[0]))
    # Every demo account signs in with DEMO_PASSWORD (printed by `pcrm demo`; a demo file is
    # for trying the app out). One hash serves them all: scrypt is deliberately slow.
    shared_hash = hash_secret(DEMO_PASSWORD, demo_salt(request.seed, "password"))
    for member in members:
        uow.staff.set_password(uow.staff.add(member, now), shared_hash, False, now)
    ctx.audit(uow, "demo.fill", "office", f"seed={request.seed}")
    return {"departments": len(department_ids), "staff": len(members)}


def _set_up_kiosk(ctx: ServiceContext, uow: UnitOfWork, seed: int) -> None:
    """The kiosk's questionnaire (made even when no answers were asked for), the kiosk's
    survey and PIN: signing in as `kiosk` opens a kiosk, not a 'not set up' notice. (The happy
    call's questionnaire comes with answers only, as before: an office makes its own.)"""
    from pcrm_desktop.services.demo_surveys import KIOSK_SURVEY_CODE, add_surveys, set_up_kiosk
    add_surveys(uow, demo_now(ctx), codes=(KIOSK_SURVEY_CODE,))
    set_up_kiosk(uow, DEMO_KIOSK_PIN, demo_salt(seed, "kiosk-pin"))
