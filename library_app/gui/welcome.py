"""The page shown instead of the search view while the catalog is empty (or being counted).

A card in the middle says how many records there are and where the catalog lives and, for an
empty catalog, offers the demo catalog — a new user's first step.  Readers at a public
workstation are told to ask a librarian instead.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from library_app.db.catalog import describe_target


class WelcomePage(QWidget):
    def __init__(self, db_url: str, *, reader: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WelcomePage")
        self._db_url = db_url
        self._reader = reader
        self._count: int | None = None
        self._count_failed = False
        outer = QVBoxLayout(self)
        outer.setContentsMargins(32, 24, 32, 24)
        row = QHBoxLayout()
        card = QFrame(self)
        card.setObjectName("summaryCard")
        card.setMinimumWidth(360)
        card.setMaximumWidth(640)
        card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row.addStretch(1)
        row.addWidget(card, 8)
        row.addStretch(1)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        layout = QVBoxLayout(card)
        layout.setSpacing(10)

        self.count_label = QLabel(card)
        self.count_label.setObjectName("countLabel")
        font = QFont(self.count_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.count_label.setFont(font)
        layout.addWidget(self.count_label)

        self.location_label = QLabel(card)
        self.location_label.setObjectName("locationLabel")
        self.location_label.setWordWrap(True)
        self.location_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.location_label)

        self.empty_panel = QWidget(card)
        self.empty_panel.setObjectName("emptyPanel")
        empty = QVBoxLayout(self.empty_panel)
        empty.setContentsMargins(0, 16, 0, 0)
        empty.setSpacing(12)
        self.empty_heading = QLabel(self.empty_panel)
        heading_font = QFont(self.empty_heading.font())
        heading_font.setBold(True)
        self.empty_heading.setFont(heading_font)
        self.empty_text = QLabel(self.empty_panel)
        self.empty_text.setWordWrap(True)
        self.demo_button = QPushButton(self.empty_panel)
        self.demo_button.setObjectName("demoButton")
        self.demo_button.setDefault(True)
        self.demo_button.setMinimumHeight(40)
        self.demo_button.setVisible(not reader)
        empty.addWidget(self.empty_heading)
        empty.addWidget(self.empty_text)
        empty.addWidget(self.demo_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.empty_panel.setVisible(False)  # shown once the count says the catalog is empty
        layout.addWidget(self.empty_panel)
        self.retranslate_ui()

    def set_reader(self, reader: bool) -> None:
        self._reader = reader
        self.demo_button.setVisible(not reader)
        self.retranslate_ui()

    def set_count(self, count: int | None, failed: bool = False) -> None:
        self._count, self._count_failed = count, failed
        self._show_count()

    def retranslate_ui(self) -> None:
        self.empty_heading.setText(self.tr("The catalog is empty"))
        if self._reader:
            self.empty_text.setText(
                self.tr("There are no records to search yet. Please ask a librarian.")
            )
        else:
            self.empty_text.setText(
                self.tr(
                    "To try the program before entering your own collection, load a demo "
                    "catalog: realistic made-up records of books, reports, articles, maps and "
                    "theses in the languages of the region. The records are added to this "
                    "catalog."
                )
            )
        self.demo_button.setText(self.tr("Load demo catalog…"))
        # Room around the text, whatever its length in the current language.
        self.demo_button.setMinimumWidth(
            self.demo_button.fontMetrics().horizontalAdvance(self.demo_button.text()) + 48
        )
        self._show_count()

    def _show_count(self) -> None:
        if self._count is not None:
            # %Ln: the count in the locale's digits and grouping ("10,000", "10 000").
            text = self.tr("Catalog: %Ln record(s)", "", self._count)
        elif self._count_failed:
            text = self.tr("Catalog: the number of records is not known")
        else:
            text = self.tr("Catalog: counting records…")
        self.count_label.setText(text)
        where = describe_target(self._db_url)
        self.location_label.setText(self.tr("Stored in: {where}").format(where=where))
        self.empty_panel.setVisible(self._count == 0)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)
