"""Trying a catalog location before switching to it: "Test connection" in the settings dialog.

The check connects, asks the server for its version and whether a catalog is already there, and
changes nothing: no folder is created, no schema migrated.  Failures come back as a
``LibraryError`` with the same message opening the catalog would give, so what the test says is
what the next start would say.
"""

from __future__ import annotations

import os
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from library_app.config import CatalogLocation, resolve_location
from library_app.core.errors import StorageError
from library_app.db.catalog import (
    create_catalog_engine,
    current_revision,
    describe_target,
    explain_db_error,
)


def location_of(location_or_url: CatalogLocation | str | os.PathLike) -> CatalogLocation:
    """A location from a ``CatalogLocation``, a database URL, or a data folder."""
    if isinstance(location_or_url, CatalogLocation):
        return location_or_url
    value = os.fspath(location_or_url).strip()
    if "://" in value:
        location = resolve_location(db_url=value)
        if not location.db_url.startswith(("sqlite:", "postgresql+psycopg:")):
            raise StorageError(
                f"«{value}» is not a database URL this app understands; use "
                "postgresql://user@host:5432/dbname"
            )
        return location
    if not value:
        raise StorageError("no folder given for the catalog")
    return resolve_location(data_dir=value)


def test_connection(location_or_url: CatalogLocation | str | os.PathLike) -> str:
    """Connect to the catalog's database and say what answered (one line, English).

    Raises ``StorageError`` with a message saying what is wrong and what to do.
    """
    location = location_of(location_or_url)
    path = location.sqlite_path
    if path is not None:
        if path.is_dir():
            raise StorageError(f"{path} is a folder, not a catalog file")
        if not path.exists() or path.stat().st_size == 0:
            return _new_sqlite_file(path)
    engine = create_catalog_engine(location.db_url)
    try:
        revision = current_revision(engine)
        version = ".".join(str(part) for part in (engine.dialect.server_version_info or ())[:3])
    except DBAPIError as exc:
        raise StorageError(explain_db_error(exc, location.db_url)) from exc
    finally:
        engine.dispose()
    holds = "holds a catalog" if revision else "no catalog yet; one is created at the next start"
    if path is not None:
        return f"SQLite {version} file at {path} ({holds})"
    return f"PostgreSQL {version}: {describe_target(location.db_url)} ({holds})"


test_connection.__test__ = False  # type: ignore[attr-defined]  # not a test for pytest


def _new_sqlite_file(path: Path) -> str:
    """Nothing to connect to yet: check that the file could be created (without creating it)."""
    folder = path.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    if not folder.is_dir() or not os.access(folder, os.W_OK | os.X_OK):
        raise StorageError(
            f"cannot create a catalog in {path.parent}: {folder} is not a writable folder"
        )
    return f"SQLite file at {path} (no catalog yet; one is created at the next start)"
