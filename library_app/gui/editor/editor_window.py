"""The cataloguing editor: one non-modal window per record being created or edited.

The window holds the description form, the copies and the attachments of one record, a
possible-duplicate warning above them and, at the bottom, a line that says what still prevents
saving.  All changes go onto one QUndoStack (the copies tab shares it), whose clean state is
"saved": the window title shows "*" while it differs, and closing then asks whether to save.

Saving runs in a BackgroundTask (a remote PostgreSQL may be slow): ``add`` for a new record,
``update`` for an existing one — which refuses if someone else changed the record since it was
loaded; new attachments are stored in the same background work.  Whatever goes wrong, the draft
stays in the window, so nothing typed is lost.

The editor does not open other windows: "new record", "duplicate as template" and "open the
possible duplicate" are signals the main window answers.
"""

from __future__ import annotations

import copy
import logging

import shiboken6
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from library_app.core.errors import ConflictError, LibraryError
from library_app.core.model import Record
from library_app.core.progress import CancelCheck, ProgressCallback
from library_app.core.validation import Problem, Severity
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.gui.app_settings import AppSettings
from library_app.gui.editor.attachments_tab import AttachmentsTab
from library_app.gui.editor.copies_tab import CopiesTab
from library_app.gui.editor.duplicate_warning import DuplicateWarning
from library_app.gui.editor.record_fields import locate
from library_app.gui.editor.record_form import RecordForm
from library_app.gui.errors import report_error
from library_app.gui.tasks import BackgroundTask

log = logging.getLogger(__name__)

GEOMETRY_KEY = "editor/geometry"
SUMMARY_ITEMS = 3
"""How many problems the summary line spells out before "…"."""
TITLE_LENGTH = 60

PROBLEM_STYLE = """
QLineEdit[problem="error"], QPlainTextEdit[problem="error"] { border: 1px solid #c62828; }
QLineEdit[problem="warning"], QPlainTextEdit[problem="warning"] { border: 1px solid #d49a00; }
QLabel[problem="error"] { color: #b71c1c; }
QLabel[problem="warning"] { color: #8a6100; }
"""


