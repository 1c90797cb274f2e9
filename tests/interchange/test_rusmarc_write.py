"""Writing RUSMARC: imported records come back field for field; edits touch only their fields;
records typed here get a complete RUSMARC record."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
from decimal import Decimal
from pathlib import Path

import pytest

from library_app.core.model import (
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
    SourceRecord,
    Subfield,
)
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.interchange import iso2709
from library_app.interchange.base import ReadOptions, WriteOptions
from library_app.interchange.rusmarc import RusmarcReader, RusmarcWriter

RUSMARC = Path(__file__).resolve().parents[1] / "data" / "shared" / "marc" / "rusmarc"
IRBIS = Path(__file__).resolve().parent / "data" / "rusmarc-irbis-mixed.iso"
SAMPLES = [*sorted(RUSMARC.iterdir()), IRBIS]
NLR = RUSMARC / "rusmarc-nlr-cp1251.iso"
WHEN = dt.datetime(2024, 5, 6, 7, 8, 9)


def read_records(path: Path) -> list[Record]:
    result = RusmarcReader().read(path, ReadOptions())
    return [item.record for item in result.items if item.record is not None]


def write(records: list[Record]) -> bytes:
    target = io.BytesIO()
    RusmarcWriter().write(iter(records), target, WriteOptions())
    return target.getvalue()


def write_and_read(tmp_path: Path, records: list[Record]) -> list[Record]:
    path = tmp_path / "out.iso"
    path.write_bytes(write(records))
    result = RusmarcReader().read(path, ReadOptions())
    assert result.encoding == "utf-8"
    assert all(item.readable for item in result.items)
    return [item.record for item in result.items]


def comparable(source: SourceRecord) -> list[tuple]:
    """Fields as (tag, indicators, subfields, data); 100/26-29 (character set) is left out
    because the writer writes UTF-8 and says so there, whatever the input's encoding was."""
    rows = []
    for f in source.fields:
        subs = [(s.code, s.value) for s in f.subfields]
        if f.tag == "100":
            subs = [(c, v[:26] + "····" + v[30:] if c == "a" else v) for c, v in subs]
        rows.append((f.tag, f.indicators, subs, f.data))
    return rows


def changed_fields(before: SourceRecord, after: SourceRecord) -> list[str]:
    old, new = comparable(before), comparable(after)
    return sorted(
        {row[0] for row in old if row not in new} | {row[0] for row in new if row not in old}
    )


def field(record: Record, tag: str) -> list[SourceField]:
    assert record.source is not None
    return [f for f in record.source.fields if f.tag == tag]


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_sample_records_come_back_field_identical(tmp_path: Path, path: Path) -> None:
    records = read_records(path)
    again = write_and_read(tmp_path, records)
    assert len(again) == len(records)
    for before, after in zip(records, again, strict=True):
        assert comparable(after.source) == comparable(before.source)
        assert after.source.leader[5:9] == before.source.leader[5:9]
        assert after.source.leader[17:24] == before.source.leader[17:24]


def test_written_records_declare_utf8_in_field_100(tmp_path: Path) -> None:
    (record,) = read_records(RUSMARC / "rusmarc-nlr-cp1251-single.iso")
    (again,) = write_and_read(tmp_path, [record])
    general = field(again, "100")[0].subfields[0].value
    assert general[26:30] == "50  "
    assert general[:26] == field(record, "100")[0].subfields[0].value[:26]


def test_sample_records_survive_the_catalog_field_identical(
    tmp_path: Path, catalog: Catalog
) -> None:
    originals = [r for path in SAMPLES for r in read_records(path)]
    expected = [comparable(r.source) for r in originals]
    for number, copy in enumerate(c for r in originals for c in r.copies if not c.inventory_number):
        copy.inventory_number = f"T-{number + 1}"  # as the import service numbers them
    repository = RecordRepository(catalog)
    ids = repository.add_many(originals)
    loaded = repository.get_many(ids)
    assert len(loaded) == len(originals) == 86
    again = write_and_read(tmp_path, loaded)
    assert [comparable(r.source) for r in again] == expected


