"""Text rules shared by every record: Unicode normalisation, control characters, RRN detection
and masking."""
from __future__ import annotations

import re
import unicodedata
from datetime import date

from pcrm_desktop.domain.errors import ValidationError

# --- control characters ---------------------------------------------------------------------
# C0 and C1 controls, DEL, and the bidi embeddings, overrides and isolates (U+202A–U+202E,
# U+2066–U+2069: "\u202egpj.exe" shows as "exe.jpg"): a one-line field (a name, a login, a
# title) refuses them, naming the field; free text loses them but keeps its line breaks and tabs
# (LF: a pasted CR LF becomes LF; a CR alone, which also opens a formula in a spreadsheet cell,
# goes). An ESC or a BEL went out raw in every export before.
_BIDI = "\u202a-\u202e\u2066-\u2069"
_ONE_LINE_REFUSED = re.compile(f"[\x00-\x1f\x7f-\x9f{_BIDI}]")
_FREE_TEXT_DROPPED = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_BIDI}]")

# --- resident registration numbers ------------------------------------------------------------
# YYMMDD, a separator or none, a 1–8 gender/century digit, 6 digits; digits on either side mean
# a longer number (an account, a phone run together), not an RRN. As people type it: \d takes
# full-width digits (９００１０１) too; the separator is any dash (a Korean IME in full-width mode
# gives "－"), the long mark ー, ㅡ, a dot, an underscore, a middle dot or a slash, with a space on
# either side, or a space alone; the digits may all be spaced out (9 0 0 1 0 1 - 1 2 3 …), and
# invisible format characters (zero-width space, soft hyphen, BOM, bidi marks: Unicode Cf) may
# sit between any two. A plausible birth date and gender digit are required, except right after
# 주민(등록)번호 / 외국인등록번호 / RRN: there any 6+7 digits are one, whatever the date, and a
# letter O may stand for a zero (9OO1O1-1234567).
_SPACES = " \u00a0\u2000-\u200a\u202f\u205f\u3000"
_SEPARATOR_CHARS = ("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2043\u02d7\u2e3a\u2e3b\ufe58"
                    "\ufe63\uff0d"                               # hyphens, dashes and minus signs
                    "\u30fc\uff70\u30a0\u3161\u2500\u2501"       # ー ｰ ゠ ㅡ ─ ━ typed for a dash
                    "._\uff0e\uff3f\u00b7\u2027\u30fb\uff65/\uff0f")  # dots, underscores, slashes
# Unicode's Cf in the first plane (those beyond, format controls of hieroglyphs, shorthand and
# music and the emoji tags, are not typed into a number; a class holding them is searched five
# times more slowly)
_INVISIBLE_CHARS = ("\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
                    "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb")
_LETTER_ZEROS = "OoＯｏ〇"
_KEYWORD_TAIL = r"\s{0,2}(?:등록\s{0,2})?번호"
# Every alternative opens with a literal, so the regex engine skips ahead on its first letters.
_KEYWORD = re.compile("|".join([f"주민{_KEYWORD_TAIL}", f"외국인{_KEYWORD_TAIL}"] + [
    a + b + c for a in "Rr" for b in "Rr" for c in "Nn"]))
_KEYWORD_REACH = 20  # characters between a keyword (or the number before) and the number
_INVISIBLE = re.compile(f"[{_INVISIBLE_CHARS}]")
_SPACE = re.compile(f"[{_SPACES}]")
_UNUSUAL = re.compile(f"[\x00-\x08\x0b-\x1f\x7f-\x9f{_INVISIBLE_CHARS}]")  # either of the two


def _number(digit: str, gap: str) -> str:
    """6 + 7 `digit`s in one run or spaced out, `gap` allowed between any two characters.
    Each alternative opens with a single character class (no gap: \\d\\d{4}, not (?:\\d){5}),
    so the engine tries it only where that character is: the scan stays about as fast as the
    plain 13-digit pattern it replaced (imports mask every cell)."""
    space, sep = f"[{_SPACES}]", "[" + re.escape(_SEPARATOR_CHARS) + "]"
    middle = f"(?:{space}?{gap}{sep}{gap}{space}?|{space})"
    d, s = f"{gap}{digit}", f"{gap}{space}{gap}{digit}"
    run = (f"{d}(?:{d}){{4}}" if gap else f"{d}{d}{{4}}") + \
        f"(?:{gap}{middle})?{d}" + (f"(?:{d}){{6}}" if gap else f"{d}{{6}}") + f"(?!{gap}\\d)"
    # not followed by a digit, nor by one more spaced-out digit (a 14th)
    spaced = (f"{s}(?:{s}){{4}}{gap}{middle}{d}(?:{s}){{6}}(?!{gap}\\d)"
              f"(?!{gap}{space}{gap}\\d(?!{gap}\\d))")
    return f"{digit}(?:{run}|(?P<spaced>{spaced}))"


