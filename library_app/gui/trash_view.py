"""The trash: records deleted from the catalog, and bringing them back.

Deleting is soft (the record only leaves searches and lists), so restoring is the undo of a
delete, possible at any time and by anyone; nothing here destroys data.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from library_app.core.progress import CancelCheck, ProgressCallback
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository, RecordSummary
from library_app.gui.labels import material_type_name
from library_app.gui.tasks import BackgroundTask

ID_ROLE = Qt.ItemDataRole.UserRole


class TrashView(QDialog):
    """Lists the deleted records of ``catalog``; "Restore" brings the selected ones back."""

    restored = Signal(list)
    """Ids of the records brought back (the window refreshes its count and index)."""

    loaded = Signal(int)
    """The list was (re)read; the number of records in the trash."""

    task_launched = Signal(object)
    """A BackgroundTask is about to start (tests and the main window follow it)."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TrashView")
        self._catalog = catalog
        self._summaries: list[RecordSummary] = []
        self._loading: BackgroundTask | None = None
        self._restoring: BackgroundTask | None = None
        self._load_generation = 0
        self._note = ""  # what the last restore did, shown before the count
        self._build()
        self.retranslate_ui()
        self.resize(720, 420)
        self.refresh()

    # --- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.explanation = QLabel(self)
        self.explanation.setWordWrap(True)
        self.table = QTableWidget(0, 5, self)
        self.table.setObjectName("trashTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # by id until the user sorts
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.table.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        self.status = QLabel(self)
        self.status.setObjectName("trashStatus")

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(self)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self.restore_selected)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("refreshButton")
        self.refresh_button.clicked.connect(self.refresh)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.refresh_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)

        self.refresh_action = QAction(self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh)
        self.addAction(self.refresh_action)
        self.select_all_action = QAction(self)
        self.select_all_action.setShortcut(QKeySequence.StandardKey.SelectAll)
        self.select_all_action.triggered.connect(self.table.selectAll)
        self.addAction(self.select_all_action)

        layout.addWidget(self.explanation)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)

    def retranslate_ui(self) -> None:
        """Set every visible text; runs again whenever the interface language changes."""
        self.setWindowTitle(self.tr("Trash"))
        self.explanation.setText(
            self.tr(
                "Deleted records are kept here. Restore brings the selected records back into "
                "the catalog and its searches."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Id"), self.tr("Title"), self.tr("Author"), self.tr("Year"), self.tr("Type")]
        )
        self.restore_button.setText(self.tr("&Restore"))
        self.refresh_button.setText(self.tr("Re&fresh"))
        self.refresh_action.setText(self.tr("Refresh"))
        self._fill()
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- reading the trash --------------------------------------------------------------------

    def refresh(self) -> BackgroundTask:
        """Re-read the deleted records in the background (the server may be far away)."""
        self._load_generation += 1
        generation = self._load_generation
        catalog = self._catalog

        def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> list[RecordSummary]:
            return RecordRepository(catalog).list(deleted=True)

        task = BackgroundTask(
            work,
            parent=self,
            show_progress=False,
            error_context=self.tr("The trash could not be read."),
        )
        task.succeeded.connect(lambda summaries: self._loaded(generation, summaries))
        task.finished.connect(lambda: self._loading_finished(task))
        self._loading = task
        self._show_status()
        self._update_buttons()
        self._launch(task)
        return task

    def _loaded(self, generation: int, summaries: list[RecordSummary]) -> None:
        if not shiboken6.isValid(self) or generation != self._load_generation:
            return  # closed meanwhile, or overtaken by a newer refresh
        self._summaries = summaries
        self._fill()
        self.loaded.emit(len(summaries))

    def _loading_finished(self, task: BackgroundTask) -> None:
        if shiboken6.isValid(self) and self._loading is task:
            self._loading = None
            self._show_status()
            self._update_buttons()

    def _fill(self) -> None:
        self.table.setSortingEnabled(False)
        self.table.setRowCount(len(self._summaries))
        for row, summary in enumerate(self._summaries):
            id_item = QTableWidgetItem()
            id_item.setData(Qt.ItemDataRole.DisplayRole, summary.id)  # sorts as a number
            id_item.setData(ID_ROLE, summary.id)
            cells = [
                id_item,
                QTableWidgetItem(summary.title),
                QTableWidgetItem(summary.first_author),
                QTableWidgetItem(summary.year),
                QTableWidgetItem(material_type_name(summary.material_type)),
            ]
            for column, item in enumerate(cells):
                self.table.setItem(row, column, item)
        self.table.setSortingEnabled(True)
        self._update_buttons()

    def _show_status(self) -> None:
        if self._loading is not None and not self._summaries:
            text = self.tr("Reading the trash…")
        elif not self._summaries:
            text = self.tr("The trash is empty.")
        else:
            text = self.tr("%n record(s) in the trash.", "", len(self._summaries))
        self.status.setText(f"{self._note} {text}" if self._note else text)

    # --- restoring ----------------------------------------------------------------------------

    def listed_ids(self) -> list[int]:
        """The ids shown, in the table's current order."""
        return [self.table.item(row, 0).data(ID_ROLE) for row in range(self.table.rowCount())]

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self.table.item(row, 0).data(ID_ROLE) for row in rows]

    def select_ids(self, record_ids: list[int]) -> None:
        """Select the rows of these records (and no others)."""
        wanted = set(record_ids)
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(ID_ROLE) in wanted:
                self.table.selectRow(row)
        self.table.setSelectionMode(mode)

    def restore_selected(self) -> BackgroundTask | None:
        """Bring the selected records back, in the background; None if nothing to do."""
        ids = self.selected_ids()
        if not ids or self._restoring is not None:
            return None
        catalog = self._catalog

        def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> list[int]:
            repository = RecordRepository(catalog)
            # One transaction: all of them come back or none.  Records someone else restored
            # meanwhile are back already and are left alone.
            still_deleted = {row.id for row in repository.list(deleted=True)}
            repository.undelete_many([i for i in ids if i in still_deleted])
            return ids

        task = BackgroundTask(
            work,
            parent=self,
            title=self.tr("Restore records"),
            label=self.tr("Restoring %n record(s)…", "", len(ids)),
            error_context=self.tr("The records were not all restored."),
        )
        task.succeeded.connect(self._restored)
        task.finished.connect(lambda: self._restoring_finished())
        self._restoring = task
        self._update_buttons()
        self._launch(task)
        return task

    def _restored(self, record_ids: list[int]) -> None:
        if not shiboken6.isValid(self):
            return
        self._note = self.tr("%n record(s) restored.", "", len(record_ids))
        self._show_status()
        if record_ids:
            self.restored.emit(record_ids)

    def _restoring_finished(self) -> None:
        if shiboken6.isValid(self):
            self._restoring = None
            self.refresh()  # also after a failure: some may have come back

    def _update_buttons(self) -> None:
        busy = self._restoring is not None
        self.restore_button.setEnabled(not busy and bool(self.selected_ids()))
        self.refresh_button.setEnabled(not busy)

    def _launch(self, task: BackgroundTask) -> None:
        self.task_launched.emit(task)
        task.start()
