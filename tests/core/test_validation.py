"""Checking a record before it is saved, and bringing its identifiers to canonical form."""

import datetime as dt
from decimal import Decimal

import pytest

from library_app.core.errors import LibraryError, ValidationFailed
from library_app.core.model import (
    AcquisitionSource,
    Classification,
    ClassificationScheme,
    Contributor,
    ContributorRole,
    Copy,
    CopyStatus,
    Extent,
    HostItem,
    Identifier,
    IdentifierType,
    MaterialType,
    OnlineLink,
    ParallelTitle,
    Record,
)
from library_app.core.validation import (
    Problem,
    Severity,
    errors_only,
    normalize_record,
    validate_copies,
    validate_record,
)


def kazakh_report() -> Record:
    """A complete grey-literature record as a cataloguer in Almaty would enter it."""
    return Record(
        title="Қазақстандағы шөлейттену жағдайы туралы ұлттық баяндама",
        material_type=MaterialType.REPORT,
        title_remainder="2015 жылғы шолу",
        parallel_titles=[
            ParallelTitle("Национальный доклад о состоянии опустынивания в Казахстане", "rus"),
            ParallelTitle("National report on desertification in Kazakhstan", "eng"),
        ],
        responsibility="ҚР Экология министрлігі ; құраст. Ә. Б. Жұмабаева",
        contributors=[
            Contributor(
                "Қазақстан Республикасы Экология министрлігі",
                role=ContributorRole.ISSUING_BODY,
                name_other_script="Ministry of Ecology of the Republic of Kazakhstan",
            ),
            Contributor(
                "Жұмабаева",
                "Ә. Б.",
                ContributorRole.COMPILER,
                name_other_script="Zhumabaeva",
            ),
        ],
        places=["Астана"],
        publishers=["Экология министрлігі"],
        year="2015",
        extent=Extent("148 б.", "ил., карталар", "29 см"),
        languages=["kaz", "rus"],
        identifiers=[
            Identifier(IdentifierType.ISBN, "9786017130060"),
            Identifier(IdentifierType.LOCAL, "GL-2015-0042", "accession register"),
        ],
        classifications=[Classification(ClassificationScheme.UDC, "502.3(574)")],
        subjects=["Шөлейттену"],
        geographic_names=["Қазақстан"],
        keywords=["desertification", "опустынивание"],
        links=[OnlineLink("https://example.org/report.pdf", dt.date(2024, 3, 1))],
        project="UNCCD national reporting",
        funders=["GEF"],
        copies=[
            Copy(
                "И-1001",
                barcode="0001001",
                location="Reading room",
                shelf_mark="502 Қ 18",
                status=CopyStatus.AVAILABLE,
                acquired_on=dt.date(2016, 2, 10),
                source=AcquisitionSource.GIFT,
                price=Decimal("0"),
                currency="KZT",
            ),
            Copy(
                "И-1002",
                barcode="0001002",
                status=CopyStatus.ON_LOAN,
                price=Decimal("3500.00"),
                currency="KZT",
            ),
        ],
    )


def problems_for(field, problems):
    return [p for p in problems if p.field == field]


def test_complete_kazakh_report_has_no_problems_at_all():
    assert validate_record(kazakh_report()) == []


def test_minimal_book_with_title_year_and_language_has_no_problems():
    assert validate_record(Record("Flora of Kazakhstan", year="1956", languages=["rus"])) == []


@pytest.mark.parametrize("title", ["", "   "])
def test_missing_title_is_an_error_on_title(title):
    record = kazakh_report()
    record.title = title
    assert validate_record(record) == [Problem("title", "title proper is required")]


def test_bad_isbn_is_an_error_on_its_identifier_with_the_exact_message():
    record = kazakh_report()
    record.identifiers.append(Identifier(IdentifierType.ISBN, "978-5-02-033152-9"))
    assert validate_record(record) == [
        Problem("identifiers[2]", "ISBN 978-5-02-033152-9: check digit should be 5")
    ]


