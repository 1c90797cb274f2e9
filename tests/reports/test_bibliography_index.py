"""The order of a bibliography and its indexes, without a PDF: GOST filing (Cyrillic before Latin,
Kazakh letters in Kazakh order, word by word on the first elements), groups, index headings."""

from __future__ import annotations

import pytest

from library_app.core.model import Contributor, ContributorRole, MaterialType, Record
from library_app.reports.bibliography_index import (
    arrange,
    author_index,
    dominant_language,
    filing_head,
    index_name,
    initials,
    subject_index,
)
from library_app.reports.citation import Reference


def ref(text: str) -> Reference:
    return Reference(text, text)


def ordered(records: list[Record], texts: list[str], **options: object) -> list[list[str]]:
    settings: dict[str, object] = {
        "group_by": "none",
        "order": "alphabetical",
        "cyrillic_first": True,
        "language": "ru",
    }
    settings.update(options)
    groups = arrange(records, [ref(t) for t in texts], **settings)  # type: ignore[arg-type]
    return [[e.reference.text for e in g.entries] for g in groups]


def plain(*texts: str) -> tuple[list[Record], list[str]]:
    return [Record(title=t) for t in texts], list(texts)


def test_cyrillic_entries_file_before_latin_ones_by_default_and_after_them_when_switched_off():
    records, texts = plain("Water. – 2001.", "Вода. – 2001.", "Aral. – 1999.", "Арал. – 1999.")
    assert ordered(records, texts) == [
        ["Арал. – 1999.", "Вода. – 2001.", "Aral. – 1999.", "Water. – 2001."]
    ]
    assert ordered(records, texts, cyrillic_first=False) == [
        ["Aral. – 1999.", "Water. – 2001.", "Арал. – 1999.", "Вода. – 2001."]
    ]


def test_kazakh_letters_file_in_the_kazakh_alphabet():
    titles = ["Іле", "Һәм", "Үміт", "Ұлттық", "Өзен", "Қазына", "Ғасыр", "Вода", "Әже", "Ана", "Юг"]
    records, texts = plain(*titles)
    expected = [
        "Ана",
        "Әже",
        "Вода",
        "Ғасыр",
        "Қазына",
        "Өзен",
        "Ұлттық",
        "Үміт",
        "Һәм",
        "Іле",
        "Юг",
    ]
    assert ordered(records, texts) == [expected]


def test_entries_file_word_by_word_on_the_first_elements_then_on_the_rest():
    texts = [
        "Вода и жизнь. – Алматы, 2001.",
        "Вода / сост. А. Б. Сейткали. – Алматы, 2005.",
        "Вода / сост. А. Б. Сейткали. – Алматы, 1999.",
    ]
    records = [Record(title="x") for _ in texts]
    assert ordered(records, texts) == [[texts[2], texts[1], texts[0]]]
    assert filing_head(texts[1]) == "Вода"
    assert filing_head("Без разделителей") == "Без разделителей"


def test_numbers_run_on_across_groups():
    records = [
        Record(title="b", material_type=MaterialType.ARTICLE),
        Record(title="a", material_type=MaterialType.BOOK),
        Record(title="c", material_type=MaterialType.ARTICLE),
    ]
    groups = arrange(
        records,
        [ref("Б"), ref("А"), ref("В")],
        group_by="type",
        order="alphabetical",
        cyrillic_first=True,
        language="ru",
    )
    assert [g.heading for g in groups] == ["Книги", "Статьи"]
    assert [[e.number for e in g.entries] for g in groups] == [[1], [2, 3]]


def test_year_order_runs_oldest_first_with_undated_entries_last():
    records = [Record(title="t", year=y) for y in ("2010", "", "[1995?]", "1998-2003")]
    texts = ["Г", "В", "Б", "А"]
    assert ordered(records, texts, order="year") == [["Б", "А", "Г", "В"]]
    groups = arrange(
        records,
        [ref(t) for t in texts],
        group_by="year",
        order="alphabetical",
        cyrillic_first=True,
        language="en",
    )
    assert [g.heading for g in groups] == ["1995", "1998", "2010", "Undated"]


