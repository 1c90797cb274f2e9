"""ISO 2709 — the record structure under MARC21 and RUSMARC/UNIMARC — read leniently, written
strictly.

Real exchange files are damaged in every way: a leader length that lies, a directory pointing
past the end, a slice cut out of a larger export, trailing junk after the last record.  pymarc
gives up on a record at the first such problem; a library importing 10,000 records from a
partner needs the other 9,999 and a list of what was wrong where.  So records are split on the
record terminator (never trusting the leader's length), each field is located through the
directory and, where the directory is broken, recovered from the field terminators, and every
repair is reported.  Field contents are decoded here (UTF-8, MARC-8 or CP1251) into the
format-neutral ``SourceRecord`` that the MARC21 and RUSMARC mappings read and that the catalog
keeps for lossless export.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from pymarc import marc8_mapping
from pymarc.marc8 import MARC8ToUnicode

from library_app.core.model import SourceField, SourceRecord, Subfield
from library_app.interchange.base import Problem, Severity

RECORD_END = 0x1D
FIELD_END = 0x1E
SUBFIELD_START = 0x1F
LEADER_LENGTH = 24
ENCODINGS = ("utf-8", "marc-8", "cp1251")
_DIGITS5 = re.compile(rb"^\d{5}")
_TAG = re.compile(r"^[0-9A-Za-z]{3}$")
_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass
class RawRecord:
    position: int  # 1-based number of the record in the file
    offset: int  # byte offset of its first byte
    data: bytes  # the record without its terminator


@dataclass
class DecodedRecord:
    position: int
    source: SourceRecord | None  # None: nothing usable could be read
    problems: list[Problem] = field(default_factory=list)
    encoding: str = ""  # the encoding its text was decoded from


def split_records(data: bytes) -> tuple[list[RawRecord], list[Problem]]:
    """Cut a file into records at record terminators.

    Whitespace between records (some exporters add newlines) is skipped; a piece that does not
    start like a record (five digits of length) is reported and skipped — typically the tail of
    a record cut off at the start of a slice, or junk after the last record.
    """
    records: list[RawRecord] = []
    problems: list[Problem] = []
    start = 0
    length = len(data)
    while start < length:
        while start < length and data[start] in b"\r\n\t \x00\x1a":
            start += 1  # separators some exporters put between records; DOS end-of-file mark
        if start >= length:
            break
        end = data.find(bytes([RECORD_END]), start)
        complete = end != -1
        if not complete:
            end = length
        piece = data[start:end]
        if not _DIGITS5.match(piece) or len(piece) < LEADER_LENGTH:
            problems.append(
                Problem(
                    f"{len(piece)} bytes that are not a record (no leader) were skipped",
                    where=f"byte {start}",
                    severity=Severity.WARNING,
                )
            )
        elif not complete:
            problems.append(
                Problem(
                    "the file ends in the middle of a record (no record terminator); "
                    "the incomplete record was skipped",
                    position=len(records) + 1,
                    where=f"byte {start}",
                )
            )
            records.append(RawRecord(len(records) + 1, start, b""))
        else:
            records.append(RawRecord(len(records) + 1, start, piece))
        start = end + 1
    return records, problems


def looks_like_iso2709(head: bytes) -> bool:
    """A leader (record length, then indicator and subfield-code counts) and a field terminator."""
    head = head.lstrip(b"\r\n\t ")
    return (
        len(head) >= LEADER_LENGTH
        and bool(_DIGITS5.match(head))
        and head[12:17].isdigit()
        and FIELD_END in head[:100_000]
    )


def directory_tags(head: bytes) -> list[str]:
    """Tags of the first record's directory: enough to tell MARC21 (245) from UNIMARC (200)."""
    head = head.lstrip(b"\r\n\t ")
    end = head.find(bytes([FIELD_END]), LEADER_LENGTH)
    if end == -1:
        return []
    directory = head[LEADER_LENGTH:end]
    return [
        directory[i : i + 3].decode("ascii", "replace") for i in range(0, len(directory) - 11, 12)
    ]


