"""Search as you type with a Korean input method (issue 18): the lists search with the syllable
still composing (the IME's preedit), and a click on a row while composing commits the syllable
and selects the row; an input method committing the same syllable again does not double it.

The input method is played by QInputMethodEvents sent to the field, as ibus-hangul (2-set)
sends them: "김" composes (preedit), ㅈ commits 김 and starts ㅈ, then 주, 준 compose.
"""
from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent, QTextCharFormat
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from pcrm_desktop.domain.citizens import Citizen
from pcrm_desktop.domain.complaints import Channel, Intake
from pcrm_desktop.services import citizens as citizen_service
from pcrm_desktop.services import complaints as complaint_service
from pcrm_desktop.services.demo import DemoRequest, fill_demo
from pcrm_desktop.ui.search_field import SearchField
from tests.ui.helpers import save_screenshot

pytestmark = pytest.mark.usefixtures("korean_font")  # screenshots are looked at

SHOTS = Path("/work/helpers/shots/ime-search")
PEOPLE = (("김준호", 1971, "010-2101-3001"), ("김준서", 1985, "010-2102-3002"),
          ("김민수", 1979, "010-2103-3003"), ("김민지", 1992, "010-2104-3004"),
          ("박준호", 1966, "010-2105-3005"))


# --- the input method, played by events ----------------------------------------------------
def ime(field, commit: str = "", preedit: str = "") -> None:
    """One event as an IME sends it: text committed and/or the syllable now composing."""
    underline = QTextCharFormat()
    underline.setFontUnderline(True)
    attributes = [QInputMethodEvent.Attribute(QInputMethodEvent.AttributeType.TextFormat, 0,
                                              len(preedit), underline),
                  QInputMethodEvent.Attribute(QInputMethodEvent.AttributeType.Cursor,
                                              len(preedit), 1)] if preedit else []
    event = QInputMethodEvent(preedit, attributes)
    if commit:
        event.setCommitString(commit)
    QApplication.sendEvent(field, event)


def type_kim(field) -> None:
    """ㄱ ㅣ ㅁ ㅈ: 김 composed, then committed by ㅈ (a lone jamo is composing)."""
    field.setFocus()
    for step in ("ㄱ", "기", "김"):
        ime(field, preedit=step)
    ime(field, commit="김", preedit="ㅈ")


def type_jun(field) -> None:
    """ㅜ ㄴ: 준 composing, never committed (no Enter, no next syllable)."""
    for step in ("주", "준"):
        ime(field, preedit=step)


def click(qtbot, view, index) -> None:
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                     pos=view.visualRect(index).center())


