"""The three imports (residents, 민원, 만족도 answers) end to end on a real database, fed hostile
files: every row is imported or rejected with a Korean reason, or the whole file is refused
with a clear message and the database is left exactly as it was. A cancel or an error partway
through the save leaves nothing behind. The report of rejected rows runs no formula."""
from __future__ import annotations

import csv
import io
import itertools
import sqlite3
import zipfile
from pathlib import Path
from unittest import mock
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from pcrm_desktop.domain.errors import DomainError
from pcrm_desktop.domain.messages import MESSAGES
from pcrm_desktop.services import citizen_import, complaint_import, survey_import
from pcrm_desktop.services.import_common import write_report
from pcrm_desktop.services.import_fields import CITIZEN_FIELDS, COMPLAINT_FIELDS
from tests.hypothesis.conftest import ITEMS, SURVEY
from tests.hypothesis.hostile import (
    FORMULA_STARTS,
    FORMULAS,
    HUGE_EXAMPLES,
    MB,
    assert_clear,
    count,
    fingerprint,
    nfc_trimmed,
    short_text,
)

# the office database is copied once per test and shared by its examples: each example checks
# what it changed against the state before it
with_office = settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
huge_with_office = settings(with_office, max_examples=HUGE_EXAMPLES)
FORMATS = ("utf-8", "utf-8-sig", "cp949", "xlsx")


def write_file(folder: Path, headers: list[str], rows: list[list[str]], form: str) -> Path:
    """The table as an office would save it; text the format cannot hold is dropped or
    replaced, as a real program would have to."""
    if form == "xlsx":
        from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
        book = Workbook(write_only=True)
        sheet = book.create_sheet("자료")
        huge = {}
        for row in [headers, *rows]:
            # openpyxl writes a text starting with "=" as a formula: such a cell arrives empty
            cells = [ILLEGAL_CHARACTERS_RE.sub("", c).replace("\ufffe", "").replace("\uffff", "")
                     for c in row]
            for i, c in enumerate(cells):
                if len(c) > 32_767:  # openpyxl cuts a cell there, as Excel does; other programs do not
                    cells[i] = f"HUGE{len(huge)}CELL"
                    huge[cells[i]] = c
            sheet.append(cells)
        path = folder / "import.xlsx"
        book.save(path)
        if huge:
            packed = folder / "packed.xlsx"
            path.rename(packed)
            with zipfile.ZipFile(packed) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
                for info in src.infolist():
                    data = src.read(info.filename)
                    for marker, text in huge.items():
                        data = data.replace(marker.encode(), escape(text).encode())
                    dst.writestr(info.filename, data)
        return path
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows([headers, *rows])
    path = folder / "import.csv"
    path.write_bytes(buffer.getvalue().encode(form, "replace"))
    return path


def check_report(plan, folder: Path) -> None:
    """The rejected-rows report: every cell a spreadsheet would run is neutralised."""
    out = folder / "report.csv"
    write_report(plan, out)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        for row in csv.reader(handle):
            for cell in row:
                assert cell[:1] not in FORMULA_STARTS, f"formula left in the report: {cell[:40]!r}"


def check_rejections(rejected) -> None:
    for r in rejected:
        assert r.reason and r.reason != r.code
        assert r.code in MESSAGES or r.code == "columns_extra", r.code


def imports(office, action: str) -> int:
    """Access-log entries of one import action (a 민원 import also logs the calendar years it seeds)."""
    conn = sqlite3.connect(f"file:{office.path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM audit_log WHERE action = ?", (action,)).fetchone()[0]
    finally:
        conn.close()


def attempt(office, run):
    """run() → its result, or None after a clear refusal that changed nothing at all."""
    before = fingerprint(office.path)
    try:
        got = run()
    except DomainError as error:
        event(f"refused: {error.code}")
        assert_clear(error)
        assert fingerprint(office.path) == before, f"{error!r} left changes behind"
        return None
    result = got[0]
    event(f"imported {'some' if result.imported else 'none'}, "
          f"rejected {'some' if result.rejected else 'none'}")
    return got


# --- residents ------------------------------------------------------------------------------------

