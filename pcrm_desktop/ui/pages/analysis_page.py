"""분석·개선, the PCRM cycle's analyse–act–evaluate: the customer groups (and channels, 동) with
their gaps flagged only when significant, importance–performance of the survey items, and the
improvement actions made from any of those figures, evaluated by the same figure later."""
from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.domain.actions import METRICS, STATUS_NAMES, ActionStatus, Draft
from pcrm_desktop.domain.errors import DomainError
from pcrm_desktop.domain.survey_stats import estimate_text
from pcrm_desktop.ui import dialogs
from pcrm_desktop.ui.charts import IpaChart
from pcrm_desktop.ui.column_fit import before_brackets, content, fit_columns, stretch, text
from pcrm_desktop.ui.combo import refill
from pcrm_desktop.ui.i18n import error_text
from pcrm_desktop.ui.labels import item_label, survey_choices
from pcrm_desktop.ui.pages.base import Page, heading
from pcrm_desktop.ui.table_model import RowsModel, figures_table

MANAGERS = ("admin", "manager")



def _tr(context: str, text: str) -> str:
    from PySide6.QtCore import QCoreApplication
    return QCoreApplication.translate(context, text)


def figure_text(e, unit: str = "", digits: int = 1) -> str:
    return estimate_text(e, digits, unit, _tr("SurveysPage", "참고"))


def gap_text(change, better_up: bool | None) -> str:
    """▲/▼ and 높음/낮음 only for a significant gap; otherwise nothing to flag."""
    if change is None:
        return ""
    if not change.significant:
        return "—"
    arrow = "▲" if change.difference > 0 else "▼"
    worse = better_up is not None and (change.difference > 0) != better_up
    worse_text = QCoreApplication.translate("AnalysisPage", "불리") if worse else ""
    return f"{arrow} {change.difference:+.1f}" + (f" {worse_text}" if worse else "")


class ActionDialog(QDialog):
    """A new improvement action on one figure; the figure's current value is kept with it."""

    def __init__(self, ctx, runner, staff: list, figure_key: str, metric: str, label: str,
                 first: date, last: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("actionDialog")
        self.ctx, self.runner = ctx, runner
        self.figure = (figure_key, metric, label, first, last)
        self.setWindowTitle(self.tr("개선과제 만들기"))
        self.title = QLineEdit()
        self.title.setObjectName("actionTitle")
        self.measure = QPlainTextEdit()
        self.measure.setObjectName("actionMeasure")
        self.measure.setMaximumHeight(100)
        self.owner = QComboBox()
        self.owner.setObjectName("actionOwner")
        refill(self.owner, [(None, self.tr("(정하지 않음)"))] + [(m.id, m.name) for m in staff if m.active])
        today = ctx.clock().date()
        self.due = QDateEdit(QDate(today + timedelta(days=60)))
        self.due.setObjectName("actionDue")
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("yyyy-MM-dd")
        self.error = QLabel()
        self.error.setStyleSheet("color: #b03a2e;")
        self.error.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("수치"), QLabel(f"{label} ({first} ~ {last})"))
        form.addRow(self.tr("제목 *"), self.title)
        form.addRow(self.tr("개선 조치"), self.measure)
        form.addRow(self.tr("담당"), self.owner)
        form.addRow(self.tr("기한"), self.due)
        form.addRow(self.error)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.resize(560, 340)
        self.action_id: int | None = None

    def save(self) -> None:
        from pcrm_desktop.services import actions
        key, metric, label, first, last = self.figure
        draft = Draft(self.title.text(), self.measure.toPlainText(), key, metric, label, first, last,
                      self.owner.currentData(), self.due.date().toPython())
        ctx = self.ctx
        self.buttons.setEnabled(False)
        self.runner.run(lambda control: actions.create(ctx, draft), self._saved, self._refused)

    def _saved(self, action_id: int) -> None:
        self.action_id = action_id
        self.buttons.setEnabled(True)
        self.accept()

    def _refused(self, error) -> None:
        self.buttons.setEnabled(True)
        if isinstance(error, DomainError):
            self.error.setText(error_text(error))
        else:
            dialogs.explain(self, self.windowTitle(), error)


