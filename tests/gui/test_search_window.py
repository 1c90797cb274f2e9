"""The main window as researchers use it: search, facets, detail, basket, reader mode, trash."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from library_app.core.model import Contributor, Copy, MaterialType, Record
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.gui.main_window import MainWindow
from library_app.services.catalog import load_demo
from tests.gui.keyboard import type_text

OpenWindow = Callable[..., MainWindow]


def balkhash_records() -> list[Record]:
    return [
        Record(
            "Балқаш көлінің экологиясы",
            MaterialType.REPORT,
            year="2019",
            languages=["kaz"],
            publishers=["Экология институты"],
            copies=[Copy("B-1", location="Reading room")],
        ),
        Record(
            "Экология озера Балхаш",
            year="2005",
            languages=["rus"],
            contributors=[Contributor("Иванов", "И. И.")],
            copies=[Copy("B-2", location="Stack")],
        ),
        Record("Lake Balkhash ecology", year="2011", languages=["eng"]),
    ]


@pytest.fixture
def ready_window(
    sqlite_catalog: Catalog, open_window: OpenWindow, qtbot: Any
) -> Callable[..., MainWindow]:
    """A window on 200 demo records plus three about Lake Balkhash, index built, first list in."""

    def make(**options: Any) -> MainWindow:
        load_demo(sqlite_catalog, 200)
        RecordRepository(sqlite_catalog).add_many(balkhash_records())
        window = open_window(sqlite_catalog, **options)
        with qtbot.waitSignal(window.index_updated, timeout=120_000):
            pass
        qtbot.waitUntil(lambda: window.search_view.model.rowCount() == 203, timeout=30_000)
        return window

    return make


def search(window: MainWindow, qtbot: Any, text: str) -> Any:
    view = window.search_view
    view.search_box.clear()
    with qtbot.waitSignal(view.searched, timeout=30_000) as answered:
        type_text(qtbot, view.search_box, text)  # search-as-you-type: the debounce fires
    return answered.args[0]


def titles(window: MainWindow) -> list[str]:
    model = window.search_view.model
    return [model.data(model.index(row, 0)) for row in range(model.rowCount())]


def test_search_then_facet_then_detail(ready_window, qtbot: Any) -> None:
    window = ready_window()
    view = window.search_view

    found = search(window, qtbot, "Балкаш")  # typed on a Russian keyboard
    assert set(titles(window)) >= {"Балқаш көлінің экологиясы", "Экология озера Балхаш"}
    assert "Lake Balkhash ecology" in titles(window)
    assert dict(found.facets["language"])["kaz"] >= 1
    assert "found" in view.status_label.text()

    item = view.facets.value_item("language", "kaz")
    assert item is not None
    with qtbot.waitSignal(view.searched, timeout=30_000):
        item.setCheckState(0, Qt.CheckState.Checked)
    assert "Балқаш көлінің экологиясы" in titles(window)
    model = view.model
    assert all("Kazakh" in model.data(model.index(r, 4)) for r in range(model.rowCount()))
    assert view.facets.filters() == {"language": ["kaz"]}
    assert view.chips.filters() == {"language": ["kaz"]}

    # The first result is opened by itself; choosing another shows that one.
    first = view.model.record_id(0)
    detail = view.detail
    qtbot.waitUntil(lambda: detail.record is not None and detail.record.id == first, timeout=10_000)
    view.table.clearSelection()
    with qtbot.waitSignal(view.detail.record_shown, timeout=10_000) as shown:
        view.table.selectRow(view.model.rowCount() - 1)
    assert shown.args == [view.model.record_id(view.model.rowCount() - 1)]
    last_title = view.model.data(view.model.index(view.model.rowCount() - 1, 0))
    assert last_title in view.detail.card_view.toPlainText()


def test_zero_results_offer_removing_the_filters(ready_window, qtbot: Any) -> None:
    window = ready_window()
    view = window.search_view
    view.facets.set_filters({"language": ["eng"]})
    found = search(window, qtbot, "Экология озера")
    assert found.total == 0 or "Lake" in " ".join(titles(window))
    if found.total == 0:
        assert "clear-filters" in view.status_label.text()
        with qtbot.waitSignal(view.searched, timeout=30_000):
            view.status_label.linkActivated.emit("clear-filters")
        assert "Экология озера Балхаш" in titles(window)


def test_sorting_by_a_column_is_done_by_the_engine(ready_window, qtbot: Any) -> None:
    window = ready_window()
    view = window.search_view
    search(window, qtbot, "Balkhash")
    with qtbot.waitSignal(view.searched, timeout=30_000):
        view.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)  # year, oldest first
    model = view.model
    years = [model.data(model.index(row, 2)) for row in range(model.rowCount())]
    assert years == sorted(years)
    assert view.sort == ("year", False)


def test_basket_collects_records_across_searches_and_persists(ready_window, qtbot) -> None:
    window = ready_window()
    view = window.search_view
    search(window, qtbot, "Балхаш")
    view.table.selectRow(0)
    first = view.current_id()
    window.basket_add_action.trigger()
    search(window, qtbot, "Lake")
    view.table.selectRow(0)
    second = view.current_id()
    window.basket_add_action.trigger()
    assert window.basket.ids[-2:] == [first, second] or set(window.basket.ids) >= {first, second}
    assert window.basket_dock.isVisible()


def test_reader_mode_has_no_edit_actions_and_leaving_asks(
    ready_window, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = ready_window(reader=True)
    actions = window.record_actions
    for action in actions.editing_actions:
        assert not action.isVisible() and not action.isEnabled()
    assert not window.edit_menu.menuAction().isVisible()
    window.search_view.record_activated.emit(window.search_view.model.record_id(0))
    assert actions.open_editors() == []

    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    monkeypatch.setattr(QMessageBox, "question", lambda *args: answers.pop(0))
    assert not window.set_reader_mode(False)
    assert window.reader_mode and window.reader_action.isChecked()
    assert window.set_reader_mode(False)
    assert not window.reader_mode and actions.new_action.isVisible()


def test_deleting_moves_records_to_the_trash(
    ready_window, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = ready_window()
    view = window.search_view
    search(window, qtbot, "Lake Balkhash")
    view.table.selectRow(0)
    record_id = view.current_id()
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(window.task_launched) as launched:
        window.record_actions.delete_action.trigger()
    with qtbot.waitSignal(launched.args[0].finished, timeout=30_000):
        pass
    repository = RecordRepository(window.catalog)
    assert record_id not in repository.ids()
    assert record_id in [row.id for row in repository.list(deleted=True)]
    with qtbot.waitSignal(window.index_updated, timeout=60_000):
        pass
    qtbot.waitUntil(lambda: record_id not in view.model.ids, timeout=30_000)
