"""Importing a file: read, check, decide, then write everything in one transaction.

An import is done in two steps so that people see what will happen before it happens: ``plan``
reads the file and decides for every record what to do (add, update the catalog record it
duplicates, skip it, or — in the GUI — ask), which is also the dry run; ``apply`` writes the
plan, all of it or nothing.  Both steps take progress and cancel callbacks and know nothing of
Qt, so the CLI and the GUI wizard behave the same.
"""

from __future__ import annotations

import dataclasses
import time
from collections import Counter
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from library_app.core.errors import InputError
from library_app.core.model import Copy, Record
from library_app.core.progress import (
    CancelCheck,
    ProgressCallback,
    check_cancel,
    never_cancelled,
    no_progress,
)
from library_app.core.validation import Severity as CheckSeverity
from library_app.core.validation import normalize_record, validate_record
from library_app.db import lookups
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.interchange.base import Problem, ReadOptions, Severity
from library_app.interchange.duplicate_check import Duplicate, DuplicateFinder
from library_app.interchange.formats import detect_format, format_by_id
from library_app.services import inventory

DEFAULT_INVENTORY_PATTERN = "{n}"


class DuplicatePolicy(StrEnum):
    SKIP = "skip"  # keep the catalog's record, ignore the file's
    UPDATE = "update"  # overwrite the catalog's description with the file's (copies are kept)
    ADD = "add"  # add the file's record anyway
    ASK = "ask"  # the GUI asks for each duplicate (``ImportPlan.decide``)


class Action(StrEnum):
    ADD = "add"
    UPDATE = "update"
    SKIP = "skip"
    ASK = "ask"  # undecided: a duplicate under the "ask" policy
    ERROR = "error"  # unreadable or invalid: never written


class ImportRefused(InputError):
    """``--strict`` and the file has problems: nothing was imported."""


@dataclass
class PlannedRecord:
    position: int
    record: Record | None
    action: Action
    problems: list[Problem] = field(default_factory=list)
    duplicate: Duplicate | None = None

    @property
    def title(self) -> str:
        return self.record.title if self.record else ""

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == Severity.ERROR]


@dataclass
class ImportPlan:
    path: Path
    format_id: str
    format_label: str
    encoding: str
    policy: DuplicatePolicy
    strict: bool
    items: list[PlannedRecord] = field(default_factory=list)
    file_problems: list[Problem] = field(default_factory=list)
    seconds_reading: float = 0.0
    copies_left_out: int = 0  # the file's copies, when told not to import them

    def counts(self) -> dict[str, int]:
        by_action = Counter(item.action for item in self.items)
        return {
            "records": len(self.items),
            "add": by_action[Action.ADD],
            "update": by_action[Action.UPDATE],
            "skip": by_action[Action.SKIP],
            "ask": by_action[Action.ASK],
            "error": by_action[Action.ERROR],
            "duplicates": sum(1 for item in self.items if item.duplicate is not None),
            "warnings": sum(
                1 for item in self.items for p in item.problems if p.severity == Severity.WARNING
            ),
        }

    def problems(self) -> list[Problem]:
        return self.file_problems + [p for item in self.items for p in item.problems]

    def undecided(self) -> list[PlannedRecord]:
        return [item for item in self.items if item.action == Action.ASK]

    def decide(self, position: int, action: Action) -> None:
        """The user's answer for one duplicate (GUI, "ask" policy)."""
        if action not in (Action.ADD, Action.UPDATE, Action.SKIP):
            raise ValueError(f"not a decision: {action}")
        item = self.items[position - 1]
        if item.action == Action.ERROR:
            raise ValueError(f"record {position} cannot be imported")
        if action == Action.UPDATE and (item.duplicate is None or not item.duplicate.in_catalog):
            raise ValueError(f"record {position} duplicates no catalog record to update")
        item.action = action

    @property
    def blocking(self) -> list[Problem]:
        """What stops a strict import: every error, in the file or in a record."""
        return [p for p in self.problems() if p.severity == Severity.ERROR]


@dataclass
class ImportReport:
    """What an import did (or, for a dry run, would do); shown on screen and saved."""

    plan: ImportPlan
    dry_run: bool
    added_ids: list[int] = field(default_factory=list)
    updated_ids: list[int] = field(default_factory=list)
    renumbered_copies: int = 0
    seconds: float = 0.0


