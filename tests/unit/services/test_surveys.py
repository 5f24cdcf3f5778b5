"""만족도 조사 on the fakes: creating a survey, taking responses (anonymous, linked, refused),
the callback a low linked score leaves, and the sums a period's summary is computed from."""
from __future__ import annotations

from datetime import date, datetime

import pytest

from pcrm_desktop.domain.citizens import Citizen
from pcrm_desktop.domain.complaints import Channel, Intake
from pcrm_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from pcrm_desktop.domain.privacy import PermissionDenied
from pcrm_desktop.domain.surveys import TEMPLATES, Questionnaire
from pcrm_desktop.services import citizens, complaints, surveys
from tests.fakes import FIXED_NOW

MONDAY, TUESDAY = date(2026, 3, 2), date(2026, 3, 3)


@pytest.fixture
def counter(office):
    """The kiosk's anonymous survey (창구 template)."""
    surveys.create_survey(office.manager, "counter", "COUNTER", linked=False)
    return "COUNTER"


@pytest.fixture
def linked_case(office):
    """A linked phone survey and a 민원 with an applicant; (survey code, case id, applicant)."""
    surveys.create_survey(office.manager, "CALLS", "HAPPYCALL", linked=True)
    applicant = citizens.register_citizen(office.clerk, Citizen(None, "홍길동", 1970)).citizen_id
    case = complaints.receive(office.clerk, Intake(FIXED_NOW, Channel.VISIT, "inquiry", "가로등",
                                                   citizen_id=applicant)).complaint_id
    return "CALLS", case, applicant


def _written(office):
    s = office.db.committed
    return (office.db.commits, len(s.responses), len(s.answers), len(s.survey_links),
            len(s.callbacks), len(s.audit), {i: v["frozen_at"] for i, v in s.survey_versions.items()})


# --- creating and editing -------------------------------------------------------------------------

def test_a_manager_creates_a_survey_from_a_template(office):
    commits = office.db.commits
    assert surveys.create_survey(office.manager, "counter", "COUNTER", linked=False) == \
        frozenset({"surveys"})
    assert office.db.commits == commits + 1
    [survey] = office.db.committed.surveys.values()
    assert (survey["code"], survey["title"], survey["linked"]) == ("COUNTER", "창구 민원 만족도 조사", False)
    assert surveys.questionnaire(office.kiosk, "COUNTER") == (1, TEMPLATES["COUNTER"])
    [entry] = office.entries("survey.add")
    assert (entry.target, entry.detail) == ("COUNTER", "COUNTER, 익명")


@pytest.mark.parametrize("code, template, error", [
    ("COUNTER", "COUNTER", "survey_duplicate"),
    ("창구 설문!", "COUNTER", "survey_code_format"),
    ("NEW", "NOTHING", "template_unknown"),
])
def test_a_survey_that_cannot_be_made_is_refused(office, counter, code, template, error):
    before = _written(office)
    with pytest.raises((ConflictError, ValidationError)) as refused:
        surveys.create_survey(office.manager, code, template, linked=False)
    assert refused.value.code == error
    assert _written(office) == before


def test_a_clerk_may_not_make_or_edit_a_survey(office, counter):
    before = _written(office)
    with pytest.raises(PermissionDenied):
        surveys.create_survey(office.clerk, "MINE", "COUNTER", linked=False)
    with pytest.raises(PermissionDenied):
        surveys.edit_survey(office.clerk, counter, TEMPLATES["MINWON"])
    assert _written(office) == before


def test_editing_is_in_place_until_the_first_answer_then_a_new_version(office, counter):
    assert surveys.edit_survey(office.manager, counter, TEMPLATES["MINWON"]) == 1
    assert surveys.questionnaire(office.clerk, counter) == (1, TEMPLATES["MINWON"])
    first = surveys.submit(office.kiosk, counter, "kiosk", {"OVERALL": 5})
    assert first.version == 1
    assert surveys.edit_survey(office.manager, counter, TEMPLATES["COUNTER"]) == 2
    versions = sorted(office.db.committed.survey_versions.values(), key=lambda v: v["version"])
    assert [Questionnaire.from_json(v["definition"]) for v in versions] == \
        [TEMPLATES["MINWON"], TEMPLATES["COUNTER"]]  # the answered version kept its questions
    assert office.db.committed.responses[first.response_id]["version_id"] == versions[0]["id"]
    assert [e.detail for e in office.entries("survey.edit")] == ["v1", "v2"]


