"""Batch edits on SQLite and PostgreSQL: one transaction for all records, or nothing at all."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from library_app.core.errors import Cancelled, ConflictError, InputError, NotFound, ValidationFailed
from library_app.core.model import Copy, CopyStatus, Record
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.db.schema import RecordRow
from library_app.services.batch_edit import BatchChange, apply_batch


def sample(n: int, copies: int = 1, subjects: list[str] | None = None) -> Record:
    return Record(
        title=f"Водные ресурсы Центральной Азии, том {n}",
        year="2010",
        languages=["rus"],
        subjects=list(subjects or ["Гидрология"]),
        copies=[Copy(f"{n:04d}-{c}", location="Reading room") for c in range(copies)],
    )


def add_samples(catalog: Catalog, count: int, copies: int = 1) -> list[int]:
    return RecordRepository(catalog).add_many([sample(n, copies) for n in range(1, count + 1)])


def snapshot(catalog: Catalog, ids: list[int]) -> list[tuple]:
    """What a failed batch must leave exactly as it was."""
    return [
        (
            r.id,
            r.version,
            tuple(r.subjects),
            tuple((c.location, c.status, c.shelf_mark, c.version) for c in r.copies),
        )
        for r in RecordRepository(catalog).get_many(ids)
    ]


def test_batch_adds_a_subject_and_moves_every_copy_of_three_records(catalog: Catalog) -> None:
    repository = RecordRepository(catalog)
    ids = repository.add_many([sample(1, copies=2), sample(2), sample(3, copies=0)])
    before = repository.journal()[-1].seq
    change = BatchChange(
        add_subjects=["Водные ресурсы"], set_location="Stack B", set_status=CopyStatus.IN_REPAIR
    )
    seen: list[tuple[int, int]] = []

    changed = apply_batch(catalog, ids, change, progress=lambda d, t: seen.append((d, t)))

    assert changed == 3
    for record in repository.get_many(ids):
        assert record.subjects == ["Гидрология", "Водные ресурсы"]
        assert record.version == 2
        assert {(c.location, c.status) for c in record.copies} <= {
            ("Stack B", CopyStatus.IN_REPAIR)
        }
    assert [len(r.copies) for r in repository.get_many(ids)] == [2, 1, 0]
    entries = repository.journal(after_seq=before)
    assert sorted((e.entity, e.operation, e.record_id) for e in entries) == sorted(
        [("record", "update", i) for i in ids]
        + [("copy", "update", ids[0])] * 2
        + [("copy", "update", ids[1])]
    )
    assert seen[-1][0] == seen[-1][1]  # progress ends at 100 %


def test_records_the_change_does_not_touch_are_not_written(catalog: Catalog) -> None:
    repository = RecordRepository(catalog)
    has_it = repository.add(sample(1, copies=0, subjects=["Экология"]))
    lacks_it = repository.add(sample(2, copies=0))

    changed = apply_batch(catalog, [has_it.id, lacks_it.id], BatchChange(add_subjects=["экология"]))

    assert changed == 1
    assert repository.get(has_it.id).version == 1
    assert repository.get(lacks_it.id).subjects == ["Гидрология", "экология"]


def test_subjects_are_removed_whatever_their_case(catalog: Catalog) -> None:
    repository = RecordRepository(catalog)
    record = repository.add(sample(1, subjects=["Экология", "Гидрология", "Почвы"]))

    apply_batch(catalog, [record.id], BatchChange(remove_subjects=[" экология ", "ПОЧВЫ"]))

    assert repository.get(record.id).subjects == ["Гидрология"]


def test_a_record_failing_validation_leaves_every_record_unchanged(catalog: Catalog) -> None:
    ids = add_samples(catalog, 5)
    # A description stored before the rules got stricter (or written by another program).
    with catalog.engine.begin() as connection:
        connection.execute(update(RecordRow).where(RecordRow.id == ids[3]).values(year_text="?"))
    before = snapshot(catalog, ids)

    with pytest.raises(ValidationFailed, match=rf"record 4 \(id {ids[3]}, «Водные") as failed:
        apply_batch(catalog, ids, BatchChange(add_subjects=["Aral Sea"], set_location="Hall"))

    assert "year" in str(failed.value)
    assert snapshot(catalog, ids) == before


def test_a_record_saved_meanwhile_by_someone_else_stops_the_whole_batch(
    catalog: Catalog,
) -> None:
    repository = RecordRepository(catalog)
    ids = add_samples(catalog, 100)
    victim = ids[56]

    def someone_else_edits_record_57(done: int, total: int) -> None:
        if done == 100 and total == 200:  # every record read, nothing written yet
            record = repository.get(victim)
            record.title = "Исправлено другим библиотекарем"
            repository.update(record)

    before = snapshot(catalog, ids)
    with pytest.raises(ConflictError, match=rf"record 57 of 100 \(id {victim}\)"):
        apply_batch(
            catalog,
            ids,
            BatchChange(set_status=CopyStatus.LOST, add_subjects=["Списание"]),
            progress=someone_else_edits_record_57,
        )

    after = snapshot(catalog, ids)
    assert after[:56] == before[:56] and after[57:] == before[57:]
    assert after[56][1] == before[56][1] + 1  # only the other librarian's save
    assert repository.get(victim).title == "Исправлено другим библиотекарем"


def test_cancelling_part_way_through_writing_leaves_every_record_unchanged(
    catalog: Catalog,
) -> None:
    repository = RecordRepository(catalog)
    ids = add_samples(catalog, 6)
    before = snapshot(catalog, ids)
    last_seq = repository.journal()[-1].seq
    written: list[int] = []

    def progress(done: int, total: int) -> None:
        if total == 12 and done > 6:
            written.append(done - 6)

    with pytest.raises(Cancelled):
        apply_batch(
            catalog,
            ids,
            BatchChange(set_location="Branch office"),
            progress=progress,
            is_cancelled=lambda: len(written) >= 3,  # after three records were written
        )

    assert written == [1, 2, 3]
    assert snapshot(catalog, ids) == before
    assert repository.journal(after_seq=last_seq) == []


def test_an_unknown_record_id_changes_nothing(catalog: Catalog) -> None:
    ids = add_samples(catalog, 2)
    before = snapshot(catalog, ids)

    with pytest.raises(NotFound, match="no record with id 999999"):
        apply_batch(catalog, [*ids, 999_999], BatchChange(set_location="Hall"))

    assert snapshot(catalog, ids) == before


def test_empty_or_contradictory_changes_are_refused() -> None:
    assert BatchChange(add_subjects=["  ", ""]).is_empty()
    assert "nothing to change" in (BatchChange().problem() or "")
    contradictory = BatchChange(add_subjects=["Почвы"], remove_subjects=["почвы"])
    assert "both to be added and to be removed" in (contradictory.problem() or "")


def test_refused_change_is_an_input_error(sqlite_catalog: Catalog) -> None:
    with pytest.raises(InputError, match="nothing to change"):
        apply_batch(sqlite_catalog, [1], BatchChange())


def test_describe_names_every_part_of_the_change() -> None:
    change = BatchChange(
        add_subjects=["Aral Sea", "aral sea"],
        remove_subjects=["Old"],
        set_location=" Stack  B ",
        set_status=CopyStatus.ON_LOAN,
    )
    assert change.describe() == (
        "add subject «Aral Sea»; remove subject «Old»; "
        "set the location of all copies to «Stack B»; set the status of all copies to on_loan"
    )
