"""The SQLAlchemy engine: SQLite's pragmas and write lock, or a PostgreSQL server's timeouts.
Everything backend-specific about connections stays in this package."""
from __future__ import annotations

import contextlib
import logging
import sqlite3
import time
from collections.abc import Iterator

from sqlalchemy import Engine, create_engine, event

from pcrm_desktop import waiting
from pcrm_desktop.domain.errors import DatabaseError

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
# A writer asks for the lock in steps of this long; between steps it reports that it waits
# (pcrm_desktop.waiting), so the screen can say so within a fraction of a second.
WAIT_STEP_MS = 200


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _begin)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=4, max_overflow=4,
                         connect_args=server_connect_args())


# A server that does not answer must not hang a clerk's screen: connecting gives up after
# CONNECT_TIMEOUT_S, a row lock another clerk holds is waited for as long as SQLite's busy
# timeout (then `database_busy`, the same message), and no statement runs longer than
# STATEMENT_TIMEOUT_MS (a report over years of 민원 takes seconds, not minutes).
CONNECT_TIMEOUT_S = 5
STATEMENT_TIMEOUT_MS = 120_000
IDLE_IN_TRANSACTION_MS = 60_000


def server_connect_args() -> dict[str, object]:
    return {"connect_timeout": CONNECT_TIMEOUT_S,
            "application_name": "PCRM Desktop",
            "options": (f"-c lock_timeout={BUSY_TIMEOUT_MS} "
                        f"-c statement_timeout={STATEMENT_TIMEOUT_MS} "
                        f"-c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_MS} "
                        "-c timezone=UTC -c client_encoding=UTF8"),
            # a half-open connection (a cable pulled) is noticed in seconds, not hours
            "keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 3,
            "keepalives_count": 3}


def _sqlite_pragmas(dbapi_connection, _record) -> None:
    # We emit BEGIN ourselves (see _begin): pysqlite's implicit BEGIN is deferred and too late.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # FULL: an acknowledged commit survives a power cut too, not only a crash (office PCs get
    # switched off mid-save); the cost is one fsync per commit, small for a desktop.
    cursor.execute("PRAGMA synchronous=FULL")
    # 64 MB of page cache (the default is 2 MB): imports and searches over 300,000 residents
    # touch many index pages; a desktop can spare it.
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.execute("PRAGMA temp_store=MEMORY")
    # Deleted content is overwritten with zeros, not left in free pages: a destroyed record
    # (retention, a merge) cannot be read back from the file with a forensic tool.
    cursor.execute("PRAGMA secure_delete=ON")
    cursor.close()


def _begin(conn) -> None:
    """Writers take SQLite's write lock at BEGIN (IMMEDIATE), so two writers wait for each other
    at the start (busy timeout) instead of one failing half-way through its transaction."""
    write = conn.get_execution_options().get("pcrm_write", False)
    if write:
        begin_immediate(conn.connection.driver_connection)
    else:
        conn.exec_driver_sql("BEGIN")


def begin_immediate(raw: sqlite3.Connection, timeout_ms: int = BUSY_TIMEOUT_MS) -> None:
    """BEGIN IMMEDIATE, waiting at most `timeout_ms` for a lock another connection holds.

    SQLite's own busy handler waits in C and says nothing, so the wait is taken in steps of
    WAIT_STEP_MS, and after each step the time waited so far goes to `waiting.report` (the task
    lane shows it). A listener that raises (a cancelled task) ends the wait. When the time is
    up, SQLite's "database is locked" is raised: `storage_error` makes it `database_busy`."""
    start = time.monotonic()
    deadline = start + timeout_ms / 1000
    waited = False
    try:
        while True:
            step = max(1, min(WAIT_STEP_MS, round((deadline - time.monotonic()) * 1000)))
            raw.execute(f"PRAGMA busy_timeout={step}")
            try:
                raw.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as error:
                if not _is_busy(error) or time.monotonic() >= deadline:
                    raise
            waited = True
            waiting.report(time.monotonic() - start)
    finally:
        # sqlite3.Error: the file went away, and the error that matters is already on its way
        with contextlib.suppress(sqlite3.Error):
            raw.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        if waited:
            log.info("waited %.1f s for the database's write lock", time.monotonic() - start)
            waiting.report(None)


