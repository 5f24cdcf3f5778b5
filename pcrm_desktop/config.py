"""Where the database lives: `--db PATH` (or a URL), else PCRM_DATABASE_URL, else the per-user
data folder; and the per-user profile folder beside it (PCRM_PROFILE_DIR).

Qt-free on purpose, so the command line finds the same file as the GUI; a UI test checks that
`default_data_dir()` equals Qt's AppDataLocation.
"""
from __future__ import annotations

import os
import re
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

from pcrm_desktop import APP_NAME, ORG_NAME
from pcrm_desktop.domain.errors import DatabaseError

DB_FILENAME = "pcrm.db"
ENV_DATABASE_URL = "PCRM_DATABASE_URL"
ENV_PROFILE_DIR = "PCRM_PROFILE_DIR"

# A scheme of two characters or more before ":/" makes a URL (`postgresql://…`, `sqlite:///…`,
# `http://…`); one letter is a Windows drive (`C:/data`, `C:\data`). A database's scheme with a
# colon alone (`postgresql:host/db`, `sqlite:x.db`) is a URL typed wrong, never a folder's name.
_URL = re.compile(r"\s*(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]+):/")
_DATABASE_SCHEME = re.compile(
    r"\s*(?P<scheme>(?:sqlite|postgres(?:ql)?|mysql|mariadb|oracle|mssql)(?:\+[\w.-]*)?):", re.I)
_SCHEME_HEAD = re.compile(r"(\s*(?:[A-Za-z][A-Za-z0-9+.\-]+://)?)(.*)", re.S)
SQLITE_PREFIXES = ("sqlite:///", "sqlite+pysqlite:///")
SERVER_SCHEMES = ("postgresql", "postgres")  # with any driver (`postgresql+psycopg`)


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
        """The file's path; a server as host:port/database (no user, no password)."""
        return str(self.path) if self.path else server_label(self.url)

    @property
    def server(self) -> bool:
        return self.path is None


def sqlite_url(path: Path) -> str:
    return f"sqlite:///{path.resolve().as_posix()}"


def resolve_database(db_option: str | None = None) -> DatabaseLocation:
    """`--db` (a path, or a URL like PCRM_DATABASE_URL), else PCRM_DATABASE_URL, else the file in
    the user data folder. A URL is never taken for a path: `sqlite:///path` names that file,
    `postgresql://user@host:port/db?sslmode=…` an office server (through psycopg 3); any other
    URL is refused here, before a folder or a file is made (DatabaseError `db_url_unsupported`)."""
    if db_option:
        if url_scheme(db_option) is not None:
            return _url_location(db_option)
        path = Path(db_option).expanduser()
        return DatabaseLocation(sqlite_url(path), path.resolve(), Path(os.path.abspath(path)))
    url = os.environ.get(ENV_DATABASE_URL)
    if url:
        return _url_location(url)
    path = default_data_dir() / DB_FILENAME
    return DatabaseLocation(sqlite_url(path), path)


def _url_location(url: str) -> DatabaseLocation:
    """A `sqlite:///` URL's file, absolute like a `--db` path's; a PostgreSQL server's URL with
    psycopg 3 as its driver; nothing else."""
    path = sqlite_path_from_url(url)
    if path is not None:
        return DatabaseLocation(url, path.resolve(), Path(os.path.abspath(path)))
    server = server_url(url)
    if server is None:
        raise DatabaseError("db_url_unsupported", url=masked_url(url))
    return DatabaseLocation(server, None)


def server_url(url: str) -> str | None:
    """`postgresql://…`, `postgres://…` or `postgresql+psycopg://…` as SQLAlchemy's URL with
    psycopg 3 (the one driver we ship); None for anything else. A URL typed without `//`
    (`postgresql:host/db`) is not one."""
    match = re.match(r"\s*(?P<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://(?P<rest>.*)", url, re.S)
    if match is None:
        return None
    scheme, _plus, driver = match.group("scheme").lower().partition("+")
    if scheme not in SERVER_SCHEMES or driver not in ("", "psycopg"):
        return None
    return f"postgresql+psycopg://{match.group('rest').strip()}"


def server_label(url: str) -> str:
    """A server's URL as host:port/database: what a screen or a message names (a Unix socket's
    folder for a host given as `?host=/path`)."""
    from urllib.parse import parse_qs, urlsplit
    parts = urlsplit(url.strip())
    query = parse_qs(parts.query)
    try:
        port = parts.port
    except ValueError:
        port = None
    host = parts.hostname or (query.get("host") or ["localhost"])[0]
    port = port or int((query.get("port") or ["5432"])[0])
    return f"{host}:{port}/{parts.path.lstrip('/')}"


def url_scheme(text: str) -> str | None:
    """The scheme of a text that looks like a URL (see _URL), else None: a path."""
    match = _URL.match(text) or _DATABASE_SCHEME.match(text)
    return match.group("scheme") if match else None


def masked_url(url: str) -> str:
    """The URL as it may be shown or logged: a password (`user:PASSWORD@host`, `?password=`)
    becomes ***. A password may hold "@", "/" or "?": everything up to the last "@" after the
    user name is masked, rather than a piece of the password shown."""
    head, rest = _SCHEME_HEAD.match(url).groups()
    user, colon, after = rest.partition(":")
    if colon and "@" in after and "@" not in user:
        rest = f"{user}:***@{after.rpartition('@')[2]}"
    return re.sub(r"(?i)([?&]password=)[^&]*", r"\1***", head + rest)


def sqlite_path_from_url(url: str) -> Path | None:
    prefix = next((p for p in SQLITE_PREFIXES if url.startswith(p)), None)
    if prefix is None:
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
