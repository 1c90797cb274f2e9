"""The statistics report: the holdings by material type, language and publication years, and the
acquisitions by year and source, as tables with a chart each.

The counts are taken from the records given (a search result, the basket or the whole
catalog), not from ``db.stats``, which only knows the whole catalog and nothing about
acquisitions.  Titles and copies are both counted because libraries report both: a title in
several languages counts under each of its languages.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, BinaryIO

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from library_app.core.errors import InputError
from library_app.core.languages import name_of
from library_app.core.model import AcquisitionSource, CopyStatus, Record
from library_app.core.progress import CancelCheck, ProgressCallback, never_cancelled, no_progress
from library_app.core.years import parse_year
from library_app.db.catalog import Catalog
from library_app.reports.base import MM, ReportResult
from library_app.reports.charts import bar_chart, pie_chart
from library_app.reports.fonts import SERIF
from library_app.reports.tables import (
    ReportDocument,
    Stages,
    check_language,
    format_count,
    format_date,
    load_records,
    markup,
    material_name,
    money_lines,
    page_size,
    source_name,
    styles,
    table_style,
)

_WORDS = {
    "ru": {
        "title": "Статистика фонда и поступлений",
        "as_of": "по состоянию на {date}",
        "summary": "Общие сведения",
        "records": "Наименований (записей)",
        "copies": "Экземпляров",
        "without_copies": "Наименований без экземпляров",
        CopyStatus.ON_LOAN: "Экземпляров выдано",
        CopyStatus.IN_REPAIR: "Экземпляров в ремонте",
        CopyStatus.LOST: "Экземпляров утеряно",
        CopyStatus.WRITTEN_OFF: "Экземпляров списано",
        "by_type": "Фонд по видам изданий",
        "by_language": "Фонд по языкам",
        "by_decade": "Фонд по годам издания",
        "acquisitions": "Поступления по годам",
        "type": "Вид издания",
        "language": "Язык",
        "years": "Годы издания",
        "year": "Год",
        "titles": "Наим.",
        "copies_short": "Экз.",
        "share": "%",
        "sum": "Сумма",
        "no_language": "не указан",
        "no_year": "не указаны",
        "no_date": "дата не указана",
        "other": "другие",
        "total": "Итого",
        "several": "Издание на нескольких языках учтено под каждым из них.",
        "chart_titles": "Наименования",
        "chart_copies": "Экземпляры",
    },
    "en": {
        "title": "Holdings and acquisitions statistics",
        "as_of": "as of {date}",
        "summary": "Summary",
        "records": "Titles (records)",
        "copies": "Copies",
        "without_copies": "Titles without copies",
        CopyStatus.ON_LOAN: "Copies on loan",
        CopyStatus.IN_REPAIR: "Copies in repair",
        CopyStatus.LOST: "Copies lost",
        CopyStatus.WRITTEN_OFF: "Copies written off",
        "by_type": "Holdings by material type",
        "by_language": "Holdings by language",
        "by_decade": "Holdings by years of publication",
        "acquisitions": "Acquisitions by year",
        "type": "Material type",
        "language": "Language",
        "years": "Published",
        "year": "Year",
        "titles": "Titles",
        "copies_short": "Copies",
        "share": "%",
        "sum": "Amount",
        "no_language": "not given",
        "no_year": "not given",
        "no_date": "date not given",
        "other": "other",
        "total": "Total",
        "several": "A title in several languages is counted under each of them.",
        "chart_titles": "Titles",
        "chart_copies": "Copies",
    },
}
_SOURCES = tuple(AcquisitionSource)
_SHORT_SOURCES = {"ru": {AcquisitionSource.DEPOSIT: "Обяз. экз."}, "en": {}}
_CHART_HEIGHT = 58 * MM


@dataclass(frozen=True)
class StatisticsOptions:
    title: str = field(default="", metadata={"help": "heading of the report"})
    organisation: str = field(default="", metadata={"help": "library named under the heading"})
    charts: bool = field(default=True, metadata={"help": "draw a chart under each table"})
    page_size: str = field(default="A4", metadata={"choices": ("A4", "A5")})
    language: str = field(default="ru", metadata={"choices": ("ru", "en")})


@dataclass
class _Year:
    copies: int = 0
    records: set[int] = field(default_factory=set)
    sources: Counter[AcquisitionSource | None] = field(default_factory=Counter)
    sums: dict[str, Decimal] = field(default_factory=dict)


@dataclass
class Tally:
    """The counts behind the report (usable on their own, e.g. by the GUI)."""

    records: int = 0
    copies: int = 0
    without_copies: int = 0
    statuses: Counter[str] = field(default_factory=Counter)
    types: Counter[str] = field(default_factory=Counter)
    type_copies: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)
    language_copies: Counter[str] = field(default_factory=Counter)
    decades: Counter[int | None] = field(default_factory=Counter)
    decade_copies: Counter[int | None] = field(default_factory=Counter)
    acquisitions: dict[int | None, _Year] = field(default_factory=dict)

    def add(self, record: Record, position: int) -> None:
        copies = len(record.copies)
        self.records += 1
        self.copies += copies
        self.without_copies += not copies
        self.types[record.material_type] += 1
        self.type_copies[record.material_type] += copies
        for language in dict.fromkeys(record.languages or [""]):
            self.languages[language] += 1
            self.language_copies[language] += copies
        span = parse_year(record.year)
        decade = span.start // 10 * 10 if span is not None else None
        self.decades[decade] += 1
        self.decade_copies[decade] += copies
        for copy in record.copies:
            self.statuses[copy.status] += 1
            year = copy.acquired_on.year if copy.acquired_on is not None else None
            entry = self.acquisitions.setdefault(year, _Year())
            entry.copies += 1
            entry.records.add(record.id if record.id is not None else -position)
            entry.sources[copy.source] += 1
            if copy.price:
                entry.sums[copy.currency] = entry.sums.get(copy.currency, Decimal(0)) + copy.price


def tally(
    catalog: Catalog,
    record_ids: Sequence[int],
    *,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
) -> Tally:
    counts = Tally()
    for position, record in enumerate(
        load_records(catalog, record_ids, progress=progress, is_cancelled=is_cancelled)
    ):
        counts.add(record, position)
    return counts


def _ordered(titles: Counter, copies: Counter, name: dict) -> list[tuple[str, int, int]]:
    """Rows largest first (ties by name); the unknown key, if any, last."""
    known = sorted((k for k in titles if k not in ("", None)), key=lambda k: (-titles[k], name[k]))
    keys = [*known, *(k for k in ("", None) if k in titles)]
    return [(name[k], titles[k], copies[k]) for k in keys]


class _Report:
    def __init__(self, counts: Tally, options: StatisticsOptions, width: float, lang: str):
        self.counts, self.options, self.width, self.lang = counts, options, width, lang
        self.words = _WORDS[lang]
        self.styles = styles()

    def number(self, value: int) -> str:
        return format_count(value, self.lang)

    def share(self, part: int, whole: int) -> str:
        text = f"{100 * part / whole:.1f}" if whole else "0"
        return text.replace(".", ",") if self.lang == "ru" else text

    def table(self, header: list[str] | None, rows: list[list[str]], widths: list[float]) -> Table:
        """A counts table: names left, numbers right, a bold «Итого» row if there is one."""
        data: list[list[Any]] = [list(row) for row in rows]
        style = [
            *table_style(1 if header else 0),
            ("LEADING", (0, 0), (-1, -1), 10.2),
            ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
        ]
        if header:
            data.insert(0, [Paragraph(markup(h), self.styles["cell_head"]) for h in header])
        if rows and rows[-1][0] == self.words["total"]:
            style.append(("FONTNAME", (0, -1), (-1, -1), f"{SERIF}-Bold"))
        scale = self.width / sum(widths)
        return Table(
            data,
            colWidths=[w * scale for w in widths],
            style=TableStyle(style),
            hAlign="LEFT",
            repeatRows=1 if header else 0,
        )

    def section(self, key: str, table: Table, chart: Flowable | None, note: str = "") -> list:
        parts: list[Flowable] = [Paragraph(markup(self.words[key]), self.styles["heading"]), table]
        if note:
            parts.append(Paragraph(markup(note), self.styles["note"]))
        if chart is not None and self.options.charts:
            parts += [Spacer(1, 3 * MM), KeepTogether([chart])]
        return parts

    def header(self) -> list[Flowable]:
        options, words, style = self.options, self.words, self.styles
        story: list[Flowable] = [Paragraph(markup(options.title or words["title"]), style["title"])]
        if options.organisation:
            story.append(Paragraph(markup(options.organisation), style["subtitle"]))
        today = format_date(dt.date.today(), self.lang)
        story.append(Paragraph(markup(words["as_of"].format(date=today)), style["subtitle"]))
        return story

    def summary(self) -> list[Flowable]:
        c, w = self.counts, self.words
        rows = [
            [w["records"], self.number(c.records)],
            [w["copies"], self.number(c.copies)],
            [w["without_copies"], self.number(c.without_copies)],
        ]
        rows += [[w[s], self.number(c.statuses[s])] for s in CopyStatus if c.statuses[s] and s in w]
        table = self.table(None, rows, [3, 1])
        return [Paragraph(markup(w["summary"]), self.styles["heading"]), table]

    def grouped(self, key: str, column: str, rows: list[tuple[str, int, int]], chart: str) -> list:
        c, w = self.counts, self.words
        body = [
            [name, self.number(t), self.share(t, c.records), self.number(k)] for name, t, k in rows
        ]
        note = (
            w["several"] if key == "by_language" and sum(t for _, t, _ in rows) > c.records else ""
        )
        if key != "by_language":
            body.append([w["total"], self.number(c.records), "100", self.number(c.copies)])
        header = [w[column], w["titles"], w["share"], w["copies_short"]]
        table = self.table(header, body, [5, 1.3, 1, 1.3])
        labels, values = [r[0] for r in rows], [r[1] for r in rows]
        drawing: Flowable | None = None
        if chart == "pie":
            drawing = pie_chart(
                labels, values, width=self.width, height=_CHART_HEIGHT, other=w["other"]
            )
        elif chart == "bars":
            drawing = bar_chart(
                labels, values, width=self.width, height=_CHART_HEIGHT, horizontal=True
            )
        elif chart == "columns":
            drawing = bar_chart(labels, values, width=self.width, height=_CHART_HEIGHT)
        return self.section(key, table, drawing, note)

    def acquisitions(self) -> list[Flowable]:
        c, w, lang = self.counts, self.words, self.lang
        years = sorted(y for y in c.acquisitions if y is not None)
        keys: list[int | None] = [*years, *([None] if None in c.acquisitions else [])]
        sources = [
            _SHORT_SOURCES[lang].get(s) or source_name(s, lang).capitalize() for s in _SOURCES
        ]
        rows = []
        for year in keys:
            entry = c.acquisitions[year]
            rows.append(
                [
                    str(year) if year is not None else w["no_date"],
                    self.number(len(entry.records)),
                    self.number(entry.copies),
                    *(self.number(entry.sources[s]) for s in _SOURCES),
                    "\n".join(money_lines(entry.sums, lang)),
                ]
            )
        header = [w["year"], w["titles"], w["copies_short"], *sources, w["sum"]]
        table = self.table(header, rows, [1.6, 1, 1, 1.1, 1, 1, 1.1, 2.4])
        chart = None
        if years:
            values = [c.acquisitions[y].copies for y in years]
            chart = bar_chart(
                [str(y) for y in years], values, width=self.width, height=_CHART_HEIGHT
            )
        return self.section("acquisitions", table, chart)

    def story(self) -> list[Flowable]:
        c, lang = self.counts, self.lang
        types = {t: material_name(t, lang) for t in c.types}
        languages = {
            code: (name_of(code, lang)[:1].upper() + name_of(code, lang)[1:])
            if code
            else self.words["no_language"]
            for code in c.languages
        }
        decades = {d: f"{d}–{d + 9}" if d is not None else self.words["no_year"] for d in c.decades}
        by_decade = [
            (decades[d], c.decades[d], c.decade_copies[d])
            for d in [*sorted(d for d in c.decades if d is not None), None]
            if d in c.decades
        ]
        return [
            *self.header(),
            *self.summary(),
            *self.grouped("by_type", "type", _ordered(c.types, c.type_copies, types), "bars"),
            *self.grouped(
                "by_language",
                "language",
                _ordered(c.languages, c.language_copies, languages),
                "pie",
            ),
            *self.grouped("by_decade", "years", by_decade, "columns"),
            *(self.acquisitions() if c.acquisitions else []),
        ]


def build_statistics(
    catalog: Catalog,
    record_ids: Sequence[int],
    options: StatisticsOptions,
    target: BinaryIO,
    *,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
) -> ReportResult:
    """Counts of the records among ``record_ids`` and of their copies."""
    language = check_language(options.language)
    size = page_size(options.page_size)
    stages = Stages(progress, len(record_ids))
    counts = tally(catalog, record_ids, progress=stages.reading, is_cancelled=is_cancelled)
    if not counts.records:
        raise InputError("there are no records to count; the statistics report would be empty")
    document = ReportDocument(
        target,
        size=size,
        title=options.title or _WORDS[language]["title"],
        language=language,
        is_cancelled=is_cancelled,
        on_page=lambda page: stages.laying_out(page, page + 1),
    )
    report = _Report(counts, options, document.width, language)
    pages = document.render(report.story())
    stages.finished()
    return ReportResult(pages=pages, items=counts.records)
