"""보존기간: the ledger of what retention runs destroyed (파기 대장)."""
from __future__ import annotations

from sqlalchemy import (
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
)

from pcrm_desktop.db.tables.base import metadata

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