# --- encodings ---------------------------------------------------------------------------------


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def guess_encoding(data: bytes, *, leader_says_utf8: bool, marc8_possible: bool = True) -> str:
    """The encoding of a file's text: UTF-8, MARC-8 or CP1251.

    Leaders lie (PROVENANCE lists a CP1251 file marked MARC-8 and UTF-8 files marked MARC-8), so
    the bytes decide: valid UTF-8 with multi-byte characters is UTF-8; MARC-8 switches scripts
    with ESC and puts a combining diacritic *before* a Latin letter, so its high bytes stand
    alone; Cyrillic in CP1251 comes in runs of high bytes (whole words).
    """
    if not marc8_possible:  # UNIMARC/RUSMARC exchange files: UTF-8 or Windows Cyrillic
        return "utf-8" if _is_utf8(data) else "cp1251"
    if 0x1B in data and not (leader_says_utf8 and _is_utf8(data)):
        return "marc-8"  # escape sequences switch MARC-8 character sets; UTF-8 text has none
    high = sum(1 for b in data if b >= 0x80)
    if high == 0:
        return "utf-8" if leader_says_utf8 else "marc-8"
    if _is_utf8(data):
        return "utf-8"
    in_runs = sum(1 for a, b in itertools.pairwise(data) if a >= 0x80 and b >= 0x80)
    return "cp1251" if in_runs * 2 >= high else "marc-8"


def _decoder(encoding: str):
    if encoding == "marc-8":
        converter = MARC8ToUnicode(quiet=True)

        def decode_marc8(raw: bytes) -> str:
            converter.g0, converter.g1 = MARC8ToUnicode.basic_latin, MARC8ToUnicode.ansel
            if b"\x1b" not in raw:  # only escapes reach the multi-byte (EACC) sets
                text = converter.translate(raw)
            else:
                # pymarc writes a cut-short multi-byte (EACC) character to stderr, quiet or not
                complaint = io.StringIO()
                with contextlib.redirect_stderr(complaint):
                    text = converter.translate(raw)
                if complaint.getvalue():
                    raise ValueError("a multi-byte (East Asian) character is cut short")
            bad = _invalid_escape(raw)
            if bad is not None:
                raise _DubiousText(
                    f"an invalid MARC-8 escape sequence (ESC {bad[1]}) at position {bad[0]} "
                    "was dropped; check the text",
                    text,
                )
            return text

        return decode_marc8

    def decode(raw: bytes) -> str:
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError as error:
            raise _BadText(error, raw.decode(encoding, "replace")) from None

    return decode


_ESCAPE_FINALS = frozenset(b"(,$)-s") | frozenset(marc8_mapping.CODESETS)


def _invalid_escape(raw: bytes) -> tuple[int, str] | None:
    """Where the first ESC that starts no MARC-8 escape sequence is, and what follows it."""
    start = raw.find(0x1B)
    while start != -1:
        following = raw[start + 1 : start + 2]
        if not following:
            return start, "at the end"
        if following[0] not in _ESCAPE_FINALS:
            shown = chr(following[0])
            printable = shown.isprintable() and shown != " "
            return start, f"«{shown}»" if printable else f"0x{following.hex().upper()}"
        start = raw.find(0x1B, start + 1)
    return None


# --- decoding records --------------------------------------------------------------------------


def _parse_directory(
    data: bytes, start: int, end: int, *, exact: bool = True
) -> list[tuple[str, int, int]] | None:
    """12-byte entries (tag, length, offset) between ``start`` and ``end``; None if any entry
    is not numeric, or (``exact``) a piece is left over."""
    directory = data[start:end]
    if exact and len(directory) % 12:
        return None
    entries = []
    for i in range(0, len(directory) - 11, 12):
        entry = directory[i : i + 12]
        if not entry[3:12].isdigit():
            return None
        entries.append((entry[:3].decode("ascii", "replace"), int(entry[3:7]), int(entry[7:12])))
    return entries


def _parse_long_numbers(data: bytes, start: int, end: int) -> list[tuple[str, int, int]] | None:
    """Entries of a directory whose numbers outgrew their places (a field over 9,999 bytes, a
    record over 99,999 bytes — some systems export them anyway).  Each offset is the sum of the
    lengths before it, which tells where one entry ends and the next begins."""
    entries = []
    position, offset = start, 0
    while position < end:
        tag = data[position : position + 3].decode("ascii", "replace")
        expected = f"{offset:05d}".encode("ascii")
        for width in (4, 5):
            length = data[position + 3 : position + 3 + width]
            found = data[position + 3 + width : position + 3 + width + len(expected)]
            if length.isdigit() and found == expected:
                break
        else:
            return None
        entries.append((tag, int(length), offset))
        position += 3 + width + len(expected)
        offset += int(length)
    return entries if position == end else None


