"""Lists and charts on a 1366×768 office screen at 100 % and 150 % text, in Korean and English
(issue 18): a table's last columns (처리기한 and D-day, 이상 징후, 해당없음) in view without a
sideways scroll; the survey chart below the tables when it has no room beside them; the charts'
labels inside their drawing; a short page not scrolled for a tall one."""
from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QScrollArea, QTableView

from tests.ui.screen_checks import HANGUL, MAX_CONTENT_HEIGHT, MAX_CONTENT_WIDTH

SHOTS = Path("/tmp/pcrm-shots/fit-150")
VARIANTS = [(150, "ko"), (150, "en"), (100, "ko"), (100, "en")]
IDS = [f"{lang}-{scale}" for scale, lang in VARIANTS]


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory) -> Path:
    from tests.ui.screens import make_demo_database
    return make_demo_database(tmp_path_factory.mktemp("fit-demo"))


@pytest.fixture
def db_path(tmp_path, demo_file) -> Path:
    """The demo office (the screen walk's), a copy of its own for each test."""
    target = tmp_path / "pcrm.db"
    shutil.copyfile(demo_file, target)
    return target


@pytest.fixture
def open_app(qtbot, qapp, backend, no_message_boxes):
    """The application signed in as the demo's admin at a text size and in a language, its
    window as large as a 1366×768 screen gives; the font and Korean come back after."""
    from pcrm_desktop.app import Application
    from pcrm_desktop.ui.i18n import LanguageManager
    from pcrm_desktop.ui.settings import FONT_SCALE, AppSettings
    from tests.ui.conftest import _args
    from tests.ui.helpers import sign_in_demo
    font, made = qapp.font(), []

    def open_(scale: int, lang: str):
        AppSettings().set(FONT_SCALE, scale)
        app = Application(_args(lang=lang), QApplication.instance())
        made.append(app)
        app.open_window(backend)
        sign_in_demo(qtbot, app)
        qtbot.addWidget(app.window)
        app.window.showNormal()
        app.window.resize(MAX_CONTENT_WIDTH, MAX_CONTENT_HEIGHT)
        return app
    yield open_
    for app in made:
        app.runner.wait(5000)
    qapp.setFont(font)
    LanguageManager().set_language("ko")


def _idle(qtbot, runner) -> None:
    qtbot.waitUntil(lambda: not runner.busy(), timeout=10000)
    QApplication.processEvents()


def _in_view(table: QTableView, column: int) -> bool:
    """Shown, and its right edge inside the table's viewport without scrolling sideways."""
    header = table.horizontalHeader()
    return (not table.isColumnHidden(column) and header.sectionSize(column) > 0
            and header.sectionViewportPosition(column) + header.sectionSize(column) <= table.viewport().width())


