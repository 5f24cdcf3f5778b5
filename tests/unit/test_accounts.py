"""Password rules and hashing (pcrm_desktop/domain/accounts.py)."""
from __future__ import annotations

import base64
from datetime import datetime, timedelta

import pytest

from pcrm_desktop.domain import accounts as A
from pcrm_desktop.domain.errors import ValidationError


@pytest.mark.parametrize("password", [
    "Cheongun#2026",      # four kinds, 13
    "cheongun2026",       # two kinds, 12
    "Pcrm!2026",          # four kinds, 9
    "민원창구2026!!x",      # Hangul is no kind; lower, digit, special: three kinds, 11
])
def test_good_passwords(password):
    assert A.check_password(password, "kim.cs") == password


def test_hangul_is_not_a_kind_of_character():
    with pytest.raises(ValidationError) as caught:  # digits and a special: two kinds need 10
        A.check_password("민원창구2026!")
    assert caught.value.code == "password_weak"


@pytest.mark.parametrize("password, login, code", [
    ("", "", "password_length"),
    ("x" * 129, "", "password_length"),
    (" Cheongun#2026", "", "password_characters"),
    ("Cheongun\t#2026", "", "password_characters"),
    ("abcdefgh1", "", "password_weak"),        # two kinds, 9
    ("Abc#123", "", "password_weak"),          # four kinds, 7
    ("kimcs#2026A", "kimcs", "password_has_login"),
    ("Xaaaa#2026y", "", "password_repeats"),
    ("P@ssw0rd", "", "password_common"),
    ("qwer1234!", "", "password_common"),
    ("Qwertyuiop!", "", "password_common"),   # a keyboard row
    ("!9876543210", "", "password_common"),   # a row backwards
])
def test_weak_passwords_are_refused_with_their_rule(password, login, code):
    with pytest.raises(ValidationError) as caught:
        A.check_password(password, login)
    assert caught.value.code == code and caught.value.field == "password"


def test_the_new_password_must_differ():
    with pytest.raises(ValidationError) as caught:
        A.check_password("Cheongun#2026", "hong", current="Cheongun#2026")
    assert caught.value.code == "password_same"


def test_hash_is_salted_scrypt_and_verifies():
    first, second = A.hash_secret("Cheongun#2026"), A.hash_secret("Cheongun#2026")
    assert first != second  # a new salt each time
    assert first.startswith("scrypt$") and "Cheongun" not in first
    assert A.secret_matches("Cheongun#2026", first) and A.secret_matches("Cheongun#2026", second)
    assert not A.secret_matches("cheongun#2026", first)
    assert not A.secret_matches("Cheongun#2026", None)
    assert not A.secret_matches("Cheongun#2026", "scrypt$garbage")
    assert not A.secret_matches("Cheongun#2026", "salt$pbkdf2")


def test_the_default_cost_is_memory_hard(monkeypatch):
    monkeypatch.delenv("PCRM_SCRYPT_N", raising=False)
    stored = A.hash_secret("Cheongun#2026")
    _, n, r, p, salt, digest = stored.split("$")
    assert (int(n), int(r), int(p)) == (2 ** 15, 8, 1)
    assert int(n) * int(r) * 128 == 32 * 2 ** 20          # 32 MiB of memory per hash
    assert len(base64.b64decode(salt)) == 16 and len(base64.b64decode(digest)) == 32
    # A hash made at the test cost still verifies: the stored text carries its parameters.
    cheap = A.hash_secret("Cheongun#2026", n=1024)
    assert A.secret_matches("Cheongun#2026", cheap)


def test_a_too_low_cost_from_the_environment_is_ignored(monkeypatch):
    monkeypatch.setenv("PCRM_SCRYPT_N", "16")
    assert A.hash_secret("Cheongun#2026").split("$")[1] == str(A.SCRYPT_N)


def test_a_timed_lock_runs_out_after_thirty_minutes_an_untimed_one_never():
    locked = datetime(2026, 11, 27, 9, 0)
    assert not A.lock_expired(locked, locked + timedelta(minutes=29), timed=True)
    assert A.lock_expired(locked, locked + timedelta(minutes=30), timed=True)
    assert not A.lock_expired(locked, locked + timedelta(days=30), timed=False)
    assert not A.lock_expired(None, locked, timed=True)


def test_idle_minutes_range():
    assert A.check_idle_minutes(10) == 10
    for bad in (0, 61):
        with pytest.raises(ValidationError) as caught:
            A.check_idle_minutes(bad)
        assert caught.value.code == "idle_minutes"
