"""The interface language: choosing it, the .ts -> .qm pipeline, live switching, completeness."""

from __future__ import annotations

import logging
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QApplication

from library_app.db.catalog import Catalog
from library_app.gui import i18n
from library_app.gui.i18n import LanguageManager, choose_language
from library_app.gui.main_window import MainWindow

TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"
PLACEHOLDER = re.compile(r"%L?n|\{\w+\}")


def russian_window(catalog: Catalog, languages: LanguageManager, settings: QSettings) -> MainWindow:
    assert languages.set_language("ru") == "ru"
    return MainWindow(catalog, settings=settings, languages=languages)


def test_russian_translation_is_built_from_the_ts_file_and_the_window_speaks_russian(
    sqlite_catalog: Catalog,
    languages: LanguageManager,
    settings: QSettings,
    translation_cache: Path,
    qtbot,
) -> None:
    window = russian_window(sqlite_catalog, languages, settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.count_changed):
        window.show()

    assert window.windowTitle() == "Библиотечный каталог"
    assert window.count_label.text() == "Каталог: 0 записей"
    assert window.location_label.text().startswith("Расположение: ")
    assert window.file_menu.title() == "&Файл"
    assert window.demo_button.text() == "Загрузить демонстрационный каталог…"
    assert window.welcome.empty_heading.text() == "Каталог пуст"
    assert list(translation_cache.glob("library_app_ru.*.qm"))  # compiled into the cache
    window.close()


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "Каталог: 1 запись"),
        (3, "Каталог: 3 записи"),
        (5, "Каталог: 5 записей"),
        (21, "Каталог: 21 запись"),
        (10_000, "Каталог: 10\N{NO-BREAK SPACE}000 записей"),
    ],
)
def test_russian_counts_use_russian_plurals_and_digit_grouping(
    languages: LanguageManager, count: int, expected: str
) -> None:
    languages.set_language("ru")
    text = QCoreApplication.translate("WelcomePage", "Catalog: %Ln record(s)", "", count)
    assert text == expected


@pytest.mark.parametrize(
    ("count", "expected"), [(1, "Catalog: 1 record"), (10_000, "Catalog: 10,000 records")]
)
def test_english_counts_use_english_plurals_and_digit_grouping(
    languages: LanguageManager, count: int, expected: str
) -> None:
    languages.set_language("en")
    text = QCoreApplication.translate("WelcomePage", "Catalog: %Ln record(s)", "", count)
    assert text == expected


def test_switching_the_language_from_the_menu_retranslates_at_once_and_is_remembered(
    sqlite_catalog: Catalog,
    open_window: Callable[..., MainWindow],
    settings: QSettings,
    monkeypatch: pytest.MonkeyPatch,
    qtbot,
) -> None:
    monkeypatch.setattr(i18n, "system_language", lambda locale=None: "en")
    window = open_window(sqlite_catalog)
    assert window.windowTitle() == "Library catalog"
    (russian,) = [a for a in window.language_group.actions() if a.data() == "ru"]

    russian.trigger()
    qtbot.waitUntil(lambda: window.windowTitle() == "Библиотечный каталог")
    assert window.count_label.text() == "Каталог: 0 записей"
    assert window.help_menu.title() == "&Справка"
    assert settings.value(i18n.LANGUAGE_SETTING) == "ru"

    window.system_language_action.trigger()  # "as in the system": English, see above
    qtbot.waitUntil(lambda: window.windowTitle() == "Library catalog")
    assert settings.value(i18n.LANGUAGE_SETTING) == ""


@pytest.mark.parametrize(
    ("setting", "locale", "expected"),
    [
        ("ru", "en_US", "ru"),  # the setting wins
        ("", "ru_RU", "ru"),
        (None, "ru_KZ", "ru"),
        ("", "en_GB", "en"),
        ("", "kk_KZ", "en"),  # a language we do not ship
        ("de", "ru_RU", "ru"),  # an unknown setting is ignored
    ],
)
def test_language_comes_from_the_setting_else_from_the_system(
    setting: str | None, locale: str, expected: str
) -> None:
    assert choose_language(setting, QLocale(locale)) == expected


def test_without_lrelease_the_interface_falls_back_to_english_with_a_warning(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(i18n, "find_lrelease", lambda: None)
    manager = LanguageManager(qapp, cache_dir=tmp_path / "empty-cache")
    try:
        with caplog.at_level(logging.WARNING, logger="library_app.gui.i18n"):
            assert manager.set_language("ru") == "en"
        assert "lrelease" in caplog.text
        assert QCoreApplication.translate("MainWindow", "Library catalog") == "Library catalog"
    finally:
        manager.uninstall()


def test_an_edited_ts_file_is_compiled_again_and_the_old_build_removed(tmp_path: Path) -> None:
    ts_file = tmp_path / "library_app_ru.ts"
    shutil.copy(TRANSLATIONS / "library_app_ru.ts", ts_file)
    cache = tmp_path / "cache"

    first = i18n.compile_translation(ts_file, cache)
    assert i18n.compile_translation(ts_file, cache) == first  # cached, not rebuilt
    ts_file.write_text(
        ts_file.read_text(encoding="utf-8").replace("Каталог пуст", "В каталоге пусто"),
        encoding="utf-8",
    )
    second = i18n.compile_translation(ts_file, cache)

    assert second != first and second.stat().st_size > 0
    assert sorted(cache.iterdir()) == [second]


def test_ts_files_are_found_from_a_source_checkout() -> None:
    assert i18n.find_ts_file("ru") == TRANSLATIONS / "library_app_ru.ts"
    assert i18n.find_ts_file("en") == TRANSLATIONS / "library_app_en.ts"
    assert not list(TRANSLATIONS.glob("*.qm"))  # built at run time, never kept in the tree


def test_russian_ts_is_complete_and_keeps_every_placeholder() -> None:
    root = ET.parse(TRANSLATIONS / "library_app_ru.ts").getroot()
    messages = list(root.iter("message"))
    assert messages
    for message in messages:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") is None, f"not finished: {source!r}"
        forms = [f.text or "" for f in translation.findall("numerusform")]
        texts = forms if message.get("numerus") == "yes" else [translation.text or ""]
        assert len(texts) == (3 if forms else 1), source
        for text in texts:
            assert text.strip(), f"empty translation: {source!r}"
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source))


def test_english_ts_carries_only_finished_plural_forms() -> None:
    root = ET.parse(TRANSLATIONS / "library_app_en.ts").getroot()
    messages = list(root.iter("message"))
    assert messages
    for message in messages:
        assert message.get("numerus") == "yes"
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None
        singular, plural = (f.text or "" for f in translation.findall("numerusform"))
        assert "(s)" not in singular + plural
