"""만족도 조사 결과 PDF (services.report_survey, reports.survey_pdf): on a demo database, the
figures in the PDF's own text against the raw answers counted here with sqlite3 (the service
reads the daily sums instead); suppression under n = 30, an empty period, the font, the
audit entry, the command line."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import pytest

from pcrm_desktop.cli import main
from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.errors import NotFoundError
from pcrm_desktop.domain.privacy import PermissionDenied
from pcrm_desktop.services.report_survey import build_survey_report
from tests.integration.test_report_register import (
    NOW,
    bounds,
    pdf_fonts,
    pdf_pages,
    pdf_text,
    sql,
)
from tests.module_db import BACKENDS, module_demo

FIRST, LAST = date(2026, 9, 1), date(2026, 11, 20)  # the demo answers span the 90 days to NOW


@dataclass
class Demo:
    path: str   # the database's file path or server URL
    ctx: object

    def survey_id(self, code: str) -> int:
        return sql(self.path, "SELECT id FROM surveys WHERE code = ?", code)[0][0]

    def responses(self, code: str, first: date, last: date, extra: str = "") -> list[tuple]:
        """(id, mode) of the survey's responses in the period."""
        return sql(self.path, "SELECT r.id, r.mode FROM survey_responses r JOIN survey_versions v"
                   " ON v.id = r.version_id WHERE v.survey_id = ? AND r.submitted_at >= ?"
                   f" AND r.submitted_at < ? {extra}", self.survey_id(code), *bounds(first, last))

    def answers(self, code: str, first: date, last: date, item: str) -> tuple[list[float], int]:
        """The item's valid answers and its 해당없음 count in the period."""
        rows = sql(self.path, "SELECT a.value_num, a.na FROM survey_answers a JOIN"
                   " survey_responses r ON r.id = a.response_id"
                   " JOIN survey_versions v ON v.id = r.version_id"
                   " WHERE v.survey_id = ? AND a.item = ? AND r.submitted_at >= ?"
                   " AND r.submitted_at < ?", self.survey_id(code), item, *bounds(first, last))
        return [v for v, _ in rows if v is not None], sum(1 for _, na in rows if na)


@pytest.fixture(scope="module", params=BACKENDS)
def demo(request, tmp_path_factory):
    """One demo database for the module (filling it is the slow part), on each backend."""
    with module_demo(request, tmp_path_factory, "survey", NOW) as (target, ctx):
        yield Demo(target, ctx)


@pytest.fixture(scope="module")
def counter(demo, tmp_path_factory) -> tuple[Path, str]:
    out = tmp_path_factory.mktemp("counter") / "counter.pdf"
    build_survey_report(demo.ctx, "COUNTER", FIRST, LAST, out)
    return out, pdf_text(out)


FIGURE = r"(—|[+-]?\d+\.\d(?: \(참고\))?)\s+(—|-?\d+\.\d ~ -?\d+\.\d)\s+(—|[\d,]+)(.*)$"


def line(text: str, label: str) -> list[str]:
    """A table row of the PDF's text: the score, the 95 % range, n, then the later cells
    split at spaces, of the first line starting with `label`."""
    found = re.search(rf"^\s*{re.escape(label)}\s+{FIGURE}", text, re.MULTILINE)
    assert found, f"no row {label!r}"
    return [*found.groups()[:3], *found.group(4).split()]


def score(values: list[float], k: int = 5) -> str:
    return f"{(sum(values) / len(values) - 1) / (k - 1) * 100:.1f}"


def test_response_counts_and_modes(demo, counter):
    _, text = counter
    responses = demo.responses("COUNTER", FIRST, LAST)
    modes = {m: sum(1 for _, x in responses if x == m) for _, m in responses}
    assert len(responses) > 1000 and set(modes) == {"kiosk", "paper"}
    assert re.search(rf"응답 수\s+{len(responses):,}건 \(키오스크 {modes['kiosk']:,} · 서면 "
                     rf"{modes['paper']:,}\)", text)
    assert f"응답 {len(responses):,}건" in text  # the outline in the appendix


