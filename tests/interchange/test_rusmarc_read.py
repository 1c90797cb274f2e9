"""Reading RUSMARC / UNIMARC (ISO 2709): real NLR, Urait and Italian SBN records, IRBIS copies."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from library_app.core.errors import Cancelled
from library_app.core.model import (
    Classification,
    ClassificationScheme,
    Contributor,
    ContributorRole,
    CopyStatus,
    HostItem,
    IdentifierType,
    MaterialType,
    ParallelTitle,
    Series,
)
from library_app.core.validation import errors_only, validate_record
from library_app.interchange.base import FormatError, ReadOptions, ReadResult, Severity
from library_app.interchange.formats import format_by_id
from library_app.interchange.rusmarc import RusmarcReader

DATA = Path(__file__).resolve().parents[1] / "data" / "shared" / "marc"
RUSMARC = DATA / "rusmarc"
NLR = RUSMARC / "rusmarc-nlr-cp1251.iso"
NLR_SINGLE = RUSMARC / "rusmarc-nlr-cp1251-single.iso"
URAIT = RUSMARC / "rusmarc-urait-utf8.iso"
ITALIAN = RUSMARC / "pymarc-unimarc-italian.mrc"
# made for these tests: an IRBIS-style book in CP1251 and a Kazakh article in UTF-8, one file
IRBIS = Path(__file__).resolve().parent / "data" / "rusmarc-irbis-mixed.iso"

Field = tuple  # ("001", "data") or ("200", "1 ", [("a", "Title"), …])


def iso(fields: list[Field], leader: str = "     nam  22        450 ", encoding="utf-8") -> bytes:
    """One ISO 2709 record in any encoding (the project's encoder writes UTF-8 only)."""
    directory, body = b"", b""
    for f in fields:
        if len(f) == 2:
            chunk = f[1].encode(encoding)
        else:
            chunk = f[1].encode("ascii") + b"".join(
                b"\x1f" + code.encode("ascii") + value.encode(encoding) for code, value in f[2]
            )
        chunk += b"\x1e"
        directory += f"{f[0]}{len(chunk):04d}{len(body):05d}".encode("ascii")
        body += chunk
    base = 24 + len(directory) + 1
    total = base + len(body) + 1
    head = f"{total:05d}{leader[5:12]}{base:05d}{leader[17:24]}".encode("ascii")
    return head + directory + b"\x1e" + body + b"\x1d"


def read(path: Path, **options) -> ReadResult:
    return RusmarcReader().read(path, ReadOptions(**options))


def read_bytes(tmp_path: Path, data: bytes, **options) -> ReadResult:
    path = tmp_path / "records.iso"
    path.write_bytes(data)
    return read(path, **options)


def item_messages(result: ReadResult, position: int) -> list[str]:
    return [str(p) for p in result.items[position - 1].problems]


@pytest.mark.parametrize(
    ("path", "count", "encoding"),
    [(NLR, 81, "cp1251"), (NLR_SINGLE, 1, "cp1251"), (URAIT, 1, "utf-8"), (ITALIAN, 1, "utf-8")],
)
def test_every_record_of_the_sample_files_is_read(path: Path, count: int, encoding: str) -> None:
    result = read(path)
    assert result.format_id == "rusmarc"
    assert result.encoding == encoding
    assert len(result.items) == count
    assert all(item.readable for item in result.items)
    for item in result.items:
        assert item.record is not None
        assert item.record.source is not None and item.record.source.format == "rusmarc"
        errors = [
            p
            for p in errors_only(validate_record(item.record))
            if not p.field.endswith("inventory_number")  # numbered by the import service
        ]
        assert errors == [], (item.position, errors)


def test_nlr_record_maps_title_authors_identifiers_classes_and_copies() -> None:
    record = read(NLR).items[26].record
    assert record is not None
    assert record.control_number == "RU\\NLR\\bibl\\340009"
    assert record.title == "Наталкинское золоторудное месторождение"
    assert record.parallel_titles == [ParallelTitle("Natalka gold lode deposit", "eng")]
    assert record.responsibility.startswith("В.И. Гончаров, С.В. Ворошин, В.А. Сидоров ; Рос.")
    assert record.contributors == [
        Contributor("Гончаров", "Владислав Иванович", ContributorRole.AUTHOR),
        Contributor("Ворошин", "Сергей Вячеславович", ContributorRole.AUTHOR),
        Contributor("Сидоров", "Виктор Анатольевич", ContributorRole.AUTHOR),
    ]
    assert (record.places, record.publishers, record.year) == (
        ["Магадан"],
        ["СВКНИИ ДВО РАН"],
        "2002",
    )
    assert (record.extent.pages, record.extent.illustrations, record.extent.dimensions) == (
        "250 с.",
        "ил., карты",
        "29",
    )
    assert record.languages == ["rus"]
    assert [(i.type, i.value, i.qualifier) for i in record.identifiers] == [
        (IdentifierType.ISBN, "9785947290172", "В пер.")
    ]
    assert record.classifications == [
        Classification(ClassificationScheme.UDC, "553.441.078(470-17)"),
        Classification(ClassificationScheme.LOCAL, "38.49"),  # ГРНТИ ($2 rugasnti)
        Classification(ClassificationScheme.BBK, "26.341"),
        Classification(ClassificationScheme.BBK, "Д451.41-09(2Р55-4М)"),
    ]
    assert record.geographic_names == ["Наталкинское золоторудное месторождение"]
    assert record.keywords[0] == "Золоторудные месторождения"
    assert record.notes == [
        "На парал. тит. л. авт. на англ. яз.: V.I. Goncharov, S.V. Voroshin, V.A. Sidorov",
        "Библиогр.: с. 223-229",
    ]
    assert [(c.inventory_number, c.location, c.shelf_mark) for c in record.copies] == [
        ("377379", "NLR", "2002-8/3316"),
        ("641713", "NLR", "2002-8/3316"),
    ]
    assert record.material_type == MaterialType.BOOK


def test_subject_heading_joins_subdivisions_and_form_subdivision() -> None:
    record = read(NLR).items[15].record
    assert record is not None
    assert record.subjects == [
        "Учреждения народного образования -- Бухгалтерский учет -- Инструкции",
        "Учреждения народного образования -- Налоговое обложение -- Российская Федерация "
        "-- Инструкции",
    ]
    assert record.series == [
        Series('Библиотечка журнала МКПЦН "Аудит и налогообложение"', "Nш 3(21), 98")
    ]


def test_volume_of_a_set_gets_part_in_title_and_set_as_series() -> None:
    record = read(NLR).items[18].record  # 200 $aТ. 2 $hкн. 4 $iНародная дипломатия и туризм
    assert record is not None
    assert record.title == "Т. 2. кн. 4, Народная дипломатия и туризм"
    assert record.series == [Series("Туризм: история и современность", "Т. 2")]
    assert record.keywords == ["Народная дипломатия", "Туризм"]


def test_persons_bodies_and_relator_codes_give_roles() -> None:
    items = read(NLR).items
    editor, body = items[25].record.contributors  # 702 $4340, 712 $4570
    assert editor == Contributor("Соловьев", "Альберт Николаевич", ContributorRole.EDITOR)
    assert body.role == ContributorRole.ISSUING_BODY
    assert body.name == "Кировская область. Департамент окружающей среды и природопользования"
    assert items[72].record.contributors[1].role == ContributorRole.TRANSLATOR  # 702 $4730
    assert items[36].record.contributors[0].role == ContributorRole.COMPILER  # 702 $4220
    assert items[40].record.contributors == [
        Contributor("Российская Федерация", "", ContributorRole.CORPORATE_AUTHOR)
    ]


def test_isbn_with_wrong_check_digit_is_reported_by_record_and_field_and_left_out() -> None:
    result = read(NLR)
    record = result.items[35].record
    assert record is not None
    assert record.identifiers == []
    assert item_messages(result, 36) == [
        "record 36, 010$a: invalid ISBN: ISBN 5-595-03091-1: check digit should be 7; left out"
    ]
    assert result.items[35].problems[0].severity == Severity.WARNING
    kept = [f for f in record.source.fields if f.tag == "010"]
    assert kept[0].subfields[0].value == "5-595-03091-1"  # still in the kept record


def test_cyrillic_x_as_isbn_check_digit_is_repaired_with_a_warning() -> None:
    result = read(NLR)
    assert result.items[15].record.identifiers[0].value == "9785900776316"
    assert "Cyrillic «х»" in item_messages(result, 16)[0]


def test_urait_record_with_three_indicator_characters_is_read_with_warnings() -> None:
    result = read(URAIT)
    item = result.items[0]
    assert item.record is not None
    assert [str(p) for p in item.problems] == [
        "record 1, 610: 3 indicator characters instead of 2 («   »); the first two were kept"
    ] * 6
    record = item.record
    assert record.title == "ПЕДАГОГИКА И ПСИХОЛОГИЯ НЕНАСИЛИЯ В ОБРАЗОВАНИИ"
    assert record.edition == "2-е изд., пер. и доп"
    assert record.identifiers[0].value == "9785991616621"
    assert len(record.keywords) == 6 and record.keywords[2] == "Педагогика"
    assert record.summary.startswith("В пособии даны теоретические основы")
    assert record.series == [Series("Бакалавр и магистр. Модуль.", "")]
    assert record.links[0].url.startswith("http://www.biblio-online.ru/thematic/")
    assert record.contributors == [
        Contributor("Маралов", "Владимир Георгиевич", ContributorRole.AUTHOR)
    ]
    assert record.control_source.startswith("http://www.biblio-online.ru")


def test_italian_unimarc_record_drops_non_sorting_marks_and_reads_series_links() -> None:
    result = read(ITALIAN)
    record = result.items[0].record
    assert record is not None
    assert record.title == "L'altra faccia della spirale"
    assert record.series == [Series("Bestsellers", "641"), Series("Il ciclo delle fondazioni", "4")]
    assert record.contributors[0] == Contributor("Asimov", "Isaac", ContributorRole.AUTHOR)
    assert record.copies == []  # 899 here lists holding libraries of the union catalogue
    assert record.languages == ["ita"]
    title_field = next(f for f in record.source.fields if f.tag == "200")
    assert title_field.subfields[0].value == "\x88L'\x89altra faccia della spirale"  # kept as is


def test_junk_after_the_last_record_is_reported_and_the_record_kept(tmp_path: Path) -> None:
    result = read_bytes(tmp_path, ITALIAN.read_bytes() + b"JUNK AFTER THE END")
    assert len(result.items) == 1 and result.items[0].readable
    assert [p.severity for p in result.problems] == [Severity.WARNING]
    assert "not a record" in result.problems[0].message


def test_sniff_claims_unimarc_and_leaves_marc21_to_its_reader() -> None:
    assert RusmarcReader.sniff(NLR.read_bytes()[:65536]) == 90
    assert RusmarcReader.sniff(URAIT.read_bytes()) == 90
    assert RusmarcReader.sniff((DATA / "marc21" / "pymarc-test.mrc").read_bytes()) == 5
    assert RusmarcReader.sniff(b"TY  - JOUR\r\nTI  - Not MARC\r\nER  - \r\n") == 0
    assert RusmarcReader.sniff(b"") == 0


def test_registry_names_resolve_to_the_rusmarc_classes() -> None:
    from library_app.interchange.rusmarc import RusmarcWriter

    info = format_by_id("rusmarc")
    assert info.reader_class() is RusmarcReader
    assert info.writer_class() is RusmarcWriter


@pytest.mark.parametrize("name", ["windows-1251", "CP1251", "cp1251"])
def test_chosen_windows_1251_encoding_is_used(name: str) -> None:
    result = read(NLR, encoding=name)
    assert result.encoding == "cp1251"
    assert result.items[26].record.title == "Наталкинское золоторудное месторождение"


def test_wrongly_chosen_utf8_reports_replaced_bytes_instead_of_failing() -> None:
    result = read(NLR_SINGLE, encoding="utf-8")
    messages = item_messages(result, 1)
    assert any("not valid in this encoding" in m for m in messages)
    assert result.items[0].readable


def test_other_encodings_are_refused() -> None:
    with pytest.raises(FormatError, match="koi8-r"):
        read(NLR, encoding="koi8-r")


def test_marc21_and_non_iso_files_are_refused(tmp_path: Path) -> None:
    with pytest.raises(FormatError, match="MARC21"):
        read(DATA / "marc21" / "pymarc-test.mrc")
    with pytest.raises(FormatError, match="no ISO 2709 record"):
        read_bytes(tmp_path, b"%PDF-1.4 not a catalog at all")
    with pytest.raises(FormatError, match="no ISO 2709 record"):
        read_bytes(tmp_path, b"")
    with pytest.raises(FormatError, match="cannot be read"):
        read(tmp_path / "missing.iso")


def test_damaged_record_is_an_error_item_and_the_others_are_read(tmp_path: Path) -> None:
    data = bytearray(NLR.read_bytes())
    third = data.index(b"00511nam2")  # the third record's leader
    data[third + 27 : third + 30] = b"XYZ"  # its first directory entry's length is not numeric
    result = read_bytes(tmp_path, bytes(data))
    assert len(result.items) == 81
    assert not result.items[2].readable
    assert str(result.items[2].problems[0]).startswith("record 3, directory: ")
    assert sum(item.readable for item in result.items) == 80


def test_record_without_title_is_an_error_item(tmp_path: Path) -> None:
    result = read_bytes(tmp_path, iso([("001", "x1"), ("210", "  ", [("d", "2001")])]))
    item = result.items[0]
    assert item.record is None
    assert [str(p) for p in item.problems] == [
        "record 1, 200: the record has no title proper (200$a) and cannot be imported"
    ]


def test_progress_is_reported_and_cancel_stops_reading() -> None:
    calls: list[tuple[int, int]] = []
    RusmarcReader().read(NLR, ReadOptions(), progress=lambda d, t: calls.append((d, t)))
    assert calls[0] == (0, 81) and calls[-1] == (81, 81)
    with pytest.raises(Cancelled):
        RusmarcReader().read(NLR, ReadOptions(), is_cancelled=lambda: True)


def test_irbis_copies_in_910_map_status_dates_prices_and_barcodes(tmp_path: Path) -> None:
    fields: list[Field] = [
        ("001", "irbis-1"),
        ("200", "1 ", [("a", "Водные ресурсы Казахстана")]),
        ("210", "  ", [("a", "Алматы"), ("d", "2019")]),
        (
            "910",
            "  ",
            [
                ("a", "0"),
                ("b", "12345"),
                ("c", "20230115"),
                ("d", "Абонемент"),
                ("e", "150,50"),
                ("h", "0001234"),
                ("u", "2023/7"),
            ],
        ),
        ("910", "  ", [("a", "1"), ("b", "12346"), ("d", "ЧЗ")]),
        ("910", "  ", [("a", "4"), ("b", "12347")]),
        ("910", "  ", [("a", "5"), ("b", "12348"), ("c", "2023-01-15")]),
        ("910", "  ", [("a", "0"), ("d", "Абонемент")]),  # no inventory number
    ]
    result = read_bytes(tmp_path, iso(fields, encoding="cp1251"))
    assert result.encoding == "cp1251"
    record = result.items[0].record
    assert record is not None
    first, loaned, lost, unusual, unnumbered = record.copies
    assert (first.inventory_number, first.barcode, first.location) == (
        "12345",
        "0001234",
        "Абонемент",
    )
    assert first.acquired_on == dt.date(2023, 1, 15)
    assert first.price == Decimal("150.50")
    assert first.status == CopyStatus.AVAILABLE
    assert loaned.status == CopyStatus.ON_LOAN and loaned.location == "ЧЗ"
    assert lost.status == CopyStatus.LOST
    assert unusual.status == CopyStatus.AVAILABLE and unusual.acquired_on is None
    assert unnumbered.inventory_number == ""
    assert item_messages(result, 1) == [
        "record 1, 910$a: copy status «5» (temporarily not lent) has no equivalent; "
        "read as available",
        "record 1, 910$c: «2023-01-15» is not a date (YYYYMMDD); left out",
    ]


def test_article_takes_its_host_from_463_embedded_fields(tmp_path: Path) -> None:
    host = (
        "463",
        " 0",
        [
            ("1", "001RU\\NLR\\bibl\\1"),
            ("1", "2001 "),
            ("a", "Гидрометеорология"),
            ("v", "Т. 12, № 3"),
            ("1", "210  "),
            ("d", "2020"),
            ("1", "215  "),
            ("a", "С. 45-58"),
        ],
    )
    fields: list[Field] = [("200", "1 ", [("a", "Сток рек Арала")]), host]
    record = read_bytes(tmp_path, iso(fields, leader="     naa2 22        450 ")).items[0].record
    assert record is not None
    assert record.material_type == MaterialType.ARTICLE
    assert record.host == HostItem("Гидрометеорология", "2020", "12", "3", "С. 45-58")


def test_host_in_plain_subfields_and_article_without_host_warns(tmp_path: Path) -> None:
    fields: list[Field] = [
        ("200", "1 ", [("a", "Article")]),
        ("463", "  ", [("t", "Journal of Arid Lands"), ("v", "№ 4"), ("d", "2018"), ("p", "1-9")]),
    ]
    record = read_bytes(tmp_path, iso(fields, leader="     naa  22        450 ")).items[0].record
    assert record.host == HostItem("Journal of Arid Lands", "2018", "", "4", "1-9")
    result = read_bytes(tmp_path, iso(fields[:1], leader="     naa  22        450 "))
    assert item_messages(result, 1) == [
        "record 1, leader/07: an analytic record (article) without a host item (463)"
    ]


@pytest.mark.parametrize(
    ("leader_type", "extra", "expected"),
    [
        ("em", [], MaterialType.MAP),
        ("lm", [], MaterialType.ELECTRONIC),
        ("gm", [], MaterialType.AUDIOVISUAL),
        ("as", [], MaterialType.SERIAL),
        ("cm", [], MaterialType.BOOK),  # printed music
        ("am", [("328", " 0", [("a", "Дис. ... канд. геогр. наук")])], MaterialType.THESIS),
        ("am", [("105", "  ", [("a", "y   m   000yy")])], MaterialType.THESIS),
        ("am", [("105", "  ", [("a", "y   p   000yy")])], MaterialType.REPORT),
        ("am", [("105", "  ", [("a", "y       100yy")])], MaterialType.PROCEEDINGS),
        ("am", [], MaterialType.BOOK),
    ],
)
def test_material_type_from_leader_coded_data_and_notes(
    tmp_path: Path, leader_type: str, extra: list[Field], expected: MaterialType
) -> None:
    fields: list[Field] = [*extra, ("200", "1 ", [("a", "Title")])]
    fields.sort(key=lambda f: f[0])
    leader = f"     n{leader_type}  22        450 "
    assert read_bytes(tmp_path, iso(fields, leader=leader)).items[0].record.material_type == (
        expected
    )


def test_gmd_in_200b_hints_electronic_resource(tmp_path: Path) -> None:
    fields: list[Field] = [("200", "1 ", [("a", "Атлас"), ("b", "Электронный ресурс")])]
    record = read_bytes(tmp_path, iso(fields)).items[0].record
    assert record.material_type == MaterialType.ELECTRONIC


def test_year_comes_from_100_when_210_has_none_and_classes_from_686(tmp_path: Path) -> None:
    fields: list[Field] = [
        ("100", "  ", [("a", "20030131g19969999u  y0rusy0189    ca")]),
        ("200", "1 ", [("a", "История Казахстана")]),
        ("210", "  ", [("a", "Алматы")]),
        ("686", "  ", [("a", "63.3(5Каз)"), ("2", "bbk")]),
        ("686", "  ", [("a", "Т3(5Каз)"), ("2", "rubbks")]),
        ("686", "  ", [("a", "03.20"), ("2", "rugasnti")]),
        ("710", "12", [("a", "Конференция"), ("d", "2"), ("f", "2001"), ("e", "Алматы")]),
    ]
    record = read_bytes(tmp_path, iso(fields)).items[0].record
    assert record.year == "1996"
    assert [c.scheme for c in record.classifications] == [
        ClassificationScheme.BBK,
        ClassificationScheme.BBK,
        ClassificationScheme.LOCAL,
    ]
    assert record.contributors == [
        Contributor("Конференция (2 ; 2001 ; Алматы)", "", ContributorRole.MEETING)
    ]


def test_bad_language_codes_and_links_are_left_out_with_warnings(tmp_path: Path) -> None:
    fields: list[Field] = [
        ("101", "0 ", [("a", "rus"), ("a", "русский?")]),
        ("200", "1 ", [("a", "Title")]),
        ("856", "4 ", [("u", "www.example.org")]),
    ]
    result = read_bytes(tmp_path, iso(fields))
    assert result.items[0].record.languages == ["rus"]
    assert result.items[0].record.links == []
    assert item_messages(result, 1) == [
        "record 1, 101$a: «русский?» is not an ISO 639-2 language code; left out",
        "record 1, 856$u: «www.example.org» is not a web address (http://, https://); left out",
    ]


def test_control_characters_are_removed_with_a_warning(tmp_path: Path) -> None:
    fields: list[Field] = [("200", "1 ", [("a", "Bad\x07title")])]
    result = read_bytes(tmp_path, iso(fields))
    record = result.items[0].record
    assert record.title == "Badtitle"
    assert errors_only(validate_record(record)) == []
    (message,) = item_messages(result, 1)
    assert message.startswith("record 1, 200$a: control characters (U+0007) were removed")


def test_mixed_encodings_and_irbis_holdings_in_one_file() -> None:
    result = read(IRBIS)
    assert result.encoding == "cp1251, utf-8"
    book, article = (item.record for item in result.items)
    assert book.title == "Экологический атлас Казахстана"
    assert book.identifiers[0].value == "9786010412347"
    assert book.subjects == ["Охрана окружающей среды -- Казахстан -- Атласы"]
    assert [(c.inventory_number, c.barcode, c.location, c.status) for c in book.copies] == [
        ("E-1001", "4800001001", "Абонемент", CopyStatus.AVAILABLE),
        ("E-1002", "4800001002", "ЧЗ", CopyStatus.ON_LOAN),
        ("E-1003", "", "ЧЗ", CopyStatus.AVAILABLE),
        ("", "", "Хранение", CopyStatus.AVAILABLE),  # counted without inventory numbers
    ]
    assert article.title == "Арал теңізінің экологиясы"
    assert article.material_type == MaterialType.ARTICLE
    assert article.host == HostItem("Қазақстанның экологиясы", "2022", "4", "2", "")
    assert article.year == "2022"  # from 100, the article has no 210
    assert article.languages == ["kaz"]
