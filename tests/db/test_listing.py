"""Results-table rows read for a block of ids, on SQLite and PostgreSQL."""

from __future__ import annotations

from library_app.core.model import (
    Classification,
    ClassificationScheme,
    Contributor,
    Copy,
    CopyStatus,
    MaterialType,
    Record,
)
from library_app.db.listing import list_rows
from library_app.db.records import RecordRepository


def test_rows_show_three_authors_languages_shelf_mark_and_available_copies(catalog):
    repository = RecordRepository(catalog)
    report = repository.add(
        Record(
            "Балқаш көлінің экологиясы",
            MaterialType.REPORT,
            year="2019",
            languages=["kaz", "rus"],
            contributors=[Contributor(f"Автор{i}", "А. Б.") for i in range(5)],
            classifications=[Classification(ClassificationScheme.UDC, "574.5")],
            copies=[
                Copy("101", shelf_mark="", status=CopyStatus.ON_LOAN),
                Copy("102", shelf_mark="Б 28.08", status=CopyStatus.AVAILABLE),
                Copy("103", status=CopyStatus.AVAILABLE),
            ],
        )
    )
    bare = repository.add(
        Record(
            "Aral Sea",
            year="2001",
            classifications=[
                Classification(ClassificationScheme.UDC, "556"),
                Classification(ClassificationScheme.BBK, "26.22"),
            ],
        )
    )
    repository.delete(bare.id or 0)

    rows = list_rows(catalog, [bare.id or 0, report.id or 0, 999_999])

    assert set(rows) == {report.id, bare.id}
    row = rows[report.id or 0]
    assert row.authors == ("Автор0, А. Б.", "Автор1, А. Б.", "Автор2, А. Б.")
    assert row.languages == ("kaz", "rus")
    assert (row.copies, row.available) == (3, 2)
    assert row.shelf_mark == "Б 28.08"  # the first copy that has one
    assert row.material_type == "report" and not row.deleted
    other = rows[bare.id or 0]
    assert other.shelf_mark == "26.22"  # BBK before UDC when no copy says
    assert other.deleted and other.authors == () and other.copies == 0
