"""A `--db` value that looks like a URL is a URL, never a path (issue 20). Before, `--db
postgresql://…` made a folder `postgresql:` with one named after the user, password and host,
and a new SQLite file in it. Now `sqlite:///path` opens that file, a PostgreSQL URL names a
server (a server that cannot be reached says so within 5 s: "서버에 연결할 수 없습니다"), any other
scheme is refused, before anything is made; the password is never shown. Through every way in:
`pcrm` in-process and as a child process, the environment variable, and the window's start."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pcrm_desktop import app, cli

REPO = Path(__file__).resolve().parents[2]
PASSWORD = "s3cret"
# Servers that are not there, without leaving this computer: a closed loopback port, and a Unix
# socket folder that does not exist.
SERVER = [f"postgresql://clerk:{PASSWORD}@127.0.0.1:9/pcrm?sslmode=disable",
          f"postgres://clerk:{PASSWORD}@/pcrm?host=/nonexistent-pcrm-socket",
          f"postgresql+psycopg://clerk:{PASSWORD}@127.0.0.1:9/pcrm"]
OTHER = [f"mysql://clerk:{PASSWORD}@db.example/pcrm", "http://db.example/pcrm.db",
         "sqlite:///:memory:"]
COMMANDS = [["init"], ["check"], ["demo", "--citizens", "1"], ["audit", "verify"], ["backup"],
            ["restore", "x.pcrmbak", "--yes"],
            ["deadline", "--received", "2026-03-02 09:00", "--days", "7"]]


@pytest.fixture
def folders(tmp_path, monkeypatch):
    """The working folder (where a relative path would land) and the user data folder, both
    empty; returns a function listing everything made under them since."""
    work, data = tmp_path / "work", tmp_path / "data"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("XDG_DATA_HOME", str(data))
    monkeypatch.setenv("PCRM_PROFILE_DIR", str(tmp_path / "profile"))
    return lambda: sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p != work)


def _refused_as(code: str, out: str, err: str, error: str) -> None:
    assert code == 1
    assert json.loads(out)["error"] == error
    assert PASSWORD not in out + err


@pytest.mark.parametrize("argv", COMMANDS[:-1], ids=lambda a: a[0])
@pytest.mark.parametrize("url", SERVER)
def test_a_server_that_is_not_there_is_said_so_by_every_command_and_nothing_is_made(
        capsys, folders, url, argv):
    started = time.monotonic()
    code = cli.main([*argv, "--db", url, "--json"])
    out, err = capsys.readouterr()
    assert time.monotonic() - started < 5
    _refused_as(code, out, err, "db_server_unreachable")
    assert err.startswith("서버에 연결할 수 없습니다: ")
    assert "clerk" not in err and "아무것도 저장하지 않았습니다" in err
    assert folders() == []


def test_a_server_that_accepts_but_never_answers_is_given_up_within_the_connect_timeout(
        capsys, folders):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(4)  # the connection is accepted by the kernel; nothing ever answers
    try:
        port = silent.getsockname()[1]
        started = time.monotonic()
        code = cli.main(["check", "--db", f"postgresql://clerk:{PASSWORD}@127.0.0.1:{port}/pcrm"
                         "?sslmode=disable", "--json"])
        waited = time.monotonic() - started
    finally:
        silent.close()
    out, err = capsys.readouterr()
    _refused_as(code, out, err, "db_server_unreachable")
    assert 4 <= waited < 7  # the 5 s connect timeout, not forever
    assert folders() == []


@pytest.mark.parametrize("argv", COMMANDS[:3], ids=lambda a: a[0])
@pytest.mark.parametrize("url", OTHER)
def test_any_other_url_is_refused_naming_the_forms_that_open(capsys, folders, url, argv):
    code = cli.main([*argv, "--db", url, "--json"])
    out, err = capsys.readouterr()
    _refused_as(code, out, err, "db_url_unsupported")
    assert err.startswith("열 수 없는 데이터베이스 주소입니다: ")
    assert "SQLite 데이터베이스 파일과 PostgreSQL 서버입니다" in err and "sqlite:///경로" in err
    assert folders() == []


def test_the_environment_variable_names_the_server_alike_and_check_never_prints_the_password(
        capsys, folders, monkeypatch):
    monkeypatch.setenv("PCRM_DATABASE_URL", SERVER[0])
    for argv in (["check"], ["init"]):
        code = cli.main([*argv, "--json"])
        out, err = capsys.readouterr()
        _refused_as(code, out, err, "db_server_unreachable")
        assert "127.0.0.1:9/pcrm" in err
    assert folders() == []


def test_a_sqlite_url_given_as_db_opens_that_file(capsys, folders, tmp_path):
    assert cli.main(["init", "--db", "sqlite:///office/pcrm.db", "--json"]) == 0
    made = tmp_path / "work" / "office" / "pcrm.db"
    assert json.loads(capsys.readouterr().out)["database"] == str(made)
    assert cli.main(["demo", "--db", f"sqlite:///{made}", "--citizens", "3", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["counts"]["citizens"] == 3
    assert cli.main(["check", "--db", str(made)]) == 0        # the same file as its path names
    assert "결과: 정상" in capsys.readouterr().out
    assert os.listdir(tmp_path / "work") == ["office"]       # no "sqlite:" folder beside it


def test_the_pcrm_program_says_a_server_is_unreachable_in_a_child_process(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "PYTHONPATH": os.pathsep.join(
        [str(REPO), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-m", "pcrm_desktop.cli", "init", "--db", SERVER[0]],
                          cwd=work, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1, done.stderr
    assert "서버에 연결할 수 없습니다: 127.0.0.1:9/pcrm" in done.stderr
    assert PASSWORD not in done.stdout + done.stderr
    assert list(work.iterdir()) == [] and not (tmp_path / "data").exists()


@pytest.fixture
def message_boxes(monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    return shown


@pytest.mark.parametrize("url, opening, shown", [
    (SERVER[0], "서버에 연결할 수 없습니다", "127.0.0.1:9/pcrm"),
    (OTHER[0], "열 수 없는 데이터베이스 주소입니다", "clerk:***@db.example")])
def test_the_window_says_why_it_cannot_open_a_url_in_its_message_box(qapp, folders, message_boxes,
                                                                     url, opening, shown):
    from pcrm_desktop.logs import log_file
    assert app.main(["--db", url, "--exit-after-show", "--lang", "ko"]) == 1
    [text] = message_boxes
    assert text.startswith(opening) and shown in text and PASSWORD not in text
    log = log_file()
    assert PASSWORD not in log.read_text(encoding="utf-8")
    made = {str(p.relative_to(log.parents[4])) for p in (log, *log.parents[:4])}
    assert set(folders()) == made                             # only the program's log


def test_the_window_opens_the_file_a_sqlite_url_names(qapp, folders, message_boxes, tmp_path,
                                                      capsys):
    assert app.main(["--db", "sqlite:///office/pcrm.db", "--exit-after-show"]) == 0
    assert message_boxes == []
    assert "shown_ms=" in capsys.readouterr().out
    assert (tmp_path / "work" / "office" / "pcrm.db").is_file()
