"""MARC → catalog → MARC loses nothing; edits really change the MARC; records typed here come
back from MARC as they were."""

from __future__ import annotations

import copy as copy_module
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pymarc
import pytest
from pymarc.marcxml import parse_xml_to_array

from library_app.core.errors import InputError
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
    Series,
    SourceField,
    Subfield,
)
from library_app.core.validation import errors_only, validate_record
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.interchange import iso2709
from library_app.interchange.base import ReadOptions, ReadResult, WriteOptions
from library_app.interchange.marc21 import Marc21Reader, Marc21Writer, MarcXmlWriter

MARC = Path(__file__).resolve().parents[1] / "data" / "shared" / "marc"
SAMPLES = sorted((MARC / "marc21").glob("*.mrc")) + sorted(
    p for p in (MARC / "broken").glob("*.mrc") if p.name != "marc4j-incomplete_esc_seq.mrc"
)
TOO_LONG = {
    ("marc4j-bad_oversize_field_bad_directory.mrc", 2),
    ("marc4j-datos-20161010-slice.mrc", 1),
}
UTF8 = [
    "marc4j-065001035.mrc",
    "marc4j-brkrtest_UTF8.mrc",
    "marc4j-pride-and-prejudice-fixed.mrc",
    "pymarc-diacritic-utf8.mrc",
    "pymarc-utf8-leader-flag.mrc",
]
COMPARED = [
    *("title", "title_remainder", "responsibility", "contributors", "edition", "places"),
    *("publishers", "year", "extent", "scale", "series", "notes", "summary", "languages"),
    *("identifiers", "classifications", "subjects", "geographic_names", "keywords", "host"),
    *("links", "project", "funders", "parallel_titles", "material_type"),
]
COPY_TAGS = ("852", "876", "952")


def read(path: Path) -> ReadResult:
    return Marc21Reader().read(path, ReadOptions())


def records_of(path: Path) -> list[Record]:
    return [item.record for item in read(path).items if item.record is not None]


def write(records: list[Record], tmp_path: Path, name: str = "out.mrc") -> Path:
    target = io.BytesIO()
    Marc21Writer().write(records, target, WriteOptions())
    path = tmp_path / name
    path.write_bytes(target.getvalue())
    return path


def writable(path: Path) -> list[Record]:
    return [
        item.record
        for item in read(path).items
        if item.record is not None and (path.name, item.position) not in TOO_LONG
    ]


def number_copies(records: list[Record]) -> set[int]:
    """What the import service does: a copy without an inventory number, or with one another
    copy already has, gets the next free one.  Returns the records where a number was replaced
    (their copies are then written from the catalog, not from the kept fields)."""
    taken: set[str] = set()
    barcodes: set[str] = set()
    replaced: set[int] = set()
    numbers = iter(range(1, 1_000_000))
    for index, record in enumerate(records):
        for copy in record.copies:
            if copy.inventory_number in taken or copy.barcode in barcodes:
                replaced.add(index)
            if not copy.inventory_number or copy.inventory_number in taken:
                copy.inventory_number = f"T{next(numbers):06d}"
            if copy.barcode in barcodes:
                copy.barcode = ""
            taken.add(copy.inventory_number)
            barcodes.add(copy.barcode or copy.inventory_number)
    return replaced


def same_fields(before: list[Record], after: list[Record], replaced: set[int]) -> None:
    assert len(before) == len(after)
    for index, (old, new) in enumerate(zip(before, after, strict=True)):
        assert old.source is not None and new.source is not None
        skip = COPY_TAGS if index in replaced else ()
        assert [f for f in new.source.fields if f.tag not in skip] == [
            f for f in old.source.fields if f.tag not in skip
        ]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_every_record_of_every_file_comes_back_field_identical(path: Path, tmp_path: Path) -> None:
    records = writable(path)
    if not records:  # its only record is longer than ISO 2709 allows
        with pytest.raises(InputError, match="cannot be written in ISO 2709"):
            write(records_of(path), tmp_path)
        return
    again = records_of(write(records, tmp_path))
    assert len(again) == len(records)
    for before, after in zip(records, again, strict=True):
        assert before.source is not None and after.source is not None
        assert after.source.fields == before.source.fields
        assert [getattr(after, name) for name in COMPARED] == [
            getattr(before, name) for name in COMPARED
        ]


