"""What the monthly report reads: counts and sums of a month's 민원 and answers, grouped in
SQL on indexes (a month of 80,000 cases in a database of 1,000,000), returned as plain rows.
Date-times are bound as the stored text (sql_datetime), as everywhere in the database; what
differs between SQLite and a server comes from db/dialect.py, and every figure is returned as
the same Python value on both (counts int, sums float, times datetime).

On time and overdue are judged at minute resolution, as the 민원처리부 prints the times
(domain.deadlines.finished_on_time / past_due): a case finished at 15:53:36 and due at
15:53:00 was finished in its due minute. In SQL the two times cut to their minute
(dialect.minute) are compared, over columns the covering indexes already hold."""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import NamedTuple, TypeVar

from sqlalchemy import Connection, text

from pcrm_desktop.db import dialect
from pcrm_desktop.db.citizen_repo import as_datetime, sql_datetime


def on_time_sql(sql: dialect.Sql, alias: str = "") -> str:
    """Finished by the due time, to the minute (both times cut to their minute)."""
    return f"{sql.minute(alias + 'done_at')} <= {sql.minute(alias + 'due_at')}"


def due_minute_over(moment: datetime) -> str:
    """The bound for "due_at < ?" that makes it "the due minute is over at `moment`": the
    moment cut to its minute (a case due 15:53 is not overdue at 15:53:36)."""
    return sql_datetime(moment.replace(second=0, microsecond=0))