def test_bad_issn_and_doi_are_errors_on_their_identifiers():
    record = kazakh_report()
    record.identifiers = [
        Identifier(IdentifierType.ISSN, "0317-8472"),
        Identifier(IdentifierType.DOI, "doi.org/10.1016/x"),
        Identifier(IdentifierType.LOCAL, "  "),
    ]
    assert validate_record(record) == [
        Problem("identifiers[0]", "ISSN 0317-8472: check digit should be 1"),
        Problem("identifiers[1]", "DOI doi.org/10.1016/x: expected the form 10.NNNN/suffix"),
        Problem("identifiers[2]", "identifier is empty"),
    ]


def test_isbn10_in_an_unnormalised_form_is_valid():
    record = kazakh_report()
    record.identifiers = [Identifier(IdentifierType.ISBN, "ISBN 5-02-033152-x")]
    assert validate_record(record) == []


def test_missing_year_is_only_a_warning():
    record = kazakh_report()
    record.year = " "
    problems = validate_record(record)
    assert problems == [Problem("year", "no year of publication", Severity.WARNING)]
    assert errors_only(problems) == []


@pytest.mark.parametrize("year", ["[2005?]", "[ca. 1990]", "1998-2003", "199-?", "19--?"])
def test_uncertain_and_approximate_years_are_accepted(year):
    record = kazakh_report()
    record.year = year
    assert validate_record(record) == []


@pytest.mark.parametrize("year", ["1066", "1449", "3000", "2010-3010"])
def test_implausible_year_is_an_error(year):
    record = kazakh_report()
    record.year = year
    assert validate_record(record) == [
        Problem("year", f"{year}: year outside 1450–next year"),
    ]


def test_next_year_is_plausible_but_the_year_after_is_not():
    next_year = dt.date.today().year + 1
    record = kazakh_report()
    record.year = str(next_year)
    assert validate_record(record) == []
    record.year = str(next_year + 1)
    assert [p.field for p in errors_only(validate_record(record))] == ["year"]


def test_year_without_digits_is_an_error():
    record = kazakh_report()
    record.year = "forthcoming"
    assert validate_record(record) == [Problem("year", "«forthcoming» contains no year")]


@pytest.mark.parametrize("code", ["kk", "KAZ", "Kazakh", "казахский", " kaz", "k1z"])
def test_language_that_is_not_a_canonical_code_is_an_error(code):
    record = kazakh_report()
    record.languages = ["rus", code]
    assert validate_record(record) == [
        Problem("languages[1]", f"«{code}» is not an ISO 639-2 code (e.g. rus, kaz)")
    ]


def test_terminology_code_is_refused_with_the_bibliographic_code_to_use():
    record = kazakh_report()
    record.languages = ["rus", "fas"]
    assert validate_record(record) == [
        Problem("languages[1]", "«fas»: write the bibliographic code «per»")
    ]


def test_no_date_statement_is_a_warning_not_an_error():
    record = kazakh_report()
    for statement in ("[б.г.]", "s.a."):
        record.year = statement
        assert [(p.field, p.severity) for p in validate_record(record)] == [
            ("year", Severity.WARNING)
        ]


def test_well_shaped_but_unusual_language_code_is_a_warning():
    record = kazakh_report()
    record.languages = ["chg"]
    assert validate_record(record) == [
        Problem("languages[0]", "chg: language code not in the usual list", Severity.WARNING)
    ]


def test_no_language_is_a_warning():
    record = kazakh_report()
    record.languages = []
    assert validate_record(record) == [Problem("languages", "no language given", Severity.WARNING)]


def test_empty_parallel_title_and_contributor_name_are_errors():
    record = kazakh_report()
    record.parallel_titles.append(ParallelTitle(" ", "eng"))
    record.contributors.append(Contributor(""))
    assert validate_record(record) == [
        Problem("parallel_titles[2]", "parallel title is empty"),
        Problem("contributors[2]", "name is empty"),
    ]


def test_body_with_forenames_is_a_warning():
    record = kazakh_report()
    record.contributors[0].forenames = "A."
    assert validate_record(record) == [
        Problem(
            "contributors[0]",
            "Қазақстан Республикасы Экология министрлігі: a body has no forenames",
            Severity.WARNING,
        )
    ]


def test_report_without_issuing_body_or_publisher_is_a_warning():
    record = kazakh_report()
    record.contributors = [Contributor("Жұмабаева", "Ә. Б.", ContributorRole.COMPILER)]
    record.publishers = []
    assert validate_record(record) == [
        Problem("contributors", "a report should name its issuing body", Severity.WARNING)
    ]


