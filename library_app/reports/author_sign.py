"""Author signs (авторские знаки) and shelf marks for cards and spine labels.

A shelf mark (шифр) is the class index over the author sign: «28.081» over «И22».  The sign
files books by the same author together and in alphabetical order within a class, so it comes
from an author table looked up with the catalogue's own filing order (``core.collation``):
Kazakh letters fall where a Kazakh reader expects them.

Where a sign comes from, first match wins:

1. an override for the record (``author_signs``, record id → sign, in the card and label
   options): records have no field for a sign, so a one-off correction is given when printing;
2. a sign already written on the first copy's shelf mark — the lasting way to keep a sign the
   table would not give («28.081 Ж73», «28.081/Ж73»: an index, a space or «/», then a capital
   letter or two and 2–3 digits, so that a BBK class such as «Б1» is never taken for a sign);
   the shelf mark is then printed as the cataloguer wrote it;
3. the author table, applied to the heading's surname or, for works entered under title, to
   the title's first filing word.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from library_app.core.collation import collation_key
from library_app.core.errors import InputError
from library_app.core.model import ClassificationScheme, Contributor, ContributorRole, Record

TABLE_FILE = "author_table.tsv"
_SIGN = re.compile(r"^([^\W\d_]{1,2})\s?(\d{2,3})$")  # «Б1» is a BBK class, not a sign
_TRAILING_SIGN = re.compile(r"(?:^|[\s/])([^\W\d_]{1,2}\s?\d{2,3})$")
_ARTICLE = re.compile(r"(?:the|an|a)\s+", re.IGNORECASE)
MAX_HEADING_AUTHORS = 3  # GOST 7.80: four or more authors → the work is entered under title


class AuthorTable:
    """Letter sequences with their numbers, grouped by initial letter and kept in filing order."""

    def __init__(self, rows: Iterable[tuple[str, str]]) -> None:
        by_initial: dict[str, list[tuple[str, str]]] = {}
        for letters, number in rows:
            word = _normalise(letters)
            if word:
                by_initial.setdefault(word[0], []).append((collation_key(word), number))
        self._keys: dict[str, list[str]] = {}
        self._numbers: dict[str, list[str]] = {}
        for initial, entries in by_initial.items():
            entries.sort()
            self._keys[initial] = [key for key, _ in entries]
            self._numbers[initial] = [number for _, number in entries]

    def __len__(self) -> int:
        return sum(len(keys) for keys in self._keys.values())

    def number(self, word: str) -> str:
        """The number of the last sequence filing at or before ``word`` ("" when none applies)."""
        word = _from_first_letter(word)
        initial = word[:1].lower()
        keys = self._keys.get(initial)
        if not keys:
            return ""
        # the case is kept for the key: «O'Brien» is an Irish name, «o'brien» Uzbek oʻ
        position = bisect.bisect_right(keys, collation_key(word))
        return self._numbers[initial][max(position - 1, 0)]

    def sign(self, word: str) -> str:
        """«И22» for «Иванов»: the capital initial and the table's number; "" for no letters."""
        word = _from_first_letter(word)
        if not word:
            return ""
        return word[0].upper() + self.number(word)


def _from_first_letter(word: str) -> str:
    """``word`` from its first letter on: signs are about letters, not quotes or digits."""
    word = unicodedata.normalize("NFC", word).strip()
    start = next((i for i, char in enumerate(word) if char.isalpha()), len(word))
    return word[start:]


def _normalise(word: str) -> str:
    return _from_first_letter(word).lower()


