"""The table model behind the copies tab: rows of ``Copy``, in-place editors, undo commands.

Edits never change a row directly: ``setData`` pushes an ``EditCopyCommand`` on the editor's
undo stack, and only the commands (``put``, ``insert``, ``take``) touch the list.  That keeps
one history for the whole editor and makes every change undoable in the order it was made.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRegularExpression,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QRegularExpressionValidator, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from library_app.core.model import AcquisitionSource, Copy, CopyStatus
from library_app.gui import labels

COLUMNS = (
    "inventory_number",
    "barcode",
    "location",
    "shelf_mark",
    "status",
    "acquired_on",
    "source",
    "price",
    "currency",
    "note",
)
_PRICE = QRegularExpression(r"^\d{0,12}([.,]\d{0,2})?$")
_CURRENCY = QRegularExpression(r"^[A-Za-z]{0,3}$")
_NO_DATE = QDate(1900, 1, 1)
"""The date editor's lowest date stands for "no date" (shown as "—")."""
_PROBLEM_BACKGROUND = QColor("#f9d2d2")


def _qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def column_title(field: str) -> str:
    # Literal translate() calls: lupdate finds no others.
    titles = {
        "inventory_number": QCoreApplication.translate("CopiesTab", "Inventory no."),
        "barcode": QCoreApplication.translate("CopiesTab", "Barcode"),
        "location": QCoreApplication.translate("CopiesTab", "Location"),
        "shelf_mark": QCoreApplication.translate("CopiesTab", "Shelf mark"),
        "status": QCoreApplication.translate("CopiesTab", "Status"),
        "acquired_on": QCoreApplication.translate("CopiesTab", "Acquired on"),
        "source": QCoreApplication.translate("CopiesTab", "Source"),
        "price": QCoreApplication.translate("CopiesTab", "Price"),
        "currency": QCoreApplication.translate("CopiesTab", "Currency"),
        "note": QCoreApplication.translate("CopiesTab", "Note"),
    }
    return titles.get(field, field)


def _coerce(field: str, value: object) -> object:
    """The model value for what an editor delivered; ValueError when it is not one."""
    if field == "status":
        return CopyStatus(str(value))
    if field == "source":
        return AcquisitionSource(str(value)) if value else None
    if field == "acquired_on":
        if isinstance(value, QDate):
            return value.toPython() if value.isValid() and value != _NO_DATE else None
        return dt.date.fromisoformat(str(value)) if value else None
    if field == "price":
        text = str(value or "").replace(" ", "").replace("\u00a0", "").replace(",", ".")
        try:
            return Decimal(text) if text else None
        except InvalidOperation as error:
            raise ValueError(text) from error
    text = "" if value is None else str(value)
    if field == "currency":
        return text.strip().upper()
    return text if field == "note" else text.strip()


