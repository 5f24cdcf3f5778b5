"""Table definitions (SQLAlchemy Core). Repositories map rows to the domain's dataclasses.

Core rather than ORM-mapped classes: the domain stays plain dataclasses, list queries return rows
directly, and bulk loads (imports, `pcrm demo`) use executemany at full speed.
Every schema change goes through an Alembic migration in `db/migrations/versions/`.
"""
from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

metadata = MetaData(naming_convention=NAMING_CONVENTION)

office = Table(
    "office",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(100), nullable=False),
    Column("code", String(7), nullable=False, server_default=""),
    Column("address", String(200), nullable=False, server_default=""),
    Column("phone", String(20), nullable=False, server_default=""),
    Column("hours_start", String(5), nullable=False, server_default="09:00"),
    Column("lunch_start", String(5), nullable=False, server_default="12:00"),
    Column("lunch_end", String(5), nullable=False, server_default="13:00"),
    Column("hours_end", String(5), nullable=False, server_default="18:00"),
    Column("created_at", DateTime, nullable=False),
    CheckConstraint("id = 1", name="single_row"),
)

departments = Table(
    "departments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(50), nullable=False, unique=True),
    Column("active", Boolean, nullable=False, server_default="1"),
)

staff = Table(
    "staff",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(50), nullable=False),
    Column("login", String(32), nullable=False, unique=True),
    Column("role", String(10), nullable=False),
    Column("department_id", Integer, ForeignKey("departments.id"), nullable=True),
    Column("active", Boolean, nullable=False, server_default="1"),
    Column("created_at", DateTime, nullable=False),
    # Accounts (migration 0010): a scrypt hash ("scrypt$n$r$p$salt$hash"), never the password.
    Column("password_hash", String(300), nullable=True),
    Column("must_change_password", Boolean, nullable=False, server_default="1"),
    Column("failed_logins", Integer, nullable=False, server_default="0"),
    Column("locked_at", DateTime, nullable=True),
    Column("password_changed_at", DateTime, nullable=True),
    Column("last_login_at", DateTime, nullable=True),
    CheckConstraint("role IN ('admin', 'manager', 'clerk', 'kiosk')", name="role"),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime, nullable=False),
    Column("staff_id", Integer, ForeignKey("staff.id"), nullable=True),
    Column("actor", String(32), nullable=False),
    Column("workstation", String(64), nullable=False),
    Column("action", String(40), nullable=False),
    Column("target", String(80), nullable=False, server_default=""),
    Column("detail", Text, nullable=False, server_default=""),
    # Whose data (a citizen's id; no foreign key: the entry outlives a destroyed record), and the
    # reason given for an export or a reveal (migration 0010).
    Column("subject_id", Integer, nullable=True),
    Column("reason", Text, nullable=False, server_default=""),
    # Hash chain (domain/audit.chain_hash): each entry's hash covers the one before it. A detail
    # destroyed with its record leaves its digest here, so the chain still verifies.
    Column("detail_digest", LargeBinary, nullable=True),
    Column("hash", LargeBinary, nullable=False),
    Index("ix_audit_log_at", "at"),
    Index("ix_audit_log_subject", "subject_id", "id"),
    Index("ix_audit_log_actor_at", "actor", "at"),
    Index("ix_audit_log_action_at", "action", "at"),  # the review's filter by kind
)

# Where the chain starts: entries before first_id were removed by a retention run, and prev_hash
# is the hash of the last one removed. One row (id 1). Triggers refuse deleting entries from
# first_id on, and any change to an entry but the redaction of its detail (migration 0010).
audit_chain_base = Table(
    "audit_chain_base",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("first_id", Integer, nullable=False),
    Column("prev_hash", LargeBinary, nullable=False),
    Column("updated_at", DateTime, nullable=True),
)

# Which installation secret signs the chain from which entry on (HMAC-SHA256; entries before the
# first row are plain SHA-256). Append-only (migration 0011): a new row when a PC without the
# previous key writes. The key itself never enters the database (db/audit_keys.py).
audit_chain_keys = Table(
    "audit_chain_keys",
    metadata,
    Column("from_id", Integer, primary_key=True, autoincrement=False),
    Column("key_id", String(16), nullable=False),
    Column("started_at", DateTime, nullable=False),
)

