"""Demo 민원: realistic volumes per channel, type and category, office-hours receipt, processing
times with a share overdue, repeats by the same residents, and each case's events.

Written as tuples straight to the driver (1,000,000 cases in a few minutes); due dates come from
the real deadline engine (days periods cached per receipt day)."""
from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from typing import Any, TypeVar

from pcrm_desktop.domain.complaints import OPEN, Channel, Result, Status, receipt_number
from pcrm_desktop.domain.deadlines import DaysOff, Period, Unit, compute_due, period_code
from pcrm_desktop.domain.errors import ConflictError
from pcrm_desktop.domain.office import Staff
from pcrm_desktop.domain.timestamps import sql_datetime
from pcrm_desktop.services.context import ServiceContext
from pcrm_desktop.services.demo_citizens import DONGS
from pcrm_desktop.services.demo_clock import Cancelled, Progress, Request, history_end
from pcrm_desktop.services.ports import UnitOfWork

CHANNELS = ((Channel.VISIT, 34), (Channel.PHONE, 20), (Channel.EPEOPLE, 30), (Channel.MAIL, 3),
            (Channel.FAX, 2), (Channel.EMAIL, 6), (Channel.OTHER, 5))
TYPES = (("inquiry", 38), ("suggestion", 14), ("grievance", 10), ("other", 28), ("legal", 10))
LEGAL_DAYS = (1, 3, 5, 7, 10)  # 법정민원: each service has its own period
RESULTS = ((Result.ACCEPTED, 45), (Result.PARTIAL, 12), (Result.REJECTED, 10),
           (Result.INFORMED, 28), (Result.WITHDRAWN, 5))
TITLES = {
    "불법주정차": ("골목길 불법주정차 단속 요청", "소방도로 주차 차량 신고", "상가 앞 장기 주차"),
    "쓰레기 무단투기": ("전봇대 아래 쓰레기 무단투기", "재활용품 분리배출 안 됨", "대형폐기물 방치"),
    "소음": ("공사장 새벽 소음", "위층 소음 문의", "상가 음악 소리"),
    "도로 파손": ("보도블록 파손", "도로 포트홀 보수 요청", "맨홀 뚜껑 흔들림"),
    "가로등": ("가로등 고장",),
    "기초생활보장": ("기초생활수급 신청 문의", "생계급여 변동 문의"),
    "노인": ("기초연금 신청", "경로당 이용 문의", "노인 일자리 신청"),
    "주민등록": ("전입신고 처리 문의", "주민등록증 재발급"),
    "지방세": ("재산세 고지서 문의", "자동차세 분할 납부"),
    "누수": ("도로 누수 신고", "수도관 파열"),
}
GENERIC = ("처리 요청", "문의", "개선 건의", "불편 신고")
# A gap built in on purpose (issue 7): the cases of 기초생활수급자 take this many times as
# long, so more of them run late, and the customer-group analysis has something to find.
SLOW_GROUP, SLOW_FACTOR = "BASIC_LIVING", 3.0
BATCH = 20_000
COMPLAINT_COLUMNS = ("id", "receipt_no", "received_at", "channel", "epeople_no", "citizen_id",
                     "type_code", "category_id", "title", "content", "road", "dong_name",
                     "department_id", "assignee_id", "priority", "status", "open", "period_unit",
                     "period_amount", "due_at", "extended", "done_at", "result", "answer",
                     "version", "updated_at")
EVENT_COLUMNS = ("complaint_id", "at", "staff_id", "actor", "kind", "from_status", "to_status",
                 "note")


def fill_complaints(ctx: ServiceContext, uow: UnitOfWork, request: Request, rng: random.Random,
                    progress: Progress | None, cancelled: Cancelled) -> int:
    from pcrm_desktop.services.calendar import seed_years
    now = history_end(ctx.clock())
    first_day = now.date() - timedelta(days=730)
    writer = _Writer(uow, rng, now, first_day)
    total, done = request.complaints, 0
    seed_years(ctx, uow, range(first_day.year, now.year + 3))  # in the demo's transaction
    writer.days_off = DaysOff(uow.calendar.days_off(first_day, date(now.year + 2, 12, 31)))
    received = sorted(writer.received_at() for _ in range(total))
    numbers: dict[int, int] = {}
    for start in range(0, total, BATCH):
        writer.write([(at, _next(numbers, at.year)) for at in received[start:start + BATCH]])
        done = min(total, start + BATCH)
        if progress:
            progress(done, total, "complaints")
        if cancelled():
            raise ConflictError("demo_cancelled")
    for year, last in numbers.items():
        uow.complaints.set_receipt_counter(year, last)
    ctx.audit(uow, "demo.complaints", "complaints", f"{total}건 seed={request.seed}")
    return total


