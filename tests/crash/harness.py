"""Crash safety (issue 9, part 3): SIGKILL the app's writing process at random moments, hundreds
of times, during imports, 민원 intake and survey entry; after every kill check the file and that
every acknowledged commit is still there.

How it works (Linux: fork and SIGKILL):

* A **zygote** process imports the app once and prepares the database (an office, its admin,
  two surveys, a few residents). For every round it forks a **worker**, which opens the file as
  the app does (`bootstrap.open_backend`: its own engine; no connection ever crosses a fork) and
  runs a random mix of real service calls until it is killed: `register_citizen`,
  `complaints.receive`, `surveys.submit` (anonymous and linked to a resident) and the three
  all-or-nothing imports (residents, 민원, survey answers) of CSV files it writes itself.
* The worker reports on a pipe, one `os.write` per line (in the kernel when the call returns:
  a SIGKILL cannot drop a line already written): `S` started, `O` database open, `B {op}` an
  operation began, `T` a write transaction is open (after `BEGIN IMMEDIATE`), `C` its commit
  was issued, `R` a rollback, `A {op}` the service call returned — acknowledged, what the app
  shows the clerk as saved. Each operation carries a unique key (a memo, a title, a survey
  comment, an import file's tag) so the checks can find exactly its rows.
* The zygote kills the worker with SIGKILL: after a random delay (0–`max_delay`; some within
  5 ms, during start-up and WAL recovery), or targeted, a moment after it saw the worker's
  n-th `T` (inside a transaction) or n-th `C` (inside the commit: WAL append and fsync).
  It reads every line the worker wrote and forks a **checker**, which takes a snapshot of the
  file as the kill left it (a read transaction on a read-only connection: the check changes
  nothing, and the WAL the killed process left is taken over by the next open, as at the app's
  next start) before the next worker may open the file, then checks it while that worker runs:
  `PRAGMA integrity_check`, `PRAGMA foreign_key_check`, the access log's hash chain
  (`db.audit_chain.verify`), derived data kept in the same transaction (the residents' search
  index and name pieces, the survey daily sums, the 접수번호 counters), every change with its
  audit entry and every audit entry with its change; every acknowledged operation of the
  round complete; the killed operation complete or absent, and absent when it had not reached
  its commit; every import all or nothing. After the last round every operation of every
  round is checked again, and the full-text indexes with FTS5's own integrity check.
* The zygote never holds a connection: SQLite's state must not cross a fork.

`--lie` makes a deliberately broken worker that acknowledges *before* calling the service:
killed between the two, it must show up as lost acknowledged commits (the harness's self-test).

Standalone: `python -m tests.crash.harness --rounds 2000 [--db FILE] [--seed N] [--json OUT]`.
"""
from __future__ import annotations

import argparse
import contextlib
import csv
import gc
import json
import os
import random
import select
import shutil
import signal
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

ANON, LINKED = "CRASH", "CRASHL"  # survey codes: anonymous, linked to residents
PASSWORD = "Crash#2026!"
KINDS = {  # operation → weight in the worker's random mix
    "citizen": 20, "complaint": 20, "answer": 20, "linked": 10,
    "citizen_import": 10, "complaint_import": 10, "survey_import": 10,
}
IMPORTS = ("citizen_import", "complaint_import", "survey_import")
SURNAMES = "김이박최정강조윤장임한오서신권황안송류홍"
SYLLABLES = "민서지현수영준우진하은도윤예성태경호연희주아채원시온유나린"
DONGS = ("청운효자동", "사직동", "삼청동", "부암동", "평창동", "무악동", "교남동")


# --- the worker: the app's writing process -------------------------------------------------------

def _name(rng: random.Random) -> str:
    return rng.choice(SURNAMES) + rng.choice(SYLLABLES) + rng.choice(SYLLABLES)


def _phone(rng: random.Random) -> str:
    return f"010-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"


def _past(rng: random.Random, today: date) -> date:
    return today - timedelta(days=rng.randint(1, 500))


def _write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)


def _plan(kind: str, tag: str, rng: random.Random, spec: dict) -> dict:
    """What the operation will do (chosen before it starts, so the B line can say it)."""
    op = {"op": kind, "key": tag}
    if kind in IMPORTS:
        op["n"] = rng.randint(10, 150)
        op["file"] = f"{tag}-{kind}.csv"
    elif kind in ("answer", "linked"):
        op["n"] = 2 if kind == "linked" else 3
    return op


