"""The access log (접속기록) review at 10,000,000 entries (issue 8 part 3).

Builds, once, a database made with `pcrm init` holding `--entries` audit entries over
`--months` months (default 10,000,000 over 24 months: ~420,000 a month) written straight
with executemany, each entry's hash computed with domain.audit.chain_hash so the chain is valid
end to end; 25 accounts, 300,000 residents (names only), bursts of views, exports at night and
failed logins planted in the last month. Then times, through the services (a manager's
context) and a fresh connection each:

- the first page of the list, unfiltered, and filtered by account + month, by kind + month,
  by resident, and only flagged;
- the anomalies of a month, the month's summary (counts per account and kind);
- `verify` of the whole chain (db.audit_chain.verify).

`--with-index` adds ix_audit_log_action_at (action, at) to the copy first (the index asked of
the lead) so both plans can be compared on the same data.
"""
from __future__ import annotations

import argparse
import random
import sqlite3
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from common import pcrm, print_table  # noqa: E402
from pcrm_desktop.domain.audit import chain_hash, detail_digest  # noqa: E402

LAST_MONTH = date(2026, 11, 1)
ACCOUNTS = [f"clerk{n:02d}" for n in range(1, 21)] + ["kim.tm", "lee.tm", "park.tm", "hong", "choi.adm"]
WORKSTATIONS = [f"DONG-PC{n:02d}" for n in range(1, 16)]
RESIDENTS = 300_000
SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
GIVEN = "민서지현수영진우준호하은도윤예성경미숙철"
# (action, weight, has a subject, reason)
ACTIONS = [
    ("citizen.view", 540, True, ""), ("interaction.add", 50, True, ""),
    ("citizen.update", 40, True, ""), ("citizen.add", 15, True, ""),
    ("complaint.add", 40, False, ""), ("complaint.assign", 25, False, ""),
    ("complaint.start", 25, False, ""), ("complaint.complete", 25, False, ""),
    ("complaint.close", 20, False, ""), ("complaint.notice", 5, False, ""),
    ("complaint.print", 20, False, ""), ("citizen.reveal", 8, True, "민원 회신 전화"),
    ("citizen.export", 1, False, "복지 사업 안내 발송"), ("complaint.export", 1, False, ""),
    ("report.register", 1, False, ""), ("happy_call.record", 10, False, ""),
    ("login.ok", 50, False, ""), ("logout", 40, False, ""), ("session.lock", 30, False, ""),
    ("unlock.ok", 25, False, ""), ("login.fail", 6, False, ""),
]


def _at(day: date, seconds: float) -> str:
    return (datetime.combine(day, datetime.min.time()) + timedelta(seconds=seconds)).isoformat(
        " ", "microseconds")


def _days(months: int) -> list[date]:
    first = LAST_MONTH
    for _ in range(months - 1):
        first = (first - timedelta(days=1)).replace(day=1)
    end = (LAST_MONTH + timedelta(days=32)).replace(day=1)
    return [first + timedelta(days=n) for n in range((end - first).days)]


