"""Reading a test database the way another program would, outside the app: plain sqlite3 for a
file, psycopg for a server URL (`db_target`), with `?` parameters on both.

A server's values come back in SQLite's stored forms, so one assertion holds on both backends:
a timestamp as "YYYY-MM-DD HH:MM:SS.ffffff" text, a date as "YYYY-MM-DD", a boolean as 0/1, a
whole Decimal (a server's sum or count) as an int."""
from __future__ import annotations

import sqlite3
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path


def _refused() -> tuple[type[Exception], ...]:
    """What a statement the database refuses raises, from either backend."""
    try:
        import psycopg
    except ImportError:
        return (sqlite3.DatabaseError,)
    return (sqlite3.DatabaseError, psycopg.Error)


REFUSED = _refused()


def is_url(db: Path | str) -> bool:
    return "://" in str(db)


def rows(db: Path | str, sql: str, *args) -> list[tuple]:
    if is_url(db):
        return server_rows(str(db), sql, *args)
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def server_rows(url: str, sql: str, *args) -> list[tuple]:
    import psycopg
    with psycopg.connect(url.replace("+psycopg", "", 1), autocommit=True) as conn:
        if args:
            found = conn.execute(sql.replace("%", "%%").replace("?", "%s"), args).fetchall()
        else:
            found = conn.execute(sql).fetchall()
    return [tuple(sqlite_form(v) for v in row) for row in found]


def sqlite_form(value):
    """A server's value as SQLite would have given it (the module's docstring)."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def execute(db: Path | str, sql: str, *args) -> None:
    """One write outside the app, committed (`?` parameters; booleans as TRUE/FALSE in the SQL,
    which both take)."""
    if is_url(db):
        import psycopg
        with psycopg.connect(str(db).replace("+psycopg", "", 1), autocommit=True) as conn:
            conn.execute(sql.replace("%", "%%").replace("?", "%s"), args) if args \
                else conn.execute(sql)
        return
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute(sql, args)
        conn.commit()
    finally:
        conn.close()
