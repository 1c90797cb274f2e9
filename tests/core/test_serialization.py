"""Records as JSON and back: lossless round trip, strict reading, RFC 7396 merge patches."""

import dataclasses
import datetime as dt
import json
import string
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from library_app.core import model
from library_app.core.errors import InputError, LibraryError
from library_app.core.model import (
    AcquisitionSource,
    Attachment,
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
from library_app.core.serialization import (
    from_jsonable,
    merge_patch,
    record_from_dict,
    record_to_dict,
    to_jsonable,
)

ALMATY = dt.timezone(dt.timedelta(hours=5))


def rich_record() -> Record:
    """Every field filled, with Cyrillic and Kazakh text, dates, money, enums and a host."""
    return Record(
        title="Сақсауыл ормандарының экологиясы",
        material_type=MaterialType.ARTICLE,
        title_remainder="ғылыми мақала",
        parallel_titles=[
            ParallelTitle("Экология саксаульных лесов", "rus"),
            ParallelTitle("Ecology of saxaul forests", "eng"),
        ],
        responsibility="Ә. Б. Жұмабаева, И. И. Иванов",
        contributors=[
            Contributor("Жұмабаева", "Ә. Б.", ContributorRole.AUTHOR, "Zhumabaeva"),
            Contributor("Иванов", "И. И.", ContributorRole.EDITOR, "Ivanov"),
            Contributor("Институт ботаники", role=ContributorRole.CORPORATE_AUTHOR),
            Contributor("CAREC", role=ContributorRole.ISSUING_BODY),
            Contributor("Арал теңізі конференциясы", role=ContributorRole.MEETING),
            Contributor("Smith", "J.", ContributorRole.TRANSLATOR),
            Contributor("Оспанов", "Қ.", ContributorRole.COMPILER),
        ],
        edition="2-е изд., испр.",
        places=["Алматы", "Нөкіс"],
        publishers=["Ғылым", "Bilim"],
        year="[2005?]",
        extent=Extent("С. 45–58", "ил., карт.", "24 см"),
        scale="1:1 000 000",
        series=[Series("Труды Института ботаники", "т. 12"), Series("Grey literature")],
        notes=["Резюме на англ. яз.", "Библиогр.: с. 57–58"],
        summary='Сақсауыл — Орталық Азия шөлдерінің негізгі ағашы. «Кавычки» & <tags> "quotes"',
        languages=["kaz", "rus", "eng"],
        identifiers=[
            Identifier(IdentifierType.ISBN, "9785020331525", "pbk."),
            Identifier(IdentifierType.ISSN, "2434-561X"),
            Identifier(IdentifierType.DOI, "10.1016/j.jaridenv.2020.104123"),
            Identifier(IdentifierType.LOCAL, "ЭБ-000123", "accession register"),
        ],
        classifications=[
            Classification(ClassificationScheme.UDC, "581.5(574)"),
            Classification(ClassificationScheme.BBK, "28.58"),
            Classification(ClassificationScheme.LOCAL, "ECO-7"),
        ],
        subjects=["Сақсауыл", "Шөл экожүйелері"],
        geographic_names=["Арал теңізі", "Қызылқұм"],
        keywords=["saxaul", "Haloxylon", "опустынивание"],
        host=HostItem("Вестник КазНУ. Серия экологическая", "2005", "12", "3 (45)", "45-58"),
        links=[
            OnlineLink("https://example.org/a.pdf", dt.date(2024, 3, 1), "полный текст"),
            OnlineLink("http://example.org/b"),
        ],
        project="Aral Sea Basin Programme",
        funders=["GEF", "UNDP"],
        control_number="ocm12345678",
        control_source="OCoLC",
        source=SourceRecord(
            "marc21",
            "00714cam a2200205 a 4500",
            [
                SourceField("001", data="RU/NLR/123"),
                SourceField("999", "  ", [Subfield("a", "жергілікті өріс"), Subfield("b", "2")]),
            ],
        ),
        copies=[
            Copy(
                "И-1001",
                barcode="0001001",
                location="Оқу залы",
                shelf_mark="581 Ж 88",
                status=CopyStatus.ON_LOAN,
                acquired_on=dt.date(2006, 2, 10),
                source=AcquisitionSource.PURCHASE,
                price=Decimal("1500.50"),
                currency="KZT",
                note="ксерокопия",
                id=7,
                version=3,
            ),
            Copy("И-1002", status=CopyStatus.WRITTEN_OFF, source=AcquisitionSource.GIFT),
        ],
        attachments=[
            Attachment(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "мақала.pdf",
                123456,
                "application/pdf",
                id=11,
                added_at=dt.datetime(2024, 3, 1, 10, 15, 30, tzinfo=ALMATY),
            )
        ],
        id=42,
        version=5,
        created_at=dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC),
        updated_at=dt.datetime(2024, 3, 1, 10, 15, 30, tzinfo=ALMATY),
        deleted_at=dt.datetime(2024, 6, 1, 0, 0, 0),
    )


