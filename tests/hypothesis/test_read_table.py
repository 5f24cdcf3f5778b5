"""services/tabular.read_table, the one reader under every import, fed hostile files: random
bytes, wrong encodings, 1 MB cells, formulas, empty and header-only files, a million columns,
XLSX files that are not zips, zips that are not XLSX, damaged sheets and sheets that claim a
size they do not have. Each gives a Table or a clear DomainError — quickly, in bounded memory."""
from __future__ import annotations

import csv
import io
import time
import tracemalloc
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from pcrm_desktop.domain.errors import DomainError, ValidationError
from pcrm_desktop.services import tabular
from pcrm_desktop.services.tabular import read_table
from tests.hypothesis.hostile import FORMULAS, MB, assert_clear, nfc_trimmed, short_text

# each example writes a file in a folder of its own (tmp_path_factory is session-wide)
files = settings(suppress_health_check=[HealthCheck.too_slow])


def folder(factory) -> Path:
    return factory.mktemp("table")


def read_or_refuse(path: Path):
    try:
        return read_table(path)
    except DomainError as error:
        assert_clear(error)
        return error


def csv_text(rows: list[list[str]]) -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def expected(rows: list[list[str]]) -> tuple[list[str], list[list[str]], list[int]] | None:
    """What the reader promises: blank rows skipped but counted, the first other row the header
    (NFC, trimmed), shorter rows padded to it, longer rows kept whole."""
    numbered = [(n, r) for n, r in enumerate(rows, start=1) if any(c.strip() for c in r)]
    if not numbered:
        return None
    headers = [nfc_trimmed(h) for h in numbered[0][1]]
    width = len(headers)
    body = [r + [""] * (width - len(r)) for _, r in numbered[1:]]
    return headers, body, [n for n, _ in numbered[1:]]


cells = st.one_of(short_text, st.sampled_from(FORMULAS), st.just(""), st.just(" "))
tables = st.lists(st.lists(cells, max_size=5), max_size=6)


# --- CSV ------------------------------------------------------------------------------------------

@files
@given(raw=st.binary(max_size=600), suffix=st.sampled_from([".csv", ".txt", ".xlsx", ".xlsm", ".CSV"]))
def test_random_bytes(tmp_path_factory, raw, suffix):
    path = folder(tmp_path_factory) / f"random{suffix}"
    path.write_bytes(raw)
    got = read_or_refuse(path)
    if isinstance(got, tabular.Table):
        assert all(len(r) >= len(got.headers) for r in got.rows)
        assert len(got.rows) == len(got.numbers)


