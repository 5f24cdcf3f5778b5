"""Database health for `pcrm check` and the start-up check."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pcrm_desktop.config import DatabaseLocation
from pcrm_desktop.db.health import inspect_file
from pcrm_desktop.db.migrate import head_revision, known_revisions
from pcrm_desktop.domain.errors import DatabaseError


@dataclass(frozen=True)
class CheckReport:
    path: Path | None    # the file; None on a server (see `label`)
    revision: str | None
    head: str
    integrity: str
    size_bytes: int
    guards: tuple[str, ...] = ()   # the access log's protection missing or altered
    label: str = ""                # what the report names: the file's path, or host:port/db

    @property
    def healthy(self) -> bool:
        return self.integrity == "ok" and self.revision == self.head and not self.guards


def check_database(location: DatabaseLocation) -> CheckReport:
    """Full integrity check and schema version; never writes to the file.

    Raises DatabaseError for a file that is missing, not SQLite, not ours, or too new, and for
    a server that cannot be reached or holds another program's tables."""
    if location.path is None:  # a server: db/server_health
        from pcrm_desktop.db.server_health import inspect_server
        server = inspect_server(location.url)
        _refuse_newer(server.revision)
        return CheckReport(None, server.revision, head_revision(), server.integrity,
                           server.size_bytes, server.guards, server.label)
    health = inspect_file(location.path, integrity="full")
    _refuse_newer(health.revision)
    return CheckReport(location.path, health.revision, head_revision(), health.integrity,
                       health.size_bytes, health.guards, str(location.path))


def _refuse_newer(revision: str | None) -> None:
    if revision is not None and revision not in known_revisions():
        raise DatabaseError("db_too_new", revision=revision)
