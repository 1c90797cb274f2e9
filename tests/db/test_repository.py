"""The record repository on SQLite and PostgreSQL: round trips, versions, journal, atomicity."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from library_app.core.errors import Cancelled, ConflictError, NotFound, ValidationFailed
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
)
from library_app.core.serialization import record_to_dict
from library_app.db.records import RecordRepository

BOOKKEEPING = ("id", "version", "created_at", "updated_at", "deleted_at")


def kazakh_report() -> Record:
    return Record(
        title="Балқаш көлінің экологиялық жағдайы",
        material_type=MaterialType.REPORT,
        title_remainder="талдамалық баяндама",
        parallel_titles=[ParallelTitle("Ecological state of Lake Balkhash", "eng")],
        responsibility="РЭЦЦА ; ред. А. К. Ахметов",
        contributors=[
            Contributor("Ахметов", "А. К.", ContributorRole.EDITOR, "Akhmetov"),
            Contributor(
                "Региональный экологический центр Центральной Азии",
                role=(ContributorRole.ISSUING_BODY),
            ),
        ],
        edition="2-е изд.",
        places=["Алматы"],
        publishers=["РЭЦЦА"],
        year="[2015?]",
        extent=Extent("124 б.", "ил.", "29 см"),
        series=[Series("Экологиялық зерттеулер", "3")],
        notes=["Мәтін қазақ және ағылшын тілдерінде"],
        summary="Балқаш көлінің су деңгейі мен ластануы туралы шолу.",
        languages=["kaz", "eng"],
        identifiers=[
            Identifier(IdentifierType.DOI, "10.1000/XYZ-1"),
            Identifier(IdentifierType.ISBN, "0-306-40615-2", "pbk."),
        ],
        classifications=[
            Classification(ClassificationScheme.UDC, "502/504(574)"),
            Classification(ClassificationScheme.BBK, "20.1"),
        ],
        subjects=["Су ресурстары", "Ластану"],
        geographic_names=["Балқаш көлі"],
        keywords=["мониторинг"],
        links=[OnlineLink("https://carececo.org/balkhash.pdf", dt.date(2024, 3, 12))],
        project="Central Asia Nexus Dialogue project",
        funders=["European Union"],
        control_number="CAREC-000001",
        control_source="CAREC",
        copies=[
            Copy(
                "000101",
                barcode="2000000001017",
                location="Читальный зал",
                shelf_mark="20.1 А95",
                status=CopyStatus.AVAILABLE,
                acquired_on=dt.date(2016, 2, 1),
                source=AcquisitionSource.PURCHASE,
                price=Decimal("2500.00"),
                currency="KZT",
            ),
            Copy("000102", status=CopyStatus.ON_LOAN, source=AcquisitionSource.GIFT),
        ],
    )


def content(record: Record) -> dict:
    data = record_to_dict(record)
    for key in BOOKKEEPING:
        data.pop(key)
    for copy in data["copies"]:
        copy.pop("id")
        copy.pop("version")
    return data


def test_saved_record_reads_back_with_every_field_and_normalised_isbn(catalog):
    repository = RecordRepository(catalog)
    original = kazakh_report()
    saved = repository.add(kazakh_report())

    assert saved.id is not None and saved.version == 1
    assert saved.created_at is not None and saved.created_at.tzinfo is not None
    expected = content(original)
    expected["identifiers"][0]["value"] = "10.1000/xyz-1"
    expected["identifiers"][1]["value"] = "9780306406157"
    assert content(saved) == expected


def test_record_with_invalid_isbn_is_refused_with_field_and_check_digit(catalog):
    record = kazakh_report()
    record.identifiers = [Identifier(IdentifierType.ISBN, "978-5-02-033152-9")]
    with pytest.raises(ValidationFailed, match=r"identifiers\[0\].*check digit should be 5"):
        RecordRepository(catalog).add(record)
    assert RecordRepository(catalog).count() == 0


def test_warnings_do_not_block_saving(catalog):
    saved = RecordRepository(catalog).add(Record(title="Без года и языка"))
    assert saved.year == "" and saved.languages == []


def test_bulk_add_is_atomic_when_one_record_is_invalid(catalog):
    repository = RecordRepository(catalog)
    records = [Record(title=f"Отчёт {n}", year="2001") for n in range(1200)]
    records[1100].title = ""  # in the third batch: earlier batches were already written
    with pytest.raises(ValidationFailed, match="record 1101"):
        repository.add_many(records, batch_size=500)
    assert repository.count() == 0
    assert repository.journal() == []


def test_bulk_add_is_atomic_when_an_inventory_number_is_taken(catalog):
    repository = RecordRepository(catalog)
    repository.add(Record(title="Первый", copies=[Copy("000001")]))
    batch = [Record(title="A", copies=[Copy("000002")]), Record(title="B", copies=[Copy("000001")])]
    with pytest.raises(ConflictError, match="000001 is already used by a copy of record 1"):
        repository.add_many(batch)
    assert repository.count() == 1


def test_duplicate_barcode_within_a_batch_is_refused(catalog):
    batch = [
        Record(title="A", copies=[Copy("1", barcode="B1")]),
        Record(title="B", copies=[Copy("2", barcode="B1")]),
    ]
    with pytest.raises(ConflictError, match="barcode B1"):
        RecordRepository(catalog).add_many(batch)


def test_cancelled_bulk_add_leaves_the_catalog_unchanged(catalog):
    repository = RecordRepository(catalog)
    seen = []

    def progress(done, total):
        seen.append(done)

    records = (Record(title=f"Запись {n}") for n in range(1000))
    with pytest.raises(Cancelled):
        repository.add_many(
            records,
            total=1000,
            batch_size=100,
            progress=progress,
            is_cancelled=lambda: len(seen) >= 3,
        )
    assert seen == [100, 200, 300]
    assert repository.count() == 0


def test_every_change_bumps_the_version_and_lands_in_the_journal(catalog):
    repository = RecordRepository(catalog)
    saved = repository.add(kazakh_report())
    saved.year = "2016"
    saved.copies[1].status = CopyStatus.AVAILABLE
    saved.copies.append(Copy("000103", location="Абонемент"))
    saved.copies.pop(0)
    edited = repository.update(saved)
    repository.delete(edited.id)
    repository.undelete(edited.id)

    final = repository.get(edited.id)
    assert edited.version == 2 and final.version == 4
    assert [c.inventory_number for c in final.copies] == ["000102", "000103"]
    assert final.copies[0].version == 2  # the edited copy; the new one starts at 1
    operations = [(e.entity, e.operation) for e in repository.journal()]
    assert operations == [
        ("record", "insert"),
        ("copy", "insert"),
        ("copy", "insert"),
        ("copy", "update"),
        ("copy", "delete"),
        ("copy", "insert"),
        ("record", "update"),
        ("record", "delete"),
        ("record", "restore"),
    ]
    entries = repository.journal()
    assert [e.seq for e in entries] == sorted(e.seq for e in entries)
    assert {e.user_name for e in entries} == {"tester"}
    assert repository.journal(after_seq=entries[-2].seq)[0].operation == "restore"


def test_stale_edit_is_refused_naming_the_other_editor(catalog):
    repository = RecordRepository(catalog)
    first = repository.add(Record(title="Общая запись"))
    second_view = repository.get(first.id)
    first.title = "Правка первого"
    repository.update(first)
    second_view.title = "Правка второго"
    with pytest.raises(ConflictError, match="changed by tester since you opened it"):
        repository.update(second_view)
    assert repository.get(first.id).title == "Правка первого"


def test_failed_update_changes_nothing(catalog):
    repository = RecordRepository(catalog)
    other = repository.add(Record(title="Другая", copies=[Copy("000500")]))
    saved = repository.add(Record(title="Эта", copies=[Copy("000501")]))
    saved.title = "Новое"
    saved.copies.append(Copy("000500"))
    with pytest.raises(ConflictError, match=f"record {other.id}"):
        repository.update(saved)
    again = repository.get(saved.id)
    assert again.title == "Эта" and again.version == 1
    assert [c.inventory_number for c in again.copies] == ["000501"]


def test_soft_deleted_record_leaves_lists_and_counts_but_can_return(catalog):
    repository = RecordRepository(catalog)
    kept = repository.add(Record(title="Остаётся"))
    gone = repository.add(Record(title="Удаляется"))
    repository.delete(gone.id)
    assert [s.id for s in repository.list()] == [kept.id]
    assert [s.id for s in repository.list(deleted=True)] == [gone.id]
    assert repository.count() == 1 and repository.count(include_deleted=True) == 2
    assert repository.get(gone.id).deleted_at is not None
    with pytest.raises(ConflictError, match="already deleted"):
        repository.delete(gone.id)
    repository.undelete(gone.id)
    assert repository.count() == 2


def test_unknown_record_id_is_reported(catalog):
    with pytest.raises(NotFound, match="no record with id 42"):
        RecordRepository(catalog).get(42)


def test_list_summarises_author_languages_and_copies(catalog):
    repository = RecordRepository(catalog)
    saved = repository.add(kazakh_report())
    (summary,) = repository.list()
    assert summary.id == saved.id
    assert summary.first_author == "Ахметов, А. К."
    assert summary.languages == ("kaz", "eng")
    assert summary.copies == 2
    assert summary.year == "[2015?]"


def test_host_item_and_empty_host_are_distinguished(catalog):
    repository = RecordRepository(catalog)
    article = repository.add(
        Record(
            title="Динамика ледников Тянь-Шаня",
            material_type=MaterialType.ARTICLE,
            host=HostItem("Гидрометеорология и экология", "2019", "", "2", "45-58"),
        )
    )
    book = repository.add(Record(title="Книга"))
    assert repository.get(article.id).host == HostItem(
        "Гидрометеорология и экология", "2019", "", "2", "45-58"
    )
    assert repository.get(book.id).host is None


def test_next_inventory_number_follows_the_highest_numeric_one(catalog):
    repository = RecordRepository(catalog)
    assert repository.next_inventory_number() == 1
    repository.add(Record(title="A", copies=[Copy("000041"), Copy("Ф-12"), Copy("000007")]))
    assert repository.next_inventory_number() == 42


def test_records_found_by_control_number(catalog):
    repository = RecordRepository(catalog)
    saved = repository.add(kazakh_report())
    assert repository.find_by_control_number("CAREC-000001") == [saved.id]
    assert repository.find_by_control_number("nothing") == []


def test_deleting_several_records_is_one_transaction(catalog):
    repository = RecordRepository(catalog)
    first, second = repository.add_many([Record("Первая"), Record("Вторая")])
    repository.delete(second)

    with pytest.raises(ConflictError, match=f"record {second} is already deleted"):
        repository.delete_many([first, second])
    assert first in repository.ids()  # the first was not deleted either

    assert repository.undelete_many([second]) == 1
    assert repository.delete_many([first, second]) == 2
    assert repository.ids() == []
    with pytest.raises(NotFound, match="no record with id 424242"):
        repository.undelete_many([first, 424242])
    assert repository.ids() == []
