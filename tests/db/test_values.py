"""Autocompletion values on SQLite and PostgreSQL: case-insensitive prefixes in every script,
most frequent first, limits, persons apart from bodies, deleted records left out."""

from __future__ import annotations

from library_app.core.model import (
    Contributor,
    ContributorRole,
    HostItem,
    MaterialType,
    Record,
    Series,
)
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.db.values import ValueKind, split_person, suggest, suggest_texts


def book(title: str, **fields: object) -> Record:
    fields.setdefault("year", "2010")
    fields.setdefault("languages", ["rus"])
    return Record(title=title, **fields)  # type: ignore[arg-type]


def add(catalog: Catalog, *records: Record) -> list[int]:
    return RecordRepository(catalog).add_many(list(records))


def test_publishers_match_a_prefix_in_any_case_most_frequent_first(catalog: Catalog) -> None:
    add(
        catalog,
        book("a", publishers=["Наука"]),
        book("b", publishers=["Наука", "Наследие"]),
        book("c", publishers=["Наследие"]),
        book("d", publishers=["Наука"]),
        book("e", publishers=["Наш дом", "Илим"]),
        book("f", publishers=["НАН РК"]),
    )

    assert suggest_texts(catalog, ValueKind.PUBLISHER, "на") == [
        "Наука",
        "Наследие",
        "НАН РК",
        "Наш дом",
    ]
    found = suggest(catalog, ValueKind.PUBLISHER, "НАУ")
    assert [(s.text, s.count) for s in found] == [("Наука", 3)]
    assert suggest_texts(catalog, ValueKind.PUBLISHER, "на", limit=2) == ["Наука", "Наследие"]
    assert suggest_texts(catalog, ValueKind.PUBLISHER, "Мир") == []
    assert suggest_texts(catalog, ValueKind.PUBLISHER, "")[:2] == ["Наука", "Наследие"]


def test_long_prefixes_and_central_asian_letters_match_without_regard_to_case(
    catalog: Catalog,
) -> None:
    add(
        catalog,
        book("a", subjects=["Водные ресурсы", "Водоснабжение"]),
        book("b", subjects=["водные ресурсы Арала"], places=["Өскемен"]),
        book("c", subjects=["Қоршаған орта", "ҚОРШАҒАН ОРТАНЫ ҚОРҒАУ"], places=["өскемен"]),
    )

    assert suggest_texts(catalog, ValueKind.SUBJECT, "ВОДНЫЕ РЕС") == [
        "Водные ресурсы",
        "водные ресурсы Арала",
    ]
    assert suggest_texts(catalog, ValueKind.SUBJECT, "қоршаған ортаны") == [
        "ҚОРШАҒАН ОРТАНЫ ҚОРҒАУ"
    ]
    assert suggest_texts(catalog, ValueKind.PLACE, "ӨСК") == ["Өскемен", "өскемен"]


def test_deleted_records_offer_no_values(catalog: Catalog) -> None:
    _kept, deleted = add(
        catalog,
        book("kept", publishers=["Илим"], series=[Series("Труды САНИГМИ", "5")]),
        book(
            "gone",
            publishers=["Илим", "Издательство удалённой записи"],
            series=[Series("Труды удалённые")],
            contributors=[Contributor("Удалов", "У. У.")],
        ),
    )
    RecordRepository(catalog).delete(deleted)

    assert [(s.text, s.count) for s in suggest(catalog, ValueKind.PUBLISHER, "и")] == [("Илим", 1)]
    assert suggest_texts(catalog, ValueKind.SERIES, "труды") == ["Труды САНИГМИ"]
    assert suggest_texts(catalog, ValueKind.PERSON, "Уда") == []


def test_persons_and_bodies_are_completed_separately(catalog: Catalog) -> None:
    add(
        catalog,
        book(
            "a",
            contributors=[
                Contributor("Абдуллаев", "Р. К."),
                Contributor("Абдуллаев", "Р. К.", ContributorRole.EDITOR),
                Contributor("Абай атындағы ҚазҰПУ", role=ContributorRole.ISSUING_BODY),
            ],
        ),
        book(
            "b",
            contributors=[
                Contributor("абдуллаева", "М."),
                Contributor("Abdullaev", "R."),
                Contributor("Абылай хан университеті", role=ContributorRole.CORPORATE_AUTHOR),
            ],
        ),
    )

    persons = suggest(catalog, ValueKind.PERSON, "абд")
    assert [(p.text, p.count) for p in persons] == [
        ("Абдуллаев, Р. К.", 2),
        ("абдуллаева, М.", 1),
    ]
    assert (persons[0].name, persons[0].forenames) == ("Абдуллаев", "Р. К.")
    assert suggest_texts(catalog, ValueKind.PERSON, "абдуллаев, р") == ["Абдуллаев, Р. К."]
    assert suggest_texts(catalog, ValueKind.PERSON, "ABD") == ["Abdullaev, R."]
    assert suggest_texts(catalog, ValueKind.CORPORATE, "аб") == [
        "Абай атындағы ҚазҰПУ",
        "Абылай хан университеті",
    ]
    assert split_person("Абдуллаев, Р. К.") == ("Абдуллаев", "Р. К.")
    assert split_person("Абдуллаев") == ("Абдуллаев", "")


def test_host_titles_geographic_names_and_keywords_are_offered(catalog: Catalog) -> None:
    add(
        catalog,
        book(
            "article",
            material_type=MaterialType.ARTICLE,
            host=HostItem("Гидрометеорология и экология", "2019", "3"),
            geographic_names=["Аральское море"],
            keywords=["aral sea", "Aral basin"],
        ),
        book("book", geographic_names=["Арал теңізі"], funders=["GIZ"], project="CAWa"),
    )

    assert suggest_texts(catalog, ValueKind.HOST, "гидро") == ["Гидрометеорология и экология"]
    assert suggest_texts(catalog, ValueKind.GEOGRAPHIC, "АРАЛ") == [
        "Арал теңізі",
        "Аральское море",
    ]
    assert suggest_texts(catalog, ValueKind.KEYWORD, "ARAL S") == ["aral sea"]
    assert suggest_texts(catalog, ValueKind.FUNDER, "g") == ["GIZ"]
    assert suggest_texts(catalog, ValueKind.PROJECT, "caw") == ["CAWa"]
