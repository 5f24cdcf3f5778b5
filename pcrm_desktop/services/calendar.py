"""The 민원 clock as a service: the holiday calendar in the database (seeded from the `holidays`
package, editable), the types' periods, and due dates with their explanation."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from pcrm_desktop.domain.deadlines import (
    AfterHours,
    DaysOff,
    Deadline,
    Period,
    Unit,
    check_period_setting,
    compute_due,
    period_for,
    setting_text,
)
from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.domain.office import OfficeHours, require
from pcrm_desktop.domain.privacy import STAFF_ROLES, require_role
from pcrm_desktop.domain.text import nfc
from pcrm_desktop.services.context import Changes, ServiceContext
from pcrm_desktop.services.ports import UnitOfWork

CALENDAR_ROLES = frozenset({"admin", "manager"})
YEARS_AHEAD = 2  # 365 working days reach about 17 months past receipt
AFTER_HOURS_SETTING = "deadline.after_hours"  # office_settings: same_day (the law's text) | next_day


def package_holidays(year: int) -> tuple[dict[date, str], str]:
    """Korean public, substitute and temporary holidays of a year from the `holidays` package
    (Korean names), and the package's version. Imported only when a year is first needed."""
    days, version = _package_year(year)
    return dict(days), version


@lru_cache(maxsize=32)
def _package_year(year: int) -> tuple[tuple[tuple[date, str], ...], str]:
    import holidays
    # the package makes its country classes lazily and exports __version__ implicitly
    days = holidays.KR(years=year, language="ko")  # type: ignore[attr-defined]
    return tuple(sorted(days.items())), holidays.__version__  # type: ignore[attr-defined]


def seed_years(ctx: ServiceContext, uow: UnitOfWork, years: Iterable[int]) -> None:
    """Seed the years not seeded yet, inside the caller's write transaction (audited)."""
    require_role(ctx.actor, STAFF_ROLES, "holiday.seed")
    _seed(ctx, uow, years)


def _seed(ctx: ServiceContext, uow: UnitOfWork, years: Iterable[int]) -> None:
    """seed_years without its role check: for a use case that checked its own."""
    seeded = uow.calendar.seeded_years()  # another window may have seeded meanwhile
    for year in (y for y in years if y not in seeded):
        days, version = package_holidays(year)
        added = uow.calendar.seed_year(year, days, ctx.clock(), version)
        ctx.audit(uow, "holiday.seed", str(year), f"holidays {version}: {added}일")


def seed_years_ahead(ctx: ServiceContext) -> Changes:
    """At start-up (bootstrap.open_backend), before anyone signs in: seed this year and the
    YEARS_AHEAD after it, the years a due date given today reaches, so that no read has to
    write. A year a read meets unseeded (an old receipt, a long-running window past New
    Year) is taken from the package as it is, without writing (`days_off_in`); a calendar
    edit seeds the years it touches in its own transaction."""
    now = ctx.clock()
    years = range(now.year, now.year + YEARS_AHEAD + 1)
    with ctx.reading() as uow:
        if set(years) <= uow.calendar.seeded_years():
            return frozenset()
    with ctx.uow_factory() as uow:
        _seed(ctx, uow, years)
        uow.commit()
    return frozenset({"holidays"})


# --- the calendar as the open unit of work reads it (the use case checked the role) ------------

def days_off_in(uow: UnitOfWork, first: date, last: date) -> DaysOff:
    """The holidays from `first` to `last`. A year not seeded yet is the package's, read
    without writing (no write in the middle of a read: bootstrap seeds the years in use)."""
    days = uow.calendar.days_off(first, last)
    seeded = uow.calendar.seeded_years()
    for year in range(first.year, last.year + 1):
        if year not in seeded:
            days.update((day, name) for day, name in _package_year(year)[0]
                        if first <= day <= last)
    return DaysOff(days)


def office_hours_in(uow: UnitOfWork) -> OfficeHours:
    office = uow.office.get()
    return office.hours if office else OfficeHours()


def after_hours_in(uow: UnitOfWork) -> AfterHours:
    value = uow.office.setting(AFTER_HOURS_SETTING, AfterHours.SAME_DAY.value)
    return AfterHours(value) if value in {r.value for r in AfterHours} else AfterHours.SAME_DAY


def deadline_in(uow: UnitOfWork, received: datetime, period: Period) -> Deadline:
    """The due date of a 민원 received at `received`, explained step by step."""
    off = days_off_in(uow, received.date(), date(received.year + YEARS_AHEAD, 12, 31))
    return compute_due(received, period, off, office_hours_in(uow),
                       after_hours=after_hours_in(uow))


