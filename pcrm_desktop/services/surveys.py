"""만족도 조사 use cases: create a survey from a template, edit it (a new version once answered),
take a response (kiosk, phone, paper), and summarise a period with honest statistics."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from pcrm_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from pcrm_desktop.domain.privacy import PERSONAL_DATA_ROLES, STAFF_ROLES, require_role
from pcrm_desktop.domain.survey_stats import (
    SUPPRESS_BELOW,
    Change,
    Estimate,
    Moments,
    cs_estimate,
    cs_index,
    element_estimate,
    element_score,
    item_score,
    moments_change,
    nps,
    proportion,
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
    callback_reason,
    check_link,
    check_mode_change,
    check_questionnaire,
    check_same_types,
    clean_answers,
    hash_pin,
    next_version,
    pin_matches,
    quality,
)
from pcrm_desktop.domain.text import check_length, mask_name, mask_rrns, nfc
from pcrm_desktop.services.context import Changes, ServiceContext
from pcrm_desktop.services.ports import UnitOfWork

SURVEY_ROLES = frozenset({"admin", "manager"})
ANSWER_ROLES = frozenset({"admin", "manager", "clerk", "kiosk"})  # the kiosk only answers
MODES = ("kiosk", "phone", "paper", "import")


def _survey(uow: UnitOfWork, code: str) -> dict[str, Any]:
    survey = uow.surveys.by_code(code)
    if survey is None:
        raise NotFoundError("survey_not_found", field="survey", survey=code)
    return survey


def _current(uow: UnitOfWork, survey: dict[str, Any]) -> dict[str, Any]:
    """The survey's current version (every survey is made with its first)."""
    version = uow.surveys.current_version(survey["id"])
    if version is None:
        raise NotFoundError("survey_not_found", field="survey", survey=survey["code"])
    return version


def _state(uow: UnitOfWork, survey: dict[str, Any]) -> tuple[SurveyState, dict[str, Any]]:
    version = _current(uow, survey)
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
        survey_id = uow.surveys.add(code, mask_rrns(nfc(title))[0] or questionnaire.title, linked,
                                    ctx.clock())
        uow.surveys.add_version(survey_id, 1, questionnaire.to_json(), ctx.clock())
        ctx.audit(uow, "survey.add", code, f"{template}, {'연결' if linked else '익명'}")
        uow.commit()
    return frozenset({"surveys"})


def questionnaire(ctx: ServiceContext, code: str) -> tuple[int, Questionnaire]:
    """The current version number and questionnaire of a survey."""
    require_role(ctx.actor, ANSWER_ROLES, "survey.view")  # the kiosk shows it
    with ctx.reading() as uow:
        return questionnaire_in(uow, code)


def questionnaire_in(uow: UnitOfWork, code: str) -> tuple[int, Questionnaire]:
    version = _current(uow, _survey(uow, code))
    return version["version"], Questionnaire.from_json(version["definition"])


def edit_survey(ctx: ServiceContext, code: str, new: Questionnaire,
                linked: bool | None = None) -> int:
    """Change the questionnaire: in place while nobody has answered, else as a new version
    (the answers to the old one keep their questions). Returns the version now current."""
    require_role(ctx.actor, SURVEY_ROLES, "survey.edit")
    check_questionnaire(new)
    with ctx.uow_factory() as uow:
        survey = _survey(uow, code)
        check_same_types([Questionnaire.from_json(d) for d in uow.surveys.definitions(survey["id"])],
                         new)
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
    callback: bool = False  # a manager's callback task was made


def submit(ctx: ServiceContext, code: str, mode: str, answers: dict[str, object],
           seconds: int | None = None, complaint_id: int | None = None,
           citizen_id: int | None = None, submitted_at: datetime | None = None,
           form_no: str = "") -> Submitted:
    """One response, validated against the current version (which it freezes). A paper form
    keeps the date written on it (`submitted_at`) and its number. Anonymous answers are not
    audited one by one (no personal data in them); a response linked to a 민원 or a resident
    is, with the resident as whose data it is."""
    require_role(ctx.actor, ANSWER_ROLES, "survey.answer")
    with ctx.uow_factory() as uow:
        done = store_response(uow, ctx, code, mode, answers, seconds, complaint_id, citizen_id,
                              submitted_at, form_no)
        if complaint_id is not None or citizen_id is not None:
            if citizen_id is None and complaint_id is not None:  # linked to a 민원 alone
                case = uow.complaints.get(complaint_id)
                citizen_id = case.citizen_id if case else None
            on_case = f", 민원 #{complaint_id}" if complaint_id else ""
            ctx.audit(uow, "survey.answer", f"response:{done.response_id}",
                      f"{nfc(code).upper()} {mode}{on_case}", subject=citizen_id)
        uow.commit()
    return done


