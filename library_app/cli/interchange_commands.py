"""`import` and `export`: exchange files (MARC21, MARCXML, RUSMARC, CSV, XLSX, RIS, BibTeX,
CSL-JSON) on the command line, through the same services as the GUI's wizard.

`import` prints the report (what was added, updated, skipped and why) and exits 0 only when
every record of the file was dealt with; records that could not be read make it exit 1 — the
readable ones are imported all the same unless `--strict` is given, which imports nothing then.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from library_app.cli.output import TerminalProgress, print_json
from library_app.core.errors import InputError

EXIT_SOME_RECORDS_FAILED = 1


def add_parsers(command: Any, positive: Any, not_negative: Any) -> None:
    from library_app.interchange.formats import readable_formats, writable_formats

    p = command(
        "import",
        "import records from a file (MARC21, MARCXML, RUSMARC, CSV, XLSX, RIS, BibTeX, CSL-JSON)",
    )
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--format",
        choices=[f.id for f in readable_formats()],
        default=None,
        help="the file's format (default: detected from its content)",
    )
    p.add_argument(
        "--encoding",
        metavar="NAME",
        help="character encoding (default: detected): utf-8, cp1251, koi8-r, utf-16, marc-8 …",
    )
    p.add_argument(
        "--mapping",
        metavar="FILE",
        help="CSV/XLSX: JSON file mapping column headers to fields (see README)",
    )
    p.add_argument("--dry-run", action="store_true", help="report what would happen; write nothing")
    p.add_argument(
        "--strict", action="store_true", help="import nothing if any record has an error"
    )
    p.add_argument(
        "--on-duplicate",
        choices=["skip", "update", "add"],
        default="skip",
        help="a record already in the catalog (same ISBN, control number, or title+author+year)"
        ": skip it (default), update the catalog's record, or add it anyway",
    )
    p.add_argument(
        "--no-copies",
        action="store_true",
        help="leave out the copies the file describes (another library's holdings)",
    )
    p.add_argument(
        "--inventory-pattern",
        default="{n}",
        metavar="PATTERN",
        help="numbers for copies that come without one, e.g. 'INV-{year}-{n:05d}' (default {n})",
    )
    p.add_argument("--report", metavar="FILE", help="also save the report (.json or text)")
    p.set_defaults(handler=import_file)

    p = command("export", "export records (all, or those a search finds) to a file")
    p.add_argument("query", nargs="?", default=None, metavar="QUERY")
    p.add_argument(
        "--format",
        choices=[f.id for f in writable_formats()],
        default=None,
        help="default: from the file name's extension",
    )
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument(
        "--columns",
        metavar="F1,F2,…",
        help="CSV/XLSX: fields to write, in order (see README for their names)",
    )
    p.add_argument("--ids", metavar="1,2,5-9", help="export these records instead of a search")
    p.set_defaults(handler=export_file)


def import_file(args: argparse.Namespace) -> int:
    from library_app.cli.commands import _open
    from library_app.cli.search_commands import open_index
    from library_app.interchange.importing import (
        DuplicatePolicy,
        apply_import,
        dry_run_report,
        plan_import,
        read_options_for,
    )
    from library_app.interchange.report import report_to_json, report_to_text, save_report

    path = Path(args.file).expanduser()
    options = read_options_for(
        encoding=args.encoding,
        mapping_file=Path(args.mapping).expanduser() if args.mapping else None,
    )
    with _open(args) as catalog:
        progress = TerminalProgress(f"Reading {path.name}", enabled=not args.json)
        try:
            plan = plan_import(
                catalog,
                path,
                format_id=args.format,
                options=options,
                policy=DuplicatePolicy(args.on_duplicate),
                strict=args.strict,
                with_copies=not args.no_copies,
                progress=progress,
            )
        finally:
            progress.finish()
        if args.dry_run:
            report = dry_run_report(plan)
        else:
            progress = TerminalProgress("Importing", enabled=not args.json)
            try:
                report = apply_import(
                    catalog, plan, inventory_pattern=args.inventory_pattern, progress=progress
                )
            finally:
                progress.finish()
            if report.added_ids or report.updated_ids:
                open_index(catalog, args).close()  # index the new records now, with progress
    if args.report:
        save_report(report, Path(args.report).expanduser())
    if args.json:
        print_json(report_to_json(report))
    else:
        print(report_to_text(report), end="")
    return EXIT_SOME_RECORDS_FAILED if plan.blocking else 0


def export_file(args: argparse.Namespace) -> int:
    from library_app.cli.batch_commands import parse_ids, search_ids
    from library_app.cli.commands import _open
    from library_app.db.records import RecordRepository
    from library_app.interchange.base import WriteOptions
    from library_app.interchange.exporting import export_records, format_for_path

    target = Path(args.output).expanduser()
    format_id = args.format or format_for_path(target)
    if format_id is None:
        raise InputError(f"{target.name}: cannot tell the format from the extension; give --format")
    if args.query is not None and args.ids is not None:
        raise InputError("give a QUERY or --ids, not both")
    options = WriteOptions()
    if args.columns:
        options.columns = [c.strip() for c in args.columns.split(",") if c.strip()]
    with _open(args) as catalog:
        if args.ids is not None:
            ids = parse_ids(args.ids)
        elif args.query is not None:
            ids = search_ids(
                catalog,
                args,
                query=args.query,
                sort="relevance",
                outcome="nothing was exported",
                option="QUERY",
            )
        else:
            ids = RecordRepository(catalog).ids()
        progress = TerminalProgress(f"Writing {target.name}", enabled=not args.json)
        try:
            result = export_records(
                catalog, ids, target, format_id, options=options, progress=progress
            )
        finally:
            progress.finish()
    if args.json:
        print_json(
            {"file": str(result.path), "format": result.format_id, "records": result.records}
        )
    else:
        print(f"Wrote {result.records:,} records to {result.path} ({result.format_id}).")
    return 0
