"""The domain rules the survey modes stand on: paper codes, double entry, the callback rule,
the kiosk PIN, the next shown item, English screens, and the month-over-month test from sums."""
from __future__ import annotations

import json

import pytest

from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.domain.paper_forms import from_paper, mismatches, paper_hint
from pcrm_desktop.domain.survey_stats import Moments, moments_change
from pcrm_desktop.domain.surveys import (
    NA,
    TEMPLATES,
    Item,
    ItemType,
    Questionnaire,
    ShowIf,
    callback_reason,
    hash_pin,
    next_shown,
    pin_matches,
)

CHOICE = Item("VISIT", ItemType.SINGLE, "방문 목적", ("민원서류", "상담", "기타"))
MULTI = Item("HOW", ItemType.MULTI, "알게 된 경로", ("현수막", "누리집", "이웃"))
YES = Item("AGAIN", ItemType.YES_NO, "다시 이용?")
WHEN = Item("WHEN", ItemType.DATE, "방문일")
KIND = TEMPLATES["MINWON"].item("KIND")
OVERALL = TEMPLATES["MINWON"].item("OVERALL")


@pytest.mark.parametrize("item, typed, expected", [
    (KIND, "4", 4), (KIND, "9", NA), (KIND, " 1 ", 1), (KIND, "", None),
    (CHOICE, "2", "상담"), (MULTI, "13", ["현수막", "이웃"]), (MULTI, "3, 1", ["이웃", "현수막"]),
    (YES, "1", True), (YES, "2", False), (WHEN, "20261103", "2026-11-03"),
    (TEMPLATES["MINWON"].item("RECOMMEND"), "10", 10),
])
def test_paper_codes(item, typed, expected):
    assert from_paper(item, typed) == expected


@pytest.mark.parametrize("item, typed", [
    (KIND, "6"), (KIND, "0"), (KIND, "3.5"), (OVERALL, "9"),  # OVERALL has no 해당없음
    (CHOICE, "4"), (CHOICE, "1 2"), (MULTI, "11"), (YES, "3"), (WHEN, "20261332"), (KIND, "사"),
])
def test_paper_codes_refused_with_the_item(item, typed):
    with pytest.raises(ValidationError) as caught:
        from_paper(item, typed)
    assert caught.value.params["item_code"] == item.code


def test_paper_hints_say_what_to_type():
    assert paper_hint(KIND) == "1–5, 9=해당없음"
    assert paper_hint(OVERALL) == "1–5"
    assert paper_hint(CHOICE) == "1=민원서류 2=상담 3=기타"


def test_double_entry_mismatches():
    first = {"OVERALL": 4, "KIND": 5, "HOW": ["현수막"], "COMMENT": "좋음"}
    second = {"OVERALL": 4, "KIND": 3, "HOW": ["현수막"]}
    assert mismatches(first, second) == [("COMMENT", "좋음", None), ("KIND", 5, 3)]
    assert mismatches(first, dict(first)) == []
    assert mismatches({"AGAIN": True}, {"AGAIN": 1}) == [("AGAIN", True, 1)]  # 예 is not 1


@pytest.mark.parametrize("answers, linked, expected", [
    ({"OVERALL": 2}, True, "OVERALL 2점"), ({"OVERALL": 1}, True, "OVERALL 1점"),
    ({"OVERALL": 3}, True, None), ({"OVERALL": 2}, False, None), ({"KIND": 1}, True, None),
    ({"OVERALL": True}, True, None),
])
def test_callback_rule(answers, linked, expected):
    assert callback_reason(answers, linked) == expected


