"""Customer-group analysis and IPA on a demo database with a gap built in (기초생활수급자 served
about three times slower): the slow group is flagged and a group without a gap is not; the
numbers agree with SQL worked out here apart from the app (tests.dbutil, on the file or the
server); IPA on the counter survey; figure() gives the table's values; the command line; roles
and wrong input. On both backends."""
from __future__ import annotations

import json
import statistics
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from pcrm_desktop.domain.analysis import QUADRANTS
from pcrm_desktop.domain.errors import NotFoundError, ValidationError
from pcrm_desktop.domain.privacy import PermissionDenied
from pcrm_desktop.services import analysis
from pcrm_desktop.services.demo import DemoRequest, fill_demo
from tests.dbutil import rows
from tests.module_db import BACKENDS, module_database

NOW = datetime(2026, 6, 15, 14, 0)       # the demo is made relative to its clock: fixed here
FIRST, LAST = date(2025, 6, 16), date(2026, 6, 15)   # the last 12 months
START, END = "2025-06-16 00:00:00", "2026-06-16 00:00:00"


@pytest.fixture(scope="module", params=BACKENDS)
def demo(request, tmp_path_factory):
    """One demo database for the module on each backend: 800 residents, 4,000 민원, 2,500
    answers."""
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.services import office
    with module_database(request, tmp_path_factory, "analysis") as target:
        backend = open_backend(target)
        try:
            ctx = replace(backend.ctx, clock=lambda: NOW)
            fill_demo(ctx, DemoRequest(citizens=800, complaints=4000, responses=2500, seed=11))
            ctx = ctx.as_actor(office.actor_for(ctx, None))
            yield ctx, target, {"group": analysis.group_table(ctx, FIRST, LAST, "group"),
                                "channel": analysis.group_table(ctx, FIRST, LAST, "channel"),
                                "dong": analysis.group_table(ctx, FIRST, LAST, "dong")}
        finally:
            backend.close()


def _group_id(db, code: str) -> int:
    return rows(db, "SELECT id FROM customer_groups WHERE code = ?", code)[0][0]


def _row(table, key: str):
    return next(g for g in table if g.key == key)


def _flagged(g) -> bool:
    return any(c is not None and c.significant for c in (g.on_time_gap, g.days_gap, g.satisfaction_gap))


def test_the_slow_group_is_flagged_and_a_group_without_a_gap_is_not(demo):
    _, db, tables = demo
    table = tables["group"]
    assert table[0].key == "all" and table[0].label == "전체"
    slow = _row(table, f"group:{_group_id(db, 'BASIC_LIVING')}")
    assert slow.label == "기초생활수급자"
    assert slow.finished >= 30
    assert ((slow.on_time_gap.significant and slow.on_time_gap.difference < 0)
            or (slow.days_gap.significant and slow.days_gap.difference > 0))
    assert slow.on_time.value < table[0].on_time.value and slow.days.value > table[0].days.value
    steady = [g for g in table[1:] if g is not slow and g.finished >= 100 and g.on_time_gap
              and g.days_gap and not _flagged(g)]
    assert steady, [(g.label, g.on_time_gap, g.days_gap) for g in table]


