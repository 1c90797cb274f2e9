"""File › Import: a wizard from a partner's file to records in the catalog.

The pages follow the import service's two steps (``interchange.importing``): choose the file
(format and encoding detected, both overridable), map the columns of a spreadsheet, look at the
dry run — what would be added, updated or skipped, and every problem with its record number —
deciding duplicates one by one if asked to, then import in one transaction and read the report.

The wizard holds no import logic: it gathers options, runs ``plan_import`` and ``apply_import``
in background tasks and shows what they return.  One task runs at a time; while it runs the
pages offer nothing else, and Cancel (or Escape) stops the task instead of closing the wizard,
so a cancelled import has written nothing and the librarian can go on.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from library_app.core.errors import LibraryError
from library_app.db.catalog import Catalog
from library_app.gui.errors import report_error
from library_app.gui.import_pages import FilePage, MappingPage
from library_app.gui.import_review import ReviewPage
from library_app.gui.tasks import BackgroundTask, TaskFunction
from library_app.interchange.base import ReadOptions
from library_app.interchange.importing import DEFAULT_INVENTORY_PATTERN, ImportReport
from library_app.interchange.report import report_to_text, save_report

TABULAR = ("csv", "xlsx")


class ImportWizard(QWizard):
    """Imports one file into ``catalog``; new copies without numbers get ``inventory_pattern``
    numbers.  ``file_page.set_path`` starts it on a file (connect ``task_launched`` first)."""

    FILE_PAGE, MAPPING_PAGE, REVIEW_PAGE, REPORT_PAGE = range(4)

    imported = Signal(object)
    """The import was written: the ImportReport (its added_ids and updated_ids changed)."""

    task_launched = Signal(object)
    """A BackgroundTask is about to start (the main window and tests follow it)."""

    busy_changed = Signal(bool)
    """The wizard's task started (True) or ended: pages lock their inputs meanwhile."""

    def __init__(
        self,
        catalog: Catalog,
        *,
        inventory_pattern: str = DEFAULT_INVENTORY_PATTERN,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ImportWizard")
        self.catalog = catalog
        self.inventory_pattern = inventory_pattern
        self.task: BackgroundTask | None = None
        self.report: ImportReport | None = None
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)  # done: Finish
        self.file_page = FilePage(self)
        self.mapping_page = MappingPage(self)
        self.review_page = ReviewPage(self)
        self.report_page = ReportPage(self)
        self.setPage(self.FILE_PAGE, self.file_page)
        self.setPage(self.MAPPING_PAGE, self.mapping_page)
        self.setPage(self.REVIEW_PAGE, self.review_page)
        self.setPage(self.REPORT_PAGE, self.report_page)
        self.setStartId(self.FILE_PAGE)
        self.retranslate_ui()
        self.resize(760, 560)

    def retranslate_ui(self) -> None:
        """Set every visible text; runs again whenever the interface language changes."""
        self.setWindowTitle(self.tr("Import records"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        for page in (self.file_page, self.mapping_page, self.review_page, self.report_page):
            page.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- what the pages gathered ----------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        return self.file_page.path()

    @property
    def format_id(self) -> str | None:
        """The format chosen, else the one detected."""
        return self.file_page.format_id()

    @property
    def is_tabular(self) -> bool:
        return self.format_id in TABULAR

    def read_options(self) -> ReadOptions:
        """Encoding from the file page, columns and separators from the mapping page."""
        options = ReadOptions(encoding=self.file_page.encoding())
        if self.is_tabular:
            self.mapping_page.fill_options(options)
        return options

    # --- background work ------------------------------------------------------------------------

    @property
    def busy(self) -> bool:
        return self.task is not None

    def run(
        self,
        fn: TaskFunction,
        *,
        title: str = "",
        label: str = "",
        error_context: str = "",
        show_progress: bool = True,
        report_failures: bool = True,
    ) -> BackgroundTask:
        """Start ``fn`` as the wizard's one task: the pages lock until it has finished."""
        task = BackgroundTask(
            fn,
            parent=self,
            title=title,
            label=label,
            error_context=error_context,
            show_progress=show_progress,
            report_failures=report_failures,
        )
        task.finished.connect(lambda: self._task_finished(task))
        self.task = task
        self._update_buttons()
        self.busy_changed.emit(True)
        self.task_launched.emit(task)
        task.start()
        return task

    def _task_finished(self, task: BackgroundTask) -> None:
        if not shiboken6.isValid(self) or self.task is not task:
            return
        self.task = None
        self._update_buttons()
        self.busy_changed.emit(False)

    def _update_buttons(self) -> None:
        page = self.currentPage()
        if isinstance(page, QWizardPage):
            page.completeChanged.emit()  # Next and Finish follow isComplete(), which sees busy
        back = self.button(QWizard.WizardButton.BackButton)
        if self.busy:
            back.setEnabled(False)

    def reject(self) -> None:
        """While a task runs, Cancel/Escape stops it; the wizard stays open."""
        if self.task is not None:
            self.task.cancel()
            return
        super().reject()

    # --- the import is written ----------------------------------------------------------------

    def import_done(self, report: ImportReport) -> None:
        self.report = report
        self.report_page.show_report(report)
        self.imported.emit(report)

    def nextId(self) -> int:
        current = self.currentId()
        if current == self.FILE_PAGE:
            return self.MAPPING_PAGE if self.is_tabular else self.REVIEW_PAGE
        if current == self.MAPPING_PAGE:
            return self.REVIEW_PAGE
        if current == self.REVIEW_PAGE:
            return self.REPORT_PAGE
        return -1


class ReportPage(QWizardPage):
    """What the import did, in the words of the saved report, and a way to keep it."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self._report: ImportReport | None = None
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("importReportText")
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        layout.addWidget(self.text, 1)
        row = QHBoxLayout()
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveReportButton")
        self.save_button.clicked.connect(self.ask_and_save)
        self.saved_label = QLabel(self)
        self.saved_label.setObjectName("reportSavedLabel")
        self.saved_label.setWordWrap(True)
        row.addWidget(self.save_button)
        row.addWidget(self.saved_label, 1)
        layout.addLayout(row)

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Import finished"))
        self.setSubTitle(self.tr("The records are in the catalog and become findable in a moment."))
        self.save_button.setText(self.tr("&Save report…"))
        self.save_button.setToolTip(
            self.tr("Keep the report with the partner's file: as text, or as JSON for scripts")
        )
        if self._report is not None:
            self._show_summary(self._report)

    def show_report(self, report: ImportReport) -> None:
        self._report = report
        self.text.setPlainText(report_to_text(report))
        self.saved_label.clear()
        self._show_summary(report)

    def _show_summary(self, report: ImportReport) -> None:
        counts = report.plan.counts()
        parts = [self.tr("%Ln record(s) added", "", len(report.added_ids))]
        if report.updated_ids:
            parts.append(self.tr("%Ln updated", "", len(report.updated_ids)))
        if counts["skip"]:
            parts.append(self.tr("%Ln skipped", "", counts["skip"]))
        if counts["error"]:
            parts.append(self.tr("%Ln not imported because of errors", "", counts["error"]))
        self.summary.setText(", ".join(parts) + ".")

    def save_to(self, target: Path) -> bool:
        """Write the report (.json → JSON, else text); a failure is shown, not raised."""
        if self._report is None:
            return False
        try:
            save_report(self._report, target)
        except (OSError, LibraryError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            report_error(
                self,
                LibraryError(f"{target}: {reason}"),
                self.tr("The report was not saved."),
            )
            return False
        self.saved_label.setText(self.tr("Saved to {path}.").format(path=str(target)))
        return True

    def ask_and_save(self) -> bool:
        if self._report is None:
            return False
        text_filter = self.tr("Text report (*.txt)")
        json_filter = self.tr("JSON report (*.json)")
        path = self._report.plan.path
        suggested = path.with_name(path.stem + self.tr("-import-report") + ".txt")
        name, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the import report"),
            str(suggested),
            f"{text_filter};;{json_filter}",
        )
        if not name:
            return False
        target = Path(name)
        if not target.suffix:
            target = target.with_suffix(".json" if chosen == json_filter else ".txt")
        return self.save_to(target)