def test_pin_is_salted_and_checked():
    one, two = hash_pin("4821"), hash_pin("4821")
    assert one != two and "4821" not in one
    assert pin_matches("4821", one) and pin_matches("4821", two)
    assert not pin_matches("4822", one) and not pin_matches("", one) and not pin_matches("4821", "")
    assert one.startswith("scrypt$") and "4821" not in one
    # A kiosk set up before this version kept a salted PBKDF2 hash: it still opens.
    import hashlib
    legacy = "00" * 16 + "$" + hashlib.pbkdf2_hmac("sha256", b"4821", bytes(16), 100_000).hex()
    assert pin_matches("4821", legacy) and not pin_matches("4822", legacy)
    assert not pin_matches("4821", "zz$00")
    for bad in ("123", "123456789", "12a4", "１２３４"):
        with pytest.raises(ValidationError):
            hash_pin(bad)


def test_next_shown_skips_hidden_items():
    q = Questionnaire("t", (YES, Item("WHY", ItemType.SHORT_TEXT, "왜?", show_if=ShowIf("AGAIN", ("아니오",))),
                            OVERALL))
    assert next_shown(q, {}, -1) == 0
    assert next_shown(q, {"AGAIN": True}, 0) == 2
    assert next_shown(q, {"AGAIN": False}, 0) == 1
    assert next_shown(q, {"AGAIN": False}, 2) is None


def test_english_screens_and_old_definitions():
    q = TEMPLATES["COUNTER"]
    assert Questionnaire.from_json(q.to_json()) == q
    assert q.item("FACILITY").shown_text("en").startswith("Were the office facilities")
    assert q.item("KIND").shown_options("en")[-1] == "Very satisfied"
    assert q.item("KIND").shown_options("ko")[-1] == "매우 만족"
    assert q.shown("en")[0] == "Counter satisfaction survey"
    # a definition stored before the English fields existed still reads, in Korean
    old = json.loads(q.to_json())
    for item in old["items"]:
        del item["text_en"], item["options_en"]
    del old["title_en"], old["intro_en"], old["thanks_en"]
    read = Questionnaire.from_json(json.dumps(old))
    assert read.item("KIND").shown_text("en") == "담당 직원은 친절했습니까?"
    assert read.shown("en")[0] == "창구 민원 만족도 조사"


def test_change_from_sums_against_welch_worked_by_hand():
    """Two months of answers; Welch's t and its degrees of freedom worked out here with the
    two-pass variance, against the sums a month reads from SQL."""
    import math
    before, after = [3, 4, 4, 5, 2, 3, 4] * 6, [4, 5, 5, 4, 3, 5, 5] * 6
    n1, n2 = len(before), len(after)
    m1, m2 = sum(before) / n1, sum(after) / n2
    v1 = sum((x - m1) ** 2 for x in before) / (n1 - 1)
    v2 = sum((x - m2) ** 2 for x in after) / (n2 - 1)
    t = (m2 - m1) / math.sqrt(v1 / n1 + v2 / n2)
    assert (m1, m2) == (pytest.approx(25 / 7), pytest.approx(31 / 7))
    # by hand: variances 34.29/41 = 0.836 and 22.29/41 = 0.544, se = √(0.836/42 + 0.544/42) = 0.181
    assert t == pytest.approx(0.857 / 0.1812, abs=0.01)  # 4.73, df ≈ 78: far beyond 1.99
    sums = moments_change(Moments(n1, sum(before), sum(x * x for x in before)),
                          Moments(n2, sum(after), sum(x * x for x in after)), 25)
    assert sums.statistic == pytest.approx(t)
    assert sums.difference == pytest.approx((m2 - m1) * 25) and sums.significant
    # 30 answers each, barely apart: not significant, so no arrow
    flat = moments_change(Moments(30, 30 * 4.0, 30 * 16.0 + 29), Moments(30, 30 * 4.1, 30 * 16.81 + 29))
    assert not flat.significant


def test_pin_waits_grow_after_three_wrong_tries():
    from pcrm_desktop.domain.surveys import pin_wait_seconds
    assert [pin_wait_seconds(n) for n in range(1, 8)] == [0, 0, 30, 60, 120, 240, 480]
    assert pin_wait_seconds(20) == 15 * 60
