"""Read side for residents: the searched, sorted, keyset-paged list, the timeline, group figures.

Search plan (all in SQL, every branch on an index):
- digits only: the last four digits (indexed), or any run of 3+ digits (FTS5 trigram);
- one character: a name-prefix range (a surname);
- two or more: the two-character index (names, 동, road names), intersected per piece and then
  confirmed with LIKE; when no piece is known, 3+ characters search the whole address text
  (FTS5 trigram: house numbers, building names, details).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import Connection, bindparam, text

from pcrm_desktop.db import dialect
from pcrm_desktop.db.citizen_repo import as_datetime, bigrams, name_key
from pcrm_desktop.domain.phone import digits_of
from pcrm_desktop.domain.text import nfc

if TYPE_CHECKING:
    from pcrm_desktop.domain.groups import SearchRuleData

PHONE_QUERY = re.compile(r"[\d\s\-+]+")
SORTS = {  # sort name → (ORDER BY, keyset comparison, key column)
    "name": ("c.name_key, c.id", "(c.name_key, c.id) > (:k, :i)", "name_key"),
    "recent": ("c.updated_at DESC, c.id DESC", "(c.updated_at, c.id) < (:k, :i)", "updated_at"),
}


@dataclass(frozen=True)
class CitizenRow:
    id: int
    name: str
    birth_year: int | None
    phone: str
    dong_name: str
    road: str
    sort_key: object  # the value of the sort column: the keyset position for the next page


@dataclass(frozen=True)
class TimelineItem:
    at: datetime
    source: str     # "interaction" (later also "complaint", "survey")
    channel: str
    kind: str
    summary: str
    staff: str


# Above this many rows for the rarest piece, scanning in sort order and probing each row
# beats collecting every candidate and sorting them: a page of 100 is found within a few
# thousand rows. Below it, collecting is cheaper (a rare name would make the scan walk the
# whole table).
SCAN_THRESHOLD = 2000
# Conditions that hold for no row and for every row (a server's WHERE takes no bare 0 or 1).
NOTHING, EVERYONE = "1 = 0", "1 = 1"


def _condition(conn: Connection, query: str) -> tuple[str, dict] | None:
    """SQL condition on `c` (citizens) for the query, with its parameters; None for no filter."""
    sql = dialect.of(conn)
    raw = nfc(query).replace("\x00", "")  # NUL ends an FTS5 query; a server refuses it in text
    if not raw:
        return None
    if PHONE_QUERY.fullmatch(raw):
        return _phone_condition(sql, digits_of(raw))
    key = name_key(raw)
    if len(key) == 1:
        return f"c.name_key >= :p AND c.name_key < :p || {sql.last_char()}", {"p": key}
    grams = sorted(bigrams(key))
    params = {f"g{n}": g for n, g in enumerate(grams)}
    # no wildcards and no backslash (a server's LIKE escapes with it, SQLite's does not)
    params["like"] = "%" + key.replace("%", "").replace("_", "").replace("\\", "") + "%"
    road = "replace(c.road, ' ', '')"
    confirm = (f"(c.name_key LIKE :like OR {sql.like_nocase('c.dong_name', ':like')}"
               f" OR {sql.like_nocase(road, ':like')})")
    rarest = min(conn.execute(text("SELECT count(*) FROM citizen_grams WHERE gram = :g"),
                              {"g": g}).scalar_one() for g in grams)
    if rarest > SCAN_THRESHOLD:
        probes = " AND ".join(f"EXISTS (SELECT 1 FROM citizen_grams g WHERE g.gram = :g{n}"
                              " AND g.citizen_id = c.id)" for n in range(len(grams)))
        condition = f"({probes} AND {confirm})"
    else:
        ids = " INTERSECT ".join(f"SELECT citizen_id FROM citizen_grams WHERE gram = :g{n}"
                                 for n in range(len(grams)))
        condition = f"(c.id IN ({ids}) AND {confirm})"
    if rarest == 0 and len(raw) >= 3:
        # Not a name, 동 or road name: an address fragment with numbers or details.
        params["fa"] = sql.contains_value(raw)
        condition = ("c.id IN (SELECT rowid FROM citizen_fts WHERE"
                     f" {sql.contains_nocase('address', ':fa')})")
    return condition, params


def _phone_condition(sql: dialect.Sql, digits: str) -> tuple[str, dict]:
    if len(digits) < 3:
        return NOTHING, {}
    parts = [f"SELECT rowid FROM citizen_fts WHERE {sql.contains('phones', ':fd')}"]
    if len(digits) == 4:
        parts.append("SELECT citizen_id FROM citizen_phones WHERE tail4 = :d")
    return f"c.id IN ({' UNION '.join(parts)})", {"d": digits, "fd": sql.contains_value(digits)}


def search_page(conn: Connection, query: str = "", after: tuple | None = None, limit: int = 100,
                sort: str = "name", filters: tuple[str, dict] | None = None) -> list[CitizenRow]:
    """One page of residents matching `query` (and `filters`, a condition from rule_condition),
    in `sort` order, after keyset position `after`."""
    sql, params = search_sql(conn, query, after, limit, sort, filters)
    rows = conn.execute(text(sql), params).mappings()
    return [CitizenRow(r["id"], r["name"], r["birth_year"], r["phone"] or "", r["dong_name"],
                       r["road"], r["sort_key"]) for r in rows]


def search_sql(conn: Connection, query: str, after: tuple | None, limit: int,
               sort: str, filters: tuple[str, dict] | None = None) -> tuple[str, dict]:
    """The SQL text and named parameters of one page (also run raw by the benchmark)."""
    order, keyset, key_column = SORTS[sort]
    where, params = [], {"limit": limit}
    for found in (_condition(conn, query), filters):
        if found is not None:
            condition, found_params = found
            where.append(condition)
            params.update(found_params)
    if after is not None:
        where.append(keyset)
        params["k"], params["i"] = after
    sql = (
        "SELECT c.id, c.name, c.birth_year, c.dong_name, c.road, c." + key_column + " AS sort_key,"
        " (SELECT number FROM citizen_phones p WHERE p.citizen_id = c.id ORDER BY p.position"
        "  LIMIT 1) AS phone FROM citizens c"
        + (" WHERE " + " AND ".join(where) if where else "")
        + f" ORDER BY {order} LIMIT :limit")
    return sql, params


def count_all(conn: Connection) -> int:
    return conn.execute(text("SELECT count(*) FROM citizens")).scalar_one()


def timeline(conn: Connection, citizen_id: int, limit: int = 200) -> list[TimelineItem]:
    """Interactions and 민원 events of one person, newest first (one list, one sort in SQL)."""
    rows = conn.execute(text(
        "SELECT * FROM ("
        " SELECT i.at, 'interaction' AS source, i.channel, i.kind, i.summary,"
        "  coalesce(s.name, '') AS staff, i.id AS n"
        "  FROM interactions i LEFT JOIN staff s ON s.id = i.staff_id WHERE i.citizen_id = :id"
        " UNION ALL"
        " SELECT e.at, 'complaint', c.channel, e.kind,"
        "  c.receipt_no || ' ' || c.title || CASE WHEN e.note <> '' THEN ' — ' || e.note ELSE '' END,"
        "  coalesce(s.name, e.actor), e.id"  # events keep the login; show the name, as above
        "  FROM complaints c JOIN complaint_events e ON e.complaint_id = c.id"
        "  LEFT JOIN staff s ON s.login = e.actor"
        "  WHERE c.citizen_id = :id"
        ") AS t ORDER BY at DESC, n DESC, source LIMIT :limit"),
        {"id": citizen_id, "limit": limit}).mappings()
    return [TimelineItem(as_datetime(r["at"]), r["source"], r["channel"], r["kind"], r["summary"],
                         r["staff"]) for r in rows]


def consents(conn: Connection, citizen_id: int) -> list[dict]:
    return [dict(r) for r in conn.execute(text(
        "SELECT purpose, items, given_on, retention_until, method, withdrawn_on FROM consents"
        " WHERE citizen_id = :id ORDER BY given_on DESC, id DESC"), {"id": citizen_id}).mappings()]


def group_rows(conn: Connection) -> list[dict]:
    return [dict(r) for r in conn.execute(text(
        "SELECT id, code, name, kind, min_age, max_age, rule, builtin, active"
        " FROM customer_groups ORDER BY id")).mappings()]


def member_filter(conn: Connection, group: dict, today: date, tag: str = "m",
                  depth: int = 0) -> tuple[str, dict]:
    """SQL condition on citizens `c` for membership of a group: derived (birth year), assigned
    (citizen_groups) or smart (its saved search). `tag` keeps parameter names apart when
    several groups are combined."""
    if group["kind"] == "derived":
        return age_condition(group["min_age"], group["max_age"], today, tag)
    if group["kind"] == "smart":
        if depth > 3:  # a saved search naming saved searches, too deep to mean anything
            return NOTHING, {}
        found = rule_condition(conn, json.loads(group["rule"] or "{}"), today, tag, depth + 1)
        return found or (EVERYONE, {})  # a rule without conditions: everyone
    return (f"c.id IN (SELECT citizen_id FROM citizen_groups WHERE group_id = :{tag}_gid)",
            {f"{tag}_gid": group["id"]})


def age_condition(min_age: int | None, max_age: int | None, today: date,
                  tag: str = "a") -> tuple[str, dict]:
    """Age counted as this year minus the birth year (how 어르신(65+) is decided)."""
    parts, params = [], {}
    if min_age is not None:
        parts.append(f"c.birth_year <= :{tag}_latest")
        params[f"{tag}_latest"] = today.year - min_age
    if max_age is not None:
        parts.append(f"c.birth_year >= :{tag}_earliest")
        params[f"{tag}_earliest"] = today.year - max_age
    return " AND ".join(parts) or EVERYONE, params


def rule_condition(conn: Connection, rule: dict, today: date, tag: str = "r",
                   depth: int = 0) -> tuple[str, dict] | None:
    """One SQL condition for a search rule (domain.groups.SearchRule as a dict): text, 동, groups,
    age and preferred channel, all combined with AND; None when the rule filters nothing."""
    parts, params = [], {}

    def add(found: tuple[str, dict] | None) -> None:
        if found is not None:
            parts.append(f"({found[0]})")
            params.update(found[1])

    text_found = _condition(conn, rule.get("text") or "")
    if text_found is not None:  # the text condition's own parameter names, made unique
        sql, text_params = text_found
        for name in sorted(text_params, key=len, reverse=True):
            sql = re.sub(rf":{name}\b", f":{tag}_t_{name}", sql)
        add((sql, {f"{tag}_t_{k}": v for k, v in text_params.items()}))
    if rule.get("dong_name"):
        add((f"c.dong_name = :{tag}_dong", {f"{tag}_dong": rule["dong_name"]}))
    if rule.get("channel"):
        add((f"c.preferred_channel = :{tag}_channel", {f"{tag}_channel": rule["channel"]}))
    if rule.get("min_age") is not None or rule.get("max_age") is not None:
        add(age_condition(rule.get("min_age"), rule.get("max_age"), today, f"{tag}_age"))
    codes = list(rule.get("group_codes") or ())
    if codes:
        groups = {g["code"]: g for g in group_rows(conn)}
        for n, code in enumerate(codes):
            group = groups.get(code)
            add(member_filter(conn, group, today, f"{tag}_g{n}", depth) if group else (NOTHING, {}))
    return (" AND ".join(parts), params) if parts else None


def group_profile(conn: Connection, group: dict, today: date) -> dict:
    """Size, age bands, preferred-channel mix and interactions of one group, in three queries."""
    condition, params = member_filter(conn, group, today)
    params["year"] = today.year
    size = conn.execute(text(f"SELECT count(*) FROM citizens c WHERE {condition}"), params).scalar_one()
    bands = dict(conn.execute(text(
        "SELECT CASE WHEN c.birth_year IS NULL THEN '?'"
        " WHEN :year - c.birth_year <= 18 THEN '~18' WHEN :year - c.birth_year <= 34 THEN '19–34'"
        " WHEN :year - c.birth_year <= 49 THEN '35–49' WHEN :year - c.birth_year <= 64 THEN '50–64'"
        f" ELSE '65+' END AS band, count(*) FROM citizens c WHERE {condition} GROUP BY band"),
        params).all())
    channels = dict(conn.execute(text(
        "SELECT coalesce(c.preferred_channel, '?'), count(*) FROM citizens c"
        f" WHERE {condition} GROUP BY 1"), params).all())
    contacts = conn.execute(text(
        f"SELECT count(*) FROM interactions i JOIN citizens c ON c.id = i.citizen_id WHERE {condition}"),
        params).scalar_one()
    return {"size": size, "age_bands": bands, "channels": channels, "interactions": contacts}


class CitizenRead:
    """The read-side queries bound to a unit of work's connection."""

    def __init__(self, connection: Connection) -> None:
        self.c = connection

    def search(self, query: str = "", after: tuple | None = None, limit: int = 100,
               sort: str = "name", rule: SearchRuleData | None = None,
               today: date | None = None) -> list[CitizenRow]:
        filters = rule_condition(self.c, rule, today or date.today()) if rule else None
        return search_page(self.c, query, after, limit, sort, filters)

    def dong_names(self) -> list[tuple[str, int]]:
        """Every 동 residents live in, with how many (for the list's filter)."""
        return [tuple(r) for r in self.c.execute(text(
            "SELECT dong_name, count(*) FROM citizens WHERE dong_name <> ''"
            " GROUP BY dong_name ORDER BY dong_name")).all()]

    def timeline(self, citizen_id: int) -> list[TimelineItem]:
        return timeline(self.c, citizen_id)

    def consents(self, citizen_id: int) -> list[dict]:
        return consents(self.c, citizen_id)

    def count(self) -> int:
        return count_all(self.c)

    def match_candidates(self, people: list[tuple[str, int]], phone_digits: list[str]):
        """(id, MatchFacts) of residents with one of these (name key, birth year) pairs or
        phone numbers: the only ones that can be likely duplicates of an imported row (see
        domain.duplicates)."""
        from pcrm_desktop.domain.duplicates import MatchFacts
        ids: set[int] = set()
        # The (name, birth year) pairs as a small table joined to the index: one seek each, so
        # a batch of common names does not drag in every namesake born in another year.
        # (`(a, b) IN (VALUES …)` would scan the whole index instead: 30x slower at 300,000.)
        for chunk in _chunks(sorted(set(people)), 400):
            pairs = ", ".join(f"(:n{k}, :y{k})" for k in range(len(chunk)))
            values = {f"{name}{k}": v for k, pair in enumerate(chunk)
                      for name, v in zip("ny", pair)}
            ids.update(r[0] for r in self.c.execute(text(
                f"WITH p(n, y) AS (VALUES {pairs}) SELECT c.id FROM p"
                " JOIN citizens c ON c.name_key = p.n AND c.birth_year = p.y"), values))
        by_digits = text("SELECT citizen_id FROM citizen_phones WHERE digits IN :d").bindparams(
            bindparam("d", expanding=True))
        for chunk in _chunks(sorted(set(phone_digits)), 500):
            ids.update(r[0] for r in self.c.execute(by_digits, {"d": chunk}))
        facts = text(
            "SELECT c.id, c.name, c.birth_year, c.road, c.dong_name,"
            f" {_phones_joined(self.c, ',')} FROM citizens c WHERE c.id IN :ids"
        ).bindparams(bindparam("ids", expanding=True))
        for chunk in _chunks(sorted(ids), 500):
            for r in self.c.execute(facts, {"ids": chunk}):
                yield r[0], MatchFacts(r[1], tuple(r[5].split(",")) if r[5] else (), r[2], r[3], r[4])

    def export_rows(self):
        """Every resident with phones and assigned groups, in name order, for export."""
        return self.c.execute(text(
            "SELECT c.id, c.name, c.birth_year, c.gender, c.email, c.road, c.address_detail,"
            " c.dong_name, c.preferred_channel, c.memo,"
            f" {_phones_joined(self.c, ', ')},"
            f" (SELECT {dialect.of(self.c).joined('x.name', ', ', 'x.group_id')} FROM"
            "  (SELECT g.name, cg.group_id FROM citizen_groups cg"
            "   JOIN customer_groups g ON g.id = cg.group_id WHERE cg.citizen_id = c.id"
            "   ORDER BY cg.group_id) AS x)"
            " FROM citizens c ORDER BY c.name_key, c.id"))

    def group_profile(self, group: dict, today: date) -> dict:
        return group_profile(self.c, group, today)


def _phones_joined(conn: Connection, separator: str) -> str:
    """A resident's (`c`) phone numbers in their order, joined (NULL without any)."""
    joined = dialect.of(conn).joined("x.number", separator, "x.position, x.id")
    return (f"(SELECT {joined} FROM (SELECT p.number, p.position, p.id FROM citizen_phones p"
            " WHERE p.citizen_id = c.id ORDER BY p.position, p.id) AS x)")


def _chunks(values: list, size: int):
    for start in range(0, len(values), size):
        yield values[start:start + size]
