"""Every free-text field a person types, through its service on a real database: 1 MB of text,
emoji, control characters, right-to-left text, Hangul typed as NFD (macOS), formulas, lone
surrogates. Each is stored and read back as typed (NFC, trimmed, RRNs masked: the documented
normalisation) or refused with a ValidationError whose Korean message exists — and then the
database is exactly as before. No field takes 1 MB: each has a limit (the column's declared
length where it has one), and every text is encodable as UTF-8 before it reaches SQLite."""
from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from pcrm_desktop.domain.actions import ActionStatus, Draft
from pcrm_desktop.domain.citizens import Address, Citizen
from pcrm_desktop.domain.complaints import Action, Channel, Intake, NoticeMethod, Result
from pcrm_desktop.domain.errors import DomainError, ValidationError
from pcrm_desktop.domain.groups import SearchRule
from pcrm_desktop.domain.happy_call import Outcome, SamplingRule
from pcrm_desktop.domain.office import OfficeProfile
from pcrm_desktop.domain.text import mask_rrns
from pcrm_desktop.services import (
    accounts,
    actions,
    calendar,
    categories,
    citizens,
    complaints,
    groups,
    happy_calls,
    surveys,
)
from pcrm_desktop.services import (
    office as office_services,
)
from tests.hypothesis.conftest import LINKED, NOW, SURVEY
from tests.hypothesis.hostile import (
    CONTROL,
    EMOJI,
    FORMULAS,
    MB,
    RTL,
    assert_clear,
    examples,
    nfc_trimmed,
    short_text,
    surrogate_text,
)

