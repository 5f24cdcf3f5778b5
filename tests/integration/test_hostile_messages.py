"""What a clerk is told when the database path is odd: a read-only folder, a dangling symbolic
link, a folder given as the file. Each message must name the real cause, not "damaged"."""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pcrm_desktop.cli import main
from pcrm_desktop.domain.errors import DatabaseError

REPO = Path(__file__).resolve().parents[2]


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- a healthy database in a read-only folder ----------------------------------------------------

def _unprivileged() -> list[str]:
    """A prefix that runs a command without the power to ignore folder permissions.

    Tests often run as root, and root writes into a 0555 folder anyway (CAP_DAC_OVERRIDE). The
    child keeps uid 0 (so it still reads the venv and the test's files) but loses that one
    capability from its bounding set, so a 0555 folder is really read-only for it, as for a
    clerk on a write-protected USB stick or a share they may only read."""
    if os.name != "posix" or os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: cannot make a folder read-only")
    return [setpriv, "--inh-caps=-dac_override", "--bounding-set=-dac_override"]


def _child(prefix: list[str], *argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([*prefix, sys.executable, *argv], cwd=REPO, capture_output=True,
                          timeout=120, env=os.environ.copy())


@pytest.fixture
def read_only_folder(tmp_path):
    folder = tmp_path / "readonly"
    db = folder / "pcrm.db"
    assert main(["init", "--db", str(db)]) == 0
    assert sorted(p.name for p in folder.iterdir()) == ["pcrm.db"]  # no -wal, no -shm left
    folder.chmod(0o555)
    prefix = _unprivileged()
    probe = _child(prefix, "-c", "import sys; open(sys.argv[1], 'w')", str(folder / "probe"))
    assert probe.returncode != 0 and b"PermissionError" in probe.stderr, "folder still writable"
    yield db, prefix
    folder.chmod(0o755)


def test_check_in_a_read_only_folder_says_healthy_and_read_only(read_only_folder, capsys):
    db, prefix = read_only_folder
    before = sha256(db)
    done = _child(prefix, "-m", "pcrm_desktop.cli", "check", "--db", str(db))
    out, err = done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    assert "손상" not in out + err and "복원" not in out + err
    assert done.returncode == 0, err
    assert "결과: 정상" in out
    assert "읽기 전용" in out and str(db.parent) in out
    done = _child(prefix, "-m", "pcrm_desktop.cli", "check", "--db", str(db), "--json")
    summary = json.loads(done.stdout.decode("utf-8"))
    assert summary["ok"] is True and summary["integrity"] == "ok"
    assert summary["read_only_folder"] is True
    assert sha256(db) == before
    assert sorted(p.name for p in db.parent.iterdir()) == ["pcrm.db"]


def test_a_leftover_wal_in_a_read_only_folder_is_not_called_damage(read_only_folder):
    """With a -wal beside it the file cannot be read without SQLite's -shm (reading it as
    immutable would miss the -wal's pages): refused, naming the read-only folder."""
    db, prefix = read_only_folder
    db.parent.chmod(0o755)
    wal = db.with_name(db.name + "-wal")
    wal.write_bytes(b"")
    db.parent.chmod(0o555)
    done = _child(prefix, "-m", "pcrm_desktop.cli", "check", "--db", str(db), "--json")
    err = done.stderr.decode("utf-8")
    assert done.returncode == 1
    assert json.loads(done.stdout.decode("utf-8"))["error"] == "db_folder_read_only"
    assert "읽기 전용" in err and str(db.parent) in err and "손상되었습니다" not in err


def test_check_in_a_writable_folder_does_not_say_read_only(capsys, db_path):
    assert main(["init", "--db", str(db_path)]) == 0
    capsys.readouterr()
    code, out, _ = run(capsys, "check", "--db", str(db_path), "--json")
    assert code == 0 and json.loads(out)["read_only_folder"] is False


def test_start_check_in_a_read_only_folder_is_not_damage(read_only_folder):
    """The GUI's start check (before the login) must not offer to restore a healthy file: it
    says the folder cannot be written (a guard: this already held before the fix of `check`)."""
    db, prefix = read_only_folder
    code = ("import sys; from pcrm_desktop.config import resolve_database; "
            "from pcrm_desktop.services.backups import check_at_start; "
            "c = check_at_start(resolve_database(sys.argv[1])); "
            "print(c.state, c.error.code if c.error else '')")
    done = _child(prefix, "-c", code, str(db))
    assert done.returncode == 0, done.stderr.decode("utf-8")
    from pcrm_desktop.services.backups import START_UNWRITABLE
    assert done.stdout.decode().split() == [START_UNWRITABLE, "db_unwritable"]


# --- init through a dangling symbolic link -------------------------------------------------------

def test_init_through_a_dangling_link_creates_nothing(capsys, tmp_path):
    target = tmp_path / "usb" / "office" / "pcrm.db"  # a drive that is not plugged in
    link = tmp_path / "pcrm.db"
    link.symlink_to(target)
    code, out, err = run(capsys, "init", "--db", str(link), "--json")
    assert code == 1
    summary = json.loads(out)
    assert summary["error"] == "db_dangling_link"
    assert str(link) in err and str(target) in err
    assert "링크" in err
    assert not (tmp_path / "usb").exists()
    assert link.is_symlink() and not link.exists()


def test_a_dangling_link_among_the_folders_is_refused_too(capsys, tmp_path):
    target = tmp_path / "share" / "pcrm"
    link = tmp_path / "data"
    link.symlink_to(target, target_is_directory=True)
    code, _, err = run(capsys, "init", "--db", str(link / "pcrm.db"))
    assert code == 1
    assert str(link) in err and str(target) in err
    assert not (tmp_path / "share").exists()


def test_a_link_to_an_existing_file_still_works(capsys, tmp_path):
    real = tmp_path / "real" / "pcrm.db"
    assert main(["init", "--db", str(real)]) == 0
    link = tmp_path / "pcrm.db"
    link.symlink_to(real)
    capsys.readouterr()
    code, out, _ = run(capsys, "check", "--db", str(link))
    assert code == 0 and "결과: 정상" in out


# --- a folder given as the database --------------------------------------------------------------

@pytest.mark.parametrize("argv", [["init"], ["check"], ["demo", "--citizens", "1"],
                                  ["audit", "verify"], ["backup"],
                                  ["deadline", "--received", "2026-03-02 09:00", "--days", "7"]])
def test_a_folder_given_as_the_database_is_called_a_folder(capsys, tmp_path, argv):
    folder = tmp_path / "pcrm.db"
    folder.mkdir()
    code, out, err = run(capsys, *argv, "--db", str(folder), "--json")
    assert code == 1
    summary = json.loads(out)
    assert summary["error"] == "db_is_folder", summary
    assert "폴더" in err and str(folder) in err
    assert "SQLite 파일이 아님" not in err
    assert list(folder.iterdir()) == []


def test_the_start_check_calls_a_folder_a_folder(tmp_path):
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.config import resolve_database
    from pcrm_desktop.services.backups import check_at_start
    folder = tmp_path / "pcrm.db"
    folder.mkdir()
    started = check_at_start(resolve_database(str(folder)))
    assert not started.ok and started.error.code == "db_is_folder"
    with pytest.raises(DatabaseError) as caught:
        open_backend(str(folder))
    assert caught.value.code == "db_is_folder"