# The database's own id, made once (migration 0011) and fixed by triggers: backups carry it, so
# a backup of another database is recognised before it replaces this one.
database_identity = Table(
    "database_identity",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("database_id", String(32), nullable=False),
    Column("created_at", DateTime, nullable=False),
)

# 파기 대장: one row per kind of record destroyed by a retention run. No personal data.
destruction_ledger = Table(
    "destruction_ledger",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("at", DateTime, nullable=False),
    Column("staff_id", Integer, ForeignKey("staff.id"), nullable=True),
    Column("actor", String(32), nullable=False),
    Column("workstation", String(64), nullable=False),
    Column("kind", String(30), nullable=False),
    Column("months", Integer, nullable=False),
    Column("cutoff", Date, nullable=False),
    Column("count", Integer, nullable=False),
    Column("method", String(200), nullable=False),
    Column("detail", Text, nullable=False, server_default=""),
    Index("ix_destruction_ledger_at", "at"),
)

# --- residents (주민·고객) -----------------------------------------------------------------
citizens = Table(
    "citizens",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("name", String(50), nullable=False),
    Column("name_key", String(50), nullable=False),   # NFC, no spaces: sort and prefix search
    Column("birth_year", Integer, nullable=True),
    Column("birth_date", Date, nullable=True),
    Column("gender", String(1), nullable=False, server_default=""),
    Column("email", String(100), nullable=False, server_default=""),
    Column("road", String(200), nullable=False, server_default=""),
    Column("address_detail", String(100), nullable=False, server_default=""),
    Column("dong_code", String(10), nullable=False, server_default=""),
    Column("dong_name", String(30), nullable=False, server_default=""),
    Column("preferred_channel", String(10), nullable=True),
    Column("preferred_language", String(5), nullable=False, server_default="ko"),
    Column("accessibility", String(100), nullable=False, server_default=""),
    Column("memo", Text, nullable=False, server_default=""),
    Column("version", Integer, nullable=False, server_default="1"),
    Column("created_at", DateTime, nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Index("ix_citizens_name_key_id", "name_key", "id"),
    Index("ix_citizens_updated_at_id", "updated_at", "id"),
    # Duplicate checks look people up by (name, birth year) pairs (imports at 300,000 residents).
    Index("ix_citizens_name_key_birth_year", "name_key", "birth_year"),
    # The list's 동 filter and its choices with counts (GROUP BY on the index, not the table).
    Index("ix_citizens_dong_name", "dong_name"),
    # An id is never given again after a merge removes a record: audit entries name people by id.
    sqlite_autoincrement=True,
)

citizen_phones = Table(
    "citizen_phones",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("citizen_id", Integer, ForeignKey("citizens.id", ondelete="CASCADE"), nullable=False),
    Column("number", String(20), nullable=False),  # canonical 010-1234-5678
    Column("digits", String(15), nullable=False),  # 01012345678
    Column("tail4", String(4), nullable=False),
    Column("position", Integer, nullable=False, server_default="0"),
    Index("ix_citizen_phones_citizen_id", "citizen_id"),
    Index("ix_citizen_phones_tail4", "tail4"),
    Index("ix_citizen_phones_digits", "digits"),
)

# Two-character pieces of names, 동 names and road names: the index behind two-syllable searches
# (FTS5 trigram cannot match fewer than three characters).
citizen_grams = Table(
    "citizen_grams",
    metadata,
    Column("gram", String(2), primary_key=True),
    # No foreign key and no index on citizen_id: this is a derived index kept by the repository,
    # which removes a record's pieces by recomputing them (a cascade would scan the table).
    Column("citizen_id", Integer, primary_key=True),
    sqlite_with_rowid=False,
)

customer_groups = Table(
    "customer_groups",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(30), nullable=False, unique=True),
    Column("name", String(50), nullable=False),
    Column("kind", String(10), nullable=False),
    Column("min_age", Integer, nullable=True),
    Column("max_age", Integer, nullable=True),
    Column("rule", Text, nullable=False, server_default=""),  # JSON of a smart group's search
    Column("builtin", Boolean, nullable=False, server_default="0"),
    Column("active", Boolean, nullable=False, server_default="1"),
    CheckConstraint("kind IN ('derived', 'assigned', 'smart')", name="kind"),
)

