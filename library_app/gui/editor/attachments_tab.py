"""Files attached to a record: PDFs of reports, scans, maps — added by dialog or drag-and-drop.

For a saved record a file is attached at once, in a background task (a large scan takes a
moment to hash and copy), and removing asks first and detaches at once too: attachments are
stored beside the description, not in it, so they do not wait for Save and are not part of the
editor's undo history.  A new record has no id to attach to yet: its files wait in
``pending_files()`` and the editor's save work calls ``attach_pending`` once the record exists.

Text extraction and indexing are not done here: ``attached`` tells the main window that a
record has new files, and its index update picks them up from the change journal.
"""

from __future__ import annotations

import mimetypes
import os
import shutil
import threading
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QDateTime, QEvent, QLocale, QStandardPaths, Qt, QTimeZone, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QDesktopServices,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from library_app.core.errors import InputError, LibraryError, NotFound, StorageError
from library_app.core.model import Attachment
from library_app.core.progress import CancelCheck, ProgressCallback
from library_app.db.attachments import AttachmentStore
from library_app.db.catalog import Catalog
from library_app.gui.tasks import BackgroundTask

ROLE = Qt.ItemDataRole.UserRole
OPEN_DIR = "library-app-open"
"""Folder in the system's temporary directory where files are copied under their own names to
be opened: the store names them by hash, without the extension programs are chosen by."""


def _file_problem(path: Path) -> str | None:
    """Why ``path`` cannot be attached (English, for the dialog), or None."""
    if not path.exists():
        return "no such file"
    if path.is_dir():
        return "a folder, not a file"
    if not os.access(path, os.R_OK):
        return "cannot be read (no permission)"
    return None


