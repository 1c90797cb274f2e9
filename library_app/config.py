"""Where the catalog lives: one data directory holds the SQLite database, the search index,
attachments, backups and settings, so moving or backing up a catalog means moving one folder.

Precedence: command-line option, then environment (LIBRARY_APP_DATA_DIR, LIBRARY_APP_DB_URL),
then the platform's per-user data directory.  A PostgreSQL URL replaces only the database: the
index and attachments stay in the data directory of each workstation.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from library_app.core.errors import DataDirError

APP_NAME = "library-app"
DATA_DIR_ENV = "LIBRARY_APP_DATA_DIR"
DB_URL_ENV = "LIBRARY_APP_DB_URL"
SQLITE_FILENAME = "catalog.sqlite"


@dataclass(frozen=True)
class CatalogLocation:
    data_dir: Path
    db_url: str

    @property
    def is_sqlite(self) -> bool:
        return self.db_url.startswith("sqlite")

    @property
    def sqlite_path(self) -> Path | None:
        if not self.is_sqlite:
            return None
        return Path(self.db_url.split(":///", 1)[1])

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"

    @property
    def backups_dir(self) -> Path:
        return self.data_dir / "backups"

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"


def default_data_dir() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def resolve_location(
    data_dir: str | os.PathLike | None = None, db_url: str | None = None
) -> CatalogLocation:
    chosen_dir = data_dir or os.environ.get(DATA_DIR_ENV) or default_data_dir()
    directory = Path(chosen_dir).expanduser().resolve()
    url = db_url or os.environ.get(DB_URL_ENV) or f"sqlite:///{directory / SQLITE_FILENAME}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url.split("://", 1)[1]  # we ship psycopg 3 only
    return CatalogLocation(data_dir=directory, db_url=url)


def ensure_data_dir(location: CatalogLocation) -> None:
    """Create the data directory and prove it is writable, with a message that says how to fix."""
    directory = location.data_dir
    try:
        directory.mkdir(parents=True, exist_ok=True)
        probe = directory / ".write-test"
        probe.write_bytes(b"")
        probe.unlink()
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise DataDirError(
            f"cannot use data directory {directory}: {reason}. "
            f"Choose a writable folder with --data-dir or {DATA_DIR_ENV}"
        ) from exc
