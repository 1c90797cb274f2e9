"""Batch edit: one change to all selected records — add or remove a subject, move every copy,
set their status — saved as one transaction in the background.

The dialog only gathers the change; ``services.batch_edit`` applies it.  If anything fails the
dialog stays open with what was typed, so the librarian can fix the cause and apply again.
"""

from __future__ import annotations

from collections.abc import Sequence

import shiboken6
from PySide6.QtCore import QEvent, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from library_app.core.model import CopyStatus
from library_app.core.progress import CancelCheck, ProgressCallback
from library_app.db.catalog import Catalog
from library_app.db.values import ValueKind, suggest_texts
from library_app.gui.labels import copy_status_name
from library_app.gui.tasks import BackgroundTask
from library_app.services.batch_edit import BatchChange, apply_batch

SUBJECT_SEPARATOR = ";"
SUGGESTED_SUBJECTS = 500


def split_subjects(text: str) -> list[str]:
    """ "Экология; Водные ресурсы" → ["Экология", "Водные ресурсы"]."""
    return [part.strip() for part in text.split(SUBJECT_SEPARATOR) if part.strip()]


class BatchEditDialog(QDialog):
    """Applies one change to the records ``record_ids`` of ``catalog``; all of them or none."""

    applied = Signal(int)
    """The change was saved; the number of records it actually changed."""

    task_launched = Signal(object)
    """A BackgroundTask is about to start (the main window and tests follow it)."""

    def __init__(
        self, catalog: Catalog, record_ids: Sequence[int], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("BatchEditDialog")
        self._catalog = catalog
        self._ids = list(dict.fromkeys(record_ids))
        self._task: BackgroundTask | None = None
        self._build()
        self.retranslate_ui()
        self._update_state()
        self.setMinimumWidth(480)
        self._load_subjects()

    @property
    def record_ids(self) -> list[int]:
        return list(self._ids)

    # --- building -----------------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setObjectName("batchHeading")
        self.heading.setWordWrap(True)
        layout.addWidget(self.heading)

        form = QFormLayout()
        self.add_subject_label = QLabel(self)
        self.add_subject_edit = QLineEdit(self)
        self.add_subject_edit.setObjectName("addSubjectEdit")
        self.remove_subject_label = QLabel(self)
        self.remove_subject_edit = QLineEdit(self)
        self.remove_subject_edit.setObjectName("removeSubjectEdit")
        self.location_label = QLabel(self)
        self.location_edit = QLineEdit(self)
        self.location_edit.setObjectName("locationEdit")
        self.shelf_mark_label = QLabel(self)
        self.shelf_mark_edit = QLineEdit(self)
        self.shelf_mark_edit.setObjectName("shelfMarkEdit")
        self.status_label = QLabel(self)
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("statusCombo")
        self.status_combo.addItem("", None)  # "leave as it is", named in retranslate_ui
        for status in CopyStatus:
            self.status_combo.addItem("", status.value)
        for label, field in (
            (self.add_subject_label, self.add_subject_edit),
            (self.remove_subject_label, self.remove_subject_edit),
            (self.location_label, self.location_edit),
            (self.shelf_mark_label, self.shelf_mark_edit),
            (self.status_label, self.status_combo),
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        layout.addLayout(form)

        self.subjects_model = QStringListModel(self)
        for edit in (self.add_subject_edit, self.remove_subject_edit):
            completer = QCompleter(self.subjects_model, edit)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            edit.setCompleter(completer)

        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.problem = QLabel(self)
        self.problem.setObjectName("batchProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setVisible(False)
        self.outcome = QLabel(self)
        self.outcome.setObjectName("batchOutcome")
        self.outcome.setWordWrap(True)
        layout.addWidget(self.hint)
        layout.addWidget(self.problem)
        layout.addWidget(self.outcome)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button.setObjectName("applyButton")
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        for edit in (
            self.add_subject_edit,
            self.remove_subject_edit,
            self.location_edit,
            self.shelf_mark_edit,
        ):
            edit.textChanged.connect(self._update_state)
        self.status_combo.currentIndexChanged.connect(self._update_state)

    def retranslate_ui(self) -> None:
        """Set every visible text; runs again whenever the interface language changes."""
        count = len(self._ids)
        self.setWindowTitle(self.tr("Change %n record(s)", "", count))
        self.heading.setText(
            self.tr(
                "The change is made to all %n selected record(s) together, or, if any of them "
                "cannot take it, to none.",
                "",
                count,
            )
        )
        self.add_subject_label.setText(self.tr("&Add subject:"))
        self.remove_subject_label.setText(self.tr("&Remove subject:"))
        self.location_label.setText(self.tr("&Location of all copies:"))
        self.shelf_mark_label.setText(self.tr("S&helf mark of all copies:"))
        self.status_label.setText(self.tr("&Status of all copies:"))
        self.status_combo.setItemText(0, self.tr("(leave as it is)"))
        for index in range(1, self.status_combo.count()):
            self.status_combo.setItemText(
                index, copy_status_name(self.status_combo.itemData(index))
            )
        placeholder = self.tr("leave as it is")
        self.location_edit.setPlaceholderText(placeholder)
        self.shelf_mark_edit.setPlaceholderText(placeholder)
        self.hint.setText(
            self.tr(
                "Several subjects: separate them with «;». Empty fields change nothing. "
                "Records that already look like this are left as they are."
            )
        )
        self.apply_button.setText(self.tr("&Apply"))
        self._update_state()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- the change ---------------------------------------------------------------------------

    def change(self) -> BatchChange:
        """The change the fields describe (empty fields leave their part alone)."""
        status = self.status_combo.currentData()
        return BatchChange(
            add_subjects=split_subjects(self.add_subject_edit.text()),
            remove_subjects=split_subjects(self.remove_subject_edit.text()),
            set_location=self.location_edit.text().strip() or None,
            set_shelf_mark=self.shelf_mark_edit.text().strip() or None,
            set_status=CopyStatus(status) if status else None,
        )

    def _update_state(self) -> None:
        change = self.change()
        problem = None if change.is_empty() else change.problem()
        if problem is not None:
            self.problem.setText(
                self.tr("This change cannot be made: {problem}").format(problem=problem)
            )
        self.problem.setVisible(problem is not None)
        busy = self._task is not None
        self.apply_button.setEnabled(not busy and bool(self._ids) and change.problem() is None)

    def _set_inputs_enabled(self, enabled: bool) -> None:
        for widget in (
            self.add_subject_edit,
            self.remove_subject_edit,
            self.location_edit,
            self.shelf_mark_edit,
            self.status_combo,
        ):
            widget.setEnabled(enabled)

    # --- applying -----------------------------------------------------------------------------

    def apply(self) -> BackgroundTask | None:
        """Save the change for every record in the background; None if there is nothing to do."""
        change = self.change()
        if self._task is not None or not self._ids or change.problem() is not None:
            return None
        catalog, ids = self._catalog, list(self._ids)

        def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> int:
            return apply_batch(catalog, ids, change, progress=progress, is_cancelled=is_cancelled)

        task = BackgroundTask(
            work,
            parent=self,
            title=self.tr("Change records"),
            label=self.tr("Changing %n record(s)…", "", len(ids)),
            error_context=self.tr("Nothing was changed."),
        )
        task.succeeded.connect(lambda changed: self._applied(changed))
        task.cancelled.connect(lambda: self._cancelled())
        task.finished.connect(lambda: self._finished())
        self._task = task
        self.outcome.clear()
        self._set_inputs_enabled(False)
        self._update_state()
        self.task_launched.emit(task)
        task.start()
        return task

    def _applied(self, changed: int) -> None:
        if shiboken6.isValid(self):
            self.applied.emit(changed)
            self.accept()

    def _cancelled(self) -> None:
        if shiboken6.isValid(self):
            self.outcome.setText(self.tr("Cancelled; nothing was changed."))

    def _finished(self) -> None:
        if shiboken6.isValid(self):
            self._task = None
            self._set_inputs_enabled(True)
            self._update_state()

    def reject(self) -> None:
        """While the change is being saved, Cancel/Escape asks it to stop instead of closing."""
        if self._task is not None:
            self._task.cancel()
            return
        super().reject()

    # --- suggestions --------------------------------------------------------------------------

    def _load_subjects(self) -> None:
        """Subjects the catalog already uses, for completion; quietly none if they cannot be
        read (typing works without them)."""
        catalog = self._catalog

        def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> list[str]:
            return suggest_texts(catalog, ValueKind.SUBJECT, "", limit=SUGGESTED_SUBJECTS)

        task = BackgroundTask(work, parent=self, show_progress=False, report_failures=False)
        task.succeeded.connect(lambda subjects: self._subjects_loaded(subjects))
        self.task_launched.emit(task)
        task.start()

    def _subjects_loaded(self, subjects: list[str]) -> None:
        if shiboken6.isValid(self):
            self.subjects_model.setStringList(subjects)
