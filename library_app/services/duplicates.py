"""Possible duplicates of a description being entered: the same ISBN or ISSN, or a very similar
title of the same years by a similar first author — across scripts.

Central Asian libraries hold the same report catalogued once from the Russian title page and
once from the English or Kazakh one, so titles and names are compared by their transliteration
keys (``core.text.translit_key``): «Озеро Балхаш», "Ozero Balkhash" and «Балқаш» meet.

The catalog is never read whole: identifiers are looked up through their index, and titles are
compared only against records of overlapping years (or, for a draft without a year, by the same
first author), fetched as light rows by ``db.lookups``.  The function is pure — no Qt — so the
editor runs it in a background task and the import can reuse it.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from library_app.core import identifiers as idents
from library_app.core import years
from library_app.core.model import IdentifierType, Record
from library_app.core.text import translit_key, words
from library_app.db import lookups
from library_app.db.catalog import Catalog

TITLE_THRESHOLD = 0.85
"""Similarity of title keys above which, with overlapping years and a similar first author,
two descriptions are probably of one work."""
CLOSE_TITLE_THRESHOLD = 0.95
"""Without an author on one side, only nearly identical titles (of overlapping years) count."""
AUTHOR_THRESHOLD = 0.8
"""Similarity of the first contributors' name keys ("Abdullaev" / «Абдуллаев» / "Abdulaev")."""

REASONS = ("isbn", "issn", "title")


@dataclass(frozen=True)
class DuplicateCandidate:
    """A record that may describe the same item; ``reason`` is "isbn", "issn" or "title"."""

    id: int
    title: str
    year: str
    first_author: str
    reason: str
    score: float = 1.0  # title similarity (1.0 for an identifier match)


@lru_cache(maxsize=100_000)
def _word_key(word: str) -> str:
    """Cached: the same words recur across thousands of candidate titles."""
    return translit_key(word)


def phrase_key(text: str) -> str:
    """Script-independent key of a title or a name: word keys joined by spaces."""
    return " ".join(key for key in (_word_key(w) for w in words(text)) if key)


def similarity(a: str, b: str, threshold: float = 0.0) -> float:
    """Ratio (0–1) of two keys; 0.0 early when the cheap upper bounds stay below ``threshold``."""
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    if 2 * min(len(a), len(b)) / (len(a) + len(b)) < threshold:
        return 0.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < threshold or matcher.quick_ratio() < threshold:
        return 0.0
    return matcher.ratio()


def _isbn_forms(record: Record) -> set[str]:
    """ISBN-13 (as stored) and ISBN-10 (as an unnormalised import may hold it) of the draft."""
    forms: set[str] = set()
    for value in record.identifiers_of(IdentifierType.ISBN):
        try:
            isbn13 = idents.normalize_isbn(value)
        except idents.IdentifierProblem:
            continue  # the form shows the typing error; nothing to compare yet
        forms.add(isbn13)
        isbn10 = idents.isbn13_to_isbn10(isbn13)
        if isbn10:
            forms.add(isbn10)
    return forms


def _issn_forms(record: Record) -> set[str]:
    forms: set[str] = set()
    for value in record.identifiers_of(IdentifierType.ISSN):
        try:
            issn = idents.normalize_issn(value)
        except idents.IdentifierProblem:
            continue
        forms.update({issn, issn.replace("-", "")})
    return forms


def _author_keys(record: Record) -> tuple[str, ...]:
    if not record.contributors:
        return ()
    first = record.contributors[0]
    return tuple(k for k in (phrase_key(first.name), phrase_key(first.name_other_script)) if k)


def _authors_similar(draft_keys: tuple[str, ...], brief: lookups.RecordBrief) -> bool | None:
    """True/False when both sides name a first contributor, None when one side has none."""
    theirs = [
        k for k in (phrase_key(brief.author_name), phrase_key(brief.author_other_script)) if k
    ]
    if not draft_keys or not theirs:
        return None
    return any(
        similarity(mine, other, AUTHOR_THRESHOLD) >= AUTHOR_THRESHOLD
        for mine in draft_keys
        for other in theirs
    )


def _title_matches(
    record: Record, briefs: list[lookups.RecordBrief], skip: set[int]
) -> list[tuple[float, lookups.RecordBrief]]:
    title_key = phrase_key(record.title)
    if not title_key:
        return []
    author_keys = _author_keys(record)
    found: list[tuple[float, lookups.RecordBrief]] = []
    for brief in briefs:
        if brief.id in skip:
            continue
        score = similarity(title_key, phrase_key(brief.title), TITLE_THRESHOLD)
        if score < TITLE_THRESHOLD:
            continue
        authors = _authors_similar(author_keys, brief)
        if authors is False:
            continue
        if authors is None and score < CLOSE_TITLE_THRESHOLD:
            continue
        found.append((score, brief))
    return found


def _title_candidates(catalog: Catalog, record: Record) -> list[lookups.RecordBrief]:
    """Records worth comparing titles with, narrowed in SQL (never the whole catalog)."""
    span = years.parse_year(record.year) if record.year.strip() else None
    if span is not None:
        return lookups.briefs_in_years(catalog, span.start, span.end, exclude_record=record.id)
    if record.contributors:
        # No year typed yet: the same first author (as written, in either script) narrows it.
        first = record.contributors[0]
        names = [first.name, first.name_other_script]
        return lookups.briefs_by_first_author(catalog, names, exclude_record=record.id)
    return []


def _candidate(brief: lookups.RecordBrief, reason: str, score: float) -> DuplicateCandidate:
    return DuplicateCandidate(
        id=brief.id,
        title=brief.title,
        year=brief.year_text,
        first_author=brief.first_author,
        reason=reason,
        score=score,
    )


def find_possible_duplicates(
    catalog: Catalog, record: Record, limit: int = 5
) -> list[DuplicateCandidate]:
    """Live records (other than ``record`` itself) that may describe the same item.

    Identifier matches come first (ISBN, then ISSN), then title matches, most similar first.
    A draft with neither a year nor an author is compared by identifiers only: a title alone
    matches too many unrelated reports ("Annual report").
    """
    by_reason: dict[str, list[int]] = {
        "isbn": lookups.records_with_identifier(
            catalog, IdentifierType.ISBN, _isbn_forms(record), exclude_record=record.id
        ),
        "issn": lookups.records_with_identifier(
            catalog, IdentifierType.ISSN, _issn_forms(record), exclude_record=record.id
        ),
    }
    ranked: list[DuplicateCandidate] = []
    seen: set[int] = set()
    identified = [i for reason in ("isbn", "issn") for i in by_reason[reason]]
    briefs = {b.id: b for b in lookups.record_briefs(catalog, identified)} if identified else {}
    for reason in ("isbn", "issn"):
        for record_id in by_reason[reason]:
            if record_id in seen or record_id not in briefs:
                continue
            seen.add(record_id)
            ranked.append(_candidate(briefs[record_id], reason, 1.0))
    matches = _title_matches(record, _title_candidates(catalog, record), seen)
    matches.sort(key=lambda match: (-match[0], match[1].id))
    ranked += [_candidate(brief, "title", score) for score, brief in matches]
    return ranked[:limit] if limit else ranked
