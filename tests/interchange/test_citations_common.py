"""Helpers shared by the citation-format tests (RIS, BibTeX, CSL-JSON), and the tests that
concern all three: registry, sniffing each other's files, Cyrillic round trips."""

from __future__ import annotations

import datetime as dt
import io
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from library_app.core.errors import Cancelled, InputError
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
from library_app.core.serialization import record_to_dict
from library_app.core.validation import Severity as CheckSeverity
from library_app.core.validation import validate_record
from library_app.interchange.base import (
    FormatError,
    Reader,
    ReadOptions,
    ReadResult,
    Severity,
    WriteOptions,
    Writer,
)
from library_app.interchange.formats import format_by_id

SHARED = Path(__file__).resolve().parents[1] / "data" / "shared" / "citations"
FIXTURES = Path(__file__).resolve().parent / "data" / "citations"


def read_bytes(reader: Reader, data: bytes, options: ReadOptions | None = None) -> ReadResult:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input"
        path.write_bytes(data)
        return reader.read(path, options or ReadOptions())


def write_bytes(
    writer: Writer, records: list[Record], options: WriteOptions | None = None
) -> bytes:
    target = io.BytesIO()
    writer.write(iter(records), target, options or WriteOptions())
    return target.getvalue()


def never_crashes(reader: Reader, data: bytes) -> None:
    """What the fuzz tests demand: FormatError or a result whose records are all valid."""
    try:
        result = read_bytes(reader, data)
    except FormatError:
        return
    for item in result.items:
        if item.record is None:
            assert any(p.severity == Severity.ERROR for p in item.problems)
        else:
            errors = [p for p in validate_record(item.record) if p.severity == CheckSeverity.ERROR]
            assert errors == [], errors


def messages(result: ReadResult) -> list[str]:
    return [str(p) for item in result.items for p in item.problems] + [
        str(p) for p in result.problems
    ]


def cyrillic_book() -> Record:
    return Record(
        title="Ландшафты Казахстана",
        title_remainder="сборник научных трудов",
        material_type=MaterialType.BOOK,
        contributors=[
            Contributor("Иванов", "И. И."),
            Contributor("Абдуллаева", "Гульнара Т."),
            Contributor("Институт географии", role=ContributorRole.CORPORATE_AUTHOR),
            Contributor("Petrov", "P.", role=ContributorRole.EDITOR),
            Contributor("Smith", "John, Jr.", role=ContributorRole.TRANSLATOR),
        ],
        edition="2-е изд., перераб.",
        places=["Алматы"],
        publishers=["Ғылым"],
        year="2005",
        extent=Extent(pages="312 с."),
        series=[Series("Труды Института географии", "5")],
        notes=["Библиогр.: с. 300-310"],
        summary="Описаны ландшафты Казахстана.\nВторой абзац аннотации.",
        languages=["rus"],
        identifiers=[Identifier(IdentifierType.ISBN, "9785020331525")],
        keywords=["ландшафты", "Казахстан"],
        links=[OnlineLink("https://example.org/landscapes?id=5&a=b_c", dt.date(2020, 5, 1))],
    )


def journal_article() -> Record:
    return Record(
        title="Солёность Аральского моря",
        title_remainder="обзор",
        material_type=MaterialType.ARTICLE,
        contributors=[Contributor("Müller", "Jörg"), Contributor("Қасымов", "Ә. Б.")],
        year="2010",
        host=HostItem("Вестник КазНУ. Серия географическая", "2010", "12", "3", "45-58"),
        identifiers=[
            Identifier(IdentifierType.ISSN, "1563-0331"),
            Identifier(IdentifierType.DOI, "10.1016/0003-4843(90)90029-3"),
        ],
        languages=["rus"],
    )


def people(record: Record) -> list[tuple[str, str, ContributorRole]]:
    return [(c.name, c.forenames, c.role) for c in record.contributors]


# ---------------------------------------------------------------------------------------------
# tests that concern all three formats