def plan_import(
    catalog: Catalog,
    path: Path,
    *,
    format_id: str | None = None,
    options: ReadOptions | None = None,
    policy: DuplicatePolicy = DuplicatePolicy.SKIP,
    strict: bool = False,
    with_copies: bool = True,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
) -> ImportPlan:
    """Read ``path`` and decide what to do with each record; nothing is written.

    ``with_copies=False`` leaves out the copies the file describes: a record taken from a
    union catalogue lists another library's holdings, which are not ours.
    Raises ``FormatError`` when the file is not usable as a whole (nothing to plan).
    """
    started = time.perf_counter()
    options = options or ReadOptions()
    info = format_by_id(format_id) if format_id else detect_format(path).format
    reader = info.reader_class()()
    result = reader.read(path, options, progress=progress, is_cancelled=is_cancelled)
    plan = ImportPlan(
        path=path,
        format_id=info.id,
        format_label=info.label,
        encoding=result.encoding,
        policy=policy,
        strict=strict,
        file_problems=list(result.problems),
    )
    readable: list[Record] = []
    for item in result.items:
        planned = PlannedRecord(item.position, item.record, Action.ADD, list(item.problems))
        if item.record is not None and not with_copies:
            plan.copies_left_out += len(item.record.copies)
            item.record.copies = []
        if item.record is None or planned.errors:
            planned.action = Action.ERROR
            if not planned.errors:
                planned.problems.append(Problem("the record cannot be read", item.position))
            planned.record = None
        else:
            _check_record(planned)
            if planned.record is not None:
                readable.append(planned.record)
        plan.items.append(planned)
    check_cancel(is_cancelled)
    finder = DuplicateFinder.for_records(catalog, readable)
    for planned in plan.items:
        if planned.record is None:
            continue
        planned.duplicate = finder.check(planned.record)
        if planned.duplicate is None:  # later copies point at the first, not at each other
            finder.remember(planned.record, planned.position)
        planned.action = _action_for(planned.duplicate, policy)
    _check_copy_numbers(catalog, plan)
    plan.seconds_reading = time.perf_counter() - started
    return plan


def _check_record(planned: PlannedRecord) -> None:
    """Validation as on saving; errors make the record unimportable (never a failed batch)."""
    assert planned.record is not None
    normalize_record(planned.record)
    _unique_copy_numbers(planned)
    for problem in validate_record(planned.record):
        # copies without inventory numbers get the next free ones on import
        if problem.field.endswith(".inventory_number") and "required" in problem.message:
            continue
        severity = Severity.ERROR if problem.severity == CheckSeverity.ERROR else Severity.WARNING
        planned.problems.append(Problem(problem.message, planned.position, problem.field, severity))
    if planned.errors:
        planned.action = Action.ERROR
        planned.record = None


def _unique_copy_numbers(planned: PlannedRecord) -> None:
    """A number given twice inside one record (a typing slip in the partner's system) must not
    cost the whole record: the second copy gets a new number, a repeated barcode is left out."""
    assert planned.record is not None
    seen: set[tuple[str, str]] = set()
    for index, copy in enumerate(planned.record.copies):
        for field_name in ("inventory_number", "barcode"):
            value = getattr(copy, field_name).strip()
            if not value:
                continue
            if (field_name, value) in seen:
                planned.problems.append(
                    Problem(
                        f"{value} is given to two copies of this record; "
                        + (
                            "the second gets a new number"
                            if field_name == "inventory_number"
                            else "the second is left without a barcode"
                        ),
                        planned.position,
                        f"copies[{index}].{field_name}",
                        Severity.WARNING,
                    )
                )
                setattr(copy, field_name, "")
            seen.add((field_name, value))


def _action_for(duplicate: Duplicate | None, policy: DuplicatePolicy) -> Action:
    if duplicate is None or policy == DuplicatePolicy.ADD:
        return Action.ADD
    if not duplicate.in_catalog:
        # an earlier record of the same file: updating it would mean merging two partner
        # records, which nobody asked for; the first one wins
        return Action.SKIP if policy != DuplicatePolicy.ASK else Action.ASK
    return {
        DuplicatePolicy.SKIP: Action.SKIP,
        DuplicatePolicy.UPDATE: Action.UPDATE,
        DuplicatePolicy.ASK: Action.ASK,
    }[policy]


def _check_copy_numbers(catalog: Catalog, plan: ImportPlan) -> None:
    """Inventory numbers and barcodes already taken (in the catalog or earlier in the file)
    would abort the whole transaction; they are found now and reported, and the copy gets a
    new number (or loses its barcode) when it is imported."""
    copies = [(item, c) for item in plan.items if item.record for c in item.record.copies]
    numbers = [c.inventory_number for _, c in copies if c.inventory_number]
    barcodes = [c.barcode for _, c in copies if c.barcode]
    taken = {
        (use.field, use.value): use.record_id
        for use in lookups.copies_using(catalog, numbers, barcodes)
    }
    seen: dict[tuple[str, str], int] = {}
    for item, copy in copies:
        for field_name, value in (
            ("inventory_number", copy.inventory_number),
            ("barcode", copy.barcode),
        ):
            if not value:
                continue
            key = (field_name, value)
            label = "inventory number" if field_name == "inventory_number" else "barcode"
            owner = taken.get(key)
            earlier = seen.get(key)
            if owner is not None:
                where = f"catalog record {owner}"
            elif earlier is not None and earlier != item.position:
                where = f"record {earlier} of this file"
            else:
                seen.setdefault(key, item.position)
                continue
            fix = (
                "the copy gets a new number"
                if field_name == "inventory_number"
                else ("the barcode is left out")
            )
            item.problems.append(
                Problem(
                    f"{label} {value} is already used by {where}; {fix}",
                    item.position,
                    f"copies.{field_name}",
                    Severity.WARNING,
                )
            )
            setattr(copy, field_name, "")