class AnalysisPage(Page):
    changed = Signal(object)
    depends_on = frozenset({"complaints", "surveys", "actions", "citizens"})
    METRIC_UNITS = {"on_time": "%", "days": "일", "satisfaction": "점", "per_thousand": "", "received": "건"}

    def __init__(self, ctx, runner) -> None:
        super().__init__()
        self.setObjectName("analysisPage")
        self.ctx, self.runner = ctx, runner
        self.manager = ctx.actor.role in MANAGERS
        self.staff: list = []
        self.title = heading()
        today = ctx.clock().date()
        start = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
        start = (start - timedelta(days=1)).replace(day=1)          # the last three months
        self.first = QDateEdit(QDate(start))
        self.first.setObjectName("analysisFrom")
        self.last = QDateEdit(QDate(today))
        self.last.setObjectName("analysisTo")
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("analysisTabs")
        self.tabs.addTab(self._groups_tab(), "")
        self.tabs.addTab(self._ipa_tab(), "")
        self.tabs.addTab(self._actions_tab(), "")
        self.period_labels = [QLabel(), QLabel()]
        bar = QHBoxLayout()
        bar.addWidget(self.period_labels[0])
        bar.addWidget(self.first)
        bar.addWidget(self.period_labels[1])
        bar.addWidget(self.last)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        self.first.dateChanged.connect(lambda _: self.reload())
        self.last.dateChanged.connect(lambda _: self.reload())
        self.retranslate_ui()
        self.reload()

    # --- construction ---------------------------------------------------------------------
    def _groups_tab(self) -> QWidget:
        box = QWidget()
        self.by = QComboBox()
        self.by.setObjectName("groupsBy")
        self.by.currentIndexChanged.connect(lambda _: self.load_groups())
        self.metric_choice = QComboBox()  # not "metric": that name is QWidget.metric(), which Qt calls
        self.metric_choice.setObjectName("actionMetric")
        self.new_action = QPushButton()
        self.new_action.setObjectName("newAction")
        self.new_action.setVisible(self.manager)
        self.new_action.clicked.connect(self.make_action)
        self.groups_model = RowsModel([
            (lambda: self.tr("구분"), lambda g: self.tr("전체") if g.key == "all" else g.label),
            (lambda: self.tr("주민"), lambda g: "—" if g.residents is None else f"{g.residents:,}"),
            (lambda: self.tr("민원"), lambda g: f"{g.received:,}"),
            (lambda: self.tr("1,000명당"), lambda g: "—" if g.per_thousand is None else f"{g.per_thousand:.1f}"),
            (lambda: self.tr("처리", "finished count"), lambda g: f"{g.finished:,}"),
            (lambda: self.tr("기한 내 처리율"), lambda g: figure_text(g.on_time, "%")),
            (lambda: self.tr("격차"), lambda g: "" if g.key == "all" else gap_text(g.on_time_gap, True)),
            (lambda: self.tr("처리일수"), lambda g: figure_text(g.days, self.tr("일", "days"))),
            (lambda: self.tr("격차"), lambda g: "" if g.key == "all" else gap_text(g.days_gap, False)),
            (lambda: self.tr("만족도"), lambda g: figure_text(g.satisfaction)),
            (lambda: self.tr("n"), lambda g: f"{g.satisfaction.n:,}"),
            (lambda: self.tr("격차"), lambda g: "" if g.key == "all" else gap_text(g.satisfaction_gap, True))])
        self.groups = self._table(self.groups_model, "groupsTable")
        rate = text(least="100.0%", short=before_brackets)
        days = text(least=lambda: "10.0 " + self.tr("일", "days"), short=before_brackets)
        fit_columns(self.groups, [stretch(), content(), content(), content(), content(), rate, content(),
                                  days, content(), text(least="100.0", short=before_brackets),
                                  content(), content()])
        self.groups_note = QLabel()
        self.groups_note.setWordWrap(True)
        self.groups_note.setStyleSheet("color: #555;")
        bar = QHBoxLayout()
        self.by_label = QLabel()
        bar.addWidget(self.by_label)
        bar.addWidget(self.by)
        bar.addStretch(1)
        bar.addWidget(self.metric_choice)
        bar.addWidget(self.new_action)
        layout = QVBoxLayout(box)
        layout.addLayout(bar)
        layout.addWidget(self.groups, 1)
        layout.addWidget(self.groups_note)
        return box

    def _ipa_tab(self) -> QWidget:
        box = QWidget()
        self.survey = QComboBox()
        self.survey.setObjectName("ipaSurvey")
        self.survey.currentIndexChanged.connect(lambda _: self.load_ipa())
        self.ipa_chart = IpaChart()
        self.ipa_text = QLabel()
        self.ipa_text.setObjectName("ipaText")
        self.ipa_text.setWordWrap(True)
        self.survey_label = QLabel()
        bar = QHBoxLayout()
        bar.addWidget(self.survey_label)
        bar.addWidget(self.survey)
        bar.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addLayout(bar)
        layout.addWidget(self.ipa_chart, 1)
        layout.addWidget(self.ipa_text)
        return box

    def _actions_tab(self) -> QWidget:
        box = QWidget()
        self.actions_model = RowsModel([
            (lambda: self.tr("제목"), lambda a: a["title"]),
            (lambda: self.tr("수치"), lambda a: a["figure_label"]),
            (lambda: self.tr("기준"), lambda a: self._stored(a, "baseline")),
            (lambda: self.tr("담당"), lambda a: a.get("owner") or ""),
            (lambda: self.tr("기한"), lambda a: str(a["due_on"] or "")),
            (lambda: self.tr("상태"), lambda a: _tr("actions", STATUS_NAMES[ActionStatus(a["status"])])),
            (lambda: self.tr("평가"), lambda a: self._stored(a, "after")),
            (lambda: self.tr("판정"), lambda a: a["evaluation"])])
        self.actions = self._table(self.actions_model, "actionsTable")
        figure = text(least="100.0", short=before_brackets)
        fit_columns(self.actions, [stretch(), text(), figure, content(), content(), content(), figure, text()])
        self.action_buttons = {key: QPushButton() for key in ("start", "done", "evaluate", "drop")}
        bar = QHBoxLayout()
        for key, button in self.action_buttons.items():
            button.setObjectName(f"action_{key}")
            button.setVisible(self.manager)
            bar.addWidget(button)
        bar.addStretch(1)
        self.action_buttons["start"].clicked.connect(lambda: self.move(ActionStatus.IN_PROGRESS))
        self.action_buttons["done"].clicked.connect(lambda: self.move(ActionStatus.DONE))
        self.action_buttons["drop"].clicked.connect(lambda: self.move(ActionStatus.DROPPED))
        self.action_buttons["evaluate"].clicked.connect(self.evaluate)
        self.action_info = QLabel()
        self.action_info.setObjectName("actionInfo")
        self.action_info.setWordWrap(True)
        layout = QVBoxLayout(box)
        layout.addWidget(self.actions, 1)
        layout.addLayout(bar)
        layout.addWidget(self.action_info)
        return box

    def _table(self, model, name: str) -> QTableView:
        return figures_table(model, name)

    @staticmethod
    def _stored(row: dict, which: str) -> str:
        """A kept figure, shown by the same rule as everywhere (hidden under n 30)."""
        from pcrm_desktop.domain.actions import stored_after, stored_before
        return figure_text(stored_before(row) if which == "baseline" else stored_after(row))

    # --- texts ----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.groups.setAccessibleName(self.tr("고객집단·경로·동별 결과"))
        self.actions.setAccessibleName(self.tr("개선과제 목록"))
        self.metric_choice.setAccessibleName(self.tr("지표"))
        self.title.setText(self.tr("분석·개선"))
        self.period_labels[0].setText(self.tr("기간"))
        self.period_labels[1].setText("~")
        self.tabs.setTabText(0, self.tr("고객집단·경로·동"))
        self.tabs.setTabText(1, self.tr("중요도-성과 (IPA)"))
        self.tabs.setTabText(2, self.tr("개선과제"))
        self.by_label.setText(self.tr("구분"))
        self.survey_label.setText(self.tr("설문"))
        refill(self.by, [("group", self.tr("고객집단")), ("channel", self.tr("접수 경로")),
                         ("dong", self.tr("동"))], self.by.currentData() or "group")
        refill(self.metric_choice, [(m, _tr("actions", METRICS[m][0])) for m in
                             ("on_time", "days", "satisfaction", "per_thousand")],
               self.metric_choice.currentData() or "on_time")
        self.new_action.setText(self.tr("이 수치로 개선과제 만들기…"))
        self.new_action.setToolTip(self.tr(
            "표에서 고른 줄과 옆의 지표로 개선과제를 만들고, 지금의 값을 기준으로 남깁니다."))
        for key, caption in (("start", self.tr("진행 시작")), ("done", self.tr("조치 완료")),
                             ("evaluate", self.tr("평가…")), ("drop", self.tr("취소"))):
            self.action_buttons[key].setText(caption)
        self.groups_note.setText(self.tr(
            "격차는 그 줄과 나머지 모두를 비교해 통계적으로 유의할 때(5%)만 ▲▼로 표시하고, "
            "처리일수는 길수록, 다른 지표는 낮을수록 '불리'입니다. "
            "만족도는 민원·주민과 연결된 응답만, n 30 미만은 숨김, 30–49는 참고. "
            "연령 집단(어르신·청년)은 출생연도로, 나머지 집단은 지금의 소속으로 셉니다."))
        for model in (self.groups_model, self.actions_model):
            model.retranslate()

    # --- loading --------------------------------------------------------------------------
    def period(self) -> tuple[date, date]:
        return self.first.date().toPython(), self.last.date().toPython()

    def reload(self) -> None:
        from pcrm_desktop.services import office, surveys
        ctx = self.ctx
        self.load_groups()
        self.load_actions()
        self.runner.run(lambda control: ([r for r in surveys.surveys(ctx)],
                                         office.overview(ctx).staff),
                        self._lists, lambda error: None)

    def _lists(self, got) -> None:
        rows, self.staff = got
        self.survey.blockSignals(True)
        refill(self.survey, survey_choices(rows),
               self.survey.currentData() or (rows[0]["code"] if rows else None))
        self.survey.blockSignals(False)
        self.load_ipa()

    def load_groups(self) -> None:
        from pcrm_desktop.services import analysis
        ctx, by = self.ctx, self.by.currentData() or "group"
        first, last = self.period()
        self.runner.run(lambda control: analysis.group_table(ctx, first, last, by),
                        self.groups_model.set_rows,
                        lambda error: dialogs.explain(self, self.tr("분석·개선"), error))

    def load_ipa(self) -> None:
        from pcrm_desktop.services import analysis
        code = self.survey.currentData()
        if not code:
            return
        ctx = self.ctx
        first, last = self.period()
        self.runner.run(lambda control: analysis.ipa(ctx, code, first, last), self._show_ipa,
                        lambda error: dialogs.explain(self, self.tr("분석·개선"), error))

    def _show_ipa(self, ipa) -> None:
        self.ipa = ipa
        self.ipa_chart.set_ipa(ipa)
        if not ipa.enough:
            self.ipa_text.setText(self.tr(
                "응답 {n}건: 100건 이상이어야 문항별 중요도를 믿을 만하게 셀 수 있습니다.").format(
                n=f"{ipa.responses:,}"))
            return
        names = {i.code: item_label(i.label) for i in ipa.items}
        self.ipa_text.setText(self.tr(
            "응답 {n}건. 중요도 = 그 문항과 전반적 만족의 상관계수, 성과 = 100점 점수; 점선은 평균. "
            "먼저 고칠 문항(중요한데 성과가 평균보다 낮음): {items}").format(
                n=f"{ipa.responses:,}", items=", ".join(names.get(c, c) for c in ipa.fix_first) or self.tr("없음")))

    def load_actions(self) -> None:
        from pcrm_desktop.services import actions
        ctx = self.ctx
        self.runner.run(lambda control: actions.actions(ctx), self._actions_loaded, lambda error: None)

    def _actions_loaded(self, rows: list[dict]) -> None:
        self.actions_model.set_rows(rows)
        hint = self.tr("개선과제가 아직 없습니다. [고객집단·경로·동] 탭의 표에서 개선할 줄을 고르고 "
                       "[이 수치로 개선과제 만들기…]를 누르면 지금의 값을 기준으로 과제가 생깁니다(팀장·관리자).")
        if not rows:  # an empty list says how a task is made (and by whom)
            self.action_info.setText(hint)
        elif self.action_info.text() == hint:
            self.action_info.clear()

    def show_tab(self, tab: str) -> None:
        self.tabs.setCurrentIndex({"groups": 0, "ipa": 1, "actions": 2}.get(tab, 0))

    # --- actions --------------------------------------------------------------------------
    def make_action(self):
        index = self.groups.selectionModel().currentIndex()
        if not index.isValid():
            dialogs.show_info(self, self.tr("개선과제"), self.tr("표에서 개선할 줄을 고르십시오."))
            return None
        row = self.groups_model.row(index.row())
        metric = self.metric_choice.currentData()
        first, last = self.period()
        label = f"{row.label} · {_tr('actions', METRICS[metric][0])}"
        dialog = ActionDialog(self.ctx, self.runner, self.staff, row.key, metric, label, first, last, self)
        dialog.accepted.connect(lambda: self._action_made(dialog))
        dialog.open()
        return dialog

    def _action_made(self, dialog: ActionDialog) -> None:
        self.changed.emit(frozenset({"actions"}))
        self.tabs.setCurrentIndex(2)

    def _selected_action(self) -> dict | None:
        index = self.actions.selectionModel().currentIndex()
        if not index.isValid():
            dialogs.show_info(self, self.tr("개선과제"), self.tr("목록에서 개선과제를 고르십시오."))
            return None
        return self.actions_model.row(index.row())

    def move(self, status: ActionStatus) -> None:
        from pcrm_desktop.services import actions
        row = self._selected_action()
        if row is None:
            return
        ctx = self.ctx
        self.runner.run(lambda control: actions.move(ctx, row["id"], row["version"], status),
                        self.changed.emit, lambda error: dialogs.explain(self, self.tr("개선과제"), error))

    def evaluate(self, period: tuple[date, date] | None = None) -> None:
        """The same figure over a later period (asked for, by default from the day after the
        baseline to today), beside the one kept at creation."""
        from pcrm_desktop.services import actions
        row = self._selected_action()
        if row is None:
            return
        if period is None:
            period = dialogs.ask_period(self, self.tr("평가 기간"), row["baseline_last"] + timedelta(days=1),
                                        self.ctx.clock().date())
            if period is None:
                return
        ctx, first, last = self.ctx, *period
        self.runner.run(lambda control: actions.evaluate(ctx, row["id"], row["version"], first, last),
                        lambda result: self._evaluated(row, result),
                        lambda error: dialogs.explain(self, self.tr("개선과제"), error))

    def unit_text(self, unit: str) -> str:
        """A metric's unit after its figure, in the screen's language ("일" is days here)."""
        return {"일": self.tr("일", "days"), "점": self.tr("점"), "건": self.tr("건")}.get(unit, unit)

    def _evaluated(self, row: dict, result) -> None:
        unit = self.METRIC_UNITS.get(row["metric"], "")
        unit = self.unit_text(unit)
        before = figure_text(result.before, unit)
        after = figure_text(result.after, unit)
        self.action_info.setText(self.tr("{title}: {before} → {after} — {verdict}").format(
            title=row["title"], before=before, after=after, verdict=result.verdict))
        self.changed.emit(frozenset({"actions"}))

