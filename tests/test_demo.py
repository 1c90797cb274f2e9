"""The synthetic demo collection: reproducible, shaped like the CAREC library, and valid.

Shares are checked against four standard errors of a binomial proportion, so the tests fail on a
real change of the mix and practically never on sampling noise.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter

import pytest

from library_app.core.identifiers import (
    isbn13_check_digit,
    normalize_doi,
    normalize_isbn,
    normalize_issn,
)
from library_app.core.model import IdentifierType, MaterialType, Record
from library_app.core.serialization import record_to_dict
from library_app.core.validation import validate_record
from library_app.core.years import parse_year
from library_app.services import demo_names as names
from library_app.services.demo import generate_records
from library_app.services.demo_materials import HOME_CITIES
from library_app.services.demo_places import city_name
from library_app.services.demo_vocabulary import LANGUAGE_ORDER

SIZE = 5000
CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@pytest.fixture(scope="module")
def collection() -> list[Record]:
    return list(generate_records(SIZE, seed=2024))


def _within_noise(count: int, total: int, share: float) -> bool:
    return abs(count / total - share) <= 4 * math.sqrt(share * (1 - share) / total)


def test_the_same_seed_gives_identical_records():
    first = [record_to_dict(r) for r in generate_records(300, seed=7)]
    again = [record_to_dict(r) for r in generate_records(300, seed=7)]
    assert first == again


def test_another_seed_gives_another_collection():
    one = [record_to_dict(r) for r in generate_records(50, seed=7)]
    other = [record_to_dict(r) for r in generate_records(50, seed=8)]
    assert sum(a != b for a, b in zip(one, other, strict=True)) > 45


def test_a_longer_run_begins_with_the_records_of_a_shorter_one(collection):
    shorter = [record_to_dict(r) for r in generate_records(200, seed=2024)]
    assert shorter == [record_to_dict(r) for r in collection[:200]]


def test_records_are_new_to_the_catalog(collection):
    assert all(r.id is None and r.created_at is None for r in collection)


@pytest.mark.parametrize(
    ("language", "share"),
    [
        ("rus", 0.55),
        ("eng", 0.25),
        ("kaz", 0.08),
        ("uzb", 0.04),
        ("kir", 0.03),
        ("tgk", 0.025),
        ("tuk", 0.025),
    ],
)
def test_languages_come_in_the_shares_of_the_real_library(collection, language, share):
    count = sum(r.languages[0] == language for r in collection)
    assert _within_noise(count, SIZE, share), f"{language}: {count} of {SIZE}"


def test_about_one_record_in_twenty_has_a_parallel_title_in_its_second_language(collection):
    bilingual = [r for r in collection if len(r.languages) == 2]
    assert _within_noise(len(bilingual), SIZE, 0.05)
    for record in bilingual:
        (parallel,) = record.parallel_titles
        assert parallel.language == record.languages[1] != record.languages[0]
        assert parallel.title and parallel.title != record.title


@pytest.mark.parametrize(
    ("material", "share"),
    [
        (MaterialType.BOOK, 0.35),
        (MaterialType.REPORT, 0.25),
        (MaterialType.ARTICLE, 0.20),
        (MaterialType.PROCEEDINGS, 0.07),
        (MaterialType.THESIS, 0.04),
        (MaterialType.MAP, 0.03),
    ],
)
def test_material_types_come_in_believable_shares(collection, material, share):
    count = sum(r.material_type == material for r in collection)
    assert _within_noise(count, SIZE, share), f"{material}: {count} of {SIZE}"


def test_every_material_type_is_present(collection):
    assert {r.material_type for r in collection} == set(MaterialType)


def test_records_pass_validation_without_errors_or_warnings(collection):
    problems = [(r.title, str(p)) for r in collection[:3000] for p in validate_record(r)]
    assert problems == []


def test_inventory_numbers_run_on_from_the_first_one_and_barcodes_are_unique():
    records = list(generate_records(SIZE, seed=5, first_inventory=1234))
    copies = [c for r in records for c in r.copies]
    numbers = [c.inventory_number for c in copies]
    assert numbers == [f"{n:06d}" for n in range(1234, 1234 + len(copies))]
    barcodes = [c.barcode for c in copies]
    assert len(set(barcodes)) == len(barcodes)
    for barcode in barcodes:
        assert len(barcode) == 13 and barcode[-1] == isbn13_check_digit(barcode[:12])


def test_inventory_numbers_widen_past_six_digits():
    records = list(generate_records(60, seed=5, first_inventory=999_998))
    numbers = [c.inventory_number for r in records for c in r.copies]
    assert numbers[:3] == ["999998", "999999", "1000000"]


def test_kazakh_titles_are_written_with_kazakh_letters(collection):
    kazakh = [r for r in collection if r.languages[0] == "kaz"]
    assert kazakh
    for record in kazakh:
        assert set("әғқңөұүһі") & set(record.title.lower()), record.title


def test_uzbek_is_in_latin_script_with_the_turned_comma_for_o_and_g(collection):
    uzbek = [r for r in collection if r.languages[0] == "uzb"]
    text = " ".join(f"{r.title} {r.summary} {' '.join(r.keywords)}" for r in uzbek)
    assert not CYRILLIC.search(text)
    assert "oʻ" in text and "gʻ" in text  # U+02BB, as Uzbek orthography prescribes
    assert not re.search(r"[oOgG]['‘’`]", text)


def test_names_are_also_given_in_the_other_script(collection):
    people = [c for r in collection for c in r.contributors if not c.role.is_corporate]
    russian = [c for r in collection if r.languages[0] == "rus" for c in r.contributors]
    paired = [c for c in russian if c.name_other_script]
    assert paired and all(not CYRILLIC.search(c.name_other_script) for c in paired)
    assert 0.15 < sum(bool(c.name_other_script) for c in people) / len(people) < 0.45


def test_isbns_issns_and_dois_are_valid_and_isbns_unique(collection):
    isbns = [i.value for r in collection for i in r.identifiers if i.type == IdentifierType.ISBN]
    normalized = [normalize_isbn(value) for value in isbns]
    assert len(set(normalized)) == len(normalized)
    assert any(len(value.replace("-", "")) == 10 for value in isbns)  # printed before 2007
    assert any(len(value) == 13 for value in isbns)
    books = [r for r in collection if r.material_type == MaterialType.BOOK]
    with_isbn = [r for r in books if r.identifiers_of(IdentifierType.ISBN)]
    assert len(with_isbn) > len(books) / 2
    for record in collection:
        for issn in record.identifiers_of(IdentifierType.ISSN):
            assert normalize_issn(issn) == issn
        for doi in record.identifiers_of(IdentifierType.DOI):
            assert normalize_doi(doi) == doi


def test_years_are_plain_mostly_and_sometimes_uncertain_or_ranges(collection):
    spans = [parse_year(r.year) for r in collection]
    assert all(span is not None and 1970 <= span.start <= span.end <= 2026 for span in spans)
    forms = Counter(
        "range" if "-" in r.year else "uncertain" if "?" in r.year else "plain" for r in collection
    )
    assert forms["plain"] > 0.95 * SIZE
    assert 0.005 * SIZE < forms["range"] < 0.02 * SIZE
    assert 0.01 * SIZE < forms["uncertain"] < 0.035 * SIZE


def test_copies_are_acquired_after_publication_and_priced_only_when_bought(collection):
    for record in collection:
        published = parse_year(record.year)
        assert published is not None
        for copy in record.copies:
            assert copy.acquired_on is not None
            assert dt.date(published.end, 1, 1) <= copy.acquired_on <= dt.date(2026, 11, 1)
            bought = copy.source is not None and copy.source.value == "purchase"
            assert (copy.price is not None) == bought == bool(copy.currency)


def test_electronic_resources_are_online_and_have_no_copies(collection):
    electronic = [r for r in collection if r.material_type == MaterialType.ELECTRONIC]
    assert electronic
    for record in electronic:
        assert record.links and record.links[0].url.startswith(("https://", "http://"))
        assert record.links[0].access_date is not None
        assert record.copies == []


def test_articles_name_their_journal_and_pages(collection):
    articles = [r for r in collection if r.material_type == MaterialType.ARTICLE]
    for record in articles:
        assert record.host is not None and record.host.title
        assert re.fullmatch(r"\d+-\d+", record.host.pages)


def test_reports_name_a_body_or_publisher_and_some_a_project_and_funders(collection):
    reports = [r for r in collection if r.material_type == MaterialType.REPORT]
    assert all(r.publishers for r in reports)
    funded = [r for r in reports if r.project]
    assert len(funded) > len(reports) / 4
    assert all(r.funders for r in funded)


def test_places_are_named_as_they_were_in_the_year_of_publication(collection):
    for record in collection:
        year = parse_year(record.year)  # a range is published in its last year
        assert year is not None
        if {"Алма-Ата", "Фрунзе", "Ленинград"} & set(record.places):
            assert year.end <= 1992, (record.year, record.places)
        if {"Нур-Султан", "Nur-Sultan"} & set(record.places):
            assert 2019 <= year.end <= 2021, (record.year, record.places)


def test_titles_vary(collection):
    assert len({r.title for r in collection}) > SIZE / 3


def test_every_city_the_tables_name_is_spelled_in_every_language_and_year():
    cities = {body.city for body in names.BODIES.values()}
    cities |= {p.city for p in names.PUBLISHERS} | {j.city for j in names.JOURNALS}
    cities |= {city for _, city, *_ in names.STANDARD_PUBLISHERS}
    cities |= {city for keys in HOME_CITIES.values() for city in keys}
    for city in cities:
        for language in LANGUAGE_ORDER:
            for year in (1970, 1991, 1995, 2020, 2026):
                assert city_name(city, language, year), (city, language, year)


def test_every_project_funder_is_named_in_russian_and_english():
    for project in names.PROJECTS:
        for funder in project.funders:
            assert set(names.FUNDERS[funder]) == {"rus", "eng"}


@pytest.mark.parametrize(("count", "first"), [(-1, 1), (1, 0)])
def test_nonsense_arguments_are_refused(count, first):
    with pytest.raises(ValueError):
        list(generate_records(count, first_inventory=first))


def test_zero_records_is_an_empty_collection():
    assert list(generate_records(0)) == []