def test_edited_title_rewrites_only_200_and_the_change_date(tmp_path: Path) -> None:
    record = read_records(NLR)[26]
    original = record.source
    record.title = "Наталкинское месторождение золота"
    record.updated_at = WHEN
    (again,) = write_and_read(tmp_path, [record])
    assert changed_fields(original, again.source) == ["005", "200"]
    assert field(again, "005")[0].data == "20240506070809.0"
    title = field(again, "200")[0]
    assert title.indicators == "1 "
    assert [s.code for s in title.subfields] == [s.code for s in field(record, "200")[0].subfields]
    assert title.subfields[0] == Subfield("a", "Наталкинское месторождение золота")
    assert again.title == record.title
    assert again.parallel_titles == record.parallel_titles


def test_added_subject_keeps_the_authority_controlled_headings(tmp_path: Path) -> None:
    record = read_records(NLR)[15]
    kept = field(record, "606")
    record.subjects.append("Образовательные учреждения -- Финансы")
    (again,) = write_and_read(tmp_path, [record])
    headings = field(again, "606")
    assert headings[:2] == kept  # with their $3 authority numbers and $2 nlr-sh
    assert headings[2] == SourceField(
        "606", "0 ", [Subfield("a", "Образовательные учреждения"), Subfield("x", "Финансы")]
    )
    assert again.subjects == record.subjects
    assert changed_fields(record.source, again.source) == ["005", "606"]


def test_removed_author_leaves_the_other_name_fields_alone(tmp_path: Path) -> None:
    record = read_records(NLR)[26]
    authors = field(record, "701")
    del record.contributors[1]
    (again,) = write_and_read(tmp_path, [record])
    assert field(again, "700") == field(record, "700")
    assert field(again, "701") == [authors[1]]
    assert again.contributors == record.contributors


def test_changed_role_moves_a_person_to_702_with_a_relator_code(tmp_path: Path) -> None:
    record = read_records(NLR)[26]
    record.contributors[2].role = ContributorRole.EDITOR
    (again,) = write_and_read(tmp_path, [record])
    assert again.contributors == record.contributors
    assert field(again, "702") == [
        SourceField(
            "702",
            " 1",
            [
                Subfield("a", "Сидоров"),
                Subfield("b", "В. А."),
                Subfield("g", "Виктор Анатольевич"),
                Subfield("4", "340"),
            ],
        )
    ]


def irbis_file(tmp_path: Path) -> Path:
    """An IRBIS-style record with two copies in 910 (^U: the accession register entry)."""
    source = SourceRecord(
        "rusmarc",
        "     nam0 22        450 ",
        [
            SourceField("001", data="irbis-77"),
            SourceField("200", "1 ", [Subfield("a", "Водные ресурсы Казахстана")]),
            SourceField("210", "  ", [Subfield("d", "2019")]),
            SourceField(
                "910",
                "  ",
                [
                    Subfield("a", "0"),
                    Subfield("b", "100"),
                    Subfield("d", "Абонемент"),
                    Subfield("u", "2019/12"),
                ],
            ),
            SourceField(
                "910", "  ", [Subfield("a", "5"), Subfield("b", "101"), Subfield("d", "ЧЗ")]
            ),
        ],
    )
    path = tmp_path / "irbis.iso"
    path.write_bytes(iso2709.encode_record(source, leader_utf8=False))
    return path


def test_changed_copy_status_patches_only_that_910(tmp_path: Path) -> None:
    (record,) = read_records(irbis_file(tmp_path))
    record.copies[0].status = CopyStatus.ON_LOAN
    record.copies.append(
        Copy(
            "102",
            barcode="000102",
            location="ЧЗ",
            acquired_on=dt.date(2024, 1, 31),
            price=Decimal("1200.00"),
        )
    )
    (again,) = write_and_read(tmp_path, [record])
    first, second, new = field(again, "910")
    assert first.subfields == [
        Subfield("a", "1"),
        Subfield("b", "100"),
        Subfield("d", "Абонемент"),
        Subfield("u", "2019/12"),
    ]
    assert second == field(record, "910")[1]  # status «5» (not lent) survives untouched
    assert new.subfields == [
        Subfield("a", "0"),
        Subfield("b", "102"),
        Subfield("c", "20240131"),
        Subfield("d", "ЧЗ"),
        Subfield("e", "1200.00"),
        Subfield("h", "000102"),
    ]
    assert [(c.inventory_number, c.status) for c in again.copies] == [
        ("100", CopyStatus.ON_LOAN),
        ("101", CopyStatus.AVAILABLE),
        ("102", CopyStatus.AVAILABLE),
    ]


