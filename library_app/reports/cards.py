"""Catalog cards, 125 × 75 mm, laid out as on a GOST 7.51-98 card.

A card has a left column for the shelf mark (class index over author sign), the heading at the
first vertical, the description starting at the paragraph indent (areas that begin a new
paragraph lose their «. –», as GOST 7.1 allows on cards), the tracing — subject headings in
Arabic numbers, added entries in Roman numbers — and the inventory numbers at the bottom.
The rod hole (6 mm across, centred 7 mm above the bottom edge) is kept clear of text: the
description stops 2 mm above it and the bottom line is split to its left and right.

Each record gives its main entry card and, as chosen, added entry cards (co-authors and other
contributors, title, subject headings): unit cards with the added heading on top.  Tracing and
inventory numbers are for the service catalogue and appear on the main card only.

Text that does not fit is first set smaller, down to ``min_font_size``; what still does not fit
continues on further cards that repeat the shelf mark and heading, are numbered «Карт. 2» in the
left column and end with «(Продолжение на след. карт.)» while more follow.

Cards print four to a landscape A4 sheet with cut marks, or one per 125 × 75 mm page for card
printers.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Paragraph

from library_app.core.errors import InputError
from library_app.core.model import ClassificationScheme, Contributor, Record
from library_app.core.progress import (
    CancelCheck,
    ProgressCallback,
    check_cancel,
    never_cancelled,
    no_progress,
)
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.reports.author_sign import (
    AuthorTable,
    ShelfMark,
    heading_author,
    load_table,
    record_shelf_mark,
)
from library_app.reports.base import MM, ReportResult
from library_app.reports.citation import STYLES, format_reference
from library_app.reports.fonts import SANS, SERIF, register_fonts

CARD_WIDTH = 125 * MM
CARD_HEIGHT = 75 * MM
HOLE_DIAMETER = 6 * MM
HOLE_CENTRE_Y = 7 * MM  # above the bottom edge, centred across the width
_MARGIN_TOP = 5 * MM
_MARGIN_LEFT = 4 * MM
_MARGIN_RIGHT = 5 * MM
_MARGIN_BOTTOM = 3 * MM
_FIRST_VERTICAL = 21 * MM  # heading and the lines that carry over
_INDENT = 4 * MM  # second vertical: where paragraphs start
_HOLE_CLEARANCE = 2 * MM
_BODY_BOTTOM = HOLE_CENTRE_Y + HOLE_DIAMETER / 2 + _HOLE_CLEARANCE
_HOLE_LEFT = (CARD_WIDTH - HOLE_DIAMETER) / 2 - _HOLE_CLEARANCE
_HOLE_RIGHT = (CARD_WIDTH + HOLE_DIAMETER) / 2 + _HOLE_CLEARANCE
_SHELF_FONT = 8.0
_SHELF_MIN_FONT = 6.0
_SHEET_COLUMNS, _SHEET_ROWS = 2, 2
CARDS_PER_SHEET = _SHEET_COLUMNS * _SHEET_ROWS
_CUT_MARK_GAP = 2 * MM
_CUT_MARK_LENGTH = 6 * MM
_MAX_INVENTORY = 12  # numbers listed on a card; more are counted
BATCH = 50  # records between progress reports and cancel checks

LAYOUTS = ("sheet", "single")
ADDED_ENTRIES = ("coauthor", "title", "subject")
_CARD_STYLES = tuple(s for s in STYLES if s.startswith("gost"))

_TEXTS = {
    "ru": {
        "inventory": "Инв. №",
        "continued": "(Продолжение на след. карт.)",
        "card": "Карт. {number}",
        "title": "Загл.",
        "copies": "экз.",
    },
    "en": {
        "inventory": "Inv. no.",
        "continued": "(Continued on next card)",
        "card": "Card {number}",
        "title": "Title.",
        "copies": "copies",
    },
}
_AREA_SEPARATOR = re.compile(r"(\.\s[–—]\s)")


@dataclass(frozen=True)
class CardOptions:
    layout: str = "sheet"  # "sheet": 4 per landscape A4 with cut marks; "single": 1 per page
    added_entries: tuple[str, ...] = ADDED_ENTRIES  # which added entry cards to print
    style: str = "gost-r-7.0.100-2018"  # or "gost-7.1-2003", "gost-r-7.0.5-2008"
    classification: str = "bbk"  # scheme of the class index in the shelf mark, then the others
    author_signs: Mapping[int, str] = field(default_factory=dict)  # record id → sign
    author_table: Path | None = None  # None: the shipped resources/author_table.tsv
    annotation: bool = True  # print the summary as a paragraph of the description
    language: str = "ru"  # of the card's own words: «Инв. №», «Продолжение …»
    font_size: float = 8.5
    min_font_size: float = 7.0  # shrink down to this before continuing on another card
    hole_guide: bool = False  # outline the rod hole (for punching plain card stock)


def check_options(options: CardOptions) -> None:
    if options.layout not in LAYOUTS:
        raise InputError(f"unknown card layout «{options.layout}»; use one of: sheet, single")
    unknown = [e for e in options.added_entries if e not in ADDED_ENTRIES]
    if unknown:
        raise InputError(
            f"unknown added entry «{unknown[0]}»; use any of: {', '.join(ADDED_ENTRIES)}"
        )
    if options.style not in _CARD_STYLES:
        raise InputError(
            f"cards use a GOST description; «{options.style}» is not one of: "
            + ", ".join(_CARD_STYLES)
        )
    if options.classification not in {s.value for s in ClassificationScheme}:
        raise InputError(
            f"unknown classification «{options.classification}»; use bbk, udc or local"
        )
    if options.language not in _TEXTS:
        raise InputError(f"cards are printed in: {', '.join(_TEXTS)}; not «{options.language}»")
    if not 5 <= options.min_font_size <= options.font_size <= 14:
        raise InputError("card font sizes must satisfy 5 ≤ min_font_size ≤ font_size ≤ 14")


# --- what a card says -------------------------------------------------------------------------


@dataclass(frozen=True)
class CardContent:
    """One card before layout; markup is ReportLab paragraph markup (escaped)."""

    shelf_mark: ShelfMark
    heading: str  # the main heading (author), "" for works entered under title
    description: tuple[str, ...]  # paragraphs
    added_heading: str = ""  # the heading of an added entry card, "" on the main card
    tracing: str = ""
    inventory: str = ""
    kind: str = "main"  # main, coauthor, title, subject


def _escape(text: str) -> str:
    return html.escape(text, quote=False)


def strip_heading(markup: str, record: Record, heading: Contributor | None) -> str:
    """The description without the formatter's own heading (the card prints it separately).

    The formatter puts the heading before the title; whatever precedes the title is dropped
    when it names the heading's author, so no other wording of the formatter matters.
    """
    if heading is None or not record.title:
        return markup
    for title in (html.escape(record.title), _escape(record.title)):
        position = markup.find(title)
        if position > 0 and _escape(heading.name) in markup[:position]:
            return markup[position:]
    return markup


def split_areas(markup: str, record: Record) -> list[str]:
    """Break the description into card paragraphs: physical description, notes and standard
    numbers each start a paragraph, their «. –» becoming the previous paragraph's full stop."""
    pieces = _AREA_SEPARATOR.split(markup)
    starts = [_escape(s.strip().rstrip(".")) for s in (record.extent.pages, *record.notes)]
    starts = [s for s in starts if s]
    starts += ["ISBN", "ISSN"]
    paragraphs = [pieces[0]]
    for separator, area in zip(pieces[1::2], pieces[2::2], strict=True):
        if any(area.startswith(start) for start in starts):
            paragraphs[-1] += "."
            paragraphs.append(area)
        else:
            paragraphs[-1] += separator + area
    return [p for p in paragraphs if p.strip()]


