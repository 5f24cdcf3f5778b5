"""Backups of an office's PostgreSQL database: `pg_dump -Fc` when the client tools are on this
PC (checked with `pg_restore --list`), else the app's own logical export of every table (gzip,
one JSON line per row), checked by reading it back whole. Restoring a dump goes into an EMPTY
database only (`pg_restore`), never over an office's data.

(A file's backups are db/backup/: SQLite's online backup API.)"""
from __future__ import annotations

import base64
import gzip
import json
import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Connection, text
from sqlalchemy.engine import make_url

from pcrm_desktop.db.engine import location_label, make_engine, server_errors
from pcrm_desktop.domain.errors import DatabaseError

PG_DUMP = "pg_dump"
LOGICAL = "logical"
LOGICAL_MAGIC = "pcrm-logical-backup"
CLIENT_DIRS = ("/usr/lib/postgresql/17/bin", "/usr/lib/postgresql/16/bin",
               "/usr/lib/postgresql/15/bin", "C:/Program Files/PostgreSQL/17/bin",
               "C:/Program Files/PostgreSQL/16/bin", "C:/Program Files/PostgreSQL/15/bin")


@dataclass(frozen=True)
class ServerBackup:
    path: Path
    kind: str            # PG_DUMP or LOGICAL
    size_bytes: int
    tables: int          # tables in the backup (a dump's list, or the export's)
    rows: int | None     # rows read back (the logical export; a dump's list has no counts)
    seconds: float


def client_tool(name: str) -> str | None:
    """pg_dump / pg_restore of this PC (PATH first, then the usual install folders)."""
    found = shutil.which(name)
    if found:
        return found
    for folder in CLIENT_DIRS:
        for candidate in (Path(folder) / name, Path(folder) / f"{name}.exe"):
            if candidate.is_file():
                return str(candidate)
    return None


def _libpq(url: str) -> tuple[str, dict[str, str]]:
    """The URL as libpq takes it (no "+psycopg"), its password in PGPASSWORD, not on the
    command line (where `ps` would show it)."""
    parsed = make_url(url)
    env = dict(os.environ)
    if parsed.password:
        env["PGPASSWORD"] = str(parsed.password)
    plain = parsed.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def backup(url: str, out: Path, prefer: str = PG_DUMP) -> ServerBackup:
    """A verified backup of the server database at `url` in `out` (written beside, then renamed:
    a failure leaves no half file)."""
    started = time.monotonic()
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    tool = client_tool("pg_dump") if prefer == PG_DUMP else None
    try:
        if tool is not None:
            _pg_dump(tool, url, partial)
            tables, rows, kind = verify_dump(partial), None, PG_DUMP
        else:
            written = _logical_export(url, partial)
            tables, rows = verify_logical(partial)
            if rows != written:
                raise DatabaseError("backup_damaged", name=out.name, detail="행 수가 다릅니다")
            kind = LOGICAL
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
    return ServerBackup(out, kind, out.stat().st_size, tables, rows, time.monotonic() - started)


def _pg_dump(tool: str, url: str, out: Path) -> None:
    target, env = _libpq(url)
    done = subprocess.run([tool, "--format=custom", "--no-owner", "--no-privileges",
                           f"--file={out}", f"--dbname={target}"],
                          env=env, capture_output=True, text=True, timeout=3600)
    if done.returncode != 0:
        raise DatabaseError("backup_failed", detail=_first_line(done.stderr))


def verify_dump(path: Path) -> int:
    """The number of tables whose data a pg_dump archive holds, read by `pg_restore --list`
    (the whole table of contents: a truncated or foreign file fails)."""
    tool = client_tool("pg_restore")
    if tool is None:
        raise DatabaseError("backup_failed", detail="pg_restore가 없습니다")
    done = subprocess.run([tool, "--list", str(path)], capture_output=True, text=True,
                          timeout=600)
    if done.returncode != 0:
        raise DatabaseError("backup_damaged", name=path.name, detail=_first_line(done.stderr))
    tables = [line for line in done.stdout.splitlines() if " TABLE DATA " in line]
    if not any(" audit_log " in line for line in tables):
        raise DatabaseError("backup_not_pcrm", name=path.name)
    return len(tables)


