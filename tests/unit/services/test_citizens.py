"""Editing a resident (services.citizens.update_citizen) on the fakes: a record that was never
saved, or is gone, is not found and nothing is written; an edit on a stale version carries the
stored record back."""
from __future__ import annotations

from dataclasses import replace

import pytest

from pcrm_desktop.domain.citizens import Citizen
from pcrm_desktop.domain.errors import EditConflict, NotFoundError
from pcrm_desktop.services import citizens


def test_a_record_never_saved_is_not_found_and_nothing_is_written(office):
    with pytest.raises(NotFoundError) as refused:
        citizens.update_citizen(office.clerk, Citizen(None, "홍길동", 1970))
    assert (refused.value.code, refused.value.params) == ("citizen_not_found", {"id": None})
    assert office.db.committed.citizens == {}
    assert office.entries("citizen.update") == []


def test_a_record_removed_meanwhile_is_not_found(office):
    with pytest.raises(NotFoundError) as refused:
        citizens.update_citizen(office.clerk, Citizen(41, "홍길동", 1970, version=1))
    assert refused.value.params == {"id": 41}
    assert office.entries("citizen.update") == []


def test_a_stale_edit_carries_the_stored_record_and_logs_the_view(office):
    saved = citizens.register_citizen(office.clerk, Citizen(None, "홍길동", 1970)).citizen_id
    mine = citizens.citizen_for_edit(office.clerk, saved)[0]
    citizens.update_citizen(office.manager, replace(mine, memo="먼저 저장"))
    with pytest.raises(EditConflict) as conflict:
        citizens.update_citizen(office.clerk, replace(mine, memo="나중 저장"))
    stored = conflict.value.current
    assert isinstance(stored, citizens.StoredCitizen)
    assert (stored.citizen.id, stored.citizen.memo, stored.citizen.version) == (saved, "먼저 저장", 2)
    assert [e.detail for e in office.entries("citizen.view_full")][-1] == \
        "저장 충돌: 다른 사용자가 저장한 값과 비교"
    assert office.db.committed.citizens[saved].memo == "먼저 저장"
