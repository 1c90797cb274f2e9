"""Excel workbooks: rows of text as a person sees them on screen, and writing a catalog sheet.

Sheets are read in openpyxl's read-only mode, which streams rows and keeps a 50,000-row
holdings list in a few megabytes instead of a gigabyte.  That mode does not report merged
cells, and partners merge a lot (one publisher over the five rows of a series), so the
``<mergeCell>`` list is read from the sheet's XML separately and the value of each range's
first cell is given to every cell of the range.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO
from xml.etree import ElementTree

from library_app.core.errors import LibraryError
from library_app.interchange.base import FormatError

_ZERO_PADDED = re.compile(r"^0+$")
_DECIMALS = re.compile(r"^[#,]*0(?:\.(0+))?(%?)$")
_YEAR_ONLY = re.compile(r"^(?:\[[^\]]*\])?(?:yyyy|гггг)$", re.IGNORECASE)
_ERRORS = frozenset(("#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!"))
_MERGE_CELL = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}mergeCell"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_LOCAL_HEADER = re.compile(rb"PK\x03\x04")


def sniff_xlsx(head: bytes) -> int:
    """90 for a zip whose entries include the workbook part ("xl/…"); 0 for other zips
    (Word, PowerPoint, OpenDocument) and for everything else."""
    if not head.startswith(b"PK\x03\x04"):
        return 0
    names = []
    for match in _LOCAL_HEADER.finditer(head):
        start = match.start()
        if start + 30 > len(head):
            break
        name_length = int.from_bytes(head[start + 26 : start + 28], "little")
        names.append(head[start + 30 : start + 30 + name_length].decode("cp437", "replace"))
    if any(name.startswith("xl/") for name in names):
        return 90
    return 0


def cell_text(value: Any, number_format: str | None) -> str:
    """The value as Excel shows it: 2005 not 2005.0, 9785020000000 not 9.78502E+12, an
    inventory number formatted "000000" with its leading zeros, dates in ISO form."""
    if value is None:
        return ""
    fmt = (number_format or "General").strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, dt.datetime):
        if _YEAR_ONLY.match(fmt):
            return str(value.year)
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, dt.timedelta):
        return str(value)
    if isinstance(value, int | float):
        return _number_text(value, fmt)
    text = str(value)
    return "" if text in _ERRORS else text  # a formula's error is no value


def _number_text(value: float, fmt: str) -> str:
    if value != value or value in (float("inf"), float("-inf")):
        return ""
    integral = float(value).is_integer()
    if integral and _ZERO_PADDED.match(fmt):
        return str(int(value)).zfill(len(fmt))
    if match := _DECIMALS.match(fmt):
        decimals = len(match.group(1) or "")
        if match.group(2):
            return f"{value * 100:.{decimals}f}%"
        return f"{value:.{decimals}f}"
    if integral:
        return str(int(value))
    return repr(float(value))


@dataclass
class _Range:
    min_row: int
    min_col: int
    max_row: int
    max_col: int
    value: str = ""


@dataclass
class Sheet:
    """The rows of one sheet: (row number, texts of its cells), plus the workbook's sheets."""

    title: str
    sheet_names: list[str]
    total_rows: int
    rows: Iterator[tuple[int, list[str]]]
    _workbook: Any = field(repr=False, default=None)

    def close(self) -> None:
        if self._workbook is not None:
            self._workbook.close()
            self._workbook = None


def open_sheet(path: Path, sheet: str | None) -> Sheet:
    """Open the workbook and the chosen (or first) sheet; ``FormatError`` when it is not a
    workbook or has no such sheet."""
    try:
        import openpyxl  # heavy import: only when a workbook is actually read
        from openpyxl.utils.exceptions import InvalidFileException
    except ImportError as error:  # pragma: no cover - a declared dependency
        raise FormatError(f"Excel files cannot be read: {error}") from None
    try:
        with path.open("rb") as stream:
            magic = stream.read(8)
    except OSError as error:
        raise FormatError(f"{path}: cannot be read ({error.strerror or error})") from None
    if magic == _OLE_MAGIC:
        raise FormatError("this is an old Excel 97–2003 (.xls) file; save it as .xlsx and retry")
    if not magic.startswith(b"PK\x03\x04"):
        raise FormatError("this is not an Excel (.xlsx) workbook: it is not a zip archive")
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as error:
        raise FormatError(f"the workbook is damaged: {error}") from None
    if "xl/workbook.xml" not in names:
        kind = "a Word document" if "word/document.xml" in names else "a zip archive"
        raise FormatError(f"this is not an Excel workbook (no xl/workbook.xml): it is {kind}")
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile) as error:
        raise FormatError(f"the workbook cannot be opened: {error}") from None
    except Exception as error:  # openpyxl raises whatever its XML parsing meets
        raise FormatError(f"the workbook is damaged: {type(error).__name__}: {error}") from None
    names_in_order = list(workbook.sheetnames)
    title = sheet if sheet is not None else (names_in_order[0] if names_in_order else "")
    if title not in names_in_order:
        workbook.close()
        listed = ", ".join(f"«{n}»" for n in names_in_order)
        raise FormatError(f"the workbook has no sheet «{title}»; its sheets are: {listed}")
    try:
        worksheet = workbook[title]
        total = worksheet.max_row or 0
        worksheet.reset_dimensions()  # the stored dimension is often wrong; read what is there
        merges = _merged_ranges(worksheet)
    except Exception as error:
        workbook.close()
        raise FormatError(f"sheet «{title}» is damaged: {type(error).__name__}: {error}") from None
    rows = _rows(worksheet, merges)
    return Sheet(title, names_in_order, total, rows, workbook)


