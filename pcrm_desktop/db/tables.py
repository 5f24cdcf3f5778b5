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
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
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
    Index("ix_audit_log_at", "at"),
)
