"""Changing many records at once: add or remove subjects, move all copies, set their status.

A batch is one transaction (``RecordRepository.update_many``): it lands whole or not at all, so
a librarian never has to find out which half of 300 records got the new location.  Records are
read before the transaction and written with the versions they were read at, so a record someone
else saved meanwhile stops the batch instead of being overwritten.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy.exc import DBAPIError

from library_app.core.errors import InputError, NotFound, StorageError
from library_app.core.model import CopyStatus, Record
from library_app.core.progress import (
    CancelCheck,
    ProgressCallback,
    check_cancel,
    never_cancelled,
    no_progress,
)
from library_app.db.catalog import Catalog, explain_db_error
from library_app.db.records import BATCH_SIZE, RecordRepository


def _same(text: str) -> str:
    """Subjects compare without regard to case and surrounding spaces («экология » = «Экология»)."""
    return " ".join(text.split()).casefold()


def _cleaned(values: Sequence[str]) -> list[str]:
    """Trimmed, without empty entries and repeats, in the order given."""
    seen: set[str] = set()
    kept: list[str] = []
    for value in values:
        value = " ".join(value.split())
        if value and _same(value) not in seen:
            seen.add(_same(value))
            kept.append(value)
    return kept


@dataclass
class BatchChange:
    """What to do to every selected record; ``None`` or an empty list leaves a field alone.

    Copy fields apply to all copies of each record (records without copies keep none).
    """

    add_subjects: list[str] = field(default_factory=list)
    remove_subjects: list[str] = field(default_factory=list)
    set_location: str | None = None
    set_shelf_mark: str | None = None
    set_status: CopyStatus | None = None

    def __post_init__(self) -> None:
        self.add_subjects = _cleaned(self.add_subjects)
        self.remove_subjects = _cleaned(self.remove_subjects)
        if self.set_location is not None:
            self.set_location = " ".join(self.set_location.split())
        if self.set_shelf_mark is not None:
            self.set_shelf_mark = self.set_shelf_mark.strip()
        if self.set_status is not None:
            self.set_status = CopyStatus(self.set_status)

    def is_empty(self) -> bool:
        return not (
            self.add_subjects
            or self.remove_subjects
            or self.set_location is not None
            or self.set_shelf_mark is not None
            or self.set_status is not None
        )

    def problem(self) -> str | None:
        """Why this change cannot be applied, or None (English; the CLI and the GUI show it)."""
        if self.is_empty():
            return "nothing to change: give a subject to add or remove, a location or a status"
        both = {_same(s) for s in self.add_subjects} & {_same(s) for s in self.remove_subjects}
        if both:
            shown = next(s for s in self.add_subjects if _same(s) in both)
            return f"subject «{shown}» is both to be added and to be removed"
        return None

    def describe(self) -> str:
        """The change in one English sentence, for confirmations and reports."""
        parts: list[str] = []
        if self.add_subjects:
            parts.append("add subject " + ", ".join(f"«{s}»" for s in self.add_subjects))
        if self.remove_subjects:
            parts.append("remove subject " + ", ".join(f"«{s}»" for s in self.remove_subjects))
        if self.set_location is not None:
            parts.append(f"set the location of all copies to «{self.set_location}»")
        if self.set_shelf_mark is not None:
            parts.append(f"set the shelf mark of all copies to «{self.set_shelf_mark}»")
        if self.set_status is not None:
            parts.append(f"set the status of all copies to {self.set_status.value}")
        return "; ".join(parts) if parts else "no change"

    def apply_to(self, record: Record) -> bool:
        """Change ``record`` in place; True if anything differs afterwards."""
        changed = False
        if self.remove_subjects:
            unwanted = {_same(s) for s in self.remove_subjects}
            kept = [s for s in record.subjects if _same(s) not in unwanted]
            changed |= len(kept) != len(record.subjects)
            record.subjects = kept
        present = {_same(s) for s in record.subjects}
        for subject in self.add_subjects:
            if _same(subject) not in present:
                record.subjects.append(subject)
                present.add(_same(subject))
                changed = True
        for copy in record.copies:
            if self.set_location is not None and copy.location != self.set_location:
                copy.location = self.set_location
                changed = True
            if self.set_shelf_mark is not None and copy.shelf_mark != self.set_shelf_mark:
                copy.shelf_mark = self.set_shelf_mark
                changed = True
            if self.set_status is not None and copy.status != self.set_status:
                copy.status = self.set_status
                changed = True
        return changed


def apply_batch(
    catalog: Catalog,
    record_ids: Sequence[int],
    change: BatchChange,
    *,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
) -> int:
    """Apply ``change`` to the records ``record_ids`` in one transaction; return how many changed.

    Records the change leaves as they are are not written (their version stays).  Any problem —
    a missing record, one that fails validation or was saved by someone else meanwhile — leaves
    every record unchanged and names the record; so does cancelling.
    """
    problem = change.problem()
    if problem is not None:
        raise InputError(problem)
    ids = list(dict.fromkeys(record_ids))  # each record once, in the order given
    repository = RecordRepository(catalog)
    total = len(ids)
    # Progress runs over reading and then writing: twice the records at most.
    changed: list[Record] = []
    for start in range(0, total, BATCH_SIZE):
        chunk = ids[start : start + BATCH_SIZE]
        try:
            records = repository.get_many(chunk)
        except DBAPIError as exc:  # writing explains these itself; reading needs it done here
            raise StorageError(explain_db_error(exc, catalog.location.db_url)) from exc
        if len(records) != len(chunk):
            found = {r.id for r in records}
            missing = [i for i in chunk if i not in found]
            listed = ", ".join(str(i) for i in missing[:10]) + (" …" if len(missing) > 10 else "")
            raise NotFound(f"there is no record with id {listed}; nothing was changed")
        changed += [record for record in records if change.apply_to(record)]
        progress(start + len(chunk), 2 * total)
        check_cancel(is_cancelled)
    if not changed:
        return 0
    done_reading = total

    def writing(done: int, _count: int) -> None:
        progress(done_reading + done, done_reading + len(changed))

    return repository.update_many(changed, progress=writing, is_cancelled=is_cancelled)
