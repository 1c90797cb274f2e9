"""`search` and `reindex`: the command-line face of library_app.search.

Before answering, `search` brings this workstation's index level with the catalogue: it rebuilds
an index that is missing or unusable (saying why) and applies the journal entries written since
the last run, so a record saved a moment ago by any program is found.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import threading
from pathlib import Path
from typing import Any

from library_app.cli.output import TerminalProgress, print_json, print_table
from library_app.core.errors import InputError
from library_app.search.index import IndexBusy, SearchIndex
from library_app.search.searching import SORTS, CatalogSearcher, SearchResult

BUSY_WAIT_SECONDS = 2.0  # how long a search waits for another program writing the index


def _writer_processes() -> int:
    """Worker processes for a rebuild: two when this program runs no other thread (forking is
    then safe, see SearchIndex.rebuild), else one."""
    return min(2, os.cpu_count() or 1) if threading.active_count() == 1 else 1


def add_parsers(command: Any, positive: Any, not_negative: Any) -> None:
    p = command("search", "search the catalog (see `library-app search --help` for the syntax)")
    p.description = (
        'Search the catalog. Words must all match; use "quoted phrases", OR, NOT or -word, '
        "word* (prefix), word~ (fuzzy), and fields title: author: subject: place: publisher: "
        "series: year:2005 year:2005..2009 lang:kk type:report isbn: issn: inv: barcode: "
        "udc: bbk: id:"
    )
    p.add_argument("query", nargs="?", default=None, metavar="QUERY")
    p.add_argument("--limit", type=positive, default=20, metavar="N")
    p.add_argument("--offset", type=not_negative, default=0, metavar="N")
    p.add_argument("--sort", choices=SORTS, default="relevance")
    p.add_argument("--facets", action="store_true", help="count hits by language, type, …")
    p.add_argument(
        "--queries-file",
        metavar="FILE",
        help="run one query per line, print one JSON object per line",
    )
    p.set_defaults(handler=search)

    p = command("reindex", "rebuild the search index of this workstation from the catalog")
    p.set_defaults(handler=reindex)


def open_index(catalog: Any, args: argparse.Namespace) -> SearchIndex:
    """The catalogue's index, rebuilt or caught up as needed, with progress on a terminal."""
    index = SearchIndex(catalog)
    reason = index.problem()
    if reason is not None:
        _note(args, f"Building the search index: {reason}.")
        progress = TerminalProgress("Indexing", enabled=not args.json)
        index.rebuild(progress=progress, processes=_writer_processes())
        progress.finish()
    else:
        progress = TerminalProgress("Updating index", enabled=not args.json)
        try:
            index.catch_up(
                progress=progress,
                wait_seconds=BUSY_WAIT_SECONDS,
                processes=_writer_processes(),
            )
        except IndexBusy as busy:
            progress.finish()
            _note(args, str(busy))
            return index  # answer from what is there; the writer will finish the update
        progress.finish()
    progress = TerminalProgress("Reading attachments", enabled=not args.json)
    try:
        for problem in index.extract_pending(progress=progress):
            _note(args, f"attachment skipped: {problem}")
    except IndexBusy as busy:
        _note(args, str(busy))
    progress.finish()
    return index


def _note(args: argparse.Namespace, message: str) -> None:
    if not args.json:
        print(message, file=sys.stderr)


def search(args: argparse.Namespace) -> int:
    from library_app.cli.commands import _open

    if args.query is None and args.queries_file is None:
        raise InputError("give a QUERY or --queries-file FILE")
    queries = _read_queries(Path(args.queries_file)) if args.queries_file else [args.query]
    with _open(args) as catalog:
        index = open_index(catalog, args)
        searcher = CatalogSearcher(index)
        try:
            results = [
                searcher.search(
                    query,
                    limit=args.limit,
                    offset=args.offset,
                    sort=args.sort,
                    facets=args.facets,
                )
                for query in queries
            ]
        finally:
            searcher.close()
            index.close()
    if args.queries_file:
        for result in results:
            print(json.dumps(_json(result, args.facets), ensure_ascii=False))
    elif args.json:
        print_json(_json(results[0], args.facets))
    else:
        _print_result(results[0], args)
    return 1 if any(result.messages for result in results) else 0