_GAP = f"[{_INVISIBLE_CHARS}]*+"  # possessive: two gaps side by side cannot trade characters
_KEYWORD_DIGIT = rf"[\d{_LETTER_ZEROS}]"
RRN_PATTERN = re.compile(_number(r"\d", ""))
_RRN_HIDDEN = re.compile(_number(r"\d", _GAP))
_AFTER = rf"[^\d]{{0,{_KEYWORD_REACH}}}?"  # not a digit: the number starts at the first one
_KEYWORD_RRN = re.compile(f"{_AFTER}(?P<rrn>{_number(_KEYWORD_DIGIT, '')})")
_KEYWORD_RRN_HIDDEN = re.compile(f"{_AFTER}(?P<rrn>{_number(_KEYWORD_DIGIT, _GAP)})")


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

    def decoded(run: re.Match[str]) -> str:
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


def check_one_line(value: str, field: str) -> str:
    """The value of a one-line field (a name, a phone number, a login, a title, an address), or
    ValidationError control_character naming the field when it holds a control character (a
    tab and a line break too) or a bidi override: nothing is dropped from what will be shown
    as someone's name without telling."""
    if not value.isprintable() and _ONE_LINE_REFUSED.search(value):
        raise ValidationError("control_character", field=field)
    return value


def one_line(value: str | None, field: str, join_lines: bool = False) -> tuple[str, int]:
    """A one-line field as it is stored: NFC and trimmed, refused when it holds a control
    character (check_one_line, naming `field`), RRNs masked; and how many were masked.
    `join_lines`: line breaks and tabs become one space first (an address typed on two lines
    in an Excel cell, Alt+Enter, is still one address)."""
    text = nfc(value)
    if join_lines and not text.isprintable():
        text = _SPACE_RUNS.sub(" ", _LINE_BREAKS.sub(" ", text)).strip()
    return mask_rrns(check_one_line(text, field))


_LINE_BREAKS = re.compile("[\r\n\t\v\f\x85\u2028\u2029]+")
_SPACE_RUNS = re.compile(" {2,}")


def drop_controls(text: str) -> str:
    """Free text without control characters and bidi overrides; line breaks and tabs kept."""
    if text.isprintable() or not _FREE_TEXT_DROPPED.search(text):  # the usual case
        return text
    return _FREE_TEXT_DROPPED.sub("", text)


def _plausible_birth_date(yy: int, mm: int, dd: int) -> bool:
    try:
        date(2000 + yy, mm, dd)  # 2000 is a leap year: 29 Feb passes
    except ValueError:
        return False
    return True


def _digits(number: str) -> list[str]:
    """The digits of a matched number as typed (a letter O after a keyword counts as one)."""
    return [c for c in number if c.isdecimal() or c in _LETTER_ZEROS]


def _stands_alone(text: str, match: re.Match[str], hidden: bool) -> bool:
    """No digit before the number (past any invisible characters; past one space when its
    digits are spaced out); and a space alone does not join the tail of a dashed number
    (접수번호 2026-000123) to the number after it."""
    start = match.start("rrn") if "rrn" in match.re.groupindex else match.start()
    before = start
    while hidden and before and _INVISIBLE.match(text, before - 1):
        before -= 1
    if before and text[before - 1].isdecimal():
        return False
    if match.group("spaced") is not None:  # nor one more spaced-out digit (a 14th) before it
        return not (before >= 2 and _SPACE.match(text, before - 1) and text[before - 2].isdecimal()
                    and (before == 2 or not text[before - 3].isdecimal()))
    number = match.group("rrn") if "rrn" in match.re.groupindex else match.group()
    digits = [i for i, c in enumerate(number) if c.isdecimal() or c in _LETTER_ZEROS]
    separator = number[digits[5] + 1:digits[6]]
    if hidden:
        separator = _INVISIBLE.sub("", separator)
    if separator and separator.isspace() and before >= 2:
        return not (text[before - 2].isdecimal() and text[before - 1] in _SEPARATOR_CHARS)
    return True


