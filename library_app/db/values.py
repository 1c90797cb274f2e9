"""Values already in the catalog, for autocompletion in the cataloguing editor.

When a cataloguer starts typing a publisher, a place, a subject or an author, the editor offers
the spellings the catalog already uses, most frequent first, so the same name ends up spelled
once.  Matching is a case-insensitive prefix match that behaves the same on SQLite and
PostgreSQL, also for Cyrillic and the Central Asian letters: SQLite's ``lower()`` and ``LIKE``
only fold ASCII, and PostgreSQL's folding depends on the server's locale, so neither is used.
Instead the query compares the first few characters against every upper/lower-case spelling
of the typed prefix (exact, index-friendly comparisons on both databases) and the rest of a
longer prefix is checked here in Python.  Deleted records never contribute suggestions.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import ColumnElement, and_, func, literal_column, or_, select

from library_app.core.model import ContributorRole
from library_app.db.catalog import Catalog
from library_app.db.schema import VALUE_INDEX_PREFIX, ContributorRow, RecordRow, ValueRow

DEFAULT_LIMIT = 20
MAX_VARIANTS = 64
"""Upper bound on the case spellings of the prefix's head compared in SQL (2**6: six letters)."""
CORPORATE_ROLES = tuple(role.value for role in ContributorRole if role.is_corporate)


class ValueKind(StrEnum):
    """What to complete.  Persons and bodies are separate: their names have different shapes."""

    PERSON = "person"  # "Surname, Forenames" of personal contributors
    CORPORATE = "corporate"  # corporate authors, issuing bodies, meetings
    PUBLISHER = "publisher"
    PLACE = "place"
    SUBJECT = "subject"
    GEOGRAPHIC = "geographic"
    SERIES = "series"
    KEYWORD = "keyword"
    FUNDER = "funder"
    HOST = "host"  # titles of journals and collections articles appeared in
    PROJECT = "project"


# Kinds stored in record_values under the same name (see mapping.STRING_LISTS / SERIES_KIND).
_VALUE_KINDS = {
    ValueKind.PUBLISHER: "publisher",
    ValueKind.PLACE: "place",
    ValueKind.SUBJECT: "subject",
    ValueKind.GEOGRAPHIC: "geographic",
    ValueKind.SERIES: "series",
    ValueKind.KEYWORD: "keyword",
    ValueKind.FUNDER: "funder",
}


@dataclass(frozen=True)
class Suggestion:
    """One existing value and how many live records use it.

    ``text`` is what the completer shows and inserts; for persons it is "Surname, Forenames"
    and ``name``/``forenames`` are the two parts, so the editor can fill both fields.
    """

    text: str
    count: int
    name: str = ""
    forenames: str = ""


def suggest(
    catalog: Catalog, kind: ValueKind | str, prefix: str, *, limit: int = DEFAULT_LIMIT
) -> list[Suggestion]:
    """Existing values of ``kind`` starting with ``prefix`` (any case), most frequent first.

    An empty prefix gives the most frequent values overall.
    """
    kind = ValueKind(kind)
    prefix = prefix.lstrip()
    if limit <= 0:
        return []
    if kind == ValueKind.PERSON:
        return _persons(catalog, prefix, limit)
    index: ColumnElement[str] | None
    if kind == ValueKind.CORPORATE:
        column = index = ContributorRow.name
        condition = ContributorRow.role.in_(CORPORATE_ROLES)
        join_on = ContributorRow.record_id
    elif kind in (ValueKind.HOST, ValueKind.PROJECT):
        column = RecordRow.host_title if kind == ValueKind.HOST else RecordRow.project
        condition = column.is_not(None) & (column != "")
        join_on, index = None, None
    else:
        column = ValueRow.value
        # record_values is indexed on (kind, a prefix of the value); see schema.ValueRow
        # (literally the same expression: SQLite matches an expression index only when its
        # numbers are written in the SQL, not passed as parameters)
        index = func.substr(
            ValueRow.value, literal_column("1"), literal_column(str(VALUE_INDEX_PREFIX))
        )
        condition = ValueRow.kind == _VALUE_KINDS[kind]
        join_on = ValueRow.record_id
    rows = _matching(catalog, column, condition, join_on, prefix, limit, index)
    return [Suggestion(text, count) for text, count in rows]


def suggest_texts(
    catalog: Catalog, kind: ValueKind | str, prefix: str, *, limit: int = DEFAULT_LIMIT
) -> list[str]:
    """Just the texts of ``suggest`` (what a plain completer list needs)."""
    return [s.text for s in suggest(catalog, kind, prefix, limit=limit)]


def split_person(text: str) -> tuple[str, str]:
    """ "Surname, Forenames" → ("Surname", "Forenames"); a lone surname has no forenames."""
    name, _, forenames = text.partition(",")
    return name.strip(), forenames.strip()


# --- queries ------------------------------------------------------------------------------------


