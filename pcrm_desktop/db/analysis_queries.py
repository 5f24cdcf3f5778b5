"""What the customer-group analysis and the importance–performance chart read (issue 7):
counts and sums grouped in SQL by ids, names looked up by the service. Date-times are
bound as the stored text (sql_datetime), as everywhere in the database; what differs between
SQLite and a server comes from db/dialect.py, and each figure is the same Python value on both
(counts int, sums float).

A breakdown (`by`) is one of
- "all": every case / every linked response, one row keyed '';
- "group": today's members of each active customer group (assigned: citizen_groups;
  derived and saved-search groups: the same membership rule the groups page counts with),
  joined on the applicant — a resident in two groups counts in both;
- "channel": the case's 접수 경로;
- "dong": the case's own dong_name (where the matter is, filled for anonymous cases too); a
  response linked to a resident only is counted in the resident's 동.
What is cheap (1,000,000 cases): received cases are read on ix_complaints_received_report
(channel and applicant inside it), finished cases on ix_complaints_done_report (due time,
receipt and applicant inside it); a finished case's channel and any case's 동 need the row.
On time is judged to the minute, as in the monthly report (report_queries.on_time_sql).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Connection, text

from pcrm_desktop.db import dialect
from pcrm_desktop.db.citizen_queries import group_rows, member_filter
from pcrm_desktop.db.citizen_repo import sql_datetime
from pcrm_desktop.db.report_queries import on_time_sql

BREAKDOWNS = ("all", "group", "channel", "dong")
# a temporary table: unqualified, SQLite finds it in its temp schema first, a server in pg_temp
_MEMBERS = "analysis_members"
_CASE_KEY = {"all": "''", "group": "m.gid", "channel": "c.channel", "dong": "c.dong_name"}
# a linked response: (its key, the joins after survey_links l)
_ANSWER = {
    "all": ("''", ""),
    "group": ("m.gid", (" LEFT JOIN complaints c ON c.id = l.complaint_id"
                        f" JOIN {_MEMBERS} m ON m.citizen_id = coalesce(l.citizen_id, c.citizen_id)")),
    "channel": ("c.channel", " JOIN complaints c ON c.id = l.complaint_id"),
    "dong": ("coalesce(c.dong_name, ci.dong_name)",
             (" LEFT JOIN complaints c ON c.id = l.complaint_id"
              " LEFT JOIN citizens ci ON ci.id = l.citizen_id")),
}


@dataclass(frozen=True)
class Scope:
    """A breakdown, possibly narrowed to one of its keys (`only`)."""
    by: str
    only: object = None

    @property
    def params(self) -> dict:
        return {"only": self.only} if self.only is not None and self.by != "group" else {}

    def where(self, key: str) -> str:
        return f" AND {key} = :only" if self.params else ""

    @property
    def join(self) -> str:
        """The members joined to the cases c (groups only)."""
        return f" JOIN {_MEMBERS} m ON m.citizen_id = c.citizen_id" if self.by == "group" else ""


class AnalysisRead:
    def __init__(self, connection: Connection) -> None:
        self.c = connection

    @property
    def sql(self) -> dialect.Sql:
        return dialect.of(self.c)

    def _all(self, sql: str, params: dict):
        return self.c.execute(text(sql), params).all()

    def groups(self) -> list[dict]:
        """The active customer groups (id, code, name, kind, …) in id order."""
        return [g for g in group_rows(self.c) if g["active"]]

    def scope(self, by: str, today: date, only: object = None) -> Scope:
        """The breakdown `by` (narrowed to the key `only`); for "group" the members are put
        in place first (on this connection)."""
        if by not in BREAKDOWNS:
            raise ValueError(by)
        if by == "group":
            self._fill_members(today, only)
        return Scope(by, only)

    def _fill_members(self, today: date, only: object) -> None:
        """Today's members of each active group (of group `only`) into a temporary table: the
        case, answer and resident queries all join on it by citizen_id, where a WITH would be
        built again, with an index of its own, in each (0.2–0.5 s apiece at 300,000 residents).
        It belongs to this read's transaction and goes with its rollback."""
        parts, params = [], {}
        for n, group in enumerate(g for g in self.groups() if only is None or g["id"] == only):
            params[f"g{n}"] = group["id"]
            if group["kind"] == "assigned":
                parts.append(f"SELECT citizen_id, :g{n} FROM citizen_groups WHERE group_id = :g{n}")
            else:  # derived (age) and saved-search groups: the groups page's own rule
                condition, found = member_filter(self.c, group, today, f"m{n}")
                parts.append(f"SELECT c.id, :g{n} FROM citizens c WHERE {condition}")
                params.update(found)
        self.c.execute(text(f"DROP TABLE IF EXISTS {_MEMBERS}"))
        self.c.execute(text(self.sql.temp_table(
            _MEMBERS, "citizen_id INTEGER NOT NULL, gid INTEGER NOT NULL,"
            " PRIMARY KEY (citizen_id, gid)")))
        if parts:
            # in key order: appended to the B-tree, not inserted at random (twice as fast)
            self.c.execute(text(f"INSERT INTO {_MEMBERS} SELECT * FROM ("
                                + " UNION ALL ".join(parts) + ") AS found ORDER BY 1, 2"), params)
            if self.sql.server:  # a server plans the joins on it with statistics
                self.c.execute(text(f"ANALYZE {_MEMBERS}"))

    @staticmethod
    def _span(scope: Scope, first: datetime, end: datetime) -> dict:
        return {**scope.params, "start": sql_datetime(first), "end": sql_datetime(end)}

    def received(self, scope: Scope, first: datetime, end: datetime) -> list[tuple]:
        """(key, cases received in [first, end))."""
        key = _CASE_KEY[scope.by]
        return [(k, int(n)) for k, n in self._all(
            f"SELECT {key}, count(*) FROM complaints c{scope.join}"
            f" WHERE c.received_at >= :start AND c.received_at < :end{scope.where(key)} GROUP BY 1",
            self._span(scope, first, end))]

    def finished(self, scope: Scope, first: datetime, end: datetime) -> list[tuple]:
        """(key, day received, day finished, cases, of them finished by their due time) of the
        cases finished in [first, end): the service counts the working days between the two
        days on the holiday calendar (a few thousand day pairs, not a row per case)."""
        key, sql = _CASE_KEY[scope.by], self.sql
        return [(k, received, done, int(n), int(on_time)) for k, received, done, n, on_time
                in self._all(
            f"SELECT {key}, {sql.day('c.received_at')}, {sql.day('c.done_at')},"
            f" count(*), {sql.count_true(on_time_sql(sql, 'c.'))}"
            f" FROM complaints c{scope.join}"
            f" WHERE c.done_at >= :start AND c.done_at < :end{scope.where(key)} GROUP BY 1, 2, 3",
            self._span(scope, first, end))]

    def overall(self, scope: Scope, first: datetime, end: datetime) -> list[tuple]:
        """(key, answers, Σx, Σx²) of OVERALL over every survey's linked responses submitted
        in [first, end). Read in this order (CROSS JOIN keeps it): the period's responses on
        (version, submitted_at), then their links and answers by key, not every answer ever."""
        key, joins = _ANSWER[scope.by]
        join = self.sql.ordered_join()
        return [(k, int(n), float(total), float(total_sq)) for k, n, total, total_sq in self._all(
            f"SELECT {key}, count(a.value_num), coalesce(sum(a.value_num), 0),"
            " coalesce(sum(a.value_num * a.value_num), 0) FROM survey_versions v"
            f" {join} survey_responses r ON r.version_id = v.id"
            " AND r.submitted_at >= :start AND r.submitted_at < :end"
            f" {join} survey_links l ON l.response_id = r.id"
            f" {join} survey_answers a ON a.response_id = r.id AND a.item = 'OVERALL'{joins}"
            f" WHERE TRUE{scope.where(key)} GROUP BY 1", self._span(scope, first, end))]

    def residents(self, scope: Scope) -> list[tuple]:
        """(key, residents): everyone, each group's members today, or per 동 (citizens.dong_name);
        nothing per channel. A resident without 민원 counts too."""
        if scope.by == "all":
            found = self._all("SELECT '', count(*) FROM citizens", {})
        elif scope.by == "group":
            found = self._all(f"SELECT gid, count(*) FROM {_MEMBERS} GROUP BY 1", {})
        elif scope.by == "dong":
            found = self._all("SELECT dong_name, count(*) FROM citizens c WHERE TRUE"
                              f"{scope.where('c.dong_name')} GROUP BY 1", scope.params)
        else:
            found = []
        return [(k, int(n)) for k, n in found]

    # --- importance–performance --------------------------------------------------------------
    def item_pairs(self, survey_id: int, first: datetime, end: datetime,
                   against: str = "OVERALL") -> list[tuple]:
        """(item, n, Σx, Σy, Σx², Σy², Σxy) of every item x with `against` y over the survey's
        responses in [first, end) answering both with a number (해당없음 and skips left out):
        survey_answers joined to itself on the response."""
        join = self.sql.ordered_join()
        return [(item, int(n), *(float(x) for x in sums)) for item, n, *sums in self._all(
            "SELECT a.item, count(*), sum(a.value_num), sum(o.value_num),"
            " sum(a.value_num * a.value_num), sum(o.value_num * o.value_num),"
            " sum(a.value_num * o.value_num)"
            f" FROM survey_versions v {join} survey_responses r ON r.version_id = v.id"
            " AND r.submitted_at >= :start AND r.submitted_at < :end"
            f" {join} survey_answers o ON o.response_id = r.id AND o.item = :against"
            f" {join} survey_answers a ON a.response_id = r.id AND a.item <> :against"
            " WHERE v.survey_id = :survey AND o.value_num IS NOT NULL AND a.value_num IS NOT NULL"
            " GROUP BY a.item",
            {"against": against, "survey": survey_id, "start": sql_datetime(first),
             "end": sql_datetime(end)})]
