"""민원처리부 PDF (services.report_register, reports.register_pdf): on a demo database, the
PDF's own text (pdftotext) against counts made here with sqlite3; masking, the embedded
Korean font, an empty period, the audit entry, the command line."""
from __future__ import annotations

import json
import re
import subprocess
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import pytest

from pcrm_desktop.cli import main
from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.domain.privacy import PermissionDenied
from pcrm_desktop.services.complaint_export import export_register
from pcrm_desktop.services.report_register import build_register
from tests.dbutil import rows
from tests.module_db import BACKENDS, module_demo

NOW = datetime(2026, 11, 20, 12, 0)  # the demo's "today": its data lies in the two years before
FIRST, LAST = date(2026, 7, 1), date(2026, 9, 30)
RECEIPT = re.compile(r"^\s*(\d{4}-\d{6})\s", re.MULTILINE)


def pdf_text(path: Path) -> str:
    done = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                          check=True, timeout=60)
    return done.stdout.decode("utf-8")


def pdf_pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, check=True, timeout=60)
    return int(re.search(r"^Pages:\s+(\d+)", info.stdout.decode(), re.MULTILINE).group(1))


def pdf_fonts(path: Path) -> list[tuple[str, bool]]:
    """Each font `pdffonts` lists: its name and whether it is embedded."""
    listing = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True,
                             timeout=60).stdout.decode().splitlines()[2:]
    # name, type (may hold spaces), encoding, then emb sub uni object generation
    return [(line.split()[0], line.split()[-5] == "yes") for line in listing]


def sql(db: Path | str, query: str, *params) -> list[tuple]:
    """The test's own count, read apart from the app (tests.dbutil: the file or the server)."""
    return rows(db, query, *params)


def masked(name: str) -> str:
    return name[0] + "*" if len(name) == 2 else name[0] + "*" * (len(name) - 2) + name[-1]


def bounds(first: date, last: date) -> tuple[str, str]:
    """The period as the stored text compares: [first 00:00, day after last 00:00)."""
    return f"{first} 00:00:00", f"{date.fromordinal(last.toordinal() + 1)} 00:00:00"


@dataclass
class Demo:
    path: str   # the database's file path or server URL
    ctx: object


@pytest.fixture(scope="module", params=BACKENDS)
def demo(request, tmp_path_factory):
    """One demo database for the module (filling it is the slow part), on each backend."""
    with module_demo(request, tmp_path_factory, "register", NOW) as (target, ctx):
        yield Demo(target, ctx)


def test_every_case_of_the_period_is_a_row(demo, tmp_path):
    out = tmp_path / "register.pdf"
    done = build_register(demo.ctx, FIRST, LAST, out)
    text = pdf_text(out)
    a, b = bounds(FIRST, LAST)
    expected = [r for (r,) in sql(demo.path, "SELECT receipt_no FROM complaints WHERE received_at"
                                  " >= ? AND received_at < ? ORDER BY receipt_no", a, b)]
    assert len(expected) > 100
    assert RECEIPT.findall(text) == expected
    assert done.rows == len(expected)
    assert f"합계 {len(expected):,}건" in text
    assert done.pages == pdf_pages(out) > 1
    assert text.count("접수번호") >= done.pages  # the header row on every page


def test_late_cases_are_counted_like_the_overdue_queue(demo, tmp_path):
    out = tmp_path / "register.pdf"
    done = build_register(demo.ctx, FIRST, LAST, out)
    a, b = bounds(FIRST, LAST)
    now = NOW.strftime("%Y-%m-%d %H:%M:%S")
    (late,) = sql(demo.path, "SELECT count(*) FROM complaints WHERE received_at >= ? AND"
                  " received_at < ? AND (done_at > due_at OR (done_at IS NULL AND due_at < ?"
                  " AND status IN ('received', 'assigned', 'in_progress', 'on_hold')))",
                  a, b, now)[0]
    assert late > 0
    assert done.late == late
    text = pdf_text(out)
    assert f"그중 기한 넘김 {late:,}건" in text
    assert text.count("기한 넘김") == late + 1  # each late row, and the total line