# --- taking responses ------------------------------------------------------------------------------

def test_an_anonymous_answer_is_stored_frozen_and_not_logged(office, counter):
    commits, logged = office.db.commits, len(office.db.audit)
    got = surveys.submit(office.kiosk, counter, "kiosk",
                         {"OVERALL": 5, "KIND": 4, "COMMENT": "친절했어요"}, seconds=40)
    assert office.db.commits == commits + 1
    assert (got.version, got.flags, got.callback) == (1, (), False)
    s = office.db.committed
    response = s.responses[got.response_id]
    assert (response["mode"], response["submitted_at"], response["seconds"]) == \
        ("kiosk", FIXED_NOW, 40)
    assert {item: (a["value_num"], a["value_text"]) for (_, item), a in s.answers.items()} == \
        {"OVERALL": (5.0, None), "KIND": (4.0, None), "COMMENT": (None, "친절했어요")}
    assert [v["frozen_at"] for v in s.survey_versions.values()] == [FIXED_NOW]
    assert len(office.db.audit) == logged  # anonymous: no personal data, no entry


@pytest.mark.parametrize("ctx_name, given, error", [
    ("kiosk", dict(answers={"OVERALL": 6}), ValidationError),        # off the 5-point scale
    ("kiosk", dict(answers={"KIND": 4}), ValidationError),           # OVERALL is required
    ("kiosk", dict(answers={"OVERALL": 4}, mode="fax"), ValidationError),
    ("clerk", dict(answers={"OVERALL": 4}, mode="paper",
                   submitted_at=datetime(2026, 3, 3, 9, 0)), ValidationError),  # tomorrow
    ("kiosk", dict(answers={"OVERALL": 4}, citizen_id=1), PermissionDenied),   # the kiosk links no one
    ("clerk", dict(answers={"OVERALL": 4}, citizen_id=1), ConflictError),      # an anonymous survey
    ("clerk", dict(answers={"OVERALL": 4}, code="NOTHING"), NotFoundError),
], ids=["out of scale", "required missing", "unknown mode", "future paper date",
        "kiosk linking", "linking an anonymous survey", "unknown survey"])
def test_a_refused_answer_writes_nothing_and_freezes_nothing(office, counter, ctx_name, given, error):
    citizens.register_citizen(office.clerk, Citizen(None, "홍길동", 1970))
    before = _written(office)
    call = {"code": counter, "mode": "kiosk", **given}
    with pytest.raises(error):
        surveys.submit(getattr(office, ctx_name), call.pop("code"), call.pop("mode"),
                       call.pop("answers"), **call)
    assert _written(office) == before


def test_a_low_linked_score_leaves_a_callback_in_the_same_commit(office, linked_case):
    code, case, applicant = linked_case
    commits = office.db.commits
    got = surveys.submit(office.clerk, code, "phone", {"OVERALL": 1}, complaint_id=case)
    assert got.callback and office.db.commits == commits + 1
    s = office.db.committed
    assert s.survey_links == [{"response_id": got.response_id, "complaint_id": case,
                               "citizen_id": None}]
    [callback] = s.callbacks.values()
    assert (callback["reason"], callback["complaint_id"], callback["done_at"]) == \
        ("OVERALL 1점", case, None)
    [entry] = office.entries("survey.answer")
    assert (entry.target, entry.detail, entry.subject_id) == \
        (f"response:{got.response_id}", f"CALLS phone, 민원 #{case}", applicant)
    [owed] = surveys.callbacks(office.manager)
    assert (owed["applicant"], owed["receipt_no"], owed["survey"]) == ("홍*동", "2026-000001", "CALLS")


def test_a_satisfied_linked_answer_owes_no_callback(office, linked_case):
    code, case, _ = linked_case
    assert not surveys.submit(office.clerk, code, "phone", {"OVERALL": 3}, complaint_id=case).callback
    assert office.db.committed.callbacks == {}


def test_a_callback_is_closed_once_with_what_was_said(office, linked_case):
    code, case, applicant = linked_case
    surveys.submit(office.clerk, code, "phone", {"OVERALL": 2}, complaint_id=case)
    [callback_id] = office.db.committed.callbacks
    with pytest.raises(ValidationError):
        surveys.close_callback(office.manager, callback_id, "  ")
    with pytest.raises(PermissionDenied):
        surveys.close_callback(office.clerk, callback_id, "통화함")
    surveys.close_callback(office.manager, callback_id, "사과드리고 재처리 안내")
    closed = office.db.committed.callbacks[callback_id]
    assert (closed["done_at"], closed["done_by"], closed["note"]) == \
        (FIXED_NOW, "manager1", "사과드리고 재처리 안내")
    assert office.entries("survey.callback")[0].subject_id == applicant
    commits = office.db.commits
    with pytest.raises(ConflictError):
        surveys.close_callback(office.manager, callback_id, "또 통화")
    assert office.db.commits == commits and surveys.callbacks(office.manager) == []