def store_response(uow: UnitOfWork, ctx: ServiceContext, code: str, mode: str, answers: dict[str, object],
                   seconds: int | None = None, complaint_id: int | None = None,
                   citizen_id: int | None = None, submitted_at: datetime | None = None,
                   form_no: str = "") -> Submitted:
    """`submit` inside the caller's transaction (the happy call records its attempt and the
    answers together). A linked response rating OVERALL 2 or lower leaves a callback task."""
    require_role(ctx.actor, ANSWER_ROLES, "survey.answer")
    if mode not in MODES:
        raise ValidationError("mode_unknown", field="mode", value=mode)
    linking = complaint_id is not None or citizen_id is not None
    if linking:
        require_role(ctx.actor, PERSONAL_DATA_ROLES, "survey.link")
    now = ctx.clock()
    if submitted_at is not None and not datetime(2000, 1, 1) <= submitted_at <= now:
        raise ValidationError("answer_date_range", field="date", value=submitted_at.date().isoformat())
    form_no, masked_no = mask_rrns(nfc(form_no))
    if len(form_no) > 20:
        raise ValidationError("too_long", field="form_no", max=20)
    survey = _survey(uow, code)
    state, version = _state(uow, survey)
    check_link(state, linking)
    q = Questionnaire.from_json(version["definition"])
    cleaned, masked = clean_answers(q, answers)
    flags = quality(q, cleaned, seconds).flags
    response_id = uow.surveys.add_response(version["id"], mode, submitted_at or now, seconds,
                                           ",".join(flags),
                                           [_row(item, value) for item, value in cleaned.items()],
                                           form_no or None)
    if linking:
        uow.surveys.link(response_id, complaint_id, citizen_id)
    reason = callback_reason(cleaned, bool(survey["linked"]) and linking)
    if reason is not None:
        uow.surveys.add_callback(response_id, complaint_id, reason, now)
    uow.surveys.freeze(version["id"], now)
    return Submitted(response_id, version["version"], flags, masked + masked_no,
                     reason is not None)


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


def _period(first: date, last: date) -> tuple[datetime, datetime]:
    """Days first…last (inclusive) as the midnights [start, end) the queries take."""
    if last < first:
        raise ValidationError("period_order", field="period")
    return (datetime.combine(first, datetime.min.time()),
            datetime.combine(last + timedelta(days=1), datetime.min.time()))


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
    phone: tuple[int, int, int] = (0, 0, 0)  # happy calls attempted, reached, completed
    response_rate: Estimate | None = None    # completed / reached (contacted), % (phone samples)
    moments: dict[str, Moments] | None = None  # per item, for the month-over-month tests
    scale_points: dict[str, int] | None = None  # k of each scale item
    elements_estimate: Estimate | None = None   # 요소만족도 with n and a conservative 95 % range
    cs_estimate: Estimate | None = None         # 종합 CS 지수 likewise


def summary(ctx: ServiceContext, code: str, first: date, last: date,
            population: int | None = None) -> Summary:
    """The indices of a period (inclusive), with n and 95 % intervals on every figure."""
    require_role(ctx.actor, SURVEY_ROLES | {"clerk"}, "survey.summary")
    with ctx.reading() as uow:
        return summary_in(uow, code, first, last, population)


