"""The order of a bibliography and its auxiliary indexes, without any drawing.

A Russian-language bibliography files its entries the way GOST 7.80/7.0.100 describes them: by
the first element of the description (the first author's name, or the title), Cyrillic-script
entries first and Latin-script ones after, each in its own alphabet — Kazakh letters in Kazakh
order (``core.collation``).  Sorting on the finished reference text rather than on catalogue
fields makes the list read in the order a reader scans it, whatever the citation style put first.

Group headings and the few words printed around the entries are kept here for Russian and
English only: the PDF is printed in the language chosen for it, not the window's language.

Choices worth knowing:

* Years (as a grouping and as an order) run oldest first, the chronological order of a
  retrospective bibliography; undated entries come last.
* Subjects and languages are headed in filing order; material types in the catalogue's own
  order (books, articles, reports …); "no subject"/"no language" groups come last.
* With ``cyrillic_first`` off, Latin-script entries come first and Cyrillic ones after them (an
  English-language list); interfiling the two scripts would need a transliteration that GOST
  does not ask for.  Other scripts always come last.
* The author index names every person and corporate author of an entry (authors, editors,
  compilers, translators), as Russian bibliographic indexes usually do; issuing bodies and
  meetings are organisations, not authors, and are left out.  The subject index takes every
  subject heading of an entry, not only the one it is grouped under.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby

from library_app.core.collation import sort_title_key
from library_app.core.languages import name_of
from library_app.core.model import Contributor, ContributorRole, MaterialType, Record
from library_app.reports.citation import Reference
from library_app.reports.tables import MATERIALS

GROUPINGS = ("none", "subject", "type", "language", "year")
ORDERS = ("alphabetical", "year")
LANGUAGES = ("ru", "en")

WORDS: dict[str, dict[str, str]] = {
    "ru": {
        "title": "Библиографический список",
        "compiler": "Составитель: {name}",
        "imprint": "{place} {year}",
        "introduction": "Предисловие",
        "authors": "Указатель авторов",
        "subjects": "Предметный указатель",
        "no_subject": "Без рубрики",
        "no_language": "Язык не указан",
        "no_year": "Год издания не указан",
    },
    "en": {
        "title": "Bibliography",
        "compiler": "Compiled by {name}",
        "imprint": "{place}, {year}",
        "introduction": "Introduction",
        "authors": "Author index",
        "subjects": "Subject index",
        "no_subject": "Other",
        "no_language": "Language not stated",
        "no_year": "Undated",
    },
}
_MATERIAL_ORDER = {material: position for position, material in enumerate(MaterialType)}
_YEAR = re.compile(r"\d{4}")
_AREA_SEPARATORS = (" / ", " // ", ". – ", ". — ", ". - ")
_GLUED_INITIALS = re.compile(r"\.(?=\w)")
_NOT_IN_AUTHOR_INDEX = (ContributorRole.ISSUING_BODY, ContributorRole.MEETING)
_LAST = "\U0000d7ff"  # sorts after every collation key: "no subject" and the like go last


@dataclass(frozen=True)
class Entry:
    """One numbered description of the bibliography."""

    number: int
    record: Record
    reference: Reference


@dataclass(frozen=True)
class Group:
    heading: str  # "" for the single group of an ungrouped bibliography
    entries: tuple[Entry, ...]


@dataclass(frozen=True)
class IndexLine:
    heading: str  # «Иванов И. И.», «Водные ресурсы»
    numbers: tuple[int, ...]  # entry numbers, ascending


# --- scripts and keys ----------------------------------------------------------------------


def script_of(text: str) -> int:
    """0 for Cyrillic, 1 for Latin, 2 for anything else, judged by the first letter."""
    for char in text:
        if char.isalpha():
            name = unicodedata.name(char, "")
            if name.startswith("CYRILLIC"):
                return 0
            if name.startswith("LATIN"):
                return 1
            return 2
    return 2


def script_rank(text: str, cyrillic_first: bool) -> int:
    script = script_of(text)
    if not cyrillic_first and script < 2:
        return 1 - script
    return script


def filing_key(text: str, cyrillic_first: bool) -> tuple[int, str]:
    """Where a heading files: its script block, then its place in that alphabet."""
    return script_rank(text, cyrillic_first), sort_title_key(text)


def year_of(record: Record) -> int | None:
    """The first four-digit year of «[2005?]», "1998-2003" …; None when undated."""
    match = _YEAR.search(record.year)
    return int(match.group()) if match else None


def dominant_language(records: Iterable[Record]) -> str:
    """English words when most of the records are in English, otherwise Russian: the working
    language of the libraries, also for lists in Kazakh, Uzbek or Kyrgyz."""
    total = english = 0
    for record in records:
        total += 1
        english += bool(record.languages) and record.languages[0] == "eng"
    return "en" if total and english * 2 > total else "ru"


# --- grouping and ordering -----------------------------------------------------------------


@dataclass(frozen=True)
class _Item:
    record: Record
    reference: Reference


def _group_of(
    record: Record, group_by: str, language: str
) -> tuple[str, tuple[object, ...] | None]:
    """The heading of an entry's group and the group's sort key; None for a heading filed
    alphabetically (its collation key is made once per heading, not once per entry)."""
    words = WORDS[language]
    if group_by == "subject":
        subject = next((s.strip() for s in record.subjects if s.strip()), "")
        return (subject, None) if subject else (words["no_subject"], (3, _LAST))
    if group_by == "type":
        material = record.material_type
        return MATERIALS[language][material], (_MATERIAL_ORDER.get(material, 99),)
    if group_by == "language":
        code = record.languages[0] if record.languages else ""
        if not code or code == "und":
            return words["no_language"], (3, _LAST)
        name = name_of(code, language)
        return name[:1].upper() + name[1:], None
    if group_by == "year":
        year = year_of(record)
        return (words["no_year"] if year is None else str(year)), (year is None, year or 0)
    return "", ()


def filing_head(text: str) -> str:
    """The first elements of a description: heading and title proper, up to the statement of
    responsibility (« / »), the host (« // ») or the next area («. – »).

    Entries file word by word on these first, so «Вода / сост. …» precedes «Вода и жизнь»; the
    rest of the description only breaks ties (the same title in several editions).
    """
    cut = min((i for i in map(text.find, _AREA_SEPARATORS) if i > 0), default=len(text))
    return text[:cut]


def _entry_key(item: _Item, order: str, cyrillic_first: bool) -> tuple[object, ...]:
    rank, key = filing_key(filing_head(item.reference.text), cyrillic_first)
    if order == "year":
        year = year_of(item.record)
        return rank, year is None, year or 0, key
    return rank, key


def _sorted_items(items: list[_Item], order: str, cyrillic_first: bool) -> list[_Item]:
    """Sorted on the first elements, then the whole description within equal ones (collation
    keys of whole descriptions are three times dearer to make, and rarely needed)."""
    keyed = sorted(
        ((_entry_key(item, order, cyrillic_first), position, item) for position, item in
         enumerate(items)),
        key=lambda triple: triple[:2],
    )  # fmt: skip
    result: list[_Item] = []
    for _, run in groupby(keyed, key=lambda triple: triple[0]):
        tied = [item for _, _, item in run]
        if len(tied) > 1:
            tied.sort(key=lambda item: sort_title_key(item.reference.text))
        result += tied
    return result


class _Bucket:
    """Entries under one heading while they are collected."""

    def __init__(self, sort_key: tuple[object, ...], heading: str) -> None:
        self.sort_key = sort_key
        self.heading = heading
        self.items: list[_Item] = []

    def offer_heading(self, sort_key: tuple[object, ...], heading: str) -> None:
        """Prefer a capitalised spelling of a merged subject, then the one filing first."""
        if (not heading[:1].isupper(), sort_key) < (not self.heading[:1].isupper(), self.sort_key):
            self.sort_key, self.heading = sort_key, heading


def arrange(
    records: Sequence[Record],
    references: Sequence[Reference],
    *,
    group_by: str,
    order: str,
    cyrillic_first: bool,
    language: str,
) -> list[Group]:
    """The entries in groups, in printing order, numbered 1… continuously across groups.

    Subject and language groups are merged case-insensitively («водные ресурсы» joins «Водные
    ресурсы»).
    """
    buckets: dict[str, _Bucket] = {}
    keys: dict[str, tuple[object, ...]] = {}
    for record, reference in zip(records, references, strict=True):
        heading, sort_key = _group_of(record, group_by, language)
        if sort_key is None:
            sort_key = keys.get(heading)
            if sort_key is None:
                sort_key = keys[heading] = filing_key(heading, cyrillic_first)
        identity = heading.casefold()
        bucket = buckets.get(identity)
        if bucket is None:
            bucket = buckets[identity] = _Bucket(sort_key, heading)
        elif heading != bucket.heading:
            bucket.offer_heading(sort_key, heading)
        bucket.items.append(_Item(record, reference))
    result: list[Group] = []
    number = 0
    for bucket in sorted(buckets.values(), key=lambda b: b.sort_key):
        entries = []
        for item in _sorted_items(bucket.items, order, cyrillic_first):
            number += 1
            entries.append(Entry(number, item.record, item.reference))
        result.append(Group(bucket.heading, tuple(entries)))
    return result


# --- auxiliary indexes ---------------------------------------------------------------------


def initials(forenames: str) -> str:
    """«Иван Иванович» → «И. И.», «Жан-Поль» → «Ж.-П.»; forms already abbreviated are kept."""
    parts = []
    for word in forenames.split():
        if "." in word:
            parts.append(_GLUED_INITIALS.sub(". ", word))  # «И.И.» → «И. И.»
        else:
            parts.append("-".join(f"{piece[0]}." for piece in word.split("-") if piece))
    return " ".join(part for part in parts if part)


def index_name(contributor: Contributor) -> str:
    """A person as «Иванов И. И.» (surname, then initials), a body by its full name."""
    name = " ".join(contributor.name.split())
    if contributor.role.is_corporate or not contributor.forenames.strip():
        return name
    return f"{name} {initials(contributor.forenames)}"


def _index(pairs: Iterable[tuple[str, int]], cyrillic_first: bool) -> list[IndexLine]:
    """Headings with the entry numbers they occur in; spellings differing only in case or
    spacing are one heading."""
    headings: dict[str, str] = {}
    numbers: dict[str, set[int]] = {}
    for heading, number in pairs:
        heading = " ".join(heading.split())
        if not heading:
            continue
        identity = heading.casefold()
        known = headings.get(identity)
        if known is None or (heading[:1].isupper() and not known[:1].isupper()):
            headings[identity] = heading  # «Вода» rather than «вода»
        numbers.setdefault(identity, set()).add(number)
    ordered = sorted(headings, key=lambda identity: filing_key(headings[identity], cyrillic_first))
    return [IndexLine(headings[i], tuple(sorted(numbers[i]))) for i in ordered]


def author_index(groups: Sequence[Group], cyrillic_first: bool) -> list[IndexLine]:
    return _index(
        (
            (index_name(contributor), entry.number)
            for group in groups
            for entry in group.entries
            for contributor in entry.record.contributors
            if contributor.role not in _NOT_IN_AUTHOR_INDEX
        ),
        cyrillic_first,
    )


def subject_index(groups: Sequence[Group], cyrillic_first: bool) -> list[IndexLine]:
    return _index(
        (
            (subject, entry.number)
            for group in groups
            for entry in group.entries
            for subject in entry.record.subjects
        ),
        cyrillic_first,
    )
