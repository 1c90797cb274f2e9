"""File › Print: one dialog for every printed product — choose the records and the product, set
its options, look at the pages, then save them as a PDF or send them to a printer.

The product builders (``reports.products``) write a PDF in a ``BackgroundTask``; the preview
shows that PDF's pages, Save as PDF copies it, Print paints its pages into the printer.  One
PDF is the single source of truth, so what is previewed is what is printed.  The PDF is built
again a moment after an option changes (a running build is cancelled first); Save and Print
wait for the build that matches the options shown, and cancelling that build writes nothing.

Errors of a build started by an option change are shown under the preview, where they do not
interrupt typing; when Save or Print is waiting for the build, they come as a dialog.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QSettings, Qt, Signal
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from library_app.core.errors import InputError, LibraryError
from library_app.core.files import atomic_output
from library_app.core.progress import CancelCheck, ProgressCallback
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.gui.errors import report_error
from library_app.gui.print_build import BuildWork, BuiltPdf, PdfBuilder
from library_app.gui.print_options import OptionsPanel
from library_app.gui.print_preview import PreviewPane
from library_app.gui.print_render import (
    page_layout,
    paint_to_printer,
    read_pages,
)
from library_app.gui.record_sources import WHOLE_CATALOG, ExportSource, SourceBox
from library_app.gui.tasks import BackgroundTask
from library_app.reports.citation import STYLES
from library_app.reports.products import PRODUCTS, Product

"""The source kind of every record in the catalog (ids read in the background)."""

OPTIONS_KEY = "print/options/{product}"
PRODUCT_KEY = "print/product"
FOLDER_KEY = "print/folder"


HIDDEN_OPTIONS = {"labels": ("offset_x_mm", "offset_y_mm")}
"""Options set outside the form: the labels' offsets belong to the workstation (calibration)."""


def narrowed_choices(product_id: str) -> dict[str, tuple[str, ...]]:
    """The values of options a product declares as plain strings (cards take GOST styles)."""
    if product_id == "cards":
        return {"style": tuple(s for s in STYLES if s.startswith("gost"))}
    if product_id == "labels":
        from library_app.reports.labels import KINDS, TEMPLATES

        return {"template": tuple(TEMPLATES), "kind": KINDS}
    return {}