class AttachmentsTab(QWidget):
    """The list of a record's files with Add, Open and Remove; see the module docstring."""

    changed = Signal()
    """The list changed (a file added, attached or removed)."""
    attached = Signal(int)
    """Files were attached to this record id: its text can be extracted and indexed."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("attachmentsTab")
        self.setAcceptDrops(True)
        self._catalog = catalog
        self._store = AttachmentStore(catalog)
        self._record_id: int | None = None
        self._attachments: list[Attachment] = []
        # attach_pending runs on the save worker's thread while the window stays usable.
        self._lock = threading.Lock()
        self._pending: list[Path] = []
        self._attached_in_background: int | None = None
        self._busy: BackgroundTask | None = None
        self._build()
        self.retranslate_ui()

    # --- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        buttons = QHBoxLayout()
        self.add_action = QAction(self)
        self.add_action.triggered.connect(self.choose_files)
        self.open_action = QAction(self)
        self.open_action.setShortcut(QKeySequence(Qt.Key.Key_Return))
        self.open_action.triggered.connect(self.open_selected)
        self.remove_action = QAction(self)
        self.remove_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.remove_action.triggered.connect(self.remove_selected)
        for action in (self.open_action, self.remove_action):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("addAttachmentButton")
        self.add_button.clicked.connect(self.add_action.trigger)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("openAttachmentButton")
        self.open_button.clicked.connect(self.open_action.trigger)
        self.remove_button = QPushButton(self)
        self.remove_button.setObjectName("removeAttachmentButton")
        self.remove_button.clicked.connect(self.remove_action.trigger)
        for button in (self.add_button, self.open_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.list = QTreeWidget(self)
        self.list.setObjectName("attachmentsList")
        self.list.setRootIsDecorated(False)
        self.list.setColumnCount(4)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setColumnWidth(0, 320)
        self.list.itemDoubleClicked.connect(lambda *_: self.open_selected())
        self.list.itemSelectionChanged.connect(self._update_buttons)
        layout.addWidget(self.list, 1)
        self.hint = QLabel(self)
        self.hint.setObjectName("attachmentsHint")
        self.hint.setWordWrap(True)
        layout.addWidget(self.hint)

    def retranslate_ui(self) -> None:
        self.add_action.setText(self.tr("&Add files…"))
        self.open_action.setText(self.tr("&Open"))
        self.remove_action.setText(self.tr("&Remove"))
        self.add_button.setText(self.add_action.text())
        self.open_button.setText(self.open_action.text())
        self.remove_button.setText(self.remove_action.text())
        self.list.setHeaderLabels(
            [self.tr("File"), self.tr("Size"), self.tr("Type"), self.tr("Added")]
        )
        self.list.setAccessibleName(self.tr("Attached files"))
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- the API ------------------------------------------------------------------------------

    def set_record(self, record_id: int | None, attachments: list[Attachment]) -> None:
        """Show the stored files of ``record_id`` (None: a new record).  Files still waiting
        are dropped: after a save the editor calls this with what was attached."""
        with self._lock:
            self._pending = []
            background, self._attached_in_background = self._attached_in_background, None
        self._record_id = record_id
        self._attachments = list(attachments)
        self._refresh()
        if record_id is not None and background == record_id:
            self.attached.emit(record_id)

    def attachments(self) -> list[Attachment]:
        return list(self._attachments)

    def pending_files(self) -> list[Path]:
        """Files chosen for a record that is not saved yet."""
        with self._lock:
            return list(self._pending)

    def attach_pending(self, record_id: int) -> list[Attachment]:
        """Attach the waiting files to the record just saved; for the editor's save work.

        Runs on a worker thread: no Qt here.  Files attached before a failure leave the
        waiting list, so a retry does not attach them twice; the failure is raised as a
        LibraryError naming the file."""
        attached: list[Attachment] = []
        for path in self.pending_files():
            try:
                attachment = self._store.attach(record_id, path)
            except LibraryError as error:
                kind = type(error) if isinstance(error, InputError | NotFound) else StorageError
                raise kind(f"«{path.name}» was not attached: {error}") from error
            attached.append(attachment)
            with self._lock:
                self._pending = [p for p in self._pending if p != path]
                self._attached_in_background = record_id
        return attached

    def add_files(self, paths: Iterable[Path | str]) -> BackgroundTask | None:
        """Attach ``paths`` (a saved record: now, in the background; a new one: on save).

        Paths that are missing, folders or unreadable are named in one dialog and skipped."""
        usable: list[Path] = []
        refused: list[str] = []
        for raw in paths:
            path = Path(raw)
            problem = _file_problem(path)
            if problem is not None:
                refused.append(f"{path}: {problem}")
            elif path not in usable:
                usable.append(path)
        if refused:
            QMessageBox.warning(
                self,
                self.tr("Attach files"),
                self.tr("These files cannot be attached:\n\n{files}").format(
                    files="\n".join(refused)
                ),
            )
        if not usable:
            return None
        if self._record_id is None:
            with self._lock:
                self._pending += [p for p in usable if p not in self._pending]
            self._refresh()
            self.changed.emit()
            return None
        return self._attach_now(self._record_id, usable)

    def choose_files(self) -> None:
        paths, _filter = QFileDialog.getOpenFileNames(self, self.tr("Attach files"))
        if paths:
            self.add_files(paths)

    def selected(self) -> list[tuple[str, int]]:
        """(kind, position) of the selected rows: ("stored", i) or ("pending", i)."""
        return [item.data(0, ROLE) for item in self.list.selectedItems()]

    # --- attaching and removing in the background ---------------------------------------------

    def _attach_now(self, record_id: int, paths: list[Path]) -> BackgroundTask:
        store = self._store

        def work(
            progress: ProgressCallback, is_cancelled: CancelCheck
        ) -> tuple[list[Attachment], list[str]]:
            attached: list[Attachment] = []
            failed: list[str] = []
            for done, path in enumerate(paths):
                progress(done, len(paths))
                try:
                    attached.append(store.attach(record_id, path))
                except LibraryError as error:
                    failed.append(f"{path.name}: {error}")
            progress(len(paths), len(paths))
            return attached, failed

        task = BackgroundTask(
            work,
            parent=self,
            title=self.tr("Attach files"),
            label=self.tr("Storing %n file(s) with the record…", "", len(paths)),
            error_context=self.tr("The files were not attached."),
        )
        task.succeeded.connect(lambda result: self._attached(record_id, *result))
        return self._run(task)

    def _attached(self, record_id: int, attached: list[Attachment], failed: list[str]) -> None:
        if record_id == self._record_id and attached:
            self._attachments += attached
            self._refresh()
            self.changed.emit()
        if attached:
            self.attached.emit(record_id)
        if failed:
            QMessageBox.warning(
                self,
                self.tr("Attach files"),
                self.tr("These files were not attached:\n\n{files}").format(
                    files="\n".join(failed)
                ),
            )

    def remove_selected(self) -> BackgroundTask | None:
        """Remove the selected files: waiting ones at once, stored ones after a question."""
        chosen = self.selected()
        pending = sorted((i for kind, i in chosen if kind == "pending"), reverse=True)
        stored = [self._attachments[i] for kind, i in chosen if kind == "stored"]
        if pending:
            with self._lock:
                for i in pending:
                    del self._pending[i]
            self._refresh()
            self.changed.emit()
        if not stored or self._busy is not None:
            return None
        names = ", ".join(f"«{a.filename}»" for a in stored)
        answer = QMessageBox.question(
            self,
            self.tr("Remove files"),
            self.tr(
                "Remove {files} from this record?\n\nThis takes effect at once and cannot be "
                "undone; the file stays available if another record uses it."
            ).format(files=names),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return None
        store, ids = self._store, [a.id for a in stored if a.id is not None]

        def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> list[int]:
            for attachment_id in ids:
                store.detach(attachment_id)
            return ids

        task = BackgroundTask(
            work,
            parent=self,
            title=self.tr("Remove files"),
            label=self.tr("Removing files…"),
            error_context=self.tr("The files were not removed."),
        )
        task.succeeded.connect(self._detached)
        task.failed.connect(lambda _error: self._reload_after_failure())
        return self._run(task)

    def _detached(self, ids: list[int]) -> None:
        self._attachments = [a for a in self._attachments if a.id not in ids]
        self._refresh()
        self.changed.emit()

    def _reload_after_failure(self) -> None:
        self._refresh()

    def _run(self, task: BackgroundTask) -> BackgroundTask:
        self._busy = task
        task.finished.connect(self._task_finished)
        self._update_buttons()
        task.start()
        return task

    def _task_finished(self) -> None:
        self._busy = None
        self._update_buttons()

    # --- opening --------------------------------------------------------------------------------

    def open_selected(self) -> BackgroundTask | None:
        """Open the first selected file with the program the system has for its type."""
        chosen = self.selected()
        if not chosen:
            return None
        kind, position = chosen[0]
        if kind == "pending":
            path = self.pending_files()[position]
            if _file_problem(path) is not None:
                self._missing(path.name, path)
                return None
            self._open_path(path)
            return None
        attachment = self._attachments[position]
        source = self._store.path_of(attachment)
        if not source.is_file():
            self._missing(attachment.filename, source)
            return None
        temp = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.TempLocation)
        target = Path(temp) / OPEN_DIR / attachment.sha256[:16] / Path(attachment.filename).name

        def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> Path:
            # A copy under the file's own name, so the system picks the program by extension.
            if not target.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, target)
            return target

        task = BackgroundTask(
            work,
            parent=self,
            title=self.tr("Open file"),
            label=self.tr("Preparing «{name}»…").format(name=attachment.filename),
            error_context=self.tr("«{name}» could not be opened.").format(name=attachment.filename),
        )
        task.succeeded.connect(self._open_path)
        return self._run(task)

    def _open_path(self, path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            QMessageBox.warning(
                self,
                self.tr("Open file"),
                self.tr("No program to open «{name}» was found.").format(name=path.name),
            )

    def _missing(self, name: str, path: Path) -> None:
        QMessageBox.warning(
            self,
            self.tr("Open file"),
            self.tr(
                "The file «{name}» is missing ({path}). Check the catalog (library-app check) "
                "or attach the file again."
            ).format(name=name, path=str(path)),
        )

    # --- drag and drop --------------------------------------------------------------------------

    @staticmethod
    def _local_files(event: QDragEnterEvent | QDragMoveEvent | QDropEvent) -> list[Path]:
        mime = event.mimeData()
        if not mime.hasUrls():
            return []
        urls = mime.urls()
        if not urls or not all(url.isLocalFile() for url in urls):
            return []
        return [Path(url.toLocalFile()) for url in urls]

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if self._local_files(event):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        files = self._local_files(event)
        if not files:
            event.ignore()
            return
        event.acceptProposedAction()
        self.add_files(files)

    # --- the list -------------------------------------------------------------------------------

    def _refresh(self) -> None:
        self.list.clear()
        locale = QLocale()
        for position, attachment in enumerate(self._attachments):
            added = ""
            if attachment.added_at is not None:
                when = QDateTime.fromSecsSinceEpoch(
                    int(attachment.added_at.timestamp()), QTimeZone.systemTimeZone()
                )
                added = locale.toString(when, QLocale.FormatType.ShortFormat)
            item = QTreeWidgetItem(
                [
                    attachment.filename,
                    locale.formattedDataSize(attachment.size),
                    attachment.media_type,
                    added,
                ]
            )
            item.setData(0, ROLE, ("stored", position))
            self.list.addTopLevelItem(item)
        for position, path in enumerate(self.pending_files()):
            size = path.stat().st_size if path.is_file() else 0
            media = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            item = QTreeWidgetItem(
                [path.name, locale.formattedDataSize(size), media, self.tr("when saved")]
            )
            item.setData(0, ROLE, ("pending", position))
            item.setToolTip(0, str(path))
            item.setToolTip(3, self.tr("The file is attached when the record is saved."))
            self.list.addTopLevelItem(item)
        if self._record_id is None:
            self.hint.setText(
                self.tr("Drop files here to attach them. They are stored when the record is saved.")
            )
        else:
            self.hint.setText(self.tr("Drop files here to attach them."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        busy = self._busy is not None
        has_selection = bool(self.list.selectedItems())
        self.add_action.setEnabled(not busy)
        self.add_button.setEnabled(not busy)
        for action, button in (
            (self.open_action, self.open_button),
            (self.remove_action, self.remove_button),
        ):
            action.setEnabled(has_selection and not busy)
            button.setEnabled(has_selection and not busy)
