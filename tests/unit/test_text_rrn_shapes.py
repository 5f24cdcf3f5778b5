"""Issue 17 §2 and §4: the RRN shapes the masker let through, and control characters.

Each shape is typed as a clerk or a pasted document gives it: after 주민번호 with a date that
cannot be, with a dot, an underscore, the katakana long mark ー or another dash-like character
between the parts, with invisible format characters inside, spaced out, with the letter O for
a zero after the keyword. Each must be masked (and found, so a name holding one is refused),
and what is not an RRN (a receipt number, a phone number, a longer run, an impossible date
without a keyword) kept as typed. Control characters: refused in one-line fields with the
field named, dropped from free text but its line breaks and tabs.
"""
from __future__ import annotations

import time
from datetime import date

import pytest

from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.domain.text import (
    check_one_line,
    drop_controls,
    find_rrns,
    mask_rrns,
    one_line,
)

# --- after a keyword, any 6+7 digits: whatever the date, the gender digit, a letter O ---------

KEYWORDS = ("주민번호", "주민등록번호", "주민 번호", "주민등록 번호", "외국인등록번호", "RRN", "rrn")


@pytest.mark.parametrize("keyword", KEYWORDS)
@pytest.mark.parametrize("typed, kept", [
    ("991399-1234567", "991399-1"),   # month 13, day 99
    ("800230-1234567", "800230-1"),   # 30 February
    ("900101-9234567", "900101-9"),   # no such gender digit
    ("000000-0000000", "000000-0"),
    ("9913991234567", "991399-1"),    # no separator
])
def test_after_a_keyword_any_date_is_masked(keyword, typed, kept):
    text = f"{keyword} {typed} 입니다"
    assert mask_rrns(text) == (f"{keyword} {kept}****** 입니다", 1)
    assert find_rrns(text) == [typed]


@pytest.mark.parametrize("between", [" ", ": ", "는 ", "(뒷자리 포함): ", "\n", " = "])
def test_the_keyword_reaches_over_a_few_words(between):
    assert mask_rrns(f"주민번호{between}991399-1234567") == (f"주민번호{between}991399-1******", 1)


def test_a_list_after_the_keyword_is_masked_whole():
    text = "주민번호 991399-1234567, 800230-2345678 / 771340-1111111 확인"
    assert mask_rrns(text) == ("주민번호 991399-1******, 800230-2****** / 771340-1****** 확인", 3)


@pytest.mark.parametrize("typed, kept", [
    ("9OO1O1-1234567", "9OO1O1-1"),
    ("9oo1o1-1234567", "9oo1o1-1"),
    ("9OO1O1-1O34567", "9OO1O1-1"),
    ("９ＯＯ１Ｏ１－１２３４５６７", "９ＯＯ１Ｏ１-１"),
    ("9〇〇1〇1-1234567", "9〇〇1〇1-1"),
])
def test_after_a_keyword_a_letter_o_stands_for_zero(typed, kept):
    assert mask_rrns(f"주민번호 {typed}") == (f"주민번호 {kept}******", 1)
    assert mask_rrns(f"RRN: {typed}") == (f"RRN: {kept}******", 1)


@pytest.mark.parametrize("text", [
    "9OO1O1-1234567",                       # a letter O without a keyword: a code, not a number
    "991399-1234567",                       # an impossible date without a keyword
    "주민번호 미기재, 접수번호 2026-000123",    # the keyword, then a receipt number
    "주민번호 확인함. 전화 010-1234-5678",
    "주민번호는 받지 않고 담당자가 전화로 확인하였습니다 991399-1234567",  # over 20 characters on
    "주민번호 991399-12345678",              # digits run on
    "주민번호 1991399-1234567",
    "RRN 12345-1234567",
])
def test_what_a_keyword_does_not_make_an_rrn(text):
    assert mask_rrns(text) == (text, 0)
    assert find_rrns(text) == []


# --- separators --------------------------------------------------------------------------------

