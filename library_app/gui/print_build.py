"""Keeping the print dialog's PDF in step with its options, without ever building on the UI
thread.

Every change of an option makes a new *generation*; the PDF is built for the newest one a
moment later (``BUILD_DELAY_MS``), in a ``BackgroundTask``.  A build for older options is
cancelled, and whatever it still delivers is dropped.  Save and Print ask ``when_built`` for
the PDF of the options shown: at once if it is there, after the build otherwise — and not at
all if that build fails or the librarian cancels it, so a cancelled build never leaves a file.

A build that fails on its own (the options ask for something impossible) is not retried until
the options change, and its message is kept for the dialog to show where it does not interrupt
typing; when Save or Print was waiting for it, or when it is a bug, it comes as a dialog.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from library_app.core.errors import LibraryError
from library_app.core.progress import CancelCheck, ProgressCallback
from library_app.gui.errors import report_error
from library_app.gui.print_render import PdfPages
from library_app.gui.tasks import BackgroundTask
from library_app.reports.base import ReportResult

BUILD_DELAY_MS = 400
"""Options settle this long before the PDF is built again (typing a title is not rebuilding)."""


@dataclass(frozen=True)
class BuiltPdf:
    """A finished build: the pages the preview shows and what the builder counted."""

    product_id: str
    generation: int
    pages: PdfPages
    result: ReportResult


BuildWork = Callable[[ProgressCallback, CancelCheck], BuiltPdf]


class PdfBuilder(QObject):
    """Builds with ``make_work(generation)``, which returns the work for the worker thread or
    raises a ``LibraryError`` when the options cannot make a PDF.  ``widget`` owns the dialogs."""

    built = Signal(object)
    """The PDF for the newest options (a ``BuiltPdf``)."""

    failed = Signal()
    """The newest options made no PDF; ``problem`` says why."""

    state_changed = Signal()
    """A build started or ended, or the options changed."""

    progress = Signal(int, int)
    task_launched = Signal(object)

    def __init__(self, make_work: Callable[[int], BuildWork], widget: QWidget) -> None:
        super().__init__(widget)
        self._make_work = make_work
        self._widget = widget
        self.generation = 0
        self.current: BuiltPdf | None = None
        self.problem = ""
        self.halted = -1  # the generation that failed or was stopped: not built again by itself
        self._task: BackgroundTask | None = None
        self._waiting: list[Callable[[BuiltPdf], None]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(BUILD_DELAY_MS)
        self._timer.timeout.connect(self._delay_over)

    @property
    def is_building(self) -> bool:
        return self._task is not None

    def invalidate(self) -> None:
        """The options changed: what was built is outdated; build again after a pause."""
        self.generation += 1
        self.current = None
        self.problem = ""
        if self._task is not None:
            self._task.cancel()
        self._timer.start()
        self.state_changed.emit()

    def rebuild(self) -> BackgroundTask | None:
        """Build for the newest options now, unless that build runs or is done."""
        self._timer.stop()
        if self._task is not None:
            self._task.cancel()  # an outdated build: the next one starts when it has ended
            return None
        if self.current is not None:
            return None
        generation = self.generation
        try:
            work = self._make_work(generation)
        except LibraryError as error:
            self._failed(generation, error)
            return None
        task = BackgroundTask(work, parent=self._widget, show_progress=False, report_failures=False)
        task.progress.connect(self.progress)
        task.succeeded.connect(lambda result: self._succeeded(generation, result))
        task.failed.connect(lambda error: self._failed(generation, error))
        task.cancelled.connect(lambda: self._cancelled(generation))
        task.finished.connect(lambda: self._finished())
        self._task = task
        self.problem = ""
        self.task_launched.emit(task)
        self.state_changed.emit()
        task.start()
        return task

    def when_built(self, action: Callable[[BuiltPdf], None]) -> None:
        """Run ``action`` on the PDF of the newest options, building it first if needed."""
        if self.current is not None:
            action(self.current)
            return
        self._waiting.append(action)
        if self._task is None:
            self.rebuild()

    def cancel(self) -> None:
        """Stop the build; a Save or Print waiting for it is abandoned."""
        self._timer.stop()
        self._waiting.clear()
        self.halted = self.generation
        if self._task is not None:
            self.problem = self.tr("Cancelled; nothing was saved or printed.")
            self._task.cancel()
        self.state_changed.emit()

    def shutdown(self) -> None:
        """The dialog closes: stop, and drop whatever still arrives."""
        self.cancel()
        self.generation += 1

    # --- outcomes ---------------------------------------------------------------------------

    def _delay_over(self) -> None:
        if self.halted != self.generation:
            self.rebuild()

    def _succeeded(self, generation: int, built: BuiltPdf) -> None:
        if not shiboken6.isValid(self) or generation != self.generation:
            return
        self.current = built
        waiting, self._waiting = self._waiting, []
        self.built.emit(built)
        for action in waiting:
            action(built)

    def _failed(self, generation: int, error: BaseException) -> None:
        if not shiboken6.isValid(self) or generation != self.generation:
            return
        self.halted = generation
        waiting, self._waiting = self._waiting, []
        self.problem = str(error) if isinstance(error, LibraryError) else ""
        self.failed.emit()
        self.state_changed.emit()
        if waiting or not isinstance(error, LibraryError):
            widget = self._widget if shiboken6.isValid(self._widget) else None
            report_error(widget, error, self.tr("The pages were not made."))

    def _cancelled(self, generation: int) -> None:
        if shiboken6.isValid(self) and generation == self.generation:
            self.halted = generation
            self._waiting.clear()
            self.problem = self.tr("Cancelled; nothing was saved or printed.")

    def _finished(self) -> None:
        if not shiboken6.isValid(self):
            return
        self._task = None
        self.state_changed.emit()
        if self.current is None and self.halted != self.generation:
            self._timer.start()  # the build that ended was for older options
