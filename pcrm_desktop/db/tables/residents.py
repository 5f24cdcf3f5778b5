"""Residents (주민·고객): the record, phone numbers, the two-character search index, groups,
consents and contacts."""
from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
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
