"""The list of exchange formats, and finding which one a file is in.

Format modules are imported only when used (openpyxl, bibtexparser and pymarc are not free to
import), so the CLI's ``--help`` and the GUI's start stay fast.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

from library_app.core.errors import InputError
from library_app.interchange.base import FormatError, Reader, Writer

SNIFF_BYTES = 64 * 1024


@dataclass(frozen=True)
class FormatInfo:
    id: str
    label: str
    extensions: tuple[str, ...]
    reader: str | None  # "module:Class" inside library_app.interchange
    writer: str | None

    def reader_class(self) -> type[Reader]:
        if self.reader is None:
            raise InputError(f"{self.label} files can be written but not read")
        return _load(self.reader)

    def writer_class(self) -> type[Writer]:
        if self.writer is None:
            raise InputError(f"{self.label} files can be read but not written")
        return _load(self.writer)


FORMATS: tuple[FormatInfo, ...] = (
    FormatInfo(
        "marc21",
        "MARC21 (ISO 2709)",
        (".mrc", ".marc", ".iso", ".dat"),
        "marc21:Marc21Reader",
        "marc21:Marc21Writer",
    ),
    FormatInfo(
        "marcxml", "MARCXML", (".xml", ".marcxml"), "marc21:MarcXmlReader", "marc21:MarcXmlWriter"
    ),
    FormatInfo(
        "rusmarc",
        "RUSMARC / UNIMARC (ISO 2709)",
        (".iso", ".mrc", ".rusmarc"),
        "rusmarc:RusmarcReader",
        "rusmarc:RusmarcWriter",
    ),
    FormatInfo("csv", "CSV", (".csv", ".tsv", ".txt"), "tabular:CsvReader", "tabular:CsvWriter"),
    FormatInfo("xlsx", "Excel (XLSX)", (".xlsx",), "tabular:XlsxReader", "tabular:XlsxWriter"),
    FormatInfo("ris", "RIS", (".ris",), "citations:RisReader", "citations:RisWriter"),
    FormatInfo(
        "bibtex", "BibTeX", (".bib", ".bibtex"), "citations:BibtexReader", "citations:BibtexWriter"
    ),
    FormatInfo(
        "csljson", "CSL-JSON", (".json",), "citations:CslJsonReader", "citations:CslJsonWriter"
    ),
)
BY_ID = {f.id: f for f in FORMATS}


def _load(spec: str) -> type:
    module_name, _, class_name = spec.partition(":")
    module = importlib.import_module(f"library_app.interchange.{module_name}")
    return getattr(module, class_name)


def format_by_id(format_id: str) -> FormatInfo:
    try:
        return BY_ID[format_id.lower()]
    except KeyError:
        known = ", ".join(BY_ID)
        raise InputError(f"unknown format «{format_id}»; use one of: {known}") from None


def readable_formats() -> list[FormatInfo]:
    return [f for f in FORMATS if f.reader]


def writable_formats() -> list[FormatInfo]:
    return [f for f in FORMATS if f.writer]


@dataclass(frozen=True)
class Detection:
    format: FormatInfo
    confidence: int  # 0–100
    by_content: bool  # False: only the file name suggested it


def detect_format(path: Path) -> Detection:
    """The format of ``path`` judged from its content, the extension only breaking ties.

    Raises ``FormatError`` naming the file when no format recognises it (an empty file, a PDF,
    a picture …) so that nothing is attempted.
    """
    try:
        with path.open("rb") as stream:
            head = stream.read(SNIFF_BYTES)
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror or error})") from None
    if not head.strip():
        raise FormatError(f"{path}: the file is empty")
    suffix = path.suffix.lower()
    best: Detection | None = None
    for info in readable_formats():
        score = info.reader_class().sniff(head)
        if score <= 0:
            continue
        rank = score + (5 if suffix in info.extensions else 0)
        if best is None or rank > best.confidence + (5 if suffix in best.format.extensions else 0):
            best = Detection(info, score, by_content=True)
    if best is None:
        known = ", ".join(f.label for f in readable_formats())
        raise FormatError(
            f"{path}: the format of this file is not recognised (none of {known}); "
            "if it is one of them, choose the format explicitly"
        )
    return best
