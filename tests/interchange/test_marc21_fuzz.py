"""Fuzzing the MARC21 and MARCXML readers: random and damaged input never raises anything but
FormatError, and whatever is read can be written again in both forms."""

from __future__ import annotations

import io
from pathlib import Path
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from library_app.core.errors import InputError
from library_app.core.model import (
    Contributor,
    ContributorRole,
    HostItem,
    MaterialType,
    Record,
    Series,
)
from library_app.interchange.base import FormatError, ReadOptions, ReadResult, WriteOptions
from library_app.interchange.marc21 import Marc21Reader, Marc21Writer, MarcXmlReader, MarcXmlWriter

MARC = Path(__file__).resolve().parents[1] / "data" / "shared" / "marc"
MARC8_RECORD = (MARC / "marc21" / "marc4j-cyrillic_capital_e.mrc").read_bytes()
UTF8_RECORDS = (MARC / "marc21" / "pymarc-regression45.mrc").read_bytes()[:12000]
CP1251_RECORDS = (MARC / "marc21" / "pymarc-rkp-cp1251.mrc").read_bytes()
XML_RECORDS = (MARC / "marcxml" / "pymarc-batch.xml").read_bytes()
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("marc21-fuzz")


def read_leniently(
    reader: Marc21Reader | MarcXmlReader, path: Path, data: bytes
) -> ReadResult | None:
    path.write_bytes(data)
    try:
        return reader.read(path, ReadOptions())
    except FormatError:
        return None


def write_again(result: ReadResult | None) -> None:
    if result is None:
        return
    records = [item.record for item in result.items if item.record is not None]
    for record in records:
        try:
            Marc21Writer().write([record], io.BytesIO(), WriteOptions())
        except InputError as error:
            assert "cannot be written in ISO 2709" in str(error)
    MarcXmlWriter().write(records, io.BytesIO(), WriteOptions())


def mutated(data: bytes, edits: list[tuple[int, int, bytes]]) -> bytes:
    """Overwrite, cut out or insert bytes — how files are damaged in transit and by hand."""
    damaged = bytearray(data)
    for position, mode, chunk in edits:
        at = position % (len(damaged) + 1)
        if mode == 0:
            damaged[at : at + len(chunk)] = chunk
        elif mode == 1:
            del damaged[at : at + len(chunk) + 1]
        else:
            damaged[at:at] = chunk
    return bytes(damaged)


EDITS = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=20000),
        st.integers(min_value=0, max_value=2),
        st.binary(min_size=1, max_size=6)
        | st.sampled_from([b"\x1d", b"\x1e", b"\x1f", b"\x1b", b"\x1b$1", b"99999", b"\xc3", b"&"]),
    ),
    min_size=1,
    max_size=8,
)


@FUZZ
@given(st.binary(max_size=3000))
def test_random_bytes_never_raise_anything_but_format_error(scratch: Path, data: bytes) -> None:
    write_again(read_leniently(Marc21Reader(), scratch / "random.mrc", data))


@FUZZ
@given(st.sampled_from([MARC8_RECORD, UTF8_RECORDS, CP1251_RECORDS]), EDITS)
def test_damaged_real_records_never_raise_anything_but_format_error(
    scratch: Path, original: bytes, edits: list[tuple[int, int, bytes]]
) -> None:
    write_again(read_leniently(Marc21Reader(), scratch / "damaged.mrc", mutated(original, edits)))


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_as_marcxml_never_raise_anything_but_format_error(
    scratch: Path, data: bytes
) -> None:
    write_again(read_leniently(MarcXmlReader(), scratch / "random.xml", data))


@FUZZ
@given(EDITS)
def test_damaged_marcxml_never_raises_anything_but_format_error(
    scratch: Path, edits: list[tuple[int, int, bytes]]
) -> None:
    write_again(
        read_leniently(MarcXmlReader(), scratch / "damaged.xml", mutated(XML_RECORDS, edits))
    )


@FUZZ
@given(
    st.text(
        alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
        max_size=300,
    )
)
def test_any_text_in_marcxml_elements_never_breaks_reading(scratch: Path, text: str) -> None:
    document = (
        '<collection xmlns="http://www.loc.gov/MARC21/slim"><record><leader>'
        f'{escape(text[:30])}</leader><controlfield tag="008">{escape(text)}</controlfield>'
        f'<datafield tag="245" ind1="{escape(text[:1])}" ind2="0"><subfield code="a">'
        f"{escape(text)}</subfield></datafield></record></collection>"
    )
    write_again(
        read_leniently(
            MarcXmlReader(), scratch / "text.xml", document.encode("utf-8", "surrogatepass")
        )
    )


TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)
TITLES = st.one_of(TEXT.filter(str.strip), st.sampled_from([".", "J.", "Вода :", "a ;", "2nd ed."]))
RECORDS = st.builds(
    Record,
    title=TITLES,
    title_remainder=TEXT,
    responsibility=TEXT,
    contributors=st.lists(
        st.builds(
            Contributor,
            name=TEXT.filter(str.strip),
            forenames=TEXT,
            role=st.sampled_from(list(ContributorRole)),
            name_other_script=TEXT,
        ),
        max_size=3,
    ),
    places=st.lists(TEXT, max_size=2),
    publishers=st.lists(TEXT, max_size=2),
    year=TEXT,
    series=st.lists(st.builds(Series, title=TEXT, number=TEXT), max_size=2),
    subjects=st.lists(TEXT, max_size=3),
    notes=st.lists(TEXT, max_size=2),
    material_type=st.sampled_from(list(MaterialType)),
    host=st.none()
    | st.builds(HostItem, title=TEXT, year=TEXT, volume=TEXT, issue=TEXT, pages=TEXT),
)


@FUZZ
@given(RECORDS)
def test_any_record_typed_here_is_written_as_readable_marc_that_writes_back_the_same(
    scratch: Path, record: Record
) -> None:
    for writer, reader, name in (
        (Marc21Writer(), Marc21Reader(), "r.mrc"),
        (MarcXmlWriter(), MarcXmlReader(), "r.xml"),
    ):
        written = io.BytesIO()
        writer.write([record], written, WriteOptions())
        (scratch / name).write_bytes(written.getvalue())
        (item,) = reader.read(scratch / name, ReadOptions()).items
        assert item.record is not None and item.record.source is not None
        again = io.BytesIO()
        writer.write([item.record], again, WriteOptions())
        assert again.getvalue() == written.getvalue()
