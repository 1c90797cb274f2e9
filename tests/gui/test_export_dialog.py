"""Export from the window on a real catalog: every record a search found (not only the rows read
for the screen) in the engine's order, a selection as CSV with chosen columns, the basket in
BibTeX, a cancelled export, and export in reader mode."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, Qt

from library_app.core.model import Contributor, Record
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.gui.export_dialog import ID_ROLE, ExportDialog
from library_app.gui.main_window import MainWindow
from library_app.gui.search_view import FIRST_ROWS
from tests.gui.keyboard import type_text

TIMEOUT = 60_000
OpenWindow = Callable[..., MainWindow]
ARAL = 200  # more than the rows read with the search itself (FIRST_ROWS)


def fill_catalog(catalog: Catalog) -> list[int]:
    records = [
        Record(
            title=f"Аральское море: отчёт {n}",
            contributors=[Contributor("Иванов", "И. И.")],
            year=str(1990 + n % 30),
            languages=["rus"],
        )
        for n in range(ARAL)
    ]
    records += [
        Record(title="Snow leopard survey", year="2015", languages=["eng"]),
        Record(title="Саксаул в Кызылкумах", year="2001", languages=["rus"]),
    ]
    return RecordRepository(catalog).add_many(records)


def searched(qtbot: Any, window: MainWindow, query: str, expected: int) -> list[int]:
    view = window.search_view
    qtbot.waitUntil(lambda: view.model.rowCount() == ARAL + 2, timeout=TIMEOUT)  # browsing
    with qtbot.waitSignal(view.listed, timeout=TIMEOUT):
        type_text(qtbot, view.search_box, query)
    qtbot.waitUntil(lambda: view.model.rowCount() == expected, timeout=TIMEOUT)
    return view.model.ids


def export_and_wait(qtbot: Any, dialog: ExportDialog) -> None:
    with qtbot.waitSignal(dialog.exported, timeout=TIMEOUT):
        dialog.export_button.click()


def titles_in(catalog: Catalog, ids: list[int]) -> list[str]:
    by_id = {r.id: r.title for r in RecordRepository(catalog).get_many(ids)}
    return [by_id[i] for i in ids]


def test_all_search_results_are_exported_to_ris_in_the_engines_order(
    sqlite_catalog: Catalog, open_window: OpenWindow, qtbot: Any, tmp_path: Path
) -> None:
    fill_catalog(sqlite_catalog)
    window = open_window(sqlite_catalog)
    ids = searched(qtbot, window, "Аральское", ARAL)
    assert ARAL > FIRST_ROWS

    dialog = window.interchange.open_export()
    assert dialog is not None
    assert dialog.source_buttons["results"].isChecked()
    assert dialog.source_buttons["results"].text() == "All 200 records the search found"
    assert dialog.format_id == "ris"
    dialog.path_edit.setText(str(tmp_path / "aral"))
    export_and_wait(qtbot, dialog)

    target = tmp_path / "aral.ris"
    text = target.read_text(encoding="utf-8")
    titles = re.findall(r"^T[I1]  - (.*)$", text, flags=re.MULTILINE)
    assert titles == titles_in(sqlite_catalog, ids)
    assert text.count("ER  -") == ARAL
    assert dialog.outcome.text() == f"Saved 200 records to {target}."
    assert window.statusBar().currentMessage() == f"Saved 200 records to {target}."
    assert dialog.isVisible()  # another format can follow


def test_selected_records_go_to_csv_with_the_chosen_columns_in_the_chosen_order(
    sqlite_catalog: Catalog, open_window: OpenWindow, qtbot: Any, tmp_path: Path
) -> None:
    fill_catalog(sqlite_catalog)
    window = open_window(sqlite_catalog)
    ids = searched(qtbot, window, "Аральское", ARAL)
    view = window.search_view
    selection = view.table.selectionModel()
    selection.clearSelection()
    for row in (3, 1):
        selection.select(
            view.model.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )

    dialog = window.interchange.open_export("selected")
    assert dialog is not None
    assert dialog.source_buttons["selected"].isChecked()
    assert dialog.source_buttons["selected"].text() == "The 2 selected records"
    dialog.select_format("csv")
    assert dialog.path_edit.text().endswith(".csv")  # the extension follows the format
    assert dialog.columns_box.isVisible()
    dialog.none_button.click()
    assert not dialog.export_button.isEnabled()  # a table without columns
    listed = dialog.columns_list
    rows = {listed.item(r).data(ID_ROLE): r for r in range(listed.count())}
    for field in ("title", "year"):
        listed.item(rows[field]).setCheckState(Qt.CheckState.Checked)
    listed.setCurrentRow(rows["year"])
    for _ in range(rows["year"] - rows["title"]):
        dialog.up_button.click()
    assert dialog.columns() == ["year", "title"]
    dialog.delimiter_combo.setCurrentIndex(dialog.delimiter_combo.findData(";"))
    dialog.encoding_combo.setCurrentIndex(dialog.encoding_combo.findData("cp1251"))
    target = tmp_path / "selected.csv"
    dialog.path_edit.setText(str(target))
    export_and_wait(qtbot, dialog)

    lines = target.read_bytes().decode("cp1251").splitlines()
    expected = [RecordRepository(sqlite_catalog).get(ids[row]) for row in (1, 3)]
    assert lines == ["Year;Title"] + [f"{r.year};{r.title}" for r in expected]


def test_the_basket_is_exported_from_its_dock_in_any_format(
    sqlite_catalog: Catalog, open_window: OpenWindow, qtbot: Any, tmp_path: Path
) -> None:
    ids = fill_catalog(sqlite_catalog)
    window = open_window(sqlite_catalog)
    window.add_to_basket([ids[-1], ids[-2]])
    dock = window.basket_dock

    dock.export_button.click()
    dialog = dock.findChild(ExportDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.source_buttons["basket"].text() == "The 2 records in the basket"
    assert Path(dialog.path_edit.text()).name == "basket.ris"
    dialog.select_format("bibtex")
    assert Path(dialog.path_edit.text()).name == "basket.bib"
    dialog.path_edit.setText(str(tmp_path / "basket.bib"))
    export_and_wait(qtbot, dialog)

    text = (tmp_path / "basket.bib").read_text(encoding="utf-8")
    assert text.count("@") == 2
    assert text.index("Саксаул в Кызылкумах") < text.index("Snow leopard survey")  # basket order
    assert f"Saved 2 records to {tmp_path / 'basket.bib'}." in dock.status_label.text()


def test_a_cancelled_export_leaves_no_file(
    sqlite_catalog: Catalog, open_window: OpenWindow, qtbot: Any, tmp_path: Path
) -> None:
    fill_catalog(sqlite_catalog)
    window = open_window(sqlite_catalog)
    searched(qtbot, window, "Аральское", ARAL)
    dialog = window.interchange.open_export()
    assert dialog is not None
    dialog.select_format("csv")
    target = tmp_path / "aral.out"
    dialog.path_edit.setText(str(target))
    dialog.task_launched.connect(lambda task: task.cancel())  # before the worker runs

    task = dialog.export()
    assert task is not None
    with qtbot.waitSignals([task.cancelled, task.finished], order="strict", timeout=TIMEOUT):
        pass

    assert not target.exists()
    assert not list(tmp_path.glob(".aral.out*"))  # nor a temporary file beside it
    assert dialog.outcome.text() == "Cancelled; no file was written."
    assert dialog.export_button.isEnabled() and dialog.isVisible()


def test_readers_can_export_what_they_found(
    sqlite_catalog: Catalog, open_window: OpenWindow, qtbot: Any, tmp_path: Path
) -> None:
    fill_catalog(sqlite_catalog)
    window = open_window(sqlite_catalog, reader=True)
    searched(qtbot, window, "Saxaul OR саксаул", 1)
    assert window.interchange.export_action.isVisible()

    dialog = window.interchange.open_export()
    assert dialog is not None
    dialog.select_format("csljson")
    dialog.path_edit.setText(str(tmp_path / "found.json"))
    export_and_wait(qtbot, dialog)
    assert "Саксаул в Кызылкумах" in (tmp_path / "found.json").read_text(encoding="utf-8")
