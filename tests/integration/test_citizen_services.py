"""Resident use cases (services/citizens.py, services/groups.py) on a temporary database file."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest

from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.citizens import Address, Channel, Citizen, Gender
from pcrm_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from pcrm_desktop.domain.privacy import PermissionDenied
from pcrm_desktop.services import citizens as S
from pcrm_desktop.services.groups import group_summaries, list_groups
from tests.dbutil import rows

ROAD = "서울특별시 종로구 자하문로 92"
KIOSK = Actor(staff_id=None, login="kiosk", role="kiosk", workstation="민원실")




def audit_rows(db: Path, action: str) -> list[tuple]:
    return rows(db, "SELECT actor, target, detail FROM audit_log WHERE action = ? ORDER BY id", action)


def count(db: Path, table: str) -> int:
    return rows(db, f"SELECT count(*) FROM {table}")[0][0]


def person(name="김철수", phones=("010-1234-5678",), birth_year=1970, road=ROAD, dong="청운동",
           **kw) -> Citizen:
    return Citizen(None, name, birth_year, phones=tuple(phones),
                   address=Address(road, kw.pop("detail", ""), "", dong), **kw)


def group_id(ctx, code: str) -> int:
    return next(g.id for g in list_groups(ctx) if g.code == code)


# --- register ----------------------------------------------------------------------------------

def test_register_and_read_back(admin_ctx, db_path):
    done = S.register_citizen(admin_ctx, person(memo="주민번호 900101-1234567 확인"))
    assert done.rrn_masked == 1
    citizen, groups = S.citizen_for_edit(admin_ctx, done.citizen_id)
    assert (citizen.name, citizen.phones, citizen.birth_year) == ("김철수", ("010-1234-5678",), 1970)
    assert citizen.memo == "주민번호 900101-1****** 확인"
    assert citizen.version == 1 and groups == []
    [(actor, target, detail)] = audit_rows(db_path, "citizen.add")
    assert (actor, target) == ("hong", f"citizen:{done.citizen_id}")
    assert "1건" in detail
    assert "1234567" not in "".join(str(r) for r in rows(db_path, "SELECT * FROM citizens"))


def test_register_refuses_a_likely_duplicate(admin_ctx, db_path):
    first = S.register_citizen(admin_ctx, person()).citizen_id
    with pytest.raises(ConflictError) as caught:
        S.register_citizen(admin_ctx, person(phones=("01012345678",), road="", dong=""))
    assert caught.value.code == "possible_duplicate"
    [match] = caught.value.params["matches"]
    assert match.citizen_id == first
    assert match.name == "김*수" and match.phone == "010-****-5678"
    assert match.match.score == 0.95
    assert match.match.reasons == ("same_phone", "same_name", "same_birth_year")
    assert count(db_path, "citizens") == 1
    assert len(audit_rows(db_path, "citizen.add")) == 1

    second = S.register_citizen(admin_ctx, person(phones=("01012345678",), road="", dong=""),
                                allow_duplicate=True)
    assert second.citizen_id != first
    assert count(db_path, "citizens") == 2
    assert audit_rows(db_path, "citizen.add")[-1][2] == "중복 경고 확인 후 등록"


def test_register_accepts_an_unlikely_namesake(admin_ctx, db_path):
    S.register_citizen(admin_ctx, person())
    # same name and birth year only: 0.5, below the threshold
    S.register_citizen(admin_ctx, person(phones=("010-9999-0000",), road=ROAD + "-1"))
    assert count(db_path, "citizens") == 2


def test_register_invalid_writes_nothing(admin_ctx, db_path):
    with pytest.raises(ValidationError) as caught:
        S.register_citizen(admin_ctx, person(name="홍길동 900101-1234567"))
    assert caught.value.code == "rrn_in_name"
    assert count(db_path, "citizens") == 0
    assert audit_rows(db_path, "citizen.add") == []


def test_register_with_groups(admin_ctx):
    disabled = group_id(admin_ctx, "DISABLED")
    done = S.register_citizen(admin_ctx, person(), group_ids=(disabled,))
    assert S.citizen_for_edit(admin_ctx, done.citizen_id)[1] == [disabled]


# --- update ------------------------------------------------------------------------------------

def test_update_with_a_stale_version_changes_nothing(admin_ctx, db_path):
    citizen_id = S.register_citizen(admin_ctx, person()).citizen_id
    mine, _ = S.citizen_for_edit(admin_ctx, citizen_id)
    theirs, _ = S.citizen_for_edit(admin_ctx, citizen_id)
    S.update_citizen(admin_ctx, replace(theirs, memo="다른 직원이 먼저 저장"))
    before = rows(db_path, "SELECT * FROM citizens")
    with pytest.raises(ConflictError) as caught:
        S.update_citizen(admin_ctx, replace(mine, name="김철호", phones=("010-0000-1111",)))
    assert caught.value.code == "edited_elsewhere"
    assert rows(db_path, "SELECT * FROM citizens") == before
    now, _ = S.citizen_for_edit(admin_ctx, citizen_id)
    assert (now.name, now.memo, now.phones, now.version) == (
        "김철수", "다른 직원이 먼저 저장", ("010-1234-5678",), 2)
    assert len(audit_rows(db_path, "citizen.update")) == 1


def test_update_missing_citizen(admin_ctx):
    with pytest.raises(NotFoundError) as caught:
        S.update_citizen(admin_ctx, replace(person(), id=999, version=1))
    assert caught.value.code == "citizen_not_found"


# --- profile and reveal ------------------------------------------------------------------------

def test_open_profile_is_masked_and_audited(admin_ctx, db_path):
    citizen_id = S.register_citizen(admin_ctx, person(email="kimcs@example.com",
                                                      phones=("010-1234-5678", "02-123-4567"),
                                                      detail="101동 202호")).citizen_id
    profile = S.open_profile(admin_ctx, citizen_id)
    assert profile.citizen_id == citizen_id
    assert profile.name == "김*수"
    assert profile.phones == ("010-****-5678", "02-***-4567")
    assert profile.email == "ki***@example.com"
    assert profile.address == ROAD + " 101동 202호"
    assert profile.dong_name == "청운동"
    [(actor, target, _)] = audit_rows(db_path, "citizen.view")
    assert (actor, target) == ("hong", f"citizen:{citizen_id}")
    S.open_profile(admin_ctx, citizen_id)
    assert len(audit_rows(db_path, "citizen.view")) == 2


def test_open_profile_missing(admin_ctx, db_path):
    with pytest.raises(NotFoundError):
        S.open_profile(admin_ctx, 12345)
    assert audit_rows(db_path, "citizen.view") == []


@pytest.mark.parametrize("reason", ["", "   "])
def test_reveal_needs_a_reason(admin_ctx, db_path, reason):
    citizen_id = S.register_citizen(admin_ctx, person()).citizen_id
    with pytest.raises(ValidationError) as caught:
        S.reveal(admin_ctx, citizen_id, "phones", reason)
    assert (caught.value.code, caught.value.field) == ("reason_required", "reason")
    assert audit_rows(db_path, "citizen.reveal") == []


def test_reveal_with_a_reason(admin_ctx, db_path):
    citizen_id = S.register_citizen(admin_ctx, person(phones=("010-1234-5678", "02-123-4567"),
                                                      email="kimcs@example.com")).citizen_id
    assert S.reveal(admin_ctx, citizen_id, "phones", "민원 회신 전화") == "010-1234-5678, 02-123-4567"
    assert S.reveal(admin_ctx, citizen_id, "name", "본인 확인") == "김철수"
    assert S.reveal(admin_ctx, citizen_id, "email", "안내문 발송") == "kimcs@example.com"
    reveals = rows(db_path, "SELECT target, subject_id, detail, reason FROM audit_log "
                            "WHERE action = 'citizen.reveal' ORDER BY id")
    assert reveals == [
        (f"citizen:{citizen_id}", citizen_id, "phones", "민원 회신 전화"),
        (f"citizen:{citizen_id}", citizen_id, "name", "본인 확인"),
        (f"citizen:{citizen_id}", citizen_id, "email", "안내문 발송")]
    with pytest.raises(ValidationError) as caught:
        S.reveal(admin_ctx, citizen_id, "memo", "사유")
    assert caught.value.code == "field_unknown"


# --- permissions -------------------------------------------------------------------------------

def test_kiosk_sees_no_personal_data(admin_ctx, db_path):
    citizen_id = S.register_citizen(admin_ctx, person()).citizen_id
    kiosk = admin_ctx.as_actor(KIOSK)
    calls = [
        lambda: S.search(kiosk, "김철수"),
        lambda: S.open_profile(kiosk, citizen_id),
        lambda: S.register_citizen(kiosk, person(name="박영희", phones=())),
        lambda: S.reveal(kiosk, citizen_id, "name", "사유"),
        lambda: S.citizen_for_edit(kiosk, citizen_id),
        lambda: S.add_interaction(kiosk, citizen_id, "visit", "visit", "방문"),
        lambda: S.merge_citizens(kiosk, citizen_id, citizen_id + 1),
        lambda: group_summaries(kiosk),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied) as caught:
            call()
        assert caught.value.code == "forbidden"
        assert caught.value.params["role"] == "kiosk"
    assert count(db_path, "citizens") == 1
    assert count(db_path, "interactions") == 0
    assert audit_rows(db_path, "citizen.view") == []


# --- interactions and the timeline -------------------------------------------------------------

def test_interactions_in_the_timeline_newest_first(admin_ctx, db_path):
    citizen_id = S.register_citizen(admin_ctx, person()).citizen_id
    times = iter([datetime(2025, 3, 1, 10, 0), datetime(2025, 3, 5, 9, 0),
                  datetime(2025, 3, 3, 15, 30)])
    for (channel, kind, summary) in [
            (Channel.VISIT, "visit", "전입신고 문의"),
            ("phone", "call", "주민번호 900101-1234567 로 조회 요청"),
            (Channel.SMS, "counselling", "기초연금 상담")]:
        at = next(times)
        S.add_interaction(replace(admin_ctx, clock=lambda at=at: at), citizen_id, channel, kind,
                          summary)
    timeline = S.open_profile(admin_ctx, citizen_id).timeline
    assert [item.at for item in timeline] == [datetime(2025, 3, 5, 9, 0),
                                              datetime(2025, 3, 3, 15, 30),
                                              datetime(2025, 3, 1, 10, 0)]
    assert [item.summary for item in timeline] == [
        "주민번호 900101-1****** 로 조회 요청", "기초연금 상담", "전입신고 문의"]
    assert [(i.channel, i.kind) for i in timeline] == [("phone", "call"), ("sms", "counselling"),
                                                      ("visit", "visit")]
    assert {i.staff for i in timeline} == {"홍길동"}  # the admin's staff name
    assert all(i.source == "interaction" for i in timeline)
    stored = [s for (s,) in rows(db_path, "SELECT summary FROM interactions")]
    assert not any("1234567" in s for s in stored)
    assert len(audit_rows(db_path, "interaction.add")) == 3


def test_add_interaction_refusals(admin_ctx, db_path):
    citizen_id = S.register_citizen(admin_ctx, person()).citizen_id
    with pytest.raises(ValidationError) as caught:
        S.add_interaction(admin_ctx, citizen_id, "visit", "gossip", "방문")
    assert caught.value.code == "kind_unknown"
    with pytest.raises(ValidationError) as caught:
        S.add_interaction(admin_ctx, citizen_id, "visit", "visit", "   ")
    assert caught.value.code == "required"
    with pytest.raises(ValueError):
        S.add_interaction(admin_ctx, citizen_id, "pigeon", "visit", "방문")
    with pytest.raises(NotFoundError):
        S.add_interaction(admin_ctx, 999, "visit", "visit", "방문")
    assert count(db_path, "interactions") == 0


# --- merge -------------------------------------------------------------------------------------

def test_merge_citizens(admin_ctx, db_path):
    disabled, basic = group_id(admin_ctx, "DISABLED"), group_id(admin_ctx, "BASIC_LIVING")
    keep = S.register_citizen(admin_ctx, person(memo="유지할 메모", gender=Gender.MALE),
                              group_ids=(disabled,)).citizen_id
    drop = S.register_citizen(
        admin_ctx, person(phones=("010-2222-3333", "010-1234-5678"), road="서울특별시 종로구 효자로 11",
                          dong="효자동", email="kim@example.com", memo="버릴 메모"),
        group_ids=(disabled, basic), allow_duplicate=True).citizen_id
    S.add_interaction(admin_ctx, keep, "visit", "visit", "유지 기록")
    S.add_interaction(admin_ctx, drop, "phone", "call", "옮길 기록 1")
    S.add_interaction(admin_ctx, drop, "phone", "counselling", "옮길 기록 2")

    S.merge_citizens(admin_ctx, keep, drop, take_from_drop=("address", "email"))

    merged, groups = S.citizen_for_edit(admin_ctx, keep)
    assert merged.phones == ("010-1234-5678", "010-2222-3333")  # united, no repeat
    assert merged.address.road == "서울특별시 종로구 효자로 11" and merged.address.dong_name == "효자동"
    assert merged.email == "kim@example.com"
    assert merged.memo == "유지할 메모" and merged.gender is Gender.MALE  # not taken
    assert merged.version == 2
    assert sorted(groups) == sorted([disabled, basic])
    summaries = sorted(i.summary for i in S.open_profile(admin_ctx, keep).timeline)
    assert summaries == ["옮길 기록 1", "옮길 기록 2", "유지 기록"]

    with pytest.raises(NotFoundError):
        S.citizen_for_edit(admin_ctx, drop)
    for table in ("interactions", "citizen_groups", "citizen_phones", "consents"):
        assert rows(db_path, f"SELECT count(*) FROM {table} WHERE citizen_id = ?", drop) == [(0,)]
    assert count(db_path, "citizens") == 1

    [(actor, target, detail)] = audit_rows(db_path, "citizen.merge")
    assert (actor, target) == ("hong", f"citizen:{keep}")
    detail = json.loads(detail)
    assert detail["merged"] == drop
    assert detail["fields"] == ["address", "email"]
    assert detail["moved"]["interactions"] == 2 and detail["moved"]["citizen_groups"] == 1
    removed = detail["removed_record"]
    assert removed["id"] == drop and removed["name"] == "김철수"
    assert removed["phones"] == ["010-2222-3333", "010-1234-5678"]
    assert removed["memo"] == "버릴 메모" and removed["email"] == "kim@example.com"
    assert removed["address"]["road"] == "서울특별시 종로구 효자로 11"


def test_merge_takes_the_name(admin_ctx):
    keep = S.register_citizen(admin_ctx, person(name="김철쑤")).citizen_id
    drop = S.register_citizen(admin_ctx, person(), allow_duplicate=True).citizen_id
    S.merge_citizens(admin_ctx, keep, drop, take_from_drop=("name", "id", "version"))
    merged, _ = S.citizen_for_edit(admin_ctx, keep)
    assert (merged.id, merged.name) == (keep, "김철수")  # id/version are not mergeable fields
    assert [i.id for i in S.search(admin_ctx, "김철수")] == [keep]
    assert S.search(admin_ctx, "철쑤") == []


def test_merge_refusals(admin_ctx, db_path):
    one = S.register_citizen(admin_ctx, person()).citizen_id
    with pytest.raises(ValidationError) as caught:
        S.merge_citizens(admin_ctx, one, one)
    assert caught.value.code == "merge_same"
    with pytest.raises(NotFoundError):
        S.merge_citizens(admin_ctx, one, 999)
    assert count(db_path, "citizens") == 1
    assert audit_rows(db_path, "citizen.merge") == []


# --- groups ------------------------------------------------------------------------------------

def test_group_summaries_count_derived_and_assigned_groups(admin_ctx):
    today = datetime(2025, 6, 1, 10, 0)
    ctx = replace(admin_ctx, clock=lambda: today)
    disabled, basic = group_id(ctx, "DISABLED"), group_id(ctx, "BASIC_LIVING")
    # (name, birth year, preferred channel, assigned groups, interactions)
    people = [
        ("가노인", 1950, Channel.PHONE, (disabled,), 2),   # 75
        ("나노인", 1960, None, (), 1),                     # 65: senior (boundary)
        ("다중년", 1961, Channel.VISIT, (basic,), 0),      # 64: neither
        ("라청년", 1991, Channel.PHONE, (disabled,), 1),   # 34: youth (boundary)
        ("마청년", 2006, Channel.SMS, (), 0),              # 19: youth (boundary)
        ("바소년", 2007, None, (disabled, basic), 3),      # 18: neither
        ("사중년", 1990, Channel.VISIT, (), 0),            # 35: neither
        ("아모름", None, None, (basic,), 0),               # no birth year
    ]
    for name, year, channel, groups, contacts in people:
        citizen = Citizen(None, name, year, preferred_channel=channel)
        citizen_id = S.register_citizen(ctx, citizen, group_ids=groups).citizen_id
        for _ in range(contacts):
            S.add_interaction(ctx, citizen_id, "visit", "visit", "방문 상담")

    def age(year):
        return None if year is None else today.year - year

    def expected(member):
        chosen = [p for p in people if member(p)]
        bands: dict[str, int] = {}
        channels: dict[str, int] = {}
        for p in chosen:
            a = age(p[1])
            band = ("?" if a is None else "~18" if a <= 18 else "19–34" if a <= 34
                    else "35–49" if a <= 49 else "50–64" if a <= 64 else "65+")
            bands[band] = bands.get(band, 0) + 1
            key = p[2].value if p[2] else "?"
            channels[key] = channels.get(key, 0) + 1
        return len(chosen), bands, channels, sum(p[4] for p in chosen)

    want = {
        "SENIOR": expected(lambda p: p[1] is not None and age(p[1]) >= 65),
        "YOUTH": expected(lambda p: p[1] is not None and 19 <= age(p[1]) <= 34),
        "DISABLED": expected(lambda p: disabled in p[3]),
        "BASIC_LIVING": expected(lambda p: basic in p[3]),
        "MULTICULTURAL": (0, {}, {}, 0),
    }
    # the hand count agrees with the helper
    assert [want[c][0] for c in ("SENIOR", "YOUTH", "DISABLED", "BASIC_LIVING")] == [2, 2, 3, 3]
    assert want["SENIOR"][3] == 3 and want["DISABLED"][3] == 6

    got = {s.group.code: s for s in group_summaries(ctx)}
    assert "SMART" not in {s.group.kind.value.upper() for s in got.values()}
    for code, (size, bands, channels, contacts) in want.items():
        s = got[code]
        assert (s.size, s.age_bands, s.channels, s.interactions) == (size, bands, channels, contacts), code
    for code in ("FOREIGN", "SINGLE_PARENT", "SMALL_BUSINESS"):
        assert got[code].size == 0

    # the profile names the derived and assigned groups of one resident
    first = S.search(ctx, "가노인")[0].id
    assert set(S.open_profile(ctx, first).group_names) == {"어르신(65+)", "장애인"}
    youth = S.search(ctx, "라청년")[0].id
    assert set(S.open_profile(ctx, youth).group_names) == {"청년(19–34)", "장애인"}
