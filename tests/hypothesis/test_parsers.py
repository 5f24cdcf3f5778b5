"""Every parser of typed or imported text, fed anything: it returns its kind of value or
refuses with a DomainError whose Korean message exists. Never another exception."""
from __future__ import annotations

import json
import unicodedata
from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pcrm_desktop.cli import data as cli_data
from pcrm_desktop.cli import shared as cli_shared
from pcrm_desktop.domain import (
    accounts,
    citizens,
    paper_forms,
    phone,
    privacy,
    retention,
    surveys,
    text,
)
from pcrm_desktop.domain.errors import DomainError, ValidationError
from pcrm_desktop.domain.office import (
    OfficeProfile,
    Role,
    validate_department_names,
    validate_staff,
)
from pcrm_desktop.services import complaint_import, survey_import
from pcrm_desktop.services.tabular import detect_encoding
from tests.hypothesis.hostile import (
    CONTROL,
    FORMULAS,
    HUGE_EXAMPLES,
    assert_clear,
    huge_text,
    nfc_trimmed,
    short_text,
    surrogate_text,
)

NOW = datetime(2026, 3, 2, 9, 30)
any_text = st.one_of(short_text, short_text, short_text, surrogate_text)


def refused_clearly(call, *args):
    """The call's value, or None after a clear DomainError (anything else fails the test)."""
    try:
        return call(*args)
    except DomainError as error:
        assert_clear(error)
        return None


# --- dates and numbers -------------------------------------------------------------------------

@given(any_text)
def test_parse_moment_never_crashes(value):
    got = refused_clearly(complaint_import.parse_moment, value)
    assert got is None or isinstance(got, datetime)


@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 12, 31)),
       st.sampled_from(["%m/%d/%Y %I:%M:%S %p", "%Y-%m-%d %H:%M:%S", "%Y.%m.%d %H:%M:%S",
                        "%Y년 %m월 %d일 %H:%M:%S", "%Y-%m-%dT%H:%M:%S"]))
def test_parse_moment_reads_what_offices_write(moment, layout):
    moment = moment.replace(microsecond=0)
    assert complaint_import.parse_moment(moment.strftime(layout)) == moment
    nfd = unicodedata.normalize("NFD", moment.strftime(layout))  # macOS-typed 년월일
    assert complaint_import.parse_moment(nfd) == moment


@given(any_text)
def test_response_date_never_crashes(value):
    got = refused_clearly(survey_import._response_date, value, NOW)
    assert got is None or survey_import.EARLIEST <= got <= NOW


@given(any_text)
def test_birth_year_never_crashes(value):
    got = refused_clearly(citizens.parse_birth_year, value)
    assert got is None or isinstance(got, int)


@given(any_text)
def test_cli_day_never_crashes(value):
    got = refused_clearly(cli_shared.day, value, "from")
    assert got is None or isinstance(got, date)


@given(st.one_of(any_text, st.sampled_from(["2026-03", "2026-13", "0-1", "99999-01", "2026-03-01", "²⁰²⁶-03"])))
def test_cli_month_never_crashes(value):
    import argparse

    from pcrm_desktop.cli import reports as cli_reports
    got = refused_clearly(cli_reports._month, argparse.Namespace(month=value))
    assert got is None or (isinstance(got, date) and got.day == 1)


@given(st.one_of(any_text, st.integers(), st.floats(), st.booleans(), st.none()),
       st.sampled_from(list(retention.Kind)))
def test_retention_months_never_crash(value, kind):
    got = refused_clearly(retention.check_months, kind, value)
    assert got is None or retention.RULES[kind].minimum_months <= got <= retention.MAXIMUM_MONTHS
    refused_clearly(retention.kind_of, value if isinstance(value, str) else str(value))


# --- phones, names, RRNs -----------------------------------------------------------------------

