"""The first two pages of the import wizard: the file, and the columns of a spreadsheet.

The file page recognises the format from the content (``formats.detect_format``) in the
background as soon as a file is chosen or dropped; the librarian can overrule format and
encoding, because partners' files lie about both.  The mapping page shows the first rows of a
CSV or XLSX file as the reader will see them (``tabular.preview``) with one field chooser per
column, the guess preselected.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizardPage,
)

from library_app.core.errors import LibraryError
from library_app.core.progress import CancelCheck, ProgressCallback
from library_app.gui.errors import report_error
from library_app.gui.field_labels import table_fields
from library_app.gui.tasks import BackgroundTask
from library_app.interchange.base import ReadOptions
from library_app.interchange.formats import Detection, detect_format, readable_formats

if TYPE_CHECKING:
    from library_app.gui.import_wizard import ImportWizard
    from library_app.interchange.tabular import TablePreview

DETECT_DELAY_MS = 300
"""A typed path is recognised once typing pauses."""
ENCODINGS = ("utf-8", "cp1251", "koi8-r", "utf-16", "marc-8")
DELIMITERS = (";", ",", "\t", "|")
PREVIEW_ROWS = 10
ERROR_STYLE = "color: #b00020;"


def _local_file(event: QDragEnterEvent | QDropEvent) -> Path | None:
    urls = event.mimeData().urls() if event.mimeData().hasUrls() else []
    files = [Path(url.toLocalFile()) for url in urls if url.isLocalFile()]
    return files[0] if len(files) == 1 else None


class FilePage(QWizardPage):
    """Which file, in which format and encoding.  A file dropped on the page is taken too."""

    detection_finished = Signal()
    """The format of the current file was recognised, or could not be."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self._detection: Detection | None = None
        self._detection_error = ""
        self._detecting: BackgroundTask | None = None
        self._generation = 0
        self.setAcceptDrops(True)

        layout = QVBoxLayout(self)
        self.drop_hint = QLabel(self)
        self.drop_hint.setWordWrap(True)
        layout.addWidget(self.drop_hint)
        form = QFormLayout()
        self.file_label = QLabel(self)
        row = QHBoxLayout()
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("importPathEdit")
        self.path_edit.textChanged.connect(self._path_edited)
        self.browse_button = QPushButton(self)
        self.browse_button.setObjectName("importBrowseButton")
        self.browse_button.clicked.connect(self.browse)
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse_button)
        self.file_label.setBuddy(self.path_edit)
        form.addRow(self.file_label, row)
        self.format_label = QLabel(self)
        self.format_combo = QComboBox(self)
        self.format_combo.setObjectName("importFormatCombo")
        self.format_combo.addItem("", None)  # "recognise from the content"
        for info in readable_formats():
            self.format_combo.addItem(info.label, info.id)
        self.format_combo.currentIndexChanged.connect(lambda _i: self.completeChanged.emit())
        self.format_label.setBuddy(self.format_combo)
        form.addRow(self.format_label, self.format_combo)
        self.encoding_label = QLabel(self)
        self.encoding_combo = QComboBox(self)
        self.encoding_combo.setObjectName("importEncodingCombo")
        self.encoding_combo.addItem("", None)  # "recognise"
        for name in ENCODINGS:
            self.encoding_combo.addItem("", name)
        self.encoding_label.setBuddy(self.encoding_combo)
        form.addRow(self.encoding_label, self.encoding_combo)
        layout.addLayout(form)
        self.detection_label = QLabel(self)
        self.detection_label.setObjectName("detectionLabel")
        self.detection_label.setWordWrap(True)
        self.detection_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.detection_label)
        layout.addStretch(1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DETECT_DELAY_MS)
        self._timer.timeout.connect(self.detect)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Choose the file"))
        self.setSubTitle(
            self.tr("MARC21, MARCXML, RUSMARC, CSV, Excel, RIS, BibTeX or CSL-JSON from a partner.")
        )
        self.drop_hint.setText(
            self.tr("Choose a file, or drag it from a folder and drop it on this page.")
        )
        self.file_label.setText(self.tr("&File:"))
        self.browse_button.setText(self.tr("&Browse…"))
        self.format_label.setText(self.tr("F&ormat:"))
        self.format_combo.setItemText(0, self.tr("Recognise from the content"))
        self.encoding_label.setText(self.tr("&Encoding:"))
        names = {
            None: self.tr("Recognise automatically"),
            "utf-8": "UTF-8",
            "cp1251": self.tr("Windows-1251 (Cyrillic)"),
            "koi8-r": "KOI8-R",
            "utf-16": self.tr("UTF-16 (Excel “Unicode text”)"),
            "marc-8": self.tr("MARC-8 (old MARC21 files)"),
        }
        for index in range(self.encoding_combo.count()):
            data = self.encoding_combo.itemData(index)
            self.encoding_combo.setItemText(index, names.get(data, str(data)))
        self._show_detection()

    # --- what was chosen ------------------------------------------------------------------------

    def path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text).expanduser() if text else None

    def set_path(self, path: Path) -> None:
        """Take ``path`` and recognise it at once (browse, drop, or a caller)."""
        self.path_edit.setText(str(path))
        self._timer.stop()
        self.detect()

    def format_id(self) -> str | None:
        chosen = self.format_combo.currentData()
        if chosen:
            return str(chosen)
        return self._detection.format.id if self._detection is not None else None

    def select_format(self, format_id: str | None) -> None:
        self.format_combo.setCurrentIndex(max(0, self.format_combo.findData(format_id)))

    def encoding(self) -> str | None:
        chosen = self.encoding_combo.currentData()
        return str(chosen) if chosen else None

    def select_encoding(self, encoding: str | None) -> None:
        self.encoding_combo.setCurrentIndex(max(0, self.encoding_combo.findData(encoding)))

    @property
    def detecting(self) -> bool:
        return self._detecting is not None or self._timer.isActive()

    def isComplete(self) -> bool:
        path = self.path()
        return (
            not self._wizard.busy
            and not self.detecting
            and path is not None
            and path.is_file()
            and self.format_id() is not None
        )

    # --- choosing the file ----------------------------------------------------------------------

    def browse(self) -> None:
        current = self.path()
        start = str(current.parent if current is not None else Path.home())
        patterns = sorted({f"*{e}" for f in readable_formats() for e in f.extensions})
        name, _chosen = QFileDialog.getOpenFileName(
            self,
            self.tr("Import records"),
            start,
            self.tr("Catalog files ({patterns})").format(patterns=" ".join(patterns))
            + ";;"
            + self.tr("All files (*)"),
        )
        if name:
            self.set_path(Path(name))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if _local_file(event) is not None and not self._wizard.busy:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = _local_file(event)
        if path is not None and not self._wizard.busy:
            event.acceptProposedAction()
            self.set_path(path)

    def _path_edited(self, _text: str) -> None:
        self._generation += 1  # an answer about the previous path is stale from now on
        self._detection, self._detection_error = None, ""
        self._timer.start()
        self._show_detection()
        self.completeChanged.emit()

    # --- recognising the format -----------------------------------------------------------------

    def detect(self) -> BackgroundTask | None:
        """Recognise the file's format off the UI thread (format modules load on first use)."""
        self._timer.stop()
        path = self.path()
        self._generation += 1
        generation = self._generation
        self._detection, self._detection_error = None, ""
        if path is None:
            self._show_detection()
            self.completeChanged.emit()
            return None

        def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> Detection:
            return detect_format(path)

        task = BackgroundTask(work, parent=self._wizard, show_progress=False, report_failures=False)
        task.succeeded.connect(lambda found: self._detected(generation, found, ""))
        task.failed.connect(lambda error: self._detected(generation, None, error))
        task.finished.connect(lambda: self._detection_done(task))
        self._detecting = task
        self._show_detection()
        self.completeChanged.emit()
        self._wizard.task_launched.emit(task)
        task.start()
        return task

    def _detected(
        self, generation: int, found: Detection | None, error: BaseException | str
    ) -> None:
        if not shiboken6.isValid(self) or generation != self._generation:
            return
        if isinstance(error, BaseException) and not isinstance(error, LibraryError):
            report_error(self, error, self.tr("The file could not be recognised."))
        self._detection = found
        self._detection_error = str(error) if error else ""

    def _detection_done(self, task: BackgroundTask) -> None:
        if not shiboken6.isValid(self):
            return
        if self._detecting is task:
            self._detecting = None
        self._show_detection()
        self.completeChanged.emit()
        self.detection_finished.emit()

    def _show_detection(self) -> None:
        label = self.detection_label
        label.setStyleSheet("")
        path = self.path()
        if path is None:
            label.clear()
        elif self.detecting:
            label.setText(self.tr("Recognising the file…"))
        elif self._detection_error:
            label.setStyleSheet(ERROR_STYLE)
            label.setText(
                self.tr("The file was not recognised: {reason}").format(
                    reason=self._detection_error
                )
            )
        elif self._detection is not None:
            found = self._detection
            if not found.by_content:
                text = self.tr("{format}, judged by the file name only.")
            elif found.confidence >= 50:
                text = self.tr("Recognised as {format}.")
            else:
                text = self.tr("Probably {format}; if not, choose the format above.")
            label.setText(
                text.format(format=found.format.label)
                + " "
                + self.tr("The encoding is found when the file is read (next pages).")
            )
        else:
            label.clear()


