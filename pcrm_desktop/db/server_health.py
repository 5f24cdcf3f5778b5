"""`pcrm check` on a PostgreSQL server: the schema's revision, the tables readable, the server's
own data-checksum failures, the size; nothing written. (A file's checks are db/health.py.)"""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text

from pcrm_desktop.db.engine import location_label, make_engine, server_errors
from pcrm_desktop.domain.errors import DatabaseError


@dataclass(frozen=True)
class ServerHealth:
    label: str               # host:port/database
    revision: str | None     # Alembic revision, None for an empty database
    integrity: str           # "ok" or the first problem
    tables: int
    size_bytes: int
    guards: tuple[str, ...] = ()


def inspect_server(url: str) -> ServerHealth:
    """Raises DatabaseError when the server cannot be reached, refuses the login, or holds a
    database that is not ours."""
    engine = make_engine(url)
    label = location_label(engine)
    try:
        with server_errors(label), engine.connect() as conn:
            return _inspect(conn, label)
    finally:
        engine.dispose()


def server_revision(url: str) -> str | None:
    """The Alembic revision of a server database (None: it has none), read alone: what the About
    dialog shows, without the full check's table scan."""
    engine = make_engine(url)
    try:
        with server_errors(location_label(engine)), engine.connect() as conn:
            if conn.execute(text("SELECT to_regclass('alembic_version')")).scalar() is None:
                return None
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    finally:
        engine.dispose()


def _inspect(conn, label: str) -> ServerHealth:
    names = [row[0] for row in conn.execute(text(
        "SELECT table_name FROM information_schema.tables"
        " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"))]
    revision = None
    if "alembic_version" in names:
        revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    elif names:
        raise DatabaseError("db_not_pcrm", path=label)
    problems = []
    for name in sorted(names):  # every table can be read (a lost file, a broken page: an error)
        try:
            with conn.begin_nested():
                conn.execute(text(f'SELECT 1 FROM "{name}" LIMIT 1'))
        except Exception as error:  # noqa: BLE001 - reported, not raised: that is the check
            problems.append(f"{name}: {getattr(error, 'orig', error)}".strip())
    failures = conn.execute(text(
        "SELECT coalesce(checksum_failures, 0) FROM pg_stat_database"
        " WHERE datname = current_database()")).scalar() or 0
    if failures:
        problems.append(f"데이터 체크섬 오류 {failures}건 (서버 로그 확인)")
    size = conn.execute(text("SELECT pg_database_size(current_database())")).scalar() or 0
    guards: tuple[str, ...] = ()
    if revision is not None:  # the log's guard triggers, their functions and grants
        from pcrm_desktop.db.audit_schema import server_guard_problems
        guards = tuple(server_guard_problems(conn))
    return ServerHealth(label, revision, "; ".join(problems[:5]) or "ok", len(names), int(size),
                        guards)

