"""Crash safety (issue 9, part 3): the app's writing process is killed with SIGKILL hundreds of
times during imports, 민원 intake and survey entry (tests/crash/harness.py). After every kill the
file passes its integrity checks and every acknowledged commit is there; the figure is printed
in pytest's summary and kept in artifacts/crash_safety.json.

PCRM_CRASH_ROUNDS (default 200) sets the number of kills, PCRM_CRASH_SEED the seed."""
from __future__ import annotations

import json
import os
import random
import subprocess
import sys

import pytest

from tests.conftest import ARTIFACTS, REPO

pytestmark = pytest.mark.skipif(
    not (sys.platform.startswith("linux") and hasattr(os, "fork")),
    reason="the crash harness forks the app and kills it with SIGKILL: Linux only (CI is Linux)")

ROUNDS = int(os.environ.get("PCRM_CRASH_ROUNDS", "200"))
SEED = int(os.environ.get("PCRM_CRASH_SEED") or random.SystemRandom().randrange(1 << 30))


class _Figures:
    """Writes the harness's figures into pytest's terminal summary, so they show in every run
    (captured output or not)."""
    name = "pcrm-crash-figures"

    def __init__(self) -> None:
        self.lines: list[str] = []

    def pytest_terminal_summary(self, terminalreporter) -> None:
        if self.lines:
            terminalreporter.write_sep("=", "crash safety")
            for line in self.lines:
                terminalreporter.write_line(line)


@pytest.fixture
def figures(request) -> _Figures:
    manager = request.config.pluginmanager
    plugin = manager.get_plugin(_Figures.name)
    if plugin is None:
        plugin = _Figures()
        manager.register(plugin, _Figures.name)
    return plugin


def _harness(db, rounds: int, *extra: str) -> tuple[int, dict, str]:
    """Run the harness in a fresh interpreter (it forks: never the pytest process itself)."""
    out = db.with_name("summary.json")
    proc = subprocess.run(
        [sys.executable, "-m", "tests.crash.harness", "--db", str(db), "--rounds", str(rounds),
         "--seed", str(SEED), "--json", str(out), "--quiet", *extra],
        check=False, cwd=REPO, capture_output=True, text=True,
        timeout=120 + 3 * rounds)
    assert out.exists(), f"the harness gave no summary (exit {proc.returncode}):\n{proc.stderr[-4000:]}"
    return proc.returncode, json.loads(out.read_text(encoding="utf-8")), proc.stderr


def test_no_acknowledged_commit_is_lost(tmp_path, figures):
    code, result, stderr = _harness(tmp_path / "pcrm.db", ROUNDS)
    figures.lines.append(result["figure"])
    figures.lines.append(f"  where the kills landed: {result['phases']}; operations killed: "
                         f"{result['killed_ops']}; committed but not yet acknowledged: "
                         f"{result['committed_unacked']}")
    print(result["figure"])
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "crash_safety.json").write_text(json.dumps(result, ensure_ascii=False, indent=1),
                                                 encoding="utf-8")
    details = json.dumps({k: result[k] for k in ("lost", "torn", "phantom", "integrity",
                                                 "worker_errors")}, ensure_ascii=False, indent=1)
    assert result["problems"] == 0, details + stderr[-3000:]
    assert code == 0, stderr[-3000:]
    assert result["kills"] == ROUNDS and result["checked"] == ROUNDS
    assert result["lost_count"] == result["torn_count"] == result["integrity_errors"] == 0
    # The kills really hit writes: inside a write transaction or its commit (about three in
    # four here; fewer where a commit takes no time, as on a RAM disk).
    assert result["mid_write"] >= 0.25 * ROUNDS, result["phases"]
    if ROUNDS >= 100:  # every kind of operation was both acknowledged and interrupted
        kinds = {"citizen", "complaint", "answer", "linked", "citizen_import",
                 "complaint_import", "survey_import"}
        assert set(result["acked"]) == kinds and set(result["killed_ops"]) == kinds


def test_the_harness_catches_an_app_that_acknowledges_too_early(tmp_path):
    """Self-test: a worker that says "saved" before it commits is caught losing commits."""
    code, result, _ = _harness(tmp_path / "pcrm.db", 12, "--lie")
    assert code == 1 and result["lost_count"] > 0, result["figure"]
    assert result["integrity_errors"] == 0  # the file itself is fine: the app lied


def test_every_check_can_fail(tmp_path):
    """Each kind of operation's check finds it complete, then reports forged acknowledgements
    as lost, rows of an operation killed before its commit as there when they must not be, and
    a damaged import batch."""
    import sqlite3

    from pcrm_desktop.bootstrap import open_backend
    from pcrm_desktop.domain.audit import Actor
    from tests.crash import harness as H

    db = tmp_path / "pcrm.db"
    spec = H.prepare(db)
    files = tmp_path / "files"
    files.mkdir()
    backend = open_backend(str(db))
    ctx = backend.ctx.as_actor(Actor(spec["staff_id"], spec["login"], "admin", "test"))
    rng = random.Random(7)
    done = []
    try:
        for kind in H.KINDS:
            plan = H._plan(kind, f"r1{kind}", rng, spec)
            done.append(H.Op(kind, plan["key"], plan, 1, plan | H._run(ctx, plan, rng, spec, files),
                             "C"))
    finally:
        backend.close()
    forged = [H.Op(op.op, op.key + "x", op.plan | {"key": op.key + "x"}, 2, dict(op.plan))
              for op in done]
    never_committed = H.Op(done[0].op, done[0].key, done[0].plan, 1, None, "T")
    engine = H._reader(db)
    try:
        with engine.connect() as conn, conn.begin():
            assert H.file_problems(conn) == []
            assert H.check_ops(conn, done, None).count() == 0
            found = H.check_ops(conn, forged + [never_committed], never_committed)
            assert len(found.lost) == len(H.KINDS) and len(found.phantom) == 1
    finally:
        engine.dispose()
    batch = next(op for op in done if op.op == "citizen_import")
    raw = sqlite3.connect(db)
    raw.execute("PRAGMA foreign_keys=ON")
    raw.execute("DELETE FROM citizens WHERE memo = ?", (f"crashimp:{batch.key}:0",))
    raw.commit()
    raw.close()
    try:
        with engine.connect() as conn, conn.begin():
            problems = H.file_problems(conn)
            assert any("search row without citizen" in p for p in problems), problems
            found = H.check_ops(conn, done, None)
            assert [line.split(":")[0] for line in found.lost] == [f"round 1 citizen_import {batch.key}"]
    finally:
        engine.dispose()
