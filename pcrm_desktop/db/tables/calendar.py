"""The 민원 clock's calendar: days off besides weekends, and which years were seeded."""
from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Integer,
    String,
    Table,
)

from pcrm_desktop.db.tables.base import metadata

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