def test_headline_and_item_figures_equal_the_raw_answers(demo, counter):
    _, text = counter
    overall, _ = demo.answers("COUNTER", FIRST, LAST, "OVERALL")
    cells = line(text, "민원만족도")
    assert cells[0] == score(overall) and cells[2] == f"{len(overall):,}"
    top = sum(1 for v in overall if v >= 4) / len(overall) * 100
    assert line(text, "만족 비율 (%)")[0] == f"{top:.1f}"
    recommend, _ = demo.answers("COUNTER", FIRST, LAST, "RECOMMEND")
    assert line(text, "추천 의향")[0] == f"{sum(recommend) / len(recommend) * 10:.1f}"
    nps = (sum(v >= 9 for v in recommend) - sum(v <= 6 for v in recommend)) / len(recommend) * 100
    assert line(text, "NPS")[0] == f"{nps:+.1f}"
    for item, name in (("KIND", "친절"), ("FACILITY", "시설·편의"), ("RESULT", "처리 결과·공정")):
        values, na = demo.answers("COUNTER", FIRST, LAST, item)
        cells = line(text, name)
        top = sum(1 for v in values if v >= 4) / len(values) * 100
        assert cells[0] == score(values)
        assert cells[2:4] == [f"{len(values):,}", f"{na:,}"]
        assert cells[-1] == f"{top:.1f}"
    half = re.search(r"표본오차\s+±([\d.]+)점", text)
    assert half and 0 < float(half.group(1)) < 5


def test_suppressed_and_reference_figures(demo, tmp_path):
    """A day of fewer than 30 answers shows "—" beside its n; 30–49 get (참고)."""
    def overall_n(first: date, last: date) -> int:
        return len(demo.answers("COUNTER", first, last, "OVERALL")[0])
    days = [FIRST + timedelta(days=d) for d in range((LAST - FIRST).days)]
    small = next(d for d in days if 5 <= overall_n(d, d) < 30)
    out = tmp_path / "small.pdf"
    build_survey_report(demo.ctx, "COUNTER", small, small, out)
    cells = line(pdf_text(out), "민원만족도")
    assert cells[:3] == ["—", "—", f"{overall_n(small, small):,}"]
    first, last = next((d, d + timedelta(days=span)) for span in range(1, 6) for d in days
                       if 30 <= overall_n(d, d + timedelta(days=span)) < 50)
    out = tmp_path / "reference.pdf"
    build_survey_report(demo.ctx, "COUNTER", first, last, out)
    assert line(pdf_text(out), "민원만족도")[0].endswith("(참고)")


def test_linked_survey_has_the_phone_response_rate(demo, tmp_path):
    out = tmp_path / "happycall.pdf"
    done = build_survey_report(demo.ctx, "HAPPYCALL", FIRST, LAST, out)
    text = pdf_text(out)
    a, b = bounds(FIRST, LAST)
    calls = sql(demo.path, "SELECT complaint_id, last_outcome FROM happy_calls"
                " WHERE attempts > 0 AND last_at >= ? AND last_at < ?", a, b)
    reached = [c for c, outcome in calls if outcome in ("answered", "refused")]
    answered = {c for (c,) in sql(demo.path, "SELECT l.complaint_id FROM survey_links l JOIN"
                                  " survey_responses r ON r.id = l.response_id WHERE r.mode ="
                                  " 'phone' AND r.submitted_at >= ? AND r.submitted_at < ?", a, b)}
    completed = sum(1 for c, _ in calls if c in answered)
    assert f"완료 {completed:,} ÷ 연결 {len(reached):,} (시도 {len(calls):,})" in text
    assert line(text, "전화 응답률 (%)")[0] == f"{completed / len(reached) * 100:.1f}"
    assert done.responses == len(demo.responses("HAPPYCALL", FIRST, LAST))
    assert "접수경로별 전반적 만족" in text and "처리부서별 전반적 만족" in text
    names = [n for (n,) in sql(demo.path, "SELECT DISTINCT ci.name FROM survey_links l JOIN"
                               " citizens ci ON ci.id = l.citizen_id LIMIT 10")]
    assert names and not any(n in text for n in names)  # nobody is named in results


