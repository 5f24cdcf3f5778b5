"""Exporting residents to XLSX or CSV (UTF-8 with BOM, so Excel opens Hangul correctly).

Masked by default (addresses, birth years and memos are still personal data). Every export needs
a reason and is audited with it and its row count; full values also need a role that may export
them. Cells that Excel would run as formulas are neutralised.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.domain.phone import mask_phone
from pcrm_desktop.domain.privacy import (
    EXPORT_UNMASKED_ROLES,
    PERSONAL_DATA_ROLES,
    clean_reason,
    require_role,
)
from pcrm_desktop.domain.text import mask_email, mask_name
from pcrm_desktop.reports.spreadsheet import write_audited
from pcrm_desktop.services.context import ServiceContext
from pcrm_desktop.services.import_common import Progress

HEADERS = ["번호", "이름", "출생연도", "성별", "전화", "전자우편", "주소", "상세주소", "동",
           "선호 연락", "고객집단", "메모"]


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: int
    masked: bool


def export_citizens(ctx: ServiceContext, out: Path, unmasked: bool = False, reason: str = "",
                    progress: Progress | None = None) -> ExportResult:
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "citizen.export")
    if unmasked:
        require_role(ctx.actor, EXPORT_UNMASKED_ROLES, "citizen.export_unmasked")
    reason = clean_reason(reason)
    out = Path(out)
    if out.suffix.lower() not in (".xlsx", ".csv"):
        raise ValidationError("export_format", field="out")
    with ctx.reading() as uow:
        rows = [_row(r, unmasked) for r in uow.citizen_read.export_rows()]
    def record() -> None:
        with ctx.uow_factory() as uow:
            ctx.audit(uow, "citizen.export", out.name,
                      f"{len(rows)}명, {'전체 값' if unmasked else '가림'}", reason=reason)
            uow.commit()
    write_audited(out, "주민", HEADERS, rows, record)
    return ExportResult(out, len(rows), not unmasked)


def _row(r: Sequence[Any], unmasked: bool) -> list[Any]:
    citizen_id, name, birth_year, gender, email, road, detail, dong, channel, memo, phones, groups = r
    phones = phones or ""
    if not unmasked:
        name, email = mask_name(name), mask_email(email)
        phones = ", ".join(mask_phone(p) for p in phones.split(", ") if p)
    values = [citizen_id, name, birth_year or "", gender, phones, email, road, detail, dong,
              channel or "", groups or "", memo]
    return values
