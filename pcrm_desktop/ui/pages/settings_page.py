"""설정: office profile, departments, staff accounts, and display preferences."""
from __future__ import annotations

from datetime import time

from PySide6.QtCore import Qt, QTime, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.domain.accounts import IDLE_LOCK_MINUTES, IDLE_LOCK_RANGE
from pcrm_desktop.domain.errors import DomainError
from pcrm_desktop.domain.messages import with_particles
from pcrm_desktop.domain.office import OfficeHours, OfficeProfile, Role
from pcrm_desktop.services import accounts as account_service
from pcrm_desktop.services import office as office_service
from pcrm_desktop.ui.account_dialogs import make_temporary_password
from pcrm_desktop.ui.combo import refill
from pcrm_desktop.ui.dialogs import explain
from pcrm_desktop.ui.i18n import error_text
from pcrm_desktop.ui.labels import role_name
from pcrm_desktop.ui.pages.base import Page, heading
from pcrm_desktop.ui.settings import FONT_SCALES, LANGUAGES
from pcrm_desktop.ui.table_model import RowsModel

LANGUAGE_NAMES = {"ko": "한국어", "en": "English"}  # each in its own language, never translated


def _qtime(value: time) -> QTime:
    return QTime(value.hour, value.minute)


def _status_label() -> QLabel:
    label = QLabel()
    label.setObjectName("statusLabel")
    label.setWordWrap(True)
    return label


