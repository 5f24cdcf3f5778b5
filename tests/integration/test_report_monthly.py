"""월간 민원·고객만족 보고서 on a demo database: the headline numbers printed in the PDF (read
back with pdftotext) equal the ones worked out here straight from the database; the Korean
font is embedded; an empty month gives a valid report that says so; the workbook has the same
figures; the command line; the build is audited."""
from __future__ import annotations

import json
import re
import subprocess
from collections import Counter
from datetime import date, datetime, timedelta

import pytest
from openpyxl import load_workbook

from pcrm_desktop.domain.deadlines import past_due
from pcrm_desktop.services.demo import DemoRequest, fill_demo
from pcrm_desktop.services.monthly_report import build_monthly, month_span, monthly_report
from tests.dbutil import execute, rows
from tests.module_db import BACKENDS, module_database


@pytest.fixture(scope="module", params=BACKENDS)
def demo(request, tmp_path_factory):
    """One demo database for the module on each backend (built once: 2,500 민원, 2,000
    answers): (context, the database's path or URL, a folder for the outputs)."""
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.services import office
    folder = tmp_path_factory.mktemp("monthly")
    with module_database(request, tmp_path_factory, "monthly-db") as target:
        backend = open_backend(target)
        try:
            fill_demo(backend.ctx, DemoRequest(citizens=300, complaints=2500, responses=2000,
                                               seed=7))
            ctx = backend.ctx.as_actor(office.actor_for(backend.ctx, None))
            yield ctx, target, folder
        finally:
            backend.close()


def _text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def _stamp(day: date) -> str:
    return f"{day.isoformat()} 00:00:00"


def _working_days(db, received: date, finished: date) -> int:
    """Working days after the day of receipt up to the day finished, worked out here from the
    holiday table and the weekdays, one day at a time; a receipt on a day off is deemed made
    on the next working day."""
    off = {date.fromisoformat(d) for (d,) in rows(db, "SELECT day FROM holidays WHERE active")}
    while received.weekday() >= 5 or received in off:
        received += timedelta(days=1)
    count, day = 0, received
    while day < finished:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in off:
            count += 1
    return count


