"""Opening catalogs: schema creation and upgrade (with a backup), and refusing what is not ours."""

from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import text

from library_app.config import CatalogLocation
from library_app.core.errors import DataDirError, StorageError
from library_app.core.model import Record
from library_app.db.catalog import (
    create_catalog_engine,
    current_revision,
    head_revision,
    open_catalog,
    upgrade,
)
from library_app.db.records import RecordRepository
from library_app.db.schema import Base


def test_new_catalog_is_created_at_the_newest_schema(catalog):
    assert current_revision(catalog.engine) == head_revision()
    assert catalog.backup_made is None


@pytest.mark.filterwarnings("ignore:.*expression-based index:UserWarning")
@pytest.mark.filterwarnings("ignore:.*expression-based index")
def test_migrations_build_exactly_the_tables_the_code_expects(catalog):
    with catalog.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, Base.metadata)
    # Expression indexes cannot be reflected on every backend; everything else must match.
    assert [d for d in differences if "kind_value" not in repr(d)] == []


def test_sqlite_catalog_uses_wal_and_foreign_keys(sqlite_catalog):
    with sqlite_catalog.engine.connect() as connection:
        assert connection.scalar(text("PRAGMA journal_mode")) == "wal"
        assert connection.scalar(text("PRAGMA foreign_keys")) == 1


def test_older_sqlite_catalog_is_backed_up_then_upgraded_keeping_its_records(
    sqlite_location: CatalogLocation,
):
    sqlite_location.data_dir.mkdir(parents=True)
    engine = create_catalog_engine(sqlite_location.db_url)
    upgrade(engine, "0001")  # a catalog written before the change journal existed
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO records (id, material_type, title, title_remainder, responsibility,"
                " edition, year_text, extent_pages, extent_illustrations, extent_dimensions,"
                " scale, summary, project, host_year, host_volume, host_issue, host_pages, notes,"
                " links, control_number, control_source, version, created_at, updated_at)"
                " VALUES (1, 'book', 'Старая запись', '', '', '', '1987', '', '', '', '', '', '',"
                " '', '', '', '', '[]', '[]', '', '', 1, '2020-01-01 00:00:00',"
                " '2020-01-01 00:00:00')"
            )
        )
    engine.dispose()

    with open_catalog(sqlite_location) as opened:
        assert current_revision(opened.engine) == head_revision()
        assert opened.backup_made is not None
        assert opened.backup_made.parent == sqlite_location.backups_dir
        assert "before-upgrade-from-0001" in opened.backup_made.name
        assert RecordRepository(opened).get(1).title == "Старая запись"

    backup = sqlite3.connect(opened.backup_made)
    try:
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert backup.execute("SELECT title FROM records").fetchone() == ("Старая запись",)
    finally:
        backup.close()


def test_current_catalog_is_opened_without_a_backup(sqlite_location: CatalogLocation):
    open_catalog(sqlite_location).close()
    with open_catalog(sqlite_location) as again:
        assert again.backup_made is None
    assert not sqlite_location.backups_dir.exists()


def test_catalog_from_a_newer_app_is_refused(location: CatalogLocation):
    open_catalog(location).close()
    engine = create_catalog_engine(location.db_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    engine.dispose()
    with pytest.raises(StorageError, match="newer library-app"):
        open_catalog(location)


def test_database_of_another_program_is_refused(location: CatalogLocation):
    location.data_dir.mkdir(parents=True)
    engine = create_catalog_engine(location.db_url)
    with engine.begin() as connection:
        connection.execute(text("CREATE TABLE invoices (id INTEGER PRIMARY KEY)"))
    engine.dispose()
    with pytest.raises(StorageError, match=r"not a library-app catalog.*invoices"):
        open_catalog(location)


def test_garbage_file_is_reported_as_not_a_database(sqlite_location: CatalogLocation):
    sqlite_location.data_dir.mkdir(parents=True)
    sqlite_location.sqlite_path.write_bytes(b"PK\x03\x04 this is a zip, not a catalog" * 50)
    with pytest.raises(StorageError, match="is not a SQLite database"):
        open_catalog(sqlite_location)


def test_damaged_sqlite_file_is_reported_with_a_way_out(sqlite_location: CatalogLocation):
    with open_catalog(sqlite_location) as opened:
        RecordRepository(opened).add_many([Record(title=f"R{n}") for n in range(300)])
    path = sqlite_location.sqlite_path
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the schema page, keep the header
    path.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    with pytest.raises(StorageError, match=r"damaged|not a SQLite|malformed"):
        open_catalog(sqlite_location)


def test_unreachable_postgresql_names_host_and_fix(tmp_path):
    location = CatalogLocation(tmp_path, "postgresql+psycopg://postgres@127.0.0.1:1/nowhere")
    with pytest.raises(StorageError, match=r"cannot connect to .*127\.0\.0\.1:1.*--db"):
        open_catalog(location)


def test_unusable_url_is_explained(tmp_path):
    with pytest.raises(StorageError, match="not a database URL"):
        open_catalog(CatalogLocation(tmp_path, "mongodb://example/db"))


def test_data_directory_that_cannot_be_created_is_explained(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    location = CatalogLocation(blocker / "data", f"sqlite:///{blocker / 'data' / 'c.sqlite'}")
    with pytest.raises(DataDirError, match=r"cannot use data directory .*--data-dir"):
        open_catalog(location)
