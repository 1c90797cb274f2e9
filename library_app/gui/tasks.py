"""Running long operations off the UI thread (in the spirit of Anki's QueryOp and Picard's
``run_task``).

A task wraps a plain callable ``fn(progress, is_cancelled)`` — the same contract every long
operation in ``core``/``services`` follows (see ``library_app.core.progress``) — so the work
itself knows nothing about Qt and is tested without it.  The task runs it on a thread pool and
hands everything back to the main thread as signals:

``progress(done, total)``  throttled, so a fast loop cannot flood the event queue;
``succeeded(result)``      the callable's return value;
``cancelled()``            it raised ``Cancelled`` (it rolled back: nothing was changed);
``failed(error)``          any other exception — the one place errors land;
``finished()``             always last, whatever the outcome.

A progress dialog appears only when the work takes longer than ``PROGRESS_DELAY_MS``, so quick
operations do not flash a window (Anki does the same).  Its Cancel button, or ``cancel()``,
sets a thread-safe flag that the callable polls between batches.

Thread rules: the worker only ever emits signals of an object owned by the main thread, through
queued connections; every slot, dialog and callback runs on the main thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from library_app.core.errors import Cancelled
from library_app.core.progress import CancelCheck, ProgressCallback
from library_app.gui.errors import report_error

log = logging.getLogger(__name__)

TaskFunction = Callable[[ProgressCallback, CancelCheck], Any]

PROGRESS_DELAY_MS = 600
"""Work shorter than this shows no dialog at all."""

PROGRESS_INTERVAL_S = 0.05
"""At most one progress signal per interval (plus the final one)."""

_running: set[BackgroundTask] = set()
"""Tasks whose worker may still run.  A started task stays alive until it has finished even if
its creator drops it: the worker thread still uses it."""


class _WorkerSignals(QObject):
    """Lives in the main thread; the worker thread emits these, Qt queues them across."""

    progress = Signal(int, int)
    succeeded = Signal(object)
    cancelled = Signal()
    failed = Signal(object)


class _Worker(QRunnable):
    def __init__(
        self,
        fn: TaskFunction,
        signals: _WorkerSignals,
        cancel_flag: threading.Event,
        done_flag: threading.Event,
    ) -> None:
        super().__init__()
        self.setAutoDelete(False)  # Python owns it; the task keeps it alive until finished
        self._fn = fn
        self._signals: _WorkerSignals | None = signals
        self._cancel_flag = cancel_flag
        self._done_flag = done_flag
        self._last_progress = 0.0

    def run(self) -> None:
        try:
            result = self._fn(self._progress, self._cancel_flag.is_set)
        except Cancelled:
            self._emit("cancelled")
        except Exception as error:  # every failure lands in one place: the failed signal
            self._emit("failed", error)
        else:
            self._emit("succeeded", result)
        finally:
            # The signals object belongs to the main thread and must be destroyed there: drop
            # our reference before saying we are done (the task waits for that flag).
            self._signals = None
            self._done_flag.set()

    def _emit(self, name: str, *args: object) -> None:
        if self._signals is not None:
            getattr(self._signals, name).emit(*args)

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        if done >= total or now - self._last_progress >= PROGRESS_INTERVAL_S:
            self._last_progress = now
            self._emit("progress", done, total)


class BackgroundTask(QObject):
    """One run of ``fn(progress, is_cancelled)`` on a worker thread; see the module docstring.

    ``parent`` is the widget the progress and error dialogs belong to (it is not the QObject
    parent: the task must outlive a window that closes while the worker finishes).
    ``report_failures`` shows ``failed`` errors with ``report_error``; switch it off to handle
    them yourself.  ``show_progress=False`` makes a silent query (a count, a search).
    """

    progress = Signal(int, int)
    succeeded = Signal(object)
    cancelled = Signal()
    failed = Signal(object)
    finished = Signal()

    def __init__(
        self,
        fn: TaskFunction,
        *,
        parent: QWidget | None = None,
        title: str = "",
        label: str = "",
        error_context: str = "",
        show_progress: bool = True,
        report_failures: bool = True,
        pool: QThreadPool | None = None,
        progress_delay_ms: int = PROGRESS_DELAY_MS,
    ) -> None:
        super().__init__()
        self._widget = parent
        self._title = title
        self._label = label
        self._error_context = error_context
        self._show_progress = show_progress
        self._report_failures = report_failures
        self._pool = pool or QThreadPool.globalInstance()
        self._progress_delay_ms = progress_delay_ms
        self._cancel_flag = threading.Event()
        self._done_flag = threading.Event()
        self._signals = _WorkerSignals()
        self._worker = _Worker(fn, self._signals, self._cancel_flag, self._done_flag)
        self._dialog: QProgressDialog | None = None
        self._started = False
        self._finished = False
        queued = Qt.ConnectionType.QueuedConnection
        self._signals.progress.connect(self._on_progress, queued)
        self._signals.succeeded.connect(self._on_succeeded, queued)
        self._signals.cancelled.connect(self._on_cancelled, queued)
        self._signals.failed.connect(self._on_failed, queued)

    # --- the API ----------------------------------------------------------------------------

    def start(self) -> None:
        """Hand the work to the pool.  Connect to the signals before calling this."""
        if self._started:
            raise RuntimeError("a BackgroundTask runs once; create a new one")
        self._started = True
        _running.add(self)
        if self._show_progress:
            self._dialog = self._make_dialog()
        self._pool.start(self._worker)

    def cancel(self) -> None:
        """Ask the work to stop at its next check; thread-safe, idempotent."""
        self._cancel_flag.set()

    def is_cancelled(self) -> bool:
        return self._cancel_flag.is_set()

    @property
    def is_running(self) -> bool:
        """Started and its outcome not yet delivered to the main thread."""
        return self._started and not self._finished

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Block until the worker has returned (signals may still be queued); True if it did.

        For closing a window or quitting: the caller must not release what the work uses (the
        catalog's engine) while it still runs.
        """
        if not self._started:
            return True
        return self._done_flag.wait(timeout_ms / 1000)

    # --- main-thread side -------------------------------------------------------------------

    def _make_dialog(self) -> QProgressDialog:
        dialog = QProgressDialog(self._widget)
        dialog.setWindowTitle(self._title)
        dialog.setLabelText(self._label)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if self._widget is not None:
            dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setRange(0, 0)  # "busy" until the first progress report says how much
        dialog.setMinimumDuration(self._progress_delay_ms)
        dialog.setValue(0)  # starts the minimum-duration clock; the dialog shows after it
        dialog.canceled.connect(self.cancel)
        return dialog

    def _live_dialog(self) -> QProgressDialog | None:
        """The dialog unless Qt already deleted it with its parent window."""
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            return self._dialog
        return None

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self._finished:
            return
        self.progress.emit(done, total)
        dialog = self._live_dialog()
        if dialog is not None and not dialog.wasCanceled():
            # Last: a shown modal QProgressDialog processes events inside setValue, which may
            # deliver our outcome (and ``finished``) before it returns.
            if dialog.maximum() != total:
                dialog.setRange(0, max(total, 0))
            dialog.setValue(min(done, total))

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        self._deliver(self.succeeded, result)

    @Slot()
    def _on_cancelled(self) -> None:
        self._deliver(self.cancelled)

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self._deliver(self.failed, error)
        if self._report_failures:
            # After finished: the window is usable again behind the (modal) message box.
            widget = self._widget
            if widget is not None and not shiboken6.isValid(widget):
                widget = None
            report_error(widget, error, self._error_context)

    def _deliver(self, signal: Any, *args: object) -> None:
        """Close the dialog, emit the outcome, then ``finished`` even if a slot raised."""
        self._close_dialog()
        try:
            signal.emit(*args)
        finally:
            self._finished = True
            self.finished.emit()
            # The outcome is emitted last thing before the worker returns, so this wait is
            # momentary; once it is over nothing in the worker thread refers to us any more.
            self._done_flag.wait()
            _running.discard(self)

    def _close_dialog(self) -> None:
        dialog = self._live_dialog()
        self._dialog = None
        if dialog is not None:
            dialog.canceled.disconnect(self.cancel)
            dialog.reset()  # also stops its "show after minimum duration" timer
            dialog.hide()
            dialog.deleteLater()


def running_tasks() -> frozenset[BackgroundTask]:
    """Tasks not yet finished (for quitting cleanly, and for tests)."""
    return frozenset(_running)
