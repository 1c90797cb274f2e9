"""Repeating fields of the record form: lists edited as rows of small widgets.

A ``RowListEditor`` shows a list (contributors, subjects, identifiers …) as rows of small
widgets: one line edit or combo box per column.  Rows rather than a table, because a cataloguer
types into them all day: every cell is an ordinary line edit with its own completer, the tab
key walks through them in reading order, and a problem can be marked on exactly the row it
concerns.  Keys: Insert adds a row, Delete on an empty row or Ctrl+Delete removes one,
Alt+Up / Alt+Down move it.  The value of a list is a list of tuples of strings (combo boxes give
their codes); ``record_fields`` turns those into model objects.

Cells can complete what is typed (see ``completion``): the form hands each list a function that
gives the completer for a column.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from library_app.core.validation import Severity
from library_app.db.values import Suggestion
from library_app.gui.editor.completion import Chosen, Completion

Cell = QLineEdit | QComboBox


def mark_widget(widget: QWidget, severity: Severity | None, message: str = "") -> None:
    """Show a problem on a widget: the ``problem`` property drives the editor's style sheet
    (red border for errors, amber for warnings); the tooltip says what is wrong."""
    state = severity.value if severity is not None else ""
    if widget.property("problem") == state and widget.toolTip() == message:
        return
    widget.setProperty("problem", state)
    widget.setToolTip(message)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


@dataclass(frozen=True)
class Column:
    """One column of a list editor.

    ``choices`` makes it a combo box of (code, label); ``completion`` names a completer the
    form supplies; ``note`` returns a short explanation shown after the cell (a language name
    for a code); ``fill`` turns a chosen suggestion into values for the row's cells by column
    key (a person's surname and forenames).
    """

    key: str
    placeholder: Callable[[], str] = lambda: ""
    choices: Callable[[], list[tuple[str, str]]] | None = None
    completion: str = ""
    stretch: int = 2
    note: Callable[[str], str] | None = None
    fill: Callable[[str, Suggestion | None], dict[str, str]] | None = None


class _Row:
    def __init__(self, widget: QWidget, cells: list[Cell], notes: list[QLabel | None]) -> None:
        self.widget = widget
        self.cells = cells
        self.notes = notes


class RowListEditor(QWidget):
    """An editable list of rows; see the module docstring."""

    edited = Signal(str)
    """The user changed the list; the argument is a merge key ("row:column" while typing in a
    cell, "" for a row added, removed or moved, or a choice in a combo box)."""

    structure_changed = Signal()
    """Rows were added or removed (the form fixes the tab order)."""

    def __init__(
        self,
        name: str,
        columns: Sequence[Column],
        completions: Callable[[str], Completion | None],
        *,
        min_rows: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName(f"list_{name}")
        self.name = name
        self.columns = list(columns)
        self._completions = completions
        self._min_rows = min_rows
        self._rows: list[_Row] = []
        self._current = -1
        self._updating = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(3)
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setSpacing(3)
        outer.addLayout(self._rows_layout)
        bar = QHBoxLayout()
        bar.setSpacing(2)
        self.add_button = self._button("add", self.add_row)
        self.remove_button = self._button("remove", self.remove_current_row)
        self.up_button = self._button("up", lambda: self.move_current_row(-1))
        self.down_button = self._button("down", lambda: self.move_current_row(1))
        self.add_button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reaches an empty list
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            bar.addWidget(button)
        bar.addStretch(1)
        outer.addLayout(bar)
        self.problem_label = QLabel(self)
        self.problem_label.setObjectName(f"problems_{name}")
        self.problem_label.setWordWrap(True)
        self.problem_label.hide()
        outer.addWidget(self.problem_label)
        self._set_rows([])
        self.retranslate_ui()

    def _button(self, name: str, slot: Callable[[], None]) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(f"{name}Button")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        button.setAutoRaise(True)
        button.clicked.connect(slot)
        return button

    def retranslate_ui(self) -> None:
        self.add_button.setText(self.tr("+ Add"))
        self.add_button.setToolTip(self.tr("Add a row (Insert)"))
        self.remove_button.setText("−")
        self.remove_button.setToolTip(self.tr("Remove the current row (Ctrl+Delete)"))
        self.up_button.setText("↑")
        self.up_button.setToolTip(self.tr("Move the current row up (Alt+Up)"))
        self.down_button.setText("↓")
        self.down_button.setToolTip(self.tr("Move the current row down (Alt+Down)"))
        for row in self._rows:
            for column, cell in zip(self.columns, row.cells, strict=True):
                if isinstance(cell, QLineEdit):
                    cell.setPlaceholderText(column.placeholder())
                elif column.choices is not None:
                    for code, label in column.choices():
                        index = cell.findData(code)
                        if index >= 0:
                            cell.setItemText(index, label)
            self._update_notes(row)

    # --- value ------------------------------------------------------------------------------

    def value(self) -> list[tuple[str, ...]]:
        return [self._row_value(row) for row in self._rows]

    def set_value(self, rows: Sequence[Sequence[str]]) -> None:
        """Show ``rows`` without reporting an edit (loading, undo, redo)."""
        self._set_rows([tuple(r) for r in rows])

    def row_count(self) -> int:
        return len(self._rows)

    def cell(self, row: int, column: str) -> Cell:
        """The widget of ``column`` in ``row`` (for the form and for tests)."""
        keys = [c.key for c in self.columns]
        return self._rows[row].cells[keys.index(column)]

    def focus_widgets(self) -> list[QWidget]:
        """Widgets in reading order, for the form's tab chain."""
        widgets: list[QWidget] = [cell for row in self._rows for cell in row.cells]
        return [*widgets, self.add_button]

    def _row_value(self, row: _Row) -> tuple[str, ...]:
        return tuple(
            cell.text() if isinstance(cell, QLineEdit) else str(cell.currentData() or "")
            for cell in row.cells
        )

    def _empty_row_value(self) -> tuple[str, ...]:
        values = []
        for column in self.columns:
            choices = column.choices() if column.choices is not None else []
            values.append(choices[0][0] if choices else "")
        return tuple(values)

    def is_blank(self, values: Sequence[str]) -> bool:
        """No text typed in the row (a combo's choice alone is not content)."""
        return not any(
            v.strip() for column, v in zip(self.columns, values, strict=True) if not column.choices
        )

    def _set_rows(self, rows: list[tuple[str, ...]]) -> None:
        while len(rows) < self._min_rows:
            rows.append(self._empty_row_value())
        self._updating = True
        try:
            changed = len(rows) != len(self._rows)
            while len(self._rows) > len(rows):
                row = self._rows.pop()
                row.widget.hide()
                row.widget.deleteLater()
            while len(self._rows) < len(rows):
                self._rows.append(self._make_row())
            for row, values in zip(self._rows, rows, strict=True):
                for cell, value in zip(row.cells, values, strict=True):
                    _set_cell(cell, value)
                self._update_notes(row)
        finally:
            self._updating = False
        self._current = min(self._current, len(self._rows) - 1)
        self._update_buttons()
        if changed:
            self.structure_changed.emit()

    def _make_row(self) -> _Row:
        widget = QWidget(self)
        layout = QHBoxLayout(widget)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        cells: list[Cell] = []
        notes: list[QLabel | None] = []
        row = _Row(widget, cells, notes)
        for index, column in enumerate(self.columns):
            cell: Cell
            if column.choices is not None:
                cell = QComboBox(widget)
                for code, label in column.choices():
                    cell.addItem(label, code)
                cell.currentIndexChanged.connect(lambda _i, r=row: self._cell_changed(r, -1))
            else:
                cell = QLineEdit(widget)
                cell.setPlaceholderText(column.placeholder())
                cell.textChanged.connect(lambda _t, r=row, i=index: self._cell_changed(r, i))
                completion = self._completions(column.completion) if column.completion else None
                if completion is not None:
                    completion.attach(cell, self._chooser(row, column))
            cell.setObjectName(f"{self.name}_{column.key}")
            cell.installEventFilter(self)
            layout.addWidget(cell, column.stretch)
            cells.append(cell)
            note = None
            if column.note is not None:
                note = QLabel(widget)
                note.setObjectName(f"{self.name}_{column.key}_note")
                note.setEnabled(False)  # greyed: an explanation, not a value
                note.setMinimumWidth(90)
                layout.addWidget(note)
            notes.append(note)
        self._rows_layout.addWidget(widget)
        widget.show()  # now, not later: the new row takes the focus at once
        return row

    def _chooser(self, row: _Row, column: Column) -> Chosen | None:
        if column.fill is None:
            return None
        fill = column.fill

        def chosen(text: str, suggestion: Suggestion | None) -> None:
            if row not in self._rows:
                return
            keys = [c.key for c in self.columns]
            for key, value in fill(text, suggestion).items():
                cell = row.cells[keys.index(key)]
                if isinstance(cell, QLineEdit) and cell.text() != value:
                    cell.setText(value)  # reported as an edit, like typing

        return chosen

    def _update_notes(self, row: _Row) -> None:
        for column, cell, note in zip(self.columns, row.cells, row.notes, strict=True):
            if note is not None and column.note is not None and isinstance(cell, QLineEdit):
                note.setText(column.note(cell.text()))

    def _cell_changed(self, row: _Row, column: int) -> None:
        if self._updating or row not in self._rows:
            return
        self._update_notes(row)
        index = self._rows.index(row)
        self._current = index
        self.edited.emit(f"{index}:{column}" if column >= 0 else "")

    # --- rows -------------------------------------------------------------------------------

    def add_row(self, values: Sequence[str] | None = None) -> None:
        """Insert a row after the current one (or at the end) and put the cursor in it."""
        rows = self.value()
        at = self._current + 1 if 0 <= self._current < len(rows) else len(rows)
        rows.insert(at, tuple(values) if values is not None else self._empty_row_value())
        self._current = at
        self._set_rows(rows)
        self.edited.emit("")
        self._focus(at, 0)

    def remove_current_row(self) -> None:
        rows = self.value()
        at = self._current
        if not 0 <= at < len(rows):
            return
        del rows[at]
        self._set_rows(rows)
        self.edited.emit("")
        if self._rows:
            self._focus(min(at, len(self._rows) - 1), 0)
        else:
            self.add_button.setFocus()

    def move_current_row(self, step: int) -> None:
        rows = self.value()
        at, to = self._current, self._current + step
        if not (0 <= at < len(rows) and 0 <= to < len(rows)):
            return
        column = self._focused_column()
        rows[at], rows[to] = rows[to], rows[at]
        self._current = to
        self._set_rows(rows)
        self.edited.emit("")
        self._focus(to, column)

    def _focused_column(self) -> int:
        if 0 <= self._current < len(self._rows):
            for index, cell in enumerate(self._rows[self._current].cells):
                if cell.hasFocus():
                    return index
        return 0

    def _focus(self, row: int, column: int) -> None:
        if 0 <= row < len(self._rows):
            self._current = row
            self._rows[row].cells[column].setFocus(Qt.FocusReason.OtherFocusReason)
        self._update_buttons()

    def _update_buttons(self) -> None:
        has_current = 0 <= self._current < len(self._rows)
        self.remove_button.setEnabled(has_current)
        self.up_button.setEnabled(has_current and self._current > 0)
        self.down_button.setEnabled(has_current and self._current < len(self._rows) - 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            for index, row in enumerate(self._rows):
                if watched in row.cells:
                    self._current = index
                    self._update_buttons()
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            return self._key(event)
        return False

    def _key(self, event: QKeyEvent) -> bool:
        key, modifiers = event.key(), event.modifiers()
        plain = modifiers == Qt.KeyboardModifier.NoModifier
        if key == Qt.Key.Key_Insert and plain:
            self.add_row()
            return True
        if key == Qt.Key.Key_Delete and (
            modifiers == Qt.KeyboardModifier.ControlModifier
            or (plain and self._current_row_blank())
        ):
            self.remove_current_row()
            return True
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and (
            modifiers == Qt.KeyboardModifier.AltModifier
        ):
            self.move_current_row(-1 if key == Qt.Key.Key_Up else 1)
            return True
        return False

    def _current_row_blank(self) -> bool:
        if not 0 <= self._current < len(self._rows):
            return False
        return self.is_blank(self._row_value(self._rows[self._current]))

    # --- problems ---------------------------------------------------------------------------

    def show_problems(
        self,
        rows: dict[int, list[tuple[Severity, str]]],
        general: list[tuple[Severity, str]],
    ) -> None:
        """Mark rows (by index in this editor) and list every message under the list."""
        lines: list[tuple[Severity, str]] = list(general)
        for index, row in enumerate(self._rows):
            found = rows.get(index, [])
            severity = _worst(found)
            message = "\n".join(text for _, text in found)
            # The row's main text (the name, the number, the address) carries the mark.
            texts = [cell for cell in row.cells if isinstance(cell, QLineEdit)]
            for position, cell in enumerate(texts):
                mark_widget(cell, severity if position == 0 else None, message)
            lines += [
                (sev, self.tr("Row {number}: {message}").format(number=index + 1, message=text))
                for sev, text in found
            ]
        severity = _worst(lines)
        self.problem_label.setText("\n".join(text for _, text in lines))
        self.problem_label.setProperty("problem", severity.value if severity else "")
        self.problem_label.style().unpolish(self.problem_label)
        self.problem_label.style().polish(self.problem_label)
        self.problem_label.setVisible(bool(lines))


def _worst(found: list[tuple[Severity, str]]) -> Severity | None:
    severities = {severity for severity, _ in found}
    if Severity.ERROR in severities:
        return Severity.ERROR
    return Severity.WARNING if severities else None


def _set_cell(cell: Cell, value: str) -> None:
    if isinstance(cell, QLineEdit):
        if cell.text() != value:
            cell.setText(value)
            cell.setCursorPosition(0)  # show the beginning of a long name
        return
    index = cell.findData(value)
    if index < 0:  # a code this program has no name for: show it as it is
        cell.addItem(value, value)
        index = cell.count() - 1
    cell.setCurrentIndex(index)
