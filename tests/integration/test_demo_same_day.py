"""`pcrm demo --seed S` is "the same for the same seed on the same day" (README, guide §10):
made at 08:05 and at 17:40 of one day, the residents, 민원, answers and calls are the same row
for row, times included; its invented history ends at the start of that day."""
from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from pcrm_desktop.bootstrap import open_backend
from pcrm_desktop.services.demo import DemoRequest, fill_demo

INVENTED = ("citizens", "citizen_phones", "citizen_groups", "interactions", "complaints",
            "complaint_events", "survey_responses", "survey_answers", "survey_links",
            "happy_calls", "survey_callbacks")
REQUEST = DemoRequest(citizens=150, complaints=400, responses=300, seed=5)


def _made_at(path: Path, at: datetime) -> dict[str, list[tuple]]:
    backend = open_backend(str(path))
    try:
        fill_demo(replace(backend.ctx, clock=lambda: at), REQUEST)
    finally:
        backend.close()
    conn = sqlite3.connect(path)
    try:
        return {table: conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
                for table in INVENTED}
    finally:
        conn.close()


def test_the_same_seed_on_the_same_day_makes_the_same_data(tmp_path):
    morning = _made_at(tmp_path / "morning.db", datetime(2026, 12, 7, 8, 5, 13))
    evening = _made_at(tmp_path / "evening.db", datetime(2026, 12, 7, 17, 40, 2))
    for table in INVENTED:
        assert morning[table] == evening[table], table
    assert all(morning[t] for t in ("citizens", "complaints", "survey_answers", "happy_calls"))
    conn = sqlite3.connect(tmp_path / "evening.db")
    try:
        latest = conn.execute(
            "SELECT max(received_at), (SELECT max(submitted_at) FROM survey_responses),"
            " (SELECT max(at) FROM interactions), (SELECT max(created_at) FROM citizens)"
            " FROM complaints").fetchone()
        made = conn.execute("SELECT at FROM audit_log WHERE action = 'demo.fill'").fetchone()[0]
    finally:
        conn.close()
    # nothing invented happened on the day itself; the log says when the demo was really made
    assert max(latest[:3]) < "2026-12-07" and latest[3].startswith("2026-12-07 00:00:00")
    assert made.startswith("2026-12-07 17:40")


def test_another_day_moves_the_dates(tmp_path):
    """Hence "on the same day": the history is counted back from another day, over other
    working days."""
    one = _made_at(tmp_path / "one.db", datetime(2026, 12, 7, 9, 0))
    next_day = _made_at(tmp_path / "two.db", datetime(2026, 12, 8, 9, 0))
    assert one["complaints"] != next_day["complaints"]
