"""Read side for 민원: queues paged by key and sorted in SQL (1,000,000 cases), counts per queue,
a case with its history, earlier cases of the same matter, the register."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from sqlalchemy import Connection, DateTime, text

from pcrm_desktop.db import dialect
from pcrm_desktop.db.citizen_repo import as_datetime, sql_datetime
from pcrm_desktop.domain.complaint_queues import QUEUES, QueueFilter, QueueRow
from pcrm_desktop.domain.complaints import OPEN, PastCase, Status

# sort name → (column, descending); every one is the head of an index with id after it
SORTS = {"due": ("c.due_at", False), "received": ("c.received_at", True),
         "receipt": ("c.receipt_no", True)}
RECEIPT_QUERY = re.compile(r"\d{4}-\d*")
OPEN_CASE = "c.open = TRUE"  # `open` is a boolean on a server (`= 1` there is an error)


def _text_of(value) -> str:
    """A stored datetime as the text SQLite holds (values read back may be either form)."""
    return sql_datetime(value) if isinstance(value, datetime) else str(value)


def queue_condition(f: QueueFilter, now: datetime,
                    category_children: dict[int, list[int]] | None = None,
                    sql: dialect.Sql = dialect.SQLITE) -> tuple[list[str], dict]:
    """WHERE parts and parameters of a queue. `category_children`: parent id → child ids (the
    tree is small; listing the ids lets SQLite use its indexes, a sub-select would not)."""
    category_children = category_children or {}
    today = datetime.combine(now.date(), datetime.min.time())
    where, params = [], {}
    queue = {
        "mine": ["c.assignee_id = :staff", OPEN_CASE],
        "team": ["c.department_id = :team", OPEN_CASE],
        "unassigned": ["c.assignee_id IS NULL", OPEN_CASE],
        "due_today": [OPEN_CASE, "c.due_at >= :today", "c.due_at < :tomorrow"],
        "d3": [OPEN_CASE, "c.due_at >= :today", "c.due_at < :day4"],
        "overdue": [OPEN_CASE, "c.due_at < :now"],
        "open": [OPEN_CASE],
        "all": [],
    }[f.queue]
    where += queue
    # overdue once the due minute is over (domain/deadlines.past_due): now cut to its minute
    params.update(staff=f.staff_id, team=f.department_id,
                  now=sql_datetime(now.replace(second=0, microsecond=0)),
                  today=sql_datetime(today), tomorrow=sql_datetime(today + timedelta(days=1)),
                  day4=sql_datetime(today + timedelta(days=4)))
    if f.department_id is not None and f.queue != "team":
        where.append("c.department_id = :team")
    if f.type_code:
        where.append("c.type_code = :type")
        params["type"] = f.type_code
    if f.category_id is not None:  # a top-level category includes its children
        ids = [f.category_id] + list(category_children.get(f.category_id, ()))
        # "+": walk the list's own index and keep the category's rows (a category holds up
        # to a tenth of all cases: sorting all of them first took a second at 1,000,000)
        where.append(f"{sql.unindexed('c.category_id')} IN"
                     f" ({', '.join(f':cat{n}' for n in range(len(ids)))})")
        params.update({f"cat{n}": i for n, i in enumerate(ids)})
    if f.status:
        where.append("c.status = :status")
        params["status"] = f.status
        if f.status in {s.value for s in OPEN} and OPEN_CASE not in where:
            where.append(OPEN_CASE)  # the same rows, found through the open-case indexes
    if f.received_from is not None:
        where.append("c.received_at >= :rfrom")
        params["rfrom"] = sql_datetime(datetime.combine(f.received_from, datetime.min.time()))
    if f.received_to is not None:
        where.append("c.received_at < :rto")
        params["rto"] = sql_datetime(datetime.combine(f.received_to + timedelta(days=1),
                                                      datetime.min.time()))
    if f.done_on is not None:
        where.append("c.done_at >= :dfrom AND c.done_at < :dto")
        params["dfrom"] = sql_datetime(datetime.combine(f.done_on, datetime.min.time()))
        params["dto"] = sql_datetime(datetime.combine(f.done_on + timedelta(days=1), datetime.min.time()))
    words = f.text.replace("\x00", "").strip()  # NUL ends an FTS5 query; a server refuses it
    if words and RECEIPT_QUERY.fullmatch(words):
        where.append("c.receipt_no >= :rno AND c.receipt_no < :rno || '~'")
        params["rno"] = words
    elif len(words) >= 3:  # trigram index over titles (FTS5 on SQLite, pg_trgm on a server)
        where.append(sql.in_text_index("c.id", "complaint_fts", "c.title", ":fts"))
        params["fts"] = sql.contains_value(words)
    elif words:  # one or two characters: checked row by row in the list's order
        where.append(sql.like_nocase("c.title", ":title"))
        # no wildcards and no backslash (a server's LIKE escapes with it, SQLite's does not)
        params["title"] = "%" + words.replace("%", "").replace("_", "").replace("\\", "") + "%"
    return where, params


def queue_sql(conn: Connection, f: QueueFilter, now: datetime, after: tuple | None = None,
              limit: int = 100, sort: str = "due") -> tuple[str, dict]:
    """The SQL text and named parameters of one page (also run raw by the benchmark)."""
    column, descending = SORTS[sort]
    where, params = queue_condition(f, now, children_of(conn) if f.category_id is not None else None,
                                    dialect.of(conn))
    if after is not None:
        where.append(f"({column}, c.id) {'<' if descending else '>'} (:k, :i)")
        params["k"], params["i"] = after
    order = "DESC" if descending else "ASC"
    params["limit"] = limit
    # With a period filter the received-date index finds the few rows of the period; walking
    # another sort's index instead would read the whole table first ("+" keeps SQLite off it).
    narrowed = f.received_from is not None or f.received_to is not None or f.done_on is not None
    order_by = (column if sort == "received" and f.done_on is None or not narrowed
                else dialect.of(conn).unindexed(column))
    sql = ("SELECT c.id, c.receipt_no, c.received_at, c.type_code, c.title, c.status, c.due_at,"
           f" c.priority, {column} AS sort_key,"
           " coalesce(ci.name, '') AS applicant, coalesce(s.name, '') AS assignee,"
           " coalesce(cat.name, '') AS category"
           " FROM complaints c"
           " LEFT JOIN citizens ci ON ci.id = c.citizen_id"
           " LEFT JOIN staff s ON s.id = c.assignee_id"
           " LEFT JOIN complaint_categories cat ON cat.id = c.category_id"
           + (" WHERE " + " AND ".join(where) if where else "")
           + f" ORDER BY {order_by} {order}, c.id {order} LIMIT :limit")
    return sql, params


def queue_page(conn: Connection, f: QueueFilter, now: datetime, after: tuple | None = None,
               limit: int = 100, sort: str = "due") -> list[QueueRow]:
    sql, params = queue_sql(conn, f, now, after, limit, sort)
    rows = conn.execute(text(sql), params).mappings()
    return [QueueRow(r["id"], r["receipt_no"], as_datetime(r["received_at"]), r["type_code"],
                     r["category"], r["title"], r["applicant"], r["assignee"], r["status"],
                     as_datetime(r["due_at"]), r["priority"], (r["sort_key"], r["id"])) for r in rows]


def children_of(conn: Connection) -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for child, parent in conn.execute(text(
            "SELECT id, parent_id FROM complaint_categories WHERE parent_id IS NOT NULL")).all():
        children.setdefault(parent, []).append(child)
    return children


def queue_counts(conn: Connection, staff_id: int | None, department_id: int | None,
                 now: datetime) -> dict[str, int]:
    """How many cases each tab holds (one indexed count each)."""
    return {queue: queue_count(conn, queue, staff_id, department_id, now) for queue in QUEUES}


def queue_count(conn: Connection, queue: str, staff_id: int | None, department_id: int | None,
                now: datetime) -> int:
    where, params = queue_condition(
        QueueFilter(queue, staff_id, department_id if queue == "team" else None), now,
        sql=dialect.of(conn))
    return conn.execute(text(
        "SELECT count(*) FROM complaints c" + (" WHERE " + " AND ".join(where) if where else "")),
        params).scalar_one()


def today_figures(conn: Connection, staff_id: int | None, now: datetime) -> dict[str, int]:
    """For the status bar and the 민원 badge: received and finished today, overdue, and the
    acting clerk's open cases due within three days (overdue included)."""
    today = datetime.combine(now.date(), datetime.min.time())
    params = {"today": sql_datetime(today), "tomorrow": sql_datetime(today + timedelta(days=1)),
              "day4": sql_datetime(today + timedelta(days=4)),
              "now": sql_datetime(now.replace(second=0, microsecond=0)),
              "staff": staff_id}

    def count(where: str) -> int:
        return conn.execute(text(f"SELECT count(*) FROM complaints c WHERE {where}"), params).scalar_one()
    return {
        "received": count("c.received_at >= :today AND c.received_at < :tomorrow"),
        "done": count("c.done_at >= :today AND c.done_at < :tomorrow"),
        "overdue": count(f"{OPEN_CASE} AND c.due_at < :now"),
        "mine_soon": count(f"c.assignee_id = :staff AND {OPEN_CASE} AND c.due_at < :day4"),
    }


