"""File › Print on a real catalog: the dialog opens from the window, the preview shows the built
PDF's pages, an option change rebuilds them, Save as PDF and Print write what was previewed, a
cancelled build writes nothing, errors reach a dialog, reader mode prints bibliographies only."""

from __future__ import annotations

import datetime as dt
import io
import threading
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from pypdf import PdfReader
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QComboBox, QDialog, QFileDialog, QMessageBox

from library_app.core.model import AcquisitionSource, Contributor, Copy, Record
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.gui.main_window import MainWindow
from library_app.gui.print_dialog import WHOLE_CATALOG, BuiltPdf, PrintDialog
from library_app.gui.print_options import OptionsPanel
from library_app.reports import bibliography, labels

TIMEOUT = 60_000
RECORDS = 60
A4 = (595.3, 841.9)
A5 = (419.5, 595.3)
OpenWindow = Callable[..., MainWindow]


def fill_catalog(catalog: Catalog) -> list[int]:
    records = [
        Record(
            title=f"Аральское море: отчёт об экспедиции {n}",
            contributors=[Contributor(f"Иванов{n:02d}", "И. И.")],
            year=str(1990 + n % 30),
            places=["Алматы"],
            publishers=["Наука"],
            languages=["rus"],
            copies=[
                Copy(
                    f"{1000 + n}",
                    barcode=f"0000{1000 + n}",
                    shelf_mark="26.22 А95",
                    acquired_on=dt.date(2024, 3, 1 + n % 28),
                    source=AcquisitionSource.PURCHASE,
                    price=Decimal("1500"),
                    currency="KZT",
                )
            ],
        )
        for n in range(RECORDS - 1)
    ]
    records.append(Record(title="Snow leopard survey", year="2015", languages=["eng"]))
    return RecordRepository(catalog).add_many(records)


@pytest.fixture
def window(sqlite_catalog: Catalog, open_window: OpenWindow, qtbot: Any) -> MainWindow:
    fill_catalog(sqlite_catalog)
    shown = open_window(sqlite_catalog)
    qtbot.waitUntil(lambda: shown.search_view.model.rowCount() == RECORDS, timeout=TIMEOUT)
    return shown


