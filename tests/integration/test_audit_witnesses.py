"""Attacks on the access log by someone with the database file and its folder in hand (issue 17):
every one ends with `pcrm audit verify` exiting 1, and the only way back to 0 is an admin's
logged re-anchor with a reason."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from pcrm_desktop.cli import main
from pcrm_desktop.db import audit_keys
from pcrm_desktop.db.audit_witness import anchor_path, profile_paths, read_anchor
from pcrm_desktop.services import audit_trail
from tests.dbutil import rows
from tests.integration.test_audit_chain import recompute, tamper

# The anchor lives beside the database file and the profile's witnesses are named by the file's
# path; a server's guards and grants are tested in test_server_roles and test_audit_chain.
pytestmark = pytest.mark.sqlite_only("witnesses are files beside the database file, and the "
                                     "tampering here is the sqlite3 tool's")


@pytest.fixture
def logged(admin_ctx):
    for n in range(12):
        with admin_ctx.uow_factory() as uow:
            admin_ctx.audit(uow, "citizen.view", f"citizen:{n + 1}", f"열람 {n}")
            uow.commit()
    return admin_ctx


@pytest.fixture
def verify(capsys, monkeypatch, db_path):
    """`pcrm audit verify` as the admin: (exit code, the JSON summary, the Korean text)."""
    monkeypatch.setenv("PCRM_USER", "hong")

    def run(*extra: str) -> tuple[int, dict, str]:
        code = main(["audit", "verify", "--db", str(db_path), "--json", *extra])
        summary = json.loads(capsys.readouterr().out)
        code_text = main(["audit", "verify", "--db", str(db_path), *extra])
        text = capsys.readouterr().out
        assert code_text == code
        return code, summary, text
    return run


def last_id(db: Path) -> int:
    return rows(db, "SELECT max(id) FROM audit_log")[0][0]


def test_a_good_check_leaves_witnesses_beside_the_file_and_in_the_profile(logged, db_path, verify):
    report = audit_trail.verify_chain(logged)
    assert report.ok
    # the witnesses hold the head: this check's own entry, just written after the entries checked
    head = rows(db_path, "SELECT id, hex(hash) FROM audit_log ORDER BY id DESC LIMIT 1")[0]
    assert head[0] == report.last_id + 1
    database_id = rows(db_path, "SELECT database_id FROM database_identity")[0][0]
    paths = profile_paths(db_path, database_id)
    assert len(paths) == 2 and all(p.is_file() for p in paths)
    assert not any(db_path.parent in p.parents for p in paths)   # outside the database's folder
    for path in [anchor_path(db_path), *paths]:
        record = json.loads(path.read_text(encoding="utf-8"))
        assert (record["last_id"], record["hash"]) == (head[0], head[1].lower())
    code, summary, _ = verify()
    assert code == 0 and summary["witnesses"] == 3


def test_a_newest_entry_deleted_with_the_anchor_removed_is_an_alarm(logged, db_path, verify):
    """Attack (a): the attacker's own export, the newest entry, deleted with the triggers
    dropped, and the anchor beside the database removed."""
    assert verify()[0] == 0
    with logged.uow_factory() as uow:
        logged.audit(uow, "citizen.export", "citizens.xlsx", "300명", reason="업무")
        uow.commit()
    tamper(db_path, f"DELETE FROM audit_log WHERE id = {last_id(db_path)}")
    anchor_path(db_path).unlink()
    code, summary, text = verify()
    assert code == 1 and summary["problem"] == "witness_missing"
    assert "기준점 파일이 없습니다" in text and str(anchor_path(db_path)) in text


def test_an_older_anchor_put_back_after_a_cut_is_caught_by_the_profile(logged, db_path, verify):
    """The folder's anchor replaced by an older, genuine one after exactly one entry was cut
    (the newest: the last check's own entry, which the witnesses hold): the profile's copy,
    outside that folder, still knows the newer head."""
    assert verify()[0] == 0
    older = anchor_path(db_path).read_text(encoding="utf-8")
    assert verify()[0] == 0
    head = last_id(db_path)
    tamper(db_path, f"DELETE FROM audit_log WHERE id = {head}")
    anchor_path(db_path).write_text(older, encoding="utf-8")
    code, summary, text = verify()
    # (the command's own sign-in entry takes the cut entry's number: a different entry there)
    assert code == 1 and summary["broken_id"] == head
    assert summary["problem"] in ("missing", "witness") and summary["witness"].startswith("profile:")


@pytest.mark.parametrize("content", ["garbage", "", '{"last_id": "12", "hash": "ab"}',
                                     '{"last_id": 3}', "[1, 2]", '{"last_id": true, "hash": "x"}'])
def test_a_garbage_anchor_is_an_alarm(logged, db_path, verify, content):
    """Attack (b)."""
    assert verify()[0] == 0
    anchor_path(db_path).write_text(content, encoding="utf-8")
    code, summary, text = verify()
    assert code == 1 and summary["problem"] == "witness_unreadable"
    assert "읽을 수 없습니다" in text and "예기치 않은 오류" not in text


def test_an_anchor_that_is_a_folder_is_named(logged, db_path, verify):
    assert verify()[0] == 0
    anchor_path(db_path).unlink()
    anchor_path(db_path).mkdir()
    code, summary, text = verify()
    assert code == 1 and summary["problem"] == "witness_folder"
    assert "폴더" in text and str(anchor_path(db_path)) in text


def test_an_edit_recomputed_with_sha256_and_the_anchor_removed_fails(logged, db_path, verify):
    """Attack (c): an entry edited, the chain recomputed as it was computed before it was
    keyed, the anchor removed."""
    assert verify()[0] == 0
    tamper(db_path, "UPDATE audit_log SET target = 'citizen:99' WHERE id = 5")
    recompute(db_path, None)
    anchor_path(db_path).unlink()
    assert verify()[0] == 1
    # even on a database that was never checked (no witness anywhere), the keyed chain breaks
    for path in profile_paths(db_path, rows(db_path, "SELECT database_id FROM database_identity")[0][0]):
        path.unlink()
    code, summary, _ = verify()
    assert code == 1 and summary["problem"] == "edited"


def test_a_huge_anchor_fails_until_an_admin_reanchors_with_a_reason(logged, db_path, verify,
                                                                    capsys):
    assert verify()[0] == 0
    anchor_path(db_path).write_text(json.dumps({"last_id": 10**12, "hash": "ab" * 32}),
                                    encoding="utf-8")
    code, summary, _ = verify()
    assert code == 1 and summary["problem"] == "missing"
    assert verify()[0] == 1                        # no way out by checking again
    # without a reason: refused
    assert main(["audit", "reanchor", "--db", str(db_path)]) == 1
    assert "사유를 입력하십시오" in capsys.readouterr().err
    assert main(["audit", "reanchor", "--db", str(db_path), "--reason",
                 "기준점 파일이 바뀐 것을 확인함"]) == 0
    capsys.readouterr()
    code, summary, _ = verify()
    assert code == 0 and summary["witnesses"] == 3
    entry = rows(db_path, "SELECT actor, reason, detail FROM audit_log "
                          "WHERE action = 'audit.reanchor'")
    assert len(entry) == 1 and entry[0][:2] == ("hong", "기준점 파일이 바뀐 것을 확인함")
    assert json.loads(entry[0][2])["witnesses_before"][str(anchor_path(db_path))] == 10**12


def test_reanchor_never_hides_an_edited_entry_and_needs_an_admin(logged, db_path, capsys,
                                                                 monkeypatch):
    from pcrm_desktop.domain.errors import DomainError
    from pcrm_desktop.domain.privacy import PermissionDenied
    with pytest.raises(PermissionDenied):
        audit_trail.reanchor(logged.as_actor(
            logged.actor.__class__(None, "manager1", "manager", "pc")), "사유")
    tamper(db_path, "UPDATE audit_log SET detail = '바뀜' WHERE id = 4")
    with pytest.raises(DomainError) as refused:
        audit_trail.reanchor(logged, "기준점 다시")
    assert refused.value.code == "audit_reanchor_broken"
    assert rows(db_path, "SELECT count(*) FROM audit_log WHERE action = 'audit.reanchor'") == [(0,)]


def test_a_printed_head_must_still_be_in_the_chain(logged, db_path, verify):
    """`--expect-head ID:HASH` from the monthly PDF: a rewrite that every local witness agrees
    with (all rewritten by someone with the key) still contradicts the paper."""
    code, summary, _ = verify()
    printed = f"{summary['last_id']}:{summary['last_hash'][:16]}"
    assert verify("--expect-head", printed)[0] == 0
    assert verify("--expect-head", f"{summary['last_id']}:{summary['last_hash']}")[0] == 0
    # rewrite one entry with the key, then every witness the attacker can reach
    tamper(db_path, "UPDATE audit_log SET actor = 'lee' WHERE id = 2")
    recompute(db_path, audit_keys.installation_key()[1])
    database_id = rows(db_path, "SELECT database_id FROM database_identity")[0][0]
    for path in [anchor_path(db_path), *profile_paths(db_path, database_id)]:
        path.unlink()
    code, summary, text = verify("--expect-head", printed)
    assert code == 1 and summary["problem"] == "witness" and summary["witness"].startswith("printed")
    assert "인쇄된 머리 해시" in text


def test_a_malformed_expected_head_is_a_usage_error(logged, db_path, capsys, monkeypatch):
    monkeypatch.setenv("PCRM_USER", "hong")
    with pytest.raises(SystemExit) as done:
        main(["audit", "verify", "--db", str(db_path), "--expect-head", "12:xyz"])
    assert done.value.code == 2 and "번호:해시" in capsys.readouterr().err


def test_a_backup_manifest_is_a_witness(logged, db_path, verify):
    from pcrm_desktop.services import backups
    made = backups.backup_now(logged)
    manifest = json.loads((db_path.parent / "backups" / "manifest.json").read_text("utf-8"))
    record = manifest["backups"][made.name]
    assert record["database_id"] == rows(db_path, "SELECT database_id FROM database_identity")[0][0]
    head = record["audit_last_id"]
    # cut the log back before the backup's head; no check had run, so no other witness
    tamper(db_path, f"DELETE FROM audit_log WHERE id >= {head}")
    report = audit_trail.verify_chain(logged, record=False)
    assert not report.ok and (report.broken_id, report.problem) == (head, "missing")
    assert report.witness.startswith("backup:")
    assert verify()[0] == 1


def test_a_key_this_pc_lacks_is_said_and_can_be_imported(logged, db_path, verify, tmp_path,
                                                          monkeypatch, capsys):
    """The database opened on another PC (another profile): its entries cannot be checked there
    until the key is imported; new entries are signed with that PC's own key."""
    assert verify()[0] == 0
    old_key_id = audit_keys.installation_key()[0]
    exported = tmp_path / "key.json"
    assert main(["audit", "key", "export", "--db", str(db_path), "--out", str(exported),
                 "--reason", "PC 교체"]) == 0
    assert exported.stat().st_mode & 0o077 == 0
    capsys.readouterr()
    monkeypatch.setenv("PCRM_PROFILE_DIR", str(tmp_path / "other-pc"))
    monkeypatch.setattr(audit_keys, "_cache", {})
    code, summary, text = verify()
    # no profile witness on this PC, the anchor beside the file is there: the key is missing
    assert code == 1 and (summary["broken_id"], summary["problem"]) == (1, "key")
    assert old_key_id in text
    assert main(["audit", "key", "import", str(exported), "--db", str(db_path)]) == 0
    capsys.readouterr()
    code, summary, _ = verify()
    assert code == 0
    stretches = rows(db_path, "SELECT from_id, key_id FROM audit_chain_keys ORDER BY from_id")
    assert len(stretches) == 2 and stretches[0][1] == old_key_id
    assert stretches[1][1] == audit_keys.installation_key()[0] != old_key_id


def test_an_admin_may_accept_a_lost_key_by_name(logged, db_path, verify, tmp_path, monkeypatch,
                                                capsys):
    assert verify()[0] == 0
    monkeypatch.setenv("PCRM_PROFILE_DIR", str(tmp_path / "new-pc"))
    monkeypatch.setattr(audit_keys, "_cache", {})
    assert verify()[0] == 1
    assert main(["audit", "reanchor", "--db", str(db_path), "--reason", "구 PC 고장, 키 분실"]) == 0
    capsys.readouterr()
    code, summary, _ = verify()
    assert code == 0 and summary["accepted"] > 0


def test_a_witness_of_another_database_at_this_path_is_an_alarm(logged, db_path, verify):
    assert verify()[0] == 0
    database_id = rows(db_path, "SELECT database_id FROM database_identity")[0][0]
    by_path = profile_paths(db_path, database_id)[0]
    record = json.loads(by_path.read_text("utf-8"))
    record["database_id"] = "0" * 32
    by_path.write_text(json.dumps(record), "utf-8")
    code, summary, _ = verify()
    assert code == 1 and summary["problem"] == "witness_other"


def test_the_identity_and_key_stretches_are_append_only(logged, db_path):
    conn = sqlite3.connect(db_path)
    try:
        for statement in ("UPDATE database_identity SET database_id = 'x'",
                          "DELETE FROM database_identity",
                          "UPDATE audit_chain_keys SET key_id = 'x'",
                          "DELETE FROM audit_chain_keys",
                          "INSERT INTO audit_chain_keys VALUES (1, 'x', '2026-01-01')"):
            with pytest.raises(sqlite3.IntegrityError):
                conn.execute(statement)
    finally:
        conn.close()


def test_the_key_file_is_private_and_outside_the_database_folder(logged, db_path):
    key_id, key = audit_keys.installation_key()
    path = audit_keys.keys_dir() / audit_keys.INSTALLATION
    assert path.stat().st_mode & 0o077 == 0 and len(key) == 32
    assert db_path.parent not in path.parents
    assert key not in db_path.read_bytes() and key.hex().encode() not in db_path.read_bytes()
    assert read_anchor(db_path) is None or key.hex() not in json.dumps(read_anchor(db_path))


def test_the_expected_guards_are_what_the_migrations_make(logged, db_path):
    from pcrm_desktop.db.audit_schema import TRIGGERS, guard_problems
    conn = sqlite3.connect(db_path)
    try:
        assert guard_problems(conn) == []
        made = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                           "AND tbl_name IN ('audit_log', 'audit_chain_base', "
                                           "'audit_chain_keys', 'database_identity', "
                                           "'destruction_ledger')")}
        assert made == set(TRIGGERS)
    finally:
        conn.close()


@pytest.mark.parametrize("statements, problem", [
    (["DROP TRIGGER audit_log_no_delete"], "audit_log_no_delete: missing"),
    (["DROP TRIGGER audit_log_append_only",
      "CREATE TRIGGER audit_log_append_only BEFORE UPDATE ON audit_log WHEN 0 "
      "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"],
     "audit_log_append_only: altered"),
    (["DROP TRIGGER audit_chain_keys_forward"], "audit_chain_keys_forward: missing"),
    (["DROP TRIGGER database_identity_fixed"], "database_identity_fixed: missing"),
    (["ALTER TABLE audit_log ADD COLUMN note TEXT"], "audit_log: altered"),
])
def test_check_calls_a_missing_or_altered_guard_unhealthy(logged, db_path, capsys, statements,
                                                          problem):
    assert main(["check", "--db", str(db_path)]) == 0
    capsys.readouterr()
    conn = sqlite3.connect(db_path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()
    code = main(["check", "--db", str(db_path), "--json"])
    summary = json.loads(capsys.readouterr().out)
    assert code == 1 and not summary["ok"] and problem in summary["access_log_guards"]
    assert main(["check", "--db", str(db_path)]) == 1
    assert "접속기록 보호 장치" in capsys.readouterr().out