class PrintDialog(QDialog):
    """Preview, save and print the products of ``products`` for one of ``sources``.

    ``catalog_count`` adds "the whole catalog" as a source (its ids are read when building).
    The product, its options and the folder last saved to are remembered in ``settings``.
    """

    built = Signal(object)
    """The PDF for the options shown is ready and previewed (a ``BuiltPdf``)."""

    saved = Signal(str)
    """The PDF was saved at this path."""

    printed = Signal(int)
    """This many pages went to the printer."""

    task_launched = Signal(object)
    """A BackgroundTask is about to start (the main window and tests follow it)."""

    def __init__(
        self,
        catalog: Catalog,
        sources: Sequence[ExportSource],
        *,
        products: Sequence[Product] = PRODUCTS,
        catalog_count: int | None = None,
        settings: QSettings | None = None,
        folder: Path | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("PrintDialog")
        self._catalog = catalog
        self._sources = [s for s in sources if s.record_ids]
        if catalog_count:
            self._sources.append(ExportSource(WHOLE_CATALOG, ()))
        self._catalog_count = catalog_count or 0
        self._products = list(products)
        self._settings = settings if settings is not None else QSettings()
        self._folder = folder or Path(str(self._settings.value(FOLDER_KEY, "") or Path.home()))
        self._panels: dict[str, QWidget] = {}
        self._printer: QPrinter | None = None
        self._note = ""  # the outcome of the last save or print, until the options change
        self.calibration_mode = False
        self.calibration_box: Any = None
        self.builder = PdfBuilder(self._work, self)
        self.builder.task_launched.connect(self.task_launched)
        self.builder.progress.connect(self._progress)
        self.builder.built.connect(self._built)
        self.builder.failed.connect(lambda: self.preview.set_pages(None))
        self.builder.state_changed.connect(self._show_status)
        self._build()
        self.retranslate_ui()
        saved = str(self._settings.value(PRODUCT_KEY, "") or "")
        self.select_product(saved if self.product_index(saved) >= 0 else self._products[0].id)
        self._product_chosen()
        self.resize(1000, 700)

    # --- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        left = QWidget(splitter)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)

        self.source_box = SourceBox(self._sources, left, catalog_count=self._catalog_count)
        self.source_buttons = self.source_box.buttons
        self.no_records_label = QLabel(self.source_box)
        self.no_records_label.setWordWrap(True)
        self.no_records_label.setVisible(not self._sources)
        self.source_box.box_layout.addWidget(self.no_records_label)
        self.source_box.changed.connect(self.options_changed)
        left_layout.addWidget(self.source_box)

        form = QFormLayout()
        self.product_label = QLabel(left)
        self.product_combo = QComboBox(left)
        self.product_combo.setObjectName("productCombo")
        for item in self._products:
            self.product_combo.addItem(item.label, item.id)
        self.product_combo.currentIndexChanged.connect(lambda _index: self._product_chosen())
        self.product_label.setBuddy(self.product_combo)
        form.addRow(self.product_label, self.product_combo)
        left_layout.addLayout(form)

        self.options_box = QGroupBox(left)
        options_layout = QVBoxLayout(self.options_box)
        self.options_stack = QStackedWidget()
        self.options_scroll = QScrollArea(self.options_box)
        self.options_scroll.setWidgetResizable(True)
        self.options_scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.options_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.options_scroll.setWidget(self.options_stack)
        options_layout.addWidget(self.options_scroll)
        left_layout.addWidget(self.options_box, 1)
        splitter.addWidget(left)

        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        self.preview = PreviewPane(right)
        self.preview.task_launched.connect(self.task_launched)
        right_layout.addWidget(self.preview, 1)
        status_row = QHBoxLayout()
        self.status_label = QLabel(right)
        self.status_label.setObjectName("printStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.progress_bar = QProgressBar(right)
        self.progress_bar.setMaximumWidth(200)
        self.progress_bar.hide()
        self.cancel_button = QPushButton(right)
        self.cancel_button.setObjectName("cancelBuildButton")
        self.cancel_button.clicked.connect(self.cancel_build)
        self.cancel_button.hide()
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.progress_bar)
        status_row.addWidget(self.cancel_button)
        right_layout.addLayout(status_row)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([340, 660])
        layout.addWidget(splitter, 1)

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("savePdfButton")
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("printButton")
        self.print_button.setDefault(True)
        self.print_button.clicked.connect(self.print_pdf)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def retranslate_ui(self) -> None:
        """Set every visible text; runs again whenever the interface language changes."""
        self.setWindowTitle(self.tr("Print"))
        self.source_box.retranslate_ui()
        self.no_records_label.setText(
            self.tr("No records to print: search for records or collect them in the basket.")
        )
        self.product_label.setText(self.tr("&Print:"))
        for index in range(self.product_combo.count()):
            product_id = self.product_combo.itemData(index)
            self.product_combo.setItemText(index, self.product_name(product_id))
        self.options_box.setTitle(self.tr("Options"))
        self.cancel_button.setText(self.tr("Cancel"))
        self.save_button.setText(self.tr("&Save as PDF…"))
        self.print_button.setText(self.tr("&Print…"))
        self._show_status()

    def product_name(self, product_id: str) -> str:
        names = {
            "bibliography": self.tr("Bibliography"),
            "cards": self.tr("Catalog cards"),
            "labels": self.tr("Labels"),
            "register": self.tr("Accession register"),
            "bulletin": self.tr("New acquisitions bulletin"),
            "stats": self.tr("Statistics report"),
        }
        return names.get(product_id, product_id)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- choices ------------------------------------------------------------------------------

    def source(self) -> ExportSource | None:
        return self.source_box.source()

    def select_source(self, kind: str) -> None:
        self.source_box.select_source(kind)

    def product(self) -> Product:
        return self._products[max(self.product_combo.currentIndex(), 0)]

    def product_index(self, product_id: str) -> int:
        return self.product_combo.findData(product_id)

    def select_product(self, product_id: str) -> None:
        index = self.product_index(product_id)
        if index >= 0:
            self.product_combo.setCurrentIndex(index)

    def panel(self, product_id: str | None = None) -> QWidget:
        """The options form of a product (made when first shown)."""
        product_id = product_id or self.product().id
        if product_id not in self._panels:
            self._panels[product_id] = self._make_panel(product_id)
            self.options_stack.addWidget(self._panels[product_id])
        return self._panels[product_id]

    def options_panel(self, product_id: str | None = None) -> OptionsPanel | None:
        panel = self.panel(product_id)
        found = panel.findChild(OptionsPanel)
        return panel if isinstance(panel, OptionsPanel) else found

    def _make_panel(self, product_id: str) -> QWidget:
        product = next(p for p in self._products if p.id == product_id)
        try:
            options_class = product.options_class()
        except (ImportError, AttributeError):
            label = QLabel(self.tr("This product is not available in this version."))
            label.setWordWrap(True)
            return label
        panel = OptionsPanel(
            options_class,
            choices=narrowed_choices(product_id),
            hidden=HIDDEN_OPTIONS.get(product_id, ()),
        )
        saved = self._settings.value(OPTIONS_KEY.format(product=product_id))
        if saved:
            panel.restore_state(str(saved))
        panel.changed.connect(self.options_changed)
        extra = self._extra_widget(product_id, panel)
        if extra is None:
            return panel
        holder = QWidget()
        holder_layout = QVBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(panel)
        holder_layout.addWidget(extra)
        holder_layout.addStretch(1)
        return holder

    def _extra_widget(self, product_id: str, panel: OptionsPanel) -> QWidget | None:
        """Widgets beyond the options dataclass: the labels' printer calibration."""
        if product_id != "labels":
            return None
        from library_app.gui.label_calibration import CalibrationBox

        box = CalibrationBox(self._catalog.location.data_dir)
        box.changed.connect(self.options_changed)
        box.calibration_toggled.connect(self._calibration_toggled)
        self.calibration_box = box
        return box

    def _product_chosen(self) -> None:
        self.options_stack.setCurrentWidget(self.panel())
        bar = self.options_scroll.verticalScrollBar().sizeHint().width()
        self.options_scroll.setMinimumWidth(self.options_stack.minimumSizeHint().width() + bar)
        self.calibration_mode = False
        if self.calibration_box is not None:
            self.calibration_box.set_calibration_shown(False)
        self._settings.setValue(PRODUCT_KEY, self.product().id)
        self.options_changed()

    def _calibration_toggled(self, on: bool) -> None:
        self.calibration_mode = on
        self.options_changed()

    # --- building the PDF ---------------------------------------------------------------------

    def options_changed(self) -> None:
        """Something that shapes the PDF changed: build it again after a pause."""
        self._note = ""
        self.builder.invalidate()

    def _work(self, generation: int) -> BuildWork:
        """The build as a plain function for the worker; InputError if nothing can be built."""
        product, source = self.product(), self.source()
        panel = self.options_panel()
        if panel is None:
            raise InputError(self.tr("This product is not available in this version."))
        options = panel.options()
        build = product.build_function()
        box = self.calibration_box if product.id == "labels" else None
        if box is not None:
            options = box.apply(options)
            if self.calibration_mode:
                build = box.calibration_builder()
                source = source or ExportSource("calibration", ())  # needs no records
        if source is None:
            raise InputError(self.tr("No records to print."))
        catalog, ids = self._catalog, source.record_ids
        whole = source.kind == WHOLE_CATALOG

        def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> BuiltPdf:
            record_ids = RecordRepository(catalog).ids() if whole else list(ids)
            stream = io.BytesIO()
            result = build(
                catalog, record_ids, options, stream, progress=progress, is_cancelled=is_cancelled
            )
            return BuiltPdf(product.id, generation, read_pages(stream.getvalue()), result)

        return work

    def _progress(self, done: int, total: int) -> None:
        if self.builder.is_building and total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(min(done, total))

    def _built(self, built: BuiltPdf) -> None:
        self.preview.set_pages(built.pages)
        panel = self.options_panel(built.product_id)
        if panel is not None and not self.calibration_mode:
            key = OPTIONS_KEY.format(product=built.product_id)
            self._settings.setValue(key, panel.save_state())
        self._show_status()
        self.built.emit(built)

    def cancel_build(self) -> None:
        """Stop the running build; a Save or Print waiting for it is abandoned."""
        self.builder.cancel()

    def current(self) -> BuiltPdf | None:
        return self.builder.current

    def is_building(self) -> bool:
        return self.builder.is_building

    def _show_status(self) -> None:
        if not hasattr(self, "status_label"):
            return
        built, building = self.builder.current, self.builder.is_building
        if building:
            text = self.tr("Making the pages…")
        elif self._note:
            text = self._note
        elif built is not None:
            text = self.tr("%Ln page(s)", "", built.result.pages)
            items = self._items_text(built)
            if items:
                text += " · " + items
        else:
            text = self.builder.problem
        self.status_label.setText(text)
        self.progress_bar.setVisible(building)
        self.cancel_button.setVisible(building)
        if building:
            self.progress_bar.setRange(0, 0)
        for button in (self.save_button, self.print_button):
            button.setEnabled(bool(self._sources) or self.calibration_mode)
        problem = self.builder.problem if built is None and not building else ""
        self.preview.set_placeholder(problem or self.tr("Making the pages…"))

    def _items_text(self, built: BuiltPdf) -> str:
        count, product_id = built.result.items, built.product_id
        if self.calibration_mode:
            return ""
        if product_id in ("bibliography", "bulletin"):
            return self.tr("%Ln entry(ies)", "", count)
        if product_id == "cards":
            return self.tr("%Ln card(s)", "", count)
        if product_id == "labels":
            return self.tr("%Ln label(s)", "", count)
        if product_id == "register":
            return self.tr("%Ln copy(ies)", "", count)
        return ""

    # --- saving and printing ------------------------------------------------------------------

    def suggested_name(self) -> str:
        return self.product_name(self.product().id) + ".pdf"

    def save_pdf(self) -> None:
        """Ask where, then write the PDF there (after the build if it still runs)."""
        name, _chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Save as PDF"),
            str(self._folder / self.suggested_name()),
            self.tr("PDF documents (*.pdf)") + ";;" + self.tr("All files (*)"),
        )
        if not name:
            return
        target = Path(name)
        if not target.suffix:
            target = target.with_suffix(".pdf")
        self._folder = target.parent
        self._settings.setValue(FOLDER_KEY, str(target.parent))
        self.builder.when_built(lambda built: self._write(built, target))

    def _write(self, built: BuiltPdf, target: Path) -> None:
        try:
            with atomic_output(target) as stream:
                stream.write(built.pages.data)
        except LibraryError as error:
            report_error(self, error, self.tr("The PDF was not saved."))
            return
        self._note = self.tr("Saved to {path}.").format(path=str(target))
        self._show_status()
        self.saved.emit(str(target))

    def printer(self) -> QPrinter:
        """The printer of this dialog: its choices (printer, copies) stay for the next print."""
        if self._printer is None:
            self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        return self._printer

    def print_pdf(self) -> None:
        """Ask for the printer (after the build if it still runs), then print in the background."""
        self.builder.when_built(self._print)

    def _print(self, built: BuiltPdf) -> BackgroundTask | None:
        printer = self.printer()
        printer.setFullPage(True)
        printer.setPageLayout(page_layout(*built.pages.sizes[0]))
        printer.setDocName(self.product_name(built.product_id))
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print"))
        dialog.setMinMax(1, built.pages.count)
        options = QAbstractPrintDialog.PrintDialogOption
        dialog.setOption(options.PrintPageRange, True)
        dialog.setOption(options.PrintSelection, False)
        dialog.setOption(options.PrintCurrentPage, False)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        pages = built.pages

        def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> int:
            return paint_to_printer(pages, printer, progress=progress, is_cancelled=is_cancelled)

        task = BackgroundTask(
            work,
            parent=self,
            title=self.tr("Print"),
            label=self.tr("Printing %Ln page(s)…", "", pages.count),
            error_context=self.tr("The pages were not printed."),
        )
        task.succeeded.connect(lambda count: self._printed(count))
        self.task_launched.emit(task)
        task.start()
        return task

    def _printed(self, count: int) -> None:
        if shiboken6.isValid(self):
            self._note = self.tr("%Ln page(s) sent to the printer.", "", count)
            self._show_status()
            self.printed.emit(count)

    # --- closing ------------------------------------------------------------------------------

    def reject(self) -> None:
        self.builder.shutdown()
        self.preview.shutdown()
        super().reject()
