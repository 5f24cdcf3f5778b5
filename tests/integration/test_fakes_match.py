"""The fakes (tests/fakes/) against SQLite: one run of 민원 and survey use cases on each, and
everything a screen or a report would read afterwards must be the same. What the service tests
in tests/unit/services/ prove on the fakes thereby holds on the real file too."""
from __future__ import annotations

from datetime import date, datetime

from pcrm_desktop.db.uow import SqlUnitOfWork
from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.citizens import Citizen
from pcrm_desktop.domain.complaints import Action, Channel, Intake, NoticeMethod, Result
from pcrm_desktop.domain.errors import DomainError
from pcrm_desktop.domain.happy_call import Outcome, SamplingRule
from pcrm_desktop.domain.office import OfficeProfile
from pcrm_desktop.services import (
    calendar,
    categories,
    citizens,
    complaints,
    happy_calls,
    office,
    surveys,
)
from pcrm_desktop.services.context import ServiceContext
from tests.fakes import WORKSTATION, make_context

NOW = datetime(2026, 3, 3, 10, 0)  # a Tuesday (Mon 3/2 is a substitute holiday in 2026)


def _scenario(ctx: ServiceContext) -> dict:
    admin = ctx.as_actor(office.complete_first_run(
        ctx, OfficeProfile("청운효자동 행정복지센터"), ["민원행정팀", "복지팀"], "홍길동", "hong",
        "Cheongun#2026"))
    office.add_staff(admin, "이주무", "clerk1", "clerk", 1)
    clerk_id = next(m.id for m in office.overview(admin).staff if m.login == "clerk1")
    clerk = ctx.as_actor(Actor(clerk_id, "clerk1", "clerk", WORKSTATION))
    applicant = citizens.register_citizen(clerk, Citizen(None, "홍길동", 1970,
                                                         phones=("010-1234-5678",))).citizen_id
    by_name = {c["name"]: c["id"] for c in complaints.categories(clerk)}
    road, child = by_name["도로·교통"], by_name["도로 파손"]
    categories.set_category_period(admin, road, 3)
    categories.add_category(admin, "보도 턱", road)
    categories.retire_category(admin, by_name["대중교통"])
    first = complaints.receive(clerk, Intake(NOW, Channel.VISIT, "inquiry", "보도블록 파손",
                                             "자하문로 92", child, applicant, road="자하문로"))
    second = complaints.receive(clerk, Intake(NOW, Channel.PHONE, "suggestion", "가로등 고장",
                                              assignee_id=clerk_id, department_id=1))
    third = complaints.receive(clerk, Intake(NOW, Channel.VISIT, "inquiry", "같은 보도블록",
                                             category_id=child, citizen_id=applicant))
    unnamed = complaints.receive(clerk, Intake(NOW, Channel.PHONE, "other", "익명 제보"))
    version = lambda i: complaints.case(clerk, i)["version"]  # noqa: E731
    complaints.act(clerk, first.complaint_id, Action.START, version(first.complaint_id))
    complaints.act(clerk, second.complaint_id, Action.EXTEND, version(second.complaint_id),
                   "현장 확인", new_due=datetime(2026, 3, 30, 18, 0))
    complaints.act(clerk, second.complaint_id, Action.NOTICE, version(second.complaint_id),
                   notice=(NoticeMethod.SMS, "처리 중입니다."))
    complaints.act(clerk, third.complaint_id, Action.COMPLETE, version(third.complaint_id),
                   result=Result.ACCEPTED, answer="교체했습니다.")
    complaints.link_cases(clerk, first.complaint_id, third.complaint_id)
    complaints.attach_applicant(clerk, unnamed.complaint_id, applicant, version(unnamed.complaint_id))
    calendar.add_holiday(admin, date(2026, 3, 9), "임시공휴일")  # moves the open cases
    refused = []
    for call in (lambda: complaints.act(clerk, third.complaint_id, Action.HOLD,
                                        version(third.complaint_id), "보류"),
                 lambda: complaints.act(clerk, first.complaint_id, Action.START, 1),
                 lambda: calendar.add_holiday(admin, date(2026, 3, 9), "또 휴일"),
                 lambda: complaints.receive(clerk, Intake(NOW, Channel.VISIT, "inquiry", "없는 민원인",
                                                          citizen_id=99))):
        try:
            call()
        except DomainError as error:
            refused.append(error.code)
    surveys.create_survey(admin, "CALLS", "HAPPYCALL", linked=True)
    surveys.create_survey(admin, "COUNTER", "COUNTER", linked=False)
    low = surveys.submit(clerk, "CALLS", "phone", {"OVERALL": 1}, complaint_id=third.complaint_id)
    for answers in ({"OVERALL": 5, "RECOMMEND": 9}, {"OVERALL": 4, "KIND": 4, "ACCESS": 4,
                                                    "EXPERT": 4, "SPEED": 4}):
        surveys.submit(clerk, "COUNTER", "kiosk", answers)
    [callback] = surveys.callbacks(admin)
    surveys.close_callback(admin, callback["id"], "사과드림")
    sampled = happy_calls.sample_week(clerk, date(2026, 3, 2), SamplingRule(share=1.0))
    [call] = happy_calls.queue(clerk)
    happy_calls.record_attempt(clerk, call["id"], Outcome.ANSWERED, "통화함", survey="CALLS",
                               answers={"OVERALL": 4})
    day = NOW.date()
    cases = [first, second, third, unnamed]
    return {
        "received": [(r.receipt_no, r.deadline, r.rrn_masked, r.repeats) for r in cases],
        "cases": [complaints.case(clerk, r.complaint_id) for r in cases],
        "queues": {q: complaints.queue(clerk, complaints.QueueFilter(queue=q))
                   for q in ("mine", "open", "all", "overdue", "due_today", "unassigned")},
        "filtered": [complaints.queue(clerk, complaints.QueueFilter(queue="all", **f), sort=sort)
                     for f, sort in ((dict(category_id=road), "due"), (dict(text="보도"), "received"),
                                     (dict(text="2026-000002"), "receipt"),
                                     (dict(status="done"), "due"))],
        "counts": complaints.queue_counts(clerk), "today": complaints.today_figures(clerk),
        "categories": complaints.categories(clerk),
        "register": complaints.register(clerk, day, day),
        "holidays": calendar.year_entries(clerk, 2026)[-3:], "refused": refused,
        "summary": surveys.summary(clerk, "COUNTER", day, day),
        "linked": (low, surveys.callbacks(admin, open_only=False), surveys.surveys(clerk)),
        "happy_calls": (sampled, happy_calls.queue(clerk, ""), happy_calls.counts(clerk),
                        surveys.summary(clerk, "CALLS", day, day)),
        "audit": _audit(admin),
    }


