"""The options of a printed product as a form, built from its options dataclass.

Each product (``reports.products``) describes its choices as a dataclass; the form follows the
fields' types, so a new option shows up in the print dialog without a change here: ``bool`` is
a check box, a ``Literal`` or an ``Enum`` a drop-down list, ``int`` and ``float`` spin boxes,
``str`` a line, ``date`` a date field, a tuple of strings a comma-separated line; ``X | None``
adds an empty choice ("—").  A field's ``metadata`` may refine it: ``min``, ``max``, ``step``,
``suffix``, ``choices`` (the allowed values), ``hidden`` (not shown: the program sets it).

Known fields and values get a translated label (``field_label``, ``value_label``); an unknown
one is shown by its name ("include_notes" → "Include notes") until it is added there.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime
import enum
import json
import types
import typing
from collections.abc import Callable, Collection, Mapping
from typing import Any, Literal, get_args, get_origin

from PySide6.QtCore import QDate, QEvent, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from library_app.core.errors import InputError

COMBO_CHARACTERS = 22
NO_DATE = QDate(1900, 1, 1)
"""The date field's "no date" value, shown as "—"."""


@dataclasses.dataclass(frozen=True)
class FieldSpec:
    """What the form needs to know about one option."""

    name: str
    kind: str  # "bool", "int", "float", "str", "date", "choice", "multi", "strings"
    default: Any
    optional: bool = False
    choices: tuple[Any, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    step: float | None = None
    suffix: str = ""


KNOWN_RANGES: dict[str, tuple[float, float, float, str]] = {
    "font_size": (5, 14, 0.5, " pt"),
    "min_font_size": (5, 14, 0.5, " pt"),
    "offset_x_mm": (-20, 20, 0.1, " mm"),
    "offset_y_mm": (-20, 20, 0.1, " mm"),
    "start_at": (1, 500, 1, ""),
    "columns": (1, 2, 1, ""),
}
"""(minimum, maximum, step, suffix) of numeric options known by name."""


def known_choices(name: str, default: Any) -> tuple[Any, ...]:
    """The values of a plain ``str`` option (or tuple of them) whose name says what it holds;
    a product may declare ``choices`` in the field's metadata instead."""
    from library_app.reports.citation import STYLES

    known: dict[str, tuple[str, ...]] = {
        "style": STYLES,
        "group_by": ("none", "subject", "type", "language", "year"),
        "order": ("alphabetical", "year"),
        "page_size": ("A4", "A5"),
        "orientation": ("portrait", "landscape"),
        "language": ("", "ru", "en") if default == "" else ("ru", "en"),
        "layout": ("sheet", "single"),
        "classification": ("bbk", "udc", "local"),
        "added_entries": ("coauthor", "title", "subject"),
    }
    return known.get(name, ())


def describe_fields(
    options_class: type,
    choices: Mapping[str, tuple[Any, ...]] | None = None,
    hidden: Collection[str] = (),
) -> list[FieldSpec]:
    """The fields of ``options_class`` the form can show, in declaration order; ``choices``
    narrows the values of named fields (cards take GOST styles only); ``hidden`` are set
    elsewhere (the labels' printer offsets)."""
    hints = typing.get_type_hints(options_class)
    specs = []
    for field in dataclasses.fields(options_class):
        if not field.init or field.metadata.get("hidden") or field.name in hidden:
            continue
        spec = _spec(field, hints.get(field.name, Any), (choices or {}).get(field.name))
        if spec is not None:
            specs.append(spec)
    return specs


def _default(field: dataclasses.Field[Any]) -> Any:
    if field.default is not dataclasses.MISSING:
        return field.default
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory()
    return None


def _spec(
    field: dataclasses.Field[Any], hint: Any, narrowed: tuple[Any, ...] | None
) -> FieldSpec | None:
    optional = False
    if get_origin(hint) in (typing.Union, types.UnionType):
        members = [a for a in get_args(hint) if a is not type(None)]
        optional = len(members) < len(get_args(hint))
        if len(members) != 1 and str not in members:
            return None
        hint = members[0] if len(members) == 1 else str  # "a4-3x8" | SheetTemplate: the name
    meta, default = field.metadata, _default(field)
    low, high, step, suffix = KNOWN_RANGES.get(field.name, (None, None, None, ""))
    common: dict[str, Any] = {
        "name": field.name,
        "default": default,
        "optional": optional,
        "minimum": meta.get("min", low),
        "maximum": meta.get("max", high),
        "step": meta.get("step", step),
        "suffix": meta.get("suffix", suffix),
    }
    many = get_origin(hint) in (tuple, list)
    if many and not set(get_args(hint)) <= {str, Ellipsis}:
        return None
    choices = narrowed or tuple(meta.get("choices", ())) or known_choices(field.name, default)
    if many:
        if choices and set(default or ()) <= set(choices):
            return FieldSpec(kind="multi", choices=choices, **common)
        return FieldSpec(kind="strings", **common)
    if get_origin(hint) is Literal:
        return FieldSpec(kind="choice", choices=narrowed or get_args(hint), **common)
    if isinstance(hint, type) and issubclass(hint, enum.Enum):
        return FieldSpec(kind="choice", choices=tuple(hint), **common)
    if choices and ((hint is str and default in choices) or "choices" in meta or narrowed):
        return FieldSpec(kind="choice", choices=choices, **common)
    kinds = {bool: "bool", int: "int", float: "float", str: "str", datetime.date: "date"}
    if hint in kinds:
        return FieldSpec(kind=kinds[hint], **common)
    return None


class ChoiceChecks(QWidget):
    """Several values out of a few: one check box each (the cards' added entries)."""

    changed = Signal()

    def __init__(self, choices: tuple[Any, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[Any, QCheckBox] = {}
        for value in choices:
            box = QCheckBox(self)
            box.toggled.connect(lambda _on: self.changed.emit())
            self.boxes[value] = box
            layout.addWidget(box)

    def checked(self) -> tuple[Any, ...]:
        return tuple(value for value, box in self.boxes.items() if box.isChecked())

    def set_checked(self, values: Any) -> None:
        chosen = set(values or ())
        for value, box in self.boxes.items():
            box.setChecked(value in chosen)


class OptionsPanel(QWidget):
    """A form for one options dataclass; ``options()`` makes the instance the builder takes."""

    changed = Signal()
    """The librarian changed an option (the preview is rebuilt after a pause)."""

    def __init__(
        self,
        options_class: type,
        parent: QWidget | None = None,
        *,
        choices: Mapping[str, tuple[Any, ...]] | None = None,
        hidden: Collection[str] = (),
    ) -> None:
        super().__init__(parent)
        self.options_class = options_class
        self.specs = describe_fields(options_class, choices, hidden)
        self.editors: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}
        self._form = QFormLayout(self)
        self._form.setContentsMargins(0, 0, 0, 0)
        for spec in self.specs:
            editor = self._editor(spec)
            editor.setObjectName(f"option_{spec.name}")
            self.editors[spec.name] = editor
            if spec.kind == "bool":
                self._form.addRow(editor)
            else:
                label = QLabel(self)
                label.setBuddy(editor)
                self._labels[spec.name] = label
                self._form.addRow(label, editor)
            self.set_value(spec.name, spec.default)
        self.retranslate_ui()

    # --- building -----------------------------------------------------------------------------

    def _editor(self, spec: FieldSpec) -> QWidget:
        notify: Callable[..., None] = lambda *_args: self.changed.emit()  # noqa: E731
        if spec.kind == "bool":
            box = QCheckBox(self)
            box.toggled.connect(notify)
            return box
        if spec.kind == "multi":
            checks = ChoiceChecks(spec.choices, self)
            checks.changed.connect(notify)
            return checks
        if spec.kind == "choice":
            combo = QComboBox(self)
            # Long choices (label kinds) must not widen the whole form; the list shows them.
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(COMBO_CHARACTERS)
            if spec.optional:
                combo.addItem("—", None)
            for value in spec.choices:
                combo.addItem(str(value), value)
            combo.currentIndexChanged.connect(notify)
            return combo
        if spec.kind == "int":
            spin = QSpinBox(self)
            low = int(spec.minimum if spec.minimum is not None else _int_floor(spec.default))
            high = int(spec.maximum if spec.maximum is not None else 100_000)
            spin.setRange(low - 1 if spec.optional else low, high)
            if spec.optional:
                spin.setSpecialValueText("—")
            spin.setSingleStep(int(spec.step or 1))
            spin.valueChanged.connect(notify)
            return spin
        if spec.kind == "float":
            double = QDoubleSpinBox(self)
            double.setDecimals(1 if spec.step is None or spec.step >= 0.1 else 2)
            low = spec.minimum if spec.minimum is not None else -1000.0
            double.setRange(low, spec.maximum if spec.maximum is not None else 1000.0)
            double.setSingleStep(spec.step or 0.5)
            double.valueChanged.connect(notify)
            return double
        if spec.kind == "date":
            edit = QDateEdit(self)
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.setMinimumDate(NO_DATE)
            edit.setSpecialValueText("—")
            edit.dateChanged.connect(notify)
            return edit
        line = QLineEdit(self)
        line.textChanged.connect(notify)
        return line

    def retranslate_ui(self) -> None:
        for spec in self.specs:
            editor = self.editors[spec.name]
            text = self.field_label(spec.name)
            if isinstance(editor, QCheckBox):
                editor.setText(text)
            else:
                self._labels[spec.name].setText(text + ":")
            if isinstance(editor, ChoiceChecks):
                for value, box in editor.boxes.items():
                    box.setText(self.value_label(spec.name, value))
            if isinstance(editor, QComboBox):
                for index in range(editor.count()):
                    value = editor.itemData(index)
                    if value is not None:
                        editor.setItemText(index, self.value_label(spec.name, value))
            if isinstance(editor, QSpinBox | QDoubleSpinBox) and spec.suffix:
                editor.setSuffix(self.unit(spec.suffix))
            tip = self.field_tip(spec.name)
            if tip:
                editor.setToolTip(tip)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    # --- values -------------------------------------------------------------------------------

    def value(self, name: str) -> Any:
        spec = next(s for s in self.specs if s.name == name)
        editor = self.editors[name]
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, ChoiceChecks):
            return editor.checked()
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QSpinBox):
            if spec.optional and editor.value() == editor.minimum():
                return None
            return editor.value()
        if isinstance(editor, QDoubleSpinBox):
            return editor.value()
        if isinstance(editor, QDateEdit):
            date = editor.date()
            return None if date == NO_DATE else datetime.date(date.year(), date.month(), date.day())
        assert isinstance(editor, QLineEdit)
        text = editor.text().strip()
        if spec.kind == "strings":
            return tuple(part.strip() for part in text.split(",") if part.strip())
        return None if spec.optional and not text else text

    def set_value(self, name: str, value: Any) -> None:
        editor = self.editors[name]
        if isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, ChoiceChecks):
            editor.set_checked(value)
        elif isinstance(editor, QComboBox):
            index = editor.findData(value)
            if index >= 0:
                editor.setCurrentIndex(index)
        elif isinstance(editor, QSpinBox):
            editor.setValue(editor.minimum() if value is None else int(value))
        elif isinstance(editor, QDoubleSpinBox):
            editor.setValue(float(value or 0))
        elif isinstance(editor, QDateEdit):
            if isinstance(value, datetime.date):
                editor.setDate(QDate(value.year, value.month, value.day))
            else:
                editor.setDate(NO_DATE)
        elif isinstance(editor, QLineEdit):
            if isinstance(value, tuple | list):
                value = ", ".join(str(v) for v in value)
            editor.setText("" if value is None else str(value))

    def options(self) -> Any:
        """The options as chosen; InputError names what the product does not accept."""
        values = {spec.name: self.value(spec.name) for spec in self.specs}
        try:
            return self.options_class(**values)
        except (ValueError, TypeError) as error:
            raise InputError(str(error)) from None

    def save_state(self) -> str:
        """The values as JSON text, to offer them again next time."""
        return json.dumps({spec.name: _plain(self.value(spec.name)) for spec in self.specs})

    def restore_state(self, text: str) -> None:
        """Values saved by ``save_state``; unknown or unusable ones are skipped."""
        try:
            saved = json.loads(text)
        except ValueError:
            return
        if not isinstance(saved, dict):
            return
        blocked = self.signalsBlocked()
        self.blockSignals(True)
        try:
            for spec in self.specs:
                if spec.name in saved:
                    with contextlib.suppress(TypeError, ValueError):
                        self.set_value(spec.name, _unplain(spec, saved[spec.name]))
        finally:
            self.blockSignals(blocked)

    # --- texts --------------------------------------------------------------------------------

    def field_label(self, name: str) -> str:
        """The translated label of a known option; unknown ones by their name."""
        labels = {
            "title": self.tr("Title"),
            "compiler": self.tr("Compiled by"),
            "organisation": self.tr("Organisation"),
            "place": self.tr("Place"),
            "year": self.tr("Year"),
            "introduction": self.tr("Introduction"),
            "style": self.tr("Reference style"),
            "group_by": self.tr("Group by"),
            "order": self.tr("Order"),
            "cyrillic_first": self.tr("Cyrillic entries before Latin ones"),
            "author_index": self.tr("Author index"),
            "subject_index": self.tr("Subject index"),
            "columns": self.tr("Columns"),
            "page_size": self.tr("Paper size"),
            "landscape": self.tr("Landscape pages"),
            "language": self.tr("Language of headings"),
            "layout": self.tr("Layout"),
            "added_entries": self.tr("Added entry cards"),
            "classification": self.tr("Class index"),
            "annotation": self.tr("Annotation"),
            "font_size": self.tr("Font size"),
            "min_font_size": self.tr("Smallest font size"),
            "hole_guide": self.tr("Outline the rod hole"),
            "template": self.tr("Label sheet"),
            "kind": self.tr("Labels"),
            "start_at": self.tr("Start at label"),
            "offset_x_mm": self.tr("Shift right"),
            "offset_y_mm": self.tr("Shift down"),
            "outlines": self.tr("Outline each label (plain paper)"),
            "heading": self.tr("Above the barcode"),
            "include_withdrawn": self.tr("Also lost and written-off copies"),
            "date_from": self.tr("Acquired from"),
            "date_to": self.tr("Acquired to"),
            "inventory_from": self.tr("Inventory numbers from"),
            "inventory_to": self.tr("Inventory numbers to"),
            "charts": self.tr("Charts"),
        }
        return labels.get(name) or name.replace("_", " ").strip().capitalize()

    def unit(self, suffix: str) -> str:
        units = {" mm": self.tr(" mm"), " pt": self.tr(" pt")}
        return units.get(suffix, suffix)

    def field_tip(self, name: str) -> str:
        tips = {
            "title": self.tr("Empty: the usual heading of the document"),
            "language": self.tr("The language of the words the program prints around the data"),
            "start_at": self.tr("The first free label of a partly used sheet, counted by rows"),
            "heading": self.tr("Empty: the record's title"),
            "min_font_size": self.tr(
                "Text that does not fit is set smaller down to this size, then continues on "
                "another card"
            ),
            "hole_guide": self.tr("For punching plain card stock"),
        }
        return tips.get(name, "")

    def value_label(self, name: str, value: Any) -> str:
        """The translated name of a known choice of option ``name``; others as written."""
        raw = value.value if isinstance(value, enum.Enum) else value
        per_field = {
            "added_entries": {
                "coauthor": self.tr("Co-authors and other contributors"),
                "title": self.tr("Title"),
                "subject": self.tr("Subject headings"),
            },
            "kind": {
                "spine": self.tr("Spine labels"),
                "barcode": self.tr("Barcode labels"),
                "both": self.tr("Spine and barcode labels"),
            },
            "group_by": {"none": self.tr("No grouping")},
        }
        if name == "template" and isinstance(raw, str):
            return self._template_label(raw)
        labels = {
            "gost-r-7.0.100-2018": self.tr("GOST R 7.0.100-2018"),
            "gost-7.1-2003": self.tr("GOST 7.1-2003"),
            "gost-r-7.0.5-2008": self.tr("GOST R 7.0.5-2008 (reference)"),
            "apa": self.tr("APA 7"),
            "": self.tr("As the records suggest"),
            "ru": self.tr("Russian"),
            "en": self.tr("English"),
            "alphabetical": self.tr("Alphabetical"),
            "year": self.tr("By year"),
            "subject": self.tr("By subject"),
            "type": self.tr("By type of material"),
            "language": self.tr("By language"),
            "portrait": self.tr("Portrait"),
            "landscape": self.tr("Landscape"),
            "sheet": self.tr("Four cards to an A4 sheet, with cut marks"),
            "single": self.tr("One card per page (card printer)"),
            "bbk": self.tr("BBK"),
            "udc": self.tr("UDC"),
            "local": self.tr("Local classification"),
        }
        labels.update(per_field.get(name, {}))
        if isinstance(raw, str) and raw in labels:
            return labels[raw]
        return str(raw)

    def _template_label(self, name: str) -> str:
        """A label sheet by what is on it: «A4, 3 × 8 labels of 70 × 37 mm»."""
        try:
            from library_app.reports.labels import TEMPLATES
        except ImportError:
            return name
        sheet = TEMPLATES.get(name)
        if sheet is None:
            return name
        return self.tr("{columns} × {rows} labels of {width} × {height} mm").format(
            columns=sheet.columns,
            rows=sheet.rows,
            width=f"{sheet.label_width_mm:g}",
            height=f"{sheet.label_height_mm:g}",
        )


def _int_floor(default: Any) -> int:
    return min(0, int(default)) if isinstance(default, int) else 0


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, tuple):
        return list(value)
    return value


def _unplain(spec: FieldSpec, value: Any) -> Any:
    if spec.kind == "choice":
        for choice in spec.choices:
            if _plain(choice) == value:
                return choice
        return None if spec.optional else spec.default
    if spec.kind == "date" and isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return value
