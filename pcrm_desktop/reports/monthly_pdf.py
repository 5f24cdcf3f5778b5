"""The monthly report as PDF (A4, Korean government style, black-and-white friendly): 요약,
민원, 만족도, 고객집단, 12개월 추이, 부록. It prints a MonthlyReport and computes nothing
except how a figure is written."""
from __future__ import annotations

from pathlib import Path

from pcrm_desktop.domain.survey_stats import (
    REFERENCE_BELOW,
    SUPPRESS_BELOW,
    WEIGHT_ELEMENTS,
    WEIGHT_OVERALL,
    WEIGHT_RECOMMEND,
    estimate_text,
    range_text,
    top_two_box,
)
from pcrm_desktop.reports import pdf

MODE_NAMES = {"kiosk": "키오스크", "phone": "전화", "paper": "서면", "import": "가져오기"}
ITEM_NAMES = {"ACCESS": "안내·찾기 쉬움", "KIND": "친절", "EXPERT": "전문성·설명", "SPEED": "신속·기한",
              "RESULT": "결과·공정", "FACILITY": "시설·편의", "OVERALL": "전반적 만족"}


def number(value, digits: int = 0, unit: str = "") -> str:
    if value is None:
        return "—"
    return f"{value:,.{digits}f}{unit}"


estimate = estimate_text  # the shared rule (suppression, 참고)
margin = range_text


def arrow(change, unit: str = "", digits: int = 1) -> str:
    """▲/▼ only for a significant change; otherwise the difference, marked as not significant."""
    if change is None:
        return "—"
    text = f"{change.difference:+,.{digits}f}{unit}"
    if change.significant:
        return ("▲ " if change.difference > 0 else "▼ ") + text
    return text  # no arrow: not significant (the note under the summary says so)


def render(report, out: Path) -> int:
    """Write the PDF; the number of pages."""
    from reportlab.platypus import PageBreak, Paragraph, Spacer
    st = pdf.styles()
    width = pdf.content_width()
    title = f"{report.first:%Y}년 {report.first.month}월 민원·고객만족 보고서"
    story = [Paragraph(pdf.escape(title), st.title),
             Paragraph(pdf.escape(f"{report.office} · 기간 {report.first} ~ {report.last} · "
                                  f"작성 {report.made:%Y-%m-%d %H:%M}"), st.small),
             Spacer(1, 8)]
    if report.empty:
        story.append(Paragraph("이 달에는 접수·처리된 민원도, 만족도 응답도 없습니다. 아래 표는 비어 있거나 "
                               "이전 달과의 비교만 보여 줍니다.", st.body))
    story += _summary(report, st, width)
    story += [Spacer(1, 10)] + _complaints(report, st, width)
    story += [PageBreak()] + _satisfaction(report, st, width)
    story += _groups(report, st, width)
    story += [Spacer(1, 12)] + _trend(report, st, width)
    story += [Spacer(1, 12)] + _actions(report, st, width)
    story += _appendix(report, st, width)
    counter = pdf.page_counter()
    pdf.build(out, story + [counter], title, report.office,
              pdf.Page(report.office, title, f"{report.made:%Y-%m-%d %H:%M} 작성"))
    return counter.pages


def _summary(report, st, width) -> list:
    from reportlab.platypus import Paragraph, Spacer
    rows = []
    for h in report.headlines:
        digits = 1 if h.unit in ("%", "일", "점") else 0
        value = (estimate(h.estimate) if h.estimate is not None
                 else number(h.value, digits, h.unit if h.unit != "건" else ""))
        if h.estimate is not None and h.estimate.shown:
            value += f" (n {h.estimate.n:,}, 95% {margin(h.estimate)})"
        earlier = ((estimate(h.previous_estimate), estimate(h.last_year_estimate))
                   if h.estimate is not None else (number(h.previous, digits), number(h.last_year, digits)))
        rows.append([h.name, value, *earlier,
                     arrow(h.vs_previous, "", digits) if h.key != "overdue" else "",
                     arrow(h.vs_last_year, "", digits) if h.key != "overdue" else ""])
    return [
        Paragraph("요약", st.heading),
        pdf.data_table(["지표", "이번 달", "전월", "전년 동월", "전월 대비", "전년 대비"], rows,
                       [width * f for f in (0.22, 0.3, 0.11, 0.11, 0.13, 0.13)], st,
                       numeric=(1, 2, 3, 4, 5)),
        Spacer(1, 4),
        Paragraph(pdf.escape(
            f"기한 넘김은 {report.overdue_moment:%Y-%m-%d %H:%M} 기준으로 처리기한이 지났는데 끝나지 않은 민원입니다. "
            "▲▼는 통계적으로 유의한 변화(5%)에만 붙고, 화살표 없는 차이는 우연으로 볼 수 있는 차이입니다. "
            "민원만족도는 " + (f"'{report.satisfaction_survey}'의 " if report.satisfaction_survey else "")
            + "'전반적 만족' 문항을 100점으로 환산한 값입니다(그 달 응답이 가장 많은 설문; 설문마다는 2장). "
            "접수·처리 건수의 비교는 달마다 다른 근무일 수와 지난 12개월의 보통 변동폭을 감안합니다."), st.small),
    ]


