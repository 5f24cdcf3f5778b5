"""The resident (주민·고객) record and its rules. No resident registration number anywhere."""
from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from datetime import date

from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.domain.phone import normalize_phone
from pcrm_desktop.domain.text import check_one_line, find_rrns, mask_rrns, nfc, one_line

COMPOUND_SURNAMES = ("남궁", "황보", "제갈", "선우", "서문", "독고", "동방", "사공", "어금", "망절")


class Channel(str, enum.Enum):
    VISIT = "visit"
    PHONE = "phone"
    SMS = "sms"
    MAIL = "mail"
    EMAIL = "email"
    ONLINE = "online"


class Gender(str, enum.Enum):
    UNKNOWN = ""
    FEMALE = "F"
    MALE = "M"


LANGUAGES = ("ko", "en", "zh", "vi", "ja", "th", "ru", "uz", "mn", "tl")
ACCESSIBILITY = ("hearing", "vision", "mobility", "cognitive", "interpreter")


@dataclass(frozen=True)
class Address:
    road: str = ""          # 도로명주소: 서울특별시 종로구 자하문로 92
    detail: str = ""        # 상세: 101동 202호
    dong_code: str = ""     # 법정동코드 10자리
    dong_name: str = ""     # 법정동 이름: 청운동

    def one_line(self) -> str:
        return " ".join(part for part in (self.road, self.detail) if part)


@dataclass(frozen=True)
class Citizen:
    id: int | None
    name: str
    birth_year: int | None = None
    birth_date: date | None = None
    gender: Gender = Gender.UNKNOWN
    phones: tuple[str, ...] = ()
    email: str = ""
    address: Address = field(default_factory=Address)
    preferred_channel: Channel | None = None
    preferred_language: str = "ko"
    accessibility: tuple[str, ...] = ()
    memo: str = ""
    version: int = 0

    @property
    def surname(self) -> str:
        return split_name(self.name)[0]


@dataclass(frozen=True)
class CleanResult:
    citizen: Citizen
    rrn_masked: int  # how many RRN-shaped texts were masked (the clerk is warned)


def split_name(name: str) -> tuple[str, str]:
    """(surname, given name): 홍길동 → (홍, 길동); 남궁민수 → (남궁, 민수); a Latin name → ("", name)."""
    name = nfc(name).replace(" ", "")
    if not name or not re.match(r"[가-힣]", name):
        return "", name
    if len(name) >= 3 and name[:2] in COMPOUND_SURNAMES:
        return name[:2], name[2:]
    return name[:1], name[1:]


def age_in(birth_year: int | None, today: date) -> int | None:
    return None if birth_year is None else today.year - birth_year


def clean_citizen(citizen: Citizen, today: date) -> CleanResult:
    """Validate and normalise; RRN-shaped text in free fields is masked, not stored."""
    name = nfc(citizen.name)
    if not name:
        raise ValidationError("required", field="citizen_name")
    if len(name) > 50:
        raise ValidationError("too_long", field="citizen_name", max=50)
    check_one_line(name, "citizen_name")
    if find_rrns(name):
        raise ValidationError("rrn_in_name", field="citizen_name")
    if citizen.birth_year is not None and not (1900 <= citizen.birth_year <= today.year):
        raise ValidationError("birth_year_range", field="birth_year", max=today.year)
    if citizen.birth_date and citizen.birth_year and citizen.birth_date.year != citizen.birth_year:
        raise ValidationError("birth_date_mismatch", field="birth_date")
    phones: list[str] = []
    for raw in citizen.phones:
        if check_one_line(nfc(raw), "phone"):
            number = normalize_phone(raw)
            if number not in phones:
                phones.append(number)
    email, masked = one_line(citizen.email, "email")  # counted with the free fields below
    if email and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", email):
        raise ValidationError("email_format", field="email")
    if citizen.preferred_language not in LANGUAGES:
        raise ValidationError("language_unknown", field="preferred_language")
    memo, n = mask_rrns(nfc(citizen.memo))  # free text: control characters dropped
    masked += n
    road, n = one_line(citizen.address.road, "road", join_lines=True)
    masked += n
    detail, n = one_line(citizen.address.detail, "address_detail", join_lines=True)
    masked += n
    if len(memo) > 4000:
        raise ValidationError("too_long", field="memo", max=4000)
    dong_code, n = one_line(citizen.address.dong_code, "dong_code")
    masked += n
    dong_name, n = one_line(citizen.address.dong_name, "dong_name")
    masked += n
    # the columns' declared lengths (SQLite does not enforce them; PostgreSQL would fail)
    for value, field_name, most in ((email, "email", 100), (road, "road", 200),
                                    (detail, "address_detail", 100), (dong_code, "dong_code", 10),
                                    (dong_name, "dong_name", 30)):
        if len(value) > most:
            raise ValidationError("too_long", field=field_name, max=most)
    address = Address(road, detail, dong_code, dong_name)
    birth_year = citizen.birth_year or (citizen.birth_date.year if citizen.birth_date else None)
    cleaned = Citizen(citizen.id, name, birth_year, citizen.birth_date, citizen.gender,
                      tuple(phones), email, address, citizen.preferred_channel,
                      citizen.preferred_language,
                      tuple(a for a in citizen.accessibility if a in ACCESSIBILITY), memo,
                      citizen.version)
    return CleanResult(cleaned, masked)


def parse_birth_year(text: str) -> int | None:
    """'1968', '68', '1968-03-02', '1968.3.2', '680302' → 1968; blank → None."""
    text = nfc(text)
    if not text:
        return None
    if len(text) == 4 and text.isascii() and text.isdigit() and text[:2] in ("19", "20"):  # the usual case
        return int(text)
    parts = [p for p in re.split(r"[^0-9]+", text) if p]
    if len(parts) > 1:  # 1968-3-2, 1968.3.2, 1968년 3월 2일: the first part is the year
        text = parts[0]
    digits = re.sub(r"\D", "", text)
    if len(digits) in (4, 8) and digits[:2] in ("19", "20"):
        return int(digits[:4])
    if len(digits) == 6:  # YYMMDD
        yy = int(digits[:2])
        return 1900 + yy if yy > 30 else 2000 + yy
    if len(digits) == 2:
        yy = int(digits)
        return 1900 + yy if yy > 30 else 2000 + yy
    raise ValidationError("birth_year_format", field="birth_year", value=text)