class SettingsPage(Page):
    depends_on = frozenset({"office", "departments", "staff"})
    language_chosen = Signal(str)
    font_scale_chosen = Signal(int)
    changed = Signal(object)  # Changes, for the other pages

    def __init__(self, ctx, runner, language: str, font_scale: int) -> None:
        super().__init__()
        self.ctx, self.runner = ctx, runner
        self.heading = heading()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._office_tab(), "")
        self.tabs.addTab(self._people_tab(), "")
        self.tabs.addTab(self._display_tab(language, font_scale), "")
        from pcrm_desktop.ui.pages.calendar_settings import CalendarSettings
        self.calendar = CalendarSettings(ctx, runner)
        self.calendar.changed.connect(self.changed)
        self.tabs.addTab(self.calendar, "")
        from pcrm_desktop.ui.pages.retention_settings import RetentionSettings
        self.retention = RetentionSettings(ctx, runner)
        self.retention.changed.connect(self.changed)
        self.tabs.addTab(self.retention, "")
        from pcrm_desktop.ui.pages.backup_settings import BackupSettings
        self.backups = BackupSettings(ctx, runner)
        self.backups.changed.connect(self.changed)
        self.tabs.addTab(self.backups, "")
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.tabs, 1)
        self._overview = None
        self.retranslate_ui()
        self.reload()

    # --- building -------------------------------------------------------------------------
    def _office_tab(self) -> QWidget:
        tab = QWidget()
        self.office_form = QFormLayout()
        self.name, self.code, self.address, self.phone = (QLineEdit() for _ in range(4))
        self.name.setObjectName("settingsOfficeName")
        self.hour_edits = [QTimeEdit() for _ in range(4)]
        for edit in self.hour_edits:
            edit.setDisplayFormat("HH:mm")
        self.office_labels = [QLabel() for _ in range(8)]
        for label, field in zip(self.office_labels, (self.name, self.code, self.address,
                                                     self.phone, *self.hour_edits)):
            label.setBuddy(field)
            self.office_form.addRow(label, field)
        self.save_office = QPushButton()
        self.save_office.setObjectName("saveOffice")
        self.save_office.clicked.connect(self._save_office)
        self.office_status = _status_label()
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_office)
        buttons.addStretch(1)
        column = QWidget()
        column.setMaximumWidth(760)  # a form is easier to read when it does not span 1920 px
        layout = QVBoxLayout(column)
        layout.addLayout(self.office_form)
        layout.addLayout(buttons)
        layout.addWidget(self.office_status)
        layout.addStretch(1)
        outer = QHBoxLayout(tab)
        outer.addWidget(column, 2)
        outer.addStretch(1)
        return tab

    def _people_tab(self) -> QWidget:
        tab = QWidget()
        self._build_staff_table()
        self._build_people_controls()
        staff_row = QHBoxLayout()
        for widget in (self.new_name, self.new_login, self.new_role, self.new_department,
                       self.add_staff_button):
            staff_row.addWidget(widget)
        department_row = QHBoxLayout()
        department_row.addWidget(self.new_department_name)
        department_row.addWidget(self.add_department_button)
        department_row.addStretch(1)
        department_row.addWidget(self.reset_button)
        department_row.addWidget(self.toggle_button)
        idle_row = QHBoxLayout()
        idle_row.addWidget(self.idle_label)
        idle_row.addWidget(self.idle_minutes)
        idle_row.addWidget(self.save_idle)
        idle_row.addStretch(1)
        layout = QVBoxLayout(tab)
        layout.addWidget(self.staff_table, 1)
        layout.addWidget(self.staff_form_label)
        layout.addLayout(staff_row)
        layout.addWidget(self.department_form_label)
        layout.addLayout(department_row)
        layout.addLayout(idle_row)
        layout.addWidget(self.people_status)
        return tab

    def _build_staff_table(self) -> None:
        self.staff_model = RowsModel([
            (lambda: self.tr("이름"), lambda m: m.name), (lambda: self.tr("로그인 ID"), lambda m: m.login),
            (lambda: self.tr("역할"), lambda m: role_name(m.role)),
            (lambda: self.tr("부서"), lambda m: self._department_name(m.department_id)),
            (lambda: self.tr("상태"), lambda m: self.tr("사용") if m.active else self.tr("중지")),
            (lambda: self.tr("계정"), self._account_state),
            (lambda: self.tr("마지막 로그인"), self._last_login)])
        self.staff_table = QTableView()
        self.staff_table.setObjectName("staffTable")
        self.staff_table.setModel(self.staff_model)
        self.staff_table.verticalHeader().hide()
        self.staff_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

    def _build_people_controls(self) -> None:
        """A new staff member, a new department, a password reset, 사용/중지, the idle lock."""
        self.new_name, self.new_login = QLineEdit(), QLineEdit()
        self.new_name.setObjectName("newStaffName")
        self.new_login.setObjectName("newStaffLogin")
        self.new_role, self.new_department = QComboBox(), QComboBox()
        self.add_staff_button = QPushButton()
        self.add_staff_button.setObjectName("addStaff")
        self.add_staff_button.clicked.connect(self._add_staff)
        self.toggle_button = QPushButton()
        self.toggle_button.clicked.connect(self._toggle_staff)
        self.reset_button = QPushButton()
        self.reset_button.setObjectName("resetPassword")
        self.reset_button.clicked.connect(self._reset_password)
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setObjectName("idleMinutes")
        self.idle_minutes.setRange(*IDLE_LOCK_RANGE)
        self.idle_minutes.setValue(IDLE_LOCK_MINUTES)
        self.save_idle = QPushButton()
        self.save_idle.setObjectName("saveIdleMinutes")
        self.save_idle.clicked.connect(self._save_idle_minutes)
        self.idle_label = QLabel()
        self.new_department_name = QLineEdit()
        self.new_department_name.setObjectName("newDepartmentName")
        self.add_department_button = QPushButton()
        self.add_department_button.setObjectName("addDepartment")
        self.add_department_button.clicked.connect(self._add_department)
        self.people_status = _status_label()
        self.people_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.staff_form_label, self.department_form_label = QLabel(), QLabel()

    def _display_tab(self, language: str, font_scale: int) -> QWidget:
        tab = QWidget()
        self.language_box = QComboBox()
        self.language_box.setObjectName("languageBox")
        for code in LANGUAGES:
            self.language_box.addItem(LANGUAGE_NAMES[code], code)
        self.language_box.setCurrentIndex(LANGUAGES.index(language) if language in LANGUAGES else 0)
        self.language_box.currentIndexChanged.connect(
            lambda i: self.language_chosen.emit(self.language_box.itemData(i)))
        self.scale_box = QComboBox()
        self.scale_box.setObjectName("fontScaleBox")
        for percent in FONT_SCALES:
            self.scale_box.addItem(f"{percent}%", percent)
        self.scale_box.setCurrentIndex(FONT_SCALES.index(font_scale) if font_scale in FONT_SCALES else 0)
        self.scale_box.currentIndexChanged.connect(
            lambda i: self.font_scale_chosen.emit(self.scale_box.itemData(i)))
        self.display_labels = [QLabel(), QLabel()]
        form = QFormLayout(tab)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        form.addRow(self.display_labels[0], self.language_box)
        form.addRow(self.display_labels[1], self.scale_box)
        return tab

    # --- texts ----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.staff_table.setAccessibleName(self.tr("직원 목록"))
        self.new_name.setAccessibleName(self.tr("새 직원 이름"))
        self.new_login.setAccessibleName(self.tr("새 직원 로그인 ID"))
        self.new_role.setAccessibleName(self.tr("새 직원 역할"))
        self.new_department.setAccessibleName(self.tr("새 직원 부서"))
        self.heading.setText(self.tr("설정"))
        for index, text in enumerate((self.tr("기관 정보"), self.tr("부서·직원"), self.tr("화면"),
                                      self.tr("민원 기한"))):
            self.tabs.setTabText(index, text)
        self.tabs.setTabText(self.tabs.indexOf(self.retention), self.tr("보존기간·파기"))
        self.tabs.setTabText(self.tabs.indexOf(self.backups), self.tr("백업"))
        texts = (self.tr("기관 이름 *"), self.tr("기관 코드"), self.tr("주소"), self.tr("대표 전화"),
                 self.tr("업무 시작"), self.tr("점심 시작"), self.tr("점심 끝"), self.tr("업무 종료"))
        for label, text in zip(self.office_labels, texts):
            label.setText(text)
        self.save_office.setText(self.tr("기관 정보 저장"))
        self.new_name.setPlaceholderText(self.tr("이름"))
        self.new_login.setPlaceholderText(self.tr("로그인 ID"))
        self.add_staff_button.setText(self.tr("직원 추가"))
        self.toggle_button.setText(self.tr("선택한 직원 사용/중지"))
        self.reset_button.setText(self.tr("비밀번호 초기화…"))
        self.idle_label.setText(self.tr("자리 비움 자동 잠금:"))
        self.idle_minutes.setSuffix(self.tr(" 분"))
        self.save_idle.setText(self.tr("잠금 시간 저장"))
        self.staff_form_label.setText(self.tr("직원 추가: 이름, 로그인 ID, 역할, 부서 (임시 비밀번호를 만들어 "
                                              "보여 줍니다)"))
        self.department_form_label.setText(self.tr("부서 추가"))
        self.new_department_name.setPlaceholderText(self.tr("새 부서 이름"))
        self.add_department_button.setText(self.tr("부서 추가"))
        self.display_labels[0].setText(self.tr("언어 / Language"))
        self.display_labels[1].setText(self.tr("글자 크기"))
        refill(self.new_role, [(role.value, role_name(role)) for role in Role], Role.CLERK.value)
        self.staff_model.retranslate()

    # --- data -----------------------------------------------------------------------------
    def reload(self) -> None:
        ctx = self.ctx
        self.runner.run(lambda control: office_service.overview(ctx), self._show)
        if ctx.actor.role == "admin":
            self.runner.run(lambda control: (account_service.accounts(ctx),
                                             account_service.idle_minutes(ctx)),
                            self._show_accounts, lambda error: None)
        for widget in (self.reset_button, self.idle_minutes, self.save_idle):
            widget.setEnabled(ctx.actor.role == "admin")
        # 계정 and 마지막 로그인 are the accounts' security state, read by admins only
        # (accounts.accounts): hidden from others rather than shown empty
        for column in (5, 6):
            self.staff_table.setColumnHidden(column, ctx.actor.role != "admin")
        self.calendar.reload()
        self.retention.reload()
        self.backups.reload()

    def _show(self, overview) -> None:
        self._overview = overview
        profile = overview.profile
        if profile is not None:
            for field, value in zip((self.name, self.code, self.address, self.phone),
                                    (profile.name, profile.code, profile.address, profile.phone)):
                field.setText(value)
            hours = profile.hours
            for edit, value in zip(self.hour_edits, (hours.start, hours.lunch_start,
                                                     hours.lunch_end, hours.end)):
                edit.setTime(_qtime(value))
        refill(self.new_department, [(None, "—")] + [(d.id, d.name) for d in overview.departments])
        self.staff_model.set_rows(overview.staff)

    def _show_accounts(self, result) -> None:
        rows, minutes = result
        self._accounts = {row.staff_id: row for row in rows}
        self.idle_minutes.setValue(minutes)
        self.staff_model.retranslate()

    _accounts: dict = {}

    def _account_state(self, member) -> str:
        account = self._accounts.get(member.id)
        if account is None:
            return ""
        if account.locked:
            return self.tr("잠김")
        if not account.has_password:
            return self.tr("비밀번호 없음")
        return self.tr("임시 비밀번호") if account.must_change else self.tr("정상")

    def _last_login(self, member) -> str:
        account = self._accounts.get(member.id)
        when = account.last_login_at if account else None
        return when.strftime("%Y-%m-%d %H:%M") if when else ""

    def _department_name(self, department_id: int | None) -> str:
        departments = self._overview.departments if self._overview else []
        return next((d.name for d in departments if d.id == department_id), "")

    # --- actions --------------------------------------------------------------------------
    def _run_write(self, fn, status: QLabel, done_text: str, clear: tuple = ()) -> None:
        """Run a write in the lane; say the outcome beside the form. Fields are cleared only
        after the write succeeded, so nothing typed is lost on an error."""
        def done(changes) -> None:
            for field in clear:
                field.clear()
            status.setStyleSheet("color: #1b5e20;")
            status.setText(done_text)
            self.changed.emit(changes)

        def failed(error: BaseException) -> None:
            if isinstance(error, DomainError):
                status.setStyleSheet("color: #b00020; font-weight: bold;")
                status.setText(error_text(error))
            else:
                explain(self, self.tr("저장하지 못했습니다"), error)

        self.runner.run(lambda control: fn(), done, failed)

    def _save_office(self) -> None:
        hours = OfficeHours(*(time(e.time().hour(), e.time().minute()) for e in self.hour_edits))
        profile = OfficeProfile(self.name.text(), self.code.text(), self.address.text(),
                                self.phone.text(), hours)
        ctx = self.ctx
        self._run_write(lambda: office_service.update_office(ctx, profile), self.office_status,
                        self.tr("기관 정보를 저장했습니다."))

    def _add_staff(self) -> None:
        """A new account gets a temporary password, shown once here to hand over; its owner
        chooses their own at the first sign-in."""
        ctx, name, login = self.ctx, self.new_name.text(), self.new_login.text()
        role, department = self.new_role.currentData(), self.new_department.currentData()
        temporary = make_temporary_password()
        self._run_write(
            lambda: office_service.add_staff(ctx, name, login, role, department, temporary),
            self.people_status,
            with_particles(self.tr("직원 '{name}'을(를) 추가했습니다. 임시 비밀번호: {password} — "
                                   "본인에게 직접 전하십시오. 처음 로그인할 때 바꾸게 됩니다.").format(
                name=name, password=temporary)),
            clear=(self.new_name, self.new_login))

    def _reset_password(self) -> None:
        index = self.staff_table.currentIndex()
        if not index.isValid():
            self.people_status.setText(self.tr("비밀번호를 초기화할 직원을 표에서 고르십시오."))
            return
        member = self.staff_model.row(index.row())
        from pcrm_desktop.ui.account_dialogs import ResetPasswordDialog
        self.reset_dialog = ResetPasswordDialog(self.ctx, self.runner, member.login, member.name,
                                                self)
        self.reset_dialog.accepted.connect(lambda: (
            self.people_status.setStyleSheet("color: #1b5e20;"),
            self.people_status.setText(self.tr("{name} 님의 비밀번호를 초기화했습니다.").format(
                name=member.name)),
            self.changed.emit(frozenset({"staff"}))))
        self.reset_dialog.open()

    def _save_idle_minutes(self) -> None:
        ctx, minutes = self.ctx, self.idle_minutes.value()
        self._run_write(lambda: account_service.set_idle_minutes(ctx, minutes), self.people_status,
                        self.tr("자동 잠금 시간을 {n}분으로 정했습니다.").format(n=minutes))

    def _add_department(self) -> None:
        ctx, name = self.ctx, self.new_department_name.text()
        self._run_write(lambda: office_service.add_department(ctx, name), self.people_status,
                        with_particles(self.tr("부서 '{name}'을(를) 추가했습니다.").format(name=name)),
                        clear=(self.new_department_name,))

    def _toggle_staff(self) -> None:
        index = self.staff_table.currentIndex()
        if not index.isValid():
            return
        member = self.staff_model.row(index.row())
        ctx = self.ctx
        self._run_write(lambda: office_service.set_staff_active(ctx, member.login, not member.active),
                        self.people_status, self.tr("직원 상태를 바꿨습니다."))
