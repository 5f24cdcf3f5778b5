"""What the monthly report reads: counts and sums of a month's 민원 and answers, grouped in
SQL on indexes (a month of 80,000 cases in a database of 1,000,000), returned as plain rows.
Date-times are compared as the stored text (sql_datetime), as everywhere in the database.

On time and overdue are judged at minute resolution, as the 민원처리부 prints the times
(domain.deadlines.finished_on_time / past_due): a case finished at 15:53:36 and due at
15:53:00 was finished in its due minute. In SQL the two texts' first 16 characters
(YYYY-MM-DD HH:MM) are compared, over columns the covering indexes already hold."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import NamedTuple, TypeVar

from sqlalchemy import Connection

from pcrm_desktop.db.citizen_repo import sql_datetime


def on_time_sql(alias: str = "") -> str:
    """Finished by the due time, to the minute (both texts cut at YYYY-MM-DD HH:MM)."""
    return f"substr({alias}done_at, 1, 16) <= substr({alias}due_at, 1, 16)"


def due_minute_over(moment: datetime) -> str:
    """The bound for "due_at < ?" that makes it "the due minute is over at `moment`": the
    moment cut to its minute (a case due 15:53 is not overdue at 15:53:36)."""
    return sql_datetime(moment.replace(second=0, microsecond=0))


# The cases finished in a period are read on ix_complaints_done_report alone.
_FINISHED = "FROM complaints WHERE done_at >= ? AND done_at < ?"
_RECEIVED = "FROM complaints c WHERE c.received_at >= ? AND c.received_at < ?"
_NO_CATEGORY = "(분류 없음)"
_NO_DEPARTMENT = "(부서 없음)"


_Row = TypeVar("_Row")


class DayPair(NamedTuple):
    """Cases finished on one day that were received on another (days as YYYY-MM-DD)."""
    received_day: str
    finished_day: str
    cases: int


class ReceivedGroup(NamedTuple):
    channel: str
    type_name: str
    category: str      # the top-level category's name
    department: str
    cases: int


class FinishedGroup(NamedTuple):
    category: str      # the top-level category's name
    department: str
    received_day: str
    finished_day: str
    cases: int
    on_time: int | None


class RepeatPlace(NamedTuple):
    road: str
    category: str
    cases: int


class OverdueCase(NamedTuple):
    receipt_no: str
    title: str
    applicant: str     # the full name: the service masks it
    department: str
    due_at: str
    received_at: str


class MonthOverall(NamedTuple):
    """One survey's OVERALL in one month: answers, Σx, Σx², top two."""
    month: str         # YYYY-MM
    n: int
    total: float
    total_sq: float
    top_two: int


