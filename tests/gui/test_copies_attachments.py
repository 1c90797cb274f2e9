"""The editor's copies and attachments tabs on a real catalog: inventory numbers that clash
inside the table or with another record, numbering new copies by the library's pattern, undo,
and files attached by dialog, drag-and-drop or on saving a new record."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QMimeData, QPointF, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QDragEnterEvent, QDropEvent, QUndoStack
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QLineEdit, QMessageBox
from reportlab.pdfgen import canvas

from library_app.core.model import Copy, CopyStatus, Record
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.gui.app_settings import AppSettings
from library_app.gui.editor.attachments_tab import AttachmentsTab
from library_app.gui.editor.copies_tab import CopiesTab, fixed_prefix
from library_app.gui.i18n import LanguageManager
from library_app.gui.tasks import BackgroundTask, running_tasks

YEAR = dt.date.today().year
Buttons = QMessageBox.StandardButton


@pytest.fixture
def app_settings(settings: QSettings) -> AppSettings:
    return AppSettings(settings)


@pytest.fixture
def undo_stack() -> QUndoStack:
    return QUndoStack()


@pytest.fixture
def copies_tab(
    qtbot: Any,
    catalog: Catalog,
    app_settings: AppSettings,
    undo_stack: QUndoStack,
    languages: LanguageManager,
) -> Iterator[CopiesTab]:
    """A shown tab in English; at the end its catalog checks have finished."""
    assert languages.set_language("en") == "en"
    tab = CopiesTab(catalog, app_settings, undo_stack)
    qtbot.addWidget(tab)
    tab.show()
    yield tab
    qtbot.waitUntil(
        lambda: (not shiboken6.isValid(tab) or not tab.is_checking) and not running_tasks(),
        timeout=10_000,
    )


def load(qtbot: Any, tab: CopiesTab, record: Record) -> None:
    with qtbot.waitSignal(tab.checked, timeout=10_000):
        tab.set_copies(record.copies, record.id)


def type_into_cell(qtbot: Any, tab: CopiesTab, row: int, field: str, text: str) -> None:
    """Open the cell's editor as a double click would, type, and press Enter (QTest types
    Latin-1 only)."""
    index = tab.index_of(row, field)
    tab.table.setCurrentIndex(index)
    tab.table.edit(index)
    editor = tab.table.indexWidget(index)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key.Key_Backspace)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # The delegate commits and closes the editor from the event loop.
    qtbot.waitUntil(lambda: tab.table.indexWidget(index) is None)


def is_marked(tab: CopiesTab, row: int, field: str) -> bool:
    return tab.model.data(tab.index_of(row, field), Qt.ItemDataRole.BackgroundRole) is not None


# --- copies ---------------------------------------------------------------------------------------


def test_inventory_number_of_another_record_is_marked_and_named_until_fixed(
    qtbot: Any, catalog: Catalog, copies_tab: CopiesTab, undo_stack: QUndoStack
) -> None:
    repo = RecordRepository(catalog)
    other = repo.add(Record(title="Другая книга", copies=[Copy("100", barcode="B-100")]))
    mine = repo.add(Record(title="Моя книга", copies=[Copy("200"), Copy("201")]))
    load(qtbot, copies_tab, mine)
    assert copies_tab.problems() == [] and undo_stack.count() == 0

    with qtbot.waitSignal(copies_tab.checked, timeout=10_000):
        type_into_cell(qtbot, copies_tab, 1, "inventory_number", "100")

    assert copies_tab.copies()[1].inventory_number == "100"
    (problem,) = copies_tab.problems()
    assert "100" in problem and f"record {other.id}" in problem
    assert is_marked(copies_tab, 1, "inventory_number")
    assert not is_marked(copies_tab, 0, "inventory_number")
    tooltip = copies_tab.model.data(
        copies_tab.index_of(1, "inventory_number"), Qt.ItemDataRole.ToolTipRole
    )
    assert f"record {other.id}" in tooltip
    assert copies_tab.problem_label.isVisible()

    with qtbot.waitSignal(copies_tab.checked, timeout=10_000):
        type_into_cell(qtbot, copies_tab, 1, "barcode", "B-100")
    assert any("B-100" in p and f"record {other.id}" in p for p in copies_tab.problems())

    with qtbot.waitSignal(copies_tab.checked, timeout=10_000):
        type_into_cell(qtbot, copies_tab, 1, "inventory_number", "202")
        type_into_cell(qtbot, copies_tab, 1, "barcode", "B-202")

    assert copies_tab.problems() == []
    assert not is_marked(copies_tab, 1, "inventory_number")
    assert not copies_tab.problem_label.isVisible()
    # The record's own saved numbers never count as taken.
    assert [c.id for c in copies_tab.copies()] == [c.id for c in mine.copies]


def test_numbers_typed_twice_in_the_table_and_empty_numbers_are_problems(
    qtbot: Any, catalog: Catalog, copies_tab: CopiesTab
) -> None:
    load(qtbot, copies_tab, Record(title="", copies=[Copy("1", barcode="X"), Copy("2")]))

    with qtbot.waitSignal(copies_tab.problems_changed):
        type_into_cell(qtbot, copies_tab, 1, "inventory_number", "1")
    type_into_cell(qtbot, copies_tab, 1, "barcode", "X")

    problems = copies_tab.problems()
    assert "Inventory number 1 is given to copies 1, 2 here." in problems
    assert "Barcode X is given to copies 1, 2 here." in problems
    assert all(is_marked(copies_tab, row, "inventory_number") for row in (0, 1))

    type_into_cell(qtbot, copies_tab, 1, "inventory_number", "")
    assert copies_tab.problems()[0] == "Copy 2: The inventory number is empty."


def test_price_and_currency_are_checked_like_the_repository_does(
    qtbot: Any, copies_tab: CopiesTab
) -> None:
    load(qtbot, copies_tab, Record(title="", copies=[Copy("1")]))
    model = copies_tab.model

    assert not model.setData(copies_tab.index_of(0, "price"), "twelve")
    assert model.setData(copies_tab.index_of(0, "price"), "1 500,50")
    assert model.setData(copies_tab.index_of(0, "currency"), "kz")

    assert str(copies_tab.copies()[0].price) == "1500.50"
    (problem,) = copies_tab.problems()
    assert problem.startswith("Copy 1: Currency: KZ")
    assert is_marked(copies_tab, 0, "currency")


def test_add_copies_numbers_them_after_the_highest_in_the_catalog_and_undo_removes_them(
    qtbot: Any,
    catalog: Catalog,
    copies_tab: CopiesTab,
    app_settings: AppSettings,
    undo_stack: QUndoStack,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    app_settings.inventory_pattern = "INV-{year}-{n:04d}"
    repo = RecordRepository(catalog)
    repo.add(
        Record(
            title="Другая",
            copies=[Copy(f"INV-{YEAR}-0007"), Copy(f"INV-{YEAR - 1}-0099"), Copy("12345")],
        )
    )
    first = Copy(f"INV-{YEAR}-0002", location="Читальный зал", shelf_mark="Ш-12")
    load(qtbot, copies_tab, Record(title="", copies=[first]))
    asked: list[tuple] = []
    monkeypatch.setattr(
        QInputDialog, "getInt", lambda *args, **kwargs: asked.append(args) or (3, True)
    )

    with qtbot.waitSignal(copies_tab.changed, timeout=10_000):
        qtbot.mouseClick(copies_tab.add_many_button, Qt.MouseButton.LeftButton)

    assert len(asked) == 1
    copies = copies_tab.copies()
    assert [c.inventory_number for c in copies] == [
        f"INV-{YEAR}-0002",
        f"INV-{YEAR}-0008",
        f"INV-{YEAR}-0009",
        f"INV-{YEAR}-0010",
    ]
    assert {(c.location, c.shelf_mark) for c in copies} == {("Читальный зал", "Ш-12")}
    assert all(c.id is None and c.status == CopyStatus.AVAILABLE for c in copies[1:])
    assert copies_tab.table.currentIndex() == copies_tab.index_of(1, "barcode")
    assert undo_stack.count() == 1 and undo_stack.undoText().startswith("Add 3 cop")

    undo_stack.undo()
    assert [c.inventory_number for c in copies_tab.copies()] == [f"INV-{YEAR}-0002"]
    undo_stack.redo()
    assert len(copies_tab.copies()) == 4

    with qtbot.waitSignal(copies_tab.changed, timeout=10_000):
        qtbot.mouseClick(copies_tab.add_button, Qt.MouseButton.LeftButton)
    assert copies_tab.copies()[-1].inventory_number == f"INV-{YEAR}-0011"
    qtbot.waitUntil(lambda: not copies_tab.is_checking, timeout=10_000)
    assert copies_tab.problems() == []


def test_a_pattern_that_cannot_number_copies_is_explained(
    copies_tab: CopiesTab, app_settings: AppSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    app_settings.inventory_pattern = "INV-{year}"
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))

    assert copies_tab.add_copies(1) is None

    assert "INV-{year}" in warnings[0] and "{n}" in warnings[0]
    assert copies_tab.copies() == []


def test_inventory_prefix_is_the_literal_start_of_the_pattern() -> None:
    assert fixed_prefix("INV-{year}-{n:04d}") == "INV-"
    assert fixed_prefix("{n}") == ""
    assert fixed_prefix("ЧЗ-{n}") == "ЧЗ-"


def test_removing_asks_only_for_a_copy_on_loan_and_undo_brings_it_back(
    qtbot: Any, copies_tab: CopiesTab, undo_stack: QUndoStack, monkeypatch: pytest.MonkeyPatch
) -> None:
    copies = [Copy("1", id=11, version=3), Copy("2", status=CopyStatus.ON_LOAN), Copy("3")]
    load(qtbot, copies_tab, Record(title="", copies=copies))

    copies_tab.table.selectRow(0)
    qtbot.mouseClick(copies_tab.remove_button, Qt.MouseButton.LeftButton)  # no dialog
    assert [c.inventory_number for c in copies_tab.copies()] == ["2", "3"]

    answers = [Buttons.No, Buttons.Yes]
    questions: list[str] = []

    def question(_parent: Any, _title: str, text: str, *args: Any) -> Buttons:
        questions.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    copies_tab.table.selectRow(0)
    copies_tab.remove_selected()
    assert [c.inventory_number for c in copies_tab.copies()] == ["2", "3"]
    copies_tab.remove_selected()
    assert [c.inventory_number for c in copies_tab.copies()] == ["3"]
    assert "on loan: 2" in questions[0]

    undo_stack.undo()
    undo_stack.undo()
    restored = copies_tab.copies()
    assert [c.inventory_number for c in restored] == ["1", "2", "3"]
    assert (restored[0].id, restored[0].version) == (11, 3)


def test_cell_edits_are_undone_one_by_one_and_set_copies_is_not_an_edit(
    qtbot: Any, copies_tab: CopiesTab, undo_stack: QUndoStack
) -> None:
    load(qtbot, copies_tab, Record(title="", copies=[Copy("1", location="A")]))
    changes: list[None] = []
    copies_tab.changed.connect(lambda: changes.append(None))

    type_into_cell(qtbot, copies_tab, 0, "location", "Stack 2")
    copies_tab.model.setData(copies_tab.index_of(0, "status"), "lost")
    copies_tab.model.setData(copies_tab.index_of(0, "acquired_on"), "2024-03-01")

    copy = copies_tab.copies()[0]
    assert (copy.location, copy.status, copy.acquired_on) == (
        "Stack 2",
        CopyStatus.LOST,
        dt.date(2024, 3, 1),
    )
    assert undo_stack.count() == 3 and len(changes) == 3
    assert copies_tab.model.data(copies_tab.index_of(0, "status")) == "Lost"
    undo_stack.undo()
    undo_stack.undo()
    assert copies_tab.copies()[0].status == CopyStatus.AVAILABLE
    undo_stack.undo()
    assert copies_tab.copies()[0].location == "A"


# --- attachments ------------------------------------------------------------------------------


def make_pdf(path: Path, text: str = "Озеро Балхаш: отчёт") -> Path:
    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 720, text)
    pdf.save()
    return path


@pytest.fixture
def attachments_tab(
    qtbot: Any, catalog: Catalog, languages: LanguageManager
) -> Iterator[AttachmentsTab]:
    assert languages.set_language("en") == "en"
    tab = AttachmentsTab(catalog)
    qtbot.addWidget(tab)
    tab.show()
    yield tab
    qtbot.waitUntil(lambda: not running_tasks(), timeout=10_000)


def drag_and_drop(tab: AttachmentsTab, urls: list[QUrl]) -> tuple[bool, bool]:
    """Drag ``urls`` onto the tab and let go; whether the enter and the drop were accepted.

    Qt delivers the drop only to a widget that accepted the drag entering it."""
    mime = QMimeData()
    mime.setUrls(urls)
    where, action = QPointF(10, 10), Qt.DropAction.CopyAction
    buttons, modifiers = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    # QDragEnterEvent takes an integer point, QDropEvent a real one (PySide6 6.11).
    enter = QDragEnterEvent(where.toPoint(), action, mime, buttons, modifiers)
    QApplication.sendEvent(tab, enter)
    if not enter.isAccepted():
        return False, False
    dropped = QDropEvent(where, action, mime, buttons, modifiers)
    QApplication.sendEvent(tab, dropped)
    return True, dropped.isAccepted()


def test_file_chosen_in_the_dialog_is_attached_to_a_saved_record_at_once(
    qtbot: Any,
    catalog: Catalog,
    attachments_tab: AttachmentsTab,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    record = RecordRepository(catalog).add(Record(title="Отчёт"))
    attachments_tab.set_record(record.id, [])
    pdf = make_pdf(tmp_path / "report.pdf")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(pdf)], ""))

    with qtbot.waitSignal(attachments_tab.attached, timeout=10_000) as attached:
        qtbot.mouseClick(attachments_tab.add_button, Qt.MouseButton.LeftButton)

    assert attached.args == [record.id]
    (stored,) = RecordRepository(catalog).get(record.id).attachments
    assert (stored.filename, stored.media_type, stored.size) == (
        "report.pdf",
        "application/pdf",
        pdf.stat().st_size,
    )
    assert attachments_tab.pending_files() == []
    assert attachments_tab.list.topLevelItem(0).text(0) == "report.pdf"
    assert attachments_tab.list.topLevelItem(0).text(2) == "application/pdf"


def test_files_for_a_new_record_wait_and_are_attached_when_it_is_saved(
    qtbot: Any, catalog: Catalog, attachments_tab: AttachmentsTab, tmp_path: Path
) -> None:
    attachments_tab.set_record(None, [])
    pdf = make_pdf(tmp_path / "draft.pdf")

    with qtbot.waitSignal(attachments_tab.changed):
        attachments_tab.add_files([pdf, pdf])

    assert attachments_tab.pending_files() == [pdf]
    assert attachments_tab.list.topLevelItem(0).text(3) == "when saved"
    repo = RecordRepository(catalog)

    def save(progress: Any, is_cancelled: Any) -> int:  # what the editor's save work does
        stored = repo.add(Record(title="Новый отчёт"))
        assert stored.id is not None
        attachments_tab.attach_pending(stored.id)
        return stored.id

    task = BackgroundTask(save, show_progress=False)
    with qtbot.waitSignal(task.succeeded, timeout=10_000) as saved:
        task.start()
    record_id = saved.args[0]
    stored = repo.get(record_id)
    assert [a.filename for a in stored.attachments] == ["draft.pdf"]
    with qtbot.waitSignal(attachments_tab.attached) as attached:
        attachments_tab.set_record(record_id, stored.attachments)
    assert attached.args == [record_id]
    assert attachments_tab.pending_files() == []


def test_dropped_local_files_are_accepted_and_other_urls_refused(
    qtbot: Any, catalog: Catalog, attachments_tab: AttachmentsTab, tmp_path: Path
) -> None:
    record = RecordRepository(catalog).add(Record(title="Карта"))
    attachments_tab.set_record(record.id, [])
    pdf = make_pdf(tmp_path / "map.pdf")

    web = QUrl("https://example.org/map.pdf")
    assert drag_and_drop(attachments_tab, [web, QUrl.fromLocalFile(str(pdf))]) == (False, False)
    with qtbot.waitSignal(attachments_tab.attached, timeout=10_000):
        assert drag_and_drop(attachments_tab, [QUrl.fromLocalFile(str(pdf))]) == (True, True)

    assert [a.filename for a in attachments_tab.attachments()] == ["map.pdf"]


def test_missing_file_is_named_in_a_dialog_and_nothing_is_attached(
    catalog: Catalog, attachments_tab: AttachmentsTab, tmp_path: Path, monkeypatch: Any
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: warnings.append(text))
    attachments_tab.set_record(None, [])

    attachments_tab.add_files([tmp_path / "gone.pdf", tmp_path])

    assert "gone.pdf: no such file" in warnings[0]
    assert "a folder, not a file" in warnings[0]
    assert attachments_tab.pending_files() == []


def test_open_shows_the_stored_file_under_its_own_name_and_remove_detaches_it(
    qtbot: Any,
    catalog: Catalog,
    attachments_tab: AttachmentsTab,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    record = RecordRepository(catalog).add(Record(title="Отчёт"))
    attachments_tab.set_record(record.id, [])
    pdf = make_pdf(tmp_path / "report.pdf")
    with qtbot.waitSignal(attachments_tab.attached, timeout=10_000):
        attachments_tab.add_files([pdf])
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    attachments_tab.list.topLevelItem(0).setSelected(True)

    task = attachments_tab.open_selected()
    assert task is not None
    qtbot.waitUntil(lambda: bool(opened), timeout=10_000)

    shown = Path(opened[0].toLocalFile())
    assert shown.name == "report.pdf" and shown.read_bytes() == pdf.read_bytes()

    monkeypatch.setattr(QMessageBox, "question", lambda *a: Buttons.Yes)
    with qtbot.waitSignal(attachments_tab.changed, timeout=10_000):
        qtbot.mouseClick(attachments_tab.remove_button, Qt.MouseButton.LeftButton)
    assert RecordRepository(catalog).get(record.id).attachments == []
    assert attachments_tab.list.topLevelItemCount() == 0


def test_insert_and_delete_keys_add_and_remove_copies_in_the_table(
    qtbot: Any, copies_tab: CopiesTab
) -> None:
    load(qtbot, copies_tab, Record(title="", copies=[Copy("5", location="Абонемент")]))
    with qtbot.waitActive(copies_tab):
        copies_tab.activateWindow()
    copies_tab.table.setFocus()

    with qtbot.waitSignal(copies_tab.changed, timeout=10_000):
        qtbot.keyClick(copies_tab.table, Qt.Key.Key_Insert)
    assert [(c.inventory_number, c.location) for c in copies_tab.copies()] == [
        ("5", "Абонемент"),
        ("6", "Абонемент"),
    ]

    copies_tab.table.selectRow(1)
    qtbot.keyClick(copies_tab.table, Qt.Key.Key_Delete)
    assert [c.inventory_number for c in copies_tab.copies()] == ["5"]