FORMATS = ("ris", "bibtex", "csljson")


def reader_of(format_id: str) -> Reader:
    return format_by_id(format_id).reader_class()()


def writer_of(format_id: str) -> Writer:
    return format_by_id(format_id).writer_class()()


def round_trip(format_id: str, records: list[Record]) -> ReadResult:
    return read_bytes(reader_of(format_id), write_bytes(writer_of(format_id), records))


def test_the_registry_finds_all_six_classes() -> None:
    for format_id in FORMATS:
        info = format_by_id(format_id)
        assert info.reader_class().format_id == format_id
        assert info.writer_class().format_id == format_id


@pytest.mark.parametrize("format_id", FORMATS)
def test_each_format_recognises_only_its_own_files(format_id: str) -> None:
    data = write_bytes(writer_of(format_id), [cyrillic_book(), journal_article()])
    scores = {f: format_by_id(f).reader_class().sniff(data) for f in FORMATS}
    assert scores[format_id] >= 80
    assert [f for f, score in scores.items() if score > 0] == [format_id]


@pytest.mark.parametrize(
    "head",
    [
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n",
        b"\x00\x01\x02\x03TY  - BOOK\r\n",
        b"PK\x03\x04\x14\x00\x06\x00",
        b"00714cam a2200205 a 4500001001300000",
        b"title,author,year\nA,B,2001\n",
    ],
)
def test_no_citation_format_claims_binary_or_foreign_data(head: bytes) -> None:
    for format_id in FORMATS:
        assert format_by_id(format_id).reader_class().sniff(head) == 0


def test_a_json_export_of_our_own_records_is_not_taken_for_csl_json() -> None:
    data = json.dumps([record_to_dict(cyrillic_book())], ensure_ascii=False).encode()
    reader = reader_of("csljson")
    assert reader.sniff(data) == 0
    with pytest.raises(FormatError, match="not CSL-JSON"):
        read_bytes(reader, data)


@pytest.mark.parametrize("format_id", FORMATS)
def test_cyrillic_people_come_back_exactly(format_id: str) -> None:
    result = round_trip(format_id, [cyrillic_book()])
    (item,) = result.items
    assert item.record is not None, item.problems
    assert people(item.record) == people(cyrillic_book())
    assert item.problems == []


@pytest.mark.parametrize("format_id", FORMATS)
def test_a_book_round_trips_field_by_field(format_id: str) -> None:
    original = cyrillic_book()
    (item,) = round_trip(format_id, [original]).items
    assert item.record is not None
    got, want = record_to_dict(item.record), record_to_dict(original)
    for field in (
        "title", "title_remainder", "material_type", "edition", "places", "publishers", "year",
        "extent", "series", "identifiers", "languages", "keywords", "links", "notes",
    ):  # fmt: skip
        assert got[field] == want[field], field
    assert " ".join(got["summary"].split()) == " ".join(want["summary"].split())


@pytest.mark.parametrize("format_id", FORMATS)
def test_an_article_keeps_its_host_item(format_id: str) -> None:
    (item,) = round_trip(format_id, [journal_article()]).items
    assert item.record is not None
    assert item.record.material_type == MaterialType.ARTICLE
    assert item.record.host == journal_article().host
    assert item.record.identifiers == journal_article().identifiers
    assert (item.record.title, item.record.title_remainder) == (
        "Солёность Аральского моря",
        "обзор",
    )


@pytest.mark.parametrize("format_id", FORMATS)
def test_a_chapter_stays_a_part_of_its_book(format_id: str) -> None:
    chapter = Record(
        title="Пыльные бури",
        material_type=MaterialType.ARTICLE,
        contributors=[Contributor("Сидоров", "С. С.")],
        year="2011",
        places=["Алматы"],
        publishers=["Ғылым"],
        host=HostItem("Аральское море и Приаралье", "2011", pages="5-17"),
    )
    data = write_bytes(writer_of(format_id), [chapter]).decode()
    assert {"ris": "TY  - CHAP", "bibtex": "@incollection{", "csljson": '"chapter"'}[
        format_id
    ] in data
    (item,) = read_bytes(reader_of(format_id), data.encode()).items
    assert item.record is not None
    assert item.record.host == chapter.host
    assert item.record.publishers == ["Ғылым"]


