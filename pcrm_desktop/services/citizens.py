"""Use cases for residents: register, edit, open a profile, reveal, contact, merge."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, Any

from pcrm_desktop.domain.citizens import Channel, Citizen, clean_citizen
from pcrm_desktop.domain.duplicates import Match, MatchFacts, score
from pcrm_desktop.domain.errors import (
    ConflictError,
    EditConflict,
    NotFoundError,
    ValidationError,
)
from pcrm_desktop.domain.groups import SearchRule
from pcrm_desktop.domain.office import require
from pcrm_desktop.domain.phone import mask_phone
from pcrm_desktop.domain.privacy import (
    MERGE_ROLES,
    PERSONAL_DATA_ROLES,
    clean_reason,
    require_role,
)
from pcrm_desktop.domain.text import NOTE_MAX, mask_email, mask_name, mask_rrns, nfc
from pcrm_desktop.services.context import Changes, ServiceContext
from pcrm_desktop.services.ports import UnitOfWork

if TYPE_CHECKING:
    from pcrm_desktop.services.ports import TimelineItem

INTERACTION_KINDS = ("visit", "call", "counselling", "outreach", "other")


@dataclass(frozen=True)
class Possible:
    citizen_id: int
    name: str          # masked
    birth_year: int | None
    phone: str         # masked
    match: Match


@dataclass(frozen=True)
class Registered:
    citizen_id: int
    rrn_masked: int


def facts_of(c: Citizen) -> MatchFacts:
    return MatchFacts(c.name, c.phones, c.birth_year, c.address.road, c.address.dong_name)


def possible_duplicates(ctx: ServiceContext, citizen: Citizen,
                        exclude_id: int | None = None) -> list[Possible]:
    """Existing records that may be this person, likeliest first (for the live warning)."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "citizen.search")
    with ctx.reading() as uow:
        return _likely(uow, citizen, exclude_id)


def _likely(uow: UnitOfWork, citizen: Citizen, exclude_id: int | None = None) -> list[Possible]:
    facts = facts_of(citizen)
    found = uow.citizens.candidates(facts, exclude_id)
    matches = [(other.id, other, score(facts, facts_of(other))) for other in found
               if other.id is not None]  # stored records: each has its id
    return [Possible(i, mask_name(o.name), o.birth_year, mask_phone(o.phones[0]) if o.phones else "", m)
            for i, o, m in sorted(matches, key=lambda p: -p[2].score) if m.likely]


def register_citizen(ctx: ServiceContext, citizen: Citizen, group_ids: tuple[int, ...] = (),
                     allow_duplicate: bool = False) -> Registered:
    """Create a resident. A likely duplicate is refused (possible_duplicate) unless the clerk
    confirmed it is another person (allow_duplicate)."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "citizen.add")
    cleaned = clean_citizen(citizen, ctx.clock().date())
    with ctx.uow_factory() as uow:
        # Checked inside the insert's transaction, which holds the write lock: two counters
        # registering the same person at once cannot both pass.
        if not allow_duplicate:
            likely = _likely(uow, cleaned.citizen)
            if likely:
                raise ConflictError("possible_duplicate", matches=likely)
        citizen_id = uow.citizens.add(cleaned.citizen, ctx.clock())
        if group_ids:
            uow.citizens.set_groups(citizen_id, list(group_ids), ctx.clock().date())
        detail = "중복 경고 확인 후 등록" if allow_duplicate else ""
        if cleaned.rrn_masked:
            detail += f" 주민등록번호 형태 {cleaned.rrn_masked}건 가림"
        ctx.audit(uow, "citizen.add", f"citizen:{citizen_id}", detail.strip())
        uow.commit()
    return Registered(citizen_id, cleaned.rrn_masked)


def citizen_for_edit(ctx: ServiceContext, citizen_id: int) -> tuple[Citizen, list[int]]:
    """The full record (unmasked) for the edit dialog: an audited view."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "citizen.edit")
    with ctx.uow_factory() as uow:
        citizen = uow.citizens.get(citizen_id)
        if citizen is None:
            raise NotFoundError("citizen_not_found", id=citizen_id)
        groups = uow.citizens.group_ids(citizen_id)
        ctx.audit(uow, "citizen.view_full", f"citizen:{citizen_id}", "수정 화면")
        uow.commit()
    return citizen, groups


@dataclass(frozen=True)
class StoredCitizen:
    """What an EditConflict from update_citizen carries: the record as stored now (full values,
    like the edit form that asked) and its assigned groups."""
    citizen: Citizen
    group_ids: tuple[int, ...]


