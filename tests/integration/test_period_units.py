"""Periods in weeks, months or years for a type or category (issue 18), through the real services
on a database file made by the real migrations: the setting is stored with its unit, a 민원
received gets its due date by the calendar (법 제19조③), keeps its unit when a holiday moves it,
and migration 0013 keeps every period set before it as days. Also: a receipt at exactly 18:00
with a period in days under both after-hours settings."""
from __future__ import annotations

import csv
from dataclasses import replace
from datetime import date, datetime

import pytest

from pcrm_desktop.domain.complaints import Channel, Intake
from pcrm_desktop.domain.deadlines import AfterHours, Period, Unit
from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.services import calendar, complaints
from pcrm_desktop.services import categories as C
from tests.dbutil import rows


@pytest.fixture
def ctx(admin_ctx):
    return replace(admin_ctx, clock=lambda: datetime(2027, 4, 1, 9, 0))


def _category(ctx, name: str) -> dict:
    return next(c for c in complaints.categories(ctx) if c["name"] == name)


def test_a_category_of_one_month(ctx, db_target):
    potholes = _category(ctx, "도로 파손")
    assert C.set_category_period(ctx, potholes["id"], 1, Unit.MONTHS) == C.CHANGED
    assert rows(db_target, "SELECT period_days, period_unit FROM complaint_categories WHERE id = ?",
                potholes["id"]) == [(1, "months")]
    assert rows(db_target, "SELECT detail FROM audit_log WHERE action = 'category.period'") == [
        ("None → 1개월",)]
    # Fri 15 Jan 2027 10:00, 1 month: ends 14 Feb, a Sunday → Mon 15 Feb 18:00 (민법 제161조)
    case = complaints.receive(ctx, Intake(datetime(2027, 1, 15, 10, 0), Channel.VISIT, "inquiry",
                                          "도로 패임", "", potholes["id"]))
    assert case.deadline.period == Period(Unit.MONTHS, 1)
    assert case.deadline.due == datetime(2027, 2, 15, 18, 0)
    assert rows(db_target, "SELECT period_unit, period_amount, due_at FROM complaints WHERE id = ?",
                case.complaint_id) == [("months", 1, "2027-02-15 18:00:00.000000")]
    assert "(법 제19조③, 민법 제160조①)" in case.deadline.explanation()[1]
    # the stored case explains itself the same way (its period read back from the row)
    shown = complaints.case(ctx, case.complaint_id)["due_steps"]
    assert shown == case.deadline.explanation()
    # an extension may go as far as the period once more: 16 Feb + 1 month → Mon 15 Mar
    assert calendar.extension_limit(ctx, case.deadline.due, case.deadline.period) == \
        datetime(2027, 3, 15, 18, 0)
    # the preview in the intake form says the same before anything is saved
    assert complaints.preview_due(ctx, datetime(2027, 1, 15, 10, 0), "inquiry",
                                  potholes["id"]).due == datetime(2027, 2, 15, 18, 0)


def test_a_holiday_on_the_end_moves_a_calendar_period(ctx, db_target):
    potholes = _category(ctx, "도로 파손")
    C.set_category_period(ctx, potholes["id"], 2, Unit.WEEKS)
    # Wed 20 Jan, 2 weeks → Tue 2 Feb
    case = complaints.receive(ctx, Intake(datetime(2027, 1, 20, 10, 0), Channel.PHONE, "inquiry",
                                          "도로 패임", "", potholes["id"]))
    assert case.deadline.due == datetime(2027, 2, 2, 18, 0)
    calendar.add_holiday(ctx, date(2027, 2, 2), "임시공휴일")
    assert rows(db_target, "SELECT due_at, period_unit FROM complaints WHERE id = ?",
                case.complaint_id) == [("2027-02-03 18:00:00.000000", "weeks")]
    # a holiday inside the period changes nothing: the calendar counts every day
    calendar.add_holiday(ctx, date(2027, 1, 27), "임시공휴일")
    assert rows(db_target, "SELECT due_at FROM complaints WHERE id = ?", case.complaint_id) == [
        ("2027-02-03 18:00:00.000000",)]


def test_a_type_in_weeks_and_the_refused_settings(ctx, db_target):
    assert calendar.set_type_period(ctx, "suggestion", 2, Unit.WEEKS) == frozenset({"complaint_types"})
    assert calendar.type_period(ctx, "건의") == Period(Unit.WEEKS, 2)
    assert rows(db_target, "SELECT detail FROM audit_log WHERE action = 'complaint_type.update'") == [
        ("14 → 2주",)]
    case = complaints.receive(ctx, Intake(datetime(2027, 1, 15, 10, 0), Channel.VISIT,
                                          "suggestion", "가로등 더 설치"))
    assert case.deadline.due == datetime(2027, 1, 28, 18, 0)  # Fri 15 → Thu 28 Jan
    potholes = _category(ctx, "도로 파손")
    for refused in (lambda: C.set_category_period(ctx, potholes["id"], 0, Unit.MONTHS),
                    lambda: C.set_category_period(ctx, potholes["id"], 13, "months"),
                    lambda: calendar.set_type_period(ctx, "inquiry", 2, Unit.YEARS),
                    lambda: calendar.set_type_period(ctx, "inquiry", 3, "hours")):
        with pytest.raises(ValidationError):
            refused()
    assert rows(db_target, "SELECT period_days, period_unit FROM complaint_types WHERE code = 'inquiry'"
                ) == [(7, "days")]
    # no period of its own: stored as days, whatever unit was on the screen
    C.set_category_period(ctx, potholes["id"], None, Unit.MONTHS)
    assert rows(db_target, "SELECT period_days, period_unit FROM complaint_categories WHERE id = ?",
                potholes["id"]) == [(None, "days")]


