"""GOST 7.1-2003 and GOST R 7.0.5-2008 against GOST R 7.0.100-2018, the places of GOST R
7.0.12-2011, and the public API.

Sources of the expected strings:

* [S] GOST 7.1-2003 examples as given by a university library guide (studfile.net, preview
  5997635: «Книга двух авторов», «Книга трех авторов», «Если авторов четыре и более …»).
* [R] GOST R 7.0.5-2008 examples (Ефимова & Кусакин; Дирина; Тарасова), as quoted in the
  documentation comments of public reference generators; the range dash is the standard's «–».
* [E] records built to show one rule; the rule is named.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from library_app.core.errors import InputError
from library_app.core.model import (
    Contributor,
    ContributorRole,
    Extent,
    HostItem,
    Identifier,
    IdentifierType,
    MaterialType,
    OnlineLink,
    Record,
    Series,
)
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.reports.citation import (
    DEFAULT_STYLE,
    STYLES,
    CitationOptions,
    check_style,
    format_reference,
)
from library_app.reports.citation.places import place_form

Role = ContributorRole


def text(record: Record, style: str, **options: Any) -> str:
    return format_reference(record, style, CitationOptions(**options)).text


def soil_textbook() -> Record:
    return Record(
        title="Почвоведение",
        title_remainder="учебник",
        contributors=[Contributor("Хабаров", "А. В."), Contributor("Яскин", "А. А.")],
        places=["Москва"],
        publishers=["Колос"],
        year="2001",
        extent=Extent("231", "ил."),
        languages=["rus"],
    )


def four_authors() -> Record:
    return Record(
        title="Степные экосистемы",
        contributors=[
            Contributor("Иванов", "Иван Иванович"),
            Contributor("Петров", "П. П."),
            Contributor("Сидоров", "С. С."),
            Contributor("Ким", "К. К."),
        ],
        places=["Санкт-Петербург"],
        publishers=["Наука"],
        year="2010",
        extent=Extent("150"),
        series=[Series("Экология", "3")],
        identifiers=[Identifier(IdentifierType.ISBN, "978-5-02-000000-1")],
        languages=["rus"],
    )


# --- GOST 7.1-2003 ----------------------------------------------------------------------------


def test_gost_7_1_two_authors_abbreviates_the_place() -> None:  # [S]
    assert text(soil_textbook(), "gost-7.1-2003") == (
        "Хабаров, А. В. Почвоведение : учебник / А. В. Хабаров, А. А. Яскин. – М. : Колос, "
        "2001. – 231 с. : ил."
    )


def test_gost_7_1_three_authors() -> None:  # [S]
    record = Record(
        title="Простейшие модели теории оболочек и пластин в офтальмологии",
        contributors=[
            Contributor("Бауэр", "С. М."),
            Contributor("Зимин", "Б. А."),
            Contributor("Товстик", "П. Е."),
        ],
        places=["Санкт-Петербург"],
        publishers=["Изд-во С.-Петерб. ун-та"],
        year="2000",
        extent=Extent("89"),
        languages=["rus"],
    )
    assert text(record, "gost-7.1-2003") == (
        "Бауэр, С. М. Простейшие модели теории оболочек и пластин в офтальмологии / С. М. "
        "Бауэр, Б. А. Зимин, П. Е. Товстик. – СПб. : Изд-во С.-Петерб. ун-та, 2000. – 89 с."
    )


def test_gost_7_1_four_authors_first_one_and_et_al() -> None:  # [S]
    assert text(four_authors(), "gost-7.1-2003") == (
        "Степные экосистемы / И. И. Иванов [и др.]. – СПб. : Наука, 2010. – 150 с. – "
        "(Экология ; 3). – ISBN 978-5-02-000000-1."
    )


def test_gost_7_1_electronic_resource_designation_and_access_mode() -> None:  # [E] 5.2.2
    record = Record(
        title="Заповедники Казахстана",
        material_type=MaterialType.ELECTRONIC,
        contributors=[Contributor("Ерохов", "С. Н."), Contributor("Белов", "А. В.", Role.EDITOR)],
        places=["Алматы"],
        year="2005",
        links=[OnlineLink("https://example.org/zap", dt.date(2009, 5, 4))],
        languages=["rus"],
    )
    assert text(record, "gost-7.1-2003") == (
        "Ерохов, С. Н. Заповедники Казахстана [Электронный ресурс] / С. Н. Ерохов ; ред. "
        "А. В. Белов. – Алматы, 2005. – Режим доступа: https://example.org/zap (дата "
        "обращения: 04.05.2009)."
    )


# --- GOST R 7.0.5-2008 ------------------------------------------------------------------------


def test_gost_7_0_5_book_heading_without_comma_and_full_stops_between_areas() -> None:  # [R]
    record = Record(
        title="Политическая история Латинской Америки",
        title_remainder="учеб. для вузов",
        contributors=[Contributor("Тарасова", "В. И.")],
        edition="2-е изд.",
        places=["Москва"],
        publishers=["Проспект"],
        year="2006",
        extent=Extent("305"),
        series=[Series("Не приводится")],
        identifiers=[Identifier(IdentifierType.ISBN, "5-98032-000-8")],
        languages=["rus"],
    )
    assert text(record, "gost-r-7.0.5-2008") == (
        "Тарасова В. И. Политическая история Латинской Америки : учеб. для вузов. 2-е изд. "
        "М. : Проспект, 2006. 305 с."
    )


def test_gost_7_0_5_article_names_both_authors_in_the_heading_only() -> None:  # [R]
    record = Record(
        title="Охрана и рациональное использование болот в Республике Марий Эл",
        material_type=MaterialType.ARTICLE,
        contributors=[Contributor("Ефимова", "Т. Н."), Contributor("Кусакин", "А. В.")],
        host=HostItem("Проблемы региональной экологии", "2007", issue="1", pages="80-86"),
        languages=["rus"],
    )
    assert text(record, "gost-r-7.0.5-2008") == (
        "Ефимова Т. Н., Кусакин А. В. Охрана и рациональное использование болот в Республике "
        "Марий Эл // Проблемы региональной экологии. 2007. № 1. С. 80–86."
    )


def test_gost_7_0_5_online_article() -> None:  # [R]
    record = Record(
        title="Право военнослужащих Российской Федерации на свободу ассоциаций",
        material_type=MaterialType.ARTICLE,
        contributors=[Contributor("Дирина", "А. И.")],
        host=HostItem("Военное право: сетевой журн.", "2007"),
        links=[OnlineLink("http://www.voennoepravo.ru/node/2149", dt.date(2007, 9, 19))],
        languages=["rus"],
    )
    assert text(record, "gost-r-7.0.5-2008") == (
        "Дирина А. И. Право военнослужащих Российской Федерации на свободу ассоциаций // "
        "Военное право: сетевой журн. 2007. URL: http://www.voennoepravo.ru/node/2149 (дата "
        "обращения: 19.09.2007)."
    )


def test_gost_7_0_5_four_authors_no_heading_and_short_form() -> None:  # [E] 4.10.3
    assert text(four_authors(), "gost-r-7.0.5-2008") == (
        "Степные экосистемы / И. И. Иванов [и др.]. СПб. : Наука, 2010. 150 с."
    )


def test_the_same_record_in_the_three_gost_profiles() -> None:
    record = four_authors()
    assert text(record, "gost-r-7.0.100-2018") == (
        "Степные экосистемы / И. И. Иванов, П. П. Петров, С. С. Сидоров [и др.]. – "
        "Санкт-Петербург : Наука, 2010. – 150 с. – (Экология ; 3). – ISBN 978-5-02-000000-1. – "
        "Текст : непосредственный."
    )
    assert text(record, "gost-7.1-2003").startswith("Степные экосистемы / И. И. Иванов [и др.]. –")
    assert text(record, "gost-r-7.0.5-2008", all_authors=True) == (
        "Степные экосистемы / И. И. Иванов, П. П. Петров, С. С. Сидоров, К. К. Ким. "
        "СПб. : Наука, 2010. 150 с."
    )


# --- places (GOST R 7.0.12-2011) --------------------------------------------------------------


@pytest.mark.parametrize(
    ("place", "short", "full"),
    [
        ("Москва", "М.", "Москва"),
        ("Санкт-Петербург", "СПб.", "Санкт-Петербург"),
        ("Ленинград", "Л.", "Ленинград"),
        ("Ростов-на-Дону", "Ростов н/Д", "Ростов-на-Дону"),
        ("Нижний Новгород", "Н. Новгород", "Нижний Новгород"),
        ("М.", "М.", "Москва"),
        ("СПб", "СПб.", "Санкт-Петербург"),
        ("[Москва]", "[М.]", "[Москва]"),
        ("Киев", "Киев", "Киев"),
        ("Алматы", "Алматы", "Алматы"),
        ("Ташкент", "Ташкент", "Ташкент"),
        ("Бишкек", "Бишкек", "Бишкек"),
        ("London", "London", "London"),
    ],
)
def test_only_five_places_have_abbreviations(place: str, short: str, full: str) -> None:
    assert place_form(place, abbreviate=True) == short
    assert place_form(place, abbreviate=False) == full


def test_places_option_overrides_the_style() -> None:
    record = soil_textbook()
    assert "– М. : Колос" in text(record, DEFAULT_STYLE, abbreviate_places=True)
    assert "– Москва : Колос" in text(record, "gost-7.1-2003", abbreviate_places=False)


def test_several_places_and_publishers() -> None:  # [E] 5.4 of GOST R 7.0.100-2018
    record = Record(
        title="История русской журналистики",
        places=["Москва"],
        publishers=["Флинта", "Наука"],
        year="2011",
        languages=["rus"],
    )
    assert "– Москва : Флинта : Наука, 2011. –" in text(record, DEFAULT_STYLE)
    record.places, record.publishers = ["Москва", "Алматы"], ["Наука", "Ғылым"]
    assert "– Москва : Наука ; Алматы : Ғылым, 2011. –" in text(record, DEFAULT_STYLE)


# --- the API ----------------------------------------------------------------------------------


def test_unknown_style_is_an_input_error_naming_the_styles() -> None:
    with pytest.raises(InputError, match=r"unknown citation style «mla».*gost-r-7\.0\.100-2018"):
        check_style("mla")
    with pytest.raises(InputError):
        format_reference(Record(title="T"), "mla")
    assert DEFAULT_STYLE == "gost-r-7.0.100-2018"
    assert all(check_style(style) == style for style in STYLES)


def test_every_style_formats_a_bare_record() -> None:
    record = Record(title="Без данных")
    for style in STYLES:
        assert format_reference(record, style).text.startswith("Без данных")


def test_a_stored_record_reads_back_into_the_same_reference(sqlite_catalog: Catalog) -> None:
    repository = RecordRepository(sqlite_catalog)
    record = soil_textbook()
    record.identifiers.append(Identifier(IdentifierType.ISBN, "5-10-003511-0"))
    stored = repository.add(record)
    assert stored.id is not None
    again = repository.get(stored.id)
    # Stored ISBNs are normalised (ISBN-13 without hyphens) and printed so.
    assert format_reference(again).text == (
        "Хабаров, А. В. Почвоведение : учебник / А. В. Хабаров, А. А. Яскин. – Москва : Колос, "
        "2001. – 231 с. : ил. – ISBN 9785100035114. – Текст : непосредственный."
    )
