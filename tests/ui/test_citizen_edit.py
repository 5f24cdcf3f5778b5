"""Editing through the dialog keeps what the form does not show."""
from __future__ import annotations

from datetime import date

from pcrm_desktop.domain.citizens import Address, Citizen
from pcrm_desktop.services import citizens as S
from pcrm_desktop.ui.citizen_dialog import CitizenDialog
from pcrm_desktop.ui.tasks import TaskRunner


def test_saving_an_unchanged_edit_loses_nothing(qtbot, admin_ctx):
    original = Citizen(None, "홍길동", 1970, birth_date=date(1970, 3, 2),
                       phones=("010-1000-0001", "02-123-4567", "031-123-4567"),
                       address=Address("서울특별시 종로구 자하문로 92", "", "1111010100", "청운동"))
    citizen_id = S.register_citizen(admin_ctx, original).citizen_id
    loaded, groups = S.citizen_for_edit(admin_ctx, citizen_id)
    dialog = CitizenDialog(admin_ctx, TaskRunner(), [], loaded, groups)
    qtbot.addWidget(dialog)
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=5000)
    saved, _ = S.citizen_for_edit(admin_ctx, citizen_id)
    assert saved.birth_date == date(1970, 3, 2)
    assert saved.address.dong_code == "1111010100"
    assert saved.phones == original.phones
