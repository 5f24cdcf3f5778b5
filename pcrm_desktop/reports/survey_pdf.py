"""만족도 조사 결과 as PDF (A4 portrait): the headline indices, every item with its n and
95 % range, breakdowns, quality flags, and an appendix with the survey outline and the
formulas (DOMAIN.md §5). A figure of fewer than 30 answers prints as "—" beside its n;
30–49 answers carry "(참고)"."""
from __future__ import annotations

from pathlib import Path

from pcrm_desktop.domain.survey_stats import (
    REFERENCE_BELOW,
    SUPPRESS_BELOW,
    WEIGHT_ELEMENTS,
    WEIGHT_OVERALL,
    WEIGHT_RECOMMEND,
    Estimate,
)
from pcrm_desktop.reports import pdf

NO_ANSWERS = "이 기간에 응답이 없습니다."
REFERENCE = "(참고)"


def score(e: Estimate | None, signed: bool = False) -> str:
    if e is None or not e.shown:
        return "—"
    text = f"{e.value:+.1f}" if signed else f"{e.value:.1f}"
    return f"{text} {REFERENCE}" if e.visibility == "reference" else text


def interval(e: Estimate | None) -> str:
    if e is None or not e.shown or e.low is None:
        return "—"
    return f"{e.low:.1f} ~ {e.high:.1f}"


def count(e: Estimate | None) -> str:
    return "—" if e is None else f"{e.n:,}"


def plain(value: float | None) -> str:
    return "—" if value is None else f"{value:.1f}"


def margin(e: Estimate) -> str:
    if not e.shown or e.low is None:
        return f"표시하지 않음 (n = {e.n:,}, {SUPPRESS_BELOW} 미만)"
    return f"±{(e.high - e.low) / 2:.1f}점 (95% 신뢰수준, 전반적 만족 100점 기준, n = {e.n:,})"


def _headlines(report) -> list[list[str]]:
    s = report.summary
    recommend = any(row.code == "RECOMMEND" for row in report.items)
    rows = [
        ["민원만족도", score(s.overall), interval(s.overall), count(s.overall),
         "전반적 만족의 100점 점수"],
        ["요소만족도", plain(s.elements), "—", "—", "요소 문항 점수의 평균"],
        ["종합 CS 지수", plain(s.cs_index), "—", "—",
         f"{WEIGHT_OVERALL}·민원 + {WEIGHT_ELEMENTS}·요소 + {WEIGHT_RECOMMEND}·추천"
         if recommend else "추천 문항이 없어 계산하지 않음"],
    ]
    if recommend:
        rows += [["추천 의향", score(s.recommend), interval(s.recommend), count(s.recommend),
                  "0–10점 평균 × 10"],
                 ["NPS", score(s.nps, signed=True), interval(s.nps), count(s.nps),
                  "9–10점 % − 0–6점 %"]]
    rows.append(["만족 비율 (%)", score(s.overall_top_two), interval(s.overall_top_two),
                 count(s.overall_top_two), "전반적 만족 4·5점 비율"])
    if report.linked:
        attempted, reached, completed = s.phone
        rows.append(["전화 응답률 (%)", score(s.response_rate), interval(s.response_rate),
                     count(s.response_rate) if s.response_rate else "0",
                     f"완료 {completed:,} ÷ 연결 {reached:,} (시도 {attempted:,})"])
    return rows


def _items(report) -> list[list[str]]:
    return [[row.name, score(row.score), interval(row.score), count(row.score),
             f"{row.score.not_applicable:,}", f"{row.score.skipped:,}",
             score(row.top_two) if row.top_two is not None else "—"]
            for row in report.items]


def _groups(groups) -> list[list[str]]:
    return [[g.label, score(g.score), interval(g.score), count(g.score),
             f"{g.score.not_applicable:,}"] for g in groups]


def _outline(report) -> list[tuple[str, str]]:
    s = report.summary
    target = ("처리를 마친 민원의 민원인 (응답이 민원과 연결됨)" if report.linked
              else "민원실을 이용한 주민 (익명 응답)")
    method = ", ".join(f"{name} {n:,}건" for name, n in report.modes) or "—"
    return [("조사 기간", f"{s.first:%Y-%m-%d} ~ {s.last:%Y-%m-%d}"),
            ("조사 대상", target),
            ("조사 방법", method),
            ("표본 크기", f"응답 {s.responses:,}건 (전반적 만족 유효 응답 {s.overall.n:,}건)"),
            ("표본오차", margin(s.overall)),
            ("가중치", "없음 (응답을 그대로 집계)")]


