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
    path: Path
    revision: str | None
    head: str
    integrity: str
    size_bytes: int
    guards: tuple[str, ...] = ()   # the access log's protection missing or altered

    @property
    def healthy(self) -> bool:
        return self.integrity == "ok" and self.revision == self.head and not self.guards


def check_database(location: DatabaseLocation) -> CheckReport:
    """Full integrity check and schema version; never writes to the file.

    Raises DatabaseError for a file that is missing, not SQLite, not ours, or too new."""
    if location.path is None:
        raise DatabaseError("db_missing", path=location.label)  # a URL: its password masked
    health = inspect_file(location.path, integrity="full")
    if health.revision is not None and health.revision not in known_revisions():
        raise DatabaseError("db_too_new", revision=health.revision)
    return CheckReport(location.path, health.revision, head_revision(), health.integrity,
                       health.size_bytes, health.guards)
