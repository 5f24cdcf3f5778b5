"""Backups: file names, kinds, the rotation rule and when an automatic backup is due.

Pure Python: the rules take names, times and counts and give decisions. Making, checking and
restoring copies is db/backup/; the user's actions are services/backups/.

Rotation (grandfather-father-son) applies to automatic backups only (start, exit, daily): the
newest backup of each of the last 7 days that have one, of the last 4 ISO weeks that have one and
of the last 12 months that have one are kept; every other automatic backup goes. Counting days
*with a backup* (not calendar days back from today) means a PC switched off for a month, or a
clock set wrong, never loses its last backups to the rule. Manual, pre-upgrade and pre-restore
backups are kept until an admin deletes them: each is the only copy of a moment somebody chose
(before an upgrade, before a restore replaced the data), so no count or age may remove them.
Texts are Korean, wrapped in QT_TRANSLATE_NOOP ("backups") so lupdate collects them.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TypeVar


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name lupdate looks for
    return text


CONTEXT = "backups"

# --- reasons and kinds -------------------------------------------------------------------------
START, EXIT, DAILY = "start", "exit", "daily"
AUTOMATIC = (START, EXIT, DAILY)
MANUAL = "manual"
PRE_RESTORE = "pre-restore"
PRE_UPGRADE_PREFIX = "before-"      # db/migrate.py names them before-<revision>
SUFFIX = ".db"
ENCRYPTED_SUFFIX = ".pcrmbak"       # an encrypted backup for a USB stick

KIND_AUTOMATIC, KIND_MANUAL, KIND_PRE_UPGRADE, KIND_PRE_RESTORE = (
    "automatic", "manual", "pre-upgrade", "pre-restore")

REASON_TEXTS: dict[str, str] = {
    START: QT_TRANSLATE_NOOP("backups", "자동 (시작)"),
    EXIT: QT_TRANSLATE_NOOP("backups", "자동 (종료)"),
    DAILY: QT_TRANSLATE_NOOP("backups", "자동 (매일)"),
    MANUAL: QT_TRANSLATE_NOOP("backups", "수동"),
    PRE_RESTORE: QT_TRANSLATE_NOOP("backups", "복원 전"),
}
PRE_UPGRADE_TEXT = QT_TRANSLATE_NOOP("backups", "업그레이드 전")

_REASON = re.compile(r"^[a-z0-9_]+(?:-[a-z0-9_]+)*$")   # before-<revision>: ids may have _
_NAME = re.compile(r"^(?P<stem>.+?)-(?P<day>\d{8})-(?P<time>\d{6})-(?P<reason>[a-z0-9_]+(?:-[a-z0-9_]+)*)"
                   r"(?:\.(?P<seq>\d{1,4}))?\.db$")


def kind_of(reason: str) -> str:
    if reason in AUTOMATIC:
        return KIND_AUTOMATIC
    if reason == PRE_RESTORE:
        return KIND_PRE_RESTORE
    if reason.startswith(PRE_UPGRADE_PREFIX):
        return KIND_PRE_UPGRADE
    return KIND_MANUAL


def is_automatic(reason: str) -> bool:
    return reason in AUTOMATIC


def reason_text(reason: str) -> str:
    """The Korean name of a reason (untranslated; the screens translate it in CONTEXT)."""
    if reason.startswith(PRE_UPGRADE_PREFIX):
        return PRE_UPGRADE_TEXT
    return REASON_TEXTS.get(reason, reason)


# --- names -------------------------------------------------------------------------------------
@dataclass(frozen=True, order=True)
class BackupName:
    at: datetime
    seq: int
    reason: str
    stem: str

    @property
    def name(self) -> str:
        return backup_file_name(self.stem, self.at, self.reason, self.seq)

    @property
    def kind(self) -> str:
        return kind_of(self.reason)

    @property
    def automatic(self) -> bool:
        return is_automatic(self.reason)


def check_reason(reason: str) -> str:
    if not _REASON.match(reason or ""):
        raise ValueError(f"not a backup reason: {reason!r}")
    return reason


def backup_file_name(stem: str, at: datetime, reason: str, seq: int = 0) -> str:
    """pcrm-20261127-093000-daily.db; a second one in the same second: …-daily.1.db."""
    check_reason(reason)
    return f"{stem}-{at:%Y%m%d-%H%M%S}-{reason}{f'.{seq}' if seq else ''}{SUFFIX}"


def parse_backup_name(name: str, stem: str | None = None) -> BackupName | None:
    """The parts of a backup file's name, or None for any other file (and for another
    database's backups when `stem` is given)."""
    match = _NAME.match(name)
    if not match or (stem is not None and match["stem"] != stem):
        return None
    try:
        at = datetime.strptime(match["day"] + match["time"], "%Y%m%d%H%M%S")
    except ValueError:
        return None
    return BackupName(at, int(match["seq"] or 0), match["reason"], match["stem"])


