"""Text rules shared by every record: Unicode normalisation, RRN detection and masking."""
from __future__ import annotations

import re
import unicodedata
from datetime import date

from pcrm_desktop.domain.errors import ValidationError

# A resident registration number: YYMMDD, optional hyphen, a 1–8 gender/century digit, 6 digits.
# Digits on either side mean a longer number (an account, a phone run together), not an RRN
# (a digit before it is checked in _is_rrn: a pattern opening with a lookbehind is searched
# more than twice as slowly, and imports look at every cell).
# As people type it: the hyphen may be any dash (a Korean IME in full-width mode gives "－") with
# a space on either side, or a single space alone; \d takes full-width digits (９００１０１) too.
_DASH_CHARS = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
_DASHES = "\\" + _DASH_CHARS
_SPACE = "[ \u00a0\u3000]"
RRN_PATTERN = re.compile(
    rf"(\d\d)(\d\d)(\d\d)({_SPACE}?[{_DASHES}]{_SPACE}?|{_SPACE})?([1-8１-８])\d{{6}}(?!\d)")


_SURROGATE = re.compile("[\ud800-\udfff]")
_ESCAPED_BYTES = re.compile("[\udc80-\udcff]+")  # os.fsdecode's stand-ins for undecodable bytes
NOTE_MAX = 4_000  # a note, a memo, a measure: the longest free text but a 민원's content and answer


def nfc(value: str | None) -> str:
    """Trimmed NFC text, so Hangul typed on macOS (NFD) equals Hangul typed on Windows (NFC).
    Text holding half of a UTF-16 pair (a lone surrogate: undecodable bytes in a command-line
    argument, a broken paste) cannot be stored as UTF-8 and is refused (text_unencodable)."""
    if not value:
        return ""
    if value.isascii():
        return value.strip()
    if _SURROGATE.search(value):
        raise ValidationError("text_unencodable", field="text")
    if unicodedata.is_normalized("NFC", value):
        return value.strip()
    return unicodedata.normalize("NFC", value).strip()


def well_formed(text: str) -> str:
    """A file name as text that can be stored. Python keeps bytes the file system could not
    decode as lone surrogates (a CP949 name from a Windows USB stick on a UTF-8 system): each
    run of them is read as CP949 when it is that, else shown as U+FFFD, never passed on to
    fail the write it is logged in."""
    if text.isascii() or not _SURROGATE.search(text):
        return text

    def decoded(run: re.Match) -> str:
        try:
            return bytes(ord(c) - 0xDC00 for c in run.group()).decode("cp949")
        except UnicodeDecodeError:
            return "\ufffd"

    return _SURROGATE.sub("\ufffd", _ESCAPED_BYTES.sub(decoded, text))


def check_length(value: str, field: str, most: int) -> str:
    """The value, or ValidationError too_long naming the field (no free text takes 1 MB)."""
    if len(value) > most:
        raise ValidationError("too_long", field=field, max=most)
    return value


def _plausible_birth_date(yy: str, mm: str, dd: str) -> bool:
    try:
        date(2000 + int(yy), int(mm), int(dd))  # 2000 is a leap year: 29 Feb passes
    except ValueError:
        return False
    return True


def _is_rrn(match: re.Match) -> bool:
    """No digit before it, a plausible birth date; and a space alone does not join the tail
    of a dashed number (접수번호 2026-000123) to the number after it."""
    separator, start = match.group(4), match.start()
    if start and match.string[start - 1].isdecimal():
        return False
    if not _plausible_birth_date(match.group(1), match.group(2), match.group(3)):
        return False
    if separator and separator.isspace() and start >= 2:
        before = match.string[start - 2:start]
        return not (before[0].isdecimal() and before[1] in _DASH_CHARS)
    return True


def find_rrns(text: str) -> list[str]:
    """Every RRN-shaped run in the text whose first six digits are a plausible date."""
    if not text or len(text) < 13:  # an RRN has 13 digits: most fields are shorter
        return []
    return [m.group(0) for m in RRN_PATTERN.finditer(text or "") if _is_rrn(m)]


def mask_rrns(text: str) -> tuple[str, int]:
    """Replace each RRN with its first 7 digits and asterisks (900101-1******); return the count."""
    if not text or len(text) < 13 or RRN_PATTERN.search(text) is None:  # the usual case
        return text or "", 0
    count = 0

    def replace(match: re.Match) -> str:
        nonlocal count
        if not _is_rrn(match):
            return match.group(0)
        count += 1
        return f"{match.group(1)}{match.group(2)}{match.group(3)}-{match.group(5)}******"

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