@pytest.mark.parametrize("separator", [
    ".", "_", "ー", "ｰ", "ㅡ", "‐", "‑", "‒", "—", "―", "−", "﹣", "－", "─", "·", "・", "/", "．", "＿",
    " . ", " _ ", " ー ",
])
def test_every_separator_is_masked(separator):
    typed = f"900101{separator}1234567"
    assert mask_rrns(f"메모 {typed} 끝") == ("메모 900101-1****** 끝", 1)
    assert find_rrns(f"메모 {typed} 끝") == [typed]


# --- invisible characters inside the number ----------------------------------------------------

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u00ad",
             "\u061c", "\u202a", "\u202e", "\u2066", "\u2069"]


@pytest.mark.parametrize("mark", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
@pytest.mark.parametrize("where", [1, 5, 6, 7, 12])
def test_invisible_characters_inside_the_number_are_seen_through(mark, where):
    number = "900101-1234567"
    typed = number[:where] + mark + number[where:]
    masked, count = mask_rrns(f"메모 {typed} 끝")
    assert count == 1 and masked == "메모 900101-1****** 끝"
    assert find_rrns(f"메모 {typed}")


def test_several_invisible_characters_and_full_width_digits():
    typed = "\u200b9\u200b0\u200c0\u200d1\u20600\ufeff1\u00ad－\u200b１２３４\u200b５６７"
    masked, count = mask_rrns(f"번호 {typed}")
    assert count == 1 and "２３４" not in masked and "567" not in masked


def test_invisible_characters_elsewhere_are_kept():
    emoji = "👨\u200d👩\u200d👧"  # the joiners of a family emoji are no number's
    assert mask_rrns(f"{emoji} 900101-1234567 {emoji}") == (f"{emoji} 900101-1****** {emoji}", 1)
    assert mask_rrns(f"{emoji} 접수번호 2026-000123") == (f"{emoji} 접수번호 2026-000123", 0)


# --- spaced out --------------------------------------------------------------------------------

@pytest.mark.parametrize("typed", [
    "9 0 0 1 0 1 - 1 2 3 4 5 6 7",
    "9 0 0 1 0 1-1 2 3 4 5 6 7",
    "9 0 0 1 0 1 1 2 3 4 5 6 7",
    "９ ０ ０ １ ０ １ － １ ２ ３ ４ ５ ６ ７",
    "9\u00a00\u00a00\u00a01\u00a00\u00a01\u00a0-\u00a01\u00a02\u00a03\u00a04\u00a05\u00a06\u00a07",
])
def test_spaced_out_digits_are_masked(typed):
    assert mask_rrns(f"메모 {typed} 끝") in (("메모 900101-1****** 끝", 1),
                                          ("메모 ９００１０１-１****** 끝", 1))
    assert find_rrns(f"메모 {typed} 끝") == [typed]


def test_two_shapes_side_by_side():
    assert mask_rrns("900101.1234567 9 0 0 1 0 1 - 1 2 3 4 5 6 7") == \
        ("900101-1****** 900101-1******", 2)
    assert mask_rrns("9 0 0 1 0 1 - 1 2 3 4 5 6 7 2026년 접수") == ("900101-1****** 2026년 접수", 1)


def test_spaced_out_after_a_keyword_any_date():
    assert mask_rrns("주민번호 9 9 1 3 9 9 - 1 2 3 4 5 6 7") == ("주민번호 991399-1******", 1)


@pytest.mark.parametrize("text", [
    "1 9 0 0 1 0 1 - 1 2 3 4 5 6 7",      # a 14th digit in front
    "9 0 0 1 0 1 - 1 2 3 4 5 6 7 8",      # and behind
    "9 9 1 3 9 9 - 1 2 3 4 5 6 7",        # an impossible date without a keyword
    "점수 1 2 3 4 5 4 3 2 1 2 3 4 5",
    "9  0  0  1  0  1  -  1  2  3  4  5  6  7",  # two spaces: not one number
])
def test_spaced_numbers_that_are_not_rrns_are_kept(text):
    assert mask_rrns(text) == (text, 0)


# --- what never was an RRN stays as typed ------------------------------------------------------

@pytest.mark.parametrize("text", [
    "접수번호 2026-000123 1234567원",
    "접수번호 2026.000123 1234567원",
    "010-1234-5678", "02-731-1234", "1588-1234",
    "9001011234567890", "12900101-1234567", "900101-12345678",
    "계좌 110-123-456789", "카드 1234-5678-9012-3456", "사업자 123-45-67890",
    "2026-03-02 10:00", "2026.03.02", "2026/03/02 14:30:00",
    "900101  1234567", "900101 -- 1234567", "900101..1234567",
    "a3f0" + "9001011234567" + "0" * 4,  # inside a longer run of digits and letters' digits
])
def test_other_numbers_are_kept(text):
    assert mask_rrns(text) == (text, 0)
    assert find_rrns(text) == []


# --- masking is final --------------------------------------------------------------------------

SHAPES = ["주민번호 991399-1234567", "900101.1234567", "900101_1234567", "900101ー1234567",
          "9001\u200b01-1234567", "9 0 0 1 0 1 - 1 2 3 4 5 6 7", "주민번호 9OO1O1-1234567",
          "900101\x1b-1234567", "９００１０１ー１２３４５６７"]


@pytest.mark.parametrize("typed", SHAPES)
def test_masked_text_is_not_found_again(typed):
    masked, count = mask_rrns(typed)
    assert count == 1
    assert find_rrns(masked) == [] and mask_rrns(masked) == (masked, 0)
    digits = "".join(c for c in masked if c.isdecimal())
    assert len(digits) <= 7  # the birth date and the gender digit, nothing of the rest


# --- control characters ------------------------------------------------------------------------

@pytest.mark.parametrize("control", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\x9b", "\u202e",
                                     "\u202a", "\u2066", "\u2069", "\x0b", "\x0c"])