def _rows_table(rows, st, width, finished: bool):
    if not rows:
        return _none(st)
    if finished:
        data = [[r.label, number(r.received), number(r.finished), number(r.on_time_rate, 1, "%"),
                 number(r.mean_days, 1)] for r in rows]
        return pdf.data_table(["구분", "접수", "처리", "기한 내 처리율", "평균 처리일수"], data,
                              [width * f for f in (0.36, 0.14, 0.14, 0.18, 0.18)], st,
                              numeric=(1, 2, 3, 4))
    total = sum(r.received for r in rows)
    data = [[r.label, number(r.received), number(r.received / total * 100 if total else None, 1, "%")]
            for r in rows]
    return pdf.data_table(["구분", "접수", "비율"], data, [width * f for f in (0.5, 0.25, 0.25)],
                          st, numeric=(1, 2))


def _none(st):
    from reportlab.platypus import Paragraph
    return Paragraph("자료 없음", st.small)


def _complaints(report, st, width) -> list:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer
    story = [Paragraph("1. 민원", st.heading)]
    for name, rows, finished in (("접수 경로별", report.by_channel, False),
                                 ("민원 종류별", report.by_type, False),
                                 ("분류별 (처리·기한 내 처리율·처리일수는 이 달에 끝난 민원)",
                                  report.by_category, True),
                                 ("부서별", report.by_department, True)):
        story += [KeepTogether([Paragraph(pdf.escape(name), st.cell_bold), Spacer(1, 2),
                                _rows_table(rows, st, width, finished)]), Spacer(1, 8)]
    story.append(Paragraph(pdf.escape(
        f"반복 민원: 이 달 접수 가운데 같은 민원인이 30일 안에 같은 분류로 다시 낸 민원 {report.repeats:,}건."),
        st.body))
    if report.repeat_places:
        story.append(pdf.data_table(["같은 장소(도로명)", "분류", "건수"],
                                    [[r, c, number(n)] for r, c, n in report.repeat_places],
                                    [width * 0.55, width * 0.3, width * 0.15], st, numeric=(2,)))
    heading = Paragraph(pdf.escape(
        f"기한 넘김 목록 ({report.overdue_moment:%Y-%m-%d %H:%M} 기준 {report.overdue_total:,}건"
        + (f", 오래된 {len(report.overdue)}건만" if report.overdue_total > len(report.overdue) else "")
        + ", 민원인 가림)"), st.cell_bold)
    table = pdf.data_table(
        ["접수번호", "제목", "민원인", "부서", "처리기한", "넘긴 날"],
        [[o["receipt_no"], o["title"], o["applicant"] or "-", o["department"] or "-",
          f"{o['due_at']:%Y-%m-%d}", f"{o['days_over']:,}일"] for o in report.overdue],
        [width * f for f in (0.15, 0.36, 0.1, 0.17, 0.13, 0.09)], st,
        numeric=(5,)) if report.overdue else _none(st)
    story += [Spacer(1, 8), KeepTogether([heading, Spacer(1, 2), table])]
    return story


