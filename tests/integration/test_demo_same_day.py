"""`pcrm demo --seed S` is "the same for the same seed on the same day" (README, guide §10):
made at 08:05 and at 17:40 of one day, the residents, 민원, answers and calls are the same row
for row, times included; its invented history ends at the start of that day. The morning's
demo is made in the test's database (a file, or the server), the evening's in a file: on the
server run the two backends must make the same rows too."""
from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path

from pcrm_desktop.bootstrap import open_backend
from pcrm_desktop.services.demo import DemoRequest, fill_demo
from tests.dbutil import rows

INVENTED = ("citizens", "citizen_phones", "citizen_groups", "interactions", "complaints",
            "complaint_events", "survey_responses", "survey_answers", "survey_links",
            "happy_calls", "survey_callbacks")
REQUEST = DemoRequest(citizens=150, complaints=400, responses=300, seed=5)


def _made_at(target: Path | str, at: datetime) -> dict[str, list[tuple]]:
    backend = open_backend(str(target))
    try:
        fill_demo(replace(backend.ctx, clock=lambda: at), REQUEST)
    finally:
        backend.close()
    return {table: rows(target, f"SELECT * FROM {table} ORDER BY 1, 2") for table in INVENTED}


def test_the_same_seed_on_the_same_day_makes_the_same_data(db_target, tmp_path):
    morning = _made_at(db_target, datetime(2026, 12, 7, 8, 5, 13))
    evening = _made_at(tmp_path / "evening.db", datetime(2026, 12, 7, 17, 40, 2))
    for table in INVENTED:
        assert morning[table] == evening[table], table
    assert all(morning[t] for t in ("citizens", "complaints", "survey_answers", "happy_calls"))
    for target, when in ((tmp_path / "evening.db", "2026-12-07 17:40"),
                         (db_target, "2026-12-07 08:05")):
        latest = rows(
            target, "SELECT max(received_at), (SELECT max(submitted_at) FROM survey_responses),"
            " (SELECT max(at) FROM interactions), (SELECT max(created_at) FROM citizens)"
            " FROM complaints")[0]
        made = rows(target, "SELECT at FROM audit_log WHERE action = 'demo.fill'")[0][0]
        # nothing invented happened on the day itself; the log says when the demo was made
        assert max(latest[:3]) < "2026-12-07" and latest[3].startswith("2026-12-07 00:00:00")
        assert made.startswith(when)


def test_another_day_moves_the_dates(tmp_path):
    """Hence "on the same day": the history is counted back from another day, over other
    working days."""
    one = _made_at(tmp_path / "one.db", datetime(2026, 12, 7, 9, 0))
    next_day = _made_at(tmp_path / "two.db", datetime(2026, 12, 8, 9, 0))
    assert one["complaints"] != next_day["complaints"]
