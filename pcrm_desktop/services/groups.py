"""Customer groups and their profiles (the equity view of the PCRM idea)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from pcrm_desktop.domain.errors import ConflictError
from pcrm_desktop.domain.groups import CustomerGroup, GroupKind, SearchRule
from pcrm_desktop.domain.office import require
from pcrm_desktop.domain.privacy import PERSONAL_DATA_ROLES, require_role
from pcrm_desktop.domain.text import nfc
from pcrm_desktop.services.context import Changes, ServiceContext


@dataclass(frozen=True)
class GroupSummary:
    group: CustomerGroup
    size: int
    age_bands: dict[str, int]
    channels: dict[str, int]
    interactions: int


def list_groups(ctx: ServiceContext) -> list[CustomerGroup]:
    with ctx.reading() as uow:
        return [g for g in uow.groups.list() if g.active]


def group_summaries(ctx: ServiceContext) -> list[GroupSummary]:
    """Size and profile of every derived and assigned group (smart groups are searches)."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "groups.view")
    today = ctx.clock().date()
    summaries = []
    with ctx.reading() as uow:
        groups = {g.id: g for g in uow.groups.list()}
        for row in uow.groups.rows():
            if row["kind"] == GroupKind.SMART.value or not row["active"]:
                continue
            figures = uow.citizen_read.group_profile(row, today)
            summaries.append(GroupSummary(groups[row["id"]], figures["size"], figures["age_bands"],
                                          figures["channels"], figures["interactions"]))
    return summaries


def save_smart_group(ctx: ServiceContext, name: str, rule: SearchRule) -> Changes:
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "groups.add")
    name = nfc(name)
    require(name, "group_name", max_len=50)
    code = "SMART_" + re.sub(r"\W", "_", name).upper()[:20]
    with ctx.uow_factory() as uow:
        if uow.groups.by_code(code) is not None:
            raise ConflictError("group_duplicate", field="group_name", name=name)
        group_id = uow.groups.add_smart(code, name, rule)
        ctx.audit(uow, "group.add", f"group:{group_id}", name)
        uow.commit()
    return frozenset({"groups"})
