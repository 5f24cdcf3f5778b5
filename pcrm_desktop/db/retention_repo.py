"""Retention (보존기간과 파기): choosing what is past its period, destroying it, the ledger.

Everything is set-based SQL over the tables' own indexes: `select` puts the ids of the 민원 to
anonymise and the residents to delete into two temporary tables (in memory: temp_store), and
both the preview's counts and the run's deletions read the same tables, so a preview says
exactly what a run does. Nothing here loops over rows in Python except the access-log details
to redact (each one's SHA-256 must be computed, see db/audit_chain.redact).

Order (domain.retention.RUN_ORDER): access log, 민원, residents, contact history, survey links,
happy calls. Each later kind leaves out what an earlier one already took with it (a resident's
contact history goes with the resident, an anonymised 민원's happy call with the 민원), so each
row is counted once, under the kind whose period ended.

SQLite 3.40 has no FTS5 secure-delete option: after rows leave a full-text index, 'optimize'
rewrites the index into one segment, and secure_delete (db/engine.py) zeroes the pages the old
segments leave. `compact` then checkpoints the WAL into the file, VACUUMs and truncates the WAL,
so no copy of a destroyed row stays in free pages or in the -wal file.

On a PostgreSQL server the same SQL runs (db/dialect.py for the pieces that differ); there is no
file for the app to compact: the server's autovacuum reclaims the deleted rows' space, and the
server's own files, WAL and backups are its administrator's (docs/ARCHITECTURE.md).
"""
from __future__ import annotations

import json
import sqlite3
import time
from datetime import date, datetime

from sqlalchemy import Connection, bindparam, insert, select, text

from pcrm_desktop.db import dialect
from pcrm_desktop.db import tables as t
from pcrm_desktop.db.audit_chain import attestation, move_start, redact
from pcrm_desktop.db.citizen_repo import sql_datetime
from pcrm_desktop.domain.retention import ANONYMISED_FLAG, SETTING_PREFIX, Kind

# Temporary tables (no schema named: both look in the connection's temporary tables first;
# SQLite calls their schema `temp`, a server `pg_temp_N`)
COMPLAINTS = "retention_complaints"  # 민원 to anonymise in this run
CITIZENS = "retention_citizens"      # residents to delete in this run
LINKS = "retention_links"            # survey responses whose link goes (survey_link kind)
TARGETS = "retention_targets"        # access-log targets naming an anonymised 민원

_TEMP_TABLES = (
    f"CREATE TEMP TABLE IF NOT EXISTS {COMPLAINTS} (id INTEGER PRIMARY KEY)",
    f"CREATE TEMP TABLE IF NOT EXISTS {CITIZENS} (id INTEGER PRIMARY KEY)",
    f"CREATE TEMP TABLE IF NOT EXISTS {LINKS} (id INTEGER PRIMARY KEY)",
    f"CREATE TEMP TABLE IF NOT EXISTS {TARGETS} (target TEXT PRIMARY KEY)",
)

# --- what is past its period (each kind's candidates, minus what an earlier kind takes) ----------

# A 민원 finished before the cut-off and not anonymised yet. The done_at range runs on
# ix_complaints_done_report; the flag needs the row.
def _select_complaints(sql: dialect.Sql) -> str:
    return (f"INSERT INTO {COMPLAINTS} (id) SELECT id FROM complaints"
            f" WHERE done_at < :cut AND {sql.position('flags', repr(ANONYMISED_FLAG))} = 0")