def test_changed_year_rewrites_210_and_the_dates_in_100(tmp_path: Path) -> None:
    record = read_records(NLR)[26]
    record.year = "2003"
    (again,) = write_and_read(tmp_path, [record])
    assert again.year == "2003"
    assert field(again, "210")[0].subfields[-1] == Subfield("d", "2003")
    assert field(again, "100")[0].subfields[0].value[8:13] == "d2003"


def test_changed_material_type_updates_the_leader_and_coded_data(tmp_path: Path) -> None:
    record = read_records(NLR)[26]
    record.material_type = MaterialType.REPORT
    (again,) = write_and_read(tmp_path, [record])
    assert again.material_type == MaterialType.REPORT
    assert field(again, "105")[0].subfields[0].value[4] == "p"
    record.material_type = MaterialType.MAP
    (again,) = write_and_read(tmp_path, [record])
    assert again.source.leader[6:8] == "em" and again.material_type == MaterialType.MAP


def test_thesis_without_coded_data_gets_a_105(tmp_path: Path) -> None:
    (record,) = read_records(RUSMARC / "pymarc-unimarc-italian.mrc")
    record.material_type = MaterialType.THESIS
    (again,) = write_and_read(tmp_path, [record])
    assert again.material_type == MaterialType.THESIS
    assert field(again, "105")[0].subfields[0].value[4] == "m"
    assert [f.tag for f in again.source.fields][:7] == [
        "001",
        "005",
        "010",
        "100",
        "101",
        "102",
        "105",
    ]


def test_changed_host_of_an_article_rewrites_463(tmp_path: Path) -> None:
    record = full_record()
    (imported,) = write_and_read(tmp_path, [record])
    imported.host = HostItem("Вестник КазНУ. Серия экологическая", "2021", "", "2", "10-17")
    (again,) = write_and_read(tmp_path, [imported])
    assert again.host == imported.host
    assert changed_fields(imported.source, again.source) == ["005", "463"]


def full_record() -> Record:
    return Record(
        title="Мониторинг качества воды в бассейне Аральского моря",
        material_type=MaterialType.ARTICLE,
        title_remainder="результаты 2015-2020 гг.",
        parallel_titles=[ParallelTitle("Water quality monitoring in the Aral Sea basin", "eng")],
        responsibility="А. Б. Исаева, Д. Т. Каримов ; под ред. С. Нурланова",
        contributors=[
            Contributor("Исаева", "Айгуль Болатовна", ContributorRole.AUTHOR),
            Contributor("Каримов", "Д. Т.", ContributorRole.AUTHOR),
            Contributor("Нурланов", "С.", ContributorRole.EDITOR),
            Contributor("Smith", "J.", ContributorRole.TRANSLATOR),
            Contributor("Институт водных проблем", "", ContributorRole.ISSUING_BODY),
        ],
        edition="2-е изд.",
        places=["Алматы"],
        publishers=["Қазақ университеті"],
        year="2021",
        extent=Extent("С. 45-58", "ил., карты", "29 см"),
        series=[Series("Экология Центральной Азии", "5")],
        notes=["Библиогр.: с. 57-58", "Рез. на англ. яз."],
        summary="Обобщены данные наблюдений за минерализацией воды.",
        languages=["rus", "kaz"],
        identifiers=[
            Identifier(IdentifierType.ISBN, "9785991616621", "в пер."),
            Identifier(IdentifierType.ISSN, "1563-0234"),
            Identifier(IdentifierType.DOI, "10.26577/eb.2021.v1.i2"),
        ],
        classifications=[
            Classification(ClassificationScheme.UDC, "556.5(574)"),
            Classification(ClassificationScheme.BBK, "26.222"),
            Classification(ClassificationScheme.LOCAL, "Э-12"),
        ],
        subjects=["Водные ресурсы -- Охрана -- Казахстан", "Аральское море"],
        geographic_names=["Аральское море"],
        keywords=["минерализация", "мониторинг"],
        host=HostItem("Вестник КазНУ", "2021", "12", "3", "45-58"),
        links=[OnlineLink("https://example.org/aral.pdf", None, "полный текст")],
        control_number="kz-eco-1",
        copies=[
            Copy(
                "1001",
                barcode="20001001",
                location="Абонемент",
                shelf_mark="Э 26/И-85",
                acquired_on=dt.date(2022, 3, 1),
                price=Decimal("2500.00"),
            ),
            Copy("1002", location="ЧЗ", status=CopyStatus.ON_LOAN),
            Copy("1003", status=CopyStatus.WRITTEN_OFF),
        ],
        created_at=WHEN,
        updated_at=WHEN,
    )


