"""Benchmark: printing a bibliography of 10,000 records, reading them from the catalog included.

Run by hand (pytest does not collect it)::

    .venv/bin/python tests/benchmarks/bench_print.py [--records 10000] [--repeat 3]

``--records`` demo records (multilingual, every kind of material) are added to a fresh SQLite
catalog.  Then ``build_bibliography`` writes the whole product through ``write_report``, as the
`print` command does — records read by id, GOST references formatted, entries grouped by
subject and filed (Cyrillic first, Kazakh collation), numbered, laid out without splitting an
entry, author and subject indexes, page numbers — once in one column and once in two (A4):

* ``one_column_s``, ``two_columns_s`` — the best of ``--repeat`` runs (target ≤ 10 s each),
  with the median and every run, since a shared machine makes single runs noisy.

Baselines measured in the same run: ``baseline_read_records_s`` — ``RecordRepository.get_many``
reading the same records (the floor for loading them), and ``baseline_plain_paragraphs_s`` —
ReportLab alone writing the same 10,000 reference strings as plain numbered paragraphs in one
column, with no grouping, filing, indexes or keep-whole rule (the floor for laying them out).
"""

from __future__ import annotations

import argparse
import io
import json
import os
import platform
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

if TYPE_CHECKING:
    from library_app.core.model import Record
    from library_app.reports.base import ReportResult

os.environ.setdefault("LIBRARY_APP_QUIET", "1")

TARGET_S = 10.0
T = TypeVar("T")


def timed(repeat: int, run: Callable[[], T]) -> tuple[list[float], T]:
    """Every run's wall time, and the last run's result."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - started)
    return times, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from library_app.config import CatalogLocation
    from library_app.db.catalog import open_catalog
    from library_app.db.records import RecordRepository
    from library_app.reports.base import MM, write_report
    from library_app.reports.bibliography import BibliographyOptions, build_bibliography
    from library_app.reports.citation import format_reference
    from library_app.reports.fonts import SERIF, register_fonts
    from library_app.services.demo import generate_records

    work = Path(tempfile.mkdtemp(prefix="bench-print-"))
    data_dir = work / "data"
    data_dir.mkdir()
    catalog = open_catalog(CatalogLocation(data_dir, f"sqlite:///{data_dir / 'catalog.sqlite'}"))
    repository = RecordRepository(catalog)
    started = time.perf_counter()
    ids = repository.add_many(generate_records(args.records, seed=7))
    make_catalog_s = time.perf_counter() - started
    register_fonts()

    figures: dict[str, object] = {"records": len(ids), "make_catalog_s": round(make_catalog_s, 2)}
    best_times = []
    for label, columns in (("one_column", 1), ("two_columns", 2)):
        options = BibliographyOptions(
            title="Водные ресурсы Центральной Азии",
            compiler="А. Б. Сейткали",
            organisation="Региональный экологический центр Центральной Азии",
            place="Алматы",
            year="2025",
            group_by="subject",
            columns=columns,
        )
        target = work / f"bibliography-{columns}.pdf"

        def run(options: BibliographyOptions = options, target: Path = target) -> ReportResult:
            return write_report(
                target, lambda stream: build_bibliography(catalog, ids, options, stream)
            )

        times, result = timed(args.repeat, run)
        best_times.append(min(times))
        figures |= {
            f"{label}_s": round(min(times), 2),
            f"{label}_median_s": round(statistics.median(times), 2),
            f"{label}_runs_s": [round(t, 2) for t in times],
            f"{label}_pages": result.pages,
            f"{label}_entries": result.items,
            f"{label}_mb": round(target.stat().st_size / 1e6, 1),
        }

    def read_records() -> list[Record]:
        return [
            r
            for start in range(0, len(ids), 200)
            for r in repository.get_many(ids[start : start + 200])
        ]

    read_times, records = timed(args.repeat, read_records)
    texts = [format_reference(record).markup for record in records]
    style = ParagraphStyle("plain", fontName=SERIF, fontSize=10, leading=12.4, spaceAfter=3.7)

    def plain_paragraphs() -> int:
        document = SimpleDocTemplate(
            io.BytesIO(), pagesize=A4, leftMargin=20 * MM, rightMargin=20 * MM
        )
        document.build([Paragraph(f"{n}. {text}", style) for n, text in enumerate(texts, 1)])
        return document.page

    plain_times, plain_pages = timed(args.repeat, plain_paragraphs)
    catalog.close()
    shutil.rmtree(work, ignore_errors=True)

    figures |= {
        "baseline_read_records_s": round(min(read_times), 2),
        "baseline_plain_paragraphs_s": round(min(plain_times), 2),
        "baseline_plain_pages": plain_pages,
        "target_s": TARGET_S,
        "met": max(best_times) <= TARGET_S,
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count()},
    }
    out = io.StringIO()
    json.dump(figures, out, indent=2, ensure_ascii=False)
    print(out.getvalue())


if __name__ == "__main__":
    main()
