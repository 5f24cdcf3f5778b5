"""First-run wizard on an empty database: office, office hours, departments, first admin."""
from __future__ import annotations

from datetime import time

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from pcrm_desktop.domain.accounts import check_password
from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.errors import DomainError, ValidationError
from pcrm_desktop.domain.office import (
    OfficeHours,
    OfficeProfile,
    Role,
    validate_department_names,
    validate_staff,
)
from pcrm_desktop.services import office as office_service
from pcrm_desktop.services.context import ServiceContext
from pcrm_desktop.ui.account_dialogs import password_rules_text
from pcrm_desktop.ui.i18n import Retranslatable, error_text

DEFAULT_DEPARTMENTS = "민원행정팀\n맞춤형복지팀\n행정지원팀"


def _error_label() -> QLabel:
    label = QLabel()
    label.setObjectName("errorLabel")
    label.setStyleSheet("color: #b00020; font-weight: bold;")
    label.setWordWrap(True)
    return label


class _Page(Retranslatable, QWizardPage):
    """A page whose texts are set in retranslate_ui and whose check shows domain errors inline."""

    def __init__(self) -> None:
        super().__init__()
        self.error = _error_label()
        self.form = QFormLayout()
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.error)

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def check(self) -> None:
        raise NotImplementedError

    def validatePage(self) -> bool:
        try:
            self.check()
        except DomainError as error:
            self.error.setText(error_text(error))
            return False
        self.error.clear()
        return True


class OfficePage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.name = QLineEdit()
        self.name.setObjectName("officeName")
        self.code = QLineEdit()
        self.code.setObjectName("officeCode")
        self.code.setMaxLength(7)
        self.address = QLineEdit()
        self.phone = QLineEdit()
        self.labels = [QLabel() for _ in range(4)]
        for label, field in zip(self.labels, (self.name, self.code, self.address, self.phone)):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("기관 정보"))
        self.setSubTitle(self.tr("PCRM Desktop을 처음 사용합니다. 이 데이터베이스를 쓸 기관을 입력하십시오."))
        # (&N) is the Next button's: each key once per page, buttons included
        for label, text in zip(self.labels, (self.tr("기관 이름(&M) *"), self.tr("기관 코드(&C)"),
                                             self.tr("주소(&A)"), self.tr("대표 전화(&P)"))):
            label.setText(text)
        self.name.setPlaceholderText(self.tr("예: 종로구 청운효자동 행정복지센터"))
        self.code.setPlaceholderText(self.tr("행정기관코드 7자리 (선택)"))
        self.phone.setPlaceholderText(self.tr("예: 02-2148-5000"))

    def profile(self, hours: OfficeHours) -> OfficeProfile:
        return OfficeProfile(self.name.text(), self.code.text(), self.address.text(),
                             self.phone.text(), hours)

    def check(self) -> None:
        self.profile(OfficeHours()).validated()


def _to_time(value: QTime) -> time:
    return time(value.hour(), value.minute())


class HoursPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        defaults = OfficeHours()
        self.edits = []
        self.labels = [QLabel() for _ in range(4)]
        for label, value in zip(self.labels, (defaults.start, defaults.lunch_start,
                                              defaults.lunch_end, defaults.end)):
            edit = QTimeEdit(QTime(value.hour, value.minute))
            edit.setDisplayFormat("HH:mm")
            label.setBuddy(edit)
            self.edits.append(edit)
            self.form.addRow(label, edit)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("업무 시간"))
        self.setSubTitle(self.tr(
            "민원 처리기한을 근무시간으로 셀 때 쓰입니다(하루 8시간). 나중에 설정에서 바꿀 수 있습니다."))
        for label, text in zip(self.labels, (self.tr("업무 시작(&S)"), self.tr("점심 시작(&L)"),
                                             self.tr("점심 끝(&U)"), self.tr("업무 종료(&E)"))):
            label.setText(text)

    def hours(self) -> OfficeHours:
        return OfficeHours(*(_to_time(edit.time()) for edit in self.edits))

    def check(self) -> None:
        self.hours().validate()


