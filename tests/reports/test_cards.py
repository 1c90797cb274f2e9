"""Catalog cards read back from real PDFs: page geometry, where each part of a card sits, the
added entry cards, continuation cards, progress and cancel."""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest

from library_app.core.errors import Cancelled, InputError
from library_app.core.model import (
    Classification,
    ClassificationScheme,
    Contributor,
    ContributorRole,
    Copy,
    Extent,
    Record,
)
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.reports.base import MM, write_report
from library_app.reports.cards import (
    CARD_HEIGHT,
    CARD_WIDTH,
    HOLE_CENTRE_Y,
    HOLE_DIAMETER,
    CardOptions,
    build_cards,
    split_areas,
)
from library_app.reports.products import product

KAZAKH_TITLE = "Қазақстанның өзендері мен көлдері"
SUMMARY = "Описаны почвы, воды и растительность Приаралья. "
Box = tuple[float, float, float, float]  # left, bottom, right, top in points


@dataclass
class Page:
    width: float
    height: float
    text: str
    boxes: list[Box]
    paths: list[Box]

    def find(self, needle: str) -> list[Box]:
        """Boxes around every occurrence of ``needle``."""
        found, start = [], 0
        while (index := self.text.find(needle, start)) >= 0:
            chars = [b for b in self.boxes[index : index + len(needle)] if b[2] > b[0]]
            found.append(
                (
                    min(b[0] for b in chars),
                    min(b[1] for b in chars),
                    max(b[2] for b in chars),
                    max(b[3] for b in chars),
                )
            )
            start = index + 1
        return found

    def one(self, needle: str) -> Box:
        found = self.find(needle)
        assert len(found) == 1, f"{needle!r} found {len(found)} times in {self.text!r}"
        return found[0]


def read_pdf(data: bytes) -> list[Page]:
    document = pdfium.PdfDocument(data)
    pages = []
    for page in document:
        text_page = page.get_textpage()
        count = text_page.count_chars()
        paths = [o.get_bounds() for o in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH])]
        pages.append(
            Page(
                page.get_width(),
                page.get_height(),
                text_page.get_text_range(),
                [text_page.get_charbox(i) for i in range(count)],
                [tuple(p) for p in paths],
            )
        )
    return pages


def render(catalog: Catalog, ids: Sequence[int], **options: object) -> tuple[list[Page], int]:
    target = io.BytesIO()
    result = build_cards(catalog, ids, CardOptions(**options), target)  # type: ignore[arg-type]
    pages = read_pdf(target.getvalue())
    assert result.pages == len(pages)
    return pages, result.items


def add(catalog: Catalog, **fields: object) -> int:
    fields.setdefault("title", "Экология Приаралья")
    record = RecordRepository(catalog).add(Record(**fields))  # type: ignore[arg-type]
    assert record.id is not None
    return record.id


def river_book(catalog: Catalog, **fields: object) -> int:
    values: dict[str, object] = {
        "title": KAZAKH_TITLE,
        "contributors": [
            Contributor("Жұмабаева", "А. С."),
            Contributor("Иванов", "И. И."),
            Contributor("Smith", "J.", ContributorRole.EDITOR),
        ],
        "year": "2015",
        "places": ["Алматы"],
        "publishers": ["Ғылым"],
        "extent": Extent(pages="312 б."),
        "subjects": ["Гидрология"],
        "geographic_names": ["Казахстан"],
        "classifications": [Classification(ClassificationScheme.BBK, "26.22")],
        "copies": [Copy("1001"), Copy("1002")],
    }
    values.update(fields)
    return add(catalog, **values)


def test_one_card_per_page_is_exactly_125_by_75_mm(catalog: Catalog) -> None:
    pages, cards = render(catalog, [river_book(catalog)], layout="single")
    assert cards == len(pages) == 6  # main, two other contributors, title, two subjects
    for page in pages:
        assert page.width == pytest.approx(125 * MM, abs=0.01)
        assert page.height == pytest.approx(75 * MM, abs=0.01)


