"""The access log's tests on either backend: read a test database, and do to it what someone
holding it outside the app could (a SQLite file with the sqlite3 tool; a server database as its
owner, through psql): drop the guards and change rows.

`target` is what `--db` takes (tests/conftest.py `db_target`): a file's path or a server URL."""
from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.exc import DBAPIError

# the triggers that refuse edits and deletions of entries, with their tables
ENTRY_GUARDS = (("audit_log_append_only", "audit_log"), ("audit_log_no_delete", "audit_log"))


def is_server(target: str | Path) -> bool:
    return str(target).startswith("postgresql")


def _engine(target: str | Path):
    return create_engine(str(target) if is_server(target) else f"sqlite:///{target}")


def rows(target: str | Path, sql: str, *args, **params) -> list[tuple]:
    """The rows of a query; `?` placeholders take `args` in order (as tests/dbutil.rows)."""
    for n, value in enumerate(args):
        sql = sql.replace("?", f":p{n}", 1)
        params[f"p{n}"] = value
    engine = _engine(target)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text(sql), params)]
    finally:
        engine.dispose()


def hex_of(target: str | Path, column: str) -> str:
    """SQL for a blob column as lower-case hex text."""
    return f"encode({column}, 'hex')" if is_server(target) else f"lower(hex({column}))"


def blob(target: str | Path, data: bytes) -> str:
    """A literal of these bytes for the backend."""
    return f"'\\x{data.hex()}'::bytea" if is_server(target) else f"X'{data.hex()}'"


def drop_trigger(target: str | Path, name: str, table: str) -> str:
    return f"DROP TRIGGER IF EXISTS {name}" + (f" ON {table}" if is_server(target) else "")


def tamper(target: str | Path, *statements: str, guards=ENTRY_GUARDS, **params) -> None:
    """Drop `guards` (trigger, table), then run the statements, in one transaction."""
    engine = _engine(target)
    try:
        with engine.begin() as conn:
            for name, table in guards:
                conn.execute(text(drop_trigger(target, name, table)))
            for statement in statements:
                conn.execute(text(statement), params)
    finally:
        engine.dispose()


def refusal(target: str | Path, statement: str) -> str | None:
    """The database's refusal of `statement` with every guard in place (None: it was done);
    rolled back either way."""
    engine = _engine(target)
    try:
        with engine.connect() as conn:
            try:
                conn.execute(text(statement))
            except DBAPIError as error:
                return str(error.orig)
            finally:
                conn.rollback()
        return None
    finally:
        engine.dispose()
