"""Copies of the database made with SQLite's online backup API (safe while the app runs)."""
from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

from pcrm_desktop.db.health import read_only_connection

BACKUP_DIR = "backups"


def backup_dir_for(db_path: Path) -> Path:
    return db_path.parent / BACKUP_DIR


def backup_database(db_path: Path, reason: str, now: datetime) -> Path:
    """Copy `db_path` into the backups folder beside it and verify the copy."""
    folder = backup_dir_for(db_path)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{db_path.stem}-{now:%Y%m%d-%H%M%S}-{reason}.db"
    source = read_only_connection(db_path)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
        verdict = copy.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        copy.close()
        source.close()
    if verdict != "ok":
        target.unlink(missing_ok=True)
        raise OSError(f"backup of {db_path} failed its integrity check: {verdict}")
    return target
