"""설정 > 백업 and the recovery dialog through the real widgets: a backup now in the background,
the list, a restore after a confirmation that says what happens, an encrypted copy, who may do
what; a damaged database at start: the dialog finds the good backup and restores it."""
from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from pcrm_desktop.config import resolve_database
from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.citizens import Citizen
from pcrm_desktop.services import backups, citizens, office
from pcrm_desktop.ui.pages.backup_settings import BackupSettings
from pcrm_desktop.ui.tasks import TaskRunner
from tests.conftest import ADMIN_PASSWORD
from tests.dbutil import rows

SHOTS = Path("/tmp/pcrm-shots")


@pytest.fixture(autouse=True)
def _korean_font():
    from pcrm_desktop.ui.appearance import install_korean_font
    app = QApplication.instance()
    before = app.font()
    install_korean_font(app)
    yield
    app.setFont(before)


def _idle(qtbot, widget) -> None:
    qtbot.waitUntil(lambda: not widget.runner.busy(), timeout=30000)
    QApplication.processEvents()


def _widget(qtbot, ctx) -> BackupSettings:
    widget = BackupSettings(ctx, TaskRunner())
    qtbot.addWidget(widget)
    widget.resize(1366, 640)
    widget.show()
    widget.reload()
    _idle(qtbot, widget)
    return widget


def _names(db: Path) -> list[str]:
    return [r[0] for r in rows(db, "SELECT name FROM citizens ORDER BY id")]


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 27, 9, 0)

    def __call__(self) -> datetime:
        return self.now


def test_backup_now_list_restore_and_encrypted_copy(qtbot, admin_ctx, db_path, tmp_path,
                                                    no_message_boxes, monkeypatch):
    clock = Clock()
    admin = replace(admin_ctx, clock=clock)
    citizens.register_citizen(admin, Citizen(None, "김보존", 1970), allow_duplicate=True)
    widget = _widget(qtbot, admin)
    assert widget.model.rowCount() == 0 and "0개" in widget.folder.text()
    assert widget.restore_button.isEnabled() is False      # nothing selected yet

    widget.backup_button.click()
    _idle(qtbot, widget)
    assert widget.model.rowCount() == 1
    assert "검사했습니다" in widget.status.text()
    made = widget.model.row(0)
    assert made.kind == "manual"
    cells = [widget.model.index(0, c).data() for c in range(widget.model.columnCount())]
    assert cells[:5] == ["2026-11-27 09:00:00", "수동", cells[2], "정상", "지울 때까지"]

    clock.now = datetime(2026, 11, 27, 10, 30)
    citizens.register_citizen(admin, Citizen(None, "박사라질", 1980), allow_duplicate=True)
    widget.table.selectRow(0)
    assert widget.restore_button.isEnabled() and widget.delete_button.isEnabled()
    asked = []

    def answer(parent, title, text, choices):
        asked.append(text)
        return choices[0][0]
    from pcrm_desktop.ui import dialogs
    monkeypatch.setattr(dialogs, "ask_choice", answer)
    changed = []
    widget.changed.connect(changed.append)
    widget.restore_button.click()
    _idle(qtbot, widget)
    # the confirmation says what happens before anything did
    assert made.name in asked[0] and "복원 전" in asked[0] and "다른 PC" in asked[0]
    assert "접속기록" in asked[0]
    assert _names(db_path) == ["김보존"]
    assert "복원했습니다" in widget.status.text() and "pre-restore" in widget.status.text()
    assert changed and "citizens" in changed[0]
    assert [b.kind for b in widget.model.rows()] == ["pre-restore", "manual"]
    assert no_message_boxes and no_message_boxes[-1][0] == "백업으로 복원"

    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.table.selectRow(0)
    QApplication.processEvents()
    widget.grab().save(str(SHOTS / "backups.png"))

    # the encrypted copy for a USB stick
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(widget, "_ask_export",
                        lambda: (str(usb / "pcrm.pcrmbak"), "Usb#Backup2026", "외부 보관"))
    widget.export_button.click()
    _idle(qtbot, widget)
    assert (usb / "pcrm.pcrmbak").exists(), widget.status.text()
    assert "암호화 백업을 저장했습니다" in widget.status.text()

    # a refusal is said in the status line, in Korean
    monkeypatch.setattr(widget, "_ask_export",
                        lambda: (str(usb / "약함.pcrmbak"), "1234", "외부 보관"))
    widget.export_button.click()
    _idle(qtbot, widget)
    assert "비밀번호" in widget.status.text() and not (usb / "약함.pcrmbak").exists()

    # deleting the manual backup (admins)
    widget.table.selectRow(1)
    widget.delete_button.click()
    _idle(qtbot, widget)
    assert [b.kind for b in widget.model.rows()] == ["pre-restore"]