def extension_limit_in(uow: UnitOfWork, due: datetime, period: Period) -> datetime:
    """The latest due date an extension may set: the period once more after the current due
    date ends. A period in days counts from the working day after it (its due moment is the
    close of office hours, which as a receipt the law's text would count as day 1 again)."""
    off = days_off_in(uow, due.date(), date(due.year + YEARS_AHEAD, 12, 31))
    return compute_due(due, period, off, office_hours_in(uow), explain=False,
                       after_hours=AfterHours.NEXT_DAY).due


# --- the same, each in a read transaction of its own ------------------------------------------

def days_off(ctx: ServiceContext, first: date, last: date) -> DaysOff:
    """The holidays from `first` to `last` (a year not seeded yet: the package's)."""
    require_role(ctx.actor, STAFF_ROLES, "calendar.view")
    with ctx.reading() as uow:
        return days_off_in(uow, first, last)


def office_hours(ctx: ServiceContext) -> OfficeHours:
    require_role(ctx.actor, STAFF_ROLES, "calendar.view")
    with ctx.reading() as uow:
        return office_hours_in(uow)


def after_hours_rule(ctx: ServiceContext) -> AfterHours:
    """Which day is day 1 of a period in days received after office hours (default: the day
    of receipt, as 법 제19조② reads)."""
    require_role(ctx.actor, STAFF_ROLES, "calendar.view")
    with ctx.reading() as uow:
        return after_hours_in(uow)


def set_after_hours_rule(ctx: ServiceContext, rule: AfterHours) -> Changes:
    """Change the office's after-hours rule; open 민원 not extended are recomputed with it in
    the same transaction, like a calendar change (audited)."""
    require_role(ctx.actor, CALENDAR_ROLES, "deadline.after_hours")
    rule = AfterHours(rule)
    with ctx.uow_factory() as uow:
        before = after_hours_in(uow)
        if before is rule:
            return frozenset()
        _seed(ctx, uow, _years_in_use(ctx, uow, ctx.clock().date()))
        uow.office.set_setting(AFTER_HOURS_SETTING, rule.value)
        moved = _move_open_cases(ctx, uow, f"근무시간 뒤 접수 규칙 {before.value} → {rule.value}")
        # an office setting ("office.update"; the target names which one)
        ctx.audit(uow, "office.update", AFTER_HOURS_SETTING,
                  _with_moved(f"{before.value} → {rule.value}", moved))
        uow.commit()
    return frozenset({"office", "complaints"})


def type_period(ctx: ServiceContext, type_code: str) -> Period:
    """The period set for a 민원 type (by code, or by its Korean name: 질의민원, 질의)."""
    require_role(ctx.actor, STAFF_ROLES, "calendar.view")
    wanted = nfc(type_code)
    with ctx.reading() as uow:
        types = uow.calendar.types()
    for row in types:
        if wanted in (row["code"], row["name"], row["name"].removesuffix("민원")):
            return period_for(row["period_days"], row["name"], row["period_unit"])
    raise ValidationError("type_unknown", field="complaint_type", value=type_code,
                          known=", ".join(r["name"] for r in types))


def deadline(ctx: ServiceContext, received: datetime, period: Period) -> Deadline:
    """The due date of a 민원 received at `received`, explained step by step."""
    require_role(ctx.actor, STAFF_ROLES, "calendar.view")
    with ctx.reading() as uow:
        return deadline_in(uow, received, period)


def extension_limit(ctx: ServiceContext, due: datetime, period: Period) -> datetime:
    """The latest due date an extension may set (see `extension_limit_in`)."""
    require_role(ctx.actor, STAFF_ROLES, "calendar.view")
    with ctx.reading() as uow:
        return extension_limit_in(uow, due, period)


def complaint_types(ctx: ServiceContext) -> list[dict[str, Any]]:
    require_role(ctx.actor, STAFF_ROLES, "calendar.view")
    with ctx.reading() as uow:
        return uow.calendar.types()


