"""The access log's hash chain: verify it, redact a detail without breaking it, move its start.

Verification reads the stored values themselves, streams the entries in id order and
recomputes every hash over a canonical text of each (`at_text`: the time as SQLite holds it,
the same text from a server's timestamp, so an entry at zero microseconds keeps its hash),
each with the key that signed it (db/audit_keys); it stops at the first entry that does not
fit. Witnesses (earlier heads kept outside the database file,
db/audit_witness) catch what a chain alone cannot: entries cut off the end, or a chain
recomputed from scratch after an edit.
"""
from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Callable, Iterable
from datetime import datetime

from sqlalchemy import Connection, text

from pcrm_desktop.db.audit_keys import load_key
from pcrm_desktop.domain.audit import (
    GENESIS,
    TIME_FORMAT,
    ChainReport,
    Witness,
    chain_hash,
    detail_digest,
)

ANCHOR = "anchor"   # the witness beside the database file

_ENTRIES = text("SELECT id, at, staff_id, actor, workstation, action, target, subject_id, "
                "reason, detail, detail_digest, hash FROM audit_log WHERE id >= :first ORDER BY id")


def at_text(at: datetime | str) -> str:
    """The canonical text of an entry's time, the one its hash covers: a server's timestamp
    (a datetime) as domain.audit.TIME_FORMAT, always with six digits of microseconds (what the
    append hashed; `str(datetime)` drops ".000000", a false alarm); SQLite's stored text as it
    is (written in that format; files chained before keep their hashes)."""
    return at.strftime(TIME_FORMAT) if isinstance(at, datetime) else str(at)


def chain_base(connection: Connection) -> tuple[int, bytes]:
    row = connection.execute(text(
        "SELECT first_id, prev_hash FROM audit_chain_base WHERE id = 1")).first()
    return (row[0], bytes(row[1])) if row else (1, GENESIS)


def key_stretches(connection: Connection) -> list[tuple[int, str]]:
    """(first entry, key id) of each stretch of the chain signed with one key, in order."""
    return [(row[0], row[1]) for row in connection.execute(text(
        "SELECT from_id, key_id FROM audit_chain_keys ORDER BY from_id"))]


def verify(connection: Connection, witnesses: Iterable[Witness] = (),
           progress: Callable[[int], None] | None = None,
           kept_since: str | None = None, accepted: frozenset[str] = frozenset()) -> ChainReport:
    """Check every entry from the chain's start, each with the key that signed it (none before
    the first key stretch). Every witness must agree: its entry still there with its hash.
    A stretch whose key is not on this PC breaks the chain (`key`) unless an admin accepted
    that key (`accepted`, from the newest `audit.reanchor`): its entries are then taken as
    stored and counted in `accepted`.

    A start moved past entry 1 must be attested by the newest `audit.prune` entry (written in
    the same transaction as the move, so inside the chain): it names the new start, and the
    entries it removed must all be older than `kept_since` (the time text of the legal
    minimum's cut-off). So the beginning cannot be cut off quietly, nor while still kept."""
    first_id, prev = chain_base(connection)
    start_problem = _start_problem(connection, first_id, kept_since)
    expected_id, checked, last_id, taken = first_id, 0, None, 0
    seen: dict[int, list[Witness]] = {}
    for witness in witnesses:
        if witness.last_id >= first_id:   # heads older than the start cannot be checked now
            seen.setdefault(witness.last_id, []).append(witness)
    stretches = key_stretches(connection)
    keys = {key_id: load_key(key_id) for _, key_id in stretches}
    bounds = [start for start, _ in stretches]

    def broken(entry_id: int | None, problem: str, source: str = "") -> ChainReport:
        return ChainReport(False, checked, first_id, last_id, prev.hex(), entry_id, problem,
                           source, taken, len(seen))

    if start_problem:
        return ChainReport(False, 0, first_id, None, prev.hex(), first_id, start_problem)
    # streamed (a server-side cursor on a server: 10,000,000 entries are not held in memory)
    cursor = connection.execute(_ENTRIES.execution_options(stream_results=True, yield_per=2000),
                                dict(first=first_id))
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
        stretch = bisect_right(bounds, entry_id) - 1
        key_id = stretches[stretch][1] if stretch >= 0 else None
        key = keys.get(key_id) if key_id else None
        if key_id and key is None:
            if key_id not in accepted or stored_hash is None:
                return broken(entry_id, "key", key_id)
            expected, taken = bytes(stored_hash), taken + 1
        else:
            expected = chain_hash(prev, entry_id, at_text(at), staff_id, actor, workstation, action,
                                  target, subject_id, reason, digest, key)
            if stored_hash is None or bytes(stored_hash) != expected:
                return broken(entry_id, "edited")
        for witness in seen.get(entry_id, ()):
            if not expected.hex().startswith(witness.hash.lower()):
                return broken(entry_id, _contradiction(witness), witness.source)
        prev, last_id, checked, expected_id = expected, entry_id, checked + 1, entry_id + 1
        if progress is not None and checked % 100_000 == 0:
            progress(checked)
    beyond = [w for ids, ws in seen.items() if last_id is None or ids > last_id for w in ws]
    if beyond:
        # A witness saw entries that are no longer there: the end of the log was cut off.
        return broken((last_id or first_id - 1) + 1, "missing", min(
            beyond, key=lambda w: w.last_id).source)
    return ChainReport(True, checked, first_id, last_id, prev.hex(), accepted=taken,
                       witnesses=sum(len(ws) for ws in seen.values()))