CITIZEN_HEADERS = [aliases[0] for _, aliases in CITIZEN_FIELDS.values()]
NAMES = st.sampled_from(["홍길동", "김철수", "이영희", "남궁민수", "O'Brien", "Ω", "홍*동"])
citizen_cells = {
    "이름": st.one_of(NAMES, short_text, st.sampled_from(FORMULAS), st.just("900101-1234567")),
    "출생연도": st.one_of(st.integers(1890, 2030).map(str), short_text, st.just("68.3.2")),
    "성별": st.one_of(st.sampled_from(["여", "남", "F", "male", ""]), short_text),
    "전화": st.one_of(st.sampled_from(["010-1234-5678", "02-123-4567", "+82 10 1234 5678", "1588-1234",
                                     "010-1234-567O", ""]), short_text),
    "메모": st.one_of(short_text, st.sampled_from(FORMULAS), st.just("주민번호 900101-1234567 있음")),
    "고객집단": st.one_of(st.just(""), short_text),
}


@st.composite
def citizen_tables(draw, huge: bool = False):
    headers = draw(st.lists(st.sampled_from(CITIZEN_HEADERS), min_size=1, max_size=6, unique=True))
    if "이름" not in headers and draw(st.booleans()):
        headers.insert(0, "이름")
    headers += draw(st.lists(st.one_of(short_text, st.sampled_from(FORMULAS)), max_size=2))
    rows = []
    for _ in range(draw(st.integers(0, 8))):
        row = [draw(citizen_cells.get(h, short_text)) for h in headers]
        row += draw(st.lists(short_text, max_size=1 if draw(st.integers(0, 9)) == 0 else 0))
        rows.append(row[:draw(st.integers(0, len(row)))] if draw(st.integers(0, 9)) == 0 else row)
    if huge and rows:
        where = draw(st.integers(0, len(rows) - 1)), draw(st.integers(0, len(headers) - 1))
        rows[where[0]][where[1]:where[1] + 1] = ["가" * MB]
    return headers, rows


def check_citizen_import(office, tmp_path, headers, rows, form) -> None:
    path = write_file(tmp_path, headers, rows, form)
    people, entries = count(office.path, "citizens"), imports(office, "citizen.import")
    got = attempt(office, lambda: citizen_import.import_citizens(office.ctx, path))
    if got is None:
        return
    result, plan = got
    assert result.imported == len(plan.valid)
    assert result.imported + result.rejected == len(plan.table.rows)
    check_rejections(plan.rejected)
    assert count(office.path, "citizens") == people + result.imported
    assert imports(office, "citizen.import") == entries + 1
    for _, citizen, _ in plan.valid:
        assert 0 < len(citizen.name) <= 50 and len(citizen.memo) <= 4000
    check_report(plan, tmp_path)


@with_office
@given(table=citizen_tables(), form=st.sampled_from(FORMATS))
def test_resident_import(office, tmp_path, table, form):
    check_citizen_import(office, tmp_path, *table, form)


@huge_with_office
@given(table=citizen_tables(huge=True), form=st.sampled_from(["utf-8", "xlsx"]))
def test_resident_import_with_a_1_mb_cell(office, tmp_path, table, form):
    check_citizen_import(office, tmp_path, *table, form)


@with_office
@given(names=st.lists(NAMES, min_size=2, max_size=12), chunk=st.integers(1, 4),
       stop=st.integers(1, 6), how=st.sampled_from(["cancel", "error"]))
def test_resident_import_is_all_or_nothing(office, tmp_path, names, chunk, stop, how):
    """Stopped after any chunk of the save (cancelled, or a failure), nothing is kept."""
    rows = [[name, f"010-{1000 + i:04d}-{i:04d}"] for i, name in enumerate(names)]
    path = write_file(tmp_path, ["이름", "전화"], rows, "utf-8")
    table = citizen_import.read_table(path)
    plan = citizen_import.plan_import(office.ctx, table, citizen_import.guess_mapping(table.headers))
    calls = itertools.count(1)

    def progress(done, total, what):
        if next(calls) == stop and how == "error":
            raise OSError("디스크가 가득 찼습니다")

    before = fingerprint(office.path)
    with mock.patch.object(citizen_import, "CHUNK", chunk):
        try:
            citizen_import.commit_import(office.ctx, plan, progress=progress,
                                         cancelled=lambda: how == "cancel" and next(calls) >= stop)
        except (DomainError, OSError):
            assert fingerprint(office.path) == before
            return
    assert count(office.path, "citizens") >= len(names)  # it ran to the end before the stop


# --- 민원 -------------------------------------------------------------------------------------------

COMPLAINT_HEADERS = [aliases[0] for _, aliases in COMPLAINT_FIELDS.values()]
moments = st.one_of(
    st.datetimes(min_value=complaint_import.EARLIEST.replace(year=2019),
                 max_value=complaint_import.EARLIEST.replace(year=2026, month=3, day=1)).map(
        lambda d: d.strftime("%Y-%m-%d %H:%M" if d.second % 2 else "%m/%d/%Y %I:%M:%S %p")),
    st.sampled_from(["2025-13-01", "02/30/2025", "1899-01-01", "2099-01-01", "", "어제", "2025년 6월 26일 14:05"]),
    short_text)