with_office = settings(max_examples=examples(8),
                       suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def one(office, sql: str, *args):
    """The first column of the first row, or "" when there is none (an empty answer is no answer)."""
    conn = sqlite3.connect(f"file:{office.path}?mode=ro", uri=True)
    try:
        row = conn.execute(sql, args).fetchone()
        return "" if row is None or row[0] is None else row[0]
    finally:
        conn.close()


def outcome(text: str) -> None:
    """Counted for --hypothesis-show-statistics (outside a Hypothesis test: nothing)."""
    from hypothesis.control import currently_in_test_context
    if currently_in_test_context():
        event(text)


def masked(text: str) -> str:
    return mask_rrns(nfc_trimmed(text))[0]


# --- what each field needs around it -----------------------------------------------------------------

def person(office, **fields) -> int:
    return citizens.register_citizen(office.ctx, Citizen(None, fields.pop("name", "홍길동"), **fields),
                                     allow_duplicate=True).citizen_id


def case(office, **fields) -> int:
    intake = Intake(NOW, fields.pop("channel", Channel.VISIT), "inquiry", fields.pop("title", "문의"),
                    **fields)
    return complaints.receive(office.ctx, intake).complaint_id


def version(office, complaint_id: int) -> int:
    return one(office, "SELECT version FROM complaints WHERE id = ?", complaint_id)


def started(office) -> int:
    complaint_id = case(office)
    complaints.act(office.ctx, complaint_id, Action.START, version(office, complaint_id))
    return complaint_id


def act(office, action: Action, complaint_id: int | None = None, **kw) -> int:
    complaint_id = complaint_id or started(office)
    complaints.act(office.ctx, complaint_id, action, version(office, complaint_id), **kw)
    return complaint_id


def last_event(office, complaint_id: int) -> str:
    return one(office, "SELECT note FROM complaint_events WHERE complaint_id = ? ORDER BY id DESC LIMIT 1",
               complaint_id)


def call(office) -> int:
    """A pending 해피콜: a finished case of the week, sampled."""
    who = person(office, phones=("010-1234-5678",))
    complaint_id = case(office, citizen_id=who)
    act(office, Action.COMPLETE, complaint_id, result=Result.ACCEPTED, answer="안내")
    happy_calls.sample_week(office.ctx, NOW.date() - __import__("datetime").timedelta(days=NOW.weekday()),
                            SamplingRule(share=1.0))
    return one(office, "SELECT id FROM happy_calls WHERE complaint_id = ?", complaint_id)


def callback(office) -> int:
    """A manager's call-back task: a linked answer of OVERALL 1."""
    complaint_id = case(office, citizen_id=person(office))
    done = surveys.submit(office.ctx, LINKED, "phone", {"OVERALL": 1}, complaint_id=complaint_id)
    assert done.callback
    return one(office, "SELECT id FROM survey_callbacks WHERE response_id = ?", done.response_id)


def action(office, **fields) -> int:
    draft = {"title": "대기시간 줄이기", "measure": "번호표", "figure_key": "all", "metric": "on_time",
             "figure_label": "전체 기한 내 처리율", "baseline_first": date(2026, 1, 1),
             "baseline_last": date(2026, 1, 31)}
    return actions.create(office.ctx, Draft(**(draft | fields)))


def done_action(office) -> int:
    """An action whose measure is done: ready to be evaluated."""
    action_id = action(office)
    for status in (ActionStatus.IN_PROGRESS, ActionStatus.DONE):
        actions.move(office.ctx, action_id, one(office, "SELECT version FROM improvement_actions"
                                                        " WHERE id = ?", action_id), status)
    return action_id


def evaluated(office, action_id: int, text: str) -> int:
    actions.evaluate(office.ctx, action_id, one(office, "SELECT version FROM improvement_actions WHERE id = ?",
                                                action_id), date(2026, 2, 1), date(2026, 2, 28), text)
    return action_id


@dataclass(frozen=True)
class Field:
    name: str
    save: Callable             # (office, prepared, text) → a key to read the stored text by
    read: Callable             # (office, key) → the stored text
    expect: Callable = masked  # text → what is stored
    prepare: Callable = lambda office: None  # what the field needs around it (a resident, a case)


def citizen_field(name: str, column: str, build) -> Field:
    return Field(name, lambda o, _, t: person(o, **build(t)),
                 lambda o, k: one(o, f"SELECT {column} FROM citizens WHERE id = ?", k))


def last_id(office, table: str) -> int:
    return one(office, f"SELECT max(rowid) FROM {table}")


def started_case(office) -> int:
    return started(office)


FIELDS = [
    citizen_field("주민 이름", "name", lambda t: {"name": t}),
    citizen_field("주민 전자우편", "email", lambda t: {"email": t}),
    citizen_field("주민 주소", "road", lambda t: {"address": Address(road=t)}),
    citizen_field("주민 상세주소", "address_detail", lambda t: {"address": Address(detail=t)}),
    citizen_field("주민 법정동코드", "dong_code", lambda t: {"address": Address(dong_code=t)}),
    citizen_field("주민 동", "dong_name", lambda t: {"address": Address(dong_name=t)}),
    citizen_field("주민 메모", "memo", lambda t: {"memo": t}),
    Field("주민 수정(메모)", lambda o, who, t: citizens.update_citizen(
        o.ctx, Citizen(who, "홍길동", memo=t, version=1)).citizen_id,
        lambda o, k: one(o, "SELECT memo FROM citizens WHERE id = ?", k), prepare=person),
    Field("상담 내용", lambda o, who, t: citizens.add_interaction(o.ctx, who, "visit", "visit", t) and
          last_id(o, "interactions"),
          lambda o, k: one(o, "SELECT summary FROM interactions WHERE rowid = ?", k), prepare=person),
    Field("동의 목적", lambda o, who, t: citizens.add_consent(o.ctx, who, t, "전화번호", 12, "written") and
          last_id(o, "consents"),
          lambda o, k: one(o, "SELECT purpose FROM consents WHERE rowid = ?", k), prepare=person),
    Field("동의 항목", lambda o, who, t: citizens.add_consent(o.ctx, who, "안내", t, 12, "written") and
          last_id(o, "consents"),
          lambda o, k: one(o, "SELECT items FROM consents WHERE rowid = ?", k), prepare=person),
    Field("열람 사유", lambda o, who, t: citizens.reveal(o.ctx, who, "phones", t) and last_id(o, "audit_log"),
          lambda o, k: one(o, "SELECT reason FROM audit_log WHERE rowid = ?", k),
          prepare=lambda o: person(o, phones=("010-1234-5678",))),
    Field("민원 제목", lambda o, _, t: case(o, title=t),
          lambda o, k: one(o, "SELECT title FROM complaints WHERE id = ?", k)),
    Field("민원 내용", lambda o, _, t: case(o, content=t),
          lambda o, k: one(o, "SELECT content FROM complaints WHERE id = ?", k)),
    Field("민원 주소", lambda o, _, t: case(o, road=t),
          lambda o, k: one(o, "SELECT road FROM complaints WHERE id = ?", k)),
    Field("민원 동", lambda o, _, t: case(o, dong_name=t),
          lambda o, k: one(o, "SELECT dong_name FROM complaints WHERE id = ?", k)),
    Field("국민신문고 번호", lambda o, _, t: case(o, channel=Channel.EPEOPLE, epeople_no=t),
          lambda o, k: one(o, "SELECT epeople_no FROM complaints WHERE id = ?", k)),
    Field("보류 사유", lambda o, c, t: act(o, Action.HOLD, c, note=t), last_event, prepare=started_case),
    Field("회신 내용", lambda o, c, t: act(o, Action.COMPLETE, c, result=Result.ACCEPTED, answer=t),
          lambda o, k: one(o, "SELECT answer FROM complaints WHERE id = ?", k), prepare=started_case),
    Field("이송 기관", lambda o, c, t: act(o, Action.TRANSFER, c, agency=t),
          lambda o, k: one(o, "SELECT transferred_to FROM complaints WHERE id = ?", k), prepare=started_case),
    Field("통지문", lambda o, c, t: act(o, Action.NOTICE, c, notice=(NoticeMethod.SMS, t)), last_event,
          lambda t: f"[문자 통지] {masked(t)}", prepare=started_case),
    Field("해피콜 메모", lambda o, c, t: happy_calls.record_attempt(o.ctx, c, Outcome.NO_ANSWER, t) and
          last_id(o, "happy_call_attempts"),
          lambda o, k: one(o, "SELECT note FROM happy_call_attempts WHERE rowid = ?", k), prepare=call),
    Field("회신 요청 처리 메모", lambda o, c, t: surveys.close_callback(o.ctx, c, t) and c,
          lambda o, k: one(o, "SELECT note FROM survey_callbacks WHERE id = ?", k), prepare=callback),
    Field("설문 서술형 답", lambda o, _, t: surveys.submit(o.ctx, SURVEY, "paper", {"TXT": t}).response_id,
          lambda o, k: one(o, "SELECT value_text FROM survey_answers WHERE response_id = ? AND item = 'TXT'", k)),
    Field("설문 양식 번호", lambda o, _, t: surveys.submit(o.ctx, SURVEY, "paper", {"OVERALL": 3},
                                                     form_no=t).response_id,
          lambda o, k: one(o, "SELECT form_no FROM survey_responses WHERE id = ?", k)),
    Field("개선과제 제목", lambda o, _, t: action(o, title=t),
          lambda o, k: one(o, "SELECT title FROM improvement_actions WHERE id = ?", k)),
    Field("개선 조치", lambda o, _, t: action(o, measure=t),
          lambda o, k: one(o, "SELECT measure FROM improvement_actions WHERE id = ?", k)),
    Field("개선과제 평가 메모", evaluated,
          lambda o, k: one(o, "SELECT evaluation FROM improvement_actions WHERE id = ?", k),
          lambda t: "판단 불가" + (f" — {masked(t)}" if masked(t) else ""), prepare=done_action),
    # (the figure's label is the program's own text, cut at 200 by clean_draft: not typed)
    Field("고객집단 이름", lambda o, _, t: groups.save_smart_group(o.ctx, t, SearchRule(text="홍")) and
          last_id(o, "customer_groups"),
          lambda o, k: one(o, "SELECT name FROM customer_groups WHERE rowid = ?", k), nfc_trimmed),
    Field("민원 분류 이름", lambda o, _, t: categories.add_category(o.ctx, t) and
          last_id(o, "complaint_categories"),
          lambda o, k: one(o, "SELECT name FROM complaint_categories WHERE rowid = ?", k), nfc_trimmed),
    Field("부서 이름", lambda o, _, t: office_services.add_department(o.ctx, t) and last_id(o, "departments"),
          lambda o, k: one(o, "SELECT name FROM departments WHERE rowid = ?", k), nfc_trimmed),
    Field("직원 이름", lambda o, _, t: office_services.add_staff(
        o.ctx, t, f"user{one(o, 'SELECT count(*) FROM staff')}", "clerk") and last_id(o, "staff"),
          lambda o, k: one(o, "SELECT name FROM staff WHERE rowid = ?", k), nfc_trimmed),
    Field("기관 이름", lambda o, _, t: office_services.update_office(o.ctx, OfficeProfile(t)) and 1,
          lambda o, k: one(o, "SELECT name FROM office"), nfc_trimmed),
    Field("기관 주소", lambda o, _, t: office_services.update_office(o.ctx, OfficeProfile("청운동", address=t)) and 1,
          lambda o, k: one(o, "SELECT address FROM office")),
    Field("쉬는 날 이름", lambda o, _, t: calendar.add_holiday(o.ctx, date(2026, 3, 4), t) and 1,
          lambda o, k: one(o, "SELECT name FROM holidays WHERE day = '2026-03-04' AND active = 1"),
          nfc_trimmed),
]
NAMES = [f.name for f in FIELDS]
IDS = ["citizen-name", "citizen-email", "citizen-road", "citizen-detail", "citizen-dong-code",
       "citizen-dong", "citizen-memo", "citizen-update-memo", "interaction-summary", "consent-purpose",
       "consent-items", "reveal-reason", "complaint-title", "complaint-content", "complaint-road",
       "complaint-dong", "epeople-no", "hold-note", "answer", "transfer-agency", "notice-text",
       "happy-call-note", "callback-note", "survey-text-answer", "survey-form-no", "action-title",
       "action-measure", "action-evaluation", "group-name", "category-name", "department-name",
       "staff-name", "office-name", "office-address", "holiday-name"]
SAMPLES = {
    "1 MB": "가" * MB, "1 MB of emoji": "👨‍👩‍👧‍👦" * (MB // 7), "NUL": "홍\x00길동",
    "controls": "가" + CONTROL + "나", "zero width and BOM": "\ufeff홍\u200b길동",
    "right to left": f"\u202e동길홍 {RTL[0]} {RTL[1]}",
    "NFD Hangul": "\u1112\u1169\u11bc\u1100\u1175\u11af\u1103\u1169\u11bc",
    "formula": FORMULAS[0], "emoji": "".join(EMOJI),
    "lone surrogate": "홍\ud800길동", "surrogate pair as two": "\ud83d\ude00",
}


def check(office, field: Field, text: str) -> str:
    """Save through the service; read back what it stored, or check that the refusal was
    clean and left the database exactly as it was."""
    prepared = field.prepare(office)
    watcher = sqlite3.connect(f"file:{office.path}?mode=ro", uri=True)
    try:
        # PRAGMA data_version moves when another connection commits: a refusal commits nothing
        before = watcher.execute("PRAGMA data_version").fetchone()[0]
        key = field.save(office, prepared, text)
    except DomainError as error:
        assert isinstance(error, ValidationError), f"{field.name}: {error!r}"
        assert_clear(error)
        after = watcher.execute("PRAGMA data_version").fetchone()[0]
        assert after == before, f"{field.name}: {error!r} committed something"
        outcome(f"refused: {error.code}")
        return "refused"
    finally:
        watcher.close()
    stored = field.read(office, key)
    assert stored == field.expect(text), f"{field.name}: stored {stored[:80]!r}"
    stored.encode("utf-8")
    outcome("stored")
    return "stored"


@pytest.mark.parametrize("name", NAMES, ids=IDS)
def test_every_field_with_every_hostile_sample(office, name):
    field = FIELDS[NAMES.index(name)]
    for sample, text in SAMPLES.items():
        outcome = check(office, field, text)
        if sample.startswith("1 MB"):
            assert outcome == "refused", f"{name} took {sample}"
        if "surrogate" in sample:
            assert outcome == "refused", f"{name} took a {sample}"


@with_office
@given(text=st.one_of(short_text, short_text, short_text, surrogate_text))
@pytest.mark.parametrize("name", NAMES, ids=IDS)
def test_every_field_with_generated_text(office, name, text):
    check(office, FIELDS[NAMES.index(name)], text)


# --- text that is searched for, or checked, rather than stored ----------------------------------------

searched = st.one_of(short_text, st.sampled_from(['"', "'", "*", "NEAR(", "a OR b", "-", "^", "%", "_", "\\",
                                                  '"홍" AND', "가*", "(", ")", ":", "col:홍", "\x00",
                                                  "가\x00나다라", "\x0000", "민원\x00"]),
                     surrogate_text)


@with_office
@given(query=searched)
def test_searches_take_any_text(office, query):
    """The resident search (FTS5 trigram, grams, LIKE) and the 민원 title filter: a result or a
    clean refusal, never an FTS5 syntax error."""
    from pcrm_desktop.domain.complaint_queues import QueueFilter
    person(office, name="홍길동", address=Address(road="서울특별시 종로구 자하문로 92"))
    for run in (lambda: citizens.search(office.ctx, query),
                lambda: citizens.search(office.ctx, query, rule=SearchRule(text=query, dong_name=query)),
                lambda: complaints.queue(office.ctx, QueueFilter(queue="all", text=query)),
                lambda: groups.save_smart_group(office.ctx, "저장 검색", SearchRule(text=query))):
        try:
            run()
        except DomainError as error:
            assert_clear(error)


@with_office
@given(login=searched, password=searched)
def test_sign_in_and_kiosk_pin_take_any_text(office, login, password):
    for run in (lambda: accounts.sign_in(office.ctx, login, password),
                lambda: surveys.leave_kiosk(office.ctx, password)):
        try:
            run()
        except DomainError as error:
            assert_clear(error)


def test_the_samples_cover_the_brief():
    assert len(IDS) == len(set(IDS)) == len(NAMES)
    assert {"1 MB", "NUL", "controls", "right to left", "NFD Hangul", "emoji", "lone surrogate"} <= set(SAMPLES)
    assert "\x1b" in SAMPLES["controls"] and "\u202e" in SAMPLES["right to left"]
    assert datetime(2026, 3, 2) <= NOW
