"""What a librarian does to records from the main window: new, edit, duplicate as template,
delete to the trash, batch edit, the trash itself — and the editor windows that come of it.

Kept apart from the main window so the window stays a frame (menus, pages, background work) and
this stays the cataloguing workflow.  Every change ends in ``MainWindow.records_changed`` so the
list, the count and the search index follow.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMessageBox

from library_app.core.model import Record
from library_app.core.progress import CancelCheck, ProgressCallback
from library_app.db.records import RecordRepository
from library_app.gui.batch_edit_dialog import BatchEditDialog
from library_app.gui.editor.editor_window import RecordEditor
from library_app.gui.tasks import BackgroundTask
from library_app.gui.trash_view import TrashView

if TYPE_CHECKING:
    from library_app.gui.main_window import MainWindow


class RecordActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._catalog = window.catalog
        self.editors: dict[int | None, list[RecordEditor]] = {}

        def action(slot: object, shortcut: QKeySequence | str | None = None) -> QAction:
            created = QAction(window)
            if shortcut is not None:
                created.setShortcut(QKeySequence(shortcut))
            created.triggered.connect(slot)
            return created

        self.new_action = action(lambda: self.open_editor(None), QKeySequence.StandardKey.New)
        self.edit_action = action(self.edit_current, "Ctrl+E")
        self.duplicate_action = action(self.duplicate_current, "Ctrl+Shift+D")
        self.delete_action = action(self.delete_selected, QKeySequence.StandardKey.Delete)
        # Delete only while the result list has the focus: in a text field it deletes text.
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.batch_action = action(self.batch_edit_selected, "Ctrl+Shift+B")
        self.trash_action = action(self.show_trash)
        self.editing_actions = [
            self.new_action,
            self.edit_action,
            self.duplicate_action,
            self.delete_action,
            self.batch_action,
            self.trash_action,
        ]

    def retranslate_ui(self) -> None:
        self.new_action.setText(self.tr("&New record…"))
        self.new_action.setStatusTip(self.tr("Catalog a new book, report, article, map…"))
        self.edit_action.setText(self.tr("&Edit record…"))
        self.duplicate_action.setText(self.tr("D&uplicate as template…"))
        self.duplicate_action.setStatusTip(
            self.tr("Start a new record from a copy of the selected one")
        )
        self.delete_action.setText(self.tr("&Delete to trash"))
        self.batch_action.setText(self.tr("&Batch edit selected…"))
        self.trash_action.setText(self.tr("&Trash…"))
        self.trash_action.setStatusTip(self.tr("Records deleted from the catalog; restore them"))

    def set_selection(self, ids: list[int]) -> None:
        self.edit_action.setEnabled(len(ids) >= 1)
        self.duplicate_action.setEnabled(len(ids) == 1)
        self.delete_action.setEnabled(bool(ids))
        self.batch_action.setEnabled(bool(ids))

    # --- editors ----------------------------------------------------------------------------

    def open_editor(self, record_id: int | None) -> BackgroundTask | None:
        """Open an editor: empty for None, else the record read off the UI thread."""
        if self._window.reader_mode:
            return None
        if record_id is not None and self._raise_existing(record_id):
            return None
        if record_id is None:
            self._show_editor(None, None)
            return None
        return self._load(record_id, lambda record: self._show_editor(record_id, record))

    def edit_current(self) -> None:
        record_id = self._window.search_view.current_id()
        if record_id is not None:
            self.open_editor(record_id)

    def duplicate_current(self) -> BackgroundTask | None:
        record_id = self._window.search_view.current_id()
        if record_id is None or self._window.reader_mode:
            return None

        return self._load(record_id, self._open_template)

    def _open_template(self, record: Record) -> None:
        editor = RecordEditor.from_template(self._catalog, self._window.app_settings, record)
        self._track(None, editor)

    def _load(self, record_id: int, then: object) -> BackgroundTask:
        catalog = self._catalog

        def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> Record:
            return RecordRepository(catalog).get(record_id)

        task = BackgroundTask(
            work,
            parent=self._window,
            show_progress=False,
            error_context=self.tr("The record could not be opened."),
        )
        task.succeeded.connect(then)
        self._window.launch(task)
        return task

    def _raise_existing(self, record_id: int) -> bool:
        for editor in self.editors.get(record_id, []):
            editor.show()
            editor.raise_()
            editor.activateWindow()
            return True
        return False

    def _show_editor(self, record_id: int | None, record: Record | None) -> None:
        if record_id is not None and self._raise_existing(record_id):
            return  # opened twice quickly: the first one won
        editor = RecordEditor(self._catalog, self._window.app_settings, record)
        self._track(record_id, editor)

    def _track(self, record_id: int | None, editor: RecordEditor) -> None:
        editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.editors.setdefault(record_id, []).append(editor)
        state = {"id": record_id}

        def saved(new_id: int) -> None:
            if state["id"] != new_id:  # a new record got its id: file it under that
                self._forget(state["id"], editor)
                state["id"] = new_id
                self.editors.setdefault(new_id, []).append(editor)
            self._window.records_changed([new_id])

        editor.saved.connect(saved)
        editor.open_record_requested.connect(self.open_editor)
        editor.new_record_requested.connect(lambda: self.open_editor(None))
        editor.duplicate_requested.connect(self._open_template)
        editor.task_launched.connect(self._window.track)
        # Files attached to a saved record outside a save: make their text findable.
        editor.attachments_tab.attached.connect(lambda rid: self._window.records_changed([rid]))
        editor.destroyed.connect(lambda: self._forget(state["id"], editor))
        editor.show()

    def _forget(self, record_id: int | None, editor: RecordEditor) -> None:
        editors = self.editors.get(record_id, [])
        if editor in editors:
            editors.remove(editor)
        if not editors:
            self.editors.pop(record_id, None)

    def open_editors(self) -> list[RecordEditor]:
        return [editor for editors in self.editors.values() for editor in editors]

    # --- deleting, batch editing, the trash -------------------------------------------------

    def delete_selected(self) -> BackgroundTask | None:
        ids = self._window.search_view.selected_ids()
        if not ids or self._window.reader_mode:
            return None
        answer = QMessageBox.question(
            self._window,
            self.tr("Delete to trash"),
            self.tr(
                "Move %n record(s) to the trash? They disappear from searches and can be "
                "restored from File › Trash.",
                "",
                len(ids),
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        catalog = self._catalog

        def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> int:
            return RecordRepository(catalog).delete_many(ids)

        task = BackgroundTask(
            work,
            parent=self._window,
            title=self.tr("Delete to trash"),
            label=self.tr("Moving %n record(s) to the trash…", "", len(ids)),
            error_context=self.tr("The records were not deleted."),
        )
        task.succeeded.connect(lambda count: self._deleted(ids, count))
        self._window.launch(task)
        return task

    def _deleted(self, ids: list[int], count: int) -> None:
        self._window.statusBar().showMessage(
            self.tr("%n record(s) moved to the trash.", "", count), 10_000
        )
        self._window.records_changed(ids)

    def batch_edit_selected(self) -> BatchEditDialog | None:
        ids = self._window.search_view.selected_ids()
        if not ids or self._window.reader_mode:
            return None
        dialog = BatchEditDialog(self._catalog, ids, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.applied.connect(lambda _count: self._window.records_changed(ids))
        dialog.open()
        return dialog

    def show_trash(self) -> TrashView | None:
        if self._window.reader_mode:
            return None
        dialog = TrashView(self._catalog, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.restored.connect(self._window.records_changed)
        dialog.open()
        return dialog
