"""Every `pcrm` command on a server (issue 20: "every pcrm command and every screen works on
both backends"): one demo office on the test cluster, and each command a clerk, a team leader
or an administrator runs there ends with exit 0 (the file's own backup rotation says what to
use instead). Outputs are compared with a file's in test_same_numbers.py; here: that it runs."""
from __future__ import annotations

import json
import shlex

import pytest

from pcrm_desktop import cli

pytestmark = pytest.mark.server_only("the commands on a server; on a file: test_doc_commands.py")

DEMO = ["--citizens", "150", "--complaints", "400", "--responses", "300", "--seed", "6",
        "--now", "2026-06-15 10:30"]
PERIOD = "--from 2026-01-01 --to 2026-06-15"
COMMANDS = [
    "check", "audit verify", "audit key export --out {tmp}/key.pcrmkey --reason 점검",
    "survey summary --survey COUNTER " + PERIOD,
    "survey summary --survey COUNTER " + PERIOD + " --population 5000",
    "analysis groups " + PERIOD, "analysis groups " + PERIOD + " --by channel",
    "analysis groups " + PERIOD + " --by dong",
    "report monthly --month 2026-05 --out {tmp}/월간.pdf --xlsx {tmp}/월간.xlsx",
    "report register " + PERIOD + " --out {tmp}/처리부.pdf",
    "report survey --survey COUNTER " + PERIOD + " --out {tmp}/만족도.pdf",
    "report access-log --month 2026-06 --out {tmp}/점검표.pdf",
    "export citizens --out {tmp}/주민.csv --reason 점검",
    "export complaints " + PERIOD + " --out {tmp}/민원.xlsx --reason 점검",
    "export responses --survey COUNTER " + PERIOD + " --out {tmp}/응답.csv",
    "import citizens {tmp}/새주민.csv",
    "retention policy", "retention ledger", "retention run --dry-run",
    "backup --out {tmp}/서버.dump",
    "audit reanchor --reason 점검",
]


@pytest.fixture(scope="module")
def server(pg_server):
    url = pg_server.new_database(empty=True)
    assert cli.main(["demo", "--db", url, *DEMO]) == 0
    yield url
    pg_server.drop(url)


@pytest.mark.parametrize("command", COMMANDS)
def test_the_command_runs_on_a_server(server, command, tmp_path, capsys):
    (tmp_path / "새주민.csv").write_text("이름,출생연도,휴대전화\n서버신규,1980,010-5555-0101\n",
                                      encoding="utf-8")
    argv = shlex.split(command.format(tmp=tmp_path)) + ["--db", server, "--json"]
    code = cli.main(argv)
    out, err = capsys.readouterr()
    assert code == 0, err[-2000:]
    assert json.loads(out)["ok"] is True  # a JSON summary, like on a file
    for made in (a for a in argv if a.startswith(str(tmp_path)) and "새주민" not in a):
        assert (tmp_path / made).stat().st_size > 100, made   # each file it was to write


def test_the_file_backup_rotation_says_what_to_use_on_a_server(server, capsys):
    for what in ("list", "prune"):
        assert cli.main(["backup", what, "--db", server, "--json"]) == 1
        out, err = capsys.readouterr()
        assert json.loads(out)["error"] == "server_backup_list"
        assert "pcrm backup --db 서버주소" in err