def test_formulas_and_outline_in_the_appendix(counter):
    text = counter[1].replace("\u2212", "-")  # the minus sign comes out as a hyphen or not
    for words in ("부록 1. 조사 개요", "조사 대상", "조사 방법", "표본 크기", "부록 2. 산식",
                  "(평균 - 1) ÷ (k - 1) × 100", "0.3 × 민원만족도 + 0.5 × 요소만족도 + 0.2"):
        assert words in text


def test_the_korean_font_is_embedded(counter):
    fonts = pdf_fonts(counter[0])
    assert any(name.endswith("+NanumGothic") and embedded for name, embedded in fonts)
    assert all(embedded for _, embedded in fonts)


def test_an_empty_period_gives_a_pdf_that_says_so(demo, tmp_path):
    out = tmp_path / "empty.pdf"
    done = build_survey_report(demo.ctx, "COUNTER", date(2020, 1, 1), date(2020, 1, 31), out)
    assert (done.responses, done.overall_n) == (0, 0)
    assert out.read_bytes().startswith(b"%PDF") and done.pages == pdf_pages(out)
    text = pdf_text(out)
    assert "이 기간에 응답이 없습니다." in text and "응답 0건" in text


def test_audit_and_refusals(demo, tmp_path):
    build_survey_report(demo.ctx, "counter", FIRST, LAST, tmp_path / "audited.pdf")
    (detail,) = sql(demo.path, "SELECT detail FROM audit_log WHERE action = 'report.survey'"
                    " AND target = 'audited.pdf'")[0]
    assert detail.startswith(f"COUNTER {FIRST}~{LAST}: 응답 ")
    with pytest.raises(NotFoundError):
        build_survey_report(demo.ctx, "NOPE", FIRST, LAST, tmp_path / "nope.pdf")
    with pytest.raises(PermissionDenied):
        build_survey_report(demo.ctx.as_actor(Actor(None, "kiosk", "kiosk", "")), "COUNTER",
                            FIRST, LAST, tmp_path / "kiosk.pdf")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["audited.pdf"]
    clerk = demo.ctx.as_actor(Actor(None, "clerk01", "clerk", ""))
    assert build_survey_report(clerk, "COUNTER", FIRST, FIRST, tmp_path / "clerk.pdf").pages


def test_command_line(demo, tmp_path, capsys):
    out = tmp_path / "cli.pdf"
    code = main(["report", "survey", "--db", demo.path, "--survey", "COUNTER", "--from",
                 str(FIRST), "--to", str(LAST), "--out", str(out), "--json"])
    summary = json.loads(capsys.readouterr().out)
    assert code == 0 and summary["ok"] is True and summary["out"] == str(out)
    assert summary["responses"] == len(demo.responses("COUNTER", FIRST, LAST))
    assert summary["overall_n"] == len(demo.answers("COUNTER", FIRST, LAST, "OVERALL")[0])
    assert summary["pages"] == pdf_pages(out)
    code = main(["report", "survey", "--db", demo.path, "--survey", "COUNTER", "--from",
                 "2020-01-01", "--to", "2020-01-31", "--out", str(tmp_path / "e.pdf"), "--json"])
    empty = json.loads(capsys.readouterr().out)
    assert code == 0 and empty["responses"] == 0 and (tmp_path / "e.pdf").is_file()
    code = main(["report", "survey", "--db", demo.path, "--from", str(FIRST), "--to",
                 str(LAST), "--out", str(tmp_path / "x.pdf"), "--json"])
    refused = json.loads(capsys.readouterr().out)
    assert code == 1 and refused["error"] == "required"
