"""The basket as a dock beside the results: what the researcher collected, ready to export.

The basket itself (``services.basket``) is a list of ids saved per user; this dock shows the
records behind them — title, first author, year — read in the background, and only those not
read before, so adding one record does not re-read fifty.  Export opens the export dialog on
the basket: any exchange format (RIS, BibTeX, MARC, CSV …), a numbered reading list, or the
records as JSON; formatted bibliographies come with the printing work.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from library_app.core.errors import LibraryError
from library_app.core.model import Record
from library_app.core.progress import CancelCheck, ProgressCallback
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.gui.errors import report_error
from library_app.gui.export_dialog import ExportDialog, ExportSource
from library_app.gui.tasks import BackgroundTask
from library_app.services.basket import Basket, first_author

ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class BasketRow:
    """What the dock shows of one record."""

    title: str
    author: str
    year: str
    deleted: bool = False


def _row_of(record: Record) -> BasketRow:
    return BasketRow(record.title, first_author(record), record.year, record.deleted_at is not None)


class BasketDock(QDockWidget):
    """The basket's records; Delete removes the selected ones, double-click opens one."""

    open_requested = Signal(int)
    count_changed = Signal(int)
    task_launched = Signal(object)
    """A BackgroundTask is about to start (the window waits for them when it closes)."""

    def __init__(self, catalog: Catalog, basket: Basket, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("BasketDock")
        self._catalog = catalog
        self.basket = basket
        self._rows: dict[int, BasketRow | None] = {}  # None: the record no longer exists
        self._loading: set[int] = set()
        self._last_export: tuple[int, Path] | None = None

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.list = QTreeWidget(body)
        self.list.setObjectName("basketList")
        self.list.setColumnCount(3)
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.header().setStretchLastSection(False)
        self.list.itemActivated.connect(self._activated)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.list, 1)

        self.remove_action = QAction(self.list)
        self.remove_action.setObjectName("basketRemoveAction")
        self.remove_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.remove_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.remove_action.triggered.connect(self.remove_selected)
        self.list.addAction(self.remove_action)

        buttons = QHBoxLayout()
        self.remove_button = QPushButton(body)
        self.remove_button.setObjectName("basketRemoveButton")
        self.remove_button.clicked.connect(self.remove_selected)
        self.clear_button = QPushButton(body)
        self.clear_button.setObjectName("basketClearButton")
        self.clear_button.clicked.connect(self.ask_and_clear)
        self.export_button = QPushButton(body)
        self.export_button.setObjectName("basketExportButton")
        self.export_button.clicked.connect(self.ask_and_export)
        for button in (self.remove_button, self.clear_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        self.status_label = QLabel(body)
        self.status_label.setObjectName("basketStatus")
        self.status_label.setWordWrap(True)
        layout.addWidget(self.status_label)
        self.setWidget(body)

        self.retranslate_ui()
        self._refill()
        self._load_missing()

    # --- texts --------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.list.setHeaderLabels([self.tr("Title"), self.tr("Author"), self.tr("Year")])
        self.remove_action.setText(self.tr("Remove from basket"))
        self.remove_button.setText(self.tr("&Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected records (Delete)"))
        self.clear_button.setText(self.tr("C&lear…"))
        self.clear_button.setToolTip(self.tr("Empty the basket"))
        self.export_button.setText(self.tr("E&xport…"))
        self.export_button.setToolTip(
            self.tr("Save the basket as RIS, BibTeX, MARC, CSV, a numbered list …")
        )
        self._update_title()
        self._show_status()
        for index in range(self.list.topLevelItemCount()):
            self._fill_item(self.list.topLevelItem(index))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _update_title(self) -> None:
        self.setWindowTitle(
            self.tr("Basket ({count})").format(count=self.locale().toString(len(self.basket)))
        )

    def _show_status(self) -> None:
        lines = []
        if self.basket.problem:
            if self.basket.bad_file is not None:
                lines.append(
                    self.tr(
                        "The saved basket could not be read, so it starts empty. "
                        "The damaged file was kept as {path}."
                    ).format(path=str(self.basket.bad_file))
                )
            else:
                lines.append(
                    self.tr("The saved basket could not be read, so it starts empty.")
                    + " "
                    + self.basket.problem
                )
        if self._last_export is not None:
            count, path = self._last_export
            lines.append(
                self.tr("Saved %Ln record(s) to {path}.", "", count).format(path=str(path))
            )
        if not self.basket.ids and not lines:
            lines.append(self.tr("Collect records here with “Add to basket”."))
        self.status_label.setText("\n".join(lines))

    # --- the list -----------------------------------------------------------------------------

    def _refill(self) -> None:
        """One row per id, in basket order, keeping the selection."""
        selected = set(self.selected_ids())
        self.list.clear()
        for record_id in self.basket.ids:
            item = QTreeWidgetItem(self.list)
            item.setData(0, ID_ROLE, record_id)
            self._fill_item(item)
            item.setSelected(record_id in selected)
        self._update_buttons()
        self._update_title()
        self._show_status()

    def _fill_item(self, item: QTreeWidgetItem) -> None:
        record_id = int(item.data(0, ID_ROLE))
        if record_id not in self._rows:
            texts = [self.tr("Record {id}…").format(id=record_id), "", ""]
        elif (row := self._rows[record_id]) is None:
            texts = [self.tr("Record {id} no longer exists").format(id=record_id), "", ""]
        else:
            title = row.title
            if row.deleted:
                title = self.tr("{title} (in the trash)").format(title=title)
            texts = [title, row.author, row.year]
        for column, text in enumerate(texts):
            item.setText(column, text)
            item.setToolTip(column, text)

    def selected_ids(self) -> list[int]:
        """Selected records, in basket order."""
        chosen = {int(item.data(0, ID_ROLE)) for item in self.list.selectedItems()}
        return [i for i in self.basket.ids if i in chosen]

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.list.selectedItems()))
        self.remove_action.setEnabled(bool(self.list.selectedItems()))
        self.clear_button.setEnabled(len(self.basket) > 0)
        self.export_button.setEnabled(len(self.basket) > 0)

    def _activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.open_requested.emit(int(item.data(0, ID_ROLE)))

    # --- changing the basket ------------------------------------------------------------------

    def add(self, ids: list[int] | tuple[int, ...]) -> list[int]:
        """Put records into the basket (those already there are skipped); returns the new."""
        try:
            new = self.basket.add(ids)
        except LibraryError as error:
            report_error(self, error, self.tr("The basket was not saved."))
            return []
        if new:
            self._changed()
            self._load_missing()
        return new

    def remove_selected(self) -> list[int]:
        ids = self.selected_ids()
        if not ids:
            return []
        try:
            removed = self.basket.remove(ids)
        except LibraryError as error:
            report_error(self, error, self.tr("The basket was not saved."))
            return []
        self._changed()
        return removed

    def ask_and_clear(self) -> bool:
        """Empty the basket after asking; True if it was emptied."""
        if not len(self.basket):
            return False
        answer = QMessageBox.question(
            self,
            self.tr("Empty the basket"),
            self.tr("Remove all %Ln record(s) from the basket?", "", len(self.basket)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            self.basket.clear()
        except LibraryError as error:
            report_error(self, error, self.tr("The basket was not saved."))
            return False
        self._changed()
        return True

    def _changed(self) -> None:
        self._last_export = None
        self._refill()
        self.count_changed.emit(len(self.basket))

    def refresh(self) -> BackgroundTask | None:
        """Read every record again (after edits elsewhere)."""
        self._rows.clear()
        self._refill()
        return self._load_missing()

    def _load_missing(self) -> BackgroundTask | None:
        wanted = [i for i in self.basket.ids if i not in self._rows and i not in self._loading]
        if not wanted:
            return None
        self._loading.update(wanted)
        catalog = self._catalog

        def work(
            progress: ProgressCallback, is_cancelled: CancelCheck
        ) -> tuple[list[int], dict[int, BasketRow]]:
            records = RecordRepository(catalog).get_many(wanted)
            return wanted, {r.id: _row_of(r) for r in records if r.id is not None}

        task = BackgroundTask(
            work,
            parent=self,
            show_progress=False,
            error_context=self.tr("The records of the basket could not be read."),
        )
        task.succeeded.connect(self._loaded)
        task.finished.connect(lambda: self._loading.difference_update(wanted))
        self.task_launched.emit(task)
        task.start()
        return task

    def _loaded(self, result: tuple[list[int], dict[int, BasketRow]]) -> None:
        wanted, rows = result
        for record_id in wanted:
            self._rows[record_id] = rows.get(record_id)
        for index in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(index)
            if int(item.data(0, ID_ROLE)) in wanted:
                self._fill_item(item)

    # --- export -------------------------------------------------------------------------------

    def ask_and_export(self) -> ExportDialog | None:
        """Open the export dialog on the basket (and on the records selected in it)."""
        if not len(self.basket):
            return None
        sources = [ExportSource("basket", tuple(self.basket.ids))]
        if self.selected_ids():
            sources.append(ExportSource("selected", tuple(self.selected_ids())))
        dialog = ExportDialog(self._catalog, sources, file_stem=self.tr("basket"), parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.task_launched.connect(self.task_launched)
        dialog.exported.connect(lambda count, path: self._exported((count, Path(path))))
        dialog.open()
        return dialog

    def _exported(self, result: tuple[int, Path]) -> None:
        self._last_export = result
        self._show_status()
