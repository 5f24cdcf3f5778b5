"""The same demo on SQLite and on the PostgreSQL server gives the same search results in the same
order (issue 20): residents by a surname, two-syllable names, 동 and road names, address
fragments of three or more characters (FTS5 trigram against pg_trgm), phone digits, Latin letters
in either case, a saved search's rule, keyset pages; 민원 by title fragment (two characters row by
row, three or more through the title index), by 접수번호 prefix, in every sort; the export's
joined phones and groups; a resident's timeline.

Each demo is made by `pcrm demo` itself, in its own process, with one seed and one `--now`."""
from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from datetime import datetime

import pytest

from pcrm_desktop.bootstrap import open_backend
from pcrm_desktop.domain.audit import Actor
from pcrm_desktop.domain.citizens import Address, Citizen
from pcrm_desktop.domain.complaint_queues import QueueFilter
from pcrm_desktop.domain.groups import SearchRule
from pcrm_desktop.services import citizens, complaints
from pcrm_desktop.services.demo_clock import fixed_clock
from tests.conftest import REPO
from tests.dbutil import server_rows

pytestmark = pytest.mark.server_only("compares a server database with a SQLite file made alike")

SEED, NOW = "7", "2026-11-20 14:30"
AT = datetime(2026, 11, 20, 14, 30)
LATIN = Citizen(None, "Kim Minji", 1990, phones=("010-2468-1357",),
                address=Address("서울특별시 종로구 자하문로 7", "B동 201호", "1111010100", "청운동"))


def demo(target: str, *sizes: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "pcrm_desktop.cli", "demo", "--db", target, "--seed", SEED,
         "--now", NOW, *sizes, "--json"], cwd=REPO, capture_output=True, text=True, check=False,
        timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def both(pg_server, tmp_path_factory):
    """{"sqlite": ctx, "postgresql": ctx} on one demo each, plus one Latin-lettered resident
    registered the same way on both; acting as the demo's admin at the demo's moment."""
    file = str(tmp_path_factory.mktemp("same-search") / "pcrm.db")
    url = pg_server.new_database(empty=True)
    contexts, opened = {}, []
    for kind, target in (("sqlite", file), ("postgresql", url)):
        summary = demo(target, "--citizens", "600", "--complaints", "900")
        assert summary["counts"]["citizens"] == 600 and summary["counts"]["complaints"] == 900
        backend = open_backend(target, clock=fixed_clock(AT))
        opened.append(backend)
        ctx = replace(backend.ctx.as_actor(Actor(1, "admin", "admin", "검증")))
        citizens.register_citizen(ctx, LATIN)
        contexts[kind] = ctx
    yield contexts
    for backend in opened:
        backend.close()
    pg_server.drop(url)


def rows_of(items) -> list[tuple]:
    """What a list shows, without the keyset's sort value (SQLite gives a time as text)."""
    return [tuple(v for k, v in vars(item).items() if k != "position")
            for item in items]


def resident_queries(ctx) -> list[str]:
    """Searches drawn from the demo's own data (so each finds something), plus fixed ones."""
    with ctx.reading() as uow:
        people = uow.citizen_read.search("", limit=40)
    names = [p.name for p in people if len(p.name) >= 3 and not p.name.isascii()]
    phones = [p.phone.replace("-", "") for p in people if p.phone]
    roads = [p.road.split()[-2] + " " + p.road.split()[-1][:1] for p in people[:3]]
    return ["김", "이", names[0][:2], names[1][1:3], names[2], "청운", "효자", "자하문",
            "필운대로", "평창문화로", *roads, "10층", "박", phones[0][-4:], phones[1][3:7],
            phones[2][-7:], "010", "02-7", "kim", "KIM MINJI", "b동 2", "B동 20", ""]


