"""The access log's hash chain on a real database, a file or a server: it verifies, and it
breaks where someone with the database in hand (the file, or the server's owner role) edits,
deletes or re-orders entries behind the app's back."""
from __future__ import annotations

import json
import threading
from datetime import datetime
from pathlib import Path

import pytest

from pcrm_desktop.cli import main
from pcrm_desktop.db.audit_chain import at_text, move_start, redact, verify
from pcrm_desktop.db.audit_witness import anchor_path, read_anchor
from pcrm_desktop.services.audit_trail import verify_chain
from tests.audit_db import blob, refusal, rows, tamper


@pytest.fixture
def logged(admin_ctx):
    """Twenty entries after the set-up's own."""
    for n in range(20):
        with admin_ctx.uow_factory() as uow:
            admin_ctx.audit(uow, "citizen.view", f"citizen:{n + 1}", f"열람 {n}")
            uow.commit()
    return admin_ctx


def check(ctx):
    return verify_chain(ctx, record=False)


def test_an_untouched_log_verifies(logged, db_target):
    report = check(logged)
    total = rows(db_target, "SELECT count(*), min(id), max(id) FROM audit_log")[0]
    assert report.ok and (report.checked, report.first_id, report.last_id) == total
    assert len(report.last_hash) == 64


def test_the_guards_refuse_edits_and_deletions_through_sql(logged, db_target):
    for statement in ("UPDATE audit_log SET actor = 'someone' WHERE id = 5",
                      "UPDATE audit_log SET detail = '' WHERE id = 5",  # no digest kept
                      "DELETE FROM audit_log WHERE id = 5",
                      "DELETE FROM audit_log"):
        assert "append-only" in (refusal(db_target, statement) or "")


@pytest.mark.parametrize("statement, broken, problem", [
    ("UPDATE audit_log SET actor = 'lee' WHERE id = 7", 7, "edited"),
    ("UPDATE audit_log SET detail = '열람 없음' WHERE id = 9", 9, "edited"),
    ("UPDATE audit_log SET at = '2026-01-01 09:00:00.000000' WHERE id = 11", 11, "edited"),
    ("UPDATE audit_log SET reason = '업무' WHERE id = 12", 12, "edited"),
    ("UPDATE audit_log SET subject_id = 99 WHERE id = 13", 13, "edited"),
    ("DELETE FROM audit_log WHERE id = 8", 8, "missing"),
    ("UPDATE audit_log SET detail = '', detail_digest = {zeros} WHERE id = 10", 10, "edited"),
])
def test_a_change_in_the_file_is_found_at_its_entry(logged, db_target, statement, broken, problem):
    tamper(db_target, statement.format(zeros=blob(db_target, bytes(32))))
    report = check(logged)
    assert not report.ok and (report.broken_id, report.problem) == (broken, problem)
    assert report.checked == broken - 1


def test_swapping_two_entries_is_found(logged, db_target):
    # Swap entries 6 and 7 whole (hash included): each is intact but out of its place.
    tamper(db_target,
           "UPDATE audit_log SET id = -6 WHERE id = 6",
           "UPDATE audit_log SET id = 6 WHERE id = 7",
           "UPDATE audit_log SET id = 7 WHERE id = -6")
    report = check(logged)
    assert not report.ok and report.broken_id == 6 and report.problem == "edited"


@pytest.mark.sqlite_only("the anchor is a file beside the database file")
def test_cutting_off_the_end_is_found_by_the_anchor(logged, db_path):
    """Exactly one entry cut off the end (an off-by-one in the comparison would pass it)."""
    assert check(logged).ok
    anchor = read_anchor(db_path)
    last = rows(db_path, "SELECT max(id) FROM audit_log")[0][0]
    assert anchor_path(db_path).exists() and anchor["last_id"] == last
    tamper(db_path, f"DELETE FROM audit_log WHERE id = {last}")
    report = check(logged)
    assert not report.ok and (report.broken_id, report.problem) == (last, "missing")
    assert report.checked == last - 1


