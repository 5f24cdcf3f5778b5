"""Wiring shared by the GUI and the command line: database location → migrated engine → services."""
from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from pcrm_desktop.config import DatabaseLocation, resolve_database, workstation_name
from pcrm_desktop.db.migrate import MigrationResult
from pcrm_desktop.db.opening import open_units
from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.errors import DatabaseError
from pcrm_desktop.services.calendar import seed_years_ahead
from pcrm_desktop.services.context import ServiceContext

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Backend:
    location: DatabaseLocation
    migration: MigrationResult
    ctx: ServiceContext

    def close(self) -> None:
        self.migration.engine.dispose()


def open_backend(db_option: str | None = None, seed_calendar: bool = True,
                 clock: Callable[[], datetime] | None = None) -> Backend:
    """Resolve the database, back up and migrate it if needed, and build the service context.
    The holiday years are seeded here too, unless the caller does it later itself
    (`seed_calendar=False`: the window, in its lane, so that the first start on a new file does
    not wait for the holidays package). `clock` replaces the computer's, for the migrations
    too (`pcrm demo --now`).

    Raises DatabaseError (with a code for a clear message) when the file cannot be used."""
    location = resolve_database(db_option)
    migration, units = open_units(location, clock() if clock else None)
    ctx = ServiceContext(uow_factory=units,
                         actor=Actor.system(workstation_name()),
                         clock=clock or datetime.now,
                         files_dir=location.path.parent / "attachments" if location.path else None,
                         database=location.path,
                         server=location.url if location.server else None)
    if migration.from_revision != migration.to_revision:
        _audit_migration(ctx, migration)
    if seed_calendar:
        seed_calendar_now(ctx)
    return Backend(location, migration, ctx)


def seed_calendar_now(ctx: ServiceContext) -> None:
    """The holiday years a due date given today reaches, seeded now (once a year, audited), so
    that no read writes. A file that cannot be written just now (read-only, another program
    holding the lock) still opens: reads take a year not seeded from the package as it is."""
    try:
        seed_years_ahead(ctx)
    except DatabaseError as error:
        log.warning("holiday years not seeded at start-up: %s", error.code)


def _audit_migration(ctx: ServiceContext, migration: MigrationResult) -> None:
    action = "db.create" if migration.from_revision is None else "db.upgrade"
    detail = f"{migration.from_revision or '-'} → {migration.to_revision}"
    if migration.backup:
        detail += f"; 백업 {migration.backup.name}"
    with ctx.uow_factory() as uow:
        ctx.audit(uow, action, "database", detail)
        uow.commit()
