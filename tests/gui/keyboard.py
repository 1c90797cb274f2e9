"""Typing into widgets as a keyboard would, including letters QTest cannot name.

``QTest.keyClicks`` aborts the process on characters outside ASCII (an assertion in
qasciikey.cpp), and Cyrillic and Kazakh text is what our users type all day.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


def type_text(qtbot: Any, widget: QWidget, text: str) -> None:
    for char in text:
        if char.isascii():
            qtbot.keyClick(widget, char)
            continue
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(widget, event)