@pytest.mark.parametrize("name", UTF8)
def test_utf8_records_come_back_byte_identical_apart_from_the_leader(
    name: str, tmp_path: Path
) -> None:
    result = read(MARC / "marc21" / name)
    original, _ = iso2709.split_records((MARC / "marc21" / name).read_bytes())
    kept = [original[item.position - 1] for item in result.items if item.readable]
    records = [item.record for item in result.items if item.record is not None]
    written, _ = iso2709.split_records(write(records, tmp_path).read_bytes())
    assert [r.data[24:] for r in written] == [r.data[24:] for r in kept]
    assert all(r.data[9:10] == b"a" for r in written)


def test_records_too_long_for_iso2709_are_named_in_the_error(tmp_path: Path) -> None:
    path = MARC / "broken" / "marc4j-bad_oversize_field_bad_directory.mrc"
    records = records_of(path)
    with pytest.raises(
        InputError, match=r"record 2 \(001 .*«Muslimfeindlichkeit.*520 is 11\d+ bytes"
    ):
        write(records, tmp_path)


def test_marc_through_a_real_sqlite_catalog_comes_back_field_identical(
    sqlite_catalog: Catalog, tmp_path: Path
) -> None:
    originals: list[Record] = []
    for name in (
        "marc4j-pride-and-prejudice-fixed.mrc",
        "pymarc-rkp-cp1251.mrc",
        "marc4j-cyrillic_capital_e.mrc",
    ):
        originals += records_of(MARC / "marc21" / name)
    replaced = number_copies(originals)
    assert len(replaced) == 8  # MIT's 876 $a holds a library's name; barcodes repeat
    repository = RecordRepository(sqlite_catalog)
    loaded = repository.get_many(repository.add_many(copy_module.deepcopy(originals)))
    again = records_of(write(loaded, tmp_path))
    same_fields(originals, again, replaced)
    for index in replaced:
        numbers = [c.inventory_number for c in originals[index].copies]
        assert [c.inventory_number for c in again[index].copies] == numbers


@pytest.mark.parametrize(
    "name", ["pymarc-marc.mrc", "pymarc-rkp-cp1251.mrc", "marc4j-selectedRecs.mrc"]
)
def test_marc_through_sqlite_and_postgresql_comes_back_field_identical(
    catalog: Catalog, tmp_path: Path, name: str
) -> None:
    originals = records_of(MARC / "marc21" / name)
    replaced = number_copies(originals)
    repository = RecordRepository(catalog)
    loaded = repository.get_many(repository.add_many(copy_module.deepcopy(originals)))
    again = records_of(write(loaded, tmp_path))
    same_fields(originals, again, replaced)
    assert [r.title for r in again] == [r.title for r in originals]


def changed_tags(before: Record, after: Record) -> list[str]:
    assert before.source is not None and after.source is not None
    old, new = before.source.fields, after.source.fields
    assert len(old) == len(new)
    return [a.tag for a, b in zip(old, new, strict=True) if a != b]


@pytest.mark.parametrize(
    "name", ["pymarc-marc.mrc", "marc4j-cyrillic_capital_e.mrc", "pymarc-rkp-cp1251.mrc"]
)
def test_an_edited_title_changes_245_and_nothing_else(name: str, tmp_path: Path) -> None:
    originals = records_of(MARC / "marc21" / name)
    edited = copy_module.deepcopy(originals)
    for record in edited:
        record.title = f"{record.title} — исправлено"
    again = records_of(write(edited, tmp_path))
    assert [r.source for r in edited] == [r.source for r in originals]  # writing changes nothing
    for before, after in zip(originals, again, strict=True):
        assert changed_tags(before, after) == ["245"]
        assert after.title == f"{before.title} — исправлено"
        assert (after.title_remainder, after.responsibility) == (
            before.title_remainder,
            before.responsibility,
        )


def test_edits_to_lists_touch_only_the_fields_of_the_edited_items(tmp_path: Path) -> None:
    (original,) = records_of(MARC / "marc21" / "marc4j-cyrillic_capital_e.mrc")[:1]
    edited = copy_module.deepcopy(original)
    edited.subjects.append("Водные ресурсы")
    edited.identifiers.append(Identifier(IdentifierType.ISSN, "0378-5955"))
    (again,) = records_of(write([edited], tmp_path))
    assert again.subjects == edited.subjects
    assert again.identifiers == edited.identifiers
    assert again.source is not None and original.source is not None
    added = [f for f in again.source.fields if f not in original.source.fields]
    assert [f.tag for f in added] == ["022", "650"]
    assert [f for f in original.source.fields if f not in again.source.fields] == []
    tags = [f.tag for f in again.source.fields]
    assert tags[tags.index("022") - 1] == "020"  # after the ISBNs
    new_subject = next(i for i, f in enumerate(again.source.fields) if f is added[1])
    assert tags[new_subject - 1] == "650" and "650" not in tags[new_subject + 1 :]


