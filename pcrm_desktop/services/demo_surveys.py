"""Demo 만족도 answers from the three modes: kiosk and paper on the counter questionnaire,
phone (해피콜) linked to closed demo 민원 where there are any; mostly satisfied, some not,
over the last three months. Written as tuples straight to the driver."""
from __future__ import annotations

import random
from datetime import timedelta

from pcrm_desktop.db.citizen_repo import sql_datetime
from pcrm_desktop.domain.surveys import NA, TEMPLATES, callback_reason, quality

BATCH = 5000
MODES = (("kiosk", 50), ("paper", 30), ("phone", 20))


def fill_responses(ctx, uow, request, rng: random.Random, progress, cancelled) -> int:
    now = ctx.clock().replace(microsecond=0)
    surveys = {}
    for code, template, linked in (("COUNTER", "COUNTER", False), ("HAPPYCALL", "HAPPYCALL", True)):
        survey_id = uow.surveys.add(code, TEMPLATES[template].title, linked, now)
        version_id = uow.surveys.add_version(survey_id, 1, TEMPLATES[template].to_json(), now)
        uow.surveys.freeze(version_id, now)
        surveys[code] = (version_id, TEMPLATES[template])
    closed = [r[0] for r in uow.surveys.c.exec_driver_sql(
        "SELECT id FROM complaints WHERE status = 'closed' ORDER BY id DESC LIMIT 20000")]
    next_id = uow.surveys.next_response_id()
    total = request.responses
    for start in range(0, total, BATCH):
        responses, answers, links, callbacks = [], [], [], []
        for _ in range(min(BATCH, total - start)):
            mode = rng.choices([m for m, _ in MODES], [w for _, w in MODES])[0]
            code = "HAPPYCALL" if mode == "phone" else "COUNTER"
            version_id, questionnaire = surveys[code]
            day = now - timedelta(days=rng.random() ** 1.3 * 90)  # within office hours
            at = min(now, day.replace(hour=rng.randint(9, 17), minute=rng.randint(0, 59)))
            seconds = rng.randint(25, 240) if rng.random() > 0.03 else rng.randint(3, 8)
            mood = rng.gauss(4.1, 0.8)  # one person's general mood colours every answer
            given = {}
            for item in questionnaire.items:
                value = _answer(rng, item.code, mood)
                if value is not None:
                    given[item.code] = value
                    answers.append((next_id, item.code, None if value == NA else value,
                                    None, value == NA))
            flags = ",".join(quality(questionnaire, given, seconds).flags)
            responses.append((next_id, version_id, mode, sql_datetime(at), seconds, flags))
            if mode == "phone" and closed:
                case = rng.choice(closed)
                links.append((next_id, case, None))
                reason = callback_reason(given, linked=True)
                if reason is not None:
                    callbacks.append((next_id, case, reason, sql_datetime(at)))
            next_id += 1
        uow.surveys.add_responses(responses)
        uow.surveys.add_answers(answers)
        uow.surveys.add_links(links)
        uow.surveys.add_callbacks(callbacks)
        if progress:
            progress(min(total, start + BATCH), total, "responses")
        if cancelled():
            from pcrm_desktop.domain.errors import ConflictError
            raise ConflictError("demo_cancelled")
    ctx.audit(uow, "demo.responses", "surveys", f"{total}건 seed={request.seed}")
    return total


def _answer(rng: random.Random, code: str, mood: float):
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
