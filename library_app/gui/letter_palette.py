"""Typing Central Asian letters on a Russian or English keyboard.

Librarians often have only a Russian layout, yet titles and names need ә ғ қ ң ө ұ ү һ і or the
Uzbek oʻ gʻ.  Two ways help: a small palette of letters behind a tool button, and a shortcut
that turns the letter just typed into its Central Asian variant (к → қ), cycling through the
variants on every press and back to the original, in the letter's own case.  Both edit the
line edit as typing would (one undo step, ``textEdited`` fires), so search-as-you-type follows.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QWidget,
)

UZBEK_MARK = "\u02bb"  # ʻ MODIFIER LETTER TURNED COMMA, as Uzbek Latin writes oʻ and gʻ

LETTER_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("kazakh", ("ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і")),
    ("uzbek", ("o" + UZBEK_MARK, "g" + UZBEK_MARK)),
    ("kyrgyz_tajik", ("ӣ", "ӯ", "ҷ", "ҳ")),
    ("turkmen", ("ň", "ä", "ö", "ü", "ç", "ş", "ý", "ž")),
)
"""The palette's rows (lower case); the group key names the row's label."""

CYCLES: tuple[tuple[str, ...], ...] = (
    ("а", "ә"),
    ("г", "ғ"),
    ("к", "қ"),
    ("н", "ң"),
    ("о", "ө"),
    ("у", "ұ", "ү"),
    ("х", "һ"),
    ("и", "і"),
    ("ч", "ҷ"),
    ("o", "o" + UZBEK_MARK),
    ("g", "g" + UZBEK_MARK),
    ("n", "ň"),
    ("a", "ä"),
    ("u", "ü"),
    ("c", "ç"),
    ("s", "ş"),
    ("y", "ý"),
    ("z", "ž"),
)
"""What the shortcut does to the letter before the cursor, press after press (lower case)."""

SHORTCUT = QKeySequence("Ctrl+'")


def _next_variants() -> dict[str, str]:
    following: dict[str, str] = {}
    for cycle in CYCLES:
        for case in (cycle, tuple(letter.upper() for letter in cycle)):
            for index, letter in enumerate(case):
                following[letter] = case[(index + 1) % len(case)]
    return following


NEXT_VARIANT = _next_variants()


def cycle_before_cursor(text: str, cursor: int) -> tuple[int, str] | None:
    """(length of the letter before ``cursor``, its replacement), or None for other letters.

    Two-character letters (oʻ) are looked at first, so the cycle can leave them again."""
    for length in (2, 1):
        if cursor >= length and (after := NEXT_VARIANT.get(text[cursor - length : cursor])):
            return length, after
    return None


class LetterPalette(QToolButton):
    """A tool button ("ә") with a popup of letters for ``target``, plus the variant shortcut.

    The shortcut is an action on ``target`` (it works while the line edit has the focus), so
    it never takes a key away from other widgets of the window."""

    letter_inserted = Signal(str)

    def __init__(self, target: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("letterPalette")
        self.target = target
        self.setText("ә")
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.clicked.connect(self.show_popup)

        self.cycle_action = QAction(target)
        self.cycle_action.setObjectName("letterCycleAction")
        self.cycle_action.setShortcut(SHORTCUT)
        self.cycle_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.cycle_action.triggered.connect(self.cycle_letter)
        target.addAction(self.cycle_action)

        self.popup = QFrame(self, Qt.WindowType.Popup)
        self.popup.setObjectName("letterPopup")
        self.popup.setFrameShape(QFrame.Shape.StyledPanel)
        grid = QGridLayout(self.popup)
        grid.setContentsMargins(6, 6, 6, 6)
        grid.setSpacing(2)
        self.case_toggle = QToolButton(self.popup)
        self.case_toggle.setObjectName("letterCaseToggle")
        self.case_toggle.setCheckable(True)
        self.case_toggle.toggled.connect(self._show_case)
        grid.addWidget(self.case_toggle, 0, 0)
        self.group_labels: dict[str, QLabel] = {}
        self.letter_buttons: list[QToolButton] = []
        for row, (group, letters) in enumerate(LETTER_GROUPS, start=1):
            label = QLabel(self.popup)
            self.group_labels[group] = label
            grid.addWidget(label, row, 0)
            for column, letter in enumerate(letters, start=1):
                button = QToolButton(self.popup)
                button.setObjectName("letterButton")
                button.setProperty("letter", letter)
                button.setText(letter)
                button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
                button.setMinimumWidth(button.fontMetrics().horizontalAdvance("Wʻ") + 12)
                button.clicked.connect(lambda _checked=False, b=button: self._letter_clicked(b))
                grid.addWidget(button, row, column)
                self.letter_buttons.append(button)
        self.retranslate_ui()

    # --- texts --------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        shortcut = SHORTCUT.toString(QKeySequence.SequenceFormat.NativeText)
        self.setToolTip(
            self.tr(
                "Central Asian letters: ә ғ қ ң ө ұ ү һ і, oʻ gʻ and more.\n"
                "{shortcut} in the search box changes the letter before the cursor: "
                "а→ә, г→ғ, к→қ, н→ң, о→ө, у→ұ→ү, х→һ, и→і, o→oʻ, g→gʻ; "
                "press it again for the next variant and back."
            ).format(shortcut=shortcut)
        )
        self.setAccessibleName(self.tr("Central Asian letters"))
        self.cycle_action.setText(self.tr("Change the letter before the cursor"))
        self.case_toggle.setText(self.tr("Aa"))
        self.case_toggle.setToolTip(
            self.tr("Capital letters (or hold Shift while clicking a letter)")
        )
        names = {
            "kazakh": self.tr("Kazakh"),
            "uzbek": self.tr("Uzbek"),
            "kyrgyz_tajik": self.tr("Kyrgyz, Tajik"),
            "turkmen": self.tr("Turkmen"),
        }
        for group, label in self.group_labels.items():
            label.setText(names[group])

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- the palette --------------------------------------------------------------------------

    def show_popup(self) -> None:
        self.popup.adjustSize()
        self.popup.move(self.mapToGlobal(QPoint(0, self.height())))
        self.popup.show()
        if self.letter_buttons:
            self.letter_buttons[0].setFocus()

    def _show_case(self, upper: bool) -> None:
        for button in self.letter_buttons:
            letter = str(button.property("letter"))
            button.setText(letter.upper() if upper else letter)

    def _letter_clicked(self, button: QToolButton) -> None:
        letter = str(button.property("letter"))
        shifted = bool(QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier)
        if self.case_toggle.isChecked() != shifted:
            letter = letter.upper()
        self.popup.hide()
        self.insert_letter(letter)

    def insert_letter(self, letter: str) -> None:
        """Type ``letter`` at the cursor of the target (replacing a selection), focus it."""
        self.target.insert(letter)
        self.target.setFocus(Qt.FocusReason.PopupFocusReason)
        self.letter_inserted.emit(letter)

    # --- the shortcut -------------------------------------------------------------------------

    def cycle_letter(self) -> bool:
        """Replace the letter before the cursor by its next variant; False if it has none."""
        target = self.target
        if target.isReadOnly():
            return False
        cursor = target.cursorPosition()
        if target.hasSelectedText():
            cursor = target.selectionEnd()
        found = cycle_before_cursor(target.text(), cursor)
        if found is None:
            return False
        length, replacement = found
        target.setSelection(cursor - length, length)
        target.insert(replacement)
        return True