def test_a_removed_contributor_takes_its_fields_with_it(tmp_path: Path) -> None:
    (original, *_) = records_of(MARC / "marc21" / "marc4j-cyrillic_capital_e.mrc")
    edited = copy_module.deepcopy(original)
    edited.contributors = []
    (again,) = records_of(write([edited], tmp_path))[:1]
    assert again.contributors == []
    assert again.source is not None
    assert not [f for f in again.source.fields if f.tag in ("100", "700")]
    assert not [
        f for f in again.source.fields if f.tag == "880" and f.subfields[0].value.startswith("100")
    ]
    assert again.title == original.title


def test_changed_year_type_and_language_are_written_to_008_and_the_leader(tmp_path: Path) -> None:
    (original, *_) = records_of(MARC / "marc21" / "pymarc-rkp-cp1251.mrc")
    edited = copy_module.deepcopy(original)
    edited.year, edited.languages, edited.material_type = (
        "2007",
        ["kaz", "rus"],
        MaterialType.REPORT,
    )
    (again,) = records_of(write([edited], tmp_path))[:1]
    assert (again.year, again.languages, again.material_type) == (
        "2007",
        ["kaz", "rus"],
        MaterialType.REPORT,
    )
    assert again.source is not None
    f008 = next(f.data for f in again.source.fields if f.tag == "008")
    assert (f008[7:11], f008[35:38]) == ("2007", "kaz")


def full_record() -> Record:
    return Record(
        title="Водные ресурсы Казахстана",
        material_type=MaterialType.REPORT,
        title_remainder="оценка и прогноз",
        parallel_titles=[ParallelTitle("Water resources of Kazakhstan")],
        responsibility="под ред. А. Б. Иванова",
        contributors=[
            Contributor("Иванов", "А. Б.", ContributorRole.EDITOR, "Ivanov, A. B."),
            Contributor("Абдуллаев", "Сапар", ContributorRole.AUTHOR),
            Contributor("ПРООН", "", ContributorRole.ISSUING_BODY),
            Contributor("Институт географии", "", ContributorRole.CORPORATE_AUTHOR),
            Contributor("Семинар по Аралу (2 ; 2004 ; Алматы)", "", ContributorRole.MEETING),
            Contributor("Smith", "John", ContributorRole.TRANSLATOR),
            Contributor("Петрова", "Е.", ContributorRole.COMPILER),
        ],
        edition="2-е изд., испр.",
        places=["Алматы", "Бишкек"],
        publishers=["Бастау"],
        year="[2005?]",
        extent=Extent("312 с.", "ил., карты", "21 см"),
        scale="1:1 000 000",
        series=[Series("Труды Института географии", "вып. 5"), Series("Аральское море")],
        notes=["Текст парал. рус., каз.", "Библиогр.: с. 300-311"],
        summary="Обзор водных ресурсов.\nВторой абзац.",
        languages=["rus", "kaz", "eng"],
        identifiers=[
            Identifier(IdentifierType.ISBN, "9785020331525", "в пер."),
            Identifier(IdentifierType.ISSN, "0378-5955"),
            Identifier(IdentifierType.DOI, "10.1016/j.ecolind.2019.01.001"),
            Identifier(IdentifierType.LOCAL, "KZ-17", "CAREC"),
        ],
        classifications=[
            Classification(ClassificationScheme.UDC, "556.18(574)"),
            Classification(ClassificationScheme.BBK, "26.22"),
            Classification(ClassificationScheme.LOCAL, "W-3"),
        ],
        subjects=["Водные ресурсы -- Казахстан -- Охрана", "Экология"],
        geographic_names=["Аральское море"],
        keywords=["засуха", "опустынивание"],
        host=HostItem("Гидрометеорология и экология", "2005", "5", "2", "45-58"),
        links=[OnlineLink("https://www.carececo.org/report.pdf", note="Полный текст")],
        project="KAZ/00/G41",
        funders=["UNDP", "GEF"],
        control_number="KZ-000017",
        control_source="KzAlNB",
        copies=[
            Copy("000123", "KZ0001", "Читальный зал", "26.22 В62", CopyStatus.ON_LOAN),
            Copy(
                "000124",
                location="Хранение",
                acquired_on=dt.date(2006, 3, 1),
                source=AcquisitionSource.GIFT,
                price=Decimal("1500.00"),
                currency="KZT",
                note="дар автора",
            ),
        ],
        updated_at=dt.datetime(2024, 5, 6, 7, 8, 9, tzinfo=dt.UTC),
    )