def _all_fields_filled(value) -> bool:
    for f in dataclasses.fields(value):
        v = getattr(value, f.name)
        if v in (None, "", []) and f.name not in ("forenames", "language", "number", "qualifier"):
            return False
    return True


def test_rich_record_fixture_really_fills_every_field():
    assert _all_fields_filled(rich_record())


@pytest.mark.parametrize("ensure_ascii", [False, True])
def test_rich_record_survives_dict_and_json_text_round_trip(ensure_ascii):
    original = rich_record()
    text = json.dumps(record_to_dict(original), ensure_ascii=ensure_ascii, indent=2)
    restored = record_from_dict(json.loads(text))
    assert restored == original
    assert record_to_dict(restored) == record_to_dict(original)


def test_round_trip_restores_real_types_not_lookalikes():
    restored = record_from_dict(json.loads(json.dumps(record_to_dict(rich_record()))))
    assert type(restored.material_type) is MaterialType
    assert type(restored.contributors[0].role) is ContributorRole
    assert type(restored.copies[0].status) is CopyStatus
    assert type(restored.copies[0].source) is AcquisitionSource
    assert type(restored.copies[0].price) is Decimal
    assert str(restored.copies[0].price) == "1500.50"
    assert type(restored.copies[0].acquired_on) is dt.date
    assert type(restored.links[0].access_date) is dt.date
    assert type(restored.created_at) is dt.datetime
    assert restored.updated_at.utcoffset() == dt.timedelta(hours=5)
    assert restored.deleted_at.tzinfo is None
    assert type(restored.host) is HostItem
    assert type(restored.extent) is Extent


def test_record_dict_is_plain_json_with_readable_values():
    data = record_to_dict(rich_record())
    assert json.loads(json.dumps(data)) == data
    assert data["material_type"] == "article"
    assert data["contributors"][2]["role"] == "corporate_author"
    assert data["copies"][0]["price"] == "1500.50"
    assert data["copies"][0]["acquired_on"] == "2006-02-10"
    assert data["copies"][1]["price"] is None
    assert data["links"][0]["access_date"] == "2024-03-01"
    assert data["created_at"] == "2024-01-02T03:04:05+00:00"
    assert data["updated_at"] == "2024-03-01T10:15:30+05:00"
    assert data["host"]["pages"] == "45-58"
    assert data["title"] == "Сақсауыл ормандарының экологиясы"


def test_minimal_record_round_trips_and_gets_defaults():
    assert record_from_dict({"title": "Flora"}) == Record("Flora")
    assert record_from_dict(record_to_dict(Record("Flora"))) == Record("Flora")


def test_datetimes_are_written_to_the_second():
    value = dt.datetime(2024, 1, 2, 3, 4, 5, 678901)
    assert to_jsonable(value) == "2024-01-02T03:04:05"


def test_lenient_scalars_people_write_are_accepted():
    record = record_from_dict(
        {
            "title": "Flora",
            "year": 2005,
            "host": None,
            "copies": [
                {"inventory_number": 1001, "price": 12.5},
                {"inventory_number": "1002", "price": 100, "source": None},
                {"inventory_number": "1003", "price": None, "acquired_on": None},
            ],
        }
    )
    assert record.year == "2005"
    assert record.host is None
    assert [c.inventory_number for c in record.copies] == ["1001", "1002", "1003"]
    assert [c.price for c in record.copies] == [Decimal("12.5"), Decimal("100"), None]


