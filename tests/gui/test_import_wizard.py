"""The import wizard on a real catalog: a partner's spreadsheet through every page into the
catalog and the search index, duplicates decided one by one, a cancelled import, a file that is
not a catalog file at all, and the report saved."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWizard

from library_app.core.model import Contributor, Identifier, IdentifierType, Record
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.gui.i18n import LanguageManager
from library_app.gui.import_wizard import ImportWizard
from library_app.gui.main_window import MainWindow
from library_app.gui.tasks import running_tasks
from library_app.interchange.importing import Action, DuplicatePolicy
from library_app.search.searching import CatalogSearcher

TIMEOUT = 60_000
MARC_DATA = Path(__file__).resolve().parents[1] / "data" / "shared" / "marc" / "marc21"
MakeWizard = Callable[[Catalog], ImportWizard]

# Excel in a Russian Windows saves CSV like this: CP1251, ";" between columns.  «Темы» is not
# a header the guesser knows, so the librarian maps it to the subjects herself.
PARTNER_CSV = (
    "Заглавие;Автор;Год;ISBN;Язык;Темы\r\n"
    'Тугайные леса Сырдарьи;Касымов А. Б.;2011;;рус;"Лесное хозяйство; Сырдарья"\r\n'
    "Солончаки Приаралья;Нуриева Г. К.;2008;;рус;Почвы\r\n"
    "Снежный барс Тянь-Шаня;Petrov S.;2015;;англ;Фауна\r\n"
)


def partner_file(tmp_path: Path, text: str = PARTNER_CSV, name: str = "partner.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("cp1251"))
    return path


@pytest.fixture
def record_critical(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []

    def critical(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        texts.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", critical)
    return texts


@pytest.fixture
def make_wizard(qtbot: Any, languages: LanguageManager) -> Iterator[MakeWizard]:
    """A wizard in English (a translation too: it carries the plural forms)."""
    assert languages.set_language("en") == "en"

    def make(catalog: Catalog) -> ImportWizard:
        wizard = ImportWizard(catalog)
        qtbot.addWidget(wizard)
        wizard.show()
        return wizard

    yield make
    qtbot.waitUntil(lambda: not running_tasks(), timeout=TIMEOUT)  # before the catalog closes


def choose_file(qtbot: Any, wizard: ImportWizard, path: Path) -> None:
    with qtbot.waitSignal(wizard.file_page.detection_finished, timeout=TIMEOUT):
        wizard.file_page.set_path(path)


def next_page(qtbot: Any, wizard: ImportWizard) -> None:
    """Press Next and wait for what the new page reads in the background."""
    page_id = wizard.nextId()
    signal = {
        ImportWizard.MAPPING_PAGE: wizard.mapping_page.preview_finished,
        ImportWizard.REVIEW_PAGE: wizard.review_page.checked,
    }[page_id]
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    with qtbot.waitSignal(signal, timeout=TIMEOUT):
        wizard.button(QWizard.WizardButton.NextButton).click()
    assert wizard.currentId() == page_id


def commit(qtbot: Any, wizard: ImportWizard) -> None:
    button = wizard.button(QWizard.WizardButton.CommitButton)
    assert button.isEnabled() and button.text() == "&Import"
    with qtbot.waitSignal(wizard.imported, timeout=TIMEOUT):
        button.click()
    qtbot.waitUntil(lambda: wizard.currentId() == ImportWizard.REPORT_PAGE)


def test_a_cp1251_spreadsheet_is_mapped_imported_and_findable(
    sqlite_catalog: Catalog,
    open_window: Callable[..., MainWindow],
    qtbot: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = open_window(sqlite_catalog)
    path = partner_file(tmp_path)
    wizard = window.interchange.open_import()
    assert wizard is not None

    choose_file(qtbot, wizard, path)
    assert wizard.format_id == "csv"
    assert "Recognised as CSV" in wizard.file_page.detection_label.text()

    next_page(qtbot, wizard)
    mapping = wizard.mapping_page
    assert mapping.columns() == {
        "Заглавие": "title",
        "Автор": "authors",
        "Год": "year",
        "ISBN": "isbn",
        "Язык": "languages",
        "Темы": "ignore",
    }
    assert "Encoding: cp1251" in mapping.info.text()
    assert "«;»" in mapping.info.text()
    assert mapping.table.item(1, 0).text() == "Тугайные леса Сырдарьи"
    mapping.set_field("Темы", "subjects")
    assert mapping.combos()[5].currentText() == "Subjects"

    next_page(qtbot, wizard)
    review = wizard.review_page
    assert "3 records in the file: 3 to add" in review.summary.text()
    assert "encoding cp1251" in review.file_info.text()

    with qtbot.waitSignal(window.index_updated, timeout=TIMEOUT):
        commit(qtbot, wizard)
    report = wizard.report
    assert report is not None and len(report.added_ids) == 3
    assert "3 records added" in wizard.report_page.summary.text()
    assert "Import of partner.csv" in wizard.report_page.text.toPlainText()
    record = RecordRepository(sqlite_catalog).get(report.added_ids[0])
    assert record.title == "Тугайные леса Сырдарьи"
    assert record.subjects == ["Лесное хозяйство", "Сырдарья"]
    assert "Imported: 3 records added" in window.statusBar().currentMessage()

    searcher = CatalogSearcher(window.search_index)
    try:
        assert [h.title for h in searcher.search("Сырдарья").hits] == ["Тугайные леса Сырдарьи"]
        assert [h.title for h in searcher.search("barsa OR барс").hits] == [
            "Снежный барс Тянь-Шаня"
        ]
    finally:
        searcher.close()
    qtbot.waitUntil(lambda: window.search_view.model.rowCount() == 3, timeout=TIMEOUT)

    # The report is kept as text and as JSON.
    targets = [tmp_path / "report.txt", tmp_path / "report"]
    answers = iter(
        [(str(targets[0]), "Text report (*.txt)"), (str(targets[1]), "JSON report (*.json)")]
    )
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: next(answers))
    assert wizard.report_page.ask_and_save()
    assert targets[0].read_text(encoding="utf-8").startswith("Import of partner.csv")
    assert wizard.report_page.ask_and_save()
    saved = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert saved["counts"]["add"] == 3 and saved["added_ids"] == report.added_ids
    assert "report.json" in wizard.report_page.saved_label.text()
    wizard.button(QWizard.WizardButton.FinishButton).click()


def test_duplicates_are_decided_one_by_one_when_the_policy_is_ask(
    sqlite_catalog: Catalog,
    make_wizard: MakeWizard,
    qtbot: Any,
    tmp_path: Path,
) -> None:
    repository = RecordRepository(sqlite_catalog)
    kept_id, updated_id = repository.add_many(
        [
            Record(
                title="Тугайные леса",
                contributors=[Contributor("Касымов", "А. Б.")],
                year="2011",
                identifiers=[Identifier(IdentifierType.ISBN, "9785020000018")],
            ),
            Record(
                title="Солончаки",
                contributors=[Contributor("Нуриева", "Г. К.")],
                year="2008",
                identifiers=[Identifier(IdentifierType.ISBN, "9785020000025")],
            ),
        ]
    )
    text = PARTNER_CSV.replace("2011;;", "2011;978-5-02-000001-8;").replace(
        "2008;;", "2008;978-5-02-000002-5;"
    )
    wizard = make_wizard(sqlite_catalog)
    choose_file(qtbot, wizard, partner_file(tmp_path, text))
    next_page(qtbot, wizard)
    review = wizard.review_page
    review.set_policy(DuplicatePolicy.ASK)  # before the page opens: the first check uses it
    next_page(qtbot, wizard)

    assert review.plan is not None and review.plan.policy == DuplicatePolicy.ASK
    assert "2 to decide" in review.summary.text()
    rows = {review.table.item(r, 0).text(): r for r in range(review.table.rowCount())}
    assert set(rows) == {"1", "2"}
    assert review.table.item(rows["1"], 2).text() == "Undecided"
    assert f"Same ISBN as catalog record {kept_id}" in review.table.item(rows["1"], 3).text()
    commit_button = wizard.button(QWizard.WizardButton.CommitButton)
    assert not commit_button.isEnabled()  # undecided duplicates block the import

    review.select_positions([1, 2])
    assert review.skip_button.isEnabled() and review.update_button.isEnabled()
    assert review.decide_selected(Action.SKIP) == 2
    assert review.plan.undecided() == [] and commit_button.isEnabled()
    review.select_positions([2])
    review.update_button.click()
    assert [i.action for i in review.plan.items] == [Action.SKIP, Action.UPDATE, Action.ADD]
    assert review.table.item(rows["2"], 2).text() == "Update catalog record"
    assert commit_button.isEnabled()

    commit(qtbot, wizard)
    report = wizard.report
    assert report is not None
    assert len(report.added_ids) == 1 and report.updated_ids == [updated_id]
    assert repository.get(kept_id).title == "Тугайные леса"  # skipped: untouched
    assert repository.get(kept_id).version == 1
    assert repository.get(updated_id).title == "Солончаки Приаралья"
    assert repository.count() == 3


def test_cancelling_the_import_writes_nothing_and_the_wizard_stays_usable(
    sqlite_catalog: Catalog,
    make_wizard: MakeWizard,
    qtbot: Any,
    tmp_path: Path,
) -> None:
    rows = "".join(
        f"Отчёт о мониторинге № {n};Иванов И. И.;20{n % 20:02d};;рус;\r\n" for n in range(1200)
    )
    path = partner_file(tmp_path, "Заглавие;Автор;Год;ISBN;Язык;Темы\r\n" + rows)
    wizard = make_wizard(sqlite_catalog)
    choose_file(qtbot, wizard, path)
    next_page(qtbot, wizard)
    review = wizard.review_page
    review.set_policy(DuplicatePolicy.ADD)  # the titles differ only in their numbers
    next_page(qtbot, wizard)
    assert "1,200 records in the file: 1,200 to add" in review.summary.text()

    # Cancel through the task's API before the worker runs: deterministic; the import still
    # writes its first batch before it polls the flag, so the rollback is exercised.
    wizard.task_launched.connect(lambda task: task.cancel())
    task = review.start_import()
    assert task is not None
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert not wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    with qtbot.waitSignals([task.cancelled, task.finished], order="strict", timeout=TIMEOUT):
        pass

    assert RecordRepository(sqlite_catalog).count() == 0
    assert wizard.currentId() == ImportWizard.REVIEW_PAGE and wizard.isVisible()
    assert review.outcome.text() == (
        "The import was cancelled; nothing was written to the catalog."
    )
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert wizard.button(QWizard.WizardButton.BackButton).isEnabled()


def test_cancel_button_while_checking_stops_the_check_not_the_wizard(
    sqlite_catalog: Catalog,
    make_wizard: MakeWizard,
    qtbot: Any,
    tmp_path: Path,
) -> None:
    wizard = make_wizard(sqlite_catalog)
    choose_file(qtbot, wizard, partner_file(tmp_path))
    next_page(qtbot, wizard)
    review = wizard.review_page
    with qtbot.waitSignal(review.checked, timeout=TIMEOUT):
        wizard.task_launched.connect(lambda _task: wizard.reject())  # Cancel, at once
        wizard.next()
    assert wizard.isVisible()
    assert review.plan is None
    assert review.summary.text() == "The check was cancelled."


def test_a_file_that_is_no_catalog_file_is_explained_and_nothing_is_written(
    sqlite_catalog: Catalog,
    make_wizard: MakeWizard,
    record_critical: list[str],
    qtbot: Any,
    tmp_path: Path,
) -> None:
    garbage = tmp_path / "holiday.jpg"
    garbage.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 40)
    wizard = make_wizard(sqlite_catalog)

    choose_file(qtbot, wizard, garbage)
    page = wizard.file_page
    assert page.detection_label.text().startswith("The file was not recognised: ")
    assert "not recognised" in page.detection_label.text()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert record_critical == []  # a wrong file is not a bug: said on the page

    # Insisting on a format: the reader refuses the file, the message says why.
    page.select_format("ris")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    next_page(qtbot, wizard)
    (text,) = record_critical
    assert text.startswith("The file could not be read; nothing was imported.")
    assert "Traceback" not in text
    review = wizard.review_page
    assert review.summary.text().startswith("The file could not be read: ")
    assert not wizard.button(QWizard.WizardButton.CommitButton).isEnabled()
    assert wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    assert RecordRepository(sqlite_catalog).count() == 0

    wizard.back()  # still usable: another file, dropped on the page this time
    page.select_format(None)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(partner_file(tmp_path)))])
    drop = QDropEvent(
        QPointF(20, 20),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    with qtbot.waitSignal(page.detection_finished, timeout=TIMEOUT):
        page.dropEvent(drop)
    assert page.path() == tmp_path / "partner.csv"
    assert wizard.format_id == "csv"
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_reader_mode_offers_export_but_not_import(
    sqlite_catalog: Catalog, open_window: Callable[..., MainWindow]
) -> None:
    window = open_window(sqlite_catalog, reader=True)
    actions = window.interchange
    assert not actions.import_action.isVisible()
    assert actions.open_import() is None
    assert actions.export_action.isVisible() and actions.export_action.isEnabled()
    assert actions.import_action in window.file_menu.actions()


def test_the_wizard_speaks_russian(
    sqlite_catalog: Catalog, languages: LanguageManager, qtbot: Any, tmp_path: Path
) -> None:
    assert languages.set_language("ru") == "ru"
    wizard = ImportWizard(sqlite_catalog)
    qtbot.addWidget(wizard)
    wizard.show()
    choose_file(qtbot, wizard, partner_file(tmp_path))
    assert wizard.windowTitle() == "Импорт записей"
    assert wizard.file_page.detection_label.text().startswith("Распознан формат CSV.")
    next_page(qtbot, wizard)
    assert [c.currentText() for c in wizard.mapping_page.combos()][:3] == [
        "Заглавие",
        "Авторы",
        "Год",
    ]
    next_page(qtbot, wizard)
    assert wizard.review_page.summary.text() == "В файле 3 записи: 3 будут добавлены."
    qtbot.waitUntil(lambda: not running_tasks(), timeout=TIMEOUT)


def test_a_marc_file_skips_the_column_page_and_keeps_the_chosen_encoding(
    sqlite_catalog: Catalog, make_wizard: MakeWizard, qtbot: Any, tmp_path: Path
) -> None:
    path = tmp_path / "loc.mrc"
    path.write_bytes((MARC_DATA / "pymarc-test.mrc").read_bytes())
    wizard = make_wizard(sqlite_catalog)
    choose_file(qtbot, wizard, path)
    assert wizard.format_id == "marc21"
    wizard.file_page.select_encoding("marc-8")

    next_page(qtbot, wizard)  # straight to the check: a MARC file has no columns to map
    review = wizard.review_page
    assert review.plan is not None and review.plan.encoding == "marc-8"
    assert "encoding marc-8" in review.file_info.text()
    assert review.summary.text().startswith("10 records in the file: ")
    to_add = review.plan.counts()["add"]
    commit(qtbot, wizard)
    assert RecordRepository(sqlite_catalog).count() == to_add > 0


def test_strict_mode_refuses_a_file_with_a_bad_record_until_it_is_switched_off(
    sqlite_catalog: Catalog, make_wizard: MakeWizard, qtbot: Any, tmp_path: Path
) -> None:
    text = PARTNER_CSV + ";Без заглавия А. А.;2001;;рус;Почвы\r\n"  # a row without a title
    wizard = make_wizard(sqlite_catalog)
    choose_file(qtbot, wizard, partner_file(tmp_path, text))
    next_page(qtbot, wizard)
    review = wizard.review_page
    review.strict_check.setChecked(True)
    next_page(qtbot, wizard)

    commit_button = wizard.button(QWizard.WizardButton.CommitButton)
    assert review.outcome.text().startswith("Strict import: 1 problem stops it")
    assert review.table.item(0, 0).text() == "4"
    assert review.table.item(0, 2).text() == "Not imported"
    assert not commit_button.isEnabled()

    with qtbot.waitSignal(review.checked, timeout=TIMEOUT):  # the check runs again by itself
        review.strict_check.setChecked(False)
    assert review.outcome.text() == ""
    assert commit_button.isEnabled()
    commit(qtbot, wizard)
    assert RecordRepository(sqlite_catalog).count() == 3
