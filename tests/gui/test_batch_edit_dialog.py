"""The batch edit dialog on a real catalog: the change lands for every record in the background,
and a failure or a cancel keeps the dialog open with what was typed and changes nothing."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import update

from library_app.core.model import Copy, CopyStatus, Record
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.db.schema import RecordRow
from library_app.gui.batch_edit_dialog import BatchEditDialog
from library_app.gui.tasks import running_tasks


def add_records(catalog: Catalog) -> list[int]:
    return RecordRepository(catalog).add_many(
        [
            Record(
                title=f"Аральское море: отчёт {n}",
                year="2005",
                subjects=["Экология"],
                copies=[Copy(f"AR-{n}-{c}", location="Reading room") for c in range(n)],
            )
            for n in (1, 2, 3)
        ]
    )


def snapshot(catalog: Catalog, ids: list[int]) -> list[tuple]:
    return [
        (r.version, tuple(r.subjects), tuple((c.location, c.status) for c in r.copies))
        for r in RecordRepository(catalog).get_many(ids)
    ]


@pytest.fixture
def open_dialog(qtbot: Any):
    def make(catalog: Catalog, ids: list[int]) -> BatchEditDialog:
        dialog = BatchEditDialog(catalog, ids)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    yield make
    qtbot.waitUntil(lambda: not running_tasks(), timeout=30_000)  # before the catalog closes


@pytest.fixture
def record_critical(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []

    def critical(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        texts.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", critical)
    return texts


def test_apply_changes_every_selected_record_and_closes(
    catalog: Catalog, open_dialog: Any, qtbot: Any
) -> None:
    ids = add_records(catalog)
    dialog = open_dialog(catalog, ids[1:])
    assert not dialog.apply_button.isEnabled()  # nothing to change yet

    qtbot.keyClicks(dialog.add_subject_edit, "Aral Sea; Water resources")
    qtbot.keyClicks(dialog.location_edit, "Stack B")
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("in_repair"))
    assert dialog.status_combo.currentText() == "In repair"
    with qtbot.waitSignal(dialog.applied, timeout=30_000) as applied:
        qtbot.mouseClick(dialog.apply_button, Qt.MouseButton.LeftButton)

    assert applied.args == [2]
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == BatchEditDialog.DialogCode.Accepted
    repository = RecordRepository(catalog)
    untouched, *changed = repository.get_many(ids)
    assert untouched.version == 1 and untouched.copies[0].location == "Reading room"
    for record in changed:
        assert record.subjects == ["Экология", "Aral Sea", "Water resources"]
        assert {(c.location, c.status) for c in record.copies} == {
            ("Stack B", CopyStatus.IN_REPAIR)
        }


def test_a_failure_is_shown_and_the_dialog_stays_open_with_the_input(
    sqlite_catalog: Catalog, open_dialog: Any, record_critical: list[str], qtbot: Any
) -> None:
    ids = add_records(sqlite_catalog)
    with sqlite_catalog.engine.begin() as connection:  # a description another program broke
        connection.execute(update(RecordRow).where(RecordRow.id == ids[2]).values(year_text="?"))
    before = snapshot(sqlite_catalog, ids)
    dialog = open_dialog(sqlite_catalog, ids)
    qtbot.keyClicks(dialog.location_edit, "Branch office")

    task = dialog.apply()
    assert task is not None
    assert not dialog.location_edit.isEnabled() and not dialog.apply_button.isEnabled()
    with qtbot.waitSignal(task.finished, timeout=30_000):
        pass

    (text,) = record_critical
    assert text.startswith("Nothing was changed.")
    assert f"record 3 (id {ids[2]}" in text
    assert dialog.isVisible()
    assert dialog.location_edit.text() == "Branch office" and dialog.location_edit.isEnabled()
    assert dialog.apply_button.isEnabled()
    assert snapshot(sqlite_catalog, ids) == before


def test_cancelling_keeps_the_dialog_open_and_changes_nothing(
    sqlite_catalog: Catalog, open_dialog: Any, qtbot: Any
) -> None:
    ids = add_records(sqlite_catalog)
    before = snapshot(sqlite_catalog, ids)
    dialog = open_dialog(sqlite_catalog, ids)
    qtbot.keyClicks(dialog.remove_subject_edit, "ekologiya")
    dialog.status_combo.setCurrentIndex(dialog.status_combo.findData("lost"))
    # Cancel through the task's API before the worker runs: deterministic.
    dialog.task_launched.connect(lambda task: task.cancel())

    task = dialog.apply()
    assert task is not None
    with qtbot.waitSignals([task.cancelled, task.finished], order="strict", timeout=30_000):
        pass

    assert dialog.isVisible()
    assert dialog.outcome.text() == "Cancelled; nothing was changed."
    assert dialog.status_combo.currentData() == "lost"
    assert snapshot(sqlite_catalog, ids) == before


def test_a_subject_to_add_and_remove_at_once_is_refused(
    sqlite_catalog: Catalog, open_dialog: Any, qtbot: Any
) -> None:
    dialog = open_dialog(sqlite_catalog, [1])

    qtbot.keyClicks(dialog.add_subject_edit, "Soils")
    assert dialog.apply_button.isEnabled()
    qtbot.keyClicks(dialog.remove_subject_edit, "soils")

    assert not dialog.apply_button.isEnabled()
    assert dialog.problem.isVisible()
    assert "«Soils» is both to be added and to be removed" in dialog.problem.text()
    assert dialog.apply() is None


def test_subjects_already_in_the_catalog_are_offered_for_completion(
    sqlite_catalog: Catalog, open_dialog: Any, qtbot: Any
) -> None:
    ids = add_records(sqlite_catalog)

    dialog = open_dialog(sqlite_catalog, ids)

    qtbot.waitUntil(lambda: dialog.subjects_model.stringList() == ["Экология"])
    assert dialog.add_subject_edit.completer().model() is dialog.subjects_model