def next_free_name(stem: str, at: datetime, reason: str, taken: Iterable[str]) -> str:
    """A name no existing file has (two backups in one second get .1, .2 …)."""
    used = set(taken)
    for seq in range(10_000):
        name = backup_file_name(stem, at.replace(microsecond=0), reason, seq)
        if name not in used:
            return name
    raise ValueError("too many backups in one second")


# --- rotation ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Rotation:
    daily: int = 7
    weekly: int = 4
    monthly: int = 12


ROTATION = Rotation()


# a backup's slot in the rotation: its day, or its (year, ISO week) or (year, month)
_Slot = TypeVar("_Slot", date, tuple[int, int])


def _newest_per(backups: list[BackupName], key: Callable[[datetime], _Slot],
                how_many: int) -> set[BackupName]:
    newest: dict[_Slot, BackupName] = {}
    for backup in backups:
        slot = key(backup.at)
        if slot not in newest or backup > newest[slot]:
            newest[slot] = backup
    return {newest[slot] for slot in sorted(newest, reverse=True)[:how_many]}


def _day(at: datetime) -> date:
    return at.date()


def _iso_week(at: datetime) -> tuple[int, int]:
    year, week, _ = at.isocalendar()
    return year, week


def _month(at: datetime) -> tuple[int, int]:
    return at.year, at.month


def rotation_keeps(backups: Iterable[BackupName], rule: Rotation = ROTATION) -> set[BackupName]:
    """The automatic backups the rule keeps: the newest of each of the last `daily` days with a
    backup, of the last `weekly` ISO weeks with one, of the last `monthly` months with one."""
    automatic = [b for b in backups if b.automatic]
    return (_newest_per(automatic, _day, rule.daily)
            | _newest_per(automatic, _iso_week, rule.weekly)
            | _newest_per(automatic, _month, rule.monthly))


def to_prune(backups: Iterable[BackupName], rule: Rotation = ROTATION) -> list[BackupName]:
    """The automatic backups the rule lets go, oldest first. Never a manual, pre-upgrade or
    pre-restore backup, and never the newest automatic one."""
    backups = list(backups)
    keep = rotation_keeps(backups, rule)
    return sorted(b for b in backups if b.automatic and b not in keep)


# --- when an automatic backup is due -----------------------------------------------------------
# Entries that do not make a backup due by themselves: the backups' own entries, and signing in
# and out (otherwise every start would find "a change": its own sign-in). They still go into
# the next backup that a real change causes.
QUIET_ACTIONS = ("backup.create", "backup.prune", "backup.delete", "login.ok", "logout",
                 "session.lock", "session.lock_manual", "unlock.ok")
DAILY_INTERVAL = timedelta(hours=24)


@dataclass(frozen=True)
class Due:
    due: bool
    reason: str
    why: str                     # a code: "first", "changed", "unchanged", "recent"
    changes: int                 # access-log entries (other than QUIET_ACTIONS) since the last one
    last_at: datetime | None     # the newest backup's time


def due_rule(reason: str, now: datetime, last_at: datetime | None, changes: int | None) -> Due:
    """`changes`: entries since the newest backup (None when it cannot be told: then a backup
    is made). start and exit: when anything changed; daily: when anything changed and the newest
    backup is 24 hours old or more (a window left open for days still gets one a day)."""
    if reason not in AUTOMATIC:
        raise ValueError(f"not an automatic reason: {reason!r}")
    if last_at is None:
        return Due(True, reason, "first", changes or 0, None)
    if changes is not None and changes <= 0:
        return Due(False, reason, "unchanged", 0, last_at)
    if reason == DAILY and now - last_at < DAILY_INTERVAL:
        return Due(False, reason, "recent", changes or 0, last_at)
    return Due(True, reason, "changed", changes or 0, last_at)


# --- disk space ------------------------------------------------------------------------------------
def space_needed(database_bytes: int) -> int:
    """Free bytes a backup of a database this size needs (the copy, its journal, some slack)."""
    return int(database_bytes * 1.1) + (16 << 20)