class CopiesModel(QAbstractTableModel):
    """The copies as rows; edits become undo commands, commands change rows via ``put``."""

    edited = Signal()

    def __init__(self, undo_stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._undo = undo_stack
        self.copies: list[Copy] = []
        self.cell_problems: dict[tuple[int, int], list[str]] = {}

    def set_copies(self, copies: list[Copy]) -> None:
        self.beginResetModel()
        self.copies = copies
        self.cell_problems = {}
        self.endResetModel()

    def set_cell_problems(self, problems: dict[tuple[int, int], list[str]]) -> None:
        changed = set(problems) ^ set(self.cell_problems)
        changed |= {cell for cell in problems if problems[cell] != self.cell_problems.get(cell)}
        self.cell_problems = problems
        for row, column in changed:
            if row < len(self.copies):
                index = self.index(row, column)
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.BackgroundRole])

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.copies)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return column_title(COLUMNS[section])
        return str(section + 1)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return super().flags(index) | Qt.ItemFlag.ItemIsEditable

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid():
            return None
        field = COLUMNS[index.column()]
        value = getattr(self.copies[index.row()], field)
        if role == Qt.ItemDataRole.DisplayRole:
            if field == "status":
                return labels.copy_status_name(value)
            if field == "source":
                return labels.acquisition_source_name(value) if value else ""
            if field == "acquired_on":
                return (
                    QLocale().toString(_qdate(value), QLocale.FormatType.ShortFormat)
                    if value
                    else ""
                )
            if field == "price":
                return QLocale().toString(float(value), "f", 2) if value is not None else ""
            return value
        if role == Qt.ItemDataRole.EditRole:
            if field in ("status", "source"):
                return value.value if value else ""
            if field == "acquired_on":
                return _qdate(value) if value else QDate()
            if field == "price":
                return "" if value is None else str(value)
            return value
        problems = self.cell_problems.get((index.row(), index.column()))
        if role == Qt.ItemDataRole.BackgroundRole and problems:
            return _PROBLEM_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and problems:
            return QColor("#5f0000")
        if role == Qt.ItemDataRole.ToolTipRole and problems:
            return "\n".join(problems)
        return None

    def setData(
        self, index: QModelIndex | QPersistentModelIndex, value: object, role: int = 2
    ) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        field = COLUMNS[index.column()]
        try:
            new = _coerce(field, value)
        except ValueError:
            return False
        old = getattr(self.copies[index.row()], field)
        if new == old:
            return False
        text = QCoreApplication.translate("CopiesTab", "Edit copy: {column}").format(
            column=column_title(field)
        )
        self._undo.push(EditCopyCommand(self, index.row(), field, old, new, text))
        return True

    # --- changes, made only by the undo commands --------------------------------------------

    def put(self, row: int, field: str, value: object) -> None:
        setattr(self.copies[row], field, value)
        index = self.index(row, COLUMNS.index(field))
        self.dataChanged.emit(index, index)
        self.edited.emit()

    def insert(self, row: int, copies: list[Copy]) -> None:
        self.beginInsertRows(QModelIndex(), row, row + len(copies) - 1)
        self.copies[row:row] = copies
        self.endInsertRows()
        self.edited.emit()

    def take(self, row: int, count: int) -> list[Copy]:
        self.beginRemoveRows(QModelIndex(), row, row + count - 1)
        taken = self.copies[row : row + count]
        del self.copies[row : row + count]
        self.endRemoveRows()
        self.edited.emit()
        return taken


class EditCopyCommand(QUndoCommand):
    def __init__(
        self, model: CopiesModel, row: int, field: str, old: object, new: object, text: str
    ) -> None:
        super().__init__(text)
        self._model, self._row, self._field, self._old, self._new = model, row, field, old, new

    def redo(self) -> None:
        self._model.put(self._row, self._field, self._new)

    def undo(self) -> None:
        self._model.put(self._row, self._field, self._old)


class AddCopiesCommand(QUndoCommand):
    def __init__(self, model: CopiesModel, row: int, copies: list[Copy], text: str) -> None:
        super().__init__(text)
        self._model, self._row, self._copies = model, row, copies

    def redo(self) -> None:
        self._model.insert(self._row, list(self._copies))

    def undo(self) -> None:
        self._model.take(self._row, len(self._copies))


class RemoveCopiesCommand(QUndoCommand):
    def __init__(self, model: CopiesModel, rows: list[int], text: str) -> None:
        super().__init__(text)
        self._model, self._rows = model, sorted(rows)
        self._removed: list[tuple[int, Copy]] = []

    def redo(self) -> None:
        self._removed = [(row, self._model.take(row, 1)[0]) for row in reversed(self._rows)]

    def undo(self) -> None:
        for row, copy in reversed(self._removed):
            self._model.insert(row, [copy])


class CopyDelegate(QStyledItemDelegate):
    """Editors that only accept what a copy can hold: a status list, a date, a price."""

    def createEditor(
        self,
        parent: QWidget,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> QWidget:
        field = COLUMNS[index.column()]
        if field in ("status", "source"):
            combo = QComboBox(parent)
            if field == "status":
                for status in CopyStatus:
                    combo.addItem(labels.copy_status_name(status), status.value)
            else:
                combo.addItem("—", "")
                for source in AcquisitionSource:
                    combo.addItem(labels.acquisition_source_name(source), source.value)
            return combo
        if field == "acquired_on":
            date = QDateEdit(parent)
            date.setCalendarPopup(True)
            date.setMinimumDate(_NO_DATE)
            date.setSpecialValueText("—")
            return date
        editor = super().createEditor(parent, option, index)
        if isinstance(editor, QLineEdit) and field in ("price", "currency"):
            pattern = _PRICE if field == "price" else _CURRENCY
            editor.setValidator(QRegularExpressionValidator(pattern, editor))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QDateEdit):
            editor.setDate(value if isinstance(value, QDate) and value.isValid() else _NO_DATE)
        else:
            super().setEditorData(editor, index)

    def setModelData(
        self,
        editor: QWidget,
        model: QAbstractItemModel,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QDateEdit):
            model.setData(index, editor.date(), Qt.ItemDataRole.EditRole)
        else:
            super().setModelData(editor, model, index)
