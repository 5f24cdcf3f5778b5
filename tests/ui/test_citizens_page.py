"""주민 page through the real widgets: register, find by two syllables and by phone tail,
profile and timeline, duplicate warning, merge, import mapping; screenshots of each."""
from __future__ import annotations

import csv

import pytest
from PySide6.QtWidgets import QApplication

from pcrm_desktop.services import citizens as citizen_service
from pcrm_desktop.services.demo import DemoRequest, fill_demo
from tests.ui.helpers import save_screenshot, type_text


@pytest.fixture
def demo_backend(backend):
    fill_demo(backend.ctx, DemoRequest(citizens=300, seed=3))
    return backend


@pytest.fixture
def page(qtbot, demo_backend, no_message_boxes):
    from PySide6.QtWidgets import QApplication as App

    from pcrm_desktop.app import Application
    from tests.ui.conftest import _args
    app = Application(_args(), App.instance())
    app.open_window(demo_backend)
    from tests.ui.helpers import sign_in_demo
    sign_in_demo(qtbot, app)
    qtbot.addWidget(app.window)
    app.window.resize(1366, 768)
    page = app.window.open_page("citizens")
    qtbot.waitUntil(lambda: page.model.rowCount() == 100, timeout=5000)
    yield page
    app.runner.wait(5000)


def _idle(qtbot, page):
    qtbot.waitUntil(lambda: not page.runner.busy(), timeout=5000)
    QApplication.processEvents()


def _search(qtbot, page, text):
    type_text(page.search, text)
    page.run_search()
    _idle(qtbot, page)
    return [page.model.row(i) for i in range(page.model.rowCount())]


def _register(qtbot, page, name, phone, birth_year="1968"):
    dialog = page.new_citizen()
    type_text(dialog.name, name)
    type_text(dialog.birth_year, birth_year)
    type_text(dialog.phone1, phone)
    type_text(dialog.road, "서울특별시 종로구 자하문로 92")
    type_text(dialog.dong, "청운동")
    return dialog


def test_register_then_find_by_two_syllables_and_phone_tail(qtbot, page, screenshot_dir):
    dialog = _register(qtbot, page, "김철", "010 7777 4321")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=5000)
    _idle(qtbot, page)

    by_name = _search(qtbot, page, "김철")
    assert any(r.name == "김*" and r.phone == "010-****-4321" for r in by_name)
    by_tail = _search(qtbot, page, "4321")
    assert [r.phone for r in by_tail if r.name == "김*"] == ["010-****-4321"]

    page.table.selectRow(next(i for i, r in enumerate(by_tail) if r.phone == "010-****-4321"))
    qtbot.waitUntil(lambda: page.profile.profile is not None, timeout=5000)
    assert page.profile.name.text() == "김*"
    type_text(page.profile.contact_summary, "전입신고 안내")
    page.profile.contact_summary.returnPressed.emit()
    qtbot.waitUntil(lambda: page.profile.timeline.rowCount() == 1, timeout=5000)
    assert page.profile.timeline.row(0).summary == "전입신고 안내"
    entry = page.profile.timeline.row(0)
    assert (entry.channel, entry.kind) == ("phone", "call")  # the defaults agree: 전화, 전화 상담
    _idle(qtbot, page)
    assert [page.model.row(i.row()).phone for i in page.table.selectionModel().selectedRows()] \
        == ["010-****-4321"], "the resident stays chosen in the list after the list reloads"
    save_screenshot(page.window(), screenshot_dir, "citizens-profile-timeline")
    channel = page.profile.contact_channel
    channel.setCurrentIndex(channel.findData("visit"))
    channel.activated.emit(channel.currentIndex())        # as the clerk choosing 방문
    assert page.profile.contact_kind.currentData() == "visit"


def test_list_is_sorted_and_loads_more_on_scroll(qtbot, page, screenshot_dir):
    rows = [page.model.row(i) for i in range(page.model.rowCount())]
    assert [r.position for r in rows] == sorted(r.position for r in rows)
    save_screenshot(page.window(), screenshot_dir, "citizens-list")
    page.table.scrollToBottom()
    QApplication.processEvents()
    page.model.fetchMore()
    qtbot.waitUntil(lambda: page.model.rowCount() == 200, timeout=5000)


