"""Searching the resident list (services.citizens.search over db.citizen_queries) on a temp file."""
from __future__ import annotations

import unicodedata
from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from pcrm_desktop.domain.citizens import Address, Citizen
from pcrm_desktop.services import citizens as S
from tests.dbutil import rows as _rows

ROAD = "서울특별시 종로구 "

# name, phones, birth year, road, detail, 동
PEOPLE = [
    ("김철수", ("010-1234-5678",), 1970, ROAD + "자하문로 92", "", "청운동"),
    ("김철", ("010-2222-3333",), 1980, ROAD + "효자로 11", "", "효자동"),
    ("박철수", ("02-123-4567",), 1990, ROAD + "자하문로 10", "101동 202호", "청운동"),
    ("홍길동", ("010-9999-5678",), 1950, ROAD + "사직로 8", "", "사직동"),
    ("남궁민수", (), 1960, ROAD + "북촌로 5", "", "가회동"),
    ("이영희", ("031-777-8888",), 1985, ROAD + "삼청로 30", "", "삼청동"),
    ("김영수", ("010-5555-1212",), 1975, ROAD + "평창문화로 3", "", "평창동"),
    ("최민호", ("070-4321-0000",), 2000, ROAD + "창의문로 7", "2층", "부암동"),
]


def add(ctx, name, phones=(), birth_year=None, road="", detail="", dong="") -> int:
    citizen = Citizen(None, name, birth_year, phones=tuple(phones),
                      address=Address(road, detail, "", dong))
    return S.register_citizen(ctx, citizen, allow_duplicate=True).citizen_id


@pytest.fixture
def people(admin_ctx) -> dict[str, int]:
    return {p[0]: add(admin_ctx, *p) for p in PEOPLE}


def names(items) -> list[str]:
    return [i.name for i in items]


def ids(items) -> list[int]:
    return [i.id for i in items]


# --- by name -----------------------------------------------------------------------------------

def test_two_syllable_name_prefix(admin_ctx, people):
    found = S.search(admin_ctx, "김철")
    assert sorted(ids(found)) == sorted([people["김철수"], people["김철"]])


def test_given_name_only(admin_ctx, people):
    found = S.search(admin_ctx, "철수")
    assert sorted(ids(found)) == sorted([people["김철수"], people["박철수"]])


def test_full_name(admin_ctx, people):
    assert ids(S.search(admin_ctx, "김철수")) == [people["김철수"]]
    assert ids(S.search(admin_ctx, "김 철수")) == [people["김철수"]]  # spaces ignored


def test_one_syllable_surname(admin_ctx, people):
    found = S.search(admin_ctx, "김")
    assert sorted(ids(found)) == sorted([people["김철수"], people["김철"], people["김영수"]])
    assert ids(S.search(admin_ctx, "박")) == [people["박철수"]]
    assert S.search(admin_ctx, "철") == []  # one syllable is a surname prefix, not a substring


def test_compound_surname(admin_ctx, people):
    assert ids(S.search(admin_ctx, "남궁")) == [people["남궁민수"]]
    assert ids(S.search(admin_ctx, "민수")) == [people["남궁민수"]]


def test_nfd_typed_query(admin_ctx, people):
    query = unicodedata.normalize("NFD", "김철")
    assert query != "김철"
    assert sorted(ids(S.search(admin_ctx, query))) == sorted([people["김철수"], people["김철"]])
    assert ids(S.search(admin_ctx, unicodedata.normalize("NFD", "홍길동"))) == [people["홍길동"]]


def test_nfd_registered_name_found_by_nfc_query(admin_ctx, people):
    new = add(admin_ctx, unicodedata.normalize("NFD", "정다운"), birth_year=1999)
    assert ids(S.search(admin_ctx, "정다운")) == [new]
    assert ids(S.search(admin_ctx, "다운")) == [new]


def test_latin_name_search_ignores_case(admin_ctx, people):
    """Foreign residents: 'smith' must find John Smith, as the duplicate check already treats
    'John Smith' and 'john smith' as the same name (domain.duplicates lower-cases)."""
    new = add(admin_ctx, "John Smith", birth_year=1980)
    assert ids(S.search(admin_ctx, "Smith")) == [new]
    assert ids(S.search(admin_ctx, "smith")) == [new]
    assert ids(S.search(admin_ctx, "JOHN")) == [new]


def test_no_match(admin_ctx, people):
    assert S.search(admin_ctx, "없는이름") == []
    assert S.search(admin_ctx, "황보") == []


