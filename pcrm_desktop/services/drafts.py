"""Drafts kept on this PC, in the profile folder of the Windows (or Linux) user, apart for each
database and each staff member: `drafts/<database id>/<staff id>/<kind>-<key>.json`. A form
writes its draft every few seconds while something typed is unsaved; the next sign-in of the
same staff member on the same database offers them back; saving or discarding the form deletes
its draft. Files, not rows: a draft is written while the clerk types, often, and must not wait
for (or take) the database's write lock, nor depend on a server being reachable. Every text is
masked before it is written (domain.drafts.masked). Nothing here goes to the access log: a
draft is the clerk's own typing, on the clerk's own profile."""
from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pcrm_desktop.config import profile_dir
from pcrm_desktop.domain.drafts import Draft, JsonValue, file_name, masked, parse_name
from pcrm_desktop.domain.privacy import PERSONAL_DATA_ROLES, require_role
from pcrm_desktop.services.context import ServiceContext

log = logging.getLogger(__name__)
FORMAT = 1


def drafts_root() -> Path:
    return profile_dir() / "drafts"


@dataclass(frozen=True)
class DraftStore:
    """The drafts of one staff member on one database, on this PC."""

    folder: Path

    def keep(self, kind: str, key: str, fields: dict[str, JsonValue], at: datetime) -> Draft:
        """Write the draft, masked, in place of the one before (a crash mid-write leaves the
        earlier one whole: a temporary file is flushed to disk, then renamed over it)."""
        draft = Draft(kind, key, at.replace(microsecond=0), masked(fields))
        record = {"format": FORMAT, "kind": kind, "key": key,
                  "saved_at": draft.saved_at.isoformat(), "fields": draft.fields}
        self._write(self.folder / file_name(kind, key), json.dumps(record, ensure_ascii=False))
        return draft

    def get(self, kind: str, key: str) -> Draft | None:
        return _read(self.folder / file_name(kind, key))

    def drafts(self) -> list[Draft]:
        """Every readable draft, the newest first."""
        if not self.folder.is_dir():
            return []
        found = [_read(path) for path in self.folder.iterdir() if parse_name(path.name)]
        return sorted((d for d in found if d is not None), key=lambda d: d.saved_at, reverse=True)

    def discard(self, kind: str, key: str) -> None:
        (self.folder / file_name(kind, key)).unlink(missing_ok=True)

    def _write(self, path: Path, text: str) -> None:
        # the file is readable by this user only (mkstemp: 0600); the folders name only ids
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, temp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".tmp", dir=path.parent)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp, path)
        except BaseException:
            Path(temp).unlink(missing_ok=True)
            raise


def _read(path: Path) -> Draft | None:
    named = parse_name(path.name)
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
        saved_at = datetime.fromisoformat(record["saved_at"])
        fields = record["fields"]
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError):
        log.warning("draft %s cannot be read; left as it is", path)
        return None
    if named is None or not isinstance(fields, dict):
        return None
    return Draft(named[0], named[1], saved_at, masked(fields))  # whoever wrote the file


def open_store(ctx: ServiceContext) -> DraftStore:
    """This staff member's drafts on this database (its id, made by migration 0011, stays the
    same when the file is moved or restored; a server database has one too)."""
    require_role(ctx.actor, PERSONAL_DATA_ROLES, "drafts")
    with ctx.reading() as uow:
        database_id = uow.audit.database_id()
    return DraftStore(drafts_root() / (database_id or "unknown") / str(ctx.actor.staff_id))
