"""Signing in, changing a password, an admin giving a temporary one.

The password check (a memory-hard hash, about a tenth of a second) and its log entry run in the
task lane, never on the GUI thread; the dialog shows 확인 중… meanwhile.
"""
from __future__ import annotations

import secrets

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop import APP_NAME
from pcrm_desktop.domain.accounts import check_password
from pcrm_desktop.domain.errors import DomainError, ValidationError
from pcrm_desktop.services import accounts as account_service
from pcrm_desktop.services.context import ServiceContext
from pcrm_desktop.ui.i18n import Retranslatable, error_text
from pcrm_desktop.ui.tasks import TaskRunner

ERROR_STYLE = "color: #b3261e;"


def password_rules_text() -> str:
    return QCoreApplication.translate(
        "accounts", "비밀번호 규칙: 영문 대문자·소문자·숫자·특수문자 중 세 종류 이상이면 8자 이상, "
                    "두 종류면 10자 이상. 로그인 ID, 같은 문자 네 번 연속, 흔한 비밀번호는 쓸 수 없습니다.")


def make_temporary_password() -> str:
    """A random temporary password that meets the rules (12 characters, four kinds), without
    characters that are misread when it is read out or copied by hand (0/O, 1/l/I)."""
    groups = ("abcdefghijkmnopqrstuvwxyz", "ABCDEFGHJKLMNPQRSTUVWXYZ", "23456789", "#%+=?@")
    alphabet = "".join(groups)
    while True:
        candidate = "".join(secrets.choice(alphabet) for _ in range(12))
        if not all(any(c in group for c in candidate) for group in groups):
            continue
        try:
            return check_password(candidate)
        except ValidationError:
            continue


def _password_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(128)
    return field


