"""해피콜: the calls chosen among finished 민원, and each attempt at one."""
from __future__ import annotations

from sqlalchemy import (
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from pcrm_desktop.db.tables.base import metadata

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
