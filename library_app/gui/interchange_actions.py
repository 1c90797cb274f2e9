"""File › Import and File › Export: the exchange of records with partners, from the main window.

Kept apart from the window as record_actions.py is.  An import ends like every other change, in
``MainWindow.records_changed``: the list and the count are read again and the index keeper
makes the new records findable.  Export takes what the window shows — every record of the
current search in the engine's order (not only the rows on screen), the selection, or the
basket — and is offered in reader mode too; import is not.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from library_app.gui.export_dialog import ExportDialog, ExportSource
from library_app.gui.import_wizard import ImportWizard
from library_app.interchange.importing import ImportReport

if TYPE_CHECKING:
    from library_app.gui.main_window import MainWindow

STATUS_MS = 10_000


class InterchangeActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.import_action = QAction(window)
        self.import_action.setObjectName("importAction")
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(lambda: self.open_import())
        self.export_action = QAction(window)
        self.export_action.setObjectName("exportAction")
        self.export_action.setShortcut(QKeySequence("Ctrl+Shift+E"))
        self.export_action.triggered.connect(lambda: self.open_export())

    def retranslate_ui(self) -> None:
        self.import_action.setText(self.tr("&Import…"))
        self.import_action.setStatusTip(
            self.tr("Add records from a partner's file: MARC21, RUSMARC, Excel, CSV, RIS, BibTeX…")
        )
        self.export_action.setText(self.tr("E&xport…"))
        self.export_action.setStatusTip(
            self.tr("Save the records found, the selected ones or the basket to a file")
        )

    # --- import ---------------------------------------------------------------------------------

    def open_import(self, path: Path | None = None) -> ImportWizard | None:
        """Open the import wizard (on ``path`` if given); None in reader mode."""
        window = self._window
        if window.reader_mode:
            return None
        wizard = ImportWizard(
            window.catalog,
            inventory_pattern=window.app_settings.inventory_pattern,
            parent=window,
        )
        wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        wizard.task_launched.connect(window.track)
        wizard.imported.connect(self._imported)
        if path is not None:
            wizard.file_page.set_path(path)  # after task_launched is connected
        wizard.open()
        return wizard

    def _imported(self, report: ImportReport) -> None:
        window = self._window
        changed = [*report.added_ids, *report.updated_ids]
        window.statusBar().showMessage(
            self.tr("Imported: %Ln record(s) added", "", len(report.added_ids))
            + ", "
            + self.tr("%Ln updated.", "", len(report.updated_ids)),
            STATUS_MS,
        )
        if changed:
            window.records_changed(changed)

    # --- export ---------------------------------------------------------------------------------

    def sources(self) -> list[ExportSource]:
        """What can be exported now: the whole result list, the selection, the basket."""
        window = self._window
        view = window.search_view
        results = view.model.ids if window.stack.currentWidget() is view else []
        return [
            source
            for source in (
                ExportSource("results", tuple(results)),
                ExportSource("selected", tuple(view.selected_ids())),
                ExportSource("basket", tuple(window.basket.ids)),
            )
            if source.record_ids
        ]

    def open_export(self, kind: str | None = None) -> ExportDialog | None:
        """Open the export dialog; ``kind`` preselects a source.  None if nothing to export."""
        window = self._window
        sources = self.sources()
        if not sources:
            window.statusBar().showMessage(
                self.tr("Nothing to export: search for records or collect them in the basket."),
                STATUS_MS,
            )
            return None
        dialog = ExportDialog(window.catalog, sources, parent=window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.task_launched.connect(window.track)
        dialog.exported.connect(self._exported)
        if kind is not None:
            dialog.select_source(kind)
        dialog.open()
        return dialog

    def _exported(self, count: int, path: str) -> None:
        self._window.statusBar().showMessage(
            self.tr("Saved %Ln record(s) to {path}.", "", count).format(path=path), STATUS_MS
        )

    # --- reader mode ----------------------------------------------------------------------------

    def set_reader(self, reader: bool) -> None:
        """Reader mode: export stays (a researcher takes her list home), import goes."""
        self.import_action.setVisible(not reader)
        self.import_action.setEnabled(not reader)
