"""What every spreadsheet import shares: the column mapping, rejected and flagged rows with
their reasons, the report file, and cells that must never run as Excel formulas."""
from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.domain.progress import Progress as Progress  # the imports' callback
from pcrm_desktop.domain.text import mask_rrns
from pcrm_desktop.reports.spreadsheet import neutralise as neutralise  # re-exported: importers, ui, tests
from pcrm_desktop.services.import_fields import Fields
from pcrm_desktop.services.tabular import Table


@dataclass(frozen=True)
class Rejected:
    row: int          # 2 = the first data row under the header, as Excel numbers it
    reason: str       # Korean, for the report
    code: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class FlaggedDuplicate:
    """A row imported or held back with a remark: a likely duplicate, or (민원) a row kept as
    it is although something in it looks wrong, such as closed before it was received."""
    row: int
    other: str        # "기존 주민 #123", "파일 7행", or the remark
    score: float


def guess_mapping_for(fields: Fields, headers: list[str]) -> dict[str, str]:
    """field → header, for the headers that match a known name (spaces and case ignored)."""
    normal = {h.replace(" ", "").lower(): h for h in headers if h}
    mapping: dict[str, str] = {}
    for name, (_, aliases) in fields.items():
        for alias in aliases:
            key = alias.replace(" ", "").lower()
            if key in normal and normal[key] not in mapping.values():
                mapping[name] = normal[key]
                break
    return mapping


def column_index(table: Table, mapping: dict[str, str], required: tuple[str, ...]) -> dict[str, int]:
    """field → column number, or ValidationError when a required field is unmapped or a
    mapped header is not in the file."""
    unknown = [h for h in mapping.values() if h not in table.headers]
    missing = [f for f in required if f not in mapping]
    if missing or unknown:
        raise ValidationError("mapping_invalid", field="mapping",
                              detail=", ".join(unknown) or f"{', '.join(missing)} 열이 지정되지 않음")
    return {name: table.headers.index(header) for name, header in mapping.items()}


EXCEL_CELL_CHARS = 32_767  # the most Excel keeps in one cell


class ReportedPlan(Protocol):
    """What `write_report` reads of an import's plan (residents, 민원, survey answers)."""
    @property
    def table(self) -> Table: ...
    @property
    def rejected(self) -> Sequence[Rejected]: ...
    @property
    def duplicates(self) -> Sequence[FlaggedDuplicate]: ...
    def flag_text(self, d: FlaggedDuplicate) -> tuple[str, str]: ...


def write_report(plan: ReportedPlan, out: Path) -> None:
    """The rejected rows with their reasons and the flagged ones, as CSV for Excel. A row
    refused for the RRN in it is listed with the number masked, like every other cell."""
    try:
        handle = Path(out).open("w", encoding="utf-8-sig", newline="")  # noqa: SIM115 - closed by the `with` below
    except OSError as error:  # a missing or read-only folder, a file held open
        from pcrm_desktop.domain.errors import file_error
        if (refused := file_error(error, out)) is None:
            raise
        raise refused from error
    with handle:
        writer = csv.writer(handle)

        def write(cells: list[object]) -> None:
            # every text neutralised: the file's own headers, and reasons quoting a value,
            # may hold formulas as well as the rejected rows' cells; a cell longer than Excel
            # shows is cut there (a 1 MB cell from another program would be split)
            writer.writerow([neutralise(mask_rrns(c)[0])[:EXCEL_CELL_CHARS] if isinstance(c, str)
                             else c for c in cells])

        write(["행", "결과", "사유", *plan.table.headers])
        for r in plan.rejected:
            write([r.row, "거부", r.reason, *r.values])
        for d in plan.duplicates:
            write([d.row, *plan.flag_text(d)])
