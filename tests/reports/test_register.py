"""The accession register: one line per copy in inventory-number order, totals on every page.

The PDFs are read back: pypdfium2 gives the text inside the inventory-number column (so the
order of the rows is read from the page itself), pypdf the text of whole pages for the totals.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path

import pypdf
import pypdfium2 as pdfium
import pytest

from library_app.core.errors import Cancelled, InputError
from library_app.core.model import (
    AcquisitionSource,
    Contributor,
    Copy,
    CopyStatus,
    HostItem,
    Record,
)
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.reports.base import MM, write_report
from library_app.reports.products import product
from library_app.reports.register import RegisterOptions, brief_description, build_register

LEFT_MARGIN = 15 * MM


def build(catalog: Catalog, options: RegisterOptions | None = None, ids=None) -> bytes:
    ids = RecordRepository(catalog).ids() if ids is None else ids
    stream = io.BytesIO()
    build_register(catalog, ids, options or RegisterOptions(), stream)
    return stream.getvalue()


def page_texts(pdf: bytes) -> list[str]:
    return [p.extract_text().replace("\xa0", " ") for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def first_column(pdf: bytes, width_mm: float) -> list[list[str]]:
    """Per page, the lines inside the inventory-number column, top to bottom."""
    document = pdfium.PdfDocument(pdf)
    pages = []
    for page in document:
        _, height = page.get_size()
        text = page.get_textpage().get_text_bounded(
            left=LEFT_MARGIN + 1, right=LEFT_MARGIN + width_mm * MM - 1, bottom=0, top=height
        )
        pages.append([line.strip() for line in text.splitlines() if line.strip()])
    return pages


def add_copies(catalog: Catalog, numbers: list[str], **copy_fields) -> list[int]:
    records = [
        Record(
            title=f"Водные ресурсы бассейна {n}",
            contributors=[Contributor("Иванов", "И. И.")],
            places=["Алматы"],
            year="2005",
            copies=[Copy(n, **copy_fields)],
        )
        for n in numbers
    ]
    return RecordRepository(catalog).add_many(records)


def test_registry_names_the_register_builder_and_its_options():
    register = product("register")
    assert register.build_function() is build_register
    assert register.options_class() is RegisterOptions


def test_rows_follow_inventory_numbers_in_natural_order_with_series_grouped(catalog):
    numbers = ["10", "2", "1", "КХ-10", "КХ-2", "B-100", "B-20", "100", "КХ-1"]
    add_copies(catalog, numbers, acquired_on=dt.date(2024, 1, 5))
    (column,) = first_column(build(catalog), width_mm=267 * 0.10)
    rows = [line for line in column if line in numbers]
    assert rows == ["1", "2", "10", "100", "КХ-1", "КХ-2", "КХ-10", "B-20", "B-100"]


def test_every_page_has_its_totals_and_the_last_the_grand_total(sqlite_catalog):
    # long titles make the rows tall, so 70 copies need several pages
    repository = RecordRepository(sqlite_catalog)
    records = []
    for n in range(1, 71):
        currency = "USD" if n % 5 == 0 else "KZT"
        records.append(
            Record(
                title=f"Управление водными ресурсами {n} " + "в бассейне Аральского моря " * 4,
                year="2010",
                copies=[
                    Copy(
                        str(n),
                        acquired_on=dt.date(2023, 1 + n % 12, 1),
                        source=AcquisitionSource.PURCHASE,
                        price=Decimal(n) * 10 + Decimal("0.50"),
                        currency=currency,
                    )
                ],
            )
        )
    repository.add_many(records)
    pdf = build(sqlite_catalog)
    texts = page_texts(pdf)
    columns = first_column(pdf, width_mm=267 * 0.10)
    assert len(texts) >= 3
    seen: list[int] = []
    for text, column in zip(texts, columns, strict=True):
        on_page = [int(line) for line in column if line.isdigit()]
        seen += on_page
        count = re.search(r"Итого на странице: (\d+) экз\.", text)
        assert count is not None, text
        assert int(count.group(1)) == len(on_page)
        kzt = sum(Decimal(n) * 10 + Decimal("0.50") for n in on_page if n % 5)
        usd = sum(Decimal(n) * 10 + Decimal("0.50") for n in on_page if n % 5 == 0)
        for amount, currency in ((kzt, "KZT"), (usd, "USD")):
            if amount:
                assert money(amount, currency) in text
    assert seen == list(range(1, 71))  # every copy once, in order, across the pages
    assert "Всего: 70 экз." in texts[-1]
    assert "Всего" not in "".join(texts[:-1])
    total_kzt = sum(Decimal(n) * 10 + Decimal("0.50") for n in range(1, 71) if n % 5)
    assert money(total_kzt, "KZT") in texts[-1]
    assert re.search(r"Стр\. 1\b", texts[0]) and re.search(rf"Стр\. {len(texts)}\b", texts[-1])


def money(amount: Decimal, currency: str) -> str:
    return f"{amount:,.2f}".replace(",", " ").replace(".", ",") + f" {currency}"


def test_a_line_holds_date_description_source_price_and_note(sqlite_catalog):
    RecordRepository(sqlite_catalog).add(
        Record(
            title="Ледники Тянь-Шаня",
            contributors=[Contributor("Смирнов", "О. Ф.")],
            places=["Бишкек", "Москва"],
            year="2012",
            copies=[
                Copy(
                    "000517",
                    acquired_on=dt.date(2024, 3, 5),
                    source=AcquisitionSource.GIFT,
                    price=Decimal("12500"),
                    currency="KZT",
                    note="от ЮНЕП",
                    status=CopyStatus.WRITTEN_OFF,
                )
            ],
        )
    )
    (text,) = page_texts(build(sqlite_catalog))
    assert "Инвентарная книга" in text
    assert "000517" in text and "05.03.2024" in text
    assert "Смирнов, О. Ф. Ледники Тянь-Шаня. — Бишкек, 2012." in text
    assert "дар" in text and "12 500,00 KZT" in text
    assert "списан; от ЮНЕП" in text


def test_brief_description_of_an_article_names_its_journal():
    article = Record(
        title="Мониторинг озера Балхаш",
        contributors=[Contributor("Ким", "А. Б.")],
        year="2019",
        host=HostItem("Вестник КазНУ", year="2019", issue="2"),
    )
    assert (
        brief_description(article) == "Ким, А. Б. Мониторинг озера Балхаш // Вестник КазНУ. — 2019."
    )
    assert brief_description(Record(title="Атлас")) == "Атлас."


def test_date_and_inventory_ranges_choose_the_copies(sqlite_catalog):
    days = {"1": dt.date(2023, 12, 31), "2": dt.date(2024, 1, 1), "3": dt.date(2024, 6, 30)}
    days |= {"4": dt.date(2024, 7, 1), "10": dt.date(2024, 3, 3)}
    for number, day in days.items():
        add_copies(sqlite_catalog, [number], acquired_on=day)
    add_copies(sqlite_catalog, ["20"])  # no date: only in a register without a period

    def numbers(options: RegisterOptions) -> list[str]:
        (column,) = first_column(build(sqlite_catalog, options), width_mm=267 * 0.10)
        return [line for line in column if line.isdigit()]

    half_year = RegisterOptions(date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 6, 30))
    assert numbers(half_year) == ["2", "3", "10"]
    assert numbers(RegisterOptions(inventory_from="3", inventory_to="10")) == ["3", "4", "10"]
    assert numbers(RegisterOptions()) == ["1", "2", "3", "4", "10", "20"]
    text = page_texts(build(sqlite_catalog, half_year))[0]
    assert "Поступления с 01.01.2024 по 30.06.2024" in text


def test_records_given_by_id_bring_only_their_copies(sqlite_catalog):
    first, _second, third = add_copies(sqlite_catalog, ["1", "2", "3"])
    (column,) = first_column(build(sqlite_catalog, ids=[third, first]), width_mm=267 * 0.10)
    assert [line for line in column if line.isdigit()] == ["1", "3"]


def test_english_portrait_register(sqlite_catalog):
    add_copies(
        sqlite_catalog, ["7"], acquired_on=dt.date(2024, 2, 1), price=Decimal(5), currency="USD"
    )
    options = RegisterOptions(language="en", landscape=False, title="Accessions 2024")
    pdf = build(sqlite_catalog, options)
    page = pypdf.PdfReader(io.BytesIO(pdf)).pages[0]
    assert float(page.mediabox.width) < float(page.mediabox.height)  # portrait
    text = page_texts(pdf)[0]
    assert "Accessions 2024" in text and "Inventory" in text and "2024-02-01" in text
    assert "Total: 1 copy" in text and "5.00 USD" in text and "Page 1" in text


def test_no_matching_copies_is_an_input_error(sqlite_catalog):
    add_copies(sqlite_catalog, ["1"], acquired_on=dt.date(2020, 1, 1))
    with pytest.raises(InputError, match="no copies"):
        build(sqlite_catalog, RegisterOptions(date_from=dt.date(2024, 1, 1)))
    with pytest.raises(InputError, match=r"starts .* after it ends"):
        build(
            sqlite_catalog,
            RegisterOptions(date_from=dt.date(2024, 1, 2), date_to=dt.date(2024, 1, 1)),
        )
    with pytest.raises(InputError, match="page size"):
        build(sqlite_catalog, RegisterOptions(page_size="Letter"))


def test_records_in_the_trash_are_left_out(sqlite_catalog):
    kept, deleted = add_copies(sqlite_catalog, ["1", "2"])
    RecordRepository(sqlite_catalog).delete(deleted)
    (column,) = first_column(build(sqlite_catalog, ids=[kept, deleted]), width_mm=267 * 0.10)
    assert [line for line in column if line.isdigit()] == ["1"]


def test_progress_reaches_the_end_and_cancel_leaves_no_file(sqlite_catalog, tmp_path: Path):
    ids = add_copies(sqlite_catalog, [str(n) for n in range(1, 6)])
    calls: list[tuple[int, int]] = []
    target = tmp_path / "register.pdf"
    result = write_report(
        target,
        lambda stream: build_register(
            sqlite_catalog,
            ids,
            RegisterOptions(),
            stream,
            progress=lambda d, t: calls.append((d, t)),
        ),
    )
    assert result.items == 5 and result.pages == 1
    assert calls[-1][0] == calls[-1][1]
    assert [d for d, _ in calls] == sorted(d for d, _ in calls)
    target.unlink()
    with pytest.raises(Cancelled):
        write_report(
            target,
            lambda stream: build_register(
                sqlite_catalog, ids, RegisterOptions(), stream, is_cancelled=lambda: True
            ),
        )
    assert not target.exists()
    assert not list(tmp_path.glob("*register.pdf*"))  # no temporary file left behind either