def _shot(widget, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


# --- the fitting itself -------------------------------------------------------------------------

def test_share_keeps_content_shrinks_texts_alike_and_stretch_takes_the_rest():
    from pcrm_desktop.ui.column_fit import share
    # room enough: the texts at their wanted width, the stretch column takes what is left
    assert share(1000, [100, None, None, 80], [100, 200, 150, 80], [100, 60, 90, 80], 2) == [100, 200, 620, 80]
    # short of room: the fixed columns whole, the flexible ones shrunk in the same proportion
    widths = share(500, [100, None, None, 80], [100, 200, 300, 80], [100, 100, 100, 80], 2)
    assert widths[0] == 100 and widths[3] == 80 and sum(widths) == 500
    assert widths[1:3] == [140, 180]  # each 40 % of the way from its least to its wanted
    # without a stretch column the flexible columns share what is left
    assert share(600, [100, None, None], [100, 100, 100], [100, 50, 50], None) == [100, 250, 250]


def test_columns_give_way_in_their_order_and_come_back(qtbot):
    from pcrm_desktop.ui.column_fit import content, fit_columns, stretch
    from pcrm_desktop.ui.table_model import RowsModel
    model = RowsModel([(lambda: "번호", lambda r: r), (lambda: "종류", lambda r: "건의민원"),
                       (lambda: "제목", lambda r: "제목"), (lambda: "담당", lambda r: "홍길동"),
                       (lambda: "처리기한", lambda r: "2026-11-25(수) 14:05")])
    model.set_rows(["2026-000001"])
    table = QTableView()
    table.setModel(model)
    qtbot.addWidget(table)
    fit = fit_columns(table, [content("2026-000000"), content("건의민원", gives_way=1), stretch(),
                              content("남궁길동", gives_way=2), content("2026-11-25(수) 14:05")])
    table.resize(1000, 300)
    table.show()
    qtbot.waitUntil(lambda: _in_view(table, 4))
    assert not fit.dropped and table.horizontalHeader().toolTip() == ""
    narrow = table.horizontalHeader().sectionSize(0) + table.horizontalHeader().sectionSize(4) \
        + fit.least_width(2) + fit.least_width(3) + 2 * table.frameWidth() + 4
    table.resize(narrow, 300)
    qtbot.waitUntil(lambda: fit.dropped == {1})
    assert _in_view(table, 4) and _in_view(table, 3)
    assert "종류" in table.horizontalHeader().toolTip()  # the hidden column is named
    table.resize(1000, 300)
    qtbot.waitUntil(lambda: not fit.dropped)
    assert all(_in_view(table, column) for column in range(5))


def test_a_date_too_long_for_its_column_drops_its_time_rather_than_its_end(qtbot):
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QStyleOptionViewItem

    from pcrm_desktop.ui.column_fit import fit_columns, text
    from pcrm_desktop.ui.table_model import RowsModel
    whole = "2026-11-25(수) 14:05"
    model = RowsModel([(lambda: "접수일시", lambda r: r)])
    model.set_rows([whole])
    table = QTableView()
    table.setModel(model)
    qtbot.addWidget(table)
    fit_columns(table, [text(whole, least="2026-11-25(수)", short=lambda shown: shown.rsplit(" ", 1)[0])])
    delegate, index = table.itemDelegateForColumn(0), model.index(0, 0)

    def shown(width: int) -> str:
        option = QStyleOptionViewItem()
        option.initFrom(table)
        option.rect = QRect(0, 0, width, 24)
        delegate.initStyleOption(option, index)
        return option.text
    full = table.fontMetrics().horizontalAdvance(whole)
    assert shown(full + 40) == whole
    assert shown(full - 10) == "2026-11-25(수)"
    option = QStyleOptionViewItem()
    option.initFrom(table)
    option.rect = QRect(0, 0, 40, 24)
    assert delegate.sizeHint(option, index).width() >= full  # measured whole, however narrow now


def test_a_splitter_puts_its_detail_below_when_the_list_comes_to_need_the_width(qtbot):
    """The survey page's figures arrive after the page is shown: the chart must then go below
    the tables without waiting for the window to be resized."""
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QWidget

    from pcrm_desktop.ui.fitting import AdaptiveSplitter

    class Part(QWidget):
        natural = 200

        def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
            return QSize(self.natural, 100)

    splitter = AdaptiveSplitter(follow_contents=True)
    qtbot.addWidget(splitter)
    first, second = Part(), Part()
    splitter.addWidget(first)
    splitter.addWidget(second)
    splitter.resize(600, 500)
    splitter.show()
    qtbot.waitExposed(splitter)
    assert splitter.orientation() == Qt.Orientation.Horizontal
    first.natural = 500
    first.updateGeometry()
    qtbot.waitUntil(lambda: splitter.orientation() == Qt.Orientation.Vertical)


# --- the lists at 1366×768 ------------------------------------------------------------------

@pytest.mark.parametrize(("scale", "lang"), VARIANTS, ids=IDS)
def test_complaint_list_shows_due_date_and_d_day_without_sideways_scroll(qtbot, open_app, scale, lang):
    app = open_app(scale, lang)
    page = app.window.open_page("complaints")
    page.tabs.setCurrentIndex(page.QUEUES.index("all"))
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    _idle(qtbot, page.runner)
    _shot(app.window, f"complaints-{lang}-{scale}")
    table = page.table
    assert _in_view(table, 8) and _in_view(table, 9), [table.columnWidth(c) for c in range(10)]
    assert table.horizontalScrollBar().maximum() == 0
    assert _in_view(table, 4) and table.columnWidth(4) >= table.fontMetrics().horizontalAdvance("0") * 12
    if scale == 100:
        assert all(_in_view(table, column) for column in range(10))  # at 100 % nothing hides
    tip = table.horizontalHeader().toolTip()
    assert bool(tip) == bool(table.column_fit.dropped)
    if lang == "en":
        assert not HANGUL.search(tip), tip


@pytest.mark.parametrize(("scale", "lang"), VARIANTS, ids=IDS)
def test_access_log_shows_its_flags_column_without_sideways_scroll(qtbot, open_app, scale, lang):
    app = open_app(scale, lang)
    page = app.window.open_page("access_log")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    _idle(qtbot, page.runner)
    _shot(app.window, f"access-log-{lang}-{scale}")
    assert all(_in_view(page.table, column) for column in range(7))
    assert page.table.horizontalScrollBar().maximum() == 0


def _whole(table: QTableView, column: int, shown: str) -> bool:
    """The column wide enough for `shown` without "…" (a short value, shown whole)."""
    return table.columnWidth(column) >= table.fontMetrics().horizontalAdvance(shown) + 6


@pytest.mark.parametrize(("scale", "lang"), VARIANTS, ids=IDS)
def test_resident_list_and_timeline_show_their_last_columns(qtbot, open_app, scale, lang):
    """At 150 % the profile goes below the list (both then as wide as the page); at 100 % it
    stays beside it. Either way the list's 주소 and the timeline's 담당 are in view, the
    name, year and phone whole, 내용 readable."""
    app = open_app(scale, lang)
    page = app.window.open_page("citizens")
    qtbot.waitUntil(lambda: page.model.rowCount() > 0, timeout=10000)
    for row in range(10):  # the first resident with a timeline
        page.table.selectRow(row)
        qtbot.waitUntil(lambda r=row: page.profile.profile is not None
                        and page.profile.profile.citizen_id == page.model.row(r).id, timeout=10000)
        _idle(qtbot, page.runner)
        if page.profile.timeline.rowCount():
            break
    QApplication.processEvents()
    _shot(app.window, f"citizens-{lang}-{scale}")
    _shot(page.profile, f"profile-{lang}-{scale}")
    below = Qt.Orientation.Vertical if scale == 150 else Qt.Orientation.Horizontal
    assert page.splitter.orientation() == below, page.splitter.sizes()
    table, timeline = page.table, page.profile.timeline_view
    assert all(_in_view(table, column) for column in range(5)), [table.columnWidth(c) for c in range(5)]
    assert table.horizontalScrollBar().maximum() == 0
    for column in range(3):
        assert _whole(table, column, page.model.index(0, column).data()), column
    assert timeline.model().rowCount() > 0
    assert all(_in_view(timeline, column) for column in range(5)), [timeline.columnWidth(c) for c in range(5)]
    assert timeline.horizontalScrollBar().maximum() == 0
    assert _whole(timeline, 0, timeline.model().index(0, 0).data())
    assert timeline.columnWidth(3) >= timeline.fontMetrics().horizontalAdvance("0") * 20  # 내용 readable


@pytest.mark.parametrize(("scale", "lang"), VARIANTS, ids=IDS)
def test_days_off_show_their_state_without_sideways_scroll(qtbot, open_app, scale, lang):
    """설정 › 민원 기한: the date and its state whole, the name taking the rest; at 150 % the
    rules beside the list go below it rather than squeeze it."""
    app = open_app(scale, lang)
    page = app.window.open_page("settings")
    settings = page.calendar
    page.tabs.setCurrentIndex(page.tabs.indexOf(settings))
    qtbot.waitUntil(lambda: settings.holidays.rowCount() > 0, timeout=10000)
    _idle(qtbot, settings.runner)
    _shot(app.window, f"days-off-{lang}-{scale}")
    table = settings.table
    assert all(_in_view(table, column) for column in range(4)), [table.columnWidth(c) for c in range(4)]
    assert table.horizontalScrollBar().maximum() == 0
    widest = max(range(settings.holidays.rowCount()), key=lambda row: len(settings.holidays.index(row, 0).data()))
    assert _whole(table, 0, settings.holidays.index(widest, 0).data())
    assert _whole(table, 3, settings.tr("근무일로 바꿈"))
    assert table.columnWidth(1) >= table.fontMetrics().horizontalAdvance("0") * 12


@pytest.mark.parametrize(("scale", "lang"), VARIANTS, ids=IDS)
def test_survey_item_editor_shows_its_last_columns(qtbot, open_app, scale, lang):
    from pcrm_desktop.services.surveys import questionnaire, surveys
    from pcrm_desktop.ui.survey_dialogs import EditSurveyDialog
    app = open_app(scale, lang)
    ctx = app.window.ctx
    code = surveys(ctx)[0]["code"]
    version, items = questionnaire(ctx, code)
    dialog = EditSurveyDialog(ctx, app.runner, code, version, items, True, app.window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.width() <= MAX_CONTENT_WIDTH and dialog.height() <= MAX_CONTENT_HEIGHT
    qtbot.waitUntil(lambda: _in_view(dialog.table, 6))
    QApplication.processEvents()
    _shot(dialog, f"survey-editor-{lang}-{scale}")
    assert all(_in_view(dialog.table, column) for column in range(7))
    assert dialog.table.horizontalScrollBar().maximum() == 0


def test_survey_chart_goes_below_the_tables_at_150_in_english_and_stays_beside_at_100(qtbot, open_app):
    from pcrm_desktop.ui.charts import ScoreChart
    app = open_app(150, "en")
    page = app.window.open_page("surveys")
    qtbot.waitUntil(lambda: page.items_model.rowCount() > 0, timeout=10000)
    _idle(qtbot, page.runner)
    chart = page.findChild(ScoreChart)
    splitter = page.tabs.parentWidget()
    _shot(page, "surveys-en-150")
    assert splitter.orientation() == Qt.Orientation.Vertical
    assert chart.width() >= chart.sizeHint().width()  # its names and figures whole
    assert all(_in_view(page.items, column) for column in range(7))


def test_survey_chart_stays_beside_the_tables_at_100(qtbot, open_app):
    from pcrm_desktop.ui.charts import ScoreChart
    app = open_app(100, "ko")
    page = app.window.open_page("surveys")
    qtbot.waitUntil(lambda: page.items_model.rowCount() > 0, timeout=10000)
    _idle(qtbot, page.runner)
    chart = page.findChild(ScoreChart)
    assert page.tabs.parentWidget().orientation() == Qt.Orientation.Horizontal
    assert chart.width() >= chart.minimumSizeHint().width()
    assert all(_in_view(page.items, column) for column in range(7))


def test_a_short_page_is_not_scrolled_for_a_tall_one(qtbot, open_app):
    """At 150 % English the survey page is taller than the screen and scrolls; the analysis
    page opened after it fits and must not scroll for it."""
    app = open_app(150, "en")
    surveys_page = app.window.open_page("surveys")
    _idle(qtbot, surveys_page.runner)
    area = app.window.findChild(QScrollArea, "pageArea")
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() > 0)
    page = app.window.open_page("analysis")
    page.show_tab("ipa")
    _idle(qtbot, page.runner)
    qtbot.waitUntil(lambda: area.verticalScrollBar().maximum() == 0)
    _shot(app.window, "analysis-ipa-en-150")


# --- the charts' labels -----------------------------------------------------------------------

def _big_font(widget) -> None:
    font = QFont(widget.font())
    font.setPointSizeF(15)  # 150 % of the 10-point text
    widget.setFont(font)


def _outside(chart, metrics) -> list[str]:
    """The texts of the chart's last drawing outside the widget, in a box lower than a line
    (cut at its top or bottom), or wider than their box (cut at its side)."""
    whole = QRectF(chart.rect()).adjusted(-0.5, -0.5, 0.5, 0.5)
    problems = []
    for rect, shown in chart.texts:
        if not whole.contains(rect):
            problems.append(f"{shown!r} outside: {rect}")
        if min(rect.width(), rect.height()) + 0.5 < metrics.height():  # (the rotated title: its width)
            problems.append(f"{shown!r} in a box {rect} lower than a line ({metrics.height()})")
        if metrics.horizontalAdvance(shown) > max(rect.width(), rect.height()) + 1:
            problems.append(f"{shown!r} wider than its box {rect}")
    return problems


def _item(label: str, performance: float, importance: float, quadrant: str = "keep"):
    return SimpleNamespace(label=label, importance=importance, quadrant=quadrant,
                           performance=SimpleNamespace(value=performance))


def test_ipa_chart_keeps_every_label_inside_its_drawing_at_150(qtbot, language):
    from PySide6.QtGui import QFontMetrics

    from pcrm_desktop.ui.charts import IpaChart
    language.set_language("en")
    items = [_item("안내·찾기 쉬움", 70.0, 0.75, "fix_first"),   # top left, at the highest importance
             _item("신속·기한 준수", 81.0, 0.75),                  # top right: its name goes left
             _item("전문성·설명", 76.0, 0.55), _item("시설·편의", 72.0, 0.60)]
    ipa = SimpleNamespace(items=items, enough=True, responses=187, mean_performance=75.0,
                          mean_importance=0.62, fix_first=["ACCESS"])
    chart = IpaChart()
    qtbot.addWidget(chart)
    _big_font(chart)
    chart.set_ipa(ipa)
    chart.resize(560, 260)  # as short as the page may make it
    _shot(chart, "ipa-150")
    metrics = QFontMetrics(chart._small())
    assert len(chart.texts) >= 4 + 6 + 2 + len(items)   # quadrants, axis values, titles, names
    assert _outside(chart, metrics) == []
    top_right = next(rect for rect, shown in chart.texts if shown.startswith("Speed"))
    assert top_right.right() <= chart.width() - chart.margins(metrics)[1]  # left of its dot, in the plot


def test_score_chart_is_as_wide_as_its_names_and_figures_and_keeps_them_inside(qtbot, language):
    from PySide6.QtGui import QFontMetrics

    from pcrm_desktop.domain.survey_stats import Estimate
    from pcrm_desktop.ui.charts import ScoreChart
    language.set_language("en")
    rows = [("Expertise, explanation", Estimate(72.4, 65.0, 79.8, 45)),
            ("Easy to find the way", Estimate(81.0, 76.0, 86.0, 120)),
            ("Facilities", Estimate(None, None, None, 18))]
    chart = ScoreChart()
    qtbot.addWidget(chart)
    _big_font(chart)
    chart.set_rows(rows)
    metrics = QFontMetrics(chart.font())
    need = (metrics.horizontalAdvance("Expertise, explanation")
            + metrics.horizontalAdvance(ScoreChart.value_text(rows[0][1])))
    assert chart.sizeHint().width() >= need + ScoreChart.BAR_ROOM
    for width in (chart.sizeHint().width(), chart.minimumSizeHint().width()):
        chart.resize(width, chart.sizeHint().height())
        chart.grab()
        assert _outside(chart, metrics) == [], width
    chart.resize(chart.sizeHint())
    chart.grab()
    shown = [text for _, text in chart.texts]
    assert "Expertise, explanation" in shown and ScoreChart.value_text(rows[0][1]) in shown
