"""백업과 복구 on real files: backup → verify → restore round trips (also while another instance
has the file open and goes on reading and writing), the access log's anchor after a restore,
encrypted copies and what breaks them, the rotation over a year, a damaged database at start,
full disks, read-only and missing folders, locked files, roles and the command line."""
from __future__ import annotations

import argparse
import errno
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from pcrm_desktop import cli
from pcrm_desktop.cli import backup as cli_backup
from pcrm_desktop.config import resolve_database
from pcrm_desktop.db.audit_witness import anchor_path, read_anchor
from pcrm_desktop.db.backup import copying, restoring
from pcrm_desktop.db.backup import damaged as damaged_files
from pcrm_desktop.db.backup import encrypted as encryption
from pcrm_desktop.db.backup import files as backup_files
from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.audit_details import is_known
from pcrm_desktop.domain.citizens import Citizen
from pcrm_desktop.domain.errors import DatabaseError, ValidationError
from pcrm_desktop.domain.messages import korean_message
from pcrm_desktop.domain.privacy import PermissionDenied
from pcrm_desktop.domain.progress import Step
from pcrm_desktop.services import audit_trail, backups, citizens, office
from tests.conftest import ADMIN_PASSWORD
from tests.dbutil import rows

pytestmark = pytest.mark.sqlite_only(
    "the backups folder beside a file, its rotation, checks and restoring a file: a server is "
    "backed up with pg_dump or the export (test_server_backup.py)")

USB_PASSWORD = "Usb#Backup2026"
REPO = Path(__file__).resolve().parents[2]


class Clock:
    def __init__(self, now: datetime = datetime(2026, 11, 27, 9, 0)) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def tick(self, **delta) -> datetime:
        self.now += timedelta(**delta)
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def admin(admin_ctx, clock):
    return replace(admin_ctx, clock=clock)


def _register(ctx, *names: str) -> list[int]:
    return [citizens.register_citizen(ctx, Citizen(None, name, 1940 + n % 60,
                                                   phones=(f"010-1234-{n:04d}",)),
                                      allow_duplicate=True).citizen_id for n, name in enumerate(names)]


def _people(db: Path) -> list[tuple]:
    return rows(db, "SELECT id, name FROM citizens ORDER BY id")


def _dump(db: Path, skip: tuple[str, ...] = ("audit_log", "audit_chain_base")) -> dict[str, list]:
    """Every row of every ordinary table (the content a restore must bring back)."""
    conn = sqlite3.connect(db)
    try:
        names = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL%'")]
        return {n: sorted(map(repr, conn.execute(f'SELECT * FROM "{n}"'))) for n in names
                if n not in skip and not n.endswith(("_data", "_idx", "_docsize", "_config",
                                                      "_content"))}
    finally:
        conn.close()


def _integrity(db: Path) -> str:
    return rows(db, "PRAGMA integrity_check")[0][0]


def _actions(db: Path, *names: str) -> list[tuple]:
    marks = ",".join("?" * len(names))
    return rows(db, f"SELECT action, target, detail FROM audit_log WHERE action IN ({marks}) "
                    "ORDER BY id", *names)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- backup, verify, restore -----------------------------------------------------------------

def test_a_backup_is_verified_named_listed_and_logged(admin, db_path, clock):
    _register(admin, "김백업", "이백업")
    made = backups.backup_now(admin)
    assert made.path.parent == db_path.parent / "backups"
    assert made.name == "pcrm-20261127-090000-manual.db" and made.kind == "manual" and made.kept
    assert made.verified and made.revision and made.audit_last_id
    # a self-contained file (rollback journal, no -wal) that passes a full check on its own
    assert made.path.read_bytes()[18:20] == b"\x01\x01"
    assert _integrity(made.path) == "ok" and _people(made.path) == _people(db_path)
    assert [p.name for p in made.path.parent.iterdir() if p.suffix in (".part", ".tmp")] == []
    assert [b.name for b in backups.list_backups(admin)] == [made.name]
    assert _actions(db_path, "backup.create")[0][:2] == ("backup.create", made.name)
    manifest = json.loads((made.path.parent / "manifest.json").read_text("utf-8"))
    assert manifest["backups"][made.name]["integrity"] == "ok"


def test_round_trip_restores_the_content_moves_the_anchor_and_keeps_the_replaced_data(
        admin, db_path, clock):
    _register(admin, "김하나", "이둘")
    audit_trail.verify_chain(admin)                     # an anchor at the head
    made = backups.backup_now(admin)
    at_backup = _dump(made.path)
    backup_head = rows(made.path, "SELECT max(id), hash FROM audit_log WHERE id = "
                                  "(SELECT max(id) FROM audit_log)")[0]
    clock.tick(hours=1)
    _register(admin, "박나중")                            # changes after the backup
    citizens.add_interaction(admin, 1, "phone", "call", "통화")
    audit_trail.verify_chain(admin)                     # the anchor moves past the backup's head
    assert read_anchor(db_path)["last_id"] > backup_head[0]
    before_restore = _dump(db_path)
    clock.tick(hours=1)

    done = backups.restore(admin, made.name)

    assert _dump(db_path) == at_backup                  # the content is the backup's
    assert _integrity(db_path) == "ok"
    assert [n for _, n in _people(db_path)] == ["김하나", "이둘"]
    # the replaced data is kept, whole, in a pre-restore backup
    pre = db_path.parent / "backups" / done.pre_restore
    assert done.pre_restore == "pcrm-20261127-110000-pre-restore.db"
    assert _dump(pre) == before_restore and _integrity(pre) == "ok"
    assert [b.kind for b in backups.list_backups(admin)] == ["pre-restore", "manual"]
    # the anchor moved back to the restored log's verified head, the old one kept inside it
    anchor = read_anchor(db_path)
    assert (anchor["last_id"], anchor["hash"]) == (backup_head[0], bytes(backup_head[1]).hex())
    assert anchor["rebased"]["replaced"]["last_id"] > backup_head[0]
    assert done.head_id == backup_head[0] and done.previous_anchor_id > backup_head[0]
    # the restore is logged in the restored log, and the chain verifies against the anchor
    restored = _actions(db_path, "backup.restore")
    assert len(restored) == 1 and restored[0][1] == made.name
    assert done.pre_restore in restored[0][2] and f"#{backup_head[0]}" in restored[0][2]
    assert is_known("backup.restore", restored[0][2])  # shown in the screen's language
    report = audit_trail.verify_chain(admin)
    assert report.ok and report.last_id > backup_head[0]
    assert not done.migrated and done.attempts == 1


