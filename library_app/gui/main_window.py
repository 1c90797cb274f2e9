"""The main window: the search view (or, for an empty catalog, a welcome card with the demo
offer), the menus, the basket, and the background work that keeps count and index current.

Every visible text is set in ``retranslate_ui`` (the Frescobaldi pattern), which runs again on
``QEvent.LanguageChange``; so switching the language from the menu takes effect at once.
Cataloguing actions live in record_actions.py; this module is the frame around them.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QSettings, Qt, QThreadPool, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from library_app import __version__
from library_app.core.progress import CancelCheck, ProgressCallback
from library_app.db.catalog import Catalog
from library_app.db.records import RecordRepository
from library_app.gui.app_settings import AppSettings
from library_app.gui.basket_view import BasketDock
from library_app.gui.i18n import (
    LanguageManager,
    choose_language,
    language_choices,
    save_language,
    saved_language,
)
from library_app.gui.index_keeper import IndexKeeper
from library_app.gui.interchange_actions import InterchangeActions
from library_app.gui.print_actions import PrintActions
from library_app.gui.record_actions import RecordActions
from library_app.gui.search_view import SearchView
from library_app.gui.settings_dialog import SettingsDialog
from library_app.gui.tasks import BackgroundTask
from library_app.gui.welcome import WelcomePage
from library_app.search.index import SearchIndex
from library_app.services.basket import Basket
from library_app.services.catalog import load_demo

log = logging.getLogger(__name__)

DEMO_DEFAULT = 10_000
DEMO_MINIMUM = 1
DEMO_MAXIMUM = 200_000
CLOSE_WAIT_MS = 60_000
"""How long closing waits for running work (a rollback of a big load takes a moment)."""

MIN_WORKER_THREADS = 6
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

    index_updated = Signal()
    """A background index update finished (successfully or not)."""

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
        self.app_settings = AppSettings(self._settings)
        self._languages = languages
        self._count: int | None = None
        self._count_failed = False
        self._count_generation = 0
        self._tasks: set[BackgroundTask] = set()
        self._writer: BackgroundTask | None = None
        self.search_index = SearchIndex(catalog)
        self._searched_once = False
        self._closed = False
        self.setObjectName("MainWindow")
        # Counting, searching, facets, index updates and record loads each take a worker; with
        # one per core (two on many library PCs) a search would queue behind an index update.
        pool = QThreadPool.globalInstance()
        pool.setMaxThreadCount(max(pool.maxThreadCount(), MIN_WORKER_THREADS))

        self.record_actions = RecordActions(self)
        self.interchange = InterchangeActions(self)
        self.printing = PrintActions(self)
        self._create_actions()
        self._create_central()
        self.basket = Basket.for_user(catalog.location.data_dir, catalog.user)
        self.basket_dock = BasketDock(catalog, self.basket, self)
        self.basket_dock.setObjectName("BasketDock")
        self.basket_dock.open_requested.connect(self.show_record)
        self.basket_dock.task_launched.connect(self.track)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.basket_dock)
        self.basket_dock.hide()
        self._create_menus()
        self.statusBar()  # created now, so the first message does not shift the layout
        # Index progress has a corner of its own, so it never hides the last action's message.
        self.index_status = QLabel(self)
        self.index_status.setObjectName("IndexStatus")
        self.statusBar().addPermanentWidget(self.index_status)
        self.index_keeper = IndexKeeper(self.search_index, self._launch, self)
        self.index_keeper.status_text.connect(self.index_status.setText)
        self.index_keeper.updated.connect(self._index_finished)
        self._apply_reader_mode()
        self.retranslate_ui()
        self._restore_window_state()
        self.record_actions.set_selection([])
        self.refresh_count()
        self.update_search_index()

    @property
    def catalog(self) -> Catalog:
        return self._catalog

    @property
    def reader_mode(self) -> bool:
        return self._reader

    # The welcome card's widgets, under the names the window has always had.
    @property
    def count_label(self) -> QLabel:
        return self.welcome.count_label

    @property
    def location_label(self) -> QLabel:
        return self.welcome.location_label

    @property
    def empty_panel(self) -> QWidget:
        return self.welcome.empty_panel

    @property
    def demo_button(self) -> QWidget:
        return self.welcome.demo_button

    @property
    def empty_text(self) -> QLabel:
        return self.welcome.empty_text

    # --- building -----------------------------------------------------------------------------

    def _create_actions(self) -> None:
        self.load_demo_action = QAction(self)
        self.load_demo_action.triggered.connect(self.ask_and_load_demo)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        self.about_action = QAction(self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self.show_about)
        self.reader_action = QAction(self)
        self.reader_action.setCheckable(True)
        self.reader_action.setChecked(self._reader)
        self.reader_action.triggered.connect(self.set_reader_mode)
        self.settings_action = QAction(self)
        self.settings_action.setShortcut(QKeySequence.StandardKey.Preferences)
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.settings_action.triggered.connect(self.show_settings)

        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self.focus_search)
        self.refresh_action = QAction(self)
        self.refresh_action.setShortcut(QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self._refresh_search)
        self.clear_filters_action = QAction(self)
        self.clear_filters_action.triggered.connect(lambda: self.search_view.clear_filters())
        self.basket_add_action = QAction(self)
        self.basket_add_action.setShortcut(QKeySequence("Ctrl+B"))
        self.basket_add_action.triggered.connect(self.add_selection_to_basket)

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
        actions = self.record_actions
        self.file_menu = bar.addMenu("")
        self.file_menu.addAction(actions.new_action)
        self.file_menu.addAction(self.load_demo_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.interchange.import_action)
        self.file_menu.addAction(self.interchange.export_action)
        self.file_menu.addAction(self.printing.print_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(actions.trash_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.reader_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)

        self.edit_menu = bar.addMenu("")
        self.edit_menu.addAction(actions.edit_action)
        self.edit_menu.addAction(actions.duplicate_action)
        self.edit_menu.addAction(actions.batch_action)
        self.edit_menu.addSeparator()
        self.edit_menu.addAction(actions.delete_action)

        self.search_menu = bar.addMenu("")
        self.search_menu.addAction(self.find_action)
        self.search_menu.addAction(self.refresh_action)
        self.search_menu.addAction(self.clear_filters_action)

        self.basket_menu = bar.addMenu("")
        self.basket_menu.addAction(self.basket_add_action)
        self.basket_menu.addAction(self.basket_dock.toggleViewAction())

        self.settings_menu = bar.addMenu("")
        self.settings_menu.addAction(self.settings_action)
        self.language_menu = QMenu(self)
        self.language_menu.addActions(self.language_group.actions())
        self.language_menu.insertSeparator(self.language_group.actions()[1])
        self.settings_menu.addMenu(self.language_menu)
        self.language_menu.menuAction().setVisible(self._languages is not None)
        if self._languages is not None:
            saved = saved_language(self._settings)
            for action in self.language_group.actions():
                action.setChecked(action.data() == saved)

        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.about_action)

    def _create_central(self) -> None:
        self.stack = QStackedWidget(self)
        self.welcome = WelcomePage(
            self._catalog.location.db_url, reader=self._reader, parent=self.stack
        )
        self.welcome.demo_button.clicked.connect(self.ask_and_load_demo)
        self.search_view = SearchView(
            self._catalog,
            self.search_index,
            self.app_settings,
            reader=self._reader,
            parent=self.stack,
        )
        self.search_view.record_activated.connect(self._record_activated)
        self.search_view.selection_changed.connect(self.record_actions.set_selection)
        self.search_view.detail.edit_requested.connect(self.record_actions.open_editor)
        self.search_view.detail.task_launched.connect(self.track)
        self.search_view.detail.basket_requested.connect(lambda i: self.add_to_basket([i]))
        # Delete acts on the result list only (its shortcut context is the search view).
        self.search_view.addAction(self.record_actions.delete_action)
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.search_view)
        self.setCentralWidget(self.stack)

    # --- texts --------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        """Set every visible text; runs again whenever the interface language changes."""
        title = self.tr("Library catalog")
        if self._reader:
            title = self.tr("Library catalog — reader mode")
        self.setWindowTitle(title)
        self.file_menu.setTitle(self.tr("&File"))
        self.edit_menu.setTitle(self.tr("&Edit"))
        self.search_menu.setTitle(self.tr("Se&arch"))
        self.basket_menu.setTitle(self.tr("&Basket"))
        self.settings_menu.setTitle(self.tr("&Settings"))
        self.language_menu.setTitle(self.tr("Interface &language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.load_demo_action.setText(self.tr("Load &demo catalog…"))
        self.load_demo_action.setStatusTip(
            self.tr("Add made-up sample records to this catalog to try the program")
        )
        self.reader_action.setText(self.tr("&Reader mode"))
        self.reader_action.setStatusTip(
            self.tr("Read-only mode for a public workstation: search, details and basket only")
        )
        self.settings_action.setText(self.tr("&Settings…"))
        self.find_action.setText(self.tr("&Find"))
        self.refresh_action.setText(self.tr("Search &again"))
        self.clear_filters_action.setText(self.tr("&Clear filters"))
        self.basket_add_action.setText(self.tr("&Add selected to basket"))
        self.basket_dock.toggleViewAction().setText(self.tr("&Show basket"))
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("&About Library catalog"))
        self.system_language_action.setText(self.tr("As in the system"))
        self.record_actions.retranslate_ui()
        self.interchange.retranslate_ui()
        self.printing.retranslate_ui()

    def _show_count(self) -> None:
        self.welcome.set_count(self._count, self._count_failed)
        if self._count:
            if self.stack.currentWidget() is not self.search_view:
                self.stack.setCurrentWidget(self.search_view)
            if not self._searched_once:
                self._searched_once = True
                self.search_view.search_now()
        else:
            self.stack.setCurrentWidget(self.welcome)

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
        if self._closed:
            return  # an answer delivered after the window closed
        if generation != self._count_generation:
            return  # an older answer overtaken by a newer refresh
        self._count, self._count_failed = count, False
        self._show_count()
        self.count_changed.emit(count)

    def _count_not_read(self, generation: int) -> None:
        if self._closed:
            return  # an answer delivered after the window closed
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
        if self._closed:
            return  # an answer delivered after the window closed
        self.statusBar().showMessage(self.tr("Added %Ln demo record(s).", "", added))
        self.refresh_count()
        self.update_search_index()

    # --- the search index ---------------------------------------------------------------------

    def update_search_index(self) -> BackgroundTask | None:
        """Bring this workstation's index level with the catalog in the background (see
        index_keeper); searching keeps answering from the current index meanwhile."""
        return self.index_keeper.update()

    def _index_finished(self, changed: bool) -> None:
        if self._closed:
            return  # an answer delivered after the window closed
        if self._count and (changed or self.search_view.waiting_for_index):
            self.search_view.refresh()  # show what the update made findable
        self.index_updated.emit()

    def _demo_cancelled(self) -> None:
        self.statusBar().showMessage(
            self.tr("Loading the demo catalog was cancelled; nothing was changed.")
        )

    def _writer_finished(self) -> None:
        self._writer = None
        self._set_writing(False)

    def _set_writing(self, writing: bool) -> None:
        """While a change runs, offer no second one (the progress dialog may not show yet)."""
        self.load_demo_action.setEnabled(not writing and not self._reader)
        self.demo_button.setEnabled(not writing)

    # --- tasks, help, closing -----------------------------------------------------------------

    def track(self, task: BackgroundTask) -> None:
        """Count a task a part of the window started as this window's work (see closeEvent)."""
        self._tasks.add(task)
        task.finished.connect(lambda: self._tasks.discard(task))

    def launch(self, task: BackgroundTask) -> None:
        """Start ``task`` as this window's work: closing the window waits for it."""
        self._launch(task)

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
        """Close the editors (each may ask about unsaved changes), then stop running work:
        the catalog it uses is closed once the window is gone."""
        for editor in self.record_actions.open_editors():
            if not editor.close():
                event.ignore()
                return
        self._closed = True
        self.index_keeper.stop()
        self.search_view.shutdown(CLOSE_WAIT_MS)
        for task in list(self._tasks):
            task.cancel()
        for task in list(self._tasks):
            if not task.wait(CLOSE_WAIT_MS):
                log.warning("background work did not stop within %d ms", CLOSE_WAIT_MS)
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._settings.setValue(STATE_KEY, self.saveState())
        self.search_view.save_layout()
        self._settings.sync()
        self.search_index.close()
        super().closeEvent(event)

    # --- records, basket, reader mode, settings -----------------------------------------------

    def records_changed(self, record_ids: list[int]) -> None:
        """Records were added, edited, deleted or restored: list, count and index follow."""
        self.search_view.model.invalidate(record_ids)
        current = self.search_view.current_id()
        if current in record_ids:
            self.search_view.detail.show_record(current, self.search_view.query)
        self.refresh_count()
        self.update_search_index()  # the list is searched again when the index has them

    def show_record(self, record_id: int) -> None:
        """Show a record in the list (searching for it when the current list lacks it)."""
        if not self.search_view.select_record(record_id):
            self.search_view.set_query(f"id:{record_id}")

    def _record_activated(self, record_id: int) -> None:
        if not self._reader:
            self.record_actions.open_editor(record_id)

    def focus_search(self) -> None:
        if self.stack.currentWidget() is self.search_view:
            self.search_view.focus_search()

    def _refresh_search(self) -> None:
        if self._count:
            self.search_view.refresh()

    def add_selection_to_basket(self) -> None:
        self.add_to_basket(self.search_view.selected_ids())

    def add_to_basket(self, record_ids: list[int]) -> None:
        if not record_ids:
            return
        self.basket_dock.add(record_ids)
        self.basket_dock.show()
        self.statusBar().showMessage(
            self.tr("%n record(s) in the basket.", "", len(self.basket)), 5000
        )

    def set_reader_mode(self, on: bool) -> bool:
        """Enter or leave reader mode; leaving asks first (a librarian password once the
        catalog has user roles).  Returns whether the mode is now ``on``."""
        if on == self._reader:
            return True
        if not on:
            answer = QMessageBox.question(
                self,
                self.tr("Leave reader mode"),
                self.tr(
                    "Leave reader mode? Editing becomes possible at this workstation. "
                    "This is meant for library staff."
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                self.reader_action.setChecked(True)
                return False
        self._reader = on
        self._apply_reader_mode()
        self.retranslate_ui()
        return True

    def _apply_reader_mode(self) -> None:
        editing = not self._reader
        for action in [*self.record_actions.editing_actions, self.load_demo_action]:
            action.setVisible(editing)
            action.setEnabled(editing)
        self.edit_menu.menuAction().setVisible(editing)
        self.settings_action.setVisible(editing)
        self.reader_action.setChecked(self._reader)
        self.interchange.set_reader(self._reader)
        self.welcome.set_reader(self._reader)
        self.search_view.detail.set_reader(self._reader)
        if editing:
            self.record_actions.set_selection(self.search_view.selected_ids())
            self._set_writing(self._writer is not None)

    def show_settings(self) -> SettingsDialog | None:
        if self._reader:
            return None
        dialog = SettingsDialog(self.app_settings, self._languages, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog
