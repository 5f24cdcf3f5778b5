"""Where the database lives: `--db PATH`, else PCRM_DATABASE_URL, else the per-user data folder;
and the per-user profile folder beside it (PCRM_PROFILE_DIR).

Qt-free on purpose, so the command line finds the same file as the GUI; a UI test checks that
`default_data_dir()` equals Qt's AppDataLocation.
"""
from __future__ import annotations

import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from pcrm_desktop import APP_NAME, ORG_NAME

DB_FILENAME = "pcrm.db"
ENV_DATABASE_URL = "PCRM_DATABASE_URL"
ENV_PROFILE_DIR = "PCRM_PROFILE_DIR"


def default_data_dir() -> Path:
    """The folder QStandardPaths.AppDataLocation gives for our organisation and application."""
    if sys.platform.startswith("win"):
        base = Path(os.environ.get("APPDATA") or Path.home() / "AppData" / "Roaming")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / ORG_NAME / APP_NAME


def profile_dir() -> Path:
    """Per-user state kept apart from the data folder: the access log's keys and witnesses,
    the drafts of unfinished forms."""
    override = os.environ.get(ENV_PROFILE_DIR)
    if override:
        return Path(override)
    if sys.platform.startswith("win"):
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        return base / ORG_NAME / APP_NAME / "security"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / ORG_NAME / "Security"
    base = Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state")
    return base / ORG_NAME / APP_NAME


@dataclass(frozen=True)
class DatabaseLocation:
    url: str
    path: Path | None  # the SQLite file, when the URL names one
    given: Path | None = None  # `--db` as typed, before symbolic links were followed

    @property
    def label(self) -> str:
        return str(self.path) if self.path else self.url.split("@")[-1]


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.resolve().as_posix()}"


def resolve_database(db_option: str | None = None) -> DatabaseLocation:
    if db_option:
        path = Path(db_option).expanduser()
        return DatabaseLocation(sqlite_url(path), path.resolve(), Path(os.path.abspath(path)))
    url = os.environ.get(ENV_DATABASE_URL)
    if url:
        return DatabaseLocation(url, sqlite_path_from_url(url))
    path = default_data_dir() / DB_FILENAME
    return DatabaseLocation(sqlite_url(path), path)


def sqlite_path_from_url(url: str) -> Path | None:
    prefix = "sqlite:///"
    if not url.startswith(prefix):
        return None
    rest = url[len(prefix):].split("?")[0]
    return Path(rest) if rest and rest != ":memory:" else None


def dangling_link(path: Path) -> tuple[Path, Path] | None:
    """The first symbolic link on the way to `path` (a folder above it or the file itself) that
    points at nothing, and what it points at; None when every link leads somewhere. A link to
    a network drive or USB stick that is not connected is the usual case: creating the file
    would make the missing folders on the local disk instead."""
    path = Path(os.path.abspath(path))
    for step in (*reversed(path.parents), path):
        if step.is_symlink() and not step.exists():
            return step, Path(os.path.normpath(step.parent / os.readlink(step)))
    return None


def workstation_name() -> str:
    return os.environ.get("COMPUTERNAME") or socket.gethostname() or "unknown"
