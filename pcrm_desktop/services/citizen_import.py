"""Importing residents from CSV/XLSX: map columns, validate every row, flag duplicates, then
commit everything valid in one transaction or nothing at all."""
from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from pcrm_desktop.domain.citizens import (
    Address,
    Channel,
    Citizen,
    Gender,
    clean_citizen,
    parse_birth_year,
)
from pcrm_desktop.domain.duplicates import Prepared, prepared_clean, score
from pcrm_desktop.domain.errors import DomainError, ValidationError
from pcrm_desktop.domain.messages import korean_message
from pcrm_desktop.domain.privacy import PERSONAL_DATA_ROLES, require_role
from pcrm_desktop.domain.progress import Step
from pcrm_desktop.domain.text import nfc
from pcrm_desktop.services.context import ServiceContext
from pcrm_desktop.services.import_common import (  # noqa: F401 - the importer's interface
    FlaggedDuplicate,
    Progress,
    Rejected,
    column_index,
    guess_mapping_for,
    neutralise,
    write_report,
)
from pcrm_desktop.services.import_fields import CITIZEN_FIELDS
from pcrm_desktop.services.memory import paused_gc
from pcrm_desktop.services.tabular import Table, read_table

FIELDS = CITIZEN_FIELDS
GENDERS = {"여": Gender.FEMALE, "여자": Gender.FEMALE, "f": Gender.FEMALE, "female": Gender.FEMALE,
           "남": Gender.MALE, "남자": Gender.MALE, "m": Gender.MALE, "male": Gender.MALE}
CHANNELS = {"방문": Channel.VISIT, "전화": Channel.PHONE, "문자": Channel.SMS, "우편": Channel.MAIL,
            "이메일": Channel.EMAIL, "전자우편": Channel.EMAIL, "인터넷": Channel.ONLINE}


def guess_mapping(headers: list[str]) -> dict[str, str]:
    """field → header, for the headers that match a known name (spaces and case ignored)."""
    return guess_mapping_for(FIELDS, headers)


@dataclass
class ImportPlan:
    table: Table
    mapping: dict[str, str]
    valid: list[tuple[int, Citizen, tuple[str, ...]]] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    duplicates: list[FlaggedDuplicate] = field(default_factory=list)
    rrn_masked: int = 0

    def flag_text(self, d: FlaggedDuplicate) -> tuple[str, str]:
        return "중복 의심", f"{d.other}와(과) 같은 사람일 수 있음 (점수 {d.score:.2f})"


@dataclass(frozen=True)
class ImportResult:
    imported: int
    rejected: int
    duplicates: int
    rrn_masked: int
    encoding: str


def _row_values(row: list[str], index: dict[str, int]) -> dict[str, str]:
    """field → trimmed NFC text of the mapped cell. One normalisation check per row: office
    files are almost always NFC already, and each cell on its own would cost more."""
    values = {name: row[i] if i < len(row) else "" for name, i in index.items()}
    joined = "\x1f".join(values.values())
    if joined.isascii() or unicodedata.is_normalized("NFC", joined):
        return {name: v.strip() for name, v in values.items()}
    return {name: nfc(v) for name, v in values.items()}


def _citizen_from(values: dict[str, str]) -> tuple[Citizen, tuple[str, ...]]:
    get = values.get
    gender_text = get("gender", "").lower()
    if gender_text and gender_text not in GENDERS:
        raise ValidationError("gender_unknown", field="gender", value=gender_text)
    channel_text = get("preferred_channel", "")
    if channel_text and channel_text not in CHANNELS:
        raise ValidationError("channel_unknown", field="preferred_channel", value=channel_text)
    phones = tuple(p for p in (get("phone", ""), get("phone2", "")) if p)
    group_text = get("groups", "")
    groups = tuple(g.strip() for g in group_text.replace(";", ",").split(",")
                   if g.strip()) if group_text else ()
    citizen = Citizen(
        id=None, name=get("name", ""), birth_year=parse_birth_year(get("birth_year", "")),
        gender=GENDERS.get(gender_text, Gender.UNKNOWN), phones=phones, email=get("email", ""),
        address=Address(get("road", ""), get("address_detail", ""), get("dong_code", ""),
                        get("dong_name", "")),
        preferred_channel=CHANNELS.get(channel_text), memo=get("memo", ""))
    return citizen, groups


BATCH = 2000   # rows validated per duplicate lookup in the database
CHUNK = 5000   # rows written per batch


