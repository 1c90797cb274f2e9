"""Text files from spreadsheets: which encoding, which delimiter, and is it a table at all.

Excel in Russian Windows saves CSV in CP1251 without a BOM; older Unix systems used KOI8-R;
"Unicode text" from Excel is UTF-16 with tabs.  Generic detectors (charset-normalizer) guess
wrongly on the short files partners send — a header row and a few dozen titles give them too
little text and they answer Big5 or CP1255 — so the encoding is decided here: byte-order marks
first, then the NUL-byte pattern of UTF-16, then strict UTF-8, and between CP1251 and KOI8-R
by how Russian the decoded letters look (in the wrong one of the two, letters change case and
turn into rare ones, so letter frequencies tell them apart even on a single line).
"""

from __future__ import annotations

import codecs
import collections
import csv
import io
import itertools
import re
from collections.abc import Iterator

from library_app.interchange.base import FormatError
from library_app.interchange.tabular_fields import IGNORE, guess_field

DELIMITERS = (";", ",", "\t", "|")
SINGLE_BYTE_CANDIDATES = ("cp1251", "koi8-r")

# Relative frequency of Russian letters in ordinary prose, in hundredths of a per cent.
_FREQUENCY_TABLE = (
    "о1097 е845 а801 и735 н670 т626 с547 р473 в454 л440 к349 м321 д298 п281 у262 я201 ы190 "
    "ь174 г170 з165 б159 ч144 й121 х97 ж94 ш73 ю64 ц48 щ36 э32 ф26 ъ4 ё4"
)
_RUSSIAN_FREQUENCY = {item[0]: int(item[1:]) / 10000 for item in _FREQUENCY_TABLE.split()}
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _decode_as(data: bytes, encoding: str, label: str, *, partial: bool) -> str:
    """Decode strictly; ``partial`` forgives a character cut off at the end of a sniffed head."""
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        if partial and error.start >= len(data) - 3:
            return data[: error.start].decode(encoding, errors="replace")
        line = data[: error.start].decode(encoding, errors="replace").count("\n") + 1
        raise FormatError(
            f"the file is not in the {label} encoding: byte {error.start} (line {line}) "
            "cannot be decoded; choose the encoding the file was saved in"
        ) from None


def canonical_encoding(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        raise FormatError(f"unknown encoding «{name}» (e.g. utf-8, cp1251, koi8-r)") from None


def decode(data: bytes, encoding: str | None = None, *, partial: bool = False) -> tuple[str, str]:
    """The text of a file and the encoding it was read in.  Raises ``FormatError`` when it
    does not decode or is not text at all."""
    if encoding:
        name = canonical_encoding(encoding)
        if name == "utf-8":
            name = "utf-8-sig"  # a BOM is not part of the first header
        text = _decode_as(data, name, encoding, partial=partial)
        if name == "utf-16":
            text = text.removeprefix("\ufeff")
        return _checked_text(text), encoding
    name = detect_encoding(data, partial=partial)
    text = _decode_as(data, name, name, partial=partial)
    return _checked_text(text), name


def _checked_text(text: str) -> str:
    """Binary files decode as KOI8-R (every byte is a character there); control characters
    give them away."""
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 100):
        raise FormatError("this is not a text file (it contains binary data)")
    return text


def detect_encoding(data: bytes, *, partial: bool = False) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith(codecs.BOM_UTF16_LE):
        return "utf-16"  # the codec reads the BOM and drops it
    if data.startswith(codecs.BOM_UTF16_BE):
        return "utf-16"
    if b"\x00" in data:
        return _utf16_without_bom(data)
    try:
        data.decode("utf-8")
        return "utf-8"
    except UnicodeDecodeError as error:
        if partial and error.start >= len(data) - 3:
            return "utf-8"
        _refuse_damaged_utf8(data, error.start)
    scored = []
    for candidate in SINGLE_BYTE_CANDIDATES:
        try:
            scored.append((russian_score(data.decode(candidate)), candidate))
        except UnicodeDecodeError:
            continue
    if not scored:
        raise FormatError("the encoding of the file cannot be recognised; choose it explicitly")
    return max(scored)[1]


