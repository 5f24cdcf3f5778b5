"""Drafts: what a clerk has typed into a form and not yet saved (a new 민원, a step's note, a
reply), kept so that a crash or a power cut does not lose it. A draft holds the form's fields as
plain values; every text in it is masked as the saved record would be (no resident
registration number reaches a draft), and names are the masked ones the screens show."""
from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime
from typing import TypeAlias, overload

from pcrm_desktop.domain.complaints import Action
from pcrm_desktop.domain.text import mask_rrns

# a form's field as a draft keeps it: a plain value, as JSON writes it and reads it back
JsonValue: TypeAlias = "str | int | float | bool | None | list[JsonValue] | dict[str, JsonValue]"

INTAKE, NOTE, REPLY = "intake", "note", "reply"
KINDS = (INTAKE, NOTE, REPLY)
# the steps whose text goes to the resident (회신, 중간통지): a "reply" draft; other steps: "note"
REPLY_ACTIONS = frozenset({Action.COMPLETE, Action.NOTICE})
_KEY = re.compile(r"[A-Za-z0-9_]{1,64}")
SUMMARY_LENGTH = 40


@dataclass(frozen=True)
class Draft:
    kind: str                 # INTAKE, NOTE or REPLY
    key: str                  # an intake's own key; "<case id>_<step>" for NOTE and REPLY
    saved_at: datetime
    fields: dict[str, JsonValue] = field(default_factory=dict)

    @property
    def case_id(self) -> int | None:
        case, _, _ = self.key.partition("_")
        return int(case) if self.kind != INTAKE and case.isdigit() else None


def new_intake_key(at: datetime) -> str:
    """A new 민원 form's own key: when it was opened, and a few random letters (two forms opened
    in the same second are two drafts)."""
    return f"{at:%Y%m%d%H%M%S}_{secrets.token_hex(3)}"


def step_key(case_id: int, action: Action) -> str:
    return f"{int(case_id)}_{action.value}"


def kind_of(action: Action) -> str:
    return REPLY if action in REPLY_ACTIONS else NOTE


def file_name(kind: str, key: str) -> str:
    """`kind-key.json`; the key is letters, digits and _ only (never a path). The program
    makes the keys: another is a bug, not input to correct."""
    if kind not in KINDS or not _KEY.fullmatch(key):
        raise ValueError(f"not a draft: {kind!r} {key!r}")
    return f"{kind}-{key}.json"


def parse_name(name: str) -> tuple[str, str] | None:
    """(kind, key) of a draft's file name, None for anything else in the folder."""
    kind, dash, rest = name.partition("-")
    key = rest.removesuffix(".json")
    if not dash or kind not in KINDS or not rest.endswith(".json") or not _KEY.fullmatch(key):
        return None
    return kind, key


@overload
def masked(value: dict[str, JsonValue]) -> dict[str, JsonValue]:
    ...


@overload
def masked(value: JsonValue | tuple[JsonValue, ...]) -> JsonValue:
    ...


def masked(value: JsonValue | tuple[JsonValue, ...]) -> JsonValue:
    """The value with every text in it (at any depth) masked as a saved record's text is
    (a tuple comes back as a list, as JSON reads it back)."""
    if isinstance(value, str):
        return mask_rrns(value)[0]
    if isinstance(value, dict):
        return {str(k): masked(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [masked(v) for v in value]
    return value


def summary(draft: Draft) -> str:
    """The first words of what was typed, for the list that offers drafts back."""
    f = draft.fields
    order = ("title", "content") if draft.kind == INTAKE else ("note", "answer", "notice")
    text = next((str(f[k]) for k in order if str(f.get(k) or "").strip()), "")
    text = " ".join(text.split())
    return text if len(text) <= SUMMARY_LENGTH else text[:SUMMARY_LENGTH - 1] + "…"
