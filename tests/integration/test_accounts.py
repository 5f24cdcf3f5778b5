"""Accounts on a real database file: sign-in, lock-out, reset, forced change, the command line."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import datetime, timedelta

import pytest

from pcrm_desktop.cli import main
from pcrm_desktop.domain.errors import DomainError, ValidationError
from pcrm_desktop.domain.privacy import PermissionDenied
from pcrm_desktop.services import accounts, office
from pcrm_desktop.services.accounts import SignInRefused
from tests.audit_db import rows, tamper
from tests.conftest import ADMIN_PASSWORD

TEMPORARY = "Temp#Pass2026"


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 27, 9, 0)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def admin(admin_ctx, clock):
    return replace(admin_ctx, clock=clock)


@pytest.fixture
def door(admin, backend, clock):
    """The context a login screen works in: nobody signed in yet."""
    return replace(backend.ctx, clock=clock)


def _log(db_target, *actions):
    marks = ",".join("?" * len(actions))
    return rows(db_target, f"SELECT actor, action, target, detail FROM audit_log WHERE action IN "
                           f"({marks}) ORDER BY id", *actions)


def test_sign_in_gives_the_account_and_logs_it(door, db_target):
    signed = accounts.sign_in(door, "HONG ", ADMIN_PASSWORD)  # case and spaces as typed
    assert (signed.actor.login, signed.actor.role, signed.must_change) == ("hong", "admin", False)
    assert signed.actor.staff_id == 1 and signed.name == "홍길동"
    assert _log(db_target, "login.ok") == [("hong", "login.ok", "staff:1", "")]
    assert rows(db_target, "SELECT last_login_at IS NOT NULL FROM staff WHERE login = 'hong'") == [(1,)]


@pytest.mark.sqlite_only("reads the database file and its -wal file byte by byte")
def test_no_password_is_stored_in_the_clear(admin, db_path):
    office.add_staff(admin, "김민원", "kim", "clerk", temporary_password=TEMPORARY)
    raw = db_path.read_bytes() + (db_path.with_name(db_path.name + "-wal").read_bytes()
                                  if db_path.with_name(db_path.name + "-wal").exists() else b"")
    assert TEMPORARY.encode() not in raw and ADMIN_PASSWORD.encode() not in raw
    stored = rows(db_path, "SELECT password_hash FROM staff WHERE login = 'kim'")[0][0]
    assert stored.startswith("scrypt$")


def test_a_refusal_says_nothing_about_the_account_until_the_password_is_right(admin, door,
                                                                              db_target):
    """Unknown login, wrong password, suspended, locked, no password yet: the same answer
    until the password is right. What was typed as an unknown login is not kept."""
    office.add_staff(admin, "김민원", "kim", "clerk", temporary_password=TEMPORARY)
    office.add_staff(admin, "박휴직", "park", "clerk", temporary_password=TEMPORARY)
    office.set_staff_active(admin, "park", False)
    office.add_staff(admin, "이신입", "lee", "clerk")  # no password yet
    answers = []
    for login, password in (("MySecret#2026", "x"), ("hong", "Wrong#Pass2026"),
                            ("park", "Wrong#Pass2026"), ("lee", "Wrong#Pass2026")):
        with pytest.raises(SignInRefused) as caught:
            accounts.sign_in(door, login, password)
        answers.append((caught.value.code, dict(caught.value.params)))
    assert answers == [("login_failed", {"count": 5})] * 4
    logged = _log(db_target, "login.fail")
    assert logged[0][:3] == ("?", "login.fail", "login:?")
    assert "mysecret" not in str(rows(db_target, "SELECT * FROM audit_log")).lower()
    # With the right password, the suspended account is told why.
    with pytest.raises(SignInRefused) as caught:
        accounts.sign_in(door, "park", TEMPORARY)
    assert caught.value.code == "account_inactive"


def test_refusals_take_as_long_as_a_wrong_password():
    """Every refusal path checks one hash (the dummy one where there is no real hash)."""
    import inspect
    source = inspect.getsource(accounts.sign_in)
    before_match = source.split("if not secret_matches(password, cred.password_hash):")[0]
    assert before_match.count("secret_matches(password, _dummy_hash())") == 2


def test_five_wrong_passwords_lock_the_account_until_an_admin_resets_it(admin, door, db_target,
                                                                        clock):
    office.add_staff(admin, "김민원", "kim", "clerk", temporary_password=TEMPORARY)
    for _ in range(5):
        with pytest.raises(SignInRefused) as caught:
            accounts.sign_in(door, "kim", "Wrong#Pass2026")
        assert caught.value.code == "login_failed"
    # Locked: even the right password is refused (and now says why), and a day later too.
    clock.now += timedelta(days=1)
    with pytest.raises(SignInRefused) as caught:
        accounts.sign_in(door, "kim", TEMPORARY)
    assert caught.value.code == "account_locked"
    with pytest.raises(SignInRefused) as caught:  # a wrong one still says nothing
        accounts.sign_in(door, "kim", "Wrong#Pass2026")
    assert caught.value.code == "login_failed"
    assert [a for _, a, _, _ in _log(db_target, "login.fail", "account.lock", "login.locked")] == \
        ["login.fail"] * 4 + ["account.lock", "login.locked", "login.fail"]
    listed = {a.login: a for a in accounts.accounts(admin)}
    assert listed["kim"].locked and not listed["hong"].locked

    accounts.reset_password(admin, "kim", "Fresh#Start2026")
    signed = accounts.sign_in(door, "kim", "Fresh#Start2026")
    assert signed.must_change  # a temporary password
    assert _log(db_target, "password.reset")[0][1:3] == ("password.reset", "staff:2")


def test_a_success_resets_the_count(admin, door, db_target):
    office.add_staff(admin, "김민원", "kim", "clerk", temporary_password=TEMPORARY)
    for _ in range(4):
        with pytest.raises(SignInRefused):
            accounts.sign_in(door, "kim", "Wrong#Pass2026")
    accounts.sign_in(door, "kim", TEMPORARY)
    for _ in range(4):  # four more do not lock: the count started again
        with pytest.raises(SignInRefused):
            accounts.sign_in(door, "kim", "Wrong#Pass2026")
    assert accounts.sign_in(door, "kim", TEMPORARY).actor.login == "kim"


def test_the_only_admin_gets_back_in_after_thirty_minutes(door, clock):
    for _ in range(5):
        with pytest.raises(SignInRefused):
            accounts.sign_in(door, "hong", "Wrong#Pass2026")
    clock.now += timedelta(minutes=29)
    with pytest.raises(SignInRefused) as caught:
        accounts.sign_in(door, "hong", ADMIN_PASSWORD)
    assert caught.value.code == "account_locked_wait" and caught.value.params["minutes"] == 30
    clock.now += timedelta(minutes=1)
    assert accounts.sign_in(door, "hong", ADMIN_PASSWORD).actor.login == "hong"


def test_a_stranger_cannot_lock_every_admin_out_for_good(admin, door, clock):
    """With two admins, both locked from the door: after 30 minutes the first to come back
    gets in (no other admin is unlocked to reset them) and can then reset the other, whose
    lock, with an unlocked admin again in the office, waits for that reset."""
    office.add_staff(admin, "이관리", "lee", "admin", temporary_password=TEMPORARY)
    for login in ("hong", "lee"):
        for _ in range(5):
            with pytest.raises(SignInRefused):
                accounts.sign_in(door, login, "Wrong#Pass2026")
    clock.now += timedelta(minutes=30)
    hong = accounts.sign_in(door, "hong", ADMIN_PASSWORD)
    with pytest.raises(SignInRefused) as caught:
        accounts.sign_in(door, "lee", TEMPORARY)
    assert caught.value.code == "account_locked"
    accounts.reset_password(door.as_actor(hong.actor), "lee", "Fresh#Start2026")
    assert accounts.sign_in(door, "lee", "Fresh#Start2026").must_change


def test_a_suspended_account_cannot_sign_in(admin, door):
    office.add_staff(admin, "김민원", "kim", "clerk", temporary_password=TEMPORARY)
    office.set_staff_active(admin, "kim", False)
    with pytest.raises(SignInRefused) as caught:
        accounts.sign_in(door, "kim", TEMPORARY)
    assert caught.value.code == "account_inactive"


def test_an_account_without_password_waits_for_one(admin, door):
    office.add_staff(admin, "김민원", "kim", "clerk")
    with pytest.raises(SignInRefused) as caught:
        accounts.sign_in(door, "kim", "")
    assert caught.value.code == "login_failed"
    accounts.reset_password(admin, "kim", TEMPORARY)
    assert accounts.sign_in(door, "kim", TEMPORARY).must_change


def test_forced_change_of_a_temporary_password(admin, door, db_target):
    office.add_staff(admin, "김민원", "kim", "clerk", temporary_password=TEMPORARY)
    signed = accounts.sign_in(door, "kim", TEMPORARY)
    me = door.as_actor(signed.actor)
    with pytest.raises(ValidationError) as caught:
        accounts.change_password(me, TEMPORARY, "New#Pass2026", "New#Pass2027")
    assert caught.value.code == "password_mismatch"
    with pytest.raises(ValidationError) as caught:
        accounts.change_password(me, TEMPORARY, TEMPORARY, TEMPORARY)
    assert caught.value.code == "password_same"
    with pytest.raises(ValidationError) as caught:
        accounts.change_password(me, TEMPORARY, "kim#Pass2026", "kim#Pass2026")
    assert caught.value.code == "password_has_login"
    with pytest.raises(SignInRefused) as caught:
        accounts.change_password(me, "Wrong#Pass2026", "New#Pass2026", "New#Pass2026")
    assert caught.value.code == "password_wrong"
    accounts.change_password(me, TEMPORARY, "New#Pass2026", "New#Pass2026")
    again = accounts.sign_in(door, "kim", "New#Pass2026")
    assert not again.must_change
    with pytest.raises(SignInRefused):
        accounts.sign_in(door, "kim", TEMPORARY)
    assert [a for _, a, _, _ in _log(db_target, "password.change", "password.fail")] == \
        ["password.fail", "password.change"]


def test_only_an_admin_resets_or_lists(admin, door):
    office.add_staff(admin, "김팀장", "lee", "manager", temporary_password=TEMPORARY)
    manager = door.as_actor(accounts.sign_in(door, "lee", TEMPORARY).actor)
    for call in (lambda: accounts.reset_password(manager, "hong", "Taken#Over2026"),
                 lambda: accounts.accounts(manager),
                 lambda: accounts.set_idle_minutes(manager, 1)):
        with pytest.raises(PermissionDenied):
            call()
    assert accounts.sign_in(door, "hong", ADMIN_PASSWORD)  # unchanged


def test_idle_minutes_setting(admin):
    assert accounts.idle_minutes(admin) == 10
    accounts.set_idle_minutes(admin, 3)
    assert accounts.idle_minutes(admin) == 3
    with pytest.raises(ValidationError):
        accounts.set_idle_minutes(admin, 0)


def test_a_database_from_before_accounts_lets_its_admin_choose_a_password(db_target, backend):
    """An upgraded file has accounts without passwords: while no admin has one, an admin
    signs in once and must choose it; clerks wait for an admin."""
    from pcrm_desktop.domain.office import OfficeProfile
    ctx = backend.ctx
    actor = office.complete_first_run(ctx, OfficeProfile("센터"), ["민원행정팀"], "홍길동", "hong",
                                      ADMIN_PASSWORD)
    office.add_staff(ctx.as_actor(actor), "김민원", "kim", "clerk")
    tamper(db_target, "UPDATE staff SET password_hash = NULL", guards=())  # as 0010 leaves them
    with pytest.raises(SignInRefused):
        accounts.sign_in(ctx, "kim", "")
    signed = accounts.sign_in(ctx, "hong", "")
    assert signed.must_change
    accounts.change_password(ctx.as_actor(signed.actor), "", "Chosen#Pass2026", "Chosen#Pass2026")
    # From now on the open door is shut: a password is needed.
    with pytest.raises(SignInRefused) as caught:
        accounts.sign_in(ctx, "hong", "")
    assert caught.value.code == "login_failed"
    assert accounts.sign_in(ctx, "hong", "Chosen#Pass2026").actor.login == "hong"


# --- the command line --------------------------------------------------------------------------

def test_commands_need_a_named_account(capsys, admin_ctx, db_target, monkeypatch, tmp_path):
    monkeypatch.delenv("PCRM_USER")
    code = main(["survey", "summary", "--survey", "X", "--from", "2026-11-01", "--to",
                 "2026-11-30", "--db", db_target, "--json"])
    out, err = capsys.readouterr()
    assert code == 1 and json.loads(out)["error"] == "cli_login_required"
    assert "--user" in err and "PCRM_PASSWORD_FILE" in err

    wrong = tmp_path / "wrong.txt"
    wrong.write_text("Wrong#Pass2026\n", encoding="utf-8")
    wrong.chmod(0o644)  # readable by others: refused before it is even read
    monkeypatch.setenv("PCRM_PASSWORD_FILE", str(wrong))
    code = main(["audit", "verify", "--user", "hong", "--db", db_target, "--json"])
    assert code == 1 and json.loads(capsys.readouterr().out)["error"] == "password_file_open"
    wrong.chmod(0o600)
    code = main(["audit", "verify", "--user", "hong", "--db", db_target, "--json"])
    assert code == 1 and json.loads(capsys.readouterr().out)["error"] == "login_failed"
    assert rows(db_target, "SELECT actor, workstation != '' FROM audit_log WHERE action = "
                           "'login.fail'") == [("hong", 1)]

    monkeypatch.setenv("PCRM_PASSWORD_FILE", str(tmp_path / "missing.txt"))
    code = main(["audit", "verify", "--user", "hong", "--db", db_target, "--json"])
    assert code == 1 and json.loads(capsys.readouterr().out)["error"] == "password_file"


def test_a_command_acts_as_the_account_and_is_logged(capsys, admin, db_target, monkeypatch,
                                                      tmp_path):
    office.add_staff(admin, "김민원", "kim", "clerk", temporary_password=TEMPORARY)
    monkeypatch.setenv("PCRM_USER", "kim")
    secret = tmp_path / "kim.txt"
    secret.write_text(TEMPORARY + "\n", encoding="utf-8")
    secret.chmod(0o600)
    monkeypatch.setenv("PCRM_PASSWORD_FILE", str(secret))
    # A temporary password is changed in the program first.
    code = main(["audit", "verify", "--db", db_target, "--json"])
    assert code == 1 and json.loads(capsys.readouterr().out)["error"] == "password_change_required"
    signed = accounts.sign_in(admin, "kim", TEMPORARY)
    accounts.change_password(admin.as_actor(signed.actor), TEMPORARY, "Desk#Counter2026",
                             "Desk#Counter2026")
    secret.write_text("Desk#Counter2026\n", encoding="utf-8")
    # A clerk may not verify the access log: refused by the service, as at the screen.
    code = main(["audit", "verify", "--db", db_target, "--json"])
    assert code == 1 and json.loads(capsys.readouterr().out)["error"] == "forbidden"
    # An admin (or a manager) may.
    monkeypatch.setenv("PCRM_USER", "hong")
    secret.write_text(ADMIN_PASSWORD + "\n", encoding="utf-8-sig")  # Notepad's BOM is fine
    code = main(["audit", "verify", "--db", db_target, "--json"])
    summary = json.loads(capsys.readouterr().out)
    assert code == 0 and summary["ok"] and summary["checked"] > 0
    logged = rows(db_target, "SELECT actor, action FROM audit_log WHERE action IN "
                             "('login.ok', 'audit.verify') ORDER BY id")
    assert logged[-2:] == [("hong", "login.ok"), ("hong", "audit.verify")]


def test_domain_error_for_refusals_is_a_domain_error():
    assert issubclass(SignInRefused, DomainError)
