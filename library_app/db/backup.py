"""Backups a catalog can be restored from, on either database.

SQLite catalogs are copied with SQLite's online backup API (consistent while the app runs).
PostgreSQL catalogs are written as a *portable dump*: gzip'ed JSON lines, one table row per line,
read inside one REPEATABLE READ transaction so the dump is a consistent snapshot.  `restore`
accepts both kinds on both databases, migrating an older backup first, and replaces the catalog's
rows in one transaction, so a failed restore leaves the catalog as it was.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import shutil
import tempfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, Table, func, insert, select, text
from sqlalchemy.exc import DBAPIError

from library_app.config import CatalogLocation
from library_app.core.errors import Cancelled, ConflictError, InputError, StorageError
from library_app.core.progress import CancelCheck, ProgressCallback, never_cancelled, no_progress
from library_app.db.catalog import (
    SQLITE_MAGIC,
    Catalog,
    create_catalog_engine,
    current_revision,
    describe_target,
    explain_db_error,
    head_revision,
    known_revisions,
    open_catalog,
    sqlite_backup,
    upgrade,
)
from library_app.db.schema import Base, CopyRow, RecordRow

DUMP_FORMAT = "library-app-dump"
DUMP_VERSION = 1
GZIP_MAGIC = b"\x1f\x8b"
CHUNK = 2000


@dataclass(frozen=True)
class BackupResult:
    path: Path
    kind: str  # "sqlite" or "dump"
    records: int


def backup(catalog: Catalog, target: Path, *, kind: str | None = None) -> BackupResult:
    """Write a backup of the catalog to ``target`` (SQLite copy for SQLite, else a dump)."""
    kind = kind or ("sqlite" if catalog.location.sqlite_path else "dump")
    if target.exists() and target.is_dir():
        raise InputError(f"{target} is a folder; give a file name for the backup")
    temporary = target.with_name(f".{target.name}.partial")
    try:
        if kind == "sqlite":
            source = catalog.location.sqlite_path
            if source is None:
                raise InputError("a SQLite copy can only be made of a SQLite catalog; use a dump")
            sqlite_backup(source, temporary)
        else:
            _write_dump(catalog.engine, temporary)
        temporary.replace(target)  # a backup file is either complete or absent
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise StorageError(f"cannot write backup {target}: {exc.strerror or exc}") from exc
    except DBAPIError as exc:
        temporary.unlink(missing_ok=True)
        raise StorageError(explain_db_error(exc, catalog.location.db_url)) from exc
    with catalog.session() as session:
        records = session.scalar(select(func.count()).select_from(RecordRow)) or 0
    return BackupResult(target, kind, records)


def _jsonable(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def _write_dump(engine: Engine, target: Path) -> None:
    with engine.connect() as connection:
        if engine.dialect.name == "postgresql":
            connection.execute(text("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ"))
        revision = current_revision_on(connection)
        with gzip.open(target, "wt", encoding="utf-8") as out:
            header = {
                "format": DUMP_FORMAT,
                "version": DUMP_VERSION,
                "schema": revision,
                "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "tables": [t.name for t in Base.metadata.sorted_tables],
            }
            out.write(json.dumps(header, ensure_ascii=False) + "\n")
            for table in Base.metadata.sorted_tables:
                columns = [c.name for c in table.columns]
                result = connection.execution_options(stream_results=True).execute(
                    select(table).order_by(*table.primary_key.columns)
                )
                for row in result:
                    values = [_jsonable(getattr(row, c)) for c in columns]
                    out.write(json.dumps([table.name, values], ensure_ascii=False) + "\n")


def current_revision_on(connection: Any) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def restore(
    catalog: Catalog,
    source: Path,
    *,
    force: bool = False,
    progress: ProgressCallback = no_progress,
    is_cancelled: CancelCheck = never_cancelled,
) -> int:
    """Replace the catalog's content with the backup's; return the number of records restored."""
    if not source.is_file():
        raise InputError(f"{source}: no such backup file")
    with tempfile.TemporaryDirectory(prefix="library-app-restore-") as scratch:
        # Staging first means a broken backup is reported as such, before anything else.
        staged = _stage_backup(source, Path(scratch))
        try:
            with catalog.session() as session:
                existing = session.scalar(select(func.count()).select_from(RecordRow)) or 0
                existing += session.scalar(select(func.count()).select_from(CopyRow)) or 0
            if existing and not force:
                raise ConflictError(
                    f"the catalog at {describe_target(catalog.location.db_url)} is not empty; "
                    "restoring would replace it. Make a backup first, then repeat with --force"
                )
            return _copy_catalog(staged.engine, catalog, progress, is_cancelled)
        finally:
            staged.close()


def _stage_backup(source: Path, scratch: Path) -> Catalog:
    """Turn any backup into a SQLite catalog at the current schema, in a scratch directory."""
    with source.open("rb") as handle:
        magic = handle.read(len(SQLITE_MAGIC))
    location = CatalogLocation(scratch, f"sqlite:///{scratch / 'staged.sqlite'}")
    if magic == SQLITE_MAGIC:
        shutil.copyfile(source, scratch / "staged.sqlite")
        try:
            return open_catalog(location)  # migrates an older backup
        except StorageError as exc:
            raise InputError(f"{source} cannot be restored: {exc}") from exc
    if magic[:2] == GZIP_MAGIC:
        return _stage_dump(source, location)
    raise InputError(
        f"{source} is neither a library-app SQLite backup nor a portable dump "
        "(made with `library-app backup`)"
    )


def _stage_dump(source: Path, location: CatalogLocation) -> Catalog:
    try:
        with gzip.open(source, "rt", encoding="utf-8") as lines:
            header = json.loads(next(lines))
            if not isinstance(header, dict) or header.get("format") != DUMP_FORMAT:
                raise InputError(f"{source} is a gzip file but not a library-app dump")
            revision = header.get("schema")
            if revision not in known_revisions():
                raise InputError(
                    f"{source} was made by a newer library-app (schema {revision}); "
                    "install the newer version to restore it"
                )
            engine = create_catalog_engine(location.db_url)
            upgrade(engine, revision)
            tables = {t.name: t for t in Base.metadata.sorted_tables}
            _load_dump_rows(engine, tables, lines, source)
            engine.dispose()
    except (
        OSError,
        EOFError,
        zlib.error,
        json.JSONDecodeError,
        UnicodeDecodeError,
        StopIteration,
        ValueError,
        TypeError,
        DBAPIError,
    ) as exc:
        reason = " ".join(str(getattr(exc, "orig", exc)).split())[:200]
        raise InputError(f"{source} is damaged or truncated ({reason})") from exc
    return open_catalog(location)  # brings an older dump up to the current schema


def _load_dump_rows(engine: Engine, tables: dict[str, Table], lines: Iterator[str], source: Path):
    converters = {
        name: [_converter(column.type.python_type) for column in table.columns]
        for name, table in tables.items()
    }
    pending: dict[str, list[dict[str, Any]]] = {}
    with engine.begin() as connection:
        for number, line in enumerate(lines, start=2):
            entry = json.loads(line)
            if not (isinstance(entry, list) and len(entry) == 2 and entry[0] in tables):
                raise InputError(f"{source}, line {number}: not a row of a catalog table")
            name, values = entry
            table = tables[name]
            row = {
                column.name: convert(value) if value is not None else None
                for column, convert, value in zip(
                    table.columns, converters[name], values, strict=True
                )
            }
            batch = pending.setdefault(name, [])
            batch.append(row)
            if len(batch) >= CHUNK:
                _flush(connection, tables, pending, upto=name)
        _flush(connection, tables, pending, upto=None)


def _flush(connection: Any, tables: dict[str, Table], pending: dict, upto: str | None) -> None:
    # Rows arrive table by table in dependency order, so parents are always flushed first.
    for name in list(pending):
        if pending[name]:
            connection.execute(insert(tables[name]), pending[name])
            pending[name] = []
        if name == upto:
            break


def _converter(python_type: type) -> Any:
    if python_type is dt.datetime:
        return dt.datetime.fromisoformat
    if python_type is dt.date:
        return dt.date.fromisoformat
    if python_type is Decimal:
        return Decimal
    return lambda value: value


def _copy_catalog(
    source: Engine, target: Catalog, progress: ProgressCallback, is_cancelled: CancelCheck
) -> int:
    if current_revision(source) != head_revision():  # pragma: no cover - staging migrates
        raise StorageError("the backup could not be brought to the current schema")
    tables = Base.metadata.sorted_tables
    with source.connect() as reader:
        totals = {t.name: reader.scalar(select(func.count()).select_from(t)) or 0 for t in tables}
        grand_total = sum(totals.values())
        done = 0
        try:
            with target.engine.begin() as writer:
                for table in reversed(tables):
                    writer.execute(table.delete())
                for table in tables:
                    result = reader.execution_options(stream_results=True).execute(
                        select(table).order_by(*table.primary_key.columns)
                    )
                    while rows := result.fetchmany(CHUNK):
                        writer.execute(insert(table), [row._asdict() for row in rows])
                        done += len(rows)
                        progress(done, grand_total)
                        if is_cancelled():
                            raise Cancelled("restore cancelled; the catalog was not changed")
                if target.dialect == "postgresql":
                    _reset_sequences(writer, tables)
        except DBAPIError as exc:
            raise StorageError(explain_db_error(exc, target.location.db_url)) from exc
    return totals[RecordRow.__tablename__]


def _reset_sequences(connection: Any, tables: list[Table]) -> None:
    """Rows were inserted with explicit ids; move each serial past the highest one."""
    for table in tables:
        (key,) = table.primary_key.columns
        connection.execute(
            text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{key.name}'), "
                f"COALESCE((SELECT MAX({key.name}) FROM {table.name}), 0) + 1, false)"
            )
        )