class ReportRead:
    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def _all(self, sql: str, *args):
        return self.c.exec_driver_sql(sql, args).all()

    @staticmethod
    def _span(first: datetime, end: datetime) -> tuple[str, str]:
        return sql_datetime(first), sql_datetime(end)

    # --- the headline --------------------------------------------------------------------
    def received(self, first: datetime, end: datetime) -> int:
        return self._all(f"SELECT count(*) {_RECEIVED}", *self._span(first, end))[0][0]

    def finished(self, first: datetime, end: datetime) -> tuple[int, int]:
        """(cases finished in [first, end), of them finished by their due time)."""
        row = self._all(f"SELECT count(*), coalesce(sum({on_time_sql()}), 0) {_FINISHED}",
                        *self._span(first, end))[0]
        return int(row[0]), int(row[1])

    def finished_days(self, first: datetime, end: datetime) -> list[DayPair]:
        """(day received, day finished, cases) of the cases finished in [first, end): the
        working days between them are counted with the holiday calendar, not in SQL."""
        return [DayPair(*r) for r in self._all(
            "SELECT substr(received_at, 1, 10), substr(done_at, 1, 10), count(*)"
            f" {_FINISHED} GROUP BY 1, 2", *self._span(first, end))]

    def overdue_at(self, moment: datetime) -> int:
        """Cases open at `moment` whose due time had passed: still open now, or finished only
        later (both read on their indexes); the due minute must be over."""
        at, due = sql_datetime(moment), due_minute_over(moment)
        return self._all(
            "SELECT (SELECT count(*) FROM complaints WHERE open = 1 AND done_at IS NULL"
            "  AND due_at < ? AND received_at < ?)"
            " + (SELECT count(*) FROM complaints WHERE done_at >= ? AND due_at < ? AND received_at < ?)",
            due, at, at, due, at)[0][0]

    # --- the 민원 tables -----------------------------------------------------------------
    def top_categories(self) -> dict[int, str]:
        """category id → the name of its top-level category (a report groups by those)."""
        return {r[0]: r[1] for r in self._all(
            "SELECT k.id, coalesce(p.name, k.name) FROM complaint_categories k"
            " LEFT JOIN complaint_categories p ON p.id = k.parent_id")}

    def _names(self, rows, make: Callable[[list], _Row], category: int | None = None,
               kind: int | None = None, department: int | None = None) -> list[_Row]:
        """Rows grouped by ids in SQL, named here: a category by its top-level category, a 민원
        type and a department by name (small lookups, not a join for each of 80,000 rows);
        each made into a named row by `make`."""
        tops = self.top_categories() if category is not None else {}
        types = dict(self._all("SELECT code, name FROM complaint_types")) if kind is not None else {}
        departments = dict(self._all("SELECT id, name FROM departments")) if department is not None else {}
        named = []
        for row in rows:
            row = list(row)
            if category is not None:
                row[category] = tops.get(row[category], _NO_CATEGORY)
            if kind is not None:
                row[kind] = types.get(row[kind], row[kind])
            if department is not None:
                row[department] = departments.get(row[department], _NO_DEPARTMENT)
            named.append(make(row))
        return named

    def received_groups(self, first: datetime, end: datetime) -> list[ReceivedGroup]:
        """(channel, type, top category, department, cases) of the cases received."""
        return self._names(self._all(
            "SELECT channel, type_code, category_id, department_id, count(*) FROM complaints"
            " WHERE received_at >= ? AND received_at < ? GROUP BY 1, 2, 3, 4",
            *self._span(first, end)), ReceivedGroup._make, category=2, kind=1, department=3)

    def finished_groups(self, first: datetime, end: datetime) -> list[FinishedGroup]:
        """(top category, department, day received, day finished, cases, on time) of the
        cases finished in [first, end)."""
        return self._names(self._all(
            "SELECT category_id, department_id, substr(received_at, 1, 10), substr(done_at, 1, 10),"
            f" count(*), sum({on_time_sql()}) {_FINISHED} GROUP BY 1, 2, 3, 4",
            *self._span(first, end)), FinishedGroup._make, category=0, department=1)

    def repeats(self, first: datetime, end: datetime, days: int = 30) -> int:
        """Cases received in the period whose applicant filed the same category in the
        `days` before (a repeated 민원)."""
        return self._all(
            f"SELECT count(*) {_RECEIVED} AND c.citizen_id IS NOT NULL AND c.category_id IS NOT NULL"
            " AND EXISTS (SELECT 1 FROM complaints e WHERE e.citizen_id = c.citizen_id"
            "  AND e.received_at < c.received_at"
            "  AND e.received_at >= strftime('%Y-%m-%d %H:%M:%f', c.received_at, ?)"
            "  AND e.category_id = c.category_id AND e.id <> c.id)",
            *self._span(first, end), f"-{days} days")[0][0]

    def repeat_places(self, first: datetime, end: datetime, at_least: int = 3,
                      limit: int = 10) -> list[RepeatPlace]:
        """(road, category, cases) received in the period at the same place, `at_least` times."""
        return self._names(self._all(
            f"SELECT c.road, c.category_id, count(*) {_RECEIVED} AND c.road <> ''"
            " GROUP BY c.road, c.category_id HAVING count(*) >= ? ORDER BY count(*) DESC LIMIT ?",
            *self._span(first, end), at_least, limit), RepeatPlace._make, category=1)

    def overdue_list(self, moment: datetime, limit: int = 40) -> list[OverdueCase]:
        """The cases overdue at `moment`, the longest overdue first, with what a list needs
        (the applicant's name is masked by the service)."""
        at, due = sql_datetime(moment), due_minute_over(moment)
        return [OverdueCase(*r) for r in self._all(
            "SELECT c.receipt_no, c.title, coalesce(ci.name, ''), coalesce(d.name, ''), c.due_at,"
            " c.received_at FROM complaints c LEFT JOIN citizens ci ON ci.id = c.citizen_id"
            " LEFT JOIN departments d ON d.id = c.department_id"
            " WHERE c.id IN (SELECT id FROM (SELECT id, due_at FROM complaints"
            "  WHERE open = 1 AND done_at IS NULL AND due_at < ? AND received_at < ? ORDER BY due_at LIMIT ?)"
            # the finished-later part on the done_at index: "+due_at" keeps SQLite from walking
            # the due-date index over every case ever due just to save a small sort
            "  UNION ALL SELECT id FROM (SELECT id, due_at FROM complaints"
            "  WHERE done_at >= ? AND due_at < ? AND received_at < ? ORDER BY +due_at LIMIT ?))"
            " ORDER BY c.due_at LIMIT ?", due, at, limit, at, due, at, limit, limit)]

    # --- satisfaction over every survey -------------------------------------------------
    def overall_by_month(self, first_day: str, end_day: str, survey: str) -> list[MonthOverall]:
        """(YYYY-MM, answers, Σx, Σx², top two) of one survey's OVERALL, month by month, from
        the daily sums (the item keeps its scale across versions)."""
        return [MonthOverall(*r) for r in self._all(
            "SELECT substr(d.day, 1, 7), sum(d.n), sum(d.total), sum(d.total_sq), sum(d.top5)"
            " FROM surveys s JOIN survey_versions v ON v.survey_id = s.id"
            " JOIN survey_item_days d ON d.version_id = v.id"
            " WHERE s.code = ? AND d.item = 'OVERALL' AND d.day >= ? AND d.day < ?"
            " GROUP BY 1 ORDER BY 1", survey, first_day, end_day)]

    def surveys_answered(self, first_day: str, end_day: str) -> list[str]:
        """The codes of the surveys with responses in the period, most answered first."""
        return [r[0] for r in self._all(
            "SELECT s.code FROM surveys s JOIN survey_versions v ON v.survey_id = s.id"
            " JOIN survey_response_days d ON d.version_id = v.id WHERE d.day >= ? AND d.day < ?"
            " GROUP BY s.id HAVING sum(d.n) > 0 ORDER BY sum(d.n) DESC, s.code", first_day, end_day)]