citizen_groups = Table(
    "citizen_groups",
    metadata,
    Column("citizen_id", Integer, ForeignKey("citizens.id", ondelete="CASCADE"), primary_key=True),
    Column("group_id", Integer, ForeignKey("customer_groups.id"), primary_key=True),
    Column("since", Date, nullable=False),
    Index("ix_citizen_groups_group_id", "group_id"),
)

consents = Table(
    "consents",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("citizen_id", Integer, ForeignKey("citizens.id", ondelete="CASCADE"), nullable=False),
    Column("purpose", String(200), nullable=False),
    Column("items", String(200), nullable=False),
    Column("given_on", Date, nullable=False),
    Column("retention_until", Date, nullable=False),
    Column("method", String(20), nullable=False),
    Column("withdrawn_on", Date, nullable=True),
    Index("ix_consents_citizen_id", "citizen_id"),
)

interactions = Table(
    "interactions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("citizen_id", Integer, ForeignKey("citizens.id", ondelete="CASCADE"), nullable=False),
    Column("at", DateTime, nullable=False),
    Column("channel", String(10), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("summary", Text, nullable=False),
    Column("staff_id", Integer, ForeignKey("staff.id"), nullable=True),
    Index("ix_interactions_citizen_id_at", "citizen_id", "at"),
)

# --- the 민원 clock ----------------------------------------------------------------------------

# Days off besides Saturdays and Sundays. Seeded per year from the `holidays` package (KR) the
# first time a year is needed; staff add temporary holidays and may remove one. A removed
# holiday stays as a row with active = 0, so seeding the year again does not bring it back.
holidays = Table(
    "holidays",
    metadata,
    Column("day", Date, primary_key=True),
    Column("name", String(100), nullable=False),
    Column("source", String(10), nullable=False),  # package | staff
    Column("active", Boolean, nullable=False, server_default="1"),
    Column("changed_at", DateTime, nullable=False),
    CheckConstraint("source IN ('package', 'staff')", name="source"),
)

# Which years have been seeded from the package (so a year with every holiday removed is
# not seeded again).
holiday_years = Table(
    "holiday_years",
    metadata,
    Column("year", Integer, primary_key=True),
    Column("seeded_at", DateTime, nullable=False),
    Column("package_version", String(20), nullable=False),
)

# The units a type's or category's period is set in (0013): days (법 제19조①②: in working
# hours up to 5, in days from 6) or weeks, months, years by the calendar (제19조③).
PERIOD_UNITS = "period_unit IN ('days', 'weeks', 'months', 'years')"

# 민원 types with their default processing period: period_days is the number, in period_unit
# (NULL: set per service; 0 days: 즉시).
complaint_types = Table(
    "complaint_types",
    metadata,
    Column("code", String(20), primary_key=True),
    Column("name", String(50), nullable=False),
    Column("period_days", Integer, nullable=True),
    Column("position", Integer, nullable=False),
    Column("period_unit", String(6), nullable=False, server_default="days"),
    CheckConstraint("period_days IS NULL OR period_days BETWEEN 0 AND 365", name="period_days"),
    CheckConstraint(PERIOD_UNITS, name="period_unit"),
)

# --- 민원 ---------------------------------------------------------------------------------------

# A configurable tree (two levels in the seed); a category may override its type's period
# (period_days of period_unit, as for the types; NULL: the type's).
complaint_categories = Table(
    "complaint_categories",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("parent_id", Integer, ForeignKey("complaint_categories.id"), nullable=True),
    Column("name", String(50), nullable=False),
    Column("period_days", Integer, nullable=True),
    Column("position", Integer, nullable=False, server_default="0"),
    Column("active", Boolean, nullable=False, server_default="1"),
    Column("period_unit", String(6), nullable=False, server_default="days"),
    UniqueConstraint("parent_id", "name"),
    CheckConstraint(PERIOD_UNITS, name="period_unit"),
)

# 접수번호 per year: the last number given. Never goes back, so a number is never reused.
receipt_counters = Table(
    "receipt_counters",
    metadata,
    Column("year", Integer, primary_key=True),
    Column("last", Integer, nullable=False),
)

complaints = Table(
    "complaints",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("receipt_no", String(20), nullable=False, unique=True),
    Column("received_at", DateTime, nullable=False),
    Column("channel", String(10), nullable=False),
    Column("epeople_no", String(30), nullable=False, server_default=""),
    Column("source_no", String(40), nullable=False, server_default=""),  # number in an imported file
    Column("citizen_id", Integer, ForeignKey("citizens.id"), nullable=True),
    Column("type_code", String(20), ForeignKey("complaint_types.code"), nullable=False),
    Column("category_id", Integer, ForeignKey("complaint_categories.id"), nullable=True),
    Column("title", String(200), nullable=False),
    Column("content", Text, nullable=False, server_default=""),
    Column("road", String(200), nullable=False, server_default=""),
    Column("dong_name", String(30), nullable=False, server_default=""),
    Column("department_id", Integer, ForeignKey("departments.id"), nullable=True),
    Column("assignee_id", Integer, ForeignKey("staff.id"), nullable=True),
    Column("priority", String(10), nullable=False, server_default="normal"),
    Column("status", String(12), nullable=False),
    # 1 while the case is open (접수, 배정, 처리중, 보류): the queues' indexes start with it
    Column("open", Boolean, nullable=False),
    # hours | days | now (즉시) | weeks | months | years: SQLite keeps "months" whole (it does
    # not enforce a length), so the column was not rebuilt for it
    Column("period_unit", String(5), nullable=False),
    Column("period_amount", Integer, nullable=False),
    Column("due_at", DateTime, nullable=False),
    Column("extended", Boolean, nullable=False, server_default="0"),
    Column("transferred_to", String(100), nullable=False, server_default=""),
    Column("done_at", DateTime, nullable=True),
    Column("result", String(12), nullable=True),
    Column("answer", Text, nullable=False, server_default=""),
    Column("flags", String(100), nullable=False, server_default=""),  # e.g. import_closed_before_received
    Column("version", Integer, nullable=False, server_default="1"),
    Column("updated_at", DateTime, nullable=False),
    CheckConstraint("status IN ('received', 'assigned', 'in_progress', 'on_hold', 'transferred',"
                    " 'done', 'closed')", name="status"),
    Index("ix_complaints_open_due", "open", "due_at", "id"),
    Index("ix_complaints_assignee_open_due", "assignee_id", "open", "due_at", "id"),
    Index("ix_complaints_department_open_due", "department_id", "open", "due_at", "id"),
    Index("ix_complaints_received_at_id", "received_at", "id"),
    Index("ix_complaints_due_at_id", "due_at", "id"),  # 전체 in due-date order
    Index("ix_complaints_road_category", "road", "category_id"),  # repeats at the same place
    # finished today (status bar), 해피콜 weeks; the monthly report reads its month's finished
    # and received cases from these two alone (no row lookups for 80,000 cases)
    Index("ix_complaints_done_report", "done_at", "due_at", "received_at", "category_id",
          "department_id", "citizen_id"),
    Index("ix_complaints_received_report", "received_at", "channel", "type_code", "category_id",
          "department_id", "citizen_id"),
    # a resident's cases in time order; with the category, a repeated 민원 is found on it alone
    Index("ix_complaints_citizen_received_category", "citizen_id", "received_at", "category_id"),
    Index("ix_complaints_category_received", "category_id", "received_at"),
)

complaint_events = Table(
    "complaint_events",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("complaint_id", Integer, ForeignKey("complaints.id", ondelete="CASCADE"), nullable=False),
    Column("at", DateTime, nullable=False),
    Column("staff_id", Integer, ForeignKey("staff.id"), nullable=True),
    Column("actor", String(50), nullable=False),
    Column("kind", String(12), nullable=False),      # received | an Action value | import
    Column("from_status", String(12), nullable=True),
    Column("to_status", String(12), nullable=True),
    Column("note", Text, nullable=False, server_default=""),
    Index("ix_complaint_events_complaint_at", "complaint_id", "at"),
)

# Cases linked as the same matter (repeats), each pair once with the smaller id first.
complaint_links = Table(
    "complaint_links",
    metadata,
    Column("first_id", Integer, ForeignKey("complaints.id", ondelete="CASCADE"), primary_key=True),
    Column("second_id", Integer, ForeignKey("complaints.id", ondelete="CASCADE"), primary_key=True),
    Column("linked_at", DateTime, nullable=False),
    CheckConstraint("first_id < second_id", name="order"),
)

# 해피콜: one call per closed 민원 chosen by the sampling rule, and each attempt at it.
happy_calls = Table(
    "happy_calls",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("complaint_id", Integer, ForeignKey("complaints.id", ondelete="CASCADE"), nullable=False,
           unique=True),
    Column("reason", String(10), nullable=False),
    Column("sampled_at", DateTime, nullable=False),
    Column("status", String(10), nullable=False, server_default="pending"),
    Column("attempts", Integer, nullable=False, server_default="0"),
    Column("last_outcome", String(15), nullable=True),
    Column("last_at", DateTime, nullable=True),
    Index("ix_happy_calls_status", "status", "sampled_at"),
)

happy_call_attempts = Table(
    "happy_call_attempts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("call_id", Integer, ForeignKey("happy_calls.id", ondelete="CASCADE"), nullable=False),
    Column("at", DateTime, nullable=False),
    Column("staff_id", Integer, ForeignKey("staff.id"), nullable=True),
    Column("actor", String(50), nullable=False),
    Column("outcome", String(15), nullable=False),
    Column("note", Text, nullable=False, server_default=""),
    Index("ix_happy_call_attempts_call", "call_id", "at"),
)

# Files a 민원 came with (photos, scanned letters), stored beside the database under the name of
# their SHA-256, so the same file attached twice is kept once.
complaint_attachments = Table(
    "complaint_attachments",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("complaint_id", Integer, ForeignKey("complaints.id", ondelete="CASCADE"), nullable=False),
    Column("name", String(255), nullable=False),
    Column("size", Integer, nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("added_at", DateTime, nullable=False),
    Column("actor", String(50), nullable=False),
    Index("ix_complaint_attachments_complaint", "complaint_id"),
)

# --- 만족도 조사 --------------------------------------------------------------------------------

surveys = Table(
    "surveys",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("code", String(30), nullable=False, unique=True),
    Column("title", String(100), nullable=False),
    Column("linked", Boolean, nullable=False),  # chosen at creation, locked at the first answer
    Column("created_at", DateTime, nullable=False),
    Column("active", Boolean, nullable=False, server_default="1"),
)

# A questionnaire version, frozen at its first response: a later edit makes a new version.
survey_versions = Table(
    "survey_versions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("survey_id", Integer, ForeignKey("surveys.id"), nullable=False),
    Column("version", Integer, nullable=False),
    Column("definition", Text, nullable=False),  # the questionnaire as JSON
    Column("created_at", DateTime, nullable=False),
    Column("frozen_at", DateTime, nullable=True),
    UniqueConstraint("survey_id", "version"),
)

survey_responses = Table(
    "survey_responses",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("version_id", Integer, ForeignKey("survey_versions.id"), nullable=False),
    Column("mode", String(10), nullable=False),  # kiosk | phone | paper | import
    Column("submitted_at", DateTime, nullable=False),
    Column("seconds", Integer, nullable=True),
    Column("flags", String(50), nullable=False, server_default=""),
    Column("form_no", String(20), nullable=True),  # the number written on a paper form
    CheckConstraint("mode IN ('kiosk', 'phone', 'paper', 'import')", name="mode"),
    Index("ix_survey_responses_version_submitted", "version_id", "submitted_at"),
)

# One row per answered item (CODE or CODE.ROW); 해당없음 is its own flag, never a number.
survey_answers = Table(
    "survey_answers",
    metadata,
    Column("response_id", Integer, ForeignKey("survey_responses.id", ondelete="CASCADE"),
           primary_key=True),
    Column("item", String(40), primary_key=True),
    Column("value_num", Float, nullable=True),
    Column("value_text", Text, nullable=True),
    Column("na", Boolean, nullable=False, server_default="0"),
    sqlite_with_rowid=False,
)

# Links of a response to a 민원 or a resident, kept apart from the answers.
survey_links = Table(
    "survey_links",
    metadata,
    Column("response_id", Integer, ForeignKey("survey_responses.id", ondelete="CASCADE"),
           primary_key=True),
    Column("complaint_id", Integer, ForeignKey("complaints.id"), nullable=True),
    Column("citizen_id", Integer, ForeignKey("citizens.id"), nullable=True),
    Index("ix_survey_links_complaint", "complaint_id"),
    Index("ix_survey_links_citizen", "citizen_id"),
)

# What a manager owes after a linked response scored OVERALL 2 or lower: a call back.
survey_callbacks = Table(
    "survey_callbacks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("response_id", Integer, ForeignKey("survey_responses.id", ondelete="CASCADE"),
           nullable=False, unique=True),
    Column("complaint_id", Integer, ForeignKey("complaints.id"), nullable=True),
    Column("reason", String(100), nullable=False),
    Column("created_at", DateTime, nullable=False),
    Column("done_at", DateTime, nullable=True),
    Column("done_by", String(50), nullable=True),
    Column("note", Text, nullable=False, server_default=""),
    Index("ix_survey_callbacks_open", "done_at", "created_at"),
)

# Office-wide settings that travel with the database (the kiosk's survey and PIN, …).
office_settings = Table(
    "office_settings",
    metadata,
    Column("key", String(40), primary_key=True),
    Column("value", Text, nullable=False),
)

# The month's summary reads these daily sums, not 20,000 responses' answers: kept by triggers
# on survey_answers and survey_responses (migration 0008), so every writer keeps them right.
survey_item_days = Table(
    "survey_item_days",
    metadata,
    Column("version_id", Integer, primary_key=True),
    Column("day", String(10), primary_key=True),  # YYYY-MM-DD of submitted_at
    Column("item", String(40), primary_key=True),
    Column("n", Integer, nullable=False),          # answers with a number
    Column("total", Float, nullable=False),
    Column("total_sq", Float, nullable=False),
    Column("na", Integer, nullable=False),
    Column("top5", Integer, nullable=False),       # 4 and over
    Column("top7", Integer, nullable=False),       # 6 and over
    Column("promoters", Integer, nullable=False),  # 9 and over
    Column("detractors", Integer, nullable=False),  # 6 and under
    sqlite_with_rowid=False,
)

survey_response_days = Table(
    "survey_response_days",
    metadata,
    Column("version_id", Integer, primary_key=True),
    Column("day", String(10), primary_key=True),
    Column("mode", String(10), primary_key=True),
    Column("flags", String(50), primary_key=True),
    Column("n", Integer, nullable=False),
    sqlite_with_rowid=False,
)

# 개선과제: an action taken on a figure of the analysis, and that figure before and after.
improvement_actions = Table(
    "improvement_actions",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", String(200), nullable=False),
    Column("measure", Text, nullable=False, server_default=""),
    Column("figure_key", String(100), nullable=False),   # "group:3", "channel:visit", "all", …
    Column("metric", String(20), nullable=False),        # on_time | days | satisfaction | …
    Column("figure_label", String(200), nullable=False),
    Column("baseline_first", Date, nullable=False),
    Column("baseline_last", Date, nullable=False),
    Column("baseline_value", Float, nullable=True),
    Column("baseline_n", Integer, nullable=False, server_default="0"),
    Column("baseline_low", Float, nullable=True),   # its 95 % range
    Column("baseline_high", Float, nullable=True),
    Column("owner_id", Integer, ForeignKey("staff.id"), nullable=True),
    Column("due_on", Date, nullable=True),
    Column("status", String(12), nullable=False, server_default="planned"),
    Column("created_at", DateTime, nullable=False),
    Column("created_by", String(50), nullable=False),
    Column("updated_at", DateTime, nullable=False),
    Column("version", Integer, nullable=False, server_default="1"),
    Column("after_first", Date, nullable=True),
    Column("after_last", Date, nullable=True),
    Column("after_value", Float, nullable=True),
    Column("after_n", Integer, nullable=True),
    Column("after_low", Float, nullable=True),
    Column("after_high", Float, nullable=True),
    Column("after_significant", Boolean, nullable=True),
    Column("evaluation", Text, nullable=False, server_default=""),
    CheckConstraint("status IN ('planned', 'in_progress', 'done', 'evaluated', 'dropped')",
                    name="status"),
    Index("ix_improvement_actions_status_due", "status", "due_on"),
)
