"""The one place where the GUI turns an exception into something a person reads.

A ``LibraryError`` is a problem the user can act on (a damaged file, an unreachable server): its
message is shown as it is.  Anything else is a bug: the traceback goes to the log, and the dialog
says plainly that it is not the user's fault and where the details are, instead of showing a
traceback nobody at the desk can use.
"""

from __future__ import annotations

import logging
import sys
import types
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from library_app.core.errors import LibraryError

log = logging.getLogger(__name__)

ExceptHook = Callable[[type[BaseException], BaseException, types.TracebackType | None], None]


def error_title() -> str:
    return QCoreApplication.translate("ErrorReport", "Library catalog")


def log_file() -> Path | None:
    """The file the root logger writes to, if any (``app.configure_logging`` sets one up)."""
    for handler in logging.getLogger().handlers:
        filename = getattr(handler, "baseFilename", None)
        if isinstance(handler, logging.FileHandler) and filename:
            return Path(filename)
    return None


def bug_text(error: BaseException) -> str:
    """What the user reads about a bug: not their fault, what to send, and where it is."""
    summary = f"{type(error).__name__}: {error}".strip()
    # Literal calls (no helper): lupdate only finds translate() with literal arguments.
    text = QCoreApplication.translate(
        "ErrorReport",
        "Something went wrong inside the program. This is a bug in Library catalog, "
        "not something you did.\n\n{summary}",
    ).format(summary=summary)
    where = log_file()
    if where is not None:
        text += "\n\n" + QCoreApplication.translate(
            "ErrorReport",
            "Please report it and attach the log file, which has the details:\n{path}",
        ).format(path=str(where))
    else:
        text += "\n\n" + QCoreApplication.translate(
            "ErrorReport", "Please report it; the details were written to the program's log."
        )
    return text


def report_error(parent: QWidget | None, error: BaseException, context: str = "") -> None:
    """Show ``error`` in a critical dialog: the message of a ``LibraryError``, or a bug report.

    ``context`` is a translated sentence saying what failed ("The demo catalog was not
    loaded."), shown above the message because core messages name the cause, not the action.
    """
    if isinstance(error, LibraryError):
        text = str(error)
    else:
        log.error("unexpected error", exc_info=(type(error), error, error.__traceback__))
        text = bug_text(error)
    if context:
        text = f"{context}\n\n{text}"
    QMessageBox.critical(parent, error_title(), text)


def install_excepthook() -> ExceptHook:
    """Report exceptions that escape a slot as bugs; return the previous hook to restore.

    Without this, an exception in a slot of a program started from the desktop (no console)
    vanishes.  The dialog is not modal (``open``), so a test run or a burst of errors never
    blocks, and the previous hook still runs (it prints to a terminal, or fails a test).
    """
    previous = sys.excepthook

    def hook(
        kind: type[BaseException],
        error: BaseException,
        traceback: types.TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, error, traceback)
            return
        log.error("unhandled exception", exc_info=(kind, error, traceback))
        if QCoreApplication.instance() is not None:
            box = QMessageBox(QMessageBox.Icon.Critical, error_title(), bug_text(error))
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()
        previous(kind, error, traceback)

    sys.excepthook = hook
    return previous
