"""The SQLAlchemy engine. Everything SQLite-specific (pragmas) stays in this package."""
from __future__ import annotations

from sqlalchemy import Engine, create_engine, event

BUSY_TIMEOUT_MS = 5000


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _begin)
        return engine
    return create_engine(url, pool_pre_ping=True)


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
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
