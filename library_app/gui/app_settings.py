"""The window's settings, typed: one place that knows the keys and their defaults.

Everything is kept in QSettings (per user and per machine): the interface language, the default
sort, the inventory-number pattern, the search history, column layout and the catalog location
chosen in the settings dialog.  Widgets take an ``AppSettings`` instead of reaching for a global,
so tests give each window its own INI file.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

from library_app.search.searching import SORTS

DEFAULT_INVENTORY_PATTERN = "{n}"
"""Plain running numbers ("1234"); e.g. "INV-{year}-{n:05d}" gives "INV-2026-00042"."""
HISTORY_SIZE = 30


class AppSettings:
    def __init__(self, settings: QSettings) -> None:
        self.qsettings = settings

    # --- catalog location (takes effect at the next start) ----------------------------------

    @property
    def data_dir(self) -> str:
        return str(self.qsettings.value("catalog/data_dir", "") or "")

    @data_dir.setter
    def data_dir(self, value: str) -> None:
        self.qsettings.setValue("catalog/data_dir", value)

    @property
    def db_url(self) -> str:
        return str(self.qsettings.value("catalog/db_url", "") or "")

    @db_url.setter
    def db_url(self, value: str) -> None:
        self.qsettings.setValue("catalog/db_url", value)

    # --- searching --------------------------------------------------------------------------

    @property
    def default_sort(self) -> str:
        value = str(self.qsettings.value("search/default_sort", "relevance") or "relevance")
        return value if value in SORTS else "relevance"

    @default_sort.setter
    def default_sort(self, value: str) -> None:
        self.qsettings.setValue("search/default_sort", value if value in SORTS else "relevance")

    @property
    def search_history(self) -> list[str]:
        value = self.qsettings.value("search/history", [])
        if isinstance(value, str):  # QSettings returns a lone string for a one-item list
            value = [value]
        return [str(v) for v in (value or []) if str(v).strip()][:HISTORY_SIZE]

    def remember_search(self, text: str) -> None:
        text = text.strip()
        if not text:
            return
        history = [text] + [old for old in self.search_history if old != text]
        self.qsettings.setValue("search/history", history[:HISTORY_SIZE])

    # --- cataloguing ------------------------------------------------------------------------

    @property
    def inventory_pattern(self) -> str:
        value = str(self.qsettings.value("catalog/inventory_pattern", "") or "")
        return value or DEFAULT_INVENTORY_PATTERN

    @inventory_pattern.setter
    def inventory_pattern(self, value: str) -> None:
        self.qsettings.setValue("catalog/inventory_pattern", value or DEFAULT_INVENTORY_PATTERN)

    # --- layout -----------------------------------------------------------------------------

    def bytes_value(self, key: str) -> QByteArray | None:
        value = self.qsettings.value(key)
        return value if isinstance(value, QByteArray) else None

    def set_bytes_value(self, key: str, value: QByteArray) -> None:
        self.qsettings.setValue(key, value)

    def sync(self) -> None:
        self.qsettings.sync()