def _run(ctx, op: dict, rng: random.Random, spec: dict, files: Path) -> dict:
    """Perform one operation through the services; return what to acknowledge."""
    from pcrm_desktop.domain.citizens import Address, Citizen
    from pcrm_desktop.domain.complaints import Channel, Intake
    from pcrm_desktop.domain.errors import ConflictError
    from pcrm_desktop.services import (
        citizen_import,
        complaint_import,
        complaints,
        survey_import,
    )
    from pcrm_desktop.services import citizens as C
    from pcrm_desktop.services import surveys as S

    kind, tag, today = op["op"], op["key"], date.today()
    if kind == "citizen":
        person = Citizen(None, _name(rng), rng.randint(1940, 2005), phones=(_phone(rng),),
                         address=Address(dong_name=rng.choice(DONGS)), memo=f"crash:{tag}")
        try:
            done = C.register_citizen(ctx, person)
        except ConflictError as error:  # a likely duplicate: the clerk confirms another person
            if error.code != "possible_duplicate":
                raise
            done = C.register_citizen(ctx, person, allow_duplicate=True)
        return {"id": done.citizen_id}
    if kind == "complaint":
        intake = Intake(datetime.now(), rng.choice([Channel.VISIT, Channel.PHONE]),
                        rng.choice(["inquiry", "suggestion", "grievance"]), f"crash {tag}",
                        "크래시 시험 접수", rng.choice(spec["category_ids"]),
                        rng.choice(spec["citizen_ids"] + [None]))
        done = complaints.receive(ctx, intake)
        return {"id": done.complaint_id, "receipt": done.receipt_no}
    if kind == "answer":
        mode = rng.choice(["paper", "kiosk", "phone"])
        done = S.submit(ctx, ANON, mode, {"OVERALL": rng.randint(1, 5), "KIND": rng.randint(1, 5),
                                          "COMMENT": tag},
                        seconds=rng.randint(20, 300), form_no=tag if mode == "paper" else "")
        return {"id": done.response_id}
    if kind == "linked":
        done = S.submit(ctx, LINKED, "phone", {"OVERALL": rng.randint(1, 5), "COMMENT": tag},
                        citizen_id=rng.choice(spec["citizen_ids"]))
        return {"id": done.response_id, "callback": done.callback}
    path = files / op["file"]
    n = op["n"]
    if kind == "citizen_import":
        _write_csv(path, ["이름", "출생연도", "전화", "동", "메모"],
                   [[_name(rng), str(rng.randint(1940, 2005)), _phone(rng), rng.choice(DONGS),
                     f"crashimp:{tag}:{i}"] for i in range(n)])
        result, _ = citizen_import.import_citizens(ctx, path)
    elif kind == "complaint_import":
        rows = []
        for i in range(n):
            received = datetime.combine(_past(rng, today), datetime.min.time()) + \
                timedelta(minutes=rng.randint(540, 1080))
            closed = received + timedelta(days=rng.randint(0, 9)) if rng.random() < 0.6 else None
            rows.append([received.strftime("%Y-%m-%d %H:%M"),
                         closed.strftime("%Y-%m-%d %H:%M") if closed else "",
                         f"가져온 민원 {tag}", f"{tag}-{i}", rng.choice(spec["category_names"])])
        _write_csv(path, ["접수일시", "처리일시", "제목", "원본번호", "분류"], rows)
        result, _ = complaint_import.import_complaints(ctx, path)
    else:
        _write_csv(path, ["종합", "의견", "응답일"],
                   [[str(rng.randint(1, 5)), f"{tag}:{i}", _past(rng, today).isoformat()]
                    for i in range(n)])
        result, _ = survey_import.import_responses(
            ctx, path, ANON, {"OVERALL": "종합", "COMMENT": "의견", "submitted_at": "응답일"})
    if result.imported != n or result.rejected:
        raise AssertionError(f"{kind} {tag}: {result.imported} of {n} imported, "
                             f"{result.rejected} rejected")
    return {"imported": result.imported}


def worker(db: Path, spec: dict, round_no: int, seed: int, out: int, files: Path,
           lie: bool = False, ready: int | None = None) -> None:
    """The app's writing process: open the file as the app does, write until killed.
    `ready`: a pipe that gives a byte (or ends) once the previous round's check holds its
    snapshot of the file; nothing is opened before."""
    from sqlalchemy import event

    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.domain.audit import Actor

    def say(line: str) -> None:
        os.write(out, (line + "\n").encode("utf-8"))

    def marker(letter: str):
        def listener(conn) -> None:
            if conn.get_execution_options().get("pcrm_write"):
                say(letter)
        return listener

    zygote = os.getppid()
    rng = random.Random(seed)
    say("S")
    if ready is not None:
        os.read(ready, 1)
        os.close(ready)
    backend = open_backend(str(db))
    engine = backend.migration.engine
    # Registered after the engine's own "begin" listener, which issues BEGIN IMMEDIATE: T is
    # written once the write lock is held. "commit" runs just before the driver's COMMIT.
    event.listen(engine, "begin", marker("T"))
    event.listen(engine, "commit", marker("C"))
    event.listen(engine, "rollback", marker("R"))
    ctx = backend.ctx.as_actor(Actor(spec["staff_id"], spec["login"], "admin", "crash-worker"))
    say("O")
    kinds, weights = list(KINDS), list(KINDS.values())
    for seq in range(1, 100_000):
        if os.getppid() != zygote:  # the harness itself was stopped
            os._exit(4)
        op = _plan(rng.choices(kinds, weights)[0], f"r{round_no}s{seq}", rng, spec)
        say("B " + json.dumps(op))
        if lie:  # the deliberately broken app: "saved" before it is
            say("A " + json.dumps(op))
        ack = _run(ctx, op, rng, spec, files)
        if not lie:
            say("A " + json.dumps(op | ack))


# --- reading what a worker wrote -----------------------------------------------------------------