def test_the_shelf_mark_stands_left_of_the_heading_and_description(sqlite_catalog: Catalog) -> None:
    pages, _ = render(sqlite_catalog, [river_book(sqlite_catalog)], layout="single")
    main = pages[0]
    index, sign = main.one("26.22"), main.one("Ж83")
    heading = main.one("Жұмабаева, А. С.")
    title = main.find(KAZAKH_TITLE)[0]
    assert max(index[2], sign[2]) < min(heading[0], title[0])
    assert index[3] == pytest.approx(heading[3], abs=2)  # the same first line
    assert sign[3] < index[1]  # the sign under the index
    assert title[3] < heading[1]  # the description starts under the heading …
    assert title[0] > heading[0] + 3 * MM  # … at the paragraph indent


def test_the_heading_is_printed_once_before_the_title(sqlite_catalog: Catalog) -> None:
    pages, _ = render(sqlite_catalog, [river_book(sqlite_catalog)], layout="single")
    before_title = pages[0].text[: pages[0].text.index(KAZAKH_TITLE)]
    assert before_title.count("Жұмабаева") == 1


def test_inventory_numbers_sit_at_the_bottom_left_of_the_hole(sqlite_catalog: Catalog) -> None:
    pages, _ = render(sqlite_catalog, [river_book(sqlite_catalog)], layout="single")
    main = pages[0]
    inventory = main.one("1001, 1002")
    assert inventory[1] < 10 * MM
    lowest_other = min(
        box[1]
        for index, box in enumerate(main.boxes)
        if box[2] > box[0] and not main.text[index].isdigit() and box[1] > 12 * MM
    )
    assert inventory[3] < lowest_other
    assert inventory[2] < (CARD_WIDTH - HOLE_DIAMETER) / 2
    assert "1001" not in "".join(page.text for page in pages[1:])  # main card only


def _clear_of_hole(page: Page) -> bool:
    hole = (
        (CARD_WIDTH - HOLE_DIAMETER) / 2,
        HOLE_CENTRE_Y - HOLE_DIAMETER / 2,
        (CARD_WIDTH + HOLE_DIAMETER) / 2,
        HOLE_CENTRE_Y + HOLE_DIAMETER / 2,
    )
    return not any(
        box[2] > hole[0] and box[0] < hole[2] and box[3] > hole[1] and box[1] < hole[3]
        for box in page.boxes
        if box[2] > box[0]
    )


def test_text_keeps_clear_of_the_rod_hole(sqlite_catalog: Catalog) -> None:
    record = river_book(
        sqlite_catalog,
        summary=SUMMARY * 40,
        copies=[Copy(str(1000 + n)) for n in range(9)],
    )
    pages, _ = render(sqlite_catalog, [record], layout="single", added_entries=())
    assert len(pages) >= 2
    assert all(_clear_of_hole(page) for page in pages)


def test_kazakh_text_is_printed_and_extractable(sqlite_catalog: Catalog) -> None:
    pages, _ = render(sqlite_catalog, [river_book(sqlite_catalog)], layout="single")
    assert KAZAKH_TITLE in pages[0].text
    assert "Ғылым" in pages[0].text
    assert "Жұмабаева" in pages[0].text


def test_added_entry_cards_carry_their_heading_above_the_main_one(
    sqlite_catalog: Catalog,
) -> None:
    pages, _ = render(sqlite_catalog, [river_book(sqlite_catalog)], layout="single")
    added = {
        "Иванов, И. И.": pages[1],
        "Smith, J.": pages[2],
        KAZAKH_TITLE: pages[3],
        "Гидрология": pages[4],
        "Казахстан": pages[5],
    }
    for heading, page in added.items():
        top = page.find(heading)[0]
        main_heading = page.one("Жұмабаева, А. С.")
        assert top[1] > main_heading[3], heading
        assert page.find(KAZAKH_TITLE)[-1][3] < main_heading[1]  # the description follows


def test_the_main_card_traces_subjects_and_added_entries(sqlite_catalog: Catalog) -> None:
    pages, _ = render(sqlite_catalog, [river_book(sqlite_catalog)], layout="single")
    tracing = pages[0].text[pages[0].text.index("1. Гидрология") :]
    assert "2. Казахстан." in tracing
    assert "I. Иванов, И. И." in tracing
    assert "II. Smith, J." in tracing
    assert "III. Загл." in tracing
    assert "1. Гидрология" not in pages[1].text  # the tracing is for the service catalogue


