"""Lookups the cataloguing editor makes while typing, on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import event

from library_app.core.model import Contributor, Copy, Identifier, IdentifierType, Record
from library_app.db import lookups
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository


def book(title: str, year: str = "2005", *, author: str = "", **fields) -> Record:
    contributors = [Contributor(author, "А. Б.", name_other_script="Other")] if author else []
    return Record(title=title, year=year, contributors=contributors, languages=["rus"], **fields)


def test_copies_using_names_the_record_and_skips_the_record_being_edited(
    catalog: Catalog,
) -> None:
    repo = RecordRepository(catalog)
    first = repo.add(book("Первая", copies=[Copy("100", barcode="B-1"), Copy("101")]))
    second = repo.add(book("Вторая", copies=[Copy("200", barcode="B-2")]))

    uses = lookups.copies_using(catalog, ["100", "200", "999"], ["B-1", "B-9"])

    assert [(u.field, u.value, u.record_id) for u in uses] == [
        ("barcode", "B-1", first.id),
        ("inventory_number", "100", first.id),
        ("inventory_number", "200", second.id),
    ]
    assert all(not u.record_deleted and u.copy_id for u in uses)
    own_excluded = lookups.copies_using(catalog, ["100", "200"], exclude_record=first.id)
    assert [(u.value, u.record_id) for u in own_excluded] == [("200", second.id)]


def test_copies_of_a_deleted_record_still_hold_their_numbers(catalog: Catalog) -> None:
    repo = RecordRepository(catalog)
    gone = repo.add(book("Удалённая", copies=[Copy("300")]))
    repo.delete(gone.id)

    (use,) = lookups.copies_using(catalog, ["300"])

    assert use.record_id == gone.id and use.record_deleted


def test_inventory_numbers_by_prefix_treats_like_wildcards_literally(catalog: Catalog) -> None:
    RecordRepository(catalog).add(
        book("Копии", copies=[Copy("INV-2026-0001"), Copy("INV_2026_0002"), Copy("17")])
    )

    assert sorted(lookups.inventory_numbers(catalog)) == ["17", "INV-2026-0001", "INV_2026_0002"]
    assert lookups.inventory_numbers(catalog, "INV-") == ["INV-2026-0001"]
    assert lookups.inventory_numbers(catalog, "INV_") == ["INV_2026_0002"]


def test_records_with_identifier_finds_live_records_by_normalised_value(catalog: Catalog) -> None:
    repo = RecordRepository(catalog)
    isbn = Identifier(IdentifierType.ISBN, "978-0-306-40615-7")
    one = repo.add(book("Один", identifiers=[isbn]))
    two = repo.add(book("Два", identifiers=[Identifier(IdentifierType.ISBN, "0-306-40615-2")]))
    deleted = repo.add(
        book("Удалённый", identifiers=[Identifier(IdentifierType.ISBN, "0306406152")])
    )
    repo.delete(deleted.id)
    repo.add(book("Журнал", identifiers=[Identifier(IdentifierType.ISSN, "0317-8471")]))

    assert lookups.records_with_identifier(catalog, "isbn", ["9780306406157"]) == [one.id, two.id]
    assert lookups.records_with_identifier(
        catalog, IdentifierType.ISBN, ["9780306406157"], exclude_record=one.id
    ) == [two.id]
    assert lookups.records_with_identifier(catalog, "issn", ["9780306406157"]) == []
    assert len(lookups.records_with_identifier(catalog, "issn", ["0317-8471"])) == 1


def test_briefs_by_year_overlap_carry_the_first_author(catalog: Catalog) -> None:
    repo = RecordRepository(catalog)
    in_year = repo.add(book("Озеро Балхаш", "2005", author="Ахметов", title_remainder="обзор"))
    run = repo.add(book("Вестник", "2000-2010"))
    repo.add(book("Позже", "2007"))
    repo.add(book("Без года", ""))
    repo.delete(repo.add(book("Удалённая", "2005")).id)

    briefs = lookups.briefs_in_years(catalog, 2005, 2005)

    assert [b.id for b in briefs] == [in_year.id, run.id]
    first = briefs[0]
    assert (first.title, first.title_remainder, first.year_text) == (
        "Озеро Балхаш",
        "обзор",
        "2005",
    )
    assert first.first_author == "Ахметов, А. Б." and first.author_other_script == "Other"
    assert briefs[1].first_author == ""
    assert [b.id for b in lookups.briefs_in_years(catalog, 2005, 2005, exclude_record=run.id)] == [
        in_year.id
    ]


def test_briefs_by_first_author_and_by_id(catalog: Catalog) -> None:
    repo = RecordRepository(catalog)
    mine = repo.add(book("Книга", author="Абдуллаев"))
    repo.add(
        Record(
            title="Соавторство",
            contributors=[Contributor("Иванов"), Contributor("Абдуллаев")],
        )
    )

    assert [b.id for b in lookups.briefs_by_first_author(catalog, ["Абдуллаев", ""])] == [mine.id]
    assert lookups.briefs_by_first_author(catalog, ["", " "]) == []
    assert [b.title for b in lookups.record_briefs(catalog, [mine.id, 9999])] == ["Книга"]


def test_identifier_lookup_uses_the_value_index_on_sqlite(sqlite_catalog: Catalog) -> None:
    """At 100k records a scan of record_values would take the editor's check to seconds."""
    executed: list[tuple[str, object]] = []

    def remember(_conn, _cursor, statement, parameters, _context, _many) -> None:
        executed.append((statement, parameters))

    event.listen(sqlite_catalog.engine, "before_cursor_execute", remember)
    try:
        lookups.records_with_identifier(sqlite_catalog, "isbn", ["9780306406157"])
    finally:
        event.remove(sqlite_catalog.engine, "before_cursor_execute", remember)
    statement, parameters = next((s, p) for s, p in executed if "record_values" in s)
    with sqlite_catalog.engine.connect() as connection:
        plan = connection.exec_driver_sql(f"EXPLAIN QUERY PLAN {statement}", parameters).all()
    # Both index columns: the kind and the value prefix, not a scan of every ISBN.
    assert "ix_record_values_kind_value (kind=? AND <expr>=?)" in " ".join(str(r[-1]) for r in plan)
