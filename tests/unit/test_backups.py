"""The backup rules (domain/backups.py): file names, kinds, the grandfather-father-son rotation
over many dates, and when an automatic backup is due."""
from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest

from pcrm_desktop.domain import backups as rules
from pcrm_desktop.domain.backups import (
    BackupName,
    Rotation,
    backup_file_name,
    due_rule,
    next_free_name,
    parse_backup_name,
    rotation_keeps,
    to_prune,
)


def _b(at: datetime, reason: str = "daily", seq: int = 0) -> BackupName:
    return BackupName(at, seq, reason, "pcrm")


# --- names ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("reason", ["start", "exit", "daily", "manual", "pre-restore", "before-0010"])
def test_a_name_parses_back_to_its_parts(reason):
    at = datetime(2026, 11, 27, 9, 5, 7)
    name = backup_file_name("pcrm", at, reason)
    assert name == f"pcrm-20261127-090507-{reason}.db"
    parsed = parse_backup_name(name)
    assert (parsed.stem, parsed.at, parsed.reason, parsed.seq) == ("pcrm", at, reason, 0)
    assert parsed.name == name


def test_names_keep_the_existing_pre_upgrade_format_and_odd_stems():
    # db/migrate.py has always written <stem>-<YYYYmmdd-HHMMSS>-before-<revision>.db
    parsed = parse_backup_name("my-office.db-20250101-000000-before-0009.db")
    assert parsed.stem == "my-office.db" and parsed.reason == "before-0009"
    assert parsed.kind == rules.KIND_PRE_UPGRADE and not parsed.automatic
    assert parse_backup_name("사무실-20250101-000000-manual.db").stem == "사무실"


@pytest.mark.parametrize("name", [
    "pcrm.db", "manifest.json", "pcrm-20261127-090507-daily.db.part",
    "pcrm-20261127-090507-Daily.db", "pcrm-2026112-090507-daily.db", "pcrm-20261327-090507-daily.db",
    "pcrm-20261127-250000-daily.db", ".restore-20261127-090507.tmp", "pcrm-20261127-090507-.db",
    "pcrm-20261127-090507-daily.pcrmbak"])
def test_other_files_are_not_backups(name):
    assert parse_backup_name(name) is None


def test_another_databases_backups_are_not_ours():
    name = backup_file_name("other", datetime(2026, 1, 1), "daily")
    assert parse_backup_name(name, "pcrm") is None
    assert parse_backup_name(name, "other") is not None


def test_two_backups_in_one_second_get_distinct_names_that_sort_in_order():
    at = datetime(2026, 3, 1, 12, 0, 0, 999)
    first = next_free_name("pcrm", at, "manual", [])
    second = next_free_name("pcrm", at, "manual", [first])
    third = next_free_name("pcrm", at, "manual", [first, second])
    assert (first, second, third) == ("pcrm-20260301-120000-manual.db",
                                      "pcrm-20260301-120000-manual.1.db",
                                      "pcrm-20260301-120000-manual.2.db")
    assert sorted([parse_backup_name(n) for n in (third, first, second)]) == \
        [parse_backup_name(n) for n in (first, second, third)]


def test_a_reason_must_be_a_plain_word():
    with pytest.raises(ValueError):
        backup_file_name("pcrm", datetime(2026, 1, 1), "../etc")
    with pytest.raises(ValueError):
        backup_file_name("pcrm", datetime(2026, 1, 1), "")


@pytest.mark.parametrize("reason, kind", [
    ("start", rules.KIND_AUTOMATIC), ("exit", rules.KIND_AUTOMATIC), ("daily", rules.KIND_AUTOMATIC),
    ("manual", rules.KIND_MANUAL), ("pre-restore", rules.KIND_PRE_RESTORE),
    ("before-0011", rules.KIND_PRE_UPGRADE)])
def test_kinds(reason, kind):
    assert rules.kind_of(reason) == kind
    assert rules.reason_text(reason)


# --- rotation ------------------------------------------------------------------------------------

def test_a_simulated_year_of_daily_backups_keeps_7_daily_4_weekly_12_monthly():
    start = datetime(2026, 1, 1, 9, 0)
    backups = []
    for day in range(365):
        base = start + timedelta(days=day)
        backups += [_b(base, "start"), _b(base.replace(hour=13), "daily"),
                    _b(base.replace(hour=18), "exit")]
    kept = rotation_keeps(backups)
    last = start + timedelta(days=364)           # 2026-12-31
    # the newest of each of the last 7 days
    daily = {b for b in kept if b.at.date() > (last - timedelta(days=7)).date()}
    assert sorted(b.at.date() for b in daily) == [(last - timedelta(days=d)).date()
                                                  for d in range(6, -1, -1)]
    assert all(b.reason == "exit" for b in kept)   # the newest of its day is the exit backup
    # the newest of each of the last 4 ISO weeks: Sundays, except the running week's last day
    weeks = {b.at.isocalendar()[:2] for b in kept}
    assert {(2026, 53), (2026, 52), (2026, 51), (2026, 50)} <= weeks
    for week in ((2026, 52), (2026, 51), (2026, 50)):
        assert any(b.at.date() == date.fromisocalendar(*week, 7) for b in kept)
    # the newest of each of the last 12 months: the last day of each month of 2026
    for month in range(1, 13):
        last_day = (date(2026, month % 12 + 1, 1) - timedelta(days=1)) if month < 12 else date(2026, 12, 31)
        assert any(b.at.date() == last_day for b in kept), month
    assert len(kept) <= 7 + 4 + 12
    # 7 days (Dec 25–31) + the Sundays of weeks 50–52 (Dec 13, 20, 27; the 27th is a day
    # already) + month ends Jan–Nov (11; Dec 31 is a day already) = 7 + 2 + 11 = 20
    assert len(kept) == 20
    pruned = to_prune(backups)
    assert len(pruned) == len(backups) - len(kept)
    assert set(pruned).isdisjoint(kept)


