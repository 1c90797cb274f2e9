"""MARC21 bibliographic records: ISO 2709 files (``.mrc``) and MARCXML, read and written.

The pieces: ``iso2709`` cuts and decodes the file leniently (UTF-8, MARC-8, CP1251 record by
record), ``marc21_mapping`` turns the fields into our record and keeps them in it,
``marc21_export`` writes the kept fields back where nobody changed the description and
generates the rest, ``marcxml`` reads and writes the XML form.  This module is what the format
registry names, and it holds the ISO 2709 reader and writer.

Encodings accepted in ``ReadOptions.encoding``: "utf-8"/"utf8", "marc-8"/"marc8",
"cp1251"/"windows-1251"; the result names the one used as "utf-8", "marc-8" or "cp1251" (the
most common when records differ).  MARC is always written in UTF-8 (leader/09 "a").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, ClassVar

from library_app.core.errors import InputError
from library_app.core.model import Record
from library_app.core.progress import CancelCheck, ProgressCallback, never_cancelled, no_progress
from library_app.interchange import iso2709
from library_app.interchange.base import (
    FormatError,
    Problem,
    Reader,
    ReadOptions,
    ReadResult,
    Severity,
    WriteOptions,
    Writer,
    problem_text,
    read_file,
)
from library_app.interchange.marc21_export import to_source
from library_app.interchange.marc21_mapping import read_items
from library_app.interchange.marcxml import MarcXmlReader, MarcXmlWriter

__all__ = ["Marc21Reader", "Marc21Writer", "MarcXmlReader", "MarcXmlWriter", "encoding_name"]

_ENCODINGS = {
    "utf-8": "utf-8",
    "utf8": "utf-8",
    "marc-8": "marc-8",
    "marc8": "marc-8",
    "cp1251": "cp1251",
    "windows-1251": "cp1251",
}
# Tags only MARC21 has (UNIMARC/RUSMARC use 001 and 005 too, but 100 for coded data, 200 title)
_MARC21_TAGS = frozenset({"008", "010", "020", "040", "050", "082", "245", "260", "264", "300"})


def encoding_name(requested: str | None) -> str | None:
    """The decoder's name for an encoding people may spell several ways; FormatError names
    the ones accepted."""
    if requested is None or not requested.strip():
        return None
    try:
        return _ENCODINGS[requested.strip().lower()]
    except KeyError:
        raise FormatError(
            f"MARC21 files cannot be read as «{requested}»; "
            "choose utf-8, marc-8 or cp1251 (windows-1251)"
        ) from None


class Marc21Reader(Reader):
    format_id = "marc21"
    label = "MARC21 (ISO 2709)"
    extensions: ClassVar[tuple[str, ...]] = (".mrc", ".marc", ".iso", ".dat")

    @classmethod
    def sniff(cls, head: bytes) -> int:
        if not iso2709.looks_like_iso2709(head):
            return 0
        tags = set(iso2709.directory_tags(head))
        if "200" not in tags and (tags & _MARC21_TAGS or any(t[:1] == "1" for t in tags)):
            return 90
        return 60

    def read(
        self,
        path: Path,
        options: ReadOptions,
        *,
        progress: ProgressCallback = no_progress,
        is_cancelled: CancelCheck = never_cancelled,
    ) -> ReadResult:
        encoding = encoding_name(options.encoding)
        data = read_file(path)
        if not data.strip():
            raise FormatError(f"{path.name}: the file is empty")
        raws, split_problems = iso2709.split_records(data)
        if not raws:
            raise FormatError(
                f"{path.name}: not a MARC21 (ISO 2709) file — no record leader was found"
            )
        by_position: dict[int, list[Problem]] = {}
        file_problems: list[Problem] = []
        for problem in split_problems:
            if problem.position is None:
                file_problems.append(problem)
            else:
                by_position.setdefault(problem.position, []).append(problem)
        used: Counter[str] = Counter()

        def decoded():
            for raw in raws:
                record = iso2709.decode_record(raw, encoding, marc21=True)
                if record.source is not None:
                    used[record.encoding] += 1
                yield (
                    raw.position,
                    record.source,
                    by_position.get(raw.position, []) + record.problems,
                )

        items, merged = read_items(decoded(), len(raws), progress, is_cancelled)
        if not any(item.readable for item in items):
            first = _first_errors([p for i in items for p in i.problems] + file_problems + merged)
            raise FormatError(f"{path.name}: no MARC21 record could be read: {problem_text(first)}")
        found = used.most_common(1)[0][0] if used else ""
        return ReadResult(self.format_id, encoding or found, items, file_problems + merged)


class Marc21Writer(Writer):
    format_id = "marc21"
    label = "MARC21 (ISO 2709)"
    extension = ".mrc"

    def write(self, records: Iterable[Record], target: BinaryIO, options: WriteOptions) -> None:
        for position, record in enumerate(records, 1):
            try:
                target.write(iso2709.encode_record(to_source(record)))
            except ValueError as error:
                raise InputError(
                    f"record {position} ({record_label(record)}) cannot be written in ISO 2709: "
                    f"{error}; export it as MARCXML, which has no such limit"
                ) from None


def _first_errors(problems: list[Problem]) -> list[Problem]:
    """The problems to name when nothing could be read: errors first, three at most."""
    return sorted(problems, key=lambda p: p.severity != Severity.ERROR)[:3]


def record_label(record: Record) -> str:
    parts = [f"id {record.id}"] if record.id is not None else []
    if record.control_number:
        parts.append(f"001 {record.control_number}")
    parts.append(f"«{record.title[:60]}»")
    return ", ".join(parts)
