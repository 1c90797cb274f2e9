"""The contract between the import/export services and the format modules.

A format module knows only its format: it turns bytes into ``Record`` objects (reporting every
problem with the record number and field where it is) and records into bytes.  Everything else —
detecting the format, finding duplicates, writing atomically, progress, cancelling, reports — is
done once, by ``importing`` and ``exporting``.  Options are one dataclass each way, holding the
options of every format, so the CLI flags and the GUI wizard can be built from one place.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO, ClassVar

from library_app.core.errors import InputError
from library_app.core.model import Record
from library_app.core.progress import (
    CancelCheck,
    ProgressCallback,
    never_cancelled,
    no_progress,
)


class Severity(StrEnum):
    ERROR = "error"  # the record (or the file) cannot be imported
    WARNING = "warning"  # imported, but something was dropped, guessed or repaired


@dataclass(frozen=True)
class Problem:
    """Something wrong in the input, said so that a person can find it in the file.

    ``position`` is the 1-based number of the record in the file (None: the file as a whole);
    ``where`` is the field, column or line inside it ("245$a", "column «Title»", "line 12",
    "byte 10230").
    """

    message: str
    position: int | None = None
    where: str = ""
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        place = []
        if self.position is not None:
            place.append(f"record {self.position}")
        if self.where:
            place.append(self.where)
        prefix = ", ".join(place)
        return f"{prefix}: {self.message}" if prefix else self.message

    def to_json(self) -> dict[str, object]:
        return {
            "record": self.position,
            "where": self.where,
            "severity": self.severity.value,
            "message": self.message,
        }


class FormatError(InputError):
    """The file is not what it claims to be (binary garbage, truncated, wrong encoding …):
    nothing of it can be imported, and nothing was changed."""


@dataclass
class ReadOptions:
    """How to read a file; each format uses the options that concern it and ignores the rest."""

    encoding: str | None = None  # None: detect (the result says which one was used)
    # CSV/XLSX: column header → record field (see tabular.FIELDS); None: guess from the headers
    columns: dict[str, str] | None = None
    multi_value_separator: str = ";"  # CSV/XLSX: between values of one cell ("Экология; Вода")
    delimiter: str | None = None  # CSV: None = detect
    sheet: str | None = None  # XLSX: None = the first sheet


@dataclass
class WriteOptions:
    """How to write a file; each format uses the options that concern it."""

    columns: list[str] | None = None  # CSV/XLSX: record fields to write, in order; None: all
    multi_value_separator: str = "; "
    delimiter: str = ","  # CSV
    encoding: str = "utf-8"  # CSV, RIS, BibTeX; MARC is always written in UTF-8


@dataclass
class ReadItem:
    """One record of the file: the description read from it, or None when it is unreadable
    (then ``problems`` holds at least one error saying why)."""

    position: int
    record: Record | None
    problems: list[Problem] = field(default_factory=list)

    @property
    def readable(self) -> bool:
        return self.record is not None


@dataclass
class ReadResult:
    format_id: str
    encoding: str  # the character encoding used ("" where the format has none, e.g. XLSX)
    items: list[ReadItem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # about the file as a whole


class Reader(ABC):
    """Reads one format.  Subclasses set the class attributes and implement ``read``."""

    format_id: ClassVar[str]  # "marc21", "marcxml", "rusmarc", "csv", "xlsx", "ris", …
    label: ClassVar[str]  # for people: "MARC21 (ISO 2709)"
    extensions: ClassVar[tuple[str, ...]]  # lower case, with the dot: (".mrc", ".iso")

    @classmethod
    @abstractmethod
    def sniff(cls, head: bytes) -> int:
        """How sure (0–100) this format is, from the first bytes of a file (up to 64 kB).

        Content decides, not the file name: partners send ``.txt`` MARC files and ``.dat``
        RIS.  0 means "certainly not"; 100 means "certainly".
        """

    @abstractmethod
    def read(
        self,
        path: Path,
        options: ReadOptions,
        *,
        progress: ProgressCallback = no_progress,
        is_cancelled: CancelCheck = never_cancelled,
    ) -> ReadResult:
        """Read every record that is readable; report each unreadable one as an item with an
        error and no record.  Raise ``FormatError`` when the file as a whole is not this
        format or cannot be decoded, ``Cancelled`` (via check_cancel) when asked to stop."""


class Writer(ABC):
    """Writes one format to a binary stream; the export service handles files and progress."""

    format_id: ClassVar[str]
    label: ClassVar[str]
    extension: ClassVar[str]  # ".mrc"

    @abstractmethod
    def write(self, records: Iterable[Record], target: BinaryIO, options: WriteOptions) -> None:
        """Write all ``records``; they are consumed lazily (the export service counts them for
        progress and stops the iteration on cancel)."""


def read_file(path: Path) -> bytes:
    """The whole file, or a FormatError naming it (missing, a folder, no permission …)."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise FormatError(f"{path}: cannot be read ({error.strerror or error})") from None


def problem_text(problems: Iterable[Problem]) -> str:
    return "; ".join(str(p) for p in problems)
