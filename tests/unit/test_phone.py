"""Korean phone numbers (pcrm_desktop/domain/phone.py): any typing in, one canonical form out."""
from __future__ import annotations

import pytest

from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.domain.phone import digits_of, mask_phone, normalize_phone


@pytest.mark.parametrize("typed, canonical", [
    # mobile
    ("010 1234 5678", "010-1234-5678"),
    ("01012345678", "010-1234-5678"),
    ("010-1234-5678", "010-1234-5678"),
    ("010.1234.5678", "010-1234-5678"),
    ("  010-1234-5678  ", "010-1234-5678"),
    ("+82 10-1234-5678", "010-1234-5678"),
    ("+821012345678", "010-1234-5678"),
    ("011-123-4567", "011-123-4567"),
    # Seoul: 02 with a three- or four-digit exchange
    ("02-123-4567", "02-123-4567"),
    ("021234567", "02-123-4567"),
    ("0212345678", "02-1234-5678"),
    ("(02) 1234-5678", "02-1234-5678"),
    ("+82 2-1234-5678", "02-1234-5678"),
    # other areas
    ("031-123-4567", "031-123-4567"),
    ("0311234567", "031-123-4567"),
    ("064 1234 5678", "064-1234-5678"),
    ("+82-31-123-4567", "031-123-4567"),
    # nationwide representative numbers
    ("1588-1234", "1588-1234"),
    ("15881234", "1588-1234"),
    ("1644 0000", "1644-0000"),
    ("1899-1111", "1899-1111"),
    # internet phone
    ("070-1234-5678", "070-1234-5678"),
    ("07012345678", "070-1234-5678"),
    ("070 123 4567", "070-123-4567"),
    # full-width digits and dash (typed with a Korean IME)
    ("０１０－１２３４－５６７８", "010-1234-5678"),
    # hyphens already in place but some digits full-width: not taken as canonical as it is
    ("010-１２３４-5678", "010-1234-5678"),
    ("０２ １２３ ４５６７", "02-123-4567"),
])
def test_normalize_phone_accepts_common_typings(typed, canonical):
    assert normalize_phone(typed) == canonical


def test_normalize_phone_is_idempotent():
    for canonical in ("010-1234-5678", "02-123-4567", "02-1234-5678", "031-123-4567",
                      "1588-1234", "070-1234-5678"):
        assert normalize_phone(normalize_phone(canonical)) == canonical


def test_international_seoul_number_with_three_digit_exchange():
    """+82 2-123-4567 is a valid Seoul number written internationally (10 digits with 82)."""
    assert normalize_phone("+82 2-123-4567") == "02-123-4567"


@pytest.mark.parametrize("typed", [
    "",                 # nothing
    "   ",
    "010-1234",         # too short
    "0101234567890",    # too long
    "02-12",            # a Seoul prefix and two digits
    "02-12345678901",
    "1234",
    "12345678",         # 8 digits but not 15xx/16xx/18xx
    "1988-1234",
    "050-1234-5678",    # not an area code used here
    "abc",
    "전화 없음",
    "010-abcd-efgh",
    "010-12ab-5678",    # letters in place of digits leave too few digits
])
def test_normalize_phone_refuses(typed):
    with pytest.raises(ValidationError) as caught:
        normalize_phone(typed)
    assert caught.value.code == "phone_format"
    assert caught.value.field == "phone"
    assert caught.value.params["value"] == typed


def test_letter_typed_for_a_digit_is_refused_not_shortened():
    """'O' typed for '0' at the end: dropping the letter turns the number into a different,
    valid-looking one (010-123-4567) that belongs to someone else. It must be refused."""
    with pytest.raises(ValidationError) as caught:
        normalize_phone("010-1234-567O")
    assert caught.value.code == "phone_format"


def test_digits_of():
    assert digits_of("010-1234-5678") == "01012345678"
    assert digits_of("+82 10 1234 5678") == "01012345678"
    assert digits_of("０２－１２３－４５６７") == "021234567"
    assert digits_of("") == ""
    assert digits_of(None) == ""


@pytest.mark.parametrize("canonical, masked", [
    ("010-1234-5678", "010-****-5678"),
    ("010-123-4567", "010-***-4567"),
    ("02-123-4567", "02-***-4567"),
    ("02-1234-5678", "02-****-5678"),
    ("031-123-4567", "031-***-4567"),
    ("1588-1234", "1588-****"),
    ("", ""),
])
def test_mask_phone(canonical, masked):
    assert mask_phone(canonical) == masked


def test_masked_phone_hides_the_middle_digits():
    masked = mask_phone(normalize_phone("010 9876 5432"))
    assert "9876" not in masked
    assert masked.endswith("5432") and masked.startswith("010-")
