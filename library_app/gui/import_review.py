"""The dry run page of the import wizard: what the import would do, decided before it is done.

``plan_import`` reads the file and decides for every record (add, update the catalog record it
duplicates, skip, or ask); nothing is written.  The page lists the records that are not simply
added — duplicates, unreadable records, records with warnings — with their number in the file,
so the librarian can find them there, and lets her decide duplicates one by one or many at once.
Its Import button then runs ``apply_import``: one transaction, all of the plan or nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWizard,
    QWizardPage,
)

from library_app.core.progress import CancelCheck, ProgressCallback
from library_app.gui.tasks import BackgroundTask
from library_app.interchange.base import Severity
from library_app.interchange.duplicate_check import Duplicate
from library_app.interchange.importing import (
    Action,
    DuplicatePolicy,
    ImportPlan,
    ImportReport,
    PlannedRecord,
    apply_import,
    plan_import,
)

if TYPE_CHECKING:
    from library_app.gui.import_wizard import ImportWizard

POSITION_ROLE = Qt.ItemDataRole.UserRole
POLICIES = (DuplicatePolicy.SKIP, DuplicatePolicy.UPDATE, DuplicatePolicy.ADD, DuplicatePolicy.ASK)
UNDECIDED = QColor("#fff3c4")
FAILED = QColor("#fde0e0")


class ReviewPage(QWizardPage):
    """Duplicates policy, strict mode, the dry run and its findings; Import writes the plan."""

    checked = Signal()
    """A dry run ended (with a plan, or without one: cancelled or failed)."""

    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        self.plan: ImportPlan | None = None
        self._plan_options: tuple[DuplicatePolicy, bool, bool] | None = None
        self._again = False
        self.setCommitPage(True)

        layout = QVBoxLayout(self)
        options = QHBoxLayout()
        self.policy_label = QLabel(self)
        self.policy_combo = QComboBox(self)
        self.policy_combo.setObjectName("policyCombo")
        for policy in POLICIES:
            self.policy_combo.addItem("", policy.value)
        self.policy_label.setBuddy(self.policy_combo)
        self.strict_check = QCheckBox(self)
        self.strict_check.setObjectName("strictCheck")
        options.addWidget(self.policy_label)
        options.addWidget(self.policy_combo)
        options.addSpacing(16)
        options.addWidget(self.strict_check)
        self.copies_check = QCheckBox(self)
        self.copies_check.setObjectName("copiesCheck")
        self.copies_check.setChecked(True)
        options.addSpacing(16)
        options.addWidget(self.copies_check)
        options.addStretch(1)
        layout.addLayout(options)
        self.file_info = QLabel(self)
        self.file_info.setObjectName("planFileInfo")
        self.file_info.setWordWrap(True)
        layout.addWidget(self.file_info)
        self.summary = QLabel(self)
        self.summary.setObjectName("planSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)

        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("planTable")
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._update_decision_buttons)
        layout.addWidget(self.table, 1)

        decisions = QHBoxLayout()
        self.decide_label = QLabel(self)
        self.skip_button = QPushButton(self)
        self.skip_button.setObjectName("decideSkipButton")
        self.skip_button.clicked.connect(lambda: self.decide_selected(Action.SKIP))
        self.update_button = QPushButton(self)
        self.update_button.setObjectName("decideUpdateButton")
        self.update_button.clicked.connect(lambda: self.decide_selected(Action.UPDATE))
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("decideAddButton")
        self.add_button.clicked.connect(lambda: self.decide_selected(Action.ADD))
        decisions.addWidget(self.decide_label)
        for button in (self.skip_button, self.update_button, self.add_button):
            decisions.addWidget(button)
        decisions.addStretch(1)
        layout.addLayout(decisions)
        self.outcome = QLabel(self)
        self.outcome.setObjectName("planOutcome")
        self.outcome.setWordWrap(True)
        layout.addWidget(self.outcome)

        self.policy_combo.currentIndexChanged.connect(lambda _i: self._options_changed())
        self.strict_check.toggled.connect(lambda _on: self._options_changed())
        self.copies_check.toggled.connect(lambda _on: self._options_changed())
        wizard.busy_changed.connect(self._busy_changed)
        self._update_decision_buttons()

    def _busy_changed(self, busy: bool) -> None:
        self.policy_combo.setEnabled(not busy)
        self.strict_check.setEnabled(not busy)
        self.copies_check.setEnabled(not busy)
        self._update_decision_buttons()

    def retranslate_ui(self) -> None:
        self.setTitle(self.tr("Check before importing"))
        self.setSubTitle(
            self.tr(
                "Nothing has been written yet. The list shows the records that are not simply "
                "added: duplicates, records with problems, and why."
            )
        )
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Import"))
        self.policy_label.setText(self.tr("Records already in the &catalog:"))
        names = {
            DuplicatePolicy.SKIP: self.tr("Skip them (keep the catalog's record)"),
            DuplicatePolicy.UPDATE: self.tr("Update the catalog's record from the file"),
            DuplicatePolicy.ADD: self.tr("Add them anyway"),
            DuplicatePolicy.ASK: self.tr("Let me decide for each"),
        }
        for index, policy in enumerate(POLICIES):
            self.policy_combo.setItemText(index, names[policy])
        self.strict_check.setText(self.tr("&Strict: import nothing if any record has an error"))
        self.copies_check.setText(self.tr("Import the &copies the file describes"))
        self.copies_check.setToolTip(
            self.tr(
                "Clear it for records from a union catalogue: their copies are another library's."
            )
        )
        self.table.setHorizontalHeaderLabels(
            [self.tr("Record"), self.tr("Title"), self.tr("Action"), self.tr("Why")]
        )
        self.decide_label.setText(self.tr("Selected duplicates:"))
        self.skip_button.setText(self.tr("S&kip"))
        self.update_button.setText(self.tr("&Update catalog record"))
        self.add_button.setText(self.tr("&Add as new"))
        if self.plan is not None:
            self._show_plan()

    # --- options --------------------------------------------------------------------------------

    @property
    def policy(self) -> DuplicatePolicy:
        return DuplicatePolicy(self.policy_combo.currentData())

    def set_policy(self, policy: DuplicatePolicy) -> None:
        self.policy_combo.setCurrentIndex(self.policy_combo.findData(policy.value))

    def _options(self) -> tuple[DuplicatePolicy, bool, bool]:
        return self.policy, self.strict_check.isChecked(), self.copies_check.isChecked()

    def _options_changed(self) -> None:
        """Check again with the new options (after the running check, if one runs)."""
        if self._wizard.currentPage() is not self or self._wizard.report is not None:
            return
        if self._wizard.busy:
            self._again = True
            if self._wizard.task is not None:
                self._wizard.task.cancel()
            return
        self.check()

    # --- the dry run ----------------------------------------------------------------------------

    def initializePage(self) -> None:
        self.plan, self._plan_options = None, None
        self.table.setRowCount(0)
        self.check()

    def cleanupPage(self) -> None:
        self.plan, self._plan_options = None, None

    def check(self) -> BackgroundTask | None:
        """Read the file and plan the import in the background; nothing is written."""
        path, wizard = self._wizard.path, self._wizard
        if path is None or wizard.busy:
            return None
        catalog, format_id = wizard.catalog, wizard.format_id
        options = wizard.read_options()
        policy, strict, with_copies = self._options()

        def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> ImportPlan:
            return plan_import(
                catalog,
                path,
                format_id=format_id,
                options=options,
                policy=policy,
                strict=strict,
                with_copies=with_copies,
                progress=progress,
                is_cancelled=is_cancelled,
            )

        self.plan, self._plan_options, self._again = None, None, False
        self.summary.setText(self.tr("Reading {name}…").format(name=path.name))
        self.file_info.clear()
        self.outcome.clear()
        self.table.setRowCount(0)
        task = wizard.run(
            work,
            title=self.tr("Import records"),
            label=self.tr("Reading {name} and looking for duplicates…").format(name=path.name),
            error_context=self.tr("The file could not be read; nothing was imported."),
        )
        task.succeeded.connect(lambda plan: self._planned(plan, (policy, strict, with_copies)))
        task.cancelled.connect(self._check_cancelled)
        task.failed.connect(self._check_failed)
        task.finished.connect(self._check_finished)
        return task

    def _planned(self, plan: ImportPlan, options: tuple[DuplicatePolicy, bool, bool]) -> None:
        if shiboken6.isValid(self):
            self.plan, self._plan_options = plan, options
            self._show_plan()

    def _check_cancelled(self) -> None:
        if shiboken6.isValid(self) and not self._again:
            self.summary.setText(self.tr("The check was cancelled."))

    def _check_failed(self, error: BaseException) -> None:
        if shiboken6.isValid(self):
            self.summary.setText(
                self.tr("The file could not be read: {reason}").format(reason=str(error))
            )

    def _check_finished(self) -> None:
        if not shiboken6.isValid(self):
            return
        if self._again and not self._wizard.busy:
            self.check()
            return
        self.completeChanged.emit()
        self.checked.emit()

    # --- showing the plan -----------------------------------------------------------------------

    def _show_plan(self) -> None:
        plan = self.plan
        if plan is None:
            return
        self.file_info.setText(
            self.tr("{file}: {format}").format(file=plan.path.name, format=plan.format_label)
            + (
                ", " + self.tr("encoding {encoding}").format(encoding=plan.encoding)
                if plan.encoding
                else ""
            )
        )
        self._show_counts()
        rows = [item for item in plan.items if _listed(item)]
        self.table.setRowCount(len(plan.file_problems) + len(rows))
        for row, problem in enumerate(plan.file_problems):
            self._set_row(row, "—", "", self.tr("(the whole file)"), str(problem), None)
        offset = len(plan.file_problems)
        for row, item in enumerate(rows, start=offset):
            self._set_row(
                row,
                str(item.position),
                item.title,
                self.action_name(item.action),
                self._why(item),
                item,
            )
        self.table.resizeColumnToContents(0)
        self.table.resizeColumnToContents(2)
        self.table.setColumnWidth(1, 280)
        self._update_decision_buttons()

    def _set_row(
        self,
        row: int,
        position: str,
        title: str,
        action: str,
        why: str,
        item: PlannedRecord | None,
    ) -> None:
        colour = None
        if item is not None and item.action == Action.ASK:
            colour = UNDECIDED
        elif item is None or item.action == Action.ERROR:
            colour = FAILED
        for column, text in enumerate((position, title, action, why)):
            cell = QTableWidgetItem(text)
            cell.setToolTip(text)
            if item is not None:
                cell.setData(POSITION_ROLE, item.position)
            if colour is not None:
                cell.setBackground(QBrush(colour))
            self.table.setItem(row, column, cell)

    def _show_counts(self) -> None:
        plan = self.plan
        if plan is None:
            return
        counts = plan.counts()
        parts = [
            self.tr("%Ln record(s) in the file:", "", counts["records"]),
            self.tr("%Ln to add", "", counts["add"]),
        ]
        if counts["update"]:
            parts.append(self.tr("%Ln to update", "", counts["update"]))
        if counts["skip"]:
            parts.append(self.tr("%Ln to skip", "", counts["skip"]))
        if counts["ask"]:
            parts.append(self.tr("%Ln to decide", "", counts["ask"]))
        if counts["error"]:
            parts.append(self.tr("%Ln cannot be imported", "", counts["error"]))
        text = parts[0] + " " + ", ".join(parts[1:]) + "."
        if counts["warnings"]:
            text += " " + self.tr("%Ln warning(s).", "", counts["warnings"])
        self.summary.setText(text)
        if plan.strict and plan.blocking:
            self.outcome.setText(
                self.tr(
                    "Strict import: %Ln problem(s) stop it, so nothing would be imported. "
                    "Fix the file, or clear “Strict” to import the readable records.",
                    "",
                    len(plan.blocking),
                )
            )
        elif counts["ask"]:
            self.outcome.setText(
                self.tr(
                    "Decide what to do with the highlighted duplicates: select them and choose "
                    "Skip, Update or Add."
                )
            )
        elif not counts["add"] and not counts["update"]:
            self.outcome.setText(self.tr("There is nothing to import."))
        else:
            self.outcome.clear()

    def action_name(self, action: Action) -> str:
        names = {
            Action.ADD: self.tr("Add"),
            Action.UPDATE: self.tr("Update catalog record"),
            Action.SKIP: self.tr("Skip"),
            Action.ASK: self.tr("Undecided"),
            Action.ERROR: self.tr("Not imported"),
        }
        return names[action]

    def _why(self, item: PlannedRecord) -> str:
        parts = []
        if item.duplicate is not None:
            parts.append(self._duplicate_text(item.duplicate))
        for problem in item.problems:
            where = f"{problem.where}: " if problem.where else ""
            if problem.severity == Severity.WARNING:
                parts.append(self.tr("warning: {problem}").format(problem=where + problem.message))
            else:
                parts.append(where + problem.message)
        return "; ".join(parts)

    def _duplicate_text(self, duplicate: Duplicate) -> str:
        if duplicate.in_catalog:
            texts = {
                "isbn": self.tr("Same ISBN as catalog record {id} «{title}»"),
                "issn": self.tr("Same ISSN as catalog record {id} «{title}»"),
                "control number": self.tr("Same control number as catalog record {id} «{title}»"),
                "title": self.tr("Same title, author and year as catalog record {id} «{title}»"),
            }
        else:
            texts = {
                "isbn": self.tr("Same ISBN as record {position} of this file"),
                "issn": self.tr("Same ISSN as record {position} of this file"),
                "control number": self.tr("Same control number as record {position} of this file"),
                "title": self.tr("Same title, author and year as record {position} of this file"),
            }
        text = texts.get(duplicate.reason)
        if text is None:
            return duplicate.describe()
        return text.format(
            id=duplicate.record_id, title=duplicate.title[:60], position=duplicate.position
        )

    # --- deciding duplicates --------------------------------------------------------------------

    def selected_items(self) -> list[PlannedRecord]:
        if self.plan is None:
            return []
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        positions = [self.table.item(row, 0).data(POSITION_ROLE) for row in rows]
        return [self.plan.items[p - 1] for p in positions if p is not None]

    def select_positions(self, positions: list[int]) -> None:
        """Select the rows of these records (for keyboard-less callers and tests)."""
        self.table.clearSelection()
        mode = self.table.selectionMode()
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        for row in range(self.table.rowCount()):
            if self.table.item(row, 0).data(POSITION_ROLE) in positions:
                self.table.selectRow(row)
        self.table.setSelectionMode(mode)

    def decide_selected(self, action: Action) -> int:
        """Give the selected duplicates ``action``; returns how many took it (an update needs
        a duplicate in the catalog, an unreadable record takes nothing)."""
        if self.plan is None or self._wizard.busy:
            return 0
        decided = 0
        for item in self.selected_items():
            if item.duplicate is None or item.action == Action.ERROR:
                continue
            if action == Action.UPDATE and not item.duplicate.in_catalog:
                continue
            self.plan.decide(item.position, action)
            decided += 1
        if decided:
            selected = [item.position for item in self.selected_items()]
            self._show_plan()
            self.select_positions(selected)
            self.completeChanged.emit()
        return decided

    def _update_decision_buttons(self) -> None:
        items = [i for i in self.selected_items() if i.duplicate and i.action != Action.ERROR]
        usable = bool(items) and not self._wizard.busy
        self.skip_button.setEnabled(usable)
        self.add_button.setEnabled(usable)
        in_catalog = any(i.duplicate is not None and i.duplicate.in_catalog for i in items)
        self.update_button.setEnabled(usable and in_catalog)

    # --- importing ------------------------------------------------------------------------------

    def isComplete(self) -> bool:
        plan = self.plan
        if plan is None or self._wizard.busy or self._plan_options != self._options():
            return False
        if plan.strict and plan.blocking:
            return False
        counts = plan.counts()
        return not counts["ask"] and bool(counts["add"] or counts["update"])

    def validatePage(self) -> bool:
        """Import runs in the background: the wizard moves on when it has been written."""
        if self._wizard.report is not None:
            return True
        self.start_import()
        return False

    def start_import(self) -> BackgroundTask | None:
        plan, wizard = self.plan, self._wizard
        if plan is None or not self.isComplete():
            return None
        catalog, pattern = wizard.catalog, wizard.inventory_pattern
        total = plan.counts()["add"] + plan.counts()["update"]

        def work(progress: ProgressCallback, is_cancelled: CancelCheck) -> ImportReport:
            return apply_import(
                catalog,
                plan,
                inventory_pattern=pattern,
                progress=progress,
                is_cancelled=is_cancelled,
            )

        self.outcome.clear()
        task = wizard.run(
            work,
            title=self.tr("Import records"),
            label=self.tr("Writing %Ln record(s) to the catalog…", "", total),
            error_context=self.tr("Nothing was imported; the catalog is as it was."),
        )
        task.succeeded.connect(self._imported)
        task.cancelled.connect(self._import_cancelled)
        task.failed.connect(self._import_failed)
        self._update_decision_buttons()
        return task

    def _imported(self, report: ImportReport) -> None:
        if not shiboken6.isValid(self):
            return
        self._wizard.import_done(report)
        self._wizard.next()  # validatePage now lets it pass to the report

    def _import_cancelled(self) -> None:
        if shiboken6.isValid(self):
            self.outcome.setText(
                self.tr("The import was cancelled; nothing was written to the catalog.")
            )

    def _import_failed(self, error: BaseException) -> None:
        if shiboken6.isValid(self):
            self.outcome.setText(
                self.tr("Nothing was imported: {reason}").format(reason=str(error))
            )


def _listed(item: PlannedRecord) -> bool:
    """Worth a row: anything but a plain, problem-free addition."""
    return item.action != Action.ADD or bool(item.problems) or item.duplicate is not None
