"""The detail pane on a real catalog: card, fields, copies, attachments with matching pages."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from reportlab.pdfgen import canvas

from library_app.core.model import (
    Attachment,
    Classification,
    ClassificationScheme,
    Contributor,
    ContributorRole,
    Copy,
    CopyStatus,
    Extent,
    HostItem,
    Identifier,
    IdentifierType,
    MaterialType,
    OnlineLink,
    Record,
    Series,
)
from library_app.db.attachments import AttachmentStore
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.gui.detail_pane import DetailPane
from library_app.gui.record_card import card_html, hits_html
from library_app.gui.tasks import running_tasks
from library_app.search.index import SearchIndex
from library_app.search.page_hits import PageHit


def make_pdf(path: Path, pages: list[str]) -> Path:
    drawing = canvas.Canvas(str(path))
    for text in pages:
        drawing.setFont("Helvetica", 12)
        drawing.drawString(72, 720, text)
        drawing.showPage()
    drawing.save()
    return path


def report() -> Record:
    return Record(
        title="Saxaul forests of the Aral region",
        title_remainder="an assessment",
        material_type=MaterialType.REPORT,
        responsibility="prepared by A. Brown and B. Ivanov",
        contributors=[
            Contributor("Brown", "Anne"),
            Contributor("Ivanov", "B.", ContributorRole.EDITOR, name_other_script="Иванов"),
        ],
        edition="2nd ed.",
        places=["Almaty"],
        publishers=["Green Steppe"],
        year="2012",
        extent=Extent("120 p.", "ill., maps", "29 cm"),
        series=[Series("Working papers", "7")],
        notes=["Text in English and Russian."],
        summary="Saxaul stands shrink & <disappear> near the former shore.",
        languages=["eng", "rus"],
        identifiers=[Identifier(IdentifierType.ISBN, "9780306406157")],
        classifications=[Classification(ClassificationScheme.UDC, "630*2")],
        subjects=["Forests", "Desertification"],
        geographic_names=["Aral Sea"],
        keywords=["saxaul"],
        links=[
            OnlineLink("https://example.org/saxaul", dt.date(2024, 3, 1), "full text"),
        ],
        project="Aral forests",
        control_number="AR-77",
        control_source="KazNL",
        copies=[
            Copy("1001", barcode="0001", location="Reading room", shelf_mark="63 S"),
            Copy("1002", location="Stack", status=CopyStatus.ON_LOAN),
            Copy("1003", location="Stack"),
        ],
    )


@pytest.fixture
def catalog_with_report(
    sqlite_catalog: Catalog, tmp_path: Path
) -> Iterator[tuple[Catalog, SearchIndex, dict[str, int]]]:
    repository = RecordRepository(sqlite_catalog)
    record = repository.add(report())
    article = repository.add(
        Record(
            title="Dust storms over the dry sea bed",
            material_type=MaterialType.ARTICLE,
            contributors=[Contributor("Smith", "J.")],
            year="2015",
            host=HostItem("Central Asian Journal", "2015", "3", "2", "45-58"),
        )
    )
    assert record.id is not None and article.id is not None
    pdf = make_pdf(
        tmp_path / "saxaul report.pdf",
        ["Introduction", "Saxaul belts along the shore", "Annex: saxaul seedlings & <tables>"],
    )
    AttachmentStore(sqlite_catalog).attach(record.id, pdf)
    index = SearchIndex(sqlite_catalog)
    index.ensure_ready()
    assert index.extract_pending() == []
    yield sqlite_catalog, index, {"report": record.id, "article": article.id}
    index.close()


@pytest.fixture
def make_pane(
    qtbot: Any, catalog_with_report: tuple[Catalog, SearchIndex, dict[str, int]]
) -> Iterator[Any]:
    catalog, index, _ids = catalog_with_report
    panes: list[DetailPane] = []

    def factory(**options: Any) -> DetailPane:
        pane = DetailPane(catalog, index, **options)
        qtbot.addWidget(pane)
        pane.resize(700, 600)
        pane.show()
        panes.append(pane)
        return pane

    yield factory
    for task in running_tasks():  # nothing may read the catalog after it is closed
        task.wait()
    for pane in panes:
        pane.close()


@pytest.fixture
def ids(catalog_with_report: tuple[Catalog, SearchIndex, dict[str, int]]) -> dict[str, int]:
    return catalog_with_report[2]


def show(qtbot: Any, pane: DetailPane, record_id: int, query: str = "") -> None:
    with qtbot.waitSignal(pane.record_shown, timeout=10_000) as shown:
        pane.show_record(record_id, query)
    assert shown.args == [record_id]


def test_empty_pane_invites_to_select_a_record(make_pane: Any) -> None:
    pane = make_pane()
    assert pane.stack.currentIndex() == 0
    assert "Select a record" in pane.message_label.text()
    assert not pane.reference_area.isVisible()


def test_card_reads_like_a_catalogue_entry(make_pane: Any, ids: dict[str, int], qtbot: Any) -> None:
    pane = make_pane()
    show(qtbot, pane, ids["report"])
    text = pane.card_view.toPlainText()
    for expected in (
        "Report · English, Russian",
        "Saxaul forests of the Aral region : an assessment",
        "/ prepared by A. Brown and B. Ivanov",
        "Brown, Anne",
        "Ivanov, B. (Иванов)",
        "2nd ed.",
        "Almaty : Green Steppe, 2012",
        "120 p. : ill., maps ; 29 cm",
        "Working papers ; 7",
        "9780306406157",
        "630*2",
        "Forests; Desertification",
        "Aral Sea",
        "Saxaul stands shrink & <disappear> near the former shore.",
        "Text in English and Russian.",
        "AR-77 (KazNL)",
    ):
        assert expected in text, expected
    html = pane.card_view.toHtml()
    assert 'href="https://example.org/saxaul"' in html
    assert pane.card_view.openExternalLinks()
    assert pane.reference_area.isVisible()  # the formatted reference (GOST by default)


def test_article_shows_where_it_was_published(
    make_pane: Any, ids: dict[str, int], qtbot: Any
) -> None:
    pane = make_pane()
    show(qtbot, pane, ids["article"])
    assert "Central Asian Journal. — 2015. — Vol. 3, no. 2. — P. 45-58" in (
        pane.card_view.toPlainText()
    )
    assert pane.tabs.tabText(2) == "Copies (0)"
    assert "no copies" in pane.copies_summary.text()


def test_fields_view_lists_every_field_with_bookkeeping(
    make_pane: Any, ids: dict[str, int], qtbot: Any
) -> None:
    pane = make_pane()
    show(qtbot, pane, ids["report"])
    table = pane.fields_table
    rows = [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())]
    labels = [label for label, _value in rows]
    assert ("Record id", str(ids["report"])) in rows
    assert ("Version", "1") in rows
    assert ("Control number", "AR-77") in rows
    assert ("Control number source", "KazNL") in rows
    assert ("Subject", "Desertification") in rows
    assert ("Contributor", "Ivanov, B. (Editor) = Иванов") in rows
    assert ("Copies", "2 of 3 available") in rows
    assert "Created" in labels and "Updated" in labels
    assert "Deleted" not in labels  # empty fields are left out


def test_copies_tab_counts_available_copies(
    make_pane: Any, ids: dict[str, int], qtbot: Any
) -> None:
    pane = make_pane()
    show(qtbot, pane, ids["report"])
    assert pane.copies_summary.text() == "2 of 3 available"
    assert pane.tabs.tabText(2) == "Copies (3)"
    table = pane.copies_table
    cells = sorted(
        tuple(table.item(r, c).text() for c in range(table.columnCount()))
        for r in range(table.rowCount())
    )
    assert cells == [
        ("1001", "0001", "Reading room", "63 S", "Available"),
        ("1002", "", "Stack", "", "On loan"),
        ("1003", "", "Stack", "", "Available"),
    ]


def test_attachment_pages_matching_the_query_with_page_numbers(
    make_pane: Any, ids: dict[str, int], qtbot: Any
) -> None:
    pane = make_pane()
    show(qtbot, pane, ids["report"], "saxaul")
    assert pane.tabs.tabText(3) == "Attachments (1)"
    assert pane.attachment_list.count() == 1
    assert "saxaul report.pdf" in pane.attachment_list.item(0).text()
    assert "2 matching page" in pane.attachment_list.item(0).text()  # plural from the .ts
    hits = pane.hits_view.toPlainText()
    assert "p. 2" in hits and "p. 3" in hits and "p. 1" not in hits
    assert "Saxaul belts along the shore" in hits
    assert "Annex: saxaul seedlings & <tables>" in hits

    show(qtbot, pane, ids["report"], "")  # without a query: the list only
    assert pane.hits_view.isHidden()
    assert "matching" not in pane.attachment_list.item(0).text()


def test_open_button_hands_a_named_copy_of_the_file_to_the_desktop(
    make_pane: Any,
    ids: dict[str, int],
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    pane = make_pane()
    show(qtbot, pane, ids["report"], "saxaul")
    pane.tabs.setCurrentIndex(3)
    qtbot.mouseClick(pane.open_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(opened) == 1, timeout=10_000)
    path = Path(opened[0].toLocalFile())
    assert path.name == "saxaul report.pdf"
    assert tmp_path / "temp" in path.parents
    store = AttachmentStore(pane._catalog)
    assert path.read_bytes() == store.path_of(pane.record.attachments[0]).read_bytes()  # type: ignore[union-attr]


def test_buttons_ask_for_basket_and_editor(make_pane: Any, ids: dict[str, int], qtbot: Any) -> None:
    pane = make_pane()
    show(qtbot, pane, ids["article"])
    with qtbot.waitSignal(pane.basket_requested) as basket:
        qtbot.mouseClick(pane.basket_button, Qt.MouseButton.LeftButton)
    assert basket.args == [ids["article"]]
    with qtbot.waitSignal(pane.edit_requested) as edit:
        qtbot.mouseClick(pane.edit_button, Qt.MouseButton.LeftButton)
    assert edit.args == [ids["article"]]


def test_reader_mode_offers_no_editing(make_pane: Any, ids: dict[str, int], qtbot: Any) -> None:
    pane = make_pane(reader=True)
    show(qtbot, pane, ids["report"])
    assert not pane.edit_button.isVisible()
    assert pane.basket_button.isVisible()


def test_only_the_last_record_asked_for_is_shown(
    make_pane: Any, ids: dict[str, int], qtbot: Any
) -> None:
    pane = make_pane()
    shown: list[int] = []
    pane.record_shown.connect(shown.append)
    first = pane.show_record(ids["report"])
    second = pane.show_record(ids["article"])
    assert first is not None and second is not None
    with qtbot.waitSignal(second.finished, timeout=10_000):
        pass
    qtbot.waitUntil(lambda: not first.is_running, timeout=10_000)
    assert shown == [ids["article"]]
    assert pane.record is not None and pane.record.id == ids["article"]


def test_a_record_removed_meanwhile_is_explained_in_the_pane(make_pane: Any, qtbot: Any) -> None:
    pane = make_pane()
    task = pane.show_record(987_654)
    assert task is not None
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert pane.stack.currentIndex() == 0
    assert "no longer exists" in pane.message_label.text()
    assert pane.record is None


def test_clearing_the_pane_shows_the_invitation_again(
    make_pane: Any, ids: dict[str, int], qtbot: Any
) -> None:
    pane = make_pane()
    show(qtbot, pane, ids["report"])
    assert pane.stack.currentIndex() == 1
    pane.show_record(None)
    assert pane.stack.currentIndex() == 0 and pane.record is None
    assert "Select a record" in pane.message_label.text()


def test_card_links_only_web_addresses(qapp: Any) -> None:
    record = Record(
        title="Links",
        links=[OnlineLink("javascript:alert(1)"), OnlineLink("file:///etc/passwd")],
    )
    html = card_html(record)
    assert "javascript:alert(1)" in html and "file:///etc/passwd" in html
    assert "href" not in html


def test_hits_list_marks_matches_and_files_not_read_yet(qapp: Any) -> None:
    read = Attachment("a" * 64, "read.pdf", 10)
    unread = Attachment("b" * 64, "pending.pdf", 10)
    hit = PageHit(12, "<b>Saxaul</b> belts", "«Saxaul» belts")
    html = hits_html([read, unread], {read.sha256: [hit], unread.sha256: None})
    assert '<a href="open:0"><b>p. 12</b></a>' in html and "<b>Saxaul</b> belts" in html
    assert "pending.pdf has not been read yet" in html
    assert "not in the attached files" not in html
    nothing = hits_html([read], {read.sha256: []})
    assert "not in the attached files" in nothing
    only_unread = hits_html([unread], {})
    assert "not in the attached files" not in only_unread and "pending.pdf" in only_unread
