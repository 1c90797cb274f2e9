"""Holdings statistics: what the collection contains, by type, language, decade and status."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from library_app.db.catalog import Catalog
from library_app.db.schema import AttachmentRow, CopyRow, RecordRow, ValueRow


def catalog_stats(catalog: Catalog) -> dict[str, Any]:
    live = RecordRow.deleted_at.is_(None)
    decade = RecordRow.year_start // 10 * 10
    with catalog.session() as session:
        records = session.scalar(select(func.count()).where(live)) or 0
        deleted = session.scalar(select(func.count()).where(RecordRow.deleted_at.is_not(None)))
        by_type = dict(
            session.execute(
                select(RecordRow.material_type, func.count())
                .where(live)
                .group_by(RecordRow.material_type)
            ).all()
        )
        by_language = dict(
            session.execute(
                select(ValueRow.value, func.count(func.distinct(ValueRow.record_id)))
                .join(RecordRow, RecordRow.id == ValueRow.record_id)
                .where(live, ValueRow.kind == "language")
                .group_by(ValueRow.value)
            ).all()
        )
        by_decade_raw = session.execute(
            select(decade, func.count()).where(live).group_by(decade)
        ).all()
        copies_by_status = dict(
            session.execute(
                select(CopyRow.status, func.count())
                .join(RecordRow, RecordRow.id == CopyRow.record_id)
                .where(live)
                .group_by(CopyRow.status)
            ).all()
        )
        attachments = session.scalar(select(func.count()).select_from(AttachmentRow)) or 0
    by_decade = {
        (f"{int(d)}s" if d is not None else "unknown"): n
        for d, n in sorted(by_decade_raw, key=lambda item: (item[0] is None, item[0] or 0))
    }
    return {
        "records": records,
        "deleted_records": deleted or 0,
        "copies": sum(copies_by_status.values()),
        "attachments": attachments,
        "by_type": _descending(by_type),
        "by_language": _descending(by_language),
        "by_decade": by_decade,
        "copies_by_status": _descending(copies_by_status),
    }


def _descending(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
