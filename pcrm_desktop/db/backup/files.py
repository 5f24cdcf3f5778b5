"""What every step of a backup shares: a clear error code for what the disk or SQLite said,
the folder a copy goes to, the room it needs, and flushing to the disk."""
from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

from pcrm_desktop.domain.errors import DatabaseError

# As db/engine.py: a writer elsewhere is waited for this long. Read as `files.BUSY_TIMEOUT_S`
# where it is used, so that one setting (lowered by the tests of a locked file) holds for all.
BUSY_TIMEOUT_S = 5.0

# (done, total): pages copied or bytes encrypted. May raise to cancel (nothing is then kept).
Progress = Callable[[int, int], None]

# --- errors: a clear code for what the disk or SQLite said -------------------------------------
SQLITE_FULL, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 13, 5, 6, 8
SQLITE_PERM, SQLITE_CANTOPEN, SQLITE_CORRUPT, SQLITE_NOTADB = 3, 14, 11, 26


def storage_error(exc: BaseException, path: Path, source: Path | None = None) -> DatabaseError:
    """The DatabaseError (with a code for a Korean message) for an OSError or SQLite error met
    while writing `path` (a file; messages name its folder) or reading `source` (a lock is the
    source's)."""
    if isinstance(exc, DatabaseError):
        return exc
    folder = str(path.parent)
    if isinstance(exc, sqlite3.Error):
        code = getattr(exc, "sqlite_errorcode", None)
        code = code & 0xFF if isinstance(code, int) else None
        text = str(exc)
        if code == SQLITE_FULL or "disk is full" in text:
            return DatabaseError("backup_disk_full", path=folder)
        if code in (SQLITE_BUSY, SQLITE_LOCKED) or "locked" in text:
            return DatabaseError("db_locked", path=str(source or path))
        if code in (SQLITE_READONLY, SQLITE_PERM, SQLITE_CANTOPEN) or "readonly" in text:
            return DatabaseError("backup_folder_unwritable", path=folder)
        if code in (SQLITE_CORRUPT, SQLITE_NOTADB) or "malformed" in text:
            return DatabaseError("db_damaged", detail=text)
        return DatabaseError("backup_io", path=str(path), detail=text)
    if isinstance(exc, OSError):
        if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1), errno.EFBIG):
            return DatabaseError("backup_disk_full", path=folder)
        if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
            return DatabaseError("backup_folder_unwritable", path=folder)
        if exc.errno == errno.ENOENT:
            return DatabaseError("backup_folder_missing", path=folder)
        return DatabaseError("backup_io", path=str(path), detail=exc.strerror or str(exc))
    raise exc


def ensure_folder(folder: Path) -> None:
    """Create the folder; say clearly when it cannot be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise storage_error(exc, folder / "x") from exc
    if not folder.is_dir():
        raise DatabaseError("backup_folder_missing", path=str(folder))


def check_space(folder: Path, needed: int) -> None:
    """Refuse before writing when the disk visibly lacks the room (a copy that fails halfway
    is removed anyway; this only says so sooner)."""
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return
    if free < needed:
        raise DatabaseError("disk_space_low", path=str(folder), free=_mb(free), need=_mb(needed))


def _mb(size: int) -> str:
    return f"{size / (1 << 20):,.0f} MB"


def fsync_file(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def remove_partial(part: Path) -> None:
    for leftover in (part, part.with_name(part.name + "-journal")):
        with contextlib.suppress(OSError):
            leftover.unlink(missing_ok=True)
