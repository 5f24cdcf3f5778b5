"""민원: types and categories with their periods, receipt numbers, the cases, their events,
links and attached files."""
from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from pcrm_desktop.db.tables.base import metadata

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
    # not enforce a length), so a file's column was not rebuilt for it; a server enforces
    # lengths, and 0014 widened the column there
    Column("period_unit", String(5).with_variant(String(6), "postgresql"), nullable=False),
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


# The bytes of each distinct attached file on an office server (migration 0014); a SQLite file
# keeps them beside it (attachments/<sha256>) and leaves this table empty.
attachment_contents = Table(
    "attachment_contents",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", Integer, nullable=False),
    Column("data", LargeBinary, nullable=False),
)