@pytest.mark.parametrize("format_id", FORMATS)
@pytest.mark.parametrize("material", list(MaterialType))
def test_every_material_type_survives_a_round_trip(format_id: str, material: MaterialType) -> None:
    record = Record(title="Водные ресурсы", material_type=material, year="2001")
    if material == MaterialType.ARTICLE:
        record.host = HostItem("Гидрометеорология и экология", "2001", "2")
    if material == MaterialType.REPORT:
        record.contributors = [Contributor("МКВК", role=ContributorRole.ISSUING_BODY)]
    (item,) = round_trip(format_id, [record]).items
    assert item.record is not None, item.problems
    assert item.record.material_type == material
    assert [p for p in item.problems if p.severity == Severity.WARNING] == []


@pytest.mark.parametrize("format_id", FORMATS)
def test_writers_write_each_record_before_asking_for_the_next(format_id: str) -> None:
    target = io.BytesIO()
    sizes: list[int] = []

    def records() -> Iterator[Record]:
        for record in (cyrillic_book(), journal_article()):
            yield record
            sizes.append(len(target.getvalue()))

    writer_of(format_id).write(records(), target, WriteOptions())
    assert sizes[0] > 0 and sizes[1] > sizes[0]


@pytest.mark.parametrize("format_id", ["ris", "bibtex"])
def test_text_writers_honour_the_encoding_and_refuse_what_it_cannot_hold(format_id: str) -> None:
    russian = journal_article()
    russian.contributors = [Contributor("Иванов", "И. И.")]
    data = write_bytes(writer_of(format_id), [russian], WriteOptions(encoding="cp1251"))
    assert "Иванов".encode("cp1251") in data
    result = read_bytes(reader_of(format_id), data)
    assert result.encoding == "cp1251"
    record = result.items[0].record
    assert record is not None and people(record) == people(russian)
    with pytest.raises(InputError, match="cannot be written in cp1251"):
        write_bytes(writer_of(format_id), [cyrillic_book()], WriteOptions(encoding="cp1251"))


@pytest.mark.parametrize("format_id", FORMATS)
def test_reading_can_be_cancelled_and_reports_progress(format_id: str) -> None:
    data = write_bytes(writer_of(format_id), [cyrillic_book()] * 3)
    seen: list[tuple[int, int]] = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "input"
        path.write_bytes(data)
        reader_of(format_id).read(path, ReadOptions(), progress=lambda d, t: seen.append((d, t)))
        assert seen[-1] == (3, 3)
        with pytest.raises(Cancelled):
            reader_of(format_id).read(path, ReadOptions(), is_cancelled=lambda: True)


@pytest.mark.parametrize("format_id", FORMATS)
def test_an_invalid_isbn_is_a_warning_and_is_left_out(format_id: str) -> None:
    record = cyrillic_book()
    record.identifiers = [Identifier(IdentifierType.ISBN, "978-5-02-033152-9")]
    (item,) = round_trip(format_id, [record]).items
    assert item.record is not None
    assert item.record.identifiers == []
    (warning,) = [p for p in item.problems if "ISBN" in p.message]
    assert warning.severity == Severity.WARNING
    assert "check digit should be 5" in warning.message
    assert warning.position == 1 and warning.where


@pytest.mark.parametrize("format_id", FORMATS)
@pytest.mark.parametrize("year", ["2005", "[2005?]", "1998-2003", "[б. г.]"])
def test_years_come_back_as_catalogued(format_id: str, year: str) -> None:
    (item,) = round_trip(format_id, [Record(title="Водные ресурсы", year=year)]).items
    assert item.record is not None and item.record.year == year
