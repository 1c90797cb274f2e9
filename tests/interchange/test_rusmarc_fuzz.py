"""Fuzzing the RUSMARC reader and writer: damaged input never raises anything but FormatError,
whatever is read can be written again, and records typed here survive RUSMARC."""

from __future__ import annotations

import copy as copy_module
import dataclasses
import datetime as dt
import io
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from library_app.core.model import (
    Classification,
    ClassificationScheme,
    Contributor,
    ContributorRole,
    Copy,
    CopyStatus,
    Identifier,
    IdentifierType,
    MaterialType,
    Record,
    Series,
)
from library_app.interchange.base import FormatError, ReadOptions, ReadResult, WriteOptions
from library_app.interchange.rusmarc import RusmarcReader, RusmarcWriter

RUSMARC = Path(__file__).resolve().parents[1] / "data" / "shared" / "marc" / "rusmarc"
NLR_HEAD = (RUSMARC / "rusmarc-nlr-cp1251.iso").read_bytes()[:6000]  # the first records
URAIT = (RUSMARC / "rusmarc-urait-utf8.iso").read_bytes()
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("rusmarc-fuzz") / "input.iso"


def read_leniently(path: Path, data: bytes) -> ReadResult | None:
    path.write_bytes(data)
    try:
        return RusmarcReader().read(path, ReadOptions())
    except FormatError:
        return None


def write_again(result: ReadResult | None) -> None:
    if result is None:
        return
    records = [item.record for item in result.items if item.record is not None]
    RusmarcWriter().write(records, io.BytesIO(), WriteOptions())


@FUZZ
@given(st.binary(max_size=2000))
def test_random_bytes_never_raise_anything_but_format_error(scratch: Path, data: bytes) -> None:
    write_again(read_leniently(scratch, data))


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes_behind_a_leader_never_crash(scratch: Path, tail: bytes) -> None:
    write_again(read_leniently(scratch, b"00100nam  2200049   450 " + tail + b"\x1d"))


@FUZZ
@given(
    st.sampled_from([NLR_HEAD, URAIT]),
    st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), min_size=1, max_size=12),
    st.integers(0, 10**6),
)
def test_mutated_real_records_are_read_or_reported(
    scratch: Path, original: bytes, changes: list[tuple[int, int]], cut: int
) -> None:
    data = bytearray(original)
    for where, byte in changes:
        data[where % len(data)] = byte
    data = data[: max(1, cut % (len(data) + 1))]
    result = read_leniently(scratch, bytes(data))
    if result is not None:
        for item in result.items:
            assert item.record is not None or item.problems
            assert all(p.position in (None, item.position) for p in item.problems)
    write_again(result)


@FUZZ
@given(
    st.sampled_from([NLR_HEAD, URAIT]),
    st.sampled_from([b"\x1e", b"\x1f", b"\x1d", b"1", b" ", b"\xd0", b"\x00"]),
    st.integers(0, 10**6),
)
def test_stray_terminators_and_delimiters_are_survived(
    scratch: Path, original: bytes, inserted: bytes, where: int
) -> None:
    at = where % len(original)
    write_again(read_leniently(scratch, original[:at] + inserted + original[at:]))


