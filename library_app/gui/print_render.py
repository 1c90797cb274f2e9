"""The built PDF as images, for the preview and for the printer.

PDFium (pypdfium2) turns a PDF page into a ``QImage``, at screen resolution for the preview and
at the printer's for a print, so what the librarian sees is what the printer gets — label
positions included.  We do not have QtPdf (it ships in PySide6-Addons); rendering ourselves also
lets the work run off the UI thread.

PDFium is not thread-safe, not even across documents, so every call into it holds
``PDFIUM_LOCK`` — the lock the full-text extractor holds too; a preview render, a print and the
indexing of an attached PDF therefore take turns, page by page.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from library_app.core.errors import InputError
from library_app.core.progress import (
    CancelCheck,
    ProgressCallback,
    check_cancel,
    never_cancelled,
    no_progress,
)
from library_app.search.fulltext import PDFIUM_LOCK  # one lock for PDFium in the process

POINTS_PER_INCH = 72.0
PRINT_MAX_DPI = 600
"""Printers report 1200 dpi and more; 600 is sharp for text and barcodes at a quarter of the
memory per page (an A4 page at 600 dpi is a 140 MB image)."""


@dataclass(frozen=True)
class PdfPages:
    """A built PDF and its page sizes in points (width, height), as the preview needs them."""

    data: bytes
    sizes: tuple[tuple[float, float], ...]

    @property
    def count(self) -> int:
        return len(self.sizes)


@contextlib.contextmanager
def _opened(data: bytes) -> Iterator[pdfium.PdfDocument]:
    with PDFIUM_LOCK:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as error:
            raise InputError(f"the PDF cannot be read ({error})") from None
        try:
            yield document
        finally:
            document.close()


def read_pages(data: bytes) -> PdfPages:
    """The page sizes of a PDF (InputError when it is not one)."""
    with _opened(data) as document:
        sizes = tuple(
            (float(width), float(height))
            for width, height in (document.get_page_size(i) for i in range(len(document)))
        )
    return PdfPages(data, sizes)


def _to_image(page: Any, scale: float) -> QImage:
    bitmap = page.render(scale=scale, prefer_bgrx=True)
    try:
        # BGRx bytes are QImage's RGB32 on little-endian machines (every PC we run on).
        image = QImage(
            bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB32
        )
        return image.copy()  # own the pixels: the bitmap's buffer goes with it
    finally:
        bitmap.close()


def render_pages(
    data: bytes,
    indices: Sequence[int],
    scale: float,
    *,
    is_cancelled: CancelCheck = never_cancelled,
) -> dict[int, QImage]:
    """Pages ``indices`` at ``scale`` pixels per point; safe in a worker thread."""
    images: dict[int, QImage] = {}
    for index in indices:
        check_cancel(is_cancelled)
        with _opened(data) as document:
            page = document[index]
            try:
                images[index] = _to_image(page, scale)
            finally:
                page.close()
    return images


def print_order(pages: int, printer: QPrinter) -> list[int]:
    """The pages to paint, in order: the range chosen in the print dialog, repeated for each
    copy when the driver cannot make copies itself (collated)."""
    first, last = printer.fromPage(), printer.toPage()
    if printer.printRange() != QPrinter.PrintRange.PageRange or not first:
        first, last = 1, pages
    chosen = list(range(max(first, 1) - 1, min(last or pages, pages)))
    copies = 1 if printer.supportsMultipleCopies() else max(printer.copyCount(), 1)
    return chosen * copies


def paint_to_printer(
    pages: PdfPages,
    printer: QPrinter,
    *,
    max_dpi: int = PRINT_MAX_DPI,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
) -> int:
    """Paint the pages into ``printer`` at its resolution; the number of sheets painted.

    Pages are drawn at their true size from the paper's corner (``setFullPage``), so labels
    land where the calibration says; a page larger than the paper is scaled down to fit rather
    than cut off.  Safe in a worker thread (Qt paints into a QPrinter from any thread).  On
    cancel the job is aborted, and a PDF file being written is removed.
    """
    order = print_order(pages.count, printer)
    printer.setFullPage(True)
    dpi = printer.resolution()
    render_dpi = min(dpi, max_dpi)
    paper = printer.paperRect(QPrinter.Unit.DevicePixel)
    painter = QPainter()
    if not order or not painter.begin(printer):
        raise InputError(
            QCoreApplication.translate(
                "Printing", "The printer could not be started. Check that it is connected."
            )
        )
    printed = 0
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        for index in order:
            check_cancel(is_cancelled)
            if printed:
                printer.newPage()
            width, height = pages.sizes[index]
            device_w = width / POINTS_PER_INCH * dpi
            device_h = height / POINTS_PER_INCH * dpi
            fit = min(1.0, paper.width() / device_w * 1.01, paper.height() / device_h * 1.01)
            image = render_pages(pages.data, [index], render_dpi / POINTS_PER_INCH * fit)[index]
            painter.drawImage(QRectF(0, 0, device_w * fit, device_h * fit), image)
            printed += 1
            progress(printed, len(order))
    except BaseException:
        printer.abort()
        painter.end()
        output = printer.outputFileName()
        if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat and output:
            Path(output).unlink(missing_ok=True)
        raise
    if not painter.end():
        raise InputError(
            QCoreApplication.translate(
                "Printing", "The printer did not take the pages. Check that it is ready."
            )
        )
    return printed


def page_layout(width: float, height: float) -> QPageLayout:
    """The paper for a page of ``width`` × ``height`` points: a named size when it is one (A4
    is "A4" to the printer driver, not a custom size), turned for landscape pages."""
    landscape = width > height
    size = QSizeF(min(width, height), max(width, height))
    page_size = QPageSize(size, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.FuzzyMatch)
    orientation = (
        QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
    )
    return QPageLayout(page_size, orientation, QMarginsF())