def test_free_text_drops_controls_and_bidi_overrides(control):
    assert drop_controls(f"민원{control} 내용") == "민원 내용"
    assert mask_rrns(f"민원{control} 내용") == ("민원 내용", 0)


def test_free_text_keeps_line_breaks_and_tabs():
    assert drop_controls("첫 줄\n둘째\t줄") == "첫 줄\n둘째\t줄"
    assert drop_controls("윈도\r\n줄\r끝") == "윈도\n줄끝"
    assert mask_rrns("줄\x1b[31m\r\n바꿈\t끝") == ("줄[31m\n바꿈\t끝", 0)


def test_a_control_character_cannot_hide_a_number():
    assert mask_rrns("번호 900101\x07-1234567") == ("번호 900101-1******", 1)
    assert mask_rrns("번호 9001\x1b01 1234567") == ("번호 900101-1******", 1)


@pytest.mark.parametrize("control", ["\x07", "\x1b", "\t", "\n", "\r", "\x7f", "\x85", "\u202e",
                                     "\u2067"])
def test_one_line_fields_refuse_controls_naming_the_field(control):
    with pytest.raises(ValidationError) as caught:
        check_one_line(f"홍{control}길동", "citizen_name")
    assert (caught.value.code, caught.value.field) == ("control_character", "citizen_name")
    with pytest.raises(ValidationError) as caught:
        one_line(f"자하문로{control} 92", "road")
    assert caught.value.field == "road"


def test_one_line_fields_keep_the_rest():
    assert check_one_line("홍길동", "citizen_name") == "홍길동"
    assert check_one_line("\u200b홍길동\u3000", "citizen_name") == "\u200b홍길동\u3000"
    assert one_line("  자하문로 92\n", "road") == ("자하문로 92", 0)  # trimmed first
    assert one_line("자하문로 900101.1234567", "road") == ("자하문로 900101-1******", 1)


def _refused(call, *args) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call(*args)
    assert caught.value.code == "control_character", caught.value
    return caught.value


