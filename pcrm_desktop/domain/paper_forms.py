"""Paper forms keyed by a clerk: what a typed answer stands for, the hint beside each field,
and the differences between two keyings of the same form (DOMAIN.md §5, paper mode)."""
from __future__ import annotations

from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.domain.surveys import NA, SCALE_SIZE, Item, ItemType, _one, _same, _whole

# --- paper forms -------------------------------------------------------------------------------

PAPER_NA = "9"  # on a scale item that allows it, 9 is keyed for 해당없음 (nothing to mark is left empty)


def from_paper(item: Item, typed: str) -> object:
    """What a clerk types for one answer of a paper form, as the answer it stands for:
    a scale as its number (9 = 해당없음), a choice as its option number (several as "1 3" or
    "13"), 예/아니오 as 1/2, a date as 2026-11-27 or 20261127; text as typed. Empty is no answer.
    Anything else is refused with the item's code, never guessed."""
    text = typed.strip()
    if not text:
        return None
    t = item.type
    if t in SCALE_SIZE and text == PAPER_NA and item.allow_na:
        return NA
    if t in (ItemType.SINGLE, ItemType.MULTI, ItemType.YES_NO):
        options = (("예", "아니오") if t is ItemType.YES_NO else item.options)
        parts = text.replace(",", " ").split()
        if len(parts) == 1 and t is ItemType.MULTI and len(options) <= 9 and len(text) > 1:
            parts = list(text)  # "13" for options 1 and 3
        try:
            chosen = [options[_whole(p) - 1] if 1 <= _whole(p) <= len(options) else None
                      for p in parts]
        except ValueError:
            chosen = [None]
        if None in chosen or not chosen or (t is not ItemType.MULTI and len(chosen) > 1):
            raise ValidationError("answer_invalid", field="answer", item_code=item.code,
                                  value=text[:50])
        return _one(item, chosen if t is ItemType.MULTI else chosen[0], 0)
    if t is ItemType.DATE and text.isdigit() and len(text) == 8:
        text = f"{text[:4]}-{text[4:6]}-{text[6:]}"
    value = _one(item, text, SCALE_SIZE.get(t, 0))
    return value


# The words of a paper hint, in Korean; the screen passes them translated.
PAPER_WORDS = {"na": "해당없음", "several": "여러 개", "yes_no": "1=예 2=아니오", "number": "숫자",
               "text": "글"}


def paper_hint(item: Item, words: dict[str, str] = PAPER_WORDS) -> str:
    """What to type for an item, shown beside its field."""
    t = item.type
    if t in SCALE_SIZE:
        k = SCALE_SIZE[t]
        return f"1–{k}" + (f", {PAPER_NA}={words['na']}" if item.allow_na else "")
    if t is ItemType.RECOMMEND:
        return "0–10"
    if t in (ItemType.SINGLE, ItemType.MULTI):
        listed = " ".join(f"{n}={o}" for n, o in enumerate(item.options, 1))
        return (f"{words['several']}: 1 3  " if t is ItemType.MULTI else "") + listed
    if t is ItemType.YES_NO:
        return words["yes_no"]
    if t is ItemType.DATE:
        return "20261127"
    if t is ItemType.NUMBER:
        return words["number"]
    return words["text"]


def mismatches(first: dict[str, object], second: dict[str, object]) -> list[tuple[str, object, object]]:
    """Double entry: the items where the two keyings of one paper form differ (item, 1차, 2차)."""
    keys = sorted(set(first) | set(second))
    return [(k, first.get(k), second.get(k)) for k in keys if not _same(first.get(k), second.get(k))
            and not (isinstance(first.get(k), list) and first.get(k) == second.get(k))]


# --- the kiosk ------------------------------------------------------------------------------------
