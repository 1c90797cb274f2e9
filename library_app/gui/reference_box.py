"""The bibliographic reference of the record on display, in the style the reader picks
(GOST R 7.0.100-2018 unless another is chosen), ready to copy into a paper or a reading list.

Formatting is pure Python and takes microseconds, so it runs on the main thread whenever the
record or the style changes.  A failure in formatting hides the box instead of the record: the
description above it is what the reader came for.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from library_app.core.model import Record
from library_app.reports.citation import (
    DEFAULT_STYLE,
    STYLES,
    Reference,
    check_style,
    format_reference,
)

log = logging.getLogger(__name__)


class ReferenceBox(QFrame):
    """Style chooser, the formatted reference and a Copy button; hidden without a record."""

    style_changed = Signal(str)
    """The reader chose another style (an id of ``citation.STYLES``), for the caller to keep."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("referenceArea")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._style = DEFAULT_STYLE
        self._record: Record | None = None
        self._reference: Reference | None = None

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 8)
        header = QHBoxLayout()
        self.heading = QLabel(self)
        self.heading.setObjectName("referenceHeading")
        header.addWidget(self.heading)
        header.addStretch(1)
        self.style_combo = QComboBox(self)
        self.style_combo.setObjectName("citationStyleCombo")
        for style in STYLES:
            self.style_combo.addItem(style, style)
        self.style_combo.setCurrentIndex(STYLES.index(self._style))
        self.style_combo.currentIndexChanged.connect(self._style_chosen)
        self.heading.setBuddy(self.style_combo)
        header.addWidget(self.style_combo)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copyReferenceButton")
        self.copy_button.clicked.connect(self.copy_reference)
        header.addWidget(self.copy_button)
        layout.addLayout(header)
        self.label = QLabel(self)
        self.label.setObjectName("referenceLabel")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.label)
        self.status = QLabel(self)
        self.status.setObjectName("referenceStatus")
        layout.addWidget(self.status)
        self.setVisible(False)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(self.tr("&Reference:"))
        names = {
            "gost-r-7.0.100-2018": self.tr("GOST R 7.0.100-2018"),
            "gost-7.1-2003": self.tr("GOST 7.1-2003"),
            "gost-r-7.0.5-2008": self.tr("GOST R 7.0.5-2008 (reference)"),
            "apa": self.tr("APA 7"),
        }
        for index, style in enumerate(STYLES):
            self.style_combo.setItemText(index, names.get(style, style))
        self.style_combo.setToolTip(self.tr("The standard the reference follows"))
        self.copy_button.setText(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the reference to the clipboard"))
        self.status.clear()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    @property
    def citation_style(self) -> str:
        return self._style

    def set_citation_style(self, style: str) -> None:
        """Show references in ``style`` (an id of ``citation.STYLES``; InputError otherwise)."""
        check_style(style)
        self.style_combo.setCurrentIndex(STYLES.index(style))

    @property
    def reference(self) -> Reference | None:
        """The reference on display; None when there is no record."""
        return self._reference

    def set_record(self, record: Record | None) -> None:
        self._record = record
        self._show()

    def _style_chosen(self, index: int) -> None:
        style = self.style_combo.itemData(index)
        if not isinstance(style, str) or style == self._style:
            return
        self._style = style
        self._show()
        self.style_changed.emit(style)

    def _show(self) -> None:
        self.status.clear()
        record = self._record
        self._reference = None
        if record is not None:
            try:
                self._reference = format_reference(record, self._style)
            except Exception:  # shown without a reference rather than not at all
                log.exception("formatting the reference of record %s failed", record.id)
        if self._reference is None:
            self.label.clear()
            self.setVisible(False)
            return
        self.label.setText(self._reference.markup)
        self.setVisible(True)

    def copy_reference(self) -> None:
        """Put the reference on the clipboard as plain text.

        Not as QMimeData with HTML (which would keep APA's italics): PySide6 crashes the process
        at exit when the clipboard still holds a QMimeData made in Python."""
        if self._reference is None:
            return
        QGuiApplication.clipboard().setText(self._reference.text)
        self.status.setText(self.tr("Copied to the clipboard."))
