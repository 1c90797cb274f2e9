"""Keeping this workstation's search index level with the catalog, in the background.

After start-up and after every change made from this window, the index is rebuilt if it is
missing or unusable, else the change journal is applied, then new attachments are read.
Searching keeps answering from the current index meanwhile.  Progress is a short text for a
status-bar corner, not a dialog, because nothing waits for it.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from library_app.core.progress import CancelCheck, ProgressCallback
from library_app.gui.tasks import BackgroundTask
from library_app.search.index import IndexBusy, SearchIndex


class IndexKeeper(QObject):
    status_text = Signal(str)
    """What to show about the update ("" clears it)."""
    updated = Signal(bool)
    """An update finished (or failed); True when the index changed, i.e. searches may differ."""

    def __init__(
        self,
        index: SearchIndex,
        launch: Callable[[BackgroundTask], None],
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self._index = index
        self._launch = launch
        self._window = window
        self._running: BackgroundTask | None = None
        self._again = False
        self._changed = False
        self._stopped = False

    @property
    def running(self) -> bool:
        return self._running is not None

    def stop(self) -> None:
        """No more updates, and answers still queued are ignored (the window is closing)."""
        self._stopped = True

    def update(self) -> BackgroundTask | None:
        """Start an update; while one runs, ask for one more after it (returns None then)."""
        if self._stopped:
            return None
        if self._running is not None:
            self._again = True
            return None
        index = self._index

        def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> list[str]:
            before = _index_version(index)
            try:
                index.ensure_ready(progress, is_cancelled)
                skipped = index.extract_pending(progress, is_cancelled)
            except IndexBusy:
                skipped = []  # another program is updating it; its work serves us too
            self._changed = _index_version(index) != before
            return skipped

        task = BackgroundTask(
            work,
            parent=self._window,
            show_progress=False,
            error_context=self.tr("The search index could not be updated."),
        )
        task.progress.connect(self._progress)
        task.succeeded.connect(self._succeeded)
        task.cancelled.connect(lambda: self._say(""))
        task.failed.connect(lambda _error: self._say(""))
        task.finished.connect(self._finished)
        self._running = task
        self._launch(task)
        return task

    def _say(self, text: str) -> None:
        if not self._stopped:
            self.status_text.emit(text)

    def _progress(self, done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        self._say(self.tr("Updating the search index… {percent}%").format(percent=percent))

    def _succeeded(self, skipped: list[str]) -> None:
        if skipped:
            self._say(
                self.tr(
                    "Search index updated; %Ln attachment(s) could not be read.", "", len(skipped)
                )
            )
        else:
            self._say("")

    def _finished(self) -> None:
        self._running = None
        if self._stopped:
            return
        if self._again:
            self._again = False
            self.update()
            return
        self.updated.emit(self._changed)


def _index_version(index: SearchIndex) -> tuple[str, int]:
    """Changes whenever the index does: its generation and whoosh's commit number."""
    try:
        latest = index.open().latest_generation()  # first: opening names the generation
        return index.generation, latest
    except Exception:  # not built yet, or being replaced: compared only for inequality
        return "", -1
