"""Change journal: every record/copy change is logged in the same transaction.

The search index and the audit view follow the journal by sequence number.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_journal",
        sa.Column(
            "seq",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("entity", sa.String(length=20), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("operation", sa.String(length=20), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=True),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("user_name", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_change_journal")),
    )
    with op.batch_alter_table("change_journal", schema=None) as batch_op:
        batch_op.create_index("ix_change_journal_entity", ["entity", "entity_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_change_journal_record_id"), ["record_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("change_journal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_change_journal_record_id"))
        batch_op.drop_index("ix_change_journal_entity")

    op.drop_table("change_journal")