def build(path: Path, entries: int, months: int, seed: int = 8) -> None:
    """`pcrm init`, then accounts, residents and `entries` chained audit entries."""
    partial = path.with_name(path.name + ".partial")
    for stale in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
        stale.unlink(missing_ok=True)
    pcrm("init", "--db", str(partial))
    rng = random.Random(seed)
    con = sqlite3.connect(partial, isolation_level=None)
    con.execute("PRAGMA synchronous = OFF")
    con.execute("PRAGMA cache_size = -1000000")
    con.execute("BEGIN")
    now = "2024-01-01 00:00:00.000000"
    con.executemany("INSERT INTO staff (name, login, role, active, created_at) VALUES (?, ?, ?, 1, ?)",
                    [(f"직원{n}", login, "manager" if login.endswith(".tm") else
                      "admin" if login in ("hong", "choi.adm") else "clerk", now)
                     for n, login in enumerate(ACCOUNTS)])
    staff = dict(con.execute("SELECT login, id FROM staff"))
    con.executemany("INSERT INTO citizens (id, name, name_key, created_at, updated_at) VALUES (?, ?, ?, ?, ?)",
                    ((i, n, n, now, now) for i in range(1, RESIDENTS + 1)
                     for n in [rng.choice(SURNAMES) + rng.choice(GIVEN) + rng.choice(GIVEN)]))
    con.execute("COMMIT")
    last_id, prev = con.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    prev = bytes(prev)
    # signed with this installation's key, as AuditRepository.add signs (bench/common.py gives
    # this script and `pcrm` one key)
    from pcrm_desktop.db.audit_keys import installation_key
    key_id, key = installation_key()
    current = con.execute("SELECT key_id FROM audit_chain_keys ORDER BY from_id DESC LIMIT 1").fetchone()
    if current is None or current[0] != key_id:
        con.execute("INSERT INTO audit_chain_keys (from_id, key_id, started_at) VALUES (?, ?, ?)",
                    (last_id + 1, key_id, now))
    days = _days(months)
    weight = {d: (1.0 if d.weekday() < 5 else 0.04) for d in days}
    total_weight = sum(weight.values())
    names = [a[0] for a in ACTIONS]
    cumulative = []
    acc = 0
    for a in ACTIONS:
        acc += a[1]
        cumulative.append(acc)
    info = {a[0]: a for a in ACTIONS}
    empty = detail_digest("")
    insert = ("INSERT INTO audit_log (id, at, staff_id, actor, workstation, action, target, detail,"
              " subject_id, reason, hash) VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?)")
    made, started, batch = 0, time.perf_counter(), []
    con.execute("BEGIN")
    for index, day in enumerate(days):
        n = round(entries * weight[day] / total_weight) if index < len(days) - 1 else entries - made
        moments = []
        for _ in range(n):
            if rng.random() < 0.97:   # office hours, a little lunch dip ignored
                moments.append(rng.uniform(9 * 3600, 18 * 3600))
            else:
                moments.append(rng.uniform(6 * 3600, 23 * 3600))
        planted = _planted(day, rng) if day.year == LAST_MONTH.year and day.month == LAST_MONTH.month else []
        rows = [(m, None) for m in moments] + planted
        rows.sort(key=lambda r: r[0])
        for seconds, fixed in rows:
            if fixed is None:
                action = rng.choices(names, cum_weights=cumulative)[0]
                _, _, has_subject, reason = info[action]
                actor = rng.choice(ACCOUNTS)
                subject = rng.randint(1, RESIDENTS) if has_subject else None
                if action == "citizen.reveal" and rng.random() < 0.03:
                    reason = ""
                target = f"citizen:{subject}" if subject else (
                    f"staff:{staff[actor]}" if "." in action and action.split(".")[0] in
                    ("login", "unlock", "session") or action == "logout" else
                    f"2026-{rng.randint(1, 99999):06d}")
            else:
                action, actor, subject, reason, target = fixed
            last_id += 1
            at = _at(day, seconds)
            staff_id = staff.get(actor)
            workstation = WORKSTATIONS[ACCOUNTS.index(actor) % len(WORKSTATIONS)]
            prev = chain_hash(prev, last_id, at, staff_id, actor, workstation, action, target,
                              subject, reason, empty, key)
            batch.append((last_id, at, staff_id, actor, workstation, action, target, subject,
                          reason, prev))
            made += 1
        if len(batch) >= 200_000 or index == len(days) - 1:
            con.executemany(insert, batch)
            batch = []
            rate = made / (time.perf_counter() - started)
            print(f"\r{day}: {made:,} entries ({rate:,.0f}/s)", end="", file=sys.stderr, flush=True)
    con.execute("COMMIT")
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    print(file=sys.stderr)
    partial.replace(path)
    for suffix in ("-wal", "-shm"):
        Path(f"{partial}{suffix}").unlink(missing_ok=True)


def _planted(day: date, rng: random.Random) -> list[tuple[float, tuple]]:
    """What the review must find in the last month: a burst of views, exports at night, a
    series of failed logins."""
    rows: list[tuple[float, tuple]] = []
    if day.day == 10:  # clerk07 opens 45 residents in 8 minutes
        start = 14 * 3600
        for k in range(45):
            subject = rng.randint(1, RESIDENTS)
            rows.append((start + k * 10.5, ("citizen.view", "clerk07", subject, "", f"citizen:{subject}")))
    if day.day in (12, 19):  # an export at 21:30 without a reason
        rows.append((21.5 * 3600, ("citizen.export", "clerk03", None, "", "주민명단.xlsx")))
    if day.day == 14:  # a Saturday or not: six failed logins for one account
        for k in range(6):
            rows.append((8 * 3600 + k * 30, ("login.fail", "clerk11", None, "", "staff:11")))
    return rows


# --- timing ---------------------------------------------------------------------------------

