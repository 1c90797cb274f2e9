"""Exporting records: what a search found, the basket, or the whole catalog, in any format.

The file is written under a temporary name next to the target and moved into place at the end,
so a cancelled or failed export never leaves a half-written file where a complete one is
expected (or destroys the previous export of the same name).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from library_app.core.errors import InputError
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
    target = target.expanduser()
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise InputError(f"{target}: the folder {folder} does not exist")
    if target.is_dir():
        raise InputError(f"{target}: is a folder; give a file name")
    written = 0

    def counted() -> Iterator[Record]:
        nonlocal written
        for record in _records(catalog, record_ids, progress, is_cancelled):
            written += 1
            yield record

    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
    except OSError as error:
        raise InputError(f"{target}: cannot write in {folder} ({error.strerror})") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            writer.write(counted(), stream, options)
        os.replace(temporary, target)
    except OSError as error:
        raise InputError(f"{target}: cannot be written ({error.strerror or error})") from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
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