def test_the_export_dialog_asks_for_the_password_twice_and_a_reason(qtbot):
    from pcrm_desktop.ui.pages.backup_settings import ExportDialog
    box = ExportDialog(None, "/media/usb/pcrm.pcrmbak")
    qtbot.addWidget(box)
    box.password.setText("Usb#Backup2026")
    box.confirm.setText("Usb#Backup2026")
    box.reason.setText("보관")
    assert box.values() == ("Usb#Backup2026", "Usb#Backup2026", "보관")
    assert box.password.echoMode() == box.password.EchoMode.Password
    assert "/media/usb/pcrm.pcrmbak" in box.path_label.text()


def test_what_each_role_may_use(qtbot, admin_ctx):
    office.add_staff(admin_ctx, "김팀장", "manager1", "manager")
    office.add_staff(admin_ctx, "이주무", "clerk1", "clerk")
    backups.backup_now(admin_ctx)
    manager = _widget(qtbot, admin_ctx.as_actor(Actor(2, "manager1", "manager", "PC-02")))
    manager.table.selectRow(0)
    assert manager.backup_button.isEnabled() and manager.export_button.isEnabled()
    assert not manager.restore_button.isEnabled() and not manager.restore_file_button.isEnabled()
    assert not manager.delete_button.isEnabled()
    clerk = _widget(qtbot, admin_ctx.as_actor(Actor(3, "clerk1", "clerk", "PC-03")))
    assert clerk.model.rowCount() == 1      # may see that backups exist
    assert not clerk.backup_button.isEnabled() and not clerk.export_button.isEnabled()


def test_the_settings_page_has_the_tab(qtbot, admin_ctx):
    from pcrm_desktop.ui.pages.settings_page import SettingsPage
    runner = TaskRunner()
    page = SettingsPage(admin_ctx, runner, "ko", 100)
    qtbot.addWidget(page)
    qtbot.waitUntil(lambda: not runner.busy(), timeout=20000)
    assert page.tabs.tabText(page.tabs.indexOf(page.backups)) == "백업"


# --- the recovery dialog -----------------------------------------------------------------------

@pytest.fixture
def damaged(admin_ctx, db_path, backend):
    citizens.register_citizen(admin_ctx, Citizen(None, "김백업", 1970), allow_duplicate=True)
    made = backups.backup_now(admin_ctx)
    citizens.register_citizen(admin_ctx, Citizen(None, "박잃음", 1971), allow_duplicate=True)
    backend.close()
    content = bytearray(db_path.read_bytes())
    for page in range(1, len(content) // 4096):
        content[page * 4096 + 100:page * 4096 + 160] = b"\xab" * 60
    db_path.write_bytes(bytes(content))
    return made, bytes(content)


def test_the_recovery_dialog_restores_the_latest_good_backup(qtbot, damaged, db_path,
                                                             no_message_boxes):
    from pcrm_desktop.ui.recovery_dialog import RecoveryDialog
    made, content = damaged
    location = resolve_database(str(db_path))
    check = backups.check_at_start(location)
    assert check.state == "damaged"
    dialog = RecoveryDialog(location, check)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.good.path == made.path and made.name in dialog.backup_label.text()
    assert "아무것도 쓰지 않았습니다" in dialog.explanation.text()
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / "recovery.png"))
    # a wrong password: said in the dialog, nothing moved
    dialog.login.setText("hong")
    dialog.password.setText("Wrong#Pass2026")
    dialog.restore_button.click()
    assert "관리자" in dialog.status.text() and db_path.read_bytes() == content
    dialog.password.setText(ADMIN_PASSWORD)
    dialog.restore_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert _names(db_path) == ["김백업"]
    aside = dialog.result_value.damaged_copy
    assert aside.read_bytes() == content
    assert no_message_boxes and str(aside) in no_message_boxes[-1][1]


