"""민원 at district scale: 1,000,000 cases (and 300,000 residents).

Prints, beside the same SQL run with raw sqlite3 on the same file:
- the first page (100 rows) of every queue in every sort order, and with filters;
- pages deep in the list (keyset paging, as scrolling to the end fetches them);
- the counts on the queue tabs; opening a case; saving an intake (a durable commit);
- in a real window (Qt offscreen): time from a tab, filter or sort change to the first rows
  shown in the table.
"""
from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import demo_database, ms, percentile, print_table  # noqa: E402


def row(name: str, ours: list[float], base: list[float] | None = None) -> list:
    p95 = percentile(ours, 0.95)
    if base is None:
        return [name, len(ours), f"{statistics.median(ours):.1f}", f"{p95:.1f}", "", ""]
    b95 = percentile(base, 0.95)
    return [name, len(ours), f"{statistics.median(ours):.1f}", f"{p95:.1f}", f"{b95:.1f}",
            f"{p95 / b95:.2f}" if b95 else ""]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--complaints", type=int, default=1_000_000)
    parser.add_argument("--citizens", type=int, default=300_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    folder = Path(tempfile.gettempdir()) / "pcrm-bench-cache"
    folder.mkdir(exist_ok=True)
    started = time.perf_counter()
    db = demo_database(folder, f"complaints-{args.complaints}", "--citizens", str(args.citizens),
                       "--complaints", str(args.complaints), "--seed", "1")
    print(f"database: {db} ({db.stat().st_size / 2**20:,.0f} MB; ready in "
          f"{time.perf_counter() - started:.1f} s)")

    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.db.complaint_queries import SORTS, queue_sql
    from pcrm_desktop.domain.complaint_queues import QUEUES, QueueFilter
    from pcrm_desktop.services import complaints, office
    backend = open_backend(str(db))
    ctx = backend.ctx.as_actor(office.actor_for(backend.ctx, "clerk01"))
    raw = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    raw.execute("PRAGMA cache_size=-65536")
    now = ctx.clock()
    rows = []

    sqls: dict = {}

    def raw_page(f: QueueFilter, sort: str, after=None) -> None:
        """The very SQL the service runs, through bare sqlite3 (built once, outside the time)."""
        raw.execute(*sqls[(f, sort, after)]).fetchall()

    def prepare(f: QueueFilter, sort: str, after=None) -> None:
        with backend.migration.engine.connect() as conn:
            sqls[(f, sort, after)] = queue_sql(conn, f, now, after, 100, sort)

    me = ctx.actor.staff_id
    team = next(s.department_id for s in office.overview(ctx).staff if s.id == me)
    filters = [QueueFilter(q, me, team if q == "team" else None) for q in QUEUES]
    for f in filters:
        for sort in SORTS:
            prepare(f, sort)
    ours, base = [], []
    for _ in range(args.runs):
        for f in filters:
            for sort in SORTS:
                ours.append(ms(lambda f=f, sort=sort: complaints.queue(ctx, f, None, 100, sort)))
                base.append(ms(lambda f=f, sort=sort: raw_page(f, sort)))
    rows.append(row("first page: 8 queues x 3 sorts", ours, base))

    cats = complaints.categories(ctx)
    top = [c["id"] for c in cats if c["parent_id"] is None]
    rng = random.Random(3)
    filtered = [QueueFilter("all", type_code="grievance"), QueueFilter("open", type_code="other"),
                QueueFilter("all", category_id=rng.choice(top)),
                QueueFilter("open", category_id=rng.choice(top)),
                QueueFilter("all", status="on_hold"), QueueFilter("all", text="2026-00012"),
                QueueFilter("all", text="가로등"), QueueFilter("open", text="주차"),
                QueueFilter("all", received_from=now.date().replace(day=1))]
    for f in filtered:
        for sort in SORTS:
            prepare(f, sort)
    ours, base = [], []
    for _ in range(args.runs):
        for f in filtered:
            for sort in SORTS:
                ours.append(ms(lambda f=f, sort=sort: complaints.queue(ctx, f, None, 100, sort)))
                base.append(ms(lambda f=f, sort=sort: raw_page(f, sort)))
    rows.append(row("first page with a filter (type, category, status, text, period) x 3 sorts",
                    ours, base))

    # deep pages: keyset positions spread over the whole list, as scrolling fetches them
    positions = raw.execute("SELECT received_at, id FROM complaints ORDER BY received_at DESC, id DESC"
                            ).fetchall()
    picks = [positions[int(len(positions) * share)] for share in (0.1, 0.3, 0.5, 0.7, 0.9, 0.999)]
    for after in picks:
        prepare(QueueFilter("all"), "received", after)
    ours, base = [], []
    for _ in range(args.runs):
        for after in picks:
            f = QueueFilter("all")
            ours.append(ms(lambda f=f, after=after: complaints.queue(ctx, f, after, 100, "received")))
            base.append(ms(lambda f=f, after=after: raw_page(f, "received", after)))
    rows.append(row("a page deep in 전체 (10 % … 99.9 % down)", ours, base))
    del positions

    counts = [ms(lambda: complaints.queue_counts(ctx)) for _ in range(args.runs * 3)]
    rows.append(row("queue tab counts (8 counts)", counts))
    ids = [r[0] for r in raw.execute("SELECT id FROM complaints ORDER BY random() LIMIT 30")]
    rows.append(row("open a case (row, history, links, repeats)",
                    [ms(lambda i=i: complaints.case(ctx, i)) for i in ids]))

    from pcrm_desktop.domain.complaints import Channel, Intake
    cat = next(c["id"] for c in cats if c["name"] == "불법주정차")
    backend.close()
    copy = Path(tempfile.mkdtemp()) / "writes.db"  # the cached database stays as built
    shutil.copy(db, copy)
    backend = open_backend(str(copy))
    ctx = backend.ctx.as_actor(office.actor_for(backend.ctx, "clerk01"))
    saves = []
    for n in range(30):
        intake = Intake(now.replace(second=0, microsecond=0), Channel.VISIT, "inquiry",
                        f"벤치마크 접수 {n}", "내용", cat, rng.randint(1, args.citizens))
        saves.append(ms(lambda intake=intake: complaints.receive(ctx, intake)))
    rows.append(row("save an intake (접수번호, due date, events, audit; one durable commit)", saves))
    backend.close()
    shutil.rmtree(copy.parent)  # 1.7 GB: not left behind in the temp folder
    raw.close()
    print_table(f"민원, {args.complaints:,} in the database (ms)",
                ["operation", "n", "p50", "p95", "raw sqlite3 p95", "ratio"], rows)
    gui(db, args.runs, args.complaints)


def sign_in(qt, app, login: str) -> None:
    """Fill the sign-in dialog the app shows first (a demo database's password) and wait for
    the main window."""
    from pcrm_desktop.services.demo import DEMO_PASSWORD
    dialog = app.login
    if dialog is None:
        raise SystemExit("the app did not ask who is there")
    dialog.login.setText(login)
    dialog.password.setText(DEMO_PASSWORD)
    dialog.submit()
    started = time.perf_counter()
    while app.window is None and time.perf_counter() - started < 30:
        qt.processEvents()
    if app.window is None:
        raise SystemExit(f"could not sign in as {login}: {dialog.message.text()}")


def gui(db: Path, runs: int, cases: int) -> None:
    """From a tab, filter or sort change to the first rows in the table, in a real window."""
    import os
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    import argparse as ap

    from PySide6.QtWidgets import QApplication

    from pcrm_desktop.app import Application
    from pcrm_desktop.bootstrap import open_backend
    qt = QApplication.instance() or QApplication([])
    app = Application(ap.Namespace(db=str(db), lang="ko", user="clerk01", exit_after_show=False), qt)
    backend = open_backend(str(db))
    app.open_window(backend)
    sign_in(qt, app, "clerk01")
    app.window.resize(1366, 768)
    app.window.show()
    page = app.window.open_page("complaints")
    settle(page)

    def shown(change) -> float:
        page.model.set_rows([])
        settle(page)
        started = time.perf_counter()
        change()
        while page.model.rowCount() == 0 and time.perf_counter() - started < 10:
            qt.processEvents()
            if not page.model.is_loading() and not page.model.canFetchMore() \
                    and page.model.rowCount() == 0:
                break
        qt.processEvents()  # paint
        took = (time.perf_counter() - started) * 1000
        settle(page)
        return took

    changes = []
    for _ in range(runs):
        for index in range(len(page.QUEUES)):
            changes.append(shown(lambda i=index: page.tabs.setCurrentIndex(i)))
        for combo in (page.sort, page.type_filter, page.status_filter):
            for index in (1, 2, 0):
                changes.append(shown(lambda c=combo, i=index: c.setCurrentIndex(i)))
    page.tabs.setCurrentIndex(page.QUEUES.index("all"))
    settle(page)
    scroll = []
    for _ in range(50):  # keep scrolling: each fetchMore adds a page at the end
        if not page.model.canFetchMore():  # a small database: all of it is shown
            break
        started = time.perf_counter()
        before = page.model.rowCount()
        page.model.fetchMore()
        while page.model.rowCount() == before and time.perf_counter() - started < 10:
            qt.processEvents()
        scroll.append((time.perf_counter() - started) * 1000)
    import resource
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process (window, {cases:,} cases, {len(scroll) + 1} pages shown): "
          f"{peak:,.0f} MB")
    print_table("In the window (Qt offscreen; ms from the change to rows in the table)",
                ["operation", "n", "p50", "p95", "", ""],
                [row("tab, sort or filter change → first rows shown", changes)]
                + ([row("scrolling: one more page of 100 at the end", scroll)] if scroll else []))
    app.runner.wait(5000)
    backend.close()


def settle(page) -> None:
    from PySide6.QtWidgets import QApplication
    deadline = time.perf_counter() + 30
    while page.runner.busy() and time.perf_counter() < deadline:
        QApplication.processEvents()
        time.sleep(0.001)
    QApplication.processEvents()


if __name__ == "__main__":
    main()
