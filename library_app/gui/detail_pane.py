"""The detail pane: one record in full — card, fields, copies and attachments.

The record is read in a background task (the catalog may be a remote PostgreSQL), together with
the pages of its attachments that match the current search, so selecting rows quickly never
stalls the window.  Answers that arrive after the selection moved on are dropped (a generation
counter).  Problems — the record was deleted meanwhile, the database went away — are shown in
the pane itself: the reader is browsing, a dialog for every click would be in the way.
"""

from __future__ import annotations

import logging
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from library_app.core.errors import LibraryError, NotFound
from library_app.core.model import Attachment, CopyStatus, Record
from library_app.core.progress import CancelCheck, ProgressCallback
from library_app.db.attachments import AttachmentStore
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.gui import record_card
from library_app.gui.errors import bug_text
from library_app.gui.reference_box import ReferenceBox
from library_app.gui.tasks import BackgroundTask
from library_app.search.index import SearchIndex
from library_app.search.page_hits import PageHit, pages_matching

log = logging.getLogger(__name__)

_UNSAFE_NAME = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


@dataclass
class _Loaded:
    """What the background task hands back (errors included: they are shown in the pane)."""

    generation: int
    record: Record | None = None
    hits: dict[str, list[PageHit] | None] = field(default_factory=dict)
    """Matching pages by SHA-256; None when the file's text is not (yet) available."""
    error: BaseException | None = None


def _load(
    catalog: Catalog, index: SearchIndex | None, record_id: int, query: str, generation: int
) -> _Loaded:
    try:
        record = RecordRepository(catalog).get(record_id)
        hits: dict[str, list[PageHit] | None] = {}
        if query.strip() and index is not None:
            for attachment in record.attachments:
                if attachment.sha256 in hits:
                    continue
                cached = index.fulltext.get(attachment.sha256)
                readable = cached is not None and not cached.error
                hits[attachment.sha256] = (
                    pages_matching(cached.pages, query, index.analyzer) if readable else None
                )
        return _Loaded(generation, record, hits)
    except Exception as error:  # shown in the pane, see _shown
        return _Loaded(generation, error=error)


def open_copy_of(store: AttachmentStore, attachment: Attachment) -> Path:
    """A copy of the stored file under its original name, for the desktop to open.

    Stored files are named by their hash, without a suffix, and a desktop (Windows above all)
    picks the program by the suffix; the copy also keeps a viewer from changing the stored file.
    """
    source = store.path_of(attachment)
    if not source.is_file():
        raise NotFound(f"the file {attachment.filename} is missing from {store.directory}")
    name = _UNSAFE_NAME.sub("_", Path(attachment.filename).name).strip(" .") or attachment.sha256
    folder = Path(tempfile.gettempdir()) / "library-app-attachments" / attachment.sha256[:16]
    target = folder / name
    if not target.is_file() or target.stat().st_size != source.stat().st_size:
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    return target


