"""만족도 answers keyed into a spreadsheet (CSV or XLSX), one row per respondent, imported into a
survey's current questionnaire. The domain validates every cell (clean_answers): a half point,
an out-of-range or malformed answer, or 해당없음 where the item has none, rejects the row with
its reason; nothing is coerced. Good rows land together in one transaction, or none do.

The mapping ties answer keys to column headers, plus a few lower-case keys of its own:
    {"OVERALL": "전반적 만족", "KIND": "친절", "SAT.대기시간": "대기시간 만족",
     "submitted_at": "응답일",        # a column with the date of each response, or
     "submitted_on": "2026-11-27",    # one fixed date for every row (neither: the import's time)
     "na": ["9", "N/A"]}              # more cell texts meaning 해당없음 (NA and 해당없음 always do)
Item codes are upper case (check_questionnaire), so the lower-case keys can never clash."""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from pcrm_desktop.domain.errors import ConflictError, DomainError, ValidationError
from pcrm_desktop.domain.messages import korean_message
from pcrm_desktop.domain.privacy import require_role
from pcrm_desktop.domain.progress import Step
from pcrm_desktop.domain.surveys import (
    NA,
    SCALE_SIZE,
    Item,
    ItemType,
    Questionnaire,
    clean_answers,
    quality,
)
from pcrm_desktop.domain.text import nfc
from pcrm_desktop.domain.timestamps import sql_datetime
from pcrm_desktop.services.context import ServiceContext
from pcrm_desktop.services.import_common import (  # noqa: F401 - the importer's interface
    FlaggedDuplicate,
    Progress,
    Rejected,
    write_report,
)
from pcrm_desktop.services.memory import paused_gc
from pcrm_desktop.services.surveys import SURVEY_ROLES, _row, _state, _survey
from pcrm_desktop.services.tabular import Table, read_table

DATE_COLUMN, FIXED_DATE, NA_MARKERS = "submitted_at", "submitted_on", "na"
ALWAYS_NA = ("NA", "해당없음")    # the domain's marker, and what the export writes
EARLIEST = datetime(2000, 1, 1)  # as a paper form's date (services.surveys)
MULTI_SEPARATOR = ";"            # "민원실; 누리집", as the export joins them
CHUNK = 5000                     # responses written per batch
_YEAR, _MONTH = re.compile(r"\d{4}"), re.compile(r"(\d{4})[-./](\d{1,2})")


@dataclass(frozen=True)
class ResponseMapping:
    items: dict[str, str]           # answer key (CODE or CODE.ROW) → header
    date_column: str | None = None
    fixed_date: date | None = None
    na: tuple[str, ...] = ALWAYS_NA


def _bad(detail: str) -> ValidationError:
    return ValidationError("mapping_invalid", field="mapping", detail=detail)


def _answer_keys(q: Questionnaire) -> dict[str, Item]:
    """Every key an answer may have: CODE, or CODE.ROW for each row of a matrix."""
    keys: dict[str, Item] = {}
    for item in q.items:
        if item.type is ItemType.MATRIX:
            keys.update({f"{item.code}.{row}": item for row in item.options})
        else:
            keys[item.code] = item
    return keys


