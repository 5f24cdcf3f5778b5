"""What every service call needs: a way to open a unit of work, the acting staff member, a clock."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path

from pcrm_desktop.domain.audit import Actor, AuditEntry
from pcrm_desktop.domain.text import mask_rrns, well_formed
from pcrm_desktop.services.ports import UnitOfWork  # the Protocol every service types by

# A set of names of what a write changed ("office", "staff", …), so each screen can decide
# whether to redraw (Anki's OpChanges).
Changes = frozenset[str]


@dataclass(frozen=True)
class ServiceContext:
    # SqlUnitOfWork(engine, write) or a fake's: called with write=False by `reading()`
    uow_factory: Callable[..., UnitOfWork]
    actor: Actor
    clock: Callable[[], datetime] = datetime.now
    files_dir: Path | None = None  # attachments, kept beside the database file
    database: Path | None = None   # the database file (None for test fakes); anchors beside it
    server: str | None = None      # an office server's URL (db/ connects; services pass it on)

    def reading(self) -> UnitOfWork:
        """A unit of work for reads only: it takes no write lock."""
        try:
            return self.uow_factory(write=False)
        except TypeError:  # a factory without read-only units (the test fakes)
            return self.uow_factory()

    def as_actor(self, actor: Actor) -> ServiceContext:
        return replace(self, actor=actor)

    def audit(self, uow: UnitOfWork, action: str, target: str = "", detail: str = "",
              reason: str = "", subject: int | None = None) -> None:
        """Write the audit entry inside the caller's transaction, so it commits with the change.
        `subject` is whose data it was (a citizen's id; taken from a "citizen:N" target when
        not given); `reason` is what the staff member gave for an export or a reveal.
        RRN-shaped text (a file name, a note, a reason, a login typed at a failed sign-in) is
        masked before it enters the chain; a file name's undecodable bytes are made text."""
        login, target, detail, reason = (mask_rrns(well_formed(text))[0] for text in
                                         (self.actor.login, target, detail, reason))
        entry = AuditEntry(self.clock(), login, self.actor.workstation, action, target, detail,
                           subject, reason)
        uow.audit.add(entry, self.actor.staff_id)
