"""The import service end to end on real MARC files: dry run, duplicates (catalog, file, across
scripts), policies, atomicity and cancelling, strict mode, copy numbers, the report."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from library_app.core.errors import Cancelled, InputError, LibraryError
from library_app.core.model import (
    Contributor,
    Copy,
    Identifier,
    IdentifierType,
    MaterialType,
    Record,
)
from library_app.db.records import RecordRepository
from library_app.interchange.base import FormatError
from library_app.interchange.duplicate_check import DuplicateFinder
from library_app.interchange.importing import (
    Action,
    DuplicatePolicy,
    ImportRefused,
    apply_import,
    dry_run_report,
    plan_import,
)
from library_app.interchange.report import report_to_json, report_to_text, save_report

MARC = Path(__file__).resolve().parents[1] / "data" / "shared" / "marc"


@pytest.fixture
def loc_file(tmp_path: Path) -> Path:
    """Ten ordinary LoC book records (MARC-8)."""
    target = tmp_path / "loc.mrc"
    shutil.copy(MARC / "marc21" / "pymarc-test.mrc", target)
    return target


def test_dry_run_counts_every_record_and_writes_nothing(catalog, loc_file):
    plan = plan_import(catalog, loc_file)

    report = dry_run_report(plan)
    assert plan.format_id == "marc21"
    assert plan.encoding == "marc-8"
    assert plan.counts()["records"] == 10
    assert plan.counts()["add"] == 10
    assert report.dry_run
    assert RecordRepository(catalog).count() == 0


def test_import_adds_all_records_then_a_second_import_finds_them_all_duplicates(catalog, loc_file):
    report = apply_import(catalog, plan_import(catalog, loc_file))
    repository = RecordRepository(catalog)
    assert len(report.added_ids) == 10
    assert repository.count() == 10
    first = repository.get(report.added_ids[0])
    assert first.source is not None and first.source.format == "marc21"

    again = plan_import(catalog, loc_file)
    counts = again.counts()
    assert counts["skip"] == 10 and counts["duplicates"] == 10
    assert {item.duplicate.record_id for item in again.items} == set(report.added_ids)
    assert apply_import(catalog, again).added_ids == []
    assert repository.count() == 10


def test_update_policy_overwrites_the_description_and_keeps_the_copies(catalog, loc_file):
    repository = RecordRepository(catalog)
    (first_id, *_) = apply_import(catalog, plan_import(catalog, loc_file)).added_ids
    record = repository.get(first_id)
    record.title = "Changed here"
    record.copies = [Copy("INV-1", location="Stack")]
    repository.update(record)

    plan = plan_import(catalog, loc_file, policy=DuplicatePolicy.UPDATE)
    report = apply_import(catalog, plan)

    assert sorted(report.updated_ids) == sorted(repository.ids())
    updated = repository.get(first_id)
    assert updated.title != "Changed here"
    assert [c.inventory_number for c in updated.copies] == ["INV-1"]
    assert repository.count() == 10


def test_add_policy_adds_duplicates_anyway(catalog, loc_file):
    apply_import(catalog, plan_import(catalog, loc_file))
    plan = plan_import(catalog, loc_file, policy=DuplicatePolicy.ADD)
    assert plan.counts()["add"] == 10 and plan.counts()["duplicates"] == 10
    apply_import(catalog, plan)
    assert RecordRepository(catalog).count() == 20


def test_ask_policy_waits_for_decisions(sqlite_catalog, loc_file):
    apply_import(sqlite_catalog, plan_import(sqlite_catalog, loc_file))
    plan = plan_import(sqlite_catalog, loc_file, policy=DuplicatePolicy.ASK)
    assert len(plan.undecided()) == 10
    with pytest.raises(InputError, match="undecided"):
        apply_import(sqlite_catalog, plan)
    for item in plan.items:
        plan.decide(item.position, Action.SKIP)
    plan.decide(1, Action.ADD)
    plan.decide(2, Action.UPDATE)
    report = apply_import(sqlite_catalog, plan)
    assert len(report.added_ids) == 1 and len(report.updated_ids) == 1


def test_the_same_record_twice_in_one_file_is_imported_once(sqlite_catalog, tmp_path):
    doubled = tmp_path / "twice.mrc"
    data = (MARC / "marc21" / "pymarc-test.mrc").read_bytes()
    doubled.write_bytes(data + data)

    plan = plan_import(sqlite_catalog, doubled)

    assert plan.counts()["records"] == 20
    assert plan.counts()["add"] == 10 and plan.counts()["skip"] == 10
    eleventh = plan.items[10]
    assert eleventh.duplicate is not None and eleventh.duplicate.position == 1


def test_a_cancelled_import_leaves_the_catalog_unchanged(catalog, loc_file):
    repository = RecordRepository(catalog)
    before = repository.count()
    plan = plan_import(catalog, loc_file)
    calls = {"n": 0}

    def cancel_after_first_batch() -> bool:
        calls["n"] += 1
        return True

    with pytest.raises(Cancelled):
        apply_import(catalog, plan, is_cancelled=cancel_after_first_batch)
    assert repository.count() == before
    assert calls["n"] >= 1


def test_a_file_that_is_not_a_catalog_file_changes_nothing(catalog, tmp_path):
    garbage = tmp_path / "photo.mrc"
    garbage.write_bytes(bytes(range(256)) * 40)
    with pytest.raises(FormatError, match=r"photo\.mrc"):
        plan_import(catalog, garbage)
    assert RecordRepository(catalog).count() == 0


def test_strict_import_of_a_damaged_file_imports_nothing(sqlite_catalog):
    damaged = MARC / "broken" / "pymarc-bad-records.mrc"
    plan = plan_import(sqlite_catalog, damaged, strict=True)
    assert plan.counts()["error"] >= 1
    with pytest.raises(ImportRefused, match="strict"):
        apply_import(sqlite_catalog, plan)
    assert RecordRepository(sqlite_catalog).count() == 0

    lenient = plan_import(sqlite_catalog, damaged)
    report = apply_import(sqlite_catalog, lenient)
    assert len(report.added_ids) == lenient.counts()["add"] > 0
    errors = [item for item in lenient.items if item.action == Action.ERROR]
    assert all(p.position == item.position for item in errors for p in item.errors)


def test_taken_inventory_numbers_are_renumbered_with_a_warning(sqlite_catalog, tmp_path):
    repository = RecordRepository(sqlite_catalog)
    repository.add(Record("Already here", copies=[Copy("100")]))
    from library_app.interchange.base import WriteOptions
    from library_app.interchange.marc21 import Marc21Writer

    incoming = [
        Record("Пустыни Казахстана", year="2001", copies=[Copy("100"), Copy("")]),
        Record("Горы Тянь-Шаня", year="2002", copies=[Copy("101")]),
    ]
    path = tmp_path / "copies.mrc"
    with path.open("wb") as stream:
        Marc21Writer().write(incoming, stream, WriteOptions())

    plan = plan_import(sqlite_catalog, path)
    warnings = [str(p) for p in plan.problems()]
    assert any("100 is already used by catalog record" in w for w in warnings)
    report = apply_import(sqlite_catalog, plan, inventory_pattern="{n}")
    numbers = sorted(
        c.inventory_number for r in repository.get_many(report.added_ids) for c in r.copies
    )
    assert numbers == ["101", "102", "103"]
    assert report.renumbered_copies == 2


def test_report_lists_skipped_records_and_problems_as_text_and_json(sqlite_catalog, tmp_path):
    damaged = MARC / "broken" / "pymarc-bad-records.mrc"
    plan = plan_import(sqlite_catalog, damaged)
    report = apply_import(sqlite_catalog, plan)

    text = report_to_text(report)
    data = report_to_json(report)
    assert "Not imported" in text
    assert data["counts"]["error"] == plan.counts()["error"]
    failed = [r for r in data["records"] if r["action"] == "error"]
    assert failed and all(r["problems"] for r in failed)
    save_report(report, tmp_path / "report.json")
    assert json.loads((tmp_path / "report.json").read_text("utf-8"))["file"].endswith(".mrc")


# --- duplicates across scripts ----------------------------------------------------------------


def test_a_title_in_latin_letters_meets_the_same_title_in_cyrillic(catalog):
    repository = RecordRepository(catalog)
    existing = repository.add(
        Record(
            "Озеро Балхаш: экологическое состояние",
            year="2005",
            contributors=[Contributor("Иванов", "И. И.")],
        )
    )
    incoming = Record(
        "Ozero Balkhash: ekologicheskoe sostoyanie",
        year="2005",
        contributors=[Contributor("Ivanov", "I. I.")],
    )
    other_author = Record(
        "Ozero Balkhash: ekologicheskoe sostoyanie",
        year="2005",
        contributors=[Contributor("Smith", "J.")],
    )
    finder = DuplicateFinder.for_records(catalog, [incoming, other_author])

    found = finder.check(incoming)
    assert found is not None and found.reason == "title" and found.record_id == existing.id
    assert finder.check(other_author) is None


def test_isbn_10_in_the_file_meets_isbn_13_in_the_catalog(catalog):
    repository = RecordRepository(catalog)
    existing = repository.add(
        Record("Red Book", identifiers=[Identifier(IdentifierType.ISBN, "9785020000001")])
    )
    incoming = Record(
        "Красная книга", identifiers=[Identifier(IdentifierType.ISBN, "5-02-000000-0")]
    )
    found = DuplicateFinder.for_records(catalog, [incoming]).check(incoming)
    assert found is not None and found.reason == "isbn" and found.record_id == existing.id


def test_the_same_control_number_from_another_agency_is_not_a_duplicate(sqlite_catalog):
    repository = RecordRepository(sqlite_catalog)
    repository.add(Record("One", control_number="123", control_source="DLC"))
    same = Record("Quite different", control_number="123", control_source="dlc")
    other = Record("Quite different", control_number="123", control_source="RuMoRGB")
    finder = DuplicateFinder.for_records(sqlite_catalog, [same, other])
    assert finder.check(same) is not None
    assert finder.check(other) is None


def test_identifiers_shared_by_parts_do_not_make_duplicates(sqlite_catalog):
    """A chapter carries its book's ISBN, every issue of a journal its ISSN, every volume of a
    set the set's ISBN: none of them is a duplicate of the others."""
    isbn = [Identifier(IdentifierType.ISBN, "9785020000001")]
    issn = [Identifier(IdentifierType.ISSN, "0032-9428")]
    book = Record("Избранные труды", year="1990", identifiers=list(isbn))
    chapter = Record(
        "Слово, диалог и роман",
        material_type=MaterialType.ARTICLE,
        year="1990",
        identifiers=list(isbn),
    )
    volume_1 = Record("Собрание сочинений. Т. 1", year="1998", identifiers=list(isbn))
    volume_2 = Record("Собрание сочинений. Т. 2", year="1998", identifiers=list(isbn))
    issue_3 = Record(
        "Проблемы освоения пустынь. № 3", MaterialType.SERIAL, year="1989", identifiers=list(issn)
    )
    issue_4 = Record(
        "Проблемы освоения пустынь. № 4", MaterialType.SERIAL, year="1989", identifiers=list(issn)
    )
    later_3 = Record(
        "Проблемы освоения пустынь. № 3", MaterialType.SERIAL, year="2005", identifiers=list(issn)
    )
    again_3 = Record(
        "Проблемы освоения пустынь. № 3", MaterialType.SERIAL, year="1989", identifiers=list(issn)
    )

    finder = DuplicateFinder.for_records(sqlite_catalog, [])
    for position, record in enumerate([book, volume_1, issue_3], start=1):
        finder.remember(record, position)
    assert finder.check(chapter) is None
    assert finder.check(volume_2) is None
    assert finder.check(issue_4) is None and finder.check(later_3) is None
    found = finder.check(again_3)
    assert found is not None and found.reason == "issn" and found.position == 3


