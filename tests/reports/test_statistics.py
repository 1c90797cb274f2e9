"""The statistics report: counts by type, language, publication years and acquisition year, in
tables whose numbers are read back from the PDF, and a vector chart drawn for each."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal

import pypdf
import pytest
from reportlab.lib.rl_accel import fp_str

from library_app.core.errors import InputError
from library_app.core.model import (
    AcquisitionSource,
    Copy,
    CopyStatus,
    MaterialType,
    Record,
)
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.reports.charts import BAR, PALETTE
from library_app.reports.products import product
from library_app.reports.statistics import StatisticsOptions, build_statistics, tally


def collection(catalog: Catalog) -> list[int]:
    """3 books (2 in Russian, 1 in Kazakh and Russian), 1 report in English, 1 map without
    language; 6 copies acquired in 2022 (2), 2023 (3) and on an unknown date (1)."""

    def copies(*specs: tuple[str, int | None, AcquisitionSource]) -> list[Copy]:
        return [
            Copy(
                number,
                acquired_on=dt.date(year, 6, 1) if year else None,
                source=source,
                price=Decimal(100) if source == AcquisitionSource.PURCHASE else None,
                currency="KZT",
                status=CopyStatus.ON_LOAN if number == "6" else CopyStatus.AVAILABLE,
            )
            for number, year, source in specs
        ]

    buy, gift = AcquisitionSource.PURCHASE, AcquisitionSource.GIFT
    records = [
        Record("Книга 1", languages=["rus"], year="1995", copies=copies(("1", 2022, buy))),
        Record(
            "Книга 2",
            languages=["rus"],
            year="2005",
            copies=copies(("2", 2023, buy), ("3", 2023, gift)),
        ),
        Record("Кітап", languages=["kaz", "rus"], year="[2008?]", copies=copies(("4", 2022, gift))),
        Record(
            "Report",
            material_type=MaterialType.REPORT,
            languages=["eng"],
            year="2021",
            copies=copies(("5", 2023, AcquisitionSource.EXCHANGE), ("6", None, gift)),
        ),
        Record("Карта", material_type=MaterialType.MAP, year=""),
    ]
    return RecordRepository(catalog).add_many(records)


def render(catalog: Catalog, ids: list[int], options: StatisticsOptions | None = None):
    stream = io.BytesIO()
    result = build_statistics(catalog, ids, options or StatisticsOptions(), stream)
    reader = pypdf.PdfReader(io.BytesIO(stream.getvalue()))
    text = "\n".join(p.extract_text() for p in reader.pages).replace("\xa0", " ")
    streams = "\n".join(p.get_contents().get_data().decode("latin-1") for p in reader.pages)
    return result, text, streams


def row(text: str, *cells: str) -> bool:
    """Whether the cells follow each other in the text (a table row read back)."""
    return re.search(r"\s+".join(re.escape(c) for c in cells), text) is not None


def fill(colour) -> str:
    return f"{fp_str(colour.red)} {fp_str(colour.green)} {fp_str(colour.blue)} rg"


def test_registry_names_the_statistics_builder_and_its_options():
    assert product("stats").build_function() is build_statistics
    assert product("stats").options_class() is StatisticsOptions


def test_counts_of_the_given_records(catalog):
    ids = collection(catalog)
    counts = tally(catalog, ids)
    assert (counts.records, counts.copies, counts.without_copies) == (5, 6, 1)
    assert counts.types == {"book": 3, "report": 1, "map": 1}
    assert counts.languages == {"rus": 3, "kaz": 1, "eng": 1, "": 1}
    assert counts.decades == {1990: 1, 2000: 2, 2020: 1, None: 1}
    assert {year: entry.copies for year, entry in counts.acquisitions.items()} == {
        2022: 2,
        2023: 3,
        None: 1,
    }
    assert len(counts.acquisitions[2023].records) == 2
    assert counts.acquisitions[2023].sums == {"KZT": Decimal(100)}
    assert tally(catalog, ids[:2]).records == 2


def test_tables_hold_the_counts(sqlite_catalog):
    ids = collection(sqlite_catalog)
    result, text, _ = render(sqlite_catalog, ids)
    assert result.items == 5 and result.pages >= 1
    assert "Статистика фонда и поступлений" in text
    assert row(text, "Наименований (записей)", "5")
    assert row(text, "Экземпляров", "6")
    assert row(text, "Экземпляров выдано", "1")
    # type: titles, share of titles, copies
    assert row(text, "Книги", "3", "60,0", "4")
    assert row(text, "Отчёты", "1", "20,0", "2")
    assert row(text, "Итого", "5", "100", "6")
    assert row(text, "Русский", "3", "60,0", "4")
    assert row(text, "Казахский", "1", "20,0", "1")
    assert row(text, "не указан", "1", "20,0", "0")
    assert "учтено под каждым" in text  # the Kazakh-Russian book is in two rows
    assert row(text, "1990–1999", "1")
    # year, titles, copies, purchase, gift, exchange, legal deposit, amount
    assert row(text, "2022", "2", "2", "1", "1", "0", "0", "100,00 KZT")
    assert row(text, "2023", "2", "3", "1", "1", "1", "0", "100,00 KZT")
    assert row(text, "дата не указана", "1", "1", "0", "1", "0", "0")


def test_charts_are_drawn_as_vector_graphics(sqlite_catalog):
    ids = collection(sqlite_catalog)
    _, text, streams = render(sqlite_catalog, ids)
    # bars: 3 material types, 4 publication decades (with "not given"), 2 acquisition years
    assert streams.count(fill(BAR)) == 3 + 4 + 2
    # the pie: one slice per language (Russian, Kazakh, English, not given)
    for colour in PALETTE[:4]:
        assert fill(colour) in streams
    assert " c\n" in streams or " c " in streams  # slices are curves
    assert "Русский — 3" in text  # the pie's legend
    assert text.count("Книги") >= 2  # table and chart axis


def test_without_charts_only_tables(sqlite_catalog):
    ids = collection(sqlite_catalog)
    _, text, streams = render(sqlite_catalog, ids, StatisticsOptions(charts=False))
    assert fill(BAR) not in streams and "Русский — 3" not in text
    assert row(text, "Книги", "3", "60,0", "4")


def test_english_report(sqlite_catalog):
    ids = collection(sqlite_catalog)
    options = StatisticsOptions(language="en", title="Holdings 2024", organisation="CAREC")
    _, text, _ = render(sqlite_catalog, ids, options)
    assert "Holdings 2024" in text and "CAREC" in text
    assert row(text, "Books", "3", "60.0", "4")
    assert row(text, "Kazakh", "1", "20.0", "1")
    assert "Acquisitions by year" in text and "Page 1" in text


def test_no_records_is_an_input_error(sqlite_catalog):
    with pytest.raises(InputError, match="no records to count"):
        render(sqlite_catalog, [])
    with pytest.raises(InputError, match="report language"):
        render(sqlite_catalog, collection(sqlite_catalog), StatisticsOptions(language="kk"))