def update_citizen(ctx: ServiceContext, citizen: Citizen, group_ids: tuple[int, ...] | None = None
                   ) -> Registered:
    """Save an edit made on version `citizen.version`. If someone saved in between, nothing is
    written and EditConflict("edited_elsewhere") carries the stored record (a StoredCitizen),
    so the clerk can compare and choose, then save again against its version. Reading it for
    that is logged like opening the edit form (citizen.view_full)."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "citizen.edit")
    cleaned = clean_citizen(citizen, ctx.clock().date())
    with ctx.uow_factory() as uow:
        # a record never saved (no id) is not found, as one removed meanwhile
        if citizen.id is None or not uow.citizens.exists(citizen.id):
            raise NotFoundError("citizen_not_found", id=citizen.id)
        if not uow.citizens.update(cleaned.citizen, ctx.clock()):
            stored = uow.citizens.get(citizen.id)
            if stored is None:  # exists() above, in this same write transaction
                raise NotFoundError("citizen_not_found", id=citizen.id)
            conflict = StoredCitizen(stored, tuple(uow.citizens.group_ids(citizen.id)))
            ctx.audit(uow, "citizen.view_full", f"citizen:{citizen.id}",
                      "저장 충돌: 다른 사용자가 저장한 값과 비교")
            uow.commit()  # the view is logged; the edit itself was not written
            raise EditConflict("edited_elsewhere", current=conflict)
        if group_ids is not None:
            uow.citizens.set_groups(citizen.id, list(group_ids), ctx.clock().date())
        ctx.audit(uow, "citizen.update", f"citizen:{citizen.id}")
        uow.commit()
    return Registered(citizen.id, cleaned.rrn_masked)


@dataclass(frozen=True)
class Profile:
    citizen_id: int
    name: str               # masked
    birth_year: int | None
    phones: tuple[str, ...]  # masked
    email: str              # masked
    address: str
    dong_name: str
    preferred_channel: str
    preferred_language: str
    accessibility: tuple[str, ...]
    group_names: tuple[str, ...]
    memo: str
    timeline: tuple[TimelineItem, ...]
    consents: tuple[dict[str, Any], ...]


def open_profile(ctx: ServiceContext, citizen_id: int) -> Profile:
    """Everything about one resident, masked; opening it is logged (who viewed whose data)."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "citizen.view")
    today = ctx.clock().date()
    with ctx.uow_factory() as uow:
        c = uow.citizens.get(citizen_id)
        if c is None:
            raise NotFoundError("citizen_not_found", id=citizen_id)
        names = uow.groups.names_for(citizen_id, c.birth_year, today)
        items = uow.citizen_read.timeline(citizen_id)
        consent_rows = uow.citizen_read.consents(citizen_id)
        ctx.audit(uow, "citizen.view", f"citizen:{citizen_id}")
        uow.commit()
    return Profile(citizen_id, mask_name(c.name), c.birth_year,
                   tuple(mask_phone(p) for p in c.phones), mask_email(c.email),
                   c.address.one_line(), c.address.dong_name,
                   c.preferred_channel.value if c.preferred_channel else "", c.preferred_language,
                   c.accessibility, tuple(names), c.memo, tuple(items), tuple(consent_rows))


REVEALABLE = ("name", "phones", "email")