@pytest.fixture
def critical(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    texts: list[str] = []

    def record(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        texts.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", record)
    return texts


def save_to(monkeypatch: pytest.MonkeyPatch, path: Path) -> list[tuple[Any, ...]]:
    calls: list[tuple[Any, ...]] = []

    def answer(*args: Any, **kwargs: Any) -> tuple[str, str]:
        calls.append(args)
        return str(path), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return calls


def open_dialog(qtbot: Any, window: MainWindow, product: str = "bibliography") -> PrintDialog:
    dialog = window.printing.open_print(product)
    assert dialog.product().id == product
    return dialog


def built(qtbot: Any, dialog: PrintDialog) -> BuiltPdf:
    """The PDF for the options shown, waiting for its build if needed."""
    if dialog.current() is None:
        with qtbot.waitSignal(dialog.built, timeout=TIMEOUT):
            pass
    current = dialog.current()
    assert current is not None
    return current


def panel(dialog: PrintDialog) -> OptionsPanel:
    found = dialog.options_panel()
    assert found is not None
    return found


def rendered_pages(qtbot: Any, dialog: PrintDialog) -> Iterator[tuple[int, Any]]:
    preview = dialog.preview
    for index in range(preview.page_count()):
        preview.go_to_page(index)
        qtbot.waitUntil(lambda i=index: preview.image(i) is not None, timeout=TIMEOUT)
        yield index, preview.image(index)


def assert_aspect(image: Any, size: tuple[float, float]) -> None:
    width, height = size
    assert image.width() / image.height() == pytest.approx(width / height, rel=0.01)


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


# --- tests ----------------------------------------------------------------------------------------


def test_ctrl_p_opens_the_print_dialog_with_every_product_and_the_records_of_the_window(
    window: MainWindow, qtbot: Any
) -> None:
    assert window.printing.print_action in window.file_menu.actions()
    assert window.printing.print_action.shortcut().toString() == "Ctrl+P"

    window.printing.print_action.trigger()

    dialog = window.findChild(PrintDialog)
    assert dialog is not None and dialog.isVisible()
    combo = dialog.product_combo
    assert [combo.itemText(i) for i in range(combo.count())] == [
        "Bibliography",
        "Catalog cards",
        "Labels",
        "Accession register",
        "New acquisitions bulletin",
        "Statistics report",
    ]
    assert dialog.source_buttons["results"].isChecked()
    assert dialog.source_buttons["results"].text() == f"All {RECORDS} records the search found"
    assert dialog.source_buttons[WHOLE_CATALOG].text() == f"The whole catalog ({RECORDS} records)"
    built(qtbot, dialog)  # the preview builds by itself


def test_preview_shows_every_page_of_the_bibliography_at_the_pages_proportions(
    window: MainWindow, qtbot: Any
) -> None:
    dialog = open_dialog(qtbot, window)
    current = built(qtbot, dialog)

    assert current.result.items == RECORDS
    assert current.result.pages > 1
    assert dialog.preview.page_count() == current.result.pages
    assert dialog.preview.page_count() == len(PdfReader(io.BytesIO(current.pages.data)).pages)
    images = dict(rendered_pages(qtbot, dialog))
    assert sorted(images) == list(range(current.result.pages))
    for image in images.values():
        assert_aspect(image, A4)
        assert not image.isNull()
    assert dialog.preview.page_spin.value() == current.result.pages  # the last one shown
    assert dialog.preview.page_count_label.text() == f"of {current.result.pages}"
    assert dialog.status_label.text() == (f"{current.result.pages} pages · {RECORDS} entries")


def test_changing_an_option_builds_the_pdf_again_and_the_preview_follows(
    window: MainWindow, qtbot: Any
) -> None:
    dialog = open_dialog(qtbot, window)
    first = built(qtbot, dialog)
    size = panel(dialog).editors["page_size"]
    assert isinstance(size, QComboBox)

    with qtbot.waitSignal(dialog.built, timeout=TIMEOUT) as rebuilt:
        size.setCurrentIndex(size.findData("A5"))
    second: BuiltPdf = rebuilt.args[0]

    assert second.generation > first.generation
    assert second.pages.sizes[0] == pytest.approx(A5, abs=1)
    assert first.pages.sizes[0] == pytest.approx(A4, abs=1)
    assert dialog.preview.page_count() == second.result.pages
    _index, image = next(rendered_pages(qtbot, dialog))
    assert_aspect(image, A5)


def test_zoom_and_page_navigation_move_through_the_preview(window: MainWindow, qtbot: Any) -> None:
    dialog = open_dialog(qtbot, window)
    built(qtbot, dialog)
    preview = dialog.preview
    fit = preview.scale()

    preview.next_button.click()
    assert preview.current_page() == 1
    preview.zoom_combo.setCurrentIndex(preview.zoom_combo.findData(2.0))
    assert preview.current_page() == 1  # zooming keeps the page
    assert preview.scale() == pytest.approx(2.0 * preview.logicalDpiX() / 72)
    qtbot.waitUntil(lambda: preview.image(1) is not None, timeout=TIMEOUT)
    assert preview.image(1).width() == pytest.approx(A4[0] * preview.scale(), abs=2)
    preview.zoom_out_button.click()
    assert preview.zoom() == 1.5
    preview.previous_button.click()
    assert preview.current_page() == 0
    assert fit != preview.scale()


def test_save_as_pdf_writes_the_previewed_pdf_with_the_records(
    window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(qtbot, window)
    current = built(qtbot, dialog)
    calls = save_to(monkeypatch, tmp_path / "aral")  # the extension is added

    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT):
        dialog.save_button.click()

    target = tmp_path / "aral.pdf"
    assert calls[0][2].endswith("Bibliography.pdf")
    assert target.read_bytes() == current.pages.data
    assert len(PdfReader(target).pages) == current.result.pages
    text = pdf_text(target)
    assert "Аральское море: отчёт об экспедиции 7" in text
    assert "Snow leopard survey" in text
    assert dialog.status_label.text() == f"Saved to {target}."
    assert window.statusBar().currentMessage() == f"Saved to {target}."


def test_print_paints_every_page_into_the_printer_at_the_pages_size(
    window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(qtbot, window)
    current = built(qtbot, dialog)
    printer = dialog.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setResolution(150)  # a quick test; real printers are painted at up to 600 dpi
    asked: list[QPrintDialog] = []

    def accept(print_dialog: QPrintDialog) -> int:
        asked.append(print_dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)

    with qtbot.waitSignal(dialog.printed, timeout=TIMEOUT) as printed:
        dialog.print_button.click()

    assert len(asked) == 1
    assert printed.args == [current.result.pages]
    output = PdfReader(tmp_path / "printed.pdf")
    assert len(output.pages) == current.result.pages
    box = output.pages[0].mediabox
    assert (float(box.width), float(box.height)) == pytest.approx(A4, abs=1)
    assert dialog.status_label.text() == f"{current.result.pages} pages sent to the printer."


def test_print_paints_only_the_pages_chosen_in_the_print_dialog(
    window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(qtbot, window)
    current = built(qtbot, dialog)
    assert current.result.pages >= 3
    printer = dialog.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "two.pdf"))
    printer.setResolution(100)

    def pages_two_and_three(print_dialog: QPrintDialog) -> int:
        assert print_dialog.minPage() == 1
        assert print_dialog.maxPage() == current.result.pages
        print_dialog.printer().setPrintRange(QPrinter.PrintRange.PageRange)
        print_dialog.printer().setFromTo(2, 3)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", pages_two_and_three)
    with qtbot.waitSignal(dialog.printed, timeout=TIMEOUT) as printed:
        dialog.print_button.click()

    assert printed.args == [2]
    assert len(PdfReader(tmp_path / "two.pdf").pages) == 2


def test_print_waits_for_the_build_and_a_refused_print_dialog_prints_nothing(
    window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(qtbot, window)
    printer = dialog.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    asked: list[bool] = []

    def refuse(print_dialog: QPrintDialog) -> int:
        asked.append(True)
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(QPrintDialog, "exec", refuse)

    dialog.print_button.click()  # before the first build is done
    assert dialog.is_building()
    built(qtbot, dialog)

    assert asked == [True]
    assert not (tmp_path / "printed.pdf").exists()


def test_cancelling_the_build_a_save_waits_for_writes_no_file(
    window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = threading.Event(), threading.Event()
    real = bibliography.build_bibliography

    def held(*args: Any, **kwargs: Any) -> Any:
        started.set()
        release.wait(TIMEOUT / 1000)
        return real(*args, **kwargs)

    monkeypatch.setattr(bibliography, "build_bibliography", held)
    target = tmp_path / "list.pdf"
    save_to(monkeypatch, target)
    dialog = open_dialog(qtbot, window)
    saved: list[str] = []
    dialog.saved.connect(saved.append)
    tasks: list[Any] = []
    dialog.task_launched.connect(tasks.append)

    dialog.save_button.click()
    qtbot.waitUntil(started.is_set, timeout=TIMEOUT)
    assert dialog.cancel_button.isVisible()
    (task,) = tasks
    with qtbot.waitSignal(task.cancelled, timeout=TIMEOUT):
        dialog.cancel_button.click()
        release.set()

    assert not target.exists()
    assert list(tmp_path.glob("*.pdf")) == []
    assert saved == []
    assert dialog.current() is None
    assert not dialog.cancel_button.isVisible()
    assert dialog.status_label.text() == "Cancelled; nothing was saved or printed."


def test_closing_the_dialog_during_a_build_stops_it_and_writes_nothing(
    window: MainWindow, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started, release = threading.Event(), threading.Event()
    real = bibliography.build_bibliography

    def held(*args: Any, **kwargs: Any) -> Any:
        started.set()
        release.wait(TIMEOUT / 1000)
        return real(*args, **kwargs)

    monkeypatch.setattr(bibliography, "build_bibliography", held)
    target = tmp_path / "list.pdf"
    save_to(monkeypatch, target)
    dialog = open_dialog(qtbot, window)
    tasks: list[Any] = []
    dialog.task_launched.connect(tasks.append)
    dialog.save_button.click()
    qtbot.waitUntil(started.is_set, timeout=TIMEOUT)

    (task,) = tasks
    with qtbot.waitSignal(task.finished, timeout=TIMEOUT):
        dialog.buttons.button(dialog.buttons.StandardButton.Close).click()
        release.set()

    assert task.is_cancelled()
    assert not target.exists()
    assert not shiboken6.isValid(dialog) or not dialog.isVisible()


def test_an_impossible_choice_is_explained_under_the_preview_and_in_a_dialog_on_save(
    window: MainWindow,
    qtbot: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    critical: list[str],
) -> None:
    dialog = open_dialog(qtbot, window, "register")
    built(qtbot, dialog)
    options = panel(dialog)
    save_to(monkeypatch, tmp_path / "register.pdf")

    options.set_value("inventory_from", "9000")  # no copy has such a number
    qtbot.waitUntil(lambda: "9000" in dialog.status_label.text(), timeout=TIMEOUT)
    assert critical == []  # typing is not interrupted
    assert dialog.preview.page_count() == 0

    dialog.save_button.click()
    qtbot.waitUntil(lambda: len(critical) == 1, timeout=TIMEOUT)

    assert critical[0].startswith("The pages were not made.")
    assert "9000" in critical[0]
    assert "Traceback" not in critical[0]
    assert not (tmp_path / "register.pdf").exists()


def test_labels_are_previewed_sheet_by_sheet_with_the_workstations_offsets(
    window: MainWindow, qtbot: Any, sqlite_catalog: Catalog
) -> None:
    data_dir = sqlite_catalog.location.data_dir
    labels.save_calibration(data_dir, 0.5, -1.0)
    dialog = open_dialog(qtbot, window, "labels")
    current = built(qtbot, dialog)

    box = dialog.calibration_box
    assert (box.x_spin.value(), box.y_spin.value()) == (0.5, -1.0)
    assert "offset_x_mm" not in panel(dialog).editors  # not a per-print option
    template = labels.TEMPLATES[labels.DEFAULT_TEMPLATE]
    copies = RECORDS - 1  # the last record has none
    assert current.result.items == 2 * copies  # a spine and a barcode label each
    assert current.result.pages == -(-2 * copies // template.per_sheet)
    _index, image = next(rendered_pages(qtbot, dialog))
    assert_aspect(image, A4)
    assert dialog.status_label.text() == (
        f"{current.result.pages} pages · {current.result.items} labels"
    )
    kind = panel(dialog).editors["kind"]
    assert isinstance(kind, QComboBox)
    with qtbot.waitSignal(dialog.built, timeout=TIMEOUT) as rebuilt:
        kind.setCurrentIndex(kind.findData("spine"))
    assert rebuilt.args[0].result.items == copies


def test_calibration_offsets_are_saved_for_the_workstation_and_the_calibration_page_shows_them(
    window: MainWindow,
    qtbot: Any,
    sqlite_catalog: Catalog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data_dir = sqlite_catalog.location.data_dir
    dialog = open_dialog(qtbot, window, "labels")
    built(qtbot, dialog)
    box = dialog.calibration_box

    with qtbot.waitSignal(dialog.built, timeout=TIMEOUT):
        box.x_spin.setValue(1.5)
    assert labels.load_calibration(data_dir) == labels.Calibration(1.5, 0.0)
    with qtbot.waitSignal(dialog.built, timeout=TIMEOUT) as calibration:
        box.page_button.click()
    page: BuiltPdf = calibration.args[0]
    template = labels.TEMPLATES[labels.DEFAULT_TEMPLATE]
    assert (page.result.pages, page.result.items) == (1, template.per_sheet)
    assert dialog.preview.page_count() == 1
    assert dialog.status_label.text() == "1 page"

    save_to(monkeypatch, tmp_path / "calibration.pdf")
    with qtbot.waitSignal(dialog.saved, timeout=TIMEOUT):
        dialog.save_button.click()
    assert "X +1.5 mm" in pdf_text(tmp_path / "calibration.pdf")

    with qtbot.waitSignal(dialog.built, timeout=TIMEOUT) as back:
        box.page_button.click()  # back to the labels
    assert back.args[0].result.pages > 1
    dialog.reject()
    again = open_dialog(qtbot, window, "labels")
    assert again.calibration_box.x_spin.value() == 1.5
    built(qtbot, again)


@pytest.mark.parametrize("product", ["cards", "register", "bulletin", "stats"])
def test_every_product_is_previewed_from_the_whole_catalog(
    window: MainWindow, qtbot: Any, product: str
) -> None:
    dialog = open_dialog(qtbot, window, product)
    dialog.select_source(WHOLE_CATALOG)
    current = built(qtbot, dialog)

    assert current.product_id == product
    assert current.result.pages >= 1
    assert dialog.preview.page_count() == current.result.pages
    _index, image = next(rendered_pages(qtbot, dialog))
    assert_aspect(image, current.pages.sizes[0])


def test_cards_for_a_card_printer_are_previewed_at_the_cards_size(
    window: MainWindow, qtbot: Any
) -> None:
    dialog = open_dialog(qtbot, window, "cards")
    built(qtbot, dialog)
    layout = panel(dialog).editors["layout"]
    assert isinstance(layout, QComboBox)
    assert layout.currentText() == "Four cards to an A4 sheet, with cut marks"

    with qtbot.waitSignal(dialog.built, timeout=TIMEOUT) as rebuilt:
        layout.setCurrentIndex(layout.findData("single"))
    cards: BuiltPdf = rebuilt.args[0]

    card = (125 * 72 / 25.4, 75 * 72 / 25.4)
    assert cards.pages.sizes[0] == pytest.approx(card, abs=1)
    assert cards.result.pages >= cards.result.items  # one card per page
    _index, image = next(rendered_pages(qtbot, dialog))
    assert_aspect(image, card)


def test_options_are_offered_again_next_time(
    window: MainWindow, qtbot: Any, settings: QSettings
) -> None:
    dialog = open_dialog(qtbot, window)
    built(qtbot, dialog)
    with qtbot.waitSignal(dialog.built, timeout=TIMEOUT):
        panel(dialog).set_value("title", "Экология Арала")
    dialog.reject()

    again = window.printing.open_print()
    assert again.product().id == "bibliography"
    assert panel(again).value("title") == "Экология Арала"
    assert panel(again).options().title == "Экология Арала"
    built(qtbot, again)


def test_reader_mode_prints_bibliographies_of_what_the_reader_found_only(
    sqlite_catalog: Catalog, open_window: OpenWindow, qtbot: Any
) -> None:
    fill_catalog(sqlite_catalog)
    window = open_window(sqlite_catalog, reader=True)
    qtbot.waitUntil(lambda: window.search_view.model.rowCount() == RECORDS, timeout=TIMEOUT)
    assert window.printing.print_action.isVisible()

    dialog = window.printing.open_print()

    assert dialog.product_combo.count() == 1
    assert dialog.product().id == "bibliography"
    assert WHOLE_CATALOG not in dialog.source_buttons
    assert built(qtbot, dialog).result.items == RECORDS