class RecordEditor(QMainWindow):
    """Edit ``record`` (a new one when it is None or has no id); see the module docstring."""

    saved = Signal(int)
    """The record was saved; its id (new records have one from now on)."""
    open_record_requested = Signal(int)
    """The user wants to see another record (a possible duplicate)."""
    new_record_requested = Signal()
    """Ctrl+N: the main window opens an editor for a new record."""
    duplicate_requested = Signal(object)
    """"Duplicate as template": the main window opens ``from_template`` on this Record."""
    task_launched = Signal(object)
    """A BackgroundTask (saving) is about to start."""

    def __init__(
        self,
        catalog: Catalog,
        app_settings: AppSettings,
        record: Record | None = None,
        *,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("RecordEditor")
        self._catalog = catalog
        self._settings = app_settings
        self._record = copy.deepcopy(record) if record is not None else Record(title="")
        self._saving: BackgroundTask | None = None
        self._close_after_save = False
        self._closing = False
        self._from_template = False
        self.undo_stack = QUndoStack(self)
        self.setStyleSheet(PROBLEM_STYLE)
        self._create_actions()
        self._create_central()
        self._create_menus()
        self.statusBar()
        self.undo_stack.cleanChanged.connect(self._stack_changed)
        self.undo_stack.indexChanged.connect(self._stack_changed)
        self._load(self._record)
        self.retranslate_ui()
        geometry = app_settings.bytes_value(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(900, 780)
        self.form.first_focus_widget().setFocus()

    @classmethod
    def from_template(
        cls,
        catalog: Catalog,
        app_settings: AppSettings,
        record: Record,
        *,
        parent: QWidget | None = None,
    ) -> RecordEditor:
        """A new record pre-filled from ``record``: no id, copies, files, control number or
        imported source record;
        the title is selected and marked until the cataloguer changes it."""
        template = copy.deepcopy(record)
        template.id, template.version = None, 0
        template.copies, template.attachments = [], []
        template.control_number = template.control_source = ""
        template.source = None  # the partner's MARC record describes the original, not this one
        template.created_at = template.updated_at = template.deleted_at = None
        editor = cls(catalog, app_settings, template, parent=parent)
        editor._from_template = True
        editor.form.mark_template(record.title)
        editor._update_state()
        return editor

    # --- building ---------------------------------------------------------------------------

    def _create_actions(self) -> None:
        def action(name: str, slot: object, *keys: QKeySequence) -> QAction:
            created = QAction(self)
            created.setObjectName(name)
            created.setShortcuts(list(keys))
            created.triggered.connect(slot)
            self.addAction(created)
            return created

        standard = QKeySequence.StandardKey
        self.save_action = action("saveAction", self.save, QKeySequence(standard.Save))
        self.save_close_action = action(
            "saveCloseAction", self.save_and_close, QKeySequence("Ctrl+Return")
        )
        self.duplicate_action = action(
            "duplicateAction", self.duplicate_as_template, QKeySequence("Ctrl+D")
        )
        self.new_action = action(
            "newRecordAction",
            self.new_record_requested.emit,
            QKeySequence(standard.New),
        )
        self.close_action = action("closeAction", self.close, QKeySequence(standard.Close))
        self.undo_action = self.undo_stack.createUndoAction(self)
        self.undo_action.setObjectName("undoAction")
        self.undo_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.redo_action = self.undo_stack.createRedoAction(self)
        self.redo_action.setObjectName("redoAction")
        redo_keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)
        if QKeySequence("Ctrl+Y") not in redo_keys:
            redo_keys.append(QKeySequence("Ctrl+Y"))
        self.redo_action.setShortcuts(redo_keys)
        self.addActions([self.undo_action, self.redo_action])

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.record_menu = bar.addMenu("")
        self.record_menu.addActions([self.save_action, self.save_close_action])
        self.record_menu.addSeparator()
        self.record_menu.addActions([self.new_action, self.duplicate_action])
        self.record_menu.addSeparator()
        self.record_menu.addAction(self.close_action)
        self.edit_menu = bar.addMenu("")
        self.edit_menu.addActions([self.undo_action, self.redo_action])
        self.toolbar = self.addToolBar("")
        self.toolbar.setObjectName("editorToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.addActions([self.save_action, self.undo_action, self.redo_action])
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.duplicate_action)

    def _create_central(self) -> None:
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 6, 8, 6)
        self.duplicate_warning = DuplicateWarning(self._catalog, central)
        self.duplicate_warning.open_requested.connect(self.open_record_requested)
        layout.addWidget(self.duplicate_warning)
        self.tabs = QTabWidget(central)
        self.tabs.setObjectName("editorTabs")
        self.form = RecordForm(self._catalog, self.undo_stack, self.tabs)
        self.copies_tab = CopiesTab(self._catalog, self._settings, self.undo_stack, self.tabs)
        self.attachments_tab = AttachmentsTab(self._catalog, self.tabs)
        self.tabs.addTab(self.form, "")
        self.tabs.addTab(self.copies_tab, "")
        self.tabs.addTab(self.attachments_tab, "")
        layout.addWidget(self.tabs, 1)
        self.form.guard.guard(self.copies_tab)  # one undo history for the whole window
        self.form.changed.connect(self._content_changed)
        self.copies_tab.changed.connect(self._update_state)
        self.copies_tab.problems_changed.connect(self._update_state)  # catalog checks too
        self.attachments_tab.changed.connect(self._update_state)

        bottom = QHBoxLayout()
        self.error_label = QLabel(central)
        self.error_label.setObjectName("problemSummary")
        self.error_label.setWordWrap(True)
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        bottom.addWidget(self.error_label, 1)
        self.save_button = QToolButton(central)
        self.save_button.setObjectName("saveButton")
        self.save_button.setDefaultAction(self.save_action)
        self.save_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.save_close_button = QToolButton(central)
        self.save_close_button.setObjectName("saveCloseButton")
        self.save_close_button.setDefaultAction(self.save_close_action)
        self.save_close_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        bottom.addWidget(self.save_button)
        bottom.addWidget(self.save_close_button)
        layout.addLayout(bottom)
        self.setCentralWidget(central)

    # --- texts ------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.record_menu.setTitle(self.tr("&Record"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.toolbar.setWindowTitle(self.tr("Record"))
        self.save_action.setText(self.tr("&Save"))
        self.save_action.setToolTip(self.tr("Save the record (Ctrl+S)"))
        self.save_close_action.setText(self.tr("Save and &close"))
        self.duplicate_action.setText(self.tr("&Duplicate as template"))
        self.duplicate_action.setStatusTip(
            self.tr("Start a new record with this description filled in (no copies or files)")
        )
        self.new_action.setText(self.tr("&New record"))
        self.close_action.setText(self.tr("&Close"))
        self.tabs.setTabText(self.tabs.indexOf(self.form), self.tr("&Description"))
        self.tabs.setTabText(self.tabs.indexOf(self.copies_tab), self.tr("C&opies"))
        self.tabs.setTabText(self.tabs.indexOf(self.attachments_tab), self.tr("&Attachments"))
        self._update_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- the record -------------------------------------------------------------------------

    @property
    def record_id(self) -> int | None:
        """The id of the record edited (None until a new record is saved)."""
        return self._record.id

    def current_record(self) -> Record:
        """The draft with its copies: what saving would store."""
        record = self.form.record()
        record.copies = self.copies_tab.copies()
        return record

    def is_modified(self) -> bool:
        """Something here is not in the catalog yet."""
        return (
            not self.undo_stack.isClean()
            or self._from_template
            or bool(self.attachments_tab.pending_files())
        )

    def _load(self, record: Record) -> None:
        self.form.set_record(record)
        self.copies_tab.set_copies(copy.deepcopy(record.copies), record.id)
        self.attachments_tab.set_record(record.id, copy.deepcopy(record.attachments))
        self.undo_stack.clear()
        self._content_changed()

    def _content_changed(self) -> None:
        self.duplicate_warning.check(self.form.record())
        self._update_state()

    def problems(self) -> list[tuple[Severity, str]]:
        """Everything that is wrong, as the summary line describes it (errors first)."""
        found = [(p.severity, self._describe(p)) for p in self.form.problems()]
        found += [(Severity.ERROR, text) for text in self.copies_tab.problems()]
        return sorted(found, key=lambda item: item[0] != Severity.ERROR)

    def _describe(self, problem: Problem) -> str:
        key, _index, _sub = locate(problem.field)
        if key not in self.form.inputs and key not in self.form.lists:
            return str(problem)
        # No row number: the list itself says which row, and messages name the value.
        return f"{self.form.label(key)}: {problem.message}"

    def _stack_changed(self, *_args: object) -> None:
        # The stack also reports while the window is being destroyed (it clears itself).
        if shiboken6.isValid(self.undo_stack) and shiboken6.isValid(self.error_label):
            self._update_state()

    def _update_state(self) -> None:
        problems = self.problems()
        errors = [text for severity, text in problems if severity == Severity.ERROR]
        warnings = [text for severity, text in problems if severity == Severity.WARNING]
        if errors:
            shown = "; ".join(errors[:SUMMARY_ITEMS]) + (
                "; …" if len(errors) > SUMMARY_ITEMS else ""
            )
            text = self.tr("%n problem(s) prevent saving: ", "", len(errors)) + shown
            state = Severity.ERROR.value
        elif warnings:
            shown = "; ".join(warnings[:SUMMARY_ITEMS])
            text = self.tr("Can be saved; please check: ") + shown
            state = Severity.WARNING.value
        else:
            text, state = "", ""
        self.error_label.setText(text)
        if self.error_label.property("problem") != state:
            self.error_label.setProperty("problem", state)
            self.error_label.style().unpolish(self.error_label)
            self.error_label.style().polish(self.error_label)
        new = self._record.id is None
        self.save_action.setEnabled(
            not errors and self._saving is None and (new or self.is_modified())
        )
        self.save_close_action.setEnabled(not errors and self._saving is None)
        self.duplicate_action.setEnabled(not new or self.is_modified())
        self.setWindowModified(self.is_modified())
        title = self.form.title_edit.text().strip()
        if len(title) > TITLE_LENGTH:
            title = title[: TITLE_LENGTH - 1] + "…"
        name = title or self.tr("New record")
        self.setWindowTitle(self.tr("{record}[*] — Record editor").format(record=name))

    # --- saving -----------------------------------------------------------------------------

    def save(self) -> BackgroundTask | None:
        """Store the draft in the background; None if it cannot be saved now."""
        if self._saving is not None or any(s == Severity.ERROR for s, _ in self.problems()):
            return None
        record = self.current_record()
        catalog, attachments = self._catalog, self.attachments_tab
        index = self.undo_stack.index()

        def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> tuple:
            repository = RecordRepository(catalog)
            stored = repository.add(record) if record.id is None else repository.update(record)
            assert stored.id is not None
            try:
                if attachments.attach_pending(stored.id):
                    stored = repository.get(stored.id)
            except LibraryError as error:  # the record is saved; say so, then the rest
                return stored, error
            return stored, None

        task = BackgroundTask(
            work,
            parent=self,
            title=self.tr("Save record"),
            label=self.tr("Saving the record…"),
            report_failures=False,
        )
        task.succeeded.connect(lambda result: self._saved(result, index))
        task.failed.connect(self._save_failed)
        task.finished.connect(self._save_finished)
        self._saving = task
        self._update_state()
        self.task_launched.emit(task)
        task.start()
        return task

    def save_and_close(self) -> None:
        if self.save() is not None:
            self._close_after_save = True
        elif not self.is_modified() and self._saving is None:
            self.close()

    def _saved(self, result: tuple[Record, LibraryError | None], index: int) -> None:
        stored, attach_error = result
        assert stored.id is not None
        self._record = stored
        self._from_template = False
        if self.undo_stack.index() == index:
            # Nothing was typed meanwhile: show what was stored (normalised ISBN, version).
            shown = [c.inventory_number for c in self.copies_tab.copies()]
            self.form.set_record(stored)
            self.copies_tab.set_copies(copy.deepcopy(stored.copies), stored.id)
            if [c.inventory_number for c in stored.copies] != shown:
                # The copies' undo steps address rows; they came back in another order.
                self.undo_stack.clear()
            self.undo_stack.setClean()
        else:
            self.form.adopt_saved(stored)  # keep the newer typing; it is the next change
        if attach_error is None:
            self.attachments_tab.set_record(stored.id, copy.deepcopy(stored.attachments))
        # else the files that failed stay waiting: saving again attaches them.
        self.statusBar().showMessage(self.tr("Saved."), 5000)
        self._content_changed()
        self.saved.emit(stored.id)
        if attach_error is not None:
            self._close_after_save = False
            report_error(
                self, attach_error, self.tr("The record was saved, but files were not attached.")
            )

    def _save_failed(self, error: BaseException) -> None:
        self._close_after_save = False
        if isinstance(error, ConflictError):
            QMessageBox.warning(
                self,
                self.tr("Record not saved"),
                self.tr(
                    "The record was not saved: {reason}.\n\nEverything you typed is still in "
                    "this window. Open the record again from the catalog in another window to "
                    "see the other change, then bring the two together."
                ).format(reason=str(error)),
            )
        else:
            report_error(
                self,
                error,
                self.tr("The record was not saved. Everything you typed is still in the editor."),
            )

    def _save_finished(self) -> None:
        self._saving = None
        self._update_state()
        if self._close_after_save and not self.is_modified():
            self._close_after_save = False
            self.close()

    def duplicate_as_template(self) -> None:
        """Ask for a new record pre-filled from this one (the main window opens it)."""
        self.duplicate_requested.emit(self.current_record())

    # --- closing ----------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._saving is not None:
            self._close_after_save = True  # closes once the record is stored
            event.ignore()
            return
        if self.is_modified() and not self._confirm_close():
            event.ignore()
            return
        self._closing = True
        self.form.shutdown()
        self._settings.set_bytes_value(GEOMETRY_KEY, self.saveGeometry())
        super().closeEvent(event)

    def _confirm_close(self) -> bool:
        """Save / Discard / Cancel; True when the window may close now."""
        buttons = QMessageBox.StandardButton
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("The record has changes that are not saved. Save them before closing?"),
            buttons.Save | buttons.Discard | buttons.Cancel,
            buttons.Save,
        )
        if answer == buttons.Discard:
            return True
        if answer == buttons.Save:
            if self.save() is not None:
                self._close_after_save = True
            else:
                errors = [text for severity, text in self.problems() if severity == Severity.ERROR]
                QMessageBox.warning(
                    self,
                    self.tr("Record not saved"),
                    self.tr("The record cannot be saved yet: {problems}").format(
                        problems="; ".join(errors)
                    ),
                )
        return False