def apply_import(
    catalog: Catalog,
    plan: ImportPlan,
    *,
    inventory_pattern: str = DEFAULT_INVENTORY_PATTERN,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
) -> ImportReport:
    """Write the plan in one transaction; cancelling or any failure leaves the catalog as it
    was.  Raises ``ImportRefused`` for a strict import of a file with errors, and when some
    duplicates are still undecided."""
    started = time.perf_counter()
    if plan.strict and plan.blocking:
        raise ImportRefused(_refusal(plan))
    if plan.undecided():
        raise InputError(
            f"{len(plan.undecided())} duplicates are undecided; choose skip, update or add"
        )
    repository = RecordRepository(catalog)
    new_records = [
        _writable_copy(item.record)
        for item in plan.items
        if item.action == Action.ADD and item.record
    ]
    updates = _updated_records(
        repository, [item for item in plan.items if item.action == Action.UPDATE]
    )
    renumbered = _number_copies(catalog, new_records + updates, inventory_pattern)
    added = repository.import_batch(
        new_records, updates, progress=progress, is_cancelled=is_cancelled
    )
    return ImportReport(
        plan=plan,
        dry_run=False,
        added_ids=added,
        updated_ids=[r.id for r in updates if r.id is not None],
        renumbered_copies=renumbered,
        seconds=plan.seconds_reading + time.perf_counter() - started,
    )


def dry_run_report(plan: ImportPlan) -> ImportReport:
    if plan.strict and plan.blocking:
        raise ImportRefused(_refusal(plan))
    return ImportReport(plan=plan, dry_run=True, seconds=plan.seconds_reading)


def _refusal(plan: ImportPlan) -> str:
    blocking = plan.blocking
    shown = "; ".join(str(p) for p in blocking[:5])
    more = f" (and {len(blocking) - 5} more)" if len(blocking) > 5 else ""
    return (
        f"{plan.path.name}: {len(blocking)} problems stop a strict import: {shown}{more}. "
        "Nothing was imported; fix the file or import without --strict to skip these records."
    )


def _updated_records(repository: RecordRepository, items: list[PlannedRecord]) -> list[Record]:
    """The catalog records to overwrite, with the file's description and the catalog's
    identity, copies and attachments (an update must not lose holdings)."""
    ids = [item.duplicate.record_id for item in items if item.duplicate and item.record]
    existing = {r.id: r for r in repository.get_many([i for i in ids if i is not None])}
    updated: list[Record] = []
    done: set[int] = set()
    for item in items:
        if item.record is None or item.duplicate is None or item.duplicate.record_id is None:
            continue
        old = existing.get(item.duplicate.record_id)
        if old is None or old.id in done:  # two file records matching one catalog record
            continue
        done.add(old.id)  # type: ignore[arg-type]
        new = _writable_copy(item.record)
        new.id, new.version = old.id, old.version
        new.created_at = old.created_at
        known = {c.inventory_number for c in old.copies}
        new.copies = old.copies + [c for c in new.copies if c.inventory_number not in known]
        new.attachments = old.attachments
        updated.append(new)
    return updated


def _writable_copy(record: Record) -> Record:
    """The record as it will be written, leaving the plan's untouched (a cancelled import can
    be run again): only the copies get new numbers, so only they are copied — a deep copy of
    10,000 kept MARC records took longer than writing them."""
    return dataclasses.replace(record, copies=[dataclasses.replace(c) for c in record.copies])


def _number_copies(catalog: Catalog, records: list[Record], pattern: str) -> int:
    """Give copies that came without an inventory number the next free numbers."""
    unnumbered: list[Copy] = [c for r in records for c in r.copies if not c.inventory_number]
    if not unnumbered:
        return 0
    taken = set(lookups.inventory_numbers(catalog))
    taken.update(c.inventory_number for r in records for c in r.copies if c.inventory_number)
    for copy, number in zip(
        unnumbered, inventory.next_numbers(pattern, taken, len(unnumbered)), strict=True
    ):
        copy.inventory_number = number
    return len(unnumbered)


def read_options_for(
    *,
    encoding: str | None = None,
    mapping_file: Path | None = None,
) -> ReadOptions:
    """ReadOptions from the CLI's flags: a mapping file (CSV/XLSX) first, ``--encoding`` over it."""
    options = ReadOptions()
    if mapping_file is not None:
        from library_app.interchange.tabular import load_mapping_file

        options = load_mapping_file(mapping_file)
    if encoding:
        options.encoding = encoding
    return options
