"""The fields of the record form: which material types use which, and the conversion between a
``Record`` and the form's plain values.

The form holds every field as a plain value — a text, a code, or the rows of a list as tuples
of strings — which is what the widgets show and what undo commands store.  This module turns
those values into a ``Record`` (dropping empty rows, resolving language names to codes, parsing
access dates) and remembers which form row each list item came from, so a validation problem
such as ``identifiers[1]`` is shown on the row the cataloguer typed it in.  It also says in
which columns each list is edited.  No widgets are made here.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from library_app.core import languages
from library_app.core.model import (
    Classification,
    ClassificationScheme,
    Contributor,
    ContributorRole,
    Extent,
    HostItem,
    Identifier,
    IdentifierType,
    MaterialType,
    OnlineLink,
    ParallelTitle,
    Record,
    Series,
)
from library_app.core.validation import Problem, Severity
from library_app.db.values import Suggestion, split_person
from library_app.gui import labels
from library_app.gui.editor.list_editors import Column

HOST_KEYS = ("host_title", "host_year", "host_volume", "host_issue", "host_pages")
EXTENT_KEYS = ("extent_pages", "extent_illustrations", "extent_dimensions")
TEXT_KEYS = (
    "title",
    "title_remainder",
    "responsibility",
    "edition",
    "year",
    *EXTENT_KEYS,
    "scale",
    "summary",
    "project",
    *HOST_KEYS,
)
"""Single-valued text fields, by key; ``material_type`` is the one other scalar."""

STRING_LISTS = (
    "places",
    "publishers",
    "languages",
    "subjects",
    "geographic_names",
    "keywords",
    "notes",
    "funders",
)
LIST_COLUMNS: dict[str, tuple[str, ...]] = {
    "parallel_titles": ("title", "language"),
    "contributors": ("name", "forenames", "role", "name_other_script"),
    "series": ("title", "number"),
    "identifiers": ("type", "value", "qualifier"),
    "classifications": ("scheme", "value"),
    "links": ("url", "access_date", "note"),
    **{name: ("value",) for name in STRING_LISTS},
}

ONLY_FOR: dict[str, frozenset[MaterialType]] = {
    **{key: frozenset({MaterialType.ARTICLE}) for key in HOST_KEYS},
    "scale": frozenset({MaterialType.MAP}),
    "project": frozenset({MaterialType.REPORT}),
    "funders": frozenset({MaterialType.REPORT}),
}
"""Fields only some material types need; every other field is shown for all of them."""

_PATH = re.compile(r"^(?P<head>[a-z_]+)(?:\[(?P<index>\d+)\])?(?:\.(?P<sub>[a-z_]+))?")
_DOTTED_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")

Values = dict[str, object]


def applies(key: str, material_type: str) -> bool:
    """Whether a record of this type normally has the field."""
    types = ONLY_FOR.get(key)
    return types is None or material_type in types


def values_from_record(record: Record) -> Values:
    """The form's values for ``record`` (every key of TEXT_KEYS, LIST_COLUMNS, material_type)."""
    host = record.host
    values: Values = {
        "material_type": record.material_type.value,
        "title": record.title,
        "title_remainder": record.title_remainder,
        "responsibility": record.responsibility,
        "edition": record.edition,
        "year": record.year,
        "extent_pages": record.extent.pages,
        "extent_illustrations": record.extent.illustrations,
        "extent_dimensions": record.extent.dimensions,
        "scale": record.scale,
        "summary": record.summary,
        "project": record.project,
        "host_title": host.title if host else "",
        "host_year": host.year if host else "",
        "host_volume": host.volume if host else "",
        "host_issue": host.issue if host else "",
        "host_pages": host.pages if host else "",
        "parallel_titles": [(p.title, p.language) for p in record.parallel_titles],
        "contributors": [
            (c.name, c.forenames, c.role.value, c.name_other_script) for c in record.contributors
        ],
        "series": [(s.title, s.number) for s in record.series],
        "identifiers": [(i.type.value, i.value, i.qualifier) for i in record.identifiers],
        "classifications": [(c.scheme.value, c.value) for c in record.classifications],
        "links": [
            (link.url, link.access_date.isoformat() if link.access_date else "", link.note)
            for link in record.links
        ],
    }
    for name in STRING_LISTS:
        values[name] = [(value,) for value in getattr(record, name)]
    return values


def has_content(value: object) -> bool:
    """A field value that holds something typed (for keeping unusual fields visible)."""
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return any(any(part.strip() for part in row) for row in value)
    return False


