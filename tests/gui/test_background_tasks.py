"""BackgroundTask: work off the UI thread, outcomes as signals on the main thread."""

from __future__ import annotations

import logging
import threading
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QPushButton, QWidget

from library_app.core.errors import InputError, StorageError
from library_app.core.progress import CancelCheck, ProgressCallback, check_cancel
from library_app.gui.tasks import BackgroundTask, running_tasks

WORKER_PATIENCE_S = 10.0  # a worker waiting for the test gives up after this, never hangs


def wait_for_cancel(progress: ProgressCallback, is_cancelled: CancelCheck) -> None:
    """Work that reports a start and then runs until it is cancelled, like a long import."""
    progress(0, 10)
    gate = threading.Event()
    for _ in range(int(WORKER_PATIENCE_S / 0.01)):
        check_cancel(is_cancelled)
        gate.wait(0.01)  # the worker polls between "batches"; the test itself never sleeps
    raise AssertionError("the task was never cancelled")


@pytest.fixture
def record_critical(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, str, str]]:
    calls: list[tuple[Any, str, str]] = []

    def critical(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        calls.append((parent, title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", critical)
    return calls


def test_task_delivers_progress_and_result_on_the_main_thread(qtbot: Any) -> None:
    worker_threads: list[threading.Thread] = []
    slot_threads: list[threading.Thread] = []
    reports: list[tuple[int, int]] = []
    results: list[object] = []

    def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> str:
        worker_threads.append(threading.current_thread())
        for done in range(1, 4):
            progress(done, 3)
        return "done"

    task = BackgroundTask(work, show_progress=False)
    task.progress.connect(lambda done, total: reports.append((done, total)))
    task.progress.connect(lambda *_: slot_threads.append(threading.current_thread()))
    with qtbot.waitSignals([task.succeeded, task.finished], order="strict"):
        task.succeeded.connect(results.append)
        task.start()

    assert results == ["done"]
    assert reports[0] == (1, 3)  # the first report always goes through ...
    assert reports[-1] == (3, 3)  # ... and so does the last; the ones between may be merged
    assert worker_threads[0] is not threading.main_thread()
    assert set(slot_threads) == {threading.main_thread()}
    assert not task.is_running
    assert task not in running_tasks()


def test_library_error_lands_in_failed_signal_and_nothing_else(qtbot: Any) -> None:
    def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> None:
        raise InputError("the file is not MARC")

    task = BackgroundTask(work, show_progress=False, report_failures=False)
    outcomes: list[str] = []
    task.succeeded.connect(lambda _result: outcomes.append("succeeded"))
    task.cancelled.connect(lambda: outcomes.append("cancelled"))
    with qtbot.waitSignal(task.failed) as blocker:
        task.start()

    (error,) = blocker.args
    assert isinstance(error, InputError)
    assert str(error) == "the file is not MARC"
    assert outcomes == []


def test_library_error_is_shown_with_its_message_and_context(
    qtbot: Any, record_critical: list[tuple[Any, str, str]]
) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> None:
        raise StorageError("cannot write to catalog.sqlite; check the file's permissions")

    task = BackgroundTask(work, parent=parent, error_context="The import did not run.")
    with qtbot.waitSignal(task.finished):
        task.start()

    ((shown_on, _title, text),) = record_critical
    assert shown_on is parent
    assert text.startswith("The import did not run.")
    assert "check the file's permissions" in text
    assert "bug" not in text


def test_unexpected_error_is_reported_as_a_bug_with_the_traceback_logged(
    qtbot: Any, record_critical: list[tuple[Any, str, str]], caplog: pytest.LogCaptureFixture
) -> None:
    def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> float:
        return 1 / 0

    task = BackgroundTask(work, show_progress=False)
    with caplog.at_level(logging.ERROR), qtbot.waitSignal(task.failed):
        task.start()

    ((_parent, _title, text),) = record_critical
    assert "This is a bug" in text
    assert "ZeroDivisionError" in text
    assert "Traceback" not in text  # the details go to the log, not at the librarian
    logged = [r for r in caplog.records if r.exc_info]
    assert logged and logged[0].exc_info[0] is ZeroDivisionError


def test_cancel_makes_the_work_stop_and_reports_cancelled(qtbot: Any) -> None:
    task = BackgroundTask(wait_for_cancel, show_progress=False)
    with qtbot.waitSignal(task.progress):  # the work has started and is polling
        task.start()
    assert task.is_running
    with qtbot.waitSignals([task.cancelled, task.finished], order="strict"):
        task.cancel()
    assert task.is_cancelled()


def test_progress_dialog_cancel_button_stops_the_work(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    task = BackgroundTask(
        wait_for_cancel, parent=parent, title="Import", label="Importing…", progress_delay_ms=0
    )
    task.start()

    def shown_dialogs() -> list[QProgressDialog]:
        return [d for d in parent.findChildren(QProgressDialog) if d.isVisible()]

    qtbot.waitUntil(lambda: len(shown_dialogs()) == 1)
    (dialog,) = shown_dialogs()
    assert dialog.labelText() == "Importing…"
    cancel_button = dialog.findChild(QPushButton)
    with qtbot.waitSignal(task.cancelled):
        qtbot.mouseClick(cancel_button, Qt.MouseButton.LeftButton)
    assert not any(d.isVisible() for d in parent.findChildren(QProgressDialog))


def test_quick_work_shows_no_progress_dialog(qtbot: Any) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    task = BackgroundTask(lambda progress, is_cancelled: 7, parent=parent, label="Counting…")
    with qtbot.waitSignal(task.succeeded):
        task.start()
    assert not any(d.isVisible() for d in parent.findChildren(QProgressDialog))


def test_a_task_runs_only_once(qtbot: Any) -> None:
    task = BackgroundTask(lambda progress, is_cancelled: None, show_progress=False)
    with qtbot.waitSignal(task.finished):
        task.start()
    with pytest.raises(RuntimeError, match="runs once"):
        task.start()
