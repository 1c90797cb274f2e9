"""The copies of a record, edited in place: inventory number, barcode, location, status …

Librarians add several copies of one book at once, so "Add copies…" takes the next free
inventory numbers under the library's pattern (``services.inventory``) and gives each new copy
the location and shelf mark of the copy before it.  Numbers must be unique in the whole
catalog: a number typed twice here, or already carried by a copy of another record, is marked
on its cell and listed by ``problems()`` so the editor keeps Save disabled.  The catalog is asked
in a background task a moment after typing stops; the answer for an older state is dropped.

Every change is a QUndoCommand on the editor's stack, so one Ctrl+Z history covers the
description and the copies alike.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import defaultdict
from string import Formatter

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from library_app.core.model import Copy, CopyStatus
from library_app.core.progress import CancelCheck, ProgressCallback
from library_app.core.validation import validate_copies
from library_app.db import lookups
from library_app.db.catalog import Catalog
from library_app.gui.app_settings import AppSettings
from library_app.gui.editor.copies_model import (
    COLUMNS,
    AddCopiesCommand,
    CopiesModel,
    CopyDelegate,
    RemoveCopiesCommand,
    column_title,
)
from library_app.gui.tasks import BackgroundTask
from library_app.services.inventory import next_numbers, pattern_problem

log = logging.getLogger(__name__)

CHECK_DELAY_MS = 300
"""Pause in typing after which the catalog is asked whether the numbers are free."""
MAX_NEW_COPIES = 500


def fixed_prefix(pattern: str) -> str:
    """The pattern's literal beginning ("INV-" of "INV-{year}-{n}"): only numbers that start
    with it can belong to the series, so only those are fetched from the catalog."""
    try:
        first = next(iter(Formatter().parse(pattern)), None)
    except ValueError:
        return ""
    return first[0] if first else ""


class CopiesTab(QWidget):
    """The copies table with its buttons; see the module docstring."""

    changed = Signal()
    """The copies, or what is wrong with them, changed."""
    problems_changed = Signal()
    """``problems()`` changed (also after a catalog check that found or cleared a clash)."""
    checked = Signal()
    """A check of the numbers against the catalog finished (tests and status displays)."""

    def __init__(
        self,
        catalog: Catalog,
        app_settings: AppSettings,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("copiesTab")
        self._catalog = catalog
        self._settings = app_settings
        self._undo = undo_stack
        self._record_id: int | None = None
        self._clashes: dict[tuple[str, str], list[lookups.CopyUse]] = {}
        self._problems: list[str] = []
        self._check_generation = 0
        self._checks_running = 0
        self._adding: BackgroundTask | None = None

        self.model = CopiesModel(undo_stack, self)
        self.model.edited.connect(self._copies_changed)
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self._start_check)
        self._build()
        self.retranslate_ui()
        self._update_buttons()

    # --- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.add_action = QAction(self)
        self.add_action.setShortcut(QKeySequence(Qt.Key.Key_Insert))
        self.add_action.triggered.connect(lambda: self.add_copies(1))
        self.add_many_action = QAction(self)
        self.add_many_action.setShortcut(QKeySequence("Shift+Ins"))
        self.add_many_action.triggered.connect(self.ask_and_add_copies)
        self.remove_action = QAction(self)
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.triggered.connect(self.remove_selected)
        for action in (self.add_action, self.add_many_action, self.remove_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addCopyButton")
        self.add_button.clicked.connect(self.add_action.trigger)
        self.add_many_button = QPushButton(self)
        self.add_many_button.setObjectName("addCopiesButton")
        self.add_many_button.clicked.connect(self.add_many_action.trigger)
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("removeCopyButton")
        self.remove_button.clicked.connect(self.remove_action.trigger)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.add_many_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("copiesCount")
        buttons.addWidget(self.count_label)
        layout.addLayout(buttons)

        self.table = QTableView(self)
        self.table.setObjectName("copiesTable")
        self.table.setModel(self.model)
        self.table.setItemDelegate(CopyDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setTabKeyNavigation(True)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((110, 110, 140, 100, 100, 100, 110, 80, 60)):
            self.table.setColumnWidth(column, width)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        layout.addWidget(self.table, 1)

        self.problem_label = QLabel(self)
        self.problem_label.setObjectName("copiesProblems")
        self.problem_label.setWordWrap(True)
        self.problem_label.setStyleSheet("color: #b71c1c;")
        layout.addWidget(self.problem_label)

    # --- texts --------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.add_action.setText(self.tr("&Add copy"))
        self.add_action.setToolTip(self.tr("Add a copy with the next free inventory number (Ins)"))
        self.add_many_action.setText(self.tr("Add &copies…"))
        self.add_many_action.setToolTip(
            self.tr("Add several copies with consecutive inventory numbers (Shift+Ins)")
        )
        self.remove_action.setText(self.tr("&Remove copy"))
        self.remove_action.setToolTip(self.tr("Remove the selected copies (Del)"))
        self.add_button.setText(self.add_action.text())
        self.add_button.setToolTip(self.add_action.toolTip())
        self.add_many_button.setText(self.add_many_action.text())
        self.add_many_button.setToolTip(self.add_many_action.toolTip())
        self.remove_button.setText(self.remove_action.text())
        self.remove_button.setToolTip(self.remove_action.toolTip())
        self.table.setAccessibleName(self.tr("Copies"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._update_count()
        self._update_problems(notify=False)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- loading and reading ------------------------------------------------------------------

    def set_copies(self, copies: list[Copy], record_id: int | None) -> None:
        """Show ``copies`` of record ``record_id`` (None: not saved yet); no undo command.

        The editor clears its undo stack after loading: commands pushed before refer to rows
        of the previous list."""
        self._record_id = record_id
        self._clashes = {}
        self.model.set_copies([dataclasses.replace(c) for c in copies])
        self._update_count()
        self._update_problems()
        self._schedule_check()

    def copies(self) -> list[Copy]:
        """The copies as shown, with the ids and versions of stored copies kept."""
        return [dataclasses.replace(c) for c in self.model.copies]

    def problems(self) -> list[str]:
        """Sentences about what prevents saving the copies (empty when they can be saved)."""
        return list(self._problems)

    @property
    def is_checking(self) -> bool:
        """A check against the catalog is waiting or running; problems() may still change."""
        return self._check_timer.isActive() or self._checks_running > 0

    # --- adding and removing --------------------------------------------------------------------

    def ask_and_add_copies(self) -> None:
        count, ok = QInputDialog.getInt(
            self,
            self.tr("Add copies"),
            self.tr("How many copies?"),
            2,
            1,
            MAX_NEW_COPIES,
        )
        if ok:
            self.add_copies(count)

    def add_copies(self, count: int = 1) -> BackgroundTask | None:
        """Add ``count`` copies numbered after the highest number of the pattern's series.

        The catalog's numbers are read in the background; the copies appear when they have
        arrived (None is returned when nothing was started)."""
        if self._adding is not None or count < 1:
            return None
        pattern = self._settings.inventory_pattern
        problem = pattern_problem(pattern)
        if problem is not None:
            QMessageBox.warning(
                self,
                self.tr("Add copies"),
                self.tr(
                    "The inventory number pattern «{pattern}» cannot be used: {problem}.\n\n"
                    "Change it in the settings."
                ).format(pattern=pattern, problem=problem),
            )
            return None
        catalog, prefix = self._catalog, fixed_prefix(pattern)
        in_table = {c.inventory_number for c in self.model.copies}

        def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> list[str]:
            # Scanning 100k numbers takes a noticeable moment: not on the UI thread.
            taken = set(lookups.inventory_numbers(catalog, prefix)) | in_table
            return next_numbers(pattern, taken, count)

        task = BackgroundTask(
            work,
            parent=self,
            show_progress=False,
            error_context=self.tr("No copies were added."),
        )
        task.succeeded.connect(lambda numbers: self._add_numbered(pattern, numbers))
        task.finished.connect(self._adding_finished)
        self._adding = task
        self._update_buttons()
        task.start()
        return task

    def _add_numbered(self, pattern: str, numbers: list[str]) -> None:
        in_table = {c.inventory_number for c in self.model.copies}
        if in_table & set(numbers):
            # Typed into the table meanwhile: continue after both (the catalog's numbers are
            # all below the ones just computed).
            numbers = next_numbers(pattern, in_table | set(numbers), len(numbers))
        previous = self.model.copies[-1] if self.model.copies else None
        new = [
            Copy(
                inventory_number=number,
                location=previous.location if previous else "",
                shelf_mark=previous.shelf_mark if previous else "",
            )
            for number in numbers
        ]
        row = self.model.rowCount()
        text = self.tr("Add %n copy(ies)", "", len(new))
        self._undo.push(AddCopiesCommand(self.model, row, new, text))
        # The librarian scans the barcode next.
        self.table.setCurrentIndex(self.model.index(row, COLUMNS.index("barcode")))
        self.table.setFocus()

    def _adding_finished(self) -> None:
        self._adding = None
        self._update_buttons()

    def selected_rows(self) -> list[int]:
        rows = {index.row() for index in self.table.selectionModel().selectedIndexes()}
        current = self.table.currentIndex()
        if not rows and current.isValid():
            rows = {current.row()}
        return sorted(rows)

    def remove_selected(self) -> None:
        """Remove the selected copies; undo brings them back, so only loans are confirmed."""
        rows = self.selected_rows()
        if not rows:
            return
        on_loan = [
            self.model.copies[r].inventory_number
            for r in rows
            if self.model.copies[r].status == CopyStatus.ON_LOAN
        ]
        if on_loan:
            answer = QMessageBox.question(
                self,
                self.tr("Remove copies"),
                self.tr(
                    "%n copy(ies) to remove are on loan: {numbers}.\n\nRemove anyway?",
                    "",
                    len(on_loan),
                ).format(numbers=", ".join(on_loan)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        text = self.tr("Remove %n copy(ies)", "", len(rows))
        self._undo.push(RemoveCopiesCommand(self.model, rows, text))

    # --- state ------------------------------------------------------------------------------------

    def _copies_changed(self) -> None:
        self._update_count()
        self._update_buttons()
        self._update_problems()
        self._schedule_check()
        self.changed.emit()

    def _update_buttons(self) -> None:
        adding = self._adding is not None
        self.add_action.setEnabled(not adding)
        self.add_many_action.setEnabled(not adding)
        self.add_button.setEnabled(not adding)
        self.add_many_button.setEnabled(not adding)
        has_rows = bool(self.selected_rows()) if self.model.rowCount() else False
        self.remove_action.setEnabled(has_rows)
        self.remove_button.setEnabled(has_rows)

    def _update_count(self) -> None:
        copies = self.model.copies
        available = sum(1 for c in copies if c.status == CopyStatus.AVAILABLE)
        if not copies:
            self.count_label.setText(self.tr("No copies"))
            return
        self.count_label.setText(
            self.tr("%n copy(ies), {available} available", "", len(copies)).format(
                available=available
            )
        )

    # --- problems -------------------------------------------------------------------------------

    def _update_problems(self, *, notify: bool = True) -> None:
        """Recompute what is wrong from the table and the last catalog answer; mark cells."""
        cells: dict[tuple[int, int], list[str]] = defaultdict(list)
        sentences: list[str] = []
        copies = self.model.copies

        def mark(row: int, field: str, text: str) -> None:
            cells[(row, COLUMNS.index(field))].append(text)

        for field, label in (
            ("inventory_number", self.tr("Inventory number")),
            ("barcode", self.tr("Barcode")),
        ):
            rows_of: dict[str, list[int]] = defaultdict(list)
            for row, copy in enumerate(copies):
                value = getattr(copy, field).strip()
                if value:
                    rows_of[value].append(row)
                elif field == "inventory_number":
                    text = self.tr("The inventory number is empty.")
                    mark(row, field, text)
                    sentences.append(self._copy_sentence(row, text))
            for value, rows in rows_of.items():
                if len(rows) > 1:
                    numbers = ", ".join(str(r + 1) for r in rows)
                    text = self.tr("{label} {value} is given to copies {rows} here.").format(
                        label=label, value=value, rows=numbers
                    )
                    sentences.append(text)
                    for row in rows:
                        mark(row, field, text)
                for use in self._clashes.get((field, value), []):
                    if use.record_deleted:
                        text = self.tr(
                            "{label} {value} is already used by a copy of record {record} "
                            "(in the trash)."
                        )
                    else:
                        text = self.tr(
                            "{label} {value} is already used by a copy of record {record}."
                        )
                    text = text.format(label=label, value=value, record=use.record_id)
                    sentences.append(text)
                    for row in rows:
                        mark(row, field, text)
        for problem in validate_copies(copies):
            path = problem.field  # "copies[2].price"
            row = int(path[path.index("[") + 1 : path.index("]")])
            field = path.rsplit(".", 1)[-1]
            if field in ("inventory_number", "barcode") or field not in COLUMNS:
                continue  # said above, in the reader's words
            text = f"{column_title(field)}: {problem.message}"
            mark(row, field, text)
            sentences.append(self._copy_sentence(row, text))
        self.model.set_cell_problems(dict(cells))
        shown = sentences[:3] + (["…"] if len(sentences) > 3 else [])
        self.problem_label.setText(" ".join(shown))
        self.problem_label.setVisible(bool(sentences))
        if sentences != self._problems:
            self._problems = sentences
            if notify:
                self.problems_changed.emit()

    def _copy_sentence(self, row: int, text: str) -> str:
        number = self.model.copies[row].inventory_number.strip() or str(row + 1)
        return self.tr("Copy {number}: {problem}").format(number=number, problem=text)

    # --- checking against the catalog ----------------------------------------------------------

    def _schedule_check(self) -> None:
        self._check_timer.start()

    def _start_check(self) -> None:
        self._check_generation += 1
        generation = self._check_generation
        numbers = [c.inventory_number.strip() for c in self.model.copies]
        barcodes = [c.barcode.strip() for c in self.model.copies]
        numbers, barcodes = [n for n in numbers if n], [b for b in barcodes if b]
        catalog, record_id = self._catalog, self._record_id

        def work(
            progress: ProgressCallback, is_cancelled: CancelCheck
        ) -> tuple[int, list[lookups.CopyUse]]:
            if not numbers and not barcodes:
                return generation, []
            uses = lookups.copies_using(catalog, numbers, barcodes, exclude_record=record_id)
            return generation, uses

        task = BackgroundTask(work, parent=self, show_progress=False, report_failures=False)
        task.succeeded.connect(self._check_done)
        task.failed.connect(self._check_failed)
        task.finished.connect(self._check_finished)
        self._checks_running += 1
        task.start()

    def _check_done(self, result: tuple[int, list[lookups.CopyUse]]) -> None:
        generation, uses = result
        if generation != self._check_generation:
            return  # an answer about numbers that have changed since; a newer one follows
        clashes: dict[tuple[str, str], list[lookups.CopyUse]] = defaultdict(list)
        for use in uses:
            clashes[(use.field, use.value)].append(use)
        self._clashes = dict(clashes)
        before = self.problems()
        self._update_problems()
        if self.problems() != before:
            self.changed.emit()
        self.checked.emit()

    def _check_failed(self, error: BaseException) -> None:
        # Saving asks the database again and refuses a taken number with a message; a failed
        # check while typing (the server briefly away) is not worth a dialog.
        log.warning("checking inventory numbers failed: %s", error)
        self.checked.emit()

    def _check_finished(self) -> None:
        self._checks_running -= 1

    def cell_problems(self, row: int, field: str) -> list[str]:
        """What is wrong with one cell (what its tooltip says)."""
        return self.model.cell_problems.get((row, COLUMNS.index(field)), [])

    def index_of(self, row: int, field: str) -> QModelIndex | QPersistentModelIndex:
        return self.model.index(row, COLUMNS.index(field))
