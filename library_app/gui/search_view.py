"""The researcher's view: one search box, facets, the result list and the record in detail.

Searching never runs on the UI thread.  Each keystroke restarts a short timer; when it fires the
query goes to a worker, and an answer that arrives after a newer query was sent is dropped (a
generation number), so typing stays fluid however slow a search is.  The table holds only ids
(see results_model); the engine sorts.
"""

from __future__ import annotations

import gc
import html
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, QModelIndex, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from library_app.core.progress import CancelCheck, ProgressCallback
from library_app.db.catalog import Catalog
from library_app.db.listing import ListRow, list_rows
from library_app.gui.app_settings import AppSettings
from library_app.gui.detail_pane import DetailPane
from library_app.gui.facet_panel import FacetPanel, FilterChips
from library_app.gui.letter_palette import LetterPalette
from library_app.gui.results_model import COLUMNS, ResultsModel, engine_order
from library_app.gui.tasks import BackgroundTask
from library_app.search.index import IndexUnavailable, SearchIndex
from library_app.search.searching import SORTS, CatalogSearcher, IdList

DEBOUNCE_MS = 250
DETAIL_DELAY_MS = 120
FIRST_ROWS = 150
"""Rows read with the search itself, off the UI thread: more than a screen holds."""
HEADER_KEY = "results/header"
SPLITTER_KEY = "results/splitter"
SORT_COLUMNS = {"title": "title", "author": "authors", "year": "year"}


