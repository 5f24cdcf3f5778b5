"""Writing a table for Excel: XLSX, or CSV in UTF-8 with a BOM (so Excel opens Hangul right),
cells that Excel would run as formulas neutralised, the file appearing only when whole."""
from __future__ import annotations

import csv
from pathlib import Path

from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.services.import_common import neutralise


def check_format(out: Path) -> None:
    if Path(out).suffix.lower() not in (".xlsx", ".csv"):
        raise ValidationError("export_format", field="out")


def write_table(out: Path, sheet: str, headers: list[str], rows: list[list]) -> None:
    """Write to a partial file and rename it: a failure leaves no half-written file."""
    out = Path(out)
    check_format(out)
    rows = [[neutralise(v) if isinstance(v, str) else v for v in row] for row in rows]
    partial = out.with_name(f".{out.name}.partial")
    try:
        if out.suffix.lower() == ".xlsx":
            from openpyxl import Workbook
            book = Workbook(write_only=True)
            page = book.create_sheet(sheet)
            page.append(headers)
            for row in rows:
                page.append(row)
            book.save(partial)
        else:
            with partial.open("w", encoding="utf-8-sig", newline="") as handle:
                writer = csv.writer(handle)
                writer.writerow(headers)
                writer.writerows(rows)
        partial.replace(out)
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
        book = Workbook(write_only=True)
        for name, headers, rows in sheets:
            page = book.create_sheet(name[:31])
            page.append(headers)
            for row in rows:
                page.append([neutralise(v) if isinstance(v, str) else v for v in row])
        book.save(partial)
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
