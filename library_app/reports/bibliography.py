"""A printed bibliography (библиографический список / указатель) of chosen records.

From a search, the basket, a selection or a saved list — the caller passes record ids — it
prints a title page, an optional introduction, the references numbered continuously and grouped
under headings, an author and a subject index referring to the entry numbers, and page numbers.
The ordering rules live in ``bibliography_index`` and the page layout in
``bibliography_layout``; this module checks the options and runs the stages with progress and
cancel: reading the records, formatting their references, laying out the pages.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

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
from library_app.reports.base import ReportResult
from library_app.reports.bibliography_index import (
    GROUPINGS,
    LANGUAGES,
    ORDERS,
    WORDS,
    arrange,
    author_index,
    dominant_language,
    subject_index,
)
from library_app.reports.bibliography_layout import PAGE_FORMATS, Content, write_pdf
from library_app.reports.citation import DEFAULT_STYLE, check_style, format_reference

STEP = 200  # records read, or entries placed, between progress reports and cancel checks


def _choice(name: str, value: str, allowed: Sequence[str]) -> str:
    if value not in allowed:
        raise InputError(f"unknown {name} «{value}»; use one of: {', '.join(allowed)}")
    return value


@dataclass(frozen=True)
class BibliographyOptions:
    """What the person chose in the print dialog (or on the command line).

    Empty ``title`` prints «Библиографический список» / "Bibliography"; empty ``language``
    prints Russian words around the entries unless most records are in English.  Year groups
    and the year order run oldest first (chronological, as retrospective bibliographies are
    read); with ``cyrillic_first`` off, Latin-script entries come first.
    """

    title: str = ""
    compiler: str = ""
    organisation: str = ""
    place: str = ""
    year: str = ""
    introduction: str = ""
    style: str = DEFAULT_STYLE  # citation style id (citation.STYLES)
    group_by: str = "none"  # none | subject | type | language | year
    order: str = "alphabetical"  # alphabetical | year (oldest first)
    cyrillic_first: bool = True  # GOST practice: Cyrillic-script entries before Latin ones
    author_index: bool = True
    subject_index: bool = True
    columns: int = field(default=1, metadata={"min": 1, "max": 2})
    page_size: str = "A4"  # A4 | A5
    language: str = ""  # "" (from the records) | ru | en

    def __post_init__(self) -> None:
        check_style(self.style)
        _choice("grouping", self.group_by, GROUPINGS)
        _choice("order", self.order, ORDERS)
        if self.columns not in (1, 2):
            raise InputError(f"a bibliography has 1 or 2 columns, not {self.columns}")
        if self.page_size.upper() not in PAGE_FORMATS:
            _choice("page size", self.page_size, tuple(PAGE_FORMATS))
        object.__setattr__(self, "page_size", self.page_size.upper())
        if self.language:
            _choice("bibliography language", self.language, LANGUAGES)


def _load(
    catalog: Catalog,
    record_ids: Sequence[int],
    *,
    step: ProgressCallback,
    is_cancelled: CancelCheck,
) -> list[Record]:
    """The live records among ``record_ids``, in their order; ids in the trash or gone are
    skipped (a saved list may name a record deleted since)."""
    repository = RecordRepository(catalog)
    records: list[Record] = []
    unique = list(dict.fromkeys(record_ids))  # a list may name a record twice: print it once
    for start in range(0, len(unique), STEP):
        check_cancel(is_cancelled)
        chunk = repository.get_many(unique[start : start + STEP])
        records += [record for record in chunk if record.deleted_at is None]
        step(min(start + STEP, len(unique)), len(unique))
    check_cancel(is_cancelled)
    return records


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pauses the cyclic garbage collector while the records are read and ordered.

    Those stages create a few million objects that all stay alive until the PDF is written;
    the collector would walk them again and again for nothing — a third of the time of reading
    10 000 records.  Reference counting still frees everything else at once; the collector is
    switched back on (if it was on) before the pages are laid out.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _content(
    catalog: Catalog,
    record_ids: Sequence[int],
    options: BibliographyOptions,
    *,
    progress: ProgressCallback,
    is_cancelled: CancelCheck,
) -> Content:
    """Reads the records and orders their references into groups, with the indexes."""
    records = _load(catalog, record_ids, step=progress, is_cancelled=is_cancelled)
    if not records:
        raise InputError(
            "none of the chosen records can be printed: they were deleted or are in the trash"
        )
    references = [format_reference(record, options.style) for record in records]
    check_cancel(is_cancelled)
    language = options.language or dominant_language(records)
    groups = arrange(
        records,
        references,
        group_by=options.group_by,
        order=options.order,
        cyrillic_first=options.cyrillic_first,
        language=language,
    )
    check_cancel(is_cancelled)
    return Content(
        title=options.title.strip() or WORDS[language]["title"],
        compiler=options.compiler.strip(),
        organisation=options.organisation.strip(),
        place=options.place.strip(),
        year=options.year.strip(),
        introduction=options.introduction,
        language=language,
        groups=groups,
        authors=author_index(groups, options.cyrillic_first) if options.author_index else [],
        subjects=subject_index(groups, options.cyrillic_first) if options.subject_index else [],
        columns=options.columns,
        page_size=options.page_size,
    )


def build_bibliography(
    catalog: Catalog,
    record_ids: Sequence[int],
    options: BibliographyOptions,
    target: BinaryIO,
    *,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
) -> ReportResult:
    """Writes the bibliography PDF to ``target``; ``items`` counts its entries.

    Progress runs over twice the number of records: reading them, then placing their entries
    on the pages (the two slow stages, about equally long).
    """
    if not record_ids:
        raise InputError("the bibliography has no records; choose some records to print")
    loaded = len(dict.fromkeys(record_ids))
    total = 2 * loaded

    def loading(done: int, _count: int) -> None:
        progress(done, total)

    with _collector_paused():
        content = _content(
            catalog, record_ids, options, progress=loading, is_cancelled=is_cancelled
        )
    count = sum(len(group.entries) for group in content.groups)

    def placed(number: int) -> None:
        # Entries are placed in number order, so the number is how many are done.
        if number % STEP == 0 or number == count:
            check_cancel(is_cancelled)
            progress(loaded + round(number * loaded / count), total)

    pages = write_pdf(target, content, on_entry=placed, is_cancelled=is_cancelled)
    progress(total, total)
    return ReportResult(pages=pages, items=count)
