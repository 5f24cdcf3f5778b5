"""The monthly report's tables as an XLSX workbook, one sheet a table, numbers as numbers (so
staff can re-use them); suppressed satisfaction figures are left empty with their n beside."""
from __future__ import annotations

from pathlib import Path

from pcrm_desktop.services.spreadsheet import write_sheets


def _value(e):
    return round(e.value, 1) if e is not None and e.shown else None


def _rounded(value, digits: int = 1):
    return None if value is None else round(value, digits)


def _change(change):
    if change is None:
        return None, None
    return round(change.difference, 1), "유의" if change.significant else "유의하지 않음"


def write(report, out: Path) -> Path:
    summary = []
    for h in report.headlines:
        value = _value(h.estimate) if h.estimate is not None else _rounded(h.value)
        summary.append([h.name, value, h.estimate.n if h.estimate else None, _rounded(h.previous),
                        _rounded(h.last_year), *_change(h.vs_previous), *_change(h.vs_last_year)])
    tables = [("요약", ["지표", "이번 달", "n", "전월", "전년 동월", "전월 대비", "유의", "전년 대비", "유의"],
               summary)]
    for name, rows in (("접수경로별", report.by_channel), ("민원종류별", report.by_type)):
        tables.append((name, ["구분", "접수"], [[r.label, r.received] for r in rows]))
    for name, rows in (("분류별", report.by_category), ("부서별", report.by_department)):
        tables.append((name, ["구분", "접수", "처리", "기한 내 처리", "기한 내 처리율(%)", "평균 처리일수"],
                       [[r.label, r.received, r.finished, r.on_time, _rounded(r.on_time_rate),
                         _rounded(r.mean_days, 2)] for r in rows]))
    tables.append(("기한넘김", ["접수번호", "제목", "민원인(가림)", "부서", "처리기한", "넘긴 날"],
                   [[o["receipt_no"], o["title"], o["applicant"], o["department"],
                     f"{o['due_at']:%Y-%m-%d %H:%M}", o["days_over"]] for o in report.overdue]))
    items = []
    for section in report.surveys:
        s = section.trend.current
        for code, e in s.items.items():
            items.append([section.code, code, _value(e), e.n, e.not_applicable, e.skipped,
                          *_change(section.trend.changes.get(code))])
    tables.append(("만족도문항", ["설문", "문항", "점수(100점)", "n", "해당없음", "무응답", "전월 대비", "유의"],
                   items))
    groups = [report.everyone, *report.groups] if report.everyone else []
    tables.append(("고객집단", ["집단", "접수", "처리", "기한 내 처리율(%)", "기한 격차", "만족도", "n", "만족도 격차"],
                   [[g.label, g.received, g.finished, _rounded(g.on_time_rate),
                     _change(g.on_time_gap)[1], _value(g.satisfaction), g.satisfaction.n,
                     _change(g.satisfaction_gap)[1]] for g in groups]))
    tables.append(("12개월추이", ["월", "접수", "처리", "기한 내 처리율(%)", "민원만족도", "n"],
                   [[f"{p.month:%Y-%m}", p.received, p.finished, _rounded(p.on_time_rate),
                     _value(p.satisfaction), p.satisfaction.n] for p in report.trend]))
    write_sheets(out, tables)
    return out
