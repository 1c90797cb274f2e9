"""The results model on its own: row count, lazy block reads, sorting handed to the engine."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from library_app.core.errors import StorageError
from library_app.core.model import Contributor, Copy, CopyStatus, Record
from library_app.db.catalog import Catalog
from library_app.db.listing import ListRow, list_rows
from library_app.db.records import RecordRepository
from library_app.gui.results_model import COLUMNS, ResultsModel, engine_order


@pytest.fixture
def filled(sqlite_catalog: Catalog) -> tuple[Catalog, list[int]]:
    records = [
        Record(
            f"Запись {n:04d}",
            year=str(1990 + n % 30),
            languages=["rus"],
            contributors=[Contributor(f"Автор{n}", "И.")],
            copies=[Copy(f"{n}", status=CopyStatus.AVAILABLE if n % 2 else CopyStatus.ON_LOAN)],
        )
        for n in range(1, 1001)
    ]
    ids = RecordRepository(sqlite_catalog).add_many(records)
    return sqlite_catalog, ids


class CountingFetch:
    def __init__(self) -> None:
        self.asked: list[list[int]] = []

    def __call__(self, catalog: Catalog, ids: Sequence[int]) -> dict[int, ListRow]:
        self.asked.append(list(ids))
        return list_rows(catalog, ids)


def test_row_count_follows_the_id_list_and_nothing_is_read_up_front(filled) -> None:
    catalog, ids = filled
    fetch = CountingFetch()
    model = ResultsModel(catalog, fetch=fetch)
    model.set_ids(ids)
    assert model.rowCount() == 1000 and model.columnCount() == len(COLUMNS)
    assert fetch.asked == []


def test_rows_are_read_a_block_at_a_time_and_cached(filled) -> None:
    catalog, ids = filled
    fetch = CountingFetch()
    model = ResultsModel(catalog, fetch=fetch, block=50)
    model.set_ids(ids)

    assert model.data(model.index(500, 0)) == "Запись 0501"
    assert len(fetch.asked) == 1 and len(fetch.asked[0]) == 50
    assert ids[500] in fetch.asked[0] and ids[520] in fetch.asked[0]
    for row in range(490, 530):  # inside the block: no new read
        model.data(model.index(row, 1))
    assert len(fetch.asked) == 1
    assert model.data(model.index(500, 1)) == "Автор501, И."
    assert model.data(model.index(500, 6)) == "1/1"
    assert model.data(model.index(501, 6)) == "0/1"


def test_cache_is_bounded(filled) -> None:
    catalog, ids = filled
    model = ResultsModel(catalog, block=100, cache_rows=200)
    model.set_ids(ids)
    for row in range(0, 1000, 100):
        model.data(model.index(row, 0))
    assert len(model._rows) <= 200
    assert model.data(model.index(0, 0)) == "Запись 0001"  # read again after eviction


def test_a_view_scrolled_to_the_end_reads_only_what_it_shows(filled, qtbot: Any) -> None:
    catalog, ids = filled
    fetch = CountingFetch()
    model = ResultsModel(catalog, fetch=fetch)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    view.resize(600, 300)
    model.set_ids(ids)
    view.show()
    qtbot.waitExposed(view)
    view.scrollToBottom()
    view.grab()  # paints every visible cell, as the screen would
    read = sum(len(block) for block in fetch.asked)
    assert 0 < read <= 300
    assert ids[-1] in {i for block in fetch.asked for i in block}


def test_header_click_asks_the_engine_and_unsortable_columns_do_nothing(filled, qtbot) -> None:
    catalog, _ids = filled
    model = ResultsModel(catalog)
    with qtbot.waitSignal(model.sort_requested) as asked:
        model.sort(COLUMNS.index("year"), Qt.SortOrder.AscendingOrder)
    assert asked.args == ["year", False]
    with qtbot.assertNotEmitted(model.sort_requested):
        model.sort(COLUMNS.index("shelf_mark"), Qt.SortOrder.AscendingOrder)
    assert engine_order([3, 2, 1], "year", descending=False) == [1, 2, 3]
    assert engine_order([3, 2, 1], "year", descending=True) == [3, 2, 1]
    assert engine_order([1, 2, 3], "title", descending=True) == [3, 2, 1]


def test_edited_rows_are_read_again_and_deleted_ones_say_so(filled, qtbot) -> None:
    catalog, ids = filled
    model = ResultsModel(catalog)
    model.set_ids(ids[:10])
    assert model.data(model.index(3, 0)) == "Запись 0004"
    repository = RecordRepository(catalog)
    record = repository.get(ids[3])
    record.title = "Изменённое заглавие"
    repository.update(record)
    assert model.data(model.index(3, 0)) == "Запись 0004"  # cached until told
    with qtbot.waitSignal(model.dataChanged):
        model.invalidate([ids[3]])
    assert model.data(model.index(3, 0)) == "Изменённое заглавие"
    model.set_ids([*ids[:2], 987_654])
    assert model.data(model.index(2, 0)) == "(record no longer available)"


def test_a_failed_read_is_reported_once_and_leaves_blank_rows(filled, qtbot) -> None:
    catalog, ids = filled

    def broken(_catalog: Catalog, _ids: Sequence[int]) -> dict[int, ListRow]:
        raise StorageError("the database server closed the connection")

    model = ResultsModel(catalog, fetch=broken, block=10)
    model.set_ids(ids)
    with qtbot.waitSignal(model.fetch_failed) as failed:
        assert model.data(model.index(0, 0)) == "(record no longer available)"
        model.data(model.index(500, 0))
    assert "closed the connection" in failed.args[0]
