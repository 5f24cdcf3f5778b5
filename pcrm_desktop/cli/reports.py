"""`pcrm report …` and `pcrm analysis …`: the printouts and the group table from the command
line (scheduled monthly runs). Handlers return (exit code, summary dict, Korean text), like
every command module's."""
from __future__ import annotations

import argparse

from pcrm_desktop.cli.shared import day, session, stderr_progress


def report_parser(sub, common) -> None:
    parser = sub.add_parser(
        "report", parents=[common],
        help="보고서 PDF (월간 민원·고객만족 보고서, 민원처리부, 만족도 조사 결과, 접속기록 점검표)",
        description="보고서를 PDF로 만듭니다. 개인정보는 가리고, 만들 때마다 감사 기록에 남습니다.")
    parser.add_argument("what", choices=["monthly", "register", "survey", "access-log"],
                        help="monthly: 월간 보고서 (--month), register: 민원처리부 (--from, --to), "
                             "survey: 만족도 조사 결과 (--survey, --from, --to), "
                             "access-log: 월간 개인정보 접속기록 점검표 (--month; 관리자·팀장)")
    parser.add_argument("--month", metavar="YYYY-MM", help="월간 보고서·접속기록 점검표의 달")
    parser.add_argument("--from", dest="first", metavar="YYYY-MM-DD", help="기간 시작")
    parser.add_argument("--to", dest="last", metavar="YYYY-MM-DD", help="기간 끝 (포함)")
    parser.add_argument("--survey", metavar="CODE", help="만족도 조사 결과: 설문 코드")
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="PDF 파일")
    parser.add_argument("--xlsx", metavar="FILE.xlsx", help="같은 표를 엑셀로도 (월간 보고서)")


def cmd_report(args: argparse.Namespace) -> tuple[int, dict, str]:
    return {"monthly": _report_monthly, "register": _report_register,
            "survey": _report_survey, "access-log": _report_access_log}[args.what](args)


def _month(args: argparse.Namespace):
    """--month YYYY-MM as the first day of that month."""
    from datetime import date

    from pcrm_desktop.domain.errors import ValidationError
    try:
        year, month = (int(part) for part in (args.month or "").split("-"))
        return date(year, month, 1)
    except ValueError:
        raise ValidationError("month_format", field="month", value=args.month or "") from None


