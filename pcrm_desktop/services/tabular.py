"""Reading spreadsheets that offices really have: CSV in UTF-8, UTF-8 with BOM or CP949/EUC-KR,
and XLSX. Nothing here guesses silently: the encoding found is reported to the clerk."""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.domain.text import nfc

MAX_FILE_BYTES = 200 * 1024 * 1024


@dataclass(frozen=True)
class Table:
    path: Path
    encoding: str           # "utf-8", "utf-8-sig", "cp949" or "xlsx"
    headers: list[str]
    rows: list[list[str]]   # every data row as text, short rows padded to the header's width
    numbers: list[int]      # each row's number as Excel shows it (blank rows counted)


def detect_encoding(raw: bytes) -> str:
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
    return _table(path, encoding, list(csv.reader(io.StringIO(raw.decode(encoding), newline=""))))


def _read_xlsx(path: Path) -> Table:
    from openpyxl import load_workbook
    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise ValidationError("xlsx_unreadable", field="file", detail=str(exc)[:200]) from exc
    try:
        sheet = book.worksheets[0]
        rows = [["" if v is None else _cell_text(v) for v in row]
                for row in sheet.iter_rows(values_only=True)]
    finally:
        book.close()
    return _table(path, "xlsx", rows)


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime) and value.time() != datetime.min.time():
        return value.strftime("%Y-%m-%d %H:%M:%S")  # a time of receipt keeps its time
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")  # a birth date typed as a date in Excel
    return str(value)


def _table(path: Path, encoding: str, rows: list[list[str]]) -> Table:
    numbered = [(n, r) for n, r in enumerate(rows, start=1) if any(cell.strip() for cell in r)]
    if not numbered:
        raise ValidationError("file_empty", field="file")
    headers = [nfc(h) for h in numbered[0][1]]
    width = len(headers)
    # Short rows are padded; longer rows are kept whole so the importer can reject them.
    body = [r + [""] * (width - len(r)) if len(r) < width else r for _, r in numbered[1:]]
    return Table(path, encoding, headers, body, [n for n, _ in numbered[1:]])
