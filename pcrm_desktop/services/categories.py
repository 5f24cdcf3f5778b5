"""The 민원 category tree, configurable: add (top level or under one), rename, give a category its
own processing period, take one out of use (kept, so old cases still name it). Audited."""
from __future__ import annotations

from typing import Any

from pcrm_desktop.domain.deadlines import Unit, check_period_setting, setting_text
from pcrm_desktop.domain.errors import ConflictError, NotFoundError, ValidationError
from pcrm_desktop.domain.office import require
from pcrm_desktop.domain.privacy import require_role
from pcrm_desktop.domain.text import nfc
from pcrm_desktop.services.calendar import CALENDAR_ROLES
from pcrm_desktop.services.context import Changes, ServiceContext
from pcrm_desktop.services.ports import UnitOfWork

CHANGED = frozenset({"categories", "complaints"})


def _existing(uow: UnitOfWork, category_id: int) -> dict[str, Any]:
    row = uow.calendar.category(category_id)
    if row is None:
        raise NotFoundError("category_not_found", field="category", id=category_id)
    return row


def add_category(ctx: ServiceContext, name: str, parent_id: int | None = None) -> Changes:
    require_role(ctx.actor, CALENDAR_ROLES, "category.add")
    name = nfc(name)
    require(name, "category_name", max_len=50)
    with ctx.uow_factory() as uow:
        if parent_id is not None and _existing(uow, parent_id)["parent_id"] is not None:
            raise ValidationError("category_depth", field="category")  # two levels
        same = uow.calendar.category_named(name, parent_id)
        if same is not None and same["active"]:
            raise ConflictError("category_duplicate", field="category_name", name=name)
        if same is not None:  # brought back into use
            uow.calendar.update_category(same["id"], active=True)
        else:
            uow.calendar.add_category(name, parent_id)
        ctx.audit(uow, "category.add", name, f"parent:{parent_id}" if parent_id else "")
        uow.commit()
    return CHANGED


def rename_category(ctx: ServiceContext, category_id: int, name: str) -> Changes:
    require_role(ctx.actor, CALENDAR_ROLES, "category.rename")
    name = nfc(name)
    require(name, "category_name", max_len=50)
    with ctx.uow_factory() as uow:
        row = _existing(uow, category_id)
        if uow.calendar.category_named(name, row["parent_id"]) is not None:
            raise ConflictError("category_duplicate", field="category_name", name=name)
        uow.calendar.update_category(category_id, name=name)
        ctx.audit(uow, "category.rename", str(category_id), f"{row['name']} → {name}")
        uow.commit()
    return CHANGED


def set_category_period(ctx: ServiceContext, category_id: int, days: int | None,
                        unit: Unit = Unit.DAYS) -> Changes:
    """A category's own period (`days` of `unit`: days, weeks, months, years; 0 days = 즉시)
    wins over its type's; None: the type's."""
    require_role(ctx.actor, CALENDAR_ROLES, "category.period")
    unit = check_period_setting(days, unit)
    with ctx.uow_factory() as uow:
        row = _existing(uow, category_id)
        uow.calendar.update_category(category_id, period_days=days,
                                     period_unit=Unit.DAYS.value if days is None else unit.value)
        ctx.audit(uow, "category.period", row["name"],
                  f"{setting_text(row['period_days'], row['period_unit'])} → "
                  f"{setting_text(days, unit)}")
        uow.commit()
    return CHANGED


def retire_category(ctx: ServiceContext, category_id: int) -> Changes:
    """Out of the lists for new 민원; cases filed under it keep it."""
    require_role(ctx.actor, CALENDAR_ROLES, "category.retire")
    with ctx.uow_factory() as uow:
        row = _existing(uow, category_id)
        uow.calendar.update_category(category_id, active=False)
        ctx.audit(uow, "category.retire", row["name"])
        uow.commit()
    return CHANGED
