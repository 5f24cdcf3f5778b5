"""Customer groups (고객집단): derived from the record (age) or assigned by staff; smart groups
are saved searches. The seeded list follows DOMAIN.md §1 and stays editable."""
from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypedDict


class GroupKind(str, enum.Enum):
    DERIVED = "derived"    # computed from birth year: membership is never stored
    ASSIGNED = "assigned"  # set by a clerk, with the date
    SMART = "smart"        # a saved search


@dataclass(frozen=True)
class AgeRule:
    min_age: int | None = None
    max_age: int | None = None

    def birth_years(self, today: date) -> tuple[int | None, int | None]:
        """(earliest, latest) birth year for the rule, age counted as this year minus birth year."""
        earliest = today.year - self.max_age if self.max_age is not None else None
        latest = today.year - self.min_age if self.min_age is not None else None
        return earliest, latest


class SearchRuleData(TypedDict):
    """A SearchRule as a dict: what is stored (JSON) and what the list's query reads."""
    text: str
    dong_name: str
    group_codes: list[str]
    min_age: int | None
    max_age: int | None
    channel: str


@dataclass(frozen=True)
class SearchRule:
    """A smart group's saved search; every part optional and combined with AND."""
    text: str = ""
    dong_name: str = ""
    group_codes: tuple[str, ...] = ()
    min_age: int | None = None
    max_age: int | None = None
    channel: str = ""

    def as_dict(self) -> SearchRuleData:
        return {"text": self.text, "dong_name": self.dong_name,
                "group_codes": list(self.group_codes), "min_age": self.min_age,
                "max_age": self.max_age, "channel": self.channel}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SearchRule:
        # data: decoded JSON, stored by this or an older version (unknown keys are left out)
        known = {k: v for k, v in data.items() if k in cls.__dataclass_fields__}
        return cls(**{**known, "group_codes": tuple(known.get("group_codes") or ())})

    def filters_only(self) -> SearchRule:
        """The rule without its text: what the list's filter row holds."""
        return SearchRule("", self.dong_name, self.group_codes, self.min_age, self.max_age,
                          self.channel)

    @property
    def empty(self) -> bool:
        return self == SearchRule()


@dataclass(frozen=True)
class CustomerGroup:
    id: int | None
    code: str
    name: str
    kind: GroupKind
    age_rule: AgeRule | None = None
    search_rule: SearchRule | None = None
    builtin: bool = False
    active: bool = True


@dataclass(frozen=True)
class GroupProfile:
    group: CustomerGroup
    size: int
    age_bands: dict[str, int] = field(default_factory=dict)
    channels: dict[str, int] = field(default_factory=dict)
    interactions_per_100: float = 0.0


BUILTIN_GROUPS: tuple[CustomerGroup, ...] = (
    CustomerGroup(None, "SENIOR", "어르신(65+)", GroupKind.DERIVED, AgeRule(min_age=65), builtin=True),
    CustomerGroup(None, "YOUTH", "청년(19–34)", GroupKind.DERIVED, AgeRule(19, 34), builtin=True),
    CustomerGroup(None, "DISABLED", "장애인", GroupKind.ASSIGNED, builtin=True),
    CustomerGroup(None, "MULTICULTURAL", "다문화가족", GroupKind.ASSIGNED, builtin=True),
    CustomerGroup(None, "BASIC_LIVING", "기초생활수급자", GroupKind.ASSIGNED, builtin=True),
    CustomerGroup(None, "SINGLE_PARENT", "한부모가족", GroupKind.ASSIGNED, builtin=True),
    CustomerGroup(None, "FOREIGN", "외국인 주민", GroupKind.ASSIGNED, builtin=True),
    CustomerGroup(None, "SMALL_BUSINESS", "소상공인", GroupKind.ASSIGNED, builtin=True),
)

AGE_BANDS = ((0, 18, "~18"), (19, 34, "19–34"), (35, 49, "35–49"), (50, 64, "50–64"),
             (65, 200, "65+"))


def age_band(age: int | None) -> str:
    if age is None:
        return "?"
    return next(label for low, high, label in AGE_BANDS if low <= age <= high)