@dataclass
class Op:
    op: str
    key: str
    plan: dict
    round: int
    ack: dict | None = None
    last: str = "B"  # the last marker inside this operation (B, T, C or R)

    def acked(self) -> bool:
        return self.ack is not None


@dataclass
class Log:
    lines: list[str] = field(default_factory=list)
    tail: bytes = b""

    def feed(self, data: bytes) -> list[str]:
        parts = (self.tail + data).split(b"\n")
        self.tail = parts.pop()
        new = [p.decode("utf-8") for p in parts]
        self.lines += new
        return new


def parse(lines: list[str], round_no: int) -> tuple[list[Op], str]:
    """The round's operations and the phase the worker was in when it died:
    startup (forked, waiting for the previous round's snapshot, opening the file as the app
    does — the WAL recovery included), idle (between operations), op (inside an operation,
    outside any write transaction), txn (a write transaction open), commit (commit issued,
    the call not yet returned)."""
    ops: list[Op] = []
    phase = "startup"
    for line in lines:
        letter, _, rest = line.partition(" ")
        if letter == "O":
            phase = "idle"
        elif letter == "B":
            plan = json.loads(rest)
            ops.append(Op(plan["op"], plan["key"], plan, round_no))
            phase = "op"
        elif letter in ("T", "C", "R") and ops:
            ops[-1].last = letter
            phase = {"T": "txn", "C": "commit", "R": "op"}[letter]
        elif letter == "A" and ops:
            ops[-1].ack = json.loads(rest)
            phase = "idle"
    return ops, phase


# --- checking the file ---------------------------------------------------------------------------

def _one(conn, sql: str, *args):
    row = conn.exec_driver_sql(sql, args).first()
    return row[0] if row else None


def presence(conn, op: Op) -> tuple[str, str]:
    """("absent" | "complete" | "partial", what was seen) for one operation's rows."""
    kind, tag, plan = op.op, op.key, op.plan
    if kind == "citizen":
        ids = [r[0] for r in conn.exec_driver_sql(
            "SELECT id FROM citizens WHERE memo = ?", (f"crash:{tag}",))]
        if not ids:
            return "absent", ""
        cid = ids[0]
        seen = {"rows": len(ids),
                "audit": _one(conn, "SELECT count(*) FROM audit_log WHERE action = 'citizen.add'"
                                    " AND target = ?", f"citizen:{cid}"),
                "phones": _one(conn, "SELECT count(*) FROM citizen_phones WHERE citizen_id = ?", cid),
                "fts": _one(conn, "SELECT count(*) FROM citizen_fts WHERE rowid = ?", cid)}
        ok = seen == {"rows": 1, "audit": 1, "phones": 1, "fts": 1}
        if op.acked() and op.ack.get("id") is not None and op.ack["id"] != cid:
            ok, seen["id"] = False, cid
        return ("complete" if ok else "partial"), json.dumps(seen)
    if kind == "complaint":
        found = conn.exec_driver_sql("SELECT id, receipt_no FROM complaints WHERE title = ?",
                                     (f"crash {tag}",)).all()
        if not found:
            return "absent", ""
        cid, receipt = found[0]
        seen = {"rows": len(found),
                "events": _one(conn, "SELECT count(*) FROM complaint_events WHERE complaint_id = ?"
                                     " AND kind = 'received'", cid),
                "audit": _one(conn, "SELECT count(*) FROM audit_log WHERE action = 'complaint.add'"
                                    " AND target = ?", receipt)}
        ok = seen == {"rows": 1, "events": 1, "audit": 1}
        if op.acked() and "id" in op.ack and (op.ack["id"], op.ack["receipt"]) != (cid, receipt):
            ok, seen["id"] = False, [cid, receipt]
        return ("complete" if ok else "partial"), json.dumps(seen)
    if kind in ("answer", "linked"):
        ids = [r[0] for r in conn.exec_driver_sql(
            "SELECT response_id FROM survey_answers WHERE item = 'COMMENT' AND value_text = ?",
            (tag,))]
        if not ids:
            return "absent", ""
        rid = ids[0]
        seen = {"rows": len(ids),
                "answers": _one(conn, "SELECT count(*) FROM survey_answers WHERE response_id = ?",
                                rid),
                "links": _one(conn, "SELECT count(*) FROM survey_links WHERE response_id = ?", rid),
                "audit": _one(conn, "SELECT count(*) FROM audit_log WHERE action = 'survey.answer'"
                                    " AND target = ?", f"response:{rid}")}
        linked = int(kind == "linked")
        want = {"rows": 1, "answers": plan["n"], "links": linked, "audit": linked}
        if op.acked() and "callback" in op.ack:
            seen["callback"] = _one(conn, "SELECT count(*) FROM survey_callbacks"
                                          " WHERE response_id = ?", rid)
            want["callback"] = int(op.ack["callback"])
        ok = seen == want
        if op.acked() and op.ack.get("id") is not None and op.ack["id"] != rid:
            ok, seen["id"] = False, rid
        return ("complete" if ok else "partial"), json.dumps(seen)
    # imports: all or nothing
    if kind == "citizen_import":
        rows = _one(conn, "SELECT count(*) FROM citizens WHERE memo LIKE ?", f"crashimp:{tag}:%")
        extra = _one(conn, "SELECT count(*) FROM citizen_fts WHERE rowid IN"
                           " (SELECT id FROM citizens WHERE memo LIKE ?)", f"crashimp:{tag}:%")
        action = "citizen.import"
    elif kind == "complaint_import":
        rows = _one(conn, "SELECT count(*) FROM complaints WHERE source_no LIKE ?", f"{tag}-%")
        extra = _one(conn, "SELECT count(*) FROM complaint_events WHERE kind = 'import' AND"
                           " complaint_id IN (SELECT id FROM complaints WHERE source_no LIKE ?)",
                     f"{tag}-%")
        action = "complaint.import"
    else:
        rows = _one(conn, "SELECT count(*) FROM survey_answers a JOIN survey_responses r"
                          " ON r.id = a.response_id WHERE a.item = 'COMMENT'"
                          " AND a.value_text LIKE ? AND r.mode = 'import'", f"{tag}:%")
        extra = _one(conn, "SELECT count(*) FROM survey_answers WHERE response_id IN"
                           " (SELECT response_id FROM survey_answers WHERE item = 'COMMENT'"
                           " AND value_text LIKE ?)", f"{tag}:%") // 2
        action = "survey.import"
    audit = _one(conn, "SELECT count(*) FROM audit_log WHERE action = ? AND target = ?",
                 action, plan["file"])
    seen = {"rows": rows, "derived": extra, "audit": audit}
    if seen == {"rows": 0, "derived": 0, "audit": 0}:
        return "absent", ""
    n = plan["n"]
    return ("complete" if seen == {"rows": n, "derived": n, "audit": 1} else "partial"), \
        json.dumps(seen | {"planned": n})