def test_duplicate_warning_then_merge(qtbot, page, ctx, screenshot_dir):
    first = _register(qtbot, page, "박영희", "010-5555-1212")
    first.save()
    qtbot.waitUntil(lambda: first.result() == first.DialogCode.Accepted, timeout=5000)
    _idle(qtbot, page)

    second = _register(qtbot, page, "박영희", "01055551212")
    second.check_duplicates()
    qtbot.waitUntil(lambda: second.duplicate_warning.isVisible(), timeout=5000)
    assert "같은 사람일 수 있습니다" in second.duplicate_warning.text()
    save_screenshot(second, screenshot_dir, "citizens-duplicate-warning")
    second.save()
    qtbot.waitUntil(lambda: "같은 사람일 수 있는" in second.error.text(), timeout=5000)
    assert second.isVisible(), "a likely duplicate is not saved without the clerk's word"
    second.confirm_new.setChecked(True)
    second.save()
    qtbot.waitUntil(lambda: second.result() == second.DialogCode.Accepted, timeout=5000)
    _idle(qtbot, page)

    found = _search(qtbot, page, "1212")
    twins = [i for i, r in enumerate(found) if r.name == "박*희"]
    assert len(twins) == 2
    page.table.selectRow(twins[0])
    page.table.selectionModel().select(page.model.index(twins[1], 0),
                                       page.table.selectionModel().SelectionFlag.Select
                                       | page.table.selectionModel().SelectionFlag.Rows)
    assert page.merge_button.isEnabled()
    page.merge_selected()
    dialog = page.dialog
    qtbot.waitUntil(lambda: dialog.records is not None, timeout=5000)
    save_screenshot(dialog, screenshot_dir, "citizens-merge")
    dialog.merge()
    qtbot.waitUntil(lambda: dialog.result() == dialog.DialogCode.Accepted, timeout=5000)
    _idle(qtbot, page)
    assert len([r for r in _search(qtbot, page, "1212") if r.name == "박*희"]) == 1


def test_import_dialog_maps_columns_and_imports_all_or_nothing(qtbot, page, tmp_path, screenshot_dir,
                                                               monkeypatch):
    source = tmp_path / "주민명단.csv"
    with source.open("w", encoding="cp949", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["성명", "생년", "연락처", "주소", "비고"])
        writer.writerow(["최민수", "1955", "010-3131-2020", "서울특별시 종로구 사직로 8", ""])
        writer.writerow(["정서연", "1990", "010-4141-3030", "서울특별시 종로구 삼청로 1", ""])
        writer.writerow(["", "1980", "010-1111-2222", "", "이름 없음"])
    from pcrm_desktop.ui import dialogs
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: str(source))
    dialog = page.import_file()
    qtbot.waitUntil(lambda: dialog.table is not None, timeout=5000)
    assert dialog.combos["name"].currentData() == "성명"
    assert dialog.combos["phone"].currentData() == "연락처"
    assert "CP949" in dialog.info.text()
    save_screenshot(dialog, screenshot_dir, "citizens-import-mapping")
    dialog.check()
    qtbot.waitUntil(lambda: dialog.plan is not None, timeout=5000)
    assert len(dialog.plan.valid) == 2 and len(dialog.plan.rejected) == 1
    assert dialog.plan.rejected[0].row == 4
    save_screenshot(dialog, screenshot_dir, "citizens-import-report")
    dialog.run_import()
    qtbot.waitUntil(lambda: "2명을 가져왔습니다" in dialog.report.text(), timeout=5000)
    assert citizen_service.search(page.ctx, "최민수")[0].name == "최*수"


def test_consent_recorded_from_the_profile(qtbot, page, screenshot_dir):
    rows = _search(qtbot, page, "김")
    page.table.selectRow(0)
    qtbot.waitUntil(lambda: page.profile.profile is not None, timeout=5000)
    citizen_id = page.profile.profile.citizen_id
    page.profile.tabs.setCurrentIndex(1)
    page.profile.consent_button.click()
    qtbot.waitUntil(lambda: "동의 목적" in page.profile.contact_status.text(), timeout=5000)
    type_text(page.profile.consent_purpose, "복지 서비스 안내")
    type_text(page.profile.consent_items, "휴대전화, 주소")
    page.profile.consent_months.setCurrentIndex(page.profile.consent_months.findData(36))
    page.profile.consent_button.click()
    qtbot.waitUntil(lambda: "복지 서비스 안내" in page.profile.consents.text(), timeout=5000)
    assert page.profile.profile.citizen_id == citizen_id
    consent = page.profile.profile.consents[0]
    assert consent["items"] == "휴대전화, 주소" and consent["method"] == "written"
    from datetime import date
    kept = date.fromisoformat(str(consent["retention_until"])) - date.fromisoformat(str(consent["given_on"]))
    assert kept.days in range(1094, 1098)  # three years
    assert rows
    _idle(qtbot, page)
    save_screenshot(page.window(), screenshot_dir, "citizens-consent")


def _all_rows(qtbot, page):
    """Scroll the lazy list to its end; every row shown."""
    _idle(qtbot, page)
    while page.model.canFetchMore():
        page.model.fetchMore()
        _idle(qtbot, page)
    return [page.model.row(i) for i in range(page.model.rowCount())]


