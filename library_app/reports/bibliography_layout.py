"""How a bibliography looks on paper: title page, introduction, numbered entries in one or two
columns, the auxiliary indexes, page numbers at the foot.

ReportLab's platypus places the paragraphs.  An entry is never split between columns or pages:
a reader copies a description whole, and GOST lists do not break one.  ``KeepTogether`` around
each of 10 000 entries adds a third to the layout time, so an entry is a paragraph that refuses
to split and simply moves on to the next column — unless it is taller than a whole column, where
splitting is the only way to print it at all.  Group headings stay with their first entry.

The indexes are always set in two columns (their lines are short) under a title across the
page; the introduction in one column.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape, unescape
from typing import Any, BinaryIO

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.pagesizes import A4, A5
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    FrameBreak,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
)
from reportlab.platypus.paraparser import ParaParser

from library_app.core.progress import CancelCheck, check_cancel
from library_app.reports.base import MM
from library_app.reports.bibliography_index import WORDS, Group, IndexLine
from library_app.reports.fonts import SANS, SERIF, register_fonts


@dataclass(frozen=True)
class PageFormat:
    size: tuple[float, float]
    margins: tuple[float, float, float, float]  # left, right, top, bottom (points)
    font_size: float
    leading: float
    title_size: float
    column_gap: float


PAGE_FORMATS = {
    "A4": PageFormat(A4, (20 * MM, 20 * MM, 20 * MM, 22 * MM), 10, 12.4, 20, 7 * MM),
    "A5": PageFormat(A5, (15 * MM, 15 * MM, 15 * MM, 18 * MM), 8.8, 10.8, 15, 5 * MM),
}


@dataclass(frozen=True)
class Content:
    """Everything the layout prints, already ordered and numbered."""

    title: str
    compiler: str
    organisation: str
    place: str
    year: str
    introduction: str
    language: str  # "ru" or "en": the words around the entries
    groups: Sequence[Group]
    authors: Sequence[IndexLine]  # empty: no author index
    subjects: Sequence[IndexLine]  # empty: no subject index
    columns: int
    page_size: str


class _Whole(Paragraph):
    """A paragraph that moves to the next column instead of splitting.

    The document template marks a flowable ``_postponed`` when it has already been moved once;
    if it still does not fit in a fresh column it is taller than any column and must split.
    """

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        if getattr(self, "_postponed", False):
            return super().split(availWidth, availHeight)
        return []


class _Entry(_Whole):
    """A numbered entry; the document counts them for progress and cancel as they are placed.

    The signature is Paragraph's because ``split`` makes the pieces with ``self.__class__``;
    the pieces of a split (giant) entry carry number 0.
    """

    def __init__(self, text: Any, style: ParagraphStyle, *args: Any, number: int = 0, **kw: Any):
        if number:
            kw["bulletText"] = f"{number}."
        super().__init__(text, style, *args, **kw)
        self.number = number


_SPACES = re.compile(r"[ \t\r\n]+")


class _PlainText:
    """Paragraph fragments for markup without tags, made without ReportLab's markup parser.

    Most references are plain text with XML escapes; parsing 10 000 of them took a tenth of the
    layout time.  The fragment is a copy of the one the parser makes for the style, so the
    result is the same paragraph.
    """

    def __init__(self, style: ParagraphStyle) -> None:
        _, frags, _ = ParaParser().parse("x", style)
        self.template = frags[0]

    def frags(self, markup: str) -> list[Any] | None:
        """The fragments of ``markup``, or None when it has tags and needs the parser."""
        if "<" in markup:
            return None
        return self.plain(unescape(markup))

    def plain(self, text: str) -> list[Any]:
        """The fragments of plain ``text`` (no markup, no escapes)."""
        return [self.template.clone(text=_SPACES.sub(" ", text).strip())]


class _Heading(Paragraph):
    """A group or section heading, also written into the PDF's outline (bookmarks)."""

    def __init__(self, text: str, style: ParagraphStyle, level: int) -> None:
        super().__init__(escape(text, quote=False), style)
        self.outline_text = text
        self.outline_level = level


