"""The backups folder beside the database (`backups/`) and its manifest: named, verified
copies in it, the list of them, and the manifest's record of what each holds (size, schema,
integrity, newest access-log entry and its hash) — a convenience for the list and for "is a
backup due": losing it loses nothing."""
from __future__ import annotations

import contextlib
import json
import os
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pcrm_desktop.db.backup.checking import BackupCheck
from pcrm_desktop.db.backup.copying import copy_database
from pcrm_desktop.db.backup.files import Progress, ensure_folder, storage_error
from pcrm_desktop.domain.backups import BackupName, next_free_name, parse_backup_name
from pcrm_desktop.domain.errors import DatabaseError

BACKUP_DIR = "backups"
MANIFEST = "manifest.json"


def backup_dir_for(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIR


def backup_database(db_path: Path, reason: str, now: datetime,
                    progress: Progress | None = None) -> Path:
    """Copy `db_path` into the backups folder beside it and verify the copy (db/migrate.py's
    copy before an upgrade). Raises OSError when the copy cannot be made or fails its check."""
    try:   # no manifest record: the listing knows the file passed its check by its name
        return make_backup(db_path, reason, now, progress, manifest=False).path
    except DatabaseError as error:
        from pcrm_desktop.domain.messages import korean_message
        raise OSError(korean_message(error)) from error


def make_backup(db_path: Path, reason: str, now: datetime, progress: Progress | None = None,
                keep_damaged: bool = False, manifest: bool = True) -> BackupCheck:
    """A verified copy named `<stem>-<time>-<reason>.db` in the backups folder, recorded in the
    folder's manifest (what it holds, for the list and for "is a backup due")."""
    folder = backup_dir_for(db_path)
    ensure_folder(folder)
    name = next_free_name(db_path.stem, now, reason, _names(folder))
    started = time.perf_counter()
    check = copy_database(db_path, folder / name, progress, keep_damaged)
    if not manifest:
        return check
    record(folder, name, {"at": now.isoformat(timespec="seconds"), "reason": reason,
                          "size": check.size_bytes, "integrity": check.integrity,
                          "revision": check.revision, "audit_last_id": check.audit_last_id,
                          "audit_last_hash": check.audit_last_hash,
                          "database_id": check.database_id,
                          "seconds": round(time.perf_counter() - started, 3)})
    return check


def _names(folder: Path) -> list[str]:
    try:
        return [p.name for p in folder.iterdir()]
    except OSError:
        return []


@dataclass(frozen=True)
class StoredBackup:
    name: BackupName
    path: Path
    size_bytes: int
    info: dict          # the manifest's record ({} when the manifest does not know it)


def stored_backups(db_path: Path) -> list[StoredBackup]:
    """The backups of this database in its backups folder, newest first. Only files with a
    backup's name count: a copy being written is still `.part`, so every listed file passed its
    check when it was made."""
    folder = backup_dir_for(db_path)
    manifest = read_manifest(folder)
    found = []
    try:
        entries = list(folder.iterdir())
    except OSError:
        return []
    for path in entries:
        parsed = parse_backup_name(path.name, db_path.stem)
        if parsed is None or not path.is_file():
            continue
        try:
            size = path.stat().st_size
        except OSError:
            continue
        found.append(StoredBackup(parsed, path, size, manifest.get(path.name, {})))
    return sorted(found, key=lambda b: b.name, reverse=True)


def _read_json(folder: Path) -> dict:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def read_manifest(folder: Path) -> dict[str, dict]:
    backups = _read_json(folder).get("backups")
    return {k: v for k, v in backups.items() if isinstance(v, dict)} \
        if isinstance(backups, dict) else {}


def _write_manifest(folder: Path, backups: dict[str, dict], **state: object) -> None:
    data = _read_json(folder)
    data.update(state, version=1, backups=backups)
    path = folder / MANIFEST
    partial = path.with_name(path.name + ".part")
    partial.write_text(json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True),
                       encoding="utf-8")
    os.replace(partial, path)


def read_state(folder: Path, key: str) -> dict | None:
    value = _read_json(folder).get(key)
    return value if isinstance(value, dict) else None


def write_state(folder: Path, key: str, value: dict | None) -> None:
    """A small record kept in the manifest beside the backups' (the clean exit's file state)."""
    with contextlib.suppress(OSError):
        _write_manifest(folder, read_manifest(folder), **{key: value})


def file_state(db_path: Path) -> dict | None:
    """What identifies the file as it is now: size and modification time, and whether a
    non-empty -wal goes with it."""
    try:
        stat = db_path.stat()
    except OSError:
        return None
    wal = db_path.with_name(db_path.name + "-wal")
    wal_size = wal.stat().st_size if wal.exists() else 0
    return {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "wal_size": wal_size}


def record(folder: Path, name: str, info: dict) -> None:
    """Add a backup's record; records of files no longer there are dropped. The manifest is a
    convenience (the list and "due" read it instead of opening every copy): a failure to write
    it loses nothing."""
    try:
        backups = read_manifest(folder)
        present = set(_names(folder))
        backups = {k: v for k, v in backups.items() if k in present}
        backups[name] = info
        _write_manifest(folder, backups)
    except OSError:
        pass


def delete_backup_file(db_path: Path, name: str) -> int:
    """Remove one backup file (a name in the backups folder only); returns its size."""
    folder = backup_dir_for(db_path)
    if parse_backup_name(name, db_path.stem) is None or Path(name).name != name:
        raise DatabaseError("backup_not_found", name=name)
    path = folder / name
    try:
        size = path.stat().st_size
        path.unlink()
    except FileNotFoundError as exc:
        raise DatabaseError("backup_not_found", name=name) from exc
    except OSError as exc:
        raise storage_error(exc, path) from exc
    try:
        backups = read_manifest(folder)
        if backups.pop(name, None) is not None:
            _write_manifest(folder, backups)
    except OSError:
        pass
    return size
