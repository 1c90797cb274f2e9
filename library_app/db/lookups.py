"""Small read-only questions the cataloguing editor asks while a librarian types.

Which copies already carry these inventory numbers or barcodes, which numbers a pattern has
issued so far, which records share an ISBN, and a few light rows (title, year, first author) for
the duplicate check.  Each answer is one or two indexed queries, so the editor can ask them in a
background task after every pause in typing, also against a remote PostgreSQL server.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, and_, func, literal_column, select
from sqlalchemy.orm import Session

from library_app.core.model import IdentifierType
from library_app.db.catalog import Catalog
from library_app.db.mapping import IDENTIFIER_PREFIX
from library_app.db.schema import VALUE_INDEX_PREFIX, ContributorRow, CopyRow, RecordRow, ValueRow

CHUNK = 500
"""Values per IN (...) list: well under SQLite's and PostgreSQL's parameter limits."""

YEAR_REACH = 10
"""How many years before a draft's year a multi-year record (a serial run) may start and still
be looked at; keeps the year query on the ``year_start`` index."""

MAX_BRIEFS = 20_000
"""Upper bound of light rows one candidate query returns (a year of a very large catalog)."""


@dataclass(frozen=True)
class CopyUse:
    """A copy that already carries an inventory number or barcode someone wants to use."""

    field: str  # "inventory_number" or "barcode"
    value: str
    record_id: int
    copy_id: int
    record_deleted: bool  # the record is in the trash, but its copies still hold the number


@dataclass(frozen=True)
class RecordBrief:
    """The few columns duplicate detection compares, and the banner shows."""

    id: int
    title: str
    title_remainder: str
    year_text: str
    author_name: str = ""  # surname (or a body's name) of the first contributor
    author_forenames: str = ""
    author_other_script: str = ""
    control_number: str = ""  # two records of one source with different numbers are two records
    control_source: str = ""
    material_type: str = ""

    @property
    def first_author(self) -> str:
        if self.author_name and self.author_forenames:
            return f"{self.author_name}, {self.author_forenames}"
        return self.author_name


def _chunks(values: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _distinct(values: Iterable[str]) -> list[str]:
    return sorted({v for v in values if v})


# --- copies ------------------------------------------------------------------------------------


def copies_using(
    catalog: Catalog,
    inventory_numbers: Iterable[str] = (),
    barcodes: Iterable[str] = (),
    *,
    exclude_record: int | None = None,
) -> list[CopyUse]:
    """Copies (of any record but ``exclude_record``) that use one of the numbers or barcodes.

    Copies of records in the trash count: their numbers stay taken until the record is purged.
    """
    found: list[CopyUse] = []
    with catalog.session() as session:
        for field, column, wanted in (
            ("inventory_number", CopyRow.inventory_number, _distinct(inventory_numbers)),
            ("barcode", CopyRow.barcode, _distinct(barcodes)),
        ):
            for chunk in _chunks(wanted):
                query = (
                    select(column, CopyRow.record_id, CopyRow.id, RecordRow.deleted_at)
                    .join(RecordRow, RecordRow.id == CopyRow.record_id)
                    .where(column.in_(chunk))
                )
                if exclude_record is not None:
                    query = query.where(CopyRow.record_id != exclude_record)
                found += [
                    CopyUse(field, value, record_id, copy_id, deleted_at is not None)
                    for value, record_id, copy_id, deleted_at in session.execute(query)
                ]
    return sorted(found, key=lambda use: (use.field, use.value, use.record_id))


def inventory_numbers(catalog: Catalog, prefix: str = "") -> list[str]:
    """Every inventory number in the catalog, or those starting with ``prefix``.

    The next free number is computed from these (``services.inventory.next_numbers``); the
    prefix is the pattern's fixed beginning ("INV-"), which leaves out other series.
    """
    query = select(CopyRow.inventory_number)
    if prefix:
        query = query.where(CopyRow.inventory_number.startswith(prefix, autoescape=True))
    with catalog.session() as session:
        return list(session.scalars(query))


# --- identifiers -------------------------------------------------------------------------------


def _value_prefix_in(
    value_column: ColumnElement[str], values: Sequence[str]
) -> ColumnElement[bool]:
    """``substr(value, 1, 200) IN (...)``: the condition the ``(kind, substr(value, 1, 200))``
    index answers.

    The expression must read exactly like the index's, literals included: SQLite does not match
    an index expression against bound parameters.  The full value is compared by the caller in
    Python, because SQLite's constant propagation turns ``substr(value…) = ? AND value = ?``
    into ``substr(?…)`` and then no longer uses the index."""
    prefix = func.substr(value_column, literal_column("1"), literal_column(str(VALUE_INDEX_PREFIX)))
    return prefix.in_(sorted({v[:VALUE_INDEX_PREFIX] for v in values}))


def records_with_identifier(
    catalog: Catalog,
    kind: IdentifierType | str,
    values: Iterable[str],
    *,
    exclude_record: int | None = None,
) -> list[int]:
    """Ids of live records holding an identifier of ``kind`` with one of ``values`` (as stored,
    i.e. normalised: ISBN-13 without hyphens, ISSN NNNN-NNNN)."""
    owners = identifier_owners(catalog, kind, values)
    return sorted({i for ids in owners.values() for i in ids if i != exclude_record})


# --- light rows for duplicate detection --------------------------------------------------------


_BRIEF_COLUMNS = (
    RecordRow.id,
    RecordRow.title,
    RecordRow.title_remainder,
    RecordRow.year_text,
    ContributorRow.name,
    ContributorRow.forenames,
    ContributorRow.name_other_script,
    RecordRow.deleted_at,
    RecordRow.control_number,
    RecordRow.control_source,
    RecordRow.material_type,
)


def _brief_select() -> Select:
    """Records with their first contributor, if any (an outer join from ``records``)."""
    first = ContributorRow
    return select(*_BRIEF_COLUMNS).outerjoin(
        first, and_(first.record_id == RecordRow.id, first.position == 0)
    )


def _briefs(session: Session, query: Select) -> list[RecordBrief]:
    """Rows of live records, by id.

    Deleted records are dropped here rather than in SQL: with ``deleted_at IS NULL`` in the
    WHERE clause SQLite's planner, lacking statistics, prefers that nearly useless index to the
    year or name index and reads the whole table."""
    briefs = [
        RecordBrief(
            id=row[0],
            title=row[1],
            title_remainder=row[2] or "",
            year_text=row[3] or "",
            author_name=row[4] or "",
            author_forenames=row[5] or "",
            author_other_script=row[6] or "",
            control_number=row[8] or "",
            control_source=row[9] or "",
            material_type=row[10] or "",
        )
        for row in session.execute(query)
        if row[7] is None
    ]
    return sorted(briefs, key=lambda brief: brief.id)


def record_briefs(catalog: Catalog, record_ids: Iterable[int]) -> list[RecordBrief]:
    """Light rows of the given (live) records, ordered by id."""
    ids = sorted(set(record_ids))
    found: list[RecordBrief] = []
    with catalog.session() as session:
        for start in range(0, len(ids), CHUNK):
            chunk = ids[start : start + CHUNK]
            found += _briefs(session, _brief_select().where(RecordRow.id.in_(chunk)))
    return sorted(found, key=lambda brief: brief.id)


def briefs_in_years(
    catalog: Catalog,
    start: int,
    end: int,
    *,
    exclude_record: int | None = None,
    reach: int = YEAR_REACH,
    limit: int = MAX_BRIEFS,
) -> list[RecordBrief]:
    """Light rows of live records whose years overlap ``start``–``end``.

    Only records that begin at most ``reach`` years before ``start`` are looked at, so the
    query stays a range scan of the ``year_start`` index however large the catalog is."""
    query = _brief_select().where(
        RecordRow.year_start >= start - reach,
        RecordRow.year_start <= end,
        RecordRow.year_end >= start,
    )
    if exclude_record is not None:
        query = query.where(RecordRow.id != exclude_record)
    with catalog.session() as session:
        return _briefs(session, query.limit(limit))


def briefs_by_first_author(
    catalog: Catalog,
    names: Iterable[str],
    *,
    exclude_record: int | None = None,
    limit: int = MAX_BRIEFS,
) -> list[RecordBrief]:
    """Light rows of live records whose first contributor's name is one of ``names``.

    Pass a name in both scripts (the draft's ``name`` and ``name_other_script``) to find
    records catalogued in the other one; only the indexed ``name`` column is compared."""
    wanted = _distinct(n.strip() for n in names)
    if not wanted:
        return []
    first = ContributorRow
    # An inner join: starting from the name index, not from every record.
    query = (
        select(*_BRIEF_COLUMNS)
        .select_from(first)
        .join(RecordRow, RecordRow.id == first.record_id)
        .where(first.name.in_(wanted), first.position == 0)
    )
    if exclude_record is not None:
        query = query.where(RecordRow.id != exclude_record)
    with catalog.session() as session:
        return _briefs(session, query.limit(limit))


# --- whole batches, for imports ------------------------------------------------------------------


def identifier_owners(
    catalog: Catalog, kind: IdentifierType | str, values: Iterable[str]
) -> dict[str, list[int]]:
    """For each of ``values`` (normalised), the live records holding it as an identifier of
    ``kind``: an import of 10,000 records asks once, not 10,000 times."""
    wanted = _distinct(values)
    stored_kind = IDENTIFIER_PREFIX + IdentifierType(kind).value
    owners: dict[str, list[int]] = {}
    with catalog.session() as session:
        for chunk in _chunks(wanted):
            query = (
                select(ValueRow.value, ValueRow.record_id)
                .join(RecordRow, RecordRow.id == ValueRow.record_id)
                .where(
                    ValueRow.kind == stored_kind,
                    _value_prefix_in(ValueRow.value, chunk),
                    RecordRow.deleted_at.is_(None),
                )
            )
            chosen = set(chunk)
            for value, record_id in session.execute(query):
                if value in chosen:
                    owners.setdefault(value, []).append(record_id)
    return {value: sorted(set(ids)) for value, ids in owners.items()}


def control_number_owners(
    catalog: Catalog, control_numbers: Iterable[str]
) -> dict[str, list[tuple[int, str]]]:
    """For each control number, the live records carrying it, with their control source: the
    same 001 from two different agencies (003) is not the same record."""
    wanted = _distinct(n.strip() for n in control_numbers)
    owners: dict[str, list[tuple[int, str]]] = {}
    with catalog.session() as session:
        for chunk in _chunks(wanted):
            query = select(RecordRow.control_number, RecordRow.id, RecordRow.control_source).where(
                RecordRow.control_number.in_(chunk), RecordRow.deleted_at.is_(None)
            )
            for number, record_id, source in session.execute(query):
                owners.setdefault(number, []).append((record_id, source or ""))
    return owners