def set_type_period(ctx: ServiceContext, code: str, days: int | None,
                    unit: Unit = Unit.DAYS) -> Changes:
    """A type's period: `days` of `unit` (days, weeks, months, years; 0 days = 즉시; None: set
    per service). Applies to 민원 received from now on."""
    require_role(ctx.actor, CALENDAR_ROLES, "complaint_type.update")
    unit = check_period_setting(days, unit)
    with ctx.uow_factory() as uow:
        before = next((t for t in uow.calendar.types() if t["code"] == code), None)
        if before is None:
            raise ValidationError("type_unknown", field="complaint_type", value=code, known="")
        uow.calendar.set_period(code, days, Unit.DAYS.value if days is None else unit.value)
        ctx.audit(uow, "complaint_type.update", code,
                  f"{setting_text(before['period_days'], before['period_unit'])} → "
                  f"{setting_text(days, unit)}")
        uow.commit()
    return frozenset({"complaint_types"})


def year_entries(ctx: ServiceContext, year: int) -> list[dict[str, Any]]:
    """Every holiday row of a year (removed ones with active = False); a year not seeded yet
    shows the package's days as seeding would store them (nothing is written)."""
    require_role(ctx.actor, STAFF_ROLES, "calendar.view")
    with ctx.reading() as uow:
        stored = uow.calendar.entries(year)
        if year in uow.calendar.seeded_years():
            return stored
    rows: dict[date, dict[str, Any]] = {
        day: {"day": day, "name": name, "source": "package", "active": True, "changed_at": None}
        for day, name in _package_year(year)[0]}
    rows.update((row["day"], row) for row in stored)
    return [rows[day] for day in sorted(rows)]


def _years_in_use(ctx: ServiceContext, uow: UnitOfWork, day: date) -> range:
    """The years a calendar change touches: the day's, and those of open 민원 due dates."""
    cases = uow.complaints.open_cases()
    first = min([day.year] + [received.year for _, received, _, _ in cases])
    return range(first, max(day.year, ctx.clock().year + YEARS_AHEAD) + 1)


def add_holiday(ctx: ServiceContext, day: date, name: str) -> Changes:
    """A temporary holiday (임시공휴일) or any day off the package does not know."""
    require_role(ctx.actor, CALENDAR_ROLES, "holiday.add")
    name = nfc(name)
    require(name, "holiday_name", max_len=100)
    with ctx.uow_factory() as uow:
        _seed(ctx, uow, _years_in_use(ctx, uow, day))
        before = uow.calendar.get(day)
        if before and before["active"]:
            raise ValidationError("holiday_exists", field="holiday_day", day=day.isoformat(),
                                  name=before["name"])
        uow.calendar.put(day, name, ctx.clock())
        moved = _move_open_cases(ctx, uow, f"{day} {name} 추가")
        ctx.audit(uow, "holiday.add", day.isoformat(), _with_moved(name, moved))
        uow.commit()
    return frozenset({"holidays", "complaints"})


def remove_holiday(ctx: ServiceContext, day: date) -> Changes:
    """Count a day as a working day again (kept as a removed row: seeding will not revive it)."""
    require_role(ctx.actor, CALENDAR_ROLES, "holiday.remove")
    with ctx.uow_factory() as uow:
        _seed(ctx, uow, _years_in_use(ctx, uow, day))
        before = uow.calendar.get(day)
        if before is None or not uow.calendar.deactivate(day, ctx.clock()):  # no row: none
            raise ValidationError("holiday_missing", field="holiday_day", day=day.isoformat())
        moved = _move_open_cases(ctx, uow, f"{day} {before['name']} 근무일로 변경")
        ctx.audit(uow, "holiday.remove", day.isoformat(), _with_moved(before["name"], moved))
        uow.commit()
    return frozenset({"holidays", "complaints"})


def _with_moved(name: str, moved: int) -> str:
    return f"{name}; 열린 민원 {moved}건 처리기한 다시 계산" if moved else name


def _move_open_cases(ctx: ServiceContext, uow: UnitOfWork, why: str) -> int:
    """Recompute the due date of every open, unextended 민원 with the calendar as it now
    stands in this transaction (an extended case keeps the date the applicant was told)."""
    cases = uow.complaints.open_cases()
    if not cases:
        return 0
    first = min(received for _, received, _, _ in cases).date()
    off = days_off_in(uow, first, date(ctx.clock().year + YEARS_AHEAD, 12, 31))
    hours, rule = office_hours_in(uow), after_hours_in(uow)
    moved = []
    for complaint_id, received, period, due in cases:
        new_due = compute_due(received, period, off, hours, explain=False, after_hours=rule).due
        if new_due != due:
            moved.append((complaint_id, due, new_due))
    uow.complaints.set_due_dates(moved, ctx.clock(), ctx.actor.staff_id, ctx.actor.login, why)
    return len(moved)
