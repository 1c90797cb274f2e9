"""Completion of what cataloguers type: values the catalog already holds, or a fixed list.

``Autocompleter`` offers existing values (db.values) under a line edit: the query runs in a
BackgroundTask a moment after typing stops, and answers are cached per prefix (an answer shorter
than the limit also serves every longer prefix), so the UI thread never waits for the database
and the same name ends up spelled once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtCore import QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from library_app.core.progress import CancelCheck, ProgressCallback
from library_app.db.catalog import Catalog
from library_app.db.values import Suggestion, ValueKind, suggest
from library_app.gui.tasks import BackgroundTask

log = logging.getLogger(__name__)

COMPLETION_DELAY_MS = 250
"""Typing pause after which the catalog is asked for suggestions."""
COMPLETION_LIMIT = 20

Chosen = Callable[[str, Suggestion | None], None]
"""Called with the chosen text and, for catalog values, its Suggestion."""


class Completion(Protocol):
    """Something that can complete into line edits (a catalog or a fixed list)."""

    def attach(self, edit: QLineEdit, on_chosen: Chosen | None = None) -> None: ...


class Autocompleter(QObject):
    """Suggestions from the catalog for every line edit attached to it.

    One QCompleter serves all of them: Qt moves it to whichever line edit has the focus.
    ``kinds`` may name several value kinds (persons and bodies for a contributor name); their
    suggestions are merged by frequency.
    """

    fetched = Signal(str)
    """Suggestions for this prefix arrived and are offered (for tests and status displays)."""

    def __init__(
        self,
        catalog: Catalog,
        kinds: Sequence[ValueKind],
        parent: QWidget,
        *,
        limit: int = COMPLETION_LIMIT,
        delay_ms: int = COMPLETION_DELAY_MS,
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._kinds = tuple(kinds)
        self._limit = limit
        self._owner = parent
        self.completer = QCompleter(parent)
        self._model = QStringListModel(self.completer)
        self.completer.setModel(self._model)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setModelSorting(QCompleter.ModelSorting.UnsortedModel)
        self.completer.setMaxVisibleItems(12)
        # Queued: the line edit puts the chosen text in first, then we may split it up.
        self.completer.activated[str].connect(self._chosen, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._fetch)
        self._cache: dict[str, list[Suggestion]] = {}
        self._by_text: dict[str, Suggestion] = {}
        self._callbacks: dict[int, Chosen] = {}
        self._wanted = ""
        self._task: BackgroundTask | None = None
        self._retry = True

    def attach(self, edit: QLineEdit, on_chosen: Chosen | None = None) -> None:
        edit.setCompleter(self.completer)
        edit.textEdited.connect(self._typed)
        if on_chosen is not None:
            key = id(edit)
            self._callbacks[key] = on_chosen
            edit.destroyed.connect(lambda: self._callbacks.pop(key, None))

    def suggestions(self) -> list[str]:
        """What the completer offers now."""
        return self._model.stringList()

    def shutdown(self) -> None:
        """Stop asking; wait for a query in flight (the catalog may close after us)."""
        self._timer.stop()
        if self._task is not None:
            self._task.cancel()
            self._task.wait(5_000)

    # --- fetching ---------------------------------------------------------------------------

    def _typed(self, text: str) -> None:
        self._wanted = text.strip()
        if self._wanted:
            self._timer.start()
        else:
            self._timer.stop()

    def _cached(self, prefix: str) -> list[Suggestion] | None:
        key = prefix.casefold()
        if key in self._cache:
            return self._cache[key]
        for length in range(len(key) - 1, 0, -1):
            shorter = self._cache.get(key[:length])
            if shorter is not None and len(shorter) < self._limit:
                # That answer was complete, so it holds every longer match too.
                return [s for s in shorter if s.text.casefold().startswith(key)]
        return None

    def _fetch(self) -> None:
        prefix = self._wanted
        if not prefix:
            return
        cached = self._cached(prefix)
        if cached is not None:
            self._offer(prefix, cached)
            return
        if self._task is not None:
            return  # asked again when the running query ends
        catalog, kinds, limit = self._catalog, self._kinds, self._limit

        def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> list[Suggestion]:
            found: list[Suggestion] = []
            for kind in kinds:
                found += suggest(catalog, kind, prefix, limit=limit)
            found.sort(key=lambda s: -s.count)
            return found[:limit]

        task = BackgroundTask(work, parent=self._owner, show_progress=False, report_failures=False)
        task.succeeded.connect(lambda found: self._arrived(prefix, found))
        task.failed.connect(lambda error: self._not_arrived(prefix, error))
        task.finished.connect(self._task_finished)
        self._task = task
        self._retry = True
        task.start()

    def _arrived(self, prefix: str, found: list[Suggestion]) -> None:
        self._cache[prefix.casefold()] = found
        if self._wanted.casefold().startswith(prefix.casefold()):
            self._offer(self._wanted, self._cached(self._wanted) or [])

    def _not_arrived(self, prefix: str, error: BaseException) -> None:
        # No dialog: completion is a convenience.  Wait for the next keystroke rather than
        # asking a failing database again at once.
        log.warning("no suggestions for %r: %s", prefix, error)
        self._retry = False

    def _task_finished(self) -> None:
        """Typing went on while the query ran: ask for the prefix typed now."""
        self._task = None
        if self._retry and self._wanted and self._cached(self._wanted) is None:
            self._fetch()

    def _offer(self, prefix: str, found: list[Suggestion]) -> None:
        self._by_text = {s.text: s for s in found}
        self._model.setStringList([s.text for s in found])
        edit = self.completer.widget()
        if isinstance(edit, QLineEdit) and edit.hasFocus() and edit.text().strip() == prefix:
            self.completer.setCompletionPrefix(edit.text())
            if found:
                self.completer.complete()
        self.fetched.emit(prefix)

    def _chosen(self, text: str) -> None:
        edit = self.completer.widget()
        callback = self._callbacks.get(id(edit)) if edit is not None else None
        if callback is not None:
            callback(text, self._by_text.get(text))


class StaticCompleter(QObject):
    """Completion from a fixed list (language names), rebuilt when the UI language changes."""

    def __init__(self, texts: Callable[[], list[str]], parent: QWidget) -> None:
        super().__init__(parent)
        self._texts = texts
        self.completer = QCompleter(parent)
        self._model = QStringListModel(self._texts(), self.completer)
        self.completer.setModel(self._model)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def attach(self, edit: QLineEdit, on_chosen: Chosen | None = None) -> None:
        edit.setCompleter(self.completer)

    def refresh(self) -> None:
        self._model.setStringList(self._texts())
