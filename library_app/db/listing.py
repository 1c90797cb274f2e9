"""Rows of the results table: what a list shows of each record, read for a block of ids.

The window asks for a block of about a hundred ids at a time as the user scrolls, so this must
answer in a few milliseconds on SQLite and in one round trip per table on PostgreSQL: four
queries over indexed ``record_id`` columns, nothing per row.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from library_app.db.catalog import Catalog
from library_app.db.mapping import CLASS_PREFIX
from library_app.db.schema import ContributorRow, CopyRow, RecordRow, ValueRow

AUTHORS_SHOWN = 3
CHUNK = 500  # ids per IN (...) list
# Without a copy's shelf mark, the class number it would be shelved by: the library's own
# scheme first, then BBK (what Russian-language libraries shelve by), then UDC.
SHELVING_SCHEMES = ("local", "bbk", "udc")
_CLASS_KINDS = tuple(CLASS_PREFIX + scheme for scheme in SHELVING_SCHEMES)


@dataclass(frozen=True)
class ListRow:
    id: int
    title: str
    authors: tuple[str, ...]
    year: str
    material_type: str
    languages: tuple[str, ...]
    shelf_mark: str
    copies: int
    available: int
    deleted: bool


def list_rows(catalog: Catalog, record_ids: Sequence[int]) -> dict[int, ListRow]:
    """The rows of ``record_ids`` that exist (deleted ones included, marked), by id."""
    out: dict[int, ListRow] = {}
    with catalog.session() as session:
        for start in range(0, len(record_ids), CHUNK):
            chunk = list(record_ids[start : start + CHUNK])
            authors: dict[int, list[str]] = {}
            for c in session.execute(
                select(ContributorRow.record_id, ContributorRow.name, ContributorRow.forenames)
                .where(
                    ContributorRow.record_id.in_(chunk),
                    ContributorRow.position < AUTHORS_SHOWN,
                )
                .order_by(ContributorRow.record_id, ContributorRow.position)
            ):
                name = f"{c.name}, {c.forenames}" if c.forenames else c.name
                authors.setdefault(c.record_id, []).append(name)
            languages: dict[int, list[str]] = {}
            classes: dict[int, tuple[int, str]] = {}
            for v in session.execute(
                select(ValueRow.record_id, ValueRow.kind, ValueRow.value)
                .where(
                    ValueRow.record_id.in_(chunk),
                    ValueRow.kind.in_(("language", *_CLASS_KINDS)),
                )
                .order_by(ValueRow.record_id, ValueRow.kind, ValueRow.position)
            ):
                if v.kind == "language":
                    languages.setdefault(v.record_id, []).append(v.value)
                else:
                    rank = _CLASS_KINDS.index(v.kind)
                    if v.record_id not in classes or rank < classes[v.record_id][0]:
                        classes[v.record_id] = (rank, v.value)
            shelf: dict[int, str] = {}
            copies: dict[int, list[int]] = {}
            for c in session.execute(
                select(CopyRow.record_id, CopyRow.shelf_mark, CopyRow.status)
                .where(CopyRow.record_id.in_(chunk))
                .order_by(CopyRow.record_id, CopyRow.id)
            ):
                counts = copies.setdefault(c.record_id, [0, 0])
                counts[0] += 1
                counts[1] += c.status == "available"
                if c.shelf_mark and c.record_id not in shelf:
                    shelf[c.record_id] = c.shelf_mark
            for r in session.execute(
                select(
                    RecordRow.id,
                    RecordRow.title,
                    RecordRow.year_text,
                    RecordRow.material_type,
                    RecordRow.deleted_at,
                ).where(RecordRow.id.in_(chunk))
            ):
                total, available = copies.get(r.id, (0, 0))
                out[r.id] = ListRow(
                    id=r.id,
                    title=r.title,
                    authors=tuple(authors.get(r.id, ())),
                    year=r.year_text,
                    material_type=r.material_type,
                    languages=tuple(languages.get(r.id, ())),
                    shelf_mark=shelf.get(r.id) or classes.get(r.id, (0, ""))[1],
                    copies=total,
                    available=available,
                    deleted=r.deleted_at is not None,
                )
    return out
