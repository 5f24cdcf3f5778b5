"""`pcrm … --user LOGIN` with its password piped in: the command refuses (a password is asked on
a terminal, or read from PCRM_PASSWORD_FILE), and the message says that, naming the login
given; it no longer asks for the --user that was given. Run as a real process with a pipe."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from tests.conftest import ADMIN_PASSWORD
from tests.dbutil import rows


def _pcrm(args: list[str], stdin: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PCRM_PASSWORD_FILE", "PCRM_USER")}
    return subprocess.run([sys.executable, "-m", "pcrm_desktop.cli", *args], input=stdin,
                          capture_output=True, text=True, env=env, timeout=120)


def test_a_piped_password_is_refused_with_a_message_that_does_not_ask_for_user(admin_ctx,
                                                                                db_path, db_target):
    done = _pcrm(["audit", "verify", "--user", "hong", "--db", db_target], ADMIN_PASSWORD + "\n")
    assert done.returncode == 1
    assert "--user hong의 비밀번호를 물을 터미널이 없습니다" in done.stderr
    assert "--user 로그인ID를 주고" not in done.stderr         # the old text asked for --user
    assert "PCRM_PASSWORD_FILE" in done.stderr
    done = _pcrm(["audit", "verify", "--user", "hong", "--db", db_target, "--json"],
                 ADMIN_PASSWORD + "\n")
    assert done.returncode == 1 and json.loads(done.stdout)["error"] == "cli_password_no_terminal"
    # refused before any try: no failed sign-in counted against the account
    assert rows(db_path, "SELECT count(*) FROM audit_log WHERE action LIKE 'login.%'") == [(0,)]


def test_without_user_the_message_still_asks_for_it(admin_ctx, db_path, db_target):
    done = _pcrm(["audit", "verify", "--db", db_target, "--json"], "")
    assert done.returncode == 1 and json.loads(done.stdout)["error"] == "cli_login_required"