@pytest.mark.parametrize(
    "body",
    [
        Contributor("CAREC", role=ContributorRole.CORPORATE_AUTHOR),
        Contributor("CAREC", role=ContributorRole.ISSUING_BODY),
    ],
)
def test_report_with_corporate_author_or_issuing_body_needs_no_publisher(body):
    record = kazakh_report()
    record.contributors = [body]
    record.publishers = []
    assert validate_record(record) == []


def test_article_without_host_is_a_warning():
    record = Record(
        "Saxaul forests of the Aral Sea region",
        material_type=MaterialType.ARTICLE,
        year="2019",
        languages=["eng"],
    )
    assert validate_record(record) == [
        Problem(
            "host",
            "an article should name the journal or collection it appeared in",
            Severity.WARNING,
        )
    ]


def test_host_with_empty_title_is_an_error():
    record = Record(
        "Saxaul forests of the Aral Sea region",
        material_type=MaterialType.ARTICLE,
        year="2019",
        languages=["eng"],
        host=HostItem("  ", "2019", "12", "3", "45-58"),
    )
    assert validate_record(record) == [Problem("host.title", "host item needs a title")]


@pytest.mark.parametrize(
    "url", ["www.example.org", "example.org/report.pdf", "mailto:lib@example.org", "", "http://"]
)
def test_link_that_is_not_a_web_address_is_an_error(url):
    record = kazakh_report()
    record.links.append(OnlineLink(url))
    assert validate_record(record) == [
        Problem("links[1]", f"{url}: not a web address (http://, https://)")
    ]


@pytest.mark.parametrize(
    "url",
    ["http://example.org", "HTTPS://EXAMPLE.ORG/a?b=c", "ftp://ftp.example.org/x", " http://x "],
)
def test_web_and_ftp_addresses_are_accepted(url):
    record = kazakh_report()
    record.links = [OnlineLink(url)]
    assert validate_record(record) == []


# --- copies ------------------------------------------------------------------------------------


def test_duplicate_inventory_number_is_an_error_naming_both_copies():
    record = kazakh_report()
    record.copies[1].inventory_number = " И-1001 "
    assert validate_record(record) == [
        Problem("copies[1].inventory_number", "И-1001 is already used by copies[0]")
    ]


def test_duplicate_barcode_is_an_error_naming_both_copies():
    record = kazakh_report()
    record.copies[1].barcode = "0001001"
    assert validate_record(record) == [
        Problem("copies[1].barcode", "0001001 is already used by copies[0]")
    ]


def test_copies_without_barcode_do_not_clash():
    copies = [Copy("1", barcode=""), Copy("2", barcode="  "), Copy("3")]
    assert validate_copies(copies) == []


def test_missing_inventory_number_is_an_error():
    assert validate_copies([Copy("A-1"), Copy("  ")]) == [
        Problem("copies[1].inventory_number", "inventory number is required")
    ]


def test_negative_price_is_an_error():
    assert validate_copies([Copy("A-1", price=Decimal("-150.50"), currency="KZT")]) == [
        Problem("copies[0].price", "-150.50: price cannot be negative")
    ]


def test_zero_price_and_no_price_are_accepted():
    assert validate_copies([Copy("A-1", price=Decimal("0")), Copy("A-2", price=None)]) == []


@pytest.mark.parametrize("price", ["NaN", "sNaN"])
def test_not_a_number_price_is_reported_not_a_crash(price):
    problems = validate_copies([Copy("A-1", price=Decimal(price))])
    assert [p.field for p in problems] == ["copies[0].price"]


@pytest.mark.parametrize("currency", ["kzt", "KZ", "KZTT", "₸", "тенге", "K1T"])
def test_currency_that_is_not_an_iso_4217_code_is_an_error(currency):
    assert validate_copies([Copy("A-1", currency=currency)]) == [
        Problem("copies[0].currency", f"{currency}: use ISO 4217 (KZT)")
    ]


@pytest.mark.parametrize("currency", ["", "KZT", "USD", "UZS", "KGS"])
def test_iso_4217_currency_or_none_is_accepted(currency):
    assert validate_copies([Copy("A-1", currency=currency)]) == []


