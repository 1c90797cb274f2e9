"""The main window: what the catalog holds and where, and the first actions on it.

For now the centre is a summary card (the record count and where the data lives) and, while the
catalog is empty, an offer to load the demo catalog.  The search and editing views will replace
the summary page of the stack; the menus, the background-task handling and the language switching
set up here are meant to stay.

Every visible text is set in ``retranslate_ui`` (the Frescobaldi pattern), which runs again on
``QEvent.LanguageChange``; so switching the language from the menu takes effect at once.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from library_app import __version__
from library_app.core.progress import CancelCheck, ProgressCallback
from library_app.db.catalog import Catalog, describe_target
from library_app.db.records import RecordRepository
from library_app.gui.i18n import (
    LanguageManager,
    choose_language,
    language_choices,
    save_language,
    saved_language,
)
from library_app.gui.tasks import BackgroundTask
from library_app.search.index import IndexBusy, SearchIndex
from library_app.services.catalog import load_demo

log = logging.getLogger(__name__)

DEMO_DEFAULT = 10_000
DEMO_MINIMUM = 1
DEMO_MAXIMUM = 200_000
CLOSE_WAIT_MS = 60_000
"""How long closing waits for running work (a rollback of a big load takes a moment)."""

GEOMETRY_KEY = "main_window/geometry"
STATE_KEY = "main_window/state"


class MainWindow(QMainWindow):
    """The catalog's main window.

    ``reader`` opens it for readers at a public workstation: nothing that changes the catalog
    is offered.  ``settings`` defaults to the application's QSettings; ``languages``, when
    given, adds the interface-language menu.
    """

    count_changed = Signal(int)
    """The record count was (re)read; also fired after a load changed it."""

    task_launched = Signal(object)
    """A BackgroundTask is about to start: connect to it before any of its signals can fire."""

    def __init__(
        self,
        catalog: Catalog,
        *,
        reader: bool = False,
        settings: QSettings | None = None,
        languages: LanguageManager | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._catalog = catalog
        self._reader = reader
        self._settings = settings if settings is not None else QSettings()
        self._languages = languages
        self._count: int | None = None
        self._count_failed = False
        self._count_generation = 0
        self._tasks: set[BackgroundTask] = set()
        self._writer: BackgroundTask | None = None
        self.search_index = SearchIndex(catalog)
        self._indexing: BackgroundTask | None = None
        self._index_again = False
        self.setObjectName("MainWindow")

        self._create_actions()
        self._create_menus()
        self._create_central()
        self.statusBar()  # created now, so the first message does not shift the layout
        # Index progress has a corner of its own, so it never hides the last action's message.
        self.index_status = QLabel(self)
        self.index_status.setObjectName("IndexStatus")
        self.statusBar().addPermanentWidget(self.index_status)
        self.retranslate_ui()
        self._restore_window_state()
        self.refresh_count()
        self.update_search_index()

    # --- building -----------------------------------------------------------------------------

    def _create_actions(self) -> None:
        self.load_demo_action = QAction(self)
        self.load_demo_action.triggered.connect(self.ask_and_load_demo)
        self.load_demo_action.setVisible(not self._reader)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)

        self.system_language_action = QAction(self)
        self.system_language_action.setCheckable(True)
        self.system_language_action.setData("")
        self.language_group = QActionGroup(self)
        self.language_group.addAction(self.system_language_action)
        for code, name in language_choices():
            action = QAction(name, self)  # each language named in itself: not translated
            action.setCheckable(True)
            action.setData(code)
            self.language_group.addAction(action)
        self.language_group.triggered.connect(self._language_chosen)

    def _create_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(self.load_demo_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.settings_menu = bar.addMenu("")
        self.language_menu = QMenu(self)
        self.language_menu.addActions(self.language_group.actions())
        self.language_menu.insertSeparator(self.language_group.actions()[1])
        self.settings_menu.addMenu(self.language_menu)
        self.settings_menu.menuAction().setVisible(self._languages is not None)
        if self._languages is not None:
            saved = saved_language(self._settings)
            for action in self.language_group.actions():
                action.setChecked(action.data() == saved)

        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)

    def _create_central(self) -> None:
        """A card in the middle: count, location and, for an empty catalog, the demo offer.

        The search views will take this place; until then the card keeps the window from
        looking broken on a wide screen."""
        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(32, 24, 32, 24)
        row = QHBoxLayout()
        card = QFrame(central)
        card.setObjectName("summaryCard")
        card.setMinimumWidth(360)
        card.setMaximumWidth(640)
        card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        row.addStretch(1)
        row.addWidget(card, 8)
        row.addStretch(1)
        outer.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        layout = QVBoxLayout(card)
        layout.setSpacing(10)

        self.count_label = QLabel(card)
        self.count_label.setObjectName("countLabel")
        font = QFont(self.count_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.count_label.setFont(font)
        layout.addWidget(self.count_label)

        self.location_label = QLabel(card)
        self.location_label.setObjectName("locationLabel")
        self.location_label.setWordWrap(True)
        self.location_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.location_label)

        self.empty_panel = self._create_empty_panel(card)
        self.empty_panel.setVisible(False)  # shown once the count says the catalog is empty
        layout.addWidget(self.empty_panel)
        self.setCentralWidget(central)

    def _create_empty_panel(self, parent: QWidget) -> QWidget:
        panel = QWidget(parent)
        panel.setObjectName("emptyPanel")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 16, 0, 0)
        layout.setSpacing(12)
        self.empty_heading = QLabel(panel)
        heading_font = QFont(self.empty_heading.font())
        heading_font.setBold(True)
        self.empty_heading.setFont(heading_font)
        self.empty_text = QLabel(panel)
        self.empty_text.setWordWrap(True)
        self.demo_button = QPushButton(panel)
        self.demo_button.setObjectName("demoButton")
        self.demo_button.setDefault(True)
        self.demo_button.setMinimumHeight(40)
        self.demo_button.clicked.connect(self.ask_and_load_demo)
        self.demo_button.setVisible(not self._reader)
        layout.addWidget(self.empty_heading)
        layout.addWidget(self.empty_text)
        layout.addWidget(self.demo_button, 0, Qt.AlignmentFlag.AlignLeft)
        return panel

    # --- texts --------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every visible text; runs again whenever the interface language changes."""
        title = self.tr("Library catalog")
        if self._reader:
            title = self.tr("Library catalog — reader mode")
        self.setWindowTitle(title)
        self.file_menu.setTitle(self.tr("&File"))
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.language_menu.setTitle(self.tr("Interface &language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.load_demo_action.setText(self.tr("Load &demo catalog…"))
        self.load_demo_action.setStatusTip(
            self.tr("Add made-up sample records to this catalog to try the program")
        )
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("&About Library catalog"))
        self.system_language_action.setText(self.tr("As in the system"))
        self.empty_heading.setText(self.tr("The catalog is empty"))
        if self._reader:
            self.empty_text.setText(
                self.tr("There are no records to search yet. Please ask a librarian.")
            )
        else:
            self.empty_text.setText(
                self.tr(
                    "To try the program before entering your own collection, load a demo "
                    "catalog: realistic made-up records of books, reports, articles, maps and "
                    "theses in the languages of the region. The records are added to this "
                    "catalog."
                )
            )
        self.demo_button.setText(self.tr("Load demo catalog…"))
        # Room around the text, whatever its length in the current language.
        self.demo_button.setMinimumWidth(
            self.demo_button.fontMetrics().horizontalAdvance(self.demo_button.text()) + 48
        )
        self._show_count()

    def _show_count(self) -> None:
        if self._count is not None:
            # %Ln: the count in the locale's digits and grouping ("10,000", "10 000").
            text = self.tr("Catalog: %Ln record(s)", "", self._count)
        elif self._count_failed:
            text = self.tr("Catalog: the number of records is not known")
        else:
            text = self.tr("Catalog: counting records…")
        self.count_label.setText(text)
        where = describe_target(self._catalog.location.db_url)
        self.location_label.setText(self.tr("Stored in: {where}").format(where=where))
        self.empty_panel.setVisible(self._count == 0)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- the record count ---------------------------------------------------------------------

    @property
    def record_count(self) -> int | None:
        """The last count read, or None while it is being read (or could not be)."""
        return self._count

    def refresh_count(self) -> None:
        """Re-read the count off the UI thread (a remote PostgreSQL may answer slowly)."""
        self._count_generation += 1
        generation = self._count_generation
        catalog = self._catalog

        def count(progress: ProgressCallback, is_cancelled: CancelCheck) -> int:
            return RecordRepository(catalog).count()

        task = BackgroundTask(
            count,
            parent=self,
            show_progress=False,
            error_context=self.tr("The number of records could not be read."),
        )
        task.succeeded.connect(lambda n: self._count_read(generation, n))
        task.failed.connect(lambda _error: self._count_not_read(generation))
        self._launch(task)

    def _count_read(self, generation: int, count: int) -> None:
        if generation != self._count_generation:
            return  # an older answer overtaken by a newer refresh
        self._count, self._count_failed = count, False
        self._show_count()
        self.count_changed.emit(count)

    def _count_not_read(self, generation: int) -> None:
        if generation == self._count_generation:
            self._count, self._count_failed = None, True
            self._show_count()

    # --- the demo catalog ---------------------------------------------------------------------

    def ask_and_load_demo(self) -> None:
        """Ask how many records, then load them in the background."""
        if self._reader or self._writer is not None:
            return
        count, accepted = QInputDialog.getInt(
            self,
            self.tr("Load demo catalog"),
            self.tr("How many demo records should be added ({minimum} to {maximum})?").format(
                minimum=self.locale().toString(DEMO_MINIMUM),
                maximum=self.locale().toString(DEMO_MAXIMUM),
            ),
            DEMO_DEFAULT,
            DEMO_MINIMUM,
            DEMO_MAXIMUM,
            1000,
        )
        if accepted:
            self.load_demo(count)

    def load_demo(self, count: int) -> BackgroundTask | None:
        """Start adding ``count`` demo records; returns the task (None if one is running)."""
        if self._reader or self._writer is not None:
            return None
        catalog = self._catalog
        # The first demo is the same as `library-app demo` (seed 1); later ones differ, so that
        # loading twice does not just duplicate the same records.
        seed = 1 + (self._count or 0)

        def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> int:
            return load_demo(catalog, count, seed, progress=progress, is_cancelled=is_cancelled)

        task = BackgroundTask(
            work,
            parent=self,
            title=self.tr("Load demo catalog"),
            label=self.tr("Adding %Ln demo record(s) to the catalog…", "", count),
            error_context=self.tr("The demo catalog was not loaded."),
        )
        task.succeeded.connect(self._demo_loaded)
        task.cancelled.connect(self._demo_cancelled)
        task.finished.connect(self._writer_finished)
        self._writer = task
        self._set_writing(True)
        self._launch(task)
        return task

    def _demo_loaded(self, added: int) -> None:
        self.statusBar().showMessage(self.tr("Added %Ln demo record(s).", "", added))
        self.refresh_count()
        self.update_search_index()

    # --- the search index ---------------------------------------------------------------------

    def update_search_index(self) -> BackgroundTask | None:
        """Bring this workstation's index level with the catalog in the background: rebuild it
        if it is missing or unusable, else apply the journal, then read new attachments.
        Searching keeps answering from the current index meanwhile; progress shows in the
        status bar, not in a dialog, because nothing waits for it."""
        if self._indexing is not None:
            self._index_again = True  # once more when the running update ends
            return None
        index = self.search_index

        def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> list[str]:
            try:
                index.ensure_ready(progress, is_cancelled)
                return index.extract_pending(progress, is_cancelled)
            except IndexBusy:
                return []  # another program is updating it; its work serves us too

        task = BackgroundTask(
            work,
            parent=self,
            show_progress=False,
            error_context=self.tr("The search index could not be updated."),
        )
        task.progress.connect(self._index_progress)
        task.succeeded.connect(self._index_updated)
        task.cancelled.connect(self.index_status.clear)
        task.failed.connect(lambda _error: self.index_status.clear())
        task.finished.connect(self._index_finished)
        self._indexing = task
        self._launch(task)
        return task

    def _index_progress(self, done: int, total: int) -> None:
        percent = 100 * done // total if total else 100
        self.index_status.setText(
            self.tr("Updating the search index… {percent}%").format(percent=percent)
        )

    def _index_updated(self, skipped: list[str]) -> None:
        if skipped:
            self.index_status.setText(
                self.tr(
                    "Search index updated; %Ln attachment(s) could not be read.", "", len(skipped)
                )
            )
        else:
            self.index_status.clear()

    def _index_finished(self) -> None:
        self._indexing = None
        if self._index_again:
            self._index_again = False
            self.update_search_index()

    def _demo_cancelled(self) -> None:
        self.statusBar().showMessage(
            self.tr("Loading the demo catalog was cancelled; nothing was changed.")
        )

    def _writer_finished(self) -> None:
        self._writer = None
        self._set_writing(False)

    def _set_writing(self, writing: bool) -> None:
        """While a change runs, offer no second one (the progress dialog may not show yet)."""
        self.load_demo_action.setEnabled(not writing)
        self.demo_button.setEnabled(not writing)

    # --- tasks, help, closing -----------------------------------------------------------------

    def _launch(self, task: BackgroundTask) -> None:
        self._tasks.add(task)
        task.finished.connect(lambda: self._tasks.discard(task))
        self.task_launched.emit(task)
        task.start()

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Library catalog"),
            self.tr(
                "<h3>Library catalog {version}</h3>"
                "<p>A catalog for environmental libraries: books, reports, proceedings, "
                "articles, maps and theses in the languages of Central Asia.</p>"
                "<p>Free software under the GNU General Public License, version 3 or later.</p>"
            ).format(version=__version__),
        )

    def _language_chosen(self, action: QAction) -> None:
        if self._languages is None:
            return
        code = action.data() or ""
        save_language(self._settings, code)
        self._languages.set_language(choose_language(code))

    def _restore_window_state(self) -> None:
        geometry = self._settings.value(GEOMETRY_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(900, 620)
        state = self._settings.value(STATE_KEY)
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Stop running work first: the catalog it uses is closed once the window is gone."""
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            if not task.wait(CLOSE_WAIT_MS):
                log.warning("background work did not stop within %d ms", CLOSE_WAIT_MS)
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._settings.setValue(STATE_KEY, self.saveState())
        self._settings.sync()
        self.search_index.close()
        super().closeEvent(event)
