"""만족도 조사 use cases: create a survey from a template, edit it (a new version once answered),
take a response (kiosk, phone, paper), and summarise a period with honest statistics."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from pcrm_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from pcrm_desktop.domain.privacy import PERSONAL_DATA_ROLES, require_role
from pcrm_desktop.domain.survey_stats import (
    Estimate,
    Moments,
    cs_index,
    element_score,
    item_score,
    nps,
    recommend_score,
    top_two_box,
)
from pcrm_desktop.domain.surveys import (
    ELEMENT_CODES,
    NA,
    SCALE_SIZE,
    TEMPLATES,
    ItemType,
    Questionnaire,
    SurveyState,
    check_link,
    check_mode_change,
    check_questionnaire,
    clean_answers,
    next_version,
    quality,
)
from pcrm_desktop.domain.text import nfc
from pcrm_desktop.services.context import Changes, ServiceContext

SURVEY_ROLES = frozenset({"admin", "manager"})
ANSWER_ROLES = frozenset({"admin", "manager", "clerk", "kiosk"})  # the kiosk only answers
MODES = ("kiosk", "phone", "paper", "import")


def _survey(uow, code: str) -> dict:
    survey = uow.surveys.by_code(code)
    if survey is None:
        raise NotFoundError("survey_not_found", field="survey", survey=code)
    return survey


def _state(uow, survey: dict) -> tuple[SurveyState, dict]:
    version = uow.surveys.current_version(survey["id"])
    return SurveyState(version["version"], uow.surveys.response_count(survey["id"], version["id"]),
                       bool(survey["linked"]), uow.surveys.response_count(survey["id"]) > 0), version


def create_survey(ctx: ServiceContext, code: str, template: str, linked: bool,
                  title: str = "") -> Changes:
    """A survey from a built-in template (민원 만족도, 창구, 해피콜); anonymous or linked."""
    require_role(ctx.actor, SURVEY_ROLES, "survey.add")
    code = nfc(code).upper()
    if template not in TEMPLATES:
        raise ValidationError("template_unknown", field="survey", name=template)
    if not code or not code.replace("_", "").isalnum():
        raise ValidationError("survey_code_format", field="survey", survey=code)
    questionnaire = TEMPLATES[template]
    with ctx.uow_factory() as uow:
        if uow.surveys.by_code(code) is not None:
            raise ConflictError("survey_duplicate", field="survey", survey=code)
        survey_id = uow.surveys.add(code, nfc(title) or questionnaire.title, linked, ctx.clock())
        uow.surveys.add_version(survey_id, 1, questionnaire.to_json(), ctx.clock())
        ctx.audit(uow, "survey.add", code, f"{template}, {'연결' if linked else '익명'}")
        uow.commit()
    return frozenset({"surveys"})


def questionnaire(ctx: ServiceContext, code: str) -> tuple[int, Questionnaire]:
    """The current version number and questionnaire of a survey."""
    with ctx.reading() as uow:
        version = uow.surveys.current_version(_survey(uow, code)["id"])
    return version["version"], Questionnaire.from_json(version["definition"])


def edit_survey(ctx: ServiceContext, code: str, new: Questionnaire,
                linked: bool | None = None) -> int:
    """Change the questionnaire: in place while nobody has answered, else as a new version
    (the answers to the old one keep their questions). Returns the version now current."""
    require_role(ctx.actor, SURVEY_ROLES, "survey.edit")
    check_questionnaire(new)
    with ctx.uow_factory() as uow:
        survey = _survey(uow, code)
        state, version = _state(uow, survey)
        if linked is not None:
            check_mode_change(state, linked)
            uow.surveys.set_linked(survey["id"], linked)
        number = next_version(state)
        if number == version["version"]:
            uow.surveys.replace_definition(version["id"], new.to_json())
        else:
            uow.surveys.add_version(survey["id"], number, new.to_json(), ctx.clock())
        ctx.audit(uow, "survey.edit", code, f"v{number}")
        uow.commit()
    return number


@dataclass(frozen=True)
class Submitted:
    response_id: int
    version: int
    flags: tuple[str, ...]
    rrn_masked: int


def submit(ctx: ServiceContext, code: str, mode: str, answers: dict[str, object],
           seconds: int | None = None, complaint_id: int | None = None,
           citizen_id: int | None = None) -> Submitted:
    """One response, validated against the current version (which it freezes)."""
    require_role(ctx.actor, ANSWER_ROLES, "survey.answer")
    if mode not in MODES:
        raise ValidationError("mode_unknown", field="mode", value=mode)
    linking = complaint_id is not None or citizen_id is not None
    if linking:
        require_role(ctx.actor, PERSONAL_DATA_ROLES, "survey.link")
    now = ctx.clock()
    with ctx.uow_factory() as uow:
        survey = _survey(uow, code)
        state, version = _state(uow, survey)
        check_link(state, linking)
        q = Questionnaire.from_json(version["definition"])
        cleaned, masked = clean_answers(q, answers)
        flags = quality(q, cleaned, seconds).flags
        response_id = uow.surveys.add_response(version["id"], mode, now, seconds, ",".join(flags),
                                               [_row(item, value) for item, value in cleaned.items()])
        if linking:
            uow.surveys.link(response_id, complaint_id, citizen_id)
        uow.surveys.freeze(version["id"], now)
        uow.commit()  # answers are not audited one by one: no personal data in them
    return Submitted(response_id, version["version"], flags, masked)


def _row(item: str, value: object) -> tuple[str, float | None, str | None, bool]:
    if value == NA:
        return item, None, None, True
    if isinstance(value, bool):
        return item, 1.0 if value else 0.0, None, False
    if isinstance(value, (int, float)):
        return item, float(value), None, False
    if isinstance(value, list):
        return item, None, "\n".join(value), False
    return item, None, str(value), False


@dataclass(frozen=True)
class Summary:
    survey: str
    first: date
    last: date
    responses: int
    items: dict[str, Estimate]           # 100-point scores of the scale items
    overall: Estimate                    # 민원만족도 (headline)
    overall_top_two: Estimate            # % of 4–5 on OVERALL
    elements: float | None               # 요소만족도
    recommend: Estimate                  # 0–10 on 100 points
    nps: Estimate
    cs_index: float | None               # 종합 CS 지수
    by_mode: dict[str, int]
    flagged: dict[str, int]              # quality flags and how many responses carry them


def summary(ctx: ServiceContext, code: str, first: date, last: date,
            population: int | None = None) -> Summary:
    """The indices of a period (inclusive), with n and 95 % intervals on every figure."""
    require_role(ctx.actor, SURVEY_ROLES | {"clerk"}, "survey.summary")
    if last < first:
        raise ValidationError("period_order", field="period")
    start = datetime.combine(first, datetime.min.time())
    end = datetime.combine(last + timedelta(days=1), datetime.min.time())
    with ctx.reading() as uow:
        survey = _survey(uow, code)
        sums = uow.surveys.period_items(survey["id"], start, end)
        groups = uow.surveys.period_responses(survey["id"], start, end)
        q = Questionnaire.from_json(uow.surveys.current_version(survey["id"])["definition"])
    responses = sum(n for _, _, n in groups)
    by_mode: dict[str, int] = {}
    flagged: dict[str, int] = {}
    for mode, flag, n in groups:
        by_mode[mode] = by_mode.get(mode, 0) + n
        for one in filter(None, flag.split(",")):
            flagged[one] = flagged.get(one, 0) + n
    scale_items = {i.code: i for i in q.items if i.type in SCALE_SIZE and i.type is not ItemType.MATRIX}
    moments = {}
    for item, n, total, total_sq, na, top5, top7, promoters, detractors in sums:
        seven = item in scale_items and SCALE_SIZE[scale_items[item].type] == 7
        # skipped: responses without this item, hidden ones and older versions included
        moments[item] = Moments(n, total, total_sq, (top7 if seven else top5) or 0,
                                promoters or 0, detractors or 0, na or 0, responses - n - (na or 0))

    def of(code: str) -> Moments:
        return moments.get(code, Moments(0, skipped=responses))
    items = {c: item_score(of(c), SCALE_SIZE[i.type], population) for c, i in scale_items.items()}
    elements = element_score({c: e for c, e in items.items() if c in ELEMENT_CODES})
    overall = items.get("OVERALL") or item_score(of("OVERALL"))
    recommend = recommend_score(of("RECOMMEND"), population)
    return Summary(code, first, last, responses, items, overall,
                   top_two_box(of("OVERALL"), 5, population), elements, recommend,
                   nps(of("RECOMMEND"), population),
                   cs_index(overall.value if overall.shown else None, elements,
                            recommend.value if recommend.shown else None), by_mode, flagged)
