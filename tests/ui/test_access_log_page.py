"""접속기록 검토 through the real widgets: a manager's page lists a month of the log, flags the
unusual patterns beside it, narrows to one finding, one resident and one kind, checks the chain
and saves the monthly PDF, all in the background; opening the page is logged once per opening;
a clerk does not see the page. Screenshot: /tmp/pcrm-shots/access_log.png."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication

from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.citizens import Citizen
from pcrm_desktop.services import accounts, citizens, office
from tests.dbutil import rows
from tests.ui.helpers import save_screenshot, sign_in, type_text

TUESDAY = date(2025, 3, 11)
SHOTS = Path("/tmp/pcrm-shots")


def _write(ctx, *entries) -> None:
    with ctx.uow_factory() as uow:
        for when, action, target, reason in entries:
            replace(ctx, clock=lambda when=when: when).audit(uow, action, target, "", reason=reason)
        uow.commit()


@pytest.fixture
def logged(admin_ctx):
    """March 2025: a burst of views by lee, an export at night without a reason by kim, five
    refused sign-ins of park; a manager (kim) and two clerks with passwords."""
    office.add_staff(admin_ctx, "김팀장", "kim.tm", "manager", temporary_password="Temp#Pass2025")
    office.add_staff(admin_ctx, "이주무", "lee.cs", "clerk", temporary_password="Temp#Pass2025")
    office.add_staff(admin_ctx, "박주무", "park.cs", "clerk")
    for login in ("kim.tm", "lee.cs"):  # their own passwords (a temporary one must be changed)
        signed = accounts.sign_in(admin_ctx, login, "Temp#Pass2025")
        accounts.change_password(admin_ctx.as_actor(signed.actor), "Temp#Pass2025", "Mine#Pass2025",
                                 "Mine#Pass2025")
    staff = {m.login: m for m in office.overview(admin_ctx).staff}

    def as_(login: str, workstation: str):
        m = staff[login]
        return admin_ctx.as_actor(Actor(m.id, m.login, m.role.value, workstation))
    ids = [citizens.register_citizen(admin_ctx, Citizen(None, f"주민{n:02d}호", 1950 + n)).citizen_id
           for n in range(32)]
    start = datetime.combine(TUESDAY, time(14))
    _write(as_("lee.cs", "DONG-PC02"), *[(start + timedelta(seconds=15) * n, "citizen.view",
                                         f"citizen:{ids[n]}", "") for n in range(32)])
    _write(as_("kim.tm", "DONG-PC01"),
           (datetime.combine(TUESDAY, time(10)), "citizen.export", "주민.xlsx", "복지 안내 발송"),
           (datetime.combine(TUESDAY, time(21, 30)), "citizen.export", "주민-밤.xlsx", ""))
    _write(as_("park.cs", "DONG-PC03"), *[(datetime.combine(TUESDAY, time(8, n)), "login.fail",
                                          f"staff:{staff['park.cs'].id}", "") for n in range(5)])
    return ids


def _idle(qtbot, page):
    qtbot.waitUntil(lambda: not page.runner.busy(), timeout=30000)
    QApplication.processEvents()
    qtbot.waitUntil(lambda: not page.runner.busy(), timeout=30000)
    QApplication.processEvents()


def _reviews(db_path) -> int:
    return rows(db_path, "SELECT count(*) FROM audit_log WHERE action = 'audit.review'")[0][0]


@pytest.fixture
def app(qtbot, backend, logged, no_message_boxes):
    from pcrm_desktop.app import Application
    from tests.ui.conftest import _args
    application = Application(_args(), QApplication.instance())
    application.open_window(backend)
    qtbot.addWidget(application.login)
    yield application
    if application.window is not None and application.window.idle_lock is not None:
        application.window.idle_lock.stop()
    application.runner.wait(30000)


def test_a_manager_reviews_the_month(qtbot, app, logged, db_path, tmp_path, screenshot_dir,
                                     monkeypatch, no_message_boxes):
    window = sign_in(qtbot, app, "kim.tm", "Mine#Pass2025")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    row = next(i for i, e in enumerate(window.entries) if e.key == "access_log")
    assert not window.nav.item(row).isHidden()
    page = window.open_page("access_log")
    _idle(qtbot, page)
    assert page.title.text() == window.entries[row].title() == "접속기록 검토"
    assert _reviews(db_path) == 1
    page.first.setDate(QDate(2025, 3, 1))
    page.last.setDate(QDate(2025, 3, 31))
    _idle(qtbot, page)
    model = page.model
    assert model.rowCount() == 39
    assert page.known is not None and len(page.known.findings) == 4
    shown = [page.findings.item(i).text() for i in range(page.findings.count())]
    assert any(t.startswith("[단시간 대량 조회] lee.cs: 2025-03-11(화) 14:00~14:07 주민 32명") for t in shown)
    assert any(t.startswith("[로그인 실패 반복] park.cs: 2025-03-11 로그인 실패 5회") for t in shown)
    assert any("[근무시간 외 출력·반출] kim.tm" in t and "근무 종료 후" in t for t in shown)
    assert any("[사유 없는 반출·표시] kim.tm" in t for t in shown)
    assert "4건" in page.findings_title.text()
    # the columns: time, account, PC, act in words, whose data masked, reason, flags
    export = next(model.row(i) for i in range(model.rowCount()) if model.row(i).reason)
    cells = [model.data(model.index(model.rows().index(export), c)) for c in range(7)]
    assert cells == ["2025-03-11(화) 10:00:00", "kim.tm", "DONG-PC01", "주민 내보내기", "주민.xlsx",
                     "복지 안내 발송", ""]
    view = next(i for i in range(model.rowCount()) if model.row(i).action == "citizen.view")
    assert model.data(model.index(view, 4)).startswith("주*") and "호 (#" in model.data(model.index(view, 4))
    assert model.data(model.index(view, 6)) == "대량 조회"
    assert model.data(model.index(view, 6), Qt.ItemDataRole.ToolTipRole) == "단시간 대량 조회"
    assert model.data(model.index(view, 6), Qt.ItemDataRole.ForegroundRole) is not None
    SHOTS.mkdir(parents=True, exist_ok=True)
    save_screenshot(window, SHOTS, "access_log")
    save_screenshot(window, screenshot_dir, "access_log")

    # a finding chosen: that account's flagged entries
    burst = next(i for i in range(page.findings.count()) if "단시간" in page.findings.item(i).text())
    page.findings.itemActivated.emit(page.findings.item(burst))
    _idle(qtbot, page)
    assert page.account.currentData() == "lee.cs" and page.flagged_only.isChecked()
    assert model.rowCount() == 32 and {model.row(i).actor for i in range(32)} == {"lee.cs"}
    # one resident, by number (typed, then the search waits a moment)
    type_text(page.subject, str(logged[5]))
    qtbot.waitUntil(lambda: model.rowCount() == 1 and not page.runner.busy(), timeout=10000)
    assert model.row(0).subject_id == logged[5]
    page.subject.clear()
    page.flagged_only.setChecked(False)
    page.account.setCurrentIndex(0)
    page.kind.setCurrentIndex(page.kind.findData("export"))
    _idle(qtbot, page)
    assert model.rowCount() == 2 and {model.row(i).kind for i in range(2)} == {"export"}
    # filters changed many times: the review of this opening is still logged once
    assert _reviews(db_path) == 1

    page.verify()
    _idle(qtbot, page)
    assert page.chain_label.text().startswith("정상: ") and page.verify_button.isEnabled()
    assert rows(db_path, "SELECT count(*) FROM audit_log WHERE action = 'audit.verify'") == [(1,)]

    from pcrm_desktop.ui import dialogs
    target = tmp_path / "접속기록.pdf"
    monkeypatch.setattr(dialogs, "ask_save_path", lambda *a: str(target))
    page.month.setDate(QDate(2025, 3, 1))
    page.make_pdf()
    assert not page.pdf_button.isEnabled()
    _idle(qtbot, page)
    assert target.exists() and target.read_bytes()[:5] == b"%PDF-"
    assert page.status.text().startswith("저장했습니다: ") and "이상 징후 4건" in page.status.text()
    assert rows(db_path, "SELECT actor, target FROM audit_log WHERE action = 'report.access_log'") \
        == [("kim.tm", "접속기록.pdf")]

    # away and back: a new opening, logged again
    window.open_page("dashboard")
    _idle(qtbot, page)
    window.open_page("access_log")
    _idle(qtbot, page)
    assert _reviews(db_path) == 2
    assert no_message_boxes == []


def test_a_clerk_does_not_see_the_page(qtbot, app, db_path):
    window = sign_in(qtbot, app, "lee.cs", "Mine#Pass2025")
    qtbot.addWidget(window)
    row = next(i for i, e in enumerate(window.entries) if e.key == "access_log")
    assert window.nav.item(row).isHidden()
    window.nav.setCurrentRow(row)   # Ctrl+<n> would do this
    QApplication.processEvents()
    assert "access_log" not in window.pages
    assert _reviews(db_path) == 0


def test_english(qtbot, app, db_path):
    window = sign_in(qtbot, app, "kim.tm", "Mine#Pass2025")
    qtbot.addWidget(window)
    page = window.open_page("access_log")
    _idle(qtbot, page)
    window.language_requested.emit("en")
    qtbot.waitUntil(lambda: page.title.text() != "접속기록 검토", timeout=5000)
    _idle(qtbot, page)
    assert page.title.text() == "Access log review"
    assert page.verify_button.text() == "Check integrity"
    assert page.kind.itemText(page.kind.findData("export")) == "Export"
    window.language_requested.emit("ko")


def test_a_missing_anchor_is_shown_as_an_alarm_not_as_sound(qtbot, app, db_path, screenshot_dir):
    """After a check, the anchor beside the database removed: the page says the log cannot be
    verified and names the file (issue 17), and the check is logged as not sound."""
    from pcrm_desktop.db.audit_witness import anchor_path
    window = sign_in(qtbot, app, "kim.tm", "Mine#Pass2025")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    page = window.open_page("access_log")
    _idle(qtbot, page)
    page.verify()
    _idle(qtbot, page)
    assert page.chain_label.text().startswith("정상: ")
    anchor_path(db_path).unlink()
    page.verify()
    _idle(qtbot, page)
    text = page.chain_label.text()
    assert text.startswith("검증 불가: ") and "기준점 파일이 없습니다" in text
    assert str(anchor_path(db_path)) in text
    assert "witness_missing" in rows(
        db_path, "SELECT detail FROM audit_log WHERE action = 'audit.verify' ORDER BY id DESC")[0][0]
    save_screenshot(window, screenshot_dir, "access_log_alarm")
