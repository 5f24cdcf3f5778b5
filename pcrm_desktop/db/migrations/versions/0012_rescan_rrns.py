"""Text stored under the old RRN rule is scanned again with the new one (issue 17): an impossible
date after 주민번호, a dot, an underscore or ー between the parts, invisible characters inside,
spaced-out digits, a letter O for a zero. Every column a person types into and the residents'
full-text table are masked where it finds one, control characters and bidi overrides are dropped
as new input loses them, the search pieces of a changed resident are made again, the full-text
indexes are merged (an index keeps deleted words until then), and one access-log entry gives the
count per column. The access log itself is left as it is: its entries are chained.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-08 10:00:00
"""
import json
from collections import Counter
from datetime import datetime

from alembic import op

from pcrm_desktop.domain.text import mask_rrns

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None

CHUNK = 2_000  # rows read at a time, by key: 1,000,000 민원 never sit in memory at once
# Every column a person types into (db/tables.py). Left alone: audit_log (chained; written
# masked by ServiceContext.audit), destruction_ledger (append-only, the program's own words),
# office_settings (a PIN hash, periods), logins and the actor columns (who someone is).
TEXT_COLUMNS = {
    "office": ("name", "address"),
    "departments": ("name",),
    "staff": ("name",),
    "citizens": ("name", "email", "road", "address_detail", "dong_code", "dong_name", "memo"),
    "customer_groups": ("name", "rule"),
    "consents": ("purpose", "items"),
    "interactions": ("summary",),
    "holidays": ("name",),
    "complaint_categories": ("name",),
    "complaints": ("epeople_no", "source_no", "title", "content", "road", "dong_name",
                   "transferred_to", "answer"),  # the title's FTS row follows by trigger
    "complaint_events": ("note",),
    "complaint_attachments": ("name",),
    "happy_call_attempts": ("note",),
    "surveys": ("title",),
    "survey_versions": ("definition",),
    "survey_responses": ("form_no",),
    "survey_answers": ("value_text",),
    "survey_callbacks": ("note",),
    "improvement_actions": ("title", "measure", "figure_label", "evaluation"),
}
JSON_COLUMNS = {("customer_groups", "rule"), ("survey_versions", "definition")}
KEYS = {"survey_answers": ("response_id", "item")}  # WITHOUT ROWID; the others by rowid
# A name kept unique: a masked one that meets another gets its row id ("팀 900101-1****** (3)").
UNIQUE_NAMES = {"departments": "",
                "complaint_categories": " AND parent_id IS (SELECT parent_id FROM "
                                        "complaint_categories WHERE rowid = ?)"}
CITIZEN_SEARCHED = {"name", "road", "address_detail", "dong_name"}
# Triggers that refuse every edit of a table (0007: an answer is never edited): set aside while
# its text is masked, in this same transaction, and made again as they were.
EDIT_GUARDS = {"survey_answers": "survey_answers_fixed"}


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        return  # a server database is made at this version or later: no text written before it
    # The driver's own connection, in the same transaction: rows come as plain tuples (through
    # SQLAlchemy's result rows the whole took a fifth longer; a large office has 5,000,000 notes)
    raw = bind.connection.driver_connection
    masked, cleaned, changed = Counter(), Counter(), {}
    for table, columns in TEXT_COLUMNS.items():
        guard = _set_aside(bind, EDIT_GUARDS.get(table))
        changed[table] = _rescan(raw, table, columns, masked, cleaned)
        if guard:
            bind.exec_driver_sql(guard)
    if changed["citizens"]:
        _reindex_citizens(raw, changed["citizens"])
    if _rescan_citizen_fts(raw, changed["citizens"]):
        raw.execute("INSERT INTO citizen_fts(citizen_fts) VALUES ('optimize')")
    if changed["complaints"].get("title"):
        raw.execute("INSERT INTO complaint_fts(complaint_fts) VALUES ('optimize')")
    # One entry with the count in every database that was in use (a new, empty one has nothing
    # to scan and no log yet); 0 is a finding too: the text was checked under the new rule.
    used = raw.execute("SELECT EXISTS (SELECT 1 FROM audit_log)").fetchone()[0]
    if +masked or +cleaned or used:  # (+ drops the columns counted 0)
        _log(bind, +masked, +cleaned)


def downgrade() -> None:
    pass  # a masked number cannot be told again


def _set_aside(bind, trigger: str | None) -> str | None:
    """Drop the trigger; the statement that makes it again (None when there is none)."""
    sql = trigger and bind.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?", (trigger,)).scalar()
    if sql:
        bind.exec_driver_sql(f"DROP TRIGGER {trigger}")
    return sql


def _rescan(raw, table: str, columns: tuple, masked: Counter, cleaned: Counter) -> dict:
    """Mask the table's columns in chunks by key; {column: {key of a changed row, …}}."""
    keys = KEYS.get(table, ("rowid",))
    names = ", ".join(keys)
    first = f"SELECT {names}, {', '.join(columns)} FROM {table} ORDER BY {names} LIMIT {CHUNK}"
    after = first.replace(" ORDER BY", f" WHERE ({names}) > ({', '.join('?' * len(keys))})"
                                       " ORDER BY")
    updates = {c: f"UPDATE {table} SET {c} = ? WHERE " + " AND ".join(f"{k} = ?" for k in keys)
               for c in columns}
    changed: dict[str, set] = {}
    rows = raw.execute(first).fetchall()
    while rows:
        for position, column in enumerate(columns, start=len(keys)):
            done = []
            for row in rows:
                old = row[position]
                if old.__class__ is not str or (len(old) < 13 and old.isprintable()):
                    continue  # most cells: empty, NULL or short (mask_rrns's first test, inline)
                value, count = _clean(old, (table, column) in JSON_COLUMNS)
                if value == old:
                    continue
                if table == "complaint_attachments":
                    value = value.replace("*", "x")  # as attachments.attach names a file
                masked[f"{table}.{column}"] += count
                cleaned[f"{table}.{column}"] += not count
                changed.setdefault(column, set()).add(tuple(row[:len(keys)]))
                if table in UNIQUE_NAMES:  # one at a time: the next one checks against it
                    raw.execute(updates[column], (_unique(raw, table, row[0], value), row[0]))
                else:
                    done.append((value, *row[:len(keys)]))
            if done:
                raw.executemany(updates[column], done)
        rows = raw.execute(after, rows[-1][:len(keys)]).fetchall()
    return changed


