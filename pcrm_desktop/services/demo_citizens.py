"""Demo residents: Korean name frequencies, 종로구 addresses with real 법정동 codes, phones,
birth years shaped like a district's population, group memberships and interactions."""
from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, timedelta

from pcrm_desktop.domain.citizens import Address, Channel, Citizen, Gender
from pcrm_desktop.domain.errors import ConflictError
from pcrm_desktop.domain.groups import SearchRule
from pcrm_desktop.services.context import ServiceContext
from pcrm_desktop.services.demo_clock import Cancelled, Progress, Request, history_end
from pcrm_desktop.services.demo_names import NameMaker
from pcrm_desktop.services.ports import UnitOfWork

# (법정동코드, 동, a road of that 동) — public codes of 서울특별시 종로구.
DONGS = (
    ("1111010100", "청운동", "자하문로"), ("1111010400", "효자동", "효자로"),
    ("1111010800", "통인동", "자하문로"), ("1111010900", "누상동", "필운대로"),
    ("1111011100", "옥인동", "필운대로"), ("1111011300", "필운동", "필운대로"),
    ("1111011500", "사직동", "사직로"), ("1111014000", "삼청동", "삼청로"),
    ("1111014600", "가회동", "북촌로"), ("1111014800", "계동", "계동길"),
    ("1111016500", "이화동", "이화장길"), ("1111016900", "혜화동", "창경궁로"),
    ("1111017400", "창신동", "지봉로"), ("1111017500", "숭인동", "종로"),
    ("1111017600", "교남동", "송월길"), ("1111018200", "구기동", "진흥로"),
    ("1111018300", "평창동", "평창문화로"), ("1111018400", "부암동", "창의문로"),
)
ASSIGNED_SHARES = {  # share of residents in each assigned group
    "DISABLED": 0.05, "MULTICULTURAL": 0.03, "BASIC_LIVING": 0.04, "SINGLE_PARENT": 0.02,
    "FOREIGN": 0.03, "SMALL_BUSINESS": 0.06,
}
CHANNEL_WEIGHTS = ((Channel.PHONE, 45), (Channel.VISIT, 30), (Channel.SMS, 12),
                   (Channel.ONLINE, 8), (Channel.EMAIL, 3), (Channel.MAIL, 2))
SUMMARIES = ("전입신고 문의", "기초연금 신청 상담", "주차 민원 진행 상황 문의", "복지 서비스 안내",
             "쓰레기 배출 요일 문의", "제증명 발급", "긴급복지 상담", "방문 건강 상담 예약")
BATCH = 5000


def _birth_year(rng: random.Random, year: int) -> int:
    # A district skews older than the country: ages 0–95, a bulge at 45–70.
    age = int(min(95, max(0, rng.gauss(47, 21))))
    return year - age


def _phone(rng: random.Random, used: set[str]) -> str:
    while True:
        number = f"010-{rng.randint(2000, 9999)}-{rng.randint(0, 9999):04d}"
        if number not in used:
            used.add(number)
            return number


def make_citizen(rng: random.Random, names: NameMaker, used: set[str], year: int) -> Citizen:
    code, dong, road = rng.choice(DONGS)
    phones: tuple[str, ...] = (_phone(rng, used),) if rng.random() < 0.93 else ()
    if rng.random() < 0.12:
        phones += (f"02-{rng.randint(200, 999)}-{rng.randint(0, 9999):04d}",)
    channel = rng.choices([c for c, _ in CHANNEL_WEIGHTS], [w for _, w in CHANNEL_WEIGHTS])[0]
    return Citizen(
        id=None, name=names.full(), birth_year=_birth_year(rng, year),
        gender=rng.choice((Gender.FEMALE, Gender.MALE)), phones=phones,
        address=Address(f"서울특별시 종로구 {road} {rng.randint(1, 250)}",
                        f"{rng.randint(1, 15)}층" if rng.random() < 0.4 else "", code, dong),
        preferred_channel=channel,
        preferred_language="vi" if rng.random() < 0.01 else ("zh" if rng.random() < 0.01 else "ko"))


def fill_citizens(ctx: ServiceContext, uow: UnitOfWork, request: Request, rng: random.Random,
                  progress: Progress | None, cancelled: Cancelled) -> int:
    names = NameMaker(rng)
    used: set[str] = set()
    now = history_end(ctx.clock())
    total, done = request.citizens, 0
    group_ids = {g.code: g.id for g in uow.groups.list() if g.id is not None}  # stored: all
    staff_ids = [m.id for m in uow.staff.list() if m.role.value in ("clerk", "manager")]
    while done < total:
        size = min(BATCH, total - done)
        batch = [make_citizen(rng, names, used, now.year) for _ in range(size)]
        ids = uow.citizens.bulk_add(batch, now)
        _link_groups(uow, rng, ids, group_ids, now)
        _interactions(uow, rng, ids, staff_ids, now)
        done += size
        if progress:
            progress(done, total, "citizens")
        if cancelled():
            raise ConflictError("demo_cancelled")  # the demo's transaction rolls back
    if total:  # one saved search, so the groups tab shows what smart groups are
        uow.groups.add_smart("SMART_DEMO_1", "청운동 어르신",
                             SearchRule(dong_name="청운동", group_codes=("SENIOR",)))
    ctx.audit(uow, "demo.citizens", "citizens", f"{total}명 seed={request.seed}")
    return total


def _link_groups(uow: UnitOfWork, rng: random.Random, ids: list[int], group_ids: dict[str, int],
                 now: datetime) -> None:
    uow.citizens.bulk_link_groups([
        (i, group_ids[code], now.date())
        for i in ids for code, share in ASSIGNED_SHARES.items() if rng.random() < share])


def _interactions(uow: UnitOfWork, rng: random.Random, ids: list[int],
                  staff_ids: Sequence[int | None], now: datetime) -> None:
    rows: list[tuple[object, ...]] = []
    for citizen_id in ids:
        for _ in range(rng.choices((0, 1, 2, 3), (50, 30, 15, 5))[0]):
            rows.append((
                citizen_id, now - timedelta(days=rng.randint(0, 720), minutes=rng.randint(0, 600)),
                rng.choice(("visit", "phone")), rng.choice(("visit", "call", "counselling")),
                rng.choice(SUMMARIES), rng.choice(staff_ids) if staff_ids else None))
    uow.citizens.bulk_add_interactions(rows)