def test_added_entries_can_be_chosen(sqlite_catalog: Catalog) -> None:
    record = river_book(sqlite_catalog)
    pages, cards = render(sqlite_catalog, [record], layout="single", added_entries=())
    assert cards == len(pages) == 1
    pages, cards = render(sqlite_catalog, [record], layout="single", added_entries=("subject",))
    assert cards == 3
    assert pages[1].text.startswith("26.22") and "Гидрология" in pages[1].text


def test_four_cards_fill_a_landscape_a4_sheet_with_cut_marks(sqlite_catalog: Catalog) -> None:
    ids = [river_book(sqlite_catalog, title=f"Өзен {n}", copies=[Copy(f"50{n}")]) for n in range(5)]
    pages, cards = render(sqlite_catalog, ids, layout="sheet", added_entries=())
    assert cards == 5 and len(pages) == 2
    sheet = pages[0]
    assert (sheet.width, sheet.height) == pytest.approx((297 * MM, 210 * MM), abs=0.01)
    left = (sheet.width - 2 * CARD_WIDTH) / 2
    bottom = (sheet.height - 2 * CARD_HEIGHT) / 2
    signs = sorted(sheet.find("Ж83"), key=lambda b: (-b[1], b[0]))
    assert len(signs) == 4
    for slot, sign in enumerate(signs):
        column, row = slot % 2, slot // 2
        card_left = left + column * CARD_WIDTH
        card_top = bottom + (2 - row) * CARD_HEIGHT
        assert card_left < sign[0] < card_left + 20 * MM
        assert card_top - 15 * MM < sign[1] < card_top
    assert len(pages[1].find("Ж83")) == 1
    _assert_cut_marks(sheet, left, bottom)


def _assert_cut_marks(sheet: Page, left: float, bottom: float) -> None:
    right, top = left + 2 * CARD_WIDTH, bottom + 2 * CARD_HEIGHT
    outside = [p for p in sheet.paths if p[3] < bottom or p[1] > top or p[2] < left or p[0] > right]
    for x in (left, left + CARD_WIDTH, right):
        for above in (True, False):
            assert any(
                p[0] <= x <= p[2] and (p[1] > top if above else p[3] < bottom) for p in outside
            ), f"no cut mark at x={x / MM:.1f} mm"
    for y in (bottom, bottom + CARD_HEIGHT, top):
        for at_left in (True, False):
            assert any(
                p[1] <= y <= p[3] and (p[2] < left if at_left else p[0] > right) for p in outside
            ), f"no cut mark at y={y / MM:.1f} mm"
    inside = [p for p in sheet.paths if p not in outside]
    assert not inside  # nothing is drawn on the cards themselves (no hole guide asked for)


def test_a_long_description_is_set_smaller_before_it_continues(sqlite_catalog: Catalog) -> None:
    short = add(sqlite_catalog, contributors=[Contributor("Иванов", "И. И.")], summary=SUMMARY)
    longer = add(
        sqlite_catalog, contributors=[Contributor("Иванов", "И. И.")], summary=SUMMARY * 17
    )
    pages, _ = render(sqlite_catalog, [short, longer], layout="single", added_entries=())
    assert len(pages) == 2
    assert "Продолжение" not in pages[1].text

    def letter_height(page: Page) -> float:
        box = page.find("Описаны")[0]
        return box[3] - box[1]

    assert letter_height(pages[1]) < letter_height(pages[0]) * 0.95


def test_text_that_cannot_fit_continues_on_numbered_cards(sqlite_catalog: Catalog) -> None:
    summary = SUMMARY * 30 + "Конец аннотации."
    record = add(
        sqlite_catalog,
        contributors=[Contributor("Иванов", "И. И.")],
        summary=summary,
        copies=[Copy("77")],
    )
    pages, cards = render(sqlite_catalog, [record], layout="single", added_entries=())
    assert cards == len(pages) >= 2
    assert "(Продолжение на след. карт.)" in pages[0].text
    assert "Карт. 2" in pages[1].text
    last = pages[-1]
    assert "Конец аннотации." in last.text and "Продолжение" not in last.text
    for page in pages[1:]:
        assert page.text.startswith("И")  # shelf mark (sign only: no class) repeated …
        assert "Иванов, И. И." in page.text  # … and the heading
        assert "Инв. №" not in page.text
    assert "Инв. № 77" in pages[0].text


