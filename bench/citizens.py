"""Residents at district scale: `python bench/citizens.py [--citizens 300000] [--runs 5]`.

Builds (once, cached in the temp folder) a database with `pcrm demo`, then measures, each beside
the same work done with raw sqlite3 on the same file:
- search as you type (first page of 100, masked) for two-syllable names, 3+ character
  fragments and phone tails: p50 and p95 over many queries;
- opening a profile (the resident, phones, groups, timeline, consents; audited);
- importing a 100,000-row CP949 CSV (validation, duplicate check, indexes, one transaction).
"""
from __future__ import annotations

import argparse
import csv
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from common import PYTHON, REPO, env, percentile, print_table  # noqa: E402

TWO_SYLLABLES = ["김철", "이정", "민수", "서연", "지현", "박민", "최수", "정민", "영희", "준호",
                 "수영", "하은", "도윤", "현우", "예은", "재훈", "성민", "유진", "동현", "은지"]
FRAGMENTS = ["김민서", "이지현", "박성민", "자하문", "평창문화", "창경궁", "정수빈", "최영희",
             "효자로", "북촌로", "사직로 1", "계동길"]


def build(folder: Path, citizens: int) -> Path:
    path = folder / f"citizens-{citizens}.db"
    if not path.exists():
        started = time.perf_counter()
        subprocess.run([PYTHON, "-m", "pcrm_desktop.cli", "demo", "--db", str(path), "--citizens",
                        str(citizens), "--seed", "1"], cwd=REPO, env=env(), check=True,
                       capture_output=True)
        print(f"built {path} in {time.perf_counter() - started:.1f} s")
    return path


