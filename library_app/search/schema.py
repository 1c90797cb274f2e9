"""The whoosh schema and how a catalogue record becomes one index document.

All text analysis happens in :mod:`library_app.search.analysis`; whoosh receives ready-made
(term, position, boost) lists through :class:`PreAnalyzed`.  That keeps the rules in one tested
place and lets one field carry several terms per position (forms, stems, keys).

The ``all`` field realises BM25F: the words of every descriptive field go into it with a boost
per source field (title 3, author 2.5 … notes 0.7), whoosh adds the boosts into the term weight
before BM25 saturates it — which is what BM25F does — and a query needs one lookup per term
instead of one per field.  The per-field copies (``title``, ``author`` …) serve fielded queries.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from whoosh import analysis as whoosh_analysis
from whoosh import columns, fields, formats

from library_app.core.collation import collation_key
from library_app.core.identifiers import IdentifierProblem, isbn13_to_isbn10, normalize_isbn
from library_app.core.model import (
    ClassificationScheme,
    CopyStatus,
    IdentifierType,
    Record,
)
from library_app.core.text import fold
from library_app.core.years import parse_year
from library_app.search.analysis import TURKIC_LANGUAGES, Analyzer, Term

# Bump when the schema or the analysis changes: an index of another version is rebuilt.
SCHEMA_VERSION = 2
"""2: the record id as a column, so a whole result list maps to ids without stored fields."""

FIELD_BOOSTS = {
    "title": 3.0,
    "author": 2.5,
    "subject": 1.5,
    "place": 1.2,
    "series": 1.0,
    "publisher": 1.0,
    "other": 0.7,
}
FULLTEXT_BOOST = 0.5  # query-time weight of attachment text against the record's own fields
FIELDED = ("title", "author", "subject", "place", "publisher", "series")
FACETS = ("language", "type", "decade", "subject", "location", "availability")
SEPARATOR = "\x1f"
MAX_YEAR_SPAN = 150  # a span longer than this ("[18--]–[19--]") is indexed by its first years


class PreAnalyzed(whoosh_analysis.Analyzer):
    """Yields the (term, position, boost) triples it is given as whoosh tokens."""

    def __call__(self, value, positions=False, chars=False, mode="", **kwargs):  # type: ignore[override]
        token = whoosh_analysis.Token(positions, chars, mode=mode)
        if isinstance(value, str):  # whoosh may hand a plain query string; treat it as one term
            value = [(value, 0, 1.0)]
        for text, pos, boost in value:
            token.text = text
            token.pos = pos
            token.boost = boost
            token.stopped = False
            yield token

    def __eq__(self, other: object) -> bool:
        return isinstance(other, PreAnalyzed)

    __hash__ = whoosh_analysis.Analyzer.__hash__


class TermsField(fields.FieldType):
    """A scorable text field fed with pre-analysed terms (positions kept for phrases)."""

    def __init__(self, *, phrases: bool = True) -> None:
        self.analyzer = PreAnalyzed()
        self.format = formats.Positions() if phrases else formats.Existence()
        self.scorable = phrases
        self.stored = False
        self.unique = False
        self.vector = None
        self.column_type = None

    def index(self, value, **kwargs):  # type: ignore[override]
        """(term bytes, frequency, weight, encoded postings) per distinct term of ``value``."""
        if isinstance(value, str):  # a query-side call with plain text
            value = [(value, 0, 1.0)]
        positions: dict[str, list[int]] = {}
        weights: dict[str, float] = {}
        for text, pos, boost in value:
            positions.setdefault(text, []).append(pos)
            weights[text] = weights.get(text, 0.0) + boost
        if isinstance(self.format, formats.Existence):
            for text in positions:
                yield text.encode("utf-8"), 1, 1.0, b""
            return
        encode = self.format.encode
        for text, poslist in positions.items():
            yield text.encode("utf-8"), len(poslist), weights[text], encode(poslist)


def build_schema() -> fields.Schema:
    schema = fields.Schema(
        id=fields.ID(stored=True, unique=True),
        doc=fields.STORED(),
        all=TermsField(),
        fulltext=TermsField(),
        sort_title=fields.COLUMN(columns.VarBytesColumn()),
        sort_author=fields.COLUMN(columns.VarBytesColumn()),
        sort_year=fields.COLUMN(columns.NumericColumn("i", default=0)),
        record_id=fields.COLUMN(columns.NumericColumn("q", default=0)),
    )
    for name in FIELDED:
        schema.add(name, TermsField())
    for name in ("year", "lang", "type", "isbn", "issn", "inv", "barcode", "udc", "bbk", "cn"):
        schema.add(name, TermsField(phrases=False))
    for name in FACETS:  # counted from the column, filtered through the indexed terms
        schema.add("f_" + name, fields.COLUMN(columns.VarBytesColumn()))
        schema.add("x_" + name, TermsField(phrases=False))
    return schema


@dataclass(frozen=True)
class FulltextPages:
    """Extracted text of one attachment, page by page (page 1 first)."""

    attachment_id: int
    filename: str
    sha256: str
    pages: Sequence[str]


def isbn_terms(value: str) -> list[str]:
    """Both ISBN forms of a number, so ISBN-10 and ISBN-13 queries find each other."""
    digits = "".join(ch for ch in value.upper() if ch.isdigit() or ch == "X")
    terms = {digits}
    try:
        isbn13 = normalize_isbn(value)
    except IdentifierProblem:
        return sorted(t for t in terms if t)
    terms.add(isbn13)
    if isbn10 := isbn13_to_isbn10(isbn13):
        terms.add(isbn10)
    return sorted(t for t in terms if t)


def code_terms(value: str) -> list[str]:
    """Inventory numbers, barcodes, UDC: folded, spaces dropped (“А-2” = “а-2” = “а 2”)."""
    folded = fold(value).strip()
    compact = "".join(folded.split())
    return sorted({compact, compact.replace("-", "")} - {""})


def _availability(record: Record) -> list[str]:
    states = {copy.status for copy in record.copies}
    values = []
    if not record.copies:
        values.append("no_copies")
    elif CopyStatus.AVAILABLE in states:
        values.append("available")
    elif CopyStatus.ON_LOAN in states:
        values.append("on_loan")
    else:
        values.append("unavailable")
    if record.links or record.attachments:
        values.append("online")
    return values


def _join(values: Iterable[str]) -> bytes:
    unique = dict.fromkeys(v for v in values if v)
    return SEPARATOR.join(unique).encode("utf-8")


def record_document(
    record: Record, analyzer: Analyzer, fulltext: Sequence[FulltextPages] = ()
) -> dict[str, object]:
    """The index document of a live record."""
    assert record.id is not None
    turkic = any(lang in TURKIC_LANGUAGES for lang in record.languages)
    titles = [record.title, record.title_remainder, *(p.title for p in record.parallel_titles)]
    authors = [c.display_name() for c in record.contributors]
    authors += [c.name_other_script for c in record.contributors if c.name_other_script]
    subjects = [*record.subjects, *record.keywords]
    series = [s.title for s in record.series]
    sources = {
        "title": titles,
        "author": [*authors, record.responsibility],
        "subject": subjects,
        "place": [*record.geographic_names, *record.places],
        "series": series,
        "publisher": record.publishers,
        "other": [
            record.summary,
            *record.notes,
            record.edition,
            record.host.title if record.host else "",
            record.project,
            *record.funders,
        ],
    }
    doc: dict[str, object] = {"id": str(record.id)}
    all_terms: list[Term] = []
    position = 0
    for name, texts in sources.items():
        terms, position = analyzer.terms(
            texts, turkic=turkic, boost=FIELD_BOOSTS[name], start=position
        )
        all_terms.extend(terms)
    doc["all"] = all_terms
    fielded_sources = {
        "title": titles,
        "author": authors,
        "subject": subjects,
        "place": record.geographic_names,
        "publisher": record.publishers,
        "series": series,
    }
    for name, texts in fielded_sources.items():
        doc[name] = analyzer.terms(texts, turkic=turkic)[0]
    page_texts = [page for item in fulltext for page in item.pages]
    if page_texts:
        doc["fulltext"] = analyzer.terms(page_texts, turkic=turkic)[0]

    def codes(values: Iterable[str]) -> list[Term]:
        return [(t, 0, 1.0) for t in sorted({t for v in values for t in code_terms(v)})]

    doc["lang"] = [(code, 0, 1.0) for code in sorted(set(record.languages))]
    doc["type"] = [(str(record.material_type), 0, 1.0)]
    isbns = [i.value for i in record.identifiers if i.type == IdentifierType.ISBN]
    doc["isbn"] = [(t, 0, 1.0) for t in sorted({t for v in isbns for t in isbn_terms(v)})]
    issns = [i.value for i in record.identifiers if i.type == IdentifierType.ISSN]
    doc["issn"] = codes(issns)
    doc["inv"] = codes(c.inventory_number for c in record.copies)
    doc["barcode"] = codes(c.barcode for c in record.copies)
    for scheme in (ClassificationScheme.UDC, ClassificationScheme.BBK):
        doc[str(scheme)] = codes(c.value for c in record.classifications if c.scheme == scheme)
    doc["cn"] = codes([record.control_number, str(record.id)])
    span = parse_year(record.year)
    if span is not None:  # every year the record covers, so ranges are term ranges
        last = min(span.end, span.start + MAX_YEAR_SPAN)
        doc["year"] = [(f"{year:04d}", 0, 1.0) for year in range(span.start, last + 1)]
    doc["sort_title"] = collation_key(record.title).encode("utf-8")
    # Records without an author go last: 0xFF never starts a UTF-8 sequence.
    doc["sort_author"] = collation_key(authors[0]).encode("utf-8") if authors else b"\xff"
    doc["sort_year"] = span.start if span else 0
    doc["record_id"] = record.id or 0
    facet_values = {
        "language": record.languages,
        "type": [str(record.material_type)],
        "decade": [f"{span.start // 10 * 10}s"] if span else [],
        "subject": record.subjects,
        "location": [c.location for c in record.copies],
        "availability": _availability(record),
    }
    for name, values in facet_values.items():
        doc["f_" + name] = _join(values)
        doc["x_" + name] = [(v, 0, 1.0) for v in sorted(set(values)) if v]
    doc["doc"] = json.dumps(
        {
            "control_number": record.control_number or str(record.id),
            "title": record.title,
            "authors": authors[: len(record.contributors)],
            "year": record.year,
            "languages": record.languages,
            "type": str(record.material_type),
            "summary": record.summary[:2000],
            "version": record.version,
            "attachments": [[item.filename, item.sha256] for item in fulltext],
        },
        ensure_ascii=False,
    )
    return doc
