"""Errors that people can cause, each carrying a message for people.

The CLI prints ``str(error)`` on one line and exits with ``exit_code``; the GUI shows it in a
dialog.
Anything that is not a ``LibraryError`` is a bug and is reported as such.
"""

from __future__ import annotations


class LibraryError(Exception):
    """Base of every error with a message meant for the user (what, where, how to fix)."""

    exit_code = 2


class ValidationFailed(LibraryError):
    """A record (or copy) has errors and cannot be saved."""

    def __init__(self, problems: list) -> None:  # list[Problem]; typed loosely to avoid a cycle
        self.problems = problems
        lines = "; ".join(str(p) for p in problems)
        super().__init__(f"the record cannot be saved: {lines}")


class InputError(LibraryError):
    """Input given on the command line or in a file is not usable."""


class NotFound(LibraryError):
    """A record, copy or attachment id that does not exist."""


class ConflictError(LibraryError):
    """A uniqueness rule or a concurrent edit prevents the change."""


class StorageError(LibraryError):
    """The catalog database cannot be opened, read or written."""


class DataDirError(LibraryError):
    """The data directory cannot be created or written."""


class Cancelled(LibraryError):
    """The user cancelled a long operation; nothing was changed."""

    exit_code = 130
