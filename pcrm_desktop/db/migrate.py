"""Bring a database to the schema this version expects, after a backup; refuse newer ones."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from pcrm_desktop.config import DatabaseLocation, dangling_link, sqlite_url
from pcrm_desktop.db.backup.folder import backup_database
from pcrm_desktop.db.engine import location_label, make_engine, server_errors
from pcrm_desktop.db.health import HEAD_REVISION as HEAD_REVISION  # re-exported: migrate's public name
from pcrm_desktop.db.health import inspect_file
from pcrm_desktop.domain.errors import DatabaseError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


@dataclass(frozen=True)
class MigrationResult:
    engine: Engine
    from_revision: str | None
    to_revision: str
    backup: Path | None


def alembic_config() -> Config:
    from alembic.config import Config
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return script_directory().get_current_head()


def known_revisions() -> set[str]:
    return {s.revision for s in script_directory().walk_revisions()}


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def open_database(location: DatabaseLocation, now: datetime | None = None) -> MigrationResult:
    """Check, back up if an upgrade is pending, migrate to head; return the ready engine."""
    known_current = None
    if location.path is not None:
        _refuse_dangling_link(location.given or location.path)
        _ensure_folder(location.path.parent)
        if location.path.exists():
            # Refuses what is not ours and writes nothing.
            known_current = inspect_file(location.path, integrity=None).revision
            if known_current not in (None, HEAD_REVISION) and known_current not in known_revisions():
                # Refuse before any connection could switch the file to WAL mode.
                raise DatabaseError("db_too_new", revision=known_current)
    engine = make_engine(location.url)
    if known_current == HEAD_REVISION:  # the everyday case: no Alembic needed
        return MigrationResult(engine, known_current, HEAD_REVISION, None)
    try:  # a server that refuses, does not answer, or says no: its DatabaseError
        with server_errors(location_label(engine)):
            return _migrate(engine, location, now)
    except BaseException:
        engine.dispose()  # no connection left open on a file the caller may move or delete
        raise


def _migrate(engine: Engine, location: DatabaseLocation, now: datetime | None) -> MigrationResult:
    current = current_revision(engine)
    head = head_revision()
    if current is not None and current not in known_revisions():
        raise DatabaseError("db_too_new", revision=current)
    backup = None
    if current != head:
        if current is not None and location.path is not None:
            try:
                backup = backup_database(location.path, f"before-{head}", now or datetime.now())
            except OSError as exc:  # a full disk, a failed check of the copy: do not upgrade
                raise DatabaseError("backup_failed", detail=str(exc)) from exc
        upgrade(engine, now=now)
    return MigrationResult(engine, current, head, backup)


def upgrade(engine: Engine, target: str = "head", now: datetime | None = None) -> None:
    """`now`: the time the migrations record (the database's creation), when the caller's
    clock is not the computer's (`pcrm demo --now`)."""
    from alembic import command
    config = alembic_config()
    with engine.connect().execution_options(pcrm_write=True) as connection:
        config.attributes["connection"] = connection
        config.attributes["now"] = now
        # Batch mode rebuilds a table by copy, drop and rename: with foreign keys on, the drop
        # would cascade into its children. The pragma only works outside a transaction.
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:  # on the driver's connection: going through SQLAlchemy would begin a transaction
            connection.connection.driver_connection.execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                command.upgrade(config, target)
                broken = sqlite and connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise DatabaseError("db_damaged", detail=f"foreign keys after migration: {broken[:3]}")
        finally:
            if sqlite:
                connection.connection.driver_connection.execute("PRAGMA foreign_keys=ON")


def upgrade_file(db_path: Path) -> None:
    """Migrate a database file to this version's schema (after restoring an older backup)."""
    engine = make_engine(sqlite_url(db_path))
    try:
        upgrade(engine)
    finally:
        engine.dispose()


def _refuse_dangling_link(path: Path) -> None:
    """Following a link to a drive that is not connected would create its folders here."""
    dangling = dangling_link(path)
    if dangling is not None:
        raise DatabaseError("db_dangling_link", link=str(dangling[0]), target=str(dangling[1]))


def _ensure_folder(folder: Path) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError("db_unwritable", path=str(folder)) from exc
    probe = folder / ".pcrm-write-test"
    try:
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        raise DatabaseError("db_unwritable", path=str(folder)) from exc