# A resident unchanged since the cut-off whom nothing still needs: no 민원 that stays linked after
# this run, no contact and no linked survey answer since the cut-off (a response linked to a 민원
# anonymised now does not count: its link goes too), no consent still running.
SELECT_CITIZENS = (
    f"INSERT INTO {CITIZENS} (id) SELECT c.id FROM citizens c WHERE c.updated_at < :cut"
    " AND NOT EXISTS (SELECT 1 FROM complaints x WHERE x.citizen_id = c.id"
    f"  AND x.id NOT IN (SELECT id FROM {COMPLAINTS}))"
    " AND NOT EXISTS (SELECT 1 FROM interactions i WHERE i.citizen_id = c.id AND i.at >= :cut)"
    " AND NOT EXISTS (SELECT 1 FROM survey_links l JOIN survey_responses r ON r.id = l.response_id"
    "  WHERE l.citizen_id = c.id AND r.submitted_at >= :cut"
    f"  AND (l.complaint_id IS NULL OR l.complaint_id NOT IN (SELECT id FROM {COMPLAINTS})))"
    " AND NOT EXISTS (SELECT 1 FROM consents k WHERE k.citizen_id = c.id"
    "  AND k.withdrawn_on IS NULL AND k.retention_until >= :today)"
    # a call-back a manager still owes keeps the person it is owed to
    " AND NOT EXISTS (SELECT 1 FROM survey_links l JOIN survey_callbacks b"
    "  ON b.response_id = l.response_id WHERE l.citizen_id = c.id AND b.done_at IS NULL)")

INTERACTIONS_WHERE = f"at < :cut AND citizen_id NOT IN (SELECT id FROM {CITIZENS})"

# A response's link, answered before the cut-off, that neither an anonymised 민원 nor a deleted
# resident takes with it; a link whose call-back a manager still owes stays until it is done.
LINKS_WHERE = (
    "r.submitted_at < :cut"
    f" AND (l.complaint_id IS NULL OR l.complaint_id NOT IN (SELECT id FROM {COMPLAINTS}))"
    f" AND (l.citizen_id IS NULL OR l.citizen_id NOT IN (SELECT id FROM {CITIZENS}))"
    " AND NOT EXISTS (SELECT 1 FROM survey_callbacks b WHERE b.response_id = l.response_id"
    "  AND b.done_at IS NULL)")
LINKS_FROM = "survey_links l JOIN survey_responses r ON r.id = l.response_id"

HAPPY_WHERE = (f"coalesce(last_at, sampled_at) < :cut"
               f" AND complaint_id NOT IN (SELECT id FROM {COMPLAINTS})")


def _bound(day: date) -> str:
    """A day as the text stored dates compare with: '2021-11-27' sorts before every time of
    that day ('2021-11-27 00:00:00.000000'), so `x < bound` means "before that day"."""
    return day.isoformat()


