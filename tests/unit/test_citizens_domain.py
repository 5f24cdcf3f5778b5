"""The resident record's rules (pcrm_desktop/domain/citizens.py)."""
from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from pcrm_desktop.domain.citizens import (
    Address,
    Channel,
    Citizen,
    Gender,
    age_in,
    clean_citizen,
    parse_birth_year,
    split_name,
)
from pcrm_desktop.domain.errors import ValidationError

TODAY = date(2025, 6, 1)


def _refused(citizen: Citizen) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        clean_citizen(citizen, TODAY)
    return caught.value


# --- clean_citizen -----------------------------------------------------------------------------

def test_clean_citizen_keeps_a_valid_record():
    citizen = Citizen(None, " 홍길동 ", 1968, gender=Gender.MALE, phones=("010-1234-5678",),
                      email=" hong@example.com ",
                      address=Address(" 서울특별시 종로구 자하문로 92 ", "101동 202호",
                                      "1111010100", "청운동"),
                      preferred_channel=Channel.PHONE, memo="기초연금 상담", version=3)
    result = clean_citizen(citizen, TODAY)
    c = result.citizen
    assert result.rrn_masked == 0
    assert c.name == "홍길동"
    assert c.birth_year == 1968
    assert c.phones == ("010-1234-5678",)
    assert c.email == "hong@example.com"
    assert c.address == Address("서울특별시 종로구 자하문로 92", "101동 202호", "1111010100", "청운동")
    assert (c.gender, c.preferred_channel, c.memo, c.version) == (
        Gender.MALE, Channel.PHONE, "기초연금 상담", 3)


@pytest.mark.parametrize("name", ["", "   ", "\t"])
def test_name_required(name):
    error = _refused(Citizen(None, name))
    assert (error.code, error.field) == ("required", "citizen_name")


def test_name_too_long():
    error = _refused(Citizen(None, "가" * 51))
    assert (error.code, error.field) == ("too_long", "citizen_name")
    assert clean_citizen(Citizen(None, "가" * 50), TODAY).citizen.name == "가" * 50


@pytest.mark.parametrize("name", ["홍길동 900101-1234567", "9001011234567"])
def test_rrn_in_name_refused(name):
    error = _refused(Citizen(None, name))
    assert (error.code, error.field) == ("rrn_in_name", "citizen_name")


def test_rrn_in_memo_and_address_masked_and_counted():
    citizen = Citizen(None, "홍길동", memo="주민번호 900101-1234567 확인, 배우자 8503152345678",
                      address=Address("서울 종로구 900101-1234567", "상세 751231-2345678", "", ""))
    result = clean_citizen(citizen, TODAY)
    assert result.rrn_masked == 4
    assert result.citizen.memo == "주민번호 900101-1****** 확인, 배우자 850315-2******"
    assert result.citizen.address.road == "서울 종로구 900101-1******"
    assert result.citizen.address.detail == "상세 751231-2******"


def test_implausible_rrn_in_memo_is_kept():
    result = clean_citizen(Citizen(None, "홍길동", memo="접수 991399-1234567"), TODAY)
    assert (result.rrn_masked, result.citizen.memo) == (0, "접수 991399-1234567")


def test_phones_normalised_and_deduplicated():
    citizen = Citizen(None, "홍길동", phones=("010 1234 5678", "01012345678", "", "  ",
                                              "+82 10-1234-5678", "02-123-4567", "021234567"))
    assert clean_citizen(citizen, TODAY).citizen.phones == ("010-1234-5678", "02-123-4567")


def test_bad_phone_refused():
    error = _refused(Citizen(None, "홍길동", phones=("010-1234-5678", "010-12")))
    assert (error.code, error.field) == ("phone_format", "phone")


@pytest.mark.parametrize("year, ok", [(1899, False), (1900, True), (1968, True), (2025, True),
                                      (2026, False), (0, False), (None, True)])