def _next(numbers: dict[int, int], year: int) -> int:
    numbers[year] = numbers.get(year, 0) + 1
    return numbers[year]


class _Writer:
    def __init__(self, uow: UnitOfWork, rng: random.Random, now: datetime, first_day: date) -> None:
        self.uow, self.rng, self.now, self.first_day = uow, rng, now, first_day
        self.days_off: DaysOff = DaysOff()
        self.span = (now.date() - first_day).days
        conn = uow.complaints.c
        self.citizens: int = conn.exec_driver_sql("SELECT max(id) FROM citizens").scalar() or 0
        cats = uow.complaint_read.categories()
        self.categories = [c for c in cats if c["parent_id"] is not None]
        staff = [s for s in uow.staff.list() if s.role.value in ("clerk", "manager")]
        self.staff = staff or uow.staff.list()
        self.cache: dict[tuple[date, bool, Period], datetime] = {}
        # (citizen, category id, title) of earlier cases: repeats
        self.recent: list[tuple[int, int, str]] = []
        self.next_id = uow.complaints.max_id() + 1
        self.slow: set[int] = set(conn.exec_driver_sql(  # read once, not per case
            "SELECT cg.citizen_id FROM citizen_groups cg JOIN customer_groups g ON g.id = cg.group_id"
            f" WHERE g.code = '{SLOW_GROUP}'").scalars())  # a constant: no `?` (a server refuses it)

    def received_at(self) -> datetime:
        rng = self.rng
        while True:
            day = self.first_day + timedelta(days=int(self.span * rng.random() ** 0.8))
            if self.days_off.is_working_day(day) or rng.random() < 0.15:
                break
        if rng.random() < 0.85:  # mostly within office hours
            minute = rng.choice((rng.randint(9 * 60, 11 * 60 + 59), rng.randint(13 * 60, 17 * 60 + 59)))
        else:
            minute = rng.randint(0, 24 * 60 - 1)
        at = datetime.combine(day, time(minute // 60, minute % 60))
        return min(at, self.now)

    def due(self, received: datetime, period: Period) -> datetime:
        if period.unit is Unit.DAYS:  # only the day and "after hours" matter: cache them
            key = (received.date(), received.time() >= time(18, 0), period)
            if key not in self.cache:
                self.cache[key] = compute_due(received, period, self.days_off, explain=False).due
            return self.cache[key]
        return compute_due(received, period, self.days_off, explain=False).due

    def write(self, batch: list[tuple[datetime, int]]) -> None:
        cases: list[tuple[object, ...]] = []
        events: list[tuple[object, ...]] = []
        for received, number in batch:
            case_id = self.next_id
            self.next_id += 1
            row, case_events = self._case(case_id, received, receipt_number(received.year, number))
            cases.append(row)
            events += case_events
        repo = self.uow.complaints
        repo.bulk_add_cases(COMPLAINT_COLUMNS, cases)
        repo.bulk_add_events(EVENT_COLUMNS, events)

    def _case(self, case_id: int, received: datetime, receipt_no: str
              ) -> tuple[tuple[object, ...], list[tuple[object, ...]]]:
        rng = self.rng
        type_code = _pick(rng, TYPES)
        if type_code == "other":
            period = Period.now()
        elif type_code == "legal":
            period = Period.of_days(rng.choice(LEGAL_DAYS))
        else:
            period = Period.of_days({"inquiry": 7, "suggestion": 14, "grievance": 7}[type_code])
        due = self.due(received, period)
        citizen = rng.randint(1, self.citizens) if self.citizens and rng.random() < 0.8 else None
        category = rng.choice(self.categories)
        title = rng.choice(TITLES.get(category["name"], ())) if category["name"] in TITLES \
            else f"{category['name']} {rng.choice(GENERIC)}"
        if citizen and self.recent and rng.random() < 0.03:  # the same person, the same matter
            citizen, category_id, title = rng.choice(self.recent)
        else:
            category_id = category["id"]
        if citizen and rng.random() < 0.01:
            self.recent = (self.recent + [(citizen, category_id, title)])[-500:]
        staff = rng.choice(self.staff)
        code, dong, road = rng.choice(DONGS)
        channel = _pick(rng, CHANNELS)
        # processing time in calendar hours: half the period at the median, about one case in
        # eight beyond it (the overdue share of the queues), a few stuck for months
        span = period.amount * (24 * 1.4 if period.unit is Unit.DAYS else 3)
        hours_taken = span * rng.lognormvariate(-0.7, 0.6)
        if rng.random() < 0.005:
            hours_taken *= 20
        done_at: datetime | None  # None (and no result) while the case is open
        result: Result | None
        done_at = received + timedelta(hours=hours_taken)
        if done_at <= self.now:
            status = Status.CLOSED if rng.random() < 0.9 else Status.DONE
            result = _pick(rng, RESULTS)
            answer = "처리 결과를 안내하였습니다."
            # the slow group after the draws, and without one of its own: every other case
            # gets the very numbers it had before; a slowed case not finished by now stays open
            if citizen in self.slow:
                done_at = received + timedelta(hours=hours_taken * SLOW_FACTOR)
                if done_at > self.now:
                    status, done_at, result, answer = Status.IN_PROGRESS, None, None, ""
        else:
            status = rng.choice((Status.RECEIVED, Status.ASSIGNED, Status.IN_PROGRESS,
                                 Status.IN_PROGRESS, Status.ON_HOLD))
            done_at, result, answer = None, None, ""
        assignee = None if status is Status.RECEIVED else staff.id
        stamp = sql_datetime(received)
        row = (case_id, receipt_no, stamp, channel.value,
               f"1AA-{received:%y%m}-{case_id:07d}" if channel is Channel.EPEOPLE else "",
               citizen, type_code, category_id, title, f"{title}에 관한 민원입니다.",
               f"서울특별시 종로구 {road} {rng.randint(1, 250)}", dong,
               staff.department_id, assignee, "high" if rng.random() < 0.05 else "normal",
               status.value, status in OPEN, period_code(period), period.amount,
               sql_datetime(due), False, sql_datetime(done_at) if done_at else None,
               result.value if result else None, answer, 1,
               sql_datetime(done_at or received))
        return row, _events(case_id, received, status, staff, done_at)


def _events(case_id: int, received: datetime, status: Status, staff: Staff,
            done_at: datetime | None) -> list[tuple[object, ...]]:
    def event(at: datetime, kind: str, before: str | None, after: str,
              note: str = "") -> tuple[object, ...]:
        return (case_id, sql_datetime(at), staff.id, staff.login, kind, before, after, note)
    rows = [event(received, "received", None, "received")]
    if status is Status.RECEIVED:
        return rows
    rows.append(event(received + timedelta(minutes=20), "assign", "received", "assigned"))
    if status is Status.ASSIGNED:
        return rows
    rows.append(event(received + timedelta(hours=2), "start", "assigned", "in_progress"))
    if status is Status.ON_HOLD:
        rows.append(event(received + timedelta(hours=3), "hold", "in_progress", "on_hold", "서류 보완 요청"))
    if done_at is None:
        return rows
    rows.append(event(done_at, "complete", "in_progress", "done", "처리 결과 안내"))
    if status is Status.CLOSED:
        rows.append(event(done_at + timedelta(days=1), "close", "done", "closed"))
    return rows


T = TypeVar("T")


def _pick(rng: random.Random, weighted: tuple[tuple[T, int], ...]) -> T:
    # the values of `weighted` (kept by its id, below), and their cumulative weights
    found: tuple[list[T], list[int]] = _CUMULATIVE.get(id(weighted)) or _cumulate(weighted)
    values, cumulative = found
    return rng.choices(values, cum_weights=cumulative)[0]


_CUMULATIVE: dict[int, tuple[list[Any], list[int]]] = {}


def _cumulate(weighted: tuple[tuple[T, int], ...]) -> tuple[list[T], list[int]]:
    from itertools import accumulate
    _CUMULATIVE[id(weighted)] = ([v for v, _ in weighted], list(accumulate(w for _, w in weighted)))
    return _CUMULATIVE[id(weighted)]