class DepartmentsPage(_Page):
    def __init__(self) -> None:
        super().__init__()
        self.names = QPlainTextEdit(DEFAULT_DEPARTMENTS)
        self.names.setObjectName("departmentNames")
        self.names_label = QLabel()
        self.names_label.setBuddy(self.names)
        self.names_label.setContentsMargins(0, 0, 0, 2)  # room for the (D)'s underline
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.form.addRow(self.names_label)
        self.form.addRow(self.names)
        self.form.addRow(self.hint)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("부서·팀"))
        self.setSubTitle(self.tr("민원을 배정할 부서나 팀을 한 줄에 하나씩 입력하십시오."))
        self.names_label.setText(self.tr("부서·팀 이름(&D)"))
        self.hint.setText(self.tr("예: 민원행정팀, 맞춤형복지팀. 나중에 설정에서 더 추가할 수 있습니다."))

    def department_names(self) -> list[str]:
        return self.names.toPlainText().splitlines()

    def check(self) -> None:
        validate_department_names(self.department_names())


class AdminPage(_Page):
    def __init__(self, on_finish) -> None:
        super().__init__()
        self.on_finish = on_finish
        self.name = QLineEdit()
        self.name.setObjectName("adminName")
        self.login = QLineEdit()
        self.login.setObjectName("adminLogin")
        self.password = QLineEdit()
        self.password.setObjectName("adminPassword")
        self.confirm = QLineEdit()
        self.confirm.setObjectName("adminPasswordConfirm")
        for field in (self.password, self.confirm):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.labels = [QLabel(), QLabel(), QLabel(), QLabel()]
        for label, field in zip(self.labels, (self.name, self.login, self.password, self.confirm)):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.rules = QLabel()
        self.rules.setWordWrap(True)
        self.form.addRow(self.rules)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("첫 관리자 계정"))
        self.setSubTitle(self.tr("이 기관의 설정과 직원 계정을 관리할 사람입니다."))
        self.labels[0].setText(self.tr("이름(&M) *"))
        self.labels[1].setText(self.tr("로그인 ID(&L) *"))
        self.login.setPlaceholderText(self.tr("영문 소문자·숫자 3~32자, 예: kim.cs"))
        self.labels[2].setText(self.tr("비밀번호(&P) *"))
        self.labels[3].setText(self.tr("비밀번호 확인(&C) *"))
        self.rules.setText(password_rules_text())

    def check(self) -> None:
        _, login, _ = validate_staff(self.name.text(), self.login.text(), Role.ADMIN)
        check_password(self.password.text(), login)
        if self.password.text() != self.confirm.text():
            raise ValidationError("password_mismatch", field="confirm")
        self.on_finish()


class FirstRunWizard(Retranslatable, QWizard):
    """On finishing, the office is created in one transaction and `self.actor` is the admin."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.actor: Actor | None = None
        self.setObjectName("firstRunWizard")
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.office_page = OfficePage()
        self.hours_page = HoursPage()
        self.departments_page = DepartmentsPage()
        self.admin_page = AdminPage(self._create_office)
        for page in (self.office_page, self.hours_page, self.departments_page, self.admin_page):
            self.addPage(page)
        self.setMinimumSize(640, 440)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("PCRM Desktop 처음 설정"))
        # Our own words, not Qt's (its Korean file may be missing and says "다음 (&N) >"):
        # the guide names them, and no field of a page may take their keys B, N and F.
        for button, text in ((QWizard.WizardButton.BackButton, self.tr("< 뒤로(&B)")),
                             (QWizard.WizardButton.NextButton, self.tr("다음(&N) >")),
                             (QWizard.WizardButton.FinishButton, self.tr("완료(&F)")),
                             (QWizard.WizardButton.CancelButton, self.tr("취소"))):
            self.setButtonText(button, text)

    def _create_office(self) -> None:
        # One small transaction; fast enough for the GUI thread, and the wizard must know the
        # outcome before it closes.
        profile = self.office_page.profile(self.hours_page.hours())
        self.actor = office_service.complete_first_run(
            self.ctx, profile, self.departments_page.department_names(),
            self.admin_page.name.text(), self.admin_page.login.text(),
            self.admin_page.password.text())
