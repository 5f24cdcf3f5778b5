"""해피콜: choose a week's calls by the rule (a share of the cases closed, every long one, every
불수용), then work down the list recording each attempt (응답, 부재, 거절, 번호 오류)."""
from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.domain.happy_call import (
    OUTCOME_NAMES,
    REASON_NAMES,
    STATUS_NAMES,
    CallStatus,
    Outcome,
    Reason,
    SamplingRule,
    call_script,
)
from pcrm_desktop.services import happy_calls
from pcrm_desktop.ui import dialogs
from pcrm_desktop.ui.combo import refill
from pcrm_desktop.ui.i18n import Retranslatable
from pcrm_desktop.ui.labels import survey_choices
from pcrm_desktop.ui.table_model import RowsModel


def _name(names: dict, enum_type, code: str | None) -> str:
    from PySide6.QtCore import QCoreApplication
    if not code:
        return ""
    try:
        return QCoreApplication.translate("happy_call", names[enum_type(code)])
    except ValueError:
        return code


def _with_office(ctx, questionnaire):
    """The questionnaire whose opening line names this office (read in the task lane)."""
    from dataclasses import replace

    from pcrm_desktop.services import office
    profile = office.overview(ctx).profile
    return replace(questionnaire, intro=call_script(questionnaire.intro,
                                                    profile.name if profile else ""))