def _is_rrn(number: str) -> bool:
    """A plausible birth date in the first six digits and a 1–8 gender/century digit."""
    d = [int(c) for c in _digits(number)]
    return 1 <= d[6] <= 8 and _plausible_birth_date(d[0] * 10 + d[1], d[2] * 10 + d[3],
                                                    d[4] * 10 + d[5])


def _may_hold_lettered(text: str) -> bool:
    """Whether a keyword may be followed by a number with a letter O for a zero (`in` looks
    for one character many times faster than a regex looks for any of five)."""
    if text.isascii():
        return ("o" in text or "O" in text) and ("RRN" in text or "rrn" in text or "Rrn" in text)
    return "o" in text or "O" in text or "〇" in text or "Ｏ" in text or "ｏ" in text


def _scan(text: str) -> tuple[str, list[tuple[int, int]]]:
    """The text without control characters, and where its RRNs are: (start, end) in order."""
    hidden = False
    if not text.isprintable() and _UNUSUAL.search(text):  # not only line breaks or odd spaces
        text = drop_controls(text)
        hidden = _INVISIBLE.search(text) is not None
    if len(text) < 13:  # an RRN has 13 digits: most fields are shorter
        return text, []
    pattern = _RRN_HIDDEN if hidden else RRN_PATTERN
    found = pattern.search(text)
    if found is None and not _may_hold_lettered(text):  # the usual case (a number after a
        return text, []  # keyword is all digits then, and would have been found)
    keyword = _KEYWORD.search(text)
    claimed = _after_keywords(text, keyword, hidden)  # in order, apart
    spans, taken = list(claimed), 0
    while found is not None:
        start, end = found.span()
        while taken < len(claimed) and claimed[taken][1] <= start:
            taken += 1
        if taken < len(claimed) and claimed[taken][0] < end:  # found after a keyword already
            found = pattern.search(text, max(start + 1, claimed[taken][1]))
        elif _is_rrn(found.group()) and _stands_alone(text, found, hidden):
            spans.append((start, end))
            found = pattern.search(text, end)
        else:  # a later start inside it may still be one
            found = pattern.search(text, start + 1)
    return text, sorted(spans)


def _after_keywords(text: str, keyword: re.Match[str] | None, hidden: bool) -> list[tuple[int, int]]:
    """The numbers right after a keyword, whatever their date: a list (주민번호 A, B) reaches
    on from each number to the next."""
    after = _KEYWORD_RRN_HIDDEN if hidden else _KEYWORD_RRN
    spans: list[tuple[int, int]] = []
    while keyword is not None:
        position = keyword.end()
        while (found := after.match(text, position)) and _stands_alone(text, found, hidden):
            if not spans or found.start("rrn") >= spans[-1][1]:
                spans.append(found.span("rrn"))
            position = found.end()
        keyword = _KEYWORD.search(text, position)
    return spans


def find_rrns(text: str) -> list[str]:
    """Every RRN in the text (see RRN_PATTERN), as it stands there once control characters
    are dropped."""
    if not text:
        return []
    text, spans = _scan(text)
    return [text[s:e] for s, e in spans]


def mask_rrns(text: str) -> tuple[str, int]:
    """The text with each RRN cut to its first 7 digits and asterisks (900101-1******), and
    how many there were. Control characters and bidi overrides go first (drop_controls): every
    free text passes here, and none could then hide a number from the scan."""
    if not text:
        return "", 0
    if text.isprintable() and (len(text) < 13 or (  # most cells of an import: _scan's first
            RRN_PATTERN.search(text) is None and not _may_hold_lettered(text))):  # steps
        return text, 0
    text, spans = _scan(text)
    if not spans:
        return text, 0
    pieces, last = [], 0
    for start, end in spans:
        d = _digits(text[start:end])
        pieces += [text[last:start], "".join(d[:6]), "-", d[6], "******"]
        last = end
    pieces.append(text[last:])
    return "".join(pieces), len(spans)


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
