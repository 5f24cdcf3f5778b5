"""Reading spreadsheets that offices really have: CSV in UTF-8, UTF-8 with BOM or CP949/EUC-KR,
and XLSX. Nothing here guesses silently: the encoding found is reported to the clerk.

Both kinds are read as a stream and refused at the first limit they reach, before the rows
fill the memory: a small file may stand for a great many rows (a 4 MB XLSX held 30 million)."""
from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from pcrm_desktop.domain.errors import DomainError, ValidationError
from pcrm_desktop.domain.messages import format_message, message_template
from pcrm_desktop.domain.text import nfc

MAX_FILE_BYTES = 200 * 1024 * 1024
# Hostile or broken files are refused while they are read, before they fill the memory:
MAX_ROWS = 1_048_576      # Excel's own limit, blank rows counted: no sheet has more, and a file
#                           of 300,000 residents or a decade of 민원 has far fewer
MAX_COLUMNS = 16_384      # Excel's own limit (column XFD); one long line of commas has more
MAX_CELLS = 20_000_000    # rows × columns held (300,000 residents × 13 columns: 3.9 million);
#                           a few KB of XLSX can claim far more, or pad short rows to a wide header
MAX_CELL_CHARS = csv.field_size_limit()  # 131,072: 4× Excel's 32,767; more is an unclosed quote
# (XLSX: xlsx_stream.MAX_XML_BYTES inflated per part, MAX_CELL_CHARS a cell)
CHUNK = 1024 * 1024
Opener = Callable[[], BinaryIO]  # opens the file (or the bytes) again from the start


@dataclass(frozen=True)
class Table:
    path: Path
    encoding: str           # "utf-8", "utf-8-sig", "cp949" or "xlsx"
    headers: list[str]
    rows: list[list[str]]   # every data row as text, short rows padded to the header's width
    numbers: list[int]      # each row's number as Excel shows it (blank rows counted)