class HappyCallDialog(Retranslatable, QDialog):
    changed = Signal(object)

    def __init__(self, ctx, runner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("happyCallDialog")
        self.ctx, self.runner = ctx, runner
        self.survey_rows: list[dict] = []
        self._build_rule()
        self._build_table()
        self._build_call()
        self._lay_out()
        self._connect()
        self.retranslate_ui()
        self.resize(1100, 560)
        self.reload()
        self._load_surveys()

    # --- construction ---------------------------------------------------------------------
    def _build_rule(self) -> None:
        """The sampling rule (the week, the share, the long cases, every 불수용) and the view."""
        today = self.ctx.clock().date()
        self.week = QDateEdit(today - timedelta(days=today.weekday() + 7))  # last week's Monday
        self.week.setObjectName("happyWeek")
        self.week.setCalendarPopup(True)
        self.week.setDisplayFormat("yyyy-MM-dd")
        self.share = QSpinBox()
        self.share.setObjectName("happyShare")
        self.share.setRange(0, 100)
        self.share.setValue(10)
        self.share.setSuffix(" %")
        self.long_days = QSpinBox()
        self.long_days.setRange(1, 365)
        self.long_days.setValue(7)
        self.all_rejected = QCheckBox()
        self.all_rejected.setChecked(True)
        self.sample_button = QPushButton()
        self.sample_button.setObjectName("happySample")
        self.status = QComboBox()
        self.status.setObjectName("happyStatus")
        self.labels = [QLabel() for _ in range(4)]

    def _build_table(self) -> None:
        self.model = RowsModel([
            (lambda: self.tr("접수번호"), lambda r: r["receipt_no"]),
            (lambda: self.tr("제목"), lambda r: r["title"]),
            (lambda: self.tr("민원인"), lambda r: r["applicant"]),
            (lambda: self.tr("전화"), lambda r: r["phone"]),
            (lambda: self.tr("사유"), lambda r: _name(REASON_NAMES, Reason, r["reason"])),
            (lambda: self.tr("시도"), lambda r: r["attempts"]),
            (lambda: self.tr("마지막 결과"), lambda r: _name(OUTCOME_NAMES, Outcome, r["last_outcome"])),
            (lambda: self.tr("상태"), lambda r: _name(STATUS_NAMES, CallStatus, r["status"]))])
        self.table = QTableView()
        self.table.setObjectName("happyTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)

    def _build_call(self) -> None:
        """One call's controls: the survey to answer, the number, a note, the outcomes."""
        self.note = QLineEdit()
        self.note.setObjectName("happyNote")
        self.survey = QComboBox()
        self.survey.setObjectName("happySurvey")
        self.survey.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.survey_label = QLabel()
        self.reveal_button = QPushButton()
        self.reveal_button.setObjectName("happyReveal")
        self.outcome_buttons = {o: QPushButton() for o in Outcome}
        for outcome, button in self.outcome_buttons.items():
            button.setObjectName(f"outcome_{outcome.value}")
        self.info = QLabel()
        self.info.setObjectName("happyInfo")
        self.info.setWordWrap(True)
        self.close_button = QPushButton()
        self.close_button.setObjectName("happyClose")
        self.close_button.setAutoDefault(False)

    def _lay_out(self) -> None:
        rule = QHBoxLayout()
        for label, widget in zip(self.labels, (self.week, self.share, self.long_days)):
            rule.addWidget(label)
            rule.addWidget(widget)
        rule.addWidget(self.all_rejected)
        rule.addWidget(self.sample_button)
        rule.addStretch(1)
        rule.addWidget(self.labels[3])
        rule.addWidget(self.status)
        outcomes = QHBoxLayout()
        outcomes.addWidget(self.survey_label)
        outcomes.addWidget(self.survey)
        outcomes.addWidget(self.reveal_button)
        outcomes.addWidget(self.note, 1)
        for button in self.outcome_buttons.values():
            outcomes.addWidget(button)
        bottom = QHBoxLayout()
        bottom.addWidget(self.info, 1)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(rule)
        layout.addWidget(self.table, 1)
        layout.addLayout(outcomes)
        layout.addLayout(bottom)

    def _connect(self) -> None:
        self.reveal_button.clicked.connect(self.reveal_phone)
        for outcome, button in self.outcome_buttons.items():
            button.clicked.connect(lambda _=False, o=outcome: self.record(o))
        self.close_button.clicked.connect(self.reject)
        self.sample_button.clicked.connect(self.sample)
        self.status.currentIndexChanged.connect(lambda _: self.reload())

    def retranslate_ui(self) -> None:
        self.table.setAccessibleName(self.tr("해피콜 대상"))
        self.note.setAccessibleName(self.tr("통화 메모"))
        self.setWindowTitle(self.tr("해피콜"))
        for label, text in zip(self.labels, (self.tr("주 시작일"), self.tr("표본"),
                                             self.tr("처리 지연 기준(일)"), self.tr("보기"))):
            label.setText(text)
        self.all_rejected.setText(self.tr("불수용 모두"))
        self.sample_button.setText(self.tr("이 주의 통화 대상 뽑기"))
        self.close_button.setText(self.tr("닫기"))
        self.note.setPlaceholderText(self.tr("메모 (선택)"))
        self.survey_label.setText(self.tr("설문"))
        self.survey.setToolTip(self.tr("'응답'을 누르면 이 설문의 답을 입력하고 통화 결과와 함께 저장합니다."))
        self._fill_surveys(self.survey.currentData())
        self.reveal_button.setText(self.tr("번호 보기 (기록됨)"))
        self.reveal_button.setToolTip(self.tr("전화를 걸 번호를 보여 줍니다. 해피콜 사유로 접속기록에 남습니다."))
        for outcome, button in self.outcome_buttons.items():
            button.setText(_name(OUTCOME_NAMES, Outcome, outcome.value))
        self.status.blockSignals(True)
        refill(self.status, [(s.value, _name(STATUS_NAMES, CallStatus, s.value)) for s in CallStatus]
               + [("", self.tr("전체"))], CallStatus.PENDING.value)
        self.status.blockSignals(False)
        self.model.retranslate()

    def _load_surveys(self) -> None:
        from pcrm_desktop.services import surveys
        ctx = self.ctx
        self.runner.run(lambda control: ([r for r in surveys.surveys(ctx) if r["linked"]],
                                         surveys.phone_survey(ctx)),
                        lambda got: self._surveys_loaded(*got), lambda error: None)

    def _surveys_loaded(self, rows: list[dict], chosen: str) -> None:
        self.survey_rows = rows
        self._fill_surveys(chosen)
        self.survey.setCurrentIndex(max(0, self.survey.findData(chosen)))  # the office's choice

    def _fill_surveys(self, chosen: str | None) -> None:
        self.survey.blockSignals(True)
        refill(self.survey, survey_choices(self.survey_rows)
               + [("", self.tr("설문 없이 결과만"))], chosen or "")
        self.survey.blockSignals(False)

    def reload(self) -> None:
        ctx, status = self.ctx, self.status.currentData() or ""
        self.runner.run(lambda control: happy_calls.queue(ctx, status), self._show,
                        lambda error: dialogs.explain(self, self.tr("해피콜"), error))

    def _show(self, rows: list[dict]) -> None:
        self.model.set_rows(rows)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setStretchLastSection(True)

    def sample(self) -> None:
        ctx, week = self.ctx, self.week.date().toPython()
        rule = SamplingRule(self.share.value() / 100, self.long_days.value(),
                            self.all_rejected.isChecked())
        self.runner.run(lambda control: happy_calls.sample_week(ctx, week, rule), self._sampled,
                        lambda error: dialogs.explain(self, self.tr("해피콜"), error))

    def _sampled(self, done) -> None:
        self.info.setText(self.tr("{week} 주에 처리한 민원 {n}건 중 {k}건을 통화 대상으로 뽑았습니다.").format(
            week=self.week.date().toPython(), n=f"{done.considered:,}", k=f"{sum(done.chosen.values()):,}"))
        self.changed.emit(frozenset({"happy_calls"}))
        self.reload()

    def reveal_phone(self) -> None:
        """The full number to dial, recorded in the access log with the reason 해피콜."""
        from pcrm_desktop.services import citizens
        index = self.table.selectionModel().currentIndex()
        if not index.isValid():
            self.info.setText(self.tr("목록에서 통화할 민원을 고르십시오."))
            return
        row = self.model.row(index.row())
        ctx, citizen_id = self.ctx, row["citizen_id"]
        reason = self.tr("해피콜 {no}").format(no=row["receipt_no"])
        self.runner.run(lambda control: citizens.reveal(ctx, citizen_id, "phones", reason),
                        lambda phones: self.info.setText(self.tr("{no}: {phones}").format(
                            no=row["receipt_no"], phones=phones)),
                        lambda error: dialogs.explain(self, self.tr("해피콜"), error))

    def record(self, outcome: Outcome) -> None:
        index = self.table.selectionModel().currentIndex()
        if not index.isValid():
            self.info.setText(self.tr("목록에서 통화할 민원을 고르십시오."))
            return
        ctx, call_id, note = self.ctx, self.model.row(index.row())["id"], self.note.text()
        code = self.survey.currentData()
        if outcome is Outcome.ANSWERED and code:
            self.ask_answers(call_id, code, note)
            return None
        self.runner.run(lambda control: happy_calls.record_attempt(ctx, call_id, outcome, note),
                        self._recorded, lambda error: dialogs.explain(self, self.tr("해피콜"), error))
        return None

    def ask_answers(self, call_id: int, code: str, note: str) -> None:
        """응답 with a survey: its questions keyed during the call, then the attempt and the
        answers stored together (linked to the 민원; a low OVERALL asks a manager to call back).
        The questionnaire is read in the background like every other read."""
        from pcrm_desktop.services import surveys
        ctx = self.ctx
        self.runner.run(lambda control: _with_office(ctx, surveys.questionnaire(ctx, code)[1]),
                        lambda questionnaire: self._answer_form(call_id, code, note, questionnaire),
                        lambda error: dialogs.explain(self, self.tr("해피콜"), error))

    def _answer_form(self, call_id: int, code: str, note: str, questionnaire):
        from pcrm_desktop.ui.paper_entry import PaperEntryDialog
        ctx = self.ctx

        def store(answers: dict, seconds: int):
            return happy_calls.record_attempt(ctx, call_id, Outcome.ANSWERED, note, survey=code,
                                              answers=answers, seconds=seconds)
        self.answer_dialog = PaperEntryDialog(ctx, self.runner, code, questionnaire, self, store=store)
        self.answer_dialog.changed.connect(self._recorded)
        self.answer_dialog.open()
        return self.answer_dialog

    def _recorded(self, changes) -> None:
        self.note.clear()
        self.info.setText(self.tr("기록했습니다."))
        self.changed.emit(changes)
        self.reload()
