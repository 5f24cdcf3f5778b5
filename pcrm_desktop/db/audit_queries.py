"""Read side of the access log for its review (uow.audit_read): the list paged by key, newest
first, each filter on an index; counts per account and action for a month; and the entries the
review's rules look at (domain/access_review.py decides; this only narrows them down in SQL).

Built for 10,000,000 entries. Which index serves which list (named, so the planner, which has
no statistics here, cannot walk a worse one):

- period only → ix_audit_log_at, walked backwards from the period's end;
- account → ix_audit_log_actor_at; resident → ix_audit_log_subject (a few rows, then sorted);
- flagged only → the flagged ids, looked up by rowid;
- kind → ix_audit_log_action_at (action, at): one walk per action of the kind, each stopping
  after a page.

The page order is (at, id) descending and the keyset condition is written as
`at <= :at AND (at < :at OR id < :id)`, a plain range on the index's first column.

On a PostgreSQL server the same SQL runs without the index names (dialect.indexed_by: its
planner has statistics) and with the server's own pieces for id lists and whole seconds.
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Connection, text

from pcrm_desktop.db import dialect
from pcrm_desktop.domain.access_review import Entry
from pcrm_desktop.domain.audit import LogQuery

ACTION_INDEX = "ix_audit_log_action_at"
_COLUMNS = "id, at, actor, workstation, action, target, subject_id, reason"


@dataclass(frozen=True)
class LogEntry:
    id: int
    at: datetime
    actor: str
    workstation: str
    action: str
    target: str
    subject_id: int | None
    reason: str
    position: tuple = field(default=(), compare=False)  # keyset: (at text, id)


def _text(value: datetime) -> str:
    """The time as the log stores it (domain.audit.TIME_FORMAT; isoformat is the same text)."""
    return value.isoformat(" ", "microseconds")


def _moment(value: datetime | str) -> datetime:
    """A stored time as a datetime (SQLite gives its text, a server a timestamp)."""
    return value if isinstance(value, datetime) else datetime.fromisoformat(value)


def _entry(row) -> LogEntry:
    at = row[1]   # kept as read for the keyset: the same value compares the same way
    return LogEntry(row[0], _moment(at), row[2], row[3], row[4], row[5] or "",
                    row[6], row[7] or "", (at, row[0]))


def _marks(prefix: str, values: Sequence, params: dict) -> str:
    names = []
    for n, value in enumerate(values):
        params[f"{prefix}{n}"] = value
        names.append(f":{prefix}{n}")
    return ", ".join(names)


class AuditRead:
    def __init__(self, connection: Connection) -> None:
        self.c = connection

    @property
    def sql(self) -> dialect.Sql:
        return dialect.of(self.c)

    def _rows(self, sql: str, params: dict):
        return self.c.execute(text(sql), params)

    # --- the list ---------------------------------------------------------------------------
    def page(self, q: LogQuery, after: tuple | None = None, limit: int = 100) -> list[LogEntry]:
        sql, params = self.page_sql(q, after, limit)
        if sql is None:
            return []
        return [_entry(r) for r in self._rows(sql, params)]

    def page_sql(self, q: LogQuery, after: tuple | None, limit: int) -> tuple[str | None, dict]:
        """The SQL text and parameters of one page (None: the filter matches nothing)."""
        if (q.ids is not None and not q.ids) or (q.subjects is not None and not q.subjects):
            return None, {}
        params: dict = {"limit": limit}
        where: list[str] = []
        if q.start is not None:
            where.append("at >= :start")
            params["start"] = _text(q.start)
        if q.end is not None:
            where.append("at < :end")
            params["end"] = _text(q.end)
        if after is not None:
            where.append("at <= :kat AND (at < :kat OR id < :kid)")
            params["kat"], params["kid"] = after
        if q.actor:
            where.append("actor = :actor")
            params["actor"] = q.actor
        if q.subjects is not None:
            where.append(f"subject_id IN ({_marks('s', q.subjects, params)})")
        indexed = self.sql.indexed_by
        if q.ids is not None:
            where.append(self.sql.id_list("id", ":ids"))
            params["ids"] = json.dumps(sorted(q.ids))
            source = indexed("audit_log", None)        # rowid lookups of the flagged entries
        elif q.subjects is not None:
            source = indexed("audit_log", "ix_audit_log_subject")
        elif q.actor:
            source = indexed("audit_log", "ix_audit_log_actor_at")
        elif q.actions:
            return self._per_action(q.actions, where, params), params
        else:
            source = indexed("audit_log", "ix_audit_log_at")
        if q.actions:  # with an account or residents: their index, filtered by action
            where.append(f"action IN ({_marks('a', q.actions, params)})")
        return (f"SELECT {_COLUMNS} FROM {source}" + (" WHERE " + " AND ".join(where) if where else "")
                + " ORDER BY at DESC, id DESC LIMIT :limit"), params

    def _per_action(self, actions: Sequence[str], where: list[str], params: dict) -> str:
        """A page of several actions: one page of each from the (action, at) index, merged."""
        branches = []
        source = self.sql.indexed_by("audit_log", ACTION_INDEX)
        for n, action in enumerate(actions):
            params[f"a{n}"] = action
            condition = " AND ".join([f"action = :a{n}", *where])
            branches.append(f"SELECT * FROM (SELECT {_COLUMNS} FROM {source}"
                            f" WHERE {condition} ORDER BY at DESC, id DESC LIMIT :limit) AS p{n}")
        return " UNION ALL ".join(branches) + " ORDER BY at DESC, id DESC LIMIT :limit"

    def subject_names(self, ids: Iterable[int]) -> dict[int, str]:
        """Residents' names by id (a destroyed or merged-away record has none)."""
        wanted = sorted(set(ids))
        names: dict[int, str] = {}
        for start in range(0, len(wanted), 500):
            params: dict = {}
            marks = _marks("c", wanted[start:start + 500], params)
            names.update(self._rows(
                f"SELECT id, name FROM citizens WHERE id IN ({marks})", params).fetchall())
        return names

    def actors(self) -> list[str]:
        """Every login in the log, read off the (actor, at) index by skipping from one login to
        the next (a few dozen probes, not a scan)."""
        rows = self._rows(
            "WITH RECURSIVE a(login) AS ("
            " SELECT (SELECT MIN(actor) FROM audit_log)"
            " UNION ALL SELECT (SELECT MIN(actor) FROM audit_log WHERE actor > a.login)"
            " FROM a WHERE a.login IS NOT NULL)"
            " SELECT login FROM a WHERE login IS NOT NULL", {})
        return [r[0] for r in rows]

    def entries(self, ids: Iterable[int]) -> list[LogEntry]:
        """These entries, oldest first."""
        wanted = sorted(set(ids))
        if not wanted:
            return []
        rows = self._rows(
            f"SELECT {_COLUMNS} FROM audit_log WHERE {self.sql.id_list('id', ':ids')}"
            " ORDER BY at, id", {"ids": json.dumps(wanted)})
        return [_entry(r) for r in rows]

    # --- the month --------------------------------------------------------------------------
    def counts(self, start: datetime, end: datetime) -> list[tuple[str, str, int]]:
        """(actor, action, entries) in [start, end)."""
        return [tuple(r) for r in self._rows(
            f"SELECT actor, action, COUNT(*) FROM {self.sql.indexed_by('audit_log', 'ix_audit_log_at')}"
            " WHERE at >= :start AND at < :end GROUP BY actor, action",
            {"start": _text(start), "end": _text(end)})]

    def of_actions(self, start: datetime, end: datetime, actions: Sequence[str]) -> list[LogEntry]:
        """Every entry of these actions in [start, end), oldest first (exports, prints, reveals,
        failed sign-ins: a few hundred a month)."""
        params: dict = {"start": _text(start), "end": _text(end)}
        marks = _marks("a", actions, params)
        rows = self._rows(
            f"SELECT {_COLUMNS} FROM audit_log WHERE at >= :start AND at < :end"
            f" AND action IN ({marks}) ORDER BY at, id", params)
        return [_entry(r) for r in rows]

    def burst_candidates(self, start: datetime, end: datetime, actions: Sequence[str],
                         window_seconds: int, least: int) -> list[Entry]:
        """The views of residents in [start, end) that could belong to a burst, as few as SQL
        can tell cheaply. A window of `least` different residents holds at least `least`
        views, so first the views that close a window (the `window_seconds` before them, on
        whole seconds) holding `least` views or more of the same account — a window function
        over the period's views, one sort; few come out. Then the views of that account in the
        window before each, through (actor, at). domain.access_review.find_bursts counts the
        residents exactly on what comes back: every window that qualifies is in it whole."""
        params: dict = {"start": _text(start), "end": _text(end)}
        return self._bursts(self._hot("audit_log", "at >= :start AND at < :end", params, actions,
                                      window_seconds, least), actions, window_seconds, start)

    def burst_candidates_near(self, spans: Iterable[tuple[str, datetime, datetime]],
                              actions: Sequence[str], window_seconds: int,
                              least: int) -> list[Entry]:
        """The same for a few stretches of single accounts' time (around a page's rows): each
        read through (actor, at), so a page whose rows lie months apart reads minutes."""
        found: list[Entry] = []
        for actor, start, end in spans:
            params: dict = {"actor": actor, "start": _text(start), "end": _text(end)}
            found += self._bursts(self._hot(
                self.sql.indexed_by("audit_log", "ix_audit_log_actor_at"),
                "actor = :actor AND at >= :start AND at < :end", params, actions, window_seconds,
                least), actions, window_seconds, start)
        return found

    def _hot(self, source: str, where: str, params: dict, actions: Sequence[str],
             window_seconds: int, least: int) -> list[tuple[str, datetime | str]]:
        """(actor, at) of the views closing a window of `least` views or more."""
        params = dict(params, least=least)
        marks = _marks("a", actions, params)
        return self._rows(
            "SELECT actor, at FROM ("
            " SELECT actor, at, COUNT(*) OVER (PARTITION BY actor ORDER BY t"
            f"  RANGE BETWEEN {int(window_seconds)} PRECEDING AND CURRENT ROW) AS n FROM ("
            f"  SELECT actor, at, {self.sql.epoch('at')} AS t"
            f"  FROM {source} WHERE {where} AND action IN ({marks}) AND subject_id IS NOT NULL)"
            " AS views) AS windows WHERE n >= :least ORDER BY actor, at", params).fetchall()

    def _bursts(self, hot: list[tuple[str, datetime | str]], actions: Sequence[str], window_seconds: int,
                start: datetime) -> list[Entry]:
        """The views in the window before each hot view, windows that overlap read once."""
        window = timedelta(seconds=window_seconds)
        spans: list[list] = []   # [actor, from, to]
        for actor, at in hot:
            moment = _moment(at)
            if spans and spans[-1][0] == actor and moment - window <= spans[-1][2]:
                spans[-1][2] = moment
            else:
                spans.append([actor, max(moment - window, start), moment])
        found: list[Entry] = []
        for actor, first, last in spans:
            params: dict = {"actor": actor, "first": _text(first), "last": _text(last)}
            marks = _marks("a", actions, params)
            found += [Entry(r[0], _moment(r[1]), actor, r[2], r[3])
                      for r in self._rows(
                          "SELECT id, at, action, subject_id FROM "
                          f"{self.sql.indexed_by('audit_log', 'ix_audit_log_actor_at')}"
                          " WHERE actor = :actor AND at >= :first"
                          f" AND at <= :last AND action IN ({marks})"
                          " AND subject_id IS NOT NULL ORDER BY at, id", params)]
        return found
