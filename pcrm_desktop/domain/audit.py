"""Audit entries: who did what to which record, from which workstation."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Actor:
    """The staff member on whose behalf a service call runs."""

    staff_id: int | None
    login: str
    role: str
    workstation: str

    @classmethod
    def system(cls, workstation: str) -> "Actor":
        """Used only before the first account exists (first-run set-up, `pcrm init`)."""
        return cls(staff_id=None, login="system", role="admin", workstation=workstation)


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor: str
    workstation: str
    action: str
    target: str
    detail: str = ""