@dataclass
class Draft:
    """A record built from the form, with where each list item came from."""

    record: Record
    rows: dict[str, list[int]] = field(default_factory=dict)
    """For each list, the form row of each item in the record's list (empty rows dropped)."""
    problems: list[Problem] = field(default_factory=list)
    """What the form itself found (an access date that is not a date)."""


def record_from_values(base: Record, values: Values, shown: Callable[[str], bool]) -> Draft:
    """A copy of ``base`` with the form's values; fields not ``shown`` are left empty.

    ``base`` supplies what the form does not edit (id, version, copies, attachments, control
    number).  Hidden fields keep their values in the form, so switching the material type
    back brings them back, but they are not part of the record while hidden.
    """
    record = copy.deepcopy(base)
    draft = Draft(record)

    def text(key: str) -> str:
        return str(values.get(key, "")) if shown(key) else ""

    def rows(key: str) -> list[tuple[str, ...]]:
        """Non-empty rows of a shown list; their form row numbers go into ``draft.rows``."""
        found = values.get(key, []) if shown(key) else []
        kept = [(n, row) for n, row in enumerate(found) if any(p.strip() for p in _texts(key, row))]
        draft.rows[key] = [n for n, _ in kept]
        return [tuple(part.strip() for part in row) for _, row in kept]

    record.material_type = MaterialType(str(values.get("material_type") or "book"))
    record.title = text("title")
    for key in ("title_remainder", "responsibility", "edition", "year", "scale", "project"):
        setattr(record, key, text(key).strip())
    record.summary = text("summary").strip()
    record.extent = Extent(*(text(key).strip() for key in EXTENT_KEYS))
    host = [text(key).strip() for key in HOST_KEYS]
    record.host = HostItem(*host) if any(host) else None
    record.parallel_titles = [
        ParallelTitle(title, _language_code(language))
        for title, language in rows("parallel_titles")
    ]
    record.contributors = [
        Contributor(name, forenames, ContributorRole(role), other)
        for name, forenames, role, other in rows("contributors")
    ]
    record.series = [Series(title, number) for title, number in rows("series")]
    record.identifiers = [
        Identifier(IdentifierType(kind), value, qualifier)
        for kind, value, qualifier in rows("identifiers")
    ]
    record.classifications = [
        Classification(ClassificationScheme(scheme), value)
        for scheme, value in rows("classifications")
    ]
    record.links = []
    for index, (url, date_text, note) in enumerate(rows("links")):
        date = parse_date(date_text)
        if date_text and date is None:
            draft.problems.append(
                Problem(
                    f"links[{index}]",
                    QCoreApplication.translate(
                        "RecordForm", "«{text}» is not a date (write 2024-05-31 or 31.05.2024)"
                    ).format(text=date_text),
                )
            )
        record.links.append(OnlineLink(url, date, note))
    for name in STRING_LISTS:
        items = [row[0] for row in rows(name)]
        if name == "languages":
            items = [_language_code(item) for item in items]
        setattr(record, name, items)
    return draft


def _texts(key: str, row: tuple[str, ...]) -> list[str]:
    """The typed parts of a row: combo codes (role, identifier type) are not content."""
    columns = LIST_COLUMNS[key]
    coded = {"role", "type", "scheme"}
    return [part for column, part in zip(columns, row, strict=True) if column not in coded]


def _language_code(text: str) -> str:
    """A code for a code, a two-letter code or a name; what was typed if it is none of those
    (validation then says so)."""
    text = text.strip()
    if not text:
        return ""
    return languages.to_code(text) or text


def parse_date(text: str) -> dt.date | None:
    """ISO (2024-05-31) or the usual Russian form (31.05.2024); None if neither."""
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    dotted = _DOTTED_DATE.match(text)
    if dotted:
        day, month, year = (int(part) for part in dotted.groups())
        try:
            return dt.date(year, month, day)
        except ValueError:
            return None
    return None


def locate(path: str) -> tuple[str, int | None, str]:
    """The form field a problem path points at: ("identifiers", 1, "") for
    "identifiers[1]", ("host_title", None, "") for "host.title" or "host"."""
    match = _PATH.match(path)
    if match is None:
        return path, None, ""
    head, index, sub = match.group("head"), match.group("index"), match.group("sub") or ""
    if head == "host":
        return f"host_{sub or 'title'}", None, ""
    if head == "extent":
        return f"extent_{sub or 'pages'}", None, ""
    return head, int(index) if index is not None else None, sub


