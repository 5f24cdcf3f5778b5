"""Where the database is found (pcrm_desktop/config.py)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from pcrm_desktop import APP_NAME, ORG_NAME
from pcrm_desktop.config import (
    DB_FILENAME,
    ENV_DATABASE_URL,
    default_data_dir,
    resolve_database,
    sqlite_path_from_url,
    sqlite_url,
)


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


def test_non_sqlite_url_has_no_path_and_label_hides_password(linux, monkeypatch):
    monkeypatch.setenv(ENV_DATABASE_URL, "postgresql://pcrm:s3cret@db.example:5432/pcrm")
    location = resolve_database()
    assert location.path is None
    assert location.label == "db.example:5432/pcrm"
    assert "s3cret" not in location.label


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
