"""The one seam between SQLite and PostgreSQL in hand-written SQL: one function per difference.

A repository that writes SQL text asks here for the piece that differs (`sql = dialect.of(conn)`,
then `sql.day(column)`), never tests the backend's name itself. Bound parameters are always
SQLAlchemy's named ones (`:name` in `text()`), never `?` (psycopg does not take them).

Silent wrong numbers are the worst outcome (POSTGRES.md: a survey summary of n=0), so each
function returns the same value on both backends for the same data, and tests run the queries
on both (tests/integration, the `both` backends)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection


@dataclass(frozen=True)
class Sql:
    """The SQL pieces of one backend. `name`: "sqlite" or "postgresql"."""

    name: str

    @property
    def server(self) -> bool:
        return self.name == "postgresql"

    # --- dates and times (SQLite keeps them as text "YYYY-MM-DD HH:MM:SS.ffffff") -------------
    def day(self, column: str) -> str:
        """The date of a timestamp as "YYYY-MM-DD" text."""
        return f"to_char({column}, 'YYYY-MM-DD')" if self.server else f"substr({column}, 1, 10)"

    def month(self, column: str) -> str:
        """"YYYY-MM" of a timestamp (of a "YYYY-MM-DD" text column: `substr(day, 1, 7)` on both)."""
        return f"to_char({column}, 'YYYY-MM')" if self.server else f"substr({column}, 1, 7)"

    def minute(self, column: str) -> str:
        """A timestamp cut to its minute, comparable with another cut the same way."""
        return f"date_trunc('minute', {column})" if self.server else f"substr({column}, 1, 16)"

    def epoch(self, column: str) -> str:
        """Whole seconds since 1970 of a timestamp (UTC-free: both keep local office time)."""
        if self.server:
            return f"CAST(floor(extract(epoch FROM {column})) AS BIGINT)"
        return f"CAST(strftime('%s', {column}) AS INTEGER)"

    def plus_interval(self, column: str, param: str) -> str:
        """`column` moved by a bound SQLite modifier text like "-30 days" (`:param`)."""
        if self.server:
            return f"({column} + CAST({param} AS interval))"
        return f"strftime('%Y-%m-%d %H:%M:%f', {column}, {param})"

    # --- numbers and text -------------------------------------------------------------------
    def count_true(self, condition: str) -> str:
        """The number of rows where `condition` holds (SQLite sums booleans as 0/1)."""
        return f"coalesce(sum(CASE WHEN {condition} THEN 1 ELSE 0 END), 0)"

    def joined(self, expression: str, separator: str, order: str = "") -> str:
        """The values of a group joined by `separator` (a literal without quotes), in `order`
        (SQLite's group_concat takes no order: the rows' order decides, so give one in a
        subquery there)."""
        if self.server:
            by = f" ORDER BY {order}" if order else ""
            return f"string_agg(CAST({expression} AS text), '{separator}'{by})"
        return f"group_concat({expression}, '{separator}')"

    def position(self, haystack: str, needle: str) -> str:
        """1-based position of `needle` in `haystack`, 0 when absent."""
        return f"strpos({haystack}, {needle})" if self.server else f"instr({haystack}, {needle})"

    # --- plans and tables -------------------------------------------------------------------
    def indexed_by(self, table: str, index: str | None) -> str:
        """`table` with SQLite's planner told which index to use (None: no index, rowid order).
        PostgreSQL's planner chooses by itself, with statistics."""
        if self.server:
            return table
        return f"{table} NOT INDEXED" if index is None else f"{table} INDEXED BY {index}"

    def temp_table(self, name: str, columns: str) -> str:
        """A temporary table keyed by its first columns (`columns` includes the PRIMARY KEY)."""
        if self.server:
            return f"CREATE TEMPORARY TABLE {name} ({columns}) ON COMMIT DROP"
        return f"CREATE TEMP TABLE {name} ({columns}) WITHOUT ROWID"

    def id_list(self, column: str, param: str) -> str:
        """`column IN` the ids of a bound JSON array text (`:param`)."""
        if self.server:
            return (f"{column} IN (SELECT CAST(value AS BIGINT) FROM "
                    f"json_array_elements_text(CAST({param} AS json)))")
        return f"{column} IN (SELECT value FROM json_each({param}))"

    def contains(self, column: str, param: str) -> str:
        """`column` holds a text as a substring; bind `:param` to `contains_value(text)`.
        SQLite: FTS5 trigram MATCH of a quoted phrase (3+ characters); PostgreSQL: LIKE, served
        by a pg_trgm GIN index."""
        if self.server:
            return f"{column} LIKE {param} ESCAPE '\\'"
        return f"{column} MATCH {param}"

    def contains_value(self, text: str) -> str:
        if self.server:
            escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            return f"%{escaped}%"
        return '"' + text.replace('"', '""') + '"'

    def like_nocase(self, column: str, param: str) -> str:
        """`column LIKE :param` with Latin letters matched in either case (SQLite's LIKE folds
        ASCII; a server's ILIKE). The same rows for Hangul, digits and ASCII letters; ILIKE
        also folds other alphabets' letters (É, Ä), which SQLite's LIKE does not."""
        return f"{column} ILIKE {param}" if self.server else f"{column} LIKE {param}"

    def contains_nocase(self, column: str, param: str) -> str:
        """`contains` in either case, as SQLite's FTS5 trigram tokenizer matches by default
        (case_sensitive 0, Unicode case folding); a server: ILIKE, served by the pg_trgm GIN
        index. Bind `:param` to `contains_value(text)` (3+ characters)."""
        if self.server:
            return f"{column} ILIKE {param} ESCAPE '\\'"
        return f"{column} MATCH {param}"

    def in_text_index(self, key: str, fts_table: str, column: str, param: str) -> str:
        """The row of `key` (an id) has `:param`'s text (`contains_value`, 3+ characters) in
        `column`, in either case. SQLite asks the FTS5 trigram index `fts_table` kept beside
        the table (rowid = the id); a server has no copy and reads `column` itself, through
        its pg_trgm GIN index."""
        if self.server:
            return self.contains_nocase(column, param)
        return f"{key} IN (SELECT rowid FROM {fts_table} WHERE {fts_table} MATCH {param})"

    def last_char(self) -> str:
        """The largest character (U+10FFFF): `x >= :p AND x < :p || last_char()` is the range
        of texts starting with :p (in code point order: a server database in C.UTF-8)."""
        return "chr(1114111)" if self.server else "char(1114111)"

    def unindexed(self, column: str) -> str:
        """`column`'s value with SQLite's planner kept off its indexes (a unary `+`: the same
        value and the same order). A server's planner chooses by statistics: the column."""
        return column if self.server else f"+{column}"

    def ordered_join(self) -> str:
        """An inner join (with ON) whose left side SQLite's planner must read first: SQLite's
        CROSS JOIN keeps the tables in the written order. A server takes CROSS JOIN without
        ON only, and orders joins by statistics: a plain JOIN, the same rows."""
        return "JOIN" if self.server else "CROSS JOIN"


