"""The daily sums the month's summary reads (survey_item_days, survey_response_days) always
equal what the raw answers say: after kiosk, paper and phone answers, the bulk import path,
a deleted response, and after migration 0008 fills them for a database that had answers. On
both backends (a server keeps them with PL/pgSQL triggers: without them its summary said n=0);
the raw side is counted here in SQL both take (a date-time's text, CASE for the booleans)."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import text

from pcrm_desktop.db import migrate
from pcrm_desktop.db.engine import make_engine
from pcrm_desktop.domain.surveys import NA
from pcrm_desktop.services import surveys as S
from tests.dbutil import REFUSED, execute, is_url, rows


def _count(condition: str) -> str:
    return f"sum(CASE WHEN {condition} THEN 1 ELSE 0 END)"


DAY = "substr(CAST({} AS TEXT), 1, 10)"  # "YYYY-MM-DD" of a stored date-time, on both
RAW_ITEMS = (
    f"SELECT r.version_id, {DAY.format('r.submitted_at')}, a.item, count(a.value_num),"
    f" coalesce(sum(a.value_num), 0), coalesce(sum(a.value_num * a.value_num), 0), {_count('a.na')},"
    f" {_count('a.value_num >= 4')}, {_count('a.value_num >= 6')},"
    f" {_count('a.value_num >= 9')}, {_count('a.value_num <= 6')}"
    " FROM survey_answers a JOIN survey_responses r ON r.id = a.response_id"
    f" GROUP BY 1, 2, 3 HAVING count(a.value_num) + {_count('a.na')} > 0 ORDER BY 1, 2, 3")
KEPT_ITEMS = ("SELECT version_id, day, item, n, total, total_sq, na, top5, top7, promoters,"
              " detractors FROM survey_item_days WHERE n + na > 0 ORDER BY 1, 2, 3")
RAW_RESPONSES = (f"SELECT version_id, {DAY.format('submitted_at')}, mode, flags, count(*)"
                 " FROM survey_responses GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4")
KEPT_RESPONSES = "SELECT * FROM survey_response_days WHERE n > 0 ORDER BY 1, 2, 3, 4"


def _agree(db) -> None:
    assert rows(db, KEPT_ITEMS) == rows(db, RAW_ITEMS)
    assert rows(db, KEPT_RESPONSES) == rows(db, RAW_RESPONSES)


@pytest.fixture
def ctx(admin_ctx):
    return replace(admin_ctx, clock=lambda: datetime(2026, 11, 27, 16, 0))


def test_every_writer_keeps_the_sums(ctx, db_target):
    S.create_survey(ctx, "M", "MINWON", linked=False)
    S.submit(ctx, "M", "kiosk", {"OVERALL": 5, "KIND": 4, "RECOMMEND": 10}, seconds=3)
    S.submit(ctx, "M", "paper", {"OVERALL": 2, "KIND": NA, "RECOMMEND": 6, "COMMENT": "느림"},
             submitted_at=datetime(2026, 11, 2, 12))
    S.submit(ctx, "M", "paper", {"OVERALL": 4, "ACCESS": 4}, submitted_at=datetime(2026, 10, 31, 12))
    with ctx.uow_factory() as uow:  # the bulk path of the import and the demo
        version = uow.surveys.current_version(uow.surveys.by_code("M")["id"])["id"]
        first = uow.surveys.next_response_id()
        uow.surveys.add_responses([(first, version, "import", "2026-11-02 00:00:00.000000", None, ""),
                                   (first + 1, version, "import", "2026-11-03 00:00:00.000000", None, "")])
        uow.surveys.add_answers([(first, "OVERALL", 3.0, None, False),
                                 (first + 1, "OVERALL", 1.0, None, False),
                                 (first + 1, "KIND", None, None, True)])
        uow.commit()
    _agree(db_target)
    result = S.summary(ctx, "M", date(2026, 11, 1), date(2026, 11, 30))
    assert result.responses == 4 and result.overall.n == 4
    assert result.overall.value == pytest.approx(((5 + 2 + 3 + 1) / 4 - 1) * 25)
    assert result.items["KIND"].not_applicable == 2 and result.items["KIND"].n == 1
    assert result.by_mode == {"kiosk": 1, "paper": 1, "import": 2}
    assert result.flagged == {"too_fast": 1}
    # a response deleted (with its answers, by the cascade) leaves the sums as if never given
    execute(db_target, "DELETE FROM survey_responses WHERE id = ?", first)
    with pytest.raises(REFUSED):  # answers are never edited: the sums cannot drift
        execute(db_target, "UPDATE survey_answers SET value_num = 5 WHERE response_id = ?", first + 1)
    _agree(db_target)
    assert S.summary(ctx, "M", date(2026, 11, 1), date(2026, 11, 30)).responses == 3


@pytest.mark.sqlite_only("0008 backfills the sums of a file that had answers before it; a server "
                         "database is made at a later revision (init, copy-to), so its 0008 has "
                         "none to fill")
def test_the_migration_fills_the_sums_of_earlier_answers(empty_db_target):
    target = empty_db_target
    engine = make_engine(target if is_url(target) else f"sqlite:///{target}")
    migrate.upgrade(engine, "0007")
    with engine.begin() as conn:
        conn.execute(text("INSERT INTO surveys (id, code, title, linked, created_at)"
                          " VALUES (1, 'OLD', 'old', FALSE, '2026-01-01 00:00:00')"))
        conn.execute(text("INSERT INTO survey_versions (id, survey_id, version, definition,"
                          " created_at) VALUES (1, 1, 1, '{}', '2026-01-01 00:00:00')"))
        for n in range(1, 41):
            conn.execute(text("INSERT INTO survey_responses (id, version_id, mode, submitted_at,"
                              " flags) VALUES (:n, 1, :mode, :at, '')"),
                         {"n": n, "mode": "kiosk" if n % 2 else "paper",
                          "at": f"2026-11-{n % 28 + 1:02d} 10:00:00"})
            conn.execute(text("INSERT INTO survey_answers (response_id, item, value_num, na)"
                              " VALUES (:n, 'OVERALL', :value, FALSE)"), {"n": n, "value": n % 5 + 1})
            if n % 3 == 0:
                conn.execute(text("INSERT INTO survey_answers (response_id, item, na)"
                                  " VALUES (:n, 'KIND', TRUE)"), {"n": n})
    migrate.upgrade(engine, "head")
    engine.dispose()
    assert rows(target, "SELECT sum(n) FROM survey_item_days WHERE item = 'OVERALL'") == [(40,)]
    _agree(target)
