"""GUI fixtures: real widgets on the offscreen platform, isolated from the developer's desktop.

Every GUI test gets its own QSettings file and a shared, temporary ``.qm`` cache, so nothing is
read from or written to the user's real configuration.  Qt warnings fail GUI tests
(``qt_log_level_fail``): a warning from a widget is almost always a real mistake.  The one
exception is a notice the offscreen platform prints whenever a window is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from library_app.db.catalog import Catalog
from library_app.gui import i18n
from library_app.gui.main_window import MainWindow

GUI_TESTS = Path(__file__).resolve().parent
OFFSCREEN_NOTICE = r"This plugin does not support propagateSizeHints\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if GUI_TESTS in item.path.resolve().parents:
            item.add_marker(pytest.mark.qt_log_level_fail("WARNING"))
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOTICE))


@pytest.fixture(autouse=True)
def _isolated_qt_settings(tmp_path: Path) -> Iterator[None]:
    """``QSettings()`` (as ``app.run`` uses it) writes an INI file under ``tmp_path``."""
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qt-settings")
    )
    yield
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)


@pytest.fixture(autouse=True)
def _no_unanswered_dialogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """A modal dialog that nobody answers would hang the run until the timeout: fail at once.

    Tests that expect a dialog patch it again with a recorder (their patch wins)."""

    def refuse(name: str) -> Callable[..., Any]:
        def dialog(*args: Any, **kwargs: Any) -> Any:
            raise AssertionError(f"unexpected modal dialog {name}{args[1:3]!r}")

        return dialog

    for name in ("critical", "warning", "information", "question", "about"):
        monkeypatch.setattr(QMessageBox, name, refuse(f"QMessageBox.{name}"))
    for name in ("getInt", "getText", "getItem", "getDouble"):
        monkeypatch.setattr(QInputDialog, name, refuse(f"QInputDialog.{name}"))


@pytest.fixture(scope="session")
def translation_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One ``.qm`` cache for the run: each translation is compiled once, not once per test."""
    return tmp_path_factory.mktemp("qm-cache")


@pytest.fixture(autouse=True)
def _isolated_translation_cache(monkeypatch: pytest.MonkeyPatch, translation_cache: Path) -> None:
    monkeypatch.setattr(i18n, "default_cache_dir", lambda: translation_cache)


@pytest.fixture
def languages(qapp: QApplication, translation_cache: Path) -> Iterator[i18n.LanguageManager]:
    """A language manager whose translators are removed again after the test."""
    manager = i18n.LanguageManager(qapp, cache_dir=translation_cache)
    yield manager
    manager.uninstall()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "window-settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def open_window(
    qtbot: Any, settings: QSettings, languages: i18n.LanguageManager
) -> Iterator[Callable[..., MainWindow]]:
    """Factory: a shown MainWindow on ``catalog`` whose first record count has arrived.

    As in ``app.run``, the language is installed first; English is a translation too: it
    carries the plural forms ("1 record", "2 records").  Windows are closed at the end (which
    waits for their background work) before the catalog fixture closes the catalog under them.
    """
    windows: list[MainWindow] = []

    def factory(catalog: Catalog, language: str = "en", **options: Any) -> MainWindow:
        assert languages.set_language(language) == language
        options.setdefault("settings", settings)
        options.setdefault("languages", languages)
        window = MainWindow(catalog, **options)
        qtbot.addWidget(window)
        windows.append(window)
        # The count arrives through the event loop, so it cannot fire before we listen.
        with qtbot.waitSignal(window.count_changed, timeout=10_000):
            window.show()
        return window

    yield factory
    for window in windows:
        window.close()
