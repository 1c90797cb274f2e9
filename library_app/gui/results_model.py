"""The results table's model: a list of record ids, with row contents read on demand.

After Anki's browser table: a search hands the model every matching id in result order (100k
ids is under a megabyte), and only the rows the view paints are read from the catalog, a block
at a time, into a small cache.  Scrolling from top to bottom of 100k results therefore reads a
thousand small blocks, never the whole catalog, and no Python sort ever runs here: clicking a
column header asks the search engine for the list in that order (``sort_requested``).
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from library_app.db.catalog import Catalog
from library_app.db.listing import ListRow, list_rows
from library_app.gui.labels import language_name, material_type_name

log = logging.getLogger(__name__)

COLUMNS = ("title", "authors", "year", "type", "language", "shelf_mark", "copies")
SORT_KEYS = {"title": "title", "authors": "author", "year": "year"}
"""Columns the engine can order by, with its sort name; the others keep the current order."""
NATURAL_DESCENDING = {"year"}
"""Sorts the engine returns newest-first: an ascending header means the list reversed."""
BLOCK = 100
CACHE_ROWS = 5000

RowFetcher = Callable[[Catalog, Sequence[int]], dict[int, ListRow]]
AnyIndex = QModelIndex | QPersistentModelIndex


class ResultsModel(QAbstractTableModel):
    """Rows of a result list.  ``fetch`` is replaceable so tests can count the reads."""

    sort_requested = Signal(str, bool)
    """(engine sort name, descending): the view asks the engine for a list in that order."""
    fetch_failed = Signal(str)
    """Rows could not be read (the database went away); the text says why."""

    def __init__(
        self,
        catalog: Catalog,
        *,
        fetch: RowFetcher = list_rows,
        block: int = BLOCK,
        cache_rows: int = CACHE_ROWS,
        parent: object = None,
    ) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._catalog = catalog
        self._fetch = fetch
        self._block = block
        self._cache_rows = cache_rows
        self._ids: list[int] = []
        self._rows: OrderedDict[int, ListRow | None] = OrderedDict()
        self._failure_reported = False
        self.fetches = 0
        """How many block reads ran (for tests and the benchmark)."""

    # --- the list ---------------------------------------------------------------------------

    def set_ids(self, ids: Sequence[int], rows: dict[int, ListRow] | None = None) -> None:
        """Show a new result list; rows already read stay cached (records rarely change
        between two searches, and refinements show mostly the same records).

        ``rows`` are rows the caller read already, off the UI thread: the first screen then
        paints without a database read here, while other work (facet counting) keeps the
        interpreter busy and would make every row read on this thread wait its turn."""
        self.beginResetModel()
        self._ids = list(ids)
        self._failure_reported = False
        for record_id, row in (rows or {}).items():
            self._rows[record_id] = row
            self._rows.move_to_end(record_id)
        while len(self._rows) > self._cache_rows:
            self._rows.popitem(last=False)
        self.endResetModel()

    @property
    def ids(self) -> list[int]:
        return list(self._ids)

    def record_id(self, row: int) -> int | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, record_id: int) -> int | None:
        try:
            return self._ids.index(record_id)
        except ValueError:
            return None

    def invalidate(self, record_ids: Sequence[int] | None = None) -> None:
        """Forget cached rows (all, or those of edited records) and repaint them."""
        if record_ids is None:
            self._rows.clear()
            if self._ids:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(self._ids) - 1, len(COLUMNS) - 1)
                )
            return
        for record_id in record_ids:
            self._rows.pop(record_id, None)
            row = self.row_of(record_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    def cached_row(self, row: int) -> ListRow | None:
        """The row's contents, read now (with its block) if not cached."""
        record_id = self.record_id(row)
        if record_id is None:
            return None
        if record_id not in self._rows:
            self._read_block(row)
        self._rows.move_to_end(record_id)
        return self._rows.get(record_id)

    def _read_block(self, row: int) -> None:
        # Mostly ahead of the row asked for: views are scrolled downwards more often.
        start = max(0, row - self._block // 4)
        wanted = [i for i in self._ids[start : start + self._block] if i not in self._rows]
        self.fetches += 1
        try:
            found = self._fetch(self._catalog, wanted)
        except Exception as error:  # the database went away: show blanks and say so once
            message = str(error)
            log.warning("cannot read result rows: %s", message)
            for record_id in wanted:
                self._rows[record_id] = None
            if not self._failure_reported:
                self._failure_reported = True
                # Later, not from inside data(): a slot may open a dialog.
                QTimer.singleShot(0, lambda: self.fetch_failed.emit(message))
            return
        for record_id in wanted:
            self._rows[record_id] = found.get(record_id)  # None: deleted meanwhile
        while len(self._rows) > self._cache_rows:
            self._rows.popitem(last=False)

    # --- Qt's model interface ---------------------------------------------------------------

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if COLUMNS[index.column()] in ("year", "copies"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        if role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.ToolTipRole,
            Qt.ItemDataRole.ForegroundRole,
        ):
            return None
        row = self.cached_row(index.row())
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return self.tr("(record no longer available)")
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.deleted or (row.copies and not row.available):
                return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
            return None
        text = self._text(row, COLUMNS[index.column()])
        if role == Qt.ItemDataRole.ToolTipRole:
            return text if index.column() in (0, 1) and text else None
        return text

    def _text(self, row: ListRow, column: str) -> str:
        if column == "title":
            return row.title
        if column == "authors":
            return "; ".join(row.authors)
        if column == "year":
            return row.year
        if column == "type":
            return material_type_name(row.material_type)
        if column == "language":
            return ", ".join(language_name(code) for code in row.languages)
        if column == "shelf_mark":
            return row.shelf_mark
        if column == "copies":
            return f"{row.available}/{row.copies}" if row.copies else ""
        return ""

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.column_title(COLUMNS[section])
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section] == "copies":
            return self.tr("Copies available now / copies held")
        return None

    def column_title(self, column: str) -> str:
        titles = {
            "title": self.tr("Title"),
            "authors": self.tr("Authors"),
            "year": self.tr("Year"),
            "type": self.tr("Type"),
            "language": self.tr("Language"),
            "shelf_mark": self.tr("Shelf mark"),
            "copies": self.tr("Available"),
        }
        return titles[column]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Ask the engine for the list in this order; columns it cannot order by are ignored."""
        name = COLUMNS[column] if 0 <= column < len(COLUMNS) else ""
        key = SORT_KEYS.get(name)
        if key is None:
            return
        self.sort_requested.emit(key, order == Qt.SortOrder.DescendingOrder)

    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def engine_order(ids: list[int], sort: str, descending: bool) -> list[int]:
    """The engine's list in the direction the header asks for (reversing, not sorting)."""
    natural_descending = sort in NATURAL_DESCENDING
    return list(reversed(ids)) if descending != natural_descending else ids