def _json(result: SearchResult, facets: bool) -> dict[str, Any]:
    data = result.to_json()
    if not facets:
        data.pop("facets")
    return data


def _read_queries(path: Path) -> list[str]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read the queries file ({exc.strerror})") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError(f"{path}, line {line}: not UTF-8 text") from exc
    return [line.strip() for line in text.splitlines() if line.strip()]


def _print_result(result: SearchResult, args: argparse.Namespace) -> None:
    for message in result.messages:
        print(f"note: {message}", file=sys.stderr)
    if result.did_you_mean:
        print(f"Nothing found for «{result.query}». Showing results for «{result.did_you_mean}».")
    if not result.hits:
        print("No records found." if result.total == 0 else f"{result.total:,} found.")
    else:
        first = result.offset + 1
        last = result.offset + len(result.hits)
        print(f"{result.total:,} found; showing {first}–{last}.")
        rows = []
        for hit in result.hits:
            authors = "; ".join(hit.authors[:2]) + (" …" if len(hit.authors) > 2 else "")
            rows.append([str(hit.id), hit.year, hit.type, ",".join(hit.languages), hit.title])
            where = (
                f"[{hit.snippet.attachment}, p. {hit.snippet.page}] " if hit.snippet.page else ""
            )
            detail = " — ".join(part for part in (authors, where + hit.snippet.text) if part)
            rows.append(["", "", "", "", "  " + _shorten(detail, 150)])
        print_table(["id", "year", "type", "lang", "title"], rows)
    if args.facets and result.facets:
        for name, values in result.facets.items():
            if values:
                shown = ", ".join(f"{value} ({count})" for value, count in values[:10])
                print(f"{name}: {shown}")


def _shorten(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def reindex(args: argparse.Namespace) -> int:
    from library_app.cli.commands import _done, _open

    with _open(args) as catalog:
        index = SearchIndex(catalog)
        try:
            progress = TerminalProgress("Indexing", enabled=not args.json)
            count = index.rebuild(progress=progress, processes=_writer_processes())
            progress.finish()
            progress = TerminalProgress("Reading attachments", enabled=not args.json)
            problems = index.extract_pending(progress=progress)
            progress.finish()
        finally:
            index.close()
    for problem in problems:
        _note(args, f"attachment skipped: {problem}")
    _done(
        args,
        {"indexed": count, "skipped_attachments": problems},
        f"Indexed {count:,} records.",
    )
    return 0


def index_problems(catalog: Any) -> tuple[list[str], dict[str, Any]]:
    """What `check` reports about the search index: it is compared with the catalogue after
    applying the journal, so what remains is real damage, not lag."""
    index = SearchIndex(catalog)
    try:
        reason = index.problem()
        if reason is not None:
            if "damaged" in reason:
                return [f"search index: {reason}; run `library-app reindex`"], {"index": "damaged"}
            # Not damage: the next search (or the window) rebuilds it by itself.
            return [], {"index": f"will be rebuilt ({reason})"}
        with contextlib.suppress(IndexBusy):  # another program is writing; compare what is there
            index.catch_up()
        comparison = index.compare()
    finally:
        index.close()
    problems = []
    for label, ids in (
        ("lacks", comparison.missing),
        ("holds an older version of", comparison.stale),
        ("still holds deleted", comparison.extra),
    ):
        if ids:
            listed = ", ".join(str(i) for i in ids[:10]) + (" …" if len(ids) > 10 else "")
            problems.append(
                f"search index {label} {len(ids)} record(s): {listed}; run `library-app reindex`"
            )
    return problems, {"index": "ok" if comparison.ok else "differs"}