def test_numbers_agree_with_sqlite(demo):
    _, db, tables = demo
    group_id = _group_id(db, "BASIC_LIVING")
    slow = _row(tables["group"], f"group:{group_id}")
    members = "SELECT citizen_id FROM citizen_groups WHERE group_id = ?"
    received = rows(db, "SELECT count(*) FROM complaints WHERE received_at >= ? AND received_at < ?"
                    f" AND citizen_id IN ({members})", START, END, group_id)[0][0]
    finished, on_time = rows(db, "SELECT count(*), sum(CASE WHEN done_at <= due_at THEN 1 ELSE 0"
                             " END) FROM complaints"
                             f" WHERE done_at >= ? AND done_at < ? AND citizen_id IN ({members})",
                             START, END, group_id)[0]
    residents = rows(db, f"SELECT count(*) FROM ({members}) AS m", group_id)[0][0]
    assert (slow.received, slow.finished, slow.residents) == (received, finished, residents)
    assert round(slow.on_time.value * slow.finished / 100) == on_time
    assert slow.per_thousand == pytest.approx(received / residents * 1000)
    everyone = tables["group"][0]
    assert everyone.received == rows(db, "SELECT count(*) FROM complaints WHERE received_at >= ?"
                                     " AND received_at < ?", START, END)[0][0]
    assert everyone.residents == rows(db, "SELECT count(*) FROM citizens")[0][0]
    # working days: those after the day of receipt up to the day finished, a receipt on a day
    # off deemed made on the next working day (Saturday in, Monday out = 0)
    off = {d for (d,) in rows(db, "SELECT day FROM holidays WHERE active")}

    def working(day: date) -> bool:
        return day.weekday() < 5 and day.isoformat() not in off
    days = []
    for got, done in rows(db, "SELECT substr(CAST(received_at AS TEXT), 1, 10),"
                          " substr(CAST(done_at AS TEXT), 1, 10) FROM"
                          f" complaints WHERE done_at >= ? AND done_at < ? AND citizen_id IN ({members})",
                          START, END, group_id):
        day, count = date.fromisoformat(got), 0
        while not working(day):
            day += timedelta(days=1)
        while day < date.fromisoformat(done):
            day += timedelta(days=1)
            count += working(day)
        days.append(count)
    assert slow.days.value == pytest.approx(statistics.fmean(days))


def test_channels_and_dongs_split_every_case(demo):
    _, db, tables = demo
    for by, column in (("channel", "channel"), ("dong", "dong_name")):
        table = tables[by]
        assert sum(g.received for g in table[1:]) == table[0].received
        counted = dict(rows(db, f"SELECT {column}, count(*) FROM complaints WHERE received_at >= ?"
                                f" AND received_at < ? GROUP BY 1", START, END))
        assert {g.key.split(":", 1)[1]: g.received for g in table[1:] if g.received} == counted
    visit = _row(tables["channel"], "channel:visit")
    assert visit.label == "방문" and visit.residents is None and visit.per_thousand is None
    dong = tables["dong"][1]
    assert dong.residents == rows(db, "SELECT count(*) FROM citizens WHERE dong_name = ?",
                                  dong.label)[0][0]


def test_ipa_on_the_counter_survey(demo):
    ctx, db, _ = demo
    result = analysis.ipa(ctx, "COUNTER", FIRST, LAST)
    counted = rows(db, "SELECT count(*) FROM survey_responses r JOIN survey_versions v ON v.id ="
                   " r.version_id JOIN surveys s ON s.id = v.survey_id WHERE s.code = 'COUNTER'"
                   " AND r.submitted_at >= ? AND r.submitted_at < ?", START, END)[0][0]
    assert result.responses == counted and result.enough
    assert [i.code for i in result.items] == ["ACCESS", "KIND", "EXPERT", "SPEED", "RESULT", "FACILITY"]
    for item in result.items:
        assert -1 <= item.importance <= 1 and item.n >= 100
        assert item.quadrant in QUADRANTS
        important = item.importance >= result.mean_importance
        below = item.performance.value < result.mean_performance
        assert item.quadrant == {(True, True): "fix_first", (True, False): "keep_up",
                                 (False, True): "low_priority", (False, False): "overkill"}[(important, below)]
    assert result.fix_first == [i.code for i in sorted(result.items, key=lambda i: -i.importance)
                                if i.quadrant == "fix_first"]
    pairs = rows(db, "SELECT a.value_num, o.value_num FROM survey_responses r"
                 " JOIN survey_versions v ON v.id = r.version_id JOIN surveys s ON s.id = v.survey_id"
                 " JOIN survey_answers a ON a.response_id = r.id AND a.item = 'KIND'"
                 " JOIN survey_answers o ON o.response_id = r.id AND o.item = 'OVERALL'"
                 " WHERE s.code = 'COUNTER' AND r.submitted_at >= ? AND r.submitted_at < ?"
                 " AND a.value_num IS NOT NULL AND o.value_num IS NOT NULL", START, END)
    kind = next(i for i in result.items if i.code == "KIND")
    assert kind.n == len(pairs)
    assert kind.importance == pytest.approx(statistics.correlation(*zip(*pairs)))


