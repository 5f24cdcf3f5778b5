"""Reading a test database the way another program would: plain sqlite3, outside the app."""
from __future__ import annotations

import sqlite3
from pathlib import Path


def rows(db: Path, sql: str, *args) -> list[tuple]:
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()
