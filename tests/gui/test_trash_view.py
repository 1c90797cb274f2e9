"""The trash view on a real catalog: it lists deleted records and brings selected ones back."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from library_app.core.model import Record
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.gui.tasks import running_tasks
from library_app.gui.trash_view import TrashView


@pytest.fixture
def open_trash(qtbot: Any):
    views: list[TrashView] = []

    def make(catalog: Catalog) -> TrashView:
        # The first read starts in the constructor and reports through the event loop.
        view = TrashView(catalog)
        qtbot.addWidget(view)
        views.append(view)
        with qtbot.waitSignal(view.loaded, timeout=10_000):
            view.show()
        return view

    yield make
    for view in views:
        view.close()
    qtbot.waitUntil(lambda: not running_tasks(), timeout=10_000)  # before the catalog closes


def test_deleted_records_are_listed_and_a_restored_one_is_back_in_the_catalog(
    catalog: Catalog, open_trash: Any, qtbot: Any
) -> None:
    repository = RecordRepository(catalog)
    kept, first, second = (
        repository.add(Record(title=title, year="2001")).id
        for title in ("Остаётся", "Ошибочная запись", "Дубликат")
    )
    repository.delete(first)
    repository.delete(second)

    view = open_trash(catalog)

    assert sorted(view.listed_ids()) == [first, second]
    titles = {view.table.item(row, 1).text() for row in range(view.table.rowCount())}
    assert titles == {"Ошибочная запись", "Дубликат"}
    assert not view.restore_button.isEnabled()  # nothing selected yet

    view.select_ids([first])
    assert view.restore_button.isEnabled()
    with qtbot.waitSignal(view.restored, timeout=10_000) as restored:
        qtbot.mouseClick(view.restore_button, Qt.MouseButton.LeftButton)

    assert restored.args == [[first]]
    assert [s.id for s in repository.list()] == [kept, first]
    assert [s.id for s in repository.list(deleted=True)] == [second]
    qtbot.waitUntil(lambda: view.listed_ids() == [second])


def test_several_records_are_restored_at_once(
    sqlite_catalog: Catalog, open_trash: Any, qtbot: Any
) -> None:
    repository = RecordRepository(sqlite_catalog)
    ids = [repository.add(Record(title=f"Запись {n}")).id for n in range(3)]
    for record_id in ids:
        repository.delete(record_id)
    view = open_trash(sqlite_catalog)

    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    assert sorted(view.selected_ids()) == ids
    with qtbot.waitSignal(view.restored, timeout=10_000) as restored:
        qtbot.mouseClick(view.restore_button, Qt.MouseButton.LeftButton)

    assert sorted(restored.args[0]) == ids
    assert repository.count() == 3
    qtbot.waitUntil(lambda: view.listed_ids() == [])
    assert "empty" in view.status.text()


def test_refresh_shows_records_deleted_after_the_view_opened(
    sqlite_catalog: Catalog, open_trash: Any, qtbot: Any
) -> None:
    repository = RecordRepository(sqlite_catalog)
    view = open_trash(sqlite_catalog)
    assert view.listed_ids() == [] and view.status.text() == "The trash is empty."

    record_id = repository.add(Record(title="Поздно удалённая")).id
    repository.delete(record_id)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        qtbot.mouseClick(view.refresh_button, Qt.MouseButton.LeftButton)

    assert view.listed_ids() == [record_id]
