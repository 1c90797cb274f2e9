"""Benchmark: importing 10,000 MARC21 records, indexing included.

Run by hand (pytest does not collect it)::

    .venv/bin/python tests/benchmarks/bench_import.py [--records 10000] [--db-url URL]

The file is made first: ``--records`` demo records (multilingual, with copies) written as MARC21
ISO 2709 by our own writer, so it looks like a partner's export of a similar collection.  Then,
into a fresh SQLite catalog (or the PostgreSQL database ``--db-url``), with its search index
built while empty, it times each stage of ``library-app import``:

* ``read_s`` — reading and mapping the file (``plan_import`` minus the duplicate check);
* ``plan_s`` — the whole dry run: reading plus duplicate detection against the catalog and
  inside the file;
* ``write_s`` — ``apply_import``: the one transaction that adds every record and copy;
* ``index_s`` — bringing the search index up to date with the new records (``catch_up``);
* ``total_s`` — plan + write + index, what a librarian waits for (target ≤ 15 s).

Baselines measured in the same run: ``baseline_pymarc_parse_s`` — pymarc alone parsing the same
file into its own records (the floor for reading ISO 2709 in Python), and
``baseline_reimport_plan_s`` — planning the same file again once its records are in the catalog
(every record then meets its duplicate, the worst case of the duplicate check).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import tempfile
import time
from pathlib import Path

os.environ.setdefault("LIBRARY_APP_QUIET", "1")

TARGET_TOTAL_S = 15.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--db-url", default=None, help="PostgreSQL URL (an empty database)")
    args = parser.parse_args()

    import pymarc

    from library_app.config import CatalogLocation
    from library_app.db.catalog import open_catalog
    from library_app.interchange.base import ReadOptions, WriteOptions
    from library_app.interchange.importing import apply_import, plan_import
    from library_app.interchange.marc21 import Marc21Writer
    from library_app.search.index import SearchIndex
    from library_app.services.demo import generate_records

    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    marc_file = work / "partner.mrc"
    started = time.perf_counter()
    with marc_file.open("wb") as stream:
        Marc21Writer().write(generate_records(args.records, seed=7), stream, WriteOptions())
    make_file_s = time.perf_counter() - started

    started = time.perf_counter()
    with marc_file.open("rb") as stream:
        parsed = sum(1 for r in pymarc.MARCReader(stream, to_unicode=True) if r is not None)
    baseline_parse_s = time.perf_counter() - started

    data_dir = work / "data"
    url = args.db_url or f"sqlite:///{data_dir / 'catalog.sqlite'}"
    data_dir.mkdir()
    catalog = open_catalog(CatalogLocation(data_dir, url))
    index = SearchIndex(catalog)
    index.rebuild()

    from library_app.interchange import formats

    reader = formats.format_by_id("marc21").reader_class()()
    started = time.perf_counter()
    result = reader.read(marc_file, ReadOptions())
    read_s = time.perf_counter() - started

    started = time.perf_counter()
    plan = plan_import(catalog, marc_file)
    plan_s = time.perf_counter() - started
    started = time.perf_counter()
    report = apply_import(catalog, plan)
    write_s = time.perf_counter() - started
    started = time.perf_counter()
    indexed = index.catch_up(wait_seconds=60, processes=2)  # as `library-app import` does
    index_s = time.perf_counter() - started

    started = time.perf_counter()
    again = plan_import(catalog, marc_file)
    reimport_plan_s = time.perf_counter() - started
    index.close()
    catalog.close()

    total = plan_s + write_s + index_s
    figures = {
        "records_in_file": len(result.items),
        "file_mb": round(marc_file.stat().st_size / 1e6, 1),
        "make_file_s": round(make_file_s, 2),
        "read_s": round(read_s, 2),
        "plan_s": round(plan_s, 2),
        "write_s": round(write_s, 2),
        "index_s": round(index_s, 2),
        "total_s": round(total, 2),
        "records_per_s": round(len(report.added_ids) / total),
        "added": len(report.added_ids),
        "indexed": indexed,
        "baseline_pymarc_parse_s": round(baseline_parse_s, 2),
        "baseline_pymarc_records": parsed,
        "baseline_reimport_plan_s": round(reimport_plan_s, 2),
        "reimport_duplicates_found": again.counts()["duplicates"],
        "target_total_s": TARGET_TOTAL_S,
        "met": total <= TARGET_TOTAL_S,
        "backend": "postgresql" if args.db_url else "sqlite",
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
    }
    out = io.StringIO()
    json.dump(figures, out, indent=2)
    print(out.getvalue())


if __name__ == "__main__":
    main()
