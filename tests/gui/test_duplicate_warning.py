"""The possible-duplicate banner above the editor, on a real catalog."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from library_app.core.model import Contributor, Identifier, IdentifierType, Record
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.gui.editor.duplicate_warning import DuplicateWarning
from library_app.gui.i18n import LanguageManager
from library_app.gui.tasks import running_tasks


def draft(title: str, year: str = "2005", author: str = "", isbn: str = "") -> Record:
    return Record(
        title=title,
        year=year,
        contributors=[Contributor(author)] if author else [],
        identifiers=[Identifier(IdentifierType.ISBN, isbn)] if isbn else [],
    )


@pytest.fixture
def banner(qtbot: Any, catalog: Catalog, languages: LanguageManager) -> Iterator[DuplicateWarning]:
    """The banner in a shown window, as the editor holds it."""
    assert languages.set_language("en") == "en"
    window = QWidget()
    layout = QVBoxLayout(window)
    warning = DuplicateWarning(catalog, window)
    layout.addWidget(warning)
    layout.addStretch(1)
    qtbot.addWidget(window)
    window.show()
    yield warning
    qtbot.waitUntil(lambda: not running_tasks(), timeout=10_000)


def check(qtbot: Any, banner: DuplicateWarning, record: Record) -> None:
    with qtbot.waitSignal(banner.checked, timeout=10_000):
        banner.check(record)


def test_banner_appears_for_the_same_work_in_another_script_and_opens_it(
    qtbot: Any, catalog: Catalog, banner: DuplicateWarning
) -> None:
    stored = RecordRepository(catalog).add(draft("Озеро Балхаш", "2005", "Абдуллаев"))
    assert not banner.isVisible()

    with qtbot.waitSignal(banner.candidates_changed, timeout=10_000) as changed:
        check(qtbot, banner, draft("Ozero Balkhash", "2005", "Abdullaev"))

    assert [c.id for c in changed.args[0]] == [stored.id]
    assert banner.isVisible()
    (button,) = banner.buttons
    assert button.text() == "«Озеро Балхаш» (2005, Абдуллаев) — similar title, year and author"
    with qtbot.waitSignal(banner.open_requested) as opened:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert opened.args == [stored.id]

    check(qtbot, banner, draft("Ozero Issyk-Kul", "2005", "Abdullaev"))
    assert not banner.isVisible()
    assert banner.candidates() == []


def test_same_isbn_is_named_as_the_reason(
    qtbot: Any, catalog: Catalog, banner: DuplicateWarning
) -> None:
    RecordRepository(catalog).add(draft("Экология Арала", "1999", isbn="978-0-306-40615-7"))

    check(qtbot, banner, draft("", "", isbn="0-306-40615-2"))

    assert banner.buttons[0].text() == "«Экология Арала» (1999) — same ISBN"


def test_only_three_candidates_are_listed_and_the_rest_counted(
    qtbot: Any, catalog: Catalog, banner: DuplicateWarning
) -> None:
    repo = RecordRepository(catalog)
    for _ in range(5):
        repo.add(draft("Озеро Балхаш", "2005", "Абдуллаев"))

    check(qtbot, banner, draft("Озеро Балхаш", "2005", "Абдуллаев"))

    assert len(banner.buttons) == 3 and len(banner.candidates()) == 5
    assert banner.more_label.isVisible() and "2" in banner.more_label.text()


def test_typing_quickly_checks_only_the_last_draft(
    qtbot: Any, catalog: Catalog, banner: DuplicateWarning
) -> None:
    stored = RecordRepository(catalog).add(draft("Озеро Балхаш", "2005", "Абдуллаев"))
    checks: list[None] = []
    banner.checked.connect(lambda: checks.append(None))

    banner.check(draft("Ozero", "2005", "Abdullaev"))
    banner.check(draft("Ozero Bal", "2005", "Abdullaev"))
    check(qtbot, banner, draft("Ozero Balkhash", "2005", "Abdullaev"))

    assert [c.id for c in banner.candidates()] == [stored.id]
    assert len(checks) == 1


def test_an_empty_draft_hides_the_banner(
    qtbot: Any, catalog: Catalog, banner: DuplicateWarning
) -> None:
    RecordRepository(catalog).add(draft("Озеро Балхаш", "2005", "Абдуллаев"))
    check(qtbot, banner, draft("Озеро Балхаш", "2005", "Абдуллаев"))
    assert banner.isVisible()

    check(qtbot, banner, Record(title=""))

    assert not banner.isVisible()