SQLITE = Sql("sqlite")
POSTGRESQL = Sql("postgresql")


def of(conn: Connection | Any) -> Sql:
    """The pieces for the backend of `conn` (a Connection, an Engine, or anything with one)."""
    name = conn.dialect.name
    return POSTGRESQL if name == "postgresql" else SQLITE


def insert(conn: Connection | Any, table: Any) -> Any:
    """The backend's INSERT with ON CONFLICT (`.on_conflict_do_nothing()`,
    `.on_conflict_do_update()`: the same names on both)."""
    if of(conn).server:
        from sqlalchemy.dialects.postgresql import insert as pg_insert
        return pg_insert(table)
    from sqlalchemy.dialects.sqlite import insert as sqlite_insert
    return sqlite_insert(table)


def set_sequence(conn: Connection, table: str, column: str = "id") -> None:
    """After rows were written with explicit ids: the server's sequence of `table.column` moves
    past the largest (SQLite's AUTOINCREMENT follows by itself). POSTGRES.md: the sequence that
    never moved gave the next default id a collision. Never backwards: an id given once (its
    row deleted since) is not given again, as with SQLite's AUTOINCREMENT."""
    if not of(conn).server:
        return
    from sqlalchemy import text
    conn.execute(text(
        f"SELECT setval(s.seq, greatest(coalesce((SELECT max({column}) FROM {table}), 0) + 1,"
        f" coalesce(pg_sequence_last_value(s.seq) + 1, 1)), false)"
        f" FROM (SELECT CAST(pg_get_serial_sequence('{table}', '{column}') AS regclass) AS seq) s"))


def bulk_insert(conn: Connection, table: Any, columns: tuple[str, ...] | list[str],
                rows: list[tuple]) -> None:
    """Many rows at once, as tuples in `columns`' order (times as SQLite's text or datetimes,
    booleans as 0/1 or bools). SQLite: the driver's executemany (the demo's and the imports'
    speed; SQLAlchemy's DateTime would refuse the text). A server: SQLAlchemy's insert, whose
    types make the booleans booleans; a sequence behind explicit ids is moved past them."""
    if not rows:
        return
    if not of(conn).server:
        marks = ", ".join("?" * len(columns))
        conn.exec_driver_sql(
            f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({marks})", rows)
        return
    conn.execute(table.insert(), [dict(zip(columns, row)) for row in rows])
    if "id" in columns and "id" in table.c and table.c.id.autoincrement:
        set_sequence(conn, table.name)


def next_id(conn: Connection, table: str, column: str = "id") -> int:
    """The id `table` would give its next row, without taking it: above every id it ever gave
    (SQLite's AUTOINCREMENT keeps the largest in sqlite_sequence, a server's sequence its last
    value) and above every row. For writes with explicit ids (followed by `set_sequence`)."""
    from sqlalchemy import text
    top = conn.execute(text(f"SELECT coalesce(max({column}), 0) FROM {table}")).scalar_one()
    if of(conn).server:
        sequence = conn.execute(text("SELECT pg_get_serial_sequence(:t, :c)"),
                                {"t": table, "c": column}).scalar_one()
        used = 0
        if sequence is not None:
            last, called = conn.execute(text(
                f"SELECT last_value, is_called FROM {sequence}")).one()
            used = last if called else last - 1
    else:
        used = conn.execute(text("SELECT coalesce(max(seq), 0) FROM sqlite_sequence"
                                 " WHERE name = :t"), {"t": table}).scalar_one()
    return max(top, used) + 1


def optimize_text_index(conn: Connection, fts_table: str) -> None:
    """After rows left a full-text index: SQLite rewrites the FTS5 index into one segment
    (secure_delete then zeroes the pages the old segments held, so no destroyed text stays in
    them). A server: nothing (no FTS5 table; pg_trgm GIN entries of deleted rows go with the
    rows when autovacuum reclaims them)."""
    if of(conn).server:
        return
    conn.exec_driver_sql(f"INSERT INTO {fts_table}({fts_table}) VALUES ('optimize')")


def greatest_expr(conn: Connection | Any, first: Any, second: Any) -> Any:
    """The larger of two SQLAlchemy expressions (Core, where `Sql.greatest` is text): SQLite's
    two-argument max, a server's greatest. NULLs differ (max gives NULL, greatest ignores
    one): use it on NOT NULL values."""
    from sqlalchemy import func
    return func.greatest(first, second) if of(conn).server else func.max(first, second)
