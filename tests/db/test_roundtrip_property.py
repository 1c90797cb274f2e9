"""Property: whatever valid record a librarian or an import produces is read back unchanged."""

from __future__ import annotations

import copy as copying
import itertools
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

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
    SourceRecord,
    Subfield,
)
from library_app.core.serialization import record_to_dict
from library_app.core.validation import normalize_record
from library_app.db.records import RecordRepository

# Any printable text, weighted towards the scripts the collection holds.
letters = st.characters(blacklist_categories=("Cs", "Cc"))
regional = st.sampled_from(list("абвгдеёжзийқғңөұүһіәҳӣӯҷşçňžýäüöʻ’ABCxyz 0123-.,:;«»"))
text = st.text(st.one_of(letters, regional), max_size=30)
word = text.filter(lambda s: s.strip() and s == s.strip())
words = st.lists(word, max_size=3)
language = st.sampled_from(["rus", "eng", "kaz", "uzb", "kir", "tgk", "tuk"])

contributors = st.builds(
    Contributor,
    name=word,
    forenames=text,
    role=st.sampled_from(list(ContributorRole)),
    name_other_script=text,
)
copies = st.builds(
    Copy,
    inventory_number=st.just("set by the test"),
    barcode=st.booleans().map(lambda b: "set by the test" if b else ""),
    location=text,
    shelf_mark=text,
    status=st.sampled_from(list(CopyStatus)),
    acquired_on=st.one_of(st.none(), st.dates()),
    source=st.one_of(st.none(), st.sampled_from(list(AcquisitionSource))),
    price=st.one_of(st.none(), st.decimals(0, 10**9, places=2).map(Decimal)),
    currency=st.sampled_from(["", "KZT", "RUB", "USD"]),
    note=text,
)
tags = st.from_regex(r"[0-9]{3}", fullmatch=True)
source_fields = st.one_of(
    st.builds(SourceField, tag=tags, data=text),
    st.builds(
        SourceField,
        tag=tags,
        indicators=st.from_regex(r"[0-9 ]{2}", fullmatch=True),
        subfields=st.lists(
            st.builds(Subfield, st.sampled_from(list("abcvxyz9")), text), min_size=1, max_size=4
        ),
    ),
)
sources = st.one_of(
    st.none(),
    st.builds(
        SourceRecord,
        st.sampled_from(["marc21", "rusmarc"]),
        st.from_regex(r"[0-9]{5}[a-z ]{4}a22[0-9]{5}[ a-z0-9]{3}4500", fullmatch=True),
        st.lists(source_fields, max_size=5),
    ),
)
records = st.builds(
    Record,
    title=word,
    material_type=st.sampled_from(list(MaterialType)),
    title_remainder=text,
    parallel_titles=st.lists(st.builds(ParallelTitle, word, language), max_size=2),
    responsibility=text,
    contributors=st.lists(contributors, max_size=4),
    edition=text,
    places=words,
    publishers=words,
    year=st.one_of(st.just(""), st.integers(1500, 2026).map(str)),
    extent=st.builds(Extent, text, text, text),
    scale=text,
    series=st.lists(st.builds(Series, word, text), max_size=2),
    notes=words,
    summary=text,
    languages=st.lists(language, max_size=3),
    identifiers=st.lists(
        st.builds(Identifier, st.just(IdentifierType.LOCAL), word, text), max_size=3
    ),
    classifications=st.lists(
        st.builds(Classification, st.sampled_from(list(ClassificationScheme)), word), max_size=3
    ),
    subjects=words,
    geographic_names=words,
    keywords=words,
    host=st.one_of(st.none(), st.builds(HostItem, word, text, text, text, text)),
    links=st.lists(
        st.builds(
            OnlineLink,
            st.from_regex(r"https://[a-z]{1,10}\.(kz|org)/[a-z0-9/]{0,20}", fullmatch=True),
            st.one_of(st.none(), st.dates()),
            text,
        ),
        max_size=2,
    ),
    project=text,
    funders=words,
    control_number=text,
    control_source=text,
    source=sources,
    copies=st.lists(copies, max_size=3),
)


UNIQUE = itertools.count(1)


def comparable(record: Record) -> dict:
    data = record_to_dict(record)
    for key in ("id", "version", "created_at", "updated_at", "deleted_at"):
        data.pop(key)
    for item in data["copies"]:
        item.pop("id")
        item.pop("version")
    return data


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(record=records)
def test_any_valid_record_survives_a_save_and_load_unchanged(catalog, record):
    # The catalog outlives single examples, so numbers must be unique across all of them.
    for holding in record.copies:
        number = next(UNIQUE)
        holding.inventory_number = f"INV-{number}"
        holding.barcode = f"BC-{number}" if holding.barcode else ""
    expected = comparable(normalize_record(copying.deepcopy(record)))
    saved = RecordRepository(catalog).add(record)
    assert comparable(saved) == expected