def plan_import(ctx: ServiceContext, table: Table, mapping: dict[str, str],
                progress: Progress | None = None, cancelled: Callable[[], bool] = lambda: False
                ) -> ImportPlan:
    """Validate every row and find likely duplicates; writes nothing."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "citizen.import")
    index = column_index(table, mapping, ("name",))
    plan = ImportPlan(table, mapping)
    today = ctx.clock().date()
    seen = _SeenIndex()
    with ctx.reading() as uow, paused_gc():
        groups = uow.groups.list()
        group_codes = {g.name: g.code for g in groups} | {g.code: g.code for g in groups}
        for start in range(0, len(table.rows), BATCH):
            batch = _validate_batch(plan, table.rows[start:start + BATCH],
                                    table.numbers[start:start + BATCH], index, group_codes, today)
            existing = _SeenIndex()
            for citizen_id, facts in uow.citizen_read.match_candidates(
                    [(p.name_key, p.birth_year) for _, _, p in batch if p.birth_year],
                    [d for _, _, p in batch for d in p.phone_digits]):
                existing.add(f"기존 주민 #{citizen_id}", facts.prepared())
            for number, _citizen, prepared in batch:
                match = existing.match(prepared) or seen.match(prepared)
                seen.add(f"파일 {number}행", prepared)
                if match:
                    plan.duplicates.append(FlaggedDuplicate(number, *match))
            if progress:
                progress(min(start + BATCH, len(table.rows)), len(table.rows), Step.IMPORT_CHECK)
            if cancelled():
                raise ValidationError("import_cancelled", field="file")
    return plan


def _validate_batch(plan: ImportPlan, rows: list[list[str]], numbers: list[int],
                    index: dict[str, int], group_codes: dict[str, str], today: date
                    ) -> list[tuple[int, Citizen, Prepared]]:
    """Clean each row; valid ones go to the plan and come back with their match facts."""
    valid: list[tuple[int, Citizen, Prepared]] = []
    for number, row in zip(numbers, rows):
        if len(row) > len(plan.table.headers):
            plan.rejected.append(Rejected(number, "열 개수가 머리글보다 많습니다", "columns_extra", tuple(row)))
            continue
        try:
            citizen, groups = _citizen_from(_row_values(row, index))
            cleaned = clean_citizen(citizen, today)
            unknown_groups = [g for g in groups if g not in group_codes]
            if unknown_groups:
                raise ValidationError("group_unknown", field="groups", value=", ".join(unknown_groups))
        except DomainError as error:
            plan.rejected.append(Rejected(number, korean_message(error), error.code, tuple(row)))
            continue
        c = cleaned.citizen
        plan.rrn_masked += cleaned.rrn_masked
        plan.valid.append((number, c, tuple(group_codes[g] for g in groups)))
        valid.append((number, c, prepared_clean(c.name, c.phones, c.birth_year, c.address.road,
                                                c.address.dong_name)))
    return valid


class _SeenIndex:
    """Records by phone number and by (name, birth year). Without a shared phone, only a pair
    with the same name and birth year can reach the duplicate threshold (domain.duplicates),
    so these two keys find every likely pair and keep each lookup small."""

    def __init__(self) -> None:
        self.by_person: dict[tuple[str, int | None], list[tuple[str, Prepared]]] = {}
        self.by_phone: dict[str, list[tuple[str, Prepared]]] = {}

    def add(self, label: str, facts: Prepared) -> None:
        self.by_person.setdefault((facts.name_key, facts.birth_year), []).append((label, facts))
        for digits in facts.phone_digits:
            self.by_phone.setdefault(digits, []).append((label, facts))

    def match(self, facts: Prepared) -> tuple[str, float] | None:
        candidates = list(self.by_person.get((facts.name_key, facts.birth_year), ()))
        for digits in facts.phone_digits:
            candidates += self.by_phone.get(digits, ())
        for label, other in candidates:  # the first likely one is enough to flag the row
            found = score(facts, other)
            if found.likely:
                return label, found.score
        return None


def commit_import(ctx: ServiceContext, plan: ImportPlan, skip_duplicates: bool = False,
                  progress: Progress | None = None, cancelled: Callable[[], bool] = lambda: False
                  ) -> ImportResult:
    """Write every valid row in one transaction; a cancel or an error leaves nothing behind."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "citizen.import")
    flagged = {d.row for d in plan.duplicates}
    rows = [(n, c, g) for n, c, g in plan.valid if not (skip_duplicates and n in flagged)]
    now = ctx.clock()
    with ctx.uow_factory() as uow, paused_gc():
        group_ids = {g.code: g.id for g in uow.groups.list() if g.id is not None}  # stored: all
        missing = {code for _, _, codes in rows for code in codes} - set(group_ids)
        if missing:  # a group removed between the check and the import
            raise ValidationError("group_unknown", field="groups", value=", ".join(sorted(missing)))
        for start in range(0, len(rows), CHUNK):
            chunk = rows[start:start + CHUNK]
            ids = uow.citizens.bulk_add([c for _, c, _ in chunk], now)
            uow.citizens.bulk_link_groups([(i, group_ids[code], now.date())
                                           for i, (_, _, codes) in zip(ids, chunk) for code in codes])
            if progress:
                progress(start + len(chunk), len(rows), Step.IMPORT_SAVE)
            if cancelled():
                raise ValidationError("import_cancelled", field="file")
        ctx.audit(uow, "citizen.import", plan.table.path.name,
                  f"{len(rows)}명 가져옴, 거부 {len(plan.rejected)}행, 중복 의심 {len(plan.duplicates)}행"
                  f"{', 중복 의심 제외' if skip_duplicates else ''}")
        uow.commit()
    return ImportResult(len(rows), len(plan.rejected), len(plan.duplicates), plan.rrn_masked,
                        plan.table.encoding)


def import_citizens(ctx: ServiceContext, path: Path, mapping: dict[str, str] | None = None,
                    skip_duplicates: bool = False, progress: Progress | None = None
                    ) -> tuple[ImportResult, ImportPlan]:
    table = read_table(path)
    plan = plan_import(ctx, table, mapping or guess_mapping(table.headers), progress)
    return commit_import(ctx, plan, skip_duplicates, progress), plan