def test_record_typed_here_comes_back_from_rusmarc_unchanged(tmp_path: Path) -> None:
    record = full_record()
    (again,) = write_and_read(tmp_path, [record])
    assert again.source is not None
    wanted = dataclasses.replace(record, source=again.source, created_at=None, updated_at=None)
    assert again == wanted


@pytest.mark.parametrize(
    "material",
    [
        MaterialType.BOOK,
        MaterialType.THESIS,
        MaterialType.REPORT,
        MaterialType.PROCEEDINGS,
        MaterialType.STANDARD,
        MaterialType.SERIAL,
        MaterialType.MAP,
        MaterialType.ELECTRONIC,
        MaterialType.AUDIOVISUAL,
    ],
)
def test_material_type_survives_generated_rusmarc(tmp_path: Path, material: MaterialType) -> None:
    record = Record(title="Карта почв", material_type=material, year="1999")
    (again,) = write_and_read(tmp_path, [record])
    assert again.material_type == material


def test_generated_record_has_leader_control_and_coded_fields(tmp_path: Path) -> None:
    data = write([full_record()])
    assert data[5:10] == b"naa  "
    assert data[20:24] == b"450 "
    (again,) = write_and_read(tmp_path, [full_record()])
    tags = [f.tag for f in again.source.fields]
    assert tags[:7] == ["001", "005", "010", "011", "017", "100", "101"]
    assert field(again, "005")[0].data == "20240506070809.0"
    general = field(again, "100")[0].subfields[0].value
    assert (general[:17], general[22:30], general[34:36]) == ("20240506d2021    ", "rusy50  ", "ca")
    assert field(again, "700")[0].subfields == [
        Subfield("a", "Исаева"),
        Subfield("b", "А. Б."),
        Subfield("g", "Айгуль Болатовна"),
        Subfield("4", "070"),
    ]
    assert field(again, "712")[0] == SourceField(
        "712", "02", [Subfield("a", "Институт водных проблем"), Subfield("4", "570")]
    )
    assert field(again, "686")[0].subfields == [Subfield("a", "26.222"), Subfield("2", "rubbk")]


def test_record_imported_from_marc21_is_written_from_the_model(tmp_path: Path) -> None:
    marc = SourceRecord(
        "marc21",
        "00000nam a2200000 a 4500",
        [SourceField("245", "10", [Subfield("a", "A MARC title")])],
    )
    record = Record(title="A MARC title", year="2001", source=marc)
    (again,) = write_and_read(tmp_path, [record])
    assert again.title == "A MARC title" and again.year == "2001"
    assert [f.tag for f in again.source.fields] == ["005", "100", "200", "210"]


def test_very_long_summary_is_split_over_several_330_fields(tmp_path: Path) -> None:
    summary = " ".join(["Экологический мониторинг водных ресурсов Центральной Азии."] * 300)
    record = Record(title="Отчёт", summary=summary)
    (again,) = write_and_read(tmp_path, [record])
    parts = field(again, "330")
    assert len(parts) >= 3
    assert "".join(f.subfields[0].value for f in parts) == summary
