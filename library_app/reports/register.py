"""The accession register (инвентарная книга): every copy on one line, in inventory-number order,
with what it cost, and totals at the foot of each page and at the end.

Auditors check a register page by page against the acquisition documents, so each page carries
its own totals (copies, and the sum of prices per currency: tenge, roubles and dollars are never
added together).  To know which rows land on a page, the pages are cut here rather than by the
table splitter: rows are measured, a page is filled, and each page is one table ending in its
totals row.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import BinaryIO

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Paragraph, Table, TableStyle

from library_app.core.collation import collation_key
from library_app.core.errors import InputError
from library_app.core.model import AcquisitionSource, ContributorRole, CopyStatus, Record
from library_app.core.progress import (
    CancelCheck,
    ProgressCallback,
    check_cancel,
    never_cancelled,
    no_progress,
)
from library_app.db.catalog import Catalog
from library_app.reports.base import MM, ReportResult
from library_app.reports.fonts import SERIF
from library_app.reports.tables import (
    PAD_X,
    PAD_Y,
    TOTAL_FILL,
    ReportDocument,
    Stages,
    check_language,
    check_period,
    format_count,
    format_date,
    format_money,
    format_period,
    in_period,
    load_records,
    markup,
    money_lines,
    page_size,
    source_name,
    styles,
    table_style,
)

MAX_TITLE = 240  # characters of a title in the register; the full description is in the catalog
# Shares of the frame width: landscape A4 (the default), and narrower frames (portrait A4,
# landscape A5), where the description gives room to the columns of fixed-width values.
_COLUMNS = (0.10, 0.095, 0.43, 0.11, 0.125, 0.14)
_NARROW_COLUMNS = (0.12, 0.12, 0.33, 0.12, 0.16, 0.15)
_NARROW = 200 * MM
_SIZE, _LEADING = 8.5, 10.2  # of plain-text cells, the same as the "cell" paragraph style
_FUZZ = 1.0  # points kept free on every page against rounding in the table's own measure

_WORDS = {
    "ru": {
        "title": "Инвентарная книга",
        "columns": (
            "Инвентарный номер",
            "Дата поступления",
            "Краткое описание (автор, заглавие, место и год издания)",
            "Источник поступления",
            "Цена",
            "Примечание",
        ),
        "page_total": "Итого на странице: {n} экз.",
        "grand_total": "Всего: {n} экз.",
        "acquired": "Поступления {period}",
        "numbers": "Инвентарные номера {range}",
        "from": "с {value}",
        "to": "по {value}",
        CopyStatus.LOST: "утерян",
        CopyStatus.WRITTEN_OFF: "списан",
        "short_sources": {AcquisitionSource.DEPOSIT: "обязательный\nэкземпляр"},
    },
    "en": {
        "title": "Accession register",
        "columns": (
            "Inventory no.",
            "Date acquired",
            "Brief description (author, title, place, year)",
            "Source",
            "Price",
            "Note",
        ),
        "page_total": "Page total: {n} {copies}",
        "grand_total": "Total: {n} {copies}",
        "acquired": "Acquired {period}",
        "numbers": "Inventory numbers {range}",
        "from": "from {value}",
        "to": "to {value}",
        CopyStatus.LOST: "lost",
        CopyStatus.WRITTEN_OFF: "written off",
        "short_sources": {AcquisitionSource.DEPOSIT: "legal\ndeposit"},
    },
}


@dataclass(frozen=True)
class RegisterOptions:
    title: str = field(default="", metadata={"help": "heading (default: Инвентарная книга)"})
    organisation: str = field(default="", metadata={"help": "library named under the heading"})
    date_from: dt.date | None = field(
        default=None, metadata={"flag": "--from", "help": "copies acquired on or after DATE"}
    )
    date_to: dt.date | None = field(
        default=None, metadata={"flag": "--to", "help": "copies acquired on or before DATE"}
    )
    inventory_from: str = field(
        default="",
        metadata={
            "help": "first inventory number (natural order: 2 before 10)",
            "metavar": "NUMBER",
        },
    )
    inventory_to: str = field(
        default="", metadata={"help": "last inventory number", "metavar": "NUMBER"}
    )
    page_size: str = field(default="A4", metadata={"choices": ("A4", "A5")})
    landscape: bool = field(default=True, metadata={"help": "landscape pages"})
    language: str = field(default="ru", metadata={"choices": ("ru", "en")})


@dataclass
class _Row:
    key: str
    inventory_number: str
    acquired_on: dt.date | None
    description: str
    source: AcquisitionSource | None
    price: Decimal | None
    currency: str
    note: str


def brief_description(record: Record) -> str:
    """Author, title, place and year: enough to find the book the line stands for."""
    persons = [c for c in record.contributors if c.role == ContributorRole.AUTHOR]
    heading = persons[0].display_name() if persons else ""
    title = record.title
    if len(title) > MAX_TITLE:
        title = title[: MAX_TITLE - 1].rstrip() + "…"
    text = f"{heading} {title}" if heading else title
    if record.host is not None:
        text += f" // {record.host.title}"
        where = ", ".join(p for p in (record.host.year or record.year,) if p)
    else:
        where = ", ".join(p for p in (*record.places[:1], record.year) if p)
    if where:
        text += f". — {where}"
    return text if text.endswith((".", "?", "!", "…")) else text + "."


def _copy_rows(records: Iterable[Record], options: RegisterOptions, language: str) -> list[_Row]:
    low = collation_key(options.inventory_from) if options.inventory_from.strip() else None
    high = collation_key(options.inventory_to) if options.inventory_to.strip() else None
    rows = []
    for record in records:
        description = brief_description(record)
        for copy in record.copies:
            key = collation_key(copy.inventory_number)
            if (low is not None and key < low) or (high is not None and key > high):
                continue
            if not in_period(copy.acquired_on, options.date_from, options.date_to):
                continue
            notes = [copy.note] if copy.note else []
            if copy.status in (CopyStatus.LOST, CopyStatus.WRITTEN_OFF):
                notes.insert(0, _WORDS[language][copy.status])
            rows.append(
                _Row(
                    key,
                    copy.inventory_number,
                    copy.acquired_on,
                    description,
                    copy.source,
                    copy.price,
                    copy.currency,
                    "; ".join(notes),
                )
            )
    return rows


class _Layout:
    """Cuts the register into pages and makes one table per page."""

    def __init__(self, options: RegisterOptions, width: float, language: str) -> None:
        self.options = options
        self.language = language
        self.words = _WORDS[language]
        self.styles = styles()
        shares = _COLUMNS if width >= _NARROW else _NARROW_COLUMNS
        self.widths = [share * width for share in shares]
        self.header = [
            Paragraph(markup(h), self.styles["cell_head"]) for h in self.words["columns"]
        ]
        self.header_height = self.height(self.header)
        # a totals row spans the first four columns with its label
        self.total_widths = [sum(self.widths[:4]), 0, 0, 0, *self.widths[4:]]

    def cells(self, row: _Row) -> list[Flowable | str]:
        source = self.words["short_sources"].get(row.source) or source_name(
            row.source, self.language
        )
        price = format_money(row.price, row.currency, self.language) if row.price else ""
        note: Flowable | str = Paragraph(markup(row.note), self.styles["cell"]) if row.note else ""
        return [
            self.fit(row.inventory_number, 0),
            format_date(row.acquired_on, self.language) if row.acquired_on else "",
            Paragraph(markup(row.description), self.styles["cell"]),
            self.fit(source, 3),
            self.fit(price, 4, "cell_right"),
            note,
        ]

    def fit(self, text: str, column: int, style: str = "cell") -> Flowable | str:
        """Plain text where it fits (cheap), a wrapping paragraph where it would overflow."""
        room = self.widths[column] - 2 * PAD_X
        if all(stringWidth(line, SERIF, _SIZE) <= room for line in text.split("\n")):
            return text
        return Paragraph(markup(text).replace("\n", "<br/>"), self.styles[style])

    def height(self, cells: list[Flowable | str], widths: list[float] | None = None) -> float:
        """The row's height as the table will make it: the tallest cell plus padding."""
        tallest = _LEADING
        for cell, width in zip(cells, widths or self.widths, strict=True):
            if isinstance(cell, Flowable):
                tallest = max(tallest, cell.wrap(width - 2 * PAD_X, 1e6)[1])
            elif cell:
                tallest = max(tallest, _LEADING * (cell.count("\n") + 1))
        return tallest + 2 * PAD_Y

    def totals(self, label: str, rows: list[_Row]) -> list[Flowable | str]:
        sums: dict[str, Decimal] = {}
        for row in rows:
            if row.price:
                sums[row.currency] = sums.get(row.currency, Decimal(0)) + row.price
        count = format_count(len(rows), self.language)
        money = "<br/>".join(markup(line) for line in money_lines(sums, self.language))
        return [
            Paragraph(
                markup(label.format(n=count, copies="copy" if len(rows) == 1 else "copies")),
                self.styles["cell_total"],
            ),
            "",
            "",
            "",
            Paragraph(money, self.styles["cell_total_right"]) if money else "",
            "",
        ]

    def table(self, body: list[list[Flowable | str]], heights: list[float], totals: int) -> Table:
        """One page: header, rows, and ``totals`` totals rows, every row height given so the
        table is exactly as tall as it was measured."""
        style = table_style()
        style += [
            ("LEADING", (0, 1), (-1, -1), _LEADING),
            ("ALIGN", (4, 1), (4, -1), "RIGHT"),
            ("ALIGN", (1, 1), (1, -1), "CENTER"),
        ]
        for index in range(len(body) - totals + 1, len(body) + 1):
            style += [
                ("SPAN", (0, index), (3, index)),
                ("BACKGROUND", (0, index), (-1, index), TOTAL_FILL),
            ]
        return Table(
            [self.header, *body],
            colWidths=self.widths,
            rowHeights=[self.header_height, *heights],
            style=TableStyle(style),
        )

    def title_block(self) -> list[Flowable]:
        options, words = self.options, self.words
        blocks: list[Flowable] = [
            Paragraph(markup(options.title or words["title"]), self.styles["title"])
        ]
        lines = [options.organisation] if options.organisation else []
        period = format_period(options.date_from, options.date_to, self.language)
        if period:
            lines.append(words["acquired"].format(period=period))
        bounds = [
            words[end].format(value=value)
            for end, value in (("from", options.inventory_from), ("to", options.inventory_to))
            if value.strip()
        ]
        if bounds:
            lines.append(words["numbers"].format(range=" ".join(bounds)))
        blocks += [Paragraph(markup(line), self.styles["subtitle"]) for line in lines]
        return blocks

    def story(
        self,
        rows: list[_Row],
        frame: tuple[float, float],
        is_cancelled: CancelCheck,
        measured: Callable[[int], None],
    ) -> list[Flowable]:
        """The title and one table per page; ``measured(n)`` follows the rows measured.

        A row's paragraphs are made to measure it and made again when its page is drawn:
        holding those of a 100 000-copy register at once would take gigabytes."""
        width, height = frame
        title = self.title_block()
        title_height = sum(
            f.wrap(width, height)[1] + f.getSpaceBefore() + f.getSpaceAfter() for f in title
        )
        heights: list[float] = []
        for index, row in enumerate(rows):
            if index % 500 == 0:
                check_cancel(is_cancelled)
                measured(index)
            heights.append(self.height(self.cells(row)))
        grand_height = self.height(self.totals(self.words["grand_total"], rows), self.total_widths)
        story: list[Flowable] = list(title)
        start = 0
        while start < len(rows):
            check_cancel(is_cancelled)
            room = height - _FUZZ - self.header_height - (title_height if start == 0 else 0)
            end, used, currencies = start, 0.0, set()
            while end < len(rows):  # fill the page, keeping room for a totals row
                row_currencies = currencies | ({rows[end].currency} if rows[end].price else set())
                lines = max(1, len(row_currencies))
                if end > start and used + heights[end] + lines * _LEADING + 2 * PAD_Y > room:
                    break
                used, currencies, end = used + heights[end], row_currencies, end + 1
            while True:  # now measure the totals exactly (long sums wrap; the last page has two)
                totals = [self.totals(self.words["page_total"], rows[start:end])]
                page_heights = [*heights[start:end], self.height(totals[0], self.total_widths)]
                if end == len(rows):
                    page_heights.append(grand_height)
                if sum(page_heights) <= room or end - start == 1:
                    break
                end -= 1
            story.append(_Page(self, rows, start, end, page_heights, width))
            if end < len(rows):
                story.append(PageBreak())
            start = end
        return story