def _contradiction(witness: Witness) -> str:
    return "anchor" if witness.source.partition(":")[0] == ANCHOR else "witness"


def _start_problem(connection: Connection, first_id: int, kept_since: str | None) -> str:
    if first_id <= 1:
        return ""
    row = connection.execute(text(
        "SELECT detail FROM audit_log WHERE action = 'audit.prune' AND id >= :first "
        "ORDER BY id DESC LIMIT 1"), dict(first=first_id)).first()
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
        params = {f"i{n}": entry_id for n, entry_id in enumerate(chunk)}
        marks = ", ".join(f":{name}" for name in params)
        rows += connection.execute(text(
            f"SELECT id, detail FROM audit_log WHERE id IN ({marks}) AND detail_digest IS NULL "
            "AND detail != ''"), params).fetchall()
    if rows:
        connection.execute(
            text("UPDATE audit_log SET detail = '', detail_digest = :digest WHERE id = :id"),
            [dict(digest=detail_digest(detail), id=entry_id) for entry_id, detail in rows])
    return len(rows)


def move_start(connection: Connection, before_id: int, at: str) -> dict | None:
    """Remove the entries before `before_id` (their retention has ended): the chain's start moves
    to `before_id`, remembering the hash of the last entry removed. Returns what the caller
    must attest in an `audit.prune` entry in the same transaction ({"first_id", "removed_to",
    "count"}), or None when nothing went."""
    first_id, _ = chain_base(connection)
    if before_id <= first_id:
        return None
    last = connection.execute(text(
        "SELECT id, hash, at FROM audit_log WHERE id < :before ORDER BY id DESC LIMIT 1"),
        dict(before=before_id)).first()
    if last is None:
        return None
    removed_to = connection.execute(text(
        "SELECT max(at) FROM audit_log WHERE id <= :last"), dict(last=last[0])).scalar()
    connection.execute(text(
        "UPDATE audit_chain_base SET first_id = :first, prev_hash = :prev, updated_at = :at "
        "WHERE id = 1"), dict(first=last[0] + 1, prev=bytes(last[1]), at=at))
    count = connection.execute(text("DELETE FROM audit_log WHERE id <= :last"),
                               dict(last=last[0])).rowcount
    return {"first_id": last[0] + 1, "removed_to": at_text(removed_to)[:19], "count": count}


def attestation(moved: dict) -> str:
    """The detail of the `audit.prune` entry that attests a moved start."""
    return json.dumps({"first_id": moved["first_id"], "removed_to": moved["removed_to"]})
