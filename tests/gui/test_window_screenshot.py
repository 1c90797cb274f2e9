"""Renders the window to PNG files under test-artifacts/ for a human (or a CI artifact) to look
at: layout mistakes such as clipped or overlapping text do not show up in assertions."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from library_app.db.catalog import Catalog
from library_app.gui.main_window import MainWindow
from library_app.services.catalog import load_demo

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def save_screenshot(window: MainWindow, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    target = ARTIFACTS / name
    assert window.grab().save(str(target), "PNG")
    return target


def assert_is_image_of(path: Path, window: MainWindow) -> None:
    assert path.stat().st_size > 0
    image = QImage(str(path))
    assert not image.isNull()
    scale = window.devicePixelRatioF()
    assert (image.width(), image.height()) == (
        round(window.width() * scale),
        round(window.height() * scale),
    )


@pytest.mark.parametrize("language", ["en", "ru"])
def test_window_with_demo_records_renders_to_png(
    sqlite_catalog: Catalog,
    open_window: Callable[..., MainWindow],
    language: str,
) -> None:
    load_demo(sqlite_catalog, 200)
    window = open_window(sqlite_catalog, language=language)
    window.resize(900, 560)
    assert window.record_count == 200
    window.statusBar().showMessage(window.tr("Added %Ln demo record(s).", "", 200))

    path = save_screenshot(window, f"main-window-200-records-{language}.png")
    assert_is_image_of(path, window)


@pytest.mark.parametrize("language", ["en", "ru"])
def test_empty_window_renders_to_png(
    sqlite_catalog: Catalog,
    open_window: Callable[..., MainWindow],
    language: str,
) -> None:
    window = open_window(sqlite_catalog, language=language)
    window.resize(900, 560)

    path = save_screenshot(window, f"main-window-empty-{language}.png")
    assert_is_image_of(path, window)