complaint_cells = {
    "접수일시": moments, "처리일시": moments,
    "상태": st.one_of(st.sampled_from(list(complaint_import.STATUSES) + ["", "??"]), short_text),
    "접수경로": st.one_of(st.sampled_from(list(complaint_import.CHANNELS) + [""]), short_text),
    "민원종류": st.one_of(st.sampled_from(list(complaint_import.TYPES) + [""]), short_text),
    "제목": st.one_of(short_text, st.sampled_from(FORMULAS)),
    "내용": st.one_of(short_text, st.sampled_from(FORMULAS)),
    "부서": st.one_of(st.sampled_from(["민원행정팀", "=cmd|' /C calc'!A0", "새 부서"]), short_text),
    "분류": st.one_of(st.sampled_from(["주차", "+도로", "새 분류"]), short_text),
}


@st.composite
def complaint_tables(draw, huge: bool = False):
    headers = draw(st.lists(st.sampled_from(COMPLAINT_HEADERS), min_size=1, max_size=8, unique=True))
    if "접수일시" not in headers and draw(st.integers(0, 4)):
        headers.insert(0, "접수일시")
    rows = [[draw(complaint_cells.get(h, short_text)) for h in headers]
            for _ in range(draw(st.integers(0, 8)))]
    if huge and rows:
        rows[draw(st.integers(0, len(rows) - 1))][draw(st.integers(0, len(headers) - 1))] = "가" * MB
    return headers, rows


def check_complaint_import(office, tmp_path, headers, rows, form) -> None:
    path = write_file(tmp_path, headers, rows, form)
    cases, events = count(office.path, "complaints"), count(office.path, "complaint_events")
    entries = imports(office, "complaint.import")
    got = attempt(office, lambda: complaint_import.import_complaints(office.ctx, path))
    if got is None:
        return
    result, plan = got
    assert result.imported == len(plan.valid)
    assert result.imported + result.rejected == len(plan.table.rows)
    check_rejections(plan.rejected)
    assert count(office.path, "complaints") == cases + result.imported
    assert count(office.path, "complaint_events") == events + result.imported
    assert imports(office, "complaint.import") == entries + 1
    for _, values in plan.valid:
        assert 0 < len(values["title"]) <= 200
        assert len(values["content"]) <= 20_000 and len(values["answer"]) <= 20_000
    check_report(plan, tmp_path)


@with_office
@given(table=complaint_tables(), form=st.sampled_from(FORMATS))
def test_complaint_import(office, tmp_path, table, form):
    check_complaint_import(office, tmp_path, *table, form)


@huge_with_office
@given(table=complaint_tables(huge=True), form=st.sampled_from(["utf-8", "xlsx"]))
def test_complaint_import_with_a_1_mb_cell(office, tmp_path, table, form):
    check_complaint_import(office, tmp_path, *table, form)


@with_office
@given(n=st.integers(1, 12), stop=st.integers(1, 14), how=st.sampled_from(["cancel", "error"]))
def test_complaint_import_is_all_or_nothing(office, tmp_path, n, stop, how):
    rows = [[f"2025-06-{1 + i % 28:02d} 10:00", f"제목 {i}", "주차", "새 부서 {i % 3}"] for i in range(n)]
    path = write_file(tmp_path, ["접수일시", "제목", "분류", "부서"], rows, "utf-8")
    table = complaint_import.read_table(path)
    plan = complaint_import.plan_import(office.ctx, table, complaint_import.guess_mapping(table.headers))
    calls = itertools.count(1)

    def progress(done, total, what):
        if how == "error" and next(calls) == stop:
            raise OSError("디스크가 가득 찼습니다")

    before = fingerprint(office.path)
    try:
        complaint_import.commit_import(office.ctx, plan, progress=progress,
                                       cancelled=lambda: how == "cancel" and next(calls) >= stop)
    except (DomainError, OSError):
        assert fingerprint(office.path) == before
        return
    assert count(office.path, "complaints") >= n


# --- 만족도 answers ---------------------------------------------------------------------------------

KEYS = ["OVERALL", "S7", "REC", "NUM", "YN", "DAY", "ONE", "MANY", "MAT.친절", "MAT.신속", "TXT", "SHORT"]
answer_cells = st.one_of(st.sampled_from(["1", "3", "5", "7", "10", "0", "9", "NA", "해당없음", "3.5", "예",
                                          "아니오", "2026-01-05", "민원실", "민원실; 누리집", "기타: 주차",
                                          "=cmd|' /C calc'!A0", "", " "]),
                         short_text)


