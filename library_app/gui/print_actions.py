"""File › Print: the print dialog from the main window, wired as interchange_actions.py wires
import and export.

The records come from the same place as an export's (``InterchangeActions.sources``): every
record of the current search in the engine's order, the selection, or the basket; staff may
also print from the whole catalog (the accession register and statistics usually cover it).
In reader mode only the bibliography is offered — a researcher prints her basket as a list of
references — and not the whole catalog; cards, labels, the register, the bulletin and
statistics are the library's own paperwork.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from library_app.gui.print_dialog import PrintDialog
from library_app.reports.products import PRODUCTS

if TYPE_CHECKING:
    from library_app.gui.main_window import MainWindow

STATUS_MS = 10_000
READER_PRODUCTS = ("bibliography",)


class PrintActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.print_action = QAction(window)
        self.print_action.setObjectName("printAction")
        self.print_action.setShortcut(QKeySequence.StandardKey.Print)
        self.print_action.triggered.connect(lambda: self.open_print())

    def retranslate_ui(self) -> None:
        self.print_action.setText(self.tr("&Print…"))
        self.print_action.setStatusTip(
            self.tr("Print a bibliography, catalog cards, labels or a report, or save it as PDF")
        )

    def open_print(self, product: str | None = None, kind: str | None = None) -> PrintDialog:
        """Open the print dialog; ``product`` and ``kind`` (a source) preselect a choice."""
        window = self._window
        reader = window.reader_mode
        products = [p for p in PRODUCTS if not reader or p.id in READER_PRODUCTS]
        dialog = PrintDialog(
            window.catalog,
            window.interchange.sources(),
            products=products,
            catalog_count=None if reader else window.record_count,
            parent=window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.task_launched.connect(window.track)
        dialog.saved.connect(self._saved)
        if product is not None:
            dialog.select_product(product)
        if kind is not None:
            dialog.select_source(kind)
        dialog.open()
        return dialog

    def _saved(self, path: str) -> None:
        self._window.statusBar().showMessage(
            self.tr("Saved to {path}.").format(path=path), STATUS_MS
        )
