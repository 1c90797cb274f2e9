"""CSV and Excel (XLSX) holdings lists: one row per item, a header row naming the columns.

This is how most partners send their holdings: exported from an old database to Excel, or
typed into Excel by hand.  Columns are mapped to catalog fields by their headers
(``guess_columns``; see ``tabular_fields``), the mapping can be corrected in the import wizard
(``preview``) or given in a JSON file on the command line (``load_mapping_file``), and every
row becomes a record (``tabular_values``).  A row that cannot be a record (it has no title) is
reported with its row number as the spreadsheet shows it, so the partner can fix that row.

Written files use the same fields and value forms, so CSV → catalog → CSV gives the same file.
UTF-8 CSV is always written with a byte-order mark: without it Excel opens Cyrillic as
mojibake, and every reader that matters (ours included) skips the mark.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from library_app.core.errors import InputError
from library_app.core.model import Record
from library_app.core.progress import (
    CancelCheck,
    ProgressCallback,
    check_cancel,
    never_cancelled,
    no_progress,
)
from library_app.interchange import tabular_text, tabular_xlsx
from library_app.interchange.base import (
    FormatError,
    Problem,
    Reader,
    ReadItem,
    ReadOptions,
    ReadResult,
    Severity,
    WriteOptions,
    Writer,
    read_file,
)
from library_app.interchange.tabular_fields import (
    BY_ID,
    DEFAULT_COLUMNS,
    FIELD_IDS,
    FIELDS,
    IGNORE,
    TableField,
    clean_header,
    guess_columns,
    guess_field,
    unknown_field_ids,
)
from library_app.interchange.tabular_values import RowContext, record_cells, row_to_record

__all__ = [
    "FIELDS",
    "FIELD_IDS",
    "CsvReader",
    "CsvWriter",
    "TableField",
    "TablePreview",
    "XlsxReader",
    "XlsxWriter",
    "guess_columns",
    "load_mapping_file",
    "preview",
]

HEADER_SEARCH_ROWS = 10  # a title line or two above the header is common; more is not
_PROGRESS_EVERY = 200


@dataclass
class TablePreview:
    """What the import wizard's column-mapping page shows."""

    headers: list[str]
    rows: list[list[str]]  # the first data rows, as many cells as headers
    encoding: str  # "" for XLSX
    delimiter: str  # "" for XLSX
    sheet_names: list[str]  # [] for CSV
    columns: dict[str, str]  # header → field id: the guess, corrected by options.columns
    sheet: str = ""  # the sheet shown (XLSX)
    header_row: int = 1  # the row number of the header as the spreadsheet shows it


@dataclass
class _Table:
    rows: Iterator[tuple[int, list[str]]]
    total_rows: int
    encoding: str = ""
    delimiter: str = ""
    sheet_names: list[str] = field(default_factory=list)
    sheet: str = ""
    close: Callable[[], None] = lambda: None


@dataclass
class _Layout:
    header_row: int
    headers: list[str]
    fields: list[str]  # field id per column
    problems: list[Problem]


# --- mapping file ---------------------------------------------------------------------------

_MAPPING_KEYS = ("columns", "separator", "delimiter", "encoding", "sheet")


