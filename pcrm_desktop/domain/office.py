"""The office that runs PCRM Desktop: its profile, departments and staff."""
from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from datetime import time

from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.domain.text import check_one_line, find_rrns, nfc, one_line


class Role(str, enum.Enum):
    ADMIN = "admin"      # sets up the office, accounts, retention
    MANAGER = "manager"  # team leader: assigns, watches deadlines, reviews the access log
    CLERK = "clerk"      # 민원 clerk at the counter and on the phone
    KIOSK = "kiosk"      # the survey kiosk: answers surveys, sees no personal data

    @classmethod
    def parse(cls, value: str) -> Role:
        try:
            return cls(value.strip().lower())
        except ValueError:
            raise ValidationError("role_unknown", field="role", role=value) from None


@dataclass(frozen=True)
class OfficeHours:
    """Working hours used by the 민원 clock; 09:00–18:00 with a lunch hour gives 8 hours."""

    start: time = time(9, 0)
    lunch_start: time = time(12, 0)
    lunch_end: time = time(13, 0)
    end: time = time(18, 0)

    def validate(self) -> None:
        if not (self.start < self.lunch_start <= self.lunch_end < self.end):
            raise ValidationError("office_hours_order", field="office_hours")

    @property
    def working_minutes(self) -> int:
        def minutes(t: time) -> int:
            return t.hour * 60 + t.minute
        lunch = minutes(self.lunch_end) - minutes(self.lunch_start)
        return minutes(self.end) - minutes(self.start) - lunch


@dataclass(frozen=True)
class OfficeProfile:
    name: str
    code: str = ""          # 행정기관코드, 7 digits, optional
    address: str = ""
    phone: str = ""
    hours: OfficeHours = field(default_factory=OfficeHours)

    def validated(self) -> OfficeProfile:
        name = clean_text(self.name)
        require(name, "office_name", max_len=100)
        code = self.code.strip()
        if code and not re.fullmatch(r"[0-9]{7}", code):
            raise ValidationError("office_code_format", field="office_code")
        address, _ = one_line(self.address, "office_address")
        require(address, "office_address", max_len=200, optional=True)
        phone = self.phone.strip()
        if phone and not re.fullmatch(r"[0-9][0-9-]{6,14}", phone):
            raise ValidationError("phone_format", field="office_phone")
        self.hours.validate()
        return OfficeProfile(name=name, code=code, address=address, phone=phone, hours=self.hours)


@dataclass(frozen=True)
class Department:
    id: int | None
    name: str
    active: bool = True


@dataclass(frozen=True)
class Staff:
    id: int | None
    name: str
    login: str
    role: Role
    department_id: int | None = None
    active: bool = True


LOGIN_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{2,31}")


def clean_text(value: str) -> str:
    """Trim and normalise to NFC, so Hangul typed on macOS (NFD) matches Windows input."""
    return nfc(value)


ONE_LINE_MAX = 200  # a field no longer than this is one line: a name, a title, an address


def require(value: str, field_name: str, max_len: int, optional: bool = False) -> None:
    """A name or a short text: present unless optional, not too long, and on one line without
    a control character or a bidi override (a longer text, a 상담 내용, had those dropped by
    mask_rrns); never an RRN."""
    if not value and not optional:
        raise ValidationError("required", field=field_name)
    if len(value) > max_len:
        raise ValidationError("too_long", field=field_name, max=max_len)
    if max_len <= ONE_LINE_MAX:
        check_one_line(value, field_name)
    if find_rrns(value):  # a name is shown everywhere: refused, as a resident's name is
        raise ValidationError("rrn_in_name", field=field_name)


def validate_department_names(names: list[str]) -> list[str]:
    cleaned: list[str] = []
    for raw in names:
        name = clean_text(raw)
        if not name:
            continue
        require(name, "department_name", max_len=50)
        if name in cleaned:
            raise ValidationError("department_duplicate", field="department_name", name=name)
        cleaned.append(name)
    if not cleaned:
        raise ValidationError("departments_empty", field="departments")
    return cleaned


def validate_staff(name: str, login: str, role: Role | str) -> tuple[str, str, Role]:
    name = clean_text(name)
    require(name, "staff_name", max_len=50)
    login = clean_text(login).lower()
    require(login, "login", max_len=32)
    if not LOGIN_PATTERN.fullmatch(login):
        raise ValidationError("login_format", field="login")
    role = role if isinstance(role, Role) else Role.parse(role)
    return name, login, role
