"""Checking the access log's hash chain (`pcrm audit verify`, the access-log page, the start),
re-anchoring it after an alarm was looked into, and moving its key to another PC.

Verification compares the chain with every witness of an earlier head it can read (db/
audit_witness): the anchor beside the database, the profile's copies, the heads recorded with
this database's backups since its last restore or re-anchor, and heads the caller gives (a
printed one). A witness that should be there and is missing or unreadable is an alarm; only an
admin's `reanchor`, logged in the chain with a reason, sets the witnesses anew.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypedDict

from pcrm_desktop.domain.audit import ChainReport, Witness
from pcrm_desktop.domain.errors import DomainError
from pcrm_desktop.domain.privacy import ADMIN_ROLES, AUDIT_ROLES, clean_reason, require_role
from pcrm_desktop.services.context import ServiceContext

# Entries after which the log's history was legitimately replaced: heads recorded before the
# newest of them describe the history it replaced.
EPOCH_ACTIONS = ("audit.reanchor", "backup.restore", "db.recover")


def verify_chain(ctx: ServiceContext, progress: Callable[[int], None] | None = None,
                 record: bool = True, expect: Iterable[tuple[int, str]] = ()) -> ChainReport:
    """Recompute every entry's hash from the chain's start and compare the chain with every
    witness. A good result moves the witnesses forward; with `record`, the check itself is
    logged (after it, so it does not check itself). `expect`: earlier heads (id, hash or its
    first 16+ hex digits) the chain must still hold, e.g. from a printed access-log report."""
    require_role(ctx.actor, AUDIT_ROLES, "audit.verify")
    from pcrm_desktop.domain.audit import PRINTED
    state = _state(ctx)
    witnesses = [Witness(f"{PRINTED}:{entry}", entry, digest) for entry, digest in expect]
    alarm = _gather(ctx, state, witnesses)
    with ctx.reading() as uow:   # the chain with every witness that could be read
        report = uow.audit.verify(witnesses, progress, _kept_since(ctx), state["accepted"])
    if report.ok and alarm is not None:   # a break in the chain says more than a missing file
        report = alarm
    head = (report.last_id, report.last_hash)
    if record:
        with ctx.uow_factory() as uow:
            outcome = "정상" if report.ok else f"손상: {report.broken_id}번 ({report.problem})"
            if report.witness and not report.ok:
                outcome += f" [{report.witness}]"
            ctx.audit(uow, "audit.verify", "audit_log", f"{report.checked:,}건 확인, {outcome}")
            uow.commit()
        with ctx.reading() as uow:
            newest_id, newest_hash = uow.audit.head()
        # (an empty log, checked: no head to move on from, and none written until the next)
        if report.ok and report.last_id is not None and newest_id == report.last_id + 1:
            # this check's own entry, written just now: cutting it is seen too
            head = (newest_id, newest_hash)
    head_id, head_hash = head
    if report.ok and ctx.database and head_id is not None:
        _write_heads(ctx, ctx.database, state, head_id, head_hash)
    return report


def guard_problems(ctx: ServiceContext) -> list[str]:
    """The log's protection that is missing or changed ("audit_log_no_delete: missing",
    "audit_log: UPDATE granted to pcrm_app"): the chain may still verify today, but nothing
    stops the next edit. Empty for a sound database (db/audit_schema)."""
    require_role(ctx.actor, AUDIT_ROLES, "audit.verify")
    with ctx.reading() as uow:
        return uow.audit.guard_problems()


def reanchor(ctx: ServiceContext, reason: str,
             progress: Callable[[int], None] | None = None) -> ChainReport:
    """Set the witnesses anew at the chain's current head, after an alarm was looked into (an
    anchor lost with a folder, a database replaced on purpose, a key that cannot be had): admins
    only, with a reason, logged in the chain with what the witnesses said before. The chain
    itself must be sound: re-anchoring never hides an edited entry. Entries signed with a key
    this PC lacks are accepted as they are, by name, in the same entry."""
    require_role(ctx.actor, ADMIN_ROLES, "audit.reanchor")
    reason = clean_reason(reason)
    from pcrm_desktop.db.audit_keys import load_key
    state = _state(ctx)
    missing = sorted({key_id for _, key_id in state["stretches"] if load_key(key_id) is None})
    with ctx.reading() as uow:
        report = uow.audit.verify((), progress, _kept_since(ctx), frozenset(missing))
    if not report.ok:
        raise DomainError("audit_reanchor_broken", entry=report.broken_id,
                          problem=report.problem)
    before = _witness_states(ctx, state)
    with ctx.uow_factory() as uow:
        detail = {"accepted_keys": missing, "head_before": [report.last_id, report.last_hash],
                  "witnesses_before": before}
        ctx.audit(uow, "audit.reanchor", "audit_log", json.dumps(detail, ensure_ascii=False),
                  reason=reason)
        uow.commit()
    with ctx.reading() as uow:
        head_id, head_hash = uow.audit.head()
    if ctx.database and head_id is not None:  # never None: the re-anchor's entry is the head
        _write_heads(ctx, ctx.database, _state(ctx), head_id, head_hash, replace=True,
                     note={"reanchored": reason})
    return ChainReport(True, report.checked + 1, report.first_id, head_id, head_hash,
                       accepted=report.accepted)


def export_key(ctx: ServiceContext, out: Path, reason: str) -> str:
    """Write this installation's key to a file for a PC that must verify this log (admins; the
    file is a secret). Its id."""
    require_role(ctx.actor, ADMIN_ROLES, "audit.key_export")
    reason = clean_reason(reason)
    from pcrm_desktop.db import audit_keys
    key_id, _ = audit_keys.installation_key()
    audit_keys.export_key(key_id, Path(out))
    with ctx.uow_factory() as uow:
        ctx.audit(uow, "audit.key_export", Path(out).name, f"키 {key_id}", reason=reason)
        uow.commit()
    return key_id


def import_key(ctx: ServiceContext, source: Path) -> str:
    """Keep another PC's key, so the entries it signed verify here too (admins). Its id."""
    require_role(ctx.actor, ADMIN_ROLES, "audit.key_import")
    from pcrm_desktop.db import audit_keys
    key_id = audit_keys.import_key(Path(source))
    with ctx.uow_factory() as uow:
        ctx.audit(uow, "audit.key_import", Path(source).name, f"키 {key_id}")
        uow.commit()
    return key_id


