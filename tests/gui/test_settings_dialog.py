"""The settings dialog with real widgets: pattern checking and preview, connection tests that run
in the background against a real server, and OK/Cancel on a real QSettings file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt

from library_app.gui import i18n
from library_app.gui.app_settings import AppSettings
from library_app.gui.settings_dialog import SettingsDialog

YEAR = dt.date.today().year


@pytest.fixture
def app_settings(settings: QSettings) -> AppSettings:
    return AppSettings(settings)


@pytest.fixture
def open_dialog(qtbot: Any, app_settings: AppSettings, languages: i18n.LanguageManager):
    def make() -> SettingsDialog:
        dialog = SettingsDialog(app_settings, languages)
        qtbot.addWidget(dialog)
        dialog.show()
        return dialog

    return make


def retype(qtbot: Any, field: Any, text: str) -> None:
    field.selectAll()
    qtbot.keyClick(field, Qt.Key.Key_Delete)
    qtbot.keyClicks(field, text)


def test_an_unusable_pattern_disables_ok_and_says_why(qtbot: Any, open_dialog: Any) -> None:
    dialog = open_dialog()
    assert dialog.ok_button.isEnabled()

    retype(qtbot, dialog.pattern_edit, "INV-{year}")

    assert not dialog.ok_button.isEnabled()
    assert dialog.pattern_error.isVisible()
    assert "needs the running number {n}" in dialog.pattern_error.text()
    assert not dialog.pattern_preview.isVisible()

    retype(qtbot, dialog.pattern_edit, "INV-{year}-{n:04d}")

    assert dialog.ok_button.isEnabled()
    assert not dialog.pattern_error.isVisible()
    assert dialog.pattern_preview.text() == (
        f"New copies get: INV-{YEAR}-0001, INV-{YEAR}-0002, INV-{YEAR}-0003, …"
    )


def test_ok_stores_every_setting_and_switches_the_language(
    qtbot: Any,
    open_dialog: Any,
    app_settings: AppSettings,
    languages: i18n.LanguageManager,
    tmp_path: Path,
) -> None:
    languages.set_language("en")
    dialog = open_dialog()
    retype(qtbot, dialog.data_dir_edit, str(tmp_path / "catalog"))
    qtbot.mouseClick(dialog.postgres_radio, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.db_url_edit, "postgresql://librarian@db.example.org:5432/catalog")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("ru"))
    dialog.sort_combo.setCurrentIndex(dialog.sort_combo.findData("year"))
    dialog.pattern_edit.setText("ЧЗ-{n:05d}")  # QTest types Latin-1 only

    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    again = AppSettings(QSettings(app_settings.qsettings.fileName(), QSettings.Format.IniFormat))
    assert again.data_dir == str(tmp_path / "catalog")
    assert again.db_url == "postgresql://librarian@db.example.org:5432/catalog"
    assert again.default_sort == "year"
    assert again.inventory_pattern == "ЧЗ-{n:05d}"
    assert i18n.saved_language(again.qsettings) == "ru"
    assert languages.language == "ru"


def test_cancel_changes_nothing(qtbot: Any, open_dialog: Any, app_settings: AppSettings) -> None:
    app_settings.inventory_pattern = "INV-{n}"
    dialog = open_dialog()
    retype(qtbot, dialog.pattern_edit, "X-{n}")
    qtbot.mouseClick(dialog.postgres_radio, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.db_url_edit, "postgresql://host/db")
    dialog.sort_combo.setCurrentIndex(dialog.sort_combo.findData("title"))

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    assert dialog.result() == SettingsDialog.DialogCode.Rejected
    assert app_settings.inventory_pattern == "INV-{n}"
    assert app_settings.db_url == "" and app_settings.default_sort == "relevance"


def test_choosing_the_server_without_a_usable_url_disables_ok(qtbot: Any, open_dialog: Any) -> None:
    dialog = open_dialog()
    assert not dialog.db_url_edit.isEnabled()

    qtbot.mouseClick(dialog.postgres_radio, Qt.MouseButton.LeftButton)
    assert dialog.db_url_edit.isEnabled()
    assert not dialog.ok_button.isEnabled() and not dialog.test_button.isEnabled()
    assert "postgresql://user@host:5432/catalog" in dialog.db_url_problem.text()

    qtbot.keyClicks(dialog.db_url_edit, "mysql://root@host/db")
    assert not dialog.ok_button.isEnabled()

    retype(qtbot, dialog.db_url_edit, "postgres://root@host/db")
    assert dialog.ok_button.isEnabled() and not dialog.db_url_problem.isVisible()


@pytest.mark.postgres
def test_test_connection_reaches_the_real_server_without_blocking(
    qtbot: Any, open_dialog: Any, pg_url: str
) -> None:
    dialog = open_dialog()
    qtbot.mouseClick(dialog.postgres_radio, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.db_url_edit, pg_url)

    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)

    assert dialog.connection_result.text() == "Connecting…"  # the answer comes later
    assert not dialog.test_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.connection_result.text() != "Connecting…", timeout=20_000)
    text = dialog.connection_result.text()
    assert text.startswith("Connected. PostgreSQL "), text
    assert "no catalog yet" in text
    qtbot.waitUntil(dialog.test_button.isEnabled)


def test_test_connection_explains_a_refused_connection(qtbot: Any, open_dialog: Any) -> None:
    dialog = open_dialog()
    qtbot.mouseClick(dialog.postgres_radio, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.db_url_edit, "postgresql://127.0.0.1:1/x")

    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)

    assert dialog.connection_result.text() == "Connecting…"
    qtbot.waitUntil(lambda: dialog.connection_result.text() != "Connecting…", timeout=20_000)
    text = dialog.connection_result.text()
    assert text.startswith("No connection: cannot connect to PostgreSQL database «x»"), text
    assert "connection refused" in text
    assert dialog.ok_button.isEnabled()  # a server that is down today may be up tomorrow


def test_test_connection_of_a_new_folder_says_a_catalog_will_be_created(
    qtbot: Any, open_dialog: Any, tmp_path: Path
) -> None:
    dialog = open_dialog()
    retype(qtbot, dialog.data_dir_edit, str(tmp_path / "new-catalog"))

    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: dialog.connection_result.text().startswith("Connected."))
    assert str(tmp_path / "new-catalog" / "catalog.sqlite") in dialog.connection_result.text()
    assert not (tmp_path / "new-catalog").exists()  # testing changes nothing


def test_editing_the_location_drops_an_answer_about_the_old_one(
    qtbot: Any, open_dialog: Any, tmp_path: Path
) -> None:
    dialog = open_dialog()
    retype(qtbot, dialog.data_dir_edit, str(tmp_path))
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.connection_result.text().startswith("Connected."))

    qtbot.keyClicks(dialog.data_dir_edit, "-other")

    assert dialog.connection_result.text() == ""
