"""Witnesses of the access log's head, kept outside the database file: a chain alone cannot see
its last entries cut off, nor a log rewritten with fresh hashes; an earlier head kept elsewhere
can. Each good check writes the head (last id and hash) to

- the anchor beside the database (`pcrm.db.audit-anchor.json`);
- the user's profile folder (config.profile_dir: outside the database's folder, so a
  person who can write that folder, a shared drive say, cannot rewrite this one too), under the
  database's id and under its path, with the key stretches seen;

and every backup's manifest record carries the head of the copy it made. The monthly access-log
PDF prints the head, and `pcrm audit verify --expect-head ID:HASH` checks a printed one.

A witness that should be there and is not, or cannot be read, is an alarm, never a silent new
anchor: only `pcrm audit reanchor --reason` (an admin, logged in the chain) sets new ones.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from pcrm_desktop.config import profile_dir
from pcrm_desktop.db.audit_chain import ANCHOR
from pcrm_desktop.domain.audit import Witness

PROFILE = "profile"      # source names of the witnesses, for messages
MANIFEST = "backup"


@dataclass(frozen=True)
class Found:
    """What a witness's file held: `state` ok | absent | unreadable | folder."""

    source: str
    path: Path
    state: str
    witness: Witness | None = None
    record: dict | None = None


# --- the anchor beside the database ------------------------------------------------------------

def anchor_path(database: Path) -> Path:
    return database.with_name(database.name + ".audit-anchor.json")


def read_anchor(database: Path) -> dict | None:
    found = _read(ANCHOR, anchor_path(database))
    return found.record if found.state == "ok" else None


def anchor(database: Path) -> Found:
    return _read(ANCHOR, anchor_path(database))


# --- the profile's witnesses -------------------------------------------------------------------

def witness_dir() -> Path:
    return profile_dir() / "audit-witness"


def profile_paths(database: Path, database_id: str | None) -> list[Path]:
    """Under the database's id (it may move) and under its path (its id may be changed)."""
    where = hashlib.sha256(os.path.normcase(str(database.resolve())).encode("utf-8")).hexdigest()
    paths = [witness_dir() / f"path-{where[:32]}.json"]
    if database_id:
        paths.append(witness_dir() / f"db-{database_id}.json")
    return paths


def profile_witnesses(database: Path, database_id: str | None) -> list[Found]:
    return [_read(PROFILE, path) for path in profile_paths(database, database_id)]


# --- writing a head ----------------------------------------------------------------------------

def write_head(database: Path, database_id: str | None, last_id: int, last_hash: str, at: str,
               stretches: list[tuple[int, str]], replace: bool = False,
               note: dict | None = None) -> None:
    """Keep the newest verified head beside the database and in the profile. An older head
    never moves a witness back, unless `replace` (a re-anchor or a restore, both logged)."""
    record = {"database_id": database_id, "database": str(database), "last_id": last_id,
              "hash": last_hash, "at": at, "stretches": [list(s) for s in stretches]}
    if note:
        record["rebased"] = note
    for path in [anchor_path(database), *profile_paths(database, database_id)]:
        current = _read(ANCHOR, path)
        if not replace and current.state == "ok" and current.witness.last_id >= last_id:
            continue
        _write(path, record)


def remove_heads(database: Path, database_id: str | None) -> None:
    """A restore of an empty log: no head to keep (the files are set aside, not deleted)."""
    for path in [anchor_path(database), *profile_paths(database, database_id)]:
        if path.is_file():
            path.replace(path.with_name(path.name + ".replaced"))


def _write(path: Path, record: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    partial.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    os.replace(partial, path)


def _read(source: str, path: Path) -> Found:
    if path.is_dir():
        return Found(source, path, "folder")
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Found(source, path, "absent")
    except (OSError, UnicodeDecodeError):
        return Found(source, path, "unreadable")
    try:
        record = json.loads(text)
        last_id, digest = record["last_id"], record["hash"]
        valid = (isinstance(last_id, int) and not isinstance(last_id, bool) and last_id >= 1
                 and isinstance(digest, str) and 16 <= len(digest) <= 64
                 and all(c in "0123456789abcdef" for c in digest.lower()))
    except (ValueError, KeyError, TypeError):
        valid = False
    if not valid:
        return Found(source, path, "unreadable")
    return Found(source, path, "ok", Witness(f"{source}:{path}", last_id, digest), record)


# --- backups' manifests ------------------------------------------------------------------------

def manifest_witnesses(database: Path, database_id: str | None, since: str) -> list[Witness]:
    """Heads recorded with the backups of this database (its id in the record) made at or after
    `since` (the newest restore or re-anchor: older heads describe the history it replaced)."""
    from pcrm_desktop.db.backup.folder import backup_dir_for, read_manifest
    folder = backup_dir_for(database)
    found = []
    for name, info in read_manifest(folder).items():
        last_id, digest = info.get("audit_last_id"), info.get("audit_last_hash")
        if info.get("database_id") != database_id or not database_id:
            continue
        if not isinstance(last_id, int) or not isinstance(digest, str) or len(digest) < 16:
            continue
        if str(info.get("at", "")).replace("T", " ") < since.replace("T", " "):
            continue
        found.append(Witness(f"{MANIFEST}:{folder / name}", last_id, digest))
    return found