def _report_monthly(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pathlib import Path

    from pcrm_desktop.services.monthly_report import build_monthly
    first = _month(args)
    with session(args) as ctx:
        built = build_monthly(ctx, first, Path(args.out),
                              Path(args.xlsx) if args.xlsx else None, progress=stderr_progress)
    r = built.report

    def figure(h) -> dict:
        return {"name": h.name, "value": None if h.value is None else round(h.value, 1),
                "previous": None if h.previous is None else round(h.previous, 1),
                "last_year": None if h.last_year is None else round(h.last_year, 1),
                "vs_previous_significant": bool(h.vs_previous and h.vs_previous.significant),
                "vs_last_year_significant": bool(h.vs_last_year and h.vs_last_year.significant),
                **({"n": h.estimate.n,
                    "low": round(h.estimate.low, 1) if h.estimate.shown else None,
                    "high": round(h.estimate.high, 1) if h.estimate.shown else None}
                   if h.estimate is not None else {})}
    summary = {"ok": True, "out": str(built.pdf), "xlsx": str(built.xlsx) if built.xlsx else None,
               "pages": built.pages, "month": f"{first:%Y-%m}", "empty": r.empty,
               "headline": {h.key: figure(h) for h in r.headlines},
               "surveys": [s.code for s in r.surveys]}
    lines = [f"월간 보고서 {first:%Y-%m}: {built.pdf} ({built.pages}쪽)"
             + (f", 엑셀 {built.xlsx}" if built.xlsx else "")]
    for h in r.headlines:
        digits = 0 if h.unit == "건" else 1
        lines.append(f"  {h.name}: "
                     + ("—" if h.value is None else f"{h.value:,.{digits}f}{h.unit}"))
    return 0, summary, "\n".join(lines)


def _report_register(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pathlib import Path

    from pcrm_desktop.services.report_register import build_register
    first, last = day(args.first, "from"), day(args.last, "to")
    with session(args) as ctx:
        done = build_register(ctx, first, last, Path(args.out))
    summary = {"ok": True, "out": str(done.path), "pages": done.pages, "rows": done.rows,
               "late": done.late, "from": str(first), "to": str(last)}
    return 0, summary, (f"민원처리부 PDF 완료: {done.path} ({done.rows:,}건, {done.pages:,}쪽, "
                        f"기한 넘김 {done.late:,}건, 민원인 가림)")


def _report_survey(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pathlib import Path

    from pcrm_desktop.domain.errors import ValidationError
    from pcrm_desktop.services.report_survey import build_survey_report
    if not args.survey:
        raise ValidationError("required", field="survey_option")
    first, last = day(args.first, "from"), day(args.last, "to")
    with session(args) as ctx:
        done = build_survey_report(ctx, args.survey, first, last,
                                   Path(args.out))
    summary = {"ok": True, "out": str(done.path), "pages": done.pages, "rows": done.responses,
               "responses": done.responses, "overall_n": done.overall_n,
               "survey": done.code, "from": str(first), "to": str(last)}
    return 0, summary, (f"만족도 조사 결과 PDF 완료: {done.path} (응답 {done.responses:,}건, "
                        f"{done.pages:,}쪽)")


def _report_access_log(args: argparse.Namespace) -> tuple[int, dict, str]:
    """The month's access-log review; exit code 1 when the hash chain is broken (the PDF is
    made all the same: it says where)."""
    from pathlib import Path

    from pcrm_desktop.domain.access_review import chain_text
    from pcrm_desktop.services.report_access_log import build_access_log
    first = _month(args)
    with session(args) as ctx:
        done = build_access_log(ctx, first, Path(args.out), progress=stderr_progress)
    chain = done.chain
    summary = {"ok": chain.ok, "out": str(done.path), "pages": done.pages,
               "month": f"{first:%Y-%m}",
               "entries": done.entries, "findings": done.findings, "watched": done.watched,
               "chain": {"ok": chain.ok, "checked": chain.checked, "first_id": chain.first_id,
                         "last_id": chain.last_id, "head_hash": chain.last_hash,
                         "broken_id": chain.broken_id, "problem": chain.problem or None}}
    return (0 if chain.ok else 1), summary, (
        f"접속기록 점검표 {first:%Y-%m}: {done.path} ({done.pages}쪽)\n"
        f"  기록 {done.entries:,}건 · 이상 징후 {done.findings:,}건 · 출력·반출·표시 {done.watched:,}건\n"
        f"  무결성: {chain_text(chain)}\n  마지막 기록의 해시: {chain.last_hash}")


def analysis_parser(sub, common) -> None:
    parser = sub.add_parser(
        "analysis", parents=[common], help="고객집단·접수 경로·동별 분석 (격차는 유의할 때만 표시)",
        description="주민 수, 민원, 1,000명당 민원, 기한 내 처리율, 처리일수, 만족도를 n과 95%% 범위와 함께, "
                    "그 외 모두와의 격차는 5%% 수준에서 유의할 때만 표시합니다.")
    parser.add_argument("what", choices=["groups"], help="groups: 집단별 표")
    parser.add_argument("--from", dest="first", metavar="YYYY-MM-DD", required=True)
    parser.add_argument("--to", dest="last", metavar="YYYY-MM-DD", required=True, help="기간 끝 (포함)")
    parser.add_argument("--by", choices=["group", "channel", "dong"], default="group",
                        help="group: 고객집단 (기본), channel: 접수 경로, dong: 동")


_ANALYSIS_BY = {"group": "고객집단", "channel": "접수 경로", "dong": "동"}


def cmd_analysis(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pcrm_desktop.services import analysis
    first, last = day(args.first, "from"), day(args.last, "to")
    with session(args) as ctx:
        rows = analysis.group_table(ctx, first, last, args.by)

    def figure(e) -> dict:
        shown = e.shown
        return {"value": round(e.value, 2) if shown else None, "n": e.n,
                "low": round(e.low, 2) if shown and e.low is not None else None,
                "high": round(e.high, 2) if shown and e.high is not None else None,
                "visibility": e.visibility}

    def gap(c) -> dict | None:
        return None if c is None else {"difference": round(c.difference, 2),
                                       "statistic": round(c.statistic, 3),
                                       "significant": c.significant}
    summary = {"ok": True, "from": str(first), "to": str(last), "by": args.by, "rows": [
        {"key": g.key, "label": g.label, "residents": g.residents, "received": g.received,
         "per_thousand": None if g.per_thousand is None else round(g.per_thousand, 2),
         "finished": g.finished, "on_time": figure(g.on_time), "on_time_gap": gap(g.on_time_gap),
         "days": figure(g.days), "days_gap": gap(g.days_gap),
         "satisfaction": figure(g.satisfaction), "satisfaction_gap": gap(g.satisfaction_gap)}
        for g in rows]}
    return 0, summary, _analysis_text(rows, first, last, args.by)


def _cell(text: str, width: int) -> str:
    """`text` padded to `width` columns, a Hangul syllable taking two."""
    import unicodedata
    used = sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
    return " " * max(0, width - used) + text


def _analysis_text(rows, first, last, by: str) -> str:
    def shown(e, digits: int = 1) -> str:
        if e.value is None:
            return "—"
        if not e.shown:
            return f"(n {e.n})"
        return f"{e.value:.{digits}f}" + ("*" if e.visibility == "reference" else "")

    def flag(c) -> str:
        if not (c and c.significant):
            return ""
        return f"{'▲' if c.difference > 0 else '▼'}{abs(c.difference):.1f}"
    widths = (14, 7, 7, 9, 7, 7, 6, 8, 5, 7, 5, 6)
    head = ("구분", "주민", "민원", "1,000명당", "처리", "기한내%", "격차", "처리일수", "격차",
            "만족도", "n", "격차")
    lines = [f"{_ANALYSIS_BY[by]}별 분석 {first}~{last}", " ".join(map(_cell, head, widths))]
    for g in rows:
        cells = (g.label, "—" if g.residents is None else f"{g.residents:,}", f"{g.received:,}",
                 "—" if g.per_thousand is None else f"{g.per_thousand:,.1f}", f"{g.finished:,}",
                 shown(g.on_time), flag(g.on_time_gap), shown(g.days), flag(g.days_gap),
                 shown(g.satisfaction), f"{g.satisfaction.n:,}", flag(g.satisfaction_gap))
        lines.append(" ".join(map(_cell, cells, widths)))
    lines.append("격차: 그 외 모두와 비교해 5% 수준에서 유의할 때만 ▲/▼ (양쪽 n 30 이상). "
                 "(n …): 30건 미만이라 숨김, *: 30–49건 참고. 처리일수는 근무일, 만족도는 100점.")
    return "\n".join(lines)