def _roman(number: int) -> str:
    numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"))
    numerals += ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = []
    for value, letters in numerals:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def _subject_headings(record: Record) -> list[str]:
    seen: dict[str, str] = {}
    for subject in (*record.subjects, *record.geographic_names):
        if subject.strip():
            seen.setdefault(subject.strip().casefold(), subject.strip())
    return list(seen.values())


def _added_contributors(record: Record, heading: Contributor | None) -> list[str]:
    names: dict[str, str] = {}
    for contributor in record.contributors:
        if contributor is heading or not contributor.name.strip():
            continue
        name = contributor.display_name().strip()
        names.setdefault(name.casefold(), name)
    return list(names.values())


def record_cards(
    record: Record, options: CardOptions, table: AuthorTable, overrides: Mapping[int, str]
) -> list[CardContent]:
    """The main entry card and the added entry cards chosen in ``options``."""
    texts = _TEXTS[options.language]
    author = heading_author(record)
    shelf_mark = record_shelf_mark(
        record,
        table,
        overrides=overrides,
        scheme=ClassificationScheme(options.classification),
    )
    reference = format_reference(record, options.style).markup
    description = split_areas(strip_heading(reference, record, author), record)
    if options.annotation and record.summary.strip():
        description.append(_escape(record.summary.strip()))
    heading = _escape(author.display_name()) if author else ""

    added: list[tuple[str, str]] = []  # (kind, heading)
    if "coauthor" in options.added_entries:
        added += [("coauthor", name) for name in _added_contributors(record, author)]
    if "title" in options.added_entries and author is not None and record.title.strip():
        added.append(("title", record.title.strip()))
    subjects = _subject_headings(record) if "subject" in options.added_entries else []
    added += [("subject", subject) for subject in subjects]

    tracing = [f"{n}. {_escape(s)}." for n, s in enumerate(subjects, start=1)]
    others = [(kind, text) for kind, text in added if kind != "subject"]
    for n, (kind, text) in enumerate(others, start=1):
        shown = texts["title"] if kind == "title" else _escape(text).rstrip(".") + "."
        tracing.append(f"{_roman(n)}. {shown}")
    numbers = [_escape(c.inventory_number) for c in record.copies if c.inventory_number.strip()]
    inventory = ", ".join(numbers)
    if len(numbers) > _MAX_INVENTORY:  # a large holding would push the description off the card
        shown = ", ".join(numbers[: _MAX_INVENTORY - 2])
        inventory = f"{shown} … ({len(numbers)} {texts['copies']})"
    main = CardContent(
        shelf_mark,
        heading,
        tuple(description),
        tracing=" ".join(tracing),
        inventory=f"{texts['inventory']} {inventory}" if inventory else "",
    )
    cards = [main]
    for kind, text in added:
        cards.append(CardContent(shelf_mark, heading, tuple(description), _escape(text), kind=kind))
    return cards


