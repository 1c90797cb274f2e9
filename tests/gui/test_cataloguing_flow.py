"""The issue's "done when", end to end in the real window: a new user loads the demo catalog,
finds and opens records, catalogs a new report with two copies and a PDF, and finds the report
by a word that only the PDF contains — all without the window ever waiting on the work."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QInputDialog
from reportlab.pdfgen import canvas

from library_app.core.model import CopyStatus, MaterialType
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.gui.main_window import MainWindow
from tests.gui.keyboard import type_text

PDF_WORD = "phytomelioration"


def report_pdf(path: Path) -> Path:
    pdf = canvas.Canvas(str(path))
    pdf.setFont("Helvetica", 12)
    pdf.drawString(72, 720, "Field trials on the dried bed of the Aral Sea")
    pdf.showPage()
    pdf.drawString(72, 720, f"Saxaul planting and {PDF_WORD} of saline soils")
    pdf.showPage()
    pdf.save()
    return path


def test_new_user_catalogs_a_report_with_copies_and_a_pdf_and_finds_it_by_the_pdf(
    sqlite_catalog: Catalog,
    open_window: Callable[..., MainWindow],
    qtbot: Any,
    tmp_path: Path,
    monkeypatch: Any,
) -> None:
    window = open_window(sqlite_catalog)
    assert window.empty_panel.isVisible()

    # 1. The demo catalog, from the welcome card.
    monkeypatch.setattr(QInputDialog, "getInt", lambda *args, **kwargs: (300, True))
    with qtbot.waitSignal(window.task_launched) as launched:
        window.demo_button.click()
    with qtbot.waitSignal(launched.args[0].finished, timeout=120_000):
        pass
    view = window.search_view
    qtbot.waitUntil(lambda: view.isVisible() and view.model.rowCount() == 300, timeout=120_000)

    # 2. Find and open records.
    with qtbot.waitSignal(view.listed, timeout=30_000):
        type_text(qtbot, view.search_box, "Aral")
    assert view.model.rowCount() > 0
    qtbot.waitUntil(lambda: view.detail.record_id == view.model.record_id(0), timeout=10_000)

    # 3. Catalog a new report: title, year, two copies, a PDF.
    window.record_actions.new_action.trigger()
    (editor,) = window.record_actions.open_editors()
    form = editor.form
    form.type_combo.setCurrentIndex(form.type_combo.findData(MaterialType.REPORT.value))
    type_text(qtbot, form.title_edit, "Фитомелиорация осушенного дна Аральского моря")
    type_text(qtbot, form.inputs["year"], "2024")
    editor.copies_tab.add_copies(2)
    qtbot.waitUntil(lambda: len(editor.copies_tab.copies()) == 2, timeout=10_000)
    editor.attachments_tab.add_files([report_pdf(tmp_path / "report.pdf")])
    assert len(editor.attachments_tab.pending_files()) == 1
    qtbot.waitUntil(editor.save_action.isEnabled, timeout=10_000)
    with (
        qtbot.waitSignal(window.index_updated, timeout=60_000),
        qtbot.waitSignal(editor.saved, timeout=30_000) as saved,
    ):
        editor.save_action.trigger()
    record = RecordRepository(sqlite_catalog).get(saved.args[0])
    assert record.material_type == MaterialType.REPORT
    assert [c.status for c in record.copies] == [CopyStatus.AVAILABLE] * 2
    assert len({c.inventory_number for c in record.copies}) == 2
    assert [a.filename for a in record.attachments] == ["report.pdf"]

    # 4. Found by a word that only the PDF holds, with the page it is on.
    view.search_box.clear()
    with qtbot.waitSignal(view.listed, timeout=30_000):
        type_text(qtbot, view.search_box, PDF_WORD)
    assert view.model.ids == [record.id]
    shown = view.detail
    qtbot.waitUntil(
        lambda: shown.record is not None and shown.record.id == record.id, timeout=10_000
    )
    hits = shown.hits_view.toPlainText()
    assert "p. 2" in hits and PDF_WORD in hits  # the page the word is on
    editor.close()