def test_residents_come_in_the_same_order(both):
    sqlite_ctx, server_ctx = both["sqlite"], both["postgresql"]
    queries = resident_queries(sqlite_ctx)
    assert queries == resident_queries(server_ctx)
    found_any = 0
    for query in queries:
        for sort in ("name", "recent"):
            pages = {}
            for kind, ctx in both.items():
                first = citizens.search(ctx, query, limit=25, sort=sort)
                second = citizens.search(ctx, query, after=first[-1].position, limit=25,
                                         sort=sort) if len(first) == 25 else []
                pages[kind] = (rows_of(first), rows_of(second))
            assert pages["sqlite"] == pages["postgresql"], (query, sort)
            found_any += bool(pages["sqlite"][0])
    assert found_any == 2 * len(queries)  # every search finds someone
    # the Latin-lettered resident, found in either case by name and by the address detail
    for query in ("kim", "KIM MINJI", "b동 2", "B동 201"):
        assert [r.road for r in citizens.search(sqlite_ctx, query)] == [LATIN.address.road], query


def test_a_saved_search_and_the_export_are_the_same(both):
    rule = SearchRule(dong_name="청운동", group_codes=("SENIOR",))
    lists = {kind: rows_of(citizens.search(ctx, "", limit=500, rule=rule))
             for kind, ctx in both.items()}
    assert lists["sqlite"] == lists["postgresql"] and lists["sqlite"]
    exported = {}
    for kind, ctx in both.items():
        with ctx.reading() as uow:
            exported[kind] = [tuple(r) for r in uow.citizen_read.export_rows()]
    assert exported["sqlite"] == exported["postgresql"]
    assert any(", " in (r[10] or "") for r in exported["sqlite"])  # two phones, in their order
    assert any(r[11] for r in exported["sqlite"])                   # assigned groups


def test_a_residents_timeline_is_the_same(both):
    with both["sqlite"].reading() as uow:
        busy = [r[0] for r in uow.complaint_read.c.exec_driver_sql(
            "SELECT citizen_id FROM complaints WHERE citizen_id IS NOT NULL"
            " GROUP BY citizen_id ORDER BY count(*) DESC, citizen_id LIMIT 3")]
    for citizen_id in busy:
        lines = {}
        for kind, ctx in both.items():
            with ctx.reading() as uow:
                lines[kind] = uow.citizen_read.timeline(citizen_id)
        assert lines["sqlite"] == lines["postgresql"] and lines["sqlite"], citizen_id


@pytest.mark.parametrize("text", ["불법주정차", "주차", "소음", "재산세 고지서", "문의", "요청",
                                  "쓰레기 무단", "2026-00", "2025-0001", "없는제목입니다"])
def test_complaints_by_title_come_in_the_same_order(both, text):
    for sort in ("due", "received", "receipt"):
        for queue in ("all", "open"):
            f = QueueFilter(queue, text=text)
            pages = {}
            for kind, ctx in both.items():
                first = complaints.queue(ctx, f, limit=40, sort=sort)
                second = complaints.queue(ctx, f, after=first[-1].position, limit=40, sort=sort) \
                    if len(first) == 40 else []
                pages[kind] = (rows_of(first), rows_of(second))
            assert pages["sqlite"] == pages["postgresql"], (text, sort, queue)
    found = complaints.queue(both["postgresql"], QueueFilter("all", text=text), limit=5)
    assert bool(found) == (text != "없는제목입니다"), text


def test_pcrm_demo_runs_on_a_server(pg_server):
    """`pcrm demo --db URL --citizens 300` (the command line, its own process) on a new server
    database: the residents, their search index and the id sequence past the demo's ids."""
    url = pg_server.new_database(empty=True)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "pcrm_desktop.cli", "demo", "--db", url, "--citizens", "300"],
            cwd=REPO, capture_output=True, text=True, check=False, timeout=300)
        assert done.returncode == 0, done.stderr
        assert "citizens: 300" in done.stdout
        assert server_rows(url, "SELECT count(*), max(id) FROM citizens") == [(300, 300)]
        assert server_rows(url, "SELECT count(*) FROM citizen_fts") == [(300,)]
        assert server_rows(url, "SELECT count(DISTINCT citizen_id) FROM citizen_grams") == [(300,)]
        backend = open_backend(url)
        try:
            ctx = backend.ctx.as_actor(Actor(1, "admin", "admin", "검증"))
            added = citizens.register_citizen(ctx, LATIN).citizen_id
            assert added == 301  # the sequence moved past the demo's explicit ids
            assert [r.id for r in citizens.search(ctx, "b동 2")] == [301]
        finally:
            backend.close()
    finally:
        pg_server.drop(url)