def test_the_validators_refuse_controls_in_names_and_drop_them_from_free_text():
    from datetime import datetime

    from pcrm_desktop.domain.actions import Draft, clean_draft
    from pcrm_desktop.domain.citizens import Address, Citizen, clean_citizen
    from pcrm_desktop.domain.complaints import Channel, Intake, clean_intake
    from pcrm_desktop.domain.office import (
        OfficeProfile,
        require,
        validate_department_names,
        validate_staff,
    )
    from pcrm_desktop.domain.privacy import clean_reason
    today, now = date(2026, 3, 2), datetime(2026, 3, 2, 10, 0)
    person = Citizen(None, "홍길동", memo="메모\x1b[0m\n둘째 줄\t끝")
    assert clean_citizen(person, today).citizen.memo == "메모[0m\n둘째 줄\t끝"
    fields = {"citizen_name": Citizen(None, "홍\x07길동"),
              "phone": Citizen(None, "홍", phones=("010\x07-1234-5678",)),
              "email": Citizen(None, "홍", email="a\x1b@b.kr"),
              "road": Citizen(None, "홍", address=Address(road="로\u202e92")),
              "address_detail": Citizen(None, "홍", address=Address(detail="1\x1b2")),
              "dong_name": Citizen(None, "홍", address=Address(dong_name="청운\x00동"))}
    for field, citizen in fields.items():
        assert _refused(clean_citizen, citizen, today).field == field
    intake = Intake(now, Channel.VISIT, "inquiry", "제목", "내용\x07\u202e 둘째\n줄")
    assert clean_intake(intake, now)[0].content == "내용 둘째\n줄"
    assert _refused(clean_intake, Intake(now, Channel.VISIT, "inquiry", "제\x1b목"), now).field \
        == "complaint_title"
    assert _refused(validate_department_names, ["민원\x07팀"]).field == "department_name"
    assert _refused(validate_staff, "홍\u2066길동", "hong", "clerk").field == "staff_name"
    assert _refused(validate_staff, "홍길동", "ho\tng", "clerk").field == "login"
    assert _refused(OfficeProfile("청운\x85동").validated).field == "office_name"
    assert _refused(require, "설\n날", "holiday_name", 100).field == "holiday_name"
    require("상담\n내용", "summary", 4000)  # a long text keeps its lines
    draft = Draft("제목\x1b", "조치", "all", "on_time", "전체", date(2026, 1, 1), date(2026, 1, 31))
    assert _refused(clean_draft, draft, today).field == "action_title"
    assert clean_reason("감사\x1b 자료\u202e") == "감사 자료"


def test_survey_answers_drop_controls():
    from pcrm_desktop.domain.surveys import TEMPLATES, clean_answers
    answers, masked = clean_answers(TEMPLATES["MINWON"], {
        "OVERALL": 4, "COMMENT": "친절\x1b[1m했습니다\u202e\n주민번호 991399-1234567"})
    assert answers["COMMENT"] == "친절[1m했습니다\n주민번호 991399-1******" and masked == 1


# --- fast, and never slower than linear --------------------------------------------------------

@pytest.mark.parametrize("hostile", [
    "900101" + "\u200b" * 300_000 + "x",
    "9\u200b" * 300_000,
    "1" * 1_000_000,
    "주민번호 991399-1234567, " * 40_000,
    "주민번호 9 " * 100_000 + "o",
    ("1" + "\u200d" * 1000) * 500,
])
def test_a_megabyte_of_hostile_text_is_masked_in_linear_time(hostile):
    started = time.perf_counter()
    mask_rrns(hostile)
    assert time.perf_counter() - started < 5  # about 0.3 s; a quadratic scan takes minutes


def test_an_address_typed_on_two_lines_is_one_line_not_a_refusal():
    """An Excel cell with Alt+Enter: the line break becomes a space in an address; a name or a
    title with a line break is still refused, naming the field."""
    from pcrm_desktop.domain.errors import ValidationError
    from pcrm_desktop.domain.text import one_line
    assert one_line("서울 종로구\n세종대로 1", "road", join_lines=True) == ("서울 종로구 세종대로 1", 0)
    assert one_line(" 101동\r\n\t1203호 ", "address_detail", join_lines=True) == ("101동 1203호", 0)
    with pytest.raises(ValidationError) as refused:
        one_line("종로\u202e구", "road", join_lines=True)
    assert refused.value.field == "road"
    with pytest.raises(ValidationError) as refused:
        one_line("홍\n길동", "citizen_name")
    assert refused.value.code == "control_character"
