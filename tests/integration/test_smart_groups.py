"""Filtering the resident list (동, customer group, age) and smart groups (saved searches)."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime

import pytest

from pcrm_desktop.domain.citizens import Address, Channel, Citizen
from pcrm_desktop.domain.errors import ConflictError, ValidationError
from pcrm_desktop.domain.groups import GroupKind, SearchRule
from pcrm_desktop.services import citizens as S
from pcrm_desktop.services.groups import (
    group_summaries,
    list_groups,
    remove_smart_group,
    save_smart_group,
)
from tests.dbutil import rows

TODAY = datetime(2026, 3, 2, 9, 0)
# name, birth year, 동, road, assigned group codes, preferred channel
PEOPLE = [
    ("김영자", 1950, "청운동", "서울특별시 종로구 자하문로 10", ("DISABLED",), Channel.PHONE),
    ("김영수", 1958, "청운동", "서울특별시 종로구 자하문로 12", (), Channel.VISIT),
    ("김영호", 1970, "청운동", "서울특별시 종로구 자하문로 14", ("BASIC_LIVING",), None),
    ("이영희", 1955, "효자동", "서울특별시 종로구 효자로 3", ("DISABLED",), Channel.PHONE),
    ("박서연", 1999, "효자동", "서울특별시 종로구 효자로 5", (), Channel.SMS),
    ("최민준", 2001, "사직동", "서울특별시 종로구 사직로 8", ("DISABLED",), None),
    ("정모름", None, "청운동", "서울특별시 종로구 자하문로 20", (), None),
]


@pytest.fixture
def ctx(admin_ctx):
    ctx = replace(admin_ctx, clock=lambda: TODAY)
    ids = {g.code: g.id for g in list_groups(ctx)}
    for n, (name, year, dong, road, codes, channel) in enumerate(PEOPLE):
        citizen = Citizen(None, name, year, phones=(f"010-5555-{1000 + n}",),
                          address=Address(road, "", "", dong), preferred_channel=channel)
        S.register_citizen(ctx, citizen, group_ids=tuple(ids[c] for c in codes))
    return ctx


def names(ctx, query: str = "", rule: SearchRule | None = None, sort: str = "name") -> list[str]:
    """Every page, through the keyset paging the list uses (pages of 2 to cross page ends)."""
    found, after = [], None
    while True:
        page = S.search(ctx, query, after, 2, sort, rule)
        found += [item.id for item in page]
        if len(page) < 2:
            break
        after = page[-1].position
    by_id = {i: r[0] for i, r in enumerate(PEOPLE, start=1)}
    return sorted(by_id[i] for i in found)


def expected(member) -> list[str]:
    return sorted(p[0] for p in PEOPLE if member(p))


def age(p) -> int | None:
    return None if p[1] is None else TODAY.year - p[1]


def test_filters_each_alone_and_together(ctx):
    assert names(ctx, rule=SearchRule(dong_name="청운동")) == expected(lambda p: p[2] == "청운동")
    assert names(ctx, rule=SearchRule(group_codes=("DISABLED",))) == expected(lambda p: "DISABLED" in p[4])
    assert names(ctx, rule=SearchRule(group_codes=("SENIOR",))) == expected(
        lambda p: age(p) is not None and age(p) >= 65)
    assert names(ctx, rule=SearchRule(min_age=20, max_age=60)) == expected(
        lambda p: age(p) is not None and 20 <= age(p) <= 60)
    assert names(ctx, rule=SearchRule(channel="phone")) == expected(lambda p: p[5] is Channel.PHONE)
    together = SearchRule(dong_name="청운동", group_codes=("SENIOR",))
    assert names(ctx, rule=together) == ["김영수", "김영자"]
    # the search text narrows further, also for a two-syllable fragment
    assert names(ctx, "영자", together) == ["김영자"]
    assert names(ctx, "영", SearchRule(dong_name="효자동")) == []  # one character: a surname
    assert names(ctx, "이", SearchRule(dong_name="효자동")) == ["이영희"]
    assert names(ctx, "", SearchRule(dong_name="없는동")) == []
    # an empty rule filters nothing
    assert names(ctx, rule=SearchRule()) == sorted(p[0] for p in PEOPLE)


def test_filtered_list_in_both_sort_orders(ctx):
    rule = SearchRule(dong_name="청운동")
    for sort in ("name", "recent"):
        assert names(ctx, rule=rule, sort=sort) == expected(lambda p: p[2] == "청운동")


def test_save_and_use_a_smart_group(ctx, db_path):
    rule = SearchRule(text="김영", dong_name="청운동", group_codes=("SENIOR",))
    assert save_smart_group(ctx, "청운동 김영 어르신", rule) == frozenset({"groups"})
    smart = next(g for g in list_groups(ctx) if g.kind is GroupKind.SMART)
    assert (smart.name, smart.search_rule) == ("청운동 김영 어르신", rule)
    # the list filtered by the smart group, with or without more text
    assert names(ctx, rule=SearchRule(group_codes=(smart.code,))) == ["김영수", "김영자"]
    assert names(ctx, "영수", SearchRule(group_codes=(smart.code,))) == ["김영수"]
    # its size and profile beside the other groups
    summary = next(s for s in group_summaries(ctx) if s.group.code == smart.code)
    assert summary.size == 2
    assert summary.age_bands == {"65+": 2}
    assert summary.channels == {"phone": 1, "visit": 1}
    assert rows(db_path, "SELECT detail FROM audit_log WHERE action = 'group.add'") == [
        ("청운동 김영 어르신",)]


def test_smart_group_refusals(ctx):
    for empty in (SearchRule(), SearchRule(text="   ")):
        with pytest.raises(ValidationError) as caught:
            save_smart_group(ctx, "빈 검색", empty)
        assert caught.value.code == "smart_group_empty"
    with pytest.raises(ValidationError):
        save_smart_group(ctx, "  ", SearchRule(dong_name="청운동"))
    save_smart_group(ctx, "청운동 주민", SearchRule(dong_name="청운동"))
    with pytest.raises(ConflictError) as caught:
        save_smart_group(ctx, "청운동 주민", SearchRule(dong_name="효자동"))
    assert caught.value.code == "group_duplicate"
    with pytest.raises(ConflictError):
        save_smart_group(ctx, "장애인", SearchRule(dong_name="효자동"))  # a seeded group's name


def test_remove_a_smart_group(ctx, db_path):
    save_smart_group(ctx, "효자동 주민", SearchRule(dong_name="효자동"))
    smart = next(g for g in list_groups(ctx) if g.kind is GroupKind.SMART)
    remove_smart_group(ctx, smart.id)
    assert all(g.kind is not GroupKind.SMART for g in list_groups(ctx))
    assert smart.code not in {s.group.code for s in group_summaries(ctx)}
    assert rows(db_path, "SELECT target FROM audit_log WHERE action = 'group.remove'") == [
        (f"group:{smart.id}",)]
    # the name is free again, under a new code (the old row stays for the audit trail)
    save_smart_group(ctx, "효자동 주민", SearchRule(dong_name="효자동"))
    again = next(g for g in list_groups(ctx) if g.kind is GroupKind.SMART)
    assert again.code != smart.code
    disabled = next(g for g in list_groups(ctx) if g.code == "DISABLED")
    with pytest.raises(ConflictError) as caught:
        remove_smart_group(ctx, disabled.id)
    assert caught.value.code == "group_not_smart"


def test_dong_names_with_counts(ctx):
    assert S.dong_names(ctx) == [("사직동", 1), ("청운동", 4), ("효자동", 2)]