def test_without_the_rebase_the_check_would_say_missing(admin, db_path):
    """What the anchor re-base is for: an anchor past the restored head reads as a cut log."""
    made = backups.backup_now(admin)
    _register(admin, "김추가")
    audit_trail.verify_chain(admin)
    stale = read_anchor(db_path)
    backups.restore(admin, made.name)
    assert audit_trail.verify_chain(admin, record=False).ok
    anchor_path(db_path).write_text(json.dumps(stale), encoding="utf-8")
    report = audit_trail.verify_chain(admin, record=False)
    assert not report.ok and report.problem in ("missing", "anchor", "edited")


OTHER_INSTANCE = textwrap.dedent("""
    import sys, sqlite3
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.domain.audit import Actor
    from pcrm_desktop.domain.citizens import Citizen
    from pcrm_desktop.services import citizens
    backend = open_backend(sys.argv[1])
    ctx = backend.ctx.as_actor(Actor(1, "hong", "admin", "PC-02"))
    print("before", citizens.count(ctx), flush=True)
    assert sys.stdin.readline().strip() == "go"
    print("after", citizens.count(ctx), flush=True)
    new = citizens.register_citizen(ctx, Citizen(None, "다른창", 1990), allow_duplicate=True)
    print("wrote", new.citizen_id, citizens.count(ctx), flush=True)
    backend.close()
""")


