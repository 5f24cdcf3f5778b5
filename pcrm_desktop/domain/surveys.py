"""Questionnaires (DOMAIN.md §5): item types, show-if rules, the built-in templates, answer
validation, and the versioning rule (a version freezes at its first response). Plain Python."""
from __future__ import annotations

import enum
import json
import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import SupportsFloat, SupportsIndex, TypeAlias

from pcrm_desktop.domain.errors import ConflictError, ValidationError
from pcrm_desktop.domain.messages import QT_TRANSLATE_NOOP
from pcrm_desktop.domain.text import mask_rrns, nfc

NA = "NA"  # 해당없음, kept apart from every denominator
# one answer as clean_answers keeps it: a scale point or 0–10 (int), a number (float), yes/no
# (bool), a date (ISO text), a choice or text (str), the options chosen (list) or NA
Answer: TypeAlias = "int | float | bool | str | list[str]"


class ItemType(str, enum.Enum):
    SINGLE = "single"        # one option (optionally with 기타 text)
    MULTI = "multi"          # several options
    SCALE5 = "scale5"        # 1–5 labelled, with a separate 해당없음 when allowed
    SCALE7 = "scale7"
    MATRIX = "matrix"        # several scale rows (stored as CODE.ROW)
    RECOMMEND = "recommend"  # 0–10
    SHORT_TEXT = "short"
    LONG_TEXT = "long"
    NUMBER = "number"
    DATE = "date"
    YES_NO = "yesno"


SCALE5_LABELS = ("매우 불만족", "불만족", "보통", "만족", "매우 만족")
SCALE5_LABELS_EN = ("Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied")
SCALE_SIZE = {ItemType.SCALE5: 5, ItemType.SCALE7: 7, ItemType.MATRIX: 5}


@dataclass(frozen=True)
class ShowIf:
    """Show the item only when an earlier item's answer is one of `values`."""
    item: str
    values: tuple[object, ...] = ()   # as given; read as the parent item cleans its answers


@dataclass(frozen=True)
class Item:
    code: str                      # stable across versions: trends run on it
    type: ItemType
    text: str
    options: tuple[str, ...] = ()  # choices; a matrix's rows
    required: bool = False
    soft_required: bool = False    # asked again once, may then be skipped
    allow_na: bool = False
    other_text: bool = False       # a 기타 option with its own text
    show_if: ShowIf | None = None
    max_length: int = 2000
    text_en: str = ""              # the kiosk's English screen (Korean when empty)
    options_en: tuple[str, ...] = ()

    def shown_text(self, language: str) -> str:
        return self.text_en if language == "en" and self.text_en else self.text

    def shown_options(self, language: str) -> tuple[str, ...]:
        english = language == "en" and len(self.options_en) == len(self.options)
        return self.options_en if english else self.options


@dataclass(frozen=True)
class Questionnaire:
    title: str
    items: tuple[Item, ...]
    intro: str = ""
    thanks: str = "응답해 주셔서 감사합니다."
    title_en: str = ""
    intro_en: str = ""
    thanks_en: str = "Thank you for your answers."

    def shown(self, language: str) -> tuple[str, str, str]:
        """Title, introduction and thanks in the language asked for (Korean when missing)."""
        english = language == "en"
        return (self.title_en if english and self.title_en else self.title,
                self.intro_en if english and self.intro_en else self.intro,
                self.thanks_en if english and self.thanks_en else self.thanks)

    def item(self, code: str) -> Item:
        return next(i for i in self.items if i.code == code)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Questionnaire:
        data = json.loads(text)
        items = tuple(Item(**{**i, "type": ItemType(i["type"]), "options": tuple(i["options"]),
                              "options_en": tuple(i.get("options_en", ())),
                              "show_if": ShowIf(i["show_if"]["item"], tuple(i["show_if"]["values"]))
                              if i["show_if"] else None}) for i in data["items"])
        return cls(data["title"], items, data.get("intro", ""), data.get("thanks", ""),
                   data.get("title_en", ""), data.get("intro_en", ""), data.get("thanks_en", ""))


def check_questionnaire(q: Questionnaire) -> None:
    codes: list[str] = []
    for item in q.items:
        if not item.code or not item.code.replace("_", "").isalnum() or item.code != item.code.upper():
            raise ValidationError("item_code_format", field="item", item_code=item.code)
        if item.code in codes:
            raise ValidationError("item_code_duplicate", field="item", item_code=item.code)
        if item.type in (ItemType.SINGLE, ItemType.MULTI, ItemType.MATRIX) and not item.options:
            raise ValidationError("item_options_missing", field="item", item_code=item.code)
        if item.show_if is not None and item.show_if.item not in codes:
            raise ValidationError("show_if_order", field="item", item_code=item.code)  # earlier items only
        if item.show_if is not None:  # each value must be a valid answer of the parent
            parent = next(i for i in q.items if i.code == item.show_if.item)
            for value in item.show_if.values:
                _one(parent, value, SCALE_SIZE.get(parent.type, 0))
        codes.append(item.code)
    if not codes:
        raise ValidationError("questionnaire_empty", field="item")


