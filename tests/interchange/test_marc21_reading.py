"""Reading partners' MARC21 files (ISO 2709): every readable record, in every encoding, and a
precise account of what was wrong in the damaged ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from library_app.core.errors import Cancelled
from library_app.core.validation import errors_only, validate_record
from library_app.interchange.base import FormatError, ReadOptions, ReadResult, Severity
from library_app.interchange.formats import detect_format, format_by_id
from library_app.interchange.marc21 import Marc21Reader

MARC = Path(__file__).resolve().parents[1] / "data" / "shared" / "marc"
MARC21 = MARC / "marc21"
BROKEN = MARC / "broken"
# records per file (PROVENANCE.md; the pride-and-prejudice files hold 17 UNIMARC records)
RECORDS = {
    "pymarc-rkp-cp1251.mrc": (6, 6),
    "pymarc-marc8.mrc": (1, 1),
    "pymarc-diacritic-utf8.mrc": (1, 1),
    "pymarc-test.mrc": (10, 10),
    "pymarc-marc.mrc": (20, 20),
    "pymarc-regression45.mrc": (12, 12),
    "pymarc-utf8-leader-flag.mrc": (1, 1),
    "pymarc-utf8-no-leader-flag.mrc": (1, 1),
    "marc4j-cyrillic_capital_e.mrc": (2, 2),
    "marc4j-selectedRecs.mrc": (11, 11),
    "marc4j-brkrtest.mrc": (8, 8),
    "marc4j-brkrtest_UTF8.mrc": (8, 8),
    "marc4j-065001035.mrc": (40, 40),
    "marc4j-pride-and-prejudice-fixed.mrc": (383, 366),
    "marc4j-chabon-loc.mrc": (2, 2),
    "marc4j-u335.mrc": (1, 1),
}


def read(path: Path, encoding: str | None = None) -> ReadResult:
    return Marc21Reader().read(path, ReadOptions(encoding=encoding))


def titles(result: ReadResult) -> list[str]:
    return [item.record.title for item in result.items if item.record is not None]


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_every_readable_record_of_every_sample_file_is_read(name: str) -> None:
    result = read(MARC21 / name)
    found, readable = RECORDS[name]
    assert len(result.items) == found
    assert sum(item.readable for item in result.items) == readable
    assert [item.position for item in result.items] == list(range(1, found + 1))
    for item in result.items:
        if item.record is not None:
            assert item.record.source is not None and item.record.source.format == "marc21"
            errors = errors_only(validate_record(item.record))
            assert [e for e in errors if "inventory number is required" not in e.message] == []
            assert not [p for p in item.problems if p.severity == Severity.ERROR]


def test_cp1251_file_yields_cyrillic_titles_and_says_its_leader_is_wrong() -> None:
    result = read(MARC21 / "pymarc-rkp-cp1251.mrc")
    assert result.encoding == "cp1251"
    assert titles(result)[0] == "Основы гидравлического расчета инженерных сетей"
    first = result.items[0]
    assert first.record is not None
    assert first.record.contributors[0].name == "Ильина"
    assert first.record.contributors[0].forenames == "Татьяна Николаевна"
    assert first.record.languages == ["rus"]
    assert first.record.extent.pages == "186 с."
    assert first.record.classification_of(first.record.classifications[1].scheme) == ["38.1я73"]
    assert any(p.where == "leader/09" and "CP1251" in p.message for p in first.problems)


def test_cp1251_chosen_by_the_user_is_used_for_every_record() -> None:
    result = read(MARC21 / "pymarc-rkp-cp1251.mrc", "Windows-1251")
    assert result.encoding == "cp1251"
    assert titles(result)[1].startswith("Психологический тренинг")


def test_marc8_cyrillic_comes_out_as_cyrillic() -> None:
    result = read(MARC21 / "marc4j-cyrillic_capital_e.mrc")
    assert result.encoding == "marc-8"
    record = result.items[0].record
    assert record is not None
    assert record.title == "Vor, shpion i ubiĭt︠s︡a"
    assert record.parallel_titles[0].title == "Вор, шпион и убийца"  # 880 linked to 245
    assert record.contributors[0].name_other_script == "Буйда, Юрий"
    cyrillic = [s.value for f in record.source.fields for s in f.subfields if f.tag == "880"]
    assert any("Москва" in value for value in cyrillic)


def test_marc8_and_utf8_versions_of_the_same_records_read_the_same() -> None:
    marc8 = read(MARC21 / "marc4j-brkrtest.mrc")
    utf8 = read(MARC21 / "marc4j-brkrtest_UTF8.mrc")
    assert (marc8.encoding, utf8.encoding) == ("marc-8", "utf-8")
    assert titles(marc8) == titles(utf8)


def test_utf8_without_the_leader_flag_is_detected_and_reported() -> None:
    result = read(MARC21 / "pymarc-utf8-no-leader-flag.mrc")
    assert result.encoding == "utf-8"
    assert any(p.where == "leader/09" for p in result.items[0].problems)
    assert titles(result) == titles(read(MARC21 / "pymarc-utf8-leader-flag.mrc"))


@pytest.mark.parametrize(
    ("spelling", "used"),
    [("utf8", "utf-8"), ("UTF-8", "utf-8"), ("marc8", "marc-8"), ("MARC-8", "marc-8")],
)
def test_encoding_names_people_type_are_accepted(spelling: str, used: str) -> None:
    assert read(MARC21 / "pymarc-test.mrc", spelling).encoding == used


def test_an_unknown_encoding_is_refused_naming_the_choices() -> None:
    with pytest.raises(FormatError, match="utf-8, marc-8 or cp1251"):
        read(MARC21 / "pymarc-test.mrc", "koi8-r")


def test_spot_checks_of_the_mapping_on_library_of_congress_records() -> None:
    record = read(MARC21 / "pymarc-test.mrc").items[0].record
    assert record is not None
    assert record.title == "ActivePerl with ASP and ADO"
    assert record.identifiers_of(record.identifiers[0].type) == ["9780471383147"]
    assert record.year == "2000"
    assert record.subjects[0] == "Perl (Computer program language)"
    chabon = read(MARC21 / "marc4j-chabon-loc.mrc").items[0].record
    assert chabon is not None
    assert chabon.title == "The amazing adventures of Kavalier and Clay"
    assert chabon.responsibility == "Michael Chabon"
    assert (chabon.contributors[0].name, chabon.contributors[0].forenames) == ("Chabon", "Michael")
    assert chabon.subjects[0] == "Comic books, strips, etc. -- Authorship -- Fiction"


def test_pride_and_prejudice_with_many_errors_keeps_all_383_records() -> None:
    result = read(BROKEN / "marc4j-pride-and-prejudice-with-many-errors.mrc")
    assert len(result.items) == 383
    fixed = read(MARC21 / "marc4j-pride-and-prejudice-fixed.mrc")
    same = [a == b for a, b in zip(titles(result), titles(fixed), strict=True)]
    assert sum(same) >= 360  # the rest carry the damaged characters the file is about
    problems = [p for item in result.items for p in item.problems]
    short_leaders = [p for p in problems if p.where == "leader" and "23 bytes" in p.message]
    assert len(short_leaders) == 16  # pymarc gives up on exactly these
    assert all(p.position is not None for p in problems)
    unimarc = [item for item in result.items if item.record is None]
    assert len(unimarc) == 17
    assert all("UNIMARC" in item.problems[-1].message for item in unimarc)


def test_bad_records_file_keeps_the_readable_ones_and_says_why_the_others_fail() -> None:
    result = read(BROKEN / "pymarc-bad-records.mrc")
    assert sum(item.readable for item in result.items) == 6
    assert set(titles(result)) == {"The pragmatic programmer"}
    lost = [item for item in result.items if not item.readable]
    assert [item.position for item in lost] == [5, 7]
    assert "not numeric" in lost[0].problems[-1].message
    assert "no fields" in lost[1].problems[-1].message
    base = result.items[1].problems[0]
    assert (base.position, base.where, base.severity) == (2, "leader/12-16", Severity.WARNING)


def test_oversized_fields_and_records_are_located_by_their_lengths() -> None:
    result = read(BROKEN / "marc4j-bad_oversize_field_bad_directory.mrc")
    record = result.items[1].record
    assert record is not None and len(record.summary) > 9999
    assert "too many digits" in result.items[1].problems[0].message
    slice_ = read(BROKEN / "marc4j-datos-20161010-slice.mrc").items[0]
    assert slice_.record is not None
    assert len(slice_.record.copies) > 300  # Koha 952 items
    assert all(c.barcode for c in slice_.record.copies)


def test_invalid_text_is_replaced_and_reported_with_the_field() -> None:
    item = read(BROKEN / "pymarc-utf8-invalid.mrc").items[0]
    assert item.record is not None
    assert any("0xBF" in p.message and p.where.startswith("260") for p in item.problems)
    escape = read(BROKEN / "pymarc-bad-marc8-escape.mrc").items[0]
    wheres = {p.where for p in escape.problems if "escape sequence" in p.message}
    assert {"222$a", "245$a"} <= wheres


def test_leader_counts_that_are_not_marc21_are_reported() -> None:
    item = read(BROKEN / "marc4j-bad_leaders_10_11.mrc").items[0]
    assert item.record is not None and item.record.title == "Sammlung"
    assert {p.where for p in item.problems} >= {"leader/10-11", "leader/20-23"}


def test_a_file_without_any_readable_record_is_refused_with_its_first_problem() -> None:
    with pytest.raises(FormatError, match="multi-byte"):
        read(BROKEN / "marc4j-incomplete_esc_seq.mrc")


@pytest.mark.parametrize(
    "content",
    [b"", b"   \n", b"%PDF-1.4 not a catalog at all" * 20, "TY  - BOOK\nTI  - Вода\n".encode()],
)
def test_files_that_are_not_iso2709_are_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "partner.mrc"
    path.write_bytes(content)
    with pytest.raises(FormatError):
        read(path)


def test_a_file_cut_off_in_the_middle_of_a_record_keeps_the_complete_ones(tmp_path: Path) -> None:
    data = (MARC21 / "pymarc-test.mrc").read_bytes()
    path = tmp_path / "cut.mrc"
    path.write_bytes(data[: len(data) - 300])
    result = read(path)
    assert len(result.items) == 10
    assert sum(item.readable for item in result.items) == 9
    assert "ends in the middle of a record" in result.items[-1].problems[0].message


def test_progress_is_reported_and_cancel_stops_reading() -> None:
    calls: list[tuple[int, int]] = []
    Marc21Reader().read(
        MARC21 / "marc4j-pride-and-prejudice-fixed.mrc",
        ReadOptions(),
        progress=lambda d, t: calls.append((d, t)),
    )
    assert calls[0] == (200, 383) and calls[-1] == (383, 383)
    with pytest.raises(Cancelled):
        Marc21Reader().read(MARC21 / "pymarc-test.mrc", ReadOptions(), is_cancelled=lambda: True)


def test_sniffing_tells_marc21_from_unimarc_and_from_xml() -> None:
    head = (MARC21 / "pymarc-test.mrc").read_bytes()
    assert Marc21Reader.sniff(head) == 90
    unimarc = (MARC / "rusmarc" / "rusmarc-nlr-cp1251.iso").read_bytes()
    assert Marc21Reader.sniff(unimarc) == 60
    assert Marc21Reader.sniff((MARC / "marcxml" / "pymarc-batch.xml").read_bytes()) == 0
    assert Marc21Reader.sniff(b"random text that is not a catalog") == 0


def test_detection_picks_marc21_for_a_txt_file(tmp_path: Path) -> None:
    path = tmp_path / "from-partner.txt"
    path.write_bytes((MARC21 / "pymarc-marc.mrc").read_bytes())
    assert detect_format(path).format.id == "marc21"
    assert format_by_id("marc21").reader_class() is Marc21Reader
