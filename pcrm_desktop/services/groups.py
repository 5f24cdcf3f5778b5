"""Customer groups and their profiles (the equity view of the PCRM idea)."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pcrm_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from pcrm_desktop.domain.groups import CustomerGroup, GroupKind, SearchRule
from pcrm_desktop.domain.office import require
from pcrm_desktop.domain.privacy import PERSONAL_DATA_ROLES, require_role
from pcrm_desktop.domain.text import mask_rrns, nfc
from pcrm_desktop.services.context import Changes, ServiceContext


@dataclass(frozen=True)
class GroupSummary:
    group: CustomerGroup
    size: int
    age_bands: dict[str, int]
    channels: dict[str, int]
    interactions: int


def list_groups(ctx: ServiceContext) -> list[CustomerGroup]:
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "groups.view")
    with ctx.reading() as uow:
        return [g for g in uow.groups.list() if g.active]


def group_summaries(ctx: ServiceContext) -> list[GroupSummary]:
    """Size and profile of every active group: derived, assigned and smart (saved searches)."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "groups.view")
    today = ctx.clock().date()
    summaries = []
    with ctx.reading() as uow:
        groups = {g.id: g for g in uow.groups.list()}
        for row in uow.groups.rows():
            if not row["active"]:
                continue
            figures = uow.citizen_read.group_profile(row, today)
            summaries.append(GroupSummary(groups[row["id"]], figures["size"], figures["age_bands"],
                                          figures["channels"], figures["interactions"]))
    return summaries


def save_smart_group(ctx: ServiceContext, name: str, rule: SearchRule) -> Changes:
    """Save a search (text and filters) as a smart group: it is listed with the groups, with
    its size and profile, and choosing it filters the resident list."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "groups.add")
    name = nfc(name)
    require(name, "group_name", max_len=50)
    rule = replace(rule, text=mask_rrns(nfc(rule.text))[0],
                   dong_name=mask_rrns(nfc(rule.dong_name))[0])
    if rule.empty:
        raise ValidationError("smart_group_empty", field="group_name")
    base = "SMART_" + re.sub(r"\W", "_", name).upper()[:20]
    with ctx.uow_factory() as uow:
        code, n = base, 2
        while uow.groups.by_code(code) is not None:  # a removed search, or a long shared start
            code, n = f"{base}_{n}", n + 1
        if any(g.name == name for g in uow.groups.list() if g.active):
            raise ConflictError("group_duplicate", field="group_name", name=name)
        group_id = uow.groups.add_smart(code, name, rule)
        ctx.audit(uow, "group.add", f"group:{group_id}", name)
        uow.commit()
    return frozenset({"groups"})


def remove_smart_group(ctx: ServiceContext, group_id: int) -> Changes:
    """Take a saved search off the list (kept, inactive, so audit entries still name it).
    Seeded and assigned groups stay: memberships hang on them."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "groups.remove")
    with ctx.uow_factory() as uow:
        group = next((g for g in uow.groups.list() if g.id == group_id and g.active), None)
        if group is None:
            raise NotFoundError("group_not_found", field="group_name")
        if group.kind is not GroupKind.SMART:
            raise ConflictError("group_not_smart", field="group_name", name=group.name)
        uow.groups.set_active(group_id, False)
        ctx.audit(uow, "group.remove", f"group:{group_id}", group.name)
        uow.commit()
    return frozenset({"groups"})