def _located(
    data: bytes, base: int, entries: list[tuple[str, int, int]]
) -> list[tuple[str, bytes]] | None:
    """(tag, bytes) of each entry when every one ends exactly on a field terminator."""
    fields: list[tuple[str, bytes]] = []
    for tag, length, start in entries:
        chunk = data[base + start : base + start + length]
        if len(chunk) != length or not chunk.endswith(bytes([FIELD_END])):
            return None
        fields.append((tag, chunk[:-1]))
    return fields


def _field_slices(raw: RawRecord, problems: list[Problem]) -> tuple[list[tuple[str, bytes]], int]:
    """(tag, bytes) of each field, through the directory, and the length of the leader.

    A damaged directory is read in the ways real files damage it, most trusted first: as
    written; after a leader one byte short or long; with offsets of more than five digits;
    and at last from the field terminators, in the directory's order.
    """
    data = raw.data
    directory_end = data.find(bytes([FIELD_END]), LEADER_LENGTH - 1)
    if directory_end == -1:
        raise _Unreadable("the directory has no end (no field terminator)", "directory")
    base = directory_end + 1
    declared_base = data[12:17]

    def report(message: str, where: str = "directory") -> None:
        problems.append(Problem(message, raw.position, where, Severity.WARNING))

    entries = _parse_directory(data, LEADER_LENGTH, directory_end, exact=False)
    fields = _located(data, base, entries) if entries is not None else None
    if fields is not None:
        if (directory_end - LEADER_LENGTH) % 12:
            report(
                f"the directory is {directory_end - LEADER_LENGTH} bytes long, not a multiple "
                "of 12; the last incomplete entry was ignored"
            )
        if declared_base.isdigit() and int(declared_base) != base:
            report(
                f"the leader gives the data a base address of {int(declared_base)}, "
                f"the directory ends at {base}; the directory was trusted",
                "leader/12-16",
            )
        return fields, LEADER_LENGTH
    for leader_length in (LEADER_LENGTH - 1, LEADER_LENGTH + 1):
        shifted = _parse_directory(data, leader_length, directory_end)
        fields = _located(data, base, shifted) if shifted else None
        if fields is not None:
            report(
                f"the leader is {leader_length} bytes long instead of {LEADER_LENGTH}; "
                "the directory was read after it",
                "leader",
            )
            return fields, leader_length
    long_entries = _parse_long_numbers(data, LEADER_LENGTH, directory_end)
    fields = _located(data, base, long_entries) if long_entries else None
    if fields is not None:
        report(
            "the directory has lengths or offsets with too many digits (a field or the record "
            "is longer than ISO 2709 allows); the fields were located by their lengths"
        )
        return fields, LEADER_LENGTH
    # Nothing fits: take the fields in order, as the terminators cut them, with the tags of
    # the directory's complete entries.
    directory = data[LEADER_LENGTH:directory_end]
    if len(directory) % 12:
        report(
            f"the directory is {len(directory)} bytes long, not a multiple of 12; "
            "the last incomplete entry was ignored"
        )
    tags: list[str] = []
    for i in range(0, len(directory) - 11, 12):
        entry = directory[i : i + 12]
        tag = entry[:3].decode("ascii", "replace")
        if not entry[3:12].isdigit():
            raise _Unreadable(f"directory entry {i // 12 + 1} ({tag}) is not numeric", "directory")
        tags.append(tag)
    pieces = data[base:].split(bytes([FIELD_END]))
    if pieces and pieces[-1] == b"":
        pieces.pop()
    report(
        "the directory does not match the fields (wrong lengths or offsets); "
        f"{min(len(pieces), len(tags))} fields were recovered from their terminators"
    )
    if len(pieces) != len(tags):
        report(f"the directory lists {len(tags)} fields but the record holds {len(pieces)}")
    return list(zip(tags, pieces, strict=False)), LEADER_LENGTH


