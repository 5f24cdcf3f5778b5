"""해피콜 on a temporary database: the week's sample, attempts, the queue, the access log."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest

from pcrm_desktop.domain.citizens import Citizen
from pcrm_desktop.domain.complaints import Action, Channel, Intake, Result
from pcrm_desktop.domain.errors import ConflictError
from pcrm_desktop.domain.happy_call import Outcome, SamplingRule
from pcrm_desktop.services import citizens, complaints, happy_calls
from tests.dbutil import rows

CLOCK = {"now": datetime(2026, 11, 2, 9, 0)}


@pytest.fixture
def ctx(admin_ctx):
    return replace(admin_ctx, clock=lambda: CLOCK["now"])


def close(ctx, db_target, received: datetime, done: datetime, result: Result, phone: str | None):
    person = citizens.register_citizen(ctx, Citizen(None, "김해피", 1960,
                                                    phones=(phone,) if phone else ()),
                                       allow_duplicate=True).citizen_id
    CLOCK["now"] = received
    case = complaints.receive(ctx, Intake(received, Channel.VISIT, "inquiry", "문의", "",
                                          None, person)).complaint_id
    CLOCK["now"] = done
    version = rows(db_target, "SELECT version FROM complaints WHERE id = ?", case)[0][0]
    complaints.act(ctx, case, Action.COMPLETE, version, result=result, answer="안내")
    return case


def test_sample_a_week_and_call(ctx, db_target):
    monday = date(2026, 11, 16)
    quick = close(ctx, db_target, datetime(2026, 11, 16, 9), datetime(2026, 11, 16, 15),
                  Result.ACCEPTED, "010-1111-0001")
    slow = close(ctx, db_target, datetime(2026, 11, 2, 9), datetime(2026, 11, 17, 10),
                 Result.ACCEPTED, "010-1111-0002")
    rejected = close(ctx, db_target, datetime(2026, 11, 18, 9), datetime(2026, 11, 18, 11),
                     Result.REJECTED, "010-1111-0003")
    close(ctx, db_target, datetime(2026, 11, 18, 9), datetime(2026, 11, 19, 9), Result.REJECTED,
          None)  # no phone: nobody to call
    close(ctx, db_target, datetime(2026, 11, 23, 9), datetime(2026, 11, 24, 9), Result.REJECTED,
          "010-1111-0005")  # next week
    done = happy_calls.sample_week(ctx, monday, SamplingRule(share=0.0, long_days=7))
    assert done.considered == 3
    assert done.chosen == {"long": 1, "rejected": 1}
    chosen = dict(rows(db_target, "SELECT complaint_id, reason FROM happy_calls"))
    assert chosen == {slow: "long", rejected: "rejected"} and quick not in chosen
    # again: nothing new (each case is called once)
    assert happy_calls.sample_week(ctx, monday, SamplingRule(share=1.0)).chosen == {"sample": 1}

    queue = happy_calls.queue(ctx)
    assert {r["complaint_id"] for r in queue} == {slow, rejected, quick}
    assert all(r["phone"].startswith("010-****-") and "*" in r["applicant"] for r in queue)
    call = next(r["id"] for r in queue if r["complaint_id"] == rejected)
    happy_calls.record_attempt(ctx, call, Outcome.NO_ANSWER)
    happy_calls.record_attempt(ctx, call, Outcome.NO_ANSWER, "저녁에 다시")
    happy_calls.record_attempt(ctx, call, Outcome.NO_ANSWER)
    assert rows(db_target, "SELECT status, attempts, last_outcome FROM happy_calls WHERE id = ?",
                call) == [("gave_up", 3, "no_answer")]
    with pytest.raises(ConflictError):
        happy_calls.record_attempt(ctx, call, Outcome.ANSWERED)
    other = next(r["id"] for r in queue if r["complaint_id"] == slow)
    happy_calls.record_attempt(ctx, other, Outcome.ANSWERED, "만족")
    assert happy_calls.counts(ctx) == {"gave_up": 1, "reached": 1, "pending": 1}
    assert rows(db_target, "SELECT count(*) FROM happy_call_attempts") == [(4,)]
    assert rows(db_target, "SELECT count(*) FROM audit_log WHERE action LIKE 'happy_call.%'") == [(6,)]


def test_the_demos_calls_follow_the_sampling_rule_a_phone_to_call(backend, db_target):
    """Calls are only ever made to applicants with a phone; the demo made some to none."""
    from pcrm_desktop.services.demo import DemoRequest, fill_demo
    fill_demo(backend.ctx, DemoRequest(citizens=150, complaints=800, responses=800, seed=3))
    assert rows(db_target, "SELECT count(*) FROM happy_calls")[0][0] > 0
    assert rows(db_target, "SELECT count(*) FROM citizens c WHERE NOT EXISTS"
                         " (SELECT 1 FROM citizen_phones p WHERE p.citizen_id = c.id)")[0][0] > 0
    assert rows(db_target, "SELECT count(*) FROM happy_calls h JOIN complaints c"
                         " ON c.id = h.complaint_id WHERE NOT EXISTS (SELECT 1 FROM"
                         " citizen_phones p WHERE p.citizen_id = c.citizen_id)") == [(0,)]
