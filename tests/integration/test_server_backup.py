"""Backups of a server database (issue 20): `pcrm backup --db URL` makes a pg_dump archive when
the client tools are here, checked with `pg_restore --list`, else the program's own logical
export, checked by reading it back; `pcrm restore FILE --db URL` goes into an empty database
only, and what comes back is the same office (counts, the access log's chain)."""
from __future__ import annotations

import gzip
import json

import pytest

from pcrm_desktop import cli
from pcrm_desktop.db import server_backup

pytestmark = pytest.mark.usefixtures("pg_server")


@pytest.fixture
def demo_server(pg_server):
    url = pg_server.new_database(empty=True)
    assert cli.main(["demo", "--db", url, "--citizens", "40", "--complaints", "30",
                     "--responses", "20", "--seed", "5", "--json"]) == 0
    yield url
    pg_server.drop(url)


def _json(capsys) -> dict:
    return json.loads(capsys.readouterr().out)


def _counts(url: str) -> dict:
    from sqlalchemy import text

    from pcrm_desktop.db.engine import make_engine
    engine = make_engine(url)
    with engine.connect() as conn:
        tables = [t for t in ("citizens", "complaints", "survey_answers", "audit_log",
                              "survey_item_days")]
        counts = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar() for t in tables}
    engine.dispose()
    return counts


def test_a_pg_dump_backup_is_checked_and_restores_into_an_empty_database_as_the_same_office(
        demo_server, pg_server, tmp_path, capsys):
    capsys.readouterr()
    out = tmp_path / "office.dump"
    assert cli.main(["backup", "--db", demo_server, "--out", str(out), "--json"]) == 0
    made = _json(capsys)["backup"]
    assert made["kind"] == "pg_dump" and made["verified"] and out.stat().st_size == made["size_bytes"]
    assert server_backup.verify_dump(out) == made["tables"] >= 30
    before = _counts(demo_server)          # the backup's own entry came after the dump
    target = pg_server.new_database(empty=True)
    try:
        assert cli.main(["restore", str(out), "--db", target, "--yes", "--json"]) == 0
        assert _json(capsys)["tables"] == made["tables"]
        after = _counts(target)
        assert {k: v for k, v in after.items() if k != "audit_log"} == \
            {k: v for k, v in before.items() if k != "audit_log"}
        assert after["audit_log"] == before["audit_log"] - 1
        assert cli.main(["audit", "verify", "--db", target, "--json"]) == 0
        assert _json(capsys)["ok"]
    finally:
        pg_server.drop(target)


def test_a_restore_into_a_database_with_tables_is_refused_and_changes_nothing(
        demo_server, tmp_path, capsys):
    out = tmp_path / "office.dump"
    assert cli.main(["backup", "--db", demo_server, "--out", str(out), "--json"]) == 0
    capsys.readouterr()
    before = _counts(demo_server)
    assert cli.main(["restore", str(out), "--db", demo_server, "--yes", "--json"]) == 1
    out_, err = capsys.readouterr()
    assert json.loads(out_)["error"] == "restore_target_not_empty"
    assert err.startswith("서버 백업은 빈 데이터베이스에만 복원합니다")
    assert _counts(demo_server) == before


def test_without_the_client_tools_the_logical_export_is_written_and_read_back_whole(
        demo_server, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(server_backup, "client_tool", lambda name: None)
    capsys.readouterr()
    out = tmp_path / "office.dump"
    assert cli.main(["backup", "--db", demo_server, "--out", str(out), "--json"]) == 0
    made = _json(capsys)["backup"]
    assert made["kind"] == "logical"
    with gzip.open(out, "rt", encoding="utf-8") as source:
        lines = source.read().splitlines()
    header = json.loads(lines[0])
    assert header["format"] == "pcrm-logical-backup" and "audit_log" in header["tables"]
    rows = sum(1 for line in lines if line.startswith("["))
    assert rows == made["rows"] == json.loads(lines[-1])["end"] > 100
    # a copy cut short is refused when read back
    short = tmp_path / "short.dump"
    with gzip.open(short, "wt", encoding="utf-8") as sink:
        sink.write("\n".join(lines[: len(lines) // 2]) + "\n")
    with pytest.raises(Exception) as refused:
        server_backup.verify_logical(short)
    assert getattr(refused.value, "code", "") == "backup_damaged"


def test_the_backup_is_in_the_access_log_and_a_clerk_may_not_make_one(demo_server, tmp_path,
                                                                       capsys, monkeypatch):
    out = tmp_path / "office.dump"
    assert cli.main(["backup", "--db", demo_server, "--out", str(out), "--json"]) == 0
    capsys.readouterr()
    from pcrm_desktop.bootstrap import open_backend
    backend = open_backend(demo_server)
    try:
        with backend.ctx.reading() as uow:
            last = uow.audit.recent(1)[0]
    finally:
        backend.close()
    assert last.action == "backup.create" and last.target == "office.dump"
    assert "pg_dump" in last.detail and "검사 정상" in last.detail
    monkeypatch.setenv("PCRM_USER", "clerk01")
    assert cli.main(["backup", "--db", demo_server, "--out", str(tmp_path / "x.dump"),
                     "--json"]) == 1
    assert not (tmp_path / "x.dump").exists()