def recompute(db: str | Path, key: bytes | None) -> None:
    """Rewrite every hash from the first entry, with `key` (None: plain SHA-256 as before)."""
    from pcrm_desktop.domain.audit import GENESIS, chain_hash, detail_digest
    prev, hashes = GENESIS, []
    for (entry_id, at, staff_id, actor, ws, action, target, subject, reason,
         detail) in rows(db, "SELECT id, at, staff_id, actor, workstation, action, target, "
                             "subject_id, reason, detail FROM audit_log ORDER BY id"):
        prev = chain_hash(prev, entry_id, at_text(at), staff_id, actor, ws, action, target,
                          subject, reason, detail_digest(detail), key)
        hashes.append((prev, entry_id))
    for digest, entry_id in hashes:
        tamper(db, "UPDATE audit_log SET hash = :h WHERE id = :i", h=digest, i=entry_id)


def test_a_chain_recomputed_without_the_key_breaks_at_its_first_keyed_entry(logged, db_target):
    """The database alone is not enough to rewrite the log: the entries are signed with the
    installation's secret, which is not in the database nor in its folder."""
    tamper(db_target, "UPDATE audit_log SET actor = 'lee' WHERE id = 3")
    recompute(db_target, None)
    if not str(db_target).startswith("postgresql"):
        anchor_path(Path(db_target)).unlink(missing_ok=True)
    report = check(logged)
    assert not report.ok and (report.broken_id, report.problem) == (1, "edited")


@pytest.mark.sqlite_only("the anchor is a file beside the database file")
def test_a_chain_recomputed_with_the_key_is_found_by_the_anchor(logged, db_path):
    """Someone who also has the secret (the account's own files): the anchor, kept outside the
    file, still tells a rewritten log from the real one."""
    from pcrm_desktop.db.audit_keys import installation_key
    assert check(logged).ok
    tamper(db_path, "UPDATE audit_log SET actor = 'lee' WHERE id = 3")
    recompute(db_path, installation_key()[1])
    report = check(logged)
    assert not report.ok and report.problem == "anchor"


def test_redacting_a_detail_keeps_the_chain(logged, backend, db_target):
    with backend.migration.engine.begin() as conn:
        assert redact(conn, [5, 6]) == 2
    assert rows(db_target, "SELECT detail, length(detail_digest) FROM audit_log WHERE id IN (5, 6)"
                " ORDER BY id") == [("", 32), ("", 32)]
    assert check(logged).ok


def _prune(ctx, before_id: int) -> dict:
    """A retention run's move of the start, attested in the same transaction."""
    from pcrm_desktop.db.audit_chain import attestation
    with ctx.uow_factory() as uow:
        moved = move_start(uow.connection, before_id, "2029-01-01 00:00:00.000000")
        ctx.audit(uow, "audit.prune", "audit_log", attestation(moved))
        uow.commit()
    return moved


def test_an_attested_prune_of_old_entries_keeps_the_chain(logged, backend, db_target):
    moved = _prune(logged, 10)
    assert (moved["count"], moved["first_id"]) == (9, 10)
    assert rows(db_target, "SELECT min(id) FROM audit_log") == [(10,)]
    with backend.migration.engine.connect() as conn:
        # the removed entries were older than the cut-off: fine
        report = verify(conn, kept_since="2100-01-01")
        assert report.ok and report.first_id == 10
        # …but entries still within the legal minimum must never have gone
        report = verify(conn, kept_since="2000-01-01")
        assert not report.ok and (report.broken_id, report.problem) == (10, "start")


def test_cutting_off_the_start_without_a_retention_run_is_found(logged, db_target):
    """The reviewer's attack: move the chain's base past the first entries and delete them.
    The anchor and the head hash still match; the missing attestation gives it away."""
    assert check(logged).ok
    head = bytes(rows(db_target, "SELECT hash FROM audit_log WHERE id = 7")[0][0])
    tamper(db_target, "UPDATE audit_chain_base SET first_id = 8, prev_hash = :head WHERE id = 1",
           "DELETE FROM audit_log WHERE id < 8",
           guards=(("audit_chain_base_forward", "audit_chain_base"),), head=head)
    report = check(logged)
    assert not report.ok and (report.broken_id, report.problem) == (8, "start")


def test_the_start_only_moves_forward(logged, db_target):
    _prune(logged, 5)
    for statement in ("UPDATE audit_chain_base SET first_id = 1 WHERE id = 1",
                      "DELETE FROM audit_chain_base"):
        assert "only moves forward" in (refusal(db_target, statement) or "")


def test_new_entries_after_a_verification_keep_verifying(logged):
    assert check(logged).ok
    with logged.uow_factory() as uow:
        logged.audit(uow, "citizen.view", "citizen:1")
        uow.commit()
    assert check(logged).ok


