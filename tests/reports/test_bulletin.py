"""The new acquisitions bulletin: the records with a copy acquired in the period, once each,
grouped by their first subject with the unclassified ones last, numbered straight through."""

from __future__ import annotations

import datetime as dt
import io
import re

import pypdf
import pytest

from library_app.core.errors import InputError
from library_app.core.model import Contributor, Copy, Record
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.reports.bulletin import BulletinOptions, build_bulletin
from library_app.reports.products import product

WINTER = BulletinOptions(date_from=dt.date(2024, 1, 1), date_to=dt.date(2024, 3, 31))


def copy(number: str, day: dt.date | None, location: str = "Читальный зал") -> Copy:
    return Copy(number, acquired_on=day, location=location, shelf_mark="26.22 А95")


def add(catalog: Catalog, title: str, subjects: list[str], copies: list[Copy]) -> int:
    record = Record(
        title=title,
        contributors=[Contributor("Иванов", "И. И.")],
        places=["Алматы"],
        publishers=["Ғылым"],
        year="2023",
        subjects=subjects,
        copies=copies,
    )
    return RecordRepository(catalog).add(record).id or 0


def text_of(catalog: Catalog, options: BulletinOptions = WINTER, ids=None) -> str:
    stream = io.BytesIO()
    ids = RecordRepository(catalog).ids() if ids is None else ids
    build_bulletin(catalog, ids, options, stream)
    pages = pypdf.PdfReader(io.BytesIO(stream.getvalue())).pages
    return "\n".join(page.extract_text() for page in pages).replace("\xa0", " ")


def test_registry_names_the_bulletin_builder_and_its_options():
    assert product("bulletin").build_function() is build_bulletin
    assert product("bulletin").options_class() is BulletinOptions


def test_groups_by_first_subject_with_the_unclassified_last(catalog):
    jan, feb = dt.date(2024, 1, 10), dt.date(2024, 2, 20)
    add(catalog, "Ледники Памира", ["Ледники", "Климат"], [copy("1", jan)])
    add(catalog, "Арал сегодня", ["Водные ресурсы"], [copy("2", feb)])
    add(catalog, "Без темы", [], [copy("3", jan)])
    add(catalog, "Вода и люди", ["Водные ресурсы"], [copy("4", jan)])
    add(catalog, "Әуе сапасы", ["Әуе"], [copy("5", jan)])  # Kazakh ә files right after а
    text = text_of(catalog)
    headings = ["Әуе", "Водные ресурсы", "Ледники", "Без рубрики"]
    positions = [text.index(f"\n{h}\n") for h in headings]
    assert positions == sorted(positions)
    entries = ["Әуе сапасы", "Арал сегодня", "Вода и люди", "Ледники Памира", "Без темы"]
    numbered = [re.search(rf"(\d+)\. Иванов, И\. И\. {t}", text) for t in entries]
    assert [int(m.group(1)) for m in numbered if m] == [1, 2, 3, 4, 5]
    assert text.index("Арал сегодня") < text.index("Вода и люди")  # by reference within a group
    assert "Климат" not in text  # only the first subject groups


def test_only_copies_acquired_in_the_period_count_and_a_record_appears_once(sqlite_catalog):
    add(
        sqlite_catalog,
        "Два экземпляра",
        ["Экология"],
        [copy("1", dt.date(2024, 1, 1)), copy("2", dt.date(2024, 3, 31), "Абонемент")],
    )
    add(sqlite_catalog, "Прошлогодняя", ["Экология"], [copy("3", dt.date(2023, 12, 31))])
    add(sqlite_catalog, "Весенняя", ["Экология"], [copy("4", dt.date(2024, 4, 1))])
    add(sqlite_catalog, "Без даты", ["Экология"], [copy("5", None)])
    text = text_of(sqlite_catalog)
    assert text.count("Два экземпляра") == 1
    for outside in ("Прошлогодняя", "Весенняя", "Без даты"):
        assert outside not in text
    assert "Бюллетень новых поступлений" in text
    assert "за период с 01.01.2024 по 31.03.2024" in text
    assert "Всего: 1 изд." in text
    assert "Шифр: 26.22 А95" in text
    assert "Читальный зал — 1 экз." in text and "Абонемент — 1 экз." in text


def test_open_period_names_the_dates_found(sqlite_catalog):
    add(sqlite_catalog, "Первая", ["Почвы"], [copy("1", dt.date(2021, 5, 4))])
    add(sqlite_catalog, "Вторая", ["Почвы"], [copy("2", dt.date(2022, 6, 7))])
    add(sqlite_catalog, "Без даты", ["Почвы"], [copy("3", None)])
    text = text_of(sqlite_catalog, BulletinOptions())
    assert "за период с 04.05.2021 по 07.06.2022" in text
    assert "Без даты" not in text  # an unknown date is not "new"


def test_reference_style_title_and_english_words(sqlite_catalog):
    add(sqlite_catalog, "Water of Central Asia", [], [copy("1", dt.date(2024, 2, 2))])
    options = BulletinOptions(
        date_from=dt.date(2024, 1, 1),
        date_to=dt.date(2024, 12, 31),
        style="apa",
        language="en",
        title="What is new",
        organisation="CAREC library",
    )
    text = text_of(sqlite_catalog, options)
    assert "What is new" in text and "CAREC library" in text
    assert "for the period from 2024-01-01 to 2024-12-31" in text
    assert "No subject" in text and "Shelf mark: 26.22 А95" in text
    assert "(2023)" in text  # APA puts the year after the author


def test_nothing_acquired_in_the_period_is_an_input_error(sqlite_catalog):
    add(sqlite_catalog, "Старая", [], [copy("1", dt.date(2001, 1, 1))])
    with pytest.raises(InputError, match="bulletin would be empty"):
        text_of(sqlite_catalog)
    with pytest.raises(InputError, match="unknown citation style"):
        text_of(sqlite_catalog, BulletinOptions(style="mla"))
