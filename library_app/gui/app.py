"""Starting the desktop program: the application object, language, the catalog, the window.

``run`` is shared by ``library-app`` (no command) and the ``library-app-gui`` launcher.  It must
never end in a traceback: a catalog that cannot be opened (a damaged file, an unreachable
PostgreSQL server, an unwritable folder) is explained in a dialog and the exit code is 2, as the
command line does for the same errors.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path

import platformdirs
from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from library_app import __version__
from library_app.config import (
    APP_NAME,
    DATA_DIR_ENV,
    DB_URL_ENV,
    CatalogLocation,
    resolve_location,
)
from library_app.core.errors import LibraryError
from library_app.db.catalog import Catalog, open_catalog
from library_app.gui.app_settings import AppSettings
from library_app.gui.errors import install_excepthook, report_error
from library_app.gui.i18n import LanguageManager, choose_language, saved_language
from library_app.gui.main_window import MainWindow

log = logging.getLogger(__name__)

EXIT_CANNOT_OPEN = 2
"""Same as ``LibraryError.exit_code``: the CLI and the window agree."""
EXIT_BUG = 1

DESKTOP_FILE = "library-app"  # packaging/library-app.desktop: Wayland uses it for the icon
LOG_FILE_NAME = "library-app.log"


def create_application() -> QApplication:
    """The QApplication, created with our defaults unless one exists (tests, embedding).

    Qt 6 scales for high-DPI screens by itself; we only ask for exact (not rounded) factors, so
    125 % and 150 % displays are not drawn at 100 % or 200 %.  That must happen before the
    application object exists, like the style choice must happen right after it.
    """
    existing = QApplication.instance()
    if existing is not None:
        if not isinstance(existing, QApplication):
            raise RuntimeError("a QCoreApplication without widgets is already running")
        app = existing
    else:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        app = QApplication([sys.argv[0] if sys.argv else APP_NAME])
        _choose_style(app)
    QCoreApplication.setOrganizationName(APP_NAME)  # where QSettings keeps our settings
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setApplicationVersion(__version__)
    QGuiApplication.setDesktopFileName(DESKTOP_FILE)
    return app


def _choose_style(app: QApplication) -> None:
    """Keep the platform's native style (Windows 11, macOS, Breeze...); fall back to Fusion
    where Qt could only find its bare "Windows" (Win95-like) style, e.g. a Linux desktop
    without a Qt platform theme.  A style the user asked for (QT_STYLE_OVERRIDE) is kept."""
    if os.environ.get("QT_STYLE_OVERRIDE"):
        return
    if app.style().name().lower() in ("", "windows"):
        app.setStyle("Fusion")


def configure_logging() -> Path | None:
    """Log warnings to stderr and everything from INFO to a rotating file, unless logging is
    already set up (the CLI, a test runner, an embedding program).  Returns the log file.

    The file is what a bug report dialog points to: a desktop program has no console."""
    root = logging.getLogger()
    if root.handlers:
        return None
    formatter = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    console = logging.StreamHandler()
    console.setLevel(logging.WARNING)
    console.setFormatter(formatter)
    root.addHandler(console)
    root.setLevel(logging.INFO)
    log_dir = Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            log_dir / LOG_FILE_NAME, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError as error:
        log.warning("cannot write a log file in %s: %s", log_dir, error)
        return None
    handler.setFormatter(formatter)
    root.addHandler(handler)
    return log_dir / LOG_FILE_NAME


def _open(location: CatalogLocation) -> Catalog | int:
    """The open catalog, or the exit code after telling the user why it could not be opened.

    Opening may take seconds (a migration with its backup copy, a slow server) and happens
    before there is a window, so the wait cursor is the only feedback we can give."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        return open_catalog(location)
    except LibraryError as error:
        failure: BaseException = error
        code = EXIT_CANNOT_OPEN
    except Exception as error:  # a bug: reported as such, with the traceback in the log
        failure, code = error, EXIT_BUG
    finally:
        QApplication.restoreOverrideCursor()
    context = QCoreApplication.translate("Startup", "The catalog could not be opened.")
    report_error(None, failure, context)
    return code


def run(location: CatalogLocation, reader: bool = False) -> int:
    """Open the catalog at ``location`` in the main window; return the exit code.

    ``reader`` starts the read-only mode for public workstations.
    """
    configure_logging()
    app = create_application()
    previous_hook = install_excepthook()
    settings = QSettings()
    languages = LanguageManager(app)
    try:
        languages.set_language(choose_language(saved_language(settings)))
        opened = _open(location)
        if isinstance(opened, int):
            return opened
        with opened as catalog:
            window = MainWindow(catalog, reader=reader, settings=settings, languages=languages)
            if catalog.backup_made is not None:
                window.statusBar().showMessage(
                    QCoreApplication.translate(
                        "Startup",
                        "The catalog was upgraded to this version; a copy of the old one was "
                        "saved as {path}",
                    ).format(path=str(catalog.backup_made))
                )
            window.show()
            code = app.exec()
            # Quitting without closing the window (the session ends, app.quit()) still has to
            # stop the background work and save the window's state before the catalog closes.
            window.close()
            return code
    finally:
        languages.uninstall()
        sys.excepthook = previous_hook


def chosen_location(
    settings: QSettings, data_dir: str | None = None, db_url: str | None = None
) -> CatalogLocation:
    """Where the window's catalog is: command-line options, then the environment, then what
    the settings dialog saved, then the per-user default."""
    saved = AppSettings(settings)
    return resolve_location(
        data_dir or os.environ.get(DATA_DIR_ENV) or saved.data_dir or None,
        db_url or os.environ.get(DB_URL_ENV) or saved.db_url or None,
    )


def run_with_options(
    data_dir: str | None = None, db_url: str | None = None, reader: bool = False
) -> int:
    """``run`` for the catalog the options, the environment or the saved settings name."""
    create_application()  # QSettings needs the application's names
    return run(chosen_location(QSettings(), data_dir, db_url), reader=reader)


def run_default() -> int:
    """Open the default catalog (``--data-dir``/``--db`` equivalents come from the
    environment or the settings); the zero-argument entry point of ``library-app-gui``."""
    return run_with_options()


def main() -> int:
    """Same as ``run_default``, under the conventional name."""
    return run_default()


if __name__ == "__main__":
    sys.exit(main())