def problem_key(problem: Problem) -> tuple[str, int | None]:
    key, index, _ = locate(problem.field)
    return key, index


def is_error(problem: Problem) -> bool:
    return problem.severity == Severity.ERROR


# --- list columns ---------------------------------------------------------------------------
# Texts are literal translate() calls (not a helper) so that lupdate finds them.


def _language_note(text: str) -> str:
    """ "kk" → "kaz · Kazakh": what a typed language resolves to."""
    code = languages.to_code(text) if text.strip() else None
    if code is None:
        return "?" if text.strip() else ""
    return f"{code} · {labels.language_name(code)}"


def _fill_contributor(text: str, suggestion: Suggestion | None) -> dict[str, str]:
    """A chosen person fills surname and forenames; a body only the name."""
    if suggestion is not None and suggestion.name:
        return {"name": suggestion.name, "forenames": suggestion.forenames}
    if suggestion is None and "," in text:
        name, forenames = split_person(text)
        return {"name": name, "forenames": forenames}
    return {"name": text}


def _roles() -> list[tuple[str, str]]:
    return [(role.value, labels.role_name(role)) for role in ContributorRole]


def _identifier_types() -> list[tuple[str, str]]:
    return [(kind.value, labels.identifier_type_name(kind)) for kind in IdentifierType]


def _schemes() -> list[tuple[str, str]]:
    names = {
        ClassificationScheme.UDC: QCoreApplication.translate("RecordForm", "UDC"),
        ClassificationScheme.BBK: QCoreApplication.translate("RecordForm", "BBK"),
        ClassificationScheme.LOCAL: QCoreApplication.translate("RecordForm", "Local"),
    }
    return [(scheme.value, names[scheme]) for scheme in ClassificationScheme]


STRING_LIST_COMPLETION = {
    "places": "place",
    "publishers": "publisher",
    "subjects": "subject",
    "geographic_names": "geographic",
    "keywords": "keyword",
    "funders": "funder",
}


def list_columns(key: str) -> list[Column]:
    """The columns a list of the form is edited in (keys as in LIST_COLUMNS)."""
    if key == "parallel_titles":
        return [
            Column(
                "title",
                lambda: QCoreApplication.translate("RecordForm", "Title in another language"),
                stretch=5,
            ),
            Column(
                "language",
                lambda: QCoreApplication.translate("RecordForm", "Language"),
                completion="language",
                stretch=1,
                note=_language_note,
            ),
        ]
    if key == "contributors":
        return [
            Column(
                "name",
                lambda: QCoreApplication.translate("RecordForm", "Surname, or name of the body"),
                completion="contributor",
                stretch=3,
                fill=_fill_contributor,
            ),
            Column(
                "forenames",
                lambda: QCoreApplication.translate("RecordForm", "Forenames or initials"),
            ),
            Column("role", choices=_roles),
            Column(
                "name_other_script",
                lambda: QCoreApplication.translate("RecordForm", "Name in another script"),
            ),
        ]
    if key == "series":
        return [
            Column(
                "title",
                lambda: QCoreApplication.translate("RecordForm", "Series title"),
                completion="series",
                stretch=5,
            ),
            Column("number", lambda: QCoreApplication.translate("RecordForm", "No."), stretch=1),
        ]
    if key == "identifiers":
        return [
            Column("type", choices=_identifier_types, stretch=1),
            Column("value", lambda: QCoreApplication.translate("RecordForm", "Number"), stretch=4),
            Column(
                "qualifier",
                lambda: QCoreApplication.translate("RecordForm", "Qualifier (pbk., electronic)"),
                stretch=2,
            ),
        ]
    if key == "classifications":
        return [
            Column("scheme", choices=_schemes, stretch=1),
            Column(
                "value", lambda: QCoreApplication.translate("RecordForm", "Class number"), stretch=5
            ),
        ]
    if key == "links":
        return [
            Column("url", lambda: QCoreApplication.translate("RecordForm", "https://…"), stretch=5),
            Column(
                "access_date",
                lambda: QCoreApplication.translate("RecordForm", "Accessed (YYYY-MM-DD)"),
                stretch=2,
            ),
            Column("note", lambda: QCoreApplication.translate("RecordForm", "Note"), stretch=2),
        ]
    if key == "languages":
        return [
            Column(
                "value",
                lambda: QCoreApplication.translate("RecordForm", "Code or name (rus, kk, Uzbek)"),
                completion="language",
                note=_language_note,
            )
        ]
    return [Column("value", completion=STRING_LIST_COMPLETION.get(key, ""))]
