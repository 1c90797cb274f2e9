"""Handlers of the CLI commands.  Each opens the catalog, calls one service, prints, returns
the exit code; none contains catalog logic of its own."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from library_app.cli.output import TerminalProgress, format_record, print_json, print_table
from library_app.config import resolve_location
from library_app.core.errors import InputError, NotFound
from library_app.core.languages import to_code
from library_app.core.model import (
    Classification,
    ClassificationScheme,
    Contributor,
    ContributorRole,
    Copy,
    Identifier,
    IdentifierType,
    MaterialType,
    Record,
)
from library_app.core.serialization import (
    from_jsonable,
    merge_patch,
    record_from_dict,
    record_to_dict,
)
from library_app.core.validation import Severity, validate_record
from library_app.db.catalog import Catalog, describe_target, open_catalog


def _open(args: argparse.Namespace) -> Catalog:
    catalog = open_catalog(resolve_location(args.data_dir, args.db))
    if catalog.backup_made is not None and not args.json:
        print(
            f"The catalog was upgraded; a copy of the old one is in {catalog.backup_made}",
            file=sys.stderr,
        )
    return catalog


def _records(catalog: Catalog):
    from library_app.db.records import RecordRepository

    return RecordRepository(catalog)


MAX_RECORD_ID = 2**31 - 1  # the id column is a 32-bit integer on PostgreSQL


def _record_id(catalog: Catalog, text: str) -> int:
    """A record given as its id or as the control number it came with."""
    repository = _records(catalog)
    if text.isdigit() and 0 < int(text) <= MAX_RECORD_ID and repository.exists(int(text)):
        return int(text)
    matches = repository.find_by_control_number(text)
    if not matches:
        if text.isdigit():
            raise NotFound(f"there is no record with id {text} (nor with that control number)")
        raise NotFound(f"there is no record with id or control number «{text}»")
    if len(matches) > 1:
        listed = ", ".join(str(m) for m in matches[:10])
        raise InputError(f"control number «{text}» belongs to several records: {listed}")
    return matches[0]


def launch_gui(args: argparse.Namespace) -> int:
    if _no_display():
        raise InputError(
            "no graphical display to open the window on; run a command instead "
            "(library-app --help), or start from a desktop session"
        )
    from library_app.gui.app import run_with_options

    return run_with_options(args.data_dir, args.db, reader=args.reader)


def _no_display() -> bool:
    """Qt aborts the process without a display; say so in words first (Linux/BSD only)."""
    if not sys.platform.startswith(("linux", "freebsd", "openbsd")):
        return False
    if os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal", "vnc", "eglfs")):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def demo(args: argparse.Namespace) -> int:
    from library_app.services.catalog import load_demo

    with _open(args) as catalog:
        progress = TerminalProgress("Generating demo catalog", enabled=not args.json)
        added = load_demo(catalog, args.records, args.seed, progress=progress)
        progress.finish()
        total = _records(catalog).count()
    if args.json:
        print_json({"added": added, "records": total})
    else:
        print(f"Added {added:,} demo records; the catalog now holds {total:,}.")
    return 0


# --- add --------------------------------------------------------------------------------


def add_record_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--from",
        dest="source",
        metavar="FILE",
        help="JSON file with one record or a list of records ('-' = stdin)",
    )
    parser.add_argument("--type", choices=[t.value for t in MaterialType], default="book")
    parser.add_argument("--title")
    parser.add_argument("--subtitle", help="other title information")
    parser.add_argument("--responsibility", help="statement of responsibility as printed")
    for role in ContributorRole:
        flag = "--" + role.value.replace("_", "-")
        parser.add_argument(
            flag,
            action="append",
            default=[],
            dest=f"role_{role.value}",
            metavar="NAME",
            help="'Surname, Forenames' for persons (repeatable)",
        )
    parser.add_argument("--edition")
    parser.add_argument("--place", action="append", default=[])
    parser.add_argument("--publisher", action="append", default=[])
    parser.add_argument("--year")
    parser.add_argument("--pages")
    parser.add_argument(
        "--language",
        action="append",
        default=[],
        help="ISO 639-2 code, two-letter code or name (repeatable)",
    )
    parser.add_argument("--isbn", action="append", default=[])
    parser.add_argument("--issn", action="append", default=[])
    parser.add_argument("--doi", action="append", default=[])
    parser.add_argument("--udc", action="append", default=[])
    parser.add_argument("--bbk", action="append", default=[])
    parser.add_argument("--subject", action="append", default=[])
    parser.add_argument("--geographic", action="append", default=[])
    parser.add_argument("--keyword", action="append", default=[])
    parser.add_argument("--summary")
    parser.add_argument("--note", action="append", default=[])
    parser.add_argument("--project")
    parser.add_argument("--funder", action="append", default=[])
    parser.add_argument(
        "--copy",
        action="append",
        default=[],
        metavar="INV[:BARCODE[:LOCATION]]",
        help="add a copy with this inventory number (repeatable)",
    )


def _record_from_options(args: argparse.Namespace) -> Record:
    if not args.title:
        raise InputError("give --title (or --from FILE with the record as JSON)")
    contributors = []
    for role in ContributorRole:
        for text in getattr(args, f"role_{role.value}"):
            if role.is_corporate or "," not in text:
                contributors.append(Contributor(text.strip(), role=role))
            else:
                surname, forenames = text.split(",", 1)
                contributors.append(Contributor(surname.strip(), forenames.strip(), role))
    languages = []
    for text in args.language:
        code = to_code(text)
        if code is None:
            raise InputError(f"--language {text}: unknown language; use a code such as rus, kaz")
        languages.append(code)
    identifiers = [
        Identifier(kind, value)
        for kind, values in (
            (IdentifierType.ISBN, args.isbn),
            (IdentifierType.ISSN, args.issn),
            (IdentifierType.DOI, args.doi),
        )
        for value in values
    ]
    classes = [Classification(ClassificationScheme.UDC, v) for v in args.udc]
    classes += [Classification(ClassificationScheme.BBK, v) for v in args.bbk]
    copies = []
    for text in args.copy:
        parts = [*text.split(":", 2), "", ""][:3]
        copies.append(Copy(parts[0], barcode=parts[1], location=parts[2]))
    record = Record(
        title=args.title,
        material_type=MaterialType(args.type),
        title_remainder=args.subtitle or "",
        responsibility=args.responsibility or "",
        contributors=contributors,
        edition=args.edition or "",
        places=args.place,
        publishers=args.publisher,
        year=args.year or "",
        languages=languages,
        identifiers=identifiers,
        classifications=classes,
        subjects=args.subject,
        geographic_names=args.geographic,
        keywords=args.keyword,
        summary=args.summary or "",
        notes=args.note,
        project=args.project or "",
        funders=args.funder,
        copies=copies,
    )
    record.extent.pages = args.pages or ""
    return record


def _read_json(source: str) -> Any:
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{source}: cannot read ({exc.strerror})") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{source}: not UTF-8 text (byte {exc.start})") from exc
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"{source}: invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from exc


def add(args: argparse.Namespace) -> int:
    if args.source:
        data = _read_json(args.source)
        items = data if isinstance(data, list) else [data]
        if not items:
            raise InputError(f"{args.source}: the list holds no records; nothing was added")
        records = []
        for number, item in enumerate(items, start=1):
            try:
                records.append(record_from_dict(_without_bookkeeping(item)))
            except InputError as exc:
                where = f"{args.source}, record {number}" if len(items) > 1 else args.source
                raise InputError(f"{where}: {exc}") from exc
    else:
        records = [_record_from_options(args)]
    warnings = [
        f"record {n}: {p}" if len(records) > 1 else str(p)
        for n, record in enumerate(records, start=1)
        for p in validate_record(record)
        if p.severity == Severity.WARNING
    ]
    with _open(args) as catalog:
        ids = _records(catalog).add_many(records)
    if args.json:
        print_json({"added": ids, "warnings": warnings})
    else:
        for warning in warnings:
            print(f"warning: {warning}", file=sys.stderr)
        print(f"Added record{'s' if len(ids) > 1 else ''} {', '.join(map(str, ids))}.")
    return 0


def _without_bookkeeping(item: Any) -> Any:
    """Records shown with `show --json` can be fed back to `add`: drop what storage owns."""
    if isinstance(item, dict):
        item = {
            k: v
            for k, v in item.items()
            if k not in ("id", "version", "created_at", "updated_at", "deleted_at", "attachments")
        }
        if isinstance(item.get("copies"), list):
            item["copies"] = [
                {k: v for k, v in c.items() if k not in ("id", "version")}
                if isinstance(c, dict)
                else c
                for c in item["copies"]
            ]
    return item


# --- show / edit / delete ---------------------------------------------------------------


def show(args: argparse.Namespace) -> int:
    with _open(args) as catalog:
        record = _records(catalog).get(_record_id(catalog, args.record))
    if args.json:
        print_json(record_to_dict(record))
    else:
        print(format_record(record))
    return 0


def _patch_from_args(args: argparse.Namespace) -> dict[str, Any]:
    if args.patch:
        patch = _read_json(args.patch)
        if not isinstance(patch, dict):
            raise InputError(f"{args.patch}: a merge patch must be a JSON object")
        return patch
    patch: dict[str, Any] = {}
    for assignment in args.assignments:
        field, sep, value = assignment.partition("=")
        if not sep or not field:
            raise InputError(f"--set {assignment}: expected FIELD=VALUE")
        try:
            parsed = json.loads(value)
        except json.JSONDecodeError:
            parsed = value  # plain text is the common case: --set title=Водные ресурсы
        patch[field.strip()] = parsed
    return patch


def edit(args: argparse.Namespace) -> int:
    patch = _patch_from_args(args)
    protected = {"id", "version", "created_at", "updated_at", "deleted_at", "attachments"}
    if touched := sorted(protected & set(patch)):
        raise InputError(f"{', '.join(touched)} cannot be edited (the catalog keeps them)")
    with _open(args) as catalog:
        repository = _records(catalog)
        current = repository.get(_record_id(catalog, args.record))
        merged = merge_patch(record_to_dict(current), patch)
        edited = from_jsonable(Record, merged)
        saved = repository.update(edited)
    if args.json:
        print_json(record_to_dict(saved))
    else:
        print(f"Saved record {saved.id} (version {saved.version}).")
    return 0


def delete(args: argparse.Namespace) -> int:
    with _open(args) as catalog:
        record_id = _record_id(catalog, args.record)
        _records(catalog).delete(record_id)
    _done(
        args,
        {"deleted": record_id},
        f"Record {record_id} moved to the trash; `library-app undelete {record_id}` restores it.",
    )
    return 0


def undelete(args: argparse.Namespace) -> int:
    with _open(args) as catalog:
        record_id = _record_id(catalog, args.record)
        _records(catalog).undelete(record_id)
    _done(args, {"restored": record_id}, f"Record {record_id} is back in the catalog.")
    return 0


def _done(args: argparse.Namespace, data: dict[str, Any], message: str) -> None:
    if args.json:
        print_json(data)
    else:
        print(message)


def list_records(args: argparse.Namespace) -> int:
    with _open(args) as catalog:
        summaries = _records(catalog).list(
            limit=args.limit, offset=args.offset, deleted=args.deleted
        )
    if args.json:
        print_json([s.__dict__ | {"languages": list(s.languages)} for s in summaries])
        return 0
    rows = [
        [
            str(s.id),
            s.material_type,
            ",".join(s.languages),
            s.year,
            str(s.copies),
            s.first_author[:30],
            s.title,
        ]
        for s in summaries
    ]
    print_table(["id", "type", "lang", "year", "copies", "author", "title"], rows)
    return 0


def stats(args: argparse.Namespace) -> int:
    from library_app.db.stats import catalog_stats

    with _open(args) as catalog:
        figures = catalog_stats(catalog)
    if args.json:
        print_json(figures)
        return 0
    print(
        f"Records: {figures['records']:,} (in trash: {figures['deleted_records']:,}); "
        f"copies: {figures['copies']:,}; attachments: {figures['attachments']:,}"
    )
    for key, title in (
        ("by_type", "By material type"),
        ("by_language", "By language"),
        ("by_decade", "By decade"),
        ("copies_by_status", "Copies by status"),
    ):
        print(f"\n{title}:")
        for name, count in figures[key].items():
            print(f"  {name:<14} {count:>8,}")
    return 0


# --- files ------------------------------------------------------------------------------


def attach(args: argparse.Namespace) -> int:
    from library_app.db.attachments import AttachmentStore

    with _open(args) as catalog:
        record_id = _record_id(catalog, args.record)
        attachment = AttachmentStore(catalog).attach(record_id, Path(args.file))
    _done(
        args,
        {"record": record_id, "attachment": attachment.id, "sha256": attachment.sha256},
        f"Attached {attachment.filename} to record {record_id}.",
    )
    return 0


def backup(args: argparse.Namespace) -> int:
    from library_app.db.backup import backup as write_backup

    with _open(args) as catalog:
        result = write_backup(catalog, Path(args.file), kind=args.format)
    _done(
        args,
        {"file": str(result.path), "format": result.kind, "records": result.records},
        f"Backed up {result.records:,} records to {result.path} ({result.kind}).",
    )
    return 0


def restore(args: argparse.Namespace) -> int:
    from library_app.db.backup import restore as restore_backup

    with _open(args) as catalog:
        progress = TerminalProgress("Restoring", enabled=not args.json)
        records = restore_backup(catalog, Path(args.file), force=args.force, progress=progress)
        progress.finish()
        target = describe_target(catalog.location.db_url)
    _done(args, {"restored_records": records}, f"Restored {records:,} records into {target}.")
    return 0


def check(args: argparse.Namespace) -> int:
    from library_app.cli.search_commands import index_problems
    from library_app.db.check import check_catalog

    with _open(args) as catalog:
        report = check_catalog(catalog, verify_hashes=not args.no_hashes)
        if report.ok:  # the index is only compared with a sound catalog
            problems, checked = index_problems(catalog)
            report.problems += problems
            report.checked.update(checked)
    if args.json:
        print_json({"ok": report.ok, "problems": report.problems, "checked": report.checked})
    else:
        checked = ", ".join(f"{k}: {v}" for k, v in report.checked.items())
        print(f"Checked {checked}.")
        if report.ok:
            print("No problems found.")
        for problem in report.problems:
            print(f"problem: {problem}")
    return 0 if report.ok else 1