# --- strict reading ----------------------------------------------------------------------------


def _read_error(data) -> str:
    with pytest.raises(InputError) as caught:
        record_from_dict(data)
    assert isinstance(caught.value, LibraryError)
    return str(caught.value)


MATERIALS = (
    "book, article, report, proceedings, thesis, map, serial, electronic, audiovisual, standard"
)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            {"title": "x", "copies": [{"inventory_number": "1", "colour": "red"}]},
            "unknown field(s): copies[0].colour",
        ),
        ({"title": "x", "colour": "red", "author": "y"}, "unknown field(s): author, colour"),
        ({"title": "x", "host": {"title": "J", "isbn": "1"}}, "unknown field(s): host.isbn"),
        (
            {"title": "x", "material_type": "novel"},
            f"material_type: «novel» is not one of {MATERIALS}",
        ),
        (
            {"title": "x", "material_type": "Book"},
            f"material_type: «Book» is not one of {MATERIALS}",
        ),
        (
            {
                "title": "x",
                "copies": [
                    {"inventory_number": "1"},
                    {"inventory_number": "2", "status": "borrowed"},
                ],
            },
            "copies[1].status: «borrowed» is not one of available, on_loan, in_repair, lost, "
            "written_off",
        ),
        (
            {"title": "x", "contributors": [{"name": "A", "role": "illustrator"}]},
            "contributors[0].role: «illustrator» is not one of author, editor, compiler, "
            "translator, corporate_author, issuing_body, meeting",
        ),
        ({"title": "x", "languages": "kaz"}, "languages: expected a list, got «kaz»"),
        (
            {"title": "x", "languages": ["kaz", 7.5, None]},
            "languages[2]: expected text, got null",
        ),
        ({"title": "x", "extent": []}, "extent: expected an object, got a list"),
        ({"title": "x", "host": "Вестник"}, "host: expected an object, got «Вестник»"),
        ({"title": True}, "title: expected text, got true/false"),
        ({"title": None}, "title: expected text, got null"),
        ({"title": "x", "version": "3"}, "version: expected a whole number, got '3'"),
        ({"title": "x", "version": 3.0}, "version: expected a whole number, got 3.0"),
        ({"title": "x", "version": True}, "version: expected a whole number, got True"),
        (
            {"title": "x", "attachments": [{"sha256": "a", "filename": "f", "size": "1"}]},
            "attachments[0].size: expected a whole number, got '1'",
        ),
        (
            {"title": "x", "copies": [{"inventory_number": "1", "price": "12,50"}]},
            "copies[0].price: «12,50» is not a number",
        ),
        (
            {"title": "x", "copies": [{"inventory_number": "1", "price": True}]},
            "copies[0].price: expected a number, got True",
        ),
        (
            {"title": "x", "copies": [{"inventory_number": "1", "price": ["1"]}]},
            "copies[0].price: expected a number, got ['1']",
        ),
        (
            {"title": "x", "links": [{"url": "http://x", "access_date": "01.03.2024"}]},
            "links[0].access_date: «01.03.2024» is not a date YYYY-MM-DD",
        ),
        (
            {"title": "x", "links": [{"url": "http://x", "access_date": "2024-02-30"}]},
            "links[0].access_date: «2024-02-30» is not a date YYYY-MM-DD",
        ),
        (
            {"title": "x", "copies": [{"inventory_number": "1", "acquired_on": 20240101}]},
            "copies[0].acquired_on: expected a date YYYY-MM-DD, got 20240101",
        ),
        (
            {"title": "x", "created_at": "yesterday"},
            "created_at: «yesterday» is not a date and time (ISO 8601)",
        ),
        ({}, "record: missing field(s) title"),
        ({"year": "2005", "languages": ["kaz"]}, "record: missing field(s) title"),
        ({"title": "x", "host": {"year": "2005"}}, "host: missing field(s) title"),
        (
            {"title": "x", "copies": [{"barcode": "1"}]},
            "copies[0]: missing field(s) inventory_number",
        ),
        ({"title": "x", "identifiers": [{"value": "1"}]}, "identifiers[0]: missing field(s) type"),
        (
            {"title": "x", "attachments": [{"filename": "f"}]},
            "attachments[0]: missing field(s) sha256, size",
        ),
        ([], "record: expected an object, got a list"),
        ("Flora", "record: expected an object, got «Flora»"),
        (None, "record: expected an object, got null"),
    ],
)
def test_strict_reading_names_the_path_of_the_problem(data, message):
    assert _read_error(data) == message


