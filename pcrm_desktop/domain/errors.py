"""Typed domain errors. They carry a code and parameters, never translated text.

The message for each code lives in `domain.messages`; the UI translates it, the command line
prints the Korean default.
"""
from __future__ import annotations


class DomainError(Exception):
    """A rule of the domain refused an action."""

    def __init__(self, code: str, field: str | None = None, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.field = field
        self.params = params

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code!r}, field={self.field!r}, {self.params!r})"


class ValidationError(DomainError):
    """Input that breaks a rule; `field` names the input to fix."""


class NotFoundError(DomainError):
    """The record the action is about does not exist (any more)."""


class ConflictError(DomainError):
    """The action clashes with data that is already there."""


class EditConflict(ConflictError):
    """Someone saved the record after it was read (its `version` moved on). `current` is what
    is stored now, read in the refused write's own transaction, so the screen can show both
    versions and let the clerk choose, then save against `current`'s version."""

    def __init__(self, code: str = "edited_elsewhere", field: str | None = None, *,
                 current: object = None, **params: object) -> None:
        super().__init__(code, field, **params)
        self.current = current


class DatabaseError(DomainError):
    """The database file cannot be used as it is (not a database, damaged, too new), or not
    just now (busy, disk full, read-only, gone): nothing was written, the action can be retried."""


# How an operating-system error on writing a file (an export, a report) is told to the clerk.
_FILE_ERRNOS = {"ENOENT": "folder_missing", "ENOTDIR": "folder_missing",
                "EACCES": "folder_read_only", "EPERM": "folder_read_only",
                "EROFS": "folder_read_only", "ENOSPC": "disk_full_file", "EDQUOT": "disk_full_file",
                "EBUSY": "file_locked", "ETXTBSY": "file_locked"}


def file_error(error: OSError, path: object) -> DomainError | None:
    """A DomainError for an OSError met writing `path` when it is one a clerk can act on: a
    missing or read-only folder, a full disk, a file another program holds open (Excel keeps
    what it shows locked on Windows). None for anything else: the caller re-raises the OSError,
    which is then logged with its traceback as an unexpected error (`raise file_error(e, p) or e`)."""
    import errno
    from pathlib import Path
    name = errno.errorcode.get(error.errno or 0, "")
    code = _FILE_ERRNOS.get(name)
    if getattr(error, "winerror", None) in (32, 33):  # sharing / lock violation (Windows)
        code = "file_locked"
    if code is None:
        return None
    target = Path(str(path))
    if target.name.startswith(".") and ".partial" in target.name:  # the file being written
        target = target.with_name(target.name[1:target.name.index(".partial")])
    return DomainError(code, field="out", path=str(target), folder=str(target.parent),
                       detail=error.strerror or str(error))
