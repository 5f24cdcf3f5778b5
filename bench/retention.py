"""보존기간과 파기 at district scale: preview and run on 300,000 residents / 1,000,000 민원.

    python bench/retention.py [--complaints 1000000] [--citizens 300000] [--audit 1000000]
                              [--years 4] [--keep-audit]

The database: bench/complaints.py's demo (built if missing), copied once and migrated to the
current schema (`retention-base-….db` in the cache), with `--audit` access-log entries added
(residents viewed and 민원 handled over the demo's two years, chained as the app chains them).
Each run works on a fresh copy of that base. The demo's data is all recent, so the service runs
with its clock `--years` ahead: with 4, 민원 finished more than a year before the demo are past
60 months, and every resident is past 36 months unless a 민원 still holds them.
`--keep-audit` keeps the access log (120 months), so the run redacts the details of the entries
about destroyed records instead of removing the entries (the slow path).

Prints the preview's and the run's times (each step, the FTS rebuilds, checkpoint + VACUUM),
what was destroyed, and the file's size before and after.
"""
from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from common import demo_database, print_table


def add_audit(ctx, count: int, seed: int = 8) -> None:
    """`count` entries over the two years before the demo was made, chained like
    AuditRepository.add does (straight to the driver: a million Core inserts take minutes)."""
    from pcrm_desktop.db.audit_chain import chain_base
    from pcrm_desktop.domain.audit import TIME_FORMAT, chain_hash, detail_digest
    rng = random.Random(seed)
    with ctx.uow_factory() as uow:
        c = uow.retention.c
        built = datetime.fromisoformat(c.exec_driver_sql("SELECT max(updated_at) FROM citizens").scalar())
        citizens = c.exec_driver_sql("SELECT max(id) FROM citizens").scalar()
        cases = c.exec_driver_sql("SELECT id, receipt_no, citizen_id FROM complaints"
                                  " WHERE id % 50 = 0").fetchall()
        last = c.exec_driver_sql("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").first()
        entry_id, prev = (last[0] + 1, bytes(last[1])) if last else (chain_base(c)[0], chain_base(c)[1])
        start = built - timedelta(days=730)
        step = timedelta(days=729) / count
        key = uow.audit.signing_key(entry_id, start.strftime(TIME_FORMAT))  # as add() signs
        rows = []
        for n in range(count):
            at = (start + step * n).strftime(TIME_FORMAT)
            if n % 4:
                subject = rng.randint(1, citizens)
                action, target, detail = "citizen.view", f"citizen:{subject}", ""
            else:
                _case_id, receipt, subject = rng.choice(cases)
                action, target, detail = "complaint.complete", receipt, f"처리 메모 {n}"
            digest = detail_digest(detail)
            prev = chain_hash(prev, entry_id, at, None, "bench", "PC-01", action, target, subject,
                              "", digest, key)
            rows.append((entry_id, at, None, "bench", "PC-01", action, target, detail, subject, "",
                         prev))
            entry_id += 1
            if len(rows) == 100_000:
                c.exec_driver_sql("INSERT INTO audit_log (id, at, staff_id, actor, workstation,"
                                  " action, target, detail, subject_id, reason, hash)"
                                  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
                rows = []
        if rows:
            c.exec_driver_sql("INSERT INTO audit_log (id, at, staff_id, actor, workstation, action,"
                              " target, detail, subject_id, reason, hash)"
                              " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
        uow.commit()


def prepare(folder: Path, complaints: int, citizens: int, audit: int) -> Path:
    base = folder / f"retention-base-{complaints}-{audit}.db"
    if base.exists():
        return base
    source = demo_database(folder, f"complaints-{complaints}", "--citizens", str(citizens),
                           "--complaints", str(complaints), "--seed", "1")
    partial = base.with_name(base.name + ".partial")
    started = time.perf_counter()
    shutil.copyfile(source, partial)
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.services import office
    backend = open_backend(str(partial))  # migrates the copy (and backs it up: removed below)
    if backend.migration.backup:
        backend.migration.backup.unlink(missing_ok=True)
    ctx = backend.ctx.as_actor(office.actor_for(backend.ctx, None))
    if audit:
        add_audit(ctx, audit)
    backend.close()
    partial.rename(base)
    print(f"prepared {base} in {time.perf_counter() - started:.0f} s")
    return base


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--complaints", type=int, default=1_000_000)
    parser.add_argument("--citizens", type=int, default=300_000)
    parser.add_argument("--audit", type=int, default=1_000_000)
    parser.add_argument("--years", type=int, default=4)
    parser.add_argument("--keep-audit", action="store_true")
    args = parser.parse_args()
    folder = Path(tempfile.gettempdir()) / "pcrm-bench-cache"
    folder.mkdir(exist_ok=True)
    base = prepare(folder, args.complaints, args.citizens, args.audit)
    work = Path(tempfile.mkdtemp(prefix="pcrm-retention-")) / "pcrm.db"
    shutil.copyfile(base, work)
    size_before = work.stat().st_size

    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.domain.progress import korean
    from pcrm_desktop.domain.retention import RULES
    from pcrm_desktop.services import office, retention
    backend = open_backend(str(work))
    admin = backend.ctx.as_actor(office.actor_for(backend.ctx, None))
    now = datetime.now() + timedelta(days=365 * args.years)
    ctx = replace(admin, clock=lambda: now)
    if args.keep_audit:
        retention.set_policy(ctx, "audit_log", 120)

    started = time.perf_counter()
    found = retention.preview(ctx)
    preview_s = time.perf_counter() - started
    marks: list[tuple[str, float]] = []
    run_started = time.perf_counter()
    # the service reports its steps as codes (domain/progress.py); worded here as `pcrm` words them
    result = retention.run(ctx, progress=lambda done, total, step, **numbers: marks.append(
        (korean(step, **numbers), time.perf_counter())))
    run_s = time.perf_counter() - run_started
    # the next month: what a monthly run costs once the backlog is gone
    month = now + timedelta(days=31)
    monthly = replace(admin, clock=lambda: month)
    started = time.perf_counter()
    next_found = retention.preview(monthly)
    next_preview_s = time.perf_counter() - started
    started = time.perf_counter()
    next_result = retention.run(monthly)
    next_run_s = time.perf_counter() - started
    backend.close()

    print(f"database: {args.citizens:,} residents, {args.complaints:,} 민원, {args.audit:,} access-log"
          f" entries; clock {now:%Y-%m-%d} ({args.years} years ahead)"
          + ("; access log kept (120 months)" if args.keep_audit else ""))
    print_table("preview and run", ["kind", "months", "cut-off", "preview", "destroyed", "along"],
                [[RULES[p.kind].label, p.months, p.cutoff, f"{p.count:,}", f"{d.count:,}",
                  ", ".join(f"{k} {v:,}" for k, v in d.related.items() if v)]
                 for p, d in zip(found, result.done)])
    steps = [[text, f"{(marks[i + 1][1] if i + 1 < len(marks) else run_started + run_s) - at:.2f}"]
             for i, (text, at) in enumerate(marks)]
    print_table("run steps (s)", ["step", "seconds"], steps)
    print(f"\npreview: {preview_s:.2f} s")
    print(f"run: {run_s:.2f} s (checkpoint + VACUUM {result.compact.get('seconds', 0):.2f} s,"
          f" WAL emptied: {result.compact.get('wal_emptied')})")
    print(f"file: {size_before / 2**20:,.0f} MB -> {work.stat().st_size / 2**20:,.0f} MB")
    print(f"\na month later: preview {next_preview_s:.2f} s, run {next_run_s:.2f} s (checkpoint +"
          f" VACUUM {next_result.compact.get('seconds', 0):.2f} s); destroyed "
          + ", ".join(f"{RULES[d.kind].label} {d.count:,}" for d in next_result.done)
          + f" (preview said {sum(p.count for p in next_found):,}, run {next_result.total:,})")
    shutil.rmtree(work.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
