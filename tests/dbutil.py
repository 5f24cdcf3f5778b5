"""Reading a test database the way another program would, outside the app: plain sqlite3 on the
file, or, when the test runs on the server (tests/conftest.py registers its database under the
test's `db_path`), psycopg on the server database with the same SQL (`?` becomes psycopg's
`%s`). A server's values come back as SQLite's would: times as SQLite's text, booleans as 0/1,
whole-number sums as ints, dates as "YYYY-MM-DD", so one assertion serves both backends.
`rows` and `execute` take the server database's URL itself too (a test's `db_target`)."""
from __future__ import annotations

import sqlite3
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

SERVERS: dict[str, str] = {}   # str(db_path) → the server database's URL, for the test's length


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


def _server_url(db: Path | str) -> str | None:
    return str(db) if is_url(db) else SERVERS.get(str(db))


def rows(db: Path | str, sql: str, *args) -> list[tuple]:
    url = _server_url(db)
    if url is not None:
        return server_rows(url, sql, *args)
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def server_connection(url: str):
    import psycopg
    from sqlalchemy.engine import make_url
    parsed = make_url(url)
    return psycopg.connect(host=parsed.query.get("host") or parsed.host, port=parsed.query.get("port")
                           or parsed.port, user=parsed.username, dbname=parsed.database,
                           connect_timeout=5)


def server_rows(url: str, sql: str, *args) -> list[tuple]:
    with server_connection(url) as conn:
        found = conn.execute(sql.replace("%", "%%").replace("?", "%s"), args).fetchall()
    return [tuple(_as_sqlite(v) for v in row) for row in found]


def execute(db: Path | str, sql: str, *args) -> list[tuple]:
    """One write outside the app, committed (`?` parameters; booleans as Python bools or TRUE
    and FALSE in the SQL, which both take); what a RETURNING clause gives back."""
    url = _server_url(db)
    if url is not None:
        with server_connection(url) as conn:
            cursor = conn.execute(sql.replace("%", "%%").replace("?", "%s"), args)
            return cursor.fetchall() if cursor.description else []
    conn = sqlite3.connect(db)
    try:
        conn.execute("PRAGMA foreign_keys = ON")
        cursor = conn.execute(sql, args)
        found = cursor.fetchall() if cursor.description else []
        conn.commit()
        return found
    finally:
        conn.close()


def _as_sqlite(value):
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, memoryview):
        return bytes(value)
    return value
