"""Text rules (pcrm_desktop/domain/text.py): NFC, resident registration numbers, masking."""
from __future__ import annotations

import unicodedata

import pytest

from pcrm_desktop.domain.text import find_rrns, mask_email, mask_name, mask_rrns, nfc

# --- nfc ---------------------------------------------------------------------------------------


def test_nfc_turns_nfd_hangul_into_nfc():
    nfd = unicodedata.normalize("NFD", "김철수")
    assert nfd != "김철수" and len(nfd) > 3  # really decomposed (jamo)
    assert nfc(nfd) == "김철수"
    assert len(nfc(nfd)) == 3
    assert unicodedata.is_normalized("NFC", nfc(nfd))


def test_nfc_trims_and_handles_blank():
    assert nfc("  홍길동 ") == "홍길동"
    assert nfc(unicodedata.normalize("NFD", " 청운동 ")) == "청운동"
    assert nfc("  abc ") == "abc"
    assert nfc("") == ""
    assert nfc(None) == ""


# --- RRN detection -----------------------------------------------------------------------------

def test_find_rrns_hyphenated_and_bare():
    text = "주민번호 900101-1234567, 다른 분은 8503152345678 입니다"
    assert find_rrns(text) == ["900101-1234567", "8503152345678"]


@pytest.mark.parametrize("digit", "12345678")
def test_find_rrns_accepts_every_gender_century_digit(digit):
    assert find_rrns(f"000229-{digit}123456") == [f"000229-{digit}123456"]


@pytest.mark.parametrize("text", [
    "991399-1234567",      # month 13, day 99: not a date
    "900230-1234567",      # 30 February
    "900001-1234567",      # month 0
    "900100-1234567",      # day 0
    "900101-9234567",      # 9 is not a gender/century digit
    "900101-0234567",
    "900101-123456",       # one digit short
    "9001011234567890",    # a 16-digit run (card or account number)
    "12900101-1234567",    # digits run into the front
    "900101-12345678",     # digits run into the back
    "010-1234-5678",
    "",
])
def test_find_rrns_ignores_non_rrns(text):
    assert find_rrns(text) == []


def test_find_rrns_none():
    assert find_rrns(None) == []


def test_mask_rrns_hyphenated_and_bare():
    masked, count = mask_rrns("주민번호 900101-1234567 과 8503152345678 확인")
    assert masked == "주민번호 900101-1****** 과 850315-2****** 확인"
    assert count == 2
    assert "1234567" not in masked and "2345678" not in masked


def test_mask_rrns_keeps_implausible_and_longer_numbers():
    text = "접수번호 991399-1234567, 계좌 9001011234567890"
    assert mask_rrns(text) == (text, 0)


def test_mask_rrns_mixed_counts_only_real_ones():
    masked, count = mask_rrns("991399-1234567 / 900101-1234567 / 900101-1234567")
    assert masked == "991399-1234567 / 900101-1****** / 900101-1******"
    assert count == 2


def test_mask_rrns_without_rrn_and_blank():
    assert mask_rrns("전입신고 문의") == ("전입신고 문의", 0)
    assert mask_rrns("") == ("", 0)
    assert mask_rrns(None) == ("", 0)


@pytest.mark.parametrize("typed", [
    "900101 1234567",          # a space for the hyphen
    "900101 - 1234567",        # spaces around it
    "900101－1234567",         # the full-width hyphen of a Korean IME
    "900101–1234567",          # an en dash (word processors)
    "900101\u30001234567",     # an ideographic space
])
def test_rrns_as_people_type_them_are_masked(typed):
    assert find_rrns(f"주민번호 {typed} 입니다") == [typed]
    assert mask_rrns(f"주민번호 {typed} 입니다") == ("주민번호 900101-1****** 입니다", 1)


def test_full_width_digits_are_masked():
    for typed in ("９００１０１－１２３４５６７", "９００１０１１２３４５６７", "９００１０１-１２３４５６７"):
        masked, count = mask_rrns(f"번호 {typed}")
        assert (masked, count) == ("번호 ９００１０１-１******", 1)
        assert "２３４５６７" not in masked


@pytest.mark.parametrize("text", [
    "접수번호 2026-000123 1234567원",   # a receipt number, then another number after a space
    "2026-000123",
    "010-1234-5678 1234567",
    "900101  1234567",                 # two spaces: two numbers, not one
    "900101 -- 1234567",
])
def test_spaced_numbers_that_are_not_rrns_are_kept(text):
    assert find_rrns(text) == []
    assert mask_rrns(text) == (text, 0)


def test_masked_text_is_not_found_again():
    masked, _ = mask_rrns("900101-1234567")
    assert masked == "900101-1******"
    assert find_rrns(masked) == []
    assert mask_rrns(masked) == (masked, 0)


# --- names and e-mail --------------------------------------------------------------------------

@pytest.mark.parametrize("name, masked", [
    ("홍길동", "홍*동"),
    ("김철", "김*"),
    ("남궁민수", "남**수"),
    ("이", "이"),
    ("", ""),
    ("John", "J**n"),
])
def test_mask_name(name, masked):
    assert mask_name(name) == masked


def test_mask_name_of_nfd_input():
    assert mask_name(unicodedata.normalize("NFD", "홍길동")) == "홍*동"


@pytest.mark.parametrize("email, masked", [
    ("hong@example.com", "ho**@example.com"),
    ("kimcs@korea.kr", "ki***@korea.kr"),
    ("ab@x.kr", "ab*@x.kr"),
    ("a@x.kr", "a*@x.kr"),
    ("", ""),
    ("not-an-email", "not-an-email"),
])
def test_mask_email(email, masked):
    assert mask_email(email) == masked


def test_mask_email_hides_the_local_part():
    masked = mask_email("secretname@example.com")
    assert "secretname" not in masked
    assert masked.endswith("@example.com")