class MappingPage(QWizardPage):
    """One field per column of a CSV or XLSX file, over a preview of its first rows."""

    preview_finished = Signal()
    """A preview was shown, or could not be made."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self._preview: TablePreview | None = None
        self._chosen: dict[str, str] = {}  # header → field the librarian picked
        self._error = ""
        self._filling = False

        layout = QVBoxLayout(self)
        self.info = QLabel(self)
        self.info.setObjectName("previewInfo")
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        options = QHBoxLayout()
        self.delimiter_label = QLabel(self)
        self.delimiter_combo = QComboBox(self)
        self.delimiter_combo.setObjectName("delimiterCombo")
        self.delimiter_combo.addItem("", None)
        for value in DELIMITERS:
            self.delimiter_combo.addItem("", value)
        self.delimiter_label.setBuddy(self.delimiter_combo)
        self.sheet_label = QLabel(self)
        self.sheet_combo = QComboBox(self)
        self.sheet_combo.setObjectName("sheetCombo")
        self.sheet_label.setBuddy(self.sheet_combo)
        self.separator_label = QLabel(self)
        self.separator_edit = QLineEdit(";", self)
        self.separator_edit.setObjectName("separatorEdit")
        self.separator_edit.setMaximumWidth(50)
        self.separator_label.setBuddy(self.separator_edit)
        for widget in (
            self.delimiter_label,
            self.delimiter_combo,
            self.sheet_label,
            self.sheet_combo,
            self.separator_label,
            self.separator_edit,
        ):
            options.addWidget(widget)
        options.addStretch(1)
        layout.addLayout(options)
        self.table = QTableWidget(self)
        self.table.setObjectName("previewTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        layout.addWidget(self.table, 1)
        self.problem = QLabel(self)
        self.problem.setObjectName("mappingProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        layout.addWidget(self.problem)

        self.delimiter_combo.currentIndexChanged.connect(self._reload)
        self.sheet_combo.currentIndexChanged.connect(self._reload)
        wizard.busy_changed.connect(self._busy_changed)

    def _busy_changed(self, busy: bool) -> None:
        for widget in (self.delimiter_combo, self.sheet_combo, self.separator_edit, self.table):
            widget.setEnabled(not busy)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(
            self.tr(
                "Check which field each column holds. Columns set to “do not import” are left out."
            )
        )
        self.delimiter_label.setText(self.tr("Columns &separated by:"))
        names = [self.tr("Recognise"), self.tr("Semicolon ;"), self.tr("Comma ,")]
        names += [self.tr("Tab"), self.tr("Vertical bar |")]
        for index, name in enumerate(names):
            self.delimiter_combo.setItemText(index, name)
        self.sheet_label.setText(self.tr("S&heet:"))
        self.separator_label.setText(self.tr("Several &values in a cell separated by:"))
        if self.table.rowCount():
            self.table.setVerticalHeaderItem(0, QTableWidgetItem(self.tr("Field")))
        self._fill_combos_text()
        self._show_info()

    # --- the preview ----------------------------------------------------------------------------

    def initializePage(self) -> None:
        tabular = self._wizard.format_id
        self.delimiter_label.setVisible(tabular == "csv")
        self.delimiter_combo.setVisible(tabular == "csv")
        self.sheet_label.setVisible(tabular == "xlsx")
        self.sheet_combo.setVisible(tabular == "xlsx")
        self._filling = True
        self.sheet_combo.clear()
        self.delimiter_combo.setCurrentIndex(0)
        self._filling = False
        self._preview, self._chosen = None, {}
        self.load_preview()

    def _reload(self) -> None:
        if not self._filling and self._wizard.currentPage() is self:
            self._remember_choices()
            self.load_preview()

    def load_preview(self) -> BackgroundTask | None:
        path = self._wizard.path
        if path is None or self._wizard.busy:
            return None
        options = ReadOptions(encoding=self._wizard.file_page.encoding())
        options.columns = dict(self._chosen) or None
        options.delimiter = self.delimiter_combo.currentData()
        options.sheet = self.sheet_combo.currentText() or None

        def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> TablePreview:
            from library_app.interchange.tabular import preview

            return preview(path, options, rows=PREVIEW_ROWS)

        self._error = ""
        self.problem.clear()
        task = self._wizard.run(
            work,
            title=self.tr("Import records"),
            label=self.tr("Reading the first rows of {name}…").format(name=path.name),
            report_failures=False,
        )
        task.succeeded.connect(self._previewed)
        task.failed.connect(self._preview_failed)
        task.finished.connect(self._preview_done)
        return task

    def _previewed(self, found: TablePreview) -> None:
        if shiboken6.isValid(self):
            self._preview = found
            self._fill_table(found)

    def _preview_failed(self, error: BaseException) -> None:
        if not shiboken6.isValid(self):
            return
        if not isinstance(error, LibraryError):
            report_error(self, error, self.tr("The file could not be read."))
        self._preview = None
        self._error = str(error)
        self.table.clear()
        self.table.setRowCount(0)
        self.table.setColumnCount(0)

    def _preview_done(self) -> None:
        if shiboken6.isValid(self):
            self._show_info()
            self.completeChanged.emit()
            self.preview_finished.emit()

    def _fill_table(self, found: TablePreview) -> None:
        self._filling = True
        if found.sheet_names and self.sheet_combo.count() != len(found.sheet_names):
            self.sheet_combo.clear()
            self.sheet_combo.addItems(found.sheet_names)
        if found.sheet:
            self.sheet_combo.setCurrentText(found.sheet)
        self._filling = False
        self.table.clear()
        self.table.setColumnCount(len(found.headers))
        self.table.setRowCount(len(found.rows) + 1)
        self.table.setHorizontalHeaderLabels(found.headers)
        self.table.setVerticalHeaderItem(0, QTableWidgetItem(self.tr("Field")))
        fields = table_fields()
        for column, header in enumerate(found.headers):
            combo = QComboBox(self.table)
            combo.setObjectName(f"fieldCombo{column}")
            for field_id, name in fields:
                combo.addItem(name, field_id)
            combo.setCurrentIndex(max(0, combo.findData(found.columns.get(header, "ignore"))))
            combo.currentIndexChanged.connect(lambda _i: self._mapping_changed())
            self.table.setCellWidget(0, column, combo)
        for row, cells in enumerate(found.rows, start=1):
            self.table.setVerticalHeaderItem(row, QTableWidgetItem(str(row)))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        for column in range(self.table.columnCount()):
            self.table.setColumnWidth(column, min(max(self.table.columnWidth(column), 120), 260))

    def _fill_combos_text(self) -> None:
        names = dict(table_fields())
        for combo in self.combos():
            for index in range(combo.count()):
                combo.setItemText(index, names.get(combo.itemData(index), combo.itemData(index)))

    def combos(self) -> list[QComboBox]:
        """The field chooser of each column, left to right."""
        found = [self.table.cellWidget(0, c) for c in range(self.table.columnCount())]
        return [combo for combo in found if isinstance(combo, QComboBox)]

    def set_field(self, header: str, field_id: str) -> None:
        """Map the column ``header`` to ``field_id`` (as choosing it in its combo does)."""
        if self._preview is None:
            return
        column = self._preview.headers.index(header)
        combo = self.combos()[column]
        combo.setCurrentIndex(combo.findData(field_id))

    def _mapping_changed(self) -> None:
        self._remember_choices()
        self._show_info()
        self.completeChanged.emit()

    def _remember_choices(self) -> None:
        if self._preview is not None:
            self._chosen.update(self.columns())

    def columns(self) -> dict[str, str]:
        if self._preview is None:
            return {}
        return {
            header: str(combo.currentData())
            for header, combo in zip(self._preview.headers, self.combos(), strict=False)
        }

    def fill_options(self, options: ReadOptions) -> None:
        """Put the mapping, the separators and the sheet into ``options``."""
        options.columns = self.columns() or None
        options.multi_value_separator = self.separator_edit.text() or ";"
        if self._preview is not None:
            options.delimiter = self._preview.delimiter or None
            options.sheet = self._preview.sheet or None
            if self._preview.encoding and options.encoding is None:
                options.encoding = self._preview.encoding

    def _show_info(self) -> None:
        found = self._preview
        if self._error:
            text = self.tr("The file could not be read: {reason}")
            self.info.setText(text.format(reason=self._error))
            self.problem.clear()
            return
        if found is None:
            self.info.setText(self.tr("Reading the first rows…"))
            return
        parts = [self.tr("The header is in row {row}.").format(row=found.header_row)]
        if found.encoding:
            parts.append(self.tr("Encoding: {encoding}.").format(encoding=found.encoding))
        if found.delimiter:
            shown = self.tr("tab") if found.delimiter == "\t" else found.delimiter
            parts.append(self.tr("Columns separated by «{delimiter}».").format(delimiter=shown))
        parts.append(self.tr("%Ln row(s) shown.", "", len(found.rows)))
        self.info.setText(" ".join(parts))
        if "title" not in self.columns().values():
            self.problem.setText(self.tr("Choose the column that holds the title."))
        else:
            self.problem.clear()

    def isComplete(self) -> bool:
        return (
            not self._wizard.busy
            and self._preview is not None
            and "title" in self.columns().values()
        )
