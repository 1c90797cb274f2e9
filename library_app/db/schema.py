"""Tables of the catalog (SQLAlchemy 2 typed ORM).

Scalar parts of a description live in ``records``; the many small repeating values (languages,
subjects, places, identifiers, classes …) share one ordered table, ``record_values``, keyed by
``kind``, which keeps the schema small while still letting SQL answer "which record has ISBN x"
or "which subjects start with Вод" through one index.  Long free text (notes, links) is kept as
JSON on the record: it is only ever read with it.

Every table here must match the Alembic migrations; tests/test_migrations.py compares them.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    Numeric,
    String,
    Text,
    TypeDecorator,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Longest value prefix that is indexed: keeps PostgreSQL b-tree rows under their size limit even
# for an imported 10 kB "subject", while every real heading fits.
VALUE_INDEX_PREFIX = 200


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Timestamps are stored in UTC and always come back timezone-aware, also from SQLite."""

    impl = DateTime(timezone=True)
    cache_ok = True

    @property
    def python_type(self) -> type:
        return dt.datetime

    def process_bind_param(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)

    def process_result_value(self, value: dt.datetime | None, dialect: Any) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


# SQLite only auto-increments INTEGER PRIMARY KEY; PostgreSQL journals may outgrow 32 bits.
JournalSeq = BigInteger().with_variant(Integer(), "sqlite")


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class RecordRow(Base):
    __tablename__ = "records"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    material_type: Mapped[str] = mapped_column(String(20), index=True)
    title: Mapped[str] = mapped_column(Text)
    title_remainder: Mapped[str] = mapped_column(Text, default="")
    responsibility: Mapped[str] = mapped_column(Text, default="")
    edition: Mapped[str] = mapped_column(Text, default="")
    year_text: Mapped[str] = mapped_column(String(64), default="")
    year_start: Mapped[int | None] = mapped_column(Integer, index=True)
    year_end: Mapped[int | None] = mapped_column(Integer)
    extent_pages: Mapped[str] = mapped_column(Text, default="")
    extent_illustrations: Mapped[str] = mapped_column(Text, default="")
    extent_dimensions: Mapped[str] = mapped_column(Text, default="")
    scale: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    project: Mapped[str] = mapped_column(Text, default="")
    host_title: Mapped[str | None] = mapped_column(Text)  # NULL: the record has no host item
    host_year: Mapped[str] = mapped_column(String(64), default="")
    host_volume: Mapped[str] = mapped_column(String(64), default="")
    host_issue: Mapped[str] = mapped_column(String(64), default="")
    host_pages: Mapped[str] = mapped_column(String(64), default="")
    notes: Mapped[list[str]] = mapped_column(JSON, default=list)
    links: Mapped[list[dict[str, str]]] = mapped_column(JSON, default=list)
    control_number: Mapped[str] = mapped_column(String(128), default="", index=True)
    control_source: Mapped[str] = mapped_column(String(128), default="")
    # the exchange record (MARC …) the description was imported from; see core.model.SourceRecord
    source_record: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    deleted_at: Mapped[dt.datetime | None] = mapped_column(UTCDateTime(), index=True)

    contributors: Mapped[list[ContributorRow]] = relationship(
        order_by="ContributorRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    values: Mapped[list[ValueRow]] = relationship(
        order_by="ValueRow.position", cascade="all, delete-orphan", passive_deletes=True
    )
    copies: Mapped[list[CopyRow]] = relationship(
        order_by="CopyRow.id", cascade="all, delete-orphan", passive_deletes=True
    )
    attachments: Mapped[list[AttachmentRow]] = relationship(
        order_by="AttachmentRow.id", cascade="all, delete-orphan", passive_deletes=True
    )

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy's API


class ContributorRow(Base):
    __tablename__ = "record_contributors"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(24))
    name: Mapped[str] = mapped_column(String(500), index=True)
    forenames: Mapped[str] = mapped_column(String(300), default="")
    name_other_script: Mapped[str] = mapped_column(String(500), default="")


class ValueRow(Base):
    """One repeating value of a record; ``kind`` says which list it belongs to (see mapping.py)."""

    __tablename__ = "record_values"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    position: Mapped[int] = mapped_column(Integer)
    value: Mapped[str] = mapped_column(Text)
    qualifier: Mapped[str] = mapped_column(String(200), default="")

    __table_args__ = (
        Index("ix_record_values_kind_value", "kind", func.substr(value, 1, VALUE_INDEX_PREFIX)),
    )


class CopyRow(Base):
    __tablename__ = "copies"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), index=True)
    inventory_number: Mapped[str] = mapped_column(String(64), unique=True)
    barcode: Mapped[str | None] = mapped_column(String(64), unique=True)  # NULL when none
    location: Mapped[str] = mapped_column(String(200), default="")
    shelf_mark: Mapped[str] = mapped_column(String(200), default="")
    status: Mapped[str] = mapped_column(String(20), index=True)
    acquired_on: Mapped[dt.date | None] = mapped_column(Date)
    source: Mapped[str | None] = mapped_column(String(20))
    price: Mapped[Decimal | None] = mapped_column(Numeric(14, 2))
    currency: Mapped[str] = mapped_column(String(3), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())

    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 - SQLAlchemy's API


class AttachmentRow(Base):
    __tablename__ = "attachments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_id: Mapped[int] = mapped_column(ForeignKey("records.id", ondelete="CASCADE"), index=True)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    filename: Mapped[str] = mapped_column(String(500))
    size: Mapped[int] = mapped_column(BigInteger)
    media_type: Mapped[str] = mapped_column(String(200))
    added_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())


class JournalRow(Base):
    """Append-only log of changes; the search index and the audit view follow it by ``seq``."""

    __tablename__ = "change_journal"

    seq: Mapped[int] = mapped_column(JournalSeq, primary_key=True, autoincrement=True)
    entity: Mapped[str] = mapped_column(String(20))
    entity_id: Mapped[int] = mapped_column(Integer)
    operation: Mapped[str] = mapped_column(String(20))
    record_id: Mapped[int | None] = mapped_column(Integer, index=True)  # owning record, if any
    changed_at: Mapped[dt.datetime] = mapped_column(UTCDateTime())
    user_name: Mapped[str] = mapped_column(String(200))

    __table_args__ = (Index("ix_change_journal_entity", "entity", "entity_id"),)