def copy_keys(record: Record) -> list[tuple]:
    return [
        (
            c.inventory_number,
            c.barcode,
            c.location,
            c.shelf_mark,
            c.status,
            c.acquired_on,
            c.source,
            c.price,
            c.currency,
            c.note,
        )
        for c in record.copies
    ]


@pytest.mark.parametrize("kind", list(MaterialType))
def test_a_record_typed_here_comes_back_from_marc21_as_it_was(
    kind: MaterialType, tmp_path: Path
) -> None:
    record = full_record()
    record.material_type = kind
    if kind != MaterialType.ARTICLE:
        record.host = None
    assert not errors_only(validate_record(record))
    (again,) = records_of(write([record], tmp_path))
    assert [getattr(again, name) for name in COMPARED] == [
        getattr(record, name) for name in COMPARED
    ]
    assert (again.control_number, again.control_source) == (
        record.control_number,
        record.control_source,
    )
    assert copy_keys(again) == copy_keys(record)
    assert again.source is not None
    assert next(f.data for f in again.source.fields if f.tag == "005") == "20240506070809.0"


def test_every_sample_record_without_its_source_comes_back_the_same(tmp_path: Path) -> None:
    originals: list[Record] = []
    for path in SAMPLES:
        originals += writable(path)
    bare = copy_module.deepcopy(originals)
    for record in bare:
        record.source = None
    again = records_of(write(bare, tmp_path))
    assert len(again) == len(originals)
    for before, after in zip(originals, again, strict=True):
        if before.material_type == MaterialType.ARTICLE and before.host is None:
            continue  # MARC21 knows an article by its 773
        assert [getattr(after, name) for name in COMPARED] == [
            getattr(before, name) for name in COMPARED
        ]
        assert copy_keys(after) == copy_keys(before)


def test_generated_records_get_their_number_and_a_full_leader(tmp_path: Path) -> None:
    record = Record(title="Без номера", year="2020", languages=["kaz"], id=42)
    (again,) = records_of(write([record], tmp_path))
    assert again.control_number == "42"
    assert again.source is not None
    assert again.source.leader[5:10] == "nam a" and again.source.leader[18] == "i"
    assert [f.tag for f in again.source.fields] == ["001", "005", "008", "245", "260"]
    f008 = again.source.fields[2].data
    assert (len(f008), f008[6:15], f008[35:38], f008[29]) == (40, "s2020    ", "kaz", "0")
    f245 = again.source.fields[3]
    assert f245 == SourceField("245", "00", [Subfield("a", "Без номера.")])


def test_a_record_imported_from_rusmarc_is_written_as_full_marc21(tmp_path: Path) -> None:
    record = full_record()
    record.source = copy_module.deepcopy(records_of(MARC / "marc21" / "pymarc-test.mrc")[0].source)
    assert record.source is not None
    record.source.format = "rusmarc"
    (again,) = records_of(write([record], tmp_path))
    assert again.title == record.title and again.contributors == record.contributors


def test_another_marc_library_reads_what_we_write(tmp_path: Path) -> None:
    ours = [*records_of(MARC / "marc21" / "pymarc-rkp-cp1251.mrc"), full_record()]
    found = list(pymarc.MARCReader(write(ours, tmp_path).read_bytes(), to_unicode=True))
    assert [r["245"]["a"] for r in found] == [
        "Основы гидравлического расчета инженерных сетей",
        "Психологический тренинг с подростками",
        "Управление проектно-строительным процессом",
        "Экономика строительства",
        "Мио, мой Мио!",
        "Нелинейные системы: геометрические методы анализа и синтеза",
        "Водные ресурсы Казахстана :",
    ]
    xml = io.BytesIO()
    MarcXmlWriter().write(ours, xml, WriteOptions())
    xml.seek(0)
    assert [r["001"].data for r in parse_xml_to_array(xml)] == [r["001"].data for r in found]


def test_a_links_access_date_survives_a_marc_round_trip(tmp_path: Path) -> None:
    link = OnlineLink("https://carececo.org/r.pdf", dt.date(2024, 3, 12), "Полный текст")
    record = Record("Водные ресурсы", year="2024", links=[link])
    (back,) = records_of(write([record], tmp_path))
    assert back.links == [link]