@st.composite
def survey_tables(draw, huge: bool = False):
    keys = draw(st.lists(st.sampled_from(KEYS), min_size=1, max_size=6, unique=True))
    headers = [f"{k} 열" for k in keys]
    mapping: dict = dict(zip(keys, headers))
    date = draw(st.sampled_from(["column", "fixed", "none"]))
    if date == "column":
        headers.append("응답일")
        mapping["submitted_at"] = "응답일"
    elif date == "fixed":
        mapping["submitted_on"] = draw(st.sampled_from(["2026-01-05", "2026-13-01", "어제"]))
    if draw(st.booleans()):
        mapping["na"] = draw(st.one_of(st.sampled_from(["9", ["N/A", "모름"], "", 7]), short_text))
    rows = []
    for _ in range(draw(st.integers(0, 8))):
        row = [draw(answer_cells) for _ in keys]
        if date == "column":
            row.append(draw(st.one_of(moments, st.sampled_from(["2015", "2015-06", "2026-03-02"]))))
        rows.append(row)
    if huge and rows:
        rows[draw(st.integers(0, len(rows) - 1))][draw(st.integers(0, len(keys) - 1))] = "가" * MB
    return headers, rows, mapping


def check_survey_import(office, tmp_path, headers, rows, mapping, form) -> None:
    path = write_file(tmp_path, headers, rows, form)
    responses, entries = count(office.path, "survey_responses"), imports(office, "survey.import")
    got = attempt(office, lambda: survey_import.import_responses(office.ctx, path, SURVEY, mapping))
    if got is None:
        return
    result, plan = got
    assert result.imported == len(plan.valid)
    assert result.imported + result.rejected + result.skipped == len(plan.table.rows)
    check_rejections(plan.rejected)
    assert count(office.path, "survey_responses") == responses + result.imported
    assert imports(office, "survey.import") == entries + 1
    for _, _, answers, _ in plan.valid:
        for key, value in answers.items():
            if isinstance(value, str) and key in ("TXT", "SHORT"):
                item = next(i for i in ITEMS if i.code == key)
                assert len(value) <= item.max_length and value == nfc_trimmed(value)
    check_report(plan, tmp_path)


@with_office
@given(table=survey_tables(), form=st.sampled_from(FORMATS))
def test_survey_answer_import(office, tmp_path, table, form):
    check_survey_import(office, tmp_path, *table, form)


@huge_with_office
@given(table=survey_tables(huge=True), form=st.sampled_from(["utf-8", "xlsx"]))
def test_survey_answer_import_with_a_1_mb_cell(office, tmp_path, table, form):
    check_survey_import(office, tmp_path, *table, form)


@with_office
@given(n=st.integers(1, 12), chunk=st.integers(1, 4), stop=st.integers(1, 6),
       how=st.sampled_from(["cancel", "error"]))
def test_survey_answer_import_is_all_or_nothing(office, tmp_path, n, chunk, stop, how):
    path = write_file(tmp_path, ["만족"], [[str(1 + i % 5)] for i in range(n)], "utf-8")
    table = survey_import.read_table(path)
    plan = survey_import.plan_import(office.ctx, table, SURVEY, {"OVERALL": "만족"})
    calls = itertools.count(1)

    def progress(done, total, what):
        if how == "error" and next(calls) == stop:
            raise OSError("디스크가 가득 찼습니다")

    before = fingerprint(office.path)
    with mock.patch.object(survey_import, "CHUNK", chunk):
        try:
            survey_import.commit_import(office.ctx, plan, progress=progress,
                                        cancelled=lambda: how == "cancel" and next(calls) >= stop)
        except (DomainError, OSError):
            assert fingerprint(office.path) == before
            return
    assert count(office.path, "survey_responses") >= n


# --- whole files, by hand -------------------------------------------------------------------------

