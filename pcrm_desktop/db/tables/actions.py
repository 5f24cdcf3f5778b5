"""개선과제: improvement actions taken on a figure of the analysis."""
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
    String,
    Table,
    Text,
)

from pcrm_desktop.db.tables.base import metadata

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
