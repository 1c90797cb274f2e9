"""What the tabular products (accession register, acquisitions bulletin, statistics) share:
the page with its number, the paragraph and table styles in the bundled fonts, the names of
stored codes in Russian and English, money and dates as a Russian or English reader writes them,
and reading the records in batches with progress and cancel.

Russian is the default because the register and the bulletin are filed with Russian-language
paperwork in the libraries this app serves; English is there for partners' reports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from decimal import Decimal
from html import escape
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, A5, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from library_app.core.errors import InputError
from library_app.core.model import AcquisitionSource, MaterialType, Record
from library_app.core.progress import CancelCheck, ProgressCallback, check_cancel
from library_app.db.catalog import Catalog
from library_app.reports.base import MM
from library_app.reports.fonts import SANS, SERIF, register_fonts

LANGUAGES = ("ru", "en")
PAGE_SIZES = {"A4": A4, "A5": A5}
LOAD_BATCH = 500  # records read per query: progress and cancel are checked between batches

# Names of stored codes, as the GUI shows them (gui/labels.py) but without Qt: a PDF is printed
# in the language the person chose for it, not in the language of the window.
_SOURCES = {
    "ru": {
        AcquisitionSource.PURCHASE: "покупка",
        AcquisitionSource.GIFT: "дар",
        AcquisitionSource.EXCHANGE: "обмен",
        AcquisitionSource.DEPOSIT: "обязательный экземпляр",
    },
    "en": {
        AcquisitionSource.PURCHASE: "purchase",
        AcquisitionSource.GIFT: "gift",
        AcquisitionSource.EXCHANGE: "exchange",
        AcquisitionSource.DEPOSIT: "legal deposit",
    },
}
# Headings of material types in printed products (plural, as group headings and table rows)
MATERIALS: dict[str, dict[MaterialType, str]] = {
    "ru": {
        MaterialType.BOOK: "Книги",
        MaterialType.ARTICLE: "Статьи",
        MaterialType.REPORT: "Отчёты",
        MaterialType.PROCEEDINGS: "Материалы конференций",
        MaterialType.THESIS: "Диссертации",
        MaterialType.MAP: "Карты",
        MaterialType.SERIAL: "Периодические издания",
        MaterialType.ELECTRONIC: "Электронные ресурсы",
        MaterialType.AUDIOVISUAL: "Аудиовизуальные материалы",
        MaterialType.STANDARD: "Стандарты",
    },
    "en": {
        MaterialType.BOOK: "Books",
        MaterialType.ARTICLE: "Articles",
        MaterialType.REPORT: "Reports",
        MaterialType.PROCEEDINGS: "Conference proceedings",
        MaterialType.THESIS: "Theses",
        MaterialType.MAP: "Maps",
        MaterialType.SERIAL: "Serials",
        MaterialType.ELECTRONIC: "Electronic resources",
        MaterialType.AUDIOVISUAL: "Audiovisual materials",
        MaterialType.STANDARD: "Standards",
    },
}
_PAGE = {"ru": "Стр. {n}", "en": "Page {n}"}
_MONTHS_EN = "January February March April May June July August September October November December"


def check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise InputError(f"unknown report language «{language}»; use one of: ru, en")
    return language


def page_size(name: str, *, landscape_orientation: bool = False) -> tuple[float, float]:
    try:
        size = PAGE_SIZES[name.upper()]
    except KeyError:
        known = ", ".join(PAGE_SIZES)
        raise InputError(f"unknown page size «{name}»; use one of: {known}") from None
    return landscape(size) if landscape_orientation else size


def check_period(date_from: dt.date | None, date_to: dt.date | None) -> None:
    if date_from is not None and date_to is not None and date_from > date_to:
        raise InputError(
            f"the period starts ({date_from.isoformat()}) after it ends ({date_to.isoformat()})"
        )


def in_period(day: dt.date | None, date_from: dt.date | None, date_to: dt.date | None) -> bool:
    """Whether ``day`` lies in the closed period; an unknown date only in an unbounded one."""
    if day is None:
        return date_from is None and date_to is None
    return (date_from is None or day >= date_from) and (date_to is None or day <= date_to)


def source_name(source: AcquisitionSource | None, language: str) -> str:
    return _SOURCES[language].get(source, "") if source is not None else ""


def material_name(material: str, language: str) -> str:
    return MATERIALS[language].get(material, material)  # type: ignore[call-overload]


def format_date(day: dt.date, language: str) -> str:
    """Russian paperwork writes 05.03.2024; English readers get the unambiguous ISO form."""
    return day.strftime("%d.%m.%Y") if language == "ru" else day.isoformat()


def format_period(date_from: dt.date | None, date_to: dt.date | None, language: str) -> str:
    """«с 01.01.2024 по 31.03.2024», "from 2024-01-01 to 2024-03-31", open ends left out."""
    parts = []
    if date_from is not None:
        parts.append(("с " if language == "ru" else "from ") + format_date(date_from, language))
    if date_to is not None:
        parts.append(("по " if language == "ru" else "to ") + format_date(date_to, language))
    return " ".join(parts)


def format_money(amount: Decimal, currency: str, language: str) -> str:
    """12 345,50 KZT (Russian: space for thousands, comma for decimals) or 12,345.50 KZT."""
    text = f"{amount:,.2f}"
    if language == "ru":
        text = text.replace(",", "\u00a0").replace(".", ",")
    return f"{text}\u00a0{currency}" if currency else text


def format_count(number: int, language: str) -> str:
    text = f"{number:,}"
    return text.replace(",", "\u00a0") if language == "ru" else text


def money_lines(sums: dict[str, Decimal], language: str) -> list[str]:
    """Per-currency sums, one per line, currencies in alphabetical order (no currency last)."""
    ordered = sorted(sums.items(), key=lambda item: (not item[0], item[0]))
    return [format_money(amount, currency, language) for currency, amount in ordered]


def markup(text: str) -> str:
    """Plain text made safe for a ReportLab paragraph."""
    return escape(text, quote=False)


def load_records(
    catalog: Catalog,
    record_ids: Sequence[int],
    *,
    progress: ProgressCallback,
    is_cancelled: CancelCheck,
) -> Iterator[Record]:
    """The live records among ``record_ids``, each once (records in the trash are not
    printed), read in batches so a 100 000-record catalog neither fills memory at once nor
    ignores a cancel; ``progress`` counts the ids read."""
    from library_app.db.records import RecordRepository

    repository = RecordRepository(catalog)
    ids = list(dict.fromkeys(record_ids))
    for start in range(0, len(ids), LOAD_BATCH):
        check_cancel(is_cancelled)
        for record in repository.get_many(ids[start : start + LOAD_BATCH]):
            if record.deleted_at is None:
                yield record
        progress(min(start + LOAD_BATCH, len(ids)), len(ids))
    check_cancel(is_cancelled)


def styles() -> dict[str, ParagraphStyle]:
    """The paragraph styles of the tabular products (fonts registered on first use)."""
    register_fonts()
    body = ParagraphStyle("body", fontName=SERIF, fontSize=10, leading=12.5)
    cell = ParagraphStyle("cell", fontName=SERIF, fontSize=8.5, leading=10.2)
    return {
        "title": ParagraphStyle(
            "title",
            fontName=f"{SERIF}-Bold",
            fontSize=15,
            leading=19,
            alignment=TA_CENTER,
            spaceAfter=3 * MM,
        ),
        "subtitle": ParagraphStyle(
            "subtitle", parent=body, fontSize=11, leading=14, alignment=TA_CENTER, spaceAfter=2 * MM
        ),
        "heading": ParagraphStyle(
            "heading",
            fontName=f"{SANS}-Bold",
            fontSize=11.5,
            leading=14,
            spaceBefore=5 * MM,
            spaceAfter=2 * MM,
            keepWithNext=1,
        ),
        "body": body,
        "entry": ParagraphStyle(
            "entry", parent=body, leftIndent=9 * MM, firstLineIndent=-9 * MM, spaceAfter=0.8 * MM
        ),
        "detail": ParagraphStyle(
            "detail",
            parent=body,
            fontName=SANS,
            fontSize=8.5,
            leading=10.5,
            leftIndent=9 * MM,
            spaceAfter=2.2 * MM,
            textColor=colors.HexColor("#333333"),
        ),
        "note": ParagraphStyle("note", parent=body, fontSize=8.5, leading=10.5, spaceBefore=1 * MM),
        "cell": cell,
        "cell_right": ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT),
        "cell_head": ParagraphStyle(
            "cell_head", fontName=f"{SANS}-Bold", fontSize=7.5, leading=9, alignment=TA_CENTER
        ),
        "cell_total": ParagraphStyle("cell_total", parent=cell, fontName=f"{SERIF}-Bold"),
        "cell_total_right": ParagraphStyle(
            "cell_total_right", parent=cell, fontName=f"{SERIF}-Bold", alignment=TA_RIGHT
        ),
    }


# Cell padding of every table; the register measures rows with the same numbers.
PAD_X = 1.6 * MM
PAD_Y = 1.0 * MM
GRID = colors.HexColor("#555555")
HEAD_FILL = colors.HexColor("#e6e6e6")
TOTAL_FILL = colors.HexColor("#f2f2f2")


def table_style(header_rows: int = 1) -> list[tuple[Any, ...]]:
    return [
        ("FONTNAME", (0, 0), (-1, -1), SERIF),
        ("FONTSIZE", (0, 0), (-1, -1), 8.5),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD_X),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD_X),
        ("TOPPADDING", (0, 0), (-1, -1), PAD_Y),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_Y),
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
    ] + (
        [
            ("BACKGROUND", (0, 0), (-1, header_rows - 1), HEAD_FILL),
            ("VALIGN", (0, 0), (-1, header_rows - 1), "MIDDLE"),
        ]
        if header_rows
        else []
    )


class ReportDocument(BaseDocTemplate):
    """One frame per page, the page number at the foot, and a cancel check on every new page:
    laying out thousands of rows is the slow part once the records are read."""

    def __init__(
        self,
        target: BinaryIO,
        *,
        size: tuple[float, float],
        title: str,
        language: str,
        is_cancelled: CancelCheck,
        margins: tuple[float, float, float, float] = (15 * MM, 15 * MM, 15 * MM, 20 * MM),
        on_page: Callable[[int], None] | None = None,
    ) -> None:
        register_fonts()
        left, right, top, bottom = margins
        super().__init__(
            target,
            pagesize=size,
            leftMargin=left,
            rightMargin=right,
            topMargin=top,
            bottomMargin=bottom,
            title=title,
            creator="library-app",
            author="",
            subject=title,
        )
        self._language = language
        self._is_cancelled = is_cancelled
        self._on_page = on_page
        frame = Frame(
            left,
            bottom,
            size[0] - left - right,
            size[1] - top - bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        self.addPageTemplates([PageTemplate("page", [frame], onPage=self._decorate)])

    @property
    def frame_size(self) -> tuple[float, float]:
        return self.width, self.height

    def _decorate(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        check_cancel(self._is_cancelled)
        if self._on_page is not None:
            self._on_page(canvas.getPageNumber())
        canvas.saveState()
        canvas.setFont(SANS, 8)
        canvas.setFillColor(colors.HexColor("#444444"))
        text = _PAGE[self._language].format(n=canvas.getPageNumber())
        canvas.drawCentredString(self.pagesize[0] / 2, self.bottomMargin / 2, text)
        canvas.restoreState()

    def render(self, story: list[Flowable]) -> int:
        """Lay out ``story`` and answer the number of pages written."""
        self.build(story)
        return self.page


class Stages:
    """Progress over the two slow stages of a product, reading the records and laying out
    the pages, each given the same weight: a 20 000-copy register spends about as long on its
    1 000 pages as on reading, and the bar must not stand still at the end meanwhile."""

    def __init__(self, progress: ProgressCallback, records: int) -> None:
        self._progress = progress
        self.half = max(records, 1)
        self.total = 2 * self.half

    def reading(self, done: int, _total: int = 0) -> None:
        self._progress(min(done, self.half), self.total)

    def laying_out(self, done: float, of: float) -> None:
        share = int(self.half * min(done, of) / of) if of else self.half
        self._progress(self.half + share, self.total)

    def finished(self) -> None:
        self._progress(self.total, self.total)