def _satisfaction(report, st, width) -> list:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer
    story = [Paragraph("2. 만족도", st.heading)]
    if not report.surveys:
        return story + [Paragraph("이 달에는 만족도 응답이 없습니다.", st.body)]
    for section in report.surveys:
        s, changes = section.trend.current, section.trend.changes
        modes = ", ".join(f"{MODE_NAMES.get(m, m)} {n:,}" for m, n in sorted(s.by_mode.items()))
        head = [Paragraph(pdf.escape(f"{section.title} ({section.code}) — 응답 {s.responses:,}건"
                                     + (f" ({modes})" if modes else "")), st.cell_bold), Spacer(1, 2)]
        figures = [["민원만족도 (전반적 만족)", estimate(s.overall), margin(s.overall), number(s.overall.n),
                    arrow(changes.get("OVERALL"))],
                   ["상위 2개 응답 비율 (4·5점)", estimate(s.overall_top_two, unit="%"),
                    margin(s.overall_top_two), number(s.overall_top_two.n), ""],
                   ["요소만족도", number(s.elements, 1), "", "", ""],
                   ["종합 CS 지수", number(s.cs_index, 1), "", "", ""],
                   ["추천 의향 (100점)", estimate(s.recommend), margin(s.recommend), number(s.recommend.n), ""],
                   ["NPS", estimate(s.nps), margin(s.nps), number(s.nps.n), ""]]
        if s.response_rate is not None:
            figures.append(["전화 응답률 (완료/연결)", estimate(s.response_rate, unit="%"),
                            margin(s.response_rate), number(s.response_rate.n), ""])
        table = pdf.data_table(["지수", "값", "95% 범위", "n", "전월 대비"], figures,
                               [width * f for f in (0.32, 0.16, 0.17, 0.1, 0.25)], st,
                               numeric=(1, 2, 3))
        items = []
        for code, e in s.items.items():
            m = (s.moments or {}).get(code)
            k = (s.scale_points or {}).get(code, 5)
            top = top_two_box(m, k) if m is not None else None
            items.append([f"{ITEM_NAMES.get(code, code)} ({code})", estimate(e), margin(e),
                          number(e.n), number(e.not_applicable), number(e.skipped),
                          estimate(top, unit="%"), arrow(changes.get(code))])
        item_table = pdf.data_table(
            ["문항", "점수", "95% 범위", "n", "해당없음", "무응답", "상위2(%)", "전월 대비"], items,
            [width * f for f in (0.22, 0.1, 0.13, 0.07, 0.09, 0.08, 0.12, 0.19)], st,
            numeric=(1, 2, 3, 4, 5, 6))
        modes_table = pdf.data_table(
            ["응답 방식", "민원만족도", "95% 범위", "n"],
            [[MODE_NAMES.get(g.label, g.label), estimate(g.score), margin(g.score), number(g.score.n)]
             for g in section.by_mode], [width * f for f in (0.3, 0.25, 0.25, 0.2)], st,
            numeric=(1, 2, 3))
        flags = ", ".join(f"{'모두 같은 답' if k == 'straight_lined' else '너무 빠름'} {n:,}건"
                          for k, n in sorted(s.flagged.items()))
        story += [KeepTogether(head + [table]), Spacer(1, 4), item_table, Spacer(1, 4), modes_table,
                  Paragraph(pdf.escape("품질 표시(빼지 않음): " + (flags or "없음")), st.small),
                  Spacer(1, 10)]
    return story


def _groups(report, st, width) -> list:
    from reportlab.platypus import Paragraph, Spacer
    story = [Paragraph("3. 고객집단 (형평성)", st.heading)]
    if report.everyone is None or (not report.groups and not report.everyone.received):
        return story + [Paragraph("이 달에는 고객집단별로 볼 자료가 없습니다.", st.body)]

    def gap(change, enough: bool, unit: str) -> str:
        """높음/낮음 (길다/짧다 for days) only for a significant gap; too few cases says so."""
        if not enough or change is None:
            return "표본 부족"
        if change.significant:
            up, down = ("길다", "짧다") if unit == "일" else ("높음", "낮음")
            return (up if change.difference > 0 else down) + f" {change.difference:+.1f}{unit}"
        return "차이 없음"
    rows = [[g.label, number(g.received), number(g.finished), estimate(g.on_time, unit="%"),
             "" if g is report.everyone else gap(g.on_time_gap, g.on_time.n >= SUPPRESS_BELOW, "%p"),
             estimate(g.days), "" if g is report.everyone else gap(g.days_gap, g.days.n >= SUPPRESS_BELOW, "일"),
             estimate(g.satisfaction), number(g.satisfaction.n),
             "" if g is report.everyone else gap(g.satisfaction_gap, g.satisfaction.n >= SUPPRESS_BELOW, "점")]
            for g in [report.everyone, *report.groups]]
    story += [pdf.data_table(["집단", "접수", "처리", "기한 내 처리율", "격차", "처리일수", "격차", "만족도",
                              "n", "격차"], rows,
                             [width * f for f in (0.13, 0.065, 0.065, 0.115, 0.115, 0.1, 0.115, 0.12, 0.055, 0.115)],
                             st, numeric=(1, 2, 3, 5, 7, 8)),
              Spacer(1, 3),
              Paragraph(pdf.escape(
                  "격차는 그 집단과 나머지 모두를 비교해 통계적으로 유의할 때만 적습니다(5%, 여러 집단을 함께 "
                  "보므로 Holm 보정). "
                  "처리일수의 격차는 오래 걸린 소수 민원에 흔들리지 않도록 로그 척도에서 검정합니다. "
                  "만족도는 민원·주민과 연결된 응답만 집단으로 나눌 수 있어 '전체'도 연결된 응답 기준입니다. "
                  "연령 집단은 출생연도로, 나머지는 지금의 소속으로 세며, 한 사람이 여러 집단에 들 수 있습니다."),
                  st.small)]
    return story


