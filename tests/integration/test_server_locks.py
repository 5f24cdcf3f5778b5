"""A row another program holds on the server (issue 20: "`database_busy` becomes a lock timeout
with the same Korean message"): a 민원 received while the year's receipt counter is locked
waits the lock timeout (SQLite's busy timeout, 5 s), is refused with `database_busy` and
writes nothing; the same call succeeds once the lock is gone, with the next number."""
from __future__ import annotations

import time
from datetime import datetime

import pytest

from pcrm_desktop.domain.complaints import Channel, Intake
from pcrm_desktop.domain.errors import DatabaseError
from pcrm_desktop.domain.messages import korean_message
from pcrm_desktop.services import complaints
from tests.dbutil import rows, server_connection

pytestmark = pytest.mark.server_only("a row lock held on the server; a file's lock: "
                                     "test_concurrency.py")


def _intake(title: str) -> Intake:
    return Intake(datetime(2026, 3, 3, 10, 0), Channel.VISIT, "inquiry", title, "내용", None, None)


def test_a_receipt_waits_for_a_held_counter_then_says_busy_and_writes_nothing(admin_ctx,
                                                                              db_target, db_path):
    first = complaints.receive(admin_ctx, _intake("먼저 접수"))
    before = rows(db_path, "SELECT count(*) FROM complaints")
    holder = server_connection(db_target)   # another program holds the year's counter
    try:
        holder.execute("SELECT * FROM receipt_counters WHERE year = 2026 FOR UPDATE")
        started = time.monotonic()
        with pytest.raises(DatabaseError) as refused:
            complaints.receive(admin_ctx, _intake("기다린 접수"))
        waited = time.monotonic() - started
    finally:
        holder.rollback()
        holder.close()
    assert refused.value.code == "database_busy" and 4.5 <= waited < 9
    assert korean_message(refused.value).startswith(
        "다른 사용자(또는 명령)가 데이터베이스에 저장하는 중이라 5초를 기다렸지만")
    assert rows(db_path, "SELECT count(*) FROM complaints") == before
    again = complaints.receive(admin_ctx, _intake("다시 접수"))  # the lock is gone
    assert (first.receipt_no, again.receipt_no) == ("2026-000001", "2026-000002")  # no gap