def summary_in(uow: UnitOfWork, code: str, first: date, last: date,
               population: int | None = None) -> Summary:
    """summary read in the caller's open unit of work (the caller checked the role)."""
    start, end = _period(first, last)
    survey = _survey(uow, code)
    sums = uow.surveys.period_items(survey["id"], start, end)
    groups = uow.surveys.period_responses(survey["id"], start, end)
    # the phone sample's response rate belongs to the linked survey the calls asked
    phone = uow.surveys.phone_sample(survey["id"], start, end) if survey["linked"] else (0, 0, 0)
    q = Questionnaire.from_json(_current(uow, survey)["definition"])
    responses = sum(n for _, _, n in groups)
    # the frame holds the responses, not only an item's answers: checked once, against the
    # count the summary reports (an item's n, smaller, let a too small frame through or named
    # a count the summary never showed)
    if population is not None and population < responses:
        raise ValidationError("population_too_small", field="population", n=responses,
                              population=population)
    by_mode: dict[str, int] = {}
    flagged: dict[str, int] = {}
    for mode, flag, n in groups:
        by_mode[mode] = by_mode.get(mode, 0) + n
        for one in filter(None, flag.split(",")):
            flagged[one] = flagged.get(one, 0) + n
    scale_items = {i.code: i for i in q.items if i.type in SCALE_SIZE and i.type is not ItemType.MATRIX}
    moments: dict[str, Moments] = {}
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
    element_figure = element_estimate({c: e for c, e in items.items() if c in ELEMENT_CODES})
    _attempted, reached, completed = phone
    return Summary(code, first, last, responses, items, overall,
                   top_two_box(of("OVERALL"), 5, population), elements, recommend,
                   nps(of("RECOMMEND"), population),
                   cs_index(overall.value if overall.shown else None, elements,
                            recommend.value if recommend.shown else None), by_mode, flagged,
                   phone, proportion(completed, reached) if reached else None, moments,
                   {c: SCALE_SIZE[i.type] for c, i in scale_items.items()}, element_figure,
                   cs_estimate(overall, element_figure, recommend))


@dataclass(frozen=True)
class Trend:
    """This period against the one before, item by item: the change in 100-point score and
    whether it is significant (only then an arrow)."""
    current: Summary
    previous: Summary
    changes: dict[str, Change]  # items with 2+ answers in both periods


def month_trend(ctx: ServiceContext, code: str, month: date,
                population: int | None = None) -> Trend:
    """The month holding `month` and the month before, with Welch tests per scale item."""
    require_role(ctx.actor, SURVEY_ROLES | {"clerk"}, "survey.summary")
    with ctx.reading() as uow:
        return month_trend_in(uow, code, month, population)


def month_trend_in(uow: UnitOfWork, code: str, month: date,
                   population: int | None = None) -> Trend:
    first = month.replace(day=1)
    last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    before_last = first - timedelta(days=1)
    current = summary_in(uow, code, first, last, population)
    previous = summary_in(uow, code, before_last.replace(day=1), before_last)
    changes: dict[str, Change] = {}
    for item, k in (current.scale_points or {}).items():
        now, then = (current.moments or {}).get(item), (previous.moments or {}).get(item)
        # a change is a figure too: only between two months that may each be shown, or a
        # hidden month's score could be worked back from it
        if now and then and min(now.n, then.n) >= SUPPRESS_BELOW:
            changes[item] = moments_change(then, now, 100 / (k - 1))
    return Trend(current, previous, changes)


BREAKDOWN_DIMENSIONS = ("mode", "channel", "type", "category", "department", "group")


@dataclass(frozen=True)
class Group:
    label: str
    score: Estimate  # 100-point OVERALL of the group


def breakdown(ctx: ServiceContext, code: str, first: date, last: date, by: str,
              item: str = "OVERALL") -> list[Group]:
    """An item's 100-point score per channel, 민원 type, category (top level), department or
    customer group (linked responses), or per survey mode; n and suppression on each."""
    require_role(ctx.actor, SURVEY_ROLES | {"clerk"}, "survey.summary")
    if by not in BREAKDOWN_DIMENSIONS:
        raise ValidationError("breakdown_unknown", field="breakdown", value=by)
    with ctx.reading() as uow:
        return breakdown_in(uow, code, first, last, by, item)


def breakdown_in(uow: UnitOfWork, code: str, first: date, last: date, by: str,
                 item: str = "OVERALL") -> list[Group]:
    if by not in BREAKDOWN_DIMENSIONS:
        raise ValidationError("breakdown_unknown", field="breakdown", value=by)
    start, end = _period(first, last)
    survey = _survey(uow, code)
    q = Questionnaire.from_json(_current(uow, survey)["definition"])
    rows = uow.surveys.breakdown(survey["id"], start, end, by, item)
    k = SCALE_SIZE.get(q.item(item).type, 5) if item in {i.code for i in q.items} else 5
    return [Group(str(label or "—"), item_score(Moments(n, total, total_sq, not_applicable=na or 0), k))
            for label, n, total, total_sq, na in rows]


def flagged(ctx: ServiceContext, code: str, first: date, last: date) -> list[tuple[Any, ...]]:
    """The period's responses with a quality flag (id, submitted, mode, seconds, flags)."""
    require_role(ctx.actor, SURVEY_ROLES | {"clerk"}, "survey.summary")
    start, end = _period(first, last)
    with ctx.reading() as uow:
        return [tuple(r) for r in uow.surveys.flagged_responses(_survey(uow, code)["id"], start, end)]


