"""The description form of the record editor: one form for every material type, showing the
fields that type needs, validating as the cataloguer types.

Fields are grouped in sections in the order a description is read (title, host item,
contributors, publication, physical description …); a field that only some types use (host item,
scale, project, funders) is hidden for the others but keeps what was typed, so switching the type
back brings it back.  A field that holds a value in the loaded record stays visible whatever the
type, so nothing imported is ever hidden and lost on saving.

Every change the user makes goes onto the editor's QUndoStack as a ``SetFieldCommand``; after
each one the record is rebuilt from the form (cheap: a few dozen values) and validated with
``core.validation``, and each problem is shown on the field or list row it names.
"""

from __future__ import annotations

import copy
import itertools

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from library_app.core import languages
from library_app.core.model import (
    ContributorRole,
    MaterialType,
    Record,
)
from library_app.core.validation import Problem, Severity, validate_record
from library_app.db.catalog import Catalog
from library_app.db.values import ValueKind
from library_app.gui import labels
from library_app.gui.editor.completion import Autocompleter, Completion, StaticCompleter
from library_app.gui.editor.list_editors import RowListEditor, mark_widget
from library_app.gui.editor.record_fields import (
    LIST_COLUMNS,
    Values,
    applies,
    has_content,
    list_columns,
    locate,
    record_from_values,
    values_from_record,
)
from library_app.gui.editor.undo import SetFieldCommand, UndoShortcutGuard

SECTIONS: list[tuple[str, tuple[str, ...]]] = [
    ("title", ("material_type", "title", "title_remainder", "parallel_titles", "responsibility")),
    ("host", ("host_title", "host_year", "host_volume", "host_issue", "host_pages")),
    ("contributors", ("contributors",)),
    ("publication", ("edition", "places", "publishers", "year")),
    ("physical", ("extent_pages", "extent_illustrations", "extent_dimensions", "scale")),
    ("series", ("series",)),
    ("project", ("project", "funders")),
    ("identification", ("languages", "identifiers", "classifications")),
    ("subjects", ("subjects", "geographic_names", "keywords")),
    ("notes", ("summary", "notes", "links")),
]
MIN_ONE_ROW = {"contributors", "places", "publishers", "languages", "identifiers", "subjects"}
"""Lists almost every record uses: an empty row is ready to type into."""
SCALAR_COMPLETION = {"host_title": ValueKind.HOST, "project": ValueKind.PROJECT}
LIST_COMPLETION = {
    "contributor": (ValueKind.PERSON, ValueKind.CORPORATE),
    "place": (ValueKind.PLACE,),
    "publisher": (ValueKind.PUBLISHER,),
    "series": (ValueKind.SERIES,),
    "subject": (ValueKind.SUBJECT,),
    "geographic": (ValueKind.GEOGRAPHIC,),
    "keyword": (ValueKind.KEYWORD,),
    "funder": (ValueKind.FUNDER,),
}
BODY_BUTTON_ROLES = {
    MaterialType.REPORT: ContributorRole.ISSUING_BODY,
    MaterialType.STANDARD: ContributorRole.ISSUING_BODY,
    MaterialType.PROCEEDINGS: ContributorRole.MEETING,
}


