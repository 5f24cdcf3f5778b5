"""The office (one row), its departments and staff accounts, and office-wide settings."""
from __future__ import annotations

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
)

from pcrm_desktop.db.tables.base import metadata

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


# Office-wide settings that travel with the database (the kiosk's survey and PIN, …).
office_settings = Table(
    "office_settings",
    metadata,
    Column("key", String(40), primary_key=True),
    Column("value", Text, nullable=False),
)