def test_subject_groups_merge_spellings_and_put_entries_without_subject_last():
    records = [
        Record(title="1", subjects=["водные ресурсы"]),
        Record(title="2"),
        Record(title="3", subjects=["Водные ресурсы", "Климат"]),
        Record(title="4", subjects=["Climate"]),
        Record(title="5", subjects=["Атмосфера"]),
    ]
    groups = arrange(
        records,
        [ref(r.title) for r in records],
        group_by="subject",
        order="alphabetical",
        cyrillic_first=True,
        language="ru",
    )
    assert [g.heading for g in groups] == ["Атмосфера", "Водные ресурсы", "Climate", "Без рубрики"]
    assert [len(g.entries) for g in groups] == [1, 2, 1, 1]


@pytest.mark.parametrize(
    ("label_language", "expected"),
    [("ru", ["Английский", "Казахский", "Русский", "Язык не указан"]),
     ("en", ["English", "Kazakh", "Russian", "Language not stated"])],
)  # fmt: skip
def test_language_groups_are_headed_by_language_names(label_language: str, expected: list[str]):
    records = [
        Record(title=str(i), languages=[code]) for i, code in enumerate(("rus", "kaz", "eng"))
    ]
    records.append(Record(title="9"))
    groups = arrange(
        records,
        [ref(r.title) for r in records],
        group_by="language",
        order="alphabetical",
        cyrillic_first=True,
        language=label_language,
    )
    headings = [g.heading for g in groups]
    assert headings[-1] == expected[-1]
    assert sorted(headings[:-1]) == sorted(expected[:-1])


def test_index_names_are_surname_and_initials_and_bodies_in_full():
    assert initials("Иван Иванович") == "И. И."
    assert initials("Жан-Поль") == "Ж.-П."
    assert initials("И.И.") == "И. И."
    assert index_name(Contributor("Сейткали", "Айгерим Болатовна")) == "Сейткали А. Б."
    assert index_name(Contributor("Өмірбеков")) == "Өмірбеков"
    body = Contributor("Казгидромет", "ignored", ContributorRole.CORPORATE_AUTHOR)
    assert index_name(body) == "Казгидромет"


def test_author_index_collects_entry_numbers_of_every_person_but_not_issuing_bodies():
    records = [
        Record(title="A", contributors=[Contributor("Иванов", "И. И.")]),
        Record(
            title="B",
            contributors=[
                Contributor("Smith", "John"),
                Contributor("Иванов", "Иван Иванович", ContributorRole.EDITOR),
                Contributor("Министерство", role=ContributorRole.ISSUING_BODY),
            ],
        ),
        Record(title="C", contributors=[Contributor("Әлиев", "Ә.")]),
    ]
    groups = arrange(
        records,
        [ref("А"), ref("Б"), ref("В")],
        group_by="none",
        order="alphabetical",
        cyrillic_first=True,
        language="ru",
    )
    lines = [(line.heading, line.numbers) for line in author_index(groups, True)]
    assert lines == [("Әлиев Ә.", (3,)), ("Иванов И. И.", (1, 2)), ("Smith J.", (2,))]


def test_subject_index_takes_every_subject_of_an_entry():
    records = [Record(title="A", subjects=["Климат", "Вода"]), Record(title="B", subjects=["вода"])]
    groups = arrange(
        records,
        [ref("А"), ref("Б")],
        group_by="subject",
        order="alphabetical",
        cyrillic_first=True,
        language="ru",
    )
    lines = [(line.heading, line.numbers) for line in subject_index(groups, True)]
    assert lines == [("Вода", (1, 2)), ("Климат", (2,))]


def test_words_are_english_only_when_most_records_are_in_english():
    english = Record(title="e", languages=["eng"])
    assert dominant_language([english, english, Record(title="r", languages=["rus"])]) == "en"
    assert dominant_language([english, Record(title="k", languages=["kaz"])]) == "ru"
    assert dominant_language([]) == "ru"
