"""Exporting records: what a search found, the basket, or the whole catalog, in any format.

The file appears complete or not at all (``core.files.atomic_output``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from library_app.core.files import atomic_output, check_target
from library_app.core.model import Record
from library_app.core.progress import (
    CancelCheck,
    ProgressCallback,
    check_cancel,
    never_cancelled,
    no_progress,
)
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.interchange.base import WriteOptions
from library_app.interchange.formats import format_by_id, writable_formats

CHUNK = 200  # records loaded per query while writing


@dataclass(frozen=True)
class ExportResult:
    path: Path
    format_id: str
    records: int


def _records(
    catalog: Catalog,
    record_ids: Sequence[int],
    progress: ProgressCallback,
    is_cancelled: CancelCheck,
) -> Iterator[Record]:
    repository = RecordRepository(catalog)
    total = len(record_ids)
    for start in range(0, total, CHUNK):
        check_cancel(is_cancelled)
        chunk = list(record_ids[start : start + CHUNK])
        by_id = {r.id: r for r in repository.get_many(chunk)}
        for record_id in chunk:  # the order asked for (a search's ranking, the basket's order)
            record = by_id.get(record_id)
            if record is not None:
                yield record
        progress(min(start + CHUNK, total), total)


def export_records(
    catalog: Catalog,
    record_ids: Sequence[int],
    target: Path,
    format_id: str,
    *,
    options: WriteOptions | None = None,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
) -> ExportResult:
    """Write the records ``record_ids`` (in that order) to ``target`` in ``format_id``."""
    info = format_by_id(format_id)
    writer = info.writer_class()()
    options = options or WriteOptions()
    target = check_target(target)
    written = 0

    def counted() -> Iterator[Record]:
        nonlocal written
        for record in _records(catalog, record_ids, progress, is_cancelled):
            written += 1
            yield record

    with atomic_output(target) as stream:
        writer.write(counted(), stream, options)
    return ExportResult(target, info.id, written)


def format_for_path(target: Path) -> str | None:
    """The export format a file name suggests (".ris" → ris), or None."""
    suffix = target.suffix.lower()
    preferred = {".xml": "marcxml", ".json": "csljson", ".iso": "marc21", ".mrc": "marc21"}
    if suffix in preferred:
        return preferred[suffix]
    for info in writable_formats():
        if suffix in info.extensions:
            return info.id
    return None
