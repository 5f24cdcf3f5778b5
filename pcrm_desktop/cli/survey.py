"""`pcrm survey summary`: a survey's indices for a period — 민원만족도, top-2-box, 요소만족도,
종합 CS 지수, 추천, NPS and every scale item — each with its n and 95 % range, suppressed under
n 30 and marked 참고 for 30–49, as text or `--json`.

Handlers return (exit code, summary dict, Korean text), like every command module's.
"""
from __future__ import annotations

import argparse

from pcrm_desktop.cli.shared import count, day, session


def survey_parser(sub, common) -> None:
    survey = sub.add_parser(
        "survey", parents=[common], help="만족도 조사 지수 (n, 95%% 오차 범위와 함께)",
        description="설문 하나와 기간(끝 날 포함)의 민원만족도, 만족 비율(전반적 만족 4·5점), "
                    "요소만족도, 종합 CS 지수, 추천 의향, NPS와 문항별 점수를 n과 95%% 범위와 함께 "
                    "보여 줍니다. n 30 미만은 숫자를 보이지 않고, 30–49는 '참고'입니다.")
    survey.add_argument("what", choices=["summary"])
    survey.add_argument("--survey", required=True, metavar="CODE", help="설문 코드 (예: COUNTER)")
    survey.add_argument("--from", dest="first", metavar="YYYY-MM-DD", required=True)
    survey.add_argument("--to", dest="last", metavar="YYYY-MM-DD", required=True)
    survey.add_argument("--population", type=count, metavar="N",
                        help="표본틀 크기(예: 그 달 종결 민원 수, 응답 수 이상): 유한모집단 수정에 씀")


def _figure(e) -> dict:
    return {"value": None if not e.shown else round(e.value, 1), "n": e.n,
            "low": None if not e.shown else round(e.low, 1),
            "high": None if not e.shown else round(e.high, 1),
            "not_applicable": e.not_applicable, "skipped": e.skipped,
            "visibility": e.visibility}


def _text(e, unit: str = "") -> str:
    if e.n == 0:
        return "응답 없음"
    if not e.shown:
        return f"표시 안 함 (n={e.n:,} < 30)"
    note = " 참고" if e.visibility == "reference" else ""
    return f"{e.value:.1f}{unit} (95% {e.low:.1f}–{e.high:.1f}, n={e.n:,}){note}"


def cmd_survey(args: argparse.Namespace) -> tuple[int, dict, str]:
    from pcrm_desktop.domain.survey_stats import Moments, top_two_box
    from pcrm_desktop.services import surveys
    first, last = day(args.first, "from"), day(args.last, "to")
    with session(args) as ctx:
        result = surveys.summary(ctx, args.survey, first, last, args.population)
    top_two = {code: top_two_box((result.moments or {}).get(code, Moments(0)),
                                 (result.scale_points or {}).get(code, 5), args.population)
               for code in result.items}
    summary = {"ok": True, "survey": result.survey, "from": str(first), "to": str(last),
               "responses": result.responses, "by_mode": result.by_mode,
               "overall": _figure(result.overall),
               "overall_top_two": _figure(result.overall_top_two),
               "elements": _figure(result.elements_estimate),
               "recommend": _figure(result.recommend), "nps": _figure(result.nps),
               "cs_index": _figure(result.cs_estimate),
               "items": {code: _figure(e) for code, e in result.items.items()},
               "items_top_two": {code: _figure(e) for code, e in top_two.items()},
               "quality_flags": result.flagged,
               "phone": {"attempted": result.phone[0], "reached": result.phone[1],
                         "completed": result.phone[2],
                         "response_rate": None if result.response_rate is None
                         else _figure(result.response_rate)}}
    return 0, summary, "\n".join(_lines(result, top_two, first, last))


def _lines(result, top_two: dict, first, last) -> list[str]:
    from pcrm_desktop.domain.survey_stats import WEIGHT_ELEMENTS, WEIGHT_OVERALL, WEIGHT_RECOMMEND
    from pcrm_desktop.services.report_survey import FLAG_NAMES, ITEM_NAMES, MODE_NAMES
    modes = " · ".join(f"{MODE_NAMES.get(m, m)} {n:,}" for m, n in
                       sorted(result.by_mode.items(), key=lambda kv: -kv[1]))
    lines = [f"{result.survey} {first}~{last}: 응답 {result.responses:,}건"
             + (f" ({modes})" if modes else "")]
    for name, e, unit in (
            ("민원만족도 (전반적 만족, 100점)", result.overall, ""),
            ("만족 비율 (전반적 만족 4·5점)", result.overall_top_two, "%"),
            ("요소만족도 (요소 문항 점수의 평균)", result.elements_estimate, ""),
            (f"종합 CS 지수 ({WEIGHT_OVERALL}·민원 + {WEIGHT_ELEMENTS}·요소 + "
             f"{WEIGHT_RECOMMEND}·추천)", result.cs_estimate, ""),
            ("추천 의향 (0–10 → 100점)", result.recommend, ""),
            ("NPS (9–10점 % − 0–6점 %)", result.nps, "")):
        missing = e is result.cs_estimate and result.recommend.n == 0
        lines.append(f"  {name}: " + ("계산하지 않음 (추천 의향 응답 없음)" if missing
                                      else _text(e, unit)))
    if result.items:
        lines.append("  문항별 (100점; 해당없음은 분모에서 뺌):")
    for code, e in result.items.items():
        line = f"    {code} {ITEM_NAMES.get(code, '')}".rstrip() + f": {_text(e)}"
        if top_two[code].shown:
            line += f" · 만족 비율 {top_two[code].value:.1f}%"
        if e.not_applicable:
            line += f" · 해당없음 {e.not_applicable:,}"
        lines.append(line)
    if result.flagged:
        lines.append("  응답 품질 표시 (빼지 않고 표시만): " + " · ".join(
            f"{FLAG_NAMES.get(f, f)} {n:,}건" for f, n in sorted(result.flagged.items())))
    if result.response_rate is not None:
        attempted, reached, completed = result.phone
        lines.append(f"  해피콜: 시도 {attempted:,} · 연결 {reached:,} · 완료 {completed:,} → 응답률 "
                     + _text(result.response_rate, "%"))
    lines.append("  요소만족도·종합 CS 지수의 n은 들어간 문항 가운데 가장 적은 n, 95% 범위는 문항들의 "
                 "범위를 더한 보수적인 범위입니다.")
    return lines