def test_a_1_mb_field_in_an_xlsx_rejects_its_row(office, tmp_path):
    """Excel cuts a cell at 32,767 characters, other programs do not: the row is rejected with
    the field's limit, the rest imported (no field takes 1 MB: test_form_fields)."""
    huge = "가" * MB
    path = write_file(tmp_path, ["이름", "메모", "주소"], [["홍길동", huge, ""], ["김철수", "", huge],
                                                        ["이영희", "메모", "주소"]], "xlsx")
    result, plan = citizen_import.import_citizens(office.ctx, path)
    assert result.imported == 1 and [r.code for r in plan.rejected] == ["too_long", "too_long"]
    assert "4000자" in plan.rejected[0].reason and "200자" in plan.rejected[1].reason
    path = write_file(tmp_path, ["접수일시", "제목", "내용", "답변"],
                      [["2026-01-05 10:00", "제목", huge, ""], ["2026-01-05 10:00", "제목", "", huge],
                       ["2026-01-05 10:00", "제목", "내용", "답변"]], "xlsx")
    result, plan = complaint_import.import_complaints(office.ctx, path)
    assert result.imported == 1 and [r.code for r in plan.rejected] == ["too_long", "too_long"]
    path = write_file(tmp_path, ["의견"], [[huge], ["좋아요"]], "xlsx")
    result, plan = survey_import.import_responses(office.ctx, path, SURVEY, {"TXT": "의견"})
    assert result.imported == 1 and [r.code for r in plan.rejected] == ["answer_invalid"]


def test_file_names_with_undecodable_bytes(office, tmp_path):
    """A CP949 file name from a Windows USB stick on a UTF-8 system reaches Python as lone
    surrogates; logging it (access log, 민원 history, attachment) made SQLite's UTF-8 encoding
    fail the whole import or export with an unexpected error. Now read as CP949."""
    import os

    from pcrm_desktop.services import attachments, complaints
    from pcrm_desktop.services.citizen_export import export_citizens
    name = os.fsdecode("명단".encode("cp949")) + ".csv"
    assert "\udc00" <= name[0] <= "\udcff"
    try:
        (tmp_path / name).write_text("이름,접수일시,제목\r\n홍길동,2026-01-05 10:00,제목\r\n", encoding="utf-8")
    except (OSError, UnicodeError):  # a file system that keeps names as UTF-16 or UTF-8 only
        pytest.skip("this file system does not take undecodable bytes in a name")
    assert citizen_import.import_citizens(office.ctx, tmp_path / name)[0].imported == 1
    assert complaint_import.import_complaints(office.ctx, tmp_path / name)[0].imported == 1
    out = export_citizens(office.ctx, tmp_path / ("내보내기" + name), reason="통계").path
    assert out.exists()
    case = complaints.queue(office.ctx, complaints.QueueFilter(queue="all"))[0].id
    attachments.attach(office.ctx, case, tmp_path / name)
    conn = sqlite3.connect(f"file:{office.path}?mode=ro", uri=True)
    try:
        logged = [r[0] for r in conn.execute("SELECT target FROM audit_log WHERE action IN "
                                             "('citizen.import', 'complaint.import', 'citizen.export')")]
        notes = [r[0] for r in conn.execute("SELECT note FROM complaint_events WHERE kind = 'import'")]
        files = [r[0] for r in conn.execute("SELECT name FROM complaint_attachments")]
    finally:
        conn.close()
    assert sorted(logged) == ["내보내기명단.csv", "명단.csv", "명단.csv"]
    assert notes == ["명단.csv 2행"] and files == ["명단.csv"]


@pytest.mark.parametrize("content, suffix, code", [
    pytest.param(b"\xff\xfe" + "이름,전화\r\n".encode("utf-16-le"), ".csv", "encoding_unknown", id="utf-16"),
    pytest.param((",".join(["가"] * 1_000_000) + "\r\n").encode(), ".csv", "columns_too_many",
                 id="million-columns"),
    pytest.param("이름,메모\r\n홍길동,\"닫히지 않은 따옴표\r\n".encode() + "가".encode() * 200_000, ".csv",
                 "cell_too_large", id="unclosed-quote"),
    pytest.param(b"PK\x03\x04 broken", ".xlsx", "xlsx_unreadable", id="broken-xlsx"),
    pytest.param(b"", ".csv", "file_empty", id="empty"),
])
@pytest.mark.parametrize("what", ["citizens", "complaints"])
def test_the_command_line_refuses_hostile_files_plainly(office, tmp_path, capsys, content, suffix, code, what):
    """`pcrm import`: exit 1 with the Korean reason, never "예기치 않은 오류", nothing written."""
    import json

    from pcrm_desktop.cli import main
    path = tmp_path / f"hostile{suffix}"
    path.write_bytes(content)
    tables = ("citizens", "complaints", "complaint_events", "departments", "complaint_categories")
    before = [count(office.path, t) for t in tables]
    assert main(["import", what, str(path), "--db", str(office.path), "--user", "hong", "--json"]) == 1
    refused = json.loads(capsys.readouterr().out)
    assert refused["error"] == code and "예기치" not in refused["message"]
    # (the command's own sign-in is in the access log; nothing of the file is anywhere)
    assert [count(office.path, t) for t in tables] == before
    assert imports(office, f"{what[:-1]}.import") == 0