def measure(fn, queries, runs) -> list[float]:
    times = []
    for _ in range(runs):
        for q in queries:
            started = time.perf_counter()
            fn(q)
            times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--citizens", type=int, default=300_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--import-rows", type=int, default=100_000)
    args = parser.parse_args()
    folder = Path(tempfile.gettempdir()) / "pcrm-bench-cache"
    folder.mkdir(exist_ok=True)
    db = build(folder, args.citizens)

    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.db.citizen_queries import search_sql
    from pcrm_desktop.services import citizens, office
    backend = open_backend(str(db))
    ctx = backend.ctx.as_actor(office.actor_for(backend.ctx, None))
    raw = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rng = random.Random(7)
    tails = [f"{rng.randint(0, 9999):04d}" for _ in range(20)]

    def raw_search(q):
        with backend.migration.engine.connect() as conn:
            sql, params = search_sql(conn, q, None, 100, "name")
        raw.execute(sql, params).fetchall()

    rows = []
    for name, queries in (("two-syllable names", TWO_SYLLABLES), ("3+ char fragments", FRAGMENTS),
                          ("phone tails", tails)):
        ours = measure(lambda q: citizens.search(ctx, q), queries, args.runs)
        base = measure(raw_search, queries, args.runs)
        rows.append([f"search: {name}", len(ours), f"{statistics.median(ours):.1f}",
                     f"{percentile(ours, 0.95):.1f}", f"{percentile(base, 0.95):.1f}",
                     f"{percentile(ours, 0.95) / percentile(base, 0.95):.2f}"])

    # Filters (동, customer group, age) and a saved search, alone and with text.
    from datetime import date

    from pcrm_desktop.db.citizen_queries import rule_condition
    from pcrm_desktop.domain.groups import SearchRule
    from pcrm_desktop.services.groups import list_groups
    dongs = [d for d, _ in citizens.dong_names(ctx)]
    smart = next((g.code for g in list_groups(ctx) if g.kind.value == "smart"), None)
    cases = [("", SearchRule(dong_name=d)) for d in rng.sample(dongs, 5)]
    cases += [("", SearchRule(group_codes=(c,))) for c in ("SENIOR", "DISABLED", "FOREIGN")]
    cases += [(q, SearchRule(group_codes=("SENIOR",))) for q in TWO_SYLLABLES[:5]]
    cases += [("", SearchRule(dong_name=d, group_codes=("YOUTH",), max_age=30)) for d in dongs[:3]]
    if smart:
        cases += [("", SearchRule(group_codes=(smart,))), ("김", SearchRule(group_codes=(smart,)))]

    def raw_filtered(case):
        q, rule = case
        with backend.migration.engine.connect() as conn:
            filters = rule_condition(conn, rule.as_dict(), date.today())
            sql, params = search_sql(conn, q, None, 100, "name", filters)
        raw.execute(sql, params).fetchall()

    ours = measure(lambda case: citizens.search(ctx, case[0], None, 100, "name", case[1]), cases, args.runs)
    base = measure(raw_filtered, cases, args.runs)
    rows.append(["search with filters (동, group, age, saved search)", len(ours),
                 f"{statistics.median(ours):.1f}", f"{percentile(ours, 0.95):.1f}",
                 f"{percentile(base, 0.95):.1f}", f"{percentile(ours, 0.95) / percentile(base, 0.95):.2f}"])
    ours = measure(lambda _: citizens.dong_names(ctx), [0], args.runs)
    base = measure(lambda _: raw.execute("SELECT dong_name, count(*) FROM citizens WHERE dong_name <> ''"
                                         " GROUP BY dong_name").fetchall(), [0], args.runs)
    rows.append(["동 list with counts (filter choices)", len(ours), f"{statistics.median(ours):.1f}",
                 f"{percentile(ours, 0.95):.1f}", f"{percentile(base, 0.95):.1f}",
                 f"{percentile(ours, 0.95) / percentile(base, 0.95):.2f}"])

    ids = [r[0] for r in raw.execute("SELECT id FROM citizens ORDER BY random() LIMIT 50")]

    def raw_profile(i):
        raw.execute("SELECT * FROM citizens WHERE id = ?", (i,)).fetchall()
        raw.execute("SELECT number FROM citizen_phones WHERE citizen_id = ? ORDER BY position", (i,)).fetchall()
        raw.execute("SELECT group_id FROM citizen_groups WHERE citizen_id = ?", (i,)).fetchall()
        raw.execute("SELECT * FROM interactions WHERE citizen_id = ? ORDER BY at DESC LIMIT 200", (i,)).fetchall()
        raw.execute("SELECT * FROM consents WHERE citizen_id = ?", (i,)).fetchall()
    ours = measure(lambda i: citizens.open_profile(ctx, i), ids, 1)
    base = measure(raw_profile, ids, 1)
    rows.append(["open profile (audited)", len(ours), f"{statistics.median(ours):.1f}",
                 f"{percentile(ours, 0.95):.1f}", f"{percentile(base, 0.95):.1f}",
                 f"{percentile(ours, 0.95) / percentile(base, 0.95):.2f}"])
    raw.close()
    backend.close()
    print_table(f"Residents, {args.citizens:,} in the database (ms)",
                ["operation", "n", "p50", "p95", "raw sqlite3 p95", "ratio"], rows)
    bench_import(folder, db, args.import_rows)


def write_csv(path: Path, rows: int) -> None:
    from pcrm_desktop.services.demo_citizens import make_citizen
    from pcrm_desktop.services.demo_names import NameMaker
    rng = random.Random(5)
    names, used = NameMaker(rng), set()
    with path.open("w", encoding="cp949", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["성명", "생년", "휴대폰", "주소", "상세주소", "동", "비고"])
        for i in range(rows):
            c = make_citizen(rng, names, used, 2026)
            writer.writerow([c.name, c.birth_year, c.phones[0] if c.phones else "", c.address.road,
                             c.address.detail, c.address.dong_name, "방문 상담" if i % 20 == 0 else ""])


