"""Opening the database for the services, the one way: location → migrated engine → a factory
of units of work over it. bootstrap.open_backend (the GUI and the command line) and the
recovery of a damaged database before anyone signs in (services/backups/recovery.py) both
go through it."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from sqlalchemy import Engine

from pcrm_desktop.config import DatabaseLocation
from pcrm_desktop.db.migrate import MigrationResult, open_database
from pcrm_desktop.db.uow import SqlUnitOfWork

# `factory()` opens a writing unit of work, `factory(write=False)` a reading one.
UnitOfWorkFactory = Callable[..., SqlUnitOfWork]


def unit_of_work_factory(engine: Engine) -> UnitOfWorkFactory:
    def factory(write: bool = True) -> SqlUnitOfWork:
        return SqlUnitOfWork(engine, write)
    return factory


def open_units(location: DatabaseLocation,
               now: datetime | None = None) -> tuple[MigrationResult, UnitOfWorkFactory]:
    """Check, back up if an upgrade is pending, migrate (db/migrate.open_database); then the
    units of work over the ready engine. The caller disposes of `migration.engine`."""
    migration = open_database(location, now)
    return migration, unit_of_work_factory(migration.engine)