class DetailPane(QWidget):
    """Shows one record; ``show_record(id, query)`` loads it, ``None`` clears the pane."""

    record_shown = Signal(int)
    edit_requested = Signal(int)
    basket_requested = Signal(int)
    task_launched = Signal(object)
    """A BackgroundTask is about to start (the window waits for them when it closes)."""
    citation_style_changed = Signal(str)
    """The reader chose another reference style (an id of ``citation.STYLES``), to remember;
    ``set_citation_style`` brings it back."""

    def __init__(
        self,
        catalog: Catalog,
        search_index: SearchIndex | None,
        *,
        reader: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("DetailPane")
        self._catalog = catalog
        self._index = search_index
        self._reader = reader
        self._generation = 0
        self._record: Record | None = None
        self._record_id: int | None = None
        self._query = ""
        self._hits: dict[str, list[PageHit] | None] = {}
        self._message_kind = "empty"  # or "loading", "error"
        self._error: BaseException | None = None
        self._build()
        self.retranslate_ui()

    # --- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack)

        self.message_label = QLabel(self)
        self.message_label.setObjectName("detailMessage")
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message_label.setMargin(24)
        self.stack.addWidget(self.message_label)

        page = QWidget(self)
        page_layout = QVBoxLayout(page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        buttons = QHBoxLayout()
        self.basket_button = QPushButton(page)
        self.basket_button.setObjectName("addToBasketButton")
        self.basket_button.clicked.connect(self._basket_clicked)
        self.edit_button = QPushButton(page)
        self.edit_button.setObjectName("editRecordButton")
        self.edit_button.clicked.connect(self._edit_clicked)
        self.edit_button.setVisible(not self._reader)
        buttons.addWidget(self.basket_button)
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        page_layout.addLayout(buttons)

        self.tabs = QTabWidget(page)
        self.tabs.setObjectName("detailTabs")
        self.tabs.setDocumentMode(True)
        page_layout.addWidget(self.tabs)
        self.tabs.addTab(self._build_card_tab(), "")
        self.fields_table = self._table(2, "detailFields")
        self.fields_table.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.ResizeToContents
        )
        # Rows wrap long values (a summary); their heights follow the column width once the
        # layout has settled (measured earlier, a hidden tab gives rows of the wrong height).
        self._fit_rows = QTimer(self)
        self._fit_rows.setSingleShot(True)
        self._fit_rows.setInterval(0)
        self._fit_rows.timeout.connect(self.fields_table.resizeRowsToContents)
        self.fields_table.horizontalHeader().sectionResized.connect(self._fit_rows.start)
        self.tabs.currentChanged.connect(self._fit_rows.start)
        self.tabs.addTab(self.fields_table, "")
        self.tabs.addTab(self._build_copies_tab(), "")
        self.tabs.addTab(self._build_attachments_tab(), "")
        self.stack.addWidget(page)
        self.setFocusProxy(self.tabs)

    def _build_card_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 0, 0, 0)
        self.card_view = QTextBrowser(tab)
        self.card_view.setObjectName("detailCard")
        self.card_view.setOpenExternalLinks(True)
        self.card_view.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(self.card_view, 1)
        self.reference_area = ReferenceBox(tab)
        self.reference_area.style_changed.connect(self.citation_style_changed)
        layout.addWidget(self.reference_area)
        return tab

    def _table(self, columns: int, name: str) -> QTableWidget:
        table = QTableWidget(0, columns, self)
        table.setObjectName(name)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setWordWrap(True)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _build_copies_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        self.copies_summary = QLabel(tab)
        self.copies_summary.setObjectName("copiesSummary")
        layout.addWidget(self.copies_summary)
        self.copies_table = self._table(5, "detailCopies")
        self.copies_table.setWordWrap(False)
        self.copies_table.setSortingEnabled(True)
        self.copies_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        layout.addWidget(self.copies_table)
        return tab

    def _build_attachments_tab(self) -> QWidget:
        tab = QWidget(self)
        layout = QVBoxLayout(tab)
        self.attachment_list = QListWidget(tab)
        self.attachment_list.setObjectName("attachmentList")
        self.attachment_list.itemActivated.connect(lambda _item: self.open_current_attachment())
        self.attachment_list.currentRowChanged.connect(self._update_open_button)
        layout.addWidget(self.attachment_list, 1)
        row = QHBoxLayout()
        self.open_button = QPushButton(tab)
        self.open_button.setObjectName("openAttachmentButton")
        self.open_button.clicked.connect(self.open_current_attachment)
        row.addWidget(self.open_button)
        self.attachment_status = QLabel(tab)
        self.attachment_status.setObjectName("attachmentStatus")
        self.attachment_status.setWordWrap(True)
        row.addWidget(self.attachment_status, 1)
        layout.addLayout(row)
        self.hits_view = QTextBrowser(tab)
        self.hits_view.setObjectName("attachmentHits")
        self.hits_view.setOpenLinks(False)
        self.hits_view.anchorClicked.connect(self._hit_clicked)
        layout.addWidget(self.hits_view, 2)
        return tab

    # --- texts --------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.basket_button.setText(self.tr("Add to &basket"))
        self.basket_button.setToolTip(self.tr("Keep this record in your basket"))
        self.edit_button.setText(self.tr("Edit"))
        self.edit_button.setToolTip(self.tr("Open this record in the editor"))
        self.open_button.setText(self.tr("&Open"))
        self.open_button.setToolTip(self.tr("Open the selected file with its usual program"))
        self.fields_table.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Value")])
        self.copies_table.setHorizontalHeaderLabels(
            [
                self.tr("Inventory number"),
                self.tr("Barcode"),
                self.tr("Location"),
                self.tr("Shelf mark"),
                self.tr("Status"),
            ]
        )
        self._show_message()
        if self._record is not None:
            self._fill(self._record)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _show_message(self) -> None:
        if self._message_kind == "empty":
            text = self.tr("Select a record in the list to see its full description here.")
        elif self._message_kind == "loading":
            text = self.tr("Loading the record…")
        else:
            text = self._error_text(self._error)
        self.message_label.setText(text)

    def _error_text(self, error: BaseException | None) -> str:
        if isinstance(error, NotFound):
            return self.tr(
                "This record no longer exists: it was probably removed by someone else "
                "meanwhile. Search again to refresh the list."
            )
        if isinstance(error, LibraryError):
            return self.tr("The record could not be read.") + "\n\n" + str(error)
        return bug_text(error) if error is not None else ""

    # --- the record ---------------------------------------------------------------------------

    @property
    def record(self) -> Record | None:
        """The record on display (the previous one stays while the next loads; None when the
        pane is empty or shows an error)."""
        return self._record

    @property
    def record_id(self) -> int | None:
        """The record asked for last."""
        return self._record_id

    def show_record(self, record_id: int | None, query: str = "") -> BackgroundTask | None:
        """Show ``record_id`` (None: the friendly empty state); ``query`` finds attachment pages.

        Returns the task reading the record, so a caller can wait for it."""
        self._generation += 1
        self._record_id, self._query = record_id, query
        if record_id is None:
            self._record, self._hits = None, {}
            self.reference_area.set_record(None)
            self._message_kind = "empty"
            self._show_message()
            self.stack.setCurrentIndex(0)
            return None
        if self.stack.currentIndex() == 0:
            self._message_kind = "loading"
            self._show_message()
        else:
            # The previous record stays until the new one arrives (no flicker while moving
            # through a list), but nothing may be done to it any more.
            self._set_actions_enabled(False)
        generation = self._generation
        catalog, index = self._catalog, self._index

        def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> _Loaded:
            return _load(catalog, index, record_id, query, generation)

        task = BackgroundTask(work, parent=self, show_progress=False, report_failures=False)
        task.succeeded.connect(self._shown)
        self.task_launched.emit(task)
        task.start()
        return task

    def reload(self) -> BackgroundTask | None:
        """Read the shown record again (after it was edited)."""
        return self.show_record(self._record_id, self._query)

    def _shown(self, loaded: _Loaded) -> None:
        if loaded.generation != self._generation:
            return  # the selection moved on meanwhile
        if loaded.record is None:
            error = loaded.error
            if error is not None and not isinstance(error, LibraryError):
                log.error(
                    "reading a record failed", exc_info=(type(error), error, error.__traceback__)
                )
            self._record, self._error, self._message_kind = None, error, "error"
            self._hits = {}
            self.reference_area.set_record(None)
            self._show_message()
            self.stack.setCurrentIndex(0)
            return
        self._record, self._hits = loaded.record, loaded.hits
        self._fill(loaded.record)
        self._set_actions_enabled(True)
        self.stack.setCurrentIndex(1)
        assert loaded.record.id is not None
        self.record_shown.emit(loaded.record.id)

    def _fill(self, record: Record) -> None:
        self.card_view.setHtml(record_card.card_html(record))
        self.reference_area.set_record(record)
        rows = record_card.field_rows(record)
        self.fields_table.setRowCount(len(rows))
        for number, (label, value) in enumerate(rows):
            self.fields_table.setItem(number, 0, QTableWidgetItem(label))
            self.fields_table.setItem(number, 1, QTableWidgetItem(value))
        self._fit_rows.start()
        self._fill_copies(record)
        self._fill_attachments(record)
        self.tabs.setTabText(0, self.tr("Card"))
        self.tabs.setTabText(1, self.tr("Fields"))
        number = self.locale().toString
        self.tabs.setTabText(
            2, self.tr("Copies ({count})").format(count=number(len(record.copies)))
        )
        self.tabs.setTabText(
            3, self.tr("Attachments ({count})").format(count=number(len(record.attachments)))
        )

    def _set_actions_enabled(self, enabled: bool) -> None:
        record = self._record
        self.basket_button.setEnabled(enabled and record is not None)
        self.edit_button.setEnabled(enabled and record is not None and record.deleted_at is None)

    def _fill_copies(self, record: Record) -> None:
        available, total = record_card.available_count(record.copies)
        if total:
            self.copies_summary.setText(
                self.tr("{available} of {total} available").format(
                    available=self.locale().toString(available),
                    total=self.locale().toString(total),
                )
            )
        else:
            self.copies_summary.setText(self.tr("The library holds no copies of this record."))
        table = self.copies_table
        table.setSortingEnabled(False)
        table.setRowCount(len(record.copies))
        for number, copy in enumerate(record.copies):
            tooltip = record_card.copy_tooltip(copy)
            for column, text in enumerate(record_card.copy_row(copy)):
                item = QTableWidgetItem(text)
                item.setToolTip(tooltip)
                if column == 4 and copy.status != CopyStatus.AVAILABLE:
                    font = item.font()
                    font.setItalic(True)
                    item.setFont(font)
                table.setItem(number, column, item)
        table.setSortingEnabled(True)
        table.resizeColumnsToContents()

    def _fill_attachments(self, record: Record) -> None:
        self.attachment_list.clear()
        self.attachment_status.clear()
        searched = bool(self._query.strip())
        for attachment in record.attachments:
            text = f"{attachment.filename} ({record_card.size_text(attachment.size)})"
            pages = self._hits.get(attachment.sha256)
            if searched and pages is not None:
                text += " — " + self.tr("%Ln matching page(s)", "", len(pages))
            item = QListWidgetItem(text, self.attachment_list)
            item.setToolTip(attachment.media_type)
        if record.attachments:
            self.attachment_list.setCurrentRow(0)
        self._update_open_button()
        if searched and record.attachments:
            self.hits_view.setHtml(record_card.hits_html(record.attachments, self._hits))
            self.hits_view.show()
        else:
            self.hits_view.clear()
            self.hits_view.hide()

    # --- buttons ------------------------------------------------------------------------------

    @property
    def citation_style(self) -> str:
        return self.reference_area.citation_style

    def set_citation_style(self, style: str) -> None:
        """References in ``style`` from now on (InputError for an unknown style)."""
        self.reference_area.set_citation_style(style)

    def set_reader(self, reader: bool) -> None:
        """Reader mode (public workstation): no way into the editor from here."""
        self._reader = reader
        self.edit_button.setVisible(not reader)

    def _basket_clicked(self) -> None:
        if self._record is not None and self._record.id is not None:
            self.basket_requested.emit(self._record.id)

    def _edit_clicked(self) -> None:
        if not self._reader and self._record is not None and self._record.id is not None:
            self.edit_requested.emit(self._record.id)

    def _update_open_button(self) -> None:
        self.open_button.setEnabled(self.attachment_list.currentRow() >= 0)

    def _hit_clicked(self, url: QUrl) -> None:
        if url.scheme() == "open" and url.path().isdigit():
            self.attachment_list.setCurrentRow(int(url.path()))
            self.open_current_attachment()

    def open_current_attachment(self) -> BackgroundTask | None:
        """Open the selected attachment with the desktop's program for its kind."""
        row = self.attachment_list.currentRow()
        if self._record is None or not 0 <= row < len(self._record.attachments):
            return None
        attachment = self._record.attachments[row]
        store = AttachmentStore(self._catalog)

        def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> Path:
            return open_copy_of(store, attachment)

        task = BackgroundTask(
            work,
            parent=self,
            title=self.tr("Open attachment"),
            label=self.tr("Preparing {name}…").format(name=attachment.filename),
            report_failures=False,
        )
        task.succeeded.connect(self._open_file)
        task.failed.connect(self._open_failed)
        self.attachment_status.setText(self.tr("Opening {name}…").format(name=attachment.filename))
        self.task_launched.emit(task)
        task.start()
        return task

    def _open_file(self, path: Path) -> None:
        if QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.attachment_status.clear()
        else:
            self.attachment_status.setText(
                self.tr("No program to open {name} was found.").format(name=path.name)
            )

    def _open_failed(self, error: BaseException) -> None:
        if isinstance(error, LibraryError):
            text = str(error)
        elif isinstance(error, OSError):
            text = error.strerror or str(error)
        else:
            log.error(
                "opening an attachment failed",
                exc_info=(type(error), error, error.__traceback__),
            )
            text = bug_text(error)
        self.attachment_status.setText(
            self.tr("The file cannot be opened: {reason}").format(reason=text)
        )
