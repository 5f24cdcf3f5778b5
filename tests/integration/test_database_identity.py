"""Each database has an id of its own from its creation; backups carry it; a backup of another
database is not restored over this one without a second, explicit confirmation (issue 17)."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from pcrm_desktop import cli
from pcrm_desktop.bootstrap import open_backend
from pcrm_desktop.domain.citizens import Citizen
from pcrm_desktop.domain.errors import DatabaseError
from pcrm_desktop.domain.messages import korean_message
from pcrm_desktop.domain.office import OfficeProfile
from pcrm_desktop.services import backups, citizens
from pcrm_desktop.services.office import complete_first_run
from tests.conftest import ADMIN_PASSWORD
from tests.dbutil import rows

# Every test below but the first works with the file's own backups (copies of the .db file in
# the folder beside it, their manifest): a server's backups are pg_dump archives, restored only
# into an empty database (test_server_backup). The id itself is tested on both backends.
FILE_BACKUPS = pytest.mark.sqlite_only("file backups: copies of the .db file and their manifest")


def identity(db: Path) -> str:
    return rows(db, "SELECT database_id FROM database_identity")[0][0]


def test_each_new_database_gets_an_id_nobody_changes(request, empty_db_target, db_kind, tmp_path):
    """On a file and on a server: an id at creation, another for another database; the
    triggers keep it (a server's owner included)."""
    from tests.audit_db import refusal
    from tests.audit_db import rows as read
    open_backend(empty_db_target).close()
    [(first,)] = read(empty_db_target, "SELECT database_id FROM database_identity")
    assert len(first) == 32 and int(first, 16)
    if db_kind == "sqlite":
        second = str(tmp_path / "second.db")
    else:
        server = request.getfixturevalue("pg_server")
        second = server.new_database(empty=True)
        request.addfinalizer(lambda: server.drop(second))
    open_backend(second).close()
    assert read(second, "SELECT database_id FROM database_identity") != [(first,)]
    for statement in ("UPDATE database_identity SET database_id = 'x'",
                      "DELETE FROM database_identity"):
        assert "database_identity is fixed" in (refusal(empty_db_target, statement) or "")


@pytest.fixture
def other_backup(tmp_path) -> Path:
    """A backup of another office's database, copied beside ours as a clerk would."""
    other = tmp_path / "other" / "pcrm.db"
    other.parent.mkdir()
    opened = open_backend(str(other))
    try:
        actor = complete_first_run(opened.ctx, OfficeProfile("사직동 행정복지센터"), ["민원팀"],
                                   "이사직", "hong", ADMIN_PASSWORD)
        ctx = opened.ctx.as_actor(actor)
        citizens.register_citizen(ctx, Citizen(None, "사직주민", 1970), allow_duplicate=True)
        made = backups.backup_now(ctx)
    finally:
        opened.close()
    return made.path


@FILE_BACKUPS
def test_every_database_gets_its_own_id_at_creation(admin_ctx, db_path, tmp_path):
    first = identity(db_path)
    assert len(first) == 32 and int(first, 16)
    second_path = tmp_path / "second.db"
    open_backend(str(second_path)).close()
    assert identity(second_path) != first
    # a copy of the file is the same database
    copy = tmp_path / "copy.db"
    backups.backup_now(admin_ctx)
    shutil.copy(next((db_path.parent / "backups").glob("*.db")), copy)
    assert identity(copy) == first


@FILE_BACKUPS
def test_a_backup_records_its_database(admin_ctx, db_path):
    made = backups.backup_now(admin_ctx)
    manifest = json.loads((db_path.parent / "backups" / "manifest.json").read_text("utf-8"))
    assert manifest["backups"][made.name]["database_id"] == identity(db_path)


@FILE_BACKUPS
def test_restoring_another_databases_backup_needs_a_second_yes(admin_ctx, db_path, other_backup):
    citizens.register_citizen(admin_ctx, Citizen(None, "우리주민", 1980), allow_duplicate=True)
    ours = identity(db_path)
    with pytest.raises(DatabaseError) as refused:
        backups.restore(admin_ctx, str(other_backup))
    assert refused.value.code == "restore_other_database"
    text = korean_message(refused.value)
    assert "다른 데이터베이스의 백업" in text and ours[:8] in text and "--other-database" in text
    # nothing was changed, no pre-restore copy was made
    assert [r[0] for r in rows(db_path, "SELECT name FROM citizens")] == ["우리주민"]
    assert identity(db_path) == ours
    done = backups.restore(admin_ctx, str(other_backup), other_database=True)
    assert [r[0] for r in rows(db_path, "SELECT name FROM citizens")] == ["사직주민"]
    assert identity(db_path) != ours
    entry = rows(db_path, "SELECT detail FROM audit_log WHERE action = 'backup.restore'")
    assert "다른 데이터베이스의 백업" in entry[-1][0] and ours in entry[-1][0]
    assert done.pre_restore


@FILE_BACKUPS
def test_restoring_this_databases_own_backup_asks_nothing_more(admin_ctx, db_path):
    made = backups.backup_now(admin_ctx)
    citizens.register_citizen(admin_ctx, Citizen(None, "나중주민", 1980), allow_duplicate=True)
    backups.restore(admin_ctx, made.name)
    assert rows(db_path, "SELECT count(*) FROM citizens WHERE name = '나중주민'") == [(0,)]


@FILE_BACKUPS
def test_the_command_refuses_with_yes_alone(admin_ctx, db_path, other_backup, capsys,
                                            monkeypatch):
    monkeypatch.setenv("PCRM_USER", "hong")
    code = cli.main(["restore", str(other_backup), "--db", str(db_path), "--yes"])
    assert code == 1 and "다른 데이터베이스의 백업" in capsys.readouterr().err
    code = cli.main(["restore", str(other_backup), "--db", str(db_path), "--yes",
                     "--other-database"])
    assert code == 0, capsys.readouterr()
    assert [r[0] for r in rows(db_path, "SELECT name FROM citizens")] == ["사직주민"]


@FILE_BACKUPS
def test_after_restoring_another_database_the_log_verifies(admin_ctx, db_path, other_backup):
    """The witnesses follow the restored database (its id, its head)."""
    from pcrm_desktop.services import audit_trail
    assert audit_trail.verify_chain(admin_ctx).ok
    backups.restore(admin_ctx, str(other_backup), other_database=True)
    report = audit_trail.verify_chain(admin_ctx)
    assert report.ok, report