class LoginDialog(Retranslatable, QDialog):
    """로그인: ID and password. `signed_in` carries the SignIn; a temporary password leads
    straight on to choosing a new one."""

    signed_in = Signal(object)

    def __init__(self, ctx: ServiceContext, runner: TaskRunner, login: str = "",
                 office: str = "", database: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.ctx, self.runner, self.office, self.database = ctx, runner, office, database
        self.result_sign_in = None
        self.title = QLabel()
        self.title.setObjectName("loginTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.office_label = QLabel()
        self.login = QLineEdit(login)
        self.login.setObjectName("loginId")
        self.login.setMaxLength(32)
        self.password = _password_field("loginPassword")
        self.message = QLabel()
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.db_label = QLabel()
        self.db_label.setObjectName("loginDatabase")
        self.db_label.setStyleSheet("color: #5f6368;")
        self.form = QFormLayout()
        self.labels = [QLabel(), QLabel()]
        for label, field in zip(self.labels, (self.login, self.password)):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("loginButton")
        self.ok.setDefault(True)
        self.quit = self.buttons.addButton("", QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.setSpacing(12)
        for widget in (self.title, self.office_label):
            layout.addWidget(widget)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        layout.addWidget(self.db_label)
        self.setMinimumWidth(460)
        self.retranslate_ui()
        (self.password if login else self.login).setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("{app} 로그인").format(app=APP_NAME))
        self.title.setText(APP_NAME)
        self.office_label.setText(self.office or self.tr("공공고객관리 — 민원·고객만족"))
        self.labels[0].setText(self.tr("로그인 ID(&L)"))
        self.labels[1].setText(self.tr("비밀번호(&P)"))
        self.ok.setText(self.tr("로그인"))
        self.quit.setText(self.tr("종료"))
        self.db_label.setText(self.tr("데이터베이스: {path}").format(path=self.database)
                              if self.database else "")

    def submit(self) -> None:
        login, password = self.login.text(), self.password.text()
        if not login.strip() or not password:
            self.message.setText(self.tr("로그인 ID와 비밀번호를 입력하십시오."))
            return
        self._busy(True)
        ctx = self.ctx
        self.runner.run(lambda control: account_service.sign_in(ctx, login, password),
                        self._signed_in, self._refused)

    def _busy(self, busy: bool) -> None:
        self.ok.setEnabled(not busy)
        self.login.setEnabled(not busy)
        self.password.setEnabled(not busy)
        if busy:
            self.message.setStyleSheet("color: #5f6368;")
            self.message.setText(self.tr("확인 중…"))
        else:
            self.message.setStyleSheet(ERROR_STYLE)

    def _refused(self, error: BaseException) -> None:
        self._busy(False)
        self.message.setText(error_text(error) if isinstance(error, DomainError) else str(error))
        self.password.clear()
        self.password.setFocus()

    def _signed_in(self, sign_in) -> None:
        self._busy(False)
        self.message.clear()
        if sign_in.must_change:
            self.change = ChangePasswordDialog(self.ctx.as_actor(sign_in.actor), self.runner,
                                               current=self.password.text(), forced=True,
                                               parent=self)
            self.change.accepted.connect(lambda: self._finish(sign_in))
            self.change.rejected.connect(self._change_cancelled)
            self.change.open()
            return
        self._finish(sign_in)

    def _change_cancelled(self) -> None:
        self.password.clear()
        self.message.setText(error_text(DomainError("password_change_required")))
        self.password.setFocus()

    def _finish(self, sign_in) -> None:
        self.result_sign_in = sign_in
        self.password.clear()
        self.signed_in.emit(sign_in)
        self.accept()


class ChangePasswordDialog(Retranslatable, QDialog):
    """The signed-in person's own password. `forced` after a temporary one: the current
    password was just typed at the login and is not asked again."""

    def __init__(self, ctx: ServiceContext, runner: TaskRunner, current: str | None = None,
                 forced: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePasswordDialog")
        self.ctx, self.runner, self.forced, self.given = ctx, runner, forced, current
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.current = _password_field("currentPassword")
        self.new = _password_field("newPassword")
        self.confirm = _password_field("confirmPassword")
        self.rules = QLabel()
        self.rules.setWordWrap(True)
        self.rules.setStyleSheet("color: #5f6368;")
        self.message = QLabel()
        self.message.setObjectName("passwordMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.form = QFormLayout()
        self.labels = [QLabel(), QLabel(), QLabel()]
        for label, field in zip(self.labels, (self.current, self.new, self.confirm)):
            label.setBuddy(field)
            self.form.addRow(label, field)
        if current is not None:
            self.current.setText(current)
            self.labels[0].hide()
            self.current.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.rules)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(480)
        self.retranslate_ui()
        (self.new if current is not None else self.current).setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("비밀번호 변경"))
        self.intro.setText(self.tr("임시 비밀번호로 로그인했습니다. 본인만 아는 새 비밀번호를 정하십시오.")
                           if self.forced else self.tr("지금 비밀번호와 새 비밀번호를 입력하십시오."))
        self.labels[0].setText(self.tr("지금 비밀번호(&O)"))
        self.labels[1].setText(self.tr("새 비밀번호(&N)"))
        self.labels[2].setText(self.tr("새 비밀번호 확인(&C)"))
        self.rules.setText(password_rules_text())

    def submit(self) -> None:
        current, new, confirm = self.current.text(), self.new.text(), self.confirm.text()
        try:  # the rules are checked here at once; the service checks them again
            check_password(new, self.ctx.actor.login)
            if new != confirm:
                raise ValidationError("password_mismatch", field="confirm")
        except DomainError as error:
            self.message.setText(error_text(error))
            return
        self.buttons.setEnabled(False)
        ctx = self.ctx
        self.runner.run(lambda control: account_service.change_password(ctx, current, new, confirm),
                        self._done, self._failed)

    def _done(self, _changes) -> None:
        for field in (self.current, self.new, self.confirm):
            field.clear()
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(error_text(error) if isinstance(error, DomainError) else str(error))


class ResetPasswordDialog(Retranslatable, QDialog):
    """An admin gives an account a temporary password (and so unlocks it)."""

    def __init__(self, ctx: ServiceContext, runner: TaskRunner, login: str, name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("resetPasswordDialog")
        self.ctx, self.runner, self.login, self.name = ctx, runner, login, name
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.password = QLineEdit(make_temporary_password())
        self.password.setObjectName("temporaryPassword")
        self.password.setMaxLength(128)
        self.generate = QPushButton()
        self.generate.clicked.connect(lambda: self.password.setText(make_temporary_password()))
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.form = QFormLayout()
        self.label = QLabel()
        self.form.addRow(self.label, self.password)
        self.form.addRow("", self.generate)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("비밀번호 초기화"))
        self.intro.setText(self.tr(
            "{name}({login}) 님에게 임시 비밀번호를 줍니다. 잠긴 계정은 풀리고, 본인이 로그인할 때 "
            "새 비밀번호로 바꿔야 합니다. 임시 비밀번호는 직접 전하십시오.").format(
                name=self.name, login=self.login))
        self.label.setText(self.tr("임시 비밀번호(&T)"))
        self.generate.setText(self.tr("새로 만들기"))

    def submit(self) -> None:
        ctx, login, password = self.ctx, self.login, self.password.text()
        self.buttons.setEnabled(False)
        self.runner.run(lambda control: account_service.reset_password(ctx, login, password),
                        lambda changes: self.accept(), self._failed)

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.message.setText(error_text(error) if isinstance(error, DomainError) else str(error))