def test_copy_problems_are_reported_through_validate_record_with_their_index():
    record = kazakh_report()
    record.copies[1].price = Decimal("-1")
    record.copies[1].currency = "тг"
    assert validate_record(record) == [
        Problem("copies[1].price", "-1: price cannot be negative"),
        Problem("copies[1].currency", "тг: use ISO 4217 (KZT)"),
    ]


# --- problems and the error they raise ---------------------------------------------------------


def test_errors_only_drops_warnings():
    record = kazakh_report()
    record.title = ""
    record.year = ""
    record.languages = ["chg"]
    problems = validate_record(record)
    assert {p.severity for p in problems} == {Severity.ERROR, Severity.WARNING}
    assert errors_only(problems) == [Problem("title", "title proper is required")]


def test_problem_reads_as_field_then_message():
    assert str(Problem("copies[1].barcode", "0001001 is already used by copies[0]")) == (
        "copies[1].barcode: 0001001 is already used by copies[0]"
    )


def test_validation_failed_lists_every_problem_for_people():
    problems = [
        Problem("title", "title proper is required"),
        Problem("identifiers[0]", "ISBN 0-306-40615-3: check digit should be 2"),
    ]
    failure = ValidationFailed(problems)
    assert isinstance(failure, LibraryError)
    assert failure.problems == problems
    assert failure.exit_code == 2
    assert str(failure) == (
        "the record cannot be saved: title: title proper is required; "
        "identifiers[0]: ISBN 0-306-40615-3: check digit should be 2"
    )


# --- normalisation -----------------------------------------------------------------------------


def test_normalize_record_brings_identifiers_to_canonical_form():
    record = kazakh_report()
    record.identifiers = [
        Identifier(IdentifierType.ISBN, "ISBN 5-02-033152-x", "pbk."),
        Identifier(IdentifierType.ISBN, "978-0-306-40615-7"),
        Identifier(IdentifierType.ISSN, "03178471"),
        Identifier(IdentifierType.ISSN, "issn 2434-561x"),
        Identifier(IdentifierType.DOI, "https://doi.org/10.1016/J.JARIDENV.2020.104123"),
        Identifier(IdentifierType.LOCAL, "  GL-2015-0042 "),
    ]
    assert normalize_record(record) is record
    assert [(i.type, i.value, i.qualifier) for i in record.identifiers] == [
        (IdentifierType.ISBN, "9785020331525", "pbk."),
        (IdentifierType.ISBN, "9780306406157", ""),
        (IdentifierType.ISSN, "0317-8471", ""),
        (IdentifierType.ISSN, "2434-561X", ""),
        (IdentifierType.DOI, "10.1016/j.jaridenv.2020.104123", ""),
        (IdentifierType.LOCAL, "GL-2015-0042", ""),
    ]


def test_normalize_record_leaves_invalid_identifiers_as_typed():
    record = kazakh_report()
    record.identifiers = [
        Identifier(IdentifierType.ISBN, " 978-5-02-033152-9 "),
        Identifier(IdentifierType.ISSN, "0317-8472"),
        Identifier(IdentifierType.DOI, "not a doi"),
    ]
    normalize_record(record)
    assert [i.value for i in record.identifiers] == [
        " 978-5-02-033152-9 ",
        "0317-8472",
        "not a doi",
    ]


def test_normalize_record_trims_title_and_copy_numbers():
    record = kazakh_report()
    record.title = "  Flora of Kazakhstan \n"
    record.copies[0].inventory_number = " И-1001 "
    record.copies[0].barcode = "\t0001001 "
    normalize_record(record)
    assert record.title == "Flora of Kazakhstan"
    assert record.copies[0].inventory_number == "И-1001"
    assert record.copies[0].barcode == "0001001"


def test_normalized_valid_record_stays_valid_and_is_stable():
    record = kazakh_report()
    record.identifiers = [Identifier(IdentifierType.ISBN, "601-7130-06-4")]
    normalize_record(record)
    assert validate_record(record) == []
    values = [i.value for i in record.identifiers]
    normalize_record(record)
    assert [i.value for i in record.identifiers] == values == ["9786017130060"]


def test_isbn_with_superscript_digit_is_reported_not_a_crash():
    record = kazakh_report()
    record.identifiers = [Identifier(IdentifierType.ISBN, "97803064061²7")]
    assert [p.field for p in validate_record(record)] == ["identifiers[0]"]