def _is_busy(error: sqlite3.Error) -> bool:
    code = getattr(error, "sqlite_errorcode", None)
    if code is not None:
        return code & 0xFF in (5, 6)  # SQLITE_BUSY, SQLITE_LOCKED
    text = str(error).lower()
    return "locked" in text or "busy" in text


# sqlite3's primary result codes and messages → our codes (domain/messages.py)
_STORAGE_CODES = {5: "database_busy", 6: "database_busy", 13: "disk_full", 8: "db_read_only",
                  14: "db_unavailable", 10: "db_io_error"}
_STORAGE_TEXTS = (("database is locked", "database_busy"), ("database is busy", "database_busy"),
                  ("database table is locked", "database_busy"),
                  ("database or disk is full", "disk_full"), ("readonly database", "db_read_only"),
                  ("unable to open database file", "db_unavailable"),
                  ("disk i/o error", "db_io_error"))


def storage_error(error: BaseException, path: str = "") -> DatabaseError | None:
    """The DatabaseError to show for an SQLite error that says the file cannot be written just
    now (busy, disk full, read-only, gone, I/O), else None. Accepts sqlite3's errors and
    SQLAlchemy's wrappers of them. The one place these are translated (see db/uow.py)."""
    original = getattr(error, "orig", None) or error
    if not isinstance(original, sqlite3.Error):
        return server_error(original, path)
    code = None
    number = getattr(original, "sqlite_errorcode", None)
    if number is not None:
        code = _STORAGE_CODES.get(number & 0xFF)
    if code is None:
        text = str(original).lower()
        code = next((c for marker, c in _STORAGE_TEXTS if marker in text), None)
    if code is None:
        return None
    params: dict[str, object] = {"path": path}
    if code == "database_busy":
        params["seconds"] = BUSY_TIMEOUT_MS // 1000
    return DatabaseError(code, **params)


# A PostgreSQL server's SQLSTATE classes and codes → the same codes (and Korean messages) as
# SQLite's: a row lock held past the lock timeout, a serialization failure or a deadlock is
# "busy" (nothing saved, try again); a connection that fails or breaks is "unreachable".
_SERVER_CODES = {"55P03": "database_busy", "40001": "database_busy", "40P01": "database_busy",
                 "53100": "disk_full", "25006": "db_read_only",
                 "57014": "db_server_slow",  # statement_timeout
                 "28P01": "db_server_login", "28000": "db_server_login",
                 "3D000": "db_server_login",  # no such database
                 "42501": "db_server_permission"}  # the clerks' role may not (retention, DDL)


def location_label(engine: Engine) -> str:
    """What a message names: the SQLite file's path, or the server as host:port/database."""
    from pcrm_desktop.config import server_label
    url = engine.url
    if url.get_backend_name() == "sqlite":
        return url.database or ""
    return server_label(url.render_as_string(hide_password=True))


@contextlib.contextmanager
def server_errors(label: str) -> Iterator[None]:
    """Inside: a psycopg error that says the server cannot do it just now (server_error) leaves
    as that DatabaseError, naming `label`; a DatabaseError and anything else as they are."""
    try:
        yield
    except DatabaseError:
        raise
    except Exception as error:
        translated = server_error(getattr(error, "orig", None) or error, label)
        if translated is not None:
            raise translated from error
        raise


def server_error(error: BaseException, server: str = "") -> DatabaseError | None:
    """The DatabaseError for a psycopg error that says the server cannot do it just now, else
    None (a programming error stays itself)."""
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a requirement
        return None
    if not isinstance(error, psycopg.Error):
        return None
    state = getattr(error, "sqlstate", None) or ""
    code = _SERVER_CODES.get(state)
    if code is None and (state.startswith("08") or state.startswith("57P")
                         or isinstance(error, psycopg.OperationalError) and not state):
        code = "db_server_unreachable"  # refused, timed out, broken, server shutting down
    if code is None:
        return None
    params: dict[str, object] = {"path": server, "server": server}
    if code == "database_busy":
        params["seconds"] = BUSY_TIMEOUT_MS // 1000
    return DatabaseError(code, **params)
