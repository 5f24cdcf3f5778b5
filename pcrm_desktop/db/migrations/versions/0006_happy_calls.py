"""해피콜: calls to a sample of applicants after closure, and each attempt; an index on the
completion time of 민원 (the status bar's "처리" today, the 해피콜 week); attachments of 민원.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-27
"""
import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.create_index("ix_complaints_done_at", ["done_at"], unique=False)
    op.create_table(
        "happy_calls",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("reason", sa.String(length=10), nullable=False),
        sa.Column("sampled_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(length=10), server_default="pending", nullable=False),
        sa.Column("attempts", sa.Integer(), server_default="0", nullable=False),
        sa.Column("last_outcome", sa.String(length=15), nullable=True),
        sa.Column("last_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["complaint_id"], ["complaints.id"],
                                name=op.f("fk_happy_calls_complaint_id_complaints"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_happy_calls")),
        sa.UniqueConstraint("complaint_id", name=op.f("uq_happy_calls_complaint_id")),
    )
    with op.batch_alter_table("happy_calls", schema=None) as batch_op:
        batch_op.create_index("ix_happy_calls_status", ["status", "sampled_at"], unique=False)
    op.create_table(
        "happy_call_attempts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("call_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("staff_id", sa.Integer(), nullable=True),
        sa.Column("actor", sa.String(length=50), nullable=False),
        sa.Column("outcome", sa.String(length=15), nullable=False),
        sa.Column("note", sa.Text(), server_default="", nullable=False),
        sa.ForeignKeyConstraint(["call_id"], ["happy_calls.id"],
                                name=op.f("fk_happy_call_attempts_call_id_happy_calls"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["staff_id"], ["staff.id"],
                                name=op.f("fk_happy_call_attempts_staff_id_staff")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_happy_call_attempts")),
    )
    with op.batch_alter_table("happy_call_attempts", schema=None) as batch_op:
        batch_op.create_index("ix_happy_call_attempts_call", ["call_id", "at"], unique=False)


    op.create_table(
        "complaint_attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("complaint_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=255), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("added_at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=50), nullable=False),
        sa.ForeignKeyConstraint(["complaint_id"], ["complaints.id"],
                                name=op.f("fk_complaint_attachments_complaint_id_complaints"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_complaint_attachments")),
    )
    with op.batch_alter_table("complaint_attachments", schema=None) as batch_op:
        batch_op.create_index("ix_complaint_attachments_complaint", ["complaint_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("complaint_attachments", schema=None) as batch_op:
        batch_op.drop_index("ix_complaint_attachments_complaint")
    op.drop_table("complaint_attachments")
    with op.batch_alter_table("happy_call_attempts", schema=None) as batch_op:
        batch_op.drop_index("ix_happy_call_attempts_call")
    op.drop_table("happy_call_attempts")
    with op.batch_alter_table("happy_calls", schema=None) as batch_op:
        batch_op.drop_index("ix_happy_calls_status")
    op.drop_table("happy_calls")
    with op.batch_alter_table("complaints", schema=None) as batch_op:
        batch_op.drop_index("ix_complaints_done_at")
