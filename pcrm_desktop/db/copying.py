"""Moving an office from its single-PC file to a PostgreSQL server (`pcrm copy-to`): every table
of the file copied into an empty server database in ONE transaction, then checked before it
commits: row counts table by table, the survey daily sums the server's triggers recomputed,
and the access log's chain, which must verify on the server exactly as it does in the file
(same entries checked, same last hash). Any difference rolls everything back: the server is
left as empty as it was.

The file is only read: opened read-only (SQLite URI mode=ro), inside one read transaction (a
consistent snapshot even while a PC still has it open), never migrated: a file of another
schema is refused (`pcrm init --db FILE` upgrades it first, after a backup).

The server database must be new: no tables (it is migrated here, inside the same transaction),
or migrated with nothing in it but what the migrations seed. Nothing relies on a superuser:
the log's guard triggers stay on (session_replication_role would need one), so the copy works
with them, not around them:
- `audit_log`, `audit_chain_keys`, `destruction_ledger` only take inserts: they must be empty
  (a database the program has opened has its creation logged, and is refused);
- `audit_chain_base` may only move forward: its row (start 1, GENESIS) is updated to the file's;
- `database_identity` is fixed: the server keeps its own id (backups, drafts and witnesses are
  kept by it; the file, still a database of its own, keeps its id). The chain does not depend
  on it: it is keyed by the installation secrets named in `audit_chain_keys` (db/audit_keys);
- the rows migrations seed (민원 types and categories, customer groups) are replaced by the file's;
- `survey_item_days`/`survey_response_days` are not copied: the server's triggers sum the answers
  and responses as they arrive, and the result is compared with the file's sums;
- `citizen_fts` (FTS5 in the file, a plain pg_trgm-indexed table on the server) is copied by
  rowid; `complaint_fts` has no table on the server (a trigram index on complaints.title).
Id sequences are moved past the copied ids (dialect.set_sequence).
"""
from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, create_engine, event, select, text, tuple_

from pcrm_desktop.db import dialect
from pcrm_desktop.db.engine import location_label, make_engine, server_error, server_errors
from pcrm_desktop.db.health import HEAD_REVISION, folder_writable, inspect_file, read_only_connection
from pcrm_desktop.domain.audit import AuditEntry, ChainReport
from pcrm_desktop.domain.errors import DatabaseError

BATCH = 5000
# what the migrations write into a new database, replaced by the file's rows
SEEDED = ("complaint_types", "complaint_categories", "customer_groups")
# never copied row by row: the server's own (identity, the chain's start, Alembic's revision) or
# recomputed by its triggers (the survey sums)
KEPT = ("database_identity", "audit_chain_base", "alembic_version")
DERIVED = ("survey_item_days", "survey_response_days")
FTS = "citizen_fts"  # (rowid, address, phones) on both: FTS5 in a file, a plain table on a server

Progress = Callable[..., None]


@dataclass(frozen=True)
class TableCount:
    name: str
    source: int
    target: int


@dataclass(frozen=True)
class CopyReport:
    source: str                      # the file's path
    target: str                      # host:port/database
    source_id: str | None            # database_identity of each
    target_id: str | None
    tables: tuple[TableCount, ...]   # every table compared, in copy order
    derived: tuple[TableCount, ...]  # the survey sums: rows recomputed on the server vs the file's
    chain: ChainReport               # the access log as verified on the server before commit
    sequences: int                   # id sequences moved past the copied ids
    migrated: bool                   # the server database had no tables: migrated in the copy
    attachments: int                 # attached files moved into the server (attachment_contents)
    attachments_missing: tuple[str, ...] = ()  # recorded, but not beside the file (or changed)
    seconds: float = 0.0
    log_entry: int | None = None     # the entry recording the copy on the server

    @property
    def rows(self) -> int:
        return sum(t.target for t in self.tables)


def copy_database(source: Path, target_url: str, *, kept_since: str,
                  entry: Callable[[CopyReport], AuditEntry] | None = None,
                  now: datetime | None = None, progress: Progress | None = None) -> CopyReport:
    """Copy the file `source` into the server database at `target_url` (see the module's
    docstring). `kept_since`: the legal minimum's cut-off for the chain's start (as `pcrm audit
    verify` uses it); `entry`: the access-log entry recording the copy, appended to the copied
    chain in the same transaction; `now`: the migrations' time if the server is migrated here.
    Raises DatabaseError (nothing written to the server) when something does not fit."""
    started = time.monotonic()
    _check_source(source)
    reader = _read_only_engine(source)
    writer = make_engine(target_url)
    label = location_label(writer)
    try:
        with reader.connect() as src:
            src_chain = _verified_source(src, source, kept_since)
            with server_errors(label), writer.connect() as dst, dst.begin():
                report = _copy(src, dst, source, label, src_chain, kept_since, now, progress)
                report = _finish(dst, report, entry, started)
    finally:
        reader.dispose()
        writer.dispose()
    return report