# --- what a summary is computed from ------------------------------------------------------------------

@pytest.fixture
def answered(office, counter):
    """Four responses on Monday, one on Tuesday."""
    for mode, answers in (("kiosk", {"OVERALL": 5, "RECOMMEND": 10}),
                          ("kiosk", {"OVERALL": 4, "RECOMMEND": 9}),
                          ("kiosk", {"ACCESS": 2, "KIND": 2, "EXPERT": 2, "SPEED": 2, "OVERALL": 2})):
        surveys.submit(office.kiosk, counter, mode, answers)
    surveys.submit(office.clerk, counter, "paper", {"OVERALL": 4, "RECOMMEND": 6},
                   submitted_at=datetime(2026, 3, 2, 8, 0), form_no="P-17")
    surveys.submit(office.at(office.kiosk, datetime(2026, 3, 3, 10, 0)), counter, "kiosk",
                   {"OVERALL": 1})
    return counter


def test_a_day_is_summed_from_its_answers(office, answered):
    got = surveys.summary(office.clerk, answered, MONDAY, MONDAY)
    assert got.responses == 4
    assert got.by_mode == {"kiosk": 3, "paper": 1}
    assert got.flagged == {"straight_lined": 1}  # five scale answers, all 2
    overall = got.moments["OVERALL"]
    # OVERALL 5, 4, 2, 4: n 4, Σx 15, Σx² 25 + 16 + 4 + 16 = 61, 4 and over: 3
    assert (overall.n, overall.total, overall.total_sq, overall.top_two) == (4, 15.0, 61.0, 3)
    # 100 points: (mean − 1) / 4 × 100 = (3.75 − 1) × 25 = 68.75; top two 3 / 4 = 75 %
    assert got.items["OVERALL"].value == pytest.approx(68.75)
    assert got.overall_top_two.value == pytest.approx(75.0)
    # RECOMMEND 10, 9, 6 (one response skipped it): mean 25 / 3 × 10; NPS (2 − 1) / 3
    assert got.moments["RECOMMEND"].n == 3 and got.moments["RECOMMEND"].skipped == 1
    assert got.recommend.value == pytest.approx(250 / 3)
    assert got.nps.value == pytest.approx(100 / 3)
    assert got.moments["ACCESS"].n == 1 and got.moments["ACCESS"].skipped == 3


def test_the_period_is_whole_days_inclusive(office, answered):
    both = surveys.summary(office.clerk, answered, MONDAY, TUESDAY)
    assert both.responses == 5
    assert (both.moments["OVERALL"].n, both.moments["OVERALL"].total) == (5, 16.0)
    assert surveys.summary(office.clerk, answered, TUESDAY, TUESDAY).responses == 1


def test_a_summary_checks_its_period_and_frame(office, answered):
    with pytest.raises(ValidationError) as refused:
        surveys.summary(office.clerk, answered, TUESDAY, MONDAY)
    assert refused.value.code == "period_order"
    with pytest.raises(ValidationError) as refused:
        surveys.summary(office.clerk, answered, MONDAY, MONDAY, population=3)  # 4 answered
    assert refused.value.code == "population_too_small"
    with pytest.raises(PermissionDenied):
        surveys.summary(office.kiosk, answered, MONDAY, MONDAY)


def test_breakdown_by_mode_and_the_flagged_list(office, answered):
    groups = {g.label: g.score
              for g in surveys.breakdown(office.clerk, answered, MONDAY, MONDAY, "mode")}
    # kiosk OVERALL 5, 4, 2 → mean 11 / 3; paper 4
    assert groups["kiosk"].n == 3 and groups["kiosk"].value == pytest.approx((11 / 3 - 1) * 25)
    assert groups["paper"].n == 1 and groups["paper"].value == pytest.approx(75.0)
    [flagged] = surveys.flagged(office.clerk, answered, MONDAY, MONDAY)
    assert flagged[2:] == ("kiosk", None, "straight_lined")
