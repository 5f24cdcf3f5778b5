"""What the About dialog tells a clerk or a support call: this installation and its database.

Read-only and without a ServiceContext: nothing here is anyone's data or needs a role (a file
path and version numbers), so, like `maintenance.check_database`, it has no row in the role
matrix of tests/integration/test_permissions.py (which covers the functions taking `ctx`).
"""
from __future__ import annotations

import platform
import sys
from dataclasses import dataclass
from pathlib import Path

from pcrm_desktop import __version__
from pcrm_desktop.db.health import inspect_file
from pcrm_desktop.db.migrate import HEAD_REVISION
from pcrm_desktop.logs import log_file


@dataclass(frozen=True)
class Installation:
    version: str
    schema: str        # the revision this version migrates a database to (and expects)
    python: str
    bundled: bool      # the PyInstaller bundle (an installed copy), not a source tree
    log_file: Path


def installation() -> Installation:
    return Installation(__version__, HEAD_REVISION, platform.python_version(),
                        bool(getattr(sys, "frozen", False)), log_file())


def stored_schema(database: Path | str) -> str | None:
    """The Alembic revision in the file (None: a database without one), read from its one-row
    table through a read-only connection: no write lock, no Alembic import; or that of an
    office server's database (`database` its URL). Raises DatabaseError when it cannot be read
    (a file locked by another program or gone, a server that does not answer)."""
    if isinstance(database, str):
        from pcrm_desktop.db.server_health import server_revision
        return server_revision(database)
    return inspect_file(database, integrity=None).revision