def read_table(path: Path) -> Table:
    path = Path(path)
    if not path.is_file():
        raise ValidationError("file_missing", field="file", path=str(path))
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ValidationError("file_too_large", field="file", max_mb=MAX_FILE_BYTES // 2**20)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        return _read_xlsx(path)
    encoding = _encoding(lambda: path.open("rb"))
    try:
        with path.open("r", encoding=encoding, newline="") as handle:
            return _table(path, encoding, enumerate(_csv_rows(handle), start=1))
    except UnicodeDecodeError:  # the file changed while it was read: say what is wrong now
        _encoding(lambda: path.open("rb"))
        raise


# --- the encoding --------------------------------------------------------------------------------

def detect_encoding(raw: bytes) -> str:
    return _encoding(lambda: io.BytesIO(raw))


def _encoding(opener: Opener) -> str:
    """UTF-8 (with or without BOM) when every byte is, else CP949 (a superset of EUC-KR, what
    Korean Excel saves as "CSV") when every byte is. Otherwise the refusal names the first line
    that is neither, in the encoding that reads further, and why: a NUL (UTF-16, or not text),
    a line in the other encoding (a file pieced together from two), or bytes of neither."""
    with opener() as source:
        head = source.read(4096)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or _looks_utf16(head):
        raise _refusal("encoding_utf16")  # Excel's "유니코드 텍스트"
    problem = _first_problem(opener, "utf-8")
    if problem is None:
        return "utf-8-sig" if head.startswith(codecs.BOM_UTF8) else "utf-8"
    if problem[0] != "nul" and not head.startswith(codecs.BOM_UTF8):
        as_cp949 = _first_problem(opener, "cp949")
        if as_cp949 is None:
            return "cp949"
        problem = max(problem, as_cp949, key=lambda p: p[1])
    raise _explain(opener, *problem)


def _looks_utf16(head: bytes) -> bool:
    """UTF-16 without a BOM: the NULs of its ASCII characters (commas, digits, line ends) on one
    side (a Hangul syllable's can fall on the other), and commas or line ends in the text."""
    odd, even = head[1::2].count(0), head[::2].count(0)
    if odd + even < 4 or max(odd, even) < 3 * min(odd, even):
        return False
    try:
        text = head[:len(head) // 2 * 2].decode("utf-16-le" if odd > even else "utf-16-be")
    except UnicodeDecodeError:
        return False
    return any(mark in text for mark in ",\t\n")


_NON_ASCII = re.compile(rb"[\x80-\xff]")


def _first_problem(opener: Opener, encoding: str) -> tuple[str, int, int] | None:
    """(what, byte offset, offset of the first non-ASCII byte before it or -1) of the first NUL
    or undecodable byte, reading a chunk at a time; None when the whole file decodes."""
    decoder = codecs.getincrementaldecoder(encoding)()
    offset, non_ascii = 0, -1
    with opener() as source:
        while True:
            chunk = source.read(CHUNK)
            nul = chunk.find(b"\x00")
            if nul >= 0:
                return "nul", offset + nul, -1
            if non_ascii < 0 and not chunk.isascii():
                first = _NON_ASCII.search(chunk)
                assert first is not None  # not ASCII: a byte of 0x80 or more is in it
                non_ascii = offset + first.start()
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as error:  # error.object: the bytes held back, then chunk
                bad = offset + len(chunk) - len(error.object) + error.start
                return encoding, bad, non_ascii if non_ascii < bad else -1
            if not chunk:
                return None
            offset += len(chunk)


def _explain(opener: Opener, what: str, offset: int, non_ascii: int) -> ValidationError:
    number, line, column, byte = _line_at(opener, offset)
    if what == "nul":
        return _refusal("encoding_nul", line=number)
    other = "cp949" if what == "utf-8" else "utf-8"
    if 0 <= non_ascii < offset - column + 1 and _reads_as(line, other):  # text on earlier lines
        return _refusal("encoding_not_utf8" if what == "utf-8" else "encoding_not_cp949", line=number)
    return _refusal("encoding_bad_bytes", line=number, column=column, byte=byte.hex().upper())


def _reads_as(line: bytes, encoding: str) -> bool:
    """The line decodes, and as Korean text when CP949 (most byte pairs from 0x81 up are
    CP949 characters: a cut UTF-8 character, say, would read as a Hanja)."""
    try:
        text = line.decode(encoding)
    except UnicodeDecodeError:
        return False
    if encoding != "cp949":
        return True
    other = [c for c in text if c > "\x7f"]
    return sum("\uac00" <= c <= "\ud7a3" for c in other) * 2 > len(other)


def _line_at(opener: Opener, offset: int) -> tuple[int, bytes, int, bytes]:
    """The line number (from 1), the line's bytes (up to 64 KB), the byte's column (from 1) and
    the byte itself."""
    number, start, position = 1, 0, 0
    with opener() as source:
        while position < offset:
            chunk = source.read(min(CHUNK, offset - position))
            if not chunk:
                break
            number += chunk.count(b"\n")
            last = chunk.rfind(b"\n")
            if last >= 0:
                start = position + last + 1
            position += len(chunk)
        source.seek(start)
        line = source.read(65536).split(b"\n", 1)[0]
        source.seek(offset)
        byte = source.read(1)
    return number, line, offset - start + 1, byte


def _refusal(reason: str, **params: object) -> ValidationError:
    """encoding_unknown, its reason in Korean: one code for every encoding refusal (scripts and
    the import dialog act on the code), the reason naming the line."""
    return ValidationError("encoding_unknown", field="file",
                           detail=format_message(message_template(reason), params))


# --- CSV -----------------------------------------------------------------------------------------

def _csv_rows(handle: Iterable[str]) -> Iterator[list[str]]:
    """The records of the file. A line with more commas than a sheet has columns is refused
    before the reader makes a list of them (1,000,000 cells: ~100 MB of objects); a record read
    over several lines is checked for a quote that was opened and never closed."""
    record: list[str] = []

    def lines() -> Iterator[str]:
        for number, line in enumerate(handle, start=1):
            if line.count(",") >= MAX_COLUMNS:
                raise ValidationError("columns_too_many", field="file", row=number,
                                      columns=f"{line.count(',') + 1:,}", max=f"{MAX_COLUMNS:,}")
            record.append(line)
            yield line

    reader = csv.reader(lines())
    width = 0
    try:
        for row in reader:
            if len(record) > 1:
                _check_quotes(record, reader.line_num - len(record) + 1, len(row), width)
            elif not width and any(cell.strip() for cell in row):
                width = len(row)
            record.clear()
            yield row
    except csv.Error as exc:  # the reader's one error with its default dialect: a huge cell
        if "field limit" in str(exc):
            raise ValidationError("cell_too_large", field="file", line=reader.line_num,
                                  max=f"{MAX_CELL_CHARS:,}") from None
        raise ValidationError("csv_unreadable", field="file", line=reader.line_num,
                              detail=str(exc)[:200]) from None


def _check_quotes(lines: list[str], first: int, cells: int, width: int) -> None:
    """A cell may hold line breaks when it is quoted ("…"). A quote opened and never closed
    swallows the lines after it, up to the next quote or the end of the file, and the reader
    (like Excel) says nothing: the clerk would see the swallowed record's text as, say, a wrong
    e-mail address. Such a record is told by its quoting (the closing quote followed by more
    text, or no closing quote at all), or by a line inside the cell that is a record of its own
    in a row that came out short."""
    try:
        for _ in csv.reader(lines, strict=True):
            pass
    except csv.Error:
        pass
    else:
        if not (width > 2 and cells < width
                and any(line.count(",") >= width - 1 for line in lines[1:])):
            return
    quotes, opened = 0, 0
    for index, line in enumerate(lines):  # the line that leaves a quote open
        quotes += line.count('"')
        if quotes % 2:
            opened = index
            break
    last = first + len(lines) - 1
    raise ValidationError("csv_quote_unclosed", field="file", line=first + opened,
                          count=last - first - opened, last=last)


# --- XLSX ----------------------------------------------------------------------------------------

def _read_xlsx(path: Path) -> Table:
    from pcrm_desktop.services.xlsx_stream import sheet_rows
    rows = sheet_rows(path, MAX_ROWS, MAX_COLUMNS, MAX_CELLS)
    try:
        return _table(path, "xlsx", rows)
    except DomainError:
        raise
    except Exception as exc:  # not a zip, damaged sheet XML, a date out of range …
        raise ValidationError("xlsx_unreadable", field="file", detail=str(exc)[:200]) from exc
    finally:
        rows.close()  # the zip is closed now, not when the refusal is forgotten


# --- the table -----------------------------------------------------------------------------------

def _table(path: Path, encoding: str, rows: Iterable[tuple[int, list[str]]]) -> Table:
    """The rows as they are read: blank ones skipped (but counted), the first other one the
    header; short rows padded, longer rows kept whole so the importer can reject them."""
    headers: list[str] | None = None
    width, cells = 0, 0
    body: list[list[str]] = []
    numbers: list[int] = []
    for number, row in rows:
        if number > MAX_ROWS:
            raise ValidationError("rows_too_many", field="file", row=f"{number:,}", max=f"{MAX_ROWS:,}")
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