class _TitlePage(Flowable):
    """The whole first page: organisation at the head, title and compiler in the upper middle,
    place and year at the foot, as a book's title page is set."""

    def __init__(self, head: list[Paragraph], middle: list[Paragraph], foot: list[Paragraph]):
        super().__init__()
        self.parts = head, middle, foot
        self.size = (0.0, 0.0)

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.size = (availWidth, availHeight)
        return availWidth, availHeight

    def _stack(self, paragraphs: list[Paragraph], top: float) -> float:
        """Draws ``paragraphs`` downwards from ``top``; answers the height used."""
        width = self.size[0]
        y = top
        for paragraph in paragraphs:
            _, height = paragraph.wrap(width, self.size[1])
            y -= height
            paragraph.drawOn(self.canv, 0, y)
            y -= paragraph.style.spaceAfter
        return top - y

    def draw(self) -> None:
        width, height = self.size
        head, middle, foot = self.parts
        self._stack(head, height)
        middle_height = sum(p.wrap(width, height)[1] + p.style.spaceAfter for p in middle)
        self._stack(middle, height * 0.62 + middle_height / 2)
        foot_height = sum(p.wrap(width, height)[1] + p.style.spaceAfter for p in foot)
        self._stack(foot, foot_height)


def _section_style(page: PageFormat) -> ParagraphStyle:
    """Titles of the introduction and the indexes."""
    size = page.font_size + 3
    return ParagraphStyle(
        "section",
        fontName=f"{SANS}-Bold",
        fontSize=size,
        leading=size * 1.25,
        alignment=TA_CENTER,
        spaceAfter=page.leading,
    )


class _Styles:
    """The paragraph styles for one page format and column count."""

    def __init__(self, page: PageFormat, columns: int, last_number: int) -> None:
        size, leading = page.font_size, page.leading
        gutter = stringWidth(f"{last_number}.", SERIF, size)
        self.entry = entry = ParagraphStyle(
            "entry",
            fontName=SERIF,
            fontSize=size,
            leading=leading,
            alignment=TA_JUSTIFY if columns == 1 else TA_LEFT,
            bulletFontName=SERIF,
            bulletFontSize=size,
            bulletIndent=gutter,
            bulletAnchor="end",
            leftIndent=gutter + size * 0.45,
            spaceAfter=leading * 0.3,
        )
        self.plain_entry = _PlainText(entry)
        self.group = ParagraphStyle(
            "group",
            fontName=f"{SANS}-Bold",
            fontSize=size + 1,
            leading=leading * 1.2,
            alignment=TA_CENTER,
            spaceBefore=leading * 0.9,
            spaceAfter=leading * 0.5,
            keepWithNext=1,
        )
        self.section = _section_style(page)
        self.text = ParagraphStyle(
            "text",
            fontName=SERIF,
            fontSize=size + 0.5,
            leading=leading * 1.1,
            alignment=TA_JUSTIFY,
            firstLineIndent=8 * MM,
            spaceAfter=leading * 0.3,
        )
        self.index = index = ParagraphStyle(
            "index",
            fontName=SERIF,
            fontSize=size - 0.5,
            leading=leading * 0.95,
            alignment=TA_LEFT,
            leftIndent=4 * MM,
            firstLineIndent=-4 * MM,
            spaceAfter=leading * 0.15,
        )
        self.plain_index = _PlainText(index)
        title = page.title_size
        self.title = ParagraphStyle(
            "title",
            fontName=f"{SERIF}-Bold",
            fontSize=title,
            leading=title * 1.25,
            alignment=TA_CENTER,
            spaceAfter=title,
        )
        self.title_line = ParagraphStyle(
            "title_line",
            fontName=SERIF,
            fontSize=size + 2,
            leading=(size + 2) * 1.3,
            alignment=TA_CENTER,
            spaceAfter=leading * 0.4,
        )