def parse_mapping(raw: object, q: Questionnaire, headers: list[str], label: str) -> ResponseMapping:
    """The mapping read against the questionnaire and the file; every problem is named."""
    if not isinstance(raw, dict):
        raise _bad("JSON 객체가 아님")
    keys = _answer_keys(q)
    items = {nfc(k): v for k, v in raw.items() if k not in (DATE_COLUMN, FIXED_DATE, NA_MARKERS)}
    unknown = [k for k in items if k not in keys]
    if unknown:
        raise _bad(f"{label}에 없는 문항 코드: {', '.join(unknown)}")
    if not items:
        raise _bad("문항 열이 하나도 연결되지 않음")
    texts = list(items.values()) + ([raw[DATE_COLUMN]] if DATE_COLUMN in raw else [])
    if not all(isinstance(v, str) for v in texts):
        raise _bad("열 이름은 문자열이어야 함")
    missing = [h for h in texts if nfc(h) not in headers]
    if missing:
        raise _bad(f"파일에 없는 열: {', '.join(missing)}")
    unmapped = [i.code for i in q.items if i.required and i.show_if is None and i.code not in items]
    if unmapped:
        raise _bad(f"꼭 답해야 하는 문항이 연결되지 않음: {', '.join(unmapped)}")
    if DATE_COLUMN in raw and FIXED_DATE in raw:
        raise _bad(f"{DATE_COLUMN}와 {FIXED_DATE} 가운데 하나만 씀")
    fixed = None
    if FIXED_DATE in raw:
        try:
            fixed = date.fromisoformat(str(raw[FIXED_DATE]).strip())
        except ValueError:
            raise _bad(f"{FIXED_DATE}는 2026-11-27 형식: {raw[FIXED_DATE]}") from None
    na = raw.get(NA_MARKERS, [])
    na = [na] if isinstance(na, str) else na
    if not isinstance(na, list) or not all(isinstance(m, str) and m.strip() for m in na):
        raise _bad(f"{NA_MARKERS}는 해당없음 표시 글자(또는 그 목록)")
    return ResponseMapping({k: nfc(v) for k, v in items.items()},
                           nfc(raw[DATE_COLUMN]) if DATE_COLUMN in raw else None, fixed,
                           tuple(dict.fromkeys(ALWAYS_NA + tuple(nfc(m) for m in na))))


@dataclass
class ResponsePlan:
    table: Table
    mapping: dict[str, Any]
    survey: str
    version: int
    version_id: int
    # row, at, answers, flags
    valid: list[tuple[int, datetime, dict[str, object], str]] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    problems: list[tuple[int, str, str]] = field(default_factory=list)  # row, answer key, error code
    empty: list[int] = field(default_factory=list)  # rows with no mapped answer at all: skipped
    rrn_masked: int = 0

    @property
    def duplicates(self) -> list[FlaggedDuplicate]:  # what write_report lists after the rejected
        return [FlaggedDuplicate(n, "연결한 문항 열이 모두 비어 있음", 0.0) for n in self.empty]

    def flag_text(self, d: FlaggedDuplicate) -> tuple[str, str]:
        return "건너뜀", d.other

    def rejected_by_code(self) -> dict[str, int]:
        """Rejected rows by the code of their first problem."""
        counts: dict[str, int] = {}
        for r in self.rejected:
            counts[r.code] = counts.get(r.code, 0) + 1
        return counts

    def problems_by_item(self) -> dict[str, dict[str, int]]:
        """Bad cells by answer key (or submitted_at) and error code; a row may have several."""
        counts: dict[str, dict[str, int]] = {}
        for _, key, code in self.problems:
            of_key = counts.setdefault(key, {})
            of_key[code] = of_key.get(code, 0) + 1
        return counts


@dataclass(frozen=True)
class ResponseImportResult:
    imported: int
    rejected: int
    skipped: int            # rows without any answer
    version: int
    first: date | None      # the dates the imported responses carry
    last: date | None
    encoding: str


def _response_date(text: str, now: datetime) -> datetime:
    """2026-11-27 (with a time or not), 2026.11.27, 11/27/2026; a year alone (2015) or a month
    (2015-06) stands for its first day, as office files often keep only the survey's year."""
    from pcrm_desktop.services.complaint_import import parse_moment
    text = nfc(text)
    if not text:
        raise ValidationError("required", field=DATE_COLUMN)
    month = _MONTH.fullmatch(text)
    try:
        if _YEAR.fullmatch(text):
            at = datetime(int(text), 1, 1)
        elif month:
            at = datetime(int(month.group(1)), int(month.group(2)), 1)
        else:
            moment = parse_moment(text)
            if moment is None:  # blank, and refused above already
                raise ValidationError("required", field=DATE_COLUMN)
            at = moment
    except ValueError:
        raise ValidationError("date_format", field="date", value=text) from None
    if not EARLIEST <= at <= now:
        raise ValidationError("answer_date_range", field="date", value=text)
    return at


