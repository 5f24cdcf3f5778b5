"""Accounts: password rules, memory-hard hashing, lock-out (개인정보의 안전성 확보조치 기준).

One account per person. A password is kept only as a salted scrypt hash; the stored text names
its parameters, so a stronger setting later still verifies older hashes. The rules follow the
guidance on the safety standard: two kinds of characters and 10 or more, or three kinds and 8 or
more; not the login itself; no long runs; not one of the passwords tried first by anyone.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from dataclasses import dataclass
from datetime import datetime, timedelta

from pcrm_desktop.domain.errors import ValidationError

MAX_FAILED_LOGINS = 5          # the fifth wrong password in a row locks the account
LAST_ADMIN_UNLOCK = timedelta(minutes=30)  # the only admin is not locked out for good
IDLE_LOCK_MINUTES = 10         # default; an office may choose 1-60 in the settings
IDLE_LOCK_RANGE = (1, 60)
MAX_PASSWORD_LENGTH = 128

# scrypt: n · r · 128 bytes of memory per hash (32 MiB), about 0.1 s on an office PC. The cost
# can be lowered for a test run through PCRM_SCRYPT_N (hashes keep their own parameters).
SCRYPT_N = 2 ** 15
SCRYPT_R = 8
SCRYPT_P = 1

COMMON_PASSWORDS = frozenset({
    "password", "password1", "password12", "password123", "passw0rd", "p@ssw0rd", "p@ssword",
    "qwerty", "qwerty123", "qwer1234", "qwer1234!", "asdf1234", "asdf1234!", "1q2w3e4r",
    "1q2w3e4r!", "1q2w3e4r5t", "zaq12wsx", "abcd1234", "abcd1234!", "admin123", "admin1234",
    "admin1234!", "letmein", "welcome1", "iloveyou", "12345678", "123456789", "1234567890",
    "0987654321", "11111111", "00000000", "a1234567", "a123456789", "korea123", "seoul123",
    "qwertyuiop", "1qaz2wsx", "1qaz2wsx!", "q1w2e3r4", "q1w2e3r4!",
})


def _kinds(password: str) -> int:
    return sum((any(c.isupper() for c in password), any(c.islower() for c in password),
                any(c.isdigit() for c in password),
                any(not c.isalnum() and not c.isspace() for c in password)))


def check_password(password: str, login: str = "", current: str | None = None) -> str:
    """The password if it meets the rules; otherwise a ValidationError naming the rule."""
    if not password or len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationError("password_length", field="password", most=MAX_PASSWORD_LENGTH)
    if not password.isprintable() or password != password.strip():
        raise ValidationError("password_characters", field="password")
    kinds = _kinds(password)
    if not ((kinds >= 3 and len(password) >= 8) or (kinds >= 2 and len(password) >= 10)):
        raise ValidationError("password_weak", field="password")
    lowered = password.lower()
    if login and len(login) >= 3 and login.lower() in lowered:
        raise ValidationError("password_has_login", field="password")
    if re.search(r"(.)\1{3}", password):
        raise ValidationError("password_repeats", field="password")
    if lowered in COMMON_PASSWORDS or _sequence(lowered):
        raise ValidationError("password_common", field="password")
    if current is not None and password == current:
        raise ValidationError("password_same", field="password")
    return password


def _sequence(text: str) -> bool:
    """Keyboard or alphabet runs of six or more (abcdef, 123456, qwerty) make up the password."""
    rows = ("abcdefghijklmnopqrstuvwxyz", "0123456789", "qwertyuiop", "asdfghjkl", "zxcvbnm")
    core = re.sub(r"[^a-z0-9]", "", text)
    return len(core) >= 6 and any(core in row or core in row[::-1] for row in rows)


def _cost() -> int:
    value = os.environ.get("PCRM_SCRYPT_N")
    return int(value) if value and value.isdigit() and int(value) >= 2 ** 10 else SCRYPT_N


def hash_secret(secret: str, salt: bytes | None = None, n: int | None = None) -> str:
    """"scrypt$n$r$p$salt$hash" (base64): a memory-hard hash with its parameters."""
    salt = salt or os.urandom(16)
    n = n or _cost()
    digest = hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=n, r=SCRYPT_R, p=SCRYPT_P,
                            maxmem=n * SCRYPT_R * 128 + 2 ** 20, dklen=32)
    b64 = base64.b64encode
    return f"scrypt${n}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}${b64(digest).decode()}"


def unusable_hash() -> str:
    """A hash in the stored form, with the parameters a new hash gets now, that no password
    matches (its digest is no one's scrypt output). Checking a password against it costs what
    checking a real one costs, and making it costs nothing: a refusal for a login that does not
    exist takes as long as a wrong password, the first one of a process too."""
    salt, digest = bytes(16), bytes(32)
    b64 = base64.b64encode
    return (f"scrypt${_cost()}${SCRYPT_R}${SCRYPT_P}${b64(salt).decode()}"
            f"${b64(digest).decode()}")


def secret_matches(secret: str, stored: str | None) -> bool:
    """Constant-time comparison with a stored hash; a malformed or empty one never matches."""
    if not stored or not stored.startswith("scrypt$"):
        return False
    try:
        _, n_text, r_text, p_text, salt, digest = stored.split("$")
        n, r, p = int(n_text), int(r_text), int(p_text)
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(secret.encode("utf-8"), salt=base64.b64decode(salt), n=n, r=r,
                                p=p, maxmem=n * r * 128 + 2 ** 20, dklen=len(expected))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def lock_expired(locked_at: datetime | None, now: datetime, timed: bool) -> bool:
    """A lock lasts until an admin resets the password. An admin's lock is `timed` when no
    other active admin is unlocked: it runs out after 30 minutes, so no office is locked out
    of its own data (not by a stranger at the door either)."""
    return locked_at is not None and timed and now - locked_at >= LAST_ADMIN_UNLOCK


def check_idle_minutes(minutes: int) -> int:
    low, high = IDLE_LOCK_RANGE
    if not low <= minutes <= high:
        raise ValidationError("idle_minutes", field="idle_minutes", low=low, high=high)
    return minutes


@dataclass(frozen=True)
class Credentials:
    """What signing in needs to know of an account (never shown to anyone)."""

    staff_id: int
    name: str
    login: str
    role: str
    active: bool
    password_hash: str | None
    must_change: bool
    failed_logins: int
    locked_at: datetime | None
    last_login_at: datetime | None = None