def test_applicants_are_masked(demo, tmp_path):
    out = tmp_path / "register.pdf"
    build_register(demo.ctx, FIRST, LAST, out)
    text = pdf_text(out)
    a, b = bounds(FIRST, LAST)
    names = [n for (n,) in sql(demo.path, "SELECT DISTINCT ci.name FROM complaints c JOIN citizens"
                               " ci ON ci.id = c.citizen_id WHERE c.received_at >= ? AND"
                               " c.received_at < ? ORDER BY ci.name LIMIT 8", a, b)]
    assert len(names) == 8
    for name in names:
        assert name not in text
        assert masked(name) in text


def test_the_korean_font_is_embedded(demo, tmp_path):
    out = tmp_path / "register.pdf"
    build_register(demo.ctx, FIRST, LAST, out)
    fonts = pdf_fonts(out)
    assert any(name.endswith("+NanumGothic") and embedded for name, embedded in fonts)
    assert all(embedded and "Nanum" in name for name, embedded in fonts)  # no stray Helvetica


def test_pdf_and_spreadsheet_print_the_same_rows(demo, tmp_path):
    import csv
    build_register(demo.ctx, FIRST, LAST, tmp_path / "register.pdf")
    export_register(demo.ctx, FIRST, LAST, tmp_path / "register.csv", reason="인쇄본 대조")
    with (tmp_path / "register.csv").open(encoding="utf-8-sig", newline="") as handle:
        table = list(csv.reader(handle))
    text = pdf_text(tmp_path / "register.pdf")
    assert [row[0] for row in table[1:]] == RECEIPT.findall(text)
    header = re.search(r"^\s*접수번호.*$", text, re.MULTILINE).group(0).split()
    assert header == table[0]


def test_a_build_is_audited(demo, tmp_path):
    build_register(demo.ctx, FIRST, LAST, tmp_path / "audited.pdf")
    (detail,) = sql(demo.path, "SELECT detail FROM audit_log WHERE action = 'report.register'"
                    " AND target = 'audited.pdf'")[0]
    assert detail.startswith(f"{FIRST}~{LAST}: ") and "민원인 가림" in detail


def test_an_empty_period_gives_a_pdf_that_says_so(admin_ctx, tmp_path):
    out = tmp_path / "empty.pdf"
    done = build_register(admin_ctx, date(2026, 1, 1), date(2026, 1, 31), out)
    assert (done.rows, done.pages) == (0, 1)
    assert out.read_bytes().startswith(b"%PDF")
    text = pdf_text(out)
    assert "이 기간에 접수된 민원이 없습니다." in text and "합계 0건" in text
    assert "청운효자동 행정복지센터" in text  # the office from its profile, on the page


def test_refusals(demo, tmp_path):
    kiosk = demo.ctx.as_actor(Actor(None, "kiosk", "kiosk", ""))
    with pytest.raises(PermissionDenied):
        build_register(kiosk, FIRST, LAST, tmp_path / "k.pdf")
    with pytest.raises(ValidationError):
        build_register(demo.ctx, LAST, FIRST, tmp_path / "order.pdf")
    assert not list(tmp_path.iterdir())
    clerk = demo.ctx.as_actor(Actor(None, "clerk01", "clerk", ""))
    assert build_register(clerk, FIRST, FIRST, tmp_path / "clerk.pdf").path.is_file()


def test_command_line(demo, tmp_path, capsys):
    out = tmp_path / "cli.pdf"
    code = main(["report", "register", "--db", demo.path, "--from", str(FIRST),
                 "--to", str(LAST), "--out", str(out), "--json"])
    summary = json.loads(capsys.readouterr().out)
    a, b = bounds(FIRST, LAST)
    (count,) = sql(demo.path, "SELECT count(*) FROM complaints WHERE received_at >= ?"
                   " AND received_at < ?", a, b)[0]
    assert code == 0 and summary["ok"] is True
    assert summary["out"] == str(out) and summary["rows"] == count
    assert summary["pages"] == pdf_pages(out)
    code = main(["report", "register", "--db", demo.path, "--from", str(LAST),
                 "--to", str(FIRST), "--out", str(tmp_path / "bad.pdf"), "--json"])
    refused = json.loads(capsys.readouterr().out)
    assert code == 1 and refused["ok"] is False and refused["error"] == "period_order"
