"""Reading spreadsheets that offices really have: CSV in UTF-8, UTF-8 with BOM or CP949/EUC-KR,
and XLSX. Nothing here guesses silently: the encoding found is reported to the clerk."""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from pcrm_desktop.domain.errors import DomainError, ValidationError
from pcrm_desktop.domain.text import nfc

MAX_FILE_BYTES = 200 * 1024 * 1024
# Hostile or broken files are refused while they are read, before they fill the memory:
MAX_COLUMNS = 16_384      # Excel's own limit (column XFD); one long line of commas has more
MAX_CELLS = 20_000_000    # rows × columns held (300,000 residents × 13 columns: 3.9 million);
#                           a few KB of XLSX can claim far more, or pad short rows to a wide header
MAX_CELL_CHARS = csv.field_size_limit()  # 131,072: 4× Excel's 32,767; more is an unclosed quote


@dataclass(frozen=True)
class Table:
    path: Path
    encoding: str           # "utf-8", "utf-8-sig", "cp949" or "xlsx"
    headers: list[str]
    rows: list[list[str]]   # every data row as text, short rows padded to the header's width
    numbers: list[int]      # each row's number as Excel shows it (blank rows counted)


def detect_encoding(raw: bytes) -> str:
    if b"\x00" in raw:  # UTF-16 ("유니코드 텍스트") or not text at all: never a CSV's bytes
        raise ValidationError("encoding_unknown", field="file")
    if raw.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    try:
        raw.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        raw.decode("cp949")  # a superset of EUC-KR, what Korean Excel saves as "CSV"
        return "cp949"
    except UnicodeDecodeError:
        raise ValidationError("encoding_unknown", field="file") from None


def read_table(path: Path) -> Table:
    path = Path(path)
    if not path.is_file():
        raise ValidationError("file_missing", field="file", path=str(path))
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ValidationError("file_too_large", field="file", max_mb=MAX_FILE_BYTES // 2**20)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    raw = path.read_bytes()
    if not raw.strip():
        raise ValidationError("file_empty", field="file")
    encoding = detect_encoding(raw)
    return _table(path, encoding, _csv_rows(raw.decode(encoding)))


def _lines(text: str) -> Iterator[str]:
    """The text's lines for the CSV reader; a line with more commas than a sheet has columns is
    refused before the reader makes a list of them (1,000,000 cells: ~100 MB of objects)."""
    for number, line in enumerate(io.StringIO(text, newline=""), start=1):
        if line.count(",") >= MAX_COLUMNS:
            raise ValidationError("columns_too_many", field="file", row=number,
                                  columns=f"{line.count(',') + 1:,}", max=f"{MAX_COLUMNS:,}")
        yield line


def _csv_rows(text: str) -> Iterator[list[str]]:
    reader = csv.reader(_lines(text))
    try:
        yield from reader
    except csv.Error as exc:  # the reader's one error with its default dialect: a huge cell
        if "field limit" in str(exc):
            raise ValidationError("cell_too_large", field="file", line=reader.line_num,
                                  max=f"{MAX_CELL_CHARS:,}") from None
        raise ValidationError("csv_unreadable", field="file", line=reader.line_num,
                              detail=str(exc)[:200]) from None


def _read_xlsx(path: Path) -> Table:
    from openpyxl import load_workbook
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ValidationError("xlsx_unreadable", field="file", detail=str(exc)[:200]) from exc
    try:
        sheet = book.worksheets[0]
        width, height = sheet.max_column or 0, sheet.max_row or 0
        if width > MAX_COLUMNS or width * height > MAX_CELLS:
            # A size the sheet only claims (a few KB saying A1:XFD1048576) would make openpyxl
            # pad every row to it: read the cells that are there instead.
            sheet.reset_dimensions()
        return _table(path, "xlsx", (["" if v is None else _cell_text(v) for v in row]
                                     for row in sheet.iter_rows(values_only=True)))
    except DomainError:
        raise
    except Exception as exc:  # damaged sheet XML, a cell address or a date out of range …
        raise ValidationError("xlsx_unreadable", field="file", detail=str(exc)[:200]) from exc
    finally:
        book.close()


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime) and value.time() != datetime.min.time():
        return value.strftime("%Y-%m-%d %H:%M:%S")  # a time of receipt keeps its time
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")  # a birth date typed as a date in Excel
    return str(value)


def _table(path: Path, encoding: str, rows: Iterable[list[str]]) -> Table:
    """The rows as they are read: blank ones skipped (but counted), the first other one the
    header; short rows padded, longer rows kept whole so the importer can reject them."""
    headers: list[str] | None = None
    width, cells = 0, 0
    body: list[list[str]] = []
    numbers: list[int] = []
    for number, row in enumerate(rows, start=1):
        if len(row) > MAX_COLUMNS:
            raise ValidationError("columns_too_many", field="file", row=number,
                                  columns=f"{len(row):,}", max=f"{MAX_COLUMNS:,}")
        if not any(cell.strip() for cell in row):
            continue
        if headers is None:
            headers = [nfc(h) for h in row]
            width = len(headers)
            continue
        cells += max(len(row), width)
        if cells > MAX_CELLS:
            raise ValidationError("table_too_large", field="file", row=number, max=f"{MAX_CELLS:,}")
        body.append(row + [""] * (width - len(row)) if len(row) < width else row)
        numbers.append(number)
    if headers is None:
        raise ValidationError("file_empty", field="file")
    return Table(path, encoding, headers, body, numbers)
