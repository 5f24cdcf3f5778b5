"""The 민원 case window: one window per case, a conflict that says who moved the case on (or
that it was this account in another window), and a window that fits 1366×768 in Korean and
English with the action buttons in the imperative. Screenshots in /tmp/pcrm-shots."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QPushButton

from pcrm_desktop.domain.complaints import Action
from pcrm_desktop.domain.office import Role
from pcrm_desktop.services import complaints as S
from pcrm_desktop.services.office import actor_for, add_staff
from pcrm_desktop.ui.complaint_case import ActionDialog, CaseDialog
from pcrm_desktop.ui.conflict_dialog import CaseMovedDialog
from pcrm_desktop.ui.tasks import TaskRunner
from tests.dbutil import rows
from tests.ui.helpers import save_screenshot
from tests.ui.test_conflicts import new_case, open_case, second_engine

SCREEN = (1366, 768)


@pytest.fixture
def runner():
    made = TaskRunner()
    yield made
    made.wait(10000)


@pytest.fixture
def language():
    from pcrm_desktop.ui.i18n import LanguageManager
    manager = LanguageManager()
    yield manager
    manager.set_language("ko")


def visible_cases() -> list[CaseDialog]:
    return [w for w in QApplication.topLevelWidgets() if isinstance(w, CaseDialog) and w.isVisible()]


def views(db_path, receipt_no: str) -> int:
    return rows(db_path, "SELECT count(*) FROM audit_log WHERE action = 'complaint.view'"
                         " AND target = ?", receipt_no)[0][0]


# --- one window per case ------------------------------------------------------------------

def test_a_double_click_opens_the_case_once_and_a_second_open_raises_it(
        qtbot, admin_ctx, runner, db_path, no_message_boxes):
    from pcrm_desktop.ui.pages.complaints_page import ComplaintsPage
    case_id = new_case(admin_ctx, admin_ctx.actor.staff_id)
    receipt_no = S.case(admin_ctx, case_id)["receipt_no"]
    before = views(db_path, receipt_no)
    page = ComplaintsPage(admin_ctx, runner)
    qtbot.addWidget(page)
    page.tabs.setCurrentIndex(page.QUEUES.index("all"))
    page.resize(1200, 600)
    page.show()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not runner.busy(), timeout=5000)

    table = page.table
    centre = table.visualRect(page.model.index(0, 4)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.waitUntil(lambda: not runner.busy() and visible_cases()
                    and all(w.case is not None for w in visible_cases()), timeout=5000)
    QApplication.processEvents()
    assert len(visible_cases()) == 1                     # not one from doubleClicked, one from activated
    first = visible_cases()[0]
    assert views(db_path, receipt_no) == before + 1      # one '민원 열람' in the access log

    assert page.open_case(case_id) is first              # opened again: the same window, raised
    qtbot.waitUntil(lambda: not runner.busy(), timeout=5000)
    assert len(visible_cases()) == 1 and views(db_path, receipt_no) == before + 1

    first.close_button.click()                           # closed: the next open reads it afresh
    again = page.open_case(case_id)
    qtbot.waitUntil(lambda: again.case is not None and not runner.busy(), timeout=5000)
    assert again is not first and views(db_path, receipt_no) == before + 2
    again.reject()


# --- the conflict says who ----------------------------------------------------------------

@pytest.fixture
def clerks(admin_ctx, db_path):
    add_staff(admin_ctx, "김민원", "kim", Role.CLERK)
    add_staff(admin_ctx, "이주무", "lee", Role.CLERK)
    engine, second = second_engine(admin_ctx, db_path)
    yield (admin_ctx.as_actor(actor_for(admin_ctx, "kim", strict=True)),
           second.as_actor(actor_for(second, "lee", strict=True)))
    engine.dispose()


def moved_dialog(qtbot, case: CaseDialog, runner, do_meanwhile) -> tuple[ActionDialog, CaseMovedDialog]:
    step = case.start_action(Action.HOLD)
    qtbot.waitUntil(lambda: not runner.busy() and bool(step.staff), timeout=5000)
    step.note.setPlainText("서류 보완 요청")
    do_meanwhile()
    step.submit()
    qtbot.waitUntil(lambda: step.conflict_dialog is not None and step.conflict_dialog.isVisible(),
                    timeout=5000)
    return step, step.conflict_dialog


def test_the_conflict_names_the_other_clerk_and_when(qtbot, clerks, runner, shots,
                                                    no_message_boxes):
    a, b = clerks
    case_id = new_case(a, b.actor.staff_id)
    case = open_case(qtbot, b, runner, case_id)
    step, moved = moved_dialog(qtbot, case, runner,
                               lambda: S.act(a, case_id, Action.START, S.case(a, case_id)["version"]))
    started = moved.new_steps()[-1]["at"]
    from pcrm_desktop.ui.complaint_labels import moment
    assert f"김민원 님이 {moment(started)}에 이 민원을 처리했습니다" in moved.intro.text()
    assert "다른 사용자가" not in moved.intro.text()
    assert "김민원 님이" in step.error.text() and "다른 사용자가" not in step.error.text()
    save_screenshot(moved, shots, "case-moved-by-other")


def test_the_conflict_says_when_it_was_my_own_other_window(qtbot, clerks, runner, shots,
                                                          no_message_boxes):
    a, b = clerks
    case_id = new_case(a, b.actor.staff_id)
    case = open_case(qtbot, b, runner, case_id)
    step, moved = moved_dialog(qtbot, case, runner,  # lee, in another window or on another PC
                               lambda: S.act(b, case_id, Action.START, S.case(b, case_id)["version"]))
    assert "같은 계정의 다른 창" in moved.intro.text()
    assert "이주무 님이" not in moved.intro.text() and "다른 사용자가" not in moved.intro.text()
    assert "같은 계정의 다른 창" in step.error.text()
    save_screenshot(moved, shots, "case-moved-by-me")


# --- the window fits the screen in both languages ------------------------------------------

def assert_fits(dialog, name: str) -> None:
    width, height = SCREEN
    for what, size in (("sizeHint", dialog.sizeHint()), ("minimumSizeHint", dialog.minimumSizeHint()),
                       ("size", dialog.size())):
        assert size.width() <= width and size.height() <= height, (name, what, size)


def assert_buttons_inside(dialog) -> None:
    for button in dialog.findChildren(QPushButton):
        if button.isVisibleTo(dialog):
            top_left = button.mapTo(dialog, QPoint(0, 0))
            assert dialog.rect().contains(top_left) and dialog.rect().contains(
                top_left + QPoint(button.width() - 1, button.height() - 1)), button.text()


@pytest.mark.parametrize("lang", ["ko", "en"])
def test_the_case_window_fits_1366x768_with_imperative_buttons(qtbot, admin_ctx, runner, language,
                                                              shots, lang, no_message_boxes):
    assert language.set_language(lang)
    case_id = new_case(admin_ctx, admin_ctx.actor.staff_id)
    case = open_case(qtbot, admin_ctx, runner, case_id)
    for button in case.action_buttons.values():  # the worst case: every step offered at once
        button.setVisible(True)
    QApplication.processEvents()
    case.adjustSize()
    QApplication.processEvents()
    assert_fits(case, "case")
    case.resize(min(case.width(), SCREEN[0]), min(case.height(), SCREEN[1]))
    QApplication.processEvents()
    assert_buttons_inside(case)
    if lang == "en":
        texts = {a: case.action_buttons[a].text() for a in Action}
        assert texts[Action.ASSIGN] == "Assign…" and texts[Action.TRANSFER] == "Transfer…"
        assert texts[Action.COMPLETE] == "Complete…" and texts[Action.CLOSE] == "Close case…"
        assert case.close_button.text() == "Close"
    else:
        assert case.action_buttons[Action.ASSIGN].text() == "배정…"
    save_screenshot(case, shots, f"case-window-all-actions-{lang}")

    S.act(admin_ctx, case_id, Action.START, S.case(admin_ctx, case_id)["version"])
    case.load()  # the real case: the steps allowed now
    qtbot.waitUntil(lambda: not runner.busy() and case.case["status"] == "in_progress", timeout=5000)
    case.adjustSize()
    QApplication.processEvents()
    assert_fits(case, "case as it is")
    assert_buttons_inside(case)
    save_screenshot(case, shots, f"case-window-{lang}")

    for action in Action:  # every step's form fits too
        step = ActionDialog(admin_ctx, runner, action, case.case, case)
        qtbot.addWidget(step)
        step.show()
        qtbot.waitUntil(lambda: not runner.busy(), timeout=5000)
        assert_fits(step, f"action {action.value}")
        if lang == "en" and action is Action.ASSIGN:
            assert step.windowTitle() == "Assign"
        step.reject()