# --- how a card is drawn ----------------------------------------------------------------------


@dataclass(frozen=True)
class _Styles:
    heading: ParagraphStyle
    added: ParagraphStyle
    body: ParagraphStyle
    tracing: ParagraphStyle
    bottom: ParagraphStyle


def _styles(size: float) -> _Styles:
    leading = size * 1.2
    base = ParagraphStyle("card", fontName=SERIF, fontSize=size, leading=leading)
    small = size - 1
    return _Styles(
        heading=ParagraphStyle("heading", base, fontName=f"{SERIF}-Bold"),
        added=ParagraphStyle("added", base, fontName=f"{SERIF}-Bold", spaceAfter=leading / 3),
        body=ParagraphStyle("body", base, firstLineIndent=_INDENT),
        tracing=ParagraphStyle(
            "tracing",
            base,
            fontSize=small,
            leading=small * 1.2,
            firstLineIndent=_INDENT,
            spaceBefore=leading / 2,
        ),
        bottom=ParagraphStyle("bottom", base, fontSize=small, leading=small * 1.15),
    )


def _flowables(card: CardContent, styles: _Styles, *, first: bool = True) -> list[Flowable]:
    flows: list[Flowable] = []
    if card.added_heading:
        flows.append(Paragraph(card.added_heading, styles.added))
    if card.heading:
        style = styles.body if card.added_heading else styles.heading
        flows.append(Paragraph(card.heading, style))
    if first:
        flows += [Paragraph(p, styles.body) for p in card.description]
        if card.tracing:
            flows.append(Paragraph(card.tracing, styles.tracing))
    return flows


_FRAME_X = _FIRST_VERTICAL
_FRAME_WIDTH = CARD_WIDTH - _FIRST_VERTICAL - _MARGIN_RIGHT
_FRAME_TOP = CARD_HEIGHT - _MARGIN_TOP
_INVENTORY_WIDTH = _HOLE_LEFT - _MARGIN_LEFT


