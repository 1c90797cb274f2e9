"""The cataloguing editor on a real catalog: inline validation, saving, undo, material types,
conflicts, the unsaved-changes prompt, autocompletion and duplicating as a template."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox

from library_app.core.model import (
    Contributor,
    Copy,
    HostItem,
    Identifier,
    IdentifierType,
    MaterialType,
    Record,
)
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.gui.app_settings import AppSettings
from library_app.gui.editor.editor_window import RecordEditor
from library_app.gui.i18n import LanguageManager
from library_app.gui.tasks import running_tasks
from tests.gui.keyboard import type_text

OpenEditor = Callable[..., RecordEditor]
Buttons = QMessageBox.StandardButton
WRONG_ISBN = "978-5-02-033152-9"
POPUPS_ALLOWED = pytest.mark.qt_log_ignore(
    "This plugin does not support (propagateSizeHints|raise|grabbing)"
)
"""A completion popup on the offscreen platform says it cannot be raised or grab the keys."""


@pytest.fixture
def open_editor(
    qtbot: Any,
    settings: QSettings,
    languages: LanguageManager,
    monkeypatch: pytest.MonkeyPatch,
) -> Iterator[OpenEditor]:
    """Factory: a shown editor in English.  At the end every editor is closed without asking
    and background work has ended, before the catalog fixture closes the catalog."""
    editors: list[RecordEditor] = []
    assert languages.set_language("en") == "en"

    def factory(catalog: Catalog, record: Record | None = None) -> RecordEditor:
        editor = RecordEditor(catalog, AppSettings(settings), record)
        return show(editor)

    def show(editor: RecordEditor) -> RecordEditor:
        editors.append(editor)
        with qtbot.waitActive(editor):  # shortcuts and focus need the active window
            editor.show()
            editor.activateWindow()
        return editor

    factory.show = show  # type: ignore[attr-defined]
    yield factory
    monkeypatch.setattr(QMessageBox, "question", lambda *args: Buttons.Discard)
    for editor in editors:
        editor.close()
        editor.deleteLater()
    qtbot.waitUntil(lambda: not running_tasks(), timeout=15_000)


def stored(catalog: Catalog, **fields: Any) -> Record:
    fields.setdefault("year", "2012")
    fields.setdefault("languages", ["rus"])
    fields.setdefault("title", "Водные ресурсы Центральной Азии")
    return RecordRepository(catalog).add(Record(**fields))


def problem_text(editor: RecordEditor, name: str) -> str:
    label = editor.findChild(QLabel, name)
    assert label is not None, name
    return label.text() if label.isVisible() else ""


def test_invalid_isbn_blocks_saving_until_fixed_then_the_normalised_record_is_stored(
    catalog: Catalog, open_editor: OpenEditor, qtbot: Any
) -> None:
    editor = open_editor(catalog)
    assert not editor.save_action.isEnabled()  # no title yet
    assert "Title: title proper is required" in editor.error_label.text()

    type_text(qtbot, editor.form.title_edit, "Экология Балхаша")
    identifiers = editor.form.lists["identifiers"]
    assert identifiers.cell(0, "type").currentData() == "isbn"
    isbn = identifiers.cell(0, "value")
    type_text(qtbot, isbn, WRONG_ISBN)

    assert not editor.save_action.isEnabled()
    shown = problem_text(editor, "problems_identifiers")
    assert WRONG_ISBN in shown and "check digit should be 5" in shown
    assert isbn.property("problem") == "error"
    summary = editor.error_label.text()
    assert "prevent" in summary
    assert summary.endswith(f"Identifiers: ISBN {WRONG_ISBN}: check digit should be 5")

    qtbot.keyClick(isbn, Qt.Key.Key_Backspace)
    type_text(qtbot, isbn, "5")
    assert editor.save_action.isEnabled()
    assert problem_text(editor, "problems_identifiers") == ""
    assert isbn.property("problem") == ""

    with qtbot.waitSignal(editor.saved, timeout=10_000) as saved:
        editor.save_action.trigger()
    record = RecordRepository(catalog).get(saved.args[0])
    assert record.title == "Экология Балхаша"
    assert record.identifiers_of(IdentifierType.ISBN) == ["9785020331525"]
    assert editor.record_id == record.id
    assert not editor.is_modified() and not editor.isWindowModified()
    assert isbn.text() == "9785020331525"  # the editor now shows what was stored
    assert not editor.save_action.isEnabled()  # nothing new to save


def test_undo_and_redo_follow_typing_and_the_saved_state(
    sqlite_catalog: Catalog, open_editor: OpenEditor, qtbot: Any
) -> None:
    original = stored(sqlite_catalog, title="Old title")
    editor = open_editor(sqlite_catalog, original)
    assert not editor.is_modified()
    assert editor.windowTitle() == "Old title[*] — Record editor"  # "*" while modified

    title = editor.form.title_edit
    title.setFocus()
    title.selectAll()
    type_text(qtbot, title, "New title")
    assert editor.is_modified() and editor.isWindowModified()
    assert editor.undo_stack.count() == 1  # typing in one field is one step

    editor.undo_action.trigger()
    assert title.text() == "Old title"
    assert not editor.is_modified() and not editor.isWindowModified()
    editor.redo_action.trigger()
    assert title.text() == "New title"
    assert editor.isWindowModified()

    qtbot.keyClick(title, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert title.text() == "Old title"  # Ctrl+Z in the field reaches the editor's history
    assert not editor.is_modified()
    qtbot.keyClick(title, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert title.text() == "New title"

    with qtbot.waitSignal(editor.saved, timeout=10_000):
        editor.save_action.trigger()
    assert not editor.is_modified()
    editor.undo_action.trigger()
    assert title.text() == "Old title" and editor.is_modified()  # saved state is "New title"


def test_material_type_shows_its_fields_and_switching_back_keeps_what_was_typed(
    sqlite_catalog: Catalog, open_editor: OpenEditor, qtbot: Any
) -> None:
    editor = open_editor(sqlite_catalog)
    form = editor.form
    host, project = form.inputs["host_title"], form.inputs["project"]
    assert not host.isVisible() and not project.isVisible()

    form.type_combo.setCurrentIndex(form.type_combo.findData("article"))
    assert host.isVisible() and form.inputs["host_pages"].isVisible()
    assert not project.isVisible()
    type_text(qtbot, form.title_edit, "Сток Сырдарьи")
    type_text(qtbot, host, "Гидрометеорология и экология")

    form.type_combo.setCurrentIndex(form.type_combo.findData("report"))
    assert not host.isVisible()
    assert project.isVisible() and form.lists["funders"].isVisible()
    assert form.body_button.isVisible() and form.body_button.text() == "Add the issuing body"
    type_text(qtbot, project, "CAWa")
    assert form.record().host is None  # hidden fields are not part of the record

    form.type_combo.setCurrentIndex(form.type_combo.findData("article"))
    assert host.isVisible() and host.text() == "Гидрометеорология и экология"
    record = form.record()
    assert record.material_type == MaterialType.ARTICLE
    assert record.host == HostItem("Гидрометеорология и экология")
    assert record.project == ""

    editor.undo_action.trigger()  # back to report: the type change is an undo step
    assert form.material_type() == "report" and project.text() == "CAWa"
    assert form.record().project == "CAWa"


def test_conflicting_change_shows_a_dialog_and_keeps_the_draft(
    catalog: Catalog,
    open_editor: OpenEditor,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    original = stored(catalog, title="Shared record")
    editor = open_editor(catalog, original)
    meanwhile = RecordRepository(catalog).get(original.id)
    meanwhile.edition = "2nd ed."
    RecordRepository(catalog).update(meanwhile)  # another workstation saved first
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text, *rest: warnings.append(text)
    )

    editor.form.title_edit.selectAll()
    type_text(qtbot, editor.form.title_edit, "My better title")
    task = editor.save()
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass

    assert len(warnings) == 1 and "since you opened it" in warnings[0]
    assert editor.isVisible() and editor.is_modified()
    assert editor.form.title_edit.text() == "My better title"
    assert editor.save_action.isEnabled()  # may be tried again
    assert RecordRepository(catalog).get(original.id).title == "Shared record"


def test_closing_with_unsaved_changes_asks_and_cancel_keeps_the_window(
    sqlite_catalog: Catalog,
    open_editor: OpenEditor,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    editor = open_editor(sqlite_catalog, stored(sqlite_catalog))
    assert editor.close()  # nothing changed: no question
    editor = open_editor(sqlite_catalog, stored(sqlite_catalog))
    type_text(qtbot, editor.form.inputs["edition"], "2-е изд.")
    asked: list[str] = []

    def answer(button: QMessageBox.StandardButton) -> None:
        def question(parent: Any, title: str, text: str, *rest: Any) -> Any:
            asked.append(text)
            return button

        monkeypatch.setattr(QMessageBox, "question", question)

    answer(Buttons.Cancel)
    assert not editor.close()
    assert editor.isVisible() and editor.form.inputs["edition"].text() == "2-е изд."
    answer(Buttons.Discard)
    assert editor.close()
    assert not editor.isVisible()
    assert len(asked) == 2 and "not saved" in asked[0]


def test_closing_and_choosing_save_stores_the_record_then_closes(
    sqlite_catalog: Catalog,
    open_editor: OpenEditor,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    original = stored(sqlite_catalog)
    editor = open_editor(sqlite_catalog, original)
    type_text(qtbot, editor.form.inputs["edition"], "2-е изд.")
    monkeypatch.setattr(QMessageBox, "question", lambda *args: Buttons.Save)

    with qtbot.waitSignal(editor.saved, timeout=10_000):
        assert not editor.close()  # waits for the save
    qtbot.waitUntil(lambda: not editor.isVisible())
    assert RecordRepository(sqlite_catalog).get(original.id).edition == "2-е изд."


@POPUPS_ALLOWED
def test_autocomplete_offers_existing_publishers_and_fills_a_persons_name(
    sqlite_catalog: Catalog, open_editor: OpenEditor, qtbot: Any
) -> None:
    stored(sqlite_catalog, publishers=["Наука"], contributors=[Contributor("Абдуллаев", "Р. К.")])
    stored(sqlite_catalog, publishers=["Наука", "Илим"])
    editor = open_editor(sqlite_catalog)
    publishers = editor.form.autocompleter("publisher")
    cell = editor.form.lists["publishers"].cell(0, "value")
    cell.setFocus()

    with qtbot.waitSignal(publishers.fetched, timeout=10_000):
        type_text(qtbot, cell, "на")
    assert publishers.suggestions() == ["Наука"]
    popup = publishers.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: cell.text() == "Наука")

    contributors = editor.form.lists["contributors"]
    name = contributors.cell(0, "name")
    name.setFocus()
    people = editor.form.autocompleter("contributor")
    with qtbot.waitSignal(people.fetched, timeout=10_000):
        type_text(qtbot, name, "АБД")
    assert people.suggestions() == ["Абдуллаев, Р. К."]
    qtbot.waitUntil(people.completer.popup().isVisible)
    qtbot.keyClick(people.completer.popup(), Qt.Key.Key_Down)
    qtbot.keyClick(people.completer.popup(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: name.text() == "Абдуллаев")
    assert contributors.cell(0, "forenames").text() == "Р. К."
    assert editor.form.record().contributors == [Contributor("Абдуллаев", "Р. К.")]
    assert editor.form.record().publishers == ["Наука"]


def test_duplicate_as_template_prefills_a_new_record_without_id_copies_or_control_number(
    sqlite_catalog: Catalog, open_editor: OpenEditor, qtbot: Any, settings: QSettings
) -> None:
    original = stored(
        sqlite_catalog,
        title="Труды САНИГМИ, выпуск 5",
        publishers=["САНИГМИ"],
        identifiers=[Identifier(IdentifierType.LOCAL, "S-5")],
        copies=[Copy("INV-1")],
        control_number="RU-123",
    )
    editor = open_editor(sqlite_catalog, original)
    with qtbot.waitSignal(editor.duplicate_requested) as requested:
        editor.duplicate_action.trigger()
    template = open_editor.show(  # type: ignore[attr-defined]
        RecordEditor.from_template(sqlite_catalog, AppSettings(settings), requested.args[0])
    )

    draft = template.current_record()
    assert template.record_id is None and draft.id is None
    assert draft.copies == [] and draft.attachments == []
    assert draft.control_number == ""
    assert draft.publishers == ["САНИГМИ"] and draft.title == original.title
    assert "template" in problem_text(template, "problem_title")
    assert template.form.title_edit.selectedText() == original.title
    assert template.is_modified() and template.save_action.isEnabled()

    type_text(qtbot, template.form.title_edit, "Труды САНИГМИ, выпуск 6")
    assert problem_text(template, "problem_title") == ""
    with qtbot.waitSignal(template.saved, timeout=10_000) as saved:
        template.save_action.trigger()
    assert saved.args[0] != original.id
    copy_of = RecordRepository(sqlite_catalog).get(saved.args[0])
    assert copy_of.publishers == ["САНИГМИ"] and copy_of.copies == []


@POPUPS_ALLOWED
def test_list_rows_are_added_and_removed_by_keyboard_and_undone(
    sqlite_catalog: Catalog, open_editor: OpenEditor, qtbot: Any
) -> None:
    editor = open_editor(sqlite_catalog)
    subjects = editor.form.lists["subjects"]
    first = subjects.cell(0, "value")
    first.setFocus()
    type_text(qtbot, first, "Экология")
    qtbot.keyClick(first, Qt.Key.Key_Insert)
    second = subjects.cell(1, "value")
    assert isinstance(second, QLineEdit) and second.hasFocus()
    type_text(qtbot, second, "Вода")
    assert editor.form.record().subjects == ["Экология", "Вода"]

    qtbot.keyClick(second, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert subjects.row_count() == 1
    assert editor.form.record().subjects == ["Экология"]
    editor.undo_action.trigger()
    assert editor.form.record().subjects == ["Экология", "Вода"]

    languages = editor.form.lists["languages"]
    type_text(qtbot, languages.cell(0, "value"), "Kazakh")
    assert editor.form.record().languages == ["kaz"]
    note = editor.findChild(QLabel, "languages_value_note")
    assert note is not None and note.text() == "kaz · Kazakh"


def test_tab_walks_the_form_top_to_bottom_also_through_rows_added_later(
    sqlite_catalog: Catalog, open_editor: OpenEditor, qtbot: Any
) -> None:
    editor = open_editor(sqlite_catalog)
    form = editor.form
    form.title_edit.setFocus()
    qtbot.keyClick(form.title_edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.inputs["title_remainder"]

    subjects = form.lists["subjects"]
    subjects.cell(0, "value").setFocus()
    qtbot.keyClick(subjects.cell(0, "value"), Qt.Key.Key_Insert)
    added = subjects.cell(1, "value")
    assert QApplication.focusWidget() is added
    qtbot.keyClick(added, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is subjects.add_button
    qtbot.keyClick(subjects.add_button, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.lists["geographic_names"].add_button


def test_new_report_with_two_copies_and_a_file_is_stored_by_one_save(
    catalog: Catalog, open_editor: OpenEditor, qtbot: Any, tmp_path: Path
) -> None:
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4\n% a tiny file is enough to be stored\n")
    editor = open_editor(catalog)
    form = editor.form
    form.type_combo.setCurrentIndex(form.type_combo.findData("report"))
    type_text(qtbot, form.title_edit, "Otchet o sostoyanii Arala")
    qtbot.mouseClick(form.body_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, form.lists["contributors"].cell(0, "name"), "CAREC")
    task = editor.copies_tab.add_copies(2)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert editor.attachments_tab.add_files([pdf]) is None  # waits for the record's id
    assert editor.is_modified()
    qtbot.waitUntil(lambda: editor.save_action.isEnabled(), timeout=10_000)

    with qtbot.waitSignal(editor.saved, timeout=10_000) as saved:
        editor.save_action.trigger()
    record = RecordRepository(catalog).get(saved.args[0])
    assert record.material_type == MaterialType.REPORT
    assert [(c.name, c.role.value) for c in record.contributors] == [("CAREC", "issuing_body")]
    assert len(record.copies) == 2
    assert [a.filename for a in record.attachments] == ["report.pdf"]
    assert editor.attachments_tab.pending_files() == []
    assert not editor.is_modified()
    assert len(editor.copies_tab.copies()) == 2 and all(c.id for c in editor.copies_tab.copies())