# The cases finished in a period are read on ix_complaints_done_report alone.
_FINISHED = "FROM complaints WHERE done_at >= :first AND done_at < :end"
_RECEIVED = "FROM complaints c WHERE c.received_at >= :first AND c.received_at < :end"
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
    due_at: datetime
    received_at: datetime


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

    @property
    def sql(self) -> dialect.Sql:
        return dialect.of(self.c)

    def _all(self, sql: str, **params):
        return self.c.execute(text(sql), params).all()

    @staticmethod
    def _span(first: datetime, end: datetime) -> dict[str, str]:
        return {"first": sql_datetime(first), "end": sql_datetime(end)}

    # --- the headline --------------------------------------------------------------------
    def received(self, first: datetime, end: datetime) -> int:
        return int(self._all(f"SELECT count(*) {_RECEIVED}", **self._span(first, end))[0][0])

    def finished(self, first: datetime, end: datetime) -> tuple[int, int]:
        """(cases finished in [first, end), of them finished by their due time)."""
        row = self._all(f"SELECT count(*), {self.sql.count_true(on_time_sql(self.sql))}"
                        f" {_FINISHED}", **self._span(first, end))[0]
        return int(row[0]), int(row[1])

    def finished_days(self, first: datetime, end: datetime) -> list[DayPair]:
        """(day received, day finished, cases) of the cases finished in [first, end): the
        working days between them are counted with the holiday calendar, not in SQL."""
        sql = self.sql
        return [DayPair(received, finished, int(n)) for received, finished, n in self._all(
            f"SELECT {sql.day('received_at')}, {sql.day('done_at')}, count(*)"
            f" {_FINISHED} GROUP BY 1, 2 ORDER BY 1, 2", **self._span(first, end))]

    def overdue_at(self, moment: datetime) -> int:
        """Cases open at `moment` whose due time had passed: still open now, or finished only
        later (both read on their indexes); the due minute must be over."""
        return int(self._all(
            "SELECT (SELECT count(*) FROM complaints WHERE open = TRUE AND done_at IS NULL"
            "  AND due_at < :due AND received_at < :at)"
            " + (SELECT count(*) FROM complaints WHERE done_at >= :at AND due_at < :due"
            "  AND received_at < :at)",
            at=sql_datetime(moment), due=due_minute_over(moment))[0][0])

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
        departments = dict(self._all("SELECT id, name FROM departments")) \
            if department is not None else {}
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
            " WHERE received_at >= :first AND received_at < :end GROUP BY 1, 2, 3, 4",
            **self._span(first, end)), _counted(ReceivedGroup, 4), category=2, kind=1,
            department=3)

    def finished_groups(self, first: datetime, end: datetime) -> list[FinishedGroup]:
        """(top category, department, day received, day finished, cases, on time) of the
        cases finished in [first, end)."""
        sql = self.sql
        return self._names(self._all(
            f"SELECT category_id, department_id, {sql.day('received_at')}, {sql.day('done_at')},"
            f" count(*), {sql.count_true(on_time_sql(sql))} {_FINISHED} GROUP BY 1, 2, 3, 4",
            **self._span(first, end)), _counted(FinishedGroup, 4, 5), category=0, department=1)

    def repeats(self, first: datetime, end: datetime, days: int = 30) -> int:
        """Cases received in the period whose applicant filed the same category in the
        `days` before (a repeated 민원)."""
        since = self.sql.plus_interval("c.received_at", ":back")
        return int(self._all(
            f"SELECT count(*) {_RECEIVED} AND c.citizen_id IS NOT NULL AND c.category_id IS NOT NULL"
            " AND EXISTS (SELECT 1 FROM complaints e WHERE e.citizen_id = c.citizen_id"
            f"  AND e.received_at < c.received_at AND e.received_at >= {since}"
            "  AND e.category_id = c.category_id AND e.id <> c.id)",
            **self._span(first, end), back=f"-{days} days")[0][0])

    def repeat_places(self, first: datetime, end: datetime, at_least: int = 3,
                      limit: int = 10) -> list[RepeatPlace]:
        """(road, category, cases) received in the period at the same place, `at_least` times;
        the most first, ties by road and category id (one order on both backends)."""
        return self._names(self._all(
            f"SELECT c.road, c.category_id, count(*) {_RECEIVED} AND c.road <> ''"
            " GROUP BY c.road, c.category_id HAVING count(*) >= :at_least"
            " ORDER BY count(*) DESC, c.road, c.category_id LIMIT :limit",
            **self._span(first, end), at_least=at_least, limit=limit),
            _counted(RepeatPlace, 2), category=1)

    def overdue_list(self, moment: datetime, limit: int = 40) -> list[OverdueCase]:
        """The cases overdue at `moment`, the longest overdue first, with what a list needs
        (the applicant's name is masked by the service); ties in id order."""
        return [OverdueCase(*r[:4], as_datetime(r[4]), as_datetime(r[5])) for r in self._all(
            "SELECT c.receipt_no, c.title, coalesce(ci.name, ''), coalesce(d.name, ''), c.due_at,"
            " c.received_at FROM complaints c LEFT JOIN citizens ci ON ci.id = c.citizen_id"
            " LEFT JOIN departments d ON d.id = c.department_id"
            " WHERE c.id IN (SELECT id FROM (SELECT id, due_at FROM complaints"
            "  WHERE open = TRUE AND done_at IS NULL AND due_at < :due AND received_at < :at"
            "  ORDER BY due_at, id LIMIT :limit) AS still_open"
            # the finished-later part on the done_at index: "+due_at" keeps SQLite from walking
            # the due-date index over every case ever due just to save a small sort
            "  UNION ALL SELECT id FROM (SELECT id, due_at FROM complaints"
            "  WHERE done_at >= :at AND due_at < :due AND received_at < :at"
            f"  ORDER BY {self.sql.unindexed('due_at')}, id LIMIT :limit) AS finished_later)"
            " ORDER BY c.due_at, c.id LIMIT :limit",
            at=sql_datetime(moment), due=due_minute_over(moment), limit=limit)]

    # --- satisfaction over every survey -------------------------------------------------
    def overall_by_month(self, first_day: str, end_day: str, survey: str) -> list[MonthOverall]:
        """(YYYY-MM, answers, Σx, Σx², top two) of one survey's OVERALL, month by month, from
        the daily sums (the item keeps its scale across versions)."""
        return [MonthOverall(month, int(n), float(total), float(total_sq), int(top))
                for month, n, total, total_sq, top in self._all(
            # days are "YYYY-MM-DD" text on both backends: their month is a substring
            "SELECT substr(d.day, 1, 7), sum(d.n), sum(d.total), sum(d.total_sq), sum(d.top5)"
            " FROM surveys s JOIN survey_versions v ON v.survey_id = s.id"
            " JOIN survey_item_days d ON d.version_id = v.id"
            " WHERE s.code = :survey AND d.item = 'OVERALL' AND d.day >= :first AND d.day < :end"
            " GROUP BY 1 ORDER BY 1", survey=survey, first=first_day, end=end_day)]

    def surveys_answered(self, first_day: str, end_day: str) -> list[str]:
        """The codes of the surveys with responses in the period, most answered first."""
        return [r[0] for r in self._all(
            "SELECT s.code FROM surveys s JOIN survey_versions v ON v.survey_id = s.id"
            " JOIN survey_response_days d ON d.version_id = v.id"
            " WHERE d.day >= :first AND d.day < :end"
            " GROUP BY s.id, s.code HAVING sum(d.n) > 0 ORDER BY sum(d.n) DESC, s.code",
            first=first_day, end=end_day)]


def _counted(kind: Callable[..., _Row], *counts: int) -> Callable[[list], _Row]:
    """A maker of `kind` from a row whose fields at `counts` are counts: ints on both backends
    (a server's sum is a Decimal), None kept."""
    def make(row: list) -> _Row:
        for i in counts:
            row[i] = None if row[i] is None else int(row[i])
        return kind(*row)
    return make