RAW_ITEMS = (
    "SELECT r.version_id, substr(r.submitted_at, 1, 10), a.item, count(a.value_num),"
    " coalesce(sum(a.value_num), 0), coalesce(sum(a.value_num * a.value_num), 0), sum(a.na),"
    " coalesce(sum(a.value_num >= 4), 0), coalesce(sum(a.value_num >= 6), 0),"
    " coalesce(sum(a.value_num >= 9), 0), coalesce(sum(a.value_num <= 6), 0)"
    " FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id"
    " GROUP BY 1, 2, 3 HAVING count(a.value_num) + sum(a.na) > 0 ORDER BY 1, 2, 3")
KEPT_ITEMS = ("SELECT version_id, day, item, n, total, total_sq, na, top5, top7, promoters,"
              " detractors FROM survey_item_days WHERE n + na > 0 ORDER BY 1, 2, 3")
RAW_RESPONSES = ("SELECT version_id, substr(submitted_at, 1, 10), mode, flags, count(*)"
                 " FROM survey_responses GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4")
KEPT_RESPONSES = "SELECT * FROM survey_response_days WHERE n > 0 ORDER BY 1, 2, 3, 4"
# Each query counts what must not exist: a change without its audit entry or the reverse,
# derived data out of step with its record.
ORPHANS = {
    "citizen without search row": "SELECT count(*) FROM citizens c WHERE NOT EXISTS"
                                  " (SELECT 1 FROM citizen_fts f WHERE f.rowid = c.id)",
    "search row without citizen": "SELECT count(*) FROM citizen_fts WHERE rowid NOT IN"
                                  " (SELECT id FROM citizens)",
    "name pieces without citizen": "SELECT count(*) FROM citizen_grams WHERE citizen_id NOT IN"
                                   " (SELECT id FROM citizens)",
    "citizen without name pieces": "SELECT (SELECT count(*) FROM citizens)"
                                   " - (SELECT count(DISTINCT citizen_id) FROM citizen_grams)",
    "citizen.add entry without citizen": (
        "SELECT count(*) FROM audit_log WHERE action = 'citizen.add'"
        " AND CAST(substr(target, 9) AS INTEGER) NOT IN (SELECT id FROM citizens)"),
    "registered citizen without entry": (
        "SELECT count(*) FROM citizens WHERE memo LIKE 'crash:%' AND 'citizen:' || id NOT IN"
        " (SELECT target FROM audit_log WHERE action = 'citizen.add')"),
    "complaint.add entry without 민원": (
        "SELECT count(*) FROM audit_log WHERE action = 'complaint.add'"
        " AND target NOT IN (SELECT receipt_no FROM complaints)"),
    "received 민원 without entry": (
        "SELECT count(*) FROM complaints WHERE source_no = '' AND receipt_no NOT IN"
        " (SELECT target FROM audit_log WHERE action = 'complaint.add')"),
    "민원 without its first event": (
        "SELECT count(*) FROM complaints WHERE id NOT IN"
        " (SELECT complaint_id FROM complaint_events WHERE kind IN ('received', 'import'))"),
    "linked answer without entry": (
        "SELECT count(*) FROM survey_links WHERE 'response:' || response_id NOT IN"
        " (SELECT target FROM audit_log WHERE action = 'survey.answer')"),
    "survey.answer entry without link": (
        "SELECT count(*) FROM audit_log WHERE action = 'survey.answer' AND"
        " CAST(substr(target, 10) AS INTEGER) NOT IN (SELECT response_id FROM survey_links)"),
    "response without answers": (
        "SELECT count(*) FROM survey_responses WHERE id NOT IN"
        " (SELECT response_id FROM survey_answers)"),
    "접수번호 counter behind": (
        "SELECT count(*) FROM (SELECT CAST(substr(receipt_no, 1, 4) AS INTEGER) AS y,"
        " max(CAST(substr(receipt_no, 6) AS INTEGER)) AS m FROM complaints GROUP BY 1) u"
        " LEFT JOIN receipt_counters c ON c.year = u.y WHERE c.last IS NULL OR c.last < u.m"),
}