def _scale(code: str, text: str, text_en: str) -> Item:
    return Item(code, ItemType.SCALE5, text, SCALE5_LABELS, allow_na=True, text_en=text_en,
                options_en=SCALE5_LABELS_EN)


# The default 민원 만족도 questionnaire, its counter (창구) version and the 3-question phone one.
ELEMENT_CODES = ("ACCESS", "KIND", "EXPERT", "SPEED", "RESULT", "FACILITY")
_BASE = (
    _scale("ACCESS", "민원을 신청하는 방법이나 담당자를 찾기 쉬웠습니까?",
           "Was it easy to find how to apply and whom to ask?"),
    _scale("KIND", "담당 직원은 친절했습니까?", "Was the staff member courteous?"),
    _scale("EXPERT", "담당 직원은 업무를 잘 알고 충분히 설명했습니까?",
           "Did the staff member know the work and explain it well?"),
    _scale("SPEED", "민원은 신속하게, 기한 안에 처리되었습니까?",
           "Was your request handled quickly and on time?"),
    _scale("RESULT", "처리 결과는 공정하고 납득할 만했습니까?",
           "Was the outcome fair and understandable?"),
)
_OVERALL = Item("OVERALL", ItemType.SCALE5, "전반적으로 이번 민원 처리에 만족하십니까?", SCALE5_LABELS,
                required=True, text_en="Overall, are you satisfied with how your request was handled?",
                options_en=SCALE5_LABELS_EN)
_END = (
    _OVERALL,
    Item("RECOMMEND", ItemType.RECOMMEND, "이 기관을 주변에 추천하시겠습니까? (0 = 전혀 아니다, 10 = 매우 그렇다)",
         soft_required=True,
         text_en="Would you recommend this office to others? (0 = not at all, 10 = certainly)"),
    Item("COMMENT", ItemType.LONG_TEXT, "개선할 점이 있으면 적어 주십시오.",
         text_en="Is there anything we should improve?"),
)
TEMPLATES: dict[str, Questionnaire] = {
    "MINWON": Questionnaire("민원 만족도 조사", _BASE + _END,
                            "민원 처리에 대한 의견을 들려주십시오. 2분이면 됩니다.",
                            title_en="Service satisfaction survey",
                            intro_en="Please tell us how your request was handled. It takes two minutes."),
    "COUNTER": Questionnaire("창구 민원 만족도 조사", _BASE + (
        _scale("FACILITY", "민원실 시설(대기 공간, 안내, 편의시설)은 편리했습니까?",
               "Were the office facilities (waiting area, signs, amenities) convenient?"),) + _END,
        "오늘 창구 이용에 대한 의견을 들려주십시오.", title_en="Counter satisfaction survey",
        intro_en="Please tell us about your visit to the counter today."),
    "HAPPYCALL": Questionnaire("해피콜 (전화 3문항)", (
        Item("OVERALL", ItemType.SCALE5, "전반적으로 민원 처리에 만족하십니까?", SCALE5_LABELS, required=True,
             text_en="Overall, are you satisfied with how your request was handled?",
             options_en=SCALE5_LABELS_EN),
        _scale("SPEED", "처리는 신속했습니까?", "Was it handled quickly?"),
        _scale("KIND", "담당 직원은 친절했습니까?", "Was the staff member courteous?"),
    ), "○○행정복지센터입니다. 민원 처리에 대해 세 가지만 여쭙겠습니다.", title_en="Happy call (3 questions)"),
}
TEMPLATE_NAMES = {"MINWON": QT_TRANSLATE_NOOP("surveys", "민원 만족도 (기본)"),
                  "COUNTER": QT_TRANSLATE_NOOP("surveys", "창구 (시설 문항 포함)"),
                  "HAPPYCALL": QT_TRANSLATE_NOOP("surveys", "해피콜 (전화 3문항)")}


def _same(a: object, b: object) -> bool:
    """Equal and of the same kind: True is not the scale answer 1."""
    return type(a) is type(b) and a == b


def visible(item: Item, answers: Mapping[str, object], q: Questionnaire | None = None) -> bool:
    """Whether `item` is asked, given the cleaned answers so far. The rule's values are read
    as the parent item would clean them ("예" on a yes/no item is True)."""
    if item.show_if is None:
        return True
    given = answers.get(item.show_if.item)
    given = given if isinstance(given, list) else [given]
    wanted = list(item.show_if.values)
    if q is not None:
        parent = q.item(item.show_if.item)
        wanted = [_one(parent, v, SCALE_SIZE.get(parent.type, 0)) for v in wanted]
    return any(_same(g, w) for g in given for w in wanted)


