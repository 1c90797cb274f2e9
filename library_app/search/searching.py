"""Answering a search: ranked or sorted hits, total, facets, snippets and "did you mean".

Facet counts come from per-segment value lists (whoosh segments never change once written), so
counting is one list lookup per hit and the lists are built once per segment, not per query.
"""

from __future__ import annotations

import json
import threading
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from whoosh import query as wq
from whoosh import sorting
from whoosh.collectors import TopCollector
from whoosh.searching import Searcher

from library_app.core.text import fold
from library_app.search.compiler import Compiler
from library_app.search.index import SearchIndex
from library_app.search.query import parse
from library_app.search.schema import FACETS, SEPARATOR
from library_app.search.snippets import Snippet, best_snippet

SORTS = ("relevance", "title", "author", "year")
MAX_LIMIT = 1000
FACET_SIZE = 30  # values shown per facet (all are counted)
FILTER_FIELDS = {"language": "lang", "type": "type"}


@dataclass(frozen=True)
class Hit:
    id: int
    control_number: str
    title: str
    authors: list[str]
    year: str
    languages: list[str]
    type: str
    score: float
    snippet: Snippet

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "control_number": self.control_number,
            "title": self.title,
            "authors": self.authors,
            "year": self.year,
            "language": self.languages[0] if self.languages else "",
            "languages": self.languages,
            "type": self.type,
            "score": round(self.score, 4),
            "snippet": self.snippet.text,
            "snippet_html": self.snippet.html,
            "snippet_source": self.snippet.source,
            "page": self.snippet.page,
            "attachment": self.snippet.attachment or None,
        }


@dataclass
class SearchResult:
    query: str
    total: int = 0
    offset: int = 0
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    did_you_mean: str | None = None
    messages: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "query": self.query,
            "total": self.total,
            "offset": self.offset,
            "results": [hit.to_json() for hit in self.hits],
            "facets": {name: dict(values) for name, values in self.facets.items()},
            "did_you_mean": self.did_you_mean,
            "messages": self.messages,
        }


@dataclass
class IdList:
    """All matches of a search as record ids (see ``CatalogSearcher.search_ids``)."""

    query: str
    ids: list[int] = field(default_factory=list)
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    did_you_mean: str | None = None
    messages: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        return len(self.ids)


class _AllIdsTopCollector(TopCollector):
    """Top-N by score that also remembers every matching document, for facet counts."""

    def _collect(self, global_docnum: int, score: float) -> float:
        self.docset.add(global_docnum)
        return super()._collect(global_docnum, score)

    def all_ids(self):  # type: ignore[override]
        return self.docset