def file_problems(conn, chain: bool = True, full: bool = True) -> list[str]:
    """Whole-file checks: integrity, foreign keys, the audit chain, derived data. `full`:
    integrity_check, else quick_check (the same without matching indexes to their tables)."""
    from pcrm_desktop.db import audit_chain
    problems = []
    pragma = "integrity_check" if full else "quick_check"
    integrity = [r[0] for r in conn.exec_driver_sql(f"PRAGMA {pragma}(20)")]
    if integrity != ["ok"]:
        problems.append(f"{pragma}: " + "; ".join(integrity))
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
    if broken:
        problems.append(f"foreign_key_check: {broken[:5]}")
    if chain:
        report = audit_chain.verify(conn)
        if not report.ok:
            problems.append(f"audit chain broken at entry {report.broken_id}: {report.problem}")
    for what, sql in ORPHANS.items():
        count = _one(conn, sql)
        if count:
            problems.append(f"{what}: {count}")
    if conn.exec_driver_sql(KEPT_ITEMS).all() != conn.exec_driver_sql(RAW_ITEMS).all():
        problems.append("survey_item_days differ from the answers")
    if conn.exec_driver_sql(KEPT_RESPONSES).all() != conn.exec_driver_sql(RAW_RESPONSES).all():
        problems.append("survey_response_days differ from the responses")
    return problems


@dataclass
class Findings:
    """What the checks found (a checker process sends it back as JSON)."""
    lost: list = field(default_factory=list)       # acknowledged, not (all) there
    torn: list = field(default_factory=list)       # partly there
    phantom: list = field(default_factory=list)    # there though its commit was never issued
    integrity: list = field(default_factory=list)  # whole-file problems
    committed_unacked: int = 0                     # killed after COMMIT, before the reply

    def count(self) -> int:
        return len(self.lost) + len(self.torn) + len(self.phantom) + len(self.integrity)

    def merge(self, other: Findings, skip: set[str] = frozenset()) -> None:
        for name in ("lost", "torn", "phantom", "integrity"):
            getattr(self, name).extend(p for p in getattr(other, name)
                                       if p.split(":")[0] not in skip)
        self.committed_unacked += other.committed_unacked


def check_ops(conn, ops: list[Op], killed: Op | None) -> Findings:
    """Acknowledged → complete; the killed one → complete or absent, and absent unless its
    commit had been issued; never partly there."""
    found = Findings()
    for op in ops:
        state, seen = presence(conn, op)
        label = f"round {op.round} {op.op} {op.key}: {state} {seen}".strip()
        if op.acked():
            if state != "complete":
                found.lost.append(label)
        elif state == "partial":
            found.torn.append(label)
        elif state == "complete":
            if op.last != "C":
                found.phantom.append(f"{label} (killed at {op.last})")
            elif op is killed:
                found.committed_unacked += 1
    return found


@dataclass
class Tally:
    kills: int = 0
    checked: int = 0                                    # rounds checked after their kill
    phases: Counter = field(default_factory=Counter)
    strategies: Counter = field(default_factory=Counter)
    acked: Counter = field(default_factory=Counter)    # acknowledged operations by kind
    acked_rows: int = 0                                 # rows of them (an import: its rows)
    killed_ops: Counter = field(default_factory=Counter)  # the operation each kill interrupted
    worker_errors: list = field(default_factory=list)
    findings: Findings = field(default_factory=Findings)
    cpu: Counter = field(default_factory=Counter)      # CPU seconds of workers and checkers

    def problems(self) -> int:
        return self.findings.count() + len(self.worker_errors)


# --- the zygote ----------------------------------------------------------------------------------

@dataclass
class Settings:
    rounds: int = 200
    seed: int = 0
    max_delay: float = 0.2        # seconds, the timed kills
    lie: bool = False
    chain_every: int = 1          # verify the whole audit chain every n rounds (always at the end)
    integrity_every: int = 1      # integrity_check every n rounds, quick_check between
    live_every: int = 10          # check the file itself, not a copy, every n rounds


