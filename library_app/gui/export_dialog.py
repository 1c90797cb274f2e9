"""Export: the records of a search, a selection or the basket, in any format the catalog writes.

The dialog is built from the list of writers (``formats.writable_formats``), as Anki builds its
exporting dialog from its exporters, so a new format appears here without touching this file.
Two more choices come from the basket: a numbered reading list and the program's own JSON.
The work is ``exporting.export_records`` in the background; it writes under a temporary name
and moves the file into place, so a cancelled export leaves no half-written file behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from library_app.core.progress import CancelCheck, ProgressCallback
from library_app.db.catalog import Catalog
from library_app.gui.field_labels import table_fields
from library_app.gui.record_sources import ExportSource, SourceBox
from library_app.gui.tasks import BackgroundTask
from library_app.interchange.base import WriteOptions
from library_app.interchange.exporting import ExportResult, export_records, format_for_path
from library_app.interchange.formats import writable_formats
from library_app.services.basket import export_basket

TABULAR = ("csv", "xlsx")
TEXT_FORMATS = ("csv", "ris", "bibtex")  # the writers that honour WriteOptions.encoding
READING_LIST = "reading-list"
RECORDS_JSON = "records-json"
EXTRA_EXTENSIONS = {READING_LIST: ".txt", RECORDS_JSON: ".json"}
ID_ROLE = Qt.ItemDataRole.UserRole
DEFAULT_COLUMNS = (
    "authors",
    "title",
    "title_remainder",
    "year",
    "places",
    "publishers",
    "pages",
    "isbn",
    "issn",
    "udc",
    "bbk",
    "subjects",
    "languages",
    "inventory_number",
)
"""Checked at first: what a colleague asks for in a list; the rest is a click away."""


class ExportDialog(QDialog):
    """Writes the records of one of ``sources`` to a file the librarian names.

    ``folder`` and ``file_stem`` make the suggested file name; the extension follows the format.
    """

    exported = Signal(int, str)
    """(records written, path): a file was written."""

    task_launched = Signal(object)
    """A BackgroundTask is about to start (the main window and tests follow it)."""

    def __init__(
        self,
        catalog: Catalog,
        sources: Sequence[ExportSource],
        *,
        folder: Path | None = None,
        file_stem: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ExportDialog")
        self._catalog = catalog
        self._sources = [s for s in sources if s.record_ids] or list(sources[:1])
        self._folder = folder or Path.home()
        self._file_stem = file_stem
        self._task: BackgroundTask | None = None
        self._confirmed: Path | None = None  # the file dialog already asked about overwriting
        self._formats = writable_formats()
        self._build()
        self.retranslate_ui()
        self.select_format("ris")  # what reference managers (Zotero, EndNote) take
        self._format_chosen()
        self.setMinimumWidth(520)

    # --- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.source_box = SourceBox(self._sources, self)
        self.source_buttons = self.source_box.buttons
        self.source_box.changed.connect(self._update_state)
        layout.addWidget(self.source_box)

        form = QFormLayout()
        self.format_label = QLabel(self)
        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("exportFormatCombo")
        for info in self._formats:
            self.format_combo.addItem(info.label, info.id)
        self.format_combo.insertSeparator(self.format_combo.count())
        self.format_combo.addItem("", READING_LIST)
        self.format_combo.addItem("", RECORDS_JSON)
        self.format_combo.currentIndexChanged.connect(self._format_chosen)
        self.format_label.setBuddy(self.format_combo)
        form.addRow(self.format_label, self.format_combo)

        self.file_label = QLabel(self)
        file_row = QHBoxLayout()
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("exportPathEdit")
        stem = self._file_stem or self.tr("records")
        self.path_edit.setText(str(self._folder / f"{stem}.ris"))
        self.path_edit.textChanged.connect(self._update_state)
        self.browse_button = QPushButton(self)
        self.browse_button.clicked.connect(self.browse)
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(self.browse_button)
        self.file_label.setBuddy(self.path_edit)
        form.addRow(self.file_label, file_row)

        self.encoding_label = QLabel(self)
        self.encoding_combo = QComboBox(self)
        self.encoding_combo.setObjectName("exportEncodingCombo")
        self.encoding_combo.addItem("UTF-8", "utf-8")
        self.encoding_combo.addItem("", "cp1251")
        self.encoding_label.setBuddy(self.encoding_combo)
        form.addRow(self.encoding_label, self.encoding_combo)
        layout.addLayout(form)

        self.columns_box = QGroupBox(self)
        self.columns_box.setObjectName("exportColumnsBox")
        columns_layout = QHBoxLayout(self.columns_box)
        self.columns_list = QListWidget(self.columns_box)
        self.columns_list.setObjectName("exportColumnsList")
        self.columns_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.columns_list.setDefaultDropAction(Qt.DropAction.MoveAction)
        for field_id, _name in table_fields():
            if field_id == "ignore":
                continue
            item = QListWidgetItem(self.columns_list)
            item.setData(ID_ROLE, field_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = field_id in DEFAULT_COLUMNS
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.columns_list.itemChanged.connect(lambda _item: self._update_state())
        columns_layout.addWidget(self.columns_list, 1)
        column_buttons = QVBoxLayout()
        self.up_button = QPushButton(self.columns_box)
        self.up_button.clicked.connect(lambda: self._move_column(-1))
        self.down_button = QPushButton(self.columns_box)
        self.down_button.clicked.connect(lambda: self._move_column(1))
        self.all_button = QPushButton(self.columns_box)
        self.all_button.clicked.connect(lambda: self._check_all(True))
        self.none_button = QPushButton(self.columns_box)
        self.none_button.clicked.connect(lambda: self._check_all(False))
        for button in (self.up_button, self.down_button, self.all_button, self.none_button):
            column_buttons.addWidget(button)
        column_buttons.addStretch(1)
        self.separator_label = QLabel(self.columns_box)
        self.separator_edit = QLineEdit("; ", self.columns_box)
        self.separator_edit.setObjectName("exportSeparatorEdit")
        self.separator_edit.setMaximumWidth(60)
        self.separator_label.setBuddy(self.separator_edit)
        column_buttons.addWidget(self.separator_label)
        column_buttons.addWidget(self.separator_edit)
        self.delimiter_label = QLabel(self.columns_box)
        self.delimiter_combo = QComboBox(self.columns_box)
        self.delimiter_combo.setObjectName("exportDelimiterCombo")
        for value in (",", ";", "\t"):
            self.delimiter_combo.addItem("", value)
        self.delimiter_label.setBuddy(self.delimiter_combo)
        column_buttons.addWidget(self.delimiter_label)
        column_buttons.addWidget(self.delimiter_combo)
        columns_layout.addLayout(column_buttons)
        layout.addWidget(self.columns_box, 1)

        self.outcome = QLabel(self)
        self.outcome.setObjectName("exportOutcome")
        self.outcome.setWordWrap(True)
        self.outcome.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.outcome)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close, self
        )
        self.export_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.export_button.setObjectName("exportButton")
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.export)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def retranslate_ui(self) -> None:
        """Set every visible text; runs again whenever the interface language changes."""
        self.setWindowTitle(self.tr("Export records"))
        self.source_box.retranslate_ui()
        self.format_label.setText(self.tr("&Format:"))
        reading_list = self.format_combo.findData(READING_LIST)
        self.format_combo.setItemText(reading_list, self.tr("Numbered reading list (text)"))
        records_json = self.format_combo.findData(RECORDS_JSON)
        self.format_combo.setItemText(records_json, self.tr("Records as JSON (this program)"))
        self.file_label.setText(self.tr("F&ile:"))
        self.browse_button.setText(self.tr("&Browse…"))
        self.encoding_label.setText(self.tr("&Encoding:"))
        self.encoding_combo.setItemText(1, self.tr("Windows-1251 (old Russian programs)"))
        self.columns_box.setTitle(self.tr("Columns (drag to reorder)"))
        names = dict(table_fields())
        for row in range(self.columns_list.count()):
            item = self.columns_list.item(row)
            item.setText(names.get(item.data(ID_ROLE), item.data(ID_ROLE)))
        self.up_button.setText(self.tr("&Up"))
        self.down_button.setText(self.tr("&Down"))
        self.all_button.setText(self.tr("&All"))
        self.none_button.setText(self.tr("&None"))
        self.separator_label.setText(self.tr("Between &values:"))
        self.separator_edit.setToolTip(
            self.tr("Written between several values in one cell, e.g. two authors")
        )
        self.delimiter_label.setText(self.tr("Column &separator:"))
        self.delimiter_combo.setItemText(0, self.tr("Comma"))
        self.delimiter_combo.setItemText(1, self.tr("Semicolon (Excel in Russian)"))
        self.delimiter_combo.setItemText(2, self.tr("Tab"))
        self.export_button.setText(self.tr("E&xport"))
        self._update_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- choices ------------------------------------------------------------------------------

    def source(self) -> ExportSource | None:
        return self.source_box.source()

    def select_source(self, kind: str) -> None:
        self.source_box.select_source(kind)

    @property
    def format_id(self) -> str:
        return str(self.format_combo.currentData() or "")

    def select_format(self, format_id: str) -> None:
        index = self.format_combo.findData(format_id)
        if index >= 0:
            self.format_combo.setCurrentIndex(index)

    def target(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text).expanduser() if text else None

    def columns(self) -> list[str]:
        """The checked fields, in the order shown."""
        return [
            self.columns_list.item(row).data(ID_ROLE)
            for row in range(self.columns_list.count())
            if self.columns_list.item(row).checkState() == Qt.CheckState.Checked
        ]

    def write_options(self) -> WriteOptions:
        return WriteOptions(
            columns=self.columns() if self.format_id in TABULAR else None,
            multi_value_separator=self.separator_edit.text() or "; ",
            delimiter=str(self.delimiter_combo.currentData()),
            encoding=str(self.encoding_combo.currentData()),
        )

    def _extension(self) -> str:
        if self.format_id in EXTRA_EXTENSIONS:
            return EXTRA_EXTENSIONS[self.format_id]
        for info in self._formats:
            if info.id == self.format_id:
                return info.extensions[0]
        return ""

    def _extensions(self) -> tuple[str, ...]:
        if self.format_id in EXTRA_EXTENSIONS:
            return (EXTRA_EXTENSIONS[self.format_id],)
        return next((f.extensions for f in self._formats if f.id == self.format_id), ())

    def _format_chosen(self) -> None:
        """Show the options of the format, and give the file name its extension."""
        target = self.target()
        if target is not None and target.name and target.suffix.lower() not in self._extensions():
            self.path_edit.setText(str(target.with_suffix(self._extension())))
        tabular = self.format_id in TABULAR
        self.columns_box.setVisible(tabular)
        self.delimiter_label.setVisible(self.format_id == "csv")
        self.delimiter_combo.setVisible(self.format_id == "csv")
        text = self.format_id in TEXT_FORMATS
        self.encoding_label.setVisible(text)
        self.encoding_combo.setVisible(text)
        self._update_state()

    def _move_column(self, step: int) -> None:
        row = self.columns_list.currentRow()
        if row < 0 or not 0 <= row + step < self.columns_list.count():
            return
        item = self.columns_list.takeItem(row)
        self.columns_list.insertItem(row + step, item)
        self.columns_list.setCurrentRow(row + step)

    def _check_all(self, checked: bool) -> None:
        state = Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        for row in range(self.columns_list.count()):
            self.columns_list.item(row).setCheckState(state)

    def browse(self) -> None:
        current = self.target() or self._folder
        name, _chosen = QFileDialog.getSaveFileName(
            self, self.tr("Export records"), str(current), self._file_filter()
        )
        if not name:
            return
        path = Path(name)
        if path.suffix.lower() not in self._extensions():
            suggested = format_for_path(path)
            if suggested is not None:
                self.select_format(suggested)
            elif not path.suffix:
                path = path.with_suffix(self._extension())
        self.path_edit.setText(str(path))
        self._confirmed = path

    def _file_filter(self) -> str:
        patterns = " ".join(f"*{e}" for e in self._extensions())
        name = self.format_combo.currentText()
        return f"{name} ({patterns});;" + self.tr("All files (*)")

    def _update_state(self) -> None:
        busy = self._task is not None
        ready = self.source() is not None and self.target() is not None
        if self.format_id in TABULAR and not self.columns():
            ready = False
        self.export_button.setEnabled(not busy and ready)
        for widget in (
            self.source_box,
            self.format_combo,
            self.path_edit,
            self.browse_button,
            self.columns_box,
            self.encoding_combo,
        ):
            widget.setEnabled(not busy)

    # --- exporting ----------------------------------------------------------------------------

    def export(self) -> BackgroundTask | None:
        """Write the chosen records in the background; None if the choices are incomplete."""
        source, target = self.source(), self.target()
        if self._task is not None or source is None or target is None:
            return None
        if not target.suffix:
            target = target.with_suffix(self._extension())
            self.path_edit.setText(str(target))
        if target.exists() and target != self._confirmed and not self._may_overwrite(target):
            return None
        catalog, ids, format_id = self._catalog, list(source.record_ids), self.format_id
        options = self.write_options()

        def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> ExportResult:
            if format_id in EXTRA_EXTENSIONS:
                count = export_basket(
                    catalog,
                    ids,
                    target,
                    as_json=format_id == RECORDS_JSON,
                    is_cancelled=is_cancelled,
                )
                return ExportResult(target, format_id, count)
            return export_records(
                catalog,
                ids,
                target,
                format_id,
                options=options,
                progress=progress,
                is_cancelled=is_cancelled,
            )

        task = BackgroundTask(
            work,
            parent=self,
            title=self.tr("Export records"),
            label=self.tr("Writing %Ln record(s)…", "", len(ids)),
            error_context=self.tr("The records were not exported."),
        )
        task.succeeded.connect(lambda result: self._exported(result))
        task.cancelled.connect(lambda: self._cancelled())
        task.finished.connect(lambda: self._finished())
        self._task = task
        self.outcome.clear()
        self._update_state()
        self.task_launched.emit(task)
        task.start()
        return task

    def _may_overwrite(self, target: Path) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Export records"),
            self.tr("{name} already exists. Replace it?").format(name=target.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _exported(self, result: ExportResult) -> None:
        if not shiboken6.isValid(self):
            return
        self._confirmed = result.path  # exporting again to it replaces what we just wrote
        self.outcome.setText(
            self.tr("Saved %Ln record(s) to {path}.", "", result.records).format(
                path=str(result.path)
            )
        )
        self.exported.emit(result.records, str(result.path))

    def _cancelled(self) -> None:
        if shiboken6.isValid(self):
            self.outcome.setText(self.tr("Cancelled; no file was written."))

    def _finished(self) -> None:
        if shiboken6.isValid(self):
            self._task = None
            self._update_state()

    def reject(self) -> None:
        """While the file is being written, Close/Escape asks it to stop instead."""
        if self._task is not None:
            self._task.cancel()
            return
        super().reject()