def test_two_records_with_different_numbers_from_one_source_are_two_records(sqlite_catalog):
    first = Record("Community survey", year="2018", control_number="1-x", control_source="MdBe")
    second = Record("Community survey", year="2018", control_number="2-x", control_source="MdBe")
    other_source = Record("Community survey", year="2018", control_number="9", control_source="X")
    finder = DuplicateFinder.for_records(sqlite_catalog, [])
    finder.remember(first, 1)
    assert finder.check(second) is None
    assert finder.check(other_source) is not None


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_a_damaged_file_is_imported_whole_or_refused_never_in_part(sqlite_catalog, tmp_path, data):
    """Random damage to a real MARC file: the import either refuses the file with our own
    error, or writes exactly the records its plan promised, never a part of them."""
    original = bytearray((MARC / "marc21" / "pymarc-test.mrc").read_bytes())
    for _ in range(data.draw(st.integers(1, 12))):
        position = data.draw(st.integers(0, len(original) - 1))
        original[position] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(original) // 2, len(original)))
    path = tmp_path / "damaged.mrc"
    path.write_bytes(bytes(original[:cut]))
    repository = RecordRepository(sqlite_catalog)
    before = repository.count()
    try:
        plan = plan_import(sqlite_catalog, path, format_id="marc21", policy=DuplicatePolicy.ADD)
        report = apply_import(sqlite_catalog, plan)
    except LibraryError:
        assert repository.count() == before
        return
    assert len(report.added_ids) == plan.counts()["add"]
    assert repository.count() == before + plan.counts()["add"]