def case_detail(conn: Connection, complaint_id: int) -> dict | None:
    row = conn.execute(text(
        "SELECT c.*, coalesce(ci.name, '') AS applicant, ci.birth_year AS applicant_birth_year,"
        " coalesce(s.name, '') AS assignee, coalesce(d.name, '') AS department,"
        " coalesce(cat.name, '') AS category, coalesce(par.name, '') AS parent_category,"
        " coalesce(ty.name, c.type_code) AS type_name"
        " FROM complaints c"
        " LEFT JOIN citizens ci ON ci.id = c.citizen_id"
        " LEFT JOIN staff s ON s.id = c.assignee_id"
        " LEFT JOIN departments d ON d.id = c.department_id"
        " LEFT JOIN complaint_categories cat ON cat.id = c.category_id"
        " LEFT JOIN complaint_categories par ON par.id = cat.parent_id"
        " LEFT JOIN complaint_types ty ON ty.code = c.type_code"
        " WHERE c.id = :id"), {"id": complaint_id}).mappings().first()
    if row is None:
        return None
    return {**row, **{k: as_datetime(row[k]) for k in ("received_at", "due_at", "done_at", "updated_at")}}


def case_events(conn: Connection, complaint_id: int) -> list[dict]:
    return [{**r, "at": as_datetime(r["at"])} for r in conn.execute(text(
        "SELECT e.at, coalesce(s.name, e.actor) AS actor, e.staff_id, e.kind, e.from_status,"
        " e.to_status, e.note FROM complaint_events e LEFT JOIN staff s ON s.id = e.staff_id"
        " WHERE e.complaint_id = :id ORDER BY e.at, e.id"), {"id": complaint_id}).mappings()]