def _audit(ctx: ServiceContext) -> list[tuple]:
    """The access log as stored (the calendar's seeding and the file's own entries aside: the
    real file seeds its years from the `holidays` package, the fakes are given them)."""
    with ctx.reading() as uow:
        return [(e.at, e.actor, e.workstation, e.action, e.target, e.detail, e.subject_id, e.reason)
                for e in uow.audit.recent(1000)
                if not e.action.startswith("db.") and e.action != "holiday.seed"]


def test_the_fakes_give_what_sqlite_gives(backend):
    engine = backend.migration.engine
    sql = ServiceContext(lambda write=True: SqlUnitOfWork(engine, write), Actor.system(WORKSTATION),
                         clock=lambda: NOW)
    # the real calendar is seeded from the `holidays` package (at start-up the years from
    # today on, here the rest); the fakes get the same days, seeded at the same moment
    with SqlUnitOfWork(engine) as uow:
        calendar.seed_years(sql, uow, range(2026, 2029))
        days = uow.calendar.days_off(date(2026, 1, 1), date(2028, 12, 31))
        seeded_at = uow.calendar.entries(2026)[0]["changed_at"]
        uow.commit()
    fake, db = make_context(now=NOW)
    db.seed_years(2026, 2027, 2028, holidays=days, at=seeded_at)
    on_sql, on_fakes = _scenario(sql), _scenario(fake)
    assert on_sql["refused"] == ["transition_refused", "edited_elsewhere", "holiday_exists",
                                 "citizen_not_found"]
    for key in on_sql:
        assert on_fakes[key] == on_sql[key], key
