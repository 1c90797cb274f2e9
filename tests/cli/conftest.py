"""Helpers for end-to-end tests of the `library-app` command line.

The CLI is run in-process through ``library_app.cli.main`` with stdout/stderr captured, against the
catalog given by a ``CatalogLocation`` (``--data-dir`` and ``--db`` are passed explicitly, so the
same test runs on SQLite and on PostgreSQL through the ``location`` fixture).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from library_app.cli import main
from library_app.config import CatalogLocation
from library_app.core.serialization import record_to_dict
from library_app.db.catalog import open_catalog
from library_app.db.records import RecordRepository

ERROR_PREFIX = "library-app: error:"


@dataclass(frozen=True)
class CliResult:
    """What one run of the command line produced."""

    code: int
    out: str
    err: str

    def json(self, code: int = 0) -> Any:
        """stdout parsed as JSON, after checking the exit code."""
        assert self.code == code, f"exit {self.code}; stderr: {self.err}"
        return json.loads(self.out)

    def assert_user_error(self, *fragments: str) -> str:
        """Exit 2, one line on stderr starting with the error prefix, no traceback anywhere;
        return the message (after the prefix) for further checks."""
        assert "Traceback" not in self.out + self.err
        assert self.code == 2, f"exit {self.code}; stdout: {self.out!r}; stderr: {self.err!r}"
        lines = self.err.splitlines()
        assert len(lines) == 1, f"expected one line on stderr, got: {self.err!r}"
        assert lines[0].startswith(ERROR_PREFIX), lines[0]
        for fragment in fragments:
            assert fragment in lines[0], f"{fragment!r} not in {lines[0]!r}"
        return lines[0][len(ERROR_PREFIX) :].strip()


class CliRunner:
    """``run_cli(location, *args)`` runs ``library-app ARGS --data-dir … --db …``."""

    def __init__(self, capsys: pytest.CaptureFixture[str]) -> None:
        self.capsys = capsys

    def __call__(self, location: CatalogLocation | None, *args: str | Path) -> CliResult:
        argv = [str(arg) for arg in args]
        if location is not None:
            argv += ["--data-dir", str(location.data_dir), "--db", location.db_url]
        self.capsys.readouterr()  # forget whatever was printed before
        try:
            code = main(argv)
        except SystemExit as exit_:  # argparse refusing the command line
            code = exit_.code if isinstance(exit_.code, int) else 2
        out, err = self.capsys.readouterr()
        return CliResult(code, out, err)

    def ok(self, location: CatalogLocation | None, *args: str | Path) -> CliResult:
        result = self(location, *args)
        assert result.code == 0, f"exit {result.code}; stderr: {result.err}"
        assert "Traceback" not in result.out + result.err
        return result

    def json(self, location: CatalogLocation | None, *args: str | Path) -> Any:
        return self.ok(location, *args, "--json").json()

    def add(self, location: CatalogLocation, *args: str | Path) -> int:
        """Add one record and return its id."""
        (record_id,) = self.json(location, "add", *args)["added"]
        return record_id


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str]) -> CliRunner:
    return CliRunner(capsys)


@pytest.fixture
def write_json(tmp_path: Path) -> Callable[[str, Any], Path]:
    """Write data as a UTF-8 JSON file in the test's temp folder and return its path."""

    def write(name: str, data: Any) -> Path:
        path = tmp_path / name
        path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
        return path

    return write


@pytest.fixture
def new_location(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[Callable[[str], CatalogLocation]]:
    """Factory of further empty catalogs: ``new_location("sqlite")`` or ``("postgresql")``.

    PostgreSQL ones are fresh schemas in the session's scratch database (dropped afterwards)."""
    schemas: list[str] = []
    pg_database: str | None = None

    def make(kind: str) -> CatalogLocation:
        nonlocal pg_database
        data_dir = tmp_path / f"catalog-{uuid.uuid4().hex[:8]}"
        if kind == "sqlite":
            return CatalogLocation(data_dir, f"sqlite:///{data_dir / 'catalog.sqlite'}")
        assert kind == "postgresql", kind
        pg_database = request.getfixturevalue("pg_database")
        schema = f"t_{uuid.uuid4().hex[:12]}"
        engine = create_engine(pg_database, isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        engine.dispose()
        schemas.append(schema)
        url = make_url(pg_database).update_query_dict({"options": f"-csearch_path={schema}"})
        return CatalogLocation(data_dir, url.render_as_string(hide_password=False))

    yield make
    if schemas and pg_database is not None:
        engine = create_engine(pg_database, isolation_level="AUTOCOMMIT")
        with engine.connect() as connection:
            for schema in schemas:
                connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


@pytest.fixture
def snapshot(run_cli: CliRunner) -> Callable[[CatalogLocation], dict[str, Any]]:
    """Everything the CLI shows of a catalog: `list --json` (live and trash), `stats --json`, and
    the `show --json` document of every record id listed.

    Running `show` once per record would cost a catalog opening each (hundreds per test), so the
    documents of all records are built in-process with exactly what `show --json` prints
    (``record_to_dict`` → JSON); the first and last live record and the first one in the trash
    are also run through the real `show --json` to prove the two agree (unless ``shows=False``,
    for quick before/after comparisons of one catalog).
    """

    def take(location: CatalogLocation, *, shows: bool = True) -> dict[str, Any]:
        live = run_cli.json(location, "list")
        trash = run_cli.json(location, "list", "--deleted")
        ids = [item["id"] for item in live + trash]
        with open_catalog(location) as catalog:
            records = RecordRepository(catalog).get_many(ids)
        documents = {
            record.id: json.loads(json.dumps(record_to_dict(record), ensure_ascii=False))
            for record in records
        }
        assert sorted(documents) == sorted(ids)
        sample = {*ids[:1], *ids[len(live) - 1 : len(live)], *ids[len(live) :][:1]}
        for record_id in sorted(sample) if shows else []:
            assert run_cli.json(location, "show", str(record_id)) == documents[record_id]
        return {
            "list": live,
            "trash": trash,
            "stats": run_cli.json(location, "stats"),
            "records": documents,
        }

    return take
