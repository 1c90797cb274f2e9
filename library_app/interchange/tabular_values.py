"""Cells ↔ record: turning one spreadsheet row into a ``Record`` and a record into a row.

Partners write values the way people do — «Иванов И. И.», "рус., англ.", «отчёт», "5-02-033152-X
(в пер.)" — so every cell is read forgivingly; what cannot be understood is left out with a
warning naming the row, the column and the value, and the rest of the row is still imported.
Written values use the forms the reader understands, so our own files read back unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from library_app.core import identifiers, years
from library_app.core.model import (
    Classification,
    ClassificationScheme,
    Contributor,
    ContributorRole,
    Copy,
    HostItem,
    Identifier,
    IdentifierType,
    OnlineLink,
    Record,
    Series,
)
from library_app.interchange.base import Problem, Severity
from library_app.interchange.tabular_fields import BY_ID, IGNORE
from library_app.interchange.tabular_vocab import (
    copy_status,
    format_person,
    language_code,
    material_type,
    parse_person,
)

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_URL = re.compile(r"^(https?|ftp)://\S+$", re.IGNORECASE)
_SERIES_NUMBER = re.compile(
    r"^(?:№|no\.?|nr\.?|вып\.?|т\.?|vol\.?|issue|ч\.?)?\s*"
    r"(?:[0-9]+[a-zа-я]?(?:\s*[-–/.]\s*[0-9]+)?|[IVXLCDM]+)$",
    re.IGNORECASE,
)


@dataclass
class RowContext:
    """Where the row is, and what was wrong in it, for messages people can act on."""

    row: int  # as numbered by the spreadsheet (header = 1)
    position: int  # 1-based number of the data record
    problems: list[Problem] = field(default_factory=list)

    def warn(self, column: str, message: str) -> None:
        self.problems.append(
            Problem(message, self.position, f"row {self.row}, column «{column}»", Severity.WARNING)
        )


@dataclass
class _Cells:
    """The values of one row gathered per field, with the column each came from."""

    values: dict[str, list[tuple[str, str]]] = field(default_factory=dict)  # id → (column, text)

    def texts(self, field_id: str) -> list[tuple[str, str]]:
        return self.values.get(field_id, [])


def split_cell(text: str, separator: str, *, keep_empty: bool = False) -> list[str]:
    parts = [p.strip() for p in text.split(separator)] if separator else [text.strip()]
    return parts if keep_empty else [p for p in parts if p]


def row_to_record(
    headers: list[str],
    mapping: list[str],
    cells: list[str],
    separator: str,
    context: RowContext,
) -> Record | None:
    """The record described by one row, or None (with an error in ``context``) when the row
    has no title.  ``mapping[i]`` is the field id of column ``i``."""
    gathered = _Cells()
    for index, raw in enumerate(cells):
        if index >= len(mapping) or mapping[index] == IGNORE:
            continue
        column = headers[index] or f"column {index + 1}"
        text = raw
        if _CONTROL.search(text):
            text = _CONTROL.sub("", text)
            context.warn(column, "control characters removed")
        if text.strip():
            gathered.values.setdefault(mapping[index], []).append((column, text))
    title = _single(gathered, "title", context)
    if not title:
        context.problems.append(Problem("no title", context.position, f"row {context.row}"))
        return None
    record = Record(title=title)
    for field_id, entries in gathered.values.items():
        if field_id in _APPLY:
            _APPLY[field_id](record, entries, separator, context)
    _apply_host(record, gathered, context)
    _apply_copies(record, gathered, separator, context)
    return record


def _single(cells: _Cells, field_id: str, context: RowContext) -> str:
    """The value of a single-valued field; a second column with another value is reported."""
    entries = cells.texts(field_id)
    if not entries:
        return ""
    first = " ".join(entries[0][1].split())  # a line break typed inside a title is a space
    for column, text in entries[1:]:
        if " ".join(text.split()) != first:
            label = BY_ID[field_id].label.lower()
            context.warn(column, f"a second {label}; left out: {text.strip()}")
    return first


Entries = list[tuple[str, str]]
Apply = Callable[[Record, Entries, str, RowContext], None]


def _values(entries: Entries, separator: str) -> list[tuple[str, str]]:
    return [(column, v) for column, text in entries for v in split_cell(text, separator)]


def _string_setter(attribute: str) -> Apply:
    def apply(record: Record, entries: Entries, separator: str, context: RowContext) -> None:
        del separator
        first = entries[0][1].strip()
        for column, text in entries[1:]:
            if text.strip() != first:
                context.warn(column, f"a second value for {attribute}; left out: {text.strip()}")
        setattr(record, attribute, first)

    return apply


def _list_setter(attribute: str) -> Apply:
    def apply(record: Record, entries: Entries, separator: str, context: RowContext) -> None:
        del context
        target = getattr(record, attribute)
        for _, value in _values(entries, separator):
            if value not in target:
                target.append(value)

    return apply


def _people(role: ContributorRole) -> Apply:
    def apply(record: Record, entries: Entries, separator: str, context: RowContext) -> None:
        for column, value in _values(entries, separator):
            person = (
                Contributor(" ".join(value.split()), "", role)
                if role.is_corporate
                else parse_person(value, role)
            )
            if not person.name.strip():  # ", Иван" or a lone comma: no surname to file under
                context.warn(column, f"«{value}» names nobody (no surname); left out")
                continue
            record.contributors.append(person)

    return apply


def _apply_year(record: Record, entries: Entries, separator: str, context: RowContext) -> None:
    del separator
    column, text = entries[0]
    value = " ".join(text.split())
    span = years.parse_year(value)
    if span is None and not years.states_no_date(value):
        context.warn(column, f"«{value}» contains no year; left out")
    elif span is not None and not years.plausible(span):
        context.warn(column, f"{value}: not a plausible year of publication; left out")
    else:
        record.year = value
    for other_column, other in entries[1:]:
        if years.parse_year(other) != span:  # "2014" and "2014-05-01" agree
            context.warn(other_column, f"a second year; left out: {other.strip()}")


def _apply_pages(record: Record, entries: Entries, separator: str, context: RowContext) -> None:
    del separator, context
    record.extent.pages = entries[0][1].strip()


def _apply_series(record: Record, entries: Entries, separator: str, context: RowContext) -> None:
    """ "Title ; 5": the number may arrive as a piece of its own when ";" is the separator."""
    del context
    for _, text in entries:
        spaced_before = False  # "Title ; 5" (ISBD spacing) versus "Series A; Series B"
        for raw in text.split(separator) if separator else [text]:
            piece = raw.strip()
            numbered = _SERIES_NUMBER.match(piece) or (spaced_before and len(piece) <= 15)
            spaced_before = raw.endswith((" ", "\t"))
            if not piece:
                continue
            if numbered and record.series and not record.series[-1].number:
                record.series[-1].number = piece
                continue
            title, _, number = piece.partition(" ; ")
            record.series.append(Series(title.strip(), number.strip()))


_IDENTIFIER_NORMALISERS: dict[IdentifierType, Callable[[str], str]] = {
    IdentifierType.ISBN: identifiers.normalize_isbn,
    IdentifierType.ISSN: identifiers.normalize_issn,
    IdentifierType.DOI: identifiers.normalize_doi,
}
_QUALIFIED = re.compile(r"^(.*?)\s*\(([^()]*)\)\s*$")


def _identifier(kind: IdentifierType) -> Apply:
    def apply(record: Record, entries: Entries, separator: str, context: RowContext) -> None:
        for column, text in entries:
            pieces = split_cell(text, separator)
            if kind != IdentifierType.DOI:  # "5-02-033152-X, 978-5-…": commas never belong
                pieces = [p.strip() for piece in pieces for p in piece.split(",") if p.strip()]
            for piece in pieces:
                number, qualifier = piece, ""
                if match := _QUALIFIED.match(piece):
                    number, qualifier = match.group(1), match.group(2).strip()
                try:
                    value = _IDENTIFIER_NORMALISERS[kind](number)
                except identifiers.IdentifierProblem as problem:
                    context.warn(column, f"{problem}; left out")
                    continue
                if value not in record.identifiers_of(kind):
                    record.identifiers.append(Identifier(kind, value, qualifier))

    return apply


def _classification(scheme: ClassificationScheme) -> Apply:
    def apply(record: Record, entries: Entries, separator: str, context: RowContext) -> None:
        del context
        for _, value in _values(entries, separator):
            if value not in record.classification_of(scheme):
                record.classifications.append(Classification(scheme, value))

    return apply


def _apply_languages(record: Record, entries: Entries, separator: str, context: RowContext) -> None:
    """Languages are often listed with commas even where another separator is chosen."""
    for column, text in entries:
        for piece in re.split(r"[,/+]", text):
            for value in split_cell(piece, separator):
                code = language_code(value)
                if code is None:
                    context.warn(column, f"«{value}» is not a known language; left out")
                elif code not in record.languages:
                    record.languages.append(code)


def _apply_material(record: Record, entries: Entries, separator: str, context: RowContext) -> None:
    del separator
    column, text = entries[0]
    kind = material_type(text)
    if kind is None:
        context.warn(column, f"«{text.strip()}» is not a known material type; taken as a book")
    else:
        record.material_type = kind


def _apply_urls(record: Record, entries: Entries, separator: str, context: RowContext) -> None:
    for column, value in _values(entries, separator):
        if _URL.match(value):
            record.links.append(OnlineLink(value))
        else:
            context.warn(column, f"{value}: not a web address (http://, https://); left out")


def _apply_summary(record: Record, entries: Entries, separator: str, context: RowContext) -> None:
    del separator, context
    record.summary = "\n\n".join(text.strip() for _, text in entries)


_APPLY: dict[str, Apply] = {
    "title_remainder": _string_setter("title_remainder"),
    "authors": _people(ContributorRole.AUTHOR),
    "editors": _people(ContributorRole.EDITOR),
    "corporate_authors": _people(ContributorRole.CORPORATE_AUTHOR),
    "responsibility": _string_setter("responsibility"),
    "year": _apply_year,
    "edition": _string_setter("edition"),
    "places": _list_setter("places"),
    "publishers": _list_setter("publishers"),
    "pages": _apply_pages,
    "series": _apply_series,
    "isbn": _identifier(IdentifierType.ISBN),
    "issn": _identifier(IdentifierType.ISSN),
    "doi": _identifier(IdentifierType.DOI),
    "udc": _classification(ClassificationScheme.UDC),
    "bbk": _classification(ClassificationScheme.BBK),
    "subjects": _list_setter("subjects"),
    "geographic_names": _list_setter("geographic_names"),
    "keywords": _list_setter("keywords"),
    "languages": _apply_languages,
    "material_type": _apply_material,
    "notes": _list_setter("notes"),
    "summary": _apply_summary,
    "url": _apply_urls,
    "project": _string_setter("project"),
    "funders": _list_setter("funders"),
    "control_number": _string_setter("control_number"),
}
_HOST_PARTS = {"host_volume": "volume", "host_issue": "issue", "host_pages": "pages"}


def _apply_host(record: Record, cells: _Cells, context: RowContext) -> None:
    host_title = _single(cells, "host_title", context)
    parts = {attr: _single(cells, fid, context) for fid, attr in _HOST_PARTS.items()}
    if host_title:
        record.host = HostItem(host_title, **parts)
        return
    for fid in _HOST_PARTS:
        for column, text in cells.texts(fid)[:1]:
            context.warn(column, f"«{text.strip()}» left out: no source (journal) is named")


_COPY_FIELDS = ("barcode", "location", "shelf_mark", "copy_status")


def _apply_copies(record: Record, cells: _Cells, separator: str, context: RowContext) -> None:
    """One copy per inventory number; the other copy columns pair with them by position, or
    apply to every copy when they hold a single value.

    Copies described without inventory numbers (a list of barcodes or shelf marks only) are
    kept with empty numbers: the import gives them the next free numbers of the catalog.  A
    number repeated in a row is a typing slip, not one copy less, so it is handled the same way.
    """
    numbers: list[str] = []
    for column, number in _values(cells.texts("inventory_number"), separator):
        if number and number in numbers:
            context.warn(
                column, f"inventory number {number} is repeated; that copy gets a new number"
            )
            number = ""
        numbers.append(number)
    per_field: dict[str, tuple[str, list[str]]] = {}
    for fid in _COPY_FIELDS:
        entries = cells.texts(fid)
        if entries:
            column = entries[0][0]
            per_field[fid] = (column, split_cell(entries[0][1], separator, keep_empty=True))
            for other_column, _ in entries[1:]:
                context.warn(other_column, "a second column of the same copy detail; left out")
    if not numbers and per_field:
        numbers = [""] * max(len(values) for _, values in per_field.values())
    copies = [Copy(number) for number in numbers]
    for fid, (column, values) in per_field.items():
        if len(values) == 1:
            values = values * len(copies)
        elif len(values) != len(copies):
            context.warn(column, f"{len(values)} values for {len(copies)} copies; paired in order")
        for copy, value in zip(copies, values, strict=False):
            _set_copy_detail(copy, fid, value, column, context)
    barcodes: set[str] = set()
    for copy in copies:
        if copy.barcode and copy.barcode in barcodes:
            context.warn(per_field["barcode"][0], f"barcode {copy.barcode} is repeated; left out")
            copy.barcode = ""
        barcodes.add(copy.barcode)
    record.copies.extend(copies)


def _set_copy_detail(copy: Copy, fid: str, value: str, column: str, context: RowContext) -> None:
    if fid == "copy_status":
        if not value:
            return
        status = copy_status(value)
        if status is None:
            context.warn(column, f"«{value}» is not a known copy status; taken as available")
        else:
            copy.status = status
    else:
        setattr(copy, fid, value)


def _join(values: list[str], separator: str) -> str:
    return separator.join(values)


def _copy_column(copies: list[Copy], value: Callable[[Copy], str], separator: str) -> str:
    """A detail shared by every copy is written once; otherwise one value per copy, in the
    order of the inventory numbers (the reader pairs them the same way)."""
    values = [value(c) for c in copies]
    if not values:
        return ""
    if all(v == values[0] for v in values):
        return values[0]
    return _join(values, separator)


def _series_text(series: Series) -> str:
    return f"{series.title} ; {series.number}" if series.number else series.title


def _identifiers_text(record: Record, kind: IdentifierType, separator: str) -> str:
    """ "9785020331525 (pbk.)": the qualifier in parentheses, as the reader takes it apart."""
    return _join(
        [
            f"{i.value} ({i.qualifier})" if i.qualifier else i.value
            for i in record.identifiers
            if i.type == kind
        ],
        separator,
    )


def _people_of(record: Record, *roles: ContributorRole) -> list[str]:
    return [format_person(c) for c in record.contributors if c.role in roles]


_CELL: dict[str, Callable[[Record, str], str]] = {
    "title": lambda r, s: r.title,
    "title_remainder": lambda r, s: r.title_remainder,
    "authors": lambda r, s: _join(_people_of(r, ContributorRole.AUTHOR), s),
    "editors": lambda r, s: _join(_people_of(r, ContributorRole.EDITOR), s),
    "corporate_authors": lambda r, s: _join(
        _people_of(r, ContributorRole.CORPORATE_AUTHOR, ContributorRole.ISSUING_BODY), s
    ),
    "responsibility": lambda r, s: r.responsibility,
    "year": lambda r, s: r.year,
    "edition": lambda r, s: r.edition,
    "places": lambda r, s: _join(r.places, s),
    "publishers": lambda r, s: _join(r.publishers, s),
    "pages": lambda r, s: r.extent.pages,
    "series": lambda r, s: _join([_series_text(x) for x in r.series], s),
    "isbn": lambda r, s: _identifiers_text(r, IdentifierType.ISBN, s),
    "issn": lambda r, s: _identifiers_text(r, IdentifierType.ISSN, s),
    "doi": lambda r, s: _identifiers_text(r, IdentifierType.DOI, s),
    "udc": lambda r, s: _join(r.classification_of(ClassificationScheme.UDC), s),
    "bbk": lambda r, s: _join(r.classification_of(ClassificationScheme.BBK), s),
    "subjects": lambda r, s: _join(r.subjects, s),
    "geographic_names": lambda r, s: _join(r.geographic_names, s),
    "keywords": lambda r, s: _join(r.keywords, s),
    "languages": lambda r, s: _join(r.languages, s),
    "material_type": lambda r, s: r.material_type.value,
    "notes": lambda r, s: _join(r.notes, s),
    "summary": lambda r, s: r.summary,
    "url": lambda r, s: _join([link.url for link in r.links], s),
    "host_title": lambda r, s: r.host.title if r.host else "",
    "host_volume": lambda r, s: r.host.volume if r.host else "",
    "host_issue": lambda r, s: r.host.issue if r.host else "",
    "host_pages": lambda r, s: r.host.pages if r.host else "",
    "project": lambda r, s: r.project,
    "funders": lambda r, s: _join(r.funders, s),
    "control_number": lambda r, s: r.control_number,
    "inventory_number": lambda r, s: _join([c.inventory_number for c in r.copies], s),
    "barcode": lambda r, s: _copy_column(r.copies, lambda c: c.barcode, s),
    "location": lambda r, s: _copy_column(r.copies, lambda c: c.location, s),
    "shelf_mark": lambda r, s: _copy_column(r.copies, lambda c: c.shelf_mark, s),
    "copy_status": lambda r, s: _copy_column(r.copies, lambda c: c.status.value, s),
    IGNORE: lambda r, s: "",
}


def record_cells(record: Record, columns: list[str], separator: str) -> list[str]:
    """One row of the record's values for ``columns`` (field ids), as text."""
    return [_CELL[column](record, separator) for column in columns]
