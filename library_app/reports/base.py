"""What every printed product shares: how it is asked for and what it answers.

A product is a ``build`` function plus an options dataclass (see ``products``).  ``build``
writes one PDF to a binary stream from the records given by id, reports progress and honours
cancel like every long operation (``core.progress``), and answers with a ``ReportResult``.
``write_report`` puts the PDF in place atomically.  The CLI fills the options from flags, the
GUI's print dialog from its widgets; neither knows how a card or a label is drawn.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Protocol

from library_app.core.files import atomic_output
from library_app.core.progress import CancelCheck, ProgressCallback
from library_app.db.catalog import Catalog

MM = 72 / 25.4  # ReportLab works in points; layouts are specified in millimetres


@dataclass(frozen=True)
class ReportResult:
    pages: int
    items: int  # entries, cards, labels, register rows … as the product counts them


class Builder(Protocol):
    def __call__(
        self,
        catalog: Catalog,
        record_ids: Sequence[int],
        options: Any,
        target: BinaryIO,
        *,
        progress: ProgressCallback = ...,
        is_cancelled: CancelCheck = ...,
    ) -> ReportResult: ...


def write_report(target: Path, build: Callable[[BinaryIO], ReportResult]) -> ReportResult:
    """Run ``build`` into ``target``: the PDF appears complete or not at all."""
    with atomic_output(target) as stream:
        return build(stream)