def test_ipa_with_few_responses_places_nothing(demo):
    ctx, _, _ = demo
    result = analysis.ipa(ctx, "COUNTER", LAST, LAST)
    assert result.responses < 100 and not result.enough
    assert result.fix_first == [] and result.mean_performance is None
    assert all(i.quadrant == "" for i in result.items)


def test_figure_is_the_table_s_value(demo):
    ctx, db, tables = demo
    keys = {"group": ["all", f"group:{_group_id(db, 'BASIC_LIVING')}", f"group:{_group_id(db, 'SENIOR')}"],
            "channel": ["channel:visit"], "dong": [tables["dong"][1].key]}
    for by, wanted in keys.items():
        for key in wanted:
            row = _row(tables[by], key)
            for metric, expected in (("on_time", row.on_time), ("days", row.days),
                                     ("satisfaction", row.satisfaction)):
                got = analysis.figure(ctx, key, metric, FIRST, LAST)
                assert (got.value, got.low, got.high, got.n) == pytest.approx(
                    (expected.value, expected.low, expected.high, expected.n)), (key, metric)
            assert analysis.figure(ctx, key, "received", FIRST, LAST).value == row.received
            per = analysis.figure(ctx, key, "per_thousand", FIRST, LAST)
            assert (per.value if per else None) == pytest.approx(row.per_thousand)


def test_wrong_input_and_roles(demo):
    ctx, _, _ = demo
    with pytest.raises(ValidationError):
        analysis.group_table(ctx, FIRST, LAST, "department")
    with pytest.raises(ValidationError):
        analysis.group_table(ctx, LAST, FIRST)
    for key, metric in (("group:x", "on_time"), ("nothing", "on_time"), ("all", "mood")):
        with pytest.raises(ValidationError):
            analysis.figure(ctx, key, metric, FIRST, LAST)
    assert analysis.figure(ctx, "group:999", "on_time", FIRST, LAST) is None
    with pytest.raises(NotFoundError):
        analysis.ipa(ctx, "NOPE", FIRST, LAST)
    kiosk = ctx.as_actor(replace(ctx.actor, role="kiosk"))
    with pytest.raises(PermissionDenied):
        analysis.group_table(kiosk, FIRST, LAST)
    with pytest.raises(PermissionDenied):
        analysis.ipa(kiosk, "COUNTER", FIRST, LAST)
    clerk = ctx.as_actor(replace(ctx.actor, role="clerk"))
    assert analysis.figure(clerk, "all", "received", FIRST, LAST).value > 0


def test_cli_json_and_text(demo, capsys):
    from pcrm_desktop.cli import main
    _, db, tables = demo
    assert main(["analysis", "groups", "--db", db, "--from", str(FIRST), "--to", str(LAST),
                 "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["ok"] and out["by"] == "group" and out["rows"][0]["key"] == "all"
    printed = {r["key"]: r for r in out["rows"]}
    slow = _row(tables["group"], f"group:{_group_id(db, 'BASIC_LIVING')}")
    row = printed[slow.key]
    assert (row["label"], row["received"], row["finished"]) == (slow.label, slow.received, slow.finished)
    assert row["on_time"]["value"] == round(slow.on_time.value, 2)
    assert row["on_time"]["n"] == slow.on_time.n
    assert row["on_time_gap"]["significant"] == slow.on_time_gap.significant
    assert set(row["days"]) == {"value", "low", "high", "n", "visibility"}
    assert main(["analysis", "groups", "--db", db, "--from", str(FIRST), "--to", str(LAST),
                 "--by", "channel"]) == 0
    text = capsys.readouterr().out
    assert "접수 경로별 분석" in text and "방문" in text and "국민신문고" in text


def test_demo_is_the_same_for_the_same_seed(db_target, tmp_path):
    """The same seed twice: in a file and in the test's database (another file, or the
    server: the same data on both backends)."""
    from pcrm_desktop.bootstrap import open_backend
    made = []
    for target in (str(tmp_path / "a.db"), db_target):
        backend = open_backend(target)
        fill_demo(replace(backend.ctx, clock=lambda: NOW), DemoRequest(citizens=150, complaints=400, seed=3))
        backend.close()
        made.append(rows(target, "SELECT citizen_id, received_at, done_at FROM complaints ORDER BY id"))
    assert made[0] == made[1]
