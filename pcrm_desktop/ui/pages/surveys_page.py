"""만족도 조사: a survey's month at a glance (the indices with n and 95 % ranges, the items as
a chart, the change from last month with an arrow only when significant, breakdowns, quality
flags) and the work around it: new surveys, paper entry, kiosk setup, callbacks, export."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from pcrm_desktop.services import surveys
from pcrm_desktop.ui import dialogs
from pcrm_desktop.ui.charts import ScoreChart
from pcrm_desktop.ui.column_fit import before_brackets, content, fit_columns, stretch, text
from pcrm_desktop.ui.combo import refill
from pcrm_desktop.ui.fitting import AdaptiveSplitter, CardRow, FlowRow
from pcrm_desktop.ui.labels import item_name
from pcrm_desktop.ui.pages.base import Page, heading
from pcrm_desktop.ui.pages.survey_figures import Card, change_text, figure, interval
from pcrm_desktop.ui.table_model import RowsModel, figures_table

SURVEY_MANAGERS = ("admin", "manager")


@dataclass(frozen=True)
class Results:
    trend: surveys.Trend
    groups: list
    flagged: list
    callbacks: list
    by: str = "mode"
    version: int = 0                 # the survey's current questionnaire, read with the figures
    questionnaire: object = None


class SurveysPage(Page):
    changed = Signal(object)
    depends_on = frozenset({"surveys", "happy_calls"})

    def __init__(self, ctx, runner) -> None:
        super().__init__()
        self.setObjectName("surveysPage")
        self.ctx, self.runner = ctx, runner
        self.results: Results | None = None
        self.title = heading()
        manager = ctx.actor.role in SURVEY_MANAGERS
        bar = self._build_bar(manager)
        cards = self._build_cards()
        self._build_tables()
        self._build_tabs(manager)
        split = self._build_split()
        self._lay_out(bar, cards, split)
        self._connect()
        self.retranslate_ui()
        self.reload()

    # --- construction ---------------------------------------------------------------------
    def _build_bar(self, manager: bool) -> QHBoxLayout:
        """The survey and month shown, and what may be done with them (by role)."""
        self.survey = QComboBox()
        self.survey.setObjectName("surveyCombo")
        self.survey.setMinimumWidth(360)
        self.month = QDateEdit(QDate(self.ctx.clock().date()))
        self.month.setObjectName("surveyMonth")
        self.month.setDisplayFormat("yyyy-MM")
        self.by = QComboBox()
        self.by.setObjectName("surveyBreakdown")
        self.buttons = {key: QPushButton() for key in (
            "new", "edit", "paper", "kiosk", "export", "callback")}
        for key, button in self.buttons.items():
            button.setObjectName(f"survey_{key}")
        for key in ("new", "edit", "export", "callback"):
            self.buttons[key].setVisible(manager)
        self.buttons["kiosk"].setVisible(self.ctx.actor.role == "admin")
        self.labels = [QLabel(), QLabel(), QLabel()]
        bar = QHBoxLayout()
        bar.addWidget(self.labels[0])
        bar.addWidget(self.survey)
        bar.addWidget(self.labels[1])
        bar.addWidget(self.month)
        bar.addSpacing(12)
        # the buttons go on to a second line when the row is short of room (150 % text)
        bar.addWidget(FlowRow([self.buttons[key] for key in ("paper", "new", "edit", "kiosk", "export")]), 1)
        return bar

    def _build_cards(self) -> CardRow:
        self.cards = {key: Card(f"card_{key}") for key in (
            "overall", "elements", "cs", "nps", "responses", "rate")}
        return CardRow(list(self.cards.values()))

    def _build_tables(self) -> None:
        """The items' scores, the breakdown, the responses flagged for quality, the callbacks."""
        self.items_model = RowsModel([
            (lambda: self.tr("문항"), lambda r: r[0]),
            (lambda: self.tr("점수 (100점)"), lambda r: figure(r[1])),
            (lambda: self.tr("95% 범위"), lambda r: interval(r[1])),
            (lambda: self.tr("n"), lambda r: f"{r[1].n:,}"),
            (lambda: self.tr("해당없음"), lambda r: f"{r[1].not_applicable:,}"),
            (lambda: self.tr("무응답"), lambda r: f"{r[1].skipped:,}"),
            (lambda: self.tr("전월 대비"), lambda r: change_text(r[2]))])
        self.items = self._table(self.items_model, "surveyItems")
        self.chart = ScoreChart()
        self.groups_model = RowsModel([
            (lambda: self.tr("구분"), lambda g: self.group_name(g.label)),
            (lambda: self.tr("민원만족도"), lambda g: figure(g.score)),
            (lambda: self.tr("95% 범위"), lambda g: interval(g.score)),
            (lambda: self.tr("n"), lambda g: f"{g.score.n:,}")])
        self.groups = self._table(self.groups_model, "surveyGroups")
        self.flagged_model = RowsModel([
            (lambda: self.tr("응답"), lambda r: f"#{r[0]}"),
            (lambda: self.tr("일시"), lambda r: str(r[1])[:16]),
            (lambda: self.tr("방식"), lambda r: self.mode_name(r[2])),
            (lambda: self.tr("걸린 시간(초)"), lambda r: "" if r[3] is None else r[3]),
            (lambda: self.tr("표시"), lambda r: self.flag_names(r[4]))])
        self.flagged = self._table(self.flagged_model, "surveyFlagged")
        self.callbacks_model = RowsModel([
            (lambda: self.tr("접수번호"), lambda r: r["receipt_no"] or ""),
            (lambda: self.tr("제목"), lambda r: r["title"] or ""),
            (lambda: self.tr("민원인"), lambda r: r["applicant"]),
            (lambda: self.tr("사유"), lambda r: self.reason_text(r["reason"])),
            (lambda: self.tr("요청 시각"), lambda r: str(r["created_at"])[:16])])
        self.callbacks = self._table(self.callbacks_model, "surveyCallbacks")
        self._fit_tables()

    def _build_tabs(self, manager: bool) -> None:
        self.quality_label, self.groups_label = QLabel(), QLabel()
        self.quality_label.setWordWrap(True)
        group_bar = QHBoxLayout()
        group_bar.addWidget(self.groups_label)
        group_bar.addWidget(self.by)
        group_bar.addStretch(1)
        groups_box = QWidget()
        groups_layout = QVBoxLayout(groups_box)
        groups_layout.addLayout(group_bar)
        groups_layout.addWidget(self.groups)
        quality_box = QWidget()
        quality_layout = QVBoxLayout(quality_box)
        quality_layout.addWidget(self.quality_label)
        quality_layout.addWidget(self.flagged)
        callbacks_box = QWidget()
        callbacks_layout = QVBoxLayout(callbacks_box)
        callbacks_layout.addWidget(self.callbacks)
        callback_bar = QHBoxLayout()
        callback_bar.addStretch(1)
        callback_bar.addWidget(self.buttons["callback"])
        callbacks_layout.addLayout(callback_bar)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("surveyTabs")
        self.tabs.addTab(self.items, "")
        self.tabs.addTab(groups_box, "")
        self.tabs.addTab(quality_box, "")
        if manager:
            self.tabs.addTab(callbacks_box, "")
        else:  # kept (hidden) so the page's buttons and models stay whole for every role
            callbacks_box.setParent(self)
            callbacks_box.hide()

    def _build_split(self) -> AdaptiveSplitter:
        split = AdaptiveSplitter(follow_contents=True)  # the chart below the tables at 150 % text
        split.addWidget(self.tabs)
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.addWidget(self.labels[2])
        chart_layout.addWidget(self.chart)
        chart_layout.addStretch(1)
        split.addWidget(chart_box)
        split.setSizes([620, 480])
        return split

    def _lay_out(self, bar: QHBoxLayout, cards: CardRow, split: AdaptiveSplitter) -> None:
        self.note = QLabel()
        self.note.setObjectName("surveyNote")
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #555;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(bar)
        layout.addWidget(cards)
        layout.addWidget(split, 1)
        layout.addWidget(self.note)

    def _connect(self) -> None:
        self.survey.currentIndexChanged.connect(lambda _: self.load_results())
        self.month.dateChanged.connect(lambda _: self.load_results())
        self.by.currentIndexChanged.connect(lambda _: self.load_results())
        self.buttons["new"].clicked.connect(self.new_survey)
        self.buttons["edit"].clicked.connect(self.edit_survey)
        self.buttons["paper"].clicked.connect(self.paper_entry)
        self.buttons["kiosk"].clicked.connect(self.kiosk_setup)
        self.buttons["export"].clicked.connect(self.export_answers)
        self.buttons["callback"].clicked.connect(self.close_callback)

    def _table(self, model, name: str) -> QTableView:
        return figures_table(model, name)

    def _fit_tables(self) -> None:
        """Every last column in view at 150 % text: names and titles shortened, a figure
        without its bracketed n when short of room (column_fit.py)."""
        score = text(least="100.0", short=before_brackets)
        fit_columns(self.items, [stretch(), score, content(), content(), content(), content(),
                                 text(least="+10.0", short=before_brackets)])
        fit_columns(self.groups, [text(), score, content(), content()])
        fit_columns(self.flagged, [content(), content(), content(), content(), stretch()])
        fit_columns(self.callbacks, [content(), stretch(), content(), text(), content()])

    # --- texts ----------------------------------------------------------------------------
    def retranslate_ui(self) -> None:
        self.items.setAccessibleName(self.tr("문항별 결과"))
        self.groups.setAccessibleName(self.tr("구분별 결과"))
        self.flagged.setAccessibleName(self.tr("응답 품질 검토 목록"))
        self.callbacks.setAccessibleName(self.tr("관리자 회신 요청 목록"))
        self.title.setText(self.tr("만족도 조사"))
        for label, caption in zip(self.labels, (self.tr("설문"), self.tr("월", "month"),
                                                self.tr("문항별 점수 (100점, 막대 끝 선 = 95% 범위)"))):
            label.setText(caption)
        names = {"new": self.tr("새 설문…"), "edit": self.tr("문항 편집…"),
                 "paper": self.tr("서면 입력…"), "kiosk": self.tr("키오스크 설정…"),
                 "export": self.tr("응답 내보내기…"), "callback": self.tr("회신 완료 기록…")}
        for key, caption in names.items():
            self.buttons[key].setText(caption)
        self.buttons["paper"].setToolTip(self.tr("종이 설문지를 키보드만으로 입력합니다 (이중 입력 가능)."))
        self.tabs.setTabText(0, self.tr("문항별"))
        self.tabs.setTabText(1, self.tr("구분별"))
        self.tabs.setTabText(2, self.tr("응답 품질"))
        if self.tabs.count() > 3:
            count = len(self.results.callbacks) if self.results else 0
            self.tabs.setTabText(3, self.tr("관리자 회신 ({n})").format(n=count))
        self.groups_label.setText(self.tr("구분"))
        self.by.blockSignals(True)
        refill(self.by, [("mode", self.tr("응답 방식")), ("channel", self.tr("접수 경로")),
                         ("type", self.tr("민원 유형")), ("category", self.tr("민원 분류")),
                         ("department", self.tr("부서")), ("group", self.tr("고객 그룹"))],
               self.by.currentData() or "mode")
        self.by.blockSignals(False)
        self.note.setText(self.tr(
            "점수 = (평균−1)/(k−1)×100. 민원만족도 = 전반적 만족, 요소만족도 = 요소 문항 평균,"
            " 종합 CS 지수 = 0.3×민원만족도 + 0.5×요소만족도 + 0.2×추천(100점). n 30 미만은 표시하지 않고,"
            " 30–49는 '참고'. 전월 대비 화살표는 통계적으로 유의할 때만(5%) 붙습니다. 해당없음은 분모에서 뺍니다."))
        for model in (self.items_model, self.groups_model, self.flagged_model, self.callbacks_model):
            model.retranslate()
        self._show_results()

    def reason_text(self, reason: str) -> str:
        """A call-back's reason as stored ("OVERALL 2점", domain.surveys.callback_reason) in words."""
        match = re.fullmatch(r"OVERALL (\d+)점", reason or "")
        return self.tr("전반적 만족 {n}점").format(n=match.group(1)) if match else reason

    def mode_name(self, mode: str) -> str:
        return {"kiosk": self.tr("키오스크"), "phone": self.tr("전화"), "paper": self.tr("서면"),
                "import": self.tr("가져오기")}.get(mode, mode)

    def group_name(self, label: str) -> str:
        """A breakdown's label: a survey mode or a 접수 경로 by its name, anything else (a
        department, a category) as stored."""
        by = self.results.by if self.results else ""
        if by == "mode":
            return self.mode_name(label)
        if by == "channel":
            from pcrm_desktop.ui.complaint_labels import channel_name
            return channel_name(label)
        return label

    def flag_names(self, flags: str) -> str:
        names = {"straight_lined": self.tr("모두 같은 답"), "too_fast": self.tr("너무 빠름")}
        return ", ".join(names.get(f, f) for f in flags.split(",") if f)

    # --- loading --------------------------------------------------------------------------
    def reload(self) -> None:
        ctx = self.ctx
        self.runner.run(lambda control: surveys.surveys(ctx), self._show_surveys,
                        lambda error: dialogs.explain(self, self.tr("만족도 조사"), error))

    def _show_surveys(self, rows: list[dict]) -> None:
        current = self.survey.currentData()
        self.survey.blockSignals(True)
        refill(self.survey, [(r["code"], self.tr("{title} (v{version}, {kind}, 전체 응답 {n:,})").format(
            title=r["title"], version=r["version"],
            kind=self.tr("연결") if r["linked"] else self.tr("익명"), n=r["responses"]))
            for r in rows], current or (rows[0]["code"] if rows else None))
        self.survey.blockSignals(False)
        self.survey_rows = {r["code"]: r for r in rows}
        self.buttons["edit"].setEnabled(bool(rows))
        self.load_results()

    def load_results(self) -> None:
        code = self.survey.currentData()
        if not code:
            self.results = None
            self._show_results()
            return
        ctx, by = self.ctx, self.by.currentData() or "mode"
        month = self.month.date().toPython().replace(day=1)
        manager = ctx.actor.role in SURVEY_MANAGERS

        def work(control) -> Results:
            trend = surveys.month_trend(ctx, code, month)
            groups = surveys.breakdown(ctx, code, trend.current.first, trend.current.last, by)
            flagged = surveys.flagged(ctx, code, trend.current.first, trend.current.last)
            version, questionnaire = surveys.questionnaire(ctx, code)
            return Results(trend, groups, flagged, surveys.callbacks(ctx) if manager else [], by,
                           version, questionnaire)
        self.runner.run(work, self._loaded,
                        lambda error: dialogs.explain(self, self.tr("만족도 조사"), error))

    def _loaded(self, results: Results) -> None:
        self.results = results
        self.retranslate_ui()

    def _show_results(self) -> None:
        r = self.results
        if r is None:
            for card in self.cards.values():
                card.show_figure("", "—", "")
            self.items_model.set_rows([])
            self.chart.set_rows([])
            return
        s, trend = r.trend.current, r.trend
        labels = {code: item_name(code) for code in (*s.items, "OVERALL")}
        self.cards["overall"].show_figure(
            self.tr("민원만족도"), figure(s.overall),
            self.tr("n {n} · 95% {range} · 전월 {change}").format(
                n=s.overall.n, range=interval(s.overall) or "—",
                change=change_text(trend.changes.get("OVERALL"))))
        self.cards["elements"].show_figure(
            self.tr("요소만족도"), "—" if s.elements is None else f"{s.elements:.1f}",
            self.tr("표시 가능한 요소 문항 {n}개의 평균").format(
                n=sum(1 for c, e in s.items.items() if c != "OVERALL" and e.shown)))
        self.cards["cs"].show_figure(self.tr("종합 CS 지수"),
                                     "—" if s.cs_index is None else f"{s.cs_index:.1f}",
                                     self.tr("0.3·민원 + 0.5·요소 + 0.2·추천"))
        self.cards["nps"].show_figure(self.tr("NPS"), figure(s.nps), self.tr("추천 {score} · n {n}").format(
            score=figure(s.recommend), n=s.nps.n))
        modes = " · ".join(f"{self.mode_name(m)} {n:,}" for m, n in sorted(s.by_mode.items()))
        self.cards["responses"].show_figure(self.tr("응답"), f"{s.responses:,}", modes or "—")
        attempted, reached, completed = s.phone
        linked = bool(getattr(self, "survey_rows", {}).get(s.survey, {}).get("linked"))
        self.cards["rate"].show_figure(
            self.tr("전화 응답률"), figure(s.response_rate, unit="%"),
            self.tr("통화 시도 {a} · 연결 {r} · 완료 {c}").format(a=attempted, r=reached, c=completed)
            if linked else self.tr("해피콜로 묻는 연결형 설문에만 있습니다."))
        rows = [(labels.get(code, code), e, trend.changes.get(code)) for code, e in s.items.items()]
        rows.append((self.tr("추천"), s.recommend, None))
        self.items_model.set_rows(rows)
        self.chart.set_rows([(labels.get(code, code), e) for code, e in s.items.items()])
        self.groups_model.set_rows(r.groups)
        self.flagged_model.set_rows(r.flagged)
        self.callbacks_model.set_rows(r.callbacks)
        flags = ", ".join(f"{self.flag_names(k)} {n:,}" for k, n in sorted(s.flagged.items()))
        self.quality_label.setText(self.tr(
            "품질 표시는 응답을 빼지 않고 알려 주기만 합니다: 척도 문항 4개 이상에 모두 같은 답,"
            " 척도 문항당 2초 미만의 키오스크·전화 응답. 이번 달: {flags}").format(flags=flags or self.tr("없음")))

    # --- actions --------------------------------------------------------------------------
    def _code(self) -> str | None:
        code = self.survey.currentData()
        if not code:
            dialogs.show_info(self, self.tr("만족도 조사"), self.tr("먼저 설문을 만드십시오."))
        return code

    def new_survey(self):
        from pcrm_desktop.ui.survey_dialogs import NewSurveyDialog
        dialog = NewSurveyDialog(self.ctx, self.runner, self)
        dialog.changed.connect(self._changed)
        dialog.open()
        return dialog

    def edit_survey(self):
        from pcrm_desktop.ui.survey_dialogs import EditSurveyDialog
        code = self._code()
        if not code:
            return None
        if self.results is None or self.results.trend.current.survey != code:
            return None  # still reading it (in the background, like every read)
        version, questionnaire = self.results.version, self.results.questionnaire
        dialog = EditSurveyDialog(self.ctx, self.runner, code, version, questionnaire,
                                  self.survey_rows[code]["responses"] > 0, self)
        dialog.changed.connect(self._changed)
        dialog.open()
        return dialog

    def paper_entry(self):
        from pcrm_desktop.ui.paper_entry import PaperEntryDialog
        code = self._code()
        if not code:
            return None
        if self.results is None or self.results.trend.current.survey != code:
            return None  # still reading it (in the background, like every read)
        dialog = PaperEntryDialog(self.ctx, self.runner, code, self.results.questionnaire, self)
        dialog.changed.connect(self._changed)
        dialog.open()
        return dialog

    def kiosk_setup(self):
        from pcrm_desktop.ui.survey_dialogs import KioskSetupDialog
        dialog = KioskSetupDialog(self.ctx, self.runner, list(self.survey_rows.values()), self)
        dialog.changed.connect(self._changed)
        dialog.open()
        return dialog

    def export_answers(self) -> None:
        code = self._code()
        if not code:
            return
        month = self.month.date().toPython().replace(day=1)
        first, last = dialogs.ask_period(self, self.tr("응답 내보내기"), month,
                                         self.results.trend.current.last if self.results else month) or (None, None)
        if first is None:
            return
        path = dialogs.ask_save_path(self, self.tr("응답 내보내기"), f"{code}-{first:%Y%m}.xlsx",
                                     "Excel (*.xlsx);;CSV (*.csv)")
        if not path:
            return
        from pathlib import Path

        from pcrm_desktop.services.survey_export import export_responses
        ctx = self.ctx
        self.runner.run(lambda control: export_responses(ctx, code, first, last, Path(path)),
                        lambda done: dialogs.show_info(self, self.tr("응답 내보내기"), self.tr(
                            "{path}에 응답을 저장했습니다.").format(path=path)),
                        lambda error: dialogs.explain(self, self.tr("응답 내보내기"), error))

    def close_callback(self) -> None:
        index = self.callbacks.selectionModel().currentIndex()
        if not index.isValid():
            dialogs.show_info(self, self.tr("관리자 회신"), self.tr("목록에서 회신한 건을 고르십시오."))
            return
        row = self.callbacks_model.row(index.row())
        note = dialogs.ask_text(self, self.tr("관리자 회신"), self.tr(
            "{no} 민원인에게 회신한 내용을 적으십시오.").format(no=row["receipt_no"] or ""))
        if note is None:
            return
        ctx = self.ctx
        self.runner.run(lambda control: surveys.close_callback(ctx, row["id"], note), self._changed,
                        lambda error: dialogs.explain(self, self.tr("관리자 회신"), error))

    def _changed(self, changes) -> None:
        self.changed.emit(changes)  # the window passes it back to every page, this one too

    def set_month(self, month: date) -> None:
        self.month.setDate(QDate(month))
