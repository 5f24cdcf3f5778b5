"""Signing in and out, passwords, lock-out and the idle lock's setting.

Every attempt is in the access log: a success, a failure (with the login typed), a lock. The
failure counter and the lock are written in their own transaction even though the attempt is
refused, so pulling the plug after a wrong password does not reset the count.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NoReturn

from pcrm_desktop.domain.accounts import (
    IDLE_LOCK_MINUTES,
    LAST_ADMIN_UNLOCK,
    MAX_FAILED_LOGINS,
    Credentials,
    check_idle_minutes,
    check_password,
    hash_secret,
    lock_expired,
    secret_matches,
    unusable_hash,
)
from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.errors import DomainError, NotFoundError, ValidationError
from pcrm_desktop.domain.office import clean_text
from pcrm_desktop.domain.privacy import ADMIN_ROLES, require_role
from pcrm_desktop.services.context import Changes, ServiceContext
from pcrm_desktop.services.ports import UnitOfWork

IDLE_SETTING = "security.idle_lock_minutes"


class SignInRefused(DomainError):
    """Wrong login or password, a locked or suspended account: the message says which may be
    told (never whether the login exists)."""


@dataclass(frozen=True)
class SignIn:
    actor: Actor
    name: str
    must_change: bool  # a temporary password (or none yet): change it before anything else


@dataclass(frozen=True)
class AccountRow:
    staff_id: int
    login: str
    name: str
    role: str
    active: bool
    locked: bool
    must_change: bool
    has_password: bool
    last_login_at: datetime | None


def sign_in(ctx: ServiceContext, login: str, password: str, purpose: str = "login") -> SignIn:
    """Check a login and password. `purpose` "unlock" is the idle lock asking again: the same
    checks, counted and logged as such.

    Until the password is right, every refusal is the same message after the same work (one
    hash): an unknown login, a suspended or locked account and a wrong password cannot be told
    apart, and nothing typed as a login that does not exist is kept (it may be a password)."""
    login = clean_text(login).lower()[:32]
    now = ctx.clock()
    with ctx.uow_factory() as uow:
        cred = uow.staff.credentials(login) if login else None
        if cred is None:
            secret_matches(password, _dummy_hash())
            _refuse(ctx, uow, Actor(None, "?", "", ctx.actor.workstation), f"{purpose}.fail",
                    "login:?", "없는 로그인 ID", _generic())
        actor = Actor(cred.staff_id, cred.login, cred.role, ctx.actor.workstation)
        target = f"staff:{cred.staff_id}"
        if cred.password_hash is None:
            secret_matches(password, _dummy_hash())
            # A database from before accounts: its admins have no password yet. While no admin
            # has one, an admin may sign in once to choose it (and must, first).
            if cred.active and cred.role == "admin" and uow.staff.admins_with_password() == 0:
                uow.staff.record_success(cred.staff_id, now)
                ctx.as_actor(actor).audit(uow, f"{purpose}.ok", target, "비밀번호 설정 필요")
                uow.commit()
                return SignIn(actor, cred.name, True)
            _refuse(ctx, uow, actor, f"{purpose}.fail", target, "비밀번호 없음", _generic())
        # An admin's lock runs out after 30 minutes when no other active admin is unlocked,
        # so nobody at the door can lock every admin out for good.
        timed = cred.role == "admin" and uow.staff.unlocked_admins(cred.staff_id) == 0
        locked = cred.locked_at is not None and not lock_expired(cred.locked_at, now, timed)
        if not secret_matches(password, cred.password_hash):
            if not cred.active or locked:
                _refuse(ctx, uow, actor, f"{purpose}.fail", target,
                        "잠긴 계정" if locked else "사용 중지된 계정", _generic())
            failures = (0 if cred.locked_at else cred.failed_logins) + 1
            locks = failures >= MAX_FAILED_LOGINS
            uow.staff.record_failure(cred.staff_id, failures, now if locks else None)
            _refuse(ctx, uow, actor, "account.lock" if locks else f"{purpose}.fail", target,
                    f"{failures}번째 실패", _generic())
        # The password is right: now the account's state may be told.
        if not cred.active:
            _refuse(ctx, uow, actor, f"{purpose}.fail", target, "사용 중지된 계정",
                    SignInRefused("account_inactive", field="login"))
        if locked:
            _refuse(ctx, uow, actor, f"{purpose}.locked", target, "잠긴 계정", _locked(timed))
        uow.staff.record_success(cred.staff_id, now)
        ctx.as_actor(actor).audit(uow, f"{purpose}.ok", target)
        uow.commit()
    return SignIn(actor, cred.name, cred.must_change)


def _generic() -> SignInRefused:
    return SignInRefused("login_failed", field="password", count=MAX_FAILED_LOGINS)


def _refuse(ctx: ServiceContext, uow: UnitOfWork, actor: Actor, action: str, target: str,
            detail: str, error: DomainError) -> NoReturn:
    ctx.as_actor(actor).audit(uow, action, target, detail)
    uow.commit()
    raise error


def _locked(timed: bool) -> SignInRefused:
    if timed:
        return SignInRefused("account_locked_wait", field="password", count=MAX_FAILED_LOGINS,
                             minutes=int(LAST_ADMIN_UNLOCK.total_seconds() // 60))
    return SignInRefused("account_locked", field="password", count=MAX_FAILED_LOGINS)


def _dummy_hash() -> str:
    """Compared against when there is no real hash, so an unknown login takes as long as a
    wrong password and the answer time does not tell which logins exist. Built, not hashed:
    the first unknown login of a process (every `pcrm` command) is no slower than the next."""
    return unusable_hash()


def change_password(ctx: ServiceContext, current: str, new: str, confirm: str) -> Changes:
    """The signed-in person changes their own password (required after a temporary one)."""
    if ctx.actor.staff_id is None:
        raise SignInRefused("login_failed_plain", field="password")
    if new != confirm:
        raise ValidationError("password_mismatch", field="confirm")
    with ctx.uow_factory() as uow:
        cred = _own(uow, ctx)
        if cred.password_hash is not None and not secret_matches(current, cred.password_hash):
            failures = cred.failed_logins + 1
            locked = failures >= MAX_FAILED_LOGINS
            uow.staff.record_failure(cred.staff_id, failures, ctx.clock() if locked else None)
            _refuse(ctx, uow, ctx.actor, "account.lock" if locked else "password.fail",
                    f"staff:{cred.staff_id}", f"{failures}번째 실패",
                    SignInRefused("password_wrong", field="current"))
        check_password(new, cred.login, current if cred.password_hash else None)
        uow.staff.set_password(cred.staff_id, hash_secret(new), False, ctx.clock())
        ctx.audit(uow, "password.change", f"staff:{cred.staff_id}")
        uow.commit()
    return frozenset({"staff"})


def _own(uow: UnitOfWork, ctx: ServiceContext) -> Credentials:
    cred = uow.staff.credentials(ctx.actor.login)
    if cred is None or cred.staff_id != ctx.actor.staff_id or not cred.active:
        raise SignInRefused("account_inactive", field="login")
    return cred


def reset_password(ctx: ServiceContext, login: str, temporary: str) -> Changes:
    """An admin gives an account a temporary password (and so unlocks it); the person must
    change it when signing in."""
    require_role(ctx.actor, ADMIN_ROLES, "password.reset")
    with ctx.uow_factory() as uow:
        cred = uow.staff.credentials(clean_text(login).lower())
        if cred is None:
            raise NotFoundError("staff_not_found", login=login)
        check_password(temporary, cred.login)
        uow.staff.set_password(cred.staff_id, hash_secret(temporary), True, ctx.clock())
        was = "잠김 해제, " if cred.locked_at else ""
        ctx.audit(uow, "password.reset", f"staff:{cred.staff_id}", f"{was}임시 비밀번호 발급")
        uow.commit()
    return frozenset({"staff"})


def accounts(ctx: ServiceContext) -> list[AccountRow]:
    require_role(ctx.actor, ADMIN_ROLES, "staff.list")
    with ctx.reading() as uow:
        rows = uow.staff.all_credentials()
    return [AccountRow(c.staff_id, c.login, c.name, c.role, c.active, c.locked_at is not None,
                       c.must_change, c.password_hash is not None, c.last_login_at) for c in rows]


def record_session(ctx: ServiceContext, action: str) -> None:
    """Sign-out and the idle lock taking over the screen go into the access log too."""
    if action not in ("logout", "session.lock", "session.lock_manual"):
        raise ValueError(action)
    if ctx.actor.staff_id is None:
        return
    with ctx.uow_factory() as uow:
        ctx.audit(uow, action, f"staff:{ctx.actor.staff_id}")
        uow.commit()


def idle_minutes(ctx: ServiceContext) -> int:
    with ctx.reading() as uow:
        value = uow.office.setting(IDLE_SETTING, "")
    return int(value) if value.isdigit() else IDLE_LOCK_MINUTES


def set_idle_minutes(ctx: ServiceContext, minutes: int) -> Changes:
    require_role(ctx.actor, ADMIN_ROLES, "security.idle")
    minutes = check_idle_minutes(minutes)
    with ctx.uow_factory() as uow:
        uow.office.set_setting(IDLE_SETTING, str(minutes))
        ctx.audit(uow, "security.idle", "office", f"{minutes}분")
        uow.commit()
    return frozenset({"office"})
