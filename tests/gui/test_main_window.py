"""The main window on a real catalog: count, demo loading, cancelling, errors, reader mode."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from library_app.core.errors import StorageError
from library_app.db.catalog import Catalog, describe_target
from library_app.db.records import RecordRepository
from library_app.gui import main_window
from library_app.gui.main_window import MainWindow
from library_app.gui.tasks import BackgroundTask

OpenWindow = Callable[..., MainWindow]


@pytest.fixture
def answer_count_dialog(monkeypatch: pytest.MonkeyPatch) -> Callable[[int], list[tuple]]:
    """Make the "how many records?" dialog answer ``count``; returns the calls it got."""

    def install(count: int) -> list[tuple]:
        calls: list[tuple] = []

        def get_int(*args: Any, **kwargs: Any) -> tuple[int, bool]:
            calls.append(args)
            return count, True

        monkeypatch.setattr(QInputDialog, "getInt", get_int)
        return calls

    return install


@pytest.fixture
def record_critical(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []

    def critical(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        texts.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", critical)
    return texts


def test_empty_catalog_shows_zero_records_where_it_lives_and_offers_the_demo(
    catalog: Catalog, open_window: OpenWindow
) -> None:
    window = open_window(catalog)

    assert window.windowTitle() == "Library catalog"
    assert window.record_count == 0
    assert window.count_label.text() == "Catalog: 0 records"
    assert describe_target(catalog.location.db_url) in window.location_label.text()
    assert window.empty_panel.isVisible()
    assert window.demo_button.isVisible() and window.demo_button.isEnabled()
    assert window.load_demo_action.isVisible()


def test_demo_button_loads_records_in_the_background_and_updates_the_count(
    catalog: Catalog,
    open_window: OpenWindow,
    answer_count_dialog: Callable[[int], list[tuple]],
    qtbot: Any,
) -> None:
    window = open_window(catalog)
    asked = answer_count_dialog(300)

    with qtbot.waitSignal(window.task_launched) as launched:
        qtbot.mouseClick(window.demo_button, Qt.MouseButton.LeftButton)
    task: BackgroundTask = launched.args[0]
    assert not window.demo_button.isEnabled()  # no second load while this one runs
    with qtbot.waitSignal(task.finished, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: window.record_count == 300, timeout=10_000)

    (call,) = asked
    assert call[3:6] == (10_000, 1, 200_000)  # default, minimum, maximum
    assert window.count_label.text() == "Catalog: 300 records"
    assert window.statusBar().currentMessage() == "Added 300 demo records."
    assert not window.empty_panel.isVisible()
    assert window.load_demo_action.isEnabled()
    assert RecordRepository(catalog).count() == 300


def test_cancelling_a_demo_load_leaves_the_catalog_unchanged(
    sqlite_catalog: Catalog, open_window: OpenWindow, qtbot: Any
) -> None:
    window = open_window(sqlite_catalog)
    # Cancel before the worker runs, through the task's API: deterministic, and the load still
    # writes its first batch of 500 before it polls the flag, so the rollback is exercised.
    window.task_launched.connect(lambda task: task.cancel())

    task = window.load_demo(1_200)
    assert task is not None
    with qtbot.waitSignals([task.cancelled, task.finished], order="strict", timeout=60_000):
        pass

    assert RecordRepository(sqlite_catalog).count() == 0
    assert window.record_count == 0
    assert "nothing was changed" in window.statusBar().currentMessage()
    assert window.demo_button.isEnabled()


def test_a_failed_demo_load_is_explained_in_a_dialog(
    sqlite_catalog: Catalog,
    open_window: OpenWindow,
    record_critical: list[str],
    monkeypatch: pytest.MonkeyPatch,
    qtbot: Any,
) -> None:
    def failing_load(*args: Any, **kwargs: Any) -> int:
        raise StorageError("cannot write to catalog.sqlite (disk I/O error)")

    monkeypatch.setattr(main_window, "load_demo", failing_load)
    window = open_window(sqlite_catalog)

    task = window.load_demo(10)
    assert task is not None
    with qtbot.waitSignal(task.failed):
        pass

    (text,) = record_critical
    assert text.startswith("The demo catalog was not loaded.")
    assert "disk I/O error" in text
    assert window.demo_button.isEnabled()
    assert window.record_count == 0


def test_reader_mode_offers_nothing_that_changes_the_catalog(
    sqlite_catalog: Catalog, open_window: OpenWindow
) -> None:
    window = open_window(sqlite_catalog, reader=True)

    assert window.windowTitle() == "Library catalog — reader mode"
    assert window.empty_panel.isVisible()
    assert not window.demo_button.isVisible()
    assert not window.load_demo_action.isVisible()
    assert "ask a librarian" in window.empty_text.text()
    assert window.load_demo(10) is None


def test_window_size_is_remembered_between_sessions(
    sqlite_catalog: Catalog, open_window: OpenWindow, settings: QSettings
) -> None:
    first = open_window(sqlite_catalog)
    first.resize(700, 480)
    first.close()

    second = open_window(sqlite_catalog)
    assert (second.width(), second.height()) == (700, 480)


def test_the_window_keeps_the_search_index_current_in_the_background(
    catalog: Catalog, open_window: OpenWindow, qtbot: Any
) -> None:
    from library_app.core.model import Record
    from library_app.search.searching import CatalogSearcher

    RecordRepository(catalog).add(Record(title="Балқаш көлінің экологиясы", languages=["kaz"]))
    window = open_window(catalog)
    qtbot.waitUntil(lambda: not window.index_keeper.running, timeout=60_000)
    searcher = CatalogSearcher(window.search_index)
    assert [h.title for h in searcher.search("Балкаш").hits] == ["Балқаш көлінің экологиясы"]

    RecordRepository(catalog).add(Record(title="Snow leopard survey", languages=["eng"]))
    with qtbot.waitSignal(window.task_launched) as launched:
        window.update_search_index()
    with qtbot.waitSignal(launched.args[0].finished, timeout=60_000):
        pass
    assert [h.title for h in searcher.search("leopard").hits] == ["Snow leopard survey"]
    assert window.index_status.text() == ""
    searcher.close()