# --- what the database says about its own history ----------------------------------------------

class _State(TypedDict):
    database_id: str | None
    checked_before: bool                # verified or re-anchored at least once
    accepted: frozenset[str]            # keys the newest re-anchor accepted
    stretches: list[tuple[int, str]]    # (first entry, key id) of each key's stretch
    epoch: str                          # when the history was last replaced ("" never)


def _state(ctx: ServiceContext) -> _State:
    with ctx.reading() as uow:
        checked_before = uow.audit.has("audit.verify") or uow.audit.has("audit.reanchor")
        latest = [uow.audit.latest(action) for action in EPOCH_ACTIONS]  # (id, at, detail)
        return {"database_id": uow.audit.database_id(), "checked_before": checked_before,
                "accepted": _accepted(latest[0]), "stretches": uow.audit.key_stretches(),
                "epoch": max((at for _id, at, _detail in filter(None, latest)), default="")}


def _accepted(reanchored: tuple[int, str, str] | None) -> frozenset[str]:
    _id, _at, detail = reanchored or (0, "", "")
    try:
        keys = json.loads(detail).get("accepted_keys", []) if reanchored else []
    except (ValueError, AttributeError):
        keys = []
    return frozenset(k for k in keys if isinstance(k, str))


def _kept_since(ctx: ServiceContext) -> str:
    from pcrm_desktop.domain.retention import RULES, Kind, cutoff
    # Entries younger than the legal minimum (2 years) may never have been pruned.
    return cutoff(ctx.clock(), RULES[Kind.AUDIT_LOG].minimum_months).isoformat()


def _gather(ctx: ServiceContext, state: _State, witnesses: list[Witness]) -> ChainReport | None:
    """Add every readable witness to `witnesses`; an alarm report when one that should be
    there is missing, cannot be read, or belongs to another database at this path."""
    if not ctx.database:
        return None
    from pcrm_desktop.db import audit_witness
    database_id = state["database_id"]
    anchor = audit_witness.anchor(ctx.database)
    found = [anchor, *audit_witness.profile_witnesses(ctx.database, database_id)]
    for item in found:
        if item.state in ("unreadable", "folder"):
            return _alarm(f"witness_{item.state}", item.path)
        if item.state == "ok" and item.witness is not None:  # "ok": read, with its head
            if (item.record or {}).get("database_id") not in (None, database_id):
                return _alarm("witness_other", item.path)
            witnesses.append(item.witness)
    had = state["checked_before"] or any(item.state == "ok" for item in found[1:])
    if anchor.state == "absent" and had:
        return _alarm("witness_missing", anchor.path)
    witnesses += audit_witness.manifest_witnesses(ctx.database, database_id, state["epoch"])
    return None


def _alarm(problem: str, path: Path) -> ChainReport:
    return ChainReport(False, 0, None, None, "", None, problem, str(path))


def _witness_states(ctx: ServiceContext, state: _State) -> dict[str, int | str]:
    if not ctx.database:
        return {}
    from pcrm_desktop.db import audit_witness
    found = [audit_witness.anchor(ctx.database),
             *audit_witness.profile_witnesses(ctx.database, state["database_id"])]
    return {str(item.path): (item.witness.last_id if item.witness else item.state)
            for item in found}


def _write_heads(ctx: ServiceContext, database: Path, state: _State, last_id: int, last_hash: str,
                 replace: bool = False, note: dict[str, Any] | None = None) -> None:
    from pcrm_desktop.db.audit_witness import write_head
    try:
        write_head(database, state["database_id"], last_id, last_hash,
                   ctx.clock().isoformat(timespec="seconds"), state["stretches"], replace, note)
    except OSError as error:
        from pcrm_desktop.domain.errors import file_error
        if (refused := file_error(error, error.filename or database)) is None:
            raise
        raise refused from error
