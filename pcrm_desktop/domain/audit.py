"""Audit entries: who did what to whose data, from which workstation, and why; and the hash
chain that makes any later edit, deletion or re-ordering of the entries detectable."""
from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime

GENESIS = bytes(32)  # the "previous hash" of the very first entry
TIME_FORMAT = "%Y-%m-%d %H:%M:%S.%f"  # how SQLite stores the time; the chain hashes this text


@dataclass(frozen=True)
class Actor:
    """The staff member on whose behalf a service call runs."""

    staff_id: int | None
    login: str
    role: str
    workstation: str

    @classmethod
    def system(cls, workstation: str) -> Actor:
        """Used only before the first account exists (first-run set-up, `pcrm init`)."""
        return cls(staff_id=None, login="system", role="admin", workstation=workstation)


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    actor: str
    workstation: str
    action: str
    target: str
    detail: str = ""
    subject_id: int | None = None  # whose data: a citizen's id
    reason: str = ""               # required for exports and reveals


def subject_of(target: str) -> int | None:
    """A target naming a citizen ("citizen:12") is that citizen's data."""
    kind, _, key = target.partition(":")
    return int(key) if kind == "citizen" and key.isdigit() else None


def detail_digest(detail: str) -> bytes:
    return hashlib.sha256(detail.encode("utf-8")).digest()


def chain_hash(prev: bytes, entry_id: int, at_text: str, staff_id: int | None, actor: str,
               workstation: str, action: str, target: str, subject_id: int | None, reason: str,
               digest: bytes, key: bytes | None = None) -> bytes:
    """The hash over the previous entry's hash, this entry's fields and its detail's digest:
    HMAC-SHA256 with the installation's secret `key` (entries since migration 0011), plain
    SHA-256 for entries written before there was a key.

    The id is inside, so swapping two entries breaks the chain as surely as editing one; the
    detail enters by digest, so a detail destroyed with its record (retention) keeps the chain.
    With a key, recomputing the chain after an edit needs the secret, not just the file."""
    fields = json.dumps([entry_id, at_text, staff_id, actor, workstation, action, target,
                         subject_id, reason], ensure_ascii=False, separators=(",", ":"))
    if key is not None:   # one call: the C fast path, about as quick as the plain hash
        return hmac.digest(key, prev + fields.encode("utf-8") + digest, "sha256")
    h = hashlib.sha256(prev)
    h.update(fields.encode("utf-8"))
    h.update(digest)
    return h.digest()


@dataclass(frozen=True)
class ChainReport:
    """What `verify` found: ok, or the first entry that breaks the chain and why."""

    ok: bool
    checked: int
    first_id: int | None       # where the chain starts (after pruned entries)
    last_id: int | None
    last_hash: str             # hex, to write down or compare with an anchor
    broken_id: int | None = None
    problem: str = ""          # edited | missing | order | anchor | detail | start | key
    #                            | witness_missing | witness_unreadable | witness
    witness: str = ""          # which witness the chain contradicts, or which is missing
    accepted: int = 0          # entries whose key is not on this PC, accepted by a re-anchor
    witnesses: int = 0         # witnesses compared with the chain


PRINTED = "printed"   # the source of a head the caller gives (from a printed report)


@dataclass(frozen=True)
class Witness:
    """An earlier head of the chain kept somewhere else: the entry `last_id` had this hash (hex;
    a printed head may give only its first 16+ digits). `source` names where it was kept."""

    source: str
    last_id: int
    hash: str


@dataclass(frozen=True)
class LogQuery:
    """A list filter of the access log in the database's terms (the service resolves kinds,
    residents, flags; db/audit_queries.py turns it into SQL)."""
    start: datetime | None = None       # at >= start
    end: datetime | None = None         # at < end
    actor: str = ""
    actions: tuple[str, ...] = ()       # () = any action
    subjects: tuple[int, ...] | None = None   # None = anyone's data (or none); () = nothing
    ids: tuple[int, ...] | None = None        # None = every entry; () = nothing


def key_id_of(key: bytes) -> str:
    """A key's public name: lets the log say which secret made an entry without revealing it."""
    return hashlib.sha256(b"pcrm-audit-key\x00" + key).hexdigest()[:16]


def parse_head(text: str) -> tuple[int, str]:
    """An earlier head as printed ("ID:HASH", the hash whole or its first 16+ hex digits);
    ValueError when it is not one."""
    entry, _, digest = text.strip().partition(":")
    digest = digest.strip().lower()
    if not entry.strip().isdigit() or not 16 <= len(digest) <= 64 or \
            any(c not in "0123456789abcdef" for c in digest):
        raise ValueError(text)
    return int(entry), digest
