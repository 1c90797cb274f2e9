"""Duplicates of imported records, in the catalog and earlier in the same file.

The editor's check (``services.duplicates``) asks the database a few questions per draft; an
import of 10,000 records cannot ask 30,000 questions.  Here the catalog is asked once per kind
of key for the whole file — identifiers, control numbers, the light rows of every record of the
years the file covers — and the comparisons run in memory, with an inverted index of title
words so that each record is compared only with titles that share a word with it.

The keys are the same as the editor's: ISBN in both its 10- and 13-digit forms, ISSN, the
control number together with its source (the same 001 from two agencies is two records), and
title + first author + year compared by transliteration keys, so «Озеро Балхаш» in the
catalog meets "Ozero Balkhash" in a partner's file.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from library_app.core import identifiers as idents
from library_app.core import years
from library_app.core.model import IdentifierType, Record
from library_app.db import lookups
from library_app.db.catalog import Catalog
from library_app.services.duplicates import (
    AUTHOR_THRESHOLD,
    CLOSE_TITLE_THRESHOLD,
    TITLE_THRESHOLD,
    phrase_key,
    similarity,
)

MIN_WORD_KEY = 3  # shorter word keys ("of", "и", "v") would make every title a candidate
UNDATED = -1


@dataclass(frozen=True)
class Duplicate:
    """What an imported record duplicates: a catalog record (``record_id``) or an earlier
    record of the same file (``position``)."""

    reason: str  # "isbn", "issn", "control number", "title"
    title: str
    record_id: int | None = None
    position: int | None = None

    @property
    def in_catalog(self) -> bool:
        return self.record_id is not None

    def describe(self) -> str:
        what = {
            "isbn": "the same ISBN",
            "issn": "the same ISSN",
            "control number": "the same control number",
            "title": "a very similar title, author and year",
        }[self.reason]
        if self.record_id is not None:
            return f"{what} as catalog record {self.record_id} «{self.title[:60]}»"
        return f"{what} as record {self.position} of this file"


@dataclass(frozen=True)
class _Holder:
    """A record holding an identifier, with what decides whether sharing it means anything."""

    duplicate: Duplicate
    material_type: str
    numbers: frozenset[str]
    span: tuple[int, int] | None = None

    def same_issue(self, numbers: frozenset[str], span: tuple[int, int] | None) -> bool:
        """A serial's ISSN is shared by all its issues: only the same numbers in the same
        years make the same issue (or the same run of a journal)."""
        overlap = (
            span is None
            or self.span is None
            or (span[0] <= self.span[1] and self.span[0] <= span[1])
        )
        return overlap and numbers == self.numbers


_NUMBER = re.compile(r"\b(?:\d+|[IVXLC]+)\b")


def _numbers(text: str) -> frozenset[str]:
    """Numbers in a title ("Т. 2", "Part III", "Annual report 2005"): when they differ, two
    otherwise equal titles are two volumes, parts or years."""
    return frozenset(_NUMBER.findall(text))


@dataclass
class _Entry:
    """A title that later records are compared with (a catalog record or a file record)."""

    title_key: str
    author_keys: tuple[str, ...]
    span: tuple[int, int] | None
    title: str
    record_id: int | None = None
    position: int | None = None
    remainder_key: str = ""  # other title information: "Perl : a beginner's guide"
    isbns: frozenset[str] = frozenset()  # known for file records only
    control: tuple[str, str] | None = None  # (source, number) as given by the record's source
    numbers: frozenset[str] = frozenset()


def isbn_forms(record: Record) -> set[str]:
    forms: set[str] = set()
    for value in record.identifiers_of(IdentifierType.ISBN):
        try:
            isbn13 = idents.normalize_isbn(value)
        except idents.IdentifierProblem:
            continue
        forms.add(isbn13)
        isbn10 = idents.isbn13_to_isbn10(isbn13)
        if isbn10:
            forms.add(isbn10)
    return forms


def issn_forms(record: Record) -> set[str]:
    forms: set[str] = set()
    for value in record.identifiers_of(IdentifierType.ISSN):
        try:
            forms.add(idents.normalize_issn(value))
        except idents.IdentifierProblem:
            continue
    return forms


def _author_keys(names: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(k for k in (phrase_key(n) for n in names if n) if k)


def _span(year: str) -> tuple[int, int] | None:
    parsed = years.parse_year(year) if year.strip() else None
    return (parsed.start, parsed.end) if parsed else None


@dataclass
class DuplicateFinder:
    """Built once per import from the catalog, then asked about each record in file order
    (``check`` then ``remember``) so that later records also meet earlier ones of the file."""

    by_isbn: dict[str, list[_Holder]] = field(default_factory=dict)
    by_issn: dict[str, list[_Holder]] = field(default_factory=dict)
    by_control: dict[tuple[str, str], Duplicate] = field(default_factory=dict)
    # (year bucket, word key) → titles; undated titles are bucketed under UNDATED
    _words: dict[tuple[int, str], list[_Entry]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def for_records(cls, catalog: Catalog, records: list[Record]) -> DuplicateFinder:
        finder = cls()
        finder._load_identifiers(catalog, records)
        finder._load_control_numbers(catalog, records)
        finder._load_titles(catalog, records)
        return finder

    # --- loading the catalog's side -----------------------------------------------------------

    def _load_identifiers(self, catalog: Catalog, records: list[Record]) -> None:
        for kind, forms_of, target in (
            (IdentifierType.ISBN, isbn_forms, self.by_isbn),
            (IdentifierType.ISSN, issn_forms, self.by_issn),
        ):
            wanted = {form for record in records for form in forms_of(record)}
            if not wanted:
                continue
            owners = lookups.identifier_owners(catalog, kind, wanted)
            briefs = {
                b.id: b
                for b in lookups.record_briefs(catalog, {i for ids in owners.values() for i in ids})
            }
            for value, ids in owners.items():
                for record_id in ids:
                    brief = briefs.get(record_id)
                    if brief is not None:
                        target.setdefault(value, []).append(
                            _Holder(
                                Duplicate(kind.value, brief.title, record_id=brief.id),
                                brief.material_type,
                                _numbers(f"{brief.title} {brief.title_remainder}"),
                                _span(brief.year_text),
                            )
                        )

    def _load_control_numbers(self, catalog: Catalog, records: list[Record]) -> None:
        numbers = {r.control_number for r in records if r.control_number.strip()}
        if not numbers:
            return
        owners = lookups.control_number_owners(catalog, numbers)
        briefs = {
            b.id: b
            for b in lookups.record_briefs(
                catalog, {rid for pairs in owners.values() for rid, _ in pairs}
            )
        }
        for number, pairs in owners.items():
            for record_id, source in pairs:
                brief = briefs.get(record_id)
                if brief is not None:
                    key = (number, source.strip().lower())
                    self.by_control.setdefault(
                        key, Duplicate("control number", brief.title, record_id=record_id)
                    )

    def _load_titles(self, catalog: Catalog, records: list[Record]) -> None:
        spans = [s for s in (_span(r.year) for r in records) if s]
        briefs: list[lookups.RecordBrief] = []
        if spans:
            first, last = min(s[0] for s in spans), max(s[1] for s in spans)
            briefs += lookups.briefs_in_years(catalog, first, last, limit=10_000_000)
        undated_authors = {
            name
            for r in records
            if not _span(r.year) and r.contributors
            for name in (r.contributors[0].name, r.contributors[0].name_other_script)
            if name
        }
        if undated_authors:
            briefs += lookups.briefs_by_first_author(catalog, undated_authors, limit=10_000_000)
        seen: set[int] = set()
        for brief in briefs:
            if brief.id in seen:
                continue
            seen.add(brief.id)
            self._add(
                _Entry(
                    phrase_key(brief.title),
                    _author_keys((brief.author_name, brief.author_other_script)),
                    _span(brief.year_text),
                    brief.title,
                    record_id=brief.id,
                    remainder_key=phrase_key(brief.title_remainder),
                    control=_control(brief.control_number, brief.control_source),
                    numbers=_numbers(f"{brief.title} {brief.title_remainder}"),
                )
            )

    # --- the index of titles ------------------------------------------------------------------

    @staticmethod
    def _buckets(span: tuple[int, int] | None) -> list[int]:
        if span is None:
            return [UNDATED]
        start, end = span
        if end - start > 30:  # a long serial run: index under its first year only
            return [start]
        return list(range(start, end + 1))

    def _add(self, entry: _Entry) -> None:
        if not entry.title_key:
            return
        keys = {w for w in entry.title_key.split() if len(w) >= MIN_WORD_KEY}
        for bucket in self._buckets(entry.span):
            for word in keys:
                self._words[(bucket, word)].append(entry)

    def _title_match(self, record: Record) -> Duplicate | None:
        title_key = phrase_key(record.title)
        if not title_key:
            return None
        span = _span(record.year)
        authors = (
            _author_keys((record.contributors[0].name, record.contributors[0].name_other_script))
            if record.contributors
            else ()
        )
        if span is None and not authors:
            return None  # a bare title ("Annual report") matches too many unrelated records
        remainder_key = phrase_key(record.title_remainder)
        isbns = frozenset(isbn_forms(record))
        control = _control(record.control_number, record.control_source)
        numbers = _numbers(f"{record.title} {record.title_remainder}")
        words = {w for w in title_key.split() if len(w) >= MIN_WORD_KEY}
        best: tuple[float, _Entry] | None = None
        checked: set[int] = set()
        buckets = self._buckets(span) if span else [UNDATED]
        for bucket in buckets:
            for word in words:
                for entry in self._words.get((bucket, word), ()):
                    if id(entry) in checked:
                        continue
                    checked.add(id(entry))
                    if span is None and entry.span is not None:
                        continue
                    if isbns and entry.isbns and not isbns & entry.isbns:
                        continue  # two ISBNs: two editions or two books, however alike
                    if control and entry.control and _distinct_in_source(control, entry.control):
                        continue  # the partner's own catalog holds them as two records
                    if numbers != entry.numbers:
                        continue  # volume 1 and volume 2, the 2005 and the 2006 report
                    score = similarity(title_key, entry.title_key, TITLE_THRESHOLD)
                    if score >= TITLE_THRESHOLD and remainder_key and entry.remainder_key:
                        # "Perl : the complete reference" and "Perl : programmer's reference"
                        score = min(
                            score,
                            similarity(remainder_key, entry.remainder_key, TITLE_THRESHOLD),
                        )
                    if score < TITLE_THRESHOLD:
                        continue
                    same_author = _authors_agree(authors, entry.author_keys)
                    if same_author is False:
                        continue
                    if same_author is None and score < CLOSE_TITLE_THRESHOLD:
                        continue
                    if best is None or score > best[0]:
                        best = (score, entry)
        if best is None:
            return None
        entry = best[1]
        return Duplicate("title", entry.title, record_id=entry.record_id, position=entry.position)

    # --- asking -------------------------------------------------------------------------------

    def check(self, record: Record) -> Duplicate | None:
        """The first duplicate found: identifiers first (certain), then the title (likely)."""
        kind = record.material_type.value
        numbers = _numbers(f"{record.title} {record.title_remainder}")
        if kind != "article":  # an article's ISBN is its book's, shared with every chapter
            for form in isbn_forms(record):
                for holder in self.by_isbn.get(form, ()):
                    # volumes of a set share the set's ISBN: "Т. 1" is not "Т. 2"
                    if holder.material_type != "article" and holder.numbers == numbers:
                        return holder.duplicate
        if kind == "serial":  # an ISSN names a serial; its articles carry it too
            for form in issn_forms(record):
                for holder in self.by_issn.get(form, ()):
                    if holder.material_type == "serial" and holder.same_issue(
                        numbers, _span(record.year)
                    ):
                        return holder.duplicate
        if record.control_number.strip():
            key = (record.control_number.strip(), record.control_source.strip().lower())
            if key in self.by_control:
                return self.by_control[key]
        return self._title_match(record)

    def remember(self, record: Record, position: int) -> None:
        """Make a record of the file a candidate for the records after it."""
        numbers = _numbers(f"{record.title} {record.title_remainder}")
        for kind, forms in (("isbn", isbn_forms(record)), ("issn", issn_forms(record))):
            holder = _Holder(
                Duplicate(kind, record.title, position=position),
                record.material_type.value,
                numbers,
                _span(record.year),
            )
            target = self.by_isbn if kind == "isbn" else self.by_issn
            for form in forms:
                target.setdefault(form, []).append(holder)
        if record.control_number.strip():
            key = (record.control_number.strip(), record.control_source.strip().lower())
            self.by_control.setdefault(
                key, Duplicate("control number", record.title, position=position)
            )
        authors = (
            _author_keys((record.contributors[0].name, record.contributors[0].name_other_script))
            if record.contributors
            else ()
        )
        self._add(
            _Entry(
                phrase_key(record.title),
                authors,
                _span(record.year),
                record.title,
                position=position,
                remainder_key=phrase_key(record.title_remainder),
                isbns=frozenset(isbn_forms(record)),
                control=_control(record.control_number, record.control_source),
                numbers=numbers,
            )
        )


def _control(number: str, source: str) -> tuple[str, str] | None:
    number = number.strip()
    return (source.strip().lower(), number) if number else None


def _distinct_in_source(mine: tuple[str, str], theirs: tuple[str, str]) -> bool:
    """Both control numbers come from the same agency and differ (an agency without a code
    counts as the same only when both lack one)."""
    return mine[0] == theirs[0] and mine[1] != theirs[1]


def _authors_agree(mine: tuple[str, ...], theirs: tuple[str, ...]) -> bool | None:
    if not mine or not theirs:
        return None
    return any(similarity(a, b, AUTHOR_THRESHOLD) >= AUTHOR_THRESHOLD for a in mine for b in theirs)
