"""`pcrm check` on a server (issue 20: nothing says "데이터베이스 파일이 없습니다" there): the schema,
every table readable, the server's own checksum failures, the size, and the access log's guard
triggers present, as made and switched on."""
from __future__ import annotations

import json

import pytest

from pcrm_desktop import cli
from tests.dbutil import execute

pytestmark = pytest.mark.server_only("`pcrm check` of a server database; a file's: test_cli.py")


def _check(capsys, target: str) -> tuple[int, dict, str]:
    code = cli.main(["check", "--db", target, "--json"])
    out = json.loads(capsys.readouterr().out)
    code_text = cli.main(["check", "--db", target])
    text = capsys.readouterr().out
    assert code_text == code
    return code, out, text


def test_a_migrated_server_database_is_healthy_and_named_as_a_server(db_target, capsys):
    code, out, text = _check(capsys, db_target)
    assert code == 0 and out["ok"] and out["server"] and out["access_log_guards"] == []
    assert out["revision"] == out["head"] and out["size_bytes"] > 1_000_000
    assert text.startswith("데이터베이스 서버: ") and "결과: 정상" in text
    assert "파일" not in text.splitlines()[0] and "pcrm.db" not in text


def test_a_guard_switched_off_on_the_server_is_reported(db_target, capsys):
    execute(db_target, "ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only")
    code, out, text = _check(capsys, db_target)
    assert code == 1 and not out["ok"]
    assert any(g.startswith("audit_log_append_only") for g in out["access_log_guards"])
    assert "접속기록 보호 장치가 없어지거나 바뀌었습니다" in text and "결과: 문제 있음" in text


def test_an_empty_server_database_says_it_has_no_schema_yet(pg_server, capsys):
    url = pg_server.new_database(empty=True)
    try:
        code, out, text = _check(capsys, url)
    finally:
        pg_server.drop(url)
    assert code == 1 and out["revision"] is None
    assert "스키마: 없음" in text and "pcrm init" in text
