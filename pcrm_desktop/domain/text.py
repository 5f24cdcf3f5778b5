"""Text rules shared by every record: Unicode normalisation, RRN detection and masking."""
from __future__ import annotations

import re
import unicodedata
from datetime import date

# A resident registration number: YYMMDD, optional hyphen, a 1–8 gender/century digit, 6 digits.
# Digits on either side mean a longer number (an account, a phone run together), not an RRN.
RRN_PATTERN = re.compile(r"(?<!\d)(\d{2})(\d{2})(\d{2})-?([1-8])\d{6}(?!\d)")


def nfc(value: str | None) -> str:
    """Trimmed NFC text, so Hangul typed on macOS (NFD) equals Hangul typed on Windows (NFC)."""
    if not value:
        return ""
    if value.isascii() or unicodedata.is_normalized("NFC", value):
        return value.strip()
    return unicodedata.normalize("NFC", value).strip()


def _plausible_birth_date(yy: str, mm: str, dd: str) -> bool:
    try:
        date(2000 + int(yy), int(mm), int(dd))  # 2000 is a leap year: 29 Feb passes
    except ValueError:
        return False
    return True


def find_rrns(text: str) -> list[str]:
    """Every RRN-shaped run in the text whose first six digits are a plausible date."""
    if not text or len(text) < 13:  # an RRN has 13 digits: most fields are shorter
        return []
    return [m.group(0) for m in RRN_PATTERN.finditer(text or "")
            if _plausible_birth_date(m.group(1), m.group(2), m.group(3))]


def mask_rrns(text: str) -> tuple[str, int]:
    """Replace each RRN with its first 7 digits and asterisks (900101-1******); return the count."""
    if not text or len(text) < 13:
        return text or "", 0
    count = 0

    def replace(match: re.Match) -> str:
        nonlocal count
        if not _plausible_birth_date(match.group(1), match.group(2), match.group(3)):
            return match.group(0)
        count += 1
        return f"{match.group(1)}{match.group(2)}{match.group(3)}-{match.group(4)}******"

    return RRN_PATTERN.sub(replace, text or ""), count


def mask_name(name: str) -> str:
    """홍길동 → 홍*동, 김철 → 김*, 남궁민수 → 남**수; Latin names keep first and last letter."""
    name = nfc(name)
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "*"
    return name[0] + "*" * (len(name) - 2) + name[-1]


def mask_email(email: str) -> str:
    local, at, domain = (email or "").partition("@")
    if not at:
        return email
    return (local[:2] + "*" * max(1, len(local) - 2)) + "@" + domain
