"""Validation rules of the office domain (pcrm_desktop/domain/office.py), checked by error code."""
from __future__ import annotations

import unicodedata
from datetime import time

import pytest

from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.domain.office import (
    OfficeHours,
    OfficeProfile,
    Role,
    validate_department_names,
    validate_staff,
)

NFC_NAME = "청운효자동"
NFD_NAME = unicodedata.normalize("NFD", NFC_NAME)


def _refused(call, *args, **kwargs) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    return caught.value


# --- OfficeProfile.validated -------------------------------------------------------------------

def test_profile_valid_is_trimmed_and_kept():
    profile = OfficeProfile("  종로구 청운효자동 행정복지센터  ", code=" 1111051 ",
                            address=" 서울특별시 종로구 자하문로 92 ", phone=" 02-2148-5092 ")
    clean = profile.validated()
    assert clean.name == "종로구 청운효자동 행정복지센터"
    assert clean.code == "1111051"
    assert clean.address == "서울특별시 종로구 자하문로 92"
    assert clean.phone == "02-2148-5092"
    assert clean.hours == OfficeHours()


@pytest.mark.parametrize("name", ["", "   ", "\t\n"])
def test_profile_name_required(name):
    error = _refused(OfficeProfile(name).validated)
    assert (error.code, error.field) == ("required", "office_name")


def test_profile_nfd_hangul_is_normalised_to_nfc():
    assert NFD_NAME != NFC_NAME and len(NFD_NAME) > len(NFC_NAME)  # the input really is NFD
    clean = OfficeProfile(NFD_NAME + " 행정복지센터",
                          address=unicodedata.normalize("NFD", "종로구")).validated()
    assert clean.name == NFC_NAME + " 행정복지센터"
    assert unicodedata.is_normalized("NFC", clean.name)
    assert clean.address == "종로구"


def test_profile_name_length_counted_after_nfc():
    """100 Hangul syllables are 100 characters in NFC but ~250 in NFD: must be accepted."""
    name = "가" * 100
    nfd = unicodedata.normalize("NFD", name)
    assert len(nfd) > 100
    assert OfficeProfile(nfd).validated().name == name


def test_profile_name_too_long():
    error = _refused(OfficeProfile("가" * 101).validated)
    assert (error.code, error.field) == ("too_long", "office_name")
    assert error.params == {"max": 100}


def test_profile_address_too_long():
    error = _refused(OfficeProfile("센터", address="주" * 201).validated)
    assert (error.code, error.field) == ("too_long", "office_address")
    assert error.params["max"] == 200


def test_profile_address_optional():
    assert OfficeProfile("센터", address="   ").validated().address == ""


@pytest.mark.parametrize("code", [
    "111105", "11110511", "111105a", "1111-05",
    # Full-width digits, as typed with a Korean IME in full-width mode: not 7 ASCII digits.
    pytest.param("１１１１０５１", id="fullwidth-digits"),
])
def test_profile_code_must_be_seven_ascii_digits(code):
    error = _refused(OfficeProfile("센터", code=code).validated)
    assert (error.code, error.field) == ("office_code_format", "office_code")


def test_profile_code_optional():
    assert OfficeProfile("센터", code="").validated().code == ""


@pytest.mark.parametrize("phone", ["02-123-4567", "021234567", "031-8075-1234", "1588-0000"])
def test_profile_phone_accepted(phone):
    assert OfficeProfile("센터", phone=phone).validated().phone == phone


@pytest.mark.parametrize("phone", ["02)123-4567", "+82-2-123-4567", "-02-123-4567", "02 123 4567",
                                   "12345", "0" * 16, "공이-123-4567"])
def test_profile_phone_format_refused(phone):
    error = _refused(OfficeProfile("센터", phone=phone).validated)
    assert (error.code, error.field) == ("phone_format", "office_phone")


def test_profile_checks_hours():
    bad = OfficeHours(time(18, 0), time(12, 0), time(13, 0), time(9, 0))
    error = _refused(OfficeProfile("센터", hours=bad).validated)
    assert (error.code, error.field) == ("office_hours_order", "office_hours")


# --- OfficeHours -------------------------------------------------------------------------------

def test_default_hours_are_eight_working_hours():
    hours = OfficeHours()
    hours.validate()
    assert (hours.start, hours.lunch_start, hours.lunch_end, hours.end) == (
        time(9), time(12), time(13), time(18))
    assert hours.working_minutes == 480