TEXT = (
    st.text(
        alphabet=st.sampled_from("абвгдеёжзийклмнопрстуфхцчшщыэюяӘәҚқҢңӨөҰұ ABCxyz0123456789.,-"),
        min_size=1,
        max_size=30,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)
ROLES = st.sampled_from(
    [
        ContributorRole.AUTHOR,
        ContributorRole.EDITOR,
        ContributorRole.COMPILER,
        ContributorRole.TRANSLATOR,
        ContributorRole.ISSUING_BODY,
        ContributorRole.CORPORATE_AUTHOR,
    ]
)


@st.composite
def records(draw: st.DrawFn) -> Record:
    contributors = []
    for role in draw(st.lists(ROLES, max_size=4)):
        forenames = "" if role.is_corporate else draw(st.sampled_from(["", "А. Б.", "Асель"]))
        contributors.append(Contributor(draw(TEXT), forenames, role))
    copies = [
        Copy(
            str(1000 + i),
            draw(st.sampled_from(["", f"B{i}"])),
            draw(st.sampled_from(["", "ЧЗ"])),
            status=draw(st.sampled_from(list(CopyStatus))),
        )
        for i in range(draw(st.integers(0, 3)))
    ]
    return Record(
        title=draw(TEXT),
        title_remainder=draw(st.sampled_from(["", "сборник"])),
        contributors=contributors,
        places=draw(st.lists(TEXT, max_size=2)),
        publishers=draw(st.lists(TEXT, max_size=2)),
        year=draw(st.sampled_from(["", "1999", "[2005?]", "1998-2003"])),
        series=[
            Series(t, n)
            for t, n in draw(st.lists(st.tuples(TEXT, st.sampled_from(["", "3"])), max_size=2))
        ],
        notes=draw(st.lists(TEXT, max_size=3)),
        subjects=[
            " -- ".join(parts)
            for parts in draw(st.lists(st.lists(TEXT, min_size=1, max_size=3), max_size=3))
        ],
        keywords=draw(st.lists(TEXT, max_size=3)),
        languages=draw(
            st.lists(st.sampled_from(["rus", "kaz", "eng", "uzb"]), max_size=2, unique=True)
        ),
        classifications=[
            Classification(scheme, value)
            for scheme, value in draw(
                st.lists(st.tuples(st.sampled_from(list(ClassificationScheme)), TEXT), max_size=3)
            )
        ],
        copies=copies,
    )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(records())
def test_any_record_typed_here_survives_rusmarc(scratch: Path, record: Record) -> None:
    target = io.BytesIO()
    RusmarcWriter().write([record], target, WriteOptions())
    result = read_leniently(scratch, target.getvalue())
    assert result is not None
    (item,) = result.items
    assert item.record is not None, item.problems
    again = dataclasses.replace(item.record, source=None)
    assert again == record


IMPORTED = [
    item.record
    for path in [
        *sorted(RUSMARC.iterdir()),
        Path(__file__).parent / "data" / "rusmarc-irbis-mixed.iso",
    ]
    for item in RusmarcReader().read(path, ReadOptions()).items
    if item.record is not None
]
ISBNS = [
    Identifier(IdentifierType.ISBN, "9785991616621"),
    Identifier(IdentifierType.ISSN, "1563-0234"),
]


def edit_list(data: st.DataObject, values: list, new_value) -> None:
    """Remove, replace or insert one element (or leave the list alone)."""
    action = data.draw(st.sampled_from(["keep", "remove", "replace", "insert"]))
    if action == "insert" or (action != "keep" and not values):
        values.insert(data.draw(st.integers(0, len(values))), data.draw(new_value))
    elif action == "remove":
        del values[data.draw(st.integers(0, len(values) - 1))]
    elif action == "replace":
        values[data.draw(st.integers(0, len(values) - 1))] = data.draw(new_value)


def edited_copy(data: st.DataObject, copies: list[Copy]) -> None:
    if copies and data.draw(st.booleans()):
        copy = data.draw(st.sampled_from(copies))
        copy.status = data.draw(st.sampled_from(list(CopyStatus)))
        copy.location = data.draw(st.sampled_from([copy.location, "Абонемент"]))
        copy.acquired_on = data.draw(st.sampled_from([copy.acquired_on, dt.date(2020, 2, 29)]))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_edits_of_imported_records_are_written_and_read_back(
    scratch: Path, data: st.DataObject
) -> None:
    record = copy_module.deepcopy(data.draw(st.sampled_from(IMPORTED)))
    if data.draw(st.booleans()):
        record.title = data.draw(TEXT)
    record.year = data.draw(st.sampled_from([record.year, "2010"]))
    if "дис." not in record.title_remainder:  # an «Автореф. дис.» is read as a thesis anyway
        record.material_type = data.draw(st.sampled_from([record.material_type, *MaterialType]))
    record.places = data.draw(st.sampled_from([record.places, ["Бишкек"], []]))
    edit_list(data, record.subjects, st.lists(TEXT, min_size=1, max_size=3).map(" -- ".join))
    edit_list(data, record.keywords, TEXT)
    edit_list(data, record.notes, TEXT)
    edit_list(data, record.identifiers, st.sampled_from(ISBNS))
    edit_list(
        data,
        record.classifications,
        st.builds(Classification, st.sampled_from(list(ClassificationScheme)), TEXT),
    )
    edit_list(data, record.contributors, st.builds(Contributor, TEXT, st.just(""), ROLES))
    edit_list(data, record.series, st.builds(Series, TEXT, st.sampled_from(["", "7"])))
    edit_list(data, record.copies, st.builds(Copy, st.just("NEW-1"), st.just("BC-1")))
    edited_copy(data, record.copies)
    target = io.BytesIO()
    RusmarcWriter().write([record], target, WriteOptions())
    result = read_leniently(scratch, target.getvalue())
    assert result is not None
    (item,) = result.items
    assert item.record is not None
    assert dataclasses.replace(item.record, source=None) == dataclasses.replace(record, source=None)
