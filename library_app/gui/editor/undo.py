"""Undo and redo inside the record editor.

Every change to the description is one ``SetFieldCommand``: the field's key with its value
before and after (a text, a code, or the rows of a list).  Keeping whole values instead of
widget operations makes undo trivially correct for text fields, list rows and the material type
alike, and cheap: a description is small.  Consecutive typing in the same field (or the same
cell of a list) merges into one command, so one Ctrl+Z takes back a word typed, not a letter.

Text widgets have an undo history of their own that would swallow Ctrl+Z before the window's
action sees it; ``UndoShortcutGuard`` makes those keys reach the editor's QUndoStack instead, so
there is a single history for the whole window.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QUndoCommand
from PySide6.QtWidgets import QWidget


class FieldTarget(Protocol):
    """What a command changes: the form, addressed by field key."""

    def apply_field_value(self, key: str, value: object) -> None: ...


class SetFieldCommand(QUndoCommand):
    """Set one field of the form from ``old`` to ``new``.

    The change has already happened in the widget when the command is pushed, so the first
    ``redo`` (QUndoStack.push calls it) does nothing.  Commands with the same non-empty
    ``merge_key`` that follow each other merge; one that ends where its chain began becomes
    obsolete and disappears, so typing a letter and deleting it again leaves the record clean.
    """

    MERGE_ID = 0x5E7F

    def __init__(
        self,
        target: FieldTarget,
        key: str,
        old: object,
        new: object,
        text: str,
        merge_key: str = "",
    ) -> None:
        super().__init__(text)
        self._target = target
        self.key = key
        self.old = old
        self.new = new
        self.merge_key = merge_key
        self._done = True  # the widget already shows ``new``

    def id(self) -> int:
        return self.MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetFieldCommand):
            return False
        if other.key != self.key or not other.merge_key or other.merge_key != self.merge_key:
            return False
        self.new = other.new
        self.setObsolete(self.new == self.old)
        return True

    def redo(self) -> None:
        if self._done:
            self._done = False
            return
        self._target.apply_field_value(self.key, self.new)

    def undo(self) -> None:
        self._target.apply_field_value(self.key, self.old)


def _is_undo_key(event: QKeyEvent) -> bool:
    if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
        return True
    control = Qt.KeyboardModifier.ControlModifier
    return event.key() == Qt.Key.Key_Y and event.modifiers() == control


class UndoShortcutGuard(QObject):
    """Keeps Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y away from line edits and text boxes.

    A text widget claims these keys (a ShortcutOverride it accepts) for its private history;
    refusing the override lets the window's Undo and Redo actions run instead.  The guard
    follows widgets added later (new list rows) through ChildAdded, and reports when the
    focus leaves a widget, which ends the merging of typed text into one command.
    """

    focus_left = Signal()

    def guard(self, widget: QWidget) -> None:
        """Watch ``widget`` and everything inside it, now and later."""
        widget.installEventFilter(self)
        for child in widget.findChildren(QWidget):
            child.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            if _is_undo_key(event):
                event.ignore()
                return True  # not accepted: the shortcut goes to the window's action
        elif kind in (QEvent.Type.ChildAdded, QEvent.Type.ChildPolished):
            child = event.child()  # type: ignore[attr-defined]
            if isinstance(child, QWidget):
                child.installEventFilter(self)
        elif (
            kind == QEvent.Type.FocusOut
            and isinstance(event, QFocusEvent)
            and event.reason() != Qt.FocusReason.PopupFocusReason  # a completer's list opened
        ):
            self.focus_left.emit()
        return False