@pytest.mark.parametrize("price", ["NaN", "nan", "Infinity", "-Infinity", "sNaN", float("nan")])
def test_price_that_is_not_a_finite_number_is_rejected(price):
    _read_error({"title": "x", "copies": [{"inventory_number": "1", "price": price}]})


# --- RFC 7396 merge patch ----------------------------------------------------------------------


def test_merge_patch_follows_the_rfc_7396_example():
    target = {
        "title": "Goodbye!",
        "author": {"givenName": "John", "familyName": "Doe"},
        "tags": ["example", "sample"],
        "content": "This will be unchanged",
    }
    patch = {
        "title": "Hello!",
        "phoneNumber": "+01-555-1234",
        "author": {"familyName": None},
        "tags": ["example"],
    }
    assert merge_patch(target, patch) == {
        "title": "Hello!",
        "author": {"givenName": "John"},
        "tags": ["example"],
        "content": "This will be unchanged",
        "phoneNumber": "+01-555-1234",
    }


# RFC 7396, Appendix A
@pytest.mark.parametrize(
    ("target", "patch", "result"),
    [
        ({"a": "b"}, {"a": "c"}, {"a": "c"}),
        ({"a": "b"}, {"b": "c"}, {"a": "b", "b": "c"}),
        ({"a": "b"}, {"a": None}, {}),
        ({"a": "b", "b": "c"}, {"a": None}, {"b": "c"}),
        ({"a": ["b"]}, {"a": "c"}, {"a": "c"}),
        ({"a": "c"}, {"a": ["b"]}, {"a": ["b"]}),
        ({"a": {"b": "c"}}, {"a": {"b": "d", "c": None}}, {"a": {"b": "d"}}),
        ({"a": [{"b": "c"}]}, {"a": [1]}, {"a": [1]}),
        (["a", "b"], ["c", "d"], ["c", "d"]),
        ({"a": "b"}, ["c"], ["c"]),
        ({"a": "foo"}, None, None),
        ({"a": "foo"}, "bar", "bar"),
        ({"e": None}, {"a": 1}, {"e": None, "a": 1}),
        ([1, 2], {"a": "b", "c": None}, {"a": "b"}),
        ({}, {"a": {"bb": {"ccc": None}}}, {"a": {"bb": {}}}),
    ],
)
def test_merge_patch_passes_the_rfc_7396_test_cases(target, patch, result):
    assert merge_patch(target, patch) == result


def test_merge_patch_leaves_target_and_patch_untouched():
    target = {"a": {"b": 1, "c": [1, 2]}, "d": 1}
    patch = {"a": {"b": None, "e": {"f": 1}}, "d": None}
    target_before = json.loads(json.dumps(target))
    patch_before = json.loads(json.dumps(patch))
    assert merge_patch(target, patch) == {"a": {"c": [1, 2], "e": {"f": 1}}}
    assert target == target_before
    assert patch == patch_before


def test_merge_patch_edits_a_record_dict():
    original = record_to_dict(rich_record())
    patch = {
        "title": "Жаңа атау",
        "host": {"pages": "45-60"},
        "copies": [{"inventory_number": "И-2000"}],
        "deleted_at": None,
        "languages": ["kaz"],
    }
    edited = record_from_dict(merge_patch(original, patch))
    assert edited.title == "Жаңа атау"
    assert edited.host == HostItem(
        "Вестник КазНУ. Серия экологическая", "2005", "12", "3 (45)", "45-60"
    )
    assert edited.copies == [Copy("И-2000")]  # arrays are replaced, not merged
    assert edited.deleted_at is None
    assert edited.languages == ["kaz"]
    assert edited.contributors == rich_record().contributors


