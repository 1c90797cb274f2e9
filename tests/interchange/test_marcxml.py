"""MARCXML: read with and without the slim namespace, damaged records reported by line, and
written back so that MARC → catalog → MARCXML loses nothing."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from library_app.core.model import Record
from library_app.interchange.base import (
    FormatError,
    ReadOptions,
    ReadResult,
    Severity,
    WriteOptions,
)
from library_app.interchange.formats import detect_format
from library_app.interchange.marc21 import Marc21Reader, Marc21Writer, MarcXmlReader, MarcXmlWriter

MARC = Path(__file__).resolve().parents[1] / "data" / "shared" / "marc"
XML = MARC / "marcxml"
SLIM = "http://www.loc.gov/MARC21/slim"
COUNTS = {
    "pymarc-batch.xml": 2,
    "pymarc-utf8.xml": 1,
    "marc4j-sample1a.xml": 4,  # and 5 holdings records
    "marc4j-chabon.xml": 2,
    "marc4j-OCLC_814388508.xml": 1,
    "marc4j-1474920681_KOHA_LFL_5.xml": 1,
}


def read(path: Path) -> ReadResult:
    return MarcXmlReader().read(path, ReadOptions())


def records(path: Path) -> list[Record]:
    return [item.record for item in read(path).items if item.record is not None]


def xml_of(found: list[Record]) -> bytes:
    target = io.BytesIO()
    MarcXmlWriter().write(found, target, WriteOptions())
    return target.getvalue()


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_every_sample_file_is_read(name: str) -> None:
    result = read(XML / name)
    assert sum(item.readable for item in result.items) == COUNTS[name]
    assert result.encoding == "utf-8"
    assert not [p for item in result.items for p in item.problems if p.severity == Severity.ERROR]


def test_spot_checks() -> None:
    batch = records(XML / "pymarc-batch.xml")
    assert [r.title for r in batch] == ["The Great Ray Charles", "The White House"]
    assert batch[0].control_number == "5637241" and batch[0].control_source == "DLC"
    oclc = records(XML / "marc4j-OCLC_814388508.xml")[0]
    assert oclc.title == "Hē agora stē Mesogeio"
    text = (XML / "marc4j-OCLC_814388508.xml").read_text(encoding="utf-8")
    assert oclc.source is not None
    assert len(oclc.source.fields) == text.count("<controlfield") + text.count("<datafield")


def test_holdings_records_give_their_copies_to_the_record_they_belong_to() -> None:
    result = read(XML / "marc4j-sample1a.xml")
    first = result.items[0].record
    assert first is not None
    assert [(c.location, c.shelf_mark) for c in first.copies] == [("gen", "H 75 .26")]
    assert [p.position for p in result.problems] == [2, 3, 5, 7, 9]
    assert "added to record 1" in result.problems[0].message


def test_a_record_pymarc_cannot_read_is_read_with_its_problems_by_line() -> None:
    item = read(MARC / "broken" / "pymarc-bad-tag.xml").items[0]
    assert item.record is not None and item.record.title == "The Untamed"
    by_where = {p.where: p.message for p in item.problems}
    assert "invalid tag «42»" in by_where["tag 42 (line 12)"]
    assert "17 characters" in by_where["leader (line 2)"]


def test_a_subfield_without_a_code_is_left_out_naming_its_line() -> None:
    item = read(MARC / "broken" / "marc4j-chabon-missing-subfield-code.xml").items[0]
    assert item.record is not None
    assert [(p.where, p.severity) for p in item.problems] == [("020 (line 8)", Severity.WARNING)]
    assert item.record.identifiers == []


def test_no_namespace_prefixes_and_oai_envelopes_are_read(tmp_path: Path) -> None:
    path = tmp_path / "oai.xml"
    path.write_text(
        '<?xml version="1.0"?>\n<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">'
        "<ListRecords><record><header><identifier>oai:1</identifier></header><metadata>"
        f'<m:record xmlns:m="{SLIM}"><m:leader>00000nam a2200000 i 4500</m:leader>'
        '<m:datafield tag="245" ind1="0" ind2="0"><m:subfield code="a">Вода.</m:subfield>'
        "</m:datafield></m:record></metadata></record></ListRecords></OAI-PMH>",
        encoding="utf-8",
    )
    assert [r.title for r in records(path)] == ["Вода"]
    bare = tmp_path / "bare.xml"
    bare.write_text(
        "<collection><record><leader>00000nam a2200000 i 4500</leader>"
        '<datafield tag="245" ind1="0" ind2="0"><subfield code="a">Су</subfield></datafield>'
        "</record></collection>",
        encoding="utf-8",
    )
    assert [r.title for r in records(bare)] == ["Су"]


def test_malformed_xml_is_refused_with_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text(f'<collection xmlns="{SLIM}">\n<record>\n<leader>x</leader>\n</collection>')
    with pytest.raises(FormatError, match=r"line 4, column 3"):
        read(path)


def test_xml_without_marc_records_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.xml"
    path.write_text("<?xml version='1.0'?><catalog><book>Вода</book></catalog>", encoding="utf-8")
    with pytest.raises(FormatError, match="no MARCXML record"):
        read(path)


def test_external_entities_are_not_fetched(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET")
    path = tmp_path / "xxe.xml"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>'
        f'<record xmlns="{SLIM}"><leader>00000nam a2200000 i 4500</leader>'
        '<datafield tag="245" ind1="0" ind2="0"><subfield code="a">T&x;</subfield></datafield>'
        "</record>"
    )
    assert [r.title for r in records(path)] == ["T"]


def test_sniffing() -> None:
    assert MarcXmlReader.sniff((XML / "pymarc-batch.xml").read_bytes()) == 95
    assert MarcXmlReader.sniff((XML / "marc4j-1474920681_KOHA_LFL_5.xml").read_bytes()) == 95
    assert MarcXmlReader.sniff(b"<?xml version='1.0'?><html><body/></html>") == 0
    assert MarcXmlReader.sniff((MARC / "marc21" / "pymarc-test.mrc").read_bytes()) == 0
    assert detect_format(XML / "marc4j-chabon.xml").format.id == "marcxml"


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_marcxml_comes_back_field_identical(name: str, tmp_path: Path) -> None:
    before = records(XML / name)
    path = tmp_path / "out.xml"
    path.write_bytes(xml_of(before))
    after = records(path)
    for old, new in zip(before, after, strict=True):
        assert old.source is not None and new.source is not None
        # copies from holdings records (sample1a) are written into their record as 852/876
        merged = (
            ("852", "876")
            if old.copies and not any(f.tag in ("852", "876") for f in old.source.fields)
            else ()
        )
        assert [f for f in new.source.fields if f.tag not in merged] == old.source.fields
        assert (new.title, new.copies) == (old.title, old.copies)


def test_written_marcxml_is_slim_utf8_with_a_record_per_element() -> None:
    result = Marc21Reader().read(MARC / "marc21" / "pymarc-rkp-cp1251.mrc", ReadOptions())
    written = xml_of([item.record for item in result.items if item.record is not None])
    assert written.startswith(b'<?xml version="1.0" encoding="UTF-8"?>')
    root = ET.fromstring(written)
    assert root.tag == f"{{{SLIM}}}collection"
    assert len(root.findall(f"{{{SLIM}}}record")) == 6
    leader = root.find(f"{{{SLIM}}}record/{{{SLIM}}}leader")
    assert leader is not None and leader.text is not None and leader.text[9] == "a"
    assert "Основы гидравлического расчета" in written.decode("utf-8")


def test_iso2709_to_marcxml_to_iso2709_keeps_every_field(tmp_path: Path) -> None:
    before = [
        item.record
        for item in Marc21Reader()
        .read(MARC / "marc21" / "marc4j-selectedRecs.mrc", ReadOptions())
        .items
        if item.record is not None
    ]
    xml_path = tmp_path / "mid.xml"
    xml_path.write_bytes(xml_of(before))
    target = io.BytesIO()
    Marc21Writer().write(records(xml_path), target, WriteOptions())
    iso_path = tmp_path / "back.mrc"
    iso_path.write_bytes(target.getvalue())
    after = [i.record for i in Marc21Reader().read(iso_path, ReadOptions()).items if i.record]
    assert [r.source.fields for r in after] == [r.source.fields for r in before]  # type: ignore[union-attr]


def test_a_record_too_long_for_iso2709_is_fine_in_marcxml(tmp_path: Path) -> None:
    (big,) = [
        item.record
        for item in Marc21Reader()
        .read(MARC / "broken" / "marc4j-datos-20161010-slice.mrc", ReadOptions())
        .items
        if item.record is not None
    ]
    path = tmp_path / "big.xml"
    path.write_bytes(xml_of([big]))
    (again,) = records(path)
    assert again.source is not None and big.source is not None
    assert again.source.fields == big.source.fields


ISO_SAMPLES = sorted((MARC / "marc21").glob("*.mrc")) + sorted(
    p for p in (MARC / "broken").glob("*.mrc") if p.name != "marc4j-incomplete_esc_seq.mrc"
)


@pytest.mark.parametrize("path", ISO_SAMPLES, ids=lambda p: p.name)
def test_every_iso2709_sample_goes_through_marcxml_unchanged(path: Path, tmp_path: Path) -> None:
    result = Marc21Reader().read(path, ReadOptions())
    before = [item.record for item in result.items if item.record is not None]
    xml_path = tmp_path / "out.xml"
    xml_path.write_bytes(xml_of(before))
    after = records(xml_path)
    assert [r.source.fields for r in after] == [r.source.fields for r in before]  # type: ignore[union-attr]