class _RowChecker:
    """One row's answers through the domain: each cell alone first (so every bad cell is named
    with its column), then the whole row (required items, show-if rules)."""

    def __init__(self, q: Questionnaire, mapping: ResponseMapping, headers: list[str]) -> None:
        self.q, self.mapping = q, mapping
        keys = _answer_keys(q)
        self.columns = [(key, headers.index(h), keys[key]) for key, h in mapping.items.items()]
        self.alone = {key: Questionnaire(q.title, (replace(item, required=False, show_if=None),))
                      for key, _, item in self.columns}
        self.na = frozenset(mapping.na)

    def answers(self, row: list[str]) -> dict[str, object]:
        answers: dict[str, object] = {}
        for key, index, item in self.columns:
            cell = row[index]
            if not cell.strip():
                continue  # not answered
            if cell in self.na:
                answers[key] = NA
            elif item.type is ItemType.MULTI:
                answers[key] = [part.strip() for part in cell.split(MULTI_SEPARATOR)]
            else:
                answers[key] = cell
        return answers

    def check(self, answers: dict[str, object]
              ) -> tuple[dict[str, object] | None, int, list[tuple[str, DomainError]]]:
        """(the cleaned answers, RRNs masked, []) or (None, 0, the problems)."""
        problems: list[tuple[str, DomainError]] = []
        for key, value in answers.items():
            try:
                clean_answers(self.alone[key], {key: value})
            except DomainError as error:
                problems.append((key, error))
        bad = {key for key, _ in problems}
        try:  # without the bad cells, so that a required item left empty is named as well
            cleaned, masked = clean_answers(self.q, {k: v for k, v in answers.items() if k not in bad})
        except DomainError as error:
            key = str(error.params.get("item_code", ""))
            if key not in bad:
                problems.append((key, error))
            return None, 0, problems
        return (None, 0, problems) if problems else (cleaned, masked, [])

    def reason(self, row: list[str], key: str, error: DomainError) -> str:
        """The Korean reason for one bad cell, naming its column, item and value."""
        header = self.mapping.items.get(key, "")
        index = next((i for k, i, _ in self.columns if k == key), None)
        value = row[index][:50] if index is not None else ""
        code = key.split(".")[0]
        item = next((i for i in self.q.items if i.code == code), None)
        if error.code == "answer_invalid" and item is not None and \
                item.type in (*SCALE_SIZE, ItemType.RECOMMEND):
            low, high = (0, 10) if item.type is ItemType.RECOMMEND else (1, SCALE_SIZE[item.type])
            error = ValidationError("cell_out_of_scale", column=header, item_code=key, value=value,
                                    low=low, high=high)
        elif error.code == "answer_invalid":
            error = ValidationError("cell_invalid", column=header, item_code=key, value=value)
        elif error.code == "answer_na_not_allowed":
            error = ValidationError("cell_na_not_allowed", column=header, item_code=key, value=value)
        elif error.code == "answer_required":
            error = ValidationError("cell_required", column=header or "-", item_code=key)
        return korean_message(error)


def plan_import(ctx: ServiceContext, table: Table, code: str, raw_mapping: dict[str, Any],
                progress: Progress | None = None, cancelled: Callable[[], bool] = lambda: False
                ) -> ResponsePlan:
    """Check every row against the survey's current questionnaire; writes nothing."""
    require_role(ctx.actor, SURVEY_ROLES, "survey.import")
    code = nfc(code).upper()
    with ctx.reading() as uow:
        version = _state(uow, _survey(uow, code))[1]
    q = Questionnaire.from_json(version["definition"])
    mapping = parse_mapping(raw_mapping, q, table.headers, f"설문 {code} v{version['version']}")
    checker = _RowChecker(q, mapping, table.headers)
    date_index = table.headers.index(mapping.date_column) if mapping.date_column else None
    now = ctx.clock()
    fixed = datetime.combine(mapping.fixed_date, datetime.min.time()) if mapping.fixed_date else now
    plan = ResponsePlan(table, raw_mapping, code, version["version"], version["id"])
    with paused_gc():
        for n, (number, row) in enumerate(zip(table.numbers, table.rows)):
            _plan_row(plan, checker, number, row, date_index, fixed, now)
            if progress and n % 2000 == 0:
                progress(n, len(table.rows), Step.IMPORT_CHECK)
            if cancelled():
                raise ValidationError("import_cancelled", field="file")
    if progress:
        progress(len(table.rows), len(table.rows), Step.IMPORT_CHECK)
    return plan