class RecordForm(QWidget):
    """The description of one record as a form; see the module docstring."""

    changed = Signal()
    """The form's content or its problems changed (after validation)."""

    def __init__(
        self, catalog: Catalog, undo_stack: QUndoStack, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("RecordForm")
        self._catalog = catalog
        self._undo_stack = undo_stack
        self._base = Record(title="")
        self._values: Values = {}
        self._applying = False
        self._generation = 0
        self._keep_shown: set[str] = set()
        self._template_title: str | None = None
        self._problems: list[Problem] = []
        self._unplaced: list[Problem] = []
        self._completions: dict[str, Completion] = {}
        self._autocompleters: list[Autocompleter] = []
        self.inputs: dict[str, QLineEdit | QPlainTextEdit | QComboBox] = {}
        self.lists: dict[str, RowListEditor] = {}
        self.problem_labels: dict[str, QLabel] = {}
        self._labels: dict[str, QLabel] = {}
        self._rows: dict[str, QWidget] = {}
        self._sections: dict[str, QGroupBox] = {}
        self.guard = UndoShortcutGuard(self)
        self.guard.focus_left.connect(self._end_merging)
        self._applying = True  # filling combo boxes is not an edit
        self._build()
        self._applying = False
        self.guard.guard(self)
        self.retranslate_ui()
        self.set_record(Record(title=""))

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(self.scroll)
        content = QWidget(self.scroll)
        column = QVBoxLayout(content)
        for name, keys in SECTIONS:
            box = QGroupBox(content)
            box.setObjectName(f"section_{name}")
            layout = QFormLayout(box)
            layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            for key in keys:
                label = QLabel(box)
                field = self._make_field(key, box)
                label.setBuddy(self.inputs.get(key) or self.lists[key])
                layout.addRow(label, field)
                self._labels[key], self._rows[key] = label, field
            if name == "contributors":
                self.body_button = QPushButton(box)
                self.body_button.setObjectName("addBodyButton")
                self.body_button.clicked.connect(self._add_body)
                self.body_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
                layout.addRow("", self.body_button)
            self._sections[name] = box
            column.addWidget(box)
        column.addStretch(1)
        self.scroll.setWidget(content)
        self.title_edit = self.inputs["title"]
        self.type_combo = self.inputs["material_type"]

    def _make_field(self, key: str, parent: QWidget) -> QWidget:
        if key in LIST_COLUMNS:
            editor = RowListEditor(
                key,
                list_columns(key),
                self._completion,
                min_rows=1 if key in MIN_ONE_ROW else 0,
                parent=parent,
            )
            editor.edited.connect(lambda merge, k=key: self._edited(k, merge))
            editor.structure_changed.connect(self._chain_tab_order)
            self.lists[key] = editor
            return editor
        box = QWidget(parent)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        widget: QLineEdit | QPlainTextEdit | QComboBox
        if key == "material_type":
            widget = QComboBox(box)
            for kind in MaterialType:
                widget.addItem("", kind.value)
            widget.currentIndexChanged.connect(lambda _i: self._edited("material_type", ""))
        elif key == "summary":
            widget = QPlainTextEdit(box)
            widget.setUndoRedoEnabled(False)  # the editor's stack is the only history
            widget.setTabChangesFocus(True)
            widget.setFixedHeight(widget.fontMetrics().lineSpacing() * 5 + 12)
            widget.textChanged.connect(lambda: self._edited("summary", "typing"))
        else:
            widget = QLineEdit(box)
            widget.textChanged.connect(lambda _t, k=key: self._edited(k, "typing"))
            if key in SCALAR_COMPLETION:
                self._completion(key).attach(widget)
        widget.setObjectName(f"field_{key}")
        message = QLabel(box)
        message.setObjectName(f"problem_{key}")
        message.setWordWrap(True)
        message.hide()
        layout.addWidget(widget)
        layout.addWidget(message)
        self.inputs[key] = widget
        self.problem_labels[key] = message
        return box

    def _completion(self, name: str) -> Completion | None:
        if name not in self._completions:
            if name == "language":
                self._completions[name] = StaticCompleter(self._language_texts, self)
            else:
                kinds = LIST_COMPLETION.get(name) or (SCALAR_COMPLETION[name],)
                completer = Autocompleter(self._catalog, kinds, self)
                completer.completer.setObjectName(f"completer_{name}")
                self._autocompleters.append(completer)
                self._completions[name] = completer
        return self._completions[name]

    def autocompleter(self, name: str) -> Autocompleter:
        """The catalog completer for ``name`` ("publisher", "contributor", "host_title" …)."""
        completion = self._completion(name)
        assert isinstance(completion, Autocompleter)
        return completion

    @staticmethod
    def _language_texts() -> list[str]:
        return sorted(labels.language_name(code) for code in languages.LANGUAGES)

    def shutdown(self) -> None:
        """Stop the completers' queries (before the window and its catalog go away)."""
        for completer in self._autocompleters:
            completer.shutdown()

    # --- texts ------------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        kind = self.material_type()
        titles = {
            "title": self.tr("Title and responsibility"),
            "host": self.tr("Published in (journal or collection)"),
            "contributors": self.tr("Authors and other contributors"),
            "publication": self.tr("Publication"),
            "physical": self.tr("Physical description"),
            "series": self.tr("Series"),
            "project": self.tr("Project and funding"),
            "identification": self.tr("Language and identifiers"),
            "subjects": self.tr("Subject access"),
            "notes": self.tr("Summary, notes and links"),
        }
        if kind == MaterialType.ARTICLE:
            titles["publication"] = self.tr("Publication (only if the host item needs it)")
        for name, box in self._sections.items():
            box.setTitle(titles[name])
        for key, label in self._labels.items():
            label.setText(self.label(key) + ":")
        for index in range(self.type_combo.count()):
            self.type_combo.setItemText(
                index, labels.material_type_name(self.type_combo.itemData(index))
            )
        role = BODY_BUTTON_ROLES.get(MaterialType(kind))
        if role == ContributorRole.MEETING:
            self.body_button.setText(self.tr("Add the conference"))
        else:
            self.body_button.setText(self.tr("Add the issuing body"))
        self.inputs["year"].setPlaceholderText(self.tr("2015, [2015?], 1998-2003"))
        self.inputs["scale"].setPlaceholderText(self.tr("1:1 000 000"))
        self.inputs["host_pages"].setPlaceholderText(self.tr("45-58"))
        for editor in self.lists.values():
            editor.retranslate_ui()
        language = self._completions.get("language")
        if isinstance(language, StaticCompleter):
            language.refresh()

    def label(self, key: str) -> str:
        """The field's name as the form shows it (depends on the material type a little)."""
        kind = self.material_type()
        if kind == MaterialType.THESIS and key == "publishers":
            return self.tr("Institution / publisher")
        if kind == MaterialType.MAP and key == "extent_pages":
            return self.tr("Extent (1 map, 4 sheets)")
        if kind == MaterialType.REPORT and key == "funders":
            return self.tr("Funders / donors")
        names = {
            "material_type": self.tr("Material type"),
            "title": self.tr("Title"),
            "title_remainder": self.tr("Other title information"),
            "parallel_titles": self.tr("Parallel titles"),
            "responsibility": self.tr("Statement of responsibility"),
            "host_title": self.tr("Journal or collection"),
            "host_year": self.tr("Year, in the host"),
            "host_volume": self.tr("Volume"),
            "host_issue": self.tr("Issue"),
            "host_pages": self.tr("Pages"),
            "contributors": self.tr("Contributors"),
            "edition": self.tr("Edition"),
            "places": self.tr("Places of publication"),
            "publishers": self.tr("Publishers"),
            "year": self.tr("Year"),
            "extent_pages": self.tr("Pages / extent"),
            "extent_illustrations": self.tr("Illustrations"),
            "extent_dimensions": self.tr("Dimensions"),
            "scale": self.tr("Scale"),
            "series": self.tr("Series"),
            "project": self.tr("Project"),
            "funders": self.tr("Funders"),
            "languages": self.tr("Languages"),
            "identifiers": self.tr("Identifiers"),
            "classifications": self.tr("Classification"),
            "subjects": self.tr("Subjects"),
            "geographic_names": self.tr("Geographic names"),
            "keywords": self.tr("Keywords"),
            "summary": self.tr("Summary"),
            "notes": self.tr("Notes"),
            "links": self.tr("Online links"),
        }
        return names.get(key, key)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- the record -------------------------------------------------------------------------

    def material_type(self) -> str:
        return str(self._values.get("material_type") or MaterialType.BOOK.value)

    def set_record(self, record: Record) -> None:
        """Show ``record`` (no undo step: the editor clears its history when it loads one)."""
        self._base = copy.deepcopy(record)
        values = values_from_record(record)
        self._applying = True
        try:
            for key, value in values.items():
                self._write(key, value)
        finally:
            self._applying = False
        self._values = {key: self._read(key) for key in values}
        self._keep_shown = {
            key
            for key, value in values.items()
            if has_content(value) and not applies(key, record.material_type)
        }
        self._template_title = None
        self._type_changed()

    def adopt_saved(self, record: Record) -> None:
        """The record was stored while the user kept typing: take its id, version and copies
        as the base of the draft, and keep what the form shows."""
        self._base = copy.deepcopy(record)
        self._refresh()

    def record(self) -> Record:
        """The draft: the loaded record with everything the form shows."""
        return record_from_values(self._base, self._values, self.is_shown).record

    def base_record(self) -> Record:
        """The record as it was loaded (or last saved)."""
        return copy.deepcopy(self._base)

    def is_shown(self, key: str) -> bool:
        return applies(key, self.material_type()) or key in self._keep_shown

    def mark_template(self, title: str) -> None:
        """The title was copied from another record: warn until it is changed, and select it."""
        self._template_title = title
        self.title_edit.selectAll()
        self._refresh()

    def problems(self) -> list[Problem]:
        """The current problems of the description (copies are the copies tab's business)."""
        return list(self._problems)

    def first_focus_widget(self) -> QWidget:
        return self.title_edit

    # --- reading and writing widgets --------------------------------------------------------

    def _read(self, key: str) -> object:
        if key in self.lists:
            return self.lists[key].value()
        widget = self.inputs[key]
        if isinstance(widget, QComboBox):
            return str(widget.currentData() or "")
        if isinstance(widget, QPlainTextEdit):
            return widget.toPlainText()
        return widget.text()

    def _write(self, key: str, value: object) -> None:
        if key in self.lists:
            self.lists[key].set_value(value)  # type: ignore[arg-type]
            return
        widget = self.inputs[key]
        if isinstance(widget, QComboBox):
            index = widget.findData(value)
            widget.setCurrentIndex(max(index, 0))
        elif isinstance(widget, QPlainTextEdit):
            if widget.toPlainText() != value:
                widget.setPlainText(str(value))
        elif widget.text() != value:
            widget.setText(str(value))
            widget.setCursorPosition(0)

    # --- changes and undo -------------------------------------------------------------------

    def _edited(self, key: str, merge: str) -> None:
        """The user changed ``key``: record it on the undo stack and revalidate."""
        if self._applying:
            return
        new, old = self._read(key), self._values.get(key)
        if new == old:
            return
        self._values[key] = new
        merge_key = f"{key}/{merge}/{self._generation}" if merge else ""
        text = self.tr("Edit {field}").format(field=self.label(key))
        self._undo_stack.push(SetFieldCommand(self, key, old, new, text, merge_key))
        if key == "material_type":
            self._type_changed()
        else:
            self._refresh()

    def apply_field_value(self, key: str, value: object) -> None:
        """Undo or redo: put ``value`` back into the field and show where it changed."""
        self._applying = True
        try:
            self._write(key, value)
        finally:
            self._applying = False
        self._values[key] = self._read(key)
        self._end_merging()
        if key == "material_type":
            self._type_changed()
        else:
            self._refresh()
        widget = self._rows.get(key)
        if widget is not None and widget.isVisible():
            self.scroll.ensureWidgetVisible(widget)

    def _end_merging(self) -> None:
        """The next typing starts a new undo step (the focus moved, or undo/redo ran)."""
        self._generation += 1

    def _type_changed(self) -> None:
        kind = MaterialType(self.material_type())
        for name, keys in SECTIONS:
            box = self._sections[name]
            layout = box.layout()
            assert isinstance(layout, QFormLayout)
            for key in keys:
                layout.setRowVisible(self._rows[key], self.is_shown(key))
            box.setVisible(any(self.is_shown(key) for key in keys))
        body_layout = self._sections["contributors"].layout()
        assert isinstance(body_layout, QFormLayout)
        body_layout.setRowVisible(self.body_button, kind in BODY_BUTTON_ROLES)
        self.retranslate_ui()
        self._chain_tab_order()
        self._refresh()

    def _add_body(self) -> None:
        """Name the issuing body (reports, standards) or the conference (proceedings)."""
        role = BODY_BUTTON_ROLES.get(MaterialType(self.material_type()))
        if role is None:
            return
        editor = self.lists["contributors"]
        rows = editor.value()
        if len(rows) == 1 and editor.is_blank(rows[0]):
            editor.cell(0, "role").setCurrentIndex(editor.cell(0, "role").findData(role.value))
            editor.cell(0, "name").setFocus()
        else:
            editor.add_row(("", "", role.value, ""))

    def _chain_tab_order(self) -> None:
        """Tab walks the form top to bottom, also through list rows added later."""
        chain: list[QWidget] = []
        for _name, keys in SECTIONS:
            for key in keys:
                if key in self.lists:
                    chain += self.lists[key].focus_widgets()
                else:
                    chain.append(self.inputs[key])
            if _name == "contributors":
                chain.append(self.body_button)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    # --- validation -------------------------------------------------------------------------

    def _refresh(self) -> None:
        draft = record_from_values(self._base, self._values, self.is_shown)
        problems = [p for p in validate_record(draft.record) if not p.field.startswith("copies")]
        problems += draft.problems
        if self._template_title is not None and self._values.get("title") == self._template_title:
            problems.append(
                Problem(
                    "title",
                    self.tr("copied from the template; change it to this work's title"),
                    Severity.WARNING,
                )
            )
        self._problems = problems
        self._show_problems(problems, draft.rows)
        self.changed.emit()

    def _show_problems(self, problems: list[Problem], rows: dict[str, list[int]]) -> None:
        on_fields: dict[str, list[Problem]] = {}
        on_rows: dict[str, dict[int, list[tuple[Severity, str]]]] = {}
        general: dict[str, list[tuple[Severity, str]]] = {}
        self._unplaced = []
        for problem in problems:
            key, index, _sub = locate(problem.field)
            if key in self.lists:
                form_rows = rows.get(key, [])
                if index is not None and index < len(form_rows):
                    found = on_rows.setdefault(key, {}).setdefault(form_rows[index], [])
                    found.append((problem.severity, problem.message))
                else:
                    general.setdefault(key, []).append((problem.severity, problem.message))
            elif key in self.inputs:
                on_fields.setdefault(key, []).append(problem)
            else:
                self._unplaced.append(problem)
        for key, editor in self.lists.items():
            editor.show_problems(on_rows.get(key, {}), general.get(key, []))
        for key, message_label in self.problem_labels.items():
            found = on_fields.get(key, [])
            errors = [p for p in found if p.severity == Severity.ERROR]
            severity = Severity.ERROR if errors else (Severity.WARNING if found else None)
            text = "\n".join(p.message for p in found)
            mark_widget(self.inputs[key], severity, text)
            mark_widget(message_label, severity)
            message_label.setText(text)
            message_label.setVisible(bool(found))
