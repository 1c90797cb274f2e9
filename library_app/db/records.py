"""The record repository: the only code that writes descriptions and copies.

Every change bumps the row's version and appends to the change journal in the same transaction,
so the search index (and later an audit view) can follow the journal without ever missing or
double-counting a change.  Bulk writes are one transaction: a batch lands whole or not at all.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, insert, select, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, selectinload
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.exc import StaleDataError

from library_app.core.errors import (
    ConflictError,
    NotFound,
    ValidationFailed,
)
from library_app.core.model import Record
from library_app.core.progress import (
    CancelCheck,
    ProgressCallback,
    check_cancel,
    never_cancelled,
    no_progress,
)
from library_app.core.validation import errors_only, normalize_record, validate_record
from library_app.db import mapping
from library_app.db.catalog import Catalog
from library_app.db.schema import (
    ContributorRow,
    CopyRow,
    JournalRow,
    RecordRow,
    ValueRow,
)
from library_app.db.transactions import RawProblem, WriteTransaction, integrity_message

BATCH_SIZE = 500
ANALYZE_AFTER = 1000  # records in one load


@dataclass(frozen=True)
class RecordSummary:
    """What a list row shows; cheap to fetch for thousands of records."""

    id: int
    title: str
    first_author: str
    year: str
    material_type: str
    languages: tuple[str, ...]
    copies: int
    deleted: bool


@dataclass(frozen=True)
class JournalEntry:
    seq: int
    entity: str
    entity_id: int
    operation: str
    record_id: int | None
    changed_at: dt.datetime
    user_name: str


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class RecordRepository:
    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    # --- writing -------------------------------------------------------------------------

    def add(self, record: Record) -> Record:
        (record_id,) = self.add_many([record])
        return self.get(record_id)

    def add_many(
        self,
        records: Iterable[Record],
        *,
        total: int | None = None,
        progress: ProgressCallback = no_progress,
        is_cancelled: CancelCheck = never_cancelled,
        batch_size: int = BATCH_SIZE,
    ) -> list[int]:
        """Insert records (with their copies) in one transaction and return their new ids.

        Every record is validated first; any error aborts the whole batch with the record's
        position in the message.  Cancelling rolls back everything written so far.
        """
        ids: list[int] = []
        done = 0
        with self._writing() as session:
            batch: list[Record] = []
            for record in records:
                batch.append(record)
                if len(batch) >= batch_size:
                    ids += self._insert_batch(session, batch, first_position=done)
                    done += len(batch)
                    batch = []
                    progress(done, total or done)
                    check_cancel(is_cancelled)
            if batch:
                ids += self._insert_batch(session, batch, first_position=done)
                done += len(batch)
                progress(done, total or done)
                check_cancel(is_cancelled)
        if len(ids) >= ANALYZE_AFTER:
            self._refresh_planner_statistics()
        return ids

    def _refresh_planner_statistics(self) -> None:
        """After a large load the query planner's picture of the tables is stale until
        autovacuum comes by; statistics and list queries were seconds slower in the meantime."""
        statement = "ANALYZE" if self.catalog.dialect == "postgresql" else "PRAGMA optimize"
        with self.catalog.engine.connect() as connection:
            connection.execute(text(statement))
            connection.commit()

    def _insert_batch(
        self, session: Session, records: Sequence[Record], first_position: int
    ) -> list[int]:
        _check_batch(records, first_position)
        self._check_copy_numbers_free(session, [c for r in records for c in r.copies])
        now = _now()
        record_rows = []
        for record in records:
            row = mapping.record_columns(record, now)
            row.update(version=1, created_at=now, deleted_at=None)
            record_rows.append(row)
        # Core inserts on the tables: the ORM's bulk path costs more than the database here.
        records_table = RecordRow.__table__
        new_ids = list(
            session.scalars(
                insert(records_table).returning(records_table.c.id, sort_by_parameter_order=True),
                record_rows,
            )
        )
        contributor_rows, value_rows, copy_rows = [], [], []
        for record_id, record in zip(new_ids, records, strict=True):
            contributor_rows += [
                {**c, "record_id": record_id} for c in mapping.contributor_rows(record)
            ]
            value_rows += [{**v, "record_id": record_id} for v in mapping.value_rows(record)]
            copy_rows += [
                {
                    **mapping.copy_columns(copy, now),
                    "record_id": record_id,
                    "version": 1,
                    "created_at": now,
                }
                for copy in record.copies
            ]
        if contributor_rows:
            session.execute(insert(ContributorRow.__table__), contributor_rows)
        if value_rows:
            session.execute(insert(ValueRow.__table__), value_rows)
        journal = [self._journal("record", rid, "insert", rid, now) for rid in new_ids]
        if copy_rows:
            copies_table = CopyRow.__table__
            copy_ids = session.scalars(
                insert(copies_table).returning(copies_table.c.id, sort_by_parameter_order=True),
                copy_rows,
            )
            journal += [
                self._journal("copy", cid, "insert", row["record_id"], now)
                for cid, row in zip(copy_ids, copy_rows, strict=True)
            ]
        session.execute(insert(JournalRow.__table__), journal)
        return new_ids

    def update(self, record: Record) -> Record:
        """Save an edited record.  ``record.version`` must be the version that was loaded."""
        if record.id is None:
            raise NotFound("the record has no id; use add for new records")
        normalize_record(record)
        errors = errors_only(validate_record(record))
        if errors:
            raise ValidationFailed(errors)
        with self._writing() as session:
            self._write_update(session, self._load_row(session, record.id), record, _now())
        return self.get(record.id)

    def update_many(
        self,
        records: Sequence[Record],
        *,
        progress: ProgressCallback = no_progress,
        is_cancelled: CancelCheck = never_cancelled,
    ) -> int:
        """Save edited records in one transaction and return how many: all of them or none.

        Each ``record.version`` must be the version that was loaded.  A problem with any record
        (invalid, changed by someone meanwhile, a number already used) aborts the whole batch,
        naming the record's position and id; cancelling rolls back everything written so far.
        """
        for position, record in enumerate(records, start=1):
            if record.id is None:
                raise NotFound(f"record {position} has no id; use add_many for new records")
        _check_batch(records, 0)
        with self._writing() as session:
            self._update_rows(session, records, progress, is_cancelled, done=0, total=len(records))
        return len(records)

    def import_batch(
        self,
        new_records: Sequence[Record],
        updated_records: Sequence[Record],
        *,
        progress: ProgressCallback = no_progress,
        is_cancelled: CancelCheck = never_cancelled,
    ) -> list[int]:
        """Insert ``new_records`` and save ``updated_records`` in one transaction; return the
        new ids.  An import must be all or nothing: adding 9,000 records and then failing on
        the 1,000 updates would leave a half-imported file behind."""
        for position, record in enumerate(updated_records, start=1):
            if record.id is None:
                raise NotFound(f"updated record {position} has no id")
        _check_batch(updated_records, 0)
        total = len(new_records) + len(updated_records)
        ids: list[int] = []
        with self._writing() as session:
            for start in range(0, len(new_records), BATCH_SIZE):
                batch = new_records[start : start + BATCH_SIZE]
                ids += self._insert_batch(session, batch, first_position=start)
                progress(start + len(batch), total)
                check_cancel(is_cancelled)
            self._update_rows(
                session, updated_records, progress, is_cancelled, done=len(ids), total=total
            )
        if len(ids) >= ANALYZE_AFTER:
            self._refresh_planner_statistics()
        return ids

    def _update_rows(
        self,
        session: Session,
        records: Sequence[Record],
        progress: ProgressCallback,
        is_cancelled: CancelCheck,
        *,
        done: int,
        total: int,
    ) -> None:
        now = _now()
        count = len(records)
        for start in range(0, count, BATCH_SIZE):
            chunk = records[start : start + BATCH_SIZE]
            query = self._full_select().where(RecordRow.id.in_([r.id for r in chunk]))
            rows = {row.id: row for row in session.scalars(query)}
            for position, record in enumerate(chunk, start=start + 1):
                label = f"record {position} of {count} (id {record.id})"
                row = rows.get(record.id)
                if row is None:
                    raise NotFound(f"{label}: there is no record with id {record.id}")
                try:
                    self._write_update(session, row, record, now)
                except ConflictError as error:
                    raise ConflictError(f"{label}: {error}") from error
                except IntegrityError as error:
                    raise ConflictError(f"{label}: {integrity_message(error)}") from error
                except StaleDataError as error:
                    raise ConflictError(f"{label}: changed by someone else just now") from error
                progress(done + position, total)
                check_cancel(is_cancelled)

    def _write_update(
        self, session: Session, row: RecordRow, record: Record, now: dt.datetime
    ) -> None:
        """Write a validated ``record`` over its loaded ``row`` and journal it."""
        if row.version != record.version:
            raise ConflictError(
                f"record {record.id} was changed by {self._last_editor(session, row.id)} "
                f"since you opened it (version {row.version}, yours {record.version}); "
                "reload it and apply your change again"
            )
        for key, value in mapping.record_columns(record, now).items():
            setattr(row, key, value)
        # A change of subjects or copies alone may leave every column as it was (within the same
        # second even updated_at): the version must move on all the same, or an editor holding
        # the old version would later overwrite this change unnoticed.
        flag_modified(row, "updated_at")
        row.contributors = [ContributorRow(**c) for c in mapping.contributor_rows(record)]
        row.values = [ValueRow(**v) for v in mapping.value_rows(record)]
        self._sync_copies(session, row, record, now)
        session.flush()
        session.add(self._journal_row("record", row.id, "update", row.id, now))

    def _sync_copies(self, session: Session, row: RecordRow, record: Record, now: dt.datetime):
        existing_by_id = {c.id: c for c in row.copies}
        existing_by_number = {c.inventory_number: c for c in row.copies}
        kept: set[int] = set()
        new_copies = []
        for copy in record.copies:
            target = existing_by_id.get(copy.id) if copy.id else None
            target = target or existing_by_number.get(copy.inventory_number)
            if target is None:
                new_copies.append(copy)
                continue
            kept.add(target.id)
            columns = mapping.copy_columns(copy, now)
            changed = {k: v for k, v in columns.items() if k != "updated_at"}
            if any(getattr(target, k) != v for k, v in changed.items()):
                for key, value in columns.items():
                    setattr(target, key, value)
                session.add(self._journal_row("copy", target.id, "update", row.id, now))
        others = [c for c in record.copies if c in new_copies]
        self._check_copy_numbers_free(session, others, own_record=row.id)
        for copy_row in list(row.copies):
            if copy_row.id not in kept:
                session.add(self._journal_row("copy", copy_row.id, "delete", row.id, now))
                row.copies.remove(copy_row)
        session.flush()  # frees removed numbers before new copies may reuse them
        for copy in new_copies:
            copy_row = CopyRow(**mapping.copy_columns(copy, now), created_at=now, version=1)
            row.copies.append(copy_row)
            session.flush()
            session.add(self._journal_row("copy", copy_row.id, "insert", row.id, now))

    def delete(self, record_id: int) -> None:
        """Soft delete: the record leaves searches and lists but can be restored."""
        self._set_deleted([record_id], deleted=True)

    def undelete(self, record_id: int) -> None:
        self._set_deleted([record_id], deleted=False)

    def delete_many(self, record_ids: Sequence[int]) -> int:
        """Soft-delete several records in one transaction: all of them or, on error, none."""
        return self._set_deleted(record_ids, deleted=True)

    def undelete_many(self, record_ids: Sequence[int]) -> int:
        return self._set_deleted(record_ids, deleted=False)

    def _set_deleted(self, record_ids: Sequence[int], *, deleted: bool) -> int:
        now = _now()
        operation = "delete" if deleted else "restore"
        with self._writing() as session:
            for start in range(0, len(record_ids), BATCH_SIZE):
                chunk = list(record_ids[start : start + BATCH_SIZE])
                query = select(RecordRow).where(RecordRow.id.in_(chunk))
                rows = {row.id: row for row in session.scalars(query)}
                for record_id in chunk:
                    row = rows.get(record_id)
                    if row is None:
                        raise NotFound(f"there is no record with id {record_id}")
                    if (row.deleted_at is not None) == deleted:
                        state = "already deleted" if deleted else "not deleted"
                        raise ConflictError(f"record {record_id} is {state}")
                    row.deleted_at = now if deleted else None
                    row.updated_at = now
                    session.add(self._journal_row("record", record_id, operation, record_id, now))
        return len(record_ids)

    # --- reading -------------------------------------------------------------------------

    def get(self, record_id: int) -> Record:
        with self.catalog.session() as session:
            return self._to_record(self._load_row(session, record_id))

    def get_many(self, record_ids: Sequence[int]) -> list[Record]:
        """Records in the order of ``record_ids`` (missing ids are skipped)."""
        found: dict[int, Record] = {}
        with self.catalog.session() as session:
            for start in range(0, len(record_ids), BATCH_SIZE):
                chunk = record_ids[start : start + BATCH_SIZE]
                rows = session.scalars(self._full_select().where(RecordRow.id.in_(chunk)))
                found.update({row.id: self._to_record(row) for row in rows})
        return [found[i] for i in record_ids if i in found]

    def exists(self, record_id: int) -> bool:
        with self.catalog.session() as session:
            return session.get(RecordRow, record_id) is not None

    def find_by_control_number(self, control_number: str) -> list[int]:
        with self.catalog.session() as session:
            return list(
                session.scalars(
                    select(RecordRow.id)
                    .where(RecordRow.control_number == control_number)
                    .order_by(RecordRow.id)
                )
            )

    def ids(self, *, include_deleted: bool = False) -> list[int]:
        query = select(RecordRow.id).order_by(RecordRow.id)
        if not include_deleted:
            query = query.where(RecordRow.deleted_at.is_(None))
        with self.catalog.session() as session:
            return list(session.scalars(query))

    def count(self, *, include_deleted: bool = False) -> int:
        query = select(func.count()).select_from(RecordRow)
        if not include_deleted:
            query = query.where(RecordRow.deleted_at.is_(None))
        with self.catalog.session() as session:
            return session.scalar(query) or 0

    def list(
        self, *, limit: int | None = None, offset: int = 0, deleted: bool = False
    ) -> list[RecordSummary]:
        """Summaries ordered by id; ``deleted=True`` lists the trash instead."""
        condition = RecordRow.deleted_at.is_not(None) if deleted else RecordRow.deleted_at.is_(None)
        with self.catalog.session() as session:
            rows = session.execute(
                select(
                    RecordRow.id,
                    RecordRow.title,
                    RecordRow.year_text,
                    RecordRow.material_type,
                    RecordRow.deleted_at,
                )
                .where(condition)
                .order_by(RecordRow.id)
                .limit(limit)
                .offset(offset)
            ).all()
            ids = [r.id for r in rows]
            authors: dict[int, str] = {}
            languages: dict[int, list[str]] = {}
            copies: dict[int, int] = {}
            for start in range(0, len(ids), BATCH_SIZE):
                chunk = ids[start : start + BATCH_SIZE]
                for c in session.execute(
                    select(
                        ContributorRow.record_id, ContributorRow.name, ContributorRow.forenames
                    ).where(ContributorRow.record_id.in_(chunk), ContributorRow.position == 0)
                ):
                    authors[c.record_id] = f"{c.name}, {c.forenames}" if c.forenames else c.name
                for v in session.execute(
                    select(ValueRow.record_id, ValueRow.value)
                    .where(ValueRow.record_id.in_(chunk), ValueRow.kind == "language")
                    .order_by(ValueRow.record_id, ValueRow.position)
                ):
                    languages.setdefault(v.record_id, []).append(v.value)
                for record_id, n in session.execute(
                    select(CopyRow.record_id, func.count())
                    .where(CopyRow.record_id.in_(chunk))
                    .group_by(CopyRow.record_id)
                ):
                    copies[record_id] = n
        return [
            RecordSummary(
                id=r.id,
                title=r.title,
                first_author=authors.get(r.id, ""),
                year=r.year_text,
                material_type=r.material_type,
                languages=tuple(languages.get(r.id, [])),
                copies=copies.get(r.id, 0),
                deleted=r.deleted_at is not None,
            )
            for r in rows
        ]

    def next_inventory_number(self) -> int:
        """One past the highest purely numeric inventory number in the catalog."""
        with self.catalog.session() as session:
            numbers = session.scalars(select(CopyRow.inventory_number))
            highest = max((int(n) for n in numbers if n.isdigit()), default=0)
        return highest + 1

    def journal(self, after_seq: int = 0, limit: int = 10_000) -> list[JournalEntry]:
        with self.catalog.session() as session:
            rows = session.scalars(
                select(JournalRow)
                .where(JournalRow.seq > after_seq)
                .order_by(JournalRow.seq)
                .limit(limit)
            )
            return [
                JournalEntry(
                    r.seq,
                    r.entity,
                    r.entity_id,
                    r.operation,
                    r.record_id,
                    r.changed_at,
                    r.user_name,
                )
                for r in rows
            ]

    # --- helpers -------------------------------------------------------------------------

    def _writing(self) -> WriteTransaction:
        return WriteTransaction(self.catalog)

    @staticmethod
    def _full_select():
        return select(RecordRow).options(
            selectinload(RecordRow.contributors),
            selectinload(RecordRow.values),
            selectinload(RecordRow.copies),
            selectinload(RecordRow.attachments),
        )

    def _load_row(self, session: Session, record_id: int) -> RecordRow:
        row = session.scalars(self._full_select().where(RecordRow.id == record_id)).first()
        if row is None:
            raise NotFound(f"there is no record with id {record_id}")
        return row

    @staticmethod
    def _to_record(row: RecordRow) -> Record:
        return mapping.record_from_rows(
            row, row.contributors, row.values, row.copies, row.attachments
        )

    def _last_editor(self, session: Session, record_id: int) -> str:
        name = session.scalar(
            select(JournalRow.user_name)
            .where(JournalRow.record_id == record_id)
            .order_by(JournalRow.seq.desc())
            .limit(1)
        )
        return name or "someone else"

    def _check_copy_numbers_free(
        self, session: Session, copies: Sequence, own_record: int | None = None
    ) -> None:
        """Refuse inventory numbers or barcodes already used, naming the record that holds them."""
        for column, attribute, label in (
            (CopyRow.inventory_number, "inventory_number", "inventory number"),
            (CopyRow.barcode, "barcode", "barcode"),
        ):
            wanted = [getattr(c, attribute) for c in copies if getattr(c, attribute)]
            seen: set[str] = set()
            for value in wanted:
                if value in seen:
                    raise ConflictError(f"{label} {value} is given to two copies in this batch")
                seen.add(value)
            for start in range(0, len(wanted), BATCH_SIZE):
                chunk = wanted[start : start + BATCH_SIZE]
                query = select(column, CopyRow.record_id).where(column.in_(chunk))
                if own_record is not None:
                    query = query.where(CopyRow.record_id != own_record)
                clash = session.execute(query.limit(1)).first()
                if clash:
                    raise ConflictError(
                        f"{label} {clash[0]} is already used by a copy of record {clash[1]}"
                    )

    def _journal(
        self, entity: str, entity_id: int, operation: str, record_id: int, now: dt.datetime
    ) -> dict:
        return {
            "entity": entity,
            "entity_id": entity_id,
            "operation": operation,
            "record_id": record_id,
            "changed_at": now,
            "user_name": self.catalog.user,
        }

    def _journal_row(self, *args, **kwargs) -> JournalRow:
        return JournalRow(**self._journal(*args, **kwargs))


def _check_batch(records: Sequence[Record], first_position: int) -> None:
    """Normalise and validate a batch; any error stops it, naming the record (its position in
    the batch, its id when it has one, and the start of its title)."""
    problems: list[str] = []
    for offset, record in enumerate(records):
        normalize_record(record)
        errors = errors_only(validate_record(record))
        if errors:
            details = [f"id {record.id}"] if record.id is not None else []
            if record.title:
                details.append(f"«{record.title[:60]}»")
            label = f"record {first_position + offset + 1}"
            if details:
                label += f" ({', '.join(details)})"
            problems.extend(f"{label}: {p}" for p in errors)
    if problems:
        raise ValidationFailed([RawProblem(line) for line in problems])