class _BadText(Exception):
    """Bytes that are not valid in the record's encoding; ``text`` has them replaced (U+FFFD)."""

    def __init__(self, error: UnicodeDecodeError, text: str) -> None:
        super().__init__(str(error))
        self.byte = error.object[error.start : error.start + 1].hex().upper()
        self.offset = error.start
        self.text = text


class _DubiousText(Exception):
    """Text that was decoded, but only by dropping something; ``str()`` says what."""

    def __init__(self, message: str, text: str) -> None:
        super().__init__(message)
        self.text = text


class _Unreadable(Exception):
    def __init__(self, message: str, where: str) -> None:
        super().__init__(message)
        self.where = where


def _decode_field(
    tag: str, chunk: bytes, decode, raw: RawRecord, problems: list[Problem]
) -> SourceField | None:
    if not _TAG.match(tag):
        problems.append(
            Problem(
                f"field with an invalid tag «{tag}» was skipped",
                raw.position,
                f"tag {tag}",
                Severity.WARNING,
            )
        )
        return None

    def text(raw_text: bytes, where: str) -> str:
        decoded = _decoded(raw_text, where)
        if _CONTROL_CHARACTERS.search(decoded):
            # the catalog (and PostgreSQL, for NUL) cannot hold them; they carry nothing
            codes = sorted({f"U+{ord(c):04X}" for c in _CONTROL_CHARACTERS.findall(decoded)})
            problems.append(
                Problem(
                    f"control characters ({', '.join(codes)}) were removed from the text",
                    raw.position,
                    where,
                    Severity.WARNING,
                )
            )
            decoded = _CONTROL_CHARACTERS.sub("", decoded)
        return decoded

    def _decoded(raw_text: bytes, where: str) -> str:
        try:
            return decode(raw_text)
        except _BadText as bad:
            problems.append(
                Problem(
                    f"byte 0x{bad.byte} at position {bad.offset} is not valid in this "
                    "encoding and was replaced by «\ufffd»; if the file is in another "
                    "encoding, choose it",
                    raw.position,
                    where,
                    Severity.WARNING,
                )
            )
            return bad.text
        except _DubiousText as dubious:
            problems.append(Problem(str(dubious), raw.position, where, Severity.WARNING))
            return dubious.text

    if tag < "010" and tag.isdigit() and SUBFIELD_START not in chunk:
        return SourceField(tag=tag, data=text(chunk, tag))
    first = chunk.find(bytes([SUBFIELD_START]))
    if first == -1:
        # a data field without subfields: keep its text so that nothing is lost
        problems.append(
            Problem(
                "data field without subfields; kept as it was",
                raw.position,
                tag,
                Severity.WARNING,
            )
        )
        # no indicators either: an empty code and no indicators write it back byte for byte
        return SourceField(tag=tag, indicators="", subfields=[Subfield("", text(chunk, tag))])
    indicators = chunk[:first].decode("latin-1")
    if len(indicators) != 2:
        problems.append(
            Problem(
                f"{len(indicators)} indicator characters instead of 2 "
                f"(«{indicators}»); the first two were kept",
                raw.position,
                tag,
                Severity.WARNING,
            )
        )
        indicators = (indicators + "  ")[:2]
    subfields: list[Subfield] = []
    for part in chunk[first + 1 :].split(bytes([SUBFIELD_START])):
        if not part:
            continue
        code = chr(part[0]) if part[0] < 0x80 else "?"
        subfields.append(Subfield(code, text(part[1:], f"{tag}${code}")))
    return SourceField(tag=tag, indicators=indicators, subfields=subfields)