def linked_cases(conn: Connection, complaint_id: int) -> list[dict]:
    """The cases linked with one, oldest first; received_at a datetime on both backends."""
    return [dict(r) for r in conn.execute(text(
        "SELECT c.id, c.receipt_no, c.received_at, c.title, c.status FROM complaint_links l"
        " JOIN complaints c ON c.id = CASE WHEN l.first_id = :id THEN l.second_id ELSE l.first_id END"
        " WHERE l.first_id = :id OR l.second_id = :id ORDER BY c.received_at, c.id"
    ).columns(received_at=DateTime), {"id": complaint_id}).mappings()]


def earlier_cases(conn: Connection, citizen_id: int | None, category_id: int | None,
                  road: str = "", exclude_id: int | None = None, limit: int = 20,
                  before: tuple | None = None) -> list[PastCase]:
    """Earlier 민원 that may be the same matter: the same applicant and category, or (no
    applicant) the same place and category. Newest first."""
    if category_id is None or (citizen_id is None and not road):
        return []
    who = "c.citizen_id = :who" if citizen_id is not None else "c.road = :road"
    rows = conn.execute(text(
        "SELECT c.id, c.receipt_no, c.received_at, c.title, c.status,"
        " (c.status IN ('done', 'closed') AND c.answer <> '') AS answered FROM complaints c"
        # (NULL `exclude`: no row left out; `IS NOT` takes only NULL on a server)
        f" WHERE {who} AND c.category_id = :cat AND coalesce(c.id <> :exclude, TRUE)"
        + (" AND (c.received_at, c.id) < (:b_at, :b_id)" if before else "") +
        # "+": find the few rows of this person or place first, then sort them (walking the
        # category in date order would read thousands)
        f" ORDER BY {dialect.of(conn).unindexed('c.received_at')} DESC, c.id DESC LIMIT :limit"),
        {"who": citizen_id, "road": road, "cat": category_id, "exclude": exclude_id,
         "limit": limit, "b_at": _text_of(before[0]) if before else None,
         "b_id": before[1] if before else None}).mappings()
    return [PastCase(r["id"], r["receipt_no"], as_datetime(r["received_at"]), r["title"],
                     Status(r["status"]), bool(r["answered"])) for r in rows]


