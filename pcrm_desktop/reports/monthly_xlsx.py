"""The monthly report's tables as an XLSX workbook, one sheet a table, numbers as numbers (so
staff can re-use them); suppressed satisfaction figures are left empty with their n beside."""
from __future__ import annotations

from pathlib import Path

from pcrm_desktop.domain.actions import stored_after, stored_before
from pcrm_desktop.reports.spreadsheet import write_sheets


def _value(e):
    return round(e.value, 1) if e is not None and e.shown else None


def _mark(e) -> str | None:
    """Beside a satisfaction figure: 참고 (n 30–49) or 숨김 (n under 30), as in the PDF."""
    if e is None or e.n == 0:
        return None
    return {"suppressed": "숨김", "reference": "참고"}.get(e.visibility)


def _rounded(value, digits: int = 1):
    return None if value is None else round(value, digits)


def _change(change):
    if change is None:
        return None, None
    return round(change.difference, 1), "유의" if change.significant else "유의하지 않음"


def _gap(change, n: int) -> str | None:
    if change is None or n < 30:
        return "표본 부족"
    return ("높음" if change.difference > 0 else "낮음") if change.significant else "차이 없음"


def write(report, out: Path) -> Path:
    summary = []
    for h in report.headlines:
        if h.estimate is not None:
            summary.append([h.name, _value(h.estimate), h.estimate.n, _mark(h.estimate),
                            _value(h.previous_estimate), _mark(h.previous_estimate),
                            _value(h.last_year_estimate), _mark(h.last_year_estimate),
                            *_change(h.vs_previous), *_change(h.vs_last_year)])
        else:
            summary.append([h.name, _rounded(h.value), None, None, _rounded(h.previous), None,
                            _rounded(h.last_year), None, *_change(h.vs_previous),
                            *_change(h.vs_last_year)])
    tables = [("요약", ["지표", "이번 달", "n", "표시", "전월", "표시", "전년 동월", "표시", "전월 대비", "유의",
                        "전년 대비", "유의"], summary)]
    for name, rows in (("접수경로별", report.by_channel), ("민원종류별", report.by_type)):
        tables.append((name, ["구분", "접수"], [[r.label, r.received] for r in rows]))
    for name, rows in (("분류별", report.by_category), ("부서별", report.by_department)):
        tables.append((name, ["구분", "접수", "처리", "기한 내 처리", "기한 내 처리율(%)", "평균 처리일수"],
                       [[r.label, r.received, r.finished, r.on_time, _rounded(r.on_time_rate),
                         _rounded(r.mean_days, 2)] for r in rows]))
    tables.append(("반복민원", ["구분", "건수"], [["30일 안에 같은 분류로 다시 낸 민원", report.repeats]]
                   + [[f"{road} · {category}", n] for road, category, n in report.repeat_places]))
    tables.append(("기한넘김", ["접수번호", "제목", "민원인(가림)", "부서", "처리기한", "넘긴 날"],
                   [[o["receipt_no"], o["title"], o["applicant"], o["department"],
                     f"{o['due_at']:%Y-%m-%d %H:%M}", o["days_over"]] for o in report.overdue]))
    items = []
    for section in report.surveys:
        s = section.trend.current
        for code, e in s.items.items():
            items.append([section.code, code, _value(e), e.n, _mark(e), e.not_applicable, e.skipped,
                          *_change(section.trend.changes.get(code))])
    indices, modes = [], []
    for section in report.surveys:
        s = section.trend.current
        for name, e in (("민원만족도", s.overall), ("상위 2개 응답 비율(%)", s.overall_top_two),
                        ("추천 의향(100점)", s.recommend), ("NPS", s.nps),
                        ("전화 응답률(%)", s.response_rate)):
            if e is not None:
                indices.append([section.code, name, _value(e), _rounded(e.low) if e.shown else None,
                                _rounded(e.high) if e.shown else None, e.n, _mark(e)])
        for name, value in (("요소만족도", s.elements), ("종합 CS 지수", s.cs_index)):
            indices.append([section.code, name, _rounded(value), None, None, None, None])
        for g in section.by_mode:
            modes.append([section.code, g.label, _value(g.score), g.score.n, _mark(g.score)])
    tables.append(("만족도지수", ["설문", "지수", "값", "95% 하한", "95% 상한", "n", "표시"], indices))
    tables.append(("만족도문항", ["설문", "문항", "점수(100점)", "n", "표시", "해당없음", "무응답", "전월 대비",
                                "유의"], items))
    tables.append(("응답방식별", ["설문", "방식", "민원만족도", "n", "표시"], modes))
    groups = [report.everyone, *report.groups] if report.everyone else []
    tables.append(("고객집단", ["집단", "접수", "처리", "기한 내 처리율(%)", "표시", "기한 격차",
                              "처리일수", "처리일수 격차", "만족도", "n", "표시", "만족도 격차"],
                   [[g.label, g.received, g.finished,
                     _value(g.on_time), _mark(g.on_time), _gap(g.on_time_gap, g.on_time.n),
                     _value(g.days), _gap(g.days_gap, g.days.n), _value(g.satisfaction), g.satisfaction.n,
                     _mark(g.satisfaction), _gap(g.satisfaction_gap, g.satisfaction.n)]
                    for g in groups]))
    tables.append(("12개월추이", ["월", "접수", "처리", "기한 내 처리율(%)", "민원만족도", "n", "표시"],
                   [[f"{p.month:%Y-%m}", p.received, p.finished, _rounded(p.on_time_rate),
                     _value(p.satisfaction), p.satisfaction.n, _mark(p.satisfaction)]
                    for p in report.trend]))
    tables.append(("개선과제", ["과제", "수치", "담당", "기한", "상태", "기준값", "기준 n", "평가값", "평가 n", "판정"],
                   [[a["title"], a["figure_label"], a.get("owner"), str(a["due_on"] or ""), a["status"],
                     _value(stored_before(a)), a["baseline_n"], _value(stored_after(a)), a["after_n"],
                     a["evaluation"]] for a in report.actions]))
    write_sheets(out, tables)
    return out
