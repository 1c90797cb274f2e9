"""Write transactions of the repositories: one session, one transaction, and database failures
turned into our own errors with messages for people (which number is taken, which server is
unreachable) instead of driver exceptions.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from library_app.core.errors import ConflictError, StorageError
from library_app.db.catalog import Catalog, explain_db_error


@dataclass(frozen=True)
class RawProblem:
    """A pre-formatted problem line (position already included)."""

    text: str

    def __str__(self) -> str:
        return self.text


class WriteTransaction:
    """A session in one transaction that turns database failures into StorageError/Conflict."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.session: Session | None = None

    def __enter__(self) -> Session:
        self.session = self.catalog.session()
        self.session.begin()
        return self.session

    def __exit__(self, exc_type, exc, tb) -> bool:
        assert self.session is not None
        try:
            if exc_type is None:
                try:
                    self.session.commit()
                except IntegrityError as error:
                    raise ConflictError(integrity_message(error)) from error
                except StaleDataError as error:
                    raise ConflictError(
                        "the record was changed by someone else meanwhile; reload it"
                    ) from error
                except DBAPIError as error:
                    raise StorageError(
                        explain_db_error(error, self.catalog.location.db_url)
                    ) from error
            else:
                self.session.rollback()
        finally:
            self.session.close()
        if isinstance(exc, IntegrityError):
            raise ConflictError(integrity_message(exc)) from exc
        if isinstance(exc, StaleDataError):
            raise ConflictError("the record was changed by someone else meanwhile; reload it")
        if isinstance(exc, DBAPIError):
            raise StorageError(explain_db_error(exc, self.catalog.location.db_url)) from exc
        return False


def integrity_message(error: IntegrityError) -> str:
    text = str(error.orig)
    if "inventory_number" in text:
        return "an inventory number is already used by another copy"
    if "barcode" in text:
        return "a barcode is already used by another copy"
    return f"the change breaks a rule of the catalog: {' '.join(text.split())}"