def load_mapping_file(path: Path) -> ReadOptions:
    """Read a column mapping for the command line's ``--mapping``::

        {"columns": {"Заглавие": "title", "Инв. №": "inventory_number"},
         "separator": ";", "delimiter": ";", "encoding": "cp1251", "sheet": "Лист1"}

    Every key is optional.  Mistakes raise ``InputError`` naming the file and the key.
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InputError(f"{path}: no such mapping file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror or error})") from None
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: not UTF-8 text (byte {error.start})") from None
    except json.JSONDecodeError as error:
        raise InputError(f"{path}: not valid JSON: {error.msg} (line {error.lineno})") from None
    if not isinstance(data, dict):
        raise InputError(f"{path}: expected a JSON object with the keys {', '.join(_MAPPING_KEYS)}")
    for key in data:
        if key not in _MAPPING_KEYS:
            raise InputError(
                f"{path}: unknown key «{key}»; the keys are {', '.join(_MAPPING_KEYS)}"
            )
    options = ReadOptions()
    columns = data.get("columns")
    if columns is not None:
        if not isinstance(columns, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in columns.items()
        ):
            raise InputError(f"{path}: «columns» must map header texts to field names")
        for header, field_id in columns.items():
            if field_id not in BY_ID:
                raise InputError(
                    f"{path}: «columns»: «{header}» is mapped to the unknown field «{field_id}»; "
                    f"the fields are {', '.join(FIELD_IDS)}"
                )
        options.columns = dict(columns)
    for key in ("separator", "delimiter", "encoding", "sheet"):
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str) or not value:
            raise InputError(f"{path}: «{key}» must be a non-empty text")
        if key == "delimiter":
            value = "\t" if value.lower() in ("tab", "\\t") else value
            if len(value) != 1:
                raise InputError(f'{path}: «delimiter» must be one character, e.g. ";"')
        if key == "encoding":
            try:
                tabular_text.canonical_encoding(value)
            except FormatError as error:
                raise InputError(f"{path}: «encoding»: {error}") from None
    options.multi_value_separator = data.get("separator") or options.multi_value_separator
    if delimiter := data.get("delimiter"):
        options.delimiter = "\t" if delimiter.lower() in ("tab", "\\t") else delimiter
    options.encoding = data.get("encoding")
    options.sheet = data.get("sheet")
    return options


# --- opening files --------------------------------------------------------------------------


def _open_csv(path: Path, options: ReadOptions) -> _Table:
    data = read_file(path)
    if not data.strip():
        raise FormatError("the file is empty")
    if data.startswith(b"PK\x03\x04"):
        raise FormatError("this is a zip archive (an Excel workbook?), not a CSV text file")
    text, encoding = tabular_text.decode(data, options.encoding)
    delimiter = options.delimiter or tabular_text.detect_delimiter(text)
    try:
        rows = list(tabular_text.csv_rows(text, delimiter))
    except csv.Error as error:
        raise FormatError(f"the file cannot be split into cells: {error}") from None
    numbered = ((n, [c.strip() for c in r]) for n, r in enumerate(rows, start=1))
    return _Table(numbered, len(rows), encoding=encoding, delimiter=delimiter)


def _open_xlsx(path: Path, options: ReadOptions) -> _Table:
    sheet = tabular_xlsx.open_sheet(path, options.sheet)
    rows = ((n, [c.strip() for c in r]) for n, r in sheet.rows)
    return _Table(
        rows,
        sheet.total_rows,
        sheet_names=sheet.sheet_names,
        sheet=sheet.title,
        close=sheet.close,
    )


def _is_workbook(path: Path) -> bool:
    try:
        with path.open("rb") as stream:
            return stream.read(4) == b"PK\x03\x04"
    except OSError:
        return False


# --- header and mapping ---------------------------------------------------------------------


def _explicit_columns(options: ReadOptions) -> dict[str, str]:
    columns = options.columns or {}
    unknown = unknown_field_ids(list(columns.values()))
    if unknown:
        named = ", ".join(
            f"«{header}» → «{fid}»" for header, fid in columns.items() if fid in unknown
        )
        raise FormatError(f"unknown field in the column mapping: {named}")
    return {clean_header(h): fid for h, fid in columns.items()}


def _field_of(header: str, explicit: dict[str, str], folded: dict[str, str]) -> str:
    if header in explicit:
        return explicit[header]
    if header.casefold() in folded:
        return folded[header.casefold()]
    return guess_field(header)


def _layout(
    table: _Table, options: ReadOptions, *, need_title: bool = True
) -> tuple[_Layout, Iterator[tuple[int, list[str]]]]:
    """Find the header row (the first row naming a title and another field among the first
    few non-empty rows, else the first non-empty row) and map its columns.

    ``need_title=False`` (the preview) accepts a header without a title column: the person
    mapping the columns is about to say which one holds it."""
    explicit = _explicit_columns(options)
    folded = {h.casefold(): fid for h, fid in explicit.items()}
    seen: list[tuple[int, list[str]]] = []
    for number, cells in table.rows:
        if any(cells):
            seen.append((number, cells))
            if len(seen) >= HEADER_SEARCH_ROWS:
                break
    if not seen:
        raise FormatError("the table is empty: no header row and no records")

    def fields_of(cells: list[str]) -> list[str]:
        return [_field_of(clean_header(c), explicit, folded) for c in cells]

    chosen = 0
    for index, (_, cells) in enumerate(seen):
        found = [f for f in fields_of(cells) if f != IGNORE]
        if "title" in found and len(found) >= 2:
            chosen = index
            break
    header_row, header_cells = seen[chosen]
    headers = [clean_header(c) for c in header_cells]
    fields = fields_of(header_cells)
    problems: list[Problem] = []
    if chosen:
        first, last = seen[0][0], seen[chosen - 1][0]
        problems.append(
            Problem(
                f"the rows above the header (row {header_row}) are not records; left out",
                where=f"row {first}" if first == last else f"rows {first}–{last}",
                severity=Severity.WARNING,
            )
        )
    present = set(headers) | {h.casefold() for h in headers}
    for header in explicit:
        if header not in present and header.casefold() not in present:
            problems.append(
                Problem(
                    f"the mapping names the column «{header}», which the file does not have",
                    severity=Severity.WARNING,
                )
            )
    if need_title and "title" not in fields:
        listed = ", ".join(f"«{h}»" for h in headers if h)
        raise FormatError(
            f"no column holds the title (the header row {header_row} has {listed}); "
            "map the title column to «title»"
        )
    rest = iter(seen[chosen + 1 :])
    return _Layout(header_row, headers, fields, problems), _chain(rest, table.rows)


def _chain(*parts: Iterable[tuple[int, list[str]]]) -> Iterator[tuple[int, list[str]]]:
    for part in parts:
        yield from part


# --- reading --------------------------------------------------------------------------------


def _read_table(
    table: _Table,
    format_id: str,
    options: ReadOptions,
    progress: ProgressCallback,
    is_cancelled: CancelCheck,
) -> ReadResult:
    layout, rows = _layout(table, options)
    result = ReadResult(format_id, table.encoding, problems=list(layout.problems))
    width = len(layout.headers)
    position = 0
    for number, cells in rows:
        if not any(cells):
            continue
        position += 1
        if position % _PROGRESS_EVERY == 0:
            check_cancel(is_cancelled)
            progress(number, max(number, table.total_rows))
        context = RowContext(number, position)
        extra = [c for c in cells[width:] if c]
        if extra:
            shown = "; ".join(extra)
            context.problems.append(
                Problem(
                    f"{len(cells)} cells but {width} columns in the header; "
                    f"the extra cells are left out: {shown}",
                    position,
                    f"row {number}",
                    Severity.WARNING,
                )
            )
        record = row_to_record(
            layout.headers, layout.fields, cells[:width], options.multi_value_separator, context
        )
        result.items.append(ReadItem(position, record, context.problems))
    progress(table.total_rows, table.total_rows)
    return result


class CsvReader(Reader):
    format_id = "csv"
    label = "CSV"
    extensions = (".csv", ".tsv", ".txt")

    @classmethod
    def sniff(cls, head: bytes) -> int:
        return tabular_text.sniff_csv(head)

    def read(
        self,
        path: Path,
        options: ReadOptions,
        *,
        progress: ProgressCallback = no_progress,
        is_cancelled: CancelCheck = never_cancelled,
    ) -> ReadResult:
        check_cancel(is_cancelled)
        table = _open_csv(path, options)
        return _read_table(table, self.format_id, options, progress, is_cancelled)


class XlsxReader(Reader):
    format_id = "xlsx"
    label = "Excel (XLSX)"
    extensions = (".xlsx",)

    @classmethod
    def sniff(cls, head: bytes) -> int:
        return tabular_xlsx.sniff_xlsx(head)

    def read(
        self,
        path: Path,
        options: ReadOptions,
        *,
        progress: ProgressCallback = no_progress,
        is_cancelled: CancelCheck = never_cancelled,
    ) -> ReadResult:
        check_cancel(is_cancelled)
        table = _open_xlsx(path, options)
        try:
            return _read_table(table, self.format_id, options, progress, is_cancelled)
        finally:
            table.close()


def preview(path: Path, options: ReadOptions | None = None, rows: int = 10) -> TablePreview:
    """The header and first rows of a CSV or XLSX file (chosen by content) with the guessed
    column mapping, also when no header was recognised as the title (the wizard lets the user
    choose it); raises ``FormatError`` for a file that cannot be read at all."""
    options = options or ReadOptions()
    workbook = _is_workbook(path)
    table = _open_xlsx(path, options) if workbook else _open_csv(path, options)
    try:
        layout, rest = _layout(table, options, need_title=False)
        sample: list[list[str]] = []
        for _, cells in rest:
            if len(sample) >= rows:
                break
            if any(cells):
                width = len(layout.headers)
                sample.append((cells + [""] * width)[:width])
    finally:
        table.close()
    return TablePreview(
        headers=layout.headers,
        rows=sample,
        encoding=table.encoding,
        delimiter=table.delimiter,
        sheet_names=table.sheet_names,
        columns=dict(zip(layout.headers, layout.fields, strict=True)),
        sheet=table.sheet,
        header_row=layout.header_row,
    )


# --- writing --------------------------------------------------------------------------------


def _columns(options: WriteOptions) -> list[str]:
    columns = list(options.columns) if options.columns else list(DEFAULT_COLUMNS)
    unknown = unknown_field_ids(columns)
    if unknown:
        raise InputError(
            f"unknown column field(s): {', '.join(unknown)}; the fields are {', '.join(FIELD_IDS)}"
        )
    return columns


def _rows(records: Iterable[Record], columns: list[str], separator: str) -> Iterator[list[str]]:
    for record in records:
        yield record_cells(record, columns, separator)


class CsvWriter(Writer):
    """CSV with a header row of field labels.  ``WriteOptions.encoding`` "utf-8" (the default)
    writes a byte-order mark so Excel shows Cyrillic; other encodings (e.g. "cp1251" for old
    software) are written as given, and a character they lack stops the export with the record
    it is in, rather than silently turning into "?"."""

    format_id = "csv"
    label = "CSV"
    extension = ".csv"

    def write(self, records: Iterable[Record], target: BinaryIO, options: WriteOptions) -> None:
        columns = _columns(options)
        try:
            encoding = tabular_text.canonical_encoding(options.encoding or "utf-8")
        except FormatError as error:
            raise InputError(str(error)) from None
        if encoding in ("utf-8", "utf-8-sig"):
            target.write(b"\xef\xbb\xbf")
            encoding = "utf-8"
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter=options.delimiter or ",", lineterminator="\r\n")
        encoder = _Encoder(encoding)
        writer.writerow([BY_ID[c].label for c in columns])
        target.write(encoder.encode(buffer.getvalue(), 0, None))
        for number, record in enumerate(records, start=1):
            buffer.seek(0)
            buffer.truncate()
            writer.writerow(record_cells(record, columns, options.multi_value_separator))
            target.write(encoder.encode(buffer.getvalue(), number, record))


class _Encoder:
    """Encodes line by line with one incremental encoder, so UTF-16 gets a single BOM."""

    def __init__(self, encoding: str) -> None:
        self.encoding = encoding
        self._encoder = codecs.getincrementalencoder(encoding)()

    def encode(self, text: str, number: int, record: Record | None) -> bytes:
        try:
            return self._encoder.encode(text)
        except UnicodeEncodeError as error:
            char = error.object[error.start]
            where = f"record {number} («{record.title}»)" if record else "the header"
            raise InputError(
                f"{where}: the character «{char}» (U+{ord(char):04X}) cannot be written in "
                f"{self.encoding}; export in UTF-8 instead"
            ) from None


class XlsxWriter(Writer):
    """One sheet: bold, frozen header row of field labels; each record one row."""

    format_id = "xlsx"
    label = "Excel (XLSX)"
    extension = ".xlsx"

    def write(self, records: Iterable[Record], target: BinaryIO, options: WriteOptions) -> None:
        columns = _columns(options)
        labels = [BY_ID[c].label for c in columns]
        tabular_xlsx.write_workbook(
            target, columns, labels, _rows(records, columns, options.multi_value_separator)
        )