def prepare(db: Path) -> dict:
    """An office with its admin, two surveys (anonymous, linked) and a few residents."""
    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.domain.citizens import Citizen
    from pcrm_desktop.domain.complaints import Channel, Intake
    from pcrm_desktop.domain.office import OfficeProfile
    from pcrm_desktop.services import citizens, complaints, surveys
    from pcrm_desktop.services.office import complete_first_run

    os.environ.setdefault("PCRM_SCRYPT_N", "1024")  # the admin's password hash, cheaply (tests)
    backend = open_backend(str(db))
    try:
        ctx = backend.ctx
        actor = complete_first_run(ctx, OfficeProfile("크래시 시험 행정복지센터"), ["민원행정팀"],
                                   "홍길동", "hong", PASSWORD)
        ctx = ctx.as_actor(actor)
        surveys.create_survey(ctx, ANON, "MINWON", linked=False)
        surveys.create_survey(ctx, LINKED, "MINWON", linked=True)
        rng = random.Random(1)
        ids = [citizens.register_citizen(ctx, Citizen(None, name, 1950 + 7 * i,
                                                      phones=(_phone(rng),)),
                                         allow_duplicate=True).citizen_id
               for i, name in enumerate(["김민수", "이서연", "박지훈", "최수아", "정우진"])]
        cats = [c for c in complaints.categories(ctx) if c["parent_id"] is not None]
        # one intake seeds this year's and next year's holidays, as the first day at work would
        complaints.receive(ctx, Intake(datetime.now(), Channel.VISIT, "inquiry", "준비 민원", "",
                                       cats[0]["id"]))
    finally:
        backend.close()
    return {"staff_id": actor.staff_id, "login": actor.login, "citizen_ids": ids,
            "category_ids": [c["id"] for c in cats], "category_names": [c["name"] for c in cats]}


def _reader(db: Path):
    """A read-only engine without a pool (no connection outlives its check, so none is open
    when the zygote forks) whose transactions are real read transactions: one snapshot."""
    from urllib.parse import quote

    from sqlalchemy import create_engine, event
    from sqlalchemy.pool import NullPool
    engine = create_engine(f"sqlite:///file:{quote(str(db.resolve()))}?mode=ro&uri=true",
                           poolclass=NullPool)

    def connect(dbapi_connection, _record) -> None:
        dbapi_connection.isolation_level = None

    event.listen(engine, "connect", connect)
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return engine


def _final_fts_check(db: Path) -> list[str]:
    """FTS5's own integrity check (an INSERT command, so on a writing connection)."""
    import sqlite3
    problems = []
    conn = sqlite3.connect(db)
    try:
        for table in ("citizen_fts", "complaint_fts"):
            try:
                conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
            except sqlite3.DatabaseError as exc:
                problems.append(f"{table} integrity-check: {exc}")
        conn.rollback()
    finally:
        conn.close()
    return problems


def _kill_plan(rng: random.Random, max_delay: float) -> tuple[str, int, float]:
    """(strategy, n-th marker to wait for, delay in seconds)."""
    roll = rng.random()
    if roll < 0.4:
        if rng.random() < 0.15:
            return "timed", 0, rng.uniform(0.0, 0.005)
        return "timed", 0, rng.uniform(0.005, max_delay)
    if roll < 0.7:
        return "txn", rng.randint(1, 3), rng.uniform(0.0, 0.004)
    return "commit", rng.randint(1, 3), rng.uniform(0.0, 0.002)


def _fork(child) -> tuple[int, int]:
    """Run child(write_fd) in a forked process; return (pid, read_fd). The child never
    returns into the zygote's code: it ends with os._exit."""
    reading, writing = os.pipe()
    pid = os.fork()
    if pid == 0:
        code = 0
        try:
            os.close(reading)
            child(writing)
        except BaseException as exc:  # noqa: BLE001 - reported on the pipe, then exit
            code = 3
            with contextlib.suppress(OSError):
                os.write(writing, ("E " + json.dumps(f"{type(exc).__name__}: {exc}"[:3000])
                                   + "\n").encode("utf-8"))
        os._exit(code)
    os.close(writing)
    return pid, reading


def _drain(fd: int, log: Log) -> None:
    while True:
        data = os.read(fd, 65536)
        if not data:
            break
        log.feed(data)
    os.close(fd)


def kill_round(db: Path, spec: dict, settings: Settings, round_no: int, files: Path,
               tally: Tally, ready: int | None) -> tuple[list[Op], Op | None]:
    """Fork a worker, kill it, read what it acknowledged."""
    rng = random.Random(f"{settings.seed}:{round_no}")
    strategy, nth, delay = _kill_plan(rng, settings.max_delay)
    seed = rng.getrandbits(64)
    pid, reading = _fork(lambda out: worker(db, spec, round_no, seed, out, files, settings.lie,
                                            ready))
    if ready is not None:
        os.close(ready)
    log = Log()
    deadline = time.monotonic() + (delay if strategy == "timed" else 2.0)
    letter = {"txn": "T", "commit": "C"}.get(strategy)
    seen, ended = 0, False
    while (left := deadline - time.monotonic()) > 0:
        readable, _, _ = select.select([reading], [], [], left)
        if not readable:
            break
        data = os.read(reading, 65536)
        if not data:
            ended = True
            break
        seen += sum(1 for line in log.feed(data) if line == letter)
        if letter and seen >= nth:
            if delay:
                time.sleep(delay)
            break
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    _, status, usage = os.wait4(pid, 0)
    tally.cpu["workers"] += usage.ru_utime + usage.ru_stime
    _drain(reading, log)  # every line the worker wrote before it died
    if ended or not (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL):
        errors = [line[2:] for line in log.lines if line.startswith("E ")]
        tally.worker_errors.append(f"round {round_no}: the worker ended by itself "
                                   f"(status {status}): {errors[:1]}")
    ops, phase = parse(log.lines, round_no)
    tally.kills += 1
    tally.phases[phase] += 1
    tally.strategies[strategy] += 1
    killed = ops[-1] if ops and not ops[-1].acked() else None
    if killed is not None:
        tally.killed_ops[killed.op] += 1
    for op in ops:
        if op.acked():
            tally.acked[op.op] += 1
            tally.acked_rows += op.plan["n"] if op.op in IMPORTS else 1
    for leftover in files.iterdir():
        leftover.unlink()
    return ops, killed


