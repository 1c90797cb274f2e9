"""Spine and barcode labels read back from real PDFs: every label where its sheet template puts
it, skipped labels, printer offsets, the Code 128 bars decoded, the calibration page and file."""

from __future__ import annotations

import io
import itertools
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import pytest
from reportlab.graphics.barcode.code128 import _patterns as CODE128_PATTERNS

from library_app.core.errors import Cancelled, InputError
from library_app.core.model import (
    Classification,
    ClassificationScheme,
    Contributor,
    Copy,
    CopyStatus,
    Record,
)
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.reports.base import MM
from library_app.reports.labels import (
    CALIBRATION_FILE,
    TEMPLATES,
    Calibration,
    LabelOptions,
    SheetTemplate,
    build_calibration_page,
    build_labels,
    load_calibration,
    save_calibration,
)
from library_app.reports.products import product

Box = tuple[float, float, float, float]  # left, bottom, right, top in points
TOLERANCE = 0.5 * MM


@dataclass
class Page:
    height: float
    text: str
    boxes: list[Box]
    paths: list[Box]

    def find(self, needle: str) -> list[Box]:
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


def read_pdf(data: bytes) -> list[Page]:
    pages = []
    for page in pdfium.PdfDocument(data):
        text_page = page.get_textpage()
        paths = [o.get_bounds() for o in page.get_objects(filter=[pdfium_c.FPDF_PAGEOBJ_PATH])]
        pages.append(
            Page(
                page.get_height(),
                text_page.get_text_range(),
                [text_page.get_charbox(i) for i in range(text_page.count_chars())],
                [tuple(p) for p in paths],
            )
        )
    return pages


def cell(template: SheetTemplate, position: int, dx_mm: float = 0, dy_mm: float = 0) -> Box:
    """Label ``position`` (0-based) computed from the template's figures, independently."""
    row, column = divmod(position, template.columns)
    left = template.margin_left_mm + column * (template.label_width_mm + template.gap_x_mm)
    top = template.margin_top_mm + row * (template.label_height_mm + template.gap_y_mm)
    left, top = left + dx_mm, top + dy_mm
    bottom = template.page_height_mm - top - template.label_height_mm
    return (
        left * MM,
        bottom * MM,
        (left + template.label_width_mm) * MM,
        (bottom + template.label_height_mm) * MM,
    )


def centre(box: Box) -> tuple[float, float]:
    return (box[0] + box[2]) / 2, (box[1] + box[3]) / 2


def inside(box: Box, outer: Box) -> bool:
    return (
        box[0] >= outer[0] - 0.1
        and box[1] >= outer[1] - 0.1
        and box[2] <= outer[2] + 0.1
        and box[3] <= outer[3] + 0.1
    )


def add_book(catalog: Catalog, copies: Sequence[Copy], **fields: object) -> int:
    values: dict[str, object] = {
        "title": "Қазақстанның өзендері",
        "contributors": [Contributor("Жұмабаева", "А. С.")],
        "classifications": [Classification(ClassificationScheme.BBK, "26.22")],
        "copies": list(copies),
    }
    values.update(fields)
    record = RecordRepository(catalog).add(Record(**values))  # type: ignore[arg-type]
    assert record.id is not None
    return record.id


def render(catalog: Catalog, ids: Sequence[int], **options: object) -> tuple[list[Page], int]:
    target = io.BytesIO()
    result = build_labels(catalog, ids, LabelOptions(**options), target)  # type: ignore[arg-type]
    pages = read_pdf(target.getvalue())
    assert result.pages == len(pages)
    return pages, result.items


@pytest.mark.parametrize("name", list(TEMPLATES))
def test_labels_sit_where_the_sheet_template_puts_them(sqlite_catalog: Catalog, name: str) -> None:
    template = TEMPLATES[name]
    numbers = [f"{700 + n}" for n in range(template.columns + 2)]  # into the second row
    record = add_book(sqlite_catalog, [Copy(n) for n in numbers])
    pages, labels = render(sqlite_catalog, [record], template=name, kind="spine", outlines=True)
    assert labels == len(numbers)
    page = pages[0]
    for position, number in enumerate(numbers):
        expected = cell(template, position)
        outline = min(
            page.paths, key=lambda p: sum(abs(a - b) for a, b in zip(p, expected, strict=True))
        )
        assert outline == pytest.approx(expected, abs=TOLERANCE)
        (text,) = page.find(number)
        assert inside(text, expected)
        assert centre(text)[0] == pytest.approx(centre(expected)[0], abs=TOLERANCE)