# --- the survey list, callbacks, kiosk and phone settings ---------------------------------------

def surveys(ctx: ServiceContext) -> list[dict[str, Any]]:
    """Every survey: code, title, linked, current version, responses (staff screens; the
    kiosk reads only its own survey through `kiosk_setup` and `questionnaire`)."""
    require_role(ctx.actor, STAFF_ROLES, "survey.list")
    with ctx.reading() as uow:
        return uow.surveys.overview()


def callbacks(ctx: ServiceContext, open_only: bool = True) -> list[dict[str, Any]]:
    """The callbacks owed after low scores (applicant masked), for managers."""
    require_role(ctx.actor, SURVEY_ROLES, "survey.callbacks")
    with ctx.reading() as uow:
        rows = uow.surveys.callbacks(open_only)
    for row in rows:
        row["applicant"] = mask_name(row["applicant"] or "")
    return rows


def close_callback(ctx: ServiceContext, callback_id: int, note: str) -> Changes:
    """The manager called back: what was said, in the record and the audit log."""
    require_role(ctx.actor, SURVEY_ROLES, "survey.callback")
    note = nfc(note).strip()
    if not note:
        raise ValidationError("required", field="note")
    note = check_length(mask_rrns(note)[0], "note", 2000)  # refused, not cut: kept as typed
    with ctx.uow_factory() as uow:
        if not uow.surveys.close_callback(callback_id, ctx.clock(), ctx.actor.login, note):
            raise ConflictError("edited_elsewhere", field="callback")
        ctx.audit(uow, "survey.callback", f"callback:{callback_id}", note[:100],
                  subject=uow.surveys.callback_citizen(callback_id))
        uow.commit()
    return frozenset({"surveys"})


KIOSK_SURVEY, KIOSK_PIN, PHONE_SURVEY = "kiosk.survey", "kiosk.pin", "phone.survey"


@dataclass(frozen=True)
class KioskSetup:
    survey: str          # the survey the kiosk shows ("" until chosen)
    pin_set: bool


def kiosk_setup(ctx: ServiceContext) -> KioskSetup:
    require_role(ctx.actor, ANSWER_ROLES, "kiosk.view")  # the kiosk reads which survey to show
    with ctx.reading() as uow:
        return KioskSetup(uow.surveys.setting(KIOSK_SURVEY), bool(uow.surveys.setting(KIOSK_PIN)))


def set_kiosk(ctx: ServiceContext, code: str, pin: str | None = None) -> Changes:
    """Which survey the kiosk shows, and (when given) the staff PIN that leaves it. An
    anonymous survey only: the kiosk links no one."""
    require_role(ctx.actor, frozenset({"admin"}), "kiosk.setup")
    with ctx.uow_factory() as uow:
        survey = _survey(uow, nfc(code).upper())
        if survey["linked"]:
            raise ConflictError("kiosk_linked_survey", field="survey", survey=survey["code"])
        uow.surveys.set_setting(KIOSK_SURVEY, survey["code"])
        if pin is not None:
            uow.surveys.set_setting(KIOSK_PIN, hash_pin(pin))
        ctx.audit(uow, "kiosk.setup", survey["code"], "PIN 변경" if pin is not None else "")
        uow.commit()
    return frozenset({"surveys"})


def leave_kiosk(ctx: ServiceContext, pin: str) -> bool:
    """Whether the PIN opens the kiosk; every try is in the audit log."""
    require_role(ctx.actor, ANSWER_ROLES, "kiosk.exit")
    with ctx.uow_factory() as uow:
        stored = uow.surveys.setting(KIOSK_PIN)
        ok = bool(stored) and pin_matches(pin, stored)
        ctx.audit(uow, "kiosk.exit" if ok else "kiosk.exit_refused", "", "")
        uow.commit()
    return ok


def phone_survey(ctx: ServiceContext) -> str:
    """The linked survey the happy-call list asks (the last one chosen there)."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "happy_call.view")
    with ctx.reading() as uow:
        chosen = uow.surveys.setting(PHONE_SURVEY)
        if chosen and uow.surveys.by_code(chosen):
            return chosen
        linked = [s for s in uow.surveys.overview() if s["linked"] and s["active"]]
    return linked[0]["code"] if linked else ""