# --- the file ----------------------------------------------------------------------------------

def _check_source(source: Path) -> None:
    health = inspect_file(source, integrity="quick")   # refuses what is not ours, writes nothing
    if health.revision != HEAD_REVISION:
        raise DatabaseError("copy_source_outdated", path=str(source),
                            revision=health.revision or "없음", head=HEAD_REVISION)
    if health.integrity != "ok":
        raise DatabaseError("db_damaged", detail=health.integrity)


def _read_only_engine(source: Path) -> Engine:
    """The file through SQLAlchemy (its types read the stored text as dates and booleans),
    read-only, every read in one transaction: one snapshot of the whole file."""
    # A folder this PC may not write to (a write-protected USB stick), with no -wal beside the
    # file: every committed page is in the file, read as immutable (as db/health does).
    side = [source.with_name(source.name + suffix) for suffix in ("-wal", "-journal")]
    immutable = not folder_writable(source.parent) and not any(p.exists() for p in side)
    engine = create_engine("sqlite://", creator=lambda: read_only_connection(source, immutable))

    @event.listens_for(engine, "connect")
    def _no_implicit_transactions(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None

    @event.listens_for(engine, "begin")
    def _begin(conn) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


def _verified_source(src: Connection, source: Path, kept_since: str) -> ChainReport:
    """The file's chain as this PC verifies it; refused before the server is touched when it
    does not verify (then it could not be shown to verify on arrival either)."""
    from pcrm_desktop.db.audit_chain import verify
    report = verify(src, (), None, kept_since, accepted_keys(src))
    if not report.ok:
        raise DatabaseError("copy_source_chain", path=str(source), entry=report.broken_id,
                            problem=report.problem, key=report.witness or "-")
    return report


def accepted_keys(conn: Connection) -> frozenset[str]:
    """The keys the newest `audit.reanchor` accepted (entries signed with a key this PC lacks,
    taken as stored), as `pcrm audit verify` reads them (services/audit_trail)."""
    detail = conn.execute(text(
        "SELECT detail FROM audit_log WHERE action = 'audit.reanchor' ORDER BY id DESC LIMIT 1"
    )).scalar()
    try:
        keys = json.loads(detail).get("accepted_keys", []) if detail else []
    except (ValueError, AttributeError):
        keys = []
    return frozenset(k for k in keys if isinstance(k, str))


# --- the server --------------------------------------------------------------------------------

def _copy(src: Connection, dst: Connection, source: Path, label: str, src_chain: ChainReport,
          kept_since: str, now: datetime | None, progress: Progress | None) -> CopyReport:
    from pcrm_desktop.db.tables import metadata
    if not dialect.of(dst).server:
        raise DatabaseError("copy_target_not_server", url=label)
    migrated = _prepare_target(dst, label, now)
    _replace_seeded(dst)
    _move_chain_start(src, dst)
    tables = [t for t in metadata.sorted_tables if t.name not in KEPT + DERIVED]
    counts = []
    for table in tables:
        counts.append(TableCount(table.name, *_copy_table(src, dst, table, progress)))
    counts.append(TableCount(FTS, *_copy_fts(src, dst, progress)))
    sequences = 0
    for table in tables:
        column = table.autoincrement_column
        if column is not None:
            dialect.set_sequence(dst, table.name, column.name)
            sequences += 1
    checked = tuple(TableCount(c.name, c.source, _count(dst, c.name)) for c in counts)
    checked += tuple(TableCount(name, _count(src, name), _count(dst, name)) for name in KEPT)
    wrong = [c for c in checked if c.source != c.target]
    if wrong:
        raise DatabaseError("copy_mismatch", what=", ".join(
            f"{c.name} {c.source:,}→{c.target:,}" for c in wrong))
    derived = _compare_sums(src, dst)
    chain = _verify_arrival(dst, src_chain, kept_since)
    moved, missing = _copy_attachment_files(src, dst, source)
    return CopyReport(str(source), label, _identity(src), _identity(dst), checked, derived, chain,
                      sequences, migrated, moved, missing)


def _copy_attachment_files(src: Connection, dst: Connection, source: Path
                           ) -> tuple[int, tuple[str, ...]]:
    """The attached files beside the file (attachments/<sha256>) into the server's
    attachment_contents, each checked against its name; (moved, missing or changed)."""
    import hashlib

    from pcrm_desktop.db.attachment_repo import AttachmentContentRepository
    store = AttachmentContentRepository(dst)
    folder = source.parent / "attachments"
    moved, missing = 0, []
    for (sha,) in src.execute(text(
            "SELECT DISTINCT sha256 FROM complaint_attachments ORDER BY sha256")):
        try:
            data = (folder / sha).read_bytes()
        except OSError:
            missing.append(sha)
            continue
        if hashlib.sha256(data).hexdigest() != sha:
            missing.append(sha)
            continue
        store.put(sha, data)
        moved += 1
    return moved, tuple(missing)


def _prepare_target(dst: Connection, label: str, now: datetime | None) -> bool:
    """Refuse a server database with data; migrate one with no tables, inside this transaction
    (a failure later leaves it without tables again). True when migrated here."""
    names = [row[0] for row in dst.execute(text(
        "SELECT table_name FROM information_schema.tables"
        " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"))]
    # No other program writes to the log while the copy runs (appends take this lock too).
    from pcrm_desktop.db.repositories import AUDIT_APPEND_LOCK
    dst.execute(text("SELECT pg_advisory_xact_lock(:key)"), dict(key=AUDIT_APPEND_LOCK))
    if names and "alembic_version" not in names:
        raise DatabaseError("db_not_pcrm", path=label)
    held = {}
    for name in names:
        if name in SEEDED or name in ("database_identity", "alembic_version"):
            continue
        found = dst.execute(text(f'SELECT count(*) FROM "{name}"')).scalar() or 0
        if name == "audit_chain_base":   # a new database's start: entry 1, nothing before it
            found = dst.execute(text("SELECT count(*) FROM audit_chain_base"
                                     " WHERE NOT (id = 1 AND first_id = 1)")).scalar() or 0
        if found:
            held[name] = found
    if held:
        raise DatabaseError("copy_target_not_empty", server=label, what=", ".join(
            f"{name} {n:,}" for name, n in sorted(held.items())))
    if names:
        revision = dst.execute(text("SELECT version_num FROM alembic_version")).scalar()
        if revision == HEAD_REVISION:
            return False
    _upgrade_in(dst, now)
    return not names


def _upgrade_in(dst: Connection, now: datetime | None) -> None:
    """The migrations to head on this connection, inside its transaction (db.migrate.upgrade
    runs them in a transaction of its own)."""
    from alembic import command

    from pcrm_desktop.db.migrate import alembic_config
    config = alembic_config()
    config.attributes["connection"] = dst
    config.attributes["now"] = now
    command.upgrade(config, "head")


def _replace_seeded(dst: Connection) -> None:
    from pcrm_desktop.db.tables import metadata
    for table in reversed(metadata.sorted_tables):
        if table.name in SEEDED:
            dst.execute(table.delete())


def _move_chain_start(src: Connection, dst: Connection) -> None:
    """The server's chain starts where the file's does (forward only: the trigger allows it)."""
    from pcrm_desktop.db.tables import audit_chain_base as base
    row = src.execute(select(base).where(base.c.id == 1)).first()
    if row is not None:
        dst.execute(base.update().where(base.c.id == 1).values(
            first_id=row.first_id, prev_hash=bytes(row.prev_hash), updated_at=row.updated_at))


def _batches(src: Connection, table: Table) -> Iterator[list[dict[str, Any]]]:
    """The table's rows in primary-key order, BATCH at a time (keyset: no OFFSET rescans);
    a table referring to itself (categories under categories) parents first."""
    if _refers_to_itself(table):
        rows = [dict(r) for r in src.execute(select(table)).mappings()]
        yield from _chunks(_parents_first(table, rows))
        return
    key = list(table.primary_key.columns)
    query = select(table).order_by(*key).limit(BATCH)
    last: tuple | None = None
    while True:
        page = query
        if last is not None:
            page = query.where(tuple_(*key) > tuple_(*last))
        rows = [dict(r) for r in src.execute(page).mappings()]
        if not rows:
            return
        yield rows
        last = tuple(rows[-1][c.name] for c in key)


def _refers_to_itself(table: Table) -> bool:
    return any(fk.column.table is table for fk in table.foreign_keys)


def _parents_first(table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    (own,) = [fk for fk in table.foreign_keys if fk.column.table is table]
    child, parent = own.parent.name, own.column.name
    placed: set[Any] = set()
    ordered: list[dict[str, Any]] = []
    waiting = rows
    while waiting:
        ready = [r for r in waiting if r[child] is None or r[child] in placed]
        if not ready:   # a loop: left to the foreign key to refuse
            ordered += waiting
            break
        ordered += ready
        placed |= {r[parent] for r in ready}
        waiting = [r for r in waiting if r[parent] not in placed]
    return ordered


def _chunks(rows: list[dict[str, Any]]) -> Iterator[list[dict[str, Any]]]:
    for start in range(0, len(rows), BATCH):
        yield rows[start:start + BATCH]


def _copy_table(src: Connection, dst: Connection, table: Table,
                progress: Progress | None) -> tuple[int, int]:
    """(rows in the file, rows written) of one table."""
    total, done = _count(src, table.name), 0
    names = [c.name for c in table.columns]
    for rows in _batches(src, table):
        _write(dst, table.name, names, [tuple(r[n] for n in names) for r in rows])
        done += len(rows)
        if progress is not None:
            progress(done, total, table.name)
    return total, done


def _copy_fts(src: Connection, dst: Connection, progress: Progress | None) -> tuple[int, int]:
    total, done, last = _count(src, FTS), 0, 0
    while True:
        rows = src.execute(text(f"SELECT rowid, address, phones FROM {FTS} WHERE rowid > :last"
                                " ORDER BY rowid LIMIT :n"), dict(last=last, n=BATCH)).all()
        if not rows:
            return total, done
        _write(dst, FTS, ["rowid", "address", "phones"], [tuple(r) for r in rows])
        done, last = done + len(rows), rows[-1][0]
        if progress is not None:
            progress(done, total, FTS)


def _write(dst: Connection, name: str, columns: list[str], rows: list[tuple]) -> None:
    """Rows into a server table by COPY, in the transaction SQLAlchemy holds on the connection
    (3x INSERT's speed; row triggers, constraints and foreign keys apply as to an INSERT).
    psycopg adapts each value by its Python type, as SQLAlchemy's types read it from the file."""
    listed = ", ".join(f'"{column}"' for column in columns)
    try:
        with dst.connection.driver_connection.cursor() as cursor, \
                cursor.copy(f'COPY "{name}" ({listed}) FROM STDIN') as copy:
            for row in rows:
                copy.write_row(row)
    except Exception as error:  # a value the file took and the server does not (too long, NUL)
        if server_error(error) is not None:
            raise
        raise DatabaseError("copy_row_refused", table=name, detail=_first_line(error)) from error


def _count(conn: Connection, name: str) -> int:
    return conn.execute(text(f'SELECT count(*) FROM "{name}"')).scalar() or 0


def _identity(conn: Connection) -> str | None:
    return conn.execute(text("SELECT database_id FROM database_identity WHERE id = 1")).scalar()


def _first_line(error: object) -> str:
    return next((line for line in str(error).splitlines() if line.strip()), "")[:300]


# --- the checks before commit ------------------------------------------------------------------

def _compare_sums(src: Connection, dst: Connection) -> tuple[TableCount, ...]:
    """The survey daily sums the server's triggers made, row for row equal to the file's. A
    day whose answers were all destroyed (retention) keeps a row of zeros in the file; summed
    anew there is no row: zeros are no sum, so they are left out of the comparison."""
    from pcrm_desktop.db.tables import metadata
    found = []
    for name in DERIVED:
        table = metadata.tables[name]
        key = len(table.primary_key.columns)
        query = select(table).order_by(*table.primary_key.columns)
        mine = [tuple(r) for r in src.execute(query) if any(r[key:])]
        theirs = [tuple(r) for r in dst.execute(query) if any(r[key:])]
        if mine != theirs:
            raise DatabaseError("copy_mismatch", what=f"{name} (만족도 일별 합계)")
        found.append(TableCount(name, len(mine), len(theirs)))
    return tuple(found)


def _verify_arrival(dst: Connection, src_chain: ChainReport, kept_since: str) -> ChainReport:
    from pcrm_desktop.db.audit_chain import verify
    chain = verify(dst, (), None, kept_since, accepted_keys(dst))
    same = (chain.ok, chain.checked, chain.last_id, chain.last_hash) == (
        True, src_chain.checked, src_chain.last_id, src_chain.last_hash)
    if not same:
        raise DatabaseError("copy_chain_broken", entry=chain.broken_id or "-",
                            problem=chain.problem or "다른 끝")
    return chain


def _finish(dst: Connection, report: CopyReport, entry: Callable[[CopyReport], AuditEntry] | None,
            started: float) -> CopyReport:
    """The copy recorded at the end of the copied chain (same transaction), and timed."""
    from pcrm_desktop.db.repositories import AuditRepository
    log_entry = None
    if entry is not None:
        AuditRepository(dst).add(entry(report), None)
        log_entry = dst.execute(text("SELECT max(id) FROM audit_log")).scalar()
    return replace(report, seconds=time.monotonic() - started, log_entry=log_entry)
