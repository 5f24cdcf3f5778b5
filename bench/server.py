"""The same office on SQLite and on a PostgreSQL server, at district scale (issue 20).

Takes bench/complaints.py's database (1,000,000 민원, 300,000 residents; made by it when not
cached), upgrades a copy to this version's schema, moves it to a throwaway local PostgreSQL
cluster with `pcrm copy-to` (timed: what moving a large office costs), then runs the same
service calls on both and prints p50/p95 side by side:
- the 민원 queues' first page (8 queues x 3 sorts), a filter by title fragment (2 and 3+
  characters), a page deep in 전체, the queue tab counts, opening a case;
- resident search: a two-syllable name, a 3+ character address fragment, phone digits;
- the dashboard's today figures;
- a 민원 received (a durable commit).
The server runs on this PC over a Unix socket with durability off (fsync=off, like the tests):
the figures say what the SQL costs, not what an office network adds (issue 21 measures that).

    python bench/server.py [--runs 3] [--complaints 1000000]
"""
from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import demo_database, env, ms, percentile, print_table  # noqa: E402


def pcrm(*args: str) -> None:
    done = subprocess.run([sys.executable, "-m", "pcrm_desktop.cli", *args], env=env(),
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"pcrm {' '.join(args[:2])} failed:\n{done.stderr[-3000:]}")


def measure(target: str, runs: int) -> dict[str, list[float]]:
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.domain.complaint_queues import QUEUES, QueueFilter
    from pcrm_desktop.domain.complaints import Channel, Intake
    from pcrm_desktop.services import citizens, complaints, office
    backend = open_backend(target, seed_calendar=False)
    ctx = backend.ctx.as_actor(office.actor_for(backend.ctx, "clerk01"))
    me = ctx.actor.staff_id
    team = next(s.department_id for s in office.overview(ctx).staff if s.id == me)
    sorts = ("received", "due", "receipt")
    found: dict[str, list[float]] = {}

    def timed(name: str, fn) -> None:
        found.setdefault(name, []).append(ms(fn))

    rng = random.Random(5)
    first = complaints.queue(ctx, QueueFilter("all"), None, 100, "received")
    ids = [r.id for r in first]
    deep_after = None
    page = first
    for _ in range(30):  # walk down (up to) 3,000 rows by key, as scrolling does
        if not page:
            break
        deep_after = page[-1].position
        page = complaints.queue(ctx, QueueFilter("all"), deep_after, 100, "received")
    cats = [c["id"] for c in complaints.categories(ctx) if c["parent_id"] is not None]
    for _ in range(runs):
        for q in QUEUES:
            for sort in sorts:
                f = QueueFilter(q, me, team if q == "team" else None)
                timed("민원 first page (8 queues x 3 sorts)",
                      lambda f=f, sort=sort: complaints.queue(ctx, f, None, 100, sort))
        for text in ("가로등", "불법주정차", "주차"):
            timed(f"민원 title contains '{text}'",
                  lambda text=text: complaints.queue(ctx, QueueFilter("all", text=text), None,
                                                     100, "received"))
        timed("민원 page 3,000 rows down (keyset)",
              lambda: complaints.queue(ctx, QueueFilter("all"), deep_after, 100, "received"))
        timed("queue tab counts", lambda: complaints.queue_counts(ctx))
        for i in rng.sample(ids, 5):
            timed("open a case", lambda i=i: complaints.case(ctx, i))
        for query in ("김민", "자하문로", "4821"):
            timed(f"residents '{query}'", lambda query=query: citizens.search(ctx, query))
        timed("today's figures (status bar)", lambda: complaints.today_figures(ctx))
        timed("receive a 민원 (commit)", lambda: complaints.receive(ctx, Intake(
            datetime.now(), Channel.VISIT, "inquiry", "벤치 접수", "내용", rng.choice(cats), None)))
    backend.close()
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--complaints", type=int, default=1_000_000)
    parser.add_argument("--citizens", type=int, default=300_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    cache = Path(tempfile.gettempdir()) / "pcrm-bench-cache"
    cache.mkdir(exist_ok=True)
    source = demo_database(cache, f"complaints-{args.complaints}", "--citizens",
                           str(args.citizens), "--complaints", str(args.complaints),
                           "--seed", "1")
    work = Path(tempfile.mkdtemp(prefix="pcrm-server-bench-"))
    from tests import pg_cluster
    cluster = pg_cluster.start()
    try:
        db = work / "pcrm.db"
        shutil.copyfile(source, db)
        started = time.perf_counter()
        pcrm("init", "--db", str(db))
        upgraded = time.perf_counter() - started
        with cluster.admin_connect() as admin:
            admin.execute("CREATE DATABASE office")
        url = cluster.url("office")
        started = time.perf_counter()
        pcrm("copy-to", url, "--db", str(db))
        moved = time.perf_counter() - started
        with cluster.admin_connect("office") as conn:
            conn.execute("VACUUM ANALYZE")
            size = conn.execute("SELECT pg_database_size('office')").fetchone()[0]
        print(f"file: {db.stat().st_size / 2**20:,.0f} MB (upgraded in {upgraded:.1f} s); "
              f"server: {size / 2**20:,.0f} MB; copy-to {moved:.1f} s")
        on_file = measure(str(db), args.runs)
        on_server = measure(url, args.runs)
        rows = []
        for name, ours in on_file.items():
            theirs = on_server[name]
            f95, s95 = percentile(ours, 0.95), percentile(theirs, 0.95)
            rows.append([name, len(ours), f"{statistics.median(ours):.1f}", f"{f95:.1f}",
                         f"{statistics.median(theirs):.1f}", f"{s95:.1f}",
                         f"{s95 / f95:.2f}" if f95 else ""])
        print_table(f"{args.complaints:,} 민원, {args.citizens:,} residents: SQLite file vs "
                    "PostgreSQL server (same PC, Unix socket), ms",
                    ["call", "n", "file p50", "file p95", "server p50", "server p95",
                     "server/file p95"], rows)
    finally:
        cluster.stop()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