def test_the_sign_can_be_overridden_per_record_or_taken_from_the_copy(
    sqlite_catalog: Catalog,
) -> None:
    overridden = river_book(sqlite_catalog, copies=[])
    on_copy = river_book(sqlite_catalog, copies=[Copy("5", shelf_mark="26.22 Ж99")])
    pages, _ = render(
        sqlite_catalog,
        [overridden, on_copy],
        layout="single",
        added_entries=(),
        author_signs={overridden: "Ж10"},
    )
    assert pages[0].text.startswith("26.22\r\nЖ10")
    assert pages[1].text.startswith("26.22\r\nЖ99")


def test_a_users_author_table_is_used(sqlite_catalog: Catalog, tmp_path: Path) -> None:
    table = tmp_path / "table.tsv"
    table.write_text("Ж\t11\nЖұ\t42\n", encoding="utf-8")
    pages, _ = render(
        sqlite_catalog,
        [river_book(sqlite_catalog)],
        layout="single",
        added_entries=(),
        author_table=table,
    )
    assert "Ж42" in pages[0].text


def test_cards_can_be_worded_in_english(sqlite_catalog: Catalog) -> None:
    pages, _ = render(sqlite_catalog, [river_book(sqlite_catalog)], layout="single", language="en")
    assert "Inv. no. 1001, 1002" in pages[0].text
    assert "III. Title." in pages[0].text


def test_card_paragraphs_start_at_the_physical_description_notes_and_isbn() -> None:
    record = Record(title="T", extent=Extent(pages="312 с."), notes=["Библиогр.: с. 300"])
    markup = "T / A. – Алматы, 2015. – 312 с. – (Серия). – Библиогр.: с. 300. – ISBN 978."
    assert split_areas(markup, record) == [
        "T / A. – Алматы, 2015.",
        "312 с. – (Серия).",
        "Библиогр.: с. 300.",
        "ISBN 978.",
    ]


def test_progress_is_reported_and_cancel_stops_the_job(
    sqlite_catalog: Catalog, tmp_path: Path
) -> None:
    ids = [add(sqlite_catalog, title=f"Запись {n}") for n in range(120)]
    seen: list[tuple[int, int]] = []
    build_cards(
        sqlite_catalog,
        ids,
        CardOptions(added_entries=()),
        io.BytesIO(),
        progress=lambda done, total: seen.append((done, total)),
    )
    assert seen[0] == (0, 120) and seen[-1] == (120, 120)
    assert len(seen) >= 3
    assert [done for done, _ in seen] == sorted(done for done, _ in seen)

    calls = []

    def cancel_after_first_batch() -> bool:
        calls.append(1)
        return len(calls) > 1

    target = tmp_path / "cards.pdf"
    with pytest.raises(Cancelled):
        write_report(
            target,
            lambda stream: build_cards(
                sqlite_catalog,
                ids,
                CardOptions(),
                stream,
                is_cancelled=cancel_after_first_batch,
            ),
        )
    assert not target.exists()


def test_the_registry_finds_the_cards_product(sqlite_catalog: Catalog) -> None:
    cards = product("cards")
    assert cards.build_function() is build_cards
    assert cards.options_class() is CardOptions


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"layout": "poster"}, "unknown card layout"),
        ({"added_entries": ("publisher",)}, "unknown added entry"),
        ({"style": "apa"}, "GOST description"),
        ({"language": "de"}, "cards are printed in"),
        ({"min_font_size": 10.0}, "font sizes"),
    ],
)
def test_bad_options_are_refused_with_a_message(
    sqlite_catalog: Catalog, options: dict[str, object], message: str
) -> None:
    record = add(sqlite_catalog)
    with pytest.raises(InputError, match=message):
        build_cards(sqlite_catalog, [record], CardOptions(**options), io.BytesIO())  # type: ignore[arg-type]


def test_nothing_to_print_is_an_error(sqlite_catalog: Catalog) -> None:
    with pytest.raises(InputError, match="nothing to print"):
        build_cards(sqlite_catalog, [999], CardOptions(), io.BytesIO())
