"""`batch-edit`: one change (subjects, location, shelf mark, status of copies) to many records,
chosen by id or by a search, in one transaction.

A query that the search engine had to reinterpret (a "did you mean" substitution, an unbalanced
quotation mark) is refused rather than run: a batch edit must change exactly the records the
person asked for.
"""

from __future__ import annotations

import argparse
from typing import Any

from library_app.cli.commands import MAX_RECORD_ID
from library_app.cli.output import TerminalProgress, print_json
from library_app.core.errors import InputError
from library_app.core.model import CopyStatus
from library_app.services.batch_edit import BatchChange, apply_batch

MAX_IDS_SHOWN = 10


def add_parsers(command: Any, positive: Any, not_negative: Any) -> None:
    p = command(
        "batch-edit",
        "change many records at once (all or nothing): subjects, location or status of copies",
    )
    chosen = p.add_mutually_exclusive_group(required=True)
    chosen.add_argument("--ids", metavar="1,2,5-9", help="record ids, comma-separated, or ranges")
    chosen.add_argument("--query", metavar="TEXT", help="every record this search finds")
    p.add_argument(
        "--add-subject",
        action="append",
        default=[],
        metavar="S",
        dest="add_subjects",
        help="add this subject where it is missing (repeatable)",
    )
    p.add_argument(
        "--remove-subject",
        action="append",
        default=[],
        metavar="S",
        dest="remove_subjects",
        help="remove this subject, whatever its case (repeatable)",
    )
    p.add_argument("--set-location", metavar="L", help="location of every copy")
    p.add_argument("--set-shelf-mark", metavar="M", help="shelf mark of every copy")
    p.add_argument(
        "--set-status",
        metavar="STATUS",
        help="status of every copy: " + ", ".join(s.value for s in CopyStatus),
    )
    p.set_defaults(handler=batch_edit)


def parse_ids(text: str) -> list[int]:
    """ "3,1,5-7" → [3, 1, 5, 6, 7]; each id once, in the order given."""
    ids: list[int] = []
    for part in (p.strip() for p in text.split(",")):
        if not part:
            continue
        first, dash, last = part.partition("-")
        if not first.strip().isdigit() or (dash and not last.strip().isdigit()):
            raise InputError(f"--ids: «{part}» is not a record id or a range such as 5-9")
        start, end = int(first), int(last) if dash else int(first)
        if start < 1 or end < start:
            raise InputError(f"--ids: «{part}» is not a range of record ids")
        if end > MAX_RECORD_ID:
            raise InputError(f"--ids: {end} is larger than any record id")
        if end - start >= 1_000_000:
            raise InputError(f"--ids: the range «{part}» is too large")
        ids.extend(range(start, end + 1))
    if not ids:
        raise InputError("--ids: give at least one record id, e.g. --ids 12,15,20-25")
    return list(dict.fromkeys(ids))


def parse_status(text: str) -> CopyStatus:
    """A copy status by its code, forgiving case and dashes ("On-loan" = on_loan)."""
    code = text.strip().lower().replace("-", "_").replace(" ", "_")
    try:
        return CopyStatus(code)
    except ValueError:
        known = ", ".join(s.value for s in CopyStatus)
        raise InputError(f"--set-status {text}: unknown status; use one of {known}") from None


def change_from_args(args: argparse.Namespace) -> BatchChange:
    change = BatchChange(
        add_subjects=args.add_subjects,
        remove_subjects=args.remove_subjects,
        set_location=args.set_location,
        set_shelf_mark=args.set_shelf_mark,
        set_status=parse_status(args.set_status) if args.set_status is not None else None,
    )
    problem = change.problem()
    if problem is not None:
        if change.is_empty():
            problem = (
                "nothing to change: give --add-subject, --remove-subject, --set-location, "
                "--set-shelf-mark or --set-status"
            )
        raise InputError(problem)
    return change


def search_ids(
    catalog: Any,
    args: argparse.Namespace,
    *,
    query: str | None = None,
    sort: str = "title",
    outcome: str = "nothing was changed",
    option: str = "--query",
) -> list[int]:
    """Every record the query finds, in the engine's order (the index is brought up to date).

    A query the engine had to reinterpret is refused: the command must act on exactly what the
    person asked for; ``outcome`` says what did not happen then."""
    from library_app.cli.search_commands import open_index
    from library_app.search.searching import MAX_LIMIT, CatalogSearcher

    query = args.query if query is None else query
    if not query.strip():
        raise InputError(f"{option}: the search text is empty")
    index = open_index(catalog, args)
    searcher = CatalogSearcher(index)
    ids: list[int] = []
    try:
        while True:
            result = searcher.search(query, limit=MAX_LIMIT, offset=len(ids), sort=sort)
            if result.messages:
                problems = " ".join(result.messages)
                raise InputError(f"{option} «{query}»: {problems} {outcome.capitalize()}.")
            if result.did_you_mean is not None:
                raise InputError(
                    f"no records match «{query}» (did you mean «{result.did_you_mean}»?); {outcome}"
                )
            ids += [hit.id for hit in result.hits]
            if not result.hits or len(ids) >= result.total:
                break
    finally:
        searcher.close()
        index.close()
    if not ids:
        raise InputError(f"no records match «{query}»; {outcome}")
    return list(dict.fromkeys(ids))


def batch_edit(args: argparse.Namespace) -> int:
    from library_app.cli.commands import _open

    change = change_from_args(args)
    ids = parse_ids(args.ids) if args.ids is not None else None
    with _open(args) as catalog:
        if ids is None:
            ids = search_ids(catalog, args)
        progress = TerminalProgress(f"Changing {len(ids):,} records", enabled=not args.json)
        try:
            changed = apply_batch(catalog, ids, change, progress=progress)
        finally:
            progress.finish()
    if args.json:
        print_json({"matched": len(ids), "changed": changed, "ids": ids})
        return 0
    shown = ", ".join(str(i) for i in ids[:MAX_IDS_SHOWN])
    if len(ids) > MAX_IDS_SHOWN:
        shown += ", …"
    print(f"Changed {changed:,} of {len(ids):,} records ({shown}): {change.describe()}.")
    if changed < len(ids):
        print(f"{len(ids) - changed:,} already had this change and were left as they were.")
    return 0
