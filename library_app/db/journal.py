"""Reading the change journal: what followers (the search index of each workstation) need.

On PostgreSQL a journal number is taken when a row is inserted but becomes visible only when its
transaction commits, so a follower may see seq 11 before seq 10.  ``read_changes`` therefore also
re-reads numbers the follower saw missing (``gaps``) until they show up or age out.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import func, or_, select

from library_app.db.catalog import Catalog
from library_app.db.records import JournalEntry
from library_app.db.schema import JournalRow, RecordRow


def read_changes(
    catalog: Catalog, after_seq: int, gaps: Iterable[int] = (), limit: int = 50_000
) -> list[JournalEntry]:
    """Entries after ``after_seq`` and any of ``gaps`` that are now visible, in seq order."""
    gap_list = sorted(set(gaps))[:1000]
    condition = JournalRow.seq > after_seq
    if gap_list:
        condition = or_(condition, JournalRow.seq.in_(gap_list))
    with catalog.session() as session:
        rows = session.execute(
            select(
                JournalRow.seq,
                JournalRow.entity,
                JournalRow.entity_id,
                JournalRow.operation,
                JournalRow.record_id,
                JournalRow.changed_at,
                JournalRow.user_name,
            )
            .where(condition)
            .order_by(JournalRow.seq)
            .limit(limit)
        ).all()
    return [JournalEntry(*row) for row in rows]


def last_seq(catalog: Catalog) -> int:
    with catalog.session() as session:
        return session.scalar(select(func.max(JournalRow.seq))) or 0


def live_versions(catalog: Catalog) -> dict[int, int]:
    """Version of every live (not deleted) record, for comparing a follower with the catalog."""
    with catalog.session() as session:
        rows = session.execute(
            select(RecordRow.id, RecordRow.version).where(RecordRow.deleted_at.is_(None))
        )
        return {record_id: version for record_id, version in rows}