def _copy(db: Path):
    """The file as it is now, copied page by page into memory in one read transaction
    (SQLite's backup API): an engine over the copy."""
    import sqlite3
    from urllib.parse import quote

    from sqlalchemy import create_engine
    from sqlalchemy.pool import StaticPool
    source = sqlite3.connect(f"file:{quote(str(db.resolve()))}?mode=ro", uri=True)
    copy = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        source.backup(copy)
    finally:
        source.close()
    copy.isolation_level = None
    return create_engine("sqlite://", creator=lambda: copy, poolclass=StaticPool)


def _checker(db: Path, ops: list[Op], killed: Op | None, chain: bool, full: bool, live: bool,
             ready: int, out: int):
    """In its own process. Usually: copy the file as the kill left it (before the next worker
    may open it), let that worker go, and check the copy while it runs; a reader held open
    across every worker's writes would keep the WAL from ever starting over. Every few rounds
    (`live`): check the file itself, the next worker waiting until the end."""
    def let_go() -> None:
        with contextlib.suppress(BrokenPipeError):  # that worker was killed before it opened
            os.write(ready, b"R")
        os.close(ready)

    engine = _reader(db) if live else _copy(db)
    if not live:
        let_go()
    with engine.connect() as conn, conn.begin():
        found = check_ops(conn, ops, killed)
        found.integrity += file_problems(conn, chain, full)
    engine.dispose()
    if live:
        let_go()
    os.write(out, ("F " + json.dumps({name: getattr(found, name)[:50] for name in
                                      ("lost", "torn", "phantom", "integrity")}
                                     | {"committed_unacked": found.committed_unacked},
                                     ensure_ascii=False) + "\n").encode("utf-8"))


@dataclass
class Check:
    pid: int
    results: int   # the checker's report
    ready: int     # read end of "snapshot taken", for the next worker
    round: int


def start_check(db: Path, ops: list[Op], killed: Op | None, round_no: int,
                settings: Settings) -> Check:
    chain = round_no % max(settings.chain_every, 1) == 0
    full = round_no % max(settings.integrity_every, 1) == 0
    live = round_no % max(settings.live_every, 1) == 0
    ready_r, ready_w = os.pipe()

    def child(out: int) -> None:
        os.close(ready_r)
        _checker(db, ops, killed, chain, full, live, ready_w, out)

    pid, results = _fork(child)
    os.close(ready_w)
    return Check(pid, results, ready_r, round_no)


def finish_check(check: Check, tally: Tally) -> None:
    log = Log()
    _drain(check.results, log)
    _, _, usage = os.wait4(check.pid, 0)
    tally.cpu["checks"] += usage.ru_utime + usage.ru_stime
    tally.checked += 1
    result = next((line[2:] for line in log.lines if line.startswith("F ")), None)
    if result is None:
        errors = [line[2:] for line in log.lines if line.startswith("E ")]
        tally.findings.integrity.append(f"round {check.round}: the check failed: {errors[:1]}")
        return
    data = json.loads(result)
    tally.findings.merge(Findings(data["lost"], data["torn"], data["phantom"],
                                  [f"round {check.round}: {p}" for p in data["integrity"]],
                                  data["committed_unacked"]))


def run(db: Path, settings: Settings, progress=None) -> dict:
    started = time.monotonic()
    spec_file = db.with_name(db.name + ".crash-spec.json")
    if not db.exists():
        # In a child, so that the zygote stays small (a fork copies its page tables) and has
        # never had a connection open.
        pid, reading = _fork(lambda out: spec_file.write_text(json.dumps(prepare(db)),
                                                              encoding="utf-8"))
        log = Log()
        _drain(reading, log)
        _, status = os.waitpid(pid, 0)
        if status:
            raise RuntimeError(f"preparing the database failed: {log.lines}")
    spec = json.loads(spec_file.read_text(encoding="utf-8"))
    _warm_up()
    files = db.parent / "crash-files"
    files.mkdir(exist_ok=True)
    tally = Tally()
    everything: list[Op] = []
    gc.freeze()  # what the zygote has is shared with every child, untouched by their GC
    pending: Check | None = None
    for round_no in range(1, settings.rounds + 1):
        ops, killed = kill_round(db, spec, settings, round_no, files, tally,
                                 pending.ready if pending else None)
        everything += ops
        if pending is not None:
            finish_check(pending, tally)
        pending = start_check(db, ops, killed, round_no, settings)
        if progress and round_no % 50 == 0:
            progress(round_no, tally)
    if pending is not None:
        os.close(pending.ready)  # no worker follows
        finish_check(pending, tally)
    # Once more, everything: no later round may have lost what an earlier one had kept.
    reported = {p.split(":")[0] for name in ("lost", "torn", "phantom")
                for p in getattr(tally.findings, name)}
    engine = _reader(db)
    try:
        with engine.connect() as conn, conn.begin():
            final = check_ops(conn, everything, None)
            final.committed_unacked = 0
            final.integrity = [f"final: {p}" for p in file_problems(conn)]
    finally:
        engine.dispose()
    final.integrity += [f"final: {p}" for p in _final_fts_check(db)]
    tally.findings.merge(final, skip=reported)
    return summary(db, settings, tally, time.monotonic() - started)