@given(any_text)
def test_phone_is_canonical_or_refused(value):
    got = refused_clearly(phone.normalize_phone, value)
    if got is not None:
        assert phone.normalize_phone(got) == got  # canonical is a fixed point
        assert phone.CANONICAL.fullmatch(got)
        assert phone.mask_phone(got).count("*") >= 4
    phone.digits_of(value)


@given(any_text)
def test_text_rules_never_crash(value):
    clean = refused_clearly(text.nfc, value)
    if clean is not None:
        assert clean == nfc_trimmed(value)
        assert text.nfc(clean) == clean
    masked, _ = text.mask_rrns(value)
    assert text.find_rrns(masked) == []
    assert text.mask_rrns(masked) == (masked, 0)
    text.mask_email(value)
    if clean is not None:
        text.mask_name(value)
        citizens.split_name(value)


# --- whole records (every free field at once) ----------------------------------------------------

@given(name=any_text, email=any_text, road=any_text, detail=any_text, dong=any_text,
       code=any_text, memo=any_text, phones=st.lists(any_text, max_size=2))
def test_clean_citizen_saves_or_refuses(name, email, road, detail, dong, code, memo, phones):
    citizen = citizens.Citizen(None, name, phones=tuple(phones), email=email,
                               address=citizens.Address(road, detail, code, dong), memo=memo)
    cleaned = refused_clearly(citizens.clean_citizen, citizen, NOW.date())
    if cleaned is not None:
        c = cleaned.citizen
        assert c.name == nfc_trimmed(name) and 0 < len(c.name) <= 50
        assert c.memo == text.mask_rrns(nfc_trimmed(memo))[0]
        for field in (c.name, c.email, c.memo, *c.phones, c.address.road, c.address.detail,
                      c.address.dong_name, c.address.dong_code):
            field.encode("utf-8")  # storable


@given(title=any_text, content=any_text, road=any_text, dong=any_text, epeople=any_text)
def test_clean_intake_saves_or_refuses(title, content, road, dong, epeople):
    from pcrm_desktop.domain.complaints import Channel, Intake, clean_intake
    intake = Intake(NOW, Channel.EPEOPLE, "inquiry", title, content, road=road, dong_name=dong,
                    epeople_no=epeople)
    got = refused_clearly(clean_intake, intake, NOW)
    if got is not None:
        cleaned, _ = got
        assert 0 < len(cleaned.title) <= 200 and len(cleaned.content) <= 20000
        for field in (cleaned.title, cleaned.content, cleaned.road, cleaned.dong_name,
                      cleaned.epeople_no):
            field.encode("utf-8")


@given(name=any_text, code=any_text, address=any_text, tel=any_text, staff=any_text,
       login=any_text, role=any_text, departments=st.lists(any_text, max_size=3))
def test_office_texts_save_or_refuse(name, code, address, tel, staff, login, role, departments):
    profile = refused_clearly(OfficeProfile(name, code, address, tel).validated)
    if profile is not None:
        assert profile.name == nfc_trimmed(name) and len(profile.name) <= 100
    refused_clearly(validate_department_names, departments)
    refused_clearly(validate_staff, staff, login, role)
    refused_clearly(Role.parse, role)


@given(title=any_text, measure=any_text, label=any_text, key=any_text)
def test_action_draft_saves_or_refuses(title, measure, label, key):
    from pcrm_desktop.domain.actions import Draft, clean_draft
    draft = Draft(title, measure, key, "on_time", label, date(2026, 1, 1), date(2026, 1, 31))
    got = refused_clearly(clean_draft, draft, NOW.date())
    if got is not None:
        assert len(got.title) <= 200 and len(got.measure) <= 4000 and len(got.figure_label) <= 200


@given(any_text)
def test_reasons_passwords_and_pins_never_crash(value):
    reason = refused_clearly(privacy.clean_reason, value)
    assert reason is None or 0 < len(reason) <= privacy.REASON_MAX
    refused_clearly(accounts.check_password, value, "hong")
    refused_clearly(surveys.check_pin, value)
    assert accounts.secret_matches(value, accounts.hash_secret("Demo#2026!", n=2 ** 10)) in (True, False)
    assert surveys.pin_matches(value, "00$00") is False