def test_imported_cases_take_their_type_s_unit(ctx, db_target, tmp_path):
    from pcrm_desktop.services.complaint_import import import_complaints
    calendar.set_type_period(ctx, "suggestion", 1, Unit.MONTHS)
    path = tmp_path / "이력.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([["접수일시", "상태", "제목", "민원종류"],
                                      ["2027-03-31 10:00", "접수", "공원 의자", "건의"]])
    result, _ = import_complaints(ctx, path)
    assert result.imported == 1
    assert rows(db_target, "SELECT period_unit, period_amount, due_at FROM complaints") == [
        ("months", 1, "2027-04-30 18:00:00.000000")]  # no 31 April: the month's last day


@pytest.mark.parametrize("rule, due", [
    (AfterHours.SAME_DAY, "2027-01-25 18:00:00.000000"),  # Fri 15 Jan is day 1 → Mon 25
    (AfterHours.NEXT_DAY, "2027-01-26 18:00:00.000000"),  # Mon 18 Jan is day 1 → Tue 26
])
def test_a_receipt_at_exactly_18_in_days_under_each_setting(ctx, db_target, rule, due):
    """18:00 is after hours: under the law's text the day of receipt is still day 1 (not a
    count in hours, which would start the next morning), under the office's choice it is not."""
    if rule is AfterHours.NEXT_DAY:
        calendar.set_after_hours_rule(ctx, rule)
    case = complaints.receive(ctx, Intake(datetime(2027, 1, 15, 18, 0), Channel.VISIT, "inquiry",
                                          "18시 정각 접수"))
    assert rows(db_target, "SELECT period_unit, period_amount, due_at FROM complaints WHERE id = ?",
                case.complaint_id) == [("days", 7, due)]
    assert any(line.startswith("근무시간(18:00) 뒤 접수") for line in case.deadline.explanation())


def test_migration_0013_keeps_the_periods_set_before_as_days(tmp_path):
    from pcrm_desktop.db import migrate
    from pcrm_desktop.db.engine import make_engine
    db = tmp_path / "old.db"
    engine = make_engine(f"sqlite:///{db}")
    migrate.upgrade(engine, "0012")
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE complaint_types SET period_days = 10 WHERE code = 'inquiry'")
        conn.exec_driver_sql("UPDATE complaint_categories SET period_days = 3 WHERE name = '누수'")
        conn.exec_driver_sql("INSERT INTO complaint_categories (parent_id, name, period_days,"
                             " position, active) VALUES (NULL, '옛 분류', 0, 99, 0)")
        before = conn.exec_driver_sql("SELECT id, parent_id, name, period_days, position, active"
                                      " FROM complaint_categories ORDER BY id").fetchall()
    migrate.upgrade(engine)
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == \
            migrate.HEAD_REVISION
        after = conn.exec_driver_sql("SELECT id, parent_id, name, period_days, position, active,"
                                     " period_unit FROM complaint_categories ORDER BY id").fetchall()
        assert [tuple(r[:6]) for r in after] == [tuple(r) for r in before]
        assert {r[6] for r in after} == {"days"}
        assert conn.exec_driver_sql("SELECT code, period_days, period_unit FROM complaint_types"
                                    " ORDER BY position").fetchall() == [
            ("legal", None, "days"), ("inquiry", 10, "days"), ("suggestion", 14, "days"),
            ("grievance", 7, "days"), ("other", 0, "days")]
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall() == []
        from sqlalchemy.exc import IntegrityError
        with pytest.raises(IntegrityError):  # the unit is one of the four
            conn.exec_driver_sql("UPDATE complaint_types SET period_unit = 'hours'")
    engine.dispose()


def test_a_migrated_database_counts_its_old_periods_in_days(tmp_path):
    """The same file opened by the application: 누수 (3 days, set before 0013) still gives 3
    days = 24 working hours."""
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.db import migrate
    from pcrm_desktop.db.engine import make_engine
    db = tmp_path / "old.db"
    engine = make_engine(f"sqlite:///{db}")
    migrate.upgrade(engine, "0012")
    with engine.begin() as conn:
        conn.exec_driver_sql("UPDATE complaint_categories SET period_days = 3 WHERE name = '누수'")
    engine.dispose()
    backend = open_backend(str(db))
    try:
        from pcrm_desktop.domain.office import OfficeProfile
        from pcrm_desktop.services.office import complete_first_run
        from tests.conftest import ADMIN_PASSWORD
        ctx = backend.ctx.as_actor(complete_first_run(
            backend.ctx, OfficeProfile("청운효자동 행정복지센터"), ["민원행정팀"], "홍길동", "hong",
            ADMIN_PASSWORD))
        leak = next(c for c in complaints.categories(ctx) if c["name"] == "누수")
        assert (leak["period_days"], leak["period_unit"]) == (3, "days")
        deadline = complaints.preview_due(ctx, datetime(2027, 1, 13, 9, 0), "inquiry", leak["id"])
        assert deadline.period == Period.of_days(3)
        assert deadline.due == datetime(2027, 1, 15, 18, 0)  # Wed 09:00 + 24 working hours
    finally:
        backend.close()
