"""Translation between domain records and table rows.

Kept apart from the repository so the bulk path (plain dicts for executemany) and the ORM path
(loading and editing one record) share a single definition of which list lands in which
``record_values.kind``.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from library_app.core import years
from library_app.core.model import (
    AcquisitionSource,
    Attachment,
    Classification,
    ClassificationScheme,
    Contributor,
    ContributorRole,
    Copy,
    CopyStatus,
    Extent,
    HostItem,
    Identifier,
    IdentifierType,
    MaterialType,
    OnlineLink,
    ParallelTitle,
    Record,
    Series,
    SourceField,
    SourceRecord,
    Subfield,
)
from library_app.db.schema import AttachmentRow, ContributorRow, CopyRow, RecordRow, ValueRow

# Plain string lists on the record, by the kind they are stored under.
STRING_LISTS: dict[str, str] = {
    "language": "languages",
    "place": "places",
    "publisher": "publishers",
    "subject": "subjects",
    "geographic": "geographic_names",
    "keyword": "keywords",
    "funder": "funders",
}
IDENTIFIER_PREFIX = "id:"
CLASS_PREFIX = "class:"
SERIES_KIND = "series"
PARALLEL_TITLE_KIND = "parallel_title"

ROW_Dict = dict[str, Any]


def record_columns(record: Record, now: dt.datetime) -> ROW_Dict:
    """Scalar columns of ``records`` for a record (without id, version and created_at)."""
    span = years.parse_year(record.year) if record.year else None
    host = record.host
    return {
        "material_type": record.material_type.value,
        "title": record.title,
        "title_remainder": record.title_remainder,
        "responsibility": record.responsibility,
        "edition": record.edition,
        "year_text": record.year,
        "year_start": span.start if span else None,
        "year_end": span.end if span else None,
        "extent_pages": record.extent.pages,
        "extent_illustrations": record.extent.illustrations,
        "extent_dimensions": record.extent.dimensions,
        "scale": record.scale,
        "summary": record.summary,
        "project": record.project,
        "host_title": host.title if host else None,
        "host_year": host.year if host else "",
        "host_volume": host.volume if host else "",
        "host_issue": host.issue if host else "",
        "host_pages": host.pages if host else "",
        "notes": list(record.notes),
        "links": [_link_to_json(link) for link in record.links],
        "control_number": record.control_number,
        "control_source": record.control_source,
        "source_record": source_to_json(record.source),
        "updated_at": now,
    }


def source_to_json(source: SourceRecord | None) -> dict[str, Any] | None:
    """Compact JSON of a kept exchange record: a 10,000-record MARC import stores every field,
    so fields are short lists (``[tag, data]`` or ``[tag, indicators, [code, value, …]]``)."""
    if source is None:
        return None
    fields: list[list[Any]] = []
    for f in source.fields:
        if f.is_control:
            fields.append([f.tag, f.data])
        else:
            flat = [part for sub in f.subfields for part in (sub.code, sub.value)]
            fields.append([f.tag, f.indicators, flat])
    return {"format": source.format, "leader": source.leader, "fields": fields}


def source_from_json(data: dict[str, Any] | None) -> SourceRecord | None:
    if not data:
        return None
    fields: list[SourceField] = []
    for item in data.get("fields", []):
        if len(item) == 2:
            fields.append(SourceField(tag=item[0], data=item[1]))
        else:
            flat = item[2]
            subfields = [Subfield(flat[i], flat[i + 1]) for i in range(0, len(flat) - 1, 2)]
            fields.append(SourceField(tag=item[0], indicators=item[1], subfields=subfields))
    return SourceRecord(format=data.get("format", ""), leader=data.get("leader", ""), fields=fields)


def _link_to_json(link: OnlineLink) -> dict[str, str]:
    return {
        "url": link.url,
        "access_date": link.access_date.isoformat() if link.access_date else "",
        "note": link.note,
    }


def _link_from_json(data: dict[str, str]) -> OnlineLink:
    access = data.get("access_date") or ""
    return OnlineLink(
        url=data.get("url", ""),
        access_date=dt.date.fromisoformat(access) if access else None,
        note=data.get("note", ""),
    )


def contributor_rows(record: Record) -> list[ROW_Dict]:
    return [
        {
            "position": position,
            "role": c.role.value,
            "name": c.name,
            "forenames": c.forenames,
            "name_other_script": c.name_other_script,
        }
        for position, c in enumerate(record.contributors)
    ]


def value_rows(record: Record) -> list[ROW_Dict]:
    rows: list[ROW_Dict] = []

    def put(kind: str, values: list[tuple[str, str]]) -> None:
        rows.extend(
            {"kind": kind, "position": i, "value": value, "qualifier": qualifier}
            for i, (value, qualifier) in enumerate(values)
        )

    for kind, attribute in STRING_LISTS.items():
        put(kind, [(value, "") for value in getattr(record, attribute)])
    put(SERIES_KIND, [(s.title, s.number) for s in record.series])
    put(PARALLEL_TITLE_KIND, [(p.title, p.language) for p in record.parallel_titles])
    # Identifiers and classes keep one position across their types, so their order survives.
    rows.extend(
        {
            "kind": IDENTIFIER_PREFIX + i.type.value,
            "position": n,
            "value": i.value,
            "qualifier": i.qualifier,
        }
        for n, i in enumerate(record.identifiers)
    )
    rows.extend(
        {"kind": CLASS_PREFIX + c.scheme.value, "position": n, "value": c.value, "qualifier": ""}
        for n, c in enumerate(record.classifications)
    )
    return rows


def copy_columns(copy: Copy, now: dt.datetime) -> ROW_Dict:
    return {
        "inventory_number": copy.inventory_number,
        "barcode": copy.barcode or None,
        "location": copy.location,
        "shelf_mark": copy.shelf_mark,
        "status": copy.status.value,
        "acquired_on": copy.acquired_on,
        "source": copy.source.value if copy.source else None,
        "price": copy.price,
        "currency": copy.currency,
        "note": copy.note,
        "updated_at": now,
    }


def copy_from_row(row: CopyRow) -> Copy:
    return Copy(
        inventory_number=row.inventory_number,
        barcode=row.barcode or "",
        location=row.location,
        shelf_mark=row.shelf_mark,
        status=CopyStatus(row.status),
        acquired_on=row.acquired_on,
        source=AcquisitionSource(row.source) if row.source else None,
        price=row.price,
        currency=row.currency,
        note=row.note,
        id=row.id,
        version=row.version,
    )


def attachment_from_row(row: AttachmentRow) -> Attachment:
    return Attachment(
        sha256=row.sha256,
        filename=row.filename,
        size=row.size,
        media_type=row.media_type,
        id=row.id,
        added_at=row.added_at,
    )


def record_from_rows(
    row: RecordRow,
    contributors: list[ContributorRow],
    values: list[ValueRow],
    copies: list[CopyRow],
    attachments: list[AttachmentRow],
) -> Record:
    by_kind: dict[str, list[ValueRow]] = {}
    for value in sorted(values, key=lambda v: (v.kind, v.position)):
        by_kind.setdefault(value.kind, []).append(value)

    def pairs(kind: str) -> list[tuple[str, str]]:
        return [(v.value, v.qualifier) for v in by_kind.get(kind, [])]

    record = Record(
        title=row.title,
        material_type=MaterialType(row.material_type),
        title_remainder=row.title_remainder,
        responsibility=row.responsibility,
        edition=row.edition,
        year=row.year_text,
        extent=Extent(row.extent_pages, row.extent_illustrations, row.extent_dimensions),
        scale=row.scale,
        summary=row.summary,
        project=row.project,
        notes=list(row.notes or []),
        links=[_link_from_json(link) for link in row.links or []],
        control_number=row.control_number,
        control_source=row.control_source,
        source=source_from_json(row.source_record),
        id=row.id,
        version=row.version,
        created_at=row.created_at,
        updated_at=row.updated_at,
        deleted_at=row.deleted_at,
    )
    if row.host_title is not None:
        record.host = HostItem(
            row.host_title, row.host_year, row.host_volume, row.host_issue, row.host_pages
        )
    record.contributors = [
        Contributor(c.name, c.forenames, ContributorRole(c.role), c.name_other_script)
        for c in sorted(contributors, key=lambda c: c.position)
    ]
    for kind, attribute in STRING_LISTS.items():
        setattr(record, attribute, [value for value, _ in pairs(kind)])
    record.series = [Series(title, number) for title, number in pairs(SERIES_KIND)]
    record.parallel_titles = [
        ParallelTitle(title, language) for title, language in pairs(PARALLEL_TITLE_KIND)
    ]
    ordered = sorted(values, key=lambda v: v.position)
    record.identifiers = [
        Identifier(IdentifierType(v.kind.removeprefix(IDENTIFIER_PREFIX)), v.value, v.qualifier)
        for v in ordered
        if v.kind.startswith(IDENTIFIER_PREFIX)
    ]
    record.classifications = [
        Classification(ClassificationScheme(v.kind.removeprefix(CLASS_PREFIX)), v.value)
        for v in ordered
        if v.kind.startswith(CLASS_PREFIX)
    ]
    record.copies = [copy_from_row(c) for c in sorted(copies, key=lambda c: c.id)]
    record.attachments = [attachment_from_row(a) for a in sorted(attachments, key=lambda a: a.id)]
    return record
