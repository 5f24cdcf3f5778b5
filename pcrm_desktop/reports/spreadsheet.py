"""Writing a table for Excel: XLSX, or CSV in UTF-8 with a BOM (so Excel opens Hangul right),
cells that Excel would run as formulas neutralised, the file appearing only when whole. A writer:
it gets rows, never a service (the exports and the monthly report hand it their tables)."""
from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pcrm_desktop.domain.errors import ValidationError, file_error

# Characters XML 1.0 cannot hold: openpyxl refuses the C0 controls (IllegalCharacterError) and
# writes U+FFFE/U+FFFF into a file Excel cannot open. Typed text may hold them (a pasted ESC,
# a NUL): an XLSX leaves them out; CSV keeps them.
NOT_IN_XLSX = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def neutralise(value: str) -> str:
    """A cell that Excel would run as a formula (=, +, -, @) is written as text."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def xlsx_cell(value):
    """A value as an XLSX cell can hold it, neutralised after its controls are gone (so that
    "\x01=cmd" cannot turn into a formula)."""
    return neutralise(NOT_IN_XLSX.sub("", value)) if isinstance(value, str) else value


def check_format(out: Path) -> None:
    if Path(out).suffix.lower() not in (".xlsx", ".csv"):
        raise ValidationError("export_format", field="out")


def write_table(out: Path, sheet: str, headers: list[str], rows: Iterable[Iterable[Any]]) -> None:
    """Write to a partial file and rename it: a failure leaves no half-written file."""
    out = Path(out)
    check_format(out)
    xlsx = out.suffix.lower() == ".xlsx"
    cell = xlsx_cell if xlsx else (lambda v: neutralise(v) if isinstance(v, str) else v)
    rows = [[cell(v) for v in row] for row in rows]
    partial = out.with_name(f".{out.name}.partial")
    try:
        if xlsx:
            from openpyxl import Workbook
            partial.open("wb").close()  # a missing or read-only folder fails here, not in openpyxl
            book = Workbook(write_only=True)
            page = book.create_sheet(sheet)
            page.append([xlsx_cell(h) for h in headers])
            for row in rows:
                page.append(row)
            book.save(partial)
        else:
            with partial.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(headers)
                writer.writerows(rows)
        partial.replace(out)
    except OSError as error:  # a missing or read-only folder, a full disk, a file held open
        if (refused := file_error(error, out)) is None:
            raise
        raise refused from error
    finally:
        partial.unlink(missing_ok=True)


def write_sheets(out: Path, sheets: list[tuple[str, list[str], list[list]]]) -> None:
    """Several tables as the sheets of one XLSX (a report's tables for staff who re-use the
    figures), written whole or not at all."""
    out = Path(out)
    if out.suffix.lower() != ".xlsx":
        raise ValidationError("export_format", field="out")
    from openpyxl import Workbook
    partial = out.with_name(f".{out.name}.partial")
    try:
        partial.open("wb").close()  # a missing or read-only folder fails here, not in openpyxl
        book = Workbook(write_only=True)
        for name, headers, rows in sheets:
            page = book.create_sheet(name[:31])
            page.append([xlsx_cell(h) for h in headers])
            for row in rows:
                page.append([xlsx_cell(v) for v in row])
        book.save(partial)
        partial.replace(out)
    except OSError as error:
        if (refused := file_error(error, out)) is None:
            raise
        raise refused from error
    finally:
        partial.unlink(missing_ok=True)


def write_audited(out: Path, sheet: str, headers: list[str], rows: list[list], record) -> None:
    """Write a table of personal data so that the file appears under its name only once
    `record()` (which commits its access-log entry) has returned: a failure on either side
    leaves neither a half-written file nor an unlogged export."""
    partial = out.with_name(f".{out.name}.partial{out.suffix}")
    try:
        write_table(partial, sheet, headers, rows)
        record()
        try:
            partial.replace(out)
        except OSError as error:  # the old file is held open (Excel), or the folder went away
            if (refused := file_error(error, out)) is None:
                raise
            raise refused from error
    finally:
        partial.unlink(missing_ok=True)