def _body_bottom(inventory: Paragraph | None) -> float:
    """The body stops above the hole, or above a long inventory list that climbs past it."""
    if inventory is None:
        return _BODY_BOTTOM
    _, height = inventory.wrap(_INVENTORY_WIDTH, CARD_HEIGHT)
    return max(_BODY_BOTTOM, _MARGIN_BOTTOM + height + _HOLE_CLEARANCE / 2)


def _height(flows: Sequence[Flowable]) -> float:
    total = 0.0
    for position, flow in enumerate(flows):
        _, height = flow.wrap(_FRAME_WIDTH, CARD_HEIGHT * 10)
        total += height + flow.getSpaceAfter() + (flow.getSpaceBefore() if position else 0)
    return total


def _fitting_size(card: CardContent, options: CardOptions) -> float:
    """The largest size from ``font_size`` down to ``min_font_size`` at which the card fits one
    card; ``font_size`` when none does (then the text continues on further cards)."""
    size = options.font_size
    while size >= options.min_font_size - 1e-9:
        styles = _styles(size)
        inventory = Paragraph(card.inventory, styles.bottom) if card.inventory else None
        if _height(_flowables(card, styles)) <= _FRAME_TOP - _body_bottom(inventory):
            return size
        size -= 0.5
    return options.font_size


def _fill(canvas: Canvas, flows: list[Flowable], bottom: float) -> int:
    """Draw from ``flows`` into the card's text area, splitting the last paragraph that fits
    partly; answers how many flowables (or first parts of one) were drawn."""
    y = _FRAME_TOP
    drawn = 0
    while flows:
        flow = flows[0]
        space = flow.getSpaceBefore() if drawn else 0.0
        available = y - space - bottom
        _, height = flow.wrap(_FRAME_WIDTH, available)
        if height <= available + 0.01:
            flow.drawOn(canvas, _FRAME_X, y - space - height)
            y -= space + height + flow.getSpaceAfter()
            flows.pop(0)
            drawn += 1
            continue
        parts = flow.split(_FRAME_WIDTH, available) if available > 0 else []
        if len(parts) < 2:
            break
        flows[0:1] = parts
    return drawn


def _shelf_mark_lines(canvas: Canvas, lines: Sequence[str]) -> float:
    """Draw the shelf mark in the left column; answers the y below it."""
    width = _FIRST_VERTICAL - _MARGIN_LEFT - 2 * MM
    y = _FRAME_TOP
    for line in lines:
        size = _SHELF_FONT
        while size > _SHELF_MIN_FONT and canvas.stringWidth(line, SANS, size) > width:
            size -= 0.5
        for chunk in _chunks(canvas, line, size, width):
            y -= size * 1.15
            canvas.setFont(SANS, size)
            canvas.drawString(_MARGIN_LEFT, y, chunk)
    return y


def _chunks(canvas: Canvas, text: str, size: float, width: float) -> list[str]:
    """A long class index broken into pieces that fit the column (no spaces to break at)."""
    chunks = [""]
    for char in text:
        if chunks[-1] and canvas.stringWidth(chunks[-1] + char, SANS, size) > width:
            chunks.append("")
        chunks[-1] += char
    return chunks


def _draw_card(canvas: Canvas, card: CardContent, options: CardOptions, placer: _Placer) -> int:
    """Draw ``card`` and its continuations at the placer's next places; answers the cards used."""
    size = _fitting_size(card, options)
    styles = _styles(size)
    texts = _TEXTS[options.language]
    flows = _flowables(card, styles)
    number = repeated = 0
    remaining = len(flows)
    while flows:
        number += 1
        origin = placer.next_place(canvas)  # before saveState: a new page resets the state
        canvas.saveState()
        canvas.translate(*origin)
        y = _shelf_mark_lines(canvas, card.shelf_mark.lines())
        inventory = None
        if number == 1:
            if card.inventory:
                inventory = Paragraph(card.inventory, styles.bottom)
                inventory.wrap(_INVENTORY_WIDTH, CARD_HEIGHT)
                inventory.drawOn(canvas, _MARGIN_LEFT, _MARGIN_BOTTOM)
        else:
            canvas.setFont(SERIF, size - 1)
            canvas.drawString(_MARGIN_LEFT, y - (size + 2), texts["card"].format(number=number))
            flows = _flowables(card, styles, first=False) + flows
            repeated = len(flows) - remaining
        if _fill(canvas, flows, _body_bottom(inventory)) <= repeated:
            canvas.restoreState()
            raise InputError("a catalog card's text cannot be laid out: a heading is too long")
        remaining = len(flows)
        if flows:  # right of the hole, on the bottom line
            note, width = texts["continued"], CARD_WIDTH - _MARGIN_RIGHT - _HOLE_RIGHT
            note_size = min(
                size - 1.5, (size - 1.5) * width / canvas.stringWidth(note, SERIF, size - 1.5)
            )
            canvas.setFont(SERIF, note_size)
            canvas.drawRightString(CARD_WIDTH - _MARGIN_RIGHT, _MARGIN_BOTTOM, note)
        if options.hole_guide:
            canvas.setStrokeGray(0.6)
            canvas.setLineWidth(0.3)
            canvas.circle(CARD_WIDTH / 2, HOLE_CENTRE_Y, HOLE_DIAMETER / 2)
        canvas.restoreState()
    return number


