"""Facets beside the results (language, type, years, subject, location, availability) and the
chips that show which of them narrow the search now.

The panel only shows counts and collects choices; the search engine combines them (values of one
facet are alternatives, facets narrow each other).  Counts change with every search, so the
panel is rebuilt each time, but what the reader did to it stays: checked values remain visible
even when the new result has none of them (count 0, so they can be unchecked), and collapsed
groups, the current item and the scroll position survive.

Wiring: ``panel.filters_changed`` → ``chips.set_filters`` and search again;
``chips.filter_removed`` → ``panel.remove_filter``, ``chips.set_filters`` and search again;
``chips.clear_requested`` → ``panel.clear_filters``, ``chips.set_filters({})`` and search again.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from library_app.gui.labels import facet_title, facet_value_name
from library_app.search.schema import FACETS

FACET_ROLE = Qt.ItemDataRole.UserRole
VALUE_ROLE = Qt.ItemDataRole.UserRole + 1

Facets = dict[str, list[tuple[str, int]]]
Filters = dict[str, list[str]]


def _clean(filters: Filters) -> Filters:
    """Only facets with values, each value once, in the order given."""
    return {name: list(dict.fromkeys(values)) for name, values in filters.items() if values}


class FacetPanel(QWidget):
    """Checkable facet values with their counts, grouped by facet in collapsible groups.

    ``filters_changed`` fires only when the reader checks or unchecks a value in the panel;
    the methods (``set_filters``, ``remove_filter``, ``clear_filters``, ``set_facets``) are
    silent, so the window that calls them decides when to search again."""

    filters_changed = Signal(object)
    """The new filters (a dict facet → values; ``object``: a Qt map would sort the facets)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FacetPanel")
        self._facets: Facets = {}
        self._filters: Filters = {}
        self._collapsed: set[str] = set()
        self._updating = False
        self._pressed: tuple[QTreeWidgetItem, Qt.CheckState] | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("facetTree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.itemExpanded.connect(lambda item: self._expansion_changed(item, True))
        self.tree.itemCollapsed.connect(lambda item: self._expansion_changed(item, False))
        self.tree.itemPressed.connect(self._item_pressed)
        self.tree.itemClicked.connect(self._item_clicked)
        self.tree.installEventFilter(self)
        layout.addWidget(self.tree)
        self.setFocusProxy(self.tree)
        self.retranslate_ui()

    # --- public API ---------------------------------------------------------------------------

    def set_facets(self, facets: Facets) -> None:
        """Show the counts of a new result (``SearchResult.facets``)."""
        self._facets = {name: list(values) for name, values in facets.items()}
        self._rebuild()

    def filters(self) -> Filters:
        """The checked values by facet (facets without any are left out)."""
        return {name: list(values) for name, values in self._filters.items()}

    def set_filters(self, filters: Filters) -> None:
        """Check exactly these values (shown with count 0 if the result lacks them); silent."""
        self._filters = _clean(filters)
        self._rebuild()

    def clear_filters(self) -> None:
        """Uncheck everything (silent)."""
        if self._filters:
            self._filters = {}
            self._rebuild()

    def remove_filter(self, facet: str, value: str) -> None:
        """Uncheck one value, e.g. for a chip's × (silent)."""
        values = self._filters.get(facet, [])
        if value in values:
            values.remove(value)
            if not values:
                del self._filters[facet]
            self._rebuild()

    def retranslate_ui(self) -> None:
        self.tree.setToolTip(
            self.tr(
                "Check values to narrow the search. Values of one group widen each other "
                "(Kazakh or Russian); groups narrow each other. Space or Enter checks."
            )
        )
        self._rebuild()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- building the tree --------------------------------------------------------------------

    def _facet_names(self) -> list[str]:
        extra = [n for n in [*self._facets, *self._filters] if n not in FACETS]
        return [*FACETS, *dict.fromkeys(extra)]

    def _rebuild(self) -> None:
        tree = self.tree
        scroll = tree.verticalScrollBar().value()
        current = tree.currentItem()
        current_key = self._key(current) if current is not None else None
        self._updating = True
        tree.setUpdatesEnabled(False)
        try:
            tree.clear()
            restore: QTreeWidgetItem | None = None
            bold = QFont(tree.font())
            bold.setBold(True)
            for name in self._facet_names():
                values = list(self._facets.get(name, []))
                shown = {value for value, _count in values}
                values += [(v, 0) for v in self._filters.get(name, []) if v not in shown]
                if not values:
                    continue
                group = QTreeWidgetItem(tree, [facet_title(name), ""])
                group.setData(0, FACET_ROLE, name)
                group.setFont(0, bold)
                group.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                checked = set(self._filters.get(name, []))
                for value, count in values:
                    item = QTreeWidgetItem(
                        group, [facet_value_name(name, value), self.locale().toString(count)]
                    )
                    item.setData(0, FACET_ROLE, name)
                    item.setData(0, VALUE_ROLE, value)
                    item.setToolTip(0, item.text(0))
                    item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
                    item.setFlags(
                        Qt.ItemFlag.ItemIsEnabled
                        | Qt.ItemFlag.ItemIsSelectable
                        | Qt.ItemFlag.ItemIsUserCheckable
                    )
                    item.setCheckState(
                        0, Qt.CheckState.Checked if value in checked else Qt.CheckState.Unchecked
                    )
                    if current_key == (name, value):
                        restore = item
                group.setExpanded(name not in self._collapsed)
                if current_key == (name, None):
                    restore = group
            if restore is not None:
                tree.setCurrentItem(restore)
        finally:
            tree.setUpdatesEnabled(True)
            self._updating = False
        tree.verticalScrollBar().setValue(scroll)

    @staticmethod
    def _key(item: QTreeWidgetItem) -> tuple[str, str | None]:
        return item.data(0, FACET_ROLE), item.data(0, VALUE_ROLE)

    def value_item(self, facet: str, value: str) -> QTreeWidgetItem | None:
        """The tree item of one facet value (None when not shown)."""
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            if group.data(0, FACET_ROLE) != facet:
                continue
            for row in range(group.childCount()):
                if group.child(row).data(0, VALUE_ROLE) == value:
                    return group.child(row)
        return None

    def group_item(self, facet: str) -> QTreeWidgetItem | None:
        for index in range(self.tree.topLevelItemCount()):
            if self.tree.topLevelItem(index).data(0, FACET_ROLE) == facet:
                return self.tree.topLevelItem(index)
        return None

    # --- the reader's actions -----------------------------------------------------------------

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if self._updating or column != 0:
            return
        facet, value = self._key(item)
        if value is None:
            return
        values = self._filters.setdefault(facet, [])
        if item.checkState(0) == Qt.CheckState.Checked:
            if value not in values:
                values.append(value)
        elif value in values:
            values.remove(value)
        if not values:
            del self._filters[facet]
        self.filters_changed.emit(self.filters())

    def _expansion_changed(self, item: QTreeWidgetItem, expanded: bool) -> None:
        if self._updating:
            return
        facet = item.data(0, FACET_ROLE)
        if expanded:
            self._collapsed.discard(facet)
        else:
            self._collapsed.add(facet)

    def _toggle(self, item: QTreeWidgetItem | None) -> None:
        if item is None or item.data(0, VALUE_ROLE) is None:
            return
        checked = item.checkState(0) == Qt.CheckState.Checked
        item.setCheckState(0, Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _item_pressed(self, item: QTreeWidgetItem, _column: int) -> None:
        self._pressed = (item, item.checkState(0))

    def _item_clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        """A click on the name (not only on the box) checks the value too."""
        pressed, self._pressed = self._pressed, None
        if pressed is not None and pressed[0] is item and item.checkState(0) == pressed[1]:
            self._toggle(item)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter checks the current value (Space already does, through the delegate)."""
        if (
            watched is self.tree
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            item = self.tree.currentItem()
            if item is not None and item.data(0, VALUE_ROLE) is not None:
                self._toggle(item)
                return True
        return super().eventFilter(watched, event)


class FlowLayout(QLayout):
    """Lays widgets out left to right and wraps them onto new lines, like words."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        margins = self.contentsMargins()
        return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom())

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        margins = self.contentsMargins()
        area = rect.adjusted(margins.left(), margins.top(), -margins.right(), -margins.bottom())
        x, y, line_height = area.x(), area.y(), 0
        spacing = self.spacing()
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > area.right() + 1 and line_height > 0:
                x, y = area.x(), y + line_height + spacing
                line_height = 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + spacing
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + margins.bottom()


class FilterChips(QWidget):
    """The active filters as small buttons ("Language: Kazakh ×") and a "Clear all" button.

    Hidden while there are no filters."""

    filter_removed = Signal(str, str)
    clear_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("FilterChips")
        self._filters: Filters = {}
        self._layout = FlowLayout(self)
        self._layout.setContentsMargins(0, 2, 0, 2)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.chips: list[QToolButton] = []
        self.clear_button = QToolButton(self)
        self.clear_button.setObjectName("clearFiltersButton")
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self.clear_requested)
        self._rebuild()

    def set_filters(self, filters: Filters) -> None:
        self._filters = _clean(filters)
        self._rebuild()

    def filters(self) -> Filters:
        return {name: list(values) for name, values in self._filters.items()}

    def retranslate_ui(self) -> None:
        self._rebuild()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _rebuild(self) -> None:
        while self._layout.count():
            self._layout.takeAt(0)
        for chip in self.chips:
            chip.deleteLater()
        self.chips = []
        for facet, values in self._filters.items():
            for value in values:
                chip = QToolButton(self)
                chip.setObjectName("filterChip")
                chip.setText(
                    self.tr("{facet}: {value} ×").format(
                        facet=facet_title(facet), value=facet_value_name(facet, value)
                    )
                )
                chip.setToolTip(self.tr("Remove this filter"))
                chip.setProperty("facet", facet)
                chip.setProperty("value", value)
                chip.clicked.connect(
                    lambda _checked=False, f=facet, v=value: self.filter_removed.emit(f, v)
                )
                self._layout.addWidget(chip)
                self.chips.append(chip)
        self.clear_button.setText(self.tr("Clear all"))
        self.clear_button.setToolTip(self.tr("Remove every filter"))
        self._layout.addWidget(self.clear_button)
        self.setVisible(bool(self.chips))
        self.updateGeometry()
