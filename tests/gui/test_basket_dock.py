"""The basket dock on a real catalog: rows, removing, clearing, export, a damaged basket."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox

from library_app.core.model import Contributor, Record
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.gui.basket_view import BasketDock
from library_app.gui.export_dialog import READING_LIST, RECORDS_JSON, ExportDialog
from library_app.gui.tasks import BackgroundTask, running_tasks
from library_app.services.basket import Basket


@pytest.fixture
def record_ids(sqlite_catalog: Catalog) -> list[int]:
    repository = RecordRepository(sqlite_catalog)
    return repository.add_many(
        [
            Record(
                title="Водные ресурсы", contributors=[Contributor("Иванов", "И. И.")], year="2005"
            ),
            Record(title="Ecology of Lake Balkhash", contributors=[Contributor("Smith", "J.")]),
            Record(title="Saxaul", year="2012"),
        ]
    )


@pytest.fixture
def make_dock(qtbot: Any, sqlite_catalog: Catalog, tmp_path: Path) -> Iterator[Any]:
    docks: list[BasketDock] = []

    def factory(basket: Basket | None = None) -> BasketDock:
        if basket is None:
            basket = Basket.for_user(tmp_path, sqlite_catalog.user)
        dock = BasketDock(sqlite_catalog, basket)
        qtbot.addWidget(dock)
        dock.resize(500, 400)
        dock.show()
        docks.append(dock)
        return dock

    yield factory
    for task in running_tasks():
        task.wait()
    for dock in docks:
        dock.close()


def rows(dock: BasketDock) -> list[tuple[str, str, str]]:
    items = (dock.list.topLevelItem(i) for i in range(dock.list.topLevelItemCount()))
    return [(item.text(0), item.text(1), item.text(2)) for item in items]


def add_and_wait(qtbot: Any, dock: BasketDock, ids: list[int]) -> None:
    with qtbot.waitSignal(dock.task_launched) as launched:
        dock.add(ids)
    task: BackgroundTask = launched.args[0]
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass


def test_added_records_show_title_author_and_year_and_persist(
    make_dock: Any, record_ids: list[int], qtbot: Any, sqlite_catalog: Catalog, tmp_path: Path
) -> None:
    dock = make_dock()
    counts: list[int] = []
    dock.count_changed.connect(counts.append)
    add_and_wait(qtbot, dock, [record_ids[1], record_ids[0]])
    assert rows(dock) == [
        ("Ecology of Lake Balkhash", "Smith, J.", ""),
        ("Водные ресурсы", "Иванов, И. И.", "2005"),
    ]
    assert counts == [2]
    assert dock.add([record_ids[0]]) == []  # already there: nothing happens
    assert counts == [2]
    assert dock.windowTitle().startswith("Basket (2")

    again = make_dock(Basket.for_user(tmp_path, sqlite_catalog.user))
    qtbot.waitUntil(lambda: rows(again)[0][0] == "Ecology of Lake Balkhash", timeout=10_000)
    assert [r[0] for r in rows(again)] == ["Ecology of Lake Balkhash", "Водные ресурсы"]


def test_delete_key_removes_the_selected_records(
    make_dock: Any, record_ids: list[int], qtbot: Any
) -> None:
    dock = make_dock()
    add_and_wait(qtbot, dock, record_ids)
    dock.list.setFocus()
    dock.list.setCurrentItem(
        dock.list.topLevelItem(1), 0, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    assert dock.selected_ids() == [record_ids[1]]
    with qtbot.waitSignal(dock.count_changed) as changed:
        qtbot.keyClick(dock.list, Qt.Key.Key_Delete)
    assert changed.args == [2]
    assert dock.basket.ids == [record_ids[0], record_ids[2]]
    assert [r[0] for r in rows(dock)] == ["Водные ресурсы", "Saxaul"]


def test_clear_asks_first(
    make_dock: Any, record_ids: list[int], qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    dock = make_dock()
    add_and_wait(qtbot, dock, record_ids)
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    questions: list[str] = []

    def question(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        questions.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    qtbot.mouseClick(dock.clear_button, Qt.MouseButton.LeftButton)
    assert len(dock.basket) == 3  # "No" keeps everything
    qtbot.mouseClick(dock.clear_button, Qt.MouseButton.LeftButton)
    assert len(dock.basket) == 0 and rows(dock) == []
    assert "3" in questions[0]
    assert not dock.clear_button.isEnabled() and not dock.export_button.isEnabled()


def test_double_click_or_enter_asks_to_open_the_record(
    make_dock: Any, record_ids: list[int], qtbot: Any
) -> None:
    dock = make_dock()
    add_and_wait(qtbot, dock, record_ids[:2])
    opened: list[int] = []
    dock.open_requested.connect(opened.append)
    item = dock.list.topLevelItem(1)
    rect = dock.list.visualItemRect(item)
    qtbot.mouseClick(dock.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(dock.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [record_ids[1]]
    dock.list.setFocus()
    dock.list.setCurrentItem(
        dock.list.topLevelItem(0), 0, QItemSelectionModel.SelectionFlag.ClearAndSelect
    )
    qtbot.keyClick(dock.list, Qt.Key.Key_Return)
    assert opened == [record_ids[1], record_ids[0]]


@pytest.mark.parametrize("kind", ["txt", "json"])
def test_export_writes_the_list_where_the_user_chose(
    make_dock: Any,
    record_ids: list[int],
    qtbot: Any,
    tmp_path: Path,
    kind: str,
) -> None:
    dock = make_dock()
    add_and_wait(qtbot, dock, [record_ids[2], record_ids[0]])
    target = tmp_path / f"my basket.{kind}"

    qtbot.mouseClick(dock.export_button, Qt.MouseButton.LeftButton)
    dialog = dock.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    dialog.select_format(READING_LIST if kind == "txt" else RECORDS_JSON)
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dock.task_launched) as launched:
        dialog.export_button.click()
    with qtbot.waitSignal(launched.args[0].finished, timeout=10_000):
        pass

    if kind == "txt":
        assert target.read_text(encoding="utf-8") == (
            "1. Saxaul. 2012\n2. Иванов, И. И. Водные ресурсы. 2005\n"
        )
    else:
        data = json.loads(target.read_text(encoding="utf-8"))
        assert [r["title"] for r in data] == ["Saxaul", "Водные ресурсы"]
        assert data[1]["contributors"][0]["name"] == "Иванов"
    assert str(target) in dock.status_label.text()


def test_export_closed_without_exporting_writes_nothing(
    make_dock: Any, record_ids: list[int], qtbot: Any, tmp_path: Path
) -> None:
    dock = make_dock()
    add_and_wait(qtbot, dock, record_ids[:1])
    dialog = dock.ask_and_export()
    assert dialog is not None
    dialog.path_edit.setText(str(tmp_path / "never.ris"))
    dialog.close_button.click()
    assert not dialog.isVisible()
    assert not (tmp_path / "never.ris").exists()
    assert "Saved" not in dock.status_label.text()


def test_a_damaged_basket_file_is_explained_and_kept(
    make_dock: Any, sqlite_catalog: Catalog, tmp_path: Path
) -> None:
    basket_path = Basket.for_user(tmp_path, sqlite_catalog.user).path
    basket_path.parent.mkdir(parents=True, exist_ok=True)
    basket_path.write_text("{broken", encoding="utf-8")
    dock = make_dock(Basket.for_user(tmp_path, sqlite_catalog.user))
    text = dock.status_label.text()
    assert "could not be read" in text and str(basket_path) + ".bad" in text
    assert rows(dock) == []


def test_a_record_deleted_for_good_is_named_not_hidden(
    make_dock: Any, record_ids: list[int], qtbot: Any
) -> None:
    dock = make_dock()
    add_and_wait(qtbot, dock, [record_ids[0], 999_999])
    assert rows(dock)[1][0] == "Record 999999 no longer exists"