def _warm_up() -> None:
    """Import in the zygote what every worker would otherwise import on its own."""
    import importlib

    from pcrm_desktop.db import uow
    for module, _ in uow._REPOSITORIES.values():
        importlib.import_module(module)
    for name in ("bootstrap", "services.citizens", "services.complaints", "services.surveys",
                 "services.citizen_import", "services.complaint_import",
                 "services.survey_import", "services.calendar", "services.tabular",
                 "db.audit_chain", "db.health"):
        importlib.import_module(f"pcrm_desktop.{name}")
    import holidays  # noqa: F401 - seeding a new year's calendar

    from pcrm_desktop.db.engine import make_engine
    engine = make_engine("sqlite://")  # the dialect's first set-up, on a memory database
    with engine.connect() as conn:
        conn.exec_driver_sql("SELECT 1").all()
    engine.dispose()


def summary(db: Path, settings: Settings, tally: Tally, seconds: float) -> dict:
    found = tally.findings
    mid_write = tally.phases["txn"] + tally.phases["commit"]
    acked = sum(tally.acked.values())
    figure = (f"crash harness: {tally.kills:,} kills ({mid_write:,} mid-write: "
              f"{tally.phases['txn']:,} in a transaction, {tally.phases['commit']:,} in a commit), "
              f"{acked:,} acknowledged commits ({tally.acked_rows:,} rows), "
              f"{len(found.lost)} lost, {len(found.torn) + len(found.phantom)} torn, "
              f"{len(found.integrity)} integrity errors [{seconds:.1f} s, seed {settings.seed}]")
    return {
        "figure": figure, "kills": tally.kills, "checked": tally.checked, "mid_write": mid_write,
        "phases": dict(tally.phases), "strategies": dict(tally.strategies),
        "killed_ops": dict(tally.killed_ops), "acked": dict(tally.acked), "acked_total": acked,
        "acked_rows": tally.acked_rows, "committed_unacked": found.committed_unacked,
        "lost_count": len(found.lost), "torn_count": len(found.torn) + len(found.phantom),
        "integrity_errors": len(found.integrity), "worker_error_count": len(tally.worker_errors),
        "lost": found.lost[:50], "torn": found.torn[:50], "phantom": found.phantom[:50],
        "integrity": found.integrity[:50], "worker_errors": tally.worker_errors[:20],
        "problems": tally.problems(), "seconds": round(seconds, 2), "seed": settings.seed,
        "rounds": settings.rounds, "lie": settings.lie, "db_bytes": db.stat().st_size,
        "cpu_seconds": {name: round(value, 1) for name, value in tally.cpu.items()}
        | {"zygote": round(sum(os.times()[:2]), 1)},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="database file (made and prepared if missing)")
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--max-delay", type=float, default=0.2)
    parser.add_argument("--chain-every", type=int, default=1,
                        help="verify the whole audit chain every n rounds")
    parser.add_argument("--integrity-every", type=int, default=1,
                        help="full integrity_check every n rounds, quick_check between")
    parser.add_argument("--live-every", type=int, default=10,
                        help="check the file itself (not a copy) every n rounds")
    parser.add_argument("--lie", action="store_true",
                        help="self-test: a worker that acknowledges before it commits")
    parser.add_argument("--json", type=Path, help="write the summary here")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    if not hasattr(os, "fork") or not sys.platform.startswith("linux"):
        print("the crash harness needs Linux (fork, SIGKILL)", file=sys.stderr)
        return 2
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(1 << 30)
    settings = Settings(args.rounds, seed, args.max_delay, args.lie, args.chain_every,
                        args.integrity_every, args.live_every)
    folder = None
    db = args.db
    if db is None:
        folder = Path(tempfile.mkdtemp(prefix="pcrm-crash-"))
        db = folder / "pcrm.db"

    def progress(done: int, tally: Tally) -> None:
        if not args.quiet:
            print(f"  {done} rounds, {sum(tally.acked.values())} acknowledged, "
                  f"{tally.problems()} problems", file=sys.stderr, flush=True)

    try:
        result = run(db, settings, progress)
    finally:
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(result["figure"])
    if not args.quiet:
        for key in ("phases", "strategies", "killed_ops", "acked", "committed_unacked",
                    "cpu_seconds", "db_bytes"):
            print(f"  {key}: {result[key]}")
        for key in ("lost", "torn", "phantom", "integrity", "worker_errors"):
            for line in result[key][:10]:
                print(f"  {key}: {line}")
    return 0 if result["problems"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