def _matching(
    catalog: Catalog,
    column: ColumnElement[str],
    condition: ColumnElement[bool],
    join_on: ColumnElement[int] | None,
    prefix: str,
    limit: int,
    index: ColumnElement[str] | None,
) -> list[tuple[str, int]]:
    """(value, count) of ``column`` for live records where it starts with ``prefix``."""
    head, exact = _sql_head(prefix)
    count = func.count().label("uses")
    query = select(column, count).where(condition, _live(join_on))
    if head:
        query = query.where(_starts_with_any(catalog, column, head, index))
    query = query.group_by(column)
    if exact:  # the SQL condition is the whole match: let the database cut the list
        query = query.order_by(count.desc(), column).limit(limit)
    with catalog.session() as session:
        rows = [(value, int(uses)) for value, uses in session.execute(query)]
    if not exact:
        folded = prefix.casefold()
        rows = [(value, uses) for value, uses in rows if value.casefold().startswith(folded)]
    return _ranked(rows)[:limit]


def _persons(catalog: Catalog, prefix: str, limit: int) -> list[Suggestion]:
    """Personal names; "Abd" matches surnames, "Abdullaev, R" also the forenames."""
    surname, comma, forenames = prefix.partition(",")
    surname, forenames = surname.strip(), forenames.strip()
    head, exact = _sql_head(surname)
    count = func.count().label("uses")
    query = select(ContributorRow.name, ContributorRow.forenames, count).where(
        ContributorRow.role.not_in(CORPORATE_ROLES), _live(ContributorRow.record_id)
    )
    if head:
        name = ContributorRow.name
        query = query.where(_starts_with_any(catalog, name, head, name))
    query = query.group_by(ContributorRow.name, ContributorRow.forenames)
    if exact and not comma:
        query = query.order_by(count.desc(), ContributorRow.name).limit(limit)
    with catalog.session() as session:
        rows = list(session.execute(query))
    folded_surname, folded_forenames = surname.casefold(), forenames.casefold()

    def wanted(name: str, given: str) -> bool:
        if comma:  # the surname is complete; the forenames are being typed
            return name.casefold() == folded_surname and given.casefold().startswith(
                folded_forenames
            )
        return name.casefold().startswith(folded_surname)

    found: dict[str, tuple[int, str, str]] = {}
    for name, given, uses in rows:
        if wanted(name, given):
            text = f"{name}, {given}" if given else name
            old = found.get(text, (0, name, given))
            found[text] = (old[0] + int(uses), name, given)
    ranked = _ranked([(text, uses) for text, (uses, _, _) in found.items()])[:limit]
    return [Suggestion(text, uses, found[text][1], found[text][2]) for text, uses in ranked]


def _live(record_id: ColumnElement[int] | None) -> ColumnElement[bool]:
    """Rows of records that are not deleted.

    Written as "not among the (few) deleted records" rather than as a join, so the planner
    starts from the prefix index of the values instead of from every live record.
    """
    if record_id is None:  # the value is a column of records itself
        return RecordRow.deleted_at.is_(None)
    deleted = select(RecordRow.id).where(RecordRow.deleted_at.is_not(None))
    return record_id.not_in(deleted)


def _ranked(rows: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Most used first; ties alphabetically regardless of the database's collation."""
    return sorted(rows, key=lambda row: (-row[1], row[0].casefold(), row[0]))


# --- case-insensitive prefixes -------------------------------------------------------------------


def _char_variants(char: str) -> list[str]:
    variants = {char, char.lower(), char.upper(), char.title()}
    return sorted(v for v in variants if len(v) == 1)


def _sql_head(prefix: str) -> tuple[list[str], bool]:
    """Every case spelling of the longest head of ``prefix`` that has at most MAX_VARIANTS
    spellings, and whether that head is the whole prefix (then SQL alone decides a match)."""
    spellings: list[list[str]] = []
    total = 1
    for char in prefix:
        variants = _char_variants(char)
        if total * len(variants) > MAX_VARIANTS:
            break
        total *= len(variants)
        spellings.append(variants)
    if not spellings:
        return [], not prefix
    head = ["".join(parts) for parts in itertools.product(*spellings)]
    return head, len(spellings) == len(prefix)


def _starts_with_any(
    catalog: Catalog,
    column: ColumnElement[str],
    heads: list[str],
    index: ColumnElement[str] | None,
) -> ColumnElement[bool]:
    """``column`` starts with one of ``heads`` (all the same length), compared exactly.

    The equality of the first characters is exact on both databases whatever their collation,
    so it is always the deciding condition.  On SQLite (binary collation) each head also
    becomes a range on the indexed expression ``index``, which the planner answers from the
    index instead of reading every row of the kind.
    """
    length = len(heads[0])
    exact = func.substr(column, 1, length).in_(heads)
    if catalog.dialect != "sqlite" or index is None:
        return exact
    bounds = [(head, _successor(head)) for head in heads]
    if any(upper is None for _, upper in bounds):
        return exact
    ranges = [and_(index >= lower, index < upper) for lower, upper in bounds]
    return and_(or_(*ranges), exact)


def _successor(head: str) -> str | None:
    """The smallest string above every string that starts with ``head`` in code point order
    (None for the rare head that ends in the last code point)."""
    following = ord(head[-1]) + 1
    if 0xD800 <= following <= 0xDFFF:  # surrogates are not characters; skip past them
        following = 0xE000
    if following > 0x10FFFF:
        return None
    return head[:-1] + chr(following)
