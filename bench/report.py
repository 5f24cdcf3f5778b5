"""`pcrm report monthly` for a month of 80,000 민원 and 20,000 responses in a database of
1,000,000 민원 (issue 6: under 5 s and 500 MB).

The database: bench/complaints.py's 1,000,000-민원 demo (built if missing), copied, with one
month topped up to 80,000 received cases (copies of that month's cases under new receipt
numbers) and 20,000 survey responses in it (kiosk and paper on the counter questionnaire,
phone answers linked to the month's finished cases). Prints the build's wall time and the
peak memory of the command's process, a new process each run."""
from __future__ import annotations

import argparse
import contextlib
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import PYTHON, REPO, demo_database, env, print_table  # noqa: E402

MONTH = "2026-10"


def prepare(folder: Path, cases: int, responses: int) -> Path:
    source = demo_database(folder, "complaints-1000000", "--citizens", "300000", "--complaints",
                           "1000000", "--seed", "1")
    path = folder / f"report-{cases}-{responses}.db"
    if path.exists():
        return path
    partial = path.with_name(path.name + ".partial")
    shutil.copyfile(source, partial)
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.domain.surveys import NA, TEMPLATES, quality
    from pcrm_desktop.domain.timestamps import sql_datetime
    from pcrm_desktop.services import office, surveys
    backend = open_backend(str(partial))  # migrates the copy to the current schema
    ctx = backend.ctx.as_actor(office.actor_for(backend.ctx, None))
    first = date.fromisoformat(MONTH + "-01")
    end = (first + timedelta(days=32)).replace(day=1)
    a, b = sql_datetime(datetime.combine(first, datetime.min.time())), sql_datetime(
        datetime.combine(end, datetime.min.time()))
    rng = random.Random(6)
    with ctx.uow_factory() as uow:
        c = uow.surveys.c
        have = c.exec_driver_sql("SELECT count(*) FROM complaints WHERE received_at >= ? AND"
                                 " received_at < ?", (a, b)).scalar_one()
        columns = [r[1] for r in c.exec_driver_sql("PRAGMA table_info(complaints)") if r[1] != "id"]
        picked = ", ".join("'B' || id" if col == "receipt_no" else col for col in columns)
        c.exec_driver_sql(f"INSERT INTO complaints ({', '.join(columns)}) SELECT {picked}"
                          " FROM complaints WHERE received_at >= ? AND received_at < ?"
                          f" ORDER BY id LIMIT {max(0, cases - have)}", (a, b))
        uow.commit()
    from pcrm_desktop.domain.errors import ConflictError
    for code, linked in (("COUNTER", False), ("HAPPYCALL", True)):
        with contextlib.suppress(ConflictError):  # the demo made it already
            surveys.create_survey(ctx, code, code, linked=linked)
    with ctx.uow_factory() as uow:
        c = uow.surveys.c
        finished = [r[0] for r in c.exec_driver_sql(
            "SELECT id FROM complaints WHERE done_at >= ? AND done_at < ? AND citizen_id IS NOT NULL"
            " LIMIT 20000", (a, b))]
        versions = {code: uow.surveys.current_version(uow.surveys.by_code(code)["id"])["id"]
                    for code in ("COUNTER", "HAPPYCALL")}
        next_id = uow.surveys.next_response_id()
        rows, answers, links = [], [], []
        for n in range(responses):
            phone = n % 5 == 0 and finished
            code = "HAPPYCALL" if phone else "COUNTER"
            q = TEMPLATES[code]
            at = datetime.combine(first + timedelta(days=rng.randrange((end - first).days)),
                                  datetime.min.time()).replace(hour=rng.randint(9, 17))
            mood, given = rng.gauss(4.1, 0.8), {}
            for item in q.items:
                if item.code == "COMMENT":
                    continue
                value = (max(0, min(10, round(mood * 2 + rng.gauss(0, 1.5)))) if item.code == "RECOMMEND"
                         else NA if item.allow_na and rng.random() < 0.05
                         else max(1, min(5, round(mood + rng.gauss(0, 0.6)))))
                given[item.code] = value
                answers.append((next_id, item.code, None if value == NA else value, None, value == NA))
            seconds = rng.randint(20, 200)
            rows.append((next_id, versions[code], "phone" if phone else rng.choice(("kiosk", "paper")),
                         sql_datetime(at), seconds, ",".join(quality(q, given, seconds).flags)))
            if phone:
                links.append((next_id, rng.choice(finished), None))
            next_id += 1
        uow.surveys.add_responses(rows)
        uow.surveys.add_answers(answers)
        uow.surveys.add_links(links)
        uow.commit()
    backend.close()
    partial.replace(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cases", type=int, default=80_000)
    parser.add_argument("--responses", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--xlsx", action="store_true", help="also write the workbook (its own 0.3 s)")
    args = parser.parse_args()
    folder = Path(tempfile.gettempdir()) / "pcrm-bench-cache"
    folder.mkdir(exist_ok=True)
    db = prepare(folder, args.cases, args.responses)
    out = Path(tempfile.mkdtemp(prefix="pcrm-report-"))
    walls, peaks = [], []
    for run in range(args.runs):
        started = time.perf_counter()
        done = subprocess.run(
            [PYTHON, "-c", "import resource, sys; from pcrm_desktop.cli import main; code = main(sys.argv[1:]);"
             " print('peak_rss_mb=%.1f' % (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),"
             " file=sys.stderr); sys.exit(code)",
             "report", "monthly", "--db", str(db), "--month", MONTH, "--out", str(out / f"m{run}.pdf"),
             *(["--xlsx", str(out / f"m{run}.xlsx")] if args.xlsx else []), "--json"],
            cwd=REPO, env=env(), check=True, capture_output=True, text=True)
        walls.append((time.perf_counter() - started) * 1000)
        peaks.append(float(done.stderr.rsplit("peak_rss_mb=", 1)[1].split()[0]))
    import json
    summary = json.loads(done.stdout)
    received = summary["headline"]["received"]["value"]
    satisfaction = summary["headline"]["satisfaction"]
    print_table(f"pcrm report monthly --month {MONTH} (PDF {summary['pages']} pages"
                f"{' and XLSX' if args.xlsx else ''}): "
                f"{received:,.0f} 민원 received, OVERALL n {satisfaction.get('n', 0):,}",
                ["runs", "median wall ms", "max wall ms", "peak RSS MB"],
                [[args.runs, f"{statistics.median(walls):.0f}", f"{max(walls):.0f}",
                  f"{max(peaks):.0f}"]])


if __name__ == "__main__":
    main()
