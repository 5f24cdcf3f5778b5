"""Wiring shared by the GUI and the command line: database location → migrated engine → services."""
from __future__ import annotations

from dataclasses import dataclass

from pcrm_desktop.config import DatabaseLocation, resolve_database, workstation_name
from pcrm_desktop.db.migrate import MigrationResult, open_database
from pcrm_desktop.db.uow import SqlUnitOfWork
from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.services.context import ServiceContext


@dataclass(frozen=True)
class Backend:
    location: DatabaseLocation
    migration: MigrationResult
    ctx: ServiceContext

    def close(self) -> None:
        self.migration.engine.dispose()


def open_backend(db_option: str | None = None) -> Backend:
    """Resolve the database, back up and migrate it if needed, and build the service context.

    Raises DatabaseError (with a code for a clear message) when the file cannot be used."""
    location = resolve_database(db_option)
    migration = open_database(location)
    engine = migration.engine
    ctx = ServiceContext(uow_factory=lambda: SqlUnitOfWork(engine),
                         actor=Actor.system(workstation_name()))
    return Backend(location, migration, ctx)