def _plan_row(plan: ResponsePlan, checker: _RowChecker, number: int, row: list[str],
              date_index: int | None, fixed: datetime, now: datetime) -> None:
    if len(row) > len(plan.table.headers):
        plan.rejected.append(Rejected(number, "열 개수가 머리글보다 많습니다", "columns_extra", tuple(row)))
        return
    answers = checker.answers(row)
    if not answers:
        plan.empty.append(number)
        return
    cleaned, masked, problems = checker.check(answers)
    reasons = [(key, error.code, checker.reason(row, key, error)) for key, error in problems]
    at = fixed
    if date_index is not None:
        try:
            at = _response_date(row[date_index], now)
        except DomainError as error:
            reason = f"{checker.mapping.date_column} 열: {korean_message(error)}"
            reasons.insert(0, (DATE_COLUMN, error.code, reason))
    if reasons:
        plan.problems.extend((number, key, error_code) for key, error_code, _ in reasons)
        plan.rejected.append(Rejected(number, " / ".join(r for _, _, r in reasons), reasons[0][1],
                                      tuple(row)))
        return
    assert cleaned is not None  # no problems: check() cleaned the answers
    plan.rrn_masked += masked
    plan.valid.append((number, at, cleaned, ",".join(quality(checker.q, cleaned, None).flags)))


def commit_import(ctx: ServiceContext, plan: ResponsePlan, progress: Progress | None = None,
                  cancelled: Callable[[], bool] = lambda: False) -> ResponseImportResult:
    """Store every valid row as a response (mode "import") on the version it was checked
    against, which it freezes; one transaction: a cancel or an error leaves nothing behind."""
    require_role(ctx.actor, SURVEY_ROLES, "survey.import")
    now = ctx.clock()
    with ctx.uow_factory() as uow, paused_gc():
        version = _state(uow, _survey(uow, plan.survey))[1]
        if version["id"] != plan.version_id:  # edited since the check: check again
            raise ConflictError("survey_changed", field="survey", survey=plan.survey)
        next_id = uow.surveys.next_response_id()
        for start in range(0, len(plan.valid), CHUNK):
            chunk = plan.valid[start:start + CHUNK]
            ids = range(next_id + start, next_id + start + len(chunk))
            uow.surveys.add_responses([(i, version["id"], "import", sql_datetime(at), None, flags)
                                       for i, (_, at, _, flags) in zip(ids, chunk)])
            uow.surveys.add_answers([(i, *_row(key, value)) for i, (_, _, cleaned, _) in zip(ids, chunk)
                                     for key, value in cleaned.items()])
            if progress:
                progress(start + len(chunk), len(plan.valid), Step.IMPORT_SAVE)
            if cancelled():
                raise ValidationError("import_cancelled", field="file")
        if plan.valid:
            uow.surveys.freeze(version["id"], now)
        ctx.audit(uow, "survey.import", plan.table.path.name,
                  f"{plan.survey} v{plan.version}: {len(plan.valid)}건 가져옴, "
                  f"거부 {len(plan.rejected)}행, 빈 행 {len(plan.empty)}행")
        uow.commit()
    days = sorted({at.date() for _, at, _, _ in plan.valid})
    return ResponseImportResult(len(plan.valid), len(plan.rejected), len(plan.empty), plan.version,
                                days[0] if days else None, days[-1] if days else None,
                                plan.table.encoding)


def import_responses(ctx: ServiceContext, path: Path, code: str, mapping: dict[str, Any],
                     progress: Progress | None = None) -> tuple[ResponseImportResult, ResponsePlan]:
    table = read_table(path)
    plan = plan_import(ctx, table, code, mapping, progress)
    return commit_import(ctx, plan, progress), plan