def bench_import(folder: Path, big_db: Path, rows: int) -> None:
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.services import office
    from pcrm_desktop.services.citizen_import import commit_import, guess_mapping, plan_import
    from pcrm_desktop.services.demo import DemoRequest, fill_demo
    from pcrm_desktop.services.tabular import read_table
    source = folder / f"import-{rows}.csv"
    if not source.exists():
        write_csv(source, rows)
    results = []
    for label, start_from in (("into an empty database", None), ("into the big database", big_db)):
        target = Path(tempfile.mkdtemp()) / "target.db"
        if start_from is not None:
            shutil.copy(start_from, target)
        backend = open_backend(str(target))
        if start_from is None:
            fill_demo(backend.ctx, DemoRequest(citizens=0))
        ctx = backend.ctx.as_actor(office.actor_for(backend.ctx, None))
        started = time.perf_counter()  # the two steps of the import dialog, and both together
        table = read_table(source)
        plan = plan_import(ctx, table, guess_mapping(table.headers))
        checked = time.perf_counter()
        result = commit_import(ctx, plan)
        done = time.perf_counter()
        backend.close()
        floor_copy = None
        if start_from is not None:
            floor_copy = target.parent / "floor.db"
            shutil.copy(start_from, floor_copy)
        floor = floor_insert(plan, floor_copy, target.parent / "floor-empty.db")
        raw_seconds = raw_import(source, target.parent / "raw.db")
        shutil.rmtree(target.parent)  # the copies of the big database: not left behind
        n = result.imported
        results.append([f"{label}: check (read, validate, duplicates)", f"{n:,}",
                        f"{checked - started:.2f}", f"{n / (checked - started):,.0f}", "", ""])
        results.append([f"{label}: import (write, indexes, commit)", f"{n:,}",
                        f"{done - checked:.2f}", f"{n / (done - checked):,.0f}",
                        f"{n / floor:,.0f}", f"{floor / (done - checked):.2f}"])
        results.append([f"{label}: both", f"{n:,}", f"{done - started:.2f}",
                        f"{n / (done - started):,.0f}", f"{rows / raw_seconds:,.0f}",
                        f"{raw_seconds / (done - started):.2f}"])
    print_table("Import of a CP949 CSV (one transaction, with validation, duplicate check and search"
                " indexes). raw: 'import' = the same prepared rows into the same tables with bare"
                " sqlite3; 'both' = decode + bare insert into one table",
                ["step", "rows", "seconds", "rows/s", "raw sqlite3 rows/s", "ratio (raw time/ours)"],
                results)


def floor_insert(plan, big_copy: Path | None, empty_path: Path) -> float:
    """What SQLite alone needs for the import's rows: the rows our import writes, already
    built, inserted with bare sqlite3 executemany into the same schema, one transaction."""
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.db import citizen_repo as cr
    path = big_copy
    if path is None:
        open_backend(str(empty_path)).close()
        path = empty_path
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA cache_size=-65536")
    first = (conn.execute("SELECT coalesce(max(id), 0) FROM citizens").fetchone()[0] or 0) + 1
    stamp = "2026-11-27 10:00:00.000000"
    citizens, phones, grams, fts = [], [], [], []
    for i, (_, c, _) in enumerate(plan.valid, start=first):
        citizens.append(cr.citizen_tuple(i, c, stamp))
        cr.child_rows(i, c, phones, grams, fts)
    grams.sort()
    def insert(table: str, columns, rows) -> None:  # what dialect.bulk_insert runs on SQLite
        marks = ", ".join("?" * len(columns))
        conn.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", rows)
    started = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    insert("citizens", cr.CITIZEN_COLUMNS, citizens)
    insert("citizen_phones", cr.PHONE_COLUMNS, phones)
    insert("citizen_grams", cr.GRAM_COLUMNS, grams)
    insert("citizen_fts", cr.FTS_COLUMNS, fts)
    conn.execute("COMMIT")
    seconds = time.perf_counter() - started
    conn.close()
    return seconds


def raw_import(source: Path, target: Path) -> float:
    """The floor: decode the CSV and insert the bare rows into one indexed table."""
    started = time.perf_counter()
    conn = sqlite3.connect(target)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE citizens (id INTEGER PRIMARY KEY, name TEXT, birth_year INT,"
                 " phone TEXT, road TEXT, detail TEXT, dong TEXT, memo TEXT)")
    conn.execute("CREATE INDEX ix_name ON citizens(name, id)")
    with source.open(encoding="cp949", newline="") as handle:
        reader = csv.reader(handle)
        next(reader)
        conn.executemany("INSERT INTO citizens (name, birth_year, phone, road, detail, dong, memo)"
                         " VALUES (?, ?, ?, ?, ?, ?, ?)", reader)
    conn.commit()
    conn.close()
    return time.perf_counter() - started


if __name__ == "__main__":
    main()