# --- by phone ----------------------------------------------------------------------------------

def test_phone_last_four_digits(admin_ctx, people):
    found = S.search(admin_ctx, "5678")
    assert sorted(ids(found)) == sorted([people["김철수"], people["홍길동"]])


@pytest.mark.parametrize("part, who", [
    ("1234", ["김철수", "박철수"]),            # 010-1234-5678 and 02-123-4567 (021234567)
    ("123", ["김철수", "박철수"]),              # 3 digits: 0101234…, 02123…
    ("7778", ["이영희"]),                     # across the hyphen of 031-777-8888
    ("010-1234", ["김철수"]),                 # with a hyphen
    ("010 5555", ["김영수"]),
    ("0704321", ["최민호"]),
    ("02-123-4567", ["박철수"]),              # the full number
    ("01012345678", ["김철수"]),
])
def test_phone_any_part_of_three_or_more_digits(admin_ctx, people, part, who):
    assert sorted(ids(S.search(admin_ctx, part))) == sorted(people[n] for n in who)


def test_phone_two_digits_find_nothing(admin_ctx, people):
    assert S.search(admin_ctx, "56") == []


# --- by address --------------------------------------------------------------------------------

def test_dong_two_syllable_fragment(admin_ctx, people):
    found = S.search(admin_ctx, "청운")
    assert sorted(ids(found)) == sorted([people["김철수"], people["박철수"]])
    assert all(i.dong_name == "청운동" for i in found)
    assert sorted(ids(S.search(admin_ctx, "청운동"))) == sorted([people["김철수"], people["박철수"]])


def test_address_fragment_with_a_number(admin_ctx, people):
    assert ids(S.search(admin_ctx, "자하문로 92")) == [people["김철수"]]
    assert ids(S.search(admin_ctx, "자하문로 10")) == [people["박철수"]]
    assert sorted(ids(S.search(admin_ctx, "자하문로"))) == sorted([people["김철수"], people["박철수"]])


def test_address_detail_fragment(admin_ctx, people):
    assert ids(S.search(admin_ctx, "101동")) == [people["박철수"]]


def test_two_syllable_road_name(admin_ctx, people):
    """citizen_queries: 'two or more: the two-character index (names, 동, road names)'.
    '북촌' is the road 북촌로 of 남궁민수 (동: 가회동)."""
    assert ids(S.search(admin_ctx, "북촌")) == [people["남궁민수"]]


# --- results -----------------------------------------------------------------------------------

def test_results_are_masked(admin_ctx, people):
    [hong] = S.search(admin_ctx, "홍길동")
    assert hong.name == "홍*동"
    assert hong.phone == "010-****-5678"
    assert hong.birth_year == 1950 and hong.dong_name == "사직동"
    [park] = S.search(admin_ctx, "박철수")
    assert park.phone == "02-***-4567"
    [nam] = S.search(admin_ctx, "남궁민수")
    assert (nam.name, nam.phone) == ("남**수", "")
    everyone = S.search(admin_ctx)
    for item in everyone:
        assert item.name not in {p[0] for p in PEOPLE}
        assert all(item.phone != phone for p in PEOPLE for phone in p[1])


def test_sorted_by_name(admin_ctx, people):
    everyone = S.search(admin_ctx)
    assert ids(everyone) == [people[n] for n in sorted(people)]
    assert len(everyone) == len(PEOPLE)


def test_first_phone_is_shown(admin_ctx):
    new = add(admin_ctx, "한가람", ("02-765-4321", "010-8888-7777"))
    [item] = S.search(admin_ctx, "한가람")
    assert (item.id, item.phone) == (new, "02-***-4321")
    assert ids(S.search(admin_ctx, "7777")) == [new]  # the second phone is searched too


# --- paging ------------------------------------------------------------------------------------

def _all_pages(ctx, query="", sort="name", limit=3):
    pages, after = [], None
    for _ in range(100):  # a keyset that does not advance must fail, not loop forever
        page = S.search(ctx, query, after=after, limit=limit, sort=sort)
        if not page:
            return pages
        assert len(page) <= limit
        pages.append(page)
        after = page[-1].position
    raise AssertionError("paging did not end")


