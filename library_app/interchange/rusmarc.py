"""RUSMARC / UNIMARC in ISO 2709: what IRBIS64 and the national libraries exchange.

Files come in UTF-8 or Windows-1251, sometimes both in one file (records re-saved by another
program), so the encoding is decided record by record unless the user chose one.  The field
mapping lives in ``rusmarc_mapping`` (reading) and ``rusmarc_export`` (writing); this module
drives them: lenient reading with every repair reported by record and field, and writing that
gives back an imported record field for field unless someone edited it here.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO, ClassVar

from library_app.core.errors import InputError
from library_app.core.model import Record, SourceField, SourceRecord, Subfield
from library_app.core.progress import (
    CancelCheck,
    ProgressCallback,
    check_cancel,
    never_cancelled,
    no_progress,
)
from library_app.interchange import iso2709
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
from library_app.interchange.rusmarc_export import to_rusmarc
from library_app.interchange.rusmarc_mapping import Context, map_source

PROGRESS_EVERY = 200
ENCODINGS = {"utf-8": "utf-8", "utf8": "utf-8", "cp1251": "cp1251", "windows-1251": "cp1251"}
MAX_FIELD = 9999  # bytes, directory entry's four digits
# what validation refuses in any text (PostgreSQL cannot even store NUL)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def chosen_encoding(name: str | None) -> str | None:
    if name is None or not name.strip():
        return None
    try:
        return ENCODINGS[name.strip().lower()]
    except KeyError:
        raise FormatError(
            f"RUSMARC files are in UTF-8 or Windows-1251; «{name}» cannot be used "
            "(choose utf-8, cp1251 or windows-1251, or let the encoding be detected)"
        ) from None


def _clean(text: str, where: str, ctx: Context) -> str:
    if not _CONTROL.search(text):
        return text
    found = ", ".join(sorted({f"U+{ord(c):04X}" for c in _CONTROL.findall(text)}))
    ctx.warn(where, f"control characters ({found}) were removed")
    return _CONTROL.sub("", text)


def sanitize(source: SourceRecord, ctx: Context) -> None:
    """Control characters have no place in a description and the catalog refuses them, in the
    kept record as much as in the fields we map: remove them, saying where."""
    source.leader = _CONTROL.sub(" ", source.leader)
    for f in source.fields:
        if f.is_control:
            f.data = _clean(f.data, f.tag, ctx)
            continue
        f.indicators = _CONTROL.sub(" ", f.indicators)
        for i, sub in enumerate(f.subfields):
            code = "?" if _CONTROL.match(sub.code) else sub.code
            f.subfields[i] = Subfield(code, _clean(sub.value, f"{f.tag}${code}", ctx))


def read_record(source: SourceRecord, position: int, problems: list[Problem]) -> Record | None:
    """Our description of one decoded record, or None (with an error) when it has no title."""
    ctx = Context(position, problems)
    source.format = "rusmarc"
    sanitize(source, ctx)
    record = map_source(source, ctx)
    if not record.title.strip():
        problems.append(
            Problem(
                "the record has no title proper (200$a) and cannot be imported", position, "200"
            )
        )
        return None
    return record


class RusmarcReader(Reader):
    format_id: ClassVar[str] = "rusmarc"
    label: ClassVar[str] = "RUSMARC / UNIMARC (ISO 2709)"
    extensions: ClassVar[tuple[str, ...]] = (".iso", ".mrc", ".rusmarc")

    @classmethod
    def sniff(cls, head: bytes) -> int:
        """UNIMARC's title is in 200, MARC21's in 245: the first directory tells them apart."""
        if not iso2709.looks_like_iso2709(head):
            return 0
        tags = iso2709.directory_tags(head)
        if "245" in tags:
            return 5
        return 90 if "200" in tags else 10

    def read(
        self,
        path: Path,
        options: ReadOptions,
        *,
        progress: ProgressCallback = no_progress,
        is_cancelled: CancelCheck = never_cancelled,
    ) -> ReadResult:
        encoding = chosen_encoding(options.encoding)
        data = read_file(path)
        tags = iso2709.directory_tags(data[:100_000])
        if "245" in tags and "200" not in tags:
            raise FormatError(
                f"{path}: this is MARC21 (title in field 245, no field 200), not RUSMARC; "
                "read it as MARC21"
            )
        raws, split_problems = iso2709.split_records(data)
        if not any(raw.data for raw in raws):
            raise FormatError(
                f"{path}: no ISO 2709 record was found (RUSMARC records start with a "
                "24-character leader and end with a record terminator)"
            )
        result = ReadResult(self.format_id, "")
        result.problems = [p for p in split_problems if p.position is None]
        by_position: dict[int, list[Problem]] = {}
        for p in split_problems:
            if p.position is not None:
                by_position.setdefault(p.position, []).append(p)
        used: list[str] = []
        total = len(raws)
        for done, raw in enumerate(raws):
            if done % PROGRESS_EVERY == 0:
                check_cancel(is_cancelled)
                progress(done, total)
            decoded = iso2709.decode_record(raw, encoding, marc21=False)
            problems = by_position.get(raw.position, []) + decoded.problems
            record = None
            if decoded.source is not None:
                if decoded.encoding and decoded.encoding not in used:
                    used.append(decoded.encoding)
                record = read_record(decoded.source, raw.position, problems)
            if record is None and not any(p.severity == Severity.ERROR for p in problems):
                problems.append(Problem("the record cannot be read", raw.position))
            result.items.append(ReadItem(raw.position, record, problems))
        check_cancel(is_cancelled)
        progress(total, total)
        result.encoding = ", ".join(used) or (encoding or "")
        return result


def _cut(text: str, room: int) -> list[str]:
    """``text`` in pieces of at most ``room`` bytes, cut after whitespace where possible."""
    pieces: list[str] = []
    current = ""
    for word in re.split(r"(?<=\s)", text):
        while len(word.encode()) > room:  # a «word» longer than a field is cut anyway
            if current:
                pieces.append(current)
                current = ""
            cut = len(word.encode()[:room].decode("utf-8", "ignore"))
            pieces.append(word[:cut])
            word = word[cut:]
        if current and len((current + word).encode()) > room:
            pieces.append(current)
            current = ""
        current += word
    if current or not pieces:
        pieces.append(current)
    return pieces


def fit_field(f: SourceField) -> list[SourceField]:
    """A field too long for ISO 2709 (9,999 bytes; Cyrillic doubles in UTF-8) as several
    fields of the same tag, its longest subfield cut between words."""
    size = 3 + sum(2 + len(s.value.encode()) for s in f.subfields)
    if f.is_control or size <= MAX_FIELD or not f.subfields:
        return [f]
    longest = max(range(len(f.subfields)), key=lambda i: len(f.subfields[i].value.encode()))
    sub = f.subfields[longest]
    room = max(MAX_FIELD - (size - len(sub.value.encode())) - 16, 1000)
    pieces = _cut(sub.value, room)
    head = SourceField(f.tag, f.indicators, list(f.subfields))
    head.subfields[longest] = Subfield(sub.code, pieces[0])
    rest = [SourceField(f.tag, f.indicators, [Subfield(sub.code, p)]) for p in pieces[1:]]
    return [head, *rest]


class RusmarcWriter(Writer):
    format_id: ClassVar[str] = "rusmarc"
    label: ClassVar[str] = "RUSMARC / UNIMARC (ISO 2709)"
    extension: ClassVar[str] = ".iso"

    def write(self, records: Iterable[Record], target: BinaryIO, options: WriteOptions) -> None:
        """UTF-8 always (100/26-29 «50»): every system reading RUSMARC today reads it."""
        for number, record in enumerate(records, 1):
            source = to_rusmarc(record)
            source.fields = [piece for f in source.fields for piece in fit_field(f)]
            try:
                data = iso2709.encode_record(source, leader_utf8=False)
            except ValueError as error:
                label = f" («{record.title[:60]}»)" if record.title else ""
                raise InputError(
                    f"record {number}{label} cannot be written in ISO 2709: {error}"
                ) from None
            if source.leader[23:24] == " ":  # UNIMARC leaves leader/23 undefined (blank)
                data = data[:23] + b" " + data[24:]
            target.write(data)