# Named cases beside the fuzz test above, which takes either outcome: these must be taken
# (as shown) and these must be refused.
@pytest.mark.parametrize("typed, pin", [("1234", "1234"), (" 20260 ", "20260"),
                                        ("12345678", "12345678"), ("0000", "0000")],
                         ids=["four digits", "spaces around", "eight digits", "zeros"])
def test_a_pin_is_taken(typed, pin):
    assert surveys.check_pin(typed) == pin


@pytest.mark.parametrize("typed", ["123", "123456789", "12a4", "１２３４", "12 34", "", "٣٤٥٦"],
                         ids=["three digits", "nine digits", "a letter", "full-width digits",
                              "a space inside", "empty", "Arabic-Indic digits"])
def test_a_pin_is_refused(typed):
    with pytest.raises(ValidationError) as refused:
        surveys.check_pin(typed)
    assert refused.value.code == "pin_format"


# --- survey answers --------------------------------------------------------------------------------

ITEMS = [
    surveys.Item("S5", surveys.ItemType.SCALE5, "척도", surveys.SCALE5_LABELS, allow_na=True),
    surveys.Item("S7", surveys.ItemType.SCALE7, "척도7"),
    surveys.Item("REC", surveys.ItemType.RECOMMEND, "추천"),
    surveys.Item("NUM", surveys.ItemType.NUMBER, "숫자"),
    surveys.Item("YN", surveys.ItemType.YES_NO, "예/아니오"),
    surveys.Item("DAY", surveys.ItemType.DATE, "날짜"),
    surveys.Item("ONE", surveys.ItemType.SINGLE, "하나", ("민원실", "누리집", "=cmd|' /C calc'!A0"),
                 other_text=True),
    surveys.Item("MANY", surveys.ItemType.MULTI, "여럿", ("민원실", "누리집", "전화")),
    surveys.Item("MAT", surveys.ItemType.MATRIX, "행렬", ("친절", "신속")),
    surveys.Item("TXT", surveys.ItemType.LONG_TEXT, "의견"),
    surveys.Item("SHORT", surveys.ItemType.SHORT_TEXT, "한 줄", max_length=100),
]
answer_value = st.one_of(any_text, st.integers(), st.floats(), st.booleans(), st.none(),
                         st.lists(any_text, max_size=3), st.sampled_from(["NA", "9", "1", "1 3", "13"]))


@given(st.sampled_from(ITEMS), answer_value)
def test_one_answer_is_valid_or_refused(item, value):
    got = refused_clearly(surveys.check_answer, item, value)
    if isinstance(got, str):
        got.encode("utf-8")
        if item.type in (surveys.ItemType.SHORT_TEXT, surveys.ItemType.LONG_TEXT):
            assert len(got) <= item.max_length


def _item(code: str) -> surveys.Item:
    return next(i for i in ITEMS if i.code == code)


@pytest.mark.parametrize("code, value, taken", [
    ("S5", 4, 4), ("S5", "3", 3), ("S5", 5.0, 5), ("S5", "NA", "NA"), ("S7", 7, 7),
    ("REC", 0, 0), ("REC", "10", 10), ("NUM", "2.5", 2.5), ("NUM", -3, -3.0),
    ("YN", True, True), ("YN", "예", True), ("YN", "no", False),
    ("DAY", "2026-03-02", "2026-03-02"), ("ONE", "누리집", "누리집"), ("ONE", "기타: 우편", "기타: 우편"),
    ("MANY", ["민원실", "전화"], ["민원실", "전화"]), ("MANY", "전화", ["전화"]),
    ("SHORT", "가" * 100, "가" * 100), ("S5", None, None), ("TXT", "", None),
], ids=lambda v: repr(v)[:20])
def test_one_answer_is_taken(code, value, taken):
    assert surveys.check_answer(_item(code), value) == taken