def clean_answers(q: Questionnaire, answers: dict[str, object]) -> tuple[dict[str, object], int]:
    """Validate answers against the questionnaire: out of range, malformed or unknown answers
    are errors (never coerced); answers to hidden items are dropped; RRN-shaped text is masked.
    Returns the cleaned answers ({code or CODE.ROW: value}) and how many RRNs were masked."""
    cleaned: dict[str, object] = {}
    masked = 0
    items = {i.code: i for i in q.items}
    for key in answers:
        code, _, row = key.partition(".")
        item = items.get(code)
        if item is None or (row and (item.type is not ItemType.MATRIX or row not in item.options)) \
                or (not row and item.type is ItemType.MATRIX):
            raise ValidationError("answer_unknown_item", field="answer", item_code=key)
    for item in q.items:
        if not visible(item, cleaned, q):
            continue
        if item.type is ItemType.MATRIX:
            for row in item.options:
                key = f"{item.code}.{row}"
                value = _one(item, answers.get(key), SCALE_SIZE[item.type])
                if value is not None:
                    cleaned[key] = value
            continue
        value = _one(item, answers.get(item.code), SCALE_SIZE.get(item.type, 0))
        if value is None:
            if item.required:
                raise ValidationError("answer_required", field="answer", item_code=item.code)
            continue
        if isinstance(value, str) and item.type in (ItemType.SHORT_TEXT, ItemType.LONG_TEXT,
                                                     ItemType.SINGLE):
            value, n = mask_rrns(value)  # the 기타 text of a choice is free text too
            masked += n
        cleaned[item.code] = value
    return cleaned, masked


def check_answer(item: Item, value: object) -> Answer | None:
    """One answer as `clean_answers` reads it (a screen checks each as it is given), or
    ValidationError naming the item."""
    return _one(item, value, SCALE_SIZE.get(item.type, 0))


def check_same_types(earlier: list[Questionnaire], new: Questionnaire) -> None:
    """An item code keeps its type across versions: trends and the month's sums add answers
    by code, so a 5-point KIND must not come back as a 7-point one (use a new code)."""
    seen = {i.code: i.type for q in earlier for i in q.items}
    for item in new.items:
        if item.code in seen and seen[item.code] is not item.type:
            raise ValidationError("item_type_changed", field="item", item_code=item.code)


def _whole(value: object) -> int:
    """A whole number, strictly: an int, a finite float without fraction, or digits as text
    (paper forms typed in); never a bool, never "3.5", never " 3"."""
    if isinstance(value, bool):
        raise ValueError
    if isinstance(value, int):
        return value
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.isascii() and value.isdigit():
        return int(value)
    raise ValueError


def _one(item: Item, value: object, k: int) -> Answer | None:
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, str) and value == NA:
        if item.allow_na:
            return NA
        raise ValidationError("answer_na_not_allowed", field="answer", item_code=item.code)
    t = item.type
    try:
        if t in (ItemType.SCALE5, ItemType.SCALE7, ItemType.MATRIX):
            number = _whole(value)
            if not 1 <= number <= k:
                raise ValueError
            return number
        if t is ItemType.RECOMMEND:
            number = _whole(value)
            if not 0 <= number <= 10:
                raise ValueError
            return number
        if t is ItemType.NUMBER:
            if isinstance(value, bool) or not isinstance(
                    value, (int, float, str, SupportsFloat, SupportsIndex)):  # what float() takes
                raise ValueError
            amount = float(value)
            if not math.isfinite(amount):
                raise ValueError
            return amount
        if t is ItemType.YES_NO:
            if value is True or value in ("yes", "예"):
                return True
            if value is False or value in ("no", "아니오"):
                return False
            raise ValueError
        if t is ItemType.DATE:
            return date.fromisoformat(str(value)).isoformat()
        if t is ItemType.SINGLE:
            text = nfc(str(value))
            if len(text) > item.max_length:
                raise ValueError
            if text not in item.options and not (item.other_text and text.startswith("기타:")):
                raise ValueError
            return text
        if t is ItemType.MULTI:
            chosen = [nfc(str(v)) for v in (value if isinstance(value, (list, tuple)) else [value])]
            if any(v not in item.options for v in chosen) or len(set(chosen)) != len(chosen):
                raise ValueError
            return chosen
        text = nfc(str(value))
        if len(text) > item.max_length:
            raise ValueError
        return text
    except (TypeError, ValueError, OverflowError):
        raise ValidationError("answer_invalid", field="answer", item_code=item.code,
                              value=str(value)[:50]) from None


