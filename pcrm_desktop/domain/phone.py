"""Korean phone numbers: accept any typing, store one canonical form, mask for display.

Canonical forms: 010-1234-5678 (mobile), 02-123-4567 / 02-1234-5678 (Seoul),
031-123-4567 (other areas), 1588-1234 (nationwide representative numbers), 070-1234-5678.
"""
from __future__ import annotations

import re
import unicodedata

from pcrm_desktop.domain.errors import ValidationError

AREA_CODES = {"031", "032", "033", "041", "042", "043", "044", "051", "052", "053", "054",
              "055", "061", "062", "063", "064"}
MOBILE_PREFIXES = {"010", "011", "016", "017", "018", "019"}
REPRESENTATIVE_PREFIXES = {"15", "16", "18"}  # 15xx, 16xx, 18xx 8-digit numbers
THREE_DIGIT_PREFIXES = frozenset(MOBILE_PREFIXES | {"070"} | AREA_CODES)
# Already canonical (what imports and the dialog mostly see): checked without rebuilding it.
CANONICAL = re.compile(r"0[0-9]{1,2}-[0-9]{3,4}-[0-9]{4}|1[568][0-9]{2}-[0-9]{4}")  # ASCII digits only


NOT_DIGIT = re.compile(r"[^0-9]")


LETTER_INSIDE = re.compile(r"[0-9][^\W\d_]|[^\W\d_][0-9]|[0-9][^0-9\s\-().+/]+[0-9]")


def digits_of(text: str) -> str:
    text = text or ""
    digits = NOT_DIGIT.sub("", text if text.isascii() else unicodedata.normalize("NFKC", text))
    if digits.startswith("82") and len(digits) in (10, 11, 12):  # +82 10-1234-5678, +82 2-123-4567
        digits = "0" + digits[2:]
    elif len(digits) == 10 and digits[:2] in ("10", "11", "16", "17", "18", "19"):
        digits = "0" + digits  # a mobile number that lost its 0 in an Excel number cell
    return digits


def normalize_phone(text: str) -> str:
    """The canonical form, or ValidationError phone_format."""
    text = text or ""
    if CANONICAL.fullmatch(text):
        head = text.split("-", 1)[0]
        if head == "02" or (head in THREE_DIGIT_PREFIXES and len(text) in (12, 13)) \
                or len(text) == 9:
            return text
    if LETTER_INSIDE.search(text if text.isascii() else unicodedata.normalize("NFKC", text)):
        # 010-1234-567O: a letter typed for a digit would silently make someone else's number
        raise ValidationError("phone_format", field="phone", value=text)
    d = digits_of(text)
    if d.startswith("02") and len(d) in (9, 10):
        return f"02-{d[2:-4]}-{d[-4:]}"
    if d[:3] in THREE_DIGIT_PREFIXES and len(d) in (10, 11):
        return f"{d[:3]}-{d[3:-4]}-{d[-4:]}"
    if d[:2] in REPRESENTATIVE_PREFIXES and len(d) == 8:
        return f"{d[:4]}-{d[4:]}"
    raise ValidationError("phone_format", field="phone", value=text)


def mask_phone(canonical: str) -> str:
    """010-1234-5678 → 010-****-5678; 1588-1234 → 1588-****."""
    parts = canonical.split("-")
    if len(parts) == 3:
        return f"{parts[0]}-{'*' * len(parts[1])}-{parts[2]}"
    if len(parts) == 2:
        return f"{parts[0]}-****"
    return canonical