# --- pages ------------------------------------------------------------------------------------


class _Placer:
    """Where the next card goes: the next slot of the sheet, or a new page."""

    def __init__(self, layout: str) -> None:
        self.layout = layout
        self.used = 0
        self.pages = 0
        if layout == "sheet":
            self.page_width, self.page_height = landscape(A4)
        else:
            self.page_width, self.page_height = CARD_WIDTH, CARD_HEIGHT
        self.left = (self.page_width - _SHEET_COLUMNS * CARD_WIDTH) / 2
        self.bottom = (self.page_height - _SHEET_ROWS * CARD_HEIGHT) / 2

    def next_place(self, canvas: Canvas) -> tuple[float, float]:
        per_page = CARDS_PER_SHEET if self.layout == "sheet" else 1
        slot = self.used % per_page
        if slot == 0:
            if self.used:
                canvas.showPage()
            self.pages += 1
            if self.layout == "sheet":
                self._cut_marks(canvas)
        self.used += 1
        if self.layout != "sheet":
            return 0.0, 0.0
        column, row = slot % _SHEET_COLUMNS, slot // _SHEET_COLUMNS
        top = self.bottom + _SHEET_ROWS * CARD_HEIGHT
        return self.left + column * CARD_WIDTH, top - (row + 1) * CARD_HEIGHT

    def _cut_marks(self, canvas: Canvas) -> None:
        """Short lines in the margins on every cutting line; nothing is drawn on the cards."""
        canvas.saveState()
        canvas.setLineWidth(0.3)
        top = self.bottom + _SHEET_ROWS * CARD_HEIGHT
        right = self.left + _SHEET_COLUMNS * CARD_WIDTH
        gap, length = _CUT_MARK_GAP, _CUT_MARK_LENGTH
        for column in range(_SHEET_COLUMNS + 1):
            x = self.left + column * CARD_WIDTH
            canvas.line(x, top + gap, x, top + gap + length)
            canvas.line(x, self.bottom - gap, x, self.bottom - gap - length)
        for row in range(_SHEET_ROWS + 1):
            y = self.bottom + row * CARD_HEIGHT
            canvas.line(self.left - gap, y, self.left - gap - length, y)
            canvas.line(right + gap, y, right + gap + length, y)
        canvas.restoreState()


def build_cards(
    catalog: Catalog,
    record_ids: Sequence[int],
    options: CardOptions,
    target: BinaryIO,
    *,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
) -> ReportResult:
    """Write the cards of ``record_ids`` (in that order) as one PDF to ``target``."""
    check_options(options)
    register_fonts()
    table = load_table(options.author_table)
    repository = RecordRepository(catalog)
    placer = _Placer(options.layout)
    canvas = Canvas(target, pagesize=(placer.page_width, placer.page_height))
    canvas.setTitle("Catalog cards")
    cards = 0
    total = len(record_ids)
    progress(0, total)
    for start in range(0, total, BATCH):
        check_cancel(is_cancelled)
        for record in repository.get_many(record_ids[start : start + BATCH]):
            for card in record_cards(record, options, table, options.author_signs):
                cards += _draw_card(canvas, card, options, placer)
        progress(min(start + BATCH, total), total)
    if not cards:
        raise InputError("none of the selected records exists; nothing to print")
    canvas.showPage()
    canvas.save()
    return ReportResult(placer.pages, cards)
