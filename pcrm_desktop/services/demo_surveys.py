"""Demo 만족도 answers from the three modes: kiosk and paper on the counter questionnaire,
phone (해피콜) linked to closed demo 민원 where there are any; mostly satisfied, some not,
over the last three months. Written as tuples straight to the driver."""
from __future__ import annotations

import bisect
import random
from datetime import datetime, timedelta

from pcrm_desktop.domain.surveys import NA, TEMPLATES, Questionnaire, callback_reason, quality
from pcrm_desktop.domain.timestamps import sql_datetime
from pcrm_desktop.services.context import ServiceContext
from pcrm_desktop.services.demo_clock import Cancelled, Progress, Request, history_end
from pcrm_desktop.services.ports import UnitOfWork

BATCH = 5000
MODES = (("kiosk", 50), ("paper", 30), ("phone", 20))


DEMO_SURVEYS = (("COUNTER", False), ("HAPPYCALL", True))  # code (= its template), linked
KIOSK_SURVEY_CODE = "COUNTER"


def add_surveys(uow: UnitOfWork, now: datetime, codes: tuple[str, ...] = ("COUNTER", "HAPPYCALL")
                ) -> dict[str, tuple[int, Questionnaire]]:
    """The counter questionnaire and the happy call's (or those of `codes`), each with one
    frozen version, unless the demo already has them."""
    surveys: dict[str, tuple[int, Questionnaire]] = {}
    for code, linked in DEMO_SURVEYS:
        if code not in codes:
            continue
        found = uow.surveys.by_code(code)
        if found is not None:
            from pcrm_desktop.services.surveys import _current
            surveys[code] = (_current(uow, found)["id"], TEMPLATES[code])
            continue
        survey_id = uow.surveys.add(code, TEMPLATES[code].title, linked, now)
        version_id = uow.surveys.add_version(survey_id, 1, TEMPLATES[code].to_json(), now)
        uow.surveys.freeze(version_id, now)
        surveys[code] = (version_id, TEMPLATES[code])
    return surveys


def set_up_kiosk(uow: UnitOfWork, pin: str, salt: bytes | None = None) -> None:
    """What an admin sets in 만족도 조사 › 키오스크 설정 (services.surveys.set_kiosk): the
    anonymous counter questionnaire and the staff PIN, so the demo's kiosk account opens a
    working kiosk. Recorded in the demo's own audit entry."""
    from pcrm_desktop.domain.surveys import hash_pin
    from pcrm_desktop.services.surveys import KIOSK_PIN, KIOSK_SURVEY
    uow.surveys.set_setting(KIOSK_SURVEY, KIOSK_SURVEY_CODE)
    uow.surveys.set_setting(KIOSK_PIN, hash_pin(pin, salt))


def fill_responses(ctx: ServiceContext, uow: UnitOfWork, request: Request, rng: random.Random,
                   progress: Progress | None, cancelled: Cancelled) -> int:
    now = history_end(ctx.clock())
    surveys = add_surveys(uow, now)
    closed = uow.happy_calls.closed_for_demo(now - timedelta(days=120))
    done_days = [done for _, _, done in closed]
    called: set[int] = set()
    next_id = uow.surveys.next_response_id()
    total = request.responses
    for start in range(0, total, BATCH):
        # rows as the driver takes them (see SurveyPort.add_responses …)
        responses: list[tuple[object, ...]] = []
        answers: list[tuple[object, ...]] = []
        links: list[tuple[object, ...]] = []
        callbacks: list[tuple[object, ...]] = []
        calls: list[tuple[int, datetime, str]] = []
        for _ in range(min(BATCH, total - start)):
            mode = rng.choices([m for m, _ in MODES], [w for _, w in MODES])[0]
            code = "HAPPYCALL" if mode == "phone" else "COUNTER"
            version_id, questionnaire = surveys[code]
            day = now - timedelta(days=rng.random() ** 1.3 * 90)  # within office hours
            at = min(now, day.replace(hour=rng.randint(9, 17), minute=rng.randint(0, 59)))
            seconds = rng.randint(25, 240) if rng.random() > 0.03 else rng.randint(3, 8)
            mood = rng.gauss(4.1, 0.8)  # one person's general mood colours every answer
            given: dict[str, object] = {}
            for item in questionnaire.items:
                value = _answer(rng, item.code, mood)
                if value is not None:
                    given[item.code] = value
                    answers.append((next_id, item.code, None if value == NA else value,
                                    None, value == NA))
            flags = ",".join(quality(questionnaire, given, seconds).flags)
            responses.append((next_id, version_id, mode, sql_datetime(at), seconds, flags))
            if mode == "phone":
                case = _call_case(rng, closed, done_days, called, at)
                if case is not None:  # the happy call that asked it, on a case closed just before
                    case_id, citizen_id = case
                    links.append((next_id, case_id, citizen_id))
                    calls.append((case_id, at, "answered"))
                    reason = callback_reason(given, linked=True)
                    if reason is not None:
                        callbacks.append((next_id, case_id, reason, sql_datetime(at)))
                    if rng.random() < 0.35:  # and a call that reached nobody, or a refusal
                        other = _call_case(rng, closed, done_days, called, at)
                        if other is not None:
                            calls.append((other[0], at, rng.choice(("no_answer", "refused"))))
            next_id += 1
        uow.surveys.add_responses(responses)
        uow.surveys.add_answers(answers)
        uow.surveys.add_links(links)
        uow.surveys.add_callbacks(callbacks)
        uow.happy_calls.add_demo_calls(calls)
        if progress:
            progress(min(total, start + BATCH), total, "responses")
        if cancelled():
            from pcrm_desktop.domain.errors import ConflictError
            raise ConflictError("demo_cancelled")
    ctx.audit(uow, "demo.responses", "surveys", f"{total}건 seed={request.seed}")
    return total


def _call_case(rng: random.Random, closed: list[tuple[int, int, datetime]],
               done_days: list[datetime], called: set[int], at: datetime) -> tuple[int, int] | None:
    """A closed case with an applicant, finished in the 14 days before `at`, not called yet."""
    low, high = bisect.bisect_left(done_days, at - timedelta(days=14)), bisect.bisect_left(done_days, at)
    for _ in range(8 if high > low else 0):
        case_id, citizen_id, _ = closed[rng.randrange(low, high)]
        if case_id not in called:
            called.add(case_id)
            return case_id, citizen_id
    return None


def _answer(rng: random.Random, code: str, mood: float) -> int | str | None:
    if code == "COMMENT":
        return None  # free text left to real respondents
    if code == "RECOMMEND":
        return None if rng.random() < 0.1 else max(0, min(10, round(mood * 2 + rng.gauss(0, 1.5))))
    if code == "FACILITY" and rng.random() < 0.15:
        return NA
    if code in ("EXPERT", "RESULT") and rng.random() < 0.08:
        return NA
    if code != "OVERALL" and rng.random() < 0.03:
        return None  # skipped
    return max(1, min(5, round(mood + rng.gauss(0, 0.6))))
