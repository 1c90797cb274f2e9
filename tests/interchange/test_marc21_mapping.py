"""The MARC21 → record mapping, field by field, on small records written like partners' ones."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from library_app.core.model import (
    Classification,
    ClassificationScheme,
    Contributor,
    ContributorRole,
    CopyStatus,
    HostItem,
    Identifier,
    IdentifierType,
    MaterialType,
    OnlineLink,
    ParallelTitle,
    Record,
    Series,
    SourceField,
    SourceRecord,
    Subfield,
)
from library_app.core.validation import errors_only, validate_record
from library_app.interchange.base import Problem
from library_app.interchange.marc21_fields import parse_host_parts, punctuate, trim
from library_app.interchange.marc21_mapping import material_type, read_record

BOOK = "00000nam a2200000 i 4500"
F008 = "050622s2005    ru a          000 0 rus d"


def data(tag: str, indicators: str, *pairs: tuple[str, str]) -> SourceField:
    return SourceField(tag, indicators, [Subfield(code, value) for code, value in pairs])


def control(tag: str, text: str) -> SourceField:
    return SourceField(tag, data=text)


def mapped(*fields: SourceField, leader: str = BOOK) -> tuple[Record, list[Problem]]:
    result = read_record(SourceRecord("marc21", leader, list(fields)), position=7)
    assert result.record is not None, result.problems
    return result.record, result.problems


def title(*pairs: tuple[str, str]) -> SourceField:
    return data("245", "10", *pairs)


PLAIN = title(("a", "Водные ресурсы Казахстана."))


def test_title_area_loses_its_isbd_punctuation() -> None:
    record, problems = mapped(
        title(
            ("a", "Экология Арала :"),
            ("b", "сборник научных трудов /"),
            ("c", "под ред. А. Б. Иванова."),
        )
    )
    assert (record.title, record.title_remainder, record.responsibility) == (
        "Экология Арала",
        "сборник научных трудов",
        "под ред. А. Б. Иванова",
    )
    assert problems == []


def test_part_number_and_name_are_appended_to_the_title() -> None:
    record, _ = mapped(title(("a", "Flora of Kazakhstan."), ("n", "Vol. 2,"), ("p", "Grasses /")))
    assert record.title == "Flora of Kazakhstan. Vol. 2, Grasses"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("Pride and prejudice.", "Pride and prejudice"),
        ("312 p. :", "312 p."),
        ("ill. ;", "ill."),
        ("24 cm.", "24 cm"),
        ("Smith, J. R.", "Smith, J. R."),
        ("2nd ed.", "2nd ed."),
        ("Изд. 2-е, перераб. и доп.", "Изд. 2-е, перераб. и доп."),
        ("Moscow :", "Moscow"),
        ("Wait...", "Wait..."),
        ("(Oxford University Press).", "(Oxford University Press)"),
    ],
)
def test_trim_removes_isbd_marks_but_not_abbreviations(raw: str, clean: str) -> None:
    assert trim(raw) == clean
    assert trim(punctuate(clean, ".")) == clean


def test_a_record_without_a_title_is_not_a_record() -> None:
    result = read_record(
        SourceRecord("marc21", BOOK, [control("001", "1"), data("200", "1 ", ("a", "Вода"))]), 3
    )
    assert result.record is None
    assert result.problems[-1].position == 3
    assert "UNIMARC" in result.problems[-1].message


def test_title_comes_from_246_when_245_is_missing_with_a_warning() -> None:
    record, problems = mapped(data("246", "31", ("a", "Water of Central Asia")))
    assert record.title == "Water of Central Asia"
    assert problems[0].where == "245"


def test_isbns_are_normalised_and_bad_ones_left_out_with_a_warning() -> None:
    record, problems = mapped(
        PLAIN,
        data("020", "  ", ("a", "5-02-033152-X (в пер.) :"), ("c", "150 р.")),
        data("020", "  ", ("a", "5-02-033152-8")),
        data("020", "  ", ("z", "5-02-033152-X")),
        data("020", "  ", ("a", "9785930933420"), ("q", "pbk.")),
        data("020", "  ", ("a", "978-601-7150-01-3"), ("c", "$12.00")),
    )
    assert record.identifiers == [
        Identifier(IdentifierType.ISBN, "9785020331525", "в пер."),
        Identifier(IdentifierType.ISBN, "9785930933420", "pbk."),
        Identifier(IdentifierType.ISBN, "9786017150013", "$12.00"),
    ]
    (warning,) = problems
    assert (warning.position, warning.where) == (7, "020$a")
    assert (
        warning.message.startswith("invalid ISBN 5-02-033152-8") and "left out" in warning.message
    )
    assert not errors_only(validate_record(record))


def test_issn_doi_and_local_numbers() -> None:
    record, problems = mapped(
        PLAIN,
        data("022", "0 ", ("a", "0378-5955")),
        data("022", "  ", ("a", "1234-5678")),
        data("024", "7 ", ("a", "https://doi.org/10.1016/J.ECOLIND.2019.01.001"), ("2", "doi")),
        data("024", "8 ", ("a", "KZ-2005-17"), ("q", "Aarhus Centre")),
        data("024", "3 ", ("a", "4600000000017")),
    )
    assert record.identifiers == [
        Identifier(IdentifierType.ISSN, "0378-5955"),
        Identifier(IdentifierType.DOI, "10.1016/j.ecolind.2019.01.001"),
        Identifier(IdentifierType.LOCAL, "KZ-2005-17", "Aarhus Centre"),
    ]
    assert [p.where for p in problems] == ["022$a"]


def test_udc_bbk_and_other_classifications() -> None:
    record, _ = mapped(
        PLAIN,
        data("080", "  ", ("a", "556.18(574)")),
        data("084", "  ", ("a", "26.22"), ("2", "rubbk")),
        data("084", "  ", ("a", "QH541"), ("2", "local")),
    )
    assert record.classifications == [
        Classification(ClassificationScheme.UDC, "556.18(574)"),
        Classification(ClassificationScheme.BBK, "26.22"),
        Classification(ClassificationScheme.LOCAL, "QH541"),
    ]


def test_contributors_with_roles_from_relators() -> None:
    record, _ = mapped(
        data("100", "1 ", ("a", "Абдуллаев, С. К.,"), ("d", "1950-"), ("e", "author.")),
        PLAIN,
        data("700", "1 ", ("a", "Петров, Иван,"), ("e", "ред.")),
        data("700", "1 ", ("a", "Smith, John,"), ("4", "com")),
        data("700", "1 ", ("a", "Brown, Ann,"), ("e", "translator.")),
        data("700", "0 ", ("a", "Homer.")),
        data("710", "2 ", ("a", "Kazakhstan."), ("b", "Ministry of Ecology.")),
        data("710", "2 ", ("a", "UNDP,"), ("4", "isb")),
        data(
            "711",
            "2 ",
            ("a", "Conference on the Aral Sea"),
            ("n", "(3rd :"),
            ("d", "2005 :"),
            ("c", "Almaty)"),
        ),
    )
    assert record.contributors == [
        Contributor("Абдуллаев", "С. К.", ContributorRole.AUTHOR),
        Contributor("Петров", "Иван", ContributorRole.EDITOR),
        Contributor("Smith", "John", ContributorRole.COMPILER),
        Contributor("Brown", "Ann", ContributorRole.TRANSLATOR),
        Contributor("Homer", "", ContributorRole.AUTHOR),
        Contributor("Kazakhstan. Ministry of Ecology", "", ContributorRole.CORPORATE_AUTHOR),
        Contributor("UNDP", "", ContributorRole.ISSUING_BODY),
        Contributor(
            "Conference on the Aral Sea (3rd : 2005 : Almaty)", "", ContributorRole.MEETING
        ),
    ]


def test_a_name_in_another_script_comes_from_its_880() -> None:
    record, _ = mapped(
        data("100", "1 ", ("6", "880-01"), ("a", "Buĭda, I︠U︡riĭ,")),
        PLAIN,
        data("880", "1 ", ("6", "100-01/(N"), ("a", "Буйда, Юрий,")),
    )
    assert record.contributors == [
        Contributor("Buĭda", "I︠U︡riĭ", ContributorRole.AUTHOR, "Буйда, Юрий")
    ]


def test_imprint_and_year() -> None:
    record, _ = mapped(
        PLAIN,
        data(
            "260",
            "  ",
            ("a", "Алматы ;"),
            ("a", "М. :"),
            ("b", "Наука,"),
            ("b", "Бастау,"),
            ("c", "[2005?]."),
        ),
    )
    assert (record.places, record.publishers, record.year) == (
        ["Алматы", "М."],
        ["Наука", "Бастау"],
        "[2005?]",
    )
    rda, _ = mapped(PLAIN, data("264", " 1", ("a", "Moskva :"), ("b", "ĖKSMO,"), ("c", "2013.")))
    assert (rda.places, rda.publishers, rda.year) == (["Moskva"], ["ĖKSMO"], "2013")


def test_year_from_008_when_the_imprint_has_none_and_implausible_years_are_left_out() -> None:
    record, _ = mapped(control("008", F008), PLAIN, data("260", "  ", ("a", "М.")))
    assert record.year == "2005"
    other, problems = mapped(PLAIN, data("260", "  ", ("c", "1376 [1997]")))
    assert other.year == "1997"
    assert problems[0].where == "260$c"
    none, problems = mapped(PLAIN, data("260", "  ", ("c", "unknown")))
    assert none.year == "" and "holds no year" in problems[0].message


def test_languages_from_008_then_041() -> None:
    record, problems = mapped(
        control("008", F008), data("041", "1 ", ("a", "rusengkaz"), ("a", "xx1")), PLAIN
    )
    assert record.languages == ["rus", "eng", "kaz"]
    assert [(p.where, "xx1" in p.message) for p in problems] == [("041$a", True)]
    blank, _ = mapped(control("008", F008[:35] + "   " + F008[38:]), PLAIN)
    assert blank.languages == []


def test_description_parts() -> None:
    record, _ = mapped(
        PLAIN,
        data("250", "  ", ("a", "2-е изд., испр. /"), ("b", "под ред. И. Петрова.")),
        data("255", "  ", ("a", "Масштаб 1:1 000 000.")),
        data("300", "  ", ("a", "312 с. :"), ("b", "ил., карты ;"), ("c", "21 см.")),
        data("490", "1 ", ("a", "Труды Института географии ;"), ("v", "вып. 5")),
        data("830", " 0", ("a", "Trudy Instituta geografii ;"), ("v", "vyp. 5.")),
        data("500", "  ", ("a", "Текст парал. рус., англ.")),
        data("502", "  ", ("a", "Диссертация (канд. биол. наук)")),
        data("520", "  ", ("a", "Обзор водных ресурсов.")),
        data("520", "  ", ("a", "Второй абзац.")),
        data("536", "  ", ("a", "UNDP"), ("f", "KAZ/00/G41")),
        data("536", "  ", ("a", "GEF")),
        data("546", "  ", ("a", "Text in Russian and Kazakh.")),
    )
    assert record.edition == "2-е изд., испр. / под ред. И. Петрова"
    assert record.scale == "Масштаб 1:1 000 000"
    assert (record.extent.pages, record.extent.illustrations, record.extent.dimensions) == (
        "312 с.",
        "ил., карты",
        "21 см",
    )
    assert record.series == [Series("Труды Института географии", "вып. 5")]  # 830 not twice
    assert record.notes == [
        "Текст парал. рус., англ.",
        "Диссертация (канд. биол. наук)",
        "Text in Russian and Kazakh.",
    ]
    assert record.summary == "Обзор водных ресурсов.\nВторой абзац."
    assert (record.funders, record.project) == (["UNDP", "GEF"], "KAZ/00/G41")
    assert record.material_type == MaterialType.THESIS


def test_subjects_places_and_keywords() -> None:
    record, _ = mapped(
        PLAIN,
        data(
            "650",
            " 0",
            ("a", "Water resources development"),
            ("z", "Kazakhstan"),
            ("x", "History"),
            ("y", "20th century."),
        ),
        data(
            "600",
            "10",
            ("a", "Austen, Jane,"),
            ("d", "1775-1817"),
            ("x", "Criticism and interpretation."),
        ),
        data("651", " 4", ("a", "Аральское море"), ("x", "Экология.")),
        data("653", "  ", ("a", "засуха"), ("a", "опустынивание")),
        data("650", " 7", ("a", "Экология"), ("2", "rubbk")),
    )
    assert record.subjects == [
        "Water resources development -- Kazakhstan -- History -- 20th century",
        "Austen, Jane, 1775-1817 -- Criticism and interpretation",
        "Экология",
    ]
    assert record.geographic_names == ["Аральское море -- Экология"]
    assert record.keywords == ["засуха", "опустынивание"]


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Vol. 5, no. 2 (2005), p. 45-58", ("5", "2", "2005", "45-58")),
        ("Т. 5, № 2. С. 45–58", ("5", "2", "", "45-58")),
        ("2005. - Vol. 12, no. 3. - P. 101-115", ("12", "3", "2005", "101-115")),
        ("5(2):45-58", ("5", "2", "", "45-58")),
        ("Bd. 7 (1999), S. 3-9", ("7", "", "1999", "3-9")),
        ("Вып. 3", ("", "3", "", "")),
        ("", ("", "", "", "")),
    ],
)
def test_host_citation_is_parsed_as_well_as_possible(text: str, parts: tuple[str, ...]) -> None:
    assert parse_host_parts(text) == parts


def test_article_in_a_journal() -> None:
    record, _ = mapped(
        PLAIN,
        data(
            "773",
            "0 ",
            ("t", "Гидрометеорология и экология."),
            ("g", "2005, № 2, с. 45-58"),
            ("x", "1727-5652"),
        ),
        leader="00000nab a2200000 i 4500",
    )
    assert record.material_type == MaterialType.ARTICLE
    assert record.host == HostItem("Гидрометеорология и экология", "2005", "", "2", "45-58")


def test_links_with_notes_and_bad_addresses_left_out() -> None:
    record, problems = mapped(
        PLAIN,
        data("856", "40", ("u", "https://www.carececo.org/report.pdf"), ("z", "Полный текст")),
        data("856", "40", ("u", "www.example.org")),
    )
    assert record.links == [OnlineLink("https://www.carececo.org/report.pdf", note="Полный текст")]
    assert problems[0].where == "856$u"


@pytest.mark.parametrize(
    ("leader", "f008", "extra", "kind"),
    [
        ("00000nam a22", F008, [], MaterialType.BOOK),
        ("00000nem a22", F008, [], MaterialType.MAP),
        ("00000ngm a22", F008, [], MaterialType.AUDIOVISUAL),
        ("00000njm a22", F008, [], MaterialType.AUDIOVISUAL),
        ("00000nmm a22", F008, [], MaterialType.ELECTRONIC),
        ("00000nas a22", F008, [], MaterialType.SERIAL),
        ("00000nab a22", F008, [data("773", "0 ", ("t", "Journal"))], MaterialType.ARTICLE),
        ("00000nab a22", F008, [], MaterialType.BOOK),
        ("00000nam a22", F008[:24] + "t   " + F008[28:], [], MaterialType.REPORT),
        ("00000nam a22", F008[:24] + "m   " + F008[28:], [], MaterialType.THESIS),
        ("00000nam a22", F008[:24] + "u   " + F008[28:], [], MaterialType.STANDARD),
        ("00000nam a22", F008[:29] + "1" + F008[30:], [], MaterialType.PROCEEDINGS),
    ],
)
def test_material_type_from_leader_and_008(
    leader: str, f008: str, extra: list[SourceField], kind: MaterialType
) -> None:
    source = SourceRecord("marc21", leader.ljust(24), [control("008", f008), PLAIN, *extra])
    assert material_type(source) == kind


def test_copies_from_852_and_876_linked_by_8() -> None:
    record, _ = mapped(
        PLAIN,
        data("852", "  ", ("8", "1"), ("b", "Читальный зал"), ("h", "26.22"), ("i", "А12")),
        data("852", "  ", ("8", "2"), ("b", "Хранение")),
        data(
            "876",
            "  ",
            ("8", "2.1"),
            ("a", "000124"),
            ("p", "KZ0002"),
            ("c", "1500 KZT"),
            ("d", "20050612"),
        ),
        data("876", "  ", ("8", "1.1"), ("a", "000123"), ("j", "on_loan")),
    )
    first, second = record.copies
    assert (first.inventory_number, first.location, first.shelf_mark) == ("000124", "Хранение", "")
    assert (first.barcode, first.price, first.currency) == ("KZ0002", Decimal("1500"), "KZT")
    assert first.acquired_on == dt.date(2005, 6, 12)
    assert (second.inventory_number, second.location, second.shelf_mark) == (
        "000123",
        "Читальный зал",
        "26.22 А12",
    )
    assert second.status == CopyStatus.ON_LOAN


def test_koha_items_become_copies_and_empty_inventory_numbers_stay_empty() -> None:
    record, problems = mapped(
        PLAIN,
        data(
            "952",
            "  ",
            ("a", "MAIN"),
            ("o", "551.5 A12"),
            ("p", "3560900209766"),
            ("g", "12.50"),
            ("d", "2015-11-30"),
        ),
        data("952", "  ", ("b", "BRANCH"), ("p", "3560900209766"), ("i", "INV-7"), ("1", "1")),
    )
    first, second = record.copies
    assert (first.inventory_number, first.location, first.shelf_mark) == ("", "MAIN", "551.5 A12")
    assert (first.price, first.acquired_on) == (Decimal("12.50"), dt.date(2015, 11, 30))
    assert (second.inventory_number, second.location, second.status) == (
        "INV-7",
        "BRANCH",
        CopyStatus.LOST,
    )
    assert second.barcode == ""  # the same barcode twice: the second copy loses it
    assert "barcode 3560900209766" in problems[0].message


def test_every_field_is_kept_verbatim_in_the_source() -> None:
    fields = [control("001", "x1"), PLAIN, data("999", "  ", ("z", " spaces kept "))]
    result = read_record(SourceRecord("marc21", BOOK, fields))
    assert result.record is not None
    assert result.record.source is not None and result.record.source.fields == fields
    assert result.record.parallel_titles == [] and result.record.control_number == "x1"


def test_parallel_titles_from_246() -> None:
    record, _ = mapped(PLAIN, data("246", "31", ("a", "Water resources of Kazakhstan")))
    assert record.parallel_titles == [ParallelTitle("Water resources of Kazakhstan")]


def test_the_access_date_of_a_link_comes_from_856_or_from_a_note() -> None:
    url = "https://carececo.org/report.pdf"
    own, _ = mapped(
        title(("a", "Отчёт")),
        data("856", "40", ("u", url), ("z", "Дата обращения: 12.03.2024")),
    )
    assert own.links == [OnlineLink(url, dt.date(2024, 3, 12), "")]
    noted, _ = mapped(
        title(("a", "Отчёт")),
        data("500", "  ", ("a", "Дата обращения: 05.11.2023.")),
        data("856", "40", ("u", url)),
    )
    assert noted.links == [OnlineLink(url, dt.date(2023, 11, 5), "")]