def test_birth_year_range(year, ok):
    citizen = Citizen(None, "홍길동", year)
    if ok:
        assert clean_citizen(citizen, TODAY).citizen.birth_year == year
    else:
        error = _refused(citizen)
        assert (error.code, error.field) == ("birth_year_range", "birth_year")
        assert error.params["max"] == 2025


def test_birth_date_gives_the_year_and_must_agree():
    assert clean_citizen(Citizen(None, "홍길동", birth_date=date(1968, 3, 2)),
                         TODAY).citizen.birth_year == 1968
    error = _refused(Citizen(None, "홍길동", 1969, birth_date=date(1968, 3, 2)))
    assert error.code == "birth_date_mismatch"


@pytest.mark.parametrize("email", ["hong@example.com", "a.b+c@mail.go.kr", ""])
def test_email_accepted(email):
    assert clean_citizen(Citizen(None, "홍길동", email=email), TODAY).citizen.email == email


@pytest.mark.parametrize("email", ["hong", "hong@example", "hong@@example.com", "ho ng@example.com",
                                   "@example.com"])
def test_email_format_refused(email):
    error = _refused(Citizen(None, "홍길동", email=email))
    assert (error.code, error.field) == ("email_format", "email")


def test_nfd_name_and_address_become_nfc():
    nfd = unicodedata.normalize("NFD", "김철수")
    assert nfd != "김철수"
    citizen = Citizen(None, nfd, address=Address("", "", "", unicodedata.normalize("NFD", "청운동")),
                      memo=unicodedata.normalize("NFD", "메모"))
    c = clean_citizen(citizen, TODAY).citizen
    assert c.name == "김철수"
    assert c.address.dong_name == "청운동"
    assert c.memo == "메모"
    assert c.surname == "김"


def test_unknown_language_refused_and_accessibility_filtered():
    error = _refused(Citizen(None, "홍길동", preferred_language="xx"))
    assert (error.code, error.field) == ("language_unknown", "preferred_language")
    c = clean_citizen(Citizen(None, "홍길동", preferred_language="vi",
                              accessibility=("hearing", "flying", "vision")), TODAY).citizen
    assert c.preferred_language == "vi"
    assert c.accessibility == ("hearing", "vision")


def test_memo_too_long():
    error = _refused(Citizen(None, "홍길동", memo="가" * 4001))
    assert (error.code, error.field) == ("too_long", "memo")


# --- parse_birth_year --------------------------------------------------------------------------

@pytest.mark.parametrize("text, year", [
    ("1968", 1968),
    ("68", 1968),
    ("1968-03-02", 1968),
    ("19680302", 1968),
    ("1968.3.2", 1968),
    ("680302", 1968),
    (" 1968 ", 1968),
    ("1968년", 1968),
    ("05", 2005),
    ("050101", 2005),
    ("2001", 2001),
    ("", None),
    ("   ", None),
])
def test_parse_birth_year(text, year):
    assert parse_birth_year(text) == year


@pytest.mark.parametrize("text", ["abc", "1", "123", "12345", "1234567", "모름"])
def test_parse_birth_year_refuses(text):
    with pytest.raises(ValidationError) as caught:
        parse_birth_year(text)
    assert (caught.value.code, caught.value.field) == ("birth_year_format", "birth_year")


# --- names -------------------------------------------------------------------------------------

@pytest.mark.parametrize("name, parts", [
    ("홍길동", ("홍", "길동")),
    ("김철", ("김", "철")),
    ("남궁민수", ("남궁", "민수")),
    ("황보 영", ("황보", "영")),
    ("제갈공명", ("제갈", "공명")),
    ("남궁", ("남", "궁")),       # two syllables: a one-syllable surname
    ("John", ("", "John")),
    ("", ("", "")),
])
def test_split_name(name, parts):
    assert split_name(name) == parts


def test_split_name_of_nfd_input():
    assert split_name(unicodedata.normalize("NFD", "남궁민수")) == ("남궁", "민수")


def test_age_in():
    assert age_in(1968, TODAY) == 57
    assert age_in(None, TODAY) is None
