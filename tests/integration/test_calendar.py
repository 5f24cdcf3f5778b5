"""The holiday calendar in the database and due dates through the service and `pcrm deadline`."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime

import pytest

from pcrm_desktop.cli import main
from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.deadlines import AfterHours, Period
from pcrm_desktop.domain.errors import ValidationError
from pcrm_desktop.domain.privacy import PermissionDenied
from pcrm_desktop.services import calendar
from tests.dbutil import execute, rows

NOW = datetime(2026, 11, 27, 10, 0)


@pytest.fixture
def ctx(admin_ctx):
    return replace(admin_ctx, clock=lambda: NOW)


def test_the_years_ahead_are_seeded_once_at_start_up(backend, db_target):
    from pcrm_desktop.bootstrap import open_backend
    this_year = date.today().year  # open_backend runs on the real clock
    years = [this_year, this_year + 1, this_year + 2]  # the years a due date given today reaches
    assert rows(db_target, "SELECT year FROM holiday_years ORDER BY year") == [(y,) for y in years]
    seeded = "SELECT target, actor FROM audit_log WHERE action = 'holiday.seed' ORDER BY id"
    assert rows(db_target, seeded) == [(str(y), "system") for y in years]
    holidays = rows(db_target, "SELECT count(*) FROM holidays")[0][0]
    assert rows(db_target, "SELECT name FROM holidays WHERE day = ?", f"{this_year}-08-15") == [
        ("광복절",)]
    again = open_backend(db_target)  # the next start finds them there: nothing written
    again.close()
    assert rows(db_target, seeded) == [(str(y), "system") for y in years]
    assert rows(db_target, "SELECT count(*) FROM holidays")[0][0] == holidays
    # New Year in a window left open: the years reached from then, the missing one only
    later = replace(backend.ctx, clock=lambda: datetime(this_year + 1, 1, 2, 9, 0))
    assert calendar.seed_years_ahead(later) == frozenset({"holidays"})
    assert calendar.seed_years_ahead(later) == frozenset()
    assert [r[0] for r in rows(db_target, seeded)] == [str(y) for y in years + [this_year + 3]]


def test_a_year_not_seeded_is_read_from_the_package_without_a_write(ctx, db_target):
    year = date.today().year + 6
    before = rows(db_target, "SELECT count(*) FROM audit_log")[0][0]
    off = calendar.days_off(ctx, date(year, 1, 1), date(year, 12, 31))
    assert (off.reason(date(year, 3, 1)), off.reason(date(year, 10, 9))) == ("삼일절", "한글날")
    entries = {e["day"]: e for e in calendar.year_entries(ctx, year)}
    assert (entries[date(year, 8, 15)]["name"], entries[date(year, 8, 15)]["source"],
            entries[date(year, 8, 15)]["active"]) == ("광복절", "package", True)
    assert set(entries) == set(off.holidays)
    # a read wrote nothing: no year, no holiday, no access-log entry
    assert (year,) not in rows(db_target, "SELECT year FROM holiday_years")
    assert rows(db_target, "SELECT count(*) FROM holidays WHERE day >= ?", f"{year}-01-01") == [(0,)]
    assert rows(db_target, "SELECT count(*) FROM audit_log")[0][0] == before
    # a calendar edit in that year seeds it in its own transaction, audited with the edit
    calendar.add_holiday(ctx, date(year, 6, 30), "개청 기념일")
    assert (year,) in rows(db_target, "SELECT year FROM holiday_years")
    assert rows(db_target, "SELECT name, source FROM holidays WHERE day IN (?, ?) ORDER BY day",
                f"{year}-06-30", f"{year}-08-15") == [("개청 기념일", "staff"), ("광복절", "package")]


def test_a_temporary_holiday_moves_the_due_date_and_is_audited(ctx, db_target):
    received = datetime(2026, 12, 2, 9, 0)  # Wed; 3 days = 24 working hours → Fri 18:00
    assert calendar.deadline(ctx, received, Period.of_days(3)).due == datetime(2026, 12, 4, 18, 0)
    assert calendar.add_holiday(ctx, date(2026, 12, 3), "임시공휴일") == frozenset({"holidays", "complaints"})
    moved = calendar.deadline(ctx, received, Period.of_days(3))
    assert moved.due == datetime(2026, 12, 7, 18, 0)
    assert "2026-12-03(목): 임시공휴일, 세지 않음" in moved.explanation()
    assert rows(db_target, "SELECT target, detail FROM audit_log WHERE action = 'holiday.add'") == [
        ("2026-12-03", "임시공휴일")]
    with pytest.raises(ValidationError) as caught:
        calendar.add_holiday(ctx, date(2026, 12, 3), "또")
    assert caught.value.code == "holiday_exists"
    with pytest.raises(ValidationError):
        calendar.add_holiday(ctx, date(2026, 12, 10), "  ")


def test_a_removed_holiday_stays_removed(ctx, db_target):
    # 노동절 (1 May) is in the package for 2026; an office that works that day removes it
    received = datetime(2026, 4, 30, 17, 0)  # Thu; 2 hours: Thu 17–18, then the next working hour
    assert calendar.deadline(ctx, received, Period.of_hours(2)).due == datetime(2026, 5, 4, 10, 0)
    calendar.remove_holiday(ctx, date(2026, 5, 1))
    assert calendar.deadline(ctx, received, Period.of_hours(2)).due == datetime(2026, 5, 1, 10, 0)
    entry = next(e for e in calendar.year_entries(ctx, 2026) if e["day"] == date(2026, 5, 1))
    assert (entry["active"], entry["source"]) == (False, "package")
    with pytest.raises(ValidationError) as caught:
        calendar.remove_holiday(ctx, date(2026, 5, 1))
    assert caught.value.code == "holiday_missing"
    # bringing it back under a name
    calendar.add_holiday(ctx, date(2026, 5, 1), "노동절")
    assert calendar.deadline(ctx, received, Period.of_hours(2)).due == datetime(2026, 5, 4, 10, 0)


def test_type_periods_are_editable(ctx, db_target):
    assert [t["code"] for t in calendar.complaint_types(ctx)] == [
        "legal", "inquiry", "suggestion", "grievance", "other"]
    assert calendar.type_period(ctx, "질의") == Period.of_days(7)
    assert calendar.type_period(ctx, "기타민원") == Period.now()
    with pytest.raises(ValidationError) as caught:
        calendar.type_period(ctx, "법정")
    assert caught.value.code == "period_not_set"
    with pytest.raises(ValidationError) as caught:
        calendar.type_period(ctx, "청원")
    assert caught.value.code == "type_unknown"
    calendar.set_type_period(ctx, "inquiry", 14)
    assert calendar.type_period(ctx, "inquiry") == Period.of_days(14)
    assert rows(db_target, "SELECT detail FROM audit_log WHERE action = 'complaint_type.update'") == [
        ("7 → 14",)]


def test_only_managers_change_the_calendar(ctx):
    clerk = ctx.as_actor(Actor(staff_id=None, login="kim", role="clerk", workstation="민원실"))
    with pytest.raises(PermissionDenied):
        calendar.add_holiday(clerk, date(2026, 12, 3), "임시공휴일")
    with pytest.raises(PermissionDenied):
        calendar.remove_holiday(clerk, date(2026, 5, 1))
    with pytest.raises(PermissionDenied):
        calendar.set_type_period(clerk, "inquiry", 3)
    # reading is for everyone
    assert calendar.deadline(clerk, datetime(2026, 12, 2, 9, 0), Period.now()).due == \
        datetime(2026, 12, 2, 12, 0)


def test_deadline_command(capsys, tmp_path):
    db = tmp_path / "cli.db"
    code = main(["deadline", "--db", str(db), "--received", "2026-09-23 16:00", "--days", "3",
                 "--json"])
    out = json.loads(capsys.readouterr().out)
    assert code == 0
    assert out["due"] == "2026-09-30T16:00"
    assert out["period"] == {"unit": "hours", "amount": 24, "immediate": False, "label": "3일(24시간)"}
    assert "2026-09-25(금): 추석, 세지 않음" in out["steps"]
    assert out["steps"][-1] == "처리기한: 2026-09-30(수) 16:00"

    code = main(["deadline", "--db", str(db), "--received", "2026-09-22 10:00", "--type", "건의"])
    text = capsys.readouterr().out
    assert code == 0 and text.strip().endswith("처리기한: 2026-10-15(목) 18:00")  # as in the unit test

    code = main(["deadline", "--db", str(db), "--received", "어제", "--hours", "3", "--json"])
    captured = capsys.readouterr()
    assert code == 1 and json.loads(captured.out)["error"] == "received_format"
    assert "접수 일시 형식" in captured.err
    code = main(["deadline", "--db", str(db), "--received", "2026-09-22 10:00", "--type", "법정"])
    assert code == 1 and "처리기간" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:  # one period only
        main(["deadline", "--db", str(db), "--received", "2026-09-22 10:00", "--days", "3",
              "--hours", "2"])
    assert usage.value.code == 2


def test_a_long_period_sees_the_holidays_of_the_year_after_next(ctx):
    # 365 working days from 1 Dec 2026 end in May 2028: the 2028 holidays must count.
    # Without them the count would end ten calendar days early.
    d = calendar.deadline(ctx, datetime(2026, 12, 1, 10, 0), Period.of_days(365))
    assert d.due.year == 2028
    assert any(line.startswith("2028-") and "세지 않음" in line and "요일" not in line
               for line in d.explanation())


def _open_case(db_target, received: str, due: str) -> int:
    return execute(db_target,
                   "INSERT INTO complaints (receipt_no, received_at, channel, type_code, title,"
                   " status, open, period_unit, period_amount, due_at, updated_at) VALUES"
                   " ('2026-009999', ?, 'visit', 'inquiry', '가로등 고장', 'received', TRUE, 'days', 7,"
                   " ?, ?) RETURNING id", received, due, received)[0][0]


def test_after_hours_rule_is_an_office_setting(ctx, db_target):
    # 질의 received Fri 2027-02-05 19:00, before 설날 2027 (6–9 Feb off)
    received = datetime(2027, 2, 5, 19, 0)
    assert calendar.after_hours_rule(ctx) is AfterHours.SAME_DAY  # the law's text by default
    literal = calendar.deadline(ctx, received, Period.of_days(7))
    assert literal.due == datetime(2027, 2, 17, 18, 0)
    case = _open_case(db_target, "2027-02-05 19:00:00.000000", "2027-02-17 18:00:00.000000")
    assert calendar.set_after_hours_rule(ctx, AfterHours.NEXT_DAY) == frozenset(
        {"office", "complaints"})
    assert calendar.after_hours_rule(ctx) is AfterHours.NEXT_DAY
    moved = calendar.deadline(ctx, received, Period.of_days(7))
    assert moved.due == datetime(2027, 2, 18, 18, 0)
    assert any("기관 설정에 따라 다음 근무일" in line for line in moved.explanation())
    # the open case moved with it, and the change is in the access log
    assert rows(db_target, "SELECT due_at FROM complaints WHERE id = ?", case) == [
        ("2027-02-18 18:00:00.000000",)]
    assert rows(db_target, "SELECT value FROM office_settings WHERE key = 'deadline.after_hours'") == [
        ("next_day",)]
    assert rows(db_target, "SELECT target, detail FROM audit_log WHERE action = 'office.update'"
                         " AND target = 'deadline.after_hours'") == [
        ("deadline.after_hours", "same_day → next_day; 열린 민원 1건 처리기한 다시 계산")]
    assert calendar.set_after_hours_rule(ctx, AfterHours.NEXT_DAY) == frozenset()  # no change
    clerk = ctx.as_actor(Actor(staff_id=None, login="kim", role="clerk", workstation="민원실"))
    with pytest.raises(PermissionDenied):
        calendar.set_after_hours_rule(clerk, AfterHours.SAME_DAY)
    assert calendar.after_hours_rule(clerk) is AfterHours.NEXT_DAY  # reading is for everyone
