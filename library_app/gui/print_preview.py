"""The print preview: the built PDF's pages, scrolled, zoomed and paged through.

Pages are rendered (``print_render``) lazily, a few at a time, in a ``BackgroundTask`` when they
scroll into view, at the zoom shown; only a bounded number of them are kept.  While a new zoom
renders, the old images are stretched, so the view never goes blank.
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QKeySequence, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from library_app.core.progress import CancelCheck, ProgressCallback
from library_app.gui.print_render import POINTS_PER_INCH, PdfPages, render_pages
from library_app.gui.tasks import BackgroundTask

FIT_WIDTH = "width"
FIT_PAGE = "page"
ZOOM_STEPS = (0.25, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)
PAGE_GAP = 12  # pixels between pages, and around them
RENDER_BATCH = 3  # pages per render task: a new zoom shows up page by page
CACHE_PAGES = 24  # rendered pages kept; the rest are rendered again when scrolled back to
RENDER_DELAY_MS = 40  # scrolling and zooming settle before pages are rendered


class PageCanvas(QWidget):
    """Draws the pages one under another at ``scale`` pixels per point; images come from the
    pane (missing ones are blank pages, images of another zoom are stretched meanwhile)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreviewCanvas")
        self.sizes: tuple[tuple[float, float], ...] = ()
        self.scale = 1.0
        self.images: OrderedDict[int, tuple[float, QImage]] = OrderedDict()
        self.placeholder = ""
        self._tops: list[int] = []

    def set_layout(self, sizes: tuple[tuple[float, float], ...], scale: float) -> None:
        self.sizes, self.scale = sizes, scale
        self._tops, top = [], PAGE_GAP
        for _width, height in sizes:
            self._tops.append(top)
            top += round(height * scale) + PAGE_GAP
        widest = max((round(w * scale) for w, _h in sizes), default=0)
        self.setMinimumSize(widest + 2 * PAGE_GAP, top if sizes else 0)
        self.update()

    def page_rect(self, index: int) -> QRectF:
        width, height = self.sizes[index]
        w, h = round(width * self.scale), round(height * self.scale)
        return QRectF(max(PAGE_GAP, (self.width() - w) // 2), self._tops[index], w, h)

    def page_at(self, y: float) -> int:
        """The page at (or just above) height ``y``."""
        page = 0
        for index, top in enumerate(self._tops):
            if top - PAGE_GAP <= y:
                page = index
        return page

    def pages_between(self, top: float, bottom: float) -> list[int]:
        return [
            index
            for index in range(len(self.sizes))
            if self.page_rect(index).bottom() >= top and self.page_rect(index).top() <= bottom
        ]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(event.rect(), self.palette().dark())
        if not self.sizes:
            painter.setPen(self.palette().brightText().color())
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self.placeholder)
            return
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        area = QRectF(event.rect())
        for index in self.pages_between(area.top(), area.bottom()):
            rect = self.page_rect(index)
            painter.fillRect(rect.translated(3, 3), QColor(0, 0, 0, 80))
            painter.fillRect(rect, Qt.GlobalColor.white)
            cached = self.images.get(index)
            if cached is not None:
                painter.drawImage(rect, cached[1])
            painter.setPen(QPen(QColor(0, 0, 0, 90)))
            painter.drawRect(rect)


class PreviewPane(QWidget):
    """Page navigation and zoom over a ``PageCanvas`` in a scroll area; renders in the
    background what is visible at the zoom shown."""

    rendered = Signal(int)
    """A page's image at the current zoom has arrived."""

    task_launched = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("printPreview")
        self._pages: PdfPages | None = None
        self._generation = 0
        self._zoom: str | float = FIT_WIDTH
        self._task: BackgroundTask | None = None
        self._render_timer = QTimer(self)
        self._render_timer.setSingleShot(True)
        self._render_timer.setInterval(RENDER_DELAY_MS)
        self._render_timer.timeout.connect(self._render_visible)
        self._build()
        self.retranslate_ui()
        self._update_navigation()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.previous_button = self._tool_button("previousPageButton", Qt.ArrowType.UpArrow)
        self.previous_button.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.next_button = self._tool_button("nextPageButton", Qt.ArrowType.DownArrow)
        self.next_button.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        self.page_label = QLabel(self)
        self.page_spin = QSpinBox(self)
        self.page_spin.setObjectName("pageSpin")
        self.page_spin.setKeyboardTracking(False)
        self.page_spin.valueChanged.connect(lambda value: self.go_to_page(value - 1))
        self.page_label.setBuddy(self.page_spin)
        self.page_count_label = QLabel(self)
        self.zoom_out_button = self._tool_button("zoomOutButton")
        self.zoom_out_button.setText("−")
        self.zoom_out_button.setShortcut(QKeySequence.StandardKey.ZoomOut)
        self.zoom_out_button.clicked.connect(lambda: self.step_zoom(-1))
        self.zoom_combo = QComboBox(self)
        self.zoom_combo.setObjectName("zoomCombo")
        self.zoom_combo.addItem("", FIT_WIDTH)
        self.zoom_combo.addItem("", FIT_PAGE)
        for step in ZOOM_STEPS:
            self.zoom_combo.addItem(f"{round(step * 100)} %", step)
        self.zoom_combo.currentIndexChanged.connect(
            lambda index: self.set_zoom(self.zoom_combo.itemData(index))
        )
        self.zoom_in_button = self._tool_button("zoomInButton")
        self.zoom_in_button.setText("+")
        self.zoom_in_button.setShortcut(QKeySequence.StandardKey.ZoomIn)
        self.zoom_in_button.clicked.connect(lambda: self.step_zoom(1))
        for widget in (self.previous_button, self.next_button, self.page_label, self.page_spin):
            bar.addWidget(widget)
        bar.addWidget(self.page_count_label)
        bar.addStretch(1)
        for widget in (self.zoom_out_button, self.zoom_combo, self.zoom_in_button):
            bar.addWidget(widget)
        layout.addLayout(bar)

        self.canvas = PageCanvas()
        self.scroll = QScrollArea(self)
        self.scroll.setObjectName("printPreviewScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.scroll.setWidget(self.canvas)
        self.scroll.setMinimumSize(QSize(360, 360))
        self.scroll.viewport().installEventFilter(self)
        self.scroll.verticalScrollBar().valueChanged.connect(lambda _value: self._scrolled())
        self.scroll.horizontalScrollBar().valueChanged.connect(lambda _value: self._scrolled())
        layout.addWidget(self.scroll, 1)

    def _tool_button(self, name: str, arrow: Qt.ArrowType | None = None) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setAutoRaise(True)
        if arrow is not None:
            button.setArrowType(arrow)
        return button

    def retranslate_ui(self) -> None:
        self.previous_button.setToolTip(self.tr("Previous page"))
        self.next_button.setToolTip(self.tr("Next page"))
        self.page_label.setText(self.tr("&Page"))
        self.page_count_label.setText(self.tr("of {count}").format(count=self.page_count()))
        self.zoom_out_button.setToolTip(self.tr("Zoom out"))
        self.zoom_in_button.setToolTip(self.tr("Zoom in"))
        self.zoom_combo.setItemText(0, self.tr("Fit width"))
        self.zoom_combo.setItemText(1, self.tr("Whole page"))
        self.zoom_combo.setToolTip(self.tr("Zoom"))
        self.set_placeholder(self.canvas.placeholder or self.tr("The preview appears here."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def eventFilter(self, watched: Any, event: QEvent) -> bool:
        if watched is self.scroll.viewport() and event.type() == QEvent.Type.Resize:
            if isinstance(self._zoom, str):
                self._relayout()
            self._request_render()
        return super().eventFilter(watched, event)

    # --- the document -----------------------------------------------------------------------

    def set_pages(self, pages: PdfPages | None) -> None:
        """Show ``pages`` (None: nothing); the reading position stays where it was."""
        keep = self.current_page()
        self._pages = pages
        self._generation += 1
        self.canvas.images.clear()
        self._relayout()
        if pages is not None and pages.count:
            self.go_to_page(min(keep, pages.count - 1))
        self._update_navigation()
        self._request_render()

    def pages(self) -> PdfPages | None:
        return self._pages

    def set_placeholder(self, text: str) -> None:
        """The text shown instead of pages (while building, or when there is nothing)."""
        self.canvas.placeholder = text
        self.canvas.update()

    def page_count(self) -> int:
        return self._pages.count if self._pages is not None else 0

    def image(self, index: int) -> QImage | None:
        """The page's image if it has been rendered at the zoom shown."""
        cached = self.canvas.images.get(index)
        return cached[1] if cached is not None and cached[0] == self._render_scale() else None

    # --- navigation and zoom ----------------------------------------------------------------

    def current_page(self) -> int:
        if not self.page_count():
            return 0
        return self.canvas.page_at(self.scroll.verticalScrollBar().value() + PAGE_GAP)

    def go_to_page(self, index: int) -> None:
        if not self.page_count():
            return
        index = max(0, min(index, self.page_count() - 1))
        top = round(self.canvas.page_rect(index).top()) - PAGE_GAP
        self.scroll.verticalScrollBar().setValue(top)
        self._update_navigation(index)
        self._request_render()

    def zoom(self) -> str | float:
        return self._zoom

    def set_zoom(self, zoom: str | float) -> None:
        """``FIT_WIDTH``, ``FIT_PAGE`` or a factor (1.0 shows the page at its printed size)."""
        if zoom == self._zoom:
            return
        page = self.current_page()
        self._zoom = zoom
        index = self.zoom_combo.findData(zoom)
        if index >= 0 and index != self.zoom_combo.currentIndex():
            self.zoom_combo.setCurrentIndex(index)
        self._relayout()
        self.go_to_page(page)

    def step_zoom(self, direction: int) -> None:
        current = self.scale() / self._screen_points()
        if direction > 0:
            larger = [step for step in ZOOM_STEPS if step > current * 1.01]
            self.set_zoom(larger[0] if larger else ZOOM_STEPS[-1])
        else:
            smaller = [step for step in ZOOM_STEPS if step < current * 0.99]
            self.set_zoom(smaller[-1] if smaller else ZOOM_STEPS[0])

    def scale(self) -> float:
        """Logical pixels per point at the zoom shown."""
        if isinstance(self._zoom, float | int):
            return float(self._zoom) * self._screen_points()
        sizes = self._pages.sizes if self._pages is not None else ((595.0, 842.0),)
        viewport = self.scroll.viewport().size()
        room_w = max(viewport.width() - 2 * PAGE_GAP, 50)
        room_h = max(viewport.height() - 2 * PAGE_GAP, 50)
        widest = max(w for w, _h in sizes)
        if self._zoom == FIT_PAGE:
            tallest = max(h for _w, h in sizes)
            return min(room_w / widest, room_h / tallest)
        # Fit width minus a scroll bar's room, so the bar appearing does not change the zoom.
        bar = self.scroll.verticalScrollBar().sizeHint().width()
        return max(room_w - bar, 50) / widest

    def _screen_points(self) -> float:
        return self.logicalDpiX() / POINTS_PER_INCH

    def _render_scale(self) -> float:
        return round(self.scale() * self.devicePixelRatioF(), 4)

    def _relayout(self) -> None:
        sizes = self._pages.sizes if self._pages is not None else ()
        self.canvas.set_layout(sizes, self.scale())

    def _scrolled(self) -> None:
        self._update_navigation()
        self._request_render()

    def _update_navigation(self, page: int | None = None) -> None:
        count = self.page_count()
        current = self.current_page() if page is None else page
        self.page_spin.blockSignals(True)
        self.page_spin.setRange(1 if count else 0, max(count, 0))
        self.page_spin.setValue(current + 1 if count else 0)
        self.page_spin.blockSignals(False)
        self.page_spin.setEnabled(count > 1)
        self.previous_button.setEnabled(count > 0 and current > 0)
        self.next_button.setEnabled(count > 0 and current < count - 1)
        self.page_count_label.setText(self.tr("of {count}").format(count=count))

    # --- rendering --------------------------------------------------------------------------

    def _request_render(self) -> None:
        self._render_timer.start()

    def _visible_pages(self) -> list[int]:
        if not self.page_count():
            return []
        top = self.scroll.verticalScrollBar().value()
        bottom = top + self.scroll.viewport().height()
        return self.canvas.pages_between(top, bottom)

    def _render_visible(self) -> None:
        if self._task is not None or self._pages is None:
            return  # the running task asks again when it ends
        scale = self._render_scale()
        wanted = [
            index
            for index in self._visible_pages()
            if self.canvas.images.get(index, (None,))[0] != scale
        ][:RENDER_BATCH]
        if not wanted:
            return
        data, generation = self._pages.data, self._generation

        def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> dict[int, QImage]:
            return render_pages(data, wanted, scale, is_cancelled=is_cancelled)

        task = BackgroundTask(
            work,
            parent=self,
            show_progress=False,
            error_context=self.tr("The preview could not be shown."),
        )
        task.succeeded.connect(lambda images: self._rendered(generation, scale, images))
        task.finished.connect(lambda: self._render_finished())
        self._task = task
        self.task_launched.emit(task)
        task.start()

    def _rendered(self, generation: int, scale: float, images: dict[int, QImage]) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        ratio = self.devicePixelRatioF()
        cache = self.canvas.images
        for index, image in images.items():
            image.setDevicePixelRatio(ratio)
            cache[index] = (scale, image)
            cache.move_to_end(index)
        while len(cache) > CACHE_PAGES:
            cache.popitem(last=False)
        self.canvas.update()
        for index in images:
            self.rendered.emit(index)

    def _render_finished(self) -> None:
        if shiboken6.isValid(self):
            self._task = None
            self._request_render()

    def shutdown(self) -> None:
        """Stop rendering (the dialog is closing)."""
        self._render_timer.stop()
        self._generation += 1
        if self._task is not None:
            self._task.cancel()