def test_spine_labels_show_location_shelf_mark_and_inventory_number(
    sqlite_catalog: Catalog,
) -> None:
    record = add_book(
        sqlite_catalog,
        [Copy("801", location="Читальный зал"), Copy("802", shelf_mark="26.221 Ж90")],
    )
    pages, _ = render(sqlite_catalog, [record], kind="spine")
    template = TEMPLATES["a4-3x8-70x37"]
    first, second = cell(template, 0), cell(template, 1)
    page = pages[0]
    lines = [page.find(t)[0] for t in ("Читальный зал", "26.22", "Ж83", "801")]
    assert all(inside(box, first) for box in lines)
    assert [box[1] for box in lines] == sorted((box[1] for box in lines), reverse=True)
    assert all(inside(page.find(t)[0], second) for t in ("26.221", "Ж90", "802"))


def test_start_at_skips_the_used_labels_of_a_sheet(sqlite_catalog: Catalog) -> None:
    template = TEMPLATES["a4-3x8-70x37"]
    record = add_book(sqlite_catalog, [Copy(f"9{n:02}") for n in range(6)])
    pages, labels = render(sqlite_catalog, [record], kind="spine", start_at=22)
    assert labels == 6 and len(pages) == 2
    assert [inside(pages[0].find(f"9{n:02}")[0], cell(template, 21 + n)) for n in range(3)] == [
        True
    ] * 3
    for n in range(3, 6):  # the next sheet starts from its first label
        assert inside(pages[1].find(f"9{n:02}")[0], cell(template, n - 3))


def test_offsets_shift_everything_on_the_page(sqlite_catalog: Catalog) -> None:
    record = add_book(sqlite_catalog, [Copy("501", barcode="LIB501")])
    plain, _ = render(sqlite_catalog, [record], outlines=True)
    shifted, _ = render(sqlite_catalog, [record], outlines=True, offset_x_mm=1.5, offset_y_mm=-2)
    assert plain[0].text == shifted[0].text
    dx, dy = 1.5 * MM, 2 * MM  # −2 mm down is 2 mm up
    for before, after in zip(plain[0].boxes, shifted[0].boxes, strict=True):
        if before[2] > before[0]:
            assert after == pytest.approx(
                (before[0] + dx, before[1] + dy, before[2] + dx, before[3] + dy), abs=0.05
            )
    assert len(plain[0].paths) == len(shifted[0].paths) > 20
    for before, after in zip(plain[0].paths, shifted[0].paths, strict=True):
        assert after == pytest.approx(
            (before[0] + dx, before[1] + dy, before[2] + dx, before[3] + dy), abs=0.05
        )


def decode_code128(bars: Sequence[Box]) -> str:
    """Read a Code 128 symbol back from its bars' positions (Code sets B and C)."""
    bars = sorted(bars)
    widths = [bars[0][2] - bars[0][0]]
    for previous, bar in itertools.pairwise(bars):
        widths += [bar[0] - previous[2], bar[2] - bar[0]]
    module = min(widths)
    modules = [round(w / module) for w in widths]
    assert all(abs(w / module - m) < 0.1 for w, m in zip(widths, modules, strict=True))
    by_pattern = {
        tuple(ord(c.lower()) - 96 for c in pattern): value
        for value, pattern in CODE128_PATTERNS.items()
    }
    values = [by_pattern[tuple(modules[i : i + 6])] for i in range(0, len(modules) - 7, 6)]
    assert by_pattern[tuple(modules[-7:])] == 106  # stop
    start, *data, check = values
    assert check == (start + sum(i * v for i, v in enumerate(data, start=1))) % 103
    code = {104: "B", 105: "C"}[start]
    text = ""
    for value in data:
        if value == 99:
            code = "C"
        elif value == 100:
            code = "B"
        else:
            text += f"{value:02}" if code == "C" else chr(value + 32)
    return text


@pytest.mark.parametrize("value", ["LIB0001001", "1234567890", "KZ-2015/7"])
def test_the_barcode_encodes_the_copys_barcode(sqlite_catalog: Catalog, value: str) -> None:
    record = add_book(sqlite_catalog, [Copy("601", barcode=value)])
    pages, labels = render(sqlite_catalog, [record], kind="barcode", template="a4-4x10-48.5x25.4")
    assert labels == 1
    page = pages[0]
    label = cell(TEMPLATES["a4-4x10-48.5x25.4"], 0)
    bars = [p for p in page.paths if inside(p, label)]
    assert decode_code128(bars) == value
    bars_box = (min(b[0] for b in bars), min(b[1] for b in bars), max(b[2] for b in bars), 0)
    assert centre(bars_box)[0] == pytest.approx(centre(label)[0], abs=TOLERANCE)
    (digits,) = page.find(value)
    assert digits[3] <= bars_box[1] and inside(digits, label)
    assert centre(digits)[0] == pytest.approx(centre(label)[0], abs=TOLERANCE)
    assert "Қазақстанның" in page.text  # the title above the bars


