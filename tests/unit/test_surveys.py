"""Questionnaires: templates, validation of answers (never coerced), show-if, versioning and
the anonymous/linked lock, quality flags."""
from __future__ import annotations

import pytest

from pcrm_desktop.domain.errors import ConflictError, ValidationError
from pcrm_desktop.domain.surveys import (
    NA,
    TEMPLATES,
    Item,
    ItemType,
    Questionnaire,
    ShowIf,
    SurveyState,
    check_link,
    check_mode_change,
    check_questionnaire,
    clean_answers,
    next_version,
    quality,
)


def test_templates_follow_the_domain_guide():
    for q in TEMPLATES.values():
        check_questionnaire(q)
        assert Questionnaire.from_json(q.to_json()) == q  # stored as JSON, read back the same
    minwon = [i.code for i in TEMPLATES["MINWON"].items]
    assert minwon == ["ACCESS", "KIND", "EXPERT", "SPEED", "RESULT", "OVERALL", "RECOMMEND", "COMMENT"]
    assert "FACILITY" in [i.code for i in TEMPLATES["COUNTER"].items]  # counter only
    assert len(TEMPLATES["HAPPYCALL"].items) == 3
    assert TEMPLATES["MINWON"].item("OVERALL").required
    assert TEMPLATES["MINWON"].item("KIND").allow_na  # 해당없음 allowed on elements


def test_answers_are_validated_not_coerced():
    q = TEMPLATES["MINWON"]
    cleaned, masked = clean_answers(q, {"OVERALL": 4, "KIND": NA, "RECOMMEND": 9,
                                        "COMMENT": "주민번호 800101-1234567 적어요"})
    assert cleaned == {"OVERALL": 4, "KIND": NA, "RECOMMEND": 9,
                       "COMMENT": "주민번호 800101-1****** 적어요"} and masked == 1
    for bad in ({"OVERALL": 6}, {"OVERALL": 3.5}, {"OVERALL": 4, "RECOMMEND": 11},
                {"OVERALL": "좋음"}, {"OVERALL": NA}, {"OVERALL": 4, "NOPE": 1},
                {"OVERALL": True}, {"OVERALL": " 3"}, {"OVERALL": float("inf")},
                {"OVERALL": float("nan")}, {"OVERALL": 4, "OVERALL.X": 1}):
        with pytest.raises(ValidationError):
            clean_answers(q, bad)
    with pytest.raises(ValidationError) as caught:
        clean_answers(q, {"KIND": 5})  # OVERALL is required
    assert caught.value.code == "answer_required"


def test_show_if_and_other_types():
    q = Questionnaire("시험", (
        Item("VISITED", ItemType.YES_NO, "방문하셨습니까?"),
        Item("WAIT", ItemType.NUMBER, "몇 분 기다리셨습니까?", show_if=ShowIf("VISITED", (True,))),
        Item("WHY", ItemType.SINGLE, "이유", ("가까워서", "필요해서"), other_text=True),
        Item("TOPICS", ItemType.MULTI, "분야", ("복지", "세무", "주차")),
        Item("GRID", ItemType.MATRIX, "항목별", ("A", "B")),
        Item("WHEN", ItemType.DATE, "날짜"),
    ))
    check_questionnaire(q)
    cleaned, _ = clean_answers(q, {"VISITED": "아니오", "WAIT": 15, "WHY": "기타: 지나가다",
                                   "TOPICS": ["복지", "주차"], "GRID.A": 5, "GRID.B": 2,
                                   "WHEN": "2026-11-27"})
    assert "WAIT" not in cleaned  # hidden: the answer is dropped
    assert cleaned["VISITED"] is False and cleaned["WHY"] == "기타: 지나가다"
    assert cleaned["TOPICS"] == ["복지", "주차"] and cleaned["GRID.A"] == 5
    assert clean_answers(q, {"VISITED": "예", "WAIT": 15})[0]["WAIT"] == 15.0
    assert clean_answers(q, {"VISITED": True, "WAIT": "15"})[0]["WAIT"] == 15.0
    assert clean_answers(TEMPLATES["MINWON"], {"OVERALL": "4"})[0] == {"OVERALL": 4}  # typed on paper
    # a rule written with "예" matches the cleaned True; 1 is not True
    kid = Questionnaire("규칙", (Item("Y", ItemType.YES_NO, "y"),
                                 Item("W", ItemType.NUMBER, "w", show_if=ShowIf("Y", ("예",)))))
    check_questionnaire(kid)
    assert clean_answers(kid, {"Y": "예", "W": 3})[0] == {"Y": True, "W": 3.0}
    with pytest.raises(ValidationError):
        clean_answers(kid, {"Y": 1})
    masked, n = clean_answers(q, {"WHY": "기타: 900101-1234567"})
    assert masked["WHY"] == "기타: 900101-1******" and n == 1  # 기타 text is free text too
    for bad in ({"TOPICS": ["복지", "복지"]}, {"TOPICS": ["교통"]}, {"WHY": "없는 답"},
                {"WHEN": "2026-13-01"}, {"GRID.A": 6}, {"GRID.C": 3}, {"GRID": 3},
                {"WAIT": float("inf"), "VISITED": True}, {"WAIT": True, "VISITED": True}):
        with pytest.raises(ValidationError):
            clean_answers(q, bad)


def test_questionnaire_checks():
    with pytest.raises(ValidationError):  # show-if must look back
        check_questionnaire(Questionnaire("x", (
            Item("A", ItemType.YES_NO, "a", show_if=ShowIf("B", (True,))),
            Item("B", ItemType.YES_NO, "b"))))
    with pytest.raises(ValidationError):
        check_questionnaire(Questionnaire("x", (Item("A", ItemType.YES_NO, "a"),
                                                Item("A", ItemType.YES_NO, "a"))))
    with pytest.raises(ValidationError):
        check_questionnaire(Questionnaire("x", (Item("lower", ItemType.YES_NO, "a"),)))


def test_versions_freeze_at_the_first_response_and_the_link_mode_locks():
    assert next_version(SurveyState(1, 0, False, False)) == 1   # nobody answered: edit in place
    assert next_version(SurveyState(1, 3, False, True)) == 2    # frozen: a new version
    check_link(SurveyState(1, 0, True, False), linking=True)
    with pytest.raises(ConflictError):
        check_link(SurveyState(1, 0, False, False), linking=True)  # anonymous: no links, ever
    check_mode_change(SurveyState(1, 0, False, False), linked=True)  # before any answer: fine
    with pytest.raises(ConflictError):
        check_mode_change(SurveyState(2, 0, False, True), linked=True)  # answered once: locked


def test_quality_flags():
    q = TEMPLATES["MINWON"]
    same = {"ACCESS": 5, "KIND": 5, "EXPERT": 5, "SPEED": 5, "OVERALL": 5}
    assert quality(q, same, 60).flags == ("straight_lined",)
    assert quality(q, same, 5).flags == ("straight_lined", "too_fast")
    assert quality(q, {"ACCESS": 4, "KIND": 5, "EXPERT": 3, "OVERALL": 4}, 40).flags == ()
