"""The detail pane shows the record's reference (GOST R 7.0.100-2018 unless another style is
chosen) and copies it to the clipboard."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from library_app.core.errors import InputError
from library_app.core.model import (
    Contributor,
    Extent,
    HostItem,
    MaterialType,
    Record,
)
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.gui.detail_pane import DetailPane
from library_app.gui.tasks import running_tasks

BOOK = Record(
    title="Почвоведение",
    title_remainder="учебник",
    contributors=[Contributor("Хабаров", "А. В."), Contributor("Яскин", "А. А.")],
    places=["Москва"],
    publishers=["Колос"],
    year="2001",
    extent=Extent("231", "ил."),
    languages=["rus"],
)
ARTICLE = Record(
    title="Dust storms over the dry sea bed",
    material_type=MaterialType.ARTICLE,
    contributors=[Contributor("Smith", "John")],
    year="2015",
    host=HostItem("Central Asian Journal", "2015", "3", "2", "45-58"),
    languages=["eng"],
)


@pytest.fixture
def ids(sqlite_catalog: Catalog) -> dict[str, int]:
    repository = RecordRepository(sqlite_catalog)
    stored = {"book": repository.add(BOOK), "article": repository.add(ARTICLE)}
    return {name: record.id for name, record in stored.items() if record.id is not None}


@pytest.fixture
def pane(qtbot: Any, sqlite_catalog: Catalog, ids: dict[str, int]) -> Iterator[DetailPane]:
    widget = DetailPane(sqlite_catalog, None)
    qtbot.addWidget(widget)
    widget.resize(700, 600)
    widget.show()
    yield widget
    for task in running_tasks():  # nothing may read the catalog after it is closed
        task.wait()
    widget.close()


def show(qtbot: Any, pane: DetailPane, record_id: int) -> None:
    with qtbot.waitSignal(pane.record_shown, timeout=10_000):
        pane.show_record(record_id)


def test_reference_in_gost_r_7_0_100_is_shown_under_the_card(
    qtbot: Any, pane: DetailPane, ids: dict[str, int]
) -> None:
    assert not pane.reference_area.isVisible()
    show(qtbot, pane, ids["book"])
    box = pane.reference_area
    assert box.isVisible()
    assert pane.citation_style == "gost-r-7.0.100-2018"
    assert box.style_combo.currentText() == "GOST R 7.0.100-2018"
    expected = (
        "Хабаров, А. В. Почвоведение : учебник / А. В. Хабаров, А. А. Яскин. – Москва : Колос, "
        "2001. – 231 с. : ил. – Текст : непосредственный."
    )
    assert box.reference is not None and box.reference.text == expected
    assert box.label.text() == expected


def test_copy_puts_the_plain_text_on_the_clipboard(
    qtbot: Any, pane: DetailPane, ids: dict[str, int]
) -> None:
    show(qtbot, pane, ids["article"])
    pane.set_citation_style("apa")
    qtbot.mouseClick(pane.reference_area.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == (
        "Smith, J. (2015). Dust storms over the dry sea bed. Central Asian Journal, 3(2), 45–58."
    )
    assert pane.reference_area.status.text() == "Copied to the clipboard."


def test_choosing_a_style_reformats_and_is_announced_and_kept_for_the_next_record(
    qtbot: Any, pane: DetailPane, ids: dict[str, int]
) -> None:
    show(qtbot, pane, ids["article"])
    combo = pane.reference_area.style_combo
    with qtbot.waitSignal(pane.citation_style_changed) as changed:
        combo.setCurrentIndex(combo.findData("gost-r-7.0.5-2008"))
    assert changed.args == ["gost-r-7.0.5-2008"]
    assert pane.reference_area.label.text() == (
        "Smith J. Dust storms over the dry sea bed // Central Asian Journal. 2015. Vol. 3, "
        "no. 2. P. 45–58."
    )
    show(qtbot, pane, ids["book"])
    assert pane.reference_area.label.text() == (
        "Хабаров А. В., Яскин А. А. Почвоведение : учебник. М. : Колос, 2001. 231 с. : ил."
    )
    pane.set_citation_style("apa")
    assert "<i>Почвоведение: Учебник</i>" in pane.reference_area.label.text()


def test_reference_disappears_with_the_record(
    qtbot: Any, pane: DetailPane, ids: dict[str, int]
) -> None:
    show(qtbot, pane, ids["book"])
    pane.show_record(None)
    assert pane.reference_area.reference is None
    assert not pane.reference_area.isVisible()


def test_unknown_style_is_refused(pane: DetailPane) -> None:
    with pytest.raises(InputError, match="unknown citation style"):
        pane.set_citation_style("chicago")
    assert pane.citation_style == "gost-r-7.0.100-2018"


def test_reference_texts_follow_the_interface_language(
    qtbot: Any, pane: DetailPane, ids: dict[str, int], languages: Any
) -> None:
    show(qtbot, pane, ids["book"])
    assert languages.set_language("ru") == "ru"
    box = pane.reference_area
    qtbot.waitUntil(lambda: box.copy_button.text() == "Копировать")  # LanguageChange is posted
    assert box.style_combo.currentText() == "ГОСТ Р 7.0.100-2018"
    assert box.reference is not None and box.reference.text.startswith("Хабаров, А. В.")