class _Page(Flowable):
    """One page of the register, as tall as it was measured; its table is made when drawn."""

    def __init__(
        self,
        layout: _Layout,
        rows: list[_Row],
        start: int,
        end: int,
        heights: list[float],
        width: float,
    ) -> None:
        super().__init__()
        self.layout, self.rows, self.start, self.end = layout, rows, start, end
        self.heights = heights
        self.width, self.height = width, layout.header_height + sum(heights)

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        layout, rows = self.layout, self.rows
        body = [layout.cells(row) for row in rows[self.start : self.end]]
        body.append(layout.totals(layout.words["page_total"], rows[self.start : self.end]))
        if self.end == len(rows):
            body.append(layout.totals(layout.words["grand_total"], rows))
        table = layout.table(body, self.heights, len(body) - (self.end - self.start))
        table.wrapOn(self.canv, self.width, self.height)
        table.drawOn(self.canv, 0, 0)


def build_register(
    catalog: Catalog,
    record_ids: Sequence[int],
    options: RegisterOptions,
    target: BinaryIO,
    *,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
) -> ReportResult:
    """The register of the copies of ``record_ids`` that pass the options' filters."""
    language = check_language(options.language)
    size = page_size(options.page_size, landscape_orientation=options.landscape)
    check_period(options.date_from, options.date_to)
    stages = Stages(progress, len(record_ids))
    records = load_records(catalog, record_ids, progress=stages.reading, is_cancelled=is_cancelled)
    rows = _copy_rows(records, options, language)
    if not rows:
        raise InputError(_nothing_message(options))
    rows.sort(key=lambda row: row.key)
    planned = 1  # pages, known once the rows are measured; measuring is the first third
    document = ReportDocument(
        target,
        size=size,
        title=options.title or _WORDS[language]["title"],
        language=language,
        is_cancelled=is_cancelled,
        on_page=lambda page: stages.laying_out(planned + 2 * page, 3 * planned),
    )
    layout = _Layout(options, document.width, language)
    story = layout.story(
        rows,
        document.frame_size,
        is_cancelled,
        lambda done: stages.laying_out(done, 3 * len(rows)),
    )
    planned = sum(isinstance(f, _Page) for f in story)
    pages = document.render(story)
    stages.finished()
    return ReportResult(pages=pages, items=len(rows))


def _nothing_message(options: RegisterOptions) -> str:
    limits = []
    if options.date_from or options.date_to:
        limits.append("acquired " + format_period(options.date_from, options.date_to, "en"))
    if options.inventory_from.strip() or options.inventory_to.strip():
        limits.append(
            f"with inventory numbers from «{options.inventory_from or '…'}» "
            f"to «{options.inventory_to or '…'}»"
        )
    where = f" ({', '.join(limits)})" if limits else ""
    return f"the chosen records have no copies{where}; the register would be empty"
