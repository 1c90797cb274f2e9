"""Initial catalog: records, contributors, repeating values, copies, attachments.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("material_type", sa.String(length=20), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("title_remainder", sa.Text(), nullable=False),
        sa.Column("responsibility", sa.Text(), nullable=False),
        sa.Column("edition", sa.Text(), nullable=False),
        sa.Column("year_text", sa.String(length=64), nullable=False),
        sa.Column("year_start", sa.Integer(), nullable=True),
        sa.Column("year_end", sa.Integer(), nullable=True),
        sa.Column("extent_pages", sa.Text(), nullable=False),
        sa.Column("extent_illustrations", sa.Text(), nullable=False),
        sa.Column("extent_dimensions", sa.Text(), nullable=False),
        sa.Column("scale", sa.String(length=200), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("project", sa.Text(), nullable=False),
        sa.Column("host_title", sa.Text(), nullable=True),
        sa.Column("host_year", sa.String(length=64), nullable=False),
        sa.Column("host_volume", sa.String(length=64), nullable=False),
        sa.Column("host_issue", sa.String(length=64), nullable=False),
        sa.Column("host_pages", sa.String(length=64), nullable=False),
        sa.Column("notes", sa.JSON(), nullable=False),
        sa.Column("links", sa.JSON(), nullable=False),
        sa.Column("control_number", sa.String(length=128), nullable=False),
        sa.Column("control_source", sa.String(length=128), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_records")),
    )
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_records_control_number"), ["control_number"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_records_deleted_at"), ["deleted_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_records_material_type"), ["material_type"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_records_year_start"), ["year_start"], unique=False)

    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("filename", sa.String(length=500), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("media_type", sa.String(length=200), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["records.id"],
            name=op.f("fk_attachments_record_id_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
    )
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_attachments_record_id"), ["record_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_attachments_sha256"), ["sha256"], unique=False)

    op.create_table(
        "copies",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("inventory_number", sa.String(length=64), nullable=False),
        sa.Column("barcode", sa.String(length=64), nullable=True),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("shelf_mark", sa.String(length=200), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("acquired_on", sa.Date(), nullable=True),
        sa.Column("source", sa.String(length=20), nullable=True),
        sa.Column("price", sa.Numeric(precision=14, scale=2), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["records.id"],
            name=op.f("fk_copies_record_id_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_copies")),
        sa.UniqueConstraint("barcode", name=op.f("uq_copies_barcode")),
        sa.UniqueConstraint("inventory_number", name=op.f("uq_copies_inventory_number")),
    )
    with op.batch_alter_table("copies", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_copies_record_id"), ["record_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_copies_status"), ["status"], unique=False)

    op.create_table(
        "record_contributors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=24), nullable=False),
        sa.Column("name", sa.String(length=500), nullable=False),
        sa.Column("forenames", sa.String(length=300), nullable=False),
        sa.Column("name_other_script", sa.String(length=500), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["records.id"],
            name=op.f("fk_record_contributors_record_id_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_contributors")),
    )
    with op.batch_alter_table("record_contributors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_record_contributors_name"), ["name"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_record_contributors_record_id"), ["record_id"], unique=False
        )

    op.create_table(
        "record_values",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=24), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("qualifier", sa.String(length=200), nullable=False),
        sa.ForeignKeyConstraint(
            ["record_id"],
            ["records.id"],
            name=op.f("fk_record_values_record_id_records"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_record_values")),
    )
    with op.batch_alter_table("record_values", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_record_values_record_id"), ["record_id"], unique=False)
    op.create_index(
        "ix_record_values_kind_value",
        "record_values",
        ["kind", sa.text("substr(value, 1, 200)")],
    )


def downgrade() -> None:
    op.drop_index("ix_record_values_kind_value", table_name="record_values")
    with op.batch_alter_table("record_values", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_record_values_record_id"))

    op.drop_table("record_values")
    with op.batch_alter_table("record_contributors", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_record_contributors_record_id"))
        batch_op.drop_index(batch_op.f("ix_record_contributors_name"))

    op.drop_table("record_contributors")
    with op.batch_alter_table("copies", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_copies_status"))
        batch_op.drop_index(batch_op.f("ix_copies_record_id"))

    op.drop_table("copies")
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachments_sha256"))
        batch_op.drop_index(batch_op.f("ix_attachments_record_id"))

    op.drop_table("attachments")
    with op.batch_alter_table("records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_records_year_start"))
        batch_op.drop_index(batch_op.f("ix_records_material_type"))
        batch_op.drop_index(batch_op.f("ix_records_deleted_at"))
        batch_op.drop_index(batch_op.f("ix_records_control_number"))

    op.drop_table("records")
