"""At start, before the login: is the database usable? A damaged one is never opened for
writing: the dialog explains, finds the newest backup that passes its check now, and restores it
once an admin *of that backup* gives login and password. The damaged file is kept beside it
under a new name, never deleted.

    from pcrm_desktop.ui.recovery_dialog import offer_recovery
    if not offer_recovery(resolve_database(args.db)):
        return 1            # the user chose to quit; nothing was written

The check and the restore run off the GUI thread (a TaskRunner of their own: the app's is not
made yet), with a progress dialog when they take longer than a moment.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.domain.backups import reason_text
from pcrm_desktop.domain.errors import DomainError
from pcrm_desktop.domain.messages import with_particles
from pcrm_desktop.services import backups
from pcrm_desktop.ui import dialogs
from pcrm_desktop.ui.i18n import Retranslatable, error_text
from pcrm_desktop.ui.labels import backup_text, progress_text


def _tr(text: str) -> str:
    return QCoreApplication.translate("RecoveryDialog", text)


def run_and_wait(fn, label: str | None, parent: QWidget | None = None):
    """Run `fn(progress)` in a task lane of its own and wait (the GUI stays responsive; a
    progress dialog with `label` shows after a moment). Returns its result or raises its error."""
    from pcrm_desktop.ui.tasks import TaskRunner
    runner = TaskRunner()
    loop = QEventLoop()
    outcome: dict = {}

    def work(control):
        def progress(done: int, total: int, text: str) -> None:
            control.progress(done, total, progress_text(text))
        return fn(progress)

    def done(value) -> None:
        outcome["value"] = value
        loop.quit()

    def failed(error) -> None:
        outcome["error"] = error
        loop.quit()
    runner.run(work, done, failed, label=label, parent=parent)
    if not outcome:
        loop.exec()
    runner.wait(1000)
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def offer_recovery(location, parent: QWidget | None = None) -> bool:
    """The start-up check (`services.backups.check_at_start`). True: open the database (it is
    fine, new, or was just restored). False: the user quit, or the file cannot be used — the
    reason was shown; nothing was written to the database."""
    while True:
        check = run_and_wait(lambda progress: backups.check_at_start(location),
                             _tr("데이터베이스를 점검하는 중…"), parent)
        if check.ok:
            return True
        if check.state == backups.START_DAMAGED:
            dialog = RecoveryDialog(location, check, parent)
            return dialog.exec() == QDialog.DialogCode.Accepted
        if check.state == backups.START_LOCKED:
            answer = dialogs.ask_choice(parent, _tr("데이터베이스"), error_text(check.error),
                                        [("retry", _tr("다시 시도"))])
            if answer == "retry":
                continue
            return False
        # not ours, an unwritable folder: open_backend would refuse it too; say it here once
        dialogs.show_error(parent, _tr("데이터베이스"), error_text(check.error))
        return False


class RecoveryDialog(Retranslatable, QDialog):
    """The explanation, the backup that would be restored, the admin's login, the choice."""

    def __init__(self, location, check, parent: QWidget | None = None,
                 search: bool = True) -> None:
        super().__init__(parent)
        self.setObjectName("recoveryDialog")
        self.location, self.check = location, check
        self.good = None          # services.backups.GoodBackup
        self.chosen: Path | None = None
        self.result_value = None  # services.backups.Recovered
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.detail.setStyleSheet("color: #4a5a6e;")
        self.backup_label = QLabel()
        self.backup_label.setObjectName("recoveryBackup")
        self.backup_label.setWordWrap(True)
        self.backup_label.setStyleSheet("font-weight: bold;")
        self.login, self.password = QLineEdit(), QLineEdit()
        self.login.setObjectName("recoveryLogin")
        self.password.setObjectName("recoveryPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.login_label, self.password_label = QLabel(), QLabel()
        self.form_note = QLabel()
        self.form_note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.login_label, self.login)
        form.addRow(self.password_label, self.password)
        self.status = QLabel()
        self.status.setObjectName("recoveryStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("color: #b00020; font-weight: bold;")
        self.restore_button = QPushButton()
        self.restore_button.setObjectName("recoveryRestore")
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self.restore)
        self.choose_button = QPushButton()
        self.choose_button.setObjectName("recoveryChoose")
        self.choose_button.clicked.connect(self.choose_file)
        self.quit_button = QPushButton()
        self.quit_button.setObjectName("recoveryQuit")
        self.quit_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.choose_button)
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.restore_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.detail)
        layout.addWidget(self.backup_label)
        layout.addWidget(self.form_note)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        for label in (self.explanation, self.detail, self.backup_label, self.form_note):
            label.setMinimumWidth(640)   # wrapped text gets its full height at this width
        self.retranslate_ui()
        if search:
            self.find_backup()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("데이터베이스가 손상되었습니다"))
        self.explanation.setText(self.tr(
            "데이터베이스 파일이 손상되어 열지 않았습니다. 손상된 파일에는 아무것도 쓰지 않았습니다.\n\n"
            "가장 최근의 정상 백업으로 복원할 수 있습니다. 손상된 파일은 지우지 않고 같은 폴더에 이름을 "
            "바꿔 남겨 둡니다(전산 담당자가 살펴볼 수 있도록). 백업한 뒤에 입력한 내용은 복원되지 "
            "않으니, 복원한 뒤 그 사이의 일을 다시 입력하십시오.\n\n"
            "다른 PC에서 이 데이터베이스를 쓰고 있다면 먼저 모두 닫으십시오."))
        problem = self.check.error.params.get("detail", "") if self.check.error else ""
        self.detail.setText(self.tr("파일: {path}\n검사 결과: {problem}").format(
            path=str(self.check.path), problem=problem))
        self.form_note.setText(self.tr(
            "복원은 관리자만 할 수 있습니다. 복원할 백업을 만들 때의 관리자 로그인 ID와 비밀번호를 "
            "입력하십시오."))
        self.login_label.setText(self.tr("관리자 로그인 ID"))
        self.password_label.setText(self.tr("비밀번호"))
        self.restore_button.setText(self.tr("백업으로 복원"))
        self.choose_button.setText(self.tr("다른 백업 파일 선택…"))
        self.quit_button.setText(self.tr("종료"))
        self._show_backup()

    def _show_backup(self) -> None:
        if self.chosen is not None:
            self.backup_label.setText(self.tr("복원할 백업: {name}").format(name=self.chosen.name))
        elif self.good is not None:
            text = self.tr("복원할 백업: {when} ({kind}) — {name}").format(
                when=f"{self.good.at:%Y-%m-%d %H:%M}", kind=backup_text(reason_text(self.good.reason)),
                name=self.good.path.name)
            if self.good.skipped:
                text += "\n" + self.tr("더 최근 백업 {count}개는 검사에 실패해 건너뛰었습니다.").format(
                    count=len(self.good.skipped))
            self.backup_label.setText(text)
        else:
            self.backup_label.setText(self.tr(
                "backups 폴더에 검사를 통과한 백업이 없습니다. USB 등에 따로 둔 백업이 있으면 "
                "'다른 백업 파일 선택…'으로 고르십시오."))
        self.restore_button.setEnabled(self.backup_path() is not None)

    def backup_path(self) -> Path | None:
        if self.chosen is not None:
            return self.chosen
        return self.good.path if self.good is not None else None

    def find_backup(self) -> None:
        try:
            self.good = run_and_wait(
                lambda progress: backups.latest_good_backup(self.location, progress),
                self.tr("백업을 검사하는 중…"), self)
        except DomainError as error:
            self.status.setText(error_text(error))
        self._show_backup()

    def choose_file(self) -> None:
        path = dialogs.ask_open_path(self, self.tr("복원할 백업 파일"),
                                     self.tr("PCRM 백업 (*.db);;모든 파일 (*)"))
        if path:
            self.chosen = Path(path)
            self._show_backup()

    def restore(self) -> None:
        source = self.backup_path()
        if source is None:
            return
        login, password = self.login.text(), self.password.text()
        checked = self.good.check if self.chosen is None and self.good is not None else None
        self.status.setText("")
        self.restore_button.setEnabled(False)
        try:
            self.result_value = run_and_wait(
                lambda progress: backups.recover(self.location, source, login, password,
                                                 progress=progress, checked=checked),
                self.tr("백업으로 복원하는 중…"), self)
        except DomainError as error:
            self.status.setText(error_text(error))
            self.restore_button.setEnabled(True)
            return
        except Exception as error:  # noqa: BLE001 - said plainly, the details in the log
            dialogs.explain(self, self.windowTitle(), error)
            self.restore_button.setEnabled(True)
            return
        dialogs.show_info(self, self.tr("복원했습니다"), self.done_text(self.result_value))
        self.accept()

    def done_text(self, done) -> str:
        return with_particles(self.tr(
            "백업 {name}을(를) 새 데이터베이스로 복원했습니다.\n손상된 파일은 지우지 않고 옮겨 "
            "두었습니다: {damaged}\n백업한 뒤에 입력한 내용은 다시 입력하십시오.").format(
            name=done.backup, damaged=str(done.damaged_copy)))