@dataclass(frozen=True)
class SurveyState:
    """What the versioning rules need to know of a survey."""
    version: int
    responses: int          # on the current version
    linked: bool
    any_responses: bool     # on any version


def next_version(state: SurveyState) -> int:
    """Editing a questionnaire: the same version while nobody has answered it, a new one
    after: no answer is ever re-labelled by a later edit."""
    return state.version + 1 if state.responses else state.version


def check_link(state: SurveyState, linking: bool) -> None:
    """An anonymous survey cannot have a response linked to a 민원 or resident."""
    if linking and not state.linked:
        raise ConflictError("survey_anonymous", field="link")


def check_mode_change(state: SurveyState, linked: bool) -> None:
    """Anonymous or linked is chosen at creation and locked after the first response."""
    if linked != state.linked and state.any_responses:
        raise ConflictError("survey_locked", field="linked")


@dataclass(frozen=True)
class ResponseQuality:
    seconds: float | None
    straight_lined: bool
    too_fast: bool
    flags: tuple[str, ...] = field(default=())


def quality(q: Questionnaire, answers: dict[str, object], seconds: float | None) -> ResponseQuality:
    """Straight-lining (every scale item the same with 4+ of them) and very fast answers
    (under 2 seconds a scale item) are flagged for the results screen, never dropped."""
    scale = [v for k, v in answers.items() if isinstance(v, int) and not isinstance(v, bool)
             and q.item(k.split(".")[0]).type in SCALE_SIZE]
    straight = len(scale) >= 4 and len(set(scale)) == 1
    fast = seconds is not None and scale != [] and seconds < 2 * len(scale)
    flags = tuple(f for f, on in (("straight_lined", straight), ("too_fast", fast)) if on)
    return ResponseQuality(seconds, straight, fast, flags)


# --- what follows an answer ------------------------------------------------------------------

CALLBACK_AT_MOST = 2  # OVERALL of 2 or lower in linked mode: a manager calls back


def callback_reason(answers: dict[str, object], linked: bool) -> str | None:
    """Why a manager should call this respondent back, or None: a linked response that rated
    OVERALL 2 (불만족) or 1 (매우 불만족)."""
    overall = answers.get("OVERALL")
    if linked and isinstance(overall, int) and not isinstance(overall, bool) \
            and overall <= CALLBACK_AT_MOST:
        return f"OVERALL {overall}점"
    return None


def next_shown(q: Questionnaire, answers: Mapping[str, object], after: int) -> int | None:
    """The index of the first item after `after` that is shown given the answers so far
    (one question per screen on the kiosk, one field per line on paper); None at the end."""
    for index in range(after + 1, len(q.items)):
        if visible(q.items[index], answers, q):
            return index
    return None


KIOSK_IDLE_SECONDS = 60       # no touch for this long: the countdown starts
KIOSK_COUNTDOWN_SECONDS = 10  # then the form is discarded and the start screen shown
KIOSK_THANKS_SECONDS = 6      # the thank-you screen returns to the start by itself


def pin_wait_seconds(failures: int) -> int:
    """After the third wrong PIN in a row the pad waits 30 s, doubling each time up to 15
    minutes: a 4-digit PIN cannot be tried through at the counter."""
    return 0 if failures < 3 else min(30 * 2 ** (failures - 3), 15 * 60)


def check_pin(pin: str) -> str:
    """A staff PIN to leave the kiosk: 4 to 8 digits."""
    pin = pin.strip()
    if not (pin.isascii() and pin.isdigit() and 4 <= len(pin) <= 8):
        raise ValidationError("pin_format", field="pin")
    return pin


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """The PIN as a salted scrypt hash, like a password (domain.accounts): never stored as is.
    (`salt`: the demo's, made from its seed; otherwise a random one.)"""
    from pcrm_desktop.domain.accounts import hash_secret
    return hash_secret(check_pin(pin), salt)


def pin_matches(pin: str, stored: str) -> bool:
    """Also reads the salted PBKDF2 form ("salt$hash") that kiosks set up before accounts kept."""
    import hashlib
    import hmac

    from pcrm_desktop.domain.accounts import secret_matches
    try:
        pin = check_pin(pin)
    except ValidationError:
        return False
    if stored.startswith("scrypt$"):
        return secret_matches(pin, stored)
    salt, _, digest = stored.partition("$")
    try:
        expected = hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), 100_000).hex()
    except ValueError:
        return False
    return bool(digest) and hmac.compare_digest(expected, digest)
    salt, _ = stored.split("$", 1)
    try:
        return hmac.compare_digest(hash_pin(pin, bytes.fromhex(salt)), stored)
    except ValidationError:
        return False