def register_rows(conn: Connection, first: date, last: date):
    """민원처리부: every case received from `first` to `last` (inclusive), by 접수번호."""
    return conn.execute(text(
        "SELECT c.receipt_no, c.received_at, coalesce(ci.name, '') AS applicant, c.title,"
        " coalesce(d.name, '') AS department, c.due_at, c.done_at, c.result, c.status,"
        " coalesce(ty.name, c.type_code) AS type_name, c.channel"
        " FROM complaints c LEFT JOIN citizens ci ON ci.id = c.citizen_id"
        " LEFT JOIN departments d ON d.id = c.department_id"
        " LEFT JOIN complaint_types ty ON ty.code = c.type_code"
        " WHERE c.received_at >= :a AND c.received_at < :b ORDER BY c.receipt_no"
    ).columns(received_at=DateTime, due_at=DateTime, done_at=DateTime),  # datetimes on both
        {"a": sql_datetime(datetime.combine(first, datetime.min.time())),
         "b": sql_datetime(datetime.combine(last + timedelta(days=1), datetime.min.time()))}
    ).mappings()


def categories(conn: Connection) -> list[dict]:
    return [dict(r) for r in conn.execute(text(
        "SELECT c.id, c.parent_id, c.name, c.period_days, c.period_unit,"
        " coalesce(p.name, '') AS parent"
        " FROM complaint_categories c LEFT JOIN complaint_categories p ON p.id = c.parent_id"
        " WHERE c.active AND (p.id IS NULL OR p.active)"
        " ORDER BY coalesce(p.position, c.position), c.parent_id IS NOT NULL,"
        " c.position, c.id")).mappings()]


class ComplaintRead:
    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def page(self, f: QueueFilter, now: datetime, after: tuple | None = None, limit: int = 100,
             sort: str = "due") -> list[QueueRow]:
        return queue_page(self.c, f, now, after, limit, sort)

    def counts(self, staff_id: int | None, department_id: int | None, now: datetime) -> dict:
        return queue_counts(self.c, staff_id, department_id, now)

    def count(self, queue: str, staff_id: int | None, now: datetime) -> int:
        return queue_count(self.c, queue, staff_id, None, now)

    def today(self, staff_id: int | None, now: datetime) -> dict[str, int]:
        return today_figures(self.c, staff_id, now)

    def detail(self, complaint_id: int) -> dict | None:
        return case_detail(self.c, complaint_id)

    def events(self, complaint_id: int) -> list[dict]:
        return case_events(self.c, complaint_id)

    def links(self, complaint_id: int) -> list[dict]:
        return linked_cases(self.c, complaint_id)

    def earlier(self, citizen_id, category_id, road="", exclude_id=None,
                before: tuple | None = None) -> list[PastCase]:
        return earlier_cases(self.c, citizen_id, category_id, road, exclude_id, before=before)

    def register(self, first: date, last: date):
        return register_rows(self.c, first, last)

    def categories(self) -> list[dict]:
        return categories(self.c)