def reveal(ctx: ServiceContext, citizen_id: int, field: str, reason: str) -> str:
    """The full value of a masked field; an audited action that needs a reason."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "citizen.reveal")
    reason = clean_reason(reason)
    if field not in REVEALABLE:
        raise ValidationError("field_unknown", field="field")
    with ctx.uow_factory() as uow:
        c = uow.citizens.get(citizen_id)
        if c is None:
            raise NotFoundError("citizen_not_found", id=citizen_id)
        ctx.audit(uow, "citizen.reveal", f"citizen:{citizen_id}", field, reason=reason)
        uow.commit()
    value = getattr(c, field)
    return ", ".join(value) if isinstance(value, tuple) else value


def add_interaction(ctx: ServiceContext, citizen_id: int, channel: Channel | str, kind: str,
                    summary: str) -> Changes:
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "interaction.add")
    channel = Channel(channel)
    if kind not in INTERACTION_KINDS:
        raise ValidationError("kind_unknown", field="kind")
    summary, masked = mask_rrns(nfc(summary))
    require(summary, "summary", max_len=NOTE_MAX)
    with ctx.uow_factory() as uow:
        if not uow.citizens.exists(citizen_id):
            raise NotFoundError("citizen_not_found", id=citizen_id)
        uow.citizens.add_interaction(citizen_id, ctx.clock(), channel.value, kind, summary,
                                     ctx.actor.staff_id)
        ctx.audit(uow, "interaction.add", f"citizen:{citizen_id}", kind)
        uow.commit()
    return frozenset({"citizens", "timeline"})


MERGEABLE = ("name", "birth_year", "birth_date", "gender", "email", "address",
             "preferred_channel", "preferred_language", "memo")


def merge_citizens(ctx: ServiceContext, keep_id: int, drop_id: int,
                   take_from_drop: tuple[str, ...] = ()) -> Changes:
    """Merge `drop_id` into `keep_id`: fields named in take_from_drop come from the dropped
    record; phones are united; all history moves; the dropped record's full content is kept
    in the audit entry, so the merge can be traced and undone by hand."""
    require_role(ctx.actor, MERGE_ROLES, "citizen.merge")
    if keep_id == drop_id:
        raise ValidationError("merge_same", field="drop_id")
    with ctx.uow_factory() as uow:
        keep, drop = uow.citizens.get(keep_id), uow.citizens.get(drop_id)
        if keep is None or drop is None:
            raise NotFoundError("citizen_not_found", id=drop_id if keep else keep_id)
        taken = {f for f in take_from_drop if f in MERGEABLE}
        if taken & {"birth_year", "birth_date"}:
            taken |= {"birth_year", "birth_date"}  # a year and a date from two records may clash
        merged = replace(keep, **{f: getattr(drop, f) for f in taken},
                         phones=tuple(dict.fromkeys(keep.phones + drop.phones)))
        merged = clean_citizen(merged, ctx.clock().date()).citizen
        moved = uow.citizens.move_history(drop_id, keep_id, ctx.clock().date())
        snapshot = json.dumps(asdict(drop), ensure_ascii=False, default=str)
        uow.citizens.delete(drop_id)
        if not uow.citizens.update(merged, ctx.clock()):
            raise ConflictError("edited_elsewhere")
        ctx.audit(uow, "citizen.merge", f"citizen:{keep_id}",
                  json.dumps({"merged": drop_id, "fields": list(take_from_drop), "moved": moved,
                              "removed_record": json.loads(snapshot)}, ensure_ascii=False))
        uow.commit()
    return frozenset({"citizens", "timeline"})


@dataclass(frozen=True)
class ListItem:
    id: int
    name: str          # masked
    birth_year: int | None
    phone: str         # masked
    dong_name: str
    road: str
    position: tuple[Any, ...]  # keyset position: pass as `after` to get the next page


def search(ctx: ServiceContext, query: str = "", after: tuple[Any, ...] | None = None, limit: int = 100,
           sort: str = "name", rule: SearchRule | None = None) -> list[ListItem]:
    """A page of the resident list, searched, filtered (`rule`: 동, customer group, age,
    preferred channel) and sorted in SQL, names and phones masked."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "citizen.search")
    with ctx.reading() as uow:
        rows = uow.citizen_read.search(query, after, limit, sort,
                                       rule.as_dict() if rule and not rule.empty else None,
                                       ctx.clock().date())
    return [ListItem(r.id, mask_name(r.name), r.birth_year, mask_phone(r.phone) if r.phone else "",
                     r.dong_name, r.road, (r.sort_key, r.id)) for r in rows]


def count(ctx: ServiceContext) -> int:
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "citizen.search")
    with ctx.reading() as uow:
        return uow.citizen_read.count()


def dong_names(ctx: ServiceContext) -> list[tuple[str, int]]:
    """(동, residents) for every 동 residents live in."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "citizen.search")
    with ctx.reading() as uow:
        return uow.citizen_read.dong_names()


CONSENT_METHODS = ("written", "verbal", "online")


def add_consent(ctx: ServiceContext, citizen_id: int, purpose: str, items: str,
                retention_months: int, method: str) -> Changes:
    """Record a consent to collect optional items (purpose, items, retention, how given)."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "consent.add")
    purpose, items = mask_rrns(nfc(purpose))[0], mask_rrns(nfc(items))[0]
    if not purpose:
        raise ValidationError("required", field="consent_purpose")
    if not items:
        raise ValidationError("required", field="consent_items")
    require(purpose, "consent_purpose", max_len=200)  # the columns' declared lengths
    require(items, "consent_items", max_len=200)
    if method not in CONSENT_METHODS:
        raise ValidationError("field_unknown", field="method")
    if not 1 <= retention_months <= 120:
        raise ValidationError("retention_range", field="retention")
    today = ctx.clock().date()
    until = _add_months(today, retention_months)
    with ctx.uow_factory() as uow:
        if not uow.citizens.exists(citizen_id):
            raise NotFoundError("citizen_not_found", id=citizen_id)
        uow.citizens.add_consent(citizen_id, purpose, items, today, until, method)
        ctx.audit(uow, "consent.add", f"citizen:{citizen_id}", f"{purpose}; ~{until}")
        uow.commit()
    return frozenset({"citizens", "timeline"})


def _add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")