def test_restore_while_another_instance_has_the_file_open(admin, db_path, backend):
    """Another process opened the database (its engine, pool and caches stay alive across the
    restore), then reads and writes: it sees the restored data, and nothing is corrupt."""
    _register(admin, "김원래", "이원래")
    made = backups.backup_now(admin)
    _register(admin, "박삭제될", "최삭제될", "정삭제될")
    other = subprocess.Popen([sys.executable, "-c", OTHER_INSTANCE, str(db_path)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, cwd=REPO)
    try:
        assert other.stdout.readline().split() == ["before", "5"]
        # a second engine in this process, with a read transaction open during the restore
        from pcrm_desktop.bootstrap import open_backend
        second = open_backend(str(db_path))
        reader = sqlite3.connect(db_path, isolation_level=None)
        reader.execute("BEGIN")
        assert reader.execute("SELECT count(*) FROM citizens").fetchone() == (5,)
        try:
            backups.restore(admin, made.name)
            # the open read transaction still sees its snapshot; its next one the restored data
            assert reader.execute("SELECT count(*) FROM citizens").fetchone() == (5,)
            reader.execute("COMMIT")
            assert reader.execute("SELECT count(*) FROM citizens").fetchone() == (2,)
            assert citizens.count(second.ctx.as_actor(admin.actor)) == 2
            other.stdin.write("go\n")
            other.stdin.flush()
            assert other.stdout.readline().split() == ["after", "2"]
            wrote = other.stdout.readline().split()
            assert wrote[0] == "wrote" and wrote[2] == "3", other.stderr.read()
            assert other.wait(timeout=60) == 0, other.stderr.read()
            _register(second.ctx.as_actor(admin.actor), "두번째엔진")
        finally:
            reader.close()
            second.close()
    finally:
        if other.poll() is None:
            other.kill()
    assert _integrity(db_path) == "ok"
    assert [n for _, n in _people(db_path)] == ["김원래", "이원래", "다른창", "두번째엔진"]
    assert audit_trail.verify_chain(admin).ok


def test_a_commit_between_the_copy_and_the_restore_is_not_lost(admin, db_path):
    """Someone saves after the pre-restore copy was taken: the restore notices (the live file's
    data_version moved while it held the write lock), rolls back and takes the copy again, so
    the pre-restore backup holds that save."""
    made = backups.backup_now(admin)
    target = db_path.parent / "backups" / "pcrm-20990101-000000-pre-restore.db"
    sneaked = []

    def progress(phase, done, total):
        if phase == "snapshot" and done == total and not sneaked:
            conn = sqlite3.connect(db_path)
            conn.execute("INSERT INTO departments (name, active) VALUES ('몰래 추가된 팀', 1)")
            conn.commit()
            conn.close()
            sneaked.append(True)
    outcome = restoring.restore_database(made.path, db_path, target, progress)
    assert outcome.attempts == 2
    assert rows(target, "SELECT count(*) FROM departments WHERE name = '몰래 추가된 팀'") == [(1,)]
    assert rows(db_path, "SELECT count(*) FROM departments WHERE name = '몰래 추가된 팀'") == [(0,)]
    assert _integrity(db_path) == "ok"


def test_a_restore_that_cannot_get_a_quiet_moment_changes_nothing(admin, db_path):
    made = backups.backup_now(admin)
    _register(admin, "김그대로")
    before = _dump(db_path)

    def progress(phase, done, total):
        if phase == "snapshot" and done == total:   # a save after every copy
            conn = sqlite3.connect(db_path)
            conn.execute("UPDATE office SET phone = ?", (f"02-{os.getpid() % 1000}-{done}",))
            conn.execute("INSERT INTO departments (name) VALUES (?)", (f"팀{os.urandom(4).hex()}",))
            conn.commit()
            conn.close()
    with pytest.raises(DatabaseError) as refused:
        restoring.restore_database(made.path, db_path, db_path.parent / "backups" / "x-pre.db",
                               progress, attempts=2)
    assert refused.value.code == "restore_busy"
    # not restored: the data are the current ones, with every save made meanwhile
    after = _dump(db_path)
    assert after["citizens"] == before["citizens"] and after != _dump(made.path)
    assert len(after["departments"]) == len(before["departments"]) + 2
    assert _integrity(db_path) == "ok"


def test_cancelling_midway_leaves_the_database_as_it_was(admin, db_path):
    _register(admin, *[f"주민{n}" for n in range(200)])
    made = backups.backup_now(admin)
    _register(admin, "김나중")
    before = _dump(db_path)

    class Cancel(Exception):
        pass

    def progress(done, total, step):
        if step == Step.BACKUP_RESTORE and 0 < done < total:
            raise Cancel()
    with pytest.raises(Cancel):
        backups.restore(admin, made.name, progress=progress)
    assert _dump(db_path) == before and _integrity(db_path) == "ok"
    assert _actions(db_path, "backup.restore") == []


def test_restore_refuses_what_it_should_and_changes_nothing(admin, db_path, tmp_path):
    made = backups.backup_now(admin)
    before = _dump(db_path)
    # not ours: a foreign SQLite file, random bytes
    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    junk = tmp_path / "junk.db"
    junk.write_bytes(os.urandom(8192))
    # too new: a revision this version does not know
    newer = tmp_path / "newer.db"
    shutil.copy(made.path, newer)
    conn = sqlite3.connect(newer)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    # a tampered access log (the guards dropped, an entry edited)
    tampered = tmp_path / "tampered.db"
    shutil.copy(made.path, tampered)
    conn = sqlite3.connect(tampered)
    conn.execute("DROP TRIGGER IF EXISTS audit_log_append_only")
    conn.execute("UPDATE audit_log SET detail = '고친 내용' WHERE id = 1")
    conn.commit()
    conn.close()
    # damaged pages
    damaged = tmp_path / "damaged.db"
    content = bytearray(made.path.read_bytes())
    for page in range(2, len(content) // 4096):
        content[page * 4096 + 8:page * 4096 + 40] = b"\xee" * 32
    damaged.write_bytes(bytes(content))
    expected = {db_path: "restore_from_live", db_path.with_name("pcrm.db-wal"): "restore_from_live",
                foreign: "backup_not_pcrm", junk: "backup_not_pcrm", newer: "backup_too_new",
                tampered: "backup_chain_broken", damaged: "backup_damaged",
                tmp_path / "absent.db": "backup_not_found"}
    for path, code in expected.items():
        with pytest.raises(DatabaseError) as refused:
            backups.restore(admin, path)
        assert refused.value.code == code, path.name
        assert "{" not in korean_message(refused.value)
    assert _dump(db_path) == before
    assert [b.kind for b in backups.list_backups(admin)] == ["manual"]   # no pre-restore copies
    assert not list((db_path.parent / "backups").glob(".restore-*"))


def test_restoring_a_file_from_elsewhere_copies_it_in_first(admin, db_path, tmp_path):
    made = backups.backup_now(admin)
    usb = tmp_path / "usb"
    usb.mkdir()
    shutil.copy(made.path, usb / "사본.db")
    _register(admin, "김지울")
    done = backups.restore(admin, usb / "사본.db")
    assert done.name == "사본.db" and _people(db_path) == _people(made.path)
    assert sorted(p.name for p in usb.iterdir()) == ["사본.db"]    # the stick is only read
    assert not list((db_path.parent / "backups").glob(".restore-*"))


def test_restoring_an_older_schema_upgrades_it_and_anchors_its_new_chain(admin, db_path, tmp_path):
    """A backup from before the access-log chain (0009): restored, upgraded, chained, anchored."""
    from alembic import command

    from pcrm_desktop.db import migrate
    from pcrm_desktop.db.engine import make_engine
    old = db_path.parent / "backups" / "pcrm-20250101-090000-manual.db"
    old.parent.mkdir(exist_ok=True)
    engine = make_engine(f"sqlite:///{old}")
    config = migrate.alembic_config()
    with engine.begin() as conn:
        config.attributes["connection"] = conn
        command.upgrade(config, "0009")
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO staff (id, name, login, role, active, created_at) "
                             "VALUES (1, '홍길동', 'hong', 'admin', 1, '2025-01-05 09:00:00.000000')")
        conn.exec_driver_sql("INSERT INTO audit_log (id, at, staff_id, actor, workstation, action, "
                             "target, detail) VALUES (1, '2025-01-05 09:01:00.000000', 1, 'hong', "
                             "'PC-01', 'office.setup', 'office', '센터')")
        conn.exec_driver_sql("PRAGMA journal_mode=DELETE")
    engine.dispose()
    done = backups.restore(admin, old.name)
    assert done.migrated and done.revision == "0009"
    assert rows(db_path, "SELECT version_num FROM alembic_version") == [(migrate.HEAD_REVISION,)]
    # the upgrade chained the one entry and logged its RRN re-scan (0012): that is the new head
    assert _actions(db_path, "privacy.rrn_rescan")[0][0] == "privacy.rrn_rescan"
    assert done.head_id == 2 and read_anchor(db_path)["last_id"] == 2
    assert [a for a, _, _ in _actions(db_path, "backup.restore", "db.upgrade")] == \
        ["backup.restore", "db.upgrade"]
    assert audit_trail.verify_chain(replace(admin, actor=Actor(1, "hong", "admin", "PC-01"))).ok


# --- due, automatic backups, rotation ----------------------------------------------------------

def test_automatic_backups_are_made_only_when_something_changed(admin, db_path, clock):
    first = backups.automatic_backup(admin, "start")
    assert first.made is not None and first.due.why == "first"
    clock.tick(minutes=5)
    assert backups.due(admin, reason="exit").why == "unchanged"        # its own entry is quiet
    from pcrm_desktop.services import accounts
    accounts.sign_in(admin, "hong", ADMIN_PASSWORD)                    # signing in is quiet
    assert not backups.due(admin, reason="start").due
    _register(admin, "김변경")
    assert backups.due(admin, reason="exit").why == "changed"
    assert not backups.due(admin, reason="daily").due                  # but not 24 hours yet
    clock.tick(hours=24)
    assert backups.due(admin, reason="daily").due
    made = backups.automatic_backup(admin, "daily")
    assert made.made.reason == "daily"
    assert backups.automatic_backup(admin, "exit").made is None


def test_after_a_restore_a_backup_is_due_even_with_fewer_entries(admin, db_path, clock):
    made = backups.backup_now(admin)
    _register(admin, *[f"주민{n}" for n in range(5)])
    clock.tick(minutes=1)
    backups.backup_now(admin)                    # the newest backup holds the five
    clock.tick(minutes=1)
    backups.restore(admin, made.name)            # the newest is now the pre-restore copy
    assert backups.due(admin, reason="start").due


def test_a_year_of_daily_backups_is_rotated_to_7_4_12(admin, db_path, clock):
    """Forty days of real automatic backups (a change each day), then a year of backup files:
    the rotation keeps the newest of the last 7 days, 4 weeks and 12 months, every manual and
    pre-restore backup, and logs what it removed."""
    from pcrm_desktop.domain.backups import parse_backup_name

    def kept_on(made, today) -> bool:
        """Worked by hand for one backup a day from Thu 2026-01-01: a backup goes when it
        leaves the last 7 days, 7 days after it was made; a Sunday's (its ISO week's newest)
        only when its week leaves the 4 newest, 22 days after; Jan 31 (January's newest)
        stays, one of the 12 newest months. So Jan 1 goes on Jan 8, Jan 4 on Jan 26."""
        days = 22 if made.weekday() == 6 else 7
        return made == datetime(2026, 1, 31).date() or today < made + timedelta(days=days)
    clock.now = datetime(2026, 1, 1, 18, 0)
    made = []
    for day in range(40):
        _register(admin, f"주민{day}")
        done = backups.automatic_backup(admin, "exit")
        assert done.made is not None
        made.append(done.made.name)
        names = {b.name for b in backups.list_backups(admin)}
        expected = {n for n in made if kept_on(parse_backup_name(n).at.date(), clock.now.date())}
        assert names == expected            # pruned after every backup, by the rule
        assert made[-1] in names
        clock.tick(days=1)
    # Jan 1 … Feb 9: the last 7 days, Sundays of the 4 newest weeks, Jan 31 — and no more
    assert len(names) == 7 + 2 + 1
    # a year of files more: copies of one verified backup under each day's names
    folder = db_path.parent / "backups"
    template = backups.list_backups(admin)[0].path
    manual = backups.backup_now(admin)
    day = datetime(2026, 2, 10)
    for n in range(330):
        for hour, reason in ((9, "start"), (18, "exit")):
            at = (day + timedelta(days=n)).replace(hour=hour)
            shutil.copy(template, folder / f"pcrm-{at:%Y%m%d-%H%M%S}-{reason}.db")
    kept_manual = folder / "pcrm-20260301-120000-pre-restore.db"
    shutil.copy(template, kept_manual)
    before = [parse_backup_name(b.name) for b in backups.list_backups(admin)]
    # worked by hand: the files run to Tue 2027-01-05; kept are the 18:00 copies of the last
    # 7 days (Dec 30 … Jan 5), of the newest days of ISO weeks 2026-W52 and W51 (Sun Dec 27,
    # Dec 20; W53 and 2027-W01 end inside the 7 days) and of the last days of the months back
    # to the 12th newest (Nov 30 … Feb 28; December's and January's are among the 7 days)
    expected = {f"pcrm-{day}-180000-exit.db" for day in (
        "20261230", "20261231", "20270101", "20270102", "20270103", "20270104", "20270105",
        "20261227", "20261220", "20261130", "20261031", "20260930", "20260831", "20260731",
        "20260630", "20260531", "20260430", "20260331", "20260228")}
    removed = backups.prune(admin)
    left = backups.list_backups(admin)
    automatic = sorted((b for b in left if not b.kept), key=lambda b: b.at)
    assert {b.name for b in automatic} == expected and len(automatic) <= 7 + 4 + 12
    last = automatic[-1].at
    assert [b.at.date() for b in automatic[-7:]] == [(last - timedelta(days=d)).date()
                                                    for d in range(6, -1, -1)]
    assert all(b.reason == "exit" for b in automatic)      # the newest of each day
    assert len({(b.at.year, b.at.month) for b in automatic}) == 12
    assert len({b.at.isocalendar()[:2] for b in automatic[-10:]}) >= 4
    assert {b.name for b in left if b.kept} == {manual.name, kept_manual.name}
    assert len(removed) == len(before) - len(left)
    logged = _actions(db_path, "backup.prune")
    assert f"{len(removed)}개" in logged[-1][2]
    assert all(name in logged[-1][2] for name in removed)
    assert is_known("backup.prune", logged[-1][2])
    assert backups.prune(admin) == []                   # stable


# --- encrypted copies ----------------------------------------------------------------------------

@pytest.fixture
def usb(tmp_path) -> Path:
    folder = tmp_path / "usb"
    folder.mkdir()
    return folder


def test_encrypted_round_trip(admin, db_path, usb, clock):
    _register(admin, "김암호", "이암호")
    out = usb / "pcrm.pcrmbak"
    done = backups.export_encrypted(admin, out, USB_PASSWORD, "외부 보관")
    assert done.encrypted and out.stat().st_size == done.size_bytes
    raw = out.read_bytes()
    assert raw.startswith(b"PCRMBAK\x00") and b"SQLite format 3" not in raw
    assert "김암호".encode() not in raw
    assert sorted(p.name for p in usb.iterdir()) == ["pcrm.pcrmbak"]
    assert not list((db_path.parent / "backups").glob(".export-*"))
    logged = rows(db_path, "SELECT action, target, reason FROM audit_log WHERE action = 'backup.export'")
    assert logged == [("backup.export", "pcrm.pcrmbak", "외부 보관")]
    # decrypted, it is a verified database equal to the data at export time
    plain = usb / "열어본.db"
    encryption.decrypt_file(out, plain, USB_PASSWORD)
    assert _integrity(plain) == "ok" and _people(plain) == _people(db_path)
    # and it restores
    expected = _dump(plain)
    _register(admin, "박나중")
    clock.tick(hours=1)
    restored = backups.restore(admin, out, password=USB_PASSWORD)
    assert _dump(db_path) == expected and restored.name == "pcrm.pcrmbak"
    assert not list((db_path.parent / "backups").glob(".restore-*"))


def _encrypted(tmp_path: Path, size: int, chunk: int = 4096) -> tuple[Path, bytes]:
    plain = tmp_path / "plain.bin"
    data = os.urandom(size)
    plain.write_bytes(data)
    out = tmp_path / "x.pcrmbak"
    encryption.encrypt_file(plain, out, USB_PASSWORD, log2n=10, chunk_size=chunk)
    return out, data


@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 4097, 3 * 4096, 3 * 4096 + 17])
def test_any_size_decrypts_to_the_same_bytes(tmp_path, size):
    out, data = _encrypted(tmp_path, size)
    header = encryption._HEADER.size + encryption.TAG
    chunks = max(1, -(-size // 4096))      # the last chunk may be full; an empty file: one
    assert out.stat().st_size == header + size + chunks * encryption.TAG
    back = tmp_path / "back.bin"
    assert encryption.decrypt_file(out, back, USB_PASSWORD) == size
    assert back.read_bytes() == data


def _refused(encrypted: Path, tmp_path: Path, password: str = USB_PASSWORD) -> DatabaseError:
    target = tmp_path / "out" / "restored.db"
    target.parent.mkdir(exist_ok=True)
    before = sorted(p.name for p in target.parent.iterdir())
    with pytest.raises(DatabaseError) as refused:
        encryption.decrypt_file(encrypted, target, password)
    assert sorted(p.name for p in target.parent.iterdir()) == before   # nothing written
    assert "{" not in korean_message(refused.value)
    return refused.value


def test_a_wrong_password_writes_nothing(tmp_path):
    out, _ = _encrypted(tmp_path, 20000)
    error = _refused(out, tmp_path, "Wrong#Pass2026")
    assert error.code == "backup_password_wrong" and "비밀번호" in korean_message(error)


@pytest.mark.parametrize("where", ["kdf", "chunk size", "salt", "check", "first chunk", "middle",
                                   "last byte"])
def test_a_flipped_byte_is_found(tmp_path, where):
    out, _ = _encrypted(tmp_path, 5 * 4096 + 100)
    raw = bytearray(out.read_bytes())
    header = encryption._HEADER.size
    position = {"kdf": 9, "chunk size": 16, "salt": 20, "check": header + 3, "first chunk": header + 16 + 10,
                "middle": header + 16 + 2 * (4096 + 16) + 1000, "last byte": len(raw) - 1}[where]
    raw[position] ^= 0x01
    out.write_bytes(bytes(raw))
    error = _refused(out, tmp_path)
    # the header is authenticated by the password check: a change there reads as a wrong
    # password (the message says the file's start may be damaged); an unknown KDF as a format
    expected = {"kdf": "backup_format", "chunk size": "backup_password_wrong",
                "salt": "backup_password_wrong",
                "check": "backup_password_wrong"}.get(where, "backup_tampered")
    assert error.code == expected


@pytest.mark.parametrize("cut", ["one chunk", "mid chunk", "to the header", "empty"])
def test_a_truncated_file_is_found(tmp_path, cut):
    out, _ = _encrypted(tmp_path, 4 * 4096 + 10)
    raw = out.read_bytes()
    header = encryption._HEADER.size + encryption.TAG
    sealed = 4096 + 16
    keep = {"one chunk": header + 4 * sealed, "mid chunk": header + 2 * sealed + 100,
            "to the header": header, "empty": 0}[cut]
    out.write_bytes(raw[:keep])
    error = _refused(out, tmp_path)
    assert error.code == ("backup_not_encrypted" if cut == "empty" else "backup_tampered")


def test_swapped_chunks_and_appended_bytes_are_found(tmp_path):
    out, _ = _encrypted(tmp_path, 4 * 4096 + 10)
    raw = out.read_bytes()
    header = encryption._HEADER.size + encryption.TAG
    sealed = 4096 + 16
    chunks = [raw[header + i * sealed:header + (i + 1) * sealed] for i in range(5)]
    out.write_bytes(raw[:header] + chunks[1] + chunks[0] + b"".join(chunks[2:]))
    assert _refused(out, tmp_path).code == "backup_tampered"
    out.write_bytes(raw + os.urandom(40))
    assert _refused(out, tmp_path).code == "backup_tampered"
    out.write_bytes(raw[:header] + b"".join(chunks[:4]) + chunks[3])   # last chunk replaced
    assert _refused(out, tmp_path).code == "backup_tampered"


@pytest.mark.parametrize("offset, value", [(10, 40), (10, 21), (11, 9), (12, 5), (13, 0xFF)])
def test_a_crafted_header_cannot_ask_for_gigabytes(tmp_path, offset, value):
    """log2 n, r, p and the chunk size are bounded before any memory is asked for (scrypt
    needs 128 × r × n bytes: log2 n = 40 would be 128 TiB)."""
    out, _ = _encrypted(tmp_path, 100)
    raw = bytearray(out.read_bytes())
    raw[offset] = value
    out.write_bytes(bytes(raw))
    assert _refused(out, tmp_path).code == "backup_tampered"


def test_an_encrypted_restore_with_a_wrong_password_changes_nothing(admin, db_path, usb):
    out = usb / "pcrm.pcrmbak"
    backups.export_encrypted(admin, out, USB_PASSWORD, "보관")
    before = _dump(db_path)
    for password, code in ((None, "backup_password_required"), ("", "backup_password_required"),
                           ("Wrong#Pass2026", "backup_password_wrong")):
        with pytest.raises(DatabaseError) as refused:
            backups.restore(admin, out, password=password)
        assert refused.value.code == code
    assert _dump(db_path) == before
    assert [b.kind for b in backups.list_backups(admin)] == []
    assert not list((db_path.parent / "backups").glob(".restore-*"))


def test_an_export_needs_a_reason_and_a_strong_password(admin, usb):
    with pytest.raises(ValidationError) as no_reason:
        backups.export_encrypted(admin, usb / "a.pcrmbak", USB_PASSWORD, " ")
    assert no_reason.value.code == "reason_required"
    with pytest.raises(ValidationError) as weak:
        backups.export_encrypted(admin, usb / "a.pcrmbak", "1234", "보관")
    assert weak.value.code.startswith("password_")
    assert list(usb.iterdir()) == []


def test_a_plain_copy_elsewhere_is_verified_and_logged(admin, db_path, usb):
    done = backups.export_copy(admin, usb / "사본.db", "감사 제출")
    assert not done.encrypted and _integrity(usb / "사본.db") == "ok"
    assert rows(db_path, "SELECT target, reason FROM audit_log WHERE action = 'backup.copy'") == \
        [("사본.db", "감사 제출")]


# --- the disk says no ----------------------------------------------------------------------------

def test_a_full_disk_during_a_backup_leaves_no_file_and_loses_nothing(admin, db_path, monkeypatch):
    _register(admin, "김그대로")
    before = _dump(db_path)
    real = copying._run_backup

    def full(src, dst, total, progress):
        real(src, dst, total, progress)
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = 13
        raise error
    monkeypatch.setattr(copying, "_run_backup", full)
    with pytest.raises(DatabaseError) as refused:
        backups.backup_now(admin)
    assert refused.value.code == "backup_disk_full"
    assert "공간이 부족" in korean_message(refused.value)
    assert list((db_path.parent / "backups").glob("*.db*")) == []
    assert _dump(db_path) == before and _actions(db_path, "backup.create") == []


class _FullDisk:
    """A file whose writes fail with ENOSPC after `room` bytes (a USB stick filling up)."""

    def __init__(self, handle, room: int) -> None:
        self.handle, self.room = handle, room

    def write(self, data: bytes) -> int:
        if self.room < len(data):
            raise OSError(errno.ENOSPC, "No space left on device")
        self.room -= len(data)
        return self.handle.write(data)

    def __getattr__(self, name):
        return getattr(self.handle, name)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.handle.close()


def test_a_usb_stick_filling_up_leaves_no_partial_file(admin, db_path, usb, monkeypatch):
    real_open = Path.open

    def open_(self, mode="r", *args, **kwargs):
        handle = real_open(self, mode, *args, **kwargs)
        if "w" in mode and self.parent == usb:
            return _FullDisk(handle, 50_000)
        return handle
    monkeypatch.setattr(Path, "open", open_)
    with pytest.raises(DatabaseError) as refused:
        backups.export_encrypted(admin, usb / "pcrm.pcrmbak", USB_PASSWORD, "보관")
    assert refused.value.code == "backup_disk_full"
    assert list(usb.iterdir()) == []
    assert _actions(db_path, "backup.export") == []
    assert not list((db_path.parent / "backups").glob(".export-*"))


def test_too_little_room_is_said_before_writing(admin, db_path, monkeypatch):
    monkeypatch.setattr(backup_files.shutil, "disk_usage",
                        lambda path: shutil._ntuple_diskusage(10 << 30, 10 << 30, 1 << 20))
    with pytest.raises(DatabaseError) as refused:
        backups.backup_now(admin)
    assert refused.value.code == "disk_space_low"
    assert "1 MB" in korean_message(refused.value)


def test_a_full_disk_before_a_restore_changes_nothing(admin, db_path, monkeypatch):
    made = backups.backup_now(admin)
    _register(admin, "김그대로")
    before = _dump(db_path)
    monkeypatch.setattr(backup_files.shutil, "disk_usage",
                        lambda path: shutil._ntuple_diskusage(10 << 30, 10 << 30, 1 << 20))
    with pytest.raises(DatabaseError) as refused:
        backups.restore(admin, made.name)
    assert refused.value.code == "disk_space_low"
    assert _dump(db_path) == before


def test_a_read_only_backups_folder_is_said_clearly(admin, db_path, monkeypatch):
    real_mkdir = Path.mkdir

    def mkdir(self, *args, **kwargs):
        if self.name == "backups":
            raise PermissionError(errno.EACCES, "Permission denied", str(self))
        return real_mkdir(self, *args, **kwargs)
    monkeypatch.setattr(Path, "mkdir", mkdir)
    with pytest.raises(DatabaseError) as refused:
        backups.backup_now(admin)
    assert refused.value.code == "backup_folder_unwritable"
    assert str(db_path.parent) in korean_message(refused.value)


def test_a_missing_usb_folder_is_not_created(admin, tmp_path):
    gone = tmp_path / "usb-gone" / "pcrm.pcrmbak"
    for call in (lambda: backups.export_encrypted(admin, gone, USB_PASSWORD, "보관"),
                 lambda: backups.export_copy(admin, gone.with_suffix(".db"), "보관")):
        with pytest.raises(DatabaseError) as refused:
            call()
        assert refused.value.code == "backup_folder_missing"
    assert not gone.parent.exists()


@pytest.fixture
def locked(db_path, admin, backend, monkeypatch):
    """Another program holding the file with an exclusive lock (locking_mode=EXCLUSIVE)."""
    monkeypatch.setattr(backup_files, "BUSY_TIMEOUT_S", 0.3)
    backend.migration.engine.dispose()   # the app's idle pooled connections: an exclusive lock
    holder = sqlite3.connect(db_path, isolation_level=None, timeout=0.3)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE office SET phone = phone")
    yield holder
    holder.execute("ROLLBACK")
    holder.close()


def test_a_locked_file_is_said_clearly(admin, db_path, locked):
    with pytest.raises(DatabaseError) as refused:
        backups.backup_now(admin)
    assert refused.value.code == "db_locked"
    assert "잠그고" in korean_message(refused.value)
    assert backups.check_at_start(resolve_database(str(db_path))).state == "locked"
    assert list((db_path.parent / "backups").glob("*.db*")) == []


# --- at start: a damaged database ----------------------------------------------------------------

def _damage(db: Path) -> bytes:
    """Scribble over the cells of every page but the first (a disk fault, a bad copy)."""
    content = bytearray(db.read_bytes())
    for page in range(1, len(content) // 4096):
        content[page * 4096 + 100:page * 4096 + 160] = b"\xab" * 60
    db.write_bytes(bytes(content))
    return bytes(content)


@pytest.fixture
def damaged(admin, db_path, backend, clock):
    """A set-up database with a verified backup, then closed and damaged on disk."""
    _register(admin, "김백업됨", "이백업됨")
    audit_trail.verify_chain(admin)
    made = backups.backup_now(admin)
    clock.tick(hours=2)
    _register(admin, "박잃을")
    backend.close()
    content = _damage(db_path)
    return made, content


def test_a_damaged_database_is_refused_and_never_written(damaged, db_path):
    made, content = damaged
    location = resolve_database(str(db_path))
    check = backups.check_at_start(location)
    assert (check.state, check.ok, check.recoverable, check.quick_checked) == \
        ("damaged", False, True, True)
    assert check.error.code == "db_damaged" and "손상" in korean_message(check.error)
    assert db_path.read_bytes() == content
    # a read-only SQLite connection to a WAL file may leave an empty -wal beside it: no data
    wal = db_path.with_name("pcrm.db-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    good = backups.latest_good_backup(location)
    assert good.path == made.path and good.skipped == []
    assert db_path.read_bytes() == content


def test_recovery_sets_the_damaged_file_aside_and_restores_the_latest_good_backup(
        damaged, db_path):
    made, content = damaged
    location = resolve_database(str(db_path))
    # a newer backup that is itself damaged is skipped
    broken = made.path.with_name("pcrm-20261127-100000-exit.db")
    shutil.copy(made.path, broken)
    _damage(broken)
    good = backups.latest_good_backup(location)
    assert good.path == made.path and good.skipped == [broken.name]
    # a wrong password, or someone who is no admin in the backup: nothing moves
    for login, password in (("hong", "Wrong#Pass2026"), ("nobody", ADMIN_PASSWORD), ("", "")):
        with pytest.raises(DatabaseError) as refused:
            backups.recover(location, good.path, login, password)
        assert refused.value.code == "recovery_login_failed"
        assert db_path.read_bytes() == content
    done = backups.recover(location, good.path, "hong", ADMIN_PASSWORD,
                           now=datetime(2026, 11, 27, 12, 0))
    # the damaged file is kept, byte for byte, beside the new one
    assert done.damaged_copy == db_path.with_name("pcrm.db.damaged-20261127-120000")
    assert done.damaged_copy.read_bytes() == content
    assert _integrity(db_path) == "ok" and [n for _, n in _people(db_path)] == ["김백업됨", "이백업됨"]
    assert backups.check_at_start(location).state == "ok"
    recovered = _actions(db_path, "db.recover")
    assert len(recovered) == 1 and done.damaged_copy.name in recovered[0][2]
    assert is_known("db.recover", recovered[0][2])
    assert rows(db_path, "SELECT actor FROM audit_log WHERE action = 'db.recover'") == [("hong",)]
    # the chain verifies against the re-based anchor
    from pcrm_desktop.bootstrap import open_backend
    reopened = open_backend(str(db_path))
    try:
        ctx = reopened.ctx.as_actor(Actor(1, "hong", "admin", "PC-01"))
        assert audit_trail.verify_chain(ctx).ok
        assert citizens.count(ctx) == 2
    finally:
        reopened.close()


def test_recover_refuses_a_healthy_database(admin, db_path, backend):
    made = backups.backup_now(admin)
    backend.close()
    with pytest.raises(DatabaseError) as refused:
        backups.recover(resolve_database(str(db_path)), made.path, "hong", ADMIN_PASSWORD)
    assert refused.value.code == "restore_not_damaged"


def test_a_file_in_use_elsewhere_is_not_moved(damaged, db_path, monkeypatch):
    made, content = damaged
    monkeypatch.setattr(damaged_files, "in_use_elsewhere", lambda path: True)
    with pytest.raises(DatabaseError) as refused:
        backups.recover(resolve_database(str(db_path)), made.path, "hong", ADMIN_PASSWORD)
    assert refused.value.code == "db_in_use" and db_path.read_bytes() == content


def test_in_use_elsewhere_sees_another_process(admin, db_path, backend):
    backend.close()
    assert not damaged_files.in_use_elsewhere(db_path)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
         "c.execute('SELECT count(*) FROM citizens').fetchone(); print('open', flush=True); "
         "sys.stdin.readline()", str(db_path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "open"
        assert damaged_files.in_use_elsewhere(db_path)
    finally:
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(timeout=30)
    assert not damaged_files.in_use_elsewhere(db_path)


def test_a_failed_copy_puts_the_damaged_file_back(damaged, db_path, monkeypatch):
    made, content = damaged

    def full(*args, **kwargs):
        raise DatabaseError("backup_disk_full", path=str(db_path.parent))
    monkeypatch.setattr(copying, "copy_database", full)
    with pytest.raises(DatabaseError):
        backups.recover(resolve_database(str(db_path)), made.path, "hong", ADMIN_PASSWORD)
    assert db_path.read_bytes() == content
    assert not list(db_path.parent.glob("pcrm.db.damaged-*"))


def test_a_clean_exit_lets_the_next_start_skip_the_quick_check(admin, db_path, backend):
    backups.automatic_backup(admin, "exit")
    backend.close()
    location = resolve_database(str(db_path))
    assert backups.mark_clean_exit(location)
    check = backups.check_at_start(location)
    assert check.ok and not check.quick_checked
    # a change after that (another program, a crash) makes the next start check again
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE office SET phone = '02-000-0000'")
    conn.commit()
    conn.close()
    assert backups.check_at_start(location).quick_checked
    assert backups.check_at_start(location, thorough=True).quick_checked


def test_no_clean_exit_is_recorded_when_changes_were_not_backed_up(admin, db_path, backend):
    backups.backup_now(admin)
    _register(admin, "김안백업")
    backend.close()
    assert not backups.mark_clean_exit(resolve_database(str(db_path)))


def test_a_read_only_folder_is_said_at_start(admin, db_path, monkeypatch):
    monkeypatch.setattr(os, "access", lambda path, mode: False)
    check = backups.check_at_start(resolve_database(str(db_path)))
    assert (check.state, check.ok, check.error.code) == ("unwritable", False, "db_unwritable")
    assert str(db_path.parent) in korean_message(check.error)


def test_a_new_or_remote_database_needs_no_check(tmp_path):
    assert backups.check_at_start(resolve_database(str(tmp_path / "new.db"))).state == "new"
    from pcrm_desktop.config import DatabaseLocation
    assert backups.check_at_start(DatabaseLocation("postgresql://x/y", None)).ok


def test_a_foreign_file_is_not_offered_a_restore(tmp_path):
    foreign = tmp_path / "other.db"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    check = backups.check_at_start(resolve_database(str(foreign)))
    assert check.state == "not_ours" and not check.recoverable


# --- roles -----------------------------------------------------------------------------------------

def _as(ctx, staff_id: int, login: str, role: str):
    return ctx.as_actor(Actor(staff_id, login, role, "PC-09"))


def test_who_may_do_what(admin, db_path, usb):
    office.add_staff(admin, "김팀장", "manager1", "manager")
    office.add_staff(admin, "이주무", "clerk1", "clerk")
    manager, clerk = _as(admin, 2, "manager1", "manager"), _as(admin, 3, "clerk1", "clerk")
    kiosk = _as(admin, 4, "kiosk1", "kiosk")
    made = backups.backup_now(manager)                          # managers back up
    # anyone on staff runs the automatic backups (nothing changed since the manager's: none)
    assert backups.automatic_backup(clerk, "exit").due.why == "unchanged"
    assert [b.name for b in backups.list_backups(clerk)] == [made.name]
    for ctx in (clerk, kiosk):
        with pytest.raises(PermissionDenied):
            backups.backup_now(ctx)
        with pytest.raises(PermissionDenied):
            backups.export_encrypted(ctx, usb / "x.pcrmbak", USB_PASSWORD, "보관")
    for ctx in (manager, clerk, kiosk):
        with pytest.raises(PermissionDenied):
            backups.restore(ctx, made.name)
        with pytest.raises(PermissionDenied):
            backups.delete_backup(ctx, made.name)
    with pytest.raises(PermissionDenied):
        backups.automatic_backup(kiosk, "start")
    assert list(usb.iterdir()) == []
    assert _actions(db_path, "backup.restore", "backup.delete") == []
    backups.delete_backup(admin, made.name)
    assert made.name not in {b.name for b in backups.list_backups(admin)}
    assert _actions(db_path, "backup.delete")[0][1] == made.name
    with pytest.raises(ValidationError):
        backups.backup_now(admin, "pre-restore")              # only a restore makes those


# --- the command line ------------------------------------------------------------------------------

_BUILD_PARSER = cli.build_parser


def _parser() -> argparse.ArgumentParser:
    """cli.build_parser() with the backup commands, whether or not the cli has them wired yet."""
    parser = _BUILD_PARSER()
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    if "backup" not in sub.choices:
        common = argparse.ArgumentParser(add_help=False)
        common.add_argument("--db", metavar="PATH")
        common.add_argument("--json", action="store_true")
        common.add_argument("--user", metavar="LOGIN")
        cli_backup.backup_parser(sub, common)
    return parser


def run(capsys, monkeypatch, *argv: str) -> tuple[int, dict | None, str, str]:
    monkeypatch.setattr(cli, "build_parser", _parser)
    monkeypatch.setitem(cli.COMMANDS, "backup", cli.COMMANDS.get("backup", cli_backup.cmd_backup))
    monkeypatch.setitem(cli.COMMANDS, "restore", cli.COMMANDS.get("restore", cli_backup.cmd_restore))
    code = cli.main(list(argv) + ["--json"])
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip() else None, out, err


@pytest.fixture
def signed(admin, monkeypatch):
    monkeypatch.setenv("PCRM_USER", "hong")
    return admin


def test_cli_backup_list_and_restore(capsys, monkeypatch, signed, db_path):
    _register(signed, "김명령")
    code, summary, _, err = run(capsys, monkeypatch, "backup", "--db", str(db_path))
    assert code == 0, err
    name = summary["backup"]["name"]
    assert summary["backup"]["verified"] and name.endswith("-manual.db")
    code, summary, _, _ = run(capsys, monkeypatch, "backup", "list", "--db", str(db_path))
    assert code == 0 and [b["name"] for b in summary["backups"]] == [name]
    _register(signed, "박지울")
    # no --yes and no terminal: refused, nothing changed
    code, summary, _, err = run(capsys, monkeypatch, "restore", name, "--db", str(db_path))
    assert (code, summary["error"]) == (1, "restore_confirm") and "--yes" in err
    assert len(_people(db_path)) == 2
    code, summary, _, err = run(capsys, monkeypatch, "restore", name, "--yes", "--db", str(db_path))
    assert code == 0, err
    assert summary["restored"] == name and summary["pre_restore"].endswith("-pre-restore.db")
    assert [n for _, n in _people(db_path)] == ["김명령"]


def test_cli_encrypted_backup_to_a_usb_stick_and_back(capsys, monkeypatch, signed, db_path, usb,
                                                      tmp_path):
    password_file = tmp_path / "backup-password.txt"
    password_file.write_text(USB_PASSWORD + "\n", encoding="utf-8")
    password_file.chmod(0o600)
    monkeypatch.setenv("PCRM_BACKUP_PASSWORD_FILE", str(password_file))
    out = usb / "pcrm.pcrmbak"
    code, summary, _, err = run(capsys, monkeypatch, "backup", "--out", str(out), "--encrypt",
                                "--db", str(db_path))
    assert (code, summary["error"]) == (1, "reason_required")
    code, summary, _, err = run(capsys, monkeypatch, "backup", "--out", str(out), "--encrypt",
                                "--reason", "외부 보관", "--db", str(db_path))
    assert code == 0 and summary["encrypted"] and out.exists(), err
    _register(signed, "박나중")
    code, summary, _, err = run(capsys, monkeypatch, "restore", str(out), "--yes", "--db",
                                str(db_path))
    assert code == 0, err
    assert "박나중" not in [n for _, n in _people(db_path)]
    password_file.write_text("Wrong#Pass2026\n", encoding="utf-8")
    code, summary, _, err = run(capsys, monkeypatch, "restore", str(out), "--yes", "--db",
                                str(db_path))
    assert (code, summary["error"]) == (1, "backup_password_wrong") and "비밀번호" in err


def test_cli_recovers_a_damaged_database_without_opening_it(capsys, monkeypatch, damaged, db_path):
    made, content = damaged
    monkeypatch.setenv("PCRM_USER", "hong")
    code, summary, _, err = run(capsys, monkeypatch, "restore", str(made.path), "--yes", "--db",
                                str(db_path))
    assert code == 0, err
    assert summary["recovered"] and Path(summary["damaged_copy"]).read_bytes() == content
    assert "손상" in err and _integrity(db_path) == "ok"


def test_cli_clerk_is_refused(capsys, monkeypatch, signed, db_path, tmp_path):
    from pcrm_desktop.services import accounts
    office.add_staff(signed, "이주무", "clerk1", "clerk", temporary_password="Temp#Pass2026")
    accounts.change_password(_as(signed, 2, "clerk1", "clerk"), "Temp#Pass2026", "Clerk#Pass2026",
                             "Clerk#Pass2026")
    password = tmp_path / "clerk.txt"
    password.write_text("Clerk#Pass2026\n", encoding="utf-8")
    password.chmod(0o600)
    monkeypatch.setenv("PCRM_PASSWORD_FILE", str(password))
    code, summary, _, err = run(capsys, monkeypatch, "backup", "--db", str(db_path),
                                "--user", "clerk1")
    assert (code, summary["error"]) == (1, "forbidden")