class RetentionRepository:
    def __init__(self, connection: Connection) -> None:
        self.c = connection
        self._files_gone: set[str] = set()  # attachment files of the 민원 anonymised here

    def _sql(self, sql: str, params: dict | None = None, **lists: list):
        """Run SQL with named parameters; `lists` are bound to `IN :name` (expanded)."""
        statement = text(sql)
        if lists:
            statement = statement.bindparams(*(bindparam(k, expanding=True) for k in lists))
        return self.c.execute(statement, {**(params or {}), **lists})

    def _scalar(self, sql: str, params: dict | None = None):
        return self._sql(sql, params).scalar()

    # --- the periods (office_settings: retention.<kind> = months) --------------------------
    def stored_periods(self) -> dict[str, str]:
        rows = self._sql("SELECT key, value FROM office_settings WHERE key LIKE :p",
                         {"p": SETTING_PREFIX + "%"})
        return {key[len(SETTING_PREFIX):]: value for key, value in rows}

    def store_period(self, kind: Kind, months: int) -> None:
        self._sql("INSERT INTO office_settings (key, value) VALUES (:k, :v)"
                  " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                  {"k": SETTING_PREFIX + kind.value, "v": str(months)})

    # --- choosing ---------------------------------------------------------------------------
    def select(self, cuts: dict[Kind, date], today: date) -> None:
        """Fill the temporary tables for this transaction (a preview's read, or the run)."""
        for statement in _TEMP_TABLES:
            self._sql(statement)
        for table in (COMPLAINTS, CITIZENS, LINKS, TARGETS):
            self._sql(f"DELETE FROM {table}")
        self._sql(_select_complaints(dialect.of(self.c)), {"cut": _bound(cuts[Kind.COMPLAINT])})
        self._sql(SELECT_CITIZENS, {"cut": _bound(cuts[Kind.CITIZEN]), "today": today.isoformat()})
        self._sql(f"INSERT INTO {LINKS} (id) SELECT l.response_id FROM {LINKS_FROM}"
                  f" WHERE {LINKS_WHERE}", {"cut": _bound(cuts[Kind.SURVEY_LINK])})

    def release(self) -> None:
        for table in (COMPLAINTS, CITIZENS, LINKS, TARGETS):
            self._sql(f"DROP TABLE IF EXISTS {table}")

    def _audit_before(self, cut: date) -> int | None:
        """The access log is removed from its start (the chain's first entry) up to the first
        entry written on or after the cut-off day, in id order: the longest stretch of entries
        that are all past their period (an entry stamped earlier by a clock set back, after a
        recent one, waits for the next run). Walks the entries that go, in rowid order (the
        `+` keeps the planner off the time index). None when the log is empty."""
        at = dialect.of(self.c).unindexed("at")
        first = self._scalar(f"SELECT id FROM audit_log WHERE {at} >= :cut ORDER BY id LIMIT 1",
                             {"cut": _bound(cut)})
        if first is None:
            last = self._scalar("SELECT max(id) FROM audit_log")
            return None if last is None else last + 1
        return first

    def counts(self, cuts: dict[Kind, date]) -> dict[Kind, tuple[int, dict[str, int]]]:
        """What a run now would destroy, per kind, with the main rows that go along."""
        out: dict[Kind, tuple[int, dict[str, int]]] = {}
        before = self._audit_before(cuts[Kind.AUDIT_LOG])
        out[Kind.AUDIT_LOG] = (self._scalar("SELECT count(*) FROM audit_log WHERE id < :b",
                                            {"b": before}) if before else 0, {})
        out[Kind.COMPLAINT] = (self._scalar(f"SELECT count(*) FROM {COMPLAINTS}"), {
            "attachments": self._scalar(
                "SELECT count(*) FROM complaint_attachments"
                f" WHERE complaint_id IN (SELECT id FROM {COMPLAINTS})"),
            "happy_calls": self._scalar(
                f"SELECT count(*) FROM happy_calls WHERE complaint_id IN (SELECT id FROM {COMPLAINTS})"),
            "survey_links": self._scalar(
                f"SELECT count(*) FROM survey_links WHERE complaint_id IN (SELECT id FROM {COMPLAINTS})")})
        out[Kind.CITIZEN] = (self._scalar(f"SELECT count(*) FROM {CITIZENS}"), {
            "interactions": self._scalar(
                f"SELECT count(*) FROM interactions WHERE citizen_id IN (SELECT id FROM {CITIZENS})")})
        out[Kind.INTERACTION] = (self._scalar(
            f"SELECT count(*) FROM interactions WHERE {INTERACTIONS_WHERE}",
            {"cut": _bound(cuts[Kind.INTERACTION])}), {})
        out[Kind.SURVEY_LINK] = (self._scalar(f"SELECT count(*) FROM {LINKS}"), {})
        out[Kind.HAPPY_CALL] = (self._scalar(
            f"SELECT count(*) FROM happy_calls WHERE {HAPPY_WHERE}",
            {"cut": _bound(cuts[Kind.HAPPY_CALL])}), {})
        return out

    # --- destroying (inside the run's one transaction) -----------------------------------------
    def destroy(self, kind: Kind, cut: date, now: datetime) -> tuple[int, dict]:
        """Destroy one kind's rows past `cut`; (how many, what went along and the dates they
        spanned) for the ledger. `select` must have run in this transaction."""
        return {Kind.AUDIT_LOG: self._audit, Kind.COMPLAINT: self._complaints,
                Kind.CITIZEN: self._citizens, Kind.INTERACTION: self._interactions,
                Kind.SURVEY_LINK: self._links, Kind.HAPPY_CALL: self._happy_calls}[kind](cut, now)

    def _span(self, sql: str, params: dict | None = None) -> dict:
        first, last = self._sql(sql, params).one()
        return {"from": str(first)[:10], "to": str(last)[:10]} if first else {}

    def _audit(self, cut: date, now: datetime) -> tuple[int, dict]:
        before = self._audit_before(cut)
        if before is None:
            return 0, {}
        span = self._span("SELECT min(at), max(at) FROM audit_log WHERE id < :b", {"b": before})
        moved = move_start(self.c, before, sql_datetime(now))
        if moved is None:
            return 0, {}
        # the service writes the `audit.prune` entry attesting the new start (db.audit_chain)
        return moved["count"], {"span": span, "attest": attestation(moved)}

    def _complaints(self, cut: date, now: datetime) -> tuple[int, dict]:
        count = self._scalar(f"SELECT count(*) FROM {COMPLAINTS}")
        if not count:
            return 0, {}
        ids = f"(SELECT id FROM {COMPLAINTS})"
        span = self._span(f"SELECT min(done_at), max(done_at) FROM complaints WHERE id IN {ids}")
        related: dict[str, int] = {}
        # the access-log entries about these cases (by 접수번호 or id, and their call-backs):
        # details emptied, digests kept, so the chain still verifies
        # (ON CONFLICT after a SELECT with a WHERE: SQLite's parser needs the WHERE there)
        self._sql(f"INSERT INTO {TARGETS} (target)"
                  f" SELECT receipt_no FROM complaints WHERE id IN {ids}"
                  f" UNION ALL SELECT CAST(id AS TEXT) FROM {COMPLAINTS}"
                  f" UNION ALL SELECT 'callback:' || CAST(id AS TEXT) FROM survey_callbacks"
                  f"  WHERE complaint_id IN {ids} ON CONFLICT (target) DO NOTHING")
        entries = [row[0] for row in self._sql(
            "SELECT id FROM audit_log WHERE (action LIKE 'complaint.%' OR action = 'survey.callback')"
            f" AND detail != '' AND detail_digest IS NULL AND target IN (SELECT target FROM {TARGETS})")]
        related["audit_details"] = redact(self.c, entries)
        related["happy_call_attempts"] = self._sql(
            "DELETE FROM happy_call_attempts WHERE call_id IN"
            f" (SELECT id FROM happy_calls WHERE complaint_id IN {ids})").rowcount
        related["happy_calls"] = self._sql(
            f"DELETE FROM happy_calls WHERE complaint_id IN {ids}").rowcount
        self._files_gone |= {row[0] for row in self._sql(
            f"SELECT DISTINCT sha256 FROM complaint_attachments WHERE complaint_id IN {ids}")}
        related["attachments"] = self._sql(
            f"DELETE FROM complaint_attachments WHERE complaint_id IN {ids}").rowcount
        related["survey_links"] = self._sql(
            f"DELETE FROM survey_links WHERE complaint_id IN {ids}").rowcount
        related["callbacks"] = self._sql(
            "UPDATE survey_callbacks SET complaint_id = NULL, note = ''"
            f" WHERE complaint_id IN {ids}").rowcount
        related["event_notes"] = self._sql(
            f"UPDATE complaint_events SET note = '' WHERE complaint_id IN {ids} AND note != ''"
        ).rowcount
        # What makes a 민원 someone's: the applicant, the free texts, the place, the numbers it
        # has elsewhere. The rest (dates, category, department, channel, type, result, 동) stays
        # for every count and report. The title trigger takes the old title out of complaint_fts.
        self._sql(
            "UPDATE complaints SET citizen_id = NULL, title = '', content = '', road = '',"
            " epeople_no = '', source_no = '', answer = '',"
            f" flags = CASE WHEN flags = '' THEN '{ANONYMISED_FLAG}'"
            f"  ELSE flags || ',{ANONYMISED_FLAG}' END,"
            f" version = version + 1, updated_at = :now WHERE id IN {ids}",
            {"now": sql_datetime(now)})
        dialect.optimize_text_index(self.c, "complaint_fts")
        return count, {"span": span, "related": related}

    def _citizens(self, cut: date, now: datetime) -> tuple[int, dict]:
        count = self._scalar(f"SELECT count(*) FROM {CITIZENS}")
        if not count:
            return 0, {}
        ids = f"(SELECT id FROM {CITIZENS})"
        span = self._span(f"SELECT min(updated_at), max(updated_at) FROM citizens WHERE id IN {ids}")
        related: dict[str, int] = {}
        entries = [row[0] for row in self._sql(
            f"SELECT id FROM audit_log WHERE subject_id IN {ids}"
            " AND detail != '' AND detail_digest IS NULL")]
        # Finished call-backs on their answers hold what a manager wrote about them: the note
        # goes, in the table and in the call-back's access-log entries.
        callbacks = [row[0] for row in self._sql(
            "SELECT b.id FROM survey_callbacks b JOIN survey_links l"
            f" ON l.response_id = b.response_id WHERE l.citizen_id IN {ids}")]
        for start in range(0, len(callbacks), 500):
            chunk = callbacks[start:start + 500]
            related["callbacks"] = related.get("callbacks", 0) + self._sql(
                "UPDATE survey_callbacks SET note = '' WHERE id IN :ids", ids=chunk).rowcount
            entries += [row[0] for row in self._sql(
                "SELECT id FROM audit_log WHERE target IN :targets AND detail != ''"
                " AND detail_digest IS NULL", targets=[f"callback:{b}" for b in chunk])]
        related["audit_details"] = redact(self.c, entries)
        for table in ("survey_links", "interactions", "consents", "citizen_groups",
                      "citizen_phones"):
            related[table] = self._sql(
                f"DELETE FROM {table} WHERE citizen_id IN {ids}").rowcount
        # citizen_grams has no index on citizen_id (see tables.py): one pass over it
        self._sql(f"DELETE FROM citizen_grams WHERE citizen_id IN {ids}")
        self._sql(f"DELETE FROM citizen_fts WHERE rowid IN {ids}")
        self._sql(f"DELETE FROM citizens WHERE id IN {ids}")
        dialect.optimize_text_index(self.c, "citizen_fts")
        return count, {"span": span, "related": related}

    def _interactions(self, cut: date, now: datetime) -> tuple[int, dict]:
        params = {"cut": _bound(cut)}
        span = self._span(f"SELECT min(at), max(at) FROM interactions WHERE {INTERACTIONS_WHERE}",
                          params)
        count = self._sql(f"DELETE FROM interactions WHERE {INTERACTIONS_WHERE}", params).rowcount
        return count, {"span": span} if count else {}

    def _links(self, cut: date, now: datetime) -> tuple[int, dict]:
        count = self._scalar(f"SELECT count(*) FROM {LINKS}")
        if not count:
            return 0, {}
        span = self._span("SELECT min(submitted_at), max(submitted_at) FROM survey_responses"
                          f" WHERE id IN (SELECT id FROM {LINKS})")
        related: dict[str, int] = {}
        # a finished call-back of such a response named its 민원 and kept the manager's note
        targets = [f"callback:{row[0]}" for row in self._sql(
            f"SELECT id FROM survey_callbacks WHERE response_id IN (SELECT id FROM {LINKS})"
            " AND (complaint_id IS NOT NULL OR note != '')")]
        entries = []
        for start in range(0, len(targets), 500):
            chunk = targets[start:start + 500]
            entries += [row[0] for row in self._sql(
                "SELECT id FROM audit_log WHERE action = 'survey.callback' AND detail != ''"
                " AND detail_digest IS NULL AND target IN :targets", targets=chunk)]
        related["audit_details"] = redact(self.c, entries)
        related["callbacks"] = self._sql(
            "UPDATE survey_callbacks SET complaint_id = NULL, note = ''"
            f" WHERE response_id IN (SELECT id FROM {LINKS})"
            " AND (complaint_id IS NOT NULL OR note != '')").rowcount
        self._sql(f"DELETE FROM survey_links WHERE response_id IN (SELECT id FROM {LINKS})")
        return count, {"span": span, "related": related}

    def _happy_calls(self, cut: date, now: datetime) -> tuple[int, dict]:
        params = {"cut": _bound(cut)}
        span = self._span("SELECT min(coalesce(last_at, sampled_at)),"
                          f" max(coalesce(last_at, sampled_at)) FROM happy_calls WHERE {HAPPY_WHERE}",
                          params)
        attempts = self._sql("DELETE FROM happy_call_attempts WHERE call_id IN"
                             f" (SELECT id FROM happy_calls WHERE {HAPPY_WHERE})", params).rowcount
        count = self._sql(f"DELETE FROM happy_calls WHERE {HAPPY_WHERE}", params).rowcount
        return count, {"span": span, "related": {"attempts": attempts}} if count else {}

    def unused_files(self) -> set[str]:
        """Stored attachment files (by SHA-256) that the anonymised 민원 had and no other
        record still has (the same file attached twice is stored once)."""
        gone, still = self._files_gone, set()
        names = sorted(gone)
        for start in range(0, len(names), 500):
            chunk = names[start:start + 500]
            still |= {row[0] for row in self._sql(
                "SELECT DISTINCT sha256 FROM complaint_attachments WHERE sha256 IN :names",
                names=chunk)}
        return gone - still

    # --- the ledger (파기 대장) -------------------------------------------------------------
    def add_ledger(self, at: datetime, staff_id: int | None, actor: str, workstation: str,
                   kind: Kind, months: int, cut: date, count: int, method: str,
                   detail: dict) -> int:
        return self.c.execute(insert(t.destruction_ledger).values(
            at=at, staff_id=staff_id, actor=actor, workstation=workstation, kind=kind.value,
            months=months, cutoff=cut, count=count, method=method[:200],
            detail=json.dumps(detail, ensure_ascii=False, sort_keys=True) if detail else "",
        )).inserted_primary_key[0]

    def ledger(self, limit: int = 500) -> list[dict]:
        d = t.destruction_ledger
        query = (select(d, t.staff.c.name.label("staff_name"))
                 .select_from(d.outerjoin(t.staff, t.staff.c.id == d.c.staff_id))
                 .order_by(d.c.id.desc()).limit(limit))
        return [dict(row) for row in self.c.execute(query).mappings()]

    # --- after the commit -------------------------------------------------------------------
    def compact(self) -> dict:
        """Copy the WAL into the file and empty it, VACUUM, and empty the WAL again (VACUUM in
        WAL mode writes the new file through the WAL). Outside any transaction: call it after
        the unit of work committed. The VACUUM's scratch copy goes to a temporary file, not to
        memory (temp_store=MEMORY would hold a copy of the whole database in RAM).
        A server: nothing to do here (no file of the app's; autovacuum reclaims the deleted
        rows' space, and VACUUM needs the tables' owner, not the clerks' role)."""
        if dialect.of(self.c).server:
            return {"vacuumed": False, "wal_emptied": True, "server": True, "seconds": 0.0}
        raw = self.c.connection.dbapi_connection
        if raw.in_transaction:
            raise RuntimeError("compact() needs a committed unit of work")
        started = time.perf_counter()
        try:
            before = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
            raw.execute("PRAGMA temp_store=FILE")
            try:
                raw.execute("VACUUM")
            finally:
                raw.execute("PRAGMA temp_store=MEMORY")
            after = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        except sqlite3.Error as error:
            # another program holds the file (a reader on another PC): the records are
            # destroyed all the same (secure_delete zeroed them); the next run compacts
            return {"vacuumed": False, "wal_emptied": False, "error": str(error),
                    "seconds": round(time.perf_counter() - started, 3)}
        # (busy, frames in the WAL, frames copied): busy 0 means the WAL was emptied
        return {"vacuumed": True, "wal_emptied": after[0] == 0,
                "checkpoint_before": list(before), "checkpoint_after": list(after),
                "seconds": round(time.perf_counter() - started, 3)}
