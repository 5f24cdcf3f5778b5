"""The raw answers of a survey over a period, one row per response, to CSV (UTF-8 with BOM) or
XLSX: response number, date-time, mode, version and quality flags, then one column per answer
key (CODE, or CODE.ROW for a matrix row) of every version answered in the period.

No personal data: links to 민원 and residents live apart from the answers and are not written;
free text was masked of RRNs when it was entered. The answers are read in one query ordered by
response and item, and folded into rows as they stream (a month may hold 20,000 responses)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.domain.privacy import require_role
from pcrm_desktop.domain.surveys import ItemType, Questionnaire
from pcrm_desktop.domain.text import mask_rrns, nfc
from pcrm_desktop.domain.timestamps import as_datetime
from pcrm_desktop.reports.spreadsheet import check_format, write_table
from pcrm_desktop.services.context import ServiceContext
from pcrm_desktop.services.surveys import SURVEY_ROLES, _survey

HEADERS = ["응답번호", "응답일시", "방식", "설문 버전", "품질 표시"]
NA_TEXT = "해당없음"
MULTI_JOIN = "; "

@dataclass(frozen=True)
class ResponsesExport:
    path: Path
    rows: int
    columns: list[str]  # the answer keys, in questionnaire order


def _keys(q: Questionnaire) -> list[tuple[str, ItemType]]:
    keys: list[tuple[str, ItemType]] = []
    for item in q.items:
        rows = item.options if item.type is ItemType.MATRIX else (None,)
        keys += [(f"{item.code}.{row}" if row is not None else item.code, item.type) for row in rows]
    return keys


def _cell(kind: ItemType | None, number: float | None, text: str | None, na: object
          ) -> str | float | None:
    """One stored answer as the spreadsheet shows it."""
    if na:
        return NA_TEXT
    if kind is ItemType.YES_NO and number is not None:
        return "예" if number else "아니오"
    if kind is ItemType.MULTI and text is not None:
        return MULTI_JOIN.join(text.split("\n"))
    if number is not None:
        return int(number) if float(number).is_integer() else number
    return text


def _rows(cursor: Iterable[Sequence[Any]], columns: dict[str, int],
          kinds: dict[int, dict[str, ItemType]], versions: dict[int, int]) -> Iterator[list[Any]]:
    """Fold the (response, item) rows into one list per response, as they stream."""
    current: int | None = None  # the response being folded (ids are never None)
    row: list[Any] = []
    for rid, at, mode, version_id, flags, item, number, text, na in cursor:
        if rid != current:
            if current is not None:
                yield row
            current = rid
            submitted = as_datetime(at)
            assert submitted is not None  # survey_responses.submitted_at is NOT NULL
            row = [rid, submitted.replace(microsecond=0), mode, versions[version_id],
                   flags or None, *[None] * len(columns)]  # None: no cell at all in XLSX
        if item is not None:
            row[5 + columns[item]] = _cell(kinds[version_id].get(item), number, text, na)
    if current is not None:
        yield row


def export_responses(ctx: ServiceContext, code: str, first: date, last: date,
                     out: Path, reason: str = "") -> ResponsesExport:
    """The answers of [first, last] (whole days) of one survey, anonymous as stored: no
    personal data, so a reason is optional (kept in the access log when given)."""
    require_role(ctx.actor, SURVEY_ROLES, "survey.export")
    if last < first:
        raise ValidationError("period_order", field="period")
    out = Path(out)
    check_format(out)
    code = nfc(code).upper()
    start = datetime.combine(first, datetime.min.time())
    end = datetime.combine(last + timedelta(days=1), datetime.min.time())
    with ctx.reading() as uow:
        survey_id = _survey(uow, code)["id"]
        versions: dict[int, int] = {}                  # version id → its number
        kinds: dict[int, dict[str, ItemType]] = {}     # version id → answer key → item type
        columns: dict[str, int] = {}                   # answer key → its column
        for version_id, number, definition in uow.surveys.export_versions(survey_id, start, end):
            versions[version_id] = number
            kinds[version_id] = dict(_keys(Questionnaire.from_json(definition)))
            for key in kinds[version_id]:  # every stored key is one of its version's (clean_answers)
                columns.setdefault(key, len(columns))
        cursor = uow.surveys.export_answers(survey_id, start, end)
        rows = _rows(cursor, columns, kinds, versions)
        counted = _Counted(rows)
        write_table(out, f"{code} 응답", HEADERS + list(columns), counted)
    with ctx.uow_factory() as uow:
        ctx.audit(uow, "survey.export", out.name,
                  f"{code} {first}~{last}: {counted.n}건 (익명 답만, 연결 정보 없음)",
                  reason=mask_rrns(nfc(reason))[0])
        uow.commit()
    return ResponsesExport(out, counted.n, list(columns))


class _Counted:
    """An iterable that counts what passed through it."""

    def __init__(self, rows: Iterable[list[Any]]) -> None:
        self.rows, self.n = rows, 0

    def __iter__(self) -> Iterator[list[Any]]:
        for row in self.rows:
            self.n += 1
            yield row