def test_a_copy_without_barcode_is_coded_by_inventory_number(sqlite_catalog: Catalog) -> None:
    record = add_book(sqlite_catalog, [Copy("000123")])
    pages, _ = render(sqlite_catalog, [record], kind="barcode", heading="Экоцентр")
    label = cell(TEMPLATES["a4-3x8-70x37"], 0)
    assert decode_code128([p for p in pages[0].paths if inside(p, label)]) == "000123"
    assert "Экоцентр" in pages[0].text and "Қазақстанның" not in pages[0].text


def test_both_kinds_give_a_spine_then_a_barcode_label_per_copy(sqlite_catalog: Catalog) -> None:
    record = add_book(
        sqlite_catalog,
        [
            Copy("301", barcode="B301"),
            Copy("302", status=CopyStatus.WRITTEN_OFF),
            Copy("303", status=CopyStatus.ON_LOAN),
        ],
    )
    pages, labels = render(sqlite_catalog, [record])
    assert labels == 4  # the written-off copy gets none
    template = TEMPLATES["a4-3x8-70x37"]
    page = pages[0]
    assert inside(page.find("Ж83")[0], cell(template, 0))
    assert inside(page.find("B301")[0], cell(template, 1))
    assert inside(page.find("303")[-1], cell(template, 3))
    assert "302" not in page.text
    _, labels = render(sqlite_catalog, [record], include_withdrawn=True)
    assert labels == 6


def test_labels_can_be_limited_to_chosen_copies(sqlite_catalog: Catalog) -> None:
    record = add_book(sqlite_catalog, [Copy("401"), Copy("402")])
    copies = RecordRepository(sqlite_catalog).get(record).copies
    pages, labels = render(sqlite_catalog, [record], kind="spine", copy_ids=(copies[1].id,))
    assert labels == 1 and "402" in pages[0].text and "401" not in pages[0].text


def test_a_custom_sheet_can_be_described(sqlite_catalog: Catalog) -> None:
    template = SheetTemplate("ours", 60, 30, 3, 9, 15, 13.5, gap_x_mm=2, gap_y_mm=0)
    record = add_book(sqlite_catalog, [Copy("111"), Copy("112")])
    pages, _ = render(sqlite_catalog, [record], kind="spine", template=template, start_at=3)
    assert inside(pages[0].find("111")[0], cell(template, 2))
    assert inside(pages[0].find("112")[0], cell(template, 3))


def test_the_calibration_page_outlines_every_label_with_the_offsets(tmp_path: Path) -> None:
    template = TEMPLATES["a4-5x13-38.1x21.2"]
    target = io.BytesIO()
    options = LabelOptions(template=template.name, offset_x_mm=0.8, offset_y_mm=1.2)
    result = build_calibration_page(options, target)
    assert (result.pages, result.items) == (1, 65)
    (page,) = read_pdf(target.getvalue())
    for position in (0, 4, 33, 64):
        expected = cell(template, position, 0.8, 1.2)
        outline = min(
            page.paths, key=lambda p: sum(abs(a - b) for a, b in zip(p, expected, strict=True))
        )
        assert outline == pytest.approx(expected, abs=TOLERANCE)
        crosses = [
            p
            for p in page.paths
            if p[2] - p[0] < 10 * MM
            and p[3] - p[1] < 10 * MM
            and inside(p, expected)
            and (p[0] <= centre(expected)[0] <= p[2] or p[1] <= centre(expected)[1] <= p[3])
        ]
        assert len(crosses) == 2
        assert any(inside(box, expected) for box in page.find(str(position + 1)))
    assert "+0.8 mm" in page.text and "+1.2 mm" in page.text