def test_offer_recovery_lets_a_healthy_or_new_database_through(qtbot, admin_ctx, db_path,
                                                               tmp_path):
    from pcrm_desktop.ui.recovery_dialog import offer_recovery
    assert offer_recovery(resolve_database(str(db_path)))
    assert offer_recovery(resolve_database(str(tmp_path / "new" / "pcrm.db")))


def test_offer_recovery_on_a_locked_file_offers_to_try_again(qtbot, admin_ctx, db_path, backend,
                                                             monkeypatch, no_message_boxes):
    from pcrm_desktop.ui import dialogs
    from pcrm_desktop.ui.recovery_dialog import offer_recovery
    backend.migration.engine.dispose()
    holder = sqlite3.connect(db_path, isolation_level=None, timeout=0.2)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE office SET phone = '02-123-4567'")
    asked = []

    def answer(parent, title, text, choices):
        asked.append(text)
        if len(asked) == 1:
            return "retry"
        holder.execute("ROLLBACK")
        holder.close()
        return "retry"
    monkeypatch.setattr(dialogs, "ask_choice", answer)
    try:
        assert offer_recovery(resolve_database(str(db_path)))
    finally:
        with contextlib.suppress(sqlite3.Error):
            holder.close()
    assert len(asked) == 2 and "잠그고" in asked[0]


def test_offer_recovery_refuses_a_foreign_file(qtbot, tmp_path, no_message_boxes):
    from pcrm_desktop.ui.recovery_dialog import offer_recovery
    foreign = tmp_path / "other.db"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    assert not offer_recovery(resolve_database(str(foreign)))
    assert no_message_boxes and "PCRM" in no_message_boxes[0][1]


def test_another_databases_backup_is_restored_only_after_a_second_explicit_yes(
        qtbot, admin_ctx, db_path, tmp_path, no_message_boxes, monkeypatch):
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.domain.office import OfficeProfile
    from pcrm_desktop.ui import dialogs
    other = tmp_path / "other" / "pcrm.db"
    other.parent.mkdir()
    opened = open_backend(str(other))
    try:
        actor = office.complete_first_run(opened.ctx, OfficeProfile("사직동 행정복지센터"), ["민원팀"],
                                          "이사직", "hong", ADMIN_PASSWORD)
        citizens.register_citizen(opened.ctx.as_actor(actor), Citizen(None, "사직주민", 1970),
                                  allow_duplicate=True)
        foreign = backups.backup_now(opened.ctx.as_actor(actor)).path
    finally:
        opened.close()
    citizens.register_citizen(admin_ctx, Citizen(None, "우리주민", 1980), allow_duplicate=True)
    widget = _widget(qtbot, admin_ctx)
    monkeypatch.setattr(dialogs, "ask_open_path", lambda *a: str(foreign))
    asked = []

    def answer_then_decline(parent, title, text, choices):
        asked.append((title, text, [c for c, _ in choices]))
        return choices[0][0] if len(asked) == 1 else None
    monkeypatch.setattr(dialogs, "ask_choice", answer_then_decline)
    widget.restore_file()
    _idle(qtbot, widget)
    assert len(asked) == 2 and asked[1][0] == "다른 데이터베이스의 백업"
    assert "다른 데이터베이스의 백업입니다" in asked[1][1] and asked[1][2] == ["other"]
    assert _names(db_path) == ["우리주민"] and "복원하지 않았습니다" in widget.status.text()

    asked.clear()

    def answer_yes_twice(parent, title, text, choices):
        asked.append(title)
        return choices[0][0]
    monkeypatch.setattr(dialogs, "ask_choice", answer_yes_twice)
    widget.restore_file()
    _idle(qtbot, widget)
    assert asked == ["백업으로 복원", "다른 데이터베이스의 백업"]
    assert _names(db_path) == ["사직주민"] and "복원했습니다" in widget.status.text()