def _merged_ranges(worksheet: Any) -> list[_Range]:
    """The merged ranges of a read-only sheet, from the ``<mergeCells>`` at the end of its XML
    (read-only worksheets keep the path of their part in ``_worksheet_path``)."""
    from openpyxl.utils.cell import range_boundaries

    archive = worksheet.parent._archive
    ranges = []
    with archive.open(worksheet._worksheet_path) as source:
        for _, element in ElementTree.iterparse(source):
            if element.tag == _MERGE_CELL:
                min_col, min_row, max_col, max_row = range_boundaries(element.get("ref", ""))
                ranges.append(_Range(min_row, min_col, max_row, max_col))
            element.clear()  # keep memory flat on a big sheet
    return sorted(ranges, key=lambda r: (r.min_row, r.min_col))


def _rows(worksheet: Any, merges: list[_Range]) -> Iterator[tuple[int, list[str]]]:
    """(row number, cell texts); a cell covered by a merged range gets the range's value.
    Rows whose only content comes from a merged range above them are returned empty."""
    pending = list(reversed(merges))
    active: list[_Range] = []
    try:
        for number, row in enumerate(worksheet.iter_rows(), start=1):
            texts = [cell_text(c.value, getattr(c, "number_format", None)) for c in row]
            while pending and pending[-1].min_row <= number:
                active.append(pending.pop())
            active = [r for r in active if r.max_row >= number]
            own = any(texts)
            for merged in active:
                if len(texts) < merged.max_col:
                    texts.extend([""] * (merged.max_col - len(texts)))
                if merged.min_row == number:
                    merged.value = texts[merged.min_col - 1]
                for col in range(merged.min_col, merged.max_col + 1):
                    if (number, col) != (merged.min_row, merged.min_col):
                        texts[col - 1] = merged.value
            yield number, texts if own else []
    except LibraryError:
        raise
    except Exception as error:
        raise FormatError(f"the sheet is damaged: {type(error).__name__}: {error}") from None


# Column widths in characters: long text columns wide, codes narrow.
_WIDTHS = {
    "title": 50,
    "title_remainder": 30,
    "authors": 30,
    "editors": 25,
    "corporate_authors": 30,
    "responsibility": 30,
    "year": 8,
    "edition": 15,
    "places": 15,
    "publishers": 25,
    "pages": 10,
    "series": 25,
    "isbn": 17,
    "issn": 11,
    "doi": 25,
    "subjects": 30,
    "geographic_names": 20,
    "keywords": 30,
    "languages": 10,
    "material_type": 12,
    "notes": 30,
    "summary": 50,
    "url": 30,
    "host_title": 30,
    "project": 25,
    "funders": 25,
}
_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_PLAIN_YEAR = re.compile(r"^[12][0-9]{3}$")


def write_workbook(
    target: BinaryIO, columns: list[str], labels: list[str], rows: Iterable[list[str]]
) -> None:
    """Stream the rows into a one-sheet workbook: bold, frozen header, fixed widths (set before
    any row, since a streamed sheet cannot be measured afterwards)."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Catalog")
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = _WIDTHS.get(column, 15)
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    header = []
    for label in labels:
        cell = WriteOnlyCell(sheet, value=label)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    try:
        for values in rows:
            cells: list[Any] = []
            for column, value in zip(columns, values, strict=True):
                text = _ILLEGAL.sub("", value)
                if column == "year" and _PLAIN_YEAR.match(text):
                    cells.append(int(text))  # a year as a number, as people type it
                    continue
                cell = WriteOnlyCell(sheet, value=text or None)
                if text.startswith("="):
                    cell.data_type = "s"  # a title starting with "=" is not a formula
                cells.append(cell)
            sheet.append(cells)
    except BaseException:
        # A cancelled or failed export: finish the sheet's streaming writer now, or it is
        # finished by the garbage collector later, writing into a file already closed.
        with contextlib.suppress(Exception):
            sheet.close()
        raise
    workbook.save(target)