@pytest.mark.parametrize("code, value, error", [
    ("S5", 6, "answer_invalid"), ("S5", 0, "answer_invalid"), ("S5", 3.5, "answer_invalid"),
    ("S5", True, "answer_invalid"), ("S5", " 3", "answer_invalid"), ("S5", "３", "answer_invalid"),
    ("S7", "NA", "answer_na_not_allowed"), ("REC", 11, "answer_invalid"),
    ("NUM", "inf", "answer_invalid"), ("NUM", True, "answer_invalid"),
    ("YN", "maybe", "answer_invalid"), ("DAY", "2026-02-30", "answer_invalid"),
    ("ONE", "우체국", "answer_invalid"), ("MANY", ["민원실", "민원실"], "answer_invalid"),
    ("SHORT", "가" * 101, "answer_invalid"),
], ids=lambda v: repr(v)[:20])
def test_one_answer_is_refused(code, value, error):
    with pytest.raises(ValidationError) as refused:
        surveys.check_answer(_item(code), value)
    assert (refused.value.code, refused.value.params["item_code"]) == (error, code)


@given(st.sampled_from(ITEMS), any_text)
def test_paper_typing_is_valid_or_refused(item, typed):
    refused_clearly(paper_forms.from_paper, item, typed)


@pytest.mark.parametrize("code, typed, taken", [
    ("S5", "4", 4), ("S5", "9", "NA"), ("S7", " 7 ", 7), ("ONE", "2", "누리집"),
    ("MANY", "1 3", ["민원실", "전화"]), ("MANY", "13", ["민원실", "전화"]), ("MANY", "3,1", ["전화", "민원실"]),
    ("YN", "1", True), ("YN", "2", False), ("DAY", "20260302", "2026-03-02"),
    ("DAY", "2026-03-02", "2026-03-02"), ("TXT", "  친절했어요 ", "친절했어요"), ("S5", "   ", None),
], ids=lambda v: repr(v)[:20])
def test_paper_typing_is_taken(code, typed, taken):
    assert paper_forms.from_paper(_item(code), typed) == taken


@pytest.mark.parametrize("code, typed", [
    ("S5", "6"), ("S7", "9"), ("ONE", "4"), ("ONE", "1 2"), ("MANY", "19"), ("MANY", "1 1"),
    ("YN", "3"), ("DAY", "2026030"), ("DAY", "2026-13-01"), ("REC", "11"), ("S5", "넷"),
], ids=lambda v: repr(v)[:20])
def test_paper_typing_is_refused(code, typed):
    with pytest.raises(ValidationError) as refused:
        paper_forms.from_paper(_item(code), typed)
    assert refused.value.params["item_code"] == code


@given(st.dictionaries(st.one_of(any_text, st.sampled_from([i.code for i in ITEMS] + ["MAT.친절"])),
                       answer_value, max_size=6))
def test_whole_answer_sets_are_valid_or_refused(answers):
    q = surveys.Questionnaire("설문", tuple(ITEMS))
    refused_clearly(surveys.clean_answers, q, answers)


@pytest.mark.parametrize("answers, cleaned, masked", [
    ({"S5": 4, "MAT.친절": 5, "MAT.신속": "3"}, {"S5": 4, "MAT.친절": 5, "MAT.신속": 3}, 0),
    ({}, {}, 0),
    ({"S5": None, "TXT": ""}, {}, 0),
    ({"TXT": "연락처 800101-1234567"}, {"TXT": "연락처 800101-1******"}, 1),  # the 7th digit kept
], ids=["scale and matrix rows", "nothing answered", "empty answers", "an RRN masked"])
def test_an_answer_set_is_taken(answers, cleaned, masked):
    q = surveys.Questionnaire("설문", tuple(ITEMS))
    assert surveys.clean_answers(q, answers) == (cleaned, masked)