def _trend(report, st, width) -> list:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer
    labels = [f"{p.month:%y.%m}" for p in report.trend]
    story = [KeepTogether([Paragraph("4. 12개월 추이", st.heading), Paragraph("접수 건수", st.cell_bold),
                           _bars(labels, [p.received for p in report.trend], width)]), Spacer(1, 6),
             KeepTogether([Paragraph("기한 내 처리율 (%)", st.cell_bold),
                           _line(labels, [p.on_time_rate for p in report.trend], width, 0, 100)]),
             Spacer(1, 6),
             KeepTogether([Paragraph("민원만족도 (100점, n 30 미만인 달은 비움)", st.cell_bold),
                           _line(labels, [p.satisfaction.value if p.satisfaction.shown else None
                                          for p in report.trend], width, 0, 100)]), Spacer(1, 6)]
    story.append(pdf.data_table(
        ["월", "접수", "처리", "기한 내 처리율", "민원만족도", "n"],
        [[f"{p.month:%Y-%m}", number(p.received), number(p.finished), number(p.on_time_rate, 1, "%"),
          estimate(p.satisfaction), number(p.satisfaction.n)] for p in report.trend],
        [width * f for f in (0.16, 0.14, 0.14, 0.2, 0.22, 0.14)], st, numeric=(1, 2, 3, 4, 5)))
    return story


def _bars(labels, values, width):
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors
    font = pdf.korean_font()
    drawing = Drawing(width, 120)
    chart = VerticalBarChart()
    chart.x, chart.y, chart.width, chart.height = 40, 18, width - 60, 92
    chart.data = [values or [0]]
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin = 0
    if not any(values):
        chart.valueAxis.valueMax = 10  # an empty year still gets an axis
    chart.bars[0].fillColor = colors.HexColor("#8a8a8a")
    chart.bars[0].strokeColor = colors.black
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 6.5
    chart.barLabels.nudge = 6
    drawing.add(chart)
    return drawing


def _line(labels, values, width, low: float, high: float):
    from reportlab.graphics.charts.linecharts import HorizontalLineChart
    from reportlab.graphics.shapes import Drawing, String
    if sum(v is not None for v in values) < 2:  # a line needs two months at least
        drawing = Drawing(width, 24)
        drawing.add(String(40, 8, "두 달 이상 자료가 있어야 그립니다.", fontName=pdf.korean_font(),
                           fontSize=8))
        return drawing
    from reportlab.graphics.widgets.markers import makeMarker
    from reportlab.lib import colors
    font = pdf.korean_font()
    drawing = Drawing(width, 110)
    chart = HorizontalLineChart()
    chart.x, chart.y, chart.width, chart.height = 40, 18, width - 60, 82
    chart.data = [[v for v in values]]
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = low, high
    chart.valueAxis.valueStep = 25
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.HexColor("#cccccc")
    chart.lines[0].strokeColor = colors.black
    chart.lines[0].strokeWidth = 1.2
    chart.lines[0].symbol = makeMarker("FilledSquare", size=4)
    chart.lineLabelFormat = lambda v: "" if v is None else f"{v:.1f}"
    chart.lineLabels.fontName = font
    chart.lineLabels.fontSize = 6.5
    chart.lineLabels.dy = 5
    drawing.add(chart)
    return drawing


ACTION_STATUS = {"planned": "계획", "in_progress": "진행 중", "done": "조치 완료", "evaluated": "평가 완료",
                 "dropped": "취소"}


