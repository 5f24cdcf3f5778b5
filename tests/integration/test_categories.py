"""The 민원 category tree: add, rename, own period (used at intake), retire; audited."""
from __future__ import annotations

import pytest

from pcrm_desktop.domain.complaints import Channel, Intake
from pcrm_desktop.domain.deadlines import Period
from pcrm_desktop.domain.errors import ConflictError, ValidationError
from pcrm_desktop.domain.privacy import PermissionDenied
from pcrm_desktop.services import categories as C
from pcrm_desktop.services import complaints
from tests.dbutil import rows


def find(ctx, name: str) -> dict:
    return next(c for c in complaints.categories(ctx) if c["name"] == name)


def test_the_tree_is_configurable(admin_ctx, db_target):
    C.add_category(admin_ctx, "공유 킥보드")
    parent = find(admin_ctx, "공유 킥보드")
    C.add_category(admin_ctx, "보도 방치", parent["id"])
    child = find(admin_ctx, "보도 방치")
    assert child["parent_id"] == parent["id"] and child["parent"] == "공유 킥보드"
    with pytest.raises(ValidationError):  # two levels only
        C.add_category(admin_ctx, "더 아래", child["id"])
    with pytest.raises(ConflictError):
        C.add_category(admin_ctx, "보도 방치", parent["id"])
    C.rename_category(admin_ctx, child["id"], "보도 무단 방치")
    C.set_category_period(admin_ctx, child["id"], 3)
    now = admin_ctx.clock().replace(second=0, microsecond=0)
    received = complaints.receive(admin_ctx, Intake(now, Channel.PHONE, "inquiry", "킥보드",
                                                    "", child["id"]))
    assert received.deadline.period == Period.of_days(3)  # the category's own period
    C.retire_category(admin_ctx, child["id"])
    assert "보도 무단 방치" not in {c["name"] for c in complaints.categories(admin_ctx)}
    assert rows(db_target, "SELECT category_id FROM complaints") == [(child["id"],)]  # kept
    C.add_category(admin_ctx, "보도 무단 방치", parent["id"])  # back into use, same row
    assert find(admin_ctx, "보도 무단 방치")["id"] == child["id"]
    assert rows(db_target, "SELECT count(*) FROM audit_log WHERE action LIKE 'category.%'") == [(6,)]


def test_only_managers_change_it(admin_ctx):
    from pcrm_desktop.domain.audit import Actor
    clerk = admin_ctx.as_actor(Actor(None, "kim", "clerk", "민원실"))
    with pytest.raises(PermissionDenied):
        C.add_category(clerk, "새 분류")