def test_headline_numbers_in_the_pdf_are_the_database_s(demo):
    ctx, db, folder = demo
    today = ctx.clock().date()
    first = (today.replace(day=1) - timedelta(days=1)).replace(day=1)  # last month: a closed month
    last = month_span(first)[1]
    a, b = _stamp(first), _stamp(last + timedelta(days=1))
    received = rows(db, "SELECT count(*) FROM complaints WHERE received_at >= ? AND received_at < ?", a, b)[0][0]
    finished = rows(db, "SELECT received_at, done_at, done_at <= due_at FROM complaints"
                        " WHERE done_at >= ? AND done_at < ?", a, b)
    on_time = sum(r[2] for r in finished) / len(finished) * 100
    days = sum(_working_days(db, date.fromisoformat(r[0][:10]), date.fromisoformat(r[1][:10]))
               for r in finished) / len(finished)
    overdue = rows(db, "SELECT count(*) FROM complaints WHERE received_at < ? AND due_at < ?"
                       " AND (done_at IS NULL OR done_at >= ?)", b, b, b)[0][0]
    # the headline's satisfaction: the month's most answered survey, its OVERALL (5 points)
    main = rows(db, "SELECT s.code FROM surveys s JOIN survey_versions v ON v.survey_id = s.id"
                    " JOIN survey_responses r ON r.version_id = v.id WHERE r.submitted_at >= ?"
                    " AND r.submitted_at < ? GROUP BY s.id ORDER BY count(*) DESC, s.code LIMIT 1", a, b)[0][0]
    overall = [v for (v,) in rows(db, "SELECT a.value_num FROM survey_answers a JOIN survey_responses r"
                                      " ON r.id = a.response_id JOIN survey_versions v ON v.id = r.version_id"
                                      " JOIN surveys s ON s.id = v.survey_id WHERE a.item = 'OVERALL'"
                                      " AND s.code = ? AND a.value_num IS NOT NULL AND r.submitted_at >= ?"
                                      " AND r.submitted_at < ?", main, a, b)]
    assert received > 30 and len(finished) > 30 and len(overall) >= 30
    built = build_monthly(ctx, first, folder / "m.pdf", folder / "m.xlsx")
    text = _text(built.pdf)
    summary = text[text.index("요약"):text.index("1. 민원")]

    def line(name: str) -> list[str]:
        found = next(x for x in summary.splitlines() if x.strip().startswith(name))
        return re.findall(r"[+-]?\d{1,3}(?:,\d{3})*(?:\.\d+)?", found.replace(name, "", 1))
    assert line("접수")[0] == f"{received:,}"
    assert line("처리")[0] == f"{len(finished):,}"
    assert line("기한 내 처리율")[0] == f"{on_time:.1f}"
    assert line("평균 처리일수(근무일)")[0] == f"{days:.1f}"
    assert line("기한 넘김(기준 시각)")[0] == f"{overdue:,}"
    score = (sum(overall) / len(overall) - 1) * 25
    assert line("민원만족도")[:2] == [f"{score:.1f}", f"{len(overall):,}"]
    assert f"{first:%Y}년 {first.month}월 민원·고객만족 보고서" in text
    assert re.search(rf"\b1\s*/\s*{built.pages}\n", text)  # page numbers "n / total"
    assert re.search(rf"\b{built.pages}\s*/\s*{built.pages}\n", text)
    fonts = subprocess.run(["pdffonts", str(built.pdf)], capture_output=True, text=True).stdout
    assert re.search(r"NanumGothic\s+TrueType.*\byes\s+yes\s+yes\b", fonts)
    listed = fonts.splitlines()[2:]
    assert listed and all(re.search(r"NanumGothic.*TrueType.*\byes\s+yes\s+yes\b", f) for f in listed)
    # no applicant's full name anywhere: the overdue list masks them
    names = [n for (n,) in rows(db, "SELECT name FROM citizens WHERE length(name) >= 3 LIMIT 300")]
    assert not [n for n in names if n in text]
    # the workbook carries the same figures
    book = load_workbook(built.xlsx, read_only=True)
    sheet = {r[0]: r for r in book["요약"].iter_rows(min_row=2, values_only=True)}
    assert sheet["접수"][1] == received and sheet["처리"][1] == len(finished)
    assert sheet["기한 내 처리율"][1] == pytest.approx(on_time, abs=0.05)
    assert sheet["민원만족도"][1:3] == (pytest.approx(score, abs=0.05), len(overall))
    assert rows(db, "SELECT detail FROM audit_log WHERE action = 'report.monthly'")[-1][0].startswith(
        f"{first:%Y-%m}: {built.pages}쪽")


def test_an_empty_month_is_a_valid_report_that_says_so(demo):
    ctx, db, folder = demo
    built = build_monthly(ctx, date(2015, 3, 1), folder / "empty.pdf")
    text = _text(built.pdf)
    assert built.report.empty and "이 달에는 접수·처리된 민원도, 만족도 응답도 없습니다" in text
    assert "2015년 3월 민원·고객만족 보고서" in text and built.pages >= 1