def test_days_with_a_backup_count_not_calendar_days():
    """A PC switched off for two months keeps its last seven days of backups."""
    backups = [_b(datetime(2026, 1, 1) + timedelta(days=d)) for d in range(20)]
    backups.append(_b(datetime(2026, 3, 20, 10)))       # back after two months
    kept = rotation_keeps(backups)
    days = sorted(b.at.date() for b in kept)
    assert date(2026, 1, 15) in days and date(2026, 1, 20) in days and date(2026, 3, 20) in days
    assert sum(1 for d in days if d >= date(2026, 1, 15)) == 7


def test_a_clock_set_back_never_empties_the_folder():
    backups = [_b(datetime(2030, 6, 1) + timedelta(days=d)) for d in range(10)]  # wrong clock
    backups += [_b(datetime(2026, 6, 1) + timedelta(days=d)) for d in range(3)]  # right again
    kept = rotation_keeps(backups)
    assert len(kept) >= 7 and any(b.at.year == 2030 for b in kept)
    assert max(backups) in kept


def test_only_automatic_backups_are_rotated():
    start = datetime(2025, 1, 1, 8)
    kept_kinds = [_b(start + timedelta(days=d), reason)
                  for d in range(0, 400, 3) for reason in ("manual", "pre-restore", "before-0010")]
    automatic = [_b(start + timedelta(days=d, hours=1)) for d in range(400)]
    pruned = to_prune(kept_kinds + automatic)
    assert pruned and all(b.automatic for b in pruned)
    assert set(kept_kinds).isdisjoint(pruned)


def test_newest_of_a_day_wins_and_seq_breaks_ties():
    at = datetime(2026, 5, 5, 10, 0)
    same_second = [_b(at, "daily", 0), _b(at, "daily", 1), _b(at - timedelta(hours=2), "start")]
    assert rotation_keeps(same_second) == {_b(at, "daily", 1)}


def test_iso_weeks_across_a_new_year():
    # 2026-12-28 (Mon) … 2027-01-03 (Sun) is ISO week 2026-W53: one week, two years
    backups = [_b(datetime(2026, 12, 28) + timedelta(days=d, hours=9)) for d in range(7)]
    rule = Rotation(daily=1, weekly=1, monthly=0)
    kept = rotation_keeps(backups, rule)
    assert kept == {_b(datetime(2027, 1, 3, 9))}  # the week's newest is also the newest day


@pytest.mark.parametrize("seed", range(25))
def test_random_histories(seed):
    """Random times over three years: every property of the rule holds."""
    rnd = random.Random(seed)
    start = datetime(2024, 1, 1)
    backups = sorted({_b(start + timedelta(minutes=rnd.randrange(3 * 365 * 24 * 60)),
                         rnd.choice(["start", "exit", "daily", "daily", "manual"]))
                      for _ in range(rnd.randrange(1, 600))})
    kept = rotation_keeps(backups)
    pruned = set(to_prune(backups))
    automatic = [b for b in backups if b.automatic]
    assert kept | pruned == set(automatic) and not kept & pruned
    if automatic:
        assert max(automatic) in kept                  # the newest is always kept
    days = sorted({b.at.date() for b in automatic}, reverse=True)[:7]
    for day in days:                                   # the newest of each of the last 7 days
        assert max(b for b in automatic if b.at.date() == day) in kept
    months = sorted({(b.at.year, b.at.month) for b in automatic}, reverse=True)[:12]
    for month in months:
        assert max(b for b in automatic if (b.at.year, b.at.month) == month) in kept
    weeks = sorted({b.at.isocalendar()[:2] for b in automatic}, reverse=True)[:4]
    for week in weeks:
        assert max(b for b in automatic if b.at.isocalendar()[:2] == week) in kept
    assert len(kept) <= 23
    # pruning again changes nothing (the rule is stable)
    assert to_prune([b for b in backups if b not in pruned]) == []


# --- due -----------------------------------------------------------------------------------------

NOW = datetime(2026, 11, 27, 9, 0)


def test_the_first_backup_is_always_due():
    for reason in rules.AUTOMATIC:
        assert due_rule(reason, NOW, None, None).due


@pytest.mark.parametrize("reason", rules.AUTOMATIC)
def test_nothing_changed_nothing_due(reason):
    found = due_rule(reason, NOW, NOW - timedelta(days=30), 0)
    assert not found.due and found.why == "unchanged"


def test_start_and_exit_follow_any_change():
    assert due_rule("start", NOW, NOW - timedelta(minutes=1), 1).due
    assert due_rule("exit", NOW, NOW - timedelta(seconds=5), 3).why == "changed"


def test_daily_waits_24_hours_since_the_newest_backup():
    assert not due_rule("daily", NOW, NOW - timedelta(hours=23, minutes=59), 5).due
    assert due_rule("daily", NOW, NOW - timedelta(hours=24), 5).due
    assert not due_rule("daily", NOW, NOW - timedelta(days=3), 0).due


def test_unknown_changes_make_a_backup():
    assert due_rule("start", NOW, NOW - timedelta(hours=1), None).due


def test_only_automatic_reasons_are_scheduled():
    with pytest.raises(ValueError):
        due_rule("manual", NOW, None, None)


def test_quiet_actions_are_the_backups_own_and_signing_in_and_out():
    assert {"backup.create", "login.ok", "logout"} <= set(rules.QUIET_ACTIONS)
    assert "backup.restore" not in rules.QUIET_ACTIONS   # a restore is a change


def test_space_needed_has_room_for_the_journal():
    assert rules.space_needed(1 << 30) > (1 << 30)