def parse_table(text: str, source: str = TABLE_FILE) -> AuthorTable:
    """Read the table format documented in the shipped file's header."""
    rows: list[tuple[str, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 2 or not fields[0].strip() or not fields[1].strip().isdigit():
            raise InputError(
                f"{source}, line {number}: expected «letters<TAB>number», found «{line.strip()}»"
            )
        rows.append((fields[0].strip(), fields[1].strip()))
    if not rows:
        raise InputError(f"{source}: the author table has no rows")
    return AuthorTable(rows)


def shipped_table_path() -> Path:
    package_dir = Path(__file__).resolve().parent.parent
    for candidate in (package_dir / "resources", package_dir.parent / "resources"):
        if (candidate / TABLE_FILE).is_file():
            return candidate / TABLE_FILE
    raise InputError(f"the bundled author table ({TABLE_FILE}) is missing; reinstall library-app")


def load_table(path: Path | None = None) -> AuthorTable:
    """The table at ``path``, or the shipped one; read once per file and modification time."""
    path = (path or shipped_table_path()).expanduser()
    try:
        modified = path.stat().st_mtime_ns
    except OSError as error:
        raise InputError(f"{path}: cannot read the author table ({error.strerror})") from None
    return _load(path, modified)


@cache
def _load(path: Path, modified: int) -> AuthorTable:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path}: cannot read the author table ({error})") from None
    return parse_table(text, str(path))


# --- headings ------------------------------------------------------------------------------


def heading_author(record: Record) -> Contributor | None:
    """The person a card is headed by: the first of one to three authors, else none."""
    authors = [
        c for c in record.contributors if c.role == ContributorRole.AUTHOR and c.name.strip()
    ]
    if 1 <= len(authors) <= MAX_HEADING_AUTHORS:
        return authors[0]
    return None


def filing_word(record: Record) -> str:
    """The word a sign is made from: the heading's surname, or the title's first filing word."""
    author = heading_author(record)
    if author is not None:
        return author.name
    title = _from_first_letter(record.title)
    match = _ARTICLE.match(title) if title.isascii() else None
    if match and match.end() < len(title):
        title = title[match.end() :]
    return title


def split_sign(shelf_mark: str) -> tuple[str, str] | None:
    """(class index, sign) when ``shelf_mark`` ends in an author sign after an index."""
    shelf_mark = shelf_mark.strip()
    match = _TRAILING_SIGN.search(shelf_mark)
    if not match or not match.group(1)[0].isupper():
        return None
    index = shelf_mark[: match.start()].rstrip(" /\n\t")
    return (index, match.group(1)) if index else None


def class_index(record: Record, scheme: ClassificationScheme = ClassificationScheme.BBK) -> str:
    """The record's first index in ``scheme``, falling back to BBK, UDC, then local classes."""
    order = [scheme, *(s for s in ClassificationScheme if s != scheme)]
    for candidate in order:
        values = [v.strip() for v in record.classification_of(candidate) if v.strip()]
        if values:
            return values[0]
    return ""


@dataclass(frozen=True)
class ShelfMark:
    index: str  # class index, "" when the record is not classified
    sign: str  # author sign, "" when nothing to sign

    def lines(self) -> list[str]:
        return [part for part in (self.index, self.sign) if part]

    def __str__(self) -> str:
        return " ".join(self.lines())


def record_shelf_mark(
    record: Record,
    table: AuthorTable,
    *,
    overrides: Mapping[int, str] | None = None,
    scheme: ClassificationScheme = ClassificationScheme.BBK,
) -> ShelfMark:
    """The shelf mark printed for ``record`` (see the module docstring for the order)."""
    index = class_index(record, scheme)
    if overrides and record.id is not None and overrides.get(record.id, "").strip():
        return ShelfMark(index, overrides[record.id].strip())
    if record.copies and (found := split_sign(record.copies[0].shelf_mark)):
        written_index, sign = found
        return ShelfMark(written_index or index, sign)
    return ShelfMark(index, table.sign(filing_word(record)))


def copy_shelf_mark(
    shelf_mark: str, record_mark: ShelfMark, *, overridden: bool = False
) -> ShelfMark:
    """A copy's own shelf mark for its spine label, completed from the record's.

    A copy may carry a whole shelf mark («28.081 Ж73»), only a sign («Ж73») or only an index or
    a location code («28.081»); the missing part comes from ``record_mark``.  When the sign was
    ``overridden`` for the record, the record's sign wins over one written on the copy.
    """
    shelf_mark = shelf_mark.strip()
    if found := split_sign(shelf_mark):
        index, sign = found
    elif _SIGN.match(shelf_mark) and shelf_mark[0].isupper():
        index, sign = "", shelf_mark
    else:
        index, sign = shelf_mark, ""
    if overridden or not sign:
        sign = record_mark.sign
    return ShelfMark(index or record_mark.index, sign)