@files
@given(rows=tables, encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp949"]))
def test_csv_in_every_office_encoding(tmp_path_factory, rows, encoding):
    text = csv_text(rows)
    assume(not text.startswith("\ufeff"))  # a leading BOM is a BOM, whatever the writer meant
    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:
        assume(False)
    path = folder(tmp_path_factory) / "people.csv"
    path.write_bytes(raw)
    got = read_or_refuse(path)
    want = expected(rows)
    if isinstance(got, DomainError):
        # NUL bytes are never a CSV's (UTF-16 or binary); nothing at all is an empty file
        assert (got.code == "encoding_unknown" and "\x00" in text) or \
            (got.code == "file_empty" and (want is None or not raw.strip())), got
        return
    assert want is not None
    if got.encoding == "cp949" or raw.decode(got.encoding) == text:
        assert (got.headers, got.rows, got.numbers) == want
    else:  # cp949 bytes that happen to be valid UTF-8: read as UTF-8, and said so
        assert encoding == "cp949" and got.encoding == "utf-8"


@files
@given(rows=st.lists(st.lists(short_text, min_size=2, max_size=4), min_size=1, max_size=4),
       codec=st.sampled_from(["utf-16", "utf-16-le", "utf-16-be", "utf-32"]))
def test_utf16_and_utf32_are_refused_not_misread(tmp_path_factory, rows, codec):
    """Excel's "유니코드 텍스트" is UTF-16; read as UTF-8 it would give NUL-riddled headers."""
    path = folder(tmp_path_factory) / "unicode.csv"
    path.write_bytes(csv_text(rows).encode(codec, "surrogatepass"))
    got = read_or_refuse(path)
    assert isinstance(got, ValidationError) and got.code in ("encoding_unknown", "file_empty"), got


def test_a_1_mb_cell_refuses_the_csv_with_its_line(tmp_path):
    path = tmp_path / "huge.csv"
    path.write_text("이름,메모\r\n홍길동,짧은 메모\r\n김철수," + "가" * MB + "\r\n", encoding="utf-8")
    got = read_or_refuse(path)
    assert isinstance(got, ValidationError) and got.code == "cell_too_large"
    assert got.params["line"] == 3 and "3번째 줄" in assert_clear(got)


def test_an_unclosed_quote_is_named_not_swallowed(tmp_path):
    path = tmp_path / "quote.csv"
    path.write_text('이름,메모\r\n홍길동,"닫히지 않은 따옴표\r\n' + "김철수,메모\r\n" * 20_000, encoding="utf-8")
    got = read_or_refuse(path)
    assert isinstance(got, ValidationError) and got.code == "cell_too_large"
    assert "따옴표" in assert_clear(got)


@pytest.mark.parametrize("content", [b"", b"   ", b"\r\n\r\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\r\n",
                                     b",,,\r\n , ,\r\n", "\u3000,\u00a0".encode("utf-8")])
def test_empty_files(tmp_path, content):
    path = tmp_path / "empty.csv"
    path.write_bytes(content)
    got = read_or_refuse(path)
    assert isinstance(got, ValidationError) and got.code == "file_empty"


def test_a_header_only_file_is_a_table_without_rows(tmp_path):
    path = tmp_path / "header.csv"
    path.write_bytes("\ufeff이름,전화\r\n".encode("utf-8"))
    got = read_table(path)
    assert got.headers == ["이름", "전화"] and got.rows == [] and got.numbers == []


def bounded(path: Path, seconds: float, megabytes: int | None):
    """read_or_refuse, timed, and with its peak of Python allocations measured when asked
    (tracemalloc makes Python several times slower: the time limit then covers both)."""
    if megabytes is not None:
        tracemalloc.start()
    started = time.perf_counter()
    try:
        got = read_or_refuse(path)
    finally:
        elapsed = time.perf_counter() - started
        peak = tracemalloc.get_traced_memory()[1] / MB if megabytes is not None else 0.0
        tracemalloc.stop()
    assert elapsed < seconds, f"{elapsed:.1f} s"
    assert megabytes is None or peak < megabytes, f"peak {peak:.0f} MB"
    return got, elapsed, peak


@pytest.mark.parametrize("where", ["header", "data"])
def test_a_million_columns_are_refused_quickly(tmp_path, where):
    """One line of 1,000,000 cells (4 MB): refused at that line (measured: 0.05 s, a 19 MB peak)."""
    line = ",".join(["가"] * 1_000_000)
    text = line + "\r\n" if where == "header" else "이름,전화\r\n홍길동,010\r\n" + line + "\r\n"
    path = tmp_path / "wide.csv"
    path.write_text(text, encoding="utf-8")
    got, _, _ = bounded(path, seconds=5, megabytes=40)
    assert isinstance(got, ValidationError) and got.code == "columns_too_many"
    assert got.params["row"] == (1 if where == "header" else 3)


def test_a_wide_header_cannot_pad_the_rows_into_gigabytes(tmp_path):
    """16,384 headers (Excel's widest) and 2,000 one-cell rows would be 33 million padded cells
    from a 40 KB file: refused once the cells held pass MAX_CELLS (lowered here to keep it quick)."""
    path = tmp_path / "padded.csv"
    path.write_text(",".join(f"h{i}" for i in range(16_384)) + "\r\n" + "x\r\n" * 2_000, encoding="utf-8")
    saved = tabular.MAX_CELLS
    tabular.MAX_CELLS = 10_000_000
    try:
        got, _, _ = bounded(path, seconds=10, megabytes=200)
    finally:
        tabular.MAX_CELLS = saved
    assert isinstance(got, ValidationError) and got.code == "table_too_large"


@files
@given(rows=st.lists(st.lists(st.sampled_from(FORMULAS), min_size=1, max_size=3), min_size=2, max_size=4))
def test_formulas_in_a_csv_are_read_as_text(tmp_path_factory, rows):
    """Nothing in a cell is ever evaluated: a formula comes back as the characters it is."""
    path = folder(tmp_path_factory) / "formulas.csv"
    path.write_text(csv_text(rows), encoding="utf-8")
    got = read_or_refuse(path)
    want = expected(rows)
    if want is None:
        assert got.code == "file_empty"
    else:
        assert (got.headers, got.rows, got.numbers) == want


# --- XLSX -----------------------------------------------------------------------------------------

XML_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
                   max_size=15).filter(lambda s: not s.startswith("="))