FORMULAS = (
    ("문항 점수(100점) = (평균 − 1) ÷ (k − 1) × 100  (k점 척도; 5점 척도는 (평균 − 1) × 25). "
     "0–10점 문항은 평균 × 10."),
    "민원만족도 = 전반적 만족(OVERALL)의 100점 점수.",
    ("요소만족도 = 요소 문항(안내, 친절, 전문성, 신속, 결과, 시설) 100점 점수의 단순 평균 "
     "(n < 30인 문항은 빼고)."),
    (f"종합 CS 지수 = {WEIGHT_OVERALL} × 민원만족도 + {WEIGHT_ELEMENTS} × 요소만족도 + "
     f"{WEIGHT_RECOMMEND} × 추천 의향(100점). 가중치는 고정값(KCSI 방식 참고)이며 PCSI 인증 "
     "지표가 아닙니다."),
    "만족 비율(상위 2개) = 4·5점 응답 수 ÷ 유효 응답 수. NPS = 9–10점 비율 − 0–6점 비율.",
    ("해당없음은 분모에 넣지 않습니다. 무응답은 그 문항에 답하지 않은 응답(보이지 않은 문항 "
     "포함)입니다."),
    ("95% 범위: 평균은 t 분포 신뢰구간, 비율은 Wilson 구간, NPS는 +1/0/−1 점수 평균의 정규 "
     "근사. 전화 응답률 = 조사 완료 ÷ 연결(응답 또는 거절)."),
    (f"n < {SUPPRESS_BELOW}이면 수치를 표시하지 않고(—) n만 적으며, n {SUPPRESS_BELOW}–"
     f"{REFERENCE_BELOW - 1}은 {REFERENCE}로 표시합니다."),
)


def _figures(report, st, width: float) -> list:
    from reportlab.platypus import KeepTogether, Paragraph, Spacer
    story = [Paragraph("1. 주요 지표", st.heading),
             pdf.data_table(["지표", "점수", "95% 범위", "n", "정의"], _headlines(report),
                                    [width * f for f in (0.2, 0.15, 0.17, 0.1, 0.38)], st,
                                    numeric=(1, 2, 3)),
             Paragraph("2. 문항별 결과", st.heading),
             pdf.data_table(["문항", "점수(100점)", "95% 범위", "n", "해당없음", "무응답",
                                     "만족 비율(%)"], _items(report),
                                    [width * f for f in (0.25, 0.14, 0.16, 0.09, 0.11, 0.11, 0.14)],
                                    st, numeric=(1, 2, 3, 4, 5, 6))]
    for number, (heading, groups) in enumerate(report.breakdowns, start=3):
        story.append(KeepTogether([  # a heading never ends a page without its table
            Paragraph(pdf.escape(f"{number}. {heading} 전반적 만족"), st.heading),
            pdf.data_table(["구분", "점수(100점)", "95% 범위", "n", "해당없음"],
                                   _groups(groups) or [["—", "—", "—", "0", "0"]],
                                   [width * f for f in (0.36, 0.16, 0.2, 0.14, 0.14)], st,
                                   numeric=(1, 2, 3, 4))]))
    flagged = ", ".join(f"{name} {n:,}건" for name, n in report.flags)
    story += [Paragraph(f"{len(report.breakdowns) + 3}. 응답 품질", st.heading),
              Paragraph(pdf.escape(f"품질 표시가 붙은 응답: {flagged}. 표시된 응답도 지표에서 빼지 "
                                   "않았습니다(판단은 담당자 몫).") if flagged
                        else "품질 표시가 붙은 응답이 없습니다.", st.body),
              Spacer(1, 6),
              Paragraph(pdf.escape(f"— : 응답이 {SUPPRESS_BELOW}건 미만이라 표시하지 않음.  "
                                   f"{REFERENCE}: 응답 {SUPPRESS_BELOW}–{REFERENCE_BELOW - 1}건, "
                                   "해석에 주의."), st.small)]
    return story


def _appendix(report, st, width: float) -> list:
    from reportlab.lib.units import cm
    from reportlab.platypus import CondPageBreak, Paragraph, Spacer
    # the appendix in one piece: on a page of its own unless it fits below the figures
    return [Spacer(1, 12), CondPageBreak(14 * cm),
            Paragraph("부록 1. 조사 개요", st.heading),
            pdf.key_value_table(_outline(report), width, st),
            Paragraph("부록 2. 산식", st.heading),
            *[Paragraph(pdf.escape(f"{n}. {text}"), st.body)
              for n, text in enumerate(FORMULAS, start=1)]]


def render(report, out: Path) -> int:
    """Write the report of `report` (services.report_survey.SurveyReport) to `out`; the
    number of pages."""
    from reportlab.platypus import Paragraph
    st = pdf.styles()
    width = pdf.content_width()
    s = report.summary
    modes = " · ".join(f"{name} {n:,}" for name, n in report.modes)
    kind = "민원 연결" if report.linked else "익명"
    story = [Paragraph("만족도 조사 결과", st.title),
             pdf.key_value_table([
                 ("설문", f"{report.title} ({report.code}, {kind})"),
                 ("조사 기간", f"{s.first:%Y-%m-%d} ~ {s.last:%Y-%m-%d}"),
                 ("응답 수", f"{s.responses:,}건" + (f" ({modes})" if modes else ""))], width, st)]
    if report.empty:
        story.append(Paragraph(NO_ANSWERS, st.heading))
    else:
        story += _figures(report, st, width)
    story += _appendix(report, st, width)
    end = pdf.page_counter()
    story.append(end)
    title = f"만족도 조사 결과 {report.code} {s.first:%Y-%m-%d} ~ {s.last:%Y-%m-%d}"
    pdf.build(out, story, title, report.office, page=pdf.Page(report.office, title, report.made))
    return end.pages
