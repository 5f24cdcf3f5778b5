"""Guards found in review: no data lost by an edit, duplicates found among many namesakes,
ids never reused, personal details not shown to every role, admin-only office changes,
reads that do not wait for a writer."""
from __future__ import annotations

import threading
from datetime import date

import pytest

from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.citizens import Address, Citizen
from pcrm_desktop.domain.errors import ConflictError
from pcrm_desktop.domain.privacy import PermissionDenied
from pcrm_desktop.services import citizens as S
from pcrm_desktop.services import office as O


def _citizen(name="김민준", year=1980, phones=("010-1111-2222",), **kw) -> Citizen:
    return Citizen(None, name, year, phones=phones,
                   address=kw.pop("address", Address("서울특별시 종로구 자하문로 92", "", "", "청운동")), **kw)


def test_a_likely_duplicate_is_found_among_many_namesakes(admin_ctx):
    for n in range(30):
        S.register_citizen(admin_ctx, _citizen(year=1950 + n, phones=(f"010-3000-{n:04d}",)),
                           allow_duplicate=True)
    with pytest.raises(ConflictError) as caught:
        S.register_citizen(admin_ctx, _citizen(year=1979, phones=("010-3000-0029",)))
    assert caught.value.code == "possible_duplicate"


def test_ids_are_not_given_again_after_a_merge(admin_ctx):
    keep = S.register_citizen(admin_ctx, _citizen("가가가", phones=("010-1000-0001",))).citizen_id
    drop = S.register_citizen(admin_ctx, _citizen("나나나", phones=("010-1000-0002",))).citizen_id
    S.merge_citizens(admin_ctx, keep, drop)
    new = S.register_citizen(admin_ctx, _citizen("다다다", phones=("010-1000-0003",))).citizen_id
    assert new > drop


def test_merge_details_are_not_shown_to_a_clerk(admin_ctx):
    keep = S.register_citizen(admin_ctx, _citizen("가가가", phones=("010-1000-0001",))).citizen_id
    drop = S.register_citizen(admin_ctx, _citizen("나나나", phones=("010-1000-0002",),
                                                  memo="비밀 메모")).citizen_id
    S.merge_citizens(admin_ctx, keep, drop)
    clerk = admin_ctx.as_actor(Actor(None, "kim", "clerk", "PC"))
    merge_row = next(r for r in O.recent_activity(clerk) if r.action == "citizen.merge")
    assert merge_row.detail == ""
    admin_row = next(r for r in O.recent_activity(admin_ctx) if r.action == "citizen.merge")
    assert admin_row.detail == f"기록 #{drop} 병합" and "비밀" not in admin_row.detail


def test_merge_keeps_year_and_date_together(admin_ctx):
    keep = S.register_citizen(admin_ctx, _citizen("가가가", 1970, ("010-1000-0001",),
                                                  birth_date=date(1970, 3, 2))).citizen_id
    drop = S.register_citizen(admin_ctx, _citizen("가가가", 1971, ("010-1000-0002",)),
                              allow_duplicate=True).citizen_id
    S.merge_citizens(admin_ctx, keep, drop, take_from_drop=("birth_year",))
    merged, _ = S.citizen_for_edit(admin_ctx, keep)
    assert merged.birth_year == 1971 and merged.birth_date is None


@pytest.mark.parametrize("role", ["clerk", "manager", "kiosk"])
def test_only_an_admin_changes_the_office_and_its_staff(admin_ctx, role):
    other = admin_ctx.as_actor(Actor(None, "x", role, "PC"))
    for call in (lambda: O.add_department(other, "새팀"),
                 lambda: O.add_staff(other, "새직원", "new.one", "admin"),
                 lambda: O.set_staff_active(other, "hong", False)):
        with pytest.raises(PermissionDenied):
            call()


def test_reads_do_not_wait_for_a_writer(admin_ctx):
    """While another unit of work holds the write lock, a search still answers at once."""
    S.register_citizen(admin_ctx, _citizen())
    holding, release = threading.Event(), threading.Event()

    def writer() -> None:
        with admin_ctx.uow_factory() as uow:
            uow.citizens.add(_citizen("박쓰기", phones=("010-9999-0000",)), admin_ctx.clock())
            holding.set()
            release.wait(10)
            uow.commit()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert holding.wait(5)
        found = S.search(admin_ctx, "김민")
        assert [r.name for r in found] == ["김*준"]
    finally:
        release.set()
        thread.join()
    assert [r.name for r in S.search(admin_ctx, "박쓰")] == ["박*기"]


def test_a_cancelled_demo_leaves_nothing_behind(ctx):
    from pcrm_desktop.services.demo import DemoRequest, fill_demo
    with pytest.raises(ConflictError) as caught:
        fill_demo(ctx, DemoRequest(citizens=12000), cancelled=lambda: True)
    assert caught.value.code == "demo_cancelled"
    assert not O.is_set_up(ctx), "the office must not stay behind a cancelled demo"
    assert S.count(ctx.as_actor(Actor(None, "x", "admin", "PC"))) == 0
    result = fill_demo(ctx, DemoRequest(citizens=10))  # the file is still usable for a demo
    assert result.counts["citizens"] == 10