def _first_line(text_: str) -> str:
    return next((line for line in text_.splitlines() if line.strip()), "")[:300]


# --- the logical export ------------------------------------------------------------------------
def _tables(conn: Connection) -> list[str]:
    from pcrm_desktop.db.tables import metadata
    names = [t.name for t in metadata.sorted_tables]
    present = {row[0] for row in conn.execute(text(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"))}
    return [n for n in names if n in present] + [n for n in ("citizen_fts", "alembic_version")
                                                 if n in present]


def _plain(value: object) -> object:
    if isinstance(value, (datetime, date)):
        return {"t": value.isoformat()}
    if isinstance(value, (bytes, memoryview)):
        return {"b": base64.b64encode(bytes(value)).decode("ascii")}
    return value


def _logical_export(url: str, out: Path) -> int:
    engine = make_engine(url)
    rows = 0
    try:
        with server_errors(location_label(engine)), engine.connect() as conn, \
                gzip.open(out, "wt", encoding="utf-8") as sink:
            # one snapshot of every table (REPEATABLE READ), so the export is consistent
            conn.exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            tables = _tables(conn)
            sink.write(json.dumps({"format": LOGICAL_MAGIC, "tables": tables}) + "\n")
            for table in tables:
                result = conn.execution_options(stream_results=True, max_row_buffer=2000).execute(
                    text(f'SELECT * FROM "{table}"'))
                sink.write(json.dumps({"table": table, "columns": list(result.keys())}) + "\n")
                for row in result:
                    sink.write(json.dumps([_plain(v) for v in row], ensure_ascii=False) + "\n")
                    rows += 1
            sink.write(json.dumps({"end": rows}) + "\n")
    finally:
        engine.dispose()
    return rows


def verify_logical(path: Path) -> tuple[int, int]:
    """(tables, rows) of a logical export read back whole: every line parses, every table named
    in its header is there, and the count at the end matches the rows read."""
    try:
        with gzip.open(path, "rt", encoding="utf-8") as source:
            header = json.loads(source.readline())
            if header.get("format") != LOGICAL_MAGIC:
                raise DatabaseError("backup_not_pcrm", name=path.name)
            seen, rows, end = [], 0, None
            for line in source:
                item = json.loads(line)
                if isinstance(item, list):
                    rows += 1
                elif "table" in item:
                    seen.append(item["table"])
                elif "end" in item:
                    end = item["end"]
    except (OSError, EOFError, ValueError) as error:
        raise DatabaseError("backup_damaged", name=path.name, detail=str(error)) from error
    if end != rows or seen != header["tables"]:
        raise DatabaseError("backup_damaged", name=path.name, detail="끝까지 쓰이지 않았습니다")
    return len(seen), rows


# --- restoring a dump into an empty database ---------------------------------------------------
def restore_dump(url: str, path: Path) -> int:
    """Restore a pg_dump archive into the EMPTY server database at `url` (refused otherwise:
    DatabaseError restore_target_not_empty); one transaction, so a failure leaves it empty.
    Returns the number of tables restored. The server is asked first (a server that is not
    there says so before anything about the file)."""
    engine = make_engine(url)
    try:
        with server_errors(location_label(engine)), engine.connect() as conn:
            count = conn.execute(text(
                "SELECT count(*) FROM information_schema.tables"
                " WHERE table_schema = current_schema()")).scalar()
    finally:
        engine.dispose()
    if count:
        raise DatabaseError("restore_target_not_empty", server=location_label(engine))
    tables = verify_dump(path)
    tool = client_tool("pg_restore")
    assert tool is not None  # verify_dump found it
    target, env = _libpq(url)
    done = subprocess.run([tool, "--no-owner", "--no-privileges", "--single-transaction",
                           "--exit-on-error", f"--dbname={target}", str(path)],
                          env=env, capture_output=True, text=True, timeout=3600)
    if done.returncode != 0:
        raise DatabaseError("restore_failed", detail=_first_line(done.stderr))
    return tables