def test_working_minutes_follow_the_hours():
    assert OfficeHours(time(8, 30), time(12, 0), time(12, 30), time(17, 30)).working_minutes == 510
    assert OfficeHours(time(9, 0), time(12, 0), time(12, 0), time(18, 0)).working_minutes == 540


@pytest.mark.parametrize("hours", [
    OfficeHours(time(12, 0), time(12, 0), time(13, 0), time(18, 0)),   # start == lunch start
    OfficeHours(time(9, 0), time(13, 0), time(12, 0), time(18, 0)),    # lunch ends before start
    OfficeHours(time(9, 0), time(12, 0), time(18, 0), time(18, 0)),    # lunch end == end
    OfficeHours(time(9, 0), time(12, 0), time(13, 0), time(8, 0)),     # end before start
])
def test_hours_out_of_order_refused(hours):
    error = _refused(hours.validate)
    assert (error.code, error.field) == ("office_hours_order", "office_hours")


# --- validate_department_names -----------------------------------------------------------------

def test_departments_blank_lines_skipped_and_trimmed():
    names = validate_department_names(["민원행정팀", "", "   ", " 복지팀 ", "\t"])
    assert names == ["민원행정팀", "복지팀"]


def test_departments_duplicate_refused():
    error = _refused(validate_department_names, ["민원행정팀", "복지팀", " 민원행정팀"])
    assert (error.code, error.field) == ("department_duplicate", "department_name")
    assert error.params == {"name": "민원행정팀"}


def test_departments_nfd_duplicate_of_nfc_refused():
    nfd = unicodedata.normalize("NFD", "복지팀")
    error = _refused(validate_department_names, ["복지팀", nfd])
    assert error.code == "department_duplicate"


def test_departments_normalised_to_nfc():
    assert validate_department_names([unicodedata.normalize("NFD", "주민자치팀")]) == ["주민자치팀"]


@pytest.mark.parametrize("names", [[], [""], ["  ", "\n", ""]])
def test_departments_empty_refused(names):
    error = _refused(validate_department_names, names)
    assert (error.code, error.field) == ("departments_empty", "departments")


def test_department_name_too_long():
    error = _refused(validate_department_names, ["팀" * 51])
    assert (error.code, error.field) == ("too_long", "department_name")


# --- validate_staff ----------------------------------------------------------------------------

def test_staff_valid_login_lower_cased_and_role_parsed():
    name, login, role = validate_staff(" 김철수 ", " Kim.CS ", "Manager ")
    assert (name, login, role) == ("김철수", "kim.cs", Role.MANAGER)


def test_staff_role_enum_kept():
    assert validate_staff("홍길동", "hong", Role.ADMIN)[2] is Role.ADMIN


def test_staff_name_nfc():
    name, _, _ = validate_staff(unicodedata.normalize("NFD", "홍길동"), "hong", "clerk")
    assert name == "홍길동"


@pytest.mark.parametrize("login", ["ab", "_abc", ".kim", "-kim", "kim cs", "김철수", "kim@cs",
                                   "hong!"])
def test_staff_login_pattern_refused(login):
    error = _refused(validate_staff, "김철수", login, "clerk")
    assert (error.code, error.field) == ("login_format", "login")


@pytest.mark.parametrize("login", ["abc", "kim.cs", "clerk_01", "a-b-c", "9lives", "a" * 32])
def test_staff_login_pattern_accepted(login):
    assert validate_staff("김철수", login, "clerk")[1] == login


def test_staff_login_too_long():
    error = _refused(validate_staff, "김철수", "a" * 33, "clerk")
    assert (error.code, error.field) == ("too_long", "login")


def test_staff_login_required():
    error = _refused(validate_staff, "김철수", "  ", "clerk")
    assert (error.code, error.field) == ("required", "login")


def test_staff_name_required():
    error = _refused(validate_staff, " ", "kim", "clerk")
    assert (error.code, error.field) == ("required", "staff_name")


@pytest.mark.parametrize("role", ["superuser", "", "관리자"])
def test_staff_unknown_role(role):
    error = _refused(validate_staff, "김철수", "kim", role)
    assert (error.code, error.field) == ("role_unknown", "role")
    assert error.params == {"role": role}
