"""Reading a test database the way another program would, outside the app: plain sqlite3 on the
file, or, when the test runs on the server (tests/conftest.py registers its database under the
test's `db_path`), psycopg on the server database with the same SQL (`?` becomes psycopg's
`%s`). A server's values come back as SQLite's would: times as SQLite's text, booleans as 0/1,
whole-number sums as ints, so one assertion serves both backends."""
from __future__ import annotations

import sqlite3
from datetime import datetime
from decimal import Decimal
from pathlib import Path

SERVERS: dict[str, str] = {}   # str(db_path) → the server database's URL, for the test's length


def rows(db: Path, sql: str, *args) -> list[tuple]:
    url = SERVERS.get(str(db))
    if url is not None:
        return server_rows(url, sql, *args)
    conn = sqlite3.connect(db)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def server_rows(url: str, sql: str, *args) -> list[tuple]:
    import psycopg
    from sqlalchemy.engine import make_url
    parsed = make_url(url)
    with psycopg.connect(host=parsed.query.get("host") or parsed.host, port=parsed.query.get("port")
                         or parsed.port, user=parsed.username, dbname=parsed.database,
                         connect_timeout=5) as conn:
        found = conn.execute(sql.replace("%", "%%").replace("?", "%s"), args).fetchall()
    return [tuple(_as_sqlite(v) for v in row) for row in found]


def _as_sqlite(value):
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, memoryview):
        return bytes(value)
    return value