class SearchView(QWidget):
    listed = Signal(object)
    """The result list of an answer is shown (the IdList, facets not yet counted)."""
    searched = Signal(object)
    """An answer is shown completely, facet counts included (the IdList)."""
    record_activated = Signal(int)
    """Enter or a double click on a result."""
    selection_changed = Signal(list)
    """The selected record ids changed."""
    index_missing = Signal()
    """A search found no usable index (it is being built); searching resumes on refresh()."""

    def __init__(
        self,
        catalog: Catalog,
        search_index: SearchIndex,
        settings: AppSettings,
        *,
        reader: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SearchView")
        self._catalog = catalog
        self._settings = settings
        self.searcher = CatalogSearcher(search_index)
        self._generation = 0
        self._answered = 0
        self._sort = settings.default_sort
        self._descending = self._sort == "year"
        self._last: IdList | None = None
        self._index_missing = False
        self._tasks: set[BackgroundTask] = set()
        self._frozen_lists = 0
        self._closed = False

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search_now)
        self._detail_id: int | None = None
        self._detail_timer = QTimer(self)
        self._detail_timer.setSingleShot(True)
        self._detail_timer.setInterval(DETAIL_DELAY_MS)
        self._detail_timer.timeout.connect(
            lambda: self.detail.show_record(self._detail_id, self.query)
        )

        self._build(search_index, reader)
        self.retranslate_ui()
        self._restore_layout()

    # --- building -----------------------------------------------------------------------------

    def _build(self, search_index: SearchIndex, reader: bool) -> None:
        self.search_box = QLineEdit(self)
        self.search_box.setObjectName("searchBox")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.textEdited.connect(self._text_edited)
        self.search_box.returnPressed.connect(self._search_entered)
        self._history = QStringListModel(self._settings.search_history, self)
        completer = QCompleter(self._history, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.search_box.setCompleter(completer)
        self.letters = LetterPalette(self.search_box, self)
        self.sort_label = QLabel(self)
        self.sort_combo = QComboBox(self)
        self.sort_combo.setObjectName("sortCombo")
        for key in SORTS:
            self.sort_combo.addItem("", key)
        self.sort_combo.setCurrentIndex(SORTS.index(self._sort))
        self.sort_combo.currentIndexChanged.connect(self._sort_chosen)
        self.sort_label.setBuddy(self.sort_combo)

        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.letters)
        top.addSpacing(12)
        top.addWidget(self.sort_label)
        top.addWidget(self.sort_combo)

        self.chips = FilterChips(self)
        self.chips.filter_removed.connect(self._remove_filter)
        self.chips.clear_requested.connect(self.clear_filters)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("resultStatus")
        self.status_label.setWordWrap(True)
        self.status_label.setTextFormat(Qt.TextFormat.RichText)
        self.status_label.linkActivated.connect(self._status_link)

        self.facets = FacetPanel(self)
        self.facets.filters_changed.connect(self._filters_changed)

        self.model = ResultsModel(self._catalog, parent=self)
        self.table = QTableView(self)
        self.table.setObjectName("resultsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        # Enabling sorting makes the view sort at once by its current column: listen only after.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.model.sort_requested.connect(self._header_sort)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        # Fixed row height: the view then never measures rows, which would read every one.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        header.resizeSection(COLUMNS.index("title"), 380)
        header.resizeSection(COLUMNS.index("authors"), 200)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.activated.connect(self._activated)
        self.table.doubleClicked.connect(self._activated)
        self.model.fetch_failed.connect(self._rows_failed)

        self.detail = DetailPane(self._catalog, search_index, reader=reader, parent=self)

        middle = QWidget(self)
        middle_layout = QVBoxLayout(middle)
        middle_layout.setContentsMargins(0, 0, 0, 0)
        middle_layout.addWidget(self.chips)
        middle_layout.addWidget(self.status_label)
        middle_layout.addWidget(self.table, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("resultsSplitter")
        self.splitter.addWidget(self.facets)
        self.splitter.addWidget(middle)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setStretchFactor(2, 2)
        self.splitter.setSizes([220, 700, 420])
        self.splitter.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.setFocusProxy(self.search_box)
        QWidget.setTabOrder(self.search_box, self.sort_combo)
        QWidget.setTabOrder(self.sort_combo, self.table)

    def retranslate_ui(self) -> None:
        self.search_box.setPlaceholderText(
            self.tr("Search titles, authors, subjects, places, full text… (Ctrl+F)")
        )
        self.search_box.setToolTip(
            self.tr(
                'Words in any script or spelling. "Exact phrase", OR, NOT or -word, '
                "word*, word~ for spelling mistakes, fields such as author: title: "
                "subject: year:1990-2000 lang:kaz isbn:"
            )
        )
        self.sort_label.setText(self.tr("&Sort:"))
        names = {
            "relevance": self.tr("Relevance"),
            "title": self.tr("Title"),
            "author": self.tr("Author"),
            "year": self.tr("Year, newest first"),
        }
        for row, key in enumerate(SORTS):
            self.sort_combo.setItemText(row, names[key])
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._show_status()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- searching ------------------------------------------------------------------------------

    @property
    def query(self) -> str:
        return self.search_box.text()

    def set_query(self, text: str, *, now: bool = True) -> None:
        self.search_box.setText(text)
        if now:
            self.search_now()

    def focus_search(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    @property
    def waiting_for_index(self) -> bool:
        return self._index_missing

    def refresh(self) -> None:
        """Search again with the same query (after an edit, an import, an index update)."""
        self.search_now()

    def _text_edited(self, _text: str) -> None:
        self._generation += 1  # answers to what was typed before are stale from now on
        self._debounce.start()

    def _search_entered(self) -> None:
        self._settings.remember_search(self.query)
        self._history.setStringList(self._settings.search_history)
        self.search_now()

    def search_now(self) -> BackgroundTask | None:
        """Send the current query, filters and sort to a worker; the newest answer wins.
        None once the view is shut down (the window's late callbacks may still ask)."""
        if self._closed:
            return None
        self._debounce.stop()
        self._generation += 1
        generation = self._generation
        text, sort, filters = self.query, self._sort, self.facets.filters()
        descending = self._descending
        searcher = self.searcher

        catalog = self._catalog

        def work(
            progress: ProgressCallback, is_cancelled: CancelCheck
        ) -> tuple[IdList, dict[int, ListRow]]:
            # The list first, without facets: counting facets over 100k matches takes longer
            # than finding them, and the reader wants to see the list.
            found = searcher.search_ids(text, sort=sort, filters=filters, facets=False)
            if sort != "relevance":
                found.ids = engine_order(found.ids, sort, descending)
            return found, list_rows(catalog, found.ids[:FIRST_ROWS])

        def count_facets(progress: ProgressCallback, is_cancelled: CancelCheck) -> IdList:
            return searcher.search_ids(text, filters=filters, facets=True)

        task = self._start(work)
        task.succeeded.connect(
            lambda answer: self._answered_with(generation, *answer, count_facets)
        )
        task.failed.connect(lambda error: self._failed(generation, error))
        return task

    def _start(self, work: Any) -> BackgroundTask:
        task = BackgroundTask(
            work, parent=self.window(), show_progress=False, report_failures=False
        )
        self._tasks.add(task)
        task.finished.connect(lambda: self._tasks.discard(task))
        task.start()
        return task

    def _answered_with(
        self, generation: int, found: IdList, rows: dict[int, ListRow], count_facets: Any
    ) -> None:
        if generation != self._generation:
            return  # overtaken by a newer query
        self._index_missing = False
        current = self.current_id()
        self._last = found
        self.model.set_ids(found.ids, rows)
        self.chips.set_filters(self.facets.filters())
        self._sync_sort_indicator()
        row = self.model.row_of(current) if current is not None else None
        if row is None and found.ids:
            row = 0
        if row is not None:
            self.table.selectRow(row)
        else:
            self._detail_id = None
            self._detail_timer.start()
        self._show_status()
        self.listed.emit(found)
        task = self._start(count_facets)
        task.succeeded.connect(lambda counted: self._facets_counted(generation, found, counted))
        task.failed.connect(lambda error: self._failed(generation, error))

    def _facets_counted(self, generation: int, found: IdList, counted: IdList) -> None:
        if generation != self._generation:
            return
        found.facets = counted.facets
        self.facets.set_facets(counted.facets)
        if self.searcher.cached_lists != self._frozen_lists:
            # The index's value lists are hundreds of thousands of long-lived tuples; left to
            # the cyclic garbage collector, each full pass over them froze the window for
            # 100 ms and more while scrolling.  Freezing moves them out of its reach.
            self._frozen_lists = self.searcher.cached_lists
            gc.freeze()
        self.searched.emit(found)

    def _failed(self, generation: int, error: BaseException) -> None:
        if generation != self._generation:
            return
        self._last = None
        if isinstance(error, IndexUnavailable):
            self._index_missing = True
            self.index_missing.emit()
        self._show_status(error)

    def _show_status(self, error: BaseException | None = None) -> None:
        found = self._last
        if error is not None or (found is None and self._index_missing):
            if self._index_missing:
                text = self.tr(
                    "The search index is being prepared; results appear as soon as it is ready."
                )
            else:
                text = self.tr("The search failed: {reason}").format(reason=html.escape(str(error)))
            self.status_label.setText(text)
            return
        if found is None:
            self.status_label.setText("")
            return
        parts: list[str] = []
        filtered = any(self.facets.filters().values())
        if found.did_you_mean:
            parts.append(
                self.tr(
                    "Nothing was found for «{query}»; showing results for «{suggestion}»."
                ).format(query=html.escape(found.query), suggestion=html.escape(found.did_you_mean))
            )
        if found.total:
            if found.query.strip() or filtered:
                parts.append(self.tr("%Ln record(s) found.", "", found.total))
            else:
                parts.append(self.tr("%Ln record(s) in the catalog.", "", found.total))
        elif filtered:
            parts.append(
                self.tr("Nothing matches with the filters chosen.")
                + ' <a href="clear-filters">'
                + self.tr("Search without filters")
                + "</a>"
            )
        elif found.query.strip():
            parts.append(
                self.tr(
                    "Nothing was found. Try fewer words, another spelling, or the beginning "
                    "of a word with * (ecolog*)."
                )
            )
        else:
            parts.append(self.tr("The catalog has no records yet."))
        for message in found.messages:
            parts.append("<i>" + html.escape(message) + "</i>")
        self.status_label.setText(" ".join(parts))

    def _status_link(self, link: str) -> None:
        if link == "clear-filters":
            self.facets.clear_filters()
            self.search_now()

    # --- facets and sorting ---------------------------------------------------------------------

    def _filters_changed(self, filters: dict[str, list[str]]) -> None:
        self.chips.set_filters(filters)
        self.search_now()

    def _remove_filter(self, facet: str, value: str) -> None:
        filters = self.facets.filters()
        filters[facet] = [v for v in filters.get(facet, []) if v != value]
        self.facets.set_filters(filters)
        self.chips.set_filters(self.facets.filters())
        self.search_now()

    def clear_filters(self) -> None:
        self.facets.clear_filters()
        self.chips.set_filters({})
        self.search_now()

    def _sort_chosen(self, row: int) -> None:
        key = SORTS[row] if 0 <= row < len(SORTS) else "relevance"
        if key == self._sort:
            return
        self._sort, self._descending = key, key == "year"
        self.search_now()

    def _header_sort(self, key: str, descending: bool) -> None:
        if (key, descending) == (self._sort, self._descending):
            return
        self._sort, self._descending = key, descending
        self.sort_combo.blockSignals(True)
        self.sort_combo.setCurrentIndex(SORTS.index(key))
        self.sort_combo.blockSignals(False)
        self.search_now()

    def _sync_sort_indicator(self) -> None:
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        column = SORT_COLUMNS.get(self._sort)
        if column is None:
            header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        else:
            order = (
                Qt.SortOrder.DescendingOrder if self._descending else Qt.SortOrder.AscendingOrder
            )
            header.setSortIndicator(COLUMNS.index(column), order)
        header.blockSignals(False)

    @property
    def sort(self) -> tuple[str, bool]:
        return self._sort, self._descending

    # --- selection --------------------------------------------------------------------------

    def current_id(self) -> int | None:
        index = self.table.currentIndex()
        return self.model.record_id(index.row()) if index.isValid() else None

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [i for i in (self.model.record_id(r) for r in rows) if i is not None]

    def select_record(self, record_id: int) -> bool:
        row = self.model.row_of(record_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        ids = self.selected_ids()
        current = self.current_id()
        self._detail_id = current if current in ids else (ids[0] if ids else None)
        # Shown once the selection settles: while a query is typed or arrows held down, each
        # intermediate record would be read and laid out for nothing.
        self._detail_timer.start()
        self.selection_changed.emit(ids)

    def _activated(self, index: QModelIndex) -> None:
        record_id = self.model.record_id(index.row())
        if record_id is not None:
            self._settings.remember_search(self.query)
            self.record_activated.emit(record_id)

    def _rows_failed(self, reason: str) -> None:
        self.status_label.setText(
            self.tr("Some rows could not be read from the catalog: {reason}").format(
                reason=html.escape(reason)
            )
        )

    # --- columns and layout ---------------------------------------------------------------------

    def _column_menu(self, position: Any) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        for section, name in enumerate(COLUMNS):
            action = menu.addAction(self.model.column_title(name))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(section))
            action.setEnabled(name != "title")  # a list without titles means nothing
            action.toggled.connect(lambda shown, s=section: header.setSectionHidden(s, not shown))
        menu.exec(header.mapToGlobal(position))

    def _restore_layout(self) -> None:
        state = self._settings.bytes_value(HEADER_KEY)
        if state is not None:
            # The saved state holds a sort indicator, and restoring it sorts: the order comes
            # from the settings instead, so the view's request is not passed on.
            self.model.blockSignals(True)
            self.table.horizontalHeader().restoreState(state)
            self.model.blockSignals(False)
            self._sync_sort_indicator()
        sizes = self._settings.bytes_value(SPLITTER_KEY)
        if sizes is not None:
            self.splitter.restoreState(sizes)

    def save_layout(self) -> None:
        self._settings.set_bytes_value(HEADER_KEY, self.table.horizontalHeader().saveState())
        self._settings.set_bytes_value(SPLITTER_KEY, self.splitter.saveState())

    def shutdown(self, wait_ms: int) -> None:
        """Stop the timers and wait for running searches before the index closes."""
        self._debounce.stop()
        self._detail_timer.stop()
        self._generation += 1  # answers still queued are dropped, and start nothing new
        self._closed = True
        for task in list(self._tasks):
            task.wait(wait_ms)
        self.searcher.close()
