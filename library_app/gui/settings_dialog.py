"""The settings dialog: where the catalog lives, the interface language, the default order of
search results and the pattern of new inventory numbers.

Nothing is stored until OK: Cancel leaves every setting as it was.  The catalog location takes
effect at the next start (an open catalog is not switched under running work), and a folder or
server given on the command line or in the environment still wins over it.
"""

from __future__ import annotations

import datetime as dt

import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from library_app.config import default_data_dir
from library_app.core.errors import LibraryError
from library_app.core.progress import CancelCheck, ProgressCallback
from library_app.gui.app_settings import AppSettings
from library_app.gui.errors import bug_text
from library_app.gui.i18n import (
    LanguageManager,
    choose_language,
    language_choices,
    save_language,
    saved_language,
)
from library_app.gui.tasks import BackgroundTask
from library_app.search.searching import SORTS
from library_app.services import connection
from library_app.services.inventory import next_numbers, pattern_problem

POSTGRES_SCHEMES = ("postgresql://", "postgres://", "postgresql+psycopg://")
PREVIEW_COUNT = 3


class SettingsDialog(QDialog):
    """Edits ``app_settings`` (and the language through ``languages``) when OK is pressed."""

    def __init__(
        self,
        app_settings: AppSettings,
        languages: LanguageManager | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("SettingsDialog")
        self._settings = app_settings
        self._languages = languages
        self._connection_task: BackgroundTask | None = None
        self._connection_generation = 0
        self._build()
        self._load()
        self.retranslate_ui()
        self._update_state()

    # --- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)

        self.location_box = QGroupBox(self)
        location = QVBoxLayout(self.location_box)
        self.sqlite_radio = QRadioButton(self.location_box)
        self.sqlite_radio.setObjectName("sqliteRadio")
        self.postgres_radio = QRadioButton(self.location_box)
        self.postgres_radio.setObjectName("postgresRadio")
        self.database_group = QButtonGroup(self)
        self.database_group.addButton(self.sqlite_radio)
        self.database_group.addButton(self.postgres_radio)
        self.folder_label = QLabel(self.location_box)
        self.data_dir_edit = QLineEdit(self.location_box)
        self.data_dir_edit.setObjectName("dataDirEdit")
        self.data_dir_edit.setPlaceholderText(str(default_data_dir()))
        self.folder_label.setBuddy(self.data_dir_edit)
        self.browse_button = QPushButton(self.location_box)
        self.browse_button.setObjectName("browseButton")
        self.browse_button.clicked.connect(self._browse)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.data_dir_edit, 1)
        folder_row.addWidget(self.browse_button)
        self.db_url_edit = QLineEdit(self.location_box)
        self.db_url_edit.setObjectName("dbUrlEdit")
        self.db_url_edit.setPlaceholderText("postgresql://user@host:5432/catalog")
        self.db_url_problem = _problem_label(self.location_box, "dbUrlProblem")
        self.test_button = QPushButton(self.location_box)
        self.test_button.setObjectName("testConnectionButton")
        self.test_button.clicked.connect(self.test_connection)
        self.connection_result = QLabel(self.location_box)
        self.connection_result.setObjectName("connectionResult")
        self.connection_result.setWordWrap(True)
        self.connection_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button, 0, Qt.AlignmentFlag.AlignTop)
        test_row.addWidget(self.connection_result, 1)
        self.location_note = QLabel(self.location_box)
        self.location_note.setObjectName("locationNote")
        self.location_note.setWordWrap(True)
        location.addWidget(self.folder_label)
        location.addLayout(folder_row)
        location.addWidget(self.sqlite_radio)
        location.addWidget(self.postgres_radio)
        location.addWidget(self.db_url_edit)
        location.addWidget(self.db_url_problem)
        location.addLayout(test_row)
        location.addWidget(self.location_note)
        layout.addWidget(self.location_box)

        self.general_box = QGroupBox(self)
        general = QFormLayout(self.general_box)
        self.language_label = QLabel(self.general_box)
        self.language_combo = QComboBox(self.general_box)
        self.language_combo.setObjectName("languageCombo")
        self.language_combo.addItem("", "")  # "as in the system", named in retranslate_ui
        for code, name in language_choices():
            self.language_combo.addItem(name, code)  # named in itself: not translated
        self.language_label.setBuddy(self.language_combo)
        self.sort_label = QLabel(self.general_box)
        self.sort_combo = QComboBox(self.general_box)
        self.sort_combo.setObjectName("sortCombo")
        for sort in SORTS:
            self.sort_combo.addItem("", sort)
        self.sort_label.setBuddy(self.sort_combo)
        general.addRow(self.language_label, self.language_combo)
        general.addRow(self.sort_label, self.sort_combo)
        layout.addWidget(self.general_box)

        self.inventory_box = QGroupBox(self)
        inventory = QFormLayout(self.inventory_box)
        self.pattern_label = QLabel(self.inventory_box)
        self.pattern_edit = QLineEdit(self.inventory_box)
        self.pattern_edit.setObjectName("patternEdit")
        self.pattern_label.setBuddy(self.pattern_edit)
        self.pattern_help = QLabel(self.inventory_box)
        self.pattern_help.setWordWrap(True)
        self.pattern_preview = QLabel(self.inventory_box)
        self.pattern_preview.setObjectName("patternPreview")
        self.pattern_error = _problem_label(self.inventory_box, "patternError")
        inventory.addRow(self.pattern_label, self.pattern_edit)
        inventory.addRow("", self.pattern_help)
        inventory.addRow("", self.pattern_preview)
        inventory.addRow("", self.pattern_error)
        layout.addWidget(self.inventory_box)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("okButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.database_group.buttonToggled.connect(self._update_state)
        self.db_url_edit.textChanged.connect(self._update_state)
        self.data_dir_edit.textChanged.connect(self._forget_connection_result)
        self.db_url_edit.textChanged.connect(self._forget_connection_result)
        self.database_group.buttonToggled.connect(self._forget_connection_result)
        self.pattern_edit.textChanged.connect(self._update_state)

        for first, second in (
            (self.data_dir_edit, self.browse_button),
            (self.browse_button, self.sqlite_radio),
            (self.sqlite_radio, self.postgres_radio),
            (self.postgres_radio, self.db_url_edit),
            (self.db_url_edit, self.test_button),
            (self.test_button, self.language_combo),
            (self.language_combo, self.sort_combo),
            (self.sort_combo, self.pattern_edit),
            (self.pattern_edit, self.buttons),
        ):
            QWidget.setTabOrder(first, second)

    def _load(self) -> None:
        settings = self._settings
        self.data_dir_edit.setText(settings.data_dir)
        self.db_url_edit.setText(settings.db_url)
        (self.postgres_radio if settings.db_url else self.sqlite_radio).setChecked(True)
        language = saved_language(settings.qsettings)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(language)))
        self.sort_combo.setCurrentIndex(max(0, self.sort_combo.findData(settings.default_sort)))
        self.pattern_edit.setText(settings.inventory_pattern)

    # --- texts --------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every visible text; runs again whenever the interface language changes."""
        self.setWindowTitle(self.tr("Settings"))
        self.location_box.setTitle(self.tr("Catalog location"))
        self.folder_label.setText(
            self.tr("&Data folder (search index, attachments, backups; empty: the usual place):")
        )
        self.browse_button.setText(self.tr("&Browse…"))
        self.sqlite_radio.setText(self.tr("Catalog on &this computer (SQLite, in the data folder)"))
        self.postgres_radio.setText(self.tr("Catalog on a &PostgreSQL server, URL:"))
        self.test_button.setText(self.tr("&Test connection"))
        self.location_note.setText(
            self.tr(
                "A new location takes effect the next time the program starts. A folder or "
                "server given on the command line or in the environment takes precedence."
            )
        )
        self.general_box.setTitle(self.tr("Working"))
        self.language_label.setText(self.tr("Interface &language:"))
        self.language_combo.setItemText(0, self.tr("As in the system"))
        self.sort_label.setText(self.tr("Default &order of results:"))
        sort_names = {
            "relevance": self.tr("Relevance"),
            "title": self.tr("Title"),
            "author": self.tr("Author"),
            "year": self.tr("Year, newest first"),
        }
        for index in range(self.sort_combo.count()):
            self.sort_combo.setItemText(index, sort_names[self.sort_combo.itemData(index)])
        self.inventory_box.setTitle(self.tr("New copies"))
        self.pattern_label.setText(self.tr("&Inventory number pattern:"))
        self.pattern_help.setText(
            self.tr(
                "{n} is the running number, {n:04d} pads it with zeros to four digits, "
                "{year} is the current year. Example: INV-{year}-{n:04d}"
            )
        )
        self._update_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- checking what was typed --------------------------------------------------------------

    def db_url(self) -> str:
        return self.db_url_edit.text().strip()

    def _db_url_problem(self) -> str | None:
        if not self.postgres_radio.isChecked():
            return None
        url = self.db_url()
        if not url.startswith(POSTGRES_SCHEMES) or len(url) <= url.index("://") + 3:
            return self.tr("Enter the server's URL, e.g. postgresql://user@host:5432/catalog")
        return None

    def _pattern_problem(self) -> str | None:
        problem = pattern_problem(self.pattern_edit.text())
        if problem is None:
            return None
        return self.tr("This pattern cannot be used: {problem}").format(problem=problem)

    def _update_state(self) -> None:
        """Show what is wrong next to the field, the preview, and allow OK only when valid."""
        postgres = self.postgres_radio.isChecked()
        self.db_url_edit.setEnabled(postgres)
        url_problem = self._db_url_problem()
        self.db_url_problem.setText(url_problem or "")
        self.db_url_problem.setVisible(url_problem is not None)

        pattern_error = self._pattern_problem()
        self.pattern_error.setText(pattern_error or "")
        self.pattern_error.setVisible(pattern_error is not None)
        if pattern_error is None:
            numbers = next_numbers(
                self.pattern_edit.text(), [], PREVIEW_COUNT, dt.date.today().year
            )
            self.pattern_preview.setText(
                self.tr("New copies get: {numbers}, …").format(numbers=", ".join(numbers))
            )
        else:
            self.pattern_preview.clear()
        self.pattern_preview.setVisible(pattern_error is None)

        testing = self._connection_task is not None
        self.test_button.setEnabled(not testing and url_problem is None)
        self.ok_button.setEnabled(url_problem is None and pattern_error is None)

    def is_valid(self) -> bool:
        return self.ok_button.isEnabled()

    # --- the catalog location -----------------------------------------------------------------

    def _browse(self) -> None:
        start = self.data_dir_edit.text().strip() or str(default_data_dir())
        folder = QFileDialog.getExistingDirectory(self, self.tr("Data folder"), start)
        if folder:
            self.data_dir_edit.setText(folder)

    def _tested_location(self) -> str:
        """What "Test connection" tries: the server URL, or the data folder's SQLite file."""
        if self.postgres_radio.isChecked():
            return self.db_url()
        return self.data_dir_edit.text().strip() or str(default_data_dir())

    def test_connection(self) -> BackgroundTask | None:
        """Try the location in the background and show the answer below the button."""
        if self._connection_task is not None or self._db_url_problem() is not None:
            return None
        self._connection_generation += 1
        generation = self._connection_generation
        target = self._tested_location()

        def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> str:
            return connection.test_connection(target)

        task = BackgroundTask(work, parent=self, show_progress=False, report_failures=False)
        task.succeeded.connect(lambda answer: self._connection_answered(generation, answer))
        task.failed.connect(lambda error: self._connection_failed(generation, error))
        task.finished.connect(lambda: self._connection_finished())
        self._connection_task = task
        self.connection_result.setStyleSheet("")
        self.connection_result.setText(self.tr("Connecting…"))
        self._update_state()
        task.start()
        return task

    def _is_current(self, generation: int) -> bool:
        """The answer is about what the fields still say (and the dialog still exists)."""
        return shiboken6.isValid(self) and generation == self._connection_generation

    def _connection_answered(self, generation: int, answer: str) -> None:
        if self._is_current(generation):
            self.connection_result.setStyleSheet("color: #1b6e20;")
            self.connection_result.setText(self.tr("Connected. {answer}").format(answer=answer))

    def _connection_failed(self, generation: int, error: BaseException) -> None:
        if not self._is_current(generation):
            return
        text = str(error) if isinstance(error, LibraryError) else bug_text(error)
        self.connection_result.setStyleSheet("color: #b00020;")
        self.connection_result.setText(self.tr("No connection: {error}").format(error=text))

    def _connection_finished(self) -> None:
        if shiboken6.isValid(self):
            self._connection_task = None
            self._update_state()

    def _forget_connection_result(self) -> None:
        """An answer about another location would mislead: drop it when the location changes."""
        self._connection_generation += 1
        self.connection_result.setStyleSheet("")
        self.connection_result.clear()

    # --- OK -----------------------------------------------------------------------------------

    def accept(self) -> None:
        """Store everything; the language is applied at once, the location at the next start."""
        if not self.is_valid():
            return
        settings = self._settings
        settings.data_dir = self.data_dir_edit.text().strip()
        settings.db_url = self.db_url() if self.postgres_radio.isChecked() else ""
        settings.default_sort = self.sort_combo.currentData()
        settings.inventory_pattern = self.pattern_edit.text()
        language = self.language_combo.currentData() or ""
        save_language(settings.qsettings, language)
        settings.sync()
        super().accept()
        if self._languages is not None:
            self._languages.set_language(choose_language(language))


def _problem_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet("color: #b00020;")
    label.setVisible(False)
    return label
