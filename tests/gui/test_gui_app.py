"""Starting the program: a catalog that cannot be opened is explained, never a traceback."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from library_app.config import CatalogLocation
from library_app.gui import app
from library_app.gui.i18n import LANGUAGE_SETTING
from library_app.gui.main_window import MainWindow


@pytest.fixture(autouse=True)
def _english_interface(qapp: QApplication) -> None:
    """The language setting wins over the system's: these tests read English texts even on a
    developer's Russian desktop.  (QSettings() is redirected to tmp_path by conftest; the
    application's names, which pick the file, are the ones run() sets.)"""
    app.create_application()
    QSettings().setValue(LANGUAGE_SETTING, "en")


@pytest.fixture
def record_critical(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, str, str]]:
    calls: list[tuple[Any, str, str]] = []

    def critical(parent: Any, title: str, text: str, *args: Any) -> QMessageBox.StandardButton:
        calls.append((parent, title, text))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "critical", critical)
    return calls


def test_corrupt_catalog_file_is_explained_in_a_dialog_and_run_returns_2(
    qapp: QApplication,
    sqlite_location: CatalogLocation,
    record_critical: list[tuple[Any, str, str]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = sqlite_location.sqlite_path
    assert path is not None
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is not a database, just garbage \x00\xff" * 200)
    hook_before = sys.excepthook

    assert app.run(sqlite_location) == 2

    ((parent, title, text),) = record_critical
    assert parent is None
    assert title == "Library catalog"
    assert text.startswith("The catalog could not be opened.")
    assert str(path) in text and "not a SQLite database" in text
    assert "Traceback" not in capsys.readouterr().err
    assert sys.excepthook is hook_before  # run() leaves the process as it found it
    assert QApplication.overrideCursor() is None


def test_unreachable_postgresql_server_is_explained_and_run_returns_2(
    qapp: QApplication, tmp_path: Path, record_critical: list[tuple[Any, str, str]]
) -> None:
    # Port 1 on the loopback: refused at once, no waiting for a timeout.
    location = CatalogLocation(tmp_path / "data", "postgresql+psycopg://librarian@127.0.0.1:1/lib")

    assert app.run(location) == 2

    ((_parent, _title, text),) = record_critical
    assert "cannot connect to PostgreSQL database «lib» at 127.0.0.1:1" in text


def test_run_shows_the_window_and_returns_the_event_loop_exit_code(
    qapp: QApplication, sqlite_location: CatalogLocation
) -> None:
    seen: list[str] = []

    def look_and_quit() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        seen.extend(w.windowTitle() for w in windows if w.isVisible())
        QCoreApplication.exit(7)

    QTimer.singleShot(0, look_and_quit)
    assert app.run(sqlite_location) == 7

    assert seen == ["Library catalog"]
    assert QCoreApplication.organizationName() == "library-app"
    assert QCoreApplication.applicationName() == "library-app"
    assert sqlite_location.sqlite_path is not None and sqlite_location.sqlite_path.exists()


def test_run_default_opens_the_catalog_named_by_the_environment(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data_dir = tmp_path / "from-env"
    monkeypatch.setenv("LIBRARY_APP_DATA_DIR", str(data_dir))
    QTimer.singleShot(0, lambda: QCoreApplication.exit(0))

    assert app.run_default() == 0
    assert (data_dir / "catalog.sqlite").exists()
