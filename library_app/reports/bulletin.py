"""The new acquisitions bulletin (бюллетень новых поступлений): what came into the library in a
period, by subject, so readers and partner organisations see at a glance what is new.

A record appears once however many of its copies arrived; it is filed under its first subject
(the cataloguer puts the main one first), with the records that have none last.  Each entry is
the full reference in the chosen citation style and where the copies stand, so a reader can go
straight to the shelf.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import BinaryIO

from reportlab.platypus import Flowable, KeepTogether, Paragraph

from library_app.core.collation import collation_key
from library_app.core.errors import InputError
from library_app.core.model import Copy, Record
from library_app.core.progress import CancelCheck, ProgressCallback, never_cancelled, no_progress
from library_app.db.catalog import Catalog
from library_app.reports.base import ReportResult
from library_app.reports.citation import DEFAULT_STYLE, STYLES, check_style, format_reference
from library_app.reports.tables import (
    ReportDocument,
    Stages,
    check_language,
    check_period,
    format_count,
    format_period,
    in_period,
    load_records,
    markup,
    page_size,
    styles,
)

_WORDS = {
    "ru": {
        "title": "Бюллетень новых поступлений",
        "period": "за период {period}",
        "count": "Всего: {n} изд.",
        "no_subject": "Без рубрики",
        "shelf_mark": "Шифр",
        "location": "Местонахождение",
        "copies": "{n} экз.",
    },
    "en": {
        "title": "New acquisitions bulletin",
        "period": "for the period {period}",
        "count": "Total: {n} titles",
        "no_subject": "No subject",
        "shelf_mark": "Shelf mark",
        "location": "Location",
        "copies": "{n} copies",
    },
}


@dataclass(frozen=True)
class BulletinOptions:
    date_from: dt.date | None = field(
        default=None, metadata={"flag": "--from", "help": "copies acquired on or after DATE"}
    )
    date_to: dt.date | None = field(
        default=None, metadata={"flag": "--to", "help": "copies acquired on or before DATE"}
    )
    title: str = field(
        default="", metadata={"help": "heading (default: Бюллетень новых поступлений)"}
    )
    organisation: str = field(default="", metadata={"help": "library named under the heading"})
    style: str = field(default=DEFAULT_STYLE, metadata={"choices": STYLES})
    page_size: str = field(default="A4", metadata={"choices": ("A4", "A5")})
    language: str = field(default="ru", metadata={"choices": ("ru", "en")})


@dataclass
class _Entry:
    key: str
    markup: str
    copies: list[Copy]


def _subject_of(record: Record) -> str:
    return record.subjects[0].strip() if record.subjects and record.subjects[0].strip() else ""


def _holdings(copies: list[Copy], words: dict[str, str]) -> str:
    """«Шифр: 26.22 А95. Местонахождение: Основной фонд — 2 экз.; Читальный зал — 1 экз.»"""
    marks = list(dict.fromkeys(c.shelf_mark for c in copies if c.shelf_mark))
    places = Counter(c.location for c in copies if c.location)
    parts = []
    if marks:
        parts.append(f"{words['shelf_mark']}: {'; '.join(marks)}")
    if places:
        listed = "; ".join(
            f"{place} — {words['copies'].format(n=n)}" for place, n in places.most_common()
        )
        parts.append(f"{words['location']}: {listed}")
    return ". ".join(parts)


def _layout(
    groups: dict[str, list[_Entry]],
    options: BulletinOptions,
    period: str,
    count: int,
    language: str,
) -> list[Flowable]:
    words, style = _WORDS[language], styles()
    story: list[Flowable] = [Paragraph(markup(options.title or words["title"]), style["title"])]
    if options.organisation:
        story.append(Paragraph(markup(options.organisation), style["subtitle"]))
    story.append(Paragraph(markup(words["period"].format(period=period)), style["subtitle"]))
    story.append(
        Paragraph(markup(words["count"].format(n=format_count(count, language))), style["subtitle"])
    )
    ordered = sorted((s for s in groups if s), key=collation_key)
    if "" in groups:
        ordered.append("")
    number = 0
    for subject in ordered:
        story.append(Paragraph(markup(subject or words["no_subject"]), style["heading"]))
        for entry in sorted(groups[subject], key=lambda e: e.key):
            number += 1
            parts: list[Flowable] = [Paragraph(f"{number}.\u00a0{entry.markup}", style["entry"])]
            holdings = _holdings(entry.copies, words)
            if holdings:
                parts.append(Paragraph(markup(holdings), style["detail"]))
            story.append(KeepTogether(parts))
    return story


def build_bulletin(
    catalog: Catalog,
    record_ids: Sequence[int],
    options: BulletinOptions,
    target: BinaryIO,
    *,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
) -> ReportResult:
    """The records among ``record_ids`` with a copy acquired in the options' period."""
    language = check_language(options.language)
    size = page_size(options.page_size)
    style = check_style(options.style)
    check_period(options.date_from, options.date_to)
    stages = Stages(progress, len(record_ids))
    groups: dict[str, list[_Entry]] = {}
    dates: list[dt.date] = []
    for record in load_records(
        catalog, record_ids, progress=stages.reading, is_cancelled=is_cancelled
    ):
        copies = [
            c
            for c in record.copies
            if c.acquired_on is not None
            and in_period(c.acquired_on, options.date_from, options.date_to)
        ]
        if not copies:
            continue
        dates += [c.acquired_on for c in copies if c.acquired_on is not None]
        reference = format_reference(record, style)
        entry = _Entry(collation_key(reference.text), reference.markup, copies)
        groups.setdefault(_subject_of(record), []).append(entry)
    count = sum(len(entries) for entries in groups.values())
    if not count:
        period = format_period(options.date_from, options.date_to, "en") or "on a known date"
        raise InputError(
            f"none of the chosen records has a copy acquired {period}; the bulletin would be empty"
        )
    period = format_period(options.date_from or min(dates), options.date_to or max(dates), language)
    document = ReportDocument(
        target,
        size=size,
        title=options.title or _WORDS[language]["title"],
        language=language,
        is_cancelled=is_cancelled,
        on_page=lambda page: stages.laying_out(page, page + 1),
    )
    pages = document.render(_layout(groups, options, period, count, language))
    stages.finished()
    return ReportResult(pages=pages, items=count)