class BibliographyDocument(BaseDocTemplate):
    """Page templates: the title page, text pages in one column, entry pages in the chosen
    columns, index pages in two columns; every page but the title shows its number."""

    def __init__(
        self,
        target: BinaryIO,
        content: Content,
        *,
        on_entry: Callable[[int], None],
        is_cancelled: CancelCheck,
    ) -> None:
        register_fonts()
        page = PAGE_FORMATS[content.page_size]
        left, right, top, bottom = page.margins
        super().__init__(
            target,
            pagesize=page.size,
            leftMargin=left,
            rightMargin=right,
            topMargin=top,
            bottomMargin=bottom,
            title=content.title,
            author=content.compiler,
            subject=content.title,
            creator="library-app",
            lang="ru-RU" if content.language == "ru" else "en",
        )
        self.page_format = page
        self._on_entry = on_entry
        self._is_cancelled = is_cancelled
        self._outline = 0
        self.addPageTemplates(
            [
                PageTemplate("title", self._frames(1)),
                PageTemplate("text", self._frames(1), onPage=self._foot),
                PageTemplate("entries", self._frames(content.columns), onPage=self._foot),
                PageTemplate(
                    "index_start",
                    [self._heading_frame(), *self._frames(2, below=self._heading_height)],
                    onPage=self._foot,
                    autoNextPageTemplate="index",
                ),
                PageTemplate("index", self._frames(2), onPage=self._foot),
            ]
        )

    @property
    def _heading_height(self) -> float:
        """Room for an index title across both columns on the first index page."""
        return _section_style(self.page_format).leading * 2.2

    def _heading_frame(self) -> Frame:
        return Frame(
            self.leftMargin,
            self.bottomMargin + self.height - self._heading_height,
            self.width,
            self._heading_height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="heading",
        )

    def _frames(self, columns: int, below: float = 0.0) -> list[Frame]:
        gap = self.page_format.column_gap
        width = (self.width - gap * (columns - 1)) / columns
        return [
            Frame(
                self.leftMargin + column * (width + gap),
                self.bottomMargin,
                width,
                self.height - below,
                leftPadding=0,
                rightPadding=0,
                topPadding=0,
                bottomPadding=0,
                id=f"column{column + 1}",
            )
            for column in range(columns)
        ]

    def _foot(self, canvas: Canvas, _doc: BaseDocTemplate) -> None:
        check_cancel(self._is_cancelled)
        canvas.saveState()
        canvas.setFont(SERIF, self.page_format.font_size)
        canvas.drawCentredString(
            self.pagesize[0] / 2, self.bottomMargin / 2, str(canvas.getPageNumber())
        )
        canvas.restoreState()

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _Entry) and flowable.number:
            self._on_entry(flowable.number)
        elif isinstance(flowable, _Heading):
            self._outline += 1
            key = f"h{self._outline}"
            self.canv.bookmarkPage(key)
            self.canv.addOutlineEntry(flowable.outline_text, key, level=flowable.outline_level)


def _title_page(content: Content, styles: _Styles) -> _TitlePage:
    words = WORDS[content.language]

    def lines(*texts: str, style: ParagraphStyle) -> list[Paragraph]:
        return [Paragraph(escape(text, quote=False), style) for text in texts if text.strip()]

    imprint = words["imprint"].format(place=content.place, year=content.year).strip(" ,")
    compiler = words["compiler"].format(name=content.compiler) if content.compiler.strip() else ""
    return _TitlePage(
        lines(content.organisation, style=styles.title_line),
        lines(content.title, style=styles.title) + lines(compiler, style=styles.title_line),
        lines(imprint, style=styles.title_line),
    )


def _introduction(text: str, styles: _Styles) -> list[Flowable]:
    """Paragraphs separated by blank lines; single line breaks kept as typed.  Unlike entries,
    a paragraph of prose may run on to the next page."""
    paragraphs = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n")]
    return [
        Paragraph(escape(p, quote=False).replace("\n", "<br/>"), styles.text)
        for p in paragraphs
        if p
    ]


def _index_lines(lines: Sequence[IndexLine], styles: _Styles) -> list[Flowable]:
    flowables: list[Flowable] = []
    for line in lines:
        text = f"{line.heading} {', '.join(map(str, line.numbers))}"
        flowables.append(_Whole(text, styles.index, frags=styles.plain_index.plain(text)))
    return flowables


def story(content: Content, page: PageFormat) -> list[Flowable]:
    """The flowables of the whole document, in order."""
    register_fonts()
    words = WORDS[content.language]
    last_number = max((g.entries[-1].number for g in content.groups if g.entries), default=1)
    styles = _Styles(page, content.columns, last_number)
    flowables: list[Flowable] = [_title_page(content, styles)]
    if content.introduction.strip():
        flowables += [NextPageTemplate("text"), PageBreak()]
        flowables.append(_Heading(words["introduction"], styles.section, 0))
        flowables += _introduction(content.introduction, styles)
    flowables += [NextPageTemplate("entries"), PageBreak()]
    for group in content.groups:
        if group.heading:
            flowables.append(_Heading(group.heading, styles.group, 0))
        flowables += [
            _Entry(
                e.reference.markup,
                styles.entry,
                frags=styles.plain_entry.frags(e.reference.markup),
                number=e.number,
            )
            for e in group.entries
        ]
    for lines, title in (
        (content.authors, words["authors"]),
        (content.subjects, words["subjects"]),
    ):
        if lines:
            flowables += [NextPageTemplate("index_start"), PageBreak()]
            flowables += [_Heading(title, styles.section, 0), FrameBreak()]
            flowables += _index_lines(lines, styles)
    return flowables


def write_pdf(
    target: BinaryIO,
    content: Content,
    *,
    on_entry: Callable[[int], None],
    is_cancelled: CancelCheck,
) -> int:
    """Lays out and writes the PDF; answers its number of pages."""
    document = BibliographyDocument(target, content, on_entry=on_entry, is_cancelled=is_cancelled)
    document.build(story(content, document.page_format))
    return document.page
