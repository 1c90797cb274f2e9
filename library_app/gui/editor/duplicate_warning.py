"""The banner above the editor that says "this may already be in the catalog".

While the librarian types, ``check`` is called on every change; a short pause later the draft
is compared with the catalog (``services.duplicates``) in a background task, and answers to
older drafts are dropped (a generation counter), so the banner never shows a candidate for a
title that is no longer in the form.  Each candidate is a button that asks for that record to
be opened; the banner is hidden while nothing is found.
"""

from __future__ import annotations

import copy
import logging

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from library_app.core.model import Record
from library_app.core.progress import CancelCheck, ProgressCallback
from library_app.db.catalog import Catalog
from library_app.gui.tasks import BackgroundTask
from library_app.services.duplicates import DuplicateCandidate, find_possible_duplicates

log = logging.getLogger(__name__)

DEBOUNCE_MS = 400
SHOWN = 3
"""Candidates shown as buttons; the rest are counted ("and 2 more")."""
FETCHED = 20

STYLE = """
QFrame#duplicateWarning { background: #fff4ce; border: 1px solid #e0b400; border-radius: 4px; }
QFrame#duplicateWarning QLabel { background: transparent; border: none; color: #4a3800; }
QToolButton#duplicateCandidate { border: none; color: #0b57d0; text-decoration: underline;
                                 text-align: left; padding: 0; }
QToolButton#duplicateCandidate:focus { outline: 1px dotted #0b57d0; }
"""


class DuplicateWarning(QFrame):
    """A banner naming records that may describe the same item; see the module docstring."""

    open_requested = Signal(int)
    """The user clicked a candidate: open record ``id``."""
    candidates_changed = Signal(list)
    """The list of candidates (DuplicateCandidate) changed."""
    checked = Signal()
    """A check of the current draft finished (also when nothing was found)."""

    def __init__(self, catalog: Catalog, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateWarning")
        self.setStyleSheet(STYLE)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._catalog = catalog
        self._draft: Record | None = None
        self._generation = 0
        self._candidates: list[DuplicateCandidate] = []
        self._buttons: list[QToolButton] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._run)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        icon = QLabel(self)
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        icon.setPixmap(warning.pixmap(size, size))
        layout.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        column = QVBoxLayout()
        column.setSpacing(2)
        self.heading = QLabel(self)
        self.heading.setObjectName("duplicateHeading")
        column.addWidget(self.heading)
        self._list = QVBoxLayout()
        self._list.setSpacing(0)
        column.addLayout(self._list)
        self.more_label = QLabel(self)
        self.more_label.setObjectName("duplicateMore")
        column.addWidget(self.more_label)
        layout.addLayout(column, 1)
        self.setVisible(False)
        self.retranslate_ui()

    # --- the API ------------------------------------------------------------------------------

    def check(self, record: Record) -> None:
        """Compare ``record`` with the catalog after a pause in typing (background)."""
        self._draft = copy.deepcopy(record)  # the form may change it while the worker reads
        self._timer.start()

    def candidates(self) -> list[DuplicateCandidate]:
        return list(self._candidates)

    # --- checking -------------------------------------------------------------------------------

    def _run(self) -> None:
        self._generation += 1
        generation, draft, catalog = self._generation, self._draft, self._catalog
        if draft is None:
            return

        def work(
            progress: ProgressCallback, is_cancelled: CancelCheck
        ) -> tuple[int, list[DuplicateCandidate]]:
            if not draft.title.strip() and not draft.identifiers:
                return generation, []
            return generation, find_possible_duplicates(catalog, draft, limit=FETCHED)

        task = BackgroundTask(work, parent=self, show_progress=False, report_failures=False)
        task.succeeded.connect(self._found)
        task.failed.connect(self._failed)
        task.start()

    def _found(self, result: tuple[int, list[DuplicateCandidate]]) -> None:
        generation, candidates = result
        if generation != self._generation:
            return  # about an older draft; the answer for the current one is on its way
        if candidates != self._candidates:
            self._candidates = candidates
            self._show()
            self.candidates_changed.emit(list(candidates))
        self.checked.emit()

    def _failed(self, error: BaseException) -> None:
        # A hint, not a safeguard: a failed look-up (server briefly away) keeps what was shown
        # and bothers nobody with a dialog; saving reports real database trouble.
        log.warning("duplicate check failed: %s", error)
        self.checked.emit()

    # --- showing --------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self._show()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _reason(self, reason: str) -> str:
        if reason == "isbn":
            return self.tr("same ISBN")
        if reason == "issn":
            return self.tr("same ISSN")
        return self.tr("similar title, year and author")

    def describe(self, candidate: DuplicateCandidate) -> str:
        """«Title» (2005, Author) — same ISBN"""
        details = ", ".join(part for part in (candidate.year, candidate.first_author) if part)
        text = f"«{candidate.title}»"
        if details:
            text += f" ({details})"
        return f"{text} — {self._reason(candidate.reason)}"

    def _show(self) -> None:
        for button in self._buttons:
            self._list.removeWidget(button)
            button.deleteLater()
        self._buttons = []
        shown = self._candidates[:SHOWN]
        self.heading.setText(self.tr("Possible duplicate(s) in the catalog:", "", len(shown)))
        for candidate in shown:
            button = QToolButton(self)
            button.setObjectName("duplicateCandidate")
            button.setText(self.describe(candidate))
            button.setToolTip(self.tr("Open record {id}").format(id=candidate.id))
            button.setCursor(Qt.CursorShape.PointingHandCursor)
            button.setAutoRaise(True)
            button.clicked.connect(
                lambda _checked=False, record_id=candidate.id: self.open_requested.emit(record_id)
            )
            self._list.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
            self._buttons.append(button)
        more = len(self._candidates) - len(shown)
        self.more_label.setText(self.tr("and %n more", "", more) if more > 0 else "")
        self.more_label.setVisible(more > 0)
        self.setVisible(bool(self._candidates))

    @property
    def buttons(self) -> list[QToolButton]:
        """The candidate buttons, in the order shown."""
        return list(self._buttons)