class CatalogSearcher:
    """Searches one :class:`SearchIndex`; keeps a whoosh searcher open and refreshes it."""

    def __init__(self, index: SearchIndex) -> None:
        self.index = index
        self._searcher: Searcher | None = None
        self._generation = ""
        self._facet_lists: dict[tuple[str, str], list[tuple[str, ...]]] = {}
        self._id_columns: dict[tuple[str, str], list[int]] = {}
        self._lock = threading.Lock()

    def _current(self) -> Searcher:
        ix = self.index.open()
        generation = self.index.generation
        if (
            self._searcher is not None
            and generation == self._generation
            and ix.latest_generation() == self._searcher.reader().generation()
        ):
            return self._searcher
        # Not Searcher.refresh(): whoosh 2.7.5 reuses segment readers there and so keeps
        # showing documents deleted (replaced) since — a new searcher is always correct.
        if self._searcher is not None:
            self._searcher.close()
        if generation != self._generation:
            self._facet_lists.clear()
            self._id_columns.clear()
        self._searcher, self._generation = ix.searcher(), generation
        return self._searcher

    @property
    def cached_lists(self) -> int:
        """How many per-segment value lists are cached (they grow by segment, not by query)."""
        return len(self._facet_lists) + len(self._id_columns)

    def close(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None

    def search(
        self,
        text: str,
        *,
        limit: int = 20,
        offset: int = 0,
        sort: str = "relevance",
        facets: bool = False,
        filters: dict[str, list[str]] | None = None,
    ) -> SearchResult:
        """Never raises for anything in ``text``; problems come back in ``messages``."""
        limit = max(0, min(limit, MAX_LIMIT))
        offset = max(0, offset)
        if sort not in SORTS:
            sort = "relevance"
        result = SearchResult(text, offset=offset)
        with self._lock:
            searcher = self._current()
            query, filter_query, plain_words = self._prepare(text, filters, result.messages)
            if query is None:
                return result
            docnums, scores, total, matched = self._run(
                searcher, query, limit + offset, sort, facets
            )
            if total == 0 and plain_words:
                retry = self._retry(searcher, text, plain_words, filter_query)
                if retry is not None:
                    result.did_you_mean, query = retry
                    docnums, scores, total, matched = self._run(
                        searcher, query, limit + offset, sort, facets
                    )
            result.total = total
            terms = _query_terms(query, searcher)
            for docnum, score in zip(docnums[offset:], scores[offset:], strict=True):
                result.hits.append(self._hit(searcher, docnum, score, terms))
            if facets:
                result.facets = self._facets(searcher, matched)
        return result

    def search_ids(
        self,
        text: str,
        *,
        sort: str = "relevance",
        facets: bool = True,
        filters: dict[str, list[str]] | None = None,
    ) -> IdList:
        """Every matching record id in result order, for a list that shows rows on demand.

        A window's results table holds only these ids (a few hundred kilobytes at 100k
        records) and reads the rows it shows from the catalog; sorting is a new call."""
        if sort not in SORTS:
            sort = "relevance"
        result = IdList(text)
        with self._lock:
            searcher = self._current()
            query, filter_query, plain_words = self._prepare(text, filters, result.messages)
            if query is None:
                return result
            docnums = self._all_docnums(searcher, query, sort)
            if not docnums and plain_words:
                retry = self._retry(searcher, text, plain_words, filter_query)
                if retry is not None:
                    result.did_you_mean, query = retry
                    docnums = self._all_docnums(searcher, query, sort)
            result.ids = self._record_ids(searcher, docnums)
            if facets:
                result.facets = self._facets(searcher, set(docnums))
        return result

    def _prepare(
        self, text: str, filters: dict[str, list[str]] | None, messages: list[str]
    ) -> tuple[wq.Query | None, wq.Query | None, list[str]]:
        """The query to run (None: nothing to search), the filter part and the plain words."""
        parsed = parse(text)
        compiled = Compiler(self.index.analyzer).compile(parsed.root)
        messages.extend(parsed.messages + compiled.messages)
        query = compiled.query
        filter_query = self._filter_query(filters or {})
        if query is None:
            if text.strip() and filter_query is None:
                messages.append("There is nothing to search for in this query.")
                return None, None, []
            query = wq.Every()
        if filter_query is not None:
            query = wq.And([query, filter_query])
        return query, filter_query, compiled.plain_words

    def _retry(
        self,
        searcher: Searcher,
        text: str,
        plain_words: list[str],
        filter_query: wq.Query | None,
    ) -> tuple[str, wq.Query] | None:
        """ "Did you mean" for a query that found nothing: the suggestion and its query."""
        suggestion = self._did_you_mean(searcher, text, plain_words)
        if suggestion is None:
            return None
        retry = Compiler(self.index.analyzer).compile(parse(suggestion).root).query
        if retry is None:
            return None
        if filter_query is not None:
            retry = wq.And([retry, filter_query])
        return suggestion, retry

    # --- running --------------------------------------------------------------------------

    def _run(
        self, searcher: Searcher, query: wq.Query, limit: int, sort: str, facets: bool
    ) -> tuple[list[int], list[float], int, set[int]]:
        if sort == "relevance":
            # replace=0: whoosh otherwise prunes sub-matchers that cannot reach the top N, and
            # then neither counts nor facets see the documents behind them.
            kind = _AllIdsTopCollector if facets else TopCollector
            collector = kind(limit=max(limit, 1), usequality=False, replace=0)
            searcher.search_with_collector(query, collector)
            results = collector.results()
            total = collector.count()
        else:
            sortedby = self._sort_facets(sort)
            results = searcher.search(query, limit=max(limit, 1), sortedby=sortedby)
            total = len(results)
        top = list(results.items())[:limit]
        docnums = [docnum for docnum, _ in top]
        scores = [float(score or 0.0) if sort == "relevance" else 0.0 for _, score in top]
        matched = set(results.docs()) if facets else set()
        return docnums, scores, total, matched

    @staticmethod
    def _sort_facets(sort: str) -> list[sorting.FacetType]:
        return {
            "title": [sorting.FieldFacet("sort_title"), sorting.ScoreFacet()],
            "author": [sorting.FieldFacet("sort_author"), sorting.FieldFacet("sort_title")],
            "year": [
                sorting.FieldFacet("sort_year", reverse=True),
                sorting.FieldFacet("sort_title"),
            ],
        }[sort]

    def _all_docnums(self, searcher: Searcher, query: wq.Query, sort: str) -> list[int]:
        if sort == "relevance" and isinstance(query, wq.Every):
            # Browsing, no words to rank by: the catalog's own order, the latest added first,
            # without scoring every document of the index.
            return sorted(searcher.reader().all_doc_ids(), reverse=True)
        if sort == "relevance":
            results = searcher.search(query, limit=None)
        else:
            results = searcher.search(query, limit=None, sortedby=self._sort_facets(sort))
        return [docnum for docnum, _score in results.items()]

    def _record_ids(self, searcher: Searcher, docnums: list[int]) -> list[int]:
        """Record ids of global document numbers, from a per-segment id column read once."""
        segments: list[tuple[int, int, list[int]]] = []
        for subsearcher, offset in searcher.leaf_searchers():
            reader = subsearcher.reader()
            key = (reader.segment().segment_id(), "record_id")
            ids = self._id_columns.get(key)
            if ids is None:
                column = reader.column_reader("record_id")
                ids = [int(column[i]) for i in range(reader.doc_count_all())]
                self._id_columns[key] = ids
            segments.append((offset, offset + len(ids), ids))
        out: list[int] = []
        for docnum in docnums:
            for start, end, ids in segments:
                if start <= docnum < end:
                    out.append(ids[docnum - start])
                    break
        return out

    @staticmethod
    def _filter_query(filters: dict[str, list[str]]) -> wq.Query | None:
        """Facet choices: values of one facet are alternatives, facets combine with AND."""
        clauses: list[wq.Query] = []
        for name, values in filters.items():
            if not values:
                continue
            if name in FILTER_FIELDS:
                options = [wq.Term(FILTER_FIELDS[name], v) for v in values]
            elif name == "decade":
                options = [
                    wq.TermRange("year", value[:4], f"{int(value[:4]) + 9:04d}")
                    for value in values
                    if value[:4].isdigit()
                ]
            elif name in FACETS:
                options = [wq.Term("x_" + name, v) for v in values]
            else:
                continue
            if options:
                clauses.append(wq.Or(options) if len(options) > 1 else options[0])
        if not clauses:
            return None
        return wq.And(clauses) if len(clauses) > 1 else clauses[0]

    # --- hits -----------------------------------------------------------------------------

    def _hit(self, searcher: Searcher, docnum: int, score: float, terms: frozenset[str]) -> Hit:
        stored = searcher.stored_fields(docnum)
        doc = json.loads(stored["doc"])
        pages = self._pages(doc.get("attachments", []))
        snippet = best_snippet(doc["title"], doc.get("summary", ""), pages, terms)
        return Hit(
            id=int(stored["id"]),
            control_number=doc["control_number"],
            title=doc["title"],
            authors=doc["authors"],
            year=doc["year"],
            languages=doc["languages"],
            type=doc["type"],
            score=score,
            snippet=snippet,
        )

    def _pages(self, attachments: list[list[str]]):
        for filename, sha256 in attachments:
            cached = self.index.fulltext.get(sha256)
            if cached is None or cached.error:
                continue
            for number, page in enumerate(cached.pages, start=1):
                yield filename, number, page

    # --- facets ---------------------------------------------------------------------------

    def _facets(self, searcher: Searcher, matched: set[int]) -> dict[str, list[tuple[str, int]]]:
        counters = {name: Counter[str]() for name in FACETS}
        for subsearcher, offset in searcher.leaf_searchers():
            reader = subsearcher.reader()
            end = offset + reader.doc_count_all()
            local = [d - offset for d in matched if offset <= d < end]
            if not local:
                continue
            for name in FACETS:
                values = self._facet_list(reader, name)
                counter = counters[name]
                for docnum in local:
                    counter.update(values[docnum])
        return {
            name: sorted(counter.items(), key=lambda item: (-item[1], item[0]))[:FACET_SIZE]
            for name, counter in counters.items()
        }

    def _facet_list(self, reader: Any, name: str) -> list[tuple[str, ...]]:
        key = (reader.segment().segment_id(), name)
        values = self._facet_lists.get(key)
        if values is None:
            column = reader.column_reader("f_" + name)
            values = [
                tuple(raw.decode("utf-8").split(SEPARATOR)) if raw else ()
                for raw in (column[i] for i in range(reader.doc_count_all()))
            ]
            self._facet_lists[key] = values
        return values

    # --- did you mean ---------------------------------------------------------------------

    @staticmethod
    def _did_you_mean(searcher: Searcher, text: str, plain_words: list[str]) -> str | None:
        reader = searcher.reader()
        corrected = text
        changed = False
        for word in plain_words:
            if reader.doc_frequency("all", word) > 0 or len(word) < 3:
                continue
            distance = 1 if len(word) <= 5 else 2
            candidates = [
                term
                for term in reader.terms_within("all", word, distance, prefix=1)
                if not term.startswith("~")
            ]
            if not candidates:
                continue
            best = max(candidates, key=lambda t: (reader.doc_frequency("all", t), t))
            corrected = _replace_word(corrected, word, best)
            changed = True
        return corrected if changed else None


def _replace_word(text: str, folded_word: str, replacement: str) -> str:
    pieces = text.split()
    for index, piece in enumerate(pieces):
        if fold(piece).strip("\"'()*~-") == folded_word:
            pieces[index] = replacement
            return " ".join(pieces)
    return " ".join([*pieces, replacement])


def _positive_leaves(query: wq.Query):
    """Leaf queries that can make a document match (the excluded side of NOT is skipped)."""
    if isinstance(query, wq.AndNot):
        yield from _positive_leaves(query.a)
    elif isinstance(query, wq.Not):
        return
    elif query.is_leaf():
        yield query
    else:
        for child in query.children():
            yield from _positive_leaves(child)


def _query_terms(query: wq.Query, searcher: Searcher) -> frozenset[str]:
    """The index terms of the query that exist (prefix and fuzzy queries expanded).

    Written out here because whoosh 2.7.5's ``Query.existing_terms`` reuses its ``fieldname``
    argument as a loop variable and so silently drops the terms of all but the first field."""
    reader = searcher.reader()
    out: set[str] = set()
    try:
        for leaf in _positive_leaves(query):
            for field_name, text in leaf.expanded_terms(reader, phrases=True):
                term = text.decode("utf-8") if isinstance(text, bytes) else str(text)
                if term not in out and (field_name, term) in reader:
                    out.add(term)
    except Exception:  # highlighting is a nicety; never fail a search over it
        return frozenset(out)
    return frozenset(out)