def xlsx(path: Path, rows: list[list]) -> Path:
    book = Workbook(write_only=True)
    sheet = book.create_sheet("명단")
    for row in rows:
        sheet.append(row)
    book.save(path)
    return path


@files
@given(rows=st.lists(st.lists(XML_TEXT, max_size=4), max_size=5))
def test_xlsx_cells_come_back_as_written(tmp_path_factory, rows):
    path = xlsx(folder(tmp_path_factory) / "people.xlsx", rows)
    got = read_or_refuse(path)
    want = expected(rows)
    if want is None:
        assert got.code == "file_empty"
        return
    headers, body, numbers = want
    assert got.headers == headers and got.numbers == numbers
    for have, wrote in zip(got.rows, body):
        assert have[:len(wrote)] == wrote and not any(have[len(wrote):])


def test_xlsx_formulas_are_never_run(tmp_path):
    """openpyxl reads cached values only (data_only): a formula nobody calculated is empty."""
    marker = tmp_path / "ran"
    book = Workbook()
    sheet = book.active
    sheet.append(["이름", "메모"])
    sheet.append(["홍길동", f"=cmd|' /C echo > {marker}'!A0"])
    sheet.append(["김철수", "=1+1"])
    book.save(tmp_path / "f.xlsx")
    got = read_table(tmp_path / "f.xlsx")
    assert got.rows == [["홍길동", ""], ["김철수", ""]]
    assert not marker.exists()


def test_a_1_mb_xlsx_cell_is_read_whole(tmp_path):
    """Excel (and openpyxl) stop at 32,767 characters a cell, a file made otherwise does not:
    the importer, not the reader, refuses a field that long (see test_imports)."""
    source = base_xlsx(tmp_path / "base.xlsx")
    path = rewrite(source, tmp_path / "big.xlsx", lambda xml: xml.replace(
        b"<t>010-1234-5678</t>", b"<t>" + "가".encode() * MB + b"</t>"))
    got = read_table(path)
    assert got.rows == [["홍길동", "가" * MB]]


def base_xlsx(path: Path) -> Path:
    return xlsx(path, [["이름", "전화"], ["홍길동", "010-1234-5678"]])


def rewrite(source: Path, out: Path, change) -> Path:
    """A copy of the XLSX with its first sheet's XML changed."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                data = change(data)
            dst.writestr(info.filename, data)
    return out


@files
@given(data=st.data())
def test_damaged_sheets(tmp_path_factory, data):
    """Random bytes spliced into, cut out of or written over the sheet's XML."""
    where = folder(tmp_path_factory)
    source = base_xlsx(where / "base.xlsx")
    with zipfile.ZipFile(source) as z:
        xml = z.read("xl/worksheets/sheet1.xml")
    start = data.draw(st.integers(0, len(xml)))
    end = data.draw(st.integers(start, min(len(xml), start + 40)))
    patch = data.draw(st.one_of(st.binary(max_size=20), st.sampled_from(
        [b"<", b"</row>", b'<c r="XFE1"><v>1</v></c>', b'<c r="A0"><v>1</v></c>', b'<row r="-1">',
         b'<c r="B2" t="n"><v>1e400</v></c>', b'<c r="B2" s="1"><v>9999999999</v></c>', b"&bogus;"])))
    damaged = rewrite(source, where / "damaged.xlsx", lambda _: xml[:start] + patch + xml[end:])
    got = read_or_refuse(damaged)
    assert isinstance(got, (tabular.Table, ValidationError))


