"""만족도 조사: surveys, their frozen versions, responses and answers, links to a 민원 or a
resident, callbacks owed, and the daily sums the monthly summary reads."""
from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from pcrm_desktop.db.tables.base import metadata

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