def test_keyset_paging_returns_every_row_once(admin_ctx, people):
    # same names (ties on the sort key) must still come exactly once, ordered by id
    twins = [add(admin_ctx, "김철수", birth_year=1990 + n) for n in range(3)]
    pages = _all_pages(admin_ctx)
    flat = [item for page in pages for item in page]
    assert len(flat) == len(PEOPLE) + 3
    assert len({i.id for i in flat}) == len(flat)
    assert {i.id for i in flat} == set(people.values()) | set(twins)
    assert [len(p) for p in pages] == [3, 3, 3, 2]
    assert ids(flat) == ids(S.search(admin_ctx, limit=1000))
    kims = [i.id for i in flat if i.id in twins or i.id == people["김철수"]]
    assert kims == sorted(kims)


def test_keyset_paging_with_a_query(admin_ctx, people):
    for n in range(5):
        add(admin_ctx, f"김{'가나다라마'[n]}수", birth_year=1960 + n)
    flat = [i for page in _all_pages(admin_ctx, "김", limit=2) for i in page]
    assert ids(flat) == ids(S.search(admin_ctx, "김", limit=1000))
    assert len(flat) == 3 + 5 and len(set(ids(flat))) == 8


def test_sort_recent(admin_ctx):
    start = datetime(2025, 3, 1, 9, 0)
    made = []
    for n, name in enumerate(["가나", "다라", "마바", "사아", "자차"]):
        at = start + timedelta(minutes=[3, 1, 4, 0, 2][n])
        ctx = replace(admin_ctx, clock=lambda at=at: at)
        made.append((at, add(ctx, name)))
    expected = [i for _, i in sorted(made, reverse=True)]
    assert ids(S.search(admin_ctx, sort="recent")) == expected
    flat = [i for page in _all_pages(admin_ctx, sort="recent", limit=2) for i in page]
    assert ids(flat) == expected


def test_sort_recent_ties_broken_by_id(admin_ctx):
    at = datetime(2025, 3, 1, 9, 0)
    ctx = replace(admin_ctx, clock=lambda: at)
    made = [add(ctx, name) for name in ["가나", "다라", "마바", "사아"]]
    flat = [i for page in _all_pages(admin_ctx, sort="recent", limit=3) for i in page]
    assert ids(flat) == sorted(made, reverse=True)


# --- the index stays current -------------------------------------------------------------------



def test_rename_updates_the_search_index(admin_ctx, people, db_path):
    target = people["김철수"]
    citizen, groups = S.citizen_for_edit(admin_ctx, target)
    renamed = replace(citizen, name="이순신", phones=("010-4444-9999",),
                      address=Address(ROAD + "효자로 50", "", "", "효자동"))
    S.update_citizen(admin_ctx, renamed, tuple(groups))
    assert target not in ids(S.search(admin_ctx, "김철수"))
    assert target not in ids(S.search(admin_ctx, "철수"))
    assert target not in ids(S.search(admin_ctx, "김"))
    assert target not in ids(S.search(admin_ctx, "0101234"))   # the old phone
    assert ids(S.search(admin_ctx, "5678")) == [people["홍길동"]]  # its last four digits too
    assert target not in ids(S.search(admin_ctx, "자하문로 92"))  # the old address
    assert target not in ids(S.search(admin_ctx, "청운"))       # the old 동
    assert ids(S.search(admin_ctx, "이순신")) == [target]
    assert ids(S.search(admin_ctx, "순신")) == [target]
    assert ids(S.search(admin_ctx, "4444")) == [target]
    assert ids(S.search(admin_ctx, "효자로 50")) == [target]
    assert target in ids(S.search(admin_ctx, "효자"))
    grams = {g for (g,) in _rows(db_path, "SELECT gram FROM citizen_grams WHERE citizen_id = ?", target)}
    # the name, the 동 (효자동) and the road name (효자로); none of the old ones remain
    assert grams == {"이순", "순신", "효자", "자동", "자로"}
    assert target not in ids(S.search(admin_ctx, "자하"))  # the old road name


def test_merge_removes_the_dropped_record_from_search(admin_ctx, people, db_path):
    keep, drop = people["김영수"], people["이영희"]
    S.merge_citizens(admin_ctx, keep, drop)
    assert S.search(admin_ctx, "이영희") == []
    assert drop not in ids(S.search(admin_ctx, "삼청"))
    assert drop not in ids(S.search(admin_ctx, "이"))
    assert drop not in ids(S.search(admin_ctx))
    # the phone of the dropped record now belongs to the kept one
    assert ids(S.search(admin_ctx, "8888")) == [keep]
    assert _rows(db_path, "SELECT count(*) FROM citizen_grams WHERE citizen_id = ?", drop) == [(0,)]
    assert _rows(db_path, "SELECT count(*) FROM citizen_fts WHERE rowid = ?", drop) == [(0,)]
