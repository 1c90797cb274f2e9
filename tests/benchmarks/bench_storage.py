"""Benchmark: demo generation and bulk insert of 10k and 100k records, SQLite and PostgreSQL.

Run by hand: `.venv/bin/python tests/benchmarks/bench_storage.py [--sizes 10000 100000]`.
Prints one JSON object per measurement and a summary list at the end.  Generation is timed on
its own so the storage cost can be read separately from the cost of making the data.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
import uuid
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from library_app.config import CatalogLocation
from library_app.db.catalog import open_catalog
from library_app.db.records import RecordRepository
from library_app.db.stats import catalog_stats
from library_app.services.catalog import load_demo
from library_app.services.demo import generate_records

PG_ADMIN_URL = os.environ.get(
    "LIBRARY_APP_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


def measure(backend: str, size: int, workdir: Path) -> dict:
    started = time.perf_counter()
    generated = sum(1 for _ in generate_records(size, seed=1))
    generation_s = time.perf_counter() - started

    pg_name = None
    if backend == "sqlite":
        data_dir = workdir / f"sqlite-{size}"
        location = CatalogLocation(data_dir, f"sqlite:///{data_dir / 'catalog.sqlite'}")
    else:
        pg_name = f"library_app_bench_{uuid.uuid4().hex[:8]}"
        admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{pg_name}"'))
        url = make_url(PG_ADMIN_URL).set(database=pg_name).render_as_string(hide_password=False)
        location = CatalogLocation(workdir / f"pg-{size}", url)
    try:
        with open_catalog(location) as catalog:
            started = time.perf_counter()
            added = load_demo(catalog, size, seed=1)
            total_s = time.perf_counter() - started
            started = time.perf_counter()
            stats = catalog_stats(catalog)
            stats_s = time.perf_counter() - started
            started = time.perf_counter()
            sample = RecordRepository(catalog).get_many(list(range(1, size + 1, size // 100)))
            get_s = (time.perf_counter() - started) / len(sample)
        result = {
            "benchmark": "demo_generate_and_insert",
            "backend": backend,
            "records": added,
            "copies": stats["copies"],
            "generate_only_s": round(generation_s, 2),
            "generate_and_insert_s": round(total_s, 2),
            "insert_only_s_estimate": round(total_s - generation_s, 2),
            "records_per_s": round(added / total_s),
            "stats_query_s": round(stats_s, 3),
            "load_one_record_ms": round(get_s * 1000, 2),
        }
        if backend == "sqlite" and location.sqlite_path is not None:
            result["database_mb"] = round(location.sqlite_path.stat().st_size / 2**20, 1)
        assert generated == added
        return result
    finally:
        if pg_name:
            with admin.connect() as connection:
                connection.execute(text(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)'))
            admin.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--backends", nargs="+", default=["sqlite", "postgresql"])
    args = parser.parse_args()
    results = []
    with tempfile.TemporaryDirectory(prefix="library-app-bench-") as scratch:
        for size in args.sizes:
            for backend in args.backends:
                result = measure(backend, size, Path(scratch))
                print(json.dumps(result), flush=True)
                results.append(result)
    machine = {
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "machine": platform.machine(),
    }
    print(json.dumps({"machine": machine, "results": results}, indent=2))


if __name__ == "__main__":
    main()
