"""The access log's hash chain: verify it, redact a detail without breaking it, move its start.

Verification reads the stored text itself (the time as SQLite holds it), streams the entries in
id order and recomputes every hash; it stops at the first entry that does not fit. An anchor (the
last id and hash seen by an earlier check, kept outside the database file) catches what a chain
alone cannot: entries cut off the end, or a chain recomputed from scratch after an edit.
"""
from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection

from pcrm_desktop.domain.audit import GENESIS, ChainReport, chain_hash, detail_digest

_ENTRIES = ("SELECT id, at, staff_id, actor, workstation, action, target, subject_id, reason, "
            "detail, detail_digest, hash FROM audit_log WHERE id >= ? ORDER BY id")


def chain_base(connection: Connection) -> tuple[int, bytes]:
    row = connection.exec_driver_sql(
        "SELECT first_id, prev_hash FROM audit_chain_base WHERE id = 1").first()
    return (row[0], bytes(row[1])) if row else (1, GENESIS)


def verify(connection: Connection, anchor: dict | None = None,
           progress: Callable[[int], None] | None = None,
           kept_since: str | None = None) -> ChainReport:
    """Check every entry from the chain's start. `anchor` ({"last_id", "hash"}) is an earlier
    check's result: that entry must still be there with the same hash.

    A start moved past entry 1 must be attested by the newest `audit.prune` entry (written in
    the same transaction as the move, so inside the chain): it names the new start, and the
    entries it removed must all be older than `kept_since` (the time text of the legal
    minimum's cut-off). So the beginning cannot be cut off quietly, nor while still kept."""
    first_id, prev = chain_base(connection)
    start_problem = _start_problem(connection, first_id, kept_since)
    expected_id, checked, last_id = first_id, 0, None
    anchor_id = anchor.get("last_id") if anchor else None
    anchor_hash = bytes.fromhex(anchor["hash"]) if anchor and anchor.get("hash") else None

    def broken(entry_id: int | None, problem: str) -> ChainReport:
        return ChainReport(False, checked, first_id, last_id, prev.hex(), entry_id, problem)

    if start_problem:
        return ChainReport(False, 0, first_id, None, prev.hex(), first_id, start_problem)
    cursor = connection.exec_driver_sql(_ENTRIES, (first_id,))
    for (entry_id, at, staff_id, actor, workstation, action, target, subject_id, reason,
         detail, stored_digest, stored_hash) in cursor:
        if entry_id != expected_id:
            # A gap (an entry deleted) or ids out of order.
            return broken(expected_id, "missing" if entry_id > expected_id else "order")
        if stored_digest is not None:
            if detail != "":
                return broken(entry_id, "detail")
            digest = bytes(stored_digest)
        else:
            digest = detail_digest(detail or "")
        expected = chain_hash(prev, entry_id, str(at), staff_id, actor, workstation, action,
                              target, subject_id, reason, digest)
        if stored_hash is None or bytes(stored_hash) != expected:
            return broken(entry_id, "edited")
        if entry_id == anchor_id and expected != anchor_hash:
            return broken(entry_id, "anchor")
        prev, last_id, checked, expected_id = expected, entry_id, checked + 1, entry_id + 1
        if progress is not None and checked % 100_000 == 0:
            progress(checked)
    if anchor_id is not None and (last_id is None or last_id < anchor_id):
        # The anchor saw entries that are no longer there: the end of the log was cut off.
        return broken((last_id or first_id - 1) + 1, "missing")
    return ChainReport(True, checked, first_id, last_id, prev.hex())


def _start_problem(connection: Connection, first_id: int, kept_since: str | None) -> str:
    if first_id <= 1:
        return ""
    row = connection.exec_driver_sql(
        "SELECT detail FROM audit_log WHERE action = 'audit.prune' AND id >= ? "
        "ORDER BY id DESC LIMIT 1", (first_id,)).first()
    try:
        attested = json.loads(row[0]) if row else {}
    except ValueError:
        attested = {}
    if not isinstance(attested, dict) or attested.get("first_id") != first_id:
        return "start"
    removed_to = attested.get("removed_to")
    if kept_since is not None and (not isinstance(removed_to, str) or removed_to >= kept_since):
        return "start"
    return ""


def redact(connection: Connection, entry_ids: list[int]) -> int:
    """Empty the details of these entries (a destroyed record's data), keeping each detail's
    digest so the chain still verifies. The append-only trigger allows exactly this change."""
    rows = []
    for start in range(0, len(entry_ids), 500):
        chunk = entry_ids[start:start + 500]
        marks = ",".join("?" * len(chunk))
        rows += connection.exec_driver_sql(
            f"SELECT id, detail FROM audit_log WHERE id IN ({marks}) AND detail_digest IS NULL "
            "AND detail != ''", tuple(chunk)).fetchall()
    if rows:
        connection.exec_driver_sql(
            "UPDATE audit_log SET detail = '', detail_digest = ? WHERE id = ?",
            [(detail_digest(detail), entry_id) for entry_id, detail in rows])
    return len(rows)


def move_start(connection: Connection, before_id: int, at: str) -> dict | None:
    """Remove the entries before `before_id` (their retention has ended): the chain's start moves
    to `before_id`, remembering the hash of the last entry removed. Returns what the caller
    must attest in an `audit.prune` entry in the same transaction ({"first_id", "removed_to",
    "count"}), or None when nothing went."""
    first_id, _ = chain_base(connection)
    if before_id <= first_id:
        return None
    last = connection.exec_driver_sql(
        "SELECT id, hash, at FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1",
        (before_id,)).first()
    if last is None:
        return None
    removed_to = connection.exec_driver_sql(
        "SELECT max(at) FROM audit_log WHERE id <= ?", (last[0],)).scalar()
    connection.exec_driver_sql(
        "UPDATE audit_chain_base SET first_id = ?, prev_hash = ?, updated_at = ? WHERE id = 1",
        (last[0] + 1, bytes(last[1]), at))
    count = connection.exec_driver_sql("DELETE FROM audit_log WHERE id <= ?", (last[0],)).rowcount
    return {"first_id": last[0] + 1, "removed_to": str(removed_to)[:19], "count": count}


def attestation(moved: dict) -> str:
    """The detail of the `audit.prune` entry that attests a moved start."""
    return json.dumps({"first_id": moved["first_id"], "removed_to": moved["removed_to"]})


# --- the anchor: the last verified head, kept beside the database, outside its file ----------

def anchor_path(database: Path) -> Path:
    return database.with_name(database.name + ".audit-anchor.json")


def read_anchor(database: Path) -> dict | None:
    try:
        data = json.loads(anchor_path(database).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) and isinstance(data.get("last_id"), int) else None


def write_anchor(database: Path, report: ChainReport, at: str) -> None:
    """Keep the newest verified head; an older report never moves the anchor back."""
    if not report.ok or report.last_id is None:
        return
    current = read_anchor(database)
    if current is not None and current["last_id"] >= report.last_id:
        return
    path = anchor_path(database)
    partial = path.with_name(path.name + ".part")
    partial.write_text(json.dumps({"last_id": report.last_id, "hash": report.last_hash,
                                   "at": at}), encoding="utf-8")
    os.replace(partial, path)
