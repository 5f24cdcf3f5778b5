"""Where the database is found (pcrm_desktop/config.py)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from pcrm_desktop import APP_NAME, ORG_NAME
from pcrm_desktop.config import (
    DB_FILENAME,
    ENV_DATABASE_URL,
    DatabaseLocation,
    default_data_dir,
    masked_url,
    resolve_database,
    sqlite_path_from_url,
    sqlite_url,
    url_scheme,
)
from pcrm_desktop.domain.errors import DatabaseError
from pcrm_desktop.domain.messages import korean_message


@pytest.fixture
def linux(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.delenv(ENV_DATABASE_URL, raising=False)
    return tmp_path


def test_db_option_wins_over_environment(linux, monkeypatch):
    env_file = linux / "from-env.db"
    monkeypatch.setenv(ENV_DATABASE_URL, sqlite_url(env_file))
    chosen = linux / "sub" / "from-option.db"
    location = resolve_database(str(chosen))
    assert location.path == chosen.resolve()
    assert location.url == f"sqlite:///{chosen.resolve().as_posix()}"
    assert location.label == str(chosen.resolve())


def test_environment_wins_over_default(linux, monkeypatch):
    env_file = linux / "from-env.db"
    monkeypatch.setenv(ENV_DATABASE_URL, sqlite_url(env_file))
    for option in (None, ""):
        location = resolve_database(option)
        assert location.url == sqlite_url(env_file)
        assert location.path == env_file


def test_default_is_in_the_user_data_folder(linux):
    location = resolve_database()
    expected = linux / "xdg" / ORG_NAME / APP_NAME / DB_FILENAME
    assert location.path == expected
    assert location.url == sqlite_url(expected)


def test_db_option_relative_is_made_absolute(linux, monkeypatch):
    monkeypatch.chdir(linux)
    location = resolve_database("relative.db")
    assert location.path == linux / "relative.db"
    assert location.path.is_absolute()


def test_db_option_expands_home(linux):
    location = resolve_database("~/pcrm/x.db")
    assert location.path == linux / "home" / "pcrm" / "x.db"


def test_a_server_is_labelled_by_host_port_and_database_without_user_or_password():
    location = DatabaseLocation("postgresql://pcrm:s3cret@db.example:5432/pcrm", None)
    assert location.label == "db.example:5432/pcrm" and location.server
    assert DatabaseLocation("postgresql+psycopg://u@/pcrm?host=/run/pg&port=5433", None).label \
        == "/run/pg:5433/pcrm"
    assert DatabaseLocation("postgresql+psycopg://u@h/pcrm", None).label == "h:5432/pcrm"


@pytest.mark.parametrize("typed, url", [
    ("postgresql://clerk:s3cret@db.example:5432/pcrm?sslmode=require",
     "postgresql+psycopg://clerk:s3cret@db.example:5432/pcrm?sslmode=require"),
    ("postgres://clerk:s3cret@db.example/pcrm", "postgresql+psycopg://clerk:s3cret@db.example/pcrm"),
    ("postgresql+psycopg://clerk:s3cret@db.example/pcrm",
     "postgresql+psycopg://clerk:s3cret@db.example/pcrm"),
    ("POSTGRESQL://clerk:s3cret@db.example/pcrm", "postgresql+psycopg://clerk:s3cret@db.example/pcrm"),
])
def test_a_server_url_names_a_server_from_the_option_and_the_environment(linux, monkeypatch,
                                                                         typed, url):
    monkeypatch.chdir(linux)
    for given in ({"db_option": typed}, {}):
        if not given:
            monkeypatch.setenv(ENV_DATABASE_URL, typed)
        location = resolve_database(**given)
        assert location.url == url and location.path is None and location.server
        assert location.label.startswith("db.example:")
    assert sorted(p.name for p in linux.iterdir()) == []   # no folder, no file


@pytest.mark.parametrize("typed", [
    "postgresql:clerk:s3cret@db.example/pcrm",          # the slashes forgotten: a URL typed wrong
    "postgresql+psycopg2://clerk:s3cret@db.example/pcrm",   # a driver we do not ship
])
def test_a_server_url_typed_wrong_is_refused(linux, monkeypatch, typed):
    monkeypatch.chdir(linux)
    with pytest.raises(DatabaseError) as refused:
        resolve_database(typed)
    assert refused.value.code == "db_url_unsupported"
    assert "s3cret" not in korean_message(refused.value)
    assert list(linux.iterdir()) == []


@pytest.mark.parametrize("typed", [
    "mysql://u:s3cret@h/db", "mysql+pymysql://u:s3cret@h/db", "http://example.com/pcrm.db",
    "file:///srv/pcrm.db", "sqlite:///:memory:", "sqlite://", "sqlite:pcrm.db",
    "sqlite+aiosqlite:///pcrm.db",
])
def test_any_other_url_is_refused_naming_the_forms_that_open(linux, monkeypatch, typed):
    monkeypatch.chdir(linux)
    with pytest.raises(DatabaseError) as refused:
        resolve_database(typed)
    assert refused.value.code == "db_url_unsupported"
    shown = korean_message(refused.value)
    assert "s3cret" not in shown and "sqlite:///" in shown and "SQLite 데이터베이스 파일" in shown
    assert "postgresql://사용자@서버:5432/데이터베이스" in shown
    assert list(linux.iterdir()) == []


def test_a_sqlite_url_given_as_the_option_names_its_file_made_absolute(linux, monkeypatch):
    monkeypatch.chdir(linux)
    for typed in ("sqlite:///sub/x.db", "sqlite+pysqlite:///sub/x.db"):
        location = resolve_database(typed)
        assert location.url == typed
        assert location.path == linux / "sub" / "x.db"
        assert location.label == str(linux / "sub" / "x.db")
    assert resolve_database(f"sqlite:///{linux}/y.db?timeout=10").path == linux / "y.db"
    assert list(linux.iterdir()) == []                      # resolving makes nothing


@pytest.mark.parametrize("typed, scheme", [
    ("C:\\data\\pcrm.db", None), ("C:/data/pcrm.db", None), ("c:pcrm.db", None),
    ("notes:v2.db", None), ("2026:백업/pcrm.db", None), ("./postgresql:/x.db", None),
    ("localhost:5432/pcrm", None), ("postgresql://h/db", "postgresql"), ("sqlite:///x.db", "sqlite"),
    ("postgresql+psycopg://h/db", "postgresql+psycopg"), ("http://x", "http"), ("sqlite:x.db", "sqlite"),
])
def test_what_looks_like_a_url(typed, scheme):
    assert url_scheme(typed) == scheme


@pytest.mark.parametrize("url, shown", [
    ("postgresql://clerk:pw@host/db", "postgresql://clerk:***@host/db"),
    ("postgresql://clerk@host:5432/db", "postgresql://clerk@host:5432/db"),
    ("postgresql://host:5432/db", "postgresql://host:5432/db"),
    ("postgresql://clerk:p@ss/w?rd@host/db", "postgresql://clerk:***@host/db"),
    ("postgresql:///db?host=/run/pg&password=pw", "postgresql:///db?host=/run/pg&password=***"),
    ("clerk:pw@host/db", "clerk:***@host/db"),
])
def test_masked_url_never_shows_a_password(url, shown):
    assert masked_url(url) == shown


def test_default_data_dir_honours_xdg_data_home(linux):
    assert default_data_dir() == linux / "xdg" / ORG_NAME / APP_NAME


@pytest.mark.parametrize("xdg", [None, ""])
def test_default_data_dir_without_xdg_uses_local_share(linux, monkeypatch, xdg):
    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME")
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    assert default_data_dir() == linux / "home" / ".local" / "share" / ORG_NAME / APP_NAME


def test_default_data_dir_windows_uses_appdata(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    assert default_data_dir() == tmp_path / "Roaming" / ORG_NAME / APP_NAME


def test_default_data_dir_macos(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "darwin")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_data_dir() == tmp_path / "Library" / "Application Support" / ORG_NAME / APP_NAME


@pytest.mark.parametrize("url, expected", [
    ("sqlite:////var/lib/pcrm/pcrm.db", Path("/var/lib/pcrm/pcrm.db")),
    ("sqlite:///relative/pcrm.db", Path("relative/pcrm.db")),
    ("sqlite:////data/pcrm.db?timeout=10", Path("/data/pcrm.db")),
    ("sqlite:////data/청운효자동.db", Path("/data/청운효자동.db")),
    ("sqlite:///:memory:", None),
    ("sqlite+pysqlite:////data/pcrm.db", Path("/data/pcrm.db")),
    ("sqlite://", None),
    ("sqlite:///", None),
    ("postgresql://pcrm@localhost/pcrm", None),
    ("mysql+pymysql://u:p@h/db", None),
])
def test_sqlite_path_from_url(url, expected):
    assert sqlite_path_from_url(url) == expected


def test_sqlite_url_round_trip(tmp_path):
    path = tmp_path / "공백 있는 폴더" / "pcrm.db"
    assert sqlite_path_from_url(sqlite_url(path)) == path.resolve()