@pytest.mark.parametrize("answers, error, key", [
    ({"NOPE": 1}, "answer_unknown_item", "NOPE"),
    ({"MAT": 3}, "answer_unknown_item", "MAT"),             # a matrix answers by row
    ({"MAT.느림": 3}, "answer_unknown_item", "MAT.느림"),    # no such row
    ({"S5.친절": 3}, "answer_unknown_item", "S5.친절"),      # rows only for a matrix
    ({"S5": 9}, "answer_invalid", "S5"),
    ({"S5": 3, "REC": 11}, "answer_invalid", "REC"),
], ids=["unknown item", "matrix without row", "unknown row", "row of a scale", "off the scale",
        "one bad among good"])
def test_an_answer_set_is_refused(answers, error, key):
    q = surveys.Questionnaire("설문", tuple(ITEMS))
    with pytest.raises(ValidationError) as refused:
        surveys.clean_answers(q, answers)
    assert (refused.value.code, refused.value.params["item_code"]) == (error, key)


# --- mappings: the survey import's and the command line's JSON files ---------------------------------

json_value = st.recursive(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                                    any_text),
                          lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                  st.dictionaries(short_text, inner, max_size=3)),
                          max_leaves=8)
mapping_keys = st.one_of(short_text, st.sampled_from(["S5", "REC", "TXT", "MAT.친절", "MANY", "submitted_at",
                                                      "submitted_on", "na"]))
HEADERS = ["척도", "추천", "의견", "행렬 친절", "응답일", "=cmd|' /C calc'!A0", "여럿"]


@given(st.one_of(json_value, st.dictionaries(mapping_keys,
                                             st.one_of(st.sampled_from(HEADERS), json_value),
                                             max_size=6)))
def test_survey_mapping_is_read_or_refused(raw):
    q = surveys.Questionnaire("설문", tuple(ITEMS))
    refused_clearly(survey_import.parse_mapping, raw, q, HEADERS, "설문 TEST v1")


@pytest.mark.parametrize("raw, items, date_column, fixed, na", [
    ({"S5": "척도"}, {"S5": "척도"}, None, None, ("NA", "해당없음")),
    ({"S5": "척도", "MAT.친절": "행렬 친절", "submitted_at": "응답일"},
     {"S5": "척도", "MAT.친절": "행렬 친절"}, "응답일", None, ("NA", "해당없음")),
    ({"REC": "추천", "submitted_on": " 2026-03-02 ", "na": "-"}, {"REC": "추천"}, None,
     date(2026, 3, 2), ("NA", "해당없음", "-")),
], ids=["one item", "a matrix row and a date column", "a fixed date and a marker"])
def test_a_survey_mapping_is_read(raw, items, date_column, fixed, na):
    q = surveys.Questionnaire("설문", tuple(ITEMS))
    assert survey_import.parse_mapping(raw, q, HEADERS, "설문 TEST v1") == \
        survey_import.ResponseMapping(items, date_column, fixed, na)


@pytest.mark.parametrize("raw, says", [
    (["S5"], "JSON 객체가 아님"),
    ({}, "하나도"),
    ({"NOPE": "척도"}, "없는 문항 코드: NOPE"),
    ({"S5": 3}, "문자열"),
    ({"S5": "없는 열"}, "파일에 없는 열: 없는 열"),
    ({"S5": "척도", "submitted_at": "응답일", "submitted_on": "2026-03-02"}, "하나만"),
    ({"S5": "척도", "submitted_on": "03/02/2026"}, "형식"),
    ({"S5": "척도", "na": [" "]}, "해당없음 표시"),
], ids=["not an object", "nothing mapped", "unknown item", "not text", "no such column",
        "two date settings", "bad fixed date", "blank marker"])
def test_a_survey_mapping_is_refused(raw, says):
    q = surveys.Questionnaire("설문", tuple(ITEMS))
    with pytest.raises(ValidationError) as refused:
        survey_import.parse_mapping(raw, q, HEADERS, "설문 TEST v1")
    assert refused.value.code == "mapping_invalid" and says in refused.value.params["detail"]