def test_calibration_is_saved_per_workstation(tmp_path: Path) -> None:
    data_dir = tmp_path / "data"
    assert load_calibration(data_dir) == Calibration(0.0, 0.0)
    save_calibration(data_dir, 0.75, -1.25, workstation="desk-1")
    save_calibration(data_dir, -0.5, 0.0, workstation="desk-2")
    assert load_calibration(data_dir, "desk-1") == Calibration(0.75, -1.25)
    assert load_calibration(data_dir, "desk-2") == Calibration(-0.5, 0.0)
    assert load_calibration(data_dir, "desk-3") == Calibration(0.0, 0.0)
    save_calibration(data_dir, 0.25, 0.5)  # this machine
    assert load_calibration(data_dir) == Calibration(0.25, 0.5)
    saved = json.loads((data_dir / CALIBRATION_FILE).read_text(encoding="utf-8"))
    assert len(saved["workstations"]) == 3
    options = load_calibration(data_dir, "desk-1").apply(LabelOptions(kind="spine"))
    assert (options.offset_x_mm, options.offset_y_mm, options.kind) == (0.75, -1.25, "spine")


def test_a_damaged_calibration_file_is_named(tmp_path: Path) -> None:
    (tmp_path / CALIBRATION_FILE).write_text("{not json", encoding="utf-8")
    with pytest.raises(InputError, match=CALIBRATION_FILE):
        load_calibration(tmp_path)
    (tmp_path / CALIBRATION_FILE).write_text("[1, 2]", encoding="utf-8")
    with pytest.raises(InputError, match="not a label calibration file"):
        load_calibration(tmp_path)


def test_progress_is_reported_and_cancel_stops_the_job(sqlite_catalog: Catalog) -> None:
    ids = [add_book(sqlite_catalog, [Copy(f"{n}")], title=f"Запись {n}") for n in range(110)]
    seen: list[tuple[int, int]] = []
    result = build_labels(
        sqlite_catalog,
        ids,
        LabelOptions(kind="spine"),
        io.BytesIO(),
        progress=lambda done, total: seen.append((done, total)),
    )
    assert result.items == 110 and result.pages == 5
    assert seen[0] == (0, 110) and seen[-1] == (110, 110) and len(seen) >= 3
    calls: list[int] = []

    def cancel_later() -> bool:
        calls.append(1)
        return len(calls) > 1

    with pytest.raises(Cancelled):
        build_labels(sqlite_catalog, ids, LabelOptions(), io.BytesIO(), is_cancelled=cancel_later)


def test_the_registry_finds_the_labels_product() -> None:
    labels = product("labels")
    assert labels.build_function() is build_labels
    assert labels.options_class() is LabelOptions


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"template": "a5-1x1"}, "unknown label sheet"),
        ({"kind": "pocket"}, "unknown label kind"),
        ({"start_at": 25}, "has labels 1 to 24"),
        ({"start_at": 0}, "has labels 1 to 24"),
        ({"offset_x_mm": 40}, "offsets"),
        ({"template": SheetTemplate("wide", 80, 30, 3, 8, 0, 0)}, "wider than the page"),
        ({"template": SheetTemplate("tall", 70, 40, 3, 8, 0, 0)}, "taller than the page"),
    ],
)
def test_bad_options_are_refused_with_a_message(
    sqlite_catalog: Catalog, options: dict[str, object], message: str
) -> None:
    record = add_book(sqlite_catalog, [Copy("1")])
    with pytest.raises(InputError, match=message):
        build_labels(sqlite_catalog, [record], LabelOptions(**options), io.BytesIO())  # type: ignore[arg-type]


def test_values_code_128_cannot_carry_are_refused(sqlite_catalog: Catalog) -> None:
    record = add_book(sqlite_catalog, [Copy("ИНВ-1")])
    with pytest.raises(InputError, match=r"«ИНВ-1».*Code 128"):
        build_labels(sqlite_catalog, [record], LabelOptions(kind="barcode"), io.BytesIO())
    long = add_book(sqlite_catalog, [Copy("2", barcode="X" * 60)])
    with pytest.raises(InputError, match=r"too long for labels 38\.1 mm wide"):
        build_labels(
            sqlite_catalog,
            [long],
            LabelOptions(kind="barcode", template="a4-5x13-38.1x21.2"),
            io.BytesIO(),
        )


def test_records_without_copies_leave_nothing_to_label(sqlite_catalog: Catalog) -> None:
    record = add_book(sqlite_catalog, [])
    with pytest.raises(InputError, match="no copies to label"):
        build_labels(sqlite_catalog, [record], LabelOptions(), io.BytesIO())


def test_labels_print_from_postgresql_too(catalog: Catalog) -> None:
    record = add_book(catalog, [Copy("1", barcode="PG1")])
    pages, labels = render(catalog, [record], kind="barcode")
    assert labels == 1 and "PG1" in pages[0].text
