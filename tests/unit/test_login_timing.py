"""A refused sign-in does the same work for a login that does not exist as for a known login
with a wrong password, so the answer time does not tell which logins exist (issue 17): one
scrypt with the parameters of a real hash, nothing made on first use. The times themselves are
measured by bench/login_timing.py (medians and their ratio), not by a timed test.

Each `pcrm` command is a new process, so every attempt here starts as the first of a process.
"""
from __future__ import annotations

import hashlib
import time

import pytest

from pcrm_desktop.domain import accounts as A
from pcrm_desktop.services import accounts, office
from pcrm_desktop.services.accounts import SignInRefused

TEMPORARY = "Temp#Pass2026"
CLERKS = 5  # three wrong passwords each: no account reaches the lock (five)


@pytest.fixture
def door(admin_ctx, backend, monkeypatch):
    """A login screen on an office whose clerks' passwords were hashed at the real cost."""
    monkeypatch.delenv("PCRM_SCRYPT_N", raising=False)
    for n in range(CLERKS):
        office.add_staff(admin_ctx, f"직원{n}", f"clerk{n}", "clerk", temporary_password=TEMPORARY)
    return backend.ctx


def _as_a_new_process(monkeypatch) -> None:
    """Forget what an earlier sign-in in this process made and kept (as a new `pcrm` would)."""
    monkeypatch.setattr(accounts, "_DUMMY_HASH", None, raising=False)


def _refused(ctx, login: str) -> float:
    start = time.perf_counter()
    with pytest.raises(SignInRefused):
        accounts.sign_in(ctx, login, "Wrong#Pass2026")
    return time.perf_counter() - start


def test_the_first_unknown_login_does_the_same_work_as_a_wrong_password(door, monkeypatch):
    """One scrypt, with the parameters of a real hash made now: nothing made on first use."""
    calls = []
    real = hashlib.scrypt

    def counted(*args, **kwargs):
        calls.append({k: kwargs[k] for k in ("n", "r", "p", "dklen")})
        return real(*args, **kwargs)

    monkeypatch.setattr(A.hashlib, "scrypt", counted)
    work = {}
    for login in ("nobody", "clerk0"):
        _as_a_new_process(monkeypatch)
        calls.clear()
        _refused(door, login)
        work[login] = list(calls)
    assert work["nobody"] == work["clerk0"]
    assert work["clerk0"] == [{"n": A.SCRYPT_N, "r": A.SCRYPT_R, "p": A.SCRYPT_P, "dklen": 32}]