def test_the_command_exits_non_zero_with_the_first_broken_entry(capsys, logged, db_target,
                                                                monkeypatch):
    monkeypatch.setenv("PCRM_USER", "hong")
    code = main(["audit", "verify", "--db", db_target, "--json"])
    good = json.loads(capsys.readouterr().out)
    assert code == 0 and good["ok"] and good["broken_id"] is None
    tamper(db_target, "UPDATE audit_log SET target = 'citizen:999' WHERE id = 4")
    code = main(["audit", "verify", "--db", db_target])
    out = capsys.readouterr().out
    assert code == 1 and "4번 기록부터" in out and "기록 내용이 바뀌었습니다" in out
    code = main(["audit", "verify", "--db", db_target, "--json"])
    bad = json.loads(capsys.readouterr().out)
    assert (code, bad["ok"], bad["broken_id"], bad["problem"]) == (1, False, 4, "edited")


def test_an_entry_at_zero_microseconds_verifies_after_the_round_trip(admin_ctx, db_target):
    """str(datetime) drops ".000000": the hash covers the canonical text, the same on both."""
    from dataclasses import replace
    at = datetime(2026, 5, 4, 9, 0, 0)
    ctx = replace(admin_ctx, clock=lambda: at)
    with ctx.uow_factory() as uow:
        ctx.audit(uow, "citizen.view", "citizen:1", "정각")
        uow.commit()
    stored = rows(db_target, "SELECT at FROM audit_log WHERE detail = '정각'")[0][0]
    assert at_text(stored) == "2026-05-04 09:00:00.000000"
    with ctx.reading() as uow:
        assert uow.audit.recent(1)[0].at == at
    report = check(admin_ctx)
    assert report.ok and report.checked == rows(db_target, "SELECT count(*) FROM audit_log")[0][0]


def test_appends_from_many_writers_at_once_are_all_kept_in_one_chain(admin_ctx, db_target):
    """Three writers, forty entries each, at the same time (a server serializes appends with an
    advisory lock; SQLite with its write lock): every one committed, ids unique and without
    gaps, the chain intact."""
    before = rows(db_target, "SELECT count(*), max(id) FROM audit_log")[0]
    failures: list[BaseException] = []
    start = threading.Barrier(3)

    def write(writer: int) -> None:
        try:
            start.wait()
            for n in range(40):
                with admin_ctx.uow_factory() as uow:
                    admin_ctx.audit(uow, "citizen.view", f"citizen:{n + 1}", f"창구 {writer}-{n}")
                    uow.commit()
        except BaseException as error:   # noqa: BLE001 - reported below
            failures.append(error)

    threads = [threading.Thread(target=write, args=(w,)) for w in range(3)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    count, first, last = rows(db_target, "SELECT count(*), min(id), max(id) FROM audit_log")[0]
    assert count == before[0] + 120 and last == before[1] + 120 and last - first + 1 == count
    written = rows(db_target, "SELECT detail FROM audit_log WHERE detail LIKE '창구 %'")
    assert sorted(d for (d,) in written) == sorted(f"창구 {w}-{n}" for w in range(3)
                                                   for n in range(40))
    report = check(admin_ctx)
    assert report.ok and report.checked == count


def test_the_command_names_a_dropped_guard_even_while_the_chain_holds(capsys, logged, db_target,
                                                                      monkeypatch):
    """`pcrm audit verify` on either backend: the chain intact, but a trigger gone (or, on a
    server, switched off): exit 1 with the guard named, as `pcrm check` names it."""
    from tests.audit_db import is_server
    monkeypatch.setenv("PCRM_USER", "hong")
    assert main(["audit", "verify", "--db", db_target, "--json"]) == 0
    capsys.readouterr()
    tamper(db_target)   # the entry guards dropped, nothing else
    code = main(["audit", "verify", "--db", db_target, "--json"])
    summary = json.loads(capsys.readouterr().out)
    assert code == 1 and not summary["ok"] and summary["broken_id"] is None
    assert {"audit_log_append_only: missing", "audit_log_no_delete: missing"} \
        <= set(summary["access_log_guards"])
    assert main(["audit", "verify", "--db", db_target]) == 1
    assert "접속기록 보호 장치" in capsys.readouterr().out
    if is_server(db_target):
        tamper(db_target, "ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_truncate", guards=())
        main(["audit", "verify", "--db", db_target, "--json"])
        assert "audit_log_no_truncate: disabled" in json.loads(
            capsys.readouterr().out)["access_log_guards"]
