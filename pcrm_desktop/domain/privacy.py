"""Who may see what. Lists and printouts are always masked; revealing a value is audited."""
from __future__ import annotations

from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.errors import DomainError


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
