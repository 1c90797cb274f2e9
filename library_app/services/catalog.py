"""Use cases shared by the GUI and the CLI that span more than one repository call."""

from __future__ import annotations

from library_app.core.progress import CancelCheck, ProgressCallback, never_cancelled, no_progress
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.services.demo import generate_records


def load_demo(
    catalog: Catalog,
    count: int,
    seed: int = 1,
    *,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
) -> int:
    """Add ``count`` synthetic records (one transaction; cancelling leaves the catalog as it was).

    Inventory numbers continue after the highest one in the catalog, so a demo can be loaded into
    a catalog that already has copies.
    """
    repository = RecordRepository(catalog)
    first = repository.next_inventory_number()
    records = generate_records(count, seed=seed, first_inventory=first)
    ids = repository.add_many(records, total=count, progress=progress, is_cancelled=is_cancelled)
    return len(ids)
