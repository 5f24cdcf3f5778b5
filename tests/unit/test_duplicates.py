"""Duplicate scoring (pcrm_desktop/domain/duplicates.py) on worked examples.

Weights: same phone 0.45, same name 0.35 / one syllable off 0.15, same birth year 0.15 /
different −0.25, same road 0.15 / same 동 0.05; likely from 0.6.
"""
from __future__ import annotations

import unicodedata

import pytest

from pcrm_desktop.domain.duplicates import THRESHOLD, MatchFacts, score

ROAD = "서울특별시 종로구 자하문로 92"


def facts(name="김철수", phones=(), birth_year=None, road="", dong="") -> MatchFacts:
    return MatchFacts(name, tuple(phones), birth_year, road, dong)


def test_threshold():
    assert THRESHOLD == 0.6


def test_same_phone_and_name_is_likely():
    m = score(facts(phones=("010-1234-5678",)), facts(phones=("01012345678",)))
    assert m.score == 0.8
    assert m.reasons == ("same_phone", "same_name")
    assert m.likely


def test_same_name_birth_year_and_address_is_likely():
    # the road compares without spaces: "자하문로 92" and "자하문로92" are the same address
    m = score(facts(birth_year=1970, road=ROAD, dong="청운동"),
              facts(birth_year=1970, road="서울특별시 종로구 자하문로92", dong="청운동"))
    assert m.score == 0.65
    assert m.reasons == ("same_name", "same_birth_year", "same_address")
    assert m.likely


def test_same_name_and_birth_year_only_is_not_likely():
    m = score(facts(birth_year=1970), facts(birth_year=1970))
    assert m.score == 0.5
    assert m.reasons == ("same_name", "same_birth_year")
    assert not m.likely


def test_same_name_birth_year_and_dong_is_not_likely():
    m = score(facts(birth_year=1970, road=ROAD, dong="청운동"),
              facts(birth_year=1970, road="서울특별시 종로구 자하문로 10", dong="청운동"))
    assert m.score == 0.55
    assert m.reasons == ("same_name", "same_birth_year", "same_dong")
    assert not m.likely


def test_different_birth_years_lower_the_score():
    same = score(facts(phones=("010-1234-5678",), birth_year=1970),
                 facts(phones=("010-1234-5678",), birth_year=1970))
    different = score(facts(phones=("010-1234-5678",), birth_year=1970),
                      facts(phones=("010-1234-5678",), birth_year=1971))
    assert same.score == 0.95 and same.likely
    assert different.score == 0.55 and not different.likely
    assert different.reasons == ("same_phone", "same_name", "different_birth_year")
    assert score(facts(birth_year=1970), facts(birth_year=1990)).score == 0.1


def test_missing_birth_year_is_neither_evidence():
    m = score(facts(phones=("010-1234-5678",), birth_year=1970), facts(phones=("010-1234-5678",)))
    assert m.score == 0.8
    assert "same_birth_year" not in m.reasons and "different_birth_year" not in m.reasons


def test_one_syllable_off_name():
    m = score(facts("김철수", ("010-1234-5678",)), facts("김철호", ("010-1234-5678",)))
    assert m.reasons == ("same_phone", "similar_name")
    assert m.score == 0.6
    assert m.likely  # exactly at the threshold
    alone = score(facts("김철수", birth_year=1970), facts("김철호", birth_year=1970))
    assert (alone.score, alone.reasons) == (0.3, ("similar_name", "same_birth_year"))


@pytest.mark.parametrize("a, b", [("김철수", "김철"), ("김철수", "박영희"), ("김", "이"),
                                  ("김철수", "철수김")])
def test_names_not_similar(a, b):
    m = score(facts(a), facts(b))
    assert (m.score, m.reasons) == (0.0, ())


def test_score_never_below_zero_nor_above_one():
    low = score(facts("김철수", birth_year=1970), facts("박영희", birth_year=1990))
    assert (low.score, low.reasons) == (0.0, ("different_birth_year",))
    high = score(facts(phones=("010-1234-5678",), birth_year=1970, road=ROAD),
                 facts(phones=("010-1234-5678",), birth_year=1970, road=ROAD))
    assert high.score == 1.0
    assert high.reasons == ("same_phone", "same_name", "same_birth_year", "same_address")


def test_any_shared_phone_counts():
    m = score(facts("김철수", ("02-123-4567", "010-1111-2222")),
              facts("박영희", ("010-9999-8888", "010 1111 2222")))
    assert (m.score, m.reasons) == (0.45, ("same_phone",))


def test_blank_names_and_roads_do_not_match():
    m = score(facts("", road=""), facts("", road=""))
    assert (m.score, m.reasons) == (0.0, ())


def test_nfd_and_spaced_names_match():
    nfd = unicodedata.normalize("NFD", "김철수")
    m = score(facts(nfd, birth_year=1970), facts("김 철수", birth_year=1970))
    assert (m.score, m.reasons) == (0.5, ("same_name", "same_birth_year"))


def test_latin_names_ignore_case():
    m = score(facts("John Smith", ("010-1234-5678",)), facts("john smith", ("010-1234-5678",)))
    assert m.score == 0.8


PAIRS = [
    (facts(phones=("010-1234-5678",)), facts(phones=("01012345678",))),
    (facts(birth_year=1970, road=ROAD), facts(birth_year=1970, road=ROAD.replace(" ", ""))),
    (facts(birth_year=1970), facts(birth_year=1971)),
    (facts("김철수", ("010-1234-5678",)), facts("김철호", ("010-1234-5678",))),
    (facts(unicodedata.normalize("NFD", "홍길동"), dong="청운동"), facts("홍길동", dong="청운동")),
    (facts("홍길동"), facts("박영희", dong="효자동")),
]


@pytest.mark.parametrize("a, b", PAIRS)
def test_prepared_and_facts_give_the_same_score(a, b):
    expected = score(a, b)
    assert score(a.prepared(), b.prepared()) == expected
    assert score(a, b.prepared()) == expected
    assert score(a.prepared(), b) == expected


@pytest.mark.parametrize("a, b", PAIRS)
def test_score_is_symmetric_in_value(a, b):
    assert score(a, b).score == score(b, a).score


def test_prepared_normalises_once():
    p = facts(unicodedata.normalize("NFD", "김 철수"), ("010-1234-5678", ""), 1970,
              " 자하문로 92 ", unicodedata.normalize("NFD", "청운동")).prepared()
    assert p.name_key == "김철수"
    assert p.phone_digits == frozenset({"01012345678"})
    assert p.road_key == "자하문로92"
    assert p.dong_name == "청운동"
