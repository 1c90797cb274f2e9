"""CSL-JSON: no openly licensed sample exists, so the written items are checked against the
shape CSL-JSON requires, and the reader against the variants generators produce."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from library_app.core.model import (
    Contributor,
    ContributorRole,
    HostItem,
    MaterialType,
    OnlineLink,
    Record,
)
from library_app.interchange.base import FormatError, Severity
from library_app.interchange.csljson import CslJsonReader, CslJsonWriter
from tests.interchange.test_citations_common import (
    cyrillic_book,
    journal_article,
    never_crashes,
    people,
    read_bytes,
    write_bytes,
)

# The item types of CSL 1.0.2 (csl-data.json schema)
CSL_TYPES = {
    "article", "article-journal", "article-magazine", "article-newspaper", "bill", "book",
    "broadcast", "chapter", "classic", "collection", "dataset", "document", "entry",
    "entry-dictionary", "entry-encyclopedia", "event", "figure", "graphic", "hearing",
    "interview", "legal_case", "legislation", "manuscript", "map", "motion_picture",
    "musical_score", "pamphlet", "paper-conference", "patent", "performance", "periodical",
    "personal_communication", "post", "post-weblog", "regulation", "report", "review",
    "review-book", "software", "song", "speech", "standard", "thesis", "treaty", "webpage",
}  # fmt: skip
NAME_KEYS = {"family", "given", "dropping-particle", "non-dropping-particle", "suffix", "literal"}
NAME_VARIABLES = {"author", "editor", "translator", "compiler", "authority"}
DATE_VARIABLES = {"issued", "accessed"}


def check_item(item: dict[str, Any]) -> None:
    """The rules of the CSL-JSON schema our items can break."""
    assert isinstance(item["id"], str) and item["id"]
    assert item["type"] in CSL_TYPES
    for key, value in item.items():
        if key in NAME_VARIABLES:
            assert isinstance(value, list) and value
            for name in value:
                assert set(name) <= NAME_KEYS and ("family" in name or "literal" in name)
                assert all(isinstance(v, str) and v for v in name.values())
        elif key in DATE_VARIABLES:
            assert set(value) <= {"date-parts", "literal", "raw", "circa", "season"}
            for part in value.get("date-parts", []):
                assert 1 <= len(part) <= 3 and all(isinstance(n, int) for n in part)
        elif key != "id":
            assert isinstance(value, str) and value, key


def test_written_items_have_the_required_keys_and_shapes() -> None:
    chapter = Record(
        title="Пыльные бури",
        material_type=MaterialType.ARTICLE,
        year="1998-2003",
        contributors=[Contributor("МКВК", role=ContributorRole.ISSUING_BODY)],
        publishers=["Ғылым"],
        host=HostItem("Материалы конференции «Арал»", "2003", pages="5-17"),
    )
    undated = Record(
        title="Карта", material_type=MaterialType.MAP, year="[2005?]", scale="1:1 000 000"
    )
    undated.id = 42
    data = write_bytes(CslJsonWriter(), [cyrillic_book(), journal_article(), chapter, undated])
    text = data.decode("utf-8")
    assert "Иванов" in text  # ensure_ascii=False
    items = json.loads(text)
    for item in items:
        check_item(item)
    assert [item["id"] for item in items] == ["ivanov2005", "muller2010", "mkvk1998", "rec-42"]
    assert [item["type"] for item in items] == [
        "book",
        "article-journal",
        "paper-conference",
        "map",
    ]
    assert items[0]["author"][2] == {"literal": "Институт географии"}
    assert items[0]["translator"] == [{"family": "Smith", "given": "John", "suffix": "Jr."}]
    assert items[0]["accessed"] == {"date-parts": [[2020, 5, 1]]}
    assert items[2]["issued"] == {"date-parts": [[1998], [2003]]}
    assert items[2]["authority"] == [{"literal": "МКВК"}]
    assert items[3]["issued"] == {"literal": "[2005?]"}
    assert text.startswith('[\n  {\n    "id": "ivanov2005",\n')
    assert json.dumps(items, ensure_ascii=False, indent=2) + "\n" == text


def test_an_empty_export_is_an_empty_array() -> None:
    assert json.loads(write_bytes(CslJsonWriter(), [])) == []


def test_the_variants_generators_write_are_read() -> None:
    items = [
        {
            "id": 1,
            "type": "chapter",
            "title": "Glaciers of the Pamirs: an overview",
            "author": [
                {"family": "Gogh", "given": "Vincent", "non-dropping-particle": "van"},
                {"literal": "Tajik Academy of Sciences"},
                "Қасымов, Ә. Б.",
            ],
            "container-title": "Mountains of Central Asia",
            "issued": {"raw": "2001"},
            "page": "10–20",
            "volume": 2,
            "ISBN": ["978-5-02-033152-5", "bad"],
            "keyword": "glaciers, Pamir",
            "language": "en-GB",
            "accessed": {"raw": "2019-11-30"},
            "URL": "www.example.org/pamir",
        },
        {"type": "book", "title": "Отчёт", "issued": {"date-parts": [["1999", 5]], "circa": True}},
        {"type": "book", "title": "Без даты", "issued": {"literal": "[б. г.]"}},
        {"type": "legislation", "title": "Водный кодекс", "issued": "2003"},
        "not an object",
        {"title": "Без типа", "custom-field": "x", "archive_location": "shelf 5"},
    ]
    result = read_bytes(CslJsonReader(), json.dumps(items, ensure_ascii=False).encode())
    chapter, circa, undated, law, junk, untyped = result.items
    assert chapter.record is not None
    assert people(chapter.record) == [
        ("van Gogh", "Vincent", ContributorRole.AUTHOR),
        ("Tajik Academy of Sciences", "", ContributorRole.CORPORATE_AUTHOR),
        ("Қасымов", "Ә. Б.", ContributorRole.AUTHOR),
    ]
    assert chapter.record.host == HostItem("Mountains of Central Asia", "2001", "2", "", "10-20")
    assert chapter.record.title_remainder == "an overview"
    assert chapter.record.languages == ["eng"]
    assert chapter.record.links == [
        OnlineLink("https://www.example.org/pamir", dt.date(2019, 11, 30))
    ]
    assert [str(p) for p in chapter.problems] == [
        "record 1, item «1», ISBN: ISBN bad: has 3 characters, expected 10 or 13; left out"
    ]
    assert circa.record is not None and circa.record.year == "[1999?]"
    assert undated.record is not None and undated.record.year == "[б. г.]"
    assert law.record is not None and law.record.material_type == MaterialType.BOOK
    assert "type «legislation» has no counterpart" in law.problems[0].message
    assert junk.record is None and "must be a JSON object" in junk.problems[0].message
    assert untyped.record is not None
    assert [p.message for p in untyped.problems] == ["the item has no type; read as a book"]


def test_a_single_object_and_a_cut_off_array() -> None:
    single = read_bytes(CslJsonReader(), b'{"id": "x", "type": "book", "title": "One"}')
    assert single.items[0].record is not None
    data = write_bytes(CslJsonWriter(), [cyrillic_book(), journal_article(), cyrillic_book()])
    cut = data[: data.index('"Солёность'.encode())]
    result = read_bytes(CslJsonReader(), cut)
    first, damaged = result.items
    assert first.record is not None and first.record.title == "Ландшафты Казахстана"
    assert damaged.record is None and damaged.position == 2
    assert "damaged or cut off" in damaged.problems[0].message
    assert damaged.problems[0].severity == Severity.ERROR


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"[]", "empty"),
        (b"[{", "not valid JSON"),
        (b'{"records": []}', "not CSL-JSON"),
        (b"42", "not CSL-JSON"),
        (b"\x00\x01\x02", "binary"),
    ],
)
def test_what_is_not_csl_json_is_refused(data: bytes, message: str) -> None:
    with pytest.raises(FormatError, match=message):
        read_bytes(CslJsonReader(), data)


def test_sniffing() -> None:
    big = write_bytes(CslJsonWriter(), [cyrillic_book()] * 200)
    assert len(big) > 65536
    assert CslJsonReader.sniff(big[:65536]) == 85  # the head of a large file does not parse
    assert CslJsonReader.sniff(b'{"type": "book", "title": "One"}') == 70
    assert CslJsonReader.sniff(b'{"version": 1, "ids": [1, 2]}') == 0
    assert CslJsonReader.sniff(b"[1, 2, 3]") == 0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=2000))
def test_random_bytes_never_crash_the_reader(data: bytes) -> None:
    never_crashes(CslJsonReader(), data)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(
        st.sampled_from(
            ["id", "type", "title", "author", "editor", "issued", "accessed", "page", "ISBN",
             "ISSN", "DOI", "URL", "language", "keyword", "container-title", "date-parts",
             "family", "given", "literal", "raw", "publisher", "note", "volume"]
        ),
        children,
        max_size=6,
    ),
    max_leaves=20,
)  # fmt: skip


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(JSON, max_size=4))
def test_items_of_any_shape_never_crash_the_reader(items: list[Any]) -> None:
    never_crashes(CslJsonReader(), json.dumps(items).encode())