def _utf16_without_bom(data: bytes) -> str:
    """Tabs, digits and line ends are ASCII: in UTF-16 every second byte of them is zero."""
    sample = data[: len(data) - len(data) % 2]
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    pairs = max(1, len(sample) // 2)
    if odd_zeros >= 3 * even_zeros and odd_zeros >= pairs // 10:
        return "utf-16-le"
    if even_zeros >= 3 * odd_zeros and even_zeros >= pairs // 10:
        return "utf-16-be"
    raise FormatError("this is not a text file (it contains binary data)")


def _refuse_damaged_utf8(data: bytes, first_bad: int) -> None:
    """A UTF-8 file with a few broken bytes would turn into nonsense as CP1251: say where the
    damage is instead.  CP1251 text forms a valid UTF-8 sequence only now and then («Рё»)."""
    text = data.decode("utf-8", errors="surrogateescape")
    invalid = sum(1 for ch in text if "\udc80" <= ch <= "\udcff")
    valid = sum(1 for ch in text if ord(ch) > 127 and not "\udc80" <= ch <= "\udcff")
    if valid >= 3 and invalid * 20 <= valid:
        raise FormatError(
            f"the file is UTF-8 but byte {first_bad} (line {_line_of(data, first_bad)}) is not "
            "valid UTF-8; repair the file or choose its encoding explicitly"
        )


def russian_score(text: str) -> float:
    """How much the non-ASCII characters look like Russian prose (higher is more)."""
    total = 0.0
    count = 0
    for ch in text:
        if ch < "\x80":
            continue
        count += 1
        lower = ch.lower()
        frequency = _RUSSIAN_FREQUENCY.get(lower)
        if frequency is not None:
            # Headings are often in capitals, prose is not: lower case counts a little more.
            total += frequency * (1.0 if ch == lower else 0.7)
        elif "\u2500" <= ch <= "\u25ff" or ch in "⌠⌡≈≤≥√²÷∙":
            total -= 0.05  # KOI8-R's pseudo-graphics: never in a catalogue
    return total / count if count else 0.0


def csv_rows(text: str, delimiter: str) -> Iterator[list[str]]:
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)


def detect_delimiter(text: str, sample_rows: int = 50) -> str:
    """The delimiter that splits most rows into the same number (two or more) of cells.

    Each candidate is tried with ``csv.reader`` itself, so quoted cells (with commas or line
    breaks inside) count as the one cell they are, and the commonest row length is used rather
    than the first row's, so a caption line above the header does not mislead.
    ``csv.Sniffer`` is not used: it judges character frequencies line by line and gives up
    ("Could not determine delimiter") on one-column files, where a default is the right answer.
    """
    best: tuple[float, int, int] = (-1.0, 0, 0)
    chosen = DELIMITERS[0]
    for rank, delimiter in enumerate(DELIMITERS):
        cells, _, share = table_consistency(text, delimiter, sample_rows)
        if cells < 2:
            continue
        score = (share, cells, -rank)
        if score > best:
            best, chosen = score, delimiter
    return chosen


def table_consistency(text: str, delimiter: str, sample_rows: int = 50) -> tuple[int, int, float]:
    """(the commonest number of cells per row, rows sampled, share of rows with that many)."""
    try:
        rows = [r for r in itertools.islice(csv_rows(text, delimiter), sample_rows) if any(r)]
    except csv.Error:
        return 0, 0, 0.0
    if not rows:
        return 0, 0, 0.0
    counts = collections.Counter(len(r) for r in rows)
    cells, frequency = max(counts.items(), key=lambda item: (item[1], item[0]))
    return cells, len(rows), frequency / len(rows)


_RIS = re.compile(r"^[A-Z][A-Z0-9]  -( |$)", re.MULTILINE)
_BIBTEX = re.compile(r"^\s*@\w+\s*[{(]", re.MULTILINE)
_NOT_TABLES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"%PDF", b"\x89PNG", b"\xff\xd8\xff")


def sniff_csv(head: bytes) -> int:
    """30–50 for text with a delimiter that splits every line alike; low for text that
    belongs to another text format (RIS, BibTeX, JSON, XML, ISO 2709 MARC)."""
    if not head.strip() or head.startswith(_NOT_TABLES):
        return 0
    if head[:5].isdigit() and (b"\x1e" in head or b"\x1d" in head):
        return 0
    try:
        text, _ = decode(head, partial=True)
    except FormatError:
        return 0
    stripped = text.lstrip("\ufeff \t\r\n")
    if stripped.startswith(("{", "[", "<")):
        return 5
    lines = text.splitlines()
    if len(_RIS.findall(text)) >= 2 or (lines and _RIS.match(stripped)):
        return 5
    if _BIBTEX.search(text[:4096]):
        return 5
    if len(lines) > 2 and len(head) >= 1024:
        text = "\n".join(lines[:-1])  # the last line of a cut head is incomplete
    delimiter = detect_delimiter(text)
    cells, sampled, consistent = table_consistency(text, delimiter)
    if cells < 2:
        return 10
    if sampled < 2:
        return 25
    if consistent < 0.7:
        return 15
    headers = next(csv_rows(text, delimiter), [])
    known = sum(1 for h in headers if guess_field(h) != IGNORE)
    return 50 if known >= 2 else 40