def test_the_command_prints_the_headline_it_printed(demo, capsys):
    from pcrm_desktop.cli import main
    ctx, db, folder = demo
    month = ctx.clock().date().replace(day=1)
    code = main(["report", "monthly", "--db", db, "--month", f"{month:%Y-%m}",
                 "--out", str(folder / "cli.pdf"), "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0 and out["pages"] >= 3
    a = _stamp(month)
    b = _stamp(month_span(month)[1] + timedelta(days=1))
    assert out["headline"]["received"]["value"] == rows(
        db, "SELECT count(*) FROM complaints WHERE received_at >= ? AND received_at < ?", a, b)[0][0]
    assert f"{out['headline']['received']['value']:,.0f}" in _text(folder / "cli.pdf")
    assert main(["report", "monthly", "--db", db, "--month", "2026-13", "--out",
                 str(folder / "x.pdf")]) == 1
    assert "YYYY-MM" in capsys.readouterr().err


def test_imported_oddities_neither_crash_nor_count_twice(db_target, tmp_path):
    """A case imported as finished before it was received, and an open case with a closed
    date (both kept as they came, flagged): the report builds and the overdue figure and its
    list agree."""
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.services import office
    backend = open_backend(db_target)
    try:
        fill_demo(backend.ctx, DemoRequest(citizens=200, complaints=1500, responses=0, seed=12))
        ctx = backend.ctx.as_actor(office.actor_for(backend.ctx, None))
        first = (ctx.clock().date().replace(day=1) - timedelta(days=1)).replace(day=1)
        last = month_span(first)[1]
        a, b = _stamp(first), _stamp(last + timedelta(days=1))
        late_receipt = f"{last + timedelta(days=3)} 10:00:00.000000"
        execute(db_target, "UPDATE complaints SET received_at = ? WHERE id = (SELECT id FROM"
                " complaints WHERE done_at >= ? AND done_at < ? ORDER BY id LIMIT 1)",
                late_receipt, a, b)
        execute(db_target, "UPDATE complaints SET done_at = due_at WHERE id = (SELECT id FROM"
                " complaints WHERE open = TRUE AND due_at < ? ORDER BY id LIMIT 1)", b)
        built = build_monthly(ctx, first, tmp_path / "odd.pdf")
        report = built.report
        overdue = report.headline("overdue").value
        # counted here case by case: received before the month's end, not finished by then
        # (still open, or finished only later), its due minute over; the two oddities are
        # not: one was received after the month, the other has a finish date inside it
        moment = report.overdue_moment
        assert moment == datetime.combine(last + timedelta(days=1), datetime.min.time())
        expected = sum(
            1 for received, due, done, is_open in rows(
                db_target, "SELECT received_at, due_at, done_at, open FROM complaints")
            if datetime.fromisoformat(received) < moment
            and past_due(datetime.fromisoformat(due), moment)
            and (done is None and is_open
                 or done is not None and datetime.fromisoformat(done) >= moment))
        assert overdue == report.overdue_total == expected
        # the list: every one of them, up to its 40 lines, longest overdue first
        assert len(report.overdue) == min(expected, 40)
        assert [r["due_at"] for r in report.overdue] == sorted(r["due_at"] for r in report.overdue)
        # 45 more cases still open at the month's end past their due time: the figure counts
        # them all, the list stops at 40
        reopened = execute(
            db_target,
            "UPDATE complaints SET open = TRUE, status = 'in_progress', done_at = NULL, result = NULL"
            " WHERE id IN (SELECT id FROM complaints WHERE done_at IS NOT NULL AND open = FALSE"
            " AND done_at < ? AND due_at < ? AND received_at < ? ORDER BY id LIMIT 45)"
            " RETURNING id", a, a, a)
        assert len(reopened) == 45
        again = monthly_report(ctx, first)
        assert again.overdue_total == expected + 45
        assert len(again.overdue) == 40
        assert report.headline("days").value is not None
    finally:
        backend.close()


def _whole_units(cell: str) -> Counter:
    """What a line must never break inside: each word of a cell, and each short parenthesis
    ('(참고)', '(n 14)')."""
    words = Counter(w for w in cell.split() if len(w) >= 2)
    return words | Counter(re.findall(r"\([^()]{1,12}\)", cell))


def test_no_cell_breaks_inside_a_word_or_a_figure(demo, monkeypatch):
    """Issue 18/12: reportlab's CJK wrapping broke cells anywhere ('(참/고)', '-43./5%p',
    '처/리율'). Every word and figure of every table cell (headers too) is found whole in the
    PDF's text as often as the tables hold it."""
    from pcrm_desktop.reports import pdf
    ctx, db, folder = demo
    cells: list[str] = []
    real = pdf.data_table

    def recording(headers, rows, *args, **kwargs):
        cells.extend(str(h) for h in headers)
        cells.extend(str(v) for row in rows for v in row if v is not None)
        return real(headers, rows, *args, **kwargs)
    monkeypatch.setattr(pdf, "data_table", recording)
    first = (ctx.clock().date().replace(day=1) - timedelta(days=1)).replace(day=1)
    for month in (first, ctx.clock().date().replace(day=1)):
        cells.clear()
        built = build_monthly(ctx, month, folder / f"whole-{month:%Y-%m}.pdf")
        assert len(cells) > 200 and any("(n " in c for c in cells)
        text = _text(built.pdf).replace("\u00a0", " ")
        text = re.sub(r" +", " ", text)
        wanted = sum((_whole_units(c) for c in cells), Counter())
        broken = {u: (n, text.count(u)) for u, n in wanted.items() if text.count(u) < n}
        assert not broken, broken  # unit: (times in the tables, times whole in the PDF)
