"""Trying a catalog location: what answered, or why nothing did — and nothing is changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from library_app.config import CatalogLocation
from library_app.core.errors import StorageError
from library_app.db.catalog import open_catalog
from library_app.services import connection


@pytest.mark.postgres
def test_a_reachable_server_answers_with_its_version_and_whether_a_catalog_is_there(
    pg_url: str, tmp_path: Path
) -> None:
    answer = connection.test_connection(pg_url)
    assert answer.startswith("PostgreSQL ") and "no catalog yet" in answer

    open_catalog(CatalogLocation(tmp_path, pg_url)).close()
    assert "(holds a catalog)" in connection.test_connection(pg_url)


def test_a_refused_connection_says_so_with_the_message_opening_would_give() -> None:
    with pytest.raises(StorageError, match=r"cannot connect to .*«x».*connection refused"):
        connection.test_connection("postgresql://127.0.0.1:1/x")


def test_a_url_of_another_database_system_is_refused() -> None:
    with pytest.raises(StorageError, match="not a database URL this app understands"):
        connection.test_connection("mysql://root@localhost/catalog")


def test_a_new_folder_is_not_created_by_the_test(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "catalog"
    answer = connection.test_connection(str(folder))
    assert answer == (
        f"SQLite file at {folder / 'catalog.sqlite'} "
        "(no catalog yet; one is created at the next start)"
    )
    assert not (tmp_path / "new").exists()


def test_an_existing_sqlite_catalog_is_recognised(sqlite_location: CatalogLocation) -> None:
    open_catalog(sqlite_location).close()
    answer = connection.test_connection(sqlite_location)
    assert answer.startswith("SQLite 3.") and answer.endswith("(holds a catalog)")


def test_a_file_that_is_not_a_database_is_explained(tmp_path: Path) -> None:
    (tmp_path / "catalog.sqlite").write_bytes(b"these are not the pages of a database" * 10)
    with pytest.raises(StorageError, match="damaged or is not a SQLite database"):
        connection.test_connection(tmp_path)
