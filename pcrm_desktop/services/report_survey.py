"""만족도 조사 결과 PDF of one survey and a period: the indices of surveys.summary with n and
95 % ranges, item scores, breakdowns, quality flags and the appendix (formulas, outline).
Nothing is counted here that surveys.summary / breakdown do not count; every print is in
the audit log."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from pcrm_desktop.domain.complaints import CHANNEL_NAMES, Channel
from pcrm_desktop.domain.errors import NotFoundError
from pcrm_desktop.domain.survey_stats import Estimate, Moments, top_two_box
from pcrm_desktop.domain.text import nfc
from pcrm_desktop.services import surveys
from pcrm_desktop.services.context import ServiceContext
from pcrm_desktop.services.report_register import office_name


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name lupdate looks for
    return text


# short names of the standard items (DOMAIN.md §5); other items print their question
# (screens translate them in the "item_names" context; the PDF prints them as they are)
ITEM_NAMES = {"ACCESS": QT_TRANSLATE_NOOP("item_names", "안내·찾기 쉬움"),
              "KIND": QT_TRANSLATE_NOOP("item_names", "친절"),
              "EXPERT": QT_TRANSLATE_NOOP("item_names", "전문성·설명"),
              "SPEED": QT_TRANSLATE_NOOP("item_names", "신속·기한 준수"),
              "RESULT": QT_TRANSLATE_NOOP("item_names", "처리 결과·공정"),
              "FACILITY": QT_TRANSLATE_NOOP("item_names", "시설·편의"),
              "OVERALL": QT_TRANSLATE_NOOP("item_names", "전반적 만족"),
              "RECOMMEND": QT_TRANSLATE_NOOP("item_names", "추천 의향 (0–10)")}
MODE_NAMES = {"kiosk": "키오스크", "phone": "전화 (해피콜)", "paper": "서면", "import": "가져오기"}
FLAG_NAMES = {"straight_lined": "모든 문항 같은 답", "too_fast": "너무 빠른 응답"}
# what a linked survey's answers can be broken down by besides the mode (anonymous ones
# carry no 민원)
LINKED_BREAKDOWNS = (("channel", "접수경로별"), ("department", "처리부서별"))


@dataclass(frozen=True)
class ItemRow:
    code: str
    name: str
    score: Estimate              # on 100 points
    top_two: Estimate | None     # % of the two best answers (scale items only)


@dataclass(frozen=True)
class SurveyReport:
    office: str
    code: str
    title: str
    linked: bool
    made: str                                         # "2026-11-27 14:05 작성"
    summary: surveys.Summary
    items: tuple[ItemRow, ...]                        # in questionnaire order
    breakdowns: tuple[tuple[str, tuple[surveys.Group, ...]], ...]  # (heading, groups)
    modes: tuple[tuple[str, int], ...]                # (mode's name, responses)
    flags: tuple[tuple[str, int], ...]                # (quality flag's name, responses)

    @property
    def empty(self) -> bool:
        return self.summary.responses == 0


@dataclass(frozen=True)
class SurveyPdf:
    path: Path
    code: str
    pages: int
    responses: int
    overall_n: int


def _survey_row(ctx: ServiceContext, code: str) -> dict[str, Any]:
    found = next((s for s in surveys.surveys(ctx) if s["code"] == code), None)
    if found is None:
        raise NotFoundError("survey_not_found", field="survey", survey=code)
    return found


def _labelled(groups: list[surveys.Group], dimension: str) -> tuple[surveys.Group, ...]:
    def label(raw: str) -> str:
        if dimension == "mode":
            return MODE_NAMES.get(raw, raw)
        if dimension == "channel" and raw in {c.value for c in Channel}:
            return CHANNEL_NAMES[Channel(raw)]
        return raw
    return tuple(surveys.Group(label(g.label), g.score) for g in groups)


def _item_row(summary: surveys.Summary, code: str, name: str) -> ItemRow:
    if code not in summary.items:  # the 0–10 recommendation: a score, no top boxes
        return ItemRow(code, name, summary.recommend, None)
    moments = (summary.moments or {}).get(code, Moments(0, skipped=summary.responses))
    return ItemRow(code, name, summary.items[code],
                   top_two_box(moments, (summary.scale_points or {}).get(code, 5)))


def survey_report(ctx: ServiceContext, code: str, first: date, last: date) -> SurveyReport:
    """The figures of the report as plain data (admins, managers and clerks)."""
    code = nfc(code).strip().upper()
    summary = surveys.summary(ctx, code, first, last)  # checks the role and the period
    survey = _survey_row(ctx, code)
    _, questionnaire = surveys.questionnaire(ctx, code)
    items = tuple(_item_row(summary, i.code, ITEM_NAMES.get(i.code, i.text))
                  for i in questionnaire.items if i.code in summary.items or i.code == "RECOMMEND")
    dimensions = (("mode", "응답 방식별"),) + (LINKED_BREAKDOWNS if survey["linked"] else ())
    breakdowns = tuple(
        (heading, _labelled(surveys.breakdown(ctx, code, first, last, by), by))
        for by, heading in dimensions) if summary.responses else ()
    modes = tuple((MODE_NAMES.get(m, m), n) for m, n in sorted(summary.by_mode.items(),
                                                              key=lambda kv: -kv[1]))
    flags = tuple((FLAG_NAMES.get(f, f), n) for f, n in sorted(summary.flagged.items()))
    return SurveyReport(office_name(ctx), code, survey["title"], bool(survey["linked"]),
                        f"{ctx.clock():%Y-%m-%d %H:%M} 작성", summary, items, breakdowns, modes,
                        flags)


def build_survey_report(ctx: ServiceContext, code: str, first: date, last: date,
                        out: Path) -> SurveyPdf:
    from pcrm_desktop.reports.survey_pdf import render
    report = survey_report(ctx, code, first, last)
    pages = render(report, Path(out))
    with ctx.uow_factory() as uow:
        ctx.audit(uow, "report.survey", Path(out).name,
                  f"{report.code} {first}~{last}: 응답 {report.summary.responses}건, {pages}쪽")
        uow.commit()
    return SurveyPdf(Path(out), report.code, pages, report.summary.responses,
                     report.summary.overall.n)