def decode_record(raw: RawRecord, encoding: str | None, *, marc21: bool = True) -> DecodedRecord:
    """One raw record as a SourceRecord, with every repair and failure reported.

    ``encoding`` is the one the user chose; None detects it record by record, because real
    files mix them (a MARC-8 export with some records re-saved as UTF-8) and leaders lie.
    For MARC21 a disagreement with leader/09 is reported.
    """
    problems: list[Problem] = []
    if not raw.data:
        return DecodedRecord(raw.position, None, problems)
    try:
        leader = raw.data[:LEADER_LENGTH].decode("ascii")
    except UnicodeDecodeError:
        problems.append(Problem("the leader is not plain ASCII", raw.position, "leader"))
        return DecodedRecord(raw.position, None, problems)
    record_encoding = encoding
    if record_encoding is None:
        claims_utf8 = leader[9] == "a"
        record_encoding = guess_encoding(
            raw.data[LEADER_LENGTH:], leader_says_utf8=claims_utf8, marc8_possible=marc21
        )
        claimed = "utf-8" if claims_utf8 else "marc-8"
        if marc21 and record_encoding != claimed and _has_high_bytes(raw.data):
            claim = "UTF-8" if claims_utf8 else "MARC-8"
            problems.append(
                Problem(
                    f"leader/09 says {claim}, but the text is {record_encoding.upper()}; "
                    f"it was read as {record_encoding.upper()}",
                    raw.position,
                    "leader/09",
                    Severity.WARNING,
                )
            )
    decode = _decoder(record_encoding)
    try:
        slices, leader_length = _field_slices(raw, problems)
    except _Unreadable as error:
        problems.append(Problem(str(error), raw.position, error.where))
        return DecodedRecord(raw.position, None, problems)
    if leader_length < LEADER_LENGTH:  # which byte is missing is unknown; the map ends in 0
        leader = leader[:leader_length] + ("0" if leader[20:23] == "450" else " ")
    fields: list[SourceField] = []
    for tag, chunk in slices:
        try:
            decoded = _decode_field(tag, chunk, decode, raw, problems)
        except (ValueError, IndexError, KeyError, TypeError) as error:  # broken MARC-8 escapes
            problems.append(
                Problem(f"the MARC-8 text cannot be decoded ({error})", raw.position, tag)
            )
            return DecodedRecord(raw.position, None, problems)
        if decoded is not None:
            fields.append(decoded)
    if not fields:
        problems.append(Problem("the record has no fields", raw.position, "directory"))
        return DecodedRecord(raw.position, None, problems)
    return DecodedRecord(
        raw.position, SourceRecord("", leader, fields), problems, encoding=record_encoding
    )


def _has_high_bytes(data: bytes) -> bool:
    return any(b >= 0x80 for b in data)


def iter_decoded(
    data: bytes, encoding: str | None, *, marc21: bool = True
) -> Iterator[DecodedRecord]:
    records, _ = split_records(data)
    for raw in records:
        yield decode_record(raw, encoding, marc21=marc21)


# --- writing -----------------------------------------------------------------------------------


def encode_record(source: SourceRecord, *, leader_utf8: bool = True) -> bytes:
    """One record in ISO 2709, text in UTF-8; the leader's lengths and addresses are computed.

    Raises ValueError when the record is too long for the five-digit lengths of ISO 2709
    (99,999 bytes) — the caller reports it with the record's number.
    """
    directory = bytearray()
    body = bytearray()
    for f in source.fields:
        if f.is_control:
            chunk = f.data.encode("utf-8")
        elif not f.indicators and f.subfields and not f.subfields[0].code:
            chunk = "".join(sub.value for sub in f.subfields).encode("utf-8")  # kept as read
        else:
            chunk = (f.indicators or "  ").encode("utf-8")[:2].ljust(2, b" ")
            for sub in f.subfields:
                if sub.code:
                    chunk += bytes([SUBFIELD_START]) + sub.code.encode("utf-8")[:1]
                chunk += sub.value.encode("utf-8")
        chunk += bytes([FIELD_END])
        if len(chunk) > 9999:
            raise ValueError(f"field {f.tag} is {len(chunk)} bytes long (at most 9,999)")
        directory += f"{f.tag[:3]:0>3}{len(chunk):04d}{len(body):05d}".encode("ascii")
        body += chunk
    directory += bytes([FIELD_END])
    base = LEADER_LENGTH + len(directory)
    total = base + len(body) + 1
    if total > 99999:
        raise ValueError(f"the record is {total} bytes long (ISO 2709 allows 99,999)")
    leader = (source.leader or "").ljust(LEADER_LENGTH)[:LEADER_LENGTH]
    coding = "a" if leader_utf8 else leader[9]
    entry_map = leader[20:24] if leader[20:23] == "450" else "4500"
    leader = f"{total:05d}{leader[5:9]}{coding}22{base:05d}{leader[17:20]}{entry_map}"
    return leader.encode("ascii", "replace") + bytes(directory) + bytes(body) + bytes([RECORD_END])