@given(st.one_of(st.binary(max_size=200),
                 json_value.map(lambda v: json.dumps(v, ensure_ascii=False).encode("utf-8", "surrogatepass")),
                 json_value.map(lambda v: json.dumps(v).encode("utf-16")),
                 st.integers(10, 200_000).map(lambda n: b"[" * n + b"]" * n),
                 st.integers(10, 200_000).map(lambda n: b'{"a":' * n + b"1" + b"}" * n)))
def test_cli_mapping_files_are_read_or_refused(tmp_path_factory, raw):
    path = tmp_path_factory.mktemp("mapping") / "mapping.json"
    path.write_bytes(raw)
    got = refused_clearly(cli_data.read_json, str(path))
    assert got is None or isinstance(got, dict)
    got = refused_clearly(cli_data.read_mapping, str(path))
    assert got is None or all(isinstance(v, str) for v in got.values())


def test_cli_mapping_file_missing(tmp_path):
    with pytest.raises(ValidationError) as refused:
        cli_data.read_json(str(tmp_path / "없는 파일.json"))
    assert_clear(refused.value)


# --- encodings -----------------------------------------------------------------------------------

@given(st.binary(max_size=400))
def test_detect_encoding_on_any_bytes(raw):
    got = refused_clearly(detect_encoding, raw)
    if got is not None:
        raw.decode(got)


@given(short_text)
def test_detect_encoding_keeps_what_was_written(value):
    if "\x00" in value:  # NUL bytes are never a CSV's: UTF-16, or not text at all
        for encoding in ("utf-8", "utf-8-sig"):
            assert refused_clearly(detect_encoding, value.encode(encoding)) is None
        return
    # a text starting with U+FEFF written as UTF-8 starts with the bytes of a BOM: read as one
    assert raw_round_trip(value, "utf-8") == value.removeprefix("\ufeff")
    assert raw_round_trip(value, "utf-8-sig") == value
    try:
        encoded = value.encode("cp949")
    except UnicodeEncodeError:
        return
    enc = refused_clearly(detect_encoding, encoded)
    # cp949 bytes that are also valid UTF-8 (ASCII, or a rare lucky run) read as UTF-8
    assert enc in ("cp949", "utf-8", None)
    if enc == "cp949":
        assert encoded.decode(enc) == value


def raw_round_trip(value: str, encoding: str) -> str:
    raw = value.encode(encoding)
    return raw.decode(detect_encoding(raw))


@settings(max_examples=HUGE_EXAMPLES)
@given(huge_text)
def test_every_parser_takes_1_mb(value):
    """1 MB in any field: refused or read, in well under a second each (no runaway regex)."""
    import time
    for call, *args in ((complaint_import.parse_moment, value), (survey_import._response_date, value, NOW),
                        (citizens.parse_birth_year, value), (cli_shared.day, value, "from"),
                        (phone.normalize_phone, value), (text.nfc, value), (text.mask_rrns, value),
                        (privacy.clean_reason, value), (accounts.check_password, value),
                        (surveys.check_pin, value), (OfficeProfile(value).validated,),
                        (validate_staff, value, value, value), (validate_department_names, [value]),
                        (citizens.clean_citizen, citizens.Citizen(None, value, phones=(value,), email=value,
                                                                  memo=value), NOW.date())):
        started = time.perf_counter()
        refused_clearly(call, *args)
        assert time.perf_counter() - started < 2, call
    for item in ITEMS:
        refused_clearly(surveys.check_answer, item, value)
        refused_clearly(paper_forms.from_paper, item, value)


def test_the_control_and_formula_samples_are_what_they_say():
    assert "\x00" in CONTROL and "\u202e" in CONTROL and "\ufeff" in CONTROL
    assert all(f[:1] in "=+-@\t\r" for f in FORMULAS)
