"""Possible duplicates while cataloguing: identifiers, and titles across scripts."""

from __future__ import annotations

import pytest

from library_app.core.model import Contributor, Identifier, IdentifierType, Record
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.services.duplicates import (
    DuplicateCandidate,
    find_possible_duplicates,
    phrase_key,
)


def book(
    title: str,
    year: str = "2005",
    author: str = "",
    *,
    other_script: str = "",
    isbn: str = "",
    issn: str = "",
) -> Record:
    identifiers = []
    if isbn:
        identifiers.append(Identifier(IdentifierType.ISBN, isbn))
    if issn:
        identifiers.append(Identifier(IdentifierType.ISSN, issn))
    contributors = [Contributor(author, name_other_script=other_script)] if author else []
    return Record(
        title=title,
        year=year,
        contributors=contributors,
        identifiers=identifiers,
        languages=["rus"],
    )


@pytest.fixture
def repo(catalog: Catalog) -> RecordRepository:
    return RecordRepository(catalog)


def reasons(found: list[DuplicateCandidate]) -> list[tuple[int, str]]:
    return [(c.id, c.reason) for c in found]


def test_same_isbn_is_found_whether_typed_as_isbn10_or_isbn13(
    catalog: Catalog, repo: RecordRepository
) -> None:
    stored = repo.add(book("Экология Арала", isbn="978-0-306-40615-7", author="Ахметов"))

    draft = book("Совсем другое название", "1990", isbn="0-306-40615-2")
    (candidate,) = find_possible_duplicates(catalog, draft)

    assert candidate.id == stored.id and candidate.reason == "isbn"
    assert (candidate.title, candidate.year, candidate.first_author) == (
        "Экология Арала",
        "2005",
        "Ахметов",
    )


def test_same_issn_is_found_and_a_mistyped_isbn_is_ignored(
    catalog: Catalog, repo: RecordRepository
) -> None:
    serial = repo.add(book("Вестник КазНУ", "2010", issn="0317-8471"))

    draft = book("Vestnik", "1999", issn="03178471", isbn="978-0-306-40615-0")

    assert reasons(find_possible_duplicates(catalog, draft)) == [(serial.id, "issn")]


def test_cyrillic_and_latin_titles_of_the_same_work_meet(
    catalog: Catalog, repo: RecordRepository
) -> None:
    russian = repo.add(book("Озеро Балхаш", "2005", "Абдуллаев"))

    latin = book("Ozero Balkhash", "[2005?]", "Abdullaev")
    kazakh_spelling = book("Озеро Балқаш", "2005", "Abdulaev")
    found = find_possible_duplicates(catalog, latin)

    assert reasons(found) == [(russian.id, "title")]
    assert found[0].score >= 0.85
    assert reasons(find_possible_duplicates(catalog, kazakh_spelling)) == [(russian.id, "title")]
    assert phrase_key("Ozero Balqash") == phrase_key("Озеро Балхаш")


def test_name_kept_in_the_other_script_links_the_authors(
    catalog: Catalog, repo: RecordRepository
) -> None:
    stored = repo.add(book("Water resources of Kazakhstan", "2012", "Smith"))

    draft = book("Water resources of Kazakhstan", "2012", "Смит", other_script="Smith")

    assert reasons(find_possible_duplicates(catalog, draft)) == [(stored.id, "title")]


def test_similar_looking_title_of_another_year_or_author_is_not_reported(
    catalog: Catalog, repo: RecordRepository
) -> None:
    repo.add(book("Озеро Балхаш", "1987", "Абдуллаев"))  # the same title, another edition
    repo.add(book("Озеро Балхаш", "2005", "Иванов"))  # the same title, another author
    repo.add(book("Водные ресурсы Узбекистана", "2005", "Абдуллаев"))

    assert find_possible_duplicates(catalog, book("Ozero Balkhash", "2005", "Abdullaev")) == []
    assert find_possible_duplicates(catalog, book("Водные ресурсы Казахстана", "2005")) == []


def test_without_an_author_only_a_nearly_identical_title_of_the_same_year_counts(
    catalog: Catalog, repo: RecordRepository
) -> None:
    stored = repo.add(book("Состояние окружающей среды Казахстана", "2005", "Ахметов"))

    assert reasons(
        find_possible_duplicates(catalog, book("Состояние окружающей среды Казахстана", "2005"))
    ) == [(stored.id, "title")]
    # about 0.91 similar: enough with a matching author, not without one
    close = "Состояние окружающей среды Кыргызстана"
    assert reasons(find_possible_duplicates(catalog, book(close, "2005", "Akhmetov"))) == [
        (stored.id, "title")
    ]
    assert find_possible_duplicates(catalog, book(close, "2005")) == []


def test_a_draft_without_a_year_is_compared_with_the_same_authors_records(
    catalog: Catalog, repo: RecordRepository
) -> None:
    stored = repo.add(book("Озеро Балхаш", "2005", "Абдуллаев"))
    repo.add(book("Озеро Балхаш", "2005", "Иванов"))

    draft = book("Озеро Балхаш", "", "Абдуллаев")

    assert reasons(find_possible_duplicates(catalog, draft)) == [(stored.id, "title")]
    assert find_possible_duplicates(catalog, book("Озеро Балхаш", "")) == []


def test_the_record_itself_and_deleted_records_are_not_reported(
    catalog: Catalog, repo: RecordRepository
) -> None:
    itself = repo.add(book("Озеро Балхаш", "2005", "Абдуллаев", isbn="9780306406157"))
    deleted = repo.add(book("Ozero Balkhash", "2005", "Abdullaev", isbn="0306406152"))
    repo.delete(deleted.id)

    assert find_possible_duplicates(catalog, itself) == []

    repo.undelete(deleted.id)
    assert reasons(find_possible_duplicates(catalog, itself)) == [(deleted.id, "isbn")]


def test_identifier_matches_come_first_and_the_limit_holds(
    catalog: Catalog, repo: RecordRepository
) -> None:
    by_title = [repo.add(book("Озеро Балхаш", "2005", "Абдуллаев")).id for _ in range(3)]
    by_isbn = repo.add(book("Другое", "1990", isbn="9780306406157")).id

    draft = book("Ozero Balkhash", "2005", "Abdullaev", isbn="0306406152")

    assert reasons(find_possible_duplicates(catalog, draft, limit=3)) == [
        (by_isbn, "isbn"),
        (by_title[0], "title"),
        (by_title[1], "title"),
    ]
    assert len(find_possible_duplicates(catalog, draft, limit=0)) == 4


def test_an_empty_draft_finds_nothing(catalog: Catalog, repo: RecordRepository) -> None:
    repo.add(book("Озеро Балхаш"))

    assert find_possible_duplicates(catalog, Record(title="")) == []
