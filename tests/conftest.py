"""Shared fixtures: real SQLite files and a real PostgreSQL server, offscreen Qt.

PostgreSQL tests use one scratch database per test session and a fresh schema per test, so they
are isolated without paying for CREATE DATABASE each time.  Outside CI they skip when the server
is down; in CI (CI=true) they fail instead, because a skipped storage suite proves nothing.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("LIBRARY_APP_USER", "tester")

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from library_app.config import CatalogLocation
from library_app.db.catalog import Catalog, open_catalog

PG_ADMIN_URL = os.environ.get(
    "LIBRARY_APP_TEST_PG_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test may touch the real per-user catalog or inherit a developer's settings."""
    monkeypatch.delenv("LIBRARY_APP_DB_URL", raising=False)
    monkeypatch.setenv("LIBRARY_APP_DATA_DIR", str(tmp_path / "default-data"))


@pytest.fixture(scope="session")
def pg_database() -> Iterator[str]:
    """URL of a scratch PostgreSQL database for this test run (dropped at the end)."""
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    name = f"library_app_test_{os.getpid()}_{uuid.uuid4().hex[:6]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as exc:  # the server is down or refuses us
        admin.dispose()
        message = f"PostgreSQL at {PG_ADMIN_URL} is not usable: {exc}"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    url = make_url(PG_ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture
def pg_url(pg_database: str) -> Iterator[str]:
    """A fresh, empty schema in the scratch database, selected through the URL's search_path."""
    schema = f"t_{uuid.uuid4().hex[:12]}"
    engine = create_engine(pg_database, isolation_level="AUTOCOMMIT")
    with engine.connect() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    url = make_url(pg_database).update_query_dict({"options": f"-csearch_path={schema}"})
    yield url.render_as_string(hide_password=False)
    with engine.connect() as connection:
        connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> CatalogLocation:
    """Where a test catalog lives: a temp SQLite file, or a PostgreSQL schema (same test twice)."""
    data_dir = tmp_path / "data"
    if request.param == "sqlite":
        return CatalogLocation(data_dir, f"sqlite:///{data_dir / 'catalog.sqlite'}")
    return CatalogLocation(data_dir, request.getfixturevalue("pg_url"))


@pytest.fixture
def catalog(location: CatalogLocation) -> Iterator[Catalog]:
    with open_catalog(location) as opened:
        yield opened


@pytest.fixture
def sqlite_location(tmp_path: Path) -> CatalogLocation:
    data_dir = tmp_path / "data"
    return CatalogLocation(data_dir, f"sqlite:///{data_dir / 'catalog.sqlite'}")


@pytest.fixture
def sqlite_catalog(sqlite_location: CatalogLocation) -> Iterator[Catalog]:
    with open_catalog(sqlite_location) as opened:
        yield opened
