"""The resident profile at an office PC's 1366×768: the timeline's 내용 column and the
consultation box get the room; messages that stopped being true go away; the reveal dialog."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from pcrm_desktop.services.demo import DemoRequest, fill_demo

SHOTS = Path("/tmp/pcrm-shots")


@pytest.fixture
def shots(qapp) -> Path:
    from pcrm_desktop.ui.appearance import install_korean_font
    install_korean_font(qapp)
    SHOTS.mkdir(parents=True, exist_ok=True)
    return SHOTS


@pytest.fixture
def page(qtbot, backend, no_message_boxes, shots):
    from pcrm_desktop.app import Application
    from tests.ui.conftest import _args
    from tests.ui.helpers import sign_in_demo
    fill_demo(backend.ctx, DemoRequest(citizens=60, seed=5))
    app = Application(_args(), QApplication.instance())
    app.open_window(backend)
    sign_in_demo(qtbot, app)
    qtbot.addWidget(app.window)
    app.window.showNormal()
    app.window.resize(1366, 768)
    page = app.window.open_page("citizens")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=5000)
    yield page
    app.runner.wait(5000)


def _idle(qtbot, page):
    qtbot.waitUntil(lambda: not page.runner.busy(), timeout=5000)
    QApplication.processEvents()


def _choose(qtbot, page, row: int):
    # a reload under way chooses its resident again when its rows come: wait for that first
    qtbot.waitUntil(lambda: page._reselect is None and not page.runner.busy(), timeout=5000)
    QApplication.processEvents()
    page.table.selectRow(row)
    qtbot.waitUntil(lambda: page.profile.profile is not None
                    and page.profile.profile.citizen_id == page.model.row(row).id, timeout=5000)
    _idle(qtbot, page)


def _first_row(page, wanted) -> int:
    from pcrm_desktop.services import citizens as citizen_service
    for row in range(page.model.rowCount()):
        if wanted(citizen_service.open_profile(page.ctx, page.model.row(row).id)):
            return row
    raise AssertionError("no such resident in the demo data")


def _with_timeline(page) -> int:
    return _first_row(page, lambda profile: profile.timeline)


def test_timeline_content_and_consultation_box_get_the_room(qtbot, page, shots):
    _choose(qtbot, page, _with_timeline(page))
    profile = page.profile
    assert profile.timeline.rowCount() > 0
    profile.window().grab().save(str(shots / "profile-1366.png"))
    assert profile.timeline_view.columnWidth(3) >= 300, profile.timeline_view.columnWidth(3)
    assert profile.contact_summary.width() >= 300, profile.contact_summary.width()


def test_first_start_opens_maximized_and_later_starts_keep_the_saved_size(qtbot, backend,
                                                                          no_message_boxes):
    from pcrm_desktop.app import Application
    from tests.ui.conftest import _args
    from tests.ui.helpers import sign_in_demo
    fill_demo(backend.ctx, DemoRequest(citizens=5, seed=5))
    first = Application(_args(), QApplication.instance())
    first.open_window(backend)
    sign_in_demo(qtbot, first)
    qtbot.addWidget(first.window)
    assert first.window.isMaximized(), "a 1280×720 window does not fit a 1366×768 office screen"
    first.window.showNormal()
    first.window.resize(1111, 677)
    first.save_state()
    first.runner.wait(5000)
    first.window.close()

    second = Application(_args(), QApplication.instance())
    second.open_window(backend)
    sign_in_demo(qtbot, second)
    qtbot.addWidget(second.window)
    assert not second.window.isMaximized() and second.window.height() == 677
    second.runner.wait(5000)


def test_saved_message_goes_when_another_resident_is_chosen(qtbot, page):
    from tests.ui.helpers import type_text
    _choose(qtbot, page, 0)
    profile = page.profile
    type_text(profile.contact_summary, "전입신고 안내")
    profile.contact_summary.returnPressed.emit()
    qtbot.waitUntil(lambda: profile.contact_status.text() == "상담 기록을 저장했습니다.", timeout=5000)
    _idle(qtbot, page)  # the list reloads and the same resident is chosen again
    qtbot.waitUntil(lambda: profile.profile is not None, timeout=5000)
    assert profile.contact_status.isVisible()
    assert profile.contact_status.text() == "상담 기록을 저장했습니다.", "still true: same resident"
    _choose(qtbot, page, 1)
    assert profile.contact_status.text() == "", "the message spoke of the resident chosen before"


def test_an_error_goes_once_its_field_is_edited(qtbot, page):
    from tests.ui.helpers import type_text
    _choose(qtbot, page, 0)
    profile = page.profile
    profile.contact_summary.returnPressed.emit()  # nothing typed
    qtbot.waitUntil(lambda: profile.contact_status.text() != "", timeout=5000)
    type_text(profile.consent_purpose, "복지")    # another field: the error still holds
    assert profile.contact_status.text() != ""
    type_text(profile.contact_summary, "전")
    assert profile.contact_status.text() == ""

    profile.consent_purpose.clear()
    profile.consent_button.click()
    qtbot.waitUntil(lambda: "동의 목적" in profile.contact_status.text(), timeout=5000)
    type_text(profile.consent_purpose, "복지 서비스 안내")
    assert profile.contact_status.text() == ""


def test_reveal_offers_preset_reasons_keeps_the_preference_and_masks_again(
        qtbot, page, db_path, shots, monkeypatch):
    from pcrm_desktop.ui.citizen_profile import RevealReasonDialog
    from tests.dbutil import rows
    dialog = RevealReasonDialog(page)
    qtbot.addWidget(dialog)
    dialog.show()
    assert [b.text() for b in dialog.presets] == ["본인 확인", "민원 처리", "법령 근거"]
    assert not dialog.ok_button().isEnabled(), "a reason is needed"
    dialog.presets[1].click()
    assert dialog.reason.text() == "민원 처리" and dialog.ok_button().isEnabled()
    dialog.reason.insert(" (2026-000123)")  # free text after a preset
    assert dialog.reason.text() == "민원 처리 (2026-000123)"
    dialog.grab().save(str(shots / "profile-reveal-reason.png"))
    dialog.close()

    monkeypatch.setattr(RevealReasonDialog, "ask", classmethod(lambda cls, parent: "본인 확인"))
    _choose(qtbot, page, _first_row(page, lambda p: p.preferred_channel and p.phones))
    profile = page.profile
    masked_name, masked_contact = profile.name.text(), profile.contact.text()
    assert "*" in masked_name and "선호: " in masked_contact
    assert profile.reveal_button.isVisible() and not profile.mask_button.isVisible()
    profile.reveal_button.click()
    qtbot.waitUntil(lambda: "*" not in profile.name.text(), timeout=5000)
    assert "*" not in profile.contact.text()
    assert "선호: " in profile.contact.text(), "the preference stays beside the full number"
    assert profile.mask_button.isVisible() and not profile.reveal_button.isVisible()
    assert rows(db_path, "SELECT reason FROM audit_log WHERE action = 'citizen.reveal'") \
        == [("본인 확인",), ("본인 확인",)]
    profile.window().grab().save(str(shots / "profile-revealed.png"))
    profile.mask_button.click()
    assert (profile.name.text(), profile.contact.text()) == (masked_name, masked_contact)
    assert profile.reveal_button.isVisible()