def _ctx(path: Path):
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.domain.audit import Actor
    backend = open_backend(str(path))
    return backend, backend.ctx.as_actor(Actor(22, "kim.tm", "manager", "BENCH"))


def _time(fn, repeat: int = 3) -> tuple[float, object]:
    best, result = None, None
    for _ in range(repeat):
        started = time.perf_counter()
        result = fn()
        took = time.perf_counter() - started
        best = took if best is None else min(best, took)
    return best, result


def measure(path: Path, month: date) -> list[list[object]]:
    from pcrm_desktop.db.audit_chain import verify
    from pcrm_desktop.services import access_log
    backend, ctx = _ctx(path)
    last = (month + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    whole = access_log.LogFilter(date(2000, 1, 1), date(2100, 12, 31))
    in_month = access_log.LogFilter(month, last)
    rows = []
    try:
        def page(f, label):
            took, got = _time(lambda: access_log.entries(ctx, f, None, 100))
            took_next, _ = _time(lambda: access_log.entries(ctx, f, got[-1].position, 100)) if got else (0, None)
            rows.append([label, f"{took * 1000:,.1f} ms", f"{took_next * 1000:,.1f} ms", f"{len(got)} rows"])
        page(whole, "first page, unfiltered (all time)")
        page(in_month, "first page, month")
        page(access_log.LogFilter(month, last, actor="clerk07"), "account + month")
        page(access_log.LogFilter(month, last, kind="export"), "kind 반출 + month")
        page(access_log.LogFilter(month, last, kind="view"), "kind 조회 + month")
        page(access_log.LogFilter(date(2000, 1, 1), date(2100, 12, 31), kind="export"), "kind 반출, all time")
        page(access_log.LogFilter(date(2000, 1, 1), date(2100, 12, 31), kind="admin"),
             "kind 관리, all time (1 entry: the worst case)")
        page(access_log.LogFilter(date(2000, 1, 1), date(2100, 12, 31), subject="4242"), "resident #4242, all time")
        took, found = _time(lambda: access_log.anomalies(ctx, month, last), 2)
        rows.append(["anomalies of the month", f"{took * 1000:,.0f} ms", "",
                     f"{len(found.findings)} findings, {len(found.flags):,} entries flagged"])
        page(access_log.LogFilter(month, last, flagged_only=True), "only flagged, month (anomalies inside)")
        took_known, _ = _time(lambda: access_log.entries(
            ctx, access_log.LogFilter(month, last, flagged_only=True), None, 100, known=found))
        rows.append(["only flagged, anomalies known", f"{took_known * 1000:,.1f} ms", "", ""])
        took, summary = _time(lambda: access_log.month_summary(ctx, month), 2)
        rows.append(["month summary", f"{took * 1000:,.0f} ms", "",
                     f"{summary.total:,} entries, {len(summary.accounts)} accounts"])
        with ctx.reading() as uow:
            started = time.perf_counter()
            report = verify(uow.audit.c)
            took = time.perf_counter() - started
        rows.append(["verify the whole chain", f"{took:,.1f} s", "",
                     f"{report.checked:,} entries, ok={report.ok}"])
    finally:
        backend.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=10_000_000)
    parser.add_argument("--months", type=int, default=24)
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()) / "pcrm-bench")
    parser.add_argument("--build-only", action="store_true")
    parser.add_argument("--with-index", action="store_true",
                        help="add ix_audit_log_action_at (action, at) before timing")
    args = parser.parse_args()
    args.folder.mkdir(parents=True, exist_ok=True)
    path = args.folder / f"access-log-{args.entries}.db"
    if not path.exists():
        started = time.perf_counter()
        build(path, args.entries, args.months)
        print(f"built {path} in {time.perf_counter() - started:,.0f} s "
              f"({path.stat().st_size / 2**30:.2f} GiB)")
    if args.build_only:
        return
    if args.with_index:
        con = sqlite3.connect(path)
        started = time.perf_counter()
        con.execute("CREATE INDEX IF NOT EXISTS ix_audit_log_action_at ON audit_log (action, at)")
        con.commit()
        con.close()
        print(f"index ix_audit_log_action_at: {time.perf_counter() - started:,.1f} s")
    rows = measure(path, LAST_MONTH)
    print_table(f"access log, {args.entries:,} entries over {args.months} months "
                f"({'with' if args.with_index else 'without'} ix_audit_log_action_at); best of 3",
                ["what", "first page", "next page", "result"], rows)


if __name__ == "__main__":
    main()
