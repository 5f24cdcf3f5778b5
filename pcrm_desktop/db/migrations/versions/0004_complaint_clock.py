"""The 민원 clock: the holiday calendar (seeded per year from the `holidays` package when first
needed, editable) and the 민원 types with their default processing periods (editable).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# code, name, default period in days (None: set per service; 0: 즉시), DOMAIN.md §3
SEED_TYPES = [
    ("legal", "법정민원", None),
    ("inquiry", "질의민원", 7),
    ("suggestion", "건의민원", 14),
    ("grievance", "고충민원", 7),
    ("other", "기타민원", 0),
]


def upgrade() -> None:
    op.create_table(
        "holidays",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("source", sa.String(length=10), nullable=False),
        sa.Column("active", sa.Boolean(), server_default="1", nullable=False),
        sa.Column("changed_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("source IN ('package', 'staff')", name=op.f("ck_holidays_source")),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_holidays")),
    )
    op.create_table(
        "holiday_years",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("seeded_at", sa.DateTime(), nullable=False),
        sa.Column("package_version", sa.String(length=20), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_holiday_years")),
    )
    types = op.create_table(
        "complaint_types",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=50), nullable=False),
        sa.Column("period_days", sa.Integer(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.CheckConstraint("period_days IS NULL OR period_days BETWEEN 0 AND 365",
                           name=op.f("ck_complaint_types_period_days")),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_complaint_types")),
    )
    op.bulk_insert(types, [dict(code=c, name=n, period_days=d, position=i)
                           for i, (c, n, d) in enumerate(SEED_TYPES)])


def downgrade() -> None:
    op.drop_table("complaint_types")
    op.drop_table("holiday_years")
    op.drop_table("holidays")