def test_merge_patch_that_deletes_the_title_is_refused_on_reading():
    patched = merge_patch(record_to_dict(rich_record()), {"title": None})
    assert _read_error(patched) == "record: missing field(s) title"


def test_merge_patch_that_deletes_the_host_restores_its_default():
    patched = merge_patch(record_to_dict(rich_record()), {"host": None})
    assert record_from_dict(patched).host is None


# --- properties --------------------------------------------------------------------------------

json_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=False),
    st.text(max_size=12),
    st.sampled_from(["2024-03-01", "2024-03-01T10:15:30", "12.50", "book", "on_loan", "kaz"]),
)

FIELD_NAMES = sorted(
    {
        f.name
        for cls in vars(model).values()
        if dataclasses.is_dataclass(cls)
        for f in dataclasses.fields(cls)
    }
)
json_keys = st.one_of(st.sampled_from(FIELD_NAMES), st.text(max_size=8))
json_values = st.recursive(
    json_scalars,
    lambda children: st.one_of(
        st.lists(children, max_size=3),
        st.dictionaries(json_keys, children, max_size=5),
    ),
    max_leaves=8,
)
RECORD_FIELDS = [f.name for f in dataclasses.fields(Record)]
record_like = st.one_of(
    json_values,
    st.dictionaries(st.sampled_from(FIELD_NAMES), json_values, max_size=6),
    st.builds(
        lambda title, rest: {**rest, "title": title},
        st.text(max_size=5),
        st.dictionaries(st.sampled_from(RECORD_FIELDS), json_values, max_size=6),
    ),
)


@settings(max_examples=150, deadline=None)
@given(record_like)
def test_reading_random_json_raises_nothing_but_input_error(data):
    try:
        record = from_jsonable(Record, data)
    except InputError as error:
        assert str(error)
    else:
        assert isinstance(record, Record)


plain_text = st.text(alphabet=st.characters(exclude_categories=["Cs"]), max_size=15)
finite_prices = st.decimals(allow_nan=False, allow_infinity=False, places=2, max_value=10**9)
aware_or_naive_datetimes = st.datetimes(
    min_value=dt.datetime(1900, 1, 1),
    max_value=dt.datetime(2100, 1, 1),
    timezones=st.one_of(st.none(), st.just(dt.UTC), st.just(ALMATY)),
).map(lambda value: value.replace(microsecond=0))

records = st.builds(
    Record,
    title=plain_text,
    material_type=st.sampled_from(MaterialType),
    year=plain_text,
    languages=st.lists(
        st.text(alphabet=string.ascii_lowercase, min_size=3, max_size=3), max_size=3
    ),
    notes=st.lists(plain_text, max_size=3),
    contributors=st.lists(
        st.builds(Contributor, plain_text, plain_text, st.sampled_from(ContributorRole)), max_size=3
    ),
    host=st.one_of(st.none(), st.builds(HostItem, plain_text, plain_text)),
    links=st.lists(st.builds(OnlineLink, plain_text, st.one_of(st.none(), st.dates())), max_size=2),
    copies=st.lists(
        st.builds(
            Copy,
            plain_text,
            status=st.sampled_from(CopyStatus),
            source=st.one_of(st.none(), st.sampled_from(AcquisitionSource)),
            price=st.one_of(st.none(), finite_prices),
            acquired_on=st.one_of(st.none(), st.dates()),
        ),
        max_size=3,
    ),
    id=st.one_of(st.none(), st.integers(1, 2**31)),
    version=st.integers(0, 1000),
    created_at=st.one_of(st.none(), aware_or_naive_datetimes),
)


@settings(max_examples=100, deadline=None)
@given(records)
def test_any_record_survives_the_json_round_trip(record):
    text = json.dumps(record_to_dict(record), ensure_ascii=False)
    assert record_from_dict(json.loads(text)) == record


@settings(max_examples=100, deadline=None)
@given(json_values, json_values)
def test_merge_patch_is_idempotent(target, patch):
    once = merge_patch(target, patch)
    assert merge_patch(once, patch) == once
