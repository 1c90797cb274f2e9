"""RIS: the real files from rispy (numbered records, a BOM, Russian text), a partner's damaged
CP1251 file, the written form, and random input."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from library_app.core.model import ContributorRole, HostItem, MaterialType
from library_app.interchange.base import FormatError, ReadOptions, ReadResult, Severity
from library_app.interchange.ris import RisReader, RisWriter
from tests.interchange.test_citations_common import (
    FIXTURES,
    SHARED,
    cyrillic_book,
    journal_article,
    never_crashes,
    people,
    read_bytes,
    write_bytes,
)


def read(name: str, options: ReadOptions | None = None) -> ReadResult:
    folder = FIXTURES if name.startswith("partner") else SHARED
    return RisReader().read(folder / name, options or ReadOptions())


def test_numbered_records_with_repeated_tags_are_read() -> None:
    result = read("rispy-example_full.ris")
    assert [item.position for item in result.items] == [1, 2]
    assert result.problems == []  # the "1." before each record is an export habit, not junk
    first = result.items[0].record
    assert first is not None
    assert first.title == "Title of reference"
    assert people(first) == [
        ("Marx", "Karl", ContributorRole.AUTHOR),
        ("Lindgren", "Astrid", ContributorRole.AUTHOR),
        ("Glattauer", "Daniel", ContributorRole.EDITOR),
    ]
    assert first.year == "2014"  # "2014//"
    assert first.keywords == ["Pippi", "Nordwind", "Piraten"]
    assert first.host == HostItem("Lorem", "2014", "9", "3", "e0815")
    assert (first.places, first.publishers) == (["United States"], ["Fun Factory"])
    assert [link.url for link in first.links] == ["http://example_url.com", "http://example.com"]
    assert first.summary.startswith("BACKGROUND: Lorem ipsum")


def test_a_bad_issn_is_reported_with_its_line_and_left_out() -> None:
    result = read("rispy-example_full.ris")
    first = result.items[0]
    assert first.record is not None and first.record.identifiers == []
    (problem,) = [p for p in first.problems if "ISSN" in p.message]
    assert str(problem) == (
        "record 1, line 20 (SN): ISSN 1932-6208: check digit should be 3; left out"
    )
    assert problem.severity == Severity.WARNING


def test_tags_without_a_catalog_field_are_named_once_per_record() -> None:
    first = read("rispy-example_full.ris").items[0]
    (problem,) = [p for p in first.problems if "not imported" in p.message]
    assert "ID (reference number)" in problem.message and "M1" in problem.message


def test_russian_text_behind_a_bom_and_a_long_type_name() -> None:
    result = read("rispy-example_utf_chars.ris")
    assert result.encoding == "utf-8-sig"
    (item,) = result.items
    record = item.record
    assert record is not None and item.problems == []
    assert record.material_type == MaterialType.ARTICLE  # "TY  - Journal Article"
    assert record.title.startswith("Состояние рецепторного аппарата эндометрия")
    assert record.summary.splitlines()[1].startswith("The state of the receptor")
    assert record.host == HostItem(
        "Gynecology, Obstetrics and Perinatology", "2009", "8", "3", "52-57"
    )
    assert record.notes == ["Ä,Ö,Ü,ä,ö,ü,ß"]
    assert people(record)[0] == ("Dobrokhotova", "Yu E.", ContributorRole.AUTHOR)


def test_a_record_without_a_title_is_an_error_item() -> None:
    result = read("rispy-example_bom.ris")
    (item,) = result.items
    assert item.record is None
    assert [str(p) for p in item.problems] == ["record 1, line 1: the entry has no title"]


def test_a_damaged_cp1251_file_is_read_with_every_repair_reported() -> None:
    result = read("partner-cp1251.ris")
    assert result.encoding == "cp1251"
    assert [str(p) for p in result.problems] == [
        "line 1: text outside a record (before TY) was skipped",
        "line 16: text outside a record (before TY) was skipped",
    ]
    report, unknown, unfinished = result.items
    assert report.record is not None
    assert report.record.material_type == MaterialType.REPORT
    assert report.record.title_remainder == "аналитический доклад"
    assert people(report.record) == [
        ("Иванов", "И. И.", ContributorRole.AUTHOR),
        ("Научно-информационный центр МКВК", "", ContributorRole.CORPORATE_AUTHOR),
    ]
    assert report.record.languages == ["rus"]
    assert report.record.keywords == ["Аральское море", "водные ресурсы"]
    assert report.record.summary == "Первая строка аннотации\nвторая строка аннотации"
    assert [str(p) for p in report.problems] == [
        "record 1, line 10 (SN): ISBN 5-02-033152-4: check digit should be X; left out"
    ]
    assert unknown.record is not None and unknown.record.material_type == MaterialType.BOOK
    assert [str(p) for p in unknown.problems] == [
        "record 2, line 17: no ER before the next record (line 20); the record ends there",
        "record 2, line 17 (TY): type «NOSUCH» is not known; read as a book",
    ]
    assert unfinished.record is not None
    assert unfinished.record.host == HostItem("Вестник", "около 2001 г.", "3", "", "10-20")
    assert "the file ends without ER" in unfinished.problems[0].message


def test_the_encoding_option_overrides_detection() -> None:
    result = read("partner-cp1251.ris", ReadOptions(encoding="koi8-r"))
    assert result.encoding == "koi8-r"
    with pytest.raises(FormatError, match="not in ascii"):
        read("rispy-example_utf_chars.ris", ReadOptions(encoding="ascii"))


def test_the_written_file_follows_the_specification() -> None:
    data = write_bytes(RisWriter(), [cyrillic_book(), journal_article()])
    text = data.decode("utf-8")
    lines = text.split("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    assert lines[0] == "TY  - BOOK"
    untagged = [line for line in lines if line and not re.match(r"^[A-Z][A-Z0-9]  - ", line)]
    assert untagged == ["Второй абзац аннотации."]  # the abstract's second paragraph
    assert text.count("ER  - \r\n") == 2
    assert "AU  - Иванов, И. И.\r\n" in text
    assert "AU  - Институт географии\r\n" in text  # a body: no comma
    assert "T3  - Труды Института географии ; 5\r\n" in text
    assert "SP  - 45\r\nEP  - 58\r\n" in text
    assert "AB  - Описаны ландшафты Казахстана.\r\nВторой абзац аннотации.\r\n" in text


def test_text_that_is_not_ris_is_refused() -> None:
    with pytest.raises(FormatError, match="no RIS record"):
        read_bytes(RisReader(), "Просто текст\nбез записей\n".encode())
    with pytest.raises(FormatError, match="binary"):
        read_bytes(RisReader(), b"TY  - BOOK\r\n\x00\x00\x00ER  - \r\n")


def test_sniffing_allows_a_bom_and_leading_numbers() -> None:
    assert RisReader.sniff((SHARED / "rispy-example_bom.ris").read_bytes()) == 90
    assert RisReader.sniff((SHARED / "rispy-example_full.ris").read_bytes()) == 90
    assert RisReader.sniff(b"@book{x, title={TY  - }}") == 0


SAMPLE = (SHARED / "rispy-example_full.ris").read_bytes()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash_the_reader(data: bytes) -> None:
    never_crashes(RisReader(), data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_mangled_real_file_never_crashes_the_reader(data: st.DataObject) -> None:
    mangled = bytearray(SAMPLE)
    for _ in range(data.draw(st.integers(1, 12))):
        at = data.draw(st.integers(0, len(mangled)))
        action = data.draw(st.sampled_from(["insert", "delete", "replace"]))
        chunk = data.draw(st.binary(min_size=1, max_size=8))
        if action == "insert":
            mangled[at:at] = chunk
        elif action == "delete":
            del mangled[at : at + len(chunk)]
        else:
            mangled[at : at + len(chunk)] = chunk
    never_crashes(RisReader(), bytes(mangled))
