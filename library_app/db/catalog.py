"""Opening a catalog: engine set-up, turning driver errors into messages people can act on, and
migrating the schema (after a backup copy for SQLite) before anything else touches it."""

from __future__ import annotations

import datetime as dt
import getpass
import os
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError
from sqlalchemy.orm import Session, sessionmaker

from library_app.config import CatalogLocation, ensure_data_dir
from library_app.core.errors import StorageError

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
SQLITE_MAGIC = b"SQLite format 3\x00"
USER_ENV = "LIBRARY_APP_USER"


def current_user() -> str:
    """Who the journal names for a change: the OS login unless the workstation sets one."""
    try:
        return os.environ.get(USER_ENV) or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


@dataclass
class Catalog:
    """An open catalog: the engine plus where its files live.  Create with ``open_catalog``."""

    location: CatalogLocation
    engine: Engine
    user: str = field(default_factory=current_user)
    backup_made: Path | None = None  # set when opening migrated an older catalog

    def __post_init__(self) -> None:
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    def session(self) -> Session:
        return self.sessions()

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Catalog:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(_alembic_config()).walk_revisions()}


def describe_target(url: str) -> str:
    """The database named for people, without a password."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return url
    if parsed.get_backend_name() == "sqlite":
        return str(parsed.database)
    host = parsed.host or "localhost"
    return f"PostgreSQL database «{parsed.database}» at {host}:{parsed.port or 5432}"


def explain_db_error(exc: BaseException, url: str) -> str:
    """One line saying what went wrong with the database and what to do about it."""
    where = describe_target(url)
    original = getattr(exc, "orig", exc)
    text = " ".join(str(original).split())
    lowered = text.lower()
    if url.startswith("sqlite"):
        if "not a database" in lowered or "malformed" in lowered or "encrypted" in lowered:
            return (
                f"{where} is damaged or is not a SQLite database ({text}); "
                "restore it from a backup with `library-app restore FILE`"
            )
        if "readonly" in lowered or "read-only" in lowered or "unable to open" in lowered:
            return f"cannot write to {where} ({text}); check the file's permissions"
        if "locked" in lowered:
            return f"{where} is locked by another program ({text}); close it and try again"
        return f"database error in {where}: {text}"
    reasons = {
        "connection refused": "connection refused",
        "timeout expired": "no answer (timed out)",
        "timed out": "no answer (timed out)",
        "could not translate host name": "unknown host name",
        "name or service not known": "unknown host name",
        "no route to host": "no route to host",
    }
    for marker, reason in reasons.items():
        if marker in lowered:
            return (
                f"cannot connect to {where}: {reason}. Is the server running? "
                "Check the URL given with --db or LIBRARY_APP_DB_URL"
            )
    if "does not exist" in lowered and "database" in lowered:
        return f"{where} does not exist; create it (createdb) or fix the URL given with --db"
    if "authentication" in lowered or "password" in lowered:
        return f"the server refused the login for {where}: {text}"
    return f"database error in {where}: {text}"


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=10000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def create_catalog_engine(url: str) -> Engine:
    try:
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"timeout": 10})
            event.listen(engine, "connect", _sqlite_pragmas)
            return engine
        return create_engine(url, pool_pre_ping=True, connect_args={"connect_timeout": 10})
    except (ArgumentError, NoSuchModuleError) as exc:
        raise StorageError(
            f"«{url}» is not a database URL this app understands; use "
            "postgresql+psycopg://user@host:5432/dbname or leave --db out for SQLite"
        ) from exc


def _check_sqlite_file(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    if path.is_dir():
        raise StorageError(f"{path} is a folder, not a catalog file")
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_MAGIC))
    if header != SQLITE_MAGIC:
        raise StorageError(
            f"{path} is not a SQLite database (damaged or another kind of file); "
            "move it away or restore a backup with `library-app restore FILE`"
        )


def sqlite_backup(source: Path, target: Path) -> None:
    """Consistent copy of a live SQLite database (the online backup API, WAL-safe)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def open_catalog(location: CatalogLocation, *, migrate: bool = True) -> Catalog:
    """Open (creating or upgrading as needed) the catalog at ``location``."""
    ensure_data_dir(location)
    if location.sqlite_path is not None:
        _check_sqlite_file(location.sqlite_path)
    engine = create_catalog_engine(location.db_url)
    catalog = Catalog(location=location, engine=engine)
    try:
        revision = _inspect_revision(engine, location)
        if migrate and revision != head_revision():
            if revision is not None and location.sqlite_path is not None:
                catalog.backup_made = _backup_before_migration(location, revision)
            upgrade(engine, "head")
    except DBAPIError as exc:
        engine.dispose()
        raise StorageError(explain_db_error(exc, location.db_url)) from exc
    except StorageError:
        engine.dispose()
        raise
    return catalog


def _inspect_revision(engine: Engine, location: CatalogLocation) -> str | None:
    with engine.connect() as connection:
        revision = MigrationContext.configure(connection).get_current_revision()
        if revision is None:
            tables = [t for t in inspect(connection).get_table_names() if t != "alembic_version"]
            if tables:
                shown = ", ".join(sorted(tables)[:5])
                raise StorageError(
                    f"{describe_target(location.db_url)} is not a library-app catalog "
                    f"(it holds other tables: {shown}); choose another --data-dir or --db"
                )
        elif revision not in known_revisions():
            raise StorageError(
                f"{describe_target(location.db_url)} was written by a newer library-app "
                f"(schema {revision}); install the newer version to open it"
            )
    return revision


def _backup_before_migration(location: CatalogLocation, revision: str) -> Path:
    assert location.sqlite_path is not None
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = location.backups_dir / f"catalog-{stamp}-before-upgrade-from-{revision}.sqlite"
    sqlite_backup(location.sqlite_path, target)
    return target


def upgrade(engine: Engine, revision: str) -> None:
    config = _alembic_config()
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()