@pytest.mark.parametrize("name, content", [
    ("not-a-zip", b"PK\x03\x04 not really"),
    ("text", "이름,전화\r\n홍길동,010\r\n".encode()),
    ("empty", b""),
])
def test_xlsx_that_is_not_a_zip(tmp_path, name, content):
    path = tmp_path / f"{name}.xlsx"
    path.write_bytes(content)
    got = read_or_refuse(path)
    assert isinstance(got, ValidationError) and got.code == "xlsx_unreadable"


def test_a_zip_that_is_not_an_xlsx(tmp_path):
    path = tmp_path / "archive.xlsx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("readme.txt", "안녕하세요")
    assert read_or_refuse(path).code == "xlsx_unreadable"


def test_a_truncated_xlsx(tmp_path):
    source = base_xlsx(tmp_path / "base.xlsx")
    raw = source.read_bytes()
    for cut in (10, len(raw) // 2, len(raw) - 10):
        path = tmp_path / f"cut{cut}.xlsx"
        path.write_bytes(raw[:cut])
        assert read_or_refuse(path).code == "xlsx_unreadable"


def test_a_workbook_without_sheets(tmp_path):
    source = base_xlsx(tmp_path / "base.xlsx")
    path = rewrite(source, tmp_path / "nosheet.xlsx", lambda xml: xml)
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(path, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "xl/workbook.xml":
                start, end = data.index(b"<sheets>"), data.index(b"</sheets>") + len(b"</sheets>")
                data = data[:start] + data[end:]
            dst.writestr(info.filename, data)
    assert isinstance(read_or_refuse(path), ValidationError)


@pytest.mark.parametrize("dimension, far_cell, megabytes", [
    # a million empty rows take ~3 s to walk through; their memory is not measured (tracemalloc
    # would make it 20 s), the result's size is
    pytest.param("A1:XFD1048576", '<row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row>',
                 None, id="claims-all-a-cell-in-the-last-row"),
    pytest.param("A1:XFD1048576", '<row r="3"><c r="XFD3" t="inlineStr"><is><t>x</t></is></c></row>', 50,
                 id="claims-all-a-cell-in-the-last-column"),
    pytest.param("A1:B2", '<row r="1048576"><c r="B1048576" t="inlineStr"><is><t>x</t></is></c></row>', None,
                 id="true-size-a-cell-in-the-last-row"),
])
def test_a_small_xlsx_claiming_a_huge_sheet(tmp_path, dimension, far_cell, megabytes):
    """A 5 KB file saying A1:XFD1048576 made openpyxl pad every row to 16,384 cells and every
    gap to full rows: 3 GB in 20 s and climbing. Now read as the cells that are there."""
    source = base_xlsx(tmp_path / "base.xlsx")
    bomb = rewrite(source, tmp_path / "bomb.xlsx", lambda xml: xml.replace(
        b'ref="A1:B2"', f'ref="{dimension}"'.encode()).replace(
        b"</sheetData>", far_cell.encode() + b"</sheetData>"))
    assert bomb.stat().st_size < 8192
    got, _, _ = bounded(bomb, seconds=15, megabytes=megabytes)
    assert isinstance(got, (tabular.Table, ValidationError))
    if isinstance(got, tabular.Table):
        assert got.headers[:2] == ["이름", "전화"]
        assert sum(len(r) for r in got.rows) <= 2 * 16_384


def test_entity_expansion_is_refused(tmp_path):
    """A billion-laughs DTD in the shared strings or the sheet: the XML parser refuses it."""
    laughs = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lollollollollollollollollollol">'
              + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10)
                         for i in range(1, 9)) + b"]>")
    source = base_xlsx(tmp_path / "base.xlsx")
    bomb = rewrite(source, tmp_path / "laughs.xlsx", lambda xml: laughs + xml[xml.index(b"<worksheet"):].replace(
        b"<t>\xed\x99\x8d\xea\xb8\xb8\xeb\x8f\x99</t>", b"<t>&lol8;</t>"))
    got, _, _ = bounded(bomb, seconds=10, megabytes=150)
    if isinstance(got, tabular.Table):
        assert sum(len(c) for r in got.rows for c in r) < MB