def _shot(widget, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    save_screenshot(widget, SHOTS, name)




# --- the field alone ---------------------------------------------------------------------
def test_the_search_text_holds_the_composing_syllable(qtbot):
    field = SearchField()
    qtbot.addWidget(field)
    said = []
    field.searchTextChanged.connect(said.append)
    type_kim(field)
    assert (field.text(), field.preedit(), field.search_text()) == ("김", "ㅈ", "김")
    type_jun(field)
    assert (field.text(), field.preedit(), field.search_text()) == ("김", "준", "김준")
    # a lone jamo is not searched: 김 stays 김 while ㅈ waits for its vowel
    assert said == ["기", "김", "김주", "김준"]
    ime(field, commit="준")
    assert (field.text(), field.search_text()) == ("김준", "김준")
    field.setCursorPosition(0)  # composing before the text: the syllable where it is shown
    ime(field, preedit="이")
    assert field.search_text() == "이김준"


def test_commit_then_an_echo_from_the_ime_gives_the_syllable_once(qtbot):
    field = SearchField()
    qtbot.addWidget(field)
    type_kim(field)
    type_jun(field)
    said = []
    field.searchTextChanged.connect(said.append)
    field.commit_preedit()
    assert (field.text(), field.preedit()) == ("김준", "")
    assert said == [], "the search text did not change: nothing is searched again"
    ime(field, commit="준")  # ibus flushing its composition after the click
    assert field.text() == "김준"
    ime(field, preedit="ㅎ")  # a new syllable: a later commit of 준 is typed, not an echo
    ime(field, commit="준")
    assert field.text() == "김준준"


def test_text_set_from_outside_ends_the_composition(qtbot):
    field = SearchField()
    qtbot.addWidget(field)
    type_kim(field)
    type_jun(field)
    field.setText("박")
    assert (field.text(), field.preedit(), field.search_text()) == ("박", "", "박")
    type_jun(field)
    field.clear()
    assert field.search_text() == ""


# --- 주민 page ----------------------------------------------------------------------------
def _window(qtbot, backend, page_name):
    from pcrm_desktop.app import Application
    from tests.ui.conftest import _args
    from tests.ui.helpers import sign_in_demo
    app = Application(_args(), QApplication.instance())
    app.open_window(backend)
    sign_in_demo(qtbot, app)
    qtbot.addWidget(app.window)
    app.window.resize(1366, 768)
    app.window.show()
    qtbot.waitExposed(app.window)
    app.window.activateWindow()
    return app, app.window.open_page(page_name)


def _idle(qtbot, runner):
    qtbot.waitUntil(lambda: not runner.busy(), timeout=10000)
    QApplication.processEvents()


def _register_people(ctx) -> dict[str, int]:
    return {name: citizen_service.register_citizen(ctx, Citizen(
        None, name, year, phones=(phone,))).citizen_id for name, year, phone in PEOPLE}


@pytest.fixture
def citizens_page(qtbot, backend, no_message_boxes):
    fill_demo(backend.ctx, DemoRequest(citizens=120, seed=3))
    app, page = _window(qtbot, backend, "citizens")
    page.people = _register_people(page.ctx)
    page.run_search()
    _idle(qtbot, page.runner)
    yield page
    app.runner.wait(5000)


def _shown_ids(page) -> list[int]:
    if page.model.is_loading():
        return []
    return [page.model.row(i).id for i in range(page.model.rowCount())]


def test_citizens_list_searches_with_the_composing_syllable_and_a_click_selects(
        qtbot, citizens_page):
    page, people = citizens_page, citizens_page.people
    kims = {r.id for r in citizen_service.search(page.ctx, "김", limit=1000)}
    kim_jun = {r.id for r in citizen_service.search(page.ctx, "김준", limit=1000)}
    assert {people["김준호"], people["김준서"]} <= kim_jun and people["김민수"] not in kim_jun
    assert len(kims) > len(kim_jun)

    type_kim(page.search)
    qtbot.waitUntil(lambda: set(_shown_ids(page)) == kims, timeout=5000)  # 김…, ㅈ waits
    type_jun(page.search)
    qtbot.waitUntil(lambda: set(_shown_ids(page)) == kim_jun, timeout=5000)
    assert page.search.text() == "김" and page.search.preedit() == "준"  # no Enter, no commit
    _shot(page.window(), "citizens-composing-kim-jun")

    row = _shown_ids(page).index(people["김준서"])
    click(qtbot, page.table, page.model.index(row, 0))
    QTest.qWait(400)  # longer than the search delay: a search again would empty the selection
    _idle(qtbot, page.runner)
    assert page.search.text() == "김준" and page.search.preedit() == ""
    assert page.selected_ids() == [people["김준서"]]
    qtbot.waitUntil(lambda: page.profile.profile is not None, timeout=5000)
    assert page.profile.profile.citizen_id == people["김준서"]
    ime(page.search, commit="준")  # the IME flushing the same syllable after the click
    QTest.qWait(300)
    _idle(qtbot, page.runner)
    assert page.search.text() == "김준"
    assert page.selected_ids() == [people["김준서"]]


# --- 민원 page ----------------------------------------------------------------------------
@pytest.fixture
def complaints_page(qtbot, backend, no_message_boxes):
    fill_demo(backend.ctx, DemoRequest(citizens=60, complaints=80, seed=3))
    app, page = _window(qtbot, backend, "complaints")
    now = page.ctx.clock().replace(second=0, microsecond=0) - timedelta(hours=1)
    page.cases = {title: complaint_service.receive(page.ctx, Intake(
        now, Channel.VISIT, "inquiry", title)).complaint_id
        for title in ("가로등 고장 신고", "가로등이 깜빡입니다", "가로수 가지치기 요청")}
    page.tabs.setCurrentIndex(page.QUEUES.index("all"))
    _idle(qtbot, page.runner)
    yield page
    app.runner.wait(5000)


def test_complaints_list_searches_with_the_composing_syllable_and_a_click_selects(
        qtbot, complaints_page):
    page, cases = complaints_page, complaints_page.cases

    def titles():
        return [] if page.model.is_loading() else [page.model.row(i).title
                                                    for i in range(page.model.rowCount())]
    page.search.setFocus()
    for step in ("가", "갈"):
        ime(page.search, preedit=step)
    ime(page.search, commit="가", preedit="로")
    ime(page.search, commit="로", preedit="ㄷ")  # 가로 typed, ㄷ waits for its vowel
    qtbot.waitUntil(lambda: "가로수 가지치기 요청" in titles(), timeout=5000)
    for step in ("드", "등"):
        ime(page.search, preedit=step)
    qtbot.waitUntil(lambda: bool(titles()) and all("가로등" in t for t in titles()), timeout=5000)
    assert {"가로등 고장 신고", "가로등이 깜빡입니다"} <= set(titles())
    assert (page.search.text(), page.search.preedit()) == ("가로", "등")
    _shot(page.window(), "complaints-composing-garodeung")

    rows = [page.model.row(i).id for i in range(page.model.rowCount())]
    row = rows.index(cases["가로등이 깜빡입니다"])
    click(qtbot, page.table, page.model.index(row, 4))
    QTest.qWait(400)
    _idle(qtbot, page.runner)
    assert page.search.text() == "가로등" and page.search.preedit() == ""
    chosen = [page.model.row(i.row()).id for i in page.table.selectionModel().selectedRows()]
    assert chosen == [cases["가로등이 깜빡입니다"]]
    ime(page.search, commit="등")  # the IME's echo
    QTest.qWait(300)
    assert page.search.text() == "가로등"
    assert [page.model.row(i.row()).id for i in page.table.selectionModel().selectedRows()] \
        == [cases["가로등이 깜빡입니다"]]


# --- intake: the applicant search ---------------------------------------------------------


@pytest.fixture
def intake(qtbot, admin_ctx, runner, no_message_boxes):
    from pcrm_desktop.ui.complaint_intake import IntakeDialog
    people = _register_people(admin_ctx)
    dialog = IntakeDialog(admin_ctx, runner, [])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    _idle(qtbot, runner)
    dialog.people = people
    return dialog


def _applicants(dialog) -> list[int]:
    return [dialog.applicant_list.item(i).data(Qt.ItemDataRole.UserRole)[0]
            for i in range(dialog.applicant_list.count())]


def test_intake_applicant_search_with_the_composing_syllable_and_a_click_chooses(
        qtbot, intake, runner):
    people = intake.people
    type_kim(intake.applicant_search)
    kims = {people[n] for n in ("김준호", "김준서", "김민수", "김민지")}
    qtbot.waitUntil(lambda: set(_applicants(intake)) == kims, timeout=5000)
    type_jun(intake.applicant_search)
    qtbot.waitUntil(lambda: set(_applicants(intake)) == {people["김준호"], people["김준서"]},
                    timeout=5000)
    assert intake.applicant_search.text() == "김"
    _shot(intake, "intake-composing-kim-jun")

    row = _applicants(intake).index(people["김준서"])
    item = intake.applicant_list.item(row)
    click(qtbot, intake.applicant_list, intake.applicant_list.indexFromItem(item))
    QTest.qWait(400)
    _idle(qtbot, runner)
    assert intake.citizen_id == people["김준서"]
    assert intake.applicant.text() == "선택: 김*서"
    assert intake.applicant_search.text() == "김준" and intake.applicant_search.preedit() == ""
    ime(intake.applicant_search, commit="준")  # the IME's echo
    QTest.qWait(300)
    _idle(qtbot, runner)
    assert intake.applicant_search.text() == "김준"
    assert set(_applicants(intake)) == {people["김준호"], people["김준서"]}
    assert intake.citizen_id == people["김준서"]