def test_filters_save_a_search_and_find_it_in_the_groups(qtbot, page, demo_backend, screenshot_dir,
                                                         monkeypatch):
    from pcrm_desktop.ui import dialogs
    ctx = page.ctx
    _idle(qtbot, page)
    qtbot.waitUntil(lambda: page.dong_filter.count() > 1 and page.group_filter.count() > 1, timeout=5000)
    dong = page.dong_filter.itemData(1)
    page.dong_filter.setCurrentIndex(1)
    shown = _all_rows(qtbot, page)
    assert shown and all(r.dong_name == dong for r in shown)
    assert len(shown) == dict(citizen_service.dong_names(ctx))[dong]

    page.group_filter.setCurrentIndex(page.group_filter.findData("SENIOR"))
    seniors = _all_rows(qtbot, page)
    year = ctx.clock().year
    assert seniors and all(r.dong_name == dong and r.birth_year and year - r.birth_year >= 65
                           for r in seniors)
    page.age_from.setValue(80)
    page.run_search()
    oldest = _all_rows(qtbot, page)
    assert {r.id for r in oldest} == {r.id for r in seniors if year - r.birth_year >= 80}
    page.age_from.setValue(-1)
    page.run_search()
    assert {r.id for r in _all_rows(qtbot, page)} == {r.id for r in seniors}
    save_screenshot(page.window(), screenshot_dir, "citizens-filters")

    monkeypatch.setattr(dialogs, "ask_text", lambda *a: f"{dong} 어르신")
    page.save_search()
    qtbot.waitUntil(lambda: page.group_filter.findData(f"SMART_{dong}_어르신") >= 0, timeout=5000)
    page.clear_filters()
    assert _all_rows(qtbot, page) and page.current_rule().empty

    view = page.groups_view
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: any(s.group.name == f"{dong} 어르신" for s in view.model.rows()), timeout=5000)
    row = next(i for i, s in enumerate(view.model.rows()) if s.group.name == f"{dong} 어르신")
    assert view.model.row(row).size == len(seniors)
    assert view.model.data(view.model.index(row, 1)) == "저장한 검색"
    view.table.selectRow(row)
    assert view.remove_button.isEnabled() and view.members_button.isEnabled()
    assert dong in view.detail.text() and "어르신(65+)" in view.detail.text()
    save_screenshot(page.window(), screenshot_dir, "citizens-groups-smart")

    view.members_button.click()  # back to the list, filtered by the saved search
    assert page.tabs.currentIndex() == 0
    assert {r.id for r in _all_rows(qtbot, page)} == {r.id for r in seniors}

    page.tabs.setCurrentIndex(1)
    view.table.selectRow(row)
    view.remove_button.click()
    qtbot.waitUntil(lambda: all(s.group.name != f"{dong} 어르신" for s in view.model.rows()), timeout=5000)
    qtbot.waitUntil(lambda: page.group_filter.findData(f"SMART_{dong}_어르신") < 0, timeout=5000)
    # the list had been filtered by the removed search: it falls back to everyone, searched again
    assert page.current_rule().empty
    assert len(_all_rows(qtbot, page)) == 300


def test_export_masked_or_in_full_with_a_reason(qtbot, page, db_path, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    from pcrm_desktop.ui import dialogs
    from tests.dbutil import rows
    infos = []
    monkeypatch.setattr(dialogs, "show_info", lambda parent, title, text: infos.append(text))
    answers = iter(["masked", "full"])
    monkeypatch.setattr(dialogs, "ask_choice", lambda *a: next(answers))
    reasons = iter(["경로당 안내문 발송", "복지 대상자 명단 제출"])
    monkeypatch.setattr(dialogs, "ask_text", lambda *a: next(reasons))
    paths = iter([str(tmp_path / "masked.xlsx"), str(tmp_path / "full.xlsx")])
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: next(paths))
    for _ in range(2):
        page.export_file()
        _idle(qtbot, page)
        qtbot.waitUntil(lambda n=_ + 1: len(infos) == n, timeout=10000)
    masked = [r for r in load_workbook(tmp_path / "masked.xlsx").active.iter_rows(values_only=True)][1:]
    full = [r for r in load_workbook(tmp_path / "full.xlsx").active.iter_rows(values_only=True)][1:]
    assert len(masked) == len(full) == 300
    assert all("*" in r[1] for r in masked) and not any("*" in r[1] for r in full)
    assert "전체 값" in infos[1] and "가림" in infos[0]
    logged = rows(db_path, "SELECT detail, reason FROM audit_log WHERE action = 'citizen.export'"
                           " ORDER BY id")
    assert [(d.split(", ")[1], r) for d, r in logged] == [("가림", "경로당 안내문 발송"),
                                                          ("전체 값", "복지 대상자 명단 제출")]
