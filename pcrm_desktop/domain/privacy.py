"""Who may see what. Lists and printouts are always masked; revealing a value is audited."""
from __future__ import annotations

from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.errors import DomainError, ValidationError
from pcrm_desktop.domain.text import mask_rrns, nfc


class PermissionDenied(DomainError):
    """The acting staff member's role does not allow this action."""


PERSONAL_DATA_ROLES = frozenset({"admin", "manager", "clerk"})  # the kiosk sees no personal data
EXPORT_UNMASKED_ROLES = frozenset({"admin", "manager"})
MERGE_ROLES = frozenset({"admin", "manager", "clerk"})


def require_role(actor: Actor, allowed: frozenset[str], action: str) -> None:
    if actor.role not in allowed:
        raise PermissionDenied("forbidden", action=action, role=actor.role)
AUDIT_ROLES = frozenset({"admin", "manager"})  # review the access log, verify its chain
ADMIN_ROLES = frozenset({"admin"})
STAFF_ROLES = frozenset({"admin", "manager", "clerk"})  # office work without personal data:
# everyone but the kiosk, which only shows its survey, takes answers and checks its exit PIN

REASON_MAX = 500


def clean_reason(reason: str | None) -> str:
    """The reason a staff member gives for exporting or revealing personal data (안전성
    확보조치 기준: asked on every download): required, kept in the access log entry's reason."""
    text, _ = mask_rrns(nfc(reason))
    if not text:
        raise ValidationError("reason_required", field="reason")
    if len(text) > REASON_MAX:
        raise ValidationError("too_long", field="reason", max=REASON_MAX)
    return text
