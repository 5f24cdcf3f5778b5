"""설정 > 백업: the backups beside the database (time, kind, size, checked), a backup now
(admins and managers), restoring one after a confirmation that says what happens (admins), an
encrypted copy for a USB stick (admins and managers, with a reason), deleting a kept backup
(admins). Every call runs in the task lane; long ones show a progress dialog (and can be
cancelled until a restore commits)."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.domain.backups import ENCRYPTED_SUFFIX, reason_text
from pcrm_desktop.domain.errors import DomainError
from pcrm_desktop.domain.privacy import ADMIN_ROLES, AUDIT_ROLES
from pcrm_desktop.services import backups
from pcrm_desktop.ui import dialogs
from pcrm_desktop.ui.fitting import FlowRow
from pcrm_desktop.ui.i18n import Retranslatable, error_text
from pcrm_desktop.ui.labels import backup_text, progress_text
from pcrm_desktop.ui.table_model import RowsModel, figures_table


def _mb(size: int) -> str:
    return f"{size / (1 << 20):,.1f} MB"


class ExportDialog(Retranslatable, QDialog):
    """The password (twice) and the reason for an encrypted copy."""

    def __init__(self, parent: QWidget | None, path: str) -> None:
        super().__init__(parent)
        self.path_label = QLabel(path)
        self.path_label.setWordWrap(True)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.password, self.confirm, self.reason = QLineEdit(), QLineEdit(), QLineEdit()
        for edit, name in ((self.password, "exportPassword"), (self.confirm, "exportConfirm")):
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setObjectName(name)
        self.reason.setObjectName("exportReason")
        self.labels = [QLabel() for _ in range(4)]
        form = QFormLayout()
        for label, widget in zip(self.labels, (self.path_label, self.password, self.confirm,
                                               self.reason)):
            form.addRow(label, widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(560, 0)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("USB용 암호화 백업"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("암호화해 저장"))
        self.note.setText(self.tr(
            "데이터베이스 전체를 비밀번호로 암호화해 저장합니다(AES-256). 비밀번호를 잊으면 아무도 열 수 "
            "없습니다: USB와 따로, 안전한 곳에 적어 두십시오. 모든 주민의 개인정보가 들어 있으므로 반출 "
            "사유가 접속기록에 남습니다."))
        for label, text in zip(self.labels, (self.tr("저장할 파일"), self.tr("비밀번호"),
                                             self.tr("비밀번호 확인"), self.tr("반출 사유"))):
            label.setText(text)
        self.reason.setPlaceholderText(self.tr("예: 재해 대비 외부 보관"))

    def values(self) -> tuple[str, str, str]:
        return self.password.text(), self.confirm.text(), self.reason.text()


class BackupSettings(Retranslatable, QWidget):
    changed = Signal(object)

    def __init__(self, ctx, runner) -> None:
        super().__init__()
        self.ctx, self.runner = ctx, runner
        self.may_back_up = ctx.actor.role in AUDIT_ROLES
        self.may_restore = ctx.actor.role in ADMIN_ROLES
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #4a5a6e;")
        self.folder = QLabel()
        self.folder.setObjectName("backupFolder")
        self.folder.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("backupStatus")
        self.status.setWordWrap(True)
        self.model = RowsModel([
            (lambda: self.tr("만든 때"), lambda b: f"{b.at:%Y-%m-%d %H:%M:%S}"),
            (lambda: self.tr("종류"), lambda b: backup_text(reason_text(b.reason))),
            (lambda: self.tr("크기"), lambda b: _mb(b.size_bytes)),
            (lambda: self.tr("검사"), lambda b: self.tr("정상") if b.verified else self.tr("실패")),
            (lambda: self.tr("보관"), lambda b: self.tr("지울 때까지") if b.kept
             else self.tr("보관 주기")),
            (lambda: self.tr("파일"), lambda b: b.name)])
        self.table = figures_table(self.model, "backupList")
        self.table.selectionModel().selectionChanged.connect(self._selection)
        self.backup_button = QPushButton()
        self.backup_button.setObjectName("backupNow")
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("restoreSelected")
        self.restore_button.clicked.connect(self.restore_selected)
        self.restore_file_button = QPushButton()
        self.restore_file_button.setObjectName("restoreFile")
        self.restore_file_button.clicked.connect(self.restore_file)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportEncrypted")
        self.export_button.clicked.connect(self.export_encrypted)
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteBackup")
        self.delete_button.clicked.connect(self.delete_selected)
        # making copies on the left, restoring and deleting on the right; each group goes on to
        # a second line when the row is short of room (150 % text)
        buttons = QHBoxLayout()
        buttons.addWidget(FlowRow([self.backup_button, self.export_button]), 1)
        buttons.addWidget(FlowRow([self.restore_button, self.restore_file_button, self.delete_button]), 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.folder)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        if ctx.server is not None:  # a server: one button; the file's list and copies are not here
            for widget in (self.table, self.export_button, self.restore_button,
                           self.restore_file_button, self.delete_button):
                widget.hide()
            layout.addStretch(1)
        self._backups: list = []
        self._enable()
        self.retranslate_ui()

    # --- texts ----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.table.setAccessibleName(self.tr("백업 목록"))
        self.note.setText(self.tr(
            "사무실 서버의 데이터베이스는 서버 담당자가 정해 둔 일정으로 서버에서 백업합니다(pg_dump). "
            "여기서는 관리자·팀장이 서버 전체의 백업을 이 PC에 하나 더 만들 수 있습니다. 복원은 서버 "
            "담당자가 빈 데이터베이스에 합니다.") if self.ctx.server is not None else self.tr(
            "백업은 데이터베이스 옆 backups 폴더에 만들어지고, 만든 뒤 바로 무결성 검사를 합니다. 프로그램을 "
            "시작·종료할 때와 하루에 한 번, 바뀐 내용이 있으면 자동으로 백업하며, 자동 백업은 최근 7일·4주·"
            "12개월 것을 남깁니다. 직접 만든 백업, 업그레이드 전·복원 전 백업은 관리자가 지울 때까지 남습니다. "
            "백업은 관리자·팀장이, 복원과 삭제는 관리자만 할 수 있습니다."))
        self.backup_button.setText(self.tr("지금 백업"))
        self.export_button.setText(self.tr("USB용 암호화 백업…"))
        self.restore_button.setText(self.tr("선택한 백업으로 복원…"))
        self.restore_file_button.setText(self.tr("파일에서 복원…"))
        self.delete_button.setText(self.tr("선택한 백업 삭제…"))
        self._show_folder()
        self.model.retranslate()

    def _show_folder(self) -> None:
        if self.ctx.server is not None:
            from pcrm_desktop.services.backups.server import kind_here, server_backup_folder
            how = self.tr("pg_dump (이 PC의 PostgreSQL 클라이언트 도구)") if kind_here() == "pg_dump" \
                else self.tr("프로그램 자체 내보내기 (이 PC에 pg_dump가 없음)")
            self.folder.setText(self.tr(
                "'지금 백업'은 서버 전체를 {how}로 이 PC의 폴더에 백업하고 검사합니다: {folder}\n"
                "복원: 'pcrm restore 파일 --db 서버주소' (빈 데이터베이스에만).").format(
                how=how, folder=str(server_backup_folder(self.ctx.server))))
            return
        if self.ctx.database is None:
            self.folder.setText(self.tr("이 데이터베이스는 파일이 아니어서 여기서 백업할 수 없습니다."))
            return
        total = sum(b.size_bytes for b in self._backups)
        self.folder.setText(self.tr("백업 폴더: {folder} · {count}개, {size}").format(
            folder=str(Path(self.ctx.database).parent / "backups"), count=len(self._backups),
            size=_mb(total)))

    def _enable(self) -> None:
        selected = self.selected() is not None
        server = self.ctx.server is not None  # backed up whole from here; restored by its admin
        self.backup_button.setEnabled(self.may_back_up)
        self.export_button.setEnabled(self.may_back_up and not server)
        self.restore_button.setEnabled(self.may_restore and selected)
        self.restore_file_button.setEnabled(self.may_restore and not server)
        self.delete_button.setEnabled(self.may_restore and selected)

    def _selection(self, *_args) -> None:
        self._enable()

    def selected(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.row(rows[0].row()) if rows else None

    # --- data -----------------------------------------------------------------------------
    def reload(self) -> None:
        ctx = self.ctx
        if ctx.database is None or ctx.actor.role not in ("admin", "manager", "clerk"):
            return
        self.runner.run(lambda control: backups.list_backups(ctx), self._show,
                        lambda error: self._failed(error))

    def _show(self, found) -> None:
        self._backups = list(found)
        self.model.set_rows(self._backups)
        self._show_folder()
        self._enable()

    def _work(self, call):
        """A task calling `call(progress)`, with the step's text and a cancel between steps."""
        def work(control):
            def progress(done: int, total: int, text: str) -> None:
                control.check()
                control.progress(done, total, progress_text(text))
            return call(progress)
        return work

    # --- actions --------------------------------------------------------------------------
    def backup_now(self) -> None:
        ctx = self.ctx
        self.status.setText("")
        if ctx.server is not None:
            from pcrm_desktop.services.backups.server import backup_server
            self.runner.run(lambda control: backup_server(ctx), self._server_backed_up,
                            lambda error: self._failed(error),
                            label=self.tr("서버를 백업하는 중…"), parent=self)
            return
        self.runner.run(self._work(lambda progress: backups.backup_now(ctx, progress=progress)),
                        self._backed_up, lambda error: self._failed(error),
                        label=self.tr("백업하는 중…"), parent=self)

    def _server_backed_up(self, made) -> None:
        self._ok(self.tr("서버를 백업하고 검사했습니다: {path} ({size})").format(
            path=str(made.path), size=_mb(made.size_bytes)))

    def _backed_up(self, made) -> None:
        self._ok(self.tr("백업을 만들고 검사했습니다: {name} ({size})").format(
            name=made.name, size=_mb(made.size_bytes)))
        self.reload()
        self.changed.emit(backups.CHANGED)  # the status bar's 마지막 백업

    def restore_text(self, name: str, when: str, kind: str) -> str:
        return "\n".join([
            self.tr("데이터를 이 백업의 내용으로 되돌립니다: {name}").format(name=name),
            self.tr("· 백업 시점: {when} ({kind})").format(when=when, kind=kind),
            self.tr("· 먼저 지금 데이터를 '복원 전' 백업으로 남깁니다. 되돌린 뒤에도 그 백업으로 다시 "
                    "복원할 수 있습니다."),
            self.tr("· 백업 뒤에 입력하거나 고친 내용은 화면에서 사라집니다(복원 전 백업에는 남습니다)."),
            self.tr("· 다른 PC에서 이 데이터베이스를 쓰고 있으면 그 화면에도 백업 시점의 데이터가 "
                    "보입니다. 가능하면 먼저 다른 PC의 프로그램을 닫으십시오."),
            self.tr("· 접속기록은 백업 시점까지로 돌아가고, 복원한 사실이 새로 기록됩니다."),
            self.tr("복원하시겠습니까?")])

    def restore_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        text = self.restore_text(chosen.name, f"{chosen.at:%Y-%m-%d %H:%M}",
                                 backup_text(reason_text(chosen.reason)))
        if dialogs.ask_choice(self, self.tr("백업으로 복원"), text,
                              [("restore", self.tr("복원"))]) != "restore":
            return
        self._restore(chosen.name, None)

    def restore_file(self) -> None:
        path = dialogs.ask_open_path(self, self.tr("복원할 백업 파일"), self.tr(
            "PCRM 백업 (*.db *{suffix});;모든 파일 (*)").format(suffix=ENCRYPTED_SUFFIX))
        if not path:
            return
        if self._is_live(Path(path)):
            self._restore(path, None)   # refused by the service before anything opens it
            return
        password = None
        if backups.is_encrypted(Path(path)):
            password = self._ask_password(Path(path).name)
            if password is None:
                return
        text = self.restore_text(Path(path).name, self.tr("파일에 담긴 시점"), self.tr("파일"))
        if dialogs.ask_choice(self, self.tr("백업으로 복원"), text,
                              [("restore", self.tr("복원"))]) != "restore":
            return
        self._restore(path, password)

    def _is_live(self, path: Path) -> bool:
        """The database in use, or its -wal/-shm: never opened here (closing a descriptor of it
        would drop this process's SQLite locks)."""
        if self.ctx.database is None:
            return False
        live = Path(self.ctx.database).resolve()
        return path.resolve() in (live, live.with_name(live.name + "-wal"),
                                  live.with_name(live.name + "-shm"))

    def _ask_password(self, name: str) -> str | None:
        from PySide6.QtWidgets import QInputDialog
        text, ok = QInputDialog.getText(self, self.tr("암호화 백업"),
                                        self.tr("{name}의 비밀번호:").format(name=name),
                                        QLineEdit.EchoMode.Password)
        return text if ok else None

    def _restore(self, file, password, other_database: bool = False) -> None:
        ctx = self.ctx
        self.status.setText("")

        def failed(error) -> None:
            if getattr(error, "code", "") == "restore_other_database" and not other_database:
                self._confirm_other_database(error, file, password)
            else:
                self._failed(error)
        self.runner.run(self._work(lambda progress: backups.restore(
            ctx, file, password, progress, other_database=other_database)),
            self._restored, failed, label=self.tr("복원하는 중…"), parent=self)

    def _confirm_other_database(self, error, file, password) -> None:
        """Another database's backup: said plainly, and restored only on a second, explicit yes."""
        self._enable()
        text = error_text(error) + "\n\n" + self.tr(
            "다른 데이터베이스로 바꾸는 것이 맞을 때만 '다른 데이터베이스로 복원'을 누르십시오.")
        if dialogs.ask_choice(self, self.tr("다른 데이터베이스의 백업"), text,
                              [("other", self.tr("다른 데이터베이스로 복원"))]) == "other":
            self._restore(file, password, other_database=True)
        else:
            self.status.setText(self.tr("복원하지 않았습니다."))

    def _restored(self, result) -> None:
        text = self.tr("복원했습니다: {name}. 지금까지의 데이터는 {pre}(으)로 남겨 두었습니다.").format(
            name=result.name, pre=result.pre_restore)
        if result.migrated:
            text += " " + self.tr("이 버전에 맞게 업그레이드했습니다.")
        self._ok(text)
        dialogs.show_info(self, self.tr("백업으로 복원"), text)
        self.changed.emit(backups.RESTORED)
        self.reload()

    def export_encrypted(self) -> None:
        asked = self._ask_export()
        if asked is None:
            return
        path, password, reason = asked
        ctx = self.ctx
        self.status.setText("")
        self.runner.run(
            self._work(lambda progress: backups.export_encrypted(ctx, Path(path), password, reason,
                                                                 progress)),
            self._exported, lambda error: self._failed(error),
            label=self.tr("암호화 백업을 만드는 중…"), parent=self)

    def _ask_export(self) -> tuple[str, str, str] | None:
        from datetime import datetime
        suggested = f"pcrm-{datetime.now():%Y%m%d-%H%M}{ENCRYPTED_SUFFIX}"
        path = dialogs.ask_save_path(self, self.tr("USB용 암호화 백업"), suggested,
                                     self.tr("PCRM 암호화 백업 (*{suffix})").format(
                                         suffix=ENCRYPTED_SUFFIX))
        if not path:
            return None
        if not path.endswith(ENCRYPTED_SUFFIX):
            path += ENCRYPTED_SUFFIX
        while True:
            box = ExportDialog(self, path)
            if box.exec() != QDialog.DialogCode.Accepted:
                return None
            password, confirm, reason = box.values()
            if password != confirm:
                dialogs.show_error(self, self.tr("USB용 암호화 백업"),
                                   self.tr("비밀번호와 확인이 서로 다릅니다."))
                continue
            return path, password, reason

    def _exported(self, result) -> None:
        self._ok(self.tr("암호화 백업을 저장했습니다: {path} ({size}). 비밀번호 없이는 열 수 "
                         "없습니다.").format(path=str(result.path), size=_mb(result.size_bytes)))

    def delete_selected(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        text = self.tr("이 백업을 지웁니다: {name} ({kind}, {size}). 지운 백업은 되돌릴 수 없습니다.").format(
            name=chosen.name, kind=backup_text(reason_text(chosen.reason)), size=_mb(chosen.size_bytes))
        if dialogs.ask_choice(self, self.tr("백업 삭제"), text,
                              [("delete", self.tr("삭제"))]) != "delete":
            return
        ctx, name = self.ctx, chosen.name
        self.runner.run(lambda control: (backups.delete_backup(ctx, name), name)[1],
                        self._deleted, lambda error: self._failed(error))

    def _deleted(self, name: str) -> None:
        self._ok(self.tr("백업을 지웠습니다: {name}").format(name=name))
        self.reload()

    # --- outcome --------------------------------------------------------------------------
    def _ok(self, text: str) -> None:
        self.status.setStyleSheet("color: #1b5e20;")
        self.status.setText(text)

    def _failed(self, error: BaseException) -> None:
        from pcrm_desktop.ui.tasks import TaskCancelled
        self._enable()
        if isinstance(error, TaskCancelled):
            self.status.setStyleSheet("")
            self.status.setText(self.tr("취소했습니다. 데이터베이스는 바뀌지 않았습니다."))
        elif isinstance(error, DomainError):
            self.status.setStyleSheet("color: #b00020; font-weight: bold;")
            self.status.setText(error_text(error))
        else:
            dialogs.explain(self, self.tr("백업"), error)