def _clean(value, is_json: bool) -> tuple:
    """The value as new input would be stored (mask_rrns: control characters dropped, RRNs
    masked) and how many RRNs; a JSON document string by string, so it stays one."""
    if not isinstance(value, str) or not value:
        return value, 0
    if not is_json:
        return mask_rrns(value)
    try:
        document = json.loads(value)
    except ValueError:
        return mask_rrns(value)
    count = 0

    def clean(node):
        nonlocal count
        if isinstance(node, str):
            text, n = mask_rrns(node)
            count += n
            return text
        if isinstance(node, list):
            return [clean(item) for item in node]
        if isinstance(node, dict):
            return {key: clean(item) for key, item in node.items()}
        return node

    result = clean(document)
    return (value, 0) if result == document else (json.dumps(result, ensure_ascii=False), count)


def _unique(raw, table: str, rowid: int, value: str) -> str:
    taken = f"SELECT 1 FROM {table} WHERE name = ? AND rowid != ?{UNIQUE_NAMES[table]}"
    scope = (rowid,) if UNIQUE_NAMES[table] else ()
    if raw.execute(taken, (value, rowid, *scope)).fetchone() is None:
        return value
    return f"{value} ({rowid})"


def _reindex_citizens(raw, changed: dict) -> None:
    """A resident whose name or address changed: its sort key and two-character search pieces
    made again (the repository keeps them, db/citizen_repo)."""
    from pcrm_desktop.db.citizen_repo import name_key, search_grams
    ids = sorted({key[0] for column, keys in changed.items() if column in CITIZEN_SEARCHED
                  for key in keys})
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        rows = raw.execute(f"SELECT id, name, dong_name, road FROM citizens WHERE id IN "
                           f"({', '.join('?' * len(chunk))})", chunk).fetchall()
        raw.executemany("UPDATE citizens SET name_key = ? WHERE id = ?",
                        [(name_key(name), i) for i, name, _, _ in rows])
        raw.executemany("DELETE FROM citizen_grams WHERE citizen_id = ?", [(i,) for i, *_ in rows])
        raw.executemany("INSERT OR IGNORE INTO citizen_grams (gram, citizen_id) VALUES (?, ?)",
                        [(g, i) for i, name, dong, road in rows
                         for g in search_grams(name, dong, road)])


def _rescan_citizen_fts(raw, changed: dict) -> int:
    """The residents' address index: the changed residents' rows made again from their
    columns, as the repository does, and any other row masked as it stands. How many changed."""
    ids = {key[0] for column, keys in changed.items() if column in CITIZEN_SEARCHED
           for key in keys}
    select = "SELECT rowid, address FROM citizen_fts WHERE rowid > ? ORDER BY rowid LIMIT ?"
    updated, last = 0, 0
    while rows := raw.execute(select, (last, CHUNK)).fetchall():
        last = rows[-1][0]
        fresh = _addresses(raw, [r[0] for r in rows if r[0] in ids])
        done = []
        for rowid, address in rows:
            value = mask_rrns(fresh.get(rowid, address or ""))[0]
            if value != (address or ""):
                done.append((value, rowid))
        if done:
            raw.executemany("UPDATE citizen_fts SET address = ? WHERE rowid = ?", done)
            updated += len(done)
    return updated


def _addresses(raw, ids: list) -> dict:
    if not ids:
        return {}
    rows = raw.execute(f"SELECT id, road, address_detail, dong_name FROM citizens WHERE id IN "
                       f"({', '.join('?' * len(ids))})", ids).fetchall()
    return {i: " ".join(x for x in parts if x) for i, *parts in rows}


def _log(bind, masked: Counter, cleaned: Counter) -> None:
    """One entry: how many numbers were masked in which column, how many cells lost controls."""
    from pcrm_desktop.config import workstation_name
    from pcrm_desktop.db.repositories import AuditRepository
    from pcrm_desktop.domain.audit import AuditEntry
    parts = []
    if masked:
        columns = ", ".join(f"{c} {n:,}" for c, n in masked.most_common())
        parts.append(f"주민등록번호 형태 {sum(masked.values()):,}건 가림 ({columns})")
    if cleaned:
        columns = ", ".join(f"{c} {n:,}" for c, n in cleaned.most_common())
        parts.append(f"제어 문자만 지운 칸 {sum(cleaned.values()):,}개 ({columns})")
    if not parts:
        parts.append("주민등록번호 형태 0건: 모든 입력 칸을 새 규칙으로 다시 검사함")
    entry = AuditEntry(datetime.now(), "system", workstation_name()[:64], "privacy.rrn_rescan",
                       "database", "; ".join(parts))
    AuditRepository(bind).add(entry, staff_id=None)