def _actions(report, st, width) -> list:
    """5. 개선과제: the actions open in the month or closed in it, with their figure before and,
    once evaluated, after (the verdict says whether the change is real)."""
    from reportlab.platypus import KeepTogether, Paragraph
    heading = Paragraph("5. 개선과제", st.heading)
    if not report.actions:
        return [heading, Paragraph("이 달에 진행했거나 끝낸 개선과제가 없습니다.", st.body)]

    def value(row, which: str) -> str:
        from pcrm_desktop.domain.actions import stored_after, stored_before
        e = stored_before(row) if which == "baseline" else stored_after(row)
        return "—" if e is None else f"{estimate(e)} (n {e.n:,})" if e.shown else estimate(e)
    rows = [[a["title"], a["figure_label"], a.get("owner") or "-", str(a["due_on"] or "-"),
             ACTION_STATUS.get(a["status"], a["status"]), value(a, "baseline"),
             value(a, "after") if a["status"] == "evaluated" else "", a["evaluation"] or ""]
            for a in report.actions]
    table = pdf.data_table(["과제", "수치", "담당", "기한", "상태", "기준", "평가", "판정"], rows,
                           [width * f for f in (0.2, 0.18, 0.08, 0.1, 0.09, 0.11, 0.11, 0.13)], st)
    return [KeepTogether([heading, table])]


def _appendix(report, st, width) -> list:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer
    story = [Spacer(1, 10)]
    heading = Paragraph("부록. 조사 개요와 계산식", st.heading)
    if not report.surveys:
        story.append(heading)
    if report.surveys:
        rows = []
        for section in report.surveys:
            s = section.trend.current
            modes = ", ".join(f"{MODE_NAMES.get(m, m)} {n:,}" for m, n in sorted(s.by_mode.items()))
            half = "" if not s.overall.shown else f"±{(s.overall.high - s.overall.low) / 2:.1f}점"
            rows.append([f"{section.title} ({section.code})", f"{s.first} ~ {s.last}",
                         "민원인·방문 주민 (연결형은 처리한 민원의 민원인)", modes or "-",
                         number(s.responses), half or "—"])
        story.append(KeepTogether([heading, pdf.data_table(
            ["설문", "기간", "대상", "방법(방식별 응답)", "응답", "오차(95%)"], rows,
            [width * f for f in (0.2, 0.17, 0.22, 0.19, 0.09, 0.13)], st, numeric=(4,))]))
    formulas = [
        "문항 점수(100점) = (평균 - 1) ÷ (k - 1) × 100 (5점 척도는 (평균 - 1) × 25). 0–10 추천 문항은 평균 × 10.",
        "민원만족도 = 전반적 만족(OVERALL)의 100점 점수. "
        "요소만족도 = 요소 문항(안내·친절·전문성·신속·결과·시설) 점수의 "
        "단순 평균(표시 가능한 문항만).",
        f"종합 CS 지수 = {WEIGHT_OVERALL} × 민원만족도 + {WEIGHT_ELEMENTS} × 요소만족도 + "
        f"{WEIGHT_RECOMMEND} × 추천(100점) — 고정 가중치(KCSI 방식 참고; PCSI 준수를 뜻하지 않음).",
        "상위 2개 응답 비율 = 유효 응답 중 4·5점의 비율. NPS = 9–10점 비율 - 0–6점 비율.",
        f"해당없음은 모든 분모에서 뺍니다. 95% 범위: 평균은 t 분포, 비율은 Wilson 구간. n {SUPPRESS_BELOW} 미만은 "
        f"표시하지 않고 {SUPPRESS_BELOW}–{REFERENCE_BELOW - 1}은 '(참고)'로 적습니다.",
        "전월·전년 대비: 평균은 Welch t 검정, 비율은 두 비율 z 검정, 건수는 근무일 수로 나눈 하루 건수의 포아송 비교"
        "(지난 12개월의 변동폭만큼 분산을 넓힘), 모두 5% 수준에서 유의할 때만 ▲▼. 고객집단 격차는 집단 대 나머지 "
        "모두의 같은 검정에 Holm 보정.",
        "기한 내 처리율 = 그 달에 끝난 민원 가운데 처리기한 안에 끝난 비율. "
        "처리일수 = 접수일부터 처리일까지의 근무일 수"
        "(토·일·공휴일 제외, 같은 날 처리 = 0일).",
    ]
    story += [Spacer(1, 4)] + [Paragraph(pdf.escape("· " + f), st.small) for f in formulas]
    return story
