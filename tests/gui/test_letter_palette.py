"""Central Asian letters: the palette inserts at the cursor, the shortcut cycles variants."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QToolButton, QVBoxLayout, QWidget

from library_app.gui.letter_palette import SHORTCUT, LetterPalette, cycle_before_cursor


@pytest.fixture
def editor(qtbot: Any) -> Iterator[tuple[QLineEdit, LetterPalette]]:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    line = QLineEdit(window)
    palette = LetterPalette(line, window)
    layout.addWidget(line)
    layout.addWidget(palette)
    window.show()
    qtbot.waitExposed(window)
    line.setFocus()
    qtbot.waitUntil(line.hasFocus)
    yield line, palette
    window.close()
    # QTest leaves the modifiers of its last event (Ctrl, Shift) as the application's state;
    # a neutral key event resets them for the tests that follow.
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(line, event)


def button_for(palette: LetterPalette, letter: str) -> QToolButton:
    return next(b for b in palette.letter_buttons if b.property("letter") == letter)


def open_popup(qtlog: Any, palette: LetterPalette, qtbot: Any | None = None) -> None:
    """Open the palette by clicking its button (or directly).  The offscreen platform cannot
    raise a popup nor grab the keyboard and says so in a warning; that is about the test
    platform, not the palette, so the warnings of this one step are not captured."""
    with qtlog.disabled():
        if qtbot is not None:
            qtbot.mouseClick(palette, Qt.MouseButton.LeftButton)
        else:
            palette.show_popup()
    assert palette.popup.isVisible()


def type_text(line: QLineEdit, text: str) -> None:
    """Key presses carrying each character (QTest.keyClicks only knows ASCII)."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            QApplication.sendEvent(line, event)


def press_shortcut(qtbot: Any, line: QLineEdit) -> None:
    combination = SHORTCUT[0]
    qtbot.keyClick(line, combination.key(), combination.keyboardModifiers())


def test_palette_letter_is_inserted_at_the_cursor_and_focus_returns(
    editor: tuple[QLineEdit, LetterPalette], qtbot: Any, qtlog: Any
) -> None:
    line, palette = editor
    type_text(line, "Бал каш")
    line.setCursorPosition(3)  # Бал| каш
    edited: list[str] = []
    line.textEdited.connect(edited.append)

    open_popup(qtlog, palette, qtbot)
    qtbot.mouseClick(button_for(palette, "қ"), Qt.MouseButton.LeftButton)

    assert line.text() == "Балқ каш"
    assert line.cursorPosition() == 4
    assert not palette.popup.isVisible()
    qtbot.waitUntil(line.hasFocus)
    assert edited == ["Балқ каш"]  # search-as-you-type sees it like typing


def test_capitals_through_the_toggle_and_with_shift(
    editor: tuple[QLineEdit, LetterPalette], qtbot: Any, qtlog: Any
) -> None:
    line, palette = editor
    open_popup(qtlog, palette)
    qtbot.mouseClick(palette.case_toggle, Qt.MouseButton.LeftButton)
    assert button_for(palette, "ә").text() == "Ә"
    assert button_for(palette, "oʻ").text() == "Oʻ"
    qtbot.mouseClick(button_for(palette, "ө"), Qt.MouseButton.LeftButton)
    open_popup(qtlog, palette)
    qtbot.mouseClick(palette.case_toggle, Qt.MouseButton.LeftButton)  # back to lower case
    qtbot.mouseClick(button_for(palette, "gʻ"), Qt.MouseButton.LeftButton)
    open_popup(qtlog, palette)
    qtbot.mouseClick(
        button_for(palette, "ş"), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier
    )
    assert line.text() == "ӨgʻŞ"


def test_palette_has_every_letter_of_the_region(editor: tuple[QLineEdit, LetterPalette]) -> None:
    _line, palette = editor
    letters = {b.property("letter") for b in palette.letter_buttons}
    assert set("әғқңөұүһі") <= letters
    assert {"o\u02bb", "g\u02bb"} <= letters
    assert set("ӣӯҷҳ") <= letters and set("ňäöüçşýž") <= letters
    assert "Ctrl" in palette.toolTip() or "⌘" in palette.toolTip()


@pytest.mark.parametrize(
    ("typed", "presses"),
    [
        ("а", ["ә", "а"]),
        ("у", ["ұ", "ү", "у"]),
        ("К", ["Қ", "К"]),
        ("Ust-Kamenogorsk o", ["Ust-Kamenogorsk o\u02bb", "Ust-Kamenogorsk o"]),
        ("G", ["G\u02bb", "G"]),
        ("х", ["һ", "х"]),
        ("и", ["і", "и"]),
    ],
)
def test_shortcut_cycles_the_letter_before_the_cursor_and_back(
    editor: tuple[QLineEdit, LetterPalette],
    qtbot: Any,
    typed: str,
    presses: list[str],
) -> None:
    line, _palette = editor
    type_text(line, typed)
    seen = []
    for _ in presses:
        press_shortcut(qtbot, line)
        seen.append(line.text())
    assert seen == presses
    assert line.cursorPosition() == len(line.text())


def test_shortcut_works_in_the_middle_and_is_one_undo_step(
    editor: tuple[QLineEdit, LetterPalette], qtbot: Any
) -> None:
    line, _palette = editor
    type_text(line, "Бал каш")
    line.setCursorPosition(5)  # Бал к|аш
    press_shortcut(qtbot, line)
    assert line.text() == "Бал қаш"
    assert line.cursorPosition() == 5
    line.undo()
    assert line.text() == "Бал каш"


def test_letters_without_variants_are_left_alone(
    editor: tuple[QLineEdit, LetterPalette], qtbot: Any
) -> None:
    line, palette = editor
    type_text(line, "б")
    press_shortcut(qtbot, line)
    assert line.text() == "б"
    line.clear()
    assert not palette.cycle_letter()


def test_cycle_rule_looks_at_two_letter_uzbek_first() -> None:
    assert cycle_before_cursor("o\u02bb", 2) == (2, "o")
    assert cycle_before_cursor("xo", 2) == (1, "o\u02bb")
    assert cycle_before_cursor("", 0) is None
