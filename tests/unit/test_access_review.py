"""The access-log review's rules (domain/access_review.py): every action the program logs has a
kind and a name; office hours, bursts of views, failed sign-ins and missing reasons at and
around their thresholds."""
from __future__ import annotations

import ast
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest

import pcrm_desktop
from pcrm_desktop.domain import access_review as ar
from pcrm_desktop.domain.audit import ChainReport
from pcrm_desktop.domain.complaints import Action
from pcrm_desktop.domain.deadlines import DaysOff
from pcrm_desktop.domain.office import OfficeHours

PACKAGE = Path(pcrm_desktop.__file__).resolve().parent
# what the f-strings that name actions put in their holes
HOLES = {"action.value": [a.value for a in Action], "purpose": ["login", "unlock"]}


def _values(node: ast.AST, assigned: dict[str, list[ast.AST]]) -> list[str]:
    """The action names an argument can be: a literal, either side of `a if c else b`, an
    f-string over a known hole, or a local name assigned one of those."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _values(node.body, assigned) + _values(node.orelse, assigned)
    if isinstance(node, ast.JoinedStr):
        found = [""]
        for part in node.values:
            if isinstance(part, ast.Constant):
                found = [f + part.value for f in found]
            else:
                hole = ast.unparse(part.value)
                assert hole in HOLES, f"an action named by f-string over {hole!r}: teach HOLES"
                found = [f + v for f in found for v in HOLES[hole]]
        return found
    if isinstance(node, ast.Name) and node.id in assigned:
        return [v for value in assigned[node.id] for v in _values(value, assigned)]
    if isinstance(node, ast.Name) and node.id in assigned.get("<parameters>", ()):
        return []   # passed through (accounts._refuse): the callers' actions are read there
    raise AssertionError(f"cannot tell which action {ast.unparse(node)!r} is")


def logged_actions() -> dict[str, str]:
    """Every action string written to the access log anywhere in the program → where."""
    found: dict[str, str] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            assigned: dict[str, list] = {"<parameters>": [a.arg for a in function.args.args]}
            for node in ast.walk(function):
                if isinstance(node, ast.Assign):
                    for target in node.targets:
                        if isinstance(target, ast.Name):
                            assigned.setdefault(target.id, []).append(node.value)
            for node in ast.walk(function):
                if not isinstance(node, ast.Call):
                    continue
                name = node.func.attr if isinstance(node.func, ast.Attribute) else \
                    node.func.id if isinstance(node.func, ast.Name) else ""
                # ctx.audit(uow, ACTION, …); accounts._refuse(ctx, uow, actor, ACTION, …);
                # accounts.record_session(ctx, ACTION)
                position = {"audit": 1, "_refuse": 3, "record_session": 1}.get(name)
                if position is None or len(node.args) <= position or function.name == "audit":
                    continue
                if name == "audit" and not (isinstance(node.args[0], ast.Name)
                                            and node.args[0].id == "uow"):
                    continue
                for action in _values(node.args[position], assigned):
                    found.setdefault(action, f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


def test_the_scanner_finds_the_actions_it_should():
    found = logged_actions()
    assert {"citizen.view", "citizen.reveal", "citizen.export", "complaint.print",
            "report.monthly", "login.ok", "login.fail", "unlock.fail", "account.lock",
            "db.create", "db.upgrade", "complaint.close", "logout", "audit.review",
            "report.access_log"} <= set(found)


def test_every_logged_action_has_a_kind_and_a_name():
    missing = {a: where for a, where in logged_actions().items() if a not in ar.ACTIONS}
    assert missing == {}, "add these to domain/access_review.ACTIONS (kind and Korean name)"


def test_kinds_of_actions_not_in_the_table_are_guessed_from_the_name():
    assert ar.kind_of("login.expired") == ar.LOGIN
    assert ar.kind_of("group.export") == ar.EXPORT
    assert ar.kind_of("report.yearly") == ar.PRINT
    assert ar.kind_of("survey.view") == ar.VIEW
    assert ar.kind_of("survey.rename") == ar.CHANGE
    assert ar.action_text("survey.rename") == "survey.rename"
    assert ar.action_text("citizen.view") == "주민 정보 조회"
    assert set(ar.actions_of(ar.EXPORT)) == {"citizen.export", "complaint.export", "survey.export"}
    assert "citizen.reveal" in ar.REASON_REQUIRED and "complaint.print" not in ar.REASON_REQUIRED


HOURS = OfficeHours()
CHUSEOK = date(2026, 9, 25)   # a Friday
DAYS_OFF = DaysOff({CHUSEOK: "추석"})
MONDAY = date(2026, 11, 23)


@pytest.mark.parametrize("at, expected", [
    (datetime.combine(MONDAY, time(8, 59, 59)), "before_hours"),
    (datetime.combine(MONDAY, time(9, 0)), None),
    (datetime.combine(MONDAY, time(12, 30)), None),          # lunch is not outside office hours
    (datetime.combine(MONDAY, time(17, 59, 59)), None),
    (datetime.combine(MONDAY, time(18, 0)), "after_hours"),
    (datetime(2026, 11, 28, 11, 0), "토요일"),
    (datetime(2026, 11, 29, 11, 0), "일요일"),
    (datetime.combine(CHUSEOK, time(11, 0)), "추석"),
])
def test_office_hours_and_days_off(at, expected):
    assert ar.off_hours(at, HOURS, DAYS_OFF) == expected


def _views(actor: str, start: datetime, subjects: list[int], step: timedelta, first_id: int = 1):
    return [ar.Entry(first_id + n, start + step * n, actor, "citizen.view", s)
            for n, s in enumerate(subjects)]


START = datetime(2026, 11, 23, 14, 0)


def test_thirty_residents_within_ten_minutes_is_a_burst():
    # 30 residents, the first and the last exactly 10 minutes apart: flagged
    views = _views("kim", START, list(range(1, 31)), timedelta(seconds=600) / 29)
    [burst] = ar.find_bursts(views)
    assert (burst.code, burst.actor, burst.count, burst.value("peak")) == (ar.BURST, "kim", 30, "30")
    assert burst.entry_ids == tuple(v.id for v in views)
    assert "kim" in burst.text() and "30명" in burst.text()


def test_below_the_threshold_is_no_burst():
    assert ar.find_bursts(_views("kim", START, list(range(1, 30)), timedelta(seconds=20))) == []
    # 30 residents but a second more than 10 minutes from the first to the last
    assert ar.find_bursts(_views("kim", START, list(range(1, 31)), timedelta(seconds=601) / 29)) == []
    # 30 views of 29 residents
    assert ar.find_bursts(_views("kim", START, list(range(1, 30)) + [1], timedelta(seconds=10))) == []
    # two accounts, 15 each, in the same minutes
    both = (_views("kim", START, list(range(1, 16)), timedelta(seconds=20))
            + _views("lee", START, list(range(16, 31)), timedelta(seconds=20), first_id=100))
    assert ar.find_bursts(both) == []


def test_overlapping_windows_make_one_burst_and_separate_ones_two():
    long_run = _views("kim", START, list(range(1, 61)), timedelta(seconds=15))  # 60 in 15 minutes
    [burst] = ar.find_bursts(long_run)
    assert burst.count == 60 and len(burst.entry_ids) == 60
    assert burst.value("peak") == "41"   # 40 steps of 15 s fill 10 minutes
    later = _views("kim", START + timedelta(hours=2), list(range(100, 131)), timedelta(seconds=5),
                   first_id=500)
    assert [b.count for b in ar.find_bursts(long_run + later)] == [60, 31]


def _fails(actor: str, day: date, n: int, action: str = "login.fail", first_id: int = 1):
    return [ar.Entry(first_id + k, datetime.combine(day, time(8, k)), actor, action)
            for k in range(n)]


def test_five_failed_sign_ins_in_a_day():
    four = _fails("kim", MONDAY, 4)
    assert ar.failed_sign_ins(four) == []
    # the fifth wrong password is logged as the lock itself: it counts
    five = four + [ar.Entry(10, datetime.combine(MONDAY, time(9)), "kim", "account.lock")]
    [found] = ar.failed_sign_ins(five)
    assert (found.code, found.actor, found.count) == (ar.FAILED_LOGINS, "kim", 5)
    # three on each of two days, or spread over two accounts: not flagged
    two_days = _fails("kim", MONDAY, 3) + _fails("kim", MONDAY + timedelta(days=1), 3, first_id=20)
    assert ar.failed_sign_ins(two_days) == []
    assert ar.failed_sign_ins(_fails("kim", MONDAY, 3) + _fails("lee", MONDAY, 3, first_id=20)) == []
    # successful sign-ins do not count
    ok = [ar.Entry(30 + k, datetime.combine(MONDAY, time(10, k)), "kim", "login.ok") for k in range(5)]
    assert ar.failed_sign_ins(four + ok) == []


def test_prints_exports_reveals_out_of_hours_and_reasons():
    at_night = datetime.combine(MONDAY, time(21, 30))
    at_noon = datetime.combine(MONDAY, time(12, 0))
    entries = [
        ar.Entry(1, at_noon, "kim", "citizen.export", None, "복지 안내"),     # fine
        ar.Entry(2, at_noon, "kim", "citizen.export", None, " "),             # no reason
        ar.Entry(3, at_night, "kim", "complaint.print"),                      # at night; prints need no reason
        ar.Entry(4, at_night, "lee", "citizen.reveal", 7, ""),                # at night and no reason
        ar.Entry(5, at_night, "lee", "citizen.view", 7),                      # a view: not watched
        ar.Entry(6, datetime.combine(CHUSEOK, time(10)), "kim", "report.monthly"),  # on 추석
    ]
    found = ar.sensitive_findings(entries, HOURS, DAYS_OFF)
    assert sorted((f.code, f.entry_ids[0]) for f in found) == [
        (ar.NO_REASON, 2), (ar.NO_REASON, 4), (ar.OFF_HOURS, 3), (ar.OFF_HOURS, 4), (ar.OFF_HOURS, 6)]
    chuseok = next(f for f in found if f.entry_ids == (6,))
    assert chuseok.text() == "kim: 2026-09-25(금) 10:00 월간 보고서 작성 (추석)"
    anomalies = ar.Anomalies.of(MONDAY, MONDAY, found)
    assert set(anomalies.flags[4]) == {ar.NO_REASON, ar.OFF_HOURS}
    assert anomalies.by_code()[ar.OFF_HOURS] == 3


def test_summary_per_account_and_kind():
    s = ar.summarize(MONDAY, MONDAY, [("kim", "citizen.view", 10), ("kim", "citizen.reveal", 2),
                                      ("lee", "complaint.print", 3), ("kim", "login.ok", 1),
                                      ("lee", "new.thing", 1)])
    assert [a.actor for a in s.accounts] == ["kim", "lee"]
    assert s.accounts[0].counts[ar.VIEW] == 12 and s.accounts[0].total == 13
    assert s.kinds == {ar.VIEW: 12, ar.CHANGE: 1, ar.PRINT: 3, ar.EXPORT: 0, ar.LOGIN: 1, ar.ADMIN: 0}
    assert s.total == 17


def test_chain_texts():
    good = ChainReport(True, 1234, 1, 1234, "ab" * 32)
    assert ar.chain_text(good) == "정상: 1,234건 확인, 마지막 기록 1234번"
    bad = ChainReport(False, 99, 1, 99, "cd" * 32, 100, "edited")
    assert ar.chain_text(bad) == "손상: 100번 기록 — 기록 내용이 바뀌었습니다 (99건까지 정상)"
