"""Use cases for the office itself: first-run set-up, profile, departments, staff."""
from __future__ import annotations

import json
from dataclasses import dataclass

from pcrm_desktop.domain.accounts import check_password, hash_secret
from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.errors import ConflictError, NotFoundError
from pcrm_desktop.domain.office import (
    Department,
    OfficeProfile,
    Role,
    Staff,
    clean_text,
    require,
    validate_department_names,
    validate_staff,
)
from pcrm_desktop.domain.privacy import STAFF_ROLES, require_role
from pcrm_desktop.services.context import Changes, ServiceContext


@dataclass(frozen=True)
class OfficeOverview:
    profile: OfficeProfile | None
    departments: list[Department]
    staff: list[Staff]

    @property
    def is_set_up(self) -> bool:
        return self.profile is not None


def overview(ctx: ServiceContext) -> OfficeOverview:
    require_role(ctx.actor, STAFF_ROLES, "office.overview")
    with ctx.reading() as uow:
        return OfficeOverview(uow.office.get(), uow.departments.list(), uow.staff.list())


def is_set_up(ctx: ServiceContext) -> bool:
    with ctx.reading() as uow:
        return uow.office.get() is not None


def complete_first_run(ctx: ServiceContext, profile: OfficeProfile, department_names: list[str],
                       admin_name: str, admin_login: str, admin_password: str) -> Actor:
    """Create the office, its departments and the first admin (with the password the admin
    chose, so no change is forced) in one transaction."""
    profile = profile.validated()
    names = validate_department_names(department_names)
    admin_name, admin_login, _ = validate_staff(admin_name, admin_login, Role.ADMIN)
    check_password(admin_password, admin_login)
    with ctx.uow_factory() as uow:
        if uow.office.get() is not None:
            raise ConflictError("already_set_up")
        now = ctx.clock()
        uow.office.save(profile, now)
        first_department = [uow.departments.add(name) for name in names][0]
        admin_id = uow.staff.add(Staff(None, admin_name, admin_login, Role.ADMIN,
                                       first_department), now)
        uow.staff.set_password(admin_id, hash_secret(admin_password), False, now)
        ctx.audit(uow, "office.setup", "office", f"{profile.name}; 부서 {len(names)}개")
        ctx.audit(uow, "staff.add", f"staff:{admin_id}", f"{admin_login} (admin)")
        uow.commit()
    return Actor(admin_id, admin_login, Role.ADMIN.value, ctx.actor.workstation)


ADMINS = frozenset({"admin"})


def update_office(ctx: ServiceContext, profile: OfficeProfile) -> Changes:
    require_role(ctx.actor, ADMINS, "office.update")
    profile = profile.validated()
    with ctx.uow_factory() as uow:
        if uow.office.get() is None:
            raise NotFoundError("not_set_up")
        uow.office.save(profile, ctx.clock())
        ctx.audit(uow, "office.update", "office", profile.name)
        uow.commit()
    return frozenset({"office"})


def add_department(ctx: ServiceContext, name: str) -> Changes:
    require_role(ctx.actor, ADMINS, "department.add")
    name = clean_text(name)
    require(name, "department_name", max_len=50)
    with ctx.uow_factory() as uow:
        if uow.departments.get_by_name(name) is not None:
            raise ConflictError("department_duplicate", field="department_name", name=name)
        department_id = uow.departments.add(name)
        ctx.audit(uow, "department.add", f"department:{department_id}", name)
        uow.commit()
    return frozenset({"departments"})


def add_staff(ctx: ServiceContext, name: str, login: str, role: Role | str,
              department_id: int | None = None, temporary_password: str | None = None) -> Changes:
    """A new account. With a temporary password (given to the person), they sign in with it
    and must change it first; without, an admin gives one later (비밀번호 초기화)."""
    require_role(ctx.actor, ADMINS, "staff.add")
    name, login, role = validate_staff(name, login, role)
    if temporary_password is not None:
        check_password(temporary_password, login)
    with ctx.uow_factory() as uow:
        if uow.staff.get_by_login(login) is not None:
            raise ConflictError("login_taken", field="login", login=login)
        staff_id = uow.staff.add(Staff(None, name, login, role, department_id), ctx.clock())
        if temporary_password is not None:
            uow.staff.set_password(staff_id, hash_secret(temporary_password), True, ctx.clock())
        ctx.audit(uow, "staff.add", f"staff:{staff_id}", f"{login} ({role.value})")
        uow.commit()
    return frozenset({"staff"})


def set_staff_active(ctx: ServiceContext, login: str, active: bool) -> Changes:
    require_role(ctx.actor, ADMINS, "staff.activate")
    with ctx.uow_factory() as uow:
        member = uow.staff.get_by_login(login)
        if member is None or member.id is None:  # a stored member always has its row's id
            raise NotFoundError("staff_not_found", login=login)
        if not active and member.role is Role.ADMIN and member.active \
                and uow.staff.count_active_admins() <= 1:
            raise ConflictError("last_admin")
        uow.staff.set_active(member.id, active)
        ctx.audit(uow, "staff.activate" if active else "staff.deactivate",
                  f"staff:{member.id}", login)
        uow.commit()
    return frozenset({"staff"})


def actor_for(ctx: ServiceContext, login: str | None, strict: bool = False) -> Actor:
    """The Actor of a named active login, or the first active admin (with strict, an unknown or
    suspended login is refused). A lookup for in-process callers such as benchmarks and test
    fixtures; the app and the command line sign in (services.accounts.sign_in)."""
    with ctx.reading() as uow:
        members = [m for m in uow.staff.list() if m.active]
    chosen = next((m for m in members if m.login == login), None) if login else None
    if chosen is None and strict and login:
        raise NotFoundError("staff_not_found", login=login)
    chosen = chosen or next((m for m in members if m.role is Role.ADMIN), None)
    if chosen is None:
        raise NotFoundError("staff_not_found", login=login or "admin")
    return Actor(chosen.id, chosen.login, chosen.role.value, ctx.actor.workstation)


@dataclass(frozen=True)
class ActivityRow:
    at: str
    actor: str
    workstation: str
    action: str
    target: str
    detail: str


def recent_activity(ctx: ServiceContext, limit: int = 20) -> list[ActivityRow]:
    """The newest audit entries, for the dashboard. Details of actions on personal data (a
    merge keeps the removed record whole) are shown to admins and managers only, summarised."""
    require_role(ctx.actor, STAFF_ROLES, "office.recent_activity")
    with ctx.reading() as uow:
        entries = uow.audit.recent(limit)
        logins = {f"staff:{s.id}": s.login for s in uow.staff.list()}  # a staff target by login
    return [ActivityRow(e.at.strftime("%Y-%m-%d %H:%M"), e.actor, e.workstation, e.action,
                        logins.get(e.target, e.target), _shown_detail(ctx, e.action, e.detail, e.subject_id))
            for e in entries]


def _shown_detail(ctx: ServiceContext, action: str, detail: str,
                  subject_id: int | None = None) -> str:
    """Entries about a person (a resident's record, a 민원 with its notes, answers, calls)
    keep their details from clerks on the dashboard: the access-log review is for managers."""
    personal = subject_id is not None or action.startswith(
        ("citizen.", "interaction.", "complaint.", "happy_call.", "survey.answer", "consent."))
    if personal and ctx.actor.role not in ("admin", "manager"):
        return ""
    if action == "citizen.merge":
        try:
            return f"기록 #{json.loads(detail)['merged']} 병합"
        except (ValueError, KeyError, TypeError):
            return ""
    return detail
